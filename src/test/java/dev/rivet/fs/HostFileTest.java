package dev.rivet.fs;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Fcntl;
import dev.rivet.abi.Termios;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.rivet.abi.Fcntl.AT_FDCWD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Host-backed descriptions: data, offsets, directories, flags and errors come from the host kernel. */
class HostFileTest {
    @TempDir Path tmp;
    Vfs vfs;
    FsContext ctx;
    FdTable fds;

    @BeforeEach
    void setUp() throws Exception {
        vfs = Vfs.hostRoot();
        ctx = new FsContext(vfs, vfs.hostCwd(), 022);
        fds = new FdTable();
        vfs.chdir(ctx, fds, VfsTest.b(tmp.toString()));
    }

    @AfterEach
    void tearDown() {
        fds.closeAll();
        ctx.release();
    }

    OpenFile open(String path, int flags) throws ErrnoException {
        return vfs.open(ctx, fds, AT_FDCWD, VfsTest.b(path), flags, 0644);
    }

    static Errno errno(VfsTest.Executable e) {
        return assertThrows(ErrnoException.class, e::run).errno;
    }

    @Test
    void readWritePositionalAndSeek() throws Exception {
        try (OpenFile f = open("f", Fcntl.O_CREAT | Fcntl.O_RDWR)) {
            assertEquals(6, f.write("abcdef".getBytes(), 0, 6));
            assertEquals(2, f.pwrite("XY".getBytes(), 0, 2, 1));
            assertEquals(6, f.seek(0, Fcntl.SEEK_CUR), "pwrite leaves the offset alone");
            byte[] b = new byte[3];
            assertEquals(3, f.pread(b, 0, 3, 0));
            assertEquals("aXY", new String(b));
            assertEquals(0, f.read(b, 0, 3), "at end of file");
            assertEquals(10, f.seek(4, Fcntl.SEEK_END));
            assertEquals(Errno.EINVAL, errno(() -> f.seek(-100, Fcntl.SEEK_SET)));
            assertEquals(Errno.EINVAL, errno(() -> f.pread(b, 0, 1, -1)));
            f.truncate(2);
            assertEquals(2, Files.size(tmp.resolve("f")));
            f.sync(false);
            f.sync(true);
            assertTrue(f.fullReads());
        }
        try (OpenFile dev = open("/dev/null", Fcntl.O_RDWR)) {
            assertTrue(!dev.fullReads(), "a device may return short reads");
        }
        assertEquals("aX", Files.readString(tmp.resolve("f")));
    }

    @Test
    void accessModesAreEnforcedByTheHost() throws Exception {
        Files.writeString(tmp.resolve("r"), "data");
        try (OpenFile r = open("r", Fcntl.O_RDONLY); OpenFile w = open("r", Fcntl.O_WRONLY);
             OpenFile p = open("r", Fcntl.O_PATH)) {
            assertEquals(Errno.EBADF, errno(() -> r.write(new byte[1], 0, 1)));
            assertEquals(Errno.EBADF, errno(() -> w.read(new byte[1], 0, 1)));
            assertEquals(Errno.EBADF, errno(() -> p.read(new byte[1], 0, 1)));
            assertEquals(Errno.EINVAL, errno(() -> r.truncate(0)));
            assertEquals(Fcntl.O_RDONLY | Fcntl.O_LARGEFILE, r.statusFlags());
            assertEquals(Fcntl.O_WRONLY | Fcntl.O_LARGEFILE, w.statusFlags());
            assertEquals(Fcntl.O_PATH, p.statusFlags());
        }
    }

    @Test
    void setflChangesOnlyTheChangeableFlags() throws Exception {
        try (OpenFile f = open("f", Fcntl.O_CREAT | Fcntl.O_WRONLY)) {
            f.setStatusFlags(Fcntl.O_APPEND | Fcntl.O_NONBLOCK | Fcntl.O_ASYNC | Fcntl.O_RDWR | Fcntl.O_TRUNC);
            assertEquals(Fcntl.O_WRONLY | Fcntl.O_LARGEFILE | Fcntl.O_APPEND | Fcntl.O_NONBLOCK | Fcntl.O_ASYNC,
                    f.statusFlags());
            f.write("ab".getBytes(), 0, 2);
            f.seek(0, Fcntl.SEEK_SET);
            f.write("cd".getBytes(), 0, 2);
            f.setStatusFlags(0);
            assertEquals(Fcntl.O_WRONLY | Fcntl.O_LARGEFILE, f.statusFlags());
        }
        assertEquals("abcd", Files.readString(tmp.resolve("f")), "O_APPEND writes at the end");
    }

    @Test
    void directoriesListWithGetdentsAndRefuseRead() throws Exception {
        Set<String> made = new TreeSet<>();
        for (int i = 0; i < 300; i++) {
            String n = "entry-" + i;
            Files.writeString(tmp.resolve(n), "");
            made.add(n);
        }
        Files.createDirectory(tmp.resolve("subdir"));
        made.add("subdir");
        made.add(".");
        made.add("..");
        Set<String> seen = new TreeSet<>();
        boolean sawDirType = false;
        try (OpenFile d = open(".", Fcntl.O_RDONLY | Fcntl.O_DIRECTORY)) {
            assertEquals(Errno.EISDIR, errno(() -> d.read(new byte[10], 0, 10)));
            assertEquals(Errno.EINVAL, errno(() -> d.getdents(8)), "too small for one entry");
            while (true) {
                byte[] ents = d.getdents(1024);  // small, so the listing takes several calls
                if (ents.length == 0) break;
                for (Dirent e : parse(ents)) {
                    seen.add(e.name);
                    if (e.name.equals("subdir")) sawDirType = e.type == 4;  // DT_DIR
                }
            }
        }
        assertEquals(made, seen);
        assertTrue(sawDirType);
        try (OpenFile f = open("entry-1", Fcntl.O_RDONLY)) {
            assertEquals(Errno.ENOTDIR, errno(() -> f.getdents(4096)));
        }
    }

    record Dirent(long ino, String name, int type) {}

    /** linux_dirent64: d_ino u64, d_off s64, d_reclen u16, d_type u8, d_name NUL-terminated. */
    static List<Dirent> parse(byte[] buf) {
        ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
        List<Dirent> out = new ArrayList<>();
        for (int off = 0; off < buf.length; ) {
            int reclen = Short.toUnsignedInt(bb.getShort(off + 16));
            int end = off + 19;
            while (buf[end] != 0) end++;
            out.add(new Dirent(bb.getLong(off), new String(buf, off + 19, end - off - 19, StandardCharsets.UTF_8),
                    buf[off + 18]));
            off += reclen;
        }
        return out;
    }

    @Test
    void terminalIoctlsOnARegularFileAreEnotty() throws Exception {
        try (OpenFile f = open("f", Fcntl.O_CREAT | Fcntl.O_RDWR)) {
            assertEquals(Errno.ENOTTY, errno(() -> f.ioctl(Termios.TCGETS, 0, null)));
            assertEquals(Errno.ENOTTY, errno(() -> f.ioctl(Termios.TIOCGWINSZ, 0, null)));
            assertEquals(Errno.ENOTTY, errno(() -> f.ioctl(0x540F /* TIOCGPGRP */, 0, null)));
        }
    }

    @Test
    void defaultsAreLinuxsAnswersForMissingMethods() {
        OpenFile bare = new OpenFile(Fcntl.O_RDWR) {};
        assertEquals(Errno.EINVAL, errno(() -> bare.read(new byte[1], 0, 1)));
        assertEquals(Errno.EINVAL, errno(() -> bare.write(new byte[1], 0, 1)));
        assertEquals(Errno.ESPIPE, errno(() -> bare.pread(new byte[1], 0, 1, 0)));
        assertEquals(Errno.ESPIPE, errno(() -> bare.pwrite(new byte[1], 0, 1, 0)));
        assertEquals(Errno.ESPIPE, errno(() -> bare.seek(0, 0)));
        assertEquals(Errno.ENOTTY, errno(() -> bare.ioctl(Termios.TCGETS, 0, null)));
        assertEquals(Errno.ENOTDIR, errno(() -> bare.getdents(4096)));
        assertEquals(Errno.EINVAL, errno(() -> bare.truncate(0)));
        assertEquals(Errno.EINVAL, errno(() -> bare.sync(false)));
        assertEquals(Errno.ENOSYS, errno(() -> bare.statx(0, 0x7ff)));
        assertEquals(OpenFile.DEFAULT_POLLMASK, bare.pollReady(-1));
    }
}
