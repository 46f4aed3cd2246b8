package dev.rivet.syscall;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Mman;
import dev.rivet.fs.OpenFile;
import dev.rivet.kernel.Task;
import dev.rivet.mm.AddressSpace;
import dev.rivet.mm.Layout;
import dev.rivet.mm.Mincore;

/**
 * Memory-management syscalls: brk, mmap, munmap, mprotect, mremap, madvise, msync, mincore and
 * the mlock family. Thin: the rules live in {@link AddressSpace}.
 */
public final class SysMm {
    private SysMm() {}

    public static void register(SyscallTable t) {
        t.add("brk", SysMm::brk, ArgKind.PTR);
        t.partial("mmap", "file-backed mappings are not implemented yet (they come with the VFS): "
                        + "ENODEV for every open fd",
                SysMm::mmap, ArgKind.PTR, ArgKind.SIZE, ArgKind.PROT, ArgKind.MAP_FLAGS, ArgKind.FD, ArgKind.HEX);
        t.add("munmap", SysMm::munmap, ArgKind.PTR, ArgKind.SIZE);
        t.add("mprotect", SysMm::mprotect, ArgKind.PTR, ArgKind.SIZE, ArgKind.PROT);
        t.partial("mremap", "old_size 0 (duplicating a shared mapping) returns EINVAL",
                SysMm::mremap, ArgKind.PTR, ArgKind.SIZE, ArgKind.SIZE, ArgKind.HEX, ArgKind.PTR);
        t.add("madvise", SysMm::madvise, ArgKind.PTR, ArgKind.SIZE, ArgKind.INT);
        t.add("msync", SysMm::msync, ArgKind.PTR, ArgKind.SIZE, ArgKind.HEX);
        t.add("mincore", SysMm::mincore, ArgKind.PTR, ArgKind.SIZE, ArgKind.PTR);
        String memlock = "RLIMIT_MEMLOCK is not enforced; locking only sets VM_LOCKED (guest memory is never swapped)";
        t.partial("mlock", memlock, SysMm::mlock, ArgKind.PTR, ArgKind.SIZE);
        t.partial("mlock2", memlock, SysMm::mlock2, ArgKind.PTR, ArgKind.SIZE, ArgKind.HEX);
        t.add("munlock", SysMm::munlock, ArgKind.PTR, ArgKind.SIZE);
        t.partial("mlockall", memlock, SysMm::mlockall, ArgKind.HEX);
        t.add("munlockall", SysMm::munlockall);
        t.add("pkey_mprotect", SysMm::pkeyMprotect, ArgKind.PTR, ArgKind.SIZE, ArgKind.PROT, ArgKind.INT);
        t.add("pkey_alloc", SysMm::pkeyAlloc, ArgKind.HEX, ArgKind.HEX);
        t.add("pkey_free", SysMm::pkeyFree, ArgKind.INT);
    }

    private static AddressSpace mm(Task task) { return task.process.memory; }

    static long brk(Task task, Args a) {
        return mm(task).brk(a.l(0));
    }

    static long mmap(Task task, Args a) throws ErrnoException {
        long addr = a.l(0), len = a.l(1), offset = a.l(5);
        int prot = a.i(2), flags = a.i(3), fd = a.i(4);
        if ((offset & (AddressSpace.PAGE_SIZE - 1)) != 0) throw Errno.EINVAL.ex();  // riscv sys_mmap
        if ((flags & Mman.MAP_ANONYMOUS) == 0) {
            // Linux looks the fd up before anything else (EBADF). Until files can be mapped every
            // open fd is one "whose file does not support mapping".
            try (OpenFile f = task.process.fds.get(fd)) {
                if (len == 0) throw Errno.EINVAL.ex();
                throw Errno.ENODEV.ex();
            }
        }
        return mm(task).mmap(addr, len, prot, flags);
    }

    static long munmap(Task task, Args a) throws ErrnoException {
        mm(task).munmap(a.l(0), a.l(1));
        return 0;
    }

    static long mprotect(Task task, Args a) throws ErrnoException {
        if ((a.l(2) >>> 32) != 0) throw Errno.EINVAL.ex();  // prot is an unsigned long: unknown high bits
        mm(task).mprotect(a.l(0), a.l(1), a.i(2));
        return 0;
    }

    static long mremap(Task task, Args a) throws ErrnoException {
        if ((a.l(3) >>> 32) != 0) throw Errno.EINVAL.ex();  // flags is an unsigned long: unknown high bits
        return mm(task).mremap(a.l(0), a.l(1), a.l(2), a.i(3), a.l(4));
    }

    static long madvise(Task task, Args a) throws ErrnoException {
        mm(task).madvise(a.l(0), a.l(1), a.i(2));
        return 0;
    }

    static long msync(Task task, Args a) throws ErrnoException {
        mm(task).msync(a.l(0), a.l(1), a.i(2));
        return 0;
    }

    static long mincore(Task task, Args a) throws ErrnoException {
        long start = a.l(0), len = a.l(1), vec = a.l(2);
        // Linux's order: the range's alignment and extent, then the vector's extent, then the walk.
        if ((start & (AddressSpace.PAGE_SIZE - 1)) != 0) throw Errno.EINVAL.ex();
        if (start < 0 || Long.compareUnsigned(len, Layout.TASK_SIZE - start) > 0) throw Errno.ENOMEM.ex();
        long pages = (len + AddressSpace.PAGE_SIZE - 1) >>> AddressSpace.PAGE_SHIFT;
        if (vec < 0 || Long.compareUnsigned(pages, Layout.TASK_SIZE - vec) > 0) throw Errno.EFAULT.ex();
        // In chunks, as Linux does, so a huge range never needs a huge host array.
        long chunk = (long) MINCORE_CHUNK << AddressSpace.PAGE_SHIFT;
        for (long done = 0; done < pages; done += MINCORE_CHUNK) {
            long at = start + (done << AddressSpace.PAGE_SHIFT);
            Mincore r = mm(task).mincore(at, Math.min(chunk, start + len - at));
            task.memory().write(vec + done, r.vec());
            if (r.hole()) throw Errno.ENOMEM.ex();
        }
        return 0;
    }

    private static final int MINCORE_CHUNK = 1 << 16;

    static long mlock(Task task, Args a) throws ErrnoException {
        mm(task).mlock(a.l(0), a.l(1), true);
        return 0;
    }

    static long mlock2(Task task, Args a) throws ErrnoException {
        if ((a.i(2) & ~MLOCK_ONFAULT) != 0) throw Errno.EINVAL.ex();
        mm(task).mlock(a.l(0), a.l(1), true);
        return 0;
    }

    private static final int MLOCK_ONFAULT = 1;

    static long munlock(Task task, Args a) throws ErrnoException {
        mm(task).mlock(a.l(0), a.l(1), false);
        return 0;
    }

    static long mlockall(Task task, Args a) throws ErrnoException {
        mm(task).mlockall(a.i(0));
        return 0;
    }

    static long munlockall(Task task, Args a) {
        mm(task).munlockall();
        return 0;
    }

    static long pkeyMprotect(Task task, Args a) throws ErrnoException {
        if ((a.l(2) >>> 32) != 0) throw Errno.EINVAL.ex();
        mm(task).pkeyMprotect(a.l(0), a.l(1), a.i(2), a.i(3));
        return 0;
    }

    /** RISC-V has no protection keys: a valid request finds none free (ENOSPC), as Linux answers. */
    static long pkeyAlloc(Task task, Args a) throws ErrnoException {
        if (a.l(0) != 0) throw Errno.EINVAL.ex();
        if ((a.l(1) & ~PKEY_ACCESS_MASK) != 0) throw Errno.EINVAL.ex();
        throw Errno.ENOSPC.ex();
    }

    private static final long PKEY_ACCESS_MASK = 3;  // PKEY_DISABLE_ACCESS | PKEY_DISABLE_WRITE

    /** No key was ever allocated, so none can be freed. */
    static long pkeyFree(Task task, Args a) throws ErrnoException {
        throw Errno.EINVAL.ex();
    }
}
