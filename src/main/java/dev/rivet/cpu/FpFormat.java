package dev.rivet.cpu;

/**
 * The parameters of one IEEE 754 binary format (binary32 or binary64), so that the soft-float
 * code is written once for both. Values of either format travel as {@code long} raw bits; a
 * single's bits are zero-extended (sign at bit 31), never NaN-boxed, inside this package's
 * soft-float code.
 */
final class FpFormat {
    static final FpFormat S = new FpFormat(24, 8);
    static final FpFormat D = new FpFormat(53, 11);

    /** Precision in bits, the hidden bit included. */
    final int p;
    final int bias;
    /** Unbiased exponent range of normal numbers. */
    final int emin, emax;
    final long signBit;
    final long fracMask;
    /** Bits of +infinity; every larger magnitude pattern is a NaN. */
    final long infBits;
    /** Bits of the largest finite value. */
    final long maxBits;
    /** The quiet bit (most significant fraction bit). */
    final long quietBit;
    /** RISC-V's canonical NaN: positive, quiet, zero payload. */
    final long canonicalNaN;
    /** Largest biased exponent field (all ones). */
    final int expField;

    private FpFormat(int p, int expBits) {
        this.p = p;
        this.bias = (1 << (expBits - 1)) - 1;
        this.emin = 1 - bias;
        this.emax = bias;
        this.signBit = 1L << (p - 1 + expBits);
        this.fracMask = (1L << (p - 1)) - 1;
        this.expField = (1 << expBits) - 1;
        this.infBits = (long) expField << (p - 1);
        this.maxBits = infBits - 1;
        this.quietBit = 1L << (p - 2);
        this.canonicalNaN = infBits | quietBit;
    }

    boolean isNaN(long x) { return (x & ~signBit) > infBits; }

    boolean isSNaN(long x) { return isNaN(x) && (x & quietBit) == 0; }

    boolean isInf(long x) { return (x & ~signBit) == infBits; }

    boolean isZero(long x) { return (x & ~signBit) == 0; }

    boolean sign(long x) { return (x & signBit) != 0; }

    /** Biased exponent field. */
    int field(long x) { return (int) ((x >>> (p - 1)) & expField); }

    /** Integer significand of a finite value: the value is {@code sig(x) * 2^exp(x)}. */
    long sig(long x) {
        long frac = x & fracMask;
        return field(x) == 0 ? frac : frac | (1L << (p - 1));
    }

    /** Exponent of the integer significand's unit bit, see {@link #sig}. */
    int exp(long x) {
        int e = field(x);
        return (e == 0 ? 1 : e) - bias - (p - 1);
    }
}
