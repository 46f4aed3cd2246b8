package dev.rivet.mm;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import org.junit.jupiter.api.Test;

import static dev.rivet.abi.Mman.*;
import static org.junit.jupiter.api.Assertions.*;

/** Mapping, translation and protection basics. */
class AddressSpaceTest {
    static final long MB = 1L << 20, GB = 1L << 30;
    static final int ANON = MAP_PRIVATE | MAP_ANONYMOUS;

    static Errno errno(ThrowingRunnable r) {
        try {
            r.run();
        } catch (ErrnoException e) {
            return e.errno;
        }
        return fail("expected an errno");
    }

    interface ThrowingRunnable { void run() throws ErrnoException; }

    static MemoryFault fault(AddressSpace as, long addr, Access access) {
        return assertThrows(MemoryFault.class, () -> as.translate(addr, access));
    }

    @Test
    void firstMmapSitsJustBelowMmapBase() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        as.mapStack(8 * MB);
        assertEquals(0x7ffff8000000L, Layout.mmapBase(8 * MB));
        long a = as.mmap(0, 4096, PROT_READ | PROT_WRITE, ANON);
        assertEquals(0x7ffff7fff000L, a);
        long b = as.mmap(0, 8192, PROT_READ, ANON);
        assertEquals(a - 8192, b);
    }

    @Test
    void pagesAreZeroAndKeepData() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        long a = as.mmap(0, 3 * 4096, PROT_READ | PROT_WRITE, ANON);
        assertEquals(0, as.read64(a + 8));
        as.write64(a + 4092, 0x1122334455667788L);  // crosses a page
        assertEquals(0x1122334455667788L, as.read64(a + 4092));
        assertEquals((byte) 0x88, as.translate(a + 4092, Access.READ)[4092]);
        assertEquals((byte) 0x11, as.translate(a + 4096, Access.READ)[3]);
        byte[] buf = new byte[5000];
        for (int i = 0; i < buf.length; i++) buf[i] = (byte) i;
        as.write(a + 100, buf);
        assertArrayEquals(buf, as.read(a + 100, buf.length));
    }

    @Test
    void protectionsFaultWithTheRightKind() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        long ro = as.mmap(0, 4096, PROT_READ, ANON);
        long wo = as.mmap(0, 4096, PROT_WRITE, ANON);
        long xo = as.mmap(0, 4096, PROT_EXEC, ANON);
        long none = as.mmap(0, 4096, PROT_NONE, ANON);
        as.translate(ro, Access.READ);
        MemoryFault f = fault(as, ro + 8, Access.WRITE);
        assertTrue(f.mapped);
        assertEquals(ro + 8, f.address);
        assertEquals(Access.WRITE, f.access);
        assertTrue(fault(as, ro, Access.EXEC).mapped);
        as.translate(wo, Access.READ);  // write implies read on RISC-V Linux
        as.translate(wo, Access.WRITE);
        assertTrue(fault(as, wo, Access.EXEC).mapped);
        as.translate(xo, Access.EXEC);
        assertTrue(fault(as, xo, Access.READ).mapped);  // exec-only is not readable
        for (Access acc : Access.values()) assertTrue(fault(as, none, acc).mapped);
        assertFalse(fault(as, 0x10000, Access.READ).mapped);
        assertFalse(fault(as, -4096, Access.READ).mapped);
        assertFalse(fault(as, 1L << 47, Access.READ).mapped);
    }

    @Test
    void sparseNoreserveMappingCostsOnlyTouchedPages() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        long a = as.mmap(0, 64 * GB, PROT_READ | PROT_WRITE, ANON | MAP_NORESERVE);
        for (int i = 0; i < 10; i++) as.write64(a + i * 6 * GB + 123 * 8, i + 1);
        for (int i = 0; i < 10; i++) assertEquals(i + 1, as.read64(a + i * 6 * GB + 123 * 8));
        assertEquals(0, as.read8(a + 64 * GB - 1));  // a read allocates a zero page too
        assertEquals(11, as.residentPages());
        assertTrue(as.pageTables() <= 2 * 11, "index tables: " + as.pageTables());
        as.munmap(a, 64 * GB);
        assertEquals(0, as.residentPages());
    }

    @Test
    void guestMemoryFaultsAreEfault() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        long ro = as.mmap(0, 4096, PROT_READ, ANON);
        long none = as.mmap(0, 4096, PROT_NONE, ANON);
        assertEquals(Errno.EFAULT, errno(() -> as.write32(ro, 1)));
        assertEquals(Errno.EFAULT, errno(() -> as.read32(none)));
        assertEquals(Errno.EFAULT, errno(() -> as.read8(0x20000)));
        assertEquals(Errno.EFAULT, errno(() -> as.read(ro + 4000, new byte[200], 0, 200)));  // runs into PROT_NONE
        assertEquals(Errno.EFAULT, errno(() -> as.read(-8, new byte[16], 0, 16)));
    }

    @Test
    void mapsLinesLookLikeLinux() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        as.mapStack(8 * MB);
        long a = as.mmap(0x300000000000L, 4096, PROT_READ, ANON | MAP_FIXED);
        // Lines copied from /proc/self/maps on Linux 6.18.
        assertEquals("300000000000-300000001000 r--p 00000000 00:00 0 ", as.mappingAt(a).mapsLine());
        assertEquals("7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]",
                Vma.anonymous(0x7ffffffde000L, 0x7ffffffff000L, PROT_READ | PROT_WRITE, Vma.VM_GROWSDOWN, "[stack]").mapsLine());
    }
}
