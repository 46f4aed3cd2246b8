package dev.rivet.mm;

/** The kind of a guest memory access: decides which protection bit is checked and which fault is raised. */
public enum Access {
    READ, WRITE, EXEC
}
