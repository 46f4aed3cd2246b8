/* Thread create+join, µs per pair, two figures: the first round of N pairs from the program's
 * start ("cold": under Rivet it includes the JVM compiling its own code, under qemu its first
 * translations), and the best of ROUNDS rounds ("steady", as par, mutex and clock keep their
 * best round after a warm-up). */
#include "tbench.h"

#define N 300
#define ROUNDS 4

static void *body(void *arg) { return (void *)((uintptr_t)arg + 1); }

/* One round: N pthread_create+join pairs; µs per pair. */
static double round_us(void) {
    uint64_t t0 = bench_now_ns(), sum = 0;
    for (int i = 0; i < N; i++) {
        pthread_t t;
        void *r;
        if (pthread_create(&t, NULL, body, (void *)(uintptr_t)i)) tb_fail("pthread_create");
        if (pthread_join(t, &r)) tb_fail("pthread_join");
        sum += (uintptr_t)r;
    }
    uint64_t ns = bench_now_ns() - t0;
    if (sum != (uint64_t)N * (N + 1) / 2) tb_fail("results");
    return ns / 1e3 / N;
}

int main(void) {
    double cold = round_us(), best = cold;
    for (int r = 1; r < ROUNDS; r++) {
        double t = round_us();
        if (t < best) best = t;
    }
    printf("result us_per_pair %.1f\nresult us_per_pair_cold %.1f\nchecksum ok\n", best, cold);
    return 0;
}
