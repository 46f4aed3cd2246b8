package dev.rivet.syscall;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Fcntl;
import dev.rivet.fs.FdTable;
import dev.rivet.fs.OpenFile;
import dev.rivet.fs.pipe.PipeEnd;
import dev.rivet.kernel.Task;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static dev.rivet.syscall.ArgKind.FD;
import static dev.rivet.syscall.ArgKind.HEX;
import static dev.rivet.syscall.ArgKind.INT;

/** fcntl(2) and ioctl(2): per-fd and per-description control. */
public final class SysFcntl {
    private SysFcntl() {}

    // ioctls every file answers (do_vfs_ioctl), before the file's own ioctl.
    static final int FIONCLEX = 0x5450;
    static final int FIOCLEX = 0x5451;
    static final int FIONBIO = 0x5421;
    // fcntl commands for pipe sizes (F_LINUX_SPECIFIC_BASE + 7, + 8).
    static final int F_SETPIPE_SZ = 1031, F_GETPIPE_SZ = 1032;

    public static void register(SyscallTable t) {
        t.partial("fcntl", "F_DUPFD(_CLOEXEC), F_GETFD, F_SETFD, F_GETFL, F_SETFL, record locks; "
                + "F_GETLK/F_SETLK/F_SETLKW are open-file-description locks on the host (they conflict "
                + "between two opens of one file in one process, report l_pid -1, and SETLKW cannot be "
                + "interrupted); F_GETPIPE_SZ/F_SETPIPE_SZ; owners, leases, notify and seals answer EINVAL",
                SysFcntl::fcntl, FD, INT, HEX);
        t.partial("ioctl", "FIOCLEX, FIONCLEX, FIONBIO, FIONREAD, and TCGETS/TCSETS(W/F)/TIOCGWINSZ/TIOCSWINSZ on host "
                + "terminals; everything else (job control, sessions) ENOTTY", SysFcntl::ioctl, FD, HEX, HEX);
    }

    static long fcntl(Task t, Args a) throws ErrnoException {
        FdTable fds = t.process.fds;
        int fd = a.i(0);
        try (OpenFile f = fds.get(fd)) {
            return switch (a.i(1)) {
                // The kernel reads the argument as an unsigned int: a negative one is past the limit.
                case Fcntl.F_DUPFD -> fds.dupAtLeast(fd, a.u32(2), false);
                case Fcntl.F_DUPFD_CLOEXEC -> fds.dupAtLeast(fd, a.u32(2), true);
                case Fcntl.F_GETFD -> fds.closeOnExec(fd) ? Fcntl.FD_CLOEXEC : 0;
                case Fcntl.F_SETFD -> {
                    fds.setCloseOnExec(fd, (a.i(2) & Fcntl.FD_CLOEXEC) != 0);
                    yield 0;
                }
                case Fcntl.F_GETFL -> f.statusFlags();
                case Fcntl.F_SETFL -> {
                    f.setStatusFlags(a.i(2));
                    yield 0;
                }
                case Fcntl.F_GETLK, Fcntl.F_OFD_GETLK -> lock(t, f, Fcntl.F_OFD_GETLK, a.l(2), a.i(1) == Fcntl.F_GETLK);
                case Fcntl.F_SETLK, Fcntl.F_OFD_SETLK -> lock(t, f, Fcntl.F_OFD_SETLK, a.l(2), a.i(1) == Fcntl.F_SETLK);
                case Fcntl.F_SETLKW, Fcntl.F_OFD_SETLKW -> lock(t, f, Fcntl.F_OFD_SETLKW, a.l(2), a.i(1) == Fcntl.F_SETLKW);
                // Pipe sizes; Linux answers EBADF for a file that is not a pipe.
                case F_GETPIPE_SZ -> pipe(f).pipeSize();
                case F_SETPIPE_SZ -> pipe(f).setPipeSize(a.l(2));
                default -> throw Errno.EINVAL.ex();
            };
        }
    }

    /**
     * Record locks. All guest processes share one host process, whose POSIX locks would never
     * conflict with each other, so locks become the host's open-file-description locks, which
     * conflict between descriptions as POSIX locks do between processes.
     */
    private static long lock(Task t, OpenFile f, int ofdCmd, long addr, boolean posix) throws ErrnoException {
        byte[] fl = t.memory().read(addr, Fcntl.FLOCK_SIZE);
        ByteBuffer b = ByteBuffer.wrap(fl).order(ByteOrder.LITTLE_ENDIAN);
        // OFD commands demand l_pid 0; the POSIX ones ignore what the caller put there.
        if (posix) b.putInt(Fcntl.FLOCK_PID, 0);
        else if (b.getInt(Fcntl.FLOCK_PID) != 0) throw Errno.EINVAL.ex();
        f.lock(ofdCmd, fl);
        if (ofdCmd == Fcntl.F_OFD_GETLK) t.memory().write(addr, fl);
        return 0;
    }

    private static PipeEnd pipe(OpenFile f) throws ErrnoException {
        if (f instanceof PipeEnd p) return p;
        throw Errno.EBADF.ex();
    }

    static long ioctl(Task t, Args a) throws ErrnoException {
        FdTable fds = t.process.fds;
        int fd = a.i(0);
        int cmd = a.i(1);
        try (OpenFile f = fds.get(fd)) {
            switch (cmd) {
                case FIOCLEX -> { fds.setCloseOnExec(fd, true); return 0; }
                case FIONCLEX -> { fds.setCloseOnExec(fd, false); return 0; }
                case FIONBIO -> {
                    boolean on = t.memory().read32(a.l(2)) != 0;
                    int fl = f.statusFlags();
                    f.setStatusFlags(on ? fl | Fcntl.O_NONBLOCK : fl & ~Fcntl.O_NONBLOCK);
                    return 0;
                }
                default -> { return f.ioctl(cmd, a.l(2), t.memory()); }
            }
        }
    }
}
