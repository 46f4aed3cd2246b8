package dev.rivet.cpu;

/**
 * A basic block of decoded instructions: straight-line code ending at a control transfer, a
 * trap, a CSR write, {@code fence.i}, the end of its page, or a length limit. Only the last
 * instruction may transfer control; if it does not, execution continues at {@link #next}.
 */
public final class Block {
    public final long pc;
    public final Insn[] code;
    /** The address after the last instruction. */
    public final long next;
    /**
     * Cleared when the code it was decoded from may have changed. Read without synchronisation:
     * the writer clears it before the address space bumps its (volatile) generation, which every
     * hart reads at each block boundary before it looks at this flag.
     */
    boolean valid = true;

    Block(long pc, Insn[] code) {
        this.pc = pc;
        this.code = code;
        Insn last = code[code.length - 1];
        this.next = last.pc + last.len;
    }
}
