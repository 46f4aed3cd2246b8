package dev.rivet.cpu;

import dev.rivet.mm.AddressSpace;

/**
 * One RISC-V hardware thread: the architectural state of a guest thread and the entry point of
 * the interpreter. The kernel owns one Hart per guest thread and calls {@link #run()}, which
 * returns a {@link StopReason} when the kernel is needed.
 *
 * <p>Integer registers live in {@code x[0..31]}; {@code x[32]} is a sink that decoded
 * instructions with rd = x0 write to, so no instruction tests for x0 at run time and
 * {@code x[0]} stays 0. FP registers hold raw IEEE bits; singles are NaN-boxed (upper 32 bits
 * all ones).
 */
public final class Hart {
    public final long[] x = new long[33];
    public final long[] f = new long[32];
    /** Accrued exception flags NV|DZ|OF|UF|NX (bits 4..0 of fcsr). */
    public int fflags;
    /** Dynamic rounding mode (bits 7..5 of fcsr). */
    public int frm;
    public long pc;
    /** Retired instruction count (approximate to block granularity is not allowed: exact). */
    public long instret;

    public AddressSpace memory;

    /** LR/SC reservation: the address and the value the LR read (see {@link Amo}). */
    long reservationAddress;
    long reservationValue;
    boolean reservationValid;

    static final int BLOCK_CACHE_BITS = 12, BLOCK_CACHE_MASK = (1 << BLOCK_CACHE_BITS) - 1;
    /** Per-hart direct-mapped cache of decoded blocks, by pc. */
    final Block[] blocks = new Block[1 << BLOCK_CACHE_BITS];
    /** This hart's TLBs and loads/stores (the JIT's compiled code uses them too). */
    public final Mmu mmu = new Mmu();
    /** The decoded code of {@link #memory} (shared by the harts of an address space). */
    CodeCache code;

    /** Why the interpreter's block runner stopped (handed from Interpreter.exec to run). */
    StopReason stop;

    /** Set by other threads to make {@link #run()} return {@link StopReason#INTERRUPTED} at the next block boundary. */
    private volatile boolean stopRequested;

    public Hart(AddressSpace memory) {
        this.memory = memory;
    }

    public void requestStop() { stopRequested = true; }

    /** Clears a pending stop request; returns whether one was pending. */
    public boolean clearStop() {
        boolean was = stopRequested;
        stopRequested = false;
        return was;
    }

    public boolean stopRequested() { return stopRequested; }

    /**
     * Runs guest code from {@link #pc} until the kernel is needed. {@link #instret} then counts
     * every instruction completed; the one stopped at (ecall, ebreak, faulting or illegal
     * instruction) is not counted.
     */
    public StopReason run() {
        return Interpreter.run(this);
    }

    /** Picks up a new {@link #memory} (exec, or a fork child's copy): fresh TLBs and code. */
    void attach() {
        mmu.attach(memory);
        // A new hart's block cache is empty already: not clearing it keeps thread start cheap.
        if (code != null) java.util.Arrays.fill(blocks, null);
        code = memory == null ? null : CodeCache.of(memory);
        reservationValid = false;
    }

    /**
     * Drops all decoded code of this address space ({@code fence.i}; the kernel calls it for
     * riscv_flush_icache). Other harts see it at their next block boundary.
     */
    public void flushDecodedCode() {
        if (code != null) code.invalidateAll();
        java.util.Arrays.fill(blocks, null);
        mmu.flush();
        if (memory != null) mmu.generation = memory.generation();
    }

    /**
     * Readies this hart to run another thread of the same address space (the kernel keeps a few
     * for reuse, since a new hart's TLBs and block cache cost tens of microseconds to allocate):
     * nothing of the thread that ran on it stays, neither registers, counters, reservation, stop
     * request nor TLB entries (which would keep unmapped pages reachable). Its cache of decoded
     * blocks stays: a block is checked for validity before it runs. Called on the thread that ran
     * it, as the TLBs are confined to that thread.
     */
    public void recycle() {
        mmu.flush();
        java.util.Arrays.fill(x, 0);
        java.util.Arrays.fill(f, 0);
        fflags = 0;
        frm = 0;
        pc = 0;
        instret = 0;
        reservationValid = false;
        stop = null;
        stopRequested = false;
    }

    /** Cancels an LR reservation (the kernel does so on signal delivery and context switch, like Linux). */
    public void clearReservation() {
        reservationValid = false;
    }

    void reserve(long address, long value) {
        reservationAddress = address;
        reservationValue = value;
        reservationValid = true;
    }

    /** Copies the user-visible register state (x, f, fcsr, pc) from another hart, e.g. for fork or clone. */
    public void copyRegistersFrom(Hart o) {
        System.arraycopy(o.x, 0, x, 0, 32);
        System.arraycopy(o.f, 0, f, 0, 32);
        fflags = o.fflags;
        frm = o.frm;
        pc = o.pc;
    }

    public int fcsr() { return (frm << 5) | fflags; }

    public void setFcsr(int v) {
        fflags = v & 0x1f;
        frm = (v >>> 5) & 7;
    }

}
