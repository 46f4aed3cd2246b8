package dev.rivet.kernel;

import dev.rivet.fs.FdTable;
import dev.rivet.fs.FsContext;
import dev.rivet.mm.AddressSpace;

/** A guest process (thread group): what its threads share. */
public final class Process {
    public final Kernel kernel;
    public final int pid;
    public final AddressSpace memory;
    public final FdTable fds;
    public final FsContext fs;
    /** Guest path of the running image, for /proc/self/exe and AT_EXECFN. */
    public volatile String exePath;
    /** Host path of the running image. */
    public volatile java.nio.file.Path exeHostPath;

    public Process(Kernel kernel, int pid, AddressSpace memory, FdTable fds, FsContext fs) {
        this.kernel = kernel;
        this.pid = pid;
        this.memory = memory;
        this.fds = fds;
        this.fs = fs;
    }
}
