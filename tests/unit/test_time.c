/* test_time.c - time as the law counts it: windows of the calendar (spec
 * §14.2, §5.6), the report's period (§4.1), rules over windows (§7.4, §9),
 * passed() (§7.4), schedules (§9.1) and sessions dated outside the period
 * (§4.1), through date.c, model.c and eval.c.
 *
 * Every expected number is worked out by hand from the spec and from the
 * shipped calendar lib/calendar/vn.dlg; the working is in the comment next
 * to the assertion. Dates used throughout:
 *   2024-01-01 is a Monday (Tết Dương lịch, a rest day); 2024 is a leap year.
 *   Tết 2024: rest days Thu 8 .. Wed 14 February (8, 9, 12, 13, 14 are
 *   weekdays; 10, 11 the weekend). Giỗ Tổ 2024: Thu 18 April. 30/4-1/5:
 *   Mon 29 April .. Wed 1 May rest, Sat 4 May worked.
 *   ISO week 1 of 2024 starts Monday 2024-01-01, so week n starts on
 *   day 1 + 7 (n - 1) of the year.
 */
#include "support.h"

/* ---- helpers -------------------------------------------------------------------- */

static int32_t ymd(int y, int m, int d)
{
    return date_to_days(date_make(y, (unsigned)m, (unsigned)d, DATE_DAY));
}

static void assert_window(Window w, WindowUnit unit, int32_t first, int32_t last)
{
    char a[16], b[16], c[16], d[16];
    if (w.unit != unit || w.first != first || w.last != last)
        fail_msg("window %s %s .. %s, expected %s %s .. %s", date_window_unit((WindowUnit)w.unit),
                 date_format(date_from_days(w.first), a), date_format(date_from_days(w.last), b),
                 date_window_unit(unit), date_format(date_from_days(first), c), date_format(date_from_days(last), d));
}

/* parse `name` (as a window of any unit), and check its days, its name
 * (the same text: canonical) and its label */
static void assert_parses(const char *name, WindowUnit unit, int32_t first, int32_t last, const char *label)
{
    Window w = { 0 };
    if (!date_window_parse(name, WIN_NONE, &w))
        fail_msg("'%s' is refused", name);
    assert_window(w, unit, first, last);
    Window u = { 0 };
    assert_true(date_window_parse(name, unit, &u));         /* of its own unit too */
    assert_window(u, unit, first, last);
    char buf[16];
    assert_string_equal(date_window_name(w, buf), name);
    assert_string_equal(date_window_label(w, buf), label);
}

static void assert_refused(const char *name)
{
    Window w = { 0 };
    if (date_window_parse(name, WIN_NONE, &w))
        fail_msg("'%s' is accepted", name);
}

/* The i-th verdict of a rule (from 0). */
static const Verdict *verdict_at(const RuleResult *rr, unsigned i)
{
    const Verdict *v = rr->verdicts;
    while (v && i--)
        v = v->next;
    if (!v)
        fail_msg("rule '%s' has too few verdicts", rr->def->id->text);
    return v;
}

/* The verdict whose subject reads exactly `subject` ("commune A, 2022"). */
static const Verdict *verdict_of(Fixture *f, const RuleResult *rr, const char *subject)
{
    for (const Verdict *v = rr->verdicts; v; v = v->next)
        if (strcmp(failure_subject(f, v), subject) == 0)
            return v;
    for (const Verdict *v = rr->verdicts; v; v = v->next)
        fprintf(stderr, "  %s\n", failure_subject(f, v));
    fail_msg("rule '%s' has no verdict on \"%s\"", rr->def->id->text, subject);
    return NULL;
}

/* A verdict's status and its text, exactly. */
static void assert_verdict(Fixture *f, const RuleResult *rr, const char *subject, Status status, const char *text)
{
    const Verdict *v = verdict_of(f, rr, subject);
    const char *got = failure_detail(f, rr, v);
    if (v->status != status || strcmp(got, text) != 0)
        fail_msg("%s: %s \"%s\", expected %s \"%s\"", subject, result_status_name(v->status), got,
                 result_status_name(status), text);
}

static void assert_counts(const RuleResult *rr, Status status, uint32_t total, uint32_t passed, uint32_t failed,
                          uint32_t unknown)
{
    assert_int_equal(rr->status, status);
    assert_int_equal(rr->total, total);
    assert_int_equal(rr->passed, passed);
    assert_int_equal(rr->failed, failed);
    assert_int_equal(rr->unknown, unknown);
}

static void assert_note(Fixture *f, const Note *n, const char *text)
{
    const char *got = note_text(f, n);
    if (!got)
        fail_msg("no note, expected \"%s\"", text);
    assert_string_equal(got, text);
}

/* A diagnostic with this severity and exact message at line:col; unlike
 * assert_diag_at, the same message may stand at other places too. */
static void assert_diag_here(const Fixture *f, DiagSeverity sev, const char *message, uint32_t line, uint32_t col)
{
    for (const Diagnostic *g = f->diag.first; g; g = g->next) {
        if (g->severity != sev || strcmp(g->message, message) != 0 || !g->src)
            continue;
        uint32_t l, c;
        source_position(g->src, g->span.start, &l, &c);
        if (l == line && c == col)
            return;
    }
    list_diags(f);
    fail_msg("no diagnostic \"%s\" at %u:%u", message, line, col);
}

/* ==== 1 windows of the calendar (date.c) ================================================ */

TEST(window_of_each_unit)
{
    int32_t day = ymd(2024, 6, 14);     /* a Friday: day 166 of 2024, (166 - 1) % 7 = 4 after Monday 1 January */
    assert_int_equal(date_weekday(day), 4);
    assert_window(date_window(WIN_YEAR, day), WIN_YEAR, ymd(2024, 1, 1), ymd(2024, 12, 31));
    assert_window(date_window(WIN_HALF, day), WIN_HALF, ymd(2024, 1, 1), ymd(2024, 6, 30));
    assert_window(date_window(WIN_QUARTER, day), WIN_QUARTER, ymd(2024, 4, 1), ymd(2024, 6, 30));
    assert_window(date_window(WIN_MONTH, day), WIN_MONTH, ymd(2024, 6, 1), ymd(2024, 6, 30));
    /* Friday 14 June: Monday 10 .. Sunday 16 June */
    assert_window(date_window(WIN_WEEK, day), WIN_WEEK, ymd(2024, 6, 10), ymd(2024, 6, 16));
    /* 2024 has 366 days, its February 29; February 2023 has 28 */
    Window y = date_window(WIN_YEAR, day);
    assert_int_equal(y.last - y.first + 1, 366);
    Window feb = date_window(WIN_MONTH, ymd(2024, 2, 10));
    assert_int_equal(feb.last - feb.first + 1, 29);
    feb = date_window(WIN_MONTH, ymd(2023, 2, 10));
    assert_int_equal(feb.last - feb.first + 1, 28);
}

TEST(window_boundaries)
{
    /* the last day of a window is in it, the next day in the next one */
    assert_window(date_window(WIN_HALF, ymd(2024, 6, 30)), WIN_HALF, ymd(2024, 1, 1), ymd(2024, 6, 30));
    assert_window(date_window(WIN_HALF, ymd(2024, 7, 1)), WIN_HALF, ymd(2024, 7, 1), ymd(2024, 12, 31));
    assert_window(date_window(WIN_QUARTER, ymd(2024, 3, 31)), WIN_QUARTER, ymd(2024, 1, 1), ymd(2024, 3, 31));
    assert_window(date_window(WIN_QUARTER, ymd(2024, 10, 1)), WIN_QUARTER, ymd(2024, 10, 1), ymd(2024, 12, 31));
    assert_window(date_window(WIN_MONTH, ymd(2024, 12, 31)), WIN_MONTH, ymd(2024, 12, 1), ymd(2024, 12, 31));
    /* Sunday 16 June belongs to the week of Monday 10 June; Monday 17 starts the next */
    assert_window(date_window(WIN_WEEK, ymd(2024, 6, 16)), WIN_WEEK, ymd(2024, 6, 10), ymd(2024, 6, 16));
    assert_window(date_window(WIN_WEEK, ymd(2024, 6, 17)), WIN_WEEK, ymd(2024, 6, 17), ymd(2024, 6, 23));
}

TEST(iso_week_edges)
{
    char buf[16];
    /* 2024-12-30 is day 365 of 2024: (365 - 1) % 7 = 0, a Monday. Its week
     * runs to Sunday 2025-01-05; its Thursday, 2025-01-02, is in 2025:
     * week 1 of 2025 */
    Window w = date_window(WIN_WEEK, ymd(2024, 12, 30));
    assert_window(w, WIN_WEEK, ymd(2024, 12, 30), ymd(2025, 1, 5));
    assert_string_equal(date_window_name(w, buf), "w2025_01");
    assert_string_equal(date_window_label(w, buf), "2025-W01");
    /* 2021-01-01 was a Friday (2020-01-01 a Wednesday, + 366 days), so
     * 2021-01-03 is a Sunday, in the week Monday 2020-12-28 .. Sunday
     * 2021-01-03, whose Thursday 2020-12-31 is in 2020. ISO week 1 of 2020
     * holds Saturday 4 January 2020: it starts Monday 2019-12-30; from it to
     * 2020-12-28 is 364 days = 52 weeks: week 53 */
    w = date_window(WIN_WEEK, ymd(2021, 1, 3));
    assert_window(w, WIN_WEEK, ymd(2020, 12, 28), ymd(2021, 1, 3));
    assert_string_equal(date_window_name(w, buf), "w2020_53");
    assert_string_equal(date_window_label(w, buf), "2020-W53");
    /* Monday 2021-01-04 starts week 1 of 2021 */
    w = date_window(WIN_WEEK, ymd(2021, 1, 4));
    assert_string_equal(date_window_name(w, buf), "w2021_01");
    /* Friday 2021-12-31: week Monday 27 December, Thursday 30 December:
     * 2021 has 52 weeks, the last 2021-W52 */
    w = date_window(WIN_WEEK, ymd(2021, 12, 31));
    assert_window(w, WIN_WEEK, ymd(2021, 12, 27), ymd(2022, 1, 2));
    assert_string_equal(date_window_label(w, buf), "2021-W52");
    /* 2024-01-01 is a Monday: week 1 of 2024 starts on it */
    w = date_window(WIN_WEEK, ymd(2024, 1, 1));
    assert_string_equal(date_window_name(w, buf), "w2024_01");
    /* Sunday 2023-01-01 is in the last week of 2022 (Thursday 2022-12-29) */
    w = date_window(WIN_WEEK, ymd(2023, 1, 1));
    assert_string_equal(date_window_label(w, buf), "2022-W52");
}

TEST(window_names_canonical)
{
    assert_parses("y2024", WIN_YEAR, ymd(2024, 1, 1), ymd(2024, 12, 31), "2024");
    assert_parses("h2024_1", WIN_HALF, ymd(2024, 1, 1), ymd(2024, 6, 30), "2024 H1");
    assert_parses("h2024_2", WIN_HALF, ymd(2024, 7, 1), ymd(2024, 12, 31), "2024 H2");
    assert_parses("q2024_3", WIN_QUARTER, ymd(2024, 7, 1), ymd(2024, 9, 30), "2024 Q3");
    assert_parses("q2024_1", WIN_QUARTER, ymd(2024, 1, 1), ymd(2024, 3, 31), "2024 Q1");
    assert_parses("m2024_03", WIN_MONTH, ymd(2024, 3, 1), ymd(2024, 3, 31), "2024-03");
    assert_parses("m2024_02", WIN_MONTH, ymd(2024, 2, 1), ymd(2024, 2, 29), "2024-02");
    assert_parses("m2021_12", WIN_MONTH, ymd(2021, 12, 1), ymd(2021, 12, 31), "2021-12");
    /* week 5 of 2024: Monday 1 January + 7 * 4 = Monday 29 January .. Sunday 4 February */
    assert_parses("w2024_05", WIN_WEEK, ymd(2024, 1, 29), ymd(2024, 2, 4), "2024-W05");
    /* 2020 has a week 53 (above): Monday 2020-12-28 .. Sunday 2021-01-03 */
    assert_parses("w2020_53", WIN_WEEK, ymd(2020, 12, 28), ymd(2021, 1, 3), "2020-W53");
    /* 2026-01-01 is a Thursday (2024-01-01 Monday + 366 + 365 days = + 731,
     * 731 % 7 = 3): 2026 has 53 weeks; week 1 starts Monday 2025-12-29,
     * week 53 on 2025-12-29 + 364 = 2026-12-28 */
    assert_parses("w2026_53", WIN_WEEK, ymd(2026, 12, 28), ymd(2027, 1, 3), "2026-W53");
    /* week 1 of 2025 starts in 2024 (Monday 30 December) */
    assert_parses("w2025_01", WIN_WEEK, ymd(2024, 12, 30), ymd(2025, 1, 5), "2025-W01");
}

TEST(window_names_refused)
{
    assert_refused("m2024_3");      /* months take two digits */
    assert_refused("y24");          /* years take four */
    assert_refused("y02024");
    assert_refused("h2024_3");      /* a year has two halves */
    assert_refused("h2024_0");
    assert_refused("h2024_01");     /* a half is one digit */
    assert_refused("q2024_5");
    assert_refused("q2024_0");
    assert_refused("m2024_13");
    assert_refused("m2024_00");
    assert_refused("w2024_5");
    assert_refused("w2024_00");
    assert_refused("w2024_54");
    /* 2021 starts on a Friday and is no leap year: 52 weeks. Week 53 would
     * start 2021-01-04 + 364 = Monday 2022-01-03, whose Thursday is in 2022 */
    assert_refused("w2021_53");
    assert_refused("y0000");        /* years run from 1 */
    assert_refused("Y2024");
    assert_refused("y2024_1");
    assert_refused("2024");
    assert_refused("d2024_01");
    assert_refused("");
    /* a name of another unit than the one asked for */
    Window w;
    assert_false(date_window_parse("m2024_03", WIN_YEAR, &w));
    assert_false(date_window_parse("y2024", WIN_MONTH, &w));
    assert_true(date_window_parse("m2024_03", WIN_MONTH, &w));
}

TEST(window_name_label_round_trip)
{
    /* every window of 2019 .. 2026, of every unit: its name parses back to
     * it, and its label is the name's year and number in the writers' form */
    static const WindowUnit units[] = { WIN_YEAR, WIN_HALF, WIN_QUARTER, WIN_MONTH, WIN_WEEK };
    unsigned counted[6] = { 0 };
    for (unsigned u = 0; u < 5; u++) {
        for (Window w = date_window(units[u], ymd(2019, 1, 1)); w.first <= ymd(2026, 12, 31);
             w = date_window(units[u], w.last + 1)) {
            char name[16], label[16];
            date_window_name(w, name);
            date_window_label(w, label);
            Window back;
            if (!date_window_parse(name, units[u], &back))
                fail_msg("'%s' does not parse", name);
            assert_window(back, units[u], w.first, w.last);
            /* name y2024 / label 2024; h2024_1 / 2024 H1; q2024_3 / 2024 Q3;
             * m2024_03 / 2024-03; w2024_05 / 2024-W05 */
            char want[16];
            switch (units[u]) {
            case WIN_YEAR: snprintf(want, sizeof want, "%.4s", name + 1); break;
            case WIN_HALF: snprintf(want, sizeof want, "%.4s H%c", name + 1, name[6]); break;
            case WIN_QUARTER: snprintf(want, sizeof want, "%.4s Q%c", name + 1, name[6]); break;
            case WIN_MONTH: snprintf(want, sizeof want, "%.4s-%.2s", name + 1, name + 6); break;
            default: snprintf(want, sizeof want, "%.4s-W%.2s", name + 1, name + 6); break;
            }
            assert_string_equal(label, want);
            counted[units[u]]++;
        }
    }
    /* 8 years; 16 halves; 32 quarters; 96 months. Weeks: from the week of
     * 2019-01-01 (a Tuesday: Monday 2018-12-31, 2019-W01) to the one that
     * starts after 2026-12-31 is excluded: 52 weeks a year, plus week 53 of
     * 2020 (a leap year starting on a Wednesday) and of 2026 (starting on
     * a Thursday); 2019, 2021 .. 2025 have 52 = 8 * 52 + 2 = 418 */
    assert_int_equal(counted[WIN_YEAR], 8);
    assert_int_equal(counted[WIN_HALF], 16);
    assert_int_equal(counted[WIN_QUARTER], 32);
    assert_int_equal(counted[WIN_MONTH], 96);
    assert_int_equal(counted[WIN_WEEK], 418);
    assert_string_equal(date_window_unit(WIN_YEAR), "year");
    assert_string_equal(date_window_unit(WIN_HALF), "half");
    assert_string_equal(date_window_unit(WIN_QUARTER), "quarter");
    assert_string_equal(date_window_unit(WIN_MONTH), "month");
    assert_string_equal(date_window_unit(WIN_WEEK), "week");
}

/* ==== 2 the report's period (model.c, spec §4.1) ============================================ */

/* The period of a one-line report, as days. */
static void assert_period(Fixture *f, const char *text, int32_t first, int32_t last)
{
    const Model *m = build_model(f, text);
    assert_true(m->header.has_period);
    char a[16], b[16];
    if (m->header.period_first != first || m->header.period_last != last)
        fail_msg("%s gives %s .. %s", text, date_format(date_from_days(m->header.period_first), a),
                 date_format(date_from_days(m->header.period_last), b));
}

TEST(period_year)
{
    assert_period(f, "period 2020\n", ymd(2020, 1, 1), ymd(2020, 12, 31));
    assert_int_equal(f->model->header.period_last - f->model->header.period_first + 1, 366);   /* 2020 leap */
    /* shown as its first and last day */
    assert_int_equal(f->model->header.period_start.precision, DATE_DAY);
    assert_int_equal(f->model->header.period_end.month, 12);
    assert_int_equal(f->model->header.period_end.day, 31);
}

TEST(period_term)
{
    /* nhiệm kỳ 2016-2021: 1 January 2016 .. 31 December 2021 */
    assert_period(f, "period 2016 .. 2021\n", ymd(2016, 1, 1), ymd(2021, 12, 31));
}

TEST(period_first_half)
{
    assert_period(f, "period h1 2021\n", ymd(2021, 1, 1), ymd(2021, 6, 30));
    /* 31 + 28 + 31 + 30 + 31 + 30 = 181 days */
    assert_int_equal(f->model->header.period_last - f->model->header.period_first + 1, 181);
}

TEST(period_second_half)
{
    assert_period(f, "period h2 2021\n", ymd(2021, 7, 1), ymd(2021, 12, 31));
}

TEST(period_quarter)
{
    /* quý III/2024: 1 July .. 30 September */
    assert_period(f, "period q3 2024\n", ymd(2024, 7, 1), ymd(2024, 9, 30));
}

TEST(period_first_quarter)
{
    assert_period(f, "period q1 2023\n", ymd(2023, 1, 1), ymd(2023, 3, 31));
}

TEST(period_second_quarter)
{
    assert_period(f, "period q2 2023\n", ymd(2023, 4, 1), ymd(2023, 6, 30));
}

TEST(period_fourth_quarter)
{
    assert_period(f, "period q4 2024\n", ymd(2024, 10, 1), ymd(2024, 12, 31));
}

TEST(period_month)
{
    /* February 2021: 28 days (2021 is no leap year) */
    assert_period(f, "period 2021-02\n", ymd(2021, 2, 1), ymd(2021, 2, 28));
    assert_int_equal(f->model->header.period_last - f->model->header.period_first + 1, 28);
}

TEST(period_months)
{
    /* from the first day of the first month to the last of the last: 30 April */
    assert_period(f, "period 2019-01 .. 2024-04\n", ymd(2019, 1, 1), ymd(2024, 4, 30));
    /* shown as written: to the month */
    const Header *h = &f->model->header;
    assert_int_equal(h->period_start.precision, DATE_MONTH);
    assert_int_equal(h->period_start.year, 2019);
    assert_int_equal(h->period_start.month, 1);
    assert_int_equal(h->period_end.precision, DATE_MONTH);
    assert_int_equal(h->period_end.year, 2024);
    assert_int_equal(h->period_end.month, 4);
}

TEST(period_months_leap_february)
{
    /* to the month, ending in February of a leap year: to the 29th */
    assert_period(f, "period 2023-12 .. 2024-02\n", ymd(2023, 12, 1), ymd(2024, 2, 29));
}

TEST(period_days)
{
    assert_period(f, "period 14/6/2024 .. 13.9.2024\n", ymd(2024, 6, 14), ymd(2024, 9, 13));
}

TEST(period_day_to_month)
{
    /* a day, then a month: to the last day of that month */
    assert_period(f, "period 2024-03-15 .. 2024-06\n", ymd(2024, 3, 15), ymd(2024, 6, 30));
}

TEST(period_one_day)
{
    assert_period(f, "period 2024-05-04 .. 2024-05-04\n", ymd(2024, 5, 4), ymd(2024, 5, 4));
}

TEST(period_errors)
{
    const Model *m = model_of(f, "period h3 2021\n"                 /* 1: h3 at col 8 */
                                 "period q3\n"                      /* 2 */
                                 "period 2021 .. 2019\n"            /* 3 */
                                 "period 20210\n"                   /* 4 */
                                 "period h1 0\n"                    /* 5: 0 at col 11 */
                                 "period 2020-01-01 .. ?\n"         /* 6: ? at col 22 */
                                 "period 2020-05-01\n"              /* 7 */
                                 "period h1 2021 2022\n"            /* 8: 2022 at col 16 */
                                 "period q5 2024\n"                 /* 9 */
                                 "period 2021-03 .. 2021-02\n"      /* 10: 1 March .. 28 February */
                                 "period 0 .. 2020\n"               /* 11 */
                                 "period 2020-01-01 .. 2019-12-31\n");  /* 12 */
    assert_diag_here(f, DIAG_ERROR, "unknown part of a year 'h3': write h1, h2 or q1 to q4", 1, 8);
    assert_diag_here(f, DIAG_ERROR, "write q3 YEAR, e.g. period q3 2021", 2, 8);
    assert_diag_here(f, DIAG_ERROR, "the period ends before it starts", 3, 8);
    assert_diag_here(f, DIAG_ERROR, "a period's year is a number from 1 to 9999, such as 2024", 4, 8);
    assert_diag_here(f, DIAG_ERROR, "a period's year is a number from 1 to 9999, such as 2024", 5, 11);
    assert_diag_here(f, DIAG_ERROR, "a period needs both dates, to the day or to the month", 6, 22);
    assert_diag_here(f, DIAG_ERROR, "a period needs both dates, to the day or to the month", 7, 8);
    assert_diag_here(f, DIAG_ERROR, "write h1 YEAR, e.g. period h1 2021", 8, 16);
    assert_diag_here(f, DIAG_ERROR, "unknown part of a year 'q5': write h1, h2 or q1 to q4", 9, 8);
    assert_diag_here(f, DIAG_ERROR, "the period ends before it starts", 10, 8);
    assert_diag_here(f, DIAG_ERROR, "a period's year is a number from 1 to 9999, such as 2024", 11, 8);
    assert_diag_here(f, DIAG_ERROR, "the period ends before it starts", 12, 8);
    /* one error per line, nothing else */
    assert_int_equal(f->diag.errors, 12);
    assert_false(m->header.has_period);
}

/* ==== 3 figures in windows of time (eval.c, spec §5.6, §7.4, §9) ============================== */

TEST(each_commune_each_year)
{
    run_all(f, "period 2021 .. 2023\n"
               "commune \"A\" {\n"
               "  dialogue 2021-03-05 { }\n"
               "  dialogue 2021-10-01 { }\n"
               "  dialogue 2023-06-15 { }\n"
               "}\n"
               "commune \"B\" { households 10 }\n"
               "rule yearly \"T\" {\n  each commune\n  each year\n  require: dialogues >= 1\n}\n");
    /* A: 2 in 2021, none in 2022, 1 in 2023; B lists none: 0 each year
     * (§5.6 step 4). 6 subjects: 2 pass, 4 fail */
    const RuleResult *rr = find_rule(f, "yearly");
    assert_counts(rr, RESULT_FAIL, 6, 2, 4, 0);
    assert_int_equal(rr->note.kind, NOTE_NONE);     /* whole years: nothing left out */
    /* in document order, year by year within a commune */
    assert_string_equal(failure_subject(f, verdict_at(rr, 0)), "commune A, 2021");
    assert_string_equal(failure_subject(f, verdict_at(rr, 1)), "commune A, 2022");
    assert_string_equal(failure_subject(f, verdict_at(rr, 5)), "commune B, 2023");
    assert_window(verdict_window(verdict_at(rr, 1)), WIN_YEAR, ymd(2022, 1, 1), ymd(2022, 12, 31));
    assert_verdict(f, rr, "commune A, 2021", RESULT_PASS, "dialogues >= 1 holds: 2 >= 1");
    assert_verdict(f, rr, "commune A, 2022", RESULT_FAIL, "dialogues >= 1 is false: 0 >= 1 does not hold");
    assert_verdict(f, rr, "commune A, 2023", RESULT_PASS, "dialogues >= 1 holds: 1 >= 1");
    assert_verdict(f, rr, "commune B, 2021", RESULT_FAIL, "dialogues >= 1 is false: 0 >= 1 does not hold");
    assert_verdict(f, rr, "commune B, 2022", RESULT_FAIL, "dialogues >= 1 is false: 0 >= 1 does not hold");
}

/* A note that is its kind alone is kept once, whatever the number of
 * verdicts that give it (a national report has tens of thousands of
 * dialogues without a conclusion notice); one that names its unit is
 * each verdict's own. */
TEST(a_plain_note_is_kept_once)
{
    run_all(f, "period 2021 .. 2023\n"
               "commune \"A\" {\n"
               "  dialogue 2021-03-01 { invited 5 }\n"
               "  dialogue 2022-03-01 { invited 5 }\n"
               "  dialogue 2023-03-01 { conclusion \"1/TB\" 2023-03-05 }\n"
               "  dialogues 3\n"
               "}\n"
               "commune \"B\" { dialogues 2 }\n"
               "rule in_time \"T\" {\n  each dialogue\n  require: conclusion - date <= 15\n}\n"
               "rule yearly \"Y\" {\n  each commune\n  each year\n  require: dialogues >= 1\n}\n");
    const RuleResult *rr = find_rule(f, "in_time");
    assert_counts(rr, RESULT_UNKNOWN, 3, 1, 0, 2);
    const Note *first = verdict_why(verdict_at(rr, 0)), *second = verdict_why(verdict_at(rr, 1));
    assert_int_equal(first->kind, NOTE_NO_CONCLUSION);
    assert_ptr_equal(first, second);
    assert_null(verdict_why(verdict_at(rr, 2)));
    assert_verdict(f, rr, "dialogue 2022-03-01 in commune A", RESULT_UNKNOWN,
                   "conclusion - date <= 15 is unknown: no conclusion notice is recorded");
    /* B's years: each note names commune B, and is B's own */
    rr = find_rule(f, "yearly");
    const Note *b2021 = verdict_why(verdict_at(rr, 3)), *b2022 = verdict_why(verdict_at(rr, 4));
    assert_int_equal(b2021->kind, NOTE_NOT_BY_DATE);
    assert_int_equal(b2022->kind, NOTE_NOT_BY_DATE);
    assert_ptr_not_equal(b2021, b2022);
}

TEST(total_only_is_unknown_in_a_year)
{
    run_all(f, "period 2021 .. 2023\n"
               "commune \"C\" { dialogues 2 }\n"
               "rule yearly \"T\" {\n  each commune\n  each year\n  require: dialogues >= 1\n}\n");
    /* C gives 2 for 2021 .. 2023 only: which year they fell in is unknown
     * (§5.6 step 3); no year holds the whole period */
    const RuleResult *rr = find_rule(f, "yearly");
    assert_counts(rr, RESULT_UNKNOWN, 3, 0, 0, 3);
    for (unsigned i = 0; i < 3; i++)
        assert_int_equal(verdict_why(verdict_at(rr, i))->kind, NOTE_NOT_BY_DATE);
    assert_verdict(f, rr, "commune C, 2022", RESULT_UNKNOWN,
                   "dialogues >= 1 is unknown: 'dialogues' of commune C is given for the whole period, not by date");
}

TEST(total_that_its_sessions_add_up_to)
{
    run_all(f, "period 2021 .. 2023\n"
               "commune \"D\" {\n"
               "  dialogues 2\n"
               "  dialogue 2021-04-01 { }\n"
               "  dialogue 2023-05-01 { }\n"
               "}\n"
               "commune \"E\" {\n"
               "  dialogues 3\n"
               "  dialogue 2021-04-01 { }\n"
               "  dialogue 2023-05-01 { }\n"
               "}\n"
               "rule yearly \"T\" {\n  each commune\n  each year\n  require: dialogues >= 1\n}\n");
    /* D declares 2 and lists 2 dated sessions: 2 = 1 + 1, the windows count
     * them: 2021 1, 2022 0, 2023 1. E declares 3 but lists 2: one is not
     * placed, every year is unknown */
    const RuleResult *rr = find_rule(f, "yearly");
    assert_counts(rr, RESULT_FAIL, 6, 2, 1, 3);
    assert_verdict(f, rr, "commune D, 2021", RESULT_PASS, "dialogues >= 1 holds: 1 >= 1");
    assert_verdict(f, rr, "commune D, 2022", RESULT_FAIL, "dialogues >= 1 is false: 0 >= 1 does not hold");
    assert_verdict(f, rr, "commune D, 2023", RESULT_PASS, "dialogues >= 1 holds: 1 >= 1");
    assert_verdict(f, rr, "commune E, 2021", RESULT_UNKNOWN,
                   "dialogues >= 1 is unknown: 'dialogues' of commune E is given for the whole period, not by date");
}

TEST(window_holding_the_whole_period)
{
    run_all(f, "period h1 2022\n"
               "commune \"E\" { dialogues 2 }\n"
               "rule halves \"T\" {\n  each commune\n  each half\n  require: dialogues >= 2\n}\n"
               "rule in_year \"T\" {\n  each commune\n  require: dialogues.y2022 >= 2\n}\n"
               "rule in_quarter \"T\" {\n  each commune\n  require: dialogues.q2022_1 >= 1\n}\n");
    /* the period is 2022 H1: the window 2022 H1 holds it, and so does the
     * year 2022, so the total 2 is their value; the first quarter holds
     * only half of it: unknown */
    const RuleResult *rr = find_rule(f, "halves");
    assert_counts(rr, RESULT_PASS, 1, 1, 0, 0);
    assert_verdict(f, rr, "commune E, 2022 H1", RESULT_PASS, "dialogues >= 2 holds: 2 >= 2");
    rr = find_rule(f, "in_year");
    assert_verdict(f, rr, "commune E", RESULT_PASS, "dialogues.y2022 >= 2 holds: 2 >= 2");
    rr = find_rule(f, "in_quarter");
    assert_verdict(f, rr, "commune E", RESULT_UNKNOWN,
                   "dialogues.q2022_1 >= 1 is unknown: 'dialogues' of commune E is given for the whole period, "
                   "not by date");
}

TEST(session_dated_to_the_month)
{
    run_all(f, "period 2022\n"
               "commune \"A\" { dialogue 2022-06 { } }\n"
               "rule in_june \"T\" {\n  each commune\n  require: dialogues.m2022_06 >= 1\n}\n"
               "rule in_q2 \"T\" {\n  each commune\n  require: dialogues.q2022_2 >= 1\n}\n"
               "rule in_july \"T\" {\n  each commune\n  require: dialogues.m2022_07 >= 1\n}\n"
               "rule in_week \"T\" {\n  each commune\n  require: dialogues.w2022_23 >= 1\n}\n"
               "rule in_week22 \"T\" {\n  each commune\n  require: dialogues.w2022_22 >= 1\n}\n"
               "rule in_week21 \"T\" {\n  each commune\n  require: dialogues.w2022_21 >= 1\n}\n");
    /* June 2022 lies inside the month of June and the second quarter: 1;
     * wholly outside July: 0; it straddles week 23 (6 .. 12 June) and week
     * 22 (Monday 30 May .. Sunday 5 June), where it starts: unknown; week
     * 21 (23 .. 29 May) is wholly before it: 0 */
    assert_verdict(f, find_rule(f, "in_june"), "commune A", RESULT_PASS, "dialogues.m2022_06 >= 1 holds: 1 >= 1");
    assert_verdict(f, find_rule(f, "in_q2"), "commune A", RESULT_PASS, "dialogues.q2022_2 >= 1 holds: 1 >= 1");
    assert_verdict(f, find_rule(f, "in_july"), "commune A", RESULT_FAIL,
                   "dialogues.m2022_07 >= 1 is false: 0 >= 1 does not hold");
    assert_verdict(f, find_rule(f, "in_week"), "commune A", RESULT_UNKNOWN,
                   "dialogues.w2022_23 >= 1 is unknown: dialogue 2022-06 in commune A has no date to the day");
    assert_verdict(f, find_rule(f, "in_week22"), "commune A", RESULT_UNKNOWN,
                   "dialogues.w2022_22 >= 1 is unknown: dialogue 2022-06 in commune A has no date to the day");
    assert_verdict(f, find_rule(f, "in_week21"), "commune A", RESULT_FAIL,
                   "dialogues.w2022_21 >= 1 is false: 0 >= 1 does not hold");
}

TEST(each_week_and_a_session_dated_to_the_month)
{
    run_all(f, "period 2022-05-30 .. 2022-06-19\n"
               "commune \"A\" { dialogue 2022-06 { } }\n"
               "commune \"B\" { dialogue 2022-06-15 { } }\n"
               "rule weekly \"T\" {\n  each commune\n  each week\n  require: dialogues >= 1\n}\n");
    /* 2022-01-01 was a Saturday, Monday 3 January starts 2022-W01; 6 June is
     * day 157, (157 - 3) / 7 = 22 weeks later: 2022-W23 (6 .. 12 June);
     * the period holds 2022-W22 (30 May .. 5 June), W23 and W24 (13 .. 19
     * June), all whole. A's June meets all three without lying inside
     * one: unknown; B's 15 June is in W24 only */
    const RuleResult *rr = find_rule(f, "weekly");
    assert_counts(rr, RESULT_FAIL, 6, 1, 2, 3);
    assert_verdict(f, rr, "commune A, 2022-W22", RESULT_UNKNOWN,
                   "dialogues >= 1 is unknown: dialogue 2022-06 in commune A has no date to the day");
    assert_verdict(f, rr, "commune B, 2022-W22", RESULT_FAIL, "dialogues >= 1 is false: 0 >= 1 does not hold");
    assert_verdict(f, rr, "commune A, 2022-W23", RESULT_UNKNOWN,
                   "dialogues >= 1 is unknown: dialogue 2022-06 in commune A has no date to the day");
    assert_verdict(f, rr, "commune A, 2022-W24", RESULT_UNKNOWN,
                   "dialogues >= 1 is unknown: dialogue 2022-06 in commune A has no date to the day");
    assert_verdict(f, rr, "commune B, 2022-W23", RESULT_FAIL, "dialogues >= 1 is false: 0 >= 1 does not hold");
    assert_verdict(f, rr, "commune B, 2022-W24", RESULT_PASS, "dialogues >= 1 holds: 1 >= 1");
}

TEST(figure_without_time_axis_keeps_its_value)
{
    run_all(f, "period 2022 .. 2023\n"
               "commune \"A\" { households 120  villages 7 }\n"
               "rule big \"T\" {\n  each commune\n  each year\n  require: households >= 100\n}\n"
               "rule villages \"T\" {\n  each commune\n  each year\n  require: villages == 7\n}\n");
    /* households and villages have no time axis: the same in 2022 and 2023 */
    const RuleResult *rr = find_rule(f, "big");
    assert_counts(rr, RESULT_PASS, 2, 2, 0, 0);
    assert_verdict(f, rr, "commune A, 2022", RESULT_PASS, "households >= 100 holds: 120 >= 100");
    assert_verdict(f, rr, "commune A, 2023", RESULT_PASS, "households >= 100 holds: 120 >= 100");
    assert_counts(find_rule(f, "villages"), RESULT_PASS, 2, 2, 0, 0);
}

TEST(figure_nobody_gives_is_unknown_in_a_window)
{
    run_all(f, "period 2022 .. 2023\n"
               "commune \"A\" { households 3 }\n"
               "rule came \"T\" {\n  each commune\n  each year\n  require: attended >= 0\n}\n"
               "rule held \"T\" {\n  each commune\n  each year\n  require: dialogues >= 0\n}\n");
    /* nothing gives `attended` for A: unknown in every window (§5.6 step 4),
     * while a session count is 0 */
    const RuleResult *rr = find_rule(f, "came");
    assert_counts(rr, RESULT_UNKNOWN, 2, 0, 0, 2);
    assert_verdict(f, rr, "commune A, 2022", RESULT_UNKNOWN,
                   "attended >= 0 is unknown: 'attended in 2022' is not known for commune A");
    assert_verdict(f, find_rule(f, "held"), "commune A, 2023", RESULT_PASS, "dialogues >= 0 holds: 0 >= 0");
}

TEST(explicit_window_in_a_path)
{
    run_all(f, "period 2022 .. 2023\n"
               "commune \"A\" { dialogue 2022-03-01 { } }\n"
               "commune \"B\" { dialogue 2023-02-01 { }  dialogue 2023-02-28 { }  dialogue 2023-03-01 { } }\n"
               "rule in_2023 \"T\" {\n  each commune\n  require: dialogues.y2023 >= 1\n}\n"
               "indicator feb \"T\" = dialogues.m2023_02\n"
               "indicator all \"T\" = dialogues\n");
    /* no `each year`: the path names its window. A's only dialogue is in
     * 2022: 0; B has 3 in 2023 */
    const RuleResult *rr = find_rule(f, "in_2023");
    assert_counts(rr, RESULT_FAIL, 2, 1, 1, 0);
    assert_verdict(f, rr, "commune A", RESULT_FAIL, "dialogues.y2023 >= 1 is false: 0 >= 1 does not hold");
    assert_verdict(f, rr, "commune B", RESULT_PASS, "dialogues.y2023 >= 1 holds: 3 >= 1");
    /* February 2023: B's 1st and 28th (2023 has no 29 February) = 2; in
     * all, 1 + 3 = 4 */
    const IndicatorResult *ir = find_indicator(f, "feb", NULL);
    assert_true(ir->value.known);
    assert_double_near(ir->value.value, 2, 1e-12);
    assert_double_near(find_indicator(f, "all", NULL)->value.value, 4, 1e-12);
}

/* Windows of any calendar unit are parts of a figure's time axis, `year`
 * (§5.6): a breakdown by quarters or by months is one breakdown, of that
 * axis, and adds up as any other. A: 10 + 20 = 30; B: 5 + 6 = 11, not
 * the 12 declared; C: A's parts again, so found in the part memo. */
TEST(a_breakdown_by_quarters_or_by_months)
{
    run_all(f, "period 2024\n"
               "commune \"A\" { invited 30 { q2024_1 10  q2024_2 20 } }\n"
               "commune \"B\" { invited 12 { m2024_01 5  m2024_02 6 } }\n"
               "commune \"C\" { invited 30 { q2024_1 10  q2024_2 20 } }\n");
    assert_no_errors(f);
    const Check *a = find_check(f, CHECK_SUM, "commune A: invited = q2024_1 + q2024_2");
    assert_int_equal(a->status, RESULT_PASS);
    assert_double_near(check_computed(a).value, 30, 1e-12);
    const Check *b = find_check(f, CHECK_SUM, "commune B: invited = m2024_01 + m2024_02");
    assert_int_equal(b->status, RESULT_FAIL);
    assert_double_near(check_declared(b).value, 12, 1e-12);
    assert_double_near(check_computed(b).value, 11, 1e-12);
    assert_int_equal(find_check(f, CHECK_SUM, "commune C: invited = q2024_1 + q2024_2")->status, RESULT_PASS);
}

TEST(each_month_period_starting_mid_month)
{
    run_all(f, "period 2024-01-15 .. 2024-03-31\n"
               "commune \"A\" { dialogue 2024-01-20 { }  dialogue 2024-02-20 { } }\n"
               "commune \"B\" { households 5 }\n"
               "rule monthly \"T\" {\n  each commune\n  each month\n  require: dialogues >= 1\n}\n");
    /* January 2024 has working days before the 15th (2 .. 12 January; the
     * 1st is Tết Dương lịch): it is left out, once for the rule however
     * many communes. February and March are whole: A 1 and 0, B 0 and 0 */
    const RuleResult *rr = find_rule(f, "monthly");
    assert_counts(rr, RESULT_FAIL, 4, 1, 3, 0);
    assert_string_equal(failure_subject(f, verdict_at(rr, 0)), "commune A, 2024-02");
    assert_verdict(f, rr, "commune A, 2024-02", RESULT_PASS, "dialogues >= 1 holds: 1 >= 1");
    assert_verdict(f, rr, "commune A, 2024-03", RESULT_FAIL, "dialogues >= 1 is false: 0 >= 1 does not hold");
    assert_note(f, &rr->note, "1 month is only partly inside the report's period: not checked");
}

TEST(period_ending_on_a_saturday_keeps_the_last_month_and_week)
{
    run_all(f, "period 2024-01-01 .. 2024-03-30\n"
               "commune \"A\" { dialogue 2024-03-25 { } }\n"
               "rule monthly \"T\" {\n  each commune\n  each month\n  require: dialogues >= 1\n}\n"
               "rule weekly \"T\" {\n  each commune\n  each week\n  require: dialogues >= 0\n}\n");
    /* 30 March 2024 is day 31 + 29 + 30 = 90: (90 - 1) % 7 = 5, a Saturday.
     * The days of March after it, Saturday 30 (in) and Sunday 31, are no
     * working days: March is inside. January, February, March: 3 months */
    const RuleResult *rr = find_rule(f, "monthly");
    assert_counts(rr, RESULT_FAIL, 3, 1, 2, 0);
    assert_int_equal(rr->note.kind, NOTE_NONE);
    assert_verdict(f, rr, "commune A, 2024-03", RESULT_PASS, "dialogues >= 1 holds: 1 >= 1");
    /* 1 January (Monday) .. 31 March = 91 days = 13 weeks, the last
     * (25 .. 31 March) cut only on its weekend: 13 kept */
    rr = find_rule(f, "weekly");
    assert_counts(rr, RESULT_PASS, 13, 13, 0, 0);
    assert_int_equal(rr->note.kind, NOTE_NONE);
    assert_window(verdict_window(verdict_at(rr, 12)), WIN_WEEK, ymd(2024, 3, 25), ymd(2024, 3, 31));
    assert_verdict(f, rr, "commune A, 2024-W13", RESULT_PASS, "dialogues >= 0 holds: 1 >= 0");
}

TEST(period_ending_on_a_thursday_cuts_the_last_month)
{
    run_all(f, "period 2024-01-01 .. 2024-03-28\n"
               "commune \"A\" { dialogue 2024-03-25 { } }\n"
               "rule monthly \"T\" {\n  each commune\n  each month\n  require: dialogues >= 1\n}\n");
    /* Friday 29 March is a working day outside the period: March is left
     * out; January and February stay (A has none in them) */
    const RuleResult *rr = find_rule(f, "monthly");
    assert_counts(rr, RESULT_FAIL, 2, 0, 2, 0);
    assert_note(f, &rr->note, "1 month is only partly inside the report's period: not checked");
}

TEST(period_cut_on_a_holiday_keeps_the_year)
{
    run_all(f, "period 2024-01-02 .. 2024-12-31\n"
               "commune \"A\" { dialogue 2024-05-04 { } }\n"
               "rule yearly \"T\" {\n  each commune\n  each year\n  require: dialogues >= 1\n}\n");
    /* Monday 1 January 2024, the one day of the year outside the period,
     * is Tết Dương lịch, a rest day in the calendar: 2024 is inside */
    const RuleResult *rr = find_rule(f, "yearly");
    assert_counts(rr, RESULT_PASS, 1, 1, 0, 0);
    assert_int_equal(rr->note.kind, NOTE_NONE);
    assert_verdict(f, rr, "commune A, 2024", RESULT_PASS, "dialogues >= 1 holds: 1 >= 1");
}

TEST(period_ending_saturday_30_december_holds_the_year)
{
    run_all(f, "period 2019-01-01 .. 2023-12-30\n"
               "commune \"A\" { dialogue 2023-12-29 { } }\n"
               "rule yearly \"T\" {\n  each commune\n  each year\n  require: dialogues >= 1\n}\n");
    /* the spec's own example (§7.4): 2023-12-31 is a Sunday (2024-01-01 a
     * Monday), so Saturday 30 December leaves no working day of 2023 out:
     * 2019 .. 2023 = 5 years */
    const RuleResult *rr = find_rule(f, "yearly");
    assert_counts(rr, RESULT_FAIL, 5, 1, 4, 0);
    assert_int_equal(rr->note.kind, NOTE_NONE);
    assert_verdict(f, rr, "commune A, 2023", RESULT_PASS, "dialogues >= 1 holds: 1 >= 1");
}

TEST(two_years_cut_at_both_ends)
{
    run_all(f, "period 2019-07-01 .. 2021-06-30\n"
               "commune \"A\" { dialogue 2020-02-03 { } }\n"
               "rule yearly \"T\" {\n  each commune\n  each year\n  require: dialogues >= 1\n}\n"
               "indicator years_held \"T\" = count(year, dialogues >= 1)\n");
    /* 2019 and 2021 have working days outside the period: only 2020 */
    const RuleResult *rr = find_rule(f, "yearly");
    assert_counts(rr, RESULT_PASS, 1, 1, 0, 0);
    assert_note(f, &rr->note, "2 years are only partly inside the report's period: not checked");
    const IndicatorResult *ir = find_indicator(f, "years_held", NULL);
    assert_double_near(ir->value.value, 1, 1e-12);
    assert_note(f, &ir->note, "2 years are only partly inside the report's period: not checked");
}

TEST(too_many_windows_are_refused)
{
    run_all(f, "period 1 .. 9999\n"
               "commune \"A\" { households 1 }\n"
               "rule weekly \"T\" {\n  each commune\n  each week\n  require: households >= 1\n}\n");
    /* 9999 years hold about 521,700 weeks, far more than 10,000 */
    const RuleResult *rr = find_rule(f, "weekly");
    assert_int_equal(rr->status, RESULT_UNKNOWN);
    assert_int_equal(rr->total, 0);
    assert_note(f, &rr->note, "the period holds more than 10000 windows of time: not counted");
}

/* ==== 4 passed(RULE) (spec §7.4) ================================================================ */

static const char PASSED_REPORT[] =
    "period 2021 .. 2023\n"
    "district \"D\" {\n"
    "  commune \"A\" {\n"
    "    dialogue 2021-03-05 { }\n"
    "    dialogue 2021-10-01 { }\n"
    "    dialogue 2023-06-15 { }\n"
    "  }\n"
    "  commune \"B\" { households 10 }\n"
    "  commune \"C\" { dialogues 2 }\n"
    "}\n"
    "rule yearly \"T\" {\n  each commune\n  each year\n  require: dialogues >= 1\n}\n"
    "rule talks \"T\" {\n  each dialogue\n  require: date >= period.start\n}\n"
    "rule none \"T\" {\n  each reception\n  require: people >= 1\n}\n";

TEST(passed_share_of_subjects_with_a_verdict)
{
    run_all(f, arena_printf(&f->arena, "%s%s", PASSED_REPORT,
                            "indicator share \"T\" = passed(yearly) { per commune }\n"
                            "indicator talks_ok \"T\" = passed(talks)\n"
                            "indicator nothing \"T\" = passed(none)\n"));
    /* yearly: A 2021 pass (2), 2022 fail, 2023 pass (1); B fails all 3;
     * C is unknown in all 3 (a total only): 2 pass of 2 + 4 = 6 with a
     * verdict = 33.33 %, 3 of 9 left out */
    const RuleResult *rr = find_rule(f, "yearly");
    assert_counts(rr, RESULT_FAIL, 9, 2, 4, 3);
    const IndicatorResult *ir = find_indicator(f, "share", NULL);
    assert_ratio(ir, 100.0 * 2.0 / 6.0, 2, 6);
    assert_note(f, &ir->note, "3 of 9 subjects have no verdict and are left out");
    /* per commune: A 2 of 3 = 66.67 %; B 0 of 3 = 0 %; C none decided */
    assert_ratio(find_indicator(f, "share", "commune A"), 200.0 / 3.0, 2, 3);
    assert_ratio(find_indicator(f, "share", "commune B"), 0, 0, 3);
    const IndicatorResult *c = find_indicator(f, "share", "commune C");
    assert_false(c->value.known);
    assert_note(f, &c->note, "rule 'yearly' is unknown for every subject here");
    /* talks: every one of A's 3 dialogues is dated on or after 2021-01-01: 3 / 3 */
    assert_ratio(find_indicator(f, "talks_ok", NULL), 100, 3, 3);
    /* none: no reception, no subject */
    const IndicatorResult *n = find_indicator(f, "nothing", NULL);
    assert_false(n->value.known);
    assert_note(f, &n->note, "rule 'none' has no subject here");
}

/* What a verdict says, for comparing two lists: its unit and status. */
static void take_verdict(void *ctx, const Verdict *v)
{
    Lines *l = ctx;
    lines_add(l, arena_printf(l->a, "%s %s", v->node->name->text, result_status_name(v->status)));
}

/* The report above, lean: a subject that passes is counted and not kept,
 * and passed() makes the rule's verdicts again to count them. The same
 * values as above, worked out there. */
TEST(passed_counts_the_subjects_a_lean_result_did_not_keep)
{
    assert_true(resolve(f, arena_printf(&f->arena, "%s%s", PASSED_REPORT,
                                        "indicator share \"T\" = passed(yearly) { per commune }\n"
                                        "indicator talks_ok \"T\" = passed(talks)\n")));
    assert_no_errors(f);
    build_calendar(f);
    Result *r = &f->result;
    memset(r, 0, sizeof *r);
    assert_true(check_run_lean(f->model, f->derived, &f->arena, r));
    assert_true(eval_run_lean(f->model, f->derived, f->resolution, f->calendar, &f->arena, r));
    const RuleResult *rr = find_rule(f, "yearly");
    assert_counts(rr, RESULT_FAIL, 9, 2, 4, 3);
    assert_non_null(rr->replay);
    /* kept: B's three failures, A's of 2022, C's three unknowns */
    unsigned kept = 0;
    for (const Verdict *v = rr->verdicts; v; v = v->next, kept++)
        assert_int_not_equal(v->status, RESULT_PASS);
    assert_int_equal(kept, 7);
    assert_ratio(find_indicator(f, "share", NULL), 100.0 * 2.0 / 6.0, 2, 6);
    assert_ratio(find_indicator(f, "share", "commune A"), 200.0 / 3.0, 2, 3);
    /* talks: A's 3 dialogues pass, none kept: 3 / 3 all the same */
    assert_null(find_rule(f, "talks")->verdicts);
    assert_ratio(find_indicator(f, "talks_ok", NULL), 100, 3, 3);
    /* every subject, in its place: A by year 2021 .. 2023, then B, then C */
    static const char *const yearly[] = { "A pass", "A fail", "A pass", "B fail", "B fail",
                                          "B fail", "C unknown", "C unknown", "C unknown" };
    Lines each = { &f->arena, { 0 }, 0, &f->syms };
    assert_true(result_each_verdict(rr, NULL, take_verdict, &each));
    assert_int_equal(each.n, 9);
    const Verdict *all = NULL;
    assert_true(result_every_verdict(rr, &f->arena, &all));
    assert_non_null(all);
    Lines every = { &f->arena, { 0 }, 0, &f->syms };
    for (const Verdict *v = all; v; v = v->next)
        take_verdict(&every, v);
    assert_int_equal(every.n, 9);
    for (unsigned i = 0; i < 9; i++) {
        assert_string_equal(each.line[i], yearly[i]);
        assert_string_equal(every.line[i], yearly[i]);
    }
    /* made again with their windows: A's failure is of 2022 */
    char buf[16];
    assert_string_equal(date_window_label(verdict_window(all->next), buf), "2022");
}

TEST(passed_in_a_rule_per_district)
{
    run_all(f, arena_printf(&f->arena, "%s%s", PASSED_REPORT,
                            "district \"E\" { commune \"F\" { dialogue 2022-01-10 { } } }\n"
                            "indicator share \"T\" = passed(yearly) { per district }\n"));
    /* D: as above, 2 of 6; E's commune F: 2021 fail, 2022 pass, 2023 fail:
     * 1 of 3; the report: 3 of 9 decided, 3 of 12 left out */
    assert_ratio(find_indicator(f, "share", "district D"), 100.0 * 2.0 / 6.0, 2, 6);
    assert_ratio(find_indicator(f, "share", "district E"), 100.0 / 3.0, 1, 3);
    const IndicatorResult *ir = find_indicator(f, "share", NULL);
    assert_ratio(ir, 100.0 * 3.0 / 9.0, 3, 9);
    assert_note(f, &ir->note, "3 of 12 subjects have no verdict and are left out");
}

TEST(passed_of_an_unknown_rule_is_an_error)
{
    assert_false(resolve(f, "commune \"A\" { dialogue 2022-01-10 { } }\n"                /* 1 */
                            "rule yearly \"T\" {\n  each commune\n  require: dialogues >= 1\n}\n" /* 2 .. 5 */
                            "indicator a \"T\" = passed(yearli)\n"           /* 6: col 26 */
                            "indicator b \"T\" = passed(1)\n"                /* 7: col 26 */
                            "indicator c \"T\" = passed(zzzzzzzzzz)\n"));    /* 8: col 26 */
    /* "indicator a \"T\" = passed(" is 25 characters */
    assert_diag_at(f, DIAG_ERROR, "unknown rule 'yearli'; did you mean 'yearly'?", 6, 26);
    assert_diag_at(f, DIAG_ERROR, "passed() takes the identifier of a rule of this run", 7, 26);
    assert_diag_at(f, DIAG_ERROR,
                   "unknown rule 'zzzzzzzzzz': no rule of this run has this identifier (is its rulebook given with "
                   "--rules?)", 8, 26);
    assert_int_equal(f->diag.errors, 3);
}

/* ==== 5 schedules (spec §9.1) ==================================================================== */

TEST(schedule_every_month_twice)
{
    /* A: two dialogues in every month of 2024; B: two in January, one in February */
    const char *a = "";
    for (int m = 1; m <= 12; m++)
        a = arena_printf(&f->arena, "%s  dialogue 2024-%02d-05 { }  dialogue 2024-%02d-20 { }\n", a, m, m);
    run_all(f, arena_printf(&f->arena,
                            "period 2024\n"
                            "commune \"A\" {\n%s}\n"
                            "commune \"B\" { dialogue 2024-01-03 { }  dialogue 2024-01-30 { }  dialogue 2024-02-15 { } }\n"
                            "rule monthly \"T\" {\n  each commune\n  schedule dialogue { every month  times 2 }\n}\n",
                            a));
    /* 12 whole months x 2 = 24 due */
    const RuleResult *rr = find_rule(f, "monthly");
    assert_counts(rr, RESULT_FAIL, 2, 1, 1, 0);
    const Slots *sl = verdict_slots(verdict_of(f, rr, "commune A"));
    assert_int_equal(sl->expected, 24);
    assert_int_equal(sl->held, 24);
    assert_int_equal(sl->nmissed, 0);
    assert_int_equal(sl->edges, 0);
    assert_verdict(f, rr, "commune A", RESULT_PASS, "held 24 of 24 due");
    /* B: January 2 (enough), February 1 < 2, March .. December 0: 11
     * windows short, all named (at most 12 are) */
    sl = verdict_slots(verdict_of(f, rr, "commune B"));
    assert_int_equal(sl->expected, 24);
    assert_int_equal(sl->held, 3);
    assert_int_equal(sl->nmissed, 11);
    assert_window(sl->missed[0], WIN_MONTH, ymd(2024, 2, 1), ymd(2024, 2, 29));
    assert_verdict(f, rr, "commune B", RESULT_FAIL,
                   "held 3 of 24 due: short in 11 windows (2024-02, 2024-03, 2024-04, 2024-05, 2024-06, 2024-07, "
                   "2024-08, 2024-09, 2024-10, 2024-11, 2024-12)");
}

TEST(schedule_yearly_default_once)
{
    run_all(f, "period 2022 .. 2023\n"
               "commune \"A\" { dialogue 2022-05-01 { }  dialogue 2022-06-01 { } }\n"
               "commune \"B\" { dialogue 2022-05-01 { }  dialogue 2023-06-01 { } }\n"
               "rule yearly \"T\" {\n  each commune\n  schedule dialogue { every year }\n}\n");
    /* times 1 a year, 2 years: 2 due. A held 2, both in 2022: 2023 short,
     * though 2 >= 2 in all: each window counts on its own */
    const RuleResult *rr = find_rule(f, "yearly");
    assert_verdict(f, rr, "commune A", RESULT_FAIL, "held 2 of 2 due: short in 1 window (2023)");
    assert_verdict(f, rr, "commune B", RESULT_PASS, "held 2 of 2 due");
}

TEST(schedule_prorated_half_rounds_up)
{
    run_all(f, "period 2024-01-17 .. 2024-03-31\n"
               "commune \"A\" {\n"
               "  dialogue 2024-01-18 { }  dialogue 2024-01-25 { }\n"
               "  dialogue 2024-02-01 { }  dialogue 2024-02-02 { }  dialogue 2024-02-05 { }\n"
               "  dialogue 2024-03-01 { }  dialogue 2024-03-04 { }  dialogue 2024-03-05 { }\n"
               "}\n"
               "commune \"B\" {\n"
               "  dialogue 2024-01-18 { }\n"
               "  dialogue 2024-02-01 { }  dialogue 2024-02-02 { }  dialogue 2024-02-05 { }\n"
               "  dialogue 2024-03-01 { }  dialogue 2024-03-04 { }  dialogue 2024-03-05 { }\n"
               "}\n"
               "rule monthly \"T\" {\n  each commune\n  schedule dialogue { every month  times 3 }\n}\n");
    /* January 2024: weekdays 1-5, 8-12, 15-19, 22-26, 29-31 = 23, less
     * Monday 1 January (Tết Dương lịch) = 22 working days; inside the
     * period (from Wednesday 17): 17-19, 22-26, 29-31 = 11. Due in
     * January: 3 x 11 / 22 = 1.5, rounded half up: 2. February and March
     * are whole: 3 each. 2 + 3 + 3 = 8 due; 1 window prorated */
    const RuleResult *rr = find_rule(f, "monthly");
    const Slots *sl = verdict_slots(verdict_of(f, rr, "commune A"));
    assert_int_equal(sl->expected, 8);
    assert_int_equal(sl->edges, 1);
    assert_verdict(f, rr, "commune A", RESULT_PASS, "held 8 of 8 due; 1 window cut by the period, prorated");
    /* B holds 1 in January, short of 2 */
    assert_verdict(f, rr, "commune B", RESULT_FAIL,
                   "held 7 of 8 due: short in 1 window (2024-01); 1 window cut by the period, prorated");
}

TEST(schedule_prorated_by_working_days_across_tet)
{
    run_all(f, "period 2024-02-15 .. 2024-03-31\n"
               "commune \"A\" {\n"
               "  dialogue 2024-02-15 { }  dialogue 2024-02-20 { }  dialogue 2024-02-27 { }\n"
               "  dialogue 2024-03-01 { }  dialogue 2024-03-08 { }  dialogue 2024-03-15 { }  dialogue 2024-03-22 { }\n"
               "}\n"
               "commune \"B\" {\n"
               "  dialogue 2024-02-15 { }  dialogue 2024-02-20 { }\n"
               "  dialogue 2024-03-01 { }  dialogue 2024-03-08 { }  dialogue 2024-03-15 { }  dialogue 2024-03-22 { }\n"
               "}\n"
               "rule monthly \"T\" {\n  each commune\n  schedule dialogue { every month  times 4 }\n}\n");
    /* February 2024 (Thursday 1 .. Thursday 29): weekdays 1-2, 5-9, 12-16,
     * 19-23, 26-29 = 2 + 5 + 5 + 5 + 4 = 21, less Tết on 8, 9, 12, 13, 14 =
     * 16 working days; from Thursday 15: 15-16, 19-23, 26-29 = 11. Due in
     * February: 4 x 11 / 16 = 2.75, rounded: 3 (counting weekdays alone it
     * would be 4 x 11 / 21 = 2.1: 2). March whole: 4. 3 + 4 = 7 due */
    const RuleResult *rr = find_rule(f, "monthly");
    const Slots *sl = verdict_slots(verdict_of(f, rr, "commune A"));
    assert_int_equal(sl->expected, 7);
    assert_int_equal(sl->held, 7);
    assert_verdict(f, rr, "commune A", RESULT_PASS, "held 7 of 7 due; 1 window cut by the period, prorated");
    assert_verdict(f, rr, "commune B", RESULT_FAIL,
                   "held 6 of 7 due: short in 1 window (2024-02); 1 window cut by the period, prorated");
}

TEST(schedule_prorated_at_the_end)
{
    run_all(f, "period 2024-04-01 .. 2024-05-10\n"
               "commune \"A\" { dialogue 2024-04-10 { }  dialogue 2024-04-20 { }  dialogue 2024-05-06 { } }\n"
               "rule monthly \"T\" {\n  each commune\n  schedule dialogue { every month  times 5 }\n}\n");
    /* April whole: 5. May 2024 (Wednesday 1 .. Friday 31): weekdays 1-3,
     * 6-10, 13-17, 20-24, 27-31 = 23, less Wednesday 1 May (rest) = 22,
     * plus Saturday 4 May (worked) = 23 working days; up to Friday 10 May:
     * 2, 3, 4, 6-10 = 8. Due in May: 5 x 8 / 23 = 1.74: 2. 5 + 2 = 7 due.
     * A held 2 in April (short) and 1 in May (short) */
    const RuleResult *rr = find_rule(f, "monthly");
    const Slots *sl = verdict_slots(verdict_of(f, rr, "commune A"));
    assert_int_equal(sl->expected, 7);
    assert_int_equal(sl->edges, 1);
    assert_verdict(f, rr, "commune A", RESULT_FAIL,
                   "held 3 of 7 due: short in 2 windows (2024-04, 2024-05); 1 window cut by the period, prorated");
}

TEST(schedule_window_cut_on_days_off_is_whole)
{
    run_all(f, "period 2024-01-02 .. 2024-03-30\n"
               "commune \"A\" { dialogue 2024-01-10 { }  dialogue 2024-02-20 { }  dialogue 2024-03-29 { } }\n"
               "rule monthly \"T\" {\n  each commune\n  schedule dialogue { every month }\n}\n");
    /* the period leaves out Monday 1 January (a holiday) and Sunday 31
     * March: no working day, so January and March are whole, not prorated:
     * 3 due */
    const RuleResult *rr = find_rule(f, "monthly");
    const Slots *sl = verdict_slots(verdict_of(f, rr, "commune A"));
    assert_int_equal(sl->expected, 3);
    assert_int_equal(sl->edges, 0);
    assert_verdict(f, rr, "commune A", RESULT_PASS, "held 3 of 3 due");
}

static const char WEEKLY_RULE[] =
    "rule weekly \"T\" {\n  each commune\n  schedule reception { kind periodic  every week  day thursday }\n}\n";

TEST(schedule_weekly_on_thursday_across_tet_and_gio_to)
{
    /* Thursdays from 1 February to 30 April 2024: February 1, 8, 15, 22,
     * 29; March 7, 14, 21, 28; April 4, 11, 18, 25: 13. Thursday 8 February
     * is Tết: the next working day is Thursday 15 February (9, 12, 13, 14
     * rest, 10 and 11 the weekend), already due: one due day. Thursday 18
     * April is Giỗ Tổ: Friday 19 April. 12 due days, 2 moved. The week of
     * Monday 29 April has its Thursday, 2 May, after the period */
    static const char *const days[] = { "02-01", "02-15", "02-22", "02-29", "03-07", "03-14", "03-21",
                                        "03-28", "04-04", "04-11", "04-19", "04-25" };
    const char *a = "", *b = "";
    for (unsigned i = 0; i < 12; i++) {
        a = arena_printf(&f->arena, "%s  reception 2024-%s { kind periodic }\n", a, days[i]);
        if (i != 3)     /* B skips Thursday 29 February */
            b = arena_printf(&f->arena, "%s  reception 2024-%s { kind periodic }\n", b, days[i]);
    }
    run_all(f, arena_printf(&f->arena,
                            "period 2024-02-01 .. 2024-04-30\n"
                            "commune \"A\" {\n%s}\n"
                            "commune \"B\" {\n%s  reception 2024-03-01 { kind ad_hoc }\n}\n%s",
                            a, b, WEEKLY_RULE));
    const RuleResult *rr = find_rule(f, "weekly");
    const Slots *sl = verdict_slots(verdict_of(f, rr, "commune A"));
    assert_int_equal(sl->expected, 12);
    assert_int_equal(sl->held, 12);
    assert_int_equal(sl->nmoved, 2);
    /* held on the moved day, Friday 19 April: counted in its week */
    assert_verdict(f, rr, "commune A", RESULT_PASS, "held 12 of 12 due; 2 due days moved off a rest day");
    /* B: the week of Monday 26 February (day 57 of 2024, (57 - 1) / 7 + 1
     * = week 9) is short; the ad_hoc reception of 1 March in it is no
     * periodic one */
    sl = verdict_slots(verdict_of(f, rr, "commune B"));
    assert_int_equal(sl->held, 11);
    assert_int_equal(sl->nmissed, 1);
    assert_int_equal(sl->due[0], ymd(2024, 2, 29));
    assert_verdict(f, rr, "commune B", RESULT_FAIL,
                   "held 11 of 12 due: short in 1 window (2024-W09 due 2024-02-29); 2 due days moved off a rest day");
}

TEST(schedule_weekly_held_on_the_holiday_itself)
{
    run_all(f, arena_printf(&f->arena,
                            "period 2024-02-05 .. 2024-02-18\n"
                            "commune \"A\" { reception 2024-02-08 { kind periodic } }\n"
                            "commune \"B\" { reception 2024-02-15 { kind periodic } }\n%s",
                            WEEKLY_RULE));
    /* Weeks 6 (5 .. 11 February) and 7 (12 .. 18 February). Thursday 8
     * February (Tết) moves to Thursday 15: week 6 has no due day, week 7
     * one. A held on the 8th, in week 6: week 7 is short. B: 1 of 1 */
    const RuleResult *rr = find_rule(f, "weekly");
    assert_verdict(f, rr, "commune A", RESULT_FAIL,
                   "held 1 of 1 due: short in 1 window (2024-W07 due 2024-02-15); 1 due day moved off a rest day");
    assert_verdict(f, rr, "commune B", RESULT_PASS, "held 1 of 1 due; 1 due day moved off a rest day");
}

TEST(schedule_twice_a_week_short_week_named)
{
    run_all(f, "period 2024-03-04 .. 2024-03-17\n"
               "commune \"A\" {\n"
               "  reception 2024-03-05 { }  reception 2024-03-07 { }\n"
               "  reception 2024-03-12 { }\n"
               "}\n"
               "rule twice \"T\" {\n  each commune\n  schedule reception { every week  times 2 }\n}\n");
    /* Monday 4 March is day 64 of 2024: week (64 - 1) / 7 + 1 = 10; weeks
     * 10 and 11, both whole: 4 due. Week 11 has 1 of 2 */
    const RuleResult *rr = find_rule(f, "twice");
    assert_verdict(f, rr, "commune A", RESULT_FAIL, "held 3 of 4 due: short in 1 window (2024-W11)");
}

TEST(schedule_not_held_with_reasons)
{
    run_all(f, arena_printf(&f->arena,
                            "period 2024-03-04 .. 2024-03-17\n"
                            "commune \"A\" {\n"
                            "  reception 2024-03-07 { kind periodic }\n"
                            "  reception 2024-03-14 { kind periodic  not_held \"Chủ tịch đi họp\" }\n"
                            "  reception 2024-03-15 { kind periodic  not_held ? }\n"
                            "  reception 2024-03-16 { kind ad_hoc  not_held \"Không có dân\" }\n"
                            "  reception 2024-05-09 { kind periodic  not_held \"Ngoài kỳ\" }\n"
                            "}\n%s",
                            WEEKLY_RULE));
    /* Thursdays 7 and 14 March: 2 due, none moved. Held: 7 March; the
     * 14th was not held: week 11 is short. Not held in the period, periodic:
     * the 14th (with its reason) and the 15th (none given) = 2; the ad_hoc
     * one is of another kind, 9 May is outside the period */
    const RuleResult *rr = find_rule(f, "weekly");
    const Slots *sl = verdict_slots(verdict_of(f, rr, "commune A"));
    assert_int_equal(sl->not_held, 2);
    assert_string_equal(sl->reasons, "\"Chủ tịch đi họp\"");
    assert_verdict(f, rr, "commune A", RESULT_FAIL,
                   "held 1 of 2 due: short in 1 window (2024-W11 due 2024-03-14); not held: 2 \"Chủ tịch đi họp\"");
}

static const char OWN_SESSIONS[] =
    "period 2024-03-04 .. 2024-03-17\n"
    "district \"D\" {\n"
    "  reception 2024-03-07 { kind periodic }\n"
    "  commune \"A\" {\n"
    "    reception 2024-03-14 { kind periodic }\n"
    "    reception 2024-03-12 { kind periodic  not_held \"Họp\" }\n"
    "  }\n"
    "}\n"
    "rule weekly \"T\" {\n  each district\n"
    "  schedule reception { kind periodic  every week  day thursday }\n}\n";

TEST(schedule_counts_the_subjects_own_sessions)
{
    run_all(f, OWN_SESSIONS);
    /* Thursdays 7 and 14 March: 2 due. The district's chairman received
     * on the 7th; commune A's reception of the 14th is the commune's, not
     * the district's (§9.1): week 11 is short */
    const Verdict *v = verdict_of(f, find_rule(f, "weekly"), "district D");
    assert_int_equal(v->status, RESULT_FAIL);
    assert_int_equal(verdict_slots(v)->expected, 2);
    assert_int_equal(verdict_slots(v)->held, 1);
    assert_int_equal(verdict_slots(v)->nmissed, 1);
    assert_int_equal(verdict_slots(v)->due[0], ymd(2024, 3, 14));
}

TEST(schedule_against_a_total_only)
{
    run_all(f, "period 2024\n"
               "commune \"A\" { receptions { periodic 2 } }\n"
               "commune \"B\" { receptions 14 { periodic 12  regular 2 } }\n"
               "rule monthly \"T\" {\n  each commune\n  schedule reception { kind periodic  every month }\n}\n");
    /* 12 months, once each: 12 due. The reports give totals only: A 2 of
     * 12 (10 short), B 12 of 12 */
    const RuleResult *rr = find_rule(f, "monthly");
    assert_counts(rr, RESULT_FAIL, 2, 1, 1, 0);
    const Verdict *v = verdict_of(f, rr, "commune A");
    assert_int_equal(verdict_slots(v)->expected, 12);
    assert_int_equal(verdict_slots(v)->held, 2);
    assert_true(verdict_slots(v)->held_known);
    assert_int_equal(verdict_why(v)->kind, NOTE_TOTAL_ONLY);
    assert_verdict(f, rr, "commune A", RESULT_FAIL,
                   "held 2 of 12 due: 10 short (counted from the period's total, as the sessions cannot be placed "
                   "in time: 'receptions.periodic' of commune A is given for the whole period, not by date)");
    assert_verdict(f, rr, "commune B", RESULT_PASS,
                   "held 12 of 12 due (counted from the period's total, as the sessions cannot be placed "
                   "in time: 'receptions.periodic' of commune B is given for the whole period, not by date)");
}

TEST(schedule_without_a_period)
{
    run_all(f, "commune \"A\" { reception 2024-03-07 { } }\n"
               "rule weekly \"T\" {\n  each commune\n  schedule reception { every week }\n}\n");
    const RuleResult *rr = find_rule(f, "weekly");
    assert_counts(rr, RESULT_UNKNOWN, 1, 0, 0, 1);
    assert_verdict(f, rr, "commune A", RESULT_UNKNOWN,
                   "the schedule cannot be counted: the report declares no period");
}

TEST(schedule_beyond_the_calendar)
{
    run_all(f, "period 2026-07 .. 2027-06\n"
               "commune \"A\" { reception 2026-07-02 { } }\n"
               "rule weekly \"T\" {\n  each commune\n  schedule reception { every week }\n}\n");
    /* vn covers 2019 .. 2026 */
    assert_verdict(f, find_rule(f, "weekly"), "commune A", RESULT_UNKNOWN,
                   "the schedule cannot be counted: the calendar vn does not cover 2027: declare that year's "
                   "holidays and working days, or write calendar none");
}

TEST(schedule_errors)
{
    model_of(f, "period 2024\n"                                                         /* 1 */
                "rule r1 {\n"                                                           /* 2 */
                "  each commune\n"                                                      /* 3 */
                "  require: receptions >= 1\n"                                          /* 4 */
                "  schedule reception { every week }\n"                                 /* 5 */
                "}\n"                                                                   /* 6 */
                "rule r2 {\n"                                                           /* 7 */
                "  each commune\n"                                                      /* 8 */
                "  each year\n"                                                         /* 9 */
                "  schedule reception { every week }\n"                                 /* 10 */
                "}\n"                                                                   /* 11 */
                "rule r3 {\n"                                                           /* 12 */
                "  schedule reception { every week }\n"                                 /* 13 */
                "  schedule dialogue { every year }\n"                                  /* 14 */
                "}\n"                                                                   /* 15 */
                "rule r4 { schedule { every week } }\n"                                 /* 16 */
                "rule r5 { schedule commune { every year } }\n"                         /* 17 */
                "rule r6 { schedule reception { every fortnight } }\n"                  /* 18 */
                "rule r7 { schedule reception { every week  times 0 } }\n"              /* 19 */
                "rule r8 { schedule reception { every week  times 1001 } }\n"           /* 20 */
                "rule r9 { schedule reception { every week  day thu } }\n"              /* 21 */
                "rule r10 { schedule reception { every week  at 14 } }\n"              /* 22 */
                "rule r11 { schedule reception { times 2 } }\n"                         /* 23 */
                "rule r12 { schedule reception { every month  day thursday } }\n"       /* 24 */
                "rule r13 { schedule reception { every week  times 2  day thursday } }\n" /* 25 */
                "rule r14 { schedule reception { every week  kind weekly } }\n");      /* 26 */
    /* each at the schedule's name (col 3 in a block written on its lines) */
    assert_diag_at(f, DIAG_ERROR,
                   "rule 'r1' has a require: condition and a schedule: give each its own rule", 5, 3);
    assert_diag_at(f, DIAG_ERROR,
                   "a schedule counts its own windows of time (every ...): its rule takes each KIND only", 10, 3);
    assert_diag_at(f, DIAG_ERROR, "a rule has one schedule", 14, 3);
    /* "rule r4 { " is 10 characters: schedule at col 11; its kind at 20 */
    assert_diag_at(f, DIAG_ERROR,
                   "write schedule SESSION_KIND { every UNIT  times N  kind PART  day WEEKDAY }, e.g. "
                   "schedule reception { kind periodic  every week  day thursday }", 16, 11);
    assert_diag_at(f, DIAG_ERROR,
                   "a schedule is of a session kind, such as dialogue or reception, not 'commune'", 17, 20);
    /* "rule r6 { schedule reception { every " is 37 characters */
    assert_diag_at(f, DIAG_ERROR, "write every year, every half, every quarter, every month or every week", 18, 38);
    /* "rule r7 { schedule reception { every week  times " is 49 */
    assert_diag_here(f, DIAG_ERROR, "write times N: the sessions due in each, from 1 to 1000", 19, 50);
    assert_diag_here(f, DIAG_ERROR, "write times N: the sessions due in each, from 1 to 1000", 20, 50);
    /* "rule r9 { schedule reception { every week  day " is 47 */
    assert_diag_at(f, DIAG_ERROR,
                   "write day monday, tuesday, wednesday, thursday, friday, saturday or sunday", 21, 48);
    /* "rule r10 { schedule reception { every week  " is 44 */
    assert_diag_at(f, DIAG_ERROR, "unknown part of a schedule 'at': use every, times, kind or day", 22, 45);
    /* "rule r11 { schedule " is 20: the session kind at 21 */
    assert_diag_at(f, DIAG_ERROR, "a schedule needs its frequency: every year, every month, every week ...", 23, 21);
    assert_diag_here(f, DIAG_ERROR, "day fixes the day of a schedule of once every week", 24, 21);
    assert_diag_here(f, DIAG_ERROR, "day fixes the day of a schedule of once every week", 25, 21);
    /* "rule r14 { schedule reception { every week  kind " is 49 */
    assert_diag_at(f, DIAG_ERROR, "unknown kind of session 'weekly': use periodic, regular, ad_hoc or leader", 26, 50);
    /* a rule whose schedule is refused says nothing more: the schedule's
     * error is the one to fix, not "has no condition" (r4 .. r14) */
    assert_no_diag(f, "has no condition");
    /* 3 + 11 refused schedules */
    assert_int_equal(f->diag.errors, 14);
    /* r3 keeps its first schedule; every other rule is refused */
    assert_non_null(f->model->rules);
    assert_string_equal(f->model->rules->id->text, "r3");
    assert_int_equal(f->model->rules->schedule->every, WIN_WEEK);
    assert_null(f->model->rules->next);
}

TEST(schedule_accepted_form)
{
    const Model *m = build_model(f, "rule weekly \"T\" {\n  each commune\n"
                                    "  schedule reception { kind periodic  every week  day thursday }\n}\n"
                                    "rule monthly \"T\" {\n  each commune\n"
                                    "  schedule dialogue { every month  times 1000 }\n}\n");
    const Schedule *sc = m->rules->schedule;
    assert_non_null(sc);
    assert_string_equal(sc->session->name->text, "reception");
    assert_string_equal(sc->kind->name->text, "periodic");
    assert_int_equal(sc->every, WIN_WEEK);
    assert_int_equal(sc->times, 1);         /* the default */
    assert_int_equal(sc->weekday, 3);       /* Monday 0 .. Thursday 3 */
    sc = m->rules->next->schedule;
    assert_int_equal(sc->every, WIN_MONTH);
    assert_int_equal(sc->times, 1000);
    assert_int_equal(sc->weekday, -1);
    assert_null(sc->kind);
}

/* ==== 6 sessions dated outside the period (model.c, spec §4.1) ================================= */

TEST(session_outside_the_period_warns)
{
    const char *text = "period 2020\n"                                 /* 1 */
                       "district \"D\" {\n"                            /* 2 */
                       "  commune \"A\" {\n"                           /* 3 */
                       "    dialogue 2021-01-15 { }\n"                 /* 4: col 5 */
                       "    dialogue 2020-12-31 { }\n"                 /* 5: inside */
                       "    dialogue 2021-01 { }\n"                    /* 6: a month wholly outside */
                       "    dialogue 2020-12 { }\n"                    /* 7: inside */
                       "    reception ? { }\n"                         /* 8: no date */
                       "  }\n"
                       "}\n"
                       "dialogue 2019-12-31 { }\n";                    /* 11: col 1 */
    build_model_files(f, &text, 1, false);
    assert_diag_here(f, DIAG_WARNING,
                     "dialogue 2021-01-15 in commune A is dated outside the report's period (2020-01-01 .. "
                     "2020-12-31): correct the date or the period", 4, 5);
    assert_diag_here(f, DIAG_WARNING,
                     "dialogue 2021-01 in commune A is dated outside the report's period (2020-01-01 .. "
                     "2020-12-31): correct the date or the period", 6, 5);
    assert_diag_here(f, DIAG_WARNING,
                     "dialogue 2019-12-31 in the report is dated outside the report's period (2020-01-01 .. "
                     "2020-12-31): correct the date or the period", 11, 1);
    assert_int_equal(f->diag.warnings, 3);
    assert_int_equal(f->diag.errors, 0);
}

TEST(session_month_partly_inside_does_not_warn)
{
    const char *text = "period 2020-01-15 .. 2020-06-10\n"
                       "commune \"A\" {\n"
                       "  dialogue 2020-01 { }\n"          /* 1 .. 31 January meets the period */
                       "  dialogue 2020-06 { }\n"          /* 1 .. 30 June too */
                       "  dialogue 2020-01-15 { }\n"       /* its first day */
                       "  dialogue 2020-06-10 { }\n"       /* its last day */
                       "  dialogue 2020-06-11 { }\n"       /* 7: the day after */
                       "}\n";
    build_model_files(f, &text, 1, false);
    assert_diag_here(f, DIAG_WARNING,
                     "dialogue 2020-06-11 in commune A is dated outside the report's period (2020-01-15 .. "
                     "2020-06-10): correct the date or the period", 7, 3);
    assert_int_equal(f->diag.warnings, 1);
}

TEST(session_outside_still_counts)
{
    run_all(f, "period 2022 .. 2023\n"
               "commune \"E\" { dialogue 2024-01-10 { } }\n"
               "indicator held \"T\" = dialogues\n"
               "rule yearly \"T\" {\n  each commune\n  each year\n  require: dialogues >= 1\n}\n");
    /* it counts in the period's total (1) but in no window of 2022 .. 2023 */
    assert_double_near(find_indicator(f, "held", NULL)->value.value, 1, 1e-12);
    assert_counts(find_rule(f, "yearly"), RESULT_FAIL, 2, 0, 2, 0);
}

/* ==== found by these tests, and fixed ========================================================= */

TEST(period_without_its_end)
{
    model_of(f, "period 2020-01-01 ..\n");
    /* messages §4.1: a required argument is missing, "period 2020-01-01 .."
     * gives "'{NAME}' is incomplete: write {USAGE}" at the name, {USAGE}
     * of period being the form of the table (once reported as "unexpected
     * '..' in 'period'" at the '..') */
    assert_diag_at(f, DIAG_ERROR,
                   "'period' is incomplete: write period START .. END, period 2020, period 2016 .. 2021, "
                   "period h1 2021, period q3 2024 or period 2021-02", 1, 1);
    assert_int_equal(f->diag.errors, 1);
}

TEST(schedule_not_held_of_a_sub_unit_is_its_own)
{
    run_all(f, OWN_SESSIONS);
    /* §9.1: the sessions not held are "the subject's own sessions, those
     * in its block, not its sub-units'". Commune A's reception not held on
     * 12 March is no session of district D, whose rolled-up
     * receptions_not_held.periodic (1) was once counted */
    const Verdict *v = verdict_of(f, find_rule(f, "weekly"), "district D");
    assert_int_equal(verdict_slots(v)->not_held, 0);
    assert_verdict(f, find_rule(f, "weekly"), "district D", RESULT_FAIL,
                   "held 1 of 2 due: short in 1 window (2024-W11 due 2024-03-14)");
}

TEST(schedule_every_year_over_900_years)
{
    run_all(f, "calendar none\n"
               "period 1200 .. 2099\n"
               "commune \"A\" { dialogue 1500-05-01 { } }\n"
               "rule yearly \"T\" {\n  each commune\n  schedule dialogue { every year }\n}\n");
    /* 900 yearly windows are far fewer than 10,000 (§7.4, messages §7: the
     * note is for "more windows than that"); with no calendar every year is
     * covered. 900 due, 1 held: short in 899 windows, the first twelve
     * named */
    const Verdict *v = verdict_of(f, find_rule(f, "yearly"), "commune A");
    assert_int_equal(v->status, RESULT_FAIL);
    assert_int_equal(verdict_slots(v)->expected, 900);
    assert_int_equal(verdict_slots(v)->held, 1);
    assert_int_equal(verdict_slots(v)->nmissed, 899);
}

TEST(each_month_over_9600_months)
{
    run_all(f, "calendar none\n"
               "period 1000 .. 1799\n"
               "commune \"A\" { households 3 }\n"
               "rule monthly \"T\" {\n  each commune\n  each month\n  require: households >= 1\n}\n");
    /* 800 years x 12 = 9,600 months: not more than 10,000 (§7.4) */
    const RuleResult *rr = find_rule(f, "monthly");
    assert_int_equal(rr->note.kind, NOTE_NONE);
    assert_counts(rr, RESULT_PASS, 9600, 9600, 0, 0);
}

TEST(rule_whose_only_window_is_cut)
{
    run_all(f, "period 2024-02-15 .. 2024-02-20\n"
               "commune \"A\" { dialogue 2024-02-16 { } }\n"
               "rule monthly \"T\" {\n  each commune\n  each month\n  require: dialogues >= 1\n}\n");
    /* February has working days outside the period: left out, and "a note
     * counts those left out" (§7.4). The report lists commune A, so "no
     * commune in this report to check" (§9: for a report that lists none,
     * once given here) would be wrong */
    const RuleResult *rr = find_rule(f, "monthly");
    assert_int_equal(rr->status, RESULT_UNKNOWN);
    assert_int_equal(rr->total, 0);
    assert_note(f, &rr->note, "1 month is only partly inside the report's period: not checked");
}

TEST(a_day_moved_out_of_the_period_is_not_counted)
{
    run_all(f, arena_printf(&f->arena,
                            "period 2024-04-01 .. 2024-04-18\n"
                            "commune \"A\" {\n"
                            "  reception 2024-04-04 { kind periodic }\n"
                            "  reception 2024-04-11 { kind periodic }\n"
                            "}\n%s",
                            WEEKLY_RULE));
    /* Thursdays 4, 11 and 18 April. The 18th (Giỗ Tổ) moves to Friday 19,
     * after the period: it is no due day ("only those inside the period").
     * 2 due, 2 held, and no due day was moved: the verdict does not say
     * "1 due day moved off a rest day" */
    const Verdict *v = verdict_of(f, find_rule(f, "weekly"), "commune A");
    assert_int_equal(verdict_slots(v)->expected, 2);
    assert_int_equal(verdict_slots(v)->nmoved, 0);
    assert_string_equal(failure_detail(f, find_rule(f, "weekly"), v), "held 2 of 2 due");
}

TEST(a_due_day_moved_into_the_period_counts)
{
    run_all(f, arena_printf(&f->arena,
                            "period 2024-04-19 .. 2024-05-05\n"
                            "commune \"A\" {\n"
                            "  reception 2024-04-19 { kind periodic }\n"
                            "  reception 2024-04-25 { kind periodic }\n"
                            "  reception 2024-05-02 { kind periodic }\n"
                            "}\n%s",
                            WEEKLY_RULE));
    /* Thursday 18 April (Giỗ Tổ, the day before the period) moves to
     * Friday 19 April, the period's first day: a due day inside the period
     * (§9.1: "that weekday, moved to the next working day ..., each due day
     * once and only those inside the period"). Due: 19 April, 25 April,
     * 2 May = 3, 1 moved (it was once dropped yet counted as moved) */
    const Verdict *v = verdict_of(f, find_rule(f, "weekly"), "commune A");
    assert_int_equal(verdict_slots(v)->expected, 3);
    assert_int_equal(verdict_slots(v)->nmoved, 1);
    assert_string_equal(failure_detail(f, find_rule(f, "weekly"), v),
                        "held 3 of 3 due; 1 due day moved off a rest day");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(window_of_each_unit),
        FIXTURE_TEST(window_boundaries),
        FIXTURE_TEST(iso_week_edges),
        FIXTURE_TEST(window_names_canonical),
        FIXTURE_TEST(window_names_refused),
        FIXTURE_TEST(window_name_label_round_trip),
        FIXTURE_TEST(period_year),
        FIXTURE_TEST(period_term),
        FIXTURE_TEST(period_first_half),
        FIXTURE_TEST(period_second_half),
        FIXTURE_TEST(period_quarter),
        FIXTURE_TEST(period_first_quarter),
        FIXTURE_TEST(period_second_quarter),
        FIXTURE_TEST(period_fourth_quarter),
        FIXTURE_TEST(period_month),
        FIXTURE_TEST(period_months),
        FIXTURE_TEST(period_months_leap_february),
        FIXTURE_TEST(period_days),
        FIXTURE_TEST(period_day_to_month),
        FIXTURE_TEST(period_one_day),
        FIXTURE_TEST(period_errors),
        FIXTURE_TEST(each_commune_each_year),
        FIXTURE_TEST(a_plain_note_is_kept_once),
        FIXTURE_TEST(total_only_is_unknown_in_a_year),
        FIXTURE_TEST(total_that_its_sessions_add_up_to),
        FIXTURE_TEST(window_holding_the_whole_period),
        FIXTURE_TEST(session_dated_to_the_month),
        FIXTURE_TEST(each_week_and_a_session_dated_to_the_month),
        FIXTURE_TEST(figure_without_time_axis_keeps_its_value),
        FIXTURE_TEST(figure_nobody_gives_is_unknown_in_a_window),
        FIXTURE_TEST(explicit_window_in_a_path),
        FIXTURE_TEST(a_breakdown_by_quarters_or_by_months),
        FIXTURE_TEST(each_month_period_starting_mid_month),
        FIXTURE_TEST(period_ending_on_a_saturday_keeps_the_last_month_and_week),
        FIXTURE_TEST(period_ending_on_a_thursday_cuts_the_last_month),
        FIXTURE_TEST(period_cut_on_a_holiday_keeps_the_year),
        FIXTURE_TEST(period_ending_saturday_30_december_holds_the_year),
        FIXTURE_TEST(two_years_cut_at_both_ends),
        FIXTURE_TEST(too_many_windows_are_refused),
        FIXTURE_TEST(passed_share_of_subjects_with_a_verdict),
        FIXTURE_TEST(passed_counts_the_subjects_a_lean_result_did_not_keep),
        FIXTURE_TEST(passed_in_a_rule_per_district),
        FIXTURE_TEST(passed_of_an_unknown_rule_is_an_error),
        FIXTURE_TEST(schedule_every_month_twice),
        FIXTURE_TEST(schedule_yearly_default_once),
        FIXTURE_TEST(schedule_prorated_half_rounds_up),
        FIXTURE_TEST(schedule_prorated_by_working_days_across_tet),
        FIXTURE_TEST(schedule_prorated_at_the_end),
        FIXTURE_TEST(schedule_window_cut_on_days_off_is_whole),
        FIXTURE_TEST(schedule_weekly_on_thursday_across_tet_and_gio_to),
        FIXTURE_TEST(schedule_weekly_held_on_the_holiday_itself),
        FIXTURE_TEST(schedule_twice_a_week_short_week_named),
        FIXTURE_TEST(schedule_not_held_with_reasons),
        FIXTURE_TEST(schedule_counts_the_subjects_own_sessions),
        FIXTURE_TEST(schedule_against_a_total_only),
        FIXTURE_TEST(schedule_without_a_period),
        FIXTURE_TEST(schedule_beyond_the_calendar),
        FIXTURE_TEST(schedule_errors),
        FIXTURE_TEST(schedule_accepted_form),
        FIXTURE_TEST(session_outside_the_period_warns),
        FIXTURE_TEST(session_month_partly_inside_does_not_warn),
        FIXTURE_TEST(session_outside_still_counts),
        FIXTURE_TEST(period_without_its_end),
        FIXTURE_TEST(schedule_not_held_of_a_sub_unit_is_its_own),
        FIXTURE_TEST(schedule_every_year_over_900_years),
        FIXTURE_TEST(each_month_over_9600_months),
        FIXTURE_TEST(rule_whose_only_window_is_cut),
        FIXTURE_TEST(a_day_moved_out_of_the_period_is_not_counted),
        FIXTURE_TEST(a_due_day_moved_into_the_period_counts),
    };
    return cmocka_run_group_tests_name("time", tests, NULL, NULL);
}
