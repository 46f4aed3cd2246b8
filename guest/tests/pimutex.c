/*
 * pimutex.c: priority-inheritance mutexes (PTHREAD_PRIO_INHERIT) and the raw FUTEX_*_PI
 * protocol: the futex word holds the owner's tid, FUTEX_WAITERS sends the unlock through the
 * kernel, which hands the lock to a waiter. futex(2): "FUTEX_UNLOCK_PI ... EPERM: the caller
 * does not own the lock"; "FUTEX_LOCK_PI ... EDEADLK: the futex word is already owned by the
 * caller". A robust PI mutex whose owner dies goes to its waiter with EOWNERDEAD; qemu-user
 * keeps no robust lists, so that check is skipped under qemu only.
 */
#define _GNU_SOURCE
#include "tap.h"
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define FUTEX_LOCK_PI 6
#define FUTEX_UNLOCK_PI 7
#define FUTEX_TRYLOCK_PI 8
#define FUTEX_PRIVATE_FLAG 128

static pthread_mutex_t pi;
static long counter;

static void *contend(void *arg) {
    for (int i = 0; i < 5000; i++) {
        pthread_mutex_lock(&pi);
        counter++;
        pthread_mutex_unlock(&pi);
    }
    return arg;
}

static void *hold_briefly(void *arg) {
    pthread_mutex_lock(&pi);
    struct timespec d = {0, 50 * 1000 * 1000};
    nanosleep(&d, NULL);
    pthread_mutex_unlock(&pi);
    return arg;
}

static pthread_mutex_t robust_pi;
static void *die_holding(void *arg) {
    pthread_mutex_lock(&robust_pi);
    struct timespec d = {0, 100 * 1000 * 1000};
    nanosleep(&d, NULL);
    return arg; /* dies holding it */
}

static long futex(int *uaddr, int op) { return syscall(SYS_futex, uaddr, op | FUTEX_PRIVATE_FLAG, 0, NULL, NULL, 0); }

int main(void) {
    plan(11);
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    ok(pthread_mutexattr_setprotocol(&attr, PTHREAD_PRIO_INHERIT) == 0, "PTHREAD_PRIO_INHERIT attribute");
    pthread_mutex_init(&pi, &attr);
    pthread_t t[4];
    for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, contend, NULL);
    for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
    is(counter, 20000, "4 x 5,000 rounds on a PI mutex are exact");

    pthread_create(&t[0], NULL, hold_briefly, NULL);
    struct timespec d = {0, 10 * 1000 * 1000};
    nanosleep(&d, NULL);
    is(pthread_mutex_trylock(&pi), EBUSY, "trylock of a held PI mutex: EBUSY");
    is(pthread_mutex_lock(&pi), 0, "lock waits for the holder, then gets it");
    pthread_mutex_unlock(&pi);
    pthread_join(t[0], NULL);

    int word = 0;
    pid_t me = (pid_t)syscall(SYS_gettid);
    is(futex(&word, FUTEX_TRYLOCK_PI), 0, "FUTEX_TRYLOCK_PI of a free word");
    is(word, me, "the word now holds the caller's tid");
    is_errno(futex(&word, FUTEX_LOCK_PI), EDEADLK, "FUTEX_LOCK_PI of one's own lock: EDEADLK");
    is(futex(&word, FUTEX_UNLOCK_PI), 0, "FUTEX_UNLOCK_PI by the owner");
    is(word, 0, "unlocked with no waiters, the word is 0");
    is_errno(futex(&word, FUTEX_UNLOCK_PI), EPERM, "FUTEX_UNLOCK_PI of a lock one does not own: EPERM");

    pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
    pthread_mutex_init(&robust_pi, &attr);
    pthread_create(&t[1], NULL, die_holding, NULL);
    nanosleep(&d, NULL);
    if (tap_runner_is("qemu")) {
        skip("qemu-user keeps no robust lists", "a waiter on a robust PI mutex whose owner dies gets EOWNERDEAD");
    } else {
        is(pthread_mutex_lock(&robust_pi), EOWNERDEAD, "a waiter on a robust PI mutex whose owner dies gets EOWNERDEAD");
    }
    pthread_join(t[1], NULL);
    return done_testing();
}
