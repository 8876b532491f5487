/* ast.h - the syntax tree of a .dlg file (spec §3): items with arguments,
 * an optional expression and blocks. The tree says nothing about meaning;
 * model.c gives it meaning.
 *
 * Ownership: every node lives in the run's arena and is never freed alone.
 * Lists are singly linked through `next` in source order. */
#ifndef DLG_AST_H
#define DLG_AST_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "date.h"
#include "literal.h"
#include "source.h"
#include "symbol.h"

/* A string literal after escapes were decoded; may hold any UTF-8. */
typedef struct Str {
    const char *ptr;
    uint32_t len;
} Str;

/* The names are marked for translation (i18n.h, NC_): ast_atom_kind_name
 * gives them in the run's language. */
/* TRANSLATORS: what a value is, in "unexpected %s in 'period'" and "not a
 * %s": a bare noun, without an article */
#define ATOM_KINDS(X)                                                  \
    X(ATOM_NAME, NC_("atom kind", "name"))                             \
    X(ATOM_STRING, NC_("atom kind", "string"))                         \
    X(ATOM_COUNT, NC_("atom kind", "number"))                          \
    X(ATOM_MONEY, NC_("atom kind", "amount of money"))                 \
    X(ATOM_PERCENT, NC_("atom kind", "percentage"))                    \
    X(ATOM_DATE, NC_("atom kind", "date"))                             \
    X(ATOM_UNKNOWN, NC_("atom kind", "'?'"))                           \
    X(ATOM_APPROX, NC_("atom kind", "approximate number"))             \
    X(ATOM_RANGE, NC_("atom kind", "'..'"))

typedef enum {
#define X(k, name) k,
    ATOM_KINDS(X)
#undef X
} AtomKind;

/* "name", "amount of money", ...: in the run's language (i18n.h). */
const char *ast_atom_kind_name(AtomKind k);

/* 32 bytes: a string's length and a percentage's decimals stand beside
 * the value rather than in it (atom_str, atom_percent). */
typedef struct Atom {
    Span span;
    uint32_t aux;           /* STRING: its length; PERCENT: its decimals */
    uint8_t kind;           /* AtomKind */
    union {
        Symbol *name;
        const char *text;   /* STRING: aux bytes, then a NUL */
        int64_t count;      /* COUNT (may be negative), MONEY, APPROX */
        int64_t mantissa;   /* PERCENT: the value times 10^aux */
        Date date;
    } as;
    struct Atom *next;
} Atom;

/* A string argument's text lives with the syntax tree (in the syntax arena
 * of parse_source_apart()): what must outlive the tree keeps a copy. */
static inline Str atom_str(const Atom *a) { return (Str){ a->as.text, a->aux }; }
/* A copy of s in a, NUL-terminated, for what outlives the syntax tree;
 * {NULL, 0} stays so, and so is the result when memory runs out (the
 * arena remembers, and the run says so). */
Str str_keep(Arena *a, Str s);
static inline Decimal atom_percent(const Atom *a) { return (Decimal){ a->as.mantissa, (uint8_t)a->aux }; }

typedef enum {
    EXPR_NUMBER, EXPR_PERCENT, EXPR_MONEY, EXPR_DATE, EXPR_STRING, EXPR_UNKNOWN,
    EXPR_PATH, EXPR_CALL, EXPR_UNARY, EXPR_BINARY,
} ExprKind;

typedef enum {
    OP_ADD, OP_SUB, OP_MUL, OP_DIV,
    OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE,
    OP_AND, OP_OR, OP_NOT, OP_NEG,
} ExprOp;

typedef struct PathPart {
    Symbol *name;
    Span span;
    struct PathPart *next;
} PathPart;

typedef struct Expr {
    ExprKind kind;
    Span span;
    uint32_t depth;         /* levels of operators and calls below, for limits */
    union {
        int64_t number;     /* NUMBER, MONEY */
        Decimal percent;
        Date date;
        Str str;
        PathPart *path;
        struct { Symbol *fn; Span fn_span; struct Expr *args; uint32_t nargs; } call;
        struct { ExprOp op; struct Expr *lhs, *rhs; } op;   /* rhs only */
    } as;
    struct Expr *next;      /* next argument of a call */
} Expr;

typedef struct Item Item;

/* Blocks and items are a national report's syntax tree, several times
 * its text: each is kept to what cannot be worked out (32 and 56 bytes). */
typedef struct Block {
    Item *items;
    struct Block *next;
    Span span;
    uint32_t ellipsis;      /* where "..." starts, when partial */
    unsigned nitems : 31;   /* items in the list (counted while they are in the
                             * cache: the model sizes what it keeps by it) */
    unsigned partial : 1;   /* ended with "..." */
} Block;

struct Item {
    Symbol *name;
    Atom *args;
    Expr *expr;
    Block *blocks;
    Item *next;
    Span span;              /* whole item: its name starts it */
    uint32_t name_end;      /* where the name ends */
    char binding;           /* '=', ':' or 0 */
    bool opened;            /* a top-level item whose blocks went to a sink as
                             * they were parsed (parse.h's ItemSink.open): its
                             * arguments and blocks are not here */
};

/* Where an item's name is written. */
static inline Span item_name_span(const Item *it) { return (Span){ it->span.start, it->name_end }; }
/* Where a partial block's "..." is written. */
static inline Span block_ellipsis(const Block *b) { return (Span){ b->ellipsis, b->ellipsis + 3 }; }

/* Constructors used by the grammar actions; NULL when out of memory. */
Atom *ast_atom(Arena *a, AtomKind k, Span sp);
Item *ast_item(Arena *a, Symbol *name, Span name_span, Atom *args, char binding,
               Expr *expr, Block *blocks, Span whole);
Block *ast_block(Arena *a, Item *items, bool partial, Span ellipsis, Span sp);
Expr *ast_expr(Arena *a, ExprKind k, Span sp);
Expr *ast_binary(Arena *a, ExprOp op, Expr *lhs, Expr *rhs);
Expr *ast_unary(Arena *a, ExprOp op, Expr *e, Span sp);
Expr *ast_call(Arena *a, Symbol *fn, Span fn_span, Expr *args, Span sp);
PathPart *ast_path_part(Arena *a, Symbol *name, Span sp);

/* Expressions deeper than this are refused: the evaluator recurses. */
enum { AST_MAX_EXPR_DEPTH = 256 };

#endif
