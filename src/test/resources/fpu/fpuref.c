/*
 * Reference for FpuQemuDiffTest: runs RISC-V F/D instructions under qemu-riscv64.
 * stdin: records {u32 op, u32 rm, u64 a, u64 b, u64 c}; stdout: records {u64 result, u64 fflags}.
 * Opcode = index in the table below, +32 for the D forms. Singles are passed as the low 32
 * bits and loaded with fmv.w.x (NaN-boxed, payload untouched); each instruction uses the
 * static rounding mode rm, with fflags cleared just before it in the same asm block.
 * Generated once by a small script; edit by hand if ops are added (keep the Java table in step).
 */
#include <stdint.h>
#include <unistd.h>

struct in { uint32_t op, rm; uint64_t a, b, c; };
struct out { uint64_t r, fl; };

#define PRE "fsflags zero\n"
#define POST "frflags %1\n"
static void run(struct in *v, struct out *o) {
    uint64_t a = v->a, b = v->b, c = v->c, r = 0, fl = 0;
    switch (v->op * 8 + v->rm) {
    case 0: /* fadd.s,rne */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfadd.s ft3,ft0,ft1,rne\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 1: /* fadd.s,rtz */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfadd.s ft3,ft0,ft1,rtz\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 2: /* fadd.s,rdn */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfadd.s ft3,ft0,ft1,rdn\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 3: /* fadd.s,rup */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfadd.s ft3,ft0,ft1,rup\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 4: /* fadd.s,rmm */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfadd.s ft3,ft0,ft1,rmm\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 8: /* fsub.s,rne */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfsub.s ft3,ft0,ft1,rne\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 9: /* fsub.s,rtz */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfsub.s ft3,ft0,ft1,rtz\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 10: /* fsub.s,rdn */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfsub.s ft3,ft0,ft1,rdn\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 11: /* fsub.s,rup */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfsub.s ft3,ft0,ft1,rup\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 12: /* fsub.s,rmm */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfsub.s ft3,ft0,ft1,rmm\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 16: /* fmul.s,rne */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmul.s ft3,ft0,ft1,rne\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 17: /* fmul.s,rtz */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmul.s ft3,ft0,ft1,rtz\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 18: /* fmul.s,rdn */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmul.s ft3,ft0,ft1,rdn\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 19: /* fmul.s,rup */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmul.s ft3,ft0,ft1,rup\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 20: /* fmul.s,rmm */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmul.s ft3,ft0,ft1,rmm\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 24: /* fdiv.s,rne */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfdiv.s ft3,ft0,ft1,rne\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 25: /* fdiv.s,rtz */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfdiv.s ft3,ft0,ft1,rtz\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 26: /* fdiv.s,rdn */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfdiv.s ft3,ft0,ft1,rdn\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 27: /* fdiv.s,rup */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfdiv.s ft3,ft0,ft1,rup\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 28: /* fdiv.s,rmm */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfdiv.s ft3,ft0,ft1,rmm\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 32: /* fsqrt.s,rne */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfsqrt.s ft3,ft0,rne\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 33: /* fsqrt.s,rtz */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfsqrt.s ft3,ft0,rtz\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 34: /* fsqrt.s,rdn */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfsqrt.s ft3,ft0,rdn\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 35: /* fsqrt.s,rup */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfsqrt.s ft3,ft0,rup\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 36: /* fsqrt.s,rmm */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfsqrt.s ft3,ft0,rmm\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 40: /* fmadd.s,rne */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmv.w.x ft2,%4\nfmadd.s ft3,ft0,ft1,ft2,rne\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 41: /* fmadd.s,rtz */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmv.w.x ft2,%4\nfmadd.s ft3,ft0,ft1,ft2,rtz\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 42: /* fmadd.s,rdn */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmv.w.x ft2,%4\nfmadd.s ft3,ft0,ft1,ft2,rdn\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 43: /* fmadd.s,rup */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmv.w.x ft2,%4\nfmadd.s ft3,ft0,ft1,ft2,rup\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 44: /* fmadd.s,rmm */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmv.w.x ft2,%4\nfmadd.s ft3,ft0,ft1,ft2,rmm\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 48: /* fmsub.s,rne */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmv.w.x ft2,%4\nfmsub.s ft3,ft0,ft1,ft2,rne\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 49: /* fmsub.s,rtz */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmv.w.x ft2,%4\nfmsub.s ft3,ft0,ft1,ft2,rtz\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 50: /* fmsub.s,rdn */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmv.w.x ft2,%4\nfmsub.s ft3,ft0,ft1,ft2,rdn\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 51: /* fmsub.s,rup */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmv.w.x ft2,%4\nfmsub.s ft3,ft0,ft1,ft2,rup\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 52: /* fmsub.s,rmm */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmv.w.x ft2,%4\nfmsub.s ft3,ft0,ft1,ft2,rmm\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 56: /* fnmsub.s,rne */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmv.w.x ft2,%4\nfnmsub.s ft3,ft0,ft1,ft2,rne\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 57: /* fnmsub.s,rtz */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmv.w.x ft2,%4\nfnmsub.s ft3,ft0,ft1,ft2,rtz\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 58: /* fnmsub.s,rdn */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmv.w.x ft2,%4\nfnmsub.s ft3,ft0,ft1,ft2,rdn\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 59: /* fnmsub.s,rup */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmv.w.x ft2,%4\nfnmsub.s ft3,ft0,ft1,ft2,rup\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 60: /* fnmsub.s,rmm */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmv.w.x ft2,%4\nfnmsub.s ft3,ft0,ft1,ft2,rmm\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 64: /* fnmadd.s,rne */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmv.w.x ft2,%4\nfnmadd.s ft3,ft0,ft1,ft2,rne\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 65: /* fnmadd.s,rtz */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmv.w.x ft2,%4\nfnmadd.s ft3,ft0,ft1,ft2,rtz\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 66: /* fnmadd.s,rdn */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmv.w.x ft2,%4\nfnmadd.s ft3,ft0,ft1,ft2,rdn\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 67: /* fnmadd.s,rup */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmv.w.x ft2,%4\nfnmadd.s ft3,ft0,ft1,ft2,rup\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 68: /* fnmadd.s,rmm */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmv.w.x ft2,%4\nfnmadd.s ft3,ft0,ft1,ft2,rmm\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 72: case 73: case 74: case 75: case 76: /* fmin.s */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmin.s ft3,ft0,ft1\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 80: case 81: case 82: case 83: case 84: /* fmax.s */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfmax.s ft3,ft0,ft1\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 88: case 89: case 90: case 91: case 92: /* feq.s */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfeq.s %0,ft0,ft1\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 96: case 97: case 98: case 99: case 100: /* flt.s */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nflt.s %0,ft0,ft1\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 104: case 105: case 106: case 107: case 108: /* fle.s */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfle.s %0,ft0,ft1\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 112: case 113: case 114: case 115: case 116: /* fclass.s */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfclass.s %0,ft0\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 120: /* fcvt.w.s,rne */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfcvt.w.s %0,ft0,rne\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 121: /* fcvt.w.s,rtz */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfcvt.w.s %0,ft0,rtz\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 122: /* fcvt.w.s,rdn */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfcvt.w.s %0,ft0,rdn\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 123: /* fcvt.w.s,rup */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfcvt.w.s %0,ft0,rup\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 124: /* fcvt.w.s,rmm */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfcvt.w.s %0,ft0,rmm\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 128: /* fcvt.wu.s,rne */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfcvt.wu.s %0,ft0,rne\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 129: /* fcvt.wu.s,rtz */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfcvt.wu.s %0,ft0,rtz\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 130: /* fcvt.wu.s,rdn */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfcvt.wu.s %0,ft0,rdn\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 131: /* fcvt.wu.s,rup */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfcvt.wu.s %0,ft0,rup\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 132: /* fcvt.wu.s,rmm */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfcvt.wu.s %0,ft0,rmm\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 136: /* fcvt.l.s,rne */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfcvt.l.s %0,ft0,rne\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 137: /* fcvt.l.s,rtz */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfcvt.l.s %0,ft0,rtz\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 138: /* fcvt.l.s,rdn */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfcvt.l.s %0,ft0,rdn\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 139: /* fcvt.l.s,rup */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfcvt.l.s %0,ft0,rup\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 140: /* fcvt.l.s,rmm */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfcvt.l.s %0,ft0,rmm\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 144: /* fcvt.lu.s,rne */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfcvt.lu.s %0,ft0,rne\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 145: /* fcvt.lu.s,rtz */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfcvt.lu.s %0,ft0,rtz\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 146: /* fcvt.lu.s,rdn */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfcvt.lu.s %0,ft0,rdn\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 147: /* fcvt.lu.s,rup */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfcvt.lu.s %0,ft0,rup\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 148: /* fcvt.lu.s,rmm */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfcvt.lu.s %0,ft0,rmm\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 152: /* fcvt.s.w,rne */
        __asm__ volatile(PRE "fcvt.s.w ft3,%2,rne\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 153: /* fcvt.s.w,rtz */
        __asm__ volatile(PRE "fcvt.s.w ft3,%2,rtz\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 154: /* fcvt.s.w,rdn */
        __asm__ volatile(PRE "fcvt.s.w ft3,%2,rdn\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 155: /* fcvt.s.w,rup */
        __asm__ volatile(PRE "fcvt.s.w ft3,%2,rup\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 156: /* fcvt.s.w,rmm */
        __asm__ volatile(PRE "fcvt.s.w ft3,%2,rmm\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 160: /* fcvt.s.wu,rne */
        __asm__ volatile(PRE "fcvt.s.wu ft3,%2,rne\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 161: /* fcvt.s.wu,rtz */
        __asm__ volatile(PRE "fcvt.s.wu ft3,%2,rtz\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 162: /* fcvt.s.wu,rdn */
        __asm__ volatile(PRE "fcvt.s.wu ft3,%2,rdn\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 163: /* fcvt.s.wu,rup */
        __asm__ volatile(PRE "fcvt.s.wu ft3,%2,rup\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 164: /* fcvt.s.wu,rmm */
        __asm__ volatile(PRE "fcvt.s.wu ft3,%2,rmm\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 168: /* fcvt.s.l,rne */
        __asm__ volatile(PRE "fcvt.s.l ft3,%2,rne\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 169: /* fcvt.s.l,rtz */
        __asm__ volatile(PRE "fcvt.s.l ft3,%2,rtz\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 170: /* fcvt.s.l,rdn */
        __asm__ volatile(PRE "fcvt.s.l ft3,%2,rdn\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 171: /* fcvt.s.l,rup */
        __asm__ volatile(PRE "fcvt.s.l ft3,%2,rup\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 172: /* fcvt.s.l,rmm */
        __asm__ volatile(PRE "fcvt.s.l ft3,%2,rmm\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 176: /* fcvt.s.lu,rne */
        __asm__ volatile(PRE "fcvt.s.lu ft3,%2,rne\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 177: /* fcvt.s.lu,rtz */
        __asm__ volatile(PRE "fcvt.s.lu ft3,%2,rtz\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 178: /* fcvt.s.lu,rdn */
        __asm__ volatile(PRE "fcvt.s.lu ft3,%2,rdn\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 179: /* fcvt.s.lu,rup */
        __asm__ volatile(PRE "fcvt.s.lu ft3,%2,rup\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 180: /* fcvt.s.lu,rmm */
        __asm__ volatile(PRE "fcvt.s.lu ft3,%2,rmm\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 184: /* fcvt.s.d,rne */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfcvt.s.d ft3,ft0,rne\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 185: /* fcvt.s.d,rtz */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfcvt.s.d ft3,ft0,rtz\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 186: /* fcvt.s.d,rdn */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfcvt.s.d ft3,ft0,rdn\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 187: /* fcvt.s.d,rup */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfcvt.s.d ft3,ft0,rup\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 188: /* fcvt.s.d,rmm */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfcvt.s.d ft3,ft0,rmm\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 192: case 193: case 194: case 195: case 196: /* fsgnj.s */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfsgnj.s ft3,ft0,ft1\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 200: case 201: case 202: case 203: case 204: /* fsgnjn.s */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfsgnjn.s ft3,ft0,ft1\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 208: case 209: case 210: case 211: case 212: /* fsgnjx.s */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfmv.w.x ft1,%3\nfsgnjx.s ft3,ft0,ft1\nfmv.x.w %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 256: /* fadd.d,rne */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfadd.d ft3,ft0,ft1,rne\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 257: /* fadd.d,rtz */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfadd.d ft3,ft0,ft1,rtz\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 258: /* fadd.d,rdn */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfadd.d ft3,ft0,ft1,rdn\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 259: /* fadd.d,rup */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfadd.d ft3,ft0,ft1,rup\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 260: /* fadd.d,rmm */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfadd.d ft3,ft0,ft1,rmm\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 264: /* fsub.d,rne */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfsub.d ft3,ft0,ft1,rne\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 265: /* fsub.d,rtz */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfsub.d ft3,ft0,ft1,rtz\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 266: /* fsub.d,rdn */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfsub.d ft3,ft0,ft1,rdn\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 267: /* fsub.d,rup */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfsub.d ft3,ft0,ft1,rup\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 268: /* fsub.d,rmm */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfsub.d ft3,ft0,ft1,rmm\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 272: /* fmul.d,rne */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmul.d ft3,ft0,ft1,rne\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 273: /* fmul.d,rtz */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmul.d ft3,ft0,ft1,rtz\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 274: /* fmul.d,rdn */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmul.d ft3,ft0,ft1,rdn\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 275: /* fmul.d,rup */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmul.d ft3,ft0,ft1,rup\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 276: /* fmul.d,rmm */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmul.d ft3,ft0,ft1,rmm\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 280: /* fdiv.d,rne */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfdiv.d ft3,ft0,ft1,rne\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 281: /* fdiv.d,rtz */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfdiv.d ft3,ft0,ft1,rtz\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 282: /* fdiv.d,rdn */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfdiv.d ft3,ft0,ft1,rdn\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 283: /* fdiv.d,rup */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfdiv.d ft3,ft0,ft1,rup\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 284: /* fdiv.d,rmm */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfdiv.d ft3,ft0,ft1,rmm\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 288: /* fsqrt.d,rne */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfsqrt.d ft3,ft0,rne\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 289: /* fsqrt.d,rtz */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfsqrt.d ft3,ft0,rtz\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 290: /* fsqrt.d,rdn */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfsqrt.d ft3,ft0,rdn\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 291: /* fsqrt.d,rup */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfsqrt.d ft3,ft0,rup\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 292: /* fsqrt.d,rmm */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfsqrt.d ft3,ft0,rmm\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 296: /* fmadd.d,rne */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmv.d.x ft2,%4\nfmadd.d ft3,ft0,ft1,ft2,rne\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 297: /* fmadd.d,rtz */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmv.d.x ft2,%4\nfmadd.d ft3,ft0,ft1,ft2,rtz\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 298: /* fmadd.d,rdn */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmv.d.x ft2,%4\nfmadd.d ft3,ft0,ft1,ft2,rdn\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 299: /* fmadd.d,rup */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmv.d.x ft2,%4\nfmadd.d ft3,ft0,ft1,ft2,rup\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 300: /* fmadd.d,rmm */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmv.d.x ft2,%4\nfmadd.d ft3,ft0,ft1,ft2,rmm\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 304: /* fmsub.d,rne */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmv.d.x ft2,%4\nfmsub.d ft3,ft0,ft1,ft2,rne\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 305: /* fmsub.d,rtz */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmv.d.x ft2,%4\nfmsub.d ft3,ft0,ft1,ft2,rtz\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 306: /* fmsub.d,rdn */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmv.d.x ft2,%4\nfmsub.d ft3,ft0,ft1,ft2,rdn\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 307: /* fmsub.d,rup */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmv.d.x ft2,%4\nfmsub.d ft3,ft0,ft1,ft2,rup\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 308: /* fmsub.d,rmm */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmv.d.x ft2,%4\nfmsub.d ft3,ft0,ft1,ft2,rmm\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 312: /* fnmsub.d,rne */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmv.d.x ft2,%4\nfnmsub.d ft3,ft0,ft1,ft2,rne\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 313: /* fnmsub.d,rtz */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmv.d.x ft2,%4\nfnmsub.d ft3,ft0,ft1,ft2,rtz\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 314: /* fnmsub.d,rdn */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmv.d.x ft2,%4\nfnmsub.d ft3,ft0,ft1,ft2,rdn\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 315: /* fnmsub.d,rup */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmv.d.x ft2,%4\nfnmsub.d ft3,ft0,ft1,ft2,rup\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 316: /* fnmsub.d,rmm */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmv.d.x ft2,%4\nfnmsub.d ft3,ft0,ft1,ft2,rmm\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 320: /* fnmadd.d,rne */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmv.d.x ft2,%4\nfnmadd.d ft3,ft0,ft1,ft2,rne\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 321: /* fnmadd.d,rtz */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmv.d.x ft2,%4\nfnmadd.d ft3,ft0,ft1,ft2,rtz\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 322: /* fnmadd.d,rdn */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmv.d.x ft2,%4\nfnmadd.d ft3,ft0,ft1,ft2,rdn\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 323: /* fnmadd.d,rup */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmv.d.x ft2,%4\nfnmadd.d ft3,ft0,ft1,ft2,rup\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 324: /* fnmadd.d,rmm */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmv.d.x ft2,%4\nfnmadd.d ft3,ft0,ft1,ft2,rmm\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 328: case 329: case 330: case 331: case 332: /* fmin.d */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmin.d ft3,ft0,ft1\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 336: case 337: case 338: case 339: case 340: /* fmax.d */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfmax.d ft3,ft0,ft1\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 344: case 345: case 346: case 347: case 348: /* feq.d */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfeq.d %0,ft0,ft1\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 352: case 353: case 354: case 355: case 356: /* flt.d */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nflt.d %0,ft0,ft1\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 360: case 361: case 362: case 363: case 364: /* fle.d */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfle.d %0,ft0,ft1\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 368: case 369: case 370: case 371: case 372: /* fclass.d */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfclass.d %0,ft0\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 376: /* fcvt.w.d,rne */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfcvt.w.d %0,ft0,rne\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 377: /* fcvt.w.d,rtz */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfcvt.w.d %0,ft0,rtz\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 378: /* fcvt.w.d,rdn */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfcvt.w.d %0,ft0,rdn\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 379: /* fcvt.w.d,rup */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfcvt.w.d %0,ft0,rup\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 380: /* fcvt.w.d,rmm */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfcvt.w.d %0,ft0,rmm\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 384: /* fcvt.wu.d,rne */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfcvt.wu.d %0,ft0,rne\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 385: /* fcvt.wu.d,rtz */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfcvt.wu.d %0,ft0,rtz\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 386: /* fcvt.wu.d,rdn */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfcvt.wu.d %0,ft0,rdn\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 387: /* fcvt.wu.d,rup */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfcvt.wu.d %0,ft0,rup\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 388: /* fcvt.wu.d,rmm */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfcvt.wu.d %0,ft0,rmm\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 392: /* fcvt.l.d,rne */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfcvt.l.d %0,ft0,rne\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 393: /* fcvt.l.d,rtz */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfcvt.l.d %0,ft0,rtz\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 394: /* fcvt.l.d,rdn */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfcvt.l.d %0,ft0,rdn\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 395: /* fcvt.l.d,rup */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfcvt.l.d %0,ft0,rup\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 396: /* fcvt.l.d,rmm */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfcvt.l.d %0,ft0,rmm\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 400: /* fcvt.lu.d,rne */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfcvt.lu.d %0,ft0,rne\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 401: /* fcvt.lu.d,rtz */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfcvt.lu.d %0,ft0,rtz\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 402: /* fcvt.lu.d,rdn */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfcvt.lu.d %0,ft0,rdn\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 403: /* fcvt.lu.d,rup */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfcvt.lu.d %0,ft0,rup\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 404: /* fcvt.lu.d,rmm */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfcvt.lu.d %0,ft0,rmm\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 408: /* fcvt.d.w (exact: no rm) */
        __asm__ volatile(PRE "fcvt.d.w ft3,%2\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 409: /* fcvt.d.w (exact: no rm) */
        __asm__ volatile(PRE "fcvt.d.w ft3,%2\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 410: /* fcvt.d.w (exact: no rm) */
        __asm__ volatile(PRE "fcvt.d.w ft3,%2\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 411: /* fcvt.d.w (exact: no rm) */
        __asm__ volatile(PRE "fcvt.d.w ft3,%2\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 412: /* fcvt.d.w (exact: no rm) */
        __asm__ volatile(PRE "fcvt.d.w ft3,%2\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 416: /* fcvt.d.wu (exact: no rm) */
        __asm__ volatile(PRE "fcvt.d.wu ft3,%2\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 417: /* fcvt.d.wu (exact: no rm) */
        __asm__ volatile(PRE "fcvt.d.wu ft3,%2\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 418: /* fcvt.d.wu (exact: no rm) */
        __asm__ volatile(PRE "fcvt.d.wu ft3,%2\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 419: /* fcvt.d.wu (exact: no rm) */
        __asm__ volatile(PRE "fcvt.d.wu ft3,%2\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 420: /* fcvt.d.wu (exact: no rm) */
        __asm__ volatile(PRE "fcvt.d.wu ft3,%2\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 424: /* fcvt.d.l,rne */
        __asm__ volatile(PRE "fcvt.d.l ft3,%2,rne\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 425: /* fcvt.d.l,rtz */
        __asm__ volatile(PRE "fcvt.d.l ft3,%2,rtz\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 426: /* fcvt.d.l,rdn */
        __asm__ volatile(PRE "fcvt.d.l ft3,%2,rdn\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 427: /* fcvt.d.l,rup */
        __asm__ volatile(PRE "fcvt.d.l ft3,%2,rup\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 428: /* fcvt.d.l,rmm */
        __asm__ volatile(PRE "fcvt.d.l ft3,%2,rmm\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 432: /* fcvt.d.lu,rne */
        __asm__ volatile(PRE "fcvt.d.lu ft3,%2,rne\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 433: /* fcvt.d.lu,rtz */
        __asm__ volatile(PRE "fcvt.d.lu ft3,%2,rtz\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 434: /* fcvt.d.lu,rdn */
        __asm__ volatile(PRE "fcvt.d.lu ft3,%2,rdn\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 435: /* fcvt.d.lu,rup */
        __asm__ volatile(PRE "fcvt.d.lu ft3,%2,rup\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 436: /* fcvt.d.lu,rmm */
        __asm__ volatile(PRE "fcvt.d.lu ft3,%2,rmm\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 440: /* fcvt.d.s (exact: no rm) */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfcvt.d.s ft3,ft0\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 441: /* fcvt.d.s (exact: no rm) */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfcvt.d.s ft3,ft0\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 442: /* fcvt.d.s (exact: no rm) */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfcvt.d.s ft3,ft0\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 443: /* fcvt.d.s (exact: no rm) */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfcvt.d.s ft3,ft0\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 444: /* fcvt.d.s (exact: no rm) */
        __asm__ volatile(PRE "fmv.w.x ft0,%2\nfcvt.d.s ft3,ft0\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 448: case 449: case 450: case 451: case 452: /* fsgnj.d */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfsgnj.d ft3,ft0,ft1\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 456: case 457: case 458: case 459: case 460: /* fsgnjn.d */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfsgnjn.d ft3,ft0,ft1\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    case 464: case 465: case 466: case 467: case 468: /* fsgnjx.d */
        __asm__ volatile(PRE "fmv.d.x ft0,%2\nfmv.d.x ft1,%3\nfsgnjx.d ft3,ft0,ft1\nfmv.x.d %0,ft3\n" POST : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); break;
    default: r = 0xdeadbeefdeadbeefULL; fl = 0xffffffffffffffffULL; break;
    }
    o->r = r;
    o->fl = fl;
}

static int readall(void *p, size_t n) {
    size_t got = 0;
    while (got < n) {
        ssize_t k = read(0, (char *) p + got, n - got);
        if (k <= 0) return got == 0 ? 0 : -1;
        got += (size_t) k;
    }
    return 1;
}

static void writeall(const void *p, size_t n) {
    size_t done = 0;
    while (done < n) {
        ssize_t k = write(1, (const char *) p + done, n - done);
        if (k <= 0) _exit(2);
        done += (size_t) k;
    }
}

enum { BATCH = 4096 };
static struct in ins[BATCH];
static struct out outs[BATCH];

int main(void) {
    for (;;) {
        int n = 0;
        while (n < BATCH) {
            int k = readall(&ins[n], sizeof ins[n]);
            if (k < 0) return 3;
            if (k == 0) break;
            n++;
        }
        if (n == 0) return 0;
        for (int i = 0; i < n; i++) run(&ins[i], &outs[i]);
        writeall(outs, (size_t) n * sizeof outs[0]);
        if (n < BATCH) return 0;
    }
}
