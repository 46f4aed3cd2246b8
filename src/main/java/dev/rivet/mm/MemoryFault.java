package dev.rivet.mm;

/**
 * A guest access that the address space refuses: the CPU turns it into a fault stop (and the
 * kernel into SIGSEGV); syscalls turn it into EFAULT. Carries no stack trace: it is guest
 * behaviour, not a Rivet bug.
 *
 * @param mapped true when a mapping exists but forbids the access (SEGV_ACCERR), false when
 *               nothing is mapped there (SEGV_MAPERR)
 */
public final class MemoryFault extends RuntimeException {
    public final long address;
    public final Access access;
    public final boolean mapped;

    public MemoryFault(long address, Access access, boolean mapped) {
        super(null, null, false, false);
        this.address = address;
        this.access = access;
        this.mapped = mapped;
    }

    @Override
    public String getMessage() {
        return access + " at 0x" + Long.toHexString(address) + (mapped ? " (ACCERR)" : " (MAPERR)");
    }
}
