package dev.rivet.kernel;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.cpu.GuestAtomics;
import dev.rivet.mm.Access;
import dev.rivet.mm.AddressSpace;
import dev.rivet.mm.MemoryFault;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Futex wait queues. As Linux's get_futex_key: a futex in MAP_SHARED memory is keyed by the
 * guest page it lives in (the page object's identity) and its offset, so two processes mapping
 * the page (after fork) meet on the same queue; one in private memory by (address space,
 * address), because copy-on-write replaces its page when either side of a fork writes.
 *
 * <p>Lost wake-ups are impossible for the usual reason: the waiter reads the futex word while
 * holding its queue's lock and enqueues before releasing it; a waker changes the word first and
 * then takes the lock to wake.
 */
public final class Futex {
    public static final int BITSET_MATCH_ANY = -1;

    /**
     * A futex's identity ({@code id} and {@code where}: the page and the word's offset, or the
     * address space and the address), and the page and offset its word is read from now.
     */
    record Key(Object id, long where, byte[] page, int offset) {
        @Override public boolean equals(Object o) {
            return o instanceof Key k && k.id == id && k.where == where;
        }

        @Override public int hashCode() { return System.identityHashCode(id) * 31 + Long.hashCode(where); }
    }

    /** The key of the word at {@code uaddr}, whose page (as translated for this access) is {@code page}. */
    static Key keyOf(AddressSpace mem, long uaddr, byte[] page) {
        int off = (int) (uaddr & (AddressSpace.PAGE_SIZE - 1));
        dev.rivet.mm.Vma v = mem.mappingAt(uaddr);
        if (v != null && v.shared()) return new Key(page, off, page, off);
        return new Key(mem, uaddr, page, off);
    }

    static final class Waiter {
        final Task task;
        final int bitset;
        volatile boolean woken;
        /** Where the waiter sleeps now (requeue moves it). */
        volatile Key key;
        /**
         * FUTEX_WAIT_REQUEUE_PI: the PI futex this waiter may be moved to (Linux's requeue_pi_key);
         * null for other waiters.
         */
        final Key requeuePi;
        /**
         * Waiting for a PI lock (FUTEX_LOCK_PI, or requeued by FUTEX_CMP_REQUEUE_PI): woken only
         * by the lock's hand-over, never by FUTEX_WAKE (which refuses such waiters with EINVAL).
         */
        volatile boolean pi;

        Waiter(Task task, int bitset, Key key) {
            this(task, bitset, key, null);
        }

        Waiter(Task task, int bitset, Key key, Key requeuePi) {
            this.task = task;
            this.bitset = bitset;
            this.key = key;
            this.requeuePi = requeuePi;
        }

        /** Linux's "this->pi_state || this->rt_waiter": not for FUTEX_WAKE, WAKE_OP or plain requeue. */
        boolean piBound() { return pi || requeuePi != null; }

        /** Marks the waiter woken and wakes its thread. Caller holds its queue's lock and has dequeued it. */
        void wakeUp() {
            woken = true;
            LockSupport.unpark(task.thread);
        }
    }

    /**
     * One futex's waiters. A queue that becomes empty is dropped from the map (so keys, which
     * hold guest pages, do not outlive their waiters: a thread's exit futex is on its stack,
     * which is unmapped after the join) and marked dead; whoever locks a dead queue looks again.
     */
    static final class Queue extends ArrayDeque<Waiter> {
        boolean dead;
        /**
         * For a PI futex with waiters: the tid of the thread that owns the lock (Linux's
         * pi_state->owner), whatever user space later writes into the word. If it exits
         * still owning it, the lock goes to the first waiter ({@link #exitPiOwner}).
         */
        int piOwner;
    }

    private final ConcurrentHashMap<Key, Queue> queues = new ConcurrentHashMap<>();

    /** Something done with a futex's queue locked. */
    interface QueueOp<T> {
        T run(Queue q) throws ErrnoException;
    }

    /** Something done with two futexes' queues locked (they may be one queue). */
    interface PairOp<T> {
        T run(Queue q, Queue q2) throws ErrnoException;
    }

    /** Runs {@code op} holding the lock of {@code k}'s live queue, then drops the queue if it is left empty. */
    <T> T locked(Key k, QueueOp<T> op) throws ErrnoException {
        for (;;) {
            Queue q = queueOf(k);
            synchronized (q) {
                if (q.dead) continue;
                try {
                    return op.run(q);
                } finally {
                    prune(k, q);
                }
            }
        }
    }

    /** {@link #locked} for two futexes, locked in a fixed order as Linux's double_lock_hb does. */
    <T> T locked(Key k, Key k2, PairOp<T> op) throws ErrnoException {
        for (;;) {
            Queue q = queueOf(k);
            Queue q2 = queueOf(k2);
            Object first = System.identityHashCode(q) <= System.identityHashCode(q2) ? q : q2;
            Object second = first == q ? q2 : q;
            synchronized (first) {
                synchronized (second) {
                    if (q.dead || q2.dead) continue;
                    try {
                        return op.run(q, q2);
                    } finally {
                        prune(k, q);
                        prune(k2, q2);
                    }
                }
            }
        }
    }

    /**
     * {@code k}'s queue, made if there is none (possibly dead by the time it is locked). No
     * lambda: a call site's first lambda is spun at run time, milliseconds a program's first
     * futex wait would pay.
     */
    private Queue queueOf(Key k) {
        Queue q = queues.get(k);
        if (q != null) return q;
        Queue fresh = new Queue();
        q = queues.putIfAbsent(k, fresh);
        return q == null ? fresh : q;
    }

    /** Drops {@code k}'s queue if it is empty. Caller holds its lock. */
    private void prune(Key k, Queue q) {
        if (q.isEmpty() && !q.dead) {
            q.dead = true;
            queues.remove(k, q);
        }
    }

    /** How many futexes have waiters now (a leak check: 0 once every thread has gone). */
    public int activeQueues() { return queues.size(); }

    static Key key(AddressSpace mem, long uaddr) throws ErrnoException {
        if ((uaddr & 3) != 0) throw Errno.EINVAL.ex();
        try {
            return keyOf(mem, uaddr, mem.translate(uaddr, Access.READ));
        } catch (MemoryFault e) {
            throw Errno.EFAULT.ex();
        }
    }

    static int load(Key k) {
        return GuestAtomics.getInt(k.page, k.offset);
    }


    /**
     * FUTEX_WAIT(_BITSET): sleeps while {@code *uaddr == expected} until woken, until
     * {@code deadline} ({@link System#nanoTime()} based; Long.MAX_VALUE for none) or until a
     * signal or the end of the process interrupts it. EAGAIN when the word differs, ETIMEDOUT;
     * interrupted, ERESTARTSYS without a timeout and EINTR with one (Linux restarts a timed wait
     * through its restart block only when no handler runs, and then the wait just goes on here).
     */
    public long await(Task task, long uaddr, int expected, int bitset, long deadline) throws ErrnoException {
        if (bitset == 0) throw Errno.EINVAL.ex();
        Key k = key(task.process.memory, uaddr);
        Waiter w = new Waiter(task, bitset, k);
        for (;;) { // locked(k, ...) written out: the common wait spins no lambda class on first use
            Queue q = queueOf(k);
            synchronized (q) {
                if (q.dead) continue;
                if (load(k) != expected) {
                    prune(k, q);
                    throw Errno.EAGAIN.ex();
                }
                q.add(w);
                break;
            }
        }
        return sleep(task, w, deadline, deadline == Long.MAX_VALUE ? Errno.ERESTARTSYS : Errno.EINTR);
    }

    /**
     * Sleeps until queued waiter {@code w} is woken (0), until {@code deadline} passes
     * (ETIMEDOUT) or until {@link Signals#interruptsWait} says a signal handler or the process's
     * end interrupts it ({@code interrupted}); in the last two cases it leaves its queue, unless
     * a wake won the race, which then counts (0). Checked before the first sleep too: a signal
     * already pending ends the wait at once, as Linux's schedule() does for it.
     */
    long sleep(Task task, Waiter w, long deadline, Errno interrupted) throws ErrnoException {
        for (;;) {
            if (w.woken) return 0;
            long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
            if (left <= 0) {
                if (remove(w)) throw Errno.ETIMEDOUT.ex();
                return 0;
            }
            if (Signals.interruptsWait(task)) {
                if (remove(w)) throw interrupted.ex();
                return 0;
            }
            if (left == Long.MAX_VALUE) LockSupport.park(this);
            else LockSupport.parkNanos(this, left);
        }
    }

    /**
     * Takes a waiter that gave up (timeout, signal) off its queue: true, or false when a wake (or
     * a lock hand-over) got to it first. A waiter not woken is always in the live queue of its
     * current key, which requeues change under the lock.
     */
    boolean remove(Waiter w) {
        for (;;) {
            Key k = w.key;
            Queue q = queues.get(k);
            if (q == null) {
                if (w.woken) return false;
                Thread.onSpinWait(); // a requeue is moving it: look again
                continue;
            }
            synchronized (q) {
                if (w.key != k || q.dead) continue; // requeued meanwhile: look again
                if (w.woken) return false;
                if (!q.remove(w)) continue;
                prune(k, q);
                return true;
            }
        }
    }

    /** FUTEX_WAKE(_BITSET): wakes up to {@code count} waiters whose bitset meets {@code bitset}. */
    public long wake(Task task, long uaddr, int count, int bitset) throws ErrnoException {
        if (bitset == 0) throw Errno.EINVAL.ex();
        return wake(key(task.process.memory, uaddr), count, bitset);
    }

    /** Wakes up to {@code count} waiters on {@code k} whose bitset meets {@code bitset}; EINVAL on meeting a PI waiter. */
    int wake(Key k, int count, int bitset) throws ErrnoException {
        for (;;) {
            Queue q = queues.get(k);
            if (q == null) return 0; // nobody waits: no queue to make
            synchronized (q) {
                if (q.dead) continue;
                int n = 0;
                try {
                    for (Iterator<Waiter> it = q.iterator(); it.hasNext() && n < count; ) {
                        Waiter w = it.next();
                        // Linux stops at such a waiter with EINVAL; the ones already woken stay woken.
                        if (w.piBound()) throw Errno.EINVAL.ex();
                        if ((w.bitset & bitset) == 0) continue;
                        it.remove();
                        w.wakeUp();
                        n++;
                    }
                } finally {
                    prune(k, q);
                }
                return n;
            }
        }
    }

    /**
     * FUTEX_REQUEUE / FUTEX_CMP_REQUEUE: wakes up to {@code wakeCount} waiters on {@code uaddr}
     * and moves up to {@code requeueCount} more to {@code uaddr2}; with {@code check}, only
     * while {@code *uaddr == expected} (else EAGAIN).
     */
    public long requeue(Task task, long uaddr, long uaddr2, int wakeCount, int requeueCount, boolean check, int expected)
            throws ErrnoException {
        if (wakeCount < 0 || requeueCount < 0) throw Errno.EINVAL.ex();
        Key from = key(task.process.memory, uaddr);
        Key to = key(task.process.memory, uaddr2);
        return locked(from, to, (q, q2) -> {
            if (check && load(from) != expected) throw Errno.EAGAIN.ex();
            int woken = 0, moved = 0;
            for (Iterator<Waiter> it = q.iterator(); it.hasNext(); ) {
                Waiter w = it.next();
                if (woken >= wakeCount && moved >= requeueCount) break;
                if (w.piBound()) throw Errno.EINVAL.ex(); // those for FUTEX_CMP_REQUEUE_PI only
                if (woken < wakeCount) {
                    it.remove();
                    w.wakeUp();
                    woken++;
                } else if (moved < requeueCount) {
                    if (q != q2) { // onto the same futex, Linux counts the waiter and leaves it
                        it.remove();
                        w.key = to;
                        q2.add(w);
                    }
                    moved++;
                }
            }
            return (long) (woken + moved);
        });
    }

    public static final int OP_SET = 0, OP_ADD = 1, OP_OR = 2, OP_ANDN = 3, OP_XOR = 4, OP_OPARG_SHIFT = 8;
    public static final int CMP_EQ = 0, CMP_NE = 1, CMP_LT = 2, CMP_LE = 3, CMP_GT = 4, CMP_GE = 5;

    /**
     * FUTEX_WAKE_OP: atomically applies the encoded operation to {@code *uaddr2}, wakes up to
     * {@code count} waiters on {@code uaddr} and, if the old value of {@code *uaddr2} passes the
     * encoded comparison, up to {@code count2} waiters on {@code uaddr2}.
     */
    public long wakeOp(Task task, long uaddr, long uaddr2, int count, int count2, int encoded) throws ErrnoException {
        int op = (encoded >>> 28) & 0xf;
        int cmp = (encoded >>> 24) & 0xf;
        int oparg = (encoded << 8) >> 20;   // bits 23..12, sign-extended
        int cmparg = (encoded << 20) >> 20; // bits 11..0, sign-extended
        if ((op & OP_OPARG_SHIFT) != 0) {
            if (oparg < 0 || oparg > 31) throw Errno.EINVAL.ex();
            oparg = 1 << oparg;
        }
        int kind = op & 7;
        if (kind > OP_XOR || cmp > CMP_GE) throw Errno.ENOSYS.ex(); // Linux: unknown op is ENOSYS
        if ((uaddr2 & 3) != 0) throw Errno.EINVAL.ex();
        byte[] page;
        try {
            page = task.process.memory.translate(uaddr2, Access.WRITE); // also breaks COW, as a store must
        } catch (MemoryFault e) {
            throw Errno.EFAULT.ex();
        }
        int off = (int) (uaddr2 & (AddressSpace.PAGE_SIZE - 1));
        Key k2 = keyOf(task.process.memory, uaddr2, page);
        int old;
        for (;;) {
            old = GuestAtomics.getInt(page, off);
            int next = switch (kind) {
                case OP_SET -> oparg;
                case OP_ADD -> old + oparg;
                case OP_OR -> old | oparg;
                case OP_ANDN -> old & ~oparg;
                default -> old ^ oparg;
            };
            if (GuestAtomics.casInt(page, off, old, next)) break;
        }
        int n = (int) wake(task, uaddr, count, BITSET_MATCH_ANY);
        boolean pass = switch (cmp) {
            case CMP_EQ -> old == cmparg;
            case CMP_NE -> old != cmparg;
            case CMP_LT -> old < cmparg;
            case CMP_LE -> old <= cmparg;
            case CMP_GT -> old > cmparg;
            default -> old >= cmparg;
        };
        if (pass) n += wake(k2, count2, BITSET_MATCH_ANY);
        return n;
    }

    public static final int FUTEX_WAITERS = 0x80000000, FUTEX_OWNER_DIED = 0x40000000, FUTEX_TID_MASK = 0x3fffffff;

    /**
     * A thread is ending: its robust mutexes get FUTEX_OWNER_DIED and a wake (see
     * {@link RobustList}), then the PI locks it still owns go to their waiters (Linux's
     * futex_cleanup: exit_robust_list, then exit_pi_state_list).
     */
    public void exitRobustList(Task task) {
        RobustList.exit(this, task);
        exitPiOwner(task);
    }

    /**
     * exit_pi_state_list(): every PI futex whose waiters wait for {@code task} goes to the first
     * of them, marked FUTEX_OWNER_DIED, whatever the word says now (musl's pthread_exit clears
     * its robust PI mutexes to a bare FUTEX_OWNER_DIED in user space first).
     */
    private void exitPiOwner(Task task) {
        for (var e : queues.entrySet()) {
            if (e.getValue().piOwner != task.tid) continue;
            Key k = e.getKey();
            try {
                locked(k, q -> {
                    Waiter next = q.peekFirst();
                    if (q.piOwner != task.tid || next == null || !next.pi) return null;
                    int handed = next.task.tid | FUTEX_OWNER_DIED | (q.size() > 1 ? FUTEX_WAITERS : 0);
                    byte[] page = k.page();
                    for (int v = GuestAtomics.getInt(page, k.offset()); !GuestAtomics.casInt(page, k.offset(), v, handed); ) {
                        v = GuestAtomics.getInt(page, k.offset());
                    }
                    q.pollFirst();
                    q.piOwner = next.task.tid;
                    next.wakeUp();
                    return null;
                });
            } catch (ErrnoException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }
}
