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

        Waiter(Task task, int bitset, Key key) {
            this.task = task;
            this.bitset = bitset;
            this.key = key;
        }
    }

    private final ConcurrentHashMap<Key, ArrayDeque<Waiter>> queues = new ConcurrentHashMap<>();

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

    ArrayDeque<Waiter> queue(Key k) {
        return queues.computeIfAbsent(k, x -> new ArrayDeque<>());
    }

    /**
     * FUTEX_WAIT(_BITSET): sleeps while {@code *uaddr == expected} until woken, until
     * {@code deadline} ({@link System#nanoTime()} based; Long.MAX_VALUE for none) or until the
     * task is asked to stop. EAGAIN when the word differs, ETIMEDOUT, EINTR.
     */
    public long await(Task task, long uaddr, int expected, int bitset, long deadline) throws ErrnoException {
        if (bitset == 0) throw Errno.EINVAL.ex();
        Key k = key(task.process.memory, uaddr);
        Waiter w = new Waiter(task, bitset, k);
        ArrayDeque<Waiter> q = queue(k);
        synchronized (q) {
            if (load(k) != expected) throw Errno.EAGAIN.ex();
            q.add(w);
        }
        for (;;) {
            if (w.woken) return 0;
            long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
            boolean timedOut = left <= 0;
            boolean interrupted = task.hart.stopRequested();
            if (timedOut || interrupted) {
                if (remove(w)) throw (timedOut ? Errno.ETIMEDOUT : Errno.EINTR).ex();
                return 0; // a wake raced with us: it counts
            }
            if (left == Long.MAX_VALUE) LockSupport.park(this);
            else LockSupport.parkNanos(this, left);
        }
    }

    boolean remove(Waiter w) {
        for (;;) {
            Key k = w.key;
            ArrayDeque<Waiter> q = queue(k);
            synchronized (q) {
                if (w.key != k) continue; // requeued meanwhile: look again
                if (w.woken) return false;
                q.remove(w);
                return true;
            }
        }
    }

    /** FUTEX_WAKE(_BITSET): wakes up to {@code count} waiters whose bitset meets {@code bitset}. */
    public long wake(Task task, long uaddr, int count, int bitset) throws ErrnoException {
        if (bitset == 0) throw Errno.EINVAL.ex();
        return wake(key(task.process.memory, uaddr), count, bitset);
    }

    private int wake(Key k, int count, int bitset) {
        ArrayDeque<Waiter> q = queues.get(k);
        if (q == null) return 0;
        int n = 0;
        synchronized (q) {
            for (Iterator<Waiter> it = q.iterator(); it.hasNext() && n < count; ) {
                Waiter w = it.next();
                if ((w.bitset & bitset) == 0) continue;
                it.remove();
                w.woken = true;
                LockSupport.unpark(w.task.thread);
                n++;
            }
        }
        return n;
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
        ArrayDeque<Waiter> q = queue(from);
        ArrayDeque<Waiter> q2 = queue(to);
        // Lock both queues in a fixed order, as Linux's double_lock_hb does.
        Object first = System.identityHashCode(q) <= System.identityHashCode(q2) ? q : q2;
        Object second = first == q ? q2 : q;
        synchronized (first) {
            synchronized (second) {
                if (check && load(from) != expected) throw Errno.EAGAIN.ex();
                int woken = 0, moved = 0;
                for (Iterator<Waiter> it = q.iterator(); it.hasNext(); ) {
                    Waiter w = it.next();
                    if (woken < wakeCount) {
                        it.remove();
                        w.woken = true;
                        LockSupport.unpark(w.task.thread);
                        woken++;
                    } else if (moved < requeueCount) {
                        if (q != q2) { // onto the same futex, Linux counts the waiter and leaves it
                            it.remove();
                            w.key = to;
                            q2.add(w);
                        }
                        moved++;
                    } else {
                        break;
                    }
                }
                return woken + moved;
            }
        }
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
    /** Linux walks at most this many robust list entries (a guard against cyclic lists). */
    static final int ROBUST_LIST_LIMIT = 2048;

    /**
     * A thread is ending: every robust mutex it still holds (its robust list, and the entry it
     * was in the middle of locking or unlocking) gets FUTEX_OWNER_DIED and a wake, so the next
     * pthread_mutex_lock returns EOWNERDEAD (exit_robust_list in kernel/futex/core.c).
     */
    public void exitRobustList(Task task) {
        long head = task.robustListHead;
        if (head == 0) return;
        dev.rivet.mm.GuestMemory m = task.memory();
        try {
            long entry = m.read64(head);          // head->list.next
            long offset = m.read64(head + 8);     // head->futex_offset
            long pending = m.read64(head + 16);   // head->list_op_pending
            for (int limit = ROBUST_LIST_LIMIT; (entry & ~1L) != head && limit > 0; limit--) {
                long next = m.read64(entry & ~1L); // read first: the owner may reuse the entry
                if ((entry & ~1L) != (pending & ~1L)) ownerDied(task, (entry & ~1L) + offset, (entry & 1) != 0, false);
                entry = next;
            }
            if (pending != 0) ownerDied(task, (pending & ~1L) + offset, (pending & 1) != 0, true);
        } catch (ErrnoException e) {
            // A bad list ends the walk, as it does in Linux.
        }
    }

    /** handle_futex_death(): marks one futex word whose owner is the dying thread. */
    private void ownerDied(Task task, long uaddr, boolean pi, boolean pendingOp) throws ErrnoException {
        if ((uaddr & 3) != 0) return;
        byte[] page;
        try {
            page = task.process.memory.translate(uaddr, Access.WRITE);
        } catch (MemoryFault e) {
            return;
        }
        int off = (int) (uaddr & (AddressSpace.PAGE_SIZE - 1));
        for (;;) {
            int value = GuestAtomics.getInt(page, off);
            // A lock being taken when its owner died: nobody owns it yet, but a waiter may need waking.
            if (pendingOp && !pi && value == 0) {
                wake(keyOf(task.process.memory, uaddr, page), 1, BITSET_MATCH_ANY);
                return;
            }
            if ((value & FUTEX_TID_MASK) != task.tid) return;
            int marked = (value & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
            if (pi) {
                // A PI lock goes straight to its first waiter, marked, as Linux's exit_pi_state_list
                // and fixup_pi_state_owner leave it: that waiter's lock returns and it sees OWNER_DIED.
                ArrayDeque<Waiter> q = queue(keyOf(task.process.memory, uaddr, page));
                synchronized (q) {
                    Waiter next = q.peekFirst();
                    int handed = next == null ? marked : next.task.tid | FUTEX_OWNER_DIED | (q.size() > 1 ? FUTEX_WAITERS : 0);
                    if (!GuestAtomics.casInt(page, off, value, handed)) continue;
                    if (next != null) {
                        q.pollFirst();
                        next.woken = true;
                        LockSupport.unpark(next.task.thread);
                    }
                    return;
                }
            }
            if (GuestAtomics.casInt(page, off, value, marked)) {
                if ((value & FUTEX_WAITERS) != 0) wake(keyOf(task.process.memory, uaddr, page), 1, BITSET_MATCH_ANY);
                return;
            }
        }
    }
}
