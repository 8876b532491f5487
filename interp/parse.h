/* parse.h - from source text to syntax tree (spec §2, §3). The only entry
 * point into the flex scanner and bison parser in grammar/; nothing else in
 * dlg knows they exist.
 *
 * Ownership: the returned items live in `arena`; every problem found is
 * reported to `diag` (the parser recovers and goes on, so the tree may be
 * partial when diag->errors > 0). Names are interned in `syms`.
 *
 * parse_source_apart() puts the tree's items, arguments and blocks, and the
 * scanner's own memory, in `syntax` instead: the caller frees it once the
 * model is built, keeping only what the model keeps (expressions and the
 * text of strings, in `arena`). A national report's tree is several times
 * its size. */
#ifndef DLG_PARSE_H
#define DLG_PARSE_H

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "source.h"
#include "symbol.h"

enum { PARSE_MAX_DEPTH = 64, PARSE_MAX_STRING = 65536, PARSE_MAX_NAME = 256 };

Item *parse_source(Source *src, Arena *arena, Symtab *syms, Diag *diag);
Item *parse_source_apart(Source *src, Arena *arena, Arena *syntax, Symtab *syms, Diag *diag);

#endif
