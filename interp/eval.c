/* eval.c - three-valued evaluation of expressions over the model. */
#include "eval.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

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
    const char *why;        /* why unknown */
} EV;

/* The scope an expression is evaluated in: a node, or one opinion. */
typedef struct Scope {
    const Node *node;
    const Opinion *opinion;
} Scope;

/* Declared holidays, merged into disjoint intervals sorted by start;
 * `before` counts the weekday holidays of all earlier intervals. */
typedef struct HolidaySpan {
    int32_t first, last;
    int64_t before;
} HolidaySpan;

enum { MAX_NAME_WARNINGS = 20 };

typedef struct Eval {
    Model *m;
    uint32_t name_warnings;
    HolidaySpan *holidays;
    uint32_t nholidays;
} Eval;

#define FUNCTIONS(X)                                   \
    X(FN_PERCENT, "percent", 2, 2)                     \
    X(FN_SHARE, "share", 2, 2)                         \
    X(FN_COUNT, "count", 1, 2)                         \
    X(FN_SUM, "sum", 2, 2)                             \
    X(FN_MEAN, "mean", 2, 2)                           \
    X(FN_YEARS, "years", 0, 0)                         \
    X(FN_DAYS, "days", 2, 2)                           \
    X(FN_WORKING_DAYS, "working_days", 2, 2)           \
    X(FN_KNOWN, "known", 1, 1)                         \
    X(FN_MIN, "min", 2, 2)                             \
    X(FN_MAX, "max", 2, 2)

typedef enum {
#define X(k, name, lo, hi) k,
    FUNCTIONS(X)
#undef X
    FN_COUNT_
} Function;

static const struct { const char *name; uint32_t min, max; } functions[] = {
#define X(k, name, lo, hi) { name, lo, hi },
    FUNCTIONS(X)
#undef X
};

static int function_of(const Symbol *s)
{
    for (int i = 0; i < FN_COUNT_; i++)
        if (strcmp(functions[i].name, s->text) == 0)
            return i;
    return -1;
}

/* Functions whose first argument is a KIND, not a value. */
static bool takes_kind(int fn) { return fn == FN_SHARE || fn == FN_COUNT || fn == FN_SUM || fn == FN_MEAN; }

/* Kind selector: a node kind, commune_level, opinion or document. */
typedef enum { SEL_NODE, SEL_COMMUNE_LEVEL, SEL_OPINION, SEL_DOCUMENT } SelKind;
typedef struct Selector { SelKind sel; NodeKind kind; } Selector;

static bool selector_of(const Expr *e, Selector *out)
{
    if (e->kind != EXPR_PATH || e->as.path->next)
        return false;
    const char *s = e->as.path->name->text;
    if (strcmp(s, "opinion") == 0) { out->sel = SEL_OPINION; return true; }
    if (strcmp(s, "document") == 0) { out->sel = SEL_DOCUMENT; return true; }
    bool commune_level;
    if (!model_kind_selector(s, &out->kind, &commune_level))
        return false;
    out->sel = commune_level ? SEL_COMMUNE_LEVEL : SEL_NODE;
    return true;
}

static bool selector_matches(const Selector *s, const Node *n)
{
    return s->sel == SEL_COMMUNE_LEVEL ? model_is_commune_level(n->kind) : n->kind == s->kind;
}

/* Names an expression may use without a figure of that name (spec §7). */
static bool special_name(const char *s)
{
    static const char *const names[] = { "date", "conclusion", "topic", "status", "satisfied" };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(names[i], s) == 0)
            return true;
    return false;
}

static const char *path_text(Arena *a, const PathPart *p)
{
    const char *s = p->name->text;
    for (p = p->next; p; p = p->next)
        s = arena_printf(a, "%s.%s", s, p->name->text);
    return s;
}

/* ---- validation ---------------------------------------------------------- */

static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63)
        return 99;
    size_t row[64];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t prev = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cur = row[j];
            size_t best = prev + (a[i - 1] != b[j - 1]);
            if (row[j] + 1 < best) best = row[j] + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            prev = cur;
        }
    }
    return row[lb];
}

/* The closest known figure name within two edits; ties go to the
 * alphabetically first, so the suggestion never depends on memory layout. */
static const char *suggest(const Model *m, const char *name)
{
    const char *best = NULL;
    size_t best_d = 3, len = strlen(name);
    for (uint32_t i = 0; i < m->known_paths.cap; i++) {
        const Symbol *s = m->known_paths.slots[i].key;
        if (!s || s->len + 2 < len || s->len > len + 2)
            continue;               /* too different in length to be within two edits */
        size_t d = edit_distance(name, s->text);
        if (d < best_d || (d == best_d && best && strcmp(s->text, best) < 0)) {
            best_d = d;
            best = s->text;
        }
    }
    return best;
}

static bool validate(Eval *ev, Source *src, Expr *e, bool *ok)
{
    Model *m = ev->m;
    switch (e->kind) {
    case EXPR_PATH: {
        const char *text = path_text(m->arena, e->as.path);
        /* resolved once here, so evaluation never rebuilds the text */
        e->resolved = symtab_intern(m->syms, text, strlen(text));
        if (special_name(e->as.path->name->text))
            break;
        Symbol *s = e->resolved;
        if (s && ptrmap_get(&m->known_paths, s, 0))
            break;
        if (ev->name_warnings++ == MAX_NAME_WARNINGS)
            diag_note(m->diag, src, e->span, "further names missing from this report are not listed");
        if (ev->name_warnings > MAX_NAME_WARNINGS)
            break;
        const char *near = suggest(m, text);
        if (near)
            diag_warning(m->diag, src, e->span,
                         "no figure '%s' in this report; did you mean '%s'? (its value will be unknown)", text, near);
        else
            diag_warning(m->diag, src, e->span, "no figure '%s' in this report: its value will be unknown", text);
        break;
    }
    case EXPR_CALL: {
        int fn = function_of(e->as.call.fn);
        if (fn < 0) {
            diag_error(m->diag, src, e->as.call.fn_span,
                       "unknown function '%s': use percent, share, count, sum, mean, years, days, "
                       "working_days, known, min or max", e->as.call.fn->text);
            *ok = false;
            break;
        }
        uint32_t n = e->as.call.nargs;
        if (n < functions[fn].min || n > functions[fn].max) {
            if (functions[fn].min == functions[fn].max)
                diag_error(m->diag, src, e->span, "%s() takes %u argument%s, not %u", functions[fn].name,
                           functions[fn].min, functions[fn].min == 1 ? "" : "s", n);
            else
                diag_error(m->diag, src, e->span, "%s() takes %u or %u arguments, not %u",
                           functions[fn].name, functions[fn].min, functions[fn].max, n);
            *ok = false;
            break;
        }
        Expr *a = e->as.call.args;
        if (takes_kind(fn)) {
            Selector sel;
            if (!selector_of(a, &sel)) {
                diag_error(m->diag, src, a->span,
                           "the first argument of %s() is a kind: province, district, commune, ward, "
                           "township, commune_level, village, dialogue, reception, voter_contact, opinion "
                           "or document", functions[fn].name);
                *ok = false;
            } else if (sel.sel == SEL_DOCUMENT && (fn != FN_COUNT || a->next)) {
                diag_error(m->diag, src, a->next ? a->next->span : a->span,
                           "a document has no figures to test: documents can only be counted, "
                           "as count(document)");
                *ok = false;
            }
            a = a->next;
        }
        for (; a; a = a->next)
            validate(ev, src, a, ok);
        break;
    }
    case EXPR_UNARY:
        validate(ev, src, e->as.op.rhs, ok);
        break;
    case EXPR_BINARY:
        validate(ev, src, e->as.op.lhs, ok);
        validate(ev, src, e->as.op.rhs, ok);
        break;
    default:
        break;
    }
    return *ok;
}

bool eval_validate(Model *m)
{
    Eval ev = { .m = m };
    bool ok = true;
    for (IndicatorDef *d = m->indicators; d; d = d->next)
        validate(&ev, d->src, d->expr, &ok);
    for (RuleDef *r = m->rules; r; r = r->next) {
        if (r->where)
            validate(&ev, r->src, r->where, &ok);
        validate(&ev, r->src, r->require, &ok);
    }
    return ok;
}

/* ---- evaluation ----------------------------------------------------------- */

static EV unknown(const char *why) { return (EV){ .kind = V_UNKNOWN, .why = why }; }
static EV number(double v, ValueUnit u) { return (EV){ .kind = V_NUM, .num = v, .unit = u }; }
static EV boolean(bool b) { return (EV){ .kind = V_BOOL, .b = b, .unit = UNIT_BOOLEAN }; }
static EV date_value(Date d, const char *what)
{
    if (d.precision != DATE_DAY)
        return unknown(what);
    return (EV){ .kind = V_DATE, .days = date_to_days(d) };
}

static EV eval(Eval *ev, Scope sc, const Expr *e);

static EV eval_path(Eval *ev, Scope sc, const Expr *e)
{
    Model *m = ev->m;
    const char *first = e->as.path->name->text;
    bool single = !e->as.path->next;
    if (sc.opinion) {
        const Opinion *o = sc.opinion;
        if (single && strcmp(first, "topic") == 0)
            return o->topic ? (EV){ .kind = V_STR, .str = o->topic->text } : unknown("the opinion has no topic");
        if (single && strcmp(first, "status") == 0)
            return o->status ? (EV){ .kind = V_STR, .str = o->status->text } : unknown("the opinion has no status");
        if (single && strcmp(first, "satisfied") == 0)
            return o->satisfied < 0 ? unknown("satisfaction is not given") : boolean(o->satisfied == 1);
        return unknown(arena_printf(m->arena, "an opinion has no '%s'", first));
    }
    const Node *n = sc.node;
    if (model_is_session(n->kind)) {
        if (single && strcmp(first, "date") == 0)
            return date_value(n->date, "the session's date is not known to the day");
        if (strcmp(first, "conclusion") == 0 &&
            (single || (!e->as.path->next->next && strcmp(e->as.path->next->name->text, "date") == 0))) {
            if (!n->has_conclusion)
                return unknown("no conclusion notice is recorded");
            return date_value(n->conclusion_date, "the conclusion notice's date is not known to the day");
        }
    }
    Symbol *s = e->resolved;
    Value v = s ? check_value(n, s) : (Value){ 0 };
    if (!v.known)
        return unknown(arena_printf(m->arena, "'%s' is not known for %s",
                                    s ? s->text : path_text(m->arena, e->as.path), model_subject(m->arena, n)));
    EV r = number((double)v.value, v.money ? UNIT_MONEY : UNIT_COUNT);
    r.approx = v.approx;
    return r;
}

/* A condition is true, false or unknown; a number, date or text is not a
 * condition, so it makes the condition unknown rather than false. */
static EV as_bool(EV v)
{
    if (v.kind == V_BOOL || v.kind == V_UNKNOWN)
        return v;
    return unknown("the condition is a value, not true or false: compare it, e.g. x >= 1");
}

/* Visit every node of the selector in n's subtree (n excluded). */
typedef void (*Visit)(Eval *ev, Scope sc, void *ctx);

static void each_in(Eval *ev, const Node *n, const Selector *sel, Visit fn, void *ctx)
{
    for (const Node *ch = n->first_child; ch; ch = ch->next_sibling) {
        if (model_is_session(ch->kind) && ch->not_held)
            continue;               /* a session not held contributes nothing */
        if (sel->sel == SEL_OPINION) {
            for (const Opinion *o = ch->opinions; o; o = o->next)
                fn(ev, (Scope){ ch, o }, ctx);
        } else if (sel->sel != SEL_DOCUMENT && selector_matches(sel, ch) &&
                   !(model_is_session(ch->kind) && ch->not_held)) {
            fn(ev, (Scope){ ch, NULL }, ctx);
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
    const char *why;
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
        if (!t->why)
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
        if (!t->why)
            t->why = "the value is not a number";
    }
}

static void tally(Eval *ev, const Node *n, const Selector *sel, const Expr *expr, bool condition, Tally *t)
{
    memset(t, 0, sizeof *t);
    t->expr = expr;
    t->condition = condition;
    if (sel->sel == SEL_OPINION) {
        for (const Opinion *o = n->opinions; o; o = o->next)
            tally_visit(ev, (Scope){ n, o }, t);
    }
    if (sel->sel == SEL_DOCUMENT) {
        /* documents carry no values: count them (subtree included) */
        for (const Document *d = n->documents; d; d = d->next)
            t->total++, t->yes++, t->known++;
        for (const Node *ch = n->first_child; ch; ch = ch->next_sibling) {
            if (model_is_session(ch->kind) && ch->not_held)
                continue;
            Tally sub;
            tally(ev, ch, sel, expr, condition, &sub);
            t->total += sub.total, t->yes += sub.yes, t->known += sub.known;
        }
        return;
    }
    each_in(ev, n, sel, tally_visit, t);
}

static const char *kind_plural_text(const Selector *s)
{
    switch (s->sel) {
    case SEL_OPINION: return "itemised opinion";
    case SEL_DOCUMENT: return "itemised document";
    case SEL_COMMUNE_LEVEL: return "commune";
    default: return model_kind_name(s->kind);
    }
}

static EV ratio(double numer, double denom, const char *why_zero)
{
    if (denom == 0)
        return unknown(why_zero);
    EV r = number(100.0 * numer / denom, UNIT_PERCENT);
    r.ratio = true;
    r.numer = numer;
    r.denom = denom;
    return r;
}

static int cmp_spans(const void *a, const void *b)
{
    int32_t x = ((const HolidaySpan *)a)->first, y = ((const HolidaySpan *)b)->first;
    return (x > y) - (x < y);
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

static EV eval_call(Eval *ev, Scope sc, const Expr *e)
{
    Model *m = ev->m;
    int fn = function_of(e->as.call.fn);
    const Expr *a0 = e->as.call.args, *a1 = a0 ? a0->next : NULL;
    Selector sel = { 0 };
    if (takes_kind(fn))
        selector_of(a0, &sel);
    switch ((Function)fn) {
    case FN_PERCENT: {
        EV x = eval(ev, sc, a0), y = eval(ev, sc, a1);
        if (x.kind != V_NUM)
            return x.kind == V_UNKNOWN ? x : unknown("percent() needs numbers");
        if (y.kind != V_NUM)
            return y.kind == V_UNKNOWN ? y : unknown("percent() needs numbers");
        EV r = ratio(x.num, y.num, "the denominator is zero");
        r.approx = x.approx || y.approx;
        return r;
    }
    case FN_SHARE: {
        Tally t;
        tally(ev, sc.node, &sel, a1, true, &t);
        if (t.total == 0)
            return unknown(arena_printf(m->arena, "no %s is listed in %s (a report of totals only cannot "
                                        "give a share)", kind_plural_text(&sel), model_subject(m->arena, sc.node)));
        if (t.known < t.total && t.known == 0)
            return unknown(t.why);
        return ratio(t.yes, t.known, "nothing to count");
    }
    case FN_COUNT: {
        Tally t;
        tally(ev, sc.node, &sel, a1, true, &t);
        return number(t.yes, UNIT_COUNT);
    }
    case FN_SUM: {
        Tally t;
        tally(ev, sc.node, &sel, a1, false, &t);
        if (t.known < t.total)
            return unknown(t.why);
        EV r = number(t.sum, t.money ? UNIT_MONEY : UNIT_NUMBER);
        r.approx = t.approx;
        return r;
    }
    case FN_MEAN: {
        /* the mean of the values that are known; the note says how many are not */
        Tally t;
        tally(ev, sc.node, &sel, a1, false, &t);
        if (t.known == 0)
            return unknown(t.total ? t.why
                                   : arena_printf(m->arena, "no %s is listed", kind_plural_text(&sel)));
        ValueUnit u = a1->kind == EXPR_CALL && function_of(a1->as.call.fn) == FN_PERCENT ? UNIT_PERCENT
                      : t.money ? UNIT_MONEY : UNIT_NUMBER;
        EV r = number(t.sum / t.known, u);
        r.approx = t.approx;
        if (t.known < t.total)
            r.why = arena_printf(m->arena, "mean of %u of %u %ss; the others have no value (%s)", t.known,
                                 t.total, kind_plural_text(&sel), t.why ? t.why : "unknown");
        return r;
    }
    case FN_YEARS: {
        if (!m->header.has_period)
            return unknown("the report declares no period");
        return number(m->header.period_end.year - m->header.period_start.year + 1, UNIT_NUMBER);
    }
    case FN_DAYS:
    case FN_WORKING_DAYS: {
        EV x = eval(ev, sc, a0), y = eval(ev, sc, a1);
        if (x.kind == V_UNKNOWN)
            return x;
        if (y.kind == V_UNKNOWN)
            return y;
        if (x.kind != V_DATE || y.kind != V_DATE)
            return unknown("days() and working_days() need two dates");
        int64_t d = fn == FN_DAYS ? (int64_t)y.days - x.days : working_days(ev, x.days, y.days);
        return number((double)d, UNIT_DAYS);
    }
    case FN_KNOWN:
        return boolean(eval(ev, sc, a0).kind != V_UNKNOWN);
    case FN_MIN:
    case FN_MAX: {
        EV x = eval(ev, sc, a0), y = eval(ev, sc, a1);
        if (x.kind == V_UNKNOWN)
            return x;
        if (y.kind == V_UNKNOWN)
            return y;
        if (x.kind != V_NUM || y.kind != V_NUM)
            return unknown("min() and max() need numbers");
        bool first = fn == FN_MIN ? x.num <= y.num : x.num >= y.num;
        return first ? x : y;
    }
    case FN_COUNT_:
        break;
    }
    return unknown("unknown function");
}

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
        return unknown("these values cannot be compared");
    }
    /* approximate figures: a comparison is only as good as its figures */
    switch (op) {
    case OP_EQ: return boolean(fabs(a - b) < 1e-9);
    case OP_NE: return boolean(fabs(a - b) >= 1e-9);
    case OP_LT: return boolean(a < b);
    case OP_LE: return boolean(a <= b + 1e-9);
    case OP_GT: return boolean(a > b);
    case OP_GE: return boolean(a + 1e-9 >= b);
    default: return unknown("not a comparison");
    }
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
            return unknown("a date moves by whole days");
        /* years 1..9999 only: beyond, a date has no meaning (nor a safe int) */
        if (!(days >= date_to_days((Date){ 1, 1, 1, DATE_DAY }) &&
              days <= date_to_days((Date){ 9999, 12, 31, DATE_DAY })))
            return unknown("the date falls outside the calendar");
        x.days = (int32_t)days;
        return x;
    }
    if (x.kind != V_NUM || y.kind != V_NUM)
        return unknown("arithmetic needs numbers");
    ValueUnit u = x.unit == y.unit ? x.unit : (x.unit == UNIT_MONEY || y.unit == UNIT_MONEY) ? UNIT_MONEY : UNIT_NUMBER;
    EV r;
    switch (op) {
    case OP_ADD: r = number(x.num + y.num, u); break;
    case OP_SUB: r = number(x.num - y.num, u); break;
    case OP_MUL: r = number(x.num * y.num, u == UNIT_MONEY ? UNIT_MONEY : UNIT_NUMBER); break;
    case OP_DIV:
        if (y.num == 0)
            return unknown("division by zero");
        r = number(x.num / y.num, UNIT_NUMBER);
        break;
    default: return unknown("not arithmetic");
    }
    r.approx = x.approx || y.approx;
    return r;
}

static EV eval(Eval *ev, Scope sc, const Expr *e)
{
    switch (e->kind) {
    case EXPR_NUMBER: return number((double)e->as.number, UNIT_COUNT);
    case EXPR_MONEY: return number((double)e->as.number, UNIT_MONEY);
    case EXPR_PERCENT:
        return number((double)e->as.percent.mantissa / pow(10, e->as.percent.decimals), UNIT_PERCENT);
    case EXPR_DATE: return date_value(e->as.date, "a date in an expression must be given to the day");
    case EXPR_STRING: {
        char *s = arena_strndup(ev->m->arena, e->as.str.ptr, e->as.str.len);
        return s ? (EV){ .kind = V_STR, .str = s } : unknown("out of memory");
    }
    case EXPR_UNKNOWN: return unknown("written as '?'");
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
        if (op == OP_AND || op == OP_OR) {
            EV x = as_bool(eval(ev, sc, e->as.op.lhs));
            if (x.kind == V_BOOL && x.b == (op == OP_OR))
                return x;                   /* false and _, true or _ */
            EV y = as_bool(eval(ev, sc, e->as.op.rhs));
            if (y.kind == V_BOOL && y.b == (op == OP_OR))
                return y;
            if (x.kind == V_UNKNOWN)
                return x;
            if (y.kind == V_UNKNOWN)
                return y;
            return boolean(op == OP_OR ? (x.b || y.b) : (x.b && y.b));
        }
        EV x = eval(ev, sc, e->as.op.lhs), y = eval(ev, sc, e->as.op.rhs);
        if (op >= OP_EQ && op <= OP_GE)
            return compare(op, x, y);
        return arith(op, x, y);
    }
    }
    return unknown("cannot evaluate");
}

/* ---- indicators ------------------------------------------------------------ */

static uint8_t decimals_for(ValueUnit u, double v)
{
    if (u == UNIT_PERCENT)
        return 4;
    return v == floor(v) ? 0 : 4;
}

static Number num_of(double v, ValueUnit u)
{
    return (Number){ true, v, decimals_for(u, v), u == UNIT_MONEY };
}

static IndicatorResult *indicator_result(Eval *ev, const IndicatorDef *d, Scope sc, const char *subject)
{
    Model *m = ev->m;
    IndicatorResult *ir = ARENA_NEW(m->arena, IndicatorResult);
    if (!ir)
        return NULL;
    ir->def = d;
    ir->subject = subject;
    EV v = eval(ev, sc, d->expr);
    ir->unit = v.kind == V_BOOL ? UNIT_BOOLEAN : v.kind == V_NUM ? v.unit : UNIT_NUMBER;
    if (v.kind == V_NUM) {
        ir->value = num_of(v.num, v.unit);
        ir->approximate = v.approx;
        if (v.ratio) {
            ir->numerator = num_of(v.numer, UNIT_COUNT);
            ir->denominator = num_of(v.denom, UNIT_COUNT);
        }
    } else if (v.kind == V_BOOL) {
        ir->value = (Number){ true, v.b ? 1 : 0, 0, false };
    } else if (v.kind == V_UNKNOWN) {
        ir->note = v.why ? v.why : "unknown";
        /* still say it is a percentage when the expression is one */
        if (d->expr->kind == EXPR_CALL) {
            int fn = function_of(d->expr->as.call.fn);
            if (fn == FN_PERCENT || fn == FN_SHARE)
                ir->unit = UNIT_PERCENT;
        }
    } else {
        ir->note = "the expression is not a number";
    }
    if (v.kind == V_NUM && v.why)
        ir->note = v.why;           /* a caveat on a value, e.g. a partial mean */
    if (ir->approximate)
        ir->note = "computed from an approximate figure";
    return ir;
}

static void percent_check(Eval *ev, Result *r, const IndicatorDef *d, const IndicatorResult *ir)
{
    Model *m = ev->m;
    Check *k = ARENA_NEW(m->arena, Check);
    if (!k)
        return;
    k->kind = CHECK_PERCENT;
    k->subject = arena_printf(m->arena, "indicator %s: reported percentage", d->id->text);
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
        k->imbalance = (Number){ true, declared - ir->value.value, 4, false };
        k->status = fabs(declared - ir->value.value) <= unit + 1e-9 ? RESULT_PASS : RESULT_FAIL;
        if (k->status == RESULT_FAIL)
            k->note = arena_printf(m->arena, "the report's percentage differs from the computed one by "
                                   "more than one unit of its last digit (%g)", unit);
    }
    result_add_check(r, k);
}

typedef struct PerCtx {
    Eval *ev;
    Result *r;
    const IndicatorDef *d;
} PerCtx;

static void per_visit(Eval *ev, Scope sc, void *ctx)
{
    PerCtx *p = ctx;
    IndicatorResult *ir = indicator_result(ev, p->d, sc, model_subject(ev->m->arena, sc.node));
    if (ir)
        result_add_indicator(p->r, ir);
}

/* ---- rules ------------------------------------------------------------------ */

static const char *expr_text(const RuleDef *r, const Expr *e, Arena *a)
{
    return arena_strndup(a, r->src->text + e->span.start, e->span.end - e->span.start);
}

static const char *value_text(Arena *a, EV v)
{
    switch (v.kind) {
    case V_NUM: return v.num == floor(v.num) ? arena_printf(a, "%.0f", v.num) : arena_printf(a, "%.2f", v.num);
    case V_BOOL: return v.b ? "true" : "false";
    case V_DATE: { char buf[16]; const char *s = date_format(date_from_days(v.days), buf); return arena_strndup(a, s, strlen(s)); }
    case V_STR: return arena_printf(a, "\"%s\"", v.str);
    default: return "unknown";
    }
}

static const char *op_text(ExprOp op)
{
    switch (op) {
    case OP_EQ: return "=="; case OP_NE: return "!="; case OP_LT: return "<";
    case OP_LE: return "<="; case OP_GT: return ">"; case OP_GE: return ">=";
    default: return "?";
    }
}

typedef struct RuleCtx {
    Eval *ev;
    RuleResult *rr;
    uint32_t candidates;    /* subjects before the where: filter */
} RuleCtx;

static void rule_visit(Eval *ev, Scope sc, void *ctx)
{
    RuleCtx *rc = ctx;
    RuleResult *rr = rc->rr;
    const RuleDef *d = rr->def;
    Arena *a = ev->m->arena;
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
    const char *subject = model_subject(a, sc.node);
    const char *detail;
    if (v.kind == V_UNKNOWN) {
        rr->unknown++;
        detail = arena_printf(a, "%s is unknown: %s", expr_text(d, req, a), v.why ? v.why : "a value is missing");
    } else {
        rr->failed++;
        detail = arena_printf(a, "%s is false", expr_text(d, req, a));
        if (req->kind == EXPR_BINARY && req->as.op.op >= OP_EQ && req->as.op.op <= OP_GE) {
            EV x = eval(ev, sc, req->as.op.lhs), y = eval(ev, sc, req->as.op.rhs);
            detail = arena_printf(a, "%s: %s %s %s does not hold", detail, value_text(a, x),
                                  op_text(req->as.op.op), value_text(a, y));
        }
    }
    Failure *f = ARENA_NEW(a, Failure);
    if (!f)
        return;
    f->subject = subject;
    f->detail = detail;
    f->src = sc.node->src ? sc.node->src : d->src;
    f->span = sc.node->kind == NODE_ROOT ? d->span : sc.node->span;
    if (v.kind == V_UNKNOWN && !f->src)
        f->src = d->src;
    if (rr->last_failure)
        rr->last_failure->next = f;
    else
        rr->failures = f;
    rr->last_failure = f;
}

bool eval_run(Model *m, Result *r)
{
    Eval ev = { .m = m };
    uint32_t n = 0;
    for (Holiday *h = m->holidays; h; h = h->next)
        n++;
    if (n) {
        ev.holidays = ARENA_ARRAY(m->arena, HolidaySpan, n);
        if (!ev.holidays)
            return false;
        for (Holiday *h = m->holidays; h; h = h->next)
            ev.holidays[ev.nholidays++] = (HolidaySpan){ h->first, h->last, 0 };
        qsort(ev.holidays, ev.nholidays, sizeof *ev.holidays, cmp_spans);
        uint32_t u = 0;                             /* merge overlapping and touching ones */
        for (uint32_t i = 0; i < ev.nholidays; i++) {
            HolidaySpan h = ev.holidays[i];
            if (u && h.first <= ev.holidays[u - 1].last + 1) {
                if (h.last > ev.holidays[u - 1].last)
                    ev.holidays[u - 1].last = h.last;
            } else {
                ev.holidays[u++] = h;
            }
        }
        ev.nholidays = u;
        int64_t before = 0;
        for (uint32_t i = 0; i < u; i++) {
            ev.holidays[i].before = before;
            before += date_weekdays_before(ev.holidays[i].last + 1) - date_weekdays_before(ev.holidays[i].first);
        }
    }
    Scope root = { m->root, NULL };
    for (IndicatorDef *d = m->indicators; d; d = d->next) {
        IndicatorResult *ir = indicator_result(&ev, d, root, NULL);
        if (!ir)
            return false;
        result_add_indicator(r, ir);
        if (d->has_reported)
            percent_check(&ev, r, d, ir);
        if (d->has_per) {
            Selector sel = { d->per_commune_level ? SEL_COMMUNE_LEVEL : SEL_NODE, d->per };
            PerCtx pc = { &ev, r, d };
            each_in(&ev, m->root, &sel, per_visit, &pc);
        }
    }
    for (RuleDef *d = m->rules; d; d = d->next) {
        RuleResult *rr = ARENA_NEW(m->arena, RuleResult);
        if (!rr)
            return false;
        rr->def = d;
        RuleCtx rc = { &ev, rr, 0 };
        if (d->has_each) {
            Selector sel = { d->each_commune_level ? SEL_COMMUNE_LEVEL : SEL_NODE, d->each };
            each_in(&ev, m->root, &sel, rule_visit, &rc);
        } else {
            rule_visit(&ev, root, &rc);
        }
        rr->status = rr->failed ? RESULT_FAIL : rr->unknown ? RESULT_UNKNOWN : RESULT_PASS;
        if (rr->total == 0) {
            /* "for each dialogue" with no dialogue listed checks nothing */
            const char *what = !d->has_each ? "the report" : d->each_commune_level ? "commune"
                               : model_kind_name(d->each);
            rr->status = RESULT_UNKNOWN;
            if (rc.candidates)
                rr->note = d->has_each ? arena_printf(m->arena, "no %s meets the where: condition", what)
                                       : "the report does not meet the where: condition";
            else
                rr->note = arena_printf(m->arena, "no %s in this report to check", what);
        }
        result_add_rule(r, rr);
    }
    return true;
}
