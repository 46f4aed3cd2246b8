package dev.rivet.syscall;

/**
 * A syscall's six raw arguments (a0..a5) with typed views, as the kernel's SYSCALL_DEFINE
 * would truncate them: an {@code int} argument uses only the low 32 bits of its register.
 */
public final class Args {
    private final long[] a = new long[6];

    public void set(long a0, long a1, long a2, long a3, long a4, long a5) {
        a[0] = a0; a[1] = a1; a[2] = a2; a[3] = a3; a[4] = a4; a[5] = a5;
    }

    /** Raw 64-bit register value (pointers, sizes, offsets). */
    public long l(int i) { return a[i]; }

    /** The argument as a C {@code int} (fds, flags, modes). */
    public int i(int i) { return (int) a[i]; }

    /** The argument as a C {@code unsigned int}, widened without sign. */
    public long u32(int i) { return a[i] & 0xffffffffL; }
}
