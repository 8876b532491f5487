/* unicode.h - the Unicode facts dlg needs beyond UTF-8's byte form, from
 * utf8proc (Debian's libutf8proc): a unit's name compared and printed in
 * normalisation form C, so the same name typed composed or decomposed is
 * one name; and a "skeleton" of a name, without case, accents or repeated
 * spaces, to tell names that differ only by those.
 *
 * Ownership: results are copied into the arena passed, but unicode_nfc()'s
 * when it is its argument. */
#ifndef DLG_UNICODE_H
#define DLG_UNICODE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/* The NFC form of s[0..n), its length in *len: s itself when s is in NFC
 * already (every ASCII string is) or is not valid UTF-8 (the scanner
 * refused that already), else a NUL-terminated copy in the arena. NULL
 * when out of memory. */
const char *unicode_nfc(Arena *a, const char *s, size_t n, size_t *len);

/* s without accents, case or repeated spaces: "Mường  Ảng" and "muong ang"
 * have one skeleton (đ counts as d). NULL when out of memory. */
char *unicode_skeleton(Arena *a, const char *s, size_t n, size_t *len);

/* Columns the character at s takes on a terminal (0 for a combining mark,
 * 2 for a wide one, 1 otherwise), and its length in bytes in *len (1 for a
 * byte that starts no valid character). */
int unicode_columns(const char *s, size_t n, size_t *len);

#endif
