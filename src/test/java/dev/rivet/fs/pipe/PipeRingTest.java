package dev.rivet.fs.pipe;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The slot ring alone: wrap-around, merging, packets, and resizing with contents. */
class PipeRingTest {
    private static byte[] seq(int n, int from) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (from + i * 31);
        return b;
    }

    private static byte[] take(PipeRing r, int n) {
        byte[] out = new byte[n];
        int got = r.read(out, 0, n);
        assertEquals(n, got, "bytes read");
        return out;
    }

    @Test
    void slotsFillAndWrapAroundInOrder() {
        PipeRing r = new PipeRing(4);
        for (int round = 0; round < 10; round++) {
            // Three slots in, two out: head and tail pass the end of the ring many times.
            byte[] a = seq(4096, round), b = seq(100, round + 1), c = seq(4000, round + 2);
            r.append(a, 0, a.length, false);
            r.append(b, 0, b.length, false);
            r.append(c, 0, c.length, false);
            assertArrayEquals(a, take(r, 4096));
            byte[] bc = take(r, 4100);
            assertEquals(b[99], bc[99]);
            assertEquals(c[0], bc[100]);
            assertEquals(c[3999], bc[4099]);
            assertTrue(r.isEmpty());
        }
    }

    @Test
    void fullIsCountedInSlotsNotBytes() {
        PipeRing r = new PipeRing(2);
        r.append(new byte[1], 0, 1, false);
        r.append(new byte[1], 0, 1, false);
        assertTrue(r.isFull(), "two one-byte slots fill a two-slot ring");
        assertEquals(2, r.bytes());
        assertThrows(IllegalStateException.class, () -> r.append(new byte[1], 0, 1, false));
    }

    @Test
    void smallWritesMergeIntoTheLastPageWhileTheyFit() {
        PipeRing r = new PipeRing(1);
        r.append(seq(1000, 0), 0, 1000, false);
        assertTrue(r.tryMerge(seq(3096, 5), 0, 3096), "fits exactly");
        assertFalse(r.tryMerge(new byte[1], 0, 1), "the page is full");
        assertEquals(4096, r.bytes());
        byte[] all = take(r, 4096);
        assertEquals(seq(3096, 5)[3095], all[4095]);
    }

    @Test
    void aPartlyReadSlotMergesAfterItsData() {
        PipeRing r = new PipeRing(1);
        r.append(seq(10, 0), 0, 10, false);
        take(r, 4);
        assertTrue(r.tryMerge(seq(5, 50), 0, 5));
        byte[] rest = take(r, 11);
        assertArrayEquals(new byte[] {seq(10, 0)[4], seq(10, 0)[9], seq(5, 50)[0], seq(5, 50)[4]},
                new byte[] {rest[0], rest[5], rest[6], rest[10]});
    }

    @Test
    void packetsAreReadOneAtATimeAndNeverMergedInto() {
        PipeRing r = new PipeRing(4);
        r.append(seq(3, 0), 0, 3, true);
        assertFalse(r.tryMerge(new byte[2], 0, 2), "a packet takes no more bytes");
        r.append(seq(7, 1), 0, 7, true);
        byte[] buf = new byte[100];
        assertEquals(3, r.read(buf, 0, 100), "one packet per read");
        assertEquals(2, r.read(buf, 0, 2), "a short read takes its start");
        assertEquals(seq(7, 1)[1], buf[1]);
        assertTrue(r.isEmpty(), "and the rest of that packet is dropped");
        assertEquals(0, r.bytes());
    }

    @Test
    void aStreamReadMayEndWithAPacket() {
        PipeRing r = new PipeRing(4);
        r.append(seq(5, 0), 0, 5, false);
        r.append(seq(5, 9), 0, 5, true);
        r.append(seq(5, 7), 0, 5, true);
        assertEquals(10, r.read(new byte[100], 0, 100), "stream bytes, then one packet, as pipe_read");
        assertEquals(5, r.bytes());
    }

    @Test
    void resizeKeepsWrappedContentsInOrder() throws ErrnoException {
        PipeRing r = new PipeRing(4);
        for (int i = 0; i < 3; i++) r.append(seq(4096, i), 0, 4096, false);
        take(r, 4096);
        take(r, 4096);
        r.append(seq(4096, 3), 0, 4096, false);
        r.append(seq(4096, 4), 0, 4096, false); // head has wrapped past the ring's end
        r.resize(8);
        assertEquals(8, r.slots());
        for (int i = 5; i < 10; i++) r.append(seq(4096, i), 0, 4096, false);
        assertTrue(r.isFull());
        for (int i = 2; i < 10; i++) assertArrayEquals(seq(4096, i), take(r, 4096), "slot " + i);
    }

    @Test
    void shrinkingBelowTheContentsIsEbusy() throws ErrnoException {
        PipeRing r = new PipeRing(4);
        r.append(new byte[1], 0, 1, false);
        r.append(new byte[1], 0, 1, false);
        ErrnoException e = assertThrows(ErrnoException.class, () -> r.resize(1));
        assertEquals(Errno.EBUSY, e.errno);
        r.resize(2);
        assertTrue(r.isFull());
        assertEquals(2, r.read(new byte[4], 0, 4));
    }
}
