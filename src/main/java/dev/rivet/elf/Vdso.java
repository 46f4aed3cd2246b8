package dev.rivet.elf;

import dev.rivet.abi.Auxv;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Mman;
import dev.rivet.mm.AddressSpace;
import java.util.List;
import java.util.Map;

/**
 * The vDSO Rivet maps into every program and announces with AT_SYSINFO_EHDR: the symbols and
 * version of Linux's riscv vDSO (arch/riscv/kernel/vdso/vdso.lds.S: all seven under
 * {@code LINUX_4.15}), so that a libc which looks them up finds them. Linux's versions of the
 * time functions read a shared data page; these make the syscall instead ({@code li a7, NR;
 * ecall; ret}), which gives exactly the kernel's answer and cannot go stale.
 */
public final class Vdso {
    private Vdso() {}

    /** The riscv syscall numbers the functions make (include/uapi/asm-generic/unistd.h). */
    private static final int NR_CLOCK_GETTIME = 113, NR_CLOCK_GETRES = 114, NR_RT_SIGRETURN = 139,
            NR_GETCPU = 168, NR_GETTIMEOFDAY = 169, NR_RISCV_HWPROBE = 258, NR_RISCV_FLUSH_ICACHE = 259;

    private static final int ECALL = 0x00000073;
    /** ret = jalr x0, 0(ra). */
    private static final int RET = 0x00008067;

    /** {@code li a7, nr} for a syscall number below 2048: addi a7, x0, nr. */
    static int liA7(int nr) {
        if (nr < 0 || nr >= 2048) throw new IllegalArgumentException("syscall number out of addi range: " + nr);
        return nr << 20 | 17 << 7 | 0x13;
    }

    private static VdsoImage.Function syscall(String name, int nr) {
        return new VdsoImage.Function(name, new int[] {liA7(nr), ECALL, RET});
    }

    /** The functions, in vdso.lds.S's order. */
    static final List<VdsoImage.Function> FUNCTIONS = List.of(
            // Signal frames return here; rt_sigreturn does not return, so there is no ret.
            new VdsoImage.Function("__vdso_rt_sigreturn", new int[] {liA7(NR_RT_SIGRETURN), ECALL}),
            syscall("__vdso_gettimeofday", NR_GETTIMEOFDAY),
            syscall("__vdso_clock_gettime", NR_CLOCK_GETTIME),
            syscall("__vdso_clock_getres", NR_CLOCK_GETRES),
            syscall("__vdso_getcpu", NR_GETCPU),
            syscall("__vdso_flush_icache", NR_RISCV_FLUSH_ICACHE),
            syscall("__vdso_riscv_hwprobe", NR_RISCV_HWPROBE));

    private static final VdsoImage.Built IMAGE = VdsoImage.build(FUNCTIONS);

    /** The image's bytes (a fresh copy). */
    public static byte[] image() { return IMAGE.bytes().clone(); }

    /** Offset of each exported function from the image's start. */
    public static Map<String, Long> symbols() { return IMAGE.symbols(); }

    /** Where {@code __vdso_rt_sigreturn} is once the image is at {@code base}: signal frames' return address. */
    public static long sigreturn(long base) { return base + IMAGE.symbols().get("__vdso_rt_sigreturn"); }

    /**
     * Maps the image read+exec where mmap would put a fresh mapping (Linux's
     * arch_setup_additional_pages asks get_unmapped_area the same way, so it lands just below
     * mmap_base) and returns its address. Named "[vdso]" in /proc/self/maps, as on Linux.
     */
    public static long map(AddressSpace memory) throws ErrnoException {
        byte[] bytes = IMAGE.bytes();
        long base = memory.mmap(0, bytes.length, AddressSpace.PROT_READ | AddressSpace.PROT_EXEC,
                Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, "[vdso]");
        // load writes whatever the protection, as the kernel installs the vDSO's pages.
        memory.load(base, bytes, 0, bytes.length);
        return base;
    }

    /** The auxv entries the loader puts first (ARCH_DLINFO) for a vDSO at {@code base}. */
    public static List<AuxvEntry> auxv(long base) {
        return List.of(new AuxvEntry(Auxv.AT_SYSINFO_EHDR, base));
    }
}
