package dev.rivet.fuzz;

import java.io.PrintStream;
import java.util.List;

/**
 * Command line of the differential CPU fuzzer (run by {@code scripts/fuzz.sh}):
 * <pre>
 *   FuzzMain N [SEED]          run N cases of SEED (random seed when omitted)
 *   FuzzMain --case SEED INDEX rerun one case and report it, minimised, if it differs
 * </pre>
 * Ends with {@code fuzz: N sequences, D differences}; exits 1 when D > 0 or when qemu rejected
 * a generated case (a generator bug), 2 on bad usage.
 */
public final class FuzzMain {
    private FuzzMain() {}

    /** How many differences are minimised and printed in full; the rest get one line each. */
    static final int FULL_REPORTS = 8;

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        try {
            if (args.length == 3 && args[0].equals("--case")) {
                System.exit(one(out, Long.parseLong(args[1]), Long.parseLong(args[2])));
            }
            if (args.length < 1 || args.length > 2) throw new NumberFormatException();
            long n = Long.parseLong(args[0]);
            long seed = args.length == 2 ? Long.parseLong(args[1]) : System.nanoTime() & 0xffffffffL;
            System.exit(many(out, n, seed));
        } catch (NumberFormatException e) {
            System.err.println("usage: FuzzMain N [SEED] | FuzzMain --case SEED INDEX");
            System.exit(2);
        }
    }

    static int many(PrintStream out, long n, long seed) throws Exception {
        out.println("fuzz: seed " + seed + ", " + n + " sequences, qemu-riscv64 vs Rivet (in-process)");
        long t0 = System.nanoTime();
        Fuzzer fz = new Fuzzer(out, Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
        Fuzzer.Report rep = fz.run(seed, 0, n, true);
        report(out, fz, rep);
        out.printf("fuzz: %d sequences, %d differences (%.1f s)%n", rep.cases(), rep.differences().size(),
                (System.nanoTime() - t0) / 1e9);
        return rep.differences().isEmpty() && rep.qemuProblems().isEmpty() ? 0 : 1;
    }

    static void report(PrintStream out, Fuzzer fz, Fuzzer.Report rep) throws Exception {
        for (Fuzzer.CaseResult b : rep.qemuProblems()) {
            out.println("QEMU REJECTED " + b.c().id() + ": " + b.qemuProblem() + " (a generator bug)");
        }
        List<Fuzzer.CaseResult> d = rep.differences();
        for (int i = 0; i < d.size(); i++) {
            if (i < FULL_REPORTS) fz.print(d.get(i), Fuzzer.minimise(d.get(i)));
            else out.println("DIFF " + d.get(i).c().id() + ": " + d.get(i).diffs().getFirst()
                    + (d.get(i).diffs().size() > 1 ? " (+" + (d.get(i).diffs().size() - 1) + " more)" : ""));
        }
    }

    static int one(PrintStream out, long seed, long index) throws Exception {
        Fuzzer fz = new Fuzzer(out, 1);
        Fuzzer.Report rep = fz.run(seed, index, 1, false);
        report(out, fz, rep);
        out.printf("fuzz: %d sequences, %d differences%n", rep.cases(), rep.differences().size());
        return rep.differences().isEmpty() && rep.qemuProblems().isEmpty() ? 0 : 1;
    }
}
