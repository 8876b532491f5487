/* unicode.c - normalisation and skeletons by utf8proc. */
#include "unicode.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* utf8proc's result, copied into the arena (utf8proc allocates with malloc). */
static char *mapped(Arena *a, const char *s, size_t n, utf8proc_option_t options, size_t *len)
{
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &out,
                                      (utf8proc_option_t)(options | UTF8PROC_STABLE));
    if (r < 0) {
        free(out);
        if (r == UTF8PROC_ERROR_NOMEM)
            return NULL;
        *len = n;                   /* not valid UTF-8: as it is */
        return arena_strndup(a, s, n);
    }
    char *copy = arena_strndup(a, (const char *)out, (size_t)r);
    free(out);
    *len = (size_t)r;
    return copy;
}

/* ---- the common case, without utf8proc_map() -------------------------------------
 * utf8proc_map() costs about 9,000 instructions for a name of 30 bytes (a
 * malloc, two passes over it), and a national report has a million unit
 * names. They are written in ASCII and the Latin letters Vietnamese uses:
 * Latin-1 (U+00A0-U+00FF), Latin Extended-A and -B (U+0100-U+024F), Latin
 * Extended Additional (U+1E00-U+1EFF). Each of those has combining class 0
 * and is its own NFC, alone and beside any other of them or any ASCII
 * character (tests/unit/test_unicode.c checks every such pair against
 * utf8proc): a string of them only is in NFC, and its skeleton is its
 * characters' skeletons one after the other. Any other string goes the
 * whole way. */

/* The code point at s[i..n) when it is ASCII or one of those letters, its
 * length in *k; -1 for any other character and for bytes that are not
 * valid UTF-8. */
static int32_t latin_at(const unsigned char *s, size_t n, size_t i, size_t *k)
{
    unsigned char c = s[i];
    if (c < 0x80) {
        *k = 1;
        return c;
    }
    if (c >= 0xC2 && c <= 0xC9 && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
        int32_t cp = (int32_t)(c & 0x1F) << 6 | (s[i + 1] & 0x3F);
        *k = 2;
        return cp >= 0xA0 ? cp : -1;            /* U+0080-U+009F are controls */
    }
    if (c == 0xE1 && i + 2 < n && s[i + 1] >= 0xB8 && s[i + 1] <= 0xBB && (s[i + 2] & 0xC0) == 0x80) {
        *k = 3;
        return 0x1000 | (int32_t)(s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F);
    }
    return -1;
}

/* Is s[0..n) made of latin_at() characters only? */
static bool all_latin(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0, k; i < n; i += k)
        if (latin_at(u, n, i, &k) < 0)
            return false;
    return true;
}

/* Most names are in NFC already (every ASCII one is): they are returned as
 * they are, so a million unit names leave no copies behind them. */
const char *unicode_nfc(Arena *a, const char *s, size_t n, size_t *len)
{
    *len = n;
    if (all_latin(s, n))
        return s;
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &out,
                                      (utf8proc_option_t)(UTF8PROC_COMPOSE | UTF8PROC_STABLE));
    if (r == UTF8PROC_ERROR_NOMEM)
        return NULL;
    const char *nfc = s;            /* not valid UTF-8, or in NFC: as it is */
    if (r >= 0 && ((size_t)r != n || memcmp(out, s, n) != 0)) {
        nfc = arena_strndup(a, (const char *)out, (size_t)r);
        *len = (size_t)r;
    }
    free(out);
    return nfc;
}

#define SKELETON_OPTIONS ((utf8proc_option_t)(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD))

/* s decomposed, case-folded and without marks, a character at a time (no
 * malloc): for a string of latin_at() characters, whose folded forms are
 * at most 1.5 times as long (ŉ U+0149, 2 bytes, is ʼn, 3). NULL when s
 * has another character or out of memory. */
static char *latin_folded(Arena *a, const char *s, size_t n, size_t *len)
{
    const unsigned char *u = (const unsigned char *)s;
    if (!all_latin(s, n))
        return NULL;
    size_t cap = 2 * n + 8;
    char *out = arena_alloc(a, cap);
    if (!out)
        return NULL;
    size_t m = 0;
    for (size_t i = 0, k; i < n; i += k) {
        int32_t cp = latin_at(u, n, i, &k);
        if (cp < 0x80) {
            out[m++] = (char)(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
            continue;
        }
        utf8proc_int32_t d[4];
        utf8proc_ssize_t nd = utf8proc_decompose_char(cp, d, 4, SKELETON_OPTIONS, NULL);
        if (nd < 0 || nd > 4)
            return NULL;            /* cannot be (see above): the long way */
        for (utf8proc_ssize_t j = 0; j < nd; j++) {
            if (cap - m < 5)
                return NULL;        /* nor this */
            m += (size_t)utf8proc_encode_char(d[j], (utf8proc_uint8_t *)out + m);
        }
    }
    out[m] = '\0';
    *len = m;
    return out;
}

char *unicode_skeleton(Arena *a, const char *s, size_t n, size_t *len)
{
    size_t m;
    char *folded = latin_folded(a, s, n, &m);
    if (!folded)
        folded = mapped(a, s, n, SKELETON_OPTIONS, &m);
    if (!folded)
        return NULL;
    /* đ (U+0111) is a letter of its own, not d with a mark: fold it too;
     * collapse runs of white space and trim them */
    size_t k = 0;
    bool space = true;
    for (size_t i = 0; i < m; i++) {
        unsigned char c = (unsigned char)folded[i];
        if (c == 0xC4 && i + 1 < m && (unsigned char)folded[i + 1] == 0x91) {
            folded[k++] = 'd';
            i++;
            space = false;
        } else if (c == ' ' || c == '\t') {
            if (!space)
                folded[k++] = ' ';
            space = true;
        } else {
            folded[k++] = (char)c;
            space = false;
        }
    }
    if (k && folded[k - 1] == ' ')
        k--;
    folded[k] = '\0';
    *len = k;
    return folded;
}

int unicode_columns(const char *s, size_t n, size_t *len)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp);
    if (k <= 0) {
        *len = 1;
        return 1;
    }
    *len = (size_t)k;
    int w = utf8proc_charwidth(cp);
    return w < 0 ? 1 : w;
}
