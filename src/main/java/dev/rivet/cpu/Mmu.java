package dev.rivet.cpu;

import dev.rivet.mm.Access;
import dev.rivet.mm.AddressSpace;
import dev.rivet.mm.MemoryFault;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A hart's view of guest memory: three direct-mapped software TLBs (read, write, fetch) mapping
 * page numbers to the backing {@code byte[]} pages that {@link AddressSpace#translate} hands out,
 * and the loads and stores the interpreter (and later the JIT) performs through them.
 *
 * <p>A miss goes to {@code translate}, which checks protections, does copy-on-write and
 * code-watch invalidation for writes, and throws {@link MemoryFault}. The TLBs are flushed
 * when {@link AddressSpace#generation()} moves (checked by the interpreter at block boundaries).
 * Accesses inside a page are single little-endian VarHandle operations; misaligned ones are
 * fine (Linux emulates them); one that crosses a page goes byte by byte (stores check both
 * pages first so a fault leaves memory untouched).
 *
 * <p>Confined to its hart's thread: no synchronisation.
 */
public final class Mmu {
    /**
     * 4096 entries (16 MiB of reach) per TLB: a miss costs a VMA and page-table walk, and with
     * 256 entries a 2 MiB sieve thrashed the write TLB and ran 2x slower. A flush (on a
     * generation change) costs a few microseconds, far less than the mm operation causing it.
     */
    static final int BITS = 12, SIZE = 1 << BITS, MASK = SIZE - 1;
    private static final int OFF = AddressSpace.PAGE_SIZE - 1;

    static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    // Tags are page numbers. An empty slot holds -1, or 0 in any slot but slot 0: page number 0
    // falls in slot 0 only, so a zero tag elsewhere never matches and fresh arrays need no fill.
    // Never replaced (a flush refills them), so the interpreter may keep them in locals.
    final long[] rTag = new long[SIZE], wTag = new long[SIZE];
    final byte[][] rPage = new byte[SIZE][], wPage = new byte[SIZE][];
    private final long[] xTag = new long[SIZE];
    private final byte[][] xPage = new byte[SIZE][];

    /**
     * The slots filled since the last flush, while there are at most {@link #TRACKED} of them:
     * then a flush clears just those. A thread that touches a few pages between two munmaps
     * (thread start-up, pthread_create+join loops) would otherwise clear all 6 x 4096 entries
     * each time, and a new hart would fill its fresh arrays before its first instruction.
     */
    private static final int TRACKED = 64;
    private final int[] filled = new int[TRACKED];
    /** How many slots {@link #filled} holds; more than TRACKED: too many, clear everything. */
    private int nFilled;

    AddressSpace space;
    /** The address-space generation the TLB contents are valid for. */
    long generation;

    Mmu() {
        rTag[0] = wTag[0] = xTag[0] = -1;
    }

    void attach(AddressSpace s) {
        space = s;
        flush();
        generation = s == null ? 0 : s.generation();
    }

    void flush() {
        int n = nFilled;
        nFilled = 0;
        if (n <= TRACKED) {
            for (int i = 0; i < n; i++) {
                int slot = filled[i];
                rTag[slot] = wTag[slot] = xTag[slot] = -1;
                rPage[slot] = wPage[slot] = xPage[slot] = null;
            }
            return;
        }
        java.util.Arrays.fill(rTag, -1);
        java.util.Arrays.fill(wTag, -1);
        java.util.Arrays.fill(xTag, -1);
        java.util.Arrays.fill(rPage, null);
        java.util.Arrays.fill(wPage, null);
        java.util.Arrays.fill(xPage, null);
    }

    /** Notes that slot {@code s} now holds an entry (see {@link #filled}); on the miss paths only. */
    private void track(int s) {
        int n = nFilled;
        if (n < TRACKED) filled[n] = s;
        if (n <= TRACKED) nFilled = n + 1;
    }

    /** Flushes the TLBs if the address space changed since they were filled. */
    void sync() {
        long g = space.generation();
        if (g != generation) {
            flush();
            generation = g;
        }
    }

    // ---- page lookups

    byte[] readPage(long a) {
        long vpn = a >>> 12;
        int s = (int) vpn & MASK;
        return rTag[s] == vpn ? rPage[s] : readMiss(a, s);
    }

    private byte[] readMiss(long a, int s) {
        byte[] p = space.translate(a, Access.READ);
        track(s);
        rTag[s] = a >>> 12;
        rPage[s] = p;
        return p;
    }

    byte[] writePage(long a) {
        long vpn = a >>> 12;
        int s = (int) vpn & MASK;
        return wTag[s] == vpn ? wPage[s] : writeMiss(a, s);
    }

    private byte[] writeMiss(long a, int s) {
        byte[] p = space.translate(a, Access.WRITE);
        long vpn = a >>> 12;
        track(s);
        wTag[s] = vpn;
        wPage[s] = p;
        // A write translation may have replaced the page (copy-on-write): reads must see the new one.
        rTag[s] = vpn;
        rPage[s] = p;
        return p;
    }

    byte[] fetchPage(long a) {
        long vpn = a >>> 12;
        int s = (int) vpn & MASK;
        if (xTag[s] == vpn) return xPage[s];
        byte[] p = space.translate(a, Access.EXEC);
        track(s);
        xTag[s] = vpn;
        xPage[s] = p;
        return p;
    }

    /** The 16-bit instruction parcel at {@code a} (2-byte aligned, so never crossing a page). */
    int fetch16(long a) {
        return (short) I16.get(fetchPage(a), (int) a & OFF) & 0xffff;
    }

    // ---- loads and stores. Each checks its TLB entry and page offset inline and leaves
    // everything else (a miss, a page-crossing access) to one out-of-line slow path: the fast
    // path must stay small, because C2 inlines a nested callee over 35 bytecodes only at
    // call sites it thinks hot, and through readPage() it did not (a real call per load).

    // ---- loads (results as the register value: sign- or zero-extended)

    public long lb(long a) {
        int s = (int) (a >>> 12) & MASK;
        if (rTag[s] == a >>> 12) return rPage[s][(int) a & OFF];
        return (byte) loadSlow(a, 1);
    }

    public long lbu(long a) {
        int s = (int) (a >>> 12) & MASK;
        if (rTag[s] == a >>> 12) return rPage[s][(int) a & OFF] & 0xffL;
        return loadSlow(a, 1);
    }

    public long lh(long a) {
        int s = (int) (a >>> 12) & MASK, o = (int) a & OFF;
        if (rTag[s] == a >>> 12 && o <= OFF - 1) return (short) I16.get(rPage[s], o);
        return (short) loadSlow(a, 2);
    }

    public long lhu(long a) {
        int s = (int) (a >>> 12) & MASK, o = (int) a & OFF;
        if (rTag[s] == a >>> 12 && o <= OFF - 1) return (short) I16.get(rPage[s], o) & 0xffffL;
        return loadSlow(a, 2);
    }

    public long lw(long a) {
        int s = (int) (a >>> 12) & MASK, o = (int) a & OFF;
        if (rTag[s] == a >>> 12 && o <= OFF - 3) return (int) I32.get(rPage[s], o);
        return (int) loadSlow(a, 4);
    }

    public long lwu(long a) {
        int s = (int) (a >>> 12) & MASK, o = (int) a & OFF;
        if (rTag[s] == a >>> 12 && o <= OFF - 3) return (int) I32.get(rPage[s], o) & 0xffffffffL;
        return loadSlow(a, 4);
    }

    public long ld(long a) {
        int s = (int) (a >>> 12) & MASK, o = (int) a & OFF;
        if (rTag[s] == a >>> 12 && o <= OFF - 7) return (long) I64.get(rPage[s], o);
        return loadSlow(a, 8);
    }

    // ---- the same fast paths with the read or write TLB passed in: the interpreter keeps the
    // arrays in locals, which C2 otherwise reloads from this object before every dispatch
    // (one load serving all the switch arms is placed ahead of the switch). A miss or a
    // page-crossing access goes to the instance method.

    static long lb(Mmu m, long[] tag, byte[][] page, long a) {
        int s = (int) (a >>> 12) & MASK;
        return tag[s] == a >>> 12 ? page[s][(int) a & OFF] : m.lb(a);
    }

    static long lbu(Mmu m, long[] tag, byte[][] page, long a) {
        int s = (int) (a >>> 12) & MASK;
        return tag[s] == a >>> 12 ? page[s][(int) a & OFF] & 0xffL : m.lbu(a);
    }

    static long lh(Mmu m, long[] tag, byte[][] page, long a) {
        int s = (int) (a >>> 12) & MASK, o = (int) a & OFF;
        return tag[s] == a >>> 12 && o <= OFF - 1 ? (short) I16.get(page[s], o) : m.lh(a);
    }

    static long lhu(Mmu m, long[] tag, byte[][] page, long a) {
        int s = (int) (a >>> 12) & MASK, o = (int) a & OFF;
        return tag[s] == a >>> 12 && o <= OFF - 1 ? (short) I16.get(page[s], o) & 0xffffL : m.lhu(a);
    }

    static long lw(Mmu m, long[] tag, byte[][] page, long a) {
        int s = (int) (a >>> 12) & MASK, o = (int) a & OFF;
        return tag[s] == a >>> 12 && o <= OFF - 3 ? (int) I32.get(page[s], o) : m.lw(a);
    }

    static long lwu(Mmu m, long[] tag, byte[][] page, long a) {
        int s = (int) (a >>> 12) & MASK, o = (int) a & OFF;
        return tag[s] == a >>> 12 && o <= OFF - 3 ? (int) I32.get(page[s], o) & 0xffffffffL : m.lwu(a);
    }

    static long ld(Mmu m, long[] tag, byte[][] page, long a) {
        int s = (int) (a >>> 12) & MASK, o = (int) a & OFF;
        return tag[s] == a >>> 12 && o <= OFF - 7 ? (long) I64.get(page[s], o) : m.ld(a);
    }

    static void sb(Mmu m, long[] tag, byte[][] page, long a, long v) {
        int s = (int) (a >>> 12) & MASK;
        if (tag[s] == a >>> 12) page[s][(int) a & OFF] = (byte) v; else m.sb(a, v);
    }

    static void sh(Mmu m, long[] tag, byte[][] page, long a, long v) {
        int s = (int) (a >>> 12) & MASK, o = (int) a & OFF;
        if (tag[s] == a >>> 12 && o <= OFF - 1) I16.set(page[s], o, (short) v); else m.sh(a, v);
    }

    static void sw(Mmu m, long[] tag, byte[][] page, long a, long v) {
        int s = (int) (a >>> 12) & MASK, o = (int) a & OFF;
        if (tag[s] == a >>> 12 && o <= OFF - 3) I32.set(page[s], o, (int) v); else m.sw(a, v);
    }

    static void sd(Mmu m, long[] tag, byte[][] page, long a, long v) {
        int s = (int) (a >>> 12) & MASK, o = (int) a & OFF;
        if (tag[s] == a >>> 12 && o <= OFF - 7) I64.set(page[s], o, v); else m.sd(a, v);
    }

    /** A load of {@code n} bytes after a TLB miss or across a page end (zero-extended). */
    private long loadSlow(long a, int n) {
        int o = (int) a & OFF;
        if (o > OFF - (n - 1)) {
            // Spans two pages: assembled byte by byte.
            long v = 0;
            for (int k = 0; k < n; k++) v |= (readPage(a + k)[(int) (a + k) & OFF] & 0xffL) << (8 * k);
            return v;
        }
        byte[] p = readPage(a);
        return switch (n) {
            case 1 -> p[o] & 0xffL;
            case 2 -> (short) I16.get(p, o) & 0xffffL;
            case 4 -> (int) I32.get(p, o) & 0xffffffffL;
            default -> (long) I64.get(p, o);
        };
    }

    // ---- stores

    public void sb(long a, long v) {
        int s = (int) (a >>> 12) & MASK;
        if (wTag[s] == a >>> 12) { wPage[s][(int) a & OFF] = (byte) v; return; }
        storeSlow(a, v, 1);
    }

    public void sh(long a, long v) {
        int s = (int) (a >>> 12) & MASK, o = (int) a & OFF;
        if (wTag[s] == a >>> 12 && o <= OFF - 1) { I16.set(wPage[s], o, (short) v); return; }
        storeSlow(a, v, 2);
    }

    public void sw(long a, long v) {
        int s = (int) (a >>> 12) & MASK, o = (int) a & OFF;
        if (wTag[s] == a >>> 12 && o <= OFF - 3) { I32.set(wPage[s], o, (int) v); return; }
        storeSlow(a, v, 4);
    }

    public void sd(long a, long v) {
        int s = (int) (a >>> 12) & MASK, o = (int) a & OFF;
        if (wTag[s] == a >>> 12 && o <= OFF - 7) { I64.set(wPage[s], o, v); return; }
        storeSlow(a, v, 8);
    }

    /** A store of {@code n} bytes after a TLB miss or across a page end. */
    private void storeSlow(long a, long v, int n) {
        int o = (int) a & OFF;
        if (o > OFF - (n - 1)) {
            writePage(a);
            // Fault before writing anything, at the first byte of the second page (as a load would).
            writePage((a + n - 1) & ~(long) OFF);
            for (int k = 0; k < n; k++) writePage(a + k)[(int) (a + k) & OFF] = (byte) (v >>> (8 * k));
            return;
        }
        byte[] p = writePage(a);
        switch (n) {
            case 1 -> p[o] = (byte) v;
            case 2 -> I16.set(p, o, (short) v);
            case 4 -> I32.set(p, o, (int) v);
            default -> I64.set(p, o, v);
        }
    }
}
