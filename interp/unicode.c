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
        return cp >= 0xA0 && cp <= 0x24F ? cp : -1;    /* not the C1 controls, nor IPA */
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
        if (u[i] < 0x80)
            k = 1;                  /* ASCII without a call: most of a name */
        else if (latin_at(u, n, i, &k) < 0)
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

/* The skeleton of each latin_at() letter beyond ASCII: utf8proc's
 * decomposition, case-folded, marks stripped, at most 3 bytes (ŉ U+0149 is
 * ʼn). Written by tools/latin-folds.c from utf8proc; test_unicode.c checks
 * every entry against utf8proc_map(). */
static const char latin_folds[432 + 256][4] = {
    /* U+00A0 */ "\xC2\xA0", "\xC2\xA1", "\xC2\xA2", "\xC2\xA3", "\xC2\xA4", "\xC2\xA5", "\xC2\xA6", "\xC2\xA7",
    /* U+00A8 */ "\xC2\xA8", "\xC2\xA9", "\xC2\xAA", "\xC2\xAB", "\xC2\xAC", "\xC2\xAD", "\xC2\xAE", "\xC2\xAF",
    /* U+00B0 */ "\xC2\xB0", "\xC2\xB1", "\xC2\xB2", "\xC2\xB3", "\xC2\xB4", "\xCE\xBC", "\xC2\xB6", "\xC2\xB7",
    /* U+00B8 */ "\xC2\xB8", "\xC2\xB9", "\xC2\xBA", "\xC2\xBB", "\xC2\xBC", "\xC2\xBD", "\xC2\xBE", "\xC2\xBF",
    /* U+00C0 */ "a", "a", "a", "a", "a", "a", "\xC3\xA6", "c",
    /* U+00C8 */ "e", "e", "e", "e", "i", "i", "i", "i",
    /* U+00D0 */ "\xC3\xB0", "n", "o", "o", "o", "o", "o", "\xC3\x97",
    /* U+00D8 */ "\xC3\xB8", "u", "u", "u", "u", "y", "\xC3\xBE", "ss",
    /* U+00E0 */ "a", "a", "a", "a", "a", "a", "\xC3\xA6", "c",
    /* U+00E8 */ "e", "e", "e", "e", "i", "i", "i", "i",
    /* U+00F0 */ "\xC3\xB0", "n", "o", "o", "o", "o", "o", "\xC3\xB7",
    /* U+00F8 */ "\xC3\xB8", "u", "u", "u", "u", "y", "\xC3\xBE", "y",
    /* U+0100 */ "a", "a", "a", "a", "a", "a", "c", "c",
    /* U+0108 */ "c", "c", "c", "c", "c", "c", "d", "d",
    /* U+0110 */ "\xC4\x91", "\xC4\x91", "e", "e", "e", "e", "e", "e",
    /* U+0118 */ "e", "e", "e", "e", "g", "g", "g", "g",
    /* U+0120 */ "g", "g", "g", "g", "h", "h", "\xC4\xA7", "\xC4\xA7",
    /* U+0128 */ "i", "i", "i", "i", "i", "i", "i", "i",
    /* U+0130 */ "i", "\xC4\xB1", "\xC4\xB3", "\xC4\xB3", "j", "j", "k", "k",
    /* U+0138 */ "\xC4\xB8", "l", "l", "l", "l", "l", "l", "\xC5\x80",
    /* U+0140 */ "\xC5\x80", "\xC5\x82", "\xC5\x82", "n", "n", "n", "n", "n",
    /* U+0148 */ "n", "\xCA\xBCn", "\xC5\x8B", "\xC5\x8B", "o", "o", "o", "o",
    /* U+0150 */ "o", "o", "\xC5\x93", "\xC5\x93", "r", "r", "r", "r",
    /* U+0158 */ "r", "r", "s", "s", "s", "s", "s", "s",
    /* U+0160 */ "s", "s", "t", "t", "t", "t", "\xC5\xA7", "\xC5\xA7",
    /* U+0168 */ "u", "u", "u", "u", "u", "u", "u", "u",
    /* U+0170 */ "u", "u", "u", "u", "w", "w", "y", "y",
    /* U+0178 */ "y", "z", "z", "z", "z", "z", "z", "s",
    /* U+0180 */ "\xC6\x80", "\xC9\x93", "\xC6\x83", "\xC6\x83", "\xC6\x85", "\xC6\x85", "\xC9\x94", "\xC6\x88",
    /* U+0188 */ "\xC6\x88", "\xC9\x96", "\xC9\x97", "\xC6\x8C", "\xC6\x8C", "\xC6\x8D", "\xC7\x9D", "\xC9\x99",
    /* U+0190 */ "\xC9\x9B", "\xC6\x92", "\xC6\x92", "\xC9\xA0", "\xC9\xA3", "\xC6\x95", "\xC9\xA9", "\xC9\xA8",
    /* U+0198 */ "\xC6\x99", "\xC6\x99", "\xC6\x9A", "\xC6\x9B", "\xC9\xAF", "\xC9\xB2", "\xC6\x9E", "\xC9\xB5",
    /* U+01A0 */ "o", "o", "\xC6\xA3", "\xC6\xA3", "\xC6\xA5", "\xC6\xA5", "\xCA\x80", "\xC6\xA8",
    /* U+01A8 */ "\xC6\xA8", "\xCA\x83", "\xC6\xAA", "\xC6\xAB", "\xC6\xAD", "\xC6\xAD", "\xCA\x88", "u",
    /* U+01B0 */ "u", "\xCA\x8A", "\xCA\x8B", "\xC6\xB4", "\xC6\xB4", "\xC6\xB6", "\xC6\xB6", "\xCA\x92",
    /* U+01B8 */ "\xC6\xB9", "\xC6\xB9", "\xC6\xBA", "\xC6\xBB", "\xC6\xBD", "\xC6\xBD", "\xC6\xBE", "\xC6\xBF",
    /* U+01C0 */ "\xC7\x80", "\xC7\x81", "\xC7\x82", "\xC7\x83", "\xC7\x86", "\xC7\x86", "\xC7\x86", "\xC7\x89",
    /* U+01C8 */ "\xC7\x89", "\xC7\x89", "\xC7\x8C", "\xC7\x8C", "\xC7\x8C", "a", "a", "i",
    /* U+01D0 */ "i", "o", "o", "u", "u", "u", "u", "u",
    /* U+01D8 */ "u", "u", "u", "u", "u", "\xC7\x9D", "a", "a",
    /* U+01E0 */ "a", "a", "\xC3\xA6", "\xC3\xA6", "\xC7\xA5", "\xC7\xA5", "g", "g",
    /* U+01E8 */ "k", "k", "o", "o", "o", "o", "\xCA\x92", "\xCA\x92",
    /* U+01F0 */ "j", "\xC7\xB3", "\xC7\xB3", "\xC7\xB3", "g", "g", "\xC6\x95", "\xC6\xBF",
    /* U+01F8 */ "n", "n", "a", "a", "\xC3\xA6", "\xC3\xA6", "\xC3\xB8", "\xC3\xB8",
    /* U+0200 */ "a", "a", "a", "a", "e", "e", "e", "e",
    /* U+0208 */ "i", "i", "i", "i", "o", "o", "o", "o",
    /* U+0210 */ "r", "r", "r", "r", "u", "u", "u", "u",
    /* U+0218 */ "s", "s", "t", "t", "\xC8\x9D", "\xC8\x9D", "h", "h",
    /* U+0220 */ "\xC6\x9E", "\xC8\xA1", "\xC8\xA3", "\xC8\xA3", "\xC8\xA5", "\xC8\xA5", "a", "a",
    /* U+0228 */ "e", "e", "o", "o", "o", "o", "o", "o",
    /* U+0230 */ "o", "o", "y", "y", "\xC8\xB4", "\xC8\xB5", "\xC8\xB6", "\xC8\xB7",
    /* U+0238 */ "\xC8\xB8", "\xC8\xB9", "\xE2\xB1\xA5", "\xC8\xBC", "\xC8\xBC", "\xC6\x9A", "\xE2\xB1\xA6", "\xC8\xBF",
    /* U+0240 */ "\xC9\x80", "\xC9\x82", "\xC9\x82", "\xC6\x80", "\xCA\x89", "\xCA\x8C", "\xC9\x87", "\xC9\x87",
    /* U+0248 */ "\xC9\x89", "\xC9\x89", "\xC9\x8B", "\xC9\x8B", "\xC9\x8D", "\xC9\x8D", "\xC9\x8F", "\xC9\x8F",
    /* U+1E00 */ "a", "a", "b", "b", "b", "b", "b", "b",
    /* U+1E08 */ "c", "c", "d", "d", "d", "d", "d", "d",
    /* U+1E10 */ "d", "d", "d", "d", "e", "e", "e", "e",
    /* U+1E18 */ "e", "e", "e", "e", "e", "e", "f", "f",
    /* U+1E20 */ "g", "g", "h", "h", "h", "h", "h", "h",
    /* U+1E28 */ "h", "h", "h", "h", "i", "i", "i", "i",
    /* U+1E30 */ "k", "k", "k", "k", "k", "k", "l", "l",
    /* U+1E38 */ "l", "l", "l", "l", "l", "l", "m", "m",
    /* U+1E40 */ "m", "m", "m", "m", "n", "n", "n", "n",
    /* U+1E48 */ "n", "n", "n", "n", "o", "o", "o", "o",
    /* U+1E50 */ "o", "o", "o", "o", "p", "p", "p", "p",
    /* U+1E58 */ "r", "r", "r", "r", "r", "r", "r", "r",
    /* U+1E60 */ "s", "s", "s", "s", "s", "s", "s", "s",
    /* U+1E68 */ "s", "s", "t", "t", "t", "t", "t", "t",
    /* U+1E70 */ "t", "t", "u", "u", "u", "u", "u", "u",
    /* U+1E78 */ "u", "u", "u", "u", "v", "v", "v", "v",
    /* U+1E80 */ "w", "w", "w", "w", "w", "w", "w", "w",
    /* U+1E88 */ "w", "w", "x", "x", "x", "x", "y", "y",
    /* U+1E90 */ "z", "z", "z", "z", "z", "z", "h", "t",
    /* U+1E98 */ "w", "y", "a\xCA\xBE", "s", "\xE1\xBA\x9C", "\xE1\xBA\x9D", "ss", "\xE1\xBA\x9F",
    /* U+1EA0 */ "a", "a", "a", "a", "a", "a", "a", "a",
    /* U+1EA8 */ "a", "a", "a", "a", "a", "a", "a", "a",
    /* U+1EB0 */ "a", "a", "a", "a", "a", "a", "a", "a",
    /* U+1EB8 */ "e", "e", "e", "e", "e", "e", "e", "e",
    /* U+1EC0 */ "e", "e", "e", "e", "e", "e", "e", "e",
    /* U+1EC8 */ "i", "i", "i", "i", "o", "o", "o", "o",
    /* U+1ED0 */ "o", "o", "o", "o", "o", "o", "o", "o",
    /* U+1ED8 */ "o", "o", "o", "o", "o", "o", "o", "o",
    /* U+1EE0 */ "o", "o", "o", "o", "u", "u", "u", "u",
    /* U+1EE8 */ "u", "u", "u", "u", "u", "u", "u", "u",
    /* U+1EF0 */ "u", "u", "y", "y", "y", "y", "y", "y",
    /* U+1EF8 */ "y", "y", "\xE1\xBB\xBB", "\xE1\xBB\xBB", "\xE1\xBB\xBD", "\xE1\xBB\xBD", "\xE1\xBB\xBF", "\xE1\xBB\xBF",
};

/* The skeleton's last step, byte by byte (skeleton_byte): runs of white
 * space become one space, and none leads; đ (U+0111), a letter of its own
 * and not d with a mark, is folded too (skeleton_text, which sees its two
 * bytes together). */
typedef struct Skeleton {
    char *out;
    size_t n;
    bool space;             /* the last byte written is a space, or none is */
} Skeleton;

static inline void skeleton_byte(Skeleton *k, unsigned char c)
{
    if (c == ' ' || c == '\t') {
        if (!k->space)
            k->out[k->n++] = ' ';
        k->space = true;
    } else {
        k->out[k->n++] = (char)c;
        k->space = false;
    }
}

/* Bytes decomposed, case-folded and without marks: đ one letter. */
static void skeleton_text(Skeleton *k, const unsigned char *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (t[i] == 0xC4 && i + 1 < n && t[i + 1] == 0x91) {
            skeleton_byte(k, 'd');
            i++;
        } else {
            skeleton_byte(k, t[i]);
        }
    }
}

/* Trimmed and NUL-terminated; its length. */
static size_t skeleton_end(Skeleton *k)
{
    if (k->n && k->out[k->n - 1] == ' ')
        k->n--;
    k->out[k->n] = '\0';
    return k->n;
}

/* The skeleton of s into k (2n + 1 bytes), a letter at a time from
 * latin_folds, ASCII without a call: for a string of latin_at()
 * characters, whose folded forms are at most 1.5 times as long. False, k
 * spoilt, when s has another character. */
static bool latin_skeleton(const char *s, size_t n, Skeleton *k)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0, w; i < n; i += w) {
        unsigned char c = u[i];
        if (c < 0x80) {
            skeleton_byte(k, c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c);
            w = 1;
            continue;
        }
        int32_t cp = latin_at(u, n, i, &w);
        if (cp < 0)
            return false;
        const char *fold = latin_folds[cp < 0x250 ? cp - 0xA0 : 432 + cp - 0x1E00];
        skeleton_text(k, (const unsigned char *)fold, strnlen(fold, 3));    /* 3 bytes for 2, at most */
    }
    return true;
}

char *unicode_skeleton(Arena *a, const char *s, size_t n, size_t *len)
{
    /* the buffer is lost when s is not Latin: 2n + 1 bytes, once */
    char *buf = n < SIZE_MAX / 2 ? arena_alloc(a, 2 * n + 1) : NULL;
    if (!buf)
        return NULL;
    Skeleton k = { buf, 0, true };
    if (!latin_skeleton(s, n, &k)) {
        size_t m;
        char *folded = mapped(a, s, n, SKELETON_OPTIONS, &m);
        if (!folded)
            return NULL;
        k = (Skeleton){ folded, 0, true };  /* in place: it never writes ahead of what it reads */
        skeleton_text(&k, (const unsigned char *)folded, m);
    }
    *len = skeleton_end(&k);
    return k.out;
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
