/* resolve.h - name resolution of expressions (spec §7), once, after every
 * file is read: each call to its function and the KIND it ranges over,
 * each path to a cell of a figure of the vocabulary or to a name its scope
 * gives (§7.2). The answers go into a side table keyed by the expression;
 * the syntax tree and the symbol table are never written.
 *
 * Resolving is also validating, against the vocabulary (spec §14): an
 * unknown function, figure, part or KIND, a wrong number of arguments, a
 * second argument after `document`, or a string compared with an
 * attribute that is none of its words is an error, with the nearest name
 * as a hint. A figure the vocabulary knows but the report does not give is
 * no error: its value is unknown where it is asked for.
 *
 * Ownership: the Resolution lives in the arena passed to resolve_run(). */
#ifndef DLG_RESOLVE_H
#define DLG_RESOLVE_H

#include <stdbool.h>

#include "diag.h"
#include "model.h"

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
    X(FN_DEADLINE, "deadline", 2, 2)                   \
    X(FN_WORKING_DEADLINE, "working_deadline", 2, 2)   \
    X(FN_PASSED, "passed", 1, 1)                       \
    X(FN_KNOWN, "known", 1, 1)                         \
    X(FN_MIN, "min", 2, 2)                             \
    X(FN_MAX, "max", 2, 2)

typedef enum {
#define X(k, name, lo, hi) k,
    FUNCTIONS(X)
#undef X
} Function;

/* share, count, sum and mean nested deeper than this are an error (spec §2.7). */
enum { RESOLVE_MAX_AGGREGATES = 16 };

typedef struct Resolved {
    /* EXPR_PATH */
    ScopeName scope_name;   /* what the scope gives, or NAME_FIGURE */
    const Symbol *first;    /* the path's first name */
    const FigureDecl *figure;           /* the vocabulary's figure */
    const Part *cell[VOCAB_MAX_DIMS];   /* its parts, by dimension */
    Window win;             /* the window of time the path names (gifts.y2020), if any */
    bool period_end;        /* period.end, not period.start */
    const Symbol *path;     /* canonical; NULL when no unit has this cell */
    const char *text;       /* the path as written: "opinions.resolved" */
    /* EXPR_CALL */
    Function fn;
    Selector sel;           /* the KIND of share, count, sum, mean */
    const RuleDef *rule;    /* passed(RULE) */
} Resolved;

typedef struct Resolution Resolution;

/* Resolve the expressions of every rule and indicator. *ok is false when an
 * error was reported; NULL when out of memory. */
Resolution *resolve_run(const Model *m, Arena *a, Diag *diag, bool *ok);
/* What the expressions ask of the values derived (derive.c): the figure
 * paths they name, and the dimensions they range over (`each` and `per` a
 * dimension, count(level, ...)). Evaluated in the scope of a part of such
 * a dimension, a path leaving that dimension free asks for the part's
 * cell (`people` per level is people.district_level). A path naming a
 * part no figure has (absent) is not among them. Lives as long as the
 * Resolution. */
typedef struct Demand {
    const Resolved *const *paths;   /* each with its figure and cell */
    uint32_t npaths;
    const Dimension *const *dims;
    uint32_t ndims;
} Demand;

Demand resolve_demand(const Resolution *r);
/* What a path or a call resolved to (never NULL for one resolve_run saw). */
const Resolved *resolve_get(const Resolution *r, const Expr *e);

#endif
