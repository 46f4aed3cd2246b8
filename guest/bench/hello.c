/* The smallest useful program: measures start-up and exit cost, nothing else. */
#include <stdio.h>

int main(void) {
    puts("hello, world");
    return 0;
}
