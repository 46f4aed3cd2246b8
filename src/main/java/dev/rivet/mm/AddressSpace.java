package dev.rivet.mm;

import dev.rivet.abi.ErrnoException;

/**
 * A guest process's address space: VMAs over 4 KiB pages. (Contract only: the mm work fills it in.)
 *
 * <p>Used by the CPU through {@link #translate} (the slow path of its software TLBs), by the
 * loader and mm syscalls through the mapping methods, and by syscalls through {@link GuestMemory}.
 */
public final class AddressSpace implements GuestMemory {
    public static final int PAGE_SHIFT = 12;
    public static final int PAGE_SIZE = 1 << PAGE_SHIFT;

    public static final int PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4;

    /**
     * The backing array of the page holding {@code addr}, after checking that {@code access} is
     * allowed; for WRITE also after copy-on-write and after invalidating decoded code on that
     * page. The CPU may cache the result in its TLB until {@link #generation()} changes.
     */
    public byte[] translate(long addr, Access access) throws MemoryFault {
        throw new UnsupportedOperationException();
    }

    /** Bumped whenever a translation handed out earlier may have become invalid. */
    public long generation() {
        throw new UnsupportedOperationException();
    }

    /**
     * Marks the page as holding decoded code: the next WRITE translation of it (and any unmap or
     * protection change) first calls the {@link CodeWatcher}, unmarks it and bumps
     * {@link #generation()}, so harts drop it from their write TLBs. Marking also bumps the generation.
     */
    public void watchCode(long pageNumber) { throw new UnsupportedOperationException(); }

    public void setCodeWatcher(CodeWatcher watcher) { throw new UnsupportedOperationException(); }

    /** Linux mmap of anonymous memory (flags and errors as Linux's, see {@link dev.rivet.abi.Mman}); returns the address. */
    public long mmap(long addr, long length, int prot, int flags) throws ErrnoException { throw new UnsupportedOperationException(); }

    public void munmap(long addr, long length) throws ErrnoException { throw new UnsupportedOperationException(); }

    public void mprotect(long addr, long length, int prot) throws ErrnoException { throw new UnsupportedOperationException(); }

    public long mremap(long oldAddr, long oldSize, long newSize, int flags, long newAddr) throws ErrnoException { throw new UnsupportedOperationException(); }

    public void madvise(long addr, long length, int advice) throws ErrnoException { throw new UnsupportedOperationException(); }

    /** Linux brk: moves the break if it can and returns the (new or unchanged) break. */
    public long brk(long request) { throw new UnsupportedOperationException(); }

    /** Sets where the heap starts (the loader calls it with the end of the highest segment). */
    public void initBrk(long start) { throw new UnsupportedOperationException(); }

    /**
     * Maps the main thread's stack: a growable (GROWSDOWN) region ending at {@link #stackTop()}
     * that may grow to {@code limit} bytes (RLIMIT_STACK, 8 MiB by default).
     */
    public void mapStack(long limit) { throw new UnsupportedOperationException(); }

    /** The address just above the main thread's stack. */
    public long stackTop() { throw new UnsupportedOperationException(); }

    @Override public byte read8(long addr) throws ErrnoException { throw new UnsupportedOperationException(); }
    @Override public short read16(long addr) throws ErrnoException { throw new UnsupportedOperationException(); }
    @Override public int read32(long addr) throws ErrnoException { throw new UnsupportedOperationException(); }
    @Override public long read64(long addr) throws ErrnoException { throw new UnsupportedOperationException(); }
    @Override public void write8(long addr, byte v) throws ErrnoException { throw new UnsupportedOperationException(); }
    @Override public void write16(long addr, short v) throws ErrnoException { throw new UnsupportedOperationException(); }
    @Override public void write32(long addr, int v) throws ErrnoException { throw new UnsupportedOperationException(); }
    @Override public void write64(long addr, long v) throws ErrnoException { throw new UnsupportedOperationException(); }
    @Override public void read(long addr, byte[] dst, int off, int len) throws ErrnoException { throw new UnsupportedOperationException(); }
    @Override public void write(long addr, byte[] src, int off, int len) throws ErrnoException { throw new UnsupportedOperationException(); }
    @Override public byte[] readCBytes(long addr, int max) throws ErrnoException { throw new UnsupportedOperationException(); }
}
