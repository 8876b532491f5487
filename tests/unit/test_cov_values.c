/* test_cov_values.c - names and values where the other unit tests do not
 * go: the notice and conclusion of a session (§7.2), names of windows of
 * time that do not exist (§14.2), first arguments that are no kind
 * (§7.4), the value of an unknown whole from its parts (§5.4), a report
 * of many units, and the comparison of two periods row by row (§12.1,
 * compare.h). Expected values are worked out in comments. */
#include "support.h"

#include "run.h"

static const IndicatorResult *ind(Fixture *f, const char *id)
{
    return find_indicator(f, id, NULL);
}

/* ---- names in a session (§7.2) -------------------------------------------------- */

TEST(notice_and_conclusion_dates)
{
    run_all(f, "dialogue 2024-03-11 { notice \"1/TB\" 2024-03-01  conclusion \"2/TB\" 2024-03-15 }\n"
               "dialogue 2024-04-01 { notice \"3/TB\" 2024-03 }\n"
               "indicator ahead \"T\" = days(notice.date, date) { per dialogue }\n"
               "indicator after \"T\" = days(date, conclusion.date) { per dialogue }\n");
    /* 1 to 11 March: 10 days; 11 to 15 March: 4 days */
    const char *first = "dialogue 2024-03-11 in the report", *second = "dialogue 2024-04-01 in the report";
    assert_double_near(find_indicator(f, "ahead", first)->value.value, 10, 1e-9);
    assert_double_near(find_indicator(f, "after", first)->value.value, 4, 1e-9);
    /* the second notice is dated to the month; the second dialogue has no
     * conclusion (messages.md §7) */
    assert_string_equal(note_text(f, &find_indicator(f, "ahead", second)->note),
                        "the public notice's date is not known to the day");
    assert_string_equal(note_text(f, &find_indicator(f, "after", second)->note), "no conclusion notice is recorded");
}

/* ---- names that are wrong (§7, spec/messages.md §5) ------------------------------- */

typedef struct Wrong {
    const char *expr;
    const char *message;
    uint32_t col;
} Wrong;

TEST(wrong_names_in_expressions)
{
    /* each as the expression of `indicator x "T" = ` (18 characters, so the
     * expression starts at column 19) */
    static const Wrong cases[] = {
        { "period.start.day", "write period.start or period.end: the first or last day of the report's period", 19 },
        { "count(commune.x)", "the first argument of count() is a kind of unit or session, commune_level, opinion or "
                              "document", 25 },
        { "count(1)", "the first argument of count() is a kind of unit or session, commune_level, opinion or document",
          25 },
        /* windows of time that do not exist (§14.2): week 54, a week 52 of
         * 9999 (its Thursday would fall in 10000), month 13, quarter 5,
         * half 3, a year with a letter after it */
        { "gifts.w2024_54", "'w2024_54' is not a part of 'gifts'", 25 },
        { "gifts.w9999_52", "'w9999_52' is not a part of 'gifts'", 25 },
        { "gifts.m2024_13", "'m2024_13' is not a part of 'gifts'", 25 },
        { "gifts.q2024_5", "'q2024_5' is not a part of 'gifts'", 25 },
        { "gifts.h2024_3", "'h2024_3' is not a part of 'gifts'", 25 },
        { "gifts.y2024x", "'y2024x' is not a part of 'gifts'", 25 },
        { "gifts.m2024_1", "'m2024_1' is not a part of 'gifts'", 25 },
    };
    for (unsigned i = 0; i < sizeof cases / sizeof *cases; i++) {
        Fixture *g = NULL;
        void *state = NULL;
        assert_int_equal(fixture_setup(&state), 0);
        g = state;
        if (resolve(g, arena_printf(&g->arena, "indicator x \"T\" = %s\n", cases[i].expr)))
            fail_msg("%s was accepted", cases[i].expr);
        assert_diag_at(g, DIAG_ERROR, cases[i].message, 1, cases[i].col);
        fixture_release(g);
        fixture_teardown(&state);
    }
}

TEST(a_figure_compared_with_a_string)
{
    /* no attribute of §7.2: the string is no word to check, and a number
     * and a string cannot be compared (§7.3) */
    run_all(f, "invited 5\nindicator x \"T\" = invited == \"5\"\n");
    assert_false(ind(f, "x")->value.known);
    assert_string_equal(note_text(f, &ind(f, "x")->note), "these values cannot be compared");
}

TEST(the_last_week_of_9999)
{
    /* 9999-12-31 is a Friday: its week's Thursday is 30 December 9999, so
     * the week is w9999_52 of 9999, which the calendar cannot name in full
     * (§14.2: a week that exists): week 51 is the last there is */
    assert_true(resolve(f, "figure g2 \"G\" { by year }\ng2 1 { w9999_51 1 }\n"));
    assert_no_errors(f);
}

/* ---- the value of a whole from its parts (§5.4 step 2) --------------------------- */

TEST(unknown_whole_from_its_parts)
{
    run_all(f, "x ? { a 1  b 2 ... }\n"
               "y ? { a 9_000_000_000_000_000_000  b 9_000_000_000_000_000_000 }\n"
               "z ? { a 1  b 2 }\n"
               "indicator x \"T\" = x\nindicator y \"T\" = y\nindicator z \"T\" = z\n");
    /* a partial breakdown gives no value; parts beyond 64 bits give none
     * either; a complete one of known parts: 1 + 2 = 3 */
    assert_false(ind(f, "x")->value.known);
    assert_string_equal(note_text(f, &ind(f, "x")->note), "'x' is not known for the report");
    assert_false(ind(f, "y")->value.known);
    assert_double_near(ind(f, "z")->value.value, 3, 1e-9);
}

TEST(a_report_of_many_units)
{
    /* 300 communes of 1 invited each under one district declaring 300:
     * the roll-up is 300 = 300, every commune present */
    char *text = malloc(300 * 40 + 100);
    assert_non_null(text);
    size_t k = (size_t)sprintf(text, "district \"D\" {\n  invited 300\n");
    for (int i = 0; i < 300; i++)
        k += (size_t)sprintf(text + k, "  commune \"C%d\" { invited 1 }\n", i);
    sprintf(text + k, "}\n");
    run_checks(f, text);
    free(text);
    const Check *c = find_check(f, CHECK_ROLLUP, "district D: invited");
    assert_check(c, 300, 300, REL_EQ, RESULT_PASS);
    assert_int_equal(check_coverage(c).covered, 300);
    assert_int_equal(check_coverage(c).expected, 300);
}

/* ---- the previous period (§12.1, compare.h) -------------------------------------- */

static RunOutput run_text(const char *cur, const char *prev_path)
{
    MemoryFile m = { "cur.dlg", cur, strlen(cur) };
    const char *prev[] = { prev_path };
    RunOptions opt = { .writer = report_writer("text"), .memory = &m, .nmemory = 1, .previous = prev, .nprevious = 1 };
    return run_caught(&opt);
}

TEST(rows_that_one_period_lacks)
{
    char path[] = "/tmp/dlg-cov-values-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *fp = fdopen(fd, "w");
    assert_non_null(fp);
    fputs("period 2023\ninvited 4\n"
          "indicator gone \"T\" = invited\n"
          "indicator lost \"T\" = attended\n"
          "indicator back \"T\" = invited\n",
          fp);
    fclose(fp);
    RunOutput r = run_text("period 2024\ninvited 5\n"
                      "indicator lost \"T\" = invited\n"
                      "indicator back \"T\" = attended\n"
                      "indicator new \"T\" = invited\n",
                      path);
    assert_int_equal(r.status, 0);
    /* §12.1: a side without a value says so; rows only one report has are
     * listed with `not in this report` or `not in the previous report` */
    assert_non_null(strstr(r.out, "the previous report has no value"));
    assert_non_null(strstr(r.out, "this report has no value"));
    assert_non_null(strstr(r.out, "not in the previous report"));
    assert_non_null(strstr(r.out, "not in this report"));
    run_output_free(&r);
    remove(path);
}

/* ---- known bugs: behaviour that contradicts the spec, run only when
 * DLG_KNOWN_BUGS is set (tests/COVERAGE.md) ------------------------------------------ */

TEST(a_later_name_after_a_scope_name)
{
    /* spec §7.2 gives `conclusion` and `conclusion.date`; §7: "a later name
     * of a path that is not a part of a dimension of that figure" is an
     * error. `conclusion` is no figure, so `conclusion.number` names
     * nothing (dlg accepted it and evaluated it as unknown) */
    bool ok = resolve(f, "dialogue 2024-03-01 { conclusion \"1/TB\" 2024-03-05 }\n"
                         "indicator x \"T\" = conclusion.number { per dialogue }\n");
    if (ok || f->diag.errors == 0)
        fail_msg("conclusion.number was accepted without an error");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(notice_and_conclusion_dates),
        FIXTURE_TEST(wrong_names_in_expressions),
        FIXTURE_TEST(a_later_name_after_a_scope_name),
        FIXTURE_TEST(a_figure_compared_with_a_string),
        FIXTURE_TEST(the_last_week_of_9999),
        FIXTURE_TEST(unknown_whole_from_its_parts),
        FIXTURE_TEST(a_report_of_many_units),
        FIXTURE_TEST(rows_that_one_period_lacks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
