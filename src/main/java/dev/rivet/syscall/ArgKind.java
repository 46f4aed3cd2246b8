package dev.rivet.syscall;

/** How --strace prints an argument. */
public enum ArgKind {
    /** Signed decimal C int. */
    INT,
    /** Signed decimal 64-bit value. */
    LONG,
    /** Unsigned decimal size_t. */
    SIZE,
    /** Hexadecimal value. */
    HEX,
    /** A pointer: 0x... or NULL. */
    PTR,
    /** A file descriptor. */
    FD,
    /** A directory fd where AT_FDCWD (-100) is printed by name. */
    DIRFD,
    /** A NUL-terminated path or string, read from guest memory. */
    PATH,
    /** A buffer the guest passes in; its length is the next argument. */
    BUF_IN,
    /** A buffer the kernel fills; its length is the syscall's result. */
    BUF_OUT,
    /** open(2) flags, printed symbolically (O_RDONLY|O_CLOEXEC). */
    OPEN_FLAGS,
    /** A mode, printed in octal. */
    MODE,
    /** mmap/mprotect protection bits, printed symbolically. */
    PROT,
    /** mmap flags, printed symbolically. */
    MAP_FLAGS,
    /** A signal number, printed by name. */
    SIGNAL,
    /** A pointer to a struct, printed as a pointer. */
    STRUCT
}
