package dev.rivet.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Checks the fuzzer's own side, independent of Rivet: the encoders produce the instructions
 * they are named after (objdump agrees), the generator reaches every instruction it claims,
 * qemu runs every generated case to its end, and cases are reproducible from (seed, index).
 */
class GeneratorTest {
    static boolean haveQemu() {
        try {
            Process p = new ProcessBuilder("qemu-riscv64", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    static boolean haveBinutils() {
        try {
            Process p = new ProcessBuilder("riscv64-linux-gnu-objdump", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** Every instruction the generator claims to cover, under objdump's -M no-aliases names (c.nop shows as c.addi). */
    static final String EXPECTED = """
        lui auipc addi slti sltiu xori ori andi slli srli srai add sub sll slt sltu xor srl sra or and
        addiw slliw srliw sraiw addw subw sllw srlw sraw
        mul mulh mulhsu mulhu div divu rem remu mulw divw divuw remw remuw
        sh1add sh2add sh3add add.uw sh1add.uw sh2add.uw sh3add.uw slli.uw
        andn orn xnor clz clzw ctz ctzw cpop cpopw max maxu min minu sext.b sext.h zext.h
        rol rolw ror rori roriw rorw orc.b rev8
        bclr bclri bext bexti binv binvi bset bseti
        lb lh lw ld lbu lhu lwu sb sh sw sd flw fld fsw fsd
        lr.w lr.d sc.w sc.d amoswap.w amoadd.w amoxor.w amoand.w amoor.w amomin.w amomax.w amominu.w amomaxu.w
        amoswap.d amoadd.d amoxor.d amoand.d amoor.d amomin.d amomax.d amominu.d amomaxu.d
        fadd.s fsub.s fmul.s fdiv.s fsqrt.s fmadd.s fmsub.s fnmsub.s fnmadd.s fsgnj.s fsgnjn.s fsgnjx.s
        fmin.s fmax.s feq.s flt.s fle.s fclass.s fcvt.w.s fcvt.wu.s fcvt.l.s fcvt.lu.s
        fcvt.s.w fcvt.s.wu fcvt.s.l fcvt.s.lu fmv.x.w fmv.w.x
        fadd.d fsub.d fmul.d fdiv.d fsqrt.d fmadd.d fmsub.d fnmsub.d fnmadd.d fsgnj.d fsgnjn.d fsgnjx.d
        fmin.d fmax.d feq.d flt.d fle.d fclass.d fcvt.w.d fcvt.wu.d fcvt.l.d fcvt.lu.d
        fcvt.d.w fcvt.d.wu fcvt.d.l fcvt.d.lu fmv.x.d fmv.d.x fcvt.s.d fcvt.d.s
        csrrw csrrs csrrc csrrwi csrrsi csrrci
        beq bne blt bge bltu bgeu jal jalr
        c.addi4spn c.fld c.lw c.ld c.fsd c.sw c.sd c.addi c.addiw c.li c.addi16sp c.lui
        c.srli c.srai c.andi c.sub c.xor c.or c.and c.subw c.addw c.j c.beqz c.bnez c.slli
        c.fldsp c.lwsp c.ldsp c.jr c.mv c.jalr c.add c.fsdsp c.swsp c.sdsp
        fence fence.tso fence.i
        """;

    @Test
    void generatorCoversEveryInstructionAndObjdumpAgrees() {
        Assumptions.assumeTrue(haveBinutils(), "riscv64 binutils not installed");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < 1500; i++) {
            Case c = Gen.generate(42, i, true, false);
            byte[] b = Program.body(c.body(), 0x10000);
            all.write(b, 0, b.length);
        }
        Set<String> seen = new TreeSet<>();
        List<String> unknown = new ArrayList<>();
        for (String line : Disasm.of(all.toByteArray(), 0x10000, true)) {
            String[] f = line.split("\t");
            if (f.length < 3) continue;
            String m = f[2].trim().split("\\s+")[0].replaceAll("\\.(aqrl|aq|rl)$", "");
            if (m.equals(".4byte") || m.equals(".2byte") || m.equals(".insn")) {
                // objdump 2.40 decodes fcvt.d.{w,wu,s} only with rm = 0, though any valid rm is legal
                long w = Long.decode(f[1].trim().split("\\s+")[0].length() == 8 ? "0x" + f[1].trim().split("\\s+")[0] : "0");
                int f7 = (int) (w >>> 25), rs2 = (int) (w >>> 20) & 31;
                boolean fcvtD = (w & 0x7f) == 0x53 && ((f7 == 0x69 && rs2 <= 1) || (f7 == 0x21 && rs2 == 0));
                if (!fcvtD) unknown.add(line);
                continue;
            }
            seen.add(m);
        }
        assertTrue(unknown.isEmpty(), () -> "undecodable encodings:\n" + String.join("\n", unknown));
        Set<String> missing = new TreeSet<>(List.of(EXPECTED.trim().split("\\s+")));
        missing.removeAll(seen);
        assertTrue(missing.isEmpty(), "never generated: " + missing);
        Set<String> extra = new TreeSet<>(seen);
        extra.removeAll(List.of(EXPECTED.trim().split("\\s+")));
        assertTrue(extra.isEmpty(), "generated but not expected (wrong encoding?): " + extra);
    }

    @Test
    void qemuRunsEveryGeneratedCaseToTheEnd() throws Exception {
        Assumptions.assumeTrue(haveQemu(), "qemu-riscv64 not installed");
        for (long seed : new long[] {3, 4}) {
            List<Case> cs = new ArrayList<>();
            for (int i = 0; i < 300; i++) cs.add(Gen.generate(seed, i));
            Qemu.Result r = Qemu.run(ElfWriter.write(new Program(cs)));
            assertEquals(0, r.exit(), "qemu exit status, seed " + seed);
            assertEquals(cs.size() * Layout.REC_LEN, r.out().length, "dump bytes, seed " + seed);
        }
    }

    @Test
    void theSigillHandlerCountsAndSkipsUnderQemu() throws Exception {
        Assumptions.assumeTrue(haveQemu(), "qemu-riscv64 not installed");
        Case base = Gen.generate(5, 0);
        // c.unimp (2 bytes), fadd.s with rm = 5 (4 bytes), then a marker the body must reach
        List<Item> body = List.of(
                new Item(0, new Insn[] {Insn.c(0x0000)}, -1, 0, 0),
                new Item(1, new Insn[] {Insn.of(Enc.r(0, 1, 1, 5, 1, Enc.OP_FP))}, -1, 0, 0),
                new Item(2, new Insn[] {Insn.of(Enc.addi(5, 0, 7))}, -1, 0, 0));
        Case c = base.withBody(body);
        Qemu.Result r = Qemu.run(ElfWriter.write(new Program(List.of(c, base))));
        assertEquals(0, r.exit());
        assertEquals(2 * Layout.REC_LEN, r.out().length);
        assertEquals(2, Dump.get(r.out(), Layout.REC_X + 30 * 8), "trap count");
        assertEquals(7, Dump.get(r.out(), Layout.REC_X + 4 * 8), "x5 after the traps");
        assertEquals(base.x()[6], Dump.get(r.out(), Layout.REC_X + 5 * 8), "x6 untouched by the handler");
        assertEquals(base.fcsr(), Dump.get(r.out(), Layout.REC_FCSR), "fcsr untouched by the handler");
    }

    @Test
    void everyWordOfADumpRecordIsCompared() {
        Case c = Gen.generate(7, 7);
        byte[] q = new byte[Layout.REC_LEN];
        new java.util.Random(7).nextBytes(q);
        assertTrue(Dump.compare(c, q, q.clone()).isEmpty());
        for (int off = 0; off < Layout.REC_LEN; off += 8) {
            byte[] r = q.clone();
            r[off + (off / 8) % 8] ^= 0x10;
            List<String> d = Dump.compare(c, q, r);
            assertEquals(1, d.size(), "offset " + off);
            String expect = off < 30 * 8 ? "x" + (off / 8 + 1) + "/"
                    : off == 30 * 8 ? "trapped instructions"
                    : off < Layout.REC_FCSR ? "f" + (off - Layout.REC_F) / 8 + ":"
                    : off == Layout.REC_FCSR ? "fcsr:" : "mem[0x";
            assertTrue(d.getFirst().startsWith(expect), d.getFirst() + " at offset " + off);
        }
    }

    @Test
    void casesAreReproducibleFromSeedAndIndex() {
        Program a = new Program(List.of(Gen.generate(9, 17), Gen.generate(9, 18)));
        Program b = new Program(List.of(Gen.generate(9, 17), Gen.generate(9, 18)));
        assertArrayEquals(a.text, b.text);
        assertArrayEquals(a.data, b.data);
        assertTrue(!java.util.Arrays.equals(a.bodyBytes[0], a.bodyBytes[1]) || a.bodyBytes[0].length < 8);
    }

    @Test
    void removingABranchTargetRetargetsToTheNextItem() {
        // item 0 branches to item 2; with item 2 gone it must land on item 3, with 2 and 3 gone on the end
        Insn beq = Insn.fix(4, off -> Enc.b(off, 0, 0, 0), 0);
        Item br = new Item(0, new Insn[] {beq}, 2, 0, 0);
        Item nop1 = new Item(1, new Insn[] {Insn.of(Enc.addi(0, 0, 0))}, -1, 0, 0);
        Item c2 = new Item(2, new Insn[] {Insn.c(0x0001)}, -1, 0, 0);
        Item w3 = new Item(3, new Insn[] {Insn.of(Enc.addi(0, 0, 0))}, -1, 0, 0);
        assertEquals(Enc.b(8, 0, 0, 0), word(Program.body(List.of(br, nop1, c2, w3), 0x1000)));
        assertEquals(Enc.b(8, 0, 0, 0), word(Program.body(List.of(br, nop1, w3), 0x1000)));
        assertEquals(Enc.b(8, 0, 0, 0), word(Program.body(List.of(br, nop1), 0x1000)));
        assertEquals(Enc.b(4, 0, 0, 0), word(Program.body(List.of(br, w3), 0x1000)));
    }

    private static int word(byte[] b) {
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    }
}
