package dev.rivet.host;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The host C library through FFM: one static method per libc function, taking host flag values
 * and native segments, returning the result or throwing the host's errno as an {@link Errno}
 * (host errno numbers are Linux's generic ones on every host we run on). Nothing guest-specific
 * lives here.
 *
 * <p>Calls that a host signal may interrupt before doing anything are retried on EINTR: a signal
 * delivered to the JVM is never the guest's, so the guest must not see it.
 */
public final class Libc {
    private Libc() {}

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final int EINTR = 4;

    /** Per-thread errno capture buffer: guest threads are Java threads and call concurrently. */
    private static final ThreadLocal<MemorySegment> CAPTURE =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CAPTURE_LAYOUT));

    // Each handle sits in a holder class of its own, so it is linked on first use: linking all
    // of them up front costs tens of milliseconds of start-up that hello world does not need.
    private static MethodHandle fn(String name, FunctionDescriptor d, Linker.Option... extra) {
        Linker.Option[] opts = new Linker.Option[extra.length + 1];
        opts[0] = Linker.Option.captureCallState("errno");
        System.arraycopy(extra, 0, opts, 1, extra.length);
        MemorySegment sym = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("host libc has no " + name));
        return LINKER.downcallHandle(sym, d, opts);
    }

    private static final class OPENAT { static final MethodHandle H = fn("openat",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(3)); }
    private static final class READ { static final MethodHandle H = fn("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG)); }
    private static final class WRITE { static final MethodHandle H = fn("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG)); }
    private static final class PREAD { static final MethodHandle H = fn("pread64",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG)); }
    private static final class PWRITE { static final MethodHandle H = fn("pwrite64",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG)); }
    private static final class LSEEK { static final MethodHandle H = fn("lseek", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT)); }
    private static final class CLOSE { static final MethodHandle H = fn("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT)); }
    private static final class STATX { static final MethodHandle H = fn("statx",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS)); }
    private static final class GETDENTS64 { static final MethodHandle H = fn("getdents64",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG)); }
    private static final class READLINKAT { static final MethodHandle H = fn("readlinkat",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG)); }
    private static final class FACCESSAT { static final MethodHandle H = fn("faccessat",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT)); }
    private static final class MKDIRAT { static final MethodHandle H = fn("mkdirat", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT)); }
    private static final class UNLINKAT { static final MethodHandle H = fn("unlinkat", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT)); }
    private static final class RENAMEAT2 { static final MethodHandle H = fn("renameat2",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT)); }
    private static final class SYMLINKAT { static final MethodHandle H = fn("symlinkat", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS)); }
    private static final class LINKAT { static final MethodHandle H = fn("linkat",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT)); }
    private static final class FTRUNCATE { static final MethodHandle H = fn("ftruncate", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG)); }
    private static final class FSYNC { static final MethodHandle H = fn("fsync", FunctionDescriptor.of(JAVA_INT, JAVA_INT)); }
    private static final class FDATASYNC { static final MethodHandle H = fn("fdatasync", FunctionDescriptor.of(JAVA_INT, JAVA_INT)); }
    private static final class FCNTL { static final MethodHandle H = fn("fcntl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2)); }
    private static final class FCNTL_PTR { static final MethodHandle H = fn("fcntl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS), Linker.Option.firstVariadicArg(2)); }
    private static final class IOCTL { static final MethodHandle H = fn("ioctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS), Linker.Option.firstVariadicArg(2)); }
    private static final class PIPE2 { static final MethodHandle H = fn("pipe2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT)); }
    private static final class DUP { static final MethodHandle H = fn("dup", FunctionDescriptor.of(JAVA_INT, JAVA_INT)); }
    private static final class UMASK { static final MethodHandle H = fn("umask", FunctionDescriptor.of(JAVA_INT, JAVA_INT)); }
    private static final class FCHMOD { static final MethodHandle H = fn("fchmod", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT)); }
    private static final class FCHMODAT { static final MethodHandle H = fn("fchmodat",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT)); }
    private static final class FCHOWN { static final MethodHandle H = fn("fchown", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT)); }
    private static final class FCHOWNAT { static final MethodHandle H = fn("fchownat",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT)); }
    private static final class UTIMENSAT { static final MethodHandle H = fn("utimensat",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT)); }
    private static final class FUTIMENS { static final MethodHandle H = fn("futimens", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS)); }
    private static final class TRUNCATE { static final MethodHandle H = fn("truncate", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG)); }
    private static final class SYNC { static final MethodHandle H = fn("sync", FunctionDescriptor.ofVoid()); }
    private static final class SYNCFS { static final MethodHandle H = fn("syncfs", FunctionDescriptor.of(JAVA_INT, JAVA_INT)); }
    private static final class STATFS { static final MethodHandle H = fn("statfs", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS)); }
    private static final class FSTATFS { static final MethodHandle H = fn("fstatfs", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS)); }
    private static final class FLOCK { static final MethodHandle H = fn("flock", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT)); }
    private static final class MKNODAT { static final MethodHandle H = fn("mknodat",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG)); }

    /** A NUL-terminated copy of {@code s} in {@code arena}. */
    public static MemorySegment cstr(Arena arena, byte[] s) {
        MemorySegment m = arena.allocate(s.length + 1L);
        MemorySegment.copy(s, 0, m, ValueLayout.JAVA_BYTE, 0, s.length);
        return m;
    }

    private static int errno(MemorySegment cap) {
        return (int) ERRNO.get(cap, 0L);
    }

    private static ErrnoException error(MemorySegment cap) {
        Errno e = Errno.of(errno(cap));
        return (e != null ? e : Errno.EIO).ex();
    }

    /** FFM linkage failures are Rivet bugs, not guest errors. */
    private static IllegalStateException bug(Throwable t) {
        return new IllegalStateException("host libc call failed", t);
    }

    public static int openat(int dirfd, MemorySegment path, int flags, int mode) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try {
            while (true) {
                int r = (int) OPENAT.H.invokeExact(cap, dirfd, path, flags, mode);
                if (r >= 0) return r;
                if (errno(cap) != EINTR) throw error(cap);
            }
        } catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    public static long read(int fd, MemorySegment buf, long count) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try {
            while (true) {
                long r = (long) READ.H.invokeExact(cap, fd, buf, count);
                if (r >= 0) return r;
                if (errno(cap) != EINTR) throw error(cap);
            }
        } catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    public static long write(int fd, MemorySegment buf, long count) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try {
            while (true) {
                long r = (long) WRITE.H.invokeExact(cap, fd, buf, count);
                if (r >= 0) return r;
                if (errno(cap) != EINTR) throw error(cap);
            }
        } catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    public static long pread(int fd, MemorySegment buf, long count, long offset) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try {
            while (true) {
                long r = (long) PREAD.H.invokeExact(cap, fd, buf, count, offset);
                if (r >= 0) return r;
                if (errno(cap) != EINTR) throw error(cap);
            }
        } catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    public static long pwrite(int fd, MemorySegment buf, long count, long offset) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try {
            while (true) {
                long r = (long) PWRITE.H.invokeExact(cap, fd, buf, count, offset);
                if (r >= 0) return r;
                if (errno(cap) != EINTR) throw error(cap);
            }
        } catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    public static long lseek(int fd, long offset, int whence) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try {
            long r = (long) LSEEK.H.invokeExact(cap, fd, offset, whence);
            if (r == -1) throw error(cap);
            return r;
        } catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    /** close(2); never retried (after EINTR the fd is already gone on Linux). */
    public static void close(int fd) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try {
            if ((int) CLOSE.H.invokeExact(cap, fd) != 0) throw error(cap);
        } catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    public static void statx(int dirfd, MemorySegment path, int flags, int mask, MemorySegment out) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try {
            if ((int) STATX.H.invokeExact(cap, dirfd, path, flags, mask, out) != 0) throw error(cap);
        } catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    public static long getdents64(int fd, MemorySegment buf, long count) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try {
            long r = (long) GETDENTS64.H.invokeExact(cap, fd, buf, count);
            if (r < 0) throw error(cap);
            return r;
        } catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    public static long readlinkat(int dirfd, MemorySegment path, MemorySegment buf, long size) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try {
            long r = (long) READLINKAT.H.invokeExact(cap, dirfd, path, buf, size);
            if (r < 0) throw error(cap);
            return r;
        } catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    public static void faccessat(int dirfd, MemorySegment path, int mode, int flags) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try {
            if ((int) FACCESSAT.H.invokeExact(cap, dirfd, path, mode, flags) != 0) throw error(cap);
        } catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    public static void mkdirat(int dirfd, MemorySegment path, int mode) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try {
            if ((int) MKDIRAT.H.invokeExact(cap, dirfd, path, mode) != 0) throw error(cap);
        } catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    public static void unlinkat(int dirfd, MemorySegment path, int flags) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try {
            if ((int) UNLINKAT.H.invokeExact(cap, dirfd, path, flags) != 0) throw error(cap);
        } catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    public static void renameat2(int olddirfd, MemorySegment oldpath, int newdirfd, MemorySegment newpath, int flags)
            throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try {
            if ((int) RENAMEAT2.H.invokeExact(cap, olddirfd, oldpath, newdirfd, newpath, flags) != 0) throw error(cap);
        } catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    public static void symlinkat(MemorySegment target, int newdirfd, MemorySegment linkpath) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try {
            if ((int) SYMLINKAT.H.invokeExact(cap, target, newdirfd, linkpath) != 0) throw error(cap);
        } catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    public static void linkat(int olddirfd, MemorySegment oldpath, int newdirfd, MemorySegment newpath, int flags)
            throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try {
            if ((int) LINKAT.H.invokeExact(cap, olddirfd, oldpath, newdirfd, newpath, flags) != 0) throw error(cap);
        } catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    public static void ftruncate(int fd, long length) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try {
            while ((int) FTRUNCATE.H.invokeExact(cap, fd, length) != 0) {
                if (errno(cap) != EINTR) throw error(cap);
            }
        } catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    public static void fsync(int fd) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try {
            if ((int) FSYNC.H.invokeExact(cap, fd) != 0) throw error(cap);
        } catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    public static void fdatasync(int fd) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try {
            if ((int) FDATASYNC.H.invokeExact(cap, fd) != 0) throw error(cap);
        } catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    /** fcntl with an int argument (F_GETFD/F_SETFD/F_GETFL/F_SETFL …). */
    public static int fcntl(int fd, int cmd, int arg) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try {
            int r = (int) FCNTL.H.invokeExact(cap, fd, cmd, arg);
            if (r == -1) throw error(cap);
            return r;
        } catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    /** fcntl with a pointer argument (the lock commands); retried on EINTR like any wait. */
    public static int fcntl(int fd, int cmd, MemorySegment arg) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try {
            while (true) {
                int r = (int) FCNTL_PTR.H.invokeExact(cap, fd, cmd, arg);
                if (r != -1) return r;
                if (errno(cap) != EINTR) throw error(cap);
            }
        } catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    /** ioctl with a pointer argument. */
    public static int ioctl(int fd, long request, MemorySegment arg) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try {
            int r = (int) IOCTL.H.invokeExact(cap, fd, request, arg);
            if (r == -1) throw error(cap);
            return r;
        } catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    /** pipe2(2): the read and write ends. */
    public static int[] pipe2(int flags) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment fds = a.allocate(JAVA_INT, 2);
            if ((int) PIPE2.H.invokeExact(cap, fds, flags) != 0) throw error(cap);
            return new int[] {fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
        } catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    public static int dup(int fd) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try {
            int r = (int) DUP.H.invokeExact(cap, fd);
            if (r < 0) throw error(cap);
            return r;
        } catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    /** umask(2): sets the host process's umask and returns the previous one. Cannot fail. */
    public static int umask(int mask) {
        try {
            return (int) UMASK.H.invokeExact(CAPTURE.get(), mask);
        } catch (Throwable t) { throw bug(t); }
    }

    /** Turns a 0 / -1 result into nothing / the captured errno. */
    private static void ok(int r, MemorySegment cap) throws ErrnoException {
        if (r != 0) throw error(cap);
    }

    public static void fchmod(int fd, int mode) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try { ok((int) FCHMOD.H.invokeExact(cap, fd, mode), cap); }
        catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    public static void fchmodat(int dirfd, MemorySegment path, int mode, int flags) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try { ok((int) FCHMODAT.H.invokeExact(cap, dirfd, path, mode, flags), cap); }
        catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    public static void fchown(int fd, int uid, int gid) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try { ok((int) FCHOWN.H.invokeExact(cap, fd, uid, gid), cap); }
        catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    public static void fchownat(int dirfd, MemorySegment path, int uid, int gid, int flags) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try { ok((int) FCHOWNAT.H.invokeExact(cap, dirfd, path, uid, gid, flags), cap); }
        catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    /** utimensat; {@code times} is NULL or two {@code struct timespec} (16 bytes each on every 64-bit host). */
    public static void utimensat(int dirfd, MemorySegment path, MemorySegment times, int flags) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try { ok((int) UTIMENSAT.H.invokeExact(cap, dirfd, path, times, flags), cap); }
        catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    public static void futimens(int fd, MemorySegment times) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try { ok((int) FUTIMENS.H.invokeExact(cap, fd, times), cap); }
        catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    public static void truncate(MemorySegment path, long length) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try {
            while ((int) TRUNCATE.H.invokeExact(cap, path, length) != 0) {
                if (errno(cap) != EINTR) throw error(cap);
            }
        } catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    /** sync(2): cannot fail. */
    public static void sync() {
        try { SYNC.H.invokeExact(CAPTURE.get()); } catch (Throwable t) { throw bug(t); }
    }

    public static void syncfs(int fd) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try { ok((int) SYNCFS.H.invokeExact(cap, fd), cap); }
        catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    /** statfs into {@code out} (struct statfs: the generic 120-byte layout on every 64-bit host). */
    public static void statfs(MemorySegment path, MemorySegment out) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try { ok((int) STATFS.H.invokeExact(cap, path, out), cap); }
        catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    public static void fstatfs(int fd, MemorySegment out) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try { ok((int) FSTATFS.H.invokeExact(cap, fd, out), cap); }
        catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    public static void flock(int fd, int op) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try {
            while ((int) FLOCK.H.invokeExact(cap, fd, op) != 0) {
                if (errno(cap) != EINTR) throw error(cap);
            }
        } catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }

    public static void mknodat(int dirfd, MemorySegment path, int mode, long dev) throws ErrnoException {
        MemorySegment cap = CAPTURE.get();
        try { ok((int) MKNODAT.H.invokeExact(cap, dirfd, path, mode, dev), cap); }
        catch (ErrnoException e) { throw e; } catch (Throwable t) { throw bug(t); }
    }
}
