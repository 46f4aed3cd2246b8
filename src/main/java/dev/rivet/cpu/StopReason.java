package dev.rivet.cpu;

import dev.rivet.mm.Access;

/**
 * Why {@link Hart#run()} returned. The CPU knows nothing of the kernel: it says why it stopped
 * and the kernel decides what happens. In every case {@code hart.pc} is the address of the
 * instruction concerned (the ecall, the faulting or illegal instruction, the ebreak), so the
 * kernel advances it past an ecall itself.
 */
public sealed interface StopReason {
    /** An {@code ecall}: a7 holds the syscall number, a0..a5 its arguments. */
    record Ecall() implements StopReason {}

    /**
     * A memory access the address space refused.
     * @param address the faulting data address (or the fetch address), Linux's si_addr
     * @param access  load, store/AMO or instruction fetch
     * @param mapped  true for a protection violation (SEGV_ACCERR), false for no mapping (SEGV_MAPERR)
     */
    record Fault(long address, Access access, boolean mapped) implements StopReason {}

    /** An illegal or unsupported instruction (SIGILL, ILL_ILLOPC). {@code bits} is its encoding. */
    record Illegal(int bits) implements StopReason {}

    /**
     * A misaligned LR/SC/AMO (atomics must be naturally aligned; Linux does not emulate them):
     * SIGBUS, BUS_ADRALN, with {@code address} as si_addr.
     */
    record Misaligned(long address, Access access) implements StopReason {}

    /** An {@code ebreak} (or {@code c.ebreak}): SIGTRAP, TRAP_BRKPT. */
    record Breakpoint() implements StopReason {}

    /** The kernel asked the hart to stop ({@link Hart#requestStop()}), e.g. for a signal or exit_group. */
    record Interrupted() implements StopReason {}

    StopReason ECALL = new Ecall();
    StopReason BREAKPOINT = new Breakpoint();
    StopReason INTERRUPTED = new Interrupted();
}
