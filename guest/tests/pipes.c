/* pipes.c: pipe2 and descriptors. Capacity in pages as Linux counts it, PIPE_BUF atomicity,
 * packet mode (O_DIRECT), F_GETPIPE_SZ/F_SETPIPE_SZ, FIONREAD, end of file, EPIPE with
 * SIGPIPE, O_NONBLOCK, fstat and lseek of a pipe, poll readiness, dup/dup3/F_DUPFD and
 * close_range; then threads: a blocking reader woken by a writer, 4 KiB records from several
 * writers never interleaved, and reads and writes of pipes and host FIFOs interrupted by a
 * signal (EINTR without SA_RESTART, restarted with it, the count when some bytes moved); and
 * across fork: ends counted per description, a fatal signal ending a child blocked in a read,
 * and SIGPIPE's default action killing a writer. */
#define _GNU_SOURCE
#include "tap.h"
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef SYS_close_range
#define SYS_close_range 436
#endif
#define CLOSE_RANGE_UNSHARE (1U << 1)
#define CLOSE_RANGE_CLOEXEC (1U << 2)

static char big[1 << 17];

static int fionread(int fd) {
    int n = -1;
    ioctl(fd, FIONREAD, &n);
    return n;
}

/* Writes `size`-byte chunks into a non-blocking pipe until it says EAGAIN; returns how many fit. */
static int fill(int fd, int size) {
    int n = 0;
    while (write(fd, big, size) == size) n++;
    return n;
}

static void msleep(int ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0) { }
}

/* ---------------------------------------------------------------- signals */
static volatile sig_atomic_t sigpipes, sigpipe_code, sigpipe_pid, usr1s;

static void on_sigpipe(int sig, siginfo_t *si, void *uc) {
    (void)sig; (void)uc;
    sigpipes++;
    sigpipe_code = si->si_code;
    sigpipe_pid = si->si_pid;
}

static void on_usr1(int sig) { (void)sig; usr1s++; }

static void usr1_handler(int flags) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sa.sa_flags = flags;
    sigaction(SIGUSR1, &sa, NULL);
}

/* ---------------------------------------------------------------- threads */
struct blocked { int fd; int write; size_t len; ssize_t ret; int err; volatile int done; };

static void *blocked_io(void *arg) {
    struct blocked *b = arg;
    b->ret = b->write ? write(b->fd, big, b->len) : read(b->fd, big, b->len);
    b->err = errno;
    b->done = 1;
    return NULL;
}

/* Runs one read or write that blocks in a thread, sends it SIGUSR1 after 100 ms, and returns
 * once it ended; `unblock` (when >= 0) is written a byte to after a further 300 ms should the
 * call still wait, so a wrong answer fails the test instead of hanging it. */
static void interrupt_blocked(struct blocked *b, int unblock) {
    pthread_t th;
    b->done = 0;
    pthread_create(&th, NULL, blocked_io, b);
    msleep(100);
    pthread_kill(th, SIGUSR1);
    for (int i = 0; i < 30 && !b->done; i++) msleep(10);
    if (!b->done && unblock >= 0) write(unblock, "u", 1);
    pthread_join(th, NULL);
}

#define WRITERS 4
#define RECORDS 300
static int atomic_pipe[2];

static void *record_writer(void *arg) {
    char rec[4096];
    memset(rec, 'A' + (int)(long)arg, sizeof rec);
    for (int i = 0; i < RECORDS; i++) write(atomic_pipe[1], rec, sizeof rec);
    return NULL;
}

static ssize_t read_full(int fd, char *buf, size_t len) {
    size_t got = 0;
    while (got < len) {
        ssize_t n = read(fd, buf + got, len - got);
        if (n <= 0) return got ? (ssize_t)got : n;
        got += n;
    }
    return got;
}

struct stream { int fd; size_t total; uint32_t sum; };

static void *stream_writer(void *arg) {
    struct stream *s = arg;
    static char chunk[10000];
    uint32_t sum = 0;
    for (size_t done = 0; done < s->total;) {
        size_t k = s->total - done < sizeof chunk ? s->total - done : sizeof chunk;
        for (size_t i = 0; i < k; i++) { chunk[i] = (char)((done + i) * 7 + 3); sum += (uint8_t)chunk[i]; }
        write(s->fd, chunk, k);
        done += k;
    }
    s->sum = sum;
    close(s->fd);
    return NULL;
}

int main(void) {
    plan(99);
    memset(big, 'b', sizeof big);
    int p[2], q[2];

    /* ---- basics */
    is(pipe2(p, 0), 0, "pipe2");
    is(write(p[1], "hello", 5), 5, "write 5 bytes");
    is(fionread(p[0]), 5, "FIONREAD: 5 waiting");
    char buf[64] = {0};
    is(read(p[0], buf, sizeof buf), 5, "read takes them");
    ok(memcmp(buf, "hello", 5) == 0, "the same bytes");
    is(read(p[0], buf, 0), 0, "a null read of an empty pipe succeeds");
    is(fcntl(p[0], F_GETFL) & (O_ACCMODE | O_NONBLOCK), O_RDONLY, "the read end is O_RDONLY");
    is(fcntl(p[1], F_GETFL) & (O_ACCMODE | O_NONBLOCK), O_WRONLY, "the write end is O_WRONLY");
    is_errno(write(p[0], "x", 1), EBADF, "writing the read end: EBADF");
    is_errno(read(p[1], buf, 1), EBADF, "reading the write end: EBADF");
    is_errno(lseek(p[0], 0, SEEK_CUR), ESPIPE, "lseek: ESPIPE");
    is_errno(pread(p[0], buf, 1, 0), ESPIPE, "pread: ESPIPE");
    is_errno(pipe2(q, O_APPEND), EINVAL, "pipe2 with another flag: EINVAL");

    struct stat s0, s1, s2;
    fstat(p[0], &s0);
    fstat(p[1], &s1);
    ok(S_ISFIFO(s0.st_mode), "fstat: a FIFO");
    is(s0.st_blksize, 4096, "st_blksize 4096");
    is(s0.st_size, 0, "st_size 0");
    ok(s0.st_ino == s1.st_ino && s0.st_dev == s1.st_dev, "both ends are one inode");
    pipe2(q, 0);
    fstat(q[0], &s2);
    ok(s2.st_ino != s0.st_ino, "another pipe is another inode");
    struct stat again;
    fstat(p[0], &again);
    ok(again.st_ino == s0.st_ino && again.st_dev == s0.st_dev, "stable across calls");
    close(q[0]);
    close(q[1]);

    /* ---- non-blocking, capacity in pages */
    is(pipe2(q, O_NONBLOCK | O_CLOEXEC), 0, "pipe2 O_NONBLOCK|O_CLOEXEC");
    ok(fcntl(q[0], F_GETFL) & O_NONBLOCK, "O_NONBLOCK shows in F_GETFL");
    is(fcntl(q[1], F_GETFD), FD_CLOEXEC, "FD_CLOEXEC is set");
    is_errno(read(q[0], buf, 1), EAGAIN, "an empty non-blocking read: EAGAIN");
    is(fcntl(q[0], F_GETPIPE_SZ), 65536, "F_GETPIPE_SZ: 64 KiB");
    is(fill(q[1], 4096), 16, "16 writes of 4096 fill it");
    is(fionread(q[0]), 65536, "FIONREAD 65536");
    is_errno(write(q[1], "x", 1), EAGAIN, "full: EAGAIN");
    struct pollfd pw = {.fd = q[1], .events = POLLOUT};
    is(poll(&pw, 1, 0), 0, "a full pipe is not writable");
    is(read(q[0], buf, 10), 10, "read 10");
    is_errno(write(q[1], big, 100), EAGAIN, "100 bytes with 10 free: EAGAIN, never split");
    char drain[65536];
    while (read(q[0], drain, sizeof drain) > 0) { }
    is(fill(q[1], 1000), 64, "1000-byte writes: four share a page, so 64 fit");
    is(fionread(q[0]), 64000, "64000 bytes");
    while (read(q[0], drain, sizeof drain) > 0) { }
    is(fill(q[1], 1), 65536, "single bytes merge: 65536 fit");
    while (read(q[0], drain, sizeof drain) > 0) { }
    fill(q[1], 4096);
    read(q[0], drain, 4096);
    is(write(q[1], big, 3 * 4096), 4096, "a non-blocking write bigger than PIPE_BUF writes what fits");

    /* ---- pipe sizes */
    while (read(q[0], drain, sizeof drain) > 0) { }
    is(fcntl(q[1], F_SETPIPE_SZ, 5000), 8192, "F_SETPIPE_SZ 5000: rounded up to 8192");
    is(fcntl(q[0], F_GETPIPE_SZ), 8192, "both ends see it");
    is(fill(q[1], 4096), 2, "two pages fit now");
    is_errno(fcntl(q[1], F_SETPIPE_SZ, 4096), EBUSY, "shrinking below the contents: EBUSY");
    read(q[0], drain, sizeof drain);
    is(fcntl(q[1], F_SETPIPE_SZ, 0), 4096, "size 0: one page, the minimum");
    is(fcntl(q[1], F_SETPIPE_SZ, 1 << 20), 1 << 20, "1 MiB (pipe-max-size) is allowed");
    if (tap_runner_is("qemu") && geteuid() == 0)
        skip("qemu runs as root, whose CAP_SYS_RESOURCE lifts the limit", "above pipe-max-size: EPERM");
    else
        is_errno(fcntl(q[1], F_SETPIPE_SZ, (1 << 20) + 1), EPERM, "above pipe-max-size: EPERM");
    int devnull = open("/dev/null", O_RDONLY);
    is_errno(fcntl(devnull, F_GETPIPE_SZ), EBADF, "F_GETPIPE_SZ of a non-pipe: EBADF");
    close(devnull);
    fcntl(q[0], F_SETFL, 0);
    ok(!(fcntl(q[0], F_GETFL) & O_NONBLOCK), "F_SETFL clears O_NONBLOCK on the read end only");
    ok(fcntl(q[1], F_GETFL) & O_NONBLOCK, "the write end keeps it");
    close(q[0]);
    close(q[1]);

    /* ---- packets */
    is(pipe2(q, O_DIRECT), 0, "pipe2 O_DIRECT");
    write(q[1], "abc", 3);
    write(q[1], "defg", 4);
    write(q[1], "hijklm", 6);
    is(read(q[0], buf, sizeof buf), 3, "a read takes one packet");
    is(read(q[0], buf, sizeof buf), 4, "then the next");
    is(read(q[0], buf, 2), 2, "a short read of a packet");
    ok(memcmp(buf, "hi", 2) == 0, "takes its start");
    fcntl(q[0], F_SETFL, O_NONBLOCK);
    is_errno(read(q[0], buf, sizeof buf), EAGAIN, "and drops the rest");
    close(q[0]);
    close(q[1]);

    /* ---- end of file, EPIPE, SIGPIPE, poll */
    pipe2(q, 0);
    struct pollfd pr = {.fd = q[0], .events = POLLIN};
    is(poll(&pr, 1, 0), 0, "an empty pipe is not readable");
    write(q[1], "z", 1);
    poll(&pr, 1, 0);
    is(pr.revents, POLLIN, "with data: POLLIN");
    int wdup = dup(q[1]);
    close(q[1]);
    is(write(wdup, "y", 1), 1, "a dup keeps the write end open");
    close(wdup);
    read(q[0], buf, sizeof buf);
    poll(&pr, 1, 0);
    is(pr.revents, POLLHUP, "no writers: POLLHUP");
    is(read(q[0], buf, sizeof buf), 0, "no writers: end of file");
    close(q[0]);

    pipe2(q, 0);
    close(q[0]);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_sigpipe;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGPIPE, &sa, NULL);
    pw.fd = q[1];
    poll(&pw, 1, 0);
    ok(pw.revents & POLLERR, "no readers: POLLERR");
    is_errno(write(q[1], "x", 1), EPIPE, "no readers: EPIPE");
    is(sigpipes, 1, "and one SIGPIPE");
    is(sigpipe_code, SI_USER, "si_code SI_USER");
    is(sigpipe_pid, getpid(), "si_pid: the writer's own pid");
    signal(SIGPIPE, SIG_IGN);
    is_errno(write(q[1], "x", 1), EPIPE, "ignored SIGPIPE: still EPIPE");
    close(q[1]);

    /* ---- readv/writev */
    pipe2(q, 0);
    struct iovec wv[2] = {{"ab", 2}, {"cde", 3}};
    is(writev(q[1], wv, 2), 5, "writev");
    char r1[3], r2[3];
    struct iovec rv[2] = {{r1, 3}, {r2, 3}};
    is(readv(q[0], rv, 2), 5, "readv");
    ok(memcmp(r1, "abc", 3) == 0 && memcmp(r2, "de", 2) == 0, "scattered in order");

    /* ---- descriptors */
    int d = dup(q[1]);
    ok(d > q[1], "dup: the lowest free fd");
    is(fcntl(d, F_GETFD), 0, "without FD_CLOEXEC");
    is_errno(dup3(d, d, 0), EINVAL, "dup3 onto itself: EINVAL");
    is_errno(dup3(d, 50, O_NONBLOCK), EINVAL, "dup3 with a flag other than O_CLOEXEC: EINVAL");
    is(dup3(d, 50, O_CLOEXEC), 50, "dup3 O_CLOEXEC");
    is(fcntl(50, F_GETFD), FD_CLOEXEC, "sets FD_CLOEXEC");
    is(dup2(d, d), d, "dup2 onto itself: the fd");
    ok(fcntl(q[1], F_DUPFD, 100) >= 100, "F_DUPFD: at least the minimum");
    int d60 = fcntl(q[1], F_DUPFD_CLOEXEC, 60);
    ok(d60 >= 60, "F_DUPFD_CLOEXEC: at least the minimum");
    is(fcntl(d60, F_GETFD), FD_CLOEXEC, "with FD_CLOEXEC");
    close(d60);
    for (int fd = 200; fd <= 205; fd++) dup2(q[1], fd);
    is(syscall(SYS_close_range, 201, 203, 0), 0, "close_range 201..203");
    ok(fcntl(200, F_GETFD) == 0 && fcntl(201, F_GETFD) == -1 && fcntl(203, F_GETFD) == -1 && fcntl(204, F_GETFD) == 0,
       "closes those, and only those");
    is(syscall(SYS_close_range, 204, ~0U, CLOSE_RANGE_CLOEXEC), 0, "close_range CLOSE_RANGE_CLOEXEC to ~0");
    is(fcntl(205, F_GETFD), FD_CLOEXEC, "marks instead of closing");
    is_errno(syscall(SYS_close_range, 5, 4, 0), EINVAL, "close_range first > last: EINVAL");
    is_errno(syscall(SYS_close_range, 0, 10, 8), EINVAL, "close_range with an unknown flag: EINVAL");
    is(syscall(SYS_close_range, 100, ~0U, 0), 0, "close_range 100..~0");
    ok(fcntl(204, F_GETFD) == -1 && fcntl(200, F_GETFD) == -1 && fcntl(50, F_GETFD) == FD_CLOEXEC,
       "everything from 100 up is gone");
    close(d);
    close(50);

    /* ---- threads: a blocking reader, a 1 MiB stream, atomic records */
    struct stream st = {q[1], 1 << 20, 0};
    pthread_t th;
    pthread_create(&th, NULL, stream_writer, &st);
    uint32_t sum = 0;
    size_t total = 0;
    ssize_t n;
    while ((n = read(q[0], drain, sizeof drain)) > 0) {
        for (ssize_t i = 0; i < n; i++) {
            if ((char)((total + i) * 7 + 3) != drain[i]) sum = 0xdead;
            sum += (uint8_t)drain[i];
        }
        total += n;
    }
    pthread_join(th, NULL);
    is(total, 1 << 20, "1 MiB through a blocking pipe between threads, then end of file");
    is(sum, st.sum, "every byte in order");
    close(q[0]);

    pipe2(atomic_pipe, 0);
    pthread_t w[WRITERS];
    for (long i = 0; i < WRITERS; i++) pthread_create(&w[i], NULL, record_writer, (void *)i);
    int whole = 0, torn = 0;
    char rec[4096];
    for (int i = 0; i < WRITERS * RECORDS; i++) {
        if (read_full(atomic_pipe[0], rec, sizeof rec) != sizeof rec) { torn++; break; }
        int same = 1;
        for (size_t k = 1; k < sizeof rec; k++) same &= rec[k] == rec[0];
        if (same) whole++; else torn++;
    }
    for (int i = 0; i < WRITERS; i++) pthread_join(w[i], NULL);
    is(whole, WRITERS * RECORDS, "4 writers' 4096-byte records arrive whole (PIPE_BUF)");
    is(torn, 0, "none torn");
    close(atomic_pipe[0]);
    close(atomic_pipe[1]);

    /* ---- signals and blocking */
    pipe2(q, 0);
    struct blocked b = {.fd = q[0], .len = 10};
    usr1_handler(0);
    usr1s = 0;
    interrupt_blocked(&b, q[1]);
    ok(b.ret == -1 && b.err == EINTR, "a blocked pipe read, a handler without SA_RESTART: EINTR");
    is(usr1s, 1, "the handler ran");
    while (fionread(q[0]) > 0) read(q[0], buf, sizeof buf);

    usr1_handler(SA_RESTART);
    b.done = 0;
    pthread_create(&th, NULL, blocked_io, &b);
    msleep(100);
    pthread_kill(th, SIGUSR1);
    msleep(100);
    ok(!b.done, "with SA_RESTART the read goes on waiting");
    write(q[1], "xyz", 3);
    pthread_join(th, NULL);
    is(b.ret, 3, "and returns the data that came later");

    usr1_handler(0);
    struct blocked bw = {.fd = q[1], .write = 1, .len = 1 << 17};
    interrupt_blocked(&bw, -1);
    is(bw.ret, 65536, "a blocked write interrupted after 64 KiB: the count");
    close(q[0]);
    close(q[1]);

    char fifo[64];
    snprintf(fifo, sizeof fifo, "/tmp/rivet-pipes-%d", getpid());
    unlink(fifo);
    if (mkfifo(fifo, 0600) == 0) {
        int f = open(fifo, O_RDWR);
        struct blocked bf = {.fd = f, .len = 10};
        interrupt_blocked(&bf, f);
        ok(bf.ret == -1 && bf.err == EINTR, "a blocked read of a host FIFO: EINTR");
        write(f, "fifo", 4);
        is(read(f, buf, sizeof buf), 4, "the FIFO still works after");
        close(f);
        unlink(fifo);
    } else {
        bail(2, "mkfifo failed");
    }
    /* ---- fork: each process holds its own references to both ends */
    signal(SIGPIPE, SIG_DFL);
    pipe2(q, 0);
    pid_t child = fork();
    if (child == 0) {
        close(q[0]);
        write(q[1], "from the child", 14);
        _exit(0);
    }
    close(q[1]);
    char got[32] = {0};
    is(read_full(q[0], got, sizeof got), 14, "fork: the child's bytes, then end of file once its write end is gone");
    ok(memcmp(got, "from the child", 14) == 0, "the same bytes");
    int status = 0;
    waitpid(child, &status, 0);
    close(q[0]);

    pipe2(q, 0);
    child = fork();
    if (child == 0) {
        read(q[0], buf, 1); /* blocks: the parent keeps its write end and writes nothing */
        _exit(3);
    }
    msleep(100);
    kill(child, SIGTERM);
    waitpid(child, &status, 0);
    ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM, "a child blocked in a pipe read dies of SIGTERM (status %#x)", status);
    close(q[0]);
    close(q[1]);

    pipe2(q, 0);
    close(q[0]);
    child = fork();
    if (child == 0) {
        write(q[1], "x", 1);
        _exit(4);
    }
    waitpid(child, &status, 0);
    ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE, "a write with no reader: SIGPIPE kills the child (status %#x)", status);
    close(q[1]);

    /* Last, since under qemu the unshared table leaves the old one (all these fds) to
     * qemu's own threads: with CLOSE_RANGE_UNSHARE the range closes all the same. */
    int last = dup(1);
    is(syscall(SYS_close_range, last, ~0U, CLOSE_RANGE_UNSHARE), 0, "close_range CLOSE_RANGE_UNSHARE");
    is_errno(fcntl(last, F_GETFD), EBADF, "closes too");
    return done_testing();
}
