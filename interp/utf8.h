/* utf8.h - the UTF-8 facts the scanner, the diagnostics and the JSON writer
 * share. Pure functions over bytes; no allocation. */
#ifndef DLG_UTF8_H
#define DLG_UTF8_H

#include <stddef.h>

/* Length (2-4) of the valid multi-byte sequence at s, of at most n bytes, or
 * 0 when it is not one (bad lead byte, missing continuation, overlong form,
 * surrogate, beyond U+10FFFF). ASCII is not handled here. */
size_t utf8_sequence(const unsigned char *s, size_t n);

/* The largest length <= max that does not cut a character of s[0..n);
 * where s is not UTF-8 there (a run of continuation bytes), max. */
size_t utf8_cut(const char *s, size_t n, size_t max);

#endif
