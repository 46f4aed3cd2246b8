package dev.rivet.cpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Assembles test programs with the riscv64 GNU toolchain into flat binaries linked at a given
 * address. Results are cached under target/ by a hash of the source, so reruns are fast.
 */
final class Asm {
    private Asm() {}

    /** Extensions the CPU implements, so the assembler accepts every instruction we test. */
    static final String MARCH = "rv64gc_zba_zbb_zbc_zbs_zicsr_zifencei";

    static byte[] assemble(String source, long textAddress) {
        try {
            String full = ".option norelax\n.text\n.globl _start\n_start:\n" + source + "\n";
            String key = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((full + textAddress).getBytes(StandardCharsets.UTF_8))).substring(0, 24);
            Path dir = Path.of("target", "asm-cache");
            Files.createDirectories(dir);
            Path bin = dir.resolve(key + ".bin");
            if (Files.exists(bin)) return Files.readAllBytes(bin);
            Path src = dir.resolve(key + ".S"), obj = dir.resolve(key + ".o"), elf = dir.resolve(key + ".elf");
            Files.writeString(src, full);
            run("riscv64-linux-gnu-as", "-march=" + MARCH, "-o", obj.toString(), src.toString());
            run("riscv64-linux-gnu-ld", "--no-relax", "-Ttext=0x" + Long.toHexString(textAddress), "-e", "_start",
                    "-o", elf.toString(), obj.toString());
            Path tmp = dir.resolve(key + ".tmp");
            run("riscv64-linux-gnu-objcopy", "-O", "binary", "-j", ".text", elf.toString(), tmp.toString());
            Files.move(tmp, bin, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return Files.readAllBytes(bin);
        } catch (IOException | InterruptedException | java.security.NoSuchAlgorithmException e) {
            throw new AssertionError("assembling failed: " + e, e);
        }
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new AssertionError(String.join(" ", new ArrayList<>(List.of(cmd))) + " failed:\n" + out);
    }
}
