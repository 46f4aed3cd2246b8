/* time.c: clocks and sleeps. Bounds are loose (shared CI machines) but one-sided checks
 * (a sleep never returns early, MONOTONIC never goes back) are exact. */
#define _GNU_SOURCE
#include "tap.h"
#include <stdint.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static int64_t ns(struct timespec t) { return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec; }

static int64_t mono(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return ns(t);
}

int main(void) {
    plan(21);
    struct timespec t;
    is(clock_gettime(CLOCK_REALTIME, &t), 0, "clock_gettime REALTIME");
    ok(t.tv_sec > 1600000000 && t.tv_sec < 4102444800LL, "REALTIME is after 2020 and before 2100");
    ok(t.tv_nsec >= 0 && t.tv_nsec < 1000000000, "tv_nsec in [0, 1e9)");

    struct timeval tv;
    is(gettimeofday(&tv, NULL), 0, "gettimeofday");
    ok(tv.tv_sec - t.tv_sec >= 0 && tv.tv_sec - t.tv_sec <= 5, "gettimeofday agrees with REALTIME");
    ok(tv.tv_usec >= 0 && tv.tv_usec < 1000000, "tv_usec in [0, 1e6)");
    time_t now = time(NULL);
    ok(now - t.tv_sec >= 0 && now - t.tv_sec <= 5, "time() agrees with REALTIME");

    int64_t prev = mono(), backwards = 0;
    for (int i = 0; i < 10000; i++) {
        int64_t m = mono();
        if (m < prev) backwards++;
        prev = m;
    }
    is(backwards, 0, "MONOTONIC never goes back over 10000 reads");
    is(clock_gettime(CLOCK_MONOTONIC_RAW, &t), 0, "clock_gettime MONOTONIC_RAW");
    is(clock_gettime(CLOCK_BOOTTIME, &t), 0, "clock_gettime BOOTTIME");
    is(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t), 0, "clock_gettime PROCESS_CPUTIME_ID");
    is(clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t), 0, "clock_gettime THREAD_CPUTIME_ID");
    is_errno(clock_gettime(12345, &t), EINVAL, "clock_gettime of an unknown clock: EINVAL");

    struct timespec res = { -1, -1 };
    is(clock_getres(CLOCK_MONOTONIC, &res), 0, "clock_getres MONOTONIC");
    ok(res.tv_sec == 0 && res.tv_nsec > 0 && res.tv_nsec <= 1000000, "resolution is between 1 ns and 1 ms");

    struct timespec req = { 0, 50 * 1000000 };
    int64_t t0 = mono();
    is(nanosleep(&req, NULL), 0, "nanosleep 50 ms");
    int64_t slept = mono() - t0;
    ok(slept >= 50000000, "nanosleep slept at least 50 ms");
    ok(slept < 5000000000LL, "and less than 5 s");
    diag("slept %lld ns", (long long)slept);

    struct timespec until;
    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_nsec += 30 * 1000000;
    if (until.tv_nsec >= 1000000000) { until.tv_sec++; until.tv_nsec -= 1000000000; }
    is(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL), 0, "clock_nanosleep TIMER_ABSTIME");
    ok(mono() >= ns(until), "clock_nanosleep returned no earlier than the deadline");
    struct timespec bad = { 0, 1000000000 };
    is(nanosleep(&bad, NULL) == -1 ? errno : 0, EINVAL, "nanosleep with tv_nsec = 1e9: EINVAL");
    return done_testing();
}
