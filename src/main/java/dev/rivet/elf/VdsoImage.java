package dev.rivet.elf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the bytes of the vDSO: a riscv64 ELF shared object laid out as Linux's
 * arch/riscv/kernel/vdso/vdso.lds.S lays out its own (one PT_LOAD R|X holding the headers, the
 * hash tables, the dynamic symbols, their versions, the dynamic section and the text; a
 * PT_DYNAMIC), with section headers so that readelf and debuggers can read it. Link-time
 * addresses start at 0: a libc adds the address AT_SYSINFO_EHDR gives.
 *
 * <p>Every function is real guest code that makes the syscall of the same name, so a caller gets
 * exactly the kernel's answer (there is no vvar page to read time from).
 */
final class VdsoImage {
    private VdsoImage() {}

    /** Linux's vDSO soname (DT_SONAME and the base version definition). */
    static final String SONAME = "linux-vdso.so.1";
    /** The one version every riscv vDSO symbol carries (vdso.lds.S's VERSION block). */
    static final String VERSION = "LINUX_4.15";

    // ELF constants (elf.h); only the ones this image uses.
    private static final int ET_DYN = 3, EM_RISCV = 243, EF_RISCV_FLOAT_ABI_DOUBLE = 0x4;
    private static final int PT_LOAD = 1, PT_DYNAMIC = 2, PF_X = 1, PF_R = 4;
    private static final int SHT_PROGBITS = 1, SHT_STRTAB = 3, SHT_HASH = 5, SHT_DYNAMIC = 6, SHT_DYNSYM = 11;
    private static final int SHT_GNU_HASH = 0x6ffffff6, SHT_GNU_VERDEF = 0x6ffffffd, SHT_GNU_VERSYM = 0x6fffffff;
    private static final long SHF_ALLOC = 2, SHF_EXECINSTR = 4;
    private static final int STB_GLOBAL = 1, STT_FUNC = 2;
    private static final long DT_NULL = 0, DT_HASH = 4, DT_STRTAB = 5, DT_SYMTAB = 6, DT_STRSZ = 10,
            DT_SYMENT = 11, DT_SONAME = 14, DT_GNU_HASH = 0x6ffffef5L, DT_VERSYM = 0x6ffffff0L,
            DT_VERDEF = 0x6ffffffcL, DT_VERDEFNUM = 0x6ffffffdL;
    private static final int VER_FLG_BASE = 1;
    /** Version index of LINUX_4.15 (1 is the base definition, the soname). */
    private static final int VERSION_INDEX = 2;

    private static final int EHDR = 64, PHDR = 56, SHDR = 64, SYM = 24, DYN = 16, VERDEF = 20, VERDAUX = 8;

    /** Section indexes, in the order the sections appear. */
    private static final int S_HASH = 1, S_GNU_HASH = 2, S_DYNSYM = 3, S_DYNSTR = 4, S_VERSYM = 5,
            S_VERDEF = 6, S_DYNAMIC = 7, S_TEXT = 8, S_SHSTRTAB = 9, SECTIONS = 10;
    private static final String[] SECTION_NAMES = {"", ".hash", ".gnu.hash", ".dynsym", ".dynstr",
            ".gnu.version", ".gnu.version_d", ".dynamic", ".text", ".shstrtab"};

    /** One exported function: its name and its code. */
    record Function(String name, int[] code) {}

    /** The finished image and where each function starts in it. */
    record Built(byte[] bytes, Map<String, Long> symbols) {}

    static Built build(List<Function> functions) {
        int nsym = functions.size() + 1;  // symbol 0 is the null symbol

        // .dynstr: soname, version name, then the function names.
        Strings dynstr = new Strings();
        int sonameAt = dynstr.add(SONAME), versionAt = dynstr.add(VERSION);
        int[] nameAt = new int[nsym];
        for (int i = 1; i < nsym; i++) nameAt[i] = dynstr.add(functions.get(i - 1).name());
        Strings shstr = new Strings();
        int[] shName = new int[SECTIONS];
        for (int i = 1; i < SECTIONS; i++) shName[i] = shstr.add(SECTION_NAMES[i]);

        // Layout, in vdso.lds.S's order.
        int hashOff = EHDR + 2 * PHDR;
        int hashSize = 4 * (2 + 1 + nsym);                 // one bucket is enough for seven names
        int gnuHashOff = align(hashOff + hashSize, 8);
        int gnuHashSize = 16 + 8 + 4 + 4 * (nsym - 1);       // header, one bloom word, one bucket, chain
        int dynsymOff = align(gnuHashOff + gnuHashSize, 8);
        int dynstrOff = dynsymOff + SYM * nsym;
        int versymOff = align(dynstrOff + dynstr.size(), 2);
        int verdefOff = align(versymOff + 2 * nsym, 8);
        int verdefSize = 2 * (VERDEF + VERDAUX);
        int dynamicOff = align(verdefOff + verdefSize, 8);
        int ndyn = 11;
        int textOff = align(dynamicOff + DYN * ndyn, 16);
        int[] fnOff = new int[nsym];
        int at = textOff;
        for (int i = 1; i < nsym; i++) {
            fnOff[i] = at;
            at += 4 * functions.get(i - 1).code().length;
        }
        int textSize = at - textOff;
        int shstrOff = at;
        int shOff = align(shstrOff + shstr.size(), 8);
        int total = shOff + SHDR * SECTIONS;

        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);

        // ELF header.
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2 /* 64-bit */, 1 /* little-endian */, 1 /* EV_CURRENT */});
        b.position(16);
        b.putShort((short) ET_DYN).putShort((short) EM_RISCV).putInt(1);
        b.putLong(0 /* no entry point */).putLong(EHDR).putLong(shOff);
        // lp64d, as Linux builds its vDSO; no RVC flag: the code here has no compressed instructions.
        b.putInt(EF_RISCV_FLOAT_ABI_DOUBLE);
        b.putShort((short) EHDR).putShort((short) PHDR).putShort((short) 2);
        b.putShort((short) SHDR).putShort((short) SECTIONS).putShort((short) S_SHSTRTAB);

        // Program headers: the whole image as one read+exec segment, and the dynamic section.
        b.putInt(PT_LOAD).putInt(PF_R | PF_X).putLong(0).putLong(0).putLong(0).putLong(total).putLong(total).putLong(4096);
        b.putInt(PT_DYNAMIC).putInt(PF_R).putLong(dynamicOff).putLong(dynamicOff).putLong(dynamicOff)
                .putLong(DYN * ndyn).putLong(DYN * ndyn).putLong(8);

        // .hash (SysV): one bucket whose chain runs through every symbol.
        b.position(hashOff);
        b.putInt(1).putInt(nsym).putInt(nsym > 1 ? 1 : 0);
        for (int i = 0; i < nsym; i++) b.putInt(i + 1 < nsym && i > 0 ? i + 1 : 0);

        // .gnu.hash: one bucket from symbol 1 on; a bloom word of all ones lets every name through
        // to the chain, where the stored hashes decide (correct, just no early rejection).
        b.position(gnuHashOff);
        b.putInt(1).putInt(1).putInt(1).putInt(6);
        b.putLong(-1L);
        b.putInt(nsym > 1 ? 1 : 0);
        for (int i = 1; i < nsym; i++) {
            int h = gnuHash(functions.get(i - 1).name()) & ~1;
            b.putInt(i == nsym - 1 ? h | 1 : h);  // low bit marks the chain's end
        }

        // .dynsym
        b.position(dynsymOff);
        b.put(new byte[SYM]);
        for (int i = 1; i < nsym; i++) {
            b.putInt(nameAt[i]).put((byte) (STB_GLOBAL << 4 | STT_FUNC)).put((byte) 0).putShort((short) S_TEXT);
            b.putLong(fnOff[i]).putLong(4L * functions.get(i - 1).code().length);
        }

        // .dynstr
        b.position(dynstrOff);
        b.put(dynstr.bytes());

        // .gnu.version: the null symbol is local (0), every function LINUX_4.15.
        b.position(versymOff);
        b.putShort((short) 0);
        for (int i = 1; i < nsym; i++) b.putShort((short) VERSION_INDEX);

        // .gnu.version_d: the base definition (the soname), then LINUX_4.15.
        b.position(verdefOff);
        b.putShort((short) 1).putShort((short) VER_FLG_BASE).putShort((short) 1).putShort((short) 1)
                .putInt(elfHash(SONAME)).putInt(VERDEF).putInt(VERDEF + VERDAUX);
        b.putInt(sonameAt).putInt(0);
        b.putShort((short) 1).putShort((short) 0).putShort((short) VERSION_INDEX).putShort((short) 1)
                .putInt(elfHash(VERSION)).putInt(VERDEF).putInt(0);
        b.putInt(versionAt).putInt(0);

        // .dynamic
        b.position(dynamicOff);
        long[][] dyn = {
            {DT_SONAME, sonameAt}, {DT_HASH, hashOff}, {DT_GNU_HASH, gnuHashOff}, {DT_STRTAB, dynstrOff},
            {DT_SYMTAB, dynsymOff}, {DT_STRSZ, dynstr.size()}, {DT_SYMENT, SYM}, {DT_VERSYM, versymOff},
            {DT_VERDEF, verdefOff}, {DT_VERDEFNUM, 2}, {DT_NULL, 0},
        };
        if (dyn.length != ndyn) throw new AssertionError("dynamic section size");
        for (long[] d : dyn) b.putLong(d[0]).putLong(d[1]);

        // .text
        for (int i = 1; i < nsym; i++) {
            b.position(fnOff[i]);
            for (int insn : functions.get(i - 1).code()) b.putInt(insn);
        }

        // .shstrtab and the section headers.
        b.position(shstrOff);
        b.put(shstr.bytes());
        b.position(shOff);
        b.put(new byte[SHDR]);
        section(b, shName[S_HASH], SHT_HASH, SHF_ALLOC, hashOff, hashSize, S_DYNSYM, 0, 8, 4);
        section(b, shName[S_GNU_HASH], SHT_GNU_HASH, SHF_ALLOC, gnuHashOff, gnuHashSize, S_DYNSYM, 0, 8, 0);
        section(b, shName[S_DYNSYM], SHT_DYNSYM, SHF_ALLOC, dynsymOff, SYM * nsym, S_DYNSTR, 1, 8, SYM);
        section(b, shName[S_DYNSTR], SHT_STRTAB, SHF_ALLOC, dynstrOff, dynstr.size(), 0, 0, 1, 0);
        section(b, shName[S_VERSYM], SHT_GNU_VERSYM, SHF_ALLOC, versymOff, 2 * nsym, S_DYNSYM, 0, 2, 2);
        section(b, shName[S_VERDEF], SHT_GNU_VERDEF, SHF_ALLOC, verdefOff, verdefSize, S_DYNSTR, 2, 8, 0);
        section(b, shName[S_DYNAMIC], SHT_DYNAMIC, SHF_ALLOC, dynamicOff, DYN * ndyn, S_DYNSTR, 0, 8, DYN);
        section(b, shName[S_TEXT], SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, textOff, textSize, 0, 0, 16, 0);
        // .shstrtab is not part of the loaded image's meaning (sh_addr 0), though it is mapped.
        b.putInt(shName[S_SHSTRTAB]).putInt(SHT_STRTAB).putLong(0).putLong(0).putLong(shstrOff)
                .putLong(shstr.size()).putInt(0).putInt(0).putLong(1).putLong(0);

        Map<String, Long> symbols = new LinkedHashMap<>();
        for (int i = 1; i < nsym; i++) symbols.put(functions.get(i - 1).name(), (long) fnOff[i]);
        return new Built(b.array(), Map.copyOf(symbols));
    }

    /** A loaded section: address and file offset are the same (the image is mapped whole). */
    private static void section(ByteBuffer b, int name, int type, long flags, int off, int size,
                                int link, int info, int align, int entsize) {
        b.putInt(name).putInt(type).putLong(flags).putLong(off).putLong(off).putLong(size)
                .putInt(link).putInt(info).putLong(align).putLong(entsize);
    }

    private static int align(int x, int a) { return (x + a - 1) & -a; }

    /** The SysV ELF hash (DT_HASH, vd_hash). */
    static int elfHash(String s) {
        int h = 0;
        for (byte c : s.getBytes(StandardCharsets.US_ASCII)) {
            h = (h << 4) + (c & 0xff);
            int g = h & 0xf0000000;
            if (g != 0) h ^= g >>> 24;
            h &= ~g;
        }
        return h;
    }

    /** The GNU hash (DT_GNU_HASH): djb2. */
    static int gnuHash(String s) {
        int h = 5381;
        for (byte c : s.getBytes(StandardCharsets.US_ASCII)) h = h * 33 + (c & 0xff);
        return h;
    }

    /** A string table: starts with the empty string; {@link #add} returns a string's offset. */
    private static final class Strings {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Strings() { out.write(0); }

        int add(String s) {
            int at = out.size();
            out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
            out.write(0);
            return at;
        }

        int size() { return out.size(); }

        byte[] bytes() { return out.toByteArray(); }
    }
}
