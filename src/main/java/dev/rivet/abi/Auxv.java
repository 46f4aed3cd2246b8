package dev.rivet.abi;

/**
 * Auxiliary vector entry types (Linux uapi {@code linux/auxvec.h} and riscv's {@code asm/auxvec.h}),
 * and the riscv64 values Rivet puts in them that are constants of the "machine" it emulates.
 */
public final class Auxv {
    private Auxv() {}

    public static final int AT_NULL = 0;
    public static final int AT_IGNORE = 1;
    public static final int AT_EXECFD = 2;
    public static final int AT_PHDR = 3;
    public static final int AT_PHENT = 4;
    public static final int AT_PHNUM = 5;
    public static final int AT_PAGESZ = 6;
    public static final int AT_BASE = 7;
    public static final int AT_FLAGS = 8;
    public static final int AT_ENTRY = 9;
    public static final int AT_NOTELF = 10;
    public static final int AT_UID = 11;
    public static final int AT_EUID = 12;
    public static final int AT_GID = 13;
    public static final int AT_EGID = 14;
    public static final int AT_PLATFORM = 15;
    public static final int AT_HWCAP = 16;
    public static final int AT_CLKTCK = 17;
    public static final int AT_SECURE = 23;
    public static final int AT_BASE_PLATFORM = 24;
    public static final int AT_RANDOM = 25;
    public static final int AT_HWCAP2 = 26;
    public static final int AT_RSEQ_FEATURE_SIZE = 27;
    public static final int AT_RSEQ_ALIGN = 28;
    public static final int AT_HWCAP3 = 29;
    public static final int AT_HWCAP4 = 30;
    public static final int AT_EXECFN = 31;
    public static final int AT_SYSINFO_EHDR = 33;
    public static final int AT_L1I_CACHESIZE = 40;
    public static final int AT_L1I_CACHEGEOMETRY = 41;
    public static final int AT_L1D_CACHESIZE = 42;
    public static final int AT_L1D_CACHEGEOMETRY = 43;
    public static final int AT_L2_CACHESIZE = 44;
    public static final int AT_L2_CACHEGEOMETRY = 45;
    public static final int AT_L3_CACHESIZE = 46;
    public static final int AT_L3_CACHEGEOMETRY = 47;
    public static final int AT_MINSIGSTKSZ = 51;

    /**
     * riscv's AT_HWCAP has one bit per single-letter ISA extension, bit ('X' - 'A'). Rivet's hart
     * implements RV64IMAFDC, so: I, M, A, F, D, C = 0x112d (what Linux reports for rv64imafdc).
     */
    public static final long HWCAP_RV64IMAFDC = isaBits("IMAFDC");

    /** Linux's USER_HZ: the unit of times(2) and /proc tick counts, which AT_CLKTCK advertises. */
    public static final long CLKTCK = 100;

    /** The bits of the single-letter extensions named in {@code letters}. */
    public static long isaBits(String letters) {
        long bits = 0;
        for (int i = 0; i < letters.length(); i++) bits |= 1L << (letters.charAt(i) - 'A');
        return bits;
    }
}
