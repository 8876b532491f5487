/* form.h - the form of an item (spec §3, §4): the arguments it takes, and
 * no block or expression where none belongs. Shared by the builders that
 * give items their meaning (model.c, calendar.c); each check reports a
 * precise diagnostic at the offending atom and returns false.
 *
 * Ownership: nothing is allocated but the diagnostics (in the Diag's arena). */
#ifndef DLG_FORM_H
#define DLG_FORM_H

#include <stdbool.h>
#include <stdint.h>

#include "ast.h"
#include "diag.h"

/* Arguments must match `pattern`, one character per argument:
 *   s string, d date or '?', n name, r '..', c count;
 *   an uppercase letter is an optional argument.
 * `usage` is the item's form for the message ("holiday DATE [.. DATE]"),
 * marked N_() by the caller and translated here. */
bool form_args(Diag *d, Source *src, const Item *it, const char *pattern, const char *usage);
/* No block and no `=`/`:` expression: "'holiday' takes no block { ... }". */
bool form_no_blocks(Diag *d, Source *src, const Item *it, const char *what);
/* A block that is not a breakdown may not end with '...'. */
void form_no_ellipsis(Diag *d, Source *src, const Block *blk, const char *what);
/* From the first argument to the last. */
Span form_args_span(const Item *it);
/* The nth string argument (0 first), or an empty Str. */
Str form_string(const Item *it, uint32_t nth);
/* "a string", "a date", ... or "nothing", for messages. */
const char *form_atom_desc(const Atom *a);

#endif
