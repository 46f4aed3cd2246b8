package dev.rivet.syscall;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.ITimerSpec;
import dev.rivet.abi.SigEvent;
import dev.rivet.kernel.Task;
import dev.rivet.kernel.TimerClock;
import dev.rivet.kernel.Timers;
import dev.rivet.mm.GuestMemory;

import static dev.rivet.syscall.ArgKind.*;

/**
 * Timers that send signals: getitimer/setitimer (musl's alarm(3) is setitimer: riscv64 has no
 * alarm syscall) and the POSIX timers timer_create, timer_settime, timer_gettime,
 * timer_getoverrun, timer_delete. The timers themselves are kernel.Timers and kernel.ITimers.
 */
public final class SysTimer {
    private SysTimer() {}

    public static void register(SyscallTable t) {
        t.add("getitimer", SysTimer::getitimer, INT, PTR);
        t.add("setitimer", SysTimer::setitimer, INT, STRUCT, PTR);
        t.add("timer_create", SysTimer::timerCreate, INT, STRUCT, PTR);
        t.add("timer_settime", SysTimer::timerSettime, INT, INT, STRUCT, PTR);
        t.add("timer_gettime", SysTimer::timerGettime, INT, PTR);
        t.add("timer_getoverrun", SysTimer::timerGetoverrun, INT);
        t.add("timer_delete", SysTimer::timerDelete, INT);
    }

    static long getitimer(Task task, Args a) throws ErrnoException {
        ITimerSpec v = task.process.timers.itimers.get(a.i(0));
        v.writeVal(task.memory(), a.l(1));
        return 0;
    }

    /**
     * The new value is read and checked first (EFAULT, EINVAL); a NULL one disarms, a misfeature
     * Linux still keeps. The old value is written after the timer changed (EFAULT then, too).
     */
    static long setitimer(Task task, Args a) throws ErrnoException {
        GuestMemory m = task.memory();
        ITimerSpec next = a.l(1) == 0 ? ITimerSpec.ZERO : ITimerSpec.readVal(m, a.l(1));
        ITimerSpec old = task.process.timers.itimers.set(a.i(0), next);
        if (a.l(2) != 0) old.writeVal(m, a.l(2));
        return 0;
    }

    /** The sigevent is read first (EFAULT), then the clock and the event are checked; a bad id pointer undoes the timer. */
    static long timerCreate(Task task, Args a) throws ErrnoException {
        GuestMemory m = task.memory();
        SigEvent ev = a.l(1) == 0 ? null : SigEvent.read(m, a.l(1));
        TimerClock clock = TimerClock.forTimer(task, a.i(0));
        Timers timers = task.process.timers;
        int id = timers.create(task, clock, ev);
        try {
            m.write32(a.l(2), id);
        } catch (ErrnoException e) {
            timers.delete(id);
            throw e;
        }
        return 0;
    }

    /** A NULL new value is EINVAL; flags other than TIMER_ABSTIME are ignored, as Linux ignores them. */
    static long timerSettime(Task task, Args a) throws ErrnoException {
        if (a.l(2) == 0) throw Errno.EINVAL.ex();
        GuestMemory m = task.memory();
        ITimerSpec next = ITimerSpec.readSpec(m, a.l(2));
        ITimerSpec old = task.process.timers.settime(a.i(0), (a.i(1) & SysTime.TIMER_ABSTIME) != 0, next);
        if (a.l(3) != 0) old.writeSpec(m, a.l(3));
        return 0;
    }

    static long timerGettime(Task task, Args a) throws ErrnoException {
        ITimerSpec v = task.process.timers.gettime(a.i(0));
        v.writeSpec(task.memory(), a.l(1));
        return 0;
    }

    static long timerGetoverrun(Task task, Args a) throws ErrnoException {
        return task.process.timers.overrun(a.i(0));
    }

    static long timerDelete(Task task, Args a) throws ErrnoException {
        task.process.timers.delete(a.i(0));
        return 0;
    }
}
