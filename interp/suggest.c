/* suggest.c - the nearest name by edit distance. */
#include "suggest.h"

#include <string.h>

enum {
    MAX_EDITS = 2,          /* farther than this is no suggestion */
    MAX_LEN = 63,           /* longer names are never near anything */
};

/* Levenshtein distance by one row; MAX_EDITS + 1 when either is too long. */
static size_t edit_distance(const char *a, size_t la, const char *b, size_t lb)
{
    if (la > MAX_LEN || lb > MAX_LEN)
        return MAX_EDITS + 1;
    size_t row[MAX_LEN + 1];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t prev = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cur = row[j];
            size_t best = prev + (a[i - 1] != b[j - 1]);
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            prev = cur;
        }
    }
    return row[lb];
}

void suggest_init(Suggest *s, const char *name)
{
    s->name = name;
    s->len = strlen(name);
    s->best = NULL;
    s->best_distance = MAX_EDITS + 1;
}

void suggest_offer(Suggest *s, const char *candidate, size_t len)
{
    if (len + MAX_EDITS < s->len || len > s->len + MAX_EDITS)
        return;                     /* too different in length to be near */
    size_t d = edit_distance(s->name, s->len, candidate, len);
    if (d < s->best_distance || (d == s->best_distance && s->best && strcmp(candidate, s->best) < 0)) {
        s->best_distance = d;
        s->best = candidate;
    }
}

const char *suggest_best(const Suggest *s)
{
    return s->best;
}
