package dev.rivet.kernel;

import dev.rivet.abi.Signal;
import dev.rivet.fs.Blocking;
import dev.rivet.signal.SigInfo;

/**
 * The guest threads' {@link Blocking} context: signals end a thread's waits, and SIGPIPE goes
 * to it. One object for all: it asks {@link Task#current()}, so a pooled Java thread that goes
 * on to another task holds no reference to the last one.
 */
final class TaskBlocking implements Blocking {
    static final TaskBlocking INSTANCE = new TaskBlocking();

    private TaskBlocking() {}

    @Override
    public boolean interrupted() {
        Task t = Task.current();
        return t != null && Signals.interruptsWait(t);
    }

    /** send_sig(SIGPIPE, current, 0): SI_USER, with the writer's own pid and uid as the sender. */
    @Override
    public void brokenPipe() {
        Task t = Task.current();
        if (t != null) Signals.sendToThread(t, SigInfo.user(Signal.SIGPIPE, SigInfo.SI_USER, t.process.pid, t.process.uid));
    }
}
