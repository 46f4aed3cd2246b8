package dev.rivet.mm;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.cpu.Hart;
import dev.rivet.fs.FdTable;
import dev.rivet.kernel.Process;
import dev.rivet.kernel.Task;
import dev.rivet.syscall.ArgKind;
import dev.rivet.syscall.Args;
import dev.rivet.syscall.Support;
import dev.rivet.syscall.Syscall;
import dev.rivet.syscall.SyscallTable;
import dev.rivet.syscall.SysMm;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rivet.abi.Mman.*;
import static org.junit.jupiter.api.Assertions.*;

/** The mm syscalls through the table: argument decoding and the errors decided before the address space. */
class SysMmTest {
    final AddressSpace as = new AddressSpace();
    final Task task = new Task(new Process(null, 1, 0, as, new FdTable(), null, 0, 0), new Hart(as), 1);
    final SyscallTable table = new SyscallTable();

    SysMmTest() {
        SysMm.register(table);
        as.mapStack(8L << 20);
        as.initBrk(0x20000);
    }

    long call(int nr, long... a) throws ErrnoException {
        long[] r = java.util.Arrays.copyOf(a, 6);
        Args args = new Args();
        args.set(r[0], r[1], r[2], r[3], r[4], r[5]);
        return table.get(nr).handler().call(task, args);
    }

    Errno err(int nr, long... a) {
        try {
            call(nr, a);
        } catch (ErrnoException e) {
            return e.errno;
        }
        return fail("expected an errno");
    }

    int addFile() {
        try {
            return task.process.fds.add(new dev.rivet.fs.OpenFile(0) {}, false);
        } catch (ErrnoException e) {
            return fail(e);
        }
    }

    static final int MSYNC = 227, MLOCK = 228, MUNLOCK = 229, MLOCKALL = 230, MUNLOCKALL = 231, MINCORE = 232,
            MLOCK2 = 284, PKEY_MPROTECT = 288, PKEY_ALLOC = 289, PKEY_FREE = 290, BRK = 214, MUNMAP = 215, MREMAP = 216, MMAP = 222, MPROTECT = 226, MADVISE = 233;

    @Test
    void rowsCarryNamesArgKindsAndSupport() {
        Syscall mmap = table.get(MMAP);
        assertEquals("mmap", mmap.name());
        assertEquals(List.of(ArgKind.PTR, ArgKind.SIZE, ArgKind.PROT, ArgKind.MAP_FLAGS, ArgKind.FD, ArgKind.HEX), mmap.args());
        assertEquals(Support.PARTIAL, mmap.support());
        assertEquals(Support.FULL, table.get(MUNMAP).support());
        for (int nr : new int[] {BRK, MUNMAP, MREMAP, MMAP, MPROTECT, MADVISE}) assertNotNull(table.get(nr).handler());
    }

    @Test
    void anonymousMappingRoundTrip() throws ErrnoException {
        long a = call(MMAP, 0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        assertEquals(0x7ffff7ffe000L, a);
        as.write64(a, 5);
        assertEquals(0, call(MPROTECT, a, 4096, PROT_READ));
        assertEquals(Errno.EFAULT, assertThrows(ErrnoException.class, () -> as.write64(a, 1)).errno);
        assertEquals(0, call(MADVISE, a, 8192, MADV_DONTNEED));
        assertEquals(a + 4096, call(MREMAP, a + 4096, 4096, 4096, 0, 0));
        assertEquals(0, call(MUNMAP, a, 8192));
        assertEquals(0x20000, call(BRK, 0));
        assertEquals(0x30000, call(BRK, 0x30000));
    }

    @Test
    void errorsDecidedByTheSyscallLayer() {
        assertEquals(Errno.EINVAL, err(MMAP, 0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 5));
        assertEquals(Errno.EBADF, err(MMAP, 0, 4096, PROT_READ, MAP_PRIVATE, -1, 0));
        assertEquals(Errno.EBADF, err(MMAP, 0, 0, PROT_READ, MAP_PRIVATE, -1, 0));
        assertEquals(Errno.EBADF, err(MMAP, 0, 4096, PROT_READ, MAP_PRIVATE, 3, 0));  // not open
        int fd = addFile();
        assertEquals(Errno.ENODEV, err(MMAP, 0, 4096, PROT_READ, MAP_PRIVATE, fd, 0));  // open, not mappable yet
        assertEquals(Errno.EINVAL, err(MMAP, 0, 0, PROT_READ, MAP_PRIVATE, fd, 0));
        assertEquals(Errno.EINVAL, err(MPROTECT, 0x10000, 4096, 1L << 32 | PROT_READ));
        assertEquals(Errno.EINVAL, err(MREMAP, 0x10000, 4096, 8192, 1L << 32, 0));
    }

    @Test
    void lockSyncAndMincoreAsLinux() throws ErrnoException {
        // The expected results come from the same calls on Linux 6.18.
        long B = 0x300000000000L, PG = 4096;
        long a = as.mmap(B, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED);
        as.munmap(a + 2 * PG, PG);
        assertEquals(Errno.ENOMEM, err(MLOCK, a + 10, 4 * PG));
        assertNotEquals(0, as.mappingAt(a + PG).flags() & Vma.VM_LOCKED);  // changed up to the hole
        assertEquals(0, as.mappingAt(a + 3 * PG).flags() & Vma.VM_LOCKED);
        assertEquals(Errno.ENOMEM, err(MLOCK, a + 2 * PG, PG));
        assertEquals(0, call(MUNLOCK, a, 0));
        assertEquals(0, call(MLOCK, a, -1));  // the length rounds to zero
        assertEquals(Errno.EINVAL, err(MLOCK2, a, PG, 2));
        assertEquals(Errno.EINVAL, err(MLOCKALL, 0));
        assertEquals(Errno.EINVAL, err(MLOCKALL, 4));
        assertEquals(Errno.EINVAL, err(MLOCKALL, 8));

        assertEquals(Errno.EINVAL, err(MSYNC, a, PG, 8));
        assertEquals(Errno.EINVAL, err(MSYNC, a, PG, 1 | 4));
        assertEquals(Errno.EINVAL, err(MSYNC, a + 1, PG, 4));
        assertEquals(0, call(MSYNC, 0x10000, 0, 4));
        assertEquals(Errno.ENOMEM, err(MSYNC, a, 4 * PG, 1));
        assertEquals(Errno.ENOMEM, err(MSYNC, a, 4 * PG, 4));
        assertEquals(Errno.EBUSY, err(MSYNC, a, PG, 2));  // MS_INVALIDATE on locked memory
        assertEquals(0, call(MSYNC, a + 3 * PG, PG, 4));
        assertEquals(0, call(MSYNC, a + 3 * PG, PG, 0));

        long vec = as.mmap(0, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
        as.write(vec, new byte[] {9, 9, 9, 9});
        as.write8(a, (byte) 1);
        as.read8(a + PG);
        assertEquals(Errno.ENOMEM, err(MINCORE, a, 4 * PG, vec));
        assertArrayEquals(new byte[] {1, 1, 9, 9}, as.read(vec, 4));  // filled up to the hole
        assertEquals(Errno.EINVAL, err(MINCORE, a + 1, PG, vec));
        assertEquals(Errno.ENOMEM, err(MINCORE, 0x7ffffffff000L, 2 * PG, vec));
        assertEquals(Errno.ENOMEM, err(MINCORE, 0x10000, PG, vec));
        assertEquals(0, call(MINCORE, 0x10000, 0, vec));
        assertEquals(Errno.EFAULT, err(MINCORE, a, PG, 0x10));
        assertEquals(Errno.EFAULT, err(MINCORE, a, PG, -4096));
        assertEquals(0, call(MINCORE, a + 3 * PG, PG, vec));
        assertEquals(0, as.read8(vec));  // never touched

        assertEquals(0, call(MLOCKALL, 1 | 2));
        long later = as.mmap(0, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS);
        assertNotEquals(0, as.mappingAt(later).flags() & Vma.VM_LOCKED);  // MCL_FUTURE
        assertEquals(0, call(MUNLOCKALL));
        assertEquals(0, as.mappingAt(later).flags() & Vma.VM_LOCKED);
    }

    @Test
    void protectionKeysAsOnAnArchWithoutThem() throws ErrnoException {
        long a = as.mmap(0x300000000000L, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED);
        assertEquals(0, call(PKEY_MPROTECT, a, 4096, PROT_READ, -1));
        assertEquals(0, call(PKEY_MPROTECT, a, 4096, PROT_READ, 0));
        assertEquals(Errno.EINVAL, err(PKEY_MPROTECT, a, 4096, PROT_READ | PROT_WRITE, 1));
        assertEquals(PROT_READ, as.mappingAt(a).prot());
        assertEquals(Errno.EINVAL, err(PKEY_MPROTECT, a + 1, 4096, PROT_READ, 1));  // alignment is checked first
        assertEquals(Errno.ENOSPC, err(PKEY_ALLOC, 0, 0));
        assertEquals(Errno.EINVAL, err(PKEY_ALLOC, 1, 0));
        assertEquals(Errno.EINVAL, err(PKEY_ALLOC, 0, 4));
        assertEquals(Errno.EINVAL, err(PKEY_FREE, 1));
    }

    @Test
    void mincoreOverManyChunks() throws ErrnoException {
        long PG = 4096, len = 512L << 20;  // 131072 pages: two of the handler's chunks
        long a = as.mmap(0, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE);
        long vec = as.mmap(0, len / PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
        long[] touched = {0, 65535, 65536, 131071};
        for (long p : touched) as.write8(a + p * PG, (byte) 1);
        assertEquals(0, call(MINCORE, a, len - 100, vec));  // a partial last page counts
        byte[] v = as.read(vec, (int) (len / PG));
        int ones = 0;
        for (byte b : v) ones += b;
        assertEquals(touched.length, ones);
        for (long p : touched) assertEquals(1, v[(int) p]);
    }
}
