/* stuckread.c: exits (status 3) while another thread is blocked reading stdin: the process must still end. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
static void *reader(void *a) { char c; read(0, &c, 1); return a; }
int main(void) { pthread_t t; pthread_create(&t, 0, reader, 0); usleep(50000); printf("exiting while a thread reads stdin\n"); fflush(stdout); exit(3); }
