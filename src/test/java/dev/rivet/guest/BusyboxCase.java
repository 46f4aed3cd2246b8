package dev.rivet.guest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One busybox shell script of src/test/resources/busybox/cases: its name (the file's, without
 * ".sh"), its text (run as {@code busybox sh -c TEXT}), whether it needs execve under
 * qemu-riscv64 (a line "# needs: exec"), which only works there through binfmt_misc, and
 * whether it prints the user's own ids (a line "# needs: host ids"), which qemu reports as
 * root when it runs in a private user namespace started by a user other than root.
 */
record BusyboxCase(String name, String script, boolean needsExec, boolean needsHostIds) {

    static final String NEEDS_EXEC = "# needs: exec";
    static final String NEEDS_HOST_IDS = "# needs: host ids";

    static BusyboxCase read(Path file) {
        try {
            String text = Files.readString(file);
            boolean exec = text.lines().anyMatch(l -> l.startsWith(NEEDS_EXEC));
            boolean ids = text.lines().anyMatch(l -> l.startsWith(NEEDS_HOST_IDS));
            return new BusyboxCase(file.getFileName().toString().replaceFirst("\\.sh$", ""), text, exec, ids);
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
