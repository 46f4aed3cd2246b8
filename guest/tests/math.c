/* math.c: libm results that are exact by definition (correctly rounded or exactly
 * representable), so any difference is an FPU or rounding bug, not libm's tolerance. */
#include "tap.h"
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdint.h>

static volatile double two = 2.0, three = 3.0, ten = 10.0, half = 0.5, neg = -1.0;

static uint64_t bits(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }

int main(void) {
    plan(24);
    ok(sqrt(two) == 0x1.6a09e667f3bcdp+0, "sqrt(2) correctly rounded");
    ok(sqrt(ten * ten) == 10.0, "sqrt(100) = 10");
    ok(sqrtf((float)three) == 0x1.bb67aep+0f, "sqrtf(3) correctly rounded");
    ok(fma(two, three, 1.0) == 7.0, "fma(2, 3, 1) = 7");
    volatile double x30 = 1.0 + 0x1p-30;
    volatile double sq = x30 * x30;  /* a separate rounding: gcc would contract x*x-1 to an fma */
    ok(fma(x30, x30, -1.0) == 0x1p-29 + 0x1p-60 && sq - 1.0 == 0x1p-29, "fma keeps the unrounded product");
    ok(floor(-half) == -1.0 && ceil(-half) == 0.0 && signbit(ceil(-half)), "floor/ceil of -0.5 (-1, -0)");
    ok(trunc(-2.7) == -2.0 && round(2.5) == 3.0 && round(-2.5) == -3.0, "trunc and round half away from zero");
    ok(rint(2.5) == 2.0 && rint(3.5) == 4.0 && nearbyint(-2.5) == -2.0, "rint rounds half to even");
    ok(lrint(2.5) == 2 && llround(-2.5) == -3, "lrint / llround");
    ok(fmod(10.0, three) == 1.0 && remainder(10.0, three) == 1.0, "fmod and remainder of 10, 3");
    ok(fabs(neg) == 1.0 && copysign(3.0, neg) == -3.0, "fabs and copysign");
    ok(ldexp(1.0, 10) == 1024.0 && scalbn(1.0, -1074) == 0x1p-1074, "ldexp / scalbn to a subnormal");
    int e;
    ok(frexp(48.0, &e) == 0.75 && e == 6, "frexp(48) = 0.75 * 2^6");
    ok(exp(0.0) == 1.0 && log(1.0) == 0.0 && pow(two, ten) == 1024.0, "exp(0), log(1), pow(2, 10)");
    ok(pow(neg, 0.5) != pow(neg, 0.5), "pow(-1, 0.5) is NaN");
    ok(isinf(1.0 / (two - 2.0)) && signbit(-0.0), "1/0 is inf, -0 has its sign bit");
    ok(bits(sin(0.0)) == 0 && cos(0.0) == 1.0 && atan2(0.0, neg) == M_PI, "sin(0), cos(0), atan2(0, -1) = pi");
    ok(fmax(two, NAN) == 2.0 && fmin(NAN, three) == 3.0, "fmax/fmin ignore a NaN");
    ok(hypot(3.0, 4.0) == 5.0 && cbrt(27.0) == 3.0, "hypot(3, 4), cbrt(27)");
    ok((int)(float)16777217 == 16777216, "float rounds 2^24 + 1 to even");
    ok((long long)9007199254740993.0 == 9007199254740992LL, "double rounds 2^53 + 1 to even");
    ok(DBL_EPSILON == 0x1p-52 && FLT_EPSILON == 0x1p-23f, "epsilons");
    fesetround(FE_UPWARD);
    volatile double third = 1.0 / three;
    fesetround(FE_TONEAREST);
    ok(third == 0x1.5555555555556p-2, "1/3 rounded upward under FE_UPWARD");
    volatile double x = 0.1;
    ok(x * 3.0 == 0x1.3333333333334p-2, "0.1 * 3 rounds to nearest");
    return done_testing();
}
