package dev.rivet.fuzz;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Drives the differential runs: batches of generated cases, each batch one ELF run once under
 * qemu-riscv64 and once on Rivet in-process, compared case by case; then the differing cases
 * minimised and reported with their disassembly.
 */
final class Fuzzer {
    /** Cases per program: one qemu process each. */
    static final int BATCH = 150;

    /** The outcome of one case: empty diffs when qemu and Rivet agree. */
    record CaseResult(Case c, List<String> diffs, String qemuProblem) {
        boolean differs() { return qemuProblem == null && !diffs.isEmpty(); }
    }

    record Report(long cases, List<CaseResult> differences, List<CaseResult> qemuProblems) {}

    private final PrintStream out;
    private final int threads;
    private final boolean fpArith;

    Fuzzer(PrintStream out, int threads) { this(out, threads, true); }

    Fuzzer(PrintStream out, int threads, boolean fpArith) {
        this.out = out;
        this.threads = threads;
        this.fpArith = fpArith;
    }

    /** Runs cases [first, first+n) of {@code seed}. */
    Report run(long seed, long first, long n, boolean progress) throws Exception {
        List<CaseResult> diffs = new ArrayList<>(), bad = new ArrayList<>();
        long batches = (n + BATCH - 1) / BATCH;
        long done = 0, lastPrint = System.nanoTime();
        try (ExecutorService ex = Executors.newFixedThreadPool(threads)) {
            // keep only a few batches in flight so memory stays small for large N
            List<Future<List<CaseResult>>> inFlight = new ArrayList<>();
            long next = 0;
            while (next < batches || !inFlight.isEmpty()) {
                while (next < batches && inFlight.size() < threads * 2) {
                    long lo = first + next * BATCH, hi = Math.min(first + n, lo + BATCH);
                    inFlight.add(ex.submit(() -> {
                        List<Case> cs = new ArrayList<>();
                        for (long i = lo; i < hi; i++) cs.add(Gen.generate(seed, i, fpArith));
                        return runBoth(cs);
                    }));
                    next++;
                }
                for (CaseResult r : inFlight.removeFirst().get()) {
                    done++;
                    if (r.qemuProblem() != null) bad.add(r);
                    else if (r.differs()) diffs.add(r);
                }
                if (progress && (System.nanoTime() - lastPrint > 2_000_000_000L || done == n)) {
                    out.printf("fuzz: %d/%d sequences, %d differences%s%n", done, n, diffs.size(),
                            bad.isEmpty() ? "" : ", " + bad.size() + " rejected by qemu");
                    out.flush();
                    lastPrint = System.nanoTime();
                }
            }
        }
        return new Report(done, diffs, bad);
    }

    /** Runs cases as one program under qemu and Rivet and compares them case by case. */
    static List<CaseResult> runBoth(List<Case> cases) throws Exception {
        List<CaseResult> res = new ArrayList<>();
        if (cases.isEmpty()) return res;
        Program p = new Program(cases);
        Qemu.Result q = Qemu.run(ElfWriter.write(p));
        int n = cases.size();
        int done = Math.min(n, q.out().length / Layout.REC_LEN);
        RivetRun.Result r = RivetRun.run(p);
        for (int i = 0; i < done; i++) {
            byte[] qr = java.util.Arrays.copyOfRange(q.out(), i * Layout.REC_LEN, (i + 1) * Layout.REC_LEN);
            List<String> d = r.records()[i] == null ? List.of(r.why()[i]) : Dump.compare(cases.get(i), qr, r.records()[i]);
            res.add(new CaseResult(cases.get(i), d, null));
        }
        if (done < n) {
            // qemu died in case `done`: the generator made something qemu rejects; report it and go on
            res.add(new CaseResult(cases.get(done), List.of(), "qemu exit " + q.exit() + " " + q.err()));
            res.addAll(runBoth(cases.subList(done + 1, n)));
        }
        return res;
    }

    /** Removes items one at a time while the case still differs; one qemu run per pass. */
    static CaseResult minimise(CaseResult r) throws Exception {
        CaseResult best = r;
        boolean progress = true;
        while (progress && best.c().body().size() > 1) {
            progress = false;
            List<Item> body = best.c().body();
            List<Case> cands = new ArrayList<>();
            for (int j = 0; j < body.size(); j++) {
                List<Item> b = new ArrayList<>(body);
                b.remove(j);
                cands.add(best.c().withBody(b));
            }
            for (CaseResult cr : runBoth(cands)) {
                if (cr.differs()) {
                    best = cr;
                    progress = true;
                    break;
                }
            }
        }
        return best;
    }

    /** Prints one difference: id, disassembly of the body, the initial state it uses, the differing state. */
    void print(CaseResult orig, CaseResult min) throws Exception {
        Case c = min.c();
        // rerun alone so the differences (and any pc in them) refer to this layout
        CaseResult alone = runBoth(List.of(c)).getFirst();
        CaseResult m = alone.differs() ? alone : min;
        out.println("DIFF " + c.id() + " (body minimised from " + orig.c().body().size() + " to "
                + c.body().size() + " items; rerun: scripts/fuzz.sh " + c.rerun() + ")");
        long addr = new Program(List.of(c)).bodyAddr[0];
        out.println("  body:");
        for (String l : Disasm.of(Program.body(c.body(), addr), addr)) out.println("    " + l);
        int xm = 0, fm = 0;
        for (Item it : c.body()) { xm |= it.xmask(); fm |= it.fmask(); }
        StringBuilder s = new StringBuilder("  initial: fcsr=0x" + Integer.toHexString(c.fcsr()));
        for (int i = 1; i <= 30; i++) if ((xm >> i & 1) != 0) s.append(' ').append(Dump.xname(i)).append('=').append(Dump.hex(c.x()[i]));
        for (int i = 0; i < 32; i++) if ((fm >> i & 1) != 0) s.append(" f").append(i).append('=').append(Dump.hex(c.f()[i]));
        out.println(s);
        out.println("  x31/t6 = 0x" + Long.toHexString(Layout.BASE) + " (fuzzer base), scratch at 0x"
                + Long.toHexString(Layout.SCRATCH) + "..+" + Layout.SCRATCH_LEN);
        out.println("  differs:");
        for (String l : m.diffs()) out.println("    " + l);
        out.flush();
    }
}
