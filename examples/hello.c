/* hello.c: the smallest useful guest: libc start-up, stdio, exit status 0. */
#include <stdio.h>

int main(void) {
    printf("Hello, world!\n");
    return 0;
}
