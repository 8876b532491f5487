/* test_unicode.c - the Unicode facts dlg needs beyond UTF-8's byte form
 * (interp/unicode.c, spec §4.2): a unit's name is compared in normalisation
 * form C, so "Quài Nưa" typed with composed or with decomposed accents is
 * one name; and the "skeleton" of a name (no case, no accents, đ as d, runs
 * of spaces as one, no space at either end) tells names that differ only by
 * those.
 *
 * Every byte sequence is written out by hand from the Unicode tables, with
 * the code points in a comment:
 *   à U+00E0 = C3 A0        a + U+0300 (grave)        = 61 CC 80
 *   ư U+01B0 = C6 B0        u + U+031B (horn)         = 75 CC 9B
 *   ờ U+1EDD = E1 BB 9D     o + U+031B + U+0300       = 6F CC 9B CC 80
 *   Ả U+1EA2 = E1 BA A2     A + U+0309 (hook above)   = 41 CC 89
 *   Ẳ U+1EB2 = E1 BA B2     A + U+0306 (breve) + U+0309 = 41 CC 86 CC 89
 *   ế U+1EBF = E1 BA BF     e + U+0302 (circumflex) + U+0301 (acute)
 *   Ệ U+1EC6 = E1 BB 86     E + U+0323 (dot below) + U+0302
 *   Đ U+0110 = C4 90, đ U+0111 = C4 91: letters of their own, no
 *   decomposition (hence the special fold to d, spec §4.2). */
#include "support.h"
#include "utf8.h"

#include <utf8proc.h>

#include "unicode.h"

/* ---- helpers ---------------------------------------------------------------------- */

/* The NFC form of a NUL-terminated string; its length must be strlen. */
static const char *nfc(Fixture *f, const char *s)
{
    size_t len = 12345;
    const char *out = unicode_nfc(&f->arena, s, strlen(s), &len);
    assert_non_null(out);
    assert_int_equal(len, strlen(out));
    return out;
}

static const char *skeleton(Fixture *f, const char *s)
{
    size_t len = 12345;
    char *out = unicode_skeleton(&f->arena, s, strlen(s), &len);
    assert_non_null(out);
    assert_int_equal(len, strlen(out));
    return out;
}

/* Bytes compared exactly, shown in hex when they differ. */
static void assert_bytes(const char *got, size_t got_len, const char *want, size_t want_len)
{
    if (got_len == want_len && memcmp(got, want, want_len) == 0)
        return;
    char g[256] = "", w[256] = "";
    for (size_t i = 0; i < got_len && 3 * i + 3 < sizeof g; i++)
        snprintf(g + 3 * i, 4, "%02X ", (unsigned char)got[i]);
    for (size_t i = 0; i < want_len && 3 * i + 3 < sizeof w; i++)
        snprintf(w + 3 * i, 4, "%02X ", (unsigned char)want[i]);
    fail_msg("got %zu bytes [%s], expected %zu bytes [%s]", got_len, g, want_len, w);
}

/* ---- unicode_nfc ------------------------------------------------------------------- */

TEST(nfc_composes_a_letter_and_its_combining_accent)
{
    /* "a" + U+0300 combining grave = "à" U+00E0 = C3 A0: three bytes to two */
    size_t len;
    const char *out = unicode_nfc(&f->arena, "a\xCC\x80", 3, &len);
    assert_non_null(out);
    assert_bytes(out, len, "\xC3\xA0", 2);
    assert_int_equal(out[2], '\0');     /* NUL-terminated */
}

TEST(nfc_composes_a_decomposed_vietnamese_name)
{
    /* "Quài Nưa" typed decomposed (spec §4.2): Q u a+U+0300 i space N
     * u+U+031B a = 12 bytes; composed: Q u C3A0 i space N C6B0 a = 10 */
    const char nfd[] = "Qua\xCC\x80i Nu\xCC\x9B" "a";
    assert_int_equal(sizeof nfd - 1, 12);
    size_t len;
    const char *out = unicode_nfc(&f->arena, nfd, sizeof nfd - 1, &len);
    assert_non_null(out);
    assert_bytes(out, len, "Qu\xC3\xA0i N\xC6\xB0" "a", 10);
    /* the very bytes a composed "Quài Nưa" in this source file has */
    assert_string_equal(out, "Quài Nưa");
}

TEST(nfc_composes_two_marks_on_one_letter)
{
    /* Mường Ảng decomposed: ư = u+U+031B, ờ = o+U+031B+U+0300, Ả = A+U+0309 */
    const char *nfd = "Mu\xCC\x9Bo\xCC\x9B\xCC\x80ng A\xCC\x89ng";
    assert_string_equal(nfc(f, nfd), "M\xC6\xB0\xE1\xBB\x9Dng \xE1\xBA\xA2ng");
    assert_string_equal(nfc(f, nfd), "Mường Ảng");
    /* ế: e + circumflex + acute, composed into one code point U+1EBF */
    assert_string_equal(nfc(f, "e\xCC\x82\xCC\x81"), "\xE1\xBA\xBF");
    /* Ẳ: A + breve + hook above = U+1EB2 (Mường Ẳng of §4.2) */
    assert_string_equal(nfc(f, "A\xCC\x86\xCC\x89ng"), "\xE1\xBA\xB2ng");
}

TEST(nfc_orders_marks_canonically_before_composing)
{
    /* o + grave (class 230) + horn (class 216) is canonically o + horn +
     * grave, so it is ờ U+1EDD too: typed in either order, one name */
    assert_string_equal(nfc(f, "o\xCC\x80\xCC\x9B"), "\xE1\xBB\x9D");
    assert_string_equal(nfc(f, "o\xCC\x9B\xCC\x80"), "\xE1\xBB\x9D");
}

TEST(nfc_leaves_composed_text_unchanged)
{
    /* and does not copy it: the name itself comes back */
    const char *names[] = {
        "Quài Nưa", "Mường Ảng", "Kỳ Châu", "Tuần Giáo", "Đồng Đăng", "plain ascii 123", "",
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        size_t len = 999;
        const char *out = unicode_nfc(&f->arena, names[i], strlen(names[i]), &len);
        assert_ptr_equal(out, names[i]);
        assert_int_equal(len, strlen(names[i]));
    }
    /* nor the composed part of a longer buffer, which is not NUL-terminated */
    size_t len = 999;
    const char *buffer = "Quài Nưa, Mường Ảng";
    assert_ptr_equal(unicode_nfc(&f->arena, buffer, 9, &len), buffer);
    assert_int_equal(len, 9);
}

TEST(nfc_is_not_nfkc)
{
    /* NFC keeps compatibility characters as they are (NFKC would not):
     * the ligature ﬁ U+FB01 = EF AC 81, superscript two U+00B2 = C2 B2,
     * fullwidth Ａ U+FF21 = EF BC A1 */
    assert_string_equal(nfc(f, "\xEF\xAC\x81"), "\xEF\xAC\x81");
    assert_string_equal(nfc(f, "x\xC2\xB2"), "x\xC2\xB2");
    assert_string_equal(nfc(f, "\xEF\xBC\xA1"), "\xEF\xBC\xA1");
}

TEST(nfc_reads_exactly_n_bytes)
{
    /* only the first 5 bytes "Qua" + U+0300 of a longer buffer: "Quà" */
    size_t len;
    const char *out = unicode_nfc(&f->arena, "Qua\xCC\x80i Nua", 5, &len);
    assert_non_null(out);
    assert_bytes(out, len, "Qu\xC3\xA0", 4);
    assert_int_equal(out[len], '\0');
}

TEST(nfc_returns_invalid_utf8_as_it_is)
{
    /* invalid UTF-8 (the scanner refuses it in strings already) comes back
     * as it is, not copied: */
    static const struct { const char *bytes; size_t len; } bad[] = {
        { "X\xE0", 2 },                 /* Latin-1 à: a lead byte with no continuation */
        { "a\xCC\x80\xC3", 4 },         /* a valid à in NFD, then a truncated sequence */
        { "\xED\xA0\x80", 3 },          /* a UTF-16 surrogate, U+D800 */
        { "\xC0\xAF", 2 },              /* an overlong '/' */
        { "\xFF", 1 },
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        size_t len = 999;
        const char *out = unicode_nfc(&f->arena, bad[i].bytes, bad[i].len, &len);
        assert_ptr_equal(out, bad[i].bytes);
        assert_int_equal(len, bad[i].len);
    }
}

/* The Latin letters unicode.c takes the short way for: Latin-1 from
 * U+00A0, Latin Extended-A and -B, Latin Extended Additional; and printable
 * ASCII beside them. */
static const struct { int32_t lo, hi; } latin[] = { { 0x20, 0x7E }, { 0xA0, 0x24F }, { 0x1E00, 0x1EFF } };

/* The i-th of those code points, i below latin_count(). */
static size_t latin_count(void)
{
    size_t n = 0;
    for (size_t r = 0; r < sizeof latin / sizeof *latin; r++)
        n += (size_t)(latin[r].hi - latin[r].lo + 1);
    return n;
}

static int32_t latin_cp(size_t i)
{
    for (size_t r = 0;; r++) {
        size_t n = (size_t)(latin[r].hi - latin[r].lo + 1);
        if (i < n)
            return latin[r].lo + (int32_t)i;
        i -= n;
    }
}

/* utf8proc's own answer, as unicode.c gets it the long way: the length
 * of *out (to free), which must be a length. */
#define SKELETON (UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD)
static utf8proc_ssize_t utf8proc_mapped(const char *s, size_t n, utf8proc_uint8_t **out, int options)
{
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, out,
                                      (utf8proc_option_t)(options | UTF8PROC_STABLE));
    assert_true(r >= 0);
    return r;
}

static bool utf8proc_says_nfc(const char *s, size_t n)
{
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t r = utf8proc_mapped(s, n, &out, UTF8PROC_COMPOSE);
    bool same = r == (utf8proc_ssize_t)n && memcmp(out, s, n) == 0;
    free(out);
    return same;
}

TEST(nfc_of_every_pair_of_latin_letters_is_the_pair)
{
    /* What lets unicode_nfc() return such names unread by utf8proc: each
     * letter is its own NFC and composes with none beside it. Every pair
     * of the 783 code points (all but the ASCII ones), 612,000 of them,
     * is asked of utf8proc and of unicode_nfc(). */
    size_t n = latin_count(), pairs = 0;
    assert_int_equal(n, 95 + 432 + 256);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            int32_t x = latin_cp(i), y = latin_cp(j);
            if (x < 0x80 && y < 0x80)
                continue;
            char s[8];
            size_t len = (size_t)utf8proc_encode_char(x, (utf8proc_uint8_t *)s);
            len += (size_t)utf8proc_encode_char(y, (utf8proc_uint8_t *)s + len);
            size_t got = 0;
            if (!utf8proc_says_nfc(s, len) || unicode_nfc(&f->arena, s, len, &got) != s || got != len)
                fail_msg("U+%04X U+%04X", (unsigned)x, (unsigned)y);
            pairs++;
        }
    assert_int_equal(pairs, n * n - 95 * 95);
}

TEST(nfc_takes_the_long_way_for_other_characters)
{
    /* beside a Latin letter, a combining mark (U+0300), a C1 control
     * (U+0085), a Greek letter (U+03A9) and the Ohm sign (U+2126, whose
     * NFC is U+03A9): only the last changes */
    size_t len;
    const char *s = "\xC3\xA0\xCC\x80";      /* à + grave: no composition, in NFC */
    assert_ptr_equal(unicode_nfc(&f->arena, s, strlen(s), &len), s);
    s = "\xC3\xA0\xC2\x85";
    assert_ptr_equal(unicode_nfc(&f->arena, s, strlen(s), &len), s);
    s = "\xC3\xA0\xCE\xA9";
    assert_ptr_equal(unicode_nfc(&f->arena, s, strlen(s), &len), s);
    s = "\xC3\xA0\xE2\x84\xA6";
    const char *out = unicode_nfc(&f->arena, s, strlen(s), &len);
    assert_ptr_not_equal(out, s);
    assert_bytes(out, len, "\xC3\xA0\xCE\xA9", 4);
}

/* ---- unicode_skeleton ---------------------------------------------------------------- */

TEST(skeleton_of_every_latin_letter_is_utf8procs)
{
    /* A name of Latin letters is folded a letter at a time, without
     * utf8proc_map(): each letter's skeleton must be utf8proc_map()'s
     * (decomposed, case-folded, marks stripped), đ and Đ being d. */
    for (size_t i = 0; i < latin_count(); i++) {
        int32_t x = latin_cp(i);
        if (x == ' ')
            continue;               /* a skeleton trims it */
        char s[8];
        size_t n = (size_t)utf8proc_encode_char(x, (utf8proc_uint8_t *)s);
        s[n] = '\0';
        utf8proc_uint8_t *want = NULL;
        utf8proc_ssize_t r = utf8proc_mapped(s, n, &want, SKELETON);
        if (x == 0x110 || x == 0x111)
            want[0] = 'd', r = 1;
        const char *got = skeleton(f, s);
        if (strlen(got) != (size_t)r || memcmp(got, want, (size_t)r) != 0)
            fail_msg("U+%04X", (unsigned)x);
        free(want);
    }
    /* and the characters around those ranges, which go the long way: the
     * C1 controls, IPA (U+0250-U+02AF, same lead bytes as Latin
     * Extended-B), Phonetic Extensions Supplement and Greek Extended
     * (U+1DC0-U+1DFF and U+1F00-U+1F3F, same lead byte E1) */
    static const struct { int32_t lo, hi; } around[] = {
        { 0x80, 0x9F }, { 0x250, 0x2AF }, { 0x1D80, 0x1DFF }, { 0x1F00, 0x1F3F },
    };
    for (size_t r = 0; r < sizeof around / sizeof *around; r++)
        for (int32_t x = around[r].lo; x <= around[r].hi; x++) {
            char s[16] = "A";       /* after a letter: a combining mark is one */
            size_t n = 1 + (size_t)utf8proc_encode_char(x, (utf8proc_uint8_t *)s + 1);
            s[n] = '\0';
            utf8proc_uint8_t *want = NULL;
            utf8proc_ssize_t w = utf8proc_mapped(s, n, &want, SKELETON);
            size_t len;
            const char *got = unicode_skeleton(&f->arena, s, n, &len);
            /* what the skeleton does beyond utf8proc: spaces, đ; neither here */
            if (len != (size_t)w || memcmp(got, want, len) != 0)
                fail_msg("U+%04X", (unsigned)x);
            free(want);
            /* and its NFC is utf8proc's too */
            utf8proc_ssize_t c = utf8proc_mapped(s, n, &want, UTF8PROC_COMPOSE);
            got = unicode_nfc(&f->arena, s, n, &len);
            if (len != (size_t)c || memcmp(got, want, len) != 0)
                fail_msg("NFC of U+%04X", (unsigned)x);
            free(want);
        }
    /* ŉ U+0149 folds to ʼn U+02BC n: the longest, 2 bytes to 3 */
    assert_string_equal(skeleton(f, "\xC5\x89\xC5\x89"), "\xCA\xBCn\xCA\xBCn");
}


TEST(skeleton_folds_case_accents_and_spaces)
{
    /* m-ư-ờ-n-g: ư and ờ lose horn and grave, M its case: "muong"; Ả "a" */
    assert_string_equal(skeleton(f, "Mường Ảng"), "muong ang");
    /* runs of spaces become one, and none is kept at either end */
    assert_string_equal(skeleton(f, "  Mường   Ảng "), "muong ang");
    assert_string_equal(skeleton(f, "muong ang"), "muong ang");
    assert_string_equal(skeleton(f, "MUONG ANG"), "muong ang");
    /* Ẳ (breve and hook) and Ả (hook) are both A */
    assert_string_equal(skeleton(f, "Mường Ẳng"), "muong ang");
    /* Ệ: E with dot below and circumflex, upper case: "e" */
    assert_string_equal(skeleton(f, "\xC4\x90I\xE1\xBB\x86N BI\xC3\x8AN"), "dien bien");
}

TEST(skeleton_folds_d_with_stroke)
{
    /* đ U+0111 and Đ U+0110 have no decomposition; both count as d */
    assert_string_equal(skeleton(f, "\xC4\x91"), "d");
    assert_string_equal(skeleton(f, "\xC4\x90"), "d");
    assert_string_equal(skeleton(f, "Đồng Đăng"), "dong dang");
    assert_string_equal(skeleton(f, "Dong dang"), "dong dang");
}

TEST(skeleton_of_composed_and_decomposed_is_the_same)
{
    /* "Quài Nưa" in NFD (12 bytes) and in NFC: "quai nua" */
    assert_string_equal(skeleton(f, "Qua\xCC\x80i Nu\xCC\x9B" "a"), "quai nua");
    assert_string_equal(skeleton(f, "Quài Nưa"), "quai nua");
    assert_string_equal(skeleton(f, "Quai Nua"), "quai nua");
}

TEST(skeletons_of_different_names_differ)
{
    /* "ha noi" and "ha tay" */
    assert_string_equal(skeleton(f, "Hà Nội"), "ha noi");
    assert_string_equal(skeleton(f, "Hà Tây"), "ha tay");
    assert_string_not_equal(skeleton(f, "Hà Nội"), skeleton(f, "Hà Tây"));
    /* a space is not nothing: "Ang Nua" is not "AngNua" */
    assert_string_not_equal(skeleton(f, "Ẳng Nưa"), skeleton(f, "ẲngNưa"));
    /* neither are the letters a mark sits on: Ẳng Tở is not Ẳng Nưa */
    assert_string_not_equal(skeleton(f, "Ẳng Tở"), skeleton(f, "Ẳng Nưa"));
}

TEST(skeleton_of_nothing_but_spaces_is_empty)
{
    size_t len = 999;
    const char *out = unicode_skeleton(&f->arena, "", 0, &len);
    assert_non_null(out);
    assert_int_equal(len, 0);
    assert_string_equal(out, "");
    assert_string_equal(skeleton(f, "    "), "");
    assert_string_equal(skeleton(f, " a "), "a");
}

/* ---- utf8_plain_run() (interp/utf8.h) ---------------------------------------- */

/* The run as a byte at a time says it: a plain byte, or a sequence
 * utf8_sequence() takes. */
static size_t run_by_sequence(const unsigned char *s, size_t n, const unsigned char plain[256])
{
    size_t i = 0;
    while (i < n) {
        size_t len = plain[s[i]] ? 1 : s[i] >= 0x80 ? utf8_sequence(s + i, n - i) : 0;
        if (!len)
            break;
        i += len;
    }
    return i;
}

/* The plain bytes of these tests, and utf8_all_plain()'s DFA for them */
#define TP(c) ((c) >= 0x20 && (c) < 0x7F && (c) != '"' && (c) != '\\')
#define TD(c) UTF8_DFA_ROW((c), TP(c))
static const uint64_t TEST_DFA[256] = BYTE_TABLE(TD);

/* Every sequence of one and two bytes, of three from E0 to F4, and of
 * four with the fourth at the edges of a continuation byte, whole and cut
 * short, alone and after a plain byte: the fast paths for two and three bytes say what
 * utf8_sequence() says, overlong forms, surrogates (ED A0..BF) and E0's
 * limit included; and utf8_all_plain()'s DFA takes a text whole exactly
 * when that run is all of it. */
TEST(plain_run_agrees_with_utf8_sequence)
{
    (void)f;
    unsigned char plain[256] = { 0 };
    for (int c = 0x20; c < 0x7F; c++)
        plain[c] = TP(c);
    /* a byte after a sequence's last: the edges of the continuation bytes */
    static const unsigned char edges[] = { 0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xE1 };
    unsigned char s[6];
    for (unsigned a = 0; a < 256; a++)
        for (unsigned b = 0; b < 256; b++)
            for (unsigned c = 0; c < 256; c++) {
                bool three = a >= 0xE0 && a <= 0xF4, four = a >= 0xF0 && a <= 0xF4;
                if (!three && !memchr(edges, (int)c, sizeof edges))
                    continue;
                for (size_t k = 0; k < (four ? sizeof edges : 1); k++) {
                    s[0] = 'x';
                    s[1] = (unsigned char)a;
                    s[2] = (unsigned char)b;
                    s[3] = (unsigned char)c;
                    s[4] = edges[k];
                    s[5] = 'y';
                    for (size_t from = 0; from < 2; from++)
                        for (size_t n = from; n <= 6; n++) {
                            size_t want = run_by_sequence(s + from, n - from, plain);
                            size_t got = utf8_plain_run(s + from, n - from, plain);
                            if (got != want)
                                fail_msg("%02X %02X %02X %02X from %zu, %zu bytes: %zu, not %zu", a, b, c, s[4], from,
                                         n - from, got, want);
                            if (utf8_all_plain(s + from, n - from, TEST_DFA) != (want == n - from))
                                fail_msg("DFA: %02X %02X %02X %02X from %zu, %zu bytes: run %zu", a, b, c, s[4], from,
                                         n - from, want);
                        }
                }
            }
    /* Vietnamese: every letter taken, the run ends at the quote */
    const char *v = "Hội nghị đối thoại lần 4 \"x\"";
    assert_int_equal(utf8_plain_run((const unsigned char *)v, strlen(v), plain), strchr(v, '"') - v);
    assert_true(utf8_all_plain((const unsigned char *)v, (size_t)(strchr(v, '"') - v), TEST_DFA));
    assert_false(utf8_all_plain((const unsigned char *)v, strlen(v), TEST_DFA));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(nfc_composes_a_letter_and_its_combining_accent),
        FIXTURE_TEST(nfc_composes_a_decomposed_vietnamese_name),
        FIXTURE_TEST(nfc_composes_two_marks_on_one_letter),
        FIXTURE_TEST(nfc_orders_marks_canonically_before_composing),
        FIXTURE_TEST(nfc_leaves_composed_text_unchanged),
        FIXTURE_TEST(nfc_is_not_nfkc),
        FIXTURE_TEST(nfc_reads_exactly_n_bytes),
        FIXTURE_TEST(nfc_returns_invalid_utf8_as_it_is),
        FIXTURE_TEST(nfc_of_every_pair_of_latin_letters_is_the_pair),
        FIXTURE_TEST(nfc_takes_the_long_way_for_other_characters),
        FIXTURE_TEST(skeleton_of_every_latin_letter_is_utf8procs),
        FIXTURE_TEST(skeleton_folds_case_accents_and_spaces),
        FIXTURE_TEST(skeleton_folds_d_with_stroke),
        FIXTURE_TEST(skeleton_of_composed_and_decomposed_is_the_same),
        FIXTURE_TEST(skeletons_of_different_names_differ),
        FIXTURE_TEST(skeleton_of_nothing_but_spaces_is_empty),
        FIXTURE_TEST(plain_run_agrees_with_utf8_sequence),
    };
    return cmocka_run_group_tests_name("unicode", tests, NULL, NULL);
}
