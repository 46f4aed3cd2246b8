package dev.rivet.fuzz;

import static dev.rivet.fuzz.Enc.*;
import static dev.rivet.fuzz.Layout.*;

/** The integer items of {@link Gen}: RV64IM register/immediate ops, Zba/Zbb/Zbs, compressed ALU ops. */
final class GenInt {
    private GenInt() {}

    // ---- integer ----
    /** funct7, funct3, opcode of the register-register integer ops. */
    static final int[][] R_OPS = {
        {0x00, 0, OP}, {0x20, 0, OP}, {0x00, 1, OP}, {0x00, 2, OP}, {0x00, 3, OP}, {0x00, 4, OP},
        {0x00, 5, OP}, {0x20, 5, OP}, {0x00, 6, OP}, {0x00, 7, OP},
        {0x01, 0, OP}, {0x01, 1, OP}, {0x01, 2, OP}, {0x01, 3, OP}, {0x01, 4, OP}, {0x01, 5, OP}, {0x01, 6, OP}, {0x01, 7, OP},
        {0x00, 0, OP_32}, {0x20, 0, OP_32}, {0x00, 1, OP_32}, {0x00, 5, OP_32}, {0x20, 5, OP_32},
        {0x01, 0, OP_32}, {0x01, 4, OP_32}, {0x01, 5, OP_32}, {0x01, 6, OP_32}, {0x01, 7, OP_32},
        // Zba
        {0x10, 2, OP}, {0x10, 4, OP}, {0x10, 6, OP}, {0x04, 0, OP_32}, {0x10, 2, OP_32}, {0x10, 4, OP_32}, {0x10, 6, OP_32},
        // Zbb
        {0x20, 7, OP}, {0x20, 6, OP}, {0x20, 4, OP}, {0x05, 6, OP}, {0x05, 7, OP}, {0x05, 4, OP}, {0x05, 5, OP},
        {0x30, 1, OP}, {0x30, 5, OP}, {0x30, 1, OP_32}, {0x30, 5, OP_32},
        // Zbs
        {0x24, 1, OP}, {0x24, 5, OP}, {0x34, 1, OP}, {0x14, 1, OP},
    };

    static void intR(Gen g) {
        int[] o = R_OPS[g.r.nextInt(R_OPS.length)];
        int rd = g.rd(), a = g.rs(), b = g.r.nextInt(8) == 0 ? a : g.rs();
        g.x(rd, a, b);
        // set an operand to an edge value right before the op, so pairs such as INT_MIN / -1
        // or x / 0 meet often whatever the body did to the registers before
        boolean divide = o[0] == 0x01 && o[1] >= 4; // div divu rem remu and W forms: boost their edge cases
        if (a != 0 && g.r.nextInt(divide ? 2 : 4) == 0) edge(g, a, false);
        if (b != 0 && b != a && g.r.nextInt(divide ? 2 : 4) == 0) edge(g, b, divide);
        g.w(Enc.r(o[0], b, a, o[1], rd, o[2]));
    }

    /** One or two instructions that set {@code reg} to an integer edge value. */
    static void edge(Gen g, int reg, boolean divisor) {
        // a divisor is mostly 0 or -1 (64-bit or low word only)
        switch (divisor && g.r.nextInt(4) != 0 ? new int[] {0, 1, 7}[g.r.nextInt(3)] : g.r.nextInt(10)) {
            case 0 -> g.w(addi(reg, 0, 0));
            case 1 -> g.w(addi(reg, 0, -1));
            case 2 -> g.w(addi(reg, 0, 1));
            case 3 -> { g.w(addi(reg, 0, -1)); g.w(i(63, reg, 1, reg, OP_IMM)); }            // INT64_MIN
            case 4 -> { g.w(addi(reg, 0, -1)); g.w(i(1, reg, 5, reg, OP_IMM)); }             // INT64_MAX
            case 5 -> g.w(u(0x80000, reg, LUI));                                            // (int) INT32_MIN
            case 6 -> { g.w(u(0x80000, reg, LUI)); g.w(i(-1, reg, 0, reg, OP_IMM_32)); }     // INT32_MAX
            case 7 -> { g.w(addi(reg, 0, -1)); g.w(i(32, reg, 5, reg, OP_IMM)); }            // 0xffffffff
            case 8 -> { g.w(addi(reg, 0, 1)); g.w(i(32, reg, 1, reg, OP_IMM)); }             // 2^32
            default -> { g.w(addi(reg, 0, 1)); g.w(i(31, reg, 1, reg, OP_IMM)); }            // 2^31
        }
    }

    static void intI(Gen g) {
        int rd = g.rd(), a = g.rs();
        g.x(rd, a);
        switch (g.r.nextInt(14)) {
            case 0, 1 -> g.w(i(g.imm12(), a, new int[] {0, 2, 3, 4, 6, 7}[g.r.nextInt(6)], rd, OP_IMM));
            case 2 -> g.w(i(g.imm12(), a, 0, rd, OP_IMM_32)); // addiw
            case 3 -> { // slli srli srai (6-bit shamt)
                int[] ops = {0x000 << 6 | 1, 0x000 << 6 | 5, 0x010 << 6 | 5};
                int o = ops[g.r.nextInt(3)];
                g.w(i((o >> 6) << 6 | g.r.nextInt(64), a, o & 7, rd, OP_IMM));
            }
            case 4 -> { // slliw srliw sraiw
                int[][] ops = {{0x00, 1}, {0x00, 5}, {0x20, 5}};
                int[] o = ops[g.r.nextInt(3)];
                g.w(i(o[0] << 5 | g.r.nextInt(32), a, o[1], rd, OP_IMM_32));
            }
            case 5 -> { // Zbb unary: clz ctz cpop sext.b sext.h, and W forms
                int[] ops = {0x600, 0x601, 0x602, 0x604, 0x605};
                if (g.r.nextBoolean()) g.w(i(ops[g.r.nextInt(5)], a, 1, rd, OP_IMM));
                else {
                    int op = ops[g.r.nextInt(3)];
                    if (op == 0x601 && Exclusions.QEMU_CTZW_UPPER_WORD) {
                        g.w(i(0x0a << 6 | 32, a, 1, rd, OP_IMM)); // bseti rd, a, 32
                        a = rd;
                    }
                    g.w(i(op, a, 1, rd, OP_IMM_32));
                }
            }
            case 6 -> g.w(i(g.r.nextBoolean() ? 0x287 : 0x6b8, a, 5, rd, OP_IMM)); // orc.b rev8
            case 7 -> g.w(Enc.r(0x04, 0, a, 4, rd, OP_32));                       // zext.h
            case 8 -> g.w(i(0x18 << 6 | g.r.nextInt(64), a, 5, rd, OP_IMM));         // rori
            case 9 -> g.w(i(0x30 << 5 | g.r.nextInt(32), a, 5, rd, OP_IMM_32));      // roriw
            case 10 -> g.w(i(0x02 << 6 | g.r.nextInt(64), a, 1, rd, OP_IMM_32));     // slli.uw
            case 11 -> { // bclri bexti binvi bseti
                int[][] ops = {{0x12, 1}, {0x12, 5}, {0x1a, 1}, {0x0a, 1}};
                int[] o = ops[g.r.nextInt(4)];
                g.w(i(o[0] << 6 | g.r.nextInt(64), a, o[1], rd, OP_IMM));
            }
            case 12 -> g.w(u(g.r.nextInt(), rd, LUI));
            default -> g.w(u(g.r.nextInt(), rd, AUIPC));
        }
    }


    static void compressedAlu(Gen g) {
        switch (g.r.nextInt(16)) {
            case 0 -> { int rd = g.rdNz(); g.x(rd); g.c(ci(0, 1, rd, g.nz6())); }                       // c.addi
            case 1 -> { int rd = g.rdNz(); g.x(rd); g.c(ci(1, 1, rd, g.r.nextInt(-32, 32))); }          // c.addiw
            case 2 -> { int rd = g.rdNz(); g.x(rd); g.c(ci(2, 1, rd, g.r.nextInt(-32, 32))); }          // c.li
            case 3 -> { int rd; do rd = g.rdNz(); while (rd == 2); g.x(rd); g.c(cLui(rd, g.nz6())); }  // c.lui
            case 4 -> { g.x(2); int v; do v = g.r.nextInt(-32, 32) * 16; while (v == 0); g.c(cAddi16sp(v)); }
            case 5 -> { int rd = g.creg(); g.x(rd, 2); g.c(cAddi4spn(rd, (1 + g.r.nextInt(255)) * 4)); }
            case 6 -> { int rd = g.creg(); g.x(rd); g.c(cAluImm(g.r.nextInt(2), rd, 1 + g.r.nextInt(63))); } // c.srli c.srai
            case 7 -> { int rd = g.creg(); g.x(rd); g.c(cAluImm(2, rd, g.r.nextInt(-32, 32))); }          // c.andi
            case 8, 9 -> { int rd = g.creg(), b = g.creg(); g.x(rd, b); g.c(cAlu(0, g.r.nextInt(4), rd, b)); }
            case 10 -> { int rd = g.creg(), b = g.creg(); g.x(rd, b); g.c(cAlu(1, g.r.nextInt(2), rd, b)); }
            case 11 -> { int rd = g.rdNz(); g.x(rd); g.c(ci(0, 2, rd, 1 + g.r.nextInt(63))); }           // c.slli
            case 12 -> { int rd = g.rdNz(), b = g.rdNz(); g.x(rd, b); g.c(cCr(0, rd, b)); }               // c.mv
            case 13 -> { int rd = g.rdNz(), b = g.rdNz(); g.x(rd, b); g.c(cCr(1, rd, b)); }               // c.add
            case 14 -> g.c(0x0001);                                                                  // c.nop
            default -> { int rd = g.rdNz(); g.x(rd); g.c(ci(0, 1, rd, g.nz6())); }
        }
    }
}
