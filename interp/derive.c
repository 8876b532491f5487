/* derive.c - the one pass that computes derived values (spec §5.3, §5.4)
 * into a table of its own. */
#include "derive.h"

#include <string.h>

/* One derived value: the aggregate of (node, path), and, for a figure
 * declared '?' whose first breakdown is complete and known, the sum of that
 * breakdown (§5.4 step 2). Keyed by ids, not pointers, and 24 bytes: a
 * national report makes three million. Most aggregates only count listed
 * entries (a dialogue's opinions, cell by cell): those are the count
 * alone; an aggregate that a child unit or session adds to, or that is
 * approximate, has a full aggregate beside (Derived.aggs). 20 bytes. */
typedef struct Entry {
    uint32_t node;          /* Node.id */
    uint32_t path;          /* Symbol.id (symtab_symbol) */
    uint32_t next;          /* next entry of the same node, + 1; 0 ends */
    uint32_t breakdown : 30;    /* the sum of the figure's complete breakdown:
                                 * Derived.breakdowns[breakdown - 1]; 0: none
                                 * (fewer than 2^30 entries: grow()) */
    uint32_t has_aggregate : 1;
    uint32_t full : 1;      /* `n` is its full aggregate, Derived.aggs[n - 1] */
    uint32_t n;             /* else the entries counted, each adding 1 */
} Entry;

/* A full aggregate as kept: 24 bytes, not the 48 of an Aggregate. While
 * every contribution was exact and the sum fits in 64 bits, the sum is all
 * of it (its range is [sum, sum]); after an approximate contribution or
 * beyond 64 bits, the exact sum and its range are kept beside, in a
 * Spread (few are). */
typedef struct Kept {
    int64_t sum;            /* unless `spread` */
    uint32_t units, sessions, entries;      /* as in Aggregate */
    uint32_t spread : 28;   /* Derived.spreads[spread - 1]; 0: none */
    uint32_t approx : 1;
    uint32_t declared : 1;
    uint32_t money : 1;
} Kept;

typedef struct Spread {
    Wide sum;
    int64_t lo, hi;
    bool unbounded;
} Spread;

/* Entries and full aggregates lie in blocks that never move: the tables
 * grow without copying them, and without holding two copies at once. A
 * block (10 and 12 KiB) is a small block of the arena's, in pages mapped
 * 2 MiB at a time: one of 4,096 (80 KiB) came from malloc's heap, whose
 * pages the system faults in one at a time (see model.c's NODE_BLOCK). */
enum { BLOCK_BITS = 9, BLOCK_ENTRIES = 1 << BLOCK_BITS };
_Static_assert(BLOCK_ENTRIES * sizeof(Kept) <= ARENA_LARGE && BLOCK_ENTRIES * sizeof(Entry) <= ARENA_LARGE,
               "a block of entries or aggregates is a small block of the arena");

/* A node's entries by path, made once they are all there (at the end of
 * its part of aggregate()): open addressing over a few cache lines, where
 * one table for every node would be 32 MB read at random. The tables lie
 * one after the other in Derived.pool: a table is its capacity (a power of
 * two, at least 1.5 times the entries: a probe for a path it lacks reads 5
 * slots on average, one line), its node's list of entries, then the
 * slots; a slot holds an entry's index + 1, 0 when empty.
 *
 * A node has one word (Derived.at), 4 bytes for each of a million
 * villages: while its work runs, the first of its entries, + 1 (0: none);
 * once its table is made, the table's place in the pool with AT_TABLE
 * set. A node without entries (most villages) keeps 0 and no table: its
 * paths are asked of Derived.latest, where none is its. */
#define AT_TABLE 0x80000000u
enum { TABLE_CAP, TABLE_LIST, TABLE_SLOTS };    /* a table's words */

struct Derived {
    const Model *m;
    Arena *arena;
    Entry **blocks;         /* BLOCK_ENTRIES entries each */
    uint32_t nblocks, cap_blocks;
    uint32_t count;         /* entries used */
    Kept **aggs;            /* BLOCK_ENTRIES full aggregates each */
    uint32_t nagg_blocks, cap_agg_blocks;
    uint32_t naggs;
    Spread *spreads;        /* Kept.spread */
    uint32_t nspreads, cap_spreads;
    uint32_t *at;           /* per node id: its entries (see AT_TABLE) */
    uint32_t *pool;         /* the nodes' tables, one after the other */
    uint32_t npool, cap_pool;
    Value *breakdowns;      /* Entry.breakdown: few entries have one */
    uint32_t nbreakdowns, cap_breakdowns;
    /* By path id, the entry of that path made last (entries never move).
     * A node's entries are made while one node's work runs at a time: its
     * figures' breakdown sums (sums_below), then its own part of
     * aggregate(), after every child's; there this says, by an index,
     * whether (node, path) has an entry, and no table is asked. The
     * report's work runs last: then this is its table (aggregate()). */
    SymMap latest;
    /* By path id, a bit: a value of the path is asked for (what is asked
     * for, below); NULL: every value is derived. */
    uint64_t *wanted;
    uint32_t nwanted;       /* ids it has a bit for */
    bool oom;
};

/* ---- ranges ----------------------------------------------------------------- */

int64_t derive_tolerance(int64_t n)
{
    uint64_t an = n < 0 ? 0 - (uint64_t)n : (uint64_t)n;
    uint64_t tol = an / 10 + (an % 10 != 0);
    return tol < 1 ? 1 : (int64_t)tol;          /* an/10 + 1 always fits */
}

Range derive_range(const Quantity *q)
{
    int64_t n = q->value, t = derive_tolerance(n);
    Range r = { n, n, false };
    switch ((Approx)q->approx) {
    case APPROX_NONE: break;
    case APPROX_ABOUT:
        if (__builtin_sub_overflow(n, t, &r.lo))
            r.lo = INT64_MIN;
        if (__builtin_add_overflow(n, t, &r.hi))
            r.unbounded = true;
        break;
    case APPROX_OVER:
        if (__builtin_add_overflow(n, 1, &r.lo))
            r.lo = INT64_MAX;
        r.unbounded = true;
        break;
    case APPROX_NEARLY:
        if (__builtin_sub_overflow(n, t, &r.lo))
            r.lo = INT64_MIN;
        break;
    }
    return r;
}

bool derive_range_add(Range *acc, Range r)
{
    if (__builtin_add_overflow(acc->lo, r.lo, &acc->lo))
        return false;
    acc->unbounded |= r.unbounded;
    if (!acc->unbounded && __builtin_add_overflow(acc->hi, r.hi, &acc->hi))
        acc->unbounded = true;          /* beyond any count: no upper end */
    return true;
}

/* ---- the table ------------------------------------------------------------ */

static Entry *entry_at(const Derived *d, uint32_t index)
{
    return &d->blocks[index >> BLOCK_BITS][index & (BLOCK_ENTRIES - 1)];
}

static uint32_t key_hash(const Derived *d, uint32_t node, uint32_t path)
{
    /* the ids are the run's own, dense, and the key unknown to the input */
    return hash_mix(((uint64_t)node << 32 | path) ^ d->arena->key.k1);
}

/* The first of n's entries, + 1; 0: none. */
static uint32_t entries_of(const Derived *d, const Node *n)
{
    uint32_t at = d->at[n->id];
    return at & AT_TABLE ? d->pool[(at & ~AT_TABLE) + TABLE_LIST] : at;
}

/* Make n's table from its entries, all there now; false when out of
 * memory. */
static bool make_table(Derived *d, const Node *n)
{
    uint32_t list = d->at[n->id], count = 0;
    for (uint32_t e = list; e; e = entry_at(d, e - 1)->next)
        count++;
    if (!count)
        return true;
    uint32_t cap = 4;
    while (cap < count + count / 2)
        cap *= 2;
    uint32_t need = TABLE_SLOTS + cap;
    if (d->cap_pool - d->npool < need) {
        uint32_t ncap = d->cap_pool ? d->cap_pool : 4096;
        while (ncap - d->npool < need) {
            if (ncap > (AT_TABLE - 1) / 2)
                return false;           /* a place must leave AT_TABLE clear */
            ncap *= 2;
        }
        uint32_t *grown = arena_grow(d->arena, d->pool, (size_t)d->cap_pool * sizeof *grown,
                                     (size_t)ncap * sizeof *grown);
        if (!grown)
            return false;
        d->pool = grown;
        d->cap_pool = ncap;
    }
    uint32_t place = d->npool;
    d->npool += need;
    uint32_t *t = d->pool + place;          /* zeroed by arena_grow */
    t[TABLE_CAP] = cap;
    t[TABLE_LIST] = list;
    uint32_t *slots = t + TABLE_SLOTS;
    for (uint32_t e = list; e; e = entry_at(d, e - 1)->next) {
        uint32_t i = key_hash(d, n->id, entry_at(d, e - 1)->path) & (cap - 1);
        while (slots[i])
            i = (i + 1) & (cap - 1);
        slots[i] = e;
    }
    d->at[n->id] = place | AT_TABLE;
    return true;
}

/* The entry for (n, path), or NULL: from n's table once made, before
 * that (n's work running, or a node without entries) from the entry made
 * last. */
static Entry *find(const Derived *d, const Node *n, uint32_t path)
{
    uint32_t at = d->at[n->id];
    if (!(at & AT_TABLE)) {
        Entry *x = symmap_get_id(&d->latest, path);
        return x && x->node == n->id ? x : NULL;
    }
    const uint32_t *t = d->pool + (at & ~AT_TABLE);
    uint32_t mask = t[TABLE_CAP] - 1;
    const uint32_t *slots = t + TABLE_SLOTS;
    for (uint32_t i = key_hash(d, n->id, path) & mask;; i = (i + 1) & mask) {
        uint32_t e = slots[i];
        if (!e)
            return NULL;
        if (entry_at(d, e - 1)->path == path)
            return entry_at(d, e - 1);
    }
}

/* Room for one more entry: a new block when the last is full. */
static bool grow(Derived *d)
{
    if (d->count < d->nblocks * (uint32_t)BLOCK_ENTRIES)
        return true;
    if (d->count > UINT32_MAX / 4)
        return false;
    /* not zeroed: entry_for() writes each entry whole as it takes it */
    Entry *block = arena_alloc(d->arena, BLOCK_ENTRIES * sizeof *block);
    return block && arena_push(d->arena, (void ***)&d->blocks, &d->nblocks, &d->cap_blocks, block, 16);
}

/* The entry for (n, path), made when missing; NULL when out of memory.
 * Only for the node whose work runs (see Derived.latest). */
static Entry *entry_for(Derived *d, const Node *n, uint32_t path)
{
    Entry *x = symmap_get_id(&d->latest, path);
    if (x && x->node == n->id)
        return x;
    if (!grow(d)) {
        d->oom = true;
        return NULL;
    }
    uint32_t index = d->count++;
    x = entry_at(d, index);
    memset(x, 0, sizeof *x);
    x->node = n->id;
    x->path = path;
    x->next = d->at[n->id];         /* first on its node's list: the list's
                                     * order is none a reader sees */
    d->at[n->id] = index + 1;
    if (!symmap_put_id(&d->latest, d->arena, path, x)) {
        d->oom = true;
        return NULL;
    }
    return x;
}

/* The entry for (n, path), with an aggregate (a count of 0 to begin). */
static Entry *aggregated(Derived *d, const Node *n, uint32_t path)
{
    Entry *x = entry_for(d, n, path);
    if (!x)
        return NULL;
    x->has_aggregate = true;
    return x;
}

static Kept *agg_at(const Derived *d, uint32_t index)
{
    return &d->aggs[index >> BLOCK_BITS][index & (BLOCK_ENTRIES - 1)];
}

/* x's aggregate, full or a count. */
static Aggregate aggregate_of(const Derived *d, const Entry *x)
{
    if (!x->full)
        return (Aggregate){ .sum = x->n, .lo = x->n, .hi = x->n, .entries = x->n };
    const Kept *k = agg_at(d, x->n - 1);
    Aggregate a = { .sum = k->sum, .lo = k->sum, .hi = k->sum, .units = k->units, .sessions = k->sessions,
                    .entries = k->entries, .approx = k->approx, .declared = k->declared, .money = k->money };
    if (k->spread) {
        const Spread *w = &d->spreads[k->spread - 1];
        a.sum = w->sum;
        a.lo = w->lo;
        a.hi = w->hi;
        a.unbounded = w->unbounded;
    }
    return a;
}

/* x's full aggregate, made from its count the first time; NULL when out of
 * memory. */
static Kept *full(Derived *d, Entry *x)
{
    if (x->full)
        return agg_at(d, x->n - 1);
    if (d->naggs == d->nagg_blocks * (uint32_t)BLOCK_ENTRIES) {
        /* not zeroed: each is written whole as it is taken (below) */
        Kept *block = d->naggs < UINT32_MAX / 2 ? arena_alloc(d->arena, BLOCK_ENTRIES * sizeof *block) : NULL;
        if (!block || !arena_push(d->arena, (void ***)&d->aggs, &d->nagg_blocks, &d->cap_agg_blocks, block, 16)) {
            d->oom = true;
            return NULL;
        }
    }
    Kept *k = agg_at(d, d->naggs);
    *k = (Kept){ .sum = x->n, .entries = x->n };
    x->n = ++d->naggs;
    x->full = true;
    return k;
}

/* k's sum and range kept apart from now on; false when out of memory. */
static bool spread(Derived *d, Kept *k)
{
    if (d->nspreads == d->cap_spreads) {
        uint32_t cap = d->cap_spreads ? d->cap_spreads * 2 : 64;
        Spread *grown = cap < (1u << 28) ? arena_grow(d->arena, d->spreads, (size_t)d->cap_spreads * sizeof *grown,
                                                       (size_t)cap * sizeof *grown) : NULL;
        if (!grown) {
            d->oom = true;
            return false;
        }
        d->spreads = grown;
        d->cap_spreads = cap;
    }
    d->spreads[d->nspreads++] = (Spread){ .sum = k->sum, .lo = k->sum, .hi = k->sum };
    k->spread = d->nspreads & 0x0FFFFFFFu;
    return true;
}

/* ---- what is asked for --------------------------------------------------------- */

/* An entry counts 1 into every cell its attributes fix: an opinion of a
 * national report into some sixty cells of `opinions` (each status, each
 * topic, each of both, with `satisfied` beside), a dialogue's and its
 * commune's and so up. Most are never read: a national report's checks
 * read the cells its units declare, and its rules and indicators the
 * cells their paths name. So only the values of the paths asked for are
 * derived:
 *  - a path declared by a unit or session that has something below it to
 *    add up to it: units, sessions, opinions or documents
 *    (breakdown_sums()). A path declared only where nothing lies below (a
 *    village's households, a session's invited) has no sum to check it
 *    against: its declared values are not added up the tree at all;
 *  - a path an expression names (resolve_demand()), with, for each axis
 *    it leaves free whose dimension some expression ranges over, every
 *    part of it (`people` per level is people.district_level);
 *  - the two paths of every relation, and the paths counting entries
 *    that lack an attribute (model_missing()).
 * The checks and the evaluator read no other: a window of time reads
 * declared figures and the model itself (eval.c's window_value()), not
 * derived cells, and derive_value() or derive_aggregate() of any other
 * path would find nothing (its value is unknown). A national report
 * derived 4 million values, nearly none of them read. */

/* The most cells one path asked for may stand for, its free axes filled
 * in every way: past them every value is derived, as without a demand. */
enum { DEMAND_MAX_CELLS = 1 << 16 };

static void want_id(Derived *d, uint32_t path)
{
    if (d->wanted && path < d->nwanted)
        d->wanted[path >> 6] |= (uint64_t)1 << (path & 63);
}

static void want(Derived *d, const Symbol *path)
{
    if (path)
        want_id(d, path->id);
}

static bool wanted_id(const Derived *d, uint32_t path)
{
    return !d->wanted || path >= d->nwanted || (d->wanted[path >> 6] >> (path & 63) & 1);
}

static bool wanted(const Derived *d, const Symbol *path)
{
    return wanted_id(d, path->id);
}

/* Can anything below n add up to its figures: units, sessions, opinions
 * or documents? */
static bool adds_up(const Node *n)
{
    return node_first_child(n) || node_opinions(n) || node_documents(n);
}

/* The cells of a figure from one of them, axes `free` taking no part
 * and each of theirs in turn. */
typedef struct Expansion {
    Derived *d;
    const FigureDecl *f;
    const Part *cell[VOCAB_MAX_DIMS];
    bool free[VOCAB_MAX_DIMS];
    uint32_t left;          /* cells still allowed (DEMAND_MAX_CELLS) */
} Expansion;

static bool expand(Expansion *e, uint32_t i)
{
    if (i == e->f->ndims) {
        if (!e->left)
            return false;
        e->left--;
        want(e->d, vocab_cell_find(e->d->m->vocab, e->f, e->cell));
        return true;
    }
    if (!e->free[i])
        return expand(e, i + 1);
    const Part *const *parts;
    uint32_t nparts;
    if (!vocab_dim_parts(e->d->arena, e->f->dims[i], &parts, &nparts)) {
        e->d->oom = true;
        return false;
    }
    const Part *was = e->cell[i];
    e->cell[i] = NULL;
    bool ok = expand(e, i + 1);
    for (uint32_t k = 0; ok && k < nparts; k++) {
        e->cell[i] = parts[k];
        ok = expand(e, i + 1);
    }
    e->cell[i] = was;
    return ok;
}

static bool ranged_over(const Demand *dm, const Dimension *dim)
{
    for (uint32_t i = 0; i < dm->ndims; i++)
        if (dm->dims[i] == dim)
            return true;
    return false;
}

/* What the expressions and the vocabulary ask for (above; the figures
 * of a unit with something below it are wanted as breakdown_sums() meets
 * them). False when it cannot be said: then everything is derived. */
static bool want_asked(Derived *d, const Resolution *res)
{
    const Vocab *v = d->m->vocab;
    Demand dm = resolve_demand(res);
    for (uint32_t i = 0; i < dm.npaths; i++) {
        const Resolved *x = dm.paths[i];
        Expansion e = { .d = d, .f = x->figure, .left = DEMAND_MAX_CELLS };
        memcpy(e.cell, x->cell, sizeof e.cell);
        for (uint32_t k = 0; k < x->figure->ndims; k++)
            e.free[k] = !x->cell[k] && ranged_over(&dm, x->figure->dims[k]);
        if (!expand(&e, 0))
            return false;
    }
    for (uint32_t i = 0; i < v->nbounds; i++) {
        want(d, v->bounds[i]->small);
        want(d, v->bounds[i]->large);
    }
    for (uint32_t i = 0; i < v->nfigures; i++)
        for (uint32_t k = 0; k < v->figures[i]->ndims; k++) {
            const Missing *ms = model_missing(d->m, v->figures[i], v->figures[i]->dims[k]);
            if (ms)
                want(d, ms->path);
        }
    return true;
}

/* ---- reading ---------------------------------------------------------------- */

bool derive_any(const Derived *d, const Node *n)
{
    return d->at[n->id] != 0;           /* entries: aggregates, or breakdown sums */
}

bool derive_aggregate(const Derived *d, const Node *n, uint32_t path, Aggregate *out)
{
    const Entry *x = find(d, n, path);
    if (!x || !x->has_aggregate)
        return false;
    *out = aggregate_of(d, x);
    return true;
}

/* The value of a declared quantity. */
static Value declared_value(const Quantity *q)
{
    return (Value){ .known = true, .declared = true, .from_declared = true, .approx = q->approx != APPROX_NONE,
                    .money = q->money, .percent = q->percent, .decimals = q->decimals, .value = q->value,
                    .range = derive_range(q) };
}

bool derive_part_value(const Derived *d, const Node *n, const Figure *f, Value *value)
{
    if (f->known) {
        Quantity q = figure_declared(f);
        *value = declared_value(&q);
        return true;
    }
    const Entry *x = find(d, n, f->path_id);
    if (x && x->breakdown) {
        *value = d->breakdowns[x->breakdown - 1];
        return true;
    }
    return false;
}

/* The value an entry's aggregate gives. */
static Value aggregate_value(const Derived *d, const Entry *x)
{
    Value v = { 0 };
    Aggregate a = aggregate_of(d, x);
    if (!derive_fits(a.sum)) {
        v.too_large = true;
        return v;
    }
    v.known = true;
    v.approx = a.approx;
    v.money = a.money;
    v.value = (int64_t)a.sum;
    v.range = derive_aggregate_range(&a);
    v.from_declared = a.declared;
    return v;
}

/* derive_value() with the figure of `path` at n already found (f, or NULL
 * when n declares none). */
static Value value_at(const Derived *d, const Node *n, uint32_t path, const Figure *f)
{
    if (f && f->known) {
        Quantity q = figure_declared(f);
        return declared_value(&q);
    }
    const Entry *x = find(d, n, path);
    if (f && x && x->breakdown)
        return d->breakdowns[x->breakdown - 1];
    if (x && x->has_aggregate)
        return aggregate_value(d, x);
    Value v = { 0 };
    if (vocab_zero_in_units(d->m->vocab, path) && !n->kind->session)
        v.known = true;             /* no dialogue listed: 0 dialogues */
    return v;
}

Value derive_value(const Derived *d, const Node *n, const Symbol *path)
{
    return value_at(d, n, path->id, model_figure(n, path));
}

/* ---- deriving ------------------------------------------------------------------ */

/* "x ? { a 1  b 2 }": a figure declared unknown whose first breakdown is
 * complete and whose parts are all known has their sum as its value,
 * approximate when a part is (its range the parts' ranges added). Parts
 * first, so a part's own breakdown sum counts. */
static void breakdown_sums(Derived *d, const Node *n, const Figure *f, bool below)
{
    if (below)
        want_id(d, f->path_id);     /* declared: its checks read it */
    for (const Breakdown *bd = figure_breakdowns(f); bd; bd = bd->next)
        for (const Figure *p = bd->parts; p; p = figure_next(p))
            breakdown_sums(d, n, p, below);
    const Breakdown *first = figure_breakdowns(f);
    if (f->known || !first || !first->nparts || first->partial)
        return;
    Value sum = { .known = true, .from_declared = true };
    for (const Figure *p = first->parts; p; p = figure_next(p)) {
        Value v;
        if (!derive_part_value(d, n, p, &v) || v.percent || __builtin_add_overflow(sum.value, v.value, &sum.value) ||
            !derive_range_add(&sum.range, v.range))
            return;
        sum.approx |= v.approx;
        sum.money |= v.money;
    }
    Entry *x = entry_for(d, n, f->path_id);
    if (!x)
        return;
    if (d->nbreakdowns == d->cap_breakdowns) {
        uint32_t cap = d->cap_breakdowns ? d->cap_breakdowns * 2 : 64;
        Value *grown = cap > d->cap_breakdowns ? arena_grow(d->arena, d->breakdowns,
                                                            (size_t)d->cap_breakdowns * sizeof *grown,
                                                            (size_t)cap * sizeof *grown) : NULL;
        if (!grown) {
            d->oom = true;
            return;
        }
        d->breakdowns = grown;
        d->cap_breakdowns = cap;
    }
    d->breakdowns[d->nbreakdowns++] = sum;
    x->breakdown = d->nbreakdowns & 0x3FFFFFFFu;  /* at most one per entry: < 2^30 */
}

static void add_to(Derived *d, Kept *k, Value v)
{
    k->approx |= v.approx;
    k->money |= v.money;
    int64_t sum;
    if (!k->spread && v.range.lo == v.value && v.range.hi == v.value && !v.range.unbounded &&
        !__builtin_add_overflow(k->sum, v.value, &sum)) {
        k->sum = sum;               /* exact, in 64 bits: the range is the sum */
        return;
    }
    if (!k->spread && !spread(d, k))
        return;
    Spread *w = &d->spreads[k->spread - 1];
    w->sum += v.value;
    Range r = { w->lo, w->hi, w->unbounded };
    if (!derive_range_add(&r, v.range))
        r = (Range){ INT64_MIN, INT64_MAX, true };          /* no bound left */
    w->lo = r.lo;
    w->hi = r.hi;
    w->unbounded = r.unbounded;
}

/* One entry (an opinion, a document, a session, a unit) adds k to path. */
static void add_entry(Derived *d, const Node *n, const Symbol *path, int64_t k)
{
    Entry *x = path ? aggregated(d, n, path->id) : NULL;
    if (!x)
        return;
    if (k == 1 && !x->full && x->n < UINT32_MAX) {
        x->n++;                     /* the common case: one more listed entry */
        return;
    }
    Kept *a = full(d, x);
    if (!a)
        return;
    add_to(d, a, (Value){ .known = true, .value = k, .range = { k, k, false } });
    a->entries++;
}

/* Add child ch's value v of `path` to its parent. */
static void provide_one(Derived *d, const Node *parent, const Node *ch, uint32_t path, Value v)
{
    if (!v.known || v.percent)
        return;                     /* percentages do not add up */
    Entry *x = aggregated(d, parent, path);
    Kept *a = x ? full(d, x) : NULL;
    if (!a)
        return;
    add_to(d, a, v);
    a->declared |= v.from_declared;
    if (ch->kind->session)
        a->sessions++;
    else
        a->units++;
}

/* provide_one() of a value declared exactly, a count or an amount (most
 * figures): added as it is, without making its Value. */
static void provide_exact(Derived *d, const Node *parent, const Node *ch, const Figure *f)
{
    Entry *x = aggregated(d, parent, f->path_id);
    Kept *a = x ? full(d, x) : NULL;
    if (!a)
        return;
    int64_t sum;
    if (!a->spread && !__builtin_add_overflow(a->sum, figure_value(f), &sum)) {
        a->sum = sum;
        a->money |= f->money;
    } else {
        Quantity q = figure_declared(f);
        add_to(d, a, declared_value(&q));
    }
    a->declared = true;
    if (ch->kind->session)
        a->sessions++;
    else
        a->units++;
}

/* The paths a unit declares, gathered while they are provided: an entry
 * of the unit whose path is among them was provided as declared. Up to
 * MODEL_FIGURES_SCANNED (a unit without an index: model.h) they are asked
 * here, a filter of their ids first, rather than searched in the unit
 * for each of its entries; beyond, the unit's index is asked. */
typedef struct Declared {
    uint32_t path[MODEL_FIGURES_SCANNED];      /* ids */
    uint32_t n;
    uint64_t filter;        /* bit id % 64 of each path */
} Declared;

static bool declares(const Declared *own, const Node *ch, uint32_t path)
{
    if (own->n > MODEL_FIGURES_SCANNED)
        return model_figure_id(ch, path) != NULL;
    if (!(own->filter >> (path % 64) & 1))
        return false;
    for (uint32_t i = 0; i < own->n; i++)
        if (own->path[i] == path)
            return true;
    return false;
}

/* A figure of ch and the parts of its breakdowns, each path once (no two
 * figures of a unit share one: model.c), in declaration order: the
 * figures lie in the arena in that order, so they are read in turn. */
static void provide_figure(Derived *d, const Node *parent, const Node *ch, const Figure *f, Declared *own)
{
    if (wanted_id(d, f->path_id)) {     /* else no one reads its sum (what is asked for) */
        if (f->known && f->approx == APPROX_NONE && !f->percent)
            provide_exact(d, parent, ch, f);
        else
            provide_one(d, parent, ch, f->path_id, value_at(d, ch, f->path_id, f));
    }
    if (own->n < MODEL_FIGURES_SCANNED) {
        own->path[own->n] = f->path_id;
        own->filter |= (uint64_t)1 << (f->path_id % 64);
    }
    own->n += own->n <= MODEL_FIGURES_SCANNED;
    for (const Breakdown *bd = figure_breakdowns(f); bd; bd = bd->next)
        for (const Figure *p = bd->parts; p; p = figure_next(p))
            provide_figure(d, parent, ch, p, own);
}

/* Add every value child ch has, declared or derived, to its parent: its
 * figures', then its other aggregates'. */
static void provide(Derived *d, const Node *parent, const Node *ch)
{
    Declared own;
    own.n = 0;
    own.filter = 0;
    for (const Figure *f = ch->figures; f; f = figure_next(f))
        provide_figure(d, parent, ch, f, &own);
    /* the parent's entries are made as this walks ch's: entries never
     * move (they lie in blocks), so the walk is safe */
    for (uint32_t e = entries_of(d, ch); e && !d->oom; e = entry_at(d, e - 1)->next) {
        const Entry *x = entry_at(d, e - 1);
        if (!x->has_aggregate)
            continue;
        if (!declares(&own, ch, x->path))       /* declared ones went above */
            provide_one(d, parent, ch, x->path, aggregate_value(d, x));
    }
}

/* One entry adds k to every cell it counts into, and 1 to the count of
 * entries lacking each attribute it lacks. */
static void add_cells(Derived *d, const Node *n, const Cells *c, int64_t k, bool whole)
{
    if (!c)
        return;
    for (uint32_t i = whole ? 0 : 1; i < c->ncells; i++)
        if (wanted(d, c->cells[i]))
            add_entry(d, n, c->cells[i], k);
    for (uint32_t i = 0; i < c->nmissing; i++)
        if (wanted(d, c->missing[i]))
            add_entry(d, n, c->missing[i], 1);
}

static void aggregate(Derived *d, const Node *n)
{
    /* every child's work first, then this node's alone (see
     * Derived.latest), its entries from the breakdown sums said again to
     * be the latest (their ids have a slot: they were put when made) */
    for (const Node *ch = node_first_child(n); ch; ch = ch->next_sibling)
        aggregate(d, ch);
    for (uint32_t e = entries_of(d, n); e; e = entry_at(d, e - 1)->next)
        symmap_put_id(&d->latest, d->arena, entry_at(d, e - 1)->path, entry_at(d, e - 1));
    for (const Node *ch = node_first_child(n); ch; ch = ch->next_sibling) {
        const Session *s = node_session(ch);
        if (!s->not_held)
            provide(d, n, ch);      /* a session not held adds only to *_not_held */
        const Kind *k = ch->kind;
        if (k->session) {
            /* a held session that declares its own count (receptions 3 on
             * one day) gives that through provide(), and its kind and
             * scope count nothing more; otherwise it counts 1 in each */
            if (s->not_held || !k->count || !model_figure(ch, k->count->name))
                add_cells(d, n, session_cells_of(s), 1, true);
        } else if (k->count && wanted(d, k->count->name)) {
            add_entry(d, n, k->count->name, 1);
        }
    }
    OpinionIter it;
    for (const Opinion *o = opinion_first(n, &it); o; o = opinion_next(&it)) {
        const Cells *cells = opinion_cells(d->m, o);
        add_cells(d, n, cells, 1, true);
        if (opinion_satisfied(o) == 1)
            add_cells(d, n, cells->satisfied, 1, true);
    }
    for (const Document *doc = node_documents(n); doc; doc = doc->next)
        add_cells(d, n, doc->cells, 1, true);
    /* The report's work runs last: Derived.latest, once it is done, holds
     * the report's entry of every path it has, and find() asks it where a
     * node has no table. The report has an entry for every path of the
     * run (a million, for a million figures): its table would be the
     * largest, and made for nothing. */
    if (!d->oom && n != d->m->root && !make_table(d, n))
        d->oom = true;
}

static void sums_below(Derived *d, const Node *n)
{
    bool below = adds_up(n);
    for (const Figure *f = n->figures; f; f = figure_next(f))
        breakdown_sums(d, n, f, below);
    for (const Node *ch = node_first_child(n); ch; ch = ch->next_sibling)
        sums_below(d, ch);
}

Derived *derive_run(const Model *m, const Resolution *res, Arena *a)
{
    Derived *d = ARENA_NEW(a, Derived);
    if (!d)
        return NULL;
    d->m = m;
    d->arena = a;
    if (res) {
        d->nwanted = symtab_ids(m->syms);
        d->wanted = ARENA_ARRAY(a, uint64_t, d->nwanted / 64 + 1);
        if (!d->wanted)
            return NULL;
        if (!want_asked(d, res)) {
            arena_release(a, d->wanted, ((size_t)d->nwanted / 64 + 1) * sizeof *d->wanted);
            d->wanted = NULL;       /* too much to say: everything */
        }
    }
    d->at = ARENA_ARRAY(a, uint32_t, m->nnodes);
    /* every declared figure's name is a path of the report's: room for
     * them at once, rather than doubling through a million */
    if (!d->at || !symmap_reserve(&d->latest, a, m->vocab->figure_index.cap))
        return NULL;
    sums_below(d, m->root);
    aggregate(d, m->root);
    return d->oom ? NULL : d;
}
