package dev.rivet.cpu;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The interpreter's side of F and D: decoding, NaN-boxing on loads and moves, unboxing of
 * improperly boxed operands, rounding-mode resolution and the integer/FP register routing.
 * (The arithmetic itself is Fpu's and is tested there.)
 */
class FpDispatchTest {

    @Test
    void loadsStoresAndMovesBox() {
        Machine m = Machine.exec("""
                li s0, 0x40000
                li t0, 0x3f800000          # 1.0f
                sw t0, 0(s0)
                flw f0, 0(s0)
                fmv.x.w a0, f0
                fmv.x.d a1, f0
                li t1, 0x80000000
                fmv.w.x f1, t1
                fmv.x.w a2, f1             # sign-extends the low 32 bits
                li t2, 0x123456789abcdef0
                fmv.d.x f2, t2
                fsw f2, 8(s0)              # stores the raw low bits, not unboxed
                lwu a3, 8(s0)
                fsd f2, 16(s0)
                fld f3, 16(s0)
                fmv.x.d a4, f3
                ecall
                """);
        m.expect("a0", 0x3f800000L);
        m.expect("a1", 0xffffffff3f800000L);
        m.expect("a2", 0xffffffff80000000L);
        m.expect("a3", 0x9abcdef0L);
        m.expect("a4", 0x123456789abcdef0L);
    }

    @Test
    void arithmeticRoutesRegistersAndRoundingModes() {
        Machine m = Machine.exec("""
                li t0, 0x3f800000          # 1.0f
                fmv.w.x f0, t0
                li t0, 0x40000000          # 2.0f
                fmv.w.x f1, t0
                fadd.s f2, f0, f1
                fmv.x.w a0, f2             # 3.0f
                li t0, 0x3f800000          # 1.0f, but not NaN-boxed
                fmv.d.x f3, t0
                fadd.s f4, f3, f0          # the unboxed operand reads as the canonical NaN
                fmv.x.w a1, f4
                li t0, 0x40200000          # 2.5f
                fmv.w.x f5, t0
                fcvt.w.s a2, f5, rtz
                fcvt.w.s a3, f5, rup
                li t1, 2                   # frm = RDN
                fsrm t1
                fcvt.w.s a4, f5            # dynamic: RDN
                fcvt.l.s a5, f5, rmm
                feq.s a6, f2, f2
                fclass.s a7, f3            # canonical NaN class: quiet NaN (bit 9)
                ecall
                """);
        m.expect("a0", 0x40400000L);
        m.expect("a1", 0x7fc00000L);
        m.expect("a2", 2);
        m.expect("a3", 3);
        m.expect("a4", 2);
        m.expect("a5", 3);
        m.expect("a6", 1);
        m.expect("a7", 1 << 9);
    }

    @Test
    void doublesFusedAndConversions() {
        Machine m = Machine.exec("""
                li t0, 2
                fcvt.d.l f0, t0
                li t0, 3
                fcvt.d.w f1, t0
                li t0, 1
                fcvt.d.wu f2, t0
                fmadd.d f3, f0, f1, f2     # 2*3+1
                fmv.x.d a0, f3
                fnmsub.d f4, f0, f1, f2    # -(2*3)+1
                fcvt.l.d a1, f4
                fcvt.s.d f5, f3
                fmv.x.w a2, f5             # 7.0f
                fcvt.d.s f6, f5
                fmv.x.d a3, f6
                fdiv.d f7, f2, f0          # 0.5
                fsqrt.d f8, f7
                flt.d a4, f8, f2           # sqrt(0.5) < 1
                fcvt.wu.d a5, f4           # negative -> 0, NV
                frflags a6
                fmin.d f9, f0, f1
                fmv.x.d a7, f9
                ecall
                """);
        m.expect("a0", 0x401c000000000000L);
        m.expect("a1", -5);
        m.expect("a2", 0x40e00000L);
        m.expect("a3", 0x401c000000000000L);
        m.expect("a4", 1);
        m.expect("a5", 0);
        assertEquals(0x10, m.reg("a6") & 0x10, "NV set by the invalid conversion");
        m.expect("a7", 0x4000000000000000L);
    }

    @Test
    void compressedFpLoadsAndStores() {
        Machine m = Machine.exec("""
                .option rvc
                li sp, 0x40100
                li s0, 0x40200
                li t0, 0x4008000000000000  # 3.0
                sd t0, 16(s0)
                c.fld fa0, 16(s0)
                mv s1, sp
                c.fsd fa0, 24(s1)
                c.fldsp fs1, 24(sp)
                c.fsdsp fs1, 32(sp)
                ld a0, 32(sp)
                fmv.x.d a1, fs1
                ecall
                """);
        m.expect("a0", 0x4008000000000000L);
        m.expect("a1", 0x4008000000000000L);
    }
}
