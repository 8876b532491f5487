/* format.c - the text of results in the run's language (English unless
 * i18n_init chose Vietnamese: the formats for machines never do), and
 * numbers in the writers' styles. */
#include "format.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"

const NumberStyle FORMAT_TEXT = { .group = ',', .trim = false, .point = '.' };
const NumberStyle FORMAT_PLAIN = { .group = 0, .trim = true, .point = '.' };
const NumberStyle FORMAT_TEXT_VI = { .group = '.', .trim = false, .point = ',' };

enum { MAX_NAMED = 5 };     /* parts or rows named in a subject before "..." */

/* ---- numbers ------------------------------------------------------------------ */

bool format_number(char *buf, size_t size, double v, int decimals, const NumberStyle *st)
{
    if (!isfinite(v)) {
        snprintf(buf, size, "?");
        return false;
    }
    if (decimals < 0)
        decimals = 0;
    if (fabs(v) < 0.5 * pow(10, -decimals))
        v = 0;                      /* never "-0.00" */
    if (v == floor(v)) {
        if (fabs(v) < 0x1p62)       /* a whole number: without printf */
            return format_whole(buf, size, (Wide)v, st);
        decimals = 0;
    }
    char digits[400];               /* "%.0f" of the largest double has 309 digits */
    snprintf(digits, sizeof digits, "%.*f", decimals, fabs(v));
    size_t n = strlen(digits);
    char *point = strchr(digits, '.');
    if (point && st->trim) {
        while (n > 0 && digits[n - 1] == '0')
            n--;
        if (digits[n - 1] == '.')
            n--;
        digits[n] = '\0';
        if (n == (size_t)(point - digits))
            point = NULL;
    }
    size_t int_len = point ? (size_t)(point - digits) : n;
    size_t k = 0;
    bool zero = strspn(digits, "0.") == n;
    if (v < 0 && !zero && k + 1 < size)
        buf[k++] = '-';
    for (size_t i = 0; i < int_len && k + 2 < size; i++) {
        if (st->group && i && (int_len - i) % 3 == 0)
            buf[k++] = st->group;
        buf[k++] = digits[i];
    }
    for (const char *p = point; p && *p && k + 1 < size; p++)
        buf[k++] = p == point && st->point ? st->point : *p;
    buf[k] = '\0';
    return true;
}

bool format_whole(char *buf, size_t size, Wide v, const NumberStyle *st)
{
    char digits[48];                /* 2^127 has 39 digits */
    size_t n = 0;
    bool negative = v < 0;
    if (v > -(Wide)UINT64_MAX && v < (Wide)UINT64_MAX) {
        /* nearly every number: 64-bit division, not a 128-bit call a digit */
        uint64_t u = (uint64_t)(negative ? -v : v);
        do
            digits[n++] = (char)('0' + u % 10);
        while (u /= 10);
    } else {
        do {
            int d = (int)(v % 10);
            digits[n++] = (char)('0' + (d < 0 ? -d : d));
            v /= 10;
        } while (v != 0);
    }
    size_t k = 0;
    if (negative && k + 1 < size)
        buf[k++] = '-';
    for (size_t i = 0; i < n && k + 2 < size; i++) {
        buf[k++] = digits[n - 1 - i];
        size_t left = n - 1 - i;
        if (st->group && left > 0 && left % 3 == 0)
            buf[k++] = st->group;
    }
    buf[k < size ? k : size - 1] = '\0';
    return true;
}

static const char *number_in(char *buf, size_t size, Number n, int decimals, const NumberStyle *st)
{
    if (!n.known) {
        snprintf(buf, size, "?");
        return buf;
    }
    if (n.whole)
        format_whole(buf, size, n.exact, st);
    else
        format_number(buf, size, n.value, decimals, st);
    if (n.money) {
        size_t len = strlen(buf);
        snprintf(buf + len, size - len, " đ");
    }
    return buf;
}

const char *format_number_text(char *buf, size_t size, Number n, int decimals)
{
    return number_in(buf, size, n, decimals, &FORMAT_TEXT);
}

const NumberStyle *format_people(void)
{
    return i18n_vietnamese() ? &FORMAT_TEXT_VI : &FORMAT_TEXT;
}

const char *format_number_local(char *buf, size_t size, Number n, int decimals)
{
    return number_in(buf, size, n, decimals, format_people());
}

const char *format_percent_local(char *buf, size_t size, Number n, int decimals)
{
    number_in(buf, size, n, decimals, format_people());
    if (n.known) {
        size_t len = strlen(buf);
        snprintf(buf + len, size - len, " %%");
    }
    return buf;
}

/* ---- subjects ------------------------------------------------------------------ */

const char *format_subject(Arena *a, const Node *n)
{
    return model_subject(a, n);
}

static const char *indicator_subject(Arena *a, const IndicatorResult *ir, bool local)
{
    char buf[16];
    if (ir->win.unit) {
        WindowUnit u = (WindowUnit)ir->win.unit;
        return arena_printf(a, "%s %s", local ? model_window_unit_name(u) : date_window_unit(u),
                            date_window_label(ir->win, buf));
    }
    if (ir->part)
        return arena_printf(a, "%s %s", ir->part->dim->name->text, ir->part->name->text);
    if (!ir->node)
        return NULL;
    return local ? model_subject(a, ir->node) : model_subject_key(a, ir->node);
}

const char *format_indicator_subject(Arena *a, const IndicatorResult *ir) { return indicator_subject(a, ir, true); }
const char *format_indicator_key(Arena *a, const IndicatorResult *ir) { return indicator_subject(a, ir, false); }

const char *format_verdict_subject(Arena *a, const Verdict *v)
{
    char buf[16];
    const char *who = model_subject(a, v->node);
    Window win = verdict_window(v);
    const Part *part = verdict_part(v);
    if (win.unit)
        return arena_printf(a, "%s, %s", who, date_window_label(win, buf));
    if (part)
        return arena_printf(a, "%s, %s %s", who, part->dim->name->text, part->name->text);
    return who;
}

/* "WHOLE = PART + PART ...", naming at most MAX_NAMED parts: a breakdown's
 * ("opinions = resolved + pending"), or, given the column of a table, the
 * cells of that column ("petitions.complaint = eligible.complaint + ..."). */
static const char *sum_text(Arena *a, const Model *m, const Figure *whole, const Breakdown *bd, const Figure *col)
{
    /* made for every sum and column checked: joined, not printed */
    const char *pieces[2 + 4 * MAX_NAMED + 1];
    size_t n = 0;
    pieces[n++] = figure_path(m->syms, whole)->text;
    pieces[n++] = " =";
    uint32_t i = 0;
    for (const Figure *p = bd->parts; p; p = figure_next(p), i++) {
        if (i == MAX_NAMED) {
            const char *more = arena_printf(a, col ? P_(" + ... (%u row)", " + ... (%u rows)", bd->nparts)
                                                   : P_(" + ... (%u part)", " + ... (%u parts)", bd->nparts),
                                            bd->nparts);
            if (!more)
                return NULL;
            pieces[n++] = more;
            break;
        }
        pieces[n++] = i ? " + " : " ";
        pieces[n++] = figure_leaf(m, p)->text;
        if (col) {
            pieces[n++] = ".";
            pieces[n++] = figure_leaf(m, col)->text;
        }
    }
    if (bd->partial && !col && i <= MAX_NAMED)
        pieces[n++] = " + ...";     /* partial rows add none (spec §6.2) */
    return arena_join(a, pieces, n);
}

/* The part of a check's subject after its unit: "opinions = resolved +
 * pending"; a percent check's whole subject. NULL when out of memory. */
const char *format_check_what(Arena *a, const Model *m, const Check *c)
{
    switch (check_kind(c)) {
    case CHECK_PERCENT:
        return arena_printf(a, _("indicator %s: reported percentage"), c->indicator->id->text);
    case CHECK_SUM:
        return sum_text(a, m, c->figure, c->parts, NULL);
    case CHECK_TABLE:
        return sum_text(a, m, c->figure, c->parts, c->figure);
    case CHECK_BOUND:       /* between two figures, or a negative count */
        return c->bound ? arena_join(a, (const char *const[]){ c->bound->small->text, " <= ", c->bound->large->text }, 3)
                        : figure_path(m->syms, c->figure)->text;
    case CHECK_ROLLUP:
    case CHECK_ITEMS:
        return figure_path(m->syms, c->figure)->text;
    case CHECK_CHANGE:
        return arena_printf(a, _("change of %s"), figure_path(m->syms, c->figure)->text);
    }
    return figure_path(m->syms, c->figure)->text;
}

const char *format_check_subject(Arena *a, const Model *m, const Check *c)
{
    const char *what = format_check_what(a, m, c);
    if (c->kind == CHECK_PERCENT || !what)
        return what;
    const char *who = model_subject(a, c->node);
    return who ? arena_join(a, (const char *const[]){ who, ": ", what }, 3) : NULL;
}

/* ---- notes ----------------------------------------------------------------------- */

const char *format_note(Arena *a, const Note *n)
{
    if (!n)
        return NULL;
    switch (n->kind) {
    case NOTE_NONE: return NULL;
    case NOTE_TOO_LARGE: return _("the numbers are too large to compare");
    case NOTE_SUM_TOO_LARGE: return _("the parts add up to more than a 64-bit count holds (9,223,372,036,854,775,807)");
    case NOTE_NOT_FINITE: return _("the computed value is too large to be a number");
    case NOTE_PART_WOULD_BE:
        return arena_printf(a, _("the unknown part '%s' would be %lld"), n->name->text, (long long)n->a);
    case NOTE_PARTS_UNKNOWN:
        return arena_printf(a, P_("%lld part is unknown", "%lld parts are unknown", (unsigned long)n->a),
                            (long long)n->a);
    case NOTE_CELL_INEXACT: return _("a cell is unknown");
    case NOTE_UNSTATUSED: return arena_printf(a, _("some listed %s have no %s"), n->name->text, n->text);
    case NOTE_APPROX_RANGE: {
        char lo[64], hi[64];
        format_number(lo, sizeof lo, (double)n->a, 0, format_people());
        if (n->x != 0)
            return arena_printf(a, _("computed from approximate figures: at least %s"), lo);
        format_number(hi, sizeof hi, (double)n->b, 0, format_people());
        return arena_printf(a, _("computed from approximate figures: between %s and %s"), lo, hi);
    }
    case NOTE_NEGATIVE: return _("a count cannot be negative");
    case NOTE_PERCENT_DIFFERS: {
        /* the unit of the last digit, 0.01: "0,01" in Vietnamese */
        char unit[64];
        if (i18n_vietnamese()) {
            int decimals = 0;
            while (decimals < 15 && fabs(n->x * pow(10, decimals) - round(n->x * pow(10, decimals))) > 1e-9)
                decimals++;
            format_number(unit, sizeof unit, n->x, decimals, format_people());
        } else {
            snprintf(unit, sizeof unit, "%g", n->x);
        }
        return arena_printf(a, _("the report's percentage differs from the computed one by more than one "
                                 "unit of its last digit (%s)"), unit);
    }
    case NOTE_NO_TOPIC: return _("the opinion has no topic");
    case NOTE_NO_STATUS: return _("the opinion has no status");
    case NOTE_NO_SATISFIED: return _("satisfaction is not given");
    case NOTE_NO_KIND: return _("the session's kind is not given");
    case NOTE_NO_SCOPE: return _("the session's scope is not given");
    case NOTE_OPINION_HAS_NO: return arena_printf(a, _("an opinion has no '%s'"), n->name->text);
    case NOTE_SESSION_DATE: return _("the session's date is not known to the day");
    case NOTE_NO_CONCLUSION: return _("no conclusion notice is recorded");
    case NOTE_CONCLUSION_DATE: return _("the conclusion notice's date is not known to the day");
    case NOTE_NO_NOTICE: return _("no public notice is recorded");
    case NOTE_NOTICE_DATE: return _("the public notice's date is not known to the day");
    case NOTE_CALENDAR_UNCOVERED:
        return arena_printf(a, _("the calendar %s does not cover %lld: declare that year's holidays and working "
                                 "days, or write calendar none"), n->text ? n->text : "", (long long)n->a);
    case NOTE_WHOLE_DAYS_COUNT: return _("a deadline is a whole number of days, not negative");
    case NOTE_DEADLINE_ARGS: return _("deadline() and working_deadline() need a date and a number of days");
    case NOTE_UNDATED: return arena_printf(a, _("%s has no date to the day"), model_subject(a, n->node));
    case NOTE_UNDATED_ENTRY:
        return arena_printf(a, _("%s listed in %s has no date to the day"), n->text, model_subject(a, n->node));
    case NOTE_VERDICTS_UNKNOWN:
        return arena_printf(a, _("rule '%s' is unknown for every subject here"), n->name->text);
    case NOTE_NO_VERDICT: return arena_printf(a, _("rule '%s' has no subject here"), n->name->text);
    case NOTE_SOME_UNKNOWN:
        return arena_printf(a, _("%lld of %lld subjects have no verdict and are left out"), (long long)n->a,
                            (long long)n->b);
    case NOTE_TOO_MANY_WINDOWS:
        return arena_printf(a, _("the period holds more than %lld windows of time: not counted"), (long long)n->a);
    case NOTE_EDGES_LEFT_OUT:
        return arena_printf(a,
                            P_("%lld %s is only partly inside the report's period: not checked",
                               "%lld %ss are only partly inside the report's period: not checked", (unsigned long)n->a),
                            (long long)n->a, model_selector_name(&n->sel));
    case NOTE_UNDATED_LEFT_OUT:
        return arena_printf(a,
                            P_("%lld %s has no date to place in the window: left out",
                               "%lld %ss have no date to place in the window: left out", (unsigned long)n->a),
                            (long long)n->a, model_selector_name(&n->sel));
    case NOTE_TOTAL_ONLY: {
        const char *why = n->inner ? format_note(a, n->inner) : NULL;
        return arena_printf(a, _("counted from the period's total, as the sessions cannot be placed in time%s%s"),
                            why ? ": " : "", why ? why : "");
    }
    case NOTE_NOT_BY_DATE:
        return arena_printf(a, _("'%s' of %s is given for the whole period, not by date"), n->text,
                            model_subject(a, n->node));
    case NOTE_FIGURE_UNKNOWN:
        return arena_printf(a, _("'%s' is not known for %s"), n->text, model_subject(a, n->node));
    case NOTE_NOT_CONDITION: return _("the condition is a value, not true or false: compare it, e.g. x >= 1");
    case NOTE_NOT_NUMBER: return _("the value is not a number");
    case NOTE_NONE_LISTED_IN:
        return arena_printf(a, _("no %s is listed in %s (a report of totals only cannot give a share)"),
                            model_selector_name(&n->sel), model_subject(a, n->node));
    case NOTE_NOTHING_TO_COUNT: return _("nothing to count");
    case NOTE_PERCENT_NUMBERS: return _("percent() needs numbers");
    case NOTE_ZERO_DENOMINATOR: return _("the denominator is zero");
    case NOTE_NONE_LISTED: return arena_printf(a, _("no %s is listed"), model_selector_name(&n->sel));
    case NOTE_MEAN_PARTIAL: {
        const char *why = n->inner ? format_note(a, n->inner) : NULL;
        return arena_printf(a, _("mean of %lld of %lld %ss; the others have no value (%s)"), (long long)n->a,
                            (long long)n->b, model_selector_name(&n->sel), why ? why : _("unknown"));
    }
    case NOTE_NO_PERIOD: return _("the report declares no period");
    case NOTE_NEED_DATES: return _("days() and working_days() need two dates");
    case NOTE_MINMAX_NUMBERS: return _("min() and max() need numbers");
    case NOTE_CANNOT_COMPARE: return _("these values cannot be compared");
    case NOTE_WHOLE_DAYS: return _("a date moves by whole days");
    case NOTE_OUTSIDE_CALENDAR: return _("the date falls outside the calendar");
    case NOTE_ARITH_NUMBERS: return _("arithmetic needs numbers");
    case NOTE_DIVISION_BY_ZERO: return _("division by zero");
    case NOTE_DATE_NOT_DAY: return _("a date in an expression must be given to the day");
    case NOTE_OUT_OF_MEMORY: return _("out of memory");
    case NOTE_WRITTEN_UNKNOWN: return _("written as '?'");
    case NOTE_UNKNOWN: return _("unknown");
    case NOTE_NOT_A_NUMBER: return _("the expression is not a number");
    case NOTE_FROM_APPROX_FIGURE: return _("computed from an approximate figure");
    case NOTE_VALUE_MISSING: return _("a value is missing");
    case NOTE_NO_SUBJECT:
        return arena_printf(a, _("no %s in this report to check"), model_selector_name(&n->sel));
    case NOTE_NONE_MEETS_WHERE:
        return arena_printf(a, _("no %s meets the where: condition"), model_selector_name(&n->sel));
    case NOTE_REPORT_NOT_WHERE: return _("the report does not meet the where: condition");
    }
    return NULL;
}

/* ---- rule verdicts ------------------------------------------------------------------ */

/* Numbers in verdicts: no thousands separator, two decimals unless whole;
 * the decimal mark of the run's language. */
static const NumberStyle VERDICT_VI = { .group = 0, .trim = false, .point = ',' };

static const char *value_text(Arena *a, const Val *v)
{
    char buf[16];
    switch (v->kind) {
    case VAL_NUMBER:
        if (i18n_vietnamese()) {
            char num[400];
            format_number(num, sizeof num, v->num, 2, &VERDICT_VI);
            return arena_printf(a, "%s", num);
        }
        if (v->num == floor(v->num) && fabs(v->num) < 0x1p62 && (v->num != 0 || !signbit(v->num))) {
            char whole[32];     /* a count, as "%.0f" writes it, without printf */
            format_whole(whole, sizeof whole, (Wide)v->num, &FORMAT_PLAIN);
            return arena_strndup(a, whole, strlen(whole));
        }
        return v->num == floor(v->num) ? arena_printf(a, "%.0f", v->num) : arena_printf(a, "%.2f", v->num);
    case VAL_BOOL: return v->b ? _("true") : _("false");
    case VAL_DATE: {
        const char *text = date_format(date_from_days(v->days), buf);
        return arena_strndup(a, text, strlen(text));
    }
    case VAL_STRING: return ARENA_SUBST(a, "\"%s\"", v->str);
    case VAL_UNKNOWN: break;
    }
    return _("unknown");
}

const char *format_op(ExprOp op)
{
    switch (op) {
    case OP_EQ: return "==";
    case OP_NE: return "!=";
    case OP_LT: return "<";
    case OP_LE: return "<=";
    case OP_GT: return ">";
    case OP_GE: return ">=";
    case OP_ADD: case OP_SUB: case OP_MUL: case OP_DIV: case OP_AND: case OP_OR: case OP_NOT: case OP_NEG:
        break;
    }
    return "?";
}

/* "held 50 of 52 due: 2 short (2024-W06 due 2024-02-08, ...)". */
static const char *slots_text(Arena *a, const Verdict *v)
{
    const Slots *sl = verdict_slots(v);
    char buf[16], due[16];
    const char *text = arena_printf(a, _("held %lld of %lld due"), (long long)sl->held, (long long)sl->expected);
    if (sl->nmissed) {
        text = arena_printf(a, P_("%s: short in %u window (", "%s: short in %u windows (", sl->nmissed), text,
                            sl->nmissed);
        for (uint32_t i = 0; text && i < sl->nmissed && i < MAX_MISSED; i++) {
            text = arena_printf(a, "%s%s%s", text, i ? ", " : "", date_window_label(sl->missed[i], buf));
            if (text && sl->due[i])
                text = arena_printf(a, _("%s due %s"), text, date_format(date_from_days(sl->due[i]), due));
        }
        if (text && sl->nmissed > MAX_MISSED)
            text = arena_printf(a, "%s, ...", text);
        text = text ? arena_printf(a, "%s)", text) : NULL;
    } else if (sl->held < sl->expected) {
        text = arena_printf(a, _("%s: %lld short"), text, (long long)(sl->expected - sl->held));
    }
    if (text && sl->nmoved)
        text = arena_printf(a, P_("%s; %u due day moved off a rest day", "%s; %u due days moved off a rest day",
                                  sl->nmoved), text, sl->nmoved);
    if (text && sl->edges)
        text = arena_printf(a, P_("%s; %u window cut by the period, prorated",
                                  "%s; %u windows cut by the period, prorated", sl->edges), text, sl->edges);
    if (text && sl->not_held)
        text = arena_printf(a, _("%s; not held: %lld%s%s"), text, (long long)sl->not_held, sl->reasons ? " " : "",
                            sl->reasons ? sl->reasons : "");
    return text;
}

const char *format_verdict(Arena *a, const RuleDef *d, const Verdict *v)
{
    const Slots *sl = verdict_slots(v);
    if (sl && (v->status != RESULT_UNKNOWN || sl->held_known)) {
        const char *text = slots_text(a, v);
        const char *why = format_note(a, verdict_why(v));
        return why && text ? arena_printf(a, "%s (%s)", text, why) : text;
    }
    /* a verdict for every subject: its sentence is joined, not printed */
    if (sl)
        return ARENA_SUBST(a, _("the schedule cannot be counted: %s"), format_note(a, verdict_why(v)));
    const char *cond = d->condition;
    if (v->status == RESULT_UNKNOWN)
        return ARENA_SUBST(a, _("%s is unknown: %s"), cond, format_note(a, verdict_why(v)));
    Val lhs = verdict_lhs(v), rhs = verdict_rhs(v);
    if (v->status == RESULT_PASS)
        return v->compared ? ARENA_SUBST(a, _("%s holds: %s %s %s"), cond, value_text(a, &lhs), format_op(v->op),
                                         value_text(a, &rhs))
                           : ARENA_SUBST(a, _("%s holds"), cond);
    const char *detail = ARENA_SUBST(a, _("%s is false"), cond);
    if (v->compared)
        detail = ARENA_SUBST(a, _("%s: %s %s %s does not hold"), detail, value_text(a, &lhs), format_op(v->op),
                             value_text(a, &rhs));
    return detail;
}
