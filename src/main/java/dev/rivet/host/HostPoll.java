package dev.rivet.host;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * The host's readiness of one fd, from poll(2) with a zero timeout: what a host-backed guest
 * file (the terminal, a host pipe or FIFO) answers to the guest's poll and select. POLL* bits
 * are the same on host and guest (asm-generic).
 */
public final class HostPoll {
    private HostPoll() {}

    private static final class POLL {
        static final MethodHandle H = Linker.nativeLinker().downcallHandle(
                Linker.nativeLinker().defaultLookup().find("poll").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    }

    private static final ThreadLocal<MemorySegment> PFD = ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(8, 8));

    /**
     * Waits at most {@code timeoutMillis} for {@code events} on host fd {@code fd}; returns the
     * ready ones (0 on timeout, or when the host's poll was interrupted, which a caller's loop
     * treats as one more slice).
     */
    public static int await(int fd, int events, int timeoutMillis) {
        return poll(fd, events, timeoutMillis);
    }

    /** The events of {@code events} ready on host fd {@code fd} now (plus POLLERR/POLLHUP/POLLNVAL, which are always reported). */
    public static int ready(int fd, int events) {
        return poll(fd, events, 0);
    }

    private static int poll(int fd, int events, int timeoutMillis) {
        MemorySegment p = PFD.get();
        p.set(JAVA_INT, 0, fd);
        p.set(JAVA_SHORT, 4, (short) events);
        p.set(JAVA_SHORT, 6, (short) 0);
        try {
            int n = (int) POLL.H.invokeExact(p, 1L, timeoutMillis);
            return n <= 0 ? 0 : p.get(JAVA_SHORT, 6) & 0xffff;
        } catch (Throwable t) {
            throw new IllegalStateException("host poll failed", t);
        }
    }
}
