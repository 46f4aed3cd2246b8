package dev.rivet.cli;

import dev.rivet.RunConfig;
import dev.rivet.abi.Errno;
import dev.rivet.elf.LoadException;

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
 * <p>Parsed by hand rather than with picocli: picocli's ~150 classes cost 70–90 ms of JVM
 * startup on every run (they are Java 5 bytecode, so class-data sharing cannot archive them),
 * half of the 150 ms budget for a hello world, and the grammar here is small.
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

    private int runCommand(List<String> args) throws Exception {
        final String cmd = "rivet run";
        boolean strace = false, clearEnv = false;
        List<String> envArgs = new ArrayList<>();
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) { i++; break; }
            if (!a.startsWith("-") || a.equals("-")) break; // PROG: everything from here is the program's
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            String inline = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
            switch (name) {
                case "--strace" -> { noValue(cmd, name, inline); strace = true; }
                case "--clear-env" -> { noValue(cmd, name, inline); clearEnv = true; }
                case "-h", "--help" -> { noValue(cmd, name, inline); out.print(Usage.RUN); return 0; }
                case "--env" -> {
                    String kv = inline;
                    if (kv == null) {
                        if (++i >= args.size()) throw new UsageError(cmd, "option '--env' needs a value (NAME=VALUE)");
                        kv = args.get(i);
                    }
                    if (kv.indexOf('=') <= 0) throw new UsageError(cmd, "--env expects NAME=VALUE, got '" + kv + "'");
                    envArgs.add(kv);
                }
                default -> throw new UsageError(cmd, "unknown option '" + a + "'");
            }
        }
        if (i >= args.size()) throw new UsageError(cmd, "missing program to run");
        List<String> argv = args.subList(i, args.size());
        List<String> env = GuestEnvironment.merge(clearEnv ? List.of() : hostEnv.get(), envArgs);
        Path program;
        try {
            program = Path.of(argv.getFirst());
        } catch (InvalidPathException e) { // e.g. a NUL inside: no file can have that name
            throw new LoadException(argv.getFirst(), Errno.ENOENT.message, LoadException.NOT_FOUND, Errno.ENOENT);
        }
        RunConfig config = RunConfig.of(program, argv, env).withStrace(strace);
        return runner.run(config);
    }

    private static void noValue(String cmd, String name, String inline) throws UsageError {
        if (inline != null) throw new UsageError(cmd, "option '" + name + "' takes no value");
    }
}
