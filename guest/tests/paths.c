/* paths.c: path resolution and the errors Linux gives for each way a path can be wrong,
 * plus *at() calls relative to a directory fd and large directories read in several
 * getdents64 calls. Works in a fresh directory under $TMPDIR (or /tmp). */
#define _GNU_SOURCE
#include "tap.h"
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static char dir[PATH_MAX], buf[2 * PATH_MAX];  /* in() returns buf: one path per call */

static const char *in(const char *name) {
    snprintf(buf, sizeof buf, "%s/%s", dir, name);
    return buf;
}

int main(void) {
    plan(38);
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/rivet-tap-paths-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!ok(mkdtemp(dir) != NULL, "mkdtemp")) return 1;
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    ok(dfd >= 0, "open the directory O_DIRECTORY");
    is(fcntl(dfd, F_GETFD), FD_CLOEXEC, "O_CLOEXEC sets FD_CLOEXEC");

    /* *at() relative to a directory fd */
    int fd = openat(dfd, "f", O_CREAT | O_RDWR, 0644);
    ok(fd >= 0, "openat creates relative to the directory fd");
    is(write(fd, "12345", 5), 5, "write");
    struct stat st;
    is(fstatat(dfd, "f", &st, 0), 0, "fstatat relative");
    is(st.st_size, 5, "fstatat sees the size");
    is(fstatat(fd, "", &st, AT_EMPTY_PATH), 0, "fstatat AT_EMPTY_PATH on the file's fd");
    is(st.st_size, 5, "AT_EMPTY_PATH stats the fd itself");
    is(mkdirat(dfd, "d", 0755), 0, "mkdirat");
    is(symlinkat("f", dfd, "s"), 0, "symlinkat");
    is(readlinkat(dfd, "s", buf, 1), 1, "readlinkat truncates to the buffer size");
    is(linkat(dfd, "f", dfd, "h", 0), 0, "linkat");
    is(renameat(dfd, "h", dfd, "d/h"), 0, "renameat into a subdirectory");
    is(unlinkat(dfd, "d/h", 0), 0, "unlinkat");
    is_errno(unlinkat(dfd, "d", 0), EISDIR, "unlinkat a directory without AT_REMOVEDIR: EISDIR");
    is_errno(openat(fd, "x", O_RDONLY), ENOTDIR, "openat relative to a file fd: ENOTDIR");
    is_errno(openat(-1, "x", O_RDONLY), EBADF, "openat relative to fd -1: EBADF");
    ok(openat(-1, in("f"), O_RDONLY) >= 0, "an absolute path ignores the dirfd");

    /* errors along the path */
    is_errno(mkdir(in("missing/sub"), 0755), ENOENT, "mkdir under a missing parent: ENOENT");
    is_errno(open(in("f"), O_RDONLY | O_DIRECTORY), ENOTDIR, "O_DIRECTORY on a file: ENOTDIR");
    is_errno(open(in("s"), O_RDONLY | O_NOFOLLOW), ELOOP, "O_NOFOLLOW on a symlink: ELOOP");
    symlink("loop2", in("loop1"));
    symlink("loop1", in("loop2"));
    is_errno(open(in("loop1"), O_RDONLY), ELOOP, "a symlink loop: ELOOP");
    char longname[300];
    memset(longname, 'x', sizeof longname - 1);
    longname[sizeof longname - 1] = 0;
    is_errno(open(in(longname), O_RDONLY), ENAMETOOLONG, "a 299-byte name: ENAMETOOLONG");
    is_errno(open("", O_RDONLY), ENOENT, "the empty path: ENOENT");
    char small[2];
    ok(getcwd(small, sizeof small) == NULL && errno == ERANGE, "getcwd into 2 bytes: ERANGE");
    is(mkdirat(dfd, "d/inner", 0755), 0, "mkdir d/inner");
    is(mkdirat(dfd, "e", 0755), 0, "mkdir e");
    is_errno(renameat(dfd, "e", dfd, "d"), ENOTEMPTY, "rename a directory onto a non-empty one: ENOTEMPTY");
    is_errno(renameat(dfd, "f", dfd, "e"), EISDIR, "rename a file onto a directory: EISDIR");
    is_errno(renameat(dfd, "d", dfd, "d/inner/x"), EINVAL, "rename a directory into itself: EINVAL");
    is_errno(read(dfd, buf, 10), EISDIR, "read from a directory fd: EISDIR");
    int ro = open(in("f"), O_RDONLY);
    is_errno(ftruncate(ro, 0), EINVAL, "ftruncate on a read-only fd: EINVAL");
    memset(buf, 0, 16);
    is(pread(ro, buf, 16, 100), 0, "pread past the end returns 0");
    close(ro);

    /* a directory too big for one getdents64 call */
    int made = 0;
    char name[64];
    for (int i = 0; i < 300; i++) {
        snprintf(name, sizeof name, "d/entry-with-a-longish-name-%03d", i);
        int f = openat(dfd, name, O_CREAT | O_WRONLY, 0600);
        if (f >= 0) { made++; close(f); }
    }
    is(made, 300, "create 300 files");
    DIR *dp = opendir(in("d"));
    int count = 0;
    struct dirent *e;
    while (dp && (e = readdir(dp)))
        if (!strncmp(e->d_name, "entry-with", 10)) count++;
    is(count, 300, "readdir returns all 300 entries, each once");
    if (dp) {
        rewinddir(dp);
        int again = 0;
        while ((e = readdir(dp))) again++;
        is(again, 303, "after rewinddir: 300 + . + .. + inner");
        closedir(dp);
    } else {
        bail(1, "opendir failed");
    }

    /* clean up */
    for (int i = 0; i < 300; i++) {
        snprintf(name, sizeof name, "d/entry-with-a-longish-name-%03d", i);
        unlinkat(dfd, name, 0);
    }
    int clean = !unlinkat(dfd, "d/inner", AT_REMOVEDIR) & !unlinkat(dfd, "d", AT_REMOVEDIR) &
                !unlinkat(dfd, "e", AT_REMOVEDIR) & !unlinkat(dfd, "f", 0) & !unlinkat(dfd, "s", 0) &
                !unlinkat(dfd, "loop1", 0) & !unlinkat(dfd, "loop2", 0);
    close(dfd);
    ok(clean && rmdir(dir) == 0, "everything removed");
    return done_testing();
}
