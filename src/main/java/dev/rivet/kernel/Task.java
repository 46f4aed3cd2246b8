package dev.rivet.kernel;

import dev.rivet.cpu.Hart;
import dev.rivet.mm.GuestMemory;
import dev.rivet.syscall.Args;

/** A guest thread: its hart, the process it belongs to, and its per-thread kernel state. */
public final class Task {
    public final Process process;
    public final Hart hart;
    /** The thread id; execve in a thread other than the leader makes it the pid (de_thread). */
    public volatile int tid;
    /** Reused for every syscall of this thread: no allocation per call. */
    public final Args args = new Args();

    private static final ThreadLocal<Task> CURRENT = new ThreadLocal<>();

    /** The task the calling Java thread runs, or null outside guest threads (file objects that need their reader use it). */
    public static Task current() { return CURRENT.get(); }

    /** Binds the calling Java thread to this task (its run loop does, first thing). */
    void bindCurrentThread() {
        thread = Thread.currentThread();
        CURRENT.set(this);
    }

    /** The Java thread running this task (set when it starts). */
    volatile Thread thread;

    /**
     * In a syscall rather than in guest code (set on entry, cleared on exit): membarrier need
     * not wait for such a thread, which passes the barrier before it runs guest code again.
     */
    public volatile boolean inSyscall;

    /** set_tid_address / CLONE_CHILD_CLEARTID: cleared and futex-woken when the thread exits. */
    public volatile long clearChildTid;
    /** The thread's name (prctl PR_SET_NAME, /proc/.../comm): at most 15 bytes. */
    public volatile byte[] name = new byte[0];
    /** sched_setaffinity's mask (bit n: CPU n); all CPUs to start with. */
    public volatile long affinity = -1L;
    /** set_robust_list. */
    public volatile long robustListHead;
    public volatile long robustListLen;

    /**
     * Signals sent to this thread while blocked whose action was the default one; acted on
     * when unblocked. (Full pending sets and delivery to handlers come with the signals work.)
     */
    public volatile long pendingDefault;
    /** Signals sent to this thread alone (tkill, tgkill, faults). */
    public final dev.rivet.signal.PendingSignals pending = new dev.rivet.signal.PendingSignals();
    /** Blocked signals (a 64-bit sigset_t). */
    public volatile long sigmask;
    /** Signals this thread waits for in rt_sigtimedwait (Linux's real_blocked trick): senders wake it for them. */
    public volatile long waitingFor;
    /**
     * The mask to put back after the next signal is delivered (rt_sigsuspend, ppoll, pselect:
     * Linux's saved_sigmask with TIF_RESTORE_SIGMASK), when {@link #restoreMask} is set.
     */
    long savedMask;
    volatile boolean restoreMask;

    /** sigaltstack: sp, size, flags (0 or SS_AUTODISARM); size 0 means disabled. */
    public volatile long altStackSp, altStackSize;
    public volatile int altStackFlags;

    /**
     * on_sig_stack(): whether {@code sp} is on the alternate signal stack (never, while it is
     * armed with SS_AUTODISARM, as Linux says).
     */
    public boolean onAltStack(long sp) {
        if (altStackSize == 0 || (altStackFlags & SignalDelivery.SS_AUTODISARM) != 0) return false;
        return Long.compareUnsigned(sp, altStackSp) > 0 && Long.compareUnsigned(sp - altStackSp, altStackSize) <= 0;
    }

    /** SS_AUTODISARM: the alternate stack is forgotten while a handler runs on it (rt_sigreturn brings it back). */
    void disarmAltStack() {
        altStackSp = 0;
        altStackSize = 0;
        altStackFlags = 0;
    }

    /**
     * do_sigaltstack()'s change: EPERM while running on the current alternate stack, EINVAL for
     * a bad mode, ENOMEM below MINSIGSTKSZ; null when done.
     */
    public dev.rivet.abi.Errno setAltStack(long sp, int flags, long size) {
        if (onAltStack(hart.x[2])) return dev.rivet.abi.Errno.EPERM;
        int mode = flags & ~SignalDelivery.SS_AUTODISARM;
        if (mode != 0 && mode != SignalDelivery.SS_DISABLE && mode != SignalDelivery.SS_ONSTACK) return dev.rivet.abi.Errno.EINVAL;
        if (mode == SignalDelivery.SS_DISABLE) {
            disarmAltStack();
        } else {
            if (Long.compareUnsigned(size, MINSIGSTKSZ) < 0) return dev.rivet.abi.Errno.ENOMEM;
            altStackSp = sp;
            altStackSize = size;
            altStackFlags = flags & SignalDelivery.SS_AUTODISARM;
        }
        return null;
    }

    /** MINSIGSTKSZ of riscv64 (asm-generic). */
    public static final int MINSIGSTKSZ = 2048;

    /** The reported ss_flags of the alternate stack for the current stack pointer. */
    public int altStackFlagsNow() { return SignalDelivery.altStackFlagsFor(this, hart.x[2]); }

    /**
     * Sets the blocked signals (never SIGKILL or SIGSTOP). Process-wide signals this thread
     * now blocks go to a thread that can take them, as Linux's retarget_shared_pending does.
     */
    public void setSigmask(long mask) {
        long newlyBlocked = mask & ~sigmask;
        sigmask = mask & ~dev.rivet.abi.Signal.UNBLOCKABLE;
        long stranded = newlyBlocked & process.sharedPending.mask();
        if (stranded != 0) Signals.retarget(process, stranded);
    }

    /**
     * Runs with {@code mask} until a signal is delivered, then the current mask comes back
     * (rt_sigsuspend, ppoll, pselect6, epoll_pwait).
     */
    public void suspendMask(long mask) {
        savedMask = sigmask;
        restoreMask = true;
        sigmask = mask & ~dev.rivet.abi.Signal.UNBLOCKABLE;
    }

    /** Ends a {@link #suspendMask} period without a signal having been delivered. */
    public void restoreSuspendedMask() {
        if (restoreMask) {
            restoreMask = false;
            setSigmask(savedMask);
        }
    }

    public Task(Process process, Hart hart, int tid) {
        this.process = process;
        this.hart = hart;
        this.tid = tid;
    }

    /**
     * Asks this thread to stop at its next block boundary and wakes it from any sleep or futex
     * wait (which then return early): how exit_group reaches the other threads, and how signals
     * will.
     */
    public void interrupt() {
        hart.requestStop();
        Thread t = thread;
        if (t != null) java.util.concurrent.locks.LockSupport.unpark(t);
    }

    /** The thread a tid argument names: this one for 0, else one of its process's threads, or null. */
    public Task peer(int tid) {
        return tid == 0 ? this : tid < 0 ? null : process.thread(tid);
    }

    /** The memory syscalls read and write: the process's address space. */
    public GuestMemory memory() { return process.memory; }

    /**
     * The Java thread's CPU and user times when it took this task: pooled threads
     * ({@link GuestThreads}) run many tasks, and each task's clocks start at zero.
     */
    private volatile long cpuBase, userBase;
    /** The last CPU and user times read on this task's own Java thread (its exit reads both). */
    private long lastCpu, lastUser;

    /**
     * Per Java thread: its CPU and user times when its last task ended, the next task's
     * starting point. Carried rather than read again, so starting a thread costs no clock
     * reads; the few microseconds the pool spends in between count to the next task. A
     * subclass, not withInitial: a lambda would be spun at the first thread's start.
     */
    private static final ThreadLocal<long[]> ENDED_AT = new ThreadLocal<>() {
        @Override protected long[] initialValue() { return new long[2]; }
    };

    /** Called on the Java thread that is about to run this task. */
    void bindThread() {
        long[] at = ENDED_AT.get();
        cpuBase = at[0];
        userBase = at[1];
        thread = Thread.currentThread();
    }

    /** The task has ended (its exit read its times): its Java thread may go on to run another. */
    void unbindThread() {
        long[] at = ENDED_AT.get();
        at[0] = Math.max(at[0], lastCpu);
        at[1] = Math.max(at[1], lastUser);
        thread = null;
    }

    /** CPU time this thread has used (user + system), in nanoseconds. */
    public long cpuTimeNanos() {
        Thread t = thread;
        if (t == null) return 0;
        long now = Clocks.threadCpuNanos(t, false);
        if (t == Thread.currentThread()) lastCpu = now;
        return Math.max(now - cpuBase, 0);
    }

    /** User CPU time of this thread, in nanoseconds. */
    public long userTimeNanos() {
        Thread t = thread;
        if (t == null) return 0;
        long now = Clocks.threadCpuNanos(t, true);
        if (t == Thread.currentThread()) lastUser = now;
        return Math.max(now - userBase, 0);
    }
}
