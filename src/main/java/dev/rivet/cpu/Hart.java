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

    /** Runs guest code from {@link #pc} until the kernel is needed. */
    public StopReason run() {
        throw new UnsupportedOperationException("interpreter not written yet");
    }

    public int fcsr() { return (frm << 5) | fflags; }

    public void setFcsr(int v) {
        fflags = v & 0x1f;
        frm = (v >>> 5) & 7;
    }

    /** Drops all decoded code (riscv_flush_icache, fence.i on every hart). */
    public void flushDecodedCode() {
        throw new UnsupportedOperationException("interpreter not written yet");
    }
}
