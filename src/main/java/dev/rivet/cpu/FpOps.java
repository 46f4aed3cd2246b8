package dev.rivet.cpu;

/**
 * Dispatch of the F and D arithmetic to {@link Fpu}: unboxes single-precision operands (a value
 * whose upper 32 bits are not all ones reads as the canonical NaN), NaN-boxes single results,
 * resolves the dynamic rounding mode and reports an invalid one as an illegal instruction.
 * Plain bit moves (fmv, loads and stores) are done here or in the interpreter.
 */
final class FpOps {
    private FpOps() {}

    static final int CANONICAL_NAN_S = 0x7fc00000;

    static long box(int v) {
        return 0xffffffff00000000L | (v & 0xffffffffL);
    }

    static int unbox(long v) {
        return (v >>> 32) == 0xffffffffL ? (int) v : CANONICAL_NAN_S;
    }

    static StopReason exec(Hart h, Insn in) {
        int rm = in.rm == 7 ? h.frm : in.rm;
        if (rm > 4 && usesRm(in.op)) return new StopReason.Illegal(in.bits);
        if (in.op < Op.FADD_D) single(h, in, rm);
        else if (in.op <= Op.FMV_D_X) dbl(h, in, rm);
        else if (in.op == Op.FCVT_S_D) h.f[in.rd] = box(Fpu.fcvtSD(h, h.f[in.rs1], rm));
        else h.f[in.rd] = Fpu.fcvtDS(h, unbox(h.f[in.rs1]), rm);
        return null;
    }

    /** Whether the instruction's funct3 is a rounding mode (rather than selecting the operation). */
    private static boolean usesRm(int op) {
        return switch (op) {
            case Op.FSGNJ_S, Op.FSGNJN_S, Op.FSGNJX_S, Op.FMIN_S, Op.FMAX_S, Op.FEQ_S, Op.FLT_S, Op.FLE_S,
                 Op.FCLASS_S, Op.FMV_X_W, Op.FMV_W_X,
                 Op.FSGNJ_D, Op.FSGNJN_D, Op.FSGNJX_D, Op.FMIN_D, Op.FMAX_D, Op.FEQ_D, Op.FLT_D, Op.FLE_D,
                 Op.FCLASS_D, Op.FMV_X_D, Op.FMV_D_X -> false;
            default -> true;
        };
    }

    private static void single(Hart h, Insn in, int rm) {
        long[] f = h.f, x = h.x;
        int a = unbox(f[in.rs1]), b = unbox(f[in.rs2]);
        switch (in.op) {
            case Op.FADD_S -> f[in.rd] = box(Fpu.faddS(h, a, b, rm));
            case Op.FSUB_S -> f[in.rd] = box(Fpu.fsubS(h, a, b, rm));
            case Op.FMUL_S -> f[in.rd] = box(Fpu.fmulS(h, a, b, rm));
            case Op.FDIV_S -> f[in.rd] = box(Fpu.fdivS(h, a, b, rm));
            case Op.FSQRT_S -> f[in.rd] = box(Fpu.fsqrtS(h, a, rm));
            case Op.FMADD_S -> f[in.rd] = box(Fpu.fmaddS(h, a, b, unbox(f[in.rs3]), rm));
            case Op.FMSUB_S -> f[in.rd] = box(Fpu.fmsubS(h, a, b, unbox(f[in.rs3]), rm));
            case Op.FNMSUB_S -> f[in.rd] = box(Fpu.fnmsubS(h, a, b, unbox(f[in.rs3]), rm));
            case Op.FNMADD_S -> f[in.rd] = box(Fpu.fnmaddS(h, a, b, unbox(f[in.rs3]), rm));
            case Op.FSGNJ_S -> f[in.rd] = box(Fpu.fsgnjS(a, b));
            case Op.FSGNJN_S -> f[in.rd] = box(Fpu.fsgnjnS(a, b));
            case Op.FSGNJX_S -> f[in.rd] = box(Fpu.fsgnjxS(a, b));
            case Op.FMIN_S -> f[in.rd] = box(Fpu.fminS(h, a, b));
            case Op.FMAX_S -> f[in.rd] = box(Fpu.fmaxS(h, a, b));
            case Op.FEQ_S -> x[in.rd] = Fpu.feqS(h, a, b);
            case Op.FLT_S -> x[in.rd] = Fpu.fltS(h, a, b);
            case Op.FLE_S -> x[in.rd] = Fpu.fleS(h, a, b);
            case Op.FCLASS_S -> x[in.rd] = Fpu.fclassS(a);
            case Op.FCVT_W_S -> x[in.rd] = Fpu.fcvtWS(h, a, rm);
            case Op.FCVT_WU_S -> x[in.rd] = Fpu.fcvtWUS(h, a, rm);
            case Op.FCVT_L_S -> x[in.rd] = Fpu.fcvtLS(h, a, rm);
            case Op.FCVT_LU_S -> x[in.rd] = Fpu.fcvtLUS(h, a, rm);
            case Op.FCVT_S_W -> f[in.rd] = box(Fpu.fcvtSW(h, x[in.rs1], rm));
            case Op.FCVT_S_WU -> f[in.rd] = box(Fpu.fcvtSWU(h, x[in.rs1], rm));
            case Op.FCVT_S_L -> f[in.rd] = box(Fpu.fcvtSL(h, x[in.rs1], rm));
            case Op.FCVT_S_LU -> f[in.rd] = box(Fpu.fcvtSLU(h, x[in.rs1], rm));
            // fmv.x.w moves the raw low bits, sign-extended, without unboxing.
            case Op.FMV_X_W -> x[in.rd] = (int) f[in.rs1];
            case Op.FMV_W_X -> f[in.rd] = box((int) x[in.rs1]);
            default -> throw new IllegalStateException("not a single-precision op: " + in);
        }
    }

    private static void dbl(Hart h, Insn in, int rm) {
        long[] f = h.f, x = h.x;
        long a = f[in.rs1], b = f[in.rs2];
        switch (in.op) {
            case Op.FADD_D -> f[in.rd] = Fpu.faddD(h, a, b, rm);
            case Op.FSUB_D -> f[in.rd] = Fpu.fsubD(h, a, b, rm);
            case Op.FMUL_D -> f[in.rd] = Fpu.fmulD(h, a, b, rm);
            case Op.FDIV_D -> f[in.rd] = Fpu.fdivD(h, a, b, rm);
            case Op.FSQRT_D -> f[in.rd] = Fpu.fsqrtD(h, a, rm);
            case Op.FMADD_D -> f[in.rd] = Fpu.fmaddD(h, a, b, f[in.rs3], rm);
            case Op.FMSUB_D -> f[in.rd] = Fpu.fmsubD(h, a, b, f[in.rs3], rm);
            case Op.FNMSUB_D -> f[in.rd] = Fpu.fnmsubD(h, a, b, f[in.rs3], rm);
            case Op.FNMADD_D -> f[in.rd] = Fpu.fnmaddD(h, a, b, f[in.rs3], rm);
            case Op.FSGNJ_D -> f[in.rd] = Fpu.fsgnjD(a, b);
            case Op.FSGNJN_D -> f[in.rd] = Fpu.fsgnjnD(a, b);
            case Op.FSGNJX_D -> f[in.rd] = Fpu.fsgnjxD(a, b);
            case Op.FMIN_D -> f[in.rd] = Fpu.fminD(h, a, b);
            case Op.FMAX_D -> f[in.rd] = Fpu.fmaxD(h, a, b);
            case Op.FEQ_D -> x[in.rd] = Fpu.feqD(h, a, b);
            case Op.FLT_D -> x[in.rd] = Fpu.fltD(h, a, b);
            case Op.FLE_D -> x[in.rd] = Fpu.fleD(h, a, b);
            case Op.FCLASS_D -> x[in.rd] = Fpu.fclassD(a);
            case Op.FCVT_W_D -> x[in.rd] = Fpu.fcvtWD(h, a, rm);
            case Op.FCVT_WU_D -> x[in.rd] = Fpu.fcvtWUD(h, a, rm);
            case Op.FCVT_L_D -> x[in.rd] = Fpu.fcvtLD(h, a, rm);
            case Op.FCVT_LU_D -> x[in.rd] = Fpu.fcvtLUD(h, a, rm);
            case Op.FCVT_D_W -> f[in.rd] = Fpu.fcvtDW(h, x[in.rs1], rm);
            case Op.FCVT_D_WU -> f[in.rd] = Fpu.fcvtDWU(h, x[in.rs1], rm);
            case Op.FCVT_D_L -> f[in.rd] = Fpu.fcvtDL(h, x[in.rs1], rm);
            case Op.FCVT_D_LU -> f[in.rd] = Fpu.fcvtDLU(h, x[in.rs1], rm);
            case Op.FMV_X_D -> x[in.rd] = a;
            case Op.FMV_D_X -> f[in.rd] = x[in.rs1];
            default -> throw new IllegalStateException("not a double-precision op: " + in);
        }
    }
}
