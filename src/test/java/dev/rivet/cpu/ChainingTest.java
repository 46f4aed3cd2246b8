package dev.rivet.cpu;

import dev.rivet.abi.Mman;
import dev.rivet.mm.Access;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The interpreter's block chaining (each block remembers its successors) and its periodic
 * checks (stop request, address-space generation every {@link Interpreter#CHECK_EVERY} blocks):
 * a link must never lead to stale code, and another thread's changes must still reach a hart
 * that never leaves a hot loop.
 */
class ChainingTest {

    @Test
    void linkToPatchedCodeIsDropped() {
        // 300 calls link the caller's block to the callee's (and back); then the callee is
        // rewritten (with fence.i, as the ISA requires) and called again through the same links.
        Machine m = Machine.exec("""
                .option norvc
                li s0, 300
                li s1, 0
            loop:
                call target
                add s1, s1, a0
                addi s0, s0, -1
                bnez s0, loop
                la t0, target
                li t1, 0x02a00513     # addi a0, zero, 42
                sw t1, 0(t0)
                fence.i
                call target
                add s1, s1, a0
                ecall
            target:
                li a0, 1
                ret
                """);
        m.expect("s1", 300 + 42);
        m.expect("a0", 42);
    }

    @Test
    void linkToCodeStoredOverWithoutAnInterveningReturnIsDropped() {
        // The store invalidates the decoded page (Rivet drops code on any store to it); the loop's
        // link to the rewritten block must not be followed afterwards.
        Machine m = Machine.exec("""
                .option norvc
                li s0, 0
                li s1, 0
            loop:
                j body
            body:
                li a0, 1              # becomes li a0, 7 after the 100th pass
                add s1, s1, a0
                addi s0, s0, 1
                li t2, 100
                bne s0, t2, skip
                la t0, body
                li t1, 0x00700513     # addi a0, zero, 7
                sw t1, 0(t0)
                fence.i
            skip:
                li t2, 110
                bne s0, t2, loop
                ecall
                """);
        m.expect("s1", 100 + 10 * 7);
    }

    @Test
    void anotherThreadsMprotectReachesAHartInAHotLoop() throws Exception {
        // The hart stores in an endless loop; another thread takes write permission away. The
        // hart must notice within a bounded number of blocks (the periodic generation check)
        // and fault; the watchdog's stop request only ends the test if it never does.
        Machine m = new Machine("""
                lui s0, 0x40          # Machine.DATA
            1:  sd s0, 0(s0)
                addi s1, s1, 1
                j 1b
                """);
        Thread other = new Thread(() -> {
            try {
                Thread.sleep(100);
                m.as.mprotect(Machine.DATA, 4096, Mman.PROT_READ);
                Thread.sleep(10_000);
            } catch (Exception ignored) {
                // interrupted: the hart already stopped
            }
            m.hart.requestStop();
        });
        other.start();
        StopReason r = m.run();
        other.interrupt();
        other.join();
        assertEquals(new StopReason.Fault(Machine.DATA, Access.WRITE, true), r);
        // Stopped exactly at the store: the lui plus 3 per completed iteration.
        assertEquals(1 + 3 * m.reg("s1"), m.hart.instret);
    }

    @Test
    void stopRequestReachesAHartInAChainedLoop() throws Exception {
        // Two blocks that only ever chain to each other, so no cache lookup happens at all.
        Machine m = new Machine("""
            1:  addi a0, a0, 1
                j 2f
            2:  addi a1, a1, 1
                j 1b
                """);
        StopReason r = m.runStoppedAfter(100);
        assertSame(StopReason.INTERRUPTED, r);
        assertEquals(2 * (m.reg("a0") + m.reg("a1")), m.hart.instret);
    }
}
