/* test_arena.c - the region allocator (interp/arena.h).
 *
 * Most tests build their own Arena over a CountingAlloc: it forwards to
 * support_alloc/support_release (so cmocka still sees every chunk and fails
 * the test on a leak), counts the calls and the bytes, can fill fresh
 * chunks with a non-zero byte (so zeroing is really tested) and can refuse
 * requests on demand (so out-of-memory paths are exercised). */
#include "support.h"

enum { ALIGN = _Alignof(max_align_t) };

typedef struct CountingAlloc {
    unsigned calls;         /* alloc calls, failed ones included */
    unsigned releases;
    long live;              /* chunks handed out and not yet released */
    size_t requested;       /* bytes of the successful requests */
    size_t largest;         /* largest successful request */
    unsigned fail_from;     /* the call with this number (from 1) and later fail; 0: never */
    bool fail_all;          /* every call fails */
    int fill;               /* byte written over a fresh chunk; -1: none */
} CountingAlloc;

static void *counting_alloc(void *ctx, size_t size)
{
    CountingAlloc *c = ctx;
    c->calls++;
    if (c->fail_all || (c->fail_from && c->calls >= c->fail_from))
        return NULL;
    /* a request no test means to satisfy: refuse it instead of asking
     * cmocka (and ASan) for gigabytes */
    if (size > 64u * 1024u * 1024u)
        return NULL;
    void *p = support_alloc(NULL, size);
    if (!p)
        return NULL;
    if (c->fill >= 0)
        memset(p, c->fill, size);
    c->live++;
    c->requested += size;
    if (size > c->largest)
        c->largest = size;
    return p;
}

static void counting_release(void *ctx, void *block)
{
    CountingAlloc *c = ctx;
    c->releases++;
    c->live--;
    support_release(NULL, block);
}

static void counting_arena(Arena *a, CountingAlloc *c)
{
    memset(c, 0, sizeof *c);
    c->fill = -1;
    Allocator al = { counting_alloc, counting_release, c, NULL };
    arena_init(a, &al);
}

static bool aligned(const void *p)
{
    return (uintptr_t)p % ALIGN == 0;
}

/* ---- alignment ----------------------------------------------------------------- */

TEST(blocks_are_aligned_for_any_object)
{
    /* odd sizes one after the other: each block must still start on a
     * max_align_t boundary, so the rounding of the previous size matters */
    static const size_t sizes[] = { 1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 100, 1000, 4095, 5 };
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        void *p = arena_alloc(&f->arena, sizes[i]);
        assert_non_null(p);
        assert_true(aligned(p));
        /* store the most demanding types there (UBSan checks alignment) */
        *(long double *)p = 1.5L;
        assert_true(*(long double *)p == 1.5L);
        void *z = arena_zalloc(&f->arena, sizes[i]);
        assert_non_null(z);
        assert_true(aligned(z));
        max_align_t *m = ARENA_NEW(&f->arena, max_align_t);
        assert_non_null(m);
        assert_true(aligned(m));
        *(long double *)(void *)m = 2.5L;
    }
    /* a large block (a chunk of its own) is aligned too, and so is the
     * next small block after it */
    void *big = arena_alloc(&f->arena, 100000);
    assert_non_null(big);
    assert_true(aligned(big));
    void *small = arena_alloc(&f->arena, 1);
    assert_non_null(small);
    assert_true(aligned(small));
    assert_false(f->arena.failed);
}

/* A block of a type aligned to 8 bytes or less takes a multiple of 8
 * bytes: two 40-byte records are 40 bytes apart, not 48. A block for any
 * type after them (arena_alloc) is still on a max_align_t boundary, and so
 * is one of a type that needs 16. */
typedef struct Forty { void *p[5]; } Forty;
typedef struct Needs16 { max_align_t m; char c; } Needs16;

TEST(small_records_take_a_multiple_of_8)
{
    arena_alloc(&f->arena, 1);                  /* a chunk, the cursor on 16 */
    Forty *a = ARENA_NEW(&f->arena, Forty), *b = ARENA_NEW(&f->arena, Forty);
    assert_true(a && b);
    assert_int_equal((char *)b - (char *)a, 40);
    assert_int_equal((uintptr_t)b % 8, 0);
    Forty *c = ARENA_NEW(&f->arena, Forty);     /* 8 past a boundary of 16 */
    assert_int_equal((char *)c - (char *)b, 40);
    void *any = arena_alloc(&f->arena, 3);
    assert_true(aligned(any));
    assert_true((char *)any >= (char *)c + 40);
    *(long double *)any = 1.5L;
    ARENA_NEW(&f->arena, Forty);
    Needs16 *n = ARENA_NEW(&f->arena, Needs16);
    assert_non_null(n);
    assert_true(aligned(n));
    n->m = (max_align_t){ 0 };
    assert_false(f->arena.failed);
}

/* arena_alloc_small(): bytes for a type aligned to 8 or less, such as a
 * symbol and its text, not zeroed, in a multiple of 8 bytes; with a test's
 * allocator that may fail, it asks it as arena_alloc() does. */
TEST(small_blocks_of_bytes_take_a_multiple_of_8)
{
    arena_alloc(&f->arena, 1);                  /* a chunk, the cursor on 16 */
    char *a = arena_alloc_small(&f->arena, 13), *b = arena_alloc_small(&f->arena, 17);
    char *c = arena_alloc_small(&f->arena, 8);
    assert_true(a && b && c);
    assert_int_equal(b - a, 16);
    assert_int_equal(c - b, 24);
    assert_int_equal((uintptr_t)c % 8, 0);
    memset(a, 'x', 13);
    memset(b, 'y', 17);
    assert_int_equal(a[12], 'x');
    void *any = arena_alloc(&f->arena, 1);      /* on 16 again */
    assert_true(aligned(any));
    assert_false(f->arena.failed);

    Failing none = { 0, 1, 0 };                 /* its first request fails */
    Allocator al = { failing_alloc, failing_release, &none, failing_now };
    Arena failing;
    arena_init(&failing, &al);
    assert_null(arena_alloc_small(&failing, 10));
    assert_true(failing.failed);
    arena_free(&failing);
}

TEST(blocks_do_not_overlap)
{
    /* 10000 blocks of 24 bytes: 10000 * 32 (24 rounded up to a multiple
     * of the alignment, at least 16) is several 64 KiB chunks. Each block
     * is filled with its own number; none may overwrite another. */
    enum { N = 10000, SIZE = 24 };
    unsigned char **blocks = ARENA_ARRAY(&f->arena, unsigned char *, N);
    assert_non_null(blocks);
    for (unsigned i = 0; i < N; i++) {
        blocks[i] = arena_alloc(&f->arena, SIZE);
        assert_non_null(blocks[i]);
        memset(blocks[i], (int)(i % 251), SIZE);
    }
    for (unsigned i = 0; i < N; i++)
        for (unsigned j = 0; j < SIZE; j++)
            assert_int_equal(blocks[i][j], i % 251);
    assert_false(f->arena.failed);
}

/* ---- zeroing ------------------------------------------------------------------- */

TEST(zalloc_zeroes_what_the_allocator_left)
{
    Arena a;
    CountingAlloc c;
    counting_arena(&a, &c);
    c.fill = 0xA5;              /* every fresh chunk is full of 0xA5 */

    /* arena_alloc leaves the bytes as they were: proof the fill works */
    unsigned char *raw = arena_alloc(&a, 64);
    assert_non_null(raw);
    assert_int_equal(raw[0], 0xA5);
    assert_int_equal(raw[63], 0xA5);

    /* small, odd-sized, and large (a chunk of its own) */
    static const size_t sizes[] = { 1, 13, 64, 1000, 30000, 200000 };
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        unsigned char *z = arena_zalloc(&a, sizes[i]);
        assert_non_null(z);
        for (size_t j = 0; j < sizes[i]; j++)
            if (z[j] != 0)
                fail_msg("arena_zalloc(%zu): byte %zu is 0x%02X", sizes[i], j, z[j]);
    }
    int *arr = ARENA_ARRAY(&a, int, 100);
    assert_non_null(arr);
    for (int i = 0; i < 100; i++)
        assert_int_equal(arr[i], 0);
    assert_false(a.failed);
    arena_free(&a);
    assert_int_equal(c.live, 0);
}

/* ---- large blocks ------------------------------------------------------------- */

TEST(block_bigger_than_a_chunk)
{
    Arena a;
    CountingAlloc c;
    counting_arena(&a, &c);

    /* 200000 bytes > 64 KiB = 65536: it cannot come from a normal chunk */
    enum { BIG = 200000 };
    unsigned char *small1 = arena_alloc(&a, 40);
    assert_non_null(small1);
    memset(small1, 0x11, 40);
    assert_int_equal(c.calls, 1);

    unsigned char *big = arena_alloc(&a, BIG);
    assert_non_null(big);
    assert_int_equal(c.calls, 2);
    assert_true(c.largest >= BIG);          /* the chunk holds the whole block */
    for (size_t i = 0; i < BIG; i++)
        big[i] = (unsigned char)(i * 7);    /* every byte writable (ASan) */

    /* the large block has a chunk of its own: the small chunk's free space
     * is still used, no new allocator call */
    unsigned char *small2 = arena_alloc(&a, 40);
    assert_non_null(small2);
    memset(small2, 0x22, 40);
    assert_int_equal(c.calls, 2);

    /* a second large block, then check nothing overwrote anything */
    unsigned char *big2 = arena_zalloc(&a, 3 * 65536);
    assert_non_null(big2);
    assert_int_equal(c.calls, 3);
    for (size_t i = 0; i < BIG; i++)
        if (big[i] != (unsigned char)(i * 7))
            fail_msg("big[%zu] changed", i);
    for (size_t i = 0; i < 40; i++) {
        assert_int_equal(small1[i], 0x11);
        assert_int_equal(small2[i], 0x22);
    }
    /* total counts the bytes obtained from the allocator */
    assert_int_equal(a.total, c.requested);
    assert_false(a.failed);
    arena_free(&a);
    assert_int_equal(c.live, 0);
    assert_int_equal(c.releases, 3);
}

TEST(large_block_first)
{
    Arena a;
    CountingAlloc c;
    counting_arena(&a, &c);
    /* the very first request is large, so there is no small chunk yet */
    char *big = arena_alloc(&a, 100000);
    assert_non_null(big);
    memset(big, 'b', 100000);
    char *s = arena_alloc(&a, 10);
    assert_non_null(s);
    memset(s, 's', 10);
    char *big2 = arena_alloc(&a, 100000);
    assert_non_null(big2);
    memset(big2, 'B', 100000);
    assert_int_equal(big[99999], 'b');
    assert_int_equal(s[9], 's');
    /* three chunks: big, small, big2; all given back */
    assert_int_equal(c.calls, 3);
    arena_free(&a);
    assert_int_equal(c.live, 0);
    assert_int_equal(c.releases, 3);
}

/* ---- giving back what a growing table outgrew --------------------------------- */

TEST(release_gives_a_large_block_back_at_once)
{
    Arena a;
    CountingAlloc c;
    counting_arena(&a, &c);
    char *small = arena_alloc(&a, 100);
    char *big1 = arena_alloc(&a, 100000);
    char *big2 = arena_zalloc(&a, 200000);
    char *big3 = arena_alloc(&a, 300000);
    assert_non_null(small);
    assert_non_null(big1);
    assert_non_null(big2);
    assert_non_null(big3);
    memset(big1, 1, 100000);
    memset(big3, 3, 300000);
    assert_int_equal(c.live, 4);
    size_t before = a.total;

    /* the middle one of the list of large blocks, then the newest, then the
     * oldest: each unlinked and released at once */
    arena_release(&a, big2, 200000);
    assert_int_equal(c.live, 3);
    assert_true(a.total < before);
    arena_release(&a, big3, 300000);
    assert_int_equal(c.live, 2);
    assert_int_equal(big1[99999], 1);
    arena_release(&a, big1, 100000);
    assert_int_equal(c.live, 1);

    /* a small block stays to arena_free; NULL is nothing */
    arena_release(&a, small, 100);
    arena_release(&a, NULL, 100000);
    assert_int_equal(c.live, 1);
    arena_free(&a);
    assert_int_equal(c.live, 0);
}

TEST(grow_keeps_the_old_bytes_and_zeroes_the_rest)
{
    Arena a;
    CountingAlloc c;
    counting_arena(&a, &c);
    /* doubling from 1 KiB to 1 MiB: every generation but the last is given
     * back when it was large, so at most two large blocks live at a time */
    size_t n = 1024;
    unsigned char *p = arena_alloc(&a, n);
    assert_non_null(p);
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(i * 13);
    for (; n < 1024 * 1024; n *= 2) {
        p = arena_grow(&a, p, n, 2 * n);
        assert_non_null(p);
        for (size_t i = 0; i < n; i++)
            if (p[i] != (unsigned char)(i * 13))
                fail_msg("byte %zu of %zu lost", i, n);
        for (size_t i = n; i < 2 * n; i++)
            if (p[i])
                fail_msg("byte %zu of the new half is not zero", i);
        for (size_t i = n; i < 2 * n; i++)
            p[i] = (unsigned char)(i * 13);
        assert_true(c.live <= 2);       /* one small chunk, one large block */
    }
    arena_free(&a);
    assert_int_equal(c.live, 0);
}

TEST(push_doubles_an_array_of_pointers)
{
    Arena a;
    CountingAlloc c;
    counting_arena(&a, &c);
    void **items = NULL;
    uint32_t n = 0, cap = 0;
    static int values[100000];
    for (uint32_t i = 0; i < 100000; i++)
        assert_true(arena_push(&a, &items, &n, &cap, &values[i], 16));
    assert_int_equal(n, 100000);
    assert_int_equal(cap, 16u << 13);   /* 16, 32, ..., 131072 */
    for (uint32_t i = 0; i < n; i++)
        assert_ptr_equal(items[i], &values[i]);
    /* the outgrown arrays that were large were given back */
    assert_true(c.live <= 3);
    arena_free(&a);
    assert_int_equal(c.live, 0);
}

/* ---- strings ------------------------------------------------------------------ */

TEST(strndup_copies_by_length)
{
    /* 6 bytes with NULs inside: "a\0b\0\0c" is a, NUL, b, NUL, NUL, c, and
     * the literal's own NUL is not part of the 6 */
    static const char bytes[] = "a\0b\0\0c";
    char *p = arena_strndup(&f->arena, bytes, 6);
    assert_non_null(p);
    assert_memory_equal(p, bytes, 6);
    assert_int_equal(p[6], '\0');
    assert_ptr_not_equal(p, bytes);

    /* a prefix: only n bytes are copied, and a NUL follows them */
    const char *word = "opinions.resolved";
    char *q = arena_strndup(&f->arena, word, 8);
    assert_string_equal(q, "opinions");

    /* n = 0: an empty string */
    char *e = arena_strndup(&f->arena, word, 0);
    assert_non_null(e);
    assert_string_equal(e, "");

    /* UTF-8 is just bytes: "Tuần Giáo" (ầ = E1 BA A7, á = C3 A1) is
     * T u ầ n ' ' G i á o = 1+1+3+1+1+1+1+2+1 = 12 bytes */
    const char *vn = "Tu\xE1\xBA\xA7n Gi\xC3\xA1o";
    assert_int_equal(strlen(vn), 12);
    char *v = arena_strndup(&f->arena, vn, strlen(vn));
    assert_string_equal(v, vn);

    /* the copy does not change when the original does */
    char buf[4] = "xyz";
    char *c = arena_strndup(&f->arena, buf, 3);
    buf[0] = 'Q';
    assert_string_equal(c, "xyz");
}

TEST(printf_formats_into_the_arena)
{
    char *s = arena_printf(&f->arena, "%s:%u:%u: %s", "r.dlg", 3u, 11u, "error");
    assert_string_equal(s, "r.dlg:3:11: error");
    /* 15590 = 15 * 1000 + 590 */
    assert_string_equal(arena_printf(&f->arena, "%d_%03d", 15, 590), "15_590");
    assert_string_equal(arena_printf(&f->arena, "%s", ""), "");
    /* format and arguments are not confused with the arena's other data */
    char *a = arena_printf(&f->arena, "%c%c", 'a', 'b');
    char *b = arena_printf(&f->arena, "%c%c", 'c', 'd');
    assert_string_equal(a, "ab");
    assert_string_equal(b, "cd");
}

TEST(printf_long_output)
{
    /* 100000 'x' then "-42": 100003 characters, more than a 64 KiB chunk */
    enum { N = 100000 };
    char *xs = arena_alloc(&f->arena, N + 1);
    assert_non_null(xs);
    memset(xs, 'x', N);
    xs[N] = '\0';
    char *s = arena_printf(&f->arena, "%s-%d", xs, 42);
    assert_non_null(s);
    assert_int_equal(strlen(s), N + 3);
    assert_memory_equal(s, xs, N);
    assert_string_equal(s + N, "-42");

    /* either side of the 256-byte stack buffer arena_printf tries first:
     * 255 characters fit with their NUL, 256 take the long way */
    for (int len = 254; len <= 257; len++) {
        char *t = arena_printf(&f->arena, "%.*s", len, xs);
        assert_non_null(t);
        assert_int_equal(strlen(t), (size_t)len);
        assert_memory_equal(t, xs, (size_t)len);
    }

    /* built up step by step, as the parser test does: "0,1,...,999," */
    char *acc = arena_printf(&f->arena, "%s", "");
    for (int i = 0; i < 1000; i++) {
        acc = arena_printf(&f->arena, "%s%d,", acc, i);
        assert_non_null(acc);
    }
    /* digits: 10 one-digit + 90 two-digit + 900 three-digit numbers
     * = 10 + 180 + 2700 = 2890, plus 1000 commas = 3890 */
    size_t expect = 3890;
    assert_int_equal(strlen(acc), expect);
    assert_int_equal(strncmp(acc, "0,1,2,", 6), 0);
    assert_string_equal(acc + expect - 8, "998,999,");
    assert_false(f->arena.failed);
}

TEST(join_puts_pieces_together)
{
    /* "village " + "Thôn Khê Trà 1" (ô = C3 B4, ê = C3 AA, à = C3 A0):
     * 8 + (5 + 1 + 4 + 1 + 4 + 1 + 1 = 17) = 25 bytes */
    const char *vn = "Th\xC3\xB4n Kh\xC3\xAA Tr\xC3\xA0 1";
    char *s = arena_join(&f->arena, (const char *const[]){ "village", " ", vn }, 3);
    assert_string_equal(s, "village Th\xC3\xB4n Kh\xC3\xAA Tr\xC3\xA0 1");
    assert_int_equal(strlen(s), 25);
    assert_string_equal(arena_join(&f->arena, (const char *const[]){ "", "" }, 2), "");
    assert_string_equal(arena_join(&f->arena, NULL, 0), "");
    /* a '%' is a byte like any other */
    assert_string_equal(arena_join(&f->arena, (const char *const[]){ "50", "%" }, 2), "50%");
}

TEST(subst_replaces_string_directives)
{
    assert_string_equal(ARENA_SUBST(&f->arena, "%s %s in %s", "dialogue", "2024-02-05", "commune A"),
                        "dialogue 2024-02-05 in commune A");
    /* positions, as a translation may put its arguments in another order */
    assert_string_equal(ARENA_SUBST(&f->arena, "%2$s of %1$s", "commune A", "dialogue"), "dialogue of commune A");
    assert_string_equal(ARENA_SUBST(&f->arena, "100%% of %s", "x"), "100% of x");
    assert_string_equal(ARENA_SUBST(&f->arena, "no directive", "unused"), "no directive");
    assert_string_equal(ARENA_SUBST(&f->arena, "%s", ""), "");
    /* the same as printf for what both take */
    const char *args[] = { "a = b + c", "rule \"x\"" };
    assert_string_equal(arena_subst(&f->arena, "%s holds: %s", args, 2),
                        arena_printf(&f->arena, "%s holds: %s", args[0], args[1]));
    assert_false(f->arena.failed);
}

/* A piece as "text" or "#N" (argument N), joined by "|". */
static const char *pieces_text(Arena *a, const char *fmt, size_t nargs)
{
    SubstPiece p[SUBST_MAX_PIECES];
    size_t n = subst_split(fmt, p, SUBST_MAX_PIECES, nargs);
    const char *out = "";
    for (size_t i = 0; i < n; i++) {
        const char *one = p[i].arg >= 0 ? arena_printf(a, "#%d", p[i].arg)
                                         : arena_strndup(a, p[i].text, p[i].len);
        out = arena_printf(a, "%s%s%s", out, i ? "|" : "", one);
    }
    return out;
}

TEST(subst_split_reads_a_format_as_subst_does)
{
    assert_string_equal(pieces_text(&f->arena, "%s %s in %s", 3), "#0| |#1| in |#2");
    assert_string_equal(pieces_text(&f->arena, "%2$s of %1$s", 2), "#1| of |#0");
    assert_string_equal(pieces_text(&f->arena, "100%% of %s", 1), "100|%| of |#0");
    assert_string_equal(pieces_text(&f->arena, "no directive", 0), "no directive");
    /* what arena_subst() refuses: no pieces */
    assert_string_equal(pieces_text(&f->arena, "%s and %s", 1), "");
    assert_string_equal(pieces_text(&f->arena, "%3$s", 2), "");
    assert_string_equal(pieces_text(&f->arena, "%d", 1), "");
    assert_string_equal(pieces_text(&f->arena, "ends in %", 1), "");
    SubstPiece p[2];
    assert_int_equal(subst_split("%s-%s", p, 2, 2), 0);     /* more pieces than room */
    assert_int_equal(subst_split("%s-", p, 2, 1), 2);
}

TEST(subst_refuses_what_it_cannot_make)
{
    /* an argument that could not be made, or one missing: no text */
    assert_null(ARENA_SUBST(&f->arena, "%s is unknown: %s", "x", NULL));
    assert_null(arena_subst(&f->arena, "%s and %s", (const char *const[]){ "one" }, 1));
    assert_null(ARENA_SUBST(&f->arena, "%3$s", "a", "b"));
    /* a directive it does not take */
    assert_null(ARENA_SUBST(&f->arena, "%d", "1"));
    assert_null(ARENA_SUBST(&f->arena, "%0$s", "a"));
    assert_null(ARENA_SUBST(&f->arena, "ends in %", "a"));
    /* 65 pieces are taken, 66 not: "%s" and "-" 33 and 32 times, then a "-" more */
    char fmt[200] = "";
    for (int i = 0; i < 32; i++)
        strcat(fmt, "%1$s-");
    strcat(fmt, "%1$s");
    const char *s = ARENA_SUBST(&f->arena, fmt, "ab");
    assert_non_null(s);
    assert_int_equal(strlen(s), 33 * 2 + 32);
    strcat(fmt, "-");
    assert_null(ARENA_SUBST(&f->arena, fmt, "ab"));
    assert_false(f->arena.failed);  /* refused, not out of memory */
}

/* ---- out of memory ----------------------------------------------------------- */

TEST(failing_allocator_returns_null)
{
    Arena a;
    CountingAlloc c;
    counting_arena(&a, &c);
    c.fail_all = true;

    assert_false(a.failed);
    assert_null(arena_alloc(&a, 16));
    assert_true(a.failed);
    assert_null(arena_zalloc(&a, 16));
    assert_null(arena_alloc(&a, 100000));       /* the large path */
    assert_null(arena_strndup(&a, "abc", 3));
    assert_null(arena_printf(&a, "%d", 12345));
    assert_null(arena_join(&a, (const char *const[]){ "a", "b" }, 2));
    assert_null(ARENA_SUBST(&a, "%s", "a"));
    assert_null(ARENA_NEW(&a, Symbol));
    assert_true(a.failed);
    assert_int_equal(a.total, 0);               /* nothing was obtained */
    assert_int_equal(c.live, 0);
    arena_free(&a);                             /* nothing to give back */
    assert_int_equal(c.releases, 0);
}

TEST(failure_after_some_chunks)
{
    Arena a;
    CountingAlloc c;
    counting_arena(&a, &c);
    c.fail_from = 3;            /* calls 1 and 2 succeed, then nothing */

    char *s1 = arena_strndup(&a, "first", 5);          /* call 1: a small chunk */
    assert_string_equal(s1, "first");
    char *big = arena_alloc(&a, 70000);                 /* call 2: its own chunk */
    assert_non_null(big);
    memset(big, 'B', 70000);
    assert_false(a.failed);

    assert_null(arena_alloc(&a, 70000));                /* call 3 fails */
    assert_true(a.failed);

    /* the small chunk still has room: no allocator call needed, so this
     * succeeds; the arena goes on remembering the failure */
    unsigned calls = c.calls;
    char *s2 = arena_strndup(&a, "second", 6);
    assert_string_equal(s2, "second");
    assert_int_equal(c.calls, calls);
    assert_true(a.failed);

    /* blocks obtained before the failure are intact */
    assert_string_equal(s1, "first");
    assert_int_equal(big[0], 'B');
    assert_int_equal(big[69999], 'B');

    /* filling the small chunk forces a new one, which fails: 65536 bytes
     * of 1 KiB requests cannot all fit in the 64 KiB chunk already used */
    bool got_null = false;
    for (int i = 0; i < 70 && !got_null; i++)
        got_null = arena_alloc(&a, 1024) == NULL;
    assert_true(got_null);

    arena_free(&a);
    assert_int_equal(c.live, 0);
    assert_int_equal(c.releases, 2);
}

TEST(sizes_that_wrap_around)
{
    Arena a;
    CountingAlloc c;
    counting_arena(&a, &c);
    /* SIZE_MAX rounded up to a multiple of the alignment wraps past zero:
     * refused without asking the allocator for anything */
    assert_null(arena_alloc(&a, SIZE_MAX));
    assert_true(a.failed);
    assert_int_equal(c.calls, 0);
    /* SIZE_MAX - ALIGN + 2 + (ALIGN - 1) = SIZE_MAX + 1: wraps too */
    a.failed = false;
    assert_null(arena_alloc(&a, SIZE_MAX - ALIGN + 2));
    assert_true(a.failed);
    assert_int_equal(c.calls, 0);
    /* SIZE_MAX / 2 does not wrap, but no allocator can give it */
    a.failed = false;
    assert_null(arena_alloc(&a, SIZE_MAX / 2));
    assert_true(a.failed);
    arena_free(&a);
    assert_int_equal(c.live, 0);
}

/* ---- releasing --------------------------------------------------------------- */

TEST(free_releases_everything)
{
    Arena a;
    CountingAlloc c;
    counting_arena(&a, &c);
    arena_free(&a);                     /* a fresh arena: nothing to release */
    assert_int_equal(c.releases, 0);

    /* small chunks and large blocks, interleaved */
    for (int i = 0; i < 2000; i++) {
        assert_non_null(arena_alloc(&a, 100));
        if (i % 500 == 0)
            assert_non_null(arena_alloc(&a, 50000));
    }
    /* 100 bytes round up to a multiple of the alignment: 112 when it is
     * 16 (x86-64); small chunks are 64 KiB, then 128 KiB, 256 KiB ...
     * holding 585, 1170, 2340 of them, so 2000 need 3 small chunks
     * (585 + 1170 = 1755 < 2000); the large blocks at i = 0, 500, 1000,
     * 1500 are 4 more: 7 */
    size_t rounded = (100 + ALIGN - 1) / ALIGN * ALIGN;
    size_t small_chunks = 0;
    for (size_t held = 0, chunk = 65536; held < 2000; chunk *= 2, small_chunks++)
        held += chunk / rounded;
    if (ALIGN == 16)
        assert_int_equal(small_chunks, 3);
    assert_int_equal(c.calls, small_chunks + 4);
    assert_int_equal(c.live, small_chunks + 4);
    assert_int_equal(a.total, c.requested);
    unsigned obtained = c.calls;

    arena_free(&a);
    assert_int_equal(c.live, 0);
    assert_int_equal(c.releases, obtained);
    assert_null(a.chunks);
    assert_int_equal(a.total, 0);

    /* a second arena_free gives back nothing twice */
    arena_free(&a);
    assert_int_equal(c.releases, obtained);

    /* the arena can be used again after arena_init, and freed again */
    counting_arena(&a, &c);
    char *s = arena_strndup(&a, "again", 5);
    assert_string_equal(s, "again");
    arena_free(&a);
    assert_int_equal(c.live, 0);
}

/* Small chunks double from 64 KiB to one huge page and stay there: 8 MiB
 * of small blocks of 1 KiB take 64 + 128 + 256 + 512 + 1024 KiB (1,984
 * blocks) and then 4 chunks of 2 MiB less their header, of 2,047 blocks
 * each (6,208 left): 9 chunks, none larger than 2 MiB with its header. */
TEST(small_chunks_grow_to_a_limit)
{
    Arena a;
    CountingAlloc c;
    counting_arena(&a, &c);
    for (int i = 0; i < 8 * 1024; i++)
        assert_non_null(arena_alloc(&a, 1024));
    assert_int_equal(c.calls, 9);
    assert_int_equal(c.largest, 2 * 1024 * 1024);  /* a chunk's header and its data: one huge page */
    arena_free(&a);
    assert_int_equal(c.live, 0);
}

/* Small chunks of an arena that gives its blocks back as it goes stop
 * doubling at the size it is given, even after arena_expect() asked for
 * more: 8 MiB of blocks of 1 KiB take 64 + 128 KiB (192 blocks), then
 * chunks of 256 KiB, 256 blocks each: 8,000 left need 32 of them. */
TEST(small_chunks_stop_at_the_size_given)
{
    Arena a;
    CountingAlloc c;
    counting_arena(&a, &c);
    arena_expect(&a, 1024);                 /* 16 KiB at first ... */
    arena_expect(&a, 100 * 1024 * 1024);    /* ... no: a lot, 2 MiB chunks */
    arena_chunks_at_most(&a, 256 * 1024);
    arena_expect(&a, 64 * 1024);            /* the first chunk, 64 KiB */
    for (int i = 0; i < 8 * 1024; i++)
        assert_non_null(arena_alloc(&a, 1024));
    assert_int_equal(c.calls, 2 + 32);
    assert_true(c.largest > 256 * 1024 && c.largest <= 256 * 1024 + 64);   /* a chunk's data and its header */
    arena_free(&a);
    assert_int_equal(c.live, 0);
}

/* A block that takes the place of the last bytes of the one made just
 * before, and only then. */
TEST(alloc_over_the_tail_of_the_last_block)
{
    Arena a;
    CountingAlloc c;
    counting_arena(&a, &c);
    /* the first block takes the chunk, a multiple of 16 bytes (arena_alloc) */
    assert_non_null(arena_alloc_small(&a, 8));
    char *first = arena_alloc_small(&a, 24);
    assert_non_null(first);
    memset(first, 'x', 24);
    /* over its last 8 bytes: from first + 16, 32 bytes */
    char *second = arena_alloc_over(&a, first + 16, 8, 32);
    assert_ptr_equal(second, first + 16);
    memset(second, 'y', 32);
    assert_int_equal(first[15], 'x');
    /* not over bytes that do not end where the last block does */
    assert_null(arena_alloc_over(&a, first + 16, 8, 16));
    char *third = arena_alloc_small(&a, 8);
    assert_ptr_equal(third, second + 32);
    assert_null(arena_alloc_over(&a, second + 24, 8, 16));      /* third was made since */
    /* a size that is no multiple of 8, or more than the chunk has left */
    assert_null(arena_alloc_over(&a, third, 8, 12));
    assert_null(arena_alloc_over(&a, third, 8, (size_t)(a.limit - third) + 8));
    assert_ptr_equal(arena_alloc_over(&a, third, 8, (size_t)(a.limit - third)), third);
    assert_ptr_equal(a.cursor, a.limit);
    unsigned calls = c.calls;
    arena_free(&a);
    assert_int_equal(c.live, 0);
    assert_int_equal(calls, 1);             /* all in the first chunk */
}

TEST(fixture_arena_is_released)
{
    /* the fixture's arena goes through support_alloc: whatever the test
     * allocates here must be released by fixture_release, or cmocka reports
     * a leak and this test fails */
    for (int i = 0; i < 100; i++)
        assert_non_null(arena_alloc(&f->arena, 5000));
    assert_non_null(arena_alloc(&f->arena, 300000));
    assert_true(f->arena.total >= 100 * 5000 + 300000);
}

TEST(default_allocator)
{
    /* NULL: malloc and free */
    Arena a;
    arena_init(&a, NULL);
    char *s = arena_printf(&a, "%s %d", "malloc", 1);
    assert_string_equal(s, "malloc 1");
    assert_non_null(arena_alloc(&a, 200000));
    /* 4 MiB of small blocks: past the chunks of 64 KiB to 512 KiB (960
     * KiB), into chunks of 1 MiB, which are mapped apart; every block
     * written and read back across them */
    enum { BLOCKS = 4096, SIZE = 1024 };
    unsigned char *blocks[BLOCKS];
    for (int i = 0; i < BLOCKS; i++) {
        blocks[i] = arena_alloc(&a, SIZE);
        assert_non_null(blocks[i]);
        memset(blocks[i], i & 0xFF, SIZE);
    }
    for (int i = 0; i < BLOCKS; i++)
        assert_true(blocks[i][0] == (i & 0xFF) && blocks[i][SIZE - 1] == (i & 0xFF));
    assert_true(a.total >= (size_t)BLOCKS * SIZE);
    assert_false(a.failed);
    arena_free(&a);
    assert_null(a.chunks);
    assert_int_equal(a.total, 0);
}

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

/* Does /proc/self/smaps say that the mapping holding p is advised to be
 * made of huge pages (VmFlags "hg")? -1: it cannot tell (no /proc). */
static int advised_huge(const void *p)
{
    FILE *f = fopen("/proc/self/smaps", "r");
    if (!f)
        return -1;
    char line[512];
    bool in = false;
    int found = 0;
    while (fgets(line, sizeof line, f)) {
        unsigned long lo, hi;
        if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2 && strchr(line, '-') < strchr(line, ' '))
            in = (uintptr_t)p >= lo && (uintptr_t)p < hi;
        else if (in && strncmp(line, "VmFlags:", 8) == 0) {
            found = strstr(line, " hg") != NULL;
            break;
        }
    }
    fclose(f);
    return found;
}

/* With the default allocator the chunks of the largest size, and large
 * blocks of a huge page or more, start on a huge page (2 MiB) and are
 * advised to be made of them: where the system has transparent huge
 * pages, a model read in no order then takes one entry of the processor's
 * table of pages per 2 MiB rather than 512 (arena.c, map_pages). */
TEST(large_chunks_start_on_a_huge_page)
{
    enum { HUGE = 2 * 1024 * 1024 };
    Arena a;
    arena_init(&a, NULL);
    /* past the chunks of 64 KiB to 1 MiB (1,984 KiB), into one of 2 MiB */
    for (int i = 0; i < 3 * 1024; i++)
        assert_non_null(arena_alloc(&a, 1024));
    assert_int_equal((uintptr_t)a.chunks % HUGE, 0);
    unsigned char *big = arena_alloc(&a, 3 * HUGE);
    assert_non_null(big);
    memset(big, 1, 3 * HUGE);
#ifdef __linux__
    int small = advised_huge(a.chunks);
    if (small >= 0)
        assert_int_equal(small, 1);
#endif
#if !UNDER_ASAN                         /* under ASan a large block is the allocator's */
    assert_int_equal((uintptr_t)a.large % HUGE, 0);
#ifdef __linux__
    int large = advised_huge(big);
    if (large >= 0)
        assert_int_equal(large, 1);
#endif
#endif
    arena_free(&a);
    assert_int_equal(a.total, 0);
}

/* With the default allocator a block of 128 KiB or more is mapped by the
 * arena itself (arena.c, LARGE_MAPPED): zeroed, written across, given back
 * at once with arena_release(), adopted and freed with the rest. */
TEST(large_blocks_mapped_apart)
{
    Arena a, b;
    arena_init(&a, NULL);
    arena_init(&b, NULL);
    enum { BIG = 300 * 1024 };
    unsigned char *z = arena_zalloc(&a, BIG);
    assert_non_null(z);
    for (size_t i = 0; i < BIG; i += 4096)
        assert_int_equal(z[i], 0);
    memset(z, 0x5A, BIG);
    size_t with = a.total;
    assert_true(with >= BIG);
    unsigned char *u = arena_alloc(&a, BIG);   /* uninitialised: only written */
    assert_non_null(u);
    memset(u, 0xA5, BIG);
    assert_true(z[BIG - 1] == 0x5A && u[0] == 0xA5);
    arena_release(&a, u, BIG);
    assert_int_equal(a.total, with);           /* its bytes and its header given back */
    assert_null(a.large_spare);                /* not kept: it was not recycled */
    unsigned char *g = arena_grow(&a, z, BIG, 2 * BIG);    /* moved (mremap), or under ASan copied */
    assert_non_null(g);
    assert_true(g[0] == 0x5A && g[BIG - 1] == 0x5A && g[BIG] == 0 && g[2 * BIG - 1] == 0);
    assert_non_null(arena_zalloc(&b, BIG));
    arena_adopt(&a, &b);
    assert_int_equal(b.total, 0);
    arena_free(&a);
    assert_int_equal(a.total, 0);
    assert_null(a.large);
}

/* The large blocks the arena mapped and were recycled are kept for the
 * next ones asked for uninitialised (arena.c, retire_large): a run of a
 * thousand files reads each one's text into the pages of one before
 * rather than into fresh ones. The newest kept that the new block is half
 * of or more serves it whole, else the newest is cut or grown by the
 * system, its bytes as they were; never for a block to be zero-filled. Up
 * to ARENA_LARGE_SPARE bytes are kept, and what comes past that goes
 * back; arena_trim() gives them back. Under ASan large blocks are the
 * allocator's and none is kept. */
TEST(a_large_block_recycled_serves_the_next)
{
    enum { KIB = 1024, BIG = 300 * KIB };
    Arena a;
    arena_init(&a, NULL);
    unsigned char *p = arena_alloc(&a, BIG);
    assert_non_null(p);
    memset(p, 0x11, BIG);
    size_t with = a.total;
    arena_recycle(&a, p, BIG);
    if (UNDER_ASAN) {
        assert_null(a.large_spare);
        arena_free(&a);
        return;
    }
    assert_non_null(a.large_spare);
    assert_int_equal(a.total, with);                /* kept: still the arena's */
    /* 200 KiB is more than half of it: the same block, whole */
    unsigned char *q = arena_alloc(&a, 200 * KIB);
    assert_ptr_equal(q, p);
    assert_null(a.large_spare);
    assert_int_equal(a.total, with);
    assert_true(q[0] == 0x11 && q[200 * KIB - 1] == 0x11);     /* not cleared */
    arena_recycle(&a, q, 200 * KIB);
    /* 140 KiB is less than half: cut to it, where it is */
    unsigned char *r = arena_alloc(&a, 140 * KIB);
    assert_ptr_equal(r, p);
    assert_true(a.total < with - 150 * KIB);
    assert_true(r[140 * KIB - 1] == 0x11);
    arena_recycle(&a, r, 140 * KIB);
    /* a megabyte: grown, its first bytes kept, the rest writable */
    unsigned char *g = arena_alloc(&a, KIB * KIB);
    assert_non_null(g);
    assert_null(a.large_spare);
    assert_true(g[0] == 0x11 && g[140 * KIB - 1] == 0x11);
    memset(g, 0x22, KIB * KIB);
    assert_true(a.total >= KIB * KIB);
    arena_recycle(&a, g, KIB * KIB);
    /* a block to be zero-filled is never the spare one */
    unsigned char *z = arena_zalloc(&a, BIG);
    assert_non_null(z);
    assert_non_null(a.large_spare);                 /* still the megabyte */
    for (size_t i = 0; i < BIG; i += 997)
        assert_int_equal(z[i], 0);
    /* given back, it is kept too, newest first: a block of 300 KiB is z,
     * one of 900 KiB the megabyte */
    size_t both = a.total;
    arena_recycle(&a, z, BIG);
    assert_int_equal(a.total, both);
    assert_ptr_equal(arena_alloc(&a, BIG), z);
    assert_ptr_equal(arena_alloc(&a, 900 * KIB), g);
    /* one larger than ARENA_LARGE_SPARE is given back at once */
    arena_recycle(&a, z, BIG);
    size_t before = a.total;
    unsigned char *huge = arena_zalloc(&a, ARENA_LARGE_SPARE + KIB);
    assert_non_null(huge);
    arena_recycle(&a, huge, ARENA_LARGE_SPARE + KIB);
    assert_int_equal(a.total, before);
    assert_ptr_equal(arena_alloc(&a, BIG), z);     /* what was kept still is */
    /* kept up to ARENA_LARGE_SPARE bytes in all: what comes past that goes */
    enum { N = ARENA_LARGE_SPARE / (1024 * KIB) + 1 };
    unsigned char *m[N];
    for (int k = 0; k < N; k++)
        assert_non_null(m[k] = arena_alloc(&a, 1024 * KIB));
    size_t all = a.total;
    arena_recycle(&a, g, 900 * KIB);
    for (int k = 0; k < N; k++)
        arena_recycle(&a, m[k], 1024 * KIB);
    assert_true(a.large_spare_bytes <= ARENA_LARGE_SPARE);
    assert_true(a.total <= all - 2 * 1024 * KIB);  /* g and m[0..2] kept: m[3] and m[4] went */
    arena_recycle(&a, z, BIG);
    /* trimmed, the arena keeps only what lives */
    size_t kept = a.total;
    arena_trim(&a);
    assert_null(a.large_spare);
    assert_true(a.total < kept);
    arena_free(&a);
    assert_int_equal(a.total, 0);
}

/* A large block the arena mapped grows by mremap (arena_grow), which may
 * move it: wherever it lies in the list of large blocks, the blocks beside
 * it must then point to where it went, or giving them back, or freeing
 * the arena, would unmap pages that are no longer theirs. (Under ASan the
 * blocks are the allocator's and are copied: the same test holds.) */
TEST(mapped_blocks_grow_anywhere_in_the_list)
{
    Arena a;
    arena_init(&a, NULL);
    enum { BIG = 200 * 1024, N = 3, STEP = 997 };
    unsigned char *b[N];
    size_t size[N];
    for (int k = 0; k < N; k++) {
        size[k] = BIG;
        b[k] = arena_alloc(&a, BIG);
        assert_non_null(b[k]);
        memset(b[k], 0x10 + k, BIG);
    }
    /* the middle one of the list, then the newest, then the oldest, twice */
    static const int order[] = { 1, 2, 0, 1, 2, 0 };
    for (size_t s = 0; s < sizeof order / sizeof *order; s++) {
        int k = order[s];
        unsigned char *g = arena_grow(&a, b[k], size[k], 2 * size[k]);
        assert_non_null(g);
        for (size_t i = 0; i < size[k]; i += STEP)
            assert_int_equal(g[i], 0x10 + k);
        for (size_t i = size[k]; i < 2 * size[k]; i += STEP)
            assert_int_equal(g[i], 0);
        memset(g + size[k], 0x10 + k, size[k]);
        b[k] = g;
        size[k] *= 2;
    }
    /* each given back alone: the list's links must all be right */
    arena_release(&a, b[1], size[1]);
    for (size_t i = 0; i < size[0]; i += STEP)
        assert_int_equal(b[0][i], 0x10);
    arena_release(&a, b[0], size[0]);
    for (size_t i = 0; i < size[2]; i += STEP)
        assert_int_equal(b[2][i], 0x12);
    arena_release(&a, b[2], size[2]);
    assert_null(a.large);
    assert_int_equal(a.total, 0);
    arena_free(&a);
}

/* arena.h promises NULL only "when out of memory": a zero-byte request on
 * an arena that has no small chunk yet once returned NULL (its cursor was
 * NULL) without setting `failed`, so ARENA_ARRAY(a, T, 0) first thing
 * looked like running out of memory. */
TEST(zero_bytes_on_a_fresh_arena)
{
    Arena a;
    CountingAlloc c;
    counting_arena(&a, &c);
    void *p = arena_alloc(&a, 0);
    bool failed = a.failed;
    arena_free(&a);
    /* not out of memory: a block, and nothing failed */
    assert_non_null(p);
    assert_false(failed);
}

/* arena.h says an allocation failure returns NULL and "the arena
 * remembers it in `failed`": arena_strndup(a, s, SIZE_MAX), a copy of
 * SIZE_MAX + 1 bytes, once returned NULL without setting it. The string is
 * never read: the length alone is refused. */
TEST(strndup_too_long_sets_failed)
{
    Arena a;
    CountingAlloc c;
    counting_arena(&a, &c);
    char *p = arena_strndup(&a, "", SIZE_MAX);
    bool failed = a.failed;
    arena_free(&a);
    assert_null(p);
    assert_true(failed);
}

/* ---- adoption (a thread's arena joins the run's: load.c) ---------------------- */

TEST(adopt_moves_every_block)
{
    CountingAlloc c;
    Arena to, from;
    counting_arena(&to, &c);
    counting_arena(&from, &c);      /* one allocator for both, as adopt asks */
    char *mine = arena_alloc(&to, 100);
    assert_non_null(mine);
    memset(mine, 'a', 100);
    /* from: small blocks over several chunks, and two large ones */
    char *small[3000];
    for (unsigned i = 0; i < 3000; i++) {
        small[i] = arena_alloc(&from, 100);
        assert_non_null(small[i]);
        memset(small[i], (int)(i % 251), 100);
    }
    char *big1 = arena_alloc(&from, 100000), *big2 = arena_alloc(&from, 200000);
    assert_non_null(big1);
    assert_non_null(big2);
    memset(big1, 'b', 100000);
    size_t total = to.total + from.total;
    long live = c.live;
    arena_adopt(&to, &from);
    assert_int_equal(to.total, total);
    assert_int_equal(c.live, live);             /* nothing freed, nothing made */
    assert_null(from.chunks);
    assert_null(from.large);
    assert_int_equal(from.total, 0);
    /* to goes on filling its own chunk, and its blocks and the adopted
     * ones are intact */
    char *next = arena_alloc(&to, 16);
    assert_non_null(next);
    assert_ptr_equal(next, mine + 112);
    for (unsigned i = 0; i < 3000; i++)
        assert_int_equal((unsigned char)small[i][99], i % 251);
    assert_int_equal(mine[99], 'a');
    /* a large adopted block is given back alone, the first or not */
    arena_release(&to, big2, 200000);
    arena_release(&to, big1, 100000);
    assert_int_equal(c.live, live - 2);
    arena_free(&to);
    assert_int_equal(c.live, 0);                /* every chunk, adopted ones too */
    arena_free(&from);
    assert_int_equal(c.live, 0);
}

TEST(adopt_into_an_empty_arena)
{
    CountingAlloc c;
    Arena to, from;
    counting_arena(&to, &c);
    counting_arena(&from, &c);
    char *p = arena_alloc(&from, 10);
    assert_non_null(p);
    from.failed = true;
    arena_adopt(&to, &from);
    assert_true(to.failed);                     /* a failure is not lost */
    assert_non_null(arena_alloc(&to, 10));      /* a fresh chunk of its own */
    arena_free(&to);
    assert_int_equal(c.live, 0);
}

/* ---- giving back the oldest chunks (a tree modelled item by item: model.c) ---- */

TEST(release_before_gives_back_older_chunks_only)
{
    CountingAlloc c;
    Arena a;
    counting_arena(&a, &c);
    /* blocks of 1000 bytes over several chunks (64, 128, 256 KiB ...) */
    enum { N = 600 };
    char *block[N];
    for (unsigned i = 0; i < N; i++) {
        block[i] = arena_alloc(&a, 1000);
        assert_non_null(block[i]);
        memset(block[i], (int)(i % 251), 1000);
    }
    long chunks = c.live;
    assert_true(chunks >= 3);
    arena_release_before(&a, block[0]);             /* in the oldest chunk: nothing older */
    assert_int_equal(a.spare_bytes, 0);
    arena_release_before(&a, block[200]);           /* 200 KB in: past the first two chunks */
    assert_true(a.spare_bytes > 0);                 /* kept for reuse (under ARENA_SPARE) */
    for (unsigned i = 200; i < N; i++)              /* what is left is intact */
        assert_int_equal((unsigned char)block[i][999], i % 251);
    arena_release_before(&a, block[N - 1]);         /* the newest chunk stays, and is filled on */
    assert_int_equal((unsigned char)block[N - 1][0], (N - 1) % 251);
    assert_non_null(arena_alloc(&a, 100));
    size_t spared = a.spare_bytes;
    arena_release_before(&a, block[N - 1]);         /* again: nothing more to give */
    assert_int_equal(a.spare_bytes, spared);
    /* what was given back serves the next blocks: no new chunk is asked */
    unsigned calls = c.calls;
    for (unsigned i = 0; i < N - 300; i++)
        memset(arena_alloc(&a, 1000), 'y', 1000);
    assert_int_equal(c.calls, calls);
    assert_int_equal(c.live, chunks);
    arena_free(&a);
    assert_int_equal(c.live, 0);
}

TEST(release_before_after_adoption)
{
    CountingAlloc c;
    Arena to, from;
    counting_arena(&to, &c);
    counting_arena(&from, &c);
    char *mine = arena_alloc(&to, 1000);
    char *theirs[300];
    for (unsigned i = 0; i < 300; i++)
        assert_non_null(theirs[i] = arena_alloc(&from, 1000));
    arena_adopt(&to, &from);
    /* the adopted chunks are older than `to`'s own; giving back all
     * before `mine` frees every one of them and keeps `mine`'s */
    arena_release_before(&to, mine);
    assert_true(to.spare_bytes >= 300 * 1000);
    memset(mine, 'x', 1000);
    arena_free(&to);
    assert_int_equal(c.live, 0);
}

TEST(rewind_gives_back_what_came_after_the_mark)
{
    CountingAlloc c;
    Arena a;
    counting_arena(&a, &c);
    char *kept = arena_alloc(&a, 100);
    memset(kept, 'k', 100);
    ArenaMark mark = arena_mark(&a);
    long live = c.live;
    /* 600 KB of small blocks over several chunks, and a large one */
    for (unsigned i = 0; i < 600; i++)
        memset(arena_alloc(&a, 1000), 'x', 1000);
    assert_non_null(arena_alloc(&a, 100 * 1024));
    assert_true(c.live >= live + 3);
    long spare_live = c.live - 1;                   /* all but the large block */
    arena_rewind(&a, mark);
    /* the small chunks are kept for the next blocks, the large block is
     * back; what came before the mark is intact, and the next block
     * follows it in its chunk */
    assert_int_equal(c.live, spare_live);
    assert_true(a.spare_bytes > 0);
    for (unsigned i = 0; i < 100; i++)
        assert_int_equal(kept[i], 'k');
    assert_ptr_equal(arena_alloc(&a, 10), kept + 112);
    arena_free(&a);
    assert_int_equal(c.live, 0);
}

TEST(rewound_line_after_line_takes_no_new_chunk)
{
    /* a writer rewinds after each line of its report: a line that needs a
     * new chunk takes one the last rewind kept, not the allocator's */
    CountingAlloc c;
    Arena a;
    counting_arena(&a, &c);
    ArenaMark mark = arena_mark(&a);
    for (unsigned line = 0; line < 1000; line++) {
        for (unsigned i = 0; i < 100; i++)
            memset(arena_alloc(&a, 1000), (int)line, 1000);    /* 100 KB: past the first chunk */
        arena_rewind(&a, mark);
    }
    assert_true(c.calls <= 3);                      /* the first line's chunks, no more */
    assert_true(c.live <= 2);
    arena_free(&a);
    assert_int_equal(c.live, 0);
}

TEST(spares_are_kept_up_to_a_limit)
{
    /* 40 MB of small blocks given back at once: ARENA_SPARE of it is kept
     * for reuse, the rest goes back to the allocator */
    CountingAlloc c;
    Arena a;
    counting_arena(&a, &c);
    char *last = NULL;
    for (unsigned i = 0; i < 40 * 1024; i++)
        last = arena_alloc(&a, 1000);
    assert_non_null(last);
    unsigned released = c.releases;
    arena_release_before(&a, last);
    assert_true(a.spare_bytes <= ARENA_SPARE);
    assert_true(a.spare_bytes >= ARENA_SPARE - 1024 * 1024);
    assert_true(c.releases > released);
    arena_free(&a);
    assert_int_equal(c.live, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(blocks_are_aligned_for_any_object),
        FIXTURE_TEST(small_records_take_a_multiple_of_8),
        FIXTURE_TEST(small_blocks_of_bytes_take_a_multiple_of_8),
        FIXTURE_TEST(blocks_do_not_overlap),
        FIXTURE_TEST(zalloc_zeroes_what_the_allocator_left),
        FIXTURE_TEST(block_bigger_than_a_chunk),
        FIXTURE_TEST(large_block_first),
        FIXTURE_TEST(release_gives_a_large_block_back_at_once),
        FIXTURE_TEST(large_chunks_start_on_a_huge_page),
        FIXTURE_TEST(large_blocks_mapped_apart),
        FIXTURE_TEST(a_large_block_recycled_serves_the_next),
        FIXTURE_TEST(mapped_blocks_grow_anywhere_in_the_list),
        FIXTURE_TEST(grow_keeps_the_old_bytes_and_zeroes_the_rest),
        FIXTURE_TEST(push_doubles_an_array_of_pointers),
        FIXTURE_TEST(strndup_copies_by_length),
        FIXTURE_TEST(printf_formats_into_the_arena),
        FIXTURE_TEST(printf_long_output),
        FIXTURE_TEST(join_puts_pieces_together),
        FIXTURE_TEST(subst_replaces_string_directives),
        FIXTURE_TEST(subst_split_reads_a_format_as_subst_does),
        FIXTURE_TEST(subst_refuses_what_it_cannot_make),
        FIXTURE_TEST(failing_allocator_returns_null),
        FIXTURE_TEST(failure_after_some_chunks),
        FIXTURE_TEST(sizes_that_wrap_around),
        FIXTURE_TEST(free_releases_everything),
        FIXTURE_TEST(small_chunks_grow_to_a_limit),
        FIXTURE_TEST(small_chunks_stop_at_the_size_given),
        FIXTURE_TEST(alloc_over_the_tail_of_the_last_block),
        FIXTURE_TEST(fixture_arena_is_released),
        FIXTURE_TEST(default_allocator),
        FIXTURE_TEST(zero_bytes_on_a_fresh_arena),
        FIXTURE_TEST(strndup_too_long_sets_failed),
        FIXTURE_TEST(adopt_moves_every_block),
        FIXTURE_TEST(adopt_into_an_empty_arena),
        FIXTURE_TEST(release_before_gives_back_older_chunks_only),
        FIXTURE_TEST(release_before_after_adoption),
        FIXTURE_TEST(rewind_gives_back_what_came_after_the_mark),
        FIXTURE_TEST(rewound_line_after_line_takes_no_new_chunk),
        FIXTURE_TEST(spares_are_kept_up_to_a_limit),
    };
    return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
