/*
 * aio.c: POSIX asynchronous I/O as musl does it (with threads): aio_write, aio_read,
 * aio_error, aio_return, aio_suspend, lio_listio, aio_cancel.
 */
#include "tap.h"
#include <aio.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

static void wait_done(struct aiocb *cb) {
    const struct aiocb *list[1] = {cb};
    while (aio_error(cb) == EINPROGRESS) aio_suspend(list, 1, NULL);
}

int main(void) {
    plan(10);
    char path[] = "/tmp/rivet-aio-XXXXXX";
    int fd = mkstemp(path);
    ok(fd >= 0, "temporary file");
    char data[] = "asynchronous hello";
    struct aiocb w = {0};
    w.aio_fildes = fd;
    w.aio_buf = data;
    w.aio_nbytes = sizeof data - 1;
    is(aio_write(&w), 0, "aio_write queued");
    wait_done(&w);
    is(aio_error(&w), 0, "aio_write completed without error");
    is(aio_return(&w), (long)sizeof data - 1, "aio_return: bytes written");

    char back[32] = {0};
    struct aiocb r = {0};
    r.aio_fildes = fd;
    r.aio_buf = back;
    r.aio_nbytes = sizeof data - 1;
    is(aio_read(&r), 0, "aio_read queued");
    wait_done(&r);
    is(aio_return(&r), (long)sizeof data - 1, "aio_return: bytes read");
    ok(memcmp(back, data, sizeof data - 1) == 0, "aio_read read what aio_write wrote");

    char a[8] = {0}, b[8] = {0};
    struct aiocb l1 = {0}, l2 = {0};
    l1.aio_fildes = l2.aio_fildes = fd;
    l1.aio_lio_opcode = l2.aio_lio_opcode = LIO_READ;
    l1.aio_buf = a; l1.aio_nbytes = 5; l1.aio_offset = 0;
    l2.aio_buf = b; l2.aio_nbytes = 5; l2.aio_offset = 13;
    struct aiocb *list[2] = {&l1, &l2};
    is(lio_listio(LIO_WAIT, list, 2, NULL), 0, "lio_listio(LIO_WAIT) of two reads");
    ok(memcmp(a, "async", 5) == 0 && memcmp(b, "hello", 5) == 0, "both reads landed (%s, %s)", a, b);
    is(aio_cancel(fd, NULL), AIO_ALLDONE, "aio_cancel with nothing pending: AIO_ALLDONE");
    close(fd);
    unlink(path);
    return done_testing();
}
