package dev.rivet.fs.pipe;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Fcntl;
import dev.rivet.abi.Statx;
import dev.rivet.abi.Termios;
import dev.rivet.fs.OpenFile;
import dev.rivet.mm.GuestMemory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One open description of a pipe: its read end or its write end (pipe2's fds[0] and fds[1]).
 * Status flags are per description, as on Linux: O_NONBLOCK makes this end's waits EAGAIN and
 * O_DIRECT makes this end's writes packets. Positional I/O and lseek are ESPIPE (the defaults).
 */
public final class PipeEnd extends OpenFile {
    /** The anonymous device pipefs inodes are on (major 0, as every pseudo filesystem's). */
    static final int PIPEFS_DEV_MINOR = 14;
    static final int S_IFIFO = 0010000;
    /** S_IFIFO | 0600, pipefs's mode for a pipe's inode. */
    static final int MODE = S_IFIFO | 0600;

    private final Pipe pipe;
    private final boolean writeEnd;

    PipeEnd(Pipe pipe, boolean writeEnd, int statusFlags) {
        super((writeEnd ? Fcntl.O_WRONLY : Fcntl.O_RDONLY) | (statusFlags & (Fcntl.O_NONBLOCK | Fcntl.O_DIRECT)));
        this.pipe = pipe;
        this.writeEnd = writeEnd;
    }

    public boolean isWriteEnd() { return writeEnd; }

    @Override
    protected void release() {
        pipe.closeEnd(writeEnd);
    }

    @Override
    public int read(byte[] dst, int off, int len) throws ErrnoException {
        if (writeEnd) throw Errno.EBADF.ex(); // not open for reading
        return pipe.read(dst, off, len, (statusFlags() & Fcntl.O_NONBLOCK) != 0);
    }

    @Override
    public int write(byte[] src, int off, int len) throws ErrnoException {
        if (!writeEnd) throw Errno.EBADF.ex();
        int fl = statusFlags();
        return pipe.write(src, off, len, (fl & Fcntl.O_NONBLOCK) != 0, (fl & Fcntl.O_DIRECT) != 0);
    }

    @Override
    public int pollReady(int events) {
        return pipe.pollBits(!writeEnd, writeEnd) & events;
    }

    @Override
    public long ioctl(int cmd, long arg, GuestMemory mem) throws ErrnoException {
        if (cmd != Termios.FIONREAD) throw Errno.ENOTTY.ex();
        mem.write32(arg, pipe.available());
        return 0;
    }

    /** F_GETPIPE_SZ. */
    public int pipeSize() { return pipe.size(); }

    /** F_SETPIPE_SZ: see {@link Pipe#setSize}. */
    public int setPipeSize(long size) throws ErrnoException { return pipe.setSize(size); }

    /**
     * The pipefs inode: a FIFO owned by its creator, one link, no size, a 4 KiB block size,
     * an inode number of its own, times from its creation and last write.
     */
    @Override
    public byte[] statx(int flags, int mask) throws ErrnoException {
        byte[] out = new byte[Statx.SIZE];
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(Statx.MASK, Statx.STATX_BASIC_STATS);
        b.putInt(Statx.BLKSIZE, PipeRing.PAGE);
        b.putInt(Statx.NLINK, 1);
        b.putInt(Statx.UID, pipe.uid);
        b.putInt(Statx.GID, pipe.gid);
        b.putShort(Statx.MODE, (short) MODE);
        b.putLong(Statx.INO, pipe.ino);
        long modified = pipe.modifiedMillis;
        time(b, Statx.ATIME, pipe.createdMillis);
        time(b, Statx.MTIME, modified);
        time(b, Statx.CTIME, modified);
        b.putInt(Statx.DEV_MAJOR, 0);
        b.putInt(Statx.DEV_MINOR, PIPEFS_DEV_MINOR);
        return out;
    }

    private static void time(ByteBuffer b, int at, long millis) {
        b.putLong(at, Math.floorDiv(millis, 1000));
        b.putInt(at + 8, (int) Math.floorMod(millis, 1000) * 1_000_000);
    }
}
