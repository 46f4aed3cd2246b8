package dev.rivet.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A timer whose signal nobody handles kills the process (guest/programs/timerkill.c): the
 * same exit status and stdout under Rivet as under qemu-riscv64. A guest TAP test cannot
 * check this from inside: the process it would check is the one that dies.
 */
class TimerSignalDeathTest {
    @TestFactory
    Stream<DynamicTest> unhandledTimerSignalsKill() {
        GuestBuild.ensureBuilt();
        Path bin = GuestBuild.home().resolve("build/guest/programs/timerkill");
        return Stream.of(
                new Object[] {"alarm", 128 + 14}, new Object[] {"virtual", 128 + 26}, new Object[] {"prof", 128 + 27},
                new Object[] {"posix", 128 + 14}, new Object[] {"cpu", 128 + 10}).map(c -> {
            String mode = (String) c[0];
            int status = (Integer) c[1];
            return dynamicTest("timerkill " + mode + " dies with status " + status, () -> {
                GuestProcess.Result r = GuestRunner.RIVET.run(bin, List.of(mode), Map.of());
                GuestProcess.Result q = GuestRunner.QEMU.run(bin, List.of(mode), Map.of());
                String both = "\n--- rivet: " + r.describe() + "\n--- qemu: " + q.describe();
                assertFalse(r.timedOut(), () -> "rivet timed out" + both);
                assertEquals(status, q.status(), () -> "qemu's status (the reference)" + both);
                assertEquals(status, r.status(), () -> "rivet's status" + both);
                assertEquals(q.stdout(), r.stdout(), () -> "stdout" + both);
            });
        });
    }
}
