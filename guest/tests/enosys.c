/* enosys.c: a syscall the kernel does not have returns -1 / ENOSYS and the program goes on.
 * 250 sits in riscv's unused arch-specific range (244-258) and 1000 / 4000 are beyond every
 * table; 450 is not used here because Linux 5.17+ has set_mempolicy_home_node there. */
#include "tap.h"
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
    plan(4);
    is_errno(syscall(250), ENOSYS, "syscall 250: ENOSYS");
    is_errno(syscall(1000, 1, 2, 3), ENOSYS, "syscall 1000: ENOSYS");
    is_errno(syscall(4000), ENOSYS, "syscall 4000: ENOSYS");
    ok(getpid() > 0, "the process carries on afterwards");
    return done_testing();
}
