/* calendar.h - the working-day calendar (spec §4.6): which days state
 * offices rest and which weekend days they work, as the law counts time.
 *
 * Days are declared in `calendar NAME "TITLE" { ... }` blocks (the shipped
 * lib/calendar/vn.dlg) and at the top level of a report:
 *
 *   holiday DATE [.. DATE] ["NAME"] [{ source "..."  unverified "..." }]
 *   working_day DATE ["NAME"] [{ source "..." }]      # a make-up Saturday
 *   covers YEAR .. YEAR                               # in a calendar block
 *   calendar NAME                                     # which one applies
 *
 * A run applies one calendar (`vn` unless a file says `calendar none` or
 * names another) plus the report's own days. A working day is Monday to
 * Friday and not a rest day, or a declared working day. Days the calendar
 * does not cover (outside its `covers` years, and not in a year where the
 * report declares days of its own) cannot be counted: the queries say so
 * rather than guess.
 *
 * Ownership: a Calendar and everything it points to live in the run's
 * arena. calendar_declare() collects items (it keeps pointers into the
 * syntax trees); calendar_finish() builds the tables; after that the
 * Calendar is read-only and every query is O(log n) in the declared days. */
#ifndef DLG_CALENDAR_H
#define DLG_CALENDAR_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "source.h"
#include "symbol.h"

/* One declared day or run of days. */
typedef struct CalendarDay {
    bool working;           /* working_day; else a rest day (holiday) */
    int32_t first, last;    /* days since 1970-01-01, inclusive */
    Str name;               /* "Tết Nguyên đán", or empty */
    Str source;             /* the announcement that fixed it, or empty */
    Str unverified;         /* why it could not be verified; such a day is not applied */
    const Symbol *calendar; /* the calendar block it belongs to; NULL: the report's own */
    Source *src;
    Span span;
} CalendarDay;

typedef struct Calendar Calendar;

Calendar *calendar_new(Arena *a, Symtab *syms);
/* Is this top-level item the calendar's (calendar, holiday, working_day)? */
bool calendar_is_item(const Calendar *c, const Item *it);
/* Collect the calendar items at the top level of one file. Diagnostics
 * for their form go to `d`. */
void calendar_declare(Calendar *c, Source *src, const Item *items, Diag *d);
/* Choose the calendar and build the tables; false when an error was
 * reported, here or while declaring: an unknown calendar name, a working
 * day that is no weekend day or that is also a rest day, two choices that
 * differ, an item of the wrong form. */
bool calendar_finish(Calendar *c, Diag *d);

/* The chosen calendar's name ("vn"), or NULL for `calendar none`. */
const char *calendar_name(const Calendar *c);
/* Its title, and the years it covers (0 and 0 for none). */
Str calendar_title(const Calendar *c);
void calendar_years(const Calendar *c, int *first, int *last);

/* Does the calendar know every day from `from` to `to` (inclusive)? When
 * not, *year is the first year it does not cover. */
bool calendar_covers(const Calendar *c, int32_t from, int32_t to, int *year);
bool calendar_is_working_day(const Calendar *c, int32_t day);
/* Working days after `from` up to and including `to`; negative when `to`
 * is before `from`. */
int64_t calendar_working_days(const Calendar *c, int32_t from, int32_t to);
/* The n-th working day after `day` (Civil Code 2015, Điều 147: the day of
 * the event is not counted); `day` itself for n = 0. False when it would
 * fall after the year 9999. */
bool calendar_add_working_days(const Calendar *c, int32_t day, int64_t n, int32_t *out);
/* `day` when it is a working day, else the next working day (Điều 148
 * khoản 5). False after the year 9999. */
bool calendar_next_working_day(const Calendar *c, int32_t day, int32_t *out);

/* The declared days the run applies (the chosen calendar's and the
 * report's own), in date order; and the chosen calendar's unverified
 * days, which it does not apply. For writers and tests. */
const CalendarDay *const *calendar_applied(const Calendar *c, uint32_t *n);
const CalendarDay *const *calendar_unverified(const Calendar *c, uint32_t *n);

#endif
