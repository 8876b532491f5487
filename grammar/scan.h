/* scan.h - state shared by the scanner (lexer.l) and the parser (parser.y).
 * Private to grammar/: the rest of dlg sees only interp/parse.h. */
#ifndef DLG_SCAN_H
#define DLG_SCAN_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>

#include "parse.h"

/* How much of a token a message quotes, in bytes (cut on a character). */
enum {
    SCAN_QUOTE_TOKEN = 40,  /* "unexpected 'TOKEN'" */
    SCAN_QUOTE_WORD = 80,   /* a word that is not a name */
};

/* A string token: its bytes (no NUL among them: the scanner refuses
 * control characters), then a NUL. */
typedef struct StrToken {
    uint32_t len;
    char text[];
} StrToken;

typedef struct ParseState {
    Source *src;
    const char *text;                   /* what flex scans in place: src's text, or the
                                         * piece of it read last (source_next_piece) */
    uint32_t text_at, text_len;         /* where that starts in src, its bytes: a token's
                                         * offset is text_at + (yytext - text) */
    uint32_t content_end;               /* just after the last byte not blank, in the
                                         * text scanned so far */
    Arena *arena;                       /* what outlives the tree: expressions and their strings */
    Arena *syntax;                      /* the tree's items, arguments, blocks; flex's
                                         * memory, unless a sink takes the items */
    Symtab *syms;
    SymCache names;                     /* the names met last (symbol.h) */
    Diag *diag;
    Item *items;                        /* the result, unless a sink takes the items */
    const ItemSink *sink;               /* NULL, or where each top-level item goes (parse.h) */
    uint32_t depth;                     /* open brackets, as scanned (the lookahead's counted) */
    uint32_t level;                     /* blocks the parser is in: the items it reduces are theirs */
    bool opened;                        /* the top-level item being read is opened (parse.h) */
    uint32_t open[PARSE_MAX_DEPTH];     /* where each open bracket is */
    bool stop;                          /* nesting or error limit: end input */
    bool limit;                         /* a limit of nesting or of an expression's
                                         * depth stopped it: the tree is not kept */
    bool again;                         /* it met a syntax error: parse again with LAC */
    bool cut;                           /* the errors filled up with input left (PARSE_CUT) */
    int token, prev_token;              /* the last two tokens, for messages */
    uint32_t prefix_run;                /* '-' and 'not' in a row */
    uint32_t prefix_start;              /* where that run starts */
    Span span, prev_span;
    jmp_buf fatal;                      /* flex out of memory (lexer.l) */
} ParseState;

/* Put back the byte flex replaced by a NUL after the token it stopped on,
 * leaving the source text as it was read (lexer.l; the argument is the
 * scanner, a yyscan_t). */
void scan_restore(void *scanner);
/* The first parse of every file, by recursive descent: the grammar of
 * parser.y without its messages; at a syntax error it sets ps->again
 * (parser.y, parse.c). */
int parse_descent(void *scanner, ParseState *ps);
/* Where flex scans ps->text: false when out of memory (lexer.l). */
bool scan_text(void *scanner, ParseState *ps);

#endif
