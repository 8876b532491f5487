/* test_cov_calendar.c - the calendar's items (spec §4.6; interp/calendar.c)
 * where tests/unit/test_calendar.c does not go: each wrong form of
 * spec/messages.md §4.7 at its line and column, a calendar of the
 * report's own, and the calendar's answers to calendar.h's questions.
 *
 * As a run does (run.c): the shipped calendar file first, then the test's
 * file "test.dlg", then calendar_finish(). Columns count characters from 1. */
#include "support.h"

/* The calendar of the shipped files and this text; calendar_finish()'s answer. */
static bool calendar_of(Fixture *f, const char *text)
{
    parse_text(f, text);
    assert_no_errors(f);
    Source *own = f->src;
    Item *items = f->items;
    f->calendar = calendar_new(&f->arena, &f->syms);
    assert_non_null(f->calendar);
    for (const LibraryFile *lib = library_files; lib->name; lib++) {
        if (strncmp(lib->name, "calendar/", 9) != 0)
            continue;
        Source *src = source_from_bytes(&f->arena, arena_printf(&f->arena, "<dlg>/%s", lib->name), lib->bytes,
                                        lib->len);
        assert_non_null(src);
        calendar_declare(f->calendar, src, parse_source(src, &f->arena, &f->syms, &f->diag), &f->diag);
    }
    calendar_declare(f->calendar, own, items, &f->diag);
    return calendar_finish(f->calendar, &f->diag);
}

typedef struct Case {
    const char *name;
    const char *text;
    const char *message;
    uint32_t line, col;
} Case;

static const char CHOOSE[] = "write calendar NAME to choose a calendar (calendar none for none), or calendar NAME "
                             "\"TITLE\" { covers ... holiday ... working_day ... } to declare one";
static const char COVERS[] = "covers takes two years from 1 to 9999, the first not after the last";

static const Case CASES[] = {
    { "holiday_with_a_binding", "holiday 2024-01-01 = 1", "'holiday' takes no expression after '='", 1, 22 },
    { "source_a_number", "holiday 2024-01-01 { source 5 }", "unexpected number in 'source': write source \"DOCUMENT\"",
      1, 29 },
    { "unverified_with_a_block", "holiday 2024-01-01 { unverified \"x\" { } }", "'unverified' takes no block { ... }",
      1, 37 },
    { "holiday_to_a_month", "holiday 2024-01-01 .. 2024-02", "a holiday needs a full date (day, month and year)", 1,
      23 },
    { "working_day_a_month", "working_day 2024-05", "a working day needs a full date (day, month and year)", 1, 13 },
    { "working_day_a_string", "working_day \"x\"",
      "unexpected string in 'working_day': write working_day DATE [\"NAME\"], e.g. working_day 2024-05-04 \"Làm bù\"", 1,
      13 },
    { "holiday_a_string", "holiday \"x\"", "unexpected string in 'holiday': write holiday DATE [.. DATE] [\"NAME\"]", 1,
      9 },
    { "holiday_range_without_end", "holiday 2024-01-01 ..", "write a holiday of several days as holiday FIRST .. LAST",
      1, 9 },
    { "covers_with_a_block", "calendar x \"X\" { covers 2019 { } }", "'covers' takes no block { ... }", 1, 30 },
    { "covers_a_string", "calendar x \"X\" { covers \"2019\" }",
      "unexpected string in 'covers': write covers FIRST_YEAR .. LAST_YEAR, e.g. covers 2019 .. 2026", 1, 25 },
    { "covers_year_0", "calendar x \"X\" { covers 0 }", COVERS, 1, 25 },
    { "covers_year_10000", "calendar x \"X\" { covers 2019 .. 10000 }", COVERS, 1, 25 },
    { "covers_first_year_10000", "calendar x \"X\" { covers 10000 }", COVERS, 1, 25 },
    { "vn_declared_again", "calendar vn \"Lịch\" { }", "calendar 'vn' is declared twice", 1, 10 },
    { "a_calendar_named_none", "calendar none \"X\" { }", "'none' means no calendar: give the calendar another name", 1,
      10 },
    { "two_choices", "calendar vn\ncalendar none", "the report is counted with one calendar: 'none' here, 'vn' before",
      2, 10 },
    { "calendar_a_string", "calendar \"vn\"", CHOOSE, 1, 10 },
    { "calendar_two_titles", "calendar x \"X\" \"Y\" { }", CHOOSE, 1, 10 },
    { "calendar_with_a_binding", "calendar x = 1", CHOOSE, 1, 10 },
    { "calendar_a_number_and_a_block", "calendar x 5 { }", CHOOSE, 1, 10 },
};

enum { NCASES = sizeof CASES / sizeof *CASES };

static const Case *current;

static int case_setup(void **state)
{
    current = *state;
    return fixture_setup(state);
}

static void run_case(void **state)
{
    Fixture *f = *state;
    const Case *c = current;
    if (calendar_of(f, c->text))
        fail_msg("%s: the calendar was accepted", c->name);
    const Diagnostic *g = NULL;
    for (const Diagnostic *d = f->diag.first; d && !g; d = d->next)
        if (d->severity == DIAG_ERROR && strcmp(d->message, c->message) == 0)
            g = d;
    if (!g) {
        list_diags(f);
        fail_msg("%s: no error \"%s\"", c->name, c->message);
    }
    uint32_t line, col;
    diag_line_col(g, &line, &col);
    if (line != c->line || col != c->col || strcmp(g->src->name, "test.dlg") != 0) {
        list_diags(f);
        fail_msg("%s: \"%s\" at %s:%u:%u, expected test.dlg:%u:%u", c->name, c->message, g->src->name, line, col,
                 c->line, c->col);
    }
    fixture_release(f);
}

/* ---- what is accepted, and what the calendar answers ------------------------------ */

TEST(notes_that_follow_the_errors)
{
    assert_false(calendar_of(f, "calendar vn\ncalendar none"));
    /* the note of the first choice follows the error (messages.md §4.7) */
    const Diagnostic *g = diag_exact(f, DIAG_ERROR, "the report is counted with one calendar: 'none' here, 'vn' before");
    assert_non_null(g->next);
    assert_int_equal(g->next->severity, DIAG_NOTE);
    assert_string_equal(g->next->message, "chosen here");
    uint32_t line, col;
    diag_line_col(g->next, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 10);
}

TEST(the_same_choice_twice)
{
    assert_true(calendar_of(f, "calendar vn\ncalendar vn\n"));
    assert_string_equal(calendar_name(f->calendar), "vn");
}

TEST(a_calendar_of_the_reports_own)
{
    /* covers one year, 2030; 1 May 2030 is a Wednesday, declared a holiday */
    assert_true(calendar_of(f, "calendar x \"Lịch riêng\" {\n  covers 2030\n  holiday 2030-05-01 \"Quốc tế lao động\"\n}\n"
                               "calendar x\n"));
    assert_string_equal(calendar_name(f->calendar), "x");
    assert_str(calendar_title(f->calendar), "Lịch riêng");
    int first, last, year = 0;
    calendar_years(f->calendar, &first, &last);
    assert_int_equal(first, 2030);
    assert_int_equal(last, 2030);
    Date d29 = { 2030, 4, 29, DATE_DAY }, d3 = { 2030, 5, 3, DATE_DAY }, d2031 = { 2031, 1, 2, DATE_DAY };
    assert_true(calendar_covers(f->calendar, date_to_days(d29), date_to_days(d3), &year));
    assert_false(calendar_covers(f->calendar, date_to_days(d29), date_to_days(d2031), &year));
    assert_int_equal(year, 2031);
    /* after Monday 29 April up to Friday 3 May: Tuesday 30, Thursday 2,
     * Friday 3 (Wednesday 1 May is a holiday) = 3 working days */
    assert_int_equal(calendar_working_days(f->calendar, date_to_days(d29), date_to_days(d3)), 3);
}

TEST(no_calendar)
{
    assert_true(calendar_of(f, "calendar none\n"));
    assert_null(calendar_name(f->calendar));
    assert_null(calendar_title(f->calendar).ptr);
}

TEST(calendar_items_are_known_by_name)
{
    /* calendar.h: the items the calendar reads, whatever their form */
    assert_true(calendar_of(f, "holiday 2024-01-02\nworking_day 2024-01-06\ncalendar vn\ninvited 5\n"));
    const Item *it = f->items;
    assert_true(calendar_is_item(f->calendar, it));
    assert_true(calendar_is_item(f->calendar, it->next));
    assert_true(calendar_is_item(f->calendar, it->next->next));
    assert_false(calendar_is_item(f->calendar, it->next->next->next));
}

int main(void)
{
    struct CMUnitTest tests[NCASES + 5];
    for (unsigned i = 0; i < NCASES; i++)
        tests[i] = (struct CMUnitTest){ CASES[i].name, run_case, case_setup, fixture_teardown, (void *)&CASES[i] };
    tests[NCASES] = (struct CMUnitTest)FIXTURE_TEST(notes_that_follow_the_errors);
    tests[NCASES + 1] = (struct CMUnitTest)FIXTURE_TEST(the_same_choice_twice);
    tests[NCASES + 2] = (struct CMUnitTest)FIXTURE_TEST(a_calendar_of_the_reports_own);
    tests[NCASES + 3] = (struct CMUnitTest)FIXTURE_TEST(no_calendar);
    tests[NCASES + 4] = (struct CMUnitTest)FIXTURE_TEST(calendar_items_are_known_by_name);
    return _cmocka_run_group_tests("calendar", tests, NCASES + 5, NULL, NULL);
}
