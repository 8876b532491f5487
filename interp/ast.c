/* ast.c - constructors for the syntax tree. */
#include "ast.h"
#include "i18n.h"

static const char *const atom_names[] = {
#define X(k, name) name,
    ATOM_KINDS(X)
#undef X
};

const char *ast_atom_kind_name(AtomKind k) { return C_("atom kind", atom_names[k]); }

/* Span covering both. */
static Span span_join(Span a, Span b)
{
    return (Span){ a.start < b.start ? a.start : b.start, a.end > b.end ? a.end : b.end };
}

Str str_keep(Arena *a, Str s)
{
    if (!s.ptr)
        return s;
    char *copy = arena_strndup(a, s.ptr, s.len);
    return copy ? (Str){ copy, s.len } : (Str){ NULL, 0 };
}

Atom *ast_atom(Arena *a, AtomKind k, Span sp)
{
    Atom *at = ARENA_NEW(a, Atom);
    if (at) {
        at->kind = (uint8_t)k;
        at->span = sp;
    }
    return at;
}

Item *ast_item(Arena *a, Symbol *name, Span name_span, Atom *args, char binding,
               Expr *expr, Block *blocks, Span whole)
{
    Item *it = ARENA_NEW(a, Item);
    if (!it)
        return NULL;
    it->name = name;
    it->span = whole;               /* from the name on: every item begins with it (parser.y) */
    it->name_end = name_span.end;
    it->args = args;
    it->binding = binding;
    it->expr = expr;
    it->blocks = blocks;
    return it;
}

Block *ast_block(Arena *a, Item *items, bool partial, Span ellipsis, Span sp)
{
    Block *b = ARENA_NEW(a, Block);
    if (b) {
        uint32_t n = 0;
        for (const Item *it = items; it && n < 0x7FFFFFFF; it = it->next)
            n++;
        b->items = items;
        b->nitems = n & 0x7FFFFFFFu;
        b->partial = partial;
        b->ellipsis = ellipsis.start;
        b->span = sp;
    }
    return b;
}

Expr *ast_expr(Arena *a, ExprKind k, Span sp)
{
    Expr *e = ARENA_NEW(a, Expr);
    if (e) {
        e->kind = k;
        e->span = sp;
    }
    return e;
}

Expr *ast_binary(Arena *a, ExprOp op, Expr *lhs, Expr *rhs)
{
    Expr *e = ast_expr(a, EXPR_BINARY, span_join(lhs->span, rhs->span));
    if (e) {
        e->depth = 1 + (lhs->depth > rhs->depth ? lhs->depth : rhs->depth);
        e->as.op.op = op;
        e->as.op.lhs = lhs;
        e->as.op.rhs = rhs;
    }
    return e;
}

Expr *ast_unary(Arena *a, ExprOp op, Expr *operand, Span sp)
{
    Expr *e = ast_expr(a, EXPR_UNARY, span_join(sp, operand->span));
    if (e) {
        e->depth = 1 + operand->depth;
        e->as.op.op = op;
        e->as.op.rhs = operand;
    }
    return e;
}

Expr *ast_call(Arena *a, Symbol *fn, Span fn_span, Expr *args, Span sp)
{
    Expr *e = ast_expr(a, EXPR_CALL, sp);
    if (!e)
        return NULL;
    e->as.call.fn = fn;
    e->as.call.fn_span = fn_span;
    e->as.call.args = args;
    for (Expr *x = args; x; x = x->next) {
        e->as.call.nargs++;
        if (x->depth + 1 > e->depth)
            e->depth = x->depth + 1;
    }
    return e;
}

PathPart *ast_path_part(Arena *a, Symbol *name, Span sp)
{
    PathPart *p = ARENA_NEW(a, PathPart);
    if (p) {
        p->name = name;
        p->span = sp;
    }
    return p;
}
