package dev.rivet.kernel;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.cpu.GuestAtomics;

import java.util.Iterator;

import static dev.rivet.kernel.Futex.FUTEX_OWNER_DIED;
import static dev.rivet.kernel.Futex.FUTEX_TID_MASK;
import static dev.rivet.kernel.Futex.FUTEX_WAITERS;

/**
 * The priority-inheritance futex protocol (FUTEX_LOCK_PI, TRYLOCK_PI, UNLOCK_PI, and the
 * condition-variable pair WAIT_REQUEUE_PI / CMP_REQUEUE_PI): the futex word holds the owner's
 * tid, FUTEX_WAITERS tells the owner to unlock through the kernel, and the kernel hands the lock
 * straight to the first waiter. Ownership, hand-off and the errors are Linux's; the priority
 * boost itself has no meaning for JVM threads and is not emulated.
 */
public final class FutexPi {
    private final Futex futex;

    FutexPi(Futex futex) {
        this.futex = futex;
    }

    /**
     * FUTEX_LOCK_PI / LOCK_PI2, or TRYLOCK_PI when {@code tryOnly}. {@code deadline} is
     * System.nanoTime() based. A signal handler interrupts the wait with ERESTARTNOINTR: Linux
     * restarts a PI lock whatever the handler's SA_RESTART says.
     */
    public long lock(Task task, long uaddr, boolean tryOnly, long deadline) throws ErrnoException {
        byte[] page = writablePage(task, uaddr); // first: a copy-on-write would change the key's page
        Futex.Key k = Futex.key(task.process.memory, uaddr);
        Futex.Waiter w = new Futex.Waiter(task, Futex.BITSET_MATCH_ANY, k);
        w.pi = true;
        boolean taken = futex.locked(k, q -> {
            if (acquire(page, k.offset(), task.tid, task.process, false, tryOnly)) {
                if (!q.isEmpty()) q.piOwner = task.tid;
                return true;
            }
            q.piOwner = GuestAtomics.getInt(page, k.offset()) & FUTEX_TID_MASK;
            q.add(w);
            return false;
        });
        if (taken) return 0;
        return futex.sleep(task, w, deadline, Errno.ERESTARTNOINTR); // woken: the unlocker wrote our tid into the word
    }

    /**
     * Linux's futex_lock_pi_atomic for thread {@code tid}: takes the word if it is free (or its
     * owner died and the robust walk marked it: the mark stays, so the new owner reports
     * EOWNERDEAD) and returns true; otherwise sets FUTEX_WAITERS, so the owner unlocks through
     * the kernel, and returns false. {@code forceWaiters} sets the bit on a taken lock too (more
     * waiters are about to be queued behind it). Caller holds the word's queue lock.
     */
    private static boolean acquire(byte[] page, int off, int tid, Process process, boolean forceWaiters, boolean tryOnly)
            throws ErrnoException {
        for (;;) {
            int v = GuestAtomics.getInt(page, off);
            int owner = v & FUTEX_TID_MASK;
            boolean ownerGone = owner != 0 && process.thread(owner) == null;
            if (owner == 0 || (ownerGone && (v & FUTEX_OWNER_DIED) != 0)) {
                int mine = tid | (v & (FUTEX_OWNER_DIED | FUTEX_WAITERS)) | (forceWaiters ? FUTEX_WAITERS : 0);
                if (GuestAtomics.casInt(page, off, v, mine)) return true;
                continue;
            }
            if (owner == tid) throw Errno.EDEADLK.ex();
            if (ownerGone) throw Errno.ESRCH.ex();
            if (tryOnly) throw Errno.EAGAIN.ex();
            if ((v & FUTEX_WAITERS) == 0 && !GuestAtomics.casInt(page, off, v, v | FUTEX_WAITERS)) continue;
            return false;
        }
    }

    /** FUTEX_UNLOCK_PI: hands the lock to the first waiter, or frees it. EPERM unless the caller owns it. */
    public long unlock(Task task, long uaddr) throws ErrnoException {
        byte[] page = writablePage(task, uaddr);
        Futex.Key k = Futex.key(task.process.memory, uaddr);
        return futex.locked(k, q -> {
            for (;;) {
                int v = GuestAtomics.getInt(page, k.offset());
                if ((v & FUTEX_TID_MASK) != task.tid) throw Errno.EPERM.ex();
                Futex.Waiter next = q.peekFirst();
                int handed = next == null ? 0 : next.task.tid | (q.size() > 1 ? FUTEX_WAITERS : 0);
                if (!GuestAtomics.casInt(page, k.offset(), v, handed)) continue;
                if (next != null) {
                    q.pollFirst();
                    q.piOwner = next.task.tid;
                    next.wakeUp();
                }
                return 0L;
            }
        });
    }

    /**
     * FUTEX_WAIT_REQUEUE_PI (glibc's PI condition variables): waits on non-PI futex
     * {@code uaddr} while it holds {@code expected}, to be moved by FUTEX_CMP_REQUEUE_PI onto PI
     * futex {@code uaddr2} and to return owning it (kernel/futex/requeue.c). Woken before the
     * requeue, a signal handler makes it ERESTARTNOINTR; once requeued, EAGAIN (Linux: restarting
     * would only find the value changed). ETIMEDOUT at the absolute {@code deadline} either way.
     */
    public long waitRequeuePi(Task task, long uaddr, int expected, long deadline, long uaddr2) throws ErrnoException {
        if (uaddr == uaddr2) throw Errno.EINVAL.ex();
        writablePage(task, uaddr2);
        Futex.Key target = Futex.key(task.process.memory, uaddr2);
        Futex.Key k = Futex.key(task.process.memory, uaddr);
        Futex.Waiter w = new Futex.Waiter(task, Futex.BITSET_MATCH_ANY, k, target);
        futex.locked(k, q -> {
            if (Futex.load(k) != expected) throw Errno.EAGAIN.ex();
            if (k.equals(target)) throw Errno.EINVAL.ex(); // two mappings of one word
            return q.add(w);
        });
        for (;;) {
            if (w.woken) return 0; // the requeue took the lock for us, or its unlock handed it over
            long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
            if (left <= 0) {
                if (futex.remove(w)) throw Errno.ETIMEDOUT.ex();
                return 0;
            }
            if (Signals.interruptsWait(task)) {
                if (futex.remove(w)) throw (w.pi ? Errno.EAGAIN : Errno.ERESTARTNOINTR).ex();
                return 0;
            }
            if (left == Long.MAX_VALUE) java.util.concurrent.locks.LockSupport.park(this);
            else java.util.concurrent.locks.LockSupport.parkNanos(this, left);
        }
    }

    /**
     * FUTEX_CMP_REQUEUE_PI: if {@code *uaddr == expected} (else EAGAIN), takes PI futex
     * {@code uaddr2} for the first waiter when it is free and wakes it, then moves waiters onto
     * {@code uaddr2}'s queue, where UNLOCK_PI hands them the lock: {@code requeueCount} of them,
     * and one more when the lock was not free. Returns how many were woken or moved. EINVAL for
     * {@code wakeCount != 1} (Linux allows only that), a waiter that did not come through
     * WAIT_REQUEUE_PI or that names another PI futex, and {@code uaddr == uaddr2}.
     */
    public long cmpRequeuePi(Task task, long uaddr, long uaddr2, int wakeCount, int requeueCount, int expected)
            throws ErrnoException {
        if (wakeCount < 0 || requeueCount < 0) throw Errno.EINVAL.ex();
        if (uaddr == uaddr2 || wakeCount != 1) throw Errno.EINVAL.ex();
        Futex.Key from = Futex.key(task.process.memory, uaddr);
        byte[] page2 = writablePage(task, uaddr2);
        Futex.Key to = Futex.key(task.process.memory, uaddr2);
        if (from.equals(to)) throw Errno.EINVAL.ex();
        return futex.locked(from, to, (q, q2) -> {
            if (Futex.load(from) != expected) throw Errno.EAGAIN.ex();
            int count = 0;
            Futex.Waiter top = q.peekFirst();
            if (top != null) {
                checkRequeuable(top, to);
                // futex_proxy_trylock_atomic: the lock goes to the top waiter if it can take it now.
                if (acquire(page2, to.offset(), top.task.tid, task.process, requeueCount > 0, false)) {
                    q.pollFirst();
                    top.key = to;
                    top.pi = true;
                    top.wakeUp();
                    count++;
                }
            }
            for (Iterator<Futex.Waiter> it = q.iterator(); it.hasNext(); ) {
                if (count - wakeCount >= requeueCount) break;
                Futex.Waiter w = it.next();
                checkRequeuable(w, to);
                it.remove();
                w.key = to;
                w.pi = true;
                q2.add(w);
                count++;
            }
            if (!q2.isEmpty()) q2.piOwner = GuestAtomics.getInt(page2, to.offset()) & FUTEX_TID_MASK;
            return (long) count;
        });
    }

    /** Only FUTEX_WAIT_REQUEUE_PI waiters for this very PI futex may be requeued onto it. */
    private static void checkRequeuable(Futex.Waiter w, Futex.Key to) throws ErrnoException {
        if (w.requeuePi == null || w.pi || !w.requeuePi.equals(to)) throw Errno.EINVAL.ex();
    }

    private static byte[] writablePage(Task task, long uaddr) throws ErrnoException {
        if ((uaddr & 3) != 0) throw Errno.EINVAL.ex(); // get_futex_key checks alignment before the page
        try {
            return task.process.memory.translate(uaddr, dev.rivet.mm.Access.WRITE);
        } catch (dev.rivet.mm.MemoryFault e) {
            throw Errno.EFAULT.ex();
        }
    }
}
