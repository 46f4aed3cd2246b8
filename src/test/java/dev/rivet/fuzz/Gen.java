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
    private final SplittableRandom r;
    private final List<Item> items = new ArrayList<>();
    private int bodyLen;

    private final boolean fpArith, illegal;

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
    private int rd() { return r.nextInt(40) == 0 ? 0 : 1 + r.nextInt(30); }
    private int rs() { return r.nextInt(31); }
    private int rdNz() { return 1 + r.nextInt(30); }
    private int creg() { return 8 + r.nextInt(8); }
    private int fr() { return r.nextInt(32); }
    private int rm() { return r.nextInt(10) < 3 ? 7 : r.nextInt(5); }

    private int imm12() {
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
    private final List<Insn> cur = new ArrayList<>();

    private void begin(int i) { idx = i; target = -1; xm = 0; fm = 0; cur.clear(); }
    private void x(int... regs) { for (int q : regs) xm |= 1 << q; }
    private void f(int... regs) { for (int q : regs) fm |= 1 << q; }
    private void w(int bits) { cur.add(Insn.of(bits)); }
    private void c(int bits) { cur.add(Insn.c(bits)); }

    private void item(int i) {
        begin(i);
        int k = r.nextInt(100);
        if (k < 14) intR();
        else if (k < 26) intI();
        else if (k < 34) compressedAlu();
        else if (k < 46) memory();
        else if (k < 51) atomic();
        else if (k < 82) fp();
        else if (k < 89) csr();
        else if (k < 97) control(i);
        else if (k < 98 || !illegal) fence();
        else illegal();
        items.add(new Item(idx, cur.toArray(Insn[]::new), target, xm & ~1, fm));
    }

    // ---- integer ----
    /** funct7, funct3, opcode of the register-register integer ops. */
    private static final int[][] R_OPS = {
        {0x00, 0, OP}, {0x20, 0, OP}, {0x00, 1, OP}, {0x00, 2, OP}, {0x00, 3, OP}, {0x00, 4, OP},
        {0x00, 5, OP}, {0x20, 5, OP}, {0x00, 6, OP}, {0x00, 7, OP},
        {0x01, 0, OP}, {0x01, 1, OP}, {0x01, 2, OP}, {0x01, 3, OP}, {0x01, 4, OP}, {0x01, 5, OP}, {0x01, 6, OP}, {0x01, 7, OP},
        {0x00, 0, OP_32}, {0x20, 0, OP_32}, {0x00, 1, OP_32}, {0x00, 5, OP_32}, {0x20, 5, OP_32},
        {0x01, 0, OP_32}, {0x01, 4, OP_32}, {0x01, 5, OP_32}, {0x01, 6, OP_32}, {0x01, 7, OP_32},
        // Zba
        {0x10, 2, OP}, {0x10, 4, OP}, {0x10, 6, OP}, {0x04, 0, OP_32}, {0x10, 2, OP_32}, {0x10, 4, OP_32}, {0x10, 6, OP_32},
        // Zbb
        {0x20, 7, OP}, {0x20, 6, OP}, {0x20, 4, OP}, {0x05, 6, OP}, {0x05, 7, OP}, {0x05, 4, OP}, {0x05, 5, OP},
        {0x30, 1, OP}, {0x30, 5, OP}, {0x30, 1, OP_32}, {0x30, 5, OP_32},
        // Zbs
        {0x24, 1, OP}, {0x24, 5, OP}, {0x34, 1, OP}, {0x14, 1, OP},
    };

    private void intR() {
        int[] o = R_OPS[r.nextInt(R_OPS.length)];
        int rd = rd(), a = rs(), b = r.nextInt(8) == 0 ? a : rs();
        x(rd, a, b);
        // set an operand to an edge value right before the op, so pairs such as INT_MIN / -1
        // or x / 0 meet often whatever the body did to the registers before
        boolean divide = o[0] == 0x01 && o[1] >= 4; // div divu rem remu and W forms: boost their edge cases
        if (a != 0 && r.nextInt(divide ? 2 : 4) == 0) edge(a, false);
        if (b != 0 && b != a && r.nextInt(divide ? 2 : 4) == 0) edge(b, divide);
        w(Enc.r(o[0], b, a, o[1], rd, o[2]));
    }

    /** One or two instructions that set {@code reg} to an integer edge value. */
    private void edge(int reg, boolean divisor) {
        // a divisor is mostly 0 or -1 (64-bit or low word only)
        switch (divisor && r.nextInt(4) != 0 ? new int[] {0, 1, 7}[r.nextInt(3)] : r.nextInt(10)) {
            case 0 -> w(addi(reg, 0, 0));
            case 1 -> w(addi(reg, 0, -1));
            case 2 -> w(addi(reg, 0, 1));
            case 3 -> { w(addi(reg, 0, -1)); w(i(63, reg, 1, reg, OP_IMM)); }            // INT64_MIN
            case 4 -> { w(addi(reg, 0, -1)); w(i(1, reg, 5, reg, OP_IMM)); }             // INT64_MAX
            case 5 -> w(u(0x80000, reg, LUI));                                            // (int) INT32_MIN
            case 6 -> { w(u(0x80000, reg, LUI)); w(i(-1, reg, 0, reg, OP_IMM_32)); }     // INT32_MAX
            case 7 -> { w(addi(reg, 0, -1)); w(i(32, reg, 5, reg, OP_IMM)); }            // 0xffffffff
            case 8 -> { w(addi(reg, 0, 1)); w(i(32, reg, 1, reg, OP_IMM)); }             // 2^32
            default -> { w(addi(reg, 0, 1)); w(i(31, reg, 1, reg, OP_IMM)); }            // 2^31
        }
    }

    private void intI() {
        int rd = rd(), a = rs();
        x(rd, a);
        switch (r.nextInt(14)) {
            case 0, 1 -> w(i(imm12(), a, new int[] {0, 2, 3, 4, 6, 7}[r.nextInt(6)], rd, OP_IMM));
            case 2 -> w(i(imm12(), a, 0, rd, OP_IMM_32)); // addiw
            case 3 -> { // slli srli srai (6-bit shamt)
                int[] ops = {0x000 << 6 | 1, 0x000 << 6 | 5, 0x010 << 6 | 5};
                int o = ops[r.nextInt(3)];
                w(i((o >> 6) << 6 | r.nextInt(64), a, o & 7, rd, OP_IMM));
            }
            case 4 -> { // slliw srliw sraiw
                int[][] ops = {{0x00, 1}, {0x00, 5}, {0x20, 5}};
                int[] o = ops[r.nextInt(3)];
                w(i(o[0] << 5 | r.nextInt(32), a, o[1], rd, OP_IMM_32));
            }
            case 5 -> { // Zbb unary: clz ctz cpop sext.b sext.h, and W forms
                int[] ops = {0x600, 0x601, 0x602, 0x604, 0x605};
                if (r.nextBoolean()) w(i(ops[r.nextInt(5)], a, 1, rd, OP_IMM));
                else {
                    int op = ops[r.nextInt(3)];
                    if (op == 0x601 && Exclusions.QEMU_CTZW_UPPER_WORD) {
                        w(i(0x0a << 6 | 32, a, 1, rd, OP_IMM)); // bseti rd, a, 32
                        a = rd;
                    }
                    w(i(op, a, 1, rd, OP_IMM_32));
                }
            }
            case 6 -> w(i(r.nextBoolean() ? 0x287 : 0x6b8, a, 5, rd, OP_IMM)); // orc.b rev8
            case 7 -> w(Enc.r(0x04, 0, a, 4, rd, OP_32));                       // zext.h
            case 8 -> w(i(0x18 << 6 | r.nextInt(64), a, 5, rd, OP_IMM));         // rori
            case 9 -> w(i(0x30 << 5 | r.nextInt(32), a, 5, rd, OP_IMM_32));      // roriw
            case 10 -> w(i(0x02 << 6 | r.nextInt(64), a, 1, rd, OP_IMM_32));     // slli.uw
            case 11 -> { // bclri bexti binvi bseti
                int[][] ops = {{0x12, 1}, {0x12, 5}, {0x1a, 1}, {0x0a, 1}};
                int[] o = ops[r.nextInt(4)];
                w(i(o[0] << 6 | r.nextInt(64), a, o[1], rd, OP_IMM));
            }
            case 12 -> w(u(r.nextInt(), rd, LUI));
            default -> w(u(r.nextInt(), rd, AUIPC));
        }
    }

    private int nz6() { int v; do v = r.nextInt(-32, 32); while (v == 0); return v; }

    private void compressedAlu() {
        switch (r.nextInt(16)) {
            case 0 -> { int rd = rdNz(); x(rd); c(ci(0, 1, rd, nz6())); }                       // c.addi
            case 1 -> { int rd = rdNz(); x(rd); c(ci(1, 1, rd, r.nextInt(-32, 32))); }          // c.addiw
            case 2 -> { int rd = rdNz(); x(rd); c(ci(2, 1, rd, r.nextInt(-32, 32))); }          // c.li
            case 3 -> { int rd; do rd = rdNz(); while (rd == 2); x(rd); c(cLui(rd, nz6())); }  // c.lui
            case 4 -> { x(2); int v; do v = r.nextInt(-32, 32) * 16; while (v == 0); c(cAddi16sp(v)); }
            case 5 -> { int rd = creg(); x(rd, 2); c(cAddi4spn(rd, (1 + r.nextInt(255)) * 4)); }
            case 6 -> { int rd = creg(); x(rd); c(cAluImm(r.nextInt(2), rd, 1 + r.nextInt(63))); } // c.srli c.srai
            case 7 -> { int rd = creg(); x(rd); c(cAluImm(2, rd, r.nextInt(-32, 32))); }          // c.andi
            case 8, 9 -> { int rd = creg(), b = creg(); x(rd, b); c(cAlu(0, r.nextInt(4), rd, b)); }
            case 10 -> { int rd = creg(), b = creg(); x(rd, b); c(cAlu(1, r.nextInt(2), rd, b)); }
            case 11 -> { int rd = rdNz(); x(rd); c(ci(0, 2, rd, 1 + r.nextInt(63))); }           // c.slli
            case 12 -> { int rd = rdNz(), b = rdNz(); x(rd, b); c(cCr(0, rd, b)); }               // c.mv
            case 13 -> { int rd = rdNz(), b = rdNz(); x(rd, b); c(cCr(1, rd, b)); }               // c.add
            case 14 -> c(0x0001);                                                                  // c.nop
            default -> { int rd = rdNz(); x(rd); c(ci(0, 1, rd, nz6())); }
        }
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
        lastAtomic = cur.get(0);
        lastAtomicWidth = width;
    }

    // ---- floating point ----
    private void fp() {
        int fmt = r.nextInt(2); // 0 = S, 1 = D
        int k = fpArith ? r.nextInt(30) : 27 + r.nextInt(3);
        int fd = fr(), a = fr(), b = r.nextInt(6) == 0 ? a : fr();
        if (k < 21 && a != b && r.nextInt(6) == 0) {
            // b = -a first (fsgnjn b, a, a): x and -x meet (min/max of ±0, x + -x under RDN …)
            f(b);
            w(Enc.r(0x04 << 2 | fmt, a, a, 1, b, OP_FP));
        }
        switch (k) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> {                            // fadd fsub fmul fdiv
                f(fd, a, b);
                w(Enc.r(k / 2 << 2 | fmt, b, a, rm(), fd, OP_FP));
            }
            case 8 -> { f(fd, a); w(Enc.r(0x0b << 2 | fmt, 0, a, rm(), fd, OP_FP)); } // fsqrt
            case 9, 10, 11, 12, 13, 14 -> {                             // fmadd fmsub fnmsub fnmadd
                int c3 = fr();
                f(fd, a, b, c3);
                int op = new int[] {MADD, MSUB, NMSUB, NMADD}[r.nextInt(4)];
                w(r4(c3, fmt, b, a, rm(), fd, op));
            }
            case 15, 16 -> { f(fd, a, b); w(Enc.r(0x04 << 2 | fmt, b, a, r.nextInt(3), fd, OP_FP)); } // fsgnj*
            case 17, 18 -> { f(fd, a, b); w(Enc.r(0x05 << 2 | fmt, b, a, r.nextInt(2), fd, OP_FP)); } // fmin fmax
            case 19, 20 -> { int rd = rd(); x(rd); f(a, b); w(Enc.r(0x14 << 2 | fmt, b, a, r.nextInt(3), rd, OP_FP)); } // fle flt feq
            case 21 -> { int rd = rd(); x(rd); f(a); w(Enc.r(0x1c << 2 | fmt, 0, a, 1, rd, OP_FP)); } // fclass
            case 22, 23 -> {                                            // fcvt.{w,wu,l,lu}.{s,d}
                int rd = rd(); x(rd); f(a);
                w(Enc.r(0x18 << 2 | fmt, r.nextInt(4), a, rm(), rd, OP_FP));
            }
            case 24, 25 -> {                                            // fcvt.{s,d}.{w,wu,l,lu}
                int xs = rs(); x(xs); f(fd);
                w(Enc.r(0x1a << 2 | fmt, r.nextInt(4), xs, rm(), fd, OP_FP));
            }
            case 26 -> {                                                // fcvt.s.d / fcvt.d.s
                f(fd, a);
                w(fmt == 0 ? Enc.r(0x20, 1, a, rm(), fd, OP_FP) : Enc.r(0x21, 0, a, rm(), fd, OP_FP));
            }
            case 27 -> { int rd = rd(); x(rd); f(a); w(Enc.r(0x1c << 2 | fmt, 0, a, 0, rd, OP_FP)); } // fmv.x.w/d
            default -> { int xs = rs(); x(xs); f(fd); w(Enc.r(0x1e << 2 | fmt, 0, xs, 0, fd, OP_FP)); } // fmv.w/d.x
        }
    }

    // ---- CSRs: fflags (1), frm (2), fcsr (3) ----
    private void csr() {
        int rd = rd();
        x(rd);
        int c = 1 + r.nextInt(3);
        switch (r.nextInt(9)) {
            case 0 -> w(Enc.csr(c, 0, 2, rd));                                    // read (csrrs rd, c, x0)
            case 1 -> { int v = rs(); x(v); w(Enc.csr(1, v, 1 + r.nextInt(3), rd)); } // fflags: rw/rs/rc any value
            case 2 -> { int v = rs(); x(v); w(Enc.csr(2 + r.nextInt(2), v, 3, rd)); } // csrrc frm/fcsr: stays valid
            case 3 -> w(Enc.csr(c, c == 2 ? r.nextInt(5) : r.nextInt(32), 5, rd));  // csrrwi
            case 4 -> w(Enc.csr(r.nextBoolean() ? 1 : 3, r.nextInt(32), 6, rd));   // csrrsi fflags/fcsr
            case 5 -> w(Enc.csr(c, r.nextInt(32), 7, rd));                          // csrrci
            case 6, 7 -> {                                                           // set frm / fcsr from a register
                int t = rdNz();
                x(t);
                boolean whole = r.nextBoolean();
                int v = whole ? (r.nextInt(-2048, 2048) & ~0xe0) | r.nextInt(5) << 5 : r.nextInt(5);
                w(addi(t, 0, v));
                w(Enc.csr(whole ? 3 : 2, t, 1, rd));
            }
            default -> { int t = rdNz(); x(t); w(addi(t, 0, r.nextInt(5))); w(Enc.csr(2, t, 1, 0)); } // fsrm
        }
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

    /**
     * Encodings the spec makes illegal or reserved, which Linux on hardware and qemu answer with
     * SIGILL (the program's handler counts and skips them; see {@link Program}). Rivet must trap
     * on exactly the same ones and leave all state alone.
     */
    private void illegal() {
        int rd = rdNz(), a = rs(), fd = fr(), fa = fr();
        switch (r.nextInt(20)) {
            case 0 -> c(0x0000);                                                  // c.unimp (defined illegal)
            case 1 -> w(0xc0001073);                                              // unimp = csrrw x0, cycle, x0 (read-only CSR)
            case 2 -> c(cAddi4spn(creg(), 0) | 0);                                // c.addi4spn nzuimm = 0 (reserved)
            case 3 -> { int q; do q = rdNz(); while (q == 2); c(cLui(q, 0)); }    // c.lui imm = 0 (reserved)
            case 4 -> c(3 << 13 | 2 << 7 | 1);                                    // c.addi16sp imm = 0 (reserved)
            case 5 -> c(cLwsp(r.nextBoolean() ? 2 : 3, 0, r.nextInt(32) * 4));    // c.lwsp / c.ldsp rd = 0 (reserved)
            case 6 -> c(cCr(0, 0, 0));                                            // c.jr x0 (reserved)
            case 7 -> w(i(0x20 | r.nextInt(32), a, new int[] {1, 5}[r.nextInt(2)], rd, OP_IMM_32)); // slliw/srliw shamt[5] = 1
            case 8 -> w(Enc.r(r.nextInt(4) << 2 | r.nextInt(2), fa, fa, 5 + r.nextInt(2), fd, OP_FP)); // fadd..fdiv rm = 5/6
            case 9 -> {                                                            // DYN with an invalid frm, then frm restored
                int keep = rdNz();
                x(keep);
                w(Enc.csr(2, 5 + r.nextInt(3), 5, keep));                          // csrrwi keep, frm, 5..7
                if (r.nextBoolean()) {                                               // an invalid frm still reads back
                    int rd2 = rdNz();
                    while (rd2 == keep) rd2 = rdNz();
                    x(rd2);
                    w(Enc.csr(2 + r.nextInt(2), 0, 2, rd2));
                }
                w(Enc.r(r.nextInt(4) << 2 | r.nextInt(2), fa, fa, 7, fd, OP_FP));
                w(Enc.csr(2, keep, 1, 0));                                          // csrrw x0, frm, keep
            }
            case 10 -> w(Enc.csr(new int[] {0x005, 0x7c0, 0x300, 0x100, 0xc83}[r.nextInt(5)], 0, 2, rd)); // no such CSR for U-mode (0xc83: RV32 only)
            case 11 -> w(Enc.csr(new int[] {0xc00, 0xc01, 0xc02}[r.nextInt(3)], a == 0 ? 1 : a, 1, rd)); // write to a read-only counter
            case 12 -> w(Enc.r(0x0b << 2 | r.nextInt(2), 1 + r.nextInt(31), fa, r.nextInt(5), fd, OP_FP)); // fsqrt rs2 != 0
            case 13 -> w(Enc.r(0x18 << 2 | r.nextInt(2), 4 + r.nextInt(28), fa, r.nextInt(5), rd, OP_FP)); // fcvt.int.fp rs2 > 3
            case 14 -> w(Enc.r(0x00 << 2 | 3, fa, fa, r.nextInt(5), fd, OP_FP));     // fadd.q (no Q)
            case 15 -> w(amo(new int[] {0x05, 0x06, 0x07, 0x09, 0x1e, 0x1f}[r.nextInt(6)], 0, 0, a, BASE_REG, 2 + r.nextInt(2), rd)); // no such AMO
            case 16 -> w(amo(0x01, 0, 0, a, BASE_REG, new int[] {0, 1, 4, 5, 6, 7}[r.nextInt(6)], rd)); // AMO width b/h/q/… (no Zabha)
            case 17 -> w(i(new int[] {0x603, 0x606, 0x607, 0x60f}[r.nextInt(4)], a, 1, rd, OP_IMM)); // Zbb unary: no such rs2
            case 18 -> w(0x30200073);                                              // mret (not in U-mode)
            default -> w(Enc.r(0x1c << 2 | r.nextInt(2), 0, fa, 1 + r.nextInt(7), rd, OP_FP) & ~(7 << 12) | 2 << 12 | 0); // fmv.x.w/fclass funct3 = 2
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
