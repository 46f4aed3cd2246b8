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
    public final int ppid;
    /** Process group and session: the first process leads its own, as a shell's job would. */
    public volatile int pgid, sid;
    public final AddressSpace memory;
    public final FdTable fds;
    public final FsContext fs;
    public final Limits limits = new Limits();
    /** POSIX timers and itimers; exec must call {@code timers.clearOnExec()}. */
    public final Timers timers = new Timers(this);
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
        this.ppid = ppid;
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

    public synchronized void setAction(int sig, SigAction a) { actions[sig] = a; }

    /** How the process ended, once it has: set by exit_group, a fatal signal, or the last exit. */
    private ExitStatus exitStatus;

    public void addThread(Task t) { threads.put(t.tid, t); }

    /**
     * A thread has ended with {@code code} (its exit(2) argument). When it was the last one, the
     * process is over: it takes that status unless exit_group or a signal decided one first, and
     * whoever waits in {@link #awaitExit()} is released.
     */
    public void removeThread(Task t, int code) {
        boolean last;
        synchronized (this) {
            if (threads.remove(t.tid) == null) return;
            deadThreadsCpu += t.cpuTimeNanos();
            deadThreadsUser += t.userTimeNanos();
            last = threads.isEmpty();
            if (last && exitStatus == null) exitStatus = ExitStatus.exited(code);
            if (last) notifyAll();
        }
        if (last) timers.exit(); // outside the monitor: a firing timer may be sending this process a signal
    }

    /** exit_group or a fatal signal: records how the process ends (the first word wins) and stops every other thread. */
    public void exitGroup(ExitStatus status, Task caller) {
        synchronized (this) {
            if (exitStatus == null) exitStatus = status;
            notifyAll(); // a stopped process is released to die
        }
        for (Task t : threads.values()) if (t != caller) t.interrupt();
    }

    /** Whether the process is ending (exit_group or a fatal signal): its threads must stop. */
    public synchronized boolean exiting() { return exitStatus != null; }

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
