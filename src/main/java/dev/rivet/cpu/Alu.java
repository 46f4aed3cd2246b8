package dev.rivet.cpu;

/**
 * Integer semantics of the M, Zba, Zbb, Zbc and Zbs instructions that are more than one Java
 * operator, as static methods shared by the interpreter and the JIT. W forms take the raw
 * 64-bit register values and return the sign-extended 32-bit result.
 */
public final class Alu {
    private Alu() {}

    // ---- M: division never traps; the spec fixes the results for /0 and overflow.

    public static long mulh(long a, long b) { return Math.multiplyHigh(a, b); }

    public static long mulhu(long a, long b) { return Math.unsignedMultiplyHigh(a, b); }

    /** High half of signed a times unsigned b: the unsigned high product corrected for a's sign. */
    public static long mulhsu(long a, long b) {
        return Math.unsignedMultiplyHigh(a, b) - (a < 0 ? b : 0);
    }

    public static long div(long a, long b) {
        if (b == 0) return -1;
        if (b == -1) return -a; // also MIN_VALUE / -1 = MIN_VALUE, with no Java exception
        return a / b;
    }

    public static long divu(long a, long b) { return b == 0 ? -1 : Long.divideUnsigned(a, b); }

    public static long rem(long a, long b) {
        if (b == 0) return a;
        if (b == -1) return 0;
        return a % b;
    }

    public static long remu(long a, long b) { return b == 0 ? a : Long.remainderUnsigned(a, b); }

    public static long divw(long a, long b) {
        int x = (int) a, y = (int) b;
        if (y == 0) return -1;
        if (y == -1) return -x; // int negation wraps MIN_VALUE to itself
        return x / y;
    }

    public static long divuw(long a, long b) {
        int y = (int) b;
        return y == 0 ? -1 : Integer.divideUnsigned((int) a, y);
    }

    public static long remw(long a, long b) {
        int x = (int) a, y = (int) b;
        if (y == 0) return x;
        if (y == -1) return 0;
        return x % y;
    }

    public static long remuw(long a, long b) {
        int y = (int) b;
        return y == 0 ? (int) a : Integer.remainderUnsigned((int) a, y);
    }

    // ---- Zbb

    public static long clz(long a) { return Long.numberOfLeadingZeros(a); }

    public static long clzw(long a) { return Integer.numberOfLeadingZeros((int) a); }

    public static long ctz(long a) { return Long.numberOfTrailingZeros(a); }

    public static long ctzw(long a) { return Integer.numberOfTrailingZeros((int) a); }

    public static long cpop(long a) { return Long.bitCount(a); }

    public static long cpopw(long a) { return Integer.bitCount((int) a); }

    public static long max(long a, long b) { return Math.max(a, b); }

    public static long maxu(long a, long b) { return Long.compareUnsigned(a, b) >= 0 ? a : b; }

    public static long min(long a, long b) { return Math.min(a, b); }

    public static long minu(long a, long b) { return Long.compareUnsigned(a, b) <= 0 ? a : b; }

    public static long rol(long a, long b) { return Long.rotateLeft(a, (int) b); }

    public static long ror(long a, long b) { return Long.rotateRight(a, (int) b); }

    public static long rolw(long a, long b) { return Integer.rotateLeft((int) a, (int) b); }

    public static long rorw(long a, long b) { return Integer.rotateRight((int) a, (int) b); }

    /** orc.b: each byte becomes 0xff if any of its bits is set, else 0. */
    public static long orcb(long a) {
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            if (((a >>> i) & 0xff) != 0) r |= 0xffL << i;
        }
        return r;
    }

    public static long rev8(long a) { return Long.reverseBytes(a); }

    // ---- Zbc

    public static long clmul(long a, long b) {
        long r = 0;
        for (int i = 0; i < 64; i++) {
            if (((b >>> i) & 1) != 0) r ^= a << i;
        }
        return r;
    }

    public static long clmulh(long a, long b) {
        long r = 0;
        for (int i = 1; i < 64; i++) {
            if (((b >>> i) & 1) != 0) r ^= a >>> (64 - i);
        }
        return r;
    }

    public static long clmulr(long a, long b) {
        long r = 0;
        for (int i = 0; i < 64; i++) {
            if (((b >>> i) & 1) != 0) r ^= a >>> (63 - i);
        }
        return r;
    }

    // ---- Zbs (the bit index is the low 6 bits of the source)

    public static long bclr(long a, long b) { return a & ~(1L << b); }

    public static long bext(long a, long b) { return (a >>> b) & 1; }

    public static long binv(long a, long b) { return a ^ (1L << b); }

    public static long bset(long a, long b) { return a | (1L << b); }

    /** Signed less-than as 0/1. */
    public static long slt(long a, long b) { return a < b ? 1 : 0; }

    public static long sltu(long a, long b) { return Long.compareUnsigned(a, b) < 0 ? 1 : 0; }
}
