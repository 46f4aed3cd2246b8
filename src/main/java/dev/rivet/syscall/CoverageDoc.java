package dev.rivet.syscall;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes docs/syscalls.md from the syscall table, so the coverage docs can never disagree with
 * the code (a test compares the committed file with {@link #render}).
 * Usage: {@code java ... dev.rivet.syscall.CoverageDoc docs/syscalls.md}
 */
public final class CoverageDoc {
    private CoverageDoc() {}

    public static String render(SyscallTable table) {
        StringBuilder b = new StringBuilder();
        b.append("# Syscall coverage\n\n");
        b.append("Generated from the syscall table (`dev.rivet.syscall.Syscalls`) by `make docs`; do not edit.\n");
        b.append("Every number not listed here returns `-ENOSYS` (and shows so under `--strace`).\n\n");
        long full = table.registered().stream().filter(s -> s.support() == Support.FULL).count();
        long partial = table.registered().stream().filter(s -> s.support() == Support.PARTIAL).count();
        b.append(full).append(" full, ").append(partial).append(" partial.\n\n");
        b.append("| nr | name | support | what is missing |\n|---:|---|---|---|\n");
        for (Syscall s : table.registered()) {
            b.append("| ").append(s.number()).append(" | `").append(s.name()).append("` | ")
                    .append(s.support().name().toLowerCase()).append(" | ").append(s.note()).append(" |\n");
        }
        return b.toString();
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/syscalls.md");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, render(Syscalls.table()));
    }
}
