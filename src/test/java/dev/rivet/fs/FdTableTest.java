package dev.rivet.fs;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Fcntl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FdTableTest {
    /** A narrow fake: counts releases. */
    static final class Fake extends OpenFile {
        int released;
        Fake() { super(Fcntl.O_RDWR); }
        @Override protected void release() { released++; }
    }

    static Errno errno(VfsTest.Executable e) {
        return assertThrows(ErrnoException.class, e::run).errno;
    }

    @Test
    void newFdsAreTheLowestFree() throws Exception {
        FdTable t = new FdTable();
        assertEquals(0, t.add(new Fake(), false));
        assertEquals(1, t.add(new Fake(), false));
        assertEquals(2, t.add(new Fake(), false));
        t.close(1);
        assertEquals(1, t.add(new Fake(), false));
        assertEquals(3, t.dup(0));
        t.close(0);
        assertEquals(0, t.dup(2));
    }

    @Test
    void closeOnExecIsPerFdAndDupClearsIt() throws Exception {
        FdTable t = new FdTable();
        Fake f = new Fake();
        int a = t.add(f, true);
        int b = t.dup(a);
        assertTrue(t.closeOnExec(a));
        assertFalse(t.closeOnExec(b));
        int c = t.dupAtLeast(a, 10, true);
        assertEquals(10, c);
        assertTrue(t.closeOnExec(c));
        t.setCloseOnExec(b, true);
        t.setCloseOnExec(a, false);
        t.closeOnExec();
        assertTrue(t.isOpen(a));
        assertFalse(t.isOpen(b));
        assertFalse(t.isOpen(c));
        assertEquals(0, f.released);
        t.closeAll();
        assertEquals(1, f.released);
    }

    @Test
    void limitGivesEmfileAndBoundsDupTargets() throws Exception {
        FdTable t = new FdTable();
        t.setLimit(3);
        Fake f = new Fake();
        for (int i = 0; i < 3; i++) t.add(f.retain(), false);
        Fake extra = new Fake();
        assertEquals(Errno.EMFILE, errno(() -> t.add(extra, false)));
        assertEquals(1, extra.released, "a description that found no fd is dropped");
        assertEquals(Errno.EMFILE, errno(() -> t.dup(0)));
        assertEquals(Errno.EMFILE, errno(() -> t.reserve(false)));
        assertEquals(Errno.EBADF, errno(() -> t.dup3(0, 3, false)));
        assertEquals(Errno.EINVAL, errno(() -> t.dupAtLeast(0, 3, false)));
        assertEquals(Errno.EINVAL, errno(() -> t.dupAtLeast(0, 0xffffffffL, false)));
        assertEquals(FdTable.DEFAULT_NOFILE, new FdTable().limit());
    }

    @Test
    void badFdsAreEbadf() {
        FdTable t = new FdTable();
        assertEquals(Errno.EBADF, errno(() -> t.get(0)));
        assertEquals(Errno.EBADF, errno(() -> t.get(-1)));
        assertEquals(Errno.EBADF, errno(() -> t.close(5)));
        assertEquals(Errno.EBADF, errno(() -> t.dup(100000)));
        assertEquals(Errno.EBADF, errno(() -> t.closeOnExec(3)));
        assertEquals(Errno.EBADF, errno(() -> t.dup3(4, 5, false)));
    }

    @Test
    void reservedNumbersAreNotOpenFds() throws Exception {
        FdTable t = new FdTable();
        int fd = t.reserve(false);
        assertEquals(Errno.EBADF, errno(() -> t.get(fd)));
        assertEquals(1, t.add(new Fake(), false));
        t.unreserve(fd);
        assertEquals(0, t.add(new Fake(), false));
    }

    @Test
    void dup3ReplacesSilentlyAndSharesTheDescription() throws Exception {
        FdTable t = new FdTable();
        Fake a = new Fake(), b = new Fake();
        t.add(a, false);
        t.add(b, false);
        assertEquals(1, t.dup3(0, 1, true));
        assertEquals(1, b.released, "the old description of newfd is closed");
        assertTrue(t.closeOnExec(1));
        try (OpenFile x = t.get(1)) {
            assertSame(a, x);
        }
        assertEquals(50, t.dup3(0, 50, false));
        t.closeAll();
        assertEquals(1, a.released);
    }

    @Test
    void aSyscallsReferenceOutlivesAConcurrentClose() throws Exception {
        FdTable t = new FdTable();
        Fake f = new Fake();
        int fd = t.add(f, false);
        OpenFile held = t.get(fd);
        t.close(fd);
        assertEquals(0, f.released);
        held.close();
        assertEquals(1, f.released);
    }

    @Test
    void forkCopySharesDescriptions() throws Exception {
        FdTable t = new FdTable();
        Fake f = new Fake();
        t.add(f, true);
        FdTable child = t.copy();
        assertTrue(child.closeOnExec(0));
        t.closeAll();
        assertEquals(0, f.released);
        child.closeAll();
        assertEquals(1, f.released);
    }

    @Test
    void dupSharesTheHostOffsetAndStatusFlags(@TempDir Path tmp) throws Exception {
        Vfs vfs = Vfs.hostRoot();
        FsContext ctx = new FsContext(vfs, vfs.hostCwd(), 022);
        FdTable t = new FdTable();
        try {
            byte[] path = tmp.resolve("f").toString().getBytes(StandardCharsets.UTF_8);
            int a = t.add(vfs.open(ctx, t, Fcntl.AT_FDCWD, path, Fcntl.O_CREAT | Fcntl.O_RDWR, 0644), false);
            int b = t.dup(a);
            try (OpenFile fa = t.get(a); OpenFile fb = t.get(b)) {
                fa.write("hello".getBytes(), 0, 5);
                assertEquals(5, fb.seek(0, Fcntl.SEEK_CUR));
                fb.seek(1, Fcntl.SEEK_SET);
                byte[] buf = new byte[4];
                assertEquals(4, fa.read(buf, 0, 4));
                assertEquals("ello", new String(buf));
                fa.setStatusFlags(fa.statusFlags() | Fcntl.O_APPEND);
                assertTrue((fb.statusFlags() & Fcntl.O_APPEND) != 0);
            }
            // A separate open is a separate description: its own offset.
            int c = t.add(vfs.open(ctx, t, Fcntl.AT_FDCWD, path, Fcntl.O_RDONLY, 0), false);
            try (OpenFile fc = t.get(c)) {
                assertEquals(0, fc.seek(0, Fcntl.SEEK_CUR));
            }
        } finally {
            t.closeAll();
            ctx.release();
        }
    }

    @Test
    void hostStdioIsDuplicated() throws Exception {
        FdTable t = FdTable.withHostStdio();
        try {
            // The JVM's own stdout stays usable after the guest closes its copy.
            t.close(1);
            System.out.flush();
            assertFalse(t.isOpen(1));
            assertTrue(t.isOpen(2));
            assertEquals(1, t.add(new Fake(), false));
        } finally {
            t.closeAll();
        }
        System.out.println("stdout still open");
        assertFalse(System.out.checkError());
    }
}
