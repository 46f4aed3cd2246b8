package dev.rivet.elf;

import java.util.List;

/**
 * A program mapped into an address space with its initial stack built: where its first thread
 * starts, and what the kernel keeps for later (brk, /proc/self/cmdline and /proc/self/auxv,
 * getuid).
 *
 * @param entry      the initial pc (e_entry plus the load bias)
 * @param sp         the initial stack pointer (16-byte aligned; argc is at sp)
 * @param loadBias   what was added to every p_vaddr (0 for ET_EXEC)
 * @param phdr       the address of the program headers in memory (AT_PHDR; 0 if not mapped)
 * @param brkStart   where the heap starts (already passed to {@code AddressSpace.initBrk})
 * @param stackTop   the address just above the stack
 * @param argStart   the first argv string; argv strings end at {@code argEnd} (Linux mm->arg_start/arg_end)
 * @param envStart   the first envp string; envp strings end at {@code envEnd}
 * @param execfn     the address of the AT_EXECFN string
 * @param random     the address of the 16 AT_RANDOM bytes
 * @param auxv       the auxiliary vector as written, AT_NULL included
 * @param ids        the credentials advertised in the vector (the kernel must use the same)
 */
public record LoadedImage(long entry, long sp, long loadBias, long phdr, long brkStart, long stackTop,
                          long argStart, long argEnd, long envStart, long envEnd,
                          long execfn, long random, List<AuxvEntry> auxv, UserIds ids) {
    /** The value of auxv entry {@code type}, or -1 if absent. */
    public long aux(long type) {
        for (AuxvEntry e : auxv) if (e.type() == type) return e.value();
        return -1;
    }
}
