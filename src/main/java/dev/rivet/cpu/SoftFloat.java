package dev.rivet.cpu;

/**
 * Exact IEEE 754 arithmetic in software, as RISC-V's F and D extensions define it: every
 * operation computes its exact result as sign × integer × 2^exp (an integer that may carry a
 * "sticky" low bit standing for discarded non-zero bits), and {@link #roundPack} rounds that to
 * the target format in the requested mode and derives the exception flags. (Square roots are
 * the exception: Java's root plus an exact residual decide them, see {@link #sqrt}.) Used for
 * every case the fast paths in {@link FpJava} cannot prove correct.
 *
 * <p>NaN results are always the canonical NaN (RISC-V does not propagate payloads), and
 * underflow uses tininess after rounding, raising UF only when the result is also inexact.
 */
final class SoftFloat {
    static final int RNE = 0, RTZ = 1, RDN = 2, RUP = 3, RMM = 4;
    static final int NV = 0x10, DZ = 0x08, OF = 0x04, UF = 0x02, NX = 0x01;

    private SoftFloat() {}

    // ---- rounding -------------------------------------------------------------------------

    /**
     * Whether to add one unit to {@code kept}, given how the discarded part compares with half
     * a unit ({@code cmpHalf} &lt;0, 0, &gt;0) and whether it is non-zero.
     */
    static boolean roundUp(long kept, int cmpHalf, boolean inexact, boolean negative, int rm) {
        return switch (rm) {
            case RNE -> cmpHalf > 0 || (cmpHalf == 0 && (kept & 1) != 0);
            case RTZ -> false;
            case RDN -> inexact && negative;
            case RUP -> inexact && !negative;
            default -> cmpHalf >= 0; // RMM: ties away from zero
        };
    }

    /** The result of an overflow in mode rm: infinity or the largest finite value. */
    static long overflow(Hart h, FpFormat f, boolean negative, int rm) {
        h.fflags |= OF | NX;
        boolean toInf = switch (rm) {
            case RTZ -> false;
            case RDN -> negative;
            case RUP -> !negative;
            default -> true;
        };
        return (negative ? f.signBit : 0) | (toInf ? f.infBits : f.maxBits);
    }

    /**
     * Rounds {@code (-1)^negative × sig × 2^exp} to format f. {@code sig} must be positive (bit
     * 63 clear) and carry at least two bits below the format's rounding position for any sticky
     * information it holds; any bits it has beyond that are just more exact bits.
     */
    static long roundPack(Hart h, FpFormat f, boolean negative, long sig, int exp, int rm) {
        int lz = Long.numberOfLeadingZeros(sig) - 1;
        sig <<= lz;
        exp -= lz;
        int e = exp + 62; // the value lies in [2^e, 2^(e+1))
        if (e > f.emax) return overflow(h, f, negative, rm);
        int p = f.p;
        int s = 63 - p; // bits to discard
        boolean tiny = false;
        if (e < f.emin) {
            // Tininess after rounding: would rounding to p bits with an unbounded exponent
            // reach 2^emin? Only possible when e = emin-1 and rounding carries out.
            long kept = sig >>> s;
            long rem = sig & ((1L << s) - 1);
            long half = 1L << (s - 1);
            boolean carry = roundUp(kept, Long.compare(rem, half), rem != 0, negative, rm)
                    && kept + 1 == (1L << p);
            tiny = !(carry && e == f.emin - 1);
            s += f.emin - e;
        }
        long kept, rem;
        int cmpHalf;
        if (s >= 64) {
            kept = 0;
            rem = sig;
            cmpHalf = -1; // sig < 2^63 <= half
        } else {
            kept = sig >>> s;
            rem = sig & (-1L >>> (64 - s));
            cmpHalf = Long.compare(rem, 1L << (s - 1));
        }
        boolean inexact = rem != 0;
        if (roundUp(kept, cmpHalf, inexact, negative, rm)) kept++;
        // For a normal result, adding the significand (hidden bit included) to (exponent-1)
        // gives the encoding, and a carry out of the significand bumps the exponent by itself.
        // A subnormal's encoding is its significand, and rounding up to 2^(p-1) yields the
        // smallest normal's encoding the same way.
        long res = e < f.emin ? kept : ((long) (e + f.bias - 1) << (p - 1)) + kept;
        if (res >= f.infBits) return overflow(h, f, negative, rm);
        if (inexact) h.fflags |= tiny ? (UF | NX) : NX;
        return res | (negative ? f.signBit : 0);
    }

    /** {@link #roundPack} for an unsigned 128-bit significand hi:lo. */
    static long roundPack128(Hart h, FpFormat f, boolean negative, long hi, long lo, int exp, int rm) {
        if (hi == 0 && lo >= 0) return roundPack(h, f, negative, lo, exp, rm);
        int len = hi != 0 ? 128 - Long.numberOfLeadingZeros(hi) : 64;
        int sh = len - 63; // 1..65
        long sig;
        boolean sticky;
        if (sh < 64) {
            sig = (hi << (64 - sh)) | (lo >>> sh);
            sticky = (lo << (64 - sh)) != 0;
        } else {
            sig = hi >>> (sh - 64);
            sticky = lo != 0 || (sh > 64 && (hi << (128 - sh)) != 0);
        }
        return roundPack(h, f, negative, sig | (sticky ? 1 : 0), exp + sh, rm);
    }

    /** Shifts right by d, ORing every bit shifted out into bit 0. */
    static long jam(long x, int d) {
        if (d == 0) return x;
        if (d >= 63) return x != 0 ? 1 : 0;
        return (x >>> d) | ((x & ((1L << d) - 1)) != 0 ? 1 : 0);
    }

    /** The invalid-operation result: NV and the canonical NaN. */
    static long invalid(Hart h, FpFormat f) {
        h.fflags |= NV;
        return f.canonicalNaN;
    }

    /** The result for NaN operands: NV if any is signaling, and the canonical NaN. */
    static long nanResult(Hart h, FpFormat f, long a, long b) {
        if (f.isSNaN(a) || f.isSNaN(b)) h.fflags |= NV;
        return f.canonicalNaN;
    }

    /** Sign of an exact zero sum of operands of opposite signs: -0 only when rounding down. */
    static long zeroSum(FpFormat f, int rm) {
        return rm == RDN ? f.signBit : 0;
    }

    // ---- arithmetic -----------------------------------------------------------------------

    static long add(Hart h, FpFormat f, long a, long b, int rm) {
        if (f.isNaN(a) || f.isNaN(b)) return nanResult(h, f, a, b);
        boolean sa = f.sign(a), sb = f.sign(b);
        if (f.isInf(a)) return f.isInf(b) && sa != sb ? invalid(h, f) : a;
        if (f.isInf(b)) return b;
        if (f.isZero(a)) {
            if (f.isZero(b)) return sa == sb ? a : zeroSum(f, rm);
            return b;
        }
        if (f.isZero(b)) return a;
        return addFinite(h, f, sa, f.sig(a), f.exp(a), sb, f.sig(b), f.exp(b), rm);
    }

    static long sub(Hart h, FpFormat f, long a, long b, int rm) {
        // Flipping a NaN's sign is harmless: NaN results are canonical anyway.
        return add(h, f, a, b ^ f.signBit, rm);
    }

    /**
     * Rounds the exact sum of two non-zero terms sig × 2^exp with sig &lt; 2^62. The smaller
     * term is aligned with a sticky bit; with the 8+ guard bits left below a 53-bit result
     * this is exact enough: when the alignment discards bits the exponents differ by 2 or
     * more, so cancellation removes at most one leading bit.
     */
    static long addFinite(Hart h, FpFormat f, boolean sa, long siga, int ea,
                          boolean sb, long sigb, int eb, int rm) {
        int la = Long.numberOfLeadingZeros(siga) - 2;
        siga <<= la;
        ea -= la;
        int lb = Long.numberOfLeadingZeros(sigb) - 2;
        sigb <<= lb;
        eb -= lb;
        if (ea < eb || (ea == eb && siga < sigb)) {
            boolean ts = sa; sa = sb; sb = ts;
            long tg = siga; siga = sigb; sigb = tg;
            int te = ea; ea = eb; eb = te;
        }
        sigb = jam(sigb, ea - eb);
        long sum;
        if (sa == sb) {
            sum = siga + sigb;
        } else {
            sum = siga - sigb;
            if (sum == 0) return zeroSum(f, rm);
        }
        return roundPack(h, f, sa, sum, ea, rm);
    }

    static long mul(Hart h, FpFormat f, long a, long b, int rm) {
        if (f.isNaN(a) || f.isNaN(b)) return nanResult(h, f, a, b);
        long sign = (a ^ b) & f.signBit;
        if (f.isInf(a) || f.isInf(b)) {
            if (f.isZero(a) || f.isZero(b)) return invalid(h, f);
            return sign | f.infBits;
        }
        if (f.isZero(a) || f.isZero(b)) return sign;
        long sa = f.sig(a), sb = f.sig(b);
        int exp = f.exp(a) + f.exp(b);
        return roundPack128(h, f, sign != 0, Math.multiplyHigh(sa, sb), sa * sb, exp, rm);
    }

    static long div(Hart h, FpFormat f, long a, long b, int rm) {
        if (f.isNaN(a) || f.isNaN(b)) return nanResult(h, f, a, b);
        long sign = (a ^ b) & f.signBit;
        if (f.isInf(a)) return f.isInf(b) ? invalid(h, f) : sign | f.infBits;
        if (f.isInf(b)) return sign;
        if (f.isZero(b)) {
            if (f.isZero(a)) return invalid(h, f);
            h.fflags |= DZ;
            return sign | f.infBits;
        }
        if (f.isZero(a)) return sign;
        // Normalise both significands to [2^52, 2^53) and long-divide 10 bits at a time
        // (the remainder stays below 2^53, so remainder << 10 fits): 60 quotient bits.
        long n = f.sig(a), d = f.sig(b);
        int ln = Long.numberOfLeadingZeros(n) - 11, ld = Long.numberOfLeadingZeros(d) - 11;
        n <<= ln;
        d <<= ld;
        int exp = f.exp(a) - ln - (f.exp(b) - ld) - 60;
        long q = n / d, r = n % d;
        for (int i = 0; i < 6; i++) {
            r <<= 10;
            q = (q << 10) | (r / d);
            r %= d;
        }
        return roundPack(h, f, sign != 0, q | (r != 0 ? 1 : 0), exp, rm);
    }

    static long sqrt(Hart h, FpFormat f, long a, int rm) {
        if (f.isNaN(a)) return nanResult(h, f, a, a);
        if (f.isZero(a)) return a;
        if (f.sign(a)) return invalid(h, f);
        if (f.isInf(a)) return a;
        // a = m × 2^e with m in [1, 4) and e even, so sqrt(a) = sqrt(m) × 2^(e/2), and m is
        // exact as a double. Java's sqrt of m is the RNE root; the residual m - root² is exactly
        // representable (no underflow near 1) and tells on which side the exact root lies,
        // and whether it is exact. Roots are never ties, so RMM = RNE; a root of a finite
        // value is never tiny nor overflowing, so scaling back by 2^(e/2) is exact.
        long sig = f.sig(a);
        int l = Long.numberOfLeadingZeros(sig) - 11; // to [2^52, 2^53)
        sig <<= l;
        int e = f.exp(a) - l + 52;
        double m = Double.longBitsToDouble((1023L << 52) | (sig & ((1L << 52) - 1)));
        if ((e & 1) != 0) {
            m *= 2;
            e--;
        }
        long root;
        if (f == FpFormat.D) {
            double y = Math.sqrt(m);
            double rho = Math.fma(-y, y, m);
            if (rho != 0) {
                h.fflags |= NX;
                if (rho < 0 && (rm == RTZ || rm == RDN)) y = Math.nextDown(y);
                else if (rho > 0 && rm == RUP) y = Math.nextUp(y);
            }
            root = Double.doubleToRawLongBits(y);
        } else {
            float y = (float) Math.sqrt(m); // correctly rounded: 53 >= 2·24+2
            double rho = m - (double) y * y; // y² has 48 bits: exact, and so is the difference
            if (rho != 0) {
                h.fflags |= NX;
                if (rho < 0 && (rm == RTZ || rm == RDN)) y = Math.nextDown(y);
                else if (rho > 0 && rm == RUP) y = Math.nextUp(y);
            }
            root = Float.floatToRawIntBits(y);
        }
        return root + ((long) (e / 2) << (f.p - 1)); // add e/2 to the exponent field
    }

    /**
     * (-1)^negProd × a × b + (-1)^negAdd × c with a single rounding. Per the RISC-V spec,
     * ∞ × 0 raises NV even when c is a quiet NaN.
     */
    static long fma(Hart h, FpFormat f, long a, long b, long c, boolean negProd, boolean negAdd, int rm) {
        boolean nanIn = f.isNaN(a) || f.isNaN(b) || f.isNaN(c);
        if (nanIn && (f.isSNaN(a) || f.isSNaN(b) || f.isSNaN(c))) h.fflags |= NV;
        if ((f.isInf(a) && f.isZero(b)) || (f.isZero(a) && f.isInf(b))) return invalid(h, f);
        if (nanIn) return f.canonicalNaN;
        if (negAdd) c ^= f.signBit;
        boolean sp = f.sign(a) ^ f.sign(b) ^ negProd, sc = f.sign(c);
        if (f.isInf(a) || f.isInf(b)) {
            if (f.isInf(c) && sc != sp) return invalid(h, f);
            return (sp ? f.signBit : 0) | f.infBits;
        }
        if (f.isInf(c)) return c;
        if (f.isZero(a) || f.isZero(b)) {
            if (f.isZero(c)) return sp == sc ? c : zeroSum(f, rm);
            return c;
        }
        long siga = f.sig(a), sigb = f.sig(b);
        int ep = f.exp(a) + f.exp(b);
        if (f.isZero(c)) {
            return roundPack128(h, f, sp, Math.multiplyHigh(siga, sigb), siga * sigb, ep, rm);
        }
        if (f.p <= 31) {
            // A single's product has at most 48 bits: it is an exact term for addFinite.
            return addFinite(h, f, sp, siga * sigb, ep, sc, f.sig(c), f.exp(c), rm);
        }
        return fmaWide(h, f, sp, siga, sigb, ep, sc, f.sig(c), f.exp(c), rm);
    }

    /**
     * The exact sum of a 106-bit product and an addend in 128-bit integers: both are placed
     * with their top bit at bit 125, the smaller is aligned with a sticky bit (the argument of
     * {@link #addFinite}, with 19+ guard bits below the product), and the 127-bit sum rounded.
     */
    private static long fmaWide(Hart h, FpFormat f, boolean sp, long siga, long sigb, int ep,
                                boolean sc, long sigc, int ec, int rm) {
        long xh = Math.multiplyHigh(siga, sigb), xl = siga * sigb; // < 2^106: unsigned = signed
        int n = (xh != 0 ? Long.numberOfLeadingZeros(xh) : 64 + Long.numberOfLeadingZeros(xl)) - 2;
        if (n >= 64) {
            xh = xl << (n - 64);
            xl = 0;
        } else if (n > 0) {
            xh = (xh << n) | (xl >>> (64 - n));
            xl <<= n;
        }
        int ex = ep - n;
        int m = Long.numberOfLeadingZeros(sigc) - 2; // the addend's top bit to 125 = 64 + 61
        long yh = sigc << m, yl = 0;
        int ey = ec - m - 64;
        boolean sx = sp, sy = sc;
        if (ex < ey || (ex == ey && (xh < yh || (xh == yh && Long.compareUnsigned(xl, yl) < 0)))) {
            long t = xh; xh = yh; yh = t;
            t = xl; xl = yl; yl = t;
            int te = ex; ex = ey; ey = te;
            boolean ts = sx; sx = sy; sy = ts;
        }
        int d = ex - ey;
        if (d >= 128) {
            yl = (yh | yl) != 0 ? 1 : 0;
            yh = 0;
        } else if (d >= 64) {
            boolean sticky = yl != 0 || (d > 64 && (yh << (128 - d)) != 0);
            yl = (yh >>> (d - 64)) | (sticky ? 1 : 0);
            yh = 0;
        } else if (d > 0) {
            boolean sticky = (yl << (64 - d)) != 0;
            yl = (yl >>> d) | (yh << (64 - d)) | (sticky ? 1 : 0);
            yh >>>= d;
        }
        long hi, lo;
        if (sx == sy) {
            lo = xl + yl;
            hi = xh + yh + (Long.compareUnsigned(lo, xl) < 0 ? 1 : 0);
        } else {
            lo = xl - yl;
            hi = xh - yh - (Long.compareUnsigned(xl, yl) < 0 ? 1 : 0);
            if ((hi | lo) == 0) return zeroSum(f, rm);
        }
        return roundPack128(h, f, sx, hi, lo, ex, rm);
    }

    /** Converts between formats; NaNs become the canonical NaN of the target. */
    static long convert(Hart h, FpFormat from, FpFormat to, long a, int rm) {
        if (from.isNaN(a)) {
            if (from.isSNaN(a)) h.fflags |= NV;
            return to.canonicalNaN;
        }
        boolean neg = from.sign(a);
        long sign = neg ? to.signBit : 0;
        if (from.isInf(a)) return sign | to.infBits;
        if (from.isZero(a)) return sign;
        return roundPack(h, to, neg, from.sig(a), from.exp(a), rm);
    }
}
