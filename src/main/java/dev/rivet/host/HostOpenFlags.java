package dev.rivet.host;

import static dev.rivet.abi.Fcntl.O_DIRECT;
import static dev.rivet.abi.Fcntl.O_DIRECTORY;
import static dev.rivet.abi.Fcntl.O_LARGEFILE;
import static dev.rivet.abi.Fcntl.O_NOFOLLOW;

/**
 * Guest (asm-generic, riscv64) O_* flags ↔ the host's. x86_64 uses the generic values; aarch64
 * (and arm) swap four bits around (arch/arm64/include/uapi/asm/fcntl.h). Every other bit,
 * including the access mode, O_PATH and __O_TMPFILE, is the same everywhere we run.
 */
public final class HostOpenFlags {
    private HostOpenFlags() {}

    // aarch64's values for the four flags it moves.
    private static final int ARM_O_DIRECTORY = 0x4000;  // 040000
    private static final int ARM_O_NOFOLLOW = 0x8000;   // 0100000
    private static final int ARM_O_DIRECT = 0x10000;    // 0200000
    private static final int ARM_O_LARGEFILE = 0x20000; // 0400000

    private static final int MOVED = O_DIRECTORY | O_NOFOLLOW | O_DIRECT | O_LARGEFILE;
    private static final int ARM_MOVED = ARM_O_DIRECTORY | ARM_O_NOFOLLOW | ARM_O_DIRECT | ARM_O_LARGEFILE;

    /** True when the host uses aarch64's O_* values. */
    public static final boolean ARM_LAYOUT = isArm(System.getProperty("os.arch", ""));

    static boolean isArm(String osArch) {
        return osArch.equals("aarch64") || osArch.equals("arm64") || osArch.startsWith("arm");
    }

    public static int toHost(int guest) {
        return ARM_LAYOUT ? genericToArm(guest) : guest;
    }

    public static int toGuest(int host) {
        return ARM_LAYOUT ? armToGeneric(host) : host;
    }

    static int genericToArm(int f) {
        int out = f & ~MOVED;
        if ((f & O_DIRECTORY) != 0) out |= ARM_O_DIRECTORY;
        if ((f & O_NOFOLLOW) != 0) out |= ARM_O_NOFOLLOW;
        if ((f & O_DIRECT) != 0) out |= ARM_O_DIRECT;
        if ((f & O_LARGEFILE) != 0) out |= ARM_O_LARGEFILE;
        return out;
    }

    static int armToGeneric(int f) {
        int out = f & ~ARM_MOVED;
        if ((f & ARM_O_DIRECTORY) != 0) out |= O_DIRECTORY;
        if ((f & ARM_O_NOFOLLOW) != 0) out |= O_NOFOLLOW;
        if ((f & ARM_O_DIRECT) != 0) out |= O_DIRECT;
        if ((f & ARM_O_LARGEFILE) != 0) out |= O_LARGEFILE;
        return out;
    }
}
