package dev.rivet.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** `rivet cc` hands its arguments to scripts/rivet-cc.sh and returns the script's status. */
class CcCommandTest {
    @TempDir Path home;
    private final String savedHome = System.getProperty("rivet.home");

    @AfterEach
    void restore() {
        if (savedHome == null) System.clearProperty("rivet.home");
        else System.setProperty("rivet.home", savedHome);
    }

    @Test
    void runsTheScriptWithTheArgumentsAndReturnsItsStatus() throws Exception {
        Path scripts = Files.createDirectories(home.resolve("scripts"));
        Path log = home.resolve("args.txt");
        Path script = Files.writeString(scripts.resolve("rivet-cc.sh"),
                "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" + log + "'\nexit $#\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        System.setProperty("rivet.home", home.toString());
        assertEquals(script, CcCommand.findScript());
        assertEquals(4, CcCommand.run(List.of("-O2", "hello world.c", "-o", "hello")));
        assertEquals(List.of("-O2", "hello world.c", "-o", "hello"), Files.readAllLines(log));
    }

    @Test
    void nonExecutableScriptIs126() throws Exception {
        Path scripts = Files.createDirectories(home.resolve("scripts"));
        Files.writeString(scripts.resolve("rivet-cc.sh"), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(scripts.resolve("rivet-cc.sh"), PosixFilePermissions.fromString("rw-r--r--"));
        System.setProperty("rivet.home", home.toString());
        CliFailure f = assertThrows(CliFailure.class, () -> CcCommand.run(List.of("x.c")));
        assertEquals(126, f.status);
        assertTrue(f.getMessage().startsWith("cc: cannot run "), f.getMessage());
    }
}
