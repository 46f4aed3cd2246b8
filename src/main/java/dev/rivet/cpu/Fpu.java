package dev.rivet.cpu;

import static dev.rivet.cpu.FpFormat.D;
import static dev.rivet.cpu.FpFormat.S;

/**
 * RISC-V F and D instruction semantics, called by the interpreter and the JIT. Exceptions
 * accrue into {@link Hart#fflags} (methods only OR flags in). {@code rm} is an already-resolved
 * rounding mode 0..4 (RNE, RTZ, RDN, RUP, RMM). Singles travel as raw {@code int} bits
 * (the caller unboxes and NaN-boxes), doubles as raw {@code long} bits.
 *
 * <p>Fast paths (after qemu's "hardfloat"): Java's arithmetic rounds to nearest-even and
 * reports no flags, so {@link FpJava} uses it only where the answer is provably the exact one:
 * results far from underflow and overflow, with the rounding error computed error-free to
 * derive NX and the directed modes (for fused multiply-add only when rm is RNE and NX is
 * already set, so the error does not matter). NaN and infinite operands, invalid operations,
 * division by zero, zero results (whose sign depends on the mode) and everything near the
 * limits go to the exact {@link SoftFloat} path.
 */
public final class Fpu {
    public static final int NV = SoftFloat.NV, DZ = SoftFloat.DZ, OF = SoftFloat.OF,
            UF = SoftFloat.UF, NX = SoftFloat.NX;
    public static final int RNE = 0, RTZ = 1, RDN = 2, RUP = 3, RMM = 4;
    public static final int CANONICAL_NAN_S = 0x7fc00000;
    public static final long CANONICAL_NAN_D = 0x7ff8000000000000L;

    private Fpu() {}

    private static boolean fast(Hart h, int rm) {
        return rm == RNE && (h.fflags & NX) != 0;
    }

    private static boolean okS(float r) {
        float m = Math.abs(r);
        return m > Float.MIN_NORMAL && m <= Float.MAX_VALUE; // false for NaN
    }

    private static boolean okD(double r) {
        double m = Math.abs(r);
        return m > Double.MIN_NORMAL && m <= Double.MAX_VALUE;
    }

    private static long u(int a) { return a & 0xffffffffL; }

    private static float fl(int a) { return Float.intBitsToFloat(a); }

    private static double db(long a) { return Double.longBitsToDouble(a); }

    // ---- arithmetic -----------------------------------------------------------------------

    public static int faddS(Hart h, int a, int b, int rm) {
        long r = FpJava.addS(h, fl(a), fl(b), rm);
        return r != FpJava.MISS ? (int) r : (int) SoftFloat.add(h, S, u(a), u(b), rm);
    }

    public static long faddD(Hart h, long a, long b, int rm) {
        long r = FpJava.addD(h, db(a), db(b), rm);
        return r != FpJava.MISS ? r : SoftFloat.add(h, D, a, b, rm);
    }

    public static int fsubS(Hart h, int a, int b, int rm) {
        long r = FpJava.addS(h, fl(a), -fl(b), rm);
        return r != FpJava.MISS ? (int) r : (int) SoftFloat.sub(h, S, u(a), u(b), rm);
    }

    public static long fsubD(Hart h, long a, long b, int rm) {
        long r = FpJava.addD(h, db(a), -db(b), rm);
        return r != FpJava.MISS ? r : SoftFloat.sub(h, D, a, b, rm);
    }

    public static int fmulS(Hart h, int a, int b, int rm) {
        long r = FpJava.mulS(h, fl(a), fl(b), rm);
        return r != FpJava.MISS ? (int) r : (int) SoftFloat.mul(h, S, u(a), u(b), rm);
    }

    public static long fmulD(Hart h, long a, long b, int rm) {
        long r = FpJava.mulD(h, db(a), db(b), rm);
        return r != FpJava.MISS ? r : SoftFloat.mul(h, D, a, b, rm);
    }

    public static int fdivS(Hart h, int a, int b, int rm) {
        long r = FpJava.divS(h, fl(a), fl(b), rm);
        return r != FpJava.MISS ? (int) r : (int) SoftFloat.div(h, S, u(a), u(b), rm);
    }

    public static long fdivD(Hart h, long a, long b, int rm) {
        long r = FpJava.divD(h, db(a), db(b), rm);
        return r != FpJava.MISS ? r : SoftFloat.div(h, D, a, b, rm);
    }

    public static int fsqrtS(Hart h, int a, int rm) {
        if (fast(h, rm)) {
            // The double square root of a float, rounded to float, is correctly rounded.
            float r = (float) Math.sqrt(fl(a));
            if (okS(r)) return Float.floatToRawIntBits(r);
        }
        return (int) SoftFloat.sqrt(h, S, u(a), rm);
    }

    public static long fsqrtD(Hart h, long a, int rm) {
        if (fast(h, rm)) {
            double r = Math.sqrt(db(a));
            if (okD(r)) return Double.doubleToRawLongBits(r);
        }
        return SoftFloat.sqrt(h, D, a, rm);
    }

    // ---- fused multiply-add: sign flips of the product and the addend ---------------------

    /** a*b+c with one rounding. */
    public static int fmaddS(Hart h, int a, int b, int c, int rm) {
        long r = FpJava.fmaS(h, fl(a), fl(b), fl(c), rm);
        if (r != FpJava.MISS) return (int) r;
        return (int) SoftFloat.fma(h, S, u(a), u(b), u(c), false, false, rm);
    }

    /** a*b+c with one rounding. */
    public static long fmaddD(Hart h, long a, long b, long c, int rm) {
        long r = FpJava.fmaD(h, db(a), db(b), db(c), rm);
        if (r != FpJava.MISS) return r;
        return SoftFloat.fma(h, D, a, b, c, false, false, rm);
    }

    /** a*b-c with one rounding. */
    public static int fmsubS(Hart h, int a, int b, int c, int rm) {
        long r = FpJava.fmaS(h, fl(a), fl(b), -fl(c), rm);
        if (r != FpJava.MISS) return (int) r;
        return (int) SoftFloat.fma(h, S, u(a), u(b), u(c), false, true, rm);
    }

    /** a*b-c with one rounding. */
    public static long fmsubD(Hart h, long a, long b, long c, int rm) {
        long r = FpJava.fmaD(h, db(a), db(b), -db(c), rm);
        if (r != FpJava.MISS) return r;
        return SoftFloat.fma(h, D, a, b, c, false, true, rm);
    }

    /** -(a*b)+c with one rounding. */
    public static int fnmsubS(Hart h, int a, int b, int c, int rm) {
        long r = FpJava.fmaS(h, -fl(a), fl(b), fl(c), rm);
        if (r != FpJava.MISS) return (int) r;
        return (int) SoftFloat.fma(h, S, u(a), u(b), u(c), true, false, rm);
    }

    /** -(a*b)+c with one rounding. */
    public static long fnmsubD(Hart h, long a, long b, long c, int rm) {
        long r = FpJava.fmaD(h, -db(a), db(b), db(c), rm);
        if (r != FpJava.MISS) return r;
        return SoftFloat.fma(h, D, a, b, c, true, false, rm);
    }

    /** -(a*b)-c with one rounding. */
    public static int fnmaddS(Hart h, int a, int b, int c, int rm) {
        long r = FpJava.fmaS(h, -fl(a), fl(b), -fl(c), rm);
        if (r != FpJava.MISS) return (int) r;
        return (int) SoftFloat.fma(h, S, u(a), u(b), u(c), true, true, rm);
    }

    /** -(a*b)-c with one rounding. */
    public static long fnmaddD(Hart h, long a, long b, long c, int rm) {
        long r = FpJava.fmaD(h, -db(a), db(b), -db(c), rm);
        if (r != FpJava.MISS) return r;
        return SoftFloat.fma(h, D, a, b, c, true, true, rm);
    }

    // ---- min/max, comparisons, classification, sign injection -----------------------------

    public static int fminS(Hart h, int a, int b) { return (int) FpCompare.minMax(h, S, u(a), u(b), false); }

    public static int fmaxS(Hart h, int a, int b) { return (int) FpCompare.minMax(h, S, u(a), u(b), true); }

    public static long fminD(Hart h, long a, long b) { return FpCompare.minMax(h, D, a, b, false); }

    public static long fmaxD(Hart h, long a, long b) { return FpCompare.minMax(h, D, a, b, true); }

    public static long feqS(Hart h, int a, int b) { return FpCompare.eq(h, S, u(a), u(b)); }

    public static long fltS(Hart h, int a, int b) { return FpCompare.lt(h, S, u(a), u(b)); }

    public static long fleS(Hart h, int a, int b) { return FpCompare.le(h, S, u(a), u(b)); }

    public static long feqD(Hart h, long a, long b) { return FpCompare.eq(h, D, a, b); }

    public static long fltD(Hart h, long a, long b) { return FpCompare.lt(h, D, a, b); }

    public static long fleD(Hart h, long a, long b) { return FpCompare.le(h, D, a, b); }

    public static long fclassS(int a) { return FpCompare.classify(S, u(a)); }

    public static long fclassD(long a) { return FpCompare.classify(D, a); }

    public static int fsgnjS(int a, int b) { return (a & 0x7fffffff) | (b & 0x80000000); }

    public static int fsgnjnS(int a, int b) { return (a & 0x7fffffff) | (~b & 0x80000000); }

    public static int fsgnjxS(int a, int b) { return a ^ (b & 0x80000000); }

    public static long fsgnjD(long a, long b) { return (a & Long.MAX_VALUE) | (b & Long.MIN_VALUE); }

    public static long fsgnjnD(long a, long b) { return (a & Long.MAX_VALUE) | (~b & Long.MIN_VALUE); }

    public static long fsgnjxD(long a, long b) { return a ^ (b & Long.MIN_VALUE); }

    // ---- float -> integer (saturating) ----------------------------------------------------

    public static long fcvtWS(Hart h, int a, int rm) { return FpConvert.toInt(h, S, u(a), rm, FpConvert.W); }

    public static long fcvtWD(Hart h, long a, int rm) { return FpConvert.toInt(h, D, a, rm, FpConvert.W); }

    public static long fcvtWUS(Hart h, int a, int rm) { return FpConvert.toInt(h, S, u(a), rm, FpConvert.WU); }

    public static long fcvtWUD(Hart h, long a, int rm) { return FpConvert.toInt(h, D, a, rm, FpConvert.WU); }

    public static long fcvtLS(Hart h, int a, int rm) { return FpConvert.toInt(h, S, u(a), rm, FpConvert.L); }

    public static long fcvtLD(Hart h, long a, int rm) { return FpConvert.toInt(h, D, a, rm, FpConvert.L); }

    public static long fcvtLUS(Hart h, int a, int rm) { return FpConvert.toInt(h, S, u(a), rm, FpConvert.LU); }

    public static long fcvtLUD(Hart h, long a, int rm) { return FpConvert.toInt(h, D, a, rm, FpConvert.LU); }

    // ---- integer -> float -----------------------------------------------------------------
    // Magnitudes below 2^p convert exactly, so Java's conversion is then the answer.

    public static int fcvtSW(Hart h, long x, int rm) {
        int v = (int) x;
        if (v > -(1 << 24) && v < (1 << 24)) return Float.floatToRawIntBits(v);
        return (int) FpConvert.fromInt(h, S, x, rm, FpConvert.W);
    }

    public static int fcvtSWU(Hart h, long x, int rm) {
        long v = x & 0xffffffffL;
        if (v < (1 << 24)) return Float.floatToRawIntBits(v);
        return (int) FpConvert.fromInt(h, S, x, rm, FpConvert.WU);
    }

    public static int fcvtSL(Hart h, long x, int rm) {
        if (x > -(1L << 24) && x < (1L << 24)) return Float.floatToRawIntBits(x);
        return (int) FpConvert.fromInt(h, S, x, rm, FpConvert.L);
    }

    public static int fcvtSLU(Hart h, long x, int rm) {
        if (x >= 0 && x < (1L << 24)) return Float.floatToRawIntBits(x);
        return (int) FpConvert.fromInt(h, S, x, rm, FpConvert.LU);
    }

    public static long fcvtDW(Hart h, long x, int rm) {
        return Double.doubleToRawLongBits((int) x); // always exact
    }

    public static long fcvtDWU(Hart h, long x, int rm) {
        return Double.doubleToRawLongBits(x & 0xffffffffL); // always exact
    }

    public static long fcvtDL(Hart h, long x, int rm) {
        if (x > -(1L << 53) && x < (1L << 53)) return Double.doubleToRawLongBits(x);
        return FpConvert.fromInt(h, D, x, rm, FpConvert.L);
    }

    public static long fcvtDLU(Hart h, long x, int rm) {
        if (x >= 0 && x < (1L << 53)) return Double.doubleToRawLongBits(x);
        return FpConvert.fromInt(h, D, x, rm, FpConvert.LU);
    }

    // ---- between formats ------------------------------------------------------------------

    public static int fcvtSD(Hart h, long a, int rm) {
        long r = FpJava.narrow(h, db(a), rm);
        return r != FpJava.MISS ? (int) r : (int) SoftFloat.convert(h, D, S, a, rm);
    }

    public static long fcvtDS(Hart h, int a, int rm) {
        // Widening is exact; only NaNs need care (Java may quiet but keeps payloads).
        if ((a & 0x7fffffff) <= 0x7f800000) return Double.doubleToRawLongBits(fl(a));
        return SoftFloat.convert(h, S, D, u(a), rm);
    }
}
