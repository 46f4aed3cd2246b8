package dev.rivet.kernel;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Signal;
import dev.rivet.cpu.Hart;
import dev.rivet.signal.SigInfo;
import dev.rivet.signal.SignalFrame;
import dev.rivet.syscall.Strace;

/**
 * Taking pending signals in the thread they were sent to, on its way back to guest code
 * (Linux's arch_do_signal_or_restart): default actions, syscall restarts, and entering a
 * handler on an {@code rt_sigframe}; and {@code rt_sigreturn}, which leaves it.
 */
public final class SignalDelivery {
    private SignalDelivery() {}

    static final int SS_ONSTACK = 1, SS_DISABLE = 2, SS_AUTODISARM = 1 << 31;

    /**
     * Acts on every deliverable signal of {@code t}. {@code restart} is the syscall's
     * {@code -ERESTART*} result when the thread stopped in one (0 otherwise); it becomes EINTR
     * or a restart, as the first handler's SA_RESTART says, or a restart when no handler runs.
     */
    static void deliver(Task t, long restart) {
        Process p = t.process;
        Hart h = t.hart;
        for (;;) {
            if (p.exiting()) return;
            if (p.stopped()) {
                p.awaitContinued(t);
                continue;
            }
            SigInfo info = t.pending.take(t.sigmask);
            if (info == null) info = p.sharedPending.take(t.sigmask);
            if (info == null) break;
            int sig = info.signo();
            SigAction a = p.action(sig);
            if (a.handler() == SigAction.SIG_IGN) continue;
            Strace s = p.kernel.strace();
            if (s != null) s.signal(t, info);
            if (a.handler() == SigAction.SIG_DFL) {
                Signals.defaultAction(t, sig);
                continue;
            }
            if (restart != 0) {
                long r = restart;
                restart = 0;
                boolean again = r == Errno.ERESTARTNOINTR.negative()
                        || (r == Errno.ERESTARTSYS.negative() && a.has(SigAction.SA_RESTART));
                if (again) restartSyscall(t);
                else h.x[10] = Errno.EINTR.negative();
            }
            if (!enterHandler(t, info, a)) {
                // The frame could not be written (a bad stack): Linux's force_sigsegv.
                Signals.kill(p, Signal.SIGSEGV);
                return;
            }
        }
        if (restart != 0) restartSyscall(t); // no handler ran: the syscall starts over
        t.restoreSuspendedMask(); // rt_sigsuspend ended without a handler: its mask goes away
    }

    /** Steps back onto the ecall with the first argument it had. */
    private static void restartSyscall(Task t) {
        t.hart.x[10] = t.args.l(0);
        t.hart.pc -= 4;
    }

    /** setup_rt_frame(): the frame on the right stack, then the registers that enter the handler. */
    private static boolean enterHandler(Task t, SigInfo info, SigAction a) {
        Hart h = t.hart;
        long sp = h.x[2];
        boolean onAlt = t.onAltStack(sp);
        if (onAlt && !t.onAltStack(sp - SignalFrame.SIZE)) return false; // would overflow the alternate stack
        if (a.has(SigAction.SA_ONSTACK) && t.altStackSize != 0 && !onAlt && t.altStackFlags != SS_DISABLE) {
            sp = t.altStackSp + t.altStackSize;
        }
        long frame = SignalFrame.place(sp);
        // After rt_sigsuspend (and the like) the frame carries the mask from before the call.
        long oldMask = t.restoreMask ? t.savedMask : t.sigmask;
        byte[] bytes = SignalFrame.build(info, h.pc, h.x, h.f, h.fcsr(), oldMask, t.altStackSp, altStackFlagsFor(t, h.x[2]), t.altStackSize);
        try {
            t.memory().write(frame, bytes);
        } catch (ErrnoException e) {
            return false;
        }
        if ((t.altStackFlags & SS_AUTODISARM) != 0) t.disarmAltStack();
        int sig = info.signo();
        if (a.has(SigAction.SA_RESETHAND)) t.process.setAction(sig, SigAction.DEFAULT);
        long block = a.mask() | (a.has(SigAction.SA_NODEFER) ? 0 : Signal.bit(sig));
        if (t.restoreMask) { // the handler runs with the suspended mask; sigreturn puts oldMask back
            t.restoreMask = false;
        }
        t.sigmask = (t.sigmask | block) & ~Signal.UNBLOCKABLE;
        h.clearReservation();
        h.x[1] = t.process.sigreturnTrampoline;
        h.x[2] = frame;
        h.x[10] = sig;
        h.x[11] = frame;
        h.x[12] = frame + SignalFrame.UC;
        h.pc = a.handler();
        return true;
    }

    /** sas_ss_flags(): what uc_stack.ss_flags and sigaltstack report for the stack pointer {@code sp}. */
    static int altStackFlagsFor(Task t, long sp) {
        if (t.altStackSize == 0) return SS_DISABLE;
        return (t.onAltStack(sp) ? SS_ONSTACK : 0) | t.altStackFlags;
    }

    /**
     * rt_sigreturn: restores the registers, mask and alternate stack saved in the frame at sp;
     * returns the restored a0. A bad frame kills with SIGSEGV, as Linux does.
     */
    public static long sigreturn(Task t) {
        Hart h = t.hart;
        long frame = h.x[2];
        byte[] bytes;
        try {
            bytes = t.memory().read(frame, SignalFrame.SIZE);
        } catch (ErrnoException e) {
            bytes = null;
        }
        SignalFrame.Saved saved = bytes == null ? null : SignalFrame.restore(bytes, h.x, h.f);
        if (saved == null) {
            Signals.kill(t.process, Signal.SIGSEGV);
            throw new ProcessExit(t.process.exitStatus());
        }
        h.pc = saved.pc();
        h.setFcsr(saved.fcsr());
        t.sigmask = saved.mask() & ~Signal.UNBLOCKABLE;
        // restore_altstack(): as sigaltstack would, ignoring all but a fault.
        t.setAltStack(saved.ssSp(), saved.ssFlags(), saved.ssSize());
        h.clearReservation();
        return h.x[10];
    }
}
