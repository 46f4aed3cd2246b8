/* clock_gettime(CLOCK_MONOTONIC) cost, ns per call; checks the clock never goes back. */
#include "tbench.h"

#define N 1000000

int main(void) {
    uint64_t best = ~0ull;
    for (int r = 0; r < 3; r++) {
        struct timespec a, b;
        uint64_t t0 = bench_now_ns();
        clock_gettime(CLOCK_MONOTONIC, &a);
        for (int i = 0; i < N; i++) {
            clock_gettime(CLOCK_MONOTONIC, &b);
            if (b.tv_sec < a.tv_sec || (b.tv_sec == a.tv_sec && b.tv_nsec < a.tv_nsec))
                tb_fail("CLOCK_MONOTONIC went backwards");
            a = b;
        }
        uint64_t ns = bench_now_ns() - t0;
        if (ns < best) best = ns;
    }
    printf("result ns_per_call %.1f\nchecksum ok\n", (double)best / N);
    return 0;
}
