/*
 * threadstress.c: 64 threads x 10,000 lock/unlock rounds on shared counters, a bounded
 * producer/consumer ring, and a storm of short-lived threads; the totals are exact every run.
 */
#include "tap.h"
#include <pthread.h>
#include <stdatomic.h>

#define THREADS 64
#define ROUNDS 10000
#define RING 64
#define ITEMS 200000

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long counters[4];
static atomic_long spins;

static void *hammer(void *arg) {
    long id = (long)arg;
    for (int i = 0; i < ROUNDS; i++) {
        pthread_mutex_lock(&mu);
        counters[(id + i) & 3]++;
        pthread_mutex_unlock(&mu);
        atomic_fetch_add_explicit(&spins, 1, memory_order_relaxed);
    }
    return NULL;
}

static long ring[RING];
static int head, tail, count;
static pthread_mutex_t rmu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER, not_empty = PTHREAD_COND_INITIALIZER;

static void *producer(void *arg) {
    for (long i = 1; i <= ITEMS; i++) {
        pthread_mutex_lock(&rmu);
        while (count == RING) pthread_cond_wait(&not_full, &rmu);
        ring[head] = i;
        head = (head + 1) % RING;
        count++;
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&rmu);
    }
    return arg;
}

static void *consumer(void *arg) {
    long sum = 0;
    for (long i = 0; i < ITEMS; i++) {
        pthread_mutex_lock(&rmu);
        while (count == 0) pthread_cond_wait(&not_empty, &rmu);
        sum += ring[tail];
        tail = (tail + 1) % RING;
        count--;
        pthread_cond_signal(&not_full);
        pthread_mutex_unlock(&rmu);
    }
    *(long *)arg = sum;
    return arg;
}

static atomic_int storm_done;
static void *tiny(void *arg) { atomic_fetch_add(&storm_done, 1); return arg; }

int main(void) {
    plan(5);
    pthread_t t[THREADS];
    for (long i = 0; i < THREADS; i++) pthread_create(&t[i], NULL, hammer, (void *)i);
    for (int i = 0; i < THREADS; i++) pthread_join(t[i], NULL);
    is(counters[0] + counters[1] + counters[2] + counters[3], (long)THREADS * ROUNDS, "64 x 10,000 locked increments");
    is(spins, (long)THREADS * ROUNDS, "64 x 10,000 atomic increments");

    long sum = 0;
    pthread_t p, c;
    pthread_create(&c, NULL, consumer, &sum);
    pthread_create(&p, NULL, producer, NULL);
    pthread_join(p, NULL);
    pthread_join(c, NULL);
    is(sum, (long)ITEMS * (ITEMS + 1) / 2, "the consumer saw every item of the ring once");

    /* 50 waves of 20 threads alive at once. */
    int created = 0;
    for (int wave = 0; wave < 50; wave++) {
        pthread_t s[20];
        for (int i = 0; i < 20; i++) created += pthread_create(&s[i], NULL, tiny, NULL) == 0;
        for (int i = 0; i < 20; i++) pthread_join(s[i], NULL);
    }
    is(created, 1000, "a storm of 1,000 threads, 20 at a time");
    is(storm_done, 1000, "every storm thread ran");
    return done_testing();
}
