package dev.rivet.abi;

import dev.rivet.mm.GuestMemory;

/**
 * {@code struct itimerspec} (timer_settime) and {@code struct itimerval} (setitimer) of
 * riscv64: the interval first, then the value, each two 64-bit words (32 bytes), in
 * nanoseconds or in microseconds. Held here as nanoseconds.
 */
public record ITimerSpec(long intervalNanos, long valueNanos) {
    public static final int SIZE = 32;
    public static final ITimerSpec ZERO = new ITimerSpec(0, 0);
    private static final long NS = Timespec.NANOS, US = 1_000_000L;

    /**
     * Reads an itimerspec. All four words are read first (a fault is EFAULT), then checked as
     * timespec64_valid does (EINVAL for a negative second count or nsec outside [0, 1e9)).
     */
    public static ITimerSpec readSpec(GuestMemory m, long addr) throws ErrnoException {
        byte[] b = m.read(addr, SIZE);
        return new ITimerSpec(toNanos(word(b, 0), word(b, 8), NS, 1), toNanos(word(b, 16), word(b, 24), NS, 1));
    }

    /** Reads an itimerval: EFAULT, then EINVAL as timeval_valid says (usec outside [0, 1e6)). */
    public static ITimerSpec readVal(GuestMemory m, long addr) throws ErrnoException {
        byte[] b = m.read(addr, SIZE);
        return new ITimerSpec(toNanos(word(b, 0), word(b, 8), US, 1000), toNanos(word(b, 16), word(b, 24), US, 1000));
    }

    /** Writes an itimerspec. */
    public void writeSpec(GuestMemory m, long addr) throws ErrnoException {
        byte[] b = new byte[SIZE];
        put(b, 0, intervalNanos / NS, intervalNanos % NS);
        put(b, 16, valueNanos / NS, valueNanos % NS);
        m.write(addr, b);
    }

    /** Writes an itimerval: the microseconds truncated, as Linux's put_itimerval does. */
    public void writeVal(GuestMemory m, long addr) throws ErrnoException {
        byte[] b = new byte[SIZE];
        put(b, 0, intervalNanos / NS, intervalNanos % NS / 1000);
        put(b, 16, valueNanos / NS, valueNanos % NS / 1000);
        m.write(addr, b);
    }

    /** Seconds and a fraction in {@code perSec} units to nanoseconds, saturating at Long.MAX_VALUE. */
    static long toNanos(long sec, long frac, long perSec, long nsPerUnit) throws ErrnoException {
        if (sec < 0 || frac < 0 || frac >= perSec) throw Errno.EINVAL.ex();
        if (sec > (Long.MAX_VALUE - NS) / NS) return Long.MAX_VALUE;
        return sec * NS + frac * nsPerUnit;
    }

    private static long word(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) v = v << 8 | (b[off + i] & 0xff);
        return v;
    }

    private static void put(byte[] b, int off, long sec, long frac) {
        for (int i = 0; i < 8; i++) {
            b[off + i] = (byte) (sec >>> (8 * i));
            b[off + 8 + i] = (byte) (frac >>> (8 * i));
        }
    }
}
