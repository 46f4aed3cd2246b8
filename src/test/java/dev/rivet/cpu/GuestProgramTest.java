package dev.rivet.cpu;

import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Mman;
import dev.rivet.mm.AddressSpace;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * A real compiled program (C, musl, -O2, static) run on the interpreter and compared with
 * qemu-riscv64's output. The test stands in for the kernel with the handful of syscalls the
 * program needs (a deliberately tiny loader and syscall shim, not the real kernel), so it checks
 * the CPU on the instruction mix a compiler actually emits, FP and libm included.
 */
class GuestProgramTest {
    private static final long STACK_TOP = 0x7fff0000L, STACK_SIZE = 1 << 20;

    @Test
    void compiledWorkoutMatchesQemu() throws Exception {
        Path elf = build("workout");
        byte[] expected = run(List.of("qemu-riscv64", elf.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = runOnHart(Files.readAllBytes(elf), out);
        assertEquals(0, status);
        assertEquals(new String(expected, StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
    }

    /** Instructions the last program retired (for a benchmark harness). */
    static long lastInstret, lastBlocks;

    static int runOnHart(byte[] image, ByteArrayOutputStream out) throws ErrnoException {
        AddressSpace as = new AddressSpace();
        Hart h = new Hart(as);
        ByteBuffer e = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        long entry = e.getLong(24), phoff = e.getLong(32);
        int phentsize = e.getShort(54) & 0xffff, phnum = e.getShort(56) & 0xffff;
        long end = 0;
        int fixed = Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_FIXED;
        for (int i = 0; i < phnum; i++) {
            int ph = (int) phoff + i * phentsize;
            if (e.getInt(ph) != 1) continue; // PT_LOAD
            int flags = e.getInt(ph + 4);
            long off = e.getLong(ph + 8), va = e.getLong(ph + 16), filesz = e.getLong(ph + 32), memsz = e.getLong(ph + 40);
            long start = va & ~0xfffL, stop = (va + memsz + 0xfff) & ~0xfffL;
            as.mmap(start, stop - start, Mman.PROT_READ | Mman.PROT_WRITE, fixed);
            as.write(va, image, (int) off, (int) filesz);
            int prot = ((flags & 4) != 0 ? Mman.PROT_READ : 0) | ((flags & 2) != 0 ? Mman.PROT_WRITE : 0) | ((flags & 1) != 0 ? Mman.PROT_EXEC : 0);
            as.mprotect(start, stop - start, prot);
            end = Math.max(end, stop);
        }
        as.initBrk(end);
        as.mmap(STACK_TOP - STACK_SIZE, STACK_SIZE, Mman.PROT_READ | Mman.PROT_WRITE, fixed);
        // argc, argv[0], NULL, envp NULL, auxv {AT_PAGESZ, AT_RANDOM}, AT_NULL; strings above.
        long strings = STACK_TOP - 256;
        as.write(strings, "workout\0".getBytes(StandardCharsets.UTF_8));
        long random = strings + 64;
        as.write(random, new byte[16]);
        long sp = STACK_TOP - 1024;
        long[] words = {1, strings, 0, 0, 6, 4096, 25, random, 0, 0};
        for (int i = 0; i < words.length; i++) as.write64(sp + 8L * i, words[i]);
        h.x[2] = sp;
        h.pc = entry;
        for (;;) {
            StopReason r = h.run();
            assertSame(StopReason.ECALL, r, () -> r + " at pc 0x" + Long.toHexString(h.pc));
            long[] x = h.x;
            long nr = x[17], a0 = x[10], a1 = x[11], a2 = x[12];
            long ret;
            switch ((int) nr) {
                case 64 -> { // write
                    out.writeBytes(as.read(a1, (int) a2));
                    ret = a2;
                }
                case 66 -> { // writev
                    long total = 0;
                    for (int i = 0; i < a2; i++) {
                        long base = as.read64(a1 + 16L * i), len = as.read64(a1 + 16L * i + 8);
                        out.writeBytes(as.read(base, (int) len));
                        total += len;
                    }
                    ret = total;
                }
                case 29 -> ret = -25; // ioctl: ENOTTY, stdout is not a terminal
                case 96 -> ret = 1;   // set_tid_address
                case 135 -> ret = 0;  // rt_sigprocmask
                case 214 -> ret = as.brk(a0);
                case 93, 94 -> {
                    lastInstret = h.instret;
                    return (int) a0;
                }
                default -> ret = -38; // ENOSYS
            }
            x[10] = ret;
            h.pc += 4;
        }
    }

    /** Compiles src/test/resources/cpu/NAME.c with the musl toolchain (cached in target/). */
    private static Path build(String name) throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("rivet.home", "."));
        Path src = home.resolve("src/test/resources/cpu/" + name + ".c");
        Path dir = home.resolve("target/guest");
        Files.createDirectories(dir);
        Path elf = dir.resolve(name);
        if (!Files.exists(elf) || Files.getLastModifiedTime(elf).compareTo(Files.getLastModifiedTime(src)) < 0) {
            Path specs = home.resolve(".cache/musl/usr/lib/riscv64-linux-musl/musl-gcc.specs");
            run(List.of("riscv64-linux-gnu-gcc", "-specs", specs.toString(), "-static", "-O2", src.toString(),
                    "-o", elf.toString(), "-lm"));
        }
        return elf;
    }

    private static byte[] run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new AssertionError(String.join(" ", cmd) + " failed:\n" + err);
        return out;
    }
}
