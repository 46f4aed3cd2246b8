package dev.rivet.signal;

import dev.rivet.abi.ErrnoException;
import dev.rivet.mm.GuestMemory;

/**
 * One queued signal: Linux's {@code siginfo_t} (128 bytes on riscv64). The union after
 * {@code si_signo, si_errno, si_code} is kept as the four raw words at offsets 16, 24, 32 and
 * 40, which every member of the union fits in; the factories give them meaning:
 * <ul>
 * <li>kill/tkill/sigqueue: {@code si_pid} (int at 16), {@code si_uid} (20), {@code si_value} (24)</li>
 * <li>SIGCHLD: pid, uid, {@code si_status} (int at 24), {@code si_utime} (32), {@code si_stime} (40) in clock ticks</li>
 * <li>faults: {@code si_addr} (16)</li>
 * <li>POSIX timers: {@code si_tid} (16), {@code si_overrun} (20), {@code si_value} (24)</li>
 * <li>SIGPOLL: {@code si_band} (16), {@code si_fd} (24)</li>
 * </ul>
 */
public record SigInfo(int signo, int errno, int code, long w16, long w24, long w32, long w40) {
    public static final int SIZE = 128;

    /** si_code values (asm-generic/siginfo.h). */
    public static final int SI_USER = 0, SI_KERNEL = 0x80, SI_QUEUE = -1, SI_TIMER = -2, SI_MESGQ = -3,
            SI_ASYNCIO = -4, SI_SIGIO = -5, SI_TKILL = -6;
    public static final int CLD_EXITED = 1, CLD_KILLED = 2, CLD_DUMPED = 3, CLD_TRAPPED = 4, CLD_STOPPED = 5,
            CLD_CONTINUED = 6;
    public static final int SEGV_MAPERR = 1, SEGV_ACCERR = 2, BUS_ADRALN = 1, BUS_ADRERR = 2, ILL_ILLOPC = 1,
            TRAP_BRKPT = 1, FPE_INTDIV = 1;

    private static long pidUid(int pid, int uid) { return (pid & 0xffffffffL) | ((long) uid << 32); }

    /** kill(2) and the like: sent by process {@code pid} (SI_USER), or by tkill/tgkill (SI_TKILL). */
    public static SigInfo user(int sig, int code, int pid, int uid) {
        return new SigInfo(sig, 0, code, pidUid(pid, uid), 0, 0, 0);
    }

    /** Sent by the kernel itself (SIGPIPE, SIGXFSZ, a stop on a tty …). */
    public static SigInfo kernel(int sig) { return new SigInfo(sig, 0, SI_KERNEL, 0, 0, 0, 0); }

    /** sigqueue / rt_sigqueueinfo / mq_notify: with a value. */
    public static SigInfo queued(int sig, int code, int pid, int uid, long value) {
        return new SigInfo(sig, 0, code, pidUid(pid, uid), value, 0, 0);
    }

    /** A synchronous fault at {@code addr}. */
    public static SigInfo fault(int sig, int code, long addr) { return new SigInfo(sig, 0, code, addr, 0, 0, 0); }

    /** SIGCHLD (or another exit signal) for a child that exited, was killed, stopped or continued. */
    public static SigInfo child(int sig, int code, int pid, int uid, int status, long utimeTicks, long stimeTicks) {
        return new SigInfo(sig, 0, code, pidUid(pid, uid), status & 0xffffffffL, utimeTicks, stimeTicks);
    }

    /** A POSIX timer expiry. */
    public static SigInfo timer(int sig, int timerId, int overrun, long value) {
        return new SigInfo(sig, 0, SI_TIMER, pidUid(timerId, overrun), value, 0, 0);
    }

    public int pid() { return (int) w16; }
    public int uid() { return (int) (w16 >>> 32); }
    public long value() { return w24; }

    /** The same signal with a different overrun count (timers update it when delivered). */
    public SigInfo withOverrun(int overrun) { return new SigInfo(signo, errno, code, pidUid((int) w16, overrun), w24, w32, w40); }

    /** Writes the 128-byte siginfo_t at {@code addr} (the rest of the union is zero). */
    public void write(GuestMemory m, long addr) throws ErrnoException {
        byte[] b = new byte[SIZE];
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bb.putInt(0, signo).putInt(4, errno).putInt(8, code);
        bb.putLong(16, w16).putLong(24, w24).putLong(32, w32).putLong(40, w40);
        m.write(addr, b);
    }

    /** Reads a guest's siginfo_t (rt_sigqueueinfo): the words after offset 48 are not kept. */
    public static SigInfo read(GuestMemory m, long addr) throws ErrnoException {
        byte[] b = m.read(addr, 48);
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        return new SigInfo(bb.getInt(0), bb.getInt(4), bb.getInt(8), bb.getLong(16), bb.getLong(24), bb.getLong(32),
                bb.getLong(40));
    }

    public SigInfo withSigno(int sig) { return new SigInfo(sig, errno, code, w16, w24, w32, w40); }
}
