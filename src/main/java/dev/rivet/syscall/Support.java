package dev.rivet.syscall;

/** How completely a syscall is implemented; the coverage docs are generated from it. */
public enum Support {
    /** Everything Linux does that a program can observe. */
    FULL,
    /** Works for the common cases; the entry's note says what is missing. */
    PARTIAL,
    /** Not implemented: returns -ENOSYS (listed so --strace can name it). */
    NONE
}
