/* check.c - the checks (spec §6), over the model and its derived values. */
#include "check.h"

#include <string.h>

typedef struct Checker {
    const Model *m;
    const Derived *d;
    const Vocab *v;
    Arena *arena;
    Result *r;
    bool oom;
} Checker;

/* ---- building checks ------------------------------------------------------ */

static Number count_number(int64_t v, bool money)
{
    return (Number){ true, (double)v, 0, money };
}

static Check *new_check(Checker *c, CheckKind kind, const Node *n, const Figure *f, Source *src, Span span)
{
    Check *k = ARENA_NEW(c->arena, Check);
    if (!k) {
        c->oom = true;
        return NULL;
    }
    k->kind = kind;
    k->node = n;
    k->figure = f;
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
        k->note.kind = NOTE_TOO_LARGE;
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

/* A check that passes only as a lower bound because some children or
 * rows did not give their part is partial, not a pass (spec §6.3). */
static void settle(Check *k)
{
    if (k->status == RESULT_PASS && k->has_coverage && k->covered < k->expected)
        k->status = RESULT_PARTIAL;
}

static void check_sum(Checker *c, const Figure *f, const Breakdown *bd)
{
    if (!f->declared.known)
        return;                     /* the total is derived from this breakdown */
    int64_t sum = 0;
    uint32_t unknown = 0;
    const Figure *missing = NULL;
    bool overflow = false, approx = false;
    for (const Figure *p = bd->parts; p; p = p->next_part) {
        int64_t v;
        approx |= p->declared.approx != APPROX_NONE;
        if (derive_part_value(c->d, p, &v))
            overflow |= __builtin_add_overflow(sum, v, &sum);
        else {
            unknown++;
            missing = p;
        }
    }
    if (overflow)
        return;
    Check *k = new_check(c, CHECK_SUM, f->owner, f, f->src, f->span);
    if (!k)
        return;
    k->parts = bd;
    judge(k, f->declared, sum, unknown == 0, bd->partial ? REL_GE : REL_EQ);
    int64_t need;
    if (unknown == 1 && !bd->partial && !f->declared.approx &&
        !__builtin_sub_overflow(f->declared.value, sum, &need))
        k->note = (Note){ .kind = NOTE_PART_WOULD_BE, .name = missing->leaf, .a = need };
    else if (unknown)
        k->note = (Note){ .kind = NOTE_PARTS_UNKNOWN, .a = unknown };
    if (approx && k->status == RESULT_FAIL) {
        k->status = RESULT_UNKNOWN;
        k->note = (Note){ .kind = NOTE_PART_APPROX };
    }
    result_add_check(c->r, k);
}

/* Two breakdowns of one figure form a table when the parts of one are
 * broken down by the names of the other's parts (spec §5.2): each column
 * must add up. One pass over the cells; columns found by name. */
static void check_table(Checker *c, const Figure *f, const Breakdown *rows, const Breakdown *cols)
{
    Arena *a = c->arena;
    uint32_t ncols = cols->nparts;
    int64_t *sum = ARENA_ARRAY(a, int64_t, ncols);
    uint32_t *have = ARENA_ARRAY(a, uint32_t, ncols);
    bool *exact = ARENA_ARRAY(a, bool, ncols);
    PtrMap index = { 0 };
    uint32_t j = 0;
    for (const Figure *col = cols->parts; col; col = col->next_part, j++)
        if (!sum || !have || !exact || !ptrmap_put(&index, a, col->leaf, 0, (void *)(uintptr_t)(j + 1))) {
            c->oom = true;
            return;
        }
    for (j = 0; j < ncols; j++)
        exact[j] = true;
    for (const Figure *row = rows->parts; row; row = row->next_part)
        for (const Breakdown *bd = row->breakdowns; bd; bd = bd->next)
            for (const Figure *cell = bd->parts; cell; cell = cell->next_part) {
                uintptr_t k = (uintptr_t)ptrmap_get(&index, cell->leaf, 0);
                if (!k)
                    continue;
                int64_t v;
                have[k - 1]++;
                if (!derive_part_value(c->d, cell, &v) || cell->declared.approx ||
                    __builtin_add_overflow(sum[k - 1], v, &sum[k - 1]))
                    exact[k - 1] = false;
            }
    j = 0;
    for (const Figure *col = cols->parts; col; col = col->next_part, j++) {
        if (!have[j] || !col->declared.known)
            continue;
        Check *k = new_check(c, CHECK_TABLE, f->owner, col, col->src, col->span);
        if (!k)
            return;
        k->parts = rows;
        bool complete = have[j] == rows->nparts;
        /* rows ending in '...' are only part of the column, and so are the
         * rows that give the cell when some do not: a lower bound */
        judge(k, col->declared, sum[j], exact[j], rows->partial || !complete ? REL_GE : REL_EQ);
        if (!complete) {
            k->has_coverage = true;
            k->covered = have[j];
            k->expected = rows->nparts;
        }
        if (!exact[j])
            k->note = (Note){ .kind = NOTE_CELL_INEXACT };
        settle(k);
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

/* Children expected at node n: the declared count for the level of its
 * child units (communes 19), else the units present. */
static void expected_children(const Node *n, uint32_t *present, uint32_t *expected)
{
    *present = *expected = n->nunits;
    for (uint32_t lv = 1; lv <= LEVEL_MAX; lv++) {
        if (!n->nunits_level[lv])
            continue;
        const FigureDecl *count = NULL;
        for (const Node *ch = n->first_child; ch && !count; ch = ch->next_sibling)
            if (!ch->kind->session && ch->kind->level == lv)
                count = ch->kind->count;
        const Figure *f = count ? model_figure(n, count->name) : NULL;
        *present = n->nunits_level[lv];
        *expected = *present;
        if (f && f->declared.known && f->declared.value >= (int64_t)*present)
            *expected = f->declared.value > (int64_t)UINT32_MAX ? UINT32_MAX : (uint32_t)f->declared.value;
        return;
    }
}

/* Does some itemised entry count into this figure (opinions, documents,
 * the counts of units and sessions)? */
static bool counts_entries(const Vocab *v, const FigureDecl *f)
{
    if (f == v->opinions || f == v->documents || f == v->satisfied)
        return true;
    for (uint32_t i = 0; i < v->nkinds; i++)
        if (v->kinds[i]->count == f || v->kinds[i]->not_held == f)
            return true;
    return false;
}

/* A part that no listed entry has: when every entry counted in its whole
 * is itemised, here or in sessions and units below, the listing is
 * complete (spec §6.4), so the part counts 0. */
static const Aggregate *listed_zero(Checker *c, const Figure *f)
{
    static const Aggregate zero = { .entries = 1 };
    if (!f->whole || !counts_entries(c->v, f->decl))
        return NULL;
    const Aggregate *whole = derive_aggregate(c->d, f->owner, f->whole->path);
    return whole && !whole->declared && !whole->overflow ? &zero : NULL;
}

static uint32_t clamp_u32(int64_t v)
{
    return v <= 0 ? 0 : v > (int64_t)UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

static void check_rollup(Checker *c, const Figure *f)
{
    const Node *n = f->owner;
    const Aggregate *a = derive_aggregate(c->d, n, f->path);
    if (!a)
        a = listed_zero(c, f);
    if (!a || !f->declared.known || a->overflow)
        return;
    const Missing *missing = f->part ? model_missing(c->m, f->decl, f->part->dim) : NULL;
    const Aggregate *lacking = missing ? derive_aggregate(c->d, n, missing->path) : NULL;
    if (lacking && lacking->sum > 0) {
        /* entries listed without this attribute may belong to this part */
        Check *k = new_check(c, CHECK_ITEMS, n, f, f->src, f->span);
        if (k) {
            judge(k, f->declared, a->sum, true, REL_GE);
            k->note = (Note){ .kind = NOTE_UNSTATUSED, .name = f->decl->name, .text = missing->word };
            result_add_check(c->r, k);
        }
        return;
    }
    CheckKind kind = a->units || a->sessions ? CHECK_ROLLUP : CHECK_ITEMS;
    Check *k = new_check(c, kind, n, f, f->src, f->span);
    if (!k)
        return;
    if (!f->whole && vocab_is_unit_count(c->v, f->decl) && a->entries) {
        /* communes 19 with 12 commune blocks present: a lower bound */
        k->kind = CHECK_ROLLUP;
        judge(k, f->declared, a->sum, true, a->sum < f->declared.value ? REL_GE : REL_EQ);
        k->has_coverage = true;
        k->covered = clamp_u32(a->sum);
        k->expected = clamp_u32(f->declared.value);
        settle(k);
        result_add_check(c->r, k);
        return;
    }
    Relation rel = REL_EQ;
    bool zero_in_units = vocab_zero_in_units(c->v, f->path);
    if (a->units || zero_in_units) {
        uint32_t present, expected;
        expected_children(n, &present, &expected);
        k->has_coverage = present > 0;
        /* every unit present gives a session count, if only 0 */
        k->covered = zero_in_units ? present : a->units;
        k->expected = expected;
        if (k->covered < expected)
            rel = REL_GE;
    }
    judge(k, f->declared, a->sum, true, rel);
    if (a->approx && k->status == RESULT_FAIL) {
        k->status = RESULT_UNKNOWN;
        k->note = (Note){ .kind = NOTE_FROM_APPROX };
    }
    settle(k);
    result_add_check(c->r, k);
}

static void check_negative(Checker *c, const Figure *f)
{
    if (!f->declared.known || f->declared.value >= 0)
        return;
    Check *k = new_check(c, CHECK_BOUND, f->owner, f, f->src, f->span);
    if (!k)
        return;
    judge(k, f->declared, 0, true, REL_GE);
    k->note = (Note){ .kind = NOTE_NEGATIVE };
    result_add_check(c->r, k);
}

static void check_figure(Checker *c, const Figure *f)
{
    check_negative(c, f);
    for (const Breakdown *bd = f->breakdowns; bd; bd = bd->next)
        check_sum(c, f, bd);
    for (const Breakdown *rows = f->breakdowns; rows; rows = rows->next)
        if (has_sub_breakdown(rows))
            for (const Breakdown *cols = f->breakdowns; cols; cols = cols->next)
                if (cols != rows)
                    check_table(c, f, rows, cols);
    check_rollup(c, f);
    for (const Breakdown *bd = f->breakdowns; bd; bd = bd->next)
        for (const Figure *p = bd->parts; p; p = p->next_part)
            check_figure(c, p);
}

/* small <= large at node n, when both are known and one is declared here */
static void check_bound(Checker *c, const Node *n, const Bound *b)
{
    Value s = derive_value(c->d, n, b->small), l = derive_value(c->d, n, b->large);
    if (!s.known || !l.known || !(s.declared || l.declared) || s.approx || l.approx)
        return;
    const Figure *f = model_figure(n, b->small);
    if (!f)
        f = model_figure(n, b->large);
    Check *k = new_check(c, CHECK_BOUND, n, f, f->src, f->span);
    if (!k)
        return;
    k->bound = b;
    judge(k, (Quantity){ .known = true, .value = s.value }, l.value, true, REL_LE);
    result_add_check(c->r, k);
}

static void check_node(Checker *c, const Node *n)
{
    for (const Figure *f = n->figures; f; f = f->next)
        check_figure(c, f);
    for (uint32_t i = 0; i < c->v->nbounds; i++)
        check_bound(c, n, c->v->bounds[i]);
    for (const Node *ch = n->first_child; ch; ch = ch->next_sibling)
        check_node(c, ch);
}

bool check_run(const Model *m, const Derived *d, Arena *arena, Result *r)
{
    Checker c = { .m = m, .d = d, .v = m->vocab, .arena = arena, .r = r };
    check_node(&c, m->root);
    return !c.oom;
}
