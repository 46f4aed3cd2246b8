package dev.rivet.mm;

import dev.rivet.abi.ErrnoException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.rivet.abi.Mman.*;
import static dev.rivet.mm.AddressSpaceTest.ANON;
import static org.junit.jupiter.api.Assertions.*;

/** Pages holding decoded code: writes, unmaps and protection changes tell the watcher once. */
class CodeWatchTest {
    static final long PG = 4096, B = 0x300000000000L;

    @Test
    void writeToAWatchedPageNotifiesOnceAndBumpsTheGeneration() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        List<Long> seen = new ArrayList<>();
        as.setCodeWatcher(seen::add);
        long a = as.mmap(B, 2 * PG, PROT_READ | PROT_WRITE | PROT_EXEC, ANON | MAP_FIXED);
        long pn = a >>> 12;
        long g0 = as.generation();
        as.watchCode(pn);
        long g1 = as.generation();
        assertTrue(g1 > g0);
        as.translate(a, Access.READ);
        as.translate(a, Access.EXEC);
        as.translate(a + PG, Access.WRITE);  // another page
        assertEquals(List.of(), seen);
        assertEquals(g1, as.generation());
        as.write32(a + 8, 0x13);
        assertEquals(List.of(pn), seen);
        long g2 = as.generation();
        assertTrue(g2 > g1);
        as.translate(a, Access.WRITE);  // unmarked now
        assertEquals(1, seen.size());
        assertEquals(g2, as.generation());
    }

    @Test
    void unmapProtectAndDontneedNotify() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        List<Long> seen = new ArrayList<>();
        as.setCodeWatcher(seen::add);
        long a = as.mmap(B, 4 * PG, PROT_READ | PROT_EXEC, ANON | MAP_FIXED);
        for (int i = 0; i < 4; i++) as.watchCode((a >>> 12) + i);
        as.munmap(a, PG);
        assertEquals(List.of(a >>> 12), seen);
        as.mprotect(a + PG, PG, PROT_READ);
        assertEquals(List.of(a >>> 12, (a >>> 12) + 1), seen);
        as.madvise(a + 2 * PG, PG, MADV_DONTNEED);
        assertEquals(3, seen.size());
        as.mremap(a + 3 * PG, PG, PG, MREMAP_MAYMOVE | MREMAP_FIXED, B + 100 * PG);
        assertEquals(List.of(a >>> 12, (a >>> 12) + 1, (a >>> 12) + 2, (a >>> 12) + 3), seen);
    }

    @Test
    void generationBumpsOnMappingChangesThatInvalidateTranslations() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        long a = as.mmap(B, 4 * PG, PROT_READ | PROT_WRITE, ANON | MAP_FIXED);
        long g = as.generation();
        as.munmap(a, PG);
        assertTrue(as.generation() > g);
        g = as.generation();
        as.mprotect(a + PG, PG, PROT_READ);
        assertTrue(as.generation() > g);
        g = as.generation();
        as.mremap(a + 2 * PG, PG, PG, MREMAP_MAYMOVE | MREMAP_FIXED, B + 50 * PG);
        assertTrue(as.generation() > g);
        g = as.generation();
        as.madvise(a + 3 * PG, PG, MADV_DONTNEED);
        assertTrue(as.generation() > g);
    }
}
