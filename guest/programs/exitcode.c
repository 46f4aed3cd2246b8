/* exitcode.c HOW CODE: ends the process in one of the ways a program can, for the runner to
 * compare Rivet's exit status with Linux's: return from main, exit(), _exit(), abort(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: exitcode return|exit|_exit|abort CODE\n"); return 2; }
    int code = atoi(argv[2]);
    printf("ending with %s(%d)\n", argv[1], code);  /* buffered: exit() flushes, _exit() does not */
    if (!strcmp(argv[1], "return")) return code;
    if (!strcmp(argv[1], "exit")) exit(code);
    if (!strcmp(argv[1], "_exit")) _exit(code);
    if (!strcmp(argv[1], "abort")) { fflush(stdout); abort(); }
    fprintf(stderr, "exitcode: unknown way %s\n", argv[1]);
    return 2;
}
