package dev.rivet.cpu;

import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Mman;
import dev.rivet.mm.AddressSpace;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Robustness: random bytes executed as code (with registers pointing into mapped memory half of
 * the time) must always end in a StopReason — never a Java exception, which would reach the user
 * as a stack trace. Endless loops are ended with {@link Hart#requestStop()}.
 */
class RandomCodeTest {

    @Test
    void randomCodeOnlyEverStops() throws ErrnoException {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            for (long seed = 1; seed <= 300; seed++) {
                Random r = new Random(seed);
                AddressSpace as = new AddressSpace();
                int fixed = Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_FIXED;
                as.mmap(Machine.CODE, 2 * 4096, Mman.PROT_READ | Mman.PROT_WRITE | Mman.PROT_EXEC, fixed);
                as.mmap(Machine.DATA, 4096, Mman.PROT_READ | Mman.PROT_WRITE, fixed);
                byte[] code = new byte[2 * 4096];
                r.nextBytes(code);
                if (r.nextBoolean()) { // bias towards valid-looking 32-bit instructions
                    for (int i = 0; i < code.length; i += 4) code[i] |= 3;
                }
                as.write(Machine.CODE, code);
                Hart h = new Hart(as);
                for (int i = 1; i < 32; i++) {
                    h.x[i] = r.nextBoolean() ? Machine.DATA + r.nextInt(4096) : r.nextLong();
                    h.f[i] = r.nextLong();
                }
                h.setFcsr(r.nextInt(256));
                h.pc = Machine.CODE + 2L * r.nextInt(4096);
                timer.schedule(h::requestStop, 20, TimeUnit.MILLISECONDS);
                // Like a kernel: step over ecalls and breakpoints a few times, stop at anything else.
                for (int stops = 0; stops < 50; stops++) {
                    StopReason why = h.run();
                    assertNotNull(why);
                    if (why instanceof StopReason.Ecall || why instanceof StopReason.Breakpoint) {
                        h.pc += 2;
                        continue;
                    }
                    break;
                }
            }
        } finally {
            timer.shutdownNow();
        }
    }
}
