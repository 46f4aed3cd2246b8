package dev.rivet.kernel;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pool of Java threads that run guest threads: reuse of parked ones, and a bound on those kept. */
class GuestThreadsTest {
    @Test
    void aParkedWorkerRunsTheNextGuestThreadInsteadOfANewOne() throws Exception {
        runAndWait(1);
        awaitIdle(1); // a worker has finished and parked
        int created = GuestThreads.created();
        Thread[] ran = new Thread[1];
        CountDownLatch done = new CountDownLatch(1);
        GuestThreads.start("guest-test", () -> {
            ran[0] = Thread.currentThread();
            done.countDown();
        });
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(created, GuestThreads.created(), "a new platform thread was started although one was parked");
        assertFalse(ran[0].isVirtual());
        assertEquals("guest-test", ran[0].getName());
    }

    @Test
    void atMostMaxIdleWorkersStayParkedAfterABurst() throws Exception {
        int burst = GuestThreads.MAX_IDLE + 20;
        CountDownLatch started = new CountDownLatch(burst), release = new CountDownLatch(1);
        for (int i = 0; i < burst; i++) {
            GuestThreads.start("guest-burst", () -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertTrue(started.await(30, TimeUnit.SECONDS), "the burst did not start: all must run at once");
        release.countDown();
        for (int i = 0; i < 1000 && GuestThreads.running() != 0; i++) Thread.sleep(10);
        assertEquals(0, GuestThreads.running());
        Thread.sleep(50); // the last workers park or leave
        assertTrue(GuestThreads.idle() <= GuestThreads.MAX_IDLE, "idle workers: " + GuestThreads.idle());
        long live = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("guest-burst")).count();
        assertTrue(live <= GuestThreads.MAX_IDLE, "live pool threads after the burst: " + live);
    }

    @Test
    void aWorkerCarriesNoInterruptIntoItsNextTask() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        GuestThreads.start("guest-int", () -> {
            Thread.currentThread().interrupt(); // a guest thread's Java thread left interrupted
            first.countDown();
        });
        assertTrue(first.await(10, TimeUnit.SECONDS));
        awaitIdle(1);
        AtomicInteger interrupted = new AtomicInteger(-1);
        CountDownLatch second = new CountDownLatch(1);
        GuestThreads.start("guest-int2", () -> {
            interrupted.set(Thread.currentThread().isInterrupted() ? 1 : 0);
            second.countDown();
        });
        assertTrue(second.await(10, TimeUnit.SECONDS));
        assertEquals(0, interrupted.get());
    }

    private static void runAndWait(int n) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(n);
        for (int i = 0; i < n; i++) GuestThreads.start("guest-warm", done::countDown);
        assertTrue(done.await(10, TimeUnit.SECONDS));
    }

    private static void awaitIdle(int n) throws InterruptedException {
        for (int i = 0; i < 1000 && GuestThreads.idle() < n; i++) Thread.sleep(5);
        assertTrue(GuestThreads.idle() >= n, "no worker parked");
    }
}
