package dev.rivet.cpu;

import dev.rivet.mm.MemoryFault;

/**
 * The pre-decoded interpreter: {@link #run} is the dispatcher, which finds blocks (chained
 * links, then the per-hart direct-mapped cache, then the shared {@link CodeCache}) and hands
 * each to {@link #exec}, which runs it from its compact form ({@link Block#ops}). The common
 * operations are in exec's switch; the rest go to {@link RareOps} so that it stays well under
 * HotSpot's 8000-byte limit (it is about 2 KB of bytecode).
 *
 * <p>Blocks are chained (each remembers its successors), so a hot loop goes from block to block
 * without a cache lookup. Every {@link #CHECK_EVERY} blocks, on entry, and after decoding the
 * dispatcher honours {@link Hart#requestStop()} and resynchronises the TLBs with the address
 * space's generation. {@code instret} is added per block, or up to the stopping instruction,
 * so it is exact at every stop.
 */
final class Interpreter {
    private Interpreter() {}

    /**
     * Blocks run between two looks at the stop flag and the address-space generation. Both are
     * volatile reads that also keep C2 from keeping values in registers across them; every 64
     * blocks (a few microseconds) still honours a stop or another thread's munmap promptly.
     */
    static final int CHECK_EVERY = 64;

    /** What {@link #exec} returns when the hart must stop; {@link Hart#stop} then says why (never a pc: odd). */
    private static final long STOPPED = -1;

    static StopReason run(Hart h) {
        if (h.mmu.space != h.memory) h.attach();
        final Mmu m = h.mmu;
        // With RVC, pc bit 0 does not exist (sepc's bit 0 is hardwired to zero): a kernel-set odd
        // pc (sigreturn with a bad context) resumes at the even address, as on hardware.
        long pc = h.pc & ~1L;
        if (h.stopRequested()) {
            h.pc = pc;
            return StopReason.INTERRUPTED;
        }
        m.sync();
        Block b;
        try {
            b = lookup(h, pc);
        } catch (MemoryFault e) {
            h.pc = pc;
            return new StopReason.Fault(e.address, e.access, e.mapped);
        }
        int budget = CHECK_EVERY;
        for (;;) {
            pc = exec(h, b);
            if (pc == STOPPED) {
                StopReason r = h.stop;
                h.stop = null;
                return r;
            }
            if (--budget == 0) {
                budget = CHECK_EVERY;
                if (h.stopRequested()) {
                    h.pc = pc;
                    return StopReason.INTERRUPTED;
                }
                m.sync(); // before any block's valid flag is trusted (see Block#valid)
            }
            // Chaining: each block remembers the block it last fell through to and the one its
            // last taken exit or jump went to, which skips the cache lookup on loops and straight
            // code. The link is trusted only if it is for this pc and still valid.
            final boolean fell = pc == b.next;
            Block nb = fell ? b.fallThrough : b.taken;
            if (nb == null || nb.pc != pc || !nb.valid) {
                try {
                    nb = lookup(h, pc);
                } catch (MemoryFault e) {
                    h.pc = pc;
                    return new StopReason.Fault(e.address, e.access, e.mapped);
                }
                if (fell) b.fallThrough = nb; else b.taken = nb;
            }
            b = nb;
        }
    }

    /**
     * Runs one block and returns the pc to continue at, or {@link #STOPPED} with {@link Hart#pc}
     * at the stopping instruction and {@link Hart#stop} set. A method of its own, so that its
     * registers are not shared with the dispatcher's (C2 had spilled the switch's operands)
     * and so that C2 compiles it as an ordinary method, soon, instead of through the
     * dispatcher's on-stack replacement; later the JIT's compiled blocks take its place.
     */
    private static long exec(Hart h, Block b) {
        final long[] x = h.x;
        final long[] f = h.f;
        final Mmu m = h.mmu;
        final long[] rT = m.rTag, wT = m.wTag; // the TLBs, see Mmu's static loads and stores
        final byte[][] rP = m.rPage, wP = m.wPage;
        final int[] ops = b.ops;
        final long[] imms = b.imms;
        final int n = ops.length;
        long next = b.next;
        int i = 0;
        try {
            block:
            for (; i < n; i++) {
                final int w = ops[i];
                final int rd = (w >>> 8) & 0xff, rs1 = (w >>> 16) & 0xff, rs2 = w >>> 24;
                switch (w & 0xff) {
                    case Op.NOP -> { }
                    case Op.LI -> x[rd] = imms[i];
                    case Op.MV -> x[rd] = x[rs1];
                    case Op.ADD -> x[rd] = x[rs1] + x[rs2];
                    case Op.SUB -> x[rd] = x[rs1] - x[rs2];
                    case Op.SLL -> x[rd] = x[rs1] << x[rs2];
                    case Op.SLT -> x[rd] = x[rs1] < x[rs2] ? 1 : 0;
                    case Op.SLTU -> x[rd] = Long.compareUnsigned(x[rs1], x[rs2]) < 0 ? 1 : 0;
                    case Op.XOR -> x[rd] = x[rs1] ^ x[rs2];
                    case Op.SRL -> x[rd] = x[rs1] >>> x[rs2];
                    case Op.SRA -> x[rd] = x[rs1] >> x[rs2];
                    case Op.OR -> x[rd] = x[rs1] | x[rs2];
                    case Op.AND -> x[rd] = x[rs1] & x[rs2];
                    case Op.ADDI -> x[rd] = x[rs1] + imms[i];
                    case Op.SLTI -> x[rd] = x[rs1] < imms[i] ? 1 : 0;
                    case Op.SLTIU -> x[rd] = Long.compareUnsigned(x[rs1], imms[i]) < 0 ? 1 : 0;
                    case Op.XORI -> x[rd] = x[rs1] ^ imms[i];
                    case Op.ORI -> x[rd] = x[rs1] | imms[i];
                    case Op.ANDI -> x[rd] = x[rs1] & imms[i];
                    case Op.SLLI -> x[rd] = x[rs1] << imms[i];
                    case Op.SRLI -> x[rd] = x[rs1] >>> imms[i];
                    case Op.SRAI -> x[rd] = x[rs1] >> imms[i];
                    case Op.ADDW -> x[rd] = (int) (x[rs1] + x[rs2]);
                    case Op.SUBW -> x[rd] = (int) (x[rs1] - x[rs2]);
                    case Op.SLLW -> x[rd] = (int) x[rs1] << x[rs2];
                    case Op.SRLW -> x[rd] = (int) x[rs1] >>> x[rs2];
                    case Op.SRAW -> x[rd] = (int) x[rs1] >> x[rs2];
                    case Op.ADDIW -> x[rd] = (int) (x[rs1] + imms[i]);
                    case Op.SLLIW -> x[rd] = (int) x[rs1] << imms[i];
                    case Op.SRLIW -> x[rd] = (int) x[rs1] >>> imms[i];
                    case Op.SRAIW -> x[rd] = (int) x[rs1] >> imms[i];
                    case Op.MUL -> x[rd] = x[rs1] * x[rs2];
                    case Op.MULH -> x[rd] = Alu.mulh(x[rs1], x[rs2]);
                    case Op.MULHSU -> x[rd] = Alu.mulhsu(x[rs1], x[rs2]);
                    case Op.MULHU -> x[rd] = Alu.mulhu(x[rs1], x[rs2]);
                    case Op.DIV -> x[rd] = Alu.div(x[rs1], x[rs2]);
                    case Op.DIVU -> x[rd] = Alu.divu(x[rs1], x[rs2]);
                    case Op.REM -> x[rd] = Alu.rem(x[rs1], x[rs2]);
                    case Op.REMU -> x[rd] = Alu.remu(x[rs1], x[rs2]);
                    case Op.MULW -> x[rd] = (int) x[rs1] * (int) x[rs2];
                    case Op.DIVW -> x[rd] = Alu.divw(x[rs1], x[rs2]);
                    case Op.DIVUW -> x[rd] = Alu.divuw(x[rs1], x[rs2]);
                    case Op.REMW -> x[rd] = Alu.remw(x[rs1], x[rs2]);
                    case Op.REMUW -> x[rd] = Alu.remuw(x[rs1], x[rs2]);
                    case Op.LB -> x[rd] = Mmu.lb(m, rT, rP, x[rs1] + imms[i]);
                    case Op.LH -> x[rd] = Mmu.lh(m, rT, rP, x[rs1] + imms[i]);
                    case Op.LW -> x[rd] = Mmu.lw(m, rT, rP, x[rs1] + imms[i]);
                    case Op.LD -> x[rd] = Mmu.ld(m, rT, rP, x[rs1] + imms[i]);
                    case Op.LBU -> x[rd] = Mmu.lbu(m, rT, rP, x[rs1] + imms[i]);
                    case Op.LHU -> x[rd] = Mmu.lhu(m, rT, rP, x[rs1] + imms[i]);
                    case Op.LWU -> x[rd] = Mmu.lwu(m, rT, rP, x[rs1] + imms[i]);
                    case Op.SB -> Mmu.sb(m, wT, wP, x[rs1] + imms[i], x[rs2]);
                    case Op.SH -> Mmu.sh(m, wT, wP, x[rs1] + imms[i], x[rs2]);
                    case Op.SW -> Mmu.sw(m, wT, wP, x[rs1] + imms[i], x[rs2]);
                    case Op.SD -> Mmu.sd(m, wT, wP, x[rs1] + imms[i], x[rs2]);
                    case Op.FLD -> f[rd] = Mmu.ld(m, rT, rP, x[rs1] + imms[i]);
                    case Op.FSD -> Mmu.sd(m, wT, wP, x[rs1] + imms[i], f[rs2]);
                    case Op.FLW -> f[rd] = FpOps.box((int) Mmu.lw(m, rT, rP, x[rs1] + imms[i]));
                    case Op.FSW -> Mmu.sw(m, wT, wP, x[rs1] + imms[i], f[rs2]);
                    // A taken conditional branch leaves the block (a side exit); not taken, the
                    // block goes on. Jumps are always last in their block.
                    case Op.BEQ -> { if (x[rs1] == x[rs2]) { next = imms[i++]; break block; } }
                    case Op.BNE -> { if (x[rs1] != x[rs2]) { next = imms[i++]; break block; } }
                    case Op.BLT -> { if (x[rs1] < x[rs2]) { next = imms[i++]; break block; } }
                    case Op.BGE -> { if (x[rs1] >= x[rs2]) { next = imms[i++]; break block; } }
                    case Op.BLTU -> { if (Long.compareUnsigned(x[rs1], x[rs2]) < 0) { next = imms[i++]; break block; } }
                    case Op.BGEU -> { if (Long.compareUnsigned(x[rs1], x[rs2]) >= 0) { next = imms[i++]; break block; } }
                    case Op.JAL -> {
                        x[rd] = next; // the link (b.next: a jump is the last instruction)
                        next = imms[i];
                    }
                    case Op.JALR -> {
                        long target = (x[rs1] + imms[i]) & ~1L; // before writing rd: rd may be rs1
                        x[rd] = next;
                        next = target;
                    }
                    default -> {
                        StopReason r = RareOps.exec(h, b.code[i], i);
                        if (r != null) {
                            h.pc = b.code[i].pc;
                            h.instret += i;
                            h.stop = r;
                            return STOPPED;
                        }
                    }
                }
            }
        } catch (MemoryFault e) {
            h.pc = b.code[i].pc;
            h.instret += i;
            h.stop = new StopReason.Fault(e.address, e.access, e.mapped);
            return STOPPED;
        }
        h.instret += i; // n, or up to and including a taken branch
        return next;
    }

    /**
     * The block at {@code pc} from the hart's direct-mapped cache, else the shared code cache
     * (decoding it if needed). Throws MemoryFault if pc cannot be fetched.
     */
    private static Block lookup(Hart h, long pc) {
        final Block[] cache = h.blocks;
        int slot = (int) (pc >>> 1) & Hart.BLOCK_CACHE_MASK;
        Block b = cache[slot];
        if (b != null && b.pc == pc && b.valid) return b;
        b = h.code.get(h.mmu, pc);
        // Decoding may have started watching a page this hart still has in its write TLB (the
        // generation moved): resynchronise now, so a store into this code is seen at once.
        h.mmu.sync();
        cache[slot] = b;
        return b;
    }
}
