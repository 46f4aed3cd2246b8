package dev.rivet.host;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A per-thread native scratch buffer for data that passes between guest memory (Java arrays)
 * and host calls, so a read or write does not allocate (and zero) native memory each time.
 * One user at a time per thread: a syscall takes it, uses it and is done before the next.
 */
public final class NativeBuffer {
    private NativeBuffer() {}

    /** The largest buffer kept; bigger transfers are split by the caller. */
    public static final int MAX = 1 << 20;

    private static final ThreadLocal<MemorySegment[]> BUF = ThreadLocal.withInitial(() -> new MemorySegment[1]);

    /** A segment of at least {@code min(size, MAX)} bytes (contents undefined), valid on this thread. */
    public static MemorySegment get(int size) {
        int want = Math.min(Math.max(size, 1), MAX);
        MemorySegment[] box = BUF.get();
        MemorySegment m = box[0];
        if (m == null || m.byteSize() < want) {
            int cap = Math.min(MAX, Integer.highestOneBit(want - 1 == 0 ? 1 : want - 1) << 1);
            cap = Math.max(cap, Math.max(want, 4096));
            m = Arena.ofAuto().allocate(cap, 16);
            box[0] = m;
        }
        return m;
    }
}
