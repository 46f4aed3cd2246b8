/* segv.c: dereferences a null pointer. Expect "Segmentation fault" and exit status 139. */
#include <stdio.h>

int main(void) {
    fprintf(stderr, "writing through a null pointer...\n");
    volatile int *p = NULL;
    *p = 42;
    fprintf(stderr, "still alive?!\n");
    return 0;
}
