package dev.rivet.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs a fuzz program under qemu-riscv64, the reference. */
final class Qemu {
    private Qemu() {}

    /** The extensions the generator uses, named so an older default CPU model cannot drop one. */
    static final String CPU = "rv64,zba=true,zbb=true,zbs=true";

    record Result(byte[] out, int exit, String err) {}

    static Result run(byte[] elf) throws IOException, InterruptedException {
        Path f = Files.createTempFile("rivet-fuzz-", ".elf");
        try {
            Files.write(f, elf);
            // qemu-user refuses (silently, exit 1) a file without the execute bit
            f.toFile().setExecutable(true, true);
            Process p = new ProcessBuilder("qemu-riscv64", "-cpu", CPU, f.toString())
                    .redirectError(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            var errF = p.getErrorStream();
            Thread errT = Thread.ofVirtual().start(() -> { try { errF.readAllBytes(); } catch (IOException ignored) { } });
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(out, -1, "timeout");
            }
            errT.join();
            return new Result(out, p.exitValue(), "");
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
