package dev.rivet.mm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An immutable, sorted, non-overlapping list of VMAs. The address space publishes one through a
 * volatile field: translate reads it without a lock; changes (under the address space's lock)
 * build a new list. Edits merge neighbours that Linux would merge, so /proc/self/maps and
 * mremap's "one VMA" rule see what they would on Linux.
 */
final class VmaList {
    static final VmaList EMPTY = new VmaList(new Vma[0]);

    private final Vma[] v;

    private VmaList(Vma[] v) { this.v = v; }

    int size() { return v.length; }

    List<Vma> asList() { return List.of(v); }

    /** Index of the first VMA whose end is above {@code addr} (Linux's find_vma), or size(). */
    int indexAbove(long addr) {
        int lo = 0, hi = v.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v[mid].end() <= addr) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** The VMA containing {@code addr}, or null. */
    Vma find(long addr) {
        int i = indexAbove(addr);
        return i < v.length && v[i].start() <= addr ? v[i] : null;
    }

    /** find_vma: the first VMA ending above {@code addr} (it may start above it), or null. */
    Vma above(long addr) {
        int i = indexAbove(addr);
        return i < v.length ? v[i] : null;
    }

    /** The VMA just before the one at index i (or before all if i == size()), or null. */
    Vma before(int i) { return i > 0 ? v[i - 1] : null; }

    Vma get(int i) { return v[i]; }

    boolean intersects(long start, long end) {
        Vma a = above(start);
        return a != null && a.start() < end;
    }

    /** Whether {@code [start, end)} is covered by VMAs without holes. */
    boolean covers(long start, long end) {
        long at = start;
        for (int i = indexAbove(start); i < v.length && at < end; i++) {
            if (v[i].start() > at) return false;
            at = v[i].end();
        }
        return at >= end;
    }

    /** This list with {@code [start, end)} cut out (VMAs straddling the edges are split). */
    VmaList without(long start, long end) {
        List<Vma> out = new ArrayList<>(v.length + 1);
        for (Vma x : v) {
            if (x.end() <= start || x.start() >= end) { out.add(x); continue; }
            if (x.start() < start) out.add(x.slice(x.start(), start));
            if (x.end() > end) out.add(x.slice(end, x.end()));
        }
        return of(out);
    }

    /** This list plus {@code n}, whose range must be free. */
    VmaList with(Vma n) {
        if (intersects(n.start(), n.end())) throw new IllegalStateException("overlapping VMA " + n);
        List<Vma> out = new ArrayList<>(Arrays.asList(v));
        out.add(indexAbove(n.start()), n);
        return of(out);
    }

    /** This list with {@code old} replaced by {@code n} (e.g. a grown stack); merges after. */
    VmaList replace(Vma old, Vma n) {
        List<Vma> out = new ArrayList<>(Arrays.asList(v));
        out.set(out.indexOf(old), n);
        return of(out);
    }

    /** This list with {@code fn} applied to the parts of VMAs inside {@code [start, end)}. */
    VmaList map(long start, long end, UnaryOperator<Vma> fn) {
        List<Vma> out = new ArrayList<>(v.length + 2);
        for (Vma x : v) {
            if (x.end() <= start || x.start() >= end) { out.add(x); continue; }
            long s = Math.max(x.start(), start), e = Math.min(x.end(), end);
            if (x.start() < s) out.add(x.slice(x.start(), s));
            out.add(fn.apply(x.slice(s, e)));
            if (e < x.end()) out.add(x.slice(e, x.end()));
        }
        return of(out);
    }

    /** A list of {@code sorted} VMAs (fork's copy), neighbours merged as everywhere else. */
    static VmaList fromSorted(List<Vma> sorted) { return of(sorted); }

    private static VmaList of(List<Vma> sorted) {
        List<Vma> merged = new ArrayList<>(sorted.size());
        for (Vma x : sorted) {
            int last = merged.size() - 1;
            if (last >= 0 && merged.get(last).mergeableWith(x)) {
                Vma m = merged.get(last);
                merged.set(last, m.withRange(m.start(), x.end()));
            } else {
                merged.add(x);
            }
        }
        return new VmaList(merged.toArray(Vma[]::new));
    }

    /** vm_start_gap: a stack that grows down keeps the guard gap below it free. */
    static long startGap(Vma x) {
        if (!x.growsDown()) return x.start();
        long g = x.start() - Layout.STACK_GUARD_GAP;
        return g > x.start() ? 0 : g;
    }

    /**
     * vm_unmapped_area, top-down: the highest {@code len}-byte free range inside
     * {@code [low, high)} that stays clear of stack guard gaps; -1 if none.
     */
    long findTopDown(long len, long low, long high) {
        long gapEnd = high;
        for (int i = v.length; i >= 0; i--) {
            long gapStart = i > 0 ? v[i - 1].end() : 0;
            long top = i < v.length ? Math.min(startGap(v[i]), gapEnd) : gapEnd;
            long lo = Math.max(gapStart, low);
            if (top >= lo && top - lo >= len) return top - len;
            if (gapStart <= low) break;
        }
        return -1;
    }

    /** vm_unmapped_area, bottom-up: the lowest free {@code len}-byte range inside {@code [low, high)}; -1 if none. */
    long findBottomUp(long len, long low, long high) {
        for (int i = indexAbove(low); i <= v.length; i++) {
            long gapStart = Math.max(i > 0 ? v[i - 1].end() : 0, low);
            long gapEnd = Math.min(i < v.length ? startGap(v[i]) : high, high);
            if (gapEnd >= gapStart && gapEnd - gapStart >= len) return gapStart;
            if (gapEnd >= high) break;
        }
        return -1;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Vma x : v) b.append(x).append('\n');
        return b.toString();
    }
}
