package dev.rivet.cpu;

/**
 * Decodes one 32-bit RISC-V instruction (RV64IMAFD, Zicsr, Zifencei, Zba, Zbb, Zbc, Zbs) into
 * an {@link Insn}. Anything reserved or unknown decodes to {@link Op#ILLEGAL}, so the illegal
 * instruction is reported only if it is reached. Compressed instructions are in {@link Rvc}.
 */
final class Decoder {
    private Decoder() {}

    /** x-register index for a destination: x0 writes go to the sink slot 32. */
    static int xd(int r) {
        return r == 0 ? 32 : r;
    }

    /** Builds an instruction with an integer destination, specialising it (see {@link Op}). */
    static Insn alu(int op, int rd, int rs1, int rs2, long imm, long pc, int len, int bits) {
        if (rd == 0 && isPure(op)) return new Insn(Op.NOP, 32, 0, 0, 0, 0, 0, pc, len, bits);
        if ((op == Op.ADDI || op == Op.ADDIW || op == Op.ORI || op == Op.XORI) && rs1 == 0) {
            op = Op.LI; // a 12-bit immediate is already the sign-extended 32-bit value addiw gives
        } else if ((op == Op.ADDI || op == Op.ORI || op == Op.XORI) && imm == 0) {
            op = Op.MV;
        } else if ((op == Op.ADD || op == Op.OR || op == Op.XOR) && rs1 == 0) {
            op = Op.MV;
            rs1 = rs2;
        } else if ((op == Op.ADD || op == Op.OR || op == Op.XOR || op == Op.SUB) && rs2 == 0) {
            op = Op.MV;
        }
        return new Insn(op, xd(rd), rs1, rs2, 0, 0, imm, pc, len, bits);
    }

    /** Operations with no effect but writing rd: with rd = x0 they are no-ops (hints). */
    private static boolean isPure(int op) {
        return (op >= Op.LI && op <= Op.REMUW) || (op >= Op.SH1ADD && op <= Op.BSETI);
    }

    static Insn illegal(long pc, int len, int bits) {
        return new Insn(Op.ILLEGAL, 32, 0, 0, 0, 0, 0, pc, len, bits);
    }

    static Insn decode(int b, long pc) {
        int rd = (b >>> 7) & 31, rs1 = (b >>> 15) & 31, rs2 = (b >>> 20) & 31;
        int f3 = (b >>> 12) & 7, f7 = b >>> 25;
        long immI = b >> 20;
        switch (b & 0x7f) {
            case 0x37: // LUI
                return alu(Op.LI, rd, 0, 0, b & 0xfffff000, pc, 4, b);
            case 0x17: // AUIPC
                return alu(Op.LI, rd, 0, 0, pc + (b & 0xfffff000), pc, 4, b);
            case 0x6f: { // JAL
                int off = ((b >> 31) << 20) | (b & 0xff000) | (((b >>> 20) & 1) << 11) | (((b >>> 21) & 0x3ff) << 1);
                return new Insn(Op.JAL, xd(rd), 0, 0, 0, 0, pc + off, pc, 4, b);
            }
            case 0x67: // JALR
                if (f3 != 0) break;
                return new Insn(Op.JALR, xd(rd), rs1, 0, 0, 0, immI, pc, 4, b);
            case 0x63: { // BRANCH
                int off = ((b >> 31) << 12) | (((b >>> 7) & 1) << 11) | (((b >>> 25) & 0x3f) << 5) | (((b >>> 8) & 0xf) << 1);
                int op = switch (f3) {
                    case 0 -> Op.BEQ; case 1 -> Op.BNE; case 4 -> Op.BLT; case 5 -> Op.BGE;
                    case 6 -> Op.BLTU; case 7 -> Op.BGEU; default -> -1;
                };
                if (op < 0) break;
                return new Insn(op, 32, rs1, rs2, 0, 0, pc + off, pc, 4, b);
            }
            case 0x03: { // LOAD
                int op = switch (f3) {
                    case 0 -> Op.LB; case 1 -> Op.LH; case 2 -> Op.LW; case 3 -> Op.LD;
                    case 4 -> Op.LBU; case 5 -> Op.LHU; case 6 -> Op.LWU; default -> -1;
                };
                if (op < 0) break;
                // rd = x0 still loads: the access may fault.
                return new Insn(op, xd(rd), rs1, 0, 0, 0, immI, pc, 4, b);
            }
            case 0x23: { // STORE
                if (f3 > 3) break;
                long imm = ((b >> 20) & ~0x1f) | ((b >>> 7) & 0x1f);
                return new Insn(Op.SB + f3, 32, rs1, rs2, 0, 0, imm, pc, 4, b);
            }
            case 0x13:
                return opImm(b, pc, rd, rs1, f3, immI);
            case 0x1b:
                return opImm32(b, pc, rd, rs1, f3, immI);
            case 0x33:
                return op(b, pc, rd, rs1, rs2, f3, f7);
            case 0x3b:
                return op32(b, pc, rd, rs1, rs2, f3, f7);
            case 0x0f: // MISC-MEM
                if (f3 == 0) return new Insn(Op.FENCE, 32, 0, 0, 0, 0, 0, pc, 4, b);
                if (f3 == 1) return new Insn(Op.FENCE_I, 32, 0, 0, 0, 0, 0, pc, 4, b);
                break;
            case 0x73:
                return system(b, pc, rd, rs1, f3);
            case 0x2f:
                return Amo.decode(b, pc, rd, rs1, rs2, f3);
            case 0x07: case 0x27: case 0x43: case 0x47: case 0x4b: case 0x4f: case 0x53:
                return FpDecoder.decode(b, pc);
            default:
                break;
        }
        return illegal(pc, 4, b);
    }

    private static Insn opImm(int b, long pc, int rd, int rs1, int f3, long imm) {
        int f6 = b >>> 26, sh = (int) imm & 63;
        int op;
        switch (f3) {
            case 0: op = Op.ADDI; break;
            case 2: op = Op.SLTI; break;
            case 3: op = Op.SLTIU; break;
            case 4: op = Op.XORI; break;
            case 6: op = Op.ORI; break;
            case 7: op = Op.ANDI; break;
            case 1:
                if (f6 == 0x00) { op = Op.SLLI; imm = sh; break; }
                if (f6 == 0x0a) { op = Op.BSETI; imm = sh; break; }
                if (f6 == 0x12) { op = Op.BCLRI; imm = sh; break; }
                if (f6 == 0x1a) { op = Op.BINVI; imm = sh; break; }
                switch ((int) imm & 0xfff) {
                    case 0x600: op = Op.CLZ; break;
                    case 0x601: op = Op.CTZ; break;
                    case 0x602: op = Op.CPOP; break;
                    case 0x604: op = Op.SEXTB; break;
                    case 0x605: op = Op.SEXTH; break;
                    default: return illegal(pc, 4, b);
                }
                imm = 0;
                break;
            case 5:
                if (f6 == 0x00) { op = Op.SRLI; imm = sh; break; }
                if (f6 == 0x10) { op = Op.SRAI; imm = sh; break; }
                if (f6 == 0x12) { op = Op.BEXTI; imm = sh; break; }
                if (f6 == 0x18) { op = Op.RORI; imm = sh; break; }
                if (((int) imm & 0xfff) == 0x287) { op = Op.ORCB; imm = 0; break; }
                if (((int) imm & 0xfff) == 0x6b8) { op = Op.REV8; imm = 0; break; }
                return illegal(pc, 4, b);
            default:
                return illegal(pc, 4, b);
        }
        return alu(op, rd, rs1, 0, imm, pc, 4, b);
    }

    private static Insn opImm32(int b, long pc, int rd, int rs1, int f3, long imm) {
        int f7 = b >>> 25, f6 = b >>> 26, sh5 = (int) imm & 31;
        int op;
        switch (f3) {
            case 0: op = Op.ADDIW; break;
            case 1:
                if (f7 == 0x00) { op = Op.SLLIW; imm = sh5; break; }
                if (f6 == 0x02) { op = Op.SLLIUW; imm = (int) imm & 63; break; }
                switch ((int) imm & 0xfff) {
                    case 0x600: op = Op.CLZW; break;
                    case 0x601: op = Op.CTZW; break;
                    case 0x602: op = Op.CPOPW; break;
                    default: return illegal(pc, 4, b);
                }
                imm = 0;
                break;
            case 5:
                if (f7 == 0x00) { op = Op.SRLIW; imm = sh5; break; }
                if (f7 == 0x20) { op = Op.SRAIW; imm = sh5; break; }
                if (f7 == 0x30) { op = Op.RORIW; imm = sh5; break; }
                return illegal(pc, 4, b);
            default:
                return illegal(pc, 4, b);
        }
        return alu(op, rd, rs1, 0, imm, pc, 4, b);
    }

    private static Insn op(int b, long pc, int rd, int rs1, int rs2, int f3, int f7) {
        int op = switch (f7 << 3 | f3) {
            case 0x00 << 3 | 0 -> Op.ADD;
            case 0x00 << 3 | 1 -> Op.SLL;
            case 0x00 << 3 | 2 -> Op.SLT;
            case 0x00 << 3 | 3 -> Op.SLTU;
            case 0x00 << 3 | 4 -> Op.XOR;
            case 0x00 << 3 | 5 -> Op.SRL;
            case 0x00 << 3 | 6 -> Op.OR;
            case 0x00 << 3 | 7 -> Op.AND;
            case 0x20 << 3 | 0 -> Op.SUB;
            case 0x20 << 3 | 5 -> Op.SRA;
            case 0x20 << 3 | 4 -> Op.XNOR;
            case 0x20 << 3 | 6 -> Op.ORN;
            case 0x20 << 3 | 7 -> Op.ANDN;
            case 0x01 << 3 | 0 -> Op.MUL;
            case 0x01 << 3 | 1 -> Op.MULH;
            case 0x01 << 3 | 2 -> Op.MULHSU;
            case 0x01 << 3 | 3 -> Op.MULHU;
            case 0x01 << 3 | 4 -> Op.DIV;
            case 0x01 << 3 | 5 -> Op.DIVU;
            case 0x01 << 3 | 6 -> Op.REM;
            case 0x01 << 3 | 7 -> Op.REMU;
            case 0x10 << 3 | 2 -> Op.SH1ADD;
            case 0x10 << 3 | 4 -> Op.SH2ADD;
            case 0x10 << 3 | 6 -> Op.SH3ADD;
            case 0x05 << 3 | 1 -> Op.CLMUL;
            case 0x05 << 3 | 2 -> Op.CLMULR;
            case 0x05 << 3 | 3 -> Op.CLMULH;
            case 0x05 << 3 | 4 -> Op.MIN;
            case 0x05 << 3 | 5 -> Op.MINU;
            case 0x05 << 3 | 6 -> Op.MAX;
            case 0x05 << 3 | 7 -> Op.MAXU;
            case 0x30 << 3 | 1 -> Op.ROL;
            case 0x30 << 3 | 5 -> Op.ROR;
            case 0x24 << 3 | 1 -> Op.BCLR;
            case 0x24 << 3 | 5 -> Op.BEXT;
            case 0x34 << 3 | 1 -> Op.BINV;
            case 0x14 << 3 | 1 -> Op.BSET;
            default -> -1;
        };
        if (op < 0) return illegal(pc, 4, b);
        return alu(op, rd, rs1, rs2, 0, pc, 4, b);
    }

    private static Insn op32(int b, long pc, int rd, int rs1, int rs2, int f3, int f7) {
        int op = switch (f7 << 3 | f3) {
            case 0x00 << 3 | 0 -> Op.ADDW;
            case 0x00 << 3 | 1 -> Op.SLLW;
            case 0x00 << 3 | 5 -> Op.SRLW;
            case 0x20 << 3 | 0 -> Op.SUBW;
            case 0x20 << 3 | 5 -> Op.SRAW;
            case 0x01 << 3 | 0 -> Op.MULW;
            case 0x01 << 3 | 4 -> Op.DIVW;
            case 0x01 << 3 | 5 -> Op.DIVUW;
            case 0x01 << 3 | 6 -> Op.REMW;
            case 0x01 << 3 | 7 -> Op.REMUW;
            case 0x04 << 3 | 0 -> Op.ADDUW;
            case 0x04 << 3 | 4 -> rs2 == 0 ? Op.ZEXTH : -1;
            case 0x10 << 3 | 2 -> Op.SH1ADDUW;
            case 0x10 << 3 | 4 -> Op.SH2ADDUW;
            case 0x10 << 3 | 6 -> Op.SH3ADDUW;
            case 0x30 << 3 | 1 -> Op.ROLW;
            case 0x30 << 3 | 5 -> Op.RORW;
            default -> -1;
        };
        if (op < 0) return illegal(pc, 4, b);
        return alu(op, rd, rs1, rs2, 0, pc, 4, b);
    }

    private static Insn system(int b, long pc, int rd, int rs1, int f3) {
        int csr = b >>> 20;
        if (f3 == 0) {
            // Only ecall/ebreak exist in user mode; every other field must be zero.
            if (rd == 0 && rs1 == 0) {
                if (csr == 0) return new Insn(Op.ECALL, 32, 0, 0, 0, 0, 0, pc, 4, b);
                if (csr == 1) return new Insn(Op.EBREAK, 32, 0, 0, 0, 0, 0, pc, 4, b);
            }
            return illegal(pc, 4, b);
        }
        int op = switch (f3) {
            case 1 -> Op.CSRRW; case 2 -> Op.CSRRS; case 3 -> Op.CSRRC;
            case 5 -> Op.CSRRWI; case 6 -> Op.CSRRSI; case 7 -> Op.CSRRCI; default -> -1;
        };
        if (op < 0) return illegal(pc, 4, b);
        // Immediate forms carry the 5-bit zero-extended immediate in imm; rs1 keeps the raw field
        // so "rs1 = x0" (no write for csrrs/csrrc) can be tested.
        return new Insn(op, xd(rd), rs1, 0, 0, csr, f3 >= 5 ? rs1 : 0, pc, 4, b);
    }
}
