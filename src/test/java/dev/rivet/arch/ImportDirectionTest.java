package dev.rivet.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Keeps the dependency direction of DESIGN.md true: cli → kernel/syscall → fs, net, signal, elf,
 * cpu → mm → abi. A package may use packages of a lower rank, its own, or a listed peer.
 */
class ImportDirectionTest {
    private static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("abi", 0), Map.entry("host", 1), Map.entry("mm", 1),
            Map.entry("cpu", 2), Map.entry("jit", 3), Map.entry("elf", 2), Map.entry("fs", 2),
            Map.entry("net", 2), Map.entry("signal", 2),
            Map.entry("kernel", 4), Map.entry("syscall", 4),
            Map.entry("", 5), Map.entry("cli", 6));
    /** Same-rank pairs that may use each other: the kernel runs syscalls, syscalls act on tasks. */
    private static final Set<String> PEERS = Set.of("kernel>syscall", "syscall>kernel");
    /** abi's struct helpers read and write guest memory through its one interface. */
    private static final Set<String> EXCEPTIONS = Set.of("abi>dev.rivet.mm.GuestMemory");

    private static final Pattern USE = Pattern.compile("\\bdev\\.rivet\\.([a-z]+)\\.([A-Z]\\w*)|\\bdev\\.rivet\\.([A-Z]\\w*)");

    @Test
    void packagesDependOnlyDownwards() throws IOException {
        Path root = Path.of("src/main/java/dev/rivet");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = root.relativize(f);
                String pkg = rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
                Integer own = RANK.get(pkg);
                if (own == null) { violations.add(rel + ": package '" + pkg + "' has no rank in this test"); continue; }
                for (String line : Files.readAllLines(f)) {
                    String code = line.strip();
                    if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*") || code.startsWith("package ")) continue;
                    Matcher m = USE.matcher(code);
                    while (m.find()) {
                        String used = m.group(1) != null ? m.group(1) : "";
                        String cls = m.group(1) != null ? "dev.rivet." + m.group(1) + "." + m.group(2) : "dev.rivet." + m.group(3);
                        if (used.equals(pkg)) continue;
                        Integer r = RANK.get(used);
                        boolean ok = r != null && (r < own || PEERS.contains(pkg + ">" + used) || EXCEPTIONS.contains(pkg + ">" + cls));
                        if (!ok) violations.add(rel + " uses " + cls);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
