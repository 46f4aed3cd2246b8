package dev.rivet.syscall;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.kernel.HostInfo;
import dev.rivet.kernel.Task;
import dev.rivet.mm.GuestMemory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import static dev.rivet.syscall.ArgKind.*;

/** System information: uname, sysinfo, getrandom, sched_yield, sched_getaffinity, riscv_flush_icache. */
public final class SysInfo {
    private SysInfo() {}

    public static void register(SyscallTable t) {
        t.add("uname", SysInfo::uname, PTR);
        t.add("sysinfo", SysInfo::sysinfo, PTR);
        t.add("getrandom", SysInfo::getrandom, PTR, SIZE, HEX);
        t.add("sched_yield", (task, a) -> { Thread.yield(); return 0; });
        t.add("sched_getaffinity", SysInfo::schedGetaffinity, INT, SIZE, PTR);
        t.add("riscv_flush_icache", SysInfo::riscvFlushIcache, PTR, PTR, HEX);
        t.add("riscv_hwprobe", SysInfo::riscvHwprobe, PTR, SIZE, SIZE, PTR, HEX);
        t.add("sched_setaffinity", SysInfo::schedSetaffinity, INT, SIZE, PTR);
    }

    /** struct utsname: six fields of 65 bytes. */
    static final int UTS_FIELD = 65;

    static long uname(Task task, Args a) throws ErrnoException {
        HostInfo h = task.process.kernel.hostInfo;
        String[] fields = {"Linux", h.nodename(), h.release(), h.version(), "riscv64", "(none)"};
        byte[] buf = new byte[UTS_FIELD * fields.length];
        for (int i = 0; i < fields.length; i++) {
            byte[] s = fields[i].getBytes(StandardCharsets.UTF_8);
            System.arraycopy(s, 0, buf, i * UTS_FIELD, Math.min(s.length, UTS_FIELD - 1));
        }
        task.memory().write(a.l(0), buf);
        return 0;
    }

    /** struct sysinfo on a 64-bit Linux: 112 bytes, mem_unit at offset 104. */
    static final int SYSINFO_SIZE = 112;

    static long sysinfo(Task task, Args a) throws ErrnoException {
        byte[] b = new byte[SYSINFO_SIZE];
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        String uptime = read("/proc/uptime");
        String[] load = read("/proc/loadavg").split("\\s+");
        bb.putLong(0, uptime.isEmpty() ? 0 : (long) Double.parseDouble(uptime.split("\\s+")[0]));
        for (int i = 0; i < 3; i++) {
            double l = load.length > i ? parse(load[i]) : 0;
            bb.putLong(8 + 8 * i, (long) (l * 65536));
        }
        bb.putLong(32, meminfo("MemTotal"));
        bb.putLong(40, meminfo("MemFree"));
        bb.putLong(48, meminfo("Shmem"));
        bb.putLong(56, meminfo("Buffers"));
        bb.putLong(64, meminfo("SwapTotal"));
        bb.putLong(72, meminfo("SwapFree"));
        bb.putShort(80, (short) 1); // procs: the guest sees its own processes
        bb.putInt(104, 1); // mem_unit: sizes are in bytes
        task.memory().write(a.l(0), b);
        return 0;
    }

    private static double parse(String s) {
        try { return Double.parseDouble(s); } catch (NumberFormatException e) { return 0; }
    }

    private static String read(String path) {
        try { return Files.readString(Path.of(path)).strip(); } catch (IOException e) { return ""; }
    }

    private static long meminfo(String key) {
        for (String line : read("/proc/meminfo").split("\n")) {
            if (line.startsWith(key + ":")) {
                String[] f = line.substring(key.length() + 1).trim().split("\\s+");
                return Long.parseLong(f[0]) * 1024;
            }
        }
        return 0;
    }

    public static final int GRND_NONBLOCK = 1, GRND_RANDOM = 2, GRND_INSECURE = 4;
    private static SecureRandom random;

    static long getrandom(Task task, Args a) throws ErrnoException {
        int flags = a.i(2);
        if ((flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE)) != 0) throw Errno.EINVAL.ex();
        if ((flags & (GRND_RANDOM | GRND_INSECURE)) == (GRND_RANDOM | GRND_INSECURE)) throw Errno.EINVAL.ex();
        long len = Math.min(a.l(1) < 0 ? Integer.MAX_VALUE : a.l(1), 33_554_431L); // Linux caps one call
        SecureRandom r = rng();
        byte[] chunk = new byte[(int) Math.min(len, 4096)];
        for (long done = 0; done < len; ) {
            int n = (int) Math.min(chunk.length, len - done);
            r.nextBytes(chunk);
            task.memory().write(a.l(0) + done, chunk, 0, n);
            done += n;
        }
        return len;
    }

    private static synchronized SecureRandom rng() {
        if (random == null) {
            try {
                random = SecureRandom.getInstance("NativePRNGNonBlocking");
            } catch (java.security.NoSuchAlgorithmException e) {
                random = new SecureRandom();
            }
        }
        return random;
    }

    static long schedGetaffinity(Task task, Args a) throws ErrnoException {
        Task t = affinityTarget(task, a.i(0));
        int maskBytes = maskBytes();
        long len = a.l(1);
        if ((len & 7) != 0 || Long.compareUnsigned(len, maskBytes) < 0) throw Errno.EINVAL.ex();
        long mask = t.affinity & onlineMask();
        byte[] out = new byte[maskBytes];
        for (int i = 0; i < 8 && i < out.length; i++) out[i] = (byte) (mask >>> (8 * i));
        task.memory().write(a.l(2), out);
        return maskBytes;
    }

    /** The host's CPUs, as the guest sees them: the first ones of a 64-bit mask. */
    private static int cpus() { return Math.min(Runtime.getRuntime().availableProcessors(), 64); }

    private static long onlineMask() { return cpus() == 64 ? -1L : (1L << cpus()) - 1; }

    /** cpumask_size(): whole longs. */
    private static int maskBytes() { return 8; }

    private static Task affinityTarget(Task task, int pid) throws ErrnoException {
        Task t = task.peer(pid);
        if (t == null) throw Errno.ESRCH.ex();
        return t;
    }

    /** A cpu_set_t of {@code len} bytes from the guest, as a 64-bit mask (CPUs beyond 63 do not exist here). */
    private static long readMask(Task task, long addr, long len) throws ErrnoException {
        byte[] in = task.memory().read(addr, (int) Math.min(Long.compareUnsigned(len, 8) > 0 ? 8 : len, 8));
        long mask = 0;
        for (int i = 0; i < in.length; i++) mask |= (in[i] & 0xffL) << (8 * i);
        return mask;
    }

    /**
     * sched_setaffinity: keeps the mask (what getaffinity reports and new threads inherit);
     * EINVAL when it names no CPU the guest has. Where the JVM thread runs is the host's choice.
     */
    static long schedSetaffinity(Task task, Args a) throws ErrnoException {
        Task t = affinityTarget(task, a.i(0));
        long mask = readMask(task, a.l(2), a.l(1));
        if ((mask & onlineMask()) == 0) throw Errno.EINVAL.ex();
        t.affinity = mask & onlineMask();
        return 0;
    }

    // riscv_hwprobe keys and values (arch/riscv/include/uapi/asm/hwprobe.h).
    static final long HWPROBE_MVENDORID = 0, HWPROBE_MARCHID = 1, HWPROBE_MIMPID = 2, HWPROBE_BASE_BEHAVIOR = 3,
            HWPROBE_IMA_EXT_0 = 4, HWPROBE_CPUPERF_0 = 5;
    static final long BASE_BEHAVIOR_IMA = 1, IMA_FD = 1, IMA_C = 2, EXT_ZBA = 1 << 3, EXT_ZBB = 1 << 4,
            EXT_ZBS = 1 << 5, EXT_ZBC = 1 << 7, MISALIGNED_FAST = 3;

    /** riscv_hwprobe: what this CPU implements (IMAFDC, Zba/Zbb/Zbc/Zbs; misaligned access as fast as aligned). */
    static long riscvHwprobe(Task task, Args a) throws ErrnoException {
        long pairs = a.l(0), count = a.l(1), setSize = a.l(2), set = a.l(3);
        if (a.l(4) != 0) throw Errno.EINVAL.ex();
        if ((setSize != 0 || set != 0) && (readMask(task, set, setSize) & onlineMask()) == 0) throw Errno.EINVAL.ex();
        for (long i = 0; i < count; i++) {
            long at = pairs + 16 * i;
            long key = task.memory().read64(at);
            long value;
            if (key == HWPROBE_MVENDORID || key == HWPROBE_MARCHID || key == HWPROBE_MIMPID) value = 0;
            else if (key == HWPROBE_BASE_BEHAVIOR) value = BASE_BEHAVIOR_IMA;
            else if (key == HWPROBE_IMA_EXT_0) value = IMA_FD | IMA_C | EXT_ZBA | EXT_ZBB | EXT_ZBS | EXT_ZBC;
            else if (key == HWPROBE_CPUPERF_0) value = MISALIGNED_FAST;
            else { key = -1; value = 0; }
            task.memory().write64(at, key);
            task.memory().write64(at + 8, value);
        }
        return 0;
    }

    public static final int SYS_RISCV_FLUSH_ICACHE_LOCAL = 1;

    static long riscvFlushIcache(Task task, Args a) throws ErrnoException {
        if ((a.l(2) & ~SYS_RISCV_FLUSH_ICACHE_LOCAL) != 0) throw Errno.EINVAL.ex();
        task.hart.flushDecodedCode();
        return 0;
    }
}
