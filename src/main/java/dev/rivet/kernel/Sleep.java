package dev.rivet.kernel;

import java.util.concurrent.locks.LockSupport;

/**
 * Sleeping that really sleeps. A sleep ends early only when {@link Signals#interruptsWait}
 * says so (a signal handler is to run, or the process is ending); the caller turns the
 * remaining time into EINTR. Other wake-ups (a stop request from membarrier, a signal whose
 * default action is to be ignored or to stop) let it sleep on, as on Linux.
 */
public final class Sleep {
    private Sleep() {}

    /** Sleeps {@code nanos}; returns the time left (0 when the whole time passed). */
    public static long forNanos(Task task, long nanos) {
        long deadline = System.nanoTime() + nanos;
        if (deadline < 0 && nanos > 0) deadline = Long.MAX_VALUE;
        for (;;) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return 0;
            if (Signals.interruptsWait(task)) return left;
            LockSupport.parkNanos(task, left);
        }
    }
}
