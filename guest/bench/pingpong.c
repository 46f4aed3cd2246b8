/* Contended handoff: two threads pass a token back and forth through a mutex and two
 * condition variables; round trips per second. */
#include "tbench.h"

#define N 5000

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int turn;          /* 0: main's turn, 1: the partner's */
static uint64_t trips;

static void *partner(void *arg) {
    (void)arg;
    for (int i = 0; i < N; i++) {
        pthread_mutex_lock(&m);
        while (turn != 1) pthread_cond_wait(&c, &m);
        trips++;
        turn = 0;
        pthread_cond_signal(&c);
        pthread_mutex_unlock(&m);
    }
    return NULL;
}

int main(void) {
    pthread_t t;
    uint64_t t0 = bench_now_ns();
    if (pthread_create(&t, NULL, partner, NULL)) tb_fail("pthread_create");
    for (int i = 0; i < N; i++) {
        pthread_mutex_lock(&m);
        turn = 1;
        pthread_cond_signal(&c);
        while (turn != 0) pthread_cond_wait(&c, &m);
        pthread_mutex_unlock(&m);
    }
    pthread_join(t, NULL);
    uint64_t ns = bench_now_ns() - t0;
    if (trips != N) tb_fail("round trips");
    printf("result trips_per_s %.0f\nchecksum ok\n", N / (ns / 1e9));
    return 0;
}
