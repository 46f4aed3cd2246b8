package dev.rivet.mm;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import org.junit.jupiter.api.Test;

import static dev.rivet.abi.Mman.*;
import static dev.rivet.mm.AddressSpaceTest.ANON;
import static dev.rivet.mm.AddressSpaceTest.errno;
import static org.junit.jupiter.api.Assertions.*;

/** mmap placement and errors; expected errnos were checked against Linux 6.18 (a C program on the host). */
class MmapTest {
    static final long B = 0x300000000000L, PG = 4096;

    @Test
    void argumentErrors() {
        AddressSpace as = new AddressSpace();
        int rw = PROT_READ | PROT_WRITE;
        assertEquals(Errno.EINVAL, errno(() -> as.mmap(0, 0, rw, ANON)));
        assertEquals(Errno.ENOMEM, errno(() -> as.mmap(0, -1, rw, ANON)));  // rounds up past 2^64
        assertEquals(Errno.ENOMEM, errno(() -> as.mmap(0, 1L << 60, rw, ANON)));
        assertEquals(Errno.EINVAL, errno(() -> as.mmap(0, PG, rw, MAP_ANONYMOUS)));  // neither private nor shared
        assertEquals(Errno.EINVAL, errno(() -> as.mmap(0, PG, rw, MAP_ANONYMOUS | 0xf)));
        assertEquals(Errno.EINVAL, errno(() -> as.mmap(0, PG, rw, MAP_ANONYMOUS | MAP_SHARED_VALIDATE)));
        assertEquals(Errno.EINVAL, errno(() -> as.mmap(B + 1, PG, rw, ANON | MAP_FIXED)));
        assertEquals(Errno.EINVAL, errno(() -> as.mmap(B + 1, PG, rw, ANON | MAP_FIXED_NOREPLACE)));
        assertEquals(Errno.ENOMEM, errno(() -> as.mmap(1L << 47, PG, rw, ANON | MAP_FIXED)));
        assertEquals(Errno.ENOMEM, errno(() -> as.mmap((1L << 47) - PG, 2 * PG, rw, ANON | MAP_FIXED)));
        assertEquals(Errno.EPERM, errno(() -> as.mmap(0x1000, PG, rw, ANON | MAP_FIXED)));  // below mmap_min_addr
        assertEquals(Errno.EINVAL, errno(() -> as.mmap(0, PG, rw, MAP_SHARED | MAP_ANONYMOUS | MAP_GROWSDOWN)));
        assertEquals(Errno.ENOMEM, errno(() -> as.mmap(0, PG, rw, ANON | MAP_HUGETLB)));
        assertEquals(0, as.mappings().size());
    }

    @Test
    void unknownFlagsAndProtBitsAreIgnoredForPrivateMappings() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        long a = as.mmap(0, PG, PROT_READ | 0x10, ANON | 0x400);
        assertEquals(PROT_READ, as.mappingAt(a).prot());
    }

    @Test
    void hintIsHonouredWhenFreeAndRoundedDown() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        assertEquals(B + 100 * PG, as.mmap(B + 100 * PG + 0x123, PG, PROT_READ, ANON));
        long other = as.mmap(B + 100 * PG, PG, PROT_READ, ANON);  // taken: search top-down instead
        assertEquals(Layout.mmapBase(Layout.DEFAULT_STACK_LIMIT) - PG, other);
        assertEquals(Layout.MMAP_MIN_ADDR, as.mmap(0x1000, PG, PROT_READ, ANON));  // raised to mmap_min_addr
    }

    @Test
    void fixedReplacesAndNoreplaceRefuses() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        long a = as.mmap(B, 4 * PG, PROT_READ | PROT_WRITE, ANON | MAP_FIXED);
        as.write32(a + PG, 42);
        assertEquals(Errno.EEXIST, errno(() -> as.mmap(B + PG, PG, PROT_READ, ANON | MAP_FIXED_NOREPLACE)));
        assertEquals(Errno.EEXIST, errno(() -> as.mmap(B - PG, 2 * PG, PROT_READ, ANON | MAP_FIXED_NOREPLACE)));
        assertEquals(42, as.read32(a + PG));
        assertEquals(B + PG, as.mmap(B + PG, PG, PROT_READ, ANON | MAP_FIXED));
        assertEquals(0, as.read32(a + PG));  // fresh zero page
        assertEquals(3, as.mappings().size());
        assertEquals(B + 8 * PG, as.mmap(B + 8 * PG, PG, PROT_READ, ANON | MAP_FIXED_NOREPLACE));
    }

    @Test
    void adjacentCompatibleMappingsMergeAsOnLinux() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        as.mmap(B, 2 * PG, PROT_READ | PROT_WRITE, ANON | MAP_FIXED);
        as.mmap(B + 2 * PG, 2 * PG, PROT_READ | PROT_WRITE, ANON | MAP_FIXED);
        assertEquals(1, as.mappings().size());
        assertEquals(B + 4 * PG, as.mappings().get(0).end());
        // Two shared anonymous mappings are different objects and stay apart.
        as.mmap(B + 8 * PG, PG, PROT_READ, MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED);
        as.mmap(B + 9 * PG, PG, PROT_READ, MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED);
        assertEquals(3, as.mappings().size());
    }

    @Test
    void topDownSearchSkipsTheStackGuardGapAndFallsBackBottomUp() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        as.mapStack(8L << 20);
        long base = Layout.mmapBase(8L << 20);
        // A growsdown mapping just below mmap_base: the next mapping must leave 256 pages under it.
        long g = as.mmap(base - 4 * PG, 4 * PG, PROT_READ | PROT_WRITE, ANON | MAP_FIXED | MAP_GROWSDOWN);
        long a = as.mmap(0, PG, PROT_READ, ANON);
        assertEquals(g - Layout.STACK_GUARD_GAP - PG, a);
        // A hint inside the gap is not taken either.
        assertNotEquals(g - PG, as.mmap(g - PG, PG, PROT_READ, ANON));
    }

    @Test
    void whenNothingFitsBelowMmapBaseTheSearchGoesBottomUp() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        as.mapStack(8L << 20);
        long base = Layout.mmapBase(8L << 20);
        as.mmap(Layout.MMAP_MIN_ADDR, base - Layout.MMAP_MIN_ADDR, PROT_NONE, ANON | MAP_FIXED | MAP_NORESERVE);
        assertEquals(base, as.mmap(0, 4 * PG, PROT_READ, ANON));
        assertEquals(base + 4 * PG, as.mmap(0, PG, PROT_READ, ANON));
    }

    @Test
    void legacyLayoutForUnlimitedStackIsBottomUp() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        as.mapStack(-1);
        long a = as.mmap(0, PG, PROT_READ, ANON);
        long b = as.mmap(0, PG, PROT_READ, ANON);
        assertEquals(Layout.TASK_UNMAPPED_BASE, a);
        assertEquals(a + PG, b);
    }

    @Test
    void exhaustingTheAddressSpaceIsEnomem() throws ErrnoException {
        AddressSpace as = new AddressSpace();
        as.mmap(0, (1L << 47) - (1L << 30), PROT_NONE, ANON | MAP_NORESERVE);
        assertEquals(Errno.ENOMEM, errno(() -> as.mmap(0, 2L << 30, PROT_NONE, ANON)));
    }

    @Test
    void largeAnonymousMappingsAreThpAligned() throws ErrnoException {
        // The same sequence on Linux 6.18 (x86-64, whose mmap_base is one page lower) gave
        // ...ff6000, ...c00000, ...ff5000, ...600000 with the last merged into the 2 MiB one.
        AddressSpace as = new AddressSpace();
        long base = Layout.mmapBase(Layout.DEFAULT_STACK_LIMIT);
        long a = as.mmap(0, PG, PROT_READ | PROT_WRITE, ANON);
        long b = as.mmap(0, 2L << 20, PROT_READ | PROT_WRITE, ANON);
        long c = as.mmap(0, PG, PROT_READ | PROT_WRITE, ANON);
        long d = as.mmap(0, 6L << 20, PROT_READ | PROT_WRITE, ANON);
        assertEquals(base - PG, a);
        assertEquals(base - (4L << 20), b);
        assertEquals(a - PG, c);
        assertEquals(b - (6L << 20), d);
        assertEquals(b + (2L << 20), as.mappingAt(d).end());  // merged
        assertEquals(B, as.mmap(B, 2L << 20, PROT_READ, ANON));  // a hint is taken as is
        // 3 MiB is not a multiple of 2 MiB: plain top-down, and it does not fit between b and c.
        assertEquals(d - (3L << 20), as.mmap(0, 3L << 20, PROT_READ, ANON));
    }

    @Test
    void otherFlagsLinuxAccepts() throws ErrnoException {
        // Each accepted (or refused) on Linux 6.18.
        AddressSpace as = new AddressSpace();
        int rw = PROT_READ | PROT_WRITE;
        long p = as.mmap(0, PG, rw, ANON | MAP_POPULATE | MAP_STACK | MAP_LOCKED);
        assertEquals(0, as.read64(p));
        as.mmap(0, PG, rw, MAP_SHARED | MAP_ANONYMOUS | MAP_POPULATE);
        long d = as.mmap(0, PG, rw, 0x08 | MAP_ANONYMOUS);  // MAP_DROPPABLE
        as.write64(d, 3);
        assertEquals(3, as.read64(d));
        assertEquals(Errno.EINVAL, errno(() -> as.mmap(0, PG, rw, 0x08 | MAP_ANONYMOUS | MAP_LOCKED)));
        assertEquals(Errno.EINVAL, errno(() -> as.mmap(0, PG, rw, 0x08 | MAP_ANONYMOUS | MAP_GROWSDOWN)));
        assertEquals(Errno.EINVAL, errno(() -> as.mmap(0, PG, rw, 0x04 | MAP_ANONYMOUS)));
    }
}
