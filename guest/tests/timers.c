/* timers.c: alarm, setitimer/getitimer (REAL, VIRTUAL, PROF), POSIX timers (SIGEV_SIGNAL,
 * SIGEV_THREAD_ID through musl's SIGEV_THREAD, SIGEV_NONE, CPU clocks, TIMER_ABSTIME,
 * overruns) and sleeps cut short by handlers. Timing bounds are loose (shared machines); what
 * Linux defines exactly (errors, ids, rounding, values that cannot be exceeded) is exact. */
#define _GNU_SOURCE
#include "tap.h"
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int64_t ns(struct timespec t) { return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec; }
static int64_t us(struct timeval t) { return (int64_t)t.tv_sec * 1000000 + t.tv_usec; }

static int64_t now_ns(clockid_t c) {
    struct timespec t;
    clock_gettime(c, &t);
    return ns(t);
}

static struct timespec ts_of(int64_t n) { return (struct timespec){ n / 1000000000, n % 1000000000 }; }

static volatile sig_atomic_t alrm, vtalrm, prof;
static void on_alrm(int s) { alrm++; }
static void on_vtalrm(int s) { vtalrm++; }
static void on_prof(int s) { prof++; }

static void handle(int sig, void (*h)(int)) {
    struct sigaction sa = { 0 };
    sa.sa_handler = h;
    sigaction(sig, &sa, NULL);
}

static void set_real(int64_t value_us, int64_t interval_us) {
    struct itimerval it = { { interval_us / 1000000, interval_us % 1000000 }, { value_us / 1000000, value_us % 1000000 } };
    setitimer(ITIMER_REAL, &it, NULL);
}

/* Spins until *flag reaches n or `wall_ms` pass; returns the count seen. */
static int spin_until(volatile sig_atomic_t *flag, int n, int wall_ms) {
    int64_t end = now_ns(CLOCK_MONOTONIC) + (int64_t)wall_ms * 1000000;
    while (*flag < n && now_ns(CLOCK_MONOTONIC) < end) { }
    return *flag;
}

static void test_alarm(void) {
    is(alarm(0), 0, "alarm(0) with no alarm set returns 0");
    is(alarm(10), 0, "alarm(10) returns 0: none was set");
    is(alarm(5), 10, "alarm(5) returns 10: the seconds left rounded up, as musl rounds them");
    struct itimerval it;
    is(getitimer(ITIMER_REAL, &it), 0, "getitimer(ITIMER_REAL)");
    ok(us(it.it_value) > 4000000 && us(it.it_value) <= 5000000, "the alarm has at most 5 s left (%lld us)", (long long)us(it.it_value));
    is(us(it.it_interval), 0, "an alarm has no interval");
    is(alarm(0), 5, "alarm(0) cancels it and returns 5");
    is(getitimer(ITIMER_REAL, &it), 0, "getitimer after the cancel");
    is(us(it.it_value), 0, "a cancelled alarm reads 0");
}

static void test_itimer_values(void) {
    struct itimerval it = { { 1, 250000 }, { 2, 500000 } }, old;
    is(setitimer(ITIMER_REAL, &it, NULL), 0, "setitimer REAL 2.5 s, interval 1.25 s");
    is(setitimer(ITIMER_REAL, &it, &old), 0, "setitimer again, reading the old value");
    ok(us(old.it_value) > 2000000 && us(old.it_value) <= 2500000, "old value left <= 2.5 s (%lld us)", (long long)us(old.it_value));
    is(us(old.it_interval), 1250000, "old interval exactly 1.25 s");
    struct itimerval zero = { 0 };
    is(setitimer(ITIMER_REAL, &zero, &old), 0, "a zero value disarms");
    is(getitimer(ITIMER_REAL, &it), 0, "getitimer after disarming");
    ok(us(it.it_value) == 0 && us(it.it_interval) == 0, "disarmed: value and interval 0");

    struct itimerval bad = { { 0, 0 }, { 0, 1000000 } };
    is_errno(setitimer(ITIMER_REAL, &bad, NULL), EINVAL, "setitimer with tv_usec = 1e6: EINVAL");
    struct itimerval neg = { { 0, 0 }, { -1, 0 } };
    is_errno(setitimer(ITIMER_REAL, &neg, NULL), EINVAL, "setitimer with a negative time: EINVAL");
    is_errno(setitimer(3, &zero, NULL), EINVAL, "setitimer of timer 3: EINVAL");
    is_errno(getitimer(-1, &it), EINVAL, "getitimer of timer -1: EINVAL");
    is_errno(syscall(SYS_getitimer, ITIMER_REAL, (void *)8), EFAULT, "getitimer to a bad pointer: EFAULT");

    struct itimerval v = { { 0, 500000 }, { 1, 0 } };
    is(setitimer(ITIMER_VIRTUAL, &v, NULL), 0, "setitimer VIRTUAL 1 s, interval 0.5 s");
    is(getitimer(ITIMER_VIRTUAL, &it), 0, "getitimer VIRTUAL");
    /* Linux adds a jiffy (1-10 ms) to a CPU itimer's first expiry; we ran a little since. */
    ok(us(it.it_value) > 900000 && us(it.it_value) <= 1010000, "VIRTUAL reads about 1 s (%lld us)", (long long)us(it.it_value));
    is(us(it.it_interval), 500000, "VIRTUAL interval exactly 0.5 s");
    is(setitimer(ITIMER_VIRTUAL, &zero, NULL), 0, "VIRTUAL disarmed");
    is(getitimer(ITIMER_PROF, &it), 0, "getitimer PROF");
    is(us(it.it_value), 0, "PROF not armed reads 0");
}

static void test_itimer_signals(void) {
    handle(SIGALRM, on_alrm);
    alrm = 0;
    set_real(20000, 20000);
    int64_t end = now_ns(CLOCK_MONOTONIC) + 3000000000LL;
    while (alrm < 3 && now_ns(CLOCK_MONOTONIC) < end) pause();
    set_real(0, 0);
    ok(alrm >= 3, "a 20 ms periodic ITIMER_REAL ran the SIGALRM handler 3 times (%d)", (int)alrm);

    handle(SIGVTALRM, on_vtalrm);
    struct itimerval v = { { 0, 10000 }, { 0, 10000 } };
    setitimer(ITIMER_VIRTUAL, &v, NULL);
    int got = spin_until(&vtalrm, 2, 5000);
    struct itimerval zero = { 0 };
    setitimer(ITIMER_VIRTUAL, &zero, NULL);
    ok(got >= 2, "ITIMER_VIRTUAL sends SIGVTALRM while the process spins (%d)", got);

    handle(SIGPROF, on_prof);
    setitimer(ITIMER_PROF, &v, NULL);
    got = spin_until(&prof, 2, 5000);
    setitimer(ITIMER_PROF, &zero, NULL);
    ok(got >= 2, "ITIMER_PROF sends SIGPROF while the process spins (%d)", got);

    /* A one-shot alarm that has fired reads 0 again. */
    alrm = 0;
    set_real(10000, 0);
    while (!alrm) pause();
    struct itimerval it;
    getitimer(ITIMER_REAL, &it);
    is(us(it.it_value), 0, "a fired one-shot ITIMER_REAL reads 0");
}

static void test_sleeps(void) {
    handle(SIGALRM, on_alrm);
    set_real(50000, 0);
    struct timespec req = { 2, 0 }, rem = { -1, -1 };
    int64_t t0 = now_ns(CLOCK_MONOTONIC);
    is_errno(nanosleep(&req, &rem), EINTR, "nanosleep cut short by a SIGALRM handler: EINTR");
    int64_t took = now_ns(CLOCK_MONOTONIC) - t0;
    ok(ns(rem) > 1000000000LL && ns(rem) < 2000000000LL, "the remaining time is written (%lld ns)", (long long)ns(rem));
    ok(took < 1500000000LL, "and the sleep ended early (%lld ns)", (long long)took);

    set_real(50000, 0);
    rem = (struct timespec){ -1, -1 };
    int r = clock_nanosleep(CLOCK_MONOTONIC, 0, &req, &rem);
    is(r, EINTR, "clock_nanosleep(MONOTONIC) relative: EINTR");
    ok(ns(rem) > 1000000000LL && ns(rem) < 2000000000LL, "with the time left written (%lld ns)", (long long)ns(rem));

    set_real(50000, 0);
    struct timespec until = ts_of(now_ns(CLOCK_REALTIME) + 2000000000LL);
    rem = (struct timespec){ 7, 7 };
    is(clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &until, &rem), EINTR, "clock_nanosleep(REALTIME, TIMER_ABSTIME): EINTR");
    ok(rem.tv_sec == 7 && rem.tv_nsec == 7, "an absolute sleep does not write the remaining time");

    /* A signal whose action is to ignore it does not end a sleep. */
    signal(SIGALRM, SIG_IGN);
    set_real(20000, 0);
    req = (struct timespec){ 0, 100000000 };
    t0 = now_ns(CLOCK_MONOTONIC);
    is(nanosleep(&req, NULL), 0, "an ignored SIGALRM does not interrupt nanosleep");
    ok(now_ns(CLOCK_MONOTONIC) - t0 >= 100000000, "which sleeps its whole 100 ms");
    handle(SIGALRM, on_alrm);

    is(syscall(SYS_clock_nanosleep, CLOCK_THREAD_CPUTIME_ID, 0, &req, NULL) == -1 ? errno : 0, EOPNOTSUPP,
       "clock_nanosleep on CLOCK_THREAD_CPUTIME_ID: EOPNOTSUPP from the kernel");
    is(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC_RAW, 0, &req, NULL) == -1 ? errno : 0, EOPNOTSUPP,
       "clock_nanosleep on CLOCK_MONOTONIC_RAW: EOPNOTSUPP");
    is(syscall(SYS_clock_nanosleep, 10, 0, &req, NULL) == -1 ? errno : 0, EINVAL, "clock_nanosleep on clock 10: EINVAL");
    clockid_t self;
    pthread_getcpuclockid(pthread_self(), &self);
    is(syscall(SYS_clock_nanosleep, self, 0, &req, NULL) == -1 ? errno : 0, EINVAL,
       "clock_nanosleep on the caller's own thread CPU clock: EINVAL");
    struct timespec bad = { 0, 1000000000 };
    is(clock_nanosleep(CLOCK_MONOTONIC, 0, &bad, NULL), EINVAL, "clock_nanosleep with tv_nsec = 1e9: EINVAL");
}

static volatile int spinning;
static void *spinner(void *arg) {
    while (spinning) { }
    return NULL;
}

static void test_cpu_sleep(void) {
    pthread_t t;
    spinning = 1;
    pthread_create(&t, NULL, spinner, NULL);
    struct timespec req = { 0, 30000000 };
    int64_t c0 = now_ns(CLOCK_PROCESS_CPUTIME_ID);
    is(clock_nanosleep(CLOCK_PROCESS_CPUTIME_ID, 0, &req, NULL), 0, "clock_nanosleep 30 ms of process CPU time while a thread spins");
    ok(now_ns(CLOCK_PROCESS_CPUTIME_ID) - c0 >= 30000000, "the process used at least 30 ms of CPU meanwhile");
    spinning = 0;
    pthread_join(t, NULL);
}

static sigset_t only(int sig) {
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, sig);
    return s;
}

static void arm(timer_t t, int flags, int64_t value, int64_t interval) {
    struct itimerspec its = { ts_of(interval), ts_of(value) };
    timer_settime(t, flags, &its, NULL);
}

static void test_posix_signal(void) {
    int sig = SIGRTMIN + 2;
    sigset_t set = only(sig);
    sigprocmask(SIG_BLOCK, &set, NULL);
    struct sigevent ev = { 0 };
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = sig;
    ev.sigev_value.sival_int = 42;
    timer_t t;
    is(timer_create(CLOCK_MONOTONIC, &ev, &t), 0, "timer_create(MONOTONIC, SIGEV_SIGNAL)");
    /* qemu-user hands out its own timer ids (0x0caf0000 | slot) and reuses slots: the
     * numbering checks are Linux's, so only Rivet makes them. */
    int qemu = tap_runner_is("qemu");
    if (qemu) skip("qemu-user renumbers timers", "the first timer of a process has id 0");
    else is((long)t, 0, "the first timer of a process has id 0");
    timer_t t2;
    is(timer_create(CLOCK_REALTIME, &ev, &t2), 0, "a second timer");
    if (qemu) skip("qemu-user renumbers timers", "gets id 1");
    else is((long)t2, 1, "gets id 1");

    struct itimerspec cur;
    is(timer_gettime(t, &cur), 0, "timer_gettime of an unarmed timer");
    ok(ns(cur.it_value) == 0 && ns(cur.it_interval) == 0, "reads 0");

    arm(t, 0, 10000000, 0);
    siginfo_t si;
    struct timespec wait = { 2, 0 };
    is(sigtimedwait(&set, &si, &wait), sig, "a 10 ms one-shot timer sends its signal");
    is(si.si_code, SI_TIMER, "si_code SI_TIMER");
    is(si.si_value.sival_int, 42, "si_value is sigev_value");
    is(si.si_timerid, 0, "si_timerid is the timer's id");
    is(si.si_overrun, 0, "no overrun");
    is(timer_gettime(t, &cur), 0, "timer_gettime after it fired");
    is(ns(cur.it_value), 0, "a fired one-shot timer reads 0");

    /* Overruns: a 10 ms periodic timer whose signal stays blocked for 120 ms. */
    arm(t, 0, 10000000, 10000000);
    struct timespec nap = { 0, 120000000 };
    nanosleep(&nap, NULL);
    is(sigtimedwait(&set, &si, &wait), sig, "the periodic timer's signal is pending once");
    ok(si.si_overrun >= 5, "si_overrun counts the expiries while it was pending (%d)", si.si_overrun);
    int ov = timer_getoverrun(t);
    is(ov, si.si_overrun, "timer_getoverrun agrees with the delivered si_overrun");
    is(timer_gettime(t, &cur), 0, "timer_gettime of a periodic timer");
    ok(ns(cur.it_value) > 0 && ns(cur.it_value) <= 10000000, "the next expiry is within one interval (%lld ns)", (long long)ns(cur.it_value));
    is(ns(cur.it_interval), 10000000, "interval exactly 10 ms");

    /* Countdown, and the old value from timer_settime. */
    struct itimerspec its = { { 0, 0 }, { 1, 0 } }, old;
    is(timer_settime(t, 0, &its, &old), 0, "timer_settime 1 s, reading the old setting");
    is(ns(old.it_interval), 10000000, "the old interval was 10 ms");
    timer_gettime(t, &cur);
    int64_t first = ns(cur.it_value);
    ok(first > 900000000 && first <= 1000000000, "timer_gettime counts down from 1 s (%lld ns)", (long long)first);
    nanosleep(&(struct timespec){ 0, 20000000 }, NULL);
    timer_gettime(t, &cur);
    ok(ns(cur.it_value) < first - 10000000, "20 ms later it reads less (%lld ns)", (long long)ns(cur.it_value));
    struct itimerspec zero = { 0 };
    timer_settime(t, 0, &zero, NULL);
    timer_gettime(t, &cur);
    is(ns(cur.it_value), 0, "a zero value disarms");

    /* TIMER_ABSTIME, in the future and in the past. */
    int64_t t0 = now_ns(CLOCK_MONOTONIC);
    arm(t, TIMER_ABSTIME, t0 + 30000000, 0);
    is(sigtimedwait(&set, &si, &wait), sig, "an absolute timer 30 ms ahead fires");
    ok(now_ns(CLOCK_MONOTONIC) >= t0 + 30000000, "not before its time");
    arm(t, TIMER_ABSTIME, 1, 0);
    struct timespec short_wait = { 0, 500000000 };
    is(sigtimedwait(&set, &si, &short_wait), sig, "an absolute time in the past fires at once");

    /* Errors. */
    struct itimerspec badv = { { 0, 0 }, { 0, 1000000000 } };
    is_errno(timer_settime(t, 0, &badv, NULL), EINVAL, "timer_settime with tv_nsec = 1e9: EINVAL");
    is(syscall(SYS_timer_settime, (long)t, 0, NULL, NULL) == -1 ? errno : 0, EINVAL, "timer_settime with no new value: EINVAL");
    is(syscall(SYS_timer_settime, (long)t, 0, (void *)8, NULL) == -1 ? errno : 0, EFAULT, "timer_settime from a bad pointer: EFAULT");
    is(syscall(SYS_timer_gettime, 1234, &cur) == -1 ? errno : 0, EINVAL, "timer_gettime of an unknown id: EINVAL");
    is(syscall(SYS_timer_getoverrun, 1234) == -1 ? errno : 0, EINVAL, "timer_getoverrun of an unknown id: EINVAL");
    is(timer_delete(t2), 0, "timer_delete");
    is(syscall(SYS_timer_gettime, (long)t2, &cur) == -1 ? errno : 0, EINVAL, "a deleted timer is gone: EINVAL");
    is(syscall(SYS_timer_delete, (long)t2) == -1 ? errno : 0, EINVAL, "deleting it again: EINVAL");
    int id = -1;
    is(syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &id), 0, "a new timer after a delete");
    if (qemu) skip("qemu-user reuses timer slots", "takes the next id, not the freed one");
    else is(id, 2, "takes the next id, not the freed one");
    syscall(SYS_timer_delete, id);
    is(syscall(SYS_timer_create, 99, &ev, &id) == -1 ? errno : 0, EINVAL, "timer_create on clock 99: EINVAL");
    is(syscall(SYS_timer_create, CLOCK_MONOTONIC_RAW, &ev, &id) == -1 ? errno : 0, EOPNOTSUPP,
       "timer_create on MONOTONIC_RAW: EOPNOTSUPP");
    struct sigevent badsig = ev;
    badsig.sigev_signo = 65;
    is(syscall(SYS_timer_create, CLOCK_MONOTONIC, &badsig, &id) == -1 ? errno : 0, EINVAL, "timer_create with signal 65: EINVAL");
    struct sigevent badtid = ev;
    badtid.sigev_notify = SIGEV_THREAD_ID;
    badtid.sigev_notify_thread_id = 999999;
    is(syscall(SYS_timer_create, CLOCK_MONOTONIC, &badtid, &id) == -1 ? errno : 0, EINVAL,
       "timer_create for a thread not in the process: EINVAL");
    struct sigevent badhow = ev;
    badhow.sigev_notify = 3;
    is(syscall(SYS_timer_create, CLOCK_MONOTONIC, &badhow, &id) == -1 ? errno : 0, EINVAL, "timer_create with sigev_notify 3: EINVAL");
    is(syscall(SYS_timer_create, CLOCK_MONOTONIC, (void *)8, &id) == -1 ? errno : 0, EFAULT, "timer_create from a bad sigevent: EFAULT");
    timer_delete(t);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

static void test_posix_default_event(void) {
    /* No sigevent: SIGALRM to the process, with the timer id as its value. */
    sigset_t set = only(SIGALRM);
    sigprocmask(SIG_BLOCK, &set, NULL);
    int id = -1;
    is(syscall(SYS_timer_create, CLOCK_MONOTONIC, NULL, &id), 0, "timer_create with no sigevent");
    struct itimerspec its = { { 0, 0 }, { 0, 5000000 } };
    syscall(SYS_timer_settime, id, 0, &its, NULL);
    siginfo_t si;
    struct timespec wait = { 2, 0 };
    is(sigtimedwait(&set, &si, &wait), SIGALRM, "it sends SIGALRM");
    /* qemu-user passes no sigevent on and reports its own id: the host's value is not it. */
    if (tap_runner_is("qemu")) skip("qemu-user renumbers timers", "with the timer id as si_value");
    else is(si.si_value.sival_int, id, "with the timer id as si_value");
    syscall(SYS_timer_delete, id);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

static void test_posix_none(void) {
    struct sigevent ev = { 0 };
    ev.sigev_notify = SIGEV_NONE;
    timer_t t;
    is(timer_create(CLOCK_MONOTONIC, &ev, &t), 0, "timer_create SIGEV_NONE");
    arm(t, 0, 50000000, 0);
    struct itimerspec cur;
    timer_gettime(t, &cur);
    ok(ns(cur.it_value) > 0 && ns(cur.it_value) <= 50000000, "SIGEV_NONE counts down (%lld ns)", (long long)ns(cur.it_value));
    nanosleep(&(struct timespec){ 0, 70000000 }, NULL);
    timer_gettime(t, &cur);
    is(ns(cur.it_value), 0, "an expired one-shot SIGEV_NONE timer reads 0");
    arm(t, 0, 10000000, 20000000);
    nanosleep(&(struct timespec){ 0, 45000000 }, NULL);
    timer_gettime(t, &cur);
    ok(ns(cur.it_value) > 0 && ns(cur.it_value) <= 20000000, "a periodic SIGEV_NONE timer reads within its interval (%lld ns)",
       (long long)ns(cur.it_value));
    is(timer_getoverrun(t), 0, "SIGEV_NONE has no overruns to report");
    timer_delete(t);
}

static sem_t fired;
static volatile int thread_value;
static void on_thread_timer(union sigval v) {
    thread_value = v.sival_int;
    sem_post(&fired);
}

static void test_posix_thread(void) {
    sem_init(&fired, 0, 0);
    struct sigevent ev = { 0 };
    ev.sigev_notify = SIGEV_THREAD;
    ev.sigev_notify_function = on_thread_timer;
    ev.sigev_value.sival_int = 77;
    timer_t t;
    is(timer_create(CLOCK_MONOTONIC, &ev, &t), 0, "timer_create SIGEV_THREAD (musl: a thread and SIGEV_THREAD_ID)");
    arm(t, 0, 10000000, 10000000);
    struct timespec until = ts_of(now_ns(CLOCK_REALTIME) + 3000000000LL);
    int runs = 0;
    while (runs < 3 && sem_timedwait(&fired, &until) == 0) runs++;
    is(runs, 3, "the notify function ran 3 times for a 10 ms periodic timer");
    is(thread_value, 77, "with sigev_value");
    is(timer_delete(t), 0, "timer_delete of a SIGEV_THREAD timer");
}

static volatile pid_t waiter_tid;
static siginfo_t waiter_info;
static void *waiter(void *arg) {
    sigset_t *set = arg;
    waiter_tid = gettid();
    sigwaitinfo(set, &waiter_info);
    return NULL;
}

static void test_posix_thread_id(void) {
    int sig = SIGRTMIN + 4;
    sigset_t set = only(sig);
    sigprocmask(SIG_BLOCK, &set, NULL); /* the new thread inherits the mask */
    pthread_t th;
    waiter_tid = 0;
    pthread_create(&th, NULL, waiter, &set);
    while (!waiter_tid) sched_yield();
    struct sigevent ev = { 0 };
    ev.sigev_notify = SIGEV_THREAD_ID;
    ev.sigev_signo = sig;
    ev.sigev_notify_thread_id = waiter_tid;
    ev.sigev_value.sival_int = 9;
    timer_t t;
    is(timer_create(CLOCK_MONOTONIC, &ev, &t), 0, "timer_create SIGEV_THREAD_ID for another thread");
    arm(t, 0, 10000000, 0);
    pthread_join(th, NULL);
    is(waiter_info.si_signo, sig, "that thread took the timer's signal");
    ok(waiter_info.si_code == SI_TIMER && waiter_info.si_value.sival_int == 9, "with SI_TIMER and the value");
    sigset_t pend;
    sigpending(&pend);
    ok(!sigismember(&pend, sig), "nothing is left pending for the process");
    timer_delete(t);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

static void test_posix_cpu(void) {
    int sig = SIGRTMIN + 3;
    sigset_t set = only(sig);
    sigprocmask(SIG_BLOCK, &set, NULL);
    struct sigevent ev = { 0 };
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = sig;
    timer_t t;
    is(timer_create(CLOCK_PROCESS_CPUTIME_ID, &ev, &t), 0, "timer_create(PROCESS_CPUTIME_ID)");
    arm(t, 0, 20000000, 0);
    int64_t c0 = now_ns(CLOCK_PROCESS_CPUTIME_ID), end = now_ns(CLOCK_MONOTONIC) + 5000000000LL;
    sigset_t pend;
    do sigpending(&pend); while (!sigismember(&pend, sig) && now_ns(CLOCK_MONOTONIC) < end);
    ok(sigismember(&pend, sig), "a 20 ms process CPU-time timer fires while the process spins");
    ok(now_ns(CLOCK_PROCESS_CPUTIME_ID) - c0 >= 20000000, "after 20 ms of CPU time");
    siginfo_t si;
    struct timespec zero = { 0, 0 };
    sigtimedwait(&set, &si, &zero);
    timer_delete(t);

    clockid_t tc;
    pthread_getcpuclockid(pthread_self(), &tc);
    is(timer_create(tc, &ev, &t), 0, "timer_create on pthread_getcpuclockid's clock");
    arm(t, 0, 20000000, 0);
    end = now_ns(CLOCK_MONOTONIC) + 5000000000LL;
    do sigpending(&pend); while (!sigismember(&pend, sig) && now_ns(CLOCK_MONOTONIC) < end);
    ok(sigismember(&pend, sig), "a thread CPU-time timer fires while the thread spins");
    sigtimedwait(&set, &si, &zero);
    timer_delete(t);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

/* Run after an exec by test_fork_exec: exit 0 when the itimer survived and the POSIX timer did not. */
static int after_exec(const char *id) {
    struct itimerval it;
    getitimer(ITIMER_REAL, &it);
    if (us(it.it_value) <= 0 || us(it.it_value) > 10000000) return 1;
    struct itimerspec cur;
    if (syscall(SYS_timer_gettime, atoi(id), &cur) != -1 || errno != EINVAL) return 2;
    return 0;
}

static void test_fork_exec(void) {
    signal(SIGALRM, SIG_DFL);
    set_real(10000000, 0);
    struct sigevent ev = { 0 };
    ev.sigev_notify = SIGEV_NONE;
    timer_t t;
    timer_create(CLOCK_MONOTONIC, &ev, &t);
    pid_t p = fork();
    if (p == 0) {
        struct itimerval it;
        getitimer(ITIMER_REAL, &it);
        struct itimerspec cur;
        int code = us(it.it_value) != 0 ? 1 : timer_gettime(t, &cur) != -1 || errno != EINVAL ? 2 : 0;
        _exit(code);
    }
    int st;
    waitpid(p, &st, 0);
    is(WIFEXITED(st) ? WEXITSTATUS(st) : 100 + WTERMSIG(st), 0, "a forked child has no itimers and no POSIX timers of its parent");

    p = fork();
    if (p == 0) {
        set_real(10000, 0);
        for (;;) pause();
    }
    waitpid(p, &st, 0);
    ok(WIFSIGNALED(st) && WTERMSIG(st) == SIGALRM, "an unhandled SIGALRM kills the child that armed it");

    p = fork();
    if (p == 0) { /* the child's own timers (a fork inherits none), then the exec */
        set_real(10000000, 0);
        timer_t ct;
        if (timer_create(CLOCK_MONOTONIC, &ev, &ct)) _exit(126);
        char id[16];
        snprintf(id, sizeof id, "%ld", (long)ct);
        char *args[] = { "timers", "after-exec", id, NULL };
        execv("/proc/self/exe", args);
        _exit(127);
    }
    waitpid(p, &st, 0);
    if (tap_qemu_cannot_exec()) skip("qemu-user cannot exec a riscv64 binary without binfmt_misc", "exec keeps itimers and deletes POSIX timers");
    else is(WIFEXITED(st) ? WEXITSTATUS(st) : 100 + WTERMSIG(st), 0, "exec keeps itimers and deletes POSIX timers");
    set_real(0, 0);
    timer_delete(t);
}

int main(int argc, char **argv) {
    if (argc > 2 && !strcmp(argv[1], "after-exec")) return after_exec(argv[2]);
    plan(115);
    test_alarm();
    test_itimer_values();
    test_itimer_signals();
    test_sleeps();
    test_cpu_sleep();
    test_posix_signal();
    test_posix_default_event();
    test_posix_none();
    test_posix_thread();
    test_posix_thread_id();
    test_posix_cpu();
    test_fork_exec();
    return done_testing();
}
