package dev.rivet.fuzz;

import static dev.rivet.fuzz.Enc.*;
import static dev.rivet.fuzz.Layout.*;

/** The F/D and fflags/frm/fcsr items of {@link Gen}. */
final class GenFp {
    private GenFp() {}

    // ---- floating point ----
    static void fp(Gen g) {
        int fmt = g.r.nextInt(2); // 0 = S, 1 = D
        int k = g.fpArith ? g.r.nextInt(30) : 27 + g.r.nextInt(3);
        int fd = g.fr(), a = g.fr(), b = g.r.nextInt(6) == 0 ? a : g.fr();
        if (k < 21 && a != b && g.r.nextInt(6) == 0) {
            // b = -a first (fsgnjn b, a, a): x and -x meet (min/max of ±0, x + -x under RDN …)
            g.f(b);
            g.w(Enc.r(0x04 << 2 | fmt, a, a, 1, b, OP_FP));
        }
        switch (k) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> {                            // fadd fsub fmul fdiv
                g.f(fd, a, b);
                g.w(Enc.r(k / 2 << 2 | fmt, b, a, g.rm(), fd, OP_FP));
            }
            case 8 -> { g.f(fd, a); g.w(Enc.r(0x0b << 2 | fmt, 0, a, g.rm(), fd, OP_FP)); } // fsqrt
            case 9, 10, 11, 12, 13, 14 -> {                             // fmadd fmsub fnmsub fnmadd
                int c3 = g.fr();
                g.f(fd, a, b, c3);
                int op = new int[] {MADD, MSUB, NMSUB, NMADD}[g.r.nextInt(4)];
                g.w(r4(c3, fmt, b, a, g.rm(), fd, op));
            }
            case 15, 16 -> { g.f(fd, a, b); g.w(Enc.r(0x04 << 2 | fmt, b, a, g.r.nextInt(3), fd, OP_FP)); } // fsgnj*
            case 17, 18 -> { g.f(fd, a, b); g.w(Enc.r(0x05 << 2 | fmt, b, a, g.r.nextInt(2), fd, OP_FP)); } // fmin fmax
            case 19, 20 -> { int rd = g.rd(); g.x(rd); g.f(a, b); g.w(Enc.r(0x14 << 2 | fmt, b, a, g.r.nextInt(3), rd, OP_FP)); } // fle flt feq
            case 21 -> { int rd = g.rd(); g.x(rd); g.f(a); g.w(Enc.r(0x1c << 2 | fmt, 0, a, 1, rd, OP_FP)); } // fclass
            case 22, 23 -> {                                            // fcvt.{w,wu,l,lu}.{s,d}
                int rd = g.rd(); g.x(rd); g.f(a);
                g.w(Enc.r(0x18 << 2 | fmt, g.r.nextInt(4), a, g.rm(), rd, OP_FP));
            }
            case 24, 25 -> {                                            // fcvt.{s,d}.{w,wu,l,lu}
                int xs = g.rs(); g.x(xs); g.f(fd);
                g.w(Enc.r(0x1a << 2 | fmt, g.r.nextInt(4), xs, g.rm(), fd, OP_FP));
            }
            case 26 -> {                                                // fcvt.s.d / fcvt.d.s
                g.f(fd, a);
                g.w(fmt == 0 ? Enc.r(0x20, 1, a, g.rm(), fd, OP_FP) : Enc.r(0x21, 0, a, g.rm(), fd, OP_FP));
            }
            case 27 -> { int rd = g.rd(); g.x(rd); g.f(a); g.w(Enc.r(0x1c << 2 | fmt, 0, a, 0, rd, OP_FP)); } // fmv.x.w/d
            default -> { int xs = g.rs(); g.x(xs); g.f(fd); g.w(Enc.r(0x1e << 2 | fmt, 0, xs, 0, fd, OP_FP)); } // fmv.w/d.x
        }
    }

    // ---- CSRs: fflags (1), frm (2), fcsr (3) ----
    static void csr(Gen g) {
        int rd = g.rd();
        g.x(rd);
        int c = 1 + g.r.nextInt(3);
        switch (g.r.nextInt(9)) {
            case 0 -> g.w(Enc.csr(c, 0, 2, rd));                                    // read (csrrs rd, c, x0)
            case 1 -> { int v = g.rs(); g.x(v); g.w(Enc.csr(1, v, 1 + g.r.nextInt(3), rd)); } // fflags: rw/rs/rc any value
            case 2 -> { int v = g.rs(); g.x(v); g.w(Enc.csr(2 + g.r.nextInt(2), v, 3, rd)); } // csrrc frm/fcsr: stays valid
            case 3 -> g.w(Enc.csr(c, c == 2 ? g.r.nextInt(5) : g.r.nextInt(32), 5, rd));  // csrrwi
            case 4 -> g.w(Enc.csr(g.r.nextBoolean() ? 1 : 3, g.r.nextInt(32), 6, rd));   // csrrsi fflags/fcsr
            case 5 -> g.w(Enc.csr(c, g.r.nextInt(32), 7, rd));                          // csrrci
            case 6, 7 -> {                                                           // set frm / fcsr from a register
                int t = g.rdNz();
                g.x(t);
                boolean whole = g.r.nextBoolean();
                int v = whole ? (g.r.nextInt(-2048, 2048) & ~0xe0) | g.r.nextInt(5) << 5 : g.r.nextInt(5);
                g.w(addi(t, 0, v));
                g.w(Enc.csr(whole ? 3 : 2, t, 1, rd));
            }
            default -> { int t = g.rdNz(); g.x(t); g.w(addi(t, 0, g.r.nextInt(5))); g.w(Enc.csr(2, t, 1, 0)); } // fsrm
        }
    }
}
