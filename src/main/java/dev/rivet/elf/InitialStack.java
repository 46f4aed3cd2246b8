package dev.rivet.elf;

import dev.rivet.abi.Auxv;
import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.mm.AddressSpace;
import dev.rivet.mm.GuestMemory;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a new program's initial stack the way Linux does (do_execveat_common, copy_strings and
 * create_elf_tables in fs/exec.c and fs/binfmt_elf.c), from the top down:
 * <pre>
 *   stackTop   8 zero bytes (Linux reserves a NULL pointer at the very top)
 *              the execfn string (AT_EXECFN)
 *              envp strings, envp[0] lowest
 *              argv strings, argv[0] lowest          ← arg_start
 *              (rounded down to 16)
 *              16 AT_RANDOM bytes
 *              (gap from the final rounding, at most 15 bytes)
 *              auxv pairs ending with AT_NULL
 *              NULL, envp pointers
 *              NULL, argv pointers
 *   sp →       argc                                   (sp is 16-byte aligned: RISC-V psABI)
 * </pre>
 * riscv has no AT_PLATFORM string, so nothing sits between the strings and AT_RANDOM. Linux
 * also moves the whole block down by a random amount (ASLR); Rivet does not, for reproducibility.
 */
final class InitialStack {
    /** Linux's MAX_ARG_STRLEN: one string, NUL included, may not exceed 32 pages. */
    static final int MAX_ARG_STRLEN = 32 * 4096;
    /** Linux's ARG_MAX: the strings always get at least this much room, whatever RLIMIT_STACK says. */
    static final long ARG_MAX = 32 * 4096;
    /** Three quarters of Linux's _STK_LIM: the most room the strings ever get. */
    static final long MAX_ARG_ROOM = (8L << 20) / 4 * 3;

    private final GuestMemory mem;
    private final String path;
    private final long stackLimit;
    private final long top;

    InitialStack(AddressSpace mem, String path, long stackLimit) {
        this(mem, mem.stackTop(), path, stackLimit);
    }

    InitialStack(GuestMemory mem, long top, String path, long stackLimit) {
        this.mem = mem;
        this.top = top;
        this.path = path;
        this.stackLimit = stackLimit;
    }

    /** Where things ended up. */
    record Layout(long sp, long argStart, long argEnd, long envStart, long envEnd,
                  long execfn, long random, List<AuxvEntry> auxv) {}

    /**
     * @param auxvHead the vector up to AT_SECURE; AT_RANDOM, AT_EXECFN and AT_NULL are appended
     * @param random   the 16 AT_RANDOM bytes, or null for fresh ones
     */
    Layout build(List<String> argv, List<String> envp, String execfn, byte[] random, List<AuxvEntry> auxvHead) {
        // Since Linux 5.18 an empty argv is given one empty string, so argv[0] is never NULL.
        if (argv.isEmpty()) argv = List.of("");
        byte[][] args = encode(argv), envs = encode(envp);
        byte[] fn = (execfn + "\0").getBytes(StandardCharsets.UTF_8);
        checkSizes(args, envs, fn);

        long p = top - 8;
        long execfnAddr = p -= fn.length;
        long envEnd = p;
        long envStart = p -= totalLength(envs);
        long argEnd = p;
        long argStart = p -= totalLength(args);
        p &= -16;
        long randomAddr = p -= 16;

        List<AuxvEntry> auxv = new ArrayList<>(auxvHead);
        auxv.add(new AuxvEntry(Auxv.AT_RANDOM, randomAddr));
        auxv.add(new AuxvEntry(Auxv.AT_EXECFN, execfnAddr));
        auxv.add(new AuxvEntry(Auxv.AT_NULL, 0));
        long items = (args.length + 1) + (envs.length + 1) + 1; // argv, NULL, envp, NULL, argc
        long sp = (p - auxv.size() * 16L - items * 8) & -16;
        if (top - sp > stackLimit) throw tooBig();

        // Compose everything from sp to top in one buffer and write it with a single copy.
        ByteBuffer buf = ByteBuffer.allocate((int) (top - sp)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(args.length);
        long s = argStart;
        for (byte[] a : args) { buf.putLong(s); s += a.length; }
        buf.putLong(0);
        s = envStart;
        for (byte[] e : envs) { buf.putLong(s); s += e.length; }
        buf.putLong(0);
        for (AuxvEntry e : auxv) buf.putLong(e.type()).putLong(e.value());
        buf.position((int) (randomAddr - sp)).put(random != null ? random : freshRandom());
        buf.position((int) (argStart - sp));
        for (byte[] a : args) buf.put(a);
        for (byte[] e : envs) buf.put(e);
        buf.put(fn);
        try {
            mem.write(sp, buf.array());
        } catch (ErrnoException e) {
            throw new LoadException(path, "cannot set up the stack: " + e.errno.message, LoadException.CANNOT_EXECUTE, e.errno);
        }
        return new Layout(sp, argStart, argEnd, envStart, envEnd, execfnAddr, randomAddr, List.copyOf(auxv));
    }

    /** Linux's limits on the argument strings (bprm_stack_limits, valid_arg_len): E2BIG beyond them. */
    private void checkSizes(byte[][] args, byte[][] envs, byte[] fn) {
        long room = Math.max(Math.min(MAX_ARG_ROOM, stackLimit / 4), ARG_MAX);
        long pointers = (long) (args.length + envs.length) * 8;
        long strings = fn.length + totalLength(args) + totalLength(envs);
        if (pointers >= room || strings > room - pointers) throw tooBig();
        for (byte[] a : args) if (a.length > MAX_ARG_STRLEN) throw tooBig();
        for (byte[] e : envs) if (e.length > MAX_ARG_STRLEN) throw tooBig();
        if (fn.length > MAX_ARG_STRLEN) throw tooBig();
    }

    private LoadException tooBig() {
        return new LoadException(path, Errno.E2BIG.message, LoadException.CANNOT_EXECUTE, Errno.E2BIG);
    }

    private static byte[][] encode(List<String> strings) {
        byte[][] out = new byte[strings.size()][];
        for (int i = 0; i < out.length; i++) out[i] = (strings.get(i) + "\0").getBytes(StandardCharsets.UTF_8);
        return out;
    }

    private static long totalLength(byte[][] strings) {
        long n = 0;
        for (byte[] s : strings) n += s.length;
        return n;
    }

    /**
     * 16 bytes for AT_RANDOM (libc's stack-protector canary and pointer guard). Read straight
     * from the host kernel's urandom: cheaper at startup than initialising SecureRandom.
     */
    static byte[] freshRandom() {
        byte[] bytes = new byte[16];
        try (InputStream in = new FileInputStream("/dev/urandom")) {
            if (in.readNBytes(bytes, 0, 16) == 16) return bytes;
        } catch (IOException | RuntimeException e) {
            // no /dev/urandom on this host: use the JDK's generator
        }
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
