package dev.rivet.syscall;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Fcntl;
import dev.rivet.fs.FsContext;
import dev.rivet.fs.OpenFile;
import dev.rivet.kernel.Task;

import static dev.rivet.syscall.ArgKind.DIRFD;
import static dev.rivet.syscall.ArgKind.FD;
import static dev.rivet.syscall.ArgKind.HEX;
import static dev.rivet.syscall.ArgKind.INT;
import static dev.rivet.syscall.ArgKind.LONG;
import static dev.rivet.syscall.ArgKind.MODE;
import static dev.rivet.syscall.ArgKind.PATH;
import static dev.rivet.syscall.ArgKind.STRUCT;

/**
 * File attributes: permissions, owners, timestamps, size by path, file system statistics,
 * device nodes. The host file system applies them, so its checks (EPERM, EROFS …) are Linux's.
 */
public final class SysAttr {
    private SysAttr() {}

    /** Two {@code struct __kernel_timespec} (sec, nsec as 64-bit each): utimensat's times. */
    static final int TIMES_SIZE = 32;

    public static void register(SyscallTable t) {
        t.add("fchmod", SysAttr::fchmod, FD, MODE);
        t.add("fchmodat", SysAttr::fchmodat, DIRFD, PATH, MODE);
        t.add("fchown", SysAttr::fchown, FD, INT, INT);
        t.add("fchownat", SysAttr::fchownat, DIRFD, PATH, INT, INT, HEX);
        t.add("utimensat", SysAttr::utimensat, DIRFD, PATH, STRUCT, HEX);
        t.add("truncate", SysAttr::truncate, PATH, LONG);
        t.add("statfs", SysAttr::statfs, PATH, STRUCT);
        t.add("fstatfs", SysAttr::fstatfs, FD, STRUCT);
        t.add("mknodat", SysAttr::mknodat, DIRFD, PATH, MODE, HEX);
    }

    static long fchmod(Task t, Args a) throws ErrnoException {
        try (OpenFile f = t.process.fds.get(a.i(0))) {
            f.chmod(a.i(1) & 07777);
            return 0;
        }
    }

    static long fchmodat(Task t, Args a) throws ErrnoException {
        byte[] path = SysFs.path(t, a.l(1));
        FsContext fs = t.process.fs;
        fs.vfs.chmod(fs, t.process.fds, a.i(0), path, a.i(2), 0);
        return 0;
    }

    static long fchown(Task t, Args a) throws ErrnoException {
        try (OpenFile f = t.process.fds.get(a.i(0))) {
            f.chown(a.i(1), a.i(2));
            return 0;
        }
    }

    static long fchownat(Task t, Args a) throws ErrnoException {
        int flags = a.i(4);
        if ((flags & ~(Fcntl.AT_SYMLINK_NOFOLLOW | Fcntl.AT_EMPTY_PATH)) != 0) throw Errno.EINVAL.ex();
        byte[] path = (flags & Fcntl.AT_EMPTY_PATH) != 0 ? SysFs.pathOrEmpty(t, a.l(1)) : SysFs.path(t, a.l(1));
        FsContext fs = t.process.fs;
        fs.vfs.chown(fs, t.process.fds, a.i(0), path, a.i(2), a.i(3), flags);
        return 0;
    }

    static long utimensat(Task t, Args a) throws ErrnoException {
        int dirfd = a.i(0), flags = a.i(3);
        long pathAddr = a.l(1), timesAddr = a.l(2);
        if ((flags & ~(Fcntl.AT_SYMLINK_NOFOLLOW | Fcntl.AT_EMPTY_PATH)) != 0) throw Errno.EINVAL.ex();
        byte[] times = timesAddr == 0 ? null : t.memory().read(timesAddr, TIMES_SIZE);
        if (pathAddr == 0 && dirfd != Fcntl.AT_FDCWD) {
            // A NULL path means the fd itself (futimens), and then no flags are allowed.
            if (flags != 0) throw Errno.EINVAL.ex();
            try (OpenFile f = t.process.fds.get(dirfd)) {
                f.setTimes(times);
                return 0;
            }
        }
        byte[] path = (flags & Fcntl.AT_EMPTY_PATH) != 0 ? SysFs.pathOrEmpty(t, pathAddr) : SysFs.path(t, pathAddr);
        FsContext fs = t.process.fs;
        fs.vfs.setTimes(fs, t.process.fds, dirfd, path, times, flags);
        return 0;
    }

    static long truncate(Task t, Args a) throws ErrnoException {
        byte[] path = SysFs.path(t, a.l(0));
        if (a.l(1) < 0) throw Errno.EINVAL.ex();
        FsContext fs = t.process.fs;
        fs.vfs.truncate(fs, t.process.fds, path, a.l(1));
        return 0;
    }

    static long statfs(Task t, Args a) throws ErrnoException {
        byte[] path = SysFs.path(t, a.l(0));
        FsContext fs = t.process.fs;
        t.memory().write(a.l(1), fs.vfs.statfs(fs, t.process.fds, path));
        return 0;
    }

    static long fstatfs(Task t, Args a) throws ErrnoException {
        byte[] out;
        try (OpenFile f = t.process.fds.get(a.i(0))) {
            out = f.statfs();
        }
        t.memory().write(a.l(1), out);
        return 0;
    }

    static long mknodat(Task t, Args a) throws ErrnoException {
        byte[] path = SysFs.path(t, a.l(1));
        FsContext fs = t.process.fs;
        fs.vfs.mknod(fs, t.process.fds, a.i(0), path, a.i(2), a.i(3));
        return 0;
    }
}
