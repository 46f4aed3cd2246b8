package dev.rivet.syscall;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Signal;
import dev.rivet.kernel.ProcessTree;
import dev.rivet.kernel.ProcessTree.Report;
import dev.rivet.kernel.Task;
import dev.rivet.mm.GuestMemory;
import dev.rivet.signal.SigInfo;

import static dev.rivet.kernel.ProcessTree.*;
import static dev.rivet.syscall.ArgKind.*;

/** Waiting for children: wait4 and waitid (kernel/exit.c). */
public final class SysWait {
    private SysWait() {}

    public static void register(SyscallTable t) {
        t.add("wait4", SysWait::wait4, INT, PTR, HEX, PTR);
        t.partial("waitid", "P_PIDFD answers EBADF: Rivet has no pidfds, so no fd is one", SysWait::waitid,
                INT, INT, PTR, HEX, PTR);
    }

    static long wait4(Task task, Args a) throws ErrnoException {
        int upid = a.i(0), options = a.i(2);
        if ((options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL)) != 0) throw Errno.EINVAL.ex();
        // INT_MIN cannot be negated into a group: Linux answers ESRCH.
        if (upid == Integer.MIN_VALUE) throw Errno.ESRCH.ex();
        int idtype, id;
        if (upid == -1) { idtype = P_ALL; id = 0; }
        else if (upid < 0) { idtype = P_PGID; id = -upid; }
        else if (upid == 0) { idtype = P_PGID; id = task.process.pgid; }
        else { idtype = P_PID; id = upid; }
        Report r = task.process.kernel.tree.await(task, idtype, id, options | WEXITED);
        if (r == null) return 0;
        GuestMemory m = task.memory();
        if (a.l(1) != 0) m.write32(a.l(1), r.status());
        if (a.l(3) != 0) SysProcess.writeRusage(m, a.l(3), r.cpu(), r.user());
        return r.pid();
    }

    static long waitid(Task task, Args a) throws ErrnoException {
        int which = a.i(0), upid = a.i(1), options = a.i(3);
        long infop = a.l(2), ru = a.l(4);
        if ((options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL)) != 0)
            throw Errno.EINVAL.ex();
        if ((options & (WEXITED | WSTOPPED | WCONTINUED)) == 0) throw Errno.EINVAL.ex();
        int id;
        switch (which) {
            case P_ALL -> id = 0;
            case P_PID -> {
                if (upid <= 0) throw Errno.EINVAL.ex();
                id = upid;
            }
            case P_PGID -> {
                if (upid < 0) throw Errno.EINVAL.ex();
                id = upid == 0 ? task.process.pgid : upid;
            }
            case P_PIDFD -> {
                // pidfd_get_pid: EBADF for a closed fd and for one that is not a pidfd.
                task.process.fds.get(upid).close();
                throw Errno.EBADF.ex();
            }
            default -> throw Errno.EINVAL.ex();
        }
        Report r = task.process.kernel.tree.await(task, which, id, options);
        GuestMemory m = task.memory();
        if (ru != 0 && r != null) SysProcess.writeRusage(m, ru, r.cpu(), r.user()); // untouched when nothing is reported
        if (infop != 0) {
            // Nothing to report (WNOHANG): Linux still writes zero signo, code, pid, uid and status.
            SigInfo info = r == null ? new SigInfo(0, 0, 0, 0, 0, 0, 0)
                    : SigInfo.child(Signal.SIGCHLD, r.code(), r.pid(), r.uid(), r.siStatus(), 0, 0);
            m.write32(infop, info.signo());
            m.write32(infop + 4, 0);
            m.write32(infop + 8, info.code());
            m.write64(infop + 16, info.w16());
            m.write32(infop + 24, (int) info.w24());
        }
        return 0;
    }
}
