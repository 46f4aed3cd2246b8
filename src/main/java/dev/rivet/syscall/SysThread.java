package dev.rivet.syscall;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Signal;
import dev.rivet.abi.Timespec;
import dev.rivet.cpu.Hart;
import dev.rivet.kernel.Clocks;
import dev.rivet.kernel.Futex;
import dev.rivet.kernel.Limits;
import dev.rivet.kernel.Process;
import dev.rivet.kernel.Task;
import dev.rivet.mm.GuestMemory;

import static dev.rivet.syscall.ArgKind.*;

/** Threads: clone and clone3 with the flags pthreads use, and futex. */
public final class SysThread {
    private SysThread() {}

    public static final long CSIGNAL = 0xff, CLONE_VM = 0x100, CLONE_FS = 0x200, CLONE_FILES = 0x400,
            CLONE_SIGHAND = 0x800, CLONE_PIDFD = 0x1000, CLONE_PTRACE = 0x2000, CLONE_VFORK = 0x4000,
            CLONE_PARENT = 0x8000, CLONE_THREAD = 0x10000, CLONE_NEWNS = 0x20000, CLONE_SYSVSEM = 0x40000,
            CLONE_SETTLS = 0x80000, CLONE_PARENT_SETTID = 0x100000, CLONE_CHILD_CLEARTID = 0x200000,
            CLONE_DETACHED = 0x400000, CLONE_UNTRACED = 0x800000, CLONE_CHILD_SETTID = 0x1000000,
            CLONE_NEWCGROUP = 0x2000000, CLONE_NEWUTS = 0x4000000, CLONE_NEWIPC = 0x8000000,
            CLONE_NEWUSER = 0x10000000, CLONE_NEWPID = 0x20000000, CLONE_NEWNET = 0x40000000, CLONE_IO = 0x80000000L,
            CLONE_CLEAR_SIGHAND = 0x100000000L, CLONE_INTO_CGROUP = 0x200000000L;
    static final long NAMESPACES = CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER
            | CLONE_NEWPID | CLONE_NEWNET;

    public static void register(SyscallTable t) {
        t.partial("clone", "threads (CLONE_VM|CLONE_SIGHAND|CLONE_THREAD with CLONE_FS|CLONE_FILES) and processes "
                + "(fork, vfork, CLONE_VM); namespaces, CLONE_PIDFD and processes sharing files, fs or handlers "
                + "answer ENOSYS", SysThread::clone, HEX, PTR, PTR, PTR, PTR);
        t.partial("clone3", "as clone", SysThread::clone3, STRUCT, SIZE);
        t.partial("futex", "the PI operations (LOCK_PI, TRYLOCK_PI, UNLOCK_PI, WAIT_REQUEUE_PI, CMP_REQUEUE_PI) keep "
                + "Linux's ownership protocol without a priority boost; FUTEX_FD (gone since 2.6.26) answers ENOSYS",
                SysThread::futex, PTR, INT, INT, PTR, PTR, HEX);
        t.add("get_robust_list", SysThread::getRobustList, INT, PTR, PTR);
        t.partial("prctl", "PR_SET_NAME and PR_GET_NAME; other options EINVAL", SysThread::prctl, INT, HEX, HEX, HEX, HEX);
        t.add("sched_getscheduler", (task, a) -> { thread(task, a.i(0)); return SCHED_OTHER; }, INT);
        t.add("sched_getparam", SysThread::schedGetparam, INT, PTR);
        t.add("sched_get_priority_max", (task, a) -> priorityRange(a.i(0), true), INT);
        t.add("sched_get_priority_min", (task, a) -> priorityRange(a.i(0), false), INT);
        t.partial("getcpu", "reports CPU 0 and node 0: the host CPU a JVM thread runs on is not known", SysThread::getcpu, PTR, PTR, PTR);
    }

    /** The task {@code tid} names (0: the caller) among the caller's threads: EINVAL for a negative tid, else ESRCH. */
    private static Task thread(Task task, int tid) throws ErrnoException {
        if (tid < 0) throw Errno.EINVAL.ex();
        Task t = task.peer(tid);
        if (t == null) throw Errno.ESRCH.ex();
        return t;
    }

    static long getRobustList(Task task, Args a) throws ErrnoException {
        Task t = thread(task, a.i(0));
        task.memory().write64(a.l(1), t.robustListHead);
        task.memory().write64(a.l(2), t.robustListLen);
        return 0;
    }

    public static final int PR_SET_NAME = 15, PR_GET_NAME = 16;
    /** TASK_COMM_LEN: a thread name is at most 15 bytes and a NUL. */
    static final int TASK_COMM_LEN = 16;

    static long prctl(Task task, Args a) throws ErrnoException {
        switch (a.i(0)) {
            case PR_SET_NAME -> {
                byte[] name = new byte[TASK_COMM_LEN - 1];
                int n = 0;
                for (; n < name.length; n++) {
                    byte c = task.memory().read8(a.l(1) + n);
                    if (c == 0) break;
                    name[n] = c;
                }
                task.name = java.util.Arrays.copyOf(name, n);
                return 0;
            }
            case PR_GET_NAME -> {
                task.memory().write(a.l(1), java.util.Arrays.copyOf(task.name, TASK_COMM_LEN));
                return 0;
            }
            default -> throw Errno.EINVAL.ex();
        }
    }

    public static final int SCHED_OTHER = 0, SCHED_FIFO = 1, SCHED_RR = 2, SCHED_BATCH = 3, SCHED_IDLE = 5,
            SCHED_DEADLINE = 6;

    static long schedGetparam(Task task, Args a) throws ErrnoException {
        thread(task, a.i(0));
        if (a.l(1) == 0) throw Errno.EINVAL.ex();
        task.memory().write32(a.l(1), 0); // sched_priority: 0 for SCHED_OTHER
        return 0;
    }

    static long priorityRange(int policy, boolean max) throws ErrnoException {
        return switch (policy) {
            case SCHED_FIFO, SCHED_RR -> max ? 99 : 1;
            case SCHED_OTHER, SCHED_BATCH, SCHED_IDLE, SCHED_DEADLINE -> 0;
            default -> throw Errno.EINVAL.ex();
        };
    }

    static long getcpu(Task task, Args a) throws ErrnoException {
        if (a.l(0) != 0) task.memory().write32(a.l(0), 0);
        if (a.l(1) != 0) task.memory().write32(a.l(1), 0);
        return 0;
    }

    static long clone(Task task, Args a) throws ErrnoException {
        long flags = a.u32(0);
        // clone(2) ignores CLONE_DETACHED and passes the exit signal in the low byte.
        int exitSignal = (int) (flags & CSIGNAL);
        flags &= ~(CSIGNAL | CLONE_DETACHED);
        if ((flags & CLONE_PIDFD) != 0 && (flags & CLONE_PARENT_SETTID) != 0) throw Errno.EINVAL.ex(); // one pointer for both
        return spawn(task, flags, exitSignal, a.l(1), a.l(2), a.l(3), a.l(4));
    }

    /** struct clone_args sizes: the first version, and the largest this kernel knows (with cgroup). */
    static final int CLONE_ARGS_SIZE_VER0 = 64, CLONE_ARGS_SIZE_VER2 = 88;
    static final int MAX_PID_NS_LEVEL = 32;

    static long clone3(Task task, Args a) throws ErrnoException {
        long size = a.l(1);
        if (size < CLONE_ARGS_SIZE_VER0) throw Errno.EINVAL.ex();
        if (size > 4096) throw Errno.E2BIG.ex();
        GuestMemory m = task.memory();
        byte[] raw = m.read(a.l(0), (int) size);
        for (int i = CLONE_ARGS_SIZE_VER2; i < raw.length; i++) if (raw[i] != 0) throw Errno.E2BIG.ex();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(java.util.Arrays.copyOf(raw, CLONE_ARGS_SIZE_VER2))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long flags = b.getLong(0), childTid = b.getLong(16), parentTid = b.getLong(24), exitSignal = b.getLong(32);
        long stack = b.getLong(40), stackSize = b.getLong(48), tls = b.getLong(56);
        long setTid = b.getLong(64), setTidSize = b.getLong(72);
        // clone3_args_valid()
        if ((flags & ~(0xffffffffL | CLONE_CLEAR_SIGHAND | CLONE_INTO_CGROUP)) != 0) throw Errno.EINVAL.ex();
        if ((flags & CSIGNAL) != 0 || (flags & CLONE_DETACHED) != 0) throw Errno.EINVAL.ex();
        if ((flags & (CLONE_SIGHAND | CLONE_CLEAR_SIGHAND)) == (CLONE_SIGHAND | CLONE_CLEAR_SIGHAND)) throw Errno.EINVAL.ex();
        if (Long.compareUnsigned(exitSignal, Signal.NSIG) > 0) throw Errno.EINVAL.ex();
        if ((flags & (CLONE_THREAD | CLONE_PARENT)) != 0 && exitSignal != 0) throw Errno.EINVAL.ex();
        if ((stack == 0) != (stackSize == 0)) throw Errno.EINVAL.ex();
        if (setTidSize > MAX_PID_NS_LEVEL || (setTid == 0 && setTidSize != 0) || (setTid != 0 && setTidSize == 0)) {
            throw Errno.EINVAL.ex();
        }
        if (setTidSize != 0) throw Errno.EPERM.ex(); // choosing a pid needs CAP_SYS_ADMIN in the pid namespace
        if ((flags & CLONE_INTO_CGROUP) != 0) throw Errno.ENOSYS.ex();
        long sp = stack == 0 ? 0 : stack + stackSize;
        return spawn(task, flags & (0xffffffffL | CLONE_CLEAR_SIGHAND), (int) exitSignal, sp, parentTid, tls, childTid);
    }

    /** copy_process(): the checks Linux makes, then a new thread of the caller's process. */
    private static long spawn(Task task, long flags, int exitSignal, long sp, long parentTid, long tls, long childTid)
            throws ErrnoException {
        if ((flags & (CLONE_NEWNS | CLONE_FS)) == (CLONE_NEWNS | CLONE_FS)) throw Errno.EINVAL.ex();
        if ((flags & (CLONE_NEWUSER | CLONE_FS)) == (CLONE_NEWUSER | CLONE_FS)) throw Errno.EINVAL.ex();
        if ((flags & CLONE_THREAD) != 0 && (flags & CLONE_SIGHAND) == 0) throw Errno.EINVAL.ex();
        if ((flags & CLONE_SIGHAND) != 0 && (flags & CLONE_VM) == 0) throw Errno.EINVAL.ex();
        if ((flags & CLONE_PIDFD) != 0 && (flags & CLONE_THREAD) != 0) throw Errno.EINVAL.ex();
        if (exitSignal > Signal.NSIG) throw Errno.EINVAL.ex();
        // What is not built yet says so (and shows under --strace) rather than half-working.
        if ((flags & NAMESPACES) != 0) throw Errno.ENOSYS.ex();
        if ((flags & CLONE_PIDFD) != 0) throw Errno.ENOSYS.ex();
        if ((flags & CLONE_THREAD) == 0) {
            // A new process. Sharing the fd table, fs context or handlers with another process
            // needs reference-counted tables: not built, so said honestly.
            if ((flags & (CLONE_FILES | CLONE_FS | CLONE_SIGHAND)) != 0) throw Errno.ENOSYS.ex();
            return dev.rivet.kernel.Fork.fork(task, flags, exitSignal, sp, parentTid, tls, childTid);
        }
        if ((flags & CLONE_VFORK) != 0) throw Errno.ENOSYS.ex();
        if ((flags & (CLONE_FS | CLONE_FILES)) != (CLONE_FS | CLONE_FILES)) throw Errno.ENOSYS.ex();

        Process p = task.process;
        if (p.exiting()) throw Errno.EAGAIN.ex();
        // RLIMIT_NPROC (counted over this guest's threads) and --max-threads: EAGAIN, as Linux says.
        long cap = p.limits.soft(Limits.NPROC);
        if (p.kernel.maxThreads > 0) cap = Math.min(cap < 0 ? Long.MAX_VALUE : cap, p.kernel.maxThreads);
        if (cap >= 0 && p.threadCount() >= cap) throw Errno.EAGAIN.ex();
        int tid = p.kernel.allocateId();
        GuestMemory m = task.memory();
        if ((flags & CLONE_PARENT_SETTID) != 0) m.write32(parentTid, tid);
        if ((flags & CLONE_CHILD_SETTID) != 0) m.write32(childTid, tid);

        Hart parent = task.hart;
        Hart hart = p.newThreadHart();
        hart.copyRegistersFrom(parent);
        // both return from this ecall: pc is already past it
        hart.x[10] = 0;
        if (sp != 0) hart.x[2] = sp;
        if ((flags & CLONE_SETTLS) != 0) hart.x[4] = tls;
        Task child = new Task(p, hart, tid);
        child.sigmask = task.sigmask;
        child.name = task.name; // a new thread starts with its creator's name
        child.affinity = task.affinity;
        if ((flags & CLONE_CHILD_CLEARTID) != 0) child.clearChildTid = childTid;
        // A CLONE_VM child without CLONE_VFORK starts with no alternate signal stack, as on Linux.
        p.kernel.start(child);
        return tid;
    }

    public static final int FUTEX_WAIT = 0, FUTEX_WAKE = 1, FUTEX_FD = 2, FUTEX_REQUEUE = 3, FUTEX_CMP_REQUEUE = 4,
            FUTEX_WAKE_OP = 5, FUTEX_LOCK_PI = 6, FUTEX_UNLOCK_PI = 7, FUTEX_TRYLOCK_PI = 8, FUTEX_WAIT_BITSET = 9,
            FUTEX_WAKE_BITSET = 10, FUTEX_WAIT_REQUEUE_PI = 11, FUTEX_CMP_REQUEUE_PI = 12, FUTEX_LOCK_PI2 = 13;
    public static final int FUTEX_PRIVATE_FLAG = 128, FUTEX_CLOCK_REALTIME = 256;

    static long futex(Task task, Args a) throws ErrnoException {
        int op = a.i(1);
        int cmd = op & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
        boolean realtime = (op & FUTEX_CLOCK_REALTIME) != 0;
        if (realtime && cmd != FUTEX_WAIT_BITSET && cmd != FUTEX_WAIT_REQUEUE_PI && cmd != FUTEX_LOCK_PI2) {
            throw Errno.ENOSYS.ex();
        }
        Futex f = task.process.kernel.futexes;
        long uaddr = a.l(0);
        int val = a.i(2);
        return switch (cmd) {
            case FUTEX_WAIT -> f.await(task, uaddr, val, Futex.BITSET_MATCH_ANY, relativeDeadline(task, a.l(3)));
            case FUTEX_WAIT_BITSET -> f.await(task, uaddr, val, a.i(5),
                    absoluteDeadline(task, a.l(3), realtime ? Clocks.REALTIME : Clocks.MONOTONIC));
            case FUTEX_WAKE -> f.wake(task, uaddr, val, Futex.BITSET_MATCH_ANY);
            case FUTEX_WAKE_BITSET -> f.wake(task, uaddr, val, a.i(5));
            case FUTEX_REQUEUE -> f.requeue(task, uaddr, a.l(4), val, a.i(3), false, 0);
            case FUTEX_CMP_REQUEUE -> f.requeue(task, uaddr, a.l(4), val, a.i(3), true, a.i(5));
            case FUTEX_WAKE_OP -> f.wakeOp(task, uaddr, a.l(4), val, a.i(3), a.i(5));
            // LOCK_PI's timeout is absolute on CLOCK_REALTIME; LOCK_PI2's on MONOTONIC unless asked.
            case FUTEX_LOCK_PI -> task.process.kernel.piFutexes.lock(task, uaddr, false,
                    absoluteDeadline(task, a.l(3), Clocks.REALTIME));
            case FUTEX_LOCK_PI2 -> task.process.kernel.piFutexes.lock(task, uaddr, false,
                    absoluteDeadline(task, a.l(3), realtime ? Clocks.REALTIME : Clocks.MONOTONIC));
            case FUTEX_TRYLOCK_PI -> task.process.kernel.piFutexes.lock(task, uaddr, true, Long.MAX_VALUE);
            case FUTEX_UNLOCK_PI -> task.process.kernel.piFutexes.unlock(task, uaddr);
            // The condition-variable pair: the wait's timeout is absolute (MONOTONIC unless asked),
            // the requeue's fourth argument is its count, as for FUTEX_CMP_REQUEUE.
            case FUTEX_WAIT_REQUEUE_PI -> task.process.kernel.piFutexes.waitRequeuePi(task, uaddr, val,
                    absoluteDeadline(task, a.l(3), realtime ? Clocks.REALTIME : Clocks.MONOTONIC), a.l(4));
            case FUTEX_CMP_REQUEUE_PI -> task.process.kernel.piFutexes.cmpRequeuePi(task, uaddr, a.l(4), val, a.i(3), a.i(5));
            default -> throw Errno.ENOSYS.ex(); // FUTEX_FD (gone since 2.6.26) and unknown commands
        };
    }

    private static long relativeDeadline(Task task, long timeout) throws ErrnoException {
        if (timeout == 0) return Long.MAX_VALUE;
        long d = Timespec.readNanos(task.memory(), timeout);
        long now = System.nanoTime();
        return d > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + d;
    }

    static long absoluteDeadline(Task task, long timeout, int clock) throws ErrnoException {
        if (timeout == 0) return Long.MAX_VALUE;
        long at = Timespec.readNanos(task.memory(), timeout);
        long now = System.nanoTime();
        long d = at - Clocks.now(task, clock);
        return d > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + d;
    }
}
