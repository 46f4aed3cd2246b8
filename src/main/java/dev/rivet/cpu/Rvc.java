package dev.rivet.cpu;

import static dev.rivet.cpu.Decoder.alu;
import static dev.rivet.cpu.Decoder.illegal;

/**
 * Decodes the RV64C compressed instructions (including c.fld/c.fsd/c.fldsp/c.fsdsp) straight
 * into the same {@link Insn} forms as their 32-bit expansions. Reserved encodings decode to
 * {@link Op#ILLEGAL}; HINT encodings (such as {@code c.addi x0}, {@code c.li x0}, shift by 0)
 * execute as no-ops, as the spec requires.
 */
final class Rvc {
    private Rvc() {}

    private static int bit(int c, int i) {
        return (c >>> i) & 1;
    }

    /** rd'/rs1'/rs2' fields name x8..x15. */
    private static int r3(int c, int lo) {
        return 8 + ((c >>> lo) & 7);
    }

    /** The 6-bit signed immediate of c.addi, c.li, c.andi, ... (imm[5] = bit 12, imm[4:0] = bits 6:2). */
    private static long imm6(int c) {
        return (long) ((((c >>> 2) & 31) | (bit(c, 12) << 5)) << 26 >> 26);
    }

    private static int shamt(int c) {
        return ((c >>> 2) & 31) | (bit(c, 12) << 5);
    }

    static Insn decode(int c, long pc) {
        int rd = (c >>> 7) & 31, rs2 = (c >>> 2) & 31;
        int f3 = (c >>> 13) & 7;
        switch ((c & 3) << 3 | f3) {
            // ---------------- quadrant 0
            case 0: { // c.addi4spn
                int imm = (((c >>> 11) & 3) << 4) | (((c >>> 7) & 15) << 6) | (bit(c, 6) << 2) | (bit(c, 5) << 3);
                if (imm == 0) return illegal(pc, 2, c); // includes the all-zero illegal instruction
                return alu(Op.ADDI, r3(c, 2), 2, 0, imm, pc, 2, c);
            }
            case 1: // c.fld
                return new Insn(Op.FLD, r3(c, 2), r3(c, 7), 0, 0, 0, uimmD(c), pc, 2, c);
            case 2: // c.lw
                return new Insn(Op.LW, r3(c, 2), r3(c, 7), 0, 0, 0, uimmW(c), pc, 2, c);
            case 3: // c.ld
                return new Insn(Op.LD, r3(c, 2), r3(c, 7), 0, 0, 0, uimmD(c), pc, 2, c);
            case 5: // c.fsd
                return new Insn(Op.FSD, 32, r3(c, 7), r3(c, 2), 0, 0, uimmD(c), pc, 2, c);
            case 6: // c.sw
                return new Insn(Op.SW, 32, r3(c, 7), r3(c, 2), 0, 0, uimmW(c), pc, 2, c);
            case 7: // c.sd
                return new Insn(Op.SD, 32, r3(c, 7), r3(c, 2), 0, 0, uimmD(c), pc, 2, c);
            // ---------------- quadrant 1
            case 8: // c.addi (c.nop, hints)
                return alu(Op.ADDI, rd, rd, 0, imm6(c), pc, 2, c);
            case 9: // c.addiw
                if (rd == 0) return illegal(pc, 2, c);
                return alu(Op.ADDIW, rd, rd, 0, imm6(c), pc, 2, c);
            case 10: // c.li
                return alu(Op.LI, rd, 0, 0, imm6(c), pc, 2, c);
            case 11: {
                if (rd == 2) { // c.addi16sp
                    int imm = (bit(c, 12) << 9) | (bit(c, 6) << 4) | (bit(c, 5) << 6) | (((c >>> 3) & 3) << 7) | (bit(c, 2) << 5);
                    if (imm == 0) return illegal(pc, 2, c);
                    return alu(Op.ADDI, 2, 2, 0, (long) (imm << 22 >> 22), pc, 2, c);
                }
                long imm = imm6(c) << 12; // c.lui
                if (imm == 0) return illegal(pc, 2, c);
                return alu(Op.LI, rd, 0, 0, imm, pc, 2, c);
            }
            case 12:
                return miscAlu(c, pc);
            case 13: // c.j
                return new Insn(Op.JAL, 32, 0, 0, 0, 0, pc + jOffset(c), pc, 2, c);
            case 14: // c.beqz
                return new Insn(Op.BEQ, 32, r3(c, 7), 0, 0, 0, pc + bOffset(c), pc, 2, c);
            case 15: // c.bnez
                return new Insn(Op.BNE, 32, r3(c, 7), 0, 0, 0, pc + bOffset(c), pc, 2, c);
            // ---------------- quadrant 2
            case 16: // c.slli
                return alu(Op.SLLI, rd, rd, 0, shamt(c), pc, 2, c);
            case 17: // c.fldsp
                return new Insn(Op.FLD, rd, 2, 0, 0, 0, uimmLdsp(c), pc, 2, c);
            case 18: // c.lwsp
                if (rd == 0) return illegal(pc, 2, c);
                return new Insn(Op.LW, rd, 2, 0, 0, 0, (bit(c, 12) << 5) | (((c >>> 4) & 7) << 2) | (((c >>> 2) & 3) << 6), pc, 2, c);
            case 19: // c.ldsp
                if (rd == 0) return illegal(pc, 2, c);
                return new Insn(Op.LD, rd, 2, 0, 0, 0, uimmLdsp(c), pc, 2, c);
            case 20:
                if (bit(c, 12) == 0) {
                    if (rs2 == 0) { // c.jr
                        if (rd == 0) return illegal(pc, 2, c);
                        return new Insn(Op.JALR, 32, rd, 0, 0, 0, 0, pc, 2, c);
                    }
                    return alu(Op.ADD, rd, 0, rs2, 0, pc, 2, c); // c.mv
                }
                if (rs2 == 0) {
                    if (rd == 0) return new Insn(Op.EBREAK, 32, 0, 0, 0, 0, 0, pc, 2, c);
                    return new Insn(Op.JALR, 1, rd, 0, 0, 0, 0, pc, 2, c); // c.jalr
                }
                return alu(Op.ADD, rd, rd, rs2, 0, pc, 2, c); // c.add
            case 21: // c.fsdsp
                return new Insn(Op.FSD, 32, 2, rs2, 0, 0, uimmSdsp(c), pc, 2, c);
            case 22: // c.swsp
                return new Insn(Op.SW, 32, 2, rs2, 0, 0, (((c >>> 9) & 15) << 2) | (((c >>> 7) & 3) << 6), pc, 2, c);
            case 23: // c.sdsp
                return new Insn(Op.SD, 32, 2, rs2, 0, 0, uimmSdsp(c), pc, 2, c);
            default: // 4: reserved in quadrant 0
                return illegal(pc, 2, c);
        }
    }

    private static Insn miscAlu(int c, long pc) {
        int rd = r3(c, 7), rs2 = r3(c, 2);
        switch ((c >>> 10) & 3) {
            case 0: return alu(Op.SRLI, rd, rd, 0, shamt(c), pc, 2, c);
            case 1: return alu(Op.SRAI, rd, rd, 0, shamt(c), pc, 2, c);
            case 2: return alu(Op.ANDI, rd, rd, 0, imm6(c), pc, 2, c);
            default:
                int op = switch (bit(c, 12) << 2 | ((c >>> 5) & 3)) {
                    case 0 -> Op.SUB; case 1 -> Op.XOR; case 2 -> Op.OR; case 3 -> Op.AND;
                    case 4 -> Op.SUBW; case 5 -> Op.ADDW; default -> -1;
                };
                if (op < 0) return illegal(pc, 2, c);
                // No MV specialisation here: rs2 = x8..x15 is never x0.
                return alu(op, rd, rd, rs2, 0, pc, 2, c);
        }
    }

    /** c.lw/c.sw offset: uimm[5:3] = bits 12:10, uimm[2] = bit 6, uimm[6] = bit 5. */
    private static long uimmW(int c) {
        return (((c >>> 10) & 7) << 3) | (bit(c, 6) << 2) | (bit(c, 5) << 6);
    }

    /** c.ld/c.sd/c.fld/c.fsd offset: uimm[5:3] = bits 12:10, uimm[7:6] = bits 6:5. */
    private static long uimmD(int c) {
        return (((c >>> 10) & 7) << 3) | (((c >>> 5) & 3) << 6);
    }

    /** c.ldsp/c.fldsp: uimm[5] = bit 12, uimm[4:3] = bits 6:5, uimm[8:6] = bits 4:2. */
    private static long uimmLdsp(int c) {
        return (bit(c, 12) << 5) | (((c >>> 5) & 3) << 3) | (((c >>> 2) & 7) << 6);
    }

    /** c.sdsp/c.fsdsp: uimm[5:3] = bits 12:10, uimm[8:6] = bits 9:7. */
    private static long uimmSdsp(int c) {
        return (((c >>> 10) & 7) << 3) | (((c >>> 7) & 7) << 6);
    }

    /** c.j offset[11|4|9:8|10|6|7|3:1|5] from bits 12..2. */
    private static long jOffset(int c) {
        int o = (bit(c, 12) << 11) | (bit(c, 11) << 4) | (((c >>> 9) & 3) << 8) | (bit(c, 8) << 10)
                | (bit(c, 7) << 6) | (bit(c, 6) << 7) | (((c >>> 3) & 7) << 1) | (bit(c, 2) << 5);
        return o << 20 >> 20;
    }

    /** c.beqz/c.bnez offset[8|4:3] from bits 12:10, offset[7:6|2:1|5] from bits 6:2. */
    private static long bOffset(int c) {
        int o = (bit(c, 12) << 8) | (((c >>> 10) & 3) << 3) | (((c >>> 5) & 3) << 6) | (((c >>> 3) & 3) << 1) | (bit(c, 2) << 5);
        return o << 23 >> 23;
    }
}
