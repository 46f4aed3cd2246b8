package dev.rivet.syscall;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Fcntl;
import dev.rivet.fs.FdTable;
import dev.rivet.fs.OpenFile;
import dev.rivet.kernel.Task;

import static dev.rivet.syscall.ArgKind.DIRFD;
import static dev.rivet.syscall.ArgKind.FD;
import static dev.rivet.syscall.ArgKind.INT;
import static dev.rivet.syscall.ArgKind.LONG;
import static dev.rivet.syscall.ArgKind.MODE;
import static dev.rivet.syscall.ArgKind.OPEN_FLAGS;
import static dev.rivet.syscall.ArgKind.PATH;
import static dev.rivet.syscall.ArgKind.PTR;
import static dev.rivet.syscall.ArgKind.SIZE;
import static dev.rivet.syscall.ArgKind.BUF_IN;
import static dev.rivet.syscall.ArgKind.BUF_OUT;

/**
 * File descriptor I/O: open/close, read/write and their vector and positional forms, lseek,
 * getdents64, ftruncate, fsync, dup. The work happens in the description ({@link OpenFile}),
 * the fd table and {@link dev.rivet.fs.Vfs}; these handlers decode and encode.
 */
public final class SysFile {
    private SysFile() {}

    public static void register(SyscallTable t) {
        t.add("openat", SysFile::openat, DIRFD, PATH, OPEN_FLAGS, MODE);
        t.add("close", SysFile::close, FD);
        t.add("read", SysFile::read, FD, BUF_OUT, SIZE);
        t.add("write", SysFile::write, FD, BUF_IN, SIZE);
        t.add("readv", SysFile::readv, FD, PTR, INT);
        t.add("writev", SysFile::writev, FD, PTR, INT);
        t.add("pread64", SysFile::pread64, FD, BUF_OUT, SIZE, LONG);
        t.add("pwrite64", SysFile::pwrite64, FD, BUF_IN, SIZE, LONG);
        t.add("lseek", SysFile::lseek, FD, LONG, INT);
        t.add("getdents64", SysFile::getdents64, FD, PTR, SIZE);
        t.add("ftruncate", SysFile::ftruncate, FD, LONG);
        t.add("fsync", SysFile::fsync, FD);
        t.add("fdatasync", SysFile::fdatasync, FD);
        t.add("dup", SysFile::dup, FD);
        t.add("dup3", SysFile::dup3, FD, FD, OPEN_FLAGS);
    }

    static FdTable fds(Task t) { return t.process.fds; }

    static long openat(Task t, Args a) throws ErrnoException {
        byte[] path = SysFs.path(t, a.l(1));
        int flags = a.i(2);
        FdTable fds = fds(t);
        // The number comes first, as in Linux: EMFILE leaves no O_CREAT side effect.
        int fd = fds.reserve((flags & Fcntl.O_CLOEXEC) != 0);
        try {
            fds.install(fd, t.process.fs.vfs.open(t.process.fs, fds, a.i(0), path, flags, a.i(3)));
            return fd;
        } catch (ErrnoException e) {
            fds.unreserve(fd);
            throw e;
        }
    }

    static long close(Task t, Args a) throws ErrnoException {
        fds(t).close(a.i(0));
        return 0;
    }

    static long read(Task t, Args a) throws ErrnoException {
        try (OpenFile f = fds(t).get(a.i(0))) {
            return FileIo.read(f, t.memory(), FileIo.Segments.one(a.l(1), a.l(2)), false, 0);
        }
    }

    static long write(Task t, Args a) throws ErrnoException {
        try (OpenFile f = fds(t).get(a.i(0))) {
            return FileIo.write(f, t.memory(), FileIo.Segments.one(a.l(1), a.l(2)), false, 0);
        }
    }

    static long readv(Task t, Args a) throws ErrnoException {
        try (OpenFile f = fds(t).get(a.i(0))) {
            return FileIo.read(f, t.memory(), FileIo.iovecs(t.memory(), a.l(1), a.i(2)), false, 0);
        }
    }

    static long writev(Task t, Args a) throws ErrnoException {
        try (OpenFile f = fds(t).get(a.i(0))) {
            return FileIo.write(f, t.memory(), FileIo.iovecs(t.memory(), a.l(1), a.i(2)), false, 0);
        }
    }

    static long pread64(Task t, Args a) throws ErrnoException {
        try (OpenFile f = fds(t).get(a.i(0))) {
            if (a.l(3) < 0) throw Errno.EINVAL.ex();
            return FileIo.read(f, t.memory(), FileIo.Segments.one(a.l(1), a.l(2)), true, a.l(3));
        }
    }

    static long pwrite64(Task t, Args a) throws ErrnoException {
        try (OpenFile f = fds(t).get(a.i(0))) {
            if (a.l(3) < 0) throw Errno.EINVAL.ex();
            return FileIo.write(f, t.memory(), FileIo.Segments.one(a.l(1), a.l(2)), true, a.l(3));
        }
    }

    static long lseek(Task t, Args a) throws ErrnoException {
        try (OpenFile f = fds(t).get(a.i(0))) {
            return f.seek(a.l(1), a.i(2));
        }
    }

    static long getdents64(Task t, Args a) throws ErrnoException {
        try (OpenFile f = fds(t).get(a.i(0))) {
            // count is an unsigned int; a huge one only means "as many as fit".
            int count = (int) Math.min(a.u32(2), Integer.MAX_VALUE);
            byte[] ents = f.getdents(count);
            t.memory().write(a.l(1), ents);
            return ents.length;
        }
    }

    static long ftruncate(Task t, Args a) throws ErrnoException {
        try (OpenFile f = fds(t).get(a.i(0))) {
            if (a.l(1) < 0) throw Errno.EINVAL.ex();
            f.truncate(a.l(1));
            return 0;
        }
    }

    static long fsync(Task t, Args a) throws ErrnoException {
        try (OpenFile f = fds(t).get(a.i(0))) {
            f.sync(false);
            return 0;
        }
    }

    static long fdatasync(Task t, Args a) throws ErrnoException {
        try (OpenFile f = fds(t).get(a.i(0))) {
            f.sync(true);
            return 0;
        }
    }

    static long dup(Task t, Args a) throws ErrnoException {
        return fds(t).dup(a.i(0));
    }

    static long dup3(Task t, Args a) throws ErrnoException {
        int flags = a.i(2);
        if ((flags & ~Fcntl.O_CLOEXEC) != 0) throw Errno.EINVAL.ex();
        if (a.i(0) == a.i(1)) throw Errno.EINVAL.ex();
        return fds(t).dup3(a.i(0), a.i(1), flags != 0);
    }
}
