package dev.rivet;

import dev.rivet.elf.ElfFile;

/**
 * PLACEHOLDER written by the elfcli branch only so the CLI compiles; the lead's embedding
 * facade replaces this file entirely. It validates the program (so bad files already give
 * their one-line errors) and then reports that running is not implemented yet.
 */
public final class Rivet {
    private Rivet() {}

    /** Runs the program described by {@code config} and returns its exit status. */
    public static int run(RunConfig config) {
        ElfFile.open(config.program(), config.program().toString());
        throw new UnsupportedOperationException("running programs is not implemented yet (placeholder Rivet)");
    }
}
