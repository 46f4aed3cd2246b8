package dev.rivet.kernel;

import dev.rivet.abi.Errno;
import dev.rivet.abi.ErrnoException;
import dev.rivet.abi.ITimerSpec;
import dev.rivet.abi.Signal;
import dev.rivet.abi.SigEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A process's timers: its POSIX timers (timer_create …), numbered per process from 0 as
 * Linux numbers them, and its {@link ITimers}. A forked child starts with none (a new
 * Process has a new Timers). execve must call {@link #clearOnExec()}: POSIX timers are
 * deleted, interval timers survive it. When the last thread leaves, {@link #exit()} stops all.
 */
public final class Timers {
    private final Process process;
    public final ITimers itimers;
    private final Map<Integer, PosixTimer> timers = new HashMap<>();
    /** Linux's signal_struct.posix_timer_id: the next id to try, wrapping to 0 after INT_MAX. */
    private int nextId;

    Timers(Process process) {
        this.process = process;
        this.itimers = new ITimers(process);
    }

    /**
     * timer_create: a new timer on {@code clock} notifying as {@code ev} says (null: SIGALRM to
     * the process with the timer id as its value). EINVAL for a bad sigevent (good_sigevent),
     * EAGAIN when the process has as many timers as RLIMIT_SIGPENDING allows.
     */
    public int create(Task caller, TimerClock clock, SigEvent ev) throws ErrnoException {
        synchronized (this) {
            if (timers.size() >= Math.min(process.limits.soft(Limits.SIGPENDING) & Long.MAX_VALUE, Integer.MAX_VALUE))
                throw Errno.EAGAIN.ex();
            int id = nextId;
            while (timers.containsKey(id)) id = id == Integer.MAX_VALUE ? 0 : id + 1;
            nextId = id == Integer.MAX_VALUE ? 0 : id + 1;
            if (ev == null) ev = new SigEvent(id, Signal.SIGALRM, SigEvent.SIGEV_SIGNAL, 0);
            else checkEvent(caller, ev);
            timers.put(id, new PosixTimer(process, clock, id, ev));
            return id;
        }
    }

    /** good_sigevent(): which notifications and signals are allowed. */
    private void checkEvent(Task caller, SigEvent ev) throws ErrnoException {
        switch (ev.how()) {
            case SigEvent.SIGEV_SIGNAL | SigEvent.SIGEV_THREAD_ID -> {
                Task t = caller.process.thread(ev.threadId());
                if (ev.threadId() <= 0 || t == null) throw Errno.EINVAL.ex();
                checkSigno(ev);
            }
            case SigEvent.SIGEV_SIGNAL, SigEvent.SIGEV_THREAD -> checkSigno(ev);
            case SigEvent.SIGEV_NONE -> { }
            default -> throw Errno.EINVAL.ex();
        }
    }

    private static void checkSigno(SigEvent ev) throws ErrnoException {
        if (ev.signo() <= 0 || ev.signo() > Signal.NSIG) throw Errno.EINVAL.ex();
    }

    private synchronized PosixTimer timer(int id) throws ErrnoException {
        PosixTimer t = timers.get(id);
        if (t == null) throw Errno.EINVAL.ex();
        return t;
    }

    /** timer_settime: returns the old setting; EINVAL for an unknown id. */
    public ITimerSpec settime(int id, boolean absolute, ITimerSpec next) throws ErrnoException {
        return timer(id).set(next, absolute);
    }

    /** timer_gettime. */
    public ITimerSpec gettime(int id) throws ErrnoException { return timer(id).get(); }

    /** timer_getoverrun. */
    public int overrun(int id) throws ErrnoException { return timer(id).overrun(); }

    /** timer_delete. */
    public void delete(int id) throws ErrnoException {
        PosixTimer t;
        synchronized (this) {
            t = timers.remove(id);
        }
        if (t == null) throw Errno.EINVAL.ex();
        t.delete();
    }

    /** How many POSIX timers the process has. */
    public synchronized int count() { return timers.size(); }

    /** execve: the POSIX timers are deleted (and their pending signals dropped); itimers stay armed. */
    public void clearOnExec() {
        List<PosixTimer> all;
        synchronized (this) {
            all = new ArrayList<>(timers.values());
            timers.clear(); // the id counter goes on, as signal_struct's does across exec
        }
        for (PosixTimer t : all) t.delete();
    }

    /** The process has ended: every timer stops, so none keeps it reachable or fires for it. */
    public void exit() {
        clearOnExec();
        itimers.stopAll();
    }
}
