package dev.rivet.kernel;

/**
 * How a process ended: a normal exit with {@code code}, or death by {@code signal}.
 * {@link #shellStatus()} is what a shell's {@code $?} shows, and what {@code rivet run} exits with.
 */
public record ExitStatus(int code, int signal, boolean coreDumped) {
    public static ExitStatus exited(int code) { return new ExitStatus(code & 0xff, 0, false); }

    public static ExitStatus killed(int signal, boolean core) { return new ExitStatus(0, signal, core); }

    public boolean bySignal() { return signal != 0; }

    public int shellStatus() { return bySignal() ? 128 + signal : code; }

    /** wait(2)'s status word for a child stopped by {@code sig} (WIFSTOPPED, WSTOPSIG). */
    public static int stoppedStatus(int sig) { return 0x7f | (sig & 0xff) << 8; }

    /** wait(2)'s status word for a continued child (WIFCONTINUED). */
    public static final int CONTINUED_STATUS = 0xffff;

    /** The wait(2) status word. */
    public int waitStatus() { return bySignal() ? (signal & 0x7f) | (coreDumped ? 0x80 : 0) : (code & 0xff) << 8; }
}
