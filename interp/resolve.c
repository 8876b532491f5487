/* resolve.c - resolving and validating the names in expressions. */
#include "resolve.h"

#include <string.h>

#include "suggest.h"

struct Resolution {
    PtrMap table;           /* Expr -> Resolved */
};

typedef struct Resolver {
    const Model *m;
    const Derived *d;
    Arena *arena;
    Diag *diag;
    Resolution *r;
    uint32_t name_warnings;
    bool ok, oom;
} Resolver;

static const struct { const char *name; uint32_t min, max; } functions[] = {
#define X(k, name, lo, hi) { name, lo, hi },
    FUNCTIONS(X)
#undef X
};

enum { FUNCTION_COUNT = sizeof functions / sizeof *functions };

static int function_of(const Symbol *s)
{
    for (int i = 0; i < FUNCTION_COUNT; i++)
        if (strcmp(functions[i].name, s->text) == 0)
            return i;
    return -1;
}

/* Functions whose first argument is a KIND, not a value. */
static bool takes_kind(Function fn) { return fn == FN_SHARE || fn == FN_COUNT || fn == FN_SUM || fn == FN_MEAN; }

static Resolved *record(Resolver *rs, const Expr *e)
{
    Resolved *x = ARENA_NEW(rs->arena, Resolved);
    if (!x || !ptrmap_put(&rs->r->table, rs->arena, e, 0, x)) {
        rs->oom = true;
        return NULL;
    }
    return x;
}

/* ---- paths ------------------------------------------------------------------ */

static void offer(void *ctx, const Symbol *path)
{
    suggest_offer(ctx, path->text, path->len);
}

static void offer_map(Suggest *s, const PtrMap *map)
{
    for (uint32_t i = 0; i < map->cap; i++)
        if (map->slots[i].key)
            offer(s, map->slots[i].key);
}

static bool known_path(const Resolver *rs, const Symbol *path)
{
    return path && (model_declares(rs->m, path) || vocab_contributed(rs->m->vocab, path) ||
                    derive_has_path(rs->d, path));
}

/* What a path names in its scope (spec §7.2): `date`, `conclusion` and
 * `conclusion.date` in a session; `topic`, `status`, `satisfied` in an
 * opinion; else a figure. */
static ScopeName scope_name_of(const Vocab *v, const PathPart *p)
{
    ScopeName n = vocab_scope_name(v, p->name);
    if (!p->next)
        return n;
    if (n == NAME_CONCLUSION && !p->next->next && strcmp(p->next->name->text, "date") == 0)
        return n;
    return NAME_FIGURE;
}

static void resolve_path(Resolver *rs, Source *src, const Expr *e)
{
    const PathPart *p = e->as.path;
    const char *text = p->name->text;
    for (const PathPart *q = p->next; q && text; q = q->next)
        text = arena_printf(rs->arena, "%s.%s", text, q->name->text);
    Resolved *x = record(rs, e);
    if (!x || !text) {
        rs->oom = true;
        return;
    }
    x->first = p->name;
    x->text = text;
    x->scope_name = scope_name_of(rs->m->vocab, p);
    /* every path declared or derived is interned: one that is not names
     * no figure, and the symbol table is not written here */
    x->path = symtab_find(rs->m->syms, text, strlen(text));
    if (vocab_scope_name(rs->m->vocab, p->name) != NAME_FIGURE || known_path(rs, x->path))
        return;
    if (rs->name_warnings++ == RESOLVE_MAX_NAME_WARNINGS)
        diag_note(rs->diag, src, e->span, "further names missing from this report are not listed");
    if (rs->name_warnings > RESOLVE_MAX_NAME_WARNINGS)
        return;
    Suggest s;
    suggest_init(&s, text);
    offer_map(&s, &rs->m->declared);
    offer_map(&s, &rs->m->vocab->contributed);
    derive_each_path(rs->d, offer, &s);
    const char *near = suggest_best(&s);
    if (near)
        diag_warning(rs->diag, src, e->span,
                     "no figure '%s' in this report; did you mean '%s'? (its value will be unknown)", text, near);
    else
        diag_warning(rs->diag, src, e->span, "no figure '%s' in this report: its value will be unknown", text);
}

/* ---- calls and the rest ------------------------------------------------------- */

static void resolve_expr(Resolver *rs, Source *src, const Expr *e);

static void resolve_call(Resolver *rs, Source *src, const Expr *e)
{
    int fn = function_of(e->as.call.fn);
    if (fn < 0) {
        diag_error(rs->diag, src, e->as.call.fn_span,
                   "unknown function '%s': use percent, share, count, sum, mean, years, days, "
                   "working_days, known, min or max", e->as.call.fn->text);
        rs->ok = false;
        return;
    }
    uint32_t n = e->as.call.nargs;
    if (n < functions[fn].min || n > functions[fn].max) {
        if (functions[fn].min == functions[fn].max)
            diag_error(rs->diag, src, e->span, "%s() takes %u argument%s, not %u", functions[fn].name,
                       functions[fn].min, functions[fn].min == 1 ? "" : "s", n);
        else
            diag_error(rs->diag, src, e->span, "%s() takes %u or %u arguments, not %u",
                       functions[fn].name, functions[fn].min, functions[fn].max, n);
        rs->ok = false;
        return;
    }
    Resolved *x = record(rs, e);
    if (!x)
        return;
    x->fn = (Function)fn;
    const Expr *a = e->as.call.args;
    if (takes_kind(x->fn)) {
        bool kind = a->kind == EXPR_PATH && !a->as.path->next &&
                    model_selector(rs->m->vocab, a->as.path->name, &x->sel);
        if (!kind) {
            diag_error(rs->diag, src, a->span,
                       "the first argument of %s() is a kind: province, district, commune, ward, "
                       "township, commune_level, village, dialogue, reception, voter_contact, opinion "
                       "or document", functions[fn].name);
            rs->ok = false;
        } else if (x->sel.what == SEL_DOCUMENT && (x->fn != FN_COUNT || a->next)) {
            diag_error(rs->diag, src, a->next ? a->next->span : a->span,
                       "a document has no figures to test: documents can only be counted, "
                       "as count(document)");
            rs->ok = false;
        }
        a = a->next;
    }
    for (; a; a = a->next)
        resolve_expr(rs, src, a);
}

static void resolve_expr(Resolver *rs, Source *src, const Expr *e)
{
    switch (e->kind) {
    case EXPR_PATH:
        resolve_path(rs, src, e);
        break;
    case EXPR_CALL:
        resolve_call(rs, src, e);
        break;
    case EXPR_UNARY:
        resolve_expr(rs, src, e->as.op.rhs);
        break;
    case EXPR_BINARY:
        resolve_expr(rs, src, e->as.op.lhs);
        resolve_expr(rs, src, e->as.op.rhs);
        break;
    case EXPR_NUMBER: case EXPR_PERCENT: case EXPR_MONEY: case EXPR_DATE: case EXPR_STRING:
    case EXPR_UNKNOWN:
        break;
    }
}

Resolution *resolve_run(const Model *m, const Derived *d, Arena *a, Diag *diag, bool *ok)
{
    Resolution *r = ARENA_NEW(a, Resolution);
    if (!r)
        return NULL;
    Resolver rs = { .m = m, .d = d, .arena = a, .diag = diag, .r = r, .ok = true };
    for (const IndicatorDef *ind = m->indicators; ind; ind = ind->next)
        resolve_expr(&rs, ind->src, ind->expr);
    for (const RuleDef *rule = m->rules; rule; rule = rule->next) {
        if (rule->where)
            resolve_expr(&rs, rule->src, rule->where);
        resolve_expr(&rs, rule->src, rule->require);
    }
    *ok = rs.ok;
    return rs.oom ? NULL : r;
}

const Resolved *resolve_get(const Resolution *r, const Expr *e)
{
    return ptrmap_get(&r->table, e, 0);
}
