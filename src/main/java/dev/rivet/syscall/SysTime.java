package dev.rivet.syscall;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Timespec;
import dev.rivet.kernel.Clocks;
import dev.rivet.kernel.Sleep;
import dev.rivet.kernel.Task;
import dev.rivet.kernel.TimerClock;

import static dev.rivet.syscall.ArgKind.*;

/** Clocks and sleeps: clock_gettime, clock_getres, gettimeofday, nanosleep, clock_nanosleep. */
public final class SysTime {
    private SysTime() {}

    public static final int TIMER_ABSTIME = 1;

    public static void register(SyscallTable t) {
        t.add("clock_gettime", SysTime::clockGettime, INT, PTR);
        t.add("clock_getres", SysTime::clockGetres, INT, PTR);
        t.add("gettimeofday", SysTime::gettimeofday, PTR, PTR);
        t.add("nanosleep", SysTime::nanosleep, STRUCT, PTR);
        t.add("clock_nanosleep", SysTime::clockNanosleep, INT, INT, STRUCT, PTR);
    }

    static long clockGettime(Task task, Args a) throws ErrnoException {
        long now = Clocks.now(task, a.i(0));
        Timespec.writeNanos(task.memory(), a.l(1), now);
        return 0;
    }

    static long clockGetres(Task task, Args a) throws ErrnoException {
        long res = Clocks.resolution(task, a.i(0));
        if (a.l(1) != 0) Timespec.writeNanos(task.memory(), a.l(1), res);
        return 0;
    }

    static long gettimeofday(Task task, Args a) throws ErrnoException {
        if (a.l(0) != 0) Timespec.writeMicros(task.memory(), a.l(0), Clocks.now(task, Clocks.REALTIME));
        if (a.l(1) != 0) { // struct timezone: minuteswest, dsttime — Linux keeps zeros unless settimeofday set them
            task.memory().write32(a.l(1), 0);
            task.memory().write32(a.l(1) + 4, 0);
        }
        return 0;
    }

    /** nanosleep(2): a relative sleep on CLOCK_MONOTONIC, as Linux's hrtimer_nanosleep does it. */
    static long nanosleep(Task task, Args a) throws ErrnoException {
        long d = Timespec.readNanos(task.memory(), a.l(0));
        long start = TimerClock.MONOTONIC.now();
        return sleep(task, TimerClock.MONOTONIC, start + Math.min(d, Long.MAX_VALUE - start), a.l(1));
    }

    /**
     * clock_nanosleep(2): the clock first (EINVAL for an unknown one, EOPNOTSUPP for one that
     * cannot be slept on), then the time. A relative sleep on a host clock runs on
     * CLOCK_MONOTONIC (so setting REALTIME cannot change it, as POSIX asks); an absolute one
     * waits for the clock itself; CPU clocks are sampled. Other flag bits are ignored, as Linux
     * ignores them.
     */
    static long clockNanosleep(Task task, Args a) throws ErrnoException {
        int clockId = a.i(0);
        int flags = a.i(1);
        TimerClock clock = TimerClock.forSleep(task, clockId);
        long t = Timespec.readNanos(task.memory(), a.l(2));
        if ((flags & TIMER_ABSTIME) != 0) return sleep(task, clock, t, 0);
        if (!clock.cpu()) clock = TimerClock.MONOTONIC;
        long start = clock.now();
        return sleep(task, clock, start + Math.min(t, Long.MAX_VALUE - start), a.l(3));
    }

    /** Sleeps; EINTR when a handler cuts it short, after writing the time left to {@code rmtp} (if any; EFAULT if bad). */
    private static long sleep(Task task, TimerClock clock, long target, long rmtp) throws ErrnoException {
        long left = Sleep.until(task, clock, target);
        if (left == 0) return 0;
        if (rmtp != 0) Timespec.writeNanos(task.memory(), rmtp, left);
        throw Errno.EINTR.ex();
    }
}
