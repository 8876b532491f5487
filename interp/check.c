/* check.c - the checks (spec §6), over the model and its derived values. */
#include "check.h"

#include <math.h>
#include <string.h>

typedef struct Checker {
    const Model *m;
    const Derived *d;
    const Vocab *v;
    Arena *arena;           /* the checks' */
    Arena scratch;          /* what one check needs while it is made, given back after */
    Result *r;
    const Node *node;       /* whose figures are checked (check_node()) */
    bool below;             /* something below it adds up to its figures: derive_any() */
    bool lean;              /* a passing check is counted, not kept (check_run_lean) */
    CheckSink sink;         /* made again (replay): each check handed here, none kept */
    void *sink_ctx;
    /* The bounds of the vocabulary by the paths they compare, made by
     * walk(): a node's figures say which bounds it is checked against
     * (mark_bounds()), with no lookup of the two figures of every bound
     * at every unit that declares any. */
    SymMap bound_of;        /* path -> its first link, + 1 */
    struct BoundLink *links;    /* two for each bound: its small, its large */
    bool *marked;           /* by bound: one of its paths is among the node's figures */
    bool oom;
} Checker;

typedef struct BoundLink {
    uint32_t bound;         /* Vocab.bounds[bound] compares the path */
    uint32_t next;          /* the path's next link, + 1; 0 ends */
} BoundLink;

/* ---- building checks ------------------------------------------------------ */

static Number count_number(Wide v, bool money) { return number_whole(v, money); }

static Check *new_check(Checker *c, CheckKind kind, const Node *n, const Figure *f)
{
    Check *k = result_new_check(c->r, c->arena);
    if (!k) {
        c->oom = true;
        return NULL;
    }
    k->kind = (uint8_t)kind;
    k->node = n;
    k->figure = f;
    return k;
}

/* k, made by new_check() and filled: kept, counted, or handed on. */
static void add(Checker *c, const Check *k)
{
    if (c->sink)
        c->sink(c->sink_ctx, k);
    else if (c->lean && k->status == RESULT_PASS)
        result_count_check(c->r, k);
    else
        result_add_check(c->r, k);
}

/* The computed side of a check: its value and, when it comes from
 * approximate figures, the range it may be in. */
typedef struct Computed {
    bool known;
    Wide value;             /* exact, beyond 64 bits if it must be */
    Range range;            /* for approximate figures */
    bool approx;
} Computed;

static Computed exact(int64_t v)
{
    return (Computed){ true, v, { v, v, false }, false };
}

static Computed of_aggregate(const Aggregate *a)
{
    return (Computed){ true, a->sum, derive_aggregate_range(a), a->approx };
}

/* Add one part: exact in Wide; its range saturates without a bound. */
static void add_part(Computed *c, const Value *v)
{
    c->value += v->value;
    if (!derive_range_add(&c->range, v->range))
        c->range = (Range){ INT64_MIN, INT64_MAX, true };
    c->approx |= v->approx;
}

/* Decide a comparison and fill in the numbers (spec §6.5). Each side is a
 * range (an exact value is [v, v]; `about N` N within its tolerance; `over
 * N` more than N; `nearly N` up to N): `=` holds when the ranges meet,
 * `>=` when the declared side can be at least the computed one, `<=` the
 * other way. Differences that do not fit in 64 bits leave it unknown. */
static void judge(Checker *ck, Check *k, Quantity declared, Computed c, Relation rel)
{
    Number shown = count_number(declared.value, declared.money);
    int64_t tol = derive_tolerance(declared.value);
    double tolerance = 0;
    k->relation = (uint8_t)rel;
    if (declared.approx && rel == REL_EQ)
        k->relation = declared.approx == APPROX_ABOUT ? REL_ABOUT
                    : declared.approx == APPROX_OVER ? REL_OVER : REL_NEARLY;
    if (declared.approx == APPROX_ABOUT || declared.approx == APPROX_NEARLY)
        tolerance = (double)tol;
    if (!c.known) {
        k->status = RESULT_UNKNOWN;
        if (!check_numbers(ck->arena, k, shown, (Number){ 0 }, (Number){ 0 }, tolerance))
            ck->oom = true;
        return;
    }
    /* exact, whatever the size: a sum beyond 64 bits is a finding, never a
     * check that vanishes (issue: hostile submissions) */
    Wide diff = (Wide)declared.value - c.value;
    bool ok = false;
    if (!c.approx && !declared.approx) {
        switch (rel) {
        case REL_EQ: ok = diff == 0; break;
        case REL_GE: ok = diff >= 0; break;
        case REL_LE: ok = diff <= 0; break;
        case REL_ABOUT: case REL_OVER: case REL_NEARLY: case REL_WITHIN: break;
        }
        if (!derive_fits(c.value))
            check_set_note(ck->arena, k, (Note){ .kind = NOTE_SUM_TOO_LARGE });
    } else {
        Range d = derive_range(&declared), x = c.range;
        switch (rel) {
        case REL_EQ: ok = (x.unbounded || d.lo <= x.hi) && (d.unbounded || x.lo <= d.hi); break;
        case REL_GE: ok = d.unbounded || d.hi >= x.lo; break;
        case REL_LE: ok = x.unbounded || d.lo <= x.hi; break;
        case REL_ABOUT: case REL_OVER: case REL_NEARLY: case REL_WITHIN: break;
        }
    }
    k->status = ok ? RESULT_PASS : RESULT_FAIL;
    if (c.approx)
        check_set_note(ck->arena, k, (Note){ .kind = NOTE_APPROX_RANGE, .a = c.range.lo, .b = c.range.hi,
                                           .x = c.range.unbounded });
    bool kept = tolerance == 0 ? check_whole_numbers(ck->arena, k, declared.value, c.value, declared.money)
                               : check_numbers(ck->arena, k, shown, count_number(c.value, declared.money),
                                               count_number(diff, declared.money), tolerance);
    if (!kept)
        ck->oom = true;
}

/* A check that passes only as a lower bound because some children or
 * rows did not give their part is partial, not a pass (spec §6.3). */
static void settle(Check *k)
{
    CheckCoverage cov = check_coverage(k);
    if (k->status == RESULT_PASS && cov.has && cov.covered < cov.expected)
        k->status = RESULT_PARTIAL;
}

static void check_sum(Checker *c, const Figure *f, const Breakdown *bd)
{
    if (!f->known)
        return;                     /* the total is derived from this breakdown */
    Computed sum = exact(0);
    uint32_t unknown = 0;
    const Figure *missing = NULL;
    for (const Figure *p = bd->parts; p; p = figure_next(p)) {
        Value v;
        if (!derive_part_value(c->d, c->node, p, &v)) {
            unknown++;
            missing = p;
        } else {
            add_part(&sum, &v);
        }
    }
    Check *k = new_check(c, CHECK_SUM, c->node, f);
    if (!k)
        return;
    k->parts = bd;
    sum.known = unknown == 0;
    judge(c, k, figure_declared(f), sum, bd->partial ? REL_GE : REL_EQ);
    Wide need = (Wide)figure_value(f) - sum.value;
    if (unknown == 1 && !bd->partial && !f->approx && !sum.approx && derive_fits(need))
        check_set_note(c->arena, k, (Note){ .kind = NOTE_PART_WOULD_BE, .name = figure_leaf(c->m, missing),
                                            .a = (int64_t)need });
    else if (unknown)
        check_set_note(c->arena, k, (Note){ .kind = NOTE_PARTS_UNKNOWN, .a = unknown });
    add(c, k);
}

/* Two breakdowns of one figure form a table when the parts of one are
 * broken down by the names of the other's parts (spec §5.2): each column
 * must add up. One pass over the cells; a cell's column found by its
 * name, among the few columns of most tables one by one, by an index in
 * the scratch arena beyond (TABLE_SCANNED). */
enum { TABLE_SCANNED = 16 };

typedef struct Columns {
    const Symbol *leaf[TABLE_SCANNED];  /* the columns' names, while few */
    uint32_t n;
    PtrMap index;           /* name -> column + 1, beyond TABLE_SCANNED */
} Columns;

/* The column named `leaf`, + 1; 0: none. */
static uint32_t column_of(const Columns *cols, const Symbol *leaf)
{
    if (cols->n > TABLE_SCANNED)
        return (uint32_t)(uintptr_t)ptrmap_get(&cols->index, leaf, 0);
    for (uint32_t j = 0; j < cols->n; j++)
        if (cols->leaf[j] == leaf)
            return j + 1;
    return 0;
}

static void check_columns(Checker *c, const Breakdown *rows, const Breakdown *cols)
{
    Arena *a = &c->scratch;
    uint32_t ncols = cols->nparts;
    Computed small_sum[TABLE_SCANNED];
    uint32_t small_have[TABLE_SCANNED];
    bool small_known[TABLE_SCANNED];
    bool few = ncols <= TABLE_SCANNED;
    Computed *sum = few ? small_sum : arena_alloc(a, ncols * sizeof *sum);
    uint32_t *have = few ? small_have : arena_alloc(a, ncols * sizeof *have);
    bool *known = few ? small_known : arena_alloc(a, ncols * sizeof *known);
    if (!sum || !have || !known) {
        c->oom = true;
        return;
    }
    Columns index = { .n = ncols };
    uint32_t j = 0;
    for (const Figure *col = cols->parts; col; col = figure_next(col), j++) {
        const Symbol *leaf = figure_leaf(c->m, col);
        if (few) {
            index.leaf[j] = leaf;
        } else if (!ptrmap_put(&index.index, a, leaf, 0, (void *)(uintptr_t)(j + 1))) {
            c->oom = true;
            return;
        }
    }
    for (j = 0; j < ncols; j++) {
        known[j] = true;            /* every cell known */
        have[j] = 0;
        sum[j] = exact(0);
    }
    for (const Figure *row = rows->parts; row; row = figure_next(row))
        for (const Breakdown *bd = figure_breakdowns(row); bd; bd = bd->next)
            for (const Figure *cell = bd->parts; cell; cell = figure_next(cell)) {
                uint32_t k = column_of(&index, figure_leaf(c->m, cell));
                if (!k)
                    continue;
                Value v;
                Computed *col = &sum[k - 1];
                have[k - 1]++;
                if (!derive_part_value(c->d, c->node, cell, &v))
                    known[k - 1] = false;
                else
                    add_part(col, &v);
            }
    j = 0;
    for (const Figure *col = cols->parts; col; col = figure_next(col), j++) {
        if (!have[j] || !col->known)
            continue;
        Check *k = new_check(c, CHECK_TABLE, c->node, col);
        if (!k)
            return;
        k->parts = rows;
        bool complete = have[j] == rows->nparts;
        /* rows ending in '...' are only part of the column, and so are the
         * rows that give the cell when some do not: a lower bound */
        sum[j].known = known[j];
        judge(c, k, figure_declared(col), sum[j], rows->partial || !complete ? REL_GE : REL_EQ);
        /* the note first: a coverage set first would make a head alone,
         * then a CheckMore for the note (result.h) */
        if (!known[j])
            check_set_note(c->arena, k, (Note){ .kind = NOTE_CELL_INEXACT });
        if (!complete)
            check_set_coverage(c->arena, k, have[j], rows->nparts);
        settle(k);
        add(c, k);
    }
}

/* check_columns() with its sums and index in the scratch arena, given back
 * after: a table in every village leaves none of them behind. */
static void check_table(Checker *c, const Breakdown *rows, const Breakdown *cols)
{
    ArenaMark mark = arena_mark(&c->scratch);
    check_columns(c, rows, cols);        /* says when memory ran out */
    arena_rewind(&c->scratch, mark);
}

static bool has_sub_breakdown(const Breakdown *bd)
{
    for (const Figure *p = bd->parts; p; p = figure_next(p))
        if (figure_breakdowns(p))
            return true;
    return false;
}

/* Children expected at node n: the declared count for the level of its
 * child units (communes 19), else the units present. */
static void expected_children(const Node *n, uint32_t *present, uint32_t *expected)
{
    *present = *expected = node_nunits(n);
    /* the child units of the first level that has any, counted here: a
     * node does not keep a count for each level (most nodes have none) */
    uint32_t lv = LEVEL_MAX + 1, k = 0;
    const FigureDecl *count = NULL;
    for (const Node *ch = node_first_child(n); ch; ch = ch->next_sibling) {
        if (ch->kind->session || ch->kind->level > lv)
            continue;
        if (ch->kind->level < lv) {
            lv = ch->kind->level;
            k = 0;
            count = NULL;
        }
        k++;
        if (!count)
            count = ch->kind->count;
    }
    if (!k)
        return;
    const Figure *f = count ? model_figure(n, count->name) : NULL;
    *present = *expected = k;
    int64_t declared = f && f->known ? figure_value(f) : -1;  /* -1: none, below any count */
    if (declared >= (int64_t)*present)
        *expected = declared > (int64_t)UINT32_MAX ? UINT32_MAX : (uint32_t)declared;
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
 * (`whole`; NULL: it is no part) is itemised, here or in sessions and
 * units below, the listing is complete (spec §6.4), so the part counts 0. */
static bool listed_zero(Checker *c, const FigureDecl *decl, const Figure *whole, Aggregate *out)
{
    Aggregate of_whole;
    if (!whole || !counts_entries(c->v, decl) || !derive_aggregate(c->d, c->node, whole->path_id, &of_whole) ||
        of_whole.declared)
        return false;
    *out = (Aggregate){ .entries = 1 };
    return true;
}

static uint32_t clamp_u32(Wide v)
{
    return v <= 0 ? 0 : v > (int64_t)UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

static void check_rollup(Checker *c, const FigureDecl *decl, const Figure *whole, const Figure *f)
{
    const Node *n = c->node;
    Aggregate agg, lacking;
    if (!c->below)
        return;                     /* nothing to compare its figures with */
    if ((!derive_aggregate(c->d, n, f->path_id, &agg) && !listed_zero(c, decl, whole, &agg)) || !f->known)
        return;
    const Aggregate *a = &agg;
    const Part *part = figure_part(c->m, f);
    const Missing *missing = part ? model_missing(c->m, decl, part->dim) : NULL;
    if (missing && derive_aggregate(c->d, n, missing->path->id, &lacking) && lacking.sum > 0) {
        /* entries listed without this attribute may belong to this part */
        Check *k = new_check(c, CHECK_ITEMS, n, f);
        if (k) {
            judge(c, k, figure_declared(f), of_aggregate(a), REL_GE);
            check_set_note(c->arena, k, (Note){ .kind = NOTE_UNSTATUSED, .name = decl->name, .text = missing->word });
            add(c, k);
        }
        return;
    }
    CheckKind kind = a->units || a->sessions ? CHECK_ROLLUP : CHECK_ITEMS;
    Check *k = new_check(c, kind, n, f);
    if (!k)
        return;
    if (!whole && vocab_is_unit_count(c->v, decl) && a->entries) {
        /* communes 19 with 12 commune blocks present: a lower bound */
        k->kind = CHECK_ROLLUP;
        judge(c, k, figure_declared(f), of_aggregate(a), a->sum < figure_value(f) ? REL_GE : REL_EQ);
        check_set_coverage(c->arena, k, clamp_u32(a->sum), clamp_u32(figure_value(f)));
        settle(k);
        add(c, k);
        return;
    }
    Relation rel = REL_EQ;
    bool zero_in_units = vocab_zero_in_units(c->v, f->path_id);
    if (a->units || zero_in_units) {
        uint32_t present, expected;
        expected_children(n, &present, &expected);
        /* every unit present gives a session count, if only 0 */
        uint32_t covered = zero_in_units ? present : a->units;
        if (present > 0)
            check_set_coverage(c->arena, k, covered, expected);
        if (covered < expected)
            rel = REL_GE;
    }
    judge(c, k, figure_declared(f), of_aggregate(a), rel);
    settle(k);
    add(c, k);
}

static void check_negative(Checker *c, const Figure *f)
{
    if (!f->known || figure_value(f) >= 0)
        return;
    Check *k = new_check(c, CHECK_BOUND, c->node, f);
    if (!k)
        return;
    judge(c, k, figure_declared(f), exact(0), REL_GE);
    check_set_note(c->arena, k, (Note){ .kind = NOTE_NEGATIVE });
    add(c, k);
}

/* A Decimal-like quantity as a double: a percentage's mantissa scaled. */
static double as_double(const Quantity *q)
{
    return q->percent ? (double)q->value / pow(10, q->decimals) : (double)q->value;
}

/* `previous` and `change` agree with the figure (spec §6.8): a difference
 * exactly; a percentage change, or a change in percentage points, within
 * one unit of the last digit the report printed. */
static void check_change(Checker *c, const Figure *f)
{
    const FigureChange *change = figure_change(c->m, f);
    if (!change)
        return;
    const Quantity current = figure_declared(f);
    const Quantity *v = &current, *p = &change->previous, *d = &change->change;
    if (!d->known || !p->known || !v->known || v->approx)
        return;
    Check *k = new_check(c, CHECK_CHANGE, c->node, f);
    if (!k)
        return;
    k->change = change;
    if (!d->percent) {
        Computed x = exact(0);
        x.value = (Wide)v->value - p->value;     /* exact: a change of two 64-bit figures */
        judge(c, k, *d, x, REL_EQ);
        add(c, k);
        return;
    }
    double unit = pow(10, -(double)d->decimals), declared = as_double(d);
    Number shown = number_real(declared, d->decimals, false);
    k->relation = REL_WITHIN;
    double computed;
    if (v->percent) {
        computed = as_double(v) - as_double(p);         /* percentage points */
    } else if (p->value == 0) {
        k->status = RESULT_UNKNOWN;
        check_set_note(c->arena, k, (Note){ .kind = NOTE_ZERO_DENOMINATOR });
        if (!check_numbers(c->arena, k, shown, (Number){ 0 }, (Number){ 0 }, unit))
            c->oom = true;
        add(c, k);
        return;
    } else {
        computed = 100.0 * ((double)v->value - (double)p->value) / (double)p->value;
    }
    if (!check_numbers(c->arena, k, shown, number_real(computed, 4, false), number_real(declared - computed, 4, false),
                       unit))
        c->oom = true;
    k->status = fabs(declared - computed) <= unit + 1e-9 ? RESULT_PASS : RESULT_FAIL;
    if (k->status == RESULT_FAIL)
        check_set_note(c->arena, k, (Note){ .kind = NOTE_PERCENT_DIFFERS, .x = unit });
    add(c, k);
}

/* f and its parts; decl: the figure of the vocabulary they are cells of;
 * whole: the figure f is a part of (NULL: f is a whole). */
static void check_figure(Checker *c, const FigureDecl *decl, const Figure *whole, const Figure *f)
{
    check_negative(c, f);
    if (f->changed)
        check_change(c, f);         /* the few written with previous or change */
    for (const Breakdown *bd = figure_breakdowns(f); bd; bd = bd->next)
        check_sum(c, f, bd);
    for (const Breakdown *rows = figure_breakdowns(f); rows; rows = rows->next)
        if (has_sub_breakdown(rows))
            for (const Breakdown *cols = figure_breakdowns(f); cols; cols = cols->next)
                if (cols != rows)
                    check_table(c, rows, cols);
    check_rollup(c, decl, whole, f);
    for (const Breakdown *bd = figure_breakdowns(f); bd; bd = bd->next)
        for (const Figure *p = bd->parts; p; p = figure_next(p))
            check_figure(c, decl, f, p);
}

/* Mark the bounds that compare f's path or one of its parts'. */
static void mark_bounds(Checker *c, const Figure *f)
{
    for (uintptr_t l = (uintptr_t)symmap_get_id(&c->bound_of, f->path_id); l; l = c->links[l - 1].next)
        c->marked[c->links[l - 1].bound] = true;
    for (const Breakdown *bd = figure_breakdowns(f); bd; bd = bd->next)
        for (const Figure *p = bd->parts; p; p = figure_next(p))
            mark_bounds(c, p);
}

/* The links of walk(); false when out of memory. */
static bool link_bounds(Checker *c)
{
    uint32_t n = c->v->nbounds;
    c->links = n ? ARENA_ARRAY(&c->scratch, BoundLink, 2 * (size_t)n) : NULL;
    c->marked = n ? ARENA_ARRAY(&c->scratch, bool, n) : NULL;
    if (n && (!c->links || !c->marked))
        return false;
    for (uint32_t i = 0; i < 2 * n; i++) {
        const Bound *b = c->v->bounds[i / 2];
        const Symbol *path = i % 2 ? b->large : b->small;
        c->links[i] = (BoundLink){ i / 2, (uint32_t)(uintptr_t)symmap_get(&c->bound_of, path) };
        if (!symmap_put(&c->bound_of, &c->scratch, path, (void *)(uintptr_t)(i + 1)))
            return false;
    }
    return true;
}

/* small <= large at node n, when both are known and one is declared here */
static void check_bound(Checker *c, const Node *n, const Bound *b)
{
    const Figure *small = model_figure(n, b->small), *large = model_figure(n, b->large);
    if (!small && !large)
        return;                     /* neither declared here */
    Value s = derive_value(c->d, n, b->small), l = derive_value(c->d, n, b->large);
    if (!s.known || !l.known || !(s.declared || l.declared) || s.approx || l.approx)
        return;
    const Figure *f = small ? small : large;
    Check *k = new_check(c, CHECK_BOUND, n, f);
    if (!k)
        return;
    k->bound = b;
    judge(c, k, (Quantity){ .known = true, .value = s.value }, exact(l.value), REL_LE);
    add(c, k);
}

static void check_node(Checker *c, const Node *n)
{
    c->node = n;
    c->below = derive_any(c->d, n);
    for (const Figure *f = n->figures; f; f = figure_next(f))
        check_figure(c, model_figure_decl(c->m, f), NULL, f);
    /* a bound is checked where one of its figures is declared: never at a
     * unit that declares none (a village of a million), and in the
     * vocabulary's order */
    for (const Figure *f = n->figures; f; f = figure_next(f))
        mark_bounds(c, f);
    for (uint32_t i = 0; n->figures && i < c->v->nbounds; i++)
        if (c->marked[i]) {
            c->marked[i] = false;
            check_bound(c, n, c->v->bounds[i]);
        }
    for (const Node *ch = node_first_child(n); ch; ch = ch->next_sibling)
        check_node(c, ch);
}

/* The pass over the whole model, c set for it. */
static bool walk(Checker *c)
{
    arena_init(&c->scratch, &c->arena->allocator);
    if (link_bounds(c))
        check_node(c, c->m->root);
    else
        c->oom = true;
    arena_free(&c->scratch);
    return !c->oom;
}

bool check_run(const Model *m, const Derived *d, Arena *arena, Result *r)
{
    r->model = m;
    return walk(&(Checker){ .m = m, .d = d, .v = m->vocab, .arena = arena, .r = r });
}

/* CheckReplay.run: the pass again, each check to sink. Its checks are made
 * in the slots of a result of its own, one block used again and again. */
static bool replay(const CheckReplay *rp, Arena *a, CheckSink sink, void *ctx)
{
    Result slots = { 0 };
    return walk(&(Checker){ .m = rp->model, .d = rp->derived, .v = rp->model->vocab, .arena = a, .r = &slots,
                            .sink = sink, .sink_ctx = ctx });
}

bool check_run_lean(const Model *m, const Derived *d, Arena *arena, Result *r)
{
    CheckReplay *rp = ARENA_NEW(arena, CheckReplay);
    if (!rp)
        return false;
    *rp = (CheckReplay){ replay, m, d };
    r->model = m;
    if (!walk(&(Checker){ .m = m, .d = d, .v = m->vocab, .arena = arena, .r = r, .lean = true }))
        return false;
    r->kept_by_run = 0;
    for (const CheckBlock *b = r->check_blocks; b; b = b->next)
        r->kept_by_run += b->n;
    r->replay = rp;
    return true;
}
