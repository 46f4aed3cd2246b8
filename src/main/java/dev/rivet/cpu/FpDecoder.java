package dev.rivet.cpu;

/**
 * Decodes the F and D extensions (loads/stores, fused multiply-add, OP-FP). Instructions whose
 * rounding-mode field is reserved (5, 6) are illegal here; a dynamic one (7) is resolved and
 * checked against {@code frm} when it runs ({@link FpOps}).
 */
final class FpDecoder {
    private FpDecoder() {}

    static Insn decode(int b, long pc) {
        int rd = (b >>> 7) & 31, rs1 = (b >>> 15) & 31, rs2 = (b >>> 20) & 31, rs3 = b >>> 27;
        int f3 = (b >>> 12) & 7;
        switch (b & 0x7f) {
            case 0x07: // LOAD-FP
                if (f3 == 2) return new Insn(Op.FLW, rd, rs1, 0, 0, 0, b >> 20, pc, 4, b);
                if (f3 == 3) return new Insn(Op.FLD, rd, rs1, 0, 0, 0, b >> 20, pc, 4, b);
                return Decoder.illegal(pc, 4, b);
            case 0x27: { // STORE-FP
                long imm = ((b >> 20) & ~0x1f) | ((b >>> 7) & 0x1f);
                if (f3 == 2) return new Insn(Op.FSW, 32, rs1, rs2, 0, 0, imm, pc, 4, b);
                if (f3 == 3) return new Insn(Op.FSD, 32, rs1, rs2, 0, 0, imm, pc, 4, b);
                return Decoder.illegal(pc, 4, b);
            }
            case 0x43: case 0x47: case 0x4b: case 0x4f: {
                int fmt = (b >>> 25) & 3;
                if (fmt > 1 || badRm(f3)) return Decoder.illegal(pc, 4, b);
                int k = ((b & 0x7f) - 0x43) >>> 2; // 0 fmadd, 1 fmsub, 2 fnmsub, 3 fnmadd
                int op = (fmt == 0 ? Op.FMADD_S : Op.FMADD_D) + k;
                return new Insn(op, rd, rs1, rs2, rs3, f3, 0, pc, 4, b);
            }
            default:
                return opFp(b, pc, rd, rs1, rs2, f3);
        }
    }

    private static boolean badRm(int rm) {
        return rm == 5 || rm == 6;
    }

    private static Insn opFp(int b, long pc, int rd, int rs1, int rs2, int f3) {
        int f7 = b >>> 25;
        boolean d = (f7 & 1) != 0;
        int op = -1;
        boolean usesRm = false, xDest = false;
        switch (f7) {
            case 0x00, 0x01 -> { op = d ? Op.FADD_D : Op.FADD_S; usesRm = true; }
            case 0x04, 0x05 -> { op = d ? Op.FSUB_D : Op.FSUB_S; usesRm = true; }
            case 0x08, 0x09 -> { op = d ? Op.FMUL_D : Op.FMUL_S; usesRm = true; }
            case 0x0c, 0x0d -> { op = d ? Op.FDIV_D : Op.FDIV_S; usesRm = true; }
            case 0x2c, 0x2d -> { if (rs2 == 0) op = d ? Op.FSQRT_D : Op.FSQRT_S; usesRm = true; }
            case 0x10, 0x11 -> {
                if (f3 <= 2) op = (d ? Op.FSGNJ_D : Op.FSGNJ_S) + f3;
            }
            case 0x14, 0x15 -> {
                if (f3 == 0) op = d ? Op.FMIN_D : Op.FMIN_S;
                else if (f3 == 1) op = d ? Op.FMAX_D : Op.FMAX_S;
            }
            case 0x20 -> { if (rs2 == 1) op = Op.FCVT_S_D; usesRm = true; }
            case 0x21 -> { if (rs2 == 0) op = Op.FCVT_D_S; usesRm = true; }
            case 0x50, 0x51 -> {
                xDest = true;
                if (f3 == 2) op = d ? Op.FEQ_D : Op.FEQ_S;
                else if (f3 == 1) op = d ? Op.FLT_D : Op.FLT_S;
                else if (f3 == 0) op = d ? Op.FLE_D : Op.FLE_S;
            }
            case 0x60, 0x61 -> {
                xDest = true;
                usesRm = true;
                if (rs2 <= 3) op = (d ? Op.FCVT_W_D : Op.FCVT_W_S) + rs2;
            }
            case 0x68, 0x69 -> {
                usesRm = true;
                if (rs2 <= 3) op = (d ? Op.FCVT_D_W : Op.FCVT_S_W) + rs2;
            }
            case 0x70, 0x71 -> {
                xDest = true;
                if (rs2 == 0 && f3 == 0) op = d ? Op.FMV_X_D : Op.FMV_X_W;
                else if (rs2 == 0 && f3 == 1) op = d ? Op.FCLASS_D : Op.FCLASS_S;
            }
            case 0x78, 0x79 -> {
                if (rs2 == 0 && f3 == 0) op = d ? Op.FMV_D_X : Op.FMV_W_X;
            }
            default -> { }
        }
        if (op < 0 || (usesRm && badRm(f3))) return Decoder.illegal(pc, 4, b);
        return new Insn(op, xDest ? Decoder.xd(rd) : rd, rs1, rs2, 0, f3, 0, pc, 4, b);
    }
}
