package dev.rivet.fs;

/**
 * What a file operation that may block needs from the kernel about the thread calling it. The
 * file layer sits below the kernel (it may not import it), so the kernel installs one of these
 * on each guest thread; threads that are not guest threads (unit tests, the JVM's own) get
 * {@link #NONE}, which is never interrupted.
 *
 * <p>The waiting rule: register where the waker will find you, then ask {@link #interrupted()},
 * then {@code LockSupport.park}; a signal sender unparks the thread, so no polling timeout is
 * needed to notice a signal. When {@code interrupted()} says true, stop and return what was
 * transferred, or throw {@code ERESTARTSYS} when nothing was (the kernel restarts the call or
 * makes it EINTR, by SA_RESTART).
 */
public interface Blocking {
    /**
     * True when the wait must end now: a signal with a handler can be delivered to the thread,
     * or its process is exiting. Signals needing no handler are dealt with inside (an ignored
     * one dropped, a stop waited out), so the wait goes on as Linux's transparent restart would.
     */
    boolean interrupted();

    /** send_sig(SIGPIPE, current, 0): a write found no reader. */
    void brokenPipe();

    /** For threads that are not guest threads: never interrupted, no one to send SIGPIPE to. */
    Blocking NONE = new Blocking() {
        @Override public boolean interrupted() { return false; }
        @Override public void brokenPipe() {}
    };

    /** The calling thread's context. */
    static Blocking current() { return Holder.CURRENT.get(); }

    /** Binds {@code b} to the calling thread (the kernel does, when a guest thread starts). */
    static void install(Blocking b) { Holder.CURRENT.set(b); }

    /** Interfaces cannot have private static fields; this holds the per-thread context. */
    final class Holder {
        private Holder() {}
        private static final ThreadLocal<Blocking> CURRENT = ThreadLocal.withInitial(() -> NONE);
    }
}
