package dev.rivet.elf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The credentials a new program starts with: what AT_UID/AT_EUID/AT_GID/AT_EGID say and what
 * getuid() and friends must then return (the kernel takes them from the loader's result so the
 * two never disagree).
 */
public record UserIds(int uid, int euid, int gid, int egid) {
    /** Used when the host's ids cannot be read: an ordinary unprivileged user. */
    public static final UserIds FALLBACK = new UserIds(1000, 1000, 1000, 1000);

    private static volatile UserIds host;

    /** The ids of the JVM process on a Linux host (from /proc/self/status), else {@link #FALLBACK}. */
    public static UserIds host() {
        UserIds ids = host;
        if (ids == null) host = ids = readHost();
        return ids;
    }

    private static UserIds readHost() {
        try {
            int[] uid = null, gid = null;
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) uid = fields(line);
                else if (line.startsWith("Gid:")) gid = fields(line);
            }
            if (uid != null && gid != null && uid.length >= 2 && gid.length >= 2)
                return new UserIds(uid[0], uid[1], gid[0], gid[1]);
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc unavailable: fall through
        }
        return FALLBACK;
    }

    /** "Uid:\treal\teffective\tsaved\tfs" → the numbers. */
    private static int[] fields(String line) {
        String[] parts = line.substring(4).trim().split("\\s+");
        int[] v = new int[parts.length];
        for (int i = 0; i < parts.length; i++) v[i] = Integer.parseUnsignedInt(parts[i]);
        return v;
    }
}
