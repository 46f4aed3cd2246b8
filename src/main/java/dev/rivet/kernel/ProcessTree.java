package dev.rivet.kernel;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Signal;
import dev.rivet.signal.SigInfo;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Who is whose child, and what a parent learns about its children (Linux's kernel/exit.c:
 * exit_notify, forget_original_parent, do_notify_parent, do_wait). One lock (Linux's
 * tasklist_lock) guards every process's parent, children, zombie state and wait reports.
 *
 * <p>The first guest process is the tree's root: it stands for the init of a pid namespace,
 * so orphans are re-parented to it, and when it ends the others are killed.
 */
public final class ProcessTree {
    /** sigaction flags that concern children (asm-generic/signal.h). */
    public static final long SA_NOCLDSTOP = 1, SA_NOCLDWAIT = 2;
    /** wait options (linux/wait.h). */
    public static final int WNOHANG = 1, WUNTRACED = 2, WSTOPPED = 2, WEXITED = 4, WCONTINUED = 8,
            WNOWAIT = 0x01000000, __WNOTHREAD = 0x20000000, __WALL = 0x40000000, __WCLONE = 0x80000000;
    /** waitid id types. */
    public static final int P_ALL = 0, P_PID = 1, P_PGID = 2, P_PIDFD = 3;
    /** USER_HZ: siginfo's si_utime and si_stime are in clock ticks. */
    static final long NANOS_PER_TICK = 10_000_000L;

    private final Kernel kernel;
    /** The first guest process (init of this tree); orphans go to it. */
    private volatile Process root;

    ProcessTree(Kernel kernel) {
        this.kernel = kernel;
    }

    /** Makes {@code p} the root (the first process the kernel runs). */
    synchronized void setRoot(Process p) {
        if (root == null) root = p;
    }

    public Process root() { return root; }

    /** A new child of {@code parent} (fork, vfork, clone without CLONE_THREAD). */
    public synchronized void forked(Process parent, Process child, int exitSignal) {
        child.parent = parent;
        child.exitSignal = exitSignal;
        parent.children.add(child);
    }

    /** The children of {@code p} (a snapshot), for /proc and kill(-1). */
    public synchronized List<Process> children(Process p) { return List.copyOf(p.children); }

    /**
     * The last thread of {@code p} has ended: Linux's exit_files/exit_fs/exit_mm, then
     * exit_notify. Its children go to the root; the parent is told (SIGCHLD or the exit
     * signal) and woken in wait; the process is reaped at once when the parent ignores SIGCHLD
     * or set SA_NOCLDWAIT.
     */
    void exited(Process p) {
        p.finalCpu = p.cpuTimeNanos();
        p.finalUser = p.userTimeNanos();
        p.fds.closeAll();
        p.fs.release();
        p.memory.release();
        releaseVforkParent(p);
        List<Process> wakeParents = new ArrayList<>();
        List<Integer> orphaned = new ArrayList<>();
        synchronized (this) {
            Process reaper = root;
            for (Process c : p.children) {
                c.parent = reaper == p ? null : reaper;
                if (c.parent == null) continue;
                // A re-parented child signals its new parent with SIGCHLD, whatever it had.
                c.exitSignal = Signal.SIGCHLD;
                reaper.children.add(c);
                if (c.zombie && notifyParent(c, reaper)) reap(c, reaper);
                wakeParents.add(reaper);
                orphanedGroup(c, p, orphaned);
            }
            p.children.clear();
            orphanedGroup(p, null, orphaned);
            p.zombie = true;
            Process parent = p.parent;
            if (parent == null) {
                if (p != root) kernel.unregister(p);
            } else {
                if (notifyParent(p, parent)) reap(p, parent);
                wakeParents.add(parent);
            }
        }
        for (Process w : wakeParents) wakeWaiters(w);
        // POSIX: a process group orphaned with stopped members gets SIGHUP, then SIGCONT.
        for (int pgrp : orphaned) {
            for (int sig : new int[] {Signal.SIGHUP, Signal.SIGCONT}) {
                for (Process q : kernel.processes()) if (q.pgid == pgrp) Signals.sendToProcess(q, SigInfo.kernel(sig));
            }
        }
    }

    /**
     * Linux's kill_orphaned_pgrp: {@code p} (exiting, when {@code oldParent} is null) or its
     * child {@code p} (re-parented away from {@code oldParent}) may have been its group's last
     * link to a parent in another group of the same session; if the group is now orphaned and
     * has a stopped member, it is added to {@code out}. Tree lock held.
     */
    private void orphanedGroup(Process p, Process oldParent, List<Integer> out) {
        Process ignored = oldParent == null ? p : null;
        Process parent = oldParent == null ? p.parent : oldParent;
        if (parent == null) return;
        int pgrp = p.pgid;
        if (parent.pgid == pgrp || parent.sid != p.sid || out.contains(pgrp)) return;
        boolean stopped = false;
        for (Process q : kernel.processes()) {
            if (q.pgid != pgrp || q == ignored || q.zombie) continue;
            Process qp = q.parent;
            if (qp != null && qp.pgid != pgrp && qp.sid == q.sid) return; // still linked: not orphaned
            stopped |= q.stopped();
        }
        if (stopped) out.add(pgrp);
    }

    /**
     * do_notify_parent: sends the exit signal and says whether the child is to be reaped now
     * (SIGCHLD ignored, or SA_NOCLDWAIT). Tree lock held.
     */
    private boolean notifyParent(Process child, Process parent) {
        int sig = child.exitSignal;
        boolean autoreap = false;
        if (sig == Signal.SIGCHLD) {
            SigAction a = parent.action(Signal.SIGCHLD);
            if (a.handler() == SigAction.SIG_IGN || (a.flags() & SA_NOCLDWAIT) != 0) {
                autoreap = true;
                if (a.handler() == SigAction.SIG_IGN) sig = 0;
            }
        }
        if (sig > 0 && sig <= Signal.NSIG) {
            ExitStatus st = child.exitStatus();
            int code = !st.bySignal() ? SigInfo.CLD_EXITED : st.coreDumped() ? SigInfo.CLD_DUMPED : SigInfo.CLD_KILLED;
            int status = st.bySignal() ? st.signal() : st.code();
            Signals.sendToProcess(parent, SigInfo.child(sig, code, child.pid, child.uid, status,
                    child.finalUser / NANOS_PER_TICK, Math.max(child.finalCpu - child.finalUser, 0) / NANOS_PER_TICK));
        }
        return autoreap;
    }

    /** Removes a dead child for good: its times go to the parent's RUSAGE_CHILDREN. Tree lock held. */
    private void reap(Process child, Process parent) {
        parent.children.remove(child);
        parent.childrenCpu += child.finalCpu + child.childrenCpu;
        parent.childrenUser += child.finalUser + child.childrenUser;
        kernel.unregister(child);
    }

    /** Wakes the threads of {@code p} sleeping in wait4/waitid. */
    private static void wakeWaiters(Process p) {
        for (Task t : p.childWaiters) {
            Thread th = t.thread;
            if (th != null) LockSupport.unpark(th);
        }
    }

    /** The vfork parent sleeps until its child execs or exits (mm_release's complete_vfork_done). */
    public static void releaseVforkParent(Process child) {
        Task parent = child.vforkParent;
        if (parent == null) return;
        child.vforkParent = null;
        Thread th = parent.thread;
        if (th != null) LockSupport.unpark(th);
    }

    /**
     * Job control in {@code p}: a stop or a continue is kept for wait (WUNTRACED/WCONTINUED)
     * and reported with SIGCHLD unless the parent set SA_NOCLDSTOP (do_notify_parent_cldstop).
     */
    void jobControl(Process p, boolean stopped) {
        Process parent;
        int sig;
        synchronized (this) {
            if (stopped) {
                sig = p.stopSignal();
                p.stopReport = sig;
                p.continueReport = false;
            } else {
                sig = Signal.SIGCONT;
                p.stopReport = 0;
                p.continueReport = true;
            }
            parent = p.parent;
        }
        if (parent == null) return;
        if ((parent.action(Signal.SIGCHLD).flags() & SA_NOCLDSTOP) == 0) {
            long user = p.userTimeNanos(), cpu = p.cpuTimeNanos();
            Signals.sendToProcess(parent, SigInfo.child(Signal.SIGCHLD, stopped ? SigInfo.CLD_STOPPED : SigInfo.CLD_CONTINUED,
                    p.pid, p.uid, sig, user / NANOS_PER_TICK, Math.max(cpu - user, 0) / NANOS_PER_TICK));
        }
        wakeWaiters(parent);
    }

    /**
     * What wait reports about one child: its pid, the wait status word, the siginfo code and
     * status for waitid, and its CPU times (total and user, nanoseconds) for the rusage.
     */
    public record Report(int pid, int uid, int status, int code, int siStatus, long cpu, long user) {}

    /**
     * One pass of do_wait over the children of {@code parent} that {@code idtype}/{@code id}
     * select (P_ALL, P_PID, P_PGID): the first one with something to report, consumed unless
     * WNOWAIT (a zombie is then reaped); null when some are selected but none has news; ECHILD
     * when none is selected.
     */
    public synchronized Report poll(Process parent, int idtype, int id, int options) throws ErrnoException {
        boolean any = false;
        for (Iterator<Process> it = parent.children.iterator(); it.hasNext(); ) {
            Process c = it.next();
            if (idtype == P_PID && c.pid != id) continue;
            if (idtype == P_PGID && c.pgid != id) continue;
            // eligible_child: __WALL takes every child, else __WCLONE picks exactly the ones
            // whose exit signal is not SIGCHLD.
            if ((options & __WALL) == 0 && ((c.exitSignal != Signal.SIGCHLD) != ((options & __WCLONE) != 0))) continue;
            any = true;
            boolean keep = (options & WNOWAIT) != 0;
            if (c.zombie) {
                if ((options & WEXITED) == 0) continue;
                ExitStatus st = c.exitStatus();
                int code = !st.bySignal() ? SigInfo.CLD_EXITED : st.coreDumped() ? SigInfo.CLD_DUMPED : SigInfo.CLD_KILLED;
                Report r = new Report(c.pid, c.uid, st.waitStatus(), code, st.bySignal() ? st.signal() : st.code(),
                        c.finalCpu + c.childrenCpu, c.finalUser + c.childrenUser);
                if (!keep) {
                    it.remove();
                    parent.childrenCpu += c.finalCpu + c.childrenCpu;
                    parent.childrenUser += c.finalUser + c.childrenUser;
                    kernel.unregister(c);
                }
                return r;
            }
            if ((options & WSTOPPED) != 0 && c.stopReport != 0) {
                int sig = c.stopReport;
                if (!keep) c.stopReport = 0;
                return new Report(c.pid, c.uid, ExitStatus.stoppedStatus(sig), SigInfo.CLD_STOPPED, sig, c.cpuTimeNanos(), c.userTimeNanos());
            }
            if ((options & WCONTINUED) != 0 && c.continueReport) {
                if (!keep) c.continueReport = false;
                return new Report(c.pid, c.uid, ExitStatus.CONTINUED_STATUS, SigInfo.CLD_CONTINUED, Signal.SIGCONT, c.cpuTimeNanos(),
                        c.userTimeNanos());
            }
        }
        if (!any) throw Errno.ECHILD.ex();
        return null;
    }

    /**
     * do_wait: polls until a selected child has news, sleeping in between (unless WNOHANG,
     * which returns null). A signal to be handled ends the sleep with ERESTARTSYS, so
     * SA_RESTART restarts it, as on Linux.
     */
    public Report await(Task task, int idtype, int id, int options) throws ErrnoException {
        Process p = task.process;
        p.childWaiters.add(task);
        try {
            for (;;) {
                Report r = poll(p, idtype, id, options);
                if (r != null || (options & WNOHANG) != 0) return r;
                LockSupport.park(this);
                if (Signals.interruptsWait(task)) throw Errno.ERESTARTSYS.ex();
            }
        } finally {
            p.childWaiters.remove(task);
        }
    }

    /**
     * setpgid(2): {@code pid} 0 is the caller, {@code pgid} 0 the target's pid. The target is
     * the caller or a child that has not exec'd (EACCES), in the caller's session (EPERM), and
     * not a session leader (EPERM); a group joined must exist in the caller's session (EPERM).
     */
    public synchronized void setpgid(Process caller, int pid, int pgid) throws ErrnoException {
        if (pid < 0 || pgid < 0) throw Errno.EINVAL.ex();
        Process target = pid == 0 ? caller : kernel.process(pid);
        if (target == null || (target != caller && target.parent != caller)) throw Errno.ESRCH.ex();
        if (target != caller) {
            if (target.sid != caller.sid) throw Errno.EPERM.ex();
            if (target.execed) throw Errno.EACCES.ex();
        }
        if (target.sid == target.pid) throw Errno.EPERM.ex();
        if (pgid == 0) pgid = target.pid;
        if (pgid != target.pid && !groupInSession(pgid, caller.sid)) throw Errno.EPERM.ex();
        target.pgid = pgid;
    }

    private boolean groupInSession(int pgid, int sid) {
        for (Process p : kernel.processes()) if (p.pgid == pgid && p.sid == sid && !p.zombie) return true;
        return false;
    }

    /** setsid(2): EPERM when a process group with the caller's pid exists; else a new session and group. */
    public synchronized int setsid(Process caller) throws ErrnoException {
        for (Process p : kernel.processes()) if (p.pgid == caller.pid) throw Errno.EPERM.ex();
        caller.sid = caller.pid;
        caller.pgid = caller.pid;
        return caller.pid;
    }

    /** RUSAGE_CHILDREN: CPU time (total, user) of the reaped children, in nanoseconds. */
    public synchronized long[] childrenTimes(Process p) { return new long[] {p.childrenCpu, p.childrenUser}; }

    /**
     * The root has ended: every other guest process is killed, as when a pid namespace's init
     * dies. Their threads stop at their next block boundary or wake-up; nobody waits for them.
     */
    void killAllButRoot() {
        for (Process p : kernel.processes()) {
            if (p != root) Signals.kill(p, Signal.SIGKILL);
        }
    }
}
