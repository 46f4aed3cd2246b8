/* orphans.c: the first process exits with status 3 while its children still run (one spins,
 * one is blocked reading a pipe nobody writes, one is stopped) and a zombie is unreaped.
 * Rivet must return 3 at once and kill the rest, as when a pid namespace's init dies. */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    int fds[2];
    pipe(fds);
    if (fork() == 0) for (;;) { }
    if (fork() == 0) { char c; read(fds[0], &c, 1); _exit(0); }
    pid_t s = fork();
    if (s == 0) for (;;) pause();
    kill(s, SIGSTOP);
    if (fork() == 0) _exit(0); /* never reaped */
    printf("leaving my children behind\n");
    return 3;
}
