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

    /** The Java thread running this task (set when it starts). */
    volatile Thread thread;

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
    /** sigaltstack: sp, size, flags (0 or SS_AUTODISARM); size 0 means disabled. */
    public volatile long altStackSp, altStackSize;
    public volatile int altStackFlags;

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

    /** CPU time this thread has used (user + system), in nanoseconds. */
    public long cpuTimeNanos() {
        Thread t = thread;
        return t == null ? 0 : Clocks.threadCpuNanos(t, false);
    }

    /** User CPU time of this thread, in nanoseconds. */
    public long userTimeNanos() {
        Thread t = thread;
        return t == null ? 0 : Clocks.threadCpuNanos(t, true);
    }
}
