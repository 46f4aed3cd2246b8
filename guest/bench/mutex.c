/* Uncontended pthread mutex lock+unlock, ns per pair. */
#include "tbench.h"

#define N 2000000

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static volatile uint64_t count;

int main(void) {
    uint64_t best = ~0ull;
    for (int r = 0; r < 4; r++) {  /* the first rounds warm a JIT up; the best is kept */
        count = 0;
        uint64_t t0 = bench_now_ns();
        for (int i = 0; i < N; i++) { pthread_mutex_lock(&m); count++; pthread_mutex_unlock(&m); }
        uint64_t ns = bench_now_ns() - t0;
        if (count != N) tb_fail("count");
        if (ns < best) best = ns;
    }
    printf("result ns_per_pair %.1f\nchecksum ok\n", (double)best / N);
    return 0;
}
