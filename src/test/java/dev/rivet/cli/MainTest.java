package dev.rivet.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The real entry point in a real JVM: exit statuses as the shell sees them and stderr with
 * exactly one line, for the failures that never reach a guest program.
 */
class MainTest {
    @TempDir Path dir;

    record Result(int status, String out, String err) {}

    static Result main(String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path target = Path.of(System.getProperty("rivet.home", "."), "target");
        String classpath = target.resolve("classes") + File.pathSeparator + target.resolve("lib") + "/*";
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-cp", classpath, Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("RIVET_DEBUG");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out, err);
    }

    @Test
    void versionExitsZero() throws Exception {
        Result r = main("--version");
        assertEquals(new Result(0, "rivet 0.1.0\n", ""), r);
    }

    @Test
    void missingProgramIs127() throws Exception {
        Path missing = dir.resolve("missing");
        Result r = main("run", missing.toString());
        assertEquals(new Result(127, "", "rivet: " + missing + ": No such file or directory\n"), r);
    }

    @Test
    void notAnElfIs126() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "just text\n");
        Result r = main("run", text.toString(), "arg");
        assertEquals(new Result(126, "", "rivet: " + text + ": not an ELF executable (exec format error)\n"), r);
    }

    @Test
    void directoryIs126() throws Exception {
        Result r = main("run", dir.toString());
        assertEquals(new Result(126, "", "rivet: " + dir + ": Is a directory\n"), r);
    }

    @Test
    void badFlagIs2() throws Exception {
        Result r = main("run", "--bogus", "x");
        assertEquals(2, r.status());
        assertEquals("rivet run: unknown option '--bogus'\nTry 'rivet run --help' for more information.\n", r.err());
    }

    @Test
    void mainRunIsTheSameWithoutExiting() {
        assertEquals(2, Main.run(new String[] {"--no-such-flag"}));
    }
}
