package dev.rivet.fuzz;

import static dev.rivet.fuzz.Layout.*;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * A batch of cases laid out as one program: a SIGILL handler; at the entry sigaltstack and
 * rt_sigaction for it; for each case a prologue (install the initial state from its table),
 * the body, an epilogue (store every register, the trap count, fcsr and the scratch area to
 * the dump record and write(1, record, REC_LEN)); finally exit_group(0).
 */
final class Program {
    final List<Case> cases;
    final byte[] text;
    final byte[] data;
    final long entry;
    /** Address of each case's prologue (where a harness resumes after a case went wrong). */
    final long[] caseStart;
    final long[] bodyAddr;
    final byte[][] bodyBytes;

    Program(List<Case> cases) {
        this.cases = cases;
        int n = cases.size();
        caseStart = new long[n];
        bodyAddr = new long[n];
        bodyBytes = new byte[n][];
        Text t = new Text();
        ByteBuffer d = ByteBuffer.allocate((int) (TABLES - DATA) + n * TAB_LEN).order(ByteOrder.LITTLE_ENDIAN);
        sigillHandler(t);
        entry = TEXT + t.size();
        d.putLong((int) (SIGALTSTACK_T - DATA), ALTSTACK);          // ss_sp
        d.putLong((int) (SIGALTSTACK_T - DATA) + 16, ALTSTACK_LEN); // ss_size (ss_flags 0)
        d.putLong((int) (SIGACTION - DATA), TEXT);                   // sa_handler
        d.putLong((int) (SIGACTION - DATA) + 8, SA_SIGINFO | SA_ONSTACK);
        for (int w : Enc.li32(10, SIGALTSTACK_T)) t.w(w);            // sigaltstack(&ss, NULL)
        t.w(Enc.addi(11, 0, 0));
        t.w(Enc.addi(17, 0, 132));
        t.w(Enc.ECALL);
        t.w(Enc.addi(10, 0, 4));                                      // rt_sigaction(SIGILL, &act, NULL, 8)
        for (int w : Enc.li32(11, SIGACTION)) t.w(w);
        t.w(Enc.addi(12, 0, 0));
        t.w(Enc.addi(13, 0, 8));
        t.w(Enc.addi(17, 0, 134));
        t.w(Enc.ECALL);
        for (int c = 0; c < n; c++) {
            Case k = cases.get(c);
            long tab = TABLES + (long) c * TAB_LEN;
            writeTable(d, (int) (tab - DATA), k);
            caseStart[c] = TEXT + t.size();
            prologue(t, tab);
            bodyAddr[c] = TEXT + t.size();
            bodyBytes[c] = body(k.body(), bodyAddr[c]);
            t.bytes(bodyBytes[c]);
            epilogue(t);
        }
        t.w(Enc.addi(10, 0, 0));
        t.w(Enc.addi(17, 0, 94));
        t.w(Enc.ECALL);
        text = t.toByteArray();
        data = d.array();
        if (TEXT + text.length > DATA) throw new IllegalStateException("batch too large: text reaches data");
    }

    static final long SA_SIGINFO = 4, SA_ONSTACK = 0x08000000;
    /** Offset of uc_mcontext.sc_regs.pc in the riscv64 kernel's struct ucontext. */
    static final int UC_PC = 176;

    /**
     * The SIGILL handler (at TEXT): counts the trap and resumes after the instruction, so a case
     * may contain instructions qemu rejects; Rivet's harness does the same on an Illegal stop.
     * It may clobber registers: sigreturn restores them all, fcsr and f registers included.
     */
    private static void sigillHandler(Text t) {
        t.w(Enc.ld(5, 12, UC_PC));                       // t0 = pc
        t.w(Enc.i(0, 5, 5, 6, Enc.LOAD));                // lhu t1, 0(t0)
        t.w(Enc.i(3, 6, 7, 6, Enc.OP_IMM));              // andi t1, t1, 3
        t.w(Enc.addi(5, 5, 2));
        t.w(Enc.addi(7, 0, 3));
        t.w(Enc.b(8, 7, 6, 1));                          // bne t1, t2, +8
        t.w(Enc.addi(5, 5, 2));
        t.w(Enc.sd(5, 12, UC_PC));
        for (int w : Enc.li32(6, TRAPS)) t.w(w);
        t.w(Enc.ld(7, 6, 0));
        t.w(Enc.addi(7, 7, 1));
        t.w(Enc.sd(7, 6, 0));
        t.w(Enc.i(0, 1, 0, 0, Enc.JALR));                // ret
    }

    private static void writeTable(ByteBuffer d, int at, Case k) {
        for (int r = 1; r <= 30; r++) d.putLong(at + TAB_X + (r - 1) * 8, k.x()[r]);
        for (int r = 0; r < 32; r++) d.putLong(at + TAB_F + r * 8, k.f()[r]);
        d.putLong(at + TAB_FCSR, k.fcsr());
        d.put(at + TAB_SCRATCH, k.scratch());
    }

    private static void prologue(Text t, long tab) {
        for (int w : Enc.li32(BASE_REG, BASE)) t.w(w);
        for (int w : Enc.li32(1, tab)) t.w(w);
        for (int o = 0; o < SCRATCH_LEN; o += 8) {
            t.w(Enc.ld(2, 1, TAB_SCRATCH + o));
            t.w(Enc.sd(2, BASE_REG, SCRATCH_OFF + o));
        }
        t.w(Enc.ld(2, 1, TAB_FCSR));
        t.w(Enc.csr(0x003, 2, 1, 0)); // csrw fcsr, x2
        for (int r = 0; r < 32; r++) t.w(Enc.fld(r, 1, TAB_F + r * 8));
        t.w(Enc.sd(0, BASE_REG, TRAPS_OFF));
        for (int r = 2; r <= 30; r++) t.w(Enc.ld(r, 1, TAB_X + (r - 1) * 8));
        t.w(Enc.ld(1, 1, TAB_X));
    }

    private static void epilogue(Text t) {
        for (int r = 1; r <= 30; r++) t.w(Enc.sd(r, BASE_REG, DUMP_OFF + REC_X + (r - 1) * 8));
        t.w(Enc.ld(1, BASE_REG, TRAPS_OFF));
        t.w(Enc.sd(1, BASE_REG, DUMP_OFF + REC_X + 30 * 8));
        for (int r = 0; r < 32; r++) t.w(Enc.fsd(r, BASE_REG, DUMP_OFF + REC_F + r * 8));
        t.w(Enc.csr(0x003, 0, 2, 1)); // frcsr x1
        t.w(Enc.sd(1, BASE_REG, DUMP_OFF + REC_FCSR));
        t.w(Enc.addi(10, 0, 1));
        t.w(Enc.addi(11, BASE_REG, DUMP_OFF));
        t.w(Enc.addi(12, 0, REC_LEN));
        t.w(Enc.addi(17, 0, 64));
        t.w(Enc.ECALL);
    }

    /** Lays out a body at {@code addr}, resolving branch targets to item boundaries. */
    static byte[] body(List<Item> items, long addr) {
        int n = items.size();
        long[] itemAddr = new long[n + 1];
        long a = addr;
        for (int i = 0; i < n; i++) {
            itemAddr[i] = a;
            a += items.get(i).size();
        }
        itemAddr[n] = a;
        Text t = new Text();
        long pc = addr;
        for (int i = 0; i < n; i++) {
            Item it = items.get(i);
            long target = 0;
            if (it.target() >= 0) {
                int j = i + 1;
                while (j < n && items.get(j).idx() < it.target()) j++;
                target = itemAddr[j];
            }
            for (Insn in : it.insns()) {
                int bits = in.fix() == null ? in.bits() : in.fix().applyAsInt((int) (target - (pc + in.baseAdj())));
                if (in.size() == 2) t.h(bits); else t.w(bits);
                pc += in.size();
            }
        }
        return t.toByteArray();
    }

    /** Little-endian code buffer. */
    static final class Text extends ByteArrayOutputStream {
        void h(int v) { write(v); write(v >> 8); }
        void w(int v) { h(v); h(v >> 16); }
        void bytes(byte[] b) { write(b, 0, b.length); }
    }
}
