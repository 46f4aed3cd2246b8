package dev.rivet.mm;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Mman;

import static dev.rivet.mm.AddressSpace.PROT_EXEC;
import static dev.rivet.mm.AddressSpace.PROT_READ;
import static dev.rivet.mm.AddressSpace.PROT_WRITE;
import static dev.rivet.mm.Layout.pageAlign;
import static dev.rivet.mm.Layout.pageAligned;

/** Linux mprotect (mm/mprotect.c), PROT_GROWSDOWN included. */
final class Protect {
    private Protect() {}

    /** PROT_SEM: accepted and meaningless here. */
    static final int PROT_SEM = 8;

    /**
     * Changes the protection of {@code [addr, addr + length)}, including Linux's partial effect:
     * when the range runs into a hole, the VMAs before the hole are changed and ENOMEM is returned.
     */
    static void mprotect(AddressSpace as, long addr, long length, int prot, int pkey) throws ErrnoException {
        int grows = prot & (Mman.PROT_GROWSDOWN | Mman.PROT_GROWSUP);
        prot &= ~grows;
        if (grows == (Mman.PROT_GROWSDOWN | Mman.PROT_GROWSUP)) throw Errno.EINVAL.ex();
        if (!pageAligned(addr)) throw Errno.EINVAL.ex();
        if (length == 0) return;
        long end = addr + pageAlign(length);
        if (Long.compareUnsigned(end, addr) <= 0) throw Errno.ENOMEM.ex();
        if ((prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM)) != 0) throw Errno.EINVAL.ex();
        final int newProt = prot & ~PROT_SEM;
        // RISC-V has no protection keys: only key 0, the default every page has, counts as allocated.
        if (pkey != -1 && pkey != 0) throw Errno.EINVAL.ex();
        as.lock.writeLock().lock();
        try {
            VmaList list = as.vmas();
            int i = list.indexAbove(addr);
            if (i == list.size()) throw Errno.ENOMEM.ex();
            Vma first = list.get(i);
            long start = addr;
            if ((grows & Mman.PROT_GROWSDOWN) != 0) {
                if (first.start() >= end) throw Errno.ENOMEM.ex();
                start = first.start();
                if (!first.growsDown()) throw Errno.EINVAL.ex();
            } else {
                if (first.start() > start) throw Errno.ENOMEM.ex();
                if ((grows & Mman.PROT_GROWSUP) != 0) throw Errno.EINVAL.ex();  // riscv has no VM_GROWSUP
            }
            long done = first.start();  // Linux's tmp: each next VMA must start where the last ended
            boolean hole = false;
            for (; i < list.size() && list.get(i).start() < end; i++) {
                if (list.get(i).start() != done) { hole = true; break; }
                done = Math.min(list.get(i).end(), end);
            }
            if (done < end) hole = true;
            if (done > start) {
                as.publish(list.map(start, done, v -> v.withProt(newProt)));
                as.invalidate(start, done);
            }
            if (hole) throw Errno.ENOMEM.ex();
        } finally {
            as.lock.writeLock().unlock();
        }
    }
}
