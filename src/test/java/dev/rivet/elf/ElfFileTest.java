package dev.rivet.elf;

import dev.rivet.abi.Errno;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Parsing and validation: every bad input is one LoadException with the shell's status. */
class ElfFileTest {
    @TempDir Path dir;

    private static LoadException refused(Path file) {
        return assertThrows(LoadException.class, () -> ElfFile.open(file, file.toString()));
    }

    private LoadException refused(byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("prog"), content);
        return refused(file);
    }

    private static void assertCannotExecute(LoadException e, String reasonPart) {
        assertEquals(126, e.status, e.reason);
        assertTrue(e.reason.contains(reasonPart), () -> "reason '" + e.reason + "' lacks '" + reasonPart + "'");
        assertFalse(e.reason.contains("\n"));
    }

    @Test
    void staticExecutableParses() {
        ElfFile elf = ElfFile.open(TestBinaries.helloStatic(), "hello");
        assertEquals(Elf.ET_EXEC, elf.type());
        assertFalse(elf.isPie());
        assertEquals(2, elf.loadSegments().size());
        assertEquals(0x10000, elf.loadSegments().getFirst().vaddr());
        assertEquals(Elf.PF_R | Elf.PF_X, elf.loadSegments().get(0).flags());
        assertEquals(Elf.PF_R | Elf.PF_W, elf.loadSegments().get(1).flags());
        assertFalse(elf.executableStack());
    }

    @Test
    void staticPieParses() {
        ElfFile elf = ElfFile.open(TestBinaries.helloPie(), "hello-pie");
        assertEquals(Elf.ET_DYN, elf.type());
        assertTrue(elf.isPie());
        assertEquals(0, elf.loadSegments().getFirst().vaddr());
    }

    @Test
    void missingFileIs127() {
        LoadException e = refused(dir.resolve("nope"));
        assertEquals(127, e.status);
        assertEquals("No such file or directory", e.reason);
        assertEquals(Errno.ENOENT, e.errno);
        assertEquals("rivet: " + dir.resolve("nope") + ": No such file or directory", e.userMessage());
    }

    @Test
    void emptyPathIsMissing() {
        LoadException e = assertThrows(LoadException.class, () -> ElfFile.open(Path.of(""), ""));
        assertEquals(127, e.status);
    }

    @Test
    void pathThroughAFileIsNotADirectory() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        LoadException e = refused(file.resolve("child"));
        assertEquals(126, e.status);
        assertEquals("Not a directory", e.reason);
        assertEquals(Errno.ENOTDIR, e.errno);
    }

    @Test
    void directoryIsRefused() {
        LoadException e = refused(dir);
        assertCannotExecute(e, "Is a directory");
        assertEquals(Errno.EACCES, e.errno); // what execve says
    }

    @Test
    void unreadableFileIsPermissionDenied() throws IOException {
        Path file = Files.copy(TestBinaries.helloStatic(), dir.resolve("secret"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("-wx------"));
        assumeFalse(Files.isReadable(file), "running as root: every file is readable");
        LoadException e = refused(file);
        assertCannotExecute(e, "Permission denied");
        assertEquals(Errno.EACCES, e.errno);
    }

    /** The same mapping without needing a non-root user: what the JDK throws for EACCES and ELOOP. */
    @Test
    void hostErrorsMapToTheShellsMessages() {
        Path p = dir.resolve("x");
        LoadException denied = ElfFile.ioFailure(p, "x", new java.nio.file.AccessDeniedException(p.toString()));
        assertEquals(126, denied.status);
        assertEquals("Permission denied", denied.reason);
        assertEquals(Errno.EACCES, denied.errno);
        LoadException loop = ElfFile.ioFailure(p, "x",
                new java.nio.file.FileSystemException(p.toString(), null, "Too many levels of symbolic links or unable to access attributes of symbolic link"));
        assertEquals(126, loop.status);
        assertEquals("Too many levels of symbolic links", loop.reason);
        assertEquals(Errno.ELOOP, loop.errno);
    }

    @Test
    void symlinkLoopIsRefused() throws IOException {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        LoadException e = refused(a);
        assertEquals(126, e.status);
        assertEquals(Errno.ELOOP, e.errno);
    }

    @Test
    void danglingSymlinkIsMissing() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("gone"));
        assertEquals(127, refused(link).status);
    }

    @Test
    void textFileIsNotElf() throws IOException {
        LoadException e = refused("hello, world\n".getBytes());
        assertCannotExecute(e, "not an ELF executable");
        assertEquals(Errno.ENOEXEC, e.errno);
    }

    @Test
    void emptyFileIsNotElf() throws IOException {
        assertCannotExecute(refused(new byte[0]), "not an ELF executable");
    }

    @Test
    void scriptIsReportedAsUnsupported() throws IOException {
        assertCannotExecute(refused("#!/bin/sh\necho hi\n".getBytes()), "scripts (#!) are not supported");
    }

    @Test
    void truncatedHeader() throws IOException {
        byte[] elf = TestBinaries.bytes(TestBinaries.helloStatic());
        assertCannotExecute(refused(java.util.Arrays.copyOf(elf, 40)), "truncated ELF header");
        assertCannotExecute(refused(java.util.Arrays.copyOf(elf, 10)), "truncated ELF header");
    }

    @Test
    void truncatedProgramHeaders() throws IOException {
        byte[] elf = TestBinaries.bytes(TestBinaries.helloStatic());
        assertCannotExecute(refused(java.util.Arrays.copyOf(elf, 100)), "program headers lie outside the file");
    }

    @Test
    void truncatedSegmentData() throws IOException {
        byte[] elf = TestBinaries.bytes(TestBinaries.helloStatic());
        assertCannotExecute(refused(java.util.Arrays.copyOf(elf, elf.length / 2)), "data lies outside the file");
    }

    @Test
    void thirtyTwoBitElfIsWrongClass() {
        assertCannotExecute(refused(TestBinaries.exit32()), "wrong ELF class: 32-bit");
    }

    @Test
    void x86ElfIsWrongArchitecture() {
        assertCannotExecute(refused(TestBinaries.helloHost()), "wrong architecture: x86-64");
    }

    @Test
    void bigEndianIsWrongByteOrder() {
        assertCannotExecute(refused(TestBinaries.exitBigEndian()), "wrong byte order: big-endian");
    }

    @Test
    void relocatableObjectIsNotAnExecutable() {
        assertCannotExecute(refused(TestBinaries.helloObject()), "not an executable: relocatable object file (ET_REL)");
    }

    @Test
    void coreTypeIsNotAnExecutable() throws IOException {
        byte[] elf = TestBinaries.bytes(TestBinaries.helloStatic());
        elf[16] = Elf.ET_CORE;
        assertCannotExecute(refused(elf), "core dump");
    }

    @Test
    void dynamicallyLinkedIsNotSupportedYet() {
        LoadException e = refused(TestBinaries.helloDynamic());
        assertEquals(126, e.status);
        assertEquals("dynamically linked programs are not supported yet", e.reason);
    }

    /** Moves the second PT_LOAD into the first (keeping p_vaddr ≡ p_offset mod 4096). */
    @Test
    void overlappingSegments() throws IOException {
        byte[] elf = TestBinaries.bytes(TestBinaries.helloStatic());
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        int[] loads = loadHeaderOffsets(b);
        long firstVaddr = b.getLong(loads[0] + 16), secondOffset = b.getLong(loads[1] + 8);
        b.putLong(loads[1] + 16, firstVaddr + (secondOffset & 0xfff));
        assertCannotExecute(refused(elf), "overlapping PT_LOAD segments");
    }

    @Test
    void segmentsOutOfOrder() throws IOException {
        byte[] elf = TestBinaries.bytes(TestBinaries.helloStatic());
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        int[] loads = loadHeaderOffsets(b);
        b.putLong(loads[1] + 16, b.getLong(loads[1] + 8) & 0xfff); // far below the first segment
        assertCannotExecute(refused(elf), "out of address order");
    }

    @Test
    void fileSizeAboveMemorySize() throws IOException {
        byte[] elf = TestBinaries.bytes(TestBinaries.helloStatic());
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        int second = loadHeaderOffsets(b)[1];
        b.putLong(second + 40, b.getLong(second + 32) - 1);
        assertCannotExecute(refused(elf), "file size exceeds memory size");
    }

    @Test
    void incongruentOffsetAndAddress() throws IOException {
        byte[] elf = TestBinaries.bytes(TestBinaries.helloStatic());
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        int second = loadHeaderOffsets(b)[1];
        b.putLong(second + 16, b.getLong(second + 16) + 8);
        assertCannotExecute(refused(elf), "differ modulo the page size");
    }

    @Test
    void wrongProgramHeaderSize() throws IOException {
        byte[] elf = TestBinaries.bytes(TestBinaries.helloStatic());
        elf[54] = 32;
        assertCannotExecute(refused(elf), "e_phentsize");
    }

    @Test
    void noLoadableSegments() throws IOException {
        byte[] elf = TestBinaries.bytes(TestBinaries.helloStatic());
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        for (int off : loadHeaderOffsets(b)) b.putInt(off, Elf.PT_NOTE);
        assertCannotExecute(refused(elf), "no loadable segments");
    }

    /** File offsets of the PT_LOAD program headers. */
    static int[] loadHeaderOffsets(ByteBuffer b) {
        int phoff = (int) b.getLong(32), phnum = b.getShort(56);
        return java.util.stream.IntStream.range(0, phnum).map(i -> phoff + i * Elf.PHDR_SIZE)
                .filter(off -> b.getInt(off) == Elf.PT_LOAD).toArray();
    }
}
