package dev.rivet.kernel;

/** Unwinds one thread's run loop when it calls exit(2) while other threads go on. */
public final class ThreadExit extends RuntimeException {
    public final int code;

    public ThreadExit(int code) {
        super(null, null, false, false);
        this.code = code;
    }
}
