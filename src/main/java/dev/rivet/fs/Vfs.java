package dev.rivet.fs;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Fcntl;
import dev.rivet.abi.Statx;
import dev.rivet.fs.hostfs.HostFile;
import dev.rivet.host.HostOpenFlags;
import dev.rivet.host.Libc;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Path resolution and the path-based operations, in guest terms: a guest path plus a guest
 * dirfd (or AT_FDCWD) in, a file description or an errno out. The one place that decides where
 * a guest path lands, so mounts (tmpfs, /proc, /dev) and confinement to a chosen host root are
 * added here and nowhere else.
 *
 * <p>Today there is one mount: the host's whole tree at "/". An absolute guest path is the same
 * host path; a relative one is looked up by the host kernel from the host fd behind the dirfd or
 * the current directory, so "..", symlinks, trailing slashes, permissions and every error are
 * Linux's own. (Confinement will walk here instead, e.g. with openat2 RESOLVE_IN_ROOT.)
 *
 * <p>The host process's umask is set to 0 once, before the first call that creates a file: the
 * guest's umask ({@link FsContext#umask()}) is applied here, and the host's would be applied a
 * second time. The guest starts with the host's original umask.
 */
public final class Vfs {
    /** The host's AT_FDCWD (the same -100 on every Linux). */
    private static final int HOST_AT_FDCWD = -100;
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] DOT = {'.'};

    private static Vfs hostRoot;
    private static int hostUmask;
    private static volatile boolean hostUmaskCleared;

    private Vfs() {}

    /** The host's whole tree mounted at the guest's "/". */
    public static synchronized Vfs hostRoot() {
        if (hostRoot == null) {
            hostUmask = readHostUmask();
            hostRoot = new Vfs();
        }
        return hostRoot;
    }

    /** The JVM's umask, read without changing it (Linux 4.7+ shows it in /proc/self/status). */
    private static int readHostUmask() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("Umask:")) return Integer.parseInt(line.substring(6).strip(), 8);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // fall through: ask libc, which has to set it to read it
        }
        int old = Libc.umask(0);
        Libc.umask(old);
        return old;
    }

    /**
     * Clears the host's umask before the first call that creates a file: the guest's umask is
     * applied here, and the host's would be applied a second time. Done lazily so a program
     * that creates nothing costs no host call.
     */
    private static void clearHostUmask() {
        if (hostUmaskCleared) return;
        synchronized (Vfs.class) {
            if (!hostUmaskCleared) {
                Libc.umask(0);
                hostUmaskCleared = true;
            }
        }
    }

    /** The umask the host process had before {@link #hostRoot()} cleared it: the guest's first umask. */
    public static synchronized int initialUmask() {
        hostRoot();
        return hostUmask;
    }

    /** A description of the host process's current directory (the guest's first cwd). */
    public OpenFile hostCwd() throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            return new HostFile(Libc.openat(HOST_AT_FDCWD, Libc.cstr(a, DOT), hostFlags(Fcntl.O_PATH | Fcntl.O_DIRECTORY), 0));
        }
    }

    // ---- resolution -------------------------------------------------------------------------

    /** Where the host should look for a guest path: a host dirfd and a path relative to it, pinned while open. */
    private record At(int dirFd, byte[] path, OpenFile pinned) implements AutoCloseable {
        @Override
        public void close() {
            if (pinned != null) pinned.close();
        }
    }

    /**
     * Resolves (dirfd, path). An empty path is ENOENT unless {@code emptyOk} (AT_EMPTY_PATH),
     * when it names the dirfd itself. An absolute path ignores dirfd, as Linux does, even a bad one.
     */
    private static final byte[] PROC_SELF_EXE = "/proc/self/exe".getBytes(StandardCharsets.US_ASCII);

    private At at(FsContext ctx, FdTable fds, int dirfd, byte[] path, boolean emptyOk) throws ErrnoException {
        if (path.length == 0 && !emptyOk) throw Errno.ENOENT.ex();
        if (path.length > 0 && path[0] == '/') {
            At self = procSelf(ctx, fds, path);
            return self != null ? self : new At(HOST_AT_FDCWD, path, null);
        }
        OpenFile dir = dirfd == Fcntl.AT_FDCWD ? ctx.cwd() : fds.get(dirfd);
        if (dir instanceof HostFile h) return new At(h.hostFd(), path, dir);
        dir.close();
        // A dirfd that is not a host directory (pipe, socket …) has no names under it.
        throw (path.length == 0 ? Errno.ENOENT : Errno.ENOTDIR).ex();
    }

    /**
     * The host's /proc/self is the JVM's: a guest path into it (see {@link ProcSelf}) is
     * rewritten to the host fd behind the guest's fd or cwd, so readlink shows the right file
     * and open reopens it, as on Linux. Null when the path is none of these.
     */
    private At procSelf(FsContext ctx, FdTable fds, byte[] path) throws ErrnoException {
        byte[] exe = ctx.procSelfExe;
        if (exe != null && Arrays.equals(path, PROC_SELF_EXE)) return new At(HOST_AT_FDCWD, exe, null);
        ProcSelf.Link link = ProcSelf.find(path);
        if (link == null) return null;
        OpenFile target;
        if (link.fd() == ProcSelf.CWD) {
            target = ctx.cwd();
        } else {
            try {
                target = fds.get(link.fd());
            } catch (ErrnoException e) {
                throw Errno.ENOENT.ex();  // as a missing /proc/self/fd entry
            }
        }
        if (!(target instanceof HostFile h)) {
            target.close();
            throw Errno.ENOENT.ex();
        }
        byte[] head = ("/proc/self/fd/" + h.hostFd()).getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(head, head.length + path.length - link.rest());
        System.arraycopy(path, link.rest(), out, head.length, path.length - link.rest());
        return new At(HOST_AT_FDCWD, out, target);
    }

    private static int hostFlags(int guestFlags) {
        // Host fds are always close-on-exec (the guest's FD_CLOEXEC lives in the FdTable) and
        // never become the JVM's controlling terminal.
        return HostOpenFlags.toHost(guestFlags | Fcntl.O_CLOEXEC | Fcntl.O_NOCTTY);
    }

    // ---- operations -------------------------------------------------------------------------

    /** openat(2) without the fd allocation: a new description holding one reference. */
    public OpenFile open(FsContext ctx, FdTable fds, int dirfd, byte[] path, int flags, int mode) throws ErrnoException {
        flags &= Fcntl.VALID_OPEN_FLAGS;
        boolean creates = (flags & Fcntl.O_CREAT) != 0 || (flags & Fcntl.__O_TMPFILE) != 0;
        mode = creates ? (mode & 07777 & ~ctx.umask()) : 0;
        if (creates) clearHostUmask();
        try (At at = at(ctx, fds, dirfd, path, false); Arena a = Arena.ofConfined()) {
            return new HostFile(Libc.openat(at.dirFd, Libc.cstr(a, at.path), hostFlags(flags), mode));
        }
    }

    /** statx of (dirfd, path); AT_* flags have the same values on the host. */
    public byte[] statx(FsContext ctx, FdTable fds, int dirfd, byte[] path, int flags, int mask) throws ErrnoException {
        if (path.length == 0 && (flags & Fcntl.AT_EMPTY_PATH) != 0) {
            try (OpenFile f = dirfd == Fcntl.AT_FDCWD ? ctx.cwd() : fds.get(dirfd)) {
                return f.statx(flags, mask);
            }
        }
        try (At at = at(ctx, fds, dirfd, path, false)) {
            return HostFile.statxAt(at.dirFd, at.path, flags, mask);
        }
    }

    /** readlinkat(2): the whole target (the caller truncates to the guest's buffer). */
    public byte[] readlink(FsContext ctx, FdTable fds, int dirfd, byte[] path) throws ErrnoException {
        // An empty path names dirfd itself (an O_PATH fd of a symlink), as Linux allows.
        try (At at = at(ctx, fds, dirfd, path, true); Arena a = Arena.ofConfined()) {
            return readlinkHost(a, at.dirFd, at.path);
        }
    }

    private static byte[] readlinkHost(Arena a, int dirFd, byte[] path) throws ErrnoException {
        MemorySegment buf = a.allocate(Fcntl.PATH_MAX);
        long n = Libc.readlinkat(dirFd, Libc.cstr(a, path), buf, Fcntl.PATH_MAX);
        return buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
    }

    /** faccessat2(2); the caller has checked mode and flags. */
    public void access(FsContext ctx, FdTable fds, int dirfd, byte[] path, int mode, int flags) throws ErrnoException {
        boolean emptyOk = (flags & Fcntl.AT_EMPTY_PATH) != 0;
        try (At at = at(ctx, fds, dirfd, path, emptyOk); Arena a = Arena.ofConfined()) {
            Libc.faccessat(at.dirFd, Libc.cstr(a, at.path), mode, flags);
        }
    }

    /** mkdirat(2): mode masked to permission and sticky bits, then by the umask. */
    public void mkdir(FsContext ctx, FdTable fds, int dirfd, byte[] path, int mode) throws ErrnoException {
        try (At at = at(ctx, fds, dirfd, path, false); Arena a = Arena.ofConfined()) {
            clearHostUmask();
            Libc.mkdirat(at.dirFd, Libc.cstr(a, at.path), mode & 01777 & ~ctx.umask());
        }
    }

    /** unlinkat(2); the caller has checked that flags is 0 or AT_REMOVEDIR. */
    public void unlink(FsContext ctx, FdTable fds, int dirfd, byte[] path, int flags) throws ErrnoException {
        try (At at = at(ctx, fds, dirfd, path, false); Arena a = Arena.ofConfined()) {
            Libc.unlinkat(at.dirFd, Libc.cstr(a, at.path), flags);
        }
    }

    /** renameat2(2); RENAME_* flags have the same values on the host, which checks them. */
    public void rename(FsContext ctx, FdTable fds, int olddirfd, byte[] oldpath, int newdirfd, byte[] newpath, int flags)
            throws ErrnoException {
        try (At from = at(ctx, fds, olddirfd, oldpath, false);
             At to = at(ctx, fds, newdirfd, newpath, false);
             Arena a = Arena.ofConfined()) {
            Libc.renameat2(from.dirFd, Libc.cstr(a, from.path), to.dirFd, Libc.cstr(a, to.path), flags);
        }
    }

    /** symlinkat(2): {@code target} is stored as given (an empty one is ENOENT, as on Linux). */
    public void symlink(FsContext ctx, FdTable fds, byte[] target, int newdirfd, byte[] linkpath) throws ErrnoException {
        if (target.length == 0) throw Errno.ENOENT.ex();
        try (At at = at(ctx, fds, newdirfd, linkpath, false); Arena a = Arena.ofConfined()) {
            Libc.symlinkat(Libc.cstr(a, target), at.dirFd, Libc.cstr(a, at.path));
        }
    }

    /** linkat(2); flags AT_SYMLINK_FOLLOW and AT_EMPTY_PATH go to the host, which checks them. */
    public void link(FsContext ctx, FdTable fds, int olddirfd, byte[] oldpath, int newdirfd, byte[] newpath, int flags)
            throws ErrnoException {
        boolean emptyOk = (flags & Fcntl.AT_EMPTY_PATH) != 0;
        try (At from = at(ctx, fds, olddirfd, oldpath, emptyOk);
             At to = at(ctx, fds, newdirfd, newpath, false);
             Arena a = Arena.ofConfined()) {
            Libc.linkat(from.dirFd, Libc.cstr(a, from.path), to.dirFd, Libc.cstr(a, to.path), flags);
        }
    }

    /** mknodat(2): mode's permission bits masked by the umask; the host checks type and privilege. */
    public void mknod(FsContext ctx, FdTable fds, int dirfd, byte[] path, int mode, int dev) throws ErrnoException {
        try (At at = at(ctx, fds, dirfd, path, false); Arena a = Arena.ofConfined()) {
            clearHostUmask();
            Libc.mknodat(at.dirFd, Libc.cstr(a, at.path), mode & ~(ctx.umask() & 0777), Integer.toUnsignedLong(dev));
        }
    }

    /** fchmodat(2) (and fchmodat2's flags, which the host checks). */
    public void chmod(FsContext ctx, FdTable fds, int dirfd, byte[] path, int mode, int flags) throws ErrnoException {
        try (At at = at(ctx, fds, dirfd, path, (flags & Fcntl.AT_EMPTY_PATH) != 0); Arena a = Arena.ofConfined()) {
            Libc.fchmodat(at.dirFd, Libc.cstr(a, at.path), mode & 07777, flags);
        }
    }

    /** fchownat(2); the caller has checked flags. */
    public void chown(FsContext ctx, FdTable fds, int dirfd, byte[] path, int uid, int gid, int flags) throws ErrnoException {
        try (At at = at(ctx, fds, dirfd, path, (flags & Fcntl.AT_EMPTY_PATH) != 0); Arena a = Arena.ofConfined()) {
            Libc.fchownat(at.dirFd, Libc.cstr(a, at.path), uid, gid, flags);
        }
    }

    /** utimensat(2) with a path; {@code times} as for {@link OpenFile#setTimes}. */
    public void setTimes(FsContext ctx, FdTable fds, int dirfd, byte[] path, byte[] times, int flags) throws ErrnoException {
        try (At at = at(ctx, fds, dirfd, path, (flags & Fcntl.AT_EMPTY_PATH) != 0); Arena a = Arena.ofConfined()) {
            MemorySegment t = times == null ? MemorySegment.NULL : a.allocateFrom(ValueLayout.JAVA_BYTE, times);
            Libc.utimensat(at.dirFd, Libc.cstr(a, at.path), t, flags);
        }
    }

    /** truncate(2). */
    public void truncate(FsContext ctx, FdTable fds, byte[] path, long length) throws ErrnoException {
        try (At at = at(ctx, fds, Fcntl.AT_FDCWD, path, false); Arena a = Arena.ofConfined()) {
            Libc.truncate(Libc.cstr(a, hostPath(at)), length);
        }
    }

    /** statfs(2): the 120-byte {@code struct statfs}. */
    public byte[] statfs(FsContext ctx, FdTable fds, byte[] path) throws ErrnoException {
        try (At at = at(ctx, fds, Fcntl.AT_FDCWD, path, false); Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(HostFile.STATFS_SIZE, 8);
            Libc.statfs(Libc.cstr(a, hostPath(at)), out);
            return out.toArray(ValueLayout.JAVA_BYTE);
        }
    }

    /**
     * A single host path for calls that have no *at form: absolute paths as they are, relative
     * ones through the host's /proc/self/fd link of the directory they start from.
     */
    private static byte[] hostPath(At at) {
        if (at.dirFd == HOST_AT_FDCWD) return at.path;
        byte[] dir = ("/proc/self/fd/" + at.dirFd + "/").getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(dir, dir.length + at.path.length);
        System.arraycopy(at.path, 0, out, dir.length, at.path.length);
        return out;
    }

    /** chdir(2): ENOENT/ENOTDIR from the lookup, then EACCES without search permission. */
    public void chdir(FsContext ctx, FdTable fds, byte[] path) throws ErrnoException {
        OpenFile dir = open(ctx, fds, Fcntl.AT_FDCWD, path, Fcntl.O_PATH | Fcntl.O_DIRECTORY, 0);
        try {
            checkSearchable(dir);
        } catch (ErrnoException e) {
            dir.close();
            throw e;
        }
        ctx.setCwd(dir);
    }

    /** fchdir(2): the description must be a directory we may search. */
    public void fchdir(FsContext ctx, FdTable fds, int fd) throws ErrnoException {
        OpenFile f = fds.get(fd);
        try {
            if (!(f instanceof HostFile)) throw Errno.ENOTDIR.ex();
            int mode = mode(f.statx(0, Statx.STATX_TYPE));
            if ((mode & Fcntl.S_IFMT) != Fcntl.S_IFDIR) throw Errno.ENOTDIR.ex();
            checkSearchable(f);
        } catch (ErrnoException e) {
            f.close();
            throw e;
        }
        ctx.setCwd(f);
    }

    private static void checkSearchable(OpenFile dir) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            Libc.faccessat(((HostFile) dir).hostFd(), Libc.cstr(a, EMPTY), Fcntl.X_OK, Fcntl.AT_EMPTY_PATH);
        }
    }

    /**
     * The guest path of the current directory, as getcwd(2) reports it: ENOENT once the
     * directory has been removed. Asked of the host each time, so a renamed cwd shows its new path.
     */
    public byte[] cwdPath(FsContext ctx) throws ErrnoException {
        try (OpenFile cwd = ctx.cwd(); Arena a = Arena.ofConfined()) {
            byte[] sx = cwd.statx(0, Statx.STATX_NLINK);
            if (ByteBuffer.wrap(sx).order(ByteOrder.LITTLE_ENDIAN).getInt(Statx.NLINK) == 0) throw Errno.ENOENT.ex();
            byte[] self = ("/proc/self/fd/" + ((HostFile) cwd).hostFd()).getBytes(StandardCharsets.US_ASCII);
            return readlinkHost(a, HOST_AT_FDCWD, self);
        }
    }

    private static int mode(byte[] statx) {
        return (statx[Statx.MODE] & 0xff) | (statx[Statx.MODE + 1] & 0xff) << 8;
    }
}
