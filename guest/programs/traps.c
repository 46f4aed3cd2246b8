/*
 * traps.c MODE: ends through a synchronous fault, so its exit status (128 + signal) and output
 * can be compared with qemu's. Without a handler the process dies as on Linux.
 *   ill      an illegal instruction (unimp)              -> SIGILL,  132
 *   ebreak   a breakpoint                                  -> SIGTRAP, 133
 *   rodata   a store into read-only data                   -> SIGSEGV, 139 (SEGV_ACCERR)
 *   noexec   a jump into a non-executable page (the stack) -> SIGSEGV, 139
 *   wild     a load from an unmapped high address          -> SIGSEGV, 139 (SEGV_MAPERR)
 */
#include <stdio.h>
#include <string.h>

static const char message[] = "read-only";

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "";
    printf("trap: %s\n", mode);
    fflush(stdout);
    if (!strcmp(mode, "ill")) {
        __asm__ volatile("unimp");
    } else if (!strcmp(mode, "ebreak")) {
        __asm__ volatile("ebreak");
    } else if (!strcmp(mode, "rodata")) {
        *(volatile char *)message = 'X';
    } else if (!strcmp(mode, "noexec")) {
        unsigned int code[2] = {0x00008067u, 0}; /* ret, on the stack */
        ((void (*)(void))(void *)code)();
    } else if (!strcmp(mode, "wild")) {
        volatile long *p = (long *)0x3ffffff000L;
        printf("%ld\n", *p);
    } else {
        fprintf(stderr, "usage: traps ill|ebreak|rodata|noexec|wild\n");
        return 2;
    }
    printf("still alive?!\n");
    return 0;
}
