package dev.rivet.cpu;

import dev.rivet.abi.Mman;
import dev.rivet.mm.AddressSpace;
import dev.rivet.mm.MemoryFault;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The TLBs' cheap set-up and flush: a fresh Mmu fills nothing (an empty slot's tag is 0,
 * which only page 0 could match, and slot 0 starts at -1), and a flush clears just the slots
 * filled since the last one while they are few, everything otherwise. Either way no stale
 * page may survive an munmap.
 */
class MmuFlushTest {
    static final long BASE = 0x4000_0000L;
    static final int FIXED = Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_FIXED;
    static final int RW = Mman.PROT_READ | Mman.PROT_WRITE;

    @Test
    void aFreshTlbDoesNotMistakePageZeroForAnEmptySlot() {
        AddressSpace as = new AddressSpace();
        Mmu m = new Mmu();
        m.attach(as);
        // Page 0 is unmapped: the access must miss and fault, not hit an empty slot's null page.
        MemoryFault f = assertThrows(MemoryFault.class, () -> m.ld(16));
        assertEquals(16, f.address);
    }

    @Test
    void aFlushAfterAFewFillsForgetsThem() throws Exception {
        remapForgetsOldPages(10);
    }

    @Test
    void aFlushAfterManyFillsForgetsThemAll() throws Exception {
        remapForgetsOldPages(300); // more than the tracked slots: the full clear
    }

    /** Writes through the TLB to {@code pages} pages, replaces them, and reads the new (zero) pages. */
    private static void remapForgetsOldPages(int pages) throws Exception {
        AddressSpace as = new AddressSpace();
        Mmu m = new Mmu();
        as.mmap(BASE, (long) pages * 4096, RW, FIXED);
        m.attach(as);
        for (int i = 0; i < pages; i++) {
            m.sd(BASE + i * 4096L, i + 1);
            assertEquals(i + 1, m.ld(BASE + i * 4096L));
        }
        as.munmap(BASE, (long) pages * 4096);
        as.mmap(BASE, (long) pages * 4096, RW, FIXED);
        m.sync(); // the interpreter does this at block boundaries; the generation moved
        for (int i = 0; i < pages; i++) assertEquals(0, m.ld(BASE + i * 4096L), "page " + i + " is stale");
        // And the refilled entries are flushed again the next time.
        as.munmap(BASE, (long) pages * 4096);
        m.sync();
        assertThrows(MemoryFault.class, () -> m.ld(BASE));
    }
}
