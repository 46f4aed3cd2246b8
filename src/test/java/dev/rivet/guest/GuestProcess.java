package dev.rivet.guest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one host command with stdin from /dev/null, capturing stdout and stderr, under a timeout. */
final class GuestProcess {
    private GuestProcess() {}

    /** What a finished (or killed) run left behind. status is -1 when it timed out. */
    record Result(List<String> command, int status, String stdout, String stderr, boolean timedOut) {
        String describe() {
            return String.join(" ", command)
                    + (timedOut ? "\n(timed out)" : "\n(exit status " + status + ")")
                    + (stderr.isEmpty() ? "" : "\nstderr:\n" + tail(stderr))
                    + (stdout.isEmpty() ? "" : "\nstdout:\n" + tail(stdout));
        }

        private static String tail(String s) {
            return s.length() <= 4000 ? s : "..." + s.substring(s.length() - 4000);
        }
    }

    /**
     * Runs {@code command} in a fresh temporary directory (where a crashing qemu may leave a
     * core file) with {@code env} added to this JVM's environment.
     */
    static Result run(List<String> command, Map<String, String> env, Duration timeout) {
        Path work = null;
        try {
            work = Files.createTempDirectory("rivet-guest-");
            Path out = work.resolve(".stdout"), err = work.resolve(".stderr");
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(work.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            return new Result(command, finished ? p.exitValue() : -1,
                    Files.readString(out, StandardCharsets.ISO_8859_1),
                    Files.readString(err, StandardCharsets.ISO_8859_1), !finished);
        } catch (IOException e) {
            return new Result(command, -1, "", "could not run: " + e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(command, -1, "", "interrupted", false);
        } finally {
            if (work != null) deleteTree(work);
        }
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary directory is not worth failing a test for
        }
    }
}
