package dev.rivet.cpu;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * A rough interpreter speed figure to guide the design (printed, never asserted: timing on a
 * shared machine proves nothing). Checks only that the loop computed the right thing.
 */
class ThroughputTest {

    @Test
    void simpleLoop() {
        long iterations = Long.getLong("rivet.cpu.bench.iterations", 10_000_000L);
        // 8 instructions per iteration: ALU, a load and store, and a taken branch.
        Machine m = new Machine("""
                li a0, 0
                li s0, 0x40000
            1:  addi a0, a0, 1
                xor a1, a0, t0
                slli a2, a1, 3
                sd a2, 8(s0)
                ld a3, 8(s0)
                add a4, a4, a3
                addi t0, t0, -1
                bnez t0, 1b
                ecall
                """);
        m.hart.x[Regs.index("t0")] = iterations;
        long start = System.nanoTime();
        assertSame(StopReason.ECALL, m.run());
        long ns = System.nanoTime() - start;
        assertEquals(iterations, m.reg("a0"));
        assertEquals(2 + 8 * iterations, m.hart.instret);
        System.out.printf("interpreter: %d instructions in %.1f ms = %.0f MIPS%n",
                m.hart.instret, ns / 1e6, m.hart.instret * 1e3 / ns);
    }
}
