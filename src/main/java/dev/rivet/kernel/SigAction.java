package dev.rivet.kernel;

/**
 * One signal's disposition, as the kernel's {@code struct sigaction} for riscv64 holds it
 * (riscv64 has no SA_RESTORER: handler, flags, mask).
 */
public record SigAction(long handler, long flags, long mask) {
    public static final long SIG_DFL = 0, SIG_IGN = 1;
    public static final SigAction DEFAULT = new SigAction(SIG_DFL, 0, 0);

    /** sa_flags bits (asm-generic/signal-defs.h). */
    public static final long SA_NOCLDSTOP = 1, SA_NOCLDWAIT = 2, SA_SIGINFO = 4, SA_UNSUPPORTED = 0x400,
            SA_EXPOSE_TAGBITS = 0x800, SA_ONSTACK = 0x08000000, SA_RESTART = 0x10000000, SA_NODEFER = 0x40000000,
            SA_RESETHAND = 0x80000000L;

    public boolean has(long flag) { return (flags & flag) != 0; }

    /** Whether a guest function handles the signal (neither SIG_DFL nor SIG_IGN). */
    public boolean handled() { return handler != SIG_DFL && handler != SIG_IGN; }

    /** Size of the guest struct: handler(8) flags(8) mask(8). */
    public static final int SIZE = 24;
}
