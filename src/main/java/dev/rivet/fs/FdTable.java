package dev.rivet.fs;

/** A process's file descriptor table. (Placeholder: the fs work fills it in.) */
public final class FdTable {
    public void closeAll() {}
}
