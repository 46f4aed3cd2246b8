package dev.rivet.mm;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import org.junit.jupiter.api.Test;

import static dev.rivet.abi.Mman.*;
import static dev.rivet.mm.AddressSpaceTest.ANON;
import static dev.rivet.mm.AddressSpaceTest.errno;
import static org.junit.jupiter.api.Assertions.*;

/** brk and madvise, with the rules Linux 6.18 showed in a C program on the host. */
class BrkMadviseTest {
    static final long PG = 4096, HEAP = 0x20000;
    static final int RW = PROT_READ | PROT_WRITE;

    @Test
    void brkGrowsShrinksAndRefusesToHitAMapping() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        as.initBrk(HEAP - 100);  // the loader's end of bss: the heap starts on the next page
        assertEquals(HEAP, as.brk(0));
        assertEquals(HEAP, as.brk(4096));  // below the start: unchanged
        long b1 = as.brk(HEAP + 10 * PG + 5);
        assertEquals(HEAP + 10 * PG + 5, b1);
        assertEquals("[heap]", as.mappingAt(HEAP).name());
        as.write64(HEAP + 10 * PG, -1);
        assertEquals(HEAP + 10 * PG + 100, as.brk(HEAP + 10 * PG + 100));  // same page: only the value moves
        long top = HEAP + 11 * PG;
        as.mmap(top + 3 * PG, PG, RW, ANON | MAP_FIXED);
        assertEquals(HEAP + 10 * PG + 100, as.brk(top + 3 * PG));  // must leave a page free below the mapping
        assertEquals(top + 2 * PG, as.brk(top + 2 * PG));
        assertEquals(1, as.mappings().stream().filter(v -> v.name().equals("[heap]")).count());  // grown in one VMA
        assertEquals(HEAP + PG, as.brk(HEAP + PG));  // shrink unmaps
        assertNull(as.mappingAt(HEAP + PG));
        assertEquals(HEAP + 3 * PG, as.brk(HEAP + 3 * PG));
        assertEquals(0, as.read64(HEAP + 2 * PG));  // regrown memory is zero
    }

    @Test
    void brkDoesNotShrinkOverSomethingElse() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        as.initBrk(HEAP);
        as.brk(HEAP + 2 * PG);
        as.munmap(HEAP, 2 * PG);
        as.mmap(HEAP + 4 * PG, PG, RW, ANON | MAP_FIXED);
        assertEquals(HEAP + 2 * PG, as.brk(HEAP + PG));  // no heap VMA in the range: refused
    }

    @Test
    void dontneedZeroesPrivateMemoryButNotShared() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        long a = as.mmap(0, 4 * PG, RW, ANON);
        long s = as.mmap(0, PG, RW, MAP_SHARED | MAP_ANONYMOUS);
        for (int i = 0; i < 4; i++) as.write32(a + i * PG, 0x1234);
        as.write32(s, 77);
        long gen = as.generation();
        as.madvise(a + PG, 2 * PG, MADV_DONTNEED);
        assertTrue(as.generation() > gen);
        assertEquals(0x1234, as.read32(a));
        assertEquals(0, as.read32(a + PG));
        assertEquals(0, as.read32(a + 2 * PG));
        assertEquals(0x1234, as.read32(a + 3 * PG));
        as.madvise(a, PG, MADV_FREE);
        assertEquals(0, as.read32(a));
        as.madvise(s, PG, MADV_DONTNEED);
        assertEquals(77, as.read32(s));  // shared memory keeps its contents
        as.madvise(s, PG, MADV_REMOVE);  // ... until a hole is punched
        assertEquals(0, as.read32(s));
    }

    @Test
    void hintsAreAcceptedAndErrorsMatchLinux() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        long p = as.mmap(0, 4 * PG, PROT_NONE, ANON);
        long s = as.mmap(0, PG, RW, MAP_SHARED | MAP_ANONYMOUS);
        for (int adv : new int[] {MADV_NORMAL, MADV_RANDOM, MADV_SEQUENTIAL, MADV_WILLNEED, MADV_HUGEPAGE,
                MADV_NOHUGEPAGE, MADV_DONTDUMP, MADV_DODUMP, MADV_DONTFORK, MADV_DOFORK, MADV_COLD, MADV_PAGEOUT})
            as.madvise(p, 4 * PG, adv);
        as.madvise(p, PG, MADV_DONTFORK);
        assertNotEquals(0, as.mappingAt(p).flags() & Vma.VM_DONTFORK);
        assertEquals(0, as.mappingAt(p + PG).flags() & Vma.VM_DONTFORK);
        assertEquals(Errno.EINVAL, errno(() -> as.madvise(p, PG, 999)));
        assertEquals(Errno.EINVAL, errno(() -> as.madvise(p + 1, PG, MADV_NORMAL)));
        assertEquals(Errno.EINVAL, errno(() -> as.madvise(p, PG, MADV_POPULATE_READ)));
        assertEquals(Errno.EINVAL, errno(() -> as.madvise(p, PG, MADV_REMOVE)));
        assertEquals(Errno.EINVAL, errno(() -> as.madvise(s, PG, MADV_FREE)));
        assertEquals(Errno.EINVAL, errno(() -> as.madvise(0x10000, PG, 999)));
        as.madvise(0x10000, 0, MADV_NORMAL);
        assertEquals(Errno.ENOMEM, errno(() -> as.madvise(0x10000, PG, MADV_NORMAL)));
    }

    @Test
    void madviseOverAHoleAppliesToTheMappedPartsThenSaysEnomem() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        long a = as.mmap(0x300000000000L, 3 * PG, RW, ANON | MAP_FIXED);
        as.write32(a, 1);
        as.write32(a + 2 * PG, 2);
        as.munmap(a + PG, PG);
        assertEquals(Errno.ENOMEM, errno(() -> as.madvise(a, 3 * PG, MADV_DONTNEED)));
        assertEquals(0, as.read32(a));
        assertEquals(0, as.read32(a + 2 * PG));
    }
}
