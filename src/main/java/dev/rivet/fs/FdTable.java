package dev.rivet.fs;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.fs.hostfs.HostFile;
import dev.rivet.host.Libc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A process's file descriptor table: fd → (open file description, FD_CLOEXEC). New fds are the
 * lowest free number below the RLIMIT_NOFILE soft limit (EMFILE beyond it), as POSIX requires.
 * Each slot holds one reference to its description; {@link #get} hands out another one for the
 * length of a syscall.
 *
 * <p>Thread-safe: a process's threads share the table. Descriptions are released outside the
 * lock, since releasing one may block on the host.
 */
public final class FdTable {
    /** Linux's default RLIMIT_NOFILE soft limit. */
    public static final int DEFAULT_NOFILE = 1024;
    /** The kernel's fs.nr_open default: no limit may go beyond it. */
    public static final int NR_OPEN = 1 << 20;

    /** Marks a number taken by {@link #reserve} whose description is not installed yet. */
    private static final OpenFile RESERVED = new OpenFile(0) {};

    private OpenFile[] files = new OpenFile[64];
    private boolean[] cloexec = new boolean[64];
    private int limit = DEFAULT_NOFILE;

    public FdTable() {}

    /**
     * A table whose fds 0, 1, 2 are descriptions over {@code dup}s of the host's 0, 1, 2, so the
     * guest closing its stdio leaves the JVM's alone. A host stdio fd that is closed stays
     * closed for the guest too, as it would for a native child.
     */
    public static FdTable withHostStdio() {
        FdTable t = new FdTable();
        for (int fd = 0; fd <= 2; fd++) {
            // Borrowed, not dup'ed: a guest close must not close the JVM's own stdio, and a
            // dup would cost a host call at every start. A host without the fd leaves it free.
            if (java.nio.file.Files.exists(java.nio.file.Path.of("/proc/self/fd/" + fd))) t.files[fd] = HostFile.borrowed(fd);
        }
        return t;
    }

    /** The RLIMIT_NOFILE soft limit. */
    public synchronized int limit() { return limit; }

    /** setrlimit(RLIMIT_NOFILE): open fds above a lowered limit stay open, as on Linux. */
    public synchronized void setLimit(int newLimit) throws ErrnoException {
        if (newLimit < 0 || newLimit > NR_OPEN) throw Errno.EPERM.ex();
        limit = newLimit;
    }

    /** The description of {@code fd}, with a reference the caller must {@link OpenFile#close() close}. EBADF if none. */
    public synchronized OpenFile get(int fd) throws ErrnoException {
        OpenFile f = slot(fd);
        return f.retain();
    }

    private OpenFile slot(int fd) throws ErrnoException {
        if (fd < 0 || fd >= files.length) throw Errno.EBADF.ex();
        OpenFile f = files[fd];
        if (f == null || f == RESERVED) throw Errno.EBADF.ex();
        return f;
    }

    /**
     * Takes the lowest free fd for a description about to be opened (Linux allocates the number
     * first, so EMFILE comes before any O_CREAT side effect). Follow with {@link #install} or
     * {@link #unreserve}.
     */
    public synchronized int reserve(boolean closeOnExec) throws ErrnoException {
        int fd = lowestFree(0);
        files[fd] = RESERVED;
        cloexec[fd] = closeOnExec;
        return fd;
    }

    /** Puts {@code f} (taking over the caller's reference) in the slot {@link #reserve} returned. */
    public synchronized void install(int fd, OpenFile f) {
        if (files[fd] != RESERVED) throw new IllegalStateException("fd " + fd + " was not reserved");
        files[fd] = f;
    }

    /** Gives back a reserved number whose open failed. */
    public synchronized void unreserve(int fd) {
        if (files[fd] == RESERVED) files[fd] = null;
    }

    /**
     * Installs {@code f} at the lowest free fd, taking over the caller's reference (also on
     * failure: EMFILE drops it).
     */
    public int add(OpenFile f, boolean closeOnExec) throws ErrnoException {
        int fd;
        try {
            fd = reserve(closeOnExec);
        } catch (ErrnoException e) {
            f.close();
            throw e;
        }
        install(fd, f);
        return fd;
    }

    /** close(2). */
    public void close(int fd) throws ErrnoException {
        OpenFile f;
        synchronized (this) {
            f = slot(fd);
            files[fd] = null;
            cloexec[fd] = false;
        }
        f.close();
    }

    /** dup(2): the lowest free fd, sharing the description, FD_CLOEXEC clear. */
    public int dup(int fd) throws ErrnoException {
        return dupAtLeast(fd, 0, false);
    }

    /** fcntl F_DUPFD / F_DUPFD_CLOEXEC: the lowest free fd ≥ {@code min}; EINVAL when min is beyond the limit. */
    public synchronized int dupAtLeast(int fd, long min, boolean closeOnExec) throws ErrnoException {
        OpenFile f = slot(fd);
        if (min < 0 || min >= limit) throw Errno.EINVAL.ex();
        int nfd = lowestFree((int) min);
        files[nfd] = f.retain();
        cloexec[nfd] = closeOnExec;
        return nfd;
    }

    /**
     * dup3(2) without the flag checks (the syscall does those): makes {@code newfd} refer to
     * {@code oldfd}'s description, silently closing what newfd held. EBADF for a bad oldfd or
     * a newfd outside [0, limit).
     */
    public int dup3(int oldfd, int newfd, boolean closeOnExec) throws ErrnoException {
        OpenFile previous;
        synchronized (this) {
            if (newfd < 0 || newfd >= limit) throw Errno.EBADF.ex();
            OpenFile f = slot(oldfd);
            // Linux answers EBUSY while another thread's open holds the number reserved.
            if (newfd < files.length && files[newfd] == RESERVED) throw Errno.EBUSY.ex();
            grow(newfd + 1);
            previous = files[newfd];
            files[newfd] = f.retain();
            cloexec[newfd] = closeOnExec;
        }
        if (previous != null) previous.close();
        return newfd;
    }

    /** FD_CLOEXEC of {@code fd} (F_GETFD). */
    public synchronized boolean closeOnExec(int fd) throws ErrnoException {
        slot(fd);
        return cloexec[fd];
    }

    /** Sets FD_CLOEXEC of {@code fd} (F_SETFD). */
    public synchronized void setCloseOnExec(int fd, boolean on) throws ErrnoException {
        slot(fd);
        cloexec[fd] = on;
    }

    /** Whether {@code fd} is open (for tests and /proc). */
    public synchronized boolean isOpen(int fd) {
        return fd >= 0 && fd < files.length && files[fd] != null && files[fd] != RESERVED;
    }

    /** A copy for fork: the same descriptions (one more reference each) and the same flags. */
    public synchronized FdTable copy() {
        FdTable t = new FdTable();
        t.files = new OpenFile[files.length];
        t.cloexec = Arrays.copyOf(cloexec, cloexec.length);
        t.limit = limit;
        for (int fd = 0; fd < files.length; fd++) {
            OpenFile f = files[fd];
            if (f != null && f != RESERVED) t.files[fd] = f.retain();
            else t.cloexec[fd] = false;
        }
        return t;
    }

    /** execve: closes every fd marked FD_CLOEXEC. */
    public void closeOnExec() {
        List<OpenFile> dropped = new ArrayList<>();
        synchronized (this) {
            for (int fd = 0; fd < files.length; fd++) {
                if (cloexec[fd] && files[fd] != null && files[fd] != RESERVED) {
                    dropped.add(files[fd]);
                    files[fd] = null;
                    cloexec[fd] = false;
                }
            }
        }
        for (OpenFile f : dropped) f.close();
    }

    /**
     * close_range(2): closes (or, with {@code cloexecOnly}, marks FD_CLOEXEC) every open fd in
     * [first, last]; numbers nobody holds are skipped silently.
     */
    public void closeRange(int first, int last, boolean cloexecOnly) {
        List<OpenFile> dropped = new ArrayList<>();
        synchronized (this) {
            int end = Math.min(last, files.length - 1);
            for (int fd = Math.max(first, 0); fd <= end; fd++) {
                if (files[fd] == null || files[fd] == RESERVED) continue;
                if (cloexecOnly) {
                    cloexec[fd] = true;
                } else {
                    dropped.add(files[fd]);
                    files[fd] = null;
                    cloexec[fd] = false;
                }
            }
        }
        for (OpenFile f : dropped) f.close();
    }

    /** Process exit: closes every fd, so host fds are released and buffered data is not lost. */
    public void closeAll() {
        List<OpenFile> dropped = new ArrayList<>();
        synchronized (this) {
            for (int fd = 0; fd < files.length; fd++) {
                if (files[fd] != null && files[fd] != RESERVED) dropped.add(files[fd]);
                files[fd] = null;
                cloexec[fd] = false;
            }
        }
        for (OpenFile f : dropped) f.close();
    }

    private int lowestFree(int from) throws ErrnoException {
        for (int fd = from; fd < limit; fd++) {
            if (fd >= files.length) grow(fd + 1);
            if (files[fd] == null) return fd;
        }
        throw Errno.EMFILE.ex();
    }

    private void grow(int size) {
        if (size <= files.length) return;
        int n = Math.max(size, files.length * 2);
        files = Arrays.copyOf(files, n);
        cloexec = Arrays.copyOf(cloexec, n);
    }
}
