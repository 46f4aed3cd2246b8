package dev.rivet.syscall;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Signal;
import dev.rivet.kernel.SigAction;
import dev.rivet.kernel.Task;
import dev.rivet.mm.GuestMemory;

import static dev.rivet.syscall.ArgKind.*;

/**
 * Signal state: rt_sigaction, rt_sigprocmask, sigaltstack store and report it exactly as Linux
 * does. Delivery to guest handlers comes with the signals work; until then tkill/tgkill to the
 * calling thread carry out a signal's default action (what abort() and raise() need).
 */
public final class SysSignal {
    private SysSignal() {}

    static final int SIGSET_SIZE = 8;
    public static final int SIG_BLOCK = 0, SIG_UNBLOCK = 1, SIG_SETMASK = 2;
    public static final int SS_ONSTACK = 1, SS_DISABLE = 2, SS_AUTODISARM = 1 << 31;
    /** MINSIGSTKSZ of riscv64 (asm-generic). */
    public static final int MINSIGSTKSZ = 2048;

    public static void register(SyscallTable t) {
        t.add("rt_sigaction", SysSignal::rtSigaction, SIGNAL, STRUCT, PTR, SIZE);
        t.add("rt_sigprocmask", SysSignal::rtSigprocmask, INT, STRUCT, PTR, SIZE);
        t.add("sigaltstack", SysSignal::sigaltstack, STRUCT, PTR);
        t.partial("tkill", "default actions only: handlers are not entered yet", SysSignal::tkill, INT, SIGNAL);
        t.partial("tgkill", "default actions only: handlers are not entered yet", SysSignal::tgkill, INT, INT, SIGNAL);
    }

    static long rtSigaction(Task task, Args a) throws ErrnoException {
        int sig = a.i(0);
        if (a.l(3) != SIGSET_SIZE) throw Errno.EINVAL.ex();
        if (!Signal.valid(sig)) throw Errno.EINVAL.ex();
        GuestMemory m = task.memory();
        SigAction next = null;
        if (a.l(1) != 0) {
            if (sig == Signal.SIGKILL || sig == Signal.SIGSTOP) throw Errno.EINVAL.ex();
            long act = a.l(1);
            next = new SigAction(m.read64(act), m.read64(act + 8), m.read64(act + 16) & ~Signal.UNBLOCKABLE);
        }
        SigAction old = task.process.action(sig);
        if (a.l(2) != 0) {
            long oact = a.l(2);
            m.write64(oact, old.handler());
            m.write64(oact + 8, old.flags());
            m.write64(oact + 16, old.mask());
        }
        if (next != null) task.process.setAction(sig, next);
        return 0;
    }

    static long rtSigprocmask(Task task, Args a) throws ErrnoException {
        if (a.l(3) != SIGSET_SIZE) throw Errno.EINVAL.ex();
        GuestMemory m = task.memory();
        long old = task.sigmask;
        long next = old;
        if (a.l(1) != 0) {
            long set = m.read64(a.l(1));
            next = switch (a.i(0)) {
                case SIG_BLOCK -> old | set;
                case SIG_UNBLOCK -> old & ~set;
                case SIG_SETMASK -> set;
                default -> throw Errno.EINVAL.ex();
            };
        }
        if (a.l(2) != 0) m.write64(a.l(2), old);
        task.sigmask = next & ~Signal.UNBLOCKABLE;
        actOnUnblocked(task);
        return 0;
    }

    /** stack_t: ss_sp(8), ss_flags(4) + pad, ss_size(8). */
    static long sigaltstack(Task task, Args a) throws ErrnoException {
        GuestMemory m = task.memory();
        long ss = a.l(0), oss = a.l(1);
        long sp = 0, size = 0;
        int flags = 0;
        if (ss != 0) {
            sp = m.read64(ss);
            flags = m.read32(ss + 8);
            size = m.read64(ss + 16);
        }
        if (oss != 0) {
            m.write64(oss, task.altStackSp);
            m.write32(oss + 8, (task.altStackSize == 0 ? SS_DISABLE : 0) | task.altStackFlags);
            m.write32(oss + 12, 0);
            m.write64(oss + 16, task.altStackSize);
        }
        if (ss != 0) {
            // Never on the alternate stack yet: handlers are not entered, so EPERM cannot arise.
            int mode = flags & ~SS_AUTODISARM;
            if (mode != 0 && mode != SS_DISABLE && mode != SS_ONSTACK) throw Errno.EINVAL.ex();
            if (mode == SS_DISABLE) {
                task.altStackSp = 0;
                task.altStackSize = 0;
                task.altStackFlags = 0;
            } else {
                if (Long.compareUnsigned(size, MINSIGSTKSZ) < 0) throw Errno.ENOMEM.ex();
                task.altStackSp = sp;
                task.altStackSize = size;
                task.altStackFlags = flags & SS_AUTODISARM;
            }
        }
        return 0;
    }

    /** Carries out the default action of pending signals that are no longer blocked. */
    private static void actOnUnblocked(Task task) {
        long ready = task.pendingDefault & ~task.sigmask;
        if (ready == 0) return;
        task.pendingDefault &= ~ready;
        for (int sig = 1; sig <= Signal.NSIG; sig++) {
            if ((ready & Signal.bit(sig)) == 0) continue;
            SigAction act = task.process.action(sig);
            if (act.handler() != SigAction.SIG_DFL) continue; // ignored (or changed) since it was sent
            Signal.Default d = Signal.defaultAction(sig);
            if (d == Signal.Default.TERMINATE || d == Signal.Default.CORE) task.process.kernel.killProcess(task, sig);
        }
    }

    static long tkill(Task task, Args a) throws ErrnoException {
        return signalSelf(task, a.i(0), a.i(1));
    }

    static long tgkill(Task task, Args a) throws ErrnoException {
        if (a.i(0) <= 0) throw Errno.EINVAL.ex();
        if (a.i(0) != task.process.pid) throw Errno.ESRCH.ex();
        return signalSelf(task, a.i(1), a.i(2));
    }

    private static long signalSelf(Task task, int tid, int sig) throws ErrnoException {
        if (tid <= 0) throw Errno.EINVAL.ex();
        if (sig < 0 || sig > Signal.NSIG) throw Errno.EINVAL.ex();
        if (task.process.thread(tid) == null) throw Errno.ESRCH.ex();
        if (sig == 0) return 0;
        SigAction act = task.process.action(sig);
        boolean blocked = (task.sigmask & Signal.bit(sig)) != 0;
        if (act.handler() == SigAction.SIG_IGN) return 0;
        if (act.handler() == SigAction.SIG_DFL) {
            Signal.Default d = Signal.defaultAction(sig);
            if (d == Signal.Default.IGNORE || d == Signal.Default.CONTINUE) return 0;
            if (d == Signal.Default.STOP) throw Errno.ENOSYS.ex(); // job control comes with processes
            if (blocked) { // stays pending until unblocked (musl's raise() blocks around tkill)
                task.pendingDefault |= Signal.bit(sig);
                return 0;
            }
            task.process.kernel.killProcess(task, sig);
        }
        // A guest handler: delivery is not implemented yet. Say so rather than pretend.
        throw Errno.ENOSYS.ex();
    }
}
