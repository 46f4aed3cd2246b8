package dev.rivet.cpu;

import static dev.rivet.cpu.Fpu.DZ;
import static dev.rivet.cpu.Fpu.NV;
import static dev.rivet.cpu.Fpu.NX;
import static dev.rivet.cpu.Fpu.OF;
import static dev.rivet.cpu.Fpu.RDN;
import static dev.rivet.cpu.Fpu.RMM;
import static dev.rivet.cpu.Fpu.RNE;
import static dev.rivet.cpu.Fpu.RTZ;
import static dev.rivet.cpu.Fpu.RUP;
import static dev.rivet.cpu.Fpu.UF;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * Edge cases of the RISC-V F/D semantics, each expected value derived by hand from the
 * unprivileged spec (F and D chapters) and IEEE 754-2008. Every case runs twice: with fflags
 * clear, and with NX already set (the state in which Fpu may take its Java fast path), where
 * the flags must be the same plus NX.
 */
class FpuTest {
    static final int QNAN_S = 0x7fc00000, SNAN_S = 0x7f800001, QNAN_PAYLOAD_S = 0x7fc12345;
    static final long QNAN_D = 0x7ff8000000000000L, SNAN_D = 0x7ff0000000000001L;
    static final long ONE = d(1.0), TWO = d(2.0), MAX = d(Double.MAX_VALUE), MIN_NORMAL = d(Double.MIN_NORMAL);
    static final long PINF = 0x7ff0000000000000L, NINF = 0xfff0000000000000L, NZERO = Long.MIN_VALUE;

    static long d(double x) { return Double.doubleToRawLongBits(x); }

    static int f(float x) { return Float.floatToRawIntBits(x); }

    /** Runs op with fflags clear and with NX preset; checks the result and the flags raised. */
    static void check(long expected, int flags, ToLongFunction<Hart> op) {
        for (int preset : new int[] {0, NX}) {
            Hart h = new Hart(null);
            h.fflags = preset;
            long r = op.applyAsLong(h);
            assertEquals(Long.toHexString(expected), Long.toHexString(r), "result (preset fflags " + preset + ")");
            assertEquals(flags | preset, h.fflags, "fflags (preset " + preset + ")");
        }
    }

    static void checkS(int expected, int flags, ToLongFunction<Hart> op) {
        check(expected & 0xffffffffL, flags, h -> op.applyAsLong(h) & 0xffffffffL);
    }

    @Test
    void nanResultsAreCanonical() {
        checkS(QNAN_S, 0, h -> Fpu.faddS(h, QNAN_PAYLOAD_S, f(1f), RNE));
        checkS(QNAN_S, NV, h -> Fpu.fmulS(h, f(2f), SNAN_S, RNE));
        check(QNAN_D, 0, h -> Fpu.faddD(h, 0xfff8000000000123L, ONE, RNE));
        check(QNAN_D, NV, h -> Fpu.fsqrtD(h, SNAN_D, RNE));
        check(QNAN_D, NV, h -> Fpu.fsubD(h, PINF, PINF, RNE));        // inf - inf
        check(QNAN_D, NV, h -> Fpu.fmulD(h, 0, NINF, RNE));           // 0 * inf
        check(QNAN_D, NV, h -> Fpu.fdivD(h, 0, NZERO, RNE));          // 0 / 0
        check(QNAN_D, NV, h -> Fpu.fdivD(h, PINF, NINF, RNE));        // inf / inf
        check(QNAN_D, NV, h -> Fpu.fsqrtD(h, d(-1.0), RNE));          // sqrt of negative
        check(QNAN_D, NV, h -> Fpu.fsqrtD(h, NINF, RNE));
        checkS(QNAN_S, NV, h -> Fpu.fsqrtS(h, f(-1e-40f), RNE));     // negative subnormal
    }

    @Test
    void divisionByZeroAndSpecialSquareRoots() {
        check(PINF, DZ, h -> Fpu.fdivD(h, ONE, 0, RNE));
        check(NINF, DZ, h -> Fpu.fdivD(h, ONE, NZERO, RTZ));
        check(NZERO, 0, h -> Fpu.fdivD(h, NZERO, ONE, RNE));
        check(PINF, 0, h -> Fpu.fdivD(h, PINF, 0, RNE));              // inf / 0 is exact inf, no DZ
        check(NZERO, 0, h -> Fpu.fsqrtD(h, NZERO, RNE));              // sqrt(-0) = -0
        check(PINF, 0, h -> Fpu.fsqrtD(h, PINF, RNE));
        checkS(f(3f), 0, h -> Fpu.fsqrtS(h, f(9f), RDN));
    }

    @Test
    void exactZeroSigns() {
        for (int rm : new int[] {RNE, RTZ, RUP, RMM}) {
            final int m = rm;
            check(0, 0, h -> Fpu.faddD(h, ONE, d(-1.0), m));
            check(0, 0, h -> Fpu.fsubD(h, TWO, TWO, m));
            check(0, 0, h -> Fpu.faddD(h, 0, NZERO, m));
        }
        check(NZERO, 0, h -> Fpu.faddD(h, ONE, d(-1.0), RDN));       // x + -x is -0 only in RDN
        check(NZERO, 0, h -> Fpu.faddD(h, 0, NZERO, RDN));
        check(NZERO, 0, h -> Fpu.faddD(h, NZERO, NZERO, RNE));       // -0 + -0 = -0 in every mode
        checkS(0x80000000, 0, h -> Fpu.fsubS(h, f(1.5f), f(1.5f), RDN));
        // fma: an exact zero product added to a zero of the other sign
        check(0, 0, h -> Fpu.fmaddD(h, NZERO, ONE, 0, RNE));
        check(NZERO, 0, h -> Fpu.fmaddD(h, NZERO, ONE, 0, RDN));
        check(NZERO, 0, h -> Fpu.fmsubD(h, NZERO, ONE, 0, RNE));    // -0 - +0 = -0
        check(NZERO, 0, h -> Fpu.fmaddD(h, ONE, ONE, d(-1.0), RDN)); // exact cancellation in fma
    }

    @Test
    void overflowFollowsTheRoundingMode() {
        check(PINF, OF | NX, h -> Fpu.faddD(h, MAX, MAX, RNE));
        check(MAX, OF | NX, h -> Fpu.faddD(h, MAX, MAX, RTZ));
        check(MAX, OF | NX, h -> Fpu.faddD(h, MAX, MAX, RDN));
        check(PINF, OF | NX, h -> Fpu.faddD(h, MAX, MAX, RUP));
        check(PINF, OF | NX, h -> Fpu.faddD(h, MAX, MAX, RMM));
        check(NINF, OF | NX, h -> Fpu.fmulD(h, MAX, d(-2.0), RDN));
        check(MAX | NZERO, OF | NX, h -> Fpu.fmulD(h, MAX, d(-2.0), RUP));
        checkS(0x7f7fffff, OF | NX, h -> Fpu.fcvtSD(h, MAX, RTZ));
        checkS(0x7f800000, OF | NX, h -> Fpu.fcvtSD(h, MAX, RNE));
        // MAX + half an ulp: a tie, to even goes up to infinity; RMM too; RTZ stays
        long halfUlp = d(Math.ulp(Double.MAX_VALUE) / 2);
        check(PINF, OF | NX, h -> Fpu.faddD(h, MAX, halfUlp, RNE));
        check(MAX, NX, h -> Fpu.faddD(h, MAX, halfUlp, RTZ));
    }

    @Test
    void tiesNearTheMaximum() {
        // 0x1.fffffcp126 - 0x1.fffffep127 = -0x1.7fffffp127 exactly: a tie between 0xff3fffff
        // and 0xff400000. The error-free sum overflows internally here (a fast-path trap).
        checkS(0xff400000, NX, h -> Fpu.fsubS(h, 0x7e7ffffe, 0x7f7fffff, RNE));
        checkS(0xff3fffff, NX, h -> Fpu.fsubS(h, 0x7e7ffffe, 0x7f7fffff, RUP));
        checkS(0xff3fffff, NX, h -> Fpu.faddS(h, 0x7e7ffffe, 0xff7fffff, RTZ));
        checkS(0xff400000, NX, h -> Fpu.faddS(h, 0x7e7ffffe, 0xff7fffff, RMM));
        check(0xffe8000000000000L, NX, h -> Fpu.fsubD(h, 0x7fcffffffffffffeL, MAX, RNE));
        check(0xffe7ffffffffffffL, NX, h -> Fpu.fsubD(h, 0x7fcffffffffffffeL, MAX, RTZ));
    }

    @Test
    void underflowUsesTininessAfterRounding() {
        // (1 - 2^-52) 2^-22 × (1 + 2^-52) 2^-1000 = 2^-1022 (1 - 2^-104): below the smallest
        // normal, but rounding it to 53 bits with an unbounded exponent gives 2^-1022, so it
        // is not tiny: NX only, in RNE and RUP.
        long a = (1000L << 52) | 0xffffffffffffeL, b = (23L << 52) | 1;
        check(MIN_NORMAL, NX, h -> Fpu.fmulD(h, a, b, RNE));
        check(MIN_NORMAL, NX, h -> Fpu.fmulD(h, a, b, RUP));
        // Toward zero it stays below 2^-1022 (tiny): the largest subnormal, UF and NX.
        check(MIN_NORMAL - 1, UF | NX, h -> Fpu.fmulD(h, a, b, RTZ));
        // 2^-1022 (1 - 2^-53) is exactly representable with 53 bits, so it is tiny even though
        // the subnormal rounding (a tie, to even) gives 2^-1022: UF and NX.
        check(MIN_NORMAL, UF | NX, h -> Fpu.fmulD(h, MIN_NORMAL, d(1.0 - 0x1p-53), RNE));
        // An exact subnormal result raises nothing: UF needs inexactness.
        check(1L << 51, 0, h -> Fpu.fmulD(h, MIN_NORMAL, d(0.5), RNE));
        // The smallest subnormal halved: a tie to even gives +0, both UF and NX; RUP gives it back.
        check(0, UF | NX, h -> Fpu.fmulD(h, 1, d(0.5), RNE));
        check(1, UF | NX, h -> Fpu.fmulD(h, 1, d(0.5), RUP));
        check(1, UF | NX, h -> Fpu.fmulD(h, 1, d(0.5), RMM));
        check(NZERO, UF | NX, h -> Fpu.fmulD(h, 1, d(-0.25), RMM));
    }

    @Test
    void fusedMultiplyAddRoundsOnce() {
        long up = d(1 + 0x1p-52), down = d(1 - 0x1p-52);
        check(d(-0x1p-104), 0, h -> Fpu.fmaddD(h, up, down, d(-1.0), RNE)); // two roundings give 0
        check(d(0x1p-104), 0, h -> Fpu.fnmsubD(h, up, down, ONE, RNE));     // -(a*b) + c
        check(d(0x1p-104), 0, h -> Fpu.fnmaddD(h, up, down, d(-1.0), RNE)); // -(a*b) - c
        checkS(f(-0x1p-46f), 0, h -> Fpu.fmsubS(h, f(1 + 0x1p-23f), f(1 - 0x1p-23f), f(1f), RNE));
        // (2^24+1)(2^48-2^24+1) = 2^72+1, and 2^72+1 - 2^126 lies just past the midpoint
        // 2^126 - 2^72 between 2^126 - 2^73 and 2^126: only the product's last bit, far below
        // the addend, keeps it from being a tie (which RNE and RMM would round to -2^126).
        long p1 = d(16777217.0), p2 = d(281474959933441.0), c = d(-0x1p126);
        check(d(-(0x1p126 - 0x1p73)), NX, h -> Fpu.fmaddD(h, p1, p2, c, RNE));
        check(d(-(0x1p126 - 0x1p73)), NX, h -> Fpu.fmaddD(h, p1, p2, c, RMM));
        check(d(-0x1p126), NX, h -> Fpu.fmaddD(h, p1, p2, c, RDN));
        // ∞ × 0 is invalid even when the addend is a quiet NaN (spec, F chapter)
        check(QNAN_D, NV, h -> Fpu.fmaddD(h, PINF, 0, QNAN_D, RNE));
        checkS(QNAN_S, NV, h -> Fpu.fnmaddS(h, 0, 0xff800000, QNAN_S, RNE));
        check(QNAN_D, 0, h -> Fpu.fmaddD(h, ONE, ONE, QNAN_D, RNE));
        check(QNAN_D, NV, h -> Fpu.fmaddD(h, PINF, ONE, NINF, RNE));     // inf - inf
        check(PINF, 0, h -> Fpu.fmaddD(h, PINF, ONE, PINF, RNE));
    }

    @Test
    void roundingModesOnTies() {
        // 1 + 2^-53 is halfway between 1 and 1 + 2^-52; 1 + 3·2^-53 between 1 + 2^-52 and 1 + 2^-51
        long tie = d(0x1p-53);
        check(ONE, NX, h -> Fpu.faddD(h, ONE, tie, RNE));
        check(ONE + 1, NX, h -> Fpu.faddD(h, ONE, tie, RMM));
        check(ONE + 1, NX, h -> Fpu.faddD(h, ONE, tie, RUP));
        check(ONE, NX, h -> Fpu.faddD(h, ONE, tie, RDN));
        check(ONE + 2, NX, h -> Fpu.faddD(h, ONE + 1, tie, RNE));
        check(d(-1.0), NX, h -> Fpu.faddD(h, d(-1.0), d(-0x1p-53), RTZ));
        check(d(-1.0) + 1, NX, h -> Fpu.faddD(h, d(-1.0), d(-0x1p-53), RDN));
        checkS(0x3eaaaaab, NX, h -> Fpu.fdivS(h, f(1f), f(3f), RNE));
        checkS(0x3eaaaaaa, NX, h -> Fpu.fdivS(h, f(1f), f(3f), RDN));
        checkS(0x3eaaaaab, NX, h -> Fpu.fdivS(h, f(1f), f(3f), RUP));
    }

    @Test
    void floatToIntSaturates() {
        check(0x7fffffffL, NV, h -> Fpu.fcvtWS(h, QNAN_S, RNE));
        check(0x7fffffffL, NV, h -> Fpu.fcvtWS(h, 0x7f800000, RNE));
        check(0xffffffff80000000L, NV, h -> Fpu.fcvtWS(h, 0xff800000, RNE));
        check(-1L, NV, h -> Fpu.fcvtWUS(h, QNAN_S, RNE));               // 2^32-1, sign-extended
        check(0, NV, h -> Fpu.fcvtWUS(h, f(-1f), RNE));
        check(0, NX, h -> Fpu.fcvtWUS(h, f(-0.5f), RTZ));                 // rounds to 0: valid
        check(0, NV, h -> Fpu.fcvtWUS(h, f(-0.75f), RNE));                // rounds to -1: invalid
        check(Long.MAX_VALUE, NV, h -> Fpu.fcvtLD(h, QNAN_D, RNE));
        check(Long.MIN_VALUE, 0, h -> Fpu.fcvtLD(h, d(-0x1p63), RNE));
        check(Long.MAX_VALUE, NV, h -> Fpu.fcvtLD(h, d(0x1p63), RNE));
        check(-1L, NV, h -> Fpu.fcvtLUD(h, d(0x1p64), RNE));
        check(0xfffffffffffff800L, 0, h -> Fpu.fcvtLUD(h, d(0x1p64 - 2048), RNE));
        check(0, NV, h -> Fpu.fcvtLUD(h, NINF, RNE));
        check(0x7fffffffL, NV, h -> Fpu.fcvtWD(h, d(2147483647.5), RNE)); // rounds to 2^31
        check(0x7fffffffL, NX, h -> Fpu.fcvtWD(h, d(2147483647.5), RTZ));
        check(0xffffffff80000000L, NX, h -> Fpu.fcvtWD(h, d(-2147483648.5), RNE));
        check(0xffffffff80000000L, NV, h -> Fpu.fcvtWD(h, d(-2147483648.5), RMM));
        check(-1L, 0, h -> Fpu.fcvtWUD(h, d(4294967295.0), RNE));          // W results sign-extend
        check(0xffffffff80000000L, 0, h -> Fpu.fcvtWUD(h, d(2147483648.0), RNE));
        check(3, NX, h -> Fpu.fcvtLD(h, d(2.5), RUP));
        check(2, NX, h -> Fpu.fcvtLD(h, d(2.5), RNE));
        check(3, NX, h -> Fpu.fcvtLD(h, d(2.5), RMM));
        check(-3, NX, h -> Fpu.fcvtLD(h, d(-2.5), RDN));
        check(0, 0, h -> Fpu.fcvtWD(h, NZERO, RNE));
    }

    @Test
    void intToFloatRounds() {
        checkS(f(16777216f), NX, h -> Fpu.fcvtSW(h, 16777217, RNE));
        checkS(f(16777218f), NX, h -> Fpu.fcvtSW(h, 16777217, RUP));
        checkS(f(-16777218f), NX, h -> Fpu.fcvtSW(h, -16777217, RDN));
        checkS(f(1f), 0, h -> Fpu.fcvtSW(h, 0x1234567800000001L, RNE)); // only the low 32 bits
        checkS(f(0x1p64f), NX, h -> Fpu.fcvtSLU(h, -1L, RNE));
        checkS(0x5f7fffff, NX, h -> Fpu.fcvtSLU(h, -1L, RTZ));
        checkS(f(-0x1p63f), 0, h -> Fpu.fcvtSL(h, Long.MIN_VALUE, RNE));
        checkS(f(4294967295f), NX, h -> Fpu.fcvtSWU(h, 0xffffffffL, RNE));
        check(d(-1.0), 0, h -> Fpu.fcvtDW(h, 0xffffffffL, RNE));
        check(d(4294967295.0), 0, h -> Fpu.fcvtDWU(h, -1L, RNE));
        check(d(0x1p53), NX, h -> Fpu.fcvtDL(h, (1L << 53) + 1, RNE));
        check(d(0x1p53) + 1, NX, h -> Fpu.fcvtDL(h, (1L << 53) + 1, RUP));
        check(d(0x1p64), NX, h -> Fpu.fcvtDLU(h, -1L, RNE));
        check(0, 0, h -> Fpu.fcvtDL(h, 0, RDN));                          // +0 even in RDN
    }

    @Test
    void betweenFormats() {
        checkS(QNAN_S, 0, h -> Fpu.fcvtSD(h, 0x7ff8000012345678L, RNE));
        checkS(QNAN_S, NV, h -> Fpu.fcvtSD(h, SNAN_D, RNE));
        check(QNAN_D, NV, h -> Fpu.fcvtDS(h, SNAN_S, RNE));
        check(QNAN_D, 0, h -> Fpu.fcvtDS(h, QNAN_PAYLOAD_S, RNE));
        check(d(0x1p-149), 0, h -> Fpu.fcvtDS(h, 1, RNE));                 // subnormal widens exactly
        checkS(1, UF | NX, h -> Fpu.fcvtSD(h, d(0x1p-150 * 1.5), RNE));
        checkS(0, UF | NX, h -> Fpu.fcvtSD(h, d(0x1p-151), RNE));
        checkS(0x80000000, 0, h -> Fpu.fcvtSD(h, NZERO, RNE));
    }

    @Test
    void minMaxCompareClassify() {
        check(NZERO, 0, h -> Fpu.fminD(h, 0, NZERO));
        check(0, 0, h -> Fpu.fmaxD(h, NZERO, 0));
        check(ONE, 0, h -> Fpu.fminD(h, QNAN_D, ONE));
        check(ONE, NV, h -> Fpu.fmaxD(h, ONE, SNAN_D));
        check(QNAN_D, 0, h -> Fpu.fminD(h, 0x7ff8000000000005L, QNAN_D));
        checkS(QNAN_S, NV, h -> Fpu.fmaxS(h, SNAN_S, QNAN_PAYLOAD_S));
        checkS(f(-2f), 0, h -> Fpu.fminS(h, f(3f), f(-2f)));
        check(0, 0, h -> Fpu.feqD(h, QNAN_D, QNAN_D));                  // feq is quiet
        check(0, NV, h -> Fpu.feqD(h, SNAN_D, ONE));
        check(0, NV, h -> Fpu.fltD(h, QNAN_D, ONE));                    // flt/fle signal on any NaN
        check(0, NV, h -> Fpu.fleS(h, f(1f), QNAN_S));
        check(1, 0, h -> Fpu.feqD(h, NZERO, 0));
        check(1, 0, h -> Fpu.fleD(h, NZERO, 0));
        check(0, 0, h -> Fpu.fltD(h, NZERO, 0));
        check(1, 0, h -> Fpu.fltS(h, f(-3f), f(-2f)));
        assertEquals(1 << 0, Fpu.fclassD(NINF));
        assertEquals(1 << 1, Fpu.fclassD(d(-1.0)));
        assertEquals(1 << 2, Fpu.fclassD(NZERO | 1));
        assertEquals(1 << 3, Fpu.fclassD(NZERO));
        assertEquals(1 << 4, Fpu.fclassS(0));
        assertEquals(1 << 5, Fpu.fclassS(0x007fffff));
        assertEquals(1 << 6, Fpu.fclassS(f(1f)));
        assertEquals(1 << 7, Fpu.fclassS(0x7f800000));
        assertEquals(1 << 8, Fpu.fclassS(SNAN_S));
        assertEquals(1 << 9, Fpu.fclassD(QNAN_D));
    }

    @Test
    void signInjectionKeepsNaNPayloads() {
        assertEquals(0xffc12345, Fpu.fsgnjS(QNAN_PAYLOAD_S, 0x80000000));
        assertEquals(0x7f800001, Fpu.fsgnjnS(SNAN_S, 0x80000000));
        assertEquals(0x7f800001 | 0x80000000, Fpu.fsgnjxS(SNAN_S, 0x80000000));
        assertEquals(SNAN_D | NZERO, Fpu.fsgnjnD(SNAN_D, 0));
        assertEquals(d(-2.0), Fpu.fsgnjxD(d(-2.0), ONE));
        assertEquals(TWO, Fpu.fsgnjxD(d(-2.0), d(-1.0)));
        assertEquals(d(-2.0), Fpu.fsgnjD(TWO, d(-0.0)));
    }
}
