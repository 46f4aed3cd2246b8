package dev.rivet.cpu;

import static dev.rivet.cpu.SoftFloat.NV;
import static dev.rivet.cpu.SoftFloat.NX;

/**
 * Conversions between floating-point values and integers (fcvt.{w,wu,l,lu}.{s,d} and back),
 * with RISC-V's saturation table: out-of-range and NaN inputs raise NV (never NX) and give
 * the largest value of the type for NaN and positive overflow, the smallest for negative.
 */
final class FpConvert {
    /** Integer destination kinds. */
    static final int W = 0, WU = 1, L = 2, LU = 3;

    private FpConvert() {}

    /** Float (bits a in format f) to integer kind k; W/WU results are sign-extended from 32 bits. */
    static long toInt(Hart h, FpFormat f, long a, int rm, int k) {
        boolean neg = f.sign(a);
        if (f.isNaN(a)) return saturate(h, k, false);
        if (f.isInf(a)) return saturate(h, k, neg);
        if (f.isZero(a)) return 0;
        long sig = f.sig(a);
        int exp = f.exp(a);
        long mag;
        boolean inexact = false;
        if (exp >= 0) {
            // Integral already; at 64 bits or more of magnitude it is out of every range.
            if (64 - Long.numberOfLeadingZeros(sig) + exp > 64) return saturate(h, k, neg);
            mag = sig << exp;
        } else {
            int s = -exp;
            long kept, rem;
            int cmpHalf;
            if (s >= 64) {
                kept = 0;
                rem = sig;
                cmpHalf = -1;
            } else {
                kept = sig >>> s;
                rem = sig & (-1L >>> (64 - s));
                cmpHalf = Long.compareUnsigned(rem, 1L << (s - 1));
            }
            inexact = rem != 0;
            mag = kept + (SoftFloat.roundUp(kept, cmpHalf, inexact, neg, rm) ? 1 : 0);
        }
        boolean ok = switch (k) {
            case W -> neg ? Long.compareUnsigned(mag, 1L << 31) <= 0 : Long.compareUnsigned(mag, (1L << 31) - 1) <= 0;
            case WU -> neg ? mag == 0 : Long.compareUnsigned(mag, 0xffffffffL) <= 0;
            case L -> neg ? Long.compareUnsigned(mag, Long.MIN_VALUE) <= 0 : mag >= 0;
            default -> !neg || mag == 0;
        };
        if (!ok) return saturate(h, k, neg);
        if (inexact) h.fflags |= NX;
        long r = neg ? -mag : mag;
        return k <= WU ? (long) (int) r : r;
    }

    /** NV and the saturated result: the type's minimum if negative, else its maximum. */
    private static long saturate(Hart h, int k, boolean negative) {
        h.fflags |= NV;
        return switch (k) {
            case W -> negative ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            case WU -> negative ? 0 : -1L; // 2^32-1 sign-extended
            case L -> negative ? Long.MIN_VALUE : Long.MAX_VALUE;
            default -> negative ? 0 : -1L;
        };
    }

    /** Integer register x read as kind k, to format f. */
    static long fromInt(Hart h, FpFormat f, long x, int rm, int k) {
        boolean neg;
        long mag;
        switch (k) {
            case W -> { long v = (int) x; neg = v < 0; mag = Math.abs(v); }
            case WU -> { neg = false; mag = x & 0xffffffffL; }
            case L -> { neg = x < 0; mag = neg ? -x : x; } // -MIN_VALUE is 2^63 unsigned
            default -> { neg = false; mag = x; }
        }
        if (mag == 0) return 0;
        int exp = 0;
        if (mag < 0) { // 2^63 or more: keep the dropped bit as sticky
            mag = (mag >>> 1) | (mag & 1);
            exp = 1;
        }
        return SoftFloat.roundPack(h, f, neg, mag, exp, rm);
    }
}
