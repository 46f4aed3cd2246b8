/**
 * The RISC-V hart: RV64IMAFDC, Zicsr, Zifencei, Zba, Zbb, Zbc, Zbs, in user mode.
 *
 * <p>How it fits together:
 * <ul>
 *   <li>{@link dev.rivet.cpu.Hart} holds the architectural state; {@code run()} interprets until
 *       the kernel is needed and returns a {@link dev.rivet.cpu.StopReason}.</li>
 *   <li>{@code Decoder}, {@code Rvc} (compressed), {@code FpDecoder} and {@code Amo.decode} turn
 *       encodings into {@link dev.rivet.cpu.Insn}s once; {@code CodeCache} groups them into
 *       {@link dev.rivet.cpu.Block}s (extended basic blocks) per code page, shared by the harts
 *       of an address space and dropped through the address space's code watcher when the page
 *       changes.</li>
 *   <li>{@code Interpreter} runs blocks from their packed form with a per-hart block cache;
 *       {@code RareOps}, {@code Csr}, {@code Amo} and {@code FpOps} handle the less common
 *       operations so the hot method stays small for HotSpot.</li>
 *   <li>{@link dev.rivet.cpu.Mmu} is the hart's software TLBs and its loads/stores;
 *       {@code GuestAtomics} does the word-sized atomics on page arrays.</li>
 *   <li>Semantics shared with the JIT: {@link dev.rivet.cpu.Alu} (integer and bit
 *       manipulation), {@link dev.rivet.cpu.Fpu} (floating point), {@code Mmu}'s
 *       {@code lb..sd}.</li>
 * </ul>
 */
package dev.rivet.cpu;
