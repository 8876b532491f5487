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
/* The same, but a subject that passes a rule is counted and not kept: a
 * national report has one verdict for each session and rule. The rule's
 * result remembers how to make them again, in their place, for a writer
 * that lists them (result_each_verdict(), result_every_verdict()), and
 * passed() of such a rule makes them again to count them: what the run
 * read must stay as it is as long as r is read. */
bool eval_run_lean(const Model *m, const Derived *d, const Resolution *res, const Calendar *cal, Arena *arena,
                   Result *r);

#endif
