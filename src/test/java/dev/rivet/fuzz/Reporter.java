package dev.rivet.fuzz;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns a run's differences into a readable report: differences are grouped (by the Rivet
 * failure message, or for wrong values by the instructions left after minimising) and one
 * member of each group is printed in full, minimised and disassembled; the rest are listed.
 */
final class Reporter {
    private Reporter() {}

    /** Value differences minimised before grouping (each costs about one qemu run per body item). */
    static final int MINIMISE = 24;
    static final int MAX_GROUPS = 12;

    static void report(PrintStream out, Fuzzer fz, Fuzzer.Report rep) throws Exception {
        for (Fuzzer.CaseResult b : rep.qemuProblems()) {
            out.println("QEMU REJECTED " + b.c().id() + ": " + b.qemuProblem() + " (a generator bug)");
        }
        Map<String, List<Fuzzer.CaseResult>> groups = new LinkedHashMap<>();
        Map<String, Fuzzer.CaseResult[]> shown = new LinkedHashMap<>();
        List<Fuzzer.CaseResult> unminimised = new ArrayList<>();
        int minimised = 0;
        for (Fuzzer.CaseResult d : rep.differences()) {
            String first = d.diffs().getFirst();
            String key;
            if (first.startsWith("rivet:")) {
                // one bug usually throws from one class: group by exception type and throwing class
                key = first.replaceAll("0x[0-9a-f]+|\\b\\d+\\b", "…")
                        .replaceAll("^(rivet: exception \\w+)(: [^@]*?)? at ([\\w.$]+)\\.[\\w$<>]+\\(.*$", "$1 in $3");
                if (!groups.containsKey(key)) shown.put(key, new Fuzzer.CaseResult[] {d, Fuzzer.minimise(d)});
            } else if (minimised < MINIMISE) {
                minimised++;
                Fuzzer.CaseResult m = Fuzzer.minimise(d);
                key = "wrong values after " + mnemonics(m.c());
                if (!groups.containsKey(key)) shown.put(key, new Fuzzer.CaseResult[] {d, m});
            } else {
                unminimised.add(d);
                continue;
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
        }
        // wrong values first: they are the subtle ones
        List<Map.Entry<String, List<Fuzzer.CaseResult>>> order = new ArrayList<>(groups.entrySet());
        order.sort((a, b) -> Boolean.compare(a.getKey().startsWith("rivet:"), b.getKey().startsWith("rivet:")));
        int g = 0;
        for (var e : order) {
            if (g++ >= MAX_GROUPS) {
                out.println("GROUP " + e.getKey() + ": " + e.getValue().size() + " sequences (not shown)");
                continue;
            }
            out.println("GROUP " + e.getKey() + ": " + e.getValue().size() + " sequence(s)"
                    + (e.getValue().size() > 1 ? ", e.g. " + ids(e.getValue()) : ""));
            Fuzzer.CaseResult[] s = shown.get(e.getKey());
            fz.print(s[0], s[1]);
        }
        for (Fuzzer.CaseResult d : unminimised) {
            out.println("DIFF " + d.c().id() + ": " + d.diffs().getFirst()
                    + (d.diffs().size() > 1 ? " (+" + (d.diffs().size() - 1) + " more)" : ""));
        }
    }

    private static String ids(List<Fuzzer.CaseResult> l) {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i < Math.min(l.size(), 6); i++) s.append(i > 1 ? ", " : "").append(l.get(i).c().index());
        return "indices " + s + (l.size() > 6 ? ", …" : "");
    }

    /** The set of mnemonics of a (minimised) body, without the fuzzer's address set-up. */
    static String mnemonics(Case c) {
        TreeSet<String> m = new TreeSet<>();
        for (String line : Disasm.of(Program.body(c.body(), 0x10000), 0x10000, true)) {
            String[] f = line.split("\\t");
            if (f.length >= 3) m.add(f[2].trim().split("\\s+")[0]);
        }
        return String.join(" ", m);
    }
}
