/* check.h - the checks of spec §6: breakdowns add up, tables add up by
 * columns, parents agree with their children, itemised entries agree with
 * declared counts, impossible values are findings.
 *
 * check_run() walks the model in document order and appends one Check per
 * comparison to the Result, reading derived values from the Derived table
 * (derive.h). It writes nothing else. Ownership: checks live in `arena`. */
#ifndef DLG_CHECK_H
#define DLG_CHECK_H

#include <stdbool.h>

#include "derive.h"
#include "model.h"
#include "result.h"

/* False when out of memory. */
bool check_run(const Model *m, const Derived *d, Arena *arena, Result *r);

#endif
