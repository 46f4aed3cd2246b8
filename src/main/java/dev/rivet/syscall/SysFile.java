package dev.rivet.syscall;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Fcntl;
import dev.rivet.abi.Signal;
import dev.rivet.fs.FdTable;
import dev.rivet.fs.OpenFile;
import dev.rivet.host.Libc;
import dev.rivet.kernel.Task;

import static dev.rivet.syscall.ArgKind.DIRFD;
import static dev.rivet.syscall.ArgKind.FD;
import static dev.rivet.syscall.ArgKind.HEX;
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
        t.add("preadv", SysFile::preadv, FD, PTR, INT, LONG);
        t.add("pwritev", SysFile::pwritev, FD, PTR, INT, LONG);
        t.partial("preadv2", "flags: only RWF_HIPRI (a hint) is accepted; others EOPNOTSUPP",
                SysFile::preadv2, FD, PTR, INT, LONG, LONG, HEX);
        t.partial("pwritev2", "flags: RWF_HIPRI, RWF_DSYNC, RWF_SYNC; others EOPNOTSUPP",
                SysFile::pwritev2, FD, PTR, INT, LONG, LONG, HEX);
        t.add("sync", SysFile::sync);
        t.add("syncfs", SysFile::syncfs, FD);
        t.partial("flock", "blocks the thread without a way for a signal to interrupt it", SysFile::flock, FD, INT);
        t.partial("close_range", "CLOSE_RANGE_UNSHARE closes in the table as it is: a process's threads always "
                + "share one table (as CLONE_FILES does), and it is not copied for the caller, so the other threads "
                + "see the closes too; a table no other thread uses is private already, as the flag asks",
                SysFile::closeRange, FD, FD, HEX);
    }

    // RWF_* flags of preadv2/pwritev2.
    static final int RWF_HIPRI = 1, RWF_DSYNC = 2, RWF_SYNC = 4;
    // close_range flags.
    static final int CLOSE_RANGE_UNSHARE = 1 << 1, CLOSE_RANGE_CLOEXEC = 1 << 2;

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
            return written(t, f, FileIo.Segments.one(a.l(1), a.l(2)), false, 0);
        }
    }

    static long readv(Task t, Args a) throws ErrnoException {
        try (OpenFile f = fds(t).get(a.i(0))) {
            return FileIo.read(f, t.memory(), FileIo.iovecs(t.memory(), a.l(1), a.i(2)), false, 0);
        }
    }

    static long writev(Task t, Args a) throws ErrnoException {
        try (OpenFile f = fds(t).get(a.i(0))) {
            return written(t, f, FileIo.iovecs(t.memory(), a.l(1), a.i(2)), false, 0);
        }
    }

    static long pread64(Task t, Args a) throws ErrnoException {
        // Linux checks the offset before the fd.
        if (a.l(3) < 0) throw Errno.EINVAL.ex();
        try (OpenFile f = fds(t).get(a.i(0))) {
            return FileIo.read(f, t.memory(), FileIo.Segments.one(a.l(1), a.l(2)), true, a.l(3));
        }
    }

    static long pwrite64(Task t, Args a) throws ErrnoException {
        // Linux checks the offset before the fd.
        if (a.l(3) < 0) throw Errno.EINVAL.ex();
        try (OpenFile f = fds(t).get(a.i(0))) {
            return written(t, f, FileIo.Segments.one(a.l(1), a.l(2)), true, a.l(3));
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
        if (a.l(1) < 0) throw Errno.EINVAL.ex();
        try (OpenFile f = fds(t).get(a.i(0))) {
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

    static long preadv(Task t, Args a) throws ErrnoException {
        // On a 64-bit kernel pos_l is the whole offset (pos_h is for 32-bit callers).
        long pos = a.l(3);
        if (pos < 0) throw Errno.EINVAL.ex();
        try (OpenFile f = fds(t).get(a.i(0))) {
            FileIo.Segments s = FileIo.iovecs(t.memory(), a.l(1), a.i(2));
            return FileIo.read(f, t.memory(), s, true, pos);
        }
    }

    static long pwritev(Task t, Args a) throws ErrnoException {
        long pos = a.l(3);
        if (pos < 0) throw Errno.EINVAL.ex();
        try (OpenFile f = fds(t).get(a.i(0))) {
            FileIo.Segments s = FileIo.iovecs(t.memory(), a.l(1), a.i(2));
            return written(t, f, s, true, pos);
        }
    }

    /** preadv2: offset -1 means the file offset, as readv. */
    static long preadv2(Task t, Args a) throws ErrnoException {
        long pos = a.l(3);
        int flags = a.i(5);
        if ((flags & ~RWF_HIPRI) != 0) throw Errno.EOPNOTSUPP.ex();
        if (pos < -1) throw Errno.EINVAL.ex();
        try (OpenFile f = fds(t).get(a.i(0))) {
            FileIo.Segments s = FileIo.iovecs(t.memory(), a.l(1), a.i(2));
            return FileIo.read(f, t.memory(), s, pos != -1, pos);
        }
    }

    static long pwritev2(Task t, Args a) throws ErrnoException {
        long pos = a.l(3);
        int flags = a.i(5);
        if ((flags & ~(RWF_HIPRI | RWF_DSYNC | RWF_SYNC)) != 0) throw Errno.EOPNOTSUPP.ex();
        if (pos < -1) throw Errno.EINVAL.ex();
        try (OpenFile f = fds(t).get(a.i(0))) {
            FileIo.Segments s = FileIo.iovecs(t.memory(), a.l(1), a.i(2));
            long n = written(t, f, s, pos != -1, pos);
            // Per-write O_DSYNC/O_SYNC: the data is on disk before the call returns.
            if ((flags & (RWF_DSYNC | RWF_SYNC)) != 0 && n > 0) f.sync((flags & RWF_SYNC) == 0);
            return n;
        }
    }

    static long sync(Task t, Args a) {
        Libc.sync();
        return 0;
    }

    static long syncfs(Task t, Args a) throws ErrnoException {
        try (OpenFile f = fds(t).get(a.i(0))) {
            f.syncfs();
            return 0;
        }
    }

    static long flock(Task t, Args a) throws ErrnoException {
        try (OpenFile f = fds(t).get(a.i(0))) {
            f.flock(a.i(1));
            return 0;
        }
    }

    static long closeRange(Task t, Args a) throws ErrnoException {
        long first = a.u32(0), last = a.u32(1);
        int flags = a.i(2);
        if ((flags & ~(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC)) != 0) throw Errno.EINVAL.ex();
        if (first > last) throw Errno.EINVAL.ex();
        fds(t).closeRange((int) Math.min(first, Integer.MAX_VALUE), (int) Math.min(last, Integer.MAX_VALUE),
                (flags & CLOSE_RANGE_CLOEXEC) != 0);
        return 0;
    }

    /** A write of any form. EPIPE (a host pipe or socket with no reader) comes with SIGPIPE to the writing thread, as Linux sends it. */
    private static long written(Task t, OpenFile f, FileIo.Segments s, boolean positional, long pos)
            throws ErrnoException {
        try {
            return FileIo.write(f, t.memory(), s, positional, pos);
        } catch (ErrnoException e) {
            // A pipe of ours sends SIGPIPE itself: also when part of the write got through.
            if (e.errno == Errno.EPIPE && !(f instanceof dev.rivet.fs.pipe.PipeEnd)) {
                dev.rivet.kernel.Signals.sendToThread(t, dev.rivet.signal.SigInfo.user(Signal.SIGPIPE,
                        dev.rivet.signal.SigInfo.SI_USER, t.process.pid, t.process.uid));
            }
            throw e;
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
