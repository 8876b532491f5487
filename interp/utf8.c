/* utf8.c - validating and cutting UTF-8 (RFC 3629). */
#include "utf8.h"

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
