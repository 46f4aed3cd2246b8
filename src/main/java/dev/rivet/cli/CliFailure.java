package dev.rivet.cli;

/** A failure of the command itself (not of the guest, not a Rivet bug): printed as "rivet: message". */
final class CliFailure extends Exception {
    final int status;

    CliFailure(String message, int status) {
        super(message, null, false, false);
        this.status = status;
    }
}
