package dev.rivet.mm;

/**
 * Told when a page that holds decoded code may have changed (a store to it, munmap, mprotect
 * removing exec, madvise DONTNEED), so the CPU's decoded-code cache drops that page's blocks.
 */
@FunctionalInterface
public interface CodeWatcher {
    void codeChanged(long pageNumber);
}
