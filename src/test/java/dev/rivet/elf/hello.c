/* A small static program with text, initialised data and a bss larger than a page. */
#include <stdio.h>

int counter = 5;
char big[10000];

int main(int argc, char **argv) {
    printf("hello %d %s\n", argc + counter + big[5], argv[0]);
    return 3;
}
