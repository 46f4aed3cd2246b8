package dev.rivet.kernel;

/**
 * An armed-or-not kernel timer on one {@link TimerClock}: the part itimers and POSIX timers
 * share. {@code expires} is an absolute time on the clock (0: disarmed), {@code interval}
 * re-arms it after each expiry. Subclasses say what an expiry does ({@link #expired}) and how
 * their syscalls report the remaining time. All state is guarded by the timer's monitor.
 */
abstract class KTimer {
    /**
     * The least time between two expiries of one timer, so a 1 ns interval cannot spin the
     * timer thread: the extra periods are still counted (as overruns), Linux's timer slack
     * for ordinary tasks is of the same order (50 µs).
     */
    static final long MIN_REARM_NANOS = 100_000L;

    final Process process;
    final TimerClock clock;
    long expires;
    long interval;
    private TimerThread.Entry entry;
    private boolean watched;

    KTimer(Process process, TimerClock clock) {
        this.process = process;
        this.clock = clock;
    }

    /** False for timers that never fire (SIGEV_NONE): they are only read. */
    boolean fires() { return true; }

    /**
     * What one expiry does, under the timer's monitor; {@code periods} is how many interval
     * periods passed since the last expiry (more than 1 when the timer thread was late).
     */
    abstract void expired(long periods);

    /**
     * Arms the timer to expire after {@code value} ns ({@code absolute}: when the clock reads
     * {@code value}) and then every {@code interval} ns; a zero value disarms it.
     */
    final synchronized void arm(long value, long interval, boolean absolute) {
        stop();
        if (value == 0) {
            expires = 0;
            this.interval = 0;
            return;
        }
        this.interval = interval;
        long now = clock.now();
        expires = absolute ? value : addSat(now, value);
        start(now);
    }

    /** Disarms and forgets the timer's pending wake-ups. */
    final synchronized void stop() {
        if (entry != null) process.kernel.timerThread.cancel(entry);
        entry = null;
        if (watched) process.kernel.timerThread.unwatch(this);
        watched = false;
    }

    private void start(long now) {
        if (!fires()) return;
        TimerThread s = process.kernel.timerThread;
        if (clock.cpu()) {
            watched = true;
            s.watch(this);
        } else {
            entry = s.schedule(this, deadline(now, 0));
        }
    }

    /** The System.nanoTime at which the clock, now reading {@code now}, reaches {@code expires}. */
    private long deadline(long now, long atLeast) {
        long t = System.nanoTime();
        long d = Math.max(expires - now, atLeast);
        return d > Long.MAX_VALUE / 2 ? t + Long.MAX_VALUE / 2 : t + d;
    }

    /** The timer thread's wake-up for entry {@code e}: expires when the clock has got there. */
    final synchronized void wallDue(TimerThread.Entry e) {
        if (e != entry) return; // re-armed or stopped since
        entry = null;
        long now = clock.now();
        if (now - expires < 0) { // early (REALTIME was stepped back): wait again
            entry = process.kernel.timerThread.schedule(this, deadline(now, 0));
            return;
        }
        expire(now);
    }

    /** The timer thread's sample of a CPU-time timer. */
    final synchronized void cpuTick() {
        if (!watched) return;
        long now = clock.now();
        if (now < expires) return;
        expire(now);
    }

    private void expire(long now) {
        long periods = 1;
        if (interval > 0) {
            periods = advance(now);
            if (!clock.cpu()) entry = process.kernel.timerThread.schedule(this, deadline(now, MIN_REARM_NANOS));
        } else {
            expires = 0;
            stop();
        }
        expired(periods);
    }

    /**
     * Moves an interval timer's expiry past {@code now} (hrtimer_forward): returns how many
     * periods that was, at least 1.
     */
    long advance(long now) {
        if (now < expires) return 0;
        long n = (now - expires) / interval + 1;
        expires = n > (Long.MAX_VALUE - expires) / interval ? Long.MAX_VALUE : expires + n * interval;
        return n;
    }

    /** Time left on the clock until the next expiry: 0 when disarmed, possibly ≤ 0 when due. */
    final synchronized long left() {
        return expires == 0 ? 0 : expires - clock.now();
    }

    static long addSat(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
