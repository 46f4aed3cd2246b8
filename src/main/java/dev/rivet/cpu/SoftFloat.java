package dev.rivet.cpu;

import java.math.BigInteger;

/**
 * Exact IEEE 754 arithmetic in software, as RISC-V's F and D extensions define it: every
 * operation computes its exact result as sign × integer × 2^exp (an integer that may carry a
 * "sticky" low bit standing for discarded non-zero bits), and {@link #roundPack} rounds that to
 * the target format in the requested mode and derives the exception flags. Used for every case
 * the fast paths in {@link Fpu} cannot prove correct.
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

    /** {@link #roundPack} for a positive BigInteger significand. */
    static long roundPackBig(Hart h, FpFormat f, boolean negative, BigInteger mag, int exp, int rm) {
        int len = mag.bitLength();
        if (len <= 63) return roundPack(h, f, negative, mag.longValue(), exp, rm);
        int sh = len - 63;
        boolean sticky = mag.getLowestSetBit() < sh;
        return roundPack(h, f, negative, mag.shiftRight(sh).longValue() | (sticky ? 1 : 0), exp + sh, rm);
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
        long sig = f.sig(a);
        int exp = f.exp(a);
        int l = Long.numberOfLeadingZeros(sig) - 11; // to [2^52, 2^53)
        sig <<= l;
        exp -= l;
        if ((exp & 1) != 0) {
            sig <<= 1;
            exp--;
        }
        // sqrt(sig × 2^68) has 60+ bits, enough below either format's precision.
        BigInteger[] qr = BigInteger.valueOf(sig).shiftLeft(68).sqrtAndRemainder();
        long root = qr[0].longValue() | (qr[1].signum() != 0 ? 1 : 0);
        return roundPack(h, f, false, root, (exp - 68) / 2, rm);
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
        BigInteger prod = BigInteger.valueOf(siga).multiply(BigInteger.valueOf(sigb));
        BigInteger add = BigInteger.valueOf(f.sig(c));
        int ec = f.exp(c);
        int e = Math.min(ep, ec);
        prod = prod.shiftLeft(ep - e);
        add = add.shiftLeft(ec - e);
        BigInteger sum = (sp ? prod.negate() : prod).add(sc ? add.negate() : add);
        if (sum.signum() == 0) return zeroSum(f, rm);
        return roundPackBig(h, f, sum.signum() < 0, sum.abs(), e, rm);
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
