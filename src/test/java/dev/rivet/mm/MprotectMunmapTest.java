package dev.rivet.mm;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import org.junit.jupiter.api.Test;

import static dev.rivet.abi.Mman.*;
import static dev.rivet.mm.AddressSpaceTest.ANON;
import static dev.rivet.mm.AddressSpaceTest.errno;
import static org.junit.jupiter.api.Assertions.*;

/** munmap and mprotect: splitting, merging back, and Linux's errors (checked on Linux 6.18). */
class MprotectMunmapTest {
    static final long B = 0x300000000000L, PG = 4096;
    static final int RW = PROT_READ | PROT_WRITE;

    static String layout(AddressSpace as) {
        StringBuilder b = new StringBuilder();
        for (Vma v : as.mappings()) b.append(Long.toHexString(v.start() - B)).append('-')
                .append(Long.toHexString(v.end() - B)).append(' ').append(v.permString()).append(';');
        return b.toString();
    }

    @Test
    void munmapSplitsAndFreesPages() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        as.mmap(B, 4 * PG, RW, ANON | MAP_FIXED);
        for (int i = 0; i < 4; i++) as.write32(B + i * PG, i + 1);
        as.munmap(B + PG, 2 * PG);
        assertEquals("0-1000 rw-p;3000-4000 rw-p;", layout(as));
        assertEquals(2, as.residentPages());
        assertEquals(4, as.read32(B + 3 * PG));
        assertFalse(assertThrows(MemoryFault.class, () -> as.translate(B + PG, Access.READ)).mapped);
        as.munmap(B + 100 * PG, PG);  // nothing there: fine
        as.munmap(B + 3 * PG, 1);      // length rounds up to a page
        assertEquals("0-1000 rw-p;", layout(as));
    }

    @Test
    void munmapErrors() {
        AddressSpace as = new AddressSpace();
        assertEquals(Errno.EINVAL, errno(() -> as.munmap(B, 0)));
        assertEquals(Errno.EINVAL, errno(() -> as.munmap(B + 1, PG)));
        assertEquals(Errno.EINVAL, errno(() -> as.munmap(B, -PG)));
        assertEquals(Errno.EINVAL, errno(() -> as.munmap(1L << 48, PG)));
    }

    @Test
    void mprotectSplitsAndMergesBack() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        as.mmap(B, 4 * PG, RW, ANON | MAP_FIXED);
        as.write32(B + PG, 7);
        as.mprotect(B + PG, PG, PROT_READ);
        assertEquals("0-1000 rw-p;1000-2000 r--p;2000-4000 rw-p;", layout(as));
        assertEquals(7, as.read32(B + PG));  // data stays
        assertTrue(assertThrows(MemoryFault.class, () -> as.translate(B + PG, Access.WRITE)).mapped);
        as.mprotect(B + PG, PG, RW);
        assertEquals("0-4000 rw-p;", layout(as));
    }

    @Test
    void mprotectChangesTheMappedPartBeforeAHoleThenFailsWithEnomem() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        as.mmap(B, 3 * PG, RW, ANON | MAP_FIXED);
        as.munmap(B + PG, PG);
        long gen = as.generation();
        assertEquals(Errno.ENOMEM, errno(() -> as.mprotect(B, 3 * PG, PROT_READ)));
        assertEquals("0-1000 r--p;2000-3000 rw-p;", layout(as));  // as Linux: first part changed
        assertTrue(as.generation() > gen);
        assertEquals(Errno.ENOMEM, errno(() -> as.mprotect(B + PG, 2 * PG, PROT_NONE)));  // starts in the hole
        assertEquals("0-1000 r--p;2000-3000 rw-p;", layout(as));
        assertEquals(Errno.ENOMEM, errno(() -> as.mprotect(B + 10 * PG, PG, PROT_NONE)));  // nothing above
    }

    @Test
    void mprotectErrors() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        long p = as.mmap(B, PG, RW, ANON | MAP_FIXED);
        assertEquals(Errno.EINVAL, errno(() -> as.mprotect(p, PG, 0x10)));
        assertEquals(Errno.EINVAL, errno(() -> as.mprotect(p, PG, PROT_GROWSDOWN | PROT_GROWSUP)));
        assertEquals(Errno.EINVAL, errno(() -> as.mprotect(p, PG, PROT_READ | PROT_GROWSUP)));
        assertEquals(Errno.EINVAL, errno(() -> as.mprotect(p, PG, PROT_READ | PROT_GROWSDOWN)));  // not a growsdown VMA
        assertEquals(Errno.EINVAL, errno(() -> as.mprotect(p + 1, 0, PROT_READ)));
        assertEquals(Errno.ENOMEM, errno(() -> as.mprotect(p, -1, PROT_READ)));
        as.mprotect(0x10000, 0, PROT_READ);  // zero length: nothing to check
        as.mprotect(p, PG, PROT_READ | 8);   // PROT_SEM is accepted
        assertEquals(PROT_READ, as.mappingAt(p).prot());
    }

    @Test
    void mprotectGrowsdownExtendsToTheStartOfTheVma() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        as.mmap(B, 8 * PG, RW, ANON | MAP_FIXED | MAP_GROWSDOWN);
        as.mprotect(B + 4 * PG, PG, PROT_READ | PROT_GROWSDOWN);
        assertEquals("0-5000 r--p;5000-8000 rw-p;", layout(as));
    }
}
