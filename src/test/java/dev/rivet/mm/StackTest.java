package dev.rivet.mm;

import dev.rivet.abi.ErrnoException;
import org.junit.jupiter.api.Test;

import static dev.rivet.abi.Mman.*;
import static dev.rivet.mm.AddressSpaceTest.ANON;
import static org.junit.jupiter.api.Assertions.*;

/** The main stack and growsdown mappings grow as Linux's expand_stack allows (checked on Linux 6.18). */
class StackTest {
    static final long PG = 4096, MB = 1L << 20, B = 0x300000000000L;

    @Test
    void mainStackStartsSmallAndGrowsToTheLimit() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        as.mapStack(8 * MB);
        long top = as.stackTop();
        assertEquals(1L << 47, top);
        Vma s = as.mappingAt(top - 1);
        assertEquals("[stack]", s.name());
        assertEquals(top - Layout.INITIAL_STACK, s.start());
        as.write64(top - 8, 1);
        as.write64(top - MB, 2);  // far below: grows
        assertEquals(top - MB, as.mappingAt(top - MB).start());
        as.translate(top - 8 * MB, Access.WRITE);  // exactly the limit
        MemoryFault f = assertThrows(MemoryFault.class, () -> as.translate(top - 8 * MB - 1, Access.READ));
        assertFalse(f.mapped);
        assertEquals(top - 8 * MB, as.mappingAt(top - 1).start());
    }

    @Test
    void growthKeepsTheGuardGapAboveAnAccessibleMapping() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        long g = as.mmap(B + 1000 * PG, 4 * PG, PROT_READ | PROT_WRITE, ANON | MAP_FIXED | MAP_GROWSDOWN);
        as.translate(g - 3 * PG + 5, Access.WRITE);
        assertEquals(g - 3 * PG, as.mappingAt(g).start());
        long below = as.mmap(B + 700 * PG, PG, PROT_READ, ANON | MAP_FIXED);
        assertFalse(assertThrows(MemoryFault.class, () -> as.translate(below + PG + 100 * PG, Access.WRITE)).mapped);
        as.translate(below + PG + 256 * PG, Access.WRITE);  // exactly the gap: allowed
        assertEquals(below + 257 * PG, as.mappingAt(g).start());
        as.mprotect(below, PG, PROT_NONE);  // an inaccessible mapping needs no gap
        as.translate(below + 11 * PG, Access.READ);
        assertEquals(below + 11 * PG, as.mappingAt(g).start());
    }

    @Test
    void growthChecksTheStacksProtection() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        long g = as.mmap(B, 4 * PG, PROT_READ, ANON | MAP_FIXED | MAP_GROWSDOWN);
        assertTrue(assertThrows(MemoryFault.class, () -> as.translate(g - PG, Access.WRITE)).mapped);
        as.translate(g - PG, Access.READ);
    }

    @Test
    void nothingGrowsBelowAnOrdinaryMapping() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        long a = as.mmap(B, 4 * PG, PROT_READ, ANON | MAP_FIXED);
        assertFalse(assertThrows(MemoryFault.class, () -> as.translate(a - 1, Access.READ)).mapped);
    }
}
