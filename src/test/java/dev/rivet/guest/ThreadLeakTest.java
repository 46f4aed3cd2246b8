package dev.rivet.guest;

import dev.rivet.Rivet;
import dev.rivet.RunConfig;
import dev.rivet.kernel.ExitStatus;
import dev.rivet.kernel.GuestThreads;
import dev.rivet.kernel.Process;
import dev.rivet.mm.AddressSpace;
import dev.rivet.mm.Vma;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 4's leak check: guest/tests/threadleak.c (1,000 threads created and joined in
 * sequence, then 200 alive at once) runs inside this JVM, several times. After each run the
 * process's address space maps and holds about what it did before its first instruction (a
 * thread stack is 140 KiB; 1,200 of them leaked would be 164 MiB) and no futex queue is left
 * (a queue keeps its guest page alive). After all runs no Java thread runs guest code, the
 * parked pool threads stay within their bound, and the heap after a full GC has not grown by
 * what one run's harts would take (~180 KB each) if something kept them.
 */
class ThreadLeakTest {
    static final int RUNS = 3;
    /** A few pages of heap, brk and stack growth; far below one leaked thread stack per 10 threads. */
    static final long MAPPED_GROWTH_LIMIT = 2L << 20;
    static final long HEAP_GROWTH_LIMIT = 16L << 20;

    @Test
    void threadsComeAndGoWithoutLeakingHostThreadsOrMemory() throws Exception {
        GuestBuild.ensureBuilt();
        Path prog = GuestBuild.binary("build/guest/tests", "threadleak.c");
        RunConfig config = RunConfig.of(prog, List.of(prog.toString(), "quiet"), List.of());

        runChecked(config, 0); // also loads classes and fills caches that are not leaks
        awaitNoGuestThreads();
        long heapBefore = usedHeapAfterGc();
        for (int i = 1; i <= RUNS; i++) runChecked(config, i);
        awaitNoGuestThreads();

        assertTrue(GuestThreads.idle() <= GuestThreads.MAX_IDLE, "idle pool threads: " + GuestThreads.idle());
        long named = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("guest-")).count();
        assertTrue(named <= GuestThreads.MAX_IDLE, "live guest Java threads after " + RUNS * 1200 + " guest threads: " + named);
        long growth = usedHeapAfterGc() - heapBefore;
        System.out.println("ThreadLeakTest: heap growth " + growth + " bytes over " + RUNS + " runs");
        assertTrue(growth < HEAP_GROWTH_LIMIT, "heap grew by " + growth + " bytes over " + RUNS + " runs");
    }

    /** One run: the guest's own checks pass, and its address space and futex table end about where they began. */
    private static void runChecked(RunConfig config, int run) {
        AtomicReference<Process> proc = new AtomicReference<>();
        long[] before = new long[2];
        ExitStatus status = Rivet.execute(config, false, p -> {
            proc.set(p);
            before[0] = mappedBytes(p.memory);
            before[1] = p.memory.residentPages() * AddressSpace.PAGE_SIZE;
        });
        assertEquals(ExitStatus.exited(0), status, "threadleak failed its own checks (run " + run + ")");
        Process p = proc.get();
        assertNotNull(p);
        long mapped = mappedBytes(p.memory) - before[0];
        long resident = p.memory.residentPages() * AddressSpace.PAGE_SIZE - before[1];
        System.out.println("ThreadLeakTest run " + run + ": mapped +" + mapped + ", resident +" + resident + " bytes");
        assertTrue(mapped < MAPPED_GROWTH_LIMIT, "run " + run + ": the address space maps " + mapped + " bytes more than at the start");
        assertTrue(resident < MAPPED_GROWTH_LIMIT, "run " + run + ": " + resident + " bytes more resident than at the start");
        assertEquals(0, p.kernel.futexes.activeQueues(), "run " + run + ": futex queues left behind");
    }

    private static long mappedBytes(AddressSpace m) {
        long sum = 0;
        for (Vma v : m.mappings()) sum += v.end() - v.start();
        return sum;
    }

    /** The process has ended when execute returns; its threads' Java threads finish a moment later. */
    private static void awaitNoGuestThreads() throws InterruptedException {
        for (int i = 0; i < 1000 && GuestThreads.running() != 0; i++) Thread.sleep(10);
        assertEquals(0, GuestThreads.running(), "Java threads still running guest threads after the process ended");
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        // Several collections: the smallest reading is the live set.
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
