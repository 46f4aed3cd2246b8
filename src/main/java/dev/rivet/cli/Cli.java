package dev.rivet.cli;

import dev.rivet.RunConfig;
import dev.rivet.abi.Errno;
import dev.rivet.elf.LoadException;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The command line: parses the arguments, builds a {@link RunConfig} and hands it to the runner,
 * and turns every failure into one line on stderr and a status (2 for usage errors, 126/127 for
 * programs that cannot be loaded, 70 for Rivet's own bugs).
 *
 * <p>Options are parsed with Apache Commons CLI, a small library whose classes class-data
 * sharing can archive (picocli's Java 5 classes cannot, and cost 70–90 ms of every start).
 * The command word itself (run, cc, help) is a switch.
 */
final class Cli {
    /** Runs a configured program and returns its exit status (in production: Rivet.run). */
    interface Runner { int run(RunConfig config) throws Exception; }

    /** Runs `rivet cc` with its arguments and returns the status. */
    interface CcRunner { int run(List<String> args) throws Exception; }

    /** Shells and GNU tools exit 2 on a bad command line. */
    static final int USAGE = 2;
    /** BSD sysexits' EX_SOFTWARE: an internal error in Rivet itself. */
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

    /** A bad command line: the message and the command whose --help the hint names. */
    private static final class UsageError extends Exception {
        final String command;

        UsageError(String command, String message) {
            super(message, null, false, false);
            this.command = command;
        }
    }

    int run(String[] args) {
        try {
            return dispatch(List.of(args));
        } catch (UsageError e) {
            err.println(e.command + ": " + e.getMessage());
            err.println("Try '" + e.command + " --help' for more information.");
            return USAGE;
        } catch (CliFailure e) {
            err.println("rivet: " + e.getMessage());
            return e.status;
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

    private int dispatch(List<String> args) throws Exception {
        if (args.isEmpty()) throw new UsageError("rivet", "missing command");
        String first = args.getFirst();
        List<String> rest = args.subList(1, args.size());
        switch (first) {
            case "-h", "--help" -> { out.print(Usage.TOP); return 0; }
            case "-V", "--version" -> { out.println("rivet " + Version.get()); return 0; }
            case "run" -> { return runCommand(rest); }
            // cc takes gcc's own options, all passed on untouched (--help included).
            case "cc" -> { return cc.run(rest); }
            case "help" -> { return help(rest); }
            default -> throw new UsageError("rivet", first.startsWith("-")
                    ? "unknown option '" + first + "'" : "unknown command '" + first + "'");
        }
    }

    private int help(List<String> args) throws UsageError {
        if (args.size() > 1) throw new UsageError("rivet help", "unexpected argument '" + args.get(1) + "'");
        String text = args.isEmpty() ? Usage.TOP : switch (args.getFirst()) {
            case "run" -> Usage.RUN;
            case "cc" -> Usage.CC;
            case "help" -> Usage.HELP;
            default -> throw new UsageError("rivet", "unknown command '" + args.getFirst() + "'");
        };
        out.print(text);
        return 0;
    }

    /** {@code rivet run}'s options, parsed by Apache Commons CLI. */
    private static final Options RUN_OPTIONS = new Options()
            .addOption(Option.builder().longOpt("strace").desc("print each syscall").get())
            .addOption(Option.builder().longOpt("clear-env").desc("start from an empty environment").get())
            .addOption(Option.builder().longOpt("env").hasArg().argName("NAME=VALUE").desc("set a variable").get())
            .addOption(Option.builder().longOpt("max-threads").hasArg().argName("N").desc("cap live guest threads").get())
            .addOption(Option.builder("h").longOpt("help").desc("show help").get());

    private static UsageError unknownOption(String cmd, String token) {
        int eq = token.indexOf('=');
        if (token.startsWith("--") && eq > 0 && RUN_OPTIONS.hasLongOption(token.substring(2, eq))) {
            return new UsageError(cmd, "option '" + token.substring(0, eq) + "' takes no value");
        }
        return new UsageError(cmd, "unknown option '" + token + "'");
    }

    private int runCommand(List<String> args) throws Exception {
        final String cmd = "rivet run";
        CommandLine line;
        try {
            // stopAtNonOption: everything from PROG on is the program's own argv.
            line = DefaultParser.builder().setAllowPartialMatching(false).get()
                    .parse(RUN_OPTIONS, args.toArray(String[]::new), true);
        } catch (UnrecognizedOptionException e) {
            throw unknownOption(cmd, e.getOption());
        } catch (MissingArgumentException e) {
            String opt = e.getOption().getLongOpt();
            throw new UsageError(cmd, "option '--" + opt + "' needs a value (" + e.getOption().getArgName() + ")");
        } catch (ParseException e) {
            throw new UsageError(cmd, e.getMessage());
        }
        if (line.hasOption("help")) { out.print(Usage.RUN); return 0; }
        List<String> envArgs = new ArrayList<>();
        for (String kv : line.getOptionValues("env") == null ? new String[0] : line.getOptionValues("env")) {
            if (kv.indexOf('=') <= 0) throw new UsageError(cmd, "--env expects NAME=VALUE, got '" + kv + "'");
            envArgs.add(kv);
        }
        List<String> argv = line.getArgList();
        if (argv.isEmpty()) throw new UsageError(cmd, "missing program to run");
        // With stopAtNonOption the parser hands an option it cannot place (e.g. --strace=yes) over as PROG.
        if (argv.getFirst().startsWith("-") && !argv.getFirst().equals("-") && !args.contains("--")) {
            throw unknownOption(cmd, argv.getFirst());
        }
        List<String> env = GuestEnvironment.merge(line.hasOption("clear-env") ? List.of() : hostEnv.get(), envArgs);
        Path program;
        try {
            program = Path.of(argv.getFirst());
        } catch (InvalidPathException e) { // e.g. a NUL inside: no file can have that name
            throw new LoadException(argv.getFirst(), Errno.ENOENT.message, LoadException.NOT_FOUND, Errno.ENOENT);
        }
        int maxThreads = 0;
        if (line.hasOption("max-threads")) {
            String v = line.getOptionValue("max-threads");
            try {
                maxThreads = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                maxThreads = -1;
            }
            if (maxThreads < 1) throw new UsageError(cmd, "--max-threads expects a positive number, got '" + v + "'");
        }
        RunConfig config = RunConfig.of(program, argv, env).withStrace(line.hasOption("strace")).withMaxThreads(maxThreads);
        return runner.run(config);
    }
}
