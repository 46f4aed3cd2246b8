package dev.rivet.kernel;

import dev.rivet.abi.Signal;
import dev.rivet.fs.Blocking;
import dev.rivet.signal.SigInfo;

/** A guest thread's {@link Blocking} context: signals end its waits, and SIGPIPE goes to it. */
record TaskBlocking(Task task) implements Blocking {
    @Override
    public boolean interrupted() {
        return Signals.interruptsWait(task);
    }

    /** send_sig(SIGPIPE, current, 0): SI_USER, with the writer's own pid and uid as the sender. */
    @Override
    public void brokenPipe() {
        Signals.sendToThread(task, SigInfo.user(Signal.SIGPIPE, SigInfo.SI_USER, task.process.pid, task.process.uid));
    }
}
