package dev.rivet.kernel;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.ITimerSpec;
import dev.rivet.abi.Signal;
import dev.rivet.signal.SigInfo;

/**
 * A process's three interval timers (getitimer/setitimer, and musl's alarm on top):
 * ITIMER_REAL counts wall time (CLOCK_MONOTONIC) and sends SIGALRM, ITIMER_VIRTUAL the
 * process's user CPU time (SIGVTALRM), ITIMER_PROF its user+system CPU time (SIGPROF). The
 * signals come from the kernel (si_code SI_KERNEL). The values follow kernel/time/itimer.c.
 */
public final class ITimers {
    public static final int REAL = 0, VIRTUAL = 1, PROF = 2;

    /** The jiffy Linux's CPU itimers add and report (set_cpu_itimer, get_cpu_itimer). */
    static final long TICK = TimerThread.TICK_NANOS;

    private final ITimer[] timers;

    ITimers(Process p) {
        timers = new ITimer[] {
            new ITimer(p, TimerClock.MONOTONIC, Signal.SIGALRM),
            new ITimer(p, new TimerClock.Cpu(p, null, TimerClock.VIRT), Signal.SIGVTALRM),
            new ITimer(p, new TimerClock.Cpu(p, null, TimerClock.PROF), Signal.SIGPROF),
        };
    }

    private ITimer timer(int which) throws ErrnoException {
        if (which < 0 || which >= timers.length) throw Errno.EINVAL.ex();
        return timers[which];
    }

    /** getitimer: the time left and the interval; EINVAL for an unknown timer. */
    public ITimerSpec get(int which) throws ErrnoException { return timer(which).get(); }

    /** setitimer: arms (or with a zero value disarms) a timer; returns its old setting. */
    public ITimerSpec set(int which, ITimerSpec next) throws ErrnoException { return timer(which).set(next); }

    /** The process is gone: nothing may fire for it any more. */
    void stopAll() {
        for (ITimer t : timers) t.arm(0, 0, false);
    }

    private static final class ITimer extends KTimer {
        private final int sig;
        /** The SIGALRM this timer queued while it is pending: Linux re-arms ITIMER_REAL only when it is taken. */
        private SigInfo queued;

        ITimer(Process p, TimerClock clock, int sig) {
            super(p, clock);
            this.sig = sig;
        }

        @Override
        void expired(long periods) {
            if (sig == Signal.SIGALRM && queued != null && process.sharedPending.holds(queued)) return;
            SigInfo info = SigInfo.kernel(sig);
            if (sig == Signal.SIGALRM) queued = info;
            Signals.sendToProcess(process, info);
        }

        /** Linux's CPU itimers step one interval per tick check, never catching up (check_cpu_itimer). */
        @Override
        long advance(long now) {
            if (!clock.cpu()) return super.advance(now);
            expires = addSat(expires, interval);
            return 1;
        }

        synchronized ITimerSpec get() {
            if (expires == 0) return new ITimerSpec(interval, 0);
            if (!clock.cpu()) {
                // itimer_get_remtime(): an inactive hrtimer (fired, its SIGALRM not yet taken) reads 0; an active one at least 1 µs.
                if (queued != null && process.sharedPending.holds(queued)) return new ITimerSpec(interval, 0);
                return new ITimerSpec(interval, Math.max(expires - clock.now(), 1000));
            }
            long now = clock.now();
            return new ITimerSpec(interval, expires < now ? TICK : expires - now);
        }

        synchronized ITimerSpec set(ITimerSpec next) {
            ITimerSpec old = get();
            if (clock.cpu() && old.valueNanos() == 0 && expires != 0) old = new ITimerSpec(old.intervalNanos(), TICK);
            long value = next.valueNanos();
            if (clock.cpu() && value > 0) value = addSat(value, TICK); // set_cpu_itimer adds a jiffy
            queued = null;
            arm(value, value == 0 ? 0 : next.intervalNanos(), false);
            if (clock.cpu()) interval = next.intervalNanos(); // kept even when disarmed, as Linux does for CPU itimers
            return old;
        }
    }
}
