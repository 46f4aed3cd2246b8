package dev.rivet.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rivet.abi.Auxv;
import dev.rivet.mm.AddressSpace;
import dev.rivet.mm.Vma;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vDSO image as the host's binutils see it (riscv64-linux-gnu-readelf and -objdump on the
 * bytes written to a file), its hash tables walked as a dynamic linker walks them, and its
 * mapping in a fresh address space.
 */
class VdsoTest {
    /** Linux's riscv vDSO exports (arch/riscv/kernel/vdso/vdso.lds.S) and the syscall each makes here. */
    private static final Map<String, Integer> SYSCALLS = Map.of(
            "__vdso_rt_sigreturn", 139, "__vdso_gettimeofday", 169, "__vdso_clock_gettime", 113,
            "__vdso_clock_getres", 114, "__vdso_getcpu", 168, "__vdso_flush_icache", 259,
            "__vdso_riscv_hwprobe", 258);

    @TempDir Path dir;

    private Path imageFile() throws IOException {
        Path f = dir.resolve("vdso.so");
        Files.write(f, Vdso.image());
        return f;
    }

    private static String tool(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), () -> String.join(" ", cmd) + " failed:\n" + out);
        return out;
    }

    @Test
    void readelfSeesARiscvSharedObjectWithLinuxsVersionedSymbols() throws Exception {
        String out = tool("riscv64-linux-gnu-readelf", "-a", "--dyn-syms", "-V", "-W", imageFile().toString());
        // readelf reports what it finds odd on stderr (merged here) with these words.
        assertTrue(!out.contains("Warning") && !out.contains("Error") && !out.contains("corrupt"), out);
        assertTrue(out.contains("DYN (Shared object file)"), out);
        assertTrue(out.contains("Machine:                           RISC-V"), out);
        assertTrue(Pattern.compile("(?m)^\\s+LOAD\\s+0x000000 0x0+ 0x0+ (0x[0-9a-f]+) \\1 R E 0x1000$").matcher(out).find(), out);
        assertTrue(Pattern.compile("(?m)^\\s+DYNAMIC\\s.* R   0x8$").matcher(out).find(), out);
        for (String tag : List.of("(SONAME)             Library soname: [linux-vdso.so.1]", "(HASH)", "(GNU_HASH)",
                "(STRTAB)", "(SYMTAB)", "(VERSYM)", "(VERDEF)", "(VERDEFNUM)          2")) {
            assertTrue(out.contains(tag), () -> "no " + tag + " in\n" + out);
        }
        // Every export, a global function in .text at LINUX_4.15 (the default version, "@@"), and nothing else.
        Matcher m = Pattern.compile("(?m)^\\s+\\d+: ([0-9a-f]{16})\\s+(\\d+) FUNC\\s+GLOBAL DEFAULT\\s+\\d+ (\\w+)@@LINUX_4\\.15$")
                .matcher(out);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(3));
            assertEquals(Vdso.symbols().get(m.group(3)), Long.parseLong(m.group(1), 16), m.group(3));
            assertEquals(m.group(3).equals("__vdso_rt_sigreturn") ? 8 : 12, Integer.parseInt(m.group(2)), m.group(3));
        }
        assertEquals(SYSCALLS.keySet(), java.util.Set.copyOf(found), out);
        assertEquals(7, found.size(), out);
        assertTrue(out.contains("Symbol table '.dynsym' contains 8 entries"), out);
        assertTrue(out.contains("Flags: BASE  Index: 1  Cnt: 1  Name: linux-vdso.so.1"), out);
        assertTrue(out.contains("Flags: none  Index: 2  Cnt: 1  Name: LINUX_4.15"), out);
    }

    @Test
    void objdumpShowsEachFunctionMakingItsSyscall() throws Exception {
        String out = tool("riscv64-linux-gnu-objdump", "-d", imageFile().toString());
        for (var e : SYSCALLS.entrySet()) {
            String name = e.getKey();
            String ret = name.equals("__vdso_rt_sigreturn") ? "" : "\\s+[0-9a-f]+:\\s+00008067\\s+ret\\n";
            Pattern body = Pattern.compile("<" + name + "@@LINUX_4\\.15>:\\n"
                    + "\\s+[0-9a-f]+:\\s+[0-9a-f]{8}\\s+li\\s+a7," + e.getValue() + "\\n"
                    + "\\s+[0-9a-f]+:\\s+00000073\\s+ecall\\n" + ret + "\\n");
            assertTrue(body.matcher(out + "\n").find(), () -> name + " is not li a7," + e.getValue() + "; ecall; ret in\n" + out);
        }
    }

    @Test
    void hashFunctionsMatchKnownValues() {
        // Reference values of the SysV ELF hash and the GNU (djb2) hash.
        assertEquals(0x077905a6, VdsoImage.elfHash("printf"));
        assertEquals(0x0006cf04, VdsoImage.elfHash("exit"));
        assertEquals(0x156b2bb8, VdsoImage.gnuHash("printf"));
        assertEquals(0x7c967e3f, VdsoImage.gnuHash("exit"));
        assertEquals(5381, VdsoImage.gnuHash(""));
    }

    /** Looks every export up through DT_HASH and DT_GNU_HASH as ld.so does, and a missing name too. */
    @Test
    void bothHashTablesFindEveryExport() {
        Image img = new Image(Vdso.image());
        for (String name : SYSCALLS.keySet()) {
            assertEquals(Vdso.symbols().get(name), img.sysvLookup(name), "DT_HASH " + name);
            assertEquals(Vdso.symbols().get(name), img.gnuLookup(name), "DT_GNU_HASH " + name);
        }
        assertEquals(-1, img.sysvLookup("__vdso_time"));
        assertEquals(-1, img.gnuLookup("__vdso_time"));
    }

    @Test
    void mapsReadExecBelowMmapBaseWithTheImageInIt() throws Exception {
        AddressSpace mem = new AddressSpace();
        long base = Vdso.map(mem);
        assertEquals(0, base & (AddressSpace.PAGE_SIZE - 1));
        Vma vma = mem.mappingAt(base);
        assertEquals(AddressSpace.PROT_READ | AddressSpace.PROT_EXEC, vma.prot());
        assertEquals("[vdso]", vma.name());
        assertEquals(base, vma.start());
        byte[] image = Vdso.image();
        byte[] back = new byte[image.length];
        mem.read(base, back, 0, back.length);
        assertArrayEquals(image, back);
        assertEquals(0, mem.read8(base + image.length));  // the rest of the page is zero-filled
        assertEquals(List.of(new AuxvEntry(Auxv.AT_SYSINFO_EHDR, base)), Vdso.auxv(base));
        assertEquals(base + Vdso.symbols().get("__vdso_rt_sigreturn"), Vdso.sigreturn(base));
    }

    @Test
    void liEncodesAddiA7() {
        assertEquals(0x08b00893, Vdso.liA7(139));
        assertEquals(0x7ff00893, Vdso.liA7(2047));
    }

    /** Just enough of a dynamic linker to look names up in the image's two hash tables. */
    private static final class Image {
        final ByteBuffer b;
        final long symtab, strtab, hash, gnuHash;

        Image(byte[] bytes) {
            b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            long dyn = -1;
            int phoff = (int) b.getLong(32), phnum = b.getShort(56);
            for (int i = 0; i < phnum; i++) {
                int ph = phoff + 56 * i;
                if (b.getInt(ph) == 2) dyn = b.getLong(ph + 8);
            }
            long st = 0, str = 0, h = 0, gh = 0;
            for (int d = (int) dyn; b.getLong(d) != 0; d += 16) {
                long tag = b.getLong(d), val = b.getLong(d + 8);
                if (tag == 6) st = val;
                else if (tag == 5) str = val;
                else if (tag == 4) h = val;
                else if (tag == 0x6ffffef5L) gh = val;
            }
            symtab = st;
            strtab = str;
            hash = h;
            gnuHash = gh;
        }

        String name(int sym) {
            int at = (int) (strtab + b.getInt((int) symtab + 24 * sym));
            int end = at;
            while (b.get(end) != 0) end++;
            return new String(b.array(), at, end - at, StandardCharsets.US_ASCII);
        }

        long value(int sym) { return b.getLong((int) symtab + 24 * sym + 8); }

        long sysvLookup(String name) {
            int nbucket = b.getInt((int) hash), nchain = b.getInt((int) hash + 4);
            int bucket = Integer.remainderUnsigned(VdsoImage.elfHash(name), nbucket);
            for (int i = b.getInt((int) hash + 8 + 4 * bucket); i != 0; i = b.getInt((int) hash + 8 + 4 * nbucket + 4 * i)) {
                assertTrue(i < nchain);
                if (name(i).equals(name)) return value(i);
            }
            return -1;
        }

        long gnuLookup(String name) {
            int g = (int) gnuHash;
            int nbuckets = b.getInt(g), symoffset = b.getInt(g + 4), bloomSize = b.getInt(g + 8), shift = b.getInt(g + 12);
            int h = VdsoImage.gnuHash(name);
            long word = b.getLong(g + 16 + 8 * Integer.remainderUnsigned(h >>> 6, bloomSize));
            long mask = 1L << (h & 63) | 1L << ((h >>> shift) & 63);
            if ((word & mask) != mask) return -1;
            int buckets = g + 16 + 8 * bloomSize, chain = buckets + 4 * nbuckets;
            int i = b.getInt(buckets + 4 * Integer.remainderUnsigned(h, nbuckets));
            if (i == 0) return -1;
            for (;; i++) {
                int ch = b.getInt(chain + 4 * (i - symoffset));
                if ((ch | 1) == (h | 1) && name(i).equals(name)) return value(i);
                if ((ch & 1) != 0) return -1;
            }
        }
    }
}
