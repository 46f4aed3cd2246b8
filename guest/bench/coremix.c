/*
 * A CoreMark-like mix of small integer workloads, written for Rivet (not CoreMark's code):
 *   - linked lists: search, reversal and an in-place list mergesort, pointer chasing with
 *     short data-dependent branches;
 *   - a state machine that classifies tokens of a text (integers, hex, decimals,
 *     exponents, junk), byte loads and a switch per character;
 *   - small 16-bit integer matrix operations (scale, add, matrix-vector, matrix-matrix,
 *     bit-field extraction);
 *   - a bitwise CRC-16 over each part's results, which chains everything into the checksum.
 */
#include "bench.h"

#define ITERATIONS 60

/* ---- CRC-16 (reflected polynomial 0xA001), one bit at a time as in small firmware ---- */

static uint16_t crc16_byte(uint16_t crc, uint8_t b) {
    crc ^= b;
    for (int i = 0; i < 8; i++)
        crc = (crc & 1) ? (uint16_t)((crc >> 1) ^ 0xA001) : (uint16_t)(crc >> 1);
    return crc;
}

static uint16_t crc16_u16(uint16_t crc, uint16_t v) {
    return crc16_byte(crc16_byte(crc, (uint8_t)v), (uint8_t)(v >> 8));
}

static uint16_t crc16_u32(uint16_t crc, uint32_t v) {
    return crc16_u16(crc16_u16(crc, (uint16_t)v), (uint16_t)(v >> 16));
}

/* ---- linked lists ---- */

#define NODES 200

struct node {
    struct node *next;
    int16_t value;
    uint16_t index;  /* the node's original position, so the list can be put back in order */
};

static struct node pool[NODES];

static struct node *list_build(uint16_t seed) {
    struct node *head = NULL;
    for (int i = NODES - 1; i >= 0; i--) {
        pool[i].index = (uint16_t)i;
        pool[i].value = (int16_t)((seed ^ (uint16_t)(i * 0x9E37u)) & 0x7FFF);
        pool[i].next = head;
        head = &pool[i];
    }
    return head;
}

static struct node *list_find(struct node *p, int16_t value, int *steps) {
    while (p && p->value != value) {
        p = p->next;
        (*steps)++;
    }
    return p;
}

static struct node *list_reverse(struct node *p) {
    struct node *prev = NULL;
    while (p) {
        struct node *next = p->next;
        p->next = prev;
        prev = p;
        p = next;
    }
    return prev;
}

static int cmp_value(const struct node *a, const struct node *b) {
    return a->value - b->value;
}

static int cmp_index(const struct node *a, const struct node *b) {
    return (int)a->index - (int)b->index;
}

/* Bottom-up mergesort of a singly linked list: no recursion, no extra memory. Stable. */
static struct node *list_sort(struct node *list, int (*cmp)(const struct node *, const struct node *)) {
    for (int width = 1;; width *= 2) {
        struct node *p = list, *tail = NULL;
        list = NULL;
        int merges = 0;
        while (p) {
            merges++;
            struct node *q = p;
            int psize = 0;
            for (int i = 0; i < width && q; i++) {
                psize++;
                q = q->next;
            }
            int qsize = width;
            while (psize > 0 || (qsize > 0 && q)) {
                struct node *e;
                if (psize == 0) {
                    e = q; q = q->next; qsize--;
                } else if (qsize == 0 || !q || cmp(p, q) <= 0) {
                    e = p; p = p->next; psize--;
                } else {
                    e = q; q = q->next; qsize--;
                }
                if (tail) tail->next = e; else list = e;
                tail = e;
            }
            p = q;
        }
        tail->next = NULL;
        if (merges <= 1) return list;
    }
}

static uint16_t bench_list(uint16_t crc, uint16_t seed) {
    struct node *list = list_build(seed);
    int steps = 0, found = 0;
    for (int i = 0; i < 24; i++) {
        /* Half the keys exist (taken from nodes), half are unlikely to. */
        int16_t key = (i & 1) ? pool[(i * 37 + seed) % NODES].value : (int16_t)(i * 1111 + seed);
        struct node *n = list_find(list, key, &steps);
        if (n) {
            found++;
            n->value = (int16_t)(n->value ^ 0x1234);  /* later searches see a changed list */
        }
    }
    crc = crc16_u16(crc, (uint16_t)found);
    crc = crc16_u32(crc, (uint32_t)steps);
    list = list_reverse(list);
    list = list_sort(list, cmp_value);
    int k = 0;
    for (struct node *p = list; p; p = p->next, k++)
        if ((k & 7) == 0) crc = crc16_u16(crc, (uint16_t)p->value);
    list = list_sort(list, cmp_index);
    for (struct node *p = list; p; p = p->next)
        crc = crc16_u16(crc, p->index);
    return crc;
}

/* ---- a state machine over a generated text ---- */

enum state { START, SIGN, ZERO, INT, HEX, POINT, FRAC, EXP, EXPSIGN, EXPDIGITS, BAD, NSTATES };

#define TEXT_SIZE 2048

static uint8_t text[TEXT_SIZE + 1];

static const char *const pieces[] = {
    "0", "7", "-12", "+345", "0x1F", "0xbeef", "3.25", "-0.5", ".5", "6.02e23", "1e-9",
    "-2E+7", "12a", "--1", "0x", "1.2.3", "e5", "+", "99999", "8.", "0xZ",
};

static void text_build(uint64_t seed) {
    size_t n = 0;
    while (1) {
        const char *p = pieces[bench_rand(&seed) % (sizeof pieces / sizeof pieces[0])];
        size_t len = strlen(p);
        if (n + len + 1 > TEXT_SIZE) break;
        memcpy(text + n, p, len);
        n += len;
        text[n++] = (bench_rand(&seed) & 3) ? ',' : ' ';
    }
    text[n] = 0;
}

static inline int is_digit(uint8_t c) { return c >= '0' && c <= '9'; }
static inline int is_hex(uint8_t c) { return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }

static enum state step(enum state s, uint8_t c) {
    switch (s) {
    case START:
        if (c == '+' || c == '-') return SIGN;
        if (c == '0') return ZERO;
        if (is_digit(c)) return INT;
        if (c == '.') return POINT;
        return BAD;
    case SIGN:
        if (c == '0') return ZERO;
        if (is_digit(c)) return INT;
        if (c == '.') return POINT;
        return BAD;
    case ZERO:
        if (c == 'x' || c == 'X') return HEX;
        /* a leading zero is otherwise an ordinary digit */
        /* fall through */
    case INT:
        if (is_digit(c)) return INT;
        if (c == '.') return FRAC;
        if (c == 'e' || c == 'E') return EXP;
        return BAD;
    case HEX:
        return is_hex(c) ? HEX : BAD;
    case POINT:
        return is_digit(c) ? FRAC : BAD;
    case FRAC:
        if (is_digit(c)) return FRAC;
        if (c == 'e' || c == 'E') return EXP;
        return BAD;
    case EXP:
        if (c == '+' || c == '-') return EXPSIGN;
        return is_digit(c) ? EXPDIGITS : BAD;
    case EXPSIGN:
    case EXPDIGITS:
        return is_digit(c) ? EXPDIGITS : BAD;
    default:
        return BAD;
    }
}

static uint16_t bench_state(uint16_t crc, uint64_t seed) {
    uint32_t final_count[NSTATES] = {0}, transitions[NSTATES] = {0};
    text_build(seed);
    for (int round = 0; round < 2; round++) {
        enum state s = START;
        for (const uint8_t *p = text; *p; p++) {
            if (*p == ',' || *p == ' ') {
                final_count[s]++;
                s = START;
                continue;
            }
            enum state t = step(s, *p);
            if (t != s) transitions[t]++;
            s = t;
        }
        /* Second round: corrupt every 5th byte, as CoreMark does, and scan again. */
        for (int i = 0; i < TEXT_SIZE && text[i]; i += 5)
            if (text[i] != ',' && text[i] != ' ') text[i] ^= 1;
    }
    for (int i = 0; i < NSTATES; i++) {
        crc = crc16_u32(crc, final_count[i]);
        crc = crc16_u32(crc, transitions[i]);
    }
    return crc;
}

/* ---- small integer matrices ---- */

#define M 20

static int16_t ma[M][M], mb[M][M];
static int32_t mc[M][M];
static int16_t vec[M];
static int32_t vout[M];

static uint16_t matrix_sum(uint16_t crc) {
    int32_t sum = 0, prev = 0;
    uint16_t ret = 0;
    /* CoreMark-style: the running sum's behaviour, not just its value, feeds the result. */
    for (int i = 0; i < M; i++)
        for (int j = 0; j < M; j++) {
            int32_t v = mc[i][j];
            sum += v;
            if (sum > 20000) { ret += 10; sum = 0; }
            else ret += (v > prev) ? 1 : 0;
            prev = v;
        }
    return crc16_u16(crc16_u32(crc, (uint32_t)sum), ret);
}

static uint16_t bench_matrix(uint16_t crc, uint16_t seed) {
    for (int i = 0; i < M; i++) {
        vec[i] = (int16_t)((seed + i * 7) & 0xFF) - 128;
        for (int j = 0; j < M; j++) {
            ma[i][j] = (int16_t)(((seed ^ (i * 31 + j)) * 13) & 0x3FF) - 512;
            mb[i][j] = (int16_t)(((seed + i * j) * 29) & 0x1FF) - 256;
        }
    }
    int16_t k = (int16_t)(seed & 0x1F) + 1;
    /* add a constant */
    for (int i = 0; i < M; i++)
        for (int j = 0; j < M; j++) ma[i][j] = (int16_t)(ma[i][j] + k);
    /* scale into the wide result */
    for (int i = 0; i < M; i++)
        for (int j = 0; j < M; j++) mc[i][j] = (int32_t)ma[i][j] * k;
    crc = matrix_sum(crc);
    /* matrix times vector */
    for (int i = 0; i < M; i++) {
        int32_t s = 0;
        for (int j = 0; j < M; j++) s += (int32_t)ma[i][j] * vec[j];
        vout[i] = s;
        crc = crc16_u32(crc, (uint32_t)s);
    }
    /* matrix times matrix */
    for (int i = 0; i < M; i++)
        for (int j = 0; j < M; j++) {
            int32_t s = 0;
            for (int x = 0; x < M; x++) s += (int32_t)ma[i][x] * mb[x][j];
            mc[i][j] = s;
        }
    crc = matrix_sum(crc);
    /* matrix times matrix, keeping only a bit field of each product */
    for (int i = 0; i < M; i++)
        for (int j = 0; j < M; j++) {
            int32_t s = 0;
            for (int x = 0; x < M; x++) {
                int32_t t = (int32_t)ma[i][x] * mb[x][j];
                s += (t >> 2) & 0xF;
                s += (t >> 5) & 0x7F;
            }
            mc[i][j] = s;
        }
    return matrix_sum(crc);
}

static uint64_t kernel(void) {
    uint16_t crc = 0;
    uint64_t h = 0;
    for (int it = 0; it < ITERATIONS; it++) {
        uint16_t seed = (uint16_t)(it * 0x3D1 + 0x66);
        crc = bench_list(crc, seed);
        crc = bench_state(crc, seed);
        crc = bench_matrix(crc, seed);
        h = bench_mix(h, crc);
    }
    return h;
}

int main(int argc, char **argv) {
    return bench_run("coremix", 10, kernel, argc, argv);
}
