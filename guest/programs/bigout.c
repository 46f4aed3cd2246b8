/* bigout.c [LINES]: prints LINES (default 100000) numbered lines with mixed printf formats,
 * about 5 MB, through stdio's buffer, then one unbuffered 1 MiB write(2): the runner
 * compares every byte with qemu's output. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    long lines = argc > 1 ? atol(argv[1]) : 100000;
    unsigned long long x = 0x9e3779b97f4a7c15ULL;
    for (long i = 0; i < lines; i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        printf("%07ld %016llx %+12.5e %-8s|%5.1f%%\n", i, x, (double)(long long)x / 3.0,
               (i & 1) ? "odd" : "even", (double)(x % 1000) / 10.0);
    }
    fflush(stdout);
    size_t big = 1 << 20;
    char *buf = malloc(big);
    for (size_t i = 0; i < big; i++) buf[i] = (i % 64 == 63) ? '\n' : "abcdefghijklmnopqrstuvwxyz"[i % 26];
    size_t done = 0;
    while (done < big) {
        ssize_t n = write(1, buf + done, big - done);
        if (n <= 0) { perror("write"); return 1; }
        done += n;
    }
    fprintf(stderr, "bigout: %ld lines and 1 MiB written\n", lines);
    return 0;
}
