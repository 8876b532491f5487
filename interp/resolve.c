/* resolve.c - resolving and validating the names in expressions. */
#include "resolve.h"

#include <string.h>

#include "i18n.h"
#include "suggest.h"

struct Resolution {
    PtrMap table;           /* Expr -> Resolved */
    const Resolved **paths; /* the figure paths, in the order met (Demand) */
    uint32_t npaths, cap_paths;
    const Dimension **dims; /* the dimensions ranged over, each once (Demand) */
    uint32_t ndims, cap_dims;
};

typedef struct Resolver {
    const Model *m;
    Arena *arena;
    Diag *diag;
    Resolution *r;
    uint32_t aggregates;    /* share, count, sum, mean enclosing the expression */
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

/* What a path names in its scope (spec §7.2): `date`, `conclusion`,
 * `conclusion.date`, `notice`, `notice.date`, `kind` and `scope` in a session; `topic`, `status`,
 * `satisfied` in an opinion; `true` and `false` anywhere; else a figure. */
static ScopeName scope_name_of(const Vocab *v, const PathPart *p)
{
    ScopeName n = vocab_scope_name(v, p->name);
    if (n == NAME_PERIOD)
        return n;                   /* period.start, period.end: checked below */
    if (!p->next)
        return n;
    if ((n == NAME_CONCLUSION || n == NAME_NOTICE) && !p->next->next && strcmp(p->next->name->text, "date") == 0)
        return n;
    return NAME_FIGURE;
}

static const char *nearest_figure(const Vocab *v, const Symbol *name)
{
    Suggest s;
    suggest_init(&s, name->text);
    for (uint32_t i = 0; i < v->nfigures; i++)
        suggest_offer(&s, v->figures[i]->name->text, v->figures[i]->name->len);
    return suggest_best(&s);
}

/* The part `name` of a dimension of f that `cell` leaves free; -1 when
 * there is none. *part is NULL for a numbered part, or a window of time,
 * no figure has yet. */
static int free_part(const Vocab *v, const FigureDecl *f, const Part *const cell[], const Symbol *name,
                     const Part **part)
{
    for (uint32_t i = 0; i < f->ndims; i++) {
        if (cell[i])
            continue;
        const Part *p = vocab_find_part(v, f->dims[i], name);
        if (p || vocab_made_part(v, f->dims[i], name, NULL)) {
            *part = p;
            return (int)i;
        }
    }
    return -1;
}

static void resolve_path(Resolver *rs, Source *src, const Expr *e)
{
    const Vocab *v = rs->m->vocab;
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
    x->scope_name = scope_name_of(v, p);
    if (x->scope_name == NAME_PERIOD) {
        const char *end = p->next && !p->next->next ? p->next->name->text : "";
        if (strcmp(end, "start") != 0 && strcmp(end, "end") != 0) {
            diag_error(rs->diag, src, e->span, "write period.start or period.end: the first or last day of the "
                       "report's period");
            rs->ok = false;
        }
        x->period_end = strcmp(end, "end") == 0;
        return;
    }
    /* closed world (spec §14): a figure of the vocabulary, then parts of
     * distinct dimensions of it, in any order; a name its scope gives
     * (`satisfied` in an opinion) may also be a figure elsewhere */
    const FigureDecl *f = vocab_figure(v, p->name);
    if (!f && vocab_scope_name(v, p->name) != NAME_FIGURE) {
        /* conclusion.number: a name of the scope has no parts (only
         * conclusion.date and notice.date, taken above) */
        if (p->next && x->scope_name == NAME_FIGURE) {
            diag_error(rs->diag, src, p->next->span, "'%s' is not a part of '%s'", p->next->name->text,
                       p->name->text);
            rs->ok = false;
        }
        return;
    }
    if (!f) {
        const char *near = nearest_figure(v, p->name);
        if (near)
            diag_error(rs->diag, src, p->span, "unknown figure '%s'; did you mean '%s'?", p->name->text, near);
        else
            diag_error(rs->diag, src, p->span, "unknown figure '%s': no figure of the vocabulary has this name",
                       p->name->text);
        rs->ok = false;
        return;
    }
    const Part *cell[VOCAB_MAX_DIMS] = { 0 };
    bool absent = false;                /* a numbered part no figure has */
    for (const PathPart *q = p->next; q; q = q->next) {
        const Part *part = NULL;
        int i = free_part(v, f, cell, q->name, &part);
        if (i < 0) {
            Suggest s;
            suggest_init(&s, q->name->text);
            for (uint32_t d = 0; d < f->ndims; d++)
                if (!cell[d])
                    for (uint32_t j = 0; j < f->dims[d]->nparts; j++)
                        suggest_offer(&s, f->dims[d]->words[j]->text, f->dims[d]->words[j]->len);
            const char *near = suggest_best(&s);
            if (near)
                diag_error(rs->diag, src, q->span, "'%s' is not a part of '%s'; did you mean '%s'?",
                           q->name->text, f->name->text, near);
            else
                diag_error(rs->diag, src, q->span, "'%s' is not a part of '%s'", q->name->text, f->name->text);
            rs->ok = false;
            return;
        }
        cell[i] = part;
        absent |= part == NULL;
        if (f->dims[i]->calendar)
            vocab_made_part(v, f->dims[i], q->name, &x->win);
    }
    x->figure = f;
    memcpy(x->cell, cell, sizeof x->cell);
    /* every cell declared or derived is interned: one that is not is in
     * no unit, and its value is unknown wherever it is asked for */
    x->path = absent ? NULL : vocab_cell_find(v, f, cell);
    if (!absent && !arena_push(rs->arena, (void ***)&rs->r->paths, &rs->r->npaths, &rs->r->cap_paths, x, 16))
        rs->oom = true;
}

/* A dimension ranged over (each, per, or the KIND of an aggregate), once. */
static void ranged(Resolver *rs, const Selector *sel)
{
    Resolution *r = rs->r;
    if (sel->what != SEL_PART)
        return;
    for (uint32_t i = 0; i < r->ndims; i++)
        if (r->dims[i] == sel->dim)
            return;
    if (!arena_push(rs->arena, (void ***)&r->dims, &r->ndims, &r->cap_dims, (void *)(uintptr_t)sel->dim, 8))
        rs->oom = true;
}

/* `status == "resolved"`, `kind != "periodic"`: a string compared with an
 * attribute must be one of its words (spec §7.2). */
static void check_word(Resolver *rs, Source *src, const Expr *attr, const Expr *str)
{
    const Vocab *v = rs->m->vocab;
    const Resolved *x = resolve_get(rs->r, attr);
    if (!x || str->kind != EXPR_STRING)
        return;
    const Dimension *dims[16];
    uint32_t n = 0;
    const char *what = NULL;
    switch (x->scope_name) {
    case NAME_STATUS: dims[n++] = v->status; what = "opinion status"; break;
    case NAME_TOPIC: dims[n++] = v->topic; what = "topic"; break;
    case NAME_KIND: case NAME_SCOPE:
        what = x->scope_name == NAME_KIND ? "kind of session" : "scope";
        for (uint32_t i = 0; i < v->nkinds && n < 16; i++) {
            const Dimension *d = x->scope_name == NAME_KIND ? v->kinds[i]->kinds : v->kinds[i]->scopes;
            if (d)
                dims[n++] = d;
        }
        break;
    default:
        return;
    }
    const Symbol *word = symtab_find(rs->m->syms, str->as.str.ptr, str->as.str.len);
    Suggest s;
    suggest_init(&s, str->as.str.ptr);
    for (uint32_t i = 0; i < n; i++) {
        if (word && vocab_find_part(v, dims[i], word))
            return;
        for (uint32_t j = 0; j < dims[i]->nparts; j++)
            suggest_offer(&s, dims[i]->words[j]->text, dims[i]->words[j]->len);
    }
    const char *near = suggest_best(&s);
    if (near)
        diag_error(rs->diag, src, str->span, "\"%.*s\" is not a %s; did you mean \"%s\"?", (int)str->as.str.len,
                   str->as.str.ptr, what, near);
    else
        diag_error(rs->diag, src, str->span, "\"%.*s\" is not a %s of the vocabulary", (int)str->as.str.len,
                   str->as.str.ptr, what);
    rs->ok = false;
}

/* ---- calls and the rest ------------------------------------------------------- */

static void resolve_expr(Resolver *rs, Source *src, const Expr *e);

static void resolve_call(Resolver *rs, Source *src, const Expr *e)
{
    int fn = function_of(e->as.call.fn);
    if (fn < 0) {
        const char *list = "";
        Suggest sg;
        suggest_init(&sg, e->as.call.fn->text);
        for (size_t i = 0; i < sizeof functions / sizeof *functions && list; i++) {
            size_t last = sizeof functions / sizeof *functions - 1;
            list = arena_printf(rs->arena, "%s%s%s", list, i == 0 ? "" : i == last ? _(" or ") : ", ", functions[i].name);
            suggest_offer(&sg, functions[i].name, strlen(functions[i].name));
        }
        const char *near = suggest_best(&sg);
        if (near)
            diag_error(rs->diag, src, e->as.call.fn_span, "unknown function '%s'; did you mean '%s'?",
                       e->as.call.fn->text, near);
        else
            diag_error(rs->diag, src, e->as.call.fn_span, "unknown function '%s': use %s", e->as.call.fn->text,
                       list ? list : "");
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
            const char *near = a->kind == EXPR_PATH && !a->as.path->next
                                   ? model_selector_nearest(rs->m->vocab, a->as.path->name) : NULL;
            if (near)
                diag_error(rs->diag, src, a->span, "the first argument of %s() is a kind: '%s' is none; did "
                           "you mean '%s'?", functions[fn].name, a->as.path->name->text, near);
            else
                diag_error(rs->diag, src, a->span,
                           "the first argument of %s() is a kind of unit or session, commune_level, opinion or "
                           "document", functions[fn].name);
            rs->ok = false;
        } else if (x->sel.what == SEL_DOCUMENT && (x->fn != FN_COUNT || a->next)) {
            /* count(document, COND) at the condition; share, sum, mean at the kind */
            diag_error(rs->diag, src, x->fn == FN_COUNT && a->next ? a->next->span : a->span,
                       "a document has no figures to test: documents can only be counted, "
                       "as count(document)");
            rs->ok = false;
        }
        ranged(rs, &x->sel);
        a = a->next;
    }
    if (x->fn == FN_PASSED) {
        /* passed(RULE): a rule of the run, by its identifier */
        const Symbol *id = a->kind == EXPR_PATH && !a->as.path->next ? a->as.path->name : NULL;
        Suggest sg;
        suggest_init(&sg, id ? id->text : "");
        for (const RuleDef *r = rs->m->rules; r && id; r = r->next) {
            if (r->id == id)
                x->rule = r;
            suggest_offer(&sg, r->id->text, r->id->len);
        }
        if (!x->rule) {
            const char *near = id ? suggest_best(&sg) : NULL;
            if (near)
                diag_error(rs->diag, src, a->span, "unknown rule '%s'; did you mean '%s'?", id->text, near);
            else if (id)
                diag_error(rs->diag, src, a->span, "unknown rule '%s': no rule of this run has this identifier (is "
                           "its rulebook given with --rules?)", id->text);
            else
                diag_error(rs->diag, src, a->span, "passed() takes the identifier of a rule of this run");
            rs->ok = false;
        }
        return;
    }
    bool aggregate = takes_kind(x->fn);
    if (aggregate && rs->aggregates == RESOLVE_MAX_AGGREGATES) {
        diag_error(rs->diag, src, e->span, "share, count, sum and mean nest at most %d deep: this one is the %dth",
                   RESOLVE_MAX_AGGREGATES, RESOLVE_MAX_AGGREGATES + 1);
        rs->ok = false;
        return;
    }
    rs->aggregates += aggregate;
    for (; a; a = a->next)
        resolve_expr(rs, src, a);
    rs->aggregates -= aggregate;
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
        if (e->as.op.op == OP_EQ || e->as.op.op == OP_NE) {
            if (e->as.op.lhs->kind == EXPR_PATH)
                check_word(rs, src, e->as.op.lhs, e->as.op.rhs);
            if (e->as.op.rhs->kind == EXPR_PATH)
                check_word(rs, src, e->as.op.rhs, e->as.op.lhs);
        }
        break;
    case EXPR_NUMBER: case EXPR_PERCENT: case EXPR_MONEY: case EXPR_DATE: case EXPR_STRING:
    case EXPR_UNKNOWN:
        break;
    }
}

Resolution *resolve_run(const Model *m, Arena *a, Diag *diag, bool *ok)
{
    Resolution *r = ARENA_NEW(a, Resolution);
    if (!r)
        return NULL;
    Resolver rs = { .m = m, .arena = a, .diag = diag, .r = r, .ok = true };
    for (const IndicatorDef *ind = m->indicators; ind; ind = ind->next) {
        resolve_expr(&rs, ind->src, ind->expr);
        if (ind->has_per)
            ranged(&rs, &ind->per);
    }
    for (const RuleDef *rule = m->rules; rule; rule = rule->next) {
        ranged(&rs, &rule->each);
        ranged(&rs, &rule->each2);
        if (rule->where)
            resolve_expr(&rs, rule->src, rule->where);
        if (rule->require)
            resolve_expr(&rs, rule->src, rule->require);
    }
    *ok = rs.ok;
    return rs.oom ? NULL : r;
}

Demand resolve_demand(const Resolution *r)
{
    return (Demand){ r->paths, r->npaths, r->dims, r->ndims };
}

const Resolved *resolve_get(const Resolution *r, const Expr *e)
{
    return ptrmap_get(&r->table, e, 0);
}
