/* resolve.h - name resolution of expressions (spec §7), once, after every
 * file is read and the derived values are known: each call to its
 * function and the KIND it ranges over, each path to a figure path or to a
 * name its scope gives (§7.2). The answers go into a side table keyed by
 * the expression; the syntax tree is never written.
 *
 * Resolving is also validating: an unknown function, a wrong number of
 * arguments, a bad KIND or a second argument after `document` is an error;
 * a figure path that nothing in the report declares or contributes is a
 * warning with the nearest known path as a hint (a rulebook may name
 * figures a submission lacks), at most RESOLVE_MAX_NAME_WARNINGS of them.
 *
 * Ownership: the Resolution lives in the arena passed to resolve_run(). */
#ifndef DLG_RESOLVE_H
#define DLG_RESOLVE_H

#include <stdbool.h>

#include "derive.h"
#include "diag.h"
#include "model.h"

enum { RESOLVE_MAX_NAME_WARNINGS = 20 };

/* Functions: name, fewest and most arguments (spec §7.4). */
#define FUNCTIONS(X)                                   \
    X(FN_PERCENT, "percent", 2, 2)                     \
    X(FN_SHARE, "share", 2, 2)                         \
    X(FN_COUNT, "count", 1, 2)                         \
    X(FN_SUM, "sum", 2, 2)                             \
    X(FN_MEAN, "mean", 2, 2)                           \
    X(FN_YEARS, "years", 0, 0)                         \
    X(FN_DAYS, "days", 2, 2)                           \
    X(FN_WORKING_DAYS, "working_days", 2, 2)           \
    X(FN_KNOWN, "known", 1, 1)                         \
    X(FN_MIN, "min", 2, 2)                             \
    X(FN_MAX, "max", 2, 2)

typedef enum {
#define X(k, name, lo, hi) k,
    FUNCTIONS(X)
#undef X
} Function;

typedef struct Resolved {
    /* EXPR_PATH */
    ScopeName scope_name;   /* what the scope gives, or NAME_FIGURE */
    const Symbol *first;    /* the path's first name */
    const Symbol *path;     /* the figure path; NULL when no figure has it */
    const char *text;       /* the path as written: "opinions.resolved" */
    /* EXPR_CALL */
    Function fn;
    Selector sel;           /* the KIND of share, count, sum, mean */
} Resolved;

typedef struct Resolution Resolution;

/* Resolve the expressions of every rule and indicator. *ok is false when an
 * error was reported; NULL when out of memory. */
Resolution *resolve_run(const Model *m, const Derived *d, Arena *a, Diag *diag, bool *ok);
/* What a path or a call resolved to (never NULL for one resolve_run saw). */
const Resolved *resolve_get(const Resolution *r, const Expr *e);

#endif
