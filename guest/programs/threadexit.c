/*
 * threadexit.c MODE: how a multi-threaded process ends, compared with qemu.
 *   exit      a thread calls exit(7) while others block in a condvar and in pause(): status 7
 *   mainexit  the main thread calls pthread_exit; the last thread's return ends the process: 0
 *   lastcode  the main thread pthread_exits, the last thread calls SYS_exit(5): status 5
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;

static void *sleeper(void *a) { for (;;) pause(); return a; }
static void *blocker(void *a) { pthread_mutex_lock(&mu); for (;;) pthread_cond_wait(&cv, &mu); return a; }
static void *exiter(void *a) { usleep(50000); printf("thread calls exit(7)\n"); fflush(stdout); exit(7); return a; }
static void *late(void *a) { usleep(100000); printf("late thread done, main already gone\n"); fflush(stdout); return a; }
static void *lastcode(void *a) { usleep(100000); printf("last thread exits with 5\n"); fflush(stdout); syscall(SYS_exit, 5); return a; }

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "";
    pthread_t t;
    if (!strcmp(mode, "exit")) {
        pthread_create(&t, 0, blocker, 0);
        pthread_create(&t, 0, sleeper, 0);
        pthread_create(&t, 0, exiter, 0);
        pthread_join(t, 0);
        return 1;
    }
    if (!strcmp(mode, "mainexit")) { pthread_create(&t, 0, late, 0); pthread_exit(0); }
    if (!strcmp(mode, "lastcode")) { pthread_create(&t, 0, lastcode, 0); pthread_exit(0); }
    fprintf(stderr, "usage: threadexit exit|mainexit|lastcode\n");
    return 2;
}
