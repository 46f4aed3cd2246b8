package dev.rivet.elf;

import dev.rivet.abi.Auxv;
import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.mm.Access;
import dev.rivet.mm.AddressSpace;
import dev.rivet.mm.Layout;
import dev.rivet.mm.MemoryFault;
import dev.rivet.mm.Vma;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Loading real static and static-PIE binaries into a real AddressSpace, read back through GuestMemory. */
class ElfLoaderTest {
    static final byte[] RANDOM = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    static final UserIds IDS = new UserIds(1001, 1002, 2001, 2002);
    static final List<String> ARGV = List.of("./hello", "one", "", "ünï");
    static final List<String> ENVP = List.of("HOME=/home/u", "A=1", "EMPTY=");

    private final AddressSpace mem = new AddressSpace();

    private LoadedImage load(ElfFile elf) {
        return ElfLoader.load(mem, elf, ARGV, ENVP, "./hello",
                LoadOptions.defaults().withIds(IDS).withAtRandom(RANDOM));
    }

    @Test
    void staticExecutableSegmentsAreMappedWithTheirProtections() throws ErrnoException {
        ElfFile elf = ElfFile.open(TestBinaries.helloStatic(), "hello");
        LoadedImage image = load(elf);
        assertEquals(0, image.loadBias());
        assertEquals(elf.entry(), image.entry());
        checkSegments(elf, image.loadBias(), TestBinaries.bytes(TestBinaries.helloStatic()));
    }

    @Test
    void staticPieIsPlacedAtLinuxsEtDynBase() throws ErrnoException {
        ElfFile elf = ElfFile.open(TestBinaries.helloPie(), "hello-pie");
        LoadedImage image = load(elf);
        // riscv's ELF_ET_DYN_BASE is 2/3 of the (sv48) map window, page-aligned; first vaddr is 0.
        assertEquals(0x555555555000L, image.loadBias());
        assertEquals(Layout.TASK_SIZE / 3 * 2 & -4096, image.loadBias());
        assertEquals(elf.entry() + image.loadBias(), image.entry());
        assertEquals(image.entry(), image.aux(Auxv.AT_ENTRY));
        checkSegments(elf, image.loadBias(), TestBinaries.bytes(TestBinaries.helloPie()));
    }

    /** Each segment: its protection, its file bytes, zeros after p_filesz; brk after the last. */
    private void checkSegments(ElfFile elf, long bias, byte[] file) throws ErrnoException {
        for (ProgramHeader ph : elf.loadSegments()) {
            long start = ph.vaddr() + bias;
            Vma vma = mem.mappingAt(start);
            assertNotNull(vma, "segment at 0x" + Long.toHexString(start));
            assertEquals(ph.prot(), vma.prot(), "protection of the segment at 0x" + Long.toHexString(start));
            assertTrue(vma.end() >= ElfLoader.pageUp(ph.vend() + bias));
            // Readable through GuestMemory only if PROT_READ: all our segments are.
            assertArrayEquals(Arrays.copyOfRange(file, (int) ph.offset(), (int) (ph.offset() + ph.filesz())),
                    mem.read(start, (int) ph.filesz()));
            long bssEnd = ElfLoader.pageUp(ph.vend() + bias);
            byte[] rest = mem.read(start + ph.filesz(), (int) (bssEnd - start - ph.filesz()));
            for (int i = 0; i < rest.length; i++) assertEquals(0, rest[i], "bss byte " + i);
        }
        ProgramHeader text = elf.loadSegments().get(0), data = elf.loadSegments().get(1);
        assertTrue(data.memsz() - data.filesz() > 4096, "the test wants a bss beyond the last file page");
        // Text is not writable by a user access; data is not executable.
        assertThrows(ErrnoException.class, () -> mem.write8(text.vaddr() + bias, (byte) 0));
        assertThrows(MemoryFault.class, () -> mem.translate(data.vaddr() + bias, Access.EXEC));
        mem.translate(text.vaddr() + bias, Access.EXEC);
        mem.write8(data.vaddr() + data.memsz() - 1 + bias, (byte) 1);

        long end = ElfLoader.pageUp(data.vend() + bias);
        assertEquals(end, mem.currentBrk());
        assertEquals(end, mem.brk(0));
    }

    @Test
    void initialStackFollowsLinux() throws ErrnoException {
        ElfFile elf = ElfFile.open(TestBinaries.helloStatic(), TestBinaries.helloStatic().toString());
        LoadedImage image = load(elf);
        long sp = image.sp();
        assertEquals(0, sp % 16, "psABI: sp is 16-byte aligned");
        assertEquals(mem.stackTop(), image.stackTop());
        assertEquals(0, mem.read64(image.stackTop() - 8), "Linux keeps a NULL pointer at the very top");

        assertEquals(ARGV.size(), mem.read64(sp));
        long p = sp + 8;
        List<String> argv = new ArrayList<>();
        List<Long> argvPtrs = new ArrayList<>();
        for (long a; (a = mem.read64(p)) != 0; p += 8) { argvPtrs.add(a); argv.add(mem.readCString(a, 4096)); }
        assertEquals(ARGV, argv);
        p += 8;
        List<String> envp = new ArrayList<>();
        List<Long> envPtrs = new ArrayList<>();
        for (long e; (e = mem.read64(p)) != 0; p += 8) { envPtrs.add(e); envp.add(mem.readCString(e, 4096)); }
        assertEquals(ENVP, envp);
        p += 8;

        // The auxiliary vector, in create_elf_tables' order.
        List<long[]> auxv = new ArrayList<>();
        for (long type; ; p += 16) {
            type = mem.read64(p);
            auxv.add(new long[] {type, mem.read64(p + 8)});
            if (type == Auxv.AT_NULL) break;
        }
        long[] expectedTypes = {Auxv.AT_HWCAP, Auxv.AT_PAGESZ, Auxv.AT_CLKTCK, Auxv.AT_PHDR, Auxv.AT_PHENT,
                Auxv.AT_PHNUM, Auxv.AT_BASE, Auxv.AT_FLAGS, Auxv.AT_ENTRY, Auxv.AT_UID, Auxv.AT_EUID,
                Auxv.AT_GID, Auxv.AT_EGID, Auxv.AT_SECURE, Auxv.AT_RANDOM, Auxv.AT_EXECFN, Auxv.AT_NULL};
        assertArrayEquals(expectedTypes, auxv.stream().mapToLong(e -> e[0]).toArray());
        assertEquals(image.auxv().size(), auxv.size());
        for (int i = 0; i < auxv.size(); i++) assertEquals(image.auxv().get(i).value(), auxv.get(i)[1]);

        assertEquals(0x112d, image.aux(Auxv.AT_HWCAP));
        assertEquals(4096, image.aux(Auxv.AT_PAGESZ));
        assertEquals(100, image.aux(Auxv.AT_CLKTCK));
        assertEquals(56, image.aux(Auxv.AT_PHENT));
        assertEquals(elf.phnum(), image.aux(Auxv.AT_PHNUM));
        assertEquals(0, image.aux(Auxv.AT_BASE));
        assertEquals(elf.entry(), image.aux(Auxv.AT_ENTRY));
        assertEquals(1001, image.aux(Auxv.AT_UID));
        assertEquals(1002, image.aux(Auxv.AT_EUID));
        assertEquals(2001, image.aux(Auxv.AT_GID));
        assertEquals(2002, image.aux(Auxv.AT_EGID));
        assertEquals(IDS, image.ids());
        assertEquals(0, image.aux(Auxv.AT_SECURE));

        // AT_PHDR points at a copy of the file's program headers.
        byte[] file = TestBinaries.bytes(TestBinaries.helloStatic());
        assertArrayEquals(Arrays.copyOfRange(file, (int) elf.phoff(), (int) elf.phoff() + 56 * elf.phnum()),
                mem.read(image.aux(Auxv.AT_PHDR), 56 * elf.phnum()));
        assertEquals(image.phdr(), image.aux(Auxv.AT_PHDR));
        assertEquals(0x10040, image.phdr());

        // Strings: argv then envp back to back, then execfn, then the 8 zero bytes at the top.
        long expect = image.argStart();
        assertEquals(argvPtrs.getFirst(), expect);
        for (int i = 0; i < ARGV.size(); i++) {
            assertEquals(expect, argvPtrs.get(i));
            expect += ARGV.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
        }
        assertEquals(expect, image.argEnd());
        assertEquals(expect, image.envStart());
        for (int i = 0; i < ENVP.size(); i++) {
            assertEquals(expect, envPtrs.get(i));
            expect += ENVP.get(i).length() + 1;
        }
        assertEquals(expect, image.envEnd());
        assertEquals(expect, image.aux(Auxv.AT_EXECFN));
        assertEquals("./hello", mem.readCString(image.aux(Auxv.AT_EXECFN), 4096));
        assertEquals(image.stackTop() - 8, expect + "./hello".length() + 1);

        // AT_RANDOM: the 16 bytes, just below the 16-aligned start of the strings.
        long random = image.aux(Auxv.AT_RANDOM);
        assertEquals((image.argStart() & -16) - 16, random);
        assertArrayEquals(RANDOM, mem.read(random, 16));
        // The vector ends at most 15 bytes below AT_RANDOM (the gap left by rounding sp down).
        assertTrue(random - p - 16 < 16 && random >= p + 16);
    }

    @Test
    void staticPieAuxvIsRelocated() throws ErrnoException {
        ElfFile elf = ElfFile.open(TestBinaries.helloPie(), "hello-pie");
        LoadedImage image = load(elf);
        byte[] file = TestBinaries.bytes(TestBinaries.helloPie());
        assertEquals(image.loadBias() + elf.phoff(), image.aux(Auxv.AT_PHDR));
        assertArrayEquals(Arrays.copyOfRange(file, (int) elf.phoff(), (int) elf.phoff() + 56 * elf.phnum()),
                mem.read(image.aux(Auxv.AT_PHDR), 56 * elf.phnum()));
        assertEquals(0, image.aux(Auxv.AT_BASE), "no interpreter");
    }

    @Test
    void staticPieBaseHonoursALargerSegmentAlignment() {
        byte[] file = TestBinaries.bytes(TestBinaries.helloPie());
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(file).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int off : ElfFileTest.loadHeaderOffsets(b)) b.putLong(off + 48, 0x10000);
        LoadedImage image = load(ElfFile.parse(file, "pie-64k"));
        assertEquals(0x555555550000L, image.loadBias());
    }

    /**
     * Data moved into the last page of the text (no byte overlap): that page is mapped once,
     * holds both segments' bytes and ends with the union of their protections.
     */
    @Test
    void segmentsSharingAPage() throws ErrnoException {
        byte[] file = TestBinaries.bytes(TestBinaries.helloStatic());
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(file).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int[] loads = ElfFileTest.loadHeaderOffsets(b);
        long textEnd = b.getLong(loads[0] + 16) + b.getLong(loads[0] + 40);
        long dataOffset = b.getLong(loads[1] + 8);
        long dataVaddr = (textEnd & -4096) + (dataOffset & 0xfff);
        assertTrue(dataVaddr >= textEnd, "this binary's layout lets data start in the text's last page");
        b.putLong(loads[1] + 16, dataVaddr);
        ElfFile elf = ElfFile.parse(file, "shared-page");
        load(elf);
        ProgramHeader text = elf.loadSegments().get(0), data = elf.loadSegments().get(1);
        long shared = dataVaddr & -4096;
        assertEquals(AddressSpace.PROT_READ | AddressSpace.PROT_WRITE | AddressSpace.PROT_EXEC, mem.mappingAt(shared).prot());
        assertEquals(text.prot(), mem.mappingAt(shared - 1).prot());
        assertEquals(data.prot(), mem.mappingAt(shared + 4096).prot());
        assertArrayEquals(Arrays.copyOfRange(file, (int) text.offset(), (int) (text.offset() + text.filesz())),
                mem.read(text.vaddr(), (int) text.filesz()));
        assertArrayEquals(Arrays.copyOfRange(file, (int) data.offset(), (int) (data.offset() + data.filesz())),
                mem.read(data.vaddr(), (int) data.filesz()));
    }

    @Test
    void stackIsNotExecutableByDefault() {
        ElfFile elf = ElfFile.open(TestBinaries.helloStatic(), "hello");
        LoadedImage image = load(elf);
        assertFalse(elf.executableStack());
        assertEquals(AddressSpace.PROT_READ | AddressSpace.PROT_WRITE, mem.mappingAt(image.sp()).prot());
        assertThrows(MemoryFault.class, () -> mem.translate(image.sp(), Access.EXEC));
    }

    @Test
    void gnuStackWithExecMakesTheStackExecutable() throws Exception {
        byte[] file = TestBinaries.bytes(TestBinaries.helloStatic());
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(file).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int phoff = (int) b.getLong(32), phnum = b.getShort(56);
        boolean patched = false;
        for (int i = 0; i < phnum; i++) {
            int off = phoff + i * Elf.PHDR_SIZE;
            if (b.getInt(off) == Elf.PT_GNU_STACK) { b.putInt(off + 4, Elf.PF_R | Elf.PF_W | Elf.PF_X); patched = true; }
        }
        assertTrue(patched, "hello has a PT_GNU_STACK");
        ElfFile elf = ElfFile.parse(file, "hello-execstack");
        assertTrue(elf.executableStack());
        LoadedImage image = load(elf);
        assertEquals(7, mem.mappingAt(image.sp()).prot());
        mem.translate(image.sp(), Access.EXEC);
    }

    @Test
    void emptyArgvGetsAnEmptyArgv0LikeLinux() throws ErrnoException {
        ElfFile elf = ElfFile.open(TestBinaries.exit64(), "exit7");
        LoadedImage image = ElfLoader.load(mem, elf, List.of(), List.of(), "exit7",
                LoadOptions.defaults().withAtRandom(RANDOM));
        assertEquals(1, mem.read64(image.sp()));
        assertEquals("", mem.readCString(mem.read64(image.sp() + 8), 10));
        assertEquals(0, mem.read64(image.sp() + 16));
        assertEquals(0, mem.read64(image.sp() + 24), "no environment");
    }

    @Test
    void archAuxvEntriesComeFirst() {
        ElfFile elf = ElfFile.open(TestBinaries.exit64(), "exit7");
        LoadedImage image = ElfLoader.load(mem, elf, List.of("x"), List.of(), "x", LoadOptions.defaults()
                .withArchAuxv(List.of(new AuxvEntry(Auxv.AT_SYSINFO_EHDR, 0x7ffff7ffd000L))));
        assertEquals(new AuxvEntry(Auxv.AT_SYSINFO_EHDR, 0x7ffff7ffd000L), image.auxv().getFirst());
        assertEquals(Auxv.AT_HWCAP, image.auxv().get(1).type());
    }

    @Test
    void freshRandomBytesDiffer() throws ErrnoException {
        ElfFile elf = ElfFile.open(TestBinaries.exit64(), "exit7");
        LoadedImage a = ElfLoader.load(mem, elf, List.of("x"), List.of(), "x", LoadOptions.defaults());
        AddressSpace other = new AddressSpace();
        LoadedImage b = ElfLoader.load(other, elf, List.of("x"), List.of(), "x", LoadOptions.defaults());
        assertFalse(Arrays.equals(mem.read(a.random(), 16), other.read(b.random(), 16)));
    }

    @Test
    void argumentListTooLongIsE2big() {
        ElfFile elf = ElfFile.open(TestBinaries.exit64(), "exit7");
        String huge = "x".repeat(InitialStack.MAX_ARG_STRLEN); // plus its NUL: one byte over
        LoadException e = assertThrows(LoadException.class,
                () -> ElfLoader.load(mem, elf, List.of("x", huge), List.of(), "x"));
        assertEquals(Errno.E2BIG, e.errno);
        assertEquals("Argument list too long", e.reason);
        List<String> many = java.util.Collections.nCopies(3000, "y".repeat(1000)); // 3 MB > 8 MiB / 4
        assertEquals(Errno.E2BIG, assertThrows(LoadException.class,
                () -> ElfLoader.load(new AddressSpace(), elf, List.of("x"), many, "x")).errno);
    }

    @Test
    void largeEnvironmentWithinLimitsLoads() throws ErrnoException {
        ElfFile elf = ElfFile.open(TestBinaries.exit64(), "exit7");
        List<String> env = java.util.Collections.nCopies(1500, "V=" + "z".repeat(1000)); // 1.5 MB
        LoadedImage image = ElfLoader.load(mem, elf, List.of("x"), env, "x");
        assertEquals(0, image.sp() % 16);
        assertEquals(env.getLast(), mem.readCString(mem.read64(image.sp() + 8 * (3 + 1499)), 2000));
    }
}
