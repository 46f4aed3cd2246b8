/*
 * Sorting pseudo-random 32-bit integers three ways: a hand-written quicksort
 * (median of three, insertion sort for short runs), a hand-written top-down mergesort,
 * and the C library's qsort (musl's smoothsort under riscv64, glibc's under native, so
 * that column also compares libraries; the sorted result is the same).
 */
#include "bench.h"

#define N 30000

static int32_t data[N];
static int32_t tmp[N];

static void fill(uint64_t seed) {
    for (int i = 0; i < N; i++)
        data[i] = (int32_t)(uint32_t)(bench_rand(&seed) >> 32);
}

static void insertion_sort(int32_t *a, int n) {
    for (int i = 1; i < n; i++) {
        int32_t v = a[i];
        int j = i - 1;
        while (j >= 0 && a[j] > v) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
}

static inline void swap(int32_t *a, int32_t *b) {
    int32_t t = *a;
    *a = *b;
    *b = t;
}

static void quicksort(int32_t *a, int n) {
    while (n > 16) {
        int mid = n / 2;
        /* Median of three into a[mid], keeping a[0] <= a[mid] <= a[n-1]. */
        if (a[mid] < a[0]) swap(&a[mid], &a[0]);
        if (a[n - 1] < a[0]) swap(&a[n - 1], &a[0]);
        if (a[n - 1] < a[mid]) swap(&a[n - 1], &a[mid]);
        int32_t pivot = a[mid];
        int i = 0, j = n - 1;
        for (;;) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i >= j) break;
            swap(&a[i], &a[j]);
            i++;
            j--;
        }
        /* Recurse into the smaller part, loop on the larger: bounded stack depth. */
        int left = j + 1;
        if (left < n - left) {
            quicksort(a, left);
            a += left;
            n -= left;
        } else {
            quicksort(a + left, n - left);
            n = left;
        }
    }
    insertion_sort(a, n);
}

static void mergesort_rec(int32_t *a, int32_t *t, int n) {
    if (n <= 16) {
        insertion_sort(a, n);
        return;
    }
    int h = n / 2;
    mergesort_rec(a, t, h);
    mergesort_rec(a + h, t + h, n - h);
    int i = 0, j = h, k = 0;
    while (i < h && j < n)
        t[k++] = a[j] < a[i] ? a[j++] : a[i++];
    while (i < h) t[k++] = a[i++];
    while (j < n) t[k++] = a[j++];
    memcpy(a, t, (size_t)n * sizeof *a);
}

static int cmp_int32(const void *x, const void *y) {
    int32_t a = *(const int32_t *)x, b = *(const int32_t *)y;
    return (a > b) - (a < b);
}

/* Hashes the sorted array, after checking that it is in order. */
static uint64_t digest(uint64_t h, const char *which) {
    for (int i = 0; i < N; i++) {
        bench_expect(i == 0 || data[i - 1] <= data[i], which);
        h = bench_mix(h, (uint32_t)data[i]);
    }
    return h;
}

static uint64_t kernel(void) {
    /* The same input three times: the three sorted results must be identical. */
    fill(1);
    quicksort(data, N);
    uint64_t hq = digest(0, "quicksort order");
    fill(1);
    mergesort_rec(data, tmp, N);
    uint64_t hm = digest(0, "mergesort order");
    fill(1);
    qsort(data, N, sizeof data[0], cmp_int32);
    uint64_t hl = digest(0, "qsort order");
    bench_expect(hq == hm && hm == hl, "three sorts agree");
    return hq;
}

int main(int argc, char **argv) {
    return bench_run("sort", 10, kernel, argc, argv);
}
