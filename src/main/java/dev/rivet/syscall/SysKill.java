package dev.rivet.syscall;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Signal;
import dev.rivet.kernel.Process;
import dev.rivet.kernel.Signals;
import dev.rivet.kernel.Task;
import dev.rivet.signal.SigInfo;

import static dev.rivet.syscall.ArgKind.*;

/** kill(2): signals to a process, a process group, or every process (kernel/signal.c kill_something_info). */
public final class SysKill {
    private SysKill() {}

    public static void register(SyscallTable t) {
        t.add("kill", SysKill::kill, INT, SIGNAL);
    }

    static long kill(Task task, Args a) throws ErrnoException {
        int pid = a.i(0), sig = a.i(1);
        if (sig < 0 || sig > Signal.NSIG) throw Errno.EINVAL.ex();
        Process self = task.process;
        SigInfo info = SigInfo.user(sig, SigInfo.SI_USER, self.pid, self.uid);
        if (pid > 0) {
            Process p = self.kernel.process(pid);
            if (p == null) throw Errno.ESRCH.ex();
            send(p, sig, info);
            return 0;
        }
        // INT_MIN cannot be negated into a group: Linux answers ESRCH.
        if (pid == Integer.MIN_VALUE) throw Errno.ESRCH.ex();
        boolean found = false;
        if (pid == -1) {
            // Every process but the namespace's init (the root) and the caller's own.
            Process root = self.kernel.tree.root();
            for (Process p : self.kernel.processes()) {
                if (p == root || p == self) continue;
                found = true;
                send(p, sig, info);
            }
        } else {
            int pgid = pid == 0 ? self.pgid : -pid;
            for (Process p : self.kernel.processes()) {
                if (p.pgid != pgid) continue;
                found = true;
                send(p, sig, info);
            }
        }
        if (!found) throw Errno.ESRCH.ex();
        return 0;
    }

    /** Every guest process has the same uid, so permission is always granted; signal 0 only checks existence. */
    private static void send(Process p, int sig, SigInfo info) {
        if (sig != 0) Signals.sendToProcess(p, info);
    }
}
