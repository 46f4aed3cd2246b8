package dev.rivet.fs.pipe;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.fs.Blocking;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One pipe (Linux's {@code pipe_inode_info}): the ring both ends share, how many open
 * descriptions read and write it, and the threads waiting on it. Readers and writers are
 * counted per open description (an end's {@code release()}), never per fd, so dup and fork
 * copies of an fd keep an end open until the last one goes, as on Linux.
 *
 * <p>{@link #read} and {@link #write} follow fs/pipe.c's pipe_read and pipe_write step by step.
 * Waiting is LockSupport.park with the lock let go, not a Condition: a signal sender wakes a
 * thread with unpark, which a Condition's await would swallow.
 */
public final class Pipe {
    /** PIPE_BUF: writes of at most this many bytes are never interleaved with others. */
    public static final int PIPE_BUF = 4096;
    /** PIPE_DEF_BUFFERS: 16 pages, 64 KiB. */
    public static final int DEFAULT_SLOTS = 16;
    /** /proc/sys/fs/pipe-max-size's default: the most an unprivileged F_SETPIPE_SZ may ask. */
    public static final int MAX_SIZE = 1 << 20;

    /** pipefs inode numbers: unique per pipe, never reused while Rivet runs. */
    private static final AtomicLong INODES = new AtomicLong(1000);

    private final ReentrantLock lock = new ReentrantLock();
    private final PipeRing ring = new PipeRing(DEFAULT_SLOTS);
    private int readers, writers;
    /** Threads parked in read or write, woken by every change one of them could wait for. */
    private final List<Thread> waiting = new ArrayList<>(2);

    final long ino = INODES.incrementAndGet();
    final int uid, gid;
    /** Creation time; mtime and ctime move with every write, as file_update_time does. */
    final long createdMillis = System.currentTimeMillis();
    volatile long modifiedMillis = createdMillis;

    private Pipe(int uid, int gid) {
        this.uid = uid;
        this.gid = gid;
    }

    /**
     * A new pipe and its two descriptions (read end, write end), with {@code statusFlags}
     * (O_NONBLOCK, O_DIRECT) on both, owned by uid/gid.
     */
    public static PipeEnd[] create(int statusFlags, int uid, int gid) {
        Pipe p = new Pipe(uid, gid);
        p.readers = 1;
        p.writers = 1;
        return new PipeEnd[] {new PipeEnd(p, false, statusFlags), new PipeEnd(p, true, statusFlags)};
    }

    /** pipe_read(). {@code nonblock}: the reading description's O_NONBLOCK. */
    int read(byte[] dst, int off, int len, boolean nonblock) throws ErrnoException {
        if (len == 0) return 0; // a null read succeeds, even with nothing to read
        Blocking ctx = null;
        lock.lock();
        try {
            for (;;) {
                int n = ring.read(dst, off, len);
                if (n > 0) {
                    wakeAll(); // room for writers
                    return n;
                }
                if (writers == 0) return 0; // end of file
                if (nonblock) throw Errno.EAGAIN.ex();
                if (ctx == null) ctx = Blocking.current();
                if (!await(ctx)) throw Errno.ERESTARTSYS.ex();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * pipe_write(). {@code nonblock}: the writing description's O_NONBLOCK; {@code packets}:
     * its O_DIRECT. A write of at most a page is atomic: it merges whole into the last slot or
     * waits for a free one. A larger one fills slots as they free up, so it may interleave.
     * Interrupted or non-blocking, it returns what got through, or fails when nothing did.
     */
    int write(byte[] src, int off, int len, boolean nonblock, boolean packets) throws ErrnoException {
        if (len == 0) return 0;
        Blocking ctx = Blocking.current();
        int done = 0;
        lock.lock();
        try {
            if (readers == 0) {
                ctx.brokenPipe();
                throw Errno.EPIPE.ex();
            }
            // Small writes merge into the last page: the part of the write beyond whole pages
            // goes first, so what follows lands page-aligned, as Linux does.
            int chars = len & (PipeRing.PAGE - 1);
            if (chars != 0 && !packets && ring.tryMerge(src, off, chars)) done = chars;
            while (done < len) {
                if (readers == 0) {
                    // Linux sends SIGPIPE even when part of the write got through.
                    ctx.brokenPipe();
                    if (done == 0) throw Errno.EPIPE.ex();
                    break;
                }
                if (!ring.isFull()) {
                    done += ring.append(src, off + done, len - done, packets);
                    continue;
                }
                if (nonblock) {
                    if (done == 0) throw Errno.EAGAIN.ex();
                    break;
                }
                wakeAll(); // readers may drain what is there while we wait for room
                if (!await(ctx)) {
                    if (done == 0) throw Errno.ERESTARTSYS.ex();
                    break;
                }
            }
            if (done > 0) modifiedMillis = System.currentTimeMillis();
            wakeAll();
            return done;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits, with the lock let go, until a change to the pipe or a signal wakes the thread;
     * false (without waiting) when {@code ctx} says the wait must end. The caller re-checks.
     */
    private boolean await(Blocking ctx) {
        Thread me = Thread.currentThread();
        waiting.add(me);
        lock.unlock();
        try {
            // Registered first, asked second: a wake-up or a signal in between leaves the
            // park permit set, so the park returns at once and nothing is missed.
            if (ctx.interrupted()) return false;
            LockSupport.park(this);
            return true;
        } finally {
            lock.lock();
            waiting.remove(me);
        }
    }

    /** Unparks every waiting thread (the lock is held): each re-checks what it waits for. */
    private void wakeAll() {
        for (int i = 0; i < waiting.size(); i++) LockSupport.unpark(waiting.get(i));
    }

    /** An end's last description went away. */
    void closeEnd(boolean writeEnd) {
        lock.lock();
        try {
            if (writeEnd) writers--;
            else readers--;
            wakeAll(); // readers see the end of file, writers EPIPE
        } finally {
            lock.unlock();
        }
    }

    /** FIONREAD: the bytes waiting to be read. */
    int available() {
        lock.lock();
        try {
            return ring.bytes();
        } finally {
            lock.unlock();
        }
    }

    /** F_GETPIPE_SZ: the capacity in bytes. */
    int size() {
        lock.lock();
        try {
            return ring.slots() * PipeRing.PAGE;
        } finally {
            lock.unlock();
        }
    }

    /**
     * pipe_set_size(): the capacity rounded up to a power-of-two number of pages (at least
     * one); EINVAL beyond 2 GiB, EPERM when growing beyond {@link #MAX_SIZE} (the guest is never
     * privileged), EBUSY when the contents need more slots. Returns the new size in bytes.
     */
    int setSize(long requested) throws ErrnoException {
        long arg = requested & 0xffffffffL; // the kernel takes the argument as an unsigned int
        if (arg > 1L << 31) throw Errno.EINVAL.ex();
        long size = arg < PipeRing.PAGE ? PipeRing.PAGE : Long.highestOneBit(arg - 1) << 1;
        int slots = (int) (size / PipeRing.PAGE);
        lock.lock();
        try {
            if (slots > ring.slots() && size > MAX_SIZE) throw Errno.EPERM.ex();
            ring.resize(slots);
            wakeAll(); // more room, perhaps
            return slots * PipeRing.PAGE;
        } finally {
            lock.unlock();
        }
    }

    /** pipe_poll()'s view: {read-ready, write-ready, writers gone, readers gone}. */
    int pollBits(boolean readEnd, boolean writeEnd) {
        lock.lock();
        try {
            int mask = 0;
            if (readEnd) {
                if (!ring.isEmpty()) mask |= POLLIN | POLLRDNORM;
                if (writers == 0) mask |= POLLHUP;
            }
            if (writeEnd) {
                if (!ring.isFull()) mask |= POLLOUT | POLLWRNORM;
                if (readers == 0) mask |= POLLERR;
            }
            return mask;
        } finally {
            lock.unlock();
        }
    }

    static final int POLLIN = 0x1, POLLOUT = 0x4, POLLERR = 0x8, POLLHUP = 0x10, POLLRDNORM = 0x40, POLLWRNORM = 0x100;
}
