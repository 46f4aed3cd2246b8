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

    @Test
    void signalFrame() {
        assertEquals(linux("siginfo_size"), dev.rivet.signal.SigInfo.SIZE);
        assertEquals(linux("siginfo_addr"), 16);
        assertEquals(linux("siginfo_value"), 24);
        assertEquals(linux("siginfo_status"), 24);
        assertEquals(linux("siginfo_utime"), 32);
        assertEquals(linux("siginfo_stime"), 40);
        assertEquals(linux("siginfo_overrun"), 20);
        assertEquals(linux("ucontext_stack"), dev.rivet.signal.SignalFrame.UC_STACK);
        assertEquals(linux("ucontext_sigmask"), dev.rivet.signal.SignalFrame.UC_SIGMASK);
        assertEquals(linux("ucontext_mcontext"), dev.rivet.signal.SignalFrame.UC_MCONTEXT);
        assertEquals(linux("ucontext_size"), dev.rivet.signal.SignalFrame.UCONTEXT_SIZE);
        assertEquals(linux("sigcontext_fpregs"), dev.rivet.signal.SignalFrame.SC_FPREGS);
        assertEquals(linux("fp_state_size"), dev.rivet.signal.SignalFrame.FP_STATE_SIZE);
        assertEquals(linux("fp_fcsr"), dev.rivet.signal.SignalFrame.FP_FCSR);
        assertEquals(linux("fp_q_reserved"), dev.rivet.signal.SignalFrame.FP_RESERVED);
    }
}
