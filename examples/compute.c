/* compute.c: a CPU-bound kernel (integer matrix multiply plus a sieve) that times itself
 * with clock_gettime(CLOCK_MONOTONIC). Usage: compute [N] (matrix size, default 160). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static uint64_t matmul(int n) {
    uint32_t *a = malloc(sizeof *a * n * n), *b = malloc(sizeof *b * n * n);
    uint32_t *c = calloc((size_t)n * n, sizeof *c);
    uint32_t x = 12345;
    for (int i = 0; i < n * n; i++) {
        x = x * 1103515245u + 12345u; a[i] = x >> 16;
        x = x * 1103515245u + 12345u; b[i] = x >> 16;
    }
    for (int i = 0; i < n; i++)
        for (int k = 0; k < n; k++) {
            uint32_t aik = a[i * n + k];
            for (int j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
        }
    uint64_t sum = 0;
    for (int i = 0; i < n * n; i++) sum = sum * 31 + c[i];
    free(a); free(b); free(c);
    return sum;
}

static int sieve(int limit) {
    char *composite = calloc(limit + 1, 1);
    int count = 0;
    for (int i = 2; i <= limit; i++) {
        if (composite[i]) continue;
        count++;
        for (long j = (long)i * i; j <= limit; j += i) composite[j] = 1;
    }
    free(composite);
    return count;
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 160;
    if (n < 1 || n > 2000) { fprintf(stderr, "compute: size must be 1..2000\n"); return 2; }
    double t0 = now();
    uint64_t checksum = matmul(n);
    double t1 = now();
    int primes = sieve(n * 10000);
    double t2 = now();
    printf("matmul %dx%d: checksum %016llx in %.3f s\n", n, n, (unsigned long long)checksum, t1 - t0);
    printf("sieve to %d: %d primes in %.3f s\n", n * 10000, primes, t2 - t1);
    return 0;
}
