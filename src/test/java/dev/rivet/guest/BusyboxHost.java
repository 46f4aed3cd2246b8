package dev.rivet.guest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What running busybox needs on this machine: Debian's binary and its applet links (fetched
 * by scripts/busybox.sh once per test JVM when missing), whether qemu-riscv64 can exec
 * (scripts/qemu-binfmt.sh --check), and the two command lines, under qemu and under Rivet,
 * that run one script with the same fixed environment.
 */
final class BusyboxHost {
    private BusyboxHost() {}

    /** The busybox of the cache and the directory of links named after its applets (PATH). */
    static final Path BINARY = GuestBuild.home().resolve(".cache/busybox/usr/bin/busybox");
    static final Path APPLETS = GuestBuild.home().resolve(".cache/busybox/bin");

    /** How qemu-riscv64's execve reaches the host: "host", "private", or "none: WHY". */
    record Setup(String problem, String binfmt) {
        boolean canExec() {
            return !binfmt.startsWith("none");
        }

        /** Whether qemu sees the user's own uid and gid: not as root mapped into a private namespace. */
        boolean qemuSeesHostIds() {
            return !binfmt.equals("private") || hostUid() == 0;
        }
    }

    private static Setup setup;

    /** Fetches busybox when missing (once per JVM) and asks how qemu can exec. */
    static synchronized Setup setup() {
        if (setup != null) return setup;
        String problem = null;
        if (!Files.isExecutable(BINARY) || !Files.exists(APPLETS.resolve(".ready"))) {
            GuestProcess.Result fetch = GuestProcess.run(
                    List.of(GuestBuild.home().resolve("scripts/busybox.sh").toString()), Map.of(), Duration.ofMinutes(5));
            if (fetch.status() != 0) problem = "fetching busybox failed (run 'make busybox')\n" + fetch.describe();
        }
        GuestProcess.Result check = GuestProcess.run(
                List.of(GuestBuild.home().resolve("scripts/qemu-binfmt.sh").toString(), "--check"), Map.of(), Duration.ofMinutes(1));
        String binfmt = check.stdout().strip();
        if (binfmt.isEmpty()) binfmt = "none: qemu-binfmt.sh --check said nothing: " + check.stderr().strip();
        setup = new Setup(problem, binfmt);
        return setup;
    }

    private static int hostUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }

    /** The environment every script gets, in this order, under both runners. */
    static List<String> environment(Path home) {
        return List.of("HOME=" + home, "PATH=" + APPLETS, "TZ=UTC", "LANG=C", "LC_ALL=C");
    }

    /** {@code busybox sh -c SCRIPT} under qemu-riscv64, through qemu-binfmt.sh when it can exec. */
    static List<String> qemu(Setup s, BusyboxCase c, Path home) {
        List<String> cmd = new ArrayList<>();
        if (s.canExec()) cmd.add(GuestBuild.home().resolve("scripts/qemu-binfmt.sh").toString());
        // env -i: qemu hands the guest its own environment, which is this JVM's otherwise.
        cmd.add("/usr/bin/env");
        cmd.add("-i");
        cmd.addAll(environment(home));
        cmd.add(qemuPath());
        addShell(cmd, c);
        return cmd;
    }

    /** The same under Rivet, through the ./rivet launcher, with only the fixed environment. */
    static List<String> rivet(BusyboxCase c, Path home) {
        List<String> cmd = new ArrayList<>(List.of(GuestBuild.home().resolve("rivet").toString(), "run", "--clear-env"));
        for (String kv : environment(home)) {
            cmd.add("--env");
            cmd.add(kv);
        }
        cmd.add("--");
        addShell(cmd, c);
        return cmd;
    }

    private static void addShell(List<String> cmd, BusyboxCase c) {
        cmd.addAll(List.of(BINARY.toString(), "sh", "-c", c.script()));
    }

    private static String qemuPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "qemu-riscv64");
            if (Files.isExecutable(p)) return p.toAbsolutePath().toString();
        }
        return "/usr/bin/qemu-riscv64";
    }

    /**
     * Runs {@code command} in {@code dir} with stdin from /dev/null; stdout and stderr are
     * captured in files beside {@code dir} (not inside it, where a script could see them).
     * A run past {@code timeout} is killed with all its descendants.
     */
    static GuestProcess.Result run(List<String> command, Path dir, Duration timeout) {
        Path out = dir.resolveSibling(dir.getFileName() + ".stdout");
        Path err = dir.resolveSibling(dir.getFileName() + ".stderr");
        try {
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            Process p = pb.start();
            boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            return new GuestProcess.Result(shown(command), finished ? p.exitValue() : -1,
                    Files.readString(out, StandardCharsets.ISO_8859_1),
                    Files.readString(err, StandardCharsets.ISO_8859_1), !finished);
        } catch (IOException e) {
            return new GuestProcess.Result(shown(command), -1, "", "could not run: " + e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new GuestProcess.Result(shown(command), -1, "", "interrupted", false);
        }
    }

    /** The command for messages, with the script (the last argument) shortened to its name. */
    private static List<String> shown(List<String> command) {
        List<String> c = new ArrayList<>(command);
        c.set(c.size() - 1, "'<script>'");
        return c;
    }
}
