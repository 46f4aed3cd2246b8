package dev.rivet.syscall;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Fcntl;
import dev.rivet.kernel.Exec;
import dev.rivet.kernel.Task;
import dev.rivet.mm.GuestMemory;

import java.util.ArrayList;
import java.util.List;

import static dev.rivet.syscall.ArgKind.*;

/** execve and execveat: decode the path and the argument and environment vectors, then {@link Exec}. */
public final class SysExec {
    private SysExec() {}

    /** MAX_ARG_STRLEN: one argument or environment string may be at most 32 pages. */
    static final int MAX_ARG_STRLEN = 32 * 4096;
    /** MAX_ARG_STRINGS. */
    static final int MAX_ARG_STRINGS = 0x7fffffff;

    public static void register(SyscallTable t) {
        t.add("execve", (task, a) -> exec(task, Fcntl.AT_FDCWD, a.l(0), a.l(1), a.l(2), 0), PATH, PTR, PTR);
        t.add("execveat", (task, a) -> exec(task, a.i(0), a.l(1), a.l(2), a.l(3), a.i(4)), FD, PATH, PTR, PTR, HEX);
    }

    static long exec(Task task, int dirfd, long pathAddr, long argvAddr, long envpAddr, int flags) throws ErrnoException {
        GuestMemory m = task.memory();
        byte[] path = m.readCBytes(pathAddr, Fcntl.PATH_MAX - 1);
        List<byte[]> argv = strings(m, argvAddr);
        List<byte[]> envp = strings(m, envpAddr);
        Exec.execve(task, dirfd, path, argv, envp, flags);
        return 0;
    }

    /** A NULL-terminated vector of strings (a NULL vector is empty, as Linux allows). */
    static List<byte[]> strings(GuestMemory m, long vec) throws ErrnoException {
        List<byte[]> out = new ArrayList<>();
        if (vec == 0) return out;
        for (long at = vec; ; at += 8) {
            long s = m.read64(at);
            if (s == 0) return out;
            if (out.size() >= MAX_ARG_STRINGS) throw Errno.E2BIG.ex();
            try {
                out.add(m.readCBytes(s, MAX_ARG_STRLEN - 1));
            } catch (ErrnoException e) {
                if (e.errno == Errno.ENAMETOOLONG) throw Errno.E2BIG.ex();
                throw e;
            }
        }
    }
}
