package dev.rivet.kernel;

import java.util.concurrent.locks.LockSupport;

/**
 * Sleeping that follows the blocking contract: the sleep ends early only when
 * {@link Signals#interruptsWait} says so (a signal with a handler, or the end of the
 * process); ignored signals and stop/continue do not end it, and the time stopped counts,
 * as with Linux's absolute hrtimer under a restarted nanosleep. The caller turns the time
 * left into EINTR (never a restart: Linux returns the remaining time instead). Other
 * wake-ups (a stop request from membarrier) let it sleep on, as on Linux.
 */
public final class Sleep {
    private Sleep() {}

    /** The shortest nap while waiting on a CPU-time clock, which can only be sampled. */
    private static final long MIN_CPU_NAP = 1_000_000L;

    /**
     * Sleeps until {@code clock} reads {@code target}; returns 0 when it got there, else the
     * time still left on the clock (&gt; 0), as do_nanosleep reports it: a wake-up that finds
     * the time up counts as a full sleep even if a signal is also there.
     */
    public static long until(Task task, TimerClock clock, long target) {
        for (;;) {
            long left = target - clock.now();
            if (left <= 0) return 0;
            if (Signals.interruptsWait(task)) return left;
            LockSupport.parkNanos(task, clock.cpu() ? cpuNap(clock, left) : left);
        }
    }

    /** Sleeps {@code nanos} on CLOCK_MONOTONIC; returns the time left (0 when the whole time passed). */
    public static long forNanos(Task task, long nanos) {
        long start = TimerClock.MONOTONIC.now();
        return until(task, TimerClock.MONOTONIC, KTimer.addSat(start, nanos));
    }

    /**
     * How long to nap before sampling a CPU clock again: CPU time advances at most as fast as
     * the threads that add to it run, so {@code left / threads} of wall time cannot overshoot.
     */
    private static long cpuNap(TimerClock clock, long left) {
        int threads = clock instanceof TimerClock.Cpu c && c.thread() == null ? Math.max(1, c.process().threadCount()) : 1;
        return Math.max(left / threads, MIN_CPU_NAP);
    }
}
