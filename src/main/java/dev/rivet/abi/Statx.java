package dev.rivet.abi;

/**
 * Layout of {@code struct statx} (include/uapi/linux/stat.h): the same on every architecture, so
 * the host's bytes are passed to the guest unchanged. 256 bytes; timestamps are
 * {@code struct statx_timestamp {s64 tv_sec; u32 tv_nsec; s32 __reserved;}}.
 */
public final class Statx {
    private Statx() {}

    public static final int SIZE = 256;

    public static final int MASK = 0;          // u32
    public static final int BLKSIZE = 4;       // u32
    public static final int ATTRIBUTES = 8;    // u64
    public static final int NLINK = 16;        // u32
    public static final int UID = 20;          // u32
    public static final int GID = 24;          // u32
    public static final int MODE = 28;         // u16
    public static final int INO = 32;          // u64
    public static final int SIZE_ = 40;        // u64 st_size
    public static final int BLOCKS = 48;       // u64
    public static final int ATTRIBUTES_MASK = 56;
    public static final int ATIME = 64;
    public static final int BTIME = 80;
    public static final int CTIME = 96;
    public static final int MTIME = 112;
    public static final int RDEV_MAJOR = 128;  // u32
    public static final int RDEV_MINOR = 132;
    public static final int DEV_MAJOR = 136;
    public static final int DEV_MINOR = 140;

    // stx_mask bits.
    public static final int STATX_TYPE = 0x1;
    public static final int STATX_MODE = 0x2;
    public static final int STATX_NLINK = 0x4;
    public static final int STATX_UID = 0x8;
    public static final int STATX_GID = 0x10;
    public static final int STATX_ATIME = 0x20;
    public static final int STATX_MTIME = 0x40;
    public static final int STATX_CTIME = 0x80;
    public static final int STATX_INO = 0x100;
    public static final int STATX_SIZE = 0x200;
    public static final int STATX_BLOCKS = 0x400;
    public static final int STATX_BASIC_STATS = 0x7ff;
    /** Reserved for a future struct extension: the kernel refuses it with EINVAL. */
    public static final int STATX__RESERVED = 0x80000000;
}
