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

    // Tags are page numbers; -1 can never be one (addresses shifted right by 12).
    private final long[] rTag = new long[SIZE], wTag = new long[SIZE], xTag = new long[SIZE];
    private final byte[][] rPage = new byte[SIZE][], wPage = new byte[SIZE][], xPage = new byte[SIZE][];

    AddressSpace space;
    /** The address-space generation the TLB contents are valid for. */
    long generation;

    Mmu() {
        flush();
    }

    void attach(AddressSpace s) {
        space = s;
        flush();
        generation = s == null ? 0 : s.generation();
    }

    void flush() {
        java.util.Arrays.fill(rTag, -1);
        java.util.Arrays.fill(wTag, -1);
        java.util.Arrays.fill(xTag, -1);
        java.util.Arrays.fill(rPage, null);
        java.util.Arrays.fill(wPage, null);
        java.util.Arrays.fill(xPage, null);
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
        xTag[s] = vpn;
        xPage[s] = p;
        return p;
    }

    /** The 16-bit instruction parcel at {@code a} (2-byte aligned, so never crossing a page). */
    int fetch16(long a) {
        return (short) I16.get(fetchPage(a), (int) a & OFF) & 0xffff;
    }

    // ---- loads (results as the register value: sign- or zero-extended)

    public long lb(long a) {
        return readPage(a)[(int) a & OFF];
    }

    public long lbu(long a) {
        return readPage(a)[(int) a & OFF] & 0xffL;
    }

    public long lh(long a) {
        int o = (int) a & OFF;
        if (o > OFF - 1) return (short) loadCross(a, 2);
        return (short) I16.get(readPage(a), o);
    }

    public long lhu(long a) {
        int o = (int) a & OFF;
        if (o > OFF - 1) return loadCross(a, 2);
        return (short) I16.get(readPage(a), o) & 0xffffL;
    }

    public long lw(long a) {
        int o = (int) a & OFF;
        if (o > OFF - 3) return (int) loadCross(a, 4);
        return (int) I32.get(readPage(a), o);
    }

    public long lwu(long a) {
        int o = (int) a & OFF;
        if (o > OFF - 3) return loadCross(a, 4);
        return (int) I32.get(readPage(a), o) & 0xffffffffL;
    }

    public long ld(long a) {
        int o = (int) a & OFF;
        if (o > OFF - 7) return loadCross(a, 8);
        return (long) I64.get(readPage(a), o);
    }

    /** A load that spans two pages, assembled byte by byte (zero-extended). */
    private long loadCross(long a, int n) {
        long v = 0;
        for (int k = 0; k < n; k++) v |= lbu(a + k) << (8 * k);
        return v;
    }

    // ---- stores

    public void sb(long a, long v) {
        writePage(a)[(int) a & OFF] = (byte) v;
    }

    public void sh(long a, long v) {
        int o = (int) a & OFF;
        if (o > OFF - 1) { storeCross(a, v, 2); return; }
        I16.set(writePage(a), o, (short) v);
    }

    public void sw(long a, long v) {
        int o = (int) a & OFF;
        if (o > OFF - 3) { storeCross(a, v, 4); return; }
        I32.set(writePage(a), o, (int) v);
    }

    public void sd(long a, long v) {
        int o = (int) a & OFF;
        if (o > OFF - 7) { storeCross(a, v, 8); return; }
        I64.set(writePage(a), o, v);
    }

    private void storeCross(long a, long v, int n) {
        writePage(a);
        // Fault before writing anything, at the first byte of the second page (as a load would).
        writePage((a + n - 1) & ~(long) OFF);
        for (int k = 0; k < n; k++) sb(a + k, v >>> (8 * k));
    }
}
