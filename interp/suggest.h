/* suggest.h - "did you mean": of the candidate names offered, the nearest
 * to a misspelt one, within two edits (inserting, deleting or replacing one
 * byte each). Ties go to the first in byte order, so a suggestion never
 * depends on the order candidates are offered in. No allocation. */
#ifndef DLG_SUGGEST_H
#define DLG_SUGGEST_H

#include <stddef.h>

typedef struct Suggest {
    const char *name;       /* the name looked for */
    size_t len;
    const char *best;       /* the nearest candidate so far, or NULL */
    size_t best_distance;
} Suggest;

void suggest_init(Suggest *s, const char *name);
void suggest_offer(Suggest *s, const char *candidate, size_t len);
/* The nearest candidate within two edits, or NULL. */
const char *suggest_best(const Suggest *s);

#endif
