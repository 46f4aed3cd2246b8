package dev.rivet.mm;

/**
 * One 4 KiB page of guest memory. The CPU and a future JIT reach the bytes directly through
 * {@link #data}, so a load is a table lookup plus an array access.
 *
 * <p>Copy-on-write hook (fork): a page shared by two page tables will be marked {@link #cow};
 * the first WRITE translation through either table copies it ({@link #copy}) and installs the
 * copy in that table only. Nothing sets the mark yet.
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
