package dev.rivet.elf;

import dev.rivet.mm.AddressSpace;

/** One Elf64_Phdr, fields as in the file (unsigned 64-bit values held in longs). */
public record ProgramHeader(int type, int flags, long offset, long vaddr, long paddr,
                            long filesz, long memsz, long align) {

    /** The mmap protection (PROT_*) matching this segment's p_flags. */
    public int prot() {
        int prot = 0;
        if ((flags & Elf.PF_R) != 0) prot |= AddressSpace.PROT_READ;
        if ((flags & Elf.PF_W) != 0) prot |= AddressSpace.PROT_WRITE;
        if ((flags & Elf.PF_X) != 0) prot |= AddressSpace.PROT_EXEC;
        return prot;
    }

    /** The first address past the segment in memory (no overflow: the parser checked). */
    public long vend() { return vaddr + memsz; }
}
