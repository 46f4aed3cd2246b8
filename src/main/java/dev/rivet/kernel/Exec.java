package dev.rivet.kernel;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Fcntl;
import dev.rivet.abi.Statx;
import dev.rivet.cpu.Hart;
import dev.rivet.elf.ElfFile;
import dev.rivet.elf.ElfLoader;
import dev.rivet.elf.LoadException;
import dev.rivet.elf.LoadOptions;
import dev.rivet.elf.LoadedImage;
import dev.rivet.elf.Vdso;
import dev.rivet.fs.FsContext;
import dev.rivet.fs.OpenFile;
import dev.rivet.fs.hostfs.HostFile;
import dev.rivet.mm.AddressSpace;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * execve and execveat (fs/exec.c, fs/binfmt_script.c): a new image in a fresh address space
 * replaces the process's, keeping its pid, fds (but the close-on-exec ones), ignored signals,
 * mask and pending signals. Everything that can fail is done before the old image is touched,
 * so a failed exec returns to the caller unchanged.
 */
public final class Exec {
    private Exec() {}

    /** How many interpreters deep a chain of #! scripts may go (exec_binprm's "depth > 5"). */
    static final int MAX_DEPTH = 5;
    /** BINPRM_BUF_SIZE: how much of a script's first line the kernel reads. */
    static final int BINPRM_BUF_SIZE = 256;
    /** The largest image read into memory; larger files are refused as the CLI does. */
    static final long MAX_IMAGE = 1L << 30;

    /**
     * Maps the vDSO and loads {@code elf} into the empty {@code mem} as the kernel sets up a new
     * image: the one path for the first program (Rivet.execute) and for execve.
     */
    public static Loaded load(AddressSpace mem, ElfFile elf, List<String> argv, List<String> envp, String execfn,
                              long stackLimit) {
        long vdso;
        try {
            vdso = Vdso.map(mem);
        } catch (ErrnoException e) {
            throw new LoadException(elf.path(), "cannot map the vDSO: " + e.errno.message, LoadException.CANNOT_EXECUTE, e.errno);
        }
        return new Loaded(ElfLoader.load(mem, elf, argv, envp, execfn,
                LoadOptions.defaults().withStackLimit(stackLimit).withArchAuxv(Vdso.auxv(vdso))), vdso);
    }

    /** A loaded image and where its vDSO is (signal handlers return through it). */
    public record Loaded(LoadedImage image, long vdso) {}

    /** An opened executable: its bytes, and the host path /proc/self/exe shows. */
    private record Opened(byte[] bytes, String hostPath) {}

    /**
     * execveat(dirfd, path, argv, envp, flags). On success the calling thread continues in the
     * new image (its registers are reset here; the syscall's result, 0, lands in a0).
     */
    public static void execve(Task task, int dirfd, byte[] path, List<byte[]> argv, List<byte[]> envp, int flags)
            throws ErrnoException {
        Process p = task.process;
        if ((flags & ~(Fcntl.AT_EMPTY_PATH | Fcntl.AT_SYMLINK_NOFOLLOW)) != 0) throw Errno.EINVAL.ex();
        // bprm->filename: what AT_EXECFN and the process name show, even when a script's
        // interpreter runs; bprm->interp, the name a script's interpreter gets as its argument.
        String filename;
        if (dirfd == Fcntl.AT_FDCWD || (path.length > 0 && path[0] == '/')) filename = str(path);
        else if (path.length == 0) filename = "/dev/fd/" + dirfd;
        else filename = "/dev/fd/" + dirfd + "/" + str(path);

        Opened image = open(p, dirfd, path, flags);
        String interpName = filename;
        List<String> args = new ArrayList<>(argv.size());
        for (byte[] b : argv) args.add(str(b));
        for (int depth = 0; ; depth++) {
            if (depth > MAX_DEPTH) throw Errno.ELOOP.ex();
            byte[] b = image.bytes;
            if (b.length >= 2 && b[0] == '#' && b[1] == '!') {
                String[] interp = shebang(b);
                // The script's name replaces argv[0]; the interpreter and its argument go first.
                if (!args.isEmpty()) args.removeFirst();
                args.addFirst(interpName);
                if (interp[1] != null) args.addFirst(interp[1]);
                args.addFirst(interp[0]);
                interpName = interp[0];
                image = open(p, Fcntl.AT_FDCWD, interp[0].getBytes(StandardCharsets.UTF_8), 0);
                continue;
            }
            break;
        }
        List<String> env = new ArrayList<>(envp.size());
        for (byte[] b : envp) env.add(str(b));

        AddressSpace mem = new AddressSpace();
        Loaded newImage;
        try {
            ElfFile elf = ElfFile.parse(image.bytes, interpName);
            newImage = load(mem, elf, args, env, filename, p.limits.soft(Limits.STACK));
        } catch (LoadException e) {
            mem.release();
            throw e.errno.ex();
        }

        // The point of no return: the other threads go, then the new image takes over.
        if (!p.killOtherThreads(task)) {
            mem.release();
            throw new ProcessExit(p.exitStatus());
        }
        Kernel k = p.kernel;
        k.futexes.exitRobustList(task);
        task.robustListHead = 0;
        task.robustListLen = 0;
        task.clearChildTid = 0;
        AddressSpace old = p.memory;
        p.memory = mem;
        Hart h = task.hart;
        h.memory = mem;
        old.release();
        ProcessTree.releaseVforkParent(p);
        p.execed = true;

        Arrays.fill(h.x, 0);
        Arrays.fill(h.f, 0);
        h.setFcsr(0);
        h.clearReservation();
        h.pc = newImage.image().entry();
        h.x[2] = newImage.image().sp();
        p.sigreturnTrampoline = Vdso.sigreturn(newImage.vdso());

        p.fds.closeOnExec();
        p.timers.clearOnExec(); // exit_itimers(): POSIX timers go, itimers stay
        p.resetHandledActions();
        task.altStackSp = 0;
        task.altStackSize = 0;
        task.altStackFlags = 0;
        p.setExe(image.hostPath);
        task.name = comm(filename);
    }

    /** Linux names the process after the last component of the filename, cut to 15 bytes. */
    static byte[] comm(String filename) {
        byte[] b = filename.substring(filename.lastIndexOf('/') + 1).getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(b, Math.min(b.length, 15));
    }

    private static String str(byte[] b) { return new String(b, StandardCharsets.UTF_8); }

    /**
     * do_open_execat: the file must be a regular file with execute permission (EACCES),
     * found as open finds it (ENOENT, ENOTDIR, ELOOP …).
     */
    private static Opened open(Process p, int dirfd, byte[] path, int flags) throws ErrnoException {
        FsContext fs = p.fs;
        OpenFile f;
        String self = str(path);
        if ((self.equals("/proc/self/exe") || self.equals("/proc/" + p.pid + "/exe")) && p.exePath != null) {
            // Until Rivet has its own /proc, the host's link would name the JVM: use the image's path.
            path = p.exePath.getBytes(StandardCharsets.UTF_8);
            dirfd = Fcntl.AT_FDCWD;
        }
        if (path.length == 0) {
            if ((flags & Fcntl.AT_EMPTY_PATH) == 0) throw Errno.ENOENT.ex();
            f = p.fds.get(dirfd).retain();
        } else {
            int oflags = Fcntl.O_RDONLY | ((flags & Fcntl.AT_SYMLINK_NOFOLLOW) != 0 ? Fcntl.O_NOFOLLOW : 0);
            f = fs.vfs.open(fs, p.fds, dirfd, path, oflags, 0);
        }
        try (f) {
            byte[] sx = f.statx(Fcntl.AT_EMPTY_PATH, 0x7ff);
            java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(sx).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            int mode = bb.getShort(Statx.MODE) & 0xffff;
            if ((mode & 0170000) != 0100000) throw Errno.EACCES.ex();
            int owner = bb.getInt(Statx.UID), group = bb.getInt(Statx.GID);
            int bit = p.uid == owner ? 0100 : p.gid == group ? 010 : 01;
            if ((mode & bit) == 0) throw Errno.EACCES.ex();
            long size = bb.getLong(Statx.SIZE_);
            if (size > MAX_IMAGE) throw Errno.ENOMEM.ex();
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(size, 0));
            byte[] buf = new byte[1 << 16];
            long pos = 0;
            for (;;) {
                int n = f.pread(buf, 0, buf.length, pos);
                if (n <= 0) break;
                out.write(buf, 0, n);
                pos += n;
                if (pos > MAX_IMAGE) throw Errno.ENOMEM.ex();
            }
            String host = f instanceof HostFile hf ? hostPath(hf) : str(path);
            return new Opened(out.toByteArray(), host);
        }
    }

    /** The file's path as the host names it (what Linux's /proc/self/exe shows: d_path of the file). */
    private static String hostPath(HostFile f) {
        try {
            return java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/" + f.hostFd())).toString();
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * load_script: the interpreter and its optional single argument from the "#!" line (only
     * its first BINPRM_BUF_SIZE bytes are read). ENOEXEC when no interpreter is named or its
     * name does not fit.
     */
    static String[] shebang(byte[] file) throws ErrnoException {
        int n = Math.min(file.length, BINPRM_BUF_SIZE);
        int end = -1;
        for (int i = 0; i < n; i++) if (file[i] == '\n') { end = i; break; }
        if (end < 0) {
            // No newline in the buffer: the interpreter name must end inside it.
            int i = 2;
            while (i < n && (file[i] == ' ' || file[i] == '\t')) i++;
            if (i >= n) throw Errno.ENOEXEC.ex();
            int j = i;
            while (j < n && file[j] != ' ' && file[j] != '\t' && file[j] != 0) j++;
            if (j >= n) throw Errno.ENOEXEC.ex();
            end = n;
        }
        while (end > 2 && (file[end - 1] == ' ' || file[end - 1] == '\t')) end--;
        int i = 2;
        while (i < end && (file[i] == ' ' || file[i] == '\t')) i++;
        if (i >= end || file[i] == 0) throw Errno.ENOEXEC.ex();
        int j = i;
        while (j < end && file[j] != ' ' && file[j] != '\t' && file[j] != 0) j++;
        String name = new String(file, i, j - i, StandardCharsets.UTF_8);
        String arg = null;
        if (j < end && file[j] != 0) {
            int k = j;
            while (k < end && (file[k] == ' ' || file[k] == '\t')) k++;
            int stop = k;
            while (stop < end && file[stop] != 0) stop++;
            if (k < stop) arg = new String(file, k, stop - k, StandardCharsets.UTF_8);
        }
        return new String[] {name, arg};
    }
}
