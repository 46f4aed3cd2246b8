package dev.rivet.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every guest test (guest/tests/*.c, TAP output) under Rivet and under qemu-riscv64 —
 * the same binary — as one JUnit test per TAP line per runner, plus a plan check and an
 * exit-status check. qemu is the reference: a check that fails there is a wrong test.
 */
class GuestTapTest {
    /** Every guest test gets these arguments and variables; startup.c checks they arrive. */
    static final List<String> ARGS = List.of("tap-arg", "two words");

    static Map<String, String> env(GuestRunner r) {
        return Map.of("RIVET_TAP_ENV", "yes", "RIVET_TAP_RUNNER", r.label);
    }

    @TestFactory
    Stream<DynamicNode> guestTests() {
        GuestBuild.ensureBuilt();
        return GuestBuild.sources("guest/tests").stream().flatMap(src -> {
            String file = src.getFileName().toString();
            Path bin = GuestBuild.binary("build/guest/tests", file);
            return Stream.of(GuestRunner.values()).map(r -> dynamicContainer(r.label + " " + file,
                    // flatMap keeps this lazy: the program runs when JUnit reaches the container.
                    Stream.of(r).flatMap(x -> tapTests(x, file, bin))));
        });
    }

    private static Stream<DynamicNode> tapTests(GuestRunner r, String file, Path bin) {
        String prefix = r.label + " " + file + ": ";
        if (!Files.isExecutable(bin)) {
            return Stream.of(dynamicTest(prefix + "binary", () -> fail("not built: " + bin)));
        }
        GuestProcess.Result run = r.run(bin, ARGS, env(r));
        Tap tap = Tap.parse(run.stdout());
        List<DynamicNode> tests = new ArrayList<>();
        for (Tap.Line line : tap.lines()) {
            tests.add(dynamicTest(prefix + line.title(), () -> {
                if (line.skipReason() != null) Assumptions.abort(prefix + "SKIP " + line.skipReason());
                if (!line.ok()) fail(prefix + line.title() + "\n" + String.join("\n", line.diagnostics()));
            }));
        }
        tests.add(dynamicTest(prefix + "plan", () -> {
            // Failure messages start with the test's name: Surefire's summary shows only the message.
            assertTrue(tap.planned() >= 0, () -> prefix + "no TAP plan\n" + run.describe());
            assertEquals(tap.planned(), tap.lines().size(),
                    () -> prefix + "planned " + tap.planned() + " tests, ran " + tap.lines().size() + "\n" + run.describe());
            assertTrue(tap.problems().isEmpty(), () -> prefix + String.join("\n", tap.problems()) + "\n" + run.describe());
        }));
        tests.add(dynamicTest(prefix + "exit status 0", () -> {
            if (run.timedOut() || run.status() != 0) fail(prefix + "exit status\n" + run.describe());
        }));
        return tests.stream();
    }
}
