package dev.rivet.cpu;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * RVC: every compressed instruction, with random operands, must decode to the same operation
 * as the 32-bit instruction it expands to (the assembler encodes both, so immediates and
 * register fields are checked against GNU as), reserved encodings are illegal, and compressed
 * code runs.
 */
class CompressedTest {
    private static final String[] CREG = {"s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5"};
    private static final String[] CFREG = {"fs0", "fs1", "fa0", "fa1", "fa2", "fa3", "fa4", "fa5"};

    private final Random rnd = new Random(42);

    private String cr() { return CREG[rnd.nextInt(8)]; }
    private String cf() { return CFREG[rnd.nextInt(8)]; }
    private String xr() { return "x" + (1 + rnd.nextInt(31)); }
    private String fr() { return "f" + rnd.nextInt(32); }
    private int range(int lo, int hi) { return lo + rnd.nextInt(hi - lo + 1); }
    private int nonzero(int lo, int hi) { int v; do v = range(lo, hi); while (v == 0); return v; }

    /** Pairs of (compressed, equivalent 32-bit) instructions. */
    private final List<String[]> pairs = new ArrayList<>();

    private void add(int times, Supplier<String[]> gen) {
        for (int i = 0; i < times; i++) pairs.add(gen.get());
    }

    @Test
    void compressedDecodesLikeItsExpansion() {
        int n = 12;
        add(n, () -> { String r = cr(); int k = 4 * range(1, 255); return new String[]{"c.addi4spn " + r + ", sp, " + k, "addi " + r + ", sp, " + k}; });
        add(n, () -> { String f = cf(), b = cr(); int k = 8 * range(0, 31); return new String[]{"c.fld " + f + ", " + k + "(" + b + ")", "fld " + f + ", " + k + "(" + b + ")"}; });
        add(n, () -> { String r = cr(), b = cr(); int k = 4 * range(0, 31); return new String[]{"c.lw " + r + ", " + k + "(" + b + ")", "lw " + r + ", " + k + "(" + b + ")"}; });
        add(n, () -> { String r = cr(), b = cr(); int k = 8 * range(0, 31); return new String[]{"c.ld " + r + ", " + k + "(" + b + ")", "ld " + r + ", " + k + "(" + b + ")"}; });
        add(n, () -> { String f = cf(), b = cr(); int k = 8 * range(0, 31); return new String[]{"c.fsd " + f + ", " + k + "(" + b + ")", "fsd " + f + ", " + k + "(" + b + ")"}; });
        add(n, () -> { String r = cr(), b = cr(); int k = 4 * range(0, 31); return new String[]{"c.sw " + r + ", " + k + "(" + b + ")", "sw " + r + ", " + k + "(" + b + ")"}; });
        add(n, () -> { String r = cr(), b = cr(); int k = 8 * range(0, 31); return new String[]{"c.sd " + r + ", " + k + "(" + b + ")", "sd " + r + ", " + k + "(" + b + ")"}; });
        add(n, () -> { String r = xr(); int k = nonzero(-32, 31); return new String[]{"c.addi " + r + ", " + k, "addi " + r + ", " + r + ", " + k}; });
        add(n, () -> { String r = xr(); int k = range(-32, 31); return new String[]{"c.addiw " + r + ", " + k, "addiw " + r + ", " + r + ", " + k}; });
        add(n, () -> { String r = xr(); int k = range(-32, 31); return new String[]{"c.li " + r + ", " + k, "addi " + r + ", zero, " + k}; });
        add(n, () -> { int k = 16 * nonzero(-32, 31); return new String[]{"c.addi16sp sp, " + k, "addi sp, sp, " + k}; });
        add(n, () -> {
            String r; do r = xr(); while (r.equals("x2"));
            int k = rnd.nextBoolean() ? range(1, 31) : range(0xfffe0, 0xfffff);
            return new String[]{"c.lui " + r + ", " + k, "lui " + r + ", " + k};
        });
        add(n, () -> { String r = cr(); int k = range(1, 63); return new String[]{"c.srli " + r + ", " + k, "srli " + r + ", " + r + ", " + k}; });
        add(n, () -> { String r = cr(); int k = range(1, 63); return new String[]{"c.srai " + r + ", " + k, "srai " + r + ", " + r + ", " + k}; });
        add(n, () -> { String r = cr(); int k = range(-32, 31); return new String[]{"c.andi " + r + ", " + k, "andi " + r + ", " + r + ", " + k}; });
        for (String op : new String[]{"sub", "xor", "or", "and", "subw", "addw"}) {
            add(n, () -> { String r = cr(), s = cr(); return new String[]{"c." + op + " " + r + ", " + s, op + " " + r + ", " + r + ", " + s}; });
        }
        // Jump and branch targets: the relative offset is compared, as the two copies sit at different pcs.
        add(n, () -> { int k = 2 * range(-1024, 1023); return new String[]{"c.j .+" + k, "jal zero, .+" + k}; });
        add(n, () -> { String r = cr(); int k = 2 * range(-128, 127); return new String[]{"c.beqz " + r + ", .+" + k, "beq " + r + ", zero, .+" + k}; });
        add(n, () -> { String r = cr(); int k = 2 * range(-128, 127); return new String[]{"c.bnez " + r + ", .+" + k, "bne " + r + ", zero, .+" + k}; });
        add(n, () -> { String r = xr(); int k = range(1, 63); return new String[]{"c.slli " + r + ", " + k, "slli " + r + ", " + r + ", " + k}; });
        add(n, () -> { String f = fr(); int k = 8 * range(0, 63); return new String[]{"c.fldsp " + f + ", " + k + "(sp)", "fld " + f + ", " + k + "(sp)"}; });
        add(n, () -> { String r = xr(); int k = 4 * range(0, 63); return new String[]{"c.lwsp " + r + ", " + k + "(sp)", "lw " + r + ", " + k + "(sp)"}; });
        add(n, () -> { String r = xr(); int k = 8 * range(0, 63); return new String[]{"c.ldsp " + r + ", " + k + "(sp)", "ld " + r + ", " + k + "(sp)"}; });
        add(n, () -> { String r = xr(); return new String[]{"c.jr " + r, "jalr zero, 0(" + r + ")"}; });
        add(n, () -> { String r = xr(), s = xr(); return new String[]{"c.mv " + r + ", " + s, "add " + r + ", zero, " + s}; });
        add(1, () -> new String[]{"c.ebreak", "ebreak"});
        add(n, () -> { String r = xr(); return new String[]{"c.jalr " + r, "jalr ra, 0(" + r + ")"}; });
        add(n, () -> { String r = xr(), s = xr(); return new String[]{"c.add " + r + ", " + s, "add " + r + ", " + r + ", " + s}; });
        add(n, () -> { String f = fr(); int k = 8 * range(0, 63); return new String[]{"c.fsdsp " + f + ", " + k + "(sp)", "fsd " + f + ", " + k + "(sp)"}; });
        add(n, () -> { String r = "x" + rnd.nextInt(32); int k = 4 * range(0, 63); return new String[]{"c.swsp " + r + ", " + k + "(sp)", "sw " + r + ", " + k + "(sp)"}; });
        add(n, () -> { String r = "x" + rnd.nextInt(32); int k = 8 * range(0, 63); return new String[]{"c.sdsp " + r + ", " + k + "(sp)", "sd " + r + ", " + k + "(sp)"}; });

        StringBuilder src = new StringBuilder(".option rvc\n");
        for (String[] p : pairs) src.append(p[0]).append('\n');
        src.append(".option norvc\n");
        for (String[] p : pairs) src.append(p[1]).append('\n');
        byte[] bin = Asm.assemble(src.toString(), Machine.CODE);
        int count = pairs.size();
        assertEquals(6 * count, bin.length, "every compressed instruction should be 2 bytes, every expansion 4");
        ByteBuffer bb = ByteBuffer.wrap(bin).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            long cpc = Machine.CODE + 2L * i, fpc = Machine.CODE + 2L * count + 4L * i;
            Insn c = Rvc.decode(bb.getShort(2 * i) & 0xffff, cpc);
            Insn f = Decoder.decode(bb.getInt(2 * count + 4 * i), fpc);
            String what = pairs.get(i)[0] + " vs " + pairs.get(i)[1] + ": " + c + " / " + f;
            assertEquals(2, c.len, what);
            assertEquals(f.op, c.op, what);
            assertEquals(f.rd, c.rd, what);
            assertEquals(f.rs1, c.rs1, what);
            assertEquals(f.rs2, c.rs2, what);
            boolean relative = c.op == Op.JAL || (c.op >= Op.BEQ && c.op <= Op.BGEU);
            assertEquals(relative ? f.imm - fpc : f.imm, relative ? c.imm - cpc : c.imm, what);
        }
    }

    @Test
    void reservedEncodingsAreIllegal() {
        int[] reserved = {
                0x0000, // all zeros (c.addi4spn with nzuimm = 0)
                0x0010, // c.addi4spn a2 with nzuimm = 0
                0x6101, // c.addi16sp with nzimm = 0
                0x6281, // c.lui x5 with nzimm = 0
                0x4002, // c.lwsp x0
                0x6002, // c.ldsp x0
                0x8002, // c.jr x0
                0x8000, // quadrant 0, funct3 = 100
                0x2005, // c.addiw x0
                0x9c41, // reserved c.subw/c.addw slot (funct2 = 10)
                0x9c61, // reserved (funct2 = 11)
        };
        for (int c : reserved) {
            assertEquals(Op.ILLEGAL, Rvc.decode(c, 0).op, () -> "0x" + Integer.toHexString(c));
        }
        // And hints are not illegal: c.nop, c.addi x0, c.li x0, c.mv x0, c.slli x0.
        for (int c : new int[]{0x0001, 0x0005, 0x4015, 0x8006, 0x0006}) {
            assertEquals(Op.NOP, Rvc.decode(c, 0).op, () -> "0x" + Integer.toHexString(c));
        }
    }

    @Test
    void illegalCompressedStopsTheHart() {
        Machine m = new Machine("""
                .option rvc
                c.li a0, 1
                .half 0x6101
                """);
        StopReason r = m.run();
        assertEquals(new StopReason.Illegal(0x6101), r);
        assertEquals(Machine.CODE + 2, m.hart.pc);
        assertEquals(1, m.hart.instret);
        assertInstanceOf(StopReason.Illegal.class, new Machine(".half 0\n").run());
    }

    @Test
    void compressedProgramRuns() {
        Machine m = Machine.exec("""
                .option rvc
                li sp, 0x40800
                c.li a0, 0
                c.li a1, 10
            1:  c.add a0, a1
                c.addi a1, -1
                c.bnez a1, 1b
                c.mv a2, a0
                c.slli a2, 4
                c.addi16sp sp, -32
                c.sdsp a2, 8(sp)
                c.ldsp a3, 8(sp)
                c.addi4spn a4, sp, 8
                c.ld a5, 0(a4)
                c.lui s0, 0xfffff
                c.srai s0, 12
                c.li s1, -8
                c.andi s1, 0xc
                ecall
                """);
        m.expect("a0", 55);
        m.expect("a2", 55 * 16);
        m.expect("a3", 55 * 16);
        m.expect("a4", 0x40800 - 32 + 8);
        m.expect("a5", 55 * 16);
        m.expect("s0", -1);
        m.expect("s1", 8);
        m.expect("sp", 0x40800 - 32);
    }

    @Test
    void compressedJumpsLinkPastThemselves() {
        Machine m = Machine.exec("""
                .option rvc
                la t0, fn
                c.jalr t0                 # ra = address after this 2-byte instruction
            back:
                la t1, back
                sub a1, ra, t1
                c.j 1f
                c.li a2, 9                # skipped
            1:  c.li a3, 4
                ecall
            fn: c.li a0, 7
                c.jr ra
                """);
        m.expect("a0", 7);
        m.expect("a1", 0);
        m.expect("a2", 0);
        m.expect("a3", 4);
    }

    @Test
    void decodersNeverThrow() {
        for (int c = 0; c < 0x10000; c++) {
            if ((c & 3) != 3) Rvc.decode(c, 0x1000);
        }
        Random r = new Random(7);
        for (int k = 0; k < 2_000_000; k++) {
            int w = r.nextInt() | 3;
            Insn in = Decoder.decode(w, 0x1000);
            assertEquals(4, in.len);
        }
    }
}
