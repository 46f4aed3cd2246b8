/*
 * threads.c: pthreads on Linux's clone and futex: creation and joining, mutexes under
 * contention, condition variables (also timed), TLS, C11 atomics, a thread storm, raw futex
 * operations, and clone's flag checks.
 */
#define _GNU_SOURCE
#include "tap.h"
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* From linux/futex.h (musl ships no kernel headers). */
#define FUTEX_WAIT_PRIVATE 128
#define FUTEX_WAKE_PRIVATE 129
#define FUTEX_CMP_REQUEUE_PRIVATE 132
#define FUTEX_WAKE_OP_PRIVATE 133
#define FUTEX_WAIT_BITSET_PRIVATE 137
#define FUTEX_OP_ADD 1
#define FUTEX_OP_CMP_EQ 0
#define FUTEX_OP(op, oparg, cmp, cmparg) \
    (((op & 0xf) << 28) | ((cmp & 0xf) << 24) | ((oparg & 0xfff) << 12) | (cmparg & 0xfff))

#define THREADS 8
#define ROUNDS 5000

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static long locked_counter;
static atomic_long atomic_counter;
static int finished;
static __thread long tls_slot;
static pid_t tids[THREADS];

static long futex(int *uaddr, int op, int val, const struct timespec *ts, int *uaddr2, int val3) {
    return syscall(SYS_futex, uaddr, op, val, ts, uaddr2, val3);
}

static void *worker(void *arg) {
    long id = (long)arg;
    tls_slot = id + 100;
    tids[id] = (pid_t)syscall(SYS_gettid);
    for (int i = 0; i < ROUNDS; i++) {
        pthread_mutex_lock(&mu);
        locked_counter++;
        pthread_mutex_unlock(&mu);
        atomic_fetch_add(&atomic_counter, 1);
    }
    pthread_mutex_lock(&mu);
    finished++;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&mu);
    return (void *)(tls_slot * 2);
}

static void *nothing(void *arg) { return arg; }

static int futex_word;
static atomic_int woken;
static void *futex_waiter(void *arg) {
    long r = futex(&futex_word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
    if (r == 0) atomic_fetch_add(&woken, 1);
    return NULL;
}

/* Waits until n threads sleep on *word: a FUTEX_CMP_REQUEUE of the futex onto itself that
 * wakes none counts its waiters and leaves them where they are. */
static int wait_for_waiters(int *word, int n) {
    for (int tries = 0; tries < 2000; tries++) {
        if (futex(word, FUTEX_CMP_REQUEUE_PRIVATE, 0, (struct timespec *)(uintptr_t)0x7fffffff, word, *word) >= n) return 1;
        struct timespec d = {0, 5 * 1000 * 1000};
        nanosleep(&d, NULL);
    }
    return 0;
}

int main(void) {
    plan(26);
    pthread_t t[THREADS];
    int created = 1;
    for (long i = 0; i < THREADS; i++) created &= pthread_create(&t[i], NULL, worker, (void *)i) == 0;
    ok(created, "8 threads created");
    pthread_mutex_lock(&mu);
    while (finished < THREADS) pthread_cond_wait(&cv, &mu);
    pthread_mutex_unlock(&mu);
    is(finished, THREADS, "condition variable saw every thread finish");
    long sum = 0;
    for (int i = 0; i < THREADS; i++) {
        void *r = NULL;
        pthread_join(t[i], &r);
        sum += (long)r;
    }
    is(locked_counter, (long)THREADS * ROUNDS, "mutex-protected counter is exact");
    is(atomic_counter, (long)THREADS * ROUNDS, "atomic counter is exact");
    is(sum, 2 * (100L * THREADS + THREADS * (THREADS - 1) / 2), "join returns each thread's value (TLS per thread)");
    is(tls_slot, 0, "the main thread's TLS slot is its own");
    int distinct = 1;
    for (int i = 0; i < THREADS; i++) {
        distinct &= tids[i] != getpid() && tids[i] > 0;
        for (int j = 0; j < i; j++) distinct &= tids[i] != tids[j];
    }
    ok(distinct, "every thread has its own tid, none the pid");
    is(syscall(SYS_gettid), getpid(), "the main thread's tid is the pid");

    int storm = 1;
    for (int i = 0; i < 300; i++) {
        pthread_t x;
        void *r = NULL;
        storm &= pthread_create(&x, NULL, nothing, (void *)(long)i) == 0 && pthread_join(x, &r) == 0 && (long)r == i;
    }
    ok(storm, "300 threads created and joined in sequence");

    struct timespec abs;
    clock_gettime(CLOCK_REALTIME, &abs);
    abs.tv_nsec += 30 * 1000 * 1000;
    if (abs.tv_nsec >= 1000000000) { abs.tv_sec++; abs.tv_nsec -= 1000000000; }
    pthread_mutex_lock(&mu);
    int tw = pthread_cond_timedwait(&cv, &mu, &abs);
    pthread_mutex_unlock(&mu);
    is(tw, ETIMEDOUT, "pthread_cond_timedwait times out");

    /* Raw futex operations. */
    int word = 1;
    is_errno(futex(&word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0), EAGAIN, "FUTEX_WAIT on a changed word: EAGAIN");
    struct timespec rel = {0, 10 * 1000 * 1000};
    is_errno(futex(&word, FUTEX_WAIT_PRIVATE, 1, &rel, NULL, 0), ETIMEDOUT, "FUTEX_WAIT with a timeout: ETIMEDOUT");
    struct timespec bad = {0, 1000000000};
    is_errno(futex(&word, FUTEX_WAIT_PRIVATE, 1, &bad, NULL, 0), EINVAL, "FUTEX_WAIT with tv_nsec = 1e9: EINVAL");
    is_errno(futex((int *)((char *)&word + 1), FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0), EINVAL, "unaligned futex: EINVAL");
    is_errno(futex((int *)8, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0), EFAULT, "futex at an unmapped address: EFAULT");
    is_errno(futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 1, NULL, NULL, 0), EINVAL, "FUTEX_WAIT_BITSET with bitset 0: EINVAL");
    is(futex(&word, FUTEX_WAKE_PRIVATE, 5, NULL, NULL, 0), 0, "FUTEX_WAKE with no waiters wakes 0");

    pthread_t w[3];
    for (int i = 0; i < 3; i++) pthread_create(&w[i], NULL, futex_waiter, NULL);
    ok(wait_for_waiters(&futex_word, 3), "three threads wait on the futex");
    int other = 0;
    long moved = futex(&futex_word, FUTEX_CMP_REQUEUE_PRIVATE, 1, (struct timespec *)(uintptr_t)2, &other, 0);
    is(moved, 3, "FUTEX_CMP_REQUEUE wakes 1 and moves 2");
    is_errno(futex(&futex_word, FUTEX_CMP_REQUEUE_PRIVATE, 1, (struct timespec *)(uintptr_t)2, &other, 5), EAGAIN,
             "FUTEX_CMP_REQUEUE with a stale value: EAGAIN");
    /* FUTEX_WAKE_OP: other += 1 (it was 0), wake 1 on futex_word (nobody left), and 2 on other if old == 0. */
    int op = FUTEX_OP(FUTEX_OP_ADD, 1, FUTEX_OP_CMP_EQ, 0);
    is(futex(&futex_word, FUTEX_WAKE_OP_PRIVATE, 1, (struct timespec *)(uintptr_t)2, &other, op), 2,
       "FUTEX_WAKE_OP wakes the two requeued waiters");
    is(other, 1, "FUTEX_WAKE_OP applied its operation");
    for (int i = 0; i < 3; i++) pthread_join(w[i], NULL);
    is(woken, 3, "all three waiters returned 0");

    /* clone's flag rules (copy_process). */
    is_errno(syscall(SYS_clone, CLONE_THREAD | CLONE_VM, 0, 0, 0, 0), EINVAL, "CLONE_THREAD without CLONE_SIGHAND: EINVAL");
    is_errno(syscall(SYS_clone, CLONE_SIGHAND, 0, 0, 0, 0), EINVAL, "CLONE_SIGHAND without CLONE_VM: EINVAL");
    is(syscall(SYS_tgkill, getpid(), tids[0], 0) == -1 && errno == ESRCH, 1, "tgkill(sig 0) of a finished thread: ESRCH");
    return done_testing();
}
