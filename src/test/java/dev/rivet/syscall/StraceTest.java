package dev.rivet.syscall;

import dev.rivet.abi.Errno;
import dev.rivet.abi.Mman;
import dev.rivet.abi.SyscallNames;
import dev.rivet.cpu.Hart;
import dev.rivet.fs.FdTable;
import dev.rivet.fs.FsContext;
import dev.rivet.kernel.ExitStatus;
import dev.rivet.kernel.Kernel;
import dev.rivet.kernel.Process;
import dev.rivet.kernel.Task;
import dev.rivet.mm.AddressSpace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** --strace lines in strace(1)'s own spelling, argument kinds taken from the table. */
class StraceTest {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final Strace strace = new Strace(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    final SyscallTable table = Syscalls.table();
    Task task;
    long page;

    @BeforeEach
    void setUp() throws Exception {
        Kernel kernel = new Kernel(null);
        AddressSpace mem = new AddressSpace();
        page = mem.mmap(0, 4096, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS);
        Process p = new Process(kernel, 1000, 1, mem, new FdTable(), FsContext.atHostCwd(), 0, 0);
        task = new Task(p, new Hart(mem), 1000);
    }

    String line(String name, long result, long... args) {
        Args a = new Args();
        long[] v = new long[6];
        System.arraycopy(args, 0, v, 0, args.length);
        a.set(v[0], v[1], v[2], v[3], v[4], v[5]);
        bytes.reset();
        strace.call(task, table.get(SyscallNames.number(name)), a, result);
        return bytes.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void openatFailingAsTheIssueShowsIt() throws Exception {
        task.memory().write(page, "/nope\0".getBytes(StandardCharsets.UTF_8));
        assertEquals("openat(AT_FDCWD, \"/nope\", O_RDONLY) = -1 ENOENT (No such file or directory)",
                line("openat", Errno.ENOENT.negative(), -100, page, 0, 0));
    }

    @Test
    void openatShowsTheModeOnlyWhenCreating() throws Exception {
        task.memory().write(page, "out.txt\0".getBytes(StandardCharsets.UTF_8));
        assertEquals("openat(3, \"out.txt\", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0644) = 4",
                line("openat", 4, 3, page, 01 | 0100 | 01000 | 02000000, 0644));
    }

    @Test
    void buffersAreQuotedAndCut() throws Exception {
        task.memory().write(page, "hello\n\t\"x\"\\ and a long tail that is cut".getBytes(StandardCharsets.UTF_8));
        assertEquals("write(1, \"hello\\n\\t\\\"x\\\"\\\\ and a long tail that\"..., 40) = 40",
                line("write", 40, 1, page, 40));
        assertEquals("read(0, \"hel\", 64) = 3", line("read", 3, 0, page, 64));
    }

    @Test
    void mmapResultsAreHexAndFlagsSymbolic() {
        assertEquals("mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ffe000",
                line("mmap", 0x7ffff7ffe000L, 0, 8192, 3, 0x22, -1, 0));
    }

    @Test
    void unimplementedCallsAreNamedAndEnosys() {
        assertEquals("io_uring_setup(0x1, 0x2, 0, 0, 0, 0) = -1 ENOSYS (Function not implemented)",
                line("io_uring_setup", Errno.ENOSYS.negative(), 1, 2));
    }

    @Test
    void exitPrintsAQuestionMarkAndTheOutcome() {
        Args a = new Args();
        a.set(3, 0, 0, 0, 0, 0);
        strace.exit(task, table.get(SyscallNames.number("exit_group")), a, ExitStatus.exited(3));
        assertEquals("exit_group(3) = ?\n+++ exited with 3 +++", bytes.toString(StandardCharsets.UTF_8).strip());
    }
}
