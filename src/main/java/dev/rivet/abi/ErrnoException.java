package dev.rivet.abi;

/**
 * A syscall's error. Pre-allocated per {@link Errno} and without a stack trace, so throwing it
 * costs no more than a return; only the syscall dispatch turns it into {@code -errno}.
 */
public final class ErrnoException extends Exception {
    public final Errno errno;

    ErrnoException(Errno errno) {
        super(errno.name(), null, false, false);
        this.errno = errno;
    }
}
