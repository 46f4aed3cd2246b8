/* signals.c: signal state only (handlers are not delivered in this milestone): sigaction
 * round trips, the blocked mask, the alternate stack. */
#define _GNU_SOURCE
#include "tap.h"
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

static void handler(int sig) { (void)sig; }

int main(void) {
    plan(24);
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGUSR2);
    is(sigaction(SIGUSR1, &sa, NULL), 0, "sigaction sets a SIGUSR1 handler");
    memset(&old, 0, sizeof old);
    is(sigaction(SIGUSR1, NULL, &old), 0, "sigaction reads it back");
    ok(old.sa_handler == handler, "same handler");
    ok(old.sa_flags & SA_RESTART, "SA_RESTART kept");
    ok(sigismember(&old.sa_mask, SIGUSR2) && !sigismember(&old.sa_mask, SIGINT), "same sa_mask");
    sa.sa_handler = SIG_IGN;
    is(sigaction(SIGUSR1, &sa, &old), 0, "set SIG_IGN, getting the old action");
    ok(old.sa_handler == handler, "old action is the handler");
    is(sigaction(SIGTERM, NULL, &old), 0, "sigaction SIGTERM read");
    ok(old.sa_handler == SIG_DFL, "SIGTERM starts as SIG_DFL");
    is_errno(sigaction(SIGKILL, &sa, NULL), EINVAL, "changing SIGKILL: EINVAL");
    is_errno(sigaction(SIGSTOP, &sa, NULL), EINVAL, "changing SIGSTOP: EINVAL");
    is_errno(sigaction(65, &sa, NULL), EINVAL, "signal 65: EINVAL");

    sigset_t set, got;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGALRM);
    is(sigprocmask(SIG_BLOCK, &set, NULL), 0, "sigprocmask SIG_BLOCK");
    is(sigprocmask(SIG_BLOCK, NULL, &got), 0, "sigprocmask read");
    ok(sigismember(&got, SIGUSR1) && sigismember(&got, SIGALRM) && !sigismember(&got, SIGINT), "both blocked, nothing else");
    sigemptyset(&set);
    sigaddset(&set, SIGKILL);
    sigaddset(&set, SIGSTOP);
    sigprocmask(SIG_BLOCK, &set, NULL);
    sigprocmask(SIG_BLOCK, NULL, &got);
    ok(!sigismember(&got, SIGKILL) && !sigismember(&got, SIGSTOP), "SIGKILL and SIGSTOP cannot be blocked");
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    is(sigprocmask(SIG_UNBLOCK, &set, &got), 0, "SIG_UNBLOCK");
    sigprocmask(SIG_SETMASK, NULL, &got);
    ok(!sigismember(&got, SIGUSR1) && sigismember(&got, SIGALRM), "only SIGUSR1 unblocked");
    /* raw syscall: musl's sigprocmask() rejects a bad `how` before the kernel sees it */
    is_errno(syscall(SYS_rt_sigprocmask, 99, &set, NULL, 8), EINVAL, "rt_sigprocmask with a bad how: EINVAL");
    is_errno(syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 4), EINVAL, "rt_sigprocmask with sigsetsize 4: EINVAL");
    sigpending(&got);
    ok(!sigismember(&got, SIGUSR1), "nothing pending");

    stack_t ss = { .ss_sp = malloc(SIGSTKSZ), .ss_size = SIGSTKSZ, .ss_flags = 0 }, oss;
    is(sigaltstack(&ss, NULL), 0, "sigaltstack set");
    is(sigaltstack(NULL, &oss), 0, "sigaltstack get");
    ok(oss.ss_sp == ss.ss_sp && oss.ss_size == ss.ss_size && oss.ss_flags == 0, "sigaltstack round trip");
    return done_testing();
}
