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
        int pid = a.i(0);
        if (pid != 0 && task.process.thread(pid) == null) throw Errno.ESRCH.ex();
        int cpus = Runtime.getRuntime().availableProcessors();
        int maskBytes = Math.max(8, (cpus + 63) / 64 * 8); // cpumask_size(): whole longs
        long len = a.l(1);
        if ((len & 7) != 0 || Long.compareUnsigned(len, maskBytes) < 0) throw Errno.EINVAL.ex();
        byte[] mask = new byte[maskBytes];
        for (int c = 0; c < cpus; c++) mask[c / 8] |= (byte) (1 << (c % 8));
        task.memory().write(a.l(2), mask);
        return maskBytes;
    }

    public static final int SYS_RISCV_FLUSH_ICACHE_LOCAL = 1;

    static long riscvFlushIcache(Task task, Args a) throws ErrnoException {
        if ((a.l(2) & ~SYS_RISCV_FLUSH_ICACHE_LOCAL) != 0) throw Errno.EINVAL.ex();
        task.hart.flushDecodedCode();
        return 0;
    }
}
