package dev.rivet.kernel;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.cpu.GuestAtomics;

import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;

import static dev.rivet.kernel.Futex.FUTEX_OWNER_DIED;
import static dev.rivet.kernel.Futex.FUTEX_TID_MASK;
import static dev.rivet.kernel.Futex.FUTEX_WAITERS;

/**
 * The priority-inheritance futex protocol (FUTEX_LOCK_PI, TRYLOCK_PI, UNLOCK_PI): the futex
 * word holds the owner's tid, FUTEX_WAITERS tells the owner to unlock through the kernel, and
 * the kernel hands the lock straight to the first waiter. Ownership, hand-off and the errors
 * are Linux's; the priority boost itself has no meaning for JVM threads and is not emulated.
 */
public final class FutexPi {
    private final Futex futex;

    FutexPi(Futex futex) {
        this.futex = futex;
    }

    /** FUTEX_LOCK_PI / LOCK_PI2, or TRYLOCK_PI when {@code tryOnly}. {@code deadline} is System.nanoTime() based. */
    public long lock(Task task, long uaddr, boolean tryOnly, long deadline) throws ErrnoException {
        Futex.Key k = Futex.key(task.process.memory, uaddr);
        byte[] page = writablePage(task, uaddr);
        ArrayDeque<Futex.Waiter> q = futex.queue(k);
        Futex.Waiter w = new Futex.Waiter(task, Futex.BITSET_MATCH_ANY, k);
        synchronized (q) {
            for (;;) {
                int v = GuestAtomics.getInt(page, k.offset());
                int owner = v & FUTEX_TID_MASK;
                boolean ownerGone = owner != 0 && task.process.thread(owner) == null;
                if (owner == 0 || (ownerGone && (v & FUTEX_OWNER_DIED) != 0)) {
                    // Free, or its owner died and the robust walk marked it: take it, keeping the mark
                    // (the caller then reports EOWNERDEAD) and the waiters bit.
                    int mine = task.tid | (v & (FUTEX_OWNER_DIED | FUTEX_WAITERS));
                    if (GuestAtomics.casInt(page, k.offset(), v, mine)) return 0;
                    continue;
                }
                if (owner == task.tid) throw Errno.EDEADLK.ex();
                if (ownerGone) throw Errno.ESRCH.ex();
                if (tryOnly) throw Errno.EAGAIN.ex();
                if ((v & FUTEX_WAITERS) == 0 && !GuestAtomics.casInt(page, k.offset(), v, v | FUTEX_WAITERS)) continue;
                q.add(w);
                break;
            }
        }
        for (;;) {
            if (w.woken) return 0; // the unlocker wrote our tid into the word
            long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
            boolean timedOut = left <= 0;
            if (timedOut || task.hart.stopRequested()) {
                if (futex.remove(w)) throw (timedOut ? Errno.ETIMEDOUT : Errno.EINTR).ex();
                return 0;
            }
            if (left == Long.MAX_VALUE) LockSupport.park(this);
            else LockSupport.parkNanos(this, left);
        }
    }

    /** FUTEX_UNLOCK_PI: hands the lock to the first waiter, or frees it. EPERM unless the caller owns it. */
    public long unlock(Task task, long uaddr) throws ErrnoException {
        Futex.Key k = Futex.key(task.process.memory, uaddr);
        byte[] page = writablePage(task, uaddr);
        ArrayDeque<Futex.Waiter> q = futex.queue(k);
        synchronized (q) {
            for (;;) {
                int v = GuestAtomics.getInt(page, k.offset());
                if ((v & FUTEX_TID_MASK) != task.tid) throw Errno.EPERM.ex();
                Futex.Waiter next = q.peekFirst();
                int handed = next == null ? 0 : next.task.tid | (q.size() > 1 ? FUTEX_WAITERS : 0);
                if (!GuestAtomics.casInt(page, k.offset(), v, handed)) continue;
                if (next != null) {
                    q.pollFirst();
                    next.woken = true;
                    LockSupport.unpark(next.task.thread);
                }
                return 0;
            }
        }
    }

    private static byte[] writablePage(Task task, long uaddr) throws ErrnoException {
        try {
            return task.process.memory.translate(uaddr, dev.rivet.mm.Access.WRITE);
        } catch (dev.rivet.mm.MemoryFault e) {
            throw Errno.EFAULT.ex();
        }
    }
}
