/* startup.c: what the kernel hands a new program: argc/argv/envp and the auxiliary vector.
 * The runner starts every guest test as `PROG tap-arg "two words"` with RIVET_TAP_ENV=yes. */
#define _GNU_SOURCE
#include "tap.h"
#include <stdint.h>
#include <sys/auxv.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv, char **envp) {
    plan(19);
    is(argc, 3, "argc is 3");
    ok(argv[0] && strstr(argv[0], "startup") != NULL, "argv[0] names the program");
    ok(argc > 1 && strcmp(argv[1], "tap-arg") == 0, "argv[1] passed");
    ok(argc > 2 && strcmp(argv[2], "two words") == 0, "argv[2] with a space passed as one argument");
    ok(argv[argc] == NULL, "argv is NULL-terminated");
    ok(envp == environ, "envp is environ");
    const char *v = getenv("RIVET_TAP_ENV");
    ok(v && strcmp(v, "yes") == 0, "environment variable passed");
    ok((char *)envp == (char *)(argv + argc + 1), "envp follows argv on the initial stack");
    ok(((uintptr_t)argv & 7) == 0, "argv is 8-byte aligned");

    is(getauxval(AT_PAGESZ), 4096, "AT_PAGESZ is 4096");
    unsigned long hwcap = getauxval(AT_HWCAP);
    /* single-letter extensions: bit ('x' - 'a') */
    unsigned long imafdc = 0;
    for (const char *c = "imafdc"; *c; c++) imafdc |= 1UL << (*c - 'a');
    is(hwcap & imafdc, imafdc, "AT_HWCAP has I, M, A, F, D and C");
    const unsigned char *rnd = (const unsigned char *)getauxval(AT_RANDOM);
    ok(rnd != NULL, "AT_RANDOM is given");
    int nonzero = 0;
    for (int i = 0; rnd && i < 16; i++) nonzero += rnd[i] != 0;
    ok(nonzero >= 8, "AT_RANDOM points at random bytes");
    const char *execfn = (const char *)getauxval(AT_EXECFN);
    ok(execfn && strstr(execfn, "startup") != NULL, "AT_EXECFN names the program");
    ok(getauxval(AT_ENTRY) != 0, "AT_ENTRY is set");
    ok(getauxval(AT_PHDR) != 0, "AT_PHDR is set");
    is(getauxval(AT_PHENT), 56, "AT_PHENT is sizeof(Elf64_Phdr)");
    is(getauxval(AT_UID), getuid(), "AT_UID is the uid");
    is(getauxval(AT_SECURE), 0, "AT_SECURE is 0");
    return done_testing();
}
