package dev.rivet.syscall;

import dev.rivet.abi.SyscallNames;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class SyscallTableTest {
    /** The syscalls the base milestone promises (issue 3, item 7). */
    static final List<String> REQUIRED = List.of(
            "exit", "exit_group", "read", "write", "readv", "writev", "pread64", "pwrite64", "openat", "close",
            "lseek", "fstat", "newfstatat", "statx", "getdents64", "readlinkat", "faccessat", "faccessat2",
            "getcwd", "chdir", "fchdir", "mkdirat", "unlinkat", "renameat2", "symlinkat", "linkat", "ftruncate",
            "fsync", "fcntl", "dup", "dup3", "ioctl", "brk", "mmap", "munmap", "mprotect", "mremap", "madvise",
            "set_tid_address", "set_robust_list", "rt_sigaction", "rt_sigprocmask", "sigaltstack", "uname",
            "getpid", "getppid", "gettid", "getuid", "geteuid", "getgid", "getegid", "getrandom", "clock_gettime",
            "clock_getres", "gettimeofday", "nanosleep", "clock_nanosleep", "sched_yield", "sched_getaffinity",
            "prlimit64", "getrlimit", "setrlimit", "sysinfo", "umask", "times", "getrusage", "riscv_flush_icache");

    final SyscallTable table = Syscalls.table();

    @Test
    void everyRequiredSyscallIsRegisteredWithAHandler() {
        for (String name : REQUIRED) {
            Syscall s = table.get(SyscallNames.number(name));
            assertNotEquals(Support.NONE, s.support(), name + " is not implemented");
            assertNotNull(s.handler(), name);
            assertEquals(name, s.name());
        }
    }

    @Test
    void rowsCarryLinuxNumbers() {
        assertEquals(63, table.get(63).number());
        assertEquals("read", table.get(63).name());
        assertEquals("riscv_flush_icache", table.get(259).name());
        assertEquals("openat", table.get(56).name());
        assertEquals("exit_group", table.get(94).name());
        Set<Integer> seen = new HashSet<>();
        for (Syscall s : table.registered()) {
            assertTrue(seen.add(s.number()), "duplicate " + s.name());
            assertEquals(SyscallNames.number(s.name()), s.number(), s.name());
            assertTrue(s.args().size() <= 6, s.name());
            if (s.support() == Support.PARTIAL) assertFalse(s.note().isBlank(), s.name() + " needs a note");
        }
    }

    @Test
    void unregisteredNumbersAreEnosysRowsWithLinuxNames() {
        Syscall s = table.get(SyscallNames.number("io_uring_setup"));
        assertNull(s.handler());
        assertEquals(Support.NONE, s.support());
        assertEquals("io_uring_setup", s.name());
        assertNull(table.get(100_000).handler());
        assertNull(table.get(-1).handler());
        assertNull(table.get(300).handler()); // a hole in Linux's numbering
    }

    @Test
    void registeringAnUnknownNameFails() {
        SyscallTable t = new SyscallTable();
        assertThrows(IllegalArgumentException.class, () -> t.add("no_such_call", (task, a) -> 0));
        t.add("getpid", (task, a) -> 0);
        assertThrows(IllegalStateException.class, () -> t.add("getpid", (task, a) -> 0));
    }
}
