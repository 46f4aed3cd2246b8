package dev.rivet.syscall;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Fcntl;
import dev.rivet.fs.OpenFile;
import dev.rivet.mm.GuestMemory;

/**
 * Moving bytes between guest buffers (one buffer or an iovec array) and a file description,
 * shared by read/write/readv/writev/pread64/pwrite64. A transfer goes in chunks of at most
 * {@link #CHUNK} bytes; a read takes a further chunk only from a file that fills every read
 * ({@link OpenFile#fullReads()}), so a pipe or terminal never blocks after data has arrived.
 * Once some bytes have moved, a later error (EFAULT included) ends the call with that count,
 * as Linux does; a buffer that faults part way moves the bytes before the fault.
 */
final class FileIo {
    private FileIo() {}

    /** The kernel's MAX_RW_COUNT (INT_MAX rounded down to a page): larger requests are cut to it. */
    static final long MAX_RW_COUNT = 0x7ffff000L;
    /** The kernel's UIO_MAXIOV. */
    static final int UIO_MAXIOV = 1024;
    static final int CHUNK = 1 << 20;

    /**
     * A per-thread transfer buffer, grown on demand up to CHUNK: a read with a large count on a
     * small file must not allocate a megabyte each time. Syscalls on one thread never nest.
     */
    private static final ThreadLocal<byte[][]> BUFFER = ThreadLocal.withInitial(() -> new byte[][] {new byte[0]});

    private static byte[] buffer(long total) {
        int want = (int) Math.min(total, CHUNK);
        byte[][] box = BUFFER.get();
        if (box[0].length < want) box[0] = new byte[Math.max(want, Math.min(CHUNK, box[0].length * 2))];
        return box[0];
    }

    /** Guest buffers as (base, len) pairs with their total, already cut to MAX_RW_COUNT. */
    record Segments(long[] base, long[] len, long total) {
        static Segments one(long buf, long count) {
            long n = Long.compareUnsigned(count, MAX_RW_COUNT) > 0 ? MAX_RW_COUNT : count;
            return new Segments(new long[] {buf}, new long[] {n}, n);
        }
    }

    /** Reads a guest iovec array (16 bytes each: base, len): EINVAL for a bad count or a negative length. */
    static Segments iovecs(GuestMemory mem, long iov, int iovcnt) throws ErrnoException {
        if (iovcnt < 0 || iovcnt > UIO_MAXIOV) throw Errno.EINVAL.ex();
        long[] base = new long[iovcnt], len = new long[iovcnt];
        long total = 0;
        for (int i = 0; i < iovcnt; i++) {
            base[i] = mem.read64(iov + 16L * i);
            long l = mem.read64(iov + 16L * i + 8);
            if (l < 0) throw Errno.EINVAL.ex();
            if (l > MAX_RW_COUNT - total) l = MAX_RW_COUNT - total;
            len[i] = l;
            total += l;
        }
        return new Segments(base, len, total);
    }

    /** read/readv (positional when {@code positional}, at {@code pos}). */
    static long read(OpenFile f, GuestMemory mem, Segments s, boolean positional, long pos) throws ErrnoException {
        byte[] chunk = buffer(s.total);
        int size = (int) Math.min(s.total, CHUNK);
        long done = 0;
        do {
            int want = (int) Math.min(size, s.total - done);
            int n;
            try {
                n = positional ? f.pread(chunk, 0, want, pos + done) : f.read(chunk, 0, want);
            } catch (ErrnoException e) {
                if (done > 0) return done;
                throw e;
            }
            int put = scatter(mem, s, done, chunk, n);
            if (put < n) {
                // The guest buffer faulted part way: Linux's copy stops there and the file
                // offset moves only by what was copied, so give back the rest where we can.
                if (!positional && f.fullReads()) {
                    try {
                        f.seek(put - n, Fcntl.SEEK_CUR);
                    } catch (ErrnoException ignored) {
                        // Nothing better to do: the bytes were consumed.
                    }
                }
                done += put;
                if (done == 0) throw Errno.EFAULT.ex();
                return done;
            }
            done += n;
            if (n < want || !f.fullReads()) break;
        } while (done < s.total);
        return done;
    }

    /** write/writev (positional when {@code positional}, at {@code pos}). */
    static long write(OpenFile f, GuestMemory mem, Segments s, boolean positional, long pos) throws ErrnoException {
        byte[] chunk = buffer(s.total);
        int size = (int) Math.min(s.total, CHUNK);
        long done = 0;
        do {
            int want = (int) Math.min(size, s.total - done);
            // As in Linux, the bytes before a faulting address are still written.
            int got = gather(mem, s, done, chunk, want);
            if (got < want && got == 0) {
                if (done > 0) return done;
                throw Errno.EFAULT.ex();
            }
            int n;
            try {
                n = positional ? f.pwrite(chunk, 0, got, pos + done) : f.write(chunk, 0, got);
            } catch (ErrnoException e) {
                if (done > 0) return done;
                throw e;
            }
            done += n;
            if (n < got || got < want) break;
        } while (done < s.total);
        return done;
    }

    /**
     * Copies {@code data[0..n)} into the segments starting {@code at} bytes into them; returns
     * how many bytes were copied before a fault (n when none).
     */
    private static int scatter(GuestMemory mem, Segments s, long at, byte[] data, int n) {
        int off = 0;
        for (int i = 0; i < s.base.length && off < n; i++) {
            if (at >= s.len[i]) { at -= s.len[i]; continue; }
            int k = (int) Math.min(s.len[i] - at, n - off);
            int c = copy(mem, s.base[i] + at, data, off, k, true);
            off += c;
            if (c < k) return off;
            at = 0;
        }
        return off;
    }

    /**
     * Fills {@code data[0..n)} from the segments starting {@code at} bytes into them; returns how
     * many bytes were read before a fault (n when none).
     */
    private static int gather(GuestMemory mem, Segments s, long at, byte[] data, int n) {
        int off = 0;
        for (int i = 0; i < s.base.length && off < n; i++) {
            if (at >= s.len[i]) { at -= s.len[i]; continue; }
            int k = (int) Math.min(s.len[i] - at, n - off);
            int c = copy(mem, s.base[i] + at, data, off, k, false);
            off += c;
            if (c < k) return off;
            at = 0;
        }
        return off;
    }

    /** One guest copy; on a fault retries page by page to find how much came before it. */
    private static int copy(GuestMemory mem, long addr, byte[] data, int off, int len, boolean toGuest) {
        try {
            if (toGuest) mem.write(addr, data, off, len);
            else mem.read(addr, data, off, len);
            return len;
        } catch (ErrnoException e) {
            int done = 0;
            while (done < len) {
                long a = addr + done;
                int k = (int) Math.min(len - done, PAGE - (a & (PAGE - 1)));
                try {
                    if (toGuest) mem.write(a, data, off + done, k);
                    else mem.read(a, data, off + done, k);
                } catch (ErrnoException stop) {
                    return done;
                }
                done += k;
            }
            return done;
        }
    }

    private static final long PAGE = 4096;
}
