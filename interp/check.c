/* check.c - aggregation (spec §5.3, §5.4) and the checks (spec §6). */
#include "check.h"

#include <stdlib.h>
#include <string.h>

typedef struct Checker {
    Model *m;
    Result *r;
    Symbol *opinions, *satisfied, *documents, *invited, *attended, *communes, *communes_held;
    Symbol *unstatused;     /* listed opinions without a status, an internal path */
    Symbol *plural[NODE_KIND_COUNT], *not_held[NODE_KIND_COUNT];
    PtrMap status_path, doc_path;   /* status/kind name -> "opinions.x" path */
    bool oom;
} Checker;

/* ---- values ------------------------------------------------------------ */

Value check_value(const Node *n, const Symbol *path)
{
    Value v = { 0 };
    const Figure *f = model_figure(n, path);
    if (f && f->declared.known) {
        v.known = v.declared = v.from_declared = true;
        v.approx = f->declared.approx != APPROX_NONE;
        v.money = f->declared.money;
        v.value = f->declared.value;
        return v;
    }
    if (f && f->derived) {
        v.known = v.from_declared = true;
        v.value = f->derived_value;
        return v;
    }
    const Aggregate *a = ptrmap_get(&n->computed, path, 0);
    if (a && !a->overflow) {
        v.known = true;
        v.approx = a->approx;
        v.money = a->money;
        v.value = a->sum;
        v.from_declared = a->declared;
    } else if (!a && (path->flags & SYMBOL_ZERO_IN_UNITS) && !model_is_session(n->kind)) {
        v.known = true;             /* no dialogue listed: 0 dialogues */
    }
    return v;
}

static Aggregate *agg_for(Checker *c, Node *n, Symbol *path)
{
    Aggregate *a = ptrmap_get(&n->computed, path, 0);
    if (a)
        return a;
    a = ARENA_NEW(c->m->arena, Aggregate);
    if (!a || !ptrmap_put(&n->computed, c->m->arena, path, 0, a)) {
        c->oom = true;
        return NULL;
    }
    if (path != c->unstatused && !ptrmap_get(&c->m->known_paths, path, 0))
        ptrmap_put(&c->m->known_paths, c->m->arena, path, 0, path);
    return a;
}

static void add_to(Aggregate *a, Value v)
{
    if (__builtin_add_overflow(a->sum, v.value, &a->sum))
        a->overflow = true;
    a->approx |= v.approx;
    a->money |= v.money;
}

static void add_entry(Checker *c, Node *n, Symbol *path, int64_t k)
{
    Aggregate *a = path ? agg_for(c, n, path) : NULL;
    if (!a)
        return;
    add_to(a, (Value){ .known = true, .value = k });
    a->entries++;
}

/* "opinions.resolved" from the status name, interned once per name. */
static Symbol *sub_path(Checker *c, PtrMap *cache, Symbol *whole, Symbol *leaf)
{
    Symbol *p = ptrmap_get(cache, leaf, 0);
    if (!p) {
        p = model_join_path(c->m, whole, leaf);
        if (!p || !ptrmap_put(cache, c->m->arena, leaf, 0, p)) {
            c->oom = true;
            return NULL;
        }
    }
    return p;
}

/* Add child `ch`'s values of every path it knows to its parent. */
static void provide(Checker *c, Node *parent, Node *ch)
{
    bool unit = !model_is_session(ch->kind);
    const PtrMap *maps[2] = { &ch->figure_index, &ch->computed };
    for (int i = 0; i < 2; i++) {
        for (uint32_t s = 0; s < maps[i]->cap; s++) {
            Symbol *path = (Symbol *)maps[i]->slots[s].key;
            if (!path)
                continue;
            if (i == 1 && model_figure(ch, path))
                continue;           /* declared: counted in the first pass */
            Value v = check_value(ch, path);
            if (!v.known)
                continue;
            Aggregate *a = agg_for(c, parent, path);
            if (!a)
                return;
            add_to(a, v);
            a->declared |= v.from_declared;
            if (unit)
                a->units++;
            else
                a->sessions++;
        }
    }
}

static void aggregate(Checker *c, Node *n)
{
    for (Node *ch = n->first_child; ch; ch = ch->next_sibling) {
        aggregate(c, ch);
        if (!ch->not_held)
            provide(c, n, ch);      /* a session not held adds only to *_not_held */
        if (model_is_session(ch->kind)) {
            /* a held session that declares its own count (receptions 3 on
             * one day) gives that through provide(); otherwise it counts 1 */
            if (ch->not_held)
                add_entry(c, n, c->not_held[ch->kind], 1);
            else if (!model_figure(ch, c->plural[ch->kind]))
                add_entry(c, n, c->plural[ch->kind], 1);
        } else {
            add_entry(c, n, c->plural[ch->kind], 1);
        }
    }
    for (Opinion *o = n->opinions; o; o = o->next) {
        add_entry(c, n, c->opinions, 1);
        if (o->status)
            add_entry(c, n, sub_path(c, &c->status_path, c->opinions, o->status), 1);
        else
            add_entry(c, n, c->unstatused, 1);  /* carried up like any figure */
        if (o->satisfied == 1)
            add_entry(c, n, c->satisfied, 1);
    }
    for (Document *d = n->documents; d; d = d->next) {
        add_entry(c, n, c->documents, 1);
        add_entry(c, n, sub_path(c, &c->doc_path, c->documents, d->kind), 1);
    }
}

/* ---- building checks ------------------------------------------------------ */

static Number count_number(int64_t v, bool money)
{
    return (Number){ true, (double)v, 0, money };
}

static Check *new_check(Checker *c, CheckKind kind, const char *subject, Source *src, Span span)
{
    Check *k = ARENA_NEW(c->m->arena, Check);
    if (!k) {
        c->oom = true;
        return NULL;
    }
    k->kind = kind;
    k->subject = subject;
    k->src = src;
    k->span = span;
    return k;
}

/* 10 % of |d| rounded up, at least 1 (spec §6.5), without overflow. */
static int64_t tolerance_of(int64_t d)
{
    uint64_t ad = d < 0 ? 0 - (uint64_t)d : (uint64_t)d;
    uint64_t tol = ad / 10 + (ad % 10 != 0);
    return tol < 1 ? 1 : (int64_t)tol;          /* ad/10 + 1 always fits */
}

/* Decide pass/fail for an integer comparison and fill in the numbers.
 * Differences that do not fit in 64 bits leave the check unknown. */
static void judge(Check *k, Quantity declared, int64_t computed, bool computed_known, Relation rel)
{
    k->declared = count_number(declared.value, declared.money);
    int64_t d = declared.value, x = computed;
    int64_t tol = tolerance_of(d);
    k->relation = rel;
    if (declared.approx && rel == REL_EQ)
        k->relation = declared.approx == APPROX_ABOUT ? REL_ABOUT
                    : declared.approx == APPROX_OVER ? REL_OVER : REL_NEARLY;
    if (declared.approx == APPROX_ABOUT || declared.approx == APPROX_NEARLY)
        k->tolerance = (double)tol;
    if (!computed_known) {
        k->status = RESULT_UNKNOWN;
        return;
    }
    k->computed = count_number(computed, declared.money);
    int64_t diff;
    if (__builtin_sub_overflow(d, x, &diff)) {
        k->status = RESULT_UNKNOWN;
        k->note = "the numbers are too large to compare";
        return;
    }
    k->imbalance = count_number(diff, declared.money);
    /* |diff| <= tol, written so that neither side can overflow */
    bool within = diff >= -tol && diff <= tol;
    bool ok = false;
    switch (k->relation) {
    case REL_EQ: ok = diff == 0; break;
    case REL_GE:
        /* a lower bound on an approximate total: "about 300" covers up to 330,
         * "nearly 300" up to 300, "over 300" has no upper end */
        ok = declared.approx == APPROX_ABOUT ? diff >= -tol : declared.approx == APPROX_OVER ? true : diff >= 0;
        break;
    case REL_LE: ok = diff <= 0; break;
    case REL_ABOUT: ok = within; break;
    case REL_OVER: ok = diff < 0; break;
    case REL_NEARLY: ok = diff >= 0 && diff <= tol; break;
    case REL_WITHIN: break;
    }
    k->status = ok ? RESULT_PASS : RESULT_FAIL;
}

static const char *subject_of(Checker *c, const Node *n, const char *what)
{
    return arena_printf(c->m->arena, "%s: %s", model_subject(c->m->arena, n), what);
}

static bool part_value(const Figure *p, int64_t *v)
{
    if (p->declared.known) {
        *v = p->declared.value;
        return true;
    }
    if (p->derived) {
        *v = p->derived_value;
        return true;
    }
    return false;
}

/* "opinions = resolved + pending", "receptions = periodic + regular + ..." */
static const char *breakdown_text(Checker *c, const Figure *f, const Breakdown *bd)
{
    enum { MAX_NAMED = 5 };
    const char *text = arena_printf(c->m->arena, "%s =", f->path->text);
    uint32_t i = 0;
    for (const Figure *p = bd->parts; p && text; p = p->next_part, i++) {
        if (i == MAX_NAMED) {
            text = arena_printf(c->m->arena, "%s + ... (%u parts)", text, bd->nparts);
            break;
        }
        text = arena_printf(c->m->arena, "%s%s %s", text, i ? " +" : "", p->leaf->text);
    }
    if (text && bd->partial && i <= MAX_NAMED)
        text = arena_printf(c->m->arena, "%s + ...", text);
    return text ? text : f->path->text;
}

static void check_sum(Checker *c, Figure *f, Breakdown *bd)
{
    if (!f->declared.known)
        return;                     /* the total is derived from this breakdown */
    int64_t sum = 0;
    uint32_t unknown = 0;
    Figure *missing = NULL;
    bool overflow = false, approx = false;
    for (Figure *p = bd->parts; p; p = p->next_part) {
        int64_t v;
        approx |= p->declared.approx != APPROX_NONE;
        if (part_value(p, &v))
            overflow |= __builtin_add_overflow(sum, v, &sum);
        else {
            unknown++;
            missing = p;
        }
    }
    if (overflow)
        return;
    Check *k = new_check(c, CHECK_SUM, subject_of(c, f->owner, breakdown_text(c, f, bd)), f->src, f->span);
    if (!k)
        return;
    judge(k, f->declared, sum, unknown == 0, bd->partial ? REL_GE : REL_EQ);
    int64_t need;
    if (unknown == 1 && !bd->partial && !f->declared.approx &&
        !__builtin_sub_overflow(f->declared.value, sum, &need))
        k->note = arena_printf(c->m->arena, "the unknown part '%s' would be %lld", missing->leaf->text,
                               (long long)need);
    else if (unknown)
        k->note = arena_printf(c->m->arena, "%u part%s unknown", unknown, unknown == 1 ? " is" : "s are");
    if (approx && k->status == RESULT_FAIL) {
        k->status = RESULT_UNKNOWN;
        k->note = "a part is approximate";
    }
    result_add_check(c->r, k);
}

/* Two breakdowns of one figure form a table when the parts of one are
 * broken down by the names of the other's parts (spec §5.2): each column
 * must add up. One pass over the cells; columns found by name. */
static void check_table(Checker *c, Figure *f, Breakdown *rows, Breakdown *cols)
{
    enum { MAX_NAMED = 5 };
    Arena *a = c->m->arena;
    uint32_t ncols = cols->nparts;
    int64_t *sum = ARENA_ARRAY(a, int64_t, ncols);
    uint32_t *have = ARENA_ARRAY(a, uint32_t, ncols);
    bool *exact = ARENA_ARRAY(a, bool, ncols);
    PtrMap index = { 0 };
    uint32_t j = 0;
    for (Figure *col = cols->parts; col; col = col->next_part, j++)
        if (!sum || !have || !exact || !ptrmap_put(&index, a, col->leaf, 0, (void *)(uintptr_t)(j + 1))) {
            c->oom = true;
            return;
        }
    for (j = 0; j < ncols; j++)
        exact[j] = true;
    for (Figure *row = rows->parts; row; row = row->next_part)
        for (Breakdown *bd = row->breakdowns; bd; bd = bd->next)
            for (Figure *cell = bd->parts; cell; cell = cell->next_part) {
                uintptr_t k = (uintptr_t)ptrmap_get(&index, cell->leaf, 0);
                if (!k)
                    continue;
                int64_t v;
                have[k - 1]++;
                if (!part_value(cell, &v) || cell->declared.approx ||
                    __builtin_add_overflow(sum[k - 1], v, &sum[k - 1]))
                    exact[k - 1] = false;
            }
    j = 0;
    for (Figure *col = cols->parts; col; col = col->next_part, j++) {
        if (!have[j] || !col->declared.known)
            continue;
        const char *what = arena_printf(a, "%s =", col->path->text);
        uint32_t i = 0;
        for (Figure *row = rows->parts; row && what; row = row->next_part, i++) {
            if (i == MAX_NAMED) {
                what = arena_printf(a, "%s + ... (%u rows)", what, rows->nparts);
                break;
            }
            what = arena_printf(a, "%s%s %s.%s", what, i ? " +" : "", row->leaf->text, col->leaf->text);
        }
        Check *k = new_check(c, CHECK_TABLE, subject_of(c, f->owner, what ? what : col->path->text),
                             col->src, col->span);
        if (!k)
            return;
        bool complete = have[j] == rows->nparts;
        /* rows ending in '...' are only part of the column: a lower bound */
        judge(k, col->declared, sum[j], complete && exact[j], rows->partial ? REL_GE : REL_EQ);
        if (!complete)
            k->note = arena_printf(a, "%u of %u rows give a '%s' cell", have[j], rows->nparts, col->leaf->text);
        else if (!exact[j])
            k->note = "a cell is unknown or approximate";
        result_add_check(c->r, k);
    }
}

static bool has_sub_breakdown(const Breakdown *bd)
{
    for (const Figure *p = bd->parts; p; p = p->next_part)
        if (p->breakdowns)
            return true;
    return false;
}

static bool is_child_count(Checker *c, const Symbol *path)
{
    return path == c->plural[NODE_PROVINCE] || path == c->plural[NODE_DISTRICT] ||
           path == c->plural[NODE_COMMUNE] || path == c->plural[NODE_VILLAGE];
}

/* Children expected at node n: the declared count for the level of its
 * child units (communes 19), else the units present. */
static void expected_children(Checker *c, const Node *n, uint32_t *present, uint32_t *expected)
{
    *present = *expected = n->nunits;
    for (int lv = LEVEL_PROVINCE; lv <= LEVEL_VILLAGE; lv++) {
        if (!n->nunits_level[lv])
            continue;
        NodeKind k = lv == LEVEL_PROVINCE ? NODE_PROVINCE : lv == LEVEL_DISTRICT ? NODE_DISTRICT
                   : lv == LEVEL_COMMUNE ? NODE_COMMUNE : NODE_VILLAGE;
        const Figure *f = model_figure(n, c->plural[k]);
        *present = n->nunits_level[lv];
        *expected = *present;
        if (f && f->declared.known && f->declared.value >= (int64_t)*present)
            *expected = f->declared.value > (int64_t)UINT32_MAX ? UINT32_MAX : (uint32_t)f->declared.value;
        return;
    }
}

/* A status or kind part that no listed entry has: when every opinion (or
 * document) counted here is itemised, here or in sessions and units below,
 * the listing is complete (spec §6.4), so the part counts 0. */
static const Aggregate *listed_zero(Checker *c, const Figure *f)
{
    static const Aggregate zero = { .entries = 1 };
    if (!f->whole || (f->whole->path != c->opinions && f->whole->path != c->documents))
        return NULL;
    const Aggregate *whole = ptrmap_get(&f->owner->computed, f->whole->path, 0);
    return whole && !whole->declared && !whole->overflow ? &zero : NULL;
}

static void check_rollup(Checker *c, Figure *f)
{
    Node *n = f->owner;
    const Aggregate *a = ptrmap_get(&n->computed, f->path, 0);
    if (!a)
        a = listed_zero(c, f);
    if (!a || !f->declared.known || a->overflow)
        return;
    const Aggregate *u = ptrmap_get(&n->computed, c->unstatused, 0);
    if (f->whole && f->whole->path == c->opinions && u && u->sum > 0) {
        /* opinions listed without a status may belong to this part */
        Check *k = new_check(c, CHECK_ITEMS, subject_of(c, n, f->path->text), f->src, f->span);
        if (k) {
            judge(k, f->declared, a->sum, true, REL_GE);
            k->note = "some listed opinions have no status";
            result_add_check(c->r, k);
        }
        return;
    }
    CheckKind kind = a->units || a->sessions ? CHECK_ROLLUP : CHECK_ITEMS;
    Check *k = new_check(c, kind, subject_of(c, n, f->path->text), f->src, f->span);
    if (!k)
        return;
    if (is_child_count(c, f->path) && a->entries) {
        /* communes 19 with 12 commune blocks present: a lower bound */
        k->kind = CHECK_ROLLUP;
        judge(k, f->declared, a->sum, true, a->sum < f->declared.value ? REL_GE : REL_EQ);
        k->has_coverage = true;
        k->covered = a->sum > (int64_t)UINT32_MAX ? UINT32_MAX : (uint32_t)a->sum;
        k->expected = f->declared.value <= 0 ? 0 : f->declared.value > (int64_t)UINT32_MAX
                                                       ? UINT32_MAX : (uint32_t)f->declared.value;
        result_add_check(c->r, k);
        return;
    }
    Relation rel = REL_EQ;
    if (a->units || (f->path->flags & SYMBOL_ZERO_IN_UNITS)) {
        uint32_t present, expected;
        expected_children(c, n, &present, &expected);
        k->has_coverage = present > 0;
        /* every unit present gives a session count, if only 0 */
        k->covered = (f->path->flags & SYMBOL_ZERO_IN_UNITS) ? present : a->units;
        k->expected = expected;
        if (k->covered < expected)
            rel = REL_GE;
    }
    judge(k, f->declared, a->sum, true, rel);
    if (a->approx && k->status == RESULT_FAIL) {
        k->status = RESULT_UNKNOWN;
        k->note = "computed from approximate figures";
    }
    result_add_check(c->r, k);
}

static void check_negative(Checker *c, Figure *f)
{
    if (!f->declared.known || f->declared.value >= 0)
        return;
    Check *k = new_check(c, CHECK_BOUND, subject_of(c, f->owner, f->path->text), f->src, f->span);
    if (!k)
        return;
    judge(k, f->declared, 0, true, REL_GE);
    k->note = "a count cannot be negative";
    result_add_check(c->r, k);
}

static void check_figure(Checker *c, Figure *f)
{
    check_negative(c, f);
    for (Breakdown *bd = f->breakdowns; bd; bd = bd->next)
        check_sum(c, f, bd);
    for (Breakdown *rows = f->breakdowns; rows; rows = rows->next)
        if (has_sub_breakdown(rows))
            for (Breakdown *cols = f->breakdowns; cols; cols = cols->next)
                if (cols != rows)
                    check_table(c, f, rows, cols);
    check_rollup(c, f);
    for (Breakdown *bd = f->breakdowns; bd; bd = bd->next)
        for (Figure *p = bd->parts; p; p = p->next_part)
            check_figure(c, p);
}

/* small <= large at node n, when both are known and one is declared here */
static void check_bound(Checker *c, Node *n, Symbol *small, Symbol *large)
{
    Value s = check_value(n, small), l = check_value(n, large);
    if (!s.known || !l.known || !(s.declared || l.declared) || s.approx || l.approx)
        return;
    const Figure *f = model_figure(n, small);
    if (!f)
        f = model_figure(n, large);
    const char *what = arena_printf(c->m->arena, "%s <= %s", small->text, large->text);
    Check *k = new_check(c, CHECK_BOUND, subject_of(c, n, what), f->src, f->span);
    if (!k)
        return;
    judge(k, (Quantity){ .known = true, .value = s.value }, l.value, true, REL_LE);
    result_add_check(c->r, k);
}

static void check_node(Checker *c, Node *n)
{
    for (Figure *f = n->figures; f; f = f->next)
        check_figure(c, f);
    check_bound(c, n, c->attended, c->invited);
    check_bound(c, n, c->satisfied, c->opinions);
    check_bound(c, n, c->communes_held, c->communes);
    for (Node *ch = n->first_child; ch; ch = ch->next_sibling)
        check_node(c, ch);
}

bool check_run(Model *m, Result *r)
{
    Checker c;
    memset(&c, 0, sizeof c);
    c.m = m;
    c.r = r;
    Symtab *t = m->syms;
    c.opinions = symtab_intern_cstr(t, "opinions");
    c.satisfied = symtab_intern_cstr(t, "satisfied");
    c.documents = symtab_intern_cstr(t, "documents");
    c.invited = symtab_intern_cstr(t, "invited");
    c.attended = symtab_intern_cstr(t, "attended");
    c.communes = symtab_intern_cstr(t, "communes");
    c.communes_held = symtab_intern_cstr(t, "communes_held");
    c.unstatused = symtab_intern_cstr(t, "opinions (without a status)");  /* no name can be this */
    for (int k = NODE_PROVINCE; k < NODE_KIND_COUNT; k++) {
        c.plural[k] = m->count_sym[k];
        c.not_held[k] = m->not_held_sym[k];
    }
    if (!c.unstatused || !c.opinions || !c.satisfied || !c.documents || !c.invited || !c.attended || !c.communes ||
        !c.communes_held)
        return false;
    aggregate(&c, m->root);
    if (!c.oom)
        check_node(&c, m->root);
    return !c.oom;
}
