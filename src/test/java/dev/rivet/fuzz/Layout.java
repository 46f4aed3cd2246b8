package dev.rivet.fuzz;

/**
 * Where things live in a fuzz program. x31 is reserved: the prologue sets it to {@link #BASE}
 * and the body never writes it, so the epilogue can store every other register relative to it.
 * The scratch area straddles a page boundary so misaligned accesses also cross pages.
 *
 * <pre>
 *   TEXT            prologue/body/epilogue of every case, then exit_group
 *   DATA            page 0..1: dump record (DUMP .. SCRATCH) then scratch (SCRATCH .. +256)
 *   BASE = DATA+4K  the value of x31
 *   TABLES          one initial-state table per case
 * </pre>
 * A dump record (what each case writes to stdout) is x1..x30, the trap count, f0..f31, fcsr,
 * scratch.
 */
final class Layout {
    private Layout() {}

    static final long TEXT = 0x10000;
    static final long DATA = 0x400000;
    static final long BASE = DATA + 0x1000;
    static final int BASE_REG = 31;

    static final int SCRATCH_LEN = 256;
    static final long SCRATCH = BASE - 0x80;
    static final int SCRATCH_OFF = (int) (SCRATCH - BASE); // offset from x31

    static final int REC_X = 0;             // x1..x30, then the trap count: 31 slots
    static final int REC_F = 31 * 8;        // f0..f31
    static final int REC_FCSR = REC_F + 32 * 8;
    static final int REC_SCRATCH = 512;
    static final int REC_LEN = REC_SCRATCH + SCRATCH_LEN;
    static final long DUMP = SCRATCH - REC_SCRATCH;
    static final int DUMP_OFF = (int) (DUMP - BASE);

    /** sigaltstack's stack_t and rt_sigaction's struct sigaction for the SIGILL handler. */
    static final long SIGALTSTACK_T = DATA, SIGACTION = DATA + 0x40;
    /** Instructions that trapped (SIGILL) in the current case; the epilogue dumps it in x31's slot. */
    static final long TRAPS = DATA + 0x800;
    static final int TRAPS_OFF = (int) (TRAPS - BASE);
    /**
     * The alternate signal stack: sp is anything during a body, so SIGILL is taken on this one.
     * It is a segment of its own far from everything else: if a body's sp happened to point into
     * it, Linux and qemu would think the handler is already running there (and kill the process
     * when the frame does not fit).
     */
    static final long ALTSTACK = 0x3a5c7000L; // no round number: shifts of small values reach those
    static final int ALTSTACK_LEN = 0x8000;

    /** Initial-state table: x1..x30, f0..f31, fcsr, scratch. */
    static final long TABLES = DATA + 0x2000;
    static final int TAB_X = 0, TAB_F = 30 * 8, TAB_FCSR = TAB_F + 32 * 8, TAB_SCRATCH = TAB_FCSR + 8;
    static final int TAB_LEN = TAB_SCRATCH + SCRATCH_LEN;
}
