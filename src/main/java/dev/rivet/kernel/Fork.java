package dev.rivet.kernel;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.cpu.Hart;
import dev.rivet.mm.AddressSpace;

import java.util.concurrent.locks.LockSupport;

/**
 * A new process from clone without CLONE_THREAD (fork, vfork, posix_spawn): Linux's
 * copy_process for a new thread group. The child gets a copy-on-write copy of the address space
 * (or shares it with CLONE_VM), a copy of the fd table sharing the open file descriptions, a
 * copy of the fs context, the limits and the signal dispositions; pending signals start empty;
 * only the calling thread is copied, and it returns 0 from the same ecall.
 */
public final class Fork {
    private Fork() {}

    /** The clone flags this file reads (the caller validated the combination). */
    public static final long CLONE_VM = 0x100, CLONE_VFORK = 0x4000, CLONE_PARENT = 0x8000, CLONE_SETTLS = 0x80000,
            CLONE_PARENT_SETTID = 0x100000, CLONE_CHILD_CLEARTID = 0x200000, CLONE_CHILD_SETTID = 0x1000000,
            CLONE_CLEAR_SIGHAND = 0x100000000L;

    /**
     * Creates and starts the child; returns its pid. With CLONE_VFORK the calling thread then
     * sleeps until the child execs or exits (only the process dying ends the sleep early, as
     * Linux's killable wait_for_vfork_done).
     */
    public static int fork(Task task, long flags, int exitSignal, long sp, long parentTid, long tls, long childTid)
            throws ErrnoException {
        Process p = task.process;
        Kernel k = p.kernel;
        if (p.exiting()) throw Errno.EAGAIN.ex();
        // The root stands for the namespace's init, which may not make siblings (copy_process's SIGNAL_UNKILLABLE check).
        if ((flags & CLONE_PARENT) != 0 && p.parent == null) throw Errno.EINVAL.ex();
        long cap = p.limits.soft(Limits.NPROC);
        if (cap >= 0) {
            long n = 0;
            for (Process ignored : k.processes()) n++;
            if (n >= cap) throw Errno.EAGAIN.ex();
        }
        boolean shareVm = (flags & CLONE_VM) != 0;
        AddressSpace mem;
        if (shareVm) {
            mem = p.memory;
            mem.addUser();
        } else {
            mem = p.memory.fork();
            // The other threads may still hold pages now shared copy-on-write in their write
            // TLBs: each must pass a block boundary (where it sees the new generation and drops
            // them) before the child starts, as Linux flushes TLBs inside fork.
            if (p.threadCount() > 1) Membarrier.barrier(task, p);
        }
        int pid = k.allocateId();
        Process c = new Process(k, pid, p.pid, mem, p.fds.copy(), p.fs.copy(), p.uid, p.gid);
        c.pgid = p.pgid;
        c.sid = p.sid;
        c.limits.copyFrom(p.limits);
        c.copyActionsFrom(p);
        if ((flags & CLONE_CLEAR_SIGHAND) != 0) c.resetHandledActions();
        if (p.exePath != null) c.setExe(p.exePath);
        c.sigreturnTrampoline = p.sigreturnTrampoline; // the same vDSO at the same place

        Hart hart = new Hart(mem);
        hart.copyRegistersFrom(task.hart);
        hart.x[10] = 0; // the child's return value; pc is already past the ecall
        if (sp != 0) hart.x[2] = sp;
        if ((flags & CLONE_SETTLS) != 0) hart.x[4] = tls;
        Task child = new Task(c, hart, pid);
        child.sigmask = task.sigmask;
        child.name = task.name;
        child.affinity = task.affinity;
        // A CLONE_VM child that is not a vfork child gets no alternate signal stack (it would share the parent's).
        if (!shareVm || (flags & CLONE_VFORK) != 0) {
            child.altStackSp = task.altStackSp;
            child.altStackSize = task.altStackSize;
            child.altStackFlags = task.altStackFlags;
        }
        if ((flags & CLONE_CHILD_CLEARTID) != 0) child.clearChildTid = childTid;
        if ((flags & CLONE_CHILD_SETTID) != 0) mem.write32(childTid, pid); // in the child's memory
        if ((flags & CLONE_PARENT_SETTID) != 0) p.memory.write32(parentTid, pid);

        Process parent = p;
        if ((flags & CLONE_PARENT) != 0) {
            parent = p.parent;
            exitSignal = p.exitSignal; // CLONE_PARENT keeps the caller's exit signal
        }
        boolean vfork = (flags & CLONE_VFORK) != 0;
        if (vfork) c.vforkParent = task;
        k.register(c);
        k.tree.forked(parent, c, exitSignal);
        k.start(child);
        if (vfork) awaitVforkDone(task, c);
        return pid;
    }

    /** Sleeps until the vfork child releases its parent (exec or exit), or this process is dying. */
    private static void awaitVforkDone(Task task, Process child) {
        while (child.vforkParent == task) {
            LockSupport.park(child);
            if (task.process.exiting()) {
                child.vforkParent = null;
                return;
            }
        }
    }
}
