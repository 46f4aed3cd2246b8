package dev.rivet.elf;

import dev.rivet.abi.Errno;

/**
 * A program that cannot be loaded. The CLI prints it as the single line {@code rivet: <path>: <reason>}
 * and exits with {@link #status} (127 for a missing file, 126 otherwise, like a shell); an
 * execve from the guest returns {@link #errno} instead. User input, not a Rivet bug, so no stack
 * trace is ever captured.
 */
public final class LoadException extends RuntimeException {
    /** The shell's status for "command not found" and "found but cannot execute". */
    public static final int NOT_FOUND = 127, CANNOT_EXECUTE = 126;

    public final String path;
    public final String reason;
    public final int status;
    public final Errno errno;

    public LoadException(String path, String reason, int status, Errno errno) {
        super(path + ": " + reason, null, false, false);
        this.path = path;
        this.reason = reason;
        this.status = status;
        this.errno = errno;
    }

    public LoadException(String path, String reason, int status) {
        this(path, reason, status, status == NOT_FOUND ? Errno.ENOENT : Errno.ENOEXEC);
    }

    /** A malformed or unsupported file: 126 for the shell, ENOEXEC for execve. */
    static LoadException format(String path, String reason) {
        return new LoadException(path, reason, CANNOT_EXECUTE, Errno.ENOEXEC);
    }

    /** The line the CLI prints. */
    public String userMessage() { return "rivet: " + path + ": " + reason; }
}
