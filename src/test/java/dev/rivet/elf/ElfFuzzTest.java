package dev.rivet.elf;

import dev.rivet.mm.AddressSpace;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Any file at all must end in a loaded program or a LoadException: never another exception.
 * Truncations and random byte flips of real binaries, parsed and (when they parse) loaded into
 * a real address space. Seeded, so a failure reproduces.
 */
class ElfFuzzTest {
    private int parsed, refused, loaded;

    private void attempt(byte[] data, String what) {
        ElfFile elf;
        try {
            elf = ElfFile.parse(data, "fuzz");
        } catch (LoadException e) {
            refused++;
            assertEquals(126, e.status, what);
            assertFalse(e.reason.isEmpty(), what);
            return;
        } catch (Throwable t) {
            throw new AssertionError("parse threw " + t + " for " + what, t);
        }
        parsed++;
        try {
            ElfLoader.load(new AddressSpace(), elf, List.of("fuzz"), List.of("A=1"), "fuzz",
                    LoadOptions.defaults().withAtRandom(new byte[16]));
            loaded++;
        } catch (LoadException e) {
            assertEquals(126, e.status, what);
        } catch (Throwable t) {
            throw new AssertionError("load threw " + t + " for " + what, t);
        }
    }

    @Test
    void everyTruncationIsRefusedCleanly() {
        for (byte[] original : List.of(TestBinaries.bytes(TestBinaries.helloStatic()), TestBinaries.bytes(TestBinaries.helloPie()))) {
            for (int len = 0; len < original.length; len += len < 1024 ? 1 : 61)
                attempt(Arrays.copyOf(original, len), "truncated to " + len);
        }
        assertTrue(refused > 1000, "refused " + refused);
    }

    @Test
    void randomByteFlipsNeverEscape() {
        Random random = new Random(0x5eed);
        for (byte[] original : List.of(TestBinaries.bytes(TestBinaries.helloStatic()), TestBinaries.bytes(TestBinaries.helloPie()))) {
            int phEnd = 64 + 56 * 8;
            for (int round = 0; round < 4000; round++) {
                byte[] data = original.clone();
                int flips = 1 + random.nextInt(6);
                StringBuilder what = new StringBuilder("flips");
                for (int f = 0; f < flips; f++) {
                    // Mostly the headers, where a flip changes what the loader does.
                    int at = random.nextInt(4) > 0 ? random.nextInt(phEnd) : random.nextInt(data.length);
                    int value = random.nextInt(256);
                    data[at] = (byte) value;
                    what.append(' ').append(at).append('=').append(value);
                }
                attempt(data, what.toString());
            }
        }
        // Both outcomes must actually occur, or the fuzzing proves nothing.
        assertTrue(parsed > 100 && refused > 100, "parsed " + parsed + ", refused " + refused);
        assertTrue(loaded > 50, "loaded " + loaded);
    }
}
