/* utf8.h - the UTF-8 facts the scanner, the diagnostics and the JSON writer
 * share. Pure functions over bytes; no allocation. utf8_sequence() is
 * inline: the scanner and the writers call it for every character of a
 * Vietnamese string. */
#ifndef DLG_UTF8_H
#define DLG_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Length (2-4) of the valid multi-byte sequence at s, of at most n bytes, or
 * 0 when it is not one (bad lead byte, missing continuation, overlong form,
 * surrogate, beyond U+10FFFF). ASCII is not handled here. */
static inline size_t utf8_sequence(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (!len || len > n)
        return 0;
    for (size_t j = 1; j < len; j++)
        if ((s[j] & 0xC0) != 0x80)
            return 0;
    if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0) ||
        (c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90))
        return 0;               /* overlong, surrogate, beyond U+10FFFF */
    return len;
}

/* A table of 256 bytes, one for each byte value c, made at compile time
 * from F(c), a macro of one argument: the tables of what a byte is that
 * the scanner and the writers look up for every byte they read. */
#define UTF8_TABLE4_(F, c) F(c), F((c) + 1), F((c) + 2), F((c) + 3)
#define UTF8_TABLE16_(F, c) UTF8_TABLE4_(F, c), UTF8_TABLE4_(F, (c) + 4), UTF8_TABLE4_(F, (c) + 8), UTF8_TABLE4_(F, (c) + 12)
#define UTF8_TABLE64_(F, c) UTF8_TABLE16_(F, c), UTF8_TABLE16_(F, (c) + 16), UTF8_TABLE16_(F, (c) + 32), UTF8_TABLE16_(F, (c) + 48)
#define BYTE_TABLE(F) { UTF8_TABLE64_(F, 0), UTF8_TABLE64_(F, 64), UTF8_TABLE64_(F, 128), UTF8_TABLE64_(F, 192) }

/* How many bytes from the start of s[0..n) are text to keep as it is:
 * ASCII bytes that `plain` (a table of 256, 0 from 0x80) marks, and valid
 * multi-byte sequences; it stops at the first byte that is neither. The
 * scanner's strings and the JSON writer's text go through it, mostly
 * Vietnamese: a letter of two or three bytes every few bytes, each told
 * valid by a test or two rather than by utf8_sequence(). */
static inline size_t utf8_plain_run(const unsigned char *s, size_t n, const unsigned char plain[256])
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (plain[c]) {
            i++;
        } else if (c >= 0xC2 && c <= 0xDF && n - i >= 2 && (s[i + 1] & 0xC0) == 0x80) {
            i += 2;             /* đ, ơ, ư, Ă, ... */
        } else if (c >= 0xE1 && c <= 0xEF && c != 0xED && n - i >= 3 &&
                   ((s[i + 1] ^ 0x80) | (s[i + 2] ^ 0x80)) < 0x40) {
            i += 3;             /* ạ, ế, ộ, ... (U+1E00 and on); E0 and ED have limits of their own */
        } else {
            size_t len = c >= 0x80 ? utf8_sequence(s + i, n - i) : 0;
            if (!len)
                break;
            i += len;
        }
    }
    return i;
}

/* Whether all of s[0..n) is text to keep as it is, as utf8_plain_run()
 * would find it, told by a DFA with one table lookup and one shift a byte
 * and no branch but the loop's: a Vietnamese string mixes ASCII letters
 * and letters of two and three bytes in no order a branch can predict.
 * The DFA's states are bit offsets into a row of 64 bits (one row a byte
 * value): the row's 6 bits at the current state's offset are the next
 * state's. Rejected (0, where every row keeps it) is where it stays. A
 * table is made at compile time as BYTE_TABLE(F), F(c) being
 * UTF8_DFA_ROW(c, PLAIN(c)) with PLAIN(c) true for the ASCII bytes that
 * are plain. Callers keep utf8_plain_run() for a text that is not all
 * plain, to find where it stops. */
enum {
    UTF8_DFA_REJECT = 0, UTF8_DFA_ACCEPT = 6,
    UTF8_DFA_TAIL1 = 12, UTF8_DFA_TAIL2 = 18, UTF8_DFA_TAIL3 = 24,     /* continuation bytes to go */
    UTF8_DFA_E0 = 30, UTF8_DFA_ED = 36, UTF8_DFA_F0 = 42, UTF8_DFA_F4 = 48  /* leads with a narrower second byte */
};
#define UTF8_DFA_(from, to) ((uint64_t)(to) << (from))
#define UTF8_DFA_ROW(c, plain)                                                                          \
    ((c) < 0x80 ? ((plain) ? UTF8_DFA_(UTF8_DFA_ACCEPT, UTF8_DFA_ACCEPT) : 0)                             \
     : (c) < 0xC0 ? UTF8_DFA_(UTF8_DFA_TAIL1, UTF8_DFA_ACCEPT) | UTF8_DFA_(UTF8_DFA_TAIL2, UTF8_DFA_TAIL1) | \
                        UTF8_DFA_(UTF8_DFA_TAIL3, UTF8_DFA_TAIL2) |                                        \
                        ((c) >= 0xA0 ? UTF8_DFA_(UTF8_DFA_E0, UTF8_DFA_TAIL1) : 0) |                       \
                        ((c) < 0xA0 ? UTF8_DFA_(UTF8_DFA_ED, UTF8_DFA_TAIL1) : 0) |                        \
                        ((c) >= 0x90 ? UTF8_DFA_(UTF8_DFA_F0, UTF8_DFA_TAIL2) : 0) |                       \
                        ((c) < 0x90 ? UTF8_DFA_(UTF8_DFA_F4, UTF8_DFA_TAIL2) : 0)                          \
     : (c) < 0xC2 ? 0                                                                                      \
     : (c) < 0xE0 ? UTF8_DFA_(UTF8_DFA_ACCEPT, UTF8_DFA_TAIL1)                                             \
     : (c) == 0xE0 ? UTF8_DFA_(UTF8_DFA_ACCEPT, UTF8_DFA_E0)                                               \
     : (c) == 0xED ? UTF8_DFA_(UTF8_DFA_ACCEPT, UTF8_DFA_ED)                                               \
     : (c) < 0xF0 ? UTF8_DFA_(UTF8_DFA_ACCEPT, UTF8_DFA_TAIL2)                                             \
     : (c) == 0xF0 ? UTF8_DFA_(UTF8_DFA_ACCEPT, UTF8_DFA_F0)                                               \
     : (c) < 0xF4 ? UTF8_DFA_(UTF8_DFA_ACCEPT, UTF8_DFA_TAIL3)                                             \
     : (c) == 0xF4 ? UTF8_DFA_(UTF8_DFA_ACCEPT, UTF8_DFA_F4) : 0)

static inline bool utf8_all_plain(const unsigned char *s, size_t n, const uint64_t dfa[256])
{
    uint64_t state = UTF8_DFA_ACCEPT;
    for (size_t i = 0; i < n; i++)
        state = dfa[s[i]] >> (state & 63);
    return (state & 63) == UTF8_DFA_ACCEPT;
}

/* The largest length <= max that does not cut a character of s[0..n);
 * where s is not UTF-8 there (a run of continuation bytes), max. */
size_t utf8_cut(const char *s, size_t n, size_t max);

#endif
