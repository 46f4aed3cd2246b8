package dev.rivet.fs;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Fcntl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static dev.rivet.abi.Fcntl.AT_FDCWD;
import static dev.rivet.abi.Fcntl.O_CREAT;
import static dev.rivet.abi.Fcntl.O_DIRECTORY;
import static dev.rivet.abi.Fcntl.O_EXCL;
import static dev.rivet.abi.Fcntl.O_RDONLY;
import static dev.rivet.abi.Fcntl.O_RDWR;
import static dev.rivet.abi.Fcntl.O_WRONLY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Path resolution and the path operations against a real host directory. */
class VfsTest {
    @TempDir Path tmp;
    Vfs vfs;
    FsContext ctx;
    FdTable fds;

    static byte[] b(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    static Errno errno(Executable e) {
        return assertThrows(ErrnoException.class, e::run).errno;
    }

    interface Executable { void run() throws Exception; }

    @BeforeEach
    void setUp() throws Exception {
        vfs = Vfs.hostRoot();
        ctx = new FsContext(vfs, vfs.hostCwd(), 022);
        fds = new FdTable();
        vfs.chdir(ctx, fds, b(tmp.toString()));
    }

    @AfterEach
    void tearDown() {
        fds.closeAll();
        ctx.release();
    }

    private String cwd() throws ErrnoException {
        return new String(vfs.cwdPath(ctx), StandardCharsets.UTF_8);
    }

    @Test
    void relativePathsResolveAgainstTheCwdAndDotDotGoesUp() throws Exception {
        Files.createDirectories(tmp.resolve("a/b"));
        Files.writeString(tmp.resolve("top.txt"), "top");
        vfs.chdir(ctx, fds, b("a/b"));
        assertEquals(tmp.resolve("a/b").toRealPath().toString(), cwd());
        try (OpenFile f = vfs.open(ctx, fds, AT_FDCWD, b("../../top.txt"), O_RDONLY, 0)) {
            byte[] buf = new byte[10];
            assertEquals(3, f.read(buf, 0, 10));
            assertEquals("top", new String(buf, 0, 3));
        }
        vfs.chdir(ctx, fds, b(".."));
        assertEquals(tmp.resolve("a").toRealPath().toString(), cwd());
    }

    @Test
    void dirfdAnchorsRelativePathsButNotAbsoluteOnes() throws Exception {
        Files.createDirectories(tmp.resolve("d"));
        Files.writeString(tmp.resolve("d/in.txt"), "inside");
        int dfd = fds.add(vfs.open(ctx, fds, AT_FDCWD, b("d"), O_RDONLY | O_DIRECTORY, 0), false);
        try (OpenFile f = vfs.open(ctx, fds, dfd, b("in.txt"), O_RDONLY, 0)) {
            assertEquals(6, f.read(new byte[16], 0, 16));
        }
        // An absolute path ignores the dirfd, even one that is not open.
        try (OpenFile f = vfs.open(ctx, fds, 999, b(tmp.resolve("d/in.txt").toString()), O_RDONLY, 0)) {
            assertEquals(6, f.read(new byte[16], 0, 16));
        }
        // A relative path with a closed dirfd is EBADF; with a file as dirfd, ENOTDIR.
        assertEquals(Errno.EBADF, errno(() -> vfs.open(ctx, fds, 999, b("in.txt"), O_RDONLY, 0)));
        int ffd = fds.add(vfs.open(ctx, fds, dfd, b("in.txt"), O_RDONLY, 0), false);
        assertEquals(Errno.ENOTDIR, errno(() -> vfs.open(ctx, fds, ffd, b("x"), O_RDONLY, 0)));
    }

    @Test
    void linuxErrors() throws Exception {
        Files.writeString(tmp.resolve("file"), "x");
        Files.createDirectories(tmp.resolve("dir/sub"));
        assertEquals(Errno.ENOENT, errno(() -> vfs.open(ctx, fds, AT_FDCWD, b("missing"), O_RDONLY, 0)));
        assertEquals(Errno.ENOENT, errno(() -> vfs.open(ctx, fds, AT_FDCWD, b(""), O_RDONLY, 0)));
        assertEquals(Errno.ENOTDIR, errno(() -> vfs.open(ctx, fds, AT_FDCWD, b("file/x"), O_RDONLY, 0)));
        assertEquals(Errno.ENOTDIR, errno(() -> vfs.open(ctx, fds, AT_FDCWD, b("file"), O_RDONLY | O_DIRECTORY, 0)));
        assertEquals(Errno.EISDIR, errno(() -> vfs.open(ctx, fds, AT_FDCWD, b("dir"), O_WRONLY, 0)));
        assertEquals(Errno.EEXIST, errno(() -> vfs.open(ctx, fds, AT_FDCWD, b("file"), O_CREAT | O_EXCL | O_WRONLY, 0644)));
        assertEquals(Errno.EEXIST, errno(() -> vfs.mkdir(ctx, fds, AT_FDCWD, b("dir"), 0755)));
        assertEquals(Errno.ENOTEMPTY, errno(() -> vfs.unlink(ctx, fds, AT_FDCWD, b("dir"), Fcntl.AT_REMOVEDIR)));
        assertEquals(Errno.EISDIR, errno(() -> vfs.unlink(ctx, fds, AT_FDCWD, b("dir"), 0)));
        assertEquals(Errno.ENOTDIR, errno(() -> vfs.unlink(ctx, fds, AT_FDCWD, b("file"), Fcntl.AT_REMOVEDIR)));
        assertEquals(Errno.ENOTDIR, errno(() -> vfs.chdir(ctx, fds, b("file"))));
        assertEquals(Errno.ENOENT, errno(() -> vfs.chdir(ctx, fds, b("nope"))));
        assertEquals(Errno.EEXIST, errno(() -> vfs.rename(ctx, fds, AT_FDCWD, b("file"), AT_FDCWD, b("dir"),
                Fcntl.RENAME_NOREPLACE)));
        assertEquals(Errno.ENOENT, errno(() -> vfs.symlink(ctx, fds, b(""), AT_FDCWD, b("l"))));
        assertEquals(Errno.EINVAL, errno(() -> vfs.readlink(ctx, fds, AT_FDCWD, b("file"))));
    }

    @Test
    void createdModesUseTheGuestUmaskOnly() throws Exception {
        ctx.setUmask(0);
        vfs.open(ctx, fds, AT_FDCWD, b("open"), O_CREAT | O_WRONLY, 0666).close();
        vfs.mkdir(ctx, fds, AT_FDCWD, b("openDir"), 0777);
        assertEquals("rw-rw-rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("open"))));
        assertEquals("rwxrwxrwx", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("openDir"))));
        ctx.setUmask(027);
        vfs.open(ctx, fds, AT_FDCWD, b("masked"), O_CREAT | O_WRONLY, 0666).close();
        vfs.mkdir(ctx, fds, AT_FDCWD, b("maskedDir"), 0777);
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("masked"))));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("maskedDir"))));
    }

    @Test
    void renameLinkSymlinkReadlinkUnlink() throws Exception {
        Files.writeString(tmp.resolve("f"), "data");
        vfs.rename(ctx, fds, AT_FDCWD, b("f"), AT_FDCWD, b("g"), 0);
        assertFalse(Files.exists(tmp.resolve("f")));
        vfs.link(ctx, fds, AT_FDCWD, b("g"), AT_FDCWD, b("h"), 0);
        assertEquals(2, (int) Files.getAttribute(tmp.resolve("g"), "unix:nlink"));
        vfs.symlink(ctx, fds, b("g"), AT_FDCWD, b("s"));
        assertArrayEquals(b("g"), vfs.readlink(ctx, fds, AT_FDCWD, b("s")));
        assertEquals(Errno.EEXIST, errno(() -> vfs.symlink(ctx, fds, b("x"), AT_FDCWD, b("s"))));
        vfs.unlink(ctx, fds, AT_FDCWD, b("h"), 0);
        vfs.unlink(ctx, fds, AT_FDCWD, b("s"), 0);
        assertFalse(Files.exists(tmp.resolve("h")));
        assertFalse(Files.exists(tmp.resolve("s"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        vfs.mkdir(ctx, fds, AT_FDCWD, b("e"), 0755);
        vfs.unlink(ctx, fds, AT_FDCWD, b("e"), Fcntl.AT_REMOVEDIR);
        assertFalse(Files.exists(tmp.resolve("e")));
    }

    @Test
    void exchangeSwapsTwoNames() throws Exception {
        Files.writeString(tmp.resolve("x"), "X");
        Files.writeString(tmp.resolve("y"), "Y");
        vfs.rename(ctx, fds, AT_FDCWD, b("x"), AT_FDCWD, b("y"), Fcntl.RENAME_EXCHANGE);
        assertEquals("Y", Files.readString(tmp.resolve("x")));
        assertEquals("X", Files.readString(tmp.resolve("y")));
    }

    @Test
    void accessChecksExistenceAndFlags() throws Exception {
        Files.writeString(tmp.resolve("f"), "x");
        vfs.access(ctx, fds, AT_FDCWD, b("f"), Fcntl.R_OK, 0);
        assertEquals(Errno.ENOENT, errno(() -> vfs.access(ctx, fds, AT_FDCWD, b("nope"), Fcntl.F_OK, 0)));
        int fd = fds.add(vfs.open(ctx, fds, AT_FDCWD, b("f"), O_RDONLY, 0), false);
        vfs.access(ctx, fds, fd, b(""), Fcntl.F_OK, Fcntl.AT_EMPTY_PATH);
        assertEquals(Errno.ENOENT, errno(() -> vfs.access(ctx, fds, fd, b(""), Fcntl.F_OK, 0)));
    }

    @Test
    void getcwdFollowsRenamesAndReportsRemovalAsEnoent() throws Exception {
        Files.createDirectories(tmp.resolve("old"));
        vfs.chdir(ctx, fds, b("old"));
        Files.move(tmp.resolve("old"), tmp.resolve("new"));
        assertEquals(tmp.resolve("new").toRealPath().toString(), cwd());
        Files.delete(tmp.resolve("new"));
        assertEquals(Errno.ENOENT, errno(this::cwd));
    }

    @Test
    void fchdirNeedsADirectory() throws Exception {
        Files.createDirectories(tmp.resolve("sub"));
        Files.writeString(tmp.resolve("file"), "x");
        int d = fds.add(vfs.open(ctx, fds, AT_FDCWD, b("sub"), O_RDONLY | O_DIRECTORY, 0), false);
        int f = fds.add(vfs.open(ctx, fds, AT_FDCWD, b("file"), O_RDWR, 0), false);
        assertEquals(Errno.ENOTDIR, errno(() -> vfs.fchdir(ctx, fds, f)));
        assertEquals(Errno.EBADF, errno(() -> vfs.fchdir(ctx, fds, 77)));
        vfs.fchdir(ctx, fds, d);
        fds.close(d);  // the cwd keeps its own reference
        assertEquals(tmp.resolve("sub").toRealPath().toString(), cwd());
        vfs.open(ctx, fds, AT_FDCWD, b("made"), O_CREAT | O_WRONLY, 0600).close();
        assertTrue(Files.exists(tmp.resolve("sub/made")));
    }

    @Test
    void statxFollowsOrNotAndEmptyPathNamesTheFd() throws Exception {
        Files.writeString(tmp.resolve("f"), "12345");
        Files.createSymbolicLink(tmp.resolve("l"), Path.of("f"));
        assertEquals(5, size(vfs.statx(ctx, fds, AT_FDCWD, b("l"), 0, 0x7ff)));
        assertEquals(1, size(vfs.statx(ctx, fds, AT_FDCWD, b("l"), Fcntl.AT_SYMLINK_NOFOLLOW, 0x7ff)));
        int fd = fds.add(vfs.open(ctx, fds, AT_FDCWD, b("f"), O_RDONLY, 0), false);
        assertEquals(5, size(vfs.statx(ctx, fds, fd, b(""), Fcntl.AT_EMPTY_PATH, 0x7ff)));
        assertEquals(Errno.ENOENT, errno(() -> vfs.statx(ctx, fds, fd, b(""), 0, 0x7ff)));
    }

    private static long size(byte[] statx) {
        return java.nio.ByteBuffer.wrap(statx).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong(dev.rivet.abi.Statx.SIZE_);
    }

    @Test
    void atHostCwdStartsWhereTheJvmIs() throws IOException, ErrnoException {
        FsContext host = FsContext.atHostCwd();
        try {
            assertEquals(Path.of("").toAbsolutePath().toRealPath().toString(),
                    new String(host.vfs.cwdPath(host), StandardCharsets.UTF_8));
        } finally {
            host.release();
        }
    }

    @Test
    void procSelfFdNamesTheGuestsFdsNotTheJvms() throws Exception {
        Files.writeString(tmp.resolve("target.txt"), "abc");
        int fd = fds.add(vfs.open(ctx, fds, AT_FDCWD, b("target.txt"), O_RDONLY, 0), false);
        assertEquals(0, fd);
        String real = tmp.resolve("target.txt").toRealPath().toString();
        assertEquals(real, new String(vfs.readlink(ctx, fds, AT_FDCWD, b("/proc/self/fd/0"))));
        assertEquals(real, new String(vfs.readlink(ctx, fds, AT_FDCWD, b("/dev/fd/0"))));
        assertEquals(real, new String(vfs.readlink(ctx, fds, AT_FDCWD, b("/dev/stdin"))));
        assertEquals(tmp.toRealPath().toString(), new String(vfs.readlink(ctx, fds, AT_FDCWD, b("/proc/self/cwd"))));
        // Opening the link reopens the file: a new description with its own offset.
        try (OpenFile f = vfs.open(ctx, fds, AT_FDCWD, b("/proc/self/fd/0"), O_RDONLY, 0)) {
            byte[] buf = new byte[8];
            assertEquals(3, f.read(buf, 0, 8));
        }
        try (OpenFile f = vfs.open(ctx, fds, AT_FDCWD, b("/proc/self/cwd/target.txt"), O_RDONLY, 0)) {
            assertEquals(3, f.read(new byte[8], 0, 8));
        }
        assertEquals(Errno.ENOENT, errno(() -> vfs.readlink(ctx, fds, AT_FDCWD, b("/proc/self/fd/7"))));
        assertEquals(Errno.ENOENT, errno(() -> vfs.open(ctx, fds, AT_FDCWD, b("/dev/stdout"), O_RDONLY, 0)));
        assertEquals(Errno.ENOENT, errno(() -> vfs.open(ctx, fds, AT_FDCWD, b("/proc/self/fd/99999999999"), O_RDONLY, 0)));
    }
}
