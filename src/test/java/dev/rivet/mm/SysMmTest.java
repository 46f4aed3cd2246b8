package dev.rivet.mm;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.cpu.Hart;
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
    final Task task = new Task(new Process(null, 1, 0, as, null, null, 0, 0), new Hart(as), 1);
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

    static final int BRK = 214, MUNMAP = 215, MREMAP = 216, MMAP = 222, MPROTECT = 226, MADVISE = 233;

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
        assertEquals(Errno.ENODEV, err(MMAP, 0, 4096, PROT_READ, MAP_PRIVATE, 3, 0));
        assertEquals(Errno.EINVAL, err(MPROTECT, 0x10000, 4096, 1L << 32 | PROT_READ));
        assertEquals(Errno.EINVAL, err(MREMAP, 0x10000, 4096, 8192, 1L << 32, 0));
    }
}
