package dev.rivet.mm;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Mman;

import static dev.rivet.mm.AddressSpace.PAGE_SIZE;
import static dev.rivet.mm.Layout.MMAP_MIN_ADDR;
import static dev.rivet.mm.Layout.TASK_SIZE;
import static dev.rivet.mm.Layout.pageAlign;
import static dev.rivet.mm.Layout.pageAligned;

/**
 * Where new mappings go (get_unmapped_area): the mmap layout exec chose — top-down below
 * mmap_base, or Linux's legacy bottom-up layout for an unlimited stack. Guarded by the address
 * space's write lock.
 */
final class Placement {
    /** PMD_SIZE: the transparent-huge-page size that larger anonymous mappings are aligned to. */
    private static final long HPAGE = 2L << 20;

    private long mmapBase = Layout.mmapBase(Layout.DEFAULT_STACK_LIMIT);
    private boolean legacy;

    /** arch_pick_mmap_layout for a stack limit ({@code < 0}: RLIM_INFINITY). */
    /** Fork: the child keeps the parent's layout. */
    void copyTo(Placement other) {
        other.mmapBase = mmapBase;
        other.legacy = legacy;
    }

    void chooseLayout(long stackLimit) {
        legacy = stackLimit < 0;
        mmapBase = legacy ? Layout.TASK_UNMAPPED_BASE : Layout.mmapBase(stackLimit);
    }

    /** round_hint_to_min: a non-zero hint below mmap_min_addr is raised to it. */
    static long roundHintToMin(long hint) {
        hint &= -PAGE_SIZE;
        if (hint != 0 && Long.compareUnsigned(hint, MMAP_MIN_ADDR) < 0) return MMAP_MIN_ADDR;
        return hint;
    }

    /**
     * get_unmapped_area: MAP_FIXED takes {@code addr} as is; otherwise a free page-aligned hint
     * is honoured (keeping clear of stack guard gaps), else the highest free range below
     * mmap_base, else the lowest above TASK_UNMAPPED_BASE. As on Linux 6.8+ with THP, a private
     * anonymous request without hint whose length is a multiple of 2 MiB is placed on a 2 MiB
     * boundary (searching for 2 MiB more, then rounding; Linux treats the offset of anonymous
     * memory as zero here, mremap included).
     */
    long unmappedArea(VmaList vmas, long addr, long len, int flags) throws ErrnoException {
        if (Long.compareUnsigned(len, TASK_SIZE - MMAP_MIN_ADDR) > 0) throw Errno.ENOMEM.ex();
        long at;
        if ((flags & Mman.MAP_FIXED) != 0) {
            at = addr;
        } else {
            at = -1;
            if (addr == 0 && (flags & Mman.MAP_SHARED) == 0 && len % HPAGE == 0) {
                long padded = search(vmas, 0, len + HPAGE);
                if (padded != -1) {
                    long sub = -padded & (HPAGE - 1);
                    at = !legacy && sub == 0 ? padded + HPAGE : padded + sub;
                }
            }
            if (at == -1) at = search(vmas, addr, len);
            if (at == -1) throw Errno.ENOMEM.ex();
        }
        if (Long.compareUnsigned(at, TASK_SIZE - len) > 0) throw Errno.ENOMEM.ex();
        if (!pageAligned(at)) throw Errno.EINVAL.ex();
        if (at < MMAP_MIN_ADDR) throw Errno.EPERM.ex();  // security_mmap_addr, for a task without CAP_SYS_RAWIO
        return at;
    }

    /** The arch get_unmapped_area without MAP_FIXED: the hint if free, else a search; -1 if nothing fits. */
    private long search(VmaList vmas, long addr, long len) {
        if (Long.compareUnsigned(len, TASK_SIZE - MMAP_MIN_ADDR) > 0) return -1;
        if (addr != 0) {
            long a = pageAlign(addr);
            int i = vmas.indexAbove(a);
            Vma next = i < vmas.size() ? vmas.get(i) : null, prev = vmas.before(i);
            if (Long.compareUnsigned(a, TASK_SIZE - len) <= 0 && Long.compareUnsigned(a, MMAP_MIN_ADDR) >= 0
                    && (next == null || a + len <= VmaList.startGap(next)) && (prev == null || a >= prev.end()))
                return a;
        }
        long at = -1;
        if (!legacy) at = vmas.findTopDown(len, Math.max(PAGE_SIZE, MMAP_MIN_ADDR), mmapBase);
        if (at == -1) at = vmas.findBottomUp(len, legacy ? mmapBase : Layout.TASK_UNMAPPED_BASE, TASK_SIZE);
        return at;
    }
}
