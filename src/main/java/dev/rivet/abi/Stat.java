package dev.rivet.abi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * riscv64's {@code struct stat} (asm-generic/stat.h), 128 bytes, as fstat/newfstatat fill it,
 * built from a {@link Statx} the way the kernel's {@code cp_new_stat} builds it from a kstat.
 */
public final class Stat {
    private Stat() {}

    public static final int SIZE = 128;

    public static final int DEV = 0;        // u64
    public static final int INO = 8;        // u64
    public static final int MODE = 16;      // u32
    public static final int NLINK = 20;     // u32
    public static final int UID = 24;       // u32
    public static final int GID = 28;       // u32
    public static final int RDEV = 32;      // u64
    // __pad1 u64 at 40
    public static final int SIZE_ = 48;     // i64 st_size
    public static final int BLKSIZE = 56;   // i32
    // __pad2 i32 at 60
    public static final int BLOCKS = 64;    // i64
    public static final int ATIME = 72;     // i64 sec, u64 nsec
    public static final int MTIME = 88;
    public static final int CTIME = 104;
    // __unused4, __unused5 u32 at 120, 124

    /**
     * The kernel's {@code new_encode_dev}: what a 64-bit kernel stores in st_dev/st_rdev, and what
     * musl's and glibc's major()/minor() decode (12+20 bit major, 20 bit minor, interleaved).
     */
    public static long encodeDev(int major, int minor) {
        long ma = Integer.toUnsignedLong(major), mi = Integer.toUnsignedLong(minor);
        return (mi & 0xff) | (ma << 8) | ((mi & ~0xffL) << 12);
    }

    /** The guest's struct stat for a host statx result. */
    public static byte[] fromStatx(byte[] statx) {
        ByteBuffer sx = ByteBuffer.wrap(statx).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer st = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        st.putLong(DEV, encodeDev(sx.getInt(Statx.DEV_MAJOR), sx.getInt(Statx.DEV_MINOR)));
        st.putLong(INO, sx.getLong(Statx.INO));
        st.putInt(MODE, Short.toUnsignedInt(sx.getShort(Statx.MODE)));
        st.putInt(NLINK, sx.getInt(Statx.NLINK));
        st.putInt(UID, sx.getInt(Statx.UID));
        st.putInt(GID, sx.getInt(Statx.GID));
        st.putLong(RDEV, encodeDev(sx.getInt(Statx.RDEV_MAJOR), sx.getInt(Statx.RDEV_MINOR)));
        st.putLong(SIZE_, sx.getLong(Statx.SIZE_));
        st.putInt(BLKSIZE, sx.getInt(Statx.BLKSIZE));
        st.putLong(BLOCKS, sx.getLong(Statx.BLOCKS));
        time(sx, Statx.ATIME, st, ATIME);
        time(sx, Statx.MTIME, st, MTIME);
        time(sx, Statx.CTIME, st, CTIME);
        return st.array();
    }

    private static void time(ByteBuffer sx, int from, ByteBuffer st, int to) {
        st.putLong(to, sx.getLong(from));
        st.putLong(to + 8, Integer.toUnsignedLong(sx.getInt(from + 8)));
    }
}
