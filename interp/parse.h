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
 * file is modelled, keeping only what the model keeps (expressions and the
 * text of strings, in `arena`). A national report's tree is several times
 * its size.
 *
 * The source text is scanned in place: while parsing, flex writes a NUL
 * after the token it is on; when either function returns, on every path,
 * the text is again byte for byte as it was read. A file with a syntax
 * error is parsed twice (grammar/parse.c); the diagnostics say each thing
 * once. */
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
/* parse_source_apart() by bison's parser alone, with its lookahead
 * correction, as for a file with a syntax error: the same tree and
 * diagnostics as parse_source_apart() (tests/unit/test_descent.c). */
Item *parse_source_bison(Source *src, Arena *arena, Arena *syntax, Symtab *syms, Diag *diag);

/* Where parse_source_streamed() hands each top-level item, as soon as the
 * parser has it, rather than making the file's list of items: the sink
 * takes the item (its `next` is NULL) and may give its tree back at once
 * (arena_release_before() on the syntax arena: the parser makes an item's
 * tree before the item and the next item's after it; the one token it has
 * read past the item by then has no value in the syntax arena when the
 * input goes on, being a name, a '}' or the end, and is never read again
 * when it does not, being a syntax error). False from `item` ends the
 * parse there. */
typedef struct ItemSink {
    bool (*item)(void *ctx, Item *it);
    /* The head of a top-level item NAME ARGS { ... } once read, before
     * its blocks: `head` is an Item with its name and arguments, no block
     * (its arguments' tree may be given back once the first of its block's
     * items is). True opens the item: each item of its blocks goes to
     * `inner` as soon as it is parsed, as a top-level item goes to `item`
     * (the sink may give its tree back at once, and everything made before
     * it: the parser keeps no pointer into it), each block to `block` once
     * its items are in, and the item itself to `item` last, `opened`,
     * without its arguments or blocks. A unit's items are then modelled as
     * they come, and no tree of a commune of a million items is held. NULL
     * `open`: no item is opened. */
    bool (*open)(void *ctx, const Item *head);
    bool (*inner)(void *ctx, Item *it);         /* false ends the parse, as for `item` */
    void (*block)(void *ctx, const Block *blk);
    void *ctx;
} ItemSink;

typedef enum {
    PARSE_DONE,             /* every item handed over (the sink may have ended it) */
    PARSE_SYNTAX_ERROR,     /* stopped at a syntax error: its message needs the file
                             * parsed again whole (parse_source_apart()); or at a
                             * limit of nesting, where the parse drops its tree */
    PARSE_CUT,              /* the limit on errors was reached with input left unread */
    PARSE_NO_MEMORY,        /* said to diag */
} ParseStatus;

/* parse_source_apart(), each top-level item handed to `sink` as it is
 * parsed. The diagnostics are those parse_source_apart() gives, but for a
 * syntax error: the items before it have been handed over, and the caller
 * must start again without a sink to have its message. */
ParseStatus parse_source_streamed(Source *src, Arena *arena, Arena *syntax, Symtab *syms, Diag *diag,
                                  const ItemSink *sink);

#endif
