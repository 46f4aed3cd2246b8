package dev.rivet.syscall;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.kernel.Membarrier;
import dev.rivet.kernel.Process;
import dev.rivet.kernel.Task;

import java.util.concurrent.atomic.AtomicInteger;

import static dev.rivet.kernel.Membarrier.*;
import static dev.rivet.syscall.ArgKind.*;

/**
 * membarrier(2): process-wide memory barriers (kernel/sched/membarrier.c), as liburcu, glibc's
 * and other runtimes' asymmetric fences use them. The RSEQ commands answer EINVAL, as on a
 * kernel without CONFIG_RSEQ (Rivet's rseq is ENOSYS); the rest is Linux's, riscv64 included
 * (which has had SYNC_CORE since 6.9).
 */
public final class SysMembarrier {
    private SysMembarrier() {}

    public static final int CMD_QUERY = 0, CMD_GLOBAL = 1, CMD_GLOBAL_EXPEDITED = 2, CMD_REGISTER_GLOBAL_EXPEDITED = 4,
            CMD_PRIVATE_EXPEDITED = 8, CMD_REGISTER_PRIVATE_EXPEDITED = 16, CMD_PRIVATE_EXPEDITED_SYNC_CORE = 32,
            CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE = 64, CMD_PRIVATE_EXPEDITED_RSEQ = 128,
            CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ = 256, CMD_GET_REGISTRATIONS = 512;
    public static final int CMD_FLAG_CPU = 1;

    /** What MEMBARRIER_CMD_QUERY answers: every command above but the RSEQ pair. */
    static final int SUPPORTED = CMD_GLOBAL | CMD_GLOBAL_EXPEDITED | CMD_REGISTER_GLOBAL_EXPEDITED | CMD_PRIVATE_EXPEDITED
            | CMD_REGISTER_PRIVATE_EXPEDITED | CMD_PRIVATE_EXPEDITED_SYNC_CORE | CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE
            | CMD_GET_REGISTRATIONS;

    public static void register(SyscallTable t) {
        t.partial("membarrier", "all commands but the RSEQ pair (EINVAL, as without CONFIG_RSEQ)",
                SysMembarrier::membarrier, INT, HEX, INT);
    }

    static long membarrier(Task task, Args a) throws ErrnoException {
        int cmd = a.i(0);
        int flags = a.i(1);
        // Only the RSEQ command takes a flag (MEMBARRIER_CMD_FLAG_CPU); it is refused below anyway.
        if (cmd == CMD_PRIVATE_EXPEDITED_RSEQ ? (flags & ~CMD_FLAG_CPU) != 0 : flags != 0) throw Errno.EINVAL.ex();
        Process p = task.process;
        AtomicInteger state = Membarrier.state(p);
        return switch (cmd) {
            case CMD_QUERY -> SUPPORTED;
            case CMD_GLOBAL -> {
                // synchronize_rcu(): every thread of every process has passed a barrier.
                for (Process other : p.kernel.processes()) Membarrier.barrier(task, other);
                yield 0;
            }
            case CMD_GLOBAL_EXPEDITED -> {
                for (Process other : p.kernel.processes()) {
                    if ((Membarrier.state(other).get() & STATE_GLOBAL_EXPEDITED) != 0) Membarrier.barrier(task, other);
                }
                java.lang.invoke.VarHandle.fullFence();
                yield 0;
            }
            case CMD_REGISTER_GLOBAL_EXPEDITED -> {
                state.getAndUpdate(s -> s | STATE_GLOBAL_EXPEDITED | STATE_GLOBAL_EXPEDITED_READY);
                yield 0;
            }
            case CMD_PRIVATE_EXPEDITED -> expedited(task, state, STATE_PRIVATE_EXPEDITED_READY);
            case CMD_PRIVATE_EXPEDITED_SYNC_CORE -> expedited(task, state, STATE_PRIVATE_EXPEDITED_SYNC_CORE_READY);
            // Registering SYNC_CORE marks the plain private state too (not its READY bit), as Linux does.
            case CMD_REGISTER_PRIVATE_EXPEDITED -> register(state, STATE_PRIVATE_EXPEDITED, STATE_PRIVATE_EXPEDITED_READY);
            case CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE -> register(state,
                    STATE_PRIVATE_EXPEDITED | STATE_PRIVATE_EXPEDITED_SYNC_CORE, STATE_PRIVATE_EXPEDITED_SYNC_CORE_READY);
            case CMD_GET_REGISTRATIONS -> registrations(state.get());
            default -> throw Errno.EINVAL.ex(); // the RSEQ pair and unknown commands
        };
    }

    /** A private expedited barrier: EPERM unless the process registered for it first. */
    private static long expedited(Task task, AtomicInteger state, int ready) throws ErrnoException {
        if ((state.get() & ready) == 0) throw Errno.EPERM.ex();
        Membarrier.barrier(task, task.process);
        return 0;
    }

    private static long register(AtomicInteger state, int set, int ready) {
        state.getAndUpdate(s -> s | set | ready);
        return 0;
    }

    /** membarrier_get_registrations(): the REGISTER commands whose state bits are set. */
    private static long registrations(int s) {
        int mask = 0;
        if ((s & (STATE_GLOBAL_EXPEDITED | STATE_GLOBAL_EXPEDITED_READY)) != 0) mask |= CMD_REGISTER_GLOBAL_EXPEDITED;
        if ((s & (STATE_PRIVATE_EXPEDITED | STATE_PRIVATE_EXPEDITED_READY)) != 0) mask |= CMD_REGISTER_PRIVATE_EXPEDITED;
        if ((s & (STATE_PRIVATE_EXPEDITED_SYNC_CORE | STATE_PRIVATE_EXPEDITED_SYNC_CORE_READY)) != 0) {
            mask |= CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE;
        }
        return mask;
    }
}
