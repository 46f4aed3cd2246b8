package dev.rivet.kernel;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * membarrier(2) on Rivet's harts (kernel/sched/membarrier.c). Linux interrupts every CPU that
 * runs a thread of the process so each executes a full memory barrier; threads not running
 * pass one before they next run user code. Here the caller fences, then asks each other hart
 * of the process to stop at its next block boundary and waits until it has (the kernel's
 * clearing of the stop request is a volatile write, a full fence on the host) or is inside a
 * syscall (its entry was one, and it meets the stop request before it runs guest code again).
 * Decoded code is revalidated at block boundaries too, which is what SYNC_CORE asks for.
 */
public final class Membarrier {
    private Membarrier() {}

    // mm->membarrier_state bits (include/linux/sched/mm.h).
    public static final int STATE_PRIVATE_EXPEDITED_READY = 1 << 0, STATE_PRIVATE_EXPEDITED = 1 << 1,
            STATE_GLOBAL_EXPEDITED_READY = 1 << 2, STATE_GLOBAL_EXPEDITED = 1 << 3,
            STATE_PRIVATE_EXPEDITED_SYNC_CORE_READY = 1 << 4, STATE_PRIVATE_EXPEDITED_SYNC_CORE = 1 << 5;

    /** The registrations of {@code p} (one address space per process on Rivet). */
    public static AtomicInteger state(Process p) { return p.membarrierState; }

    /** Every other thread of {@code p} executes a full barrier before this returns, or before it runs guest code again. */
    public static void barrier(Task caller, Process p) {
        VarHandle.fullFence();
        for (Task t : p.threads()) {
            if (t != caller) t.hart.requestStop();
        }
        for (Task t : p.threads()) {
            if (t == caller) continue;
            for (int spins = 0; t.hart.stopRequested() && !t.inSyscall && p.thread(t.tid) == t; spins++) {
                if (p.exiting() || caller.process.exiting()) return; // the threads are being stopped anyway
                if (spins < 100) Thread.onSpinWait();
                else LockSupport.parkNanos(10_000); // the target may be waiting for a host CPU
            }
        }
        VarHandle.fullFence();
    }
}
