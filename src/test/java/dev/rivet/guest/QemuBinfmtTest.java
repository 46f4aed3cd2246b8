package dev.rivet.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * scripts/qemu-binfmt.sh, which the busybox comparison relies on: where it says qemu can
 * exec, a riscv64 program run under qemu really can execve another riscv64 program (busybox
 * running its own applets by exec), with argv[0] kept; and it says "none" when told to.
 */
class QemuBinfmtTest {
    private static final String SCRIPT = GuestBuild.home().resolve("scripts/qemu-binfmt.sh").toString();

    @Test
    void execOfARiscvProgramWorksUnderQemuWhereTheScriptSaysSo() {
        BusyboxHost.Setup s = BusyboxHost.setup();
        Assumptions.assumeTrue(s.problem() == null, () -> "no busybox: " + s.problem());
        Assumptions.assumeTrue(s.canExec(), () -> "qemu cannot exec here: " + s.binfmt());
        // busybox's shell runs env and wc by execve of busybox itself (they are not among the
        // applets it runs in the forked child), and env execs again for "echo". PATH holds only
        // applet links, so a failed exec cannot fall back to a host program.
        GuestProcess.Result r = GuestProcess.run(List.of(SCRIPT, "/usr/bin/env", "-i", "PATH=" + BusyboxHost.APPLETS,
                        "/usr/bin/qemu-riscv64", BusyboxHost.BINARY.toString(),
                        "sh", "-c", "env echo exec works; wc -c < /dev/null"),
                Map.of(), Duration.ofSeconds(60));
        assertEquals(0, r.status(), r::describe);
        assertEquals("exec works\n0\n", r.stdout(), r::describe);
    }

    @Test
    void saysNoneWhenExecIsImpossible() {
        GuestProcess.Result r = GuestProcess.run(List.of(SCRIPT, "--check"), Map.of("RIVET_BINFMT", "none"), Duration.ofSeconds(30));
        assertEquals(1, r.status(), r::describe);
        assertTrue(r.stdout().startsWith("none: "), r::describe);
        GuestProcess.Result run = GuestProcess.run(List.of(SCRIPT, "true"), Map.of("RIVET_BINFMT", "none"), Duration.ofSeconds(30));
        assertEquals(125, run.status(), run::describe);
    }
}
