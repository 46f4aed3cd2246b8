package dev.rivet.fs;

import dev.rivet.abi.ErrnoException;

/**
 * A process's view of the file system (Linux's {@code fs_struct}): the {@link Vfs} that
 * resolves its paths, its current directory (a directory description, so a relative lookup
 * starts from the directory itself even after it is renamed) and its umask.
 */
public final class FsContext {
    public final Vfs vfs;
    private OpenFile cwd;
    private int umask;

    /** Takes over the caller's reference to {@code cwd}. */
    /**
     * The host path of the running image, which the guest's /proc/self/exe names (open and
     * exec reach it; the host's own link would name the JVM). Set by the process at start and exec.
     */
    public volatile byte[] procSelfExe;

    public FsContext(Vfs vfs, OpenFile cwd, int umask) {
        this.vfs = vfs;
        this.cwd = cwd;
        this.umask = umask & 0777;
    }

    /**
     * The host tree at "/", cwd = the host's current directory, umask = the host's. The cwd is
     * opened on first use: a program that never names a relative path (hello world) costs no
     * host call for it.
     */
    public static FsContext atHostCwd() {
        Vfs vfs = Vfs.hostRoot();
        return new FsContext(vfs, null, Vfs.initialUmask());
    }

    /** The current directory, with a reference the caller must close. */
    public synchronized OpenFile cwd() throws ErrnoException {
        if (cwd == null) cwd = vfs.hostCwd(); // ENOENT if the host's cwd is gone, as Linux says then
        return cwd.retain();
    }

    /** Makes {@code dir} the current directory, taking over the caller's reference. */
    public void setCwd(OpenFile dir) {
        OpenFile old;
        synchronized (this) {
            old = cwd;
            cwd = dir;
        }
        if (old != null) old.close();
    }

    public synchronized int umask() { return umask; }

    /** umask(2): sets the mask (only the permission bits) and returns the previous one. */
    public synchronized int setUmask(int mask) {
        int old = umask;
        umask = mask & 0777;
        return old;
    }

    /** A copy for fork (without CLONE_FS): the same cwd (one more reference) and umask. */
    public synchronized FsContext copy() {
        return new FsContext(vfs, cwd == null ? null : cwd.retain(), umask);
    }

    /** Process exit: drops the cwd reference. */
    public synchronized void release() {
        if (cwd != null) cwd.close();
        cwd = null;
    }
}
