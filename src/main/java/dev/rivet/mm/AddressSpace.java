package dev.rivet.mm;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.Mman;

import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import static dev.rivet.mm.Layout.MMAP_MIN_ADDR;
import static dev.rivet.mm.Layout.TASK_SIZE;
import static dev.rivet.mm.Layout.pageAlign;
import static dev.rivet.mm.Layout.pageAligned;

/**
 * A guest process's address space: VMAs over 4 KiB pages, with Linux's mmap rules.
 *
 * <p>Used by the CPU through {@link #translate} (the slow path of its software TLBs), by the
 * loader and mm syscalls through the mapping methods, and by syscalls through {@link GuestMemory}.
 *
 * <p>Concurrency: changes to the mappings take the write lock and publish a new immutable
 * {@link VmaList}; {@link #translate} reads the published list and the page table without a
 * lock, and takes the read lock only to allocate a page on first touch (so it cannot install a
 * page into a range being unmapped). Stack growth takes the write lock. Anything that may
 * invalidate a translation handed out earlier bumps {@link #generation()}.
 */
public final class AddressSpace implements GuestMemory {
    public static final int PAGE_SHIFT = 12;
    public static final int PAGE_SIZE = 1 << PAGE_SHIFT;

    public static final int PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4;
    /** MAP_DROPPABLE (Linux 6.11+, 64-bit): a mapping type of its own. */
    private static final int MAP_DROPPABLE = 0x08;

    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    final PageTable pages = new PageTable();
    private volatile VmaList vmas = VmaList.EMPTY;
    private final AtomicLong generation = new AtomicLong();
    private final ConcurrentSkipListSet<Long> code = new ConcurrentSkipListSet<>();
    private volatile CodeWatcher codeWatcher;
    private final AtomicLong shmIds = new AtomicLong();

    // Layout state, guarded by the write lock.
    private final Placement placement = new Placement();
    private final Brk heap = new Brk();
    private long stackLimit = Layout.DEFAULT_STACK_LIMIT;
    private boolean defaultLocked;

    // ---------------------------------------------------------------- translation (CPU slow path)

    /**
     * The backing array of the page holding {@code addr}, after checking that {@code access} is
     * allowed; for WRITE also after copy-on-write and after invalidating decoded code on that
     * page. The CPU may cache the result in its TLB until {@link #generation()} changes.
     */
    public byte[] translate(long addr, Access access) throws MemoryFault {
        return page(addr, access, true).data;
    }

    private Page page(long addr, Access access, boolean checkProt) {
        Vma v = vmas.find(addr);
        if (v == null) v = growStack(addr, access);
        if (checkProt && !v.allows(access)) throw new MemoryFault(addr, access, true);
        long pn = addr >>> PAGE_SHIFT;
        Page p = pages.get(pn);
        if (p == null) p = firstTouch(addr, access, checkProt);
        if (access == Access.WRITE) {
            if (p.cow && !v.shared()) p = breakCow(pn, p);
            if (!code.isEmpty() && code.contains(pn)) codeWritten(pn);
        }
        return p;
    }

    /**
     * Allocates a zero page on first touch, re-checking the mapping under the read lock. Reads
     * allocate too: Linux maps a shared zero page instead, but a hart could then keep reading
     * that zero page from its TLB after another hart's write (published through a lock on
     * another page) installed the real one, until its next generation check.
     */
    private Page firstTouch(long addr, Access access, boolean checkProt) {
        lock.readLock().lock();
        try {
            Vma v = vmas.find(addr);
            if (v == null) throw new MemoryFault(addr, access, false);
            if (checkProt && !v.allows(access)) throw new MemoryFault(addr, access, true);
            long pn = addr >>> PAGE_SHIFT;
            return pages.install(pn, v.shared() ? sharedPage(v, pn) : new Page());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Copy-on-write: gives this table its own copy of a page shared with other tables after
     * fork, or, when the others have all let go of it, takes the page over without copying.
     */
    private Page breakCow(long pn, Page shared) {
        lock.readLock().lock();
        try {
            // One break at a time per table: two harts of this process writing the same page
            // must not both act on it (the second would see the first's unshare and take the
            // page over while the other process still holds it).
            synchronized (cowLock) {
                Page now = pages.get(pn);
                if (now != shared) return now;  // another hart of ours broke it first
                if (shared.claim()) return shared;
                Page copy = shared.copy();
                pages.set(pn, copy);
                shared.unshare();
                generation.incrementAndGet();  // other harts may hold the shared page in their TLBs
                return copy;
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Serialises copy-on-write breaks in this table (see {@link #breakCow}). */
    private final Object cowLock = new Object();

    // ---------------------------------------------------------------- shared memory objects

    /**
     * The pages of each MAP_SHARED object this address space maps, by shmId and page offset in
     * the object (the VMA's off): the shmem file Linux would keep. A page touched first in one
     * process after fork is thus found by the other, which looks here before making a new one.
     * Fork gives the child a copy of this map holding the same objects.
     */
    private final java.util.concurrent.ConcurrentHashMap<Long, PageTable> sharedObjects;

    private Page sharedPage(Vma v, long pn) {
        long index = (v.off() >>> PAGE_SHIFT) + (pn - (v.start() >>> PAGE_SHIFT));
        return sharedObjects.computeIfAbsent(v.shmId(), k -> new PageTable()).install(index, new Page());
    }

    /** MADV_REMOVE: punches a hole in the shared object behind {@code v} over {@code [s, e)}. Write lock held. */
    void punchShared(Vma v, long s, long e) {
        PageTable object = sharedObjects.get(v.shmId());
        if (object == null) return;
        long base = (v.off() >>> PAGE_SHIFT) - (v.start() >>> PAGE_SHIFT);
        object.clear(base + (s >>> PAGE_SHIFT), base + (e >>> PAGE_SHIFT));
    }

    public AddressSpace() {
        this.sharedObjects = new java.util.concurrent.ConcurrentHashMap<>();
    }

    private AddressSpace(AddressSpace parent) {
        this.sharedObjects = new java.util.concurrent.ConcurrentHashMap<>(parent.sharedObjects);
    }

    // ---------------------------------------------------------------- fork and lifetime

    /** Processes using this address space (Linux's mm_users): a vfork child shares its parent's. */
    private final java.util.concurrent.atomic.AtomicInteger users = new java.util.concurrent.atomic.AtomicInteger(1);

    /** One more process uses this address space (CLONE_VM without CLONE_THREAD). */
    public void addUser() { users.incrementAndGet(); }

    /**
     * A process stops using this address space (exit or exec). The last one frees the pages,
     * so pages still shared copy-on-write with another process become that process's own
     * without a copy.
     */
    public void release() {
        if (users.decrementAndGet() != 0) return;
        lock.writeLock().lock();
        try {
            unmapLocked(0, TASK_SIZE);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Linux's dup_mm for fork: a new address space with the same mappings, whose private pages
     * are the same Page objects marked copy-on-write (nothing is copied until one side writes),
     * whose MAP_SHARED pages stay shared, VM_DONTFORK mappings left out, VM_WIPEONFORK ones
     * empty, and memory locks not inherited. The parent's harts drop their write translations
     * (the generation moves), so their next store to a shared page copies it.
     */
    public AddressSpace fork() {
        lock.writeLock().lock();
        try {
            AddressSpace child = new AddressSpace(this);
            java.util.List<Vma> kept = new java.util.ArrayList<>();
            for (Vma v : vmas.asList()) {
                if ((v.flags() & Vma.VM_DONTFORK) != 0) continue;
                kept.add(v.withFlags(v.flags() & ~Vma.VM_LOCKED));
                if ((v.flags() & Vma.VM_WIPEONFORK) != 0) continue;
                boolean shared = v.shared();
                pages.forEachPage(v.start() >>> PAGE_SHIFT, v.end() >>> PAGE_SHIFT, (pn, p) -> {
                    if (!shared) p.share();
                    child.pages.set(pn, p);
                });
            }
            child.vmas = VmaList.fromSorted(kept);
            placement.copyTo(child.placement);
            heap.copyTo(child.heap);
            child.stackLimit = stackLimit;
            child.shmIds.set(shmIds.get());
            generation.incrementAndGet();
            return child;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Linux's expand_stack on a fault below a VM_GROWSDOWN VMA: the VMA grows down to the
     * faulting page if that stays within the stack limit and leaves the guard gap above the
     * mapping below. Returns the VMA now containing {@code addr}, or faults (SEGV_MAPERR).
     */
    private Vma growStack(long addr, Access access) {
        Vma above = vmas.above(addr);  // most wild accesses end here, without taking the lock
        if (above == null || !above.growsDown() || addr < 0) throw new MemoryFault(addr, access, false);
        lock.writeLock().lock();
        try {
            VmaList list = vmas;
            Vma v = list.find(addr);
            if (v != null) return v;  // another thread grew it, or mapped it, meanwhile
            if (addr < 0 || addr >= TASK_SIZE) throw new MemoryFault(addr, access, false);
            int i = list.indexAbove(addr);
            Vma stack = i < list.size() ? list.get(i) : null;
            if (stack == null || !stack.growsDown()) throw new MemoryFault(addr, access, false);
            long address = addr & -PAGE_SIZE;
            if (address < MMAP_MIN_ADDR) throw new MemoryFault(addr, access, false);
            Vma prev = list.before(i);
            if (prev != null && !prev.growsDown() && prev.accessible()
                    && address - prev.end() < Layout.STACK_GUARD_GAP)
                throw new MemoryFault(addr, access, false);
            if (stackLimit >= 0 && stack.end() - address > stackLimit) throw new MemoryFault(addr, access, false);
            Vma grown = stack.withRange(address, stack.end());
            vmas = list.replace(stack, grown);
            return grown;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Bumped whenever a translation handed out earlier may have become invalid. */
    public long generation() {
        return generation.get();
    }

    // ---------------------------------------------------------------- decoded-code watch

    /**
     * Marks the page as holding decoded code: the next WRITE translation of it (and any unmap or
     * protection change) first calls the {@link CodeWatcher}, unmarks it and bumps
     * {@link #generation()}, so harts drop it from their write TLBs. Marking also bumps the generation.
     */
    public void watchCode(long pageNumber) {
        code.add(pageNumber);
        generation.incrementAndGet();
    }

    /**
     * Sets who is told about changed code pages. The watcher may be called with the mapping
     * lock held (munmap, mprotect …): it may use this address space from its own thread but
     * must not wait for other threads that do.
     */
    public void setCodeWatcher(CodeWatcher watcher) { this.codeWatcher = watcher; }

    private void codeWritten(long pn) {
        CodeWatcher w = codeWatcher;
        if (w != null) w.codeChanged(pn);
        if (code.remove(pn)) generation.incrementAndGet();
    }

    /** Tells the watcher about every marked page in {@code [start, end)} and unmarks them. */
    private void codeGone(long start, long end) {
        if (code.isEmpty()) return;
        CodeWatcher w = codeWatcher;
        for (Long pn : List.copyOf(code.subSet(start >>> PAGE_SHIFT, (end - 1 >>> PAGE_SHIFT) + 1))) {
            if (w != null) w.codeChanged(pn);
            code.remove(pn);
        }
    }

    // ---------------------------------------------------------------- mapping

    /** Linux mmap of anonymous memory (flags and errors as Linux's, see {@link Mman}); returns the address. */
    public long mmap(long addr, long length, int prot, int flags) throws ErrnoException {
        return mmap(addr, length, prot, flags, "");
    }

    /**
     * mmap with a name for /proc/self/maps (the loader names its segments). Follows do_mmap's
     * order of checks, so a call with several faults gets Linux's errno.
     */
    public long mmap(long addr, long length, int prot, int flags, String name) throws ErrnoException {
        if (length == 0) throw Errno.EINVAL.ex();
        if ((flags & Mman.MAP_FIXED_NOREPLACE) != 0) flags |= Mman.MAP_FIXED;
        boolean fixed = (flags & Mman.MAP_FIXED) != 0;
        if (!fixed) addr = Placement.roundHintToMin(addr);
        // No huge pages are reserved, so hugetlb_file_setup fails as on a default Linux system.
        if ((flags & Mman.MAP_HUGETLB) != 0) throw Errno.ENOMEM.ex();
        long len = pageAlign(length);
        if (len == 0) throw Errno.ENOMEM.ex();  // length rounded up past 2^64
        prot &= PROT_READ | PROT_WRITE | PROT_EXEC;  // mmap ignores other bits (PROT_SEM, junk)
        lock.writeLock().lock();
        try {
            if (vmas.size() > Layout.MAX_MAP_COUNT) throw Errno.ENOMEM.ex();
            long at = unmappedArea(addr, len, flags);
            if ((flags & Mman.MAP_FIXED_NOREPLACE) != 0 && vmas.intersects(at, at + len)) throw Errno.EEXIST.ex();
            int vmFlags = vmFlags(flags) | (defaultLocked ? Vma.VM_LOCKED : 0);
            long shm = 0;
            switch (flags & Mman.MAP_TYPE) {
                // MAP_SHARED_VALIDATE is for file mappings; anonymous memory refuses it (EINVAL).
                case Mman.MAP_SHARED -> {
                    if ((vmFlags & Vma.VM_GROWSDOWN) != 0) throw Errno.EINVAL.ex();
                    vmFlags |= Vma.VM_SHARED;
                    shm = shmIds.incrementAndGet();
                }
                case MAP_DROPPABLE -> {
                    // Memory the kernel may drop (zero) under pressure; never dropping is allowed.
                    if ((flags & Mman.MAP_LOCKED) != 0 || (vmFlags & Vma.VM_GROWSDOWN) != 0) throw Errno.EINVAL.ex();
                    vmFlags |= Vma.VM_NORESERVE | Vma.VM_WIPEONFORK | Vma.VM_DONTDUMP;
                }
                case Mman.MAP_PRIVATE -> { }
                default -> throw Errno.EINVAL.ex();
            }
            unmapLocked(at, at + len);  // MAP_FIXED replaces whatever was there
            vmas = vmas.with(shm != 0 ? new Vma(at, at + len, prot, vmFlags, name, shm, 0)
                    : Vma.anonymous(at, at + len, prot, vmFlags, name));
            // MAP_POPULATE needs nothing: a page allocated on first touch reads as the zero page
            // that populate would have made, and allocating 64 GiB up front would only cost memory.
            return at;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static int vmFlags(int mapFlags) {
        int f = 0;
        if ((mapFlags & Mman.MAP_GROWSDOWN) != 0) f |= Vma.VM_GROWSDOWN;
        if ((mapFlags & Mman.MAP_NORESERVE) != 0) f |= Vma.VM_NORESERVE;
        if ((mapFlags & Mman.MAP_LOCKED) != 0) f |= Vma.VM_LOCKED;
        if ((mapFlags & Mman.MAP_STACK) != 0) f |= Vma.VM_NOHUGEPAGE;
        return f;
    }

    /** get_unmapped_area (see {@link Placement#unmappedArea}). Write lock held. */
    long unmappedArea(long addr, long len, int flags) throws ErrnoException {
        return placement.unmappedArea(vmas, addr, len, flags);
    }

    /** Removes {@code [start, end)} (page-aligned) from the mappings and frees its pages. Write lock held. */
    void unmapLocked(long start, long end) {
        if (!vmas.intersects(start, end)) return;
        codeGone(start, end);
        vmas = vmas.without(start, end);
        pages.clear(start >>> PAGE_SHIFT, end >>> PAGE_SHIFT);
        generation.incrementAndGet();
    }

    public void munmap(long addr, long length) throws ErrnoException {
        if (!pageAligned(addr) || Long.compareUnsigned(addr, TASK_SIZE) > 0
                || Long.compareUnsigned(length, TASK_SIZE - addr) > 0)
            throw Errno.EINVAL.ex();
        long end = addr + pageAlign(length);
        if (end == addr) throw Errno.EINVAL.ex();
        lock.writeLock().lock();
        try {
            unmapLocked(addr, end);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Linux mprotect, including its partial effect: when the range runs into a hole, the VMAs
     * before the hole are changed and ENOMEM is returned.
     */
    public void mprotect(long addr, long length, int prot) throws ErrnoException {
        Protect.mprotect(this, addr, length, prot, -1);
    }

    /** pkey_mprotect: mprotect with a protection key; RISC-V Linux has only key 0 (and -1, none). */
    public void pkeyMprotect(long addr, long length, int prot, int pkey) throws ErrnoException {
        Protect.mprotect(this, addr, length, prot, pkey);
    }

    public long mremap(long oldAddr, long oldSize, long newSize, int flags, long newAddr) throws ErrnoException {
        return Remap.mremap(this, oldAddr, oldSize, newSize, flags, newAddr);
    }

    public void madvise(long addr, long length, int advice) throws ErrnoException {
        Advice.madvise(this, addr, length, advice);
    }

    /** Linux msync: anonymous memory has nothing to write back, so only Linux's checks and errors. */
    public void msync(long addr, long length, int flags) throws ErrnoException {
        Msync.msync(this, addr, length, flags);
    }

    /** Linux mincore: which pages of the range are in memory (see {@link Mincore}). */
    public Mincore mincore(long addr, long length) throws ErrnoException {
        return Mincore.of(this, addr, length);
    }

    /** mlock ({@code on}) or munlock of a range: marks VMAs VM_LOCKED; memory never leaves the host heap anyway. */
    public void mlock(long addr, long length, boolean on) throws ErrnoException {
        Mlock.lock(this, addr, length, on);
    }

    /** mlockall(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT). */
    public void mlockall(int flags) throws ErrnoException {
        Mlock.lockAll(this, flags);
    }

    public void munlockall() {
        Mlock.unlockAll(this);
    }

    /** mm->def_flags: after mlockall(MCL_FUTURE) new mappings are locked. Write lock held. */
    void setDefaultLocked(boolean on) { defaultLocked = on; }

    // Package-private access for Remap and Advice, which run under the write lock.
    VmaList vmas() { return vmas; }

    void publish(VmaList list) { vmas = list; }

    void invalidate(long start, long end) {
        codeGone(start, end);
        generation.incrementAndGet();
    }


    // ---------------------------------------------------------------- brk and stack

    /**
     * Linux brk: moves the break if it can and returns the (new or unchanged) break. A request
     * below the heap start (brk(0) included) or one that cannot be met returns the current break;
     * shrinking unmaps; growth must leave a page free below the next mapping (and its guard gap).
     */
    public long brk(long request) {
        lock.writeLock().lock();
        try {
            return heap.move(this, request, defaultLocked ? Vma.VM_LOCKED : 0);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Sets where the heap starts (the loader calls it with the end of the highest segment). */
    public void initBrk(long start) {
        lock.writeLock().lock();
        try {
            heap.init(start);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Maps the main thread's stack: a growable (GROWSDOWN) region ending at {@link #stackTop()}
     * that may grow to {@code limit} bytes (RLIMIT_STACK, 8 MiB by default). Also fixes the
     * mmap layout as exec does: mmap_base sits the stack limit plus a guard gap (at least
     * 128 MiB) below the stack; an unlimited stack ({@code limit < 0}, RLIM_INFINITY) selects
     * Linux's legacy bottom-up layout from TASK_UNMAPPED_BASE.
     */
    public void mapStack(long limit) {
        lock.writeLock().lock();
        try {
            stackLimit = limit;
            placement.chooseLayout(limit);
            long size = Layout.INITIAL_STACK;
            if (limit >= 0) size = Math.max(PAGE_SIZE, Math.min(size, limit & -PAGE_SIZE));
            long top = stackTop();
            unmapLocked(top - size, top);
            vmas = vmas.with(Vma.anonymous(top - size, top, PROT_READ | PROT_WRITE, Vma.VM_GROWSDOWN, "[stack]"));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Changes how far stacks may grow (setrlimit(RLIMIT_STACK) on a running process: Linux reads
     * the limit at each fault); the layout chosen by {@link #mapStack} stays. Negative = unlimited.
     */
    public void setStackLimit(long limit) {
        lock.writeLock().lock();
        try {
            stackLimit = limit;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The address just above the main thread's stack. */
    public long stackTop() { return Layout.STACK_TOP; }

    // ---------------------------------------------------------------- inspection

    /** The current mappings, in address order (for /proc/self/maps and tests). */
    public List<Vma> mappings() { return vmas.asList(); }

    /** The mapping containing {@code addr}, or null. */
    public Vma mappingAt(long addr) { return vmas.find(addr); }

    /** Pages actually allocated: the host memory the guest's pages cost, in pages. */
    public long residentPages() { return pages.residentPages(); }

    /** Page-table index tables allocated (each at most 16 KiB). */
    public long pageTables() { return pages.tableCount(); }

    /** The current program break. */
    public long currentBrk() {
        lock.readLock().lock();
        try { return heap.current(); } finally { lock.readLock().unlock(); }
    }

    // ---------------------------------------------------------------- GuestMemory

    /** A user access's page: as the CPU would see it, but a fault becomes EFAULT. */
    byte[] user(long addr, Access access) throws ErrnoException {
        try {
            return page(addr, access, true).data;
        } catch (MemoryFault f) {
            throw Errno.EFAULT.ex();
        }
    }

    /**
     * Writes into mapped memory whatever its protection, as the kernel does when it loads an
     * image into read-only segments. EFAULT where nothing is mapped.
     */
    public void load(long addr, byte[] src, int off, int len) throws ErrnoException {
        UserCopy.copyIn(this, addr, src, off, len, true);
    }

    byte[] kernel(long addr) throws ErrnoException {
        try {
            return page(addr, Access.WRITE, false).data;
        } catch (MemoryFault f) {
            throw Errno.EFAULT.ex();
        }
    }

    @Override public byte read8(long addr) throws ErrnoException { return UserCopy.read8(this, addr); }
    @Override public short read16(long addr) throws ErrnoException { return (short) UserCopy.readLE(this, addr, 2); }
    @Override public int read32(long addr) throws ErrnoException { return (int) UserCopy.readLE(this, addr, 4); }
    @Override public long read64(long addr) throws ErrnoException { return UserCopy.readLE(this, addr, 8); }
    @Override public void write8(long addr, byte v) throws ErrnoException { UserCopy.writeLE(this, addr, v, 1); }
    @Override public void write16(long addr, short v) throws ErrnoException { UserCopy.writeLE(this, addr, v, 2); }
    @Override public void write32(long addr, int v) throws ErrnoException { UserCopy.writeLE(this, addr, v, 4); }
    @Override public void write64(long addr, long v) throws ErrnoException { UserCopy.writeLE(this, addr, v, 8); }

    @Override
    public void read(long addr, byte[] dst, int off, int len) throws ErrnoException {
        UserCopy.copyOut(this, addr, dst, off, len);
    }

    @Override
    public void write(long addr, byte[] src, int off, int len) throws ErrnoException {
        UserCopy.copyIn(this, addr, src, off, len, false);
    }

    @Override
    public byte[] readCBytes(long addr, int max) throws ErrnoException {
        return UserCopy.readCBytes(this, addr, max);
    }

    @Override
    public String toString() { return vmas.toString(); }
}
