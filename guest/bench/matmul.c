/*
 * Dense double-precision matrix multiply, C = A * B, i-k-j loop order (the inner loop
 * streams rows). Built with -ffp-contract=off everywhere so no compiler fuses a*b+c into
 * one rounding: the checksum hashes the exact bits of every result.
 */
#include "bench.h"

#define N 128

static double a[N][N], b[N][N], c[N][N];

static uint64_t kernel(void) {
    uint64_t seed = 42;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            /* Values in [-1, 1) with 20 significant bits, so products are not all exact. */
            a[i][j] = (double)(int32_t)(bench_rand(&seed) >> 44) / 524288.0 - 1.0;
            b[i][j] = (double)(int32_t)(bench_rand(&seed) >> 44) / 524288.0 - 1.0;
            c[i][j] = 0.0;
        }
    for (int i = 0; i < N; i++)
        for (int k = 0; k < N; k++) {
            double aik = a[i][k];
            for (int j = 0; j < N; j++)
                c[i][j] += aik * b[k][j];
        }
    uint64_t h = 0;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            h = bench_mix(h, bench_double_bits(c[i][j]));
    return h;
}

int main(int argc, char **argv) {
    return bench_run("matmul", 10, kernel, argc, argv);
}
