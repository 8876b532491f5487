/* eval.c - three-valued evaluation of expressions over the model, and the
 * indicators and rules built on it. */
#include "eval.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef enum { V_UNKNOWN, V_NUM, V_BOOL, V_DATE, V_STR } VKind;

typedef struct EV {
    VKind kind;
    double num;
    bool b;
    int32_t days;
    const char *str;
    ValueUnit unit;
    bool approx;
    bool ratio;             /* percent/share: numerator and denominator kept */
    double numer, denom;
    Note why;               /* why unknown; on a number, a caveat */
} EV;

/* The scope an expression is evaluated in: a node, or one opinion, and
 * within it possibly one part of a dimension (per year, per level). */
typedef struct Scope {
    const Node *node;
    const Opinion *opinion;
    const Part *part;
    Window win;             /* a window of time (each year, per month), or none */
} Scope;

typedef struct Eval {
    const Model *m;
    const Derived *d;
    const Resolution *res;
    const Calendar *cal;
    const Result *result;   /* the rules, evaluated before the indicators */
    Arena *arena;
    struct Memo *memo;      /* aggregates already computed, by expression and scope */
    uint32_t nmemo, cap_memo;
    PtrMap verdicts;        /* (RuleResult, node) -> VerdictCount, for passed() */
    uint16_t *below;        /* by node id: what the nodes below it are (below_bits()) */
    const Note *plain[NOTE_KIND_COUNT];    /* a note that is its kind alone, kept once
                                            * for every verdict and check that gives it */
    const VerdictMore *plain_more[NOTE_KIND_COUNT];    /* and a verdict's VerdictMore
                                            * that is such a note alone, once */
    bool oom;
} Eval;

/* Two numbers closer than this are equal: sums of percentages are not exact. */
static const double EPSILON = 1e-9;

/* ---- values ---------------------------------------------------------------- */

static EV unknown(NoteKind why) { return (EV){ .kind = V_UNKNOWN, .why = { .kind = why } }; }
static EV unknown_note(Note why) { return (EV){ .kind = V_UNKNOWN, .why = why }; }
/* A number; one that is not finite (1e308 * 10) is unknown, never a
 * value that would print as "inf" or fail a check (issue: hostile
 * submissions). */
static EV number(double v, ValueUnit u)
{
    if (!isfinite(v))
        return (EV){ .kind = V_UNKNOWN, .why = { .kind = NOTE_NOT_FINITE } };
    return (EV){ .kind = V_NUM, .num = v, .unit = u };
}
static EV boolean(bool b) { return (EV){ .kind = V_BOOL, .b = b, .unit = UNIT_BOOLEAN }; }
static EV date_value(Date d, NoteKind why)
{
    if (d.precision != DATE_DAY)
        return unknown(why);
    return (EV){ .kind = V_DATE, .days = date_to_days(d) };
}

static EV eval(Eval *ev, Scope sc, const Expr *e);
static EV arith(ExprOp op, EV x, EV y);

/* ---- values in a window of time (spec §5.6) ---------------------------------------- */

/* Where a date falls against a window: inside, outside, or unknown (a
 * date not given to the day, or a month that straddles the window). */
typedef enum { AT_IN, AT_OUT, AT_UNKNOWN } At;

static At date_at(Date d, Window w)
{
    if (d.precision == DATE_DAY) {
        int32_t day = date_to_days(d);
        return day >= w.first && day <= w.last ? AT_IN : AT_OUT;
    }
    if (d.precision == DATE_MONTH) {
        Window m = date_window(WIN_MONTH, date_to_days(d));
        if (m.first >= w.first && m.last <= w.last)
            return AT_IN;
        if (m.last < w.first || m.first > w.last)
            return AT_OUT;
    }
    return AT_UNKNOWN;
}

/* An opinion is dated by `received`, else by the session it is listed in
 * (§5.6 step 4). */
static Date opinion_date(const Opinion *o, const Node *n)
{
    return o->received.precision || !n->kind->session ? o->received : node_session(n)->date;
}

static bool counts_into(const Cells *c, const Symbol *path)
{
    for (uint32_t i = 0; c && path && i < c->ncells; i++)
        if (c->cells[i] == path)
            return true;
    return false;
}

/* Is f what sessions count (dialogues, receptions_not_held, ...)? A unit
 * that lists none of them has 0 in any window, as in the whole (§5.4). */
static bool session_count(const Vocab *v, const FigureDecl *f)
{
    for (uint32_t i = 0; i < v->nkinds; i++)
        if (v->kinds[i]->session && (v->kinds[i]->count == f || v->kinds[i]->not_held == f))
            return true;
    return false;
}

typedef struct Windowed {
    const FigureDecl *f;
    const Symbol *path;         /* the cell without its time part; NULL: in no unit */
    const Symbol *dated;        /* the cell with the window's part; NULL: none has it */
    Window win;
    Value sum;
    bool found;                 /* something below gives the figure */
    bool own;                   /* the unit's own sessions only, not its sub-units' */
    Note why;                   /* set when unknown */
} Windowed;

static void add_value(Windowed *w, Value v)
{
    w->found = true;
    if (__builtin_add_overflow(w->sum.value, v.value, &w->sum.value) || !derive_range_add(&w->sum.range, v.range))
        w->why = (Note){ .kind = NOTE_TOO_LARGE };
    w->sum.approx |= v.approx;
    w->sum.money |= v.money;
}

static void add_one(Windowed *w) { add_value(w, (Value){ .known = true, .value = 1, .range = { 1, 1, false } }); }

static bool window_sum(Eval *ev, const Node *n, Windowed *w);

/* A held session adds what it counts and the figures it declares when
 * its date falls in the window; the opinions and documents it lists, by
 * their own dates (an opinion without `received` by the session's). */
static bool window_session(Eval *ev, const Node *s, Windowed *w)
{
    const Session *ss = node_session(s);
    const Cells *cells = session_cells_of(ss);
    if (ss->not_held && !(cells && cells->figure == w->f))
        return true;                        /* counts only into *_not_held */
    bool counted = counts_into(cells, w->path) && !(s->kind->count && model_figure(s, s->kind->count->name));
    const Figure *fig = w->path ? model_figure(s, w->path) : NULL;
    Value own = { 0 };
    if (!fig || !derive_part_value(ev->d, s, fig, &own)) {
        own.known = false;
        if (!ss->not_held && !window_sum(ev, s, w))
            return false;                   /* what it lists, by date */
    }
    if (!counted && !own.known)
        return true;                        /* it gives nothing more of this figure */
    if (own.known && own.percent) {
        /* a percentage is never added up (§5.6): as for a unit's cell */
        w->why = (Note){ .kind = NOTE_NOT_BY_DATE, .text = w->f->name->text, .node = s };
        return false;
    }
    w->found = true;
    switch (date_at(ss->date, w->win)) {
    case AT_OUT:
        return true;
    case AT_UNKNOWN:
        w->why = (Note){ .kind = NOTE_UNDATED, .node = s };
        return false;
    case AT_IN:
        break;
    }
    if (counted)
        add_one(w);
    if (own.known)
        add_value(w, own);
    return true;
}

/* A unit: its own declared cell for the window; else what its sessions,
 * units and entries give in the window. A unit that gives the figure for
 * the whole period only cannot say how much of it falls in the window,
 * unless the window holds the whole period or its entries add up to it. */
static bool window_unit(Eval *ev, const Node *n, Windowed *w)
{
    const Figure *cell = w->dated ? model_figure(n, w->dated) : NULL;
    Value v;
    if (cell && derive_part_value(ev->d, n, cell, &v)) {
        if (v.percent) {
            w->why = (Note){ .kind = NOTE_NOT_BY_DATE, .text = w->f->name->text, .node = n };
            return false;
        }
        add_value(w, v);
        return true;
    }
    const Figure *whole = w->path ? model_figure(n, w->path) : NULL;
    if (whole && derive_part_value(ev->d, n, whole, &v)) {
        const Header *h = &ev->m->header;
        if (h->has_period && w->win.first <= h->period_first && w->win.last >= h->period_last && !v.percent) {
            add_value(w, v);
            return true;
        }
        Aggregate ag;
        if (!derive_aggregate(ev->d, n, w->path->id, &ag) || ag.approx || v.approx || ag.sum != v.value) {
            w->why = (Note){ .kind = NOTE_NOT_BY_DATE, .text = w->path->text, .node = n };
            return false;
        }
    }
    return window_sum(ev, n, w);
}

/* Everything below n, in the window. What gives nothing of the figure
 * adds nothing, as in the figure's own roll-up (§5.4). */
static bool window_sum(Eval *ev, const Node *n, Windowed *w)
{
    for (const Node *ch = node_first_child(n); ch; ch = ch->next_sibling)
        if ((ch->kind->session || !w->own) && !(ch->kind->session ? window_session(ev, ch, w) : window_unit(ev, ch, w)))
            return false;
    OpinionIter it;
    for (const Opinion *o = opinion_first(n, &it); o; o = opinion_next(&it)) {
        const Cells *cells = opinion_cells(ev->m, o);
        bool c = counts_into(cells, w->path) || (opinion_satisfied(o) == 1 && counts_into(cells->satisfied, w->path));
        if (!c)
            continue;
        w->found = true;
        At at = date_at(opinion_date(o, n), w->win);
        if (at == AT_UNKNOWN) {
            /* dated by its session: the session is what lacks the date */
            w->why = o->received.precision || !n->kind->session
                         ? (Note){ .kind = NOTE_UNDATED_ENTRY, .text = "an opinion", .node = n }
                         : (Note){ .kind = NOTE_UNDATED, .node = n };
            return false;
        }
        if (at == AT_IN)
            add_one(w);
    }
    for (const Document *d = node_documents(n); d; d = d->next) {
        if (!counts_into(d->cells, w->path))
            continue;
        w->found = true;
        At at = date_at(d->date, w->win);
        if (at == AT_UNKNOWN) {
            w->why = (Note){ .kind = NOTE_UNDATED_ENTRY, .text = "a document", .node = n };
            return false;
        }
        if (at == AT_IN)
            add_one(w);
    }
    return true;
}

/* The path of a cell as the report would write it (opinions.land), also
 * when no unit has the cell and so no symbol was made for it. */
static const char *cell_label(Eval *ev, const FigureDecl *f, const Symbol *path, const Part *const cell[VOCAB_MAX_DIMS])
{
    if (path)
        return path->text;
    const char *s = f->name->text;
    for (uint32_t i = 0; i < f->ndims; i++)
        if (cell[i]) {
            const char *t = arena_printf(ev->arena, "%s.%s", s, cell[i]->name->text);
            if (!t)
                return f->name->text;
            s = t;
        }
    return s;
}

/* The value of figure f's cell `base` (its time part left free) at n in
 * window `win`. */
static EV window_value(Eval *ev, const Node *n, const FigureDecl *f, const Part *const base[VOCAB_MAX_DIMS], int t,
                       Window win, bool own)
{
    const Vocab *v = ev->m->vocab;
    Windowed w = { .f = f, .win = win, .sum = { .known = true }, .own = own };
    const Part *cell[VOCAB_MAX_DIMS];
    memcpy(cell, base, sizeof cell);
    cell[t] = NULL;
    w.path = vocab_cell_find(v, f, cell);
    char name[16];
    date_window_name(win, name);
    const Symbol *pname = symtab_find(v->syms, name, strlen(name));
    const Part *part = pname && v->calendar[win.unit] ? vocab_find_part(v, v->calendar[win.unit], pname) : NULL;
    if (part) {
        cell[t] = part;
        w.dated = vocab_cell_find(v, f, cell);
    }
    bool ok = n->kind->session ? window_session(ev, n, &w) : window_unit(ev, n, &w);
    if (!ok || w.why.kind)
        return unknown_note(w.why.kind ? w.why : (Note){ .kind = NOTE_UNKNOWN });
    if (!w.found && !session_count(v, f)) {
        /* nothing gives the figure here: unknown, as without a window;
         * sessions not listed are none (§5.4) */
        char label[16];
        cell[t] = NULL;
        return unknown_note((Note){ .kind = NOTE_FIGURE_UNKNOWN, .node = n,
                                    .text = arena_printf(ev->arena, "%s in %s", cell_label(ev, f, w.path, cell),
                                                         date_window_label(win, label)) });
    }
    EV x = number((double)w.sum.value, w.sum.money ? UNIT_MONEY : UNIT_COUNT);
    x.approx = w.sum.approx;
    return x;
}

static EV eval_path(Eval *ev, Scope sc, const Expr *e)
{
    const Resolved *r = resolve_get(ev->res, e);
    if (r->scope_name == NAME_TRUE || r->scope_name == NAME_FALSE)
        return boolean(r->scope_name == NAME_TRUE);
    if (r->scope_name == NAME_PERIOD) {
        const Header *h = &ev->m->header;
        if (!h->has_period)
            return unknown(NOTE_NO_PERIOD);
        return (EV){ .kind = V_DATE, .days = r->period_end ? h->period_last : h->period_first };
    }
    if (sc.opinion) {
        const Opinion *o = sc.opinion;
        switch (r->scope_name) {
        case NAME_TOPIC:
            return opinion_topic(ev->m, o) ? (EV){ .kind = V_STR, .str = opinion_topic(ev->m, o)->name->text }
                                           : unknown(NOTE_NO_TOPIC);
        case NAME_STATUS:
            return opinion_status(ev->m, o) ? (EV){ .kind = V_STR, .str = opinion_status(ev->m, o)->name->text }
                                            : unknown(NOTE_NO_STATUS);
        case NAME_SATISFIED:
            return opinion_satisfied(o) < 0 ? unknown(NOTE_NO_SATISFIED) : boolean(opinion_satisfied(o) == 1);
        case NAME_FIGURE: case NAME_DATE: case NAME_CONCLUSION: case NAME_NOTICE: case NAME_KIND: case NAME_SCOPE:
        case NAME_TRUE: case NAME_FALSE: case NAME_PERIOD:
            break;
        }
        return unknown_note((Note){ .kind = NOTE_OPINION_HAS_NO, .name = r->first });
    }
    const Node *n = sc.node;
    if (n->kind->session) {
        const Session *s = node_session(n);
        switch (r->scope_name) {
        case NAME_DATE:
            return date_value(s->date, NOTE_SESSION_DATE);
        case NAME_CONCLUSION:
            if (!s->has_conclusion)
                return unknown(NOTE_NO_CONCLUSION);
            return date_value(s->conclusion_date, NOTE_CONCLUSION_DATE);
        case NAME_NOTICE:
            if (!s->has_notice)
                return unknown(NOTE_NO_NOTICE);
            return date_value(s->notice_date, NOTE_NOTICE_DATE);
        case NAME_KIND:
            return session_kind(s) ? (EV){ .kind = V_STR, .str = session_kind(s)->name->text } : unknown(NOTE_NO_KIND);
        case NAME_SCOPE:
            return session_scope(s) ? (EV){ .kind = V_STR, .str = session_scope(s)->name->text }
                                    : unknown(NOTE_NO_SCOPE);
        case NAME_FIGURE: case NAME_TOPIC: case NAME_STATUS: case NAME_SATISFIED: case NAME_TRUE: case NAME_FALSE:
        case NAME_PERIOD:
            break;
        }
    }
    /* a window of time: named in the path (gifts.y2020), or the scope's
     * (each year) when the figure has a time axis the path leaves free */
    int t = r->figure ? vocab_time_dim(r->figure) : -1;
    if (t >= 0 && (r->win.unit || (sc.win.unit && !r->cell[t]))) {
        const Part *cell[VOCAB_MAX_DIMS];
        memcpy(cell, r->cell, sizeof cell);
        int i = sc.part ? vocab_figure_dim(r->figure, sc.part->dim) : -1;
        if (i >= 0 && !cell[i])
            cell[i] = sc.part;
        return window_value(ev, n, r->figure, cell, t, r->win.unit ? r->win : sc.win, false);
    }
    const Symbol *path = r->path;
    const char *text = r->text;
    if (sc.part && r->figure) {
        /* in the scope of a part, a figure broken down by its dimension is
         * that part's cell: `people` per level is people.district_level */
        int i = vocab_figure_dim(r->figure, sc.part->dim);
        if (i >= 0 && !r->cell[i]) {
            const Part *cell[VOCAB_MAX_DIMS];
            memcpy(cell, r->cell, sizeof cell);
            cell[i] = sc.part;
            path = vocab_cell_find(ev->m->vocab, r->figure, cell);
            text = arena_printf(ev->arena, "%s.%s", r->text, sc.part->name->text);
        }
    }
    Value v = path ? derive_value(ev->d, n, path) : (Value){ 0 };
    if (!v.known)
        return unknown_note((Note){ .kind = NOTE_FIGURE_UNKNOWN, .text = path ? path->text : text, .node = n });
    if (v.percent)
        return number((double)v.value / pow(10, v.decimals), UNIT_PERCENT);
    EV x = number((double)v.value, v.money ? UNIT_MONEY : UNIT_COUNT);
    x.approx = v.approx;
    return x;
}

/* A condition is true, false or unknown; a number, date or text is not a
 * condition, so it makes the condition unknown rather than false. */
static EV as_bool(EV v)
{
    if (v.kind == V_BOOL || v.kind == V_UNKNOWN)
        return v;
    return unknown(NOTE_NOT_CONDITION);
}

/* ---- subjects of a selector --------------------------------------------------- */

/* Visit every subject of the selector in n's subtree (n excluded); a
 * session not held, and all it lists, is never a subject. */
typedef void (*Visit)(Eval *ev, Scope sc, void *ctx);

/* What a selection of windows of time did: how many it visited, how many
 * it left out at the period's edges, and whether it refused (too many). */
typedef struct Selected {
    uint32_t visited, edges;
    uint32_t undated;       /* sessions or opinions a window could not place */
    bool too_many;
} Selected;

/* More windows than this in one selection is no report: refused with a note. */
enum { MAX_WINDOWS = 10000 };

/* Are the working days of window w all inside the report's period? A
 * window the period cuts into is left out (spec §7.4): a partial year
 * would fail "a dialogue a year" for the part that is missing. */
static bool window_inside(const Eval *ev, Window w)
{
    const Header *h = &ev->m->header;
    if (w.first >= h->period_first && w.last <= h->period_last)
        return true;
    int32_t from = w.first > h->period_first ? w.first : h->period_first;
    int32_t to = w.last < h->period_last ? w.last : h->period_last;
    return from <= to + 1 && calendar_working_days(ev->cal, w.first - 1, w.last) ==
                             (from <= to ? calendar_working_days(ev->cal, from - 1, to) : 0);
}

/* Visit the windows of calendar dimension d in the report's period, in
 * order, in the scope `base`; the number left out at the edges. */
static Selected each_window(Eval *ev, Scope base, const Dimension *d, Visit fn, void *ctx)
{
    const Header *h = &ev->m->header;
    Selected out = { 0, 0, 0, false };
    WindowUnit unit = (WindowUnit)d->calendar;
    Window first = date_window(unit, h->period_first);
    if (date_window_count(unit, h->period_first, h->period_last) > MAX_WINDOWS) {
        out.too_many = true;
        return out;
    }
    for (Window w = first; w.first <= h->period_last; w = date_window(unit, w.last + 1)) {
        if (!window_inside(ev, w)) {
            out.edges++;
            continue;
        }
        Scope sc = base;
        sc.win = w;
        fn(ev, sc, ctx);
        out.visited++;
        if (w.last >= h->period_last)
            break;
    }
    return out;
}

/* Is a subject in the scope's window of time? Units are, in any window;
 * a session is by its date, an opinion by its date received or its
 * session's. A date that cannot be placed counts in *undated. */
static bool in_window(Window w, Date d, uint32_t *undated)
{
    if (!w.unit)
        return true;
    At at = date_at(d, w);
    *undated += at == AT_UNKNOWN;
    return at == AT_IN;
}

/* What a node is, for a walk that looks for a selector's subjects: its
 * kind (a bit for the kind's id modulo 14), whether it is of the commune
 * level, whether it has itemised opinions. Ev->below holds, for each
 * unit, the bits of every node below it, so that a walk enters only the
 * units that may hold a subject (count(commune, ...) does not enter a
 * commune's villages, count(dialogue) no unit without dialogues below):
 * 2 bytes a node, in the peak of a run. */
enum { BELOW_KINDS = 14, BELOW_COMMUNE_LEVEL = 1 << 14, BELOW_OPINIONS = 1 << 15 };

static uint32_t node_bits(const Node *n)
{
    return 1u << (n->kind->id % BELOW_KINDS) | (n->kind->level == LEVEL_COMMUNE ? BELOW_COMMUNE_LEVEL : 0u) |
           (node_opinions(n) ? BELOW_OPINIONS : 0u);
}

/* The bits a subject of sel has; 0 for a selector each_below() finds
 * nothing for (the report, documents, parts). */
static uint32_t selector_bits(const Selector *sel)
{
    switch (sel->what) {
    case SEL_KIND: return 1u << (sel->kind->id % BELOW_KINDS);
    case SEL_COMMUNE_LEVEL: return BELOW_COMMUNE_LEVEL;
    case SEL_OPINION: return BELOW_OPINIONS;
    case SEL_REPORT: case SEL_DOCUMENT: case SEL_PART: break;
    }
    return 0;
}

/* ev->below[n->id] and that of every unit below n; what is below n. */
static uint32_t below_bits(uint16_t *below, const Node *n)
{
    uint32_t bits = 0;
    for (const Node *ch = node_first_child(n); ch; ch = ch->next_sibling)
        bits |= node_bits(ch) | (node_first_child(ch) ? below_bits(below, ch) : 0);
    below[n->id] = (uint16_t)bits;
    return bits;
}

/* Visit the subjects of the selector below the scope's node (the node
 * excluded), each in a scope that keeps the part and the window of time
 * of `base`: per level, count(commune, ...) counts in that level's cells,
 * and in a year only that year's sessions and opinions. `want` is
 * selector_bits(sel): a child is entered when something below it has
 * them. */
static void tally_visit(Eval *ev, Scope sc, void *ctx);
static void tally_opinions(Eval *ev, Scope sc, void *ctx);

/* fn for each opinion of sc.node within sc's window, those that cannot be
 * placed in it counted in *undated. A tally without a window makes the
 * same visits in one loop (tally_opinions()). */
static void visit_opinions(Eval *ev, Scope sc, Visit fn, void *ctx, uint32_t *undated)
{
    if (fn == tally_visit && !sc.win.unit) {
        tally_opinions(ev, sc, ctx);
        return;
    }
    OpinionIter it;
    for (const Opinion *o = opinion_first(sc.node, &it); o; o = opinion_next(&it))
        if (in_window(sc.win, opinion_date(o, sc.node), undated)) {
            sc.opinion = o;
            fn(ev, sc, ctx);
        }
}

static void each_below(Eval *ev, Scope base, const Node *n, const Selector *sel, uint32_t want, Visit fn,
                       void *ctx, Selected *out)
{
    for (const Node *ch = node_first_child(n); ch; ch = ch->next_sibling) {
        if (node_session(ch)->not_held)
            continue;
        Scope sc = base;
        sc.node = ch;
        if (sel->what == SEL_OPINION) {
            visit_opinions(ev, sc, fn, ctx, &out->undated);
        } else if (model_selects(sel, ch) && (!ch->kind->session || in_window(base.win, node_session(ch)->date, &out->undated))) {
            fn(ev, sc, ctx);
        }
        if (node_first_child(ch) && ev->below[ch->id] & want)
            each_below(ev, base, ch, sel, want, fn, ctx, out);
    }
}

static Selected each_in(Eval *ev, Scope base, const Selector *sel, Visit fn, void *ctx)
{
    Selected out = { 0, 0, 0, false };
    base.opinion = NULL;
    if (sel->what == SEL_PART) {
        /* the parts of a dimension, in the scope itself; a calendar
         * dimension's, the windows of the period */
        if (sel->dim->calendar && ev->m->header.has_period)
            return each_window(ev, base, sel->dim, fn, ctx);
        uint32_t count;
        const Part *const *parts;
        if (!vocab_dim_parts(ev->arena, sel->dim, &parts, &count))
            ev->oom = true;
        for (uint32_t i = 0; i < count; i++) {
            Scope sc = base;
            if (parts[i]->win.unit)
                sc.win = parts[i]->win;
            else
                sc.part = parts[i];
            fn(ev, sc, ctx);
        }
        out.visited = count;
        return out;
    }
    each_below(ev, base, base.node, sel, selector_bits(sel), fn, ctx, &out);
    return out;
}

/* A condition asked of each opinion, in the forms a national report asks
 * of millions (share(opinion, status == "resolved"), count(opinion,
 * satisfied)): read from the opinion's field at once, with the answer
 * eval() would give. Any other condition is evaluated. */
typedef enum { ASK_NONE, ASK_TOPIC, ASK_STATUS, ASK_SATISFIED } AskField;

typedef struct OpinionAsk {
    AskField field;
    bool negate;            /* `!=`, or `not satisfied` */
    const char *text;       /* topic or status: the text compared with */
    const Part *seen;       /* the part compared last, and whether it was equal */
    bool seen_equal;
} OpinionAsk;

typedef struct Tally {
    const Expr *expr;       /* condition or value; NULL: count everything */
    bool condition;         /* share/count: expr must be true or false */
    OpinionAsk ask;         /* expr read straight from an opinion, or ASK_NONE */
    double sum;
    uint32_t yes, known, total;
    bool approx, money;
    Note why;               /* why the first unknown one is unknown */
    Selected selected;      /* windows of time left out, or refused */
} Tally;

/* The field a path names in an opinion's scope, or ASK_NONE. */
static AskField ask_field(const Eval *ev, const Expr *e)
{
    if (e->kind != EXPR_PATH)
        return ASK_NONE;
    switch (resolve_get(ev->res, e)->scope_name) {
    case NAME_TOPIC: return ASK_TOPIC;
    case NAME_STATUS: return ASK_STATUS;
    case NAME_SATISFIED: return ASK_SATISFIED;
    default: return ASK_NONE;
    }
}

/* The condition e as an OpinionAsk: `satisfied`, `not satisfied`,
 * `status == "..."`, `topic != "..."` (either way round); else ASK_NONE. */
static OpinionAsk opinion_ask(const Eval *ev, const Expr *e)
{
    OpinionAsk a = { ASK_NONE, false, NULL, NULL, false };
    if (e->kind == EXPR_UNARY && e->as.op.op == OP_NOT && ask_field(ev, e->as.op.rhs) == ASK_SATISFIED) {
        a.field = ASK_SATISFIED;
        a.negate = true;
    } else if (ask_field(ev, e) == ASK_SATISFIED) {
        a.field = ASK_SATISFIED;
    } else if (e->kind == EXPR_BINARY && (e->as.op.op == OP_EQ || e->as.op.op == OP_NE)) {
        const Expr *x = e->as.op.lhs, *y = e->as.op.rhs;
        if (x->kind == EXPR_STRING) {
            const Expr *swap = x;
            x = y;
            y = swap;
        }
        AskField f = ask_field(ev, x);
        if ((f == ASK_TOPIC || f == ASK_STATUS) && y->kind == EXPR_STRING) {
            a.field = f;
            a.negate = e->as.op.op == OP_NE;
            a.text = y->as.str.ptr ? y->as.str.ptr : "";    /* as eval() reads it */
        }
    }
    return a;
}

/* eval() of the condition a on opinion o, as as_bool() leaves it. */
static EV ask_opinion(const Model *m, OpinionAsk *a, const Opinion *o)
{
    if (a->field == ASK_SATISFIED)
        return opinion_satisfied(o) < 0 ? unknown(NOTE_NO_SATISFIED)
                                        : boolean((opinion_satisfied(o) == 1) != a->negate);
    const Part *p = a->field == ASK_TOPIC ? opinion_topic(m, o) : opinion_status(m, o);
    if (!p)
        return unknown(a->field == ASK_TOPIC ? NOTE_NO_TOPIC : NOTE_NO_STATUS);
    if (p != a->seen) {
        a->seen = p;
        a->seen_equal = strcmp(p->name->text, a->text) == 0;
    }
    return boolean(a->seen_equal != a->negate);
}

/* An opinion's answer to the condition asked of it (ask_opinion()),
 * counted: known and yes, or the first unknown's why. */
static inline void tally_answer(Tally *t, EV v)
{
    if (v.kind == V_UNKNOWN) {
        if (!t->why.kind)
            t->why = v.why;
    } else {
        t->known++;
        t->yes += v.b;
    }
}

static void tally_visit(Eval *ev, Scope sc, void *ctx)
{
    Tally *t = ctx;
    t->total++;
    if (!t->expr) {
        t->yes++;
        t->known++;
        return;
    }
    if (sc.opinion && t->ask.field) {
        tally_answer(t, ask_opinion(ev->m, &t->ask, sc.opinion));
        return;
    }
    EV v = eval(ev, sc, t->expr);
    if (t->condition)
        v = as_bool(v);
    if (v.kind == V_UNKNOWN) {
        if (!t->why.kind)
            t->why = v.why;
        return;
    }
    t->known++;
    if (v.kind == V_BOOL) {
        t->yes += v.b;
    } else if (v.kind == V_NUM) {
        t->sum += v.num;
        t->yes += v.num != 0;
        t->approx |= v.approx;
        t->money |= v.unit == UNIT_MONEY;
    } else {
        t->known--;                 /* a date or text cannot be added up */
        if (!t->why.kind)
            t->why.kind = NOTE_NOT_NUMBER;
    }
}

/* tally_visit() of each opinion of sc.node, as visit_opinions() makes
 * them when there is no window of time, in one loop: a national report's
 * tallies visit two million opinions each, and most ask nothing of them
 * (count(opinion)) or one field (share(opinion, status == "resolved")),
 * which is then read here without a call and a Scope an opinion. */
static void tally_opinions(Eval *ev, Scope sc, void *ctx)
{
    Tally *t = ctx;
    OpinionIter it;
    const Opinion *o = opinion_first(sc.node, &it);
    if (!t->expr) {
        uint32_t k = 0;
        for (; o; o = opinion_next(&it))
            k++;
        t->total += k;                      /* each visit adds 1 to all three */
        t->yes += k;
        t->known += k;
        return;
    }
    if (!t->ask.field) {
        for (; o; o = opinion_next(&it)) {
            sc.opinion = o;
            tally_visit(ev, sc, t);
        }
        return;
    }
    for (; o; o = opinion_next(&it)) {
        t->total++;
        tally_answer(t, ask_opinion(ev->m, &t->ask, o));
    }
}

/* Documents carry no values: count them, the subtree included. */
static uint32_t count_documents(const Node *n)
{
    uint32_t k = 0;
    for (const Document *d = node_documents(n); d; d = d->next)
        k++;
    for (const Node *ch = node_first_child(n); ch; ch = ch->next_sibling)
        if (!node_session(ch)->not_held)
            k += count_documents(ch);
    return k;
}

static void tally(Eval *ev, Scope sc, const Selector *sel, const Expr *expr, bool condition, Tally *t)
{
    memset(t, 0, sizeof *t);
    t->expr = expr;
    t->condition = condition;
    if (expr && condition)
        t->ask = opinion_ask(ev, expr);
    const Node *n = sc.node;
    if (sel->what == SEL_DOCUMENT) {
        t->total = t->yes = t->known = count_documents(n);
        return;
    }
    if (sel->what == SEL_OPINION)
        visit_opinions(ev, sc, tally_visit, t, &t->selected.undated);
    uint32_t undated = t->selected.undated;
    t->selected = each_in(ev, sc, sel, tally_visit, t);
    t->selected.undated += undated;
}

static EV ratio(double numer, double denom, NoteKind why_zero)
{
    if (denom == 0)
        return unknown(why_zero);
    EV r = number(100.0 * numer / denom, UNIT_PERCENT);
    if (r.kind != V_NUM)
        return r;
    r.ratio = true;
    r.numer = numer;
    r.denom = denom;
    return r;
}

/* A caveat on a value counted over windows of time, unless it has one. */
static EV with_edges(EV v, const Tally *t, const Selector *sel)
{
    if (t->selected.too_many)
        return unknown_note((Note){ .kind = NOTE_TOO_MANY_WINDOWS, .a = MAX_WINDOWS });
    if (t->selected.edges && v.kind != V_UNKNOWN && !v.why.kind)
        v.why = (Note){ .kind = NOTE_EDGES_LEFT_OUT, .a = t->selected.edges, .sel = *sel };
    if (t->selected.undated && v.kind != V_UNKNOWN && !v.why.kind)
        v.why = (Note){ .kind = NOTE_UNDATED_LEFT_OUT, .a = t->selected.undated, .sel = *sel };
    return v;
}

/* The verdicts of a rule counted at each unit, its own and its
 * descendants' together: built once per rule, so passed() per commune costs
 * a lookup, not a walk of every verdict. */
typedef struct VerdictCount {
    uint32_t yes, known, all;
} VerdictCount;

typedef struct Counting {
    Eval *ev;
    const RuleResult *rr;
    bool oom;
} Counting;

/* One verdict counted at its node and every node above (VerdictSink). */
static void count_verdict(void *ctx, const Verdict *v)
{
    Counting *k = ctx;
    Eval *ev = k->ev;
    for (const Node *n = v->node; n && !k->oom; n = n->parent) {
        VerdictCount *c = ptrmap_get(&ev->verdicts, k->rr, (uintptr_t)n);
        if (!c) {
            c = ARENA_NEW(ev->arena, VerdictCount);
            if (!c || !ptrmap_put(&ev->verdicts, ev->arena, k->rr, (uintptr_t)n, c)) {
                k->oom = true;
                return;
            }
        }
        c->all++;
        c->known += v->status != RESULT_UNKNOWN;
        c->yes += v->status == RESULT_PASS;
    }
}

static RuleResult *rule_result(Eval *ev, const RuleDef *d, bool lean, VerdictSink sink, void *sink_ctx);

static bool count_verdicts(Eval *ev, const RuleResult *rr)
{
    Counting k = { ev, rr, false };
    if (rr->replay) {               /* those that passed were not kept: the rule again */
        if (!rule_result(ev, rr->def, false, count_verdict, &k))
            return false;
    } else {
        for (const Verdict *v = rr->verdicts; v; v = v->next)
            count_verdict(&k, v);
    }
    /* the rule itself, at no node: marks it counted */
    return !k.oom && ptrmap_put(&ev->verdicts, ev->arena, rr, 0, (void *)rr);
}

/* passed(RULE): the share of its subjects in scope that pass, among those
 * with a verdict (spec §7.4). */
static EV passed_share(Eval *ev, const RuleDef *rule, const Node *scope)
{
    const RuleResult *rr = ev->result->rules;
    while (rr && rr->def != rule)
        rr = rr->next;
    if (rr && !ptrmap_get(&ev->verdicts, rr, 0) && !count_verdicts(ev, rr)) {
        ev->oom = true;
        return unknown(NOTE_OUT_OF_MEMORY);
    }
    const VerdictCount *c = rr ? ptrmap_get(&ev->verdicts, rr, (uintptr_t)scope) : NULL;
    VerdictCount none = { 0, 0, 0 };
    if (!c)
        c = &none;
    if (!c->known)
        return unknown_note(c->all ? (Note){ .kind = NOTE_VERDICTS_UNKNOWN, .name = rule->id }
                                   : (Note){ .kind = NOTE_NO_VERDICT, .name = rule->id });
    EV r = ratio(c->yes, c->known, NOTE_NOTHING_TO_COUNT);
    if (c->known < c->all)
        r.why = (Note){ .kind = NOTE_SOME_UNKNOWN, .a = c->all - c->known, .b = c->all };
    return r;
}


/* ---- the calendar ---------------------------------------------------------------- */

/* Unknown when the calendar cannot count these days (spec §4.6). */
static bool uncovered(const Eval *ev, int32_t from, int32_t to, EV *why)
{
    int year;
    if (calendar_covers(ev->cal, from, to, &year))
        return false;
    *why = unknown_note((Note){ .kind = NOTE_CALENDAR_UNCOVERED, .a = year, .text = calendar_name(ev->cal) });
    return true;
}

/* working_days(d1, d2), deadline(d, n), working_deadline(d, n) (spec §7.4). */
static EV calendar_call(Eval *ev, Function fn, EV x, EV y)
{
    if (x.kind == V_UNKNOWN)
        return x;
    if (y.kind == V_UNKNOWN)
        return y;
    EV why;
    if (fn == FN_WORKING_DAYS) {
        if (x.kind != V_DATE || y.kind != V_DATE)
            return unknown(NOTE_NEED_DATES);
        if (uncovered(ev, x.days, y.days, &why))
            return why;
        return number((double)calendar_working_days(ev->cal, x.days, y.days), UNIT_DAYS);
    }
    if (x.kind != V_DATE || y.kind != V_NUM)
        return unknown(NOTE_DEADLINE_ARGS);
    if (y.num != floor(y.num) || y.num < 0)
        return unknown(NOTE_WHOLE_DAYS_COUNT);
    int32_t due;
    if (fn == FN_DEADLINE) {
        /* Điều 147: the event's day is not counted, so d + n is the last
         * day; Điều 148 khoản 5: a last day off moves to the next working day */
        EV last = arith(OP_ADD, x, y);
        if (last.kind != V_DATE)
            return last;
        if (uncovered(ev, x.days, last.days, &why))
            return why;
        if (!calendar_next_working_day(ev->cal, last.days, &due))
            return unknown(NOTE_OUTSIDE_CALENDAR);
    } else {
        if (y.num > 3660000 || !calendar_add_working_days(ev->cal, x.days, (int64_t)y.num, &due))
            return unknown(NOTE_OUTSIDE_CALENDAR);
    }
    if (uncovered(ev, x.days, due, &why))
        return why;
    return (EV){ .kind = V_DATE, .days = due };
}

/* ---- calls --------------------------------------------------------------------- */

/* n, kept in the arena: a plain one once for its kind, however many
 * verdicts give it (notes are never changed once kept). */
static const Note *keep_note(Eval *ev, Note n)
{
    bool plain = (unsigned)n.kind < NOTE_KIND_COUNT && note_is_plain(&n);
    if (plain && ev->plain[n.kind])
        return ev->plain[n.kind];
    Note *p = ARENA_NEW(ev->arena, Note);
    if (!p) {
        ev->oom = true;
        return NULL;
    }
    *p = n;
    if (plain)
        ev->plain[n.kind] = p;
    return p;
}

static EV eval_two(Eval *ev, Scope sc, const Expr *a0, const Expr *a1, EV *y)
{
    EV x = eval(ev, sc, a0);
    *y = eval(ev, sc, a1);
    return x;
}

/* ---- aggregates, computed once per scope ----------------------------------------- */

/* share, count, sum and mean depend on the expression and on the scope's
 * unit, part and window only (the opinion of an opinion's scope does not
 * change what they range over): each is computed once per such scope, so
 * aggregates nested in aggregates cost the sum of their subjects, not the
 * product (issue: hostile submissions). */
typedef struct Memo {
    const Expr *e;          /* NULL: empty slot */
    const Node *node;
    const Part *part;
    Window win;
    EV value;
} Memo;

static uint32_t memo_hash(const Eval *ev, const Expr *e, Scope sc)
{
    uint64_t x = (uint64_t)(uintptr_t)e ^ ev->arena->key.k0;
    x = (x ^ (uint64_t)(uintptr_t)sc.node) * 0x9E3779B97F4A7C15ull;
    x = (x ^ (uint64_t)(uintptr_t)sc.part) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ ((uint64_t)(uint32_t)sc.win.first << 8 | sc.win.unit)) * 0x94D049BB133111EBull;
    x ^= x >> 31;
    return (uint32_t)x;
}

static bool memo_same(const Memo *m, const Expr *e, Scope sc)
{
    return m->e == e && m->node == sc.node && m->part == sc.part && m->win.unit == sc.win.unit &&
           m->win.first == sc.win.first;
}

static Memo *memo_slot(Eval *ev, const Expr *e, Scope sc)
{
    if (!ev->cap_memo)
        return NULL;
    for (uint32_t i = memo_hash(ev, e, sc) & (ev->cap_memo - 1);; i = (i + 1) & (ev->cap_memo - 1))
        if (!ev->memo[i].e || memo_same(&ev->memo[i], e, sc))
            return &ev->memo[i];
}

static void memo_put(Eval *ev, const Expr *e, Scope sc, EV v)
{
    if ((ev->nmemo + 1) * 2 > ev->cap_memo) {
        uint32_t cap = ev->cap_memo ? ev->cap_memo * 2 : 256;
        Memo *grown = cap > ev->cap_memo ? ARENA_ARRAY(ev->arena, Memo, cap) : NULL;
        if (!grown) {
            ev->oom = true;
            return;
        }
        Memo *old = ev->memo;
        uint32_t n = ev->cap_memo;
        ev->memo = grown;
        ev->cap_memo = cap;
        for (uint32_t i = 0; i < n; i++)
            if (old[i].e)
                *memo_slot(ev, old[i].e, (Scope){ .node = old[i].node, .part = old[i].part, .win = old[i].win }) =
                    old[i];
        arena_release(ev->arena, old, (size_t)n * sizeof *old);
    }
    Memo *m = memo_slot(ev, e, sc);
    if (!m->e)
        ev->nmemo++;
    *m = (Memo){ e, sc.node, sc.part, sc.win, v };
}

static EV eval_call_once(Eval *ev, Scope sc, const Expr *e);

static EV eval_call(Eval *ev, Scope sc, const Expr *e)
{
    Function fn = resolve_get(ev->res, e)->fn;
    if (fn != FN_SHARE && fn != FN_COUNT && fn != FN_SUM && fn != FN_MEAN)
        return eval_call_once(ev, sc, e);
    Memo *m = memo_slot(ev, e, sc);
    if (m && m->e)
        return m->value;
    EV v = eval_call_once(ev, sc, e);
    memo_put(ev, e, sc, v);
    return v;
}

static EV eval_call_once(Eval *ev, Scope sc, const Expr *e)
{
    const Resolved *r = resolve_get(ev->res, e);
    const Expr *a0 = e->as.call.args, *a1 = a0 ? a0->next : NULL;
    const Header *h = &ev->m->header;
    Tally t;
    EV x, y;
    switch (r->fn) {
    case FN_PERCENT: {
        x = eval_two(ev, sc, a0, a1, &y);
        if (x.kind != V_NUM)
            return x.kind == V_UNKNOWN ? x : unknown(NOTE_PERCENT_NUMBERS);
        if (y.kind != V_NUM)
            return y.kind == V_UNKNOWN ? y : unknown(NOTE_PERCENT_NUMBERS);
        EV p = ratio(x.num, y.num, NOTE_ZERO_DENOMINATOR);
        p.approx = x.approx || y.approx;
        return p;
    }
    case FN_SHARE:
        tally(ev, sc, &r->sel, a1, true, &t);
        if (t.total == 0)
            return with_edges(unknown_note((Note){ .kind = NOTE_NONE_LISTED_IN, .sel = r->sel, .node = sc.node }),
                              &t, &r->sel);
        if (t.known < t.total && t.known == 0)
            return unknown_note(t.why);
        return with_edges(ratio(t.yes, t.known, NOTE_NOTHING_TO_COUNT), &t, &r->sel);
    case FN_COUNT:
        tally(ev, sc, &r->sel, a1, true, &t);
        return with_edges(number(t.yes, UNIT_COUNT), &t, &r->sel);
    case FN_SUM: {
        tally(ev, sc, &r->sel, a1, false, &t);
        if (t.known < t.total)
            return unknown_note(t.why);
        EV s = number(t.sum, t.money ? UNIT_MONEY : UNIT_NUMBER);
        s.approx = t.approx;
        return with_edges(s, &t, &r->sel);
    }
    case FN_PASSED:
        return passed_share(ev, r->rule, sc.node);
    case FN_MEAN: {
        /* the mean of the values that are known; the note says how many are not */
        tally(ev, sc, &r->sel, a1, false, &t);
        if (t.known == 0)
            return t.total ? unknown_note(t.why) : unknown_note((Note){ .kind = NOTE_NONE_LISTED, .sel = r->sel });
        bool rate = a1->kind == EXPR_CALL && resolve_get(ev->res, a1)->fn == FN_PERCENT;
        EV m = number(t.sum / t.known, rate ? UNIT_PERCENT : t.money ? UNIT_MONEY : UNIT_NUMBER);
        m.approx = t.approx;
        if (t.known < t.total)
            m.why = (Note){ .kind = NOTE_MEAN_PARTIAL, .a = t.known, .b = t.total, .sel = r->sel,
                            .inner = t.why.kind ? keep_note(ev, t.why) : NULL };
        return m;
    }
    case FN_YEARS:
        if (!h->has_period)
            return unknown(NOTE_NO_PERIOD);
        return number(h->period_end.year - h->period_start.year + 1, UNIT_NUMBER);
    case FN_DAYS:
        x = eval_two(ev, sc, a0, a1, &y);
        if (x.kind == V_UNKNOWN)
            return x;
        if (y.kind == V_UNKNOWN)
            return y;
        if (x.kind != V_DATE || y.kind != V_DATE)
            return unknown(NOTE_NEED_DATES);
        return number((double)y.days - x.days, UNIT_DAYS);
    case FN_WORKING_DAYS:
    case FN_DEADLINE:
    case FN_WORKING_DEADLINE:
        x = eval_two(ev, sc, a0, a1, &y);
        return calendar_call(ev, r->fn, x, y);
    case FN_KNOWN:
        return boolean(eval(ev, sc, a0).kind != V_UNKNOWN);
    case FN_MIN:
    case FN_MAX: {
        x = eval_two(ev, sc, a0, a1, &y);
        if (x.kind == V_UNKNOWN)
            return x;
        if (y.kind == V_UNKNOWN)
            return y;
        if (x.kind != V_NUM || y.kind != V_NUM)
            return unknown(NOTE_MINMAX_NUMBERS);
        bool first = r->fn == FN_MIN ? x.num <= y.num : x.num >= y.num;
        return first ? x : y;
    }
    }
    return unknown(NOTE_UNKNOWN);
}

/* ---- operators ------------------------------------------------------------------ */

static EV compare(ExprOp op, EV x, EV y)
{
    if (x.kind == V_UNKNOWN)
        return x;
    if (y.kind == V_UNKNOWN)
        return y;
    double a, b;
    if (x.kind == V_NUM && y.kind == V_NUM) {
        a = x.num, b = y.num;
    } else if (x.kind == V_DATE && y.kind == V_DATE) {
        a = x.days, b = y.days;
    } else if (x.kind == V_STR && y.kind == V_STR && (op == OP_EQ || op == OP_NE)) {
        bool eq = strcmp(x.str, y.str) == 0;
        return boolean(op == OP_EQ ? eq : !eq);
    } else if (x.kind == V_BOOL && y.kind == V_BOOL && (op == OP_EQ || op == OP_NE)) {
        return boolean(op == OP_EQ ? x.b == y.b : x.b != y.b);
    } else {
        return unknown(NOTE_CANNOT_COMPARE);
    }
    switch (op) {
    case OP_EQ: return boolean(fabs(a - b) < EPSILON);
    case OP_NE: return boolean(fabs(a - b) >= EPSILON);
    case OP_LT: return boolean(a < b);
    case OP_LE: return boolean(a <= b + EPSILON);
    case OP_GT: return boolean(a > b);
    case OP_GE: return boolean(a + EPSILON >= b);
    case OP_ADD: case OP_SUB: case OP_MUL: case OP_DIV: case OP_AND: case OP_OR: case OP_NOT: case OP_NEG:
        break;
    }
    return unknown(NOTE_CANNOT_COMPARE);
}

static EV arith(ExprOp op, EV x, EV y)
{
    if (x.kind == V_UNKNOWN)
        return x;
    if (y.kind == V_UNKNOWN)
        return y;
    if (x.kind == V_DATE && y.kind == V_DATE && op == OP_SUB)
        return number(x.days - y.days, UNIT_DAYS);
    if (x.kind == V_DATE && y.kind == V_NUM && (op == OP_ADD || op == OP_SUB)) {
        double days = (double)x.days + (op == OP_ADD ? y.num : -y.num);
        if (days != floor(days))
            return unknown(NOTE_WHOLE_DAYS);
        /* years 1..9999 only: beyond, a date has no meaning (nor a safe int) */
        if (!(days >= date_to_days((Date){ 1, 1, 1, DATE_DAY }) &&
              days <= date_to_days((Date){ 9999, 12, 31, DATE_DAY })))
            return unknown(NOTE_OUTSIDE_CALENDAR);
        x.days = (int32_t)days;
        return x;
    }
    if (x.kind != V_NUM || y.kind != V_NUM)
        return unknown(NOTE_ARITH_NUMBERS);
    ValueUnit u = x.unit == y.unit ? x.unit : (x.unit == UNIT_MONEY || y.unit == UNIT_MONEY) ? UNIT_MONEY : UNIT_NUMBER;
    EV r;
    switch (op) {
    case OP_ADD: r = number(x.num + y.num, u); break;
    case OP_SUB: r = number(x.num - y.num, u); break;
    case OP_MUL: r = number(x.num * y.num, u == UNIT_MONEY ? UNIT_MONEY : UNIT_NUMBER); break;
    case OP_DIV:
        if (y.num == 0)
            return unknown(NOTE_DIVISION_BY_ZERO);
        r = number(x.num / y.num, UNIT_NUMBER);
        break;
    default: return unknown(NOTE_ARITH_NUMBERS);
    }
    r.approx = x.approx || y.approx;
    return r;
}

/* `and`, `or`: false and _ is false, true or _ is true, whatever _ is. */
static EV logic(Eval *ev, Scope sc, const Expr *e)
{
    ExprOp op = e->as.op.op;
    EV x = as_bool(eval(ev, sc, e->as.op.lhs));
    if (x.kind == V_BOOL && x.b == (op == OP_OR))
        return x;
    EV y = as_bool(eval(ev, sc, e->as.op.rhs));
    if (y.kind == V_BOOL && y.b == (op == OP_OR))
        return y;
    if (x.kind == V_UNKNOWN)
        return x;
    if (y.kind == V_UNKNOWN)
        return y;
    return boolean(op == OP_OR ? (x.b || y.b) : (x.b && y.b));
}

static EV eval(Eval *ev, Scope sc, const Expr *e)
{
    switch (e->kind) {
    case EXPR_NUMBER: return number((double)e->as.number, UNIT_COUNT);
    case EXPR_MONEY: return number((double)e->as.number, UNIT_MONEY);
    case EXPR_PERCENT:
        return number((double)e->as.percent.mantissa / pow(10, e->as.percent.decimals), UNIT_PERCENT);
    case EXPR_DATE: return date_value(e->as.date, NOTE_DATE_NOT_DAY);
    case EXPR_STRING:
        /* the expression's own copy, NUL-terminated, which lives as long as
         * the run (str_keep): copying it at each evaluation made a string
         * for every opinion a `share(opinion, status == "resolved")` saw */
        return (EV){ .kind = V_STR, .str = e->as.str.ptr ? e->as.str.ptr : "" };
    case EXPR_UNKNOWN: return unknown(NOTE_WRITTEN_UNKNOWN);
    case EXPR_PATH: return eval_path(ev, sc, e);
    case EXPR_CALL: return eval_call(ev, sc, e);
    case EXPR_UNARY: {
        EV v = eval(ev, sc, e->as.op.rhs);
        if (e->as.op.op == OP_NOT) {
            v = as_bool(v);
            return v.kind == V_BOOL ? boolean(!v.b) : v;
        }
        if (v.kind == V_NUM)
            v.num = -v.num, v.ratio = false;
        return v;
    }
    case EXPR_BINARY: {
        ExprOp op = e->as.op.op;
        if (op == OP_AND || op == OP_OR)
            return logic(ev, sc, e);
        EV x = eval(ev, sc, e->as.op.lhs), y = eval(ev, sc, e->as.op.rhs);
        if (op >= OP_EQ && op <= OP_GE)
            return compare(op, x, y);
        return arith(op, x, y);
    }
    }
    return unknown(NOTE_UNKNOWN);
}

/* ---- indicators ------------------------------------------------------------ */

enum { INDICATOR_DECIMALS = 4 };    /* a computed value keeps this many */

static Number num_of(double v, ValueUnit u)
{
    uint8_t decimals = u == UNIT_PERCENT || v != floor(v) ? INDICATOR_DECIMALS : 0;
    return number_real(v, decimals, u == UNIT_MONEY);
}

/* A comparison, `and`, `or` or `not`: true or false whenever it is known. */
/* The unit of an expression's value, worked out from the expression
 * alone by eval()'s own rules: what an indicator says it is when its value
 * is unknown (spec/json.md §4, "the unit the expression would have had").
 * *number is false for a date or a text, whose unit is UNIT_NUMBER. */
static ValueUnit unit_of(const Eval *ev, const Expr *e, bool *number)
{
    *number = true;
    bool n1, n2;
    switch (e->kind) {
    case EXPR_NUMBER: return UNIT_COUNT;
    case EXPR_MONEY: return UNIT_MONEY;
    case EXPR_PERCENT: return UNIT_PERCENT;
    case EXPR_UNKNOWN: return UNIT_NUMBER;
    case EXPR_DATE: case EXPR_STRING:
        *number = false;
        return UNIT_NUMBER;
    case EXPR_PATH: {
        const Resolved *r = resolve_get(ev->res, e);
        switch (r->scope_name) {
        case NAME_TRUE: case NAME_FALSE: case NAME_SATISFIED:
            return UNIT_BOOLEAN;
        case NAME_PERIOD: case NAME_DATE: case NAME_CONCLUSION: case NAME_NOTICE:
        case NAME_KIND: case NAME_SCOPE: case NAME_TOPIC: case NAME_STATUS:
            *number = false;
            return UNIT_NUMBER;
        case NAME_FIGURE:
            break;
        }
        /* a figure's value: a percentage, an amount, else a count (eval_path) */
        return !r->figure ? UNIT_COUNT : r->figure->type == TYPE_PERCENTAGE ? UNIT_PERCENT
             : r->figure->type == TYPE_MONEY ? UNIT_MONEY : UNIT_COUNT;
    }
    case EXPR_CALL: {
        const Resolved *r = resolve_get(ev->res, e);
        const Expr *a0 = e->as.call.args, *a1 = a0 ? a0->next : NULL;
        switch (r->fn) {
        case FN_PERCENT: case FN_SHARE: case FN_PASSED: return UNIT_PERCENT;
        case FN_COUNT: return UNIT_COUNT;
        case FN_SUM:
            return a1 && unit_of(ev, a1, &n1) == UNIT_MONEY ? UNIT_MONEY : UNIT_NUMBER;
        case FN_MEAN:
            if (a1 && a1->kind == EXPR_CALL && resolve_get(ev->res, a1)->fn == FN_PERCENT)
                return UNIT_PERCENT;
            return a1 && unit_of(ev, a1, &n1) == UNIT_MONEY ? UNIT_MONEY : UNIT_NUMBER;
        case FN_YEARS: return UNIT_NUMBER;
        case FN_DAYS: case FN_WORKING_DAYS: return UNIT_DAYS;
        case FN_DEADLINE: case FN_WORKING_DEADLINE:
            *number = false;
            return UNIT_NUMBER;
        case FN_KNOWN: return UNIT_BOOLEAN;
        case FN_MIN: case FN_MAX: {
            ValueUnit u = a0 ? unit_of(ev, a0, &n1) : UNIT_NUMBER;
            return a1 && unit_of(ev, a1, &n2) == u ? u : UNIT_NUMBER;
        }
        }
        return UNIT_NUMBER;
    }
    case EXPR_UNARY:
        return e->as.op.op == OP_NOT ? UNIT_BOOLEAN : unit_of(ev, e->as.op.rhs, number);
    case EXPR_BINARY: {
        ExprOp op = e->as.op.op;
        if (op >= OP_EQ && op <= OP_OR)
            return UNIT_BOOLEAN;
        ValueUnit x = unit_of(ev, e->as.op.lhs, &n1), y = unit_of(ev, e->as.op.rhs, &n2);
        if (!n1 && !n2 && op == OP_SUB)
            return UNIT_DAYS;               /* date - date */
        if (!n1) {
            *number = false;                /* date + days */
            return UNIT_NUMBER;
        }
        ValueUnit u = x == y ? x : x == UNIT_MONEY || y == UNIT_MONEY ? UNIT_MONEY : UNIT_NUMBER;
        if (op == OP_ADD || op == OP_SUB)
            return u;
        return op == OP_MUL && u == UNIT_MONEY ? UNIT_MONEY : UNIT_NUMBER;
    }
    }
    return UNIT_NUMBER;
}

static IndicatorResult *indicator_result(Eval *ev, const IndicatorDef *d, Scope sc, const Node *subject,
                                         const Part *part)
{
    IndicatorResult *ir = ARENA_NEW(ev->arena, IndicatorResult);
    if (!ir) {
        ev->oom = true;
        return NULL;
    }
    ir->def = d;
    ir->node = subject;
    ir->part = part;
    EV v = eval(ev, sc, d->expr);
    ir->unit = v.kind == V_BOOL ? UNIT_BOOLEAN : v.kind == V_NUM ? v.unit : UNIT_NUMBER;
    if (v.kind == V_NUM) {
        ir->value = num_of(v.num, v.unit);
        ir->approximate = v.approx;
        if (v.ratio) {
            ir->numerator = num_of(v.numer, UNIT_COUNT);
            ir->denominator = num_of(v.denom, UNIT_COUNT);
        }
        ir->note = v.why;           /* a caveat on a value, e.g. a partial mean */
        if (ir->approximate)
            ir->note = (Note){ .kind = NOTE_FROM_APPROX_FIGURE };
    } else if (v.kind == V_BOOL) {
        ir->value = number_real(v.b ? 1 : 0, 0, false);
    } else if (v.kind == V_UNKNOWN) {
        ir->note = v.why.kind ? v.why : (Note){ .kind = NOTE_UNKNOWN };
        bool number;                /* the unit it would have had */
        ir->unit = unit_of(ev, d->expr, &number);
    } else {
        ir->note = (Note){ .kind = NOTE_NOT_A_NUMBER };
    }
    return ir;
}

/* `reported P%`: the report's percentage agrees within one unit of its last
 * digit (spec §6.7). */
static void percent_check(Eval *ev, Result *r, const IndicatorDef *d, const IndicatorResult *ir)
{
    Check *k = result_new_check(r, ev->arena);
    if (!k) {
        ev->oom = true;
        return;
    }
    k->kind = CHECK_PERCENT;
    k->indicator = d;
    double declared = (double)d->reported.mantissa / pow(10, d->reported.decimals);
    double unit = pow(10, -(double)d->reported.decimals);
    Number shown = number_real(declared, d->reported.decimals, false);
    k->relation = REL_WITHIN;
    if (!ir->value.known) {
        k->status = RESULT_UNKNOWN;
        check_set_note(ev->arena, k, ir->note);
        if (!check_numbers(ev->arena, k, shown, (Number){ 0 }, (Number){ 0 }, unit))
            ev->oom = true;
    } else {
        if (!check_numbers(ev->arena, k, shown, ir->value,
                           number_real(declared - ir->value.value, INDICATOR_DECIMALS, false), unit))
            ev->oom = true;
        k->status = fabs(declared - ir->value.value) <= unit + EPSILON ? RESULT_PASS : RESULT_FAIL;
        if (k->status == RESULT_FAIL)
            check_set_note(ev->arena, k, (Note){ .kind = NOTE_PERCENT_DIFFERS, .x = unit });
    }
    result_add_check(r, k);
}

typedef struct PerCtx {
    Result *r;
    const IndicatorDef *d;
} PerCtx;

static void per_visit(Eval *ev, Scope sc, void *ctx)
{
    PerCtx *p = ctx;
    bool dimension = sc.part || sc.win.unit;
    IndicatorResult *ir = dimension ? indicator_result(ev, p->d, sc, NULL, sc.part)
                                    : indicator_result(ev, p->d, sc, sc.node, NULL);
    if (ir) {
        ir->win = sc.win;
        result_add_indicator(p->r, ir);
    }
}

/* ---- rules ------------------------------------------------------------------ */

static Val shown(EV v)
{
    switch (v.kind) {
    case V_NUM: return (Val){ .kind = VAL_NUMBER, .num = v.num };
    case V_BOOL: return (Val){ .kind = VAL_BOOL, .b = v.b };
    case V_DATE: return (Val){ .kind = VAL_DATE, .days = v.days };
    case V_STR: return (Val){ .kind = VAL_STRING, .str = v.str };
    case V_UNKNOWN: break;
    }
    return (Val){ .kind = VAL_UNKNOWN };
}

typedef struct RuleCtx {
    RuleResult *rr;
    uint32_t candidates;    /* subjects before the where: filter */
    uint32_t edges;         /* windows of time left out at the period's edges */
    bool too_many;          /* a selection of windows refused */
    bool lean;              /* a subject that passes is counted, not kept (eval_run_lean) */
    VerdictSink sink;       /* made again (replay): each verdict handed here, none kept */
    void *sink_ctx;
} RuleCtx;

/* ---- schedules (spec §9.1) ------------------------------------------------------ */

/* The cell a schedule counts: its session kind's count of held sessions,
 * of one kind (receptions.periodic) when it says so. */
static bool schedule_cell(const Eval *ev, const Schedule *sc, const FigureDecl *f, const Part *cell[VOCAB_MAX_DIMS])
{
    memset(cell, 0, sizeof(const Part *) * VOCAB_MAX_DIMS);
    if (sc->kind) {
        int i = vocab_figure_dim(f, sc->kind->dim);
        if (i < 0)
            return false;
        cell[i] = sc->kind;
    }
    (void)ev;
    return vocab_time_dim(f) >= 0;
}

/* The subject's own sessions of the schedule's kind not held, dated in
 * the period or undated: how many, and their reasons as written. */
static void not_held(Eval *ev, const Schedule *sc, const Node *n, Slots *sl)
{
    const Header *h = &ev->m->header;
    Window period = { WIN_NONE, h->period_first, h->period_last };
    for (const Node *ch = node_first_child(n); ch; ch = ch->next_sibling) {
        if (!ch->kind->session)
            continue;                   /* a sub-unit's sessions are its own */
        const Session *s = node_session(ch);
        if (ch->kind != sc->session || !s->not_held || (sc->kind && session_kind(s) != sc->kind) ||
            date_at(s->date, period) == AT_OUT)
            continue;
        sl->not_held++;
        Str reason = session_not_held_reason(s);
        if (reason.ptr) {
            const char *r = arena_printf(ev->arena, "%s%s\"%.*s\"", sl->reasons ? sl->reasons : "",
                                         sl->reasons ? "; " : "", (int)reason.len,
                                         reason.ptr);
            if (!r)
                ev->oom = true;
            else
                sl->reasons = r;
        }
    }
}

static int cmp_day(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

/* The due days of a weekly schedule on a weekday, in the period: each
 * week's day, moved to the next working day when it is a rest day
 * (Civil Code 2015, Điều 148 khoản 5), once each. */
static int32_t *due_days(Eval *ev, const Schedule *sc, uint32_t *n, uint32_t *moved)
{
    const Header *h = &ev->m->header;
    Window first = date_window(WIN_WEEK, h->period_first);
    uint32_t cap = (uint32_t)((h->period_last - first.first) / 7 + 3);
    int32_t *days = ARENA_ARRAY(ev->arena, int32_t, cap);
    *n = *moved = 0;
    if (!days) {
        ev->oom = true;
        return NULL;
    }
    /* a week before the period may move its day into it: start one early */
    for (int32_t monday = first.first - 7; monday <= h->period_last && *n < cap; monday += 7) {
        int32_t day = monday + sc->weekday, due;
        if (!calendar_next_working_day(ev->cal, day, &due) || due < h->period_first || due > h->period_last)
            continue;                   /* only due days inside the period count */
        days[(*n)++] = due;
        *moved += due != day;
    }
    qsort(days, *n, sizeof *days, cmp_day);
    uint32_t u = 0;
    for (uint32_t i = 0; i < *n; i++)
        if (!u || days[u - 1] != days[i])
            days[u++] = days[i];
    *n = u;
    return days;
}

/* Sessions due in window w of the period: `times`, prorated by the
 * working days when the period cuts the window (rounded half up). */
static int64_t due_in(Eval *ev, const Schedule *sc, Window w, bool *cut)
{
    const Header *h = &ev->m->header;
    *cut = false;
    if (w.first >= h->period_first && w.last <= h->period_last)
        return sc->times;
    int32_t from = w.first > h->period_first ? w.first : h->period_first;
    int32_t to = w.last < h->period_last ? w.last : h->period_last;
    int64_t all = calendar_working_days(ev->cal, w.first - 1, w.last);
    int64_t in = from <= to ? calendar_working_days(ev->cal, from - 1, to) : 0;
    if (in == all)
        return sc->times;
    *cut = true;
    return all ? (sc->times * in * 2 + all) / (2 * all) : 0;
}

static void missed(Eval *ev, Slots *sl, Window w, int32_t due)
{
    if (sl->nmissed < MAX_MISSED) {
        if (!sl->missed) {
            sl->missed = ARENA_ARRAY(ev->arena, Window, MAX_MISSED);
            sl->due = ARENA_ARRAY(ev->arena, int32_t, MAX_MISSED);
            if (!sl->missed || !sl->due) {
                sl->missed = NULL;  /* both or neither: the next call must not write through due */
                ev->oom = true;
                return;
            }
        }
        sl->missed[sl->nmissed] = w;
        sl->due[sl->nmissed] = due;
    }
    sl->nmissed++;
}

/* Count a subject's sessions against its schedule. Held sessions are
 * counted per window when the report lets them be placed in time; when it
 * gives only a total for the period, the total stands against the sum
 * due (a note says so). */
static Status schedule_verdict(Eval *ev, const Schedule *sc, const Node *n, Slots *sl, Note *why)
{
    const Header *h = &ev->m->header;
    if (!h->has_period) {
        *why = (Note){ .kind = NOTE_NO_PERIOD };
        return RESULT_UNKNOWN;
    }
    int year;
    if (!calendar_covers(ev->cal, h->period_first, h->period_last, &year)) {
        *why = (Note){ .kind = NOTE_CALENDAR_UNCOVERED, .a = year, .text = calendar_name(ev->cal) };
        return RESULT_UNKNOWN;
    }
    const FigureDecl *f = sc->session->count;
    const Part *cell[VOCAB_MAX_DIMS];
    if (!f || !schedule_cell(ev, sc, f, cell)) {
        *why = (Note){ .kind = NOTE_NOT_BY_DATE, .text = f ? f->name->text : sc->session->name->text, .node = n };
        return RESULT_UNKNOWN;
    }
    int t = vocab_time_dim(f);
    not_held(ev, sc, n, sl);
    const FigureDecl *nh = sc->session->not_held;
    const Part *nh_cell[VOCAB_MAX_DIMS];
    if (!sl->not_held && nh && schedule_cell(ev, sc, nh, nh_cell)) {
        /* not itemised: the count the report gives, if it does */
        const Symbol *path = vocab_cell_find(ev->m->vocab, nh, nh_cell);
        const Figure *own = path ? model_figure(n, path) : NULL;
        Value v;
        if (own && derive_part_value(ev->d, n, own, &v) && !v.approx && !v.percent)
            sl->not_held = v.value;
    }
    Window first = date_window((WindowUnit)sc->every, h->period_first);
    if (date_window_count((WindowUnit)sc->every, h->period_first, h->period_last) > MAX_WINDOWS) {
        *why = (Note){ .kind = NOTE_TOO_MANY_WINDOWS, .a = MAX_WINDOWS };
        return RESULT_UNKNOWN;
    }
    uint32_t ndue = 0, k = 0;
    int32_t *due = sc->weekday >= 0 ? due_days(ev, sc, &ndue, &sl->nmoved) : NULL;
    bool placed = true;
    Note first_why = { 0 };
    for (Window w = first; w.first <= h->period_last; w = date_window((WindowUnit)sc->every, w.last + 1)) {
        int64_t want;
        int32_t when = 0;
        if (due) {
            for (want = 0; k < ndue && due[k] <= w.last; k++, want++)
                when = due[k];
        } else {
            bool cut;
            want = due_in(ev, sc, w, &cut);
            sl->edges += cut;
        }
        sl->expected += want;
        if (!placed)
            continue;
        EV held = window_value(ev, n, f, cell, t, w, true);
        if (held.kind != V_NUM) {
            placed = false;                     /* the total may still say */
            first_why = held.why;
            continue;
        }
        sl->held += (int64_t)held.num;
        if ((int64_t)held.num < want)
            missed(ev, sl, w, when);
    }
    if (placed) {
        sl->held_known = true;
        return sl->nmissed ? RESULT_FAIL : RESULT_PASS;
    }
    /* no placing in time: the period's total against the sum due */
    sl->held = 0;
    sl->nmissed = 0;
    /* the total the unit itself gives: its own sessions, not its sub-units' */
    const Symbol *path = vocab_cell_find(ev->m->vocab, f, cell);
    const Figure *own = path ? model_figure(n, path) : NULL;
    Value total = { 0 };
    if (!own || !derive_part_value(ev->d, n, own, &total) || total.approx || total.percent) {
        *why = first_why.kind ? first_why : (Note){ .kind = NOTE_UNKNOWN };
        return RESULT_UNKNOWN;
    }
    sl->held_known = true;
    sl->held = total.value;
    *why = (Note){ .kind = NOTE_TOTAL_ONLY, .inner = first_why.kind ? keep_note(ev, first_why) : NULL };
    return sl->held >= sl->expected ? RESULT_PASS : RESULT_FAIL;
}

/* ---- rules ---------------------------------------------------------------------- */

/* A kept verdict's VerdictMore: shared by every verdict whose only
 * remark is the same note of its kind alone (a tenth of a country's
 * dialogues: "no conclusion notice is recorded"); NULL when out of
 * memory. */
static const VerdictMore *keep_more(Eval *ev, const VerdictMore *more)
{
    const Note *why = more->why;
    bool plain = !more->part && !more->win.unit && !more->slots && why && (unsigned)why->kind < NOTE_KIND_COUNT &&
                 ev->plain[why->kind] == why;
    if (plain && ev->plain_more[why->kind])
        return ev->plain_more[why->kind];
    VerdictMore *m = ARENA_NEW(ev->arena, VerdictMore);
    if (!m)
        return NULL;
    *m = *more;
    if (plain)
        ev->plain_more[why->kind] = m;
    return m;
}

static void rule_visit(Eval *ev, Scope sc, void *ctx)
{
    RuleCtx *rc = ctx;
    RuleResult *rr = rc->rr;
    const RuleDef *d = rr->def;
    rc->candidates++;
    if (d->where) {
        EV w = as_bool(eval(ev, sc, d->where));
        if (w.kind != V_BOOL || !w.b)
            return;                 /* not a subject of this rule */
    }
    /* made here, and kept in the arena only if it is to be kept */
    Verdict made = { 0 }, *v = &made;
    rr->total++;
    v->node = sc.node;
    VerdictMore more = { sc.part, sc.win, NULL, NULL };
    if (d->schedule) {
        Slots *sl = ARENA_NEW(ev->arena, Slots);
        if (!sl) {
            ev->oom = true;
            return;
        }
        more.slots = sl;
        Note why = { 0 };
        v->status = (uint8_t)schedule_verdict(ev, d->schedule, sc.node, sl, &why);
        if (why.kind)
            more.why = keep_note(ev, why);
    } else {
        const Expr *req = d->require;
        EV x;
        if (req->kind == EXPR_BINARY && req->as.op.op >= OP_EQ && req->as.op.op <= OP_GE) {
            /* a comparison: its two sides, evaluated once, are shown too
             * (eval() of it is compare() of them) */
            ExprOp op = req->as.op.op;
            EV lhs = eval(ev, sc, req->as.op.lhs), rhs = eval(ev, sc, req->as.op.rhs);
            x = as_bool(compare(op, lhs, rhs));
            v->compared = true;
            v->op = (uint8_t)op;
            verdict_set_sides(v, shown(lhs), shown(rhs));
        } else {
            x = as_bool(eval(ev, sc, req));
        }
        v->status = x.kind == V_UNKNOWN ? RESULT_UNKNOWN : x.b ? RESULT_PASS : RESULT_FAIL;
        if (v->status == RESULT_UNKNOWN)
            more.why = keep_note(ev, x.why.kind ? x.why : (Note){ .kind = NOTE_VALUE_MISSING });
    }
    rr->passed += v->status == RESULT_PASS;
    rr->failed += v->status == RESULT_FAIL;
    rr->unknown += v->status == RESULT_UNKNOWN;
    bool has_more = more.part || more.win.unit || more.slots || more.why;
    if (rc->sink) {
        v->more = has_more ? &more : NULL;
        rc->sink(rc->sink_ctx, v);
        return;
    }
    if (rc->lean && v->status == RESULT_PASS)
        return;                     /* counted */
    Verdict *kept = ARENA_NEW(ev->arena, Verdict);
    const VerdictMore *m = kept && has_more ? keep_more(ev, &more) : NULL;
    if (!kept || (has_more && !m)) {
        ev->oom = true;
        return;
    }
    *kept = made;
    kept->more = m;
    result_add_verdict(rr, kept);
}

/* each KIND  each DIMENSION: every subject with every part or window. */
static void pair_visit(Eval *ev, Scope sc, void *ctx)
{
    RuleCtx *rc = ctx;
    Selected s = each_in(ev, sc, &rc->rr->def->each2, rule_visit, rc);
    rc->edges = s.edges;                /* the same windows for every subject */
    rc->too_many |= s.too_many;
}

/* The result of rule d, every subject's verdict kept, or those that do
 * not pass (lean), or none, each handed to `sink` (a replay). */
static RuleResult *rule_result(Eval *ev, const RuleDef *d, bool lean, VerdictSink sink, void *sink_ctx)
{
    RuleResult *rr = ARENA_NEW(ev->arena, RuleResult);
    if (!rr) {
        ev->oom = true;
        return NULL;
    }
    rr->def = d;
    RuleCtx rc = { rr, 0, 0, false, lean, sink, sink_ctx };
    Selected s = { 0, 0, 0, false };
    if (d->each.what == SEL_REPORT)
        rule_visit(ev, (Scope){ .node = ev->m->root }, &rc);
    else if (d->each2.what != SEL_REPORT)
        each_in(ev, (Scope){ .node = ev->m->root }, &d->each, pair_visit, &rc);
    else
        s = each_in(ev, (Scope){ .node = ev->m->root }, &d->each, rule_visit, &rc);
    rc.edges += s.edges;
    rc.too_many |= s.too_many;
    rr->status = rr->failed ? RESULT_FAIL : rr->unknown ? RESULT_UNKNOWN : RESULT_PASS;
    if (rc.too_many) {
        rr->status = RESULT_UNKNOWN;
        rr->note = (Note){ .kind = NOTE_TOO_MANY_WINDOWS, .a = MAX_WINDOWS };
    } else if (rr->total == 0) {
        /* "for each dialogue" with no dialogue listed checks nothing */
        rr->status = RESULT_UNKNOWN;
        if (rc.edges)
            rr->note = (Note){ .kind = NOTE_EDGES_LEFT_OUT, .a = rc.edges,
                               .sel = d->each2.what != SEL_REPORT ? d->each2 : d->each };
        else if (d->each.what == SEL_REPORT)
            rr->note.kind = NOTE_REPORT_NOT_WHERE;
        else
            rr->note = (Note){ .kind = rc.candidates ? NOTE_NONE_MEETS_WHERE : NOTE_NO_SUBJECT,
                               .sel = d->each2.what != SEL_REPORT && rc.candidates ? d->each2 : d->each };
    } else if (rc.edges) {
        const Selector *cal = d->each2.what != SEL_REPORT ? &d->each2 : &d->each;
        rr->note = (Note){ .kind = NOTE_EDGES_LEFT_OUT, .a = rc.edges, .sel = *cal };
    }
    return rr;
}

/* ev->below for ev's model (below_bits()); false when out of memory. */
static bool below_made(Eval *ev)
{
    ev->below = ARENA_ARRAY(ev->arena, uint16_t, ev->m->nnodes);
    if (ev->below)
        below_bits(ev->below, ev->m->root);
    return ev->below != NULL;
}

/* ev->below given back once the evaluation is done: 2 bytes a node. */
static void below_given_back(Eval *ev)
{
    arena_release(ev->arena, ev->below, (size_t)ev->m->nnodes * sizeof *ev->below);
    ev->below = NULL;
}

/* VerdictReplay.run: rule d evaluated again, in an evaluation of its own
 * over what the run's read (passed() of another rule makes that rule's
 * verdicts again in turn), each verdict to sink. */
static bool replay_rule(const VerdictReplay *rp, const RuleDef *d, Arena *a, VerdictSink sink, void *ctx)
{
    Eval ev = { .m = rp->model, .d = rp->derived, .res = rp->res, .cal = rp->cal, .result = rp->result, .arena = a };
    if (!below_made(&ev))
        return false;
    bool ok = rule_result(&ev, d, false, sink, ctx) && !ev.oom;
    below_given_back(&ev);
    return ok;
}

static bool evaluate(const Model *m, const Derived *d, const Resolution *res, const Calendar *cal, Arena *arena,
                     Result *r, bool lean)
{
    Eval ev = { .m = m, .d = d, .res = res, .cal = cal, .result = r, .arena = arena };
    Scope root = { .node = m->root };
    VerdictReplay *rp = lean ? ARENA_NEW(arena, VerdictReplay) : NULL;
    if (lean && !rp)
        return false;
    if (rp)
        *rp = (VerdictReplay){ replay_rule, m, d, res, cal, r };
    if (!below_made(&ev))
        return false;
    /* rules first: an indicator may count their verdicts (passed()) */
    for (const RuleDef *rule = m->rules; rule && !ev.oom; rule = rule->next) {
        RuleResult *rr = rule_result(&ev, rule, lean, NULL, NULL);
        if (rr) {
            rr->replay = rp;
            result_add_rule(r, rr);
        }
    }
    for (const IndicatorDef *ind = m->indicators; ind && !ev.oom; ind = ind->next) {
        IndicatorResult *ir = indicator_result(&ev, ind, root, NULL, NULL);
        if (!ir)
            return false;
        result_add_indicator(r, ir);
        if (ind->has_reported)
            percent_check(&ev, r, ind, ir);
        if (ind->has_per) {
            PerCtx pc = { r, ind };
            Selected s = each_in(&ev, root, &ind->per, per_visit, &pc);
            if (s.too_many && !ir->note.kind)
                ir->note = (Note){ .kind = NOTE_TOO_MANY_WINDOWS, .a = MAX_WINDOWS };
            else if (s.edges && !ir->note.kind)
                ir->note = (Note){ .kind = NOTE_EDGES_LEFT_OUT, .a = s.edges, .sel = ind->per };
        }
    }
    below_given_back(&ev);              /* the result does not read it */
    return !ev.oom;
}

bool eval_run(const Model *m, const Derived *d, const Resolution *res, const Calendar *cal, Arena *arena,
              Result *r)
{
    return evaluate(m, d, res, cal, arena, r, false);
}

bool eval_run_lean(const Model *m, const Derived *d, const Resolution *res, const Calendar *cal, Arena *arena,
                   Result *r)
{
    return evaluate(m, d, res, cal, arena, r, true);
}
