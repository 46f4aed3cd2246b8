package dev.rivet.syscall;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CoverageDocTest {
    @Test
    void committedCoverageDocMatchesTheTable() throws IOException {
        Path doc = Path.of("docs/syscalls.md");
        String expected = CoverageDoc.render(Syscalls.table());
        String actual = Files.exists(doc) ? Files.readString(doc) : "";
        assertEquals(expected, actual, "docs/syscalls.md is stale: run 'make docs'");
    }
}
