package dev.rivet.kernel;

/**
 * One signal's disposition, as the kernel's {@code struct sigaction} for riscv64 holds it
 * (riscv64 has no SA_RESTORER: handler, flags, mask).
 */
public record SigAction(long handler, long flags, long mask) {
    public static final long SIG_DFL = 0, SIG_IGN = 1;
    public static final SigAction DEFAULT = new SigAction(SIG_DFL, 0, 0);

    /** Size of the guest struct: handler(8) flags(8) mask(8). */
    public static final int SIZE = 24;
}
