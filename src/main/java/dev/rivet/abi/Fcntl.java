package dev.rivet.abi;

/**
 * open/fcntl/*at constants as the riscv64 guest sees them (asm-generic/fcntl.h; x86_64 shares
 * these values, aarch64 differs in four O_* bits: see {@code dev.rivet.host.HostOpenFlags}).
 */
public final class Fcntl {
    private Fcntl() {}

    // Access modes (low two bits) and O_PATH, which replaces them.
    public static final int O_ACCMODE = 0x3;
    public static final int O_RDONLY = 0x0;
    public static final int O_WRONLY = 0x1;
    public static final int O_RDWR = 0x2;

    public static final int O_CREAT = 0x40;
    public static final int O_EXCL = 0x80;
    public static final int O_NOCTTY = 0x100;
    public static final int O_TRUNC = 0x200;
    public static final int O_APPEND = 0x400;
    public static final int O_NONBLOCK = 0x800;
    public static final int O_DSYNC = 0x1000;
    public static final int O_ASYNC = 0x2000;  // FASYNC
    public static final int O_DIRECT = 0x4000;
    public static final int O_LARGEFILE = 0x8000;
    public static final int O_DIRECTORY = 0x10000;
    public static final int O_NOFOLLOW = 0x20000;
    public static final int O_NOATIME = 0x40000;
    public static final int O_CLOEXEC = 0x80000;
    public static final int __O_SYNC = 0x100000;
    public static final int O_SYNC = __O_SYNC | O_DSYNC;
    public static final int O_PATH = 0x200000;
    public static final int __O_TMPFILE = 0x400000;
    public static final int O_TMPFILE = __O_TMPFILE | O_DIRECTORY;

    /** Every flag open(2) knows (the kernel's VALID_OPEN_FLAGS); other bits are ignored by open. */
    public static final int VALID_OPEN_FLAGS = O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_APPEND
            | O_NONBLOCK | O_DSYNC | O_ASYNC | O_DIRECT | O_LARGEFILE | O_DIRECTORY | O_NOFOLLOW | O_NOATIME
            | O_CLOEXEC | __O_SYNC | O_PATH | __O_TMPFILE;

    /** The status flags F_SETFL may change (the kernel's SETFL_MASK). */
    public static final int SETFL_MASK = O_APPEND | O_NONBLOCK | O_ASYNC | O_DIRECT | O_NOATIME;

    // fcntl commands.
    public static final int F_DUPFD = 0;
    public static final int F_GETFD = 1;
    public static final int F_SETFD = 2;
    public static final int F_GETFL = 3;
    public static final int F_SETFL = 4;
    public static final int F_DUPFD_CLOEXEC = 1030;
    public static final int FD_CLOEXEC = 1;
    // Record locks (struct flock, 32 bytes on every 64-bit Linux: type, whence, start, len, pid).
    public static final int F_GETLK = 5, F_SETLK = 6, F_SETLKW = 7;
    public static final int F_OFD_GETLK = 36, F_OFD_SETLK = 37, F_OFD_SETLKW = 38;
    public static final int FLOCK_SIZE = 32;
    public static final int FLOCK_PID = 24;
    public static final short F_RDLCK = 0, F_WRLCK = 1, F_UNLCK = 2;

    // *at() conventions.
    public static final int AT_FDCWD = -100;
    public static final int AT_SYMLINK_NOFOLLOW = 0x100;
    public static final int AT_EACCESS = 0x200;
    public static final int AT_REMOVEDIR = 0x200;
    public static final int AT_SYMLINK_FOLLOW = 0x400;
    public static final int AT_NO_AUTOMOUNT = 0x800;
    public static final int AT_EMPTY_PATH = 0x1000;
    public static final int AT_STATX_SYNC_TYPE = 0x6000;

    // renameat2 flags.
    public static final int RENAME_NOREPLACE = 1;
    public static final int RENAME_EXCHANGE = 2;
    public static final int RENAME_WHITEOUT = 4;

    // access(2) modes.
    public static final int F_OK = 0, X_OK = 1, W_OK = 2, R_OK = 4;

    // lseek whence.
    public static final int SEEK_SET = 0, SEEK_CUR = 1, SEEK_END = 2, SEEK_DATA = 3, SEEK_HOLE = 4;

    /** Longest path the kernel accepts, including the NUL. */
    public static final int PATH_MAX = 4096;

    // File type bits of st_mode.
    public static final int S_IFMT = 0170000;
    public static final int S_IFDIR = 0040000;
    public static final int S_IFREG = 0100000;
    public static final int S_IFLNK = 0120000;
}
