package dev.rivet.fuzz;

import java.io.PrintStream;

/**
 * Command line of the differential CPU fuzzer (run by {@code scripts/fuzz.sh}):
 * <pre>
 *   FuzzMain N [SEED]          run N cases of SEED (random seed when omitted)
 *   FuzzMain --case SEED INDEX rerun one case and report it, minimised, if it differs
 * </pre>
 * A leading {@code --no-fp-arith} limits FP instructions to loads, stores and fmv (for testing
 * the integer side without an FPU).
 * Ends with {@code fuzz: N sequences, D differences}; exits 1 when D > 0 or when qemu rejected
 * a generated case (a generator bug), 2 on bad usage.
 */
public final class FuzzMain {
    private FuzzMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        boolean fpArith = true;
        if (args.length > 0 && args[0].equals("--no-fp-arith")) {
            fpArith = false;
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        try {
            if (args.length == 3 && args[0].equals("--case")) {
                System.exit(one(out, Long.parseLong(args[1]), Long.parseLong(args[2]), fpArith));
            }
            if (args.length < 1 || args.length > 2) throw new NumberFormatException();
            long n = Long.parseLong(args[0]);
            long seed = args.length == 2 ? Long.parseLong(args[1]) : System.nanoTime() & 0xffffffffL;
            System.exit(many(out, n, seed, fpArith));
        } catch (NumberFormatException e) {
            System.err.println("usage: FuzzMain [--no-fp-arith] N [SEED] | FuzzMain [--no-fp-arith] --case SEED INDEX");
            System.exit(2);
        }
    }

    static int many(PrintStream out, long n, long seed, boolean fpArith) throws Exception {
        out.println("fuzz: seed " + seed + ", " + n + " sequences, qemu-riscv64 vs Rivet (in-process)"
                + (fpArith ? "" : ", no FP arithmetic"));
        long t0 = System.nanoTime();
        Fuzzer fz = new Fuzzer(out, Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), fpArith);
        Fuzzer.Report rep = fz.run(seed, 0, n, true);
        report(out, fz, rep);
        out.printf("fuzz: %d sequences, %d differences (%.1f s)%n", rep.cases(), rep.differences().size(),
                (System.nanoTime() - t0) / 1e9);
        return rep.differences().isEmpty() && rep.qemuProblems().isEmpty() ? 0 : 1;
    }

    static void report(PrintStream out, Fuzzer fz, Fuzzer.Report rep) throws Exception {
        Reporter.report(out, fz, rep);
    }

    static int one(PrintStream out, long seed, long index, boolean fpArith) throws Exception {
        Fuzzer fz = new Fuzzer(out, 1, fpArith);
        Fuzzer.Report rep = fz.run(seed, index, 1, false);
        report(out, fz, rep);
        out.printf("fuzz: %d sequences, %d differences%n", rep.cases(), rep.differences().size());
        return rep.differences().isEmpty() && rep.qemuProblems().isEmpty() ? 0 : 1;
    }
}
