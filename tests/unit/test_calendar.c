/* test_calendar.c - the working-day calendar (interp/calendar.c, spec §4.6)
 * and the calendar dlg ships (lib/calendar/vn.dlg): Vietnamese state
 * offices, 2019-2026.
 *
 * Every expected value is worked out by hand from the research tables
 * behind vn.dlg (each year's Tết, 30/4-1/5, New Year and Quốc khánh
 * breaks and their make-up Saturdays), with the arithmetic in a comment;
 * none is copied from the program's output. "Weekdays after A up to B"
 * counts Monday-Friday days in (A, B]; working days are those weekdays
 * less the weekdays off, plus the make-up Saturdays worked in that range. */
#include "support.h"

#include "calendar.h"

/* ---- building ---------------------------------------------------------------------- */

/* A date written 20240208 as days since 1970-01-01. */
static int32_t day(long ymd)
{
    return date_to_days(date_make((int)(ymd / 10000), (unsigned)(ymd / 100 % 100), (unsigned)(ymd % 100), DATE_DAY));
}

/* The shipped calendar files (lib/calendar/), as a run names them, then
 * `report_text` as test.dlg; *ok is what calendar_finish() said. */
static Calendar *build(Fixture *f, const char *report_text, bool *ok)
{
    Calendar *c = calendar_new(&f->arena, &f->syms);
    assert_non_null(c);
    unsigned files = 0;
    for (const LibraryFile *lib = library_files; lib->name; lib++) {
        if (strncmp(lib->name, "calendar/", 9) != 0)
            continue;
        Source *src = source_from_bytes(&f->arena, arena_printf(&f->arena, "<dlg>/%s", lib->name), lib->bytes,
                                        lib->len);
        assert_non_null(src);
        calendar_declare(c, src, parse_source(src, &f->arena, &f->syms, &f->diag), &f->diag);
        files++;
    }
    assert_true(files >= 1);            /* lib/calendar/vn.dlg is compiled in */
    assert_no_errors(f);                /* and the shipped files are clean */
    parse_text(f, report_text);
    assert_no_errors(f);                /* the report text is good syntax */
    calendar_declare(c, f->src, f->items, &f->diag);
    *ok = calendar_finish(c, &f->diag);
    return c;
}

/* The shipped calendar with the report's own days, no error expected. */
static const Calendar *shipped(Fixture *f, const char *report_text)
{
    bool ok = false;
    Calendar *c = build(f, report_text, &ok);
    assert_no_errors(f);
    assert_true(ok);
    return c;
}

static bool is_working(const Calendar *c, long ymd)
{
    return calendar_is_working_day(c, day(ymd));
}

static void expect_working(const Calendar *c, long ymd, bool want, const char *what)
{
    if (is_working(c, ymd) != want)
        fail_msg("%s: %ld should %sbe a working day", what, ymd, want ? "" : "not ");
}

static void expect_count(const Calendar *c, long from, long to, int64_t want, const char *what)
{
    int64_t n = calendar_working_days(c, day(from), day(to));
    if (n != want)
        fail_msg("%s: %lld working days after %ld up to %ld, expected %lld", what, (long long)n, from, to,
                 (long long)want);
}

static bool str_is(Str s, const char *text)
{
    return s.len == strlen(text) && memcmp(s.ptr, text, s.len) == 0;
}

/* The one error, in test.dlg at line:col, with a message (its wording is
 * spec/messages.md's business, not this file's). */
static void assert_error_at(const Fixture *f, uint32_t line, uint32_t col)
{
    if (f->diag.errors != 1) {
        list_diags(f);
        fail_msg("%u errors, expected 1", (unsigned)f->diag.errors);
    }
    for (const Diagnostic *g = f->diag.first; g; g = g->next) {
        if (g->severity != DIAG_ERROR)
            continue;
        assert_ptr_equal(g->src, f->src);
        uint32_t l = 0, c = 0;
        diag_line_col(g, &l, &c);
        if (l != line || c != col) {
            list_diags(f);
            fail_msg("error at %u:%u, expected %u:%u", l, c, line, col);
        }
        assert_non_null(g->message);
        assert_true(g->message[0] != '\0');
        return;
    }
    fail_msg("no error diagnostic");
}

/* ---- one break: the days off, the days around it, a count across it -------------------- */

typedef struct Break {
    const char *what;
    long off[6];            /* the weekdays off, 0-terminated */
    long rest[4];           /* weekend days of the break, not worked; 0-terminated */
    long worked[2];         /* make-up weekend days, 0-terminated */
    long before, after;     /* the working weekdays just before and just after */
    long from, to;          /* a window across the break */
    int64_t count;          /* working days after `from` up to `to`, by hand */
} Break;

static void check_break(const Calendar *c, const Break *b)
{
    for (unsigned i = 0; i < 6 && b->off[i]; i++)
        expect_working(c, b->off[i], false, b->what);
    for (unsigned i = 0; i < 4 && b->rest[i]; i++)
        expect_working(c, b->rest[i], false, b->what);
    for (unsigned i = 0; i < 2 && b->worked[i]; i++)
        expect_working(c, b->worked[i], true, b->what);
    expect_working(c, b->before, true, b->what);
    expect_working(c, b->after, true, b->what);
    expect_count(c, b->from, b->to, b->count, b->what);
}

/* ---- Tết Nguyên đán, every year ---------------------------------------------------------- */

static const Break TET[] = {
    /* 2019 Kỷ Hợi: Mon 4/2-Fri 8/2 off (break Sat 2/2-Sun 10/2). Fri 1/2 to
     * Fri 15/2: weekdays 4-8, 11-15 = 10, less 5 off = 5. */
    { "Tết 2019", { 20190204, 20190205, 20190206, 20190207, 20190208 }, { 20190202, 20190203, 20190209, 20190210 },
      { 0 }, 20190201, 20190211, 20190201, 20190215, 5 },
    /* 2020 Canh Tý: Thu 23/1, Fri 24/1, Mon 27/1, nghỉ bù Tue 28/1, Wed 29/1
     * (mùng 1-2 on Sat/Sun 25-26/1). Wed 22/1 to Fri 31/1: weekdays 23, 24,
     * 27, 28, 29, 30, 31 = 7, less 5 = 2. */
    { "Tết 2020", { 20200123, 20200124, 20200127, 20200128, 20200129 }, { 20200125, 20200126 }, { 0 }, 20200122,
      20200130, 20200122, 20200131, 2 },
    /* 2021 Tân Sửu: Wed 10/2-Fri 12/2, nghỉ bù Mon 15/2, Tue 16/2. Tue 9/2 to
     * Fri 19/2: weekdays 10, 11, 12, 15, 16, 17, 18, 19 = 8, less 5 = 3. */
    { "Tết 2021", { 20210210, 20210211, 20210212, 20210215, 20210216 }, { 20210213, 20210214 }, { 0 }, 20210209,
      20210217, 20210209, 20210219, 3 },
    /* 2022 Nhâm Dần: Mon 31/1-Fri 4/2 (break Sat 29/1-Sun 6/2). Fri 28/1 to
     * Fri 11/2: weekdays 31/1-4/2, 7-11/2 = 10, less 5 = 5. */
    { "Tết 2022", { 20220131, 20220201, 20220202, 20220203, 20220204 }, { 20220129, 20220130, 20220205, 20220206 },
      { 0 }, 20220128, 20220207, 20220128, 20220211, 5 },
    /* 2023 Quý Mão: Fri 20/1, Mon 23/1, Tue 24/1, nghỉ bù Wed 25/1, Thu 26/1
     * (30 Chạp, mùng 1 on Sat/Sun 21-22/1). Thu 19/1 to Fri 3/2: weekdays 20,
     * 23-27, 30/1-3/2 = 1 + 5 + 5 = 11, less 5 = 6. */
    { "Tết 2023", { 20230120, 20230123, 20230124, 20230125, 20230126 }, { 20230121, 20230122 }, { 0 }, 20230119,
      20230127, 20230119, 20230203, 6 },
    /* 2024 Giáp Thìn: Thu 8/2, Fri 9/2, Mon 12/2, nghỉ bù Tue 13/2, Wed 14/2.
     * Fri 2/2 to Fri 23/2: weekdays 5-9, 12-16, 19-23 = 15, less 5 = 10. */
    { "Tết 2024", { 20240208, 20240209, 20240212, 20240213, 20240214 }, { 20240210, 20240211 }, { 0 }, 20240207,
      20240215, 20240202, 20240223, 10 },
    /* 2025 Ất Tỵ: Mon 27/1-Fri 31/1 (break Sat 25/1-Sun 2/2). Fri 24/1 to
     * Fri 7/2: weekdays 27-31/1, 3-7/2 = 10, less 5 = 5. */
    { "Tết 2025", { 20250127, 20250128, 20250129, 20250130, 20250131 }, { 20250125, 20250126, 20250201, 20250202 },
      { 0 }, 20250124, 20250203, 20250124, 20250207, 5 },
    /* 2026 Bính Ngọ: Mon 16/2-Fri 20/2 (break Sat 14/2-Sun 22/2). Fri 13/2 to
     * Fri 27/2: weekdays 16-20, 23-27 = 10, less 5 = 5. */
    { "Tết 2026", { 20260216, 20260217, 20260218, 20260219, 20260220 }, { 20260214, 20260215, 20260221, 20260222 },
      { 0 }, 20260213, 20260223, 20260213, 20260227, 5 },
};

TEST(tet_every_year)
{
    const Calendar *c = shipped(f, "");
    for (size_t i = 0; i < sizeof TET / sizeof *TET; i++)
        check_break(c, &TET[i]);
}

/* ---- 30/4 and 1/5, every year -------------------------------------------------------------- */

static const Break MAY_DAY[] = {
    /* 2019: Mon 29/4 swapped, Tue 30/4, Wed 1/5 off, worked Sat 4/5 (break
     * Sat 27/4-Wed 1/5). Fri 26/4 to Fri 10/5: weekdays 29/4-3/5, 6-10/5 =
     * 10, less 3 off, plus Sat 4/5 = 8. */
    { "30/4 2019", { 20190429, 20190430, 20190501 }, { 20190427, 20190428 }, { 20190504 }, 20190426, 20190502,
      20190426, 20190510, 8 },
    /* 2020: Thu 30/4, Fri 1/5, no swap. Wed 29/4 to Fri 8/5: weekdays 30, 1,
     * 4-8 = 7, less 2 = 5. */
    { "30/4 2020", { 20200430, 20200501 }, { 20200502, 20200503 }, { 0 }, 20200429, 20200504, 20200429, 20200508,
      5 },
    /* 2021: Fri 30/4, 1/5 a Saturday, nghỉ bù Mon 3/5. Thu 29/4 to Fri 7/5:
     * weekdays 30, 3-7 = 6, less 2 = 4. */
    { "30/4 2021", { 20210430, 20210503 }, { 20210501, 20210502 }, { 0 }, 20210429, 20210504, 20210429, 20210507,
      4 },
    /* 2022: 30/4 and 1/5 on Sat/Sun, nghỉ bù Mon 2/5, Tue 3/5. Fri 29/4 to
     * Fri 6/5: weekdays 2-6 = 5, less 2 = 3. */
    { "30/4 2022", { 20220502, 20220503 }, { 20220430, 20220501 }, { 0 }, 20220429, 20220504, 20220429, 20220506,
      3 },
    /* 2023: Giỗ Tổ Sat 29/4, 30/4 Sun, Mon 1/5, nghỉ bù Tue 2/5, Wed 3/5. Fri
     * 28/4 to Fri 5/5: weekdays 1-5 = 5, less 3 = 2. */
    { "30/4 2023", { 20230501, 20230502, 20230503 }, { 20230429, 20230430 }, { 0 }, 20230428, 20230504, 20230428,
      20230505, 2 },
    /* 2024: Mon 29/4 swapped, Tue 30/4, Wed 1/5 off, worked Sat 4/5. Fri 26/4
     * to Fri 10/5: weekdays 29/4-3/5, 6-10/5 = 10, less 3, plus Sat 4/5 = 8. */
    { "30/4 2024", { 20240429, 20240430, 20240501 }, { 20240427, 20240428 }, { 20240504 }, 20240426, 20240502,
      20240426, 20240510, 8 },
    /* 2025: worked Sat 26/4 (before the holiday), Wed 30/4, Thu 1/5 off, Fri
     * 2/5 swapped (break Wed 30/4-Sun 4/5). Fri 25/4 to Fri 9/5: weekdays
     * 28/4-2/5, 5-9/5 = 10, less 3, plus Sat 26/4 = 8. */
    { "30/4 2025", { 20250430, 20250501, 20250502 }, { 20250427, 20250503, 20250504 }, { 20250426 }, 20250429,
      20250505, 20250425, 20250509, 8 },
    /* 2026: Thu 30/4, Fri 1/5, no swap; Mon 27/4 is the nghỉ bù of Giỗ Tổ
     * (Sun 26/4). Fri 24/4 to Fri 8/5: weekdays 27/4-1/5, 4-8/5 = 10, less
     * 27/4, 30/4, 1/5 = 7. */
    { "30/4 2026", { 20260427, 20260430, 20260501 }, { 20260425, 20260426, 20260502, 20260503 }, { 0 }, 20260429,
      20260504, 20260424, 20260508, 7 },
};

TEST(may_day_every_year)
{
    const Calendar *c = shipped(f, "");
    for (size_t i = 0; i < sizeof MAY_DAY / sizeof *MAY_DAY; i++)
        check_break(c, &MAY_DAY[i]);
}

/* ---- the other make-up Saturdays ------------------------------------------------------------- */

static const Break OTHERS[] = {
    /* New Year 2019: Mon 31/12/2018 swapped, Tue 1/1 off, worked Sat 5/1.
     * Fri 28/12/2018 to Fri 11/1/2019: weekdays 31/12-4/1, 7-11/1 = 10, less
     * 2, plus Sat 5/1 = 9. */
    { "Tết Dương lịch 2019", { 20181231, 20190101 }, { 20181229, 20181230, 20190106 }, { 20190105 }, 20181228,
      20190102, 20181228, 20190111, 9 },
    /* New Year 2026: Thu 1/1 off, Fri 2/1 swapped, worked Sat 10/1. Wed
     * 31/12/2025 to Fri 16/1: weekdays 1-2, 5-9, 12-16 = 12, less 2, plus
     * Sat 10/1 = 11. */
    { "Tết Dương lịch 2026", { 20260101, 20260102 }, { 20260103, 20260104, 20260111 }, { 20260110 }, 20251231,
      20260105, 20251231, 20260116, 11 },
    /* Quốc khánh 2026: worked Sat 22/8 (before the holiday), Mon 31/8
     * swapped, Tue 1/9, Wed 2/9 off (break Sat 29/8-Wed 2/9). Fri 21/8 to
     * Fri 4/9: weekdays 24-28/8, 31/8-4/9 = 10, less 3, plus Sat 22/8 = 8. */
    { "Quốc khánh 2026", { 20260831, 20260901, 20260902 }, { 20260823, 20260829, 20260830 }, { 20260822 }, 20260828,
      20260903, 20260821, 20260904, 8 },
};

TEST(new_year_and_national_day_make_up_saturdays)
{
    const Calendar *c = shipped(f, "");
    for (size_t i = 0; i < sizeof OTHERS / sizeof *OTHERS; i++)
        check_break(c, &OTHERS[i]);
}

/* A whole year at a time, from the research's weekday summary: weekdays of
 * the year, less its weekdays off, plus its make-up Saturdays. */
TEST(working_days_of_each_year)
{
    const Calendar *c = shipped(f, "");
    /* 2019: 365 days from a Tuesday = 52 weeks + Tue = 261 weekdays; off 1/1,
     * 4-8/2, 15/4, 29/4, 30/4, 1/5, 2/9 = 11 (31/12/2018 is 2018's); worked
     * 5/1, 4/5 = 2: 261 - 11 + 2 = 252. */
    expect_count(c, 20181231, 20191231, 252, "2019");
    /* 2020: 366 days from a Wednesday = 52 weeks + Wed, Thu = 262; off 1/1,
     * 23, 24, 27, 28, 29/1, 2/4, 30/4, 1/5, 2/9 = 10: 262 - 10 = 252. */
    expect_count(c, 20191231, 20201231, 252, "2020");
    /* 2021: from a Friday, 52 weeks + Fri = 261; off 1/1, 10, 11, 12, 15,
     * 16/2, 21/4, 30/4, 3/5, 2/9, 3/9 = 11: 250. */
    expect_count(c, 20201231, 20211231, 250, "2021");
    /* 2022: from a Saturday, 52 weeks + Sat = 260; off 3/1, 31/1-4/2 (5),
     * 11/4, 2/5, 3/5, 1/9, 2/9 = 11: 249. */
    expect_count(c, 20211231, 20221231, 249, "2022");
    /* 2023: from a Sunday, 52 weeks + Sun = 260; off 2/1, 20, 23, 24, 25,
     * 26/1, 1/5, 2/5, 3/5, 1/9, 4/9 = 11: 249. */
    expect_count(c, 20221231, 20231231, 249, "2023");
    /* 2024: 366 days from a Monday = 52 weeks + Mon, Tue = 262; off 1/1, 8,
     * 9, 12, 13, 14/2, 18/4, 29/4, 30/4, 1/5, 2/9, 3/9 = 12; worked 4/5:
     * 262 - 12 + 1 = 251. */
    expect_count(c, 20231231, 20241231, 251, "2024");
    /* 2025: from a Wednesday, 52 weeks + Wed = 261; off 1/1, 27/1-31/1 (5),
     * 7/4, 30/4, 1/5, 2/5, 1/9, 2/9 = 12; worked 26/4: 261 - 12 + 1 = 250. */
    expect_count(c, 20241231, 20251231, 250, "2025");
    /* 2026: from a Thursday, 52 weeks + Thu = 261; off 1/1, 2/1, 16-20/2
     * (5), 27/4, 30/4, 1/5, 31/8, 1/9, 2/9 = 13; worked 10/1, 22/8: 261 - 13
     * + 2 = 250 (24/11 is not applied). */
    expect_count(c, 20251231, 20261231, 250, "2026");
}

/* ---- counting forward (Civil Code 2015, Điều 147, 148) ----------------------------------------- */

TEST(add_working_days_across_tet)
{
    const Calendar *c = shipped(f, "");
    int32_t out = 0;
    /* A conference on Fri 2/2/2024; the 10th working day after it: Mon 5 (1),
     * Tue 6 (2), Wed 7 (3), Thu 8-Wed 14 Tết, Thu 15 (4), Fri 16 (5), Mon 19
     * (6), Tue 20 (7), Wed 21 (8), Thu 22 (9), Fri 23 (10). */
    assert_true(calendar_add_working_days(c, day(20240202), 10, &out));
    assert_int_equal(out, day(20240223));
    /* The 3rd is Wed 7/2, the 4th jumps the break to Thu 15/2. */
    assert_true(calendar_add_working_days(c, day(20240202), 3, &out));
    assert_int_equal(out, day(20240207));
    assert_true(calendar_add_working_days(c, day(20240202), 4, &out));
    assert_int_equal(out, day(20240215));
    /* n = 0 is the day itself, even a holiday. */
    assert_true(calendar_add_working_days(c, day(20240208), 0, &out));
    assert_int_equal(out, day(20240208));
    /* From Fri 26/4/2024, the 2nd working day: Mon 29, Tue 30, Wed 1 off,
     * Thu 2/5 (1), Fri 3/5 (2); the 3rd is the make-up Sat 4/5. */
    assert_true(calendar_add_working_days(c, day(20240426), 2, &out));
    assert_int_equal(out, day(20240503));
    assert_true(calendar_add_working_days(c, day(20240426), 3, &out));
    assert_int_equal(out, day(20240504));
}

TEST(next_working_day)
{
    const Calendar *c = shipped(f, "");
    int32_t out = 0;
    /* Giỗ Tổ, Thu 18/4/2024 -> Fri 19/4. */
    assert_true(calendar_next_working_day(c, day(20240418), &out));
    assert_int_equal(out, day(20240419));
    /* Sat 27/4/2024: Sun 28, Mon 29 (swapped), Tue 30, Wed 1/5 off -> Thu 2/5. */
    assert_true(calendar_next_working_day(c, day(20240427), &out));
    assert_int_equal(out, day(20240502));
    /* A working day is its own next: Fri 3/5 and the make-up Sat 4/5. */
    assert_true(calendar_next_working_day(c, day(20240503), &out));
    assert_int_equal(out, day(20240503));
    assert_true(calendar_next_working_day(c, day(20240504), &out));
    assert_int_equal(out, day(20240504));
    /* Sun 5/5/2024 -> Mon 6/5. */
    assert_true(calendar_next_working_day(c, day(20240505), &out));
    assert_int_equal(out, day(20240506));
}

/* ---- what the calendar covers ------------------------------------------------------------------ */

TEST(covers_2019_to_2026)
{
    const Calendar *c = shipped(f, "");
    assert_string_equal(calendar_name(c), "vn");
    assert_true(str_is(calendar_title(c), "Ngày nghỉ lễ, Tết và ngày làm bù của cơ quan hành chính nhà nước"));
    int first = 0, last = 0;
    calendar_years(c, &first, &last);
    assert_int_equal(first, 2019);
    assert_int_equal(last, 2026);
    int year = 0;
    assert_true(calendar_covers(c, day(20190101), day(20261231), &year));
    assert_true(calendar_covers(c, day(20240202), day(20240223), &year));
    year = 0;
    assert_false(calendar_covers(c, day(20261215), day(20270115), &year));
    assert_int_equal(year, 2027);
    year = 0;
    assert_false(calendar_covers(c, day(20181215), day(20190115), &year));
    assert_int_equal(year, 2018);
    year = 0;
    assert_false(calendar_covers(c, day(20270101), day(20270101), &year));
    assert_int_equal(year, 2027);
}

TEST(report_days_cover_their_year)
{
    const Calendar *c = shipped(f, "holiday 2027-01-01 \"Tết Dương lịch\"\n");
    int year = 0;
    assert_true(calendar_covers(c, day(20261215), day(20270115), &year));
    assert_true(calendar_covers(c, day(20270101), day(20271231), &year));
    year = 0;
    assert_false(calendar_covers(c, day(20271215), day(20280115), &year));
    assert_int_equal(year, 2028);
    /* the report's day applies with the shipped ones: Fri 1/1/2027 */
    expect_working(c, 20270101, false, "report's own holiday");
    expect_working(c, 20261231, true, "Thu 31/12/2026");
    expect_working(c, 20240208, false, "Tết 2024 still applies");
}

/* ---- unverified and applied entries ------------------------------------------------------------- */

TEST(culture_day_is_declared_not_applied)
{
    const Calendar *c = shipped(f, "");
    uint32_t n = 0;
    const CalendarDay *const *days = calendar_unverified(c, &n);
    assert_int_equal(n, 1);
    assert_int_equal(days[0]->first, day(20261124));
    assert_int_equal(days[0]->last, day(20261124));
    assert_false(days[0]->working);
    assert_true(str_is(days[0]->name, "Ngày Văn hóa Việt Nam"));
    assert_true(days[0]->unverified.len > 0);
    assert_true(days[0]->source.len > 0);
    /* Tue 24/11/2026 is worked; Mon 23 to Fri 27/11: 4 weekdays after 23. */
    expect_working(c, 20261124, true, "Ngày Văn hóa Việt Nam (unverified)");
    expect_count(c, 20261123, 20261127, 4, "week of 24/11/2026");
}

TEST(every_shipped_day_names_its_source)
{
    const Calendar *c = shipped(f, "");
    uint32_t n = 0;
    const CalendarDay *const *days = calendar_applied(c, &n);
    /* vn.dlg's entries by year, less the unverified 24/11/2026: 2019 9
     * (from 31/12/2018), 2020 6, 2021 7, 2022 5, 2023 7, 2024 8, 2025 7,
     * 2026 9 = 58; of them make-up Saturdays 2 + 1 + 1 + 2 = 6. */
    assert_int_equal(n, 58);
    uint32_t working = 0;
    for (uint32_t i = 0; i < n; i++) {
        const CalendarDay *d = days[i];
        char buf[16];
        const char *when = date_format(date_from_days(d->first), buf);
        if (!d->calendar || strcmp(d->calendar->text, "vn") != 0)
            fail_msg("%s: not from calendar vn", when);
        if (d->source.len == 0)
            fail_msg("%s: no source", when);
        if (d->name.len == 0)
            fail_msg("%s: no name", when);
        if (d->unverified.len != 0)
            fail_msg("%s: an unverified day is applied", when);
        if (d->last < d->first)
            fail_msg("%s: ends before it starts", when);
        if (i && days[i - 1]->first > d->first)
            fail_msg("%s: not in date order", when);
        if (d->working) {
            working++;
            if (d->first != d->last || date_weekday(d->first) < 5)
                fail_msg("%s: a working day that is no single weekend day", when);
        }
    }
    assert_int_equal(working, 6);
    assert_int_equal(days[0]->first, day(20181231));
    assert_int_equal(days[n - 1]->last, day(20260902));
}

/* ---- calendar none ---------------------------------------------------------------------------- */

TEST(calendar_none_applies_only_the_reports_days)
{
    const Calendar *c = shipped(f, "calendar none\n"
                                   "holiday 2024-05-03 \"Nghỉ theo quyết định của UBND\"\n");
    assert_null(calendar_name(c));
    int first = -1, last = -1;
    calendar_years(c, &first, &last);
    assert_int_equal(first, 0);
    assert_int_equal(last, 0);
    expect_working(c, 20240208, true, "Tết 2024 under calendar none");
    expect_working(c, 20240429, true, "swapped Mon 29/4/2024 under calendar none");
    expect_working(c, 20240504, false, "make-up Sat 4/5/2024 under calendar none");
    expect_working(c, 20240503, false, "the report's own holiday");
    /* Fri 2/2 to Fri 23/2/2024: 15 weekdays, nothing off. */
    expect_count(c, 20240202, 20240223, 15, "Tết 2024 under calendar none");
    uint32_t n = 0;
    const CalendarDay *const *days = calendar_applied(c, &n);
    assert_int_equal(n, 1);
    assert_null(days[0]->calendar);
    assert_int_equal(days[0]->first, day(20240503));
    calendar_unverified(c, &n);
    assert_int_equal(n, 0);
}

TEST(calendar_vn_by_name)
{
    const Calendar *c = shipped(f, "calendar vn\n");
    assert_string_equal(calendar_name(c), "vn");
    expect_working(c, 20240208, false, "Tết 2024");
}

/* ---- errors ------------------------------------------------------------------------------------- */

TEST(working_day_on_a_weekday_is_an_error)
{
    bool ok = true;
    build(f, "# Fri 3/5/2024 is a working day already\n"
             "working_day 2024-05-03 \"Làm bù\"\n", &ok);
    assert_false(ok);
    assert_error_at(f, 2, 13);          /* at the date */
}

TEST(working_day_inside_a_holiday_is_an_error)
{
    bool ok = true;
    build(f, "calendar none\n"
             "holiday 2024-02-08 .. 2024-02-14 \"Tết Nguyên đán Giáp Thìn\"\n"
             "working_day 2024-02-10 \"Làm bù\"\n", &ok);
    assert_false(ok);
    assert_error_at(f, 3, 13);          /* at the working day's date */
}

TEST(working_day_inside_a_holiday_of_a_calendar_block)
{
    bool ok = true;
    build(f, "calendar t \"Thử\" {\n"
             "  covers 2024 .. 2024\n"
             "  holiday 2024-04-27 .. 2024-05-01 \"Ngày Chiến thắng 30/4 và Ngày Quốc tế Lao động 1/5\"\n"
             "  working_day 2024-04-28 \"Làm bù\"\n"
             "}\n"
             "calendar t\n", &ok);
    assert_false(ok);
    assert_error_at(f, 4, 15);          /* Sun 28/4 lies in 27/4-1/5 */
}

TEST(unknown_calendar_is_an_error)
{
    bool ok = true;
    build(f, "# no such calendar\n"
             "calendar nonexistent\n", &ok);
    assert_false(ok);
    assert_error_at(f, 2, 10);          /* at the name */
}

TEST(two_different_choices_are_an_error)
{
    bool ok = true;
    build(f, "calendar vn\n"
             "calendar none\n", &ok);
    assert_false(ok);
    assert_error_at(f, 2, 10);          /* at the second name */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(tet_every_year),
        FIXTURE_TEST(may_day_every_year),
        FIXTURE_TEST(new_year_and_national_day_make_up_saturdays),
        FIXTURE_TEST(working_days_of_each_year),
        FIXTURE_TEST(add_working_days_across_tet),
        FIXTURE_TEST(next_working_day),
        FIXTURE_TEST(covers_2019_to_2026),
        FIXTURE_TEST(report_days_cover_their_year),
        FIXTURE_TEST(culture_day_is_declared_not_applied),
        FIXTURE_TEST(every_shipped_day_names_its_source),
        FIXTURE_TEST(calendar_none_applies_only_the_reports_days),
        FIXTURE_TEST(calendar_vn_by_name),
        FIXTURE_TEST(working_day_on_a_weekday_is_an_error),
        FIXTURE_TEST(working_day_inside_a_holiday_is_an_error),
        FIXTURE_TEST(working_day_inside_a_holiday_of_a_calendar_block),
        FIXTURE_TEST(unknown_calendar_is_an_error),
        FIXTURE_TEST(two_different_choices_are_an_error),
    };
    return cmocka_run_group_tests_name("calendar", tests, NULL, NULL);
}
