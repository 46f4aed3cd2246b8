package dev.rivet.syscall;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Signal;
import dev.rivet.kernel.ExitStatus;
import dev.rivet.kernel.Task;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * --strace: one line per syscall on stderr, in strace's style, e.g.
 * {@code openat(AT_FDCWD, "/nope", O_RDONLY) = -1 ENOENT (No such file or directory)}.
 * Names and argument kinds come from the syscall table.
 */
public final class Strace {
    private static final int MAX_STRING = 32;
    private static final int O_CREAT = 0100, O_TMPFILE = 020000000;
    private static final Set<String> HEX_RESULT = Set.of("mmap", "brk", "mremap");

    private final PrintStream out;

    public Strace(PrintStream out) {
        this.out = out;
    }

    public void call(Task task, Syscall s, Args a, long result) {
        StringBuilder b = head(task, s, a, result);
        b.append(" = ");
        if (result < 0 && result >= -4095) {
            Errno e = Errno.of((int) -result);
            b.append("-1 ").append(e != null ? e.name() : String.valueOf(-result));
            if (e != null) b.append(" (").append(e.message).append(')');
        } else if (HEX_RESULT.contains(s.name())) {
            b.append("0x").append(Long.toHexString(result));
        } else {
            b.append(result);
        }
        out.println(b);
    }

    /** A syscall that does not return (exit, exit_group, a fatal signal inside it). */
    public void exit(Task task, Syscall s, Args a, ExitStatus status) {
        out.println(head(task, s, a, 0) + " = ?");
        out.println(status.bySignal() ? "+++ killed by " + Signal.name(status.signal()) + " +++"
                : "+++ exited with " + status.code() + " +++");
    }

    public void signal(Task task, int sig) {
        out.println("--- " + Signal.name(sig) + " ---");
        out.println("+++ killed by " + Signal.name(sig) + " +++");
    }

    private StringBuilder head(Task task, Syscall s, Args a, long result) {
        StringBuilder b = new StringBuilder(80);
        b.append(s.name()).append('(');
        List<ArgKind> kinds = s.args();
        for (int i = 0; i < kinds.size(); i++) {
            ArgKind k = kinds.get(i);
            // strace shows open's mode only when the flags make it matter.
            if (k == ArgKind.MODE && i > 0 && kinds.get(i - 1) == ArgKind.OPEN_FLAGS
                    && (a.i(i - 1) & (O_CREAT | O_TMPFILE)) == 0) break;
            if (i > 0) b.append(", ");
            long v = a.l(i);
            long next = i + 1 < 6 ? a.l(i + 1) : 0;
            format(b, task, k, v, next, result);
        }
        return b.append(')');
    }

    private void format(StringBuilder b, Task task, ArgKind k, long v, long next, long result) {
        switch (k) {
            case INT, FD -> b.append((int) v);
            case LONG -> b.append(v);
            case SIZE -> b.append(Long.toUnsignedString(v));
            case HEX -> b.append(v == 0 ? "0" : "0x" + Long.toHexString(v)); // C's %#lx, as strace
            case PTR, STRUCT -> pointer(b, v);
            case DIRFD -> b.append((int) v == -100 ? "AT_FDCWD" : String.valueOf((int) v));
            case PATH -> string(b, task, v, 4096, true);
            case BUF_IN -> buffer(b, task, v, next);
            case BUF_OUT -> {
                if (result >= 0) buffer(b, task, v, result);
                else pointer(b, v);
            }
            case OPEN_FLAGS -> b.append(StraceFlags.open((int) v));
            case MODE -> b.append("0").append(Integer.toOctalString((int) v & 07777));
            case PROT -> b.append(StraceFlags.prot((int) v));
            case MAP_FLAGS -> b.append(StraceFlags.map((int) v));
            case SIGNAL -> b.append(Signal.valid((int) v) ? Signal.name((int) v) : String.valueOf((int) v));
        }
    }

    private static void pointer(StringBuilder b, long v) {
        if (v == 0) b.append("NULL");
        else b.append("0x").append(Long.toHexString(v));
    }

    private void string(StringBuilder b, Task task, long addr, int max, boolean wholeForPaths) {
        if (addr == 0) { b.append("NULL"); return; }
        try {
            byte[] s = task.memory().readCBytes(addr, max);
            quote(b, s, s.length, wholeForPaths ? s.length : MAX_STRING);
        } catch (ErrnoException e) {
            pointer(b, addr);
        }
    }

    private void buffer(StringBuilder b, Task task, long addr, long len) {
        if (addr == 0) { b.append("NULL"); return; }
        int n = (int) Math.min(Math.max(len, 0), MAX_STRING);
        try {
            byte[] s = task.memory().read(addr, n);
            quote(b, s, len, MAX_STRING);
        } catch (ErrnoException e) {
            pointer(b, addr);
        }
    }

    private static void quote(StringBuilder b, byte[] s, long total, int shown) {
        b.append('"');
        int n = (int) Math.min(s.length, shown);
        for (int i = 0; i < n; i++) {
            int c = s[i] & 0xff;
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c >= 0x20 && c < 0x7f) b.append((char) c);
                    else b.append('\\').append(Integer.toOctalString(c));
                }
            }
        }
        b.append('"');
        if (total > n) b.append("...");
    }
}
