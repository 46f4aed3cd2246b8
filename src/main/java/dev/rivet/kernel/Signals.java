package dev.rivet.kernel;

import dev.rivet.abi.Signal;
import dev.rivet.signal.PendingSignals;
import dev.rivet.signal.SigInfo;

/**
 * Sending signals and deciding who gets them (Linux's send_signal, prepare_signal and
 * complete_signal). Delivery to a handler happens in the target thread's own loop
 * ({@link SignalDelivery}); here a signal is queued and its target is woken.
 *
 * <p>The contract for blocking syscalls: wait with {@code LockSupport.park}, and after every
 * wake-up ask {@link #interruptsWait(Task)}; when it says true, give up and return
 * {@code ERESTARTSYS} (restarted transparently, or after a handler with SA_RESTART) or
 * {@code EINTR} where Linux never restarts (nanosleep, pause, sigsuspend, poll …). Senders
 * unpark the target, so a wait needs no timeout to notice a signal.
 */
public final class Signals {
    private Signals() {}

    /** A signal to a whole process (kill, a timer, SIGCHLD, SIGPIPE's process-wide cousins …). */
    public static void sendToProcess(Process p, SigInfo info) {
        int sig = info.signo();
        if (!prepare(p, sig)) return;
        if (sig == Signal.SIGKILL) {
            kill(p, sig);
            return;
        }
        Task target = pickThread(p, sig);
        if (ignored(p, sig, target)) return;
        if (!p.sharedPending.add(info) && sig < Signal.SIGRTMIN) return;
        if (target != null) complete(p, target, sig);
    }

    /** A signal to one thread (tkill, tgkill, pthread_kill, a fault, SIGEV_THREAD_ID timers). */
    public static void sendToThread(Task t, SigInfo info) {
        Process p = t.process;
        int sig = info.signo();
        if (!prepare(p, sig)) return;
        if (sig == Signal.SIGKILL) {
            kill(p, sig);
            return;
        }
        if (ignored(p, sig, t)) return;
        if (!t.pending.add(info) && sig < Signal.SIGRTMIN) return;
        if (takes(t, sig)) complete(p, t, sig);
    }

    /**
     * A synchronous fault (SIGSEGV, SIGILL …) in {@code t}: Linux's force_sig_info. When the
     * signal is blocked or ignored it cannot be delivered, so it kills (the action is reset to
     * the default and the signal unblocked).
     */
    public static void force(Task t, SigInfo info) {
        int sig = info.signo();
        SigAction a = t.process.action(sig);
        boolean blocked = (t.sigmask & Signal.bit(sig)) != 0;
        if (blocked || a.handler() == SigAction.SIG_IGN) {
            t.process.setAction(sig, SigAction.DEFAULT);
            t.sigmask &= ~Signal.bit(sig);
        }
        t.pending.add(info);
        t.hart.requestStop();
    }

    /**
     * Ends the process with {@code sig} at once, as Linux does for SIGKILL and for a fatal
     * signal nobody handles: every thread stops at its next block boundary or wake-up.
     */
    public static void kill(Process p, int sig) {
        // Linux sets the core flag (WCOREDUMP, "(core dumped)") only when a dump was written;
        // Rivet writes none, so it never claims one, whatever RLIMIT_CORE says.
        p.exitGroup(ExitStatus.killed(sig, false), null);
    }

    /**
     * For a blocking syscall woken up: true when it must end now, because the process is
     * exiting or a signal with a handler is deliverable to {@code t}. Deliverable signals that
     * need no handler are acted on here, so the wait goes on as Linux's transparent restart
     * would: an ignored one is dropped, a stop stops the process until SIGCONT, a fatal one ends
     * the process (and then this returns true).
     */
    public static boolean interruptsWait(Task t) {
        Process p = t.process;
        for (;;) {
            if (p.exiting()) return true;
            if (p.stopped()) {
                p.awaitContinued(t);
                continue;
            }
            long ready = deliverable(t);
            if (ready == 0) return false;
            int sig = Long.numberOfTrailingZeros(ready) + 1;
            SigAction a = p.action(sig);
            if (a.handler() != SigAction.SIG_DFL && a.handler() != SigAction.SIG_IGN) return true;
            SigInfo info = t.pending.take(sig);
            if (info == null) info = p.sharedPending.take(sig);
            if (info == null) continue; // another thread took it
            if (a.handler() == SigAction.SIG_DFL) defaultAction(t, sig);
        }
    }

    /** The signals {@code t} could take now: pending for it or its process, and not blocked. */
    public static long deliverable(Task t) {
        return (t.pending.mask() | t.process.sharedPending.mask()) & ~t.sigmask;
    }

    /** Carries out the default action of {@code sig} in thread {@code t} (signal(7)). */
    static void defaultAction(Task t, int sig) {
        Process p = t.process;
        switch (Signal.defaultAction(sig)) {
            case IGNORE, CONTINUE -> { }
            case STOP -> p.stop(sig);
            case TERMINATE, CORE -> kill(p, sig);
        }
    }

    /**
     * Linux's prepare_signal: a stop signal cancels pending SIGCONTs; SIGCONT cancels pending
     * stops and resumes a stopped process (even if SIGCONT is then ignored or handled). False
     * when the signal is to be dropped: the process is already dying.
     */
    private static boolean prepare(Process p, int sig) {
        if (p.exiting()) return false;
        long stops = Signal.bit(Signal.SIGSTOP) | Signal.bit(Signal.SIGTSTP) | Signal.bit(Signal.SIGTTIN)
                | Signal.bit(Signal.SIGTTOU);
        if ((stops & Signal.bit(sig)) != 0) {
            discardEverywhere(p, Signal.bit(Signal.SIGCONT));
        } else if (sig == Signal.SIGCONT) {
            discardEverywhere(p, stops);
            p.resume();
        }
        return true;
    }

    private static void discardEverywhere(Process p, long set) {
        p.sharedPending.discard(set);
        for (Task t : p.threads()) t.pending.discard(set);
    }

    /** sig_ignored(): the action ignores it and the target does not block it (blocked signals are kept). */
    private static boolean ignored(Process p, int sig, Task target) {
        if (target != null && (target.sigmask & Signal.bit(sig)) != 0) return false;
        SigAction a = p.action(sig);
        if (a.handler() == SigAction.SIG_IGN) return true;
        return a.handler() == SigAction.SIG_DFL && Signal.defaultAction(sig) == Signal.Default.IGNORE;
    }

    /** A thread that does not block {@code sig}: the main thread if it can, else any; null if all block it. */
    private static Task pickThread(Process p, int sig) {
        Task main = p.thread(p.pid);
        if (main != null && takes(main, sig)) return main;
        for (Task t : p.threads()) if (takes(t, sig)) return t;
        return null;
    }

    /** Whether {@code t} would take {@code sig} now: it does not block it, or it waits for it in sigtimedwait. */
    private static boolean takes(Task t, int sig) {
        long bit = Signal.bit(sig);
        return (t.sigmask & bit) == 0 || (t.waitingFor & bit) != 0;
    }

    /** Wakes a thread for process-wide pending signals another thread has just blocked. */
    static void retarget(Process p, long signals) {
        for (long rest = signals; rest != 0; rest &= rest - 1) {
            Task t = pickThread(p, Long.numberOfTrailingZeros(rest) + 1);
            if (t != null) t.interrupt();
        }
    }

    /**
     * rt_sigtimedwait: takes a pending signal of {@code set} (blocked or not), waiting until
     * {@code deadline} (System.nanoTime based; MAX_VALUE for none) for one to come; null on
     * timeout. EINTR when a handler or the end of the process interrupts the wait.
     */
    public static SigInfo waitFor(Task t, long set, long deadline) throws dev.rivet.abi.ErrnoException {
        Process p = t.process;
        t.waitingFor = set;
        try {
            for (;;) {
                SigInfo info = t.pending.takeAny(set);
                if (info == null) info = p.sharedPending.takeAny(set);
                if (info != null) return info;
                if (interruptsWait(t)) throw dev.rivet.abi.Errno.EINTR.ex();
                long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
                if (left <= 0) return null;
                if (left == Long.MAX_VALUE) java.util.concurrent.locks.LockSupport.park(t);
                else java.util.concurrent.locks.LockSupport.parkNanos(t, left);
            }
        } finally {
            t.waitingFor = 0;
        }
    }

    /**
     * complete_signal(): a fatal signal nobody handles kills the whole group now; otherwise the
     * chosen thread is woken to take it.
     */
    private static void complete(Process p, Task target, int sig) {
        SigAction a = p.action(sig);
        Signal.Default d = Signal.defaultAction(sig);
        if (a.handler() == SigAction.SIG_DFL && (d == Signal.Default.TERMINATE || d == Signal.Default.CORE)
                && (PendingSignals.SYNCHRONOUS & Signal.bit(sig)) == 0 && (target.waitingFor & Signal.bit(sig)) == 0) {
            kill(p, sig);
            return;
        }
        target.interrupt();
    }
}
