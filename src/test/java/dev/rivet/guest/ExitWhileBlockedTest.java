package dev.rivet.guest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** exit() ends the process even while another thread is blocked in a read of an open pipe. */
class ExitWhileBlockedTest {
    @Test
    void exitDoesNotWaitForAThreadBlockedInRead() throws Exception {
        GuestBuild.ensureBuilt();
        Path home = GuestBuild.home();
        Process p = new ProcessBuilder(home.resolve("rivet").toString(), "run",
                home.resolve("build/guest/programs/stuckread").toString()).start();
        // stdin stays open and empty: the reader thread never returns by itself.
        boolean done = p.waitFor(30, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly();
        assertTrue(done, "rivet hung on a thread blocked in read(0)");
        assertEquals(3, p.exitValue());
        assertEquals("exiting while a thread reads stdin\n", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        p.getOutputStream().close();
    }
}
