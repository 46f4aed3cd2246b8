package dev.rivet.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Disassembles body bytes for a report. objdump on a raw binary ({@code -b binary}) decodes
 * only rv64gc, so the bytes are wrapped as {@code .insn} lines, assembled with the extensions
 * named ({@code -march=rv64gc_zba_zbb_zbs}) and the object disassembled: its arch attribute
 * makes objdump decode Zba/Zbb/Zbs too. Falls back to hex words when the tools are missing.
 */
final class Disasm {
    private Disasm() {}

    static List<String> of(byte[] body, long addr) { return of(body, addr, false); }

    /** With {@code raw}, objdump's {@code -M no-aliases}: every instruction under its own name. */
    static List<String> of(byte[] body, long addr, boolean raw) {
        try {
            Path dir = Files.createTempDirectory("rivet-disasm");
            try {
                StringBuilder s = new StringBuilder(".text\n");
                for (int i = 0; i < body.length; ) {
                    int h = (body[i] & 0xff) | (body[i + 1] & 0xff) << 8;
                    if ((h & 3) == 3) {
                        int w = h | (body[i + 2] & 0xff) << 16 | (body[i + 3] & 0xff) << 24;
                        s.append(String.format(".insn 0x%08x%n", w));
                        i += 4;
                    } else {
                        s.append(String.format(".insn 0x%04x%n", h));
                        i += 2;
                    }
                }
                Files.writeString(dir.resolve("b.s"), s);
                if (!exec(dir, "riscv64-linux-gnu-as", "-march=rv64gc_zba_zbb_zbs", "-o", "b.o", "b.s").isEmpty()
                        || !Files.exists(dir.resolve("b.o"))) return hex(body, addr);
                List<String> out = new ArrayList<>();
                List<String> cmd = new ArrayList<>(List.of("riscv64-linux-gnu-objdump", "-d", "-z",
                        "--adjust-vma=0x" + Long.toHexString(addr), "b.o"));
                if (raw) cmd.add(2, "-Mno-aliases");
                for (String line : exec(dir, cmd.toArray(String[]::new)).split("\n")) {
                    if (line.matches("\\s*[0-9a-f]+:\\s.*")) out.add(line.stripTrailing());
                }
                return out.isEmpty() ? hex(body, addr) : out;
            } finally {
                try (var st = Files.list(dir)) { st.forEach(p -> p.toFile().delete()); }
                Files.deleteIfExists(dir);
            }
        } catch (Exception e) {
            return hex(body, addr);
        }
    }

    private static String exec(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private static List<String> hex(byte[] body, long addr) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < body.length; ) {
            int h = (body[i] & 0xff) | (body[i + 1] & 0xff) << 8;
            int n = (h & 3) == 3 ? 4 : 2;
            long w = 0;
            for (int k = n - 1; k >= 0; k--) w = w << 8 | (body[i + k] & 0xff);
            out.add(String.format("%8x:\t%0" + (2 * n) + "x", addr + i, w));
            i += n;
        }
        return out;
    }
}
