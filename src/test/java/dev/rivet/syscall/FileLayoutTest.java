package dev.rivet.syscall;

import dev.rivet.abi.Fcntl;
import dev.rivet.abi.Stat;
import dev.rivet.abi.Statx;
import dev.rivet.abi.Termios;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The file ABI (struct stat, struct statx, termios, O_*, AT_*, F_*, RENAME_*) checked against the
 * riscv64 kernel uapi headers through the cross compiler (src/test/resources/fs/layouts.c).
 */
class FileLayoutTest {
    static final Map<String, Long> LINUX = new HashMap<>();

    @BeforeAll
    static void compile() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("riscv64-linux-gnu-gcc", "-S", "-O0", "-o", "-", "src/test/resources/fs/layouts.c")
                .redirectErrorStream(true).start();
        String asm = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "cross compiler failed (run scripts/toolchain.sh):\n" + asm);
        Matcher m = Pattern.compile("->(\\w+) (-?\\d+)").matcher(asm);
        while (m.find()) LINUX.put(m.group(1), Long.parseLong(m.group(2)));
    }

    static long linux(String name) {
        Long v = LINUX.get(name);
        assertNotNull(v, name);
        return v;
    }

    @Test
    void structStat() {
        assertEquals(linux("stat_size"), Stat.SIZE);
        assertEquals(linux("stat_dev"), Stat.DEV);
        assertEquals(linux("stat_ino"), Stat.INO);
        assertEquals(linux("stat_mode"), Stat.MODE);
        assertEquals(linux("stat_nlink"), Stat.NLINK);
        assertEquals(linux("stat_uid"), Stat.UID);
        assertEquals(linux("stat_gid"), Stat.GID);
        assertEquals(linux("stat_rdev"), Stat.RDEV);
        assertEquals(linux("stat_size_off"), Stat.SIZE_);
        assertEquals(linux("stat_blksize"), Stat.BLKSIZE);
        assertEquals(linux("stat_blocks"), Stat.BLOCKS);
        assertEquals(linux("stat_atime"), Stat.ATIME);
        assertEquals(linux("stat_mtime"), Stat.MTIME);
        assertEquals(linux("stat_ctime"), Stat.CTIME);
    }

    @Test
    void structStatx() {
        assertEquals(linux("statx_size"), Statx.SIZE);
        assertEquals(linux("statx_mask"), Statx.MASK);
        assertEquals(linux("statx_blksize"), Statx.BLKSIZE);
        assertEquals(linux("statx_attributes"), Statx.ATTRIBUTES);
        assertEquals(linux("statx_nlink"), Statx.NLINK);
        assertEquals(linux("statx_uid"), Statx.UID);
        assertEquals(linux("statx_gid"), Statx.GID);
        assertEquals(linux("statx_mode"), Statx.MODE);
        assertEquals(linux("statx_ino"), Statx.INO);
        assertEquals(linux("statx_size_off"), Statx.SIZE_);
        assertEquals(linux("statx_blocks"), Statx.BLOCKS);
        assertEquals(linux("statx_attributes_mask"), Statx.ATTRIBUTES_MASK);
        assertEquals(linux("statx_atime"), Statx.ATIME);
        assertEquals(linux("statx_btime"), Statx.BTIME);
        assertEquals(linux("statx_ctime"), Statx.CTIME);
        assertEquals(linux("statx_mtime"), Statx.MTIME);
        assertEquals(linux("statx_rdev_major"), Statx.RDEV_MAJOR);
        assertEquals(linux("statx_rdev_minor"), Statx.RDEV_MINOR);
        assertEquals(linux("statx_dev_major"), Statx.DEV_MAJOR);
        assertEquals(linux("statx_dev_minor"), Statx.DEV_MINOR);
        assertEquals(linux("STATX_BASIC_STATS"), Statx.STATX_BASIC_STATS);
        assertEquals(linux("STATX__RESERVED"), Integer.toUnsignedLong(Statx.STATX__RESERVED));
    }

    @Test
    void statfsAndTimes() {
        assertEquals(linux("statfs_size"), dev.rivet.fs.hostfs.HostFile.STATFS_SIZE);
        assertEquals(linux("statfs_bsize"), 8);
        assertEquals(linux("kernel_timespec_size") * 2, SysAttr.TIMES_SIZE);
    }

    @Test
    void terminal() {
        assertEquals(linux("termios_size"), Termios.TERMIOS_SIZE);
        assertEquals(linux("winsize_size"), Termios.WINSIZE_SIZE);
        assertEquals(linux("TCGETS"), Termios.TCGETS);
        assertEquals(linux("TIOCGWINSZ"), Termios.TIOCGWINSZ);
        assertEquals(linux("TIOCSWINSZ"), Termios.TIOCSWINSZ);
        assertEquals(linux("TCSETS"), Termios.TCSETS);
        assertEquals(linux("TCSETSW"), Termios.TCSETSW);
        assertEquals(linux("TCSETSF"), Termios.TCSETSF);
        assertEquals(linux("FIONBIO"), SysFcntl.FIONBIO);
        assertEquals(linux("FIONREAD"), Termios.FIONREAD);
        assertEquals(linux("FIOCLEX"), SysFcntl.FIOCLEX);
        assertEquals(linux("FIONCLEX"), SysFcntl.FIONCLEX);
    }

    @Test
    void openFlags() {
        assertEquals(linux("O_ACCMODE"), Fcntl.O_ACCMODE);
        assertEquals(linux("O_CREAT"), Fcntl.O_CREAT);
        assertEquals(linux("O_EXCL"), Fcntl.O_EXCL);
        assertEquals(linux("O_NOCTTY"), Fcntl.O_NOCTTY);
        assertEquals(linux("O_TRUNC"), Fcntl.O_TRUNC);
        assertEquals(linux("O_APPEND"), Fcntl.O_APPEND);
        assertEquals(linux("O_NONBLOCK"), Fcntl.O_NONBLOCK);
        assertEquals(linux("O_DSYNC"), Fcntl.O_DSYNC);
        assertEquals(linux("FASYNC"), Fcntl.O_ASYNC);
        assertEquals(linux("O_DIRECT"), Fcntl.O_DIRECT);
        assertEquals(linux("O_LARGEFILE"), Fcntl.O_LARGEFILE);
        assertEquals(linux("O_DIRECTORY"), Fcntl.O_DIRECTORY);
        assertEquals(linux("O_NOFOLLOW"), Fcntl.O_NOFOLLOW);
        assertEquals(linux("O_NOATIME"), Fcntl.O_NOATIME);
        assertEquals(linux("O_CLOEXEC"), Fcntl.O_CLOEXEC);
        assertEquals(linux("O_SYNC"), Fcntl.O_SYNC);
        assertEquals(linux("O_PATH"), Fcntl.O_PATH);
        assertEquals(linux("O_TMPFILE"), Fcntl.O_TMPFILE);
    }

    @Test
    void fcntlAndAtConstants() {
        assertEquals(linux("F_DUPFD"), Fcntl.F_DUPFD);
        assertEquals(linux("F_GETFD"), Fcntl.F_GETFD);
        assertEquals(linux("F_SETFD"), Fcntl.F_SETFD);
        assertEquals(linux("F_GETFL"), Fcntl.F_GETFL);
        assertEquals(linux("F_SETFL"), Fcntl.F_SETFL);
        assertEquals(linux("F_DUPFD_CLOEXEC"), Fcntl.F_DUPFD_CLOEXEC);
        assertEquals(linux("FD_CLOEXEC"), Fcntl.FD_CLOEXEC);
        assertEquals(linux("F_GETLK"), Fcntl.F_GETLK);
        assertEquals(linux("F_SETLK"), Fcntl.F_SETLK);
        assertEquals(linux("F_SETLKW"), Fcntl.F_SETLKW);
        assertEquals(linux("F_OFD_GETLK"), Fcntl.F_OFD_GETLK);
        assertEquals(linux("F_OFD_SETLK"), Fcntl.F_OFD_SETLK);
        assertEquals(linux("F_OFD_SETLKW"), Fcntl.F_OFD_SETLKW);
        assertEquals(linux("F_RDLCK"), Fcntl.F_RDLCK);
        assertEquals(linux("F_WRLCK"), Fcntl.F_WRLCK);
        assertEquals(linux("F_UNLCK"), Fcntl.F_UNLCK);
        assertEquals(linux("flock_size"), Fcntl.FLOCK_SIZE);
        assertEquals(linux("flock_start"), 8);
        assertEquals(linux("flock_len"), 16);
        assertEquals(linux("flock_pid"), Fcntl.FLOCK_PID);
        assertEquals(linux("AT_FDCWD"), Fcntl.AT_FDCWD);
        assertEquals(linux("AT_SYMLINK_NOFOLLOW"), Fcntl.AT_SYMLINK_NOFOLLOW);
        assertEquals(linux("AT_EACCESS"), Fcntl.AT_EACCESS);
        assertEquals(linux("AT_REMOVEDIR"), Fcntl.AT_REMOVEDIR);
        assertEquals(linux("AT_SYMLINK_FOLLOW"), Fcntl.AT_SYMLINK_FOLLOW);
        assertEquals(linux("AT_NO_AUTOMOUNT"), Fcntl.AT_NO_AUTOMOUNT);
        assertEquals(linux("AT_EMPTY_PATH"), Fcntl.AT_EMPTY_PATH);
        assertEquals(linux("AT_STATX_SYNC_TYPE"), Fcntl.AT_STATX_SYNC_TYPE);
        assertEquals(linux("RENAME_NOREPLACE"), Fcntl.RENAME_NOREPLACE);
        assertEquals(linux("RENAME_EXCHANGE"), Fcntl.RENAME_EXCHANGE);
        assertEquals(linux("RENAME_WHITEOUT"), Fcntl.RENAME_WHITEOUT);
    }
}
