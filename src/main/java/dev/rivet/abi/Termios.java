package dev.rivet.abi;

/**
 * Terminal ioctls and structs (asm-generic/ioctls.h, termbits.h). x86_64 and aarch64 use the
 * same numbers and the same kernel {@code struct termios}, so these pass through to the host.
 */
public final class Termios {
    private Termios() {}

    public static final int TCGETS = 0x5401;
    public static final int TCSETS = 0x5402;
    public static final int TCSETSW = 0x5403;
    public static final int TCSETSF = 0x5404;
    public static final int TIOCGWINSZ = 0x5413;
    public static final int TIOCSWINSZ = 0x5414;
    /** Bytes ready to read (an int): terminals, pipes, sockets, and size minus offset for regular files. */
    public static final int FIONREAD = 0x541B;

    /** Kernel {@code struct termios}: four u32 flag words, c_line, c_cc[19]. */
    public static final int TERMIOS_SIZE = 36;
    /** {@code struct winsize}: four u16. */
    public static final int WINSIZE_SIZE = 8;
}
