package dev.rivet.syscall;

import dev.rivet.abi.SyscallNames;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Syscall number → {@link Syscall}. The only list of syscalls in Rivet: dispatch, --strace and
 * the coverage docs read it. Each family file ({@code Sys*}) adds its rows in a static
 * {@code register(SyscallTable)}; numbers nobody registers answer -ENOSYS.
 */
public final class SyscallTable {
    public static final int SIZE = 512;
    private final Syscall[] rows = new Syscall[SIZE];

    /** Adds a fully implemented syscall; the name and number come from Linux's table. */
    public void add(String name, SyscallHandler handler, ArgKind... args) {
        put(name, handler, Support.FULL, "", args);
    }

    /** Adds a syscall that covers the common cases; {@code note} says what is missing. */
    public void partial(String name, String note, SyscallHandler handler, ArgKind... args) {
        put(name, handler, Support.PARTIAL, note, args);
    }

    private void put(String name, SyscallHandler handler, Support support, String note, ArgKind[] args) {
        int nr = SyscallNames.number(name);
        if (nr < 0) throw new IllegalArgumentException("no Linux riscv64 syscall named " + name);
        if (rows[nr] != null) throw new IllegalStateException("syscall registered twice: " + name);
        rows[nr] = new Syscall(nr, name, handler, support, note, Arrays.asList(args));
    }

    /** The row for {@code number}: a registered one, or an ENOSYS row carrying Linux's name. */
    public Syscall get(long number) {
        if (number >= 0 && number < SIZE && rows[(int) number] != null) return rows[(int) number];
        return unimplemented(number);
    }

    private final Syscall[] unimplemented = new Syscall[SIZE];

    private Syscall unimplemented(long number) {
        String name = SyscallNames.of(number);
        if (number < 0 || number >= SIZE) return new Syscall((int) number, "syscall_0x" + Long.toHexString(number), null, Support.NONE, "", List.of());
        Syscall s = unimplemented[(int) number];
        if (s == null) {
            s = new Syscall((int) number, name != null ? name : "syscall_" + number, null, Support.NONE, "",
                    List.of(ArgKind.HEX, ArgKind.HEX, ArgKind.HEX, ArgKind.HEX, ArgKind.HEX, ArgKind.HEX));
            unimplemented[(int) number] = s;
        }
        return s;
    }

    /** Every registered row, by number. */
    public List<Syscall> registered() {
        List<Syscall> out = new ArrayList<>();
        for (Syscall s : rows) if (s != null) out.add(s);
        return Collections.unmodifiableList(out);
    }
}
