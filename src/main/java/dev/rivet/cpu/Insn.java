package dev.rivet.cpu;

/**
 * One decoded instruction: decoded once when its block is first run, then interpreted (and later
 * translated by the JIT) from these fields. Register numbers are array indices: an integer
 * destination x0 is 32, the sink slot of {@link Hart#x}; FP registers index {@link Hart#f}.
 * Branch and jump immediates are absolute targets, {@code auipc}/{@code lui} values are final.
 */
public final class Insn {
    public final int op;
    public final int rd, rs1, rs2, rs3;
    /** Rounding mode field of FP operations (7 = dynamic); CSR number for CSR operations. */
    public final int rm;
    public final long imm;
    /** Address of this instruction. */
    public final long pc;
    /** 2 for a compressed instruction, else 4. */
    public final int len;
    /** The raw encoding (16 bits for compressed), reported for an illegal instruction. */
    public final int bits;

    Insn(int op, int rd, int rs1, int rs2, int rs3, int rm, long imm, long pc, int len, int bits) {
        this.op = op;
        this.rd = rd;
        this.rs1 = rs1;
        this.rs2 = rs2;
        this.rs3 = rs3;
        this.rm = rm;
        this.imm = imm;
        this.pc = pc;
        this.len = len;
        this.bits = bits;
    }

    /** Whether this instruction ends a block (unconditional jump, trap, or a change decoding depends on). */
    boolean endsBlock() {
        return switch (op) {
            // Conditional branches do not end a block: a taken one is a side exit, so blocks
            // are extended basic blocks (one entry, several exits), which halves dispatches.
            case Op.JAL, Op.JALR, Op.ECALL, Op.EBREAK, Op.ILLEGAL, Op.FENCE_I -> true;
            // CSR writes end the block so rounding-mode changes take effect at a block boundary
            // (the JIT may specialise on frm); CSR reads of counters need no such care.
            case Op.CSRRW, Op.CSRRWI -> true;
            case Op.CSRRS, Op.CSRRC -> rs1 != 0;
            case Op.CSRRSI, Op.CSRRCI -> imm != 0;
            default -> false;
        };
    }

    @Override
    public String toString() {
        return "Insn[op=" + op + " rd=" + rd + " rs1=" + rs1 + " rs2=" + rs2 + " rs3=" + rs3 + " rm=" + rm
                + " imm=0x" + Long.toHexString(imm) + " pc=0x" + Long.toHexString(pc) + " bits=0x" + Integer.toHexString(bits) + "]";
    }
}
