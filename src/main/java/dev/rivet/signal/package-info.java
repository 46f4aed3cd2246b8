/** Signal data: siginfo, the pending queues, and the riscv64 signal frame. The kernel decides who gets what. */
package dev.rivet.signal;
