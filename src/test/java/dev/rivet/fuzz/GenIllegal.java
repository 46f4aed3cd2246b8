package dev.rivet.fuzz;

import static dev.rivet.fuzz.Enc.*;
import static dev.rivet.fuzz.Layout.*;

/** The illegal-encoding items of {@link Gen} (see {@link Program}'s SIGILL handler). */
final class GenIllegal {
    private GenIllegal() {}

    /**
     * Encodings the spec makes illegal or reserved, which Linux on hardware and qemu answer with
     * SIGILL (the program's handler counts and skips them; see {@link Program}). Rivet must trap
     * on exactly the same ones and leave all state alone.
     */
    static void illegal(Gen g) {
        int rd = g.rdNz(), a = g.rs(), fd = g.fr(), fa = g.fr();
        switch (g.r.nextInt(20)) {
            case 0 -> g.c(0x0000);                                                  // c.unimp (defined illegal)
            case 1 -> g.w(0xc0001073);                                              // unimp = csrrw x0, cycle, x0 (read-only CSR)
            case 2 -> g.c(cAddi4spn(g.creg(), 0) | 0);                                // c.addi4spn nzuimm = 0 (reserved)
            case 3 -> { int q; do q = g.rdNz(); while (q == 2); g.c(cLui(q, 0)); }    // c.lui imm = 0 (reserved)
            case 4 -> g.c(3 << 13 | 2 << 7 | 1);                                    // c.addi16sp imm = 0 (reserved)
            case 5 -> g.c(cLwsp(g.r.nextBoolean() ? 2 : 3, 0, g.r.nextInt(32) * 4));    // c.lwsp / c.ldsp rd = 0 (reserved)
            case 6 -> g.c(cCr(0, 0, 0));                                            // c.jr x0 (reserved)
            case 7 -> g.w(i(0x20 | g.r.nextInt(32), a, new int[] {1, 5}[g.r.nextInt(2)], rd, OP_IMM_32)); // slliw/srliw shamt[5] = 1
            case 8 -> g.w(Enc.r(g.r.nextInt(4) << 2 | g.r.nextInt(2), fa, fa, 5 + g.r.nextInt(2), fd, OP_FP)); // fadd..fdiv rm = 5/6
            case 9 -> {                                                            // DYN with an invalid frm, then frm restored
                int keep = g.rdNz();
                g.x(keep);
                g.w(Enc.csr(2, 5 + g.r.nextInt(3), 5, keep));                          // csrrwi keep, frm, 5..7
                if (g.r.nextBoolean()) {                                               // an invalid frm still reads back
                    int rd2 = g.rdNz();
                    while (rd2 == keep) rd2 = g.rdNz();
                    g.x(rd2);
                    g.w(Enc.csr(2 + g.r.nextInt(2), 0, 2, rd2));
                }
                g.w(Enc.r(g.r.nextInt(4) << 2 | g.r.nextInt(2), fa, fa, 7, fd, OP_FP));
                g.w(Enc.csr(2, keep, 1, 0));                                          // csrrw x0, frm, keep
            }
            case 10 -> g.w(Enc.csr(new int[] {0x005, 0x7c0, 0x300, 0x100, 0xc83}[g.r.nextInt(5)], 0, 2, rd)); // no such CSR for U-mode (0xc83: RV32 only)
            case 11 -> g.w(Enc.csr(new int[] {0xc00, 0xc01, 0xc02}[g.r.nextInt(3)], a == 0 ? 1 : a, 1, rd)); // write to a read-only counter
            case 12 -> g.w(Enc.r(0x0b << 2 | g.r.nextInt(2), 1 + g.r.nextInt(31), fa, g.r.nextInt(5), fd, OP_FP)); // fsqrt rs2 != 0
            case 13 -> g.w(Enc.r(0x18 << 2 | g.r.nextInt(2), 4 + g.r.nextInt(28), fa, g.r.nextInt(5), rd, OP_FP)); // fcvt.int.fp rs2 > 3
            case 14 -> g.w(Enc.r(0x00 << 2 | 3, fa, fa, g.r.nextInt(5), fd, OP_FP));     // fadd.q (no Q)
            case 15 -> g.w(amo(new int[] {0x05, 0x06, 0x07, 0x09, 0x1e, 0x1f}[g.r.nextInt(6)], 0, 0, a, BASE_REG, 2 + g.r.nextInt(2), rd)); // no such AMO
            case 16 -> g.w(amo(0x01, 0, 0, a, BASE_REG, new int[] {0, 1, 4, 5, 6, 7}[g.r.nextInt(6)], rd)); // AMO width b/h/q/… (no Zabha)
            case 17 -> g.w(i(new int[] {0x603, 0x606, 0x607, 0x60f}[g.r.nextInt(4)], a, 1, rd, OP_IMM)); // Zbb unary: no such rs2
            case 18 -> g.w(0x30200073);                                              // mret (not in U-mode)
            default -> g.w(Enc.r(0x1c << 2 | g.r.nextInt(2), 0, fa, 1 + g.r.nextInt(7), rd, OP_FP) & ~(7 << 12) | 2 << 12 | 0); // fmv.x.w/fclass funct3 = 2
        }
    }
}
