/* utf8.c - validating and cutting UTF-8 (RFC 3629). */
#include "utf8.h"

size_t utf8_sequence(const unsigned char *s, size_t n)
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

size_t utf8_cut(const char *s, size_t n, size_t max)
{
    if (n <= max)
        return n;
    size_t cut = max;
    while (cut > 0 && max - cut < 4 && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--;                  /* s[cut] would be a continuation byte */
    /* no lead byte within the last 4: not UTF-8 there, cut the bytes */
    return ((unsigned char)s[cut] & 0xC0) == 0x80 ? max : cut;
}
