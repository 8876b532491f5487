/* compare.h - two periods side by side (spec §12.1): the indicators of
 * the report and of its previous period (`--previous FILE`), matched by
 * identifier and subject, with the change of each.
 *
 * Ownership: compare_results() reads both results and allocates the rows
 * in the arena given; it changes neither result. */
#ifndef DLG_COMPARE_H
#define DLG_COMPARE_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "model.h"
#include "result.h"

typedef struct Compared {
    const IndicatorDef *def;        /* the current report's indicator */
    const char *subject;            /* NULL for the report's own row */
    const char *key;                /* the subject in English (format_indicator_key), for machines */
    ValueUnit unit;
    Number previous, current;       /* unknown when a side has no value */
    Number difference;              /* current - previous; percentage points for a percentage */
    Number relative;                /* the difference as a percentage of previous; unknown for a
                                     * percentage, or when previous is 0 */
    const char *note;               /* why a side is missing, if one is */
    struct Compared *next;
} Compared;

typedef struct Comparison {
    const Header *previous;         /* the previous report's header */
    const char *const *files;       /* its files, as given */
    int nfiles;
    bool consecutive;               /* its period ends the day before this one starts */
    Compared *rows;
} Comparison;

/* Every indicator row of `current`, with its match in `previous` (same
 * identifier and subject), in the current report's order; then the rows
 * only the previous report has. NULL when out of memory. */
Comparison *compare_results(Arena *a, const Header *previous_header, const Result *previous,
                            const Header *current_header, const Result *current);

#endif
