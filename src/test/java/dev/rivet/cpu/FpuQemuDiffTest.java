package dev.rivet.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Differential test of {@link Fpu} against qemu-riscv64's softfloat: the riscv64 program
 * src/test/resources/fpu/fpuref.c (built here with the cross gcc) executes each vector's
 * instruction with a static rounding mode and reports the result bits and fflags. Every vector
 * is run through Fpu twice, with fflags clear and with NX already set (which changes which
 * fast paths apply), and through the SoftFloat routine alone where Fpu has fast paths; all
 * must agree with qemu.
 */
class FpuQemuDiffTest {
    /** Vectors per op and rounding mode. */
    static final int PER_RM = Integer.getInteger("fpu.diff.perRm", 4000);
    static final Path HOME = Path.of(System.getProperty("rivet.home", "."));
    static final Path SRC = HOME.resolve("src/test/resources/fpu/fpuref.c");
    static final Path BIN = HOME.resolve("target/fpu/fpuref");
    /** The musl sysroot that scripts/toolchain.sh prepares. */
    static final Path SPECS = HOME.resolve(".cache/musl/usr/lib/riscv64-linux-musl/musl-gcc.specs");

    enum Shape { R2, R1, R3, N2, C2, C1, FI, IF }

    interface Impl { long apply(Hart h, long a, long b, long c, int rm); }

    /**
     * One instruction: opcode as in fpuref.c, operand format(s), whether the result is a single,
     * the Fpu method, and for ops that have Java fast paths the SoftFloat routine alone (so the
     * exact path is compared on ordinary operands too, not only where the fast path gives up).
     */
    record Op(int code, String name, Shape shape, FpFormat in, boolean singleResult, Impl impl, Impl soft) {}

    static final List<Op> OPS = new ArrayList<>();

    static void op(int code, String name, Shape shape, FpFormat in, boolean singleResult, Impl impl) {
        OPS.add(new Op(code, name, shape, in, singleResult, impl, soft(name)));
    }

    static Impl soft(String name) {
        FpFormat S = FpFormat.S, D = FpFormat.D;
        FpFormat f = name.endsWith(".s") ? S : D;
        return switch (name.substring(0, name.length() - 2)) {
            case "fadd" -> (h, a, b, c, rm) -> SoftFloat.add(h, f, a, b, rm);
            case "fsub" -> (h, a, b, c, rm) -> SoftFloat.sub(h, f, a, b, rm);
            case "fmul" -> (h, a, b, c, rm) -> SoftFloat.mul(h, f, a, b, rm);
            case "fdiv" -> (h, a, b, c, rm) -> SoftFloat.div(h, f, a, b, rm);
            case "fsqrt" -> (h, a, b, c, rm) -> SoftFloat.sqrt(h, f, a, rm);
            case "fmadd" -> (h, a, b, c, rm) -> SoftFloat.fma(h, f, a, b, c, false, false, rm);
            case "fmsub" -> (h, a, b, c, rm) -> SoftFloat.fma(h, f, a, b, c, false, true, rm);
            case "fnmsub" -> (h, a, b, c, rm) -> SoftFloat.fma(h, f, a, b, c, true, false, rm);
            case "fnmadd" -> (h, a, b, c, rm) -> SoftFloat.fma(h, f, a, b, c, true, true, rm);
            case "fcvt.s" -> name.equals("fcvt.s.d") ? (h, a, b, c, rm) -> SoftFloat.convert(h, D, S, a, rm) : null;
            default -> null;
        };
    }

    static long u(int x) { return x & 0xffffffffL; }

    static {
        FpFormat S = FpFormat.S, D = FpFormat.D;
        op(0, "fadd.s", Shape.R2, S, true, (h, a, b, c, rm) -> u(Fpu.faddS(h, (int) a, (int) b, rm)));
        op(1, "fsub.s", Shape.R2, S, true, (h, a, b, c, rm) -> u(Fpu.fsubS(h, (int) a, (int) b, rm)));
        op(2, "fmul.s", Shape.R2, S, true, (h, a, b, c, rm) -> u(Fpu.fmulS(h, (int) a, (int) b, rm)));
        op(3, "fdiv.s", Shape.R2, S, true, (h, a, b, c, rm) -> u(Fpu.fdivS(h, (int) a, (int) b, rm)));
        op(4, "fsqrt.s", Shape.R1, S, true, (h, a, b, c, rm) -> u(Fpu.fsqrtS(h, (int) a, rm)));
        op(5, "fmadd.s", Shape.R3, S, true, (h, a, b, c, rm) -> u(Fpu.fmaddS(h, (int) a, (int) b, (int) c, rm)));
        op(6, "fmsub.s", Shape.R3, S, true, (h, a, b, c, rm) -> u(Fpu.fmsubS(h, (int) a, (int) b, (int) c, rm)));
        op(7, "fnmsub.s", Shape.R3, S, true, (h, a, b, c, rm) -> u(Fpu.fnmsubS(h, (int) a, (int) b, (int) c, rm)));
        op(8, "fnmadd.s", Shape.R3, S, true, (h, a, b, c, rm) -> u(Fpu.fnmaddS(h, (int) a, (int) b, (int) c, rm)));
        op(9, "fmin.s", Shape.N2, S, true, (h, a, b, c, rm) -> u(Fpu.fminS(h, (int) a, (int) b)));
        op(10, "fmax.s", Shape.N2, S, true, (h, a, b, c, rm) -> u(Fpu.fmaxS(h, (int) a, (int) b)));
        op(11, "feq.s", Shape.C2, S, false, (h, a, b, c, rm) -> Fpu.feqS(h, (int) a, (int) b));
        op(12, "flt.s", Shape.C2, S, false, (h, a, b, c, rm) -> Fpu.fltS(h, (int) a, (int) b));
        op(13, "fle.s", Shape.C2, S, false, (h, a, b, c, rm) -> Fpu.fleS(h, (int) a, (int) b));
        op(14, "fclass.s", Shape.C1, S, false, (h, a, b, c, rm) -> Fpu.fclassS((int) a));
        op(15, "fcvt.w.s", Shape.FI, S, false, (h, a, b, c, rm) -> Fpu.fcvtWS(h, (int) a, rm));
        op(16, "fcvt.wu.s", Shape.FI, S, false, (h, a, b, c, rm) -> Fpu.fcvtWUS(h, (int) a, rm));
        op(17, "fcvt.l.s", Shape.FI, S, false, (h, a, b, c, rm) -> Fpu.fcvtLS(h, (int) a, rm));
        op(18, "fcvt.lu.s", Shape.FI, S, false, (h, a, b, c, rm) -> Fpu.fcvtLUS(h, (int) a, rm));
        op(19, "fcvt.s.w", Shape.IF, S, true, (h, a, b, c, rm) -> u(Fpu.fcvtSW(h, a, rm)));
        op(20, "fcvt.s.wu", Shape.IF, S, true, (h, a, b, c, rm) -> u(Fpu.fcvtSWU(h, a, rm)));
        op(21, "fcvt.s.l", Shape.IF, S, true, (h, a, b, c, rm) -> u(Fpu.fcvtSL(h, a, rm)));
        op(22, "fcvt.s.lu", Shape.IF, S, true, (h, a, b, c, rm) -> u(Fpu.fcvtSLU(h, a, rm)));
        op(23, "fcvt.s.d", Shape.R1, D, true, (h, a, b, c, rm) -> u(Fpu.fcvtSD(h, a, rm)));
        op(24, "fsgnj.s", Shape.N2, S, true, (h, a, b, c, rm) -> u(Fpu.fsgnjS((int) a, (int) b)));
        op(25, "fsgnjn.s", Shape.N2, S, true, (h, a, b, c, rm) -> u(Fpu.fsgnjnS((int) a, (int) b)));
        op(26, "fsgnjx.s", Shape.N2, S, true, (h, a, b, c, rm) -> u(Fpu.fsgnjxS((int) a, (int) b)));
        op(32, "fadd.d", Shape.R2, D, false, (h, a, b, c, rm) -> Fpu.faddD(h, a, b, rm));
        op(33, "fsub.d", Shape.R2, D, false, (h, a, b, c, rm) -> Fpu.fsubD(h, a, b, rm));
        op(34, "fmul.d", Shape.R2, D, false, (h, a, b, c, rm) -> Fpu.fmulD(h, a, b, rm));
        op(35, "fdiv.d", Shape.R2, D, false, (h, a, b, c, rm) -> Fpu.fdivD(h, a, b, rm));
        op(36, "fsqrt.d", Shape.R1, D, false, (h, a, b, c, rm) -> Fpu.fsqrtD(h, a, rm));
        op(37, "fmadd.d", Shape.R3, D, false, (h, a, b, c, rm) -> Fpu.fmaddD(h, a, b, c, rm));
        op(38, "fmsub.d", Shape.R3, D, false, (h, a, b, c, rm) -> Fpu.fmsubD(h, a, b, c, rm));
        op(39, "fnmsub.d", Shape.R3, D, false, (h, a, b, c, rm) -> Fpu.fnmsubD(h, a, b, c, rm));
        op(40, "fnmadd.d", Shape.R3, D, false, (h, a, b, c, rm) -> Fpu.fnmaddD(h, a, b, c, rm));
        op(41, "fmin.d", Shape.N2, D, false, (h, a, b, c, rm) -> Fpu.fminD(h, a, b));
        op(42, "fmax.d", Shape.N2, D, false, (h, a, b, c, rm) -> Fpu.fmaxD(h, a, b));
        op(43, "feq.d", Shape.C2, D, false, (h, a, b, c, rm) -> Fpu.feqD(h, a, b));
        op(44, "flt.d", Shape.C2, D, false, (h, a, b, c, rm) -> Fpu.fltD(h, a, b));
        op(45, "fle.d", Shape.C2, D, false, (h, a, b, c, rm) -> Fpu.fleD(h, a, b));
        op(46, "fclass.d", Shape.C1, D, false, (h, a, b, c, rm) -> Fpu.fclassD(a));
        op(47, "fcvt.w.d", Shape.FI, D, false, (h, a, b, c, rm) -> Fpu.fcvtWD(h, a, rm));
        op(48, "fcvt.wu.d", Shape.FI, D, false, (h, a, b, c, rm) -> Fpu.fcvtWUD(h, a, rm));
        op(49, "fcvt.l.d", Shape.FI, D, false, (h, a, b, c, rm) -> Fpu.fcvtLD(h, a, rm));
        op(50, "fcvt.lu.d", Shape.FI, D, false, (h, a, b, c, rm) -> Fpu.fcvtLUD(h, a, rm));
        op(51, "fcvt.d.w", Shape.IF, D, false, (h, a, b, c, rm) -> Fpu.fcvtDW(h, a, rm));
        op(52, "fcvt.d.wu", Shape.IF, D, false, (h, a, b, c, rm) -> Fpu.fcvtDWU(h, a, rm));
        op(53, "fcvt.d.l", Shape.IF, D, false, (h, a, b, c, rm) -> Fpu.fcvtDL(h, a, rm));
        op(54, "fcvt.d.lu", Shape.IF, D, false, (h, a, b, c, rm) -> Fpu.fcvtDLU(h, a, rm));
        op(55, "fcvt.d.s", Shape.R1, S, false, (h, a, b, c, rm) -> Fpu.fcvtDS(h, (int) a, rm));
        op(56, "fsgnj.d", Shape.N2, D, false, (h, a, b, c, rm) -> Fpu.fsgnjD(a, b));
        op(57, "fsgnjn.d", Shape.N2, D, false, (h, a, b, c, rm) -> Fpu.fsgnjnD(a, b));
        op(58, "fsgnjx.d", Shape.N2, D, false, (h, a, b, c, rm) -> Fpu.fsgnjxD(a, b));
    }

    static Path reference() throws IOException, InterruptedException {
        Assumptions.assumeTrue(onPath("qemu-riscv64") && onPath("riscv64-linux-gnu-gcc") && Files.exists(SPECS),
                "qemu-riscv64, the riscv64 cross gcc and the musl sysroot (scripts/toolchain.sh) are needed");
        if (!Files.exists(BIN) || Files.getLastModifiedTime(BIN).compareTo(Files.getLastModifiedTime(SRC)) < 0) {
            Files.createDirectories(BIN.getParent());
            Process p = new ProcessBuilder("riscv64-linux-gnu-gcc", "-specs", SPECS.toString(), "-static", "-O2",
                    SRC.toString(), "-o", BIN.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), "building fpuref: " + out);
        }
        return BIN;
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }

    /** Runs the vectors (op, rm, a, b, c) under qemu; returns {result, fflags} pairs. */
    static long[] runQemu(Path bin, ByteBuffer in, int n) throws Exception {
        return runGuest(List.of("qemu-riscv64", bin.toString()), in, n);
    }

    /** Runs the reference program with a launcher command; returns {result, fflags} pairs. */
    static long[] runGuest(List<String> command, ByteBuffer in, int n) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Thread writer = Thread.ofPlatform().start(() -> {
            try (OutputStream os = p.getOutputStream()) {
                os.write(in.array(), 0, n * 32);
            } catch (IOException e) {
                // the reader sees the short output
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        writer.join();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), command + " timed out");
        assertEquals(0, p.exitValue(), command + ": exit status");
        assertEquals(n * 16, out.length, command + ": output size");
        ByteBuffer ob = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        long[] r = new long[2 * n];
        for (int i = 0; i < 2 * n; i++) r[i] = ob.getLong();
        return r;
    }

    @Test
    void agreesWithQemu() throws Exception {
        Path bin = reference();
        Vectors gen = new Vectors(new SplittableRandom(Long.getLong("fpu.diff.seed", 0x5eed_f10a7L)));
        int total = 0, mismatches = 0, excluded = 0;
        List<String> report = new ArrayList<>();
        StringBuilder counts = new StringBuilder();
        for (Op op : OPS) {
            int n = PER_RM * 5;
            ByteBuffer in = ByteBuffer.allocate(n * 32).order(ByteOrder.LITTLE_ENDIAN);
            long[][] vec = new long[n][];
            for (int i = 0; i < n; i++) {
                int rm = i % 5;
                long[] v = gen.vector(op);
                vec[i] = v;
                in.putInt(op.code()).putInt(rm).putLong(v[0]).putLong(v[1]).putLong(v[2]);
            }
            long[] q = runQemu(bin, in, n);
            int opMismatch = 0;
            for (int i = 0; i < n; i++) {
                int rm = i % 5;
                long[] v = vec[i];
                long qr = op.singleResult() ? q[2 * i] & 0xffffffffL : q[2 * i];
                int qf = (int) q[2 * i + 1];
                String why = qemuWrong(op.name(), v, rm, qr, qf);
                if (why != null) {
                    excluded++;
                    continue;
                }
                for (int run = 0; run < 3; run++) {
                    Impl impl = run < 2 ? op.impl() : op.soft();
                    if (impl == null) continue;
                    int preset = run == 1 ? Fpu.NX : 0;
                    Hart h = new Hart(null);
                    h.fflags = preset;
                    long r = impl.apply(h, v[0], v[1], v[2], rm);
                    if (r != qr || h.fflags != (qf | preset)) {
                        opMismatch++;
                        if (report.size() < 25) {
                            report.add(String.format("%s%s rm=%d a=%x b=%x c=%x preset=%x: qemu %x flags %x, Fpu %x flags %x",
                                    op.name(), run == 2 ? " (SoftFloat alone)" : "", rm, v[0], v[1], v[2], preset, qr, qf, r, h.fflags));
                        }
                    }
                }
            }
            total += n;
            mismatches += opMismatch;
            counts.append(String.format("%-10s %6d vectors, %d mismatches%n", op.name(), n, opMismatch));
        }
        System.out.print(counts);
        System.out.printf("FpuQemuDiffTest: %d vectors (each through Fpu with fflags clear and with NX set, and through SoftFloat alone where Fpu has fast paths), %d mismatches, %d excluded%n",
                total, mismatches, excluded);
        if (mismatches != 0) fail(mismatches + " mismatches against qemu, first ones:\n" + String.join("\n", report));
    }

    /**
     * The same reference program run by Rivet itself (interpreter, F/D decoding, NaN-boxing,
     * fcsr access through fsflags/frflags, all calling Fpu) must write exactly what qemu writes.
     */
    @Test
    void rivetRunsTheReferenceLikeQemu() throws Exception {
        Path bin = reference();
        Path launcher = HOME.resolve("rivet");
        Assumptions.assumeTrue(Files.isExecutable(launcher) && Files.exists(HOME.resolve("target/classes/dev/rivet/cli/Main.class")),
                "the rivet launcher and compiled classes are needed");
        Vectors gen = new Vectors(new SplittableRandom(0x71e7L));
        int per = 2000, n = per * OPS.size();
        ByteBuffer in = ByteBuffer.allocate(n * 32).order(ByteOrder.LITTLE_ENDIAN);
        String[] names = new String[n];
        int i = 0;
        for (Op op : OPS) {
            for (int k = 0; k < per; k++, i++) {
                long[] v = gen.vector(op);
                names[i] = String.format("%s rm=%d a=%x b=%x c=%x", op.name(), k % 5, v[0], v[1], v[2]);
                in.putInt(op.code()).putInt(k % 5).putLong(v[0]).putLong(v[1]).putLong(v[2]);
            }
        }
        long[] q = runQemu(bin, in, n);
        long[] r = runGuest(List.of(launcher.toString(), "run", bin.toString()), in, n);
        List<String> report = new ArrayList<>();
        int mismatches = 0;
        for (i = 0; i < n; i++) {
            if (q[2 * i] != r[2 * i] || q[2 * i + 1] != r[2 * i + 1]) {
                if (mismatches++ < 20) {
                    report.add(String.format("%s: qemu %x flags %x, rivet %x flags %x", names[i], q[2 * i], q[2 * i + 1], r[2 * i], r[2 * i + 1]));
                }
            }
        }
        System.out.printf("FpuQemuDiffTest: %d vectors run by rivet and by qemu, %d mismatches%n", n, mismatches);
        if (mismatches != 0) fail(mismatches + " mismatches between rivet and qemu:\n" + String.join("\n", report));
    }

    /**
     * Cases where qemu is believed wrong, each named with the spec's reason; returns the name
     * or null. None so far.
     */
    static String qemuWrong(String op, long[] v, int rm, long qemuResult, int qemuFlags) {
        return null;
    }

    /** Operand generator: random bits, special values, and values at rounding, overflow, underflow and integer-range boundaries. */
    static final class Vectors {
        final SplittableRandom rnd;

        Vectors(SplittableRandom rnd) { this.rnd = rnd; }

        long[] vector(Op op) {
            FpFormat f = op.in();
            return switch (op.shape()) {
                // mostly positive square roots, so that most of them are not simply invalid
                case R1 -> op.name().equals("fcvt.s.d") && rnd.nextBoolean() ? new long[] {nearSingle(), 0, 0}
                        : new long[] {op.name().startsWith("fsqrt") && rnd.nextBoolean() ? fp(f) & ~f.signBit : fp(f), 0, 0};
                case C1 -> new long[] {op.name().startsWith("fsqrt") && rnd.nextBoolean() ? fp(f) & ~f.signBit : fp(f), 0, 0};
                case N2, C2 -> pair(f, op.name());
                case R2 -> pair(f, op.name());
                case R3 -> triple(f);
                case FI -> new long[] {nearInt(f), 0, 0};
                case IF -> new long[] {integer(), 0, 0};
            };
        }

        double val(FpFormat f, long x) {
            return f == FpFormat.S ? Float.intBitsToFloat((int) x) : Double.longBitsToDouble(x);
        }

        long bits(FpFormat f, double x) {
            return f == FpFormat.S ? Float.floatToRawIntBits((float) x) & 0xffffffffL : Double.doubleToRawLongBits(x);
        }

        /** ±(smallest normal, largest finite, or a small subnormal), as a double. */
        double target(FpFormat f) {
            boolean s = f == FpFormat.S;
            double t = switch (rnd.nextInt(4)) {
                case 0, 1 -> s ? Float.MIN_NORMAL : Double.MIN_NORMAL;
                case 2 -> s ? Float.MAX_VALUE : Double.MAX_VALUE;
                default -> (s ? Float.MIN_VALUE : Double.MIN_VALUE) * rnd.nextInt(1, 9);
            };
            return rnd.nextBoolean() ? -t : t;
        }

        /** x moved by a few ulps (NaN and infinity bit patterns pass through unchanged). */
        long nudge(FpFormat f, long x) {
            if (f.isNaN(x) || f.isInf(x)) return x;
            long y = x + rnd.nextInt(-3, 4);
            return (y & ~f.signBit) >= f.infBits || ((y ^ x) & f.signBit) != 0 ? x : y;
        }

        /** A double within a single's ulp or so of a single near the overflow and underflow thresholds. */
        long nearSingle() {
            double t = rnd.nextBoolean() ? target(FpFormat.S) : val(FpFormat.S, fp(FpFormat.S));
            if (Double.isNaN(t)) return Double.doubleToRawLongBits(t);
            long x = Double.doubleToRawLongBits(t);
            long d = rnd.nextLong() & ((1L << rnd.nextInt(1, 31)) - 1);
            return rnd.nextBoolean() ? x + d : x - d;
        }

        long mask(FpFormat f) { return f.signBit | (f.signBit - 1); }

        /** A value of format f. */
        long fp(FpFormat f) {
            int k = rnd.nextInt(100);
            if (k < 20) return rnd.nextLong() & mask(f);
            if (k < 40) return special(f);
            long sign = rnd.nextBoolean() ? f.signBit : 0;
            return sign | ((long) expField(f) << (f.p - 1)) | frac(f);
        }

        long special(FpFormat f) {
            long sign = rnd.nextBoolean() ? f.signBit : 0;
            long payload = rnd.nextLong() & (f.quietBit - 1);
            return switch (rnd.nextInt(12)) {
                case 0 -> sign;                                   // ±0
                case 1 -> sign | f.infBits;                       // ±inf
                case 2 -> f.canonicalNaN | sign;                  // qNaN
                case 3 -> f.infBits | f.quietBit | payload | sign; // qNaN with payload
                case 4 -> f.infBits | (payload == 0 ? 1 : payload) | sign; // sNaN
                case 5 -> sign | 1;                               // min subnormal
                case 6 -> sign | f.fracMask;                      // max subnormal
                case 7 -> sign | (1L << (f.p - 1));               // min normal
                case 8 -> sign | f.maxBits;                       // max normal
                case 9 -> sign | ((long) f.bias << (f.p - 1));    // 1.0
                case 10 -> sign | ((long) f.bias << (f.p - 1)) | (rnd.nextBoolean() ? 1 : f.fracMask); // 1 + ulp, 2 - ulp
                default -> sign | ((long) (f.bias - 1) << (f.p - 1)) | f.fracMask; // 1 - ulp/2
            };
        }

        int expField(FpFormat f) {
            int max = f.expField - 1;
            return switch (rnd.nextInt(8)) {
                case 0 -> rnd.nextInt(3);                           // subnormal and smallest normals
                case 1 -> max - rnd.nextInt(3);                      // largest
                case 2 -> f.bias + rnd.nextInt(-3, 4);               // around 1
                case 3 -> Math.min(max, rnd.nextInt(f.p + 3));       // results that straddle the subnormal range
                default -> rnd.nextInt(max + 1);
            };
        }

        long frac(FpFormat f) {
            long r = rnd.nextLong() & f.fracMask;
            return switch (rnd.nextInt(6)) {
                case 0 -> 0;
                case 1 -> f.fracMask - rnd.nextInt(3);
                case 2 -> r & (-1L << rnd.nextInt(f.p - 1));       // trailing zeros: exact results and ties
                case 3 -> 1L << rnd.nextInt(f.p - 1);
                default -> r;
            };
        }

        long withExp(FpFormat f, long x, int field) {
            if (field < 0 || field > f.expField - 1) return fp(f);
            return (x & ~(f.infBits)) | ((long) field << (f.p - 1));
        }

        long[] pair(FpFormat f, String name) {
            long a = fp(f), b;
            int k = rnd.nextInt(10);
            if (k < 3) {
                // close to a: cancellation in add/sub, ties, equal compares
                int field = f.field(a) + rnd.nextInt(-f.p - 3, f.p + 4);
                b = withExp(f, a ^ (rnd.nextBoolean() ? f.signBit : 0) ^ (rnd.nextLong() & ((1L << rnd.nextInt(f.p)) - 1)), field);
                if (rnd.nextInt(4) == 0) b = a ^ (rnd.nextBoolean() ? f.signBit : 0);
            } else if (k < 5) {
                // product or quotient near the overflow or underflow threshold
                int target = rnd.nextBoolean() ? rnd.nextInt(-f.p - 2, 3) : f.expField - 1 + rnd.nextInt(-2, 3);
                b = fp(f);
                int field = name.startsWith("fdiv") ? f.field(a) - target + f.bias : target - f.field(a) + f.bias;
                b = withExp(f, b, field);
            } else if (k < 7) {
                // the exact result within a few ulps of the smallest normal (tininess after
                // rounding decides UF there) or of the largest finite value: b moderate, a
                // derived from it
                b = (rnd.nextBoolean() ? f.signBit : 0) | ((long) (f.bias + rnd.nextInt(-f.p, f.p + 1)) << (f.p - 1)) | frac(f);
                double t = target(f), y = val(f, b);
                double x = name.startsWith("fdiv") ? t * y : name.startsWith("fmul") ? t / y : t - y;
                a = nudge(f, bits(f, x));
            } else if (k < 8) {
                // both near the largest exponent: sums that overflow, or ties just below it
                int max = f.expField - 1;
                a = (rnd.nextBoolean() ? f.signBit : 0) | ((long) (max - rnd.nextInt(4)) << (f.p - 1)) | frac(f);
                b = (rnd.nextBoolean() ? f.signBit : 0) | ((long) (max - rnd.nextInt(4)) << (f.p - 1)) | frac(f);
            } else {
                b = fp(f);
            }
            return new long[] {a, b, 0};
        }

        long[] triple(FpFormat f) {
            long[] ab = pair(f, "fmul");
            long a = ab[0], b = ab[1], c;
            int k = rnd.nextInt(10);
            if (k < 4 && !f.isNaN(a) && !f.isNaN(b)) {
                // c close to -(a*b): massive cancellation
                double pa = f == FpFormat.S ? Float.intBitsToFloat((int) a) : Double.longBitsToDouble(a);
                double pb = f == FpFormat.S ? Float.intBitsToFloat((int) b) : Double.longBitsToDouble(b);
                double prod = pa * pb;
                long pbits = f == FpFormat.S ? Float.floatToRawIntBits((float) prod) & 0xffffffffL : Double.doubleToRawLongBits(prod);
                c = (pbits ^ (rnd.nextBoolean() ? f.signBit : 0)) + rnd.nextInt(-2, 3);
                c &= mask(f);
            } else if (k < 6 && !f.isNaN(a) && !f.isNaN(b)) {
                c = nudge(f, bits(f, target(f) - val(f, a) * val(f, b)));
            } else {
                c = fp(f);
            }
            return new long[] {a, b, c};
        }

        /** Floats near the integer-range limits 2^31, 2^32, 2^63, 2^64, near 0 and at halves. */
        long nearInt(FpFormat f) {
            if (rnd.nextInt(3) == 0) return fp(f);
            int[] exps = {-2, -1, 0, 1, 2, 3, 22, 23, 24, 30, 31, 32, 33, 51, 52, 53, 62, 63, 64, 65};
            int e = exps[rnd.nextInt(exps.length)];
            long sign = rnd.nextBoolean() ? f.signBit : 0;
            return sign | ((long) (e + f.bias) << (f.p - 1)) | frac(f);
        }

        long integer() {
            return switch (rnd.nextInt(6)) {
                case 0 -> rnd.nextLong();
                case 1 -> (1L << rnd.nextInt(64)) + rnd.nextInt(-3, 4);
                case 2 -> -((1L << rnd.nextInt(64)) + rnd.nextInt(-3, 4));
                case 3 -> (rnd.nextLong() >>> rnd.nextInt(64)) & (-1L << rnd.nextInt(40)); // ties and exact values
                case 4 -> ((long) rnd.nextInt() << 32) | ((1L << rnd.nextInt(33)) + rnd.nextInt(-3, 4)) & 0xffffffffL; // garbage above W operands
                default -> rnd.nextLong() >> rnd.nextInt(64);
            };
        }
    }
}
