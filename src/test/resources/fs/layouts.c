/*
 * The riscv64 file ABI from the kernel's uapi headers (linux-libc-dev-riscv64-cross): struct
 * stat, struct statx, struct termios/winsize, O_* / AT_* / F_* constants. Compiled with -S only:
 * each DEF becomes "->NAME value" in the assembly, which FsLayoutTest compares with Rivet's.
 */
#include <stddef.h>
#include <linux/types.h>
#include <linux/fcntl.h>
#include <linux/stat.h>
#include <asm/stat.h>
#include <asm/termbits.h>
#include <asm/termios.h>
#include <linux/fs.h>
#include <asm/ioctls.h>
#include <asm/statfs.h>
#include <linux/time_types.h>

#define DEF(name, value) asm volatile(".ascii \"->" #name " %0\\n\"" :: "i"((long)(value)))

void layouts(void) {
    DEF(stat_size, sizeof(struct stat));
    DEF(stat_dev, offsetof(struct stat, st_dev));
    DEF(stat_ino, offsetof(struct stat, st_ino));
    DEF(stat_mode, offsetof(struct stat, st_mode));
    DEF(stat_nlink, offsetof(struct stat, st_nlink));
    DEF(stat_uid, offsetof(struct stat, st_uid));
    DEF(stat_gid, offsetof(struct stat, st_gid));
    DEF(stat_rdev, offsetof(struct stat, st_rdev));
    DEF(stat_size_off, offsetof(struct stat, st_size));
    DEF(stat_blksize, offsetof(struct stat, st_blksize));
    DEF(stat_blocks, offsetof(struct stat, st_blocks));
    DEF(stat_atime, offsetof(struct stat, st_atime));
    DEF(stat_mtime, offsetof(struct stat, st_mtime));
    DEF(stat_ctime, offsetof(struct stat, st_ctime));

    DEF(statx_size, sizeof(struct statx));
    DEF(statx_mask, offsetof(struct statx, stx_mask));
    DEF(statx_blksize, offsetof(struct statx, stx_blksize));
    DEF(statx_attributes, offsetof(struct statx, stx_attributes));
    DEF(statx_nlink, offsetof(struct statx, stx_nlink));
    DEF(statx_uid, offsetof(struct statx, stx_uid));
    DEF(statx_gid, offsetof(struct statx, stx_gid));
    DEF(statx_mode, offsetof(struct statx, stx_mode));
    DEF(statx_ino, offsetof(struct statx, stx_ino));
    DEF(statx_size_off, offsetof(struct statx, stx_size));
    DEF(statx_blocks, offsetof(struct statx, stx_blocks));
    DEF(statx_attributes_mask, offsetof(struct statx, stx_attributes_mask));
    DEF(statx_atime, offsetof(struct statx, stx_atime));
    DEF(statx_btime, offsetof(struct statx, stx_btime));
    DEF(statx_ctime, offsetof(struct statx, stx_ctime));
    DEF(statx_mtime, offsetof(struct statx, stx_mtime));
    DEF(statx_rdev_major, offsetof(struct statx, stx_rdev_major));
    DEF(statx_rdev_minor, offsetof(struct statx, stx_rdev_minor));
    DEF(statx_dev_major, offsetof(struct statx, stx_dev_major));
    DEF(statx_dev_minor, offsetof(struct statx, stx_dev_minor));
    DEF(STATX_BASIC_STATS, STATX_BASIC_STATS);
    DEF(STATX__RESERVED, STATX__RESERVED);

    DEF(statfs_size, sizeof(struct statfs));
    DEF(statfs_bsize, offsetof(struct statfs, f_bsize));
    DEF(kernel_timespec_size, sizeof(struct __kernel_timespec));
    DEF(termios_size, sizeof(struct termios));
    DEF(winsize_size, sizeof(struct winsize));
    DEF(TCGETS, TCGETS);
    DEF(TIOCGWINSZ, TIOCGWINSZ);
    DEF(TIOCSWINSZ, TIOCSWINSZ);
    DEF(TCSETS, TCSETS);
    DEF(TCSETSW, TCSETSW);
    DEF(TCSETSF, TCSETSF);
    DEF(FIONBIO, FIONBIO);
    DEF(FIONREAD, FIONREAD);
    DEF(FIOCLEX, FIOCLEX);
    DEF(FIONCLEX, FIONCLEX);

    DEF(O_ACCMODE, O_ACCMODE);
    DEF(O_CREAT, O_CREAT);
    DEF(O_EXCL, O_EXCL);
    DEF(O_NOCTTY, O_NOCTTY);
    DEF(O_TRUNC, O_TRUNC);
    DEF(O_APPEND, O_APPEND);
    DEF(O_NONBLOCK, O_NONBLOCK);
    DEF(O_DSYNC, O_DSYNC);
    DEF(FASYNC, FASYNC);
    DEF(O_DIRECT, O_DIRECT);
    DEF(O_LARGEFILE, O_LARGEFILE);
    DEF(O_DIRECTORY, O_DIRECTORY);
    DEF(O_NOFOLLOW, O_NOFOLLOW);
    DEF(O_NOATIME, O_NOATIME);
    DEF(O_CLOEXEC, O_CLOEXEC);
    DEF(O_SYNC, O_SYNC);
    DEF(O_PATH, O_PATH);
    DEF(O_TMPFILE, O_TMPFILE);
    DEF(F_DUPFD, F_DUPFD);
    DEF(F_GETFD, F_GETFD);
    DEF(F_SETFD, F_SETFD);
    DEF(F_GETFL, F_GETFL);
    DEF(F_SETFL, F_SETFL);
    DEF(F_DUPFD_CLOEXEC, F_DUPFD_CLOEXEC);
    DEF(FD_CLOEXEC, FD_CLOEXEC);
    DEF(F_GETLK, F_GETLK);
    DEF(F_SETLK, F_SETLK);
    DEF(F_SETLKW, F_SETLKW);
    DEF(F_OFD_GETLK, F_OFD_GETLK);
    DEF(F_OFD_SETLK, F_OFD_SETLK);
    DEF(F_OFD_SETLKW, F_OFD_SETLKW);
    DEF(F_RDLCK, F_RDLCK);
    DEF(F_WRLCK, F_WRLCK);
    DEF(F_UNLCK, F_UNLCK);
    DEF(flock_size, sizeof(struct flock));
    DEF(flock_start, offsetof(struct flock, l_start));
    DEF(flock_len, offsetof(struct flock, l_len));
    DEF(flock_pid, offsetof(struct flock, l_pid));
    DEF(AT_FDCWD, AT_FDCWD);
    DEF(AT_SYMLINK_NOFOLLOW, AT_SYMLINK_NOFOLLOW);
    DEF(AT_EACCESS, AT_EACCESS);
    DEF(AT_REMOVEDIR, AT_REMOVEDIR);
    DEF(AT_SYMLINK_FOLLOW, AT_SYMLINK_FOLLOW);
    DEF(AT_NO_AUTOMOUNT, AT_NO_AUTOMOUNT);
    DEF(AT_EMPTY_PATH, AT_EMPTY_PATH);
    DEF(AT_STATX_SYNC_TYPE, AT_STATX_SYNC_TYPE);
    DEF(RENAME_NOREPLACE, RENAME_NOREPLACE);
    DEF(RENAME_EXCHANGE, RENAME_EXCHANGE);
    DEF(RENAME_WHITEOUT, RENAME_WHITEOUT);
}
