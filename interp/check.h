/* check.h - derived values and the checks of spec §6: breakdowns add up,
 * tables add up by columns, parents agree with their children, itemised
 * entries agree with declared counts, impossible values are findings.
 *
 * check_run() first computes, bottom-up in one pass, every node's derived
 * values (stored in Node.computed), then walks the model in document order
 * adding one Check per comparison to the Result. Ownership: all in the
 * model's arena. */
#ifndef DLG_CHECK_H
#define DLG_CHECK_H

#include <stdbool.h>
#include <stdint.h>

#include "model.h"
#include "result.h"

typedef struct Aggregate {
    int64_t sum;
    uint32_t units;         /* child units that provided a value */
    uint32_t sessions;      /* sessions that provided a value */
    uint32_t entries;       /* opinions, documents, sessions counted */
    bool approx;            /* some contribution was approximate */
    bool declared;          /* some contribution was declared, not listed */
    bool money;
    bool overflow;
} Aggregate;

/* The value of a path at a node (spec §5.4): declared, else derived. */
typedef struct Value {
    bool known;
    bool approx;
    bool money;
    bool declared;          /* false: computed from entries and children */
    bool from_declared;     /* declared here or somewhere below */
    int64_t value;
} Value;

bool check_run(Model *m, Result *r);
Value check_value(const Node *n, const Symbol *path);

#endif
