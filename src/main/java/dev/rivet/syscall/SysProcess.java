package dev.rivet.syscall;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Timespec;
import dev.rivet.kernel.ExitStatus;
import dev.rivet.kernel.Limits;
import dev.rivet.kernel.Process;
import dev.rivet.kernel.ProcessExit;
import dev.rivet.kernel.Task;
import dev.rivet.kernel.ThreadExit;
import dev.rivet.mm.GuestMemory;

import static dev.rivet.syscall.ArgKind.*;

/**
 * Process and thread identity and lifetime: exit, exit_group, the get*id family,
 * set_tid_address, set_robust_list, resource limits and usage.
 */
public final class SysProcess {
    private SysProcess() {}

    public static void register(SyscallTable t) {
        t.add("exit", SysProcess::exit, INT);
        t.add("exit_group", SysProcess::exitGroup, INT);
        t.add("getpid", (task, a) -> task.process.pid);
        t.add("getppid", (task, a) -> task.process.ppid());
        t.add("gettid", (task, a) -> task.tid);
        t.add("getuid", (task, a) -> task.process.uid);
        t.add("geteuid", (task, a) -> task.process.uid);
        t.add("getgid", (task, a) -> task.process.gid);
        t.add("getegid", (task, a) -> task.process.gid);
        t.add("getresuid", (task, a) -> resids(task, a, task.process.uid), PTR, PTR, PTR);
        t.add("getresgid", (task, a) -> resids(task, a, task.process.gid), PTR, PTR, PTR);
        t.add("getpgid", SysProcess::getpgid, INT);
        t.add("getsid", SysProcess::getsid, INT);
        t.add("setpgid", (task, a) -> { task.process.kernel.tree.setpgid(task.process, a.i(0), a.i(1)); return 0; }, INT, INT);
        t.add("setsid", (task, a) -> task.process.kernel.tree.setsid(task.process));
        t.add("set_tid_address", SysProcess::setTidAddress, PTR);
        t.add("set_robust_list", SysProcess::setRobustList, PTR, SIZE);
        t.add("prlimit64", SysProcess::prlimit64, INT, INT, STRUCT, PTR);
        t.add("getrlimit", (task, a) -> prlimit(task, a.i(0), 0, a.l(1)), INT, PTR);
        t.add("setrlimit", (task, a) -> prlimit(task, a.i(0), a.l(1), 0), INT, STRUCT);
        t.add("getrusage", SysProcess::getrusage, INT, PTR);
        t.add("times", SysProcess::times, PTR);
    }

    /** exit(2) ends the calling thread; the last thread's exit ends the process with its code. */
    static long exit(Task task, Args a) {
        if (task.process.threadCount() == 1) throw new ProcessExit(ExitStatus.exited(a.i(0)));
        throw new ThreadExit(a.i(0));
    }

    static long exitGroup(Task task, Args a) {
        throw new ProcessExit(ExitStatus.exited(a.i(0)));
    }

    /** getresuid/getresgid: real, effective and saved ids, all the same for a guest. */
    static long resids(Task task, Args a, int id) throws ErrnoException {
        for (int i = 0; i < 3; i++) task.memory().write32(a.l(i), id);
        return 0;
    }

    static long getpgid(Task task, Args a) throws ErrnoException {
        return target(task, a.i(0)).pgid;
    }

    static long getsid(Task task, Args a) throws ErrnoException {
        return target(task, a.i(0)).sid;
    }

    /** The process a pid argument names (0: the caller's), zombies included, as find_task_by_vpid finds them. */
    private static Process target(Task task, int pid) throws ErrnoException {
        if (pid == 0) return task.process;
        Process p = pid < 0 ? null : task.process.kernel.process(pid);
        if (p == null) throw Errno.ESRCH.ex();
        return p;
    }

    static long setTidAddress(Task task, Args a) {
        task.clearChildTid = a.l(0);
        return task.tid;
    }

    /** sizeof(struct robust_list_head) on riscv64: list.next, futex_offset, list_op_pending. */
    static final long ROBUST_LIST_HEAD_SIZE = 24;

    static long setRobustList(Task task, Args a) throws ErrnoException {
        if (a.l(1) != ROBUST_LIST_HEAD_SIZE) throw Errno.EINVAL.ex();
        task.robustListHead = a.l(0);
        task.robustListLen = a.l(1);
        return 0;
    }

    static long prlimit64(Task task, Args a) throws ErrnoException {
        // Any guest process may be named: they all have the caller's uid.
        Process target = target(task, a.i(0));
        return prlimit(task, target, a.i(1), a.l(2), a.l(3));
    }

    private static long prlimit(Task task, int resource, long newAddr, long oldAddr) throws ErrnoException {
        return prlimit(task, task.process, resource, newAddr, oldAddr);
    }

    /** Reads the old limits into {@code oldAddr} and then applies {@code newAddr}'s, as prlimit64 does. */
    private static long prlimit(Task task, Process target, int resource, long newAddr, long oldAddr) throws ErrnoException {
        if (resource < 0 || resource >= Limits.COUNT) throw Errno.EINVAL.ex();
        GuestMemory m = task.memory();
        Limits l = target.limits;
        long newSoft = 0, newHard = 0;
        if (newAddr != 0) {
            newSoft = m.read64(newAddr);
            newHard = m.read64(newAddr + 8);
        }
        if (oldAddr != 0) {
            m.write64(oldAddr, l.soft(resource));
            m.write64(oldAddr + 8, l.hard(resource));
        }
        if (newAddr != 0) {
            l.set(resource, newSoft, newHard);
            // Subsystems that keep their own copy of a limit follow it.
            if (resource == Limits.NOFILE) target.fds.setLimit((int) Math.min(newSoft & Long.MAX_VALUE, Integer.MAX_VALUE));
            if (resource == Limits.STACK) target.memory.setStackLimit(newSoft);
        }
        return 0;
    }

    public static final int RUSAGE_SELF = 0, RUSAGE_CHILDREN = -1, RUSAGE_THREAD = 1;
    /** sizeof(struct rusage) on riscv64: two timevals and 14 longs. */
    static final int RUSAGE_SIZE = 144;

    static long getrusage(Task task, Args a) throws ErrnoException {
        long user, total;
        switch (a.i(0)) {
            case RUSAGE_SELF -> { user = task.process.userTimeNanos(); total = task.process.cpuTimeNanos(); }
            case RUSAGE_THREAD -> { user = task.userTimeNanos(); total = task.cpuTimeNanos(); }
            case RUSAGE_CHILDREN -> {
                long[] c = task.process.kernel.tree.childrenTimes(task.process);
                total = c[0];
                user = c[1];
            }
            default -> throw Errno.EINVAL.ex();
        }
        writeRusage(task.memory(), a.l(1), total, user);
        return 0;
    }

    /** A struct rusage with the user and system times ({@code total - user}) and the rest zero. */
    static void writeRusage(GuestMemory m, long addr, long total, long user) throws ErrnoException {
        byte[] zero = new byte[RUSAGE_SIZE];
        m.write(addr, zero);
        Timespec.writeMicros(m, addr, user);
        Timespec.writeMicros(m, addr + 16, Math.max(total - user, 0));
    }

    static final long CLOCK_TICKS = 100; // USER_HZ

    static long times(Task task, Args a) throws ErrnoException {
        if (a.l(0) != 0) {
            long user = task.process.userTimeNanos();
            long sys = Math.max(task.process.cpuTimeNanos() - user, 0);
            GuestMemory m = task.memory();
            m.write64(a.l(0), user * CLOCK_TICKS / Timespec.NANOS);
            m.write64(a.l(0) + 8, sys * CLOCK_TICKS / Timespec.NANOS);
            long[] c = task.process.kernel.tree.childrenTimes(task.process);
            m.write64(a.l(0) + 16, c[1] * CLOCK_TICKS / Timespec.NANOS);
            m.write64(a.l(0) + 24, Math.max(c[0] - c[1], 0) * CLOCK_TICKS / Timespec.NANOS);
        }
        return System.nanoTime() / (Timespec.NANOS / CLOCK_TICKS);
    }
}
