package dev.rivet.syscall;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Signal;
import dev.rivet.abi.Timespec;
import dev.rivet.kernel.Process;
import dev.rivet.kernel.SigAction;
import dev.rivet.kernel.SignalDelivery;
import dev.rivet.kernel.Signals;
import dev.rivet.kernel.Task;
import dev.rivet.mm.GuestMemory;
import dev.rivet.signal.SigInfo;

import java.util.concurrent.locks.LockSupport;

import static dev.rivet.syscall.ArgKind.*;

/**
 * Signal state and the calls that wait for or send signals to threads: rt_sigaction,
 * rt_sigprocmask, sigaltstack, rt_sigreturn, rt_sigpending, rt_sigsuspend, rt_sigtimedwait,
 * tkill, tgkill, rt_sigqueueinfo, rt_tgsigqueueinfo. Delivery itself is kernel.SignalDelivery.
 */
public final class SysSignal {
    private SysSignal() {}

    static final int SIGSET_SIZE = 8;
    public static final int SIG_BLOCK = 0, SIG_UNBLOCK = 1, SIG_SETMASK = 2;
    public static final int SS_ONSTACK = 1, SS_DISABLE = 2, SS_AUTODISARM = 1 << 31;
    public static final int MINSIGSTKSZ = Task.MINSIGSTKSZ;
    /** The sa_flags Linux keeps (UAPI_SA_FLAGS); others read back as 0, which is how libcs detect them. */
    static final long KNOWN_SA_FLAGS = SigAction.SA_NOCLDSTOP | SigAction.SA_NOCLDWAIT | SigAction.SA_SIGINFO
            | SigAction.SA_ONSTACK | SigAction.SA_RESTART | SigAction.SA_NODEFER | SigAction.SA_RESETHAND
            | SigAction.SA_EXPOSE_TAGBITS;

    public static void register(SyscallTable t) {
        t.add("rt_sigaction", SysSignal::rtSigaction, SIGNAL, STRUCT, PTR, SIZE);
        t.add("rt_sigprocmask", SysSignal::rtSigprocmask, INT, STRUCT, PTR, SIZE);
        t.add("sigaltstack", SysSignal::sigaltstack, STRUCT, PTR);
        t.add("rt_sigreturn", (task, a) -> SignalDelivery.sigreturn(task));
        t.add("rt_sigpending", SysSignal::rtSigpending, PTR, SIZE);
        t.add("rt_sigsuspend", SysSignal::rtSigsuspend, STRUCT, SIZE);
        t.add("rt_sigtimedwait", SysSignal::rtSigtimedwait, STRUCT, PTR, STRUCT, SIZE);
        t.add("tkill", SysSignal::tkill, INT, SIGNAL);
        t.add("tgkill", SysSignal::tgkill, INT, INT, SIGNAL);
        t.add("rt_sigqueueinfo", SysSignal::rtSigqueueinfo, INT, SIGNAL, STRUCT);
        t.add("rt_tgsigqueueinfo", SysSignal::rtTgsigqueueinfo, INT, INT, SIGNAL, STRUCT);
        t.add("signalfd4", SysSignal::signalfd4, FD, STRUCT, SIZE, HEX);
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
            next = new SigAction(m.read64(act), m.read64(act + 8) & KNOWN_SA_FLAGS, m.read64(act + 16) & ~Signal.UNBLOCKABLE);
        }
        Process p = task.process;
        SigAction old = p.action(sig);
        if (a.l(2) != 0) {
            long oact = a.l(2);
            m.write64(oact, old.handler());
            m.write64(oact + 8, old.flags());
            m.write64(oact + 16, old.mask());
        }
        if (next != null) {
            p.setAction(sig, next);
            // POSIX: setting a pending signal's action to ignore discards it, in every thread.
            boolean ignores = next.handler() == SigAction.SIG_IGN || (next.handler() == SigAction.SIG_DFL
                    && Signal.defaultAction(sig) == Signal.Default.IGNORE);
            if (ignores) {
                p.sharedPending.discard(Signal.bit(sig));
                for (Task t : p.threads()) t.pending.discard(Signal.bit(sig));
            }
        }
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
        task.setSigmask(next);
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
            m.write32(oss + 8, task.altStackFlagsNow());
            m.write32(oss + 12, 0);
            m.write64(oss + 16, task.altStackSize);
        }
        if (ss != 0) {
            Errno e = task.setAltStack(sp, flags, size);
            if (e != null) throw e.ex();
        }
        return 0;
    }

    /** The signals pending for the caller (its own and its process's) that it blocks. */
    static long rtSigpending(Task task, Args a) throws ErrnoException {
        if (a.l(1) > SIGSET_SIZE) throw Errno.EINVAL.ex();
        long set = (task.pending.mask() | task.process.sharedPending.mask()) & task.sigmask;
        byte[] b = new byte[(int) a.l(1)];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (set >>> (8 * i));
        task.memory().write(a.l(0), b);
        return 0;
    }

    /**
     * Waits with a temporary mask until a handler has run (or the process ends): always EINTR.
     * The frame saves the caller's own mask, so it is back when the handler returns.
     */
    static long rtSigsuspend(Task task, Args a) throws ErrnoException {
        if (a.l(1) != SIGSET_SIZE) throw Errno.EINVAL.ex();
        long mask = task.memory().read64(a.l(0));
        task.suspendMask(mask);
        while (!Signals.interruptsWait(task)) LockSupport.park(task);
        throw Errno.EINTR.ex();
    }

    /** siginfo-returning wait for one of a set of (normally blocked) signals: its number, EAGAIN on timeout, EINTR. */
    static long rtSigtimedwait(Task task, Args a) throws ErrnoException {
        if (a.l(3) != SIGSET_SIZE) throw Errno.EINVAL.ex();
        GuestMemory m = task.memory();
        long set = m.read64(a.l(0)) & ~Signal.UNBLOCKABLE;
        long deadline = Long.MAX_VALUE;
        if (a.l(2) != 0) {
            long ns = Timespec.readNanos(m, a.l(2));
            if (ns < 0) throw Errno.EINVAL.ex();
            long now = System.nanoTime();
            deadline = ns > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + ns;
        }
        SigInfo info = Signals.waitFor(task, set, deadline);
        if (info == null) throw Errno.EAGAIN.ex();
        if (a.l(1) != 0) info.write(m, a.l(1));
        return info.signo();
    }

    static final int SFD_CLOEXEC = 02000000, SFD_NONBLOCK = 04000;

    /** A new signalfd for a mask, or a new mask for an existing one. */
    static long signalfd4(Task task, Args a) throws ErrnoException {
        int fd = a.i(0), flags = a.i(3);
        if ((flags & ~(SFD_CLOEXEC | SFD_NONBLOCK)) != 0) throw Errno.EINVAL.ex();
        if (a.l(2) != SIGSET_SIZE) throw Errno.EINVAL.ex();
        long mask = task.memory().read64(a.l(1));
        if (fd != -1) {
            try (dev.rivet.fs.OpenFile f = task.process.fds.get(fd)) {
                if (!(f instanceof dev.rivet.kernel.SignalFd s)) throw Errno.EINVAL.ex();
                s.setMask(mask);
                return fd;
            }
        }
        dev.rivet.kernel.SignalFd s = new dev.rivet.kernel.SignalFd(mask, flags & SFD_NONBLOCK);
        return task.process.fds.add(s, (flags & SFD_CLOEXEC) != 0); // add() drops it on EMFILE
    }

    static long tkill(Task task, Args a) throws ErrnoException {
        int tid = a.i(0);
        if (tid <= 0) throw Errno.EINVAL.ex();
        return sendToThread(task, findThread(task, 0, tid), a.i(1),
                SigInfo.user(a.i(1), SigInfo.SI_TKILL, task.process.pid, task.process.uid));
    }

    static long tgkill(Task task, Args a) throws ErrnoException {
        int tgid = a.i(0), tid = a.i(1);
        if (tgid <= 0 || tid <= 0) throw Errno.EINVAL.ex();
        return sendToThread(task, findThread(task, tgid, tid), a.i(2),
                SigInfo.user(a.i(2), SigInfo.SI_TKILL, task.process.pid, task.process.uid));
    }

    /** sigqueue(3): a signal with a value to a process. A caller may forge si_code only for itself, as Linux says. */
    static long rtSigqueueinfo(Task task, Args a) throws ErrnoException {
        int pid = a.i(0), sig = a.i(1);
        SigInfo info = queuedInfo(task, pid, sig, a.l(2));
        Process p = task.process.kernel.process(pid);
        if (pid <= 0 || p == null || p.exitStatus() != null && p.threadCount() == 0) throw Errno.ESRCH.ex();
        if (sig == 0) return 0;
        Signals.sendToProcess(p, info);
        return 0;
    }

    static long rtTgsigqueueinfo(Task task, Args a) throws ErrnoException {
        int tgid = a.i(0), tid = a.i(1), sig = a.i(2);
        if (tgid <= 0 || tid <= 0) throw Errno.EINVAL.ex();
        SigInfo info = queuedInfo(task, tgid, sig, a.l(3));
        return sendToThread(task, findThread(task, tgid, tid), sig, info);
    }

    private static SigInfo queuedInfo(Task task, int pid, int sig, long uinfo) throws ErrnoException {
        if (sig < 0 || sig > Signal.NSIG) throw Errno.EINVAL.ex();
        SigInfo info = SigInfo.read(task.memory(), uinfo);
        // Only the kernel may claim SI_USER/SI_KERNEL or tkill's code for another process.
        if ((info.code() >= 0 || info.code() == SigInfo.SI_TKILL) && pid != task.process.pid) throw Errno.EPERM.ex();
        return info.withSigno(sig);
    }

    /** The thread {@code tid} (of process {@code tgid}, or of any process when 0). ESRCH if gone. */
    private static Task findThread(Task task, int tgid, int tid) throws ErrnoException {
        if (tgid != 0) {
            Process p = task.process.kernel.process(tgid);
            Task t = p == null ? null : p.thread(tid);
            if (t == null) throw Errno.ESRCH.ex();
            return t;
        }
        Task t = task.peer(tid);
        if (t != null) return t;
        for (Process p : task.process.kernel.processes()) {
            t = p.thread(tid);
            if (t != null) return t;
        }
        throw Errno.ESRCH.ex();
    }

    private static long sendToThread(Task task, Task target, int sig, SigInfo info) throws ErrnoException {
        if (sig < 0 || sig > Signal.NSIG) throw Errno.EINVAL.ex();
        if (sig == 0) return 0;
        Signals.sendToThread(target, info);
        return 0;
    }
}
