package dev.rivet.kernel;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The Java platform threads that run guest threads, kept for reuse. Starting a platform thread
 * costs about 100 µs (a host clone, a stack, JVM thread set-up); handing a task to a parked
 * one costs one unpark. pthread_create+join in a loop is a common pattern (worker pools that
 * are torn down, fork-join code), and on Linux it costs a few tens of microseconds.
 *
 * <p>A worker that has finished its task parks in the idle stack for at most
 * {@link #IDLE_NANOS}; then it ends. At most {@link #MAX_IDLE} workers wait at a time, so a
 * burst of 200 threads leaves a small bounded number of host threads behind, and none after the
 * idle time. Idle workers are shared by every kernel of this JVM (a worker holds no state of
 * the task it ran).
 *
 * <p>Platform threads, not virtual ones: a guest thread spins in guest code and blocks in host
 * calls (read of a terminal, FFM calls into libc) that pin a virtual thread's carrier, and two
 * such guest threads must still run in parallel and not starve a third.
 */
public final class GuestThreads {
    private GuestThreads() {}

    /** How long a finished worker waits for a new guest thread before it ends. */
    static final long IDLE_NANOS = 5_000_000_000L;
    /** The most workers kept parked at once; more finishing at the same time simply end. */
    public static final int MAX_IDLE = 32;

    /** Idle workers, most recently parked on top (its stack and caches are the warmest). */
    private static final ArrayDeque<Worker> idle = new ArrayDeque<>();
    private static final AtomicInteger running = new AtomicInteger();
    private static final AtomicInteger created = new AtomicInteger();

    /** One pooled platform thread; {@link #task} is what it runs next (null while idle). */
    private static final class Worker implements Runnable {
        volatile Runnable task;
        Thread thread;

        @Override public void run() {
            Runnable r = task;
            for (;;) {
                task = null;
                try {
                    r.run();
                } finally {
                    running.decrementAndGet();
                }
                // Nothing of the guest may outlive its task on a reused thread.
                Thread.interrupted();
                r = awaitNext();
                if (r == null) return;
            }
        }

        /** Parks in the idle stack until given a task (returned) or until the idle time ends (null). */
        private Runnable awaitNext() {
            synchronized (idle) {
                if (idle.size() >= MAX_IDLE) return null;
                idle.push(this);
            }
            long deadline = System.nanoTime() + IDLE_NANOS;
            for (;;) {
                Runnable r = task;
                if (r != null) return r;
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    synchronized (idle) {
                        // Still idle: leave. Otherwise a starter took us and is handing over a task.
                        if (idle.remove(this)) return null;
                    }
                    while ((r = task) == null) LockSupport.park(this);
                    return r;
                }
                LockSupport.parkNanos(this, left);
            }
        }
    }

    /** Runs {@code body} on a pooled platform thread (a parked one if any, else a new one) named {@code name}. */
    static void start(String name, Runnable body) {
        running.incrementAndGet();
        Worker w;
        synchronized (idle) {
            w = idle.poll();
        }
        if (w != null) {
            w.thread.setName(name);
            w.task = body;
            LockSupport.unpark(w.thread);
            return;
        }
        w = new Worker();
        w.task = body;
        w.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(w);
        created.incrementAndGet();
        w.thread.start();
    }

    /** Workers now running a guest thread (a leak check: 0 once every guest thread has ended). */
    public static int running() { return running.get(); }

    /** Workers parked waiting for a guest thread (at most {@link #MAX_IDLE}). */
    public static int idle() {
        synchronized (idle) {
            return idle.size();
        }
    }

    /** Platform threads started for guest threads since the JVM began (how much reuse saves). */
    public static int created() { return created.get(); }
}
