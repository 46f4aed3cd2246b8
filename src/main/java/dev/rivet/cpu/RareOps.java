package dev.rivet.cpu;

import java.lang.invoke.VarHandle;

/**
 * The operations kept out of the interpreter's hot switch: bit manipulation, system
 * instructions, atomics (delegated to {@link Amo}), CSRs ({@link Csr}) and FP ({@link FpOps}).
 */
final class RareOps {
    private RareOps() {}

    /**
     * Runs {@code in}, the {@code i}-th instruction of its block (so {@code h.instret + i} is the
     * count retired before it). Returns null, or why the hart must stop at this instruction.
     */
    static StopReason exec(Hart h, Insn in, int i) {
        int op = in.op;
        if (op >= Op.FIRST_FP) return FpOps.exec(h, in);
        if (op >= Op.LR_W) return Amo.exec(h, in);
        if (op >= Op.ECALL) return system(h, in, i);
        bitmanip(h.x, in);
        return null;
    }

    private static void bitmanip(long[] x, Insn in) {
        long a = x[in.rs1], b = x[in.rs2];
        x[in.rd] = switch (in.op) {
            case Op.SH1ADD -> (a << 1) + b;
            case Op.SH2ADD -> (a << 2) + b;
            case Op.SH3ADD -> (a << 3) + b;
            case Op.ADDUW -> (a & 0xffffffffL) + b;
            case Op.SH1ADDUW -> ((a & 0xffffffffL) << 1) + b;
            case Op.SH2ADDUW -> ((a & 0xffffffffL) << 2) + b;
            case Op.SH3ADDUW -> ((a & 0xffffffffL) << 3) + b;
            case Op.SLLIUW -> (a & 0xffffffffL) << in.imm;
            case Op.ANDN -> a & ~b;
            case Op.ORN -> a | ~b;
            case Op.XNOR -> ~(a ^ b);
            case Op.CLZ -> Alu.clz(a);
            case Op.CLZW -> Alu.clzw(a);
            case Op.CTZ -> Alu.ctz(a);
            case Op.CTZW -> Alu.ctzw(a);
            case Op.CPOP -> Alu.cpop(a);
            case Op.CPOPW -> Alu.cpopw(a);
            case Op.MAX -> Alu.max(a, b);
            case Op.MAXU -> Alu.maxu(a, b);
            case Op.MIN -> Alu.min(a, b);
            case Op.MINU -> Alu.minu(a, b);
            case Op.SEXTB -> (byte) a;
            case Op.SEXTH -> (short) a;
            case Op.ZEXTH -> a & 0xffff;
            case Op.ROL -> Alu.rol(a, b);
            case Op.ROLW -> Alu.rolw(a, b);
            case Op.ROR -> Alu.ror(a, b);
            case Op.RORI -> Alu.ror(a, in.imm);
            case Op.RORIW -> Alu.rorw(a, in.imm);
            case Op.RORW -> Alu.rorw(a, b);
            case Op.ORCB -> Alu.orcb(a);
            case Op.REV8 -> Alu.rev8(a);
            case Op.CLMUL -> Alu.clmul(a, b);
            case Op.CLMULH -> Alu.clmulh(a, b);
            case Op.CLMULR -> Alu.clmulr(a, b);
            case Op.BCLR -> Alu.bclr(a, b);
            case Op.BCLRI -> Alu.bclr(a, in.imm);
            case Op.BEXT -> Alu.bext(a, b);
            case Op.BEXTI -> Alu.bext(a, in.imm);
            case Op.BINV -> Alu.binv(a, b);
            case Op.BINVI -> Alu.binv(a, in.imm);
            case Op.BSET -> Alu.bset(a, b);
            case Op.BSETI -> Alu.bset(a, in.imm);
            default -> throw new IllegalStateException("not a bitmanip op: " + in);
        };
    }

    private static StopReason system(Hart h, Insn in, int i) {
        switch (in.op) {
            case Op.ECALL:
                return StopReason.ECALL;
            case Op.EBREAK:
                return StopReason.BREAKPOINT;
            case Op.ILLEGAL:
                return new StopReason.Illegal(in.bits);
            case Op.FENCE:
                // fence (and fence.tso, pause, which are encodings of it) orders all memory accesses.
                VarHandle.fullFence();
                return null;
            case Op.FENCE_I:
                VarHandle.fullFence();
                h.flushDecodedCode();
                return null;
            default:
                return Csr.exec(h, in, i);
        }
    }
}
