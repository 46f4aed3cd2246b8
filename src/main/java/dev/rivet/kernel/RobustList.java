package dev.rivet.kernel;

import dev.rivet.abi.ErrnoException;
import dev.rivet.cpu.GuestAtomics;
import dev.rivet.mm.Access;
import dev.rivet.mm.AddressSpace;
import dev.rivet.mm.MemoryFault;

import static dev.rivet.kernel.Futex.FUTEX_OWNER_DIED;
import static dev.rivet.kernel.Futex.FUTEX_TID_MASK;
import static dev.rivet.kernel.Futex.FUTEX_WAITERS;

/**
 * Robust futex lists (set_robust_list): when a thread ends holding robust mutexes, each gets
 * FUTEX_OWNER_DIED and a wake, so pthread_mutex_lock returns EOWNERDEAD
 * (exit_robust_list and handle_futex_death in kernel/futex/core.c).
 */
final class RobustList {
    private RobustList() {}

    /** Linux walks at most this many robust list entries (a guard against cyclic lists). */
    static final int ROBUST_LIST_LIMIT = 2048;

    /**
     * A thread is ending: every robust mutex it still holds (its robust list, and the entry it
     * was in the middle of locking or unlocking) gets FUTEX_OWNER_DIED and a wake, so the next
     * pthread_mutex_lock returns EOWNERDEAD (exit_robust_list in kernel/futex/core.c).
     */
    static void exit(Futex futex, Task task) {
        long head = task.robustListHead;
        if (head == 0) return;
        dev.rivet.mm.GuestMemory m = task.memory();
        try {
            long entry = m.read64(head);          // head->list.next
            long offset = m.read64(head + 8);     // head->futex_offset
            long pending = m.read64(head + 16);   // head->list_op_pending
            for (int limit = ROBUST_LIST_LIMIT; (entry & ~1L) != head && limit > 0; limit--) {
                long next = m.read64(entry & ~1L); // read first: the owner may reuse the entry
                if ((entry & ~1L) != (pending & ~1L)) ownerDied(futex, task, (entry & ~1L) + offset, (entry & 1) != 0, false);
                entry = next;
            }
            if (pending != 0) ownerDied(futex, task, (pending & ~1L) + offset, (pending & 1) != 0, true);
        } catch (ErrnoException e) {
            // A bad list ends the walk, as it does in Linux.
        }
    }

    /** One wake for a dying thread's futex, where Linux ignores errors too. */
    private static void wakeQuietly(Futex futex, Futex.Key k) {
        try {
            futex.wake(k, 1, Futex.BITSET_MATCH_ANY);
        } catch (ErrnoException ignored) {
            // a PI waiter on a non-PI robust word: nothing to wake
        }
    }

    /** handle_futex_death(): marks one futex word whose owner is the dying thread. */
    private static void ownerDied(Futex futex, Task task, long uaddr, boolean pi, boolean pendingOp) throws ErrnoException {
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
                wakeQuietly(futex, Futex.keyOf(task.process.memory, uaddr, page));
                return;
            }
            if ((value & FUTEX_TID_MASK) != task.tid) return;
            int marked = (value & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
            if (pi) {
                // A PI lock goes straight to its first waiter, marked, as Linux's exit_pi_state_list
                // and fixup_pi_state_owner leave it: that waiter's lock returns and it sees OWNER_DIED.
                final int seen = value;
                boolean done = futex.locked(Futex.keyOf(task.process.memory, uaddr, page), q -> {
                    Futex.Waiter next = q.peekFirst();
                    int handed = next == null ? marked : next.task.tid | FUTEX_OWNER_DIED | (q.size() > 1 ? FUTEX_WAITERS : 0);
                    if (!GuestAtomics.casInt(page, off, seen, handed)) return false;
                    if (next != null) {
                        q.pollFirst();
                        q.piOwner = next.task.tid;
                        next.wakeUp();
                    }
                    return true;
                });
                if (done) return;
                continue;
            }
            if (GuestAtomics.casInt(page, off, value, marked)) {
                if ((value & FUTEX_WAITERS) != 0) wakeQuietly(futex, Futex.keyOf(task.process.memory, uaddr, page));
                return;
            }
        }
    }
}
