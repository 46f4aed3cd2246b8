package dev.rivet.elf;

/** One auxiliary vector pair ({@code type} is an {@code Auxv.AT_*} number). */
public record AuxvEntry(long type, long value) {}
