/* test_format.c - the words and digits of results (interp/format.c):
 * numbers in the text and JSON styles, check subjects, notes and rule
 * verdicts rendered from structured results. Every expected string is
 * written out by hand from the spec's examples. */
#include "support.h"

#include <math.h>

/* v with `decimals`, as the JSON writer prints it: null when not finite. */
static const char *json_number(Fixture *f, double v, int decimals)
{
    char buf[512];
    bool finite = format_number(buf, sizeof buf, v, decimals, &FORMAT_PLAIN);
    return arena_strndup(&f->arena, finite ? buf : "null", strlen(finite ? buf : "null"));
}

/* v as the text report prints it: thousands grouped with ','. */
static const char *text_number(Fixture *f, double v, int decimals)
{
    char buf[512];
    format_number(buf, sizeof buf, v, decimals, &FORMAT_TEXT);
    return arena_strndup(&f->arena, buf, strlen(buf));
}

/* ---- numbers as JSON writes them (spec/json.md §3) ------------------------------------------------ */

TEST(json_whole_numbers)
{
    assert_string_equal(json_number(f, 52, 4), "52");
    assert_string_equal(json_number(f, 100, 4), "100");
    assert_string_equal(json_number(f, 24444999, 4), "24444999");
    assert_string_equal(json_number(f, -43, 0), "-43");
    assert_string_equal(json_number(f, 0, 4), "0");
    /* never an exponent: 10^20 in plain digits */
    assert_string_equal(json_number(f, 1e20, 4), "100000000000000000000");
}

TEST(number_with_decimals)
{
    /* 357 / 358 * 100 = 99.72067...: 4 decimals, rounded: 99.7207 */
    assert_string_equal(json_number(f, 100.0 * 357.0 / 358.0, 4), "99.7207");
    assert_string_equal(json_number(f, 99.72067, 4), "99.7207");
    /* trailing zeros trimmed: 1.2000 -> 1.2, 0.0033 stays */
    assert_string_equal(json_number(f, 1.2, 4), "1.2");
    assert_string_equal(json_number(f, 0.0033, 4), "0.0033");
    assert_string_equal(json_number(f, 0.01, 6), "0.01");
    assert_string_equal(json_number(f, -0.5, 4), "-0.5");
    /* 2.00001 to 4 decimals is 2.0000: no point left */
    assert_string_equal(json_number(f, 2.00001, 4), "2");
}

TEST(number_not_finite)
{
    assert_string_equal(json_number(f, NAN, 4), "null");
    assert_string_equal(json_number(f, INFINITY, 4), "null");
    assert_string_equal(json_number(f, -INFINITY, 0), "null");
}

TEST(number_negative_zero)
{
    /* -0.00003 to 4 decimals rounds to zero */
    const char *s = json_number(f, -0.00003, 4);
    /* not "-0" (spec/json.md §3) */
    assert_string_equal(s, "0");
}

/* ---- numbers as the text report writes them (spec §13) ----------------------------------------- */

TEST(text_number_grouped)
{
    assert_string_equal(text_number(f, 15590, 0), "15,590");
    assert_string_equal(text_number(f, 12674, 2), "12,674");
    assert_string_equal(text_number(f, 48686352, 0), "48,686,352");
    assert_string_equal(text_number(f, 999, 0), "999");
    assert_string_equal(text_number(f, -43, 0), "-43");
    assert_string_equal(text_number(f, -1000, 0), "-1,000");
    /* a whole double is written without printf below 2^62, with it from
     * 2^62: 2^61 = 2,305,843,009,213,693,952, 2^62 = 4,611,686,018,427,387,904 */
    assert_string_equal(text_number(f, 0x1p61, 2), "2,305,843,009,213,693,952");
    assert_string_equal(text_number(f, -0x1p61, 0), "-2,305,843,009,213,693,952");
    assert_string_equal(text_number(f, 0x1p62, 0), "4,611,686,018,427,387,904");
    assert_string_equal(text_number(f, -0x1p62, 0), "-4,611,686,018,427,387,904");
    assert_string_equal(json_number(f, 0x1p61, 4), "2305843009213693952");
    assert_string_equal(json_number(f, -0.0, 0), "0");
}

TEST(text_number_keeps_its_decimals)
{
    /* 12,674 / 15,590 = 81.2957...: two decimals, not trimmed */
    assert_string_equal(text_number(f, 100.0 * 12674 / 15590, 2), "81.30");
    assert_string_equal(text_number(f, 1234.5, 2), "1,234.50");
    /* a value rounding to zero is 0, never -0.00 */
    assert_string_equal(text_number(f, -0.001, 2), "0");
    assert_string_equal(text_number(f, NAN, 2), "?");
}

TEST(text_number_money_and_unknown)
{
    char buf[64];
    Number money = number_real(24444999, 0, true);
    assert_string_equal(format_number_text(buf, sizeof buf, money, 0), "24,444,999 đ");
    Number unknown = { .known = false };
    assert_string_equal(format_number_text(buf, sizeof buf, unknown, 0), "?");
}

/* Whole numbers are printed from their exact value: 2^53 + 1 =
 * 9,007,199,254,740,993 (a double would say ...992), and a sum beyond 64
 * bits: 2 x (2^63 - 1) = 18,446,744,073,709,551,614; negative too. */
TEST(whole_numbers_every_digit)
{
    char buf[64];
    (void)f;
    assert_string_equal(format_number_text(buf, sizeof buf, number_whole(9007199254740993, false), 0),
                        "9,007,199,254,740,993");
    Wide twice = (Wide)INT64_MAX * 2;
    assert_string_equal(format_number_text(buf, sizeof buf, number_whole(twice, false), 0),
                        "18,446,744,073,709,551,614");
    assert_string_equal(format_number_text(buf, sizeof buf, number_whole(-twice, true), 0),
                        "-18,446,744,073,709,551,614 đ");
    assert_true(format_whole(buf, sizeof buf, -twice, &FORMAT_PLAIN));
    assert_string_equal(buf, "-18446744073709551614");
    assert_true(format_whole(buf, sizeof buf, 0, &FORMAT_PLAIN));
    assert_string_equal(buf, "0");
    /* either side of the 64-bit short way: 2^64 - 2, 2^64 - 1, 2^64 */
    assert_true(format_whole(buf, sizeof buf, (Wide)UINT64_MAX - 1, &FORMAT_PLAIN));
    assert_string_equal(buf, "18446744073709551614");
    assert_true(format_whole(buf, sizeof buf, (Wide)UINT64_MAX, &FORMAT_PLAIN));
    assert_string_equal(buf, "18446744073709551615");
    assert_true(format_whole(buf, sizeof buf, -(Wide)UINT64_MAX, &FORMAT_PLAIN));
    assert_string_equal(buf, "-18446744073709551615");
    assert_true(format_whole(buf, sizeof buf, (Wide)UINT64_MAX + 1, &FORMAT_TEXT));
    assert_string_equal(buf, "18,446,744,073,709,551,616");
    /* the smallest 128-bit value still has every digit */
    Wide least = (Wide)INT64_MIN * ((Wide)1 << 63) * 2;     /* -2^127 */
    assert_true(format_whole(buf, sizeof buf, least, &FORMAT_PLAIN));
    assert_string_equal(buf, "-170141183460469231731687303715884105728");
}

/* ---- subjects, notes and verdicts from a run --------------------------------------------------- */

/* The run's first check. */
static const Check *first_check(Fixture *f)
{
    CheckIter it;
    return result_first_check(&f->result, &it);
}

TEST(sum_subject_names_every_part)
{
    run_checks(f, "district \"Tuần Giáo\" { opinions 358 { resolved 357  pending 1 } }\n");
    assert_string_equal(subject_text(f, first_check(f)), "district Tuần Giáo: opinions = resolved + pending");
}

TEST(sum_subject_after_five_parts)
{
    /* six parts: five named, then "+ ... (6 parts)" (spec §6.1) */
    run_checks(f, "x 21 { a 1 b 2 c 3 d 4 e 5 g 6 }\n");
    assert_string_equal(subject_text(f, first_check(f)), "the report: x = a + b + c + d + e + ... (6 parts)");
}

TEST(partial_sum_subject_ends_with_ellipsis)
{
    run_checks(f, "households 969 { catholic 261 ... }\n");
    assert_string_equal(subject_text(f, first_check(f)), "the report: households = catholic + ...");
}

TEST(session_subjects)
{
    /* a dated session, a titled one, an undated one (spec §6) */
    run_checks(f, "commune \"A\" {\n"
                  "  dialogue 2024-05-10 { opinions 2 { resolved 2 } }\n"
                  "  dialogue \"Núi Hồng\" { opinions 1 { resolved 1 } }\n"
                  "  dialogue { opinions 3 { resolved 3 } }\n"
                  "}\n");
    CheckIter it;
    const Check *c = result_first_check(&f->result, &it);
    assert_string_equal(subject_text(f, c), "dialogue 2024-05-10 in commune A: opinions = resolved");
    assert_string_equal(subject_text(f, check_next(&it)), "dialogue \"Núi Hồng\" in commune A: opinions = resolved");
    assert_string_equal(subject_text(f, check_next(&it)), "dialogue (undated) in commune A: opinions = resolved");
}

TEST(note_of_one_unknown_part)
{
    /* 10 - 7 = 3 for the one unknown part */
    run_checks(f, "opinions 10 { resolved 7  pending ? }\n");
    assert_string_equal(note_text(f, check_note(first_check(f))), "the unknown part 'pending' would be 3");
}

TEST(note_of_two_unknown_parts)
{
    run_checks(f, "opinions 10 { resolved ?  pending ? }\n");
    assert_string_equal(note_text(f, check_note(first_check(f))), "2 parts are unknown");
}

TEST(no_note_is_null)
{
    run_checks(f, "opinions 10 { resolved 10 }\n");
    assert_null(note_text(f, check_note(first_check(f))));
}

TEST(verdict_of_a_failed_comparison)
{
    Result *r = run_all(f, "commune \"K\" { dialogues 1 }\n"
                           "rule twice { each commune  require: dialogues >= 2 }\n");
    const RuleResult *rr = r->rules;
    assert_int_equal(rr->status, RESULT_FAIL);
    assert_string_equal(failure_subject(f, first_failure(rr)), "commune K");
    /* the condition as written, then both sides: 1 >= 2 */
    assert_string_equal(failure_detail(f, rr, first_failure(rr)), "dialogues >= 2 is false: 1 >= 2 does not hold");
}

TEST(verdict_of_an_unknown_condition)
{
    Result *r = run_all(f, "commune \"K\" { invited ? }\n"
                           "rule r { each commune  require: invited >= 1 }\n");
    const RuleResult *rr = r->rules;
    assert_int_equal(rr->status, RESULT_UNKNOWN);
    assert_string_equal(failure_detail(f, rr, first_failure(rr)),
                        "invited >= 1 is unknown: 'invited' is not known for commune K");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(json_whole_numbers),
        FIXTURE_TEST(whole_numbers_every_digit),
        FIXTURE_TEST(number_with_decimals),
        FIXTURE_TEST(number_not_finite),
        FIXTURE_TEST(number_negative_zero),
        FIXTURE_TEST(text_number_grouped),
        FIXTURE_TEST(text_number_keeps_its_decimals),
        FIXTURE_TEST(text_number_money_and_unknown),
        FIXTURE_TEST(sum_subject_names_every_part),
        FIXTURE_TEST(sum_subject_after_five_parts),
        FIXTURE_TEST(partial_sum_subject_ends_with_ellipsis),
        FIXTURE_TEST(session_subjects),
        FIXTURE_TEST(note_of_one_unknown_part),
        FIXTURE_TEST(note_of_two_unknown_parts),
        FIXTURE_TEST(no_note_is_null),
        FIXTURE_TEST(verdict_of_a_failed_comparison),
        FIXTURE_TEST(verdict_of_an_unknown_condition),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
