package dev.rivet.cpu;

import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Mman;
import dev.rivet.mm.AddressSpace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * A hart over a fresh address space with a test program at {@link #CODE} (read/write/execute,
 * so programs may modify themselves) and {@link #DATA_PAGES} zeroed read/write pages at
 * {@link #DATA}.
 */
final class Machine {
    static final long CODE = 0x10000;
    static final long DATA = 0x40000;
    static final int DATA_PAGES = 4;

    final AddressSpace as = new AddressSpace();
    final Hart hart = new Hart(as);
    final byte[] code;

    Machine(String source) {
        this(source, Mman.PROT_READ | Mman.PROT_WRITE | Mman.PROT_EXEC);
    }

    Machine(String source, int codeProt) {
        code = Asm.assemble(source, CODE);
        try {
            long len = (code.length + 0xfffL) & ~0xfffL;
            int fixed = Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_FIXED;
            as.mmap(CODE, len, Mman.PROT_READ | Mman.PROT_WRITE, fixed);
            as.write(CODE, code);
            as.mprotect(CODE, len, codeProt);
            as.mmap(DATA, DATA_PAGES * 4096L, Mman.PROT_READ | Mman.PROT_WRITE, fixed);
        } catch (ErrnoException e) {
            throw new AssertionError(e);
        }
        hart.pc = CODE;
    }

    /** Runs until the hart stops and returns why. */
    StopReason run() {
        return hart.run();
    }

    /** Runs while another thread asks the hart to stop after {@code millis}: how the kernel interrupts a busy guest. */
    StopReason runStoppedAfter(long millis) throws InterruptedException {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException ignored) {
                // stop earlier
            }
            hart.requestStop();
        });
        t.start();
        StopReason r = run();
        t.join();
        return r;
    }

    /** Runs to the program's final ecall and checks that it got there. */
    Machine runToEcall() {
        StopReason r = run();
        assertInstanceOf(StopReason.Ecall.class, r, () -> "stopped at pc 0x" + Long.toHexString(hart.pc) + ": " + r);
        return this;
    }

    long x(int r) {
        return hart.x[r];
    }

    /** Register by ABI name (a0, t1, s2 ...). */
    long reg(String name) {
        return hart.x[Regs.index(name)];
    }

    void expect(String name, long value) {
        assertEquals(value, reg(name), () -> name + " = 0x" + Long.toHexString(reg(name)) + ", expected 0x" + Long.toHexString(value));
    }

    long read64(long addr) {
        try {
            return as.read64(addr);
        } catch (ErrnoException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs a program and returns the machine stopped at its final ecall. */
    static Machine exec(String source) {
        return new Machine(source).runToEcall();
    }
}
