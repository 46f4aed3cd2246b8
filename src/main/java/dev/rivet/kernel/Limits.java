package dev.rivet.kernel;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;

/** A process's resource limits (RLIMIT_*), with Linux's defaults for an unprivileged process. */
public final class Limits {
    public static final long INFINITY = -1L; // RLIM_INFINITY = ~0UL
    public static final int CPU = 0, FSIZE = 1, DATA = 2, STACK = 3, CORE = 4, RSS = 5, NPROC = 6, NOFILE = 7,
            MEMLOCK = 8, AS = 9, LOCKS = 10, SIGPENDING = 11, MSGQUEUE = 12, NICE = 13, RTPRIO = 14, RTTIME = 15;
    public static final int COUNT = 16;

    private final long[] soft = new long[COUNT];
    private final long[] hard = new long[COUNT];

    public Limits() {
        for (int i = 0; i < COUNT; i++) { soft[i] = INFINITY; hard[i] = INFINITY; }
        set0(STACK, 8L << 20, INFINITY);
        set0(CORE, 0, INFINITY);
        set0(NPROC, 63_704, 63_704);
        set0(NOFILE, 1024, 1_048_576);
        set0(MEMLOCK, 8L << 20, 8L << 20);
        set0(SIGPENDING, 63_704, 63_704);
        set0(MSGQUEUE, 819_200, 819_200);
        set0(NICE, 0, 0);
        set0(RTPRIO, 0, 0);
    }

    /** fork: the child starts with the parent's limits. */
    public void copyFrom(Limits o) {
        long[] s2, h2;
        synchronized (o) { s2 = o.soft.clone(); h2 = o.hard.clone(); }
        synchronized (this) {
            System.arraycopy(s2, 0, soft, 0, COUNT);
            System.arraycopy(h2, 0, hard, 0, COUNT);
        }
    }

    private void set0(int r, long s, long h) { soft[r] = s; hard[r] = h; }

    public synchronized long soft(int resource) { return soft[resource]; }

    public synchronized long hard(int resource) { return hard[resource]; }

    /** setrlimit's rules: EINVAL when soft > hard; EPERM when raising the hard limit (unprivileged). */
    public synchronized void set(int resource, long newSoft, long newHard) throws ErrnoException {
        if (Long.compareUnsigned(newSoft, newHard) > 0) throw Errno.EINVAL.ex();
        if (Long.compareUnsigned(newHard, hard[resource]) > 0) throw Errno.EPERM.ex();
        if (resource == NOFILE && Long.compareUnsigned(newHard, 1_048_576) > 0) throw Errno.EPERM.ex();
        soft[resource] = newSoft;
        hard[resource] = newHard;
    }
}
