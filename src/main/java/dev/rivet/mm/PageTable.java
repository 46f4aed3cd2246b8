package dev.rivet.mm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Page number → {@link Page}, as a three-level radix table (11 + 12 + 12 bits of the 35-bit
 * page number of a 47-bit user address). Only touched regions get tables, so a sparse 64 GiB
 * mapping with a few touched pages costs a few tables of 16 KiB each.
 *
 * <p>Readers ({@link #get}) take no lock: every slot is read with acquire and written with
 * release (or CAS), so a reader sees either null or a fully built table / page. Writers are
 * serialised by the address space's lock except {@link #install}, which page faults run in
 * parallel and which settles races with a CAS.
 */
final class PageTable {
    static final int L3_BITS = 12, L2_BITS = 12, L1_BITS = 11;
    static final int L3_SIZE = 1 << L3_BITS, L2_SIZE = 1 << L2_BITS, L1_SIZE = 1 << L1_BITS;
    /** Page numbers handled: those of addresses below 2^47. */
    static final long PAGE_LIMIT = 1L << (L1_BITS + L2_BITS + L3_BITS);

    private static final VarHandle OBJ = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final VarHandle PAGE = MethodHandles.arrayElementVarHandle(Page[].class);

    /** root[i1] is an Object[] of L2_SIZE whose elements are Page[] of L3_SIZE. */
    private final Object[] root = new Object[L1_SIZE];
    private final AtomicLong resident = new AtomicLong();
    private final AtomicLong tables = new AtomicLong();

    private static int i1(long pn) { return (int) (pn >>> (L2_BITS + L3_BITS)); }
    private static int i2(long pn) { return (int) (pn >>> L3_BITS) & (L2_SIZE - 1); }
    private static int i3(long pn) { return (int) pn & (L3_SIZE - 1); }

    /** The page, or null if never touched (or {@code pn} is out of range). */
    Page get(long pn) {
        if (pn < 0 || pn >= PAGE_LIMIT) return null;
        Object[] mid = (Object[]) OBJ.getAcquire(root, i1(pn));
        if (mid == null) return null;
        Page[] leaf = (Page[]) OBJ.getAcquire(mid, i2(pn));
        if (leaf == null) return null;
        return (Page) PAGE.getAcquire(leaf, i3(pn));
    }

    private Page[] leaf(long pn, boolean create) {
        Object[] mid = (Object[]) OBJ.getAcquire(root, i1(pn));
        if (mid == null) {
            if (!create) return null;
            Object[] fresh = new Object[L2_SIZE];
            Object won = OBJ.compareAndExchangeRelease(root, i1(pn), (Object) null, (Object) fresh);
            if (won == null) { mid = fresh; tables.incrementAndGet(); } else mid = (Object[]) won;
        }
        Page[] leaf = (Page[]) OBJ.getAcquire(mid, i2(pn));
        if (leaf == null) {
            if (!create) return null;
            Page[] fresh = new Page[L3_SIZE];
            Object won = OBJ.compareAndExchangeRelease(mid, i2(pn), (Object) null, (Object) fresh);
            if (won == null) { leaf = fresh; tables.incrementAndGet(); } else leaf = (Page[]) won;
        }
        return leaf;
    }

    /** Installs {@code p} if the slot is empty; returns whichever page ends up there. */
    Page install(long pn, Page p) {
        Page[] leaf = leaf(pn, true);
        Page won = (Page) PAGE.compareAndExchangeRelease(leaf, i3(pn), (Page) null, p);
        if (won != null) return won;
        resident.incrementAndGet();
        return p;
    }

    /** Replaces {@code expect} by {@code p} if still there (breaking copy-on-write); returns the page now in the slot. */
    Page replace(long pn, Page expect, Page p) {
        Page[] leaf = leaf(pn, false);
        if (leaf == null) return null;
        Page won = (Page) PAGE.compareAndExchangeRelease(leaf, i3(pn), expect, p);
        return won == expect ? p : won;
    }

    /** Replaces the page in a slot (copy-on-write, moves); {@code p} may be null to clear it. */
    void set(long pn, Page p) {
        Page[] leaf = leaf(pn, p != null);
        if (leaf == null) return;
        Page old = (Page) PAGE.getAndSetRelease(leaf, i3(pn), p);
        if (old == null && p != null) resident.incrementAndGet();
        else if (old != null && p == null) resident.decrementAndGet();
    }

    /** Drops the pages of {@code [from, to)}, visiting only the tables that exist. */
    void clear(long from, long to) {
        forEachLeaf(from, to, (leaf, base, a, b) -> {
            for (int i = a; i < b; i++) {
                Page old = (Page) PAGE.getAndSetRelease(leaf, i, (Page) null);
                if (old == null) continue;
                resident.decrementAndGet();
                old.unshare(); // a copy-on-write sharer left: the other side may write in place
            }
        });
        dropEmptyLeaves(from, to);
    }

    /** Calls {@code fn} with the existing pages of {@code [from, to)} (for moves and code-invalidation). */
    void forEachPage(long from, long to, PageVisitor fn) {
        forEachLeaf(from, to, (leaf, base, a, b) -> {
            for (int i = a; i < b; i++) {
                Page p = (Page) PAGE.getAcquire(leaf, i);
                if (p != null) fn.visit(base + i, p);
            }
        });
    }

    /** Whether any page of {@code [from, to)} is allocated. */
    boolean anyPage(long from, long to) {
        boolean[] found = {false};
        forEachLeaf(from, to, (leaf, base, a, b) -> {
            for (int i = a; i < b && !found[0]; i++) if (PAGE.getAcquire(leaf, i) != null) found[0] = true;
        });
        return found[0];
    }

    /** Number of allocated pages: what the guest's memory costs the host. */
    long residentPages() { return resident.get(); }

    /** Number of allocated index tables (each 16 KiB or less). */
    long tableCount() { return tables.get(); }

    @FunctionalInterface interface PageVisitor { void visit(long pn, Page p); }

    /** Visits slots {@code [from, to)} of one leaf whose slot 0 is page number {@code base}. */
    @FunctionalInterface private interface LeafVisitor { void visit(Page[] leaf, long base, int from, int to); }

    private void forEachLeaf(long from, long to, LeafVisitor fn) {
        from = Math.max(from, 0);
        to = Math.min(to, PAGE_LIMIT);
        long pn = from;
        while (pn < to) {
            Object[] mid = (Object[]) OBJ.getAcquire(root, i1(pn));
            long nextMid = ((pn >>> (L2_BITS + L3_BITS)) + 1) << (L2_BITS + L3_BITS);
            if (mid == null) { pn = nextMid; continue; }
            long nextLeaf = ((pn >>> L3_BITS) + 1) << L3_BITS;
            Page[] leaf = (Page[]) OBJ.getAcquire(mid, i2(pn));
            if (leaf != null) {
                long end = Math.min(to, nextLeaf);
                long base = pn & ~(long) (L3_SIZE - 1);
                fn.visit(leaf, base, i3(pn), (int) (end - base));
            }
            pn = nextLeaf;
        }
    }

    /** Frees leaf tables wholly inside {@code [from, to)} once empty, so unmapping returns host memory. */
    private void dropEmptyLeaves(long from, long to) {
        long pn = (from + L3_SIZE - 1) & ~(long) (L3_SIZE - 1);
        while (pn + L3_SIZE <= Math.min(to, PAGE_LIMIT)) {
            Object[] mid = (Object[]) OBJ.getAcquire(root, i1(pn));
            if (mid == null) { pn = ((pn >>> (L2_BITS + L3_BITS)) + 1) << (L2_BITS + L3_BITS); continue; }
            if (OBJ.getAndSetRelease(mid, i2(pn), (Object) null) != null) tables.decrementAndGet();
            pn += L3_SIZE;
        }
    }
}
