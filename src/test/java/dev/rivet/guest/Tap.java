package dev.rivet.guest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed TAP stream (the subset guest/tests/tap.h writes): a "1..N" plan, "ok N - name" /
 * "not ok N - name" lines with an optional "# SKIP why", and "# ..." diagnostics, which
 * belong to the test line before them.
 */
record Tap(int planned, List<Line> lines, List<String> problems) {

    record Line(boolean ok, int number, String name, String skipReason, List<String> diagnostics) {
        /** The line as printed, without its directive: "ok 3 - open ENOENT". */
        String title() {
            return (ok ? "ok " : "not ok ") + number + (name.isEmpty() ? "" : " - " + name);
        }
    }

    private static final Pattern PLAN = Pattern.compile("^1\\.\\.(\\d+)\\s*$");
    private static final Pattern TEST = Pattern.compile("^(not )?ok (\\d+)(?: - ?)?(.*?)(?:\\s*# SKIP\\s*(.*))?$");

    static Tap parse(String output) {
        int planned = -1;
        List<Line> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> pending = null;
        for (String raw : output.split("\n", -1)) {
            String s = raw.stripTrailing();
            if (s.isEmpty()) continue;
            Matcher m;
            if ((m = PLAN.matcher(s)).matches()) {
                if (planned >= 0) problems.add("a second plan: " + s);
                planned = Integer.parseInt(m.group(1));
            } else if ((m = TEST.matcher(s)).matches()) {
                int n = Integer.parseInt(m.group(2));
                if (n != lines.size() + 1) problems.add("test " + n + " where " + (lines.size() + 1) + " was expected");
                pending = new ArrayList<>();
                lines.add(new Line(m.group(1) == null, n, m.group(3).strip(), m.group(4), pending));
            } else if (s.startsWith("#")) {
                if (pending != null) pending.add(s);
            } else {
                problems.add("not TAP: " + s);
            }
        }
        return new Tap(planned, List.copyOf(lines), List.copyOf(problems));
    }
}
