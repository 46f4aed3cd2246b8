package dev.rivet.cpu;

import dev.rivet.mm.MemoryFault;

/**
 * The pre-decoded interpreter: looks blocks up (per-hart direct-mapped cache, then the shared
 * {@link CodeCache}) and runs them. The common operations are in {@link #exec}'s switch; the
 * rest go to {@link RareOps} so that this method stays well under HotSpot's 8000-byte limit.
 *
 * <p>Between blocks it honours {@link Hart#requestStop()} and resynchronises the TLBs with the
 * address space's generation. {@code instret} is added per block, or up to the stopping
 * instruction, so it is exact at every stop.
 */
final class Interpreter {
    private Interpreter() {}

    static StopReason run(Hart h) {
        if (h.mmu.space != h.memory) h.attach();
        // With RVC, pc bit 0 does not exist (sepc's bit 0 is hardwired to zero): a kernel-set odd
        // pc (sigreturn with a bad context) resumes at the even address, as on hardware.
        h.pc &= ~1L;
        final Mmu m = h.mmu;
        final Block[] cache = h.blocks;
        final CodeCache code = h.code;
        for (;;) {
            if (h.stopRequested()) return StopReason.INTERRUPTED;
            m.sync();
            long pc = h.pc;
            int slot = (int) (pc >>> 1) & Hart.BLOCK_CACHE_MASK;
            Block b = cache[slot];
            if (b == null || b.pc != pc || !b.valid) {
                try {
                    b = code.get(m, pc);
                } catch (MemoryFault f) {
                    return new StopReason.Fault(f.address, f.access, f.mapped);
                }
                cache[slot] = b;
            }
            StopReason r = exec(h, b);
            if (r != null) return r;
        }
    }

    /** Runs one block; returns null with {@code h.pc} set to the next pc, or the reason to stop. */
    static StopReason exec(Hart h, Block b) {
        final long[] x = h.x;
        final long[] f = h.f;
        final Mmu m = h.mmu;
        final Insn[] code = b.code;
        final int n = code.length;
        int i = 0;
        try {
            for (; i < n; i++) {
                final Insn in = code[i];
                switch (in.op) {
                    case Op.NOP -> { }
                    case Op.LI -> x[in.rd] = in.imm;
                    case Op.MV -> x[in.rd] = x[in.rs1];
                    case Op.ADD -> x[in.rd] = x[in.rs1] + x[in.rs2];
                    case Op.SUB -> x[in.rd] = x[in.rs1] - x[in.rs2];
                    case Op.SLL -> x[in.rd] = x[in.rs1] << x[in.rs2];
                    case Op.SLT -> x[in.rd] = x[in.rs1] < x[in.rs2] ? 1 : 0;
                    case Op.SLTU -> x[in.rd] = Long.compareUnsigned(x[in.rs1], x[in.rs2]) < 0 ? 1 : 0;
                    case Op.XOR -> x[in.rd] = x[in.rs1] ^ x[in.rs2];
                    case Op.SRL -> x[in.rd] = x[in.rs1] >>> x[in.rs2];
                    case Op.SRA -> x[in.rd] = x[in.rs1] >> x[in.rs2];
                    case Op.OR -> x[in.rd] = x[in.rs1] | x[in.rs2];
                    case Op.AND -> x[in.rd] = x[in.rs1] & x[in.rs2];
                    case Op.ADDI -> x[in.rd] = x[in.rs1] + in.imm;
                    case Op.SLTI -> x[in.rd] = x[in.rs1] < in.imm ? 1 : 0;
                    case Op.SLTIU -> x[in.rd] = Long.compareUnsigned(x[in.rs1], in.imm) < 0 ? 1 : 0;
                    case Op.XORI -> x[in.rd] = x[in.rs1] ^ in.imm;
                    case Op.ORI -> x[in.rd] = x[in.rs1] | in.imm;
                    case Op.ANDI -> x[in.rd] = x[in.rs1] & in.imm;
                    case Op.SLLI -> x[in.rd] = x[in.rs1] << in.imm;
                    case Op.SRLI -> x[in.rd] = x[in.rs1] >>> in.imm;
                    case Op.SRAI -> x[in.rd] = x[in.rs1] >> in.imm;
                    case Op.ADDW -> x[in.rd] = (int) (x[in.rs1] + x[in.rs2]);
                    case Op.SUBW -> x[in.rd] = (int) (x[in.rs1] - x[in.rs2]);
                    case Op.SLLW -> x[in.rd] = (int) x[in.rs1] << x[in.rs2];
                    case Op.SRLW -> x[in.rd] = (int) x[in.rs1] >>> x[in.rs2];
                    case Op.SRAW -> x[in.rd] = (int) x[in.rs1] >> x[in.rs2];
                    case Op.ADDIW -> x[in.rd] = (int) (x[in.rs1] + in.imm);
                    case Op.SLLIW -> x[in.rd] = (int) x[in.rs1] << in.imm;
                    case Op.SRLIW -> x[in.rd] = (int) x[in.rs1] >>> in.imm;
                    case Op.SRAIW -> x[in.rd] = (int) x[in.rs1] >> in.imm;
                    case Op.MUL -> x[in.rd] = x[in.rs1] * x[in.rs2];
                    case Op.MULH -> x[in.rd] = Alu.mulh(x[in.rs1], x[in.rs2]);
                    case Op.MULHSU -> x[in.rd] = Alu.mulhsu(x[in.rs1], x[in.rs2]);
                    case Op.MULHU -> x[in.rd] = Alu.mulhu(x[in.rs1], x[in.rs2]);
                    case Op.DIV -> x[in.rd] = Alu.div(x[in.rs1], x[in.rs2]);
                    case Op.DIVU -> x[in.rd] = Alu.divu(x[in.rs1], x[in.rs2]);
                    case Op.REM -> x[in.rd] = Alu.rem(x[in.rs1], x[in.rs2]);
                    case Op.REMU -> x[in.rd] = Alu.remu(x[in.rs1], x[in.rs2]);
                    case Op.MULW -> x[in.rd] = (int) x[in.rs1] * (int) x[in.rs2];
                    case Op.DIVW -> x[in.rd] = Alu.divw(x[in.rs1], x[in.rs2]);
                    case Op.DIVUW -> x[in.rd] = Alu.divuw(x[in.rs1], x[in.rs2]);
                    case Op.REMW -> x[in.rd] = Alu.remw(x[in.rs1], x[in.rs2]);
                    case Op.REMUW -> x[in.rd] = Alu.remuw(x[in.rs1], x[in.rs2]);
                    case Op.LB -> x[in.rd] = m.lb(x[in.rs1] + in.imm);
                    case Op.LH -> x[in.rd] = m.lh(x[in.rs1] + in.imm);
                    case Op.LW -> x[in.rd] = m.lw(x[in.rs1] + in.imm);
                    case Op.LD -> x[in.rd] = m.ld(x[in.rs1] + in.imm);
                    case Op.LBU -> x[in.rd] = m.lbu(x[in.rs1] + in.imm);
                    case Op.LHU -> x[in.rd] = m.lhu(x[in.rs1] + in.imm);
                    case Op.LWU -> x[in.rd] = m.lwu(x[in.rs1] + in.imm);
                    case Op.SB -> m.sb(x[in.rs1] + in.imm, x[in.rs2]);
                    case Op.SH -> m.sh(x[in.rs1] + in.imm, x[in.rs2]);
                    case Op.SW -> m.sw(x[in.rs1] + in.imm, x[in.rs2]);
                    case Op.SD -> m.sd(x[in.rs1] + in.imm, x[in.rs2]);
                    case Op.FLD -> f[in.rd] = m.ld(x[in.rs1] + in.imm);
                    case Op.FSD -> m.sd(x[in.rs1] + in.imm, f[in.rs2]);
                    case Op.FLW -> f[in.rd] = FpOps.box((int) m.lw(x[in.rs1] + in.imm));
                    case Op.FSW -> m.sw(x[in.rs1] + in.imm, f[in.rs2]);
                    // Branches and jumps are always last in their block.
                    case Op.BEQ -> { if (x[in.rs1] == x[in.rs2]) return taken(h, in.imm, n); }
                    case Op.BNE -> { if (x[in.rs1] != x[in.rs2]) return taken(h, in.imm, n); }
                    case Op.BLT -> { if (x[in.rs1] < x[in.rs2]) return taken(h, in.imm, n); }
                    case Op.BGE -> { if (x[in.rs1] >= x[in.rs2]) return taken(h, in.imm, n); }
                    case Op.BLTU -> { if (Long.compareUnsigned(x[in.rs1], x[in.rs2]) < 0) return taken(h, in.imm, n); }
                    case Op.BGEU -> { if (Long.compareUnsigned(x[in.rs1], x[in.rs2]) >= 0) return taken(h, in.imm, n); }
                    case Op.JAL -> {
                        x[in.rd] = in.pc + in.len;
                        return taken(h, in.imm, n);
                    }
                    case Op.JALR -> {
                        long target = (x[in.rs1] + in.imm) & ~1L; // before writing rd: rd may be rs1
                        x[in.rd] = in.pc + in.len;
                        return taken(h, target, n);
                    }
                    default -> {
                        StopReason r = RareOps.exec(h, in, i);
                        if (r != null) {
                            h.pc = in.pc;
                            h.instret += i;
                            return r;
                        }
                    }
                }
            }
        } catch (MemoryFault e) {
            h.pc = code[i].pc;
            h.instret += i;
            return new StopReason.Fault(e.address, e.access, e.mapped);
        }
        h.pc = b.next;
        h.instret += n;
        return null;
    }

    private static StopReason taken(Hart h, long target, int n) {
        h.pc = target;
        h.instret += n;
        return null;
    }
}
