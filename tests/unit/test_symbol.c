/* test_symbol.c - interned names and the pointer map (interp/symbol.h), and
 * "did you mean" (interp/suggest.h).
 *
 * Names are bytes: two names are the same Symbol exactly when their bytes
 * are the same (spec: Vietnamese names are kept byte for byte). */
#include "support.h"

#include "suggest.h"

static bool power_of_two(uint32_t n)
{
    return n && (n & (n - 1)) == 0;
}

/* ---- interning ----------------------------------------------------------------- */

TEST(same_bytes_same_symbol)
{
    Symbol *a = symtab_intern_cstr(&f->syms, "opinions");
    assert_non_null(a);
    assert_string_equal(a->text, "opinions");
    assert_int_equal(a->len, 8);
    /* the same bytes from another buffer: the same Symbol */
    char buf[] = "opinions";
    assert_ptr_equal(symtab_intern(&f->syms, buf, 8), a);
    assert_ptr_equal(symtab_intern_cstr(&f->syms, "opinions"), a);
    /* the Symbol's text is a copy, not the caller's buffer */
    assert_ptr_not_equal(a->text, buf);
    buf[0] = 'O';
    assert_string_equal(a->text, "opinions");
    assert_int_equal(f->syms.count, 1);
}

TEST(different_bytes_different_symbols)
{
    static const char *names[] = {
        "opinions", "opinion", "opinions.resolved", "Opinions", "opinions ",
        "o", "",
    };
    enum { N = sizeof names / sizeof names[0] };
    Symbol *syms[N];
    for (unsigned i = 0; i < N; i++) {
        syms[i] = symtab_intern_cstr(&f->syms, names[i]);
        assert_non_null(syms[i]);
        assert_string_equal(syms[i]->text, names[i]);
        assert_int_equal(syms[i]->len, strlen(names[i]));
    }
    for (unsigned i = 0; i < N; i++)
        for (unsigned j = i + 1; j < N; j++)
            assert_ptr_not_equal(syms[i], syms[j]);
    assert_int_equal(f->syms.count, N);
    /* each still found as itself */
    for (unsigned i = 0; i < N; i++)
        assert_ptr_equal(symtab_intern_cstr(&f->syms, names[i]), syms[i]);
}

TEST(bytes_with_nul)
{
    /* lengths, not NULs, delimit names: "a", "a\0", "a\0b", "a\0c" and
     * "\0" are five different names */
    Symbol *a = symtab_intern(&f->syms, "a", 1);
    Symbol *a0 = symtab_intern(&f->syms, "a\0", 2);
    Symbol *a0b = symtab_intern(&f->syms, "a\0b", 3);
    Symbol *a0c = symtab_intern(&f->syms, "a\0c", 3);
    Symbol *nul = symtab_intern(&f->syms, "\0", 1);
    Symbol *empty = symtab_intern(&f->syms, "", 0);
    Symbol *all[] = { a, a0, a0b, a0c, nul, empty };
    for (unsigned i = 0; i < 6; i++) {
        assert_non_null(all[i]);
        for (unsigned j = i + 1; j < 6; j++)
            assert_ptr_not_equal(all[i], all[j]);
    }
    assert_int_equal(a0b->len, 3);
    assert_memory_equal(a0b->text, "a\0b", 3);
    assert_int_equal(a0b->text[3], '\0');       /* NUL-terminated after len */
    assert_int_equal(nul->len, 1);
    assert_int_equal(empty->len, 0);
    assert_string_equal(empty->text, "");
    /* and found again by their bytes */
    assert_ptr_equal(symtab_intern(&f->syms, "a\0b", 3), a0b);
    assert_ptr_equal(symtab_find(&f->syms, "a\0c", 3), a0c);
    assert_ptr_equal(symtab_find(&f->syms, "a\0", 2), a0);
}

TEST(utf8_names_byte_for_byte)
{
    /* "Tuần Giáo" precomposed (ầ = U+1EA7 = E1 BA A7, á = U+00E1 = C3 A1)
     * and decomposed (a + U+0302 + U+0300, a + U+0301): the same text to a
     * reader, different bytes, so different names */
    const char *nfc = "Tu\xE1\xBA\xA7n Gi\xC3\xA1o";
    const char *nfd = "Tua\xCC\x82\xCC\x80n Gia\xCC\x81o";
    Symbol *s1 = symtab_intern_cstr(&f->syms, nfc);
    Symbol *s2 = symtab_intern_cstr(&f->syms, nfd);
    assert_non_null(s1);
    assert_non_null(s2);
    assert_ptr_not_equal(s1, s2);
    /* T u ầ n ' ' G i á o = 1+1+3+1+1+1+1+2+1 = 12 bytes */
    assert_int_equal(s1->len, 12);
    /* T u a ◌̂ ◌̀ n ' ' G i a ◌́ o = 1+1+1+2+2+1+1+1+1+1+2+1 = 15 bytes */
    assert_int_equal(s2->len, 15);
    assert_ptr_equal(symtab_intern_cstr(&f->syms, "Tu\xE1\xBA\xA7n Gi\xC3\xA1o"), s1);
    /* "Kỳ Châu" vs "Kỹ Châu": one byte apart (ỳ = E1 BB B3, ỹ = E1 BB B9) */
    Symbol *k1 = symtab_intern_cstr(&f->syms, "K\xE1\xBB\xB3 Ch\xC3\xA2u");
    Symbol *k2 = symtab_intern_cstr(&f->syms, "K\xE1\xBB\xB9 Ch\xC3\xA2u");
    assert_ptr_not_equal(k1, k2);
    assert_int_equal(f->syms.count, 4);
}

TEST(find_never_allocates)
{
    /* an empty table: nothing found, nothing allocated */
    assert_null(symtab_find(&f->syms, "opinions", 8));
    assert_null(symtab_find(&f->syms, "", 0));
    assert_int_equal(f->arena.total, 0);
    assert_int_equal(f->syms.count, 0);

    Symbol *op = symtab_intern_cstr(&f->syms, "opinions");
    Symbol *res = symtab_intern_cstr(&f->syms, "resolved");
    size_t total = f->arena.total;
    const char *cursor = f->arena.cursor;

    assert_ptr_equal(symtab_find(&f->syms, "opinions", 8), op);
    assert_ptr_equal(symtab_find(&f->syms, "resolved", 8), res);
    /* unknown strings: prefixes, extensions, other case, other bytes */
    assert_null(symtab_find(&f->syms, "opinions", 7));         /* "opinion" */
    assert_null(symtab_find(&f->syms, "opinions.resolved", 17));
    assert_null(symtab_find(&f->syms, "Opinions", 8));
    assert_null(symtab_find(&f->syms, "pending", 7));
    assert_null(symtab_find(&f->syms, "", 0));
    assert_null(symtab_find(&f->syms, "opinions\0", 9));
    /* nothing was interned or allocated by looking */
    assert_int_equal(f->syms.count, 2);
    assert_int_equal(f->arena.total, total);
    assert_ptr_equal(f->arena.cursor, cursor);
    /* and a name looked for is still unknown afterwards */
    assert_null(symtab_find(&f->syms, "pending", 7));
}

TEST(table_grows_past_thousands)
{
    /* 5000 names "n0", "n1", ... "n4999": far past the first table, so it
     * doubles several times; every name must survive every growth */
    enum { N = 5000 };
    Symbol **syms = ARENA_ARRAY(&f->arena, Symbol *, N);
    assert_non_null(syms);
    char buf[16];
    for (unsigned i = 0; i < N; i++) {
        int n = snprintf(buf, sizeof buf, "n%u", i);
        syms[i] = symtab_intern(&f->syms, buf, (size_t)n);
        assert_non_null(syms[i]);
        assert_string_equal(syms[i]->text, buf);
        assert_true(power_of_two(f->syms.cap));
        assert_true(f->syms.count < f->syms.cap);
    }
    assert_int_equal(f->syms.count, N);
    for (unsigned i = 0; i < N; i++) {
        int n = snprintf(buf, sizeof buf, "n%u", i);
        assert_ptr_equal(symtab_find(&f->syms, buf, (size_t)n), syms[i]);
        assert_ptr_equal(symtab_intern(&f->syms, buf, (size_t)n), syms[i]);
    }
    /* re-interning added nothing */
    assert_int_equal(f->syms.count, N);
    /* names near the ones present are still absent */
    assert_null(symtab_find(&f->syms, "n5000", 5));
    assert_null(symtab_find(&f->syms, "n01", 3));
    assert_null(symtab_find(&f->syms, "n", 1));
    assert_false(f->arena.failed);
}

/* Names of every length to 24 bytes that differ in one byte, wherever it
 * is, are different symbols, each found again as itself: names are
 * compared a word at a time (symbol.c's is_text), and no byte may be
 * left out. */
TEST(names_one_byte_apart_stay_apart)
{
    char base[25], other[25];
    for (unsigned len = 1; len <= 24; len++) {
        memset(base, 'a', len);
        Symbol *b = symtab_intern(&f->syms, base, len);
        assert_non_null(b);
        for (unsigned at = 0; at < len; at++) {
            memcpy(other, base, len);
            other[at] = 'b';
            Symbol *o = symtab_intern(&f->syms, other, len);
            assert_non_null(o);
            assert_ptr_not_equal(o, b);
            assert_memory_equal(o->text, other, len);
            assert_ptr_equal(symtab_intern(&f->syms, other, len), o);     /* the recent one */
            assert_ptr_equal(symtab_find(&f->syms, other, len), o);
            assert_ptr_equal(symtab_intern(&f->syms, base, len), b);
        }
    }
    assert_int_equal(f->syms.count, 24 + 24 * 25 / 2);
}

/* The hash of a name as the table takes it (symbol.c's hash_bytes). */
static uint32_t table_hash(const Symtab *t, const char *s, size_t len)
{
    uint64_t h = siphash24(t->key, s, len);
    return (uint32_t)(h ^ h >> 32);
}

/* Seventy names whose hashes all start at the first table's slot 0: the
 * 66th is more than PROBE_LIMIT (64) slots from it, so the table grows though
 * it is far from full, and every name is put again; names of the cluster
 * whose byte (the hash's top bits) matches another's are told apart by
 * the hash and bytes behind it. */
TEST(a_cluster_grows_the_table)
{
    enum { N = 70 };
    char names[N][16];
    uint32_t hashes[N];
    unsigned n = 0;
    for (unsigned i = 0; n < N; i++) {
        int len = snprintf(names[n], sizeof names[n], "k%u", i);
        uint32_t h = table_hash(&f->syms, names[n], (size_t)len);
        if ((h & 255) == 0)
            hashes[n++] = h;
    }
    Symbol *syms[N];
    for (unsigned i = 0; i < N; i++) {
        syms[i] = symtab_intern_cstr(&f->syms, names[i]);
        assert_non_null(syms[i]);
        assert_int_equal(syms[i]->hash, hashes[i]);
        if (i < 65)
            assert_int_equal(f->syms.cap, 256);     /* probes within the limit */
    }
    assert_true(f->syms.cap > 256);                 /* 70 names: a quarter full */
    for (unsigned i = 0; i < N; i++) {
        assert_ptr_equal(symtab_find(&f->syms, names[i], strlen(names[i])), syms[i]);
        assert_ptr_equal(symtab_intern_cstr(&f->syms, names[i]), syms[i]);
    }
    assert_int_equal(f->syms.count, N);
    /* names never interned, each starting in the cluster, are not found */
    char other[16];
    for (unsigned i = 0, found = 0; found < 20; i++) {
        int len = snprintf(other, sizeof other, "z%u", i);
        if ((table_hash(&f->syms, other, (size_t)len) & 255) == 0) {
            assert_null(symtab_find(&f->syms, other, (size_t)len));
            found++;
        }
    }
}

/* Names alike in length, first, middle and last byte share a slot of the
 * recent-names cache (Symtab.recent): each must still be itself, found
 * and interned again in any order, and a name found in the cache is the
 * one with its own bytes, never its slot-mate. */
TEST(recent_names_alike_stay_apart)
{
    enum { N = 2000 };
    Symbol **syms = ARENA_ARRAY(&f->arena, Symbol *, N);
    assert_non_null(syms);
    char buf[16];
    /* "a" + 2 digits + "m" + 2 digits + "z": 7 bytes, middle (3) always 'm' */
    for (unsigned i = 0; i < N; i++) {
        snprintf(buf, sizeof buf, "a%02um%02uz", i / 100 % 100, i % 100);
        syms[i] = symtab_intern(&f->syms, buf, 7);
        assert_non_null(syms[i]);
    }
    for (unsigned i = 0; i < N; i++) {
        unsigned j = (i * 7919u) % N;       /* out of order */
        snprintf(buf, sizeof buf, "a%02um%02uz", j / 100 % 100, j % 100);
        assert_ptr_equal(symtab_intern(&f->syms, buf, 7), syms[j]);
        assert_ptr_equal(symtab_find(&f->syms, buf, 7), syms[j]);
        assert_string_equal(syms[j]->text, buf);
        buf[1] = 'x';                       /* a slot-mate never interned */
        assert_null(symtab_find(&f->syms, buf, 7));
    }
    assert_int_equal(f->syms.count, N);
}

TEST(join_makes_the_path)
{
    Symbol *op = symtab_intern_cstr(&f->syms, "opinions");
    Symbol *res = symtab_intern_cstr(&f->syms, "resolved");
    Symbol *path = symtab_join(&f->syms, op, res);
    assert_non_null(path);
    assert_string_equal(path->text, "opinions.resolved");
    /* 8 + 1 + 8 = 17 */
    assert_int_equal(path->len, 17);
    /* interned: the same Symbol as the string itself, both ways round */
    assert_ptr_equal(symtab_intern_cstr(&f->syms, "opinions.resolved"), path);
    assert_ptr_equal(symtab_find(&f->syms, "opinions.resolved", 17), path);
    assert_ptr_equal(symtab_join(&f->syms, op, res), path);
    /* a path of a path: opinions.resolved.late */
    Symbol *late = symtab_intern_cstr(&f->syms, "late");
    Symbol *deep = symtab_join(&f->syms, path, late);
    assert_string_equal(deep->text, "opinions.resolved.late");
    assert_int_equal(deep->len, 22);    /* 17 + 1 + 4 */
    /* the other order is another name */
    Symbol *back = symtab_join(&f->syms, res, op);
    assert_string_equal(back->text, "resolved.opinions");
    assert_ptr_not_equal(back, path);
    /* a path interned first is found by join */
    Symbol *pre = symtab_intern_cstr(&f->syms, "invited.men");
    Symbol *inv = symtab_intern_cstr(&f->syms, "invited");
    Symbol *men = symtab_intern_cstr(&f->syms, "men");
    assert_ptr_equal(symtab_join(&f->syms, inv, men), pre);
}

/* ---- the pointer map ----------------------------------------------------------- */

TEST(map_zero_is_empty)
{
    PtrMap m = { 0 };
    int k = 0;
    assert_null(ptrmap_get(&m, &k, 0));
    assert_null(ptrmap_get(&m, &k, 7));
    assert_int_equal(m.count, 0);
    /* and can be filled from there */
    int v = 0;
    assert_true(ptrmap_put(&m, &f->arena, &k, 0, &v));
    assert_ptr_equal(ptrmap_get(&m, &k, 0), &v);
    assert_int_equal(m.count, 1);
}

TEST(map_key_and_tag)
{
    PtrMap m = { 0 };
    int keys[2] = { 0 }, vals[5] = { 0 };
    /* (key, tag) is the key: the same pointer with another tag, or another
     * pointer with the same tag, is another entry */
    assert_true(ptrmap_put(&m, &f->arena, &keys[0], 0, &vals[0]));
    assert_true(ptrmap_put(&m, &f->arena, &keys[0], 1, &vals[1]));
    assert_true(ptrmap_put(&m, &f->arena, &keys[1], 0, &vals[2]));
    assert_int_equal(m.count, 3);
    assert_ptr_equal(ptrmap_get(&m, &keys[0], 0), &vals[0]);
    assert_ptr_equal(ptrmap_get(&m, &keys[0], 1), &vals[1]);
    assert_ptr_equal(ptrmap_get(&m, &keys[1], 0), &vals[2]);
    assert_null(ptrmap_get(&m, &keys[1], 1));
    assert_null(ptrmap_get(&m, &keys[0], 2));
    /* a tag may be any uintptr_t, a pointer's value too */
    uintptr_t big = (uintptr_t)&vals[4];
    assert_true(ptrmap_put(&m, &f->arena, &keys[1], big, &vals[4]));
    assert_ptr_equal(ptrmap_get(&m, &keys[1], big), &vals[4]);
    assert_int_equal(m.count, 4);

    /* replace: the value changes, the count does not, others untouched */
    assert_true(ptrmap_put(&m, &f->arena, &keys[0], 0, &vals[3]));
    assert_int_equal(m.count, 4);
    assert_ptr_equal(ptrmap_get(&m, &keys[0], 0), &vals[3]);
    assert_ptr_equal(ptrmap_get(&m, &keys[0], 1), &vals[1]);
    assert_ptr_equal(ptrmap_get(&m, &keys[1], 0), &vals[2]);
    /* a value may be NULL: then get cannot tell it from absent */
    assert_true(ptrmap_put(&m, &f->arena, &keys[0], 1, NULL));
    assert_null(ptrmap_get(&m, &keys[0], 1));
    assert_int_equal(m.count, 4);
}

TEST(map_grows)
{
    /* 3000 keys * 2 tags = 6000 entries, from an empty map */
    enum { N = 3000 };
    PtrMap m = { 0 };
    char *keys = arena_alloc(&f->arena, N);
    int *vals = ARENA_ARRAY(&f->arena, int, 2 * N);
    assert_non_null(keys);
    assert_non_null(vals);
    for (unsigned i = 0; i < N; i++) {
        assert_true(ptrmap_put(&m, &f->arena, &keys[i], 1, &vals[2 * i]));
        assert_true(ptrmap_put(&m, &f->arena, &keys[i], 2, &vals[2 * i + 1]));
        assert_true(power_of_two(m.cap));
        assert_true(m.count < m.cap);
    }
    assert_int_equal(m.count, 2 * N);
    for (unsigned i = 0; i < N; i++) {
        assert_ptr_equal(ptrmap_get(&m, &keys[i], 1), &vals[2 * i]);
        assert_ptr_equal(ptrmap_get(&m, &keys[i], 2), &vals[2 * i + 1]);
        assert_null(ptrmap_get(&m, &keys[i], 0));
    }
    /* replacing every entry after growth keeps the count */
    for (unsigned i = 0; i < N; i++)
        assert_true(ptrmap_put(&m, &f->arena, &keys[i], 1, &vals[2 * i + 1]));
    assert_int_equal(m.count, 2 * N);
    for (unsigned i = 0; i < N; i++)
        assert_ptr_equal(ptrmap_get(&m, &keys[i], 1), &vals[2 * i + 1]);
    assert_false(f->arena.failed);
}

/* ---- did you mean -------------------------------------------------------------- */

/* The suggestion for `name` among the NULL-terminated candidates. */
static const char *suggest_among(const char *name, const char *const *candidates)
{
    Suggest s;
    suggest_init(&s, name);
    for (; *candidates; candidates++)
        suggest_offer(&s, *candidates, strlen(*candidates));
    return suggest_best(&s);
}

TEST(suggest_nearest_within_two_edits)
{
    const char *names[] = { "invited", "attended", "opinions", "resolved", "pending", NULL };
    /* one deletion: "opinons" + i */
    assert_string_equal(suggest_among("opinons", names), "opinions");
    /* one insertion: "attendeed" - e */
    assert_string_equal(suggest_among("attendeed", names), "attended");
    /* one replacement: "invitad" */
    assert_string_equal(suggest_among("invitad", names), "invited");
    /* two edits: "resolvd" + e and "Xesolvd": replace X->r, insert e */
    assert_string_equal(suggest_among("Xesolvd", names), "resolved");
    /* a swap of two letters is two edits: "pendnig" */
    assert_string_equal(suggest_among("pendnig", names), "pending");
    /* the nearest wins, offered first or last, even against one earlier in
     * byte order: "resolvd" is one insertion from "resolved" and two
     * replacements (r -> a, d -> X) from "aesolvX" */
    const char *near[] = { "aesolvX", "resolved", NULL };
    assert_string_equal(suggest_among("resolvd", near), "resolved");
    const char *near2[] = { "resolved", "aesolvX", NULL };
    assert_string_equal(suggest_among("resolvd", near2), "resolved");
    const char *far_only[] = { "aesolvX", NULL };
    assert_string_equal(suggest_among("resolvd", far_only), "aesolvX");
}

TEST(suggest_nothing_beyond_two_edits)
{
    const char *names[] = { "abcdef", NULL };
    /* abcdef -> abcxyz: three replacements */
    assert_null(suggest_among("abcxyz", names));
    /* abcdef -> abcdxy: two replacements */
    assert_string_equal(suggest_among("abcdxy", names), "abcdef");
    /* unrelated names */
    const char *words[] = { "invited", "attended", "pending", NULL };
    assert_null(suggest_among("opinions", words));
    /* no candidates at all */
    const char *none[] = { NULL };
    assert_null(suggest_among("opinions", none));
}

TEST(suggest_ties_by_byte_order)
{
    /* "cat" is one replacement from each of "bat", "cab", "cut", "eat";
     * "bat" is first in byte order, whatever order they come in */
    const char *o1[] = { "bat", "cab", "cut", "eat", NULL };
    const char *o2[] = { "eat", "cut", "cab", "bat", NULL };
    const char *o3[] = { "cut", "bat", "eat", "cab", NULL };
    assert_string_equal(suggest_among("cat", o1), "bat");
    assert_string_equal(suggest_among("cat", o2), "bat");
    assert_string_equal(suggest_among("cat", o3), "bat");
    /* byte order, not letter order: 'Z' (0x5A) < 'a' (0x61), and a UTF-8
     * lead byte (0xC3 for "à") comes after every ASCII byte */
    const char *o4[] = { "cap", "caZ", NULL };
    assert_string_equal(suggest_among("cat", o4), "caZ");
    /* "càt" (c C3 A0 t) is two edits from "cat" (a -> C3, insert A0), and so
     * is "czzt" (a -> z, insert z): 'z' = 0x7A < 0xC3, bytes are unsigned */
    const char *o5[] = { "c\xC3\xA0t", "czzt", NULL };
    assert_string_equal(suggest_among("cat", o5), "czzt");
    const char *o5r[] = { "czzt", "c\xC3\xA0t", NULL };
    assert_string_equal(suggest_among("cat", o5r), "czzt");
    /* ties at two edits too: "abcd" is two from "abxy" and from "xycd" */
    const char *o6[] = { "xycd", "abxy", NULL };
    assert_string_equal(suggest_among("abcd", o6), "abxy");
}

TEST(suggest_length_filter)
{
    /* a candidate two bytes shorter or longer can be two edits away;
     * three bytes different never can */
    const char *shorter2[] = { "abcd", NULL };
    assert_string_equal(suggest_among("abcdef", shorter2), "abcd");
    const char *shorter3[] = { "abc", NULL };
    assert_null(suggest_among("abcdef", shorter3));
    const char *longer2[] = { "abcdefgh", NULL };
    assert_string_equal(suggest_among("abcdef", longer2), "abcdefgh");
    const char *longer3[] = { "abcdefghi", NULL };
    assert_null(suggest_among("abcdef", longer3));
    /* short names: "a" to "" is one edit, to "abc" two */
    const char *tiny[] = { "abc", NULL };
    assert_string_equal(suggest_among("a", tiny), "abc");
    const char *tiny4[] = { "abcd", NULL };
    assert_null(suggest_among("a", tiny4));
    /* the length offered is what counts: "abcdefgh" offered with length 3
     * is "abc", three deletions from "abcdef" (the whole string would be
     * two insertions away) */
    Suggest s;
    suggest_init(&s, "abcdef");
    suggest_offer(&s, "abcdefgh", 3);
    assert_null(suggest_best(&s));
}

TEST(suggest_long_names_never)
{
    /* 63 bytes is the longest name compared; 64 is never near anything */
    char n63[64], c63[64], n64[65], c64[65], c62[63];
    memset(n63, 'a', 63);
    n63[63] = '\0';
    memcpy(c63, n63, sizeof c63);
    c63[30] = 'b';                      /* one replacement */
    memset(n64, 'a', 64);
    n64[64] = '\0';
    memcpy(c64, n64, sizeof c64);
    c64[30] = 'b';                      /* one replacement */
    memset(c62, 'a', 62);
    c62[62] = '\0';

    const char *at63[] = { c63, NULL };
    assert_string_equal(suggest_among(n63, at63), c63);
    const char *at64[] = { c64, NULL };
    assert_null(suggest_among(n64, at64));
    /* a long name looked for: no short candidate is suggested for it either
     * (64 'a' to 62 'a' is two deletions) */
    const char *short62[] = { c62, NULL };
    assert_null(suggest_among(n64, short62));
    /* a long candidate for a short name: 62 'a' to 64 'a' is two insertions
     * but 64 bytes is too long; to c63 (63 bytes, a 'b' at 30) is one
     * insertion and one replacement, two edits, allowed */
    const char *long64[] = { n64, NULL };
    assert_null(suggest_among(c62, long64));
    const char *ok63[] = { c63, NULL };
    assert_string_equal(suggest_among(c62, ok63), c63);
}

/* ---- SipHash-2-4 --------------------------------------------------------------------- */

/* The reference implementation's vectors (veorq/SipHash, vectors.h,
 * vectors_sip64): key 00 01 ... 0f, message 00 01 ... (n - 1) of n bytes,
 * the 8 output bytes little-endian. n = 0, 7, 8, 15, 63 cross the
 * boundaries of the 8-byte blocks. */
TEST(siphash_reference_vectors)
{
    SipKey key = { 0x0706050403020100ull, 0x0f0e0d0c0b0a0908ull };
    unsigned char msg[64];
    for (int i = 0; i < 64; i++)
        msg[i] = (unsigned char)i;
    (void)f;
    assert_true(siphash24(key, msg, 0) == 0x726fdb47dd0e0e31ull);     /* 31 0e 0e dd 47 db 6f 72 */
    assert_true(siphash24(key, msg, 7) == 0xab0200f58b01d137ull);     /* 37 d1 01 8b f5 00 02 ab */
    assert_true(siphash24(key, msg, 8) == 0x93f5f5799a932462ull);     /* 62 24 93 9a 79 f5 f5 93 */
    assert_true(siphash24(key, msg, 15) == 0xa129ca6149be45e5ull);    /* e5 45 be 49 61 ca 29 a1 */
    assert_true(siphash24(key, msg, 63) == 0x958a324ceb064572ull);    /* 72 45 06 eb 4c 32 8a 95 */
}

/* Each run draws its own key: two arenas hash a name differently (the
 * chance that two random 128-bit keys agree on it is 2^-32 at most). */
TEST(each_run_has_its_own_key)
{
    Arena a, b;
    arena_init(&a, NULL);
    arena_init(&b, NULL);
    (void)f;
    assert_true(a.key.k0 != b.key.k0 || a.key.k1 != b.key.k1);
    arena_free(&a);
    arena_free(&b);
}

/* ---- ids and the map by id ------------------------------------------------------- */

TEST(ids_are_dense_and_go_on_over_a_base)
{
    Symtab base;
    symtab_init(&base, &f->arena);
    Symbol *a = symtab_intern_cstr(&base, "a"), *b = symtab_intern_cstr(&base, "b");
    assert_int_equal(a->id, 0);
    assert_int_equal(b->id, 1);
    assert_ptr_equal(symtab_intern_cstr(&base, "a"), a);       /* met again: the same id */
    Symtab run;
    symtab_init_over(&run, &f->arena, &base);
    assert_ptr_equal(symtab_intern_cstr(&run, "b"), b);        /* the base's, not a new one */
    Symbol *c = symtab_intern_cstr(&run, "c"), *d = symtab_intern_cstr(&run, "d");
    assert_int_equal(c->id, 2);
    assert_int_equal(d->id, 3);
    SymCache cache = { .last = NULL };
    assert_ptr_equal(symtab_intern_via(&run, &cache, "c", 1), c);
    assert_int_equal(symtab_intern_via(&run, &cache, "e", 1)->id, 4);
}

/* Names met again in the order they were interned are compared first with
 * the symbol after the last one met (SymCache.last): a guess, so a name
 * that is not that symbol, however alike, is looked up as ever. */
TEST(names_in_order_found_in_order)
{
    Symtab base;
    symtab_init(&base, &f->arena);
    Symbol *x = symtab_intern_cstr(&base, "x"), *y = symtab_intern_cstr(&base, "y");
    Symtab run;
    symtab_init_over(&run, &f->arena, &base);
    enum { N = 2000 };
    Symbol *sym[N];
    for (unsigned i = 0; i < N; i++)
        assert_non_null(sym[i] = symtab_intern_cstr(&run, arena_printf(&f->arena, "f%u", i)));
    size_t total = f->arena.total;
    uint32_t count = run.count;
    SymCache cache = { .last = NULL };
    for (unsigned i = 0; i < N; i++)            /* in order: each the one after */
        assert_ptr_equal(symtab_intern_via(&run, &cache, sym[i]->text, sym[i]->len), sym[i]);
    /* out of order, and names one byte from the one after the last met */
    cache = (SymCache){ .last = NULL };
    assert_ptr_equal(symtab_intern_via(&run, &cache, "f10", 3), sym[10]);
    assert_ptr_equal(symtab_intern_via(&run, &cache, "f12", 3), sym[12]);     /* f11 is next */
    assert_ptr_equal(symtab_intern_via(&run, &cache, "f14", 3), sym[14]);     /* f13, same length */
    assert_ptr_equal(symtab_intern_via(&run, &cache, "f1", 2), sym[1]);       /* shorter */
    assert_ptr_equal(symtab_intern_via(&run, &cache, "f2", 2), sym[2]);
    /* the last symbol of the table has none after it; the base's last
     * has none in the base, and the run's first is looked up */
    assert_ptr_equal(symtab_intern_via(&run, &cache, "f1999", 5), sym[N - 1]);
    assert_ptr_equal(symtab_intern_via(&run, &cache, "x", 1), x);
    assert_ptr_equal(symtab_intern_via(&run, &cache, "y", 1), y);
    assert_ptr_equal(symtab_intern_via(&run, &cache, "f0", 2), sym[0]);
    assert_int_equal(run.count, count);         /* nothing new was made */
    assert_int_equal(f->arena.total, total);
    /* a new name after the last: made, and the guess goes on from it */
    Symbol *next = symtab_intern_via(&run, &cache, "f2000", 5);
    assert_non_null(next);
    assert_int_equal(next->id, sym[N - 1]->id + 1);
    assert_int_equal(symtab_intern_via(&run, &cache, "f2001", 5)->id, next->id + 1);
}

TEST(symmap_by_id)
{
    Symtab t;
    symtab_init(&t, &f->arena);
    SymMap m = { 0 };
    Symbol *first = symtab_intern_cstr(&t, "first");
    for (unsigned i = 0; i < 1000; i++)
        assert_non_null(symtab_intern(&t, (const char *)&i, sizeof i));
    Symbol *last = symtab_intern_cstr(&t, "last");
    assert_null(symmap_get(&m, first));            /* empty: no array yet */
    int x = 1, y = 2;
    assert_true(symmap_put(&m, &f->arena, last, &x));
    assert_true(m.cap > last->id);                 /* as long as the largest id put */
    assert_ptr_equal(symmap_get(&m, last), &x);
    assert_null(symmap_get(&m, first));            /* grown zeroed */
    assert_true(symmap_put(&m, &f->arena, first, &y));
    assert_true(symmap_put(&m, &f->arena, last, &y));  /* replaced */
    assert_ptr_equal(symmap_get(&m, first), &y);
    assert_ptr_equal(symmap_get(&m, last), &y);
    Symbol *later = symtab_intern_cstr(&t, "later");   /* past the array: nothing */
    while (later->id < m.cap)
        later = symtab_intern_cstr(&t, arena_printf(&f->arena, "later%u", later->id));
    assert_null(symmap_get(&m, later));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(siphash_reference_vectors),
        FIXTURE_TEST(each_run_has_its_own_key),
        FIXTURE_TEST(same_bytes_same_symbol),
        FIXTURE_TEST(different_bytes_different_symbols),
        FIXTURE_TEST(bytes_with_nul),
        FIXTURE_TEST(utf8_names_byte_for_byte),
        FIXTURE_TEST(find_never_allocates),
        FIXTURE_TEST(table_grows_past_thousands),
        FIXTURE_TEST(names_one_byte_apart_stay_apart),
        FIXTURE_TEST(a_cluster_grows_the_table),
        FIXTURE_TEST(recent_names_alike_stay_apart),
        FIXTURE_TEST(join_makes_the_path),
        FIXTURE_TEST(ids_are_dense_and_go_on_over_a_base),
        FIXTURE_TEST(names_in_order_found_in_order),
        FIXTURE_TEST(symmap_by_id),
        FIXTURE_TEST(map_zero_is_empty),
        FIXTURE_TEST(map_key_and_tag),
        FIXTURE_TEST(map_grows),
        FIXTURE_TEST(suggest_nearest_within_two_edits),
        FIXTURE_TEST(suggest_nothing_beyond_two_edits),
        FIXTURE_TEST(suggest_ties_by_byte_order),
        FIXTURE_TEST(suggest_length_filter),
        FIXTURE_TEST(suggest_long_names_never),
    };
    return cmocka_run_group_tests_name("symbol", tests, NULL, NULL);
}
