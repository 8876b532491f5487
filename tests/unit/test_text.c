/* test_text.c - the text report (interp/text.c, spec §13): a run is built
 * from .dlg text with run_all(), report_text() writes it to a memory
 * stream, and whole lines are compared with lines worked out by hand from
 * the layout in text.c, 80 columns wide unless a test says otherwise:
 *
 *   check:     "  " STATUS "  " KIND padded to 7 "  " SUBJECT padded to the
 *              widest (at most what the line leaves) "  " DECLARED right-aligned
 *              " " RELATION padded to 2 " " COMPUTED, then each of
 *              imbalance ±N, coverage C/E, (note) and FILE:LINE:COL after
 *              two spaces when it fits in the line, else on the next line
 *              from column 17; a subject too long wraps, its rest from column 19
 *   rule:      "  " STATUS "  " ID padded "  " SEVERITY padded to 7 "  " P/T " passed",
 *              then the title and [CODE] likewise (next lines from column 10)
 *   indicator: "  " ID padded "  " TITLE padded "  " VALUE right-aligned [" %"],
 *              then (N / D) and the note likewise (next lines under the title)
 *
 * Widths count the columns a terminal gives each character: a decomposed
 * accent takes none, a wide character two; so Vietnamese text lines up. */
#include "support.h"

#include "unicode.h"

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
static const char *laid_out(Fixture *f, bool strict, ReportLayout layout)
{
    ReportInput in = {
        .header = &f->model->header,
        .result = &f->result,
        .diag = &f->diag,
        .exit_status = result_exit_status(&f->result, strict, f->diag.warnings),
        .strict = strict,
        .layout = layout,
    };
    return render(f, &in);
}

static const char *report_of(Fixture *f, bool strict)
{
    return laid_out(f, strict, (ReportLayout){ 0 });
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

/* The columns a terminal gives a line (unicode_columns: 0 for a
 * combining mark, 2 for a wide character); the line has no escapes. */
static size_t columns(const char *line)
{
    size_t w = 0, k;
    for (size_t i = 0, n = strlen(line); i < n; i += k)
        w += (size_t)unicode_columns(line + i, n - i, &k);
    return w;
}

/* Fails unless every line of `text` fits in `width` columns. */
static void assert_fits(Fixture *f, const char *text, size_t width)
{
    for (const char *p = text; *p;) {
        const char *end = strchr(p, '\n');
        assert_non_null(end);
        const char *line = arena_strndup(&f->arena, p, (size_t)(end - p));
        if (columns(line) > width)
            fail_msg("a line of %zu columns, more than %zu:\n[%s]\nin\n%s", columns(line), width, line, text);
        p = end + 1;
    }
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
     * the declared value "80" the widest; the location after 2 spaces fits
     * in 80 columns (17 + 31 + 2 + 9 + 2 + 12 = 73). */
    assert_text(report_of(f, false),
                "  Kết quả đối thoại năm 2020\n"
                "  issuer     UBND huyện Tuần Giáo\n"
                "  reference  Số: 25/BC-UBND\n"
                "  date       2021-01-15\n"
                "  place      Tuần Giáo\n"
                "  period     2020-01-01 .. 2020-12-31\n"
                "\n"
                "Checks: 1 (1 pass, 0 fail, 0 partial, 0 unknown)\n"
                "  pass  bound    the report: attended <= invited  80 <= 100  test.dlg:9:1\n"
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
     * "opinions = resolved + pending" 29): no padding. The failure comes
     * first. A line is 17 + 47 + 2 + 9 = 75 columns: the location (14 with
     * its spaces) goes on the next line, from column 17, after the
     * imbalance, which does not fit either (75 + 14 > 80). */
    assert_int_equal(f->result.checks_failed, 1);
    assert_text(report_of(f, false),
                "Checks: 2 (1 pass, 1 fail, 0 partial, 0 unknown)\n"
                "  FAIL  sum      commune Tỏa Tình: opinions = resolved + pending  34 =  33\n"
                "                 imbalance +1  test.dlg:5:3\n"
                "  pass  sum      commune Quài Nưa: opinions = resolved + pending  12 =  12\n"
                "                 test.dlg:2:3\n"
                "\n"
                "Result: the report is wrong: 1 check failed.\n");
    /* 120 columns: each check on one line */
    assert_text(laid_out(f, false, (ReportLayout){ .width = 120 }),
                "Checks: 2 (1 pass, 1 fail, 0 partial, 0 unknown)\n"
                "  FAIL  sum      commune Tỏa Tình: opinions = resolved + pending  34 =  33  imbalance +1  test.dlg:5:3\n"
                "  pass  sum      commune Quài Nưa: opinions = resolved + pending  12 =  12  test.dlg:2:3\n"
                "\n"
                "Result: the report is wrong: 1 check failed.\n");
}

TEST(vietnamese_subjects_align_by_characters)
{
    /* "Mường Mùn": 9 characters in 13 bytes (ư 2, ờ 3, ù 2);
     * "Nà Sáy": 6 characters in 8 bytes (à 2, á 2) */
    run_all(f, "commune \"Mường Mùn\" { opinions 12 { resolved 10  pending 2 } }\n"
               "commune \"Nà Sáy\" { opinions 34 { resolved 34  pending 0 } }\n");
    const char *text = laid_out(f, false, (ReportLayout){ .width = 100 });
    const char *l1 = line_at(f, text, 1), *l2 = line_at(f, text, 2);
    /* the widest subject: 8 + 9 + 2 + 29 = 48 characters; the shorter one
     * (45) gets 3 spaces. The opening quote is at column 9, so the
     * closing one at 9 + 1 + 9 = 19 on line 1 and 9 + 1 + 6 = 16 on line 2;
     * `opinions` follows " { ": columns 23 and 20 */
    assert_text(l1, "  pass  sum      commune Mường Mùn: opinions = resolved + pending  12 =  12  test.dlg:1:23");
    assert_text(l2, "  pass  sum      commune Nà Sáy: opinions = resolved + pending     34 =  34  test.dlg:2:20");
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
     * right-aligned with 6 spaces. Subjects: 12 + 22 = 34 and 12 + 12 = 24,
     * padded by 10. The lines are 17 + 34 + 2 + 26 = 79 columns: the
     * locations go below. */
    assert_text(report_of(f, false),
                "Checks: 2 (2 pass, 0 fail, 0 partial, 0 unknown)\n"
                "  pass  sum      the report: budget = wages + other  1,500,000 đ =  1,500,000 đ\n"
                "                 test.dlg:1:1\n"
                "  pass  sum      the report: fund = a + b" "          " "  " "      " "900 đ =  900 đ\n"
                "                 test.dlg:2:1\n"
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
     * communes" (20), padded by 21 to 41. The partial check comes before
     * the unknown one. Lines of 17 + 41 + 2 + 7 = 67 columns leave no room
     * for "  coverage 1/3" (14). The result is OK but says what was not
     * decided, on one line however long. */
    assert_text(report_of(f, false),
                "Checks: 2 (0 pass, 0 fail, 1 partial, 1 unknown)\n"
                "  part  rollup   the report: communes" "                     " "   3 >= 1\n"
                "                 coverage 1/3  test.dlg:1:1\n"
                "  ????  sum      the report: opinions = resolved + pending  10 =  ?\n"
                "                 (the unknown part 'pending' would be 6)  test.dlg:3:1\n"
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
     * column 9, and line 2, column 9; the failed one first. The first
     * verdict is 78 columns long: its position goes below, from column 14;
     * the second (64) has room for it. */
    assert_text(line_at(f, text, n + 1), "  FAIL  yearly  error    1/2 passed  Đối thoại ít nhất một lần");
    assert_text(line_at(f, text, n + 2),
                "        FAIL  commune Quài Nưa: dialogues >= 1 is false: 0 >= 1 does not hold");
    assert_text(line_at(f, text, n + 3), "              test.dlg:1:9");
    assert_text(line_at(f, text, n + 4),
                "        pass  commune Tỏa Tình: dialogues >= 1 holds: 2 >= 1  test.dlg:2:9");
    /* no reception listed: unknown, with the note; "warning" fills the 7 */
    assert_text(line_at(f, text, n + 5), "  ????  listed  warning  0/0 passed  Có tiếp công dân");
    assert_text(line_at(f, text, n + 6), "        (no reception in this report to check)");
    assert_text(line_at(f, text, n + 7), "");
    /* an error rule failed: exit status 1; the warning rule is unknown */
    assert_int_equal(f->result.rules_failed_error, 1);
    assert_text(line_at(f, text, n + 8),
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
     * = 81.2957...%, shown as 81.30, right-aligned in the widest value (5).
     * The id is 10 wide; the title 22 ("Tỷ lệ đại biểu tham dự": 17
     * letters and 5 spaces). */
    assert_text(line_at(f, text, n + 1), "  attendance  Tỷ lệ đại biểu tham dự  81.30 %  (12,674 / 15,590)");
    /* the note under the report-level value: 2 + 10 + 4 spaces */
    assert_text(line_at(f, text, n + 2), "                note: số liệu của UBND xã");
    /* per commune: 2 + 10 + 4 spaces, the subject (16) padded to 22 - 2 = 20,
     * so the values line up with the report's, column 2 + 10 + 2 + 22 + 2 = 38.
     * Quài Nưa: 4,674 / 5,590 = 83.6136...% -> 83.61; Tỏa Tình: 8,000 / 10,000
     * = 80% exactly, shown without decimals */
    assert_text(line_at(f, text, n + 3), "                commune Quài Nưa    " "  " "83.61 %  (4,674 / 5,590)");
    assert_text(line_at(f, text, n + 4), "                commune Tỏa Tình    " "  " "   80 %  (8,000 / 10,000)");
    assert_text(line_at(f, text, n + 5), "");
    /* the value column: 38 characters on every row */
    const char *rows[] = { line_at(f, text, n + 1), line_at(f, text, n + 3), line_at(f, text, n + 4) };
    for (unsigned i = 0; i < 3; i++) {
        const char *pct = strstr(rows[i], " %");
        assert_non_null(pct);
        /* the value ends where " %" starts: 38 + 5 = 43 */
        assert_int_equal(chars_before(rows[i], (size_t)(pct - rows[i])), 43);
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
    /* 0 / 0: no value; "-", then the note */
    assert_text(line_at(f, text, n + 1), "  rate  Tỷ lệ  -  the denominator is zero");
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
    assert_text(report_row, "  rate  Tỷ lệ             " "  " "50 %  (2 / 4)");
    /* the report's " %" starts at 2 + 4 + 2 + 18 + 2 + 2 = 30 characters,
     * the unit row's at 2 + 4 + 4 + 16 + 2 + 2 = 30 too */
    const char *p1 = strstr(report_row, " %"), *p2 = strstr(unit_row, " %");
    assert_non_null(p1);
    assert_non_null(p2);
    assert_int_equal(chars_before(report_row, (size_t)(p1 - report_row)), 30);
    assert_int_equal(chars_before(unit_row, (size_t)(p2 - unit_row)), 30);
}

/* ---- order, --quiet, colour (§13) ------------------------------------------------------------ */

/* A check of each outcome but partial, a rule of each, a rule and an
 * indicator without a title. The commune lines: 12 = 10 + 2 holds, 34 =
 * 30 + 3 fails by +1; women is '?' (10 - 4 = 6). Tỏa Tình held no
 * dialogue; no reception is listed; invited 10 >= 1 holds. */
static const char MIXED[] = "commune \"Quài Nưa\" { dialogues 2  opinions 12 { resolved 10  pending 2 } }\n"
                            "commune \"Tỏa Tình\" { dialogues 0  opinions 34 { resolved 30  pending 3 } }\n"
                            "invited 10 { men 4  women ? }\n"
                            "rule listed \"Có tiếp công dân\" {\n"
                            "  severity warning\n"
                            "  each reception\n"
                            "  require: receptions >= 1\n"
                            "}\n"
                            "rule yearly \"Đối thoại\" {\n"
                            "  each commune\n"
                            "  require: dialogues >= 1\n"
                            "}\n"
                            "rule r: invited >= 1\n"
                            "indicator rate = percent(opinions.resolved, opinions)\n";

TEST(what_failed_comes_first)
{
    run_all(f, MIXED);
    /* checks in the order of the result are pass (Quài Nưa), FAIL (Tỏa
     * Tình), unknown (the report); rules listed (unknown), yearly (FAIL), r
     * (pass), and yearly's verdicts pass then FAIL. Each section shows
     * them failed first, then unknown, then passed. The rule and the
     * indicator without a title show their identifier once: "r" and
     * "rate" are nowhere else on their lines. 40 of 46 opinions resolved:
     * 86.96 %. */
    assert_text(report_of(f, false),
                "Checks: 3 (1 pass, 1 fail, 0 partial, 1 unknown)\n"
                "  FAIL  sum      commune Tỏa Tình: opinions = resolved + pending  34 =  33\n"
                "                 imbalance +1  test.dlg:2:35\n"
                "  ????  sum      the report: invited = men + women                10 =  ?\n"
                "                 (the unknown part 'women' would be 6)  test.dlg:3:1\n"
                "  pass  sum      commune Quài Nưa: opinions = resolved + pending  12 =  12\n"
                "                 test.dlg:1:35\n"
                "\n"
                "Rules\n"
                "  FAIL  yearly  error    1/2 passed  Đối thoại\n"
                "        FAIL  commune Tỏa Tình: dialogues >= 1 is false: 0 >= 1 does not hold\n"
                "              test.dlg:2:9\n"
                "        pass  commune Quài Nưa: dialogues >= 1 holds: 2 >= 1  test.dlg:1:9\n"
                "  ????  listed  warning  0/0 passed  Có tiếp công dân\n"
                "        (no reception in this report to check)\n"
                "  pass  r       error    1/1 passed\n"
                "        pass  the report: invited >= 1 holds: 10 >= 1  test.dlg:13:6\n"
                "\n"
                "Indicators\n"
                "  rate    86.96 %  (40 / 46)\n"
                "\n"
                "Result: the report is wrong: 1 check failed, 1 error rule failed; not decided: 1 unknown check, 1 "
                "unknown rule.\n");
}

TEST(quiet_shows_what_fails)
{
    run_all(f, MIXED);
    /* no header, indicators or passes; a failed rule with its failed
     * subjects only; the counts line of the checks stays */
    assert_text(laid_out(f, false, (ReportLayout){ .quiet = true }),
                "Checks: 3 (1 pass, 1 fail, 0 partial, 1 unknown)\n"
                "  FAIL  sum      commune Tỏa Tình: opinions = resolved + pending  34 =  33\n"
                "                 imbalance +1  test.dlg:2:35\n"
                "\n"
                "Rules\n"
                "  FAIL  yearly  error    1/2 passed  Đối thoại\n"
                "        FAIL  commune Tỏa Tình: dialogues >= 1 is false: 0 >= 1 does not hold\n"
                "              test.dlg:2:9\n"
                "\n"
                "Result: the report is wrong: 1 check failed, 1 error rule failed; not decided: 1 unknown check, 1 "
                "unknown rule.\n");
    /* under --strict what is unknown fails too, and is shown */
    assert_text(laid_out(f, true, (ReportLayout){ .quiet = true }),
                "Checks: 3 (1 pass, 1 fail, 0 partial, 1 unknown)\n"
                "  FAIL  sum      commune Tỏa Tình: opinions = resolved + pending  34 =  33\n"
                "                 imbalance +1  test.dlg:2:35\n"
                "  ????  sum      the report: invited = men + women                10 =  ?\n"
                "                 (the unknown part 'women' would be 6)  test.dlg:3:1\n"
                "\n"
                "Rules\n"
                "  FAIL  yearly  error    1/2 passed  Đối thoại\n"
                "        FAIL  commune Tỏa Tình: dialogues >= 1 is false: 0 >= 1 does not hold\n"
                "              test.dlg:2:9\n"
                "  ????  listed  warning  0/0 passed  Có tiếp công dân\n"
                "        (no reception in this report to check)\n"
                "\n"
                "Result: the report is wrong: 1 check failed, 1 error rule failed; not decided: 1 unknown check, 1 "
                "unknown rule.\n");
}

/* n communes of one district, each with attended <= invited passing */
static const char *communes_passing(Fixture *f, unsigned n)
{
    const char *text = "district \"D\" {\n";
    for (unsigned i = 1; i <= n; i++)
        text = arena_printf(&f->arena, "%s  commune \"X%u\" { invited 2  attended 1 }\n", text, i);
    return arena_printf(&f->arena, "%s}\n", text);
}

static unsigned lines_starting(const char *text, const char *start)
{
    unsigned n = 0;
    size_t k = strlen(start);
    for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
        n += strncmp(p, start, k) == 0;
    return n;
}

TEST(passes_listed_up_to_a_hundred_then_counted)
{
    /* spec §13: up to REPORT_PASSES_LISTED (100) passing checks are listed
     * one a line; one more and they are counted by kind, unless --all */
    run_all(f, communes_passing(f, 100));
    const char *text = report_of(f, false);
    assert_int_equal(lines_starting(text, "  pass  bound    commune X"), 100);
    assert_null(strstr(text, "checks pass"));

    run_all(f, communes_passing(f, 101));
    text = report_of(f, false);
    assert_int_equal(lines_starting(text, "  pass  bound    commune X"), 0);
    assert_non_null(strstr(text, "\n  pass  bound    101 checks pass (--all lists them)\n"));
    text = laid_out(f, false, (ReportLayout){ .all = true });
    assert_int_equal(lines_starting(text, "  pass  bound    commune X"), 101);
    assert_null(strstr(text, "checks pass"));
}

TEST(quiet_when_nothing_fails)
{
    run_all(f, "report \"Báo cáo\" { period 2024 }\ninvited 10\nattended 8\n"
               "indicator rate \"Tỷ lệ\" = percent(attended, invited)\n");
    /* 8 <= 10 holds: the result line alone */
    assert_text(laid_out(f, false, (ReportLayout){ .quiet = true }), "Result: OK: 1 check, none failed.\n");
}

TEST(colour_when_asked)
{
    run_all(f, "report \"Báo cáo\" { period 2024 }\n"
               "opinions 10 { resolved 4  pending 5 }\ninvited 10\nattended 8\n");
    /* 4 + 5 = 9 against 10 fails; 8 <= 10 holds. Headings bold (1), FAIL
     * bold red (1;31), pass green (32); the result's verdict bold red;
     * each turned off (0) right after */
    const char *text = laid_out(f, false, (ReportLayout){ .colour = true });
    assert_text(text, "  \x1b[1mBáo cáo\x1b[0m\n"
                      "  period     2024-01-01 .. 2024-12-31\n"
                      "\n"
                      "\x1b[1mChecks: 2 (1 pass, 1 fail, 0 partial, 0 unknown)\x1b[0m\n"
                      "  \x1b[1;31mFAIL\x1b[0m  sum      the report: opinions = resolved + pending  10 =  9\n"
                      "                 imbalance +1  test.dlg:2:1\n"
                      "  \x1b[32mpass\x1b[0m  bound    the report: attended <= invited             8 <= 10\n"
                      "                 test.dlg:4:1\n"
                      "\n"
                      "\x1b[1mResult: \x1b[1;31mthe report is wrong\x1b[0m: 1 check failed.\n");
    /* without colour not one escape */
    assert_null(strchr(report_of(f, false), '\x1b'));
}

/* ---- width (§13) ------------------------------------------------------------------------------ */

TEST(a_narrow_width_wraps_subjects_and_titles)
{
    run_all(f, "report \"Kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2021\" { period h1 2021 }\n"
               "district \"Tuần Giáo\" {\n"
               "  receptions 99 { district_level 33  commune_level 66 }\n"
               "}\n"
               "indicator share \"Tỷ lệ lượt tiếp công dân ở cấp xã trên tổng số lượt tiếp\" = "
               "percent(receptions.commune_level, receptions)\n");
    /* 33 + 66 = 99; 66 / 99 = 66.67 %. In 50 columns: the title, from
     * column 2 (no text of the input starts a line), wraps at its last
     * space within 50 ("... quyền 6" ends at column 50), its rest
     * indented 2 as well. The subject
     * "district Tuần Giáo: receptions = district_level + commune_level"
     * (59) gets 50 - 17 - 2 - 8 = 23 columns ("99 =  99" takes 8), wraps
     * after "Tuần Giáo:" and goes on from column 19, to 50; the location
     * fits after it. The indicator title gets 50 - 9 - 2 - 5 - 2 = 32
     * columns; its rest goes on from column 11, (66 / 99) after it. */
    const char *text = laid_out(f, false, (ReportLayout){ .width = 50 });
    assert_text(text, "  Kết quả thực hiện công tác dân vận chính quyền 6\n"
                      "  tháng đầu năm 2021\n"
                      "  period     2021-01-01 .. 2021-06-30\n"
                      "\n"
                      "Checks: 1 (1 pass, 0 fail, 0 partial, 0 unknown)\n"
                      "  pass  sum      district Tuần Giáo:      99 =  99\n"
                      "                   receptions = district_level +\n"
                      "                   commune_level  test.dlg:3:3\n"
                      "\n"
                      "Indicators\n"
                      "  share  Tỷ lệ lượt tiếp công dân ở cấp    66.67 %\n"
                      "           xã trên tổng số lượt tiếp  (66 / 99)\n"
                      "\n"
                      "Result: OK: 1 check, none failed.\n");
    assert_fits(f, text, 50);
    /* a width under 40 is taken as 40 */
    assert_fits(f, laid_out(f, false, (ReportLayout){ .width = 12 }), 40);
}

TEST(a_word_longer_than_the_line_is_cut)
{
    run_all(f, "rule r \"Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\": 1 >= 1\n");
    /* 90 letters without a space: the first 70 to column 80, the other 20
     * from column 10 */
    const char *text = report_of(f, false);
    assert_fits(f, text, 80);
    assert_text(line_at(f, text, 1), "  pass  r  error    1/1 passed");
    assert_text(line_at(f, text, 2), "          Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    assert_text(line_at(f, text, 3), "          aaaaaaaaaaaaaaaaaaaa");
}

/* Titles are printed as written: one typed with decomposed accents (NFD)
 * is longer in bytes and in code points than the same title composed, and
 * one in Chinese characters takes two columns a character; each must still
 * end its column where the others do. */
TEST(decomposed_and_wide_titles_keep_their_columns)
{
    /* "Tỷ lệ" composed: T, ỷ U+1EF7 (E1 BB B7), space, l, ệ U+1EC7 (E1 BB 87);
     * decomposed: T, y U+0309 U+0303... written here as y + hook above
     * (CC 89), e + dot below (CC A3) + circumflex (CC 82): 5 columns either
     * way. "参加率" is 3 wide characters, 6 columns. */
    run_all(f, "invited 4\nattended 2\n"
               "indicator a \"T\xe1\xbb\xb7 l\xe1\xbb\x87\" = percent(attended, invited)\n"
               "indicator b \"Ty\xcc\x89 le\xcc\xa3\xcc\x82\" = percent(attended, invited)\n"
               "indicator c \"\xe5\x8f\x82\xe5\x8a\xa0\xe7\x8e\x87\" = percent(attended, invited)\n");
    const char *text = report_of(f, false);
    unsigned n = line_number(f, text, "Indicators");
    /* 2 / 4 = 50 %; the title column is 6 wide (the Chinese title): the
     * composed and decomposed titles get 1 space of padding, the Chinese
     * one none; " %" at column 2 + 1 + 2 + 6 + 2 + 2 = 15 on every row */
    assert_text(line_at(f, text, n + 1), "  a  T\xe1\xbb\xb7 l\xe1\xbb\x87 " "  50 %  (2 / 4)");
    assert_text(line_at(f, text, n + 2), "  b  Ty\xcc\x89 le\xcc\xa3\xcc\x82 " "  50 %  (2 / 4)");
    assert_text(line_at(f, text, n + 3), "  c  \xe5\x8f\x82\xe5\x8a\xa0\xe7\x8e\x87" "  50 %  (2 / 4)");
    for (unsigned i = 1; i <= 3; i++) {
        const char *row = line_at(f, text, n + i);
        const char *pct = strstr(row, " %");
        assert_non_null(pct);
        assert_int_equal(columns(arena_strndup(&f->arena, row, (size_t)(pct - row))), 15);
    }
}

TEST(control_characters_stay_escaped)
{
    /* a NEL (U+0085, C2 85) in a title would end the line to some
     * programs: written as its two bytes escaped; a tab as \t. The title is
     * 2 + 8 + 1 + 2 + 1 = 14 columns as written. */
    run_all(f, "invited 4\nattended 2\nindicator a \"x\xc2\x85y\\tz\" = percent(attended, invited)\n");
    const char *text = report_of(f, false);
    unsigned n = line_number(f, text, "Indicators");
    assert_text(line_at(f, text, n + 1), "  a  x\\xc2\\x85y\\tz  50 %  (2 / 4)");
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
     * (line 3, column 6). At 100 columns every row is one line. */
    assert_int_equal(result_exit_status(&f->result, false, 0), 1);
    assert_text(laid_out(f, false, (ReportLayout){ .width = 100 }),
                "Checks: 2 (0 pass, 2 fail, 0 partial, 0 unknown)\n"
                "  FAIL  sum      the report: opinions = resolved + pending  10 =  9  imbalance +1  test.dlg:1:1\n"
                "  FAIL  sum      the report: invited = men + women" "        " "  10 =  9  imbalance +1  test.dlg:2:1\n"
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

/* 1,200 communes, each `opinions 3 { resolved 2  pending 1 }` (or, for
 * the first `fail` of them, `opinions 4`, one more than its parts), and a
 * rule that commune 0, with 2 opinions, fails: every count of the text
 * report is grouped by thousands (spec §13), as the values in rows are. */
static const char *communes(Fixture *f, unsigned fail, bool rule)
{
    const char *text = rule ? "rule three \"Ba ý kiến\" { each commune  require: opinions >= 3 }\n" : "";
    for (unsigned i = 0; i < 1200; i++)
        text = arena_printf(&f->arena, "%scommune \"X%u\" { opinions %u { resolved %u  pending 1 } }\n", text, i,
                            i == 0 ? 2u : i < fail ? 4u : 3u, i == 0 ? 1u : 2u);
    return text;
}

TEST(counts_grouped_by_thousands)
{
    run_all(f, communes(f, 0, true));
    /* 1,200 sum checks, all pass (commune 0: 1 + 1 = 2); the rule holds
     * for 1,199 communes of 1,200 */
    const char *text = report_of(f, false);
    assert_non_null(strstr(text, "Checks: 1,200 (1,200 pass, 0 fail, 0 partial, 0 unknown)\n"));
    assert_non_null(strstr(text, "  1,199/1,200 passed  Ba ý kiến\n"));
    assert_text(strstr(text, "Result:"), "Result: the report is wrong: 1 error rule failed.\n");
}

TEST(failures_counted_by_thousands)
{
    run_all(f, communes(f, 1001, true));
    /* communes 1 to 1,000 declare 4 opinions of 2 + 1 = 3: 1,000 sums fail */
    const char *text = report_of(f, false);
    assert_non_null(strstr(text, "Checks: 1,200 (200 pass, 1,000 fail, 0 partial, 0 unknown)\n"));
    assert_text(strstr(text, "Result:"), "Result: the report is wrong: 1,000 checks failed, 1 error rule failed.\n");
}

TEST(none_failed_counted_by_thousands)
{
    run_all(f, communes(f, 0, false));
    assert_text(strstr(report_of(f, false), "Result:"), "Result: OK: 1,200 checks, none failed.\n");
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
        FIXTURE_TEST(what_failed_comes_first),
        FIXTURE_TEST(quiet_shows_what_fails),
        FIXTURE_TEST(quiet_when_nothing_fails),
        FIXTURE_TEST(passes_listed_up_to_a_hundred_then_counted),
        FIXTURE_TEST(colour_when_asked),
        FIXTURE_TEST(a_narrow_width_wraps_subjects_and_titles),
        FIXTURE_TEST(a_word_longer_than_the_line_is_cut),
        FIXTURE_TEST(decomposed_and_wide_titles_keep_their_columns),
        FIXTURE_TEST(control_characters_stay_escaped),
        FIXTURE_TEST(counts_grouped_by_thousands),
        FIXTURE_TEST(failures_counted_by_thousands),
        FIXTURE_TEST(none_failed_counted_by_thousands),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
