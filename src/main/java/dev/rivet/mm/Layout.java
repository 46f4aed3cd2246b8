package dev.rivet.mm;

/**
 * The fixed numbers of the guest's address-space layout: Linux riscv64 with sv48-sized user
 * space and address-space randomisation off, so every run places things at the same addresses.
 */
public final class Layout {
    private Layout() {}

    /** riscv64 TASK_SIZE / DEFAULT_MAP_WINDOW for sv48: user addresses are below 2^47. */
    public static final long TASK_SIZE = 1L << 47;
    /** STACK_TOP: the main stack ends here (no randomisation, so exactly the window's end). */
    public static final long STACK_TOP = TASK_SIZE;
    /** vm.mmap_min_addr as most distributions set it: nothing may be mapped below 64 KiB. */
    public static final long MMAP_MIN_ADDR = 0x10000;
    /** stack_guard_gap: 256 pages kept free below a stack that grows down. */
    public static final long STACK_GUARD_GAP = 256L << AddressSpace.PAGE_SHIFT;
    /** Where bottom-up searches start when top-down fails (TASK_UNMAPPED_BASE = TASK_SIZE / 3). */
    public static final long TASK_UNMAPPED_BASE = pageAlign(TASK_SIZE / 3);
    /** vm.max_map_count default. */
    public static final int MAX_MAP_COUNT = 65530;
    /** RLIMIT_STACK default. */
    public static final long DEFAULT_STACK_LIMIT = 8L << 20;
    /** How much of the main stack setup_arg_pages maps up front (128 KiB plus the argument page). */
    public static final long INITIAL_STACK = (128L << 10) + AddressSpace.PAGE_SIZE;

    private static final long MIN_GAP = 128L << 20;
    private static final long MAX_GAP = STACK_TOP / 6 * 5;

    /**
     * Linux's mmap_base (mm/util.c) without randomisation: the stack limit plus the guard gap,
     * clamped to [128 MiB, 5/6 of the space], below the stack top. An 8 MiB limit gives
     * 0x7ffff8000000.
     */
    public static long mmapBase(long stackLimit) {
        long gap = stackLimit;
        if (gap + STACK_GUARD_GAP > gap) gap += STACK_GUARD_GAP;  // values near RLIM_INFINITY overflow
        if (gap < 0 || gap > MAX_GAP) gap = MAX_GAP;
        if (gap < MIN_GAP) gap = MIN_GAP;
        return pageAlign(STACK_TOP - gap);
    }

    public static long pageAlign(long x) {
        return (x + AddressSpace.PAGE_SIZE - 1) & -AddressSpace.PAGE_SIZE;
    }

    public static boolean pageAligned(long x) {
        return (x & (AddressSpace.PAGE_SIZE - 1)) == 0;
    }
}
