package dev.rivet.fuzz;

import static dev.rivet.fuzz.Layout.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Reads and compares dump records (x1..x30, trap count, f0..f31, fcsr, scratch). */
final class Dump {
    private Dump() {}

    static final String[] XNAMES = {"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1",
        "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11",
        "t3", "t4", "t5", "t6"};

    static String xname(int r) { return "x" + r + "/" + XNAMES[r]; }

    static long get(byte[] rec, int off) {
        return ByteBuffer.wrap(rec).order(ByteOrder.LITTLE_ENDIAN).getLong(off);
    }

    static String hex(long v) { return String.format("0x%016x", v); }

    /** One line per differing register, fcsr field or 8-byte scratch word; empty when equal. */
    static List<String> compare(Case c, byte[] q, byte[] r) {
        List<String> out = new ArrayList<>();
        if (r.length != q.length) out.add("record length qemu=" + q.length + " rivet=" + r.length);
        int len = Math.min(q.length, r.length) & -8;
        for (int off = 0; off < len; off += 8) {
            long a = get(q, off), b = get(r, off);
            if (a == b) continue;
            if (off == REC_X + 30 * 8) {
                out.add("trapped instructions (SIGILL): qemu=" + a + " rivet=" + b);
            } else if (off < REC_F) {
                int reg = off / 8 + 1;
                out.add(xname(reg) + ": qemu=" + hex(a) + " rivet=" + hex(b)
                        + (reg <= 30 ? " (initial " + hex(c.x()[reg]) + ")" : ""));
            } else if (off < REC_FCSR) {
                int reg = (off - REC_F) / 8;
                out.add("f" + reg + ": qemu=" + hex(a) + " rivet=" + hex(b) + " (initial " + hex(c.f()[reg]) + ")");
            } else if (off < REC_SCRATCH) {
                out.add("fcsr: qemu=0x" + Long.toHexString(a) + " rivet=0x" + Long.toHexString(b)
                        + " (frm/fflags qemu " + (a >> 5) + "/" + flags(a) + ", rivet " + (b >> 5) + "/" + flags(b)
                        + "; initial 0x" + Integer.toHexString(c.fcsr()) + ")");
            } else {
                int so = off - REC_SCRATCH;
                out.add("mem[0x" + Long.toHexString(SCRATCH + so) + "]: qemu=" + hex(a) + " rivet=" + hex(b)
                        + " (initial " + hex(ByteBuffer.wrap(c.scratch()).order(ByteOrder.LITTLE_ENDIAN).getLong(so)) + ")");
            }
        }
        return out;
    }

    static String flags(long v) {
        StringBuilder s = new StringBuilder();
        String[] n = {"NX", "UF", "OF", "DZ", "NV"};
        for (int i = 4; i >= 0; i--) if ((v >> i & 1) != 0) s.append(s.isEmpty() ? "" : "|").append(n[i]);
        return s.isEmpty() ? "-" : s.toString();
    }
}
