package dev.rivet.elf;

import dev.rivet.abi.Auxv;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Mman;
import dev.rivet.mm.AddressSpace;
import dev.rivet.mm.Layout;
import dev.rivet.mm.Vma;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps a validated {@link ElfFile} into an {@link AddressSpace} and builds the initial stack,
 * following Linux's load_elf_binary and create_elf_tables (fs/binfmt_elf.c) for a static
 * program (no PT_INTERP).
 */
public final class ElfLoader {
    private ElfLoader() {}

    static final long PAGE = AddressSpace.PAGE_SIZE;

    /** riscv64's DEFAULT_MAP_WINDOW: the user address space the mm layout models (sv48). */
    public static final long DEFAULT_MAP_WINDOW = Layout.TASK_SIZE;

    /** riscv's ELF_ET_DYN_BASE, (DEFAULT_MAP_WINDOW / 3) * 2, page-aligned. */
    public static final long ET_DYN_BASE = (DEFAULT_MAP_WINDOW / 3 * 2) & -PAGE;

    /** {@link #load(AddressSpace, ElfFile, List, List, String, LoadOptions)} with the default options. */
    public static LoadedImage load(AddressSpace mem, ElfFile elf, List<String> argv, List<String> envp, String execfn) {
        return load(mem, elf, argv, envp, execfn, LoadOptions.defaults());
    }

    /**
     * Maps every PT_LOAD of {@code elf} with its protections, sets up brk and the stack, and writes
     * argc, argv, envp and the auxiliary vector. {@code mem} should be empty. Failures (no memory,
     * argument list too long) are {@link LoadException}s.
     *
     * @param execfn the name the program was executed by (AT_EXECFN): the path given to execve
     */
    public static LoadedImage load(AddressSpace mem, ElfFile elf, List<String> argv, List<String> envp,
                                   String execfn, LoadOptions options) {
        long bias = loadBias(elf);
        long brk = 0;
        try {
            mapSegments(mem, elf, bias);
            for (ProgramHeader ph : elf.loadSegments()) brk = Math.max(brk, ph.vend() + bias);
            // Linux starts the heap at the page-aligned end of the highest segment (set_brk).
            brk = pageUp(brk);
            mem.initBrk(brk);
            mem.mapStack(options.stackLimit());
            if (elf.executableStack()) makeStackExecutable(mem);
        } catch (ErrnoException e) {
            throw new LoadException(elf.path(), "cannot map the program: " + e.errno.message,
                    LoadException.CANNOT_EXECUTE, e.errno);
        }

        long phdr = phdrAddress(elf, bias);
        List<AuxvEntry> auxv = new ArrayList<>(options.archAuxv());
        // The rest in create_elf_tables' order; AT_RANDOM and AT_EXECFN follow AT_SECURE, added
        // by InitialStack once it has placed their bytes. Left out on purpose (as qemu-riscv64
        // does): riscv's cache-geometry entries and AT_MINSIGSTKSZ (ARCH_DLINFO; the kernel can
        // pass them in archAuxv once signal frames are fixed) and AT_RSEQ_* (no rseq syscall).
        auxv.add(new AuxvEntry(Auxv.AT_HWCAP, Auxv.HWCAP_RV64IMAFDC));
        auxv.add(new AuxvEntry(Auxv.AT_PAGESZ, PAGE));
        auxv.add(new AuxvEntry(Auxv.AT_CLKTCK, Auxv.CLKTCK));
        auxv.add(new AuxvEntry(Auxv.AT_PHDR, phdr));
        auxv.add(new AuxvEntry(Auxv.AT_PHENT, Elf.PHDR_SIZE));
        auxv.add(new AuxvEntry(Auxv.AT_PHNUM, elf.phnum()));
        auxv.add(new AuxvEntry(Auxv.AT_BASE, 0)); // no interpreter
        auxv.add(new AuxvEntry(Auxv.AT_FLAGS, 0));
        auxv.add(new AuxvEntry(Auxv.AT_ENTRY, elf.entry() + bias));
        UserIds ids = options.ids();
        auxv.add(new AuxvEntry(Auxv.AT_UID, ids.uid()));
        auxv.add(new AuxvEntry(Auxv.AT_EUID, ids.euid()));
        auxv.add(new AuxvEntry(Auxv.AT_GID, ids.gid()));
        auxv.add(new AuxvEntry(Auxv.AT_EGID, ids.egid()));
        auxv.add(new AuxvEntry(Auxv.AT_SECURE, 0));

        InitialStack.Layout s = new InitialStack(mem, elf.path(), options.stackLimit())
                .build(argv, envp, execfn, options.atRandom(), auxv);
        return new LoadedImage(elf.entry() + bias, s.sp(), bias, phdr, brk, mem.stackTop(),
                s.argStart(), s.argEnd(), s.envStart(), s.envEnd(), s.execfn(), s.random(), s.auxv(), ids);
    }

    /**
     * 0 for ET_EXEC. For static-PIE, Linux places an ET_DYN without interpreter at
     * ELF_ET_DYN_BASE rounded down to the largest segment alignment, minus the first segment's
     * page-aligned address (without ASLR: Rivet does not randomise, so runs are reproducible).
     */
    static long loadBias(ElfFile elf) {
        if (!elf.isPie()) return 0;
        long align = PAGE;
        for (ProgramHeader ph : elf.loadSegments()) {
            long a = ph.align();
            // Like Linux's maximum_alignment: only powers of two count; absurd ones are ignored.
            if (a > align && Long.bitCount(a) == 1 && a <= (1L << 30)) align = a;
        }
        long base = ET_DYN_BASE & -align;
        return (base - elf.loadSegments().getFirst().vaddr()) & -PAGE;
    }

    /**
     * Maps each segment read-write, copies its file bytes, then sets its final protection. A page
     * shared by two segments (the end of one and the start of the next) is mapped once and ends
     * with the union of both protections, as the page can only have one.
     */
    private static void mapSegments(AddressSpace mem, ElfFile elf, long bias) throws ErrnoException {
        List<ProgramHeader> loads = elf.loadSegments();
        long mappedEnd = Long.MIN_VALUE; // end of the highest page mapped so far
        int rw = AddressSpace.PROT_READ | AddressSpace.PROT_WRITE;
        int flags = Mman.MAP_FIXED | Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS;
        for (ProgramHeader ph : loads) {
            if (ph.memsz() == 0) continue;
            long start = ph.vaddr() + bias;
            long pageStart = start & -PAGE, pageEnd = pageUp(start + ph.memsz());
            boolean sharesFirstPage = pageStart < mappedEnd;
            long from = Math.max(pageStart, mappedEnd);
            if (from < pageEnd) mem.mmap(from, pageEnd - from, rw, flags);
            // Linux maps whole file pages, so the bytes before p_vaddr in its first page come from
            // the file too (e.g. the ELF header ahead of .text); not when that page belongs to the
            // previous segment. Everything past p_filesz stays zero: that is the bss, including
            // the tail of the last file page.
            long lead = sharesFirstPage ? 0 : start - pageStart;
            copy(mem, elf, start - lead, ph.offset() - lead, ph.filesz() + lead);
            mappedEnd = Math.max(mappedEnd, pageEnd);
        }
        // Final protections as disjoint page ranges in ascending order, one mprotect each.
        List<long[]> ranges = new ArrayList<>(); // {start, end, prot}
        for (ProgramHeader ph : loads) {
            if (ph.memsz() == 0) continue;
            long start = ph.vaddr() + bias;
            long pageStart = start & -PAGE, pageEnd = pageUp(start + ph.memsz());
            long[] last = ranges.isEmpty() ? null : ranges.getLast();
            if (last != null && pageStart < last[1]) {
                long sharedEnd = last[1];
                int sharedProt = (int) last[2] | ph.prot();
                last[1] = pageStart;
                if (last[0] == last[1]) ranges.removeLast();
                ranges.add(new long[] {pageStart, Math.min(sharedEnd, pageEnd), sharedProt});
                if (sharedEnd < pageEnd) ranges.add(new long[] {sharedEnd, pageEnd, ph.prot()});
            } else {
                ranges.add(new long[] {pageStart, pageEnd, ph.prot()});
            }
        }
        for (long[] r : ranges) mem.mprotect(r[0], r[1] - r[0], (int) r[2]);
    }

    /**
     * PT_GNU_STACK with PF_X (e.g. GCC nested-function trampolines): Linux's setup_arg_pages then
     * gives the stack VM_EXEC; growth below it keeps the protection.
     */
    private static void makeStackExecutable(AddressSpace mem) throws ErrnoException {
        Vma stack = mem.mappingAt(mem.stackTop() - 1);
        if (stack != null)
            mem.mprotect(stack.start(), stack.length(), AddressSpace.PROT_READ | AddressSpace.PROT_WRITE | AddressSpace.PROT_EXEC);
    }

    private static void copy(AddressSpace mem, ElfFile elf, long addr, long fileOffset, long length) throws ErrnoException {
        final int chunk = 1 << 20;
        for (long done = 0; done < length; done += chunk) {
            int n = (int) Math.min(chunk, length - done);
            mem.write(addr + done, elf.bytes, (int) (fileOffset + done), n);
        }
    }

    /**
     * AT_PHDR: where the program header table appears in memory, found as Linux 6.x does: inside
     * the PT_LOAD whose file range holds e_phoff. 0 if no segment maps it.
     */
    static long phdrAddress(ElfFile elf, long bias) {
        long phoff = elf.phoff();
        for (ProgramHeader ph : elf.loadSegments())
            if (ph.offset() <= phoff && phoff - ph.offset() < ph.filesz())
                return phoff - ph.offset() + ph.vaddr() + bias;
        return 0;
    }

    static long pageUp(long v) { return (v + PAGE - 1) & -PAGE; }
}
