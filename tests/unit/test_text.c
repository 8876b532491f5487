/* test_text.c - the text report (interp/text.c, spec §13): a run is built
 * from .dlg text with run_all(), report_text() writes it to a memory
 * stream, and whole lines are compared with lines worked out by hand from
 * the layout in text.c:
 *
 *   check:     "  " STATUS "  " KIND padded to 7 "  " SUBJECT padded to the
 *              widest "  " DECLARED right-aligned " " RELATION padded to 2 " "
 *              COMPUTED padded to 12 ["  imbalance ±N"] ["  (note)"] "  " FILE:LINE:COL
 *   rule:      "  " STATUS "  " ID padded "  " SEVERITY padded to 7 "  " P/T " passed  " TITLE
 *   indicator: "  " ID padded "  " TITLE padded "  " VALUE right-aligned in 12 [" %"] ["  (N / D)"]
 *
 * Widths count characters, not bytes, so Vietnamese text lines up. */
#include "support.h"

/* ---- writing to memory ---------------------------------------------------------------- */

/* The text report of the fixture's run, as a string in the arena. */
static const char *render(Fixture *f, const ReportInput *in)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    report_text(in, out);
    assert_int_equal(fclose(out), 0);
    char *copy = arena_strndup(&f->arena, buf, len);
    free(buf);
    assert_non_null(copy);
    return copy;
}

/* The report of the run just made, with the exit status the command line
 * would give it (spec §12). */
static const char *report_of(Fixture *f, bool strict)
{
    ReportInput in = {
        .header = &f->model->header,
        .result = &f->result,
        .diag = &f->diag,
        .exit_status = result_exit_status(&f->result, strict, f->diag.warnings),
        .strict = strict,
    };
    return render(f, &in);
}

/* Line n (from 0) of a text, without its newline; fails when there is none. */
static const char *line_at(Fixture *f, const char *text, unsigned n)
{
    const char *p = text;
    for (unsigned i = 0; i < n; i++) {
        p = strchr(p, '\n');
        if (!p)
            fail_msg("the text has fewer than %u lines:\n%s", n + 1, text);
        p++;
    }
    const char *end = strchr(p, '\n');
    if (!end)
        fail_msg("line %u is not ended by a newline:\n%s", n, text);
    return arena_strndup(&f->arena, p, (size_t)(end - p));
}

/* The number of the first line equal to `line`; fails when none is. */
static unsigned line_number(Fixture *f, const char *text, const char *line)
{
    for (unsigned n = 0;; n++) {
        const char *p = text;
        for (unsigned i = 0; i < n && p; i++) {
            p = strchr(p, '\n');
            if (p)
                p++;
        }
        if (!p || !*p)
            break;
        if (strcmp(line_at(f, text, n), line) == 0)
            return n;
    }
    fail_msg("no line\n[%s]\nin\n%s", line, text);
    return 0;
}

static void assert_text(const char *got, const char *want)
{
    if (strcmp(got, want) != 0)
        fail_msg("the report is\n%s\n-- but should be --\n%s", got, want);
}

/* Characters (UTF-8 code points) before byte offset `at`. */
static size_t chars_before(const char *s, size_t at)
{
    size_t n = 0;
    for (size_t i = 0; i < at; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* ---- the header (§4.1, §13) -------------------------------------------------------------- */

TEST(header_block_then_checks_then_result)
{
    run_all(f, "report \"Kết quả đối thoại năm 2020\" {\n"
               "  issuer \"UBND huyện Tuần Giáo\"\n"
               "  reference \"Số: 25/BC-UBND\"\n"
               "  date 15/1/2021\n"
               "  place \"Tuần Giáo\"\n"
               "  period 2020-01-01 .. 2020-12-31\n"
               "}\n"
               "invited 100\n"
               "attended 80\n");
    /* one check: the bound attended <= invited at the report (§6.6), 80 <= 100,
     * pointing at `attended`, line 9, column 1. The subject is the widest,
     * the declared value "80" the widest; the computed "100" is padded to
     * 12 (9 spaces), then 2 spaces before the location. */
    assert_text(report_of(f, false),
                "Kết quả đối thoại năm 2020\n"
                "  issuer     UBND huyện Tuần Giáo\n"
                "  reference  Số: 25/BC-UBND\n"
                "  date       2021-01-15\n"
                "  place      Tuần Giáo\n"
                "  period     2020-01-01 .. 2020-12-31\n"
                "\n"
                "Checks: 1 (1 pass, 0 fail, 0 partial, 0 unknown)\n"
                "  pass  bound    the report: attended <= invited  80 <= 100" "         " "  test.dlg:9:1\n"
                "\n"
                "Result: OK: 1 check, none failed.\n");
}

TEST(header_without_a_title)
{
    run_all(f, "issuer \"UBND xã Quài Nưa\"\nperiod 2021-01 .. 2021-06\n");
    /* no title line; only the attributes given; no check, rule or indicator */
    assert_text(report_of(f, false),
                "  issuer     UBND xã Quài Nưa\n"
                "  period     2021-01 .. 2021-06\n"
                "\n"
                "Result: OK: 0 checks, none failed.\n");
}

TEST(no_header)
{
    run_all(f, "invited 5\n");
    assert_text(report_of(f, false), "Result: OK: 0 checks, none failed.\n");
}

/* ---- checks (§6, §13) ------------------------------------------------------------------------ */

TEST(a_passing_and_a_failing_check)
{
    run_all(f, "commune \"Quài Nưa\" {\n"
               "  opinions 12 { resolved 10  pending 2 }\n"
               "}\n"
               "commune \"Tỏa Tình\" {\n"
               "  opinions 34 { resolved 30  pending 3 }\n"
               "}\n");
    /* 10 + 2 = 12 passes; 30 + 3 = 33 against 34 fails, imbalance 34 - 33 = +1.
     * Both subjects are 47 characters ("commune " 8, the name 8, ": " 2,
     * "opinions = resolved + pending" 29): no padding. The computed value
     * is padded to 12: "12" or "33" and 10 spaces. */
    assert_int_equal(f->result.checks_failed, 1);
    assert_text(report_of(f, false),
                "Checks: 2 (1 pass, 1 fail, 0 partial, 0 unknown)\n"
                "  pass  sum      commune Quài Nưa: opinions = resolved + pending  12 =  12" "          "
                "  test.dlg:2:3\n"
                "  FAIL  sum      commune Tỏa Tình: opinions = resolved + pending  34 =  33" "          "
                "  imbalance +1  test.dlg:5:3\n"
                "\n"
                "Result: the report is wrong: 1 check failed.\n");
}

TEST(vietnamese_subjects_align_by_characters)
{
    /* "Mường Mùn": 9 characters in 13 bytes (ư 2, ờ 3, ù 2);
     * "Nà Sáy": 6 characters in 8 bytes (à 2, á 2) */
    run_all(f, "commune \"Mường Mùn\" { opinions 12 { resolved 10  pending 2 } }\n"
               "commune \"Nà Sáy\" { opinions 34 { resolved 34  pending 0 } }\n");
    const char *text = report_of(f, false);
    const char *l1 = line_at(f, text, 1), *l2 = line_at(f, text, 2);
    /* the widest subject: 8 + 9 + 2 + 29 = 48 characters; the shorter one
     * (45) gets 3 spaces. The opening quote is at column 9, so the
     * closing one at 9 + 1 + 9 = 19 on line 1 and 9 + 1 + 6 = 16 on line 2;
     * `opinions` follows " { ": columns 23 and 20 */
    assert_text(l1, "  pass  sum      commune Mường Mùn: opinions = resolved + pending  12 =  12"
                    "          " "  test.dlg:1:23");
    assert_text(l2, "  pass  sum      commune Nà Sáy: opinions = resolved + pending     34 =  34"
                    "          " "  test.dlg:2:20");
    /* the declared values start in the same character column:
     * 2 + 4 + 2 + 7 + 2 + 48 + 2 = 67 */
    const char *v1 = strstr(l1, "12 =");
    const char *v2 = strstr(l2, "34 =");
    assert_non_null(v1);
    assert_non_null(v2);
    assert_int_equal(chars_before(l1, (size_t)(v1 - l1)), 67);
    assert_int_equal(chars_before(l2, (size_t)(v2 - l2)), 67);
    /* ... though not in the same byte column: 67 + 13 - 9 = 71 and
     * 67 + 8 - 6 = 69, so padding by bytes would have missed */
    assert_int_equal(v1 - l1, 71);
    assert_int_equal(v2 - l2, 69);
}

TEST(money_is_right_aligned_by_characters)
{
    run_all(f, "budget 1_500_000đ { wages 1_000_000đ  other 500_000đ }\n"
               "fund 900đ { a 400đ  b 500đ }\n");
    /* 1,000,000 + 500,000 = 1,500,000 and 400 + 500 = 900: both pass.
     * "1,500,000 đ" is 11 characters (12 bytes), "900 đ" 5: the second is
     * right-aligned with 6 spaces; computed values padded to 12 (1 and 7
     * spaces). Subjects: 12 + 22 = 34 and 12 + 12 = 24, padded by 10. */
    assert_text(report_of(f, false),
                "Checks: 2 (2 pass, 0 fail, 0 partial, 0 unknown)\n"
                "  pass  sum      the report: budget = wages + other  1,500,000 đ =  1,500,000 đ" " "
                "  test.dlg:1:1\n"
                "  pass  sum      the report: fund = a + b" "          " "  " "      " "900 đ =  900 đ" "       "
                "  test.dlg:2:1\n"
                "\n"
                "Result: OK: 2 checks, none failed.\n");
}

TEST(check_lines_with_coverage_and_a_note)
{
    run_all(f, "communes 3\n"
               "commune \"A\" { }\n"
               "opinions 10 { resolved 4  pending ? }\n");
    /* communes 3 with 1 present: a lower bound, 3 >= 1 holds with coverage
     * 1/3, so the check is partial, not a pass (§6.3). pending is '?':
     * unknown, and it would be 10 - 4 = 6 (§6.1). Subjects: "the report:
     * communes" (20), padded by 21 to 41. The result is OK but says what
     * was not decided. */
    assert_text(report_of(f, false),
                "Checks: 2 (0 pass, 0 fail, 1 partial, 1 unknown)\n"
                "  part  rollup   the report: communes" "                     " "   3 >= 1" "           "
                "  coverage 1/3  test.dlg:1:1\n"
                "  ????  sum      the report: opinions = resolved + pending  10 =  ?" "           "
                "  (the unknown part 'pending' would be 6)  test.dlg:3:1\n"
                "\n"
                "Result: OK: 2 checks, none failed; not decided: 1 partial check, 1 unknown check.\n");
    /* with --strict the same report is wrong, and says why */
    assert_int_equal(result_exit_status(&f->result, true, 0), 1);
    const char *strict = report_of(f, true);
    assert_non_null(strstr(strict, "Result: the report is wrong under --strict: 1 partial check, 1 unknown check.\n"));
}

/* ---- rules (§9, §13) ------------------------------------------------------------------------- */

TEST(rules_section)
{
    run_all(f, "commune \"Quài Nưa\" { dialogues 0 }\n"
               "commune \"Tỏa Tình\" { dialogues 2 }\n"
               "rule yearly \"Đối thoại ít nhất một lần\" {\n"
               "  each commune\n"
               "  require: dialogues >= 1\n"
               "}\n"
               "rule listed \"Có tiếp công dân\" {\n"
               "  severity warning\n"
               "  each reception\n"
               "  require: receptions >= 1\n"
               "}\n");
    /* no check: each commune declares `dialogues` but lists no dialogue
     * and has no child to compare it with (§6.3, §6.4), and the report
     * declares nothing; so the text starts with the rules */
    assert_int_equal(f->result.nchecks, 0);
    const char *text = report_of(f, false);
    unsigned n = line_number(f, text, "Rules");
    assert_int_equal(n, 0);
    /* ids padded to the widest, "yearly" and "listed" (6): none; Quài Nưa
     * fails (0 >= 1), Tỏa Tình passes (2 >= 1): 1 of 2. Every subject is
     * listed with its values, pointing at the commune's name: line 1,
     * column 9, and line 2, column 9. */
    assert_text(line_at(f, text, n + 1), "  FAIL  yearly  error    1/2 passed  Đối thoại ít nhất một lần");
    assert_text(line_at(f, text, n + 2),
                "        FAIL  commune Quài Nưa: dialogues >= 1 is false: 0 >= 1 does not hold  test.dlg:1:9");
    assert_text(line_at(f, text, n + 3),
                "        pass  commune Tỏa Tình: dialogues >= 1 holds: 2 >= 1  test.dlg:2:9");
    /* no reception listed: unknown, with the note; "warning" fills the 7 */
    assert_text(line_at(f, text, n + 4), "  ????  listed  warning  0/0 passed  Có tiếp công dân");
    assert_text(line_at(f, text, n + 5), "        (no reception in this report to check)");
    assert_text(line_at(f, text, n + 6), "");
    /* an error rule failed: exit status 1; the warning rule is unknown */
    assert_int_equal(f->result.rules_failed_error, 1);
    assert_text(line_at(f, text, n + 7),
                "Result: the report is wrong: 1 error rule failed; not decided: 1 unknown rule.");
}

/* ---- indicators (§8, §13) -------------------------------------------------------------------- */

TEST(indicators_section)
{
    run_all(f, "district \"Tuần Giáo\" {\n"
               "  commune \"Quài Nưa\" { invited 5_590  attended 4_674 }\n"
               "  commune \"Tỏa Tình\" { invited 10_000  attended 8_000 }\n"
               "}\n"
               "indicator attendance \"Tỷ lệ đại biểu tham dự\" = percent(attended, invited) {\n"
               "  per commune\n"
               "  note \"số liệu của UBND xã\"\n"
               "}\n");
    const char *text = report_of(f, false);
    unsigned n = line_number(f, text, "Indicators");
    /* report: (4,674 + 8,000) / (5,590 + 10,000) = 12,674 / 15,590
     * = 81.2957...%, shown as 81.30 right-aligned in 12 (7 spaces).
     * The id is 10 wide; the title 22 ("Tỷ lệ đại biểu tham dự": 17
     * letters and 5 spaces). */
    assert_text(line_at(f, text, n + 1),
                "  attendance  Tỷ lệ đại biểu tham dự  " "       81.30 %  (12,674 / 15,590)");
    /* the note under the report-level value: 2 + 10 + 4 spaces */
    assert_text(line_at(f, text, n + 2), "                note: số liệu của UBND xã");
    /* per commune: 2 + 10 + 4 spaces, the subject (16) padded to 22 - 2 = 20,
     * so the values line up with the report's, column 2 + 10 + 2 + 22 + 2 = 38.
     * Quài Nưa: 4,674 / 5,590 = 83.6136...% -> 83.61; Tỏa Tình: 8,000 / 10,000
     * = 80% exactly, shown without decimals */
    assert_text(line_at(f, text, n + 3),
                "                commune Quài Nưa    " "  " "       83.61 %  (4,674 / 5,590)");
    assert_text(line_at(f, text, n + 4),
                "                commune Tỏa Tình    " "  " "          80 %  (8,000 / 10,000)");
    assert_text(line_at(f, text, n + 5), "");
    /* the value column: 38 characters on every row */
    const char *rows[] = { line_at(f, text, n + 1), line_at(f, text, n + 3), line_at(f, text, n + 4) };
    for (unsigned i = 0; i < 3; i++) {
        const char *pct = strstr(rows[i], " %");
        assert_non_null(pct);
        /* the value ends where " %" starts: 38 + 12 = 50 */
        assert_int_equal(chars_before(rows[i], (size_t)(pct - rows[i])), 50);
    }
    /* checks: attended <= invited in each commune, 4,674 <= 5,590 and
     * 8,000 <= 10,000, both declared there: 2 checks, both pass */
    assert_text(line_at(f, text, n + 6), "Result: OK: 2 checks, none failed.");
}

TEST(indicator_without_a_value)
{
    run_all(f, "invited 0\nattended 0\nindicator rate \"Tỷ lệ\" = percent(attended, invited)\n");
    const char *text = report_of(f, false);
    unsigned n = line_number(f, text, "Indicators");
    /* 0 / 0: no value; "-" right-aligned in 12, then the note */
    assert_text(line_at(f, text, n + 1), "  rate  Tỷ lệ  " "           -" "  the denominator is zero");
}

/* Per-unit indicator rows once padded their subject to the width of the
 * report-level titles less 2 without measuring the subjects, so a subject
 * wider than the titles moved its value right of the report's value
 * column, though §13 says the indicators are aligned. */
TEST(per_unit_values_align_with_a_short_title)
{
    run_all(f, "commune \"Quài Nưa\" { invited 4  attended 2 }\n"
               "indicator rate \"Tỷ lệ\" = percent(attended, invited) { per commune }\n");
    const char *text = report_of(f, false);
    unsigned n = line_number(f, text, "Indicators");
    /* 2 / 4 = 50 %, for the report and for Quài Nưa */
    const char *report_row = line_at(f, text, n + 1), *unit_row = line_at(f, text, n + 2);
    /* the title column widens to the subject: "commune Quài Nưa" is 16
     * characters, and a subject stands 2 right of the titles, so 18;
     * "Tỷ lệ" (5) is padded with 13 spaces */
    assert_text(report_row, "  rate  Tỷ lệ             " "  " "          50 %  (2 / 4)");
    /* the report's " %" starts at 2 + 4 + 2 + 18 + 2 + 12 = 40 characters,
     * the unit row's at 2 + 4 + 4 + 16 + 2 + 12 = 40 too */
    const char *p1 = strstr(report_row, " %"), *p2 = strstr(unit_row, " %");
    assert_non_null(p1);
    assert_non_null(p2);
    assert_int_equal(chars_before(report_row, (size_t)(p1 - report_row)), 40);
    assert_int_equal(chars_before(unit_row, (size_t)(p2 - unit_row)), 40);
}

/* ---- the verdict (§12, §13) ------------------------------------------------------------------ */

TEST(result_line_when_checks_and_a_rule_fail)
{
    run_all(f, "opinions 10 { resolved 4  pending 5 }\n"
               "invited 10 { men 4  women 5 }\n"
               "rule enough \"Đủ\": invited >= 20\n");
    /* 4 + 5 = 9 against 10, twice: imbalance +1 each; 10 >= 20 is false,
     * an error rule: exit status 1. Subjects: "the report: " (12) and
     * "opinions = resolved + pending" (29) = 41, "invited = men + women"
     * (21) = 33, padded by 8. The rule's subject is the report, at its id
     * (line 3, column 6). */
    assert_int_equal(result_exit_status(&f->result, false, 0), 1);
    assert_text(report_of(f, false),
                "Checks: 2 (0 pass, 2 fail, 0 partial, 0 unknown)\n"
                "  FAIL  sum      the report: opinions = resolved + pending  10 =  9" "           "
                "  imbalance +1  test.dlg:1:1\n"
                "  FAIL  sum      the report: invited = men + women" "        " "  10 =  9" "           "
                "  imbalance +1  test.dlg:2:1\n"
                "\n"
                "Rules\n"
                "  FAIL  enough  error    0/1 passed  Đủ\n"
                "        FAIL  the report: invited >= 20 is false: 10 >= 20 does not hold  test.dlg:3:6\n"
                "\n"
                "Result: the report is wrong: 2 checks failed, 1 error rule failed.\n");
}

TEST(result_line_for_a_failed_warning_rule)
{
    run_all(f, "invited 100\nattended 80\n"
               "rule turnout \"Tham dự\" {\n  severity warning\n  require: attended >= 90\n}\n");
    /* 80 >= 90 is false, a warning: exit 0 unless --strict; the bound
     * 80 <= 100 passes */
    assert_int_equal(f->result.rules_failed_warning, 1);
    assert_int_equal(result_exit_status(&f->result, false, 0), 0);
    const char *text = report_of(f, false);
    assert_non_null(strstr(text, "\nResult: OK, but 1 warning rule failed.\n"));
    assert_text(strstr(text, "Result:"), "Result: OK, but 1 warning rule failed.\n");
    /* --strict: exit 1 */
    assert_int_equal(result_exit_status(&f->result, true, 0), 1);
    text = report_of(f, true);
    assert_text(strstr(text, "Result:"), "Result: the report is wrong: 1 warning rule failed.\n");
}

TEST(nothing_evaluated)
{
    /* two counts written the documents' way are two errors (§2.4) */
    parse_text(f, "invited 15.590\nattended 12,674\n");
    assert_int_equal(f->diag.errors, 2);
    ReportInput in = { .diag = &f->diag, .exit_status = 2 };
    assert_text(render(f, &in), "dlg: nothing was evaluated: 2 errors in the input (see above)\n");
}

TEST(nothing_evaluated_after_one_error)
{
    parse_text(f, "invited 15.590\n");
    assert_int_equal(f->diag.errors, 1);
    ReportInput in = { .diag = &f->diag, .exit_status = 2 };
    assert_text(render(f, &in), "dlg: nothing was evaluated: 1 error in the input (see above)\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(header_block_then_checks_then_result),
        FIXTURE_TEST(header_without_a_title),
        FIXTURE_TEST(no_header),
        FIXTURE_TEST(a_passing_and_a_failing_check),
        FIXTURE_TEST(vietnamese_subjects_align_by_characters),
        FIXTURE_TEST(money_is_right_aligned_by_characters),
        FIXTURE_TEST(check_lines_with_coverage_and_a_note),
        FIXTURE_TEST(rules_section),
        FIXTURE_TEST(indicators_section),
        FIXTURE_TEST(indicator_without_a_value),
        FIXTURE_TEST(result_line_when_checks_and_a_rule_fail),
        FIXTURE_TEST(result_line_for_a_failed_warning_rule),
        FIXTURE_TEST(nothing_evaluated),
        FIXTURE_TEST(nothing_evaluated_after_one_error),
        FIXTURE_TEST(per_unit_values_align_with_a_short_title),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
