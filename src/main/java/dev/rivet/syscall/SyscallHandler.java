package dev.rivet.syscall;

import dev.rivet.abi.ErrnoException;
import dev.rivet.kernel.Task;

/** One syscall's implementation: decodes {@link Args}, calls the subsystem, returns the result (a0). */
@FunctionalInterface
public interface SyscallHandler {
    long call(Task task, Args args) throws ErrnoException;
}
