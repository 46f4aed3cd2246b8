package dev.rivet.fuzz;

import java.util.function.IntUnaryOperator;

/**
 * One generated instruction: its size (2 or 4 bytes) and encoding, or, for a control transfer
 * whose offset is known only after layout, a function from the byte offset to the encoding.
 * The offset passed is {@code target - (address of this insn + baseAdj)}: baseAdj lets an
 * {@code addi}/{@code jalr} after an {@code auipc} measure from the auipc.
 */
record Insn(int size, int bits, IntUnaryOperator fix, int baseAdj) {
    static Insn of(int bits) { return new Insn(4, bits, null, 0); }
    static Insn c(int bits) { return new Insn(2, bits & 0xffff, null, 0); }
    static Insn fix(int size, IntUnaryOperator fix, int baseAdj) { return new Insn(size, 0, fix, baseAdj); }
}
