/* wait.c: wait4 and waitid: WNOHANG, ECHILD, zombies, WNOWAIT, siginfo, selection by pid and
 * group, stop and continue reports, re-parenting of orphans, SIG_IGN auto-reaping, rusage. */
#define _GNU_SOURCE
#include "tap.h"
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t chld_n, chld_code, chld_pid, chld_status;

static void on_chld(int sig, siginfo_t *si, void *uc) {
    (void)sig;
    (void)uc;
    chld_n++;
    chld_code = si->si_code;
    chld_pid = si->si_pid;
    chld_status = si->si_status;
}

static pid_t child_exiting(int code, int after_read_fd) {
    pid_t p = fork();
    if (p == 0) {
        char c;
        if (after_read_fd >= 0) read(after_read_fd, &c, 1);
        _exit(code);
    }
    return p;
}

int main(void) {
    plan(31);
    int st;
    int qemu = tap_runner_is("qemu");

    is_errno(wait(&st), ECHILD, "wait without children: ECHILD");
    is_errno(waitpid(getppid(), &st, WNOHANG), ECHILD, "waitpid of a process that is not a child: ECHILD");
    is_errno(waitpid(-1, &st, 0x40), EINVAL, "unknown option: EINVAL");

    int gate[2];
    pipe(gate);
    pid_t p = child_exiting(3, gate[0]);
    is(waitpid(p, &st, WNOHANG), 0, "WNOHANG with a running child returns 0");
    write(gate[1], "x", 1);
    /* The child is a zombie once it has exited: still there for kill(0) until reaped. */
    siginfo_t si = {0};
    is(waitid(P_PID, p, &si, WEXITED | WNOWAIT), 0, "waitid WNOWAIT sees the exit");
    is(si.si_pid, p, "si_pid");
    is(si.si_code, CLD_EXITED, "si_code CLD_EXITED");
    is(si.si_status, 3, "si_status is the exit code");
    is(si.si_signo, SIGCHLD, "si_signo SIGCHLD");
    is(kill(p, 0), 0, "the zombie still exists");
    is(waitpid(p, &st, 0), p, "WNOWAIT left it waitable");
    is_errno(kill(p, 0), ESRCH, "reaped: gone");

    memset(&si, 0x55, sizeof si);
    p = child_exiting(0, gate[0]);
    is(waitid(P_ALL, 0, &si, WEXITED | WNOHANG), 0, "waitid WNOHANG with nothing to report returns 0");
    ok(si.si_pid == 0 && si.si_signo == 0, "and clears si_pid and si_signo");
    write(gate[1], "x", 1);
    waitpid(p, &st, 0);
    is_errno(waitid(P_ALL, 0, &si, WNOHANG), EINVAL, "waitid without WEXITED/WSTOPPED/WCONTINUED: EINVAL");

    /* Selection: by group. */
    p = fork();
    if (p == 0) { setpgid(0, 0); read(gate[0], &st, 1); _exit(5); }
    setpgid(p, p);
    pid_t q = child_exiting(6, gate[0]);
    is(waitpid(-p, &st, WNOHANG), 0, "waitpid(-pgid) with the group's child running: 0");
    write(gate[1], "xx", 2);
    is(waitpid(-p, &st, 0), p, "waitpid(-pgid) reaps the child in that group");
    is(waitpid(0, &st, 0), q, "waitpid(0) reaps the child in our group");

    /* Killed by a signal: the status word and CLD_KILLED. */
    p = fork();
    if (p == 0) { for (;;) pause(); }
    kill(p, SIGKILL);
    memset(&si, 0, sizeof si);
    waitid(P_PID, p, &si, WEXITED);
    ok(si.si_code == CLD_KILLED && si.si_status == SIGKILL, "SIGKILL: CLD_KILLED with si_status 9");

    /* Stop and continue reports. */
    p = fork();
    if (p == 0) { for (;;) pause(); }
    kill(p, SIGSTOP);
    is(waitpid(p, &st, WUNTRACED), p, "WUNTRACED reports the stop");
    is(st, 0x137f, "stopped status word 0x7f | SIGSTOP << 8");
    kill(p, SIGCONT);
    is(waitpid(p, &st, WCONTINUED), p, "WCONTINUED reports the continue");
    is(st, 0xffff, "continued status word 0xffff");
    kill(p, SIGKILL);
    waitpid(p, &st, 0);

    /* Orphans are re-parented away from their dead parent. */
    int rep[2], ready[2];
    pipe(rep);
    pipe(ready);
    p = fork();
    if (p == 0) {
        pid_t g = fork();
        if (g == 0) {
            pid_t dead = getppid();
            write(ready[1], "r", 1);
            read(gate[0], &st, 1); /* the parent has died by now */
            pid_t now = getppid();
            write(rep[1], &dead, sizeof dead);
            write(rep[1], &now, sizeof now);
            _exit(0);
        }
        read(ready[0], &st, 1); /* the grandchild has seen us as its parent */
        _exit(0);
    }
    waitpid(p, &st, 0);
    write(gate[1], "x", 1);
    pid_t dead = 0, now = 0;
    read(rep[0], &dead, sizeof dead);
    read(rep[0], &now, sizeof now);
    ok(dead == p && now != p && now > 0, "an orphan's parent changes when its parent dies (%d -> %d)", dead, now);

    /* CPU time of reaped children. */
    p = fork();
    if (p == 0) {
        struct timespec t0, t;
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
        do clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
        while ((t.tv_sec - t0.tv_sec) * 1000000000L + t.tv_nsec - t0.tv_nsec < 50000000L);
        _exit(0);
    }
    struct rusage ru = {0};
    wait4(p, &st, 0, &ru);
    long us = ru.ru_utime.tv_sec * 1000000L + ru.ru_utime.tv_usec + ru.ru_stime.tv_sec * 1000000L + ru.ru_stime.tv_usec;
    ok(us >= 20000, "wait4's rusage has the child's CPU time (%ld us)", us);
    struct rusage self = {0};
    getrusage(RUSAGE_CHILDREN, &self);
    long cus = self.ru_utime.tv_sec * 1000000L + self.ru_utime.tv_usec + self.ru_stime.tv_sec * 1000000L + self.ru_stime.tv_usec;
    ok(cus >= us, "getrusage(RUSAGE_CHILDREN) counts it (%ld us)", cus);

    /* SIGCHLD with a handler: siginfo says who exited and how. */
    struct sigaction sa = {.sa_sigaction = on_chld, .sa_flags = SA_SIGINFO | SA_RESTART};
    sigaction(SIGCHLD, &sa, NULL);
    sigset_t chld, old;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, &old);
    p = child_exiting(9, -1);
    while (!chld_n) sigsuspend(&old);
    ok(chld_code == CLD_EXITED && chld_pid == p && chld_status == 9, "SIGCHLD's siginfo: CLD_EXITED, the pid, the code");
    waitpid(p, &st, 0);

    /* SA_NOCLDSTOP: no SIGCHLD for a stop, but wait still reports it. */
    sa.sa_flags |= SA_NOCLDSTOP;
    sigaction(SIGCHLD, &sa, NULL);
    chld_n = 0;
    p = fork();
    if (p == 0) { for (;;) pause(); }
    kill(p, SIGSTOP);
    is(waitpid(p, &st, WUNTRACED), p, "with SA_NOCLDSTOP the stop is still waitable");
    sigprocmask(SIG_UNBLOCK, &chld, NULL);
    /* qemu-user installs its own host handlers, so the host kernel never sees SA_NOCLDSTOP
     * or SA_NOCLDWAIT and qemu does not apply them itself. */
    if (qemu) skip("qemu-user does not apply SA_NOCLDSTOP", "but no SIGCHLD came for it");
    else is(chld_n, 0, "but no SIGCHLD came for it");
    sigprocmask(SIG_BLOCK, &chld, NULL);
    kill(p, SIGKILL);
    waitpid(p, &st, 0);

    /* SA_NOCLDWAIT: SIGCHLD still comes, but the child is reaped by itself. */
    sa.sa_flags = SA_SIGINFO | SA_NOCLDWAIT;
    sigaction(SIGCHLD, &sa, NULL);
    chld_n = 0;
    p = child_exiting(0, -1);
    while (!chld_n) sigsuspend(&old);
    if (qemu) {
        waitpid(p, &st, 0);
        skip("qemu-user does not apply SA_NOCLDWAIT", "with SA_NOCLDWAIT the child is reaped at exit: ECHILD");
    } else {
        is_errno(waitpid(p, &st, 0), ECHILD, "with SA_NOCLDWAIT the child is reaped at exit: ECHILD");
    }
    sigprocmask(SIG_SETMASK, &old, NULL);

    /* SIGCHLD ignored: children are reaped at exit and wait finds none. */
    signal(SIGCHLD, SIG_IGN);
    p = child_exiting(0, -1);
    is_errno(waitpid(p, &st, 0), ECHILD, "with SIGCHLD ignored the child is reaped by itself: ECHILD");
    return done_testing();
}
