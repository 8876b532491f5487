/* test_cov_literal.c - number-like tokens and dates (spec §2.4, §2.5,
 * §14.2; literal.h, date.h) where tests/unit/test_literal.c and
 * test_time.c do not go: each kind of refusal with its message from
 * spec/messages.md §2, dates that do not exist, days before 1970, and the
 * names of windows of time that are not canonical. */
#include "support.h"

/* ---- counts, dates, percentages, money (§2.4, §2.5) ------------------------------ */

typedef struct Token {
    const char *text;
    LitError error;
    const char *message;        /* NULL: not checked */
} Token;

static void assert_number(const Token *t, LitError (*read)(const char *, size_t, Literal *))
{
    Literal lit;
    memset(&lit, 0, sizeof lit);
    LitError e = read(t->text, strlen(t->text), &lit);
    if (e != t->error)
        fail_msg("'%s': error %d, expected %d", t->text, e, t->error);
    if (t->message) {
        char buf[512];
        literal_message(e, t->text, strlen(t->text), &lit, buf, sizeof buf);
        assert_string_equal(buf, t->message);
    }
}

TEST(numbers_that_are_not_counts)
{
    static const Token tokens[] = {
        /* a month 13, a day 30 of February, a month of one digit, four parts */
        { "2024-13-01", LIT_NO_SUCH_DATE, "'2024-13-01' is not a date in the calendar" },
        { "30/2/2024", LIT_NO_SUCH_DATE, "'30/2/2024' is not a date in the calendar" },
        { "2024-13", LIT_NO_SUCH_DATE, "'2024-13' is not a date in the calendar" },
        { "2024-1", LIT_MALFORMED, "'2024-1' is neither a number nor a date: write counts as 15590 or 15_590 and "
                                   "dates as 2024-06-14, 14/6/2024 or 14.6.2024" },
        { "2024-01-01-01", LIT_MALFORMED, NULL },
        { "1/2/24", LIT_MALFORMED, NULL },
        { "1.2.3", LIT_MALFORMED, NULL },
        /* groups of thousands: the count it would be is suggested */
        { "15.590.000", LIT_DOTTED_COUNT, "'15.590.000' is ambiguous: a dot may mark thousands or decimals; write "
                                          "15590000 (or a '_' between groups of three) for a count" },
        { "1,234,567", LIT_COMMA_COUNT, "'1,234,567' is ambiguous: a comma may mark thousands or decimals; write "
                                        "1234567 (or a '_' between groups of three) for a count" },
        { "99.999.999.999.999.999.999", LIT_TOO_LARGE, "number '99.999.999.999.999.999.999' is too large" },
        { "198,6", LIT_DECIMAL, "'198,6' is not a whole number: counts are whole; a decimal is only allowed in a "
                                "percentage such as '198,6%'" },
        { "12/2020", LIT_MONTH_YEAR, "'12/2020' is not a date: write a month as YYYY-MM (for example 2020-12) or a "
                                     "day as D/M/YYYY" },
        { "15_59", LIT_BAD_GROUPING, "'15_59' is not a number: '_' must separate groups of three digits, as in "
                                     "15_590" },
        /* more than eight groups of digits */
        { "1_000_000_000_000_000_000_000_000", LIT_MALFORMED, NULL },
        { "1.", LIT_MALFORMED, NULL },
    };
    for (unsigned i = 0; i < sizeof tokens / sizeof *tokens; i++)
        assert_number(&tokens[i], literal_number);
}

TEST(percentages_and_amounts)
{
    static const Token percents[] = {
        /* at most 6 decimals, one decimal mark, below 10^14 */
        { "99.1234567", LIT_MALFORMED, NULL },
        { "1.2.3", LIT_MALFORMED, NULL },
        { "1/2", LIT_MALFORMED, NULL },
        { "1000000000000000", LIT_TOO_LARGE, NULL },
        { "79,63", LIT_OK, NULL },
    };
    for (unsigned i = 0; i < sizeof percents / sizeof *percents; i++)
        assert_number(&percents[i], literal_percent);
    Literal lit;
    assert_int_equal(literal_percent("79,63", 5, &lit), LIT_OK);
    assert_int_equal(lit.decimal.mantissa, 7963);
    assert_int_equal(lit.decimal.decimals, 2);
    static const Token amounts[] = {
        /* a dot or '_' groups thousands in an amount; a comma does not */
        { "48,686,352", LIT_COMMA_COUNT, NULL },
        { "48.68.352", LIT_BAD_GROUPING, NULL },
        { "1_00", LIT_BAD_GROUPING, NULL },
        { "99_999_999_999_999_999_999", LIT_TOO_LARGE, NULL },
        { "48.686.352", LIT_OK, NULL },
    };
    for (unsigned i = 0; i < sizeof amounts / sizeof *amounts; i++)
        assert_number(&amounts[i], literal_money);
    assert_int_equal(literal_money("48.686.352", 10, &lit), LIT_OK);
    assert_int_equal(lit.count, 48686352);
}

/* ---- dates (§2.5) and days before 1970 ------------------------------------------ */

TEST(dates_that_do_not_exist)
{
    assert_false(date_valid(2024, 13, 1));
    assert_false(date_valid(2024, 0, 1));
    assert_false(date_valid(2024, 1, 0));
    assert_false(date_valid(2023, 2, 29));
    assert_true(date_valid(2024, 2, 29));
    assert_false(date_valid(0, 1, 1));
    assert_false(date_valid(10000, 1, 1));
    assert_true(date_valid(1, 1, 1));
    assert_true(date_valid(9999, 12, 31));
}

TEST(working_days_before_1970)
{
    /* Monday 1 January 1900 to Monday 8 January 1900: Tuesday to Friday
     * and the Monday, 5 weekdays; with calendar none no day is a holiday
     * (§4.6) */
    run_all(f, "calendar none\nindicator w \"T\" = working_days(1900-01-01, 1900-01-08)\n");
    const IndicatorResult *ir = find_indicator(f, "w", NULL);
    assert_true(ir->value.known);
    assert_double_near(ir->value.value, 5, 1e-9);
    /* the closed form agrees a week at a time, before and after 1970 */
    Date mon = { 1900, 1, 1, DATE_DAY }, next = { 1900, 1, 8, DATE_DAY };
    assert_int_equal(date_weekdays_before(date_to_days(next)) - date_weekdays_before(date_to_days(mon)), 5);
    assert_int_equal(date_weekday(date_to_days(mon)), 0);
}

/* ---- names of windows of time (§14.2) ---------------------------------------------- */

TEST(window_names)
{
    Window w;
    /* of the unit asked for, or of any with WIN_NONE */
    assert_false(date_window_parse("m2024_03", WIN_YEAR, &w));
    assert_true(date_window_parse("m2024_03", WIN_MONTH, &w));
    assert_true(date_window_parse("y2024", WIN_YEAR, &w));
    /* ISO weeks: 2020 has 53 (its 1 January is a Wednesday, and it is a
     * leap year), 2021 has 52 */
    assert_true(date_window_parse("w2020_53", WIN_NONE, &w));
    assert_int_equal(w.first, date_to_days((Date){ 2020, 12, 28, DATE_DAY }));
    assert_false(date_window_parse("w2021_53", WIN_NONE, &w));
    /* numbers out of range, a year 0, trailing characters, no unit */
    const char *wrong[] = { "q2024_0", "h2024_0", "m2024_00", "w2024_00", "y0000", "h2024_1x", "x2024", "y2024_1",
                            "m2024-03", "y20x4" };
    for (unsigned i = 0; i < sizeof wrong / sizeof *wrong; i++)
        if (date_window_parse(wrong[i], WIN_NONE, &w))
            fail_msg("'%s' read as a window", wrong[i]);
    char buf[16];
    assert_string_equal(date_window_name((Window){ WIN_NONE, 0, 0 }, buf), "?");
    assert_string_equal(date_window_label((Window){ WIN_NONE, 0, 0 }, buf), "?");
}

TEST(window_counts)
{
    int32_t jul2023 = date_to_days((Date){ 2023, 7, 1, DATE_DAY }), jun2024 = date_to_days((Date){ 2024, 6, 30, DATE_DAY });
    /* H2 2023 and H1 2024 */
    assert_int_equal(date_window_count(WIN_HALF, jul2023, jun2024), 2);
    /* Q3 2023 .. Q2 2024 */
    assert_int_equal(date_window_count(WIN_QUARTER, jul2023, jun2024), 4);
    /* the days touch 12 months */
    assert_int_equal(date_window_count(WIN_MONTH, jul2023, jun2024), 12);
    /* an empty range touches none */
    assert_int_equal(date_window_count(WIN_MONTH, jun2024, jul2023), 0);
    assert_string_equal(date_window_unit(WIN_QUARTER), "quarter");
    assert_string_equal(date_window_unit(WIN_NONE), "none");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(numbers_that_are_not_counts),
        FIXTURE_TEST(percentages_and_amounts),
        FIXTURE_TEST(dates_that_do_not_exist),
        FIXTURE_TEST(working_days_before_1970),
        FIXTURE_TEST(window_names),
        FIXTURE_TEST(window_counts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
