package dev.rivet.syscall;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Values the riscv64 kernel headers give, computed by the cross compiler: a C file of
 * {@code DEF(name, value)} lines is compiled with -S only and each becomes "->name value" in
 * the assembly. Layout tests compare Rivet's constants with them.
 */
final class KernelHeaders {
    private final Map<String, Long> values = new HashMap<>();

    KernelHeaders(String cSource) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("riscv64-linux-gnu-gcc", "-S", "-O0", "-o", "-", cSource)
                .redirectErrorStream(true).start();
        String asm = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "cross compiler failed (run 'make toolchain'):\n" + asm);
        Matcher m = Pattern.compile("->(\\w+) (-?\\d+)").matcher(asm);
        while (m.find()) values.put(m.group(1), Long.parseLong(m.group(2)));
    }

    long get(String name) {
        Long v = values.get(name);
        assertNotNull(v, name);
        return v;
    }
}
