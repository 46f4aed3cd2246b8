package dev.rivet.syscall;

import java.util.List;

/**
 * One row of the syscall table: the data that the dispatch, --strace and the coverage docs
 * all read.
 *
 * @param number  riscv64 (asm-generic) syscall number
 * @param name    Linux's name, as strace prints it
 * @param handler the implementation; null for {@link Support#NONE}
 * @param support how complete it is
 * @param note    what is missing when PARTIAL (empty otherwise)
 * @param args    how --strace prints each argument
 */
public record Syscall(int number, String name, SyscallHandler handler, Support support, String note,
                      List<ArgKind> args) {
    public Syscall {
        args = List.copyOf(args);
    }
}
