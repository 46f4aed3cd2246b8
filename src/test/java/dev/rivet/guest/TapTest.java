package dev.rivet.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The TAP reader the guest runner relies on: what counts as a pass must be exactly that. */
class TapTest {
    @Test
    void readsPlanResultsSkipsAndDiagnostics() {
        Tap t = Tap.parse("""
                1..4
                ok 1 - open ENOENT
                not ok 2 - read returns 13
                #   got 12, want 13
                ok 3 - printf "%x|%#x" -> "ff|0xff"
                ok 4 - MAP_FIXED_NOREPLACE # SKIP qemu ignores it
                """);
        assertEquals(4, t.planned());
        assertTrue(t.problems().isEmpty(), t.problems()::toString);
        List<Tap.Line> l = t.lines();
        assertEquals("ok 1 - open ENOENT", l.get(0).title());
        assertFalse(l.get(1).ok());
        assertEquals(List.of("#   got 12, want 13"), l.get(1).diagnostics());
        assertEquals("printf \"%x|%#x\" -> \"ff|0xff\"", l.get(2).name(), "a # inside a name is not a directive");
        assertNull(l.get(2).skipReason());
        assertEquals("qemu ignores it", l.get(3).skipReason());
        assertEquals("MAP_FIXED_NOREPLACE", l.get(3).name());
    }

    @Test
    void noPlanIsVisible() {
        Tap t = Tap.parse("ok 1 - a\nok 2 - b\n");
        assertEquals(-1, t.planned());
        assertEquals(2, t.lines().size());
    }

    @Test
    void reportsOutOfOrderNumbersAndStrayOutput() {
        Tap t = Tap.parse("1..3\nok 1 - a\nok 3 - c\nSegmentation fault\n");
        assertEquals(2, t.problems().size(), t.problems()::toString);
        assertTrue(t.problems().get(0).contains("test 3 where 2 was expected"));
        assertTrue(t.problems().get(1).contains("not TAP: Segmentation fault"));
    }

    @Test
    void aSecondPlanIsAProblem() {
        assertEquals(1, Tap.parse("1..1\nok 1\n1..1\n").problems().size());
    }
}
