package dev.rivet.kernel;

import dev.rivet.abi.ErrnoException;
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

    public Kernel(Strace strace) {
        this.syscalls = Syscalls.table();
        this.strace = strace;
    }

    public int allocateId() { return nextId.getAndIncrement(); }

    /** Runs {@code task} on the calling thread until its process ends; returns how it ended. */
    public ExitStatus run(Task task) {
        task.thread = Thread.currentThread();
        Process p = task.process;
        p.addThread(task);
        Hart hart = task.hart;
        try {
            for (;;) {
                StopReason why = hart.run();
                switch (why) {
                    case StopReason.Ecall e -> syscall(task);
                    case StopReason.Fault f -> fatalSignal(task, Signal.SIGSEGV);
                    case StopReason.Illegal i -> fatalSignal(task, Signal.SIGILL);
                    case StopReason.Breakpoint b -> fatalSignal(task, Signal.SIGTRAP);
                    case StopReason.Interrupted i -> hart.clearStop();
                    default -> fatalSignal(task, Signal.SIGBUS);
                }
            }
        } catch (ProcessExit e) {
            return e.status;
        } finally {
            p.removeThread(task);
            if (p.threadCount() == 0) { // the last thread out closes what the process held
                p.fds.closeAll();
                p.fs.release();
            }
        }
    }

    /**
     * A synchronous signal (fault, illegal instruction, breakpoint). Handlers are not yet entered
     * (signal delivery comes with the signals work), so the default action happens: the process
     * dies of the signal, as it would on Linux without a handler.
     */
    private void fatalSignal(Task task, int sig) {
        if (strace != null) strace.signal(task, sig);
        Signal.Default d = Signal.defaultAction(sig);
        throw new ProcessExit(ExitStatus.killed(sig, d == Signal.Default.CORE && task.process.limits.soft(Limits.CORE) != 0));
    }

    /** Kills the process of {@code task} with {@code sig} (its default action is to terminate). */
    public void killProcess(Task task, int sig) {
        fatalSignal(task, sig);
    }

    private void syscall(Task task) {
        Hart h = task.hart;
        long[] x = h.x;
        long nr = x[17];
        Args a = task.args;
        a.set(x[10], x[11], x[12], x[13], x[14], x[15]);
        Syscall s = syscalls.get(nr);
        long result;
        if (s.handler() == null) {
            result = dev.rivet.abi.Errno.ENOSYS.negative();
        } else {
            try {
                result = s.handler().call(task, a);
            } catch (ErrnoException e) {
                result = -e.errno.number;
            } catch (ProcessExit e) {
                if (strace != null) strace.exit(task, s, a, e.status);
                throw e;
            }
        }
        if (strace != null) strace.call(task, s, a, result);
        x[10] = result;
        h.pc += 4;
    }
}
