/* test_change.c - the previous period and the change (spec §5.5, §6.8):
 * `previous V` and `change D` in a figure's block, and the `change` check
 * (interp/check.c) that compares them with the figure's value: a
 * difference exactly, a relative change in percent or a change of a
 * percentage in points within one unit of the last digit printed; and the
 * model's errors for a previous or change not written exactly or given
 * twice.
 *
 * Every expected number is worked out by hand in a comment next to it. */
#include "support.h"

#define POVERTY "figure poverty_rate \"Tỷ lệ hộ nghèo\" { type percentage }\n"

/* ---- helpers ---------------------------------------------------------------------- */

/* The change check of this subject, with its numbers. */
static const Check *change(Fixture *f, const char *subject)
{
    const Check *c = find_check(f, CHECK_CHANGE, subject);
    assert_string_equal(subject_text(f, c), subject);
    return c;
}

static void assert_at(const Check *c, uint32_t line, uint32_t col)
{
    uint32_t l, k;
    source_position(check_src(c), check_span(c).start, &l, &k);
    if (l != line || k != col)
        fail_msg("check at %u:%u, expected %u:%u", l, k, line, col);
}

/* Exactly one error, this one, at line:col. */
static void assert_one_error(const Fixture *f, const char *message, uint32_t line, uint32_t col)
{
    if (f->diag.errors != 1)
        list_diags(f);
    assert_int_equal(f->diag.errors, 1);
    const Diagnostic *g = find_diag(&f->diag, DIAG_ERROR, "");
    assert_non_null(g);
    assert_string_equal(g->message, message);
    uint32_t l, c;
    diag_line_col(g, &l, &c);
    if (l != line || c != col)
        fail_msg("\"%s\" at %u:%u, expected %u:%u", message, l, c, line, col);
}

/* ---- a difference (§6.8) ---------------------------------------------------------------- */

TEST(a_difference_that_agrees)
{
    /* "cùng kỳ 1.012 lượt, giảm 146": 866 - 1,012 = -146 */
    const Result *r = run_checks(f, "commune \"A\" {\n"
                                    "  receptions 866 \"lượt\" {\n"
                                    "    previous 1_012 \"cùng kỳ\"\n"
                                    "    change -146 \"giảm 146\"\n"
                                    "  }\n"
                                    "}\n");
    const Check *c = change(f, "commune A: change of receptions");
    assert_check(c, -146, -146, REL_EQ, RESULT_PASS);
    assert_false(check_declared(c).money);
    /* the check points at the change the report printed: line 4,
     * "    change " is 11 columns, -146 at 12 */
    assert_at(c, 4, 12);
    assert_ptr_equal(c->figure, model_figure(c->node, symtab_find(&f->syms, "receptions", 10)));
    assert_int_equal(r->checks_failed, 0);
    /* the block of only previous and change is no breakdown */
    assert_null(figure_breakdowns(c->figure));
    assert_int_equal(count_checks(f, CHECK_SUM, ""), 0);
}

TEST(a_difference_that_does_not_agree)
{
    /* houses 10, previous 8: the change is 10 - 8 = 2, not -2; imbalance
     * -2 - 2 = -4 */
    const Result *r = run_checks(f, "commune \"A\" { houses 10 { previous 8  change -2 } }\n");
    const Check *c = change(f, "commune A: change of houses");
    assert_check(c, -2, 2, REL_EQ, RESULT_FAIL);
    assert_double_near(check_imbalance(c).value, -4, 1e-9);
    assert_int_equal(r->checks_failed, 1);
    assert_int_equal(result_exit_status(r, false, 0), 1);
}

TEST(a_difference_of_money)
{
    /* 48,686,352 - 40,000,000 = 8,686,352 đồng */
    run_checks(f, "fund_raised 48_686_352đ { previous 40_000_000đ  change 8_686_352đ }\n");
    const Check *c = change(f, "the report: change of fund_raised");
    assert_check(c, 8686352, 8686352, REL_EQ, RESULT_PASS);
    assert_true(check_declared(c).money);
    assert_true(check_computed(c).money);
}

TEST(a_difference_from_zero)
{
    /* previous 0 is no denominator for a difference: 5 - 0 = 5 */
    run_checks(f, "houses 5 { previous 0  change 5 }\n");
    assert_check(change(f, "the report: change of houses"), 5, 5, REL_EQ, RESULT_PASS);
}

TEST(the_change_of_a_part)
{
    /* a part may have its own previous and change: 8 - 6 = 2; the
     * breakdown still adds up, 8 + 2 = 10 */
    run_checks(f, "opinions 10 { resolved 8 { previous 6  change 2 }  pending 2 }\n");
    assert_check(change(f, "the report: change of opinions.resolved"), 2, 2, REL_EQ, RESULT_PASS);
    const Check *s = find_check(f, CHECK_SUM, "opinions = resolved + pending");
    assert_int_equal(s->status, RESULT_PASS);
}

/* ---- a relative change in percent (§6.8) ------------------------------------------------- */

TEST(a_relative_change_within_one_unit_of_the_last_digit)
{
    /* gifts 1,106, previous 1,012, "tăng 9,3 %": 100 x 94 / 1,012 =
     * 9.28853...; |9.3 - 9.28853| = 0.0115 <= 0.1 (one unit of the one
     * decimal printed) */
    run_checks(f, "commune \"A\" { gifts 1_106 { previous 1_012  change 9,3 % } }\n");
    const Check *c = change(f, "commune A: change of gifts");
    assert_check(c, 9.3, 100.0 * 94 / 1012, REL_WITHIN, RESULT_PASS);
    assert_double_near(check_tolerance(c), 0.1, 1e-12);
    assert_int_equal(check_declared(c).decimals, 1);
    assert_null(check_note(c));
}

TEST(a_relative_change_that_truncates_agrees)
{
    /* 9.28853... truncated to one decimal: 9,2 %; |9.2 - 9.28853| = 0.0885
     * <= 0.1, both rounding and truncation are admitted (§6.7) */
    run_checks(f, "gifts 1_106 { previous 1_012  change 9,2 % }\n");
    assert_check(change(f, "the report: change of gifts"), 9.2, 100.0 * 94 / 1012, REL_WITHIN, RESULT_PASS);
}

TEST(a_relative_change_outside_one_unit_of_the_last_digit)
{
    /* |9.5 - 9.28853| = 0.2115 > 0.1 */
    const Result *r = run_checks(f, "gifts 1_106 { previous 1_012  change 9,5 % }\n");
    const Check *c = change(f, "the report: change of gifts");
    assert_check(c, 9.5, 100.0 * 94 / 1012, REL_WITHIN, RESULT_FAIL);
    assert_string_equal(note_text(f, check_note(c)), "the report's percentage differs from the computed one by more "
                                                "than one unit of its last digit (0.1)");
    assert_int_equal(r->checks_failed, 1);
}

TEST(the_unit_is_that_of_the_last_digit_printed)
{
    /* two decimals: the unit is 0.01. |9.29 - 9.28853| = 0.0015 <= 0.01;
     * |9.27 - 9.28853| = 0.0185 > 0.01, though it would pass with 0.1 */
    run_checks(f, "commune \"A\" { gifts 1_106 { previous 1_012  change 9,29 % } }\n"
                  "commune \"B\" { gifts 1_106 { previous 1_012  change 9,27 % } }\n");
    const Check *a = change(f, "commune A: change of gifts");
    assert_check(a, 9.29, 100.0 * 94 / 1012, REL_WITHIN, RESULT_PASS);
    assert_double_near(check_tolerance(a), 0.01, 1e-12);
    const Check *b = change(f, "commune B: change of gifts");
    assert_check(b, 9.27, 100.0 * 94 / 1012, REL_WITHIN, RESULT_FAIL);
    assert_double_near(check_tolerance(b), 0.01, 1e-12);
}

TEST(a_whole_percentage_admits_one_percent)
{
    /* no decimal: the unit is 1. 100 x (150 - 120) / 120 = 25;
     * |26 - 25| = 1 <= 1, |27 - 25| = 2 > 1 */
    run_checks(f, "commune \"C\" { houses 150 { previous 120  change 26 % } }\n"
                  "commune \"D\" { houses 150 { previous 120  change 27 % } }\n");
    const Check *c = change(f, "commune C: change of houses");
    assert_check(c, 26, 25, REL_WITHIN, RESULT_PASS);
    assert_double_near(check_tolerance(c), 1, 1e-12);
    assert_check(change(f, "commune D: change of houses"), 27, 25, REL_WITHIN, RESULT_FAIL);
}

TEST(a_relative_decrease)
{
    /* "giảm 14,4 %": 100 x (866 - 1,012) / 1,012 = -14.4268...;
     * |-14.4 - (-14.4268)| = 0.0268 <= 0.1 */
    run_checks(f, "receptions 866 { previous 1_012  change -14,4 % }\n");
    assert_check(change(f, "the report: change of receptions"), -14.4, -14600.0 / 1012, REL_WITHIN,
                   RESULT_PASS);
}

TEST(a_relative_change_from_zero_is_unknown)
{
    /* 100 x (5 - 0) / 0: no number */
    const Result *r = run_checks(f, "houses 5 { previous 0  change 100 % }\n");
    const Check *c = change(f, "the report: change of houses");
    assert_int_equal(c->status, RESULT_UNKNOWN);
    assert_false(check_computed(c).known);
    assert_int_equal(check_note(c)->kind, NOTE_ZERO_DENOMINATOR);
    assert_string_equal(note_text(f, check_note(c)), "the denominator is zero");
    assert_int_equal(r->checks_failed, 0);
    assert_int_equal(r->checks_unknown, 1);
}

/* ---- a change of a percentage, in points (§6.8) ------------------------------------------ */

TEST(a_percentage_changes_in_points)
{
    /* poverty rate 3,2 %, previous 3,6 %, "giảm 0,4 %": 3.2 - 3.6 = -0.4
     * points; within 0.1 */
    run_checks(f, POVERTY "commune \"A\" { poverty_rate 3,2 % { previous 3,6 %  change -0,4 % } }\n");
    const Check *c = change(f, "commune A: change of poverty_rate");
    assert_check(c, -0.4, -0.4, REL_WITHIN, RESULT_PASS);
    assert_double_near(check_tolerance(c), 0.1, 1e-12);
}

TEST(a_percentage_change_in_points_that_does_not_agree)
{
    /* -0.6 against 3.2 - 3.6 = -0.4: off by 0.2 > 0.1 */
    run_checks(f, POVERTY "poverty_rate 3,2 % { previous 3,6 %  change -0,6 % }\n");
    assert_check(change(f, "the report: change of poverty_rate"), -0.6, -0.4, REL_WITHIN, RESULT_FAIL);
}

TEST(a_percentage_change_is_not_relative)
{
    /* 3,6 % from 4 %: -0.4 points, a relative change of 100 x -0.4 / 4 =
     * -10 %. The report's -10 % is read as points: off by 9.6 */
    run_checks(f, POVERTY "poverty_rate 3,6 % { previous 4 %  change -10 % }\n");
    assert_check(change(f, "the report: change of poverty_rate"), -10, -0.4, REL_WITHIN, RESULT_FAIL);
}

TEST(a_percentage_from_zero_changes_in_points)
{
    /* points need no denominator: 2.5 - 0 = 2.5 */
    run_checks(f, POVERTY "poverty_rate 2,5 % { previous 0 %  change 2,5 % }\n");
    assert_check(change(f, "the report: change of poverty_rate"), 2.5, 2.5, REL_WITHIN, RESULT_PASS);
}

/* ---- when there is no change check ---------------------------------------------------------- */

TEST(no_check_without_both_or_without_an_exact_value)
{
    /* only previous; only change; an approximate value; an unknown one */
    const Result *r = run_checks(f, "houses 10 { previous 8 }\n"
                                    "gifts 10 { change 2 }\n"
                                    "receptions about 10 { previous 8  change 2 }\n"
                                    "people ? { previous 8  change 2 }\n");
    assert_int_equal(count_checks(f, CHECK_CHANGE, ""), 0);
    assert_int_equal(r->nchecks, 0);
    /* what was written is kept all the same */
    const Figure *h = model_figure(f->model->root, symtab_find(&f->syms, "houses", 6));
    assert_non_null(figure_change(f->model, h));
    assert_true(figure_change(f->model, h)->previous.known);
    assert_int_equal(figure_change(f->model, h)->previous.value, 8);
    assert_false(figure_change(f->model, h)->change.known);
}

/* ---- errors (spec/messages.md §4.2) ------------------------------------------------------- */

TEST(previous_must_be_written_exactly)
{
    /* line 2 "  receptions 866 { previous " is 28 columns: the ? at 29 */
    model_of(f, "commune \"A\" {\n  receptions 866 { previous ?  change -146 }\n}\n");
    assert_one_error(f, "write the previous the report prints, exactly", 2, 29);
}

TEST(change_must_be_written_exactly)
{
    /* "houses 10 { previous 8  change " is 31 columns: `about` at 32 */
    model_of(f, "houses 10 { previous 8  change about 2 }\n");
    assert_one_error(f, "write the change the report prints, exactly", 1, 32);
}

TEST(change_given_twice)
{
    /* "houses 10 { change 2  " is 22 columns: the second change at 23 */
    model_of(f, "houses 10 { change 2  change 2  previous 8 }\n");
    assert_one_error(f, "'change' of 'houses' is given twice", 1, 23);
    /* the first is kept */
    const Figure *h = model_figure(f->model->root, symtab_find(&f->syms, "houses", 6));
    assert_int_equal(figure_change(f->model, h)->change.value, 2);
}

TEST(previous_given_twice)
{
    /* "commune \"A\" { " is 14 columns, "houses 10 { " 12 more, "previous 8  "
     * 12 more: the second previous at 39 */
    model_of(f, "commune \"A\" { houses 10 { previous 8  previous 9 } }\n");
    assert_one_error(f, "'previous' of 'houses' is given twice", 1, 39);
    const Figure *h = model_figure(node_first_child(f->model->root), symtab_find(&f->syms, "houses", 6));
    assert_int_equal(figure_change(f->model, h)->previous.value, 8);
}

TEST(previous_of_the_wrong_type)
{
    /* a previous is of the figure's type: a count for houses, not money.
     * The message names the figure. "houses 10 { previous " is 21 columns. */
    model_of(f, "houses 10 { previous 8đ }\n");
    assert_one_error(f, "'houses' is a count figure: write a number, such as 15_590, not an amount of money", 1, 22);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(a_difference_that_agrees),
        FIXTURE_TEST(a_difference_that_does_not_agree),
        FIXTURE_TEST(a_difference_of_money),
        FIXTURE_TEST(a_difference_from_zero),
        FIXTURE_TEST(the_change_of_a_part),
        FIXTURE_TEST(a_relative_change_within_one_unit_of_the_last_digit),
        FIXTURE_TEST(a_relative_change_that_truncates_agrees),
        FIXTURE_TEST(a_relative_change_outside_one_unit_of_the_last_digit),
        FIXTURE_TEST(the_unit_is_that_of_the_last_digit_printed),
        FIXTURE_TEST(a_whole_percentage_admits_one_percent),
        FIXTURE_TEST(a_relative_decrease),
        FIXTURE_TEST(a_relative_change_from_zero_is_unknown),
        FIXTURE_TEST(a_percentage_changes_in_points),
        FIXTURE_TEST(a_percentage_change_in_points_that_does_not_agree),
        FIXTURE_TEST(a_percentage_change_is_not_relative),
        FIXTURE_TEST(a_percentage_from_zero_changes_in_points),
        FIXTURE_TEST(no_check_without_both_or_without_an_exact_value),
        FIXTURE_TEST(previous_must_be_written_exactly),
        FIXTURE_TEST(change_must_be_written_exactly),
        FIXTURE_TEST(change_given_twice),
        FIXTURE_TEST(previous_given_twice),
        FIXTURE_TEST(previous_of_the_wrong_type),
    };
    return cmocka_run_group_tests_name("change", tests, NULL, NULL);
}
