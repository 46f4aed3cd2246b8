package dev.rivet.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The environment a guest program starts with: the host's (in the host's order) plus --env entries. */
final class GuestEnvironment {
    private GuestEnvironment() {}

    /**
     * The host environment as "K=V" strings. On Linux read from /proc/self/environ, which keeps
     * the order the shell gave (System.getenv() is a hash map); elsewhere from System.getenv().
     */
    static List<String> host() {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc/self/environ"));
            List<String> env = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    if (i > start) env.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            if (start < raw.length) env.add(new String(raw, start, raw.length - start, StandardCharsets.UTF_8));
            return env;
        } catch (IOException | RuntimeException e) {
            List<String> env = new ArrayList<>();
            for (Map.Entry<String, String> e2 : System.getenv().entrySet()) env.add(e2.getKey() + "=" + e2.getValue());
            return env;
        }
    }

    /**
     * {@code base} with each "K=V" of {@code overrides} applied in order: an existing K keeps its
     * place and takes the new value, a new K is appended.
     */
    static List<String> merge(List<String> base, List<String> overrides) {
        List<String> env = new ArrayList<>(base);
        for (String kv : overrides) {
            String key = kv.substring(0, kv.indexOf('=') + 1); // "K="
            int at = -1;
            for (int i = 0; i < env.size(); i++) if (env.get(i).startsWith(key)) { at = i; break; }
            if (at >= 0) env.set(at, kv);
            else env.add(kv);
        }
        return env;
    }
}
