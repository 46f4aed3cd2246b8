package dev.rivet.cpu;

import dev.rivet.mm.Access;

/**
 * The A extension: LR/SC and AMOs, atomic across harts running on different Java threads.
 * Each works on the backing page array through {@link GuestAtomics} in volatile (sequentially
 * consistent) mode, which is at least as strong as any aq/rl combination, so the aq/rl bits need
 * no separate handling. The access is naturally aligned (a misaligned one stops with
 * {@link StopReason.Misaligned}, Linux's SIGBUS), hence never crosses a page.
 */
final class Amo {
    private Amo() {}

    static Insn decode(int b, long pc, int rd, int rs1, int rs2, int f3) {
        if (f3 != 2 && f3 != 3) return Decoder.illegal(pc, 4, b);
        boolean d = f3 == 3;
        int op = switch (b >>> 27) {
            case 0x02 -> rs2 == 0 ? (d ? Op.LR_D : Op.LR_W) : -1;
            case 0x03 -> d ? Op.SC_D : Op.SC_W;
            case 0x01 -> d ? Op.AMOSWAP_D : Op.AMOSWAP_W;
            case 0x00 -> d ? Op.AMOADD_D : Op.AMOADD_W;
            case 0x04 -> d ? Op.AMOXOR_D : Op.AMOXOR_W;
            case 0x0c -> d ? Op.AMOAND_D : Op.AMOAND_W;
            case 0x08 -> d ? Op.AMOOR_D : Op.AMOOR_W;
            case 0x10 -> d ? Op.AMOMIN_D : Op.AMOMIN_W;
            case 0x14 -> d ? Op.AMOMAX_D : Op.AMOMAX_W;
            case 0x18 -> d ? Op.AMOMINU_D : Op.AMOMINU_W;
            case 0x1c -> d ? Op.AMOMAXU_D : Op.AMOMAXU_W;
            default -> -1;
        };
        if (op < 0) return Decoder.illegal(pc, 4, b);
        return new Insn(op, Decoder.xd(rd), rs1, rs2, 0, 0, 0, pc, 4, b);
    }

    /** Runs an A-extension instruction; returns a stop reason for a misaligned address, else null. */
    static StopReason exec(Hart h, Insn in) {
        long[] x = h.x;
        long a = x[in.rs1];
        boolean word = in.op <= Op.SC_W || (in.op >= Op.AMOSWAP_W && in.op <= Op.AMOMAXU_W);
        if ((a & (word ? 3 : 7)) != 0) {
            return new StopReason.Misaligned(a, in.op == Op.LR_W || in.op == Op.LR_D ? Access.READ : Access.WRITE);
        }
        Mmu m = h.mmu;
        int o = (int) a & 0xfff;
        switch (in.op) {
            case Op.LR_W -> {
                int v = GuestAtomics.getInt(m.readPage(a), o);
                h.reserve(a, v);
                x[in.rd] = v;
            }
            case Op.LR_D -> {
                long v = GuestAtomics.getLong(m.readPage(a), o);
                h.reserve(a, v);
                x[in.rd] = v;
            }
            // SC succeeds if the word still holds the value LR read, compared and replaced in one
            // CAS. Limitation (ABA): if other harts store a different value and then the original
            // one back between our LR and SC, the SC still succeeds, where hardware would fail it.
            // The LR/SC loops compilers and libcs emit are correct under this weaker rule.
            case Op.SC_W -> {
                boolean ok = h.reservationValid && h.reservationAddress == a
                        && GuestAtomics.casInt(m.writePage(a), o, (int) h.reservationValue, (int) x[in.rs2]);
                h.reservationValid = false;
                x[in.rd] = ok ? 0 : 1;
            }
            case Op.SC_D -> {
                boolean ok = h.reservationValid && h.reservationAddress == a
                        && GuestAtomics.casLong(m.writePage(a), o, h.reservationValue, x[in.rs2]);
                h.reservationValid = false;
                x[in.rd] = ok ? 0 : 1;
            }
            default -> {
                byte[] p = m.writePage(a);
                long v = x[in.rs2];
                x[in.rd] = word ? amoW(in.op, p, o, (int) v) : amoD(in.op, p, o, v);
            }
        }
        return null;
    }

    private static long amoW(int op, byte[] p, int o, int v) {
        return switch (op) {
            case Op.AMOSWAP_W -> GuestAtomics.getAndSetInt(p, o, v);
            case Op.AMOADD_W -> GuestAtomics.getAndAddInt(p, o, v);
            default -> {
                int old;
                do {
                    old = GuestAtomics.getInt(p, o);
                } while (!GuestAtomics.casInt(p, o, old, combineW(op, old, v)));
                yield old;
            }
        };
    }

    /** The value a CAS-loop AMO stores, given the old memory value {@code a} and rs2 {@code b}. */
    private static int combineW(int op, int a, int b) {
        return switch (op) {
            case Op.AMOXOR_W -> a ^ b;
            case Op.AMOAND_W -> a & b;
            case Op.AMOOR_W -> a | b;
            case Op.AMOMIN_W -> Math.min(a, b);
            case Op.AMOMAX_W -> Math.max(a, b);
            case Op.AMOMINU_W -> Integer.compareUnsigned(a, b) <= 0 ? a : b;
            default -> Integer.compareUnsigned(a, b) >= 0 ? a : b;
        };
    }

    private static long amoD(int op, byte[] p, int o, long v) {
        return switch (op) {
            case Op.AMOSWAP_D -> GuestAtomics.getAndSetLong(p, o, v);
            case Op.AMOADD_D -> GuestAtomics.getAndAddLong(p, o, v);
            default -> {
                long old;
                do {
                    old = GuestAtomics.getLong(p, o);
                } while (!GuestAtomics.casLong(p, o, old, combineD(op, old, v)));
                yield old;
            }
        };
    }

    private static long combineD(int op, long a, long b) {
        return switch (op) {
            case Op.AMOXOR_D -> a ^ b;
            case Op.AMOAND_D -> a & b;
            case Op.AMOOR_D -> a | b;
            case Op.AMOMIN_D -> Math.min(a, b);
            case Op.AMOMAX_D -> Math.max(a, b);
            case Op.AMOMINU_D -> Long.compareUnsigned(a, b) <= 0 ? a : b;
            default -> Long.compareUnsigned(a, b) >= 0 ? a : b;
        };
    }
}
