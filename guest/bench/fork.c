/* Process creation: fork+exit+wait, fork of a process with 100 MiB touched, vfork+exec and
 * posix_spawn, µs per round. The exec figures re-run this binary with "exit"; where exec of
 * it is impossible (qemu-user without binfmt_misc) they print "n/a". */
#include "tbench.h"
#include <spawn.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#define N 200
#define BIG (100u << 20)

static void fork_exit_wait(int n, char *mem, size_t len) {
    for (int i = 0; i < n; i++) {
        pid_t p = fork();
        if (p < 0) tb_fail("fork");
        if (p == 0) {
            /* A child that writes one page: copy-on-write costs one page, not the lot. */
            if (mem) mem[(size_t)i * 4096 % len] = 3;
            _exit(i & 0x7f);
        }
        int st;
        if (waitpid(p, &st, 0) != p || !WIFEXITED(st) || WEXITSTATUS(st) != (i & 0x7f)) tb_fail("fork status");
        if (mem && mem[(size_t)i * 4096 % len] != 1) tb_fail("copy-on-write leaked into the parent");
    }
}

/* Returns µs per round, or -1 when this binary cannot be exec'd here. */
static double exec_rounds(int n, int spawn) {
    char *args[] = {"fork", "exit", NULL};
    uint64_t t0 = bench_now_ns();
    for (int i = 0; i < n; i++) {
        pid_t p;
        if (spawn) {
            if (posix_spawn(&p, "/proc/self/exe", NULL, NULL, args, environ)) return -1;
        } else {
            p = vfork();
            if (p == 0) {
                execve("/proc/self/exe", args, environ);
                _exit(127);
            }
        }
        int st;
        if (waitpid(p, &st, 0) != p) tb_fail("waitpid");
        if (!WIFEXITED(st) || WEXITSTATUS(st) == 127) return -1;
        if (WEXITSTATUS(st) != 0) tb_fail("exec status");
    }
    return (bench_now_ns() - t0) / 1e3 / n;
}

static void result(const char *key, double us) {
    if (us < 0) printf("result %s n/a\n", key);
    else printf("result %s %.1f\n", key, us);
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "exit") == 0) return 0;
    fork_exit_wait(10, NULL, 0); /* warm-up */
    uint64_t t0 = bench_now_ns();
    fork_exit_wait(N, NULL, 0);
    result("fork_us", (bench_now_ns() - t0) / 1e3 / N);

    char *big = mmap(NULL, BIG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (big == MAP_FAILED) tb_fail("mmap");
    memset(big, 1, BIG);
    t0 = bench_now_ns();
    fork_exit_wait(N / 10, big, BIG);
    result("fork100m_us", (bench_now_ns() - t0) / 1e3 / (N / 10));
    munmap(big, BIG);

    result("vfork_exec_us", exec_rounds(N / 4, 0));
    result("spawn_us", exec_rounds(N / 4, 1));
    printf("checksum ok\n");
    return 0;
}
