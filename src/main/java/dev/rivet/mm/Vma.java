package dev.rivet.mm;

import static dev.rivet.mm.AddressSpace.PROT_EXEC;
import static dev.rivet.mm.AddressSpace.PROT_READ;
import static dev.rivet.mm.AddressSpace.PROT_WRITE;

/**
 * One virtual memory area: a page-aligned range {@code [start, end)} with one protection and
 * one set of flags. Immutable: splitting or changing a VMA makes new ones, so the VMA list can
 * be published as a snapshot that {@link AddressSpace#translate} reads without a lock.
 *
 * @param prot  PROT_READ/WRITE/EXEC as the program asked (shown in /proc/self/maps); the
 *              effective rights come from {@link #allows}
 * @param flags {@code VM_*} bits below
 * @param name  "" for anonymous memory, "[heap]", "[stack]", or what the loader names it
 * @param shmId 0 for private memory; for MAP_SHARED the identity of the shared object
 * @param off   Linux's vm_pgoff, in bytes: for a shared mapping the offset of {@code start} in
 *              the shared object; for private memory the address the VMA had when it was
 *              created, kept when mremap moves it. Neighbours merge only when their offsets are
 *              contiguous, and mremap's THP alignment depends on it, as on Linux.
 */
public record Vma(long start, long end, int prot, int flags, String name, long shmId, long off) {
    public static final int VM_SHARED = 1, VM_GROWSDOWN = 2, VM_NORESERVE = 4, VM_LOCKED = 8;
    public static final int VM_DONTFORK = 16, VM_DONTDUMP = 32, VM_WIPEONFORK = 64;
    public static final int VM_HUGEPAGE = 128, VM_NOHUGEPAGE = 256, VM_RAND_READ = 512, VM_SEQ_READ = 1024;

    public Vma {
        if ((start | end) % AddressSpace.PAGE_SIZE != 0 || end <= start)
            throw new IllegalArgumentException("bad VMA " + Long.toHexString(start) + "-" + Long.toHexString(end));
    }

    public long length() { return end - start; }

    public boolean contains(long addr) { return addr >= start && addr < end; }

    public boolean shared() { return (flags & VM_SHARED) != 0; }

    public boolean growsDown() { return (flags & VM_GROWSDOWN) != 0; }

    /**
     * Whether an access is allowed. RISC-V Linux maps write-only to read-write (its
     * protection_map has no write-only PTE), so PROT_WRITE implies read; exec-only stays
     * unreadable, as the hardware does without MXR.
     */
    public boolean allows(Access access) {
        return switch (access) {
            case READ -> (prot & (PROT_READ | PROT_WRITE)) != 0;
            case WRITE -> (prot & PROT_WRITE) != 0;
            case EXEC -> (prot & PROT_EXEC) != 0;
        };
    }

    /** Linux's vma_is_accessible: any of R/W/X. */
    public boolean accessible() { return (prot & (PROT_READ | PROT_WRITE | PROT_EXEC)) != 0; }

    /** A private anonymous VMA as mmap and brk create it (vm_pgoff = start page). */
    static Vma anonymous(long start, long end, int prot, int flags, String name) {
        return new Vma(start, end, prot, flags, name, 0, start);
    }

    /** The part {@code [s, e)} of this VMA (which must lie inside it). */
    Vma slice(long s, long e) { return withRange(s, e); }

    Vma withProt(int p) { return new Vma(start, end, p, flags, name, shmId, off); }

    Vma withFlags(int f) { return new Vma(start, end, prot, f, name, shmId, off); }

    /** This VMA's attributes over {@code [s, e)}, the offset moving with the start (growing, splitting, extending). */
    Vma withRange(long s, long e) { return new Vma(s, e, prot, flags, name, shmId, off + (s - start)); }

    Vma withOffset(long o) { return new Vma(start, end, prot, flags, name, shmId, o); }

    /** The same pages' attributes placed at {@code [s, e)} (mremap): the offset stays. */
    Vma movedTo(long s, long e) { return new Vma(s, e, prot, flags, name, shmId, off); }

    /** Whether {@code next}, starting where this ends, can be merged into one VMA (as Linux's vma_merge would). */
    boolean mergeableWith(Vma next) {
        return end == next.start && prot == next.prot && flags == next.flags && name.equals(next.name)
                && shmId == next.shmId && off + length() == next.off;
    }

    /** The permissions column of /proc/self/maps. */
    public String permString() {
        return ((prot & PROT_READ) != 0 ? "r" : "-") + ((prot & PROT_WRITE) != 0 ? "w" : "-")
                + ((prot & PROT_EXEC) != 0 ? "x" : "-") + (shared() ? "s" : "p");
    }

    /**
     * This VMA as a line of /proc/self/maps (without the newline): anonymous memory shows
     * offset 0 and device 00:00, and a name is padded to column 73 as Linux's seq_pad does.
     */
    public String mapsLine() {
        String head = String.format("%08x-%08x %s %08x %02x:%02x %d ", start, end, permString(), 0, 0, 0, 0);
        if (name.isEmpty()) return head;
        return head + " ".repeat(Math.max(0, 73 - head.length())) + name;
    }

    @Override
    public String toString() {
        return String.format("%x-%x %s %s", start, end, permString(), name);
    }
}
