/* Thread create+join, µs per pair. */
#include "tbench.h"

#define N 300

static void *body(void *arg) { return (void *)((uintptr_t)arg + 1); }

int main(void) {
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
    printf("result us_per_pair %.1f\nchecksum ok\n", ns / 1e3 / N);
    return 0;
}
