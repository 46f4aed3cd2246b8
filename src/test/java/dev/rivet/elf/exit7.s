# The smallest program: exit(7). Assembled for 32-bit, big-endian and 64-bit variants.
    .globl _start
_start:
    li a7, 93
    li a0, 7
    ecall
