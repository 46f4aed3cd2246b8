package dev.rivet.cpu;

import java.util.List;

/** ABI register names. */
final class Regs {
    private Regs() {}

    static final List<String> NAMES = List.of("zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1",
            "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9",
            "s10", "s11", "t3", "t4", "t5", "t6");

    static int index(String name) {
        int i = NAMES.indexOf(name);
        if (i < 0 && name.startsWith("x")) i = Integer.parseInt(name.substring(1));
        if (i < 0) throw new IllegalArgumentException(name);
        return i;
    }
}
