package dev.rivet.mm;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Mman;

import java.util.ArrayList;
import java.util.List;

import static dev.rivet.mm.AddressSpace.PAGE_SHIFT;
import static dev.rivet.mm.Layout.TASK_SIZE;
import static dev.rivet.mm.Layout.pageAlign;
import static dev.rivet.mm.Layout.pageAligned;

/**
 * Linux mremap (mm/mremap.c): shrink in place, grow in place when the space after the VMA is
 * free, otherwise move (MREMAP_MAYMOVE, MREMAP_FIXED); MREMAP_DONTUNMAP moves the pages and
 * leaves the old range mapped and empty. Data moves with the pages: the page objects change
 * slots, nothing is copied.
 */
final class Remap {
    private Remap() {}

    static long mremap(AddressSpace as, long addr, long oldLen, long newLen, int flags, long newAddr) throws ErrnoException {
        if ((flags & ~(Mman.MREMAP_FIXED | Mman.MREMAP_MAYMOVE | Mman.MREMAP_DONTUNMAP)) != 0) throw Errno.EINVAL.ex();
        if ((flags & Mman.MREMAP_FIXED) != 0 && (flags & Mman.MREMAP_MAYMOVE) == 0) throw Errno.EINVAL.ex();
        if ((flags & Mman.MREMAP_DONTUNMAP) != 0 && ((flags & Mman.MREMAP_MAYMOVE) == 0 || oldLen != newLen))
            throw Errno.EINVAL.ex();
        if (!pageAligned(addr)) throw Errno.EINVAL.ex();
        oldLen = pageAlign(oldLen);
        newLen = pageAlign(newLen);
        if (newLen == 0) throw Errno.EINVAL.ex();
        as.lock.writeLock().lock();
        try {
            Vma vma = as.vmas().find(addr);
            if (vma == null) throw Errno.EFAULT.ex();
            if ((flags & (Mman.MREMAP_FIXED | Mman.MREMAP_DONTUNMAP)) != 0)
                return remapTo(as, addr, oldLen, newLen, flags, newAddr);
            if (Long.compareUnsigned(oldLen, newLen) >= 0) {  // shrinking always works: unmap the tail
                if (oldLen != newLen) as.unmapLocked(addr + newLen, addr + oldLen);
                return addr;
            }
            vma = toResize(as, addr, oldLen, newLen);
            if (oldLen == vma.end() - addr && expandable(as, vma, newLen - oldLen)) {
                // The new piece carries the VMA's attributes, so it merges into it.
                as.publish(as.vmas().with(vma.withRange(vma.end(), vma.end() + newLen - oldLen)));
                return addr;
            }
            if ((flags & Mman.MREMAP_MAYMOVE) == 0) throw Errno.ENOMEM.ex();
            long to = as.unmappedArea(0, newLen, vma.shared() ? Mman.MAP_SHARED : 0);
            return move(as, vma, addr, oldLen, newLen, to, flags);
        } finally {
            as.lock.writeLock().unlock();
        }
    }

    private static long remapTo(AddressSpace as, long addr, long oldLen, long newLen, int flags, long newAddr) throws ErrnoException {
        if (!pageAligned(newAddr)) throw Errno.EINVAL.ex();
        if (Long.compareUnsigned(newLen, TASK_SIZE) > 0 || Long.compareUnsigned(newAddr, TASK_SIZE - newLen) > 0)
            throw Errno.EINVAL.ex();
        if (Long.compareUnsigned(addr + oldLen, newAddr) > 0 && Long.compareUnsigned(newAddr + newLen, addr) > 0)
            throw Errno.EINVAL.ex();  // old and new ranges overlap
        if (as.vmas().size() + 2 >= Layout.MAX_MAP_COUNT - 3) throw Errno.ENOMEM.ex();
        boolean fixed = (flags & Mman.MREMAP_FIXED) != 0;
        if (fixed) as.unmapLocked(newAddr, newAddr + newLen);
        if (Long.compareUnsigned(oldLen, newLen) > 0) {
            as.unmapLocked(addr + newLen, addr + oldLen);
            oldLen = newLen;
        }
        Vma vma = toResize(as, addr, oldLen, newLen);
        // Keeping the old range mapped is only right for private memory: a shared old range would
        // have to keep showing the shared object, which needs the shared-memory objects to come.
        if ((flags & Mman.MREMAP_DONTUNMAP) != 0 && vma.shared()) throw Errno.EINVAL.ex();
        int mapFlags = (fixed ? Mman.MAP_FIXED : 0) | (vma.shared() ? Mman.MAP_SHARED : 0);
        long to = as.unmappedArea(newAddr, newLen, mapFlags);
        if (!fixed) newAddr = to;
        return move(as, vma, addr, oldLen, newLen, newAddr, flags);
    }

    /** vma_to_resize: the old range must be one VMA; a zero old length only duplicates shared mappings. */
    private static Vma toResize(AddressSpace as, long addr, long oldLen, long newLen) throws ErrnoException {
        Vma vma = as.vmas().find(addr);
        if (vma == null) throw Errno.EFAULT.ex();
        // Duplicating a shared mapping (old_len 0) needs shared memory objects, which come with
        // fork and file mappings; refused until then (Linux refuses it for private mappings too).
        if (oldLen == 0) throw Errno.EINVAL.ex();
        if (Long.compareUnsigned(oldLen, vma.end() - addr) > 0) throw Errno.EFAULT.ex();  // spans VMAs
        return vma;
    }

    /** vma_expandable: the space after the VMA is free and inside the user range. */
    private static boolean expandable(AddressSpace as, Vma vma, long delta) {
        long end = vma.end() + delta;
        if (Long.compareUnsigned(end, vma.end()) < 0 || Long.compareUnsigned(end, TASK_SIZE) > 0) return false;
        return !as.vmas().intersects(vma.end(), end);
    }

    /**
     * move_vma: a VMA like the old one at {@code to} of {@code newLen} bytes receives the pages of
     * {@code [addr, addr + oldLen)}; the old range is unmapped unless MREMAP_DONTUNMAP.
     */
    private static long move(AddressSpace as, Vma vma, long addr, long oldLen, long newLen, long to, int flags) {
        Vma moved = vma.slice(addr, addr + oldLen).movedTo(to, to + newLen);
        // copy_vma: private memory never faulted in (no anon_vma) is placed like a fresh mapping,
        // so it may merge with its new neighbours; once touched it keeps its old offset.
        if (!vma.shared() && !as.pages.anyPage(vma.start() >>> PAGE_SHIFT, vma.end() >>> PAGE_SHIFT))
            moved = moved.withOffset(to);
        List<Long> numbers = new ArrayList<>();
        List<Page> movedPages = new ArrayList<>();
        as.pages.forEachPage(addr >>> PAGE_SHIFT, (addr + oldLen) >>> PAGE_SHIFT, (pn, p) -> {
            numbers.add(pn);
            movedPages.add(p);
        });
        // The clear below lets go of these pages, but this table keeps them at their new place:
        // count it once more first, so a copy-on-write sharer is never counted short.
        for (Page p : movedPages) if (p.cow) p.share();
        boolean keepOld = (flags & Mman.MREMAP_DONTUNMAP) != 0;
        if (keepOld) {
            as.invalidate(addr, addr + oldLen);
            as.pages.clear(addr >>> PAGE_SHIFT, (addr + oldLen) >>> PAGE_SHIFT);
        } else {
            as.unmapLocked(addr, addr + oldLen);
        }
        as.publish(as.vmas().with(moved));
        long delta = (to - addr) >> PAGE_SHIFT;
        for (int i = 0; i < numbers.size(); i++) as.pages.set(numbers.get(i) + delta, movedPages.get(i));
        return to;
    }
}
