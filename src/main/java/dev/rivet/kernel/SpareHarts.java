package dev.rivet.kernel;

import dev.rivet.cpu.Hart;
import dev.rivet.mm.AddressSpace;

import java.util.ArrayDeque;

/**
 * Harts of a process's ended threads, kept for its next threads. A new hart allocates about
 * 180 KB of TLBs and block cache, which a pthread_create+join loop would pay every time; a
 * reused one is cleaned by its last thread ({@link Hart#recycle}) and keeps its decoded-block
 * cache. At most {@link #MAX} are kept, so a burst of threads leaves little behind.
 */
final class SpareHarts {
    static final int MAX = 4;

    private final ArrayDeque<Hart> spare = new ArrayDeque<>(MAX);

    /** A clean hart for a new thread of {@code memory}: a spare one if there is one for it, else a new one. */
    Hart take(AddressSpace memory) {
        synchronized (spare) {
            Hart h;
            while ((h = spare.poll()) != null) {
                if (h.memory == memory) return h;
                // The process exec'd since: harts of the old image are of no use.
            }
        }
        return new Hart(memory);
    }

    /** Keeps the hart of a thread that has ended (called on that thread, which cleans it). */
    void give(Hart h) {
        synchronized (spare) {
            if (spare.size() >= MAX) return;
        }
        h.recycle();
        synchronized (spare) {
            if (spare.size() < MAX) spare.push(h);
        }
    }
}
