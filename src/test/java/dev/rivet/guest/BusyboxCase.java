package dev.rivet.guest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One busybox shell script of src/test/resources/busybox/cases: its name (the file's, without
 * ".sh"), its text (run as {@code busybox sh -c TEXT}) and whether it needs execve under
 * qemu-riscv64 (a line "# needs: exec"), which only works there through binfmt_misc.
 */
record BusyboxCase(String name, String script, boolean needsExec) {

    static final String NEEDS_EXEC = "# needs: exec";

    static BusyboxCase read(Path file) {
        try {
            String text = Files.readString(file);
            boolean exec = text.lines().anyMatch(l -> l.startsWith(NEEDS_EXEC));
            return new BusyboxCase(file.getFileName().toString().replaceFirst("\\.sh$", ""), text, exec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every case in {@code dir}, sorted by name. */
    static List<BusyboxCase> all(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".sh")).sorted().map(BusyboxCase::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
