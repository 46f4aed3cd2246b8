package dev.rivet.cpu;

/**
 * The Zicsr instructions on the CSRs a Linux user process can reach: the FP status (fflags,
 * frm, fcsr) and the read-only counters (cycle, time, instret). Anything else, or a write to a
 * read-only CSR, is an illegal instruction, as under Linux.
 */
final class Csr {
    private Csr() {}

    static final int FFLAGS = 0x001, FRM = 0x002, FCSR = 0x003;
    static final int CYCLE = 0xC00, TIME = 0xC01, INSTRET = 0xC02;

    /** Nanoseconds per tick of the time CSR: 10 MHz, Linux's riscv timebase on qemu virt. */
    private static final long NANOS_PER_TICK = 100;

    static StopReason exec(Hart h, Insn in, int i) {
        int csr = in.rm;
        boolean imm = in.op >= Op.CSRRWI;
        long src = imm ? in.imm : h.x[in.rs1];
        int kind = imm ? in.op - Op.CSRRWI : in.op - Op.CSRRW; // 0 write, 1 set, 2 clear
        // csrrs/csrrc with rs1 = x0 (or a zero immediate) only read.
        boolean writes = kind == 0 || in.rs1 != 0;
        long old;
        switch (csr) {
            case FFLAGS -> old = h.fflags;
            case FRM -> old = h.frm;
            case FCSR -> old = h.fcsr();
            case CYCLE, INSTRET -> {
                if (writes) return new StopReason.Illegal(in.bits);
                // No cycle model: one instruction per cycle, which keeps cycle exact and monotonic.
                old = h.instret + i;
            }
            case TIME -> {
                if (writes) return new StopReason.Illegal(in.bits);
                old = System.nanoTime() / NANOS_PER_TICK;
            }
            default -> {
                return new StopReason.Illegal(in.bits);
            }
        }
        if (writes) {
            long v = switch (kind) {
                case 0 -> src;
                case 1 -> old | src;
                default -> old & ~src;
            };
            switch (csr) {
                case FFLAGS -> h.fflags = (int) v & 0x1f;
                case FRM -> h.frm = (int) v & 7;
                default -> h.setFcsr((int) v & 0xff);
            }
        }
        h.x[in.rd] = old;
        return null;
    }
}
