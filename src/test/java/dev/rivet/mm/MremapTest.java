package dev.rivet.mm;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import org.junit.jupiter.api.Test;

import static dev.rivet.abi.Mman.*;
import static dev.rivet.mm.AddressSpaceTest.ANON;
import static dev.rivet.mm.AddressSpaceTest.errno;
import static dev.rivet.mm.MprotectMunmapTest.layout;
import static org.junit.jupiter.api.Assertions.*;

/** mremap, replaying a sequence whose results were taken from Linux 6.18. */
class MremapTest {
    static final long B = 0x300000000000L, PG = 4096;
    static final int RW = PROT_READ | PROT_WRITE;

    @Test
    void growInPlaceThenMoveKeepsData() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        long a = as.mmap(B, 4 * PG, RW, ANON | MAP_FIXED);
        as.write(a, "hello\0".getBytes());
        as.write64(a + 3 * PG, 0x55);
        assertEquals(a, as.mremap(a, 4 * PG, 6 * PG, 0, 0));
        assertEquals("0-6000 rw-p;", layout(as));
        as.mmap(B + 8 * PG, PG, RW, ANON | MAP_FIXED);
        assertEquals(Errno.ENOMEM, errno(() -> as.mremap(a, 6 * PG, 9 * PG, 0, 0)));
        long m = as.mremap(a, 6 * PG, 9 * PG, MREMAP_MAYMOVE, 0);
        assertEquals(Layout.mmapBase(Layout.DEFAULT_STACK_LIMIT) - 9 * PG, m);
        assertEquals("hello", as.readCString(m, 100));
        assertEquals(0x55, as.read64(m + 3 * PG));
        assertEquals(0, as.read64(m + 8 * PG));
        assertNull(as.mappingAt(a));
        // Pages moved, not copied: the two written ones plus the one the read above allocated.
        assertEquals(3, as.residentPages());

        long f = as.mremap(m, 9 * PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, B + 20 * PG);
        assertEquals(B + 20 * PG, f);
        assertEquals("hello", as.readCString(f, 100));
        assertEquals("8000-9000 rw-p;14000-16000 rw-p;", layout(as));
    }

    @Test
    void shrinkUnmapsTheTail() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        long a = as.mmap(B, 4 * PG, RW, ANON | MAP_FIXED);
        as.write8(a + 3 * PG, (byte) 1);
        assertEquals(a, as.mremap(a, 4 * PG, PG + 1, 0, 0));
        assertEquals("0-2000 rw-p;", layout(as));
        assertEquals(0, as.residentPages());
    }

    @Test
    void dontUnmapLeavesTheOldRangeMappedAndEmpty() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        long a = as.mmap(B + 20 * PG, 2 * PG, RW, ANON | MAP_FIXED);
        as.write32(a, 99);
        long n = as.mremap(a, 2 * PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, B + 40 * PG);
        assertEquals(B + 40 * PG, n);  // the hint was free
        assertEquals("14000-16000 rw-p;28000-2a000 rw-p;", layout(as));
        assertEquals(99, as.read32(n));
        assertEquals(0, as.read32(a));
    }

    @Test
    void errors() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        long p = as.mmap(B, 4 * PG, PROT_NONE, ANON | MAP_FIXED);
        long s = as.mmap(B + 100 * PG, PG, RW, MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED);
        assertEquals(Errno.EINVAL, errno(() -> as.mremap(p, PG, 2 * PG, 8, 0)));
        assertEquals(Errno.EINVAL, errno(() -> as.mremap(p, PG, 2 * PG, MREMAP_FIXED, p + 8 * PG)));
        assertEquals(Errno.EINVAL, errno(() -> as.mremap(p, PG, 0, 0, 0)));
        assertEquals(Errno.EINVAL, errno(() -> as.mremap(p + 1, PG, PG, 0, 0)));
        assertEquals(Errno.EFAULT, errno(() -> as.mremap(0x10000, PG, 2 * PG, 0, 0)));
        assertEquals(Errno.EFAULT, errno(() -> as.mremap(p, 8 * PG, 9 * PG, MREMAP_MAYMOVE, 0)));  // spans VMAs
        assertEquals(Errno.EINVAL, errno(() -> as.mremap(p, 0, PG, MREMAP_MAYMOVE, 0)));
        assertEquals(Errno.EINVAL, errno(() -> as.mremap(p, PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0)));
        assertEquals(Errno.EINVAL, errno(() -> as.mremap(p, 2 * PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, p + PG)));
        assertEquals(Errno.EINVAL, errno(() -> as.mremap(p, PG, PG, MREMAP_MAYMOVE | MREMAP_FIXED, p + 10 * PG + 1)));
        assertEquals(Errno.EINVAL, errno(() -> as.mremap(s, PG, PG, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0)));
        assertEquals(Errno.EINVAL, errno(() -> as.mremap(p, PG, PG, MREMAP_MAYMOVE | MREMAP_FIXED, 1L << 47)));
    }

    @Test
    void movedMemoryMergesWithNewNeighboursOnlyIfNeverTouched() throws ErrnoException {
        // Linux 6.18: a touched VMA moved next to a fresh mapping stays apart (its vm_pgoff is
        // kept); an untouched one is placed like a fresh mapping and merges.
        AddressSpace as = new AddressSpace();
        long a = as.mmap(B, PG, RW, ANON | MAP_FIXED);
        as.write8(a, (byte) 1);
        as.mremap(a, PG, PG, MREMAP_MAYMOVE | MREMAP_FIXED, B + 0x10000);
        as.mmap(B + 0x11000, PG, RW, ANON | MAP_FIXED);
        assertEquals("10000-11000 rw-p;11000-12000 rw-p;", layout(as));
        as.munmap(B, 0x100000);
        long u = as.mmap(B, PG, RW, ANON | MAP_FIXED);
        as.mremap(u, PG, PG, MREMAP_MAYMOVE | MREMAP_FIXED, B + 0x10000);
        as.mmap(B + 0x11000, PG, RW, ANON | MAP_FIXED);
        assertEquals("10000-12000 rw-p;", layout(as));
    }

    @Test
    void movesOfWholeHugePageMultiplesAreThpAligned() throws ErrnoException {
        // From Linux 6.18: growing 1 MiB pieces of a 4 MiB mapping to 2 MiB moved them to
        // 2 MiB boundaries, the second directly below the first.
        AddressSpace as = new AddressSpace();
        long x = as.mmap(B + 0x100000, 4L << 20, RW, ANON | MAP_FIXED);
        as.write8(x + PG, (byte) 1);
        long y = as.mremap(x + PG, 1L << 20, 2L << 20, MREMAP_MAYMOVE, 0);
        long z = as.mremap(x + 0x201000, 1L << 20, 2L << 20, MREMAP_MAYMOVE, 0);
        long base = Layout.mmapBase(Layout.DEFAULT_STACK_LIMIT);
        assertEquals(base - (2L << 20), y);
        assertEquals(y - (2L << 20), z);
        assertEquals(1, as.read8(y));
    }
}
