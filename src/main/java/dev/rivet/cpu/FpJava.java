package dev.rivet.cpu;

import static dev.rivet.cpu.SoftFloat.NX;
import static dev.rivet.cpu.SoftFloat.RDN;
import static dev.rivet.cpu.SoftFloat.RNE;
import static dev.rivet.cpu.SoftFloat.RTZ;
import static dev.rivet.cpu.SoftFloat.RUP;

/**
 * Fast paths in Java arithmetic for any rounding mode but RMM and whatever flags are set.
 * Java rounds to nearest-even; the exact error of that rounding is computed error-free (TwoSum
 * for sums; {@code Math.fma} residuals for products and quotients; plain double arithmetic for
 * singles, whose products are exact in double). A zero error means an exact result and no
 * flag; otherwise NX, and a directed mode moves the RNE result one step toward the exact value
 * when the exact value lies on that side (it is within half an ulp, so one step is enough).
 *
 * <p>Only results of magnitude between {@link #SAFE_D}/{@link #SAFE_S} and the largest finite
 * value (exclusive) are accepted: far from underflow (so the error terms are representable,
 * and no result is tiny) and from overflow (so neither the RNE result nor a step up is beyond
 * the largest finite value). NaN and infinite operands never yield such a result. Everything
 * else returns {@link #MISS}, and the caller takes the exact soft-float path.
 */
final class FpJava {
    /** A signaling NaN: never a result here, so it can mean "not handled". */
    static final long MISS = 0x7ff0000000000001L;
    static final double SAFE_D = 0x1p-900;
    static final float SAFE_S = 0x1p-100f;

    private FpJava() {}

    /** Whether rm is RNE with NX already set: then the error does not matter at all. */
    private static boolean nxRne(Hart h, int rm) {
        return rm == RNE && (h.fflags & NX) != 0;
    }

    private static boolean safe(double r) {
        double m = Math.abs(r);
        return m > SAFE_D && m < Double.MAX_VALUE;
    }

    private static boolean safe(float r) {
        float m = Math.abs(r);
        return m > SAFE_S && m < Float.MAX_VALUE;
    }

    /** The result in mode rm given the RNE result r and the sign of (exact - r). */
    static long finish(Hart h, double r, double err, int rm) {
        if (err == 0) return Double.doubleToRawLongBits(r);
        switch (rm) {
            case RNE -> { }
            case RTZ -> { if (r > 0 ? err < 0 : err > 0) r = r > 0 ? Math.nextDown(r) : Math.nextUp(r); }
            case RDN -> { if (err < 0) r = Math.nextDown(r); }
            case RUP -> { if (err > 0) r = Math.nextUp(r); }
            default -> { return MISS; } // RMM differs on ties, which need the error's size
        }
        h.fflags |= NX;
        return Double.doubleToRawLongBits(r);
    }

    static long finish(Hart h, float r, double err, int rm) {
        if (err == 0) return Float.floatToRawIntBits(r) & 0xffffffffL;
        switch (rm) {
            case RNE -> { }
            case RTZ -> { if (r > 0 ? err < 0 : err > 0) r = r > 0 ? Math.nextDown(r) : Math.nextUp(r); }
            case RDN -> { if (err < 0) r = Math.nextDown(r); }
            case RUP -> { if (err > 0) r = Math.nextUp(r); }
            default -> { return MISS; }
        }
        h.fflags |= NX;
        return Float.floatToRawIntBits(r) & 0xffffffffL;
    }

    static long addD(Hart h, double x, double y, int rm) {
        double s = x + y;
        if (!safe(s)) return MISS;
        if (nxRne(h, rm)) return Double.doubleToRawLongBits(s);
        double yy = s - x; // TwoSum (Knuth): the exact error of s, unless an intermediate
        double err = (x - (s - yy)) + (y - yy); // overflowed (operands near the maximum): then
        if (!(Math.abs(err) <= Double.MAX_VALUE)) return MISS; // the infinity reaches err
        return finish(h, s, err, rm);
    }

    static long mulD(Hart h, double x, double y, int rm) {
        double p = x * y;
        if (!safe(p)) return MISS;
        if (nxRne(h, rm)) return Double.doubleToRawLongBits(p);
        // Exact: |p| > 2^-900 keeps x*y - p a representable multiple of 2^-1006 or more.
        return finish(h, p, Math.fma(x, y, -p), rm);
    }

    static long divD(Hart h, double x, double y, int rm) {
        double q = x / y;
        if (!safe(q)) return MISS;
        if (nxRne(h, rm)) return Double.doubleToRawLongBits(q);
        if (!(Math.abs(x) > SAFE_D)) return MISS; // keeps the residual from underflowing
        double rho = Math.fma(-q, y, x); // x - q*y exactly; exact - q has the sign of rho/y
        return finish(h, q, y > 0 ? rho : -rho, rm);
    }

    static long fmaD(Hart h, double x, double y, double z, int rm) {
        // The error of a fused result is not one double: only the NX-set RNE case is fast.
        if (!nxRne(h, rm)) return MISS;
        double r = Math.fma(x, y, z);
        return safe(r) ? Double.doubleToRawLongBits(r) : MISS;
    }

    static long addS(Hart h, float x, float y, int rm) {
        float s = x + y;
        if (!safe(s)) return MISS;
        if (nxRne(h, rm)) return Float.floatToRawIntBits(s) & 0xffffffffL;
        float yy = s - x; // TwoSum, as in addD
        float err = (x - (s - yy)) + (y - yy);
        if (!(Math.abs(err) <= Float.MAX_VALUE)) return MISS;
        return finish(h, s, err, rm);
    }

    static long mulS(Hart h, float x, float y, int rm) {
        double p = (double) x * y; // exact: 48 bits
        float r = (float) p;
        if (!safe(r)) return MISS;
        return finish(h, r, p - r, rm); // exact difference of nearby doubles
    }

    static long divS(Hart h, float x, float y, int rm) {
        float q = (float) ((double) x / y); // correctly rounded: double has > 2·24+2 bits
        if (!safe(q)) return MISS;
        double rho = (double) x - (double) q * y; // q*y exact (48 bits), the difference too
        return finish(h, q, y > 0 ? rho : -rho, rm);
    }

    static long fmaS(Hart h, float x, float y, float z, int rm) {
        if (!nxRne(h, rm)) return MISS;
        float r = Math.fma(x, y, z);
        return safe(r) ? Float.floatToRawIntBits(r) & 0xffffffffL : MISS;
    }

    /** fcvt.s.d: the double minus its rounded single is exact in double. */
    static long narrow(Hart h, double x, int rm) {
        float r = (float) x;
        if (!safe(r)) return MISS;
        return finish(h, r, x - r, rm);
    }
}
