package dev.rivet.fuzz;

import static dev.rivet.fuzz.Enc.*;
import static dev.rivet.fuzz.Layout.*;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates random cases over RV64IMAFDC + Zicsr + Zifencei + Zba + Zbb + Zbs. Each case is
 * reproducible from (seed, index) alone. Constraints that keep every case well defined:
 * x31 is never written (it is the fuzzer's base register); memory accesses go to the scratch
 * area through an {@code addi base, x31, k} set up in the same item; AMOs and LR/SC are
 * aligned; LR/SC come as an adjacent pair on one address (or a lone SC, which must fail);
 * control transfers only go forward to item boundaries; frm is only ever given valid values
 * (so DYN never traps). Cases where qemu is wrong are excluded by name in {@link Exclusions}.
 */
final class Gen {
    final SplittableRandom r;
    private final List<Item> items = new ArrayList<>();
    private int bodyLen;

    final boolean fpArith;
    private final boolean illegal;

    private Gen(SplittableRandom r, boolean fpArith, boolean illegal) {
        this.r = r;
        this.fpArith = fpArith;
        this.illegal = illegal;
    }

    static Case generate(long seed, long index) { return generate(seed, index, true); }

    static Case generate(long seed, long index, boolean fpArith) { return generate(seed, index, fpArith, true); }

    /**
     * With {@code fpArith} false, FP instructions are limited to the plain moves the CPU does
     * itself (loads, stores, fmv): a profile for testing the integer side before the FPU exists.
     * The same (seed, index) gives the same initial state under both profiles. With
     * {@code illegal} false no illegal encodings are generated (for the encoder test).
     */
    static Case generate(long seed, long index, boolean fpArith, boolean illegal) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xD1B54A32D192ED03L + 1);
        // Half the cases draw their registers from a small per-case palette, so that pairs of
        // special values meet in one instruction (-0 and +0 in fmin, INT_MIN and -1 in div …)
        // far more often than independent draws from the pools would make them.
        long[] x = new long[32];
        long[] xp = r.nextBoolean() ? palette(r, false) : null;
        for (int i = 1; i <= 30; i++) x[i] = xp != null && r.nextInt(4) != 0 ? xp[r.nextInt(xp.length)] : Values.intValue(r);
        long[] f = new long[32];
        long[] fp = r.nextBoolean() ? palette(r, true) : null;
        for (int i = 0; i < 32; i++) f[i] = fp != null && r.nextInt(4) != 0 ? fp[r.nextInt(fp.length)] : Values.fregValue(r);
        int fcsr = r.nextInt(5) << 5 | r.nextInt(32);
        byte[] scratch = new byte[SCRATCH_LEN];
        for (int o = 0; o < SCRATCH_LEN; o += 8) {
            long v = switch (r.nextInt(4)) {
                case 0 -> Values.intValue(r);
                case 1 -> Values.doubleBits(r);
                case 2 -> (Values.singleBits(r) & 0xffffffffL) | (long) Values.singleBits(r) << 32;
                default -> r.nextLong();
            };
            for (int k = 0; k < 8; k++) scratch[o + k] = (byte) (v >>> (8 * k));
        }
        Gen g = new Gen(r, fpArith, illegal);
        // mostly short bodies (they minimise fast); some long ones for longer dependency chains
        g.bodyLen = r.nextInt(10) < 7 ? 1 + r.nextInt(24) : 25 + r.nextInt(40);
        for (int i = 0; i < g.bodyLen; i++) g.item(i);
        return new Case(seed, index, x, f, fcsr, scratch, List.copyOf(g.items), fpArith);
    }

    /** A few values and their negations (for f registers: the same value with the sign flipped). */
    private static long[] palette(SplittableRandom r, boolean fp) {
        long[] p = new long[2 * (2 + r.nextInt(3))];
        for (int i = 0; i < p.length; i += 2) {
            long v = fp ? Values.fregValue(r) : Values.intValue(r);
            p[i] = v;
            boolean single = (v >>> 32) == 0xffffffffL;
            p[i + 1] = fp ? v ^ (single ? 0x80000000L : Long.MIN_VALUE) : -v;
        }
        return p;
    }

    // ---- register choice ----
    /** A register no generated instruction may name (a loop's counter), or -1. */
    private int reserved = -1;

    int rd() { int q; do q = r.nextInt(40) == 0 ? 0 : 1 + r.nextInt(30); while (q == reserved); return q; }
    int rs() { int q; do q = r.nextInt(31); while (q == reserved); return q; }
    int rdNz() { int q; do q = 1 + r.nextInt(30); while (q == reserved); return q; }
    int creg() { int q; do q = 8 + r.nextInt(8); while (q == reserved); return q; }
    int fr() { return r.nextInt(32); }
    int rm() { return r.nextInt(10) < 3 ? 7 : r.nextInt(5); }

    int imm12() {
        return switch (r.nextInt(6)) {
            case 0 -> 0;
            case 1 -> -1;
            case 2 -> r.nextBoolean() ? 2047 : -2048;
            case 3 -> r.nextInt(-16, 17);
            default -> r.nextInt(-2048, 2048);
        };
    }

    // ---- item builder ----
    private int idx, target, xm, fm;
    final List<Insn> cur = new ArrayList<>();

    private void begin(int i) { idx = i; target = -1; xm = 0; fm = 0; cur.clear(); }
    void x(int... regs) { for (int q : regs) xm |= 1 << q; }
    void f(int... regs) { for (int q : regs) fm |= 1 << q; }
    void w(int bits) { cur.add(Insn.of(bits)); }
    void c(int bits) { cur.add(Insn.c(bits)); }

    private void item(int i) {
        begin(i);
        int k = r.nextInt(100);
        if (k < 14) GenInt.intR(this);
        else if (k < 26) GenInt.intI(this);
        else if (k < 34) GenInt.compressedAlu(this);
        else if (k < 46) memory();
        else if (k < 51) atomic();
        else if (k < 80) GenFp.fp(this);
        else if (k < 87) GenFp.csr(this);
        else if (k < 94) control(i);
        else if (k < 97) loop();
        else if (k < 98 || !illegal) fence();
        else GenIllegal.illegal(this);
        items.add(new Item(idx, cur.toArray(Insn[]::new), target, xm & ~1, fm));
    }

    int nz6() { int v; do v = r.nextInt(-32, 32); while (v == 0); return v; }

    // ---- loops: the only backward branches ----
    /**
     * {@code li t, n; L: 1-4 random items; addi t, t, -1; bnez t, L} with n = 1..5: backward
     * branches, blocks entered again, hot code (what a JIT compiles). The inner items never
     * name t ({@link #reserved}), so the loop always ends.
     */
    private void loop() {
        int t = new int[] {5, 6, 7, 8, 9, 12, 13, 28, 29, 30}[r.nextInt(10)];
        x(t);
        w(addi(t, 0, 1 + r.nextInt(5)));
        int start = cur.size();
        reserved = t;
        for (int j = 1 + r.nextInt(4); j > 0; j--) {
            int k = r.nextInt(100);
            if (k < 20) GenInt.intR(this);
            else if (k < 35) GenInt.intI(this);
            else if (k < 45) GenInt.compressedAlu(this);
            else if (k < 60) memory();
            else if (k < 65) atomic();
            else if (k < 92) GenFp.fp(this);
            else GenFp.csr(this);
        }
        reserved = -1;
        boolean compressed = t >= 8 && t <= 15 && r.nextBoolean();
        if (compressed) c(ci(0, 1, t, -1)); else w(addi(t, t, -1));
        int size = 0;
        for (int q = start; q < cur.size(); q++) size += cur.get(q).size();
        if (compressed) c(cB(7, t, -size)); else w(Enc.b(-size, 0, t, 1));
    }

    // ---- memory ----
    /** Sets base = x31 + k so that base + imm addresses scratch[a]. */
    private void base(int rb, int a, int imm) {
        x(rb);
        w(addi(rb, BASE_REG, SCRATCH_OFF + a - imm));
    }

    private int addr(int width, boolean aligned) {
        int a = r.nextInt(SCRATCH_LEN - width + 1);
        if (aligned || r.nextInt(3) != 0) a &= -width;
        return a;
    }

    private int simm() { return r.nextInt(4) == 0 ? 0 : r.nextInt(-256, 256); }

    private void memory() {
        int kind = r.nextInt(22);
        if (kind < 7) {                       // lb lh lw ld lbu lhu lwu
            int f3 = kind, width = 1 << (f3 & 3);
            int rb = rdNz(), rd = rd(), imm = simm();
            base(rb, addr(width, false), imm);
            x(rd);
            w(i(imm, rb, f3, rd, LOAD));
        } else if (kind < 11) {               // sb sh sw sd
            int f3 = kind - 7, width = 1 << f3;
            int rb = rdNz(), v = rs(), imm = simm();
            base(rb, addr(width, false), imm);
            x(v);
            w(s(imm, v, rb, f3, STORE));
        } else if (kind < 13) {               // flw fld
            int f3 = kind - 9, width = 1 << f3;
            int rb = rdNz(), fd = fr(), imm = simm();
            base(rb, addr(width, false), imm);
            f(fd);
            w(i(imm, rb, f3, fd, LOAD_FP));
        } else if (kind < 15) {               // fsw fsd
            int f3 = kind - 11, width = 1 << f3;
            int rb = rdNz(), fs = fr(), imm = simm();
            base(rb, addr(width, false), imm);
            f(fs);
            w(s(imm, fs, rb, f3, STORE_FP));
        } else if (kind < 19) {               // c.lw c.ld c.fld / c.sw c.sd c.fsd
            int which = r.nextInt(6);
            int f3 = new int[] {2, 3, 1, 6, 7, 5}[which];
            int width = f3 == 2 || f3 == 6 ? 4 : 8;
            int max = width == 4 ? 124 : 248;
            int rb = creg(), v = creg();
            int imm = r.nextInt(max / width + 1) * width;
            int a = addr(width, false);
            if (a - imm + SCRATCH_OFF < -2048) imm = 0;
            base(rb, a, imm);
            if (which == 2 || which == 5) f(v); else x(v);
            c(width == 4 ? clsW(f3, rb, v, imm) : clsD(f3, rb, v, imm));
        } else {                              // c.lwsp c.ldsp c.fldsp / c.swsp c.sdsp c.fsdsp
            int which = r.nextInt(6);
            int width = which == 0 || which == 3 ? 4 : 8;
            int max = width == 4 ? 252 : 504;
            int imm = r.nextInt(max / width + 1) * width;
            base(2, addr(width, false), imm);
            switch (which) {
                case 0 -> { int rd = rdNz(); x(rd); c(cLwsp(2, rd, imm)); }
                case 1 -> { int rd = rdNz(); x(rd); c(cLdsp(3, rd, imm)); }
                case 2 -> { int fd = fr(); f(fd); c(cLdsp(1, fd, imm)); }
                case 3 -> { int v = rs(); x(v); c(cSwsp(v, imm)); }
                case 4 -> { int v = rs(); x(v); c(cSdsp(7, v, imm)); }
                default -> { int v = fr(); f(v); c(cSdsp(5, v, imm)); }
            }
        }
    }

    private static final int[] AMO_F5 = {0x01, 0x00, 0x04, 0x0c, 0x08, 0x10, 0x14, 0x18, 0x1c};

    /** The base set-up of the last atomic item: a lone SC often reuses it, the address an earlier LR/SC pair used. */
    private Insn lastAtomic;
    private int lastAtomicWidth;

    private void atomic() {
        boolean d = r.nextBoolean();
        int f3 = d ? 3 : 2, width = d ? 8 : 4;
        int rb = rdNz();
        int first = cur.size(); // the base set-up (inside a loop item, cur holds more before it)
        int k = r.nextInt(10);
        if (k == 9 && lastAtomic != null && lastAtomicWidth == width && r.nextBoolean()) {
            // same address as before (the set-up is `addi rb0, x31, off`: keep off, use our rb)
            x(rb);
            w(lastAtomic.bits() & ~(0x1f << 7) | rb << 7);
        } else {
            base(rb, addr(width, true), 0);
        }
        if (k < 7) {
            int rd = rd(), v = rs();
            x(rd, v);
            w(amo(AMO_F5[r.nextInt(AMO_F5.length)], r.nextInt(2), r.nextInt(2), v, rb, f3, rd));
        } else if (k < 9) {                   // LR then SC to the same address: must succeed
            int rd = rd(), rd2 = rd(), v = rs();
            while (rd == rb) rd = rd();
            x(rd, rd2, v);
            w(amo(0x02, r.nextInt(2), r.nextInt(2), 0, rb, f3, rd));
            if (r.nextBoolean()) {            // an ALU op in between that leaves the base alone
                int t = rd(), a = rs();
                while (t == rb) t = rd();
                x(t, a);
                w(i(imm12(), a, 0, t, OP_IMM));
            }
            w(amo(0x03, r.nextInt(2), r.nextInt(2), v, rb, f3, rd2));
        } else {                              // SC with no reservation: must fail, store nothing
            int rd = rd(), v = rs();
            x(rd, v);
            w(amo(0x03, r.nextInt(2), r.nextInt(2), v, rb, f3, rd));
        }
        lastAtomic = cur.get(first);
        lastAtomicWidth = width;
    }

    // ---- control transfer (forward only, to an item boundary) ----
    private void control(int i) {
        target = Math.min(bodyLen, i + 1 + r.nextInt(4));
        switch (r.nextInt(9)) {
            case 0, 1, 2 -> {
                int f3 = new int[] {0, 1, 4, 5, 6, 7}[r.nextInt(6)];
                int a = rs(), b = r.nextInt(6) == 0 ? a : rs();
                x(a, b);
                cur.add(Insn.fix(4, off -> Enc.b(off, b, a, f3), 0));
            }
            case 3 -> { int rd = rd(); x(rd); cur.add(Insn.fix(4, off -> Enc.j(off, rd), 0)); }
            case 4 -> {                                             // auipc t, 0; jalr rd, off(t)
                int t = rdNz(), rd = rd();
                x(t, rd);
                w(u(0, t, AUIPC));
                cur.add(Insn.fix(4, off -> i(off, t, 0, rd, JALR), -4));
            }
            case 5 -> cur.add(Insn.fix(2, Enc::cJ, 0));
            case 6 -> { int a = creg(); x(a); int f3 = 6 + r.nextInt(2); cur.add(Insn.fix(2, off -> cB(f3, a, off), 0)); }
            default -> {                                            // auipc t, 0; addi t, t, off; c.jr/c.jalr t
                int t = rdNz();
                x(t, 1);
                w(u(0, t, AUIPC));
                cur.add(Insn.fix(4, off -> addi(t, t, off), -4));
                c(cCr(r.nextInt(2), t, 0));
            }
        }
    }

    private void fence() {
        switch (r.nextInt(3)) {
            case 0 -> w(i((1 + r.nextInt(15)) << 4 | (1 + r.nextInt(15)), 0, 0, 0, MISC_MEM)); // fence pred,succ
            case 1 -> w(0x8330000f);                                                            // fence.tso
            default -> w(0x0000100f);                                                           // fence.i
        }
    }
}
