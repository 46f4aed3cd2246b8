/* Parallel speedup: the same integer hashing work done by 1 thread, then split over 2. */
#include "tbench.h"

#define TOTAL 20000000u  /* iterations in all, split between the threads */

struct part { uint32_t lo, hi; uint64_t out; };

static void *work(void *p) {
    struct part *w = p;
    uint64_t h = 0;
    for (uint32_t i = w->lo; i < w->hi; i++) {
        uint64_t s = i + 1;
        h += bench_rand(&s) >> 7;   /* each i is independent: the split changes nothing */
    }
    w->out = h;
    return NULL;
}

static uint64_t run(int n, uint64_t *ns) {
    pthread_t t[2];
    struct part p[2];
    uint64_t t0 = bench_now_ns();
    for (int i = 0; i < n; i++) {
        p[i].lo = TOTAL / n * i;
        p[i].hi = i == n - 1 ? TOTAL : TOTAL / n * (i + 1);
        if (i > 0 && pthread_create(&t[i], NULL, work, &p[i])) tb_fail("pthread_create");
    }
    work(&p[0]);
    uint64_t h = p[0].out;
    for (int i = 1; i < n; i++) { pthread_join(t[i], NULL); h += p[i].out; }
    *ns = bench_now_ns() - t0;
    return h;
}

int main(void) {
    uint64_t ns, best1 = ~0ull, best2 = ~0ull, h1 = 0;
    run(2, &ns);  /* warm-up, for a JIT */
    for (int r = 0; r < 3; r++) {
        uint64_t a = run(1, &ns); if (ns < best1) best1 = ns;
        uint64_t b = run(2, &ns); if (ns < best2) best2 = ns;
        if (a != b || (r && a != h1)) tb_fail("1-thread and 2-thread sums differ");
        h1 = a;
    }
    printf("result t1_ms %.2f\nresult t2_ms %.2f\n", best1 / 1e6, best2 / 1e6);
    printf("checksum %016" PRIx64 "\n", h1);
    return 0;
}
