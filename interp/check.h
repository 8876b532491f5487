/* check.h - the checks of spec §6: breakdowns add up, tables add up by
 * columns, parents agree with their children, itemised entries agree with
 * declared counts, impossible values are findings.
 *
 * check_run() walks the model in document order and appends one Check per
 * comparison to the Result, reading derived values from the Derived table
 * (derive.h). It writes nothing else. check_run_lean() keeps only the
 * checks that do not pass and makes the others again for a writer that
 * lists them (result_each_check()). Ownership: checks live in `arena`. */
#ifndef DLG_CHECK_H
#define DLG_CHECK_H

#include <stdbool.h>

#include "derive.h"
#include "model.h"
#include "result.h"

/* False when out of memory. */
bool check_run(const Model *m, const Derived *d, Arena *arena, Result *r);
/* The same pass, but a passing check is counted and not kept: a national
 * report passes a million of them, 48 bytes each, which a report for
 * people only counts. The result remembers how to make them again, in
 * their place among the others, for a writer that lists them
 * (result_each_check(), result_every_check()): m and d must stay as they
 * are as long as r is read. Call it on a result with no check yet. */
bool check_run_lean(const Model *m, const Derived *d, Arena *arena, Result *r);

#endif
