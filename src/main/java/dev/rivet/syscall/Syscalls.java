package dev.rivet.syscall;

/** Builds the syscall table from every family. The one place that lists the families. */
public final class Syscalls {
    private Syscalls() {}

    public static SyscallTable table() {
        SyscallTable t = new SyscallTable();
        SysProcess.register(t);
        SysInfo.register(t);
        SysTime.register(t);
        SysTimer.register(t);
        SysSignal.register(t);
        SysFile.register(t);
        SysFs.register(t);
        SysFcntl.register(t);
        SysPipe.register(t);
        SysAttr.register(t);
        SysMm.register(t);
        SysThread.register(t);
        SysFutex2.register(t);
        SysMembarrier.register(t);
        SysPoll.register(t);
        SysWait.register(t);
        SysExec.register(t);
        SysKill.register(t);
        return t;
    }
}
