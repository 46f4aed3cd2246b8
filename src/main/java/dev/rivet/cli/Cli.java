package dev.rivet.cli;

import dev.rivet.RunConfig;
import dev.rivet.elf.LoadException;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The command line: parses the arguments, builds a {@link RunConfig} and hands it to the runner,
 * and turns every failure into one line on stderr and a status (2 for usage errors, 126/127 for
 * programs that cannot be loaded, 70 for Rivet's own bugs). The command model is built with
 * picocli's programmatic API rather than annotations: no reflection at startup.
 */
final class Cli {
    /** Runs a configured program and returns its exit status (in production: Rivet.run). */
    interface Runner { int run(RunConfig config) throws Exception; }

    /** Runs `rivet cc` with its arguments and returns the status. */
    interface CcRunner { int run(List<String> args) throws Exception; }

    /** BSD sysexits' EX_USAGE is 64, but shells and GNU tools use 2 for a bad command line. */
    static final int USAGE = 2;
    /** EX_SOFTWARE: an internal error in Rivet itself. */
    static final int INTERNAL = 70;

    private final PrintStream out, err;
    private final Supplier<List<String>> hostEnv;
    private final Runner runner;
    private final CcRunner cc;
    private final boolean debug;

    Cli(PrintStream out, PrintStream err, Supplier<List<String>> hostEnv, Runner runner, CcRunner cc, boolean debug) {
        this.out = out;
        this.err = err;
        this.hostEnv = hostEnv;
        this.runner = runner;
        this.cc = cc;
        this.debug = debug;
    }

    int run(String[] args) {
        try {
            return dispatch(args);
        } catch (LoadException e) {
            err.println(e.userMessage());
            return e.status;
        } catch (Throwable e) { // anything else is a Rivet bug: one line, the trace only on request
            String message = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
            err.println("rivet: internal error: " + message);
            if (debug) e.printStackTrace(err);
            return INTERNAL;
        }
    }

    private int dispatch(String[] args) throws Exception {
        // `cc` takes the compiler's own options, so picocli must never see them.
        if (args.length > 0 && args[0].equals("cc")) return cc.run(List.of(args).subList(1, args.length));

        CommandLine top = commandLine();
        ParseResult parsed;
        try {
            parsed = top.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return usageError(e);
        }
        if (parsed.isUsageHelpRequested()) { out.print(top.getUsageMessage()); return 0; }
        if (parsed.isVersionHelpRequested()) { out.println("rivet " + Version.get()); return 0; }
        if (!parsed.hasSubcommand()) {
            err.println("rivet: missing command");
            err.println(HINT);
            return USAGE;
        }
        ParseResult sub = parsed.subcommand();
        String name = sub.commandSpec().name();
        if (name.equals("help")) return help(top, sub);
        if (sub.isUsageHelpRequested()) { out.print(sub.commandSpec().commandLine().getUsageMessage()); return 0; }
        return runCommand(sub);
    }

    private int help(CommandLine top, ParseResult sub) {
        List<String> topics = sub.matchedPositionalValue(0, List.of());
        if (topics.isEmpty()) { out.print(top.getUsageMessage()); return 0; }
        CommandLine target = top.getSubcommands().get(topics.getFirst());
        if (target == null) {
            err.println("rivet: unknown command '" + topics.getFirst() + "'");
            err.println(HINT);
            return USAGE;
        }
        out.print(target.getUsageMessage());
        return 0;
    }

    private int runCommand(ParseResult run) throws Exception {
        List<String> positionals = run.matchedPositionalValue(0, List.of());
        if (positionals.isEmpty()) {
            err.println("rivet run: missing program to run");
            err.println("Try 'rivet run --help' for more information.");
            return USAGE;
        }
        List<String> envArgs = run.matchedOptionValue("--env", List.of());
        for (String kv : envArgs) {
            if (kv.indexOf('=') <= 0) {
                err.println("rivet run: --env expects NAME=VALUE, got '" + kv + "'");
                err.println("Try 'rivet run --help' for more information.");
                return USAGE;
            }
        }
        boolean clear = run.hasMatchedOption("--clear-env");
        List<String> env = GuestEnvironment.merge(clear ? List.of() : hostEnv.get(), envArgs);
        String prog = positionals.getFirst();
        RunConfig config = RunConfig.of(Path.of(prog), positionals, env)
                .withStrace(run.hasMatchedOption("--strace"));
        return runner.run(config);
    }

    static final String HINT = "Try 'rivet --help' for more information.";

    private int usageError(CommandLine.ParameterException e) {
        CommandLine where = e.getCommandLine();
        String cmd = where.getParent() == null ? "rivet" : "rivet " + where.getCommandName();
        String message = e.getMessage();
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().getFirst();
            message = arg.startsWith("-") ? "unknown option '" + arg + "'"
                    : where.getParent() == null ? "unknown command '" + arg + "'"
                    : "unexpected argument '" + arg + "'";
        } else if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()
                && m.getMissing().getFirst() instanceof OptionSpec o) {
            message = "option '" + o.longestName() + "' needs a value (" + o.paramLabel() + ")";
        } else if (message != null && !message.isEmpty()) {
            message = Character.toLowerCase(message.charAt(0)) + message.substring(1);
        }
        err.println(cmd + ": " + message);
        err.println(where.getParent() == null ? HINT : "Try '" + cmd + " --help' for more information.");
        return USAGE;
    }

    /** The command model: `rivet [-h] [-V] (run | cc | help)`. */
    static CommandLine commandLine() {
        CommandSpec top = CommandSpec.create().name("rivet");
        top.usageMessage()
                .description("Runs static riscv64 Linux programs on the JVM.")
                .commandListHeading("%nCommands:%n")
                .customSynopsis("rivet [-hV] COMMAND [ARGS...]");
        top.addOption(flag("Show this help and exit.", "-h", "--help").usageHelp(true).build());
        top.addOption(flag("Print the version and exit.", "-V", "--version").versionHelp(true).build());

        CommandSpec run = CommandSpec.create().name("run");
        run.usageMessage()
                .description("Run a riscv64 Linux program. Options after PROG belong to the program.")
                .customSynopsis("rivet run [--strace] [--clear-env] [--env NAME=VALUE]... [--] PROG [ARGS...]");
        run.addOption(flag("Trace system calls to stderr, like strace(1).", "--strace").build());
        run.addOption(flag("Start the program with an empty environment (before any --env).", "--clear-env").build());
        run.addOption(OptionSpec.builder("--env").paramLabel("NAME=VALUE").type(List.class)
                .auxiliaryTypes(String.class).arity("1")
                .description("Set a variable in the program's environment (repeatable, applied in order).").build());
        run.addOption(flag("Show this help and exit.", "-h", "--help").usageHelp(true).build());
        run.addPositional(PositionalParamSpec.builder().index("0..*").paramLabel("PROG").type(List.class)
                .auxiliaryTypes(String.class).arity("0..*").hidden(true).build());

        CommandSpec ccSpec = CommandSpec.create().name("cc");
        ccSpec.usageMessage()
                .description("Compile C for riscv64 with musl (gcc's options; runs scripts/rivet-cc.sh).")
                .customSynopsis("rivet cc [GCC OPTIONS...] FILES...");

        CommandSpec help = CommandSpec.create().name("help");
        help.usageMessage().description("Show help for a command.").customSynopsis("rivet help [COMMAND]");
        help.addPositional(PositionalParamSpec.builder().index("0..*").paramLabel("COMMAND").type(List.class)
                .auxiliaryTypes(String.class).arity("0..1").build());

        CommandLine cl = new CommandLine(top);
        CommandLine runLine = new CommandLine(run);
        // Everything after PROG is the program's: `rivet run ./prog --strace` passes --strace on.
        runLine.setStopAtPositional(true);
        cl.addSubcommand("run", runLine);
        cl.addSubcommand("cc", new CommandLine(ccSpec));
        cl.addSubcommand("help", new CommandLine(help));
        // Never expand @file arguments: they may be the guest program's own arguments.
        cl.setExpandAtFiles(false);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(Ansi.OFF));
        return cl;
    }

    private static OptionSpec.Builder flag(String description, String... names) {
        return OptionSpec.builder(names).type(boolean.class).arity("0").description(description);
    }

}
