package dev.rivet.mm;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Mman;

import static dev.rivet.mm.AddressSpace.PAGE_SHIFT;
import static dev.rivet.mm.Layout.pageAlign;
import static dev.rivet.mm.Layout.pageAligned;

/**
 * Linux madvise (mm/madvise.c): the advice is applied to the mapped parts of the range; a
 * hole anywhere makes the call return ENOMEM after the mapped parts were handled.
 */
final class Advice {
    private Advice() {}

    private static final int MADV_DONTNEED_LOCKED = 24, MADV_COLLAPSE = 25;
    private static final int MADV_HWPOISON = 100, MADV_SOFT_OFFLINE = 101;
    private static final int MADV_GUARD_INSTALL = 102, MADV_GUARD_REMOVE = 103;

    /** madvise_behavior_valid, for a kernel with THP and KSM configured. */
    private static boolean valid(int advice) {
        return switch (advice) {
            case Mman.MADV_DOFORK, Mman.MADV_DONTFORK, Mman.MADV_NORMAL, Mman.MADV_SEQUENTIAL, Mman.MADV_RANDOM,
                 Mman.MADV_REMOVE, Mman.MADV_WILLNEED, Mman.MADV_DONTNEED, MADV_DONTNEED_LOCKED, Mman.MADV_FREE,
                 Mman.MADV_COLD, Mman.MADV_PAGEOUT, Mman.MADV_POPULATE_READ, Mman.MADV_POPULATE_WRITE,
                 Mman.MADV_MERGEABLE, Mman.MADV_UNMERGEABLE, Mman.MADV_HUGEPAGE, Mman.MADV_NOHUGEPAGE, MADV_COLLAPSE,
                 Mman.MADV_DONTDUMP, Mman.MADV_DODUMP, Mman.MADV_WIPEONFORK, Mman.MADV_KEEPONFORK,
                 MADV_HWPOISON, MADV_SOFT_OFFLINE -> true;
            default -> false;
        };
    }

    static void madvise(AddressSpace as, long start, long lenIn, int advice) throws ErrnoException {
        if (!valid(advice)) throw Errno.EINVAL.ex();
        if (!pageAligned(start)) throw Errno.EINVAL.ex();
        long len = pageAlign(lenIn);
        if (lenIn != 0 && len == 0) throw Errno.EINVAL.ex();
        long end = start + len;
        if (Long.compareUnsigned(end, start) < 0) throw Errno.EINVAL.ex();
        if (end == start) return;
        if (advice == MADV_HWPOISON || advice == MADV_SOFT_OFFLINE) throw Errno.EPERM.ex();  // needs CAP_SYS_ADMIN
        as.lock.writeLock().lock();
        try {
            boolean hole = false;
            long at = start;
            while (at < end) {
                Vma v = as.vmas().above(at);
                if (v == null || v.start() >= end) { hole = true; break; }
                if (v.start() > at) { hole = true; at = v.start(); }
                long to = Math.min(v.end(), end);
                apply(as, v, at, to, advice);
                at = to;
            }
            if (hole) throw Errno.ENOMEM.ex();
        } finally {
            as.lock.writeLock().unlock();
        }
    }

    /** One VMA's part {@code [s, e)}. */
    private static void apply(AddressSpace as, Vma v, long s, long e, int advice) throws ErrnoException {
        switch (advice) {
            case Mman.MADV_DONTNEED, MADV_DONTNEED_LOCKED, Mman.MADV_FREE -> {
                if (advice == Mman.MADV_DONTNEED && (v.flags() & Vma.VM_LOCKED) != 0) throw Errno.EINVAL.ex();
                if (advice == Mman.MADV_FREE && v.shared()) throw Errno.EINVAL.ex();  // not anonymous-private
                // Private pages are dropped and read back as zero; shared memory keeps its
                // contents in the shared object, which the page table stands in for today.
                if (!v.shared()) zap(as, s, e);
            }
            case Mman.MADV_REMOVE -> {
                if ((v.flags() & Vma.VM_LOCKED) != 0 || !v.shared()) throw Errno.EINVAL.ex();
                zap(as, s, e);
                as.punchShared(v, s, e);  // punches a hole in the shared object
            }
            case Mman.MADV_WIPEONFORK -> {
                if (v.shared()) throw Errno.EINVAL.ex();
                setFlag(as, s, e, Vma.VM_WIPEONFORK, true);
            }
            case Mman.MADV_KEEPONFORK -> setFlag(as, s, e, Vma.VM_WIPEONFORK, false);
            case Mman.MADV_DONTFORK -> setFlag(as, s, e, Vma.VM_DONTFORK, true);
            case Mman.MADV_DOFORK -> setFlag(as, s, e, Vma.VM_DONTFORK, false);
            case Mman.MADV_DONTDUMP -> setFlag(as, s, e, Vma.VM_DONTDUMP, true);
            case Mman.MADV_DODUMP -> setFlag(as, s, e, Vma.VM_DONTDUMP, false);
            case Mman.MADV_POPULATE_READ, Mman.MADV_POPULATE_WRITE -> {
                // Prefaulting succeeds where an access would; as with MAP_POPULATE there is
                // nothing to allocate ahead of time.
                Access need = advice == Mman.MADV_POPULATE_READ ? Access.READ : Access.WRITE;
                if (!v.allows(need)) throw Errno.EINVAL.ex();  // incompatible permissions
            }
            default -> { }  // NORMAL, RANDOM, SEQUENTIAL, WILLNEED, COLD, PAGEOUT, (NO)HUGEPAGE, (UN)MERGEABLE, COLLAPSE: hints only
        }
    }

    private static void zap(AddressSpace as, long s, long e) {
        as.invalidate(s, e);
        as.pages.clear(s >>> PAGE_SHIFT, e >>> PAGE_SHIFT);
    }

    private static void setFlag(AddressSpace as, long s, long e, int flag, boolean on) {
        as.publish(as.vmas().map(s, e, v -> v.withFlags(on ? v.flags() | flag : v.flags() & ~flag)));
    }
}
