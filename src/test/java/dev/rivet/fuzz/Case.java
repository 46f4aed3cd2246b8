package dev.rivet.fuzz;

import java.util.List;

/**
 * One generated test: the initial architectural state the prologue installs and the body.
 * {@code x[1..30]} are set (x31 is the fuzzer's base register, see {@link Layout}); {@code f[0..31]}
 * are raw 64-bit patterns (singles boxed or not); {@code scratch} is the memory the body may touch.
 */
record Case(long seed, long index, long[] x, long[] f, int fcsr, byte[] scratch, List<Item> body, boolean fpArith) {
    Case withBody(List<Item> b) { return new Case(seed, index, x, f, fcsr, scratch, b, fpArith); }

    String id() { return "seed " + seed + " index " + index + (fpArith ? "" : " (--no-fp-arith)"); }

    /** The fuzz.sh arguments that rerun this case. */
    String rerun() { return (fpArith ? "" : "--no-fp-arith ") + "--case " + seed + " " + index; }
}
