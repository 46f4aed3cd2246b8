package dev.rivet.mm;

import dev.rivet.abi.ErrnoException;

/**
 * The one way Java code outside the CPU touches guest bytes. Every method checks the guest's
 * protections as a user access would (a syscall writing into a read-only page is EFAULT, as on
 * Linux), goes through copy-on-write and code-cache invalidation, and reports any bad pointer
 * as {@code Errno.EFAULT}. All multi-byte values are little-endian.
 */
public interface GuestMemory {
    byte read8(long addr) throws ErrnoException;
    short read16(long addr) throws ErrnoException;
    int read32(long addr) throws ErrnoException;
    long read64(long addr) throws ErrnoException;

    void write8(long addr, byte v) throws ErrnoException;
    void write16(long addr, short v) throws ErrnoException;
    void write32(long addr, int v) throws ErrnoException;
    void write64(long addr, long v) throws ErrnoException;

    /** Copies {@code len} guest bytes at {@code addr} into {@code dst[off..]}. */
    void read(long addr, byte[] dst, int off, int len) throws ErrnoException;

    /** Copies {@code src[off..off+len)} to guest memory at {@code addr}. */
    void write(long addr, byte[] src, int off, int len) throws ErrnoException;

    default byte[] read(long addr, int len) throws ErrnoException {
        byte[] b = new byte[len];
        read(addr, b, 0, len);
        return b;
    }

    default void write(long addr, byte[] src) throws ErrnoException {
        write(addr, src, 0, src.length);
    }

    /**
     * Reads a NUL-terminated string of at most {@code max} bytes before the NUL (UTF-8 decoded
     * only for display; paths should use {@link #readCBytes}). EFAULT on a bad pointer,
     * ENAMETOOLONG when no NUL comes within {@code max} bytes.
     */
    default String readCString(long addr, int max) throws ErrnoException {
        return new String(readCBytes(addr, max), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The bytes of a NUL-terminated string, without the NUL (see {@link #readCString}). */
    byte[] readCBytes(long addr, int max) throws ErrnoException;

    /** Fills {@code len} bytes at {@code addr} with zero. */
    default void zero(long addr, long len) throws ErrnoException {
        byte[] z = new byte[(int) Math.min(len, 65536)];
        for (long done = 0; done < len; ) {
            int n = (int) Math.min(z.length, len - done);
            write(addr + done, z, 0, n);
            done += n;
        }
    }
}
