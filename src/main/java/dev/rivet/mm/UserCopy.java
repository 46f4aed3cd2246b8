package dev.rivet.mm;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import static dev.rivet.mm.AddressSpace.PAGE_SIZE;

/**
 * The {@link GuestMemory} side of an address space: user-style accesses (the protections a
 * user access would meet, faults as EFAULT), page by page so copies may cross pages.
 */
final class UserCopy {
    private UserCopy() {}

    private static final VarHandle LE16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static int offset(long addr) { return (int) addr & (PAGE_SIZE - 1); }

    static byte read8(AddressSpace as, long addr) throws ErrnoException {
        return as.user(addr, Access.READ)[offset(addr)];
    }

    /** A little-endian value of {@code size} bytes; one that crosses a page is read byte by byte. */
    static long readLE(AddressSpace as, long addr, int size) throws ErrnoException {
        int o = offset(addr);
        if (o <= PAGE_SIZE - size) {
            byte[] p = as.user(addr, Access.READ);
            return switch (size) {
                case 2 -> (short) LE16.get(p, o);
                case 4 -> (int) LE32.get(p, o);
                default -> (long) LE64.get(p, o);
            };
        }
        long v = 0;
        for (int i = 0; i < size; i++) v |= (read8(as, addr + i) & 0xffL) << (8 * i);
        return v;
    }

    static void writeLE(AddressSpace as, long addr, long v, int size) throws ErrnoException {
        int o = offset(addr);
        if (o <= PAGE_SIZE - size) {
            byte[] p = as.user(addr, Access.WRITE);
            switch (size) {
                case 1 -> p[o] = (byte) v;
                case 2 -> LE16.set(p, o, (short) v);
                case 4 -> LE32.set(p, o, (int) v);
                default -> LE64.set(p, o, v);
            }
            return;
        }
        // Crossing a page: check both pages first so a fault on the second writes nothing.
        as.user(addr, Access.WRITE);
        as.user(addr + size - 1, Access.WRITE);
        for (int i = 0; i < size; i++) as.user(addr + i, Access.WRITE)[offset(addr + i)] = (byte) (v >>> (8 * i));
    }

    static void copyOut(AddressSpace as, long addr, byte[] dst, int off, int len) throws ErrnoException {
        java.util.Objects.checkFromIndexSize(off, len, dst.length);
        if (len > 0 && !inUserRange(addr, len)) throw Errno.EFAULT.ex();
        while (len > 0) {
            int o = offset(addr), n = Math.min(len, PAGE_SIZE - o);
            System.arraycopy(as.user(addr, Access.READ), o, dst, off, n);
            addr += n; off += n; len -= n;
        }
    }

    static void copyIn(AddressSpace as, long addr, byte[] src, int off, int len, boolean force) throws ErrnoException {
        java.util.Objects.checkFromIndexSize(off, len, src.length);
        if (len > 0 && !inUserRange(addr, len)) throw Errno.EFAULT.ex();
        while (len > 0) {
            int o = offset(addr), n = Math.min(len, PAGE_SIZE - o);
            byte[] p = force ? as.kernel(addr) : as.user(addr, Access.WRITE);
            System.arraycopy(src, off, p, o, n);
            addr += n; off += n; len -= n;
        }
    }

    /** access_ok: the whole range lies below TASK_SIZE (and does not wrap). */
    private static boolean inUserRange(long addr, long len) {
        return addr >= 0 && addr < Layout.TASK_SIZE && len <= Layout.TASK_SIZE - addr;
    }

    /**
     * A NUL-terminated string of at most {@code max} bytes: EFAULT if unmapped memory comes
     * before the NUL, ENAMETOOLONG if {@code max} bytes pass without one.
     */
    static byte[] readCBytes(AddressSpace as, long addr, int max) throws ErrnoException {
        long at = addr;
        int n = 0;
        while (true) {
            byte[] p = as.user(at, Access.READ);
            for (int i = offset(at); i < PAGE_SIZE; i++, n++) {
                if (p[i] == 0) {
                    byte[] out = new byte[n];
                    copyOut(as, addr, out, 0, n);
                    return out;
                }
                if (n == max) throw Errno.ENAMETOOLONG.ex();
            }
            at = (at | (PAGE_SIZE - 1)) + 1;
        }
    }
}
