/*
 * futex2.c: futex_waitv(2), the requeue-PI pair glibc's PI condition variables use
 * (FUTEX_WAIT_REQUEUE_PI / FUTEX_CMP_REQUEUE_PI, kernel/futex/requeue.c), membarrier(2), and
 * futex waits interrupted by signals.
 *
 * futex_waitv (Linux 5.16) is missing from qemu 7.2's linux-user (ENOSYS), so those checks are
 * skipped under qemu only. Linux's rules, from kernel/futex/syscalls.c and waitwake.c: flags
 * must be 0, 1..128 waiters, each with FUTEX2_SIZE_U32 and no reserved bits (else EINVAL); a
 * word that differs from its value gives EAGAIN; the timeout is absolute on CLOCK_MONOTONIC or
 * CLOCK_REALTIME (another clock: EINVAL); the result is the index of a woken futex.
 *
 * Interruption (futex(2), signal(7)): a FUTEX_WAIT without a timeout is restarted after a
 * handler with SA_RESTART and fails with EINTR after one without; with a timeout it always
 * fails with EINTR; a signal whose default action ignores it does not end the wait; a
 * FUTEX_LOCK_PI is restarted whatever the handler's flags.
 */
#define _GNU_SOURCE
#include "tap.h"
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* From linux/futex.h and linux/membarrier.h (musl ships no kernel headers). */
#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_CMP_REQUEUE 4
#define FUTEX_LOCK_PI 6
#define FUTEX_UNLOCK_PI 7
#define FUTEX_TRYLOCK_PI 8
#define FUTEX_WAIT_REQUEUE_PI 11
#define FUTEX_CMP_REQUEUE_PI 12
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_WAITERS 0x80000000u
#define FUTEX_TID_MASK 0x3fffffff
#define FUTEX2_SIZE_U32 0x02
#define FUTEX2_PRIVATE 128
#define SYS_futex_waitv_nr 449
struct futex_waitv { uint64_t val; uint64_t uaddr; uint32_t flags; uint32_t reserved; };

#define MB_QUERY 0
#define MB_GLOBAL 1
#define MB_PRIVATE_EXPEDITED 8
#define MB_REGISTER_PRIVATE_EXPEDITED 16
#define MB_PRIVATE_EXPEDITED_SYNC_CORE 32
#define MB_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE 64
#define MB_GET_REGISTRATIONS 512

static long futex(void *uaddr, int op, long val, const void *ts_or_val2, void *uaddr2, int val3) {
    return syscall(SYS_futex, uaddr, op | FUTEX_PRIVATE_FLAG, val, ts_or_val2, uaddr2, val3);
}
static long waitv(struct futex_waitv *w, unsigned n, unsigned flags, struct timespec *ts, int clock) {
    return syscall(SYS_futex_waitv_nr, w, n, flags, ts, clock);
}
static long membarrier(int cmd, unsigned flags) { return syscall(SYS_membarrier, cmd, flags, 0); }
static pid_t gettid_(void) { return (pid_t)syscall(SYS_gettid); }

static void pause_ms(int ms) {
    struct timespec d = {0, ms * 1000L * 1000L};
    nanosleep(&d, NULL);
}
static struct timespec in_ms(clockid_t clock, int ms) {
    struct timespec t;
    clock_gettime(clock, &t);
    t.tv_nsec += ms * 1000L * 1000L;
    while (t.tv_nsec >= 1000000000L) { t.tv_sec++; t.tv_nsec -= 1000000000L; }
    return t;
}

/* Waits until n threads sleep on *word: FUTEX_CMP_REQUEUE of the futex onto itself that wakes
 * none counts its waiters and leaves them where they are. */
static int wait_for_waiters(int *word, int n) {
    for (int tries = 0; tries < 2000; tries++) {
        if (futex(word, FUTEX_CMP_REQUEUE, 0, (void *)(uintptr_t)INT_MAX, word, *word) >= n) return 1;
        pause_ms(2);
    }
    return 0;
}
/* Waits until a PI word has FUTEX_WAITERS set: a waiter has queued on it. */
static int wait_for_pi_waiter(unsigned *word) {
    for (int tries = 0; tries < 2000 && !(atomic_load((_Atomic unsigned *)word) & FUTEX_WAITERS); tries++) pause_ms(2);
    return (*word & FUTEX_WAITERS) != 0;
}

/* ---------------------------------------------------------------- futex_waitv */
static int wv_words[3];
static void *wake_second(void *arg) {
    wait_for_waiters(&wv_words[2], 1);
    wv_words[2] = 1;
    return (void *)futex(&wv_words[2], FUTEX_WAKE, 1, NULL, NULL, 0);
}

static void test_waitv(void) {
    struct futex_waitv w[3];
    for (int i = 0; i < 3; i++) {
        w[i] = (struct futex_waitv){0, (uintptr_t)&wv_words[i], FUTEX2_SIZE_U32 | FUTEX2_PRIVATE, 0};
    }
    if (tap_runner_is("qemu") && waitv(w, 1, 1, NULL, 0) < 0 && errno == ENOSYS) {
        for (int i = 0; i < 14; i++) {
            skip("qemu 7.2's linux-user has no futex_waitv (ENOSYS)", "futex_waitv check");
        }
        return;
    }
    is_errno(waitv(w, 1, 1, NULL, 0), EINVAL, "futex_waitv: flags must be 0 (EINVAL)");
    is_errno(waitv(w, 0, 0, NULL, 0), EINVAL, "futex_waitv: no waiters (EINVAL)");
    is_errno(waitv(w, 129, 0, NULL, 0), EINVAL, "futex_waitv: more than 128 waiters (EINVAL)");
    is_errno(waitv(NULL, 1, 0, NULL, 0), EINVAL, "futex_waitv: a NULL vector (EINVAL)");
    struct timespec soon = in_ms(CLOCK_MONOTONIC, 20);
    is_errno(waitv(w, 1, 0, &soon, CLOCK_BOOTTIME), EINVAL, "futex_waitv: a timeout on CLOCK_BOOTTIME (EINVAL)");
    is_errno(waitv((struct futex_waitv *)(uintptr_t)8, 1, 0, NULL, 0), EFAULT, "futex_waitv: an unreadable vector (EFAULT)");
    struct futex_waitv bad = w[0];
    bad.reserved = 1;
    is_errno(waitv(&bad, 1, 0, NULL, 0), EINVAL, "futex_waitv: reserved bits set (EINVAL)");
    bad = w[0];
    bad.flags = FUTEX2_PRIVATE;
    is_errno(waitv(&bad, 1, 0, NULL, 0), EINVAL, "futex_waitv: no FUTEX2_SIZE_U32 (EINVAL)");
    bad = w[0];
    bad.uaddr += 1;
    is_errno(waitv(&bad, 1, 0, NULL, 0), EINVAL, "futex_waitv: a misaligned futex (EINVAL)");
    w[1].val = 7;
    is_errno(waitv(w, 3, 0, NULL, 0), EAGAIN, "futex_waitv: a word that differs from its value (EAGAIN)");
    w[1].val = 0;
    soon = in_ms(CLOCK_MONOTONIC, 20);
    is_errno(waitv(w, 3, 0, &soon, CLOCK_MONOTONIC), ETIMEDOUT, "futex_waitv: the absolute MONOTONIC timeout passes (ETIMEDOUT)");
    soon = in_ms(CLOCK_REALTIME, 20);
    is_errno(waitv(w, 3, 0, &soon, CLOCK_REALTIME), ETIMEDOUT, "futex_waitv: the absolute REALTIME timeout passes (ETIMEDOUT)");
    pthread_t t;
    pthread_create(&t, NULL, wake_second, NULL);
    struct timespec later = in_ms(CLOCK_MONOTONIC, 10000);
    is(waitv(w, 3, 0, &later, CLOCK_MONOTONIC), 2, "futex_waitv returns the index of the futex woken (2)");
    void *r;
    pthread_join(t, &r);
    is((long)r, 1, "FUTEX_WAKE counted the futex_waitv waiter as one woken");
}

/* ---------------------------------------------------------------- requeue PI */
static int cond;            /* the condition variable's sequence word (not PI) */
static unsigned pi_lock;    /* the PI mutex word: owner tid | FUTEX_WAITERS */
static atomic_int rq_ok, rq_ran;

static void *rq_waiter(void *arg) {
    long r = futex(&cond, FUTEX_WAIT_REQUEUE_PI, 0, NULL, &pi_lock, 0);
    /* Back from the wait, the caller must own the PI lock (futex(2)). */
    int owner = (int)(atomic_load((_Atomic unsigned *)&pi_lock) & FUTEX_TID_MASK) == gettid_();
    if (r == 0 && owner) atomic_fetch_add(&rq_ok, 1);
    atomic_fetch_add(&rq_ran, 1);
    futex(&pi_lock, FUTEX_UNLOCK_PI, 0, NULL, NULL, 0);
    return arg;
}

static void test_requeue_pi(void) {
    is_errno(futex(&cond, FUTEX_WAIT_REQUEUE_PI, 0, NULL, &cond, 0), EINVAL, "WAIT_REQUEUE_PI onto the same futex: EINVAL");
    is_errno(futex(&cond, FUTEX_WAIT_REQUEUE_PI, 5, NULL, &pi_lock, 0), EAGAIN, "WAIT_REQUEUE_PI on a changed word: EAGAIN");
    struct timespec soon = in_ms(CLOCK_MONOTONIC, 20);
    is_errno(futex(&cond, FUTEX_WAIT_REQUEUE_PI, 0, &soon, &pi_lock, 0), ETIMEDOUT,
             "WAIT_REQUEUE_PI's absolute timeout passes: ETIMEDOUT");
    is_errno(futex(&cond, FUTEX_CMP_REQUEUE_PI, 2, (void *)1, &pi_lock, 0), EINVAL, "CMP_REQUEUE_PI waking 2: EINVAL");
    is_errno(futex(&cond, FUTEX_CMP_REQUEUE_PI, 1, (void *)1, &cond, 0), EINVAL, "CMP_REQUEUE_PI onto the same futex: EINVAL");
    is_errno(futex(&cond, FUTEX_CMP_REQUEUE_PI, 1, (void *)1, &pi_lock, 9), EAGAIN, "CMP_REQUEUE_PI with a changed word: EAGAIN");
    is(futex(&cond, FUTEX_CMP_REQUEUE_PI, 1, (void *)1, &pi_lock, 0), 0, "CMP_REQUEUE_PI with no waiters moves none");

    /* The lock is free: the requeue takes it for the first waiter and wakes it. */
    pthread_t t[2];
    pthread_create(&t[0], NULL, rq_waiter, NULL);
    long moved = 0;
    for (int tries = 0; tries < 2000 && moved == 0; tries++) {
        moved = futex(&cond, FUTEX_CMP_REQUEUE_PI, 1, (void *)0, &pi_lock, 0);
        if (moved == 0) pause_ms(2);
    }
    is(moved, 1, "CMP_REQUEUE_PI of a free lock wakes the waiter, which owns it");
    pthread_join(t[0], NULL);
    is(rq_ok, 1, "the woken waiter returned 0 owning the PI lock");
    is(futex(&cond, FUTEX_WAKE, 1, NULL, NULL, 0), 0, "no one is left on the condition");

    /* The lock is held: waiters move onto it, and each unlock hands it to the next. */
    is(futex(&pi_lock, FUTEX_TRYLOCK_PI, 0, NULL, NULL, 0), 0, "main takes the PI lock");
    pthread_create(&t[0], NULL, rq_waiter, NULL);
    pthread_create(&t[1], NULL, rq_waiter, NULL);
    moved = 0;
    for (int tries = 0; tries < 2000 && moved < 2; tries++) {
        long r = futex(&cond, FUTEX_CMP_REQUEUE_PI, 1, (void *)(uintptr_t)INT_MAX, &pi_lock, 0);
        if (r < 0) break;
        moved += r;
        if (moved < 2) pause_ms(2);
    }
    is(moved, 2, "CMP_REQUEUE_PI moved both waiters onto the held lock");
    ok((pi_lock & FUTEX_WAITERS) && (int)(pi_lock & FUTEX_TID_MASK) == gettid_(),
       "the lock word keeps its owner and gains FUTEX_WAITERS");
    is(rq_ran, 1, "the requeued waiters still sleep");
    is(futex(&pi_lock, FUTEX_UNLOCK_PI, 0, NULL, NULL, 0), 0, "main's FUTEX_UNLOCK_PI hands the lock on");
    pthread_join(t[0], NULL);
    pthread_join(t[1], NULL);
    is(rq_ok, 3, "each requeued waiter returned owning the lock in turn");
    is(pi_lock, 0, "the last unlock leaves the lock free");
}

/* ---------------------------------------------------------------- membarrier */
static atomic_int spin_stop;
static void *spinner(void *arg) {
    while (!atomic_load_explicit(&spin_stop, memory_order_relaxed)) { }
    return arg;
}

static void test_membarrier(void) {
    long q = membarrier(MB_QUERY, 0);
    long want = MB_GLOBAL | MB_PRIVATE_EXPEDITED | MB_REGISTER_PRIVATE_EXPEDITED | MB_PRIVATE_EXPEDITED_SYNC_CORE
                | MB_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE;
    ok(q >= 0 && (q & want) == want, "MEMBARRIER_CMD_QUERY lists the commands glibc uses (%#lx)", q);
    is_errno(membarrier(MB_QUERY, 1), EINVAL, "membarrier with flags: EINVAL");
    is_errno(membarrier(1 << 20, 0), EINVAL, "an unknown membarrier command: EINVAL");
    is_errno(membarrier(MB_PRIVATE_EXPEDITED, 0), EPERM, "PRIVATE_EXPEDITED before registering: EPERM");
    pthread_t t;
    pthread_create(&t, NULL, spinner, NULL); /* a thread busy in guest code must pass the barrier */
    is(membarrier(MB_REGISTER_PRIVATE_EXPEDITED, 0), 0, "REGISTER_PRIVATE_EXPEDITED");
    is(membarrier(MB_PRIVATE_EXPEDITED, 0), 0, "PRIVATE_EXPEDITED once registered, with a thread spinning");
    is_errno(membarrier(MB_PRIVATE_EXPEDITED_SYNC_CORE, 0), EPERM, "PRIVATE_EXPEDITED_SYNC_CORE before its own registration: EPERM");
    is(membarrier(MB_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE, 0), 0, "REGISTER_PRIVATE_EXPEDITED_SYNC_CORE");
    is(membarrier(MB_PRIVATE_EXPEDITED_SYNC_CORE, 0), 0, "PRIVATE_EXPEDITED_SYNC_CORE once registered");
    long regs = membarrier(MB_GET_REGISTRATIONS, 0);
    ok(regs >= 0 && (regs & (MB_REGISTER_PRIVATE_EXPEDITED | MB_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE))
                        == (MB_REGISTER_PRIVATE_EXPEDITED | MB_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE),
       "GET_REGISTRATIONS reports both registrations (%#lx)", regs);
    is(membarrier(MB_GLOBAL, 0), 0, "MEMBARRIER_CMD_GLOBAL");
    atomic_store(&spin_stop, 1);
    pthread_join(t, NULL);
}

/* ---------------------------------------------------------------- interruption */
static atomic_int handled;
static void on_usr1(int sig) { (void)sig; atomic_fetch_add(&handled, 1); }
static void set_handler(int flags) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sa.sa_flags = flags;
    sigaction(SIGUSR1, &sa, NULL);
}

static int iw_word;
static atomic_long iw_result, iw_errno;
static void *untimed_waiter(void *arg) {
    long r = futex(&iw_word, FUTEX_WAIT, 0, NULL, NULL, 0);
    atomic_store(&iw_errno, r < 0 ? errno : 0);
    atomic_store(&iw_result, r);
    return arg;
}
static void *timed_waiter(void *arg) {
    struct timespec rel = {30, 0};
    long r = futex(&iw_word, FUTEX_WAIT, 0, &rel, NULL, 0);
    atomic_store(&iw_errno, r < 0 ? errno : 0);
    atomic_store(&iw_result, r);
    return arg;
}
static unsigned pi_word;
static void *pi_waiter(void *arg) {
    long r = futex(&pi_word, FUTEX_LOCK_PI, 0, NULL, NULL, 0);
    atomic_store(&iw_errno, r < 0 ? errno : 0);
    atomic_store(&iw_result, r);
    if (r == 0) futex(&pi_word, FUTEX_UNLOCK_PI, 0, NULL, NULL, 0);
    return arg;
}

/* Starts a waiter, lets it block, sends it sig, then wakes it if still waiting; its result. */
static long interrupt_waiter(void *(*body)(void *), int sig, int *err) {
    iw_word = 0;
    atomic_store(&iw_result, 99);
    pthread_t t;
    pthread_create(&t, NULL, body, NULL);
    wait_for_waiters(&iw_word, 1);
    pthread_kill(t, sig);
    pause_ms(50); /* time to run a handler and, if restarted, to wait again */
    iw_word = 1;
    futex(&iw_word, FUTEX_WAKE, 1, NULL, NULL, 0);
    pthread_join(t, NULL);
    *err = (int)iw_errno;
    return iw_result;
}

static void test_interruption(void) {
    int err;
    set_handler(0);
    long r = interrupt_waiter(untimed_waiter, SIGUSR1, &err);
    ok(r == -1 && err == EINTR && handled == 1, "FUTEX_WAIT: a handler without SA_RESTART ends it with EINTR (%ld, %d)", r, err);
    set_handler(SA_RESTART);
    r = interrupt_waiter(untimed_waiter, SIGUSR1, &err);
    ok(r == 0 && handled == 2, "FUTEX_WAIT: after an SA_RESTART handler it waits on and is woken (%ld, %d)", r, err);
    r = interrupt_waiter(timed_waiter, SIGUSR1, &err);
    ok(r == -1 && err == EINTR && handled == 3, "FUTEX_WAIT with a timeout: EINTR even after SA_RESTART (%ld, %d)", r, err);
    signal(SIGWINCH, SIG_DFL);
    r = interrupt_waiter(untimed_waiter, SIGWINCH, &err);
    ok(r == 0, "FUTEX_WAIT: a signal whose default is to be ignored does not end it (%ld, %d)", r, err);

    set_handler(0);
    is(futex(&pi_word, FUTEX_TRYLOCK_PI, 0, NULL, NULL, 0), 0, "main holds a PI lock");
    pthread_t t;
    pthread_create(&t, NULL, pi_waiter, NULL);
    wait_for_pi_waiter(&pi_word);
    pthread_kill(t, SIGUSR1);
    pause_ms(50);
    futex(&pi_word, FUTEX_UNLOCK_PI, 0, NULL, NULL, 0);
    pthread_join(t, NULL);
    ok(iw_result == 0 && handled == 4, "FUTEX_LOCK_PI is restarted after a handler, even without SA_RESTART, and gets the lock");
}

int main(void) {
    plan(14 + 17 + 11 + 6);
    test_waitv();
    test_requeue_pi();
    test_membarrier();
    test_interruption();
    return done_testing();
}
