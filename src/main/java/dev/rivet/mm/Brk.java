package dev.rivet.mm;

import static dev.rivet.mm.AddressSpace.PAGE_SIZE;
import static dev.rivet.mm.AddressSpace.PROT_READ;
import static dev.rivet.mm.AddressSpace.PROT_WRITE;
import static dev.rivet.mm.Layout.MMAP_MIN_ADDR;
import static dev.rivet.mm.Layout.TASK_SIZE;
import static dev.rivet.mm.Layout.pageAlign;

/**
 * The program break (mm/mmap.c's brk): where the heap starts and where it ends now. Linux keeps
 * the break unaligned and maps whole pages up to it in one "[heap]" VMA. Guarded by the address
 * space's write lock.
 */
final class Brk {
    private long start, current;

    void init(long heapStart) { start = current = pageAlign(heapStart); }

    long current() { return current; }

    /** Fork: the child's heap is where the parent's is. */
    void copyTo(Brk other) {
        other.start = start;
        other.current = current;
    }

    /**
     * Moves the break if it can and returns the (new or unchanged) break. A request below the
     * heap start (brk(0) included) or one that cannot be met returns the current break;
     * shrinking unmaps; growth must leave a page free below the next mapping (and its guard gap).
     */
    long move(AddressSpace as, long request, int vmFlags) {
        if (Long.compareUnsigned(request, start) < 0) return current;
        if (Long.compareUnsigned(request, TASK_SIZE) > 0) return current;
        long newBrk = pageAlign(request), oldBrk = pageAlign(current);
        if (newBrk == oldBrk) return current = request;
        VmaList vmas = as.vmas();
        if (Long.compareUnsigned(request, current) <= 0) {
            Vma heap = vmas.above(newBrk);
            if (heap == null || heap.start() >= oldBrk) return current;  // the range holds no heap
            current = request;
            as.unmapLocked(newBrk, oldBrk);
            return current;
        }
        if (oldBrk < MMAP_MIN_ADDR) return current;
        Vma next = vmas.above(oldBrk);
        if (next != null && newBrk + PAGE_SIZE > VmaList.startGap(next)) return current;
        if (vmas.size() > Layout.MAX_MAP_COUNT) return current;
        // Same attributes and a contiguous offset: the new pages merge into the heap VMA.
        as.publish(vmas.with(Vma.anonymous(oldBrk, newBrk, PROT_READ | PROT_WRITE, vmFlags, "[heap]")));
        return current = request;
    }
}
