/* threadcap.c N: creates up to N threads that stay alive, then reports how many it got and why it stopped. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int release;

static void *hold(void *arg) {
    pthread_mutex_lock(&mu);
    while (!release) pthread_cond_wait(&cv, &mu);
    pthread_mutex_unlock(&mu);
    return arg;
}

int main(int argc, char **argv) {
    int want = argc > 1 ? atoi(argv[1]) : 8, got = 0, err = 0;
    pthread_t t[256];
    for (; got < want && got < 256; got++) {
        if ((err = pthread_create(&t[got], NULL, hold, NULL)) != 0) break;
    }
    printf("created %d of %d: %s\n", got, want, err ? strerror(err) : "all");
    pthread_mutex_lock(&mu);
    release = 1;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&mu);
    for (int i = 0; i < got; i++) pthread_join(t[i], NULL);
    return 0;
}
