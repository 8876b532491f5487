/* test_literal.c - number-like tokens (interp/literal.h, spec §2.4, §2.5)
 * and calendar arithmetic (interp/date.h).
 *
 * These modules allocate nothing; the fixture is still used so every test
 * runs under the same leak accounting as the others. */
#include "support.h"

/* literal_number on a C string. */
static LitError number(const char *s, Literal *out)
{
    memset(out, 0, sizeof *out);
    return literal_number(s, strlen(s), out);
}

static LitError percent(const char *s, Literal *out)
{
    memset(out, 0, sizeof *out);
    return literal_percent(s, strlen(s), out);
}

static LitError money(const char *s, Literal *out)
{
    memset(out, 0, sizeof *out);
    return literal_money(s, strlen(s), out);
}

static void assert_date(Date d, int y, int m, int day, DatePrecision p)
{
    assert_int_equal(d.year, y);
    assert_int_equal(d.month, m);
    assert_int_equal(d.day, day);
    assert_int_equal(d.precision, p);
}

/* ---- counts ------------------------------------------------------------- */

TEST(count_plain_and_grouped)
{
    Literal lit;
    assert_int_equal(number("358", &lit), LIT_OK);
    assert_int_equal(lit.kind, LIT_COUNT);
    assert_int_equal(lit.count, 358);

    assert_int_equal(number("15590", &lit), LIT_OK);
    assert_int_equal(lit.count, 15590);

    /* 15_590 = 15 * 1000 + 590 */
    assert_int_equal(number("15_590", &lit), LIT_OK);
    assert_int_equal(lit.kind, LIT_COUNT);
    assert_int_equal(lit.count, 15590);

    assert_int_equal(number("1_000_000", &lit), LIT_OK);
    assert_int_equal(lit.count, 1000000);

    assert_int_equal(number("0", &lit), LIT_OK);
    assert_int_equal(lit.count, 0);
}

TEST(count_bad_grouping)
{
    Literal lit;
    assert_int_equal(number("1_5", &lit), LIT_BAD_GROUPING);      /* a group of 1 after '_' */
    assert_int_equal(number("15_59", &lit), LIT_BAD_GROUPING);    /* a group of 2 */
    assert_int_equal(number("1234_567", &lit), LIT_BAD_GROUPING); /* first group of 4 */
    assert_int_equal(number("1_0000", &lit), LIT_BAD_GROUPING);   /* a group of 4 */
}

TEST(count_dotted_is_ambiguous)
{
    Literal lit;
    /* Vietnamese "15.590" = fifteen thousand five hundred and ninety */
    assert_int_equal(number("15.590", &lit), LIT_DOTTED_COUNT);
    assert_int_equal(lit.suggestion, 15590);
    /* 1.000.000 = one million: three dotted groups, not a date (the middle
     * group has three digits, a month has at most two) */
    assert_int_equal(number("1.000.000", &lit), LIT_DOTTED_COUNT);
    assert_int_equal(lit.suggestion, 1000000);
}

TEST(count_comma_is_ambiguous)
{
    Literal lit;
    assert_int_equal(number("12,674", &lit), LIT_COMMA_COUNT);
    assert_int_equal(lit.suggestion, 12674);
    assert_int_equal(number("1,234,567", &lit), LIT_COMMA_COUNT);
    assert_int_equal(lit.suggestion, 1234567);
}

TEST(count_decimal_is_rejected)
{
    Literal lit;
    assert_int_equal(number("1.5", &lit), LIT_DECIMAL);
    assert_int_equal(number("198,6", &lit), LIT_DECIMAL);
    assert_int_equal(number("15.59", &lit), LIT_DECIMAL);    /* 2 decimals: not a thousands group */
    assert_int_equal(number("15.5901", &lit), LIT_DECIMAL);  /* 4 decimals either */
}

TEST(count_overflow)
{
    Literal lit;
    /* INT64_MAX = 9223372036854775807 fits; one more does not */
    assert_int_equal(number("9223372036854775807", &lit), LIT_OK);
    assert_true(lit.count == INT64_MAX);
    assert_int_equal(number("9223372036854775808", &lit), LIT_TOO_LARGE);
    assert_int_equal(number("99999999999999999999", &lit), LIT_TOO_LARGE);
    /* 9_223_372_036_854_775_808 = INT64_MAX + 1, grouped */
    assert_int_equal(number("9_223_372_036_854_775_808", &lit), LIT_TOO_LARGE);
    /* 18 digits are read at once (they cannot overflow), 19 the long way:
     * both exact at the edge between them */
    assert_int_equal(number("999999999999999999", &lit), LIT_OK);
    assert_true(lit.count == 999999999999999999LL);
    assert_int_equal(number("1000000000000000000", &lit), LIT_OK);
    assert_true(lit.count == 1000000000000000000LL);
    assert_int_equal(number("000000000000000042", &lit), LIT_OK);
    assert_true(lit.count == 42);
}

TEST(malformed_numbers)
{
    Literal lit;
    assert_int_equal(number("", &lit), LIT_MALFORMED);
    assert_int_equal(number("1-2-3", &lit), LIT_MALFORMED);
    assert_int_equal(number("15.", &lit), LIT_MALFORMED);       /* trailing separator */
    assert_int_equal(number("1/2/3/4", &lit), LIT_MALFORMED);
    assert_int_equal(number("24-06-14", &lit), LIT_MALFORMED);  /* two-digit year */
}

/* ---- dates -------------------------------------------------------------- */

TEST(date_iso)
{
    Literal lit;
    assert_int_equal(number("2024-06-14", &lit), LIT_OK);
    assert_int_equal(lit.kind, LIT_DATE);
    assert_date(lit.date, 2024, 6, 14, DATE_DAY);
}

TEST(date_day_first)
{
    Literal lit;
    assert_int_equal(number("14/6/2024", &lit), LIT_OK);
    assert_int_equal(lit.kind, LIT_DATE);
    assert_date(lit.date, 2024, 6, 14, DATE_DAY);

    assert_int_equal(number("14.6.2024", &lit), LIT_OK);
    assert_int_equal(lit.kind, LIT_DATE);
    assert_date(lit.date, 2024, 6, 14, DATE_DAY);

    /* the day always comes first: 5 January, not 1 May */
    assert_int_equal(number("05.01.2024", &lit), LIT_OK);
    assert_date(lit.date, 2024, 1, 5, DATE_DAY);
    assert_int_equal(number("05/01/2024", &lit), LIT_OK);
    assert_date(lit.date, 2024, 1, 5, DATE_DAY);

    /* 13/6 cannot be month 13 either way round when read day-first */
    assert_int_equal(number("6/13/2024", &lit), LIT_NO_SUCH_DATE);
}

TEST(date_month_precision)
{
    Literal lit;
    assert_int_equal(number("2021-02", &lit), LIT_OK);
    assert_int_equal(lit.kind, LIT_DATE);
    assert_date(lit.date, 2021, 2, 0, DATE_MONTH);
    assert_int_equal(number("2021-13", &lit), LIT_NO_SUCH_DATE);
}

TEST(date_that_does_not_exist)
{
    Literal lit;
    assert_int_equal(number("31/2/2024", &lit), LIT_NO_SUCH_DATE);
    assert_int_equal(number("31.4.2024", &lit), LIT_NO_SUCH_DATE);   /* April has 30 days */
    assert_int_equal(number("2024-00-10", &lit), LIT_NO_SUCH_DATE);
    assert_int_equal(number("0/1/2024", &lit), LIT_NO_SUCH_DATE);
}

TEST(date_leap_years)
{
    Literal lit;
    /* 2024 is divisible by 4 and not by 100: leap */
    assert_int_equal(number("29/2/2024", &lit), LIT_OK);
    assert_date(lit.date, 2024, 2, 29, DATE_DAY);
    /* 2023 is not divisible by 4 */
    assert_int_equal(number("29/2/2023", &lit), LIT_NO_SUCH_DATE);
    /* 2000 is divisible by 400: leap; 1900 by 100 but not 400: not leap */
    assert_int_equal(number("2000-02-29", &lit), LIT_OK);
    assert_int_equal(number("1900-02-29", &lit), LIT_NO_SUCH_DATE);
}

TEST(date_hints)
{
    Literal lit;
    assert_int_equal(number("12/2020", &lit), LIT_MONTH_YEAR);
    assert_int_equal(number("19/19", &lit), LIT_RATIO);
    assert_int_equal(number("12/674", &lit), LIT_RATIO);
}

/* ---- percentages and money ------------------------------------------------- */

TEST(percent_values)
{
    Literal lit;
    /* 79,63 -> mantissa 7963 with 2 decimals: 7963 / 10^2 = 79.63 */
    assert_int_equal(percent("79,63", &lit), LIT_OK);
    assert_int_equal(lit.decimal.mantissa, 7963);
    assert_int_equal(lit.decimal.decimals, 2);

    assert_int_equal(percent("99.72", &lit), LIT_OK);
    assert_int_equal(lit.decimal.mantissa, 9972);
    assert_int_equal(lit.decimal.decimals, 2);

    /* the number of decimals written is kept: 99.7 has one */
    assert_int_equal(percent("99.7", &lit), LIT_OK);
    assert_int_equal(lit.decimal.mantissa, 997);
    assert_int_equal(lit.decimal.decimals, 1);

    assert_int_equal(percent("100", &lit), LIT_OK);
    assert_int_equal(lit.decimal.mantissa, 100);
    assert_int_equal(lit.decimal.decimals, 0);

    /* 50,50: a trailing zero is a written decimal too */
    assert_int_equal(percent("50,50", &lit), LIT_OK);
    assert_int_equal(lit.decimal.mantissa, 5050);
    assert_int_equal(lit.decimal.decimals, 2);
}

TEST(percent_malformed)
{
    Literal lit;
    assert_int_equal(percent("1.2.3", &lit), LIT_MALFORMED);
    assert_int_equal(percent("19/19", &lit), LIT_MALFORMED);
    assert_int_equal(percent("", &lit), LIT_MALFORMED);
    assert_int_not_equal(percent("99999999999999999999", &lit), LIT_OK);
}

TEST(money_values)
{
    Literal lit;
    /* 48.686.352 = 48 * 10^6 + 686 * 10^3 + 352 */
    assert_int_equal(money("48.686.352", &lit), LIT_OK);
    assert_int_equal(lit.count, 48686352);
    assert_int_equal(money("48_686_352", &lit), LIT_OK);
    assert_int_equal(lit.count, 48686352);
    assert_int_equal(money("800.000.000", &lit), LIT_OK);
    assert_int_equal(lit.count, 800000000);
    assert_int_equal(money("500", &lit), LIT_OK);
    assert_int_equal(lit.count, 500);
}

TEST(money_rejected)
{
    Literal lit;
    /* a comma in an amount of đồng is ambiguous (English grouping) */
    assert_int_not_equal(money("48,686,352", &lit), LIT_OK);
    /* groups must be exactly three digits */
    assert_int_not_equal(money("48.68.352", &lit), LIT_OK);
    assert_int_not_equal(money("4868.352", &lit), LIT_OK);
    assert_int_not_equal(money("48.686,352", &lit), LIT_OK);
}

/* ---- messages --------------------------------------------------------------- */

TEST(message_suggests_the_count)
{
    Literal lit;
    char buf[512];
    assert_int_equal(number("15.590", &lit), LIT_DOTTED_COUNT);
    literal_message(LIT_DOTTED_COUNT, "15.590", 6, &lit, buf, sizeof buf);
    assert_non_null(strstr(buf, "'15.590'"));
    assert_non_null(strstr(buf, "15590"));
    assert_non_null(strstr(buf, "'_'"));                 /* and the '_' grouping */

    assert_int_equal(number("12,674", &lit), LIT_COMMA_COUNT);
    literal_message(LIT_COMMA_COUNT, "12,674", 6, &lit, buf, sizeof buf);
    assert_non_null(strstr(buf, "12674"));
}

TEST(message_every_error)
{
    static const struct { LitError e; const char *tok; } cases[] = {
        { LIT_TOO_LARGE, "99999999999999999999" }, { LIT_BAD_GROUPING, "1_5" },
        { LIT_DOTTED_COUNT, "15.590" }, { LIT_COMMA_COUNT, "12,674" },
        { LIT_DECIMAL, "198,6" }, { LIT_MONTH_YEAR, "12/2020" }, { LIT_RATIO, "19/19" },
        { LIT_NO_SUCH_DATE, "31/2/2024" }, { LIT_MALFORMED, "1-2-3" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        Literal lit;
        assert_int_equal(number(cases[i].tok, &lit), cases[i].e);
        char buf[512] = "";
        literal_message(cases[i].e, cases[i].tok, strlen(cases[i].tok), &lit, buf, sizeof buf);
        char quoted[64];
        snprintf(quoted, sizeof quoted, "'%s'", cases[i].tok);
        assert_non_null(strstr(buf, quoted));              /* names the token */
        assert_false(buf[0] >= 'A' && buf[0] <= 'Z');       /* lowercase (spec §11) */
    }
    /* the month-year hint says how to write a month */
    Literal lit;
    char buf[512];
    number("12/2020", &lit);
    literal_message(LIT_MONTH_YEAR, "12/2020", 7, &lit, buf, sizeof buf);
    assert_non_null(strstr(buf, "2020-12"));
}

TEST(message_truncates_to_buffer)
{
    Literal lit;
    char buf[16];
    memset(buf, 'X', sizeof buf);
    number("15.590", &lit);
    literal_message(LIT_DOTTED_COUNT, "15.590", 6, &lit, buf, sizeof buf);
    assert_int_equal(strlen(buf), sizeof buf - 1);
}

/* ---- date.h --------------------------------------------------------------------- */

static Date day(int y, int m, int d)
{
    return date_make(y, (unsigned)m, (unsigned)d, DATE_DAY);
}

TEST(days_known_values)
{
    assert_int_equal(date_to_days(day(1970, 1, 1)), 0);
    assert_int_equal(date_to_days(day(1969, 12, 31)), -1);
    assert_int_equal(date_to_days(day(1970, 1, 2)), 1);
    /* 1970-01-01 .. 2000-01-01: 30 years with 7 leap days (1972, 76, 80,
     * 84, 88, 92, 96): 30 * 365 + 7 = 10957; + 31 (Jan) + 28 = 11016 */
    assert_int_equal(date_to_days(day(2000, 1, 1)), 10957);
    assert_int_equal(date_to_days(day(2000, 2, 29)), 11016);
    /* 1970 .. 2024-01-01: 54 years, 13 leap days (1972 .. 2020): 19723;
     * 2024 has 366 days, so its 31 December is 19723 + 365 = 20088 */
    assert_int_equal(date_to_days(day(2024, 1, 1)), 19723);
    assert_int_equal(date_to_days(day(2024, 12, 31)), 20088);
    /* a month-precision date is the first of its month */
    Date feb = { 2021, 2, 0, DATE_MONTH };
    assert_int_equal(date_to_days(feb), date_to_days(day(2021, 2, 1)));
}

TEST(days_round_trip)
{
    const Date fixed[] = { day(1970, 1, 1), day(1969, 12, 31), day(2000, 2, 29), day(2000, 3, 1),
                           day(2024, 12, 31), day(2025, 1, 1), day(1900, 3, 1), day(9999, 12, 31) };
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++) {
        Date back = date_from_days(date_to_days(fixed[i]));
        assert_date(back, fixed[i].year, fixed[i].month, fixed[i].day, DATE_DAY);
    }
    /* every day from 1960 to about 2050, both ways */
    int32_t prev = 0;
    for (int32_t z = -3653; z <= 29220; z++) {
        Date d = date_from_days(z);
        assert_true(date_valid(d.year, d.month, d.day));
        assert_int_equal(date_to_days(d), z);
        if (z > -3653)
            assert_int_equal(date_weekday(z), (date_weekday(prev) + 1) % 7);
        prev = z;
    }
}

TEST(weekday)
{
    /* 1970-01-01 was a Thursday: 3 with Monday = 0 */
    assert_int_equal(date_weekday(0), 3);
    assert_int_equal(date_weekday(-1), 2);     /* Wednesday 1969-12-31 */
    /* 2024-06-14 = 19723 + (31+29+31+30+31) + 13 = 19888; 19888 = 7 * 2841 + 1,
     * one day after a Thursday: Friday = 4 */
    assert_int_equal(date_to_days(day(2024, 6, 14)), 19888);
    assert_int_equal(date_weekday(19888), 4);
    /* 2024-02-05 = 19723 + 31 + 4 = 19758 = 7 * 2822 + 4: Thursday + 4 = Monday */
    assert_int_equal(date_weekday(date_to_days(day(2024, 2, 5))), 0);
}

TEST(validity)
{
    assert_true(date_valid(2024, 2, 29));
    assert_false(date_valid(2023, 2, 29));
    assert_false(date_valid(1900, 2, 29));
    assert_true(date_valid(2000, 2, 29));
    assert_false(date_valid(2024, 13, 1));
    assert_false(date_valid(2024, 0, 1));
    assert_false(date_valid(2024, 1, 0));
    assert_false(date_valid(2024, 4, 31));
    assert_true(date_valid(2024, 12, 31));
}

TEST(format)
{
    char buf[16];
    assert_string_equal(date_format(day(2024, 6, 14), buf), "2024-06-14");
    assert_string_equal(date_format(day(2024, 1, 5), buf), "2024-01-05");
    Date month = { 2021, 2, 0, DATE_MONTH };
    assert_string_equal(date_format(month, buf), "2021-02");
    Date year = { 2021, 0, 0, DATE_YEAR };
    assert_string_equal(date_format(year, buf), "2021");
    Date unknown = { 0 };
    assert_string_equal(date_format(unknown, buf), "?");
    /* the first and last years, padded to four digits */
    assert_string_equal(date_format(day(1, 1, 1), buf), "0001-01-01");
    assert_string_equal(date_format(day(9999, 12, 31), buf), "9999-12-31");
}

TEST(compare)
{
    assert_int_equal(date_compare(day(2024, 6, 14), day(2024, 6, 15)), -1);
    assert_int_equal(date_compare(day(2024, 6, 15), day(2024, 6, 14)), 1);
    assert_int_equal(date_compare(day(2024, 6, 14), day(2024, 6, 14)), 0);
    assert_int_equal(date_compare(day(2023, 12, 31), day(2024, 1, 1)), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(count_plain_and_grouped),
        FIXTURE_TEST(count_bad_grouping),
        FIXTURE_TEST(count_dotted_is_ambiguous),
        FIXTURE_TEST(count_comma_is_ambiguous),
        FIXTURE_TEST(count_decimal_is_rejected),
        FIXTURE_TEST(count_overflow),
        FIXTURE_TEST(malformed_numbers),
        FIXTURE_TEST(date_iso),
        FIXTURE_TEST(date_day_first),
        FIXTURE_TEST(date_month_precision),
        FIXTURE_TEST(date_that_does_not_exist),
        FIXTURE_TEST(date_leap_years),
        FIXTURE_TEST(date_hints),
        FIXTURE_TEST(percent_values),
        FIXTURE_TEST(percent_malformed),
        FIXTURE_TEST(money_values),
        FIXTURE_TEST(money_rejected),
        FIXTURE_TEST(message_suggests_the_count),
        FIXTURE_TEST(message_every_error),
        FIXTURE_TEST(message_truncates_to_buffer),
        FIXTURE_TEST(days_known_values),
        FIXTURE_TEST(days_round_trip),
        FIXTURE_TEST(weekday),
        FIXTURE_TEST(validity),
        FIXTURE_TEST(format),
        FIXTURE_TEST(compare),
    };
    return cmocka_run_group_tests_name("literal", tests, NULL, NULL);
}
