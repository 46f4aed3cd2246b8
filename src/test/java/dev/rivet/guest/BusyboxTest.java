package dev.rivet.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.rivet.abi.Signal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Debian's riscv64 busybox-static runs {@code busybox sh -c SCRIPT} for every script in
 * src/test/resources/busybox/cases, under qemu-riscv64 (the reference) and under Rivet; stdout,
 * stderr and the exit status must be the same byte for byte. One test per script, named after
 * it. Both runs happen in the same fresh directory (so paths in the output agree), filled with
 * a copy of src/test/resources/busybox/fixtures before each, with the same fixed environment
 * (HOME, PATH of applet links, TZ=UTC, LANG=C, LC_ALL=C) and stdin from /dev/null. When the
 * shell itself dies of a signal, the runners' own lines about it (qemu's "uncaught target
 * signal", Rivet's shell-like "Terminated") are left out of the stderr comparison.
 *
 * <p>Most scripts make busybox exec itself (its shell runs applets with fork + execve of
 * /proc/self/exe). Under qemu that needs a binfmt_misc handler (scripts/qemu-binfmt.sh makes
 * a private one); where none can be had, those scripts have no reference and are skipped,
 * with the reason.
 */
class BusyboxTest {
    static final Path RESOURCES = GuestBuild.home().resolve("src/test/resources/busybox");

    /** Generous limits, cut short after a few Rivet timeouts so a hanging Rivet cannot take hours. */
    private static final Duration QEMU_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RIVET_TIMEOUT = Duration.ofSeconds(Long.getLong("rivet.busybox.timeout", 60));
    private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(15);
    private static final int TIMEOUTS_BEFORE_SHORT = 2;
    private static final AtomicInteger rivetTimeouts = new AtomicInteger();

    @TestFactory
    Stream<DynamicTest> busybox() {
        BusyboxHost.Setup setup = BusyboxHost.setup();
        if (setup.problem() != null) {
            // One failure, not one per script: there is nothing to run them with.
            return Stream.of(dynamicTest("busybox is available", () -> fail(setup.problem())));
        }
        // -Drivet.busybox.only=sort,sh_trap runs just those (while working on one).
        Set<String> only = Arrays.stream(System.getProperty("rivet.busybox.only", "").split(","))
                .filter(n -> !n.isBlank()).collect(Collectors.toSet());
        return BusyboxCase.all(RESOURCES.resolve("cases")).stream()
                .filter(c -> only.isEmpty() || only.contains(c.name()))
                .map(c -> dynamicTest("busybox " + c.name(), () -> compare(c, setup)));
    }

    private static void compare(BusyboxCase c, BusyboxHost.Setup setup) throws IOException {
        String name = "busybox " + c.name() + ": ";
        if (c.needsExec() && !setup.canExec()) {
            Assumptions.abort(name + "needs execve under qemu-riscv64, which cannot exec here (" + setup.binfmt() + ")");
        }
        if (c.needsHostIds() && !setup.qemuSeesHostIds()) {
            Assumptions.abort(name + "prints the user's ids, which qemu sees as root in its private user namespace");
        }
        Path top = Files.createTempDirectory("rivet-busybox-");
        try {
            Path work = top.resolve("w");
            fill(work);
            GuestProcess.Result q = BusyboxHost.run(BusyboxHost.qemu(setup, c, top), work, QEMU_TIMEOUT);
            fill(work);
            Duration limit = rivetTimeouts.get() >= TIMEOUTS_BEFORE_SHORT ? SHORT_TIMEOUT : RIVET_TIMEOUT;
            GuestProcess.Result r = BusyboxHost.run(BusyboxHost.rivet(c, top), work, limit);
            if (r.timedOut()) rivetTimeouts.incrementAndGet();

            assertFalse(q.timedOut(), () -> name + "qemu timed out: the script is wrong\n" + q.describe());
            // Every script prints something: silence from qemu means the reference itself broke.
            assertFalse(q.stdout().isEmpty(), () -> name + "nothing on stdout under qemu: the reference did not run, or the script is wrong\n" + q.describe());
            assertFalse(r.timedOut(), () -> name + "rivet timed out after " + limit.toSeconds() + " s\n" + r.describe());
            String both = "\n--- rivet: " + r.describe() + "\n--- qemu: " + q.describe();
            assertEquals(q.status(), r.status(), () -> name + "exit status" + firstDifference(q.stdout(), r.stdout()) + both);
            assertEquals(q.stdout(), r.stdout(), () -> name + "stdout" + firstDifference(q.stdout(), r.stdout()) + both);
            String qErr = q.status() > 128 ? withoutQemuSignalLine(q.stderr()) : q.stderr();
            String rErr = r.status() > 128 ? withoutShellSignalLine(r.stderr(), r.status() - 128) : r.stderr();
            assertEquals(qErr, rErr, () -> name + "stderr" + firstDifference(qErr, rErr) + both);
        } finally {
            deleteTree(top);
        }
    }

    /**
     * When busybox dies of a signal, qemu may say so itself ("qemu: uncaught target signal 6
     * (Aborted) - core dumped"); that line is qemu's, not the guest's.
     */
    static String withoutQemuSignalLine(String err) {
        return err.replaceAll("(?m)^qemu: uncaught target signal [^\n]*\n?", "");
    }

    /**
     * Rivet, like a shell, ends with a line such as "Terminated" when the first process dies of
     * a signal (issue 5, item 9): that line is Rivet's, not the guest's; it must be the right one.
     */
    static String withoutShellSignalLine(String err, int sig) {
        String line = Signal.description(sig);
        for (String end : new String[] {line + "\n", line + " (core dumped)\n"}) {
            if (err.endsWith(end)) return err.substring(0, err.length() - end.length());
        }
        return err;
    }

    /** Where two outputs part, as "line N: qemu ... / rivet ...", or "" when they agree. */
    static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1), a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "<end>", al = i < a.length ? a[i] : "<end>";
            if (!el.equals(al)) return " (first difference, line " + (i + 1) + ": qemu [" + el + "], rivet [" + al + "])";
        }
        return "";
    }

    /** Makes {@code work} a fresh copy of the fixtures. */
    private static void fill(Path work) throws IOException {
        deleteTree(work);
        Path from = RESOURCES.resolve("fixtures");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = work.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        // A script may leave a directory without write or search permission: restore them first.
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isDirectory).forEach(d -> d.toFile().setWritable(true));
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // deleting below reports what still cannot be removed
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(f);
        }
    }
}
