package dev.rivet.kernel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * One kernel's timer scheduler: a single daemon thread (started when a timer is armed, gone
 * after a second with none) that fires every armed timer of every process, instead of a
 * thread per timer.
 *
 * <p>Timers on host clocks wait in a queue ordered by their System.nanoTime deadline. Timers
 * on CPU-time clocks cannot be waited for (CPU time advances only while guest threads run),
 * so while any is armed the thread samples them every {@link #TICK_NANOS}: a CPU-time timer
 * fires up to one tick late, the granularity of Linux's own tick-based CPU timers at HZ=250.
 *
 * <p>Firing happens outside this object's lock, under the timer's own: timers call into
 * signal sending, which must never wait for the scheduler.
 */
public final class TimerThread {
    /** How often armed CPU-time timers are sampled: one jiffy of a HZ=250 kernel (Debian's). */
    public static final long TICK_NANOS = 4_000_000L;

    /** A queued wake-up of a wall-clock timer; a timer forgets its entry when re-armed or stopped. */
    record Entry(long deadline, KTimer timer, long seq) {}

    private final PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) -> {
        int c = Long.compare(a.deadline - b.deadline, 0); // nanoTime values compare by difference
        return c != 0 ? c : Long.compare(a.seq, b.seq);
    });
    private final Set<KTimer> cpuTimers = new LinkedHashSet<>();
    private long nextSeq;
    private Thread thread;
    /** When the thread found nothing armed (0: something is); it ends after {@link #IDLE_NANOS} of that. */
    private long idleSince;
    private static final long IDLE_NANOS = 1_000_000_000L;

    /** Queues {@code t} to be woken at {@code deadline} (System.nanoTime based). */
    synchronized Entry schedule(KTimer t, long deadline) {
        Entry e = new Entry(deadline, t, nextSeq++);
        queue.add(e);
        if (queue.peek() == e) notifyAll();
        ensureStarted();
        return e;
    }

    synchronized void cancel(Entry e) { queue.remove(e); }

    /** Samples {@code t} every tick until {@link #unwatch}. */
    synchronized void watch(KTimer t) {
        if (cpuTimers.add(t) && cpuTimers.size() == 1) notifyAll();
        ensureStarted();
    }

    synchronized void unwatch(KTimer t) { cpuTimers.remove(t); }

    /** How many timers are queued or watched (for tests: a stopped process leaves none behind). */
    public synchronized int armed() { return queue.size() + cpuTimers.size(); }

    private void ensureStarted() {
        idleSince = 0;
        if (thread != null) return;
        thread = Thread.ofPlatform().name("rivet-timers").daemon(true).start(this::loop);
    }

    private void loop() {
        List<Entry> due = new ArrayList<>();
        List<KTimer> sample = new ArrayList<>();
        long nextSample = System.nanoTime();
        for (;;) {
            synchronized (this) {
                for (;;) {
                    long now = System.nanoTime();
                    while (!queue.isEmpty() && queue.peek().deadline - now <= 0) due.add(queue.poll());
                    if (!cpuTimers.isEmpty() && nextSample - now <= 0) {
                        sample.addAll(cpuTimers);
                        nextSample = now + TICK_NANOS;
                    }
                    if (!due.isEmpty() || !sample.isEmpty()) break;
                    long wait = Long.MAX_VALUE;
                    if (!queue.isEmpty()) wait = queue.peek().deadline - now;
                    if (!cpuTimers.isEmpty()) wait = Math.min(wait, Math.max(nextSample - now, 1));
                    else nextSample = now; // the first CPU timer armed later is sampled at once
                    if (wait == Long.MAX_VALUE) {
                        // Nothing armed: linger a moment, then end, so an idle kernel (or one
                        // dropped by an embedder) keeps no thread; schedule() starts a new one.
                        if (idleSince == 0) idleSince = now;
                        else if (now - idleSince >= IDLE_NANOS) {
                            thread = null;
                            return;
                        }
                        wait = IDLE_NANOS;
                    } else {
                        idleSince = 0;
                    }
                    try {
                        wait(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        thread = null;
                        return;
                    }
                }
            }
            for (Entry e : due) fire(() -> e.timer().wallDue(e));
            for (KTimer t : sample) fire(t::cpuTick);
            due.clear();
            sample.clear();
        }
    }

    /** A timer's expiry; a Rivet bug in one must not stop every other timer of the kernel. */
    private static void fire(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException | Error e) { // one line, never a stack trace, and the thread goes on
            System.err.println("rivet: internal error in a timer: " + e);
        }
    }
}
