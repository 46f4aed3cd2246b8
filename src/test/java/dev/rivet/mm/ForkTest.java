package dev.rivet.mm;

import dev.rivet.abi.ErrnoException;
import org.junit.jupiter.api.Test;

import static dev.rivet.abi.Mman.*;
import static org.junit.jupiter.api.Assertions.*;

/** AddressSpace.fork: copy-on-write private memory, shared MAP_SHARED memory, cheap forks. */
class ForkTest {
    static final int ANON = MAP_PRIVATE | MAP_ANONYMOUS, RW = AddressSpace.PROT_READ | AddressSpace.PROT_WRITE;

    @Test
    void privateWritesAfterForkStayOnEachSide() throws ErrnoException {
        AddressSpace parent = new AddressSpace();
        long a = parent.mmap(0, 3 * 4096, RW, ANON);
        parent.write32(a, 1);
        parent.write32(a + 4096, 2);
        AddressSpace child = parent.fork();
        // Until someone writes, both tables hold the very same page.
        assertSame(parent.translate(a, Access.READ), child.translate(a, Access.READ));
        assertEquals(1, child.read32(a));
        child.write32(a, 10);
        parent.write32(a + 4096, 20);
        assertEquals(1, parent.read32(a));
        assertEquals(10, child.read32(a));
        assertEquals(2, child.read32(a + 4096));
        assertEquals(20, parent.read32(a + 4096));
        assertNotSame(parent.translate(a, Access.READ), child.translate(a, Access.READ));
        // A page untouched at fork is a fresh zero page on each side.
        child.write32(a + 8192, 5);
        assertEquals(0, parent.read32(a + 8192));
    }

    @Test
    void twoWritersInTheParentNeverReachTheChildsPage() throws Exception {
        AddressSpace parent = new AddressSpace();
        long a = parent.mmap(0, 4096, RW, ANON);
        for (int round = 0; round < 300; round++) {
            parent.write32(a, 1);
            AddressSpace child = parent.fork();
            java.util.concurrent.CyclicBarrier go = new java.util.concurrent.CyclicBarrier(2);
            Runnable writer = () -> {
                try {
                    go.await();
                    // As two harts would: each translates for writing, then stores.
                    byte[] page = parent.translate(a, Access.WRITE);
                    page[0] = 2;
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            };
            Thread t1 = new Thread(writer), t2 = new Thread(writer);
            t1.start();
            t2.start();
            t1.join();
            t2.join();
            assertEquals(1, child.read32(a), "round " + round + ": the parent's write reached the child");
            assertEquals(2, parent.read32(a));
            child.release();
        }
    }

    @Test
    void mremapKeepsCopyOnWriteSharing() throws ErrnoException {
        AddressSpace parent = new AddressSpace();
        long a = parent.mmap(0, 4096, RW, ANON);
        parent.write32(a, 1);
        AddressSpace child = parent.fork();
        long moved = child.mremap(a, 4096, 4096, MREMAP_MAYMOVE | MREMAP_FIXED, a + (64L << 20));
        parent.write32(a, 2); // the child still holds the page: the parent must copy
        assertEquals(1, child.read32(moved));
        child.write32(moved, 3);
        assertEquals(2, parent.read32(a));
    }

    @Test
    void theLastSharerWritesInPlace() throws ErrnoException {
        AddressSpace parent = new AddressSpace();
        long a = parent.mmap(0, 4096, RW, ANON);
        parent.write32(a, 1);
        byte[] before = parent.translate(a, Access.READ);
        AddressSpace child = parent.fork();
        child.release(); // the child exits (or execs) without writing
        assertSame(before, parent.translate(a, Access.WRITE), "no copy once the parent is the only holder");
        parent.write32(a, 2);
        assertEquals(2, parent.read32(a));
    }

    @Test
    void sharedMappingsStayShared() throws ErrnoException {
        AddressSpace parent = new AddressSpace();
        long s = parent.mmap(0, 2 * 4096, RW, MAP_SHARED | MAP_ANONYMOUS);
        parent.write32(s, 7);
        AddressSpace child = parent.fork();
        child.write32(s, 8);
        assertEquals(8, parent.read32(s));
        // A page neither side had touched at fork: whoever touches it first, the other sees it.
        child.write32(s + 4096, 9);
        assertEquals(9, parent.read32(s + 4096));
        parent.write32(s + 4096, 10);
        assertEquals(10, child.read32(s + 4096));
    }

    @Test
    void dontForkAndWipeOnFork() throws ErrnoException {
        AddressSpace parent = new AddressSpace();
        long d = parent.mmap(0, 4096, RW, ANON);
        long w = parent.mmap(0, 4096, RW, ANON);
        parent.write32(d, 1);
        parent.write32(w, 2);
        parent.madvise(d, 4096, MADV_DONTFORK);
        parent.madvise(w, 4096, MADV_WIPEONFORK);
        AddressSpace child = parent.fork();
        assertNull(child.mappingAt(d));
        assertNotNull(child.mappingAt(w));
        assertEquals(0, child.read32(w));
        assertEquals(2, parent.read32(w));
    }

    @Test
    void forkOf100MiBCopiesNoPage() throws ErrnoException {
        AddressSpace parent = new AddressSpace();
        long size = 100L << 20;
        long a = parent.mmap(0, size, RW, ANON);
        for (long off = 0; off < size; off += 4096) parent.write8(a + off, (byte) 1);
        long pages = size / 4096;
        assertEquals(pages, parent.residentPages());
        AddressSpace child = parent.fork();
        // The child's table holds the parent's page objects: no page data was copied.
        assertEquals(pages, child.residentPages());
        for (long off = 0; off < size; off += 64 * 4096)
            assertSame(parent.translate(a + off, Access.READ), child.translate(a + off, Access.READ));
        // One write copies one page.
        child.write8(a, (byte) 2);
        assertNotSame(parent.translate(a, Access.READ), child.translate(a, Access.READ));
        assertSame(parent.translate(a + 4096, Access.READ), child.translate(a + 4096, Access.READ));
        assertEquals(1, parent.read8(a));
    }

    @Test
    void layoutAndBreakAreInherited() throws ErrnoException {
        AddressSpace parent = new AddressSpace();
        parent.mapStack(8L << 20);
        parent.initBrk(0x10000);
        parent.brk(0x20000);
        AddressSpace child = parent.fork();
        assertEquals(parent.currentBrk(), child.currentBrk());
        assertEquals(parent.mmap(0, 4096, RW, ANON), child.mmap(0, 4096, RW, ANON));
        assertEquals(parent.mappings().size(), child.mappings().size());
    }
}
