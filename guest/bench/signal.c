/* Signal round trip: kill(getpid(), SIGUSR1) -> handler -> return to the loop, ns per trip.
 * Each trip is a kill syscall, delivery onto a signal frame, the handler and rt_sigreturn.
 * The best of a few rounds is kept, after a warm-up round, like the other thread benchmarks;
 * the handler counts the trips and the count must be exact (checksum). Under a kernel that
 * cannot deliver signals yet, the first kill ends the process (SIGUSR1's default action) and
 * bench.sh reports it as failed. */
#include "tbench.h"
#include <signal.h>
#include <unistd.h>

#define N 100000

static volatile sig_atomic_t trips;

static void on_usr1(int sig) {
    (void)sig;
    trips++;
}

int main(void) {
    struct sigaction sa = {0};
    sa.sa_handler = on_usr1;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGUSR1, &sa, NULL) != 0) tb_fail("sigaction");
    pid_t self = getpid();
    uint64_t best = ~0ull;
    for (int r = 0; r < 4; r++) {
        trips = 0;
        uint64_t t0 = bench_now_ns();
        for (int i = 0; i < N; i++) {
            if (kill(self, SIGUSR1) != 0) tb_fail("kill");
        }
        uint64_t ns = bench_now_ns() - t0;
        /* A signal sent to oneself and not blocked is delivered before kill returns. */
        if (trips != N) tb_fail("a trip was lost");
        if (r > 0 && ns < best) best = ns;
    }
    printf("result ns_per_trip %.1f\nchecksum ok\n", (double)best / N);
    return 0;
}
