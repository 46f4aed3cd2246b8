package dev.rivet.cpu;

import static dev.rivet.cpu.SoftFloat.NV;

/**
 * Sign-injection, min/max (version 2.2 semantics: minimumNumber/maximumNumber with -0 &lt; +0),
 * comparisons and classification, on raw bits of either format.
 */
final class FpCompare {
    private FpCompare() {}

    static long minMax(Hart h, FpFormat f, long a, long b, boolean max) {
        boolean na = f.isNaN(a), nb = f.isNaN(b);
        if (na || nb) {
            if (f.isSNaN(a) || f.isSNaN(b)) h.fflags |= NV;
            if (na && nb) return f.canonicalNaN;
            return na ? b : a;
        }
        return less(f, a, b) != max ? a : b;
    }

    /** a &lt; b for non-NaN values, with -0 &lt; +0 (the order min/max use). */
    private static boolean less(FpFormat f, long a, long b) {
        boolean sa = f.sign(a), sb = f.sign(b);
        if (sa != sb) return sa;
        long ma = a & ~f.signBit, mb = b & ~f.signBit;
        return sa ? ma > mb : ma < mb; // magnitudes order like their bit patterns
    }

    static long eq(Hart h, FpFormat f, long a, long b) {
        if (f.isNaN(a) || f.isNaN(b)) {
            if (f.isSNaN(a) || f.isSNaN(b)) h.fflags |= NV;
            return 0;
        }
        return a == b || (f.isZero(a) && f.isZero(b)) ? 1 : 0;
    }

    static long lt(Hart h, FpFormat f, long a, long b) {
        if (f.isNaN(a) || f.isNaN(b)) {
            h.fflags |= NV;
            return 0;
        }
        if (f.isZero(a) && f.isZero(b)) return 0;
        return less(f, a, b) ? 1 : 0;
    }

    static long le(Hart h, FpFormat f, long a, long b) {
        if (f.isNaN(a) || f.isNaN(b)) {
            h.fflags |= NV;
            return 0;
        }
        if (a == b || (f.isZero(a) && f.isZero(b))) return 1;
        return less(f, a, b) ? 1 : 0;
    }

    /** fclass: one bit of ten, see the spec's table. */
    static long classify(FpFormat f, long a) {
        boolean neg = f.sign(a);
        int bit;
        if (f.isNaN(a)) bit = f.isSNaN(a) ? 8 : 9;
        else if (f.isInf(a)) bit = neg ? 0 : 7;
        else if (f.isZero(a)) bit = neg ? 3 : 4;
        else if (f.field(a) == 0) bit = neg ? 2 : 5;
        else bit = neg ? 1 : 6;
        return 1L << bit;
    }
}
