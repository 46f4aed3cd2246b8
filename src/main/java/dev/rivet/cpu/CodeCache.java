package dev.rivet.cpu;

import dev.rivet.mm.AddressSpace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decoded blocks of one address space, shared by all its harts, filed by code page. Each page
 * that has blocks is watched ({@link AddressSpace#watchCode}); when the address space reports a
 * change to it (a store, munmap, mprotect ...) through the {@link dev.rivet.mm.CodeWatcher},
 * every block decoded from that page is marked invalid and dropped. A block whose last
 * instruction straddles into the next page is filed under both pages.
 */
final class CodeCache {
    /** At most this many instructions per block, so a block stays cheap to decode and to drop. */
    static final int MAX_BLOCK = 128;
    private static final int OFF = AddressSpace.PAGE_SIZE - 1;

    /**
     * Keyed weakly, so a dead address space (after exit or exec) takes its code with it. Nothing
     * reachable from a CodeCache refers back to its AddressSpace, or the key would never die.
     */
    private static final Map<AddressSpace, CodeCache> CACHES = new WeakHashMap<>();

    /** The code cache of {@code space}, created (and registered as its code watcher) on first use. */
    static CodeCache of(AddressSpace space) {
        synchronized (CACHES) {
            CodeCache c = CACHES.get(space);
            if (c == null) {
                c = new CodeCache();
                CACHES.put(space, c);
                space.setCodeWatcher(c::invalidatePage);
            }
            return c;
        }
    }

    /** The blocks decoded from one page. */
    private static final class PageCode {
        /** Blocks starting on this page, by halfword offset. */
        final Block[] starts = new Block[AddressSpace.PAGE_SIZE / 2];
        /** Every block depending on this page (including ones starting on the previous page). */
        final List<Block> all = new ArrayList<>();
    }

    private final ConcurrentHashMap<Long, PageCode> pages = new ConcurrentHashMap<>();

    private CodeCache() {}

    /** The block at {@code pc}, decoding it if needed. Throws MemoryFault if pc cannot be fetched. */
    Block get(Mmu m, long pc) {
        long vpn = pc >>> 12;
        PageCode pcode = pages.get(vpn);
        if (pcode != null) {
            synchronized (pcode) {
                Block b = pcode.starts[((int) pc & OFF) >>> 1];
                if (b != null && b.valid) return b;
            }
        }
        return decode(m, pc);
    }

    private Block decode(Mmu m, long pc) {
        long vpn = pc >>> 12;
        m.fetchPage(pc); // an unfetchable pc faults here, before anything is watched
        PageCode first = page(m.space, vpn);
        ArrayList<Insn> list = new ArrayList<>();
        long a = pc;
        PageCode second = null;
        for (;;) {
            int lo = m.fetch16(a);
            Insn in;
            if ((lo & 3) != 3) {
                in = Rvc.decode(lo, a);
            } else {
                if (((a + 2) & OFF) == 0) { // straddles into the next page
                    if (!list.isEmpty()) break; // let it start its own block
                    m.fetchPage(a + 2);
                    second = page(m.space, vpn + 1);
                }
                in = Decoder.decode(lo | m.fetch16(a + 2) << 16, a);
            }
            list.add(in);
            a += in.len;
            if (second != null || in.endsBlock() || (a & OFF) == 0 || list.size() >= MAX_BLOCK) break;
        }
        Block b = new Block(pc, list.toArray(new Insn[0]));
        synchronized (first) {
            // If the page was invalidated while we decoded, `first` is no longer filed: the block
            // is still correct for this one run, and the next lookup decodes again.
            first.starts[((int) pc & OFF) >>> 1] = b;
            first.all.add(b);
        }
        if (second != null) {
            synchronized (second) {
                second.all.add(b);
            }
        }
        return b;
    }

    /** The entry for a page, watching the page first so no store after this point goes unnoticed. */
    private PageCode page(AddressSpace space, long vpn) {
        PageCode p = pages.get(vpn);
        if (p != null) return p;
        PageCode fresh = new PageCode();
        p = pages.putIfAbsent(vpn, fresh);
        if (p != null) return p;
        space.watchCode(vpn);
        return fresh;
    }

    /** The code watcher: drops every block that depends on the page. */
    void invalidatePage(long vpn) {
        PageCode p = pages.remove(vpn);
        if (p == null) return;
        synchronized (p) {
            for (Block b : p.all) b.valid = false;
        }
    }

    /** Drops everything (fence.i, or the kernel's riscv_flush_icache). */
    void invalidateAll() {
        for (Long vpn : pages.keySet()) invalidatePage(vpn);
    }
}
