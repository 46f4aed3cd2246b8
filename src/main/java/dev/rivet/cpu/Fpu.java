package dev.rivet.cpu;

/**
 * PLACEHOLDER so the cpu branch compiles: exactly the FPU API of /work/prompts/fpuapi.md with
 * bodies that throw. The fpu branch's real Fpu replaces this file at merge (take theirs).
 */
public final class Fpu {
    private Fpu() {}

    public static int faddS(Hart h, int a, int b, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static int fsubS(Hart h, int a, int b, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static int fmulS(Hart h, int a, int b, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static int fdivS(Hart h, int a, int b, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static int fsqrtS(Hart h, int a, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long faddD(Hart h, long a, long b, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fsubD(Hart h, long a, long b, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fmulD(Hart h, long a, long b, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fdivD(Hart h, long a, long b, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fsqrtD(Hart h, long a, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static int fmaddS(Hart h, int a, int b, int c, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static int fmsubS(Hart h, int a, int b, int c, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static int fnmsubS(Hart h, int a, int b, int c, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static int fnmaddS(Hart h, int a, int b, int c, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fmaddD(Hart h, long a, long b, long c, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fmsubD(Hart h, long a, long b, long c, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fnmsubD(Hart h, long a, long b, long c, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fnmaddD(Hart h, long a, long b, long c, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static int fminS(Hart h, int a, int b) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static int fmaxS(Hart h, int a, int b) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fminD(Hart h, long a, long b) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fmaxD(Hart h, long a, long b) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long feqS(Hart h, int a, int b) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fltS(Hart h, int a, int b) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fleS(Hart h, int a, int b) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long feqD(Hart h, long a, long b) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fltD(Hart h, long a, long b) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fleD(Hart h, long a, long b) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fclassS(int a) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fclassD(long a) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static int fsgnjS(int a, int b) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static int fsgnjnS(int a, int b) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static int fsgnjxS(int a, int b) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fsgnjD(long a, long b) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fsgnjnD(long a, long b) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fsgnjxD(long a, long b) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fcvtWS(Hart h, int a, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fcvtWUS(Hart h, int a, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fcvtLS(Hart h, int a, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fcvtLUS(Hart h, int a, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fcvtWD(Hart h, long a, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fcvtWUD(Hart h, long a, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fcvtLD(Hart h, long a, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fcvtLUD(Hart h, long a, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static int fcvtSW(Hart h, long x, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static int fcvtSWU(Hart h, long x, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static int fcvtSL(Hart h, long x, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static int fcvtSLU(Hart h, long x, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fcvtDW(Hart h, long x, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fcvtDWU(Hart h, long x, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fcvtDL(Hart h, long x, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fcvtDLU(Hart h, long x, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static int fcvtSD(Hart h, long a, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
    public static long fcvtDS(Hart h, int a, int rm) { throw new UnsupportedOperationException("FPU not merged yet"); }
}
