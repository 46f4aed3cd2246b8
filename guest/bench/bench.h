/*
 * Shared driver for the compute benchmarks.
 *
 * Each benchmark runs its kernel several times and prints one line per repetition with
 * the kernel's own time, measured with clock_gettime(CLOCK_MONOTONIC), so scripts/bench.sh
 * can take a steady-state figure (after a JIT has warmed up) separately from the wall time
 * of the whole process. Every repetition recomputes the same result from freshly
 * initialised data; the driver insists that all repetitions agree and prints that one
 * checksum, which must be identical under native code, qemu-riscv64 and Rivet.
 *
 * Output (the harness parses it, so keep it stable):
 *   bench <name> reps <n>
 *   rep <i> <nanoseconds>          one line per repetition, i from 1
 *   checksum <16 hex digits>       or "checksum MISMATCH ..." (exit status 1)
 *
 * Everything here avoids what differs between glibc on x86-64 and musl on riscv64:
 * no rand(), no plain char (signed on one, unsigned on the other), fixed-width integers.
 */
#ifndef BENCH_H
#define BENCH_H

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static inline uint64_t bench_now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* xorshift64*: a small, portable generator, so inputs are the same on every platform. */
static inline uint64_t bench_rand(uint64_t *state) {
    uint64_t x = *state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 0x2545F4914F6CDD1Dull;
}

/* Folds a value into a running 64-bit hash (FNV-1a style over 64-bit words). */
static inline uint64_t bench_mix(uint64_t h, uint64_t v) {
    h ^= v;
    h *= 0x100000001B3ull;
    return h ^ (h >> 29);
}

static inline uint64_t bench_double_bits(double d) {
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

/*
 * Checks a known answer (a standard test vector) inside a kernel, so a benchmark that
 * computes the wrong thing fails loudly on every platform instead of only disagreeing.
 */
static inline void bench_expect(int ok, const char *what) {
    if (!ok) {
        printf("checksum SELFTEST-FAILED %s\n", what);
        fflush(stdout);
        exit(3);
    }
}

/*
 * Runs kernel() `reps` times (argv[1] overrides the default) and reports as described
 * above. kernel() must set up its own input each time, so every repetition does the same
 * work and returns the same checksum.
 */
static int bench_run(const char *name, int default_reps, uint64_t (*kernel)(void),
                     int argc, char **argv) {
    int reps = default_reps;
    if (argc > 1) {
        reps = atoi(argv[1]);
        if (reps < 1) {
            fprintf(stderr, "%s: repetitions must be a positive number\n", name);
            return 2;
        }
    }
    printf("bench %s reps %d\n", name, reps);
    fflush(stdout);
    uint64_t first = 0;
    for (int i = 1; i <= reps; i++) {
        uint64_t t0 = bench_now_ns();
        uint64_t sum = kernel();
        uint64_t t1 = bench_now_ns();
        printf("rep %d %" PRIu64 "\n", i, t1 - t0);
        fflush(stdout);
        if (i == 1) {
            first = sum;
        } else if (sum != first) {
            printf("checksum MISMATCH rep 1 %016" PRIx64 " rep %d %016" PRIx64 "\n",
                   first, i, sum);
            return 1;
        }
    }
    printf("checksum %016" PRIx64 "\n", first);
    return 0;
}

#endif
