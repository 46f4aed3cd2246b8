package dev.rivet.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A fixed slice of the differential fuzzer in the ordinary test run: 4,000 sequences of seed 1
 * under qemu-riscv64 and on Rivet's CPU must agree on every register, fcsr and the scratch
 * memory. A failure lists each difference (minimised and disassembled for the first few).
 */
class CpuFuzzTest {
    static final long SEED = 1, CASES = 4000;

    @Test
    void rivetAgreesWithQemu() throws Exception {
        Assumptions.assumeTrue(GeneratorTest.haveQemu(), "qemu-riscv64 not installed (scripts/toolchain.sh installs it)");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        Fuzzer fz = new Fuzzer(out, 2);
        Fuzzer.Report rep = fz.run(SEED, 0, CASES, false);
        FuzzMain.report(out, fz, rep);
        assertTrue(rep.differences().isEmpty() && rep.qemuProblems().isEmpty(),
                () -> rep.differences().size() + " of " + rep.cases() + " sequences differ between qemu and Rivet:\n"
                        + buf.toString(StandardCharsets.UTF_8));
    }
}
