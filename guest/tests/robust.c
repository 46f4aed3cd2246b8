/*
 * robust.c: robust mutexes whose owner dies (set_robust_list, FUTEX_OWNER_DIED), thread names
 * (prctl PR_SET_NAME/PR_GET_NAME), get_robust_list and the scheduling queries.
 *
 * Linux, kernel/futex/core.c exit_robust_list(), and pthread_mutexattr_setrobust(3): "If the
 * owner of a robust mutex terminates while holding the mutex, the mutex becomes inconsistent
 * and the next thread that acquires the mutex is notified by the return value EOWNERDEAD."
 * qemu-user does not walk a dying thread's robust list, so under qemu the lock stays held
 * (its timed lock times out): those checks are skipped under qemu only.
 */
#define _GNU_SOURCE
#include "tap.h"
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t robust;

static void *die_holding(void *arg) {
    pthread_mutex_lock(&robust);
    return arg; /* ends without unlocking */
}

/* A thread registers a list head of its own and reads it back (musl's own registration is per thread). */
static void *own_list(void *arg) {
    static long list_head[3];
    list_head[0] = (long)list_head; /* an empty circular list */
    if (syscall(SYS_set_robust_list, list_head, sizeof list_head) != 0) return NULL;
    void *head = NULL;
    size_t len = 0;
    if (syscall(SYS_get_robust_list, 0, &head, &len) != 0) return NULL;
    return (void *)(uintptr_t)(head == list_head && len == sizeof list_head);
}

static void *named(void *arg) {
    char name[16] = {0};
    prctl(PR_SET_NAME, (unsigned long)"worker-thread-name-too-long", 0, 0, 0);
    prctl(PR_GET_NAME, (unsigned long)name, 0, 0, 0);
    return (void *)(uintptr_t)(strcmp(name, "worker-thread-n") == 0);
}

int main(void) {
    plan(12);
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
    pthread_mutex_init(&robust, &attr);
    pthread_t t;
    pthread_create(&t, NULL, die_holding, NULL);
    pthread_join(t, NULL);
    struct timespec abs;
    clock_gettime(CLOCK_REALTIME, &abs);
    abs.tv_sec += 2;
    int r = pthread_mutex_timedlock(&robust, &abs);
    if (tap_runner_is("qemu")) {
        skip("qemu-user does not process robust lists", "lock of a mutex whose owner died: EOWNERDEAD");
        skip("qemu-user does not process robust lists", "pthread_mutex_consistent makes it usable");
        skip("qemu-user does not process robust lists", "unlock and relock work");
    } else {
        is(r, EOWNERDEAD, "lock of a mutex whose owner died: EOWNERDEAD");
        is(pthread_mutex_consistent(&robust), 0, "pthread_mutex_consistent makes it usable");
        pthread_mutex_unlock(&robust);
        ok(pthread_mutex_lock(&robust) == 0 && pthread_mutex_unlock(&robust) == 0, "unlock and relock work");
    }

    if (tap_runner_is("qemu")) { /* qemu-user answers ENOSYS to get_robust_list */
        skip("qemu-user has no get_robust_list", "get_robust_list reads back what set_robust_list stored");
        skip("qemu-user has no get_robust_list", "the robust list head is 24 bytes");
        skip("qemu-user has no get_robust_list", "get_robust_list of no thread: ESRCH");
    } else {
        pthread_create(&t, NULL, own_list, NULL);
        void *same = NULL;
        pthread_join(t, &same);
        ok(same != NULL, "get_robust_list reads back what set_robust_list stored");
        void *head = NULL;
        size_t len = 0;
        syscall(SYS_get_robust_list, 0, &head, &len);
        ok(len == 0 || len == 24, "the robust list head is 24 bytes (or none registered)");
        is_errno(syscall(SYS_get_robust_list, 999999, &head, &len), ESRCH, "get_robust_list of no thread: ESRCH");
    }

    char name[16] = {0};
    prctl(PR_SET_NAME, (unsigned long)"renamed", 0, 0, 0);
    is(prctl(PR_GET_NAME, (unsigned long)name, 0, 0, 0), 0, "PR_GET_NAME");
    ok(strcmp(name, "renamed") == 0, "the name set is the name read back (%s)", name);
    void *good = NULL;
    pthread_create(&t, NULL, named, NULL);
    pthread_join(t, &good);
    ok(good != NULL, "a thread's name is its own and cut to 15 bytes");

    is(syscall(SYS_sched_getscheduler, 0), SCHED_OTHER, "sched_getscheduler: SCHED_OTHER (musl's wrapper is a stub)");
    ok(sched_get_priority_max(SCHED_FIFO) == 99 && sched_get_priority_min(SCHED_FIFO) == 1,
       "SCHED_FIFO priorities 1..99");
    is_errno(sched_get_priority_max(12345), EINVAL, "an unknown policy: EINVAL");
    return done_testing();
}
