package dev.rivet.fuzz;

import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Mman;
import dev.rivet.cpu.Hart;
import dev.rivet.cpu.StopReason;
import dev.rivet.mm.AddressSpace;

/**
 * Runs a fuzz program on Rivet's CPU in-process: maps the two segments itself, starts a
 * {@link Hart} at the entry and plays the kernel for the only syscalls a fuzz program makes,
 * write (64), exit_group (94) / exit (93), and sigaltstack/rt_sigaction (ignored). An illegal
 * instruction is handled as the program's SIGILL handler does under qemu: the trap counter is
 * incremented and execution resumes after it. When a case goes wrong on Rivet otherwise (a
 * fault, an exception out of the CPU, a hang) it is recorded and the run resumes at the next
 * case's prologue, which reinstalls the whole state.
 */
final class RivetRun {
    private RivetRun() {}

    /** records[i] is case i's dump record, or null with why[i] saying what happened instead. */
    record Result(byte[][] records, String[] why) {}

    /** A case running longer than this is reported as a hang (bodies have no loops). */
    static final long HANG_NANOS = 5_000_000_000L;

    static Result run(Program p) {
        int n = p.cases.size();
        byte[][] rec = new byte[n][];
        String[] why = new String[n];
        Hart h;
        try {
            AddressSpace as = new AddressSpace();
            map(as, Layout.TEXT, p.text, Mman.PROT_READ | Mman.PROT_EXEC);
            map(as, Layout.DATA, p.data, Mman.PROT_READ | Mman.PROT_WRITE);
            map(as, Layout.ALTSTACK, new byte[Layout.ALTSTACK_LEN], Mman.PROT_READ | Mman.PROT_WRITE);
            h = new Hart(as);
        } catch (Throwable t) {
            for (int i = 0; i < n; i++) why[i] = "rivet: cannot set up the address space: " + describe(t);
            return new Result(rec, why);
        }
        h.pc = p.entry;
        Watchdog dog = new Watchdog(h);
        try {
            int cur = 0;
            while (cur < n) {
                String bad;
                try {
                    StopReason s = h.run();
                    bad = switch (s) {
                        case StopReason.Ecall e -> {
                            long nr = h.x[17];
                            if (nr == 64) {
                                int len = (int) Math.min(h.x[12], Layout.REC_LEN);
                                rec[cur] = h.memory.read(h.x[11], len);
                                h.x[10] = len;
                                h.pc += 4;
                                cur++;
                                dog.progress();
                                yield null;
                            }
                            if (nr == 132 || nr == 134) { // sigaltstack, rt_sigaction: the SIGILL set-up
                                h.x[10] = 0;
                                h.pc += 4;
                                yield null;
                            }
                            if (nr == 93 || nr == 94) yield "rivet: exit before the case ended";
                            yield "rivet: unexpected ecall a7=" + nr + " at pc 0x" + Long.toHexString(h.pc);
                        }
                        case StopReason.Fault f -> "rivet: fault " + f.access() + " at 0x" + Long.toHexString(f.address())
                                + (f.mapped() ? " (ACCERR)" : " (MAPERR)") + ", pc 0x" + Long.toHexString(h.pc);
                        case StopReason.Illegal il -> {
                            // what the program's SIGILL handler does under qemu: count, skip
                            h.memory.write64(Layout.TRAPS, h.memory.read64(Layout.TRAPS) + 1);
                            h.pc += (il.bits() & 3) == 3 ? 4 : 2;
                            yield null;
                        }
                        case StopReason.Breakpoint b -> "rivet: breakpoint at pc 0x" + Long.toHexString(h.pc);
                        case StopReason.Interrupted i -> "rivet: hang (no progress in " + HANG_NANOS / 1_000_000_000L
                                + " s), pc 0x" + Long.toHexString(h.pc);
                        // stop reasons added later (e.g. misaligned atomics) still count as a failed case
                        default -> "rivet: stopped with " + s + " at pc 0x" + Long.toHexString(h.pc);
                    };
                } catch (ErrnoException e) {
                    bad = "rivet: dump record unreadable: " + e;
                } catch (Throwable t) {
                    bad = "rivet: exception " + describe(t) + ", pc 0x" + Long.toHexString(h.pc);
                }
                if (bad != null) {
                    why[cur] = bad;
                    cur++;
                    if (cur < n) h.pc = p.caseStart[cur];
                    h.clearStop();
                    dog.progress();
                }
            }
        } finally {
            dog.stop();
        }
        return new Result(rec, why);
    }

    private static void map(AddressSpace as, long addr, byte[] bytes, int prot) throws ErrnoException {
        long len = ElfWriter.align(bytes.length);
        as.mmap(addr, len, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_FIXED | Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS);
        as.write(addr, bytes);
        as.mprotect(addr, len, prot);
    }

    static String describe(Throwable t) {
        StackTraceElement[] st = t.getStackTrace();
        String where = st.length > 0 ? " at " + st[0] : "";
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()) + where;
    }

    /** Asks the hart to stop when a case makes no progress for {@link #HANG_NANOS}. */
    private static final class Watchdog {
        private volatile long last = System.nanoTime();
        private final Thread thread;

        Watchdog(Hart h) {
            thread = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.sleep(200);
                        if (System.nanoTime() - last > HANG_NANOS) {
                            h.requestStop();
                            last = System.nanoTime();
                        }
                    }
                } catch (InterruptedException ignored) {
                    // stopped
                }
            });
        }

        void progress() { last = System.nanoTime(); }

        void stop() { thread.interrupt(); }
    }
}
