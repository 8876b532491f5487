/* eval.h - expressions, indicators and rules (spec §7, §8, §9).
 *
 * eval_validate() checks every expression before anything is evaluated:
 * unknown functions, wrong argument counts and bad kinds are errors (exit 2);
 * a figure name that appears nowhere in the report is a warning with a
 * suggestion, since a rulebook may name figures a submission lacks.
 * It also resolves every name to its figure path once, so eval_run() must
 * come after it (and after check_run(), which computes derived values);
 * eval_run() appends to the Result. Ownership: the model's arena. */
#ifndef DLG_EVAL_H
#define DLG_EVAL_H

#include <stdbool.h>

#include "model.h"
#include "result.h"

bool eval_validate(Model *m);
bool eval_run(Model *m, Result *r);

#endif
