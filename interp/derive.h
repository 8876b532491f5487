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

/* What a node's children and entries add up to for one path (§5.4 step 3). */
typedef struct Aggregate {
    int64_t sum;
    uint32_t units;         /* child units that provided a value */
    uint32_t sessions;      /* sessions that provided a value */
    uint32_t entries;       /* opinions, documents, sessions counted */
    bool approx;            /* some contribution was approximate */
    bool declared;          /* some contribution was declared, not listed */
    bool money;
    bool overflow;          /* the sum does not fit in 64 bits */
} Aggregate;

/* The value of a path at a node (spec §5.4): declared, else derived. */
typedef struct Value {
    bool known;
    bool approx;
    bool money;
    bool declared;          /* false: computed from entries and children */
    bool from_declared;     /* declared here or somewhere below */
    bool percent;           /* a percentage: value / 10^decimals */
    uint8_t decimals;
    int64_t value;
} Value;

typedef struct Derived Derived;

/* Derive every value of the model; NULL when out of memory. */
Derived *derive_run(const Model *m, Arena *a);

/* The value of `path` at node n (spec §5.4, steps 1 to 5). */
Value derive_value(const Derived *d, const Node *n, const Symbol *path);
/* What n's children and entries add up to for `path`, or NULL when none
 * provides it. */
const Aggregate *derive_aggregate(const Derived *d, const Node *n, const Symbol *path);
/* A part's value as a sum sees it: declared (approximate included), or the
 * sum of its complete breakdown when declared '?' (§5.4 step 2). */
bool derive_part_value(const Derived *d, const Figure *f, int64_t *value);
/* Is `path` provided by some entry or child anywhere in the report? */
bool derive_has_path(const Derived *d, const Symbol *path);

/* Every path derived somewhere, for suggestions: calls fn for each once. */
void derive_each_path(const Derived *d, void (*fn)(void *ctx, const Symbol *path), void *ctx);

#endif
