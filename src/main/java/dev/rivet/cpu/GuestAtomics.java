package dev.rivet.cpu;

import java.lang.reflect.Field;
import java.nio.ByteOrder;

/**
 * Atomic 32- and 64-bit operations on naturally aligned words inside a guest page's
 * {@code byte[]}, for the A extension (and the kernel's futexes).
 *
 * <p>Why not VarHandles: since JDK 23, {@code MethodHandles.byteArrayViewVarHandle} (and heap
 * byte buffers and heap memory segments) support only plain access on {@code byte[]}, because
 * Java does not promise that array elements are aligned. No public API offers a word-sized
 * atomic on a byte array, and a lock would not be atomic against other harts' plain stores
 * (a spinlock released by a plain store could be lost). So this class uses
 * {@code sun.misc.Unsafe}, checking at start-up the two facts it relies on: the array base
 * offset is 8-byte aligned (so an aligned guest word is aligned in the heap) and the host is
 * little-endian like the guest. JDK 24+ warns on first use unless the JVM runs with
 * {@code --sun-misc-unsafe-memory-access=allow}; the launcher passes it. If pages ever become
 * native {@code MemorySegment}s or {@code long[]}, only this class changes.
 */
@SuppressWarnings({"removal", "deprecation"})
public final class GuestAtomics {
    private GuestAtomics() {}

    private static final sun.misc.Unsafe U;
    private static final long BASE;

    static {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            U = (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        BASE = U.arrayBaseOffset(byte[].class);
        if (BASE % 8 != 0 || ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new ExceptionInInitializerError("guest atomics need a little-endian host and 8-byte aligned byte[] data"
                    + " (do not run with -XX:+UseCompactObjectHeaders)");
        }
    }

    public static int getInt(byte[] p, int o) { return U.getIntVolatile(p, BASE + o); }

    static long getLong(byte[] p, int o) { return U.getLongVolatile(p, BASE + o); }

    public static boolean casInt(byte[] p, int o, int expect, int update) { return U.compareAndSwapInt(p, BASE + o, expect, update); }

    static boolean casLong(byte[] p, int o, long expect, long update) { return U.compareAndSwapLong(p, BASE + o, expect, update); }

    static int getAndAddInt(byte[] p, int o, int v) { return U.getAndAddInt(p, BASE + o, v); }

    static long getAndAddLong(byte[] p, int o, long v) { return U.getAndAddLong(p, BASE + o, v); }

    static int getAndSetInt(byte[] p, int o, int v) { return U.getAndSetInt(p, BASE + o, v); }

    static long getAndSetLong(byte[] p, int o, long v) { return U.getAndSetLong(p, BASE + o, v); }
}
