package dev.rivet.kernel;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The host's clocks through libc (FFM): guest clocks that Linux keeps system-wide
 * (REALTIME, MONOTONIC, BOOTTIME, TAI, the coarse and raw variants) are the host's own, read
 * with the host's clock_gettime so they agree with everything else on the machine.
 */
final class HostTime {
    private HostTime() {}

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle CLOCK_GETTIME = libc("clock_gettime",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
    private static final MethodHandle CLOCK_GETRES = libc("clock_getres",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));

    private static MethodHandle libc(String name, FunctionDescriptor fd) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), fd);
    }

    /** getrusage(2), linked on first use: only threads ending need it. */
    private static final class Rusage {
        static final MethodHandle GETRUSAGE = libc("getrusage",
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
        static final int RUSAGE_THREAD = 1;
        /** The host's struct rusage (x86-64 and aarch64 alike: 2 timevals and 14 longs). */
        static final int SIZE = 144;
    }

    /**
     * User CPU time of the calling host thread (getrusage RUSAGE_THREAD), in nanoseconds at the
     * kernel's microsecond granularity; -1 when the host refuses.
     */
    static long currentThreadUserNanos() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ru = a.allocate(Rusage.SIZE, 8);
            if ((int) Rusage.GETRUSAGE.invokeExact(Rusage.RUSAGE_THREAD, ru) != 0) return -1;
            return ru.get(ValueLayout.JAVA_LONG, 0) * 1_000_000_000L + ru.get(ValueLayout.JAVA_LONG, 8) * 1000L;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Nanoseconds of host clock {@code id}, or Long.MIN_VALUE when the host refuses it. */
    static long nanos(int id, boolean resolution) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ts = a.allocate(16, 8);
            int r = resolution ? (int) CLOCK_GETRES.invokeExact(id, ts) : (int) CLOCK_GETTIME.invokeExact(id, ts);
            if (r != 0) return Long.MIN_VALUE;
            return ts.get(ValueLayout.JAVA_LONG, 0) * 1_000_000_000L + ts.get(ValueLayout.JAVA_LONG, 8);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
