package dev.rivet.kernel;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.SyscallNames;
import dev.rivet.signal.SigInfo;
import dev.rivet.abi.Signal;
import dev.rivet.cpu.Hart;
import dev.rivet.cpu.StopReason;
import dev.rivet.syscall.Args;
import dev.rivet.syscall.Strace;
import dev.rivet.syscall.Syscall;
import dev.rivet.syscall.SyscallTable;
import dev.rivet.syscall.Syscalls;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The kernel: owns the syscall table and runs tasks. A task's loop runs its hart until it
 * stops, then does what Linux would: a syscall, or a signal for a fault.
 */
public final class Kernel {
    /** The pid of the first guest process; its parent is "outside" (pid 1, like a container's init would see). */
    public static final int FIRST_PID = 1000;

    public final SyscallTable syscalls;
    private final Strace strace;
    private final AtomicInteger nextId = new AtomicInteger(FIRST_PID);
    /** uname(2) nodename, release and version: the host's, as qemu-user reports them. */
    public final HostInfo hostInfo = HostInfo.read();

    /** The most threads one process may have alive (--max-threads; 0: no cap beyond RLIMIT_NPROC). */
    public final int maxThreads;

    public Kernel(Strace strace) {
        this(strace, 0);
    }

    public Kernel(Strace strace, int maxThreads) {
        this.syscalls = Syscalls.table();
        this.strace = strace;
        this.maxThreads = maxThreads;
    }

    public int allocateId() { return nextId.getAndIncrement(); }

    /** Every live process (and zombie, until reaped) of this kernel, by pid. */
    private final java.util.concurrent.ConcurrentHashMap<Integer, Process> processes = new java.util.concurrent.ConcurrentHashMap<>();

    /** Makes a new process visible to kill, wait and /proc. */
    public void register(Process p) { processes.put(p.pid, p); }

    /** Forgets a process (reaped). */
    public void unregister(Process p) { processes.remove(p.pid, p); }

    public Process process(int pid) { return processes.get(pid); }

    /** A snapshot view of all processes. */
    public Iterable<Process> processes() { return processes.values(); }

    /** Sends {@code info} to every live process of group {@code pgid}; returns how many there were. */
    public int signalProcessGroup(int pgid, SigInfo info) {
        int n = 0;
        for (Process p : processes.values()) {
            if (p.pgid != pgid || p.exitStatus() != null) continue;
            Signals.sendToProcess(p, info);
            n++;
        }
        return n;
    }

    /**
     * A process stopped or continued (job control). The process tree reports it to the parent
     * (wait4's WUNTRACED/WCONTINUED and SIGCHLD with CLD_STOPPED/CLD_CONTINUED).
     */
    void jobControlChanged(Process p, boolean stopped) {
        tree.jobControl(p, stopped);
    }

    /** Fires every timer of every process of this kernel (one daemon thread, while any is armed). */
    public final TimerThread timerThread = new TimerThread();

    /** Parents, children, zombies and wait. */
    public final ProcessTree tree = new ProcessTree(this);

    /** The Java thread that called {@link #run}: a Rivet bug there reaches the caller, elsewhere it is printed in one line. */
    private volatile Thread runThread;

    /** The futex wait queues of every process of this kernel. */
    public final Futex futexes = new Futex();
    /** The priority-inheritance protocol over the same queues. */
    public final FutexPi piFutexes = new FutexPi(futexes);

    /**
     * Runs the first thread of a process on the calling thread, then waits for the process's
     * other threads; returns how the process ended.
     */
    public ExitStatus run(Task task) {
        tree.setRoot(task.process);
        runThread = Thread.currentThread();
        task.process.addThread(task);
        runTask(task);
        try {
            ExitStatus status = task.process.awaitExit();
            if (strace != null && status != null && status.bySignal()) strace.killed(status);
            return status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the guest's threads");
        } finally {
            tree.killAllButRoot(); // the first process is the namespace's init: the rest die with it
            Task.clearCurrent(); // the embedder's thread must not keep the ended process reachable
        }
    }

    /** Starts {@code task} (a new thread of an existing process) on a Java thread of its own. */
    public void start(Task task) {
        task.process.addThread(task);
        // No lambda or string concatenation here: their first use spins classes at run time,
        // milliseconds that a program's first pthread_create would wait for.
        GuestThreads.start("guest-".concat(Integer.toString(task.tid)), new TaskRunner(this, task));
    }

    /** The body of a guest thread's Java thread. */
    private record TaskRunner(Kernel kernel, Task task) implements Runnable {
        @Override public void run() {
            task.bindThread();
            try {
                kernel.runTask(task);
            } finally {
                task.unbindThread(); // the Java thread goes on to other tasks: no stale unparks or CPU times
                task.process.spareHarts.give(task.hart, task.process.memory);
            }
        }
    }

    /** A task's loop: runs its hart and does what Linux would at each stop, until the thread ends. */
    private void runTask(Task task) {
        task.bindCurrentThread();
        dev.rivet.fs.Blocking.install(TaskBlocking.INSTANCE);
        Process p = task.process;
        Hart hart = task.hart;
        int code = 0;
        boolean threadOnly = false;
        try {
            for (;;) {
                if (p.exiting()) return; // exit_group or a fatal signal
                StopReason why = hart.run();
                long restart = 0;
                switch (why) {
                    case StopReason.Ecall e -> restart = syscall(task);
                    case StopReason.Fault f -> Signals.force(task, SigInfo.fault(Signal.SIGSEGV,
                            f.mapped() ? SigInfo.SEGV_ACCERR : SigInfo.SEGV_MAPERR, f.address()));
                    case StopReason.Illegal i -> Signals.force(task, SigInfo.fault(Signal.SIGILL, SigInfo.ILL_ILLOPC, hart.pc));
                    case StopReason.Breakpoint b -> Signals.force(task, SigInfo.fault(Signal.SIGTRAP, SigInfo.TRAP_BRKPT, hart.pc));
                    case StopReason.Misaligned m -> Signals.force(task, SigInfo.fault(Signal.SIGBUS, SigInfo.BUS_ADRALN, m.address()));
                    case StopReason.Interrupted i -> { }
                }
                // Clear the request before looking: a signal sent after this sets it again.
                hart.clearStop();
                if (restart != 0 || Signals.deliverable(task) != 0 || p.stopped()) SignalDelivery.deliver(task, restart);
            }
        } catch (ProcessExit e) {
            p.exitGroup(e.status, task);
        } catch (ThreadExit e) {
            code = e.code;
            threadOnly = true;
        } catch (RuntimeException | Error e) {
            // A Rivet bug: end the process rather than hang it. The first thread's caller (the
            // CLI) prints the one line; another thread prints it here.
            p.exitGroup(ExitStatus.exited(70), task);
            if (Thread.currentThread() == runThread) throw e;
            System.err.println("rivet: internal error: " + e);
        } finally {
            // mm_release(): robust mutexes first, then the tid word pthread_join waits on.
            futexes.exitRobustList(task);
            if (threadOnly) clearChildTid(task);
            if (p.removeThread(task, code)) processEnded(p);
        }
    }

    /**
     * After exit_group or a fatal signal, gives the other threads the same grace as
     * {@link Process#awaitExit} and then ends the process without the ones stuck in host calls,
     * so its parent is not kept waiting for a zombie that never comes.
     */
    void watchExit(Process p) {
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(EXIT_WATCH_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            if (p.forgetStuckThreads()) processEnded(p);
        });
    }

    /** How long an ending process's threads get to leave by themselves. */
    private static final long EXIT_WATCH_MILLIS = 600;

    /** The last thread out closes what the process held, and the process tree tells the parent. */
    private void processEnded(Process p) {
        p.timers.exit(); // nothing fires for it any more, nor keeps it reachable
        tree.exited(p);
    }

    /** CLONE_CHILD_CLEARTID / set_tid_address: a leaving thread zeroes the word and wakes one waiter (pthread_join). */
    private void clearChildTid(Task task) {
        long addr = task.clearChildTid;
        if (addr == 0) return;
        try {
            task.memory().write32(addr, 0);
            futexes.wake(task, addr, 1, Futex.BITSET_MATCH_ANY);
        } catch (ErrnoException ignored) {
            // Linux ignores a bad address here too.
        }
    }

    /** The --strace printer, or null. */
    public Strace strace() { return strace; }

    /** Runs the syscall the hart stopped at; returns its -ERESTART* result when it must be restarted or turned into EINTR, else 0. */
    private long syscall(Task task) {
        Hart h = task.hart;
        long[] x = h.x;
        long nr = x[17];
        Args a = task.args;
        a.set(x[10], x[11], x[12], x[13], x[14], x[15]);
        Syscall s = syscalls.get(nr);
        // The ecall retires before the handler runs, as on Linux (regs->epc += 4 first): a new
        // thread or child starts after it, rt_sigreturn sets pc freely, and a restart steps back.
        h.pc += 4;
        h.instret++;
        long result;
        if (s.handler() == null) {
            result = Errno.ENOSYS.negative();
        } else {
            Task.IN_SYSCALL.setRelease(task, true); // for membarrier
            try {
                result = s.handler().call(task, a);
            } catch (ErrnoException e) {
                result = -e.errno.number;
            } catch (ProcessExit e) {
                if (strace != null) strace.exit(task, s, a, e.status);
                throw e;
            } catch (ThreadExit e) {
                if (strace != null) strace.exit(task, s, a, null);
                throw e;
            } finally {
                task.inSyscall = false;
            }
        }
        if (strace != null) strace.call(task, s, a, result);
        x[10] = result;
        // rt_sigreturn's result is the restored a0, which is never a restart request.
        boolean restart = result <= -Errno.ERESTARTSYS.number && result >= -Errno.ERESTART_RESTARTBLOCK.number
                && nr != SyscallNames.RT_SIGRETURN;
        return restart ? result : 0;
    }
}
