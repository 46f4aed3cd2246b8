/* pgrp.c: process groups and sessions (setpgid, getpgid, setsid, getsid for any pid) and
 * kill(2) to a pid, a group, our own group and with signal 0. */
#define _GNU_SOURCE
#include "tap.h"
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

static pid_t sleeper(int gate) {
    pid_t p = fork();
    if (p == 0) {
        char c;
        read(gate, &c, 1);
        _exit(0);
    }
    return p;
}

static int hup_fd;
static void on_hup(int sig) { (void)sig; write(hup_fd, "H", 1); }

/* Reads what the orphaned grandchild reports, waiting at most 10 s. */
static int report(int fd, char *buf, int n) {
    int got = 0;
    while (got < n) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        if (poll(&p, 1, 10000) != 1) break;
        if (read(fd, buf + got, 1) != 1) break;
        got++;
    }
    buf[got] = 0;
    return got;
}

int main(void) {
    plan(25);
    int st;
    int gate[2];
    pipe(gate);

    is(getpgid(0), getpgrp(), "getpgid(0) is getpgrp()");
    is(getsid(0), getsid(getpid()), "getsid(0) is getsid(getpid())");
    is_errno(getpgid(-5), ESRCH, "getpgid of a negative pid: ESRCH");
    is_errno(setpgid(-1, 0), EINVAL, "setpgid with a negative pid: EINVAL");
    is_errno(setpgid(0, -1), EINVAL, "setpgid with a negative pgid: EINVAL");

    pid_t a = sleeper(gate[0]);
    is(getpgid(a), getpgrp(), "a child starts in its parent's group");
    is(getsid(a), getsid(0), "and its session");
    is(setpgid(a, a), 0, "the parent moves the child into a new group");
    is(getpgid(a), a, "getpgid of the child sees it");
    pid_t b = sleeper(gate[0]);
    is(setpgid(b, a), 0, "a second child joins that group");
    is(getpgid(b), a, "getpgid shows it");
    is_errno(setpgid(b, 999999), EPERM, "joining a group that does not exist: EPERM");
    is_errno(setpgid(getppid() > 1 ? getppid() : 1, 0), ESRCH, "setpgid of a process that is not a child: ESRCH");

    is(kill(-a, 0), 0, "kill(-pgid, 0) finds the group");
    is(kill(-a, SIGKILL), 0, "kill(-pgid, SIGKILL) signals the group");
    int killed = 0;
    for (int i = 0; i < 2; i++) {
        pid_t w = wait(&st);
        if ((w == a || w == b) && WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL) killed++;
    }
    is(killed, 2, "both members died of SIGKILL");
    is_errno(kill(-a, 0), ESRCH, "the reaped group is gone: ESRCH");
    is_errno(kill(getpid(), 65), EINVAL, "signal 65: EINVAL");
    is(kill(0, 0), 0, "kill(0, 0) finds our own group");

    /* A child's own setsid makes it leader of a new session and group. */
    int rep[2];
    pipe(rep);
    pid_t c = fork();
    if (c == 0) {
        int r[3] = {setsid(), getsid(0), getpgid(0)};
        write(rep[1], r, sizeof r);
        int again = setsid() == -1 && errno == EPERM;
        write(rep[1], &again, sizeof again);
        _exit(0);
    }
    int r[3] = {0}, again = 0;
    read(rep[0], r, sizeof r);
    read(rep[0], &again, sizeof again);
    waitpid(c, &st, 0);
    ok(r[0] == c && r[1] == c && r[2] == c, "setsid in a child: new session and group named by its pid");
    ok(again, "a second setsid by the session leader: EPERM");

    c = fork();
    if (c == 0) { setsid(); read(gate[0], &st, 1); _exit(0); }
    for (int i = 0; i < 1000 && getsid(c) != c; i++) usleep(1000);
    is_errno(setpgid(c, c), EPERM, "setpgid of a child in another session: EPERM");
    kill(c, SIGKILL);
    waitpid(c, &st, 0);

    /* A process group orphaned while a member is stopped gets SIGHUP and SIGCONT: a session
     * leader's child in its own group stops, then the leader exits. */
    int hup[2];
    pipe(hup);
    c = fork();
    if (c == 0) {
        setsid();
        pid_t g = fork();
        if (g == 0) {
            setpgid(0, 0);
            hup_fd = hup[1];
            signal(SIGHUP, on_hup);
            raise(SIGSTOP);
            write(hup[1], "C", 1); /* running again */
            _exit(0);
        }
        waitpid(g, &st, WUNTRACED); /* stopped */
        _exit(0);
    }
    waitpid(c, &st, 0);
    char buf[4];
    report(hup[0], buf, 2);
    ok(buf[0] == 'H', "the orphaned stopped group got SIGHUP (%s)", buf);
    ok(buf[0] && buf[1] == 'C', "and SIGCONT: it runs again");
    while (waitpid(-1, &st, WNOHANG) > 0) { } /* the grandchild, if it was re-parented to us */

    /* kill(-1): every process but init (the first process) and the caller. Under qemu it would
     * signal every process of the host's user, so only Rivet runs it. */
    if (tap_runner_is("qemu")) {
        skip("kill(-1) under qemu-user would reach the host's processes", "kill(-1) reaches the other processes, not the caller or init");
    } else {
        int res[2];
        pipe(res);
        c = fork();
        if (c == 0) {
            pid_t s1 = sleeper(gate[0]), s2 = sleeper(gate[0]);
            int r = kill(-1, SIGKILL);
            int n = 0;
            for (int i = 0; i < 2; i++) {
                pid_t w = wait(&st);
                if ((w == s1 || w == s2) && WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL) n++;
            }
            int out = r == 0 ? n : -1;
            write(res[1], &out, sizeof out);
            _exit(0);
        }
        int out = -2;
        read(res[0], &out, sizeof out);
        waitpid(c, &st, 0);
        ok(out == 2 && WIFEXITED(st), "kill(-1) reaches the other processes, not the caller or init (%d)", out);
    }
    return done_testing();
}
