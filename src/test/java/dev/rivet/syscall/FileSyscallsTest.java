package dev.rivet.syscall;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Fcntl;
import dev.rivet.abi.Mman;
import dev.rivet.abi.Stat;
import dev.rivet.abi.Statx;
import dev.rivet.abi.SyscallNames;
import dev.rivet.abi.Termios;
import dev.rivet.cpu.Hart;
import dev.rivet.fs.FdTable;
import dev.rivet.fs.FsContext;
import dev.rivet.fs.Vfs;
import dev.rivet.kernel.Kernel;
import dev.rivet.kernel.Process;
import dev.rivet.kernel.Task;
import dev.rivet.mm.AddressSpace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static dev.rivet.abi.Fcntl.AT_FDCWD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The file and fs syscall handlers on a real address space, against a host temp directory. */
class FileSyscallsTest {
    @TempDir Path tmp;
    final SyscallTable table = new SyscallTable();
    AddressSpace mem;
    Task task;
    long base;      // 1 MiB of guest scratch memory
    long scratch;   // next free byte in it

    @BeforeEach
    void setUp() throws Exception {
        SysFile.register(table);
        SysFs.register(table);
        SysFcntl.register(table);
        SysPipe.register(table);
        SysAttr.register(table);
        mem = new AddressSpace();
        base = mem.mmap(0, 1 << 20, AddressSpace.PROT_READ | AddressSpace.PROT_WRITE,
                Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS);
        scratch = base;
        Vfs vfs = Vfs.hostRoot();
        FsContext fs = new FsContext(vfs, vfs.hostCwd(), 022);
        Process p = new Process(new Kernel(null), 1000, 1, mem, new FdTable(), fs, 0, 0);
        task = new Task(p, new Hart(mem), 1000);
        assertEquals(0, sys("chdir", str(tmp.toString())));
    }

    @AfterEach
    void tearDown() {
        task.process.fds.closeAll();
        task.process.fs.release();
    }

    /** Calls a syscall by name, returning the result or -errno, as the guest sees it. */
    long sys(String name, long... a) {
        Syscall s = table.get(SyscallNames.number(name));
        Args args = new Args();
        long[] x = Arrays.copyOf(a, 6);
        args.set(x[0], x[1], x[2], x[3], x[4], x[5]);
        try {
            return s.handler().call(task, args);
        } catch (ErrnoException e) {
            return e.errno.negative();
        }
    }

    long alloc(int n) {
        long p = scratch;
        scratch += (n + 15) & ~15;
        return p;
    }

    long str(String s) throws ErrnoException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        long p = alloc(b.length + 1);
        mem.write(p, Arrays.copyOf(b, b.length + 1));
        return p;
    }

    long bytes(String s) throws ErrnoException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        long p = alloc(b.length);
        mem.write(p, b);
        return p;
    }

    String read(long p, int n) throws ErrnoException {
        return new String(mem.read(p, n), StandardCharsets.UTF_8);
    }

    static long err(Errno e) { return e.negative(); }

    @Test
    void allHandlersAreRegistered() {
        for (String n : new String[] {"read", "write", "readv", "writev", "pread64", "pwrite64", "openat", "close",
                "lseek", "fstat", "newfstatat", "statx", "getdents64", "readlinkat", "faccessat", "faccessat2", "getcwd",
                "chdir", "fchdir", "mkdirat", "unlinkat", "renameat2", "symlinkat", "linkat", "ftruncate", "fsync",
                "fdatasync", "fcntl", "dup", "dup3", "ioctl", "umask"}) {
            assertTrue(table.get(SyscallNames.number(n)).handler() != null, n);
        }
    }

    @Test
    void openWriteSeekRead() throws Exception {
        int fd = (int) sys("openat", AT_FDCWD, str("f"), Fcntl.O_CREAT | Fcntl.O_RDWR | Fcntl.O_CLOEXEC, 0644);
        assertEquals(0, fd);
        assertEquals(Fcntl.FD_CLOEXEC, sys("fcntl", fd, Fcntl.F_GETFD));
        assertEquals(11, sys("write", fd, bytes("hello world"), 11));
        assertEquals(6, sys("lseek", fd, 6, Fcntl.SEEK_SET));
        long buf = alloc(32);
        assertEquals(5, sys("read", fd, buf, 32));
        assertEquals("world", read(buf, 5));
        assertEquals(0, sys("read", fd, buf, 32));
        assertEquals(5, sys("pread64", fd, buf, 5, 0));
        assertEquals("hello", read(buf, 5));
        assertEquals(err(Errno.EINVAL), sys("pread64", fd, buf, 5, -1));
        assertEquals(err(Errno.EINVAL), sys("pwrite64", fd, buf, 5, -1));
        assertEquals(2, sys("pwrite64", fd, bytes("HE"), 2, 0));
        assertEquals("HEllo world", Files.readString(tmp.resolve("f")));
        assertEquals(0, sys("close", fd));
        assertEquals(err(Errno.EBADF), sys("close", fd));
        assertEquals(err(Errno.EBADF), sys("read", fd, buf, 1));
    }

    @Test
    void badPointersAreEfault() throws Exception {
        Files.writeString(tmp.resolve("f"), "data");
        int fd = (int) sys("openat", AT_FDCWD, str("f"), Fcntl.O_RDWR, 0);
        assertEquals(err(Errno.EFAULT), sys("read", fd, 0x10, 4));
        assertEquals(err(Errno.EFAULT), sys("write", fd, 0x10, 4));
        assertEquals(err(Errno.EFAULT), sys("openat", AT_FDCWD, 0x10, 0, 0));
        assertEquals(err(Errno.EFAULT), sys("fstat", fd, 0x10));
    }

    @Test
    void vectorIo() throws Exception {
        int fd = (int) sys("openat", AT_FDCWD, str("v"), Fcntl.O_CREAT | Fcntl.O_RDWR, 0644);
        long iov = alloc(48);
        long a = bytes("abc"), b = bytes("defgh"), c = bytes("ij");
        mem.write64(iov, a); mem.write64(iov + 8, 3);
        mem.write64(iov + 16, b); mem.write64(iov + 24, 5);
        mem.write64(iov + 32, c); mem.write64(iov + 40, 2);
        assertEquals(10, sys("writev", fd, iov, 3));
        assertEquals("abcdefghij", Files.readString(tmp.resolve("v")));
        sys("lseek", fd, 0, Fcntl.SEEK_SET);
        long r1 = alloc(4), r2 = alloc(4);
        mem.write64(iov, r1); mem.write64(iov + 8, 4);
        mem.write64(iov + 16, r2); mem.write64(iov + 24, 4);
        assertEquals(8, sys("readv", fd, iov, 2));
        assertEquals("abcd", read(r1, 4));
        assertEquals("efgh", read(r2, 4));
        assertEquals(0, sys("readv", fd, iov, 0));
        assertEquals(err(Errno.EINVAL), sys("readv", fd, iov, 1025));
        assertEquals(err(Errno.EINVAL), sys("writev", fd, iov, -1));
        mem.write64(iov + 8, -1);
        assertEquals(err(Errno.EINVAL), sys("writev", fd, iov, 1));
    }

    @Test
    void statFamily() throws Exception {
        Files.write(tmp.resolve("s"), new byte[1234]);
        Files.createSymbolicLink(tmp.resolve("ln"), Path.of("s"));
        long st = alloc(Stat.SIZE);
        assertEquals(0, sys("newfstatat", AT_FDCWD, str("s"), st, 0));
        assertEquals(1234, mem.read64(st + Stat.SIZE_));
        assertEquals(Fcntl.S_IFREG, mem.read32(st + Stat.MODE) & Fcntl.S_IFMT);
        assertEquals((long) Files.getAttribute(tmp.resolve("s"), "unix:ino"), mem.read64(st + Stat.INO));
        assertEquals(0, sys("newfstatat", AT_FDCWD, str("ln"), st, Fcntl.AT_SYMLINK_NOFOLLOW));
        assertEquals(Fcntl.S_IFLNK, mem.read32(st + Stat.MODE) & Fcntl.S_IFMT);
        assertEquals(err(Errno.ENOENT), sys("newfstatat", AT_FDCWD, str(""), st, 0));
        assertEquals(err(Errno.EINVAL), sys("newfstatat", AT_FDCWD, str("s"), st, 0x4));
        int fd = (int) sys("openat", AT_FDCWD, str("s"), Fcntl.O_RDONLY, 0);
        assertEquals(0, sys("newfstatat", fd, str(""), st, Fcntl.AT_EMPTY_PATH));
        assertEquals(1234, mem.read64(st + Stat.SIZE_));
        assertEquals(0, sys("fstat", fd, st));
        assertEquals(1234, mem.read64(st + Stat.SIZE_));
        assertEquals(0, sys("newfstatat", AT_FDCWD, str(""), st, Fcntl.AT_EMPTY_PATH));
        assertEquals(Fcntl.S_IFDIR, mem.read32(st + Stat.MODE) & Fcntl.S_IFMT, "empty path with AT_FDCWD is the cwd");
        long sx = alloc(Statx.SIZE);
        assertEquals(0, sys("statx", AT_FDCWD, str("s"), 0, Statx.STATX_BASIC_STATS, sx));
        assertEquals(1234, mem.read64(sx + Statx.SIZE_));
        assertEquals(err(Errno.EINVAL), sys("statx", AT_FDCWD, str("s"), 0, Statx.STATX__RESERVED, sx));
        assertEquals(err(Errno.EINVAL), sys("statx", AT_FDCWD, str("s"), Fcntl.AT_STATX_SYNC_TYPE, 0x7ff, sx));
        assertEquals(err(Errno.EBADF), sys("fstat", 99, st));
    }

    @Test
    void pathLimits() throws Exception {
        long st = alloc(Stat.SIZE);
        // 4095 bytes plus the NUL fit in PATH_MAX; one more is ENAMETOOLONG.
        assertEquals(0, sys("newfstatat", AT_FDCWD, str("/".repeat(4095)), st, 0));
        assertEquals(err(Errno.ENAMETOOLONG), sys("newfstatat", AT_FDCWD, str("/".repeat(4096)), st, 0));
    }

    @Test
    void cwdCalls() throws Exception {
        Files.createDirectories(tmp.resolve("sub"));
        String real = tmp.toRealPath().toString();
        long buf = alloc(4096);
        assertEquals(real.length() + 1, sys("getcwd", buf, 4096));
        assertEquals(real + "\0", read(buf, real.length() + 1));
        assertEquals(err(Errno.ERANGE), sys("getcwd", buf, real.length()));
        assertEquals(err(Errno.ERANGE), sys("getcwd", 0, 0));
        int d = (int) sys("openat", AT_FDCWD, str("sub"), Fcntl.O_RDONLY | Fcntl.O_DIRECTORY, 0);
        assertEquals(0, sys("fchdir", d));
        assertEquals(real.length() + 5, sys("getcwd", buf, 4096));
        assertEquals(0, sys("chdir", str("..")));
        assertEquals(err(Errno.ENOENT), sys("chdir", str("")));
        assertEquals(err(Errno.ENOTDIR), sys("chdir", str("/dev/null")));
        assertEquals(022, sys("umask", 077));
        assertEquals(077, sys("umask", 022));
    }

    @Test
    void directoryEntries() throws Exception {
        Files.writeString(tmp.resolve("one"), "");
        Files.writeString(tmp.resolve("two"), "");
        int d = (int) sys("openat", AT_FDCWD, str("."), Fcntl.O_RDONLY | Fcntl.O_DIRECTORY, 0);
        long buf = alloc(4096);
        assertEquals(err(Errno.EISDIR), sys("read", d, buf, 16));
        assertEquals(err(Errno.EINVAL), sys("getdents64", d, buf, 1), "no room for one entry");
        long n = sys("getdents64", d, buf, 4096);
        assertTrue(n > 0);
        String names = new String(mem.read(buf, (int) n), StandardCharsets.ISO_8859_1);
        assertTrue(names.contains("one\0") && names.contains("two\0"), names);
        assertEquals(0, sys("getdents64", d, buf, 4096));
        assertEquals(0, sys("getdents64", d, buf, 1), "at the end Linux answers 0 before looking at the size");
        int f = (int) sys("openat", AT_FDCWD, str("one"), Fcntl.O_RDONLY, 0);
        assertEquals(err(Errno.ENOTDIR), sys("getdents64", f, buf, 4096));
    }

    @Test
    void namespaceCalls() throws Exception {
        assertEquals(0, sys("mkdirat", AT_FDCWD, str("d"), 0755));
        assertEquals(err(Errno.EEXIST), sys("mkdirat", AT_FDCWD, str("d"), 0755));
        Files.writeString(tmp.resolve("d/f"), "x");
        assertEquals(err(Errno.ENOTEMPTY), sys("unlinkat", AT_FDCWD, str("d"), Fcntl.AT_REMOVEDIR));
        assertEquals(err(Errno.EINVAL), sys("unlinkat", AT_FDCWD, str("d"), 0x1));
        assertEquals(0, sys("symlinkat", str("d/f"), AT_FDCWD, str("l")));
        long buf = alloc(64);
        assertEquals(3, sys("readlinkat", AT_FDCWD, str("l"), buf, 64));
        assertEquals("d/f", read(buf, 3));
        assertEquals(2, sys("readlinkat", AT_FDCWD, str("l"), buf, 2), "silently truncated");
        assertEquals(err(Errno.EINVAL), sys("readlinkat", AT_FDCWD, str("l"), buf, 0));
        assertEquals(0, sys("linkat", AT_FDCWD, str("d/f"), AT_FDCWD, str("hard"), 0));
        assertEquals(err(Errno.EINVAL), sys("linkat", AT_FDCWD, str("d/f"), AT_FDCWD, str("h2"), 0x1));
        assertEquals(0, sys("renameat2", AT_FDCWD, str("hard"), AT_FDCWD, str("moved"), 0));
        assertEquals(err(Errno.EEXIST), sys("renameat2", AT_FDCWD, str("moved"), AT_FDCWD, str("l"),
                Fcntl.RENAME_NOREPLACE));
        assertEquals(err(Errno.EINVAL), sys("renameat2", AT_FDCWD, str("moved"), AT_FDCWD, str("l"),
                Fcntl.RENAME_NOREPLACE | Fcntl.RENAME_EXCHANGE));
        assertEquals(0, sys("unlinkat", AT_FDCWD, str("moved"), 0));
        assertEquals(0, sys("faccessat", AT_FDCWD, str("d/f"), Fcntl.R_OK));
        assertEquals(err(Errno.ENOENT), sys("faccessat", AT_FDCWD, str("moved"), Fcntl.F_OK));
        assertEquals(err(Errno.EINVAL), sys("faccessat", AT_FDCWD, str("d/f"), 8));
        assertEquals(err(Errno.EINVAL), sys("faccessat2", AT_FDCWD, str("d/f"), 0, 0x1));
        assertEquals(0, sys("faccessat2", AT_FDCWD, str("l"), 0, Fcntl.AT_SYMLINK_NOFOLLOW | Fcntl.AT_EACCESS));
    }

    @Test
    void readlinkOfProcSelfExeIsTheGuestImage() throws Exception {
        task.process.exePath = "/usr/bin/guest-prog";
        long buf = alloc(64);
        assertEquals(19, sys("readlinkat", AT_FDCWD, str("/proc/self/exe"), buf, 64));
        assertEquals("/usr/bin/guest-prog", read(buf, 19));
    }

    @Test
    void dupAndFcntl() throws Exception {
        int fd = (int) sys("openat", AT_FDCWD, str("f"), Fcntl.O_CREAT | Fcntl.O_WRONLY, 0644);
        assertEquals(1, sys("dup", fd));
        assertEquals(err(Errno.EINVAL), sys("dup3", fd, fd, 0));
        assertEquals(err(Errno.EINVAL), sys("dup3", fd, 5, Fcntl.O_NONBLOCK));
        assertEquals(err(Errno.EBADF), sys("dup3", 42, 5, 0));
        assertEquals(err(Errno.EBADF), sys("dup3", fd, 1024, 0));
        assertEquals(5, sys("dup3", fd, 5, Fcntl.O_CLOEXEC));
        assertEquals(Fcntl.FD_CLOEXEC, sys("fcntl", 5, Fcntl.F_GETFD));
        assertEquals(0, sys("fcntl", 5, Fcntl.F_SETFD, 0));
        assertEquals(0, sys("fcntl", 5, Fcntl.F_GETFD));
        assertEquals(10, sys("fcntl", fd, Fcntl.F_DUPFD, 10));
        assertEquals(11, sys("fcntl", fd, Fcntl.F_DUPFD_CLOEXEC, 10));
        assertEquals(Fcntl.FD_CLOEXEC, sys("fcntl", 11, Fcntl.F_GETFD));
        assertEquals(err(Errno.EINVAL), sys("fcntl", fd, Fcntl.F_DUPFD, 1024));
        assertEquals(err(Errno.EINVAL), sys("fcntl", fd, Fcntl.F_DUPFD, -1));
        assertEquals(Fcntl.O_WRONLY | Fcntl.O_LARGEFILE, sys("fcntl", fd, Fcntl.F_GETFL));
        assertEquals(0, sys("fcntl", fd, Fcntl.F_SETFL, Fcntl.O_APPEND));
        assertEquals(Fcntl.O_WRONLY | Fcntl.O_LARGEFILE | Fcntl.O_APPEND, sys("fcntl", 1, Fcntl.F_GETFL),
                "status flags are shared by dup");
        assertEquals(err(Errno.EINVAL), sys("fcntl", fd, 1234));
        assertEquals(err(Errno.EBADF), sys("fcntl", 77, Fcntl.F_GETFD));
    }

    @Test
    void ioctls() throws Exception {
        int fd = (int) sys("openat", AT_FDCWD, str("f"), Fcntl.O_CREAT | Fcntl.O_RDWR, 0644);
        long buf = alloc(64);
        assertEquals(err(Errno.ENOTTY), sys("ioctl", fd, Termios.TCGETS, buf));
        assertEquals(err(Errno.ENOTTY), sys("ioctl", fd, Termios.TIOCGWINSZ, buf));
        assertEquals(0, sys("ioctl", fd, SysFcntl.FIOCLEX, 0));
        assertEquals(Fcntl.FD_CLOEXEC, sys("fcntl", fd, Fcntl.F_GETFD));
        mem.write32(buf, 1);
        assertEquals(0, sys("ioctl", fd, SysFcntl.FIONBIO, buf));
        assertEquals(Fcntl.O_NONBLOCK, sys("fcntl", fd, Fcntl.F_GETFL) & Fcntl.O_NONBLOCK);
        assertEquals(err(Errno.EBADF), sys("ioctl", 99, Termios.TCGETS, buf));
        assertEquals(0, sys("ioctl", fd, SysFcntl.FIONCLEX, 0));
        assertEquals(0, sys("fcntl", fd, Fcntl.F_GETFD));
        assertEquals(err(Errno.ENOTTY), sys("ioctl", fd, Termios.TCSETS, buf));
        assertEquals(err(Errno.ENOTTY), sys("ioctl", fd, 0x540F /* TIOCGPGRP */, buf));
        // FIONREAD on a regular file: size minus offset.
        sys("write", fd, bytes("0123456789"), 10);
        sys("lseek", fd, 3, Fcntl.SEEK_SET);
        assertEquals(0, sys("ioctl", fd, Termios.FIONREAD, buf));
        assertEquals(7, mem.read32(buf));
    }

    @Test
    void terminalQueriesPassThroughToAHostTerminal() throws Exception {
        // A pty master is a terminal: TCGETS fills the kernel termios, TIOCGWINSZ the winsize.
        int fd = (int) sys("openat", AT_FDCWD, str("/dev/ptmx"), Fcntl.O_RDWR | Fcntl.O_NOCTTY, 0);
        assertTrue(fd >= 0, "open /dev/ptmx: " + fd);
        long buf = alloc(64);
        mem.write(buf, new byte[64]);
        mem.write64(buf + 40, 0x5555_5555_5555_5555L);
        assertEquals(0, sys("ioctl", fd, Termios.TCGETS, buf));
        int cflag = mem.read32(buf + 8);
        assertTrue((cflag & 0x30) != 0, "c_cflag has a character size (CS5..CS8): " + Integer.toHexString(cflag));
        assertEquals(0x5555_5555_5555_5555L, mem.read64(buf + 40), "nothing past the 36-byte termios is written");
        assertEquals(0, sys("ioctl", fd, Termios.TIOCGWINSZ, buf));
        assertEquals(err(Errno.EFAULT), sys("ioctl", fd, Termios.TCGETS, 16));
        // Set a window size and a termios change, and read them back.
        mem.write16(buf, (short) 33); mem.write16(buf + 2, (short) 111);
        assertEquals(0, sys("ioctl", fd, Termios.TIOCSWINSZ, buf));
        mem.write32(buf, 0);
        assertEquals(0, sys("ioctl", fd, Termios.TIOCGWINSZ, buf));
        assertEquals(33, mem.read16(buf));
        assertEquals(111, mem.read16(buf + 2));
        assertEquals(0, sys("ioctl", fd, Termios.TCGETS, buf));
        int lflag = mem.read32(buf + 12);
        mem.write32(buf + 12, lflag ^ 0x8 /* ECHO */);
        assertEquals(0, sys("ioctl", fd, Termios.TCSETSW, buf));
        mem.write32(buf + 12, 0);
        assertEquals(0, sys("ioctl", fd, Termios.TCGETS, buf));
        assertEquals(lflag ^ 0x8, mem.read32(buf + 12));
        assertEquals(err(Errno.EFAULT), sys("ioctl", fd, Termios.TCSETS, 16));
    }

    @Test
    void buffersThatFaultPartWayMoveTheBytesBeforeTheFault() throws Exception {
        // A page followed by an unmapped one: the last 4 bytes of the mapping, then nothing.
        long two = mem.mmap(0, 2 * 4096, AddressSpace.PROT_READ | AddressSpace.PROT_WRITE,
                Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS);
        mem.munmap(two + 4096, 4096);
        long edge = two + 4096 - 4;
        mem.write(edge, "WXYZ".getBytes());
        int fd = (int) sys("openat", AT_FDCWD, str("p"), Fcntl.O_CREAT | Fcntl.O_RDWR, 0644);
        assertEquals(4, sys("write", fd, edge, 100), "write stops at the fault");
        long iov = alloc(32);
        mem.write64(iov, bytes("ab")); mem.write64(iov + 8, 2);
        mem.write64(iov + 16, 16); mem.write64(iov + 24, 5);
        assertEquals(2, sys("writev", fd, iov, 2), "the good iovec is written, the bad one ends the call");
        assertEquals("WXYZab", Files.readString(tmp.resolve("p")));
        assertEquals(err(Errno.EFAULT), sys("write", fd, 16, 5));
        sys("lseek", fd, 0, Fcntl.SEEK_SET);
        assertEquals(4, sys("read", fd, edge, 100), "read fills up to the fault");
        assertEquals(4, sys("lseek", fd, 0, Fcntl.SEEK_CUR), "and the offset moves only by what was copied");
        assertEquals(err(Errno.EFAULT), sys("read", fd, 16, 5));
        assertEquals(4, sys("lseek", fd, 0, Fcntl.SEEK_CUR));
    }

    @Test
    void bigTransfersCrossTheChunkSize() throws Exception {
        int size = 3 * FileIo.CHUNK + 123;
        long buf = mem.mmap(0, size, AddressSpace.PROT_READ | AddressSpace.PROT_WRITE,
                Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS);
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) data[i] = (byte) (i * 31 + 7);
        mem.write(buf, data);
        int fd = (int) sys("openat", AT_FDCWD, str("big"), Fcntl.O_CREAT | Fcntl.O_RDWR, 0644);
        assertEquals(size, sys("write", fd, buf, size));
        mem.zero(buf, size);
        assertEquals(size - 5, sys("pread64", fd, buf, size, 5));
        assertTrue(Arrays.equals(Arrays.copyOfRange(data, 5, size), mem.read(buf, size - 5)));
        sys("lseek", fd, 0, Fcntl.SEEK_SET);
        assertEquals(size, sys("read", fd, buf, size + 1000L));
        assertTrue(Arrays.equals(data, mem.read(buf, size)));
    }

    @Test
    void truncateAndSync() throws Exception {
        Files.writeString(tmp.resolve("t"), "0123456789");
        int fd = (int) sys("openat", AT_FDCWD, str("t"), Fcntl.O_RDWR, 0);
        assertEquals(0, sys("ftruncate", fd, 4));
        assertEquals("0123", Files.readString(tmp.resolve("t")));
        assertEquals(err(Errno.EINVAL), sys("ftruncate", fd, -1));
        assertEquals(0, sys("fsync", fd));
        assertEquals(0, sys("fdatasync", fd));
        int ro = (int) sys("openat", AT_FDCWD, str("t"), Fcntl.O_RDONLY, 0);
        assertEquals(err(Errno.EINVAL), sys("ftruncate", ro, 0));
    }

    @Test
    void createModeHonoursUmaskAndOpenNeedsAFreeFd() throws Exception {
        sys("umask", 0);
        assertEquals(0, sys("openat", AT_FDCWD, str("m"), Fcntl.O_CREAT | Fcntl.O_WRONLY, 0666));
        assertEquals(0666, (int) Files.getAttribute(tmp.resolve("m"), "unix:mode") & 0777);
        task.process.fds.setLimit(1);
        assertEquals(err(Errno.EMFILE), sys("openat", AT_FDCWD, str("never"), Fcntl.O_CREAT | Fcntl.O_WRONLY, 0644));
        assertTrue(!Files.exists(tmp.resolve("never")), "EMFILE comes before O_CREAT's side effect");
    }

    @Test
    void attributes() throws Exception {
        Files.writeString(tmp.resolve("a"), "0123456789");
        Path a = tmp.resolve("a");
        assertEquals(0, sys("fchmodat", AT_FDCWD, str("a"), 0604));
        assertEquals(0604, (int) Files.getAttribute(a, "unix:mode") & 07777);
        int fd = (int) sys("openat", AT_FDCWD, str("a"), Fcntl.O_RDWR, 0);
        assertEquals(0, sys("fchmod", fd, 0640));
        assertEquals(0640, (int) Files.getAttribute(a, "unix:mode") & 07777);
        int uid = (int) Files.getAttribute(a, "unix:uid");
        assertEquals(0, sys("fchown", fd, -1, -1));
        assertEquals(0, sys("fchownat", AT_FDCWD, str("a"), uid, -1, Fcntl.AT_SYMLINK_NOFOLLOW));
        assertEquals(err(Errno.EINVAL), sys("fchownat", AT_FDCWD, str("a"), uid, -1, 0x2));
        // utimensat: explicit times, UTIME_OMIT, and the NULL-path form on an fd.
        long times = alloc(32);
        mem.write64(times, 1_000_000_000L); mem.write64(times + 8, 5);
        mem.write64(times + 16, 1_100_000_000L); mem.write64(times + 24, 7);
        assertEquals(0, sys("utimensat", AT_FDCWD, str("a"), times, 0));
        assertEquals(1_100_000_000L * 1_000_000_000L + 7,
                Files.getLastModifiedTime(a).to(java.util.concurrent.TimeUnit.NANOSECONDS));
        mem.write64(times + 8, (1 << 30) - 2);  // UTIME_OMIT for atime
        mem.write64(times + 16, 1_200_000_000L); mem.write64(times + 24, 0);
        assertEquals(0, sys("utimensat", fd, 0, times, 0));
        assertEquals(1_200_000_000L, Files.getLastModifiedTime(a).to(java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(err(Errno.EINVAL), sys("utimensat", fd, 0, times, Fcntl.AT_SYMLINK_NOFOLLOW));
        mem.write64(times + 24, 2_000_000_000L);
        assertEquals(err(Errno.EINVAL), sys("utimensat", AT_FDCWD, str("a"), times, 0), "nanoseconds out of range");
        // truncate by path, statfs.
        assertEquals(0, sys("truncate", str("a"), 3));
        assertEquals(3, Files.size(a));
        assertEquals(err(Errno.EINVAL), sys("truncate", str("a"), -1));
        assertEquals(err(Errno.EISDIR), sys("truncate", str("."), 0));
        long sfs = alloc(120);
        assertEquals(0, sys("statfs", str("a"), sfs));
        long bsize = mem.read64(sfs + 8);
        assertTrue(bsize > 0, "f_bsize " + bsize);
        long type = mem.read64(sfs);
        assertEquals(0, sys("fstatfs", fd, sfs));
        assertEquals(type, mem.read64(sfs), "statfs and fstatfs agree on f_type");
        assertEquals(err(Errno.ENOENT), sys("statfs", str("missing"), sfs));
        // mknodat: a FIFO, mode masked by the umask.
        sys("umask", 022);
        assertEquals(0, sys("mknodat", AT_FDCWD, str("fifo"), 0010666, 0));
        assertEquals(0010644, (int) Files.getAttribute(tmp.resolve("fifo"), "unix:mode"));
    }

    @Test
    void positionalVectorsSyncLocksAndCloseRange() throws Exception {
        int fd = (int) sys("openat", AT_FDCWD, str("pv"), Fcntl.O_CREAT | Fcntl.O_RDWR, 0644);
        long iov = alloc(32);
        mem.write64(iov, bytes("abc")); mem.write64(iov + 8, 3);
        mem.write64(iov + 16, bytes("de")); mem.write64(iov + 24, 2);
        assertEquals(5, sys("pwritev", fd, iov, 2, 10));
        assertEquals(0, sys("lseek", fd, 0, Fcntl.SEEK_CUR), "pwritev leaves the offset alone");
        assertEquals(err(Errno.EINVAL), sys("pwritev", fd, iov, 2, -1));
        assertEquals(5, sys("pwritev2", fd, iov, 2, -1, 0, SysFile.RWF_DSYNC), "offset -1: the file offset");
        assertEquals(5, sys("lseek", fd, 0, Fcntl.SEEK_CUR));
        assertEquals(err(Errno.EOPNOTSUPP), sys("pwritev2", fd, iov, 2, 0, 0, 0x8 /* RWF_NOWAIT */));
        long r = alloc(8);
        mem.write64(iov, r); mem.write64(iov + 8, 5);
        assertEquals(5, sys("preadv", fd, iov, 1, 10));
        assertEquals("abcde", read(r, 5));
        assertEquals(3, sys("preadv2", fd, iov, 1, 12, 0, 0));
        assertEquals("cde", read(r, 3));
        assertEquals(0, sys("sync"));
        assertEquals(0, sys("syncfs", fd));
        assertEquals(0, sys("flock", fd, 2 /* LOCK_EX */));
        // A second open is a second description: its non-blocking lock attempt conflicts.
        int other = (int) sys("openat", AT_FDCWD, str("pv"), Fcntl.O_RDONLY, 0);
        assertEquals(err(Errno.EAGAIN), sys("flock", other, 2 | 4 /* LOCK_EX|LOCK_NB */));
        assertEquals(0, sys("flock", fd, 8 /* LOCK_UN */));
        assertEquals(0, sys("flock", other, 1 | 4));
        assertEquals(err(Errno.EINVAL), sys("flock", other, 0));
        // close_range: CLOEXEC marks, then closes; holes are fine.
        assertEquals(10, sys("dup3", fd, 10, 0));
        assertEquals(0, sys("close_range", 1, 10, SysFile.CLOSE_RANGE_CLOEXEC));
        assertEquals(Fcntl.FD_CLOEXEC, sys("fcntl", 10, Fcntl.F_GETFD));
        assertEquals(0, sys("fcntl", fd, Fcntl.F_GETFD), "fd 0 is outside the range");
        assertEquals(0, sys("close_range", 1, 0xffffffffL, 0));
        assertEquals(err(Errno.EBADF), sys("fcntl", 10, Fcntl.F_GETFD));
        assertEquals(err(Errno.EBADF), sys("fcntl", other, Fcntl.F_GETFD));
        assertEquals(0, sys("fcntl", fd, Fcntl.F_GETFD));
        assertEquals(err(Errno.EINVAL), sys("close_range", 5, 4, 0));
        assertEquals(err(Errno.EINVAL), sys("close_range", 0, 4, 1));
    }

    @Test
    void writingToAPipeWithoutReadersIsEpipeAndSigpipe() throws Exception {
        assertEquals(0, sys("mknodat", AT_FDCWD, str("fifo"), 0010600, 0));
        int r = (int) sys("openat", AT_FDCWD, str("fifo"), Fcntl.O_RDONLY | Fcntl.O_NONBLOCK, 0);
        int w = (int) sys("openat", AT_FDCWD, str("fifo"), Fcntl.O_WRONLY, 0);
        assertEquals(2, sys("write", w, bytes("hi"), 2));
        assertEquals(0, sys("close", r));
        // SIGPIPE ignored: just EPIPE.
        task.process.setAction(dev.rivet.abi.Signal.SIGPIPE,
                new dev.rivet.kernel.SigAction(dev.rivet.kernel.SigAction.SIG_IGN, 0, 0));
        assertEquals(err(Errno.EPIPE), sys("write", w, bytes("x"), 1));
        // Default action: EPIPE, and the process is dying of SIGPIPE (its threads stop at their next boundary).
        task.process.setAction(dev.rivet.abi.Signal.SIGPIPE, dev.rivet.kernel.SigAction.DEFAULT);
        assertEquals(err(Errno.EPIPE), sys("write", w, bytes("x"), 1));
        assertEquals(dev.rivet.abi.Signal.SIGPIPE, task.process.exitStatus().signal());
    }

    @Test
    void recordLocks() throws Exception {
        int a = (int) sys("openat", AT_FDCWD, str("lk"), Fcntl.O_CREAT | Fcntl.O_RDWR, 0644);
        int b = (int) sys("openat", AT_FDCWD, str("lk"), Fcntl.O_RDWR, 0);
        long fl = alloc(Fcntl.FLOCK_SIZE);
        // struct flock: l_type, l_whence (shorts), l_start, l_len, l_pid.
        mem.write16(fl, Fcntl.F_WRLCK); mem.write16(fl + 2, (short) Fcntl.SEEK_SET);
        mem.write64(fl + 8, 0); mem.write64(fl + 16, 10); mem.write32(fl + 24, 12345);
        assertEquals(0, sys("fcntl", a, Fcntl.F_SETLK, fl));
        assertEquals(err(Errno.EAGAIN), sys("fcntl", b, Fcntl.F_SETLK, fl));
        mem.write16(fl, Fcntl.F_RDLCK);
        assertEquals(0, sys("fcntl", b, Fcntl.F_GETLK, fl));
        assertEquals(Fcntl.F_WRLCK, mem.read16(fl), "the conflicting lock is reported");
        assertEquals(10, mem.read64(fl + 16));
        mem.write16(fl, Fcntl.F_UNLCK); mem.write64(fl + 8, 0); mem.write64(fl + 16, 10);
        assertEquals(0, sys("fcntl", a, Fcntl.F_SETLK, fl));
        mem.write16(fl, Fcntl.F_WRLCK);
        assertEquals(0, sys("fcntl", b, Fcntl.F_GETLK, fl));
        assertEquals(Fcntl.F_UNLCK, mem.read16(fl), "no conflict left");
        mem.write16(fl, Fcntl.F_WRLCK);
        assertEquals(0, sys("fcntl", b, Fcntl.F_SETLKW, fl));
        mem.write32(fl + 24, 1);
        assertEquals(err(Errno.EINVAL), sys("fcntl", b, Fcntl.F_OFD_SETLK, fl), "OFD locks want l_pid 0");
        assertEquals(err(Errno.EFAULT), sys("fcntl", b, Fcntl.F_SETLK, 16));
        int ro = (int) sys("openat", AT_FDCWD, str("lk"), Fcntl.O_RDONLY, 0);
        mem.write32(fl + 24, 0);
        mem.write16(fl, Fcntl.F_WRLCK);
        assertEquals(err(Errno.EBADF), sys("fcntl", ro, Fcntl.F_SETLK, fl), "a write lock needs a writable fd");
    }

    @Test
    void pipes() throws Exception {
        long pfd = alloc(8);
        assertEquals(0, sys("pipe2", pfd, Fcntl.O_NONBLOCK | Fcntl.O_CLOEXEC));
        int r = mem.read32(pfd), w = mem.read32(pfd + 4);
        assertEquals(0, r);
        assertEquals(1, w);
        assertEquals(Fcntl.FD_CLOEXEC, sys("fcntl", r, Fcntl.F_GETFD));
        assertEquals(Fcntl.O_RDONLY | Fcntl.O_NONBLOCK, sys("fcntl", r, Fcntl.F_GETFL));
        assertEquals(Fcntl.O_WRONLY | Fcntl.O_NONBLOCK, sys("fcntl", w, Fcntl.F_GETFL));
        long buf = alloc(16);
        assertEquals(err(Errno.EAGAIN), sys("read", r, buf, 16), "empty non-blocking pipe");
        assertEquals(5, sys("write", w, bytes("hello"), 5));
        assertEquals(0, sys("ioctl", r, Termios.FIONREAD, buf));
        assertEquals(5, mem.read32(buf));
        assertEquals(5, sys("read", r, buf, 16), "a pipe read returns what is there");
        assertEquals("hello", read(buf, 5));
        assertEquals(err(Errno.ESPIPE), sys("lseek", r, 0, Fcntl.SEEK_CUR));
        assertEquals(err(Errno.ESPIPE), sys("pread64", r, buf, 1, 0));
        long st = alloc(Stat.SIZE);
        assertEquals(0, sys("fstat", r, st));
        assertEquals(0010000, mem.read32(st + Stat.MODE) & Fcntl.S_IFMT, "S_IFIFO");
        assertEquals(0, sys("close", w));
        assertEquals(0, sys("read", r, buf, 16), "end of file once the writer is gone");
        assertEquals(err(Errno.EINVAL), sys("pipe2", pfd, Fcntl.O_APPEND));
        assertEquals(err(Errno.EFAULT), sys("pipe2", 16, 0));
        assertEquals(1, sys("dup", r), "a failed pipe2 leaves no fds behind");
    }
}
