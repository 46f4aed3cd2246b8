package dev.rivet.cpu;

import dev.rivet.abi.ErrnoException;
import dev.rivet.mm.Access;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The A extension: AMO results and signedness, LR/SC, misalignment, atomicity across threads. */
class AtomicTest {

    @Test
    void doublewordAmos() {
        Machine m = Machine.exec("""
                li s0, 0x40000
                li t0, 5
                sd t0, 0(s0)
                li t1, 3
                li t2, -1
                amoadd.d a0, t1, (s0)       # mem 8
                amoswap.d a1, t1, (s0)      # mem 3
                amomin.d a2, t2, (s0)       # signed: mem -1
                amomax.d a3, t1, (s0)       # signed: mem 3
                amominu.d a4, t2, (s0)      # unsigned: 3 < 0xfff..: mem 3
                amomaxu.d a5, t2, (s0)      # mem -1
                li t3, 0xf0
                amoand.d.aq a6, t3, (s0)    # mem 0xf0
                li t4, 0x0f
                amoor.d.rl a7, t4, (s0)     # mem 0xff
                amoxor.d.aqrl s1, t3, (s0)  # mem 0x0f
                ld s2, 0(s0)
                amoadd.d zero, t1, (s0)     # rd = x0 still updates memory: 0x12
                ld s3, 0(s0)
                ecall
                """);
        m.expect("a0", 5);
        m.expect("a1", 8);
        m.expect("a2", 3);
        m.expect("a3", -1);
        m.expect("a4", 3);
        m.expect("a5", 3);
        m.expect("a6", -1);
        m.expect("a7", 0xf0);
        m.expect("s1", 0xff);
        m.expect("s2", 0x0f);
        m.expect("s3", 0x12);
    }

    @Test
    void wordAmosSignExtendAndLeaveTheOtherHalf() {
        Machine m = Machine.exec("""
                li s0, 0x40000
                li t0, 0x7fffffff
                sw t0, 0(s0)
                li t1, 0x55555555
                sw t1, 4(s0)                # sentinel above the word
                li t2, 1
                amoadd.w a0, t2, (s0)       # returns 0x7fffffff, mem 0x80000000
                lw a1, 0(s0)
                amomin.w a2, zero, (s0)     # signed: INT_MIN < 0: unchanged
                lw a3, 0(s0)
                li t3, 5
                amominu.w a4, t3, (s0)      # unsigned: 5 < 0x80000000: mem 5
                lw a5, 0(s0)
                li t4, -1
                amomaxu.w a6, t4, (s0)      # mem 0xffffffff
                amomax.w a7, t3, (s0)       # signed: 5 > -1: mem 5
                lw s1, 0(s0)
                li t5, 0x100000009          # upper half ignored
                amoswap.w s2, t5, (s0)
                lw s3, 0(s0)
                lw s4, 4(s0)
                ecall
                """);
        m.expect("a0", 0x7fffffff);
        m.expect("a1", 0xffffffff80000000L);
        m.expect("a2", 0xffffffff80000000L);
        m.expect("a3", 0xffffffff80000000L);
        m.expect("a4", 0xffffffff80000000L);
        m.expect("a5", 5);
        m.expect("a6", 5);
        m.expect("a7", -1);
        m.expect("s1", 5);
        m.expect("s2", 5);
        m.expect("s3", 9);
        m.expect("s4", 0x55555555);
    }

    @Test
    void lrSc() {
        Machine m = Machine.exec("""
                li s0, 0x40000
                li t0, 41
                sd t0, 0(s0)
                lr.d a0, (s0)
                addi a0, a0, 1
                sc.d a1, a0, (s0)           # succeeds: 0
                sc.d a2, a0, (s0)           # no reservation left: 1
                ld a3, 0(s0)
                lr.w.aq a4, (s0)
                addi a4, a4, 1
                sc.w.rl a5, a4, (s0)
                lw a6, 0(s0)
                lr.w a7, (s0)
                addi s1, s0, 8
                sc.w s2, a7, (s1)           # another address: fails
                ecall
                """);
        m.expect("a0", 42);
        m.expect("a1", 0);
        m.expect("a2", 1);
        m.expect("a3", 42);
        m.expect("a5", 0);
        m.expect("a6", 43);
        m.expect("s2", 1);
    }

    @Test
    void scFailsAfterAnotherStore() throws ErrnoException {
        Machine m = new Machine("""
                li s0, 0x40000
                li t1, 77
                lr.d a0, (s0)
                ecall
                sc.d a1, t1, (s0)
                ecall
                """);
        assertSame(StopReason.ECALL, m.run());
        m.as.write64(0x40000, 5); // another hart's store
        m.hart.pc += 4;
        assertSame(StopReason.ECALL, m.run());
        m.expect("a1", 1);
        assertEquals(5, m.read64(0x40000));
    }

    @Test
    void misalignedAtomicsStop() {
        for (String insn : new String[]{"amoadd.d a0, t1, (t0)", "amoswap.w a0, t1, (t0)", "sc.d a0, t1, (t0)"}) {
            Machine m = new Machine("li t0, 0x40004\naddi t0, t0, 2\nli t1, 1\n" + insn + "\n");
            assertEquals(new StopReason.Misaligned(0x40006, Access.WRITE), m.run(), insn);
        }
        Machine lr = new Machine("li t0, 0x40004\nlr.d a0, (t0)\n");
        assertEquals(new StopReason.Misaligned(0x40004, Access.READ), lr.run());
        Machine ro = new Machine("la t0, _start\namoadd.w a0, zero, (t0)\n", dev.rivet.abi.Mman.PROT_READ | dev.rivet.abi.Mman.PROT_EXEC);
        assertEquals(new StopReason.Fault(Machine.CODE, Access.WRITE, true), ro.run());
    }

    @Test
    void atomicAcrossThreads() throws Exception {
        // Two harts on one address space each add 1 to a counter 200000 times with amoadd.w, and
        // to another with an lr/sc loop; no increment may be lost.
        String src = """
                li s0, 0x40000
                li t0, 200000
                li t1, 1
            1:  amoadd.w zero, t1, (s0)
            2:  lr.d a0, 8(s0)
                addi a0, a0, 1
                sc.d a1, a0, 8(s0)
                bnez a1, 2b
                addi t0, t0, -1
                bnez t0, 1b
                ecall
                """.replace("8(s0)", "(s1)").replace("li s0, 0x40000", "li s0, 0x40000\nli s1, 0x40008");
        Machine m = new Machine(src);
        Hart other = new Hart(m.as);
        other.pc = Machine.CODE;
        StopReason[] otherStop = new StopReason[1];
        Thread t = new Thread(() -> otherStop[0] = other.run());
        t.start();
        StopReason mine = m.run();
        t.join();
        assertSame(StopReason.ECALL, mine);
        assertSame(StopReason.ECALL, otherStop[0]);
        assertEquals(400000, m.read64(0x40000) & 0xffffffffL);
        assertEquals(400000, m.read64(0x40008));
    }
}
