package dev.rivet.guest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Builds the guest C programs once per test JVM (scripts/build-guest.sh) and finds them. */
final class GuestBuild {
    private GuestBuild() {}

    private static GuestProcess.Result built;

    /** The repository root: Surefire passes it as rivet.home; otherwise the working directory. */
    static Path home() {
        return Path.of(System.getProperty("rivet.home", ".")).toAbsolutePath().normalize();
    }

    /** Compiles what is out of date; throws with the compiler's output when that fails. */
    static synchronized void ensureBuilt() {
        if (built == null) {
            built = GuestProcess.run(List.of(home().resolve("scripts/build-guest.sh").toString()),
                    Map.of(), Duration.ofMinutes(10));
        }
        if (built.status() != 0) {
            throw new AssertionError("building the guest programs failed (run 'make toolchain'?)\n" + built.describe());
        }
    }

    /** Source files {@code dir/*.c}, sorted by name. */
    static List<Path> sources(String dir) {
        try (Stream<Path> s = Files.list(home().resolve(dir))) {
            return s.filter(p -> p.toString().endsWith(".c")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot list " + dir, e);
        }
    }

    /** Where build-guest.sh puts the binary built from the source file {@code name} (x.c). */
    static Path binary(String outDir, String name) {
        return home().resolve(outDir).resolve(name.replaceFirst("\\.c$", ""));
    }
}
