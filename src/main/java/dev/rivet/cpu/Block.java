package dev.rivet.cpu;

/**
 * An extended basic block of decoded instructions: straight-line code from one entry, ending at
 * an unconditional jump, a trap, a CSR write, {@code fence.i}, the end of its page, or a length
 * limit. Conditional branches inside it are side exits when taken. If the last instruction does
 * not transfer control, execution continues at {@link #next}.
 */
public final class Block {
    public final long pc;
    public final Insn[] code;
    /**
     * The interpreter's compact copy of {@link #code}: per instruction {@code op | rd << 8 |
     * rs1 << 16 | rs2 << 24} and the immediate, so the hot loop reads two flat arrays instead
     * of chasing an object per instruction.
     */
    final int[] ops;
    final long[] imms;
    /** The address after the last instruction. */
    public final long next;
    /**
     * Cleared when the code it was decoded from may have changed. Read without synchronisation:
     * the writer clears it before the address space bumps its (volatile) generation, which every
     * hart reads at each block boundary before it looks at this flag.
     */
    boolean valid = true;
    /**
     * The interpreter's chaining links: the block last run after this one by falling through
     * to {@link #next}, and by a taken branch or jump. Only hints, checked (pc, valid) before
     * use; a racing write by another hart sharing this block only costs a lookup.
     */
    Block fallThrough, taken;

    /** Whether the code this block was decoded from is unchanged (the JIT drops its translation when not). */
    public boolean isValid() {
        return valid;
    }

    Block(long pc, Insn[] code) {
        this.pc = pc;
        this.code = code;
        this.ops = new int[code.length];
        this.imms = new long[code.length];
        for (int i = 0; i < code.length; i++) {
            Insn in = code[i];
            ops[i] = in.op | in.rd << 8 | in.rs1 << 16 | in.rs2 << 24;
            imms[i] = in.imm;
        }
        Insn last = code[code.length - 1];
        this.next = last.pc + last.len;
    }
}
