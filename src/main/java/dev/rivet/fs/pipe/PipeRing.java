package dev.rivet.fs.pipe;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;

/**
 * A pipe's contents as Linux keeps them (fs/pipe.c): a ring of page-sized buffers ("slots"),
 * each holding a run of bytes at an offset. Capacity is a number of slots, not of bytes, and
 * keeping Linux's shape gives its exact answers: how many writes of a given size fit before
 * the pipe is full, that a write of at most a page is never split (it either merges whole into
 * the last slot or takes a fresh one), and packet mode (O_DIRECT), where every write is a slot
 * of its own and a read takes at most one.
 *
 * <p>Not thread-safe: {@link Pipe} holds its lock around every call. Head and tail count
 * upwards without wrapping back (as Linux's unsigned ints do); a slot's index is the count
 * masked by the ring size, which is always a power of two.
 */
final class PipeRing {
    static final int PAGE = 4096;

    private byte[][] pages;
    private int[] offset, length;
    /** PIPE_BUF_FLAG_PACKET: the slot is one packet; others may be merged into (CAN_MERGE). */
    private boolean[] packet;
    private int head, tail;
    /** Bytes held, for FIONREAD. */
    private int bytes;

    /** An empty ring of {@code slots} slots (a power of two). */
    PipeRing(int slots) {
        allocate(slots);
    }

    private void allocate(int slots) {
        pages = new byte[slots][];
        offset = new int[slots];
        length = new int[slots];
        packet = new boolean[slots];
    }

    int slots() { return pages.length; }
    int used() { return head - tail; }
    boolean isEmpty() { return head == tail; }
    boolean isFull() { return used() >= slots(); }
    int bytes() { return bytes; }

    private int mask() { return pages.length - 1; }

    /**
     * Linux's merge of a write's first {@code n} (< PAGE) bytes into the last slot, when it is
     * not a packet and they fit after its data; true when merged.
     */
    boolean tryMerge(byte[] src, int off, int n) {
        if (isEmpty()) return false;
        int i = (head - 1) & mask();
        int end = offset[i] + length[i];
        if (packet[i] || end + n > PAGE) return false;
        System.arraycopy(src, off, pages[i], end, n);
        length[i] += n;
        bytes += n;
        return true;
    }

    /** Puts up to a page of {@code src} in a fresh slot (the ring must not be full); returns how much. */
    int append(byte[] src, int off, int n, boolean asPacket) {
        if (isFull()) throw new IllegalStateException("append to a full pipe ring");
        int i = head & mask();
        if (pages[i] == null) pages[i] = new byte[PAGE];
        int k = Math.min(n, PAGE);
        System.arraycopy(src, off, pages[i], 0, k);
        offset[i] = 0;
        length[i] = k;
        packet[i] = asPacket;
        head++;
        bytes += k;
        return k;
    }

    /**
     * pipe_read()'s copying loop: takes bytes slot by slot until {@code len} are read or the
     * ring is empty; a packet slot ends the read, and whatever of it does not fit is dropped.
     * Returns the count (0 when empty).
     */
    int read(byte[] dst, int off, int len) {
        int done = 0;
        while (done < len && !isEmpty()) {
            int i = tail & mask();
            int k = Math.min(length[i], len - done);
            System.arraycopy(pages[i], offset[i], dst, off + done, k);
            done += k;
            bytes -= k;
            offset[i] += k;
            length[i] -= k;
            if (packet[i]) {
                bytes -= length[i];
                length[i] = 0;
            }
            if (length[i] == 0) tail++;
            if (packet[i]) break;
        }
        return done;
    }

    /**
     * pipe_resize_ring(): a new number of slots (a power of two), keeping the contents in order;
     * EBUSY when they occupy more slots than the new size has.
     */
    void resize(int slots) throws ErrnoException {
        int n = used();
        if (slots < n) throw Errno.EBUSY.ex();
        byte[][] oldPages = pages;
        int[] oldOffset = offset, oldLength = length;
        boolean[] oldPacket = packet;
        int oldMask = mask();
        allocate(slots);
        for (int k = 0; k < n; k++) {
            int from = (tail + k) & oldMask;
            pages[k] = oldPages[from];
            offset[k] = oldOffset[from];
            length[k] = oldLength[from];
            packet[k] = oldPacket[from];
        }
        tail = 0;
        head = n;
    }
}
