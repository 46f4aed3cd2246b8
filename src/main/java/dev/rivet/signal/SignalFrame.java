package dev.rivet.signal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Linux riscv64's {@code struct rt_sigframe} (arch/riscv/kernel/signal.c): a siginfo, then a
 * {@code struct ucontext} whose {@code uc_mcontext} holds the registers as {@code
 * user_regs_struct} (pc, then x1..x31) and the FP state as {@code union __riscv_fp_state}
 * (the D layout: f0..f31 and fcsr; the union is sized for Q). A handler sees exactly what it
 * would on Linux (without the V extension, so no extension records follow), and
 * {@code rt_sigreturn} restores whatever the handler changed in it.
 */
public final class SignalFrame {
    private SignalFrame() {}

    public static final int UC = SigInfo.SIZE;          // struct ucontext
    public static final int UC_FLAGS = 0, UC_LINK = 8, UC_STACK = 16, UC_SIGMASK = 40;
    /** uc_mcontext: after 128 bytes of sigset space, aligned to 16 for the Q state. */
    public static final int UC_MCONTEXT = 176;
    public static final int SC_REGS = 0, SC_FPREGS = 256;
    /** sizeof(union __riscv_fp_state): the Q layout, f[64] + fcsr + reserved[3]. */
    public static final int FP_STATE_SIZE = 528;
    public static final int FP_FCSR = 256;
    /** q.reserved[0..2] (newer kernels: sc_extdesc.reserved, then the END header): must be zero at sigreturn. */
    public static final int FP_RESERVED = 516;
    public static final int UCONTEXT_SIZE = UC_MCONTEXT + 256 + FP_STATE_SIZE;
    /** sizeof(struct rt_sigframe), a multiple of 16. */
    public static final int SIZE = UC + UCONTEXT_SIZE;

    /** Where the frame goes below {@code sp} (get_sigframe's alignment). */
    public static long place(long sp) {
        return (sp - SIZE) & ~0xfL;
    }

    /**
     * The frame's bytes: {@code info}, the registers ({@code pc} already adjusted for a syscall
     * restart; {@code x[1..31]}, {@code f[0..31]}, fcsr), the mask to restore, and the
     * alternate-stack state to save.
     */
    public static byte[] build(SigInfo info, long pc, long[] x, long[] f, int fcsr, long oldMask, long ssSp,
            int ssFlags, long ssSize) {
        byte[] b = new byte[SIZE];
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        bb.putInt(0, info.signo()).putInt(4, info.errno()).putInt(8, info.code());
        bb.putLong(16, info.w16()).putLong(24, info.w24()).putLong(32, info.w32()).putLong(40, info.w40());
        bb.putLong(UC + UC_STACK, ssSp).putInt(UC + UC_STACK + 8, ssFlags).putLong(UC + UC_STACK + 16, ssSize);
        bb.putLong(UC + UC_SIGMASK, oldMask);
        int regs = UC + UC_MCONTEXT + SC_REGS;
        bb.putLong(regs, pc);
        for (int i = 1; i < 32; i++) bb.putLong(regs + 8 * i, x[i]);
        int fp = UC + UC_MCONTEXT + SC_FPREGS;
        for (int i = 0; i < 32; i++) bb.putLong(fp + 8 * i, f[i]);
        bb.putInt(fp + FP_FCSR, fcsr);
        return b;
    }

    /** What rt_sigreturn takes back from a frame besides the registers. */
    public record Saved(long pc, int fcsr, long mask, long ssSp, int ssFlags, long ssSize) {}

    /**
     * Restores {@code x[1..31]} and {@code f} from frame bytes {@code b} (as {@link #build} laid
     * out) and returns the rest; null, leaving the registers untouched, when the frame is bad
     * (non-zero reserved FP words), which Linux answers with SIGSEGV.
     */
    public static Saved restore(byte[] b, long[] x, long[] f) {
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int fp = UC + UC_MCONTEXT + SC_FPREGS;
        for (int i = 0; i < 3; i++) if (bb.getInt(fp + FP_RESERVED + 4 * i) != 0) return null;
        int regs = UC + UC_MCONTEXT + SC_REGS;
        for (int i = 1; i < 32; i++) x[i] = bb.getLong(regs + 8 * i);
        for (int i = 0; i < 32; i++) f[i] = bb.getLong(fp + 8 * i);
        return new Saved(bb.getLong(regs), bb.getInt(fp + FP_FCSR), bb.getLong(UC + UC_SIGMASK), bb.getLong(UC + UC_STACK), bb.getInt(UC + UC_STACK + 8),
                bb.getLong(UC + UC_STACK + 16));
    }
}
