/*
 * sched.c: CPU affinity (sched_setaffinity/getaffinity) and riscv_hwprobe.
 * qemu 7.2 does not know riscv_hwprobe (it answers ENOSYS): those checks are skipped under
 * qemu only; Linux 6.4+ answers per arch/riscv/include/uapi/asm/hwprobe.h.
 */
#define _GNU_SOURCE
#include "tap.h"
#include <errno.h>
#include <sched.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_riscv_hwprobe
#define SYS_riscv_hwprobe 258
#endif

struct hwprobe { int64_t key; uint64_t value; };

int main(void) {
    plan(9);
    cpu_set_t set;
    CPU_ZERO(&set);
    is(sched_getaffinity(0, sizeof set, &set), 0, "sched_getaffinity");
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    is(CPU_COUNT(&set), n, "the mask holds every online CPU (%ld)", n);
    CPU_ZERO(&set);
    CPU_SET(0, &set);
    is(sched_setaffinity(0, sizeof set, &set), 0, "sched_setaffinity to CPU 0");
    CPU_ZERO(&set);
    sched_getaffinity(0, sizeof set, &set);
    ok(CPU_COUNT(&set) == 1 && CPU_ISSET(0, &set), "getaffinity reads back CPU 0 alone");
    CPU_ZERO(&set);
    is_errno(sched_setaffinity(0, sizeof set, &set), EINVAL, "an empty mask: EINVAL");

    struct hwprobe p[3] = {{4, 0}, {3, 0}, {12345, 7}};
    long r = syscall(SYS_riscv_hwprobe, p, 3, 0, NULL, 0);
    if (tap_runner_is("qemu") && r == -1 && errno == ENOSYS) {
        for (int i = 0; i < 4; i++) skip("qemu 7.2 has no riscv_hwprobe", "riscv_hwprobe check %d", i + 1);
    } else {
        is(r, 0, "riscv_hwprobe of three keys");
        ok((p[0].value & 3) == 3, "IMA_EXT_0 has FD and C (0x%llx)", (unsigned long long)p[0].value);
        ok(p[1].value == 1, "BASE_BEHAVIOR is IMA");
        ok(p[2].key == -1 && p[2].value == 0, "an unknown key comes back as -1 with value 0");
    }
    return done_testing();
}
