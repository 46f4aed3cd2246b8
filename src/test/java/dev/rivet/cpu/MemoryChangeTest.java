package dev.rivet.cpu;

import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Mman;
import dev.rivet.mm.Access;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The hart's caches (TLBs, decoded blocks) follow changes the kernel makes to the address space
 * between runs: protection changes, unmapping, new code mapped where old code was.
 */
class MemoryChangeTest {

    @Test
    void mprotectRemovingWriteIsSeenByTheWriteTlb() throws ErrnoException {
        Machine m = new Machine("""
                li s0, 0x40000
                li t0, 1
            1:  sd t0, 0(s0)
                ecall
                addi t0, t0, 1
                j 1b
                """);
        assertSame(StopReason.ECALL, m.run());
        assertEquals(1, m.read64(0x40000));
        m.as.mprotect(0x40000, 4096, Mman.PROT_READ);
        m.hart.pc += 4;
        assertEquals(new StopReason.Fault(0x40000, Access.WRITE, true), m.run());
        m.as.munmap(0x40000, 4096);
        assertEquals(new StopReason.Fault(0x40000, Access.WRITE, false), m.run());
    }

    @Test
    void newCodeMappedOverOldCodeIsDecodedAfresh() throws ErrnoException {
        long at = 0x80000;
        int fixed = Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_FIXED;
        Machine m = new Machine("""
                li t0, 0x80000
                jalr t0
                ecall
                """);
        byte[] first = Asm.assemble("li a0, 1\nret\n", at);
        byte[] second = Asm.assemble("li a0, 2\nret\n", at);
        m.as.mmap(at, 4096, Mman.PROT_READ | Mman.PROT_WRITE, fixed);
        m.as.write(at, first);
        m.as.mprotect(at, 4096, Mman.PROT_READ | Mman.PROT_EXEC);
        assertSame(StopReason.ECALL, m.run());
        m.expect("a0", 1);
        // Like a JIT or dlopen: unmap, map again, write new code, run it from the same address.
        m.as.munmap(at, 4096);
        m.as.mmap(at, 4096, Mman.PROT_READ | Mman.PROT_WRITE, fixed);
        m.as.write(at, second);
        m.as.mprotect(at, 4096, Mman.PROT_READ | Mman.PROT_EXEC);
        m.hart.pc = Machine.CODE;
        assertSame(StopReason.ECALL, m.run());
        m.expect("a0", 2);
        // Removing exec from the code makes the next fetch fault.
        m.as.mprotect(at, 4096, Mman.PROT_READ);
        m.hart.pc = Machine.CODE;
        assertEquals(new StopReason.Fault(at, Access.EXEC, true), m.run());
    }

    @Test
    void kernelWritesToCodeInvalidate() throws ErrnoException {
        // A syscall (e.g. read() into a RWX buffer) writing over decoded code.
        Machine m = new Machine("""
                .option norvc
            1:  li a0, 5
                ecall
                j 1b
                """);
        assertSame(StopReason.ECALL, m.run());
        m.expect("a0", 5);
        m.as.write32(Machine.CODE, 0x00900513); // li a0, 9
        m.hart.pc += 4;
        assertSame(StopReason.ECALL, m.run());
        m.expect("a0", 9);
    }

    @Test
    void newAddressSpaceForExec() {
        Machine m = Machine.exec("li a0, 3\necall\n");
        Machine other = new Machine("li a0, 4\nli a1, 5\necall\n");
        m.hart.memory = other.as; // what execve does: same hart, new memory
        m.hart.pc = Machine.CODE;
        assertSame(StopReason.ECALL, m.run());
        m.expect("a0", 4);
        m.expect("a1", 5);
    }
}
