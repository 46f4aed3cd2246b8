package dev.rivet.mm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One 4 KiB page of guest memory. The CPU and a future JIT reach the bytes directly through
 * {@link #data}, so a load is a table lookup plus an array access.
 *
 * <p>Copy-on-write (fork): {@link AddressSpace#fork} puts the same Page objects of private VMAs
 * into the child's table, marks them {@link #cow} and counts the tables holding them in
 * {@link #sharers}. The first WRITE translation through a table then copies the page
 * ({@code AddressSpace.breakCow}) and installs the copy in that table only, one sharer fewer;
 * the last sharer left writes in place without copying. MAP_SHARED pages are shared without
 * the mark.
 */
public final class Page {
    public final byte[] data;

    /** Set (under the mapping lock) when this page is shared by several private mappings after fork. */
    volatile boolean cow;
    /** How many page tables hold this page as a copy-on-write page (1 when not shared). */
    private volatile int sharers = 1;
    private static final VarHandle SHARERS;

    static {
        try {
            SHARERS = MethodHandles.lookup().findVarHandle(Page.class, "sharers", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    Page() { this.data = new byte[AddressSpace.PAGE_SIZE]; }

    private Page(byte[] data) { this.data = data; }

    /** A private copy, for breaking copy-on-write. */
    Page copy() { return new Page(data.clone()); }

    /** Fork: one more table holds this private page, so writes through any of them must copy first. */
    void share() {
        SHARERS.getAndAdd(this, 1);
        cow = true;
    }

    /**
     * A table stops holding this page (it copied it, unmapped it or died). The mark stays: the
     * holder left clears it at its next write ({@link #claim}), under its own mapping lock, so
     * a fork of that holder cannot race with the clearing.
     */
    void unshare() {
        if (cow) SHARERS.getAndAdd(this, -1);
    }

    /**
     * Called by a holder about to write, with its read lock held: true (and the mark cleared)
     * when no other table holds the page any more, so it may be written in place.
     */
    boolean claim() {
        if (sharers > 1) return false;
        cow = false;
        return true;
    }

    /** Tables sharing this page (1 when private to one table): for tests and accounting. */
    int sharers() { return sharers; }
}
