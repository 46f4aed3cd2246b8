package dev.rivet.kernel;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;

/**
 * What a timer or a sleep measures: a system-wide clock of the host (REALTIME, MONOTONIC,
 * BOOTTIME, TAI), or the CPU time of a process or of one thread. Built from a guest clockid
 * with Linux's answers for the clocks it refuses (kernel/time/posix-timers.c
 * clockid_to_kclock, posix-cpu-timers.c pid_for_clock).
 */
public interface TimerClock {
    /** The clock's current time in nanoseconds. */
    long now();

    /** Whether this is a CPU-time clock (sampled by the timer thread, not waited for). */
    default boolean cpu() { return this instanceof Cpu; }

    /** A host clock (a Linux hrtimer base). */
    record Wall(int id) implements TimerClock {
        public long now() { return HostTime.nanos(id, false); }
    }

    /** Linux's CPUCLOCK_PROF (user + system), CPUCLOCK_VIRT (user) and CPUCLOCK_SCHED (run time). */
    int PROF = 0, VIRT = 1, SCHED = 2;

    /** CPU time of a process ({@code thread} null) or of one of its threads. */
    record Cpu(Process process, Task thread, int which) implements TimerClock {
        public long now() {
            if (thread != null) return which == VIRT ? thread.userTimeNanos() : thread.cpuTimeNanos();
            return which == VIRT ? process.userTimeNanos() : process.cpuTimeNanos();
        }
    }

    TimerClock MONOTONIC = new Wall(Clocks.MONOTONIC);

    /**
     * The clock of timer_create: EINVAL for an unknown id or a CPU clock naming nothing we
     * know, EOPNOTSUPP for clocks without timers (MONOTONIC_RAW, the coarse clocks, clock fds),
     * EPERM for the alarm clocks without CAP_WAKE_ALARM.
     */
    static TimerClock forTimer(Task task, int id) throws ErrnoException {
        return resolve(task, id, false);
    }

    /**
     * The clock of clock_nanosleep: as for timers, except that CLOCK_THREAD_CPUTIME_ID cannot
     * be slept on (EOPNOTSUPP: it has no nsleep) and neither can the caller's own thread clock
     * (EINVAL, posix_cpu_nsleep); a process's CPU clock can.
     */
    static TimerClock forSleep(Task task, int id) throws ErrnoException {
        return resolve(task, id, true);
    }

    private static TimerClock resolve(Task task, int id, boolean sleep) throws ErrnoException {
        if (id < 0) return cpuClock(task, id, sleep);
        return switch (id) {
            case Clocks.REALTIME, Clocks.MONOTONIC, Clocks.BOOTTIME, Clocks.TAI -> new Wall(id);
            case Clocks.MONOTONIC_RAW, Clocks.REALTIME_COARSE, Clocks.MONOTONIC_COARSE -> throw Errno.EOPNOTSUPP.ex();
            // Alarm timers wake a suspended machine through its RTC; Rivet has none, so it
            // answers as Linux does on a machine without one (alarmtimer_get_rtcdev()).
            case Clocks.REALTIME_ALARM, Clocks.BOOTTIME_ALARM -> throw Errno.EOPNOTSUPP.ex();
            case Clocks.PROCESS_CPUTIME_ID -> new Cpu(task.process, null, SCHED);
            case Clocks.THREAD_CPUTIME_ID -> {
                if (sleep) throw Errno.EOPNOTSUPP.ex();
                yield new Cpu(task.process, task, SCHED);
            }
            default -> throw Errno.EINVAL.ex();
        };
    }

    /** CLOCKFD (a dynamic clock's fd, {@code ~fd << 3 | 3}): no timers or sleeps on those. */
    int CLOCKFD = 3, CLOCKFD_MASK = 7, PERTHREAD = 4;

    /**
     * A negative id: {@code ~pid << 3 | perthread << 2 | which} (clock_getcpuclockid and
     * pthread_getcpuclockid make them). Pid 0 is the caller; a thread must be in the caller's
     * process; a process may be any of this kernel's.
     */
    private static TimerClock cpuClock(Task task, int id, boolean sleep) throws ErrnoException {
        if ((id & CLOCKFD_MASK) == CLOCKFD) throw Errno.EOPNOTSUPP.ex();
        int which = id & 3;
        boolean perThread = (id & PERTHREAD) != 0;
        int pid = ~(id >> 3);
        if (which > SCHED) throw Errno.EINVAL.ex();
        if (perThread) {
            if (sleep && (pid == 0 || pid == task.tid)) throw Errno.EINVAL.ex();
            Task t = task.peer(pid);
            if (t == null) throw Errno.EINVAL.ex();
            return new Cpu(task.process, t, which);
        }
        if (pid == 0) return new Cpu(task.process, null, which);
        Process p = task.process.kernel.process(pid);
        if (p == null || p.exitStatus() != null && p.threadCount() == 0) throw Errno.EINVAL.ex();
        return new Cpu(p, null, which);
    }
}
