package dev.rivet.mm;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;

import static dev.rivet.mm.Layout.pageAlign;
import static dev.rivet.mm.Layout.pageAligned;

/**
 * msync (mm/msync.c). Anonymous memory has no backing file to write to, so only the checks
 * remain: flags, alignment, holes (ENOMEM; a plain MS_ASYNC stops at the first one), and
 * MS_INVALIDATE on locked memory (EBUSY).
 */
final class Msync {
    private Msync() {}

    static final int MS_ASYNC = 1, MS_INVALIDATE = 2, MS_SYNC = 4;

    static void msync(AddressSpace as, long start, long len, int flags) throws ErrnoException {
        if ((flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC)) != 0) throw Errno.EINVAL.ex();
        if (!pageAligned(start)) throw Errno.EINVAL.ex();
        if ((flags & MS_ASYNC) != 0 && (flags & MS_SYNC) != 0) throw Errno.EINVAL.ex();
        long end = start + pageAlign(len);
        if (Long.compareUnsigned(end, start) < 0) throw Errno.ENOMEM.ex();
        if (end == start) return;
        as.lock.readLock().lock();
        try {
            boolean hole = false;
            long at = start;
            while (true) {
                Vma v = as.vmas().above(at);
                if (v == null) throw Errno.ENOMEM.ex();
                if (at < v.start()) {
                    if (flags == MS_ASYNC) throw Errno.ENOMEM.ex();
                    at = v.start();
                    if (at >= end) throw Errno.ENOMEM.ex();
                    hole = true;
                }
                if ((flags & MS_INVALIDATE) != 0 && (v.flags() & Vma.VM_LOCKED) != 0) throw Errno.EBUSY.ex();
                at = v.end();
                if (at >= end) break;
            }
            if (hole) throw Errno.ENOMEM.ex();
        } finally {
            as.lock.readLock().unlock();
        }
    }
}
