package dev.rivet.kernel;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;

import java.util.concurrent.locks.LockSupport;

/**
 * futex_waitv(2): one thread waits on up to {@link #MAX} futexes at once, and returns the
 * index of one that was woken (Linux's futex_wait_multiple in kernel/futex/waitwake.c). Each
 * futex gets an ordinary waiter on its queue, so FUTEX_WAKE and friends count and wake it as
 * they would a FUTEX_WAIT.
 */
public final class FutexWaitv {
    private FutexWaitv() {}

    /** FUTEX_WAITV_MAX. */
    public static final int MAX = 128;

    /** One entry of the vector, read from the guest's struct futex_waitv. */
    public record Entry(long uaddr, int expected) {}

    /**
     * Queues a waiter on every futex whose word still holds its expected value, then sleeps until
     * one is woken, until {@code deadline} (System.nanoTime() based; Long.MAX_VALUE: none), or
     * until a signal handler or the process's end interrupts (ERESTARTSYS: Linux restarts
     * futex_waitv with SA_RESTART, the absolute timeout unchanged). A word that differs ends
     * the set-up with EAGAIN, unless one already queued was woken meanwhile: its index wins.
     */
    public static long await(Futex futex, Task task, Entry[] entries, long deadline) throws ErrnoException {
        int n = entries.length;
        Futex.Key[] keys = new Futex.Key[n];
        // Every key first (EINVAL, EFAULT), before anything is queued: Linux pins them all first too.
        for (int i = 0; i < n; i++) keys[i] = Futex.key(task.process.memory, entries[i].uaddr());
        Futex.Waiter[] ws = new Futex.Waiter[n];
        for (int i = 0; i < n; i++) {
            Futex.Waiter w = new Futex.Waiter(task, Futex.BITSET_MATCH_ANY, keys[i]);
            Futex.Key k = keys[i];
            int expected = entries[i].expected();
            boolean queued = futex.locked(k, q -> Futex.load(k) == expected && q.add(w));
            if (queued) {
                ws[i] = w;
                continue;
            }
            int woken = unqueue(futex, ws, i);
            if (woken >= 0) return woken;
            throw Errno.EAGAIN.ex();
        }
        for (;;) {
            for (Futex.Waiter w : ws) {
                if (w.woken) return unqueue(futex, ws, n);
            }
            long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
            if (left <= 0 || Signals.interruptsWait(task)) {
                int woken = unqueue(futex, ws, n);
                if (woken >= 0) return woken; // a wake raced with us: it counts
                throw (left <= 0 ? Errno.ETIMEDOUT : Errno.ERESTARTSYS).ex();
            }
            if (left == Long.MAX_VALUE) LockSupport.park(futex);
            else LockSupport.parkNanos(futex, left);
        }
    }

    /** futex_unqueue_multiple: takes the first {@code count} waiters off their queues; the last woken one's index, or -1. */
    private static int unqueue(Futex futex, Futex.Waiter[] ws, int count) {
        int woken = -1;
        for (int i = 0; i < count; i++) {
            if (!futex.remove(ws[i])) woken = i;
        }
        return woken;
    }
}
