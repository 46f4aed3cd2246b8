package dev.rivet.elf;

import java.util.List;

/**
 * What the loader needs besides the file and the argument strings.
 *
 * @param ids        the credentials the program starts with (AT_UID … AT_EGID)
 * @param stackLimit RLIMIT_STACK: how far the main stack may grow; also bounds argv+envp as Linux does
 * @param atRandom   the 16 bytes AT_RANDOM points to, or null for fresh random bytes (tests fix them)
 * @param archAuxv   entries that come first in the vector, as Linux's ARCH_DLINFO does on riscv:
 *                   the kernel adds AT_SYSINFO_EHDR here once there is a vDSO
 */
public record LoadOptions(UserIds ids, long stackLimit, byte[] atRandom, List<AuxvEntry> archAuxv) {
    /** Linux's default RLIMIT_STACK (_STK_LIM). */
    public static final long DEFAULT_STACK_LIMIT = 8L << 20;

    public LoadOptions {
        if (atRandom != null && atRandom.length != 16) throw new IllegalArgumentException("AT_RANDOM needs 16 bytes");
        archAuxv = List.copyOf(archAuxv);
    }

    public static LoadOptions defaults() {
        return new LoadOptions(UserIds.host(), DEFAULT_STACK_LIMIT, null, List.of());
    }

    public LoadOptions withIds(UserIds ids) { return new LoadOptions(ids, stackLimit, atRandom, archAuxv); }
    public LoadOptions withAtRandom(byte[] bytes) { return new LoadOptions(ids, stackLimit, bytes, archAuxv); }
    public LoadOptions withStackLimit(long limit) { return new LoadOptions(ids, limit, atRandom, archAuxv); }
    public LoadOptions withArchAuxv(List<AuxvEntry> entries) { return new LoadOptions(ids, stackLimit, atRandom, entries); }
}
