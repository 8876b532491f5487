/* derive.h - derived values (spec §5.3, §5.4): what every unit, session and
 * the report compute from their breakdowns, their children and the entries
 * they list. derive_run() makes one bottom-up pass over the model into a
 * table this module owns; the checks and the evaluator read that table.
 * Nothing here writes into the model, the syntax tree or the symbol table.
 *
 * The table is keyed by (node, figure path, period); the period is 0 (the
 * whole report period) until values are derived per year or month.
 *
 * Ownership: a Derived and everything it holds live in the arena passed to
 * derive_run(); it is read-only once built. */
#ifndef DLG_DERIVE_H
#define DLG_DERIVE_H

#include <stdbool.h>
#include <stdint.h>

#include "model.h"
#include "resolve.h"
#include "result.h"

/* What a value may be, when it is approximate (spec §6.5): `about N` is N
 * within its tolerance, `over N` more than N, `nearly N` up to N; an exact
 * value is [v, v]. Sums of approximate values add their ranges, so
 * `over 11_000` + `about 3_600` is at least 14,241. */
typedef struct Range {
    int64_t lo, hi;
    bool unbounded;         /* no upper end: hi means nothing */
} Range;

/* The tolerance of N: 10 % of |N| rounded up, at least 1 (spec §6.5). */
int64_t derive_tolerance(int64_t n);
/* The range of a declared value. */
Range derive_range(const Quantity *q);
/* acc += r; false when the sum does not fit in 64 bits. */
bool derive_range_add(Range *acc, Range r);

/* What a node's children and entries add up to for one path (§5.4 step 3). */
typedef struct Aggregate {
    Wide sum;               /* exact: it cannot overflow, however many are added */
    int64_t lo, hi;         /* what the sum may be, from approximate
                             * contributions: derive_aggregate_range() */
    uint32_t units;         /* child units that provided a value */
    uint32_t sessions;      /* sessions that provided a value */
    uint32_t entries;       /* opinions, documents, sessions counted */
    bool unbounded : 1;     /* the range has no upper end */
    bool approx : 1;        /* some contribution was approximate */
    bool declared : 1;      /* some contribution was declared, not listed */
    bool money : 1;
} Aggregate;                /* 48 bytes; derive.c keeps most as a count alone,
                             * the others in 24 (Kept) */

static inline Range derive_aggregate_range(const Aggregate *a)
{
    return (Range){ a->lo, a->hi, a->unbounded };
}

/* Does the sum fit in the 64 bits a Value holds? A sum that does not is
 * still exact for the checks (check.c); as a Value it is unknown. */
static inline bool derive_fits(Wide v) { return v >= INT64_MIN && v <= INT64_MAX; }

/* The value of a path at a node (spec §5.4): declared, else derived. */
typedef struct Value {
    bool known;
    bool approx;
    bool money;
    bool declared;          /* false: computed from entries and children */
    bool from_declared;     /* declared here or somewhere below */
    bool percent;           /* a percentage: value / 10^decimals */
    uint8_t decimals;
    int64_t value;          /* approximate: the sum of the nominal values */
    Range range;            /* approximate: what it may be */
    bool too_large;         /* unknown because it does not fit in 64 bits */
} Value;

typedef struct Derived Derived;

/* Derive the values of the model that are asked for: those of the paths
 * declared by units (and sessions) with something below them to add up,
 * those its expressions name (`res`, resolve_demand()) and those its
 * vocabulary relates (derive.c says which); every value when `res` is
 * NULL. A path no one asks for has no derived value anywhere: a path
 * only villages declare, which no expression names, is unknown at their
 * commune (derive_value(), derive_aggregate()), though the villages'
 * own figures are read as declared. A new reader of derived values asks
 * for what it reads in derive.c. NULL when out of memory. */
Derived *derive_run(const Model *m, const Resolution *res, Arena *a);

/* The value of `path` at node n (spec §5.4, steps 1 to 5). */
Value derive_value(const Derived *d, const Node *n, const Symbol *path);
/* What n's children and entries add up to for a path, by the id of its
 * symbol (a figure's path_id), into *out; false when none provides it. */
bool derive_aggregate(const Derived *d, const Node *n, uint32_t path_id, Aggregate *out);
/* False when derive_aggregate() is false for every path at n (a unit
 * nothing below adds to: a village of figures alone). */
bool derive_any(const Derived *d, const Node *n);
/* A part's value as a sum sees it: declared (approximate included), or the
 * sum of its complete breakdown when declared '?' (§5.4 step 2). False
 * when it has none. n: the unit that declares f. */
bool derive_part_value(const Derived *d, const Node *n, const Figure *f, Value *value);


#endif
