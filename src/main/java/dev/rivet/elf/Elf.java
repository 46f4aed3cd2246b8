package dev.rivet.elf;

/** ELF64 format constants (the System V gABI and the RISC-V psABI) that the loader looks at. */
public final class Elf {
    private Elf() {}

    public static final int EI_CLASS = 4, EI_DATA = 5, EI_VERSION = 6;
    public static final int ELFCLASS32 = 1, ELFCLASS64 = 2;
    public static final int ELFDATA2LSB = 1, ELFDATA2MSB = 2;
    public static final int EV_CURRENT = 1;

    public static final int ET_NONE = 0, ET_REL = 1, ET_EXEC = 2, ET_DYN = 3, ET_CORE = 4;

    public static final int EM_RISCV = 243;

    /** Size of Elf64_Ehdr and Elf64_Phdr. */
    public static final int EHDR_SIZE = 64, PHDR_SIZE = 56;

    public static final int PT_NULL = 0, PT_LOAD = 1, PT_DYNAMIC = 2, PT_INTERP = 3, PT_NOTE = 4;
    public static final int PT_SHLIB = 5, PT_PHDR = 6, PT_TLS = 7;
    public static final int PT_GNU_EH_FRAME = 0x6474e550, PT_GNU_STACK = 0x6474e551, PT_GNU_RELRO = 0x6474e552;
    public static final int PT_RISCV_ATTRIBUTES = 0x70000003;

    public static final int PF_X = 1, PF_W = 2, PF_R = 4;

    /** A readable name for an e_machine value, for "wrong architecture" messages. */
    static String machineName(int machine) {
        return switch (machine) {
            case 0 -> "no machine";
            case 2 -> "SPARC";
            case 3 -> "Intel 80386";
            case 8 -> "MIPS";
            case 20 -> "PowerPC";
            case 21 -> "PowerPC64";
            case 22 -> "IBM S/390";
            case 40 -> "ARM";
            case 43 -> "SPARC V9";
            case 62 -> "x86-64";
            case 183 -> "AArch64";
            case 243 -> "RISC-V";
            case 247 -> "BPF";
            case 258 -> "LoongArch";
            default -> "machine " + machine;
        };
    }
}
