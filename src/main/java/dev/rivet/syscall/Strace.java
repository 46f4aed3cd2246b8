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

    /** A syscall that does not return (exit, exit_group, a fatal signal inside it); status null: only this thread ended. */
    public void exit(Task task, Syscall s, Args a, ExitStatus status) {
        out.println(head(task, s, a, 0) + " = ?");
        if (status == null || status.bySignal()) return; // a death by signal is told by killed()
        out.println("+++ exited with " + status.code() + " +++");
    }

    /** A signal taken by {@code task}, as strace shows it: {@code --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_TKILL, …} ---}. */
    public void signal(Task task, dev.rivet.signal.SigInfo info) {
        StringBuilder b = new StringBuilder("--- ").append(Signal.name(info.signo())).append(" {si_signo=")
                .append(Signal.name(info.signo())).append(", si_code=").append(siCode(info));
        if (info.code() <= 0 || info.code() == dev.rivet.signal.SigInfo.SI_KERNEL) {
            b.append(", si_pid=").append(info.pid()).append(", si_uid=").append(info.uid());
        } else if (isFault(info.signo())) {
            b.append(", si_addr=0x").append(Long.toHexString(info.w16()));
        }
        out.println(b.append("} ---"));
    }

    /** How the process ended when a signal killed it (printed once, when the process is gone). */
    public void killed(ExitStatus status) {
        out.println("+++ killed by " + Signal.name(status.signal()) + (status.coreDumped() ? " (core dumped)" : "") + " +++");
    }

    private static boolean isFault(int sig) {
        return sig == Signal.SIGSEGV || sig == Signal.SIGBUS || sig == Signal.SIGILL || sig == Signal.SIGTRAP
                || sig == Signal.SIGFPE;
    }

    private static String siCode(dev.rivet.signal.SigInfo info) {
        int c = info.code();
        return switch (c) {
            case dev.rivet.signal.SigInfo.SI_USER -> "SI_USER";
            case dev.rivet.signal.SigInfo.SI_KERNEL -> "SI_KERNEL";
            case dev.rivet.signal.SigInfo.SI_QUEUE -> "SI_QUEUE";
            case dev.rivet.signal.SigInfo.SI_TIMER -> "SI_TIMER";
            case dev.rivet.signal.SigInfo.SI_TKILL -> "SI_TKILL";
            default -> switch (info.signo()) {
                case Signal.SIGSEGV -> c == 1 ? "SEGV_MAPERR" : c == 2 ? "SEGV_ACCERR" : String.valueOf(c);
                case Signal.SIGBUS -> c == 1 ? "BUS_ADRALN" : c == 2 ? "BUS_ADRERR" : String.valueOf(c);
                case Signal.SIGILL -> c == 1 ? "ILL_ILLOPC" : String.valueOf(c);
                case Signal.SIGTRAP -> c == 1 ? "TRAP_BRKPT" : String.valueOf(c);
                case Signal.SIGCHLD -> c >= 1 && c <= 6
                        ? new String[] {"CLD_EXITED", "CLD_KILLED", "CLD_DUMPED", "CLD_TRAPPED", "CLD_STOPPED", "CLD_CONTINUED"}[c - 1]
                        : String.valueOf(c);
                default -> String.valueOf(c);
            };
        };
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
