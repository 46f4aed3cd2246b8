package dev.rivet.syscall;

import dev.rivet.abi.Timespec;
import dev.rivet.kernel.SigAction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Checks Rivet's struct sizes and offsets against the riscv64 kernel headers: the cross
 * compiler evaluates sizeof/offsetof from linux-libc-dev-riscv64-cross (see
 * src/test/resources/abi/layouts.c) and we compare.
 */
class StructLayoutTest {
    static KernelHeaders linux;

    @BeforeAll
    static void compile() throws IOException, InterruptedException {
        linux = new KernelHeaders("src/test/resources/abi/layouts.c");
    }

    static long linux(String name) {
        return linux.get(name);
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
