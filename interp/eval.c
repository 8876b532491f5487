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
} Scope;

/* Declared holidays, merged into disjoint intervals sorted by start;
 * `before` counts the weekday holidays of all earlier intervals. */
typedef struct HolidaySpan {
    int32_t first, last;
    int64_t before;
} HolidaySpan;

typedef struct Eval {
    const Model *m;
    const Derived *d;
    const Resolution *res;
    Arena *arena;
    HolidaySpan *holidays;
    uint32_t nholidays;
    bool oom;
} Eval;

/* Two numbers closer than this are equal: sums of percentages are not exact. */
static const double EPSILON = 1e-9;

/* ---- values ---------------------------------------------------------------- */

static EV unknown(NoteKind why) { return (EV){ .kind = V_UNKNOWN, .why = { .kind = why } }; }
static EV unknown_note(Note why) { return (EV){ .kind = V_UNKNOWN, .why = why }; }
static EV number(double v, ValueUnit u) { return (EV){ .kind = V_NUM, .num = v, .unit = u }; }
static EV boolean(bool b) { return (EV){ .kind = V_BOOL, .b = b, .unit = UNIT_BOOLEAN }; }
static EV date_value(Date d, NoteKind why)
{
    if (d.precision != DATE_DAY)
        return unknown(why);
    return (EV){ .kind = V_DATE, .days = date_to_days(d) };
}

static EV eval(Eval *ev, Scope sc, const Expr *e);

static EV eval_path(Eval *ev, Scope sc, const Expr *e)
{
    const Resolved *r = resolve_get(ev->res, e);
    if (r->scope_name == NAME_TRUE || r->scope_name == NAME_FALSE)
        return boolean(r->scope_name == NAME_TRUE);
    if (sc.opinion) {
        const Opinion *o = sc.opinion;
        switch (r->scope_name) {
        case NAME_TOPIC:
            return o->topic ? (EV){ .kind = V_STR, .str = o->topic->name->text } : unknown(NOTE_NO_TOPIC);
        case NAME_STATUS:
            return o->status ? (EV){ .kind = V_STR, .str = o->status->name->text } : unknown(NOTE_NO_STATUS);
        case NAME_SATISFIED:
            return o->satisfied < 0 ? unknown(NOTE_NO_SATISFIED) : boolean(o->satisfied == 1);
        case NAME_FIGURE: case NAME_DATE: case NAME_CONCLUSION: case NAME_KIND: case NAME_SCOPE:
        case NAME_TRUE: case NAME_FALSE:
            break;
        }
        return unknown_note((Note){ .kind = NOTE_OPINION_HAS_NO, .name = r->first });
    }
    const Node *n = sc.node;
    if (n->kind->session) {
        switch (r->scope_name) {
        case NAME_DATE:
            return date_value(n->date, NOTE_SESSION_DATE);
        case NAME_CONCLUSION:
            if (!n->has_conclusion)
                return unknown(NOTE_NO_CONCLUSION);
            return date_value(n->conclusion_date, NOTE_CONCLUSION_DATE);
        case NAME_KIND:
            return n->session_kind ? (EV){ .kind = V_STR, .str = n->session_kind->name->text } : unknown(NOTE_NO_KIND);
        case NAME_SCOPE:
            return n->scope ? (EV){ .kind = V_STR, .str = n->scope->name->text } : unknown(NOTE_NO_SCOPE);
        case NAME_FIGURE: case NAME_TOPIC: case NAME_STATUS: case NAME_SATISFIED: case NAME_TRUE: case NAME_FALSE:
            break;
        }
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

static int cmp_parts(const void *a, const void *b)
{
    const Part *x = *(const Part *const *)a, *y = *(const Part *const *)b;
    /* numbered parts by their number: same prefix, so by length, then bytes */
    if (x->name->len != y->name->len)
        return x->name->len < y->name->len ? -1 : 1;
    return strcmp(x->name->text, y->name->text);
}

/* The parts a dimension selects: its declared parts in order, or for a
 * numbered dimension the parts the report uses, in numeric order. */
static const Part *const *dim_parts(Eval *ev, const Dimension *d, uint32_t *n)
{
    if (!d->numbered) {
        *n = d->nparts;
        return (const Part *const *)d->parts;
    }
    uint32_t k = 0;
    for (uint32_t i = 0; i < d->index.cap; i++)
        k += d->index.slots[i].key != NULL;
    const Part **parts = ARENA_ARRAY(ev->arena, const Part *, k ? k : 1);
    if (!parts) {
        ev->oom = true;
        *n = 0;
        return NULL;
    }
    k = 0;
    for (uint32_t i = 0; i < d->index.cap; i++)
        if (d->index.slots[i].key)
            parts[k++] = d->index.slots[i].value;
    qsort(parts, k, sizeof *parts, cmp_parts);
    *n = k;
    return parts;
}

static void each_in(Eval *ev, const Node *n, const Selector *sel, Visit fn, void *ctx)
{
    if (sel->what == SEL_PART) {
        /* the parts of a dimension, in the scope of n itself */
        uint32_t count;
        const Part *const *parts = dim_parts(ev, sel->dim, &count);
        for (uint32_t i = 0; i < count; i++)
            fn(ev, (Scope){ n, NULL, parts[i] }, ctx);
        return;
    }
    for (const Node *ch = n->first_child; ch; ch = ch->next_sibling) {
        if (ch->not_held)
            continue;
        if (sel->what == SEL_OPINION) {
            for (const Opinion *o = ch->opinions; o; o = o->next)
                fn(ev, (Scope){ ch, o, NULL }, ctx);
        } else if (model_selects(sel, ch)) {
            fn(ev, (Scope){ ch, NULL, NULL }, ctx);
        }
        each_in(ev, ch, sel, fn, ctx);
    }
}

typedef struct Tally {
    const Expr *expr;       /* condition or value; NULL: count everything */
    bool condition;         /* share/count: expr must be true or false */
    double sum;
    uint32_t yes, known, total;
    bool approx, money;
    Note why;               /* why the first unknown one is unknown */
} Tally;

static void tally_visit(Eval *ev, Scope sc, void *ctx)
{
    Tally *t = ctx;
    t->total++;
    if (!t->expr) {
        t->yes++;
        t->known++;
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

/* Documents carry no values: count them, the subtree included. */
static uint32_t count_documents(const Node *n)
{
    uint32_t k = 0;
    for (const Document *d = n->documents; d; d = d->next)
        k++;
    for (const Node *ch = n->first_child; ch; ch = ch->next_sibling)
        if (!ch->not_held)
            k += count_documents(ch);
    return k;
}

static void tally(Eval *ev, const Node *n, const Selector *sel, const Expr *expr, bool condition, Tally *t)
{
    memset(t, 0, sizeof *t);
    t->expr = expr;
    t->condition = condition;
    if (sel->what == SEL_DOCUMENT) {
        t->total = t->yes = t->known = count_documents(n);
        return;
    }
    if (sel->what == SEL_OPINION)
        for (const Opinion *o = n->opinions; o; o = o->next)
            tally_visit(ev, (Scope){ n, o, NULL }, t);
    each_in(ev, n, sel, tally_visit, t);
}

static EV ratio(double numer, double denom, NoteKind why_zero)
{
    if (denom == 0)
        return unknown(why_zero);
    EV r = number(100.0 * numer / denom, UNIT_PERCENT);
    r.ratio = true;
    r.numer = numer;
    r.denom = denom;
    return r;
}

/* ---- working days ------------------------------------------------------------ */

static int cmp_spans(const void *a, const void *b)
{
    int32_t x = ((const HolidaySpan *)a)->first, y = ((const HolidaySpan *)b)->first;
    return (x > y) - (x < y);
}

/* Merge the declared holidays into sorted, disjoint intervals. */
static bool holidays_init(Eval *ev)
{
    uint32_t n = 0;
    for (const Holiday *h = ev->m->holidays; h; h = h->next)
        n++;
    if (!n)
        return true;
    ev->holidays = ARENA_ARRAY(ev->arena, HolidaySpan, n);
    if (!ev->holidays)
        return false;
    for (const Holiday *h = ev->m->holidays; h; h = h->next)
        ev->holidays[ev->nholidays++] = (HolidaySpan){ h->first, h->last, 0 };
    qsort(ev->holidays, ev->nholidays, sizeof *ev->holidays, cmp_spans);
    uint32_t u = 0;                             /* merge overlapping and touching ones */
    for (uint32_t i = 0; i < ev->nholidays; i++) {
        HolidaySpan h = ev->holidays[i];
        if (u && h.first <= ev->holidays[u - 1].last + 1) {
            if (h.last > ev->holidays[u - 1].last)
                ev->holidays[u - 1].last = h.last;
        } else {
            ev->holidays[u++] = h;
        }
    }
    ev->nholidays = u;
    int64_t before = 0;
    for (uint32_t i = 0; i < u; i++) {
        ev->holidays[i].before = before;
        before += date_weekdays_before(ev->holidays[i].last + 1) - date_weekdays_before(ev->holidays[i].first);
    }
    return true;
}

/* Weekday holidays before `day`: binary search over the merged intervals,
 * then the weekdays of the interval that contains it. */
static int64_t holidays_before(const Eval *ev, int32_t day)
{
    uint32_t lo = 0, hi = ev->nholidays;       /* first interval starting at or after day */
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (ev->holidays[mid].first < day)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return 0;
    const HolidaySpan *h = &ev->holidays[lo - 1]; /* starts before day */
    int32_t end = h->last < day ? h->last + 1 : day;
    return h->before + date_weekdays_before(end) - date_weekdays_before(h->first);
}

/* Working days after `from` up to and including `to` (spec §7). */
static int64_t working_days(const Eval *ev, int32_t from, int32_t to)
{
    if (to < from)
        return -working_days(ev, to, from);
    int64_t weekdays = date_weekdays_before(to + 1) - date_weekdays_before(from + 1);
    int64_t holidays = holidays_before(ev, to + 1) - holidays_before(ev, from + 1);
    return weekdays - holidays;
}

/* ---- calls --------------------------------------------------------------------- */

static Note *keep_note(Eval *ev, Note n)
{
    Note *p = ARENA_NEW(ev->arena, Note);
    if (!p) {
        ev->oom = true;
        return NULL;
    }
    *p = n;
    return p;
}

static EV eval_two(Eval *ev, Scope sc, const Expr *a0, const Expr *a1, EV *y)
{
    EV x = eval(ev, sc, a0);
    *y = eval(ev, sc, a1);
    return x;
}

static EV eval_call(Eval *ev, Scope sc, const Expr *e)
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
        tally(ev, sc.node, &r->sel, a1, true, &t);
        if (t.total == 0)
            return unknown_note((Note){ .kind = NOTE_NONE_LISTED_IN, .sel = r->sel, .node = sc.node });
        if (t.known < t.total && t.known == 0)
            return unknown_note(t.why);
        return ratio(t.yes, t.known, NOTE_NOTHING_TO_COUNT);
    case FN_COUNT:
        tally(ev, sc.node, &r->sel, a1, true, &t);
        return number(t.yes, UNIT_COUNT);
    case FN_SUM: {
        tally(ev, sc.node, &r->sel, a1, false, &t);
        if (t.known < t.total)
            return unknown_note(t.why);
        EV s = number(t.sum, t.money ? UNIT_MONEY : UNIT_NUMBER);
        s.approx = t.approx;
        return s;
    }
    case FN_MEAN: {
        /* the mean of the values that are known; the note says how many are not */
        tally(ev, sc.node, &r->sel, a1, false, &t);
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
    case FN_WORKING_DAYS: {
        x = eval_two(ev, sc, a0, a1, &y);
        if (x.kind == V_UNKNOWN)
            return x;
        if (y.kind == V_UNKNOWN)
            return y;
        if (x.kind != V_DATE || y.kind != V_DATE)
            return unknown(NOTE_NEED_DATES);
        int64_t d = r->fn == FN_DAYS ? (int64_t)y.days - x.days : working_days(ev, x.days, y.days);
        return number((double)d, UNIT_DAYS);
    }
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
    case EXPR_STRING: {
        char *s = arena_strndup(ev->arena, e->as.str.ptr, e->as.str.len);
        if (!s)
            ev->oom = true;
        return s ? (EV){ .kind = V_STR, .str = s } : unknown(NOTE_OUT_OF_MEMORY);
    }
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
    return (Number){ true, v, decimals, u == UNIT_MONEY };
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
        ir->value = (Number){ true, v.b ? 1 : 0, 0, false };
    } else if (v.kind == V_UNKNOWN) {
        ir->note = v.why.kind ? v.why : (Note){ .kind = NOTE_UNKNOWN };
        /* still say it is a percentage when the expression is one */
        if (d->expr->kind == EXPR_CALL) {
            Function fn = resolve_get(ev->res, d->expr)->fn;
            if (fn == FN_PERCENT || fn == FN_SHARE)
                ir->unit = UNIT_PERCENT;
        }
    } else {
        ir->note = (Note){ .kind = NOTE_NOT_A_NUMBER };
    }
    return ir;
}

/* `reported P%`: the report's percentage agrees within one unit of its last
 * digit (spec §6.7). */
static void percent_check(Eval *ev, Result *r, const IndicatorDef *d, const IndicatorResult *ir)
{
    Check *k = ARENA_NEW(ev->arena, Check);
    if (!k) {
        ev->oom = true;
        return;
    }
    k->kind = CHECK_PERCENT;
    k->indicator = d;
    k->src = d->src;
    k->span = d->reported_span;
    double declared = (double)d->reported.mantissa / pow(10, d->reported.decimals);
    double unit = pow(10, -(double)d->reported.decimals);
    k->declared = (Number){ true, declared, d->reported.decimals, false };
    k->relation = REL_WITHIN;
    k->tolerance = unit;
    if (!ir->value.known) {
        k->status = RESULT_UNKNOWN;
        k->note = ir->note;
    } else {
        k->computed = ir->value;
        k->imbalance = (Number){ true, declared - ir->value.value, INDICATOR_DECIMALS, false };
        k->status = fabs(declared - ir->value.value) <= unit + EPSILON ? RESULT_PASS : RESULT_FAIL;
        if (k->status == RESULT_FAIL)
            k->note = (Note){ .kind = NOTE_PERCENT_DIFFERS, .x = unit };
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
    IndicatorResult *ir = sc.part ? indicator_result(ev, p->d, sc, NULL, sc.part)
                                  : indicator_result(ev, p->d, sc, sc.node, NULL);
    if (ir)
        result_add_indicator(p->r, ir);
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
} RuleCtx;

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
    rr->total++;
    const Expr *req = d->require;
    EV v = as_bool(eval(ev, sc, req));
    if (v.kind == V_BOOL && v.b) {
        rr->passed++;
        return;
    }
    Failure *f = ARENA_NEW(ev->arena, Failure);
    if (!f) {
        ev->oom = true;
        return;
    }
    f->node = sc.node;
    f->src = sc.node->src ? sc.node->src : d->src;
    f->span = sc.node->kind->level == LEVEL_ROOT ? d->span : sc.node->span;
    if (v.kind == V_UNKNOWN) {
        rr->unknown++;
        f->status = RESULT_UNKNOWN;
        f->why = v.why.kind ? v.why : (Note){ .kind = NOTE_VALUE_MISSING };
    } else {
        rr->failed++;
        f->status = RESULT_FAIL;
        if (req->kind == EXPR_BINARY && req->as.op.op >= OP_EQ && req->as.op.op <= OP_GE) {
            f->compared = true;
            f->op = req->as.op.op;
            f->lhs = shown(eval(ev, sc, req->as.op.lhs));
            f->rhs = shown(eval(ev, sc, req->as.op.rhs));
        }
    }
    if (rr->last_failure)
        rr->last_failure->next = f;
    else
        rr->failures = f;
    rr->last_failure = f;
}

static RuleResult *rule_result(Eval *ev, const RuleDef *d)
{
    RuleResult *rr = ARENA_NEW(ev->arena, RuleResult);
    if (!rr) {
        ev->oom = true;
        return NULL;
    }
    rr->def = d;
    RuleCtx rc = { rr, 0 };
    if (d->each.what == SEL_REPORT)
        rule_visit(ev, (Scope){ ev->m->root, NULL, NULL }, &rc);
    else
        each_in(ev, ev->m->root, &d->each, rule_visit, &rc);
    rr->status = rr->failed ? RESULT_FAIL : rr->unknown ? RESULT_UNKNOWN : RESULT_PASS;
    if (rr->total == 0) {
        /* "for each dialogue" with no dialogue listed checks nothing */
        rr->status = RESULT_UNKNOWN;
        if (d->each.what == SEL_REPORT)
            rr->note.kind = NOTE_REPORT_NOT_WHERE;
        else
            rr->note = (Note){ .kind = rc.candidates ? NOTE_NONE_MEETS_WHERE : NOTE_NO_SUBJECT, .sel = d->each };
    }
    return rr;
}

bool eval_run(const Model *m, const Derived *d, const Resolution *res, Arena *arena, Result *r)
{
    Eval ev = { .m = m, .d = d, .res = res, .arena = arena };
    if (!holidays_init(&ev))
        return false;
    Scope root = { m->root, NULL, NULL };
    for (const IndicatorDef *ind = m->indicators; ind && !ev.oom; ind = ind->next) {
        IndicatorResult *ir = indicator_result(&ev, ind, root, NULL, NULL);
        if (!ir)
            return false;
        result_add_indicator(r, ir);
        if (ind->has_reported)
            percent_check(&ev, r, ind, ir);
        if (ind->has_per) {
            PerCtx pc = { r, ind };
            each_in(&ev, m->root, &ind->per, per_visit, &pc);
        }
    }
    for (const RuleDef *rule = m->rules; rule && !ev.oom; rule = rule->next) {
        RuleResult *rr = rule_result(&ev, rule);
        if (rr)
            result_add_rule(r, rr);
    }
    return !ev.oom;
}
