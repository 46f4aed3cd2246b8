/* Sieve of Eratosthenes over odd numbers only, one byte per candidate. */
#include "bench.h"

#define LIMIT 2000000  /* primes below this */

static uint8_t composite[LIMIT / 2];  /* composite[i] describes 2*i+1 */

static uint64_t kernel(void) {
    memset(composite, 0, sizeof composite);
    for (uint32_t i = 1; (2 * i + 1) * (2 * i + 1) < LIMIT; i++) {
        if (composite[i]) continue;
        uint32_t p = 2 * i + 1;
        for (uint32_t m = p * p / 2; m < LIMIT / 2; m += p)
            composite[m] = 1;
    }
    uint64_t count = 1, sum = 2, h = 0;  /* 2 is prime and not in the table */
    for (uint32_t i = 1; i < LIMIT / 2; i++) {
        if (!composite[i]) {
            count++;
            sum += 2 * i + 1;
            if ((count & 1023) == 0) h = bench_mix(h, 2 * i + 1);
        }
    }
    bench_expect(count == 148933 && sum == 142913828922ull, "primes below two million");
    return bench_mix(bench_mix(h, count), sum);
}

int main(int argc, char **argv) {
    return bench_run("sieve", 10, kernel, argc, argv);
}
