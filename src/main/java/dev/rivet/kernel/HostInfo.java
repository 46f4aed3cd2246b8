package dev.rivet.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What uname(2) reports besides the machine: the host's node name, release and version (as qemu-user does). */
public record HostInfo(String nodename, String release, String version) {
    static HostInfo read() {
        return new HostInfo(proc("hostname", "localhost"), proc("osrelease", "6.1.0"), proc("version", "#1 SMP"));
    }

    private static String proc(String name, String fallback) {
        try {
            return Files.readString(Path.of("/proc/sys/kernel", name)).strip();
        } catch (IOException | RuntimeException e) {
            return fallback;
        }
    }
}
