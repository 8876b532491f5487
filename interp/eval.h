/* eval.h - expressions, indicators and rules (spec §7, §8, §9).
 *
 * eval_run() evaluates every indicator and rule over the model, reading
 * derived values (derive.h) and the resolution of every name (resolve.h),
 * and appends the results to the Result. It writes nothing else: not the
 * model, not the syntax tree, not the symbol table.
 * Ownership: results live in `arena`. */
#ifndef DLG_EVAL_H
#define DLG_EVAL_H

#include <stdbool.h>

#include "calendar.h"
#include "derive.h"
#include "model.h"
#include "resolve.h"
#include "result.h"

/* False when out of memory. */
bool eval_run(const Model *m, const Derived *d, const Resolution *res, const Calendar *cal, Arena *arena,
              Result *r);

#endif
