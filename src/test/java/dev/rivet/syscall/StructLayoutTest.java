package dev.rivet.syscall;

import dev.rivet.abi.Timespec;
import dev.rivet.kernel.SigAction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Checks Rivet's struct sizes and offsets against the riscv64 kernel headers: the cross
 * compiler evaluates sizeof/offsetof from linux-libc-dev-riscv64-cross (see
 * src/test/resources/abi/layouts.c) and we compare.
 */
class StructLayoutTest {
    static final Map<String, Long> LINUX = new HashMap<>();

    @BeforeAll
    static void compile() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("riscv64-linux-gnu-gcc", "-S", "-O0", "-o", "-", "src/test/resources/abi/layouts.c")
                .redirectErrorStream(true).start();
        String asm = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "cross compiler failed (run 'make toolchain'):\n" + asm);
        Matcher m = Pattern.compile("->(\\w+) (-?\\d+)").matcher(asm);
        while (m.find()) LINUX.put(m.group(1), Long.parseLong(m.group(2)));
    }

    static long linux(String name) {
        Long v = LINUX.get(name);
        assertNotNull(v, name);
        return v;
    }

    @Test
    void time() {
        assertEquals(linux("timespec_size"), Timespec.SIZE);
        assertEquals(linux("timeval_size"), Timespec.SIZE);
        assertEquals(linux("tms_size"), 32);
    }

    @Test
    void processStructs() {
        assertEquals(linux("rusage_size"), SysProcess.RUSAGE_SIZE);
        assertEquals(linux("rusage_maxrss"), 32);
        assertEquals(linux("rlimit_size"), 16);
        assertEquals(linux("robust_list_head_size"), SysProcess.ROBUST_LIST_HEAD_SIZE);
    }

    @Test
    void infoStructs() {
        assertEquals(linux("utsname_field"), SysInfo.UTS_FIELD);
        assertEquals(linux("utsname_size"), 6 * SysInfo.UTS_FIELD);
        assertEquals(linux("sysinfo_size"), SysInfo.SYSINFO_SIZE);
        assertEquals(linux("sysinfo_procs"), 80);
        assertEquals(linux("sysinfo_totalram"), 32);
        assertEquals(linux("sysinfo_mem_unit"), 104);
    }

    @Test
    void signalStructs() {
        assertEquals(linux("sigaction_size"), SigAction.SIZE);
        assertEquals(linux("sigaction_flags"), 8);
        assertEquals(linux("sigaction_mask"), 16);
        assertEquals(linux("stack_t_size"), 24);
        assertEquals(linux("stack_t_flags"), 8);
        assertEquals(linux("stack_t_size_off"), 16);
        assertEquals(linux("minsigstksz"), SysSignal.MINSIGSTKSZ);
    }
}
