/*
 * timerkill.c MODE: arms a timer whose signal nobody handles, so the process dies of it as
 * on Linux; the exit status (128 + signal) and output are compared with qemu's.
 *   alarm    alarm-like ITIMER_REAL, then pause()           -> SIGALRM,   142
 *   virtual  ITIMER_VIRTUAL while spinning                  -> SIGVTALRM, 154
 *   prof     ITIMER_PROF while spinning                     -> SIGPROF,   155
 *   posix    timer_create with no sigevent, then nanosleep  -> SIGALRM,   142
 *   cpu      a CLOCK_PROCESS_CPUTIME_ID timer sending SIGUSR1 while spinning -> 138
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "";
    printf("timer: %s\n", mode);
    fflush(stdout);
    struct itimerval it = { { 0, 0 }, { 0, 20000 } };
    if (!strcmp(mode, "alarm")) {
        setitimer(ITIMER_REAL, &it, NULL);
        for (;;) pause();
    } else if (!strcmp(mode, "virtual") || !strcmp(mode, "prof")) {
        setitimer(mode[0] == 'v' ? ITIMER_VIRTUAL : ITIMER_PROF, &it, NULL);
        for (volatile long i = 0;; i++) { }
    } else if (!strcmp(mode, "posix") || !strcmp(mode, "cpu")) {
        timer_t t;
        struct sigevent ev = { 0 };
        ev.sigev_notify = SIGEV_SIGNAL;
        ev.sigev_signo = SIGUSR1;
        if (mode[0] == 'p') timer_create(CLOCK_MONOTONIC, NULL, &t);
        else timer_create(CLOCK_PROCESS_CPUTIME_ID, &ev, &t);
        struct itimerspec its = { { 0, 0 }, { 0, 20000000 } };
        timer_settime(t, 0, &its, NULL);
        if (mode[0] == 'p') {
            struct timespec ten = { 10, 0 };
            nanosleep(&ten, NULL);
        } else {
            for (volatile long i = 0;; i++) { }
        }
    }
    printf("still alive\n");
    return 0;
}
