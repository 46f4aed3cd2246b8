package dev.rivet;

import dev.rivet.abi.Signal;
import dev.rivet.cpu.Hart;
import dev.rivet.elf.ElfFile;
import dev.rivet.elf.LoadOptions;
import dev.rivet.elf.LoadedImage;
import dev.rivet.elf.Vdso;
import dev.rivet.fs.FdTable;
import dev.rivet.fs.FsContext;
import dev.rivet.kernel.ExitStatus;
import dev.rivet.kernel.Kernel;
import dev.rivet.kernel.Process;
import dev.rivet.kernel.Task;
import dev.rivet.mm.AddressSpace;
import dev.rivet.syscall.Strace;

/**
 * The embedding facade: runs one guest program as {@link RunConfig} describes and returns its
 * exit status as a shell would see it (128+signal for a fatal signal, after the shell's line
 * such as "Segmentation fault" on stderr). Used by the CLI and by tests.
 */
public final class Rivet {
    private Rivet() {}

    /**
     * Runs the program; throws {@link dev.rivet.elf.LoadException} (one line, status 126/127)
     * when it cannot be loaded.
     */
    public static int run(RunConfig config) {
        ExitStatus status = execute(config, true, p -> { });
        // A shell says nothing for SIGINT and SIGPIPE deaths: the user knows, or nobody cares.
        if (status.bySignal() && status.signal() != Signal.SIGINT && status.signal() != Signal.SIGPIPE) {
            System.err.println(Signal.description(status.signal()) + (status.coreDumped() ? " (core dumped)" : ""));
        }
        return status.shellStatus();
    }

    /** Linux names a process after its file, cut to 15 bytes (TASK_COMM_LEN - 1). */
    private static byte[] commName(java.nio.file.Path file) {
        byte[] b = (file == null ? "" : file.toString()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return java.util.Arrays.copyOf(b, Math.min(b.length, 15));
    }

    /** Runs the program and returns how it ended, printing nothing of its own. */
    public static ExitStatus execute(RunConfig config) {
        return execute(config, false, p -> { });
    }

    /**
     * As {@link #execute(RunConfig)}; with {@code forwardHostSignals}, SIGINT, SIGTERM, SIGHUP
     * and SIGQUIT sent to this JVM go to the guest's foreground process group meanwhile, and
     * {@code started} gets the new process before its first instruction (tests keep it to
     * inspect its kernel and memory once it has ended).
     */
    public static ExitStatus execute(RunConfig config, boolean forwardHostSignals, java.util.function.Consumer<Process> started) {
        String shown = config.program().toString();
        ElfFile elf = ElfFile.open(config.program(), shown);
        Kernel kernel = new Kernel(config.strace() ? new Strace(System.err) : null, config.maxThreads());
        AddressSpace memory = new AddressSpace();
        dev.rivet.kernel.Exec.Loaded loaded = dev.rivet.kernel.Exec.load(memory, elf, config.argv(), config.env(), shown,
                LoadOptions.DEFAULT_STACK_LIMIT);
        LoadedImage image = loaded.image();
        long vdso = loaded.vdso();
        int pid = kernel.allocateId();
        Process process = new Process(kernel, pid, 1, memory, FdTable.withHostStdio(), FsContext.atHostCwd(),
                image.ids().uid(), image.ids().gid());
        process.exePath = config.program().toAbsolutePath().normalize().toString();
        process.exeHostPath = config.program().toAbsolutePath().normalize();
        process.sigreturnTrampoline = Vdso.sigreturn(vdso);
        kernel.register(process);
        Hart hart = new Hart(memory);
        hart.pc = image.entry();
        hart.x[2] = image.sp();
        Task main = new Task(process, hart, pid);
        main.name = commName(config.program().getFileName());
        started.accept(process);
        if (!forwardHostSignals) return kernel.run(main);
        try (var forwarding = dev.rivet.kernel.HostSignals.forward(kernel, process)) {
            return kernel.run(main);
        }
    }
}
