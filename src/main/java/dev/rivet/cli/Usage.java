package dev.rivet.cli;

/** The help texts (kept beside the parser in {@link Cli}; a test checks they list every option it accepts). */
final class Usage {
    private Usage() {}

    static final String TOP = """
            Usage: rivet [-h] [-V] COMMAND [ARGS...]
            Runs static riscv64 Linux programs on the JVM.

            Commands:
              run    Run a riscv64 Linux program
              cc     Compile C for riscv64 with musl (gcc's options)
              help   Show help for a command

            Options:
              -h, --help      Show this help and exit
              -V, --version   Print the version and exit

            Run 'rivet help COMMAND' or 'rivet COMMAND --help' for a command's options.
            """;

    static final String RUN = """
            Usage: rivet run [--strace] [--clear-env] [--env NAME=VALUE]... [--max-threads N] [--] PROG [ARGS...]
            Runs PROG (a host path, relative to the current directory) with ARGS; argv[0] is
            PROG as given. Everything after PROG belongs to the program.

            Options:
              --strace            Trace system calls to stderr, like strace(1)
              --clear-env         Start from an empty environment instead of rivet's own
              --env NAME=VALUE    Set a variable in the program's environment (repeatable,
                                  applied in order after --clear-env)
              --max-threads N     Let the program have at most N threads alive at once
                                  (clone fails with EAGAIN beyond; RLIMIT_NPROC applies too)
              -h, --help          Show this help and exit
            """;

    static final String CC = """
            Usage: rivet cc [GCC OPTIONS...] FILES...
            Compiles and links C for riscv64 against musl, statically, with the cross gcc;
            takes gcc's options (runs scripts/rivet-cc.sh).
            """;

    static final String HELP = """
            Usage: rivet help [COMMAND]
            Shows help for COMMAND, or lists the commands.
            """;
}
