package dev.rivet.guest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the first guest process exits, `rivet run` returns its status and the other guest
 * processes (running, blocked, stopped, zombie) die with it instead of keeping the JVM alive.
 */
class OrphansTest {
    @Test
    void theFirstProcessExitEndsTheRun() throws Exception {
        GuestBuild.ensureBuilt();
        Path home = GuestBuild.home();
        Process p = new ProcessBuilder(home.resolve("rivet").toString(), "run",
                home.resolve("build/guest/programs/orphans").toString()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        boolean done = p.waitFor(30, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly();
        assertTrue(done, "rivet hung on the first process's orphaned children");
        assertEquals("leaving my children behind\n", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(3, p.exitValue());
    }
}
