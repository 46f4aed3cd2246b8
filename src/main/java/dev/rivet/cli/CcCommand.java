package dev.rivet.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rivet cc}: the launcher script normally runs scripts/rivet-cc.sh itself before any JVM
 * starts; when the Java CLI is invoked directly it hands over to the same script.
 */
final class CcCommand {
    private CcCommand() {}

    static final String SCRIPT = "scripts/rivet-cc.sh";

    /** Runs the script with {@code args}, sharing our stdin/stdout/stderr, and returns its status. */
    static int run(List<String> args) throws InterruptedException, CliFailure {
        Path script = findScript();
        // 127 as a shell would for a command it cannot find.
        if (script == null) throw new CliFailure("cc: cannot find " + SCRIPT + " (set RIVET_HOME to the Rivet directory)", 127);
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            throw new CliFailure("cc: cannot run " + script + ": " + e.getMessage(), 126);
        }
        return process.waitFor();
    }

    /**
     * The Rivet directory holding scripts/: the rivet.home property (the launcher and the tests
     * set it), else $RIVET_HOME, else found upwards from where this class was loaded
     * (target/classes or a jar under target/).
     */
    static Path findScript() {
        for (String home : new String[] {System.getProperty("rivet.home"), System.getenv("RIVET_HOME")}) {
            if (home != null && !home.isEmpty() && Files.isRegularFile(Path.of(home, SCRIPT))) return Path.of(home, SCRIPT);
        }
        try {
            Path p = Path.of(CcCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (int up = 0; up < 4 && p != null; up++, p = p.getParent()) {
                if (Files.isRegularFile(p.resolve(SCRIPT))) return p.resolve(SCRIPT);
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no usable code source: the caller reports the script as missing
        }
        return null;
    }
}
