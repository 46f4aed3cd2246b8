/* files.c: file and directory syscalls, with the errno Linux gives for each misuse.
 * Everything happens in a fresh directory under $TMPDIR (or /tmp), removed at the end. */
#define _GNU_SOURCE
#include "tap.h"
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE 1
#endif

static char dir[PATH_MAX], path_buf[PATH_MAX + 64];

static const char *in(const char *name) {
    snprintf(path_buf, sizeof path_buf, "%s/%s", dir, name);
    return path_buf;
}

static char *in_dup(const char *name) { return strdup(in(name)); }

/* An address that is never mapped in a riscv64 user process (the low guard area). */
#define BAD_PTR ((void *)16)

int main(void) {
    plan(109);
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/rivet-tap-files-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!ok(mkdtemp(dir) != NULL, "mkdtemp makes the test directory")) return 1;
    umask(022);

    /* open / write / read / lseek / close */
    char *a = in_dup("a.txt");
    is_errno(open(a, O_RDONLY), ENOENT, "open missing file: ENOENT");
    int fd = open(a, O_RDWR | O_CREAT | O_EXCL, 0644);
    ok(fd >= 0, "open O_CREAT|O_EXCL creates");
    is_errno(open(a, O_RDWR | O_CREAT | O_EXCL, 0644), EEXIST, "open O_EXCL on existing file: EEXIST");
    is(write(fd, "hello, world\n", 13), 13, "write 13 bytes");
    is(lseek(fd, 0, SEEK_CUR), 13, "lseek SEEK_CUR is at the end of what was written");
    is(lseek(fd, 0, SEEK_SET), 0, "lseek SEEK_SET 0");
    char buf[256] = {0};
    is(read(fd, buf, sizeof buf), 13, "read returns what is there");
    ok(memcmp(buf, "hello, world\n", 13) == 0, "read returns the bytes written");
    is(read(fd, buf, sizeof buf), 0, "read at end of file returns 0");
    is(lseek(fd, -6, SEEK_END), 7, "lseek SEEK_END -6");
    is_errno(lseek(fd, -100, SEEK_SET), EINVAL, "lseek before the start: EINVAL");
    is(lseek(fd, 100, SEEK_SET), 100, "lseek past the end is allowed");

    /* pread / pwrite do not move the offset */
    is(pwrite(fd, "HELLO", 5, 0), 5, "pwrite at 0");
    is(lseek(fd, 0, SEEK_CUR), 100, "pwrite leaves the offset alone");
    memset(buf, 0, sizeof buf);
    is(pread(fd, buf, 12, 0), 12, "pread 12 bytes at 0");
    ok(memcmp(buf, "HELLO, world", 12) == 0, "pread sees the pwrite");
    is(lseek(fd, 0, SEEK_CUR), 100, "pread leaves the offset alone");
    is_errno(pread(fd, buf, 1, -1), EINVAL, "pread at a negative offset: EINVAL");

    /* readv / writev */
    is(lseek(fd, 0, SEEK_SET), 0, "rewind");
    struct iovec wv[3] = { { "abc", 3 }, { "", 0 }, { "defgh", 5 } };
    is(writev(fd, wv, 3), 8, "writev gathers 3 buffers");
    is(lseek(fd, 0, SEEK_SET), 0, "rewind again");
    char r1[2], r2[6];
    struct iovec rv[2] = { { r1, sizeof r1 }, { r2, sizeof r2 } };
    is(readv(fd, rv, 2), 8, "readv scatters into 2 buffers");
    ok(memcmp(r1, "ab", 2) == 0 && memcmp(r2, "cdefgh", 6) == 0, "readv data in order");

    /* fstat / ftruncate / fsync */
    struct stat st;
    is(fstat(fd, &st), 0, "fstat");
    ok(S_ISREG(st.st_mode), "fstat: regular file");
    is(st.st_mode & 07777, 0644, "fstat: mode 0644 as created under umask 022");
    is(st.st_size, 13, "fstat: size 13");
    is(ftruncate(fd, 4), 0, "ftruncate to 4");
    is(fstat(fd, &st), 0, "fstat after ftruncate");
    is(st.st_size, 4, "size is 4 after ftruncate");
    is(ftruncate(fd, 10000), 0, "ftruncate to grow");
    memset(buf, 1, sizeof buf);
    is(pread(fd, buf, 16, 4), 16, "pread in the grown part");
    ok(buf[0] == 0 && buf[15] == 0, "the grown part reads as zeros");
    is(fsync(fd), 0, "fsync");
    is(fdatasync(fd), 0, "fdatasync");

    /* dup / dup3 / fcntl */
    int fd2 = dup(fd);
    ok(fd2 >= 0 && fd2 != fd, "dup gives a new descriptor");
    is(lseek(fd, 1, SEEK_SET), 1, "seek on the original...");
    is(lseek(fd2, 0, SEEK_CUR), 1, "...is seen through the dup (shared file description)");
    is(dup3(fd, 100, O_CLOEXEC), 100, "dup3 to 100");
    is(fcntl(100, F_GETFD), FD_CLOEXEC, "dup3 O_CLOEXEC sets FD_CLOEXEC");
    is_errno(dup3(fd, fd, 0), EINVAL, "dup3 to the same fd: EINVAL");
    is(fcntl(fd, F_GETFD), 0, "original has no FD_CLOEXEC");
    is(fcntl(fd, F_SETFD, FD_CLOEXEC), 0, "F_SETFD FD_CLOEXEC");
    is(fcntl(fd, F_GETFD), FD_CLOEXEC, "F_GETFD reads it back");
    is(fcntl(fd, F_GETFL) & O_ACCMODE, O_RDWR, "F_GETFL access mode O_RDWR");
    is(fcntl(fd, F_SETFL, O_APPEND), 0, "F_SETFL O_APPEND");
    ok(fcntl(fd, F_GETFL) & O_APPEND, "F_GETFL shows O_APPEND");
    is(fcntl(fd, F_DUPFD, 200), 200, "F_DUPFD gives the lowest free fd >= 200");
    is(close(200), 0, "close the F_DUPFD copy");
    is(close(100), 0, "close the dup3 copy");
    is(close(fd2), 0, "close the dup");
    is(close(fd), 0, "close");
    is_errno(close(fd), EBADF, "close twice: EBADF");
    is_errno(read(-1, buf, 1), EBADF, "read fd -1: EBADF");
    is_errno(write(999, buf, 1), EBADF, "write to a never-opened fd: EBADF");

    /* O_APPEND writes at the end, O_TRUNC empties */
    fd = open(a, O_WRONLY | O_APPEND);
    ok(fd >= 0, "open O_APPEND");
    lseek(fd, 0, SEEK_SET);
    is(write(fd, "Z", 1), 1, "write with O_APPEND");
    is(fstat(fd, &st), 0, "fstat");
    is(st.st_size, 10001, "O_APPEND wrote at the end despite the seek");
    close(fd);
    fd = open(a, O_RDONLY);
    is_errno(write(fd, "x", 1), EBADF, "write to an O_RDONLY fd: EBADF");
    close(fd);
    fd = open(a, O_WRONLY | O_TRUNC);
    is(fstat(fd, &st) == 0 ? st.st_size : -1, 0, "O_TRUNC empties the file");
    close(fd);

    /* EFAULT from bad pointers */
    fd = open(a, O_RDWR);
    is_errno(write(fd, BAD_PTR, 10), EFAULT, "write from an unmapped buffer: EFAULT");
    is_errno(open(BAD_PTR, O_RDONLY), EFAULT, "open with an unmapped path: EFAULT");
    /* raw syscall: musl's fstat() converts from its own buffer, which would fault in user space */
    is_errno(syscall(SYS_fstat, fd, BAD_PTR), EFAULT, "fstat into an unmapped buffer: EFAULT");
    close(fd);

    /* stat / lstat / symlink / readlink / link */
    char *l = in_dup("link"), *h = in_dup("hard"), *d = in_dup("sub");
    is(symlink("a.txt", l), 0, "symlink");
    is(stat(l, &st), 0, "stat follows the symlink");
    ok(S_ISREG(st.st_mode), "stat: the target is a regular file");
    is(lstat(l, &st), 0, "lstat");
    ok(S_ISLNK(st.st_mode), "lstat: a symlink");
    memset(buf, 0, sizeof buf);
    is(readlink(l, buf, sizeof buf), 5, "readlink returns the target's length");
    ok(strcmp(buf, "a.txt") == 0, "readlink returns the target (no NUL added)");
    is_errno(readlink(a, buf, sizeof buf), EINVAL, "readlink on a regular file: EINVAL");
    is_errno(symlink("x", l), EEXIST, "symlink over an existing name: EEXIST");
    is(link(a, h), 0, "link");
    is(stat(a, &st), 0, "stat");
    is(st.st_nlink, 2, "link count 2 after link");
    struct statx sx;
    is(statx(AT_FDCWD, l, AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, &sx), 0, "statx");
    ok(S_ISLNK(sx.stx_mode) && (sx.stx_mask & STATX_TYPE), "statx AT_SYMLINK_NOFOLLOW: a symlink");
    char exe[PATH_MAX] = {0};
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    ok(n > 0 && exe[0] == '/', "readlink /proc/self/exe is an absolute path");
    ok(n > 6 && strcmp(exe + n - 6, "/files") == 0, "/proc/self/exe is this program, not its runner");
    diag("/proc/self/exe -> %s", exe);

    /* access / faccessat2 */
    is(access(a, R_OK | W_OK), 0, "access R_OK|W_OK on own file");
    is_errno(access(in("nope"), F_OK), ENOENT, "access missing: ENOENT");
    is(syscall(SYS_faccessat2, AT_FDCWD, l, F_OK, AT_SYMLINK_NOFOLLOW), 0, "faccessat2 AT_SYMLINK_NOFOLLOW");

    /* mkdir / rmdir / ENOTDIR / EISDIR / ENOTEMPTY */
    is(mkdir(d, 0755), 0, "mkdir");
    is_errno(mkdir(d, 0755), EEXIST, "mkdir existing: EEXIST");
    is_errno(open(d, O_WRONLY), EISDIR, "open a directory for writing: EISDIR");
    is_errno(open(in("a.txt/x"), O_RDONLY), ENOTDIR, "a file used as a directory: ENOTDIR");
    is_errno(unlink(d), EISDIR, "unlink a directory: EISDIR");
    is_errno(rmdir(a), ENOTDIR, "rmdir a file: ENOTDIR");
    is(close(open(in("sub/f"), O_CREAT | O_WRONLY, 0600)), 0, "create sub/f");
    is_errno(rmdir(d), ENOTEMPTY, "rmdir non-empty: ENOTEMPTY");

    /* getcwd / chdir / fchdir */
    char cwd0[PATH_MAX], cwd[PATH_MAX];
    ok(getcwd(cwd0, sizeof cwd0) != NULL, "getcwd");
    is(chdir(d), 0, "chdir into sub");
    ok(getcwd(cwd, sizeof cwd) && strcmp(cwd + strlen(cwd) - 4, "/sub") == 0, "getcwd ends in /sub");
    is(access("f", F_OK), 0, "relative paths resolve from the new cwd");
    is_errno(chdir(a), ENOTDIR, "chdir to a file: ENOTDIR");
    int dfd = open(cwd0, O_RDONLY | O_DIRECTORY);
    is(fchdir(dfd), 0, "fchdir back");
    close(dfd);
    ok(getcwd(cwd, sizeof cwd) && strcmp(cwd, cwd0) == 0, "getcwd is the original again");

    /* getdents64 through readdir */
    DIR *dp = opendir(dir);
    int seen = 0, dots = 0;
    struct dirent *e;
    while (dp && (e = readdir(dp))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) dots++;
        else if (!strcmp(e->d_name, "a.txt") && e->d_type == DT_REG) seen |= 1;
        else if (!strcmp(e->d_name, "link") && e->d_type == DT_LNK) seen |= 2;
        else if (!strcmp(e->d_name, "sub") && e->d_type == DT_DIR) seen |= 4;
        else if (!strcmp(e->d_name, "hard")) seen |= 8;
        else diag("unexpected entry %s", e->d_name);
    }
    if (dp) closedir(dp);
    is(seen, 15, "readdir lists a.txt, link, sub, hard with their types");
    is(dots, 2, "readdir lists . and ..");

    /* rename / renameat2 RENAME_NOREPLACE / unlink */
    char *b = in_dup("b.txt");
    is(rename(a, b), 0, "rename");
    is_errno(access(a, F_OK), ENOENT, "old name is gone");
    is(syscall(SYS_renameat2, AT_FDCWD, h, AT_FDCWD, b, RENAME_NOREPLACE) == -1 ? errno : 0, EEXIST,
       "renameat2 RENAME_NOREPLACE onto an existing name: EEXIST");
    is(syscall(SYS_renameat2, AT_FDCWD, h, AT_FDCWD, a, RENAME_NOREPLACE), 0, "renameat2 RENAME_NOREPLACE to a free name");

    /* umask applies to new files */
    umask(077);
    fd = open(in("masked"), O_CREAT | O_WRONLY, 0666);
    is(fstat(fd, &st) == 0 ? (long long)(st.st_mode & 0777) : -1, 0600, "umask 077 gives mode 0600");
    close(fd);
    is(umask(022), 077, "umask returns the previous mask");

    /* clean up */
    /* one in() per statement: it returns a shared buffer */
    int clean = !unlink(in("masked"));
    clean &= !unlink(in("sub/f"));
    clean &= !unlink(a) & !unlink(b) & !unlink(l) & !rmdir(d);
    clean &= !rmdir(dir);
    is_errno(unlink(l), ENOENT, "unlink twice: ENOENT");
    ok(clean, "everything removed");
    return done_testing();
}
