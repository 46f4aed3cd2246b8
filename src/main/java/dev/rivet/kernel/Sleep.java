package dev.rivet.kernel;

import java.util.concurrent.locks.LockSupport;

/**
 * Sleeping that really sleeps. A sleep ends early only when the task is asked to stop (the
 * hart's stop request: a signal or the end of the process); the caller turns the remaining
 * time into EINTR. Signal delivery builds on this.
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
            if (task.hart.stopRequested()) return left;
            LockSupport.parkNanos(task, left);
        }
    }
}
