/* hostsig.c: waits for a signal sent to the rivet JVM from outside. With argument "handle" it
 * handles SIGTERM (prints and exits 42); without, SIGINT's default action kills it. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
static void on_term(int sig) { (void)sig; const char m[] = "got SIGTERM\n"; write(1, m, sizeof m - 1); _exit(42); }
int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "handle") == 0) signal(SIGTERM, on_term);
    printf("ready\n");
    fflush(stdout);
    for (;;) pause();
}
