package dev.rivet.kernel;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Fcntl;
import dev.rivet.abi.Signal;
import dev.rivet.fs.OpenFile;
import dev.rivet.signal.SigInfo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A signalfd (fs/signalfd.c): reading it takes pending signals of its mask from the reading
 * thread (its own first, then its process's) as 128-byte {@code struct signalfd_siginfo}
 * records, instead of delivering them. The signals are normally blocked, so they stay pending
 * until read. Readiness for poll is the same question asked without taking.
 */
public final class SignalFd extends OpenFile {
    /** sizeof(struct signalfd_siginfo). */
    public static final int RECORD = 128;

    private volatile long mask;

    public SignalFd(long mask, int openFlags) {
        super(Fcntl.O_RDWR | openFlags);
        this.mask = mask & ~Signal.UNBLOCKABLE;
    }

    /** signalfd4 on an existing signalfd: a new mask. */
    public void setMask(long m) { mask = m & ~Signal.UNBLOCKABLE; }

    @Override
    public int read(byte[] dst, int off, int len) throws ErrnoException {
        if (len < RECORD) throw Errno.EINVAL.ex();
        Task t = Task.current();
        if (t == null) throw Errno.EINVAL.ex();
        boolean nonblock = (statusFlags() & Fcntl.O_NONBLOCK) != 0;
        int n = 0;
        while (len - n >= RECORD) {
            SigInfo info = take(t);
            if (info == null && n == 0 && !nonblock) {
                try {
                    info = Signals.waitFor(t, mask, Long.MAX_VALUE);
                } catch (ErrnoException e) {
                    throw Errno.ERESTARTSYS.ex(); // restarted after a handler with SA_RESTART, as Linux does
                }
            }
            if (info == null) break;
            encode(info, dst, off + n);
            n += RECORD;
        }
        if (n == 0) throw Errno.EAGAIN.ex();
        return n;
    }

    private SigInfo take(Task t) {
        SigInfo info = t.pending.takeAny(mask);
        return info != null ? info : t.process.sharedPending.takeAny(mask);
    }

    @Override
    public int pollReady(int events) {
        Task t = Task.current();
        if (t == null) return 0;
        boolean any = ((t.pending.mask() | t.process.sharedPending.mask()) & mask) != 0;
        return any ? events & (0x1 | 0x40) : 0; // POLLIN | POLLRDNORM
    }

    /** signalfd_copyinfo(): which siginfo fields a record carries depends on where the signal came from. */
    static void encode(SigInfo s, byte[] b, int at) {
        ByteBuffer bb = ByteBuffer.wrap(b, at, RECORD).slice().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < RECORD; i += 8) bb.putLong(i, 0);
        bb.putInt(0, s.signo()).putInt(4, s.errno()).putInt(8, s.code());
        int sig = s.signo(), code = s.code();
        boolean fault = code > 0 && code != SigInfo.SI_KERNEL && (sig == Signal.SIGSEGV || sig == Signal.SIGBUS
                || sig == Signal.SIGILL || sig == Signal.SIGTRAP || sig == Signal.SIGFPE);
        if (code == SigInfo.SI_TIMER) {
            bb.putInt(24, (int) s.w16()).putInt(32, (int) (s.w16() >>> 32));
            bb.putLong(48, s.w24()).putInt(44, (int) s.w24());
        } else if (fault) {
            bb.putLong(72, s.w16());
        } else if (sig == Signal.SIGCHLD && code > 0 && code != SigInfo.SI_KERNEL) {
            bb.putInt(12, s.pid()).putInt(16, s.uid()).putInt(40, (int) s.w24());
            bb.putLong(56, s.w32()).putLong(64, s.w40());
        } else {
            bb.putInt(12, s.pid()).putInt(16, s.uid());
            if (code < 0) bb.putLong(48, s.w24()).putInt(44, (int) s.w24()); // sigqueue's value
        }
    }
}
