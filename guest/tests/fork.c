/* fork.c: fork, vfork and posix_spawn: return values, status words, copy-on-write private
 * memory, shared mappings, inherited fds and signal state. */
#define _GNU_SOURCE
#include "tap.h"
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static volatile int counter = 1;
static char big[3 * 4096] = {1};

/* Runs f in a child and returns its wait status (-1 on failure). */
static int in_child(int (*f)(void)) {
    pid_t p = fork();
    if (p < 0) return -1;
    if (p == 0) _exit(f());
    int st;
    if (waitpid(p, &st, 0) != p) return -1;
    return st;
}

static int child_sees_old_value(void) { return counter == 1 ? 0 : 1; }

static volatile long spin_counter;
static volatile int spin_stop;

static void *spinner(void *arg) {
    while (!spin_stop) spin_counter++;
    return arg;
}

/* The child's copy of a page another parent thread keeps writing must not change under it. */
static int copy_is_stable(void) {
    long a = spin_counter;
    usleep(20000);
    return spin_counter == a ? 0 : 1;
}

/* Only the forking thread is copied: a fork from a second thread makes a process whose one
 * thread is its main thread (tid == pid). */
static int single_thread(void) { return getpid() == gettid() ? 0 : 1; }

static void *fork_from_thread(void *arg) {
    *(int *)arg = gettid() != getpid() ? in_child(single_thread) : -2;
    return NULL;
}

static int mask_kept(void) {
    sigset_t s;
    sigprocmask(SIG_BLOCK, NULL, &s);
    if (!sigismember(&s, SIGUSR1)) return 1;
    sigset_t pend;
    sigpending(&pend);
    return sigismember(&pend, SIGUSR2) ? 2 : 0; /* pending signals are not inherited */
}

static void handler(int sig) { (void)sig; }

static int action_kept(void) {
    struct sigaction sa;
    sigaction(SIGUSR1, NULL, &sa);
    return sa.sa_handler == handler ? 0 : 1;
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "spawned") == 0) return argc == 3 && strcmp(argv[2], "x y") == 0 ? 7 : 8;
    plan(22);
    int qemu = tap_runner_is("qemu");

    pid_t me = getpid();
    int fds[2];
    pipe(fds);
    pid_t p = fork();
    if (p == 0) {
        int ppid = getppid();
        write(fds[1], &ppid, sizeof ppid);
        _exit(42);
    }
    ok(p > 0, "fork returns the child's pid in the parent");
    int ppid = 0;
    read(fds[0], &ppid, sizeof ppid);
    is(ppid, me, "the child's getppid is the parent");
    int st = 0;
    is(waitpid(p, &st, 0), p, "waitpid returns the child");
    ok(WIFEXITED(st) && WEXITSTATUS(st) == 42, "exit status 42 (status 0x%x)", st);
    is(st, 42 << 8, "the status word is code << 8");

    p = fork();
    if (p == 0) { kill(getpid(), SIGTERM); pause(); _exit(1); }
    waitpid(p, &st, 0);
    ok(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM, "killed by SIGTERM (status 0x%x)", st);
    is(st, SIGTERM, "the status word is the signal");

    /* Copy-on-write: each side's writes after fork are its own. */
    int sync[2];
    pipe(sync);
    p = fork();
    if (p == 0) {
        char c;
        read(sync[0], &c, 1); /* the parent has written by now */
        int r = counter == 1 && big[0] == 1 && big[5000] == 0 ? 0 : 1;
        counter = 99;
        big[5000] = 9;
        _exit(r);
    }
    counter = 2;
    big[0] = 2;
    write(sync[1], "x", 1);
    waitpid(p, &st, 0);
    ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "the child does not see the parent's writes after fork");
    ok(counter == 2 && big[5000] == 0, "the parent does not see the child's writes");
    counter = 1;
    st = in_child(child_sees_old_value);
    ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "a child forked later sees the value at fork");

    /* MAP_SHARED stays shared, even for pages first touched after fork. */
    int *shm = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    shm[0] = 5;
    p = fork();
    if (p == 0) { shm[0] = 6; shm[1024] = 7; _exit(0); }
    waitpid(p, &st, 0);
    ok(shm[0] == 6, "a shared mapping's page touched before fork stays shared");
    ok(shm[1024] == 7, "a shared mapping's page first touched by the child is seen by the parent");

    /* A futex in shared memory is one futex in both processes (a process-shared semaphore). */
    sem_t *sem = (sem_t *)&shm[2];
    sem_init(sem, 1, 0);
    p = fork();
    if (p == 0) _exit(sem_wait(sem) == 0 ? 0 : 1); /* sleeps in FUTEX_WAIT until the parent posts */
    usleep(20000);
    sem_post(sem);
    waitpid(p, &st, 0);
    ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "a process-shared semaphore wakes the other process");

    /* fds are inherited and share the open file description (its offset). */
    char path[] = "/tmp/rivet-fork-XXXXXX";
    int fd = mkstemp(path);
    unlink(path);
    p = fork();
    if (p == 0) { write(fd, "hello", 5); _exit(0); }
    waitpid(p, &st, 0);
    is(lseek(fd, 0, SEEK_CUR), 5, "the child's write moved the shared file offset");
    close(fd);

    /* Only the calling thread is copied. */
    pthread_t t;
    st = -1;
    pthread_create(&t, NULL, fork_from_thread, &st);
    pthread_join(t, NULL);
    ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "a fork from a second thread makes a one-thread process (0x%x)", st);

    pthread_t sp;
    pthread_create(&sp, NULL, spinner, NULL);
    while (spin_counter < 1000) { }
    st = in_child(copy_is_stable);
    spin_stop = 1;
    pthread_join(sp, NULL);
    ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "another thread's writes after fork stay out of the child");

    /* Signal mask and actions are inherited; pending signals are not. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGUSR2);
    sigprocmask(SIG_BLOCK, &set, NULL);
    raise(SIGUSR2);
    st = in_child(mask_kept);
    is(WIFEXITED(st) ? WEXITSTATUS(st) : -1, 0, "the mask is inherited, pending signals are not");
    struct sigaction sa = {.sa_handler = handler};
    sigaction(SIGUSR1, &sa, NULL);
    st = in_child(action_kept);
    is(WIFEXITED(st) ? WEXITSTATUS(st) : -1, 0, "signal handlers are inherited");
    signal(SIGUSR2, SIG_IGN); /* drop the pending one */
    sigprocmask(SIG_UNBLOCK, &set, NULL);

    /* vfork: the parent sleeps until the child exits, and they share memory. */
    counter = 1;
    p = vfork();
    if (p == 0) { counter = 3; _exit(4); }
    waitpid(p, &st, 0);
    ok(WIFEXITED(st) && WEXITSTATUS(st) == 4, "vfork child's exit status");
    if (qemu) skip("qemu-user runs vfork as fork", "the vfork child wrote the parent's memory");
    else is(counter, 3, "the vfork child wrote the parent's memory");

    /* posix_spawn (vfork + exec of our own binary). */
    char *args[] = {argv[0], "spawned", "x y", NULL};
    pid_t s = 0;
    int r = posix_spawn(&s, "/proc/self/exe", NULL, NULL, args, environ);
    if (tap_qemu_cannot_exec()) {
        if (r == 0) waitpid(s, &st, 0);
        skip("qemu-user cannot exec a riscv64 binary without binfmt_misc", "posix_spawn runs the program");
        skip("qemu-user cannot exec a riscv64 binary without binfmt_misc", "its exit status is returned");
    } else {
        is(r, 0, "posix_spawn runs the program");
        st = 0;
        waitpid(s, &st, 0);
        ok(WIFEXITED(st) && WEXITSTATUS(st) == 7, "its exit status is returned (0x%x)", st);
    }
    return done_testing();
}
