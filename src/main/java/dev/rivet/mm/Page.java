package dev.rivet.mm;

/**
 * One 4 KiB page of guest memory. The CPU and a future JIT reach the bytes directly through
 * {@link #data}, so a load is a table lookup plus an array access.
 *
 * <p>Copy-on-write hook (fork): fork will put the same Page objects of private VMAs into the
 * child's table, mark them {@link #cow} and bump the parent's generation (its harts may hold
 * the pages in their write TLBs). The first WRITE translation through either table then copies
 * the page ({@code AddressSpace.breakCow}) and installs the copy in that table only; MAP_SHARED
 * pages are shared without the mark. Nothing sets the mark yet. When fork comes, replace the
 * flag by a count of sharing tables so the last sharer writes in place instead of copying.
 */
public final class Page {
    public final byte[] data;

    /** Set (under the mapping lock) when this page is shared by several private mappings after fork. */
    volatile boolean cow;

    Page() { this.data = new byte[AddressSpace.PAGE_SIZE]; }

    private Page(byte[] data) { this.data = data; }

    /** A private copy, for breaking copy-on-write. */
    Page copy() { return new Page(data.clone()); }
}
