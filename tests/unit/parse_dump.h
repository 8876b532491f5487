/* parse_dump.h - a parse of a text written out whole: every item,
 * argument, block and expression with its span and depth, then the
 * diagnostics; by the recursive descent that parses first or by bison's
 * parser alone (parse_source_bison()). For tests that compare the two:
 * tests/unit/test_descent.c and the fuzz target tests/fuzz/fuzz_parse.c.
 * Functions are static: include it in one file of a program. The texts
 * are malloc'd; out of memory aborts (a test's, not dlg's, memory). */
#ifndef DLG_PARSE_DUMP_H
#define DLG_PARSE_DUMP_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "parse.h"
#include "source.h"
#include "symbol.h"

typedef struct Text {   /* a growing text (malloc) */
    char *s;
    size_t n, cap;
} Text;

static void dump_put(Text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void dump_put(Text *t, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(t->s ? t->s + t->n : NULL, t->s ? t->cap - t->n : 0, fmt, ap);
        va_end(ap);
        if (n < 0)
            abort();
        if (t->s && (size_t)n < t->cap - t->n) {
            t->n += (size_t)n;
            return;
        }
        t->cap = (t->cap + (size_t)n + 1) * 2;
        if (!(t->s = realloc(t->s, t->cap)))
            abort();
    }
}

/* A file's bytes, NULs and all; false when it cannot be read. */
static bool dump_read_file(const char *path, Text *t)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return false;
    *t = (Text){ 0 };
    char buf[4096];
    for (size_t got; (got = fread(buf, 1, sizeof buf, fp)) > 0; t->n += got) {
        if (t->cap - t->n < got + 1) {
            t->cap = (t->cap + got + 1) * 2;
            if (!(t->s = realloc(t->s, t->cap)))
                abort();
        }
        memcpy(t->s + t->n, buf, got);
    }
    fclose(fp);
    return true;
}

static void dump_span(Text *t, Span s) { dump_put(t, "@%u-%u", s.start, s.end); }

static void dump_expr(Text *t, const Expr *e)
{
    dump_put(t, "(%d d%u ", (int)e->kind, e->depth);
    dump_span(t, e->span);
    switch (e->kind) {
    case EXPR_NUMBER: case EXPR_MONEY: dump_put(t, " %lld", (long long)e->as.number); break;
    case EXPR_PERCENT: dump_put(t, " %lld/%u", (long long)e->as.percent.mantissa, e->as.percent.decimals); break;
    case EXPR_DATE: dump_put(t, " %d-%d-%d/%d", e->as.date.year, e->as.date.month, e->as.date.day, e->as.date.precision); break;
    case EXPR_STRING: dump_put(t, " \"%.*s\"", (int)e->as.str.len, e->as.str.ptr); break;
    case EXPR_UNKNOWN: break;
    case EXPR_PATH:
        for (const PathPart *p = e->as.path; p; p = p->next) {
            dump_put(t, " %s", p->name->text);
            dump_span(t, p->span);
        }
        break;
    case EXPR_CALL:
        dump_put(t, " %s", e->as.call.fn->text);
        dump_span(t, e->as.call.fn_span);
        dump_put(t, " n%u", e->as.call.nargs);
        for (const Expr *x = e->as.call.args; x; x = x->next) {
            dump_put(t, " ");
            dump_expr(t, x);
        }
        break;
    case EXPR_UNARY:
    case EXPR_BINARY:
        dump_put(t, " op%d ", (int)e->as.op.op);
        if (e->kind == EXPR_BINARY) {
            dump_expr(t, e->as.op.lhs);
            dump_put(t, " ");
        }
        dump_expr(t, e->as.op.rhs);
        break;
    }
    dump_put(t, ")");
}

static void dump_items(Text *t, const Item *it, int depth);

static void dump_item(Text *t, const Item *it, int depth)
{
    dump_put(t, "%*s%s", depth * 2, "", it->name->text);
    dump_span(t, it->span);
    dump_put(t, " name_end %u binding %d opened %d", it->name_end, it->binding, it->opened);
    for (const Atom *a = it->args; a; a = a->next) {
        dump_put(t, " [%d aux %u ", a->kind, a->aux);
        dump_span(t, a->span);
        switch ((AtomKind)a->kind) {
        case ATOM_NAME: dump_put(t, " %s", a->as.name->text); break;
        case ATOM_STRING: dump_put(t, " \"%.*s\"", (int)a->aux, a->as.text); break;
        case ATOM_DATE: dump_put(t, " %d-%d-%d", a->as.date.year, a->as.date.month, a->as.date.day); break;
        default: dump_put(t, " %lld", (long long)a->as.count); break;
        }
        dump_put(t, "]");
    }
    if (it->expr) {
        dump_put(t, " = ");
        dump_expr(t, it->expr);
    }
    dump_put(t, "\n");
    for (const Block *b = it->blocks; b; b = b->next) {
        dump_put(t, "%*s{ ", depth * 2, "");
        dump_span(t, b->span);
        dump_put(t, " n%u partial %u ellipsis %u\n", b->nitems, b->partial, b->partial ? b->ellipsis : 0);
        dump_items(t, b->items, depth + 1);
        dump_put(t, "%*s}\n", depth * 2, "");
    }
}

static void dump_items(Text *t, const Item *it, int depth)
{
    for (; it; it = it->next)
        dump_item(t, it, depth);
}

/* The tree and the diagnostics of one parse of `bytes`, as text. */
static char *parse_dump(const char *bytes, size_t len, bool descent)
{
    Arena a;
    arena_init(&a, NULL);
    Diag diag;
    diag_init(&diag, &a);
    Symtab syms;
    symtab_init(&syms, &a);
    Source *src = source_from_bytes(&a, "in.dlg", bytes, len);
    if (!src)
        abort();
    const Item *list = descent ? parse_source(src, &a, &syms, &diag) : parse_source_bison(src, &a, &a, &syms, &diag);
    Text t = { 0 };
    dump_put(&t, "items%s\n", list ? "" : " none");
    dump_items(&t, list, 0);
    for (const Diagnostic *g = diag.first; g; g = g->next) {
        dump_put(&t, "diag %d ", (int)g->severity);
        dump_span(&t, g->span);
        dump_put(&t, " %s\n", g->message);
    }
    dump_put(&t, "errors %u warnings %u oom %d\n", diag.errors, diag.warnings, diag.out_of_memory);
    arena_free(&a);
    return t.s;
}

#endif
