package dev.rivet.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.ITimerSpec;
import dev.rivet.abi.Mman;
import dev.rivet.abi.SigEvent;
import dev.rivet.abi.Signal;
import dev.rivet.cpu.Hart;
import dev.rivet.fs.FdTable;
import dev.rivet.fs.FsContext;
import dev.rivet.mm.AddressSpace;
import dev.rivet.signal.SigInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The timer arithmetic and bookkeeping, on a process whose threads never run and on a clock the test sets. */
class TimersTest {
    static final long MS = 1_000_000, S = 1_000_000_000;

    /** A clock that reads what the test says. */
    static final class FakeClock implements TimerClock {
        long now;
        public long now() { return now; }
    }

    AddressSpace mem;
    Process p;
    Task task;
    long buf;

    @BeforeEach
    void setUp() throws Exception {
        mem = new AddressSpace();
        buf = mem.mmap(0, 4096, AddressSpace.PROT_READ | AddressSpace.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS);
        p = new Process(new Kernel(null), 1000, 1, mem, new FdTable(), FsContext.atHostCwd(), 1000, 1000);
        task = new Task(p, new Hart(mem), 1000);
        p.addThread(task);
    }

    @AfterEach
    void tearDown() {
        p.timers.exit();
    }

    // --- struct itimerval / itimerspec ---

    @Test
    void itimervalIsMicrosecondsAndTruncatesOnTheWayOut() throws ErrnoException {
        long[] words = {1, 250_000, 2, 500_000};
        for (int i = 0; i < 4; i++) mem.write64(buf + 8L * i, words[i]);
        ITimerSpec v = ITimerSpec.readVal(mem, buf);
        assertEquals(1_250_000_000L, v.intervalNanos());
        assertEquals(2_500_000_000L, v.valueNanos());
        new ITimerSpec(1999, 3 * S + 999_999_999).writeVal(mem, buf);
        assertEquals(0, mem.read64(buf));
        assertEquals(1, mem.read64(buf + 8), "1999 ns is 1 us: put_itimerval truncates");
        assertEquals(3, mem.read64(buf + 16));
        assertEquals(999_999, mem.read64(buf + 24));
    }

    @Test
    void invalidTimesAreEinvalAndHugeOnesSaturate() throws ErrnoException {
        mem.write64(buf, 0);
        mem.write64(buf + 8, 0);
        mem.write64(buf + 16, 0);
        mem.write64(buf + 24, 1_000_000);
        assertEquals(Errno.EINVAL, assertThrows(ErrnoException.class, () -> ITimerSpec.readVal(mem, buf)).errno);
        assertEquals(1_000_000L, ITimerSpec.readSpec(mem, buf).valueNanos(), "read as a timespec, 1e6 is a valid nsec");
        mem.write64(buf + 16, -1);
        mem.write64(buf + 24, 0);
        assertEquals(Errno.EINVAL, assertThrows(ErrnoException.class, () -> ITimerSpec.readSpec(mem, buf)).errno);
        mem.write64(buf + 16, Long.MAX_VALUE);
        assertEquals(Long.MAX_VALUE, ITimerSpec.readSpec(mem, buf).valueNanos());
        assertEquals(Errno.EFAULT, assertThrows(ErrnoException.class, () -> ITimerSpec.readSpec(mem, buf + 4096 - 8)).errno);
    }

    // --- expiry arithmetic ---

    static final class CountingTimer extends KTimer {
        long periods;
        CountingTimer(Process p, TimerClock c) { super(p, c); }
        @Override void expired(long n) { periods += n; }
    }

    @Test
    void advanceCountsEveryPeriodThatPassed() {
        CountingTimer t = new CountingTimer(p, new FakeClock());
        t.expires = 100;
        t.interval = 30;
        assertEquals(1, t.advance(100), "due exactly: one period");
        assertEquals(130, t.expires);
        assertEquals(3, t.advance(195), "130, 160 and 190 have passed");
        assertEquals(220, t.expires);
        assertEquals(0, t.advance(219), "not due yet");
        t.expires = Long.MAX_VALUE - 10;
        t.interval = 100;
        t.advance(Long.MAX_VALUE - 5);
        assertEquals(Long.MAX_VALUE, t.expires, "saturates instead of wrapping");
    }

    @Test
    void addSatSaturates() {
        assertEquals(Long.MAX_VALUE, KTimer.addSat(Long.MAX_VALUE - 1, 5));
        assertEquals(7, KTimer.addSat(3, 4));
    }

    // --- POSIX timers: one signal at a time, overruns ---

    private PosixTimer signalTimer(TimerClock clock, int sig) {
        return new PosixTimer(p, clock, 0, new SigEvent(42, sig, SigEvent.SIGEV_SIGNAL, 0));
    }

    @Test
    void expiriesWhileTheSignalIsPendingBecomeItsOverrun() {
        int sig = Signal.SIGRTMIN + 1;
        task.sigmask = Signal.bit(sig); // blocked: it stays pending
        PosixTimer t = signalTimer(new FakeClock(), sig);
        t.expired(1);
        t.expired(2);
        t.expired(1);
        assertEquals(1, p.sharedPending.size(), "one signal, however many expiries");
        SigInfo got = p.sharedPending.take(sig);
        assertEquals(SigInfo.SI_TIMER, got.code());
        assertEquals(42, got.value());
        assertEquals(0, got.pid(), "si_tid: the timer id");
        assertEquals(3, got.uid(), "si_overrun: three expiries after the first");
        assertEquals(3, t.overrun(), "timer_getoverrun: the count of the signal taken");
        t.expired(1);
        assertEquals(3, t.overrun(), "a new pending signal does not change it");
        assertEquals(0, p.sharedPending.take(sig).uid());
        assertEquals(0, t.overrun());
    }

    @Test
    void lateFirstExpiryStartsWithOverruns() {
        int sig = Signal.SIGRTMIN;
        task.sigmask = Signal.bit(sig);
        signalTimer(new FakeClock(), sig).expired(4);
        assertEquals(3, p.sharedPending.take(sig).uid());
    }

    @Test
    void rearmingDropsThePendingSignalAndTheOverrun() {
        int sig = Signal.SIGRTMIN;
        task.sigmask = Signal.bit(sig);
        FakeClock c = new FakeClock();
        PosixTimer t = signalTimer(c, sig);
        t.expired(1);
        t.set(ITimerSpec.ZERO, false);
        assertEquals(0, p.sharedPending.mask(), "a re-armed timer's old signal is dropped");
        assertEquals(0, t.overrun());
    }

    @Test
    void threadTimerSignalsGoToThatThread() {
        int sig = Signal.SIGRTMIN;
        task.sigmask = Signal.bit(sig);
        PosixTimer t = new PosixTimer(p, new FakeClock(), 0, new SigEvent(0, sig, SigEvent.SIGEV_THREAD_ID, task.tid));
        t.expired(1);
        assertEquals(Signal.bit(sig), task.pending.mask());
        assertEquals(0, p.sharedPending.mask());
    }

    @Test
    void gettimeReadsTheCountdownAndOneNanosecondWhenDue() {
        FakeClock c = new FakeClock();
        c.now = 1000 * S;
        PosixTimer t = signalTimer(c, Signal.SIGRTMIN);
        t.set(new ITimerSpec(0, 5 * S), false);
        c.now += 2 * S;
        assertEquals(new ITimerSpec(0, 3 * S), t.get());
        c.now += 3 * S; // due, not yet fired
        assertEquals(new ITimerSpec(0, 1), t.get(), "common_timer_get: a due signal timer reads 1 ns");
        ITimerSpec old = t.set(new ITimerSpec(7, 2000 * S), true);
        assertEquals(new ITimerSpec(0, 1), old);
        assertEquals(new ITimerSpec(7, 2000 * S - c.now), t.get(), "TIMER_ABSTIME: the value is a time on the clock");
        t.delete();
        assertEquals(0, p.kernel.timerThread.armed());
    }

    @Test
    void sigevNoneTimersAreForwardedWhenRead() throws ErrnoException {
        FakeClock c = new FakeClock();
        c.now = 50;
        PosixTimer t = new PosixTimer(p, c, 0, new SigEvent(0, 0, SigEvent.SIGEV_NONE, 0));
        t.set(new ITimerSpec(0, 10), false);
        c.now = 70;
        assertEquals(new ITimerSpec(0, 0), t.get(), "an expired one-shot SIGEV_NONE timer reads 0");
        t.set(new ITimerSpec(20, 10), false); // expires at 80, then every 20
        c.now = 125;
        assertEquals(new ITimerSpec(20, 15), t.get(), "forwarded past now: next at 140");
        assertEquals(0, p.kernel.timerThread.armed(), "SIGEV_NONE timers are never queued");
    }

    // --- the per-process table ---

    @Test
    void idsCountUpFromZeroAndAreNotReused() throws ErrnoException {
        Timers ts = p.timers;
        TimerClock mono = TimerClock.MONOTONIC;
        assertEquals(0, ts.create(task, mono, null));
        assertEquals(1, ts.create(task, mono, null));
        ts.delete(1);
        assertEquals(2, ts.create(task, mono, null));
        assertEquals(Errno.EINVAL, assertThrows(ErrnoException.class, () -> ts.delete(1)).errno);
        assertEquals(Errno.EINVAL, assertThrows(ErrnoException.class, () -> ts.gettime(7)).errno);
    }

    @Test
    void badEventsAreEinvalAndTheTimerCountIsCapped() throws ErrnoException {
        Timers ts = p.timers;
        TimerClock mono = TimerClock.MONOTONIC;
        for (SigEvent bad : new SigEvent[] {
                new SigEvent(0, 0, SigEvent.SIGEV_SIGNAL, 0),
                new SigEvent(0, 65, SigEvent.SIGEV_SIGNAL, 0),
                new SigEvent(0, 10, SigEvent.SIGEV_THREAD_ID, 4242),
                new SigEvent(0, 10, 3, 0)}) {
            assertEquals(Errno.EINVAL, assertThrows(ErrnoException.class, () -> ts.create(task, mono, bad)).errno, bad.toString());
        }
        assertEquals(0, ts.count());
        p.limits.set(Limits.SIGPENDING, 2, p.limits.hard(Limits.SIGPENDING));
        ts.create(task, mono, null);
        ts.create(task, mono, null);
        assertEquals(Errno.EAGAIN, assertThrows(ErrnoException.class, () -> ts.create(task, mono, null)).errno);
    }

    @Test
    void execDeletesPosixTimersButKeepsItimers() throws ErrnoException {
        Timers ts = p.timers;
        int id = ts.create(task, TimerClock.MONOTONIC, null);
        ts.settime(id, false, new ITimerSpec(0, 100 * S));
        ts.itimers.set(ITimers.REAL, new ITimerSpec(0, 100 * S));
        assertEquals(2, p.kernel.timerThread.armed());
        ts.clearOnExec();
        assertEquals(0, ts.count());
        assertTrue(ts.itimers.get(ITimers.REAL).valueNanos() > 99 * S);
        assertEquals(1, p.kernel.timerThread.armed());
        ts.exit();
        assertEquals(0, p.kernel.timerThread.armed(), "an exited process leaves nothing queued");
    }

    // --- itimers ---

    @Test
    void cpuItimersAddAJiffyAsLinuxDoes() throws ErrnoException {
        // The test's process has no running thread: its CPU time stays 0, so the values are exact.
        ITimers its = p.timers.itimers;
        assertEquals(ITimerSpec.ZERO, its.set(ITimers.VIRTUAL, new ITimerSpec(S / 2, S)));
        assertEquals(new ITimerSpec(S / 2, S + ITimers.TICK), its.get(ITimers.VIRTUAL));
        assertEquals(new ITimerSpec(S / 2, S + ITimers.TICK), its.set(ITimers.VIRTUAL, new ITimerSpec(S / 4, 0)));
        assertEquals(new ITimerSpec(S / 4, 0), its.get(ITimers.VIRTUAL), "a disarmed CPU itimer keeps its interval");
        assertEquals(Errno.EINVAL, assertThrows(ErrnoException.class, () -> its.get(3)).errno);
    }

    @Test
    void realItimerReadsAtLeastOneMicrosecondWhileArmed() throws ErrnoException {
        ITimers its = p.timers.itimers;
        its.set(ITimers.REAL, new ITimerSpec(0, 1000 * S));
        long left = its.get(ITimers.REAL).valueNanos();
        assertTrue(left > 999 * S && left <= 1000 * S, "left " + left);
        ITimerSpec old = its.set(ITimers.REAL, ITimerSpec.ZERO);
        assertTrue(old.valueNanos() > 0);
        assertEquals(ITimerSpec.ZERO, its.get(ITimers.REAL));
    }

    // --- the timer thread and sleeps ---

    @Test
    void theTimerThreadFiresAWallClockTimer() throws Exception {
        int sig = Signal.SIGRTMIN + 2;
        task.sigmask = Signal.bit(sig);
        int id = p.timers.create(task, TimerClock.MONOTONIC, new SigEvent(5, sig, SigEvent.SIGEV_SIGNAL, 0));
        long t0 = System.nanoTime();
        p.timers.settime(id, false, new ITimerSpec(0, 10 * MS));
        while ((p.sharedPending.mask() & Signal.bit(sig)) == 0 && System.nanoTime() - t0 < 5 * S) Thread.sleep(1);
        assertTrue(System.nanoTime() - t0 >= 10 * MS, "not before its time");
        SigInfo got = p.sharedPending.take(sig);
        assertNotNull(got, "fired within 5 s");
        assertEquals(5, got.value());
        assertEquals(0, p.kernel.timerThread.armed(), "a fired one-shot timer is no longer queued");
    }

    @Test
    void sleepEndsOnlyForAHandledSignal() {
        long t0 = System.nanoTime();
        assertEquals(0, Sleep.forNanos(task, 20 * MS));
        assertTrue(System.nanoTime() - t0 >= 20 * MS);

        p.setAction(Signal.SIGUSR1, new SigAction(SigAction.SIG_IGN, 0, 0));
        task.pending.add(SigInfo.kernel(Signal.SIGUSR1));
        assertEquals(0, Sleep.forNanos(task, 5 * MS), "an ignored signal is dropped and the sleep goes on");
        assertNull(task.pending.take(Signal.SIGUSR1));

        p.setAction(Signal.SIGUSR2, new SigAction(0x10000, 0, 0));
        task.pending.add(SigInfo.kernel(Signal.SIGUSR2));
        long left = Sleep.forNanos(task, 10 * S);
        assertTrue(left > 9 * S && left <= 10 * S, "a handled signal ends it at once, with the time left: " + left);
    }

    @Test
    void clocksFollowLinuxRules() throws ErrnoException {
        assertSame(Errno.EOPNOTSUPP, assertThrows(ErrnoException.class, () -> TimerClock.forTimer(task, Clocks.MONOTONIC_RAW)).errno);
        assertSame(Errno.EINVAL, assertThrows(ErrnoException.class, () -> TimerClock.forTimer(task, 10)).errno);
        assertSame(Errno.EOPNOTSUPP, assertThrows(ErrnoException.class, () -> TimerClock.forTimer(task, Clocks.REALTIME_ALARM)).errno);
        assertSame(Errno.EOPNOTSUPP, assertThrows(ErrnoException.class, () -> TimerClock.forSleep(task, Clocks.THREAD_CPUTIME_ID)).errno);
        int selfThread = ~0 << 3 | 4 | 2; // pthread_getcpuclockid of the caller with tid encoded as 0
        assertSame(Errno.EINVAL, assertThrows(ErrnoException.class, () -> TimerClock.forSleep(task, selfThread)).errno);
        assertTrue(TimerClock.forTimer(task, selfThread).cpu());
        int otherProcess = ~4242 << 3 | 2;
        assertSame(Errno.EINVAL, assertThrows(ErrnoException.class, () -> TimerClock.forTimer(task, otherProcess)).errno);
        int clockFd = ~3 << 3 | 3;
        assertSame(Errno.EOPNOTSUPP, assertThrows(ErrnoException.class, () -> TimerClock.forTimer(task, clockFd)).errno);
        assertTrue(TimerClock.forSleep(task, Clocks.PROCESS_CPUTIME_ID).cpu());
    }
}
