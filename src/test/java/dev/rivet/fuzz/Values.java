package dev.rivet.fuzz;

import java.util.SplittableRandom;

/** Operand pools: the values where implementations tend to differ. */
final class Values {
    private Values() {}

    static final long[] INTS = {
        0, 1, -1, 2, -2, 3, 7, 31, 32, 33, 63, 64, 0x80, 0xff, 0x7f, 0x8000, 0xffff, 0x7fff,
        0x7fffffffL, 0x80000000L, 0xffffffffL, 0x100000000L, 0x7ffffffeL, 0x80000001L,
        0xffffffff80000000L, 0xffffffff7fffffffL, 0xffffffff00000000L, 0xfffffffeL,
        Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1,
        0x0101010101010101L, 0x8080808080808080L, 0x00ff00ff00ff00ffL, 0x5555555555555555L,
        0xaaaaaaaaaaaaaaaaL, 0x123456789abcdef0L, 0xfedcba9876543210L, 0x0000000100000001L,
        0x8000000080000000L, 0x00000000ffff8000L, 0xffffffffffff8000L, 0xffffffffffffff80L,
        // integer -> FP rounding: ties and near-ties for single (2^24 + k) and double (2^53 + k)
        0x1000001L, 0x1000003L, 0xfffffffffefffffdL, 0x20000000000001L, 0x20000000000003L,
        0xffdfffffffffffffL, 0xfffffffffffffc00L, 0xfffffffffffff801L, 0x80000000000004ffL,
        0x7fffffbfL, 0xffffff7fL, 0x7ffffffffffffdffL,
    };

    static final long[] DOUBLES = {
        0L, 0x8000000000000000L,                               // +0 -0
        0x7ff0000000000000L, 0xfff0000000000000L,              // +inf -inf
        0x7ff8000000000000L, 0xfff8000000000000L,              // canonical qNaN, negative qNaN
        0x7ff8000000000123L, 0x7ff0000000000001L, 0x7ff4000000000000L, 0xfff0000000000001L, // payload qNaN, sNaNs
        1L, 0x8000000000000001L, 0x000fffffffffffffL, 0x800fffffffffffffL, // min/max subnormal
        0x0010000000000000L, 0x8010000000000000L, 0x7fefffffffffffffL, 0xffefffffffffffffL, // min/max normal
        0x3ff0000000000000L, 0xbff0000000000000L, 0x3fe0000000000000L, 0xbfe0000000000000L, // ±1 ±0.5
        0x3ff8000000000000L, 0xbff8000000000000L, 0x4004000000000000L, 0xc004000000000000L, // ±1.5 ±2.5
        0x3ff0000000000001L, 0x3fefffffffffffffL, 0x4000000000000000L, 0x4008000000000000L, // 1+ulp 1-ulp 2 3
        0x3fd5555555555555L, 0x4024000000000000L, 0x3fb999999999999aL,                     // 1/3 10 0.1
        0x41dfffffffc00000L, 0x41e0000000000000L, 0x41dfffffffe00000L, 0x41e0000000100000L, // 2^31-1, 2^31, 2^31-0.5, 2^31+0.5
        0xc1e0000000000000L, 0xc1e0000000200000L, 0xc1e0000000100000L,                     // -2^31, -2^31-1, -2^31-0.5
        0x41efffffffe00000L, 0x41f0000000000000L, 0x41effffffff00000L,                     // 2^32-1, 2^32, 2^32-0.5
        0x43dfffffffffffffL, 0x43e0000000000000L, 0xc3e0000000000000L, 0xc3e0000000000001L, // around ±2^63
        0x43efffffffffffffL, 0x43f0000000000000L,                                          // around 2^64
        0x3ff0000010000000L, 0x3ff0000010000001L, 0x3ff0000030000000L, 0x3ff000000fffffffL, // halfway for single rounding
        0x47efffffe0000000L, 0x47effffff0000000L, 0x47f0000000000000L,                     // FLT_MAX, FLT_MAX+half ulp, 2^128
        0x3810000000000000L, 0x380fffffe0000000L, 0x36a0000000000000L, 0x3690000000000000L, // FLT_MIN, below, FLT_TRUE_MIN, half of it
        0x3698000000000000L, 0x36b8000000000000L, 0x3800000000000000L,                     // 0.75/1.5 FLT_TRUE_MIN, 2^-127
        0x0008000000000000L, 0x0000000000000003L, 0x001fffffffffffffL,                     // subnormals, just above min normal
        0x7fe0000000000000L, 0x0020000000000000L, 0x3ca0000000000000L, 0x3cb0000000000000L, // 2^1023, 2^-1021, 2^-53, 2^-52
    };

    static final int[] SINGLES = {
        0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x7fc00001, 0x7f800001,
        0x7fa00000, 0xff800001, 1, 0x80000001, 0x007fffff, 0x807fffff, 0x00800000, 0x80800000,
        0x7f7fffff, 0xff7fffff, 0x3f800000, 0xbf800000, 0x3f000000, 0xbf000000, 0x3fc00000, 0xbfc00000,
        0x40200000, 0xc0200000, 0x3f800001, 0x3f7fffff, 0x40000000, 0x40400000, 0x3eaaaaab, 0x41200000,
        0x4effffff, 0x4f000000, 0xcf000000, 0xcf000001, 0x4f7fffff, 0x4f800000, 0x5effffff, 0x5f000000,
        0xdf000000, 0xdf000001, 0x5f7fffff, 0x5f800000, 0x4b000000, 0x4b800000, 0x4b7fffff, 0x4affffff,
        0x33800000, 0x34000000, 0x00400000, 0x00000003, 0x7f000000, 0x01000000, 0x3f000001, 0x3effffff,
    };

    static long pick(SplittableRandom r, long[] a) { return a[r.nextInt(a.length)]; }

    /** A value for an x register or a memory word. */
    static long intValue(SplittableRandom r) {
        int k = r.nextInt(100);
        if (k < 45) {
            long v = pick(r, INTS);
            return r.nextInt(8) == 0 ? v + r.nextInt(-2, 3) : v;
        }
        if (k < 65) return r.nextLong();
        if (k < 75) return (long) r.nextInt();                    // sign-extended 32-bit
        if (k < 82) return r.nextInt(-300, 300);
        if (k < 88) return 1L << r.nextInt(64);
        if (k < 94) return doubleBits(r);
        return 0xffffffff00000000L | (singleBits(r) & 0xffffffffL);
    }

    /** The values most special cases hinge on, drawn more often than the rest of the pools. */
    static final long[] CORE_DOUBLES = {
        0L, 0x8000000000000000L, 0x7ff0000000000000L, 0xfff0000000000000L, 0x7ff8000000000000L,
        0x7ff0000000000001L, 0x3ff0000000000000L, 0xbff0000000000000L, 1L, 0x0010000000000000L,
        0x7fefffffffffffffL, 0x000fffffffffffffL,
    };
    static final int[] CORE_SINGLES = {
        0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0x7f800001, 0x3f800000, 0xbf800000,
        1, 0x00800000, 0x7f7fffff, 0x007fffff,
    };

    static long doubleBits(SplittableRandom r) {
        int k = r.nextInt(100);
        if (k < 20) return pick(r, CORE_DOUBLES) ^ (r.nextInt(4) == 0 ? Long.MIN_VALUE : 0);
        if (k < 55) return pick(r, DOUBLES);
        if (k < 70) return Double.doubleToRawLongBits((r.nextInt(2000) - 1000) / 8.0);
        if (k < 85) {
            // random mantissa, exponent near 1.0 or near the extremes
            long e = switch (r.nextInt(4)) {
                case 0 -> 1023 + r.nextInt(-4, 5);
                case 1 -> r.nextInt(0, 4);
                case 2 -> 2046 - r.nextInt(0, 4);
                default -> r.nextInt(2048);
            };
            return (r.nextBoolean() ? Long.MIN_VALUE : 0) | e << 52 | (r.nextLong() & 0xfffffffffffffL);
        }
        return r.nextLong();
    }

    static int singleBits(SplittableRandom r) {
        int k = r.nextInt(100);
        if (k < 20) return CORE_SINGLES[r.nextInt(CORE_SINGLES.length)] ^ (r.nextInt(4) == 0 ? 0x80000000 : 0);
        if (k < 55) return SINGLES[r.nextInt(SINGLES.length)];
        if (k < 70) return Float.floatToRawIntBits((r.nextInt(2000) - 1000) / 8.0f);
        if (k < 85) {
            int e = switch (r.nextInt(4)) {
                case 0 -> 127 + r.nextInt(-4, 5);
                case 1 -> r.nextInt(0, 4);
                case 2 -> 254 - r.nextInt(0, 4);
                default -> r.nextInt(256);
            };
            return (r.nextBoolean() ? 0x80000000 : 0) | e << 23 | (r.nextInt() & 0x7fffff);
        }
        return r.nextInt();
    }

    /** A value for an f register: a boxed single, a double, or an improperly boxed single. */
    static long fregValue(SplittableRandom r) {
        int k = r.nextInt(100);
        if (k < 45) return 0xffffffff00000000L | (singleBits(r) & 0xffffffffL);
        if (k < 90) return doubleBits(r);
        return switch (r.nextInt(3)) {
            case 0 -> singleBits(r) & 0xffffffffL;                              // upper half zero
            case 1 -> 0xfffffffe00000000L | (singleBits(r) & 0xffffffffL);      // one bit short of boxed
            default -> 0x7fffffff00000000L | (singleBits(r) & 0xffffffffL);
        };
    }
}
