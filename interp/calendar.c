/* calendar.c - the working-day calendar: declared rest days and make-up
 * working days, the calendar a run applies, and the counts the law needs
 * (spec §4.6, §7.4). */
#include "calendar.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "form.h"
#include "i18n.h"
#include "suggest.h"

/* A declared calendar: `calendar vn "TITLE" { covers 2019 .. 2026 ... }`. */
typedef struct Cal {
    Symbol *name;
    Str title;
    int first_year, last_year;      /* `covers`; 0 when not given */
    Source *src;
    Span span;
} Cal;

/* Applied rest days merged into disjoint runs sorted by start; `before`
 * counts the Monday-Friday days of every earlier run. */
typedef struct Run {
    int32_t first, last;
    int64_t before;
} Run;

struct Calendar {
    Arena *arena;
    Symtab *syms;
    Symbol *w_calendar, *w_holiday, *w_working_day, *w_covers, *w_source, *w_unverified, *w_none;
    /* declared */
    CalendarDay **days;
    uint32_t ndays, cap_days;
    PtrMap cals;                    /* name -> Cal */
    Cal **cal_list;
    uint32_t ncals, cap_cals;
    uint32_t errors;                /* reported while declaring */
    const Symbol *choice;           /* `calendar NAME`, or NULL */
    Source *choice_src;
    Span choice_span;
    /* built by calendar_finish() */
    const Cal *chosen;              /* NULL: no calendar */
    Run *runs;
    uint32_t nruns;
    int32_t *working;               /* applied weekend working days, sorted */
    uint32_t nworking;
    int32_t *own_years;             /* years the report declares days in, sorted */
    uint32_t nown_years;
    const CalendarDay **applied, **unverified;
    uint32_t napplied, nunverified;
};

/* The last day dlg knows: 9999-12-31. */
static int32_t last_day(void) { return date_to_days((Date){ 9999, 12, 31, DATE_DAY }); }

/* ---- growing arrays ---------------------------------------------------------- */

#define PUSH(a, arr, n, cap, p) arena_push((a), (void ***)&(arr), &(n), &(cap), (p), 32)

Calendar *calendar_new(Arena *a, Symtab *syms)
{
    Calendar *c = ARENA_NEW(a, Calendar);
    if (!c)
        return NULL;
    c->arena = a;
    c->syms = syms;
    if (!(c->w_calendar = symtab_intern_cstr(syms, "calendar")) ||
        !(c->w_holiday = symtab_intern_cstr(syms, "holiday")) ||
        !(c->w_working_day = symtab_intern_cstr(syms, "working_day")) ||
        !(c->w_covers = symtab_intern_cstr(syms, "covers")) ||
        !(c->w_source = symtab_intern_cstr(syms, "source")) ||
        !(c->w_unverified = symtab_intern_cstr(syms, "unverified")) ||
        !(c->w_none = symtab_intern_cstr(syms, "none")))
        return NULL;
    return c;
}

bool calendar_is_item(const Calendar *c, const Item *it)
{
    return it->name == c->w_calendar || it->name == c->w_holiday || it->name == c->w_working_day;
}

/* ---- declaring ---------------------------------------------------------------- */

typedef struct Reader {
    Calendar *c;
    Source *src;
    Diag *d;
} Reader;

static void oom(Reader *r)
{
    diag_out_of_memory(r->d);
}

/* { source "..."  unverified "..." } after a day. */
static void day_details(Reader *r, CalendarDay *day, const Item *it, const char *what)
{
    for (const Block *blk = it->blocks; blk; blk = blk->next) {
        form_no_ellipsis(r->d, r->src, blk, what);
        for (const Item *x = blk->items; x; x = x->next) {
            Str *slot = x->name == r->c->w_source ? &day->source : x->name == r->c->w_unverified ? &day->unverified : NULL;
            if (!slot) {
                diag_error(r->d, r->src, item_name_span(x), "'%s' does not belong to a %s: write source \"...\" or "
                           "unverified \"...\"", x->name->text, what);
                continue;
            }
            if (form_no_blocks(r->d, r->src, x, x->name->text) &&
                form_args(r->d, r->src, x, "s", x->name == r->c->w_source ? N_("source \"DOCUMENT\"")
                                                                         : N_("unverified \"WHY\"")))
                *slot = str_keep(r->c->arena, atom_str(x->args));
        }
    }
    if (it->binding)
        diag_error(r->d, r->src, it->expr ? it->expr->span : item_name_span(it), "'%s' takes no expression after '%c'",
                   what, it->binding);
}

/* A date argument given to the day; false with a message otherwise. */
static bool full_date(Reader *r, const Atom *a, const char *what, int32_t *day)
{
    if (a->kind != ATOM_DATE || a->as.date.precision != DATE_DAY) {
        diag_error(r->d, r->src, a->span, "a %s needs a full date (day, month and year)", what);
        return false;
    }
    *day = date_to_days(a->as.date);
    return true;
}

static CalendarDay *new_day(Reader *r, const Item *it, const Symbol *calendar)
{
    CalendarDay *day = ARENA_NEW(r->c->arena, CalendarDay);
    if (!day || !PUSH(r->c->arena, r->c->days, r->c->ndays, r->c->cap_days, day)) {
        oom(r);
        return NULL;
    }
    day->calendar = calendar;
    day->src = r->src;
    day->span = it->args ? form_args_span(it) : item_name_span(it);
    return day;
}

/* holiday DATE [.. DATE] ["NAME"] [{ source "..."  unverified "..." }] */
static void read_holiday(Reader *r, const Item *it, const Symbol *calendar)
{
    if (!form_args(r->d, r->src, it, "dRDS", N_("holiday DATE [.. DATE] [\"NAME\"]")))
        return;
    const Atom *first = it->args, *last = first;
    if (first->next && first->next->kind == ATOM_RANGE)
        last = first->next->next;
    else if (first->next && first->next->kind != ATOM_STRING) {
        diag_error(r->d, r->src, first->next->span, "write a holiday of several days as holiday FIRST .. LAST");
        return;
    }
    int32_t from, to;
    if (!last) {
        diag_error(r->d, r->src, form_args_span(it), "write a holiday of several days as holiday FIRST .. LAST");
        return;
    }
    /* TRANSLATORS: what a holiday is, in "a %s needs a full date" and "'%s' does not belong to a %s" */
    const char *what = _("holiday");
    if (!full_date(r, first, what, &from) || !full_date(r, last, what, &to))
        return;
    if (to < from) {
        diag_error(r->d, r->src, form_args_span(it), "the holiday ends before it starts");
        return;
    }
    if (to - from >= 366) {
        diag_error(r->d, r->src, form_args_span(it), "a holiday of more than a year: check the dates");
        return;
    }
    CalendarDay *day = new_day(r, it, calendar);
    if (!day)
        return;
    day->first = from;
    day->last = to;
    day->name = str_keep(r->c->arena, form_string(it, 0));
    day_details(r, day, it, what);
}

/* working_day DATE ["NAME"] [{ source "..." }]: a make-up Saturday. */
static void read_working_day(Reader *r, const Item *it, const Symbol *calendar)
{
    if (!form_args(r->d, r->src, it, "dS", N_("working_day DATE [\"NAME\"], e.g. working_day 2024-05-04 \"Làm bù\"")))
        return;
    int32_t when;
    /* TRANSLATORS: a Saturday or Sunday worked instead of a day off, in "a %s needs a full date" */
    const char *what = _("working day");
    if (!full_date(r, it->args, what, &when))
        return;
    if (date_weekday(when) < 5) {
        static const char *const names[] = { N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
                                             N_("Friday") };
        char buf[16];
        diag_error(r->d, r->src, it->args->span,
                   "%s is a %s, a working day already: working_day declares a Saturday or Sunday worked instead "
                   "of a day off", date_format(it->args->as.date, buf), _(names[date_weekday(when)]));
        return;
    }
    CalendarDay *day = new_day(r, it, calendar);
    if (!day)
        return;
    day->working = true;
    day->first = day->last = when;
    day->name = str_keep(r->c->arena, form_string(it, 0));
    day_details(r, day, it, what);
}

/* covers YEAR [.. YEAR] */
static void read_covers(Reader *r, const Item *it, Cal *cal)
{
    if (!form_no_blocks(r->d, r->src, it, "covers") ||
        !form_args(r->d, r->src, it, "cRC", N_("covers FIRST_YEAR .. LAST_YEAR, e.g. covers 2019 .. 2026")))
        return;
    const Atom *a = it->args, *b = a->next && a->next->next ? a->next->next : a;
    if (a->as.count < 1 || a->as.count > 9999 || b->as.count < a->as.count || b->as.count > 9999) {
        diag_error(r->d, r->src, form_args_span(it), "covers takes two years from 1 to 9999, the first not after "
                   "the last");
        return;
    }
    cal->first_year = (int)a->as.count;
    cal->last_year = (int)b->as.count;
}

/* calendar NAME "TITLE" { covers ...  holiday ...  working_day ... } */
static void read_calendar(Reader *r, const Item *it)
{
    Calendar *c = r->c;
    Symbol *name = it->args->as.name;
    const Cal *prev = ptrmap_get(&c->cals, name, 0);
    if (prev) {
        diag_error(r->d, r->src, it->args->span, "calendar '%s' is declared twice", name->text);
        diag_note(r->d, prev->src, prev->span, "first declared here");
        return;
    }
    if (name == c->w_none) {
        diag_error(r->d, r->src, it->args->span, "'none' means no calendar: give the calendar another name");
        return;
    }
    Cal *cal = ARENA_NEW(c->arena, Cal);
    if (!cal || !ptrmap_put(&c->cals, c->arena, name, 0, cal) || !PUSH(c->arena, c->cal_list, c->ncals, c->cap_cals, cal)) {
        oom(r);
        return;
    }
    cal->name = name;
    cal->title = str_keep(r->c->arena, form_string(it, 0));
    cal->src = r->src;
    cal->span = it->args->span;
    for (const Block *blk = it->blocks; blk; blk = blk->next) {
        form_no_ellipsis(r->d, r->src, blk, _("a calendar"));
        for (const Item *x = blk->items; x; x = x->next) {
            if (x->name == c->w_holiday)
                read_holiday(r, x, name);
            else if (x->name == c->w_working_day)
                read_working_day(r, x, name);
            else if (x->name == c->w_covers)
                read_covers(r, x, cal);
            else
                diag_error(r->d, r->src, item_name_span(x), "'%s' does not belong in a calendar: write covers, holiday "
                           "or working_day", x->name->text);
        }
    }
}

/* calendar NAME: the calendar this report is counted with (`none`: none). */
static void read_choice(Reader *r, const Item *it)
{
    Calendar *c = r->c;
    Symbol *name = it->args->as.name;
    if (c->choice && c->choice != name) {
        diag_error(r->d, r->src, it->args->span, "the report is counted with one calendar: '%s' here, '%s' before",
                   name->text, c->choice->text);
        diag_note(r->d, c->choice_src, c->choice_span, "chosen here");
        return;
    }
    c->choice = name;
    c->choice_src = r->src;
    c->choice_span = it->args->span;
}

void calendar_declare(Calendar *c, Source *src, const Item *items, Diag *d)
{
    Reader r = { c, src, d };
    uint32_t errors = d->errors;
    for (const Item *it = items; it && !diag_full(d); it = it->next) {
        if (it->name == c->w_holiday) {
            read_holiday(&r, it, NULL);
        } else if (it->name == c->w_working_day) {
            read_working_day(&r, it, NULL);
        } else if (it->name == c->w_calendar) {
            const Atom *a = it->args;
            bool named = a && a->kind == ATOM_NAME;
            if (named && !a->next && !it->blocks && !it->binding)
                read_choice(&r, it);
            else if (named && (!a->next || (a->next->kind == ATOM_STRING && !a->next->next)) && it->blocks &&
                     !it->binding)
                read_calendar(&r, it);
            else
                diag_error(d, src, a ? form_args_span(it) : item_name_span(it),
                           "write calendar NAME to choose a calendar (calendar none for none), or calendar NAME "
                           "\"TITLE\" { covers ... holiday ... working_day ... } to declare one");
        }
    }
    c->errors += d->errors - errors;
}

/* ---- building ------------------------------------------------------------------ */

static int cmp_days(const void *a, const void *b)
{
    const CalendarDay *x = *(const CalendarDay *const *)a, *y = *(const CalendarDay *const *)b;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    return (x->last > y->last) - (x->last < y->last);
}

static int cmp_int32(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

static int year_of(int32_t day) { return date_from_days(day).year; }

/* The calendar the run applies: the one chosen, else `vn` when declared. */
static bool choose(Calendar *c, Diag *d)
{
    if (c->choice == c->w_none)
        return true;
    if (c->choice) {
        c->chosen = ptrmap_get(&c->cals, c->choice, 0);
        if (c->chosen)
            return true;
        Suggest s;
        suggest_init(&s, c->choice->text);
        suggest_offer(&s, "none", 4);
        for (uint32_t i = 0; i < c->ncals; i++)
            suggest_offer(&s, c->cal_list[i]->name->text, c->cal_list[i]->name->len);
        const char *near = suggest_best(&s);
        if (near)       /* each sentence whole, for its translation */
            diag_error(d, c->choice_src, c->choice_span, "unknown calendar '%s'; did you mean '%s'?",
                       c->choice->text, near);
        else
            diag_error(d, c->choice_src, c->choice_span, "unknown calendar '%s'", c->choice->text);
        return false;
    }
    Symbol *vn = symtab_find(c->syms, "vn", 2);
    c->chosen = vn ? ptrmap_get(&c->cals, vn, 0) : NULL;
    return true;
}

/* Rest days merged into runs, with the weekdays before each. */
static bool build_runs(Calendar *c, const CalendarDay **rest, uint32_t n)
{
    c->runs = ARENA_ARRAY(c->arena, Run, n ? n : 1);
    if (!c->runs)
        return false;
    for (uint32_t i = 0; i < n; i++) {
        if (c->nruns && rest[i]->first <= c->runs[c->nruns - 1].last + 1) {
            if (rest[i]->last > c->runs[c->nruns - 1].last)
                c->runs[c->nruns - 1].last = rest[i]->last;
        } else {
            c->runs[c->nruns++] = (Run){ rest[i]->first, rest[i]->last, 0 };
        }
    }
    int64_t before = 0;
    for (uint32_t i = 0; i < c->nruns; i++) {
        c->runs[i].before = before;
        before += date_weekdays_before(c->runs[i].last + 1) - date_weekdays_before(c->runs[i].first);
    }
    return true;
}

/* The run containing `day`, or NULL. */
static const Run *run_at(const Calendar *c, int32_t day)
{
    uint32_t lo = 0, hi = c->nruns;             /* first run starting after day */
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (c->runs[mid].first <= day)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo && c->runs[lo - 1].last >= day ? &c->runs[lo - 1] : NULL;
}

bool calendar_finish(Calendar *c, Diag *d)
{
    uint32_t errors = d->errors - c->errors;
    choose(c, d);                       /* an unknown name is reported; the rest is still checked */
    const CalendarDay **applied = ARENA_ARRAY(c->arena, const CalendarDay *, c->ndays + 1);
    const CalendarDay **unverified = ARENA_ARRAY(c->arena, const CalendarDay *, c->ndays + 1);
    const CalendarDay **rest = ARENA_ARRAY(c->arena, const CalendarDay *, c->ndays + 1);
    c->working = ARENA_ARRAY(c->arena, int32_t, c->ndays + 1);
    c->own_years = ARENA_ARRAY(c->arena, int32_t, c->ndays + 1);
    if (!applied || !unverified || !rest || !c->working || !c->own_years) {
        diag_out_of_memory(d);
        return false;
    }
    uint32_t nrest = 0;
    for (uint32_t i = 0; i < c->ndays; i++) {
        const CalendarDay *day = c->days[i];
        if (day->calendar && (!c->chosen || day->calendar != c->chosen->name))
            continue;
        if (day->unverified.ptr) {
            unverified[c->nunverified++] = day;
            continue;
        }
        applied[c->napplied++] = day;
        if (day->working)
            c->working[c->nworking++] = day->first;
        else
            rest[nrest++] = day;
        if (!day->calendar)             /* the report answers for the years it declares days in */
            for (int y = year_of(day->first); y <= year_of(day->last); y++)
                c->own_years[c->nown_years++] = y;
    }
    qsort(applied, c->napplied, sizeof *applied, cmp_days);
    qsort(unverified, c->nunverified, sizeof *unverified, cmp_days);
    qsort(rest, nrest, sizeof *rest, cmp_days);
    qsort(c->working, c->nworking, sizeof *c->working, cmp_int32);
    qsort(c->own_years, c->nown_years, sizeof *c->own_years, cmp_int32);
    c->applied = applied;
    c->unverified = unverified;
    if (!build_runs(c, rest, nrest)) {
        diag_out_of_memory(d);
        return false;
    }
    /* a day is worked or rested, not both; the run says whether, the
     * holiday for the note is then looked for (errors are capped) */
    for (uint32_t i = 0; i < c->napplied && !diag_full(d); i++) {
        const CalendarDay *w = applied[i];
        const Run *run = w->working ? run_at(c, w->first) : NULL;
        if (!run)
            continue;
        for (uint32_t j = 0; j < nrest; j++)
            if (rest[j]->first <= w->first && w->first <= rest[j]->last) {
                char buf[16];
                diag_error(d, w->src, w->span, "%s is declared a working day and a holiday",
                           date_format(date_from_days(w->first), buf));
                diag_note(d, rest[j]->src, rest[j]->span, "the holiday is declared here");
                break;
            }
    }
    return d->errors == errors;
}

/* ---- reading --------------------------------------------------------------------- */

const char *calendar_name(const Calendar *c) { return c->chosen ? c->chosen->name->text : NULL; }
Str calendar_title(const Calendar *c) { return c->chosen ? c->chosen->title : (Str){ NULL, 0 }; }

void calendar_years(const Calendar *c, int *first, int *last)
{
    *first = c->chosen ? c->chosen->first_year : 0;
    *last = c->chosen ? c->chosen->last_year : 0;
}

const CalendarDay *const *calendar_applied(const Calendar *c, uint32_t *n)
{
    *n = c->napplied;
    return c->applied;
}

const CalendarDay *const *calendar_unverified(const Calendar *c, uint32_t *n)
{
    *n = c->nunverified;
    return c->unverified;
}

static bool own_year(const Calendar *c, int year)
{
    int32_t y = year;
    return bsearch(&y, c->own_years, c->nown_years, sizeof *c->own_years, cmp_int32) != NULL;
}

bool calendar_covers(const Calendar *c, int32_t from, int32_t to, int *year)
{
    if (!c->chosen)
        return true;                    /* `calendar none`: the report answers for every day */
    if (to < from) {
        int32_t t = from;
        from = to;
        to = t;
    }
    for (int y = year_of(from); y <= year_of(to); y++)
        if ((y < c->chosen->first_year || y > c->chosen->last_year) && !own_year(c, y)) {
            *year = y;
            return false;
        }
    return true;
}

/* Applied weekend working days before `day`. */
static int64_t working_before(const Calendar *c, int32_t day)
{
    uint32_t lo = 0, hi = c->nworking;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (c->working[mid] < day)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Monday-Friday rest days before `day`. */
static int64_t rest_before(const Calendar *c, int32_t day)
{
    uint32_t lo = 0, hi = c->nruns;            /* first run starting at or after day */
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (c->runs[mid].first < day)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return 0;
    const Run *run = &c->runs[lo - 1];          /* starts before day */
    int32_t end = run->last < day ? run->last + 1 : day;
    return run->before + date_weekdays_before(end) - date_weekdays_before(run->first);
}

/* Working days before `day`, from an arbitrary origin: differences count. */
static int64_t working_days_before(const Calendar *c, int32_t day)
{
    return date_weekdays_before(day) - rest_before(c, day) + working_before(c, day);
}

int64_t calendar_working_days(const Calendar *c, int32_t from, int32_t to)
{
    return working_days_before(c, to + 1) - working_days_before(c, from + 1);
}

bool calendar_is_working_day(const Calendar *c, int32_t day)
{
    return calendar_working_days(c, day - 1, day) == 1;
}

bool calendar_add_working_days(const Calendar *c, int32_t day, int64_t n, int32_t *out)
{
    if (n <= 0) {
        *out = day;
        return true;
    }
    /* the smallest d after day with n working days in (day, d]: the count
     * grows with d, so widen until it is reached, then halve */
    int64_t end = last_day(), base = working_days_before(c, day + 1);
    int64_t lo = day, hi = (int64_t)day + n + 7;
    while (hi <= end && working_days_before(c, (int32_t)hi + 1) - base < n) {
        lo = hi;
        hi = day + 2 * (hi - day);
    }
    if (hi > end) {
        hi = end;
        if (working_days_before(c, (int32_t)hi + 1) - base < n)
            return false;
    }
    while (hi - lo > 1) {                       /* count(lo) < n <= count(hi) */
        int64_t mid = lo + (hi - lo) / 2;
        if (working_days_before(c, (int32_t)mid + 1) - base < n)
            lo = mid;
        else
            hi = mid;
    }
    *out = (int32_t)hi;
    return true;
}

bool calendar_next_working_day(const Calendar *c, int32_t day, int32_t *out)
{
    return calendar_add_working_days(c, day - 1, 1, out);
}
