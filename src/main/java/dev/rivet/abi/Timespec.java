package dev.rivet.abi;

import dev.rivet.mm.GuestMemory;

/** {@code struct timespec} and {@code struct timeval} of riscv64: two 64-bit fields, 16 bytes. */
public final class Timespec {
    private Timespec() {}

    public static final int SIZE = 16;
    public static final long NANOS = 1_000_000_000L;

    public static void writeNanos(GuestMemory m, long addr, long nanos) throws ErrnoException {
        m.write64(addr, Math.floorDiv(nanos, NANOS));
        m.write64(addr + 8, Math.floorMod(nanos, NANOS));
    }

    /** Writes a timeval (seconds, microseconds). */
    public static void writeMicros(GuestMemory m, long addr, long nanos) throws ErrnoException {
        m.write64(addr, Math.floorDiv(nanos, NANOS));
        m.write64(addr + 8, Math.floorMod(nanos, NANOS) / 1000);
    }

    /** Reads a timespec as nanoseconds; EINVAL for a negative second count or nsec outside [0, 1e9). */
    public static long readNanos(GuestMemory m, long addr) throws ErrnoException {
        long sec = m.read64(addr);
        long nsec = m.read64(addr + 8);
        if (sec < 0 || nsec < 0 || nsec >= NANOS) throw Errno.EINVAL.ex();
        if (sec > Long.MAX_VALUE / NANOS - 1) return Long.MAX_VALUE;
        return sec * NANOS + nsec;
    }
}
