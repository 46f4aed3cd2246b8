package dev.rivet.syscall;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Timespec;
import dev.rivet.fs.OpenFile;
import dev.rivet.kernel.Signals;
import dev.rivet.kernel.Task;
import dev.rivet.mm.GuestMemory;

import java.util.concurrent.locks.LockSupport;

import static dev.rivet.syscall.ArgKind.*;

/**
 * ppoll and pselect6 (musl's poll, select and pause use them). Readiness comes from each
 * description's {@link OpenFile#pollReady}; with no wait queues yet, a waiting call looks
 * again after a short, growing pause (50 µs up to 5 ms), and a signal ends the wait at once.
 */
public final class SysPoll {
    private SysPoll() {}

    public static final int POLLIN = 0x1, POLLPRI = 0x2, POLLOUT = 0x4, POLLERR = 0x8, POLLHUP = 0x10, POLLNVAL = 0x20,
            POLLRDNORM = 0x40, POLLRDBAND = 0x80, POLLWRNORM = 0x100, POLLWRBAND = 0x200;
    static final int POLLIN_SET = POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR;
    static final int POLLOUT_SET = POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR;
    static final int POLLEX_SET = POLLPRI;
    static final long MAX_NAP_NANOS = 5_000_000, FIRST_NAP_NANOS = 50_000;

    public static void register(SyscallTable t) {
        t.partial("ppoll", "readiness is re-checked every few ms (no wait queues yet); signals end the wait at once",
                SysPoll::ppoll, PTR, INT, STRUCT, STRUCT, SIZE);
        t.partial("pselect6", "as ppoll", SysPoll::pselect6, INT, PTR, PTR, PTR, STRUCT, PTR);
    }

    /** One polled descriptor: what is asked, and the description (null: negative fd or not open). */
    private record Polled(int fd, int events, OpenFile file) {}

    static long ppoll(Task task, Args a) throws ErrnoException {
        GuestMemory m = task.memory();
        long fdsAddr = a.l(0);
        int nfds = a.i(1);
        if (nfds < 0 || nfds > task.process.fds.limit()) throw Errno.EINVAL.ex();
        long deadline = deadline(m, a.l(2));
        Polled[] polled = new Polled[nfds];
        boolean interrupted = false;
        try {
            for (int i = 0; i < nfds; i++) {
                int fd = m.read32(fdsAddr + 8L * i);
                int events = m.read16(fdsAddr + 8L * i + 4) & 0xffff;
                OpenFile f = null;
                if (fd >= 0) {
                    try {
                        f = task.process.fds.get(fd);
                    } catch (ErrnoException e) {
                        f = null;
                    }
                }
                polled[i] = new Polled(fd, events, f);
            }
            withMask(task, a.l(3), a.l(4));
            int[] revents = new int[nfds];
            int ready = waitReady(task, deadline, () -> {
                int n = 0;
                for (int i = 0; i < nfds; i++) {
                    Polled p = polled[i];
                    int r = p.fd < 0 ? 0 : p.file == null ? POLLNVAL
                            : p.file.pollReady(p.events | POLLERR | POLLHUP) & (p.events | POLLERR | POLLHUP);
                    revents[i] = r;
                    if (r != 0) n++;
                }
                return n;
            });
            for (int i = 0; i < nfds; i++) m.write16(fdsAddr + 8L * i + 6, (short) revents[i]);
            writeLeft(m, a.l(2), deadline);
            return ready;
        } catch (ErrnoException e) {
            if (e.errno == Errno.EINTR) interrupted = true;
            throw e;
        } finally {
            // After EINTR the mask stays until the handler is entered (its frame saves the old one).
            if (!interrupted) task.restoreSuspendedMask();
            for (Polled p : polled) if (p != null && p.file != null) p.file.close();
        }
    }

    static long pselect6(Task task, Args a) throws ErrnoException {
        GuestMemory m = task.memory();
        int n = a.i(0);
        if (n < 0) throw Errno.EINVAL.ex();
        n = Math.min(n, task.process.fds.limit());
        int words = (n + 63) / 64;
        long inp = a.l(1), outp = a.l(2), exp = a.l(3);
        long[] in = readSet(m, inp, words), out = readSet(m, outp, words), ex = readSet(m, exp, words);
        long deadline = deadline(m, a.l(4));
        OpenFile[] files = new OpenFile[n];
        boolean interrupted = false;
        try {
            for (int fd = 0; fd < n; fd++) {
                long bit = 1L << (fd & 63);
                if (((in[fd >> 6] | out[fd >> 6] | ex[fd >> 6]) & bit) != 0) files[fd] = task.process.fds.get(fd);
            }
            if (a.l(5) != 0) withMask(task, m.read64(a.l(5)), m.read64(a.l(5) + 8));
            long[] rin = new long[words], rout = new long[words], rex = new long[words];
            final int nf = n;
            int ready = waitReady(task, deadline, () -> {
                int count = 0;
                java.util.Arrays.fill(rin, 0);
                java.util.Arrays.fill(rout, 0);
                java.util.Arrays.fill(rex, 0);
                for (int fd = 0; fd < nf; fd++) {
                    if (files[fd] == null) continue;
                    int w = fd >> 6;
                    long bit = 1L << (fd & 63);
                    int r = files[fd].pollReady(POLLIN_SET | POLLOUT_SET | POLLEX_SET);
                    if ((in[w] & bit) != 0 && (r & POLLIN_SET) != 0) { rin[w] |= bit; count++; }
                    if ((out[w] & bit) != 0 && (r & POLLOUT_SET) != 0) { rout[w] |= bit; count++; }
                    if ((ex[w] & bit) != 0 && (r & POLLEX_SET) != 0) { rex[w] |= bit; count++; }
                }
                return count;
            });
            writeSet(m, inp, rin);
            writeSet(m, outp, rout);
            writeSet(m, exp, rex);
            writeLeft(m, a.l(4), deadline);
            return ready;
        } catch (ErrnoException e) {
            if (e.errno == Errno.EINTR) interrupted = true;
            throw e;
        } finally {
            if (!interrupted) task.restoreSuspendedMask();
            for (OpenFile f : files) if (f != null) f.close();
        }
    }

    /** ppoll/pselect's sigmask argument: in force while waiting, as rt_sigsuspend's. */
    private static void withMask(Task task, long maskAddr, long size) throws ErrnoException {
        if (maskAddr == 0) return;
        if (size != SysSignal.SIGSET_SIZE) throw Errno.EINVAL.ex();
        task.suspendMask(task.memory().read64(maskAddr));
    }

    private interface Check { int ready() throws ErrnoException; }

    /**
     * Checks until something is ready or the deadline passes (then 0). A signal with a handler
     * ends the wait with EINTR (ERESTARTNOHAND: Linux never restarts poll after a handler); the
     * suspended mask then stays until the handler has been entered.
     */
    private static int waitReady(Task task, long deadline, Check check) throws ErrnoException {
        long nap = FIRST_NAP_NANOS;
        for (;;) {
            int n = check.ready();
            if (n > 0) return n;
            long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
            if (left <= 0) return 0;
            if (Signals.interruptsWait(task)) throw Errno.EINTR.ex();
            LockSupport.parkNanos(task, Math.min(left, nap));
            nap = Math.min(nap * 2, MAX_NAP_NANOS);
        }
    }

    /** A relative timeout (null: forever); EINVAL for a negative one. */
    private static long deadline(GuestMemory m, long tsp) throws ErrnoException {
        if (tsp == 0) return Long.MAX_VALUE;
        long sec = m.read64(tsp), nsec = m.read64(tsp + 8);
        if (sec < 0 || nsec < 0 || nsec >= Timespec.NANOS) throw Errno.EINVAL.ex();
        long ns = Timespec.readNanos(m, tsp);
        long now = System.nanoTime();
        return ns > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + ns;
    }

    /** Linux writes the time left back into the timespec (poll_select_finish). */
    private static void writeLeft(GuestMemory m, long tsp, long deadline) throws ErrnoException {
        if (tsp == 0 || deadline == Long.MAX_VALUE) return;
        Timespec.writeNanos(m, tsp, Math.max(0, deadline - System.nanoTime()));
    }

    private static long[] readSet(GuestMemory m, long addr, int words) throws ErrnoException {
        long[] s = new long[words];
        if (addr != 0) for (int i = 0; i < words; i++) s[i] = m.read64(addr + 8L * i);
        return s;
    }

    private static void writeSet(GuestMemory m, long addr, long[] s) throws ErrnoException {
        if (addr != 0) for (int i = 0; i < s.length; i++) m.write64(addr + 8L * i, s[i]);
    }
}
