/* identity.c: who am I, what machine is this, and the resource calls. */
#define _GNU_SOURCE
#include "tap.h"
#include <sched.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <unistd.h>

int main(void) {
    plan(33);
    pid_t pid = getpid();
    ok(pid > 0, "getpid is positive");
    ok(getppid() >= 0, "getppid is not negative");
    is(gettid(), pid, "gettid of the main thread is the pid");
    is(syscall(SYS_getpid), pid, "raw getpid agrees with libc");
    is(getuid(), syscall(SYS_getuid), "getuid");
    is(geteuid(), getuid(), "euid equals uid (no setuid bit)");
    is(getegid(), getgid(), "egid equals gid");
    /* 0 is possible: a session or group led from outside this pid namespace (containers) */
    ok(getpgrp() >= 0, "getpgrp succeeds");
    ok(getsid(0) >= 0, "getsid succeeds");
    uid_t r, e, s;
    is(getresuid(&r, &e, &s), 0, "getresuid");
    ok(r == getuid() && e == geteuid() && s == geteuid(), "getresuid agrees with getuid");

    struct utsname u;
    is(uname(&u), 0, "uname");
    ok(strcmp(u.machine, "riscv64") == 0, "uname machine is riscv64");
    ok(strcmp(u.sysname, "Linux") == 0, "uname sysname is Linux");
    diag("uname: %s %s %s", u.sysname, u.release, u.machine);

    struct sysinfo si;
    is(sysinfo(&si), 0, "sysinfo");
    ok(si.totalram > 0 && si.mem_unit > 0, "sysinfo reports some RAM");
    ok(si.procs >= 1, "sysinfo counts at least this process");

    struct rlimit rl;
    is(getrlimit(RLIMIT_NOFILE, &rl), 0, "getrlimit NOFILE");
    ok(rl.rlim_cur > 0 && rl.rlim_cur <= rl.rlim_max, "NOFILE soft limit within the hard limit");
    struct rlimit lower = { rl.rlim_cur > 64 ? 64 : rl.rlim_cur, rl.rlim_max }, back;
    is(setrlimit(RLIMIT_NOFILE, &lower), 0, "setrlimit NOFILE lowers the soft limit");
    is(prlimit(0, RLIMIT_NOFILE, NULL, &back), 0, "prlimit64 reads it");
    is(back.rlim_cur, lower.rlim_cur, "prlimit64 sees the new soft limit");
    struct rlimit too_high = { rl.rlim_max, rl.rlim_max - 1 };
    is_errno(setrlimit(RLIMIT_NOFILE, &too_high), EINVAL, "soft above hard: EINVAL");
    is(getrlimit(RLIMIT_STACK, &rl), 0, "getrlimit STACK");

    struct rusage ru;
    is(getrusage(RUSAGE_SELF, &ru), 0, "getrusage SELF");
    ok(ru.ru_utime.tv_usec >= 0 && ru.ru_utime.tv_usec < 1000000, "ru_utime.tv_usec in range");
    struct tms tm;
    ok(times(&tm) != (clock_t)-1, "times");

    unsigned char rnd[64] = {0};
    is(getrandom(rnd, sizeof rnd, 0), 64, "getrandom 64 bytes");
    int nonzero = 0;
    for (int i = 0; i < 64; i++) nonzero += rnd[i] != 0;
    ok(nonzero > 32, "getrandom bytes are not all zero");

    is(sched_yield(), 0, "sched_yield");
    cpu_set_t set;
    CPU_ZERO(&set);
    is(sched_getaffinity(0, sizeof set, &set), 0, "sched_getaffinity");
    ok(CPU_COUNT(&set) >= 1, "at least one CPU in the affinity mask");
    ok(sysconf(_SC_NPROCESSORS_ONLN) >= 1, "sysconf NPROCESSORS_ONLN >= 1");
    return done_testing();
}
