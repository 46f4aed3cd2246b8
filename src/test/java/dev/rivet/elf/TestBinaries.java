package dev.rivet.elf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real binaries for the loader tests, built on demand with the installed toolchains
 * (riscv64-linux-gnu-gcc with the musl sysroot, its binutils, and the host gcc) from the
 * sources beside this class, and cached under target/elf-test. A missing toolchain fails the
 * test with the compiler's message: these tests need real files to mean anything.
 */
final class TestBinaries {
    private TestBinaries() {}

    static final Path HOME = Path.of(System.getProperty("rivet.home", "."));
    static final Path SOURCES = HOME.resolve("src/test/java/dev/rivet/elf");
    static final Path OUT = HOME.resolve("target/elf-test");
    static final Path MUSL_SPECS = HOME.resolve(".cache/musl/usr/lib/riscv64-linux-musl/musl-gcc.specs");

    private static List<String> musl(String... args) {
        List<String> cmd = new ArrayList<>(List.of("riscv64-linux-gnu-gcc", "-specs", MUSL_SPECS.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** hello.c, -static: ET_EXEC at 0x10000. */
    static Path helloStatic() { return build("hello-static", "hello.c", musl("-static", "-O2")); }
    /** hello.c, -static-pie: ET_DYN without interpreter. */
    static Path helloPie() { return build("hello-pie", "hello.c", musl("-static-pie", "-O2")); }
    /** hello.c linked dynamically against musl: has PT_INTERP. */
    static Path helloDynamic() { return build("hello-dyn", "hello.c", musl("-O2")); }
    /** hello.c compiled only: ET_REL. */
    static Path helloObject() { return build("hello.o", "hello.c", musl("-c", "-O2")); }
    /** hello.c for the host: an x86-64 ELF. */
    static Path helloHost() { return build("hello-host", "hello.c", List.of("gcc", "-O2")); }
    /** probe.c, -static: prints its stack and auxv. */
    static Path probeStatic() { return build("probe-static", "probe.c", musl("-static", "-O2")); }
    /** probe.c, -static-pie. */
    static Path probePie() { return build("probe-pie", "probe.c", musl("-static-pie", "-O2")); }

    /** exit7.s as an RV32 executable (ELFCLASS32, EM_RISCV). */
    static Path exit32() { return assemble("exit7-rv32", List.of("-march=rv32i", "-mabi=ilp32"), "elf32lriscv"); }
    /** exit7.s as a big-endian RV64 executable. */
    static Path exitBigEndian() { return assemble("exit7-be", List.of("-mbig-endian"), "elf64briscv"); }
    /** exit7.s as an ordinary RV64 executable: one PT_LOAD. */
    static Path exit64() { return assemble("exit7", List.of(), "elf64lriscv"); }

    private static synchronized Path assemble(String name, List<String> asFlags, String emulation) {
        Path obj = OUT.resolve(name + ".o");
        List<String> as = new ArrayList<>(List.of("riscv64-linux-gnu-as"));
        as.addAll(asFlags);
        build(name + ".o", "exit7.s", as);
        Path exe = OUT.resolve(name);
        if (!upToDate(exe, obj)) run(List.of("riscv64-linux-gnu-ld", "-m", emulation, obj.toString(), "-o", exe.toString()));
        return exe;
    }

    /** Runs {@code compiler source -o OUT/name} unless the output is newer than the source. */
    private static synchronized Path build(String name, String source, List<String> compiler) {
        Path src = SOURCES.resolve(source), out = OUT.resolve(name);
        if (upToDate(out, src)) return out;
        List<String> cmd = new ArrayList<>(compiler);
        cmd.addAll(List.of(src.toString(), "-o", out.toString()));
        run(cmd);
        return out;
    }

    private static boolean upToDate(Path out, Path src) {
        try {
            return Files.exists(out) && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(src)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs a command, failing the test with its output if it does not succeed. */
    static String run(List<String> cmd) {
        try {
            Files.createDirectories(OUT);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = p.waitFor();
            if (status != 0) throw new AssertionError(String.join(" ", cmd) + " exited " + status + ":\n" + output);
            return output;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd.getFirst() + " (run `make toolchain`?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A copy of a binary's bytes, for tests that patch them. */
    static byte[] bytes(Path binary) {
        try {
            return Files.readAllBytes(binary);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
