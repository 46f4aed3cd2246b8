package dev.rivet.elf;

import dev.rivet.abi.Auxv;
import dev.rivet.abi.ErrnoException;
import dev.rivet.mm.AddressSpace;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Runs probe.c under qemu-riscv64 (the reference) and compares what it reports about its initial
 * stack with what ElfLoader builds for the same binary, arguments and environment. qemu-user
 * mirrors Linux's riscv vector here (no AT_PLATFORM, HWCAP 0x112d for rv64gc); where qemu and
 * Linux differ (qemu's entry order, its placement of static-PIE) the test compares what they share.
 */
class QemuCrossCheckTest {
    static final List<String> ENV = List.of("A=1", "BB=22");

    /** The probe's report: "key value" lines, aux entries as type → value. */
    record Report(Map<String, String> facts, Map<Long, Long> aux, List<String> argv) {}

    private static Report runUnderQemu(Path probe, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("qemu-riscv64", probe.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().clear();
        for (String kv : ENV) pb.environment().put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        Map<String, String> facts = new TreeMap<>();
        Map<Long, Long> aux = new TreeMap<>();
        List<String> argv = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] kv = line.split(" ", 2);
            switch (kv[0]) {
                case "aux" -> {
                    String[] tv = kv[1].split(" ");
                    aux.put(Long.parseLong(tv[0]), Long.decode(tv[1]));
                }
                case "argv" -> argv.add(kv[1]);
                default -> facts.put(kv[0], kv[1]);
            }
        }
        return new Report(facts, aux, argv);
    }

    private static Map<Long, Long> auxOf(LoadedImage image) {
        Map<Long, Long> aux = new TreeMap<>();
        for (AuxvEntry e : image.auxv()) if (e.type() != Auxv.AT_NULL) aux.put(e.type(), e.value());
        return aux;
    }

    @Test
    void staticExecutableMatchesQemu() throws Exception {
        Path probe = TestBinaries.probeStatic();
        List<String> args = List.of("x", "y z", "");
        Report qemu = runUnderQemu(probe, args);
        AddressSpace mem = new AddressSpace();
        List<String> argv = new ArrayList<>(List.of(probe.toString()));
        argv.addAll(args);
        LoadedImage image = ElfLoader.load(mem, ElfFile.open(probe, probe.toString()), argv, ENV, probe.toString());

        assertEquals(argv, qemu.argv());
        assertEquals(qemu.aux().keySet(), auxOf(image).keySet(), "the same auxv entry types");
        // Everything but the two stack addresses is the same number (an ET_EXEC is not moved).
        Map<Long, Long> ours = auxOf(image);
        for (long type : qemu.aux().keySet()) {
            if (type == Auxv.AT_RANDOM || type == Auxv.AT_EXECFN) continue;
            assertEquals(qemu.aux().get(type), ours.get(type), "auxv type " + type);
        }
        checkFacts(qemu, mem, image, argv.size());
    }

    @Test
    void staticPieMatchesQemuUpToTheLoadAddress() throws Exception {
        Path probe = TestBinaries.probePie();
        Report qemu = runUnderQemu(probe, List.of("pie"));
        AddressSpace mem = new AddressSpace();
        List<String> argv = List.of(probe.toString(), "pie");
        LoadedImage image = ElfLoader.load(mem, ElfFile.open(probe, probe.toString()), argv, ENV, probe.toString());
        Map<Long, Long> ours = auxOf(image);
        assertEquals(qemu.aux().keySet(), ours.keySet());
        // qemu and Rivet may pick different load addresses; the image's shape is the same.
        assertEquals(qemu.aux().get((long) Auxv.AT_ENTRY) - qemu.aux().get((long) Auxv.AT_PHDR),
                ours.get((long) Auxv.AT_ENTRY) - ours.get((long) Auxv.AT_PHDR));
        for (long type : new long[] {Auxv.AT_PHENT, Auxv.AT_PHNUM, Auxv.AT_PAGESZ, Auxv.AT_BASE, Auxv.AT_HWCAP, Auxv.AT_CLKTCK})
            assertEquals(qemu.aux().get(type), ours.get(type), "auxv type " + type);
        checkFacts(qemu, mem, image, argv.size());
    }

    /** The layout facts probe.c prints, computed from our memory, must agree with qemu's. */
    private static void checkFacts(Report qemu, AddressSpace mem, LoadedImage image, int argc) throws ErrnoException {
        long sp = image.sp();
        long argvAt = sp + 8;
        long envpAt = argvAt + 8L * (argc + 1);
        List<Long> strings = new ArrayList<>();
        for (long p = argvAt; mem.read64(p) != 0; p += 8) strings.add(mem.read64(p));
        for (long p = envpAt; mem.read64(p) != 0; p += 8) strings.add(mem.read64(p));
        boolean contiguous = true;
        long expect = strings.getFirst();
        for (long s : strings) {
            contiguous &= s == expect;
            expect = s + mem.readCBytes(s, 1 << 17).length + 1;
        }
        Map<String, String> ours = new TreeMap<>();
        ours.put("argc", Long.toString(mem.read64(sp)));
        ours.put("sp_is_argc", "1");
        ours.put("sp_mod16", Long.toString(sp % 16));
        ours.put("argv_null", mem.read64(argvAt + 8L * argc) == 0 ? "1" : "0");
        ours.put("envp_follows_argv", "1"); // by construction: envp pointers start after argv's NULL
        ours.put("envc", Integer.toString(strings.size() - argc));
        ours.put("strings_contiguous", contiguous ? "1" : "0");
        ours.put("execfn", mem.readCString(image.execfn(), 4096));
        ours.put("execfn_after_strings", image.execfn() == expect ? "1" : "0");
        ours.put("random_below_strings", image.random() + 16 <= strings.getFirst() ? "1" : "0");
        assertEquals(qemu.facts(), ours);
    }
}
