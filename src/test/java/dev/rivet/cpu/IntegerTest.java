package dev.rivet.cpu;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** RV64I and M: arithmetic, W forms, shifts, division edge cases, loads/stores, control flow. */
class IntegerTest {

    @Test
    void aluAndShifts() {
        Machine m = Machine.exec("""
                .option norvc
                li a0, 5
                li a1, -3
                add a2, a0, a1
                sub a3, a0, a1
                slt a4, a1, a0
                sltu a5, a1, a0
                li t0, -1
                srli t1, t0, 60
                srai t2, t0, 63
                li t4, 65
                sll t5, a0, t4      # shift amount masked to 6 bits: 5 << 1
                li t4, 33
                sllw t6, a0, t4     # masked to 5 bits: 5 << 1
                slti s0, a1, -2     # -3 < -2
                sltiu s1, a0, -1    # 5 < 0xffff...
                xori s2, a0, -1
                andi s3, a1, 0x7f0
                ori s4, a1, 0x100
                srl s5, t0, t4      # 64-bit shift by 33
                sra s6, a1, t4
                ecall
                """);
        m.expect("a2", 2);
        m.expect("a3", 8);
        m.expect("a4", 1);
        m.expect("a5", 0);
        m.expect("t1", 0xf);
        m.expect("t2", -1);
        m.expect("t5", 10);
        m.expect("t6", 10);
        m.expect("s0", 1);
        m.expect("s1", 1);
        m.expect("s2", ~5L);
        m.expect("s3", -3L & 0x7f0);
        m.expect("s4", -3L);
        m.expect("s5", 0x7fffffffL);
        m.expect("s6", -1);
    }

    @Test
    void wordFormsSignExtend() {
        Machine m = Machine.exec("""
                .option norvc
                li s2, 0x7fffffff
                addiw s3, s2, 1
                addw s4, s2, s2
                li t0, 0x100000000
                subw s5, zero, t0    # low 32 bits are 0
                li t1, -16
                srliw s6, t1, 4
                sraiw s7, t1, 4
                srliw s8, t1, 0
                li t2, 0x123456789abcdef0
                sext.w s9, t2
                slliw s10, t2, 4
                li t3, 36
                srlw s11, t1, t3     # shift by 36 & 31 = 4
                sraw a0, t1, t3
                mulw a1, s2, t3      # 0x7fffffff * 36, low 32 bits
                ecall
                """);
        m.expect("s3", 0xffffffff80000000L);
        m.expect("s4", -2);
        m.expect("s5", 0);
        m.expect("s6", 0x0fffffffL);
        m.expect("s7", -1);
        m.expect("s8", -16);
        m.expect("s9", 0xffffffff9abcdef0L);
        m.expect("s10", 0xffffffffabcdef00L);
        m.expect("s11", 0x0fffffffL);
        m.expect("a0", -1);
        m.expect("a1", (long) (0x7fffffff * 36));
    }

    @Test
    void multiplyHigh() {
        Machine m = Machine.exec("""
                li t0, -1
                li t1, 3
                mulh a0, t0, t0
                mulhu a1, t0, t0
                mulhsu a2, t0, t0
                mulhsu a3, t1, t0
                li t2, 0x4000000000000000
                mulh a4, t2, t1      # 3 * 2^62 = 0xC000... : high part 0
                mulhu a5, t2, t2     # 2^124: high 2^60
                mul a6, t0, t1
                ecall
                """);
        m.expect("a0", 0);
        m.expect("a1", 0xfffffffffffffffeL);
        m.expect("a2", -1);          // -1 * (2^64-1) = -2^64 + 1
        m.expect("a3", 2);           // 3 * (2^64-1) = 2*2^64 + (2^64 - 3)
        m.expect("a4", 0);
        m.expect("a5", 1L << 60);
        m.expect("a6", -3);
    }

    @Test
    void divisionByZeroAndOverflow() {
        Machine m = Machine.exec("""
                li t0, 7
                li t1, 0
                div a0, t0, t1
                divu a1, t0, t1
                rem a2, t0, t1
                remu a3, t0, t1
                li t2, 0x8000000000000000
                li t3, -1
                div a4, t2, t3
                rem a5, t2, t3
                li t4, -7
                li t5, 2
                div a6, t4, t5       # truncates toward zero
                rem a7, t4, t5
                divu s0, t4, t5
                remu s1, t4, t5
                ecall
                """);
        m.expect("a0", -1);
        m.expect("a1", -1);
        m.expect("a2", 7);
        m.expect("a3", 7);
        m.expect("a4", Long.MIN_VALUE);
        m.expect("a5", 0);
        m.expect("a6", -3);
        m.expect("a7", -1);
        m.expect("s0", Long.divideUnsigned(-7, 2));
        m.expect("s1", 1);
    }

    @Test
    void wordDivision() {
        Machine m = Machine.exec("""
                li t0, 0x180000000     # low word 0x80000000 = INT_MIN
                li t1, 0
                li t2, -1
                divw a0, t0, t1
                divuw a1, t0, t1
                remw a2, t0, t1
                remuw a3, t0, t1
                divw a4, t0, t2
                remw a5, t0, t2
                li t3, -7
                li t4, 0x100000002    # low word 2
                divw a6, t3, t4
                remw a7, t3, t4
                divuw s0, t3, t4      # 0xfffffff9 / 2 = 0x7ffffffc
                remuw s1, t3, t4
                ecall
                """);
        m.expect("a0", -1);
        m.expect("a1", -1);
        m.expect("a2", 0xffffffff80000000L);
        m.expect("a3", 0xffffffff80000000L);
        m.expect("a4", 0xffffffff80000000L);
        m.expect("a5", 0);
        m.expect("a6", -3);
        m.expect("a7", -1);
        m.expect("s0", 0x7ffffffcL);
        m.expect("s1", 1);
    }

    @Test
    void loadsAndStoresExtend() {
        Machine m = Machine.exec("""
                li s0, 0x40000
                li t0, 0x8899aabbccddeeff
                sd t0, 0(s0)
                lb a0, 0(s0)
                lbu a1, 0(s0)
                lh a2, 2(s0)
                lhu a3, 2(s0)
                lw a4, 4(s0)
                lwu a5, 4(s0)
                ld a6, 0(s0)
                sb t0, 8(s0)
                sh t0, 10(s0)
                sw t0, 12(s0)
                ld a7, 8(s0)
                lw zero, 0(s0)        # rd = x0: loads, discards
                ecall
                """);
        m.expect("a0", (byte) 0xff);
        m.expect("a1", 0xff);
        m.expect("a2", (short) 0xccdd);
        m.expect("a3", 0xccdd);
        m.expect("a4", 0x8899aabb); // an int literal: negative, sign-extended
        m.expect("a5", 0x8899aabbL);
        m.expect("a6", 0x8899aabbccddeeffL);
        m.expect("a7", 0xccddeeffeeff00ffL);
        m.expect("zero", 0);
    }

    @Test
    void misalignedAndPageCrossingAccess() {
        Machine m = Machine.exec("""
                li s0, 0x40000
                li t0, 0x0102030405060708
                sd t0, 3(s0)
                ld a0, 3(s0)
                lw a1, 5(s0)
                lhu a2, 1(s0)          # bytes 1,2 are zero, 3 is 08
                li s1, 0x40ffd         # 3 bytes before the page end
                sd t0, 0(s1)
                ld a3, 0(s1)
                lw a4, 2(s1)           # 0x40fff..0x41002
                lh a5, 2(s1)
                lbu a6, 3(s1)          # first byte of the second page
                li s2, 0x40fff
                sh t0, 0(s2)
                lhu a7, 0(s2)
                sw t0, -1(s2)
                lwu s3, -1(s2)
                ecall
                """);
        m.expect("a0", 0x0102030405060708L);
        m.expect("a1", 0x03040506L);
        m.expect("a2", 0);
        m.expect("a3", 0x0102030405060708L);
        m.expect("a4", 0x03040506L);
        m.expect("a5", 0x0506L);
        m.expect("a6", 0x05L);
        m.expect("a7", 0x0708L);
        m.expect("s3", 0x05060708L);
        assertEquals(0x0102030506070808L, m.read64(0x40ffd)); // after the sh and sw above
    }

    @Test
    void branchesAndJumps() {
        Machine m = Machine.exec("""
                li a0, 0
                li t0, 10
            1:  add a0, a0, t0
                addi t0, t0, -1
                bnez t0, 1b            # a0 = 55
                li t1, -1
                li t2, 1
                li a1, 0
                blt t1, t2, 2f
                ori a1, a1, 1
            2:  bltu t1, t2, 3f        # not taken: 0xffff.. > 1 unsigned
                ori a1, a1, 2
            3:  bge t2, t1, 4f
                ori a1, a1, 4
            4:  bgeu t2, t1, 5f        # not taken
                ori a1, a1, 8
            5:  beq t1, t1, 6f
                ori a1, a1, 16
            6:  jal ra, fn
                mv a2, a0
                la t0, back
                jalr t0, 0(t0)         # rd = rs1: the target uses the old value
            back:
                la t3, back
                sub a3, t0, t3         # t0 = address after the jalr = back
                lui a5, 0x80000
                addi zero, zero, 5
                mv a6, zero
                j 8f
                li a7, 99
            8:  ecall
            fn: li a0, 7
                ret
                """);
        m.expect("a1", 2 | 8);
        m.expect("a2", 7);
        m.expect("a3", 0);
        m.expect("a5", 0xffffffff80000000L);
        m.expect("a6", 0);
        m.expect("a7", 0);
    }

    @Test
    void auipcIsPcRelative() {
        Machine m = Machine.exec("""
                .option norvc
                nop
                auipc a0, 0
                auipc a1, 1
                auipc a2, 0xfffff
                ecall
                """);
        m.expect("a0", Machine.CODE + 4);
        m.expect("a1", Machine.CODE + 8 + 4096);
        m.expect("a2", Machine.CODE + 12 - 4096);
    }
}
