/* Pipe throughput: one thread writes 1 GiB into a pipe in 64 KiB chunks, another reads it
 * in 64 KiB chunks; MB/s (10^6 bytes) over the whole transfer, after a 64 MiB warm-up. Then
 * the same between a parent and a forked child. Every chunk carries its sequence number,
 * which the reader checks. */
#include "tbench.h"
#include <sys/wait.h>
#include <unistd.h>

#define CHUNK (64 * 1024)
#define TOTAL (1024ull * 1024 * 1024)
#define WARM (64ull * 1024 * 1024)

static int fds[2];

static void *writer(void *arg) {
    uint64_t chunks = (uint64_t)(uintptr_t)arg;
    static char buf[CHUNK];
    memset(buf, 0x5a, sizeof buf);
    for (uint64_t i = 0; i < chunks; i++) {
        memcpy(buf, &i, sizeof i);
        for (size_t done = 0; done < CHUNK;) {
            ssize_t n = write(fds[1], buf + done, CHUNK - done);
            if (n <= 0) tb_fail("write");
            done += n;
        }
    }
    return NULL;
}

/* Moves `bytes` through the pipe from a thread or a forked child; returns the nanoseconds it took. */
static uint64_t transfer(uint64_t bytes, int processes) {
    static char buf[CHUNK];
    uint64_t chunks = bytes / CHUNK;
    pthread_t t;
    pid_t child = 0;
    uint64_t t0 = bench_now_ns();
    if (processes) {
        child = fork();
        if (child < 0) tb_fail("fork");
        if (child == 0) {
            writer((void *)(uintptr_t)chunks);
            _exit(0);
        }
    } else if (pthread_create(&t, NULL, writer, (void *)(uintptr_t)chunks)) {
        tb_fail("pthread_create");
    }
    for (uint64_t i = 0; i < chunks; i++) {
        for (size_t got = 0; got < CHUNK;) {
            ssize_t n = read(fds[0], buf + got, CHUNK - got);
            if (n <= 0) tb_fail("read");
            got += n;
        }
        uint64_t seq;
        memcpy(&seq, buf, sizeof seq);
        if (seq != i || buf[CHUNK - 1] != 0x5a) tb_fail("data");
    }
    if (processes) {
        int status;
        if (waitpid(child, &status, 0) != child || !WIFEXITED(status) || WEXITSTATUS(status)) tb_fail("child");
    } else {
        pthread_join(t, NULL);
    }
    return bench_now_ns() - t0;
}

int main(void) {
    if (pipe(fds)) tb_fail("pipe");
    transfer(WARM, 0);
    uint64_t threads = transfer(TOTAL, 0);
    transfer(WARM, 1);
    uint64_t processes = transfer(TOTAL, 1);
    printf("result threads_mb_per_s %.0f\n", TOTAL / 1e6 / (threads / 1e9));
    printf("result processes_mb_per_s %.0f\nchecksum ok\n", TOTAL / 1e6 / (processes / 1e9));
    return 0;
}
