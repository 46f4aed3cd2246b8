package dev.rivet.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The `rivet` launcher's one-line answers when it cannot start Rivet. */
class LauncherTest {
    @TempDir Path dir;

    static final String NO_JDK = "rivet: JDK 25 not found: install one (e.g. Temurin 25) or set JAVA_HOME\n";

    @Test
    void saysSoWhenNoJdk25IsFound() {
        // JAVA_HOME without a JDK, and a JVM directory without any: the search must come up empty.
        var r = GuestProcess.run(List.of(GuestBuild.home().resolve("rivet").toString(), "run", "x"),
                Map.of("JAVA_HOME", dir.toString(), "RIVET_JVM_DIR", dir.toString()), Duration.ofSeconds(30));
        assertEquals(1, r.status(), r::describe);
        assertEquals(NO_JDK, r.stderr());
    }

    @Test
    void skipsAnOlderJavaHomeForAJdk25InTheJvmDirectory() throws IOException {
        Path fake = fakeJdk("fake-17", "17.0.9");
        var r = GuestProcess.run(List.of(GuestBuild.home().resolve("scripts/find-jdk.sh").toString()),
                Map.of("JAVA_HOME", fake.toString(), "RIVET_JVM_DIR", dir.toString()), Duration.ofSeconds(30));
        assertEquals(NO_JDK, r.stderr(), "a JDK 17 in JAVA_HOME is not enough");
        Path ok = fakeJdk("fake-25", "25.0.1");
        r = GuestProcess.run(List.of(GuestBuild.home().resolve("scripts/find-jdk.sh").toString()),
                Map.of("JAVA_HOME", fake.toString(), "RIVET_JVM_DIR", dir.toString()), Duration.ofSeconds(30));
        assertEquals(ok + "\n", r.stdout(), "the JDK 25 in the JVM directory is found: " + r.describe());
    }

    @Test
    void saysToBuildWhenNotBuilt() throws IOException {
        // A copy of the launcher in an empty tree: it looks for target/ next to itself.
        Files.createDirectories(dir.resolve("scripts"));
        Files.copy(GuestBuild.home().resolve("rivet"), dir.resolve("rivet"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(GuestBuild.home().resolve("scripts/jdk.sh"), dir.resolve("scripts/jdk.sh"));
        var r = GuestProcess.run(List.of(dir.resolve("rivet").toString(), "run", "x"), Map.of(), Duration.ofSeconds(30));
        assertEquals(1, r.status(), r::describe);
        assertEquals("rivet: not built yet: run 'make build' in " + dir + "\n", r.stderr());
    }

    /** A directory that looks like a JDK of the given version to scripts/jdk.sh. */
    private Path fakeJdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name).resolve("bin"));
        Path java = home.resolve("java");
        Files.writeString(java, "#!/bin/sh\nexit 1\n");
        java.toFile().setExecutable(true);
        Files.writeString(dir.resolve(name).resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        return dir.resolve(name);
    }
}
