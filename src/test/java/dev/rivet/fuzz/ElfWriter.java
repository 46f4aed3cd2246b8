package dev.rivet.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes a minimal static riscv64 ELF: header, three PT_LOAD program headers (text R+X, data
 * R+W, the alternate signal stack R+W with no file bytes), no sections. Enough for
 * qemu-riscv64 (and any loader) to run it.
 */
final class ElfWriter {
    private ElfWriter() {}

    static final int PAGE = 4096;
    private static final int EM_RISCV = 243;
    private static final int EF_RISCV_RVC = 1, EF_RISCV_FLOAT_ABI_DOUBLE = 4;

    static byte[] write(Program p) {
        int textOff = PAGE;
        int dataOff = textOff + align(p.text.length);
        ByteBuffer b = ByteBuffer.allocate(dataOff + p.data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2 /*64-bit*/, 1 /*LE*/, 1 /*version*/, 0 /*SYSV*/});
        b.position(16);
        b.putShort((short) 2);           // ET_EXEC
        b.putShort((short) EM_RISCV);
        b.putInt(1);
        b.putLong(p.entry);
        b.putLong(64);                    // e_phoff
        b.putLong(0);                     // e_shoff
        b.putInt(EF_RISCV_RVC | EF_RISCV_FLOAT_ABI_DOUBLE);
        b.putShort((short) 64);          // e_ehsize
        b.putShort((short) 56);          // e_phentsize
        b.putShort((short) 3);           // e_phnum
        b.putShort((short) 64);          // e_shentsize
        b.putShort((short) 0);
        b.putShort((short) 0);
        phdr(b, 5 /*R+X*/, textOff, Layout.TEXT, p.text.length);
        phdr(b, 6 /*R+W*/, dataOff, Layout.DATA, p.data.length);
        phdr(b, 6 /*R+W*/, 0, Layout.ALTSTACK, 0, Layout.ALTSTACK_LEN);
        b.put(textOff, p.text);
        b.put(dataOff, p.data);
        return b.array();
    }

    private static void phdr(ByteBuffer b, int flags, long off, long vaddr, long size) {
        phdr(b, flags, off, vaddr, size, size);
    }

    private static void phdr(ByteBuffer b, int flags, long off, long vaddr, long fileSize, long memSize) {
        b.putInt(1);                      // PT_LOAD
        b.putInt(flags);
        b.putLong(off);
        b.putLong(vaddr);
        b.putLong(vaddr);
        b.putLong(fileSize);
        b.putLong(memSize);
        b.putLong(PAGE);
    }

    static int align(int n) { return (n + PAGE - 1) & -PAGE; }
}
