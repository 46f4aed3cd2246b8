/*
 * Struct sizes and offsets of the Linux riscv64 ABI, taken from the kernel's own uapi headers
 * (linux-libc-dev-riscv64-cross). Compiled with -S only: each DEF line becomes "->NAME value"
 * in the assembly, which StructLayoutTest compares with Rivet's constants.
 */
#include <stddef.h>
#include <linux/types.h>
#include <linux/time_types.h>
#include <linux/resource.h>
#include <linux/utsname.h>
#include <linux/sysinfo.h>
#include <linux/times.h>
#include <linux/futex.h>
#include <linux/stat.h>
#include <asm/stat.h>
#include <asm/signal.h>
#include <asm/siginfo.h>
#include <asm/sigcontext.h>
#include <asm/ucontext.h>

#define DEF(name, value) asm volatile(".ascii \"->" #name " %0\\n\"" :: "i"((long)(value)))

void layouts(void) {
    DEF(timespec_size, sizeof(struct __kernel_timespec));
    DEF(timeval_size, sizeof(struct __kernel_old_timeval));
    DEF(rusage_size, sizeof(struct rusage));
    DEF(rusage_maxrss, offsetof(struct rusage, ru_maxrss));
    DEF(utsname_size, sizeof(struct new_utsname));
    DEF(utsname_field, sizeof(((struct new_utsname *)0)->sysname));
    DEF(sysinfo_size, sizeof(struct sysinfo));
    DEF(sysinfo_procs, offsetof(struct sysinfo, procs));
    DEF(sysinfo_totalram, offsetof(struct sysinfo, totalram));
    DEF(sysinfo_mem_unit, offsetof(struct sysinfo, mem_unit));
    DEF(tms_size, sizeof(struct tms));
    DEF(rlimit_size, sizeof(struct rlimit));
    DEF(robust_list_head_size, sizeof(struct robust_list_head));
    DEF(sigaction_size, sizeof(struct sigaction));
    DEF(sigaction_flags, offsetof(struct sigaction, sa_flags));
    DEF(sigaction_mask, offsetof(struct sigaction, sa_mask));
    DEF(stack_t_size, sizeof(stack_t));
    DEF(siginfo_size, sizeof(siginfo_t));
    DEF(siginfo_addr, offsetof(siginfo_t, si_addr));
    DEF(siginfo_value, offsetof(siginfo_t, si_value));
    DEF(siginfo_status, offsetof(siginfo_t, si_status));
    DEF(siginfo_utime, offsetof(siginfo_t, si_utime));
    DEF(siginfo_stime, offsetof(siginfo_t, si_stime));
    DEF(siginfo_overrun, offsetof(siginfo_t, si_overrun));
    DEF(ucontext_stack, offsetof(struct ucontext, uc_stack));
    DEF(ucontext_sigmask, offsetof(struct ucontext, uc_sigmask));
    DEF(ucontext_mcontext, offsetof(struct ucontext, uc_mcontext));
    DEF(ucontext_size, sizeof(struct ucontext));
    DEF(sigcontext_fpregs, offsetof(struct sigcontext, sc_fpregs));
    DEF(fp_state_size, sizeof(union __riscv_fp_state));
    DEF(fp_fcsr, offsetof(struct __riscv_d_ext_state, fcsr));
    DEF(fp_q_reserved, offsetof(struct __riscv_q_ext_state, reserved));
    DEF(stack_t_flags, offsetof(stack_t, ss_flags));
    DEF(stack_t_size_off, offsetof(stack_t, ss_size));
    DEF(minsigstksz, MINSIGSTKSZ);
    DEF(stat_size, sizeof(struct stat));
    DEF(stat_size_off, offsetof(struct stat, st_size));
    DEF(stat_mtime, offsetof(struct stat, st_mtime));
    DEF(statx_size, sizeof(struct statx));
}
