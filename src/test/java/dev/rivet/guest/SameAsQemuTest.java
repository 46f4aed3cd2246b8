package dev.rivet.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Deterministic programs (the examples, guest/programs) must behave under Rivet exactly as
 * under qemu-riscv64: same stdout, same stderr, same exit status. When qemu's program dies
 * of a signal, qemu prints its own message on stderr, so only stdout and status are compared.
 */
class SameAsQemuTest {

    record Case(String name, Path binary, List<String> args) {}

    static List<Case> cases() {
        Path ex = GuestBuild.home().resolve("build/examples");
        Path exit = GuestBuild.home().resolve("build/guest/programs/exitcode");
        Path traps = GuestBuild.home().resolve("build/guest/programs/traps");
        return List.of(
                new Case("traps ill (SIGILL)", traps, List.of("ill")),
                new Case("traps ebreak (SIGTRAP)", traps, List.of("ebreak")),
                new Case("traps rodata (SIGSEGV, read-only page)", traps, List.of("rodata")),
                new Case("traps noexec (SIGSEGV, fetch from the stack)", traps, List.of("noexec")),
                new Case("traps wild (SIGSEGV, unmapped)", traps, List.of("wild")),
                new Case("hello", ex.resolve("hello"), List.of()),
                new Case("files", ex.resolve("files"), List.of()),
                new Case("segv", ex.resolve("segv"), List.of()),
                // 20000 lines: about 1.3 MB through stdio, then 1 MiB through one write(2)
                new Case("bigout 20000", GuestBuild.home().resolve("build/guest/programs/bigout"), List.of("20000")),
                new Case("exitcode return 0", exit, List.of("return", "0")),
                new Case("exitcode return 42", exit, List.of("return", "42")),
                new Case("exitcode exit 255", exit, List.of("exit", "255")),
                new Case("exitcode exit 256", exit, List.of("exit", "256")),
                new Case("exitcode _exit 7", exit, List.of("_exit", "7")),
                new Case("exitcode abort", exit, List.of("abort", "0")));
    }

    @TestFactory
    Stream<DynamicTest> sameAsQemu() {
        GuestBuild.ensureBuilt();
        return cases().stream().map(c -> dynamicTest("same as qemu: " + c.name(), () -> {
            String name = "same as qemu: " + c.name() + ": ";
            GuestProcess.Result q = GuestRunner.QEMU.run(c.binary(), c.args(), Map.of());
            GuestProcess.Result r = GuestRunner.RIVET.run(c.binary(), c.args(), Map.of());
            assertFalse(q.timedOut(), () -> name + "qemu timed out\n" + q.describe());
            assertFalse(r.timedOut(), () -> name + "rivet timed out\n" + r.describe());
            String both = "\n--- rivet: " + r.describe() + "\n--- qemu: " + q.describe();
            assertEquals(q.status(), r.status(), () -> name + "exit status" + both);
            assertEquals(q.stdout(), r.stdout(), () -> name + "stdout" + both);
            if (q.status() < 128) assertEquals(q.stderr(), r.stderr(), () -> name + "stderr" + both);
        }));
    }

    /** A fatal fault ends like it does in a shell: "Segmentation fault", status 139, and so on. */
    @TestFactory
    Stream<DynamicTest> segfaultIsReportedLikeAShell() {
        GuestBuild.ensureBuilt();
        Path segv = GuestBuild.home().resolve("build/examples/segv");
        Path traps = GuestBuild.home().resolve("build/guest/programs/traps");
        return Stream.of(
                shellLine("segv", segv, List.of(), 139, "Segmentation fault"),
                shellLine("traps ill", traps, List.of("ill"), 132, "Illegal instruction"),
                shellLine("traps ebreak", traps, List.of("ebreak"), 133, "Trace/breakpoint trap"));
    }

    private static DynamicTest shellLine(String name, Path binary, List<String> args, int status, String line) {
        return dynamicTest("rivet " + name + ": " + line + ", status " + status, () -> {
            GuestProcess.Result r = GuestRunner.RIVET.run(binary, args, Map.of());
            assertEquals(status, r.status(), () -> "rivet " + name + ": exit status\n" + r.describe());
            assertTrue(r.stderr().lines().anyMatch(l -> l.equals(line)),
                    () -> "rivet " + name + ": no \"" + line + "\" line on stderr\n" + r.describe());
        });
    }
}
