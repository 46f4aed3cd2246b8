package dev.rivet.mm;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;

import static dev.rivet.mm.AddressSpace.PAGE_SHIFT;
import static dev.rivet.mm.AddressSpace.PAGE_SIZE;

/**
 * mincore (mm/mincore.c): one byte per page, 1 when the page is in memory. Here that means
 * allocated: a page the guest has touched (Linux counts a read-faulted zero page as resident
 * too, and reads allocate here, so the answers agree).
 *
 * @param vec  the bytes for the pages answered, from the start
 * @param hole true if a hole stopped the walk: the caller stores {@code vec}, then fails with ENOMEM
 */
public record Mincore(byte[] vec, boolean hole) {
    static Mincore of(AddressSpace as, long start, long len) throws ErrnoException {
        if ((start & (PAGE_SIZE - 1)) != 0) throw Errno.EINVAL.ex();
        if (start < 0 || Long.compareUnsigned(len, Layout.TASK_SIZE - start) > 0) throw Errno.ENOMEM.ex();  // access_ok
        long pages = (len >>> PAGE_SHIFT) + ((len & (PAGE_SIZE - 1)) != 0 ? 1 : 0);
        if (pages > Integer.MAX_VALUE - 8) throw Errno.ENOMEM.ex();  // beyond what a host array holds
        byte[] vec = new byte[(int) pages];
        as.lock.readLock().lock();
        try {
            long pn = start >>> PAGE_SHIFT, endPn = pn + pages;
            for (long at = pn; at < endPn; ) {
                Vma v = as.vmas().find(at << PAGE_SHIFT);
                if (v == null) return new Mincore(java.util.Arrays.copyOf(vec, (int) (at - pn)), true);
                long stop = Math.min(endPn, v.end() >>> PAGE_SHIFT);
                as.pages.forEachPage(at, stop, (p, page) -> vec[(int) (p - pn)] = 1);
                at = stop;
            }
            return new Mincore(vec, false);
        } finally {
            as.lock.readLock().unlock();
        }
    }
}
