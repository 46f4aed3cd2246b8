package dev.rivet.syscall;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Fcntl;
import dev.rivet.fs.FdTable;
import dev.rivet.fs.pipe.Pipe;
import dev.rivet.fs.pipe.PipeEnd;
import dev.rivet.kernel.Task;

import static dev.rivet.syscall.ArgKind.OPEN_FLAGS;
import static dev.rivet.syscall.ArgKind.PTR;

/** pipe2(2): Rivet's own pipes ({@link Pipe}); their sizes are fcntl's, in {@link SysFcntl}. */
public final class SysPipe {
    private SysPipe() {}

    public static void register(SyscallTable t) {
        t.add("pipe2", SysPipe::pipe2, PTR, OPEN_FLAGS);
    }

    /** The flags pipe2 takes (O_NOTIFICATION_PIPE, for watch queues, is not among them). */
    static final int FLAGS = Fcntl.O_CLOEXEC | Fcntl.O_NONBLOCK | Fcntl.O_DIRECT;

    static long pipe2(Task t, Args a) throws ErrnoException {
        int flags = a.i(1);
        if ((flags & ~FLAGS) != 0) throw Errno.EINVAL.ex();
        boolean cloexec = (flags & Fcntl.O_CLOEXEC) != 0;
        FdTable fds = t.process.fds;
        // Numbers first, as Linux: EMFILE leaves nothing behind.
        int r = fds.reserve(cloexec);
        int w;
        try {
            w = fds.reserve(cloexec);
        } catch (ErrnoException e) {
            fds.unreserve(r);
            throw e;
        }
        PipeEnd[] ends = Pipe.create(flags, t.process.uid, t.process.gid);
        try {
            t.memory().write32(a.l(0), r);
            t.memory().write32(a.l(0) + 4, w);
        } catch (ErrnoException e) {
            // EFAULT: Linux gives back both numbers and frees the pipe.
            fds.unreserve(r);
            fds.unreserve(w);
            ends[0].close();
            ends[1].close();
            throw e;
        }
        fds.install(r, ends[0]);
        fds.install(w, ends[1]);
        return 0;
    }
}
