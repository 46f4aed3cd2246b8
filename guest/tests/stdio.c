/* stdio.c: printf formatting (compared with exact strings) and large writes. */
#define _GNU_SOURCE
#include "tap.h"
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <unistd.h>

static char out[512];

#define fmt_is(want, ...) do { snprintf(out, sizeof out, __VA_ARGS__); \
    ok(strcmp(out, want) == 0, "printf %s -> \"%s\"", #__VA_ARGS__, want); \
    if (strcmp(out, want)) diag("  got \"%s\"", out); } while (0)

int main(void) {
    plan(30);
    fmt_is("42", "%d", 42);
    fmt_is("-2147483648", "%d", INT_MIN);
    fmt_is("4294967295", "%u", UINT_MAX);
    fmt_is("-9223372036854775808", "%lld", LLONG_MIN);
    fmt_is("18446744073709551615", "%llu", ULLONG_MAX);
    fmt_is("ff|FF|0xff|377", "%x|%X|%#x|%o", 255, 255, 255, 255);
    fmt_is("[   42]|[42   ]|[00042]|[+42]", "[%5d]|[%-5d]|[%05d]|[%+d]", 42, 42, 42, 42);
    fmt_is("c|string|  str", "%c|%s|%5.3s", 'c', "string", "string");
    fmt_is("3.141593|3.14|3.1416e+00", "%f|%.2f|%.4e", M_PI, M_PI, M_PI);
    fmt_is("0.1|1e+20|1e-05|123457", "%g|%g|%g|%g", 0.1, 1e20, 1e-5, 123456.7);
    fmt_is("0x1.8p+1", "%a", 3.0);
    fmt_is("inf|-inf|nan", "%f|%f|%f", INFINITY, -INFINITY, NAN);
    fmt_is("0.30000000000000004", "%.17g", 0.1 + 0.2);
    fmt_is("1.7976931348623157e+308", "%.17g", 1.7976931348623157e308);
    fmt_is("4.9406564584124654e-324", "%.17g", 4.9406564584124654e-324);
    char *volatile null_str = NULL;  /* volatile: gcc would warn about the literal NULL */
    fmt_is("%|(null)", "%%|%s", null_str);
    fmt_is("0x1234", "%p", (void *)0x1234);
    fmt_is("-1", "%" PRId64, (int64_t)-1);
    fmt_is("  1.50", "%*.*f", 6, 2, 1.5);
    fmt_is("2.5|-0", "%.1f|%.0f", 2.45 + 0.05, -0.4);
    int n = 0;
    snprintf(out, sizeof out, "abc%n", &n);
    is(n, 3, "%%n stores the count");
    const char *volatile long_str = "truncated";
    is(snprintf(out, 4, "%s", long_str), 9, "snprintf returns the full length when truncating");
    ok(strcmp(out, "tru") == 0, "and writes only what fits");

    double d;
    long long ll;
    char word[16];
    is(sscanf("  -12345 2.5e3 word", "%lld %lf %15s", &ll, &d, word), 3, "sscanf 3 fields");
    ok(ll == -12345 && d == 2500.0 && !strcmp(word, "word"), "sscanf values");
    ok(strtod("0x1p-3", NULL) == 0.125, "strtod hex float");

    /* large writes: 1 MiB through write(2) to /dev/null and to a pipe-free file */
    size_t big = 1 << 20;
    char *buf = malloc(big);
    for (size_t i = 0; i < big; i++) buf[i] = "0123456789abcdef"[i & 15];
    int fd = open("/dev/null", O_WRONLY);
    is(write(fd, buf, big), (long long)big, "1 MiB write to /dev/null in one call");
    close(fd);
    FILE *f = tmpfile();
    ok(f != NULL, "tmpfile");
    size_t w = f ? fwrite(buf, 1, big, f) : 0;
    memset(buf, 0, big);
    if (f) { rewind(f); }
    size_t r = f ? fread(buf, 1, big, f) : 0;
    ok(w == big && r == big, "fwrite then fread 1 MiB");
    int same = 1;
    for (size_t i = 0; i < big; i++) same &= buf[i] == "0123456789abcdef"[i & 15];
    ok(same, "the 1 MiB reads back unchanged");
    return done_testing();
}
