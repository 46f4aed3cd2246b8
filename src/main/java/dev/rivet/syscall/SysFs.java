package dev.rivet.syscall;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Fcntl;
import dev.rivet.abi.Stat;
import dev.rivet.abi.Statx;
import dev.rivet.fs.FsContext;
import dev.rivet.fs.OpenFile;
import dev.rivet.kernel.Task;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static dev.rivet.syscall.ArgKind.BUF_OUT;
import static dev.rivet.syscall.ArgKind.DIRFD;
import static dev.rivet.syscall.ArgKind.FD;
import static dev.rivet.syscall.ArgKind.HEX;
import static dev.rivet.syscall.ArgKind.INT;
import static dev.rivet.syscall.ArgKind.MODE;
import static dev.rivet.syscall.ArgKind.PATH;
import static dev.rivet.syscall.ArgKind.SIZE;
import static dev.rivet.syscall.ArgKind.STRUCT;

/**
 * Path-based file system calls: stat family, readlink, access, cwd, mkdir, unlink, rename,
 * symlink, link, umask. Paths resolve through the process's {@link dev.rivet.fs.Vfs}.
 */
public final class SysFs {
    private SysFs() {}

    private static final byte[] PROC_SELF_EXE = "/proc/self/exe".getBytes(StandardCharsets.US_ASCII);

    public static void register(SyscallTable t) {
        t.add("fstat", SysFs::fstat, FD, STRUCT);
        t.add("newfstatat", SysFs::newfstatat, DIRFD, PATH, STRUCT, HEX);
        t.add("statx", SysFs::statx, DIRFD, PATH, HEX, HEX, STRUCT);
        t.partial("readlinkat", "/proc/self/exe, /proc/self/fd/N, /dev/fd/N and /proc/self/cwd are answered in guest "
                + "terms; the rest of /proc is the host's (the JVM's)",
                SysFs::readlinkat, DIRFD, PATH, BUF_OUT, SIZE);
        t.add("faccessat", SysFs::faccessat, DIRFD, PATH, INT);
        t.add("faccessat2", SysFs::faccessat2, DIRFD, PATH, INT, HEX);
        t.add("getcwd", SysFs::getcwd, BUF_OUT, SIZE);
        t.add("chdir", SysFs::chdir, PATH);
        t.add("fchdir", SysFs::fchdir, FD);
        t.add("mkdirat", SysFs::mkdirat, DIRFD, PATH, MODE);
        t.add("unlinkat", SysFs::unlinkat, DIRFD, PATH, HEX);
        t.add("renameat2", SysFs::renameat2, DIRFD, PATH, DIRFD, PATH, HEX);
        t.add("symlinkat", SysFs::symlinkat, PATH, DIRFD, PATH);
        t.add("linkat", SysFs::linkat, DIRFD, PATH, DIRFD, PATH, HEX);
        t.add("umask", SysFs::umask, MODE);
    }

    /** A path argument as the kernel's getname reads it: EFAULT, ENAMETOOLONG (PATH_MAX incl. NUL), ENOENT if empty. */
    static byte[] path(Task t, long addr) throws ErrnoException {
        byte[] p = pathOrEmpty(t, addr);
        if (p.length == 0) throw Errno.ENOENT.ex();
        return p;
    }

    /** A path that may be empty (AT_EMPTY_PATH); a NULL pointer reads as empty, as since Linux 6.11. */
    static byte[] pathOrEmpty(Task t, long addr) throws ErrnoException {
        if (addr == 0) return new byte[0];
        return t.memory().readCBytes(addr, Fcntl.PATH_MAX - 1);
    }

    private static byte[] pathFor(Task t, long addr, int flags) throws ErrnoException {
        return (flags & Fcntl.AT_EMPTY_PATH) != 0 ? pathOrEmpty(t, addr) : path(t, addr);
    }

    static long fstat(Task t, Args a) throws ErrnoException {
        byte[] sx;
        try (OpenFile f = t.process.fds.get(a.i(0))) {
            sx = f.statx(0, Statx.STATX_BASIC_STATS);
        }
        t.memory().write(a.l(1), Stat.fromStatx(sx));
        return 0;
    }

    static long newfstatat(Task t, Args a) throws ErrnoException {
        int flags = a.i(3);
        if ((flags & ~(Fcntl.AT_SYMLINK_NOFOLLOW | Fcntl.AT_NO_AUTOMOUNT | Fcntl.AT_EMPTY_PATH)) != 0) throw Errno.EINVAL.ex();
        byte[] path = pathFor(t, a.l(1), flags);
        FsContext fs = t.process.fs;
        byte[] sx = fs.vfs.statx(fs, t.process.fds, a.i(0), path, flags, Statx.STATX_BASIC_STATS);
        t.memory().write(a.l(2), Stat.fromStatx(sx));
        return 0;
    }

    static long statx(Task t, Args a) throws ErrnoException {
        int flags = a.i(2), mask = a.i(3);
        if ((flags & ~(Fcntl.AT_SYMLINK_NOFOLLOW | Fcntl.AT_NO_AUTOMOUNT | Fcntl.AT_EMPTY_PATH
                | Fcntl.AT_STATX_SYNC_TYPE)) != 0) throw Errno.EINVAL.ex();
        if ((flags & Fcntl.AT_STATX_SYNC_TYPE) == Fcntl.AT_STATX_SYNC_TYPE) throw Errno.EINVAL.ex();
        if ((mask & Statx.STATX__RESERVED) != 0) throw Errno.EINVAL.ex();
        byte[] path = pathFor(t, a.l(1), flags);
        FsContext fs = t.process.fs;
        byte[] sx = fs.vfs.statx(fs, t.process.fds, a.i(0), path, flags, mask);
        t.memory().write(a.l(4), sx);
        return 0;
    }

    static long readlinkat(Task t, Args a) throws ErrnoException {
        int bufsiz = a.i(3);
        if (bufsiz <= 0) throw Errno.EINVAL.ex();
        byte[] path = pathOrEmpty(t, a.l(1));  // readlinkat always allows an empty path
        byte[] target;
        String exe = t.process.exePath;
        if (Arrays.equals(path, PROC_SELF_EXE) && exe != null) {
            // Until /proc exists, the host's /proc/self/exe would name the JVM.
            target = exe.getBytes(StandardCharsets.UTF_8);
        } else {
            FsContext fs = t.process.fs;
            target = fs.vfs.readlink(fs, t.process.fds, a.i(0), path);
        }
        int n = Math.min(target.length, bufsiz);
        t.memory().write(a.l(2), target, 0, n);
        return n;
    }

    static long faccessat(Task t, Args a) throws ErrnoException {
        return access(t, a.i(0), a.l(1), a.i(2), 0);
    }

    static long faccessat2(Task t, Args a) throws ErrnoException {
        return access(t, a.i(0), a.l(1), a.i(2), a.i(3));
    }

    private static long access(Task t, int dirfd, long pathAddr, int mode, int flags) throws ErrnoException {
        if ((mode & ~(Fcntl.R_OK | Fcntl.W_OK | Fcntl.X_OK)) != 0) throw Errno.EINVAL.ex();
        if ((flags & ~(Fcntl.AT_EACCESS | Fcntl.AT_SYMLINK_NOFOLLOW | Fcntl.AT_EMPTY_PATH)) != 0) throw Errno.EINVAL.ex();
        byte[] path = pathFor(t, pathAddr, flags);
        FsContext fs = t.process.fs;
        fs.vfs.access(fs, t.process.fds, dirfd, path, mode, flags);
        return 0;
    }

    static long getcwd(Task t, Args a) throws ErrnoException {
        FsContext fs = t.process.fs;
        byte[] cwd = fs.vfs.cwdPath(fs);
        long len = cwd.length + 1L;
        if (Long.compareUnsigned(len, a.l(1)) > 0) throw Errno.ERANGE.ex();
        byte[] out = Arrays.copyOf(cwd, cwd.length + 1);
        t.memory().write(a.l(0), out);
        return len;
    }

    static long chdir(Task t, Args a) throws ErrnoException {
        byte[] path = path(t, a.l(0));
        FsContext fs = t.process.fs;
        fs.vfs.chdir(fs, t.process.fds, path);
        return 0;
    }

    static long fchdir(Task t, Args a) throws ErrnoException {
        FsContext fs = t.process.fs;
        fs.vfs.fchdir(fs, t.process.fds, a.i(0));
        return 0;
    }

    static long mkdirat(Task t, Args a) throws ErrnoException {
        byte[] path = path(t, a.l(1));
        FsContext fs = t.process.fs;
        fs.vfs.mkdir(fs, t.process.fds, a.i(0), path, a.i(2));
        return 0;
    }

    static long unlinkat(Task t, Args a) throws ErrnoException {
        int flags = a.i(2);
        if ((flags & ~Fcntl.AT_REMOVEDIR) != 0) throw Errno.EINVAL.ex();
        byte[] path = path(t, a.l(1));
        FsContext fs = t.process.fs;
        fs.vfs.unlink(fs, t.process.fds, a.i(0), path, flags);
        return 0;
    }

    static long renameat2(Task t, Args a) throws ErrnoException {
        byte[] from = path(t, a.l(1));
        byte[] to = path(t, a.l(3));
        FsContext fs = t.process.fs;
        fs.vfs.rename(fs, t.process.fds, a.i(0), from, a.i(2), to, a.i(4));
        return 0;
    }

    static long symlinkat(Task t, Args a) throws ErrnoException {
        byte[] target = path(t, a.l(0));
        byte[] link = path(t, a.l(2));
        FsContext fs = t.process.fs;
        fs.vfs.symlink(fs, t.process.fds, target, a.i(1), link);
        return 0;
    }

    static long linkat(Task t, Args a) throws ErrnoException {
        int flags = a.i(4);
        if ((flags & ~(Fcntl.AT_SYMLINK_FOLLOW | Fcntl.AT_EMPTY_PATH)) != 0) throw Errno.EINVAL.ex();
        byte[] from = pathFor(t, a.l(1), flags);
        byte[] to = path(t, a.l(3));
        FsContext fs = t.process.fs;
        fs.vfs.link(fs, t.process.fds, a.i(0), from, a.i(2), to, flags);
        return 0;
    }

    static long umask(Task t, Args a) {
        return t.process.fs.setUmask(a.i(0));
    }
}
