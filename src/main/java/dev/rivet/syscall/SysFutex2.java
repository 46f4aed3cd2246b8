package dev.rivet.syscall;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.kernel.Clocks;
import dev.rivet.kernel.FutexWaitv;
import dev.rivet.kernel.Task;
import dev.rivet.mm.GuestMemory;

import static dev.rivet.syscall.ArgKind.*;

/** The futex2 family: futex_waitv (Linux 5.16), waiting on several futexes at once. */
public final class SysFutex2 {
    private SysFutex2() {}

    /** struct futex_waitv: u64 val, u64 uaddr, u32 flags, u32 __reserved. */
    static final int WAITV_SIZE = 24;
    /** FUTEX2_SIZE_U32 (the only size Linux implements), FUTEX2_NUMA, FUTEX2_PRIVATE. */
    public static final int FUTEX2_SIZE_U32 = 0x02, FUTEX2_SIZE_MASK = 0x03, FUTEX2_NUMA = 0x04, FUTEX2_PRIVATE = 128;

    public static void register(SyscallTable t) {
        t.partial("futex_waitv", "32-bit futexes, private or shared; FUTEX2_NUMA answers EINVAL",
                SysFutex2::futexWaitv, PTR, INT, HEX, PTR, INT);
    }

    /** sys_futex_waitv (kernel/futex/syscalls.c): the checks in Linux's order, then the wait. */
    static long futexWaitv(Task task, Args a) throws ErrnoException {
        long waiters = a.l(0);
        long n = a.u32(1);
        if (a.u32(2) != 0) throw Errno.EINVAL.ex(); // no flags are defined
        if (n == 0 || n > FutexWaitv.MAX || waiters == 0) throw Errno.EINVAL.ex();
        long deadline = Long.MAX_VALUE;
        if (a.l(3) != 0) {
            int clock = a.i(4);
            if (clock != Clocks.REALTIME && clock != Clocks.MONOTONIC) throw Errno.EINVAL.ex();
            deadline = SysThread.absoluteDeadline(task, a.l(3), clock);
        }
        GuestMemory m = task.memory();
        FutexWaitv.Entry[] entries = new FutexWaitv.Entry[(int) n];
        for (int i = 0; i < n; i++) {
            long at = waiters + (long) i * WAITV_SIZE;
            long val = m.read64(at);
            long uaddr = m.read64(at + 8);
            int flags = m.read32(at + 16);
            int reserved = m.read32(at + 20);
            if ((flags & ~(FUTEX2_SIZE_MASK | FUTEX2_NUMA | FUTEX2_PRIVATE)) != 0 || reserved != 0) throw Errno.EINVAL.ex();
            if ((flags & FUTEX2_SIZE_MASK) != FUTEX2_SIZE_U32) throw Errno.EINVAL.ex();
            // A NUMA futex is a word and a node id chosen by the kernel's memory policy: not kept here.
            if ((flags & FUTEX2_NUMA) != 0) throw Errno.EINVAL.ex();
            if ((val >>> 32) != 0) throw Errno.EINVAL.ex(); // futex_validate_input: must fit the size
            entries[i] = new FutexWaitv.Entry(uaddr, (int) val);
        }
        return FutexWaitv.await(task.process.kernel.futexes, task, entries, deadline);
    }
}
