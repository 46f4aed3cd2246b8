package dev.rivet.mm;

import dev.rivet.abi.ErrnoException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.rivet.abi.Mman.*;
import static dev.rivet.mm.AddressSpaceTest.ANON;
import static org.junit.jupiter.api.Assertions.*;

/** Smoke tests of translate racing with itself and with mapping changes. */
class ConcurrencyTest {
    static final long PG = 4096, B = 0x300000000000L, CHURN = 0x310000000000L;

    @Test
    void racingFirstTouchesGetTheSamePage() throws Exception {
        AddressSpace as = new AddressSpace();
        long a = as.mmap(B, 64 * PG, PROT_READ | PROT_WRITE, ANON | MAP_FIXED);
        int threads = 4;
        byte[][][] got = new byte[threads][64][];
        CountDownLatch go = new CountDownLatch(1);
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            ts[t] = new Thread(() -> {
                try { go.await(); } catch (InterruptedException e) { return; }
                for (int i = 0; i < 64; i++) got[id][i] = as.translate(a + i * PG, Access.WRITE);
            });
            ts[t].start();
        }
        go.countDown();
        for (Thread t : ts) t.join();
        for (int i = 0; i < 64; i++) for (int t = 1; t < threads; t++) assertSame(got[0][i], got[t][i]);
        assertEquals(64, as.residentPages());
    }

    @Test
    void translateWhileAnotherThreadMapsAndUnmaps() throws Exception {
        AddressSpace as = new AddressSpace();
        long stable = as.mmap(B, 16 * PG, PROT_READ | PROT_WRITE, ANON | MAP_FIXED);
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        Thread mapper = new Thread(() -> {
            try {
                for (int i = 0; i < 2000; i++) {
                    as.mmap(CHURN, 8 * PG, PROT_READ | PROT_WRITE, ANON | MAP_FIXED);
                    as.mprotect(CHURN + PG, PG, PROT_READ);
                    long moved = as.mremap(CHURN + 2 * PG, 6 * PG, 16 * PG, MREMAP_MAYMOVE, 0);
                    long other = as.mmap(0, PG, PROT_READ, ANON);
                    as.munmap(moved, 16 * PG);
                    if ((i & 1) == 0) as.munmap(other, PG);
                    as.munmap(CHURN, 8 * PG);
                }
            } catch (Throwable t) {
                errors.add(t);
            } finally {
                stop.set(true);
            }
        });
        Thread[] workers = new Thread[2];
        for (int w = 0; w < workers.length; w++) {
            int id = w;
            workers[w] = new Thread(() -> {
                long n = 0;
                try {
                    while (!stop.get()) {
                        long slot = stable + id * 8 * PG + (n % 8) * PG;
                        as.write64(slot, n);
                        if (as.read64(slot) != n) throw new AssertionError("lost write");
                        try {
                            as.translate(CHURN + (n % 8) * PG, (n & 1) == 0 ? Access.READ : Access.WRITE);
                        } catch (MemoryFault expected) {
                            // the churn region comes and goes
                        }
                        n++;
                    }
                } catch (Throwable t) {
                    errors.add(t);
                }
            });
            workers[w].start();
        }
        mapper.start();
        mapper.join();
        for (Thread w : workers) w.join();
        assertTrue(errors.isEmpty(), () -> errors.peek().toString());
        // Every page outside the mappings was dropped: none installed into an unmapped range.
        long mapped = 0;
        for (Vma v : as.mappings()) {
            for (long p = v.start(); p < v.end(); p += PG) if (as.pages.get(p >>> 12) != null) mapped++;
        }
        assertEquals(mapped, as.residentPages());
        assertNull(as.mappingAt(CHURN));
    }
}
