package dev.rivet.fs;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Fcntl;
import dev.rivet.mm.GuestMemory;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open file description (Linux's {@code struct file}): what {@code open} creates and
 * {@code dup}/{@code fork} share, so the offset and the status flags are shared too. Every
 * file-like object (host file, pipe, tty, socket, eventfd …) extends it; the defaults are what
 * Linux answers for a file whose {@code file_operations} lack that method, so a new type only
 * writes what it supports.
 *
 * <p>Reference counted: each fd table slot and each in-flight syscall holds one reference.
 * {@link #close()} drops one (so {@code try (OpenFile f = fds.get(fd)) {...}} pins the
 * description for the length of a syscall even if another thread closes the fd), and the last
 * one calls {@link #release()}.
 */
public abstract class OpenFile implements AutoCloseable {
    /** Linux's DEFAULT_POLLMASK (POLLIN|POLLOUT|POLLRDNORM|POLLWRNORM), for files without a poll method. */
    public static final int DEFAULT_POLLMASK = 0x1 | 0x4 | 0x40 | 0x100;

    private final AtomicInteger refs = new AtomicInteger(1);
    /** Status flags (guest O_* encoding) for types that keep them here; see {@link #statusFlags()}. */
    private volatile int flags;

    /** A new description holding one reference, with the given open flags (guest encoding). */
    protected OpenFile(int openFlags) {
        this.flags = openFlags;
    }

    /** Takes one more reference and returns this. */
    public final OpenFile retain() {
        int before = refs.getAndIncrement();
        if (before <= 0) throw new IllegalStateException("retain of a released file description");
        return this;
    }

    /** Drops one reference; the last one releases the description. */
    @Override
    public final void close() {
        int left = refs.decrementAndGet();
        if (left == 0) release();
        else if (left < 0) throw new IllegalStateException("file description closed too often");
    }

    /** Frees what the description holds (host fd, pipe end …). Called once, by the last {@link #close()}. */
    protected void release() {}

    /** References held now (for tests and leak checks). */
    public final int references() { return refs.get(); }

    /** F_GETFL: access mode and status flags, guest encoding. */
    public int statusFlags() throws ErrnoException { return flags; }

    /** F_SETFL: changes only the {@link Fcntl#SETFL_MASK} bits, as Linux does. */
    public void setStatusFlags(int newFlags) throws ErrnoException {
        flags = (flags & ~Fcntl.SETFL_MASK) | (newFlags & Fcntl.SETFL_MASK);
    }

    /** read(2) at the file offset. Linux: EINVAL when the file has no read method. */
    public int read(byte[] dst, int off, int len) throws ErrnoException { throw Errno.EINVAL.ex(); }

    /** write(2) at the file offset (or the end, with O_APPEND). */
    public int write(byte[] src, int off, int len) throws ErrnoException { throw Errno.EINVAL.ex(); }

    /** pread64(2). Linux: ESPIPE for files without positional I/O (pipes, sockets, ttys). */
    public int pread(byte[] dst, int off, int len, long pos) throws ErrnoException { throw Errno.ESPIPE.ex(); }

    /** pwrite64(2). */
    public int pwrite(byte[] src, int off, int len, long pos) throws ErrnoException { throw Errno.ESPIPE.ex(); }

    /** lseek(2); returns the new offset. Linux's no_llseek: ESPIPE. */
    public long seek(long offset, int whence) throws ErrnoException { throw Errno.ESPIPE.ex(); }

    /**
     * The file's {@code struct statx} (see {@link dev.rivet.abi.Statx}); {@code flags} carries the
     * AT_STATX_* sync type. Every real type must answer; none may pretend, so the default is ENOSYS.
     */
    public byte[] statx(int flags, int mask) throws ErrnoException { throw Errno.ENOSYS.ex(); }

    /** ioctl(2): {@code arg} is the raw argument (often a guest pointer into {@code mem}). */
    public long ioctl(int cmd, long arg, GuestMemory mem) throws ErrnoException { throw Errno.ENOTTY.ex(); }

    /** getdents64(2): packed {@code linux_dirent64} records of at most {@code count} bytes. */
    public byte[] getdents(int count) throws ErrnoException { throw Errno.ENOTDIR.ex(); }

    /** ftruncate(2). Linux: EINVAL unless it is a regular file open for writing. */
    public void truncate(long length) throws ErrnoException { throw Errno.EINVAL.ex(); }

    /** fsync(2) / fdatasync(2). Linux: EINVAL for files without an fsync method. */
    public void sync(boolean dataOnly) throws ErrnoException { throw Errno.EINVAL.ex(); }

    // Inode operations reached through an fd (fchmod, fchown, futimens, fstatfs, flock, syncfs).
    // Linux answers them for every file; a type that has not written them yet says ENOSYS
    // rather than pretend.

    /** fchmod(2): permission bits (07777). */
    public void chmod(int mode) throws ErrnoException { throw Errno.ENOSYS.ex(); }

    /** fchown(2): -1 leaves an id unchanged. */
    public void chown(int uid, int gid) throws ErrnoException { throw Errno.ENOSYS.ex(); }

    /** futimens: {@code times} is null (both now) or two 16-byte timespecs (UTIME_NOW/UTIME_OMIT allowed). */
    public void setTimes(byte[] times) throws ErrnoException { throw Errno.ENOSYS.ex(); }

    /** fstatfs(2): the 120-byte {@code struct statfs}. */
    public byte[] statfs() throws ErrnoException { throw Errno.ENOSYS.ex(); }

    /** flock(2). */
    public void flock(int op) throws ErrnoException { throw Errno.ENOSYS.ex(); }

    /**
     * A record lock command on an open-file-description lock (F_OFD_GETLK/SETLK/SETLKW) with a
     * {@code struct flock}; GETLK rewrites it. The syscall maps the process-owned F_GETLK
     * family onto these.
     */
    public void lock(int ofdCmd, byte[] flock) throws ErrnoException { throw Errno.ENOSYS.ex(); }

    /** syncfs(2). */
    public void syncfs() throws ErrnoException { throw Errno.ENOSYS.ex(); }

    /** Which of {@code events} (POLL* bits) are ready now; the wait queue comes with poll. */
    public int pollReady(int events) { return DEFAULT_POLLMASK & events; }

    /**
     * True when a read of n bytes returns n unless the end of file comes first (regular files),
     * so the syscall layer may split a huge read into chunks without blocking in between.
     */
    public boolean fullReads() { return false; }
}
