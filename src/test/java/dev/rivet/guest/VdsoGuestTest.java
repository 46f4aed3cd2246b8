package dev.rivet.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * guest/tests/vdso.c skips its vDSO checks where there is no vDSO (qemu 7.2 gives riscv64
 * programs none). Rivet always maps one, so under Rivet every check must run and pass: this
 * runs the binary without RIVET_TAP_RUNNER (so the test cannot know it is under Rivet) and
 * requires that nothing was skipped.
 */
class VdsoGuestTest {
    @Test
    void underRivetNoVdsoCheckIsSkipped() {
        GuestBuild.ensureBuilt();
        Path bin = GuestBuild.binary("build/guest/tests", "vdso.c");
        assertTrue(Files.isExecutable(bin), "not built: " + bin);
        GuestProcess.Result run = GuestRunner.RIVET.run(bin, List.of(), Map.of());
        assertEquals(0, run.status(), run::describe);
        Tap tap = Tap.parse(run.stdout());
        assertTrue(tap.planned() > 0, run::describe);
        assertEquals(tap.planned(), tap.lines().size(), run::describe);
        for (Tap.Line line : tap.lines()) {
            assertTrue(line.ok() && line.skipReason() == null, () -> "not run or failed: " + line.title() + "\n" + run.describe());
        }
    }
}
