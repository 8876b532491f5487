/* test_cov_check.c - the checks of spec §6 where tests/unit/test_check.c
 * does not go: approximate wholes under `>=` (§6.5), unknown parts of an
 * approximate sum, unknown and undeclared table cells (§6.2), declared
 * counts of child units of 0 and beyond 2^32 (§6.3), children expected
 * when the count is unknown or the kind counts nothing. Every expected
 * number is worked out in a comment. */
#include "support.h"

/* ---- sums (§6.1, §6.5) ---------------------------------------------------------- */

TEST(unknown_part_of_an_approximate_sum)
{
    run_checks(f, "x about 10 { a 5  b ? }\n"
                  "y 10 { a ~5  b ? }\n"
                  "z 10 { a 5  b ? ... }\n");
    /* the part that would be needed is given only for a complete breakdown
     * of an exact whole with exact parts (§6.1); otherwise the unknown parts
     * are counted */
    const char *notes[] = { "x =", "y =", "z =" };
    for (unsigned i = 0; i < 3; i++) {
        const Check *c = find_check(f, CHECK_SUM, notes[i]);
        assert_int_equal(c->status, RESULT_UNKNOWN);
        assert_string_equal(note_text(f, check_note(c)), "1 part is unknown");
    }
}

TEST(approximate_whole_of_a_partial_breakdown)
{
    /* §6.5: under >= the upper end is N + tolerance for about N (300 + 30 =
     * 330), N for nearly N, none for over N */
    run_checks(f, "opinions about 300 { resolved 100 ... }\n");
    const Check *c = find_check(f, CHECK_SUM, "opinions =");
    assert_check(c, 300, 100, REL_GE, RESULT_PASS);
    assert_double_near(check_tolerance(c), 30, 1e-9);
}

TEST(approximate_whole_of_a_partial_breakdown_that_fails)
{
    /* 320 + 20 = 340 > 330 (§6.5) */
    run_checks(f, "opinions about 300 { resolved 320  pending 20 ... }\n");
    assert_check(find_check(f, CHECK_SUM, "opinions ="), 300, 340, REL_GE, RESULT_FAIL);
}

TEST(over_and_nearly_under_a_lower_bound)
{
    run_checks(f, "x over 10 { a 50 ... }\n"
                  "y nearly 10 { a 11 ... }\n"
                  "z nearly 10 { a 10 ... }\n");
    /* over 10 has no upper end: 50 passes; nearly 10 reaches 10 at most:
     * 11 fails, 10 passes */
    assert_check(find_check(f, CHECK_SUM, "x ="), 10, 50, REL_GE, RESULT_PASS);
    assert_check(find_check(f, CHECK_SUM, "y ="), 10, 11, REL_GE, RESULT_FAIL);
    assert_check(find_check(f, CHECK_SUM, "z ="), 10, 10, REL_GE, RESULT_PASS);
}

TEST(sum_with_an_open_ended_part)
{
    /* over 50 is more than 50, at least 51; + 10: at least 61, no upper
     * end; the exact whole 100 lies in it (§6.5) */
    run_checks(f, "x 100 { a over 50  b 10 }\n");
    const Check *c = find_check(f, CHECK_SUM, "x =");
    assert_check(c, 100, 60, REL_EQ, RESULT_PASS);
    assert_string_equal(note_text(f, check_note(c)), "computed from approximate figures: at least 61");
}

/* ---- tables (§6.2) ---------------------------------------------------------------- */

TEST(table_cell_unknown_or_column_undeclared)
{
    run_checks(f, "p 4 {\n  a 2 { x ?  y 1 }\n  b 2 { x 1  y 1 }\n} {\n  x 2  y ?\n}\n");
    /* column x: a.x is ? , so the column's sum is unknown (§6.2); column y
     * is declared ?: nothing to check it against */
    const Check *c = find_check(f, CHECK_TABLE, "p.x =");
    assert_int_equal(c->status, RESULT_UNKNOWN);
    assert_string_equal(note_text(f, check_note(c)), "a cell is unknown");
    assert_int_equal(count_checks(f, CHECK_TABLE, "p.y ="), 0);
    /* row a: 2 = ? + 1: the unknown part x would be 1 */
    const Check *row = find_check(f, CHECK_SUM, "p.a =");
    assert_string_equal(note_text(f, check_note(row)), "the unknown part 'x' would be 1");
}

/* ---- roll-ups of child units (§6.3) ---------------------------------------------- */

TEST(declared_no_communes_and_one_present)
{
    /* more present than declared fails: = 0 against 1; coverage 1 of 0 */
    run_checks(f, "communes 0\ncommune \"A\" { invited 1 }\n");
    const Check *c = find_check(f, CHECK_ROLLUP, "the report: communes$");
    assert_check(c, 0, 1, REL_EQ, RESULT_FAIL);
    assert_true(check_coverage(c).has);
    assert_int_equal(check_coverage(c).covered, 1);
    assert_int_equal(check_coverage(c).expected, 0);
}

TEST(declared_communes_beyond_32_bits)
{
    /* fewer present: >=, 5,000,000,000 >= 1 holds, but only as a lower
     * bound: partial; the coverage's expected side is capped at
     * 4,294,967,295 (§6.3) */
    run_checks(f, "communes 5_000_000_000\ncommune \"A\" { invited 1 }\n");
    const Check *c = find_check(f, CHECK_ROLLUP, "the report: communes$");
    assert_check(c, 5000000000.0, 1, REL_GE, RESULT_PARTIAL);
    assert_int_equal(check_coverage(c).covered, 1);
    assert_int_equal(check_coverage(c).expected, 4294967295u);
}

TEST(children_expected_when_their_count_is_unknown)
{
    /* communes ? : the children expected are those present, 2; 4 + 6 = 10 */
    run_checks(f, "district \"D\" {\n  communes ?\n  invited 10\n"
                  "  commune \"A\" { invited 4 }\n  commune \"B\" { invited 6 }\n}\n");
    const Check *c = find_check(f, CHECK_ROLLUP, "district D: invited");
    assert_check(c, 10, 10, REL_EQ, RESULT_PASS);
    assert_int_equal(check_coverage(c).covered, 2);
    assert_int_equal(check_coverage(c).expected, 2);
}

TEST(children_of_a_kind_that_counts_nothing)
{
    /* a unit kind without `count` (§14.1): its units are the children
     * expected; 2 + 3 = 5 */
    run_checks(f, "unit_kind hamlet \"Xóm\" { level 5 }\n"
                  "village \"V\" {\n  invited 5\n"
                  "  hamlet \"H1\" { invited 2 }\n  hamlet \"H2\" { invited 3 }\n}\n");
    const Check *c = find_check(f, CHECK_ROLLUP, "village V: invited");
    assert_check(c, 5, 5, REL_EQ, RESULT_PASS);
    assert_int_equal(check_coverage(c).covered, 2);
    assert_int_equal(check_coverage(c).expected, 2);
}

TEST(children_of_two_levels)
{
    /* a district with a village directly in it and a commune: the children
     * expected are those of the first level present, the communes (one,
     * declared 1); the village's 1 and the commune's 2 roll up: 3 */
    run_checks(f, "district \"D\" {\n  communes 1\n  invited 3\n"
                  "  village \"V\" { invited 1 }\n  commune \"C\" { invited 2 }\n}\n");
    const Check *c = find_check(f, CHECK_ROLLUP, "district D: invited");
    assert_check(c, 3, 3, REL_EQ, RESULT_PASS);
    assert_int_equal(check_coverage(c).expected, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(unknown_part_of_an_approximate_sum),
        FIXTURE_TEST(approximate_whole_of_a_partial_breakdown),
        FIXTURE_TEST(approximate_whole_of_a_partial_breakdown_that_fails),
        FIXTURE_TEST(over_and_nearly_under_a_lower_bound),
        FIXTURE_TEST(sum_with_an_open_ended_part),
        FIXTURE_TEST(table_cell_unknown_or_column_undeclared),
        FIXTURE_TEST(declared_no_communes_and_one_present),
        FIXTURE_TEST(declared_communes_beyond_32_bits),
        FIXTURE_TEST(children_expected_when_their_count_is_unknown),
        FIXTURE_TEST(children_of_a_kind_that_counts_nothing),
        FIXTURE_TEST(children_of_two_levels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
