package dev.rivet.kernel;

import dev.rivet.abi.ITimerSpec;
import dev.rivet.abi.SigEvent;
import dev.rivet.signal.PendingSignals;
import dev.rivet.signal.SigInfo;

/**
 * One timer_create(2) timer. Like Linux, it has one signal at a time: while the signal it
 * queued is still pending, further expiries only count overruns in that signal's
 * {@code si_overrun}; once it has been taken, that count becomes timer_getoverrun's answer.
 */
final class PosixTimer extends KTimer {
    final int id;
    private final int notify, signo, threadId;
    private final long value;
    /** The signal this timer has queued (null when none), and the pending set it went to. */
    private SigInfo queued;
    private PendingSignals queuedIn;
    private int overrunLast;

    PosixTimer(Process process, TimerClock clock, int id, SigEvent ev) {
        super(process, clock);
        this.id = id;
        this.notify = ev.how();
        this.signo = ev.signo();
        this.value = ev.value();
        this.threadId = ev.threadId();
    }

    @Override
    boolean fires() { return notify != SigEvent.SIGEV_NONE; }

    @Override
    void expired(long periods) {
        if (queued != null) {
            int more = overrunOf(queued) + (int) Math.min(periods, Integer.MAX_VALUE);
            SigInfo next = queued.withOverrun(more < 0 ? Integer.MAX_VALUE : more);
            if (queuedIn.replace(queued, next)) {
                queued = next;
                return;
            }
            overrunLast = overrunOf(queued); // it was taken with this count
        }
        SigInfo info = SigInfo.timer(signo, id, (int) Math.min(periods - 1, Integer.MAX_VALUE), value);
        queued = info;
        if ((notify & SigEvent.SIGEV_THREAD_ID) != 0) {
            Task t = process.thread(threadId);
            if (t == null) { // the thread is gone: Linux's signal finds no task
                queued = null;
                return;
            }
            queuedIn = t.pending;
            Signals.sendToThread(t, info);
        } else {
            queuedIn = process.sharedPending;
            Signals.sendToProcess(process, info);
        }
    }

    private static int overrunOf(SigInfo s) { return (int) (s.w16() >>> 32); }

    /** timer_settime: the old setting, then the new one; a signal still pending from before is dropped. */
    synchronized ITimerSpec set(ITimerSpec next, boolean absolute) {
        ITimerSpec old = get();
        withdraw();
        overrunLast = 0;
        arm(next.valueNanos(), next.intervalNanos(), absolute);
        return old;
    }

    /** timer_gettime (common_timer_get): a due-but-unsignalled timer reads 1 ns, an expired SIGEV_NONE one 0. */
    synchronized ITimerSpec get() {
        if (expires == 0) return new ITimerSpec(interval, 0);
        long now = clock.now();
        if (!fires() && interval > 0) advance(now); // SIGEV_NONE timers are never armed: forward here
        long left = expires - now;
        if (left <= 0) left = fires() ? 1 : 0;
        return new ITimerSpec(interval, left);
    }

    /** timer_getoverrun: the overrun count of the last signal taken. */
    synchronized int overrun() {
        if (queued != null && !queuedIn.holds(queued)) {
            overrunLast = overrunOf(queued);
            queued = null;
        }
        return overrunLast;
    }

    /** timer_delete, exec, exit: stops it and drops its pending signal (as Linux 6.13+ does). */
    synchronized void delete() {
        stop();
        expires = 0;
        interval = 0;
        withdraw();
    }

    private void withdraw() {
        if (queued != null) queuedIn.withdraw(queued);
        queued = null;
    }
}
