package dev.rivet.kernel;

/**
 * Unwinds a task's run loop when its process ends (exit_group, a fatal signal). Unchecked and
 * without a stack trace: it is control flow, not an error.
 */
public final class ProcessExit extends RuntimeException {
    public final ExitStatus status;

    public ProcessExit(ExitStatus status) {
        super(null, null, false, false);
        this.status = status;
    }
}
