package dev.rivet.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The `rivet` launcher: its one-line answers when it cannot start Rivet, and its CDS archive. */
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

    /**
     * An archive older than the jar is replaced by the next run, and neither that run nor the
     * next one shows anything of the JVM's on the guest's stdout or stderr.
     */
    @Test
    void staleArchiveIsReplacedWithoutNoise() throws IOException {
        Path target = GuestBuild.home().resolve("target");
        Path jar;
        try (var s = Files.list(target)) {
            jar = s.filter(p -> p.getFileName().toString().matches("rivet-.*\\.jar")).findFirst().orElse(null);
        }
        Assumptions.assumeTrue(jar != null, "no jar: the launcher runs from target/classes until `make build`");
        FileTime jarTime = Files.getLastModifiedTime(jar);
        try (var classes = Files.walk(target.resolve("classes"))) {
            boolean stale = classes.anyMatch(p -> {
                try { return Files.isRegularFile(p) && Files.getLastModifiedTime(p).compareTo(jarTime) > 0; }
                catch (IOException e) { return true; }
            });
            Assumptions.assumeFalse(stale, "classes newer than the jar: the launcher skips CDS until `make build`");
        }
        GuestBuild.ensureBuilt();
        Path jsa = target.resolve("rivet.jsa");
        Path hello = GuestBuild.home().resolve("build/examples/hello");
        if (Files.exists(jsa)) {
            Files.setLastModifiedTime(jsa, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        }
        for (int run = 1; run <= 2; run++) {
            var r = GuestRunner.RIVET.run(hello, List.of(), Map.of());
            assertEquals("Hello, world!\n", r.stdout(), "run " + run + ": " + r.describe());
            assertEquals("", r.stderr(), "run " + run + ": " + r.describe());
            assertEquals(0, r.status(), "run " + run + ": " + r.describe());
        }
        org.junit.jupiter.api.Assertions.assertTrue(Files.exists(jsa), "the archive was created again");
        org.junit.jupiter.api.Assertions.assertFalse(
                Files.getLastModifiedTime(jsa).compareTo(Files.getLastModifiedTime(jar)) < 0, "and is newer than the jar");
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
