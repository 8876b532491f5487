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

char *unicode_nfc(Arena *a, const char *s, size_t n, size_t *len)
{
    return mapped(a, s, n, UTF8PROC_COMPOSE, len);
}

char *unicode_skeleton(Arena *a, const char *s, size_t n, size_t *len)
{
    size_t m;
    char *folded = mapped(a, s, n, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD, &m);
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
