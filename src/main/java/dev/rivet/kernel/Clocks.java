package dev.rivet.kernel;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** Guest clocks (clock_gettime(2) ids) mapped onto the host's and onto guest CPU time. */
public final class Clocks {
    private Clocks() {}

    public static final int REALTIME = 0, MONOTONIC = 1, PROCESS_CPUTIME_ID = 2, THREAD_CPUTIME_ID = 3,
            MONOTONIC_RAW = 4, REALTIME_COARSE = 5, MONOTONIC_COARSE = 6, BOOTTIME = 7, REALTIME_ALARM = 8,
            BOOTTIME_ALARM = 9, TAI = 11;

    /** Current time of {@code clock} for {@code task}, in nanoseconds. */
    public static long now(Task task, int clock) throws ErrnoException {
        return switch (clock) {
            case PROCESS_CPUTIME_ID -> task.process.cpuTimeNanos();
            case THREAD_CPUTIME_ID -> task.cpuTimeNanos();
            case REALTIME, MONOTONIC, MONOTONIC_RAW, REALTIME_COARSE, MONOTONIC_COARSE, BOOTTIME, TAI -> host(clock, false);
            case REALTIME_ALARM -> host(REALTIME, false);
            case BOOTTIME_ALARM -> host(BOOTTIME, false);
            default -> cpuClock(task, clock, false);
        };
    }

    /** Resolution of {@code clock}, in nanoseconds. */
    public static long resolution(Task task, int clock) throws ErrnoException {
        return switch (clock) {
            case PROCESS_CPUTIME_ID, THREAD_CPUTIME_ID -> 1;
            case REALTIME, MONOTONIC, MONOTONIC_RAW, REALTIME_COARSE, MONOTONIC_COARSE, BOOTTIME, TAI -> host(clock, true);
            case REALTIME_ALARM, BOOTTIME_ALARM -> host(REALTIME, true);
            default -> { cpuClock(task, clock, true); yield 1; }
        };
    }

    private static long host(int clock, boolean res) throws ErrnoException {
        long v = HostTime.nanos(clock, res);
        if (v == Long.MIN_VALUE) throw Errno.EINVAL.ex();
        return v;
    }

    /**
     * Negative ids encode another thread's or process's CPU clock (clock_getcpuclockid):
     * {@code ~pid << 3 | type}, type 2 = per-thread (CPUCLOCK_PERTHREAD), 0..1 = prof/virt, 3 invalid.
     * Only our own process and threads are visible.
     */
    private static long cpuClock(Task task, int clock, boolean res) throws ErrnoException {
        if (clock >= 0) throw Errno.EINVAL.ex();
        int pid = ~(clock >> 3);
        int type = clock & 3;
        boolean perThread = (clock & 4) != 0;
        if (type == 3) throw Errno.EINVAL.ex();
        if (perThread) {
            Task t = pid == 0 ? task : task.process.thread(pid);
            if (t == null) throw Errno.EINVAL.ex();
            return res ? 1 : t.cpuTimeNanos();
        }
        if (pid != 0 && pid != task.process.pid) throw Errno.EINVAL.ex();
        return res ? 1 : task.process.cpuTimeNanos();
    }

    private static volatile ThreadMXBean threads;

    /**
     * CPU time (user + system) of a Java thread, or 0 where the JVM cannot tell. The calling
     * thread's own times come straight from the host (clock_gettime, getrusage): every guest
     * thread reads them when it starts and ends, and the management bean costs milliseconds to
     * set up and reads user time from /proc.
     */
    static long threadCpuNanos(Thread t, boolean userOnly) {
        if (t == Thread.currentThread()) {
            long v = userOnly ? HostTime.currentThreadUserNanos() : HostTime.nanos(THREAD_CPUTIME_ID, false);
            if (v >= 0) return v;
        }
        ThreadMXBean b = threads;
        if (b == null) threads = b = ManagementFactory.getThreadMXBean();
        long v = userOnly ? b.getThreadUserTime(t.threadId()) : b.getThreadCpuTime(t.threadId());
        return Math.max(v, 0);
    }
}
