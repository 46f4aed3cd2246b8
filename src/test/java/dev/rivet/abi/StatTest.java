package dev.rivet.abi;

import dev.rivet.fs.hostfs.HostFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** riscv64 struct stat built from the host's statx, checked against what the host's stat reports. */
class StatTest {
    @TempDir Path tmp;

    @Test
    void encodeDevMatchesMuslMajorMinor() {
        // musl's major(0x12345678) = 0x456 and minor = 0x12378 (run on riscv64).
        assertEquals(0x12345678L, Stat.encodeDev(0x456, 0x12378));
        assertEquals(0x801L, Stat.encodeDev(8, 1));
        assertEquals(0x103L, Stat.encodeDev(1, 3));
    }

    private static ByteBuffer statOf(Path p, int flags) throws ErrnoException {
        byte[] sx = HostFile.statxAt(-100, p.toString().getBytes(StandardCharsets.UTF_8), flags, Statx.STATX_BASIC_STATS);
        byte[] st = Stat.fromStatx(sx);
        assertEquals(Stat.SIZE, st.length);
        return ByteBuffer.wrap(st).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void regularFileMatchesTheHostsStat() throws Exception {
        Path f = tmp.resolve("file");
        Files.write(f, new byte[10000]);
        Files.setLastModifiedTime(f, FileTime.from(1_700_000_000_123_456_789L, TimeUnit.NANOSECONDS));
        ByteBuffer st = statOf(f, 0);
        Map<String, Object> u = Files.readAttributes(f, "unix:*");
        assertEquals((long) u.get("dev"), st.getLong(Stat.DEV));
        assertEquals((long) u.get("ino"), st.getLong(Stat.INO));
        assertEquals((int) u.get("mode"), st.getInt(Stat.MODE));
        assertEquals((int) u.get("nlink"), st.getInt(Stat.NLINK));
        assertEquals((int) u.get("uid"), st.getInt(Stat.UID));
        assertEquals((int) u.get("gid"), st.getInt(Stat.GID));
        assertEquals(10000L, st.getLong(Stat.SIZE_));
        assertEquals(1_700_000_000L, st.getLong(Stat.MTIME));
        assertEquals(123_456_789L, st.getLong(Stat.MTIME + 8));
        assertEquals(((FileTime) u.get("ctime")).to(TimeUnit.SECONDS), st.getLong(Stat.CTIME));
        // GNU stat: %b blocks, %o optimal I/O size (st_blksize), %X atime seconds.
        String[] gnu = run("stat", "-c", "%b %o %X", f.toString()).trim().split(" ");
        assertEquals(Long.parseLong(gnu[0]), st.getLong(Stat.BLOCKS));
        assertEquals(Integer.parseInt(gnu[1]), st.getInt(Stat.BLKSIZE));
        assertEquals(Long.parseLong(gnu[2]), st.getLong(Stat.ATIME));
    }

    @Test
    void deviceNumbersAndSymlinks() throws Exception {
        ByteBuffer nul = statOf(Path.of("/dev/null"), 0);
        assertEquals(Stat.encodeDev(1, 3), nul.getLong(Stat.RDEV));
        assertEquals(0020666, nul.getInt(Stat.MODE));
        Files.createSymbolicLink(tmp.resolve("l"), Path.of("target-name"));
        ByteBuffer l = statOf(tmp.resolve("l"), Fcntl.AT_SYMLINK_NOFOLLOW);
        assertEquals(Fcntl.S_IFLNK, l.getInt(Stat.MODE) & Fcntl.S_IFMT);
        assertEquals("target-name".length(), l.getLong(Stat.SIZE_));
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
