package dev.rivet.fs.hostfs;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Fcntl;
import dev.rivet.abi.Statx;
import dev.rivet.abi.Termios;
import dev.rivet.fs.Blocking;
import dev.rivet.fs.OpenFile;
import dev.rivet.host.HostOpenFlags;
import dev.rivet.host.Libc;
import dev.rivet.host.NativeBuffer;
import dev.rivet.mm.GuestMemory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A description over a host file descriptor: regular files, directories, devices, FIFOs, the
 * inherited stdio. The host kernel keeps the offset and status flags and checks access modes,
 * so the guest gets Linux's own answers (errors, short reads, O_APPEND, SEEK_DATA …). Writes go
 * straight to the host fd, unbuffered: nothing is lost if the guest dies.
 */
public final class HostFile extends OpenFile {
    private static final byte[] EMPTY = new byte[0];

    private final int fd;
    /** O_ASYNC is kept guest-side: on the host it would aim SIGIO at the JVM. */
    private volatile boolean async;
    /** Cached file type (S_IFMT bits; -1 unknown): an open fd's type never changes. */
    private volatile int type = -1;

    /** False for the JVM's own stdio, which the guest uses but must never close. */
    private final boolean owned;
    /** Cached "could be a terminal" (0 unknown, 1 yes, 2 no): only character devices can be. */
    private volatile int ttyCandidate;

    /** Takes ownership of host fd {@code hostFd}. */
    public HostFile(int hostFd) {
        this(hostFd, true);
    }

    private HostFile(int hostFd, boolean owned) {
        super(0);
        this.fd = hostFd;
        this.owned = owned;
    }

    /** A description over a host fd that stays open when the guest closes it (the JVM's stdio). */
    public static HostFile borrowed(int hostFd) {
        return new HostFile(hostFd, false);
    }

    /** The host fd, for *at() calls relative to this file. Valid while a reference is held. */
    public int hostFd() { return fd; }

    @Override
    protected void release() {
        if (!owned) return;
        try {
            Libc.close(fd);
        } catch (ErrnoException ignored) {
            // Linux's last fput has no one to report a close error to either.
        }
    }

    @Override
    public int statusFlags() throws ErrnoException {
        int host = Libc.fcntl(fd, Fcntl.F_GETFL, 0);
        return HostOpenFlags.toGuest(host) | (async ? Fcntl.O_ASYNC : 0);
    }

    @Override
    public void setStatusFlags(int newFlags) throws ErrnoException {
        int g = newFlags & Fcntl.SETFL_MASK;
        Libc.fcntl(fd, Fcntl.F_SETFL, HostOpenFlags.toHost(g & ~Fcntl.O_ASYNC));
        async = (g & Fcntl.O_ASYNC) != 0;
    }

    @Override
    public int read(byte[] dst, int off, int len) throws ErrnoException {
        if (len > 0 && mayBlock()) awaitReadable();
        MemorySegment buf = NativeBuffer.get(len);
        int n = (int) Libc.read(fd, buf, Math.min(len, buf.byteSize()));
        MemorySegment.copy(buf, ValueLayout.JAVA_BYTE, 0, dst, off, n);
        return n;
    }

    /** How long a blocked read sleeps in the host's poll between looks at the guest's signals. */
    static final int SLICE_MILLIS = 50;
    private static final int POLLIN = 0x1;

    /**
     * A read of a terminal, FIFO or socket may wait for ever, and a thread blocked in the
     * host's read(2) cannot be reached by a guest signal. So the wait happens here instead, in
     * poll(2) slices with a look at the guest thread's signals in between (ERESTARTSYS, as
     * Linux's tty and pipe reads give); the read follows once the host says it will not block.
     * Another reader of the same host fd may still take the data between poll and read, and
     * then the read blocks as a native one would.
     */
    private void awaitReadable() throws ErrnoException {
        if (dev.rivet.host.HostPoll.ready(fd, POLLIN) != 0) return; // data, end of file or an error: read answers
        if ((statusFlags() & Fcntl.O_NONBLOCK) != 0) return;       // the read says EAGAIN
        Blocking ctx = Blocking.current();
        while (dev.rivet.host.HostPoll.await(fd, POLLIN, SLICE_MILLIS) == 0) {
            if (ctx.interrupted()) throw Errno.ERESTARTSYS.ex();
        }
    }

    /** Terminals and other character devices, FIFOs and sockets; never regular files, directories or disks. */
    private boolean mayBlock() {
        int t = fileType();
        return t == S_IFCHR || t == S_IFIFO || t == S_IFSOCK;
    }

    private static final int S_IFCHR = 0020000, S_IFIFO = 0010000, S_IFSOCK = 0140000;

    private int fileType() {
        int t = type;
        if (t == -1) {
            try {
                byte[] sx = statx(0, Statx.STATX_TYPE);
                int mode = (sx[Statx.MODE] & 0xff) | (sx[Statx.MODE + 1] & 0xff) << 8;
                t = mode & Fcntl.S_IFMT;
            } catch (ErrnoException e) {
                t = 0;
            }
            type = t;
        }
        return t;
    }

    @Override
    public int write(byte[] src, int off, int len) throws ErrnoException {
        MemorySegment buf = NativeBuffer.get(len);
        int n = (int) Math.min(len, buf.byteSize());
        MemorySegment.copy(src, off, buf, ValueLayout.JAVA_BYTE, 0, n);
        return (int) Libc.write(fd, buf, n);
    }

    @Override
    public int pread(byte[] dst, int off, int len, long pos) throws ErrnoException {
        MemorySegment buf = NativeBuffer.get(len);
        int n = (int) Libc.pread(fd, buf, Math.min(len, buf.byteSize()), pos);
        MemorySegment.copy(buf, ValueLayout.JAVA_BYTE, 0, dst, off, n);
        return n;
    }

    @Override
    public int pwrite(byte[] src, int off, int len, long pos) throws ErrnoException {
        MemorySegment buf = NativeBuffer.get(len);
        int n = (int) Math.min(len, buf.byteSize());
        MemorySegment.copy(src, off, buf, ValueLayout.JAVA_BYTE, 0, n);
        return (int) Libc.pwrite(fd, buf, n, pos);
    }

    /** The host's own answer: a terminal or pipe is ready only when it is; a regular file always is. */
    @Override
    public int pollReady(int events) {
        return dev.rivet.host.HostPoll.ready(fd, events);
    }

    @Override
    public long seek(long offset, int whence) throws ErrnoException {
        return Libc.lseek(fd, offset, whence);
    }

    @Override
    public byte[] statx(int flags, int mask) throws ErrnoException {
        return statxAt(fd, EMPTY, (flags & Fcntl.AT_STATX_SYNC_TYPE) | Fcntl.AT_EMPTY_PATH, mask);
    }

    /** Host statx of {@code path} relative to host dirfd {@code dirfd}: the 256-byte struct. */
    public static byte[] statxAt(int dirfd, byte[] path, int flags, int mask) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(Statx.SIZE, 8);
            Libc.statx(dirfd, Libc.cstr(a, path), flags, mask, out);
            return out.toArray(ValueLayout.JAVA_BYTE);
        }
    }

    @Override
    public long ioctl(int cmd, long arg, GuestMemory mem) throws ErrnoException {
        // Terminal and FIONREAD requests whose structs are laid out the same on every host, so
        // the host's terminal answers (ENOTTY where a request does not apply). Requests that
        // carry host pids or sessions (TIOCGPGRP, TIOCSCTTY …) stay ENOTTY until ttys are ours.
        int size;
        boolean in;
        switch (cmd) {
            case Termios.TCGETS -> { size = Termios.TERMIOS_SIZE; in = false; }
            case Termios.TCSETS, Termios.TCSETSW, Termios.TCSETSF -> { size = Termios.TERMIOS_SIZE; in = true; }
            case Termios.TIOCGWINSZ -> { size = Termios.WINSIZE_SIZE; in = false; }
            case Termios.TIOCSWINSZ -> { size = Termios.WINSIZE_SIZE; in = true; }
            case Termios.FIONREAD -> { size = 4; in = false; }
            default -> throw Errno.ENOTTY.ex();
        }
        if (cmd != Termios.FIONREAD && !mayBeTerminal()) throw Errno.ENOTTY.ex();
        byte[] data = in ? mem.read(arg, size) : null;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = in ? a.allocateFrom(ValueLayout.JAVA_BYTE, data) : a.allocate(size, 8);
            Libc.ioctl(fd, Integer.toUnsignedLong(cmd), buf);
            if (!in) data = buf.toArray(ValueLayout.JAVA_BYTE);
        }
        if (!in) mem.write(arg, data);
        return 0;
    }

    /**
     * Whether the host fd is a character device, the only kind of file a terminal can be. Asked
     * through /proc (no native call), so musl's TIOCGWINSZ probe of a redirected stdout is
     * answered ENOTTY without linking the host's ioctl at all.
     */
    private boolean mayBeTerminal() {
        int c = ttyCandidate;
        if (c == 0) {
            boolean dev;
            try {
                dev = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/" + fd)).startsWith("/dev/");
            } catch (java.io.IOException | RuntimeException e) {
                dev = true; // cannot tell: let the host answer
            }
            ttyCandidate = c = dev ? 1 : 2;
        }
        return c == 1;
    }

    @Override
    public byte[] getdents(int count) throws ErrnoException {
        MemorySegment buf = NativeBuffer.get(count);
        int n = (int) Libc.getdents64(fd, buf, Math.min(Integer.toUnsignedLong(count), buf.byteSize()));
        return buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
    }

    @Override
    public void truncate(long length) throws ErrnoException {
        Libc.ftruncate(fd, length);
    }

    @Override
    public void sync(boolean dataOnly) throws ErrnoException {
        if (dataOnly) Libc.fdatasync(fd);
        else Libc.fsync(fd);
    }

    @Override
    public void chmod(int mode) throws ErrnoException {
        Libc.fchmod(fd, mode);
    }

    @Override
    public void chown(int uid, int gid) throws ErrnoException {
        Libc.fchown(fd, uid, gid);
    }

    @Override
    public void setTimes(byte[] times) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            Libc.futimens(fd, times == null ? MemorySegment.NULL : a.allocateFrom(ValueLayout.JAVA_BYTE, times));
        }
    }

    @Override
    public byte[] statfs() throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(STATFS_SIZE, 8);
            Libc.fstatfs(fd, out);
            return out.toArray(ValueLayout.JAVA_BYTE);
        }
    }

    /** {@code struct statfs}: the generic 64-bit layout, shared by riscv64, x86_64 and aarch64. */
    public static final int STATFS_SIZE = 120;

    @Override
    public void flock(int op) throws ErrnoException {
        Libc.flock(fd, op);
    }

    @Override
    public void lock(int ofdCmd, byte[] flock) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment m = a.allocateFrom(ValueLayout.JAVA_BYTE, flock);
            Libc.fcntl(fd, ofdCmd, m);
            MemorySegment.copy(m, ValueLayout.JAVA_BYTE, 0, flock, 0, flock.length);
        }
    }

    @Override
    public void syncfs() throws ErrnoException {
        Libc.syncfs(fd);
    }

    @Override
    public boolean fullReads() {
        return fileType() == Fcntl.S_IFREG;
    }
}
