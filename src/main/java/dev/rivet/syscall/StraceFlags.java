package dev.rivet.syscall;

import dev.rivet.abi.Mman;

/** Symbolic names of flag words for --strace, in strace's spelling. */
final class StraceFlags {
    private StraceFlags() {}

    private record Bit(int mask, String name) {}

    // asm-generic fcntl.h values (riscv64).
    private static final Bit[] OPEN = {
            new Bit(0100, "O_CREAT"), new Bit(0200, "O_EXCL"), new Bit(0400, "O_NOCTTY"), new Bit(01000, "O_TRUNC"),
            new Bit(02000, "O_APPEND"), new Bit(04000, "O_NONBLOCK"), new Bit(010000, "O_DSYNC"),
            new Bit(020000, "O_ASYNC"), new Bit(040000, "O_DIRECT"), new Bit(0100000, "O_LARGEFILE"),
            new Bit(0200000, "O_DIRECTORY"), new Bit(0400000, "O_NOFOLLOW"), new Bit(01000000, "O_NOATIME"),
            new Bit(02000000, "O_CLOEXEC"), new Bit(04000000, "O_SYNC"), new Bit(010000000, "O_PATH"),
            new Bit(020000000, "O_TMPFILE")};

    static String open(int flags) {
        String acc = switch (flags & 3) {
            case 0 -> "O_RDONLY";
            case 1 -> "O_WRONLY";
            case 2 -> "O_RDWR";
            default -> "0x3";
        };
        int rest = flags & ~3;
        if ((rest & 020000000) != 0) rest &= ~0200000; // O_TMPFILE includes O_DIRECTORY
        if ((rest & 04000000) != 0) rest &= ~010000;   // O_SYNC includes O_DSYNC
        return acc + bits(rest, OPEN, true);
    }

    private static final Bit[] PROT = {
            new Bit(Mman.PROT_READ, "PROT_READ"), new Bit(Mman.PROT_WRITE, "PROT_WRITE"),
            new Bit(Mman.PROT_EXEC, "PROT_EXEC"), new Bit(Mman.PROT_GROWSDOWN, "PROT_GROWSDOWN"),
            new Bit(Mman.PROT_GROWSUP, "PROT_GROWSUP")};

    static String prot(int prot) {
        if (prot == 0) return "PROT_NONE";
        String s = bits(prot, PROT, false);
        return s.substring(1);
    }

    private static final Bit[] MAP = {
            new Bit(Mman.MAP_FIXED, "MAP_FIXED"), new Bit(Mman.MAP_ANONYMOUS, "MAP_ANONYMOUS"),
            new Bit(Mman.MAP_GROWSDOWN, "MAP_GROWSDOWN"), new Bit(Mman.MAP_DENYWRITE, "MAP_DENYWRITE"),
            new Bit(Mman.MAP_EXECUTABLE, "MAP_EXECUTABLE"), new Bit(Mman.MAP_LOCKED, "MAP_LOCKED"),
            new Bit(Mman.MAP_NORESERVE, "MAP_NORESERVE"), new Bit(Mman.MAP_POPULATE, "MAP_POPULATE"),
            new Bit(Mman.MAP_NONBLOCK, "MAP_NONBLOCK"), new Bit(Mman.MAP_STACK, "MAP_STACK"),
            new Bit(Mman.MAP_HUGETLB, "MAP_HUGETLB"), new Bit(Mman.MAP_SYNC, "MAP_SYNC"),
            new Bit(Mman.MAP_FIXED_NOREPLACE, "MAP_FIXED_NOREPLACE")};

    static String map(int flags) {
        String type = switch (flags & Mman.MAP_TYPE) {
            case Mman.MAP_SHARED -> "MAP_SHARED";
            case Mman.MAP_PRIVATE -> "MAP_PRIVATE";
            case Mman.MAP_SHARED_VALIDATE -> "MAP_SHARED_VALIDATE";
            default -> "0x" + Integer.toHexString(flags & Mman.MAP_TYPE);
        };
        return type + bits(flags & ~Mman.MAP_TYPE, MAP, true);
    }

    private static String bits(int v, Bit[] table, boolean hexRest) {
        StringBuilder b = new StringBuilder();
        for (Bit bit : table) {
            if ((v & bit.mask) != 0) {
                b.append('|').append(bit.name);
                v &= ~bit.mask;
            }
        }
        if (v != 0) b.append("|0x").append(Integer.toHexString(v));
        return b.toString();
    }
}
