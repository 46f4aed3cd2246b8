package dev.rivet.cli;

import dev.rivet.Rivet;

/** The `rivet` command's entry point (the launcher script starts the JVM with this class). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int status = run(args);
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /** Runs the command line and returns the exit status, without exiting (for tests). */
    static int run(String[] args) {
        boolean debug = "1".equals(System.getenv("RIVET_DEBUG"));
        return new Cli(System.out, System.err, GuestEnvironment::host, Rivet::run, CcCommand::run, debug).run(args);
    }
}
