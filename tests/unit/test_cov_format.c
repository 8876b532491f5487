/* test_cov_format.c - the sentences of results (format.h) that
 * tests/unit/test_format.c does not reach: every note against the
 * catalogue (spec/messages.md §7, spec/json.md §6.5), rule verdicts with
 * every operator and kind of value, conditions written over several
 * lines, and long check subjects (spec §6.1, §6.2). */
#include "support.h"

/* ---- notes: the catalogue's exact texts ----------------------------------------- */

/* A model with a commune A and an undated dialogue in it, for the notes
 * that name a place. */
static const char PLACES[] = "commune \"A\" { dialogue { } }\n";

static Selector selector(Fixture *f, const char *name)
{
    Selector s;
    assert_true(model_selector(f->vocab, sym(f, name), &s));
    return s;
}

static void assert_note_text(Fixture *f, Note n, const char *text)
{
    const char *got = format_note(&f->arena, &n);
    if (!got)
        fail_msg("no text, expected \"%s\"", text);
    assert_string_equal(got, text);
}

TEST(notes_of_checks)
{
    /* spec/json.md §6.5 */
    assert_null(format_note(&f->arena, &(Note){ .kind = NOTE_NONE }));
    assert_null(format_note(&f->arena, NULL));     /* a check with nothing to say */
    assert_note_text(f, (Note){ .kind = NOTE_TOO_LARGE }, "the numbers are too large to compare");
    assert_note_text(f, (Note){ .kind = NOTE_SUM_TOO_LARGE },
                     "the parts add up to more than a 64-bit count holds (9,223,372,036,854,775,807)");
    assert_note_text(f, (Note){ .kind = NOTE_NOT_FINITE }, "the computed value is too large to be a number");
    assert_note_text(f, (Note){ .kind = NOTE_PART_WOULD_BE, .name = sym(f, "pending"), .a = 10 },
                     "the unknown part 'pending' would be 10");
    assert_note_text(f, (Note){ .kind = NOTE_PARTS_UNKNOWN, .a = 1 }, "1 part is unknown");
    assert_note_text(f, (Note){ .kind = NOTE_PARTS_UNKNOWN, .a = 2 }, "2 parts are unknown");
    assert_note_text(f, (Note){ .kind = NOTE_CELL_INEXACT }, "a cell is unknown");
    assert_note_text(f, (Note){ .kind = NOTE_UNSTATUSED, .name = sym(f, "receptions"), .text = "kind" },
                     "some listed receptions have no kind");
    /* language §6.5: over 11_000 + about 3_600 is at least 14,241 */
    assert_note_text(f, (Note){ .kind = NOTE_APPROX_RANGE, .a = 14241, .x = 1 },
                     "computed from approximate figures: at least 14,241");
    assert_note_text(f, (Note){ .kind = NOTE_APPROX_RANGE, .a = 304, .b = 310 },
                     "computed from approximate figures: between 304 and 310");
    assert_note_text(f, (Note){ .kind = NOTE_NEGATIVE }, "a count cannot be negative");
    assert_note_text(f, (Note){ .kind = NOTE_PERCENT_DIFFERS, .x = 0.01 },
                     "the report's percentage differs from the computed one by more than one unit of its last "
                     "digit (0.01)");
}

TEST(notes_of_values)
{
    build_model(f, PLACES);
    const Node *a = child(f->model->root, "commune", "A");
    const Node *talk = child(a, "dialogue", NULL);
    Note mean_why = { .kind = NOTE_FIGURE_UNKNOWN, .text = "invited", .node = a };
    Note inner = { .kind = NOTE_NOT_BY_DATE, .text = "receptions.periodic", .node = a };
    /* spec/messages.md §7, in its order */
    assert_note_text(f, (Note){ .kind = NOTE_FIGURE_UNKNOWN, .text = "people", .node = f->model->root },
                     "'people' is not known for the report");
    assert_note_text(f, (Note){ .kind = NOTE_NO_KIND }, "the session's kind is not given");
    assert_note_text(f, (Note){ .kind = NOTE_NO_SCOPE }, "the session's scope is not given");
    assert_note_text(f, (Note){ .kind = NOTE_ZERO_DENOMINATOR }, "the denominator is zero");
    assert_note_text(f, (Note){ .kind = NOTE_PERCENT_NUMBERS }, "percent() needs numbers");
    assert_note_text(f, (Note){ .kind = NOTE_DIVISION_BY_ZERO }, "division by zero");
    assert_note_text(f, (Note){ .kind = NOTE_ARITH_NUMBERS }, "arithmetic needs numbers");
    assert_note_text(f, (Note){ .kind = NOTE_OUTSIDE_CALENDAR }, "the date falls outside the calendar");
    assert_note_text(f, (Note){ .kind = NOTE_WHOLE_DAYS }, "a date moves by whole days");
    assert_note_text(f, (Note){ .kind = NOTE_NOT_CONDITION },
                     "the condition is a value, not true or false: compare it, e.g. x >= 1");
    assert_note_text(f, (Note){ .kind = NOTE_MINMAX_NUMBERS }, "min() and max() need numbers");
    assert_note_text(f, (Note){ .kind = NOTE_NOT_NUMBER }, "the value is not a number");
    assert_note_text(f, (Note){ .kind = NOTE_CANNOT_COMPARE }, "these values cannot be compared");
    assert_note_text(f, (Note){ .kind = NOTE_NONE_LISTED_IN, .sel = selector(f, "commune"), .node = f->model->root },
                     "no commune is listed in the report (a report of totals only cannot give a share)");
    assert_note_text(f, (Note){ .kind = NOTE_NONE_LISTED_IN, .sel = selector(f, "opinion"), .node = a },
                     "no itemised opinion is listed in commune A (a report of totals only cannot give a share)");
    assert_note_text(f, (Note){ .kind = NOTE_NONE_LISTED, .sel = selector(f, "reception") }, "no reception is listed");
    /* a mean of 2 of 3 communes, one without invited */
    assert_note_text(f, (Note){ .kind = NOTE_MEAN_PARTIAL, .a = 2, .b = 3, .sel = selector(f, "commune"),
                                .inner = &mean_why },
                     "mean of 2 of 3 communes; the others have no value ('invited' is not known for commune A)");
    assert_note_text(f, (Note){ .kind = NOTE_NO_PERIOD }, "the report declares no period");
    assert_note_text(f, (Note){ .kind = NOTE_NEED_DATES }, "days() and working_days() need two dates");
    assert_note_text(f, (Note){ .kind = NOTE_DEADLINE_ARGS },
                     "deadline() and working_deadline() need a date and a number of days");
    assert_note_text(f, (Note){ .kind = NOTE_WHOLE_DAYS_COUNT }, "a deadline is a whole number of days, not negative");
    assert_note_text(f, (Note){ .kind = NOTE_CALENDAR_UNCOVERED, .a = 2027, .text = "vn" },
                     "the calendar vn does not cover 2027: declare that year's holidays and working days, or "
                     "write calendar none");
    assert_note_text(f, (Note){ .kind = NOTE_NO_NOTICE }, "no public notice is recorded");
    assert_note_text(f, (Note){ .kind = NOTE_NOTICE_DATE }, "the public notice's date is not known to the day");
    assert_note_text(f, (Note){ .kind = NOTE_SESSION_DATE }, "the session's date is not known to the day");
    assert_note_text(f, (Note){ .kind = NOTE_NO_CONCLUSION }, "no conclusion notice is recorded");
    assert_note_text(f, (Note){ .kind = NOTE_CONCLUSION_DATE }, "the conclusion notice's date is not known to the day");
    assert_note_text(f, (Note){ .kind = NOTE_DATE_NOT_DAY }, "a date in an expression must be given to the day");
    assert_note_text(f, (Note){ .kind = NOTE_NO_TOPIC }, "the opinion has no topic");
    assert_note_text(f, (Note){ .kind = NOTE_NO_STATUS }, "the opinion has no status");
    assert_note_text(f, (Note){ .kind = NOTE_NO_SATISFIED }, "satisfaction is not given");
    assert_note_text(f, (Note){ .kind = NOTE_OPINION_HAS_NO, .name = sym(f, "invited") },
                     "an opinion has no 'invited'");
    assert_note_text(f, (Note){ .kind = NOTE_WRITTEN_UNKNOWN }, "written as '?'");
    assert_note_text(f, (Note){ .kind = NOTE_NOT_A_NUMBER }, "the expression is not a number");
    assert_note_text(f, (Note){ .kind = NOTE_FROM_APPROX_FIGURE }, "computed from an approximate figure");
    assert_note_text(f, (Note){ .kind = NOTE_VALUE_MISSING }, "a value is missing");
    assert_note_text(f, (Note){ .kind = NOTE_UNDATED, .node = talk },
                     "dialogue (undated) in commune A has no date to the day");
    assert_note_text(f, (Note){ .kind = NOTE_UNDATED_ENTRY, .text = "a document", .node = a },
                     "a document listed in commune A has no date to the day");
    assert_note_text(f, (Note){ .kind = NOTE_NOT_BY_DATE, .text = "dialogues", .node = a },
                     "'dialogues' of commune A is given for the whole period, not by date");
    assert_note_text(f, (Note){ .kind = NOTE_EDGES_LEFT_OUT, .a = 1, .sel = selector(f, "year") },
                     "1 year is only partly inside the report's period: not checked");
    assert_note_text(f, (Note){ .kind = NOTE_EDGES_LEFT_OUT, .a = 2, .sel = selector(f, "month") },
                     "2 months are only partly inside the report's period: not checked");
    assert_note_text(f, (Note){ .kind = NOTE_TOO_MANY_WINDOWS, .a = 10000 },
                     "the period holds more than 10000 windows of time: not counted");
    assert_note_text(f, (Note){ .kind = NOTE_TOTAL_ONLY, .inner = &inner },
                     "counted from the period's total, as the sessions cannot be placed in time: "
                     "'receptions.periodic' of commune A is given for the whole period, not by date");
    assert_note_text(f, (Note){ .kind = NOTE_VERDICTS_UNKNOWN, .name = sym(f, "yearly") },
                     "rule 'yearly' is unknown for every subject here");
    assert_note_text(f, (Note){ .kind = NOTE_NO_VERDICT, .name = sym(f, "yearly") }, "rule 'yearly' has no subject here");
    assert_note_text(f, (Note){ .kind = NOTE_SOME_UNKNOWN, .a = 3, .b = 9 },
                     "3 of 9 subjects have no verdict and are left out");
}

TEST(notes_of_rules)
{
    build_model(f, PLACES);
    /* spec/messages.md §7, the paragraph after the table; language §9 */
    assert_note_text(f, (Note){ .kind = NOTE_NO_SUBJECT, .sel = selector(f, "dialogue") },
                     "no dialogue in this report to check");
    assert_note_text(f, (Note){ .kind = NOTE_NO_SUBJECT, .sel = selector(f, "commune_level") },
                     "no commune in this report to check");
    assert_note_text(f, (Note){ .kind = NOTE_NONE_MEETS_WHERE, .sel = selector(f, "district") },
                     "no district meets the where: condition");
    assert_note_text(f, (Note){ .kind = NOTE_REPORT_NOT_WHERE }, "the report does not meet the where: condition");
}

/* ---- rule verdicts (§9) ----------------------------------------------------------- */

static const char *verdict_text(Fixture *f, const char *rule)
{
    const RuleResult *rr = find_rule(f, rule);
    assert_non_null(rr->verdicts);
    return format_verdict(&f->arena, rr->def, rr->verdicts);
}

TEST(verdicts_with_every_operator_and_value)
{
    run_all(f, "a 7\nb 2\n"
               "rule ne \"T\": a != b\n"
               "rule lt \"T\": b < a\n"
               "rule gt \"T\": b > a\n"
               "rule half \"T\": a / b > 3\n"
               "rule bools \"T\": (a > b) == true\n"
               "rule days \"T\": 2024-01-01 + a == 2024-01-08\n"
               "rule words \"T\": \"x\" != \"y\"\n"
               "rule both \"T\": a > 1 and b > 1\n"
               "rule either \"T\": a > 10 or b > 10\n");
    /* 7 != 2 holds; 2 < 7 holds; 2 > 7 does not; 7 / 2 = 3.5 > 3 holds,
     * shown with two decimals */
    assert_string_equal(verdict_text(f, "ne"), "a != b holds: 7 != 2");
    assert_string_equal(verdict_text(f, "lt"), "b < a holds: 2 < 7");
    assert_string_equal(verdict_text(f, "gt"), "b > a is false: 2 > 7 does not hold");
    assert_string_equal(verdict_text(f, "half"), "a / b > 3 holds: 3.50 > 3");
    assert_string_equal(verdict_text(f, "bools"), "(a > b) == true holds: true == true");
    /* 1 January 2024 + 7 days = 8 January */
    assert_string_equal(verdict_text(f, "days"), "2024-01-01 + a == 2024-01-08 holds: 2024-01-08 == 2024-01-08");
    assert_string_equal(verdict_text(f, "words"), "\"x\" != \"y\" holds: \"x\" != \"y\"");
    /* not a comparison: no values are shown */
    assert_string_equal(verdict_text(f, "both"), "a > 1 and b > 1 holds");
    assert_string_equal(verdict_text(f, "either"), "a > 10 or b > 10 is false");
}

TEST(condition_written_over_several_lines)
{
    run_all(f, "a 7\n"
               "rule long \"T\" {\n"
               "  require: a > 1   # more than one\n"
               "           and\t\"a\\\"b\" != \"c\"\r\n"
               "           and a < 10\n"
               "}\n");
    /* each run of white space and each comment is one space; a string,
     * with its escapes, is kept as written */
    assert_string_equal(verdict_text(f, "long"), "a > 1 and \"a\\\"b\" != \"c\" and a < 10 holds");
    /* made once, with the rule, while its file is there to read */
    assert_string_equal(find_rule(f, "long")->def->condition, "a > 1 and \"a\\\"b\" != \"c\" and a < 10");
}

TEST(verdict_subject_of_a_part)
{
    run_all(f, "people 10 { district_level 4  commune_level 6 }\n"
               "rule lv \"T\" {\n  each level\n  require: people >= 5\n}\n");
    /* per part of `level` (province_level, district_level, commune_level):
     * people is that part's cell, unknown, 4 and 6 (§7.4) */
    const RuleResult *rr = find_rule(f, "lv");
    assert_int_equal(rr->total, 3);
    const Verdict *v = rr->verdicts;
    assert_string_equal(failure_subject(f, v), "the report, level province_level");
    assert_string_equal(failure_detail(f, rr, v), "people >= 5 is unknown: 'people.province_level' is not known for "
                                                  "the report");
    v = v->next;
    assert_string_equal(failure_subject(f, v), "the report, level district_level");
    assert_string_equal(failure_detail(f, rr, v), "people >= 5 is false: 4 >= 5 does not hold");
    v = v->next;
    assert_string_equal(failure_subject(f, v), "the report, level commune_level");
    assert_string_equal(failure_detail(f, rr, v), "people >= 5 holds: 6 >= 5");
}

/* ---- long check subjects (§6.1, §6.2) ------------------------------------------------ */

TEST(partial_breakdown_after_five_parts)
{
    run_checks(f, "x 100 { a 1  b 2  c 3  d 4  e 5  g 6 ... }\n");
    /* 1 + 2 + 3 + 4 + 5 + 6 = 21 <= 100; five parts named, then the count,
     * and a partial breakdown ends with "+ ..." */
    const Check *c = find_check(f, CHECK_SUM, "x =");
    assert_check(c, 100, 21, REL_GE, RESULT_PASS);
    assert_string_equal(subject_text(f, c), "the report: x = a + b + c + d + e + ... (6 parts) + ...");
}

TEST(table_after_five_rows)
{
    run_checks(f, "p 12 {\n"
                  "  a 2 { x 1  y 1 }\n  b 2 { x 1  y 1 }\n  c 2 { x 1  y 1 }\n"
                  "  d 2 { x 1  y 1 }\n  e 2 { x 1  y 1 }\n  g 2 { x 1  y 1 }\n"
                  "} {\n  x 6  y 6\n}\n");
    /* column x: 1 + 1 + 1 + 1 + 1 + 1 = 6 = 6; five rows named, then the
     * count of every row (spec §6.2) */
    const Check *c = find_check(f, CHECK_TABLE, "p.x =");
    assert_check(c, 6, 6, REL_EQ, RESULT_PASS);
    assert_string_equal(subject_text(f, c), "the report: p.x = a.x + b.x + c.x + d.x + e.x + ... (6 rows)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(notes_of_checks),
        FIXTURE_TEST(notes_of_values),
        FIXTURE_TEST(notes_of_rules),
        FIXTURE_TEST(verdicts_with_every_operator_and_value),
        FIXTURE_TEST(condition_written_over_several_lines),
        FIXTURE_TEST(verdict_subject_of_a_part),
        FIXTURE_TEST(partial_breakdown_after_five_parts),
        FIXTURE_TEST(table_after_five_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
