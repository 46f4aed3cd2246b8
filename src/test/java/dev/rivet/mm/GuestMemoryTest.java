package dev.rivet.mm;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static dev.rivet.abi.Mman.*;
import static dev.rivet.mm.AddressSpaceTest.ANON;
import static dev.rivet.mm.AddressSpaceTest.errno;
import static org.junit.jupiter.api.Assertions.*;

/** GuestMemory: user-style accesses as a syscall makes them. */
class GuestMemoryTest {
    static final long PG = 4096, B = 0x300000000000L;
    static final int RW = PROT_READ | PROT_WRITE;

    @Test
    void littleEndianValuesAcrossPages() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        long a = as.mmap(B, 2 * PG, RW, ANON | MAP_FIXED);
        for (long at : new long[] {a, a + PG - 1, a + PG - 2, a + PG - 3, a + PG - 7}) {
            as.write16(at, (short) 0xbeef);
            assertEquals((short) 0xbeef, as.read16(at));
            as.write32(at, 0xcafebabe);
            assertEquals(0xcafebabe, as.read32(at));
            as.write64(at, 0x0102030405060708L);
            assertEquals(0x0102030405060708L, as.read64(at));
            assertEquals(8, as.read8(at));
            assertEquals(1, as.read8(at + 7));
        }
    }

    @Test
    void crossPageWriteIntoReadOnlyPageFaultsBeforeWriting() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        long a = as.mmap(B, 2 * PG, RW, ANON | MAP_FIXED);
        as.mprotect(a + PG, PG, PROT_READ);
        assertEquals(Errno.EFAULT, errno(() -> as.write64(a + PG - 4, -1)));
        assertEquals(0, as.read32(a + PG - 4));
        assertEquals(Errno.EFAULT, errno(() -> as.write(a + PG - 4, new byte[8], 0, 8)));
        assertEquals(Errno.EFAULT, errno(() -> as.zero(a, 2 * PG)));
    }

    @Test
    void efaultCases() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        long ro = as.mmap(B, PG, PROT_READ, ANON | MAP_FIXED);
        long none = as.mmap(B + PG, PG, PROT_NONE, ANON | MAP_FIXED);
        long xo = as.mmap(B + 2 * PG, PG, PROT_EXEC, ANON | MAP_FIXED);
        assertEquals(Errno.EFAULT, errno(() -> as.write8(ro, (byte) 1)));
        assertEquals(Errno.EFAULT, errno(() -> as.read8(none)));
        assertEquals(Errno.EFAULT, errno(() -> as.read8(xo)));
        assertEquals(Errno.EFAULT, errno(() -> as.read64(0)));
        assertEquals(Errno.EFAULT, errno(() -> as.read(ro + 10, new byte[(int) PG], 0, (int) PG)));
        assertEquals(Errno.EFAULT, errno(() -> as.read(Long.MAX_VALUE - 3, new byte[8], 0, 8)));
        as.read(0, new byte[0], 0, 0);  // nothing to copy, nothing to check
    }

    @Test
    void loadWritesThroughProtectionsLikeTheKernel() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        long text = as.mmap(B, PG, PROT_READ | PROT_EXEC, ANON | MAP_FIXED, "/bin/x");
        as.load(text, new byte[] {0x13, 0, 0, 0}, 0, 4);
        assertEquals(0x13, as.read32(text));
        assertEquals(Errno.EFAULT, errno(() -> as.load(B + PG, new byte[1], 0, 1)));
    }

    @Test
    void cStrings() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        long a = as.mmap(B, PG, RW, ANON | MAP_FIXED);
        byte[] s = "/etc/passwd\0".getBytes(StandardCharsets.UTF_8);
        as.write(a + 10, s);
        assertEquals("/etc/passwd", as.readCString(a + 10, 4096));
        assertEquals("/etc/passwd", as.readCString(a + 10, 11));  // exactly max bytes before the NUL
        assertEquals(Errno.ENAMETOOLONG, errno(() -> as.readCBytes(a + 10, 10)));
        assertEquals(0, as.readCBytes(a + 100, 0).length);
        // A string that ends right at the end of the mapping, NUL included, is fine...
        byte[] end = "tail\0".getBytes();
        as.write(a + PG - end.length, end);
        assertEquals("tail", as.readCString(a + PG - end.length, 100));
        // ... one that runs off it is EFAULT, unless max is reached first.
        as.write8(a + PG - 1, (byte) 'x');
        assertEquals(Errno.EFAULT, errno(() -> as.readCBytes(a + PG - 5, 100)));
        assertEquals(Errno.ENAMETOOLONG, errno(() -> as.readCBytes(a + PG - 5, 3)));
    }

    @Test
    void cStringAcrossPages() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        long a = as.mmap(B, 3 * PG, RW, ANON | MAP_FIXED);
        byte[] big = new byte[6000];
        java.util.Arrays.fill(big, (byte) 'a');
        as.write(a + 100, big);
        assertEquals(6000, as.readCBytes(a + 100, 8000).length);
        assertEquals(Errno.ENAMETOOLONG, errno(() -> as.readCBytes(a + 100, 4095)));
    }
}
