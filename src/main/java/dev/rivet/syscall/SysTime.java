package dev.rivet.syscall;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Timespec;
import dev.rivet.kernel.Clocks;
import dev.rivet.kernel.Sleep;
import dev.rivet.kernel.Task;

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

    static long nanosleep(Task task, Args a) throws ErrnoException {
        long d = Timespec.readNanos(task.memory(), a.l(0));
        long left = Sleep.forNanos(task, d);
        if (left > 0) {
            if (a.l(1) != 0) Timespec.writeNanos(task.memory(), a.l(1), left);
            throw Errno.EINTR.ex();
        }
        return 0;
    }

    static long clockNanosleep(Task task, Args a) throws ErrnoException {
        int clock = a.i(0);
        int flags = a.i(1);
        switch (clock) {
            case Clocks.REALTIME, Clocks.MONOTONIC, Clocks.BOOTTIME, Clocks.TAI, Clocks.REALTIME_ALARM,
                 Clocks.BOOTTIME_ALARM -> { }
            case Clocks.THREAD_CPUTIME_ID -> throw Errno.EINVAL.ex();
            case Clocks.PROCESS_CPUTIME_ID -> throw Errno.EOPNOTSUPP.ex();
            default -> {
                if (clock >= 0) throw Errno.EINVAL.ex();
                throw Errno.EOPNOTSUPP.ex(); // CPU-time clocks of other threads: not sleepable here
            }
        }
        long t = Timespec.readNanos(task.memory(), a.l(2));
        long d = (flags & TIMER_ABSTIME) != 0 ? t - Clocks.now(task, clock) : t;
        long left = Sleep.forNanos(task, Math.max(d, 0));
        if (left > 0) {
            if ((flags & TIMER_ABSTIME) == 0 && a.l(3) != 0) Timespec.writeNanos(task.memory(), a.l(3), left);
            throw Errno.EINTR.ex();
        }
        return 0;
    }
}
