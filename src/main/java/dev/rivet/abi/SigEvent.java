package dev.rivet.abi;

import dev.rivet.mm.GuestMemory;

/**
 * {@code struct sigevent} of riscv64 (64 bytes): {@code sigev_value} (8 bytes at 0),
 * {@code sigev_signo} (int at 8), {@code sigev_notify} (int at 12, here {@code how}), then a union whose
 * {@code sigev_notify_thread_id} is the int at 16. Only these fields matter to the kernel.
 */
public record SigEvent(long value, int signo, int how, int threadId) {
    public static final int SIZE = 64;
    /** sigev_notify values; SIGEV_THREAD_ID is or'ed with SIGEV_SIGNAL (0). */
    public static final int SIGEV_SIGNAL = 0, SIGEV_NONE = 1, SIGEV_THREAD = 2, SIGEV_THREAD_ID = 4;

    /** Reads the whole struct, as Linux's copy_from_user does: EFAULT if any of it is unreadable. */
    public static SigEvent read(GuestMemory m, long addr) throws ErrnoException {
        byte[] b = m.read(addr, SIZE);
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        return new SigEvent(bb.getLong(0), bb.getInt(8), bb.getInt(12), bb.getInt(16));
    }
}
