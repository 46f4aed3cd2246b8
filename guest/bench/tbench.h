/*
 * Shared bits of the thread benchmarks (par, mutex, pingpong, spawn, clock).
 * Output (scripts/bench.sh parses it): one line per figure, "result <key> <value>",
 * then "checksum ok" once the program has verified its exact counts (else it prints
 * "checksum FAILED ..." and exits 1).
 */
#ifndef TBENCH_H
#define TBENCH_H
#include "bench.h"
#include <pthread.h>

static inline void tb_fail(const char *what) {
    printf("checksum FAILED %s\n", what);
    fflush(stdout);
    exit(1);
}
#endif
