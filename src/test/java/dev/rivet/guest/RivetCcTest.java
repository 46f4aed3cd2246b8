package dev.rivet.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `rivet cc` (scripts/rivet-cc.sh): static riscv64 musl executables, gcc's usual flags. */
class RivetCcTest {
    @TempDir static Path dir;

    static final short ET_EXEC = 2, ET_DYN = 3, EM_RISCV = 243;
    static final int PT_DYNAMIC = 2, PT_INTERP = 3;

    @BeforeAll
    static void sources() throws IOException {
        Files.writeString(dir.resolve("main.c"), """
                #include <math.h>
                #include <stdio.h>
                int twice(int);
                int main(void) { printf("%d %.4f\\n", twice(21), sqrt(2.0 + twice(0))); return 0; }
                """);
        Files.writeString(dir.resolve("twice.c"), "int twice(int x) { return 2 * x; }\n");
    }

    static GuestProcess.Result rivetCc(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of(GuestBuild.home().resolve("rivet").toString(), "cc"));
        cmd.addAll(List.of(args));
        // rivet cc sees relative names from the process's own temporary directory: use absolute ones.
        return GuestProcess.run(cmd, env, Duration.ofMinutes(2));
    }

    static String p(String name) { return dir.resolve(name).toString(); }

    /** The ELF header's e_type, e_machine, and which program header types are present. */
    record Elf(short type, short machine, boolean interp, boolean dynamic) {
        static Elf read(Path file) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(0x464c457f, b.getInt(0), "ELF magic");
            long phoff = b.getLong(32);
            int phentsize = Short.toUnsignedInt(b.getShort(54)), phnum = Short.toUnsignedInt(b.getShort(56));
            boolean interp = false, dynamic = false;
            for (int i = 0; i < phnum; i++) {
                int t = b.getInt((int) phoff + i * phentsize);
                interp |= t == PT_INTERP;
                dynamic |= t == PT_DYNAMIC;
            }
            return new Elf(b.getShort(16), b.getShort(18), interp, dynamic);
        }
    }

    @Test
    void compilesTwoObjectsAndLinksThemStatically() throws IOException {
        var c1 = rivetCc(Map.of(), "-O2", "-g", "-c", p("main.c"), "-o", p("main.o"));
        assertEquals(0, c1.status(), c1::describe);
        var c2 = rivetCc(Map.of(), "-O2", "-c", p("twice.c"), "-o", p("twice.o"));
        assertEquals(0, c2.status(), c2::describe);
        var link = rivetCc(Map.of(), p("main.o"), p("twice.o"), "-o", p("prog"), "-lm", "-lpthread", "-lrt");
        assertEquals(0, link.status(), link::describe);
        Elf elf = Elf.read(dir.resolve("prog"));
        assertEquals(ET_EXEC, elf.type(), "a static executable");
        assertEquals(EM_RISCV, elf.machine(), "for RISC-V");
        assertFalse(elf.interp(), "no program interpreter");
        assertFalse(elf.dynamic(), "no dynamic section");
        var run = GuestRunner.QEMU.run(dir.resolve("prog"), List.of(), Map.of());
        assertEquals("42 1.4142\n", run.stdout(), run::describe);
    }

    @Test
    void staticPieIsPositionIndependentWithoutInterpreter() throws IOException {
        var cc = rivetCc(Map.of(), "-O1", "-static-pie", p("main.c"), p("twice.c"), "-lm", "-o", p("pie"));
        assertEquals(0, cc.status(), cc::describe);
        Elf elf = Elf.read(dir.resolve("pie"));
        assertEquals(ET_DYN, elf.type(), "static-pie is ET_DYN");
        assertFalse(elf.interp(), "no program interpreter");
        var run = GuestRunner.QEMU.run(dir.resolve("pie"), List.of(), Map.of());
        assertEquals("42 1.4142\n", run.stdout(), run::describe);
    }

    @Test
    void assemblesOnlyWithDashS() throws IOException {
        var cc = rivetCc(Map.of(), "-S", p("twice.c"), "-o", p("twice.s"));
        assertEquals(0, cc.status(), cc::describe);
        assertTrue(Files.readString(dir.resolve("twice.s")).contains("twice:"), "assembly for twice()");
    }

    @Test
    void saysHowToInstallTheToolchainWhenItIsMissing() throws IOException {
        // A PATH holding only bash: the launcher and the wrapper must not need anything else.
        Path bin = Files.createDirectories(dir.resolve("onlybash"));
        Path bash = bin.resolve("bash");
        Files.writeString(bash, "#!/bin/bash\nexec /bin/bash \"$@\"\n");
        bash.toFile().setExecutable(true);
        var cc = rivetCc(Map.of("PATH", bin.toString()), p("main.c"), "-o", p("never"));
        assertEquals(1, cc.status(), cc::describe);
        assertEquals("rivet cc: riscv64 toolchain not installed: run 'make toolchain'\n", cc.stderr());
        assertFalse(Files.exists(dir.resolve("never")));
    }
}
