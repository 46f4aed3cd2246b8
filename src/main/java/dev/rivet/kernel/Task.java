package dev.rivet.kernel;

import dev.rivet.cpu.Hart;
import dev.rivet.mm.GuestMemory;

/** A guest thread: its hart and the process it belongs to. */
public final class Task {
    public final Process process;
    public final Hart hart;
    public final int tid;

    public Task(Process process, Hart hart, int tid) {
        this.process = process;
        this.hart = hart;
        this.tid = tid;
    }

    /** The memory syscalls read and write: the process's address space. */
    public GuestMemory memory() { return process.memory; }
}
