package dev.rivet.cpu;

import dev.rivet.abi.Mman;
import dev.rivet.mm.Access;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Traps and stops, CSRs, instret exactness, self-modifying code, and stop requests. */
class SystemTest {

    @Test
    void ecallStopsAtTheEcallWithExactInstret() {
        Machine m = new Machine("""
                .option norvc
                li a7, 93
                nop
                ecall
                li a0, 1
                ecall
                """);
        assertSame(StopReason.ECALL, m.run());
        assertEquals(Machine.CODE + 8, m.hart.pc);
        assertEquals(2, m.hart.instret);
        m.hart.pc += 4; // what the kernel does
        assertSame(StopReason.ECALL, m.run());
        assertEquals(Machine.CODE + 16, m.hart.pc);
        assertEquals(3, m.hart.instret);
        m.expect("a0", 1);
    }

    @Test
    void ebreakAndCompressedEbreak() {
        Machine m = new Machine("""
                .option norvc
                nop
                ebreak
                .option rvc
                c.ebreak
                """);
        assertSame(StopReason.BREAKPOINT, m.run());
        assertEquals(Machine.CODE + 4, m.hart.pc);
        m.hart.pc += 4;
        assertSame(StopReason.BREAKPOINT, m.run());
        assertEquals(Machine.CODE + 8, m.hart.pc);
    }

    @Test
    void illegalInstructions() {
        Machine m = new Machine("""
                .option norvc
                nop
                csrr a0, mscratch
                """);
        assertEquals(new StopReason.Illegal(0x34002573), m.run());
        assertEquals(Machine.CODE + 4, m.hart.pc);
        assertEquals(1, m.hart.instret);
        // Writing a read-only counter, an unknown user CSR, a reserved rounding mode.
        for (String insn : new String[]{"csrw cycle, a0", "csrr a0, 0xc03", "csrs instret, a0", "fadd.s fa0, fa1, fa2, 5\n"}) {
            String src = insn.startsWith("fadd") ? ".word 0x00c5d553\n" : insn; // rm = 5 is not accepted by as
            StopReason r = new Machine(src).run();
            assertTrue(r instanceof StopReason.Illegal, insn + " -> " + r);
        }
        // A reserved dynamic rounding mode in frm makes FP arithmetic with rm = dyn illegal.
        Machine dyn = new Machine("""
                li t0, 5
                fsrm t0
                fadd.s fa0, fa1, fa2
                """);
        assertTrue(dyn.run() instanceof StopReason.Illegal);
        assertEquals(Machine.CODE + dyn.code.length - 4, dyn.hart.pc);
    }

    @Test
    void faults() {
        Machine m = new Machine("""
                .option norvc
                nop
                li t0, 0x90000
                ld a0, 0(t0)
                """);
        assertEquals(new StopReason.Fault(0x90000, Access.READ, false), m.run());
        assertEquals(Machine.CODE + 8, m.hart.pc);
        assertEquals(2, m.hart.instret);

        Machine jump = new Machine("""
                li t0, 0x90000
                jr t0
                """);
        assertEquals(new StopReason.Fault(0x90000, Access.EXEC, false), jump.run());
        assertEquals(0x90000, jump.hart.pc);

        Machine noexec = new Machine("""
                li t0, 0x40010
                jr t0
                """);
        assertEquals(new StopReason.Fault(0x40010, Access.EXEC, true), noexec.run());
        assertEquals(0x40010, noexec.hart.pc);

        Machine ro = new Machine("""
                la t0, _start
                sd zero, 0(t0)
                """, Mman.PROT_READ | Mman.PROT_EXEC);
        assertEquals(new StopReason.Fault(Machine.CODE, Access.WRITE, true), ro.run());

        // A page-crossing store faults as a whole: nothing is written on the first page.
        Machine cross = new Machine("""
                li t0, 0x43ffc
                li t1, -1
                sd t1, 0(t0)
                """);
        StopReason r = cross.run();
        assertEquals(new StopReason.Fault(0x44000, Access.WRITE, false), r);
        assertEquals(0, cross.read64(0x43ff8));
    }

    @Test
    void instructionStraddlingPagesRunsAndFaults() {
        // Pad so a 4-byte instruction starts 2 bytes before the end of the first code page.
        StringBuilder src = new StringBuilder(".option rvc\n");
        for (int i = 0; i < 2047; i++) src.append("c.nop\n");
        src.append(".option norvc\nli a0, 1234\nli a1, 99\necall\n");
        Machine m = Machine.exec(src.toString());
        m.expect("a0", 1234);
        m.expect("a1", 99);
        assertEquals(2047 + 2, m.hart.instret);

        // The same straddling instruction with its second half unmapped: an EXEC fault at the
        // second page, reported at the instruction's pc.
        StringBuilder src2 = new StringBuilder(".option rvc\n");
        for (int i = 0; i < 2047; i++) src2.append("c.nop\n");
        src2.append(".option norvc\n.half 0x0513\n");
        Machine f = new Machine(src2.toString());
        assertEquals(new StopReason.Fault(Machine.CODE + 4096, Access.EXEC, false), f.run());
        assertEquals(Machine.CODE + 4094, f.hart.pc);
        assertEquals(2047, f.hart.instret);
    }

    @Test
    void counters() {
        Machine m = Machine.exec("""
                .option norvc
                nop
                nop
                nop
                rdinstret a0
                rdcycle a1
                rdtime a2
                ecall
                """);
        long now = System.nanoTime() / 100;
        m.expect("a0", 3);
        m.expect("a1", 4);
        assertTrue(m.reg("a2") <= now && m.reg("a2") > now - 10_000_000, "time within a second of now");
    }

    @Test
    void fpCsrs() {
        Machine m = Machine.exec("""
                li t0, 0xff
                csrw fcsr, t0
                csrr a0, fflags
                csrr a1, frm
                csrrwi a2, frm, 2
                csrr a3, fcsr
                li t1, 0x1ff
                csrw fcsr, t1         # bits above 7 are ignored
                csrr a4, fcsr
                csrci fflags, 0x3
                csrr a5, fflags
                csrrs a6, fflags, zero
                fsflags a7, zero
                frflags s0
                ecall
                """);
        m.expect("a0", 0x1f);
        m.expect("a1", 7);
        m.expect("a2", 7);
        m.expect("a3", 0x5f);
        m.expect("a4", 0xff);
        m.expect("a5", 0x1c);
        m.expect("a6", 0x1c);
        m.expect("a7", 0x1c);
        m.expect("s0", 0);
        assertEquals(7, m.hart.frm);
    }

    @Test
    void selfModifyingCodeWithFenceI() {
        Machine m = Machine.exec("""
                .option norvc
                li s0, 0
                li s1, 0
            loop:
            target:
                li a0, 1              # rewritten to li a0, 42 on the second pass
                add s1, s1, a0
                bnez s0, done
                la t0, target
                li t1, 0x02a00513     # addi a0, zero, 42
                sw t1, 0(t0)
                fence.i
                li s0, 1
                j loop
            done:
                ecall
                """);
        m.expect("a0", 42);
        m.expect("s1", 43);
    }

    @Test
    void storeIntoTheRunningBlockTakesEffectAfterFenceI() {
        // The store hits the block being executed; fence.i ends the block and the rewritten
        // instruction is decoded afresh.
        Machine m = Machine.exec("""
                .option norvc
                la t0, patched
                li t1, 0x00700593     # addi a1, zero, 7
                sw t1, 0(t0)
                fence.i
            patched:
                li a1, 3
                ecall
                """);
        m.expect("a1", 7);
    }

    @Test
    void requestStopInterruptsAnInfiniteLoop() throws Exception {
        Machine m = new Machine("""
                1: addi a0, a0, 1
                j 1b
                """);
        StopReason r = m.runStoppedAfter(100);
        assertSame(StopReason.INTERRUPTED, r);
        assertTrue(m.hart.clearStop());
        // Stopped at a block boundary: every counted instruction executed exactly once.
        assertEquals(m.hart.instret, 2 * m.reg("a0"));
        assertEquals(Machine.CODE, m.hart.pc);
    }
}
