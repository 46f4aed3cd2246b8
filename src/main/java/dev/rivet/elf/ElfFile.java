package dev.rivet.elf;

import dev.rivet.abi.Errno;
import dev.rivet.mm.AddressSpace;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed and validated riscv64 ELF executable (ET_EXEC, or ET_DYN for static-PIE). Everything
 * the loader relies on is checked here, so that any file, however broken, ends in either a
 * valid {@code ElfFile} or a {@link LoadException}; the checks follow what Linux's
 * load_elf_binary refuses, plus a few it leaves to a later SIGSEGV/SIGBUS (segment data past
 * the end of the file, overlapping segments) which we refuse up front.
 */
public final class ElfFile {
    /** Programs are read whole; far beyond any static binary, and keeps offsets in ints. */
    static final long MAX_FILE_SIZE = 1L << 30;
    /** Linux refuses program header tables over 64 KiB (load_elf_phdrs). */
    static final int MAX_PHDR_BYTES = 65536;
    /** Highest user address any riscv64 paging mode (Sv57) allows; also keeps sums from overflowing. */
    static final long USER_ADDRESS_LIMIT = 1L << 56;

    private final String path;
    final byte[] bytes;
    private final int type;
    private final long entry;
    private final long phoff;
    private final int phnum;
    private final List<ProgramHeader> programHeaders;
    private final List<ProgramHeader> loads;
    private final boolean executableStack;

    private ElfFile(String path, byte[] bytes, int type, long entry, long phoff, int phnum,
                    List<ProgramHeader> programHeaders, List<ProgramHeader> loads, boolean executableStack) {
        this.path = path;
        this.bytes = bytes;
        this.type = type;
        this.entry = entry;
        this.phoff = phoff;
        this.phnum = phnum;
        this.programHeaders = programHeaders;
        this.loads = loads;
        this.executableStack = executableStack;
    }

    /** The path as the user or the guest named it (used in messages and as AT_EXECFN by default). */
    public String path() { return path; }
    /** ET_EXEC or ET_DYN. */
    public int type() { return type; }
    /** Static-PIE: position independent, placed at a load base chosen by the loader. */
    public boolean isPie() { return type == Elf.ET_DYN; }
    /** e_entry, before any load bias. */
    public long entry() { return entry; }
    public long phoff() { return phoff; }
    public int phnum() { return phnum; }
    public List<ProgramHeader> programHeaders() { return programHeaders; }
    /** The PT_LOAD segments, in ascending, non-overlapping address order. */
    public List<ProgramHeader> loadSegments() { return loads; }
    /** PT_GNU_STACK asks for an executable stack (PF_X). */
    public boolean executableStack() { return executableStack; }
    /** Size of the file in bytes. */
    public int size() { return bytes.length; }

    /**
     * Reads and validates the host file {@code file}; {@code shownPath} is how errors name it.
     * Missing file: status 127 (ENOENT); any other failure: status 126.
     */
    public static ElfFile open(Path file, String shownPath) {
        // execve("") is ENOENT; the JDK would take the empty path for the current directory.
        if (file.toString().isEmpty())
            throw new LoadException(shownPath, Errno.ENOENT.message, LoadException.NOT_FOUND, Errno.ENOENT);
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw ioFailure(file, shownPath, e);
        } catch (RuntimeException e) { // InvalidPathException and the like: a name the host cannot hold
            throw new LoadException(shownPath, Errno.ENOENT.message, LoadException.NOT_FOUND, Errno.ENOENT);
        }
        if (attrs.isDirectory()) // bash's wording; execve itself says EACCES
            throw new LoadException(shownPath, Errno.EISDIR.message, LoadException.CANNOT_EXECUTE, Errno.EACCES);
        if (!attrs.isRegularFile()) // execve refuses devices, FIFOs and sockets with EACCES
            throw new LoadException(shownPath, Errno.EACCES.message, LoadException.CANNOT_EXECUTE, Errno.EACCES);
        if (attrs.size() > MAX_FILE_SIZE)
            throw new LoadException(shownPath, "file too large to load", LoadException.CANNOT_EXECUTE, Errno.ENOMEM);
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw ioFailure(file, shownPath, e);
        } catch (OutOfMemoryError e) {
            throw new LoadException(shownPath, "file too large to load", LoadException.CANNOT_EXECUTE, Errno.ENOMEM);
        }
        return parse(data, shownPath);
    }

    static LoadException ioFailure(Path file, String shownPath, IOException e) {
        if (e instanceof NoSuchFileException) {
            if (throughNonDirectory(file))
                return new LoadException(shownPath, Errno.ENOTDIR.message, LoadException.CANNOT_EXECUTE, Errno.ENOTDIR);
            return new LoadException(shownPath, Errno.ENOENT.message, LoadException.NOT_FOUND, Errno.ENOENT);
        }
        if (e instanceof AccessDeniedException)
            return new LoadException(shownPath, Errno.EACCES.message, LoadException.CANNOT_EXECUTE, Errno.EACCES);
        // The JDK puts strerror's text in the reason ("Not a directory", "Too many levels of symbolic links").
        String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.getMessage();
        Errno errno = Errno.EIO;
        for (Errno candidate : Errno.values())
            if (reason != null && reason.startsWith(candidate.message)) { errno = candidate; reason = candidate.message; break; }
        if (reason == null) reason = Errno.EIO.message;
        int status = errno == Errno.ENOENT ? LoadException.NOT_FOUND : LoadException.CANNOT_EXECUTE;
        return new LoadException(shownPath, reason, status, errno);
    }

    /**
     * The JDK reports stat's ENOTDIR ("a/file/b") as a missing file; the shell and execve say
     * "Not a directory". True when the nearest existing ancestor is not a directory.
     */
    private static boolean throughNonDirectory(Path file) {
        try {
            for (Path p = file.toAbsolutePath().getParent(); p != null; p = p.getParent())
                if (Files.exists(p)) return !Files.isDirectory(p);
        } catch (RuntimeException e) {
            // cannot tell: report the file as missing
        }
        return false;
    }

    /** Validates {@code data} as a riscv64 executable; the array is kept, not copied. */
    public static ElfFile parse(byte[] data, String path) {
        return new Parser(data, path).parse();
    }

    /** The parse itself, with the file and its name at hand for every check. */
    private static final class Parser {
        private final byte[] b;
        private final String path;

        Parser(byte[] b, String path) {
            this.b = b;
            this.path = path;
        }

        private LoadException bad(String reason) { return LoadException.format(path, reason); }

        private int u8(long off) { return b[(int) off] & 0xff; }
        private int u16(long off) { return u8(off) | u8(off + 1) << 8; }
        private int u16be(long off) { return u8(off) << 8 | u8(off + 1); }
        private long u32(long off) { return (u16(off) | (long) u16(off + 2) << 16) & 0xffffffffL; }
        private long u64(long off) { return u32(off) | u32(off + 4) << 32; }

        ElfFile parse() {
            if (b.length < 4 || b[0] != 0x7f || b[1] != 'E' || b[2] != 'L' || b[3] != 'F') {
                if (b.length >= 2 && b[0] == '#' && b[1] == '!')
                    throw bad("scripts (#!) are not supported yet");
                throw bad("not an ELF executable (exec format error)");
            }
            if (b.length < 20) throw bad("truncated ELF header");
            int data = u8(Elf.EI_DATA);
            if (data != Elf.ELFDATA2LSB && data != Elf.ELFDATA2MSB) throw bad("corrupt ELF header: invalid byte order " + data);
            // e_machine sits at offset 18 in both classes; read it in the file's own byte order, so
            // a foreign binary is named for what it is before its class or byte order is judged.
            int machine = data == Elf.ELFDATA2LSB ? u16(18) : u16be(18);
            int cls = u8(Elf.EI_CLASS);
            if (machine != Elf.EM_RISCV)
                throw bad("wrong architecture: " + Elf.machineName(machine) + " " + classWord(cls) + "; only riscv64 programs can run");
            if (cls == Elf.ELFCLASS32) throw bad("wrong ELF class: 32-bit RISC-V; only riscv64 programs can run");
            if (cls != Elf.ELFCLASS64) throw bad("corrupt ELF header: invalid class " + cls);
            if (data != Elf.ELFDATA2LSB) throw bad("wrong byte order: big-endian; only little-endian riscv64 programs can run");
            if (u8(Elf.EI_VERSION) != Elf.EV_CURRENT) throw bad("unsupported ELF version " + u8(Elf.EI_VERSION));
            if (b.length < Elf.EHDR_SIZE) throw bad("truncated ELF header");

            int type = u16(16);
            switch (type) {
                case Elf.ET_EXEC, Elf.ET_DYN -> { }
                case Elf.ET_REL -> throw bad("not an executable: relocatable object file (ET_REL)");
                case Elf.ET_CORE -> throw bad("not an executable: core dump (ET_CORE)");
                default -> throw bad("not an executable: ELF type " + type);
            }
            if (u32(20) != Elf.EV_CURRENT) throw bad("unsupported ELF version " + u32(20));
            long entry = u64(24);
            long phoff = u64(32);
            int ehsize = u16(52), phentsize = u16(54), phnum = u16(56);
            if (ehsize < Elf.EHDR_SIZE) throw bad("corrupt ELF header: e_ehsize " + ehsize);
            if (phentsize != Elf.PHDR_SIZE) throw bad("corrupt ELF header: e_phentsize " + phentsize + " (expected 56)");
            if (phnum == 0) throw bad("corrupt ELF header: no program headers");
            long phbytes = (long) phnum * Elf.PHDR_SIZE;
            if (phbytes > MAX_PHDR_BYTES) throw bad("corrupt ELF header: too many program headers (" + phnum + ")");
            if (phoff < 0 || phoff > b.length || phbytes > b.length - phoff)
                throw bad("truncated or corrupt: program headers lie outside the file");

            List<ProgramHeader> all = new ArrayList<>(phnum);
            List<ProgramHeader> loads = new ArrayList<>();
            boolean execStack = false;
            for (int i = 0; i < phnum; i++) {
                long o = phoff + (long) i * Elf.PHDR_SIZE;
                ProgramHeader ph = new ProgramHeader((int) u32(o), (int) u32(o + 4), u64(o + 8), u64(o + 16),
                        u64(o + 24), u64(o + 32), u64(o + 40), u64(o + 48));
                all.add(ph);
                switch (ph.type()) {
                    case Elf.PT_LOAD -> {
                        checkLoad(i, ph);
                        loads.add(ph);
                    }
                    case Elf.PT_INTERP -> throw bad("dynamically linked programs are not supported yet");
                    case Elf.PT_GNU_STACK -> execStack = (ph.flags() & Elf.PF_X) != 0;
                    default -> { }
                }
            }
            if (loads.isEmpty()) throw bad("no loadable segments");
            for (int i = 1; i < loads.size(); i++) {
                ProgramHeader prev = loads.get(i - 1), cur = loads.get(i);
                if (cur.vaddr() < prev.vaddr()) throw bad("corrupt program headers: PT_LOAD segments out of address order");
                if (cur.vaddr() < prev.vend()) throw bad("corrupt program headers: overlapping PT_LOAD segments");
            }
            if (type == Elf.ET_DYN) {
                long span = loads.getLast().vend() - (loads.getFirst().vaddr() & -AddressSpace.PAGE_SIZE);
                if (span > USER_ADDRESS_LIMIT / 4) throw bad("corrupt program headers: segments span too much memory");
            }
            return new ElfFile(path, b, type, entry, phoff, phnum, List.copyOf(all), List.copyOf(loads), execStack);
        }

        private void checkLoad(int index, ProgramHeader ph) {
            String which = "PT_LOAD segment " + index + ": ";
            if (Long.compareUnsigned(ph.filesz(), ph.memsz()) > 0) throw bad("corrupt program header: " + which + "file size exceeds memory size");
            if (Long.compareUnsigned(ph.offset(), b.length) > 0 || Long.compareUnsigned(ph.filesz(), b.length - ph.offset()) > 0)
                throw bad("truncated or corrupt: " + which + "data lies outside the file");
            if (Long.compareUnsigned(ph.vaddr(), USER_ADDRESS_LIMIT) >= 0
                    || Long.compareUnsigned(ph.memsz(), USER_ADDRESS_LIMIT - ph.vaddr()) > 0)
                throw bad("corrupt program header: " + which + "address out of range");
            if (((ph.vaddr() - ph.offset()) & (AddressSpace.PAGE_SIZE - 1)) != 0)
                throw bad("corrupt program header: " + which + "offset and address differ modulo the page size");
        }

        private static String classWord(int cls) {
            return switch (cls) {
                case Elf.ELFCLASS32 -> "(32-bit)";
                case Elf.ELFCLASS64 -> "(64-bit)";
                default -> "(unknown class)";
            };
        }
    }
}
