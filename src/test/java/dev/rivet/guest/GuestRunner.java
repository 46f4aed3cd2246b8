package dev.rivet.guest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two ways a guest binary is run: under Rivet ({@code ./rivet run}) and under
 * qemu-riscv64, the reference. Both get the same arguments and environment variables.
 */
enum GuestRunner {
    RIVET("rivet", Duration.ofSeconds(Long.getLong("rivet.guest.timeout", 45))),
    QEMU("qemu", Duration.ofSeconds(45));

    /**
     * After this many timeouts in one test JVM the remaining runs get {@link #SHORT_TIMEOUT}:
     * a Rivet that hangs must not turn the suite into hours (CI allows 30 minutes in all).
     */
    private static final int TIMEOUTS_BEFORE_SHORT = 2;
    private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(10);
    private static final java.util.concurrent.atomic.AtomicInteger timeouts = new java.util.concurrent.atomic.AtomicInteger();

    final String label;
    final Duration timeout;

    GuestRunner(String label, Duration timeout) {
        this.label = label;
        this.timeout = timeout;
    }

    /** Runs {@code binary args...} with the extra environment {@code env}. */
    GuestProcess.Result run(Path binary, List<String> args, Map<String, String> env) {
        List<String> cmd = new ArrayList<>();
        switch (this) {
            case RIVET -> {
                cmd.add(GuestBuild.home().resolve("rivet").toString());
                cmd.add("run");
                // Passed explicitly too: whether Rivet forwards the host environment is its choice.
                env.forEach((k, v) -> { cmd.add("--env"); cmd.add(k + "=" + v); });
                cmd.add("--");
            }
            case QEMU -> {
                // With a binfmt_misc handler (the host's or a private one) a guest's execve works
                // under qemu too, and the tests' exec checks run there instead of being skipped.
                if (QemuExec.available()) {
                    cmd.add(QemuExec.WRAPPER.toString());
                    env = new java.util.HashMap<>(env);
                    env.put("RIVET_QEMU_EXEC", "1");
                }
                cmd.add(qemu());
            }
        }
        cmd.add(binary.toString());
        cmd.addAll(args);
        Duration limit = timeouts.get() >= TIMEOUTS_BEFORE_SHORT ? SHORT_TIMEOUT : timeout;
        GuestProcess.Result r = GuestProcess.run(cmd, env, limit);
        if (r.timedOut()) timeouts.incrementAndGet();
        return r;
    }

    /** Whether scripts/qemu-binfmt.sh can give qemu-riscv64 an exec handler here (asked once). */
    static final class QemuExec {
        static final Path WRAPPER = GuestBuild.home().resolve("scripts/qemu-binfmt.sh");
        private static final boolean AVAILABLE = check();

        static boolean available() { return AVAILABLE; }

        private static boolean check() {
            GuestProcess.Result r = GuestProcess.run(List.of(WRAPPER.toString(), "--check"), Map.of(), Duration.ofSeconds(30));
            return r.status() == 0;
        }
    }

    /** The qemu-riscv64 on PATH, or the bare name (the run then fails and says so). */
    private static String qemu() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "qemu-riscv64");
            if (Files.isExecutable(p)) return p.toString();
        }
        return "qemu-riscv64";
    }
}
