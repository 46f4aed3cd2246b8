/*
 * Prints what a static program sees of its initial stack, for ElfLoaderTest to compare with
 * qemu-riscv64 (and, once Rivet runs programs, with Rivet): argc/argv/envp, the auxiliary
 * vector, and how the strings and pointers are laid out.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>

int main(int argc, char **argv, char **envp) {
    long *sp = (long *)argv - 1;               /* argc sits just below argv */
    printf("argc %d\n", argc);
    printf("sp_is_argc %d\n", sp[0] == argc);
    printf("sp_mod16 %lu\n", (unsigned long)((uintptr_t)sp % 16));
    for (int i = 0; i < argc; i++) printf("argv %s\n", argv[i]);
    printf("argv_null %d\n", argv[argc] == NULL);
    printf("envp_follows_argv %d\n", envp == argv + argc + 1);
    int envc = 0;
    while (envp[envc]) envc++;
    printf("envc %d\n", envc);
    int contiguous = 1;                        /* strings back to back: argv then envp */
    char *expect = argv[0];
    for (int i = 0; i < argc; i++) { contiguous &= argv[i] == expect; expect = argv[i] + strlen(argv[i]) + 1; }
    for (int i = 0; i < envc; i++) { contiguous &= envp[i] == expect; expect = envp[i] + strlen(envp[i]) + 1; }
    printf("strings_contiguous %d\n", contiguous);
    unsigned long *aux = (unsigned long *)(envp + envc + 1);
    for (; aux[0] != AT_NULL; aux += 2) printf("aux %lu %#lx\n", aux[0], aux[1]);
    char *execfn = (char *)getauxval(AT_EXECFN);
    printf("execfn %s\n", execfn);
    printf("execfn_after_strings %d\n", execfn == expect);
    unsigned char *rnd = (unsigned char *)getauxval(AT_RANDOM);
    printf("random_below_strings %d\n", (char *)rnd + 16 <= argv[0]);
    return 0;
}
