package dev.rivet.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Signals sent to the rivet JVM reach the guest's process group, as a terminal's Ctrl-C or a
 * shell's kill would on Linux: a handler runs, an unhandled SIGINT kills the guest, and rivet
 * exits with the guest's status.
 */
class HostSignalTest {
    private static ProcessResult runAndSignal(String signal, String... args) throws Exception {
        GuestBuild.ensureBuilt();
        var cmd = new java.util.ArrayList<>(List.of(GuestBuild.home().resolve("rivet").toString(), "run",
                GuestBuild.binary("build/guest/programs", "hostsig").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("ready", out.readLine(), "the guest started");
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "rivet ended after SIG" + signal);
        String rest = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new ProcessResult(p.exitValue(), rest, err);
    }

    record ProcessResult(int status, String stdout, String stderr) {}

    @Test
    void sigtermReachesTheGuestsHandler() throws Exception {
        ProcessResult r = runAndSignal("TERM", "handle");
        assertEquals(42, r.status(), r.toString());
        assertEquals("got SIGTERM\n", r.stdout());
    }

    @Test
    void sigintKillsAGuestWithoutAHandlerAsATerminalWould() throws Exception {
        ProcessResult r = runAndSignal("INT");
        assertEquals(130, r.status(), r.toString());
        assertEquals("", r.stderr(), "like a shell, nothing is printed for a death by SIGINT");
    }
}
