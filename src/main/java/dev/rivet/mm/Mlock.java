package dev.rivet.mm;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;

import static dev.rivet.mm.AddressSpace.PAGE_SIZE;
import static dev.rivet.mm.Layout.pageAlign;

/**
 * mlock, munlock, mlockall, munlockall (mm/mlock.c). Guest memory never leaves the host heap,
 * so locking only changes what Linux shows: the VM_LOCKED flag (/proc/self/smaps, madvise
 * DONTNEED and msync MS_INVALIDATE refuse locked memory). RLIMIT_MEMLOCK is not enforced.
 */
final class Mlock {
    private Mlock() {}

    static final int MCL_CURRENT = 1, MCL_FUTURE = 2, MCL_ONFAULT = 4;

    /**
     * apply_vma_lock_flags over {@code [start, start + len)} after Linux's rounding (the start
     * rounds down, the length covers the partial first page). Like mprotect, VMAs before a hole
     * are changed and ENOMEM is returned.
     */
    static void lock(AddressSpace as, long start, long len, boolean on) throws ErrnoException {
        len = pageAlign(len + (start & (PAGE_SIZE - 1)));
        start &= -PAGE_SIZE;
        long end = start + len;
        if (Long.compareUnsigned(end, start) < 0) throw Errno.EINVAL.ex();
        if (end == start) return;
        as.lock.writeLock().lock();
        try {
            VmaList list = as.vmas();
            Vma first = list.find(start);
            if (first == null) throw Errno.ENOMEM.ex();
            long done = first.start();
            boolean hole = false;
            for (int i = list.indexAbove(start); i < list.size() && list.get(i).start() < end; i++) {
                if (list.get(i).start() != done) { hole = true; break; }
                done = Math.min(list.get(i).end(), end);
            }
            if (done < end) hole = true;
            as.publish(list.map(start, done, v -> v.withFlags(on ? v.flags() | Vma.VM_LOCKED : v.flags() & ~Vma.VM_LOCKED)));
            if (hole) throw Errno.ENOMEM.ex();
        } finally {
            as.lock.writeLock().unlock();
        }
    }

    static void lockAll(AddressSpace as, int flags) throws ErrnoException {
        if (flags == 0 || (flags & ~(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)) != 0 || flags == MCL_ONFAULT)
            throw Errno.EINVAL.ex();
        as.lock.writeLock().lock();
        try {
            as.setDefaultLocked((flags & MCL_FUTURE) != 0);
            if ((flags & MCL_CURRENT) != 0)
                as.publish(as.vmas().map(0, Layout.TASK_SIZE, v -> v.withFlags(v.flags() | Vma.VM_LOCKED)));
        } finally {
            as.lock.writeLock().unlock();
        }
    }

    static void unlockAll(AddressSpace as) {
        as.lock.writeLock().lock();
        try {
            as.setDefaultLocked(false);
            as.publish(as.vmas().map(0, Layout.TASK_SIZE, v -> v.withFlags(v.flags() & ~Vma.VM_LOCKED)));
        } finally {
            as.lock.writeLock().unlock();
        }
    }
}
