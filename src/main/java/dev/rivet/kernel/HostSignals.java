package dev.rivet.kernel;

import dev.rivet.abi.Signal;
import dev.rivet.signal.SigInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * SIGINT, SIGTERM, SIGHUP and SIGQUIT sent to the {@code rivet} JVM (Ctrl-C at the terminal,
 * {@code kill} from a shell) go to the guest's foreground process group, as the terminal driver
 * would send them, instead of killing the JVM under the guest: the guest decides, and Rivet
 * exits with the guest's status.
 */
public final class HostSignals implements AutoCloseable {
    private static final int[] FORWARDED = {Signal.SIGINT, Signal.SIGTERM, Signal.SIGHUP, Signal.SIGQUIT};

    private final List<sun.misc.Signal> installed = new ArrayList<>();
    private final List<sun.misc.SignalHandler> previous = new ArrayList<>();

    private HostSignals() {}

    /** Starts forwarding to the process group of {@code root} (the first guest process) in {@code kernel}. */
    public static HostSignals forward(Kernel kernel, Process root) {
        HostSignals h = new HostSignals();
        for (int sig : FORWARDED) {
            sun.misc.Signal s = new sun.misc.Signal(Signal.name(sig).substring(3));
            try {
                h.previous.add(sun.misc.Signal.handle(s, x -> kernel.signalProcessGroup(root.pgid, SigInfo.kernel(sig))));
                h.installed.add(s);
            } catch (IllegalArgumentException e) {
                // The JVM keeps this one for itself (e.g. SIGQUIT with -Xrs off): leave it.
            }
        }
        return h;
    }

    /** Gives the signals back to the JVM. */
    @Override
    public void close() {
        for (int i = 0; i < installed.size(); i++) sun.misc.Signal.handle(installed.get(i), previous.get(i));
    }
}
