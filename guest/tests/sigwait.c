/* sigwait.c: signals reaching threads that wait or spin: pause, sigsuspend and poll end with
 * EINTR after the handler; a thread spinning in user code takes a signal promptly; a
 * process-wide signal nobody handles ends the process even while threads block. */
#define _GNU_SOURCE
#include "tap.h"
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/select.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t hits;
static volatile int stop_spinning;
static pthread_t main_thread;

static void count(int sig) { (void)sig; hits++; }
static void stop(int sig) { (void)sig; stop_spinning = 1; }

static void *kick_main(void *arg) {
    usleep((useconds_t)(long)arg);
    pthread_kill(main_thread, SIGUSR1);
    return NULL;
}

static void *spin(void *arg) {
    (void)arg;
    while (!stop_spinning) { }
    return (void *)1;
}

static long ms_since(struct timespec *t0) {
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

int main(void) {
    plan(24);
    main_thread = pthread_self();
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = count;
    sigaction(SIGUSR1, &sa, NULL);
    pthread_t th;

    /* pause() (ppoll with no fds on riscv64) sleeps until a handler has run. */
    hits = 0;
    pthread_create(&th, NULL, kick_main, (void *)20000L);
    is_errno(pause(), EINTR, "pause: EINTR once a signal is handled");
    is(hits, 1, "the handler ran");
    pthread_join(th, NULL);

    /* poll with a timeout and nothing ready: 0 after about the time asked. */
    int p[2];
    pipe(p);
    struct pollfd pf = {.fd = p[0], .events = POLLIN};
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    is(poll(&pf, 1, 30), 0, "poll of an empty pipe: 0 after the timeout");
    ok(ms_since(&t0) >= 29, "it waited the 30 ms");
    write(p[1], "x", 1);
    is(poll(&pf, 1, 1000), 1, "data in the pipe: poll says 1");
    is(pf.revents, POLLIN, "with POLLIN");
    struct pollfd bad = {.fd = 999, .events = POLLIN};
    is(poll(&bad, 1, 0), 1, "a closed fd counts");
    is(bad.revents, POLLNVAL, "as POLLNVAL");

    /* select: a readable pipe, and a timeout. */
    fd_set rd;
    FD_ZERO(&rd);
    FD_SET(p[0], &rd);
    struct timeval tv = {0, 0};
    is(select(p[0] + 1, &rd, NULL, NULL, &tv), 1, "select: the pipe is readable");
    ok(FD_ISSET(p[0], &rd), "its bit is set");

    /* A poll interrupted by a handled signal: EINTR. */
    char c;
    read(p[0], &c, 1);
    hits = 0;
    pthread_create(&th, NULL, kick_main, (void *)20000L);
    is_errno(poll(&pf, 1, 5000), EINTR, "poll interrupted by a handled signal: EINTR");
    pthread_join(th, NULL);

    /* sigsuspend woken by another thread's pthread_kill. */
    sigset_t block, old, none;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, &old);
    sigemptyset(&none);
    hits = 0;
    pthread_create(&th, NULL, kick_main, (void *)20000L);
    is_errno(sigsuspend(&none), EINTR, "sigsuspend woken by pthread_kill from a thread");
    is(hits, 1, "after its handler");
    pthread_join(th, NULL);
    sigprocmask(SIG_SETMASK, &old, NULL);

    /* A thread spinning without syscalls takes a signal at its next block boundary. */
    sa.sa_handler = stop;
    sigaction(SIGUSR2, &sa, NULL);
    void *res = NULL;
    pthread_create(&th, NULL, spin, NULL);
    usleep(10000);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    is(pthread_kill(th, SIGUSR2), 0, "pthread_kill of a spinning thread");
    pthread_join(th, &res);
    ok(res == (void *)1, "its handler ran and it stopped spinning");
    ok(ms_since(&t0) < 2000, "promptly");
    /* signalfd: blocked signals are read as records instead of delivered. */
    sigset_t sfdset;
    sigemptyset(&sfdset);
    sigaddset(&sfdset, SIGUSR2);
    sigaddset(&sfdset, SIGRTMIN);
    sigprocmask(SIG_BLOCK, &sfdset, NULL);
    int sfd = signalfd(-1, &sfdset, SFD_NONBLOCK | SFD_CLOEXEC);
    ok(sfd >= 0, "signalfd created");
    struct signalfd_siginfo rec[2];
    is_errno(read(sfd, rec, sizeof rec), EAGAIN, "nothing pending: EAGAIN (SFD_NONBLOCK)");
    struct pollfd spf = {.fd = sfd, .events = POLLIN};
    is(poll(&spf, 1, 0), 0, "poll: not readable");
    raise(SIGUSR2);
    union sigval sv = {.sival_int = 5150};
    sigqueue(getpid(), SIGRTMIN, sv);
    is(poll(&spf, 1, 0), 1, "poll: readable once signals are pending");
    is(read(sfd, rec, sizeof rec), 2 * (long)sizeof rec[0], "one read takes both records");
    ok(rec[0].ssi_signo == SIGUSR2 && rec[0].ssi_code == SI_TKILL && rec[0].ssi_pid == (unsigned)getpid(),
       "the first: SIGUSR2 from tkill, with our pid");
    ok(rec[1].ssi_signo == (unsigned)SIGRTMIN && rec[1].ssi_code == SI_QUEUE && rec[1].ssi_int == 5150,
       "the second: SIGRTMIN from sigqueue, with its value");
    sigpending(&sfdset);
    ok(!sigismember(&sfdset, SIGUSR2), "read took them: nothing pending");
    return done_testing();
}
