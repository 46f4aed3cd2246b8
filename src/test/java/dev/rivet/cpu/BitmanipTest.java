package dev.rivet.cpu;

import org.junit.jupiter.api.Test;

/** Every Zba, Zbb, Zbs (and Zbc) instruction, with results worked out from the spec by hand. */
class BitmanipTest {

    @Test
    void zba() {
        Machine m = Machine.exec("""
                li t0, 0x80000001
                li t1, 3
                li t2, -1
                sh1add a0, t1, t0
                sh2add a1, t1, t0
                sh3add a2, t1, t0
                add.uw a3, t2, t1
                sh1add.uw a4, t2, t1
                sh2add.uw a5, t2, t1
                sh3add.uw a6, t2, t1
                slli.uw a7, t2, 4
                zext.w s0, t2          # = add.uw rd, rs, zero
                ecall
                """);
        m.expect("a0", 0x80000007L);
        m.expect("a1", 0x8000000dL);
        m.expect("a2", 0x80000019L);
        m.expect("a3", 0x100000002L);
        m.expect("a4", 0x200000001L);
        m.expect("a5", 0x3ffffffffL);
        m.expect("a6", 0x7fffffffbL);
        m.expect("a7", 0xffffffff0L);
        m.expect("s0", 0xffffffffL);
    }

    @Test
    void zbbLogicAndCounts() {
        Machine m = Machine.exec("""
                li t0, 0x80000001
                li t1, 3
                li t2, -1
                andn a0, t2, t1
                orn a1, t1, t2
                xnor a2, t1, t1
                clz a3, t0
                clzw a4, t0
                ctz a5, t0
                ctz a6, zero
                ctzw a7, zero
                cpop s0, t2
                cpopw s1, t2
                clz s2, zero
                clzw s3, zero
                li t3, 0x0100000000000000
                clz s4, t3
                ctzw s5, t3             # low word is zero
                cpop s6, t0
                ecall
                """);
        m.expect("a0", -4);
        m.expect("a1", 3);
        m.expect("a2", -1);
        m.expect("a3", 32);
        m.expect("a4", 0);
        m.expect("a5", 0);
        m.expect("a6", 64);
        m.expect("a7", 32);
        m.expect("s0", 64);
        m.expect("s1", 32);
        m.expect("s2", 64);
        m.expect("s3", 32);
        m.expect("s4", 7);
        m.expect("s5", 32);
        m.expect("s6", 2);
    }

    @Test
    void zbbMinMaxExtendRotate() {
        Machine m = Machine.exec("""
                li t1, 3
                li t2, -1
                max a0, t2, t1
                maxu a1, t2, t1
                min a2, t2, t1
                minu a3, t2, t1
                li t3, 0x12345680
                sext.b a4, t3
                li t4, 0x1234f00f
                sext.h a5, t4
                zext.h a6, t2
                li t5, 0x8000000000000001
                rol a7, t5, t1          # rotate left by 3
                ror s0, t5, t1
                rori s1, t5, 1
                li t6, 0x80000001
                rolw s2, t6, t1         # 32-bit rotate, sign-extended
                rorw s3, t6, t1
                roriw s4, t6, 1
                li s11, 67
                rol s5, t5, s11         # amount masked to 6 bits (3)
                rolw s6, t6, s11        # masked to 5 bits (3)
                ecall
                """);
        m.expect("a0", 3);
        m.expect("a1", -1);
        m.expect("a2", -1);
        m.expect("a3", 3);
        m.expect("a4", (byte) 0x80);
        m.expect("a5", (short) 0xf00f);
        m.expect("a6", 0xffff);
        m.expect("a7", 0xc);
        m.expect("s0", 0x3000000000000000L);
        m.expect("s1", 0xc000000000000000L);
        m.expect("s2", 0xc);
        m.expect("s3", 0x30000000L);
        m.expect("s4", 0xffffffffc0000000L);
        m.expect("s5", 0xc);
        m.expect("s6", 0xc);
    }

    @Test
    void zbbBytes() {
        Machine m = Machine.exec("""
                li t0, 0x0001800000ff0010
                orc.b a0, t0
                rev8 a1, t0
                orc.b a2, zero
                ecall
                """);
        m.expect("a0", 0x00ffff0000ff00ffL);
        m.expect("a1", 0x1000ff0000800100L);
        m.expect("a2", 0);
    }

    @Test
    void zbs() {
        Machine m = Machine.exec("""
                li t0, 0xff
                li t1, 3
                li t2, 67               # index masked to 6 bits: 3
                bclr a0, t0, t1
                bclri a1, t0, 7
                bext a2, t0, t1
                bexti a3, t0, 8
                binv a4, t0, t1
                binvi a5, t0, 63
                bset a6, zero, t2
                bseti a7, zero, 63
                bext s0, t0, t2
                ecall
                """);
        m.expect("a0", 0xf7);
        m.expect("a1", 0x7f);
        m.expect("a2", 1);
        m.expect("a3", 0);
        m.expect("a4", 0xf7);
        m.expect("a5", 0x80000000000000ffL);
        m.expect("a6", 8);
        m.expect("a7", Long.MIN_VALUE);
        m.expect("s0", 1);
    }

    @Test
    void zbc() {
        Machine m = Machine.exec("""
                li t0, 0x8000000000000003
                li t1, 0x6
                clmul a0, t0, t1
                clmulh a1, t0, t1
                clmulr a2, t0, t1
                ecall
                """);
        // (2^63 + 3) clmul 6 = (2^63 << 1) ^ (2^63 << 2) ^ (3 << 1) ^ (3 << 2)
        //   = 2^64 ^ 2^65 ^ 6 ^ 12: low 64 bits = 6 ^ 12 = 10, high bits = 0b11
        m.expect("a0", 10);
        m.expect("a1", 3);
        // clmulr = bits 126..63 of the 128-bit product = (high << 1) | (low >>> 63)
        m.expect("a2", 6);
    }
}
