package dev.rivet.fuzz;

/**
 * RISC-V instruction encoders (the base formats and the compressed ones). Written from the
 * ISA manual's encoding tables; the fuzzer's own test disassembles every generated kind with
 * objdump, so a wrong field here shows up as a wrong mnemonic there, not as a Rivet bug.
 */
final class Enc {
    private Enc() {}

    static final int LOAD = 0x03, LOAD_FP = 0x07, MISC_MEM = 0x0f, OP_IMM = 0x13, AUIPC = 0x17,
            OP_IMM_32 = 0x1b, STORE = 0x23, STORE_FP = 0x27, AMO = 0x2f, OP = 0x33, LUI = 0x37,
            OP_32 = 0x3b, MADD = 0x43, MSUB = 0x47, NMSUB = 0x4b, NMADD = 0x4f, OP_FP = 0x53,
            BRANCH = 0x63, JALR = 0x67, JAL = 0x6f, SYSTEM = 0x73;

    static int r(int f7, int rs2, int rs1, int f3, int rd, int op) {
        return f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
    }

    static int i(int imm, int rs1, int f3, int rd, int op) {
        return (imm & 0xfff) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
    }

    static int s(int imm, int rs2, int rs1, int f3, int op) {
        return ((imm >> 5) & 0x7f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | (imm & 0x1f) << 7 | op;
    }

    static int b(int off, int rs2, int rs1, int f3) {
        return ((off >> 12) & 1) << 31 | ((off >> 5) & 0x3f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12
                | ((off >> 1) & 0xf) << 8 | ((off >> 11) & 1) << 7 | BRANCH;
    }

    static int u(int imm20, int rd, int op) {
        return (imm20 & 0xfffff) << 12 | rd << 7 | op;
    }

    static int j(int off, int rd) {
        return ((off >> 20) & 1) << 31 | ((off >> 1) & 0x3ff) << 21 | ((off >> 11) & 1) << 20
                | ((off >> 12) & 0xff) << 12 | rd << 7 | JAL;
    }

    static int r4(int rs3, int fmt, int rs2, int rs1, int rm, int rd, int op) {
        return rs3 << 27 | fmt << 25 | rs2 << 20 | rs1 << 15 | rm << 12 | rd << 7 | op;
    }

    static int amo(int f5, int aq, int rl, int rs2, int rs1, int f3, int rd) {
        return f5 << 27 | aq << 26 | rl << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | AMO;
    }

    static int csr(int csr, int rs1, int f3, int rd) {
        return csr << 20 | rs1 << 15 | f3 << 12 | rd << 7 | SYSTEM;
    }

    // ---- common helpers used by the prologue/epilogue ----
    static int addi(int rd, int rs1, int imm) { return i(imm, rs1, 0, rd, OP_IMM); }
    static int ld(int rd, int rs1, int imm) { return i(imm, rs1, 3, rd, LOAD); }
    static int sd(int rs2, int rs1, int imm) { return s(imm, rs2, rs1, 3, STORE); }
    static int fld(int rd, int rs1, int imm) { return i(imm, rs1, 3, rd, LOAD_FP); }
    static int fsd(int rs2, int rs1, int imm) { return s(imm, rs2, rs1, 3, STORE_FP); }
    static final int ECALL = 0x00000073;

    /** lui+addi pair loading a 32-bit sign-extended constant. */
    static int[] li32(int rd, long value) {
        int v = (int) value;
        int lo = (v << 20) >> 20;
        int hi = (v - lo) >>> 12;
        return new int[] {u(hi, rd, LUI), addi(rd, rd, lo)};
    }

    // ---- compressed ----
    /** The 3-bit register field of the compressed formats (x8..x15 / f8..f15). */
    static int p(int reg) {
        if (reg < 8 || reg > 15) throw new IllegalArgumentException("not a compressed register: " + reg);
        return reg - 8;
    }

    static int bit(int v, int n) { return (v >> n) & 1; }
    static int bits(int v, int hi, int lo) { return (v >> lo) & ((1 << (hi - lo + 1)) - 1); }

    /** c.addi4spn rd', nzuimm (multiple of 4, 4..1020). */
    static int cAddi4spn(int rd, int imm) {
        return bits(imm, 5, 4) << 11 | bits(imm, 9, 6) << 7 | bit(imm, 2) << 6 | bit(imm, 3) << 5 | p(rd) << 2;
    }

    /** CL/CS with an 8-byte scaled offset (c.fld, c.ld, c.fsd, c.sd): uimm[5:3] at 12:10, uimm[7:6] at 6:5. */
    static int clsD(int f3, int rs1, int r2, int imm) {
        return f3 << 13 | bits(imm, 5, 3) << 10 | p(rs1) << 7 | bits(imm, 7, 6) << 5 | p(r2) << 2;
    }

    /** CL/CS with a 4-byte scaled offset (c.lw, c.sw): uimm[5:3] at 12:10, uimm[2] at 6, uimm[6] at 5. */
    static int clsW(int f3, int rs1, int r2, int imm) {
        return f3 << 13 | bits(imm, 5, 3) << 10 | p(rs1) << 7 | bit(imm, 2) << 6 | bit(imm, 6) << 5 | p(r2) << 2;
    }

    /** CI format: imm[5] at 12, rd at 11:7, imm[4:0] at 6:2. */
    static int ci(int f3, int op, int rd, int imm) {
        return f3 << 13 | bit(imm, 5) << 12 | rd << 7 | bits(imm, 4, 0) << 2 | op;
    }

    static int cLui(int rd, int imm6) { return ci(3, 1, rd, imm6); }

    /** c.addi16sp nzimm (multiple of 16). */
    static int cAddi16sp(int imm) {
        return 3 << 13 | bit(imm, 9) << 12 | 2 << 7 | bit(imm, 4) << 6 | bit(imm, 6) << 5
                | bits(imm, 8, 7) << 3 | bit(imm, 5) << 2 | 1;
    }

    /** c.srli / c.srai / c.andi (funct2 = 0, 1, 2). */
    static int cAluImm(int f2, int rd, int imm) {
        return 4 << 13 | bit(imm, 5) << 12 | f2 << 10 | p(rd) << 7 | bits(imm, 4, 0) << 2 | 1;
    }

    /** c.sub c.xor c.or c.and (w=0, f=0..3) and c.subw c.addw (w=1, f=0..1). */
    static int cAlu(int w, int f, int rd, int rs2) {
        return 4 << 13 | w << 12 | 3 << 10 | p(rd) << 7 | f << 5 | p(rs2) << 2 | 1;
    }

    static int cJ(int off) {
        return 5 << 13 | bit(off, 11) << 12 | bit(off, 4) << 11 | bits(off, 9, 8) << 9 | bit(off, 10) << 8
                | bit(off, 6) << 7 | bit(off, 7) << 6 | bits(off, 3, 1) << 3 | bit(off, 5) << 2 | 1;
    }

    /** c.beqz (f3 6) / c.bnez (f3 7). */
    static int cB(int f3, int rs1, int off) {
        return f3 << 13 | bit(off, 8) << 12 | bits(off, 4, 3) << 10 | p(rs1) << 7 | bits(off, 7, 6) << 5
                | bits(off, 2, 1) << 3 | bit(off, 5) << 2 | 1;
    }

    /** c.lwsp: uimm[5] at 12, uimm[4:2|7:6] at 6:2. */
    static int cLwsp(int f3, int rd, int imm) {
        return f3 << 13 | bit(imm, 5) << 12 | rd << 7 | bits(imm, 4, 2) << 4 | bits(imm, 7, 6) << 2 | 2;
    }

    /** c.ldsp / c.fldsp: uimm[5] at 12, uimm[4:3|8:6] at 6:2. */
    static int cLdsp(int f3, int rd, int imm) {
        return f3 << 13 | bit(imm, 5) << 12 | rd << 7 | bits(imm, 4, 3) << 5 | bits(imm, 8, 6) << 2 | 2;
    }

    /** c.swsp: uimm[5:2|7:6] at 12:7. */
    static int cSwsp(int rs2, int imm) {
        return 6 << 13 | bits(imm, 5, 2) << 9 | bits(imm, 7, 6) << 7 | rs2 << 2 | 2;
    }

    /** c.sdsp / c.fsdsp: uimm[5:3|8:6] at 12:7. */
    static int cSdsp(int f3, int rs2, int imm) {
        return f3 << 13 | bits(imm, 5, 3) << 10 | bits(imm, 8, 6) << 7 | rs2 << 2 | 2;
    }

    /** c.jr / c.mv (b12 = 0) and c.jalr / c.add (b12 = 1). */
    static int cCr(int b12, int rd, int rs2) {
        return 4 << 13 | b12 << 12 | rd << 7 | rs2 << 2 | 2;
    }
}
