package dev.rivet.signal;

import dev.rivet.abi.Signal;

import java.util.ArrayList;

/**
 * A pending set (a thread's own, or its process's shared one), as Linux's {@code struct
 * sigpending}: a standard signal is pending at most once (a second one while pending is
 * dropped), real-time signals queue in the order sent, each with its own siginfo.
 * {@link #mask()} is a plain volatile read so the hot path can test it without locking.
 */
public final class PendingSignals {
    /** Linux dequeues these first (synchronous faults), then the lowest number. */
    public static final long SYNCHRONOUS = Signal.bit(Signal.SIGSEGV) | Signal.bit(Signal.SIGBUS)
            | Signal.bit(Signal.SIGILL) | Signal.bit(Signal.SIGTRAP) | Signal.bit(Signal.SIGFPE) | Signal.bit(Signal.SIGSYS);

    private volatile long mask;
    private final ArrayList<SigInfo> queue = new ArrayList<>();

    /** The signals pending here. */
    public long mask() { return mask; }

    /** Adds a signal; false when a standard signal was already pending (Linux drops the new one). */
    public synchronized boolean add(SigInfo info) {
        long bit = Signal.bit(info.signo());
        if (info.signo() < Signal.SIGRTMIN && (mask & bit) != 0) return false;
        queue.add(info);
        mask |= bit;
        return true;
    }

    /** How many signals are queued (RLIMIT_SIGPENDING counts them). */
    public synchronized int size() { return queue.size(); }

    /**
     * Takes the signal to deliver next among those not in {@code blocked}: a synchronous one
     * first, else the lowest-numbered, its oldest instance for a real-time signal. Null if none.
     */
    public synchronized SigInfo take(long blocked) {
        long ready = mask & ~blocked;
        if (ready == 0) return null;
        long sync = ready & SYNCHRONOUS;
        int sig = Long.numberOfTrailingZeros(sync != 0 ? sync : ready) + 1;
        return remove(sig);
    }

    /** Takes the lowest pending signal of {@code set} (sigtimedwait's order), or null. */
    public synchronized SigInfo takeAny(long set) {
        long ready = mask & set;
        return ready == 0 ? null : remove(Long.numberOfTrailingZeros(ready) + 1);
    }

    /** Takes one instance of {@code sig}, or null when it is not pending. */
    public synchronized SigInfo take(int sig) {
        return (mask & Signal.bit(sig)) == 0 ? null : remove(sig);
    }

    private SigInfo remove(int sig) {
        SigInfo found = null;
        boolean more = false;
        for (var it = queue.iterator(); it.hasNext(); ) {
            SigInfo s = it.next();
            if (s.signo() != sig) continue;
            if (found == null) {
                found = s;
                it.remove();
            } else {
                more = true;
                break;
            }
        }
        if (!more) mask &= ~Signal.bit(sig);
        return found;
    }

    /**
     * Swaps this very queued signal (by identity) for {@code next}, in place: how a timer whose
     * signal is still pending counts an overrun instead of queueing another (Linux keeps one
     * preallocated sigqueue per timer). False once the signal has been taken.
     */
    public synchronized boolean replace(SigInfo queued, SigInfo next) {
        for (var it = queue.listIterator(); it.hasNext(); ) {
            if (it.next() == queued) {
                it.set(next);
                return true;
            }
        }
        return false;
    }

    /** Whether this very signal (by identity) is still queued here. */
    public synchronized boolean holds(SigInfo queued) {
        for (SigInfo s : queue) if (s == queued) return true;
        return false;
    }

    /** Drops this very signal (by identity) if it is still queued: a deleted or re-armed timer's. */
    public synchronized boolean withdraw(SigInfo queued) {
        if (!queue.removeIf(s -> s == queued)) return false;
        int sig = queued.signo();
        boolean more = false;
        for (SigInfo s : queue) if (s.signo() == sig) { more = true; break; }
        if (!more) mask &= ~Signal.bit(sig);
        return true;
    }

    /** Drops every pending instance of the signals in {@code set} (SIGCONT clears stops, sigaction(SIG_IGN) …). */
    public synchronized void discard(long set) {
        if ((mask & set) == 0) return;
        queue.removeIf(s -> (set & Signal.bit(s.signo())) != 0);
        mask &= ~set;
    }
}
