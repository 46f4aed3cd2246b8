package dev.rivet.kernel;

import dev.rivet.abi.Signal;
import dev.rivet.fs.FdTable;
import dev.rivet.fs.FsContext;
import dev.rivet.mm.AddressSpace;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A guest process (thread group): what its threads share. */
public final class Process {
    public final Kernel kernel;
    public final int pid;
    /** The parent pid seen by the first process, whose parent is outside the guest. */
    private final int outsidePpid;
    /** Process group and session: the first process leads its own, as a shell's job would. */
    public volatile int pgid, sid;
    /**
     * The address space; replaced by execve (every hart of the process picks the new one up
     * from {@code Hart.memory}, which exec sets, before it runs again).
     */
    public volatile AddressSpace memory;
    public final FdTable fds;
    public final FsContext fs;
    public final Limits limits = new Limits();
    public final int uid, gid;
    /** Guest path of the running image, for /proc/self/exe and AT_EXECFN. */
    public volatile String exePath;
    /** Where signal handlers return to: the vDSO's __vdso_rt_sigreturn (set when the image is loaded). */
    public volatile long sigreturnTrampoline;
    /** Host path of the running image. */
    public volatile java.nio.file.Path exeHostPath;

    private final SigAction[] actions = new SigAction[Signal.NSIG + 1];
    /** Signals sent to the process as a whole (kill), taken by whichever thread does not block them. */
    public final dev.rivet.signal.PendingSignals sharedPending = new dev.rivet.signal.PendingSignals();
    /** Job control: stopped by SIGSTOP/SIGTSTP/SIGTTIN/SIGTTOU until SIGCONT; the signal that stopped it. */
    private boolean stopped;
    private int stopSignal;
    private final Map<Integer, Task> threads = new ConcurrentHashMap<>();
    /** CPU time of threads that have exited, in nanoseconds. */
    private volatile long deadThreadsCpu, deadThreadsUser;

    public Process(Kernel kernel, int pid, int ppid, AddressSpace memory, FdTable fds, FsContext fs, int uid, int gid) {
        this.kernel = kernel;
        this.pid = pid;
        this.outsidePpid = ppid;
        this.pgid = pid;
        this.sid = pid;
        this.memory = memory;
        this.fds = fds;
        this.fs = fs;
        this.uid = uid;
        this.gid = gid;
        java.util.Arrays.fill(actions, SigAction.DEFAULT);
    }

    public SigAction action(int sig) { return actions[sig]; }

    /** fork: the child starts with the parent's signal dispositions. */
    void copyActionsFrom(Process parent) {
        SigAction[] a;
        synchronized (parent) { a = parent.actions.clone(); }
        synchronized (this) { System.arraycopy(a, 0, actions, 0, a.length); }
    }

    private static final SigAction IGNORED = new SigAction(SigAction.SIG_IGN, 0, 0);

    /** execve: handled signals go back to SIG_DFL; ignored ones stay ignored; flags and masks are dropped. */
    synchronized void resetHandledActions() {
        // flush_signal_handlers: flags (SA_NOCLDWAIT too) and masks go even where the handler stays.
        for (int i = 1; i < actions.length; i++) {
            actions[i] = actions[i].handler() == SigAction.SIG_IGN ? IGNORED : SigAction.DEFAULT;
        }
    }

    // ---- the process tree (guarded by the kernel's ProcessTree lock) ----

    /** The parent process; null for the first guest process, whose parent is outside. Changes when orphaned. */
    volatile Process parent;
    /** Live and zombie children, not yet reaped. */
    final java.util.List<Process> children = new java.util.ArrayList<>();
    /** The signal the parent gets when this process ends (clone's exit signal; SIGCHLD for fork). */
    int exitSignal = Signal.SIGCHLD;
    /** All threads have ended and the parent has been told: waitable until reaped. */
    boolean zombie;
    /** A stop not yet reported to wait (WUNTRACED), and its signal; a continue not yet reported (WCONTINUED). */
    int stopReport;
    boolean continueReport;
    /** CPU time (total, user) of reaped children and their reaped descendants (RUSAGE_CHILDREN), in nanoseconds. */
    long childrenCpu, childrenUser;
    /** CPU time this process had when it died (kept for the parent's wait). */
    long finalCpu, finalUser;
    /** Threads of this process sleeping in wait4/waitid, woken when a child has news. */
    final java.util.Set<Task> childWaiters = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Set by execve: a parent may no longer change this child's process group (EACCES). */
    volatile boolean execed;
    /** A vfork parent's thread, waiting until this child execs or exits; null when released. */
    volatile Task vforkParent;

    /** The parent's pid, as getppid reports it. */
    public int ppid() {
        Process p = parent;
        return p == null ? outsidePpid : p.pid;
    }

    public synchronized void setAction(int sig, SigAction a) { actions[sig] = a; }

    /** How the process ended, once it has: set by exit_group, a fatal signal, or the last exit. */
    private ExitStatus exitStatus;

    public void addThread(Task t) { threads.put(t.tid, t); }

    /** membarrier(2) registrations of this process's address space (see {@link Membarrier}). */
    final java.util.concurrent.atomic.AtomicInteger membarrierState = new java.util.concurrent.atomic.AtomicInteger();

    /** Harts of ended threads, for new ones (see {@link SpareHarts}). */
    final SpareHarts spareHarts = new SpareHarts();

    /** A hart for a new thread of this process: clean, on this process's memory, possibly reused. */
    public dev.rivet.cpu.Hart newThreadHart() { return spareHarts.take(memory); }

    /**
     * A thread has ended with {@code code} (its exit(2) argument). When it was the last one, the
     * process is over: it takes that status unless exit_group or a signal decided one first, and
     * whoever waits in {@link #awaitExit()} is released.
     */
    public boolean removeThread(Task t, int code) {
        boolean last;
        synchronized (this) {
            if (threads.remove(t.tid) == null) return false;
            deadThreadsCpu += t.cpuTimeNanos();
            deadThreadsUser += t.userTimeNanos();
            last = threads.isEmpty();
            if (last && exitStatus == null) exitStatus = ExitStatus.exited(code);
            notifyAll(); // awaitExit, and an execve waiting for the other threads to go
        }
        Thread th = t.thread;
        if (th != null && !execKilled.isEmpty()) execKilled.remove(th);
        return last;
    }

    /** exit_group or a fatal signal: records how the process ends (the first word wins) and stops every other thread. */
    public void exitGroup(ExitStatus status, Task caller) {
        boolean first;
        synchronized (this) {
            first = exitStatus == null;
            if (first) exitStatus = status;
            notifyAll(); // a stopped process is released to die
        }
        for (Task t : threads.values()) if (t != caller) t.interrupt();
        if (first && kernel != null && threads.size() > (caller != null ? 1 : 0)) kernel.watchExit(this);
    }

    /**
     * The process was told to end a while ago but some threads are still inside host calls
     * (a read of a pipe or terminal cannot be interrupted yet): they are forgotten, so the
     * process can become a zombie its parent can reap. True when this call did so (the caller
     * then finishes the process); false when the last thread left by itself.
     */
    synchronized boolean forgetStuckThreads() {
        if (threads.isEmpty()) return false;
        for (Task t : threads.values()) {
            deadThreadsCpu += t.cpuTimeNanos();
            deadThreadsUser += t.userTimeNanos();
        }
        threads.clear();
        notifyAll();
        return true;
    }

    /**
     * Whether the calling thread must stop: the process is ending (exit_group or a fatal
     * signal), or an execve in another thread is ending this one (de_thread).
     */
    public boolean exiting() {
        if (!execKilled.isEmpty() && execKilled.contains(Thread.currentThread())) return true;
        synchronized (this) { return exitStatus != null; }
    }

    /** The Java threads an execve is ending (Linux's de_thread): each leaves at its next stop or wake-up. */
    private final java.util.Set<Thread> execKilled = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * execve's de_thread: ends every thread but {@code execer} and waits for them (a moment
     * only, for a thread stuck in a host call, as exit_group does); then {@code execer} takes
     * over the pid as its tid if it was not the leader. False if the process is being killed
     * meanwhile.
     */
    boolean killOtherThreads(Task execer) {
        for (Task t : threads.values()) {
            if (t == execer) continue;
            Thread th = t.thread;
            if (th != null) execKilled.add(th);
            t.interrupt();
        }
        synchronized (this) {
            long deadline = System.nanoTime() + EXIT_GRACE_NANOS;
            while (threads.size() > 1 && exitStatus == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    threads.values().removeIf(t -> t != execer); // stuck in the host: forgotten, as it will leave
                    break;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (exitStatus != null) return false;
            if (execer.tid != pid) {
                threads.remove(execer.tid);
                execer.tid = pid;
                threads.put(pid, execer);
            }
            return true;
        }
    }

    public synchronized ExitStatus exitStatus() { return exitStatus; }

    /**
     * Waits until every thread has ended; returns how the process ended. Once exit_group or a
     * fatal signal has decided the status, it waits only a moment for the others: a thread
     * blocked in a host call (a read of the terminal) cannot be stopped yet, and the process
     * must not hang on it. Its output is already in the host's files (writes are unbuffered).
     */
    public synchronized ExitStatus awaitExit() throws InterruptedException {
        long grace = 0;
        while (!threads.isEmpty()) {
            if (exitStatus == null) {
                wait();
            } else {
                if (grace == 0) grace = System.nanoTime() + EXIT_GRACE_NANOS;
                long left = grace - System.nanoTime();
                if (left <= 0) break;
                wait(Math.max(1, left / 1_000_000));
            }
        }
        return exitStatus;
    }

    /** How long exit_group waits for threads stuck in host calls. */
    private static final long EXIT_GRACE_NANOS = 500_000_000L;

    public Task thread(int tid) { return threads.get(tid); }

    /** The live threads (a snapshot view: threads may come and go while iterating). */
    public Iterable<Task> threads() { return threads.values(); }

    public synchronized boolean stopped() { return stopped; }

    public synchronized int stopSignal() { return stopSignal; }

    /**
     * A stop signal's default action: the whole process stops (each thread parks in
     * {@link #awaitContinued} at its next stop) until SIGCONT or SIGKILL.
     */
    public void stop(int sig) {
        synchronized (this) {
            if (stopped || exitStatus != null) return;
            stopped = true;
            stopSignal = sig;
        }
        for (Task t : threads.values()) t.interrupt();
        onJobControl(true);
    }

    /** SIGCONT: a stopped process runs again. */
    public void resume() {
        synchronized (this) {
            if (!stopped) return;
            stopped = false;
            notifyAll();
        }
        onJobControl(false);
    }

    /** Parks the calling thread while the process is stopped (and not being killed). */
    public synchronized void awaitContinued(Task t) {
        while (stopped && exitStatus == null) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A stop or continue happened: the process tree reports it to the parent (wait4 WUNTRACED/WCONTINUED, SIGCHLD). */
    void onJobControl(boolean stoppedNow) {
        kernel.jobControlChanged(this, stoppedNow);
    }

    public int threadCount() { return threads.size(); }

    public long cpuTimeNanos() {
        long sum = deadThreadsCpu;
        for (Task t : threads.values()) sum += t.cpuTimeNanos();
        return sum;
    }

    public long userTimeNanos() {
        long sum = deadThreadsUser;
        for (Task t : threads.values()) sum += t.userTimeNanos();
        return sum;
    }
}
