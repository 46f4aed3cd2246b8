package dev.rivet.fs;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Recognises the guest paths that name the process's own fds or cwd through /proc (or the
 * /dev links into it): /proc/self/fd/N, /proc/thread-self/fd/N, /dev/fd/N, /dev/stdin|stdout|
 * stderr and /proc/self/cwd, each optionally followed by "/more". A stopgap until Rivet has its
 * own /proc: everything else under /proc is still the host's (the JVM's).
 */
final class ProcSelf {
    private ProcSelf() {}

    /** {@link Link#fd} of /proc/self/cwd. */
    static final int CWD = -1;

    /**
     * @param fd   the guest fd named, or {@link #CWD}
     * @param rest where the remainder of the path ("" or "/…") starts
     */
    record Link(int fd, int rest) {}

    private static final byte[][] FD_DIRS = {
            ascii("/proc/self/fd/"), ascii("/proc/thread-self/fd/"), ascii("/dev/fd/")};
    private static final byte[][] STDIO = {ascii("/dev/stdin"), ascii("/dev/stdout"), ascii("/dev/stderr")};
    private static final byte[] CWD_LINK = ascii("/proc/self/cwd");

    private static byte[] ascii(String s) { return s.getBytes(StandardCharsets.US_ASCII); }

    /** The link {@code path} names, or null. ENOENT for an fd number no int can hold. */
    static Link find(byte[] path) throws ErrnoException {
        for (int i = 0; i < STDIO.length; i++) {
            if (Arrays.equals(path, STDIO[i])) return new Link(i, path.length);
        }
        if (component(path, CWD_LINK)) return new Link(CWD, CWD_LINK.length);
        for (byte[] dir : FD_DIRS) {
            if (!startsWith(path, dir)) continue;
            int end = dir.length;
            long n = 0;
            while (end < path.length && path[end] >= '0' && path[end] <= '9' && n <= Integer.MAX_VALUE) {
                n = n * 10 + (path[end++] - '0');
            }
            if (end == dir.length || (end < path.length && path[end] != '/')) return null;
            if (n > Integer.MAX_VALUE) throw Errno.ENOENT.ex();
            return new Link((int) n, end);
        }
        return null;
    }

    /** {@code path} is {@code prefix} or continues it with "/". */
    private static boolean component(byte[] path, byte[] prefix) {
        return startsWith(path, prefix) && (path.length == prefix.length || path[prefix.length] == '/');
    }

    private static boolean startsWith(byte[] s, byte[] prefix) {
        return s.length >= prefix.length && Arrays.equals(s, 0, prefix.length, prefix, 0, prefix.length);
    }
}
