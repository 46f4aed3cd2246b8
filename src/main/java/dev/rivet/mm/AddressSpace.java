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
    /** PROT_SEM: accepted by mprotect/mmap and meaningless here. */
    private static final int PROT_SEM = 8;

    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    final PageTable pages = new PageTable();
    private volatile VmaList vmas = VmaList.EMPTY;
    private final AtomicLong generation = new AtomicLong();
    private final ConcurrentSkipListSet<Long> code = new ConcurrentSkipListSet<>();
    private volatile CodeWatcher codeWatcher;
    private final AtomicLong shmIds = new AtomicLong();

    // Layout state, guarded by the write lock.
    private long stackLimit = Layout.DEFAULT_STACK_LIMIT;
    private long mmapBase = Layout.mmapBase(Layout.DEFAULT_STACK_LIMIT);
    private boolean legacyLayout;
    private long startBrk, brk;
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

    /** Allocates a zero page on first touch, re-checking the mapping under the read lock. */
    private Page firstTouch(long addr, Access access, boolean checkProt) {
        lock.readLock().lock();
        try {
            Vma v = vmas.find(addr);
            if (v == null) throw new MemoryFault(addr, access, false);
            if (checkProt && !v.allows(access)) throw new MemoryFault(addr, access, true);
            return pages.install(addr >>> PAGE_SHIFT, new Page());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Copy-on-write hook for fork: gives this table its own copy of a page shared with another
     * table. Nothing marks pages {@link Page#cow} yet, so this is not reached today.
     */
    private Page breakCow(long pn, Page shared) {
        lock.readLock().lock();
        try {
            Page now = pages.replace(pn, shared, shared.copy());
            generation.incrementAndGet();  // other harts may hold the shared page in their TLBs
            return now;
        } finally {
            lock.readLock().unlock();
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
        if (!fixed) addr = roundHintToMin(addr);
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

    /** round_hint_to_min: a non-zero hint below mmap_min_addr is raised to it. */
    private static long roundHintToMin(long hint) {
        hint &= -PAGE_SIZE;
        if (hint != 0 && Long.compareUnsigned(hint, MMAP_MIN_ADDR) < 0) return MMAP_MIN_ADDR;
        return hint;
    }

    /** PMD_SIZE: the transparent-huge-page size that larger anonymous mappings are aligned to. */
    private static final long HPAGE = 2L << 20;

    /**
     * get_unmapped_area: MAP_FIXED takes {@code addr} as is; otherwise a free page-aligned hint
     * is honoured (keeping clear of stack guard gaps), else the highest free range below
     * mmap_base, else the lowest above TASK_UNMAPPED_BASE. As on Linux 6.8+ with THP, a private
     * anonymous request without hint whose length is a multiple of 2 MiB is placed on a 2 MiB
     * boundary (searching for 2 MiB more, then rounding; Linux treats the offset of anonymous
     * memory as zero here, mremap included).
     */
    long unmappedArea(long addr, long len, int flags) throws ErrnoException {
        if (Long.compareUnsigned(len, TASK_SIZE - MMAP_MIN_ADDR) > 0) throw Errno.ENOMEM.ex();
        long at;
        if ((flags & Mman.MAP_FIXED) != 0) {
            at = addr;
        } else {
            at = -1;
            if (addr == 0 && (flags & Mman.MAP_SHARED) == 0 && len % HPAGE == 0) {
                long padded = search(0, len + HPAGE);
                if (padded != -1) {
                    long sub = -padded & (HPAGE - 1);
                    at = !legacyLayout && sub == 0 ? padded + HPAGE : padded + sub;
                }
            }
            if (at == -1) at = search(addr, len);
            if (at == -1) throw Errno.ENOMEM.ex();
        }
        if (Long.compareUnsigned(at, TASK_SIZE - len) > 0) throw Errno.ENOMEM.ex();
        if (!pageAligned(at)) throw Errno.EINVAL.ex();
        if (at < MMAP_MIN_ADDR) throw Errno.EPERM.ex();  // security_mmap_addr, for a task without CAP_SYS_RAWIO
        return at;
    }

    /** The arch get_unmapped_area without MAP_FIXED: the hint if free, else a search; -1 if nothing fits. */
    private long search(long addr, long len) {
        if (Long.compareUnsigned(len, TASK_SIZE - MMAP_MIN_ADDR) > 0) return -1;
        if (addr != 0) {
            long a = pageAlign(addr);
            int i = vmas.indexAbove(a);
            Vma next = i < vmas.size() ? vmas.get(i) : null, prev = vmas.before(i);
            if (Long.compareUnsigned(a, TASK_SIZE - len) <= 0 && Long.compareUnsigned(a, MMAP_MIN_ADDR) >= 0
                    && (next == null || a + len <= VmaList.startGap(next)) && (prev == null || a >= prev.end()))
                return a;
        }
        long at = -1;
        if (!legacyLayout) at = vmas.findTopDown(len, Math.max(PAGE_SIZE, MMAP_MIN_ADDR), mmapBase);
        if (at == -1) at = vmas.findBottomUp(len, legacyLayout ? mmapBase : Layout.TASK_UNMAPPED_BASE, TASK_SIZE);
        return at;
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
        int grows = prot & (Mman.PROT_GROWSDOWN | Mman.PROT_GROWSUP);
        prot &= ~grows;
        if (grows == (Mman.PROT_GROWSDOWN | Mman.PROT_GROWSUP)) throw Errno.EINVAL.ex();
        if (!pageAligned(addr)) throw Errno.EINVAL.ex();
        if (length == 0) return;
        long len = pageAlign(length);
        long end = addr + len;
        if (Long.compareUnsigned(end, addr) <= 0) throw Errno.ENOMEM.ex();
        if ((prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM)) != 0) throw Errno.EINVAL.ex();
        final int newProt = prot & ~PROT_SEM;
        lock.writeLock().lock();
        try {
            VmaList list = vmas;
            int i = list.indexAbove(addr);
            if (i == list.size()) throw Errno.ENOMEM.ex();
            Vma first = list.get(i);
            long start = addr;
            if ((grows & Mman.PROT_GROWSDOWN) != 0) {
                if (first.start() >= end) throw Errno.ENOMEM.ex();
                start = first.start();
                if (!first.growsDown()) throw Errno.EINVAL.ex();
            } else {
                if (first.start() > start) throw Errno.ENOMEM.ex();
                if ((grows & Mman.PROT_GROWSUP) != 0) throw Errno.EINVAL.ex();  // riscv has no VM_GROWSUP
            }
            long done = first.start();  // Linux's tmp: each next VMA must start where the last ended
            boolean hole = false;
            for (; i < list.size() && list.get(i).start() < end; i++) {
                if (list.get(i).start() != done) { hole = true; break; }
                done = Math.min(list.get(i).end(), end);
            }
            if (done < end) hole = true;
            if (done > start) {
                codeGone(start, done);
                vmas = list.map(start, done, v -> v.withProt(newProt));
                generation.incrementAndGet();
            }
            if (hole) throw Errno.ENOMEM.ex();
        } finally {
            lock.writeLock().unlock();
        }
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

    long newShmId() { return shmIds.incrementAndGet(); }

    // ---------------------------------------------------------------- brk and stack

    /**
     * Linux brk: moves the break if it can and returns the (new or unchanged) break. A request
     * below the heap start (brk(0) included) or one that cannot be met returns the current break;
     * shrinking unmaps; growth must leave a page free below the next mapping (and its guard gap).
     */
    public long brk(long request) {
        lock.writeLock().lock();
        try {
            if (Long.compareUnsigned(request, startBrk) < 0) return brk;
            if (Long.compareUnsigned(request, TASK_SIZE) > 0) return brk;
            long newBrk = pageAlign(request), oldBrk = pageAlign(brk);
            if (newBrk == oldBrk) { brk = request; return brk; }
            if (Long.compareUnsigned(request, brk) <= 0) {
                Vma heap = vmas.above(newBrk);
                if (heap == null || heap.start() >= oldBrk) return brk;  // the range holds no heap
                brk = request;
                unmapLocked(newBrk, oldBrk);
                return brk;
            }
            if (oldBrk < MMAP_MIN_ADDR) return brk;
            Vma next = vmas.above(oldBrk);
            if (next != null && newBrk + PAGE_SIZE > VmaList.startGap(next)) return brk;
            if (vmas.size() > Layout.MAX_MAP_COUNT) return brk;
            vmas = vmas.with(Vma.anonymous(oldBrk, newBrk, PROT_READ | PROT_WRITE, defaultLocked ? Vma.VM_LOCKED : 0, "[heap]"));
            brk = request;
            return brk;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Sets where the heap starts (the loader calls it with the end of the highest segment). */
    public void initBrk(long start) {
        lock.writeLock().lock();
        try {
            startBrk = brk = pageAlign(start);
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
            legacyLayout = limit < 0;
            mmapBase = legacyLayout ? Layout.TASK_UNMAPPED_BASE : Layout.mmapBase(limit);
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
        try { return brk; } finally { lock.readLock().unlock(); }
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
