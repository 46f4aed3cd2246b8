package dev.rivet;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything one run of a guest program needs, as the CLI (or an embedding application) decides
 * it. New options are added here with a {@code with…} method and a default in {@link #of}, so
 * callers that do not care about them keep compiling.
 *
 * @param program the host path of the program, exactly as the user gave it (relative paths are
 *                resolved from the current directory; the text is also what error messages
 *                show and what the guest sees as AT_EXECFN)
 * @param argv    the guest's argv, argv[0] as the user gave it
 * @param env     the guest's environment, "K=V" strings in order
 * @param strace  print each syscall to stderr as strace(1) would
 * @param root    the host directory the guest sees as "/"; null means no confinement (the host's /)
 * @param maxThreads the most threads the guest may have alive at once (0: only RLIMIT_NPROC limits)
 */
public record RunConfig(Path program, List<String> argv, List<String> env, boolean strace, Path root, int maxThreads) {
    public RunConfig {
        Objects.requireNonNull(program, "program");
        argv = List.copyOf(argv);
        env = List.copyOf(env);
    }

    /** A run of {@code program} with these arguments and environment, every option at its default. */
    public static RunConfig of(Path program, List<String> argv, List<String> env) {
        return new RunConfig(program, argv, env, false, null, 0);
    }

    public RunConfig withStrace(boolean on) { return new RunConfig(program, argv, env, on, root, maxThreads); }

    public RunConfig withRoot(Path dir) { return new RunConfig(program, argv, env, strace, dir, maxThreads); }

    public RunConfig withMaxThreads(int n) { return new RunConfig(program, argv, env, strace, root, n); }
}
