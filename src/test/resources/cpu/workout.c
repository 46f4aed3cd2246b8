/* A CPU workout for the interpreter: integer and FP arithmetic, division corner cases,
 * 128-bit products, sorting, string and misaligned memory operations, setjmp/longjmp and
 * atomics, all printed so the output can be compared with qemu-riscv64's. No malloc, no files:
 * it needs only write/writev/ioctl/set_tid_address/exit_group from a kernel. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <math.h>
#include <setjmp.h>

static volatile int64_t vzero = 0, vminus1 = -1, vmin = INT64_MIN;

static int cmp(const void *a, const void *b) {
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static uint64_t hash(const char *s) {
    uint64_t h = 1469598103934665603ull;
    while (*s) { h ^= (unsigned char)*s++; h *= 1099511628211ull; }
    return h;
}

static jmp_buf jb;
static void jumper(int n) { if (n == 0) longjmp(jb, 42); jumper(n - 1); }

int main(void) {
    /* integer */
    int64_t a = 123456789012345ll, b = -987654321ll;
    printf("mul %lld div %lld rem %lld\n", (long long)(a * b), (long long)(a / b), (long long)(a % b));
    printf("udiv %llu urem %llu\n", (unsigned long long)((uint64_t)b / 7u), (unsigned long long)((uint64_t)b % 7u));
    printf("div0 %lld rem0 %lld ovf %lld\n", (long long)(a / (vzero ? vzero : 1)), (long long)a, (long long)(vmin / (vminus1 + 2)));
    unsigned __int128 p = (unsigned __int128)0xfedcba9876543210ull * 0x123456789abcdef1ull;
    printf("u128 %016llx%016llx\n", (unsigned long long)(p >> 64), (unsigned long long)p);
    __int128 q = (__int128)(int64_t)0xfedcba9876543210ull * (int64_t)0x123456789abcdef1ll;
    printf("s128 %016llx%016llx\n", (unsigned long long)((unsigned __int128)q >> 64), (unsigned long long)q);
    int32_t w = 0x7fffffff;
    w += (int32_t)(vzero + 1) * 0; /* keep it a runtime value */
    printf("w %d %u %d\n", (int)(w + (int32_t)vminus1), (unsigned)(w * 3u), (int)((uint32_t)w >> 3));
    printf("clz %d ctz %d pop %d\n", __builtin_clzll(0x00f0000000000000ull + vzero), __builtin_ctzll(0x100ull + vzero), __builtin_popcountll(0xf0f0f0f0f0ull + vzero));

    /* sorting */
    int64_t arr[64];
    uint64_t x = 88172645463325252ull;
    for (int i = 0; i < 64; i++) { x ^= x << 13; x ^= x >> 7; x ^= x << 17; arr[i] = (int64_t)x >> (i % 13); }
    qsort(arr, 64, sizeof arr[0], cmp);
    uint64_t acc = 0;
    for (int i = 0; i < 64; i++) acc = acc * 31 + (uint64_t)arr[i];
    printf("sorted %lld .. %lld acc %llx\n", (long long)arr[0], (long long)arr[63], (unsigned long long)acc);

    /* strings and misaligned memory */
    char buf[256];
    for (int i = 0; i < 255; i++) buf[i] = (char)('a' + i % 26);
    buf[255] = 0;
    memmove(buf + 3, buf + 1, 200);
    uint64_t un;
    memcpy(&un, buf + 5, 8);
    printf("str %llx %zu %llx\n", (unsigned long long)hash(buf), strlen(buf), (unsigned long long)un);
    char num[64];
    snprintf(num, sizeof num, "%x-%o-%+d-%.3s", 48879, 511, 77, "abcdef");
    printf("fmt %s %ld\n", num, strtol("-12345xyz", NULL, 10));

    /* floating point */
    double d = 1.0;
    for (int i = 1; i < 20; i++) d = d * 1.5 + 1.0 / i;
    float f = 0.1f;
    for (int i = 0; i < 10; i++) f = f * 1.1f + 0.01f;
    printf("fp %.17g %.9g %.17g %.17g\n", d, (double)f, sqrt(2.0), fma(0.1, 10.0, -1.0));
    printf("math %.15g %.15g %.15g %.15g\n", sin(1.0), exp(1.0), log(10.0), pow(2.0, 0.5));
    printf("conv %d %lld %u %.1f %.1f\n", (int)-3.99, (long long)1e18, (unsigned)3.5e9, (double)(int64_t)-7, (double)UINT64_MAX);
    printf("round %.0f %.0f %ld %ld\n", rint(2.5), nearbyint(3.5), lrint(-2.5), lround(-2.5));
    volatile double zero = 0.0;
    printf("special %f %f %d %d\n", 1.0 / zero, -1.0 / zero, isnan(zero / zero), (int)(0.0 / zero == 0.0 / zero));
    printf("float %a %a\n", 1.0 / 3.0, (double)(1.0f / 3.0f));

    /* setjmp/longjmp and atomics */
    int r = setjmp(jb);
    if (r == 0) jumper(10);
    int64_t counter = 5;
    int64_t old = __atomic_fetch_add(&counter, 3, __ATOMIC_SEQ_CST);
    int64_t expect = 8;
    int ok = __atomic_compare_exchange_n(&counter, &expect, 100, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    int32_t small = -5;
    int32_t prev = __atomic_fetch_or(&small, 0x100, __ATOMIC_RELAXED);
    printf("jmp %d atomic %lld %d %lld %d %d\n", r, (long long)old, ok, (long long)counter, prev, small);
    return 0;
}
