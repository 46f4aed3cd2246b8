package dev.rivet.fs.pipe;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Fcntl;
import dev.rivet.fs.Blocking;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pipe through its two ends, with a fake blocking context standing in for signals. */
class PipeTest {
    /** A context whose "signal" is a flag, and which counts SIGPIPEs. */
    static final class FakeSignals implements Blocking {
        final AtomicBoolean pending = new AtomicBoolean();
        final AtomicInteger sigpipes = new AtomicInteger();
        @Override public boolean interrupted() { return pending.get(); }
        @Override public void brokenPipe() { sigpipes.incrementAndGet(); }
    }

    private static ErrnoException fails(Errno want, org.junit.jupiter.api.function.Executable e) {
        ErrnoException x = assertThrows(ErrnoException.class, e);
        assertEquals(want, x.errno);
        return x;
    }

    /** Runs {@code body} on a thread with {@code ctx} installed, as the kernel does for a guest thread. */
    private static <T> CompletableFuture<T> onThread(Blocking ctx, java.util.concurrent.Callable<T> body, Thread[] thread) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread t = Thread.ofPlatform().start(() -> {
            Blocking.install(ctx);
            try {
                f.complete(body.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        thread[0] = t;
        return f;
    }

    private static void waitParked(Thread t) throws InterruptedException {
        for (int i = 0; i < 500 && t.getState() != Thread.State.WAITING; i++) Thread.sleep(2);
        assertEquals(Thread.State.WAITING, t.getState(), "the thread blocks");
    }

    @Test
    void aBlockedReadIsWokenByAWrite() throws Exception {
        PipeEnd[] p = Pipe.create(0, 0, 0);
        Thread[] th = new Thread[1];
        byte[] buf = new byte[10];
        CompletableFuture<Integer> r = onThread(Blocking.NONE, () -> p[0].read(buf, 0, 10), th);
        waitParked(th[0]);
        assertEquals(3, p[1].write("abc".getBytes(), 0, 3));
        assertEquals(3, r.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aSignalEndsAnEmptyReadWithErestartsys() throws Exception {
        PipeEnd[] p = Pipe.create(0, 0, 0);
        FakeSignals sig = new FakeSignals();
        Thread[] th = new Thread[1];
        CompletableFuture<Integer> r = onThread(sig, () -> p[0].read(new byte[10], 0, 10), th);
        waitParked(th[0]);
        sig.pending.set(true);
        java.util.concurrent.locks.LockSupport.unpark(th[0]); // what a signal sender does
        var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> r.get(5, TimeUnit.SECONDS));
        assertEquals(Errno.ERESTARTSYS, ((ErrnoException) e.getCause()).errno);
    }

    @Test
    void anInterruptedWriteReturnsWhatGotThrough() throws Exception {
        PipeEnd[] p = Pipe.create(0, 0, 0);
        FakeSignals sig = new FakeSignals();
        Thread[] th = new Thread[1];
        CompletableFuture<Integer> w = onThread(sig, () -> p[1].write(new byte[100_000], 0, 100_000), th);
        waitParked(th[0]);
        sig.pending.set(true);
        java.util.concurrent.locks.LockSupport.unpark(th[0]);
        assertEquals(65536, w.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aLargeWriteBlocksUntilReadersMakeRoom() throws Exception {
        PipeEnd[] p = Pipe.create(0, 0, 0);
        Thread[] th = new Thread[1];
        byte[] data = new byte[300_000];
        for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 13);
        CompletableFuture<Integer> w = onThread(Blocking.NONE, () -> p[1].write(data, 0, data.length), th);
        byte[] got = new byte[data.length];
        int n = 0;
        while (n < got.length) n += p[0].read(got, n, Math.min(7000, got.length - n));
        assertEquals(data.length, w.get(5, TimeUnit.SECONDS));
        assertTrue(java.util.Arrays.equals(data, got));
    }

    @Test
    void endOfFileAndBrokenPipeCountDescriptions() throws Exception {
        PipeEnd[] p = Pipe.create(Fcntl.O_NONBLOCK, 0, 0);
        p[1].retain(); // a second reference (a dup or a fork's copy) to the write end
        p[1].close();
        fails(Errno.EAGAIN, () -> p[0].read(new byte[1], 0, 1));
        p[1].close();
        assertEquals(0, p[0].read(new byte[1], 0, 1), "end of file once the last writer goes");

        PipeEnd[] q = Pipe.create(0, 0, 0);
        FakeSignals sig = new FakeSignals();
        Blocking.install(sig);
        try {
            q[0].close();
            fails(Errno.EPIPE, () -> q[1].write(new byte[1], 0, 1));
            assertEquals(1, sig.sigpipes.get(), "SIGPIPE with EPIPE");
        } finally {
            Blocking.install(Blocking.NONE);
        }
    }

    @Test
    void aWriterWaitingForRoomGetsTheCountAndSigpipeWhenTheReaderGoes() throws Exception {
        PipeEnd[] p = Pipe.create(0, 0, 0);
        FakeSignals sig = new FakeSignals();
        Thread[] th = new Thread[1];
        CompletableFuture<Integer> w = onThread(sig, () -> p[1].write(new byte[100_000], 0, 100_000), th);
        waitParked(th[0]);
        p[0].close();
        assertEquals(65536, w.get(5, TimeUnit.SECONDS));
        assertEquals(1, sig.sigpipes.get());
    }

    @Test
    void smallWritesAreAtomicWhenNonBlocking() throws Exception {
        PipeEnd[] p = Pipe.create(Fcntl.O_NONBLOCK, 0, 0);
        for (int i = 0; i < 16; i++) assertEquals(4000, p[1].write(new byte[4000], 0, 4000));
        fails(Errno.EAGAIN, () -> p[1].write(new byte[97], 0, 97)); // 96 bytes free in the last page
        assertEquals(96, p[1].write(new byte[96], 0, 96), "fits whole");
    }

    @Test
    void sizesRoundAndRefuse() throws Exception {
        PipeEnd[] p = Pipe.create(0, 0, 0);
        assertEquals(65536, p[0].pipeSize());
        assertEquals(4096, p[1].setPipeSize(1));
        assertEquals(8192, p[1].setPipeSize(4097));
        assertEquals(1 << 20, p[1].setPipeSize(1 << 20));
        fails(Errno.EPERM, () -> p[1].setPipeSize((1 << 20) + 1));
        fails(Errno.EINVAL, () -> p[1].setPipeSize((1L << 31) + 1));
        assertEquals(4096, p[1].setPipeSize(1L << 32), "the argument is an unsigned int: 2^32 is 0");
        p[1].write(new byte[10], 0, 10);
        assertEquals(4096, p[1].setPipeSize(100), "shrinking to what the contents need");
        assertEquals(16384, p[1].setPipeSize(16384));
        for (int i = 0; i < 3; i++) p[1].write(new byte[4096], 0, 4096);
        fails(Errno.EBUSY, () -> p[1].setPipeSize(8192));
    }

    @Test
    void pollAnswers() {
        PipeEnd[] p = Pipe.create(0, 0, 0);
        int all = 0xffff;
        assertEquals(Pipe.POLLOUT | Pipe.POLLWRNORM, p[1].pollReady(all));
        assertEquals(0, p[0].pollReady(all));
        p[1].close();
        assertEquals(Pipe.POLLHUP, p[0].pollReady(all));
        PipeEnd[] q = Pipe.create(0, 0, 0);
        q[0].close();
        assertFalse((q[1].pollReady(all) & Pipe.POLLERR) == 0);
    }
}
