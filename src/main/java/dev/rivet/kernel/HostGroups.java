package dev.rivet.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The supplementary groups a guest process has: the host process's own (the guest acts with
 * the host's credentials on host files, so `id` must say what the host would), read once from
 * /proc/self/status.
 */
public final class HostGroups {
    private HostGroups() {}

    private static final class Holder {
        static final int[] GROUPS = read();
    }

    public static int[] groups() { return Holder.GROUPS.clone(); }

    private static int[] read() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (!line.startsWith("Groups:")) continue;
                String rest = line.substring(7).trim();
                if (rest.isEmpty()) return new int[0];
                return java.util.Arrays.stream(rest.split("\\s+")).mapToInt(Integer::parseInt).toArray();
            }
        } catch (IOException | RuntimeException e) {
            // No /proc: no supplementary groups, as a process that dropped them all.
        }
        return new int[0];
    }
}
