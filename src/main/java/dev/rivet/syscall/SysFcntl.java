package dev.rivet.syscall;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Fcntl;
import dev.rivet.fs.FdTable;
import dev.rivet.fs.OpenFile;
import dev.rivet.kernel.Task;

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

    public static void register(SyscallTable t) {
        t.partial("fcntl", "F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_SETFD, F_GETFL, F_SETFL only; "
                + "locks, owners, leases, notify, seals and pipe sizes answer EINVAL", SysFcntl::fcntl, FD, INT, HEX);
        t.partial("ioctl", "FIOCLEX, FIONCLEX, FIONBIO, FIONREAD, and TCGETS/TIOCGWINSZ on host terminals; "
                + "everything else ENOTTY", SysFcntl::ioctl, FD, HEX, HEX);
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
                default -> throw Errno.EINVAL.ex();
            };
        }
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
