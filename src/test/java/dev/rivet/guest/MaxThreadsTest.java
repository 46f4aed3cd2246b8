package dev.rivet.guest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --max-threads caps live guest threads: clone fails with EAGAIN beyond it, as RLIMIT_NPROC does on Linux. */
class MaxThreadsTest {
    @Test
    void cloneFailsWithEagainAtTheCap() throws Exception {
        GuestBuild.ensureBuilt();
        Path home = GuestBuild.home();
        Path prog = home.resolve("build/guest/programs/threadcap");
        Process p = new ProcessBuilder(home.resolve("rivet").toString(), "run", "--max-threads", "4", prog.toString(), "8")
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "rivet did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        // The main thread is one of the four.
        assertEquals("created 3 of 8: Resource temporarily unavailable\n", out);
    }
}
