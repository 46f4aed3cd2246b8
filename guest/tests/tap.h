/* tap.h: a tiny TAP producer for guest tests (https://testanything.org).
 *   plan(n);                       "1..n" — the runner fails a test that prints fewer lines
 *   ok(cond, fmt, ...);            "ok N - name" / "not ok N - name"
 *   is(got, want, fmt, ...);       ok() on two integers, with both shown when they differ
 *   is_errno(ret, err, fmt, ...);  the call returned -1 and set errno to err
 *   diag(fmt, ...);                "# ..." diagnostics
 *   done_testing();                exit status: 0 when every test passed, 1 otherwise
 *   bail(n, why);                  n "not ok" lines for checks a failed precondition prevents
 *                                  (so one broken call does not crash the whole test)
 *   skip(why, fmt, ...);           "ok N - name # SKIP why": a check this runner cannot make
 *                                  (the JUnit runner reports it as skipped, never as passed)
 * stdout is line buffered so a crash loses nothing already reported. */
#ifndef RIVET_TAP_H
#define RIVET_TAP_H
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_n, tap_failed, tap_planned;

static void plan(int n) {
    tap_planned = n;
    setvbuf(stdout, NULL, _IOLBF, 0);
    printf("1..%d\n", n);
}

__attribute__((unused)) static void diag(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    printf("# ");
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
}

static int tap_vok(int cond, const char *fmt, va_list ap) {
    tap_n++;
    if (!cond) tap_failed++;
    printf("%sok %d - ", cond ? "" : "not ", tap_n);
    vprintf(fmt, ap);
    printf("\n");
    return cond;
}

__attribute__((unused)) static int ok(int cond, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int r = tap_vok(cond, fmt, ap);
    va_end(ap);
    return r;
}

__attribute__((unused)) static int is(long long got, long long want, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int r = tap_vok(got == want, fmt, ap);
    va_end(ap);
    if (!r) diag("  got %lld (0x%llx), want %lld (0x%llx)", got, got, want, want);
    return r;
}

/* Checks a failing call: `ret` must be -1 and errno (read right after the call) `err`. */
#define is_errno(ret, err, ...) ({ long long ret_ = (long long)(ret); int errno_ = errno; \
                                   tap_is_errno(ret_, errno_, (err), __VA_ARGS__); })
__attribute__((unused)) static int tap_is_errno(long long ret, int got_errno, int want_errno, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int r = tap_vok(ret == -1 && got_errno == want_errno, fmt, ap);
    va_end(ap);
    if (!r) diag("  got ret %lld errno %d (%s), want -1 errno %d (%s)", ret, got_errno,
                 strerror(got_errno), want_errno, strerror(want_errno));
    return r;
}

__attribute__((unused)) static void bail(int n, const char *why) {
    for (int i = 0; i < n; i++) {
        tap_n++;
        tap_failed++;
        printf("not ok %d - not run: %s\n", tap_n, why);
    }
}

/* How many planned checks have not been reported yet. */
__attribute__((unused)) static int plan_left(void) { return tap_planned > tap_n ? tap_planned - tap_n : 0; }

__attribute__((unused)) static void skip(const char *why, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    printf("ok %d - ", ++tap_n);
    vprintf(fmt, ap);
    printf(" # SKIP %s\n", why);
    va_end(ap);
}

/* The runner sets RIVET_TAP_RUNNER to "qemu" or "rivet", for the few checks that one of
 * them cannot make (each such place says why). */
__attribute__((unused)) static int tap_runner_is(const char *name) {
    const char *r = getenv("RIVET_TAP_RUNNER");
    return r && strcmp(r, name) == 0;
}

/* Under qemu-user a guest's execve of a riscv64 binary works only through binfmt_misc: the
 * runner sets RIVET_QEMU_EXEC=1 when it provided one (scripts/qemu-binfmt.sh). */
__attribute__((unused)) static int tap_qemu_cannot_exec(void) {
    const char *e = getenv("RIVET_QEMU_EXEC");
    return tap_runner_is("qemu") && !(e && strcmp(e, "1") == 0);
}

static int done_testing(void) {
    if (tap_n != tap_planned) diag("planned %d tests but ran %d", tap_planned, tap_n);
    return tap_failed || tap_n != tap_planned ? 1 : 0;
}
#endif
