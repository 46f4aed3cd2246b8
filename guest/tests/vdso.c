/* vdso.c: the vDSO AT_SYSINFO_EHDR points at, found the way a libc finds it (musl's
 * src/internal/vdso.c): walk the ELF from its header to PT_DYNAMIC, then DT_SYMTAB, DT_STRTAB,
 * DT_HASH, DT_VERSYM and DT_VERDEF, and look each symbol up with its version. qemu 7.2 gives a
 * riscv64 program no vDSO (AT_SYSINFO_EHDR is 0): there the vDSO checks are skipped; under
 * Rivet a missing vDSO is a failure (and VdsoGuestTest checks that nothing was skipped). */
#define _GNU_SOURCE
#include "tap.h"
#include <elf.h>
#include <stdint.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define CHECKS 14

struct vdso {
    uintptr_t base;          /* load bias: the image's link-time address 0 is here */
    const Elf64_Sym *syms;
    const char *strs;
    const Elf32_Word *hash;
    const Elf64_Half *versym;
    const Elf64_Verdef *verdef;
};

/* Name of the version definition with index `ndx`, or NULL. */
static const char *version_name(const struct vdso *v, int ndx) {
    for (const Elf64_Verdef *d = v->verdef;; d = (const void *)((const char *)d + d->vd_next)) {
        if (!(d->vd_flags & VER_FLG_BASE) && (d->vd_ndx & 0x7fff) == ndx) {
            const Elf64_Verdaux *aux = (const void *)((const char *)d + d->vd_aux);
            return v->strs + aux->vda_name;
        }
        if (!d->vd_next) return NULL;
    }
}

/* Address of the function `name`@`version`, or NULL. */
static void *lookup(const struct vdso *v, const char *name, const char *version) {
    uint32_t nsym = v->hash[1];
    for (uint32_t i = 0; i < nsym; i++) {
        const Elf64_Sym *s = &v->syms[i];
        if (ELF64_ST_TYPE(s->st_info) != STT_FUNC || ELF64_ST_BIND(s->st_info) != STB_GLOBAL) continue;
        if (s->st_shndx == SHN_UNDEF || strcmp(v->strs + s->st_name, name) != 0) continue;
        const char *ver = version_name(v, v->versym[i] & 0x7fff);
        if (ver && strcmp(ver, version) == 0) return (void *)(v->base + s->st_value);
    }
    return NULL;
}

static int64_t ns(struct timespec t) { return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec; }

int main(void) {
    plan(CHECKS);
    unsigned long at = getauxval(AT_SYSINFO_EHDR);
    if (at == 0 && !tap_runner_is("rivet")) {
        /* A kernel (or emulator) without a vDSO: allowed, but then there is nothing to check. */
        for (int i = 0; i < CHECKS - 2; i++) skip("no vDSO (AT_SYSINFO_EHDR is 0)", "vDSO check %d", i + 1);
    } else {
        const Elf64_Ehdr *eh = (const void *)at;
        if (!ok(at != 0, "AT_SYSINFO_EHDR is present")) {
            bail(CHECKS - 3, "no vDSO");
            goto libc;
        }
        ok(memcmp(eh->e_ident, ELFMAG, SELFMAG) == 0 && eh->e_ident[EI_CLASS] == ELFCLASS64,
           "AT_SYSINFO_EHDR points at a 64-bit ELF header");
        ok(eh->e_type == ET_DYN && eh->e_machine == EM_RISCV, "it is a riscv shared object");
        is(at % getpagesize(), 0, "it is page-aligned");

        struct vdso v = {0};
        const Elf64_Dyn *dyn = NULL;
        int loads = 0;
        const Elf64_Phdr *ph = (const void *)(at + eh->e_phoff);
        for (int i = 0; i < eh->e_phnum; i++) {
            if (ph[i].p_type == PT_LOAD) {
                loads++;
                v.base = at + ph[i].p_offset - ph[i].p_vaddr;
            } else if (ph[i].p_type == PT_DYNAMIC) {
                dyn = (const void *)(at + ph[i].p_offset);
            }
        }
        if (!ok(loads == 1 && dyn != NULL, "one PT_LOAD and a PT_DYNAMIC")) {
            bail(CHECKS - 7, "no dynamic section");
            goto libc;
        }
        for (; dyn->d_tag != DT_NULL; dyn++) {
            switch (dyn->d_tag) {
            case DT_SYMTAB: v.syms = (const void *)(v.base + dyn->d_un.d_ptr); break;
            case DT_STRTAB: v.strs = (const void *)(v.base + dyn->d_un.d_ptr); break;
            case DT_HASH: v.hash = (const void *)(v.base + dyn->d_un.d_ptr); break;
            case DT_VERSYM: v.versym = (const void *)(v.base + dyn->d_un.d_ptr); break;
            case DT_VERDEF: v.verdef = (const void *)(v.base + dyn->d_un.d_ptr); break;
            }
        }
        if (!ok(v.syms && v.strs && v.hash && v.versym && v.verdef,
                "dynamic section has DT_SYMTAB, DT_STRTAB, DT_HASH, DT_VERSYM and DT_VERDEF")) {
            bail(CHECKS - 8, "incomplete dynamic section");
            goto libc;
        }
        int (*cgt)(clockid_t, struct timespec *) = lookup(&v, "__vdso_clock_gettime", "LINUX_4.15");
        ok(cgt != NULL, "__vdso_clock_gettime@LINUX_4.15 is exported");
        ok(lookup(&v, "__vdso_clock_gettime", "LINUX_2.6") == NULL, "...but not at another version");
        ok(lookup(&v, "__vdso_gettimeofday", "LINUX_4.15") && lookup(&v, "__vdso_clock_getres", "LINUX_4.15")
               && lookup(&v, "__vdso_getcpu", "LINUX_4.15") && lookup(&v, "__vdso_flush_icache", "LINUX_4.15")
               && lookup(&v, "__vdso_rt_sigreturn", "LINUX_4.15") && lookup(&v, "__vdso_riscv_hwprobe", "LINUX_4.15"),
           "the other six riscv vDSO functions are exported at LINUX_4.15");
        if (!cgt) {
            bail(3, "no __vdso_clock_gettime");
            goto libc;
        }
        struct timespec a, b, c;
        syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &a);
        is(cgt(CLOCK_MONOTONIC, &b), 0, "__vdso_clock_gettime(CLOCK_MONOTONIC) returns 0");
        syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &c);
        ok(ns(a) <= ns(b) && ns(b) <= ns(c) && b.tv_nsec >= 0 && b.tv_nsec < 1000000000,
           "its time lies between two clock_gettime syscalls");
        /* The vDSO returns the kernel's answer: a negative errno, not -1 with errno set. */
        is(cgt(100, &b), -EINVAL, "__vdso_clock_gettime of a bad clock returns -EINVAL");
    }
libc:;
    struct timespec t;
    is(clock_gettime(CLOCK_MONOTONIC, &t), 0, "libc clock_gettime(CLOCK_MONOTONIC) still works");
    ok(t.tv_nsec >= 0 && t.tv_nsec < 1000000000 && (t.tv_sec > 0 || t.tv_nsec > 0), "and gives a sane time");
    return done_testing();
}
