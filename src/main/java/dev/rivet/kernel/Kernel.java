package dev.rivet.kernel;

/** The kernel: processes, the syscall table, the run loop. (Skeleton: filled in by the kernel work.) */
public final class Kernel {
}
