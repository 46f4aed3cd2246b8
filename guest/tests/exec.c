/* exec.c: execve and execveat: Linux's errors, #! scripts, and what survives an exec (pid, fds
 * without FD_CLOEXEC, ignored signals, the mask) and what does not (handlers, other threads).
 * The successful execs re-run this program in a mode named by argv[1]; qemu-user cannot exec a
 * riscv64 binary without binfmt_misc, so those checks are skipped there. */
#define _GNU_SOURCE
#include "tap.h"
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;
static char self[4096];

/* ---- modes run after an exec: exit 0 when all is as expected ---- */

static int mode(int argc, char **argv) {
    const char *m = argv[1];
    if (!strcmp(m, "pid-is")) return getpid() == atoi(argv[2]) && gettid() == getpid() ? 0 : 1;
    if (!strcmp(m, "fds")) { /* argv: fds <cloexec fd> <plain fd> */
        int c = fcntl(atoi(argv[2]), F_GETFD), o = fcntl(atoi(argv[3]), F_GETFD);
        return c == -1 && errno == EBADF && o == 0 ? 0 : 1;
    }
    if (!strcmp(m, "signals")) {
        struct sigaction a, b;
        sigaction(SIGUSR1, NULL, &a);
        sigaction(SIGUSR2, NULL, &b);
        sigset_t s;
        sigprocmask(SIG_BLOCK, NULL, &s);
        if (a.sa_handler != SIG_DFL) return 1;
        if (b.sa_handler != SIG_IGN) return 2;
        if (!sigismember(&s, SIGTERM)) return 3;
        return 0;
    }
    if (!strcmp(m, "exe")) { /* argv: exe <path> */
        char buf[4096];
        ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
        if (n < 0) return 1;
        buf[n] = 0;
        if (strcmp(buf, argv[2])) return 2;
        const char *fn = (const char *)getauxval(AT_EXECFN);
        return fn && !strcmp(fn, "/proc/self/exe") ? 0 : 3;
    }
    if (!strcmp(m, "script-mode x")) { /* argv: interpreter, its argument, script, a1 */
        if (argc != 4 || strcmp(argv[2], "/tmp/rivet-exec-script") || strcmp(argv[3], "a1")) return 1;
        /* AT_EXECFN and the process name are the script's, /proc/self/exe the interpreter's. */
        const char *fn = (const char *)getauxval(AT_EXECFN);
        if (!fn || strcmp(fn, "/tmp/rivet-exec-script")) return 2;
        char comm[16] = {0};
        prctl(PR_GET_NAME, comm);
        return strcmp(comm, "rivet-exec-scri") ? 3 : 0;
    }
    return 99;
}

/* Forks, execs this program with args in the child, and returns the child's exit code. */
static int run(char *const args[]) {
    pid_t p = fork();
    if (p == 0) {
        execv("/proc/self/exe", args);
        _exit(127);
    }
    int st;
    waitpid(p, &st, 0);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void write_file(const char *path, const char *text, int mode) {
    unlink(path);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
    write(fd, text, strlen(text));
    close(fd);
    chmod(path, mode);
}

static void *exec_from_thread(void *arg) {
    char pid[16];
    snprintf(pid, sizeof pid, "%d", getpid());
    char *args[] = {self, "pid-is", pid, NULL};
    execv("/proc/self/exe", args);
    return arg;
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "tap-arg")) return mode(argc, argv);
    plan(19);
    int qemu = tap_runner_is("qemu");
    int noexec = tap_qemu_cannot_exec();
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    self[n > 0 ? n : 0] = 0;
    char *noargs[] = {"x", NULL};

    /* Errors, as Linux gives them (these run under qemu too: the host kernel answers). */
    is_errno(execve("/nonexistent/rivet", noargs, environ), ENOENT, "a missing file: ENOENT");
    is_errno(execve("/tmp", noargs, environ), EACCES, "a directory: EACCES");
    write_file("/tmp/rivet-exec-text", "just text\n", 0755);
    is_errno(execve("/tmp/rivet-exec-text", noargs, environ), ENOEXEC, "an executable text file: ENOEXEC");
    write_file("/tmp/rivet-exec-noperm", "#!/bin/sh\n", 0644);
    is_errno(execve("/tmp/rivet-exec-noperm", noargs, environ), EACCES, "no execute permission: EACCES");
    is_errno(execve("/tmp/rivet-exec-text/x", noargs, environ), ENOTDIR, "a path through a file: ENOTDIR");
    unlink("/tmp/rivet-exec-loop");
    symlink("/tmp/rivet-exec-loop", "/tmp/rivet-exec-loop");
    is_errno(execve("/tmp/rivet-exec-loop", noargs, environ), ELOOP, "a symlink loop: ELOOP");
    write_file("/tmp/rivet-exec-self", "#!/tmp/rivet-exec-self\n", 0755);
    is_errno(execve("/tmp/rivet-exec-self", noargs, environ), ELOOP, "a script that is its own interpreter: ELOOP");
    write_file("/tmp/rivet-exec-noname", "#!   \n", 0755);
    is_errno(execve("/tmp/rivet-exec-noname", noargs, environ), ENOEXEC, "#! without an interpreter: ENOEXEC");
    write_file("/tmp/rivet-exec-missing", "#!/nonexistent/interp\n", 0755);
    is_errno(execve("/tmp/rivet-exec-missing", noargs, environ), ENOENT, "#! with a missing interpreter: ENOENT");
    static char huge[200000];
    memset(huge, 'a', sizeof huge - 1);
    char *bigargs[] = {"x", huge, NULL};
    is_errno(execve(self, bigargs, environ), E2BIG, "an argument over 128 KiB: E2BIG");
    if (qemu) skip("qemu-user does not implement execveat", "execveat of \"\" without AT_EMPTY_PATH: ENOENT");
    else is_errno(syscall(SYS_execveat, AT_FDCWD, "", noargs, environ, 0), ENOENT, "execveat of \"\" without AT_EMPTY_PATH: ENOENT");

    /* Successful execs. */
    const char *why = "qemu-user cannot exec a riscv64 binary without binfmt_misc";
    char pid[16];
    pid_t p = fork();
    if (p == 0) {
        snprintf(pid, sizeof pid, "%d", getpid());
        char *args[] = {self, "pid-is", pid, NULL};
        execv("/proc/self/exe", args);
        _exit(127);
    }
    int st;
    waitpid(p, &st, 0);
    if (noexec) skip(why, "exec keeps the pid");
    else is(WIFEXITED(st) ? WEXITSTATUS(st) : -1, 0, "exec keeps the pid");

    int c = open("/dev/null", O_RDONLY | O_CLOEXEC), o = open("/dev/null", O_RDONLY);
    char cs[16], os[16];
    snprintf(cs, sizeof cs, "%d", c);
    snprintf(os, sizeof os, "%d", o);
    char *fdargs[] = {self, "fds", cs, os, NULL};
    if (noexec) skip(why, "FD_CLOEXEC fds are closed, others stay open");
    else is(run(fdargs), 0, "FD_CLOEXEC fds are closed, others stay open");

    struct sigaction sa = {.sa_handler = (void (*)(int))exec_from_thread};
    sigaction(SIGUSR1, &sa, NULL);
    signal(SIGUSR2, SIG_IGN);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigprocmask(SIG_BLOCK, &set, NULL);
    char *sigargs[] = {self, "signals", NULL};
    if (noexec) skip(why, "handlers reset to SIG_DFL; SIG_IGN and the mask kept");
    else is(run(sigargs), 0, "handlers reset to SIG_DFL; SIG_IGN and the mask kept");
    sigprocmask(SIG_UNBLOCK, &set, NULL);

    char *exeargs[] = {self, "exe", self, NULL};
    if (noexec) skip(why, "/proc/self/exe and AT_EXECFN follow the new image");
    /* Linux's AT_EXECFN is the filename execve was given; qemu-user, exec'ing through the
     * host, gives the resolved path instead. */
    else if (qemu) skip("qemu-user's AT_EXECFN is the resolved path", "/proc/self/exe and AT_EXECFN follow the new image");
    else is(run(exeargs), 0, "/proc/self/exe and AT_EXECFN follow the new image");

    char script[4200];
    snprintf(script, sizeof script, "#!%s script-mode x\n", self);
    write_file("/tmp/rivet-exec-script", script, 0755);
    p = fork();
    if (p == 0) {
        char *args[] = {"ignored", "a1", NULL};
        execv("/tmp/rivet-exec-script", args);
        _exit(127);
    }
    waitpid(p, &st, 0);
    if (noexec) skip(why, "a #! script runs its interpreter with argv, AT_EXECFN and name as Linux gives them");
    else if (qemu) skip("qemu-user's AT_EXECFN is the interpreter's, not the script's", "a #! script runs its interpreter with argv, AT_EXECFN and name as Linux gives them");
    else is(WIFEXITED(st) ? WEXITSTATUS(st) : -1, 0, "a #! script runs its interpreter with argv, AT_EXECFN and name as Linux gives them");

    p = fork();
    if (p == 0) {
        pthread_t t;
        pthread_create(&t, NULL, exec_from_thread, NULL);
        pthread_join(t, NULL);
        _exit(127);
    }
    waitpid(p, &st, 0);
    if (noexec) skip(why, "exec from a second thread keeps the pid and ends the other threads");
    else is(WIFEXITED(st) ? WEXITSTATUS(st) : -1, 0, "exec from a second thread keeps the pid and ends the other threads");

    /* fexecve: execveat(fd, "", AT_EMPTY_PATH) of an open file. */
    p = fork();
    if (p == 0) {
        int fd = open(self, O_RDONLY | O_CLOEXEC);
        snprintf(pid, sizeof pid, "%d", getpid());
        char *args[] = {self, "pid-is", pid, NULL};
        fexecve(fd, args, environ);
        _exit(127);
    }
    waitpid(p, &st, 0);
    if (noexec) skip(why, "fexecve runs an open file");
    else if (qemu) skip("qemu-user does not implement execveat", "fexecve runs an open file");
    else is(WIFEXITED(st) ? WEXITSTATUS(st) : -1, 0, "fexecve runs an open file");

    /* A vfork child's failed exec leaves it running; the parent goes on when it exits. */
    p = vfork();
    if (p == 0) {
        execve("/nonexistent/rivet", noargs, environ);
        _exit(errno);
    }
    waitpid(p, &st, 0);
    is(WIFEXITED(st) ? WEXITSTATUS(st) : -1, ENOENT, "a vfork child's failed exec returns ENOENT to it");

    unlink("/tmp/rivet-exec-text");
    unlink("/tmp/rivet-exec-noperm");
    unlink("/tmp/rivet-exec-loop");
    unlink("/tmp/rivet-exec-self");
    unlink("/tmp/rivet-exec-noname");
    unlink("/tmp/rivet-exec-missing");
    unlink("/tmp/rivet-exec-script");
    return done_testing();
}
