/* test_eval.c - expressions, indicators and rules (spec §7, §8, §9) through
 * resolve_run(), check_run() and eval_run(). Every expected value is
 * computed from the inputs written in the test, shown in a comment. */
#include "support.h"

/* An indicator without a value, and a note containing `needle`. */
static void assert_no_value(Fixture *f, const IndicatorResult *ir, const char *needle)
{
    assert_non_null(ir);
    assert_false(ir->value.known);
    const char *note = note_text(f, &ir->note);
    assert_non_null(note);
    if (!strstr(note, needle))
        fail_msg("note \"%s\" does not mention \"%s\"", note, needle);
}

/* Build the model, derive its values and resolve the expressions only. */
static bool validate(Fixture *f, const char *text)
{
    return resolve(f, text);
}

/* ---- percent (§7.4, §8) --------------------------------------------------------------- */

TEST(percent_of_figures)
{
    run_all(f, "opinions 358 { resolved 357  pending 1 }\n"
                                 "indicator resolved_rate \"T\" = percent(opinions.resolved, opinions)\n");
    /* 357 / 358 * 100 = 99.720670391... */
    const IndicatorResult *ir = find_indicator(f, "resolved_rate", NULL);
    assert_ratio(ir, 100.0 * 357.0 / 358.0, 357, 358);
    assert_double_near(ir->value.value, 99.72067, 1e-5);
    assert_int_equal(ir->note.kind, NOTE_NONE);
    assert_false(ir->approximate);
}

TEST(attendance_rate)
{
    run_all(f, "invited 15_590\nattended 12_674\n"
                                 "indicator attendance \"T\" = percent(attended, invited)\n");
    /* 12674 / 15590 * 100 = 81.2957023733... */
    const IndicatorResult *ir = find_indicator(f, "attendance", NULL);
    assert_ratio(ir, 100.0 * 12674.0 / 15590.0, 12674, 15590);
    assert_double_near(ir->value.value, 81.2957, 1e-4);
}

TEST(zero_denominator)
{
    run_all(f, "invited 0\nattended 0\n"
                                 "indicator attendance \"T\" = percent(attended, invited)\n");
    const IndicatorResult *ir = find_indicator(f, "attendance", NULL);
    assert_no_value(f, ir, "zero");
    assert_int_equal(ir->unit, UNIT_PERCENT);
}

TEST(unknown_figure)
{
    run_all(f, "invited 100\nattended ?\n"
                                 "indicator attendance \"T\" = percent(attended, invited)\n");
    const IndicatorResult *ir = find_indicator(f, "attendance", NULL);
    assert_no_value(f, ir, "'attended'");
    assert_int_equal(ir->unit, UNIT_PERCENT);
}

TEST(percent_of_rolled_up_figures)
{
    run_all(f, "district \"D\" {\n"
                                 "  commune \"A\" { invited 40  attended 30 }\n"
                                 "  commune \"B\" { invited 60  attended 50 }\n}\n"
                                 "indicator attendance \"T\" = percent(attended, invited)\n");
    /* (30 + 50) / (40 + 60) = 80 / 100 = 80 % */
    assert_ratio(find_indicator(f, "attendance", NULL), 80, 80, 100);
}

/* ---- share, count, sum, mean ------------------------------------------------------------- */

TEST(share_of_communes)
{
    run_all(f, "district \"D\" {\n"
                                 "  commune \"A\" { dialogue 2024-03-01 { } }\n"
                                 "  commune \"B\" { dialogue 2024-04-01 { }  dialogue 2024-05-01 { } }\n"
                                 "  commune \"C\" { invited 10 }\n}\n"
                                 "indicator held \"T\" = share(commune, dialogues >= 1)\n");
    /* A (1 dialogue) and B (2) hold one or more; C lists none, so 0:
     * 2 of 3 = 66.666...% */
    const IndicatorResult *ir = find_indicator(f, "held", NULL);
    assert_ratio(ir, 200.0 / 3.0, 2, 3);
    assert_double_near(ir->value.value, 66.67, 0.005);
}

TEST(count_and_sum)
{
    run_all(f, "district \"D\" {\n"
                                 "  commune \"A\" { invited 40 }\n  ward \"B\" { invited 60 }\n"
                                 "  township \"C\" { invited 5 }\n}\n"
                                 "indicator n \"T\" = count(commune)\n"
                                 "indicator big \"T\" = count(commune, invited > 10)\n"
                                 "indicator total \"T\" = sum(commune, invited)\n"
                                 "indicator wards \"T\" = count(ward)\n");
    /* commune means every commune-level unit: A, B, C = 3; with more than
     * 10 invited: A and B = 2; 40 + 60 + 5 = 105; one ward */
    const IndicatorResult *ir = find_indicator(f, "n", NULL);
    assert_true(ir->value.known);
    assert_double_near(ir->value.value, 3, 1e-9);
    assert_int_equal(ir->unit, UNIT_COUNT);
    assert_double_near(find_indicator(f, "big", NULL)->value.value, 2, 1e-9);
    assert_double_near(find_indicator(f, "total", NULL)->value.value, 105, 1e-9);
    assert_double_near(find_indicator(f, "wards", NULL)->value.value, 1, 1e-9);
}

TEST(mean_of_rates_is_not_the_pooled_rate)
{
    run_all(f, "district \"D\" {\n"
                                 "  commune \"A\" { opinions 1 { resolved 1  pending 0 } }\n"
                                 "  commune \"B\" { opinions 3 { resolved 1  pending 2 } }\n}\n"
                                 "indicator pooled \"T\" = percent(opinions.resolved, opinions)\n"
                                 "indicator mean_rate \"T\" = mean(commune, percent(opinions.resolved, opinions))\n");
    /* pooled: (1 + 1) / (1 + 3) = 2 / 4 = 50 %;
     * mean of rates: (1/1 = 100 % + 1/3 = 33.33 %) / 2 = 66.67 % */
    const IndicatorResult *pooled = find_indicator(f, "pooled", NULL);
    assert_ratio(pooled, 50, 2, 4);
    const IndicatorResult *mean = find_indicator(f, "mean_rate", NULL);
    assert_true(mean->value.known);
    assert_double_near(mean->value.value, (100.0 + 100.0 / 3.0) / 2.0, 1e-9);
    assert_double_near(mean->value.value, 66.67, 0.005);
    assert_true(mean->value.value - pooled->value.value > 16);
}

TEST(mean_leaves_unknowns_out)
{
    run_all(f, "commune \"A\" { invited 10 }\ncommune \"B\" { invited 20 }\n"
                                 "commune \"C\" { invited ? }\n"
                                 "indicator m \"T\" = mean(commune, invited)\n");
    /* (10 + 20) / 2 = 15; C is left out and the note says so */
    const IndicatorResult *ir = find_indicator(f, "m", NULL);
    assert_true(ir->value.known);
    assert_double_near(ir->value.value, 15, 1e-9);
    assert_non_null(note_text(f, &ir->note));
    assert_non_null(strstr(note_text(f, &ir->note), "2 of 3"));
}

TEST(per_commune_indicator)
{
    run_all(f, "commune \"A\" { invited 4  attended 3 }\n"
                                 "commune \"B\" { invited 5  attended 5 }\n"
                                 "indicator att \"T\" = percent(attended, invited) { per commune }\n");
    /* report: (3 + 5) / (4 + 5) = 8 / 9 = 88.89 %; A: 3 / 4 = 75 %; B: 5 / 5 = 100 % */
    assert_ratio(find_indicator(f, "att", NULL), 800.0 / 9.0, 8, 9);
    assert_ratio(find_indicator(f, "att", "commune A"), 75, 3, 4);
    assert_ratio(find_indicator(f, "att", "commune B"), 100, 5, 5);
}

TEST(unit_of_an_unknown_quotient)
{
    run_all(f, "commune \"A\" { dialogue 2024-01-10 { } }\n"
                                 "indicator per_year \"T\" = dialogues / years()\n");
    /* no period: years() is unknown, so is the quotient */
    const IndicatorResult *ir = find_indicator(f, "per_year", NULL);
    assert_no_value(f, ir, "period");
    /* still the unit the expression would have had: a quotient is a plain
     * number (spec/json.md §8), not a percentage */
    assert_int_equal(ir->unit, UNIT_NUMBER);
}

/* ---- reported percentages (§6.7, §8.3) ------------------------------------------------------- */

static const Check *reported(Fixture *f, const char *pct)
{
    run_all(f, arena_printf(&f->arena,
                                              "opinions 358 { resolved 357  pending 1 }\n"
                                              "indicator rate \"T\" = percent(opinions.resolved, opinions) "
                                              "{ reported %s }\n", pct));
    return find_check(f, CHECK_PERCENT, "indicator rate: reported percentage");
}

TEST(reported_percent_that_agrees)
{
    /* 99.72 against 99.72067: |99.72 - 99.72067| = 0.00067 <= 0.01 */
    const Check *c = reported(f, "99.72%");
    assert_int_equal(c->status, RESULT_PASS);
    assert_int_equal(c->relation, REL_WITHIN);
    assert_double_near(check_declared(c).value, 99.72, 1e-9);
    assert_int_equal(check_declared(c).decimals, 2);
    assert_double_near(check_computed(c).value, 100.0 * 357.0 / 358.0, 1e-9);
    assert_double_near(check_tolerance(c), 0.01, 1e-12);
    assert_double_near(check_imbalance(c).value, 99.72 - 100.0 * 357.0 / 358.0, 1e-9);
}

TEST(reported_percent_that_disagrees)
{
    /* |99.80 - 99.72067| = 0.0793 > 0.01 */
    const Check *c = reported(f, "99.80%");
    assert_int_equal(c->status, RESULT_FAIL);
    assert_double_near(check_declared(c).value, 99.8, 1e-9);
    assert_double_near(check_imbalance(c).value, 99.8 - 100.0 * 357.0 / 358.0, 1e-9);
    assert_int_equal(f->result.checks_failed, 1);
}

TEST(reported_percent_truncated)
{
    /* one decimal shown: the unit is 0.1; |99.7 - 99.72067| = 0.02067 <= 0.1 */
    const Check *c = reported(f, "99.7%");
    assert_int_equal(c->status, RESULT_PASS);
    assert_double_near(check_tolerance(c), 0.1, 1e-12);
}

TEST(reported_percent_with_a_decimal_comma)
{
    /* 79,63% against 12674 / 15590 * 100 = 81.2957: off by 1.67 > 0.01 */
    run_all(f, "invited 15_590\nattended 12_674\n"
                                 "indicator a \"T\" = percent(attended, invited) { reported 79,63% }\n"
                                 "indicator b \"T\" = percent(attended, invited) { reported 81,30% }\n");
    assert_int_equal(find_check(f, CHECK_PERCENT, "indicator a:")->status, RESULT_FAIL);
    /* 81,30 against 81.2957: 0.0043 <= 0.01 */
    assert_int_equal(find_check(f, CHECK_PERCENT, "indicator b:")->status, RESULT_PASS);
}

/* ---- a lean result: passing checks counted, made again when listed ----------------------------- */

/* What a check says, for comparing two lists of checks. */
static const char *check_line(Arena *a, const Symtab *names, const Check *c)
{
    return arena_printf(a, "%s %s %g %g %s", result_check_kind_name(c->kind), result_status_name(c->status),
                        check_declared(c).value, check_computed(c).value,
                        c->kind == CHECK_PERCENT ? c->indicator->id->text : figure_path(names, c->figure)->text);
}

static void take_line(void *ctx, const Check *c)
{
    Lines *l = ctx;
    lines_add(l, check_line(l->a, l->names, c));
}

static void kept_lines(const Result *r, Lines *l)
{
    CheckIter it;
    for (const Check *c = result_first_check(r, &it); c; c = check_next(&it))
        take_line(l, c);
}

/* A sum that adds up (357 + 1 = 358) and one that does not (4 + 3 = 7, not
 * 5); attended 12 over invited 10; two reported percentages, made by the
 * evaluation after the checks: 357 / 358 = 99.72 % as reported, and
 * 12 / 10 = 120 %, not the 50 % reported. */
static const char LEAN_REPORT[] = "opinions 358 { resolved 357  pending 1 }\n"
                                  "petitions 5 { complaint 4  proposal 3 }\n"
                                  "invited 10\nattended 12\n"
                                  "indicator rate \"T\" = percent(opinions.resolved, opinions) { reported 99.72% }\n"
                                  "indicator turnout \"T\" = percent(attended, invited) { reported 50% }\n";

static const char *const LEAN_CHECKS[] = {
    "sum pass 358 358 opinions",
    "sum fail 5 7 petitions",
    "bound fail 12 10 attended",
    "percent pass 99.72 99.7207 rate",
    "percent fail 50 120 turnout",
};

TEST(a_lean_result_keeps_what_does_not_pass)
{
    run_all(f, LEAN_REPORT);
    Lines full = { &f->arena, { 0 }, 0, &f->syms };
    kept_lines(&f->result, &full);
    assert_int_equal(full.n, 5);
    for (unsigned i = 0; i < 5; i++)
        assert_string_equal(full.line[i], LEAN_CHECKS[i]);

    /* the same model again, lean */
    Result *r = &f->result;
    memset(r, 0, sizeof *r);
    assert_true(check_run_lean(f->model, f->derived, &f->arena, r));
    assert_true(eval_run(f->model, f->derived, f->resolution, f->calendar, &f->arena, r));
    /* kept: the two checks that fail, then both of the evaluation's */
    Lines kept = { &f->arena, { 0 }, 0, &f->syms };
    kept_lines(r, &kept);
    assert_int_equal(kept.n, 4);
    assert_string_equal(kept.line[0], LEAN_CHECKS[1]);
    assert_string_equal(kept.line[1], LEAN_CHECKS[2]);
    assert_string_equal(kept.line[2], LEAN_CHECKS[3]);
    assert_string_equal(kept.line[3], LEAN_CHECKS[4]);
    assert_int_equal(r->kept_by_run, 2);
    /* counted all the same */
    assert_int_equal(r->nchecks, 5);
    assert_int_equal(r->checks_failed, 3);
    assert_int_equal(result_checks_passed(r), 2);
    assert_int_equal(r->checks_passed_by_kind[CHECK_SUM], 1);
    assert_int_equal(r->checks_passed_by_kind[CHECK_PERCENT], 1);
    assert_int_equal(r->checks_passed_by_kind[CHECK_BOUND], 0);

    /* every check, in its place, handed on ... */
    Lines each = { &f->arena, { 0 }, 0, &f->syms };
    assert_true(result_each_check(r, NULL, take_line, &each));
    assert_int_equal(each.n, 5);
    for (unsigned i = 0; i < 5; i++)
        assert_string_equal(each.line[i], LEAN_CHECKS[i]);
    /* ... or kept in a copy */
    const Result *all = result_every_check(r, &f->arena);
    assert_non_null(all);
    assert_ptr_not_equal(all, r);
    Lines every = { &f->arena, { 0 }, 0, &f->syms };
    kept_lines(all, &every);
    assert_int_equal(every.n, 5);
    for (unsigned i = 0; i < 5; i++)
        assert_string_equal(every.line[i], LEAN_CHECKS[i]);
    assert_int_equal(all->nchecks, 5);
    assert_int_equal(all->checks_failed, 3);
    assert_null(all->replay);
    assert_ptr_equal(all->indicators, r->indicators);
    /* a result that kept everything is its own copy */
    assert_ptr_equal(result_every_check(all, &f->arena), all);
}

TEST(reported_percent_of_an_unknown_value)
{
    const Result *r = run_all(f, "invited 0\nattended 0\n"
                                 "indicator a \"T\" = percent(attended, invited) { reported 100% }\n");
    const Check *c = find_check(f, CHECK_PERCENT, "indicator a:");
    assert_int_equal(c->status, RESULT_UNKNOWN);
    assert_false(check_computed(c).known);
    assert_int_equal(r->checks_failed, 0);
}

/* ---- rules (§9) ----------------------------------------------------------------------------- */

TEST(rule_per_commune_per_year)
{
    const Result *r = run_all(f, "period 2019-01-01 .. 2023-12-30\n"
                                 "commune \"K\" { dialogues 6 }\n"
                                 "commune \"L\" { dialogues 10 }\n"
                                 "rule twice_a_year \"T\" {\n  each commune\n"
                                 "  require: dialogues >= 2 * years()\n}\n");
    /* years() = 2023 - 2019 + 1 = 5, so 2 * 5 = 10 dialogues are needed:
     * K with 6 fails, L with 10 passes */
    const RuleResult *rr = find_rule(f, "twice_a_year");
    assert_int_equal(rr->status, RESULT_FAIL);
    assert_int_equal(rr->total, 2);
    assert_int_equal(rr->passed, 1);
    assert_int_equal(rr->failed, 1);
    assert_non_null(first_failure(rr));
    assert_int_equal(rr->failed + rr->unknown, 1);
    assert_string_equal(failure_subject(f, first_failure(rr)), "commune K");
    const char *detail = failure_detail(f, rr, first_failure(rr));
    if (!strstr(detail, "6 >= 10"))
        fail_msg("detail \"%s\" does not give 6 >= 10", detail);
    assert_int_equal(r->rules_failed_error, 1);
    assert_int_equal(result_exit_status(r, false, 0), 1);
}

TEST(rule_without_period_is_unknown)
{
    const Result *r = run_all(f, "commune \"K\" { dialogues 6 }\n"
                                 "rule yearly \"T\" {\n  each commune\n  require: dialogues >= years()\n}\n");
    const RuleResult *rr = find_rule(f, "yearly");
    assert_int_equal(rr->status, RESULT_UNKNOWN);
    assert_int_equal(rr->unknown, 1);
    assert_non_null(strstr(failure_detail(f, rr, first_failure(rr)), "period"));
    assert_int_equal(result_exit_status(r, false, 0), 0);
}

TEST(rule_with_no_subject)
{
    run_all(f, "commune \"K\" { invited 5 }\n"
                                 "rule r \"T\" {\n  each dialogue\n  require: invited > 0\n}\n");
    const RuleResult *rr = find_rule(f, "r");
    assert_int_equal(rr->status, RESULT_UNKNOWN);
    assert_int_equal(rr->total, 0);
    assert_non_null(note_text(f, &rr->note));
    assert_non_null(strstr(note_text(f, &rr->note), "no dialogue"));
}

TEST(rule_where_filter)
{
    run_all(f, "commune \"A\" { invited 50  attended 10 }\n"
                                 "commune \"B\" { invited 5  attended 1 }\n"
                                 "rule r \"T\" {\n  each commune\n  where: invited >= 10\n"
                                 "  require: attended * 2 >= invited\n}\n");
    /* only A (50 invited) is a subject: 10 * 2 = 20 >= 50 fails */
    const RuleResult *rr = find_rule(f, "r");
    assert_int_equal(rr->total, 1);
    assert_int_equal(rr->failed, 1);
    assert_string_equal(failure_subject(f, first_failure(rr)), "commune A");
}

TEST(warning_rule_fails_only_when_strict)
{
    const Result *r = run_all(f, "invited 5\nrule r \"T\" {\n  severity warning\n  require: invited > 10\n}\n");
    const RuleResult *rr = find_rule(f, "r");
    assert_int_equal(rr->status, RESULT_FAIL);
    assert_int_equal(r->rules_failed_warning, 1);
    assert_int_equal(r->rules_failed_error, 0);
    assert_int_equal(result_exit_status(r, false, 0), 0);
    assert_int_equal(result_exit_status(r, true, 0), 1);
}

TEST(three_valued_logic)
{
    run_all(f, "invited 5\n"
                                 "rule a \"T\": invited > 10 and ? > 1\n"
                                 "rule b \"T\": invited > 1 or ? > 1\n"
                                 "rule c \"T\": invited > 1 and ? > 1\n"
                                 "rule d \"T\": not (? > 1)\n");
    /* false and unknown = false; true or unknown = true;
     * true and unknown = unknown; not unknown = unknown */
    assert_int_equal(find_rule(f, "a")->status, RESULT_FAIL);
    assert_int_equal(find_rule(f, "b")->status, RESULT_PASS);
    assert_int_equal(find_rule(f, "c")->status, RESULT_UNKNOWN);
    assert_int_equal(find_rule(f, "d")->status, RESULT_UNKNOWN);
}

TEST(arithmetic)
{
    run_all(f, "a 7\nb 2\n"
                                 "indicator q \"T\" = a / b\n"
                                 "indicator p \"T\" = a - b * 3\n"
                                 "indicator z \"T\" = a / (b - 2)\n"
                                 "indicator mn \"T\" = min(a, b) + max(a, b)\n");
    /* 7 / 2 = 3.5; 7 - 2 * 3 = 1; 7 / 0: unknown; 2 + 7 = 9 */
    assert_double_near(find_indicator(f, "q", NULL)->value.value, 3.5, 1e-12);
    assert_double_near(find_indicator(f, "p", NULL)->value.value, 1, 1e-12);
    assert_no_value(f, find_indicator(f, "z", NULL), "zero");
    assert_double_near(find_indicator(f, "mn", NULL)->value.value, 9, 1e-12);
}

/* ---- dates (§7.4) ------------------------------------------------------------------------------ */

TEST(working_days_across_a_holiday)
{
    run_all(f, "holiday 2024-02-08 .. 2024-02-14 \"T\xe1\xba\xbft\"\n"
                                 "commune \"A\" {\n"
                                 "  dialogue 2024-02-05 { conclusion \"12/TB\" 2024-02-19 }\n}\n"
                                 "indicator lag \"T\" = working_days(date, conclusion.date) { per dialogue }\n"
                                 "indicator span \"T\" = days(date, conclusion) { per dialogue }\n"
                                 "rule fast \"T\" {\n  each dialogue\n"
                                 "  require: working_days(date, conclusion) <= 4\n}\n");
    /* 2024-02-05 is a Monday. The days after it up to 2024-02-19:
     *   Mon-Fri: Feb 6, 7, 8, 9 (4) + Feb 12..16 (5) + Feb 19 (1) = 10
     *   holidays on those weekdays: Feb 8, 9, 12, 13, 14 = 5
     *   (Feb 10 and 11 are a Saturday and a Sunday)
     * 10 - 5 = 5 working days; 19 - 5 = 14 calendar days */
    const char *subject = "dialogue 2024-02-05 in commune A";
    const IndicatorResult *ir = find_indicator(f, "lag", subject);
    assert_true(ir->value.known);
    assert_double_near(ir->value.value, 5, 1e-12);
    assert_int_equal(ir->unit, UNIT_DAYS);
    assert_double_near(find_indicator(f, "span", subject)->value.value, 14, 1e-12);
    /* 5 <= 4 does not hold */
    const RuleResult *rr = find_rule(f, "fast");
    assert_int_equal(rr->failed, 1);
    if (!strstr(failure_detail(f, rr, first_failure(rr)), "5 <= 4"))
        fail_msg("detail \"%s\" does not give 5 <= 4", failure_detail(f, rr, first_failure(rr)));
}

TEST(working_days_without_holidays)
{
    run_all(f, "dialogue 2024-06-14 { conclusion 2024-06-24 }\n"
                                 "dialogue 2024-06-24 { conclusion 2024-06-14 }\n"
                                 "indicator lag \"T\" = working_days(date, conclusion) { per dialogue }\n");
    /* 2024-06-14 is a Friday; after it up to Monday 24 June: Mon 17 .. Fri 21
     * (5) + Mon 24 (1) = 6; backwards the same span is -6 */
    assert_double_near(find_indicator(f, "lag", "dialogue 2024-06-14 in the report")->value.value, 6, 1e-12);
    assert_double_near(find_indicator(f, "lag", "dialogue 2024-06-24 in the report")->value.value, -6, 1e-12);
}

TEST(date_of_a_session_not_known_to_the_day)
{
    run_all(f, "dialogue 2024-02 { conclusion 2024-02-19 }\n"
                                 "indicator lag \"T\" = working_days(date, conclusion) { per dialogue }\n");
    const IndicatorResult *ir = find_indicator(f, "lag", "dialogue 2024-02 in the report");
    assert_no_value(f, ir, "day");
}

/* ---- validation (§7) ---------------------------------------------------------------------------- */

TEST(unknown_function_is_an_error)
{
    assert_false(validate(f, "invited 5\nindicator x \"T\" = ratio(invited, invited)\n"));
    assert_int_equal(f->diag.errors, 1);
    const Diagnostic *g = find_diag(&f->diag, DIAG_ERROR, "unknown function 'ratio'");
    assert_non_null(g);
    uint32_t line, col;
    diag_line_col(g, &line, &col);
    /* indicator x "T" = ratio(: "ratio" starts at column 19 of line 2 */
    assert_int_equal(line, 2);
    assert_int_equal(col, 19);
}

TEST(wrong_arity_is_an_error)
{
    assert_false(validate(f, "invited 5\n"
                             "indicator x \"T\" = percent(invited)\n"
                             "indicator y \"T\" = years(1)\n"
                             "indicator z \"T\" = count()\n"));
    assert_int_equal(f->diag.errors, 3);
    const Diagnostic *g = find_diag(&f->diag, DIAG_ERROR, "percent() takes 2 arguments");
    assert_non_null(g);
    assert_non_null(strstr(g->message, "not 1"));
    g = find_diag(&f->diag, DIAG_ERROR, "years() takes 0 arguments");
    assert_non_null(g);
    assert_non_null(strstr(g->message, "not 1"));
    g = find_diag(&f->diag, DIAG_ERROR, "count() takes 1 ");     /* 1 or 2 */
    assert_non_null(g);
    assert_non_null(strstr(g->message, "not 0"));
}

TEST(kind_argument_must_be_a_kind)
{
    assert_false(validate(f, "invited 5\nindicator x \"T\" = share(invited + 1, invited > 1)\n"));
    assert_int_equal(f->diag.errors, 1);
    assert_non_null(find_diag(&f->diag, DIAG_ERROR, "first argument of share()"));
}

TEST(misspelt_figure_is_an_error_with_a_suggestion)
{
    /* closed world (spec §14): a name the vocabulary lacks is an error */
    assert_false(validate(f, "invited 100\nattended 80\n"
                             "indicator x \"T\" = percent(atended, invited)\n"));
    assert_int_equal(f->diag.errors, 1);
    const Diagnostic *g = find_diag(&f->diag, DIAG_ERROR, "'atended'");
    assert_non_null(g);
    assert_non_null(strstr(g->message, "did you mean 'attended'"));
    uint32_t line, col;
    diag_line_col(g, &line, &col);
    assert_int_equal(line, 3);
    assert_int_equal(col, 27);
}

TEST(misspelt_part_is_an_error_with_a_suggestion)
{
    assert_false(validate(f, "opinions 10 { resolved 8  pending 2 }\n"
                             "indicator x \"T\" = percent(opinions.pendng, opinions)\n"));
    const Diagnostic *g = find_diag(&f->diag, DIAG_ERROR, "'pendng' is not a part of 'opinions'; did you mean 'pending'?");
    assert_non_null(g);
    uint32_t line, col;
    diag_line_col(g, &line, &col);
    /* "indicator x \"T\" = percent(opinions." is 35 characters */
    assert_int_equal(line, 2);
    assert_int_equal(col, 36);
}

TEST(unrelated_name_is_an_error_without_a_suggestion)
{
    assert_false(validate(f, "invited 100\nrule r \"T\": zzzzzzzz > 1\n"));
    assert_int_equal(f->diag.errors, 1);
    const Diagnostic *g = find_diag(&f->diag, DIAG_ERROR, "'zzzzzzzz'");
    assert_non_null(g);
    assert_null(strstr(g->message, "did you mean"));
}

TEST(known_figure_the_report_lacks_is_unknown_not_an_error)
{
    /* `people` is in the vocabulary; this report does not give it */
    const Result *r = run_all(f, "invited 100\nindicator x \"T\" = percent(people, invited)\n");
    assert_int_equal(f->diag.errors, 0);
    assert_int_equal(f->diag.warnings, 0);
    const IndicatorResult *ir = find_indicator(f, "x", NULL);
    assert_false(ir->value.known);
    assert_string_equal(note_text(f, &ir->note), "'people' is not known for the report");
    (void)r;
}

TEST(contributed_figures_need_no_declaration)
{
    /* dialogues and opinions.resolved are made by entries (spec §5.3): no warning */
    assert_true(validate(f, "commune \"A\" { }\n"
                            "rule r \"T\" {\n  each commune\n  require: dialogues >= 1 and opinions.resolved >= 0\n}\n"));
    assert_int_equal(f->diag.warnings, 0);
    assert_int_equal(f->diag.errors, 0);
}

/* An unknown value keeps the unit the expression would have had (spec/
 * json.md §4; the known defect of §12 until stop 14): eval()'s rules
 * worked out from the expression. Every value below is unknown: the
 * report declares `opinions.pending`, `house_support` and `invited` as
 * `?`, its one commune only `house_support ?`, and it has no period. */
TEST(unknown_values_keep_their_units)
{
    run_all(f, "opinions 10 { resolved 4  pending ? }\n"
               "house_support ?\n"
               "invited ?\n"
               "commune \"A\" { house_support ? }\n"
               "indicator pending \"T\" = opinions.pending\n"
               "indicator pending_plus \"T\" = opinions.pending + 1\n"
               "indicator pending_twice \"T\" = opinions.pending * 2\n"
               "indicator pending_share \"T\" = opinions.pending / opinions\n"
               "indicator pending_neg \"T\" = -opinions.pending\n"
               "indicator pending_min \"T\" = min(opinions.pending, 3)\n"
               "indicator mixed_min \"T\" = min(opinions.pending, house_support)\n"
               "indicator support \"T\" = house_support\n"
               "indicator support_twice \"T\" = house_support * 2\n"
               "indicator support_sum \"T\" = sum(commune, house_support)\n"
               "indicator support_mean \"T\" = mean(commune, house_support)\n"
               "indicator rate_mean \"T\" = mean(commune, percent(opinions.resolved, opinions))\n"
               "indicator invited_mean \"T\" = mean(commune, invited)\n"
               "indicator lag \"T\" = days(2024-01-01, ?)\n"
               "indicator lag_dates \"T\" = period.end - period.start\n"
               "indicator due \"T\" = deadline(?, 10)\n"
               "indicator enough \"T\" = invited >= 10\n"
               "indicator not_enough \"T\" = not (invited >= 10)\n"
               "indicator per_year \"T\" = invited / years()\n");
    static const struct { const char *id; ValueUnit unit; } want[] = {
        { "pending", UNIT_COUNT },          /* a count figure: the defect gave number */
        { "pending_plus", UNIT_COUNT },     /* count + count */
        { "pending_twice", UNIT_NUMBER },   /* a product of counts is a number */
        { "pending_share", UNIT_NUMBER },   /* so is a quotient */
        { "pending_neg", UNIT_COUNT },      /* minus keeps the unit */
        { "pending_min", UNIT_COUNT },      /* both counts */
        { "mixed_min", UNIT_NUMBER },       /* a count or an amount: either */
        { "support", UNIT_MONEY },          /* a money figure */
        { "support_twice", UNIT_MONEY },    /* an amount times a number */
        { "support_sum", UNIT_MONEY },      /* a sum of amounts, one unknown */
        { "support_mean", UNIT_MONEY },
        { "rate_mean", UNIT_PERCENT },      /* a mean of percent(): the defect gave number */
        { "invited_mean", UNIT_NUMBER },    /* a mean of counts is a number */
        { "lag", UNIT_DAYS },               /* days(): the defect gave number */
        { "lag_dates", UNIT_DAYS },         /* date - date: no period */
        { "due", UNIT_NUMBER },             /* a date: no unit of its own */
        { "enough", UNIT_BOOLEAN },
        { "not_enough", UNIT_BOOLEAN },
        { "per_year", UNIT_NUMBER },
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        const IndicatorResult *ir = find_indicator(f, want[i].id, NULL);
        assert_non_null(ir);
        if (ir->value.known)
            fail_msg("%s has a value", want[i].id);
        if (ir->unit != want[i].unit)
            fail_msg("%s: unit %d, expected %d", want[i].id, (int)ir->unit, (int)want[i].unit);
    }
}

/* The same expressions with values: the unit eval() gives is the one
 * above, so an unknown value says what a known one would. */
TEST(known_values_have_the_same_units)
{
    run_all(f, "report \"R\" { period 2024 }\n"
               "opinions 10 { resolved 4  pending 6 }\n"
               "house_support 5_000_000đ\n"
               "invited 30\n"
               "commune \"A\" { opinions 2 { resolved 1  pending 1 }  house_support 1_000đ  invited 4 }\n"
               "indicator pending \"T\" = opinions.pending\n"
               "indicator pending_plus \"T\" = opinions.pending + 1\n"
               "indicator pending_twice \"T\" = opinions.pending * 2\n"
               "indicator pending_neg \"T\" = -opinions.pending\n"
               "indicator pending_min \"T\" = min(opinions.pending, 3)\n"
               "indicator support_twice \"T\" = house_support * 2\n"
               "indicator support_sum \"T\" = sum(commune, house_support)\n"
               "indicator rate_mean \"T\" = mean(commune, percent(opinions.resolved, opinions))\n"
               "indicator invited_mean \"T\" = mean(commune, invited)\n"
               "indicator lag \"T\" = days(2024-01-01, 2024-01-11)\n"
               "indicator lag_dates \"T\" = period.end - period.start\n");
    static const struct { const char *id; ValueUnit unit; } want[] = {
        { "pending", UNIT_COUNT }, { "pending_plus", UNIT_COUNT }, { "pending_twice", UNIT_NUMBER },
        { "pending_neg", UNIT_COUNT }, { "pending_min", UNIT_COUNT }, { "support_twice", UNIT_MONEY },
        { "support_sum", UNIT_MONEY }, { "rate_mean", UNIT_PERCENT }, { "invited_mean", UNIT_NUMBER },
        { "lag", UNIT_DAYS }, { "lag_dates", UNIT_DAYS },
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        const IndicatorResult *ir = find_indicator(f, want[i].id, NULL);
        assert_non_null(ir);
        if (!ir->value.known)
            fail_msg("%s has no value", want[i].id);
        if (ir->unit != want[i].unit)
            fail_msg("%s: unit %d, expected %d", want[i].id, (int)ir->unit, (int)want[i].unit);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(percent_of_figures),
        FIXTURE_TEST(attendance_rate),
        FIXTURE_TEST(zero_denominator),
        FIXTURE_TEST(unknown_figure),
        FIXTURE_TEST(percent_of_rolled_up_figures),
        FIXTURE_TEST(share_of_communes),
        FIXTURE_TEST(count_and_sum),
        FIXTURE_TEST(mean_of_rates_is_not_the_pooled_rate),
        FIXTURE_TEST(mean_leaves_unknowns_out),
        FIXTURE_TEST(per_commune_indicator),
        FIXTURE_TEST(unit_of_an_unknown_quotient),
        FIXTURE_TEST(reported_percent_that_agrees),
        FIXTURE_TEST(reported_percent_that_disagrees),
        FIXTURE_TEST(reported_percent_truncated),
        FIXTURE_TEST(reported_percent_with_a_decimal_comma),
        FIXTURE_TEST(a_lean_result_keeps_what_does_not_pass),
        FIXTURE_TEST(reported_percent_of_an_unknown_value),
        FIXTURE_TEST(rule_per_commune_per_year),
        FIXTURE_TEST(rule_without_period_is_unknown),
        FIXTURE_TEST(rule_with_no_subject),
        FIXTURE_TEST(rule_where_filter),
        FIXTURE_TEST(warning_rule_fails_only_when_strict),
        FIXTURE_TEST(three_valued_logic),
        FIXTURE_TEST(arithmetic),
        FIXTURE_TEST(working_days_across_a_holiday),
        FIXTURE_TEST(working_days_without_holidays),
        FIXTURE_TEST(date_of_a_session_not_known_to_the_day),
        FIXTURE_TEST(unknown_function_is_an_error),
        FIXTURE_TEST(wrong_arity_is_an_error),
        FIXTURE_TEST(kind_argument_must_be_a_kind),
        FIXTURE_TEST(misspelt_figure_is_an_error_with_a_suggestion),
        FIXTURE_TEST(misspelt_part_is_an_error_with_a_suggestion),
        FIXTURE_TEST(unrelated_name_is_an_error_without_a_suggestion),
        FIXTURE_TEST(known_figure_the_report_lacks_is_unknown_not_an_error),
        FIXTURE_TEST(contributed_figures_need_no_declaration),
        FIXTURE_TEST(unknown_values_keep_their_units),
        FIXTURE_TEST(known_values_have_the_same_units),
    };
    return cmocka_run_group_tests_name("eval", tests, NULL, NULL);
}
