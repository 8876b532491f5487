/* test_cov_eval.c - expressions, indicators and rules (spec §7, §8, §9)
 * where tests/unit/test_eval.c does not go: the scope of an opinion, every
 * kind of literal and operator, values in windows of time, aggregates
 * over many windows, schedules. Each expected value is worked out from
 * the input and the spec in a comment; the texts of notes are those of
 * spec/messages.md §7. */
#include "support.h"

/* The indicator's value is known and is `v`, in unit `u`. */
static void assert_value(const IndicatorResult *ir, double v, ValueUnit u)
{
    assert_non_null(ir);
    if (!ir->value.known)
        fail_msg("indicator '%s' has no value, expected %g", ir->def->id->text, v);
    assert_double_near(ir->value.value, v, 1e-9);
    assert_int_equal(ir->unit, u);
}

/* The indicator has no value, and its note is exactly `note`. */
static void assert_unknown(Fixture *f, const IndicatorResult *ir, const char *note)
{
    assert_non_null(ir);
    if (ir->value.known)
        fail_msg("indicator '%s' = %g, expected no value (%s)", ir->def->id->text, ir->value.value, note);
    const char *text = note_text(f, &ir->note);
    assert_non_null(text);
    assert_string_equal(text, note);
}

static const IndicatorResult *ind(Fixture *f, const char *id)
{
    return find_indicator(f, id, NULL);
}

/* The indicator row of a window of time ("half 2024 H1"), or of a part. */
static const IndicatorResult *row(Fixture *f, const char *id, const char *subject)
{
    for (const IndicatorResult *ir = f->result.indicators; ir; ir = ir->next) {
        const char *s = format_indicator_subject(&f->arena, ir);
        if (strcmp(ir->def->id->text, id) == 0 && s && strcmp(s, subject) == 0)
            return ir;
    }
    fail_msg("no row '%s' of indicator '%s'", subject, id);
    return NULL;
}

/* ---- walks over the tree ------------------------------------------------------------ */

/* A walk for a selector enters only the units with one of its subjects
 * below them (eval.c, below_bits()): subjects at every depth are still
 * found, at the top, in a district, in a village, in a session. */
TEST(walks_find_subjects_at_every_depth)
{
    run_all(f, "district \"D\" {\n"
               "  dialogue 2024-02-01 { }\n"
               "  commune \"A\" {\n"
               "    village \"V1\" { dialogue 2024-03-01 { opinion \"v1\" { status resolved } } }\n"
               "    village \"V2\" { }\n"
               "    opinion \"a1\" { status pending }\n"
               "  }\n"
               "  ward \"W\" { village \"V3\" { } }\n"
               "}\n"
               "commune \"B\" { }\n"
               "dialogue 2024-04-01 { }\n"
               "indicator dialogues \"T\" = count(dialogue)\n"
               "indicator villages \"T\" = count(village)\n"
               "indicator communes \"T\" = count(commune)\n"
               "indicator opinions \"T\" = count(opinion)\n"
               "indicator resolved \"T\" = count(opinion, status == \"resolved\")\n"
               "indicator villages_in \"T\" = count(village) { per commune }\n");
    /* D's, V1's and the report's own */
    assert_value(ind(f, "dialogues"), 3, UNIT_COUNT);
    /* V1 and V2 in A, V3 in the ward */
    assert_value(ind(f, "villages"), 3, UNIT_COUNT);
    /* every unit of the commune level: A, the ward W, B */
    assert_value(ind(f, "communes"), 3, UNIT_COUNT);
    /* v1 in V1's dialogue, a1 in A itself */
    assert_value(ind(f, "opinions"), 2, UNIT_COUNT);
    assert_value(ind(f, "resolved"), 1, UNIT_COUNT);
    assert_value(find_indicator(f, "villages_in", "commune A"), 2, UNIT_COUNT);
    assert_value(find_indicator(f, "villages_in", "ward W"), 1, UNIT_COUNT);
    assert_value(find_indicator(f, "villages_in", "commune B"), 0, UNIT_COUNT);
}

/* ---- the scope of an opinion (§7.2) ---------------------------------------------- */

static const char OPINIONS[] =
    "commune \"A\" {\n"
    "  opinion \"o1\" { topic land  status resolved  satisfied yes }\n"
    "  opinion \"o2\" { topic roads  status pending  satisfied no }\n"
    "  opinion \"o3\" { received 2024-03-01 }\n"
    "}\n"
    "commune \"B\" {\n"
    "  opinion \"p1\" { received 2024-03-02 }\n"
    "}\n";

TEST(opinion_scope_names)
{
    run_all(f, arena_printf(&f->arena, "%s"
                            "indicator resolved_n \"T\" = count(opinion, status == \"resolved\")\n"
                            "indicator land \"T\" = share(opinion, topic == \"land\") { per commune }\n"
                            "indicator done \"T\" = share(opinion, status != \"pending\") { per commune }\n"
                            "indicator happy \"T\" = share(opinion, satisfied) { per commune }\n",
                            OPINIONS));
    /* o1 is the one resolved opinion of the four */
    assert_value(ind(f, "resolved_n"), 1, UNIT_COUNT);
    /* A: o1 land (true), o2 roads (false), o3 no topic (unknown, left
     * out): 1 of 2 = 50 %; the report: the same three and p1 (unknown) */
    assert_ratio(find_indicator(f, "land", "commune A"), 50, 1, 2);
    assert_ratio(ind(f, "land"), 50, 1, 2);
    /* B's only opinion has no topic, no status, no satisfaction */
    assert_unknown(f, find_indicator(f, "land", "commune B"), "the opinion has no topic");
    assert_unknown(f, find_indicator(f, "done", "commune B"), "the opinion has no status");
    assert_unknown(f, find_indicator(f, "happy", "commune B"), "satisfaction is not given");
    /* A: o1 resolved (true), o2 pending (false) = 50 %; satisfied: o1 yes,
     * o2 no = 50 % */
    assert_ratio(find_indicator(f, "done", "commune A"), 50, 1, 2);
    assert_ratio(find_indicator(f, "happy", "commune A"), 50, 1, 2);
}

/* The conditions eval.c reads straight from an opinion's fields
 * (OpinionAsk): either way round, negated, over parts that alternate,
 * with the answer the whole evaluation gives. */
TEST(opinion_conditions_read_from_the_fields)
{
    run_all(f, "commune \"A\" {\n"
               "  opinion \"o1\" { topic land  status resolved  satisfied yes }\n"
               "  opinion \"o2\" { topic roads  status pending  satisfied no }\n"
               "  opinion \"o3\" { topic land  status resolved  satisfied no }\n"
               "  opinion \"o4\" { topic roads  status resolved }\n"
               "  opinion \"o5\" { received 2024-03-01 }\n"
               "}\n"
               /* satisfied, and not; a text either side of == and != */
               "indicator unhappy \"T\" = count(opinion, not satisfied)\n" "indicator happy \"T\" = count(opinion, satisfied)\n"
               "indicator no_satisfied \"T\" = share(opinion, not satisfied) { per commune }\n"
               "indicator land \"T\" = share(opinion, \"land\" == topic)\n" "indicator not_pending \"T\" = count(opinion, "
               "status != \"pending\")\n"
               "indicator resolved \"T\" = share(opinion, status == \"resolved\")\n" "indicator unresolved \"T\" = "
               "count(opinion, \"resolved\" != status)\n"
               "indicator not_land_or_no_topic \"T\" = count(opinion, not (topic == \"land\"))\n");
    /* (not of a comparison is evaluated the whole way: o2 and o4) */
    assert_value(ind(f, "not_land_or_no_topic"), 2, UNIT_COUNT);
    /* o2 and o3 say no; o1 yes; o4 and o5 say nothing */
    assert_value(ind(f, "unhappy"), 2, UNIT_COUNT);
    assert_value(ind(f, "happy"), 1, UNIT_COUNT);
    /* o1, o3 land; o2, o4 roads; o5 has no topic and is left out: 2 of 4 */
    assert_ratio(ind(f, "land"), 50, 2, 4);
    /* o1, o3, o4 are not pending; o5 has no status */
    assert_value(ind(f, "not_pending"), 3, UNIT_COUNT);
    /* resolved: o1, o3, o4 of the four with a status */
    assert_ratio(ind(f, "resolved"), 75, 3, 4);
    assert_value(ind(f, "unresolved"), 1, UNIT_COUNT);
    /* o2 and o3 of the three that say */
    assert_ratio(find_indicator(f, "no_satisfied", "commune A"), 200.0 / 3, 2, 3);
}

TEST(other_names_in_an_opinion_are_unknown)
{
    run_all(f, arena_printf(&f->arena, "%s"
                            "indicator inv \"T\" = share(opinion, invited > 1)\n"
                            "indicator day \"T\" = share(opinion, date == 2024-03-01)\n"
                            "indicator none \"T\" = count(opinion, invited > 1)\n",
                            OPINIONS));
    /* a figure, or a session's `date`, means nothing in an opinion: every
     * condition is unknown, so the share has no value and count counts
     * none of the 4 (a subject whose condition is unknown is not counted) */
    assert_unknown(f, ind(f, "inv"), "an opinion has no 'invited'");
    assert_unknown(f, ind(f, "day"), "an opinion has no 'date'");
    assert_value(ind(f, "none"), 0, UNIT_COUNT);
}

/* ---- literals and operators (§7.1, §7.3) ------------------------------------------ */

TEST(literals)
{
    run_all(f, "indicator money \"T\" = 1_000đ * 3\n"
               "indicator pct \"T\" = 12.5% + 1\n"
               "indicator pct_only \"T\" = 12.5%\n"
               "indicator neg \"T\" = -(3 - 5)\n"
               "indicator q \"T\" = ?\n"
               "indicator neg_q \"T\" = -?\n"
               "indicator month \"T\" = 2024-03 + 1\n"
               "indicator text \"T\" = \"abc\"\n"
               "indicator day \"T\" = 2024-03-01\n");
    /* 1,000 đ * 3 = 3,000 đ, money */
    assert_value(ind(f, "money"), 3000, UNIT_MONEY);
    assert_true(ind(f, "money")->value.money);
    /* a percentage is its number: 12.5; + a count 1: units differ and none
     * is money, so a plain number 13.5 */
    assert_value(ind(f, "pct"), 13.5, UNIT_NUMBER);
    assert_value(ind(f, "pct_only"), 12.5, UNIT_PERCENT);
    /* -(3 - 5) = 2, a count (both operands are counts) */
    assert_value(ind(f, "neg"), 2, UNIT_COUNT);
    assert_unknown(f, ind(f, "q"), "written as '?'");
    assert_unknown(f, ind(f, "neg_q"), "written as '?'");
    assert_unknown(f, ind(f, "month"), "a date in an expression must be given to the day");
    /* a string or a date is no number (§8.2) */
    assert_unknown(f, ind(f, "text"), "the expression is not a number");
    assert_unknown(f, ind(f, "day"), "the expression is not a number");
}

TEST(comparisons)
{
    run_all(f, "indicator ne \"T\" = 1 != 2\n"
               "indicator eq \"T\" = 2 == 2\n"
               "indicator bools_eq \"T\" = (1 < 2) == (2 < 3)\n"
               "indicator bools_ne \"T\" = (1 < 2) != (2 < 3)\n"
               "indicator str_ne \"T\" = \"a\" != \"b\"\n"
               "indicator str_eq \"T\" = \"a\" == \"a\"\n"
               "indicator str_lt \"T\" = \"a\" < \"b\"\n"
               "indicator mixed \"T\" = 1 < 2024-01-01\n"
               "indicator dates \"T\" = 2024-01-01 < 2024-01-02\n"
               "indicator le \"T\" = 3 <= 3\n"
               "indicator gt \"T\" = 3 > 3\n"
               "indicator ge \"T\" = 3 >= 4\n");
    /* a boolean indicator has the unit boolean and the value 1 or 0 */
    assert_value(ind(f, "ne"), 1, UNIT_BOOLEAN);
    assert_value(ind(f, "eq"), 1, UNIT_BOOLEAN);
    /* true == true; true != true */
    assert_value(ind(f, "bools_eq"), 1, UNIT_BOOLEAN);
    assert_value(ind(f, "bools_ne"), 0, UNIT_BOOLEAN);
    assert_value(ind(f, "str_ne"), 1, UNIT_BOOLEAN);
    assert_value(ind(f, "str_eq"), 1, UNIT_BOOLEAN);
    /* `<` between strings, and a number against a date, cannot be compared */
    assert_unknown(f, ind(f, "str_lt"), "these values cannot be compared");
    assert_unknown(f, ind(f, "mixed"), "these values cannot be compared");
    assert_value(ind(f, "dates"), 1, UNIT_BOOLEAN);
    assert_value(ind(f, "le"), 1, UNIT_BOOLEAN);
    assert_value(ind(f, "gt"), 0, UNIT_BOOLEAN);
    assert_value(ind(f, "ge"), 0, UNIT_BOOLEAN);
}

TEST(date_arithmetic)
{
    run_all(f, "indicator span \"T\" = 2024-03-01 - 2024-01-01\n"
               "indicator half_day \"T\" = 2024-01-01 + 10 / 4\n"
               "indicator too_late \"T\" = 9999-12-31 + 1\n"
               "indicator too_early \"T\" = 0001-01-01 - 1\n"
               "indicator backwards \"T\" = 5 - 2024-01-01\n"
               "indicator moved \"T\" = days(2024-01-01, 2024-01-01 + 45)\n"
               "indicator back \"T\" = days(2024-03-01, 2024-03-01 - 60)\n");
    /* 2024 is a leap year: January 31 + February 29 = 60 days, unit days */
    assert_value(ind(f, "span"), 60, UNIT_DAYS);
    /* 10 / 4 = 2.5 days */
    assert_unknown(f, ind(f, "half_day"), "a date moves by whole days");
    assert_unknown(f, ind(f, "too_late"), "the date falls outside the calendar");
    assert_unknown(f, ind(f, "too_early"), "the date falls outside the calendar");
    /* number - date is no arithmetic of §7.3 */
    assert_unknown(f, ind(f, "backwards"), "arithmetic needs numbers");
    assert_value(ind(f, "moved"), 45, UNIT_DAYS);
    assert_value(ind(f, "back"), -60, UNIT_DAYS);
}

TEST(logic_and_conditions)
{
    run_all(f, "indicator not_number \"T\" = not 1\n"
               "indicator unknown_and_true \"T\" = ? > 1 and 1 < 2\n"
               "indicator unknown_or_false \"T\" = ? > 1 or 1 > 2\n"
               "indicator false_and_value \"T\" = 1 > 2 and 1\n"
               "indicator true_and_value \"T\" = 1 < 2 and 1\n"
               "indicator both_false \"T\" = 1 > 2 or 2 > 3\n"
               "indicator both_true \"T\" = 1 < 2 and 2 < 3\n"
               "indicator k1 \"T\" = known(?)\n"
               "indicator k2 \"T\" = known(1)\n");
    assert_unknown(f, ind(f, "not_number"),
                   "the condition is a value, not true or false: compare it, e.g. x >= 1");
    /* unknown and true = unknown; unknown or false = unknown: the note of
     * the unknown operand */
    assert_unknown(f, ind(f, "unknown_and_true"), "written as '?'");
    assert_unknown(f, ind(f, "unknown_or_false"), "written as '?'");
    /* false and 1 is false; true and 1 is unknown (§7.3) */
    assert_value(ind(f, "false_and_value"), 0, UNIT_BOOLEAN);
    assert_unknown(f, ind(f, "true_and_value"),
                   "the condition is a value, not true or false: compare it, e.g. x >= 1");
    assert_value(ind(f, "both_false"), 0, UNIT_BOOLEAN);
    assert_value(ind(f, "both_true"), 1, UNIT_BOOLEAN);
    assert_value(ind(f, "k1"), 0, UNIT_BOOLEAN);
    assert_value(ind(f, "k2"), 1, UNIT_BOOLEAN);
}

TEST(names_of_any_scope)
{
    run_all(f, "figure rate \"Tỷ lệ\" { type percentage }\n"
               "rate 45,5%\n"
               "indicator yes \"T\" = true\n"
               "indicator no \"T\" = false or false\n"
               "indicator start \"T\" = period.start\n"
               "indicator r \"T\" = rate\n"
               "indicator r2 \"T\" = rate * 2\n");
    assert_value(ind(f, "yes"), 1, UNIT_BOOLEAN);
    assert_value(ind(f, "no"), 0, UNIT_BOOLEAN);
    /* no period declared */
    assert_unknown(f, ind(f, "start"), "the report declares no period");
    /* a percentage figure is its number, 45.5, in percent; times 2 is a
     * plain number 91 (§7.3: `*` keeps only money) */
    assert_value(ind(f, "r"), 45.5, UNIT_PERCENT);
    assert_value(ind(f, "r2"), 91, UNIT_NUMBER);
}

TEST(session_kind_and_scope_not_given)
{
    run_all(f, "commune \"A\" {\n"
               "  dialogue 2024-03-01 { kind periodic  scope commune_wide }\n"
               "  dialogue 2024-04-01 { }\n"
               "}\n"
               "indicator k \"T\" = share(dialogue, kind == \"periodic\")\n"
               "indicator s \"T\" = share(dialogue, scope == \"by_cluster\")\n"
               "indicator k_row \"T\" = kind == \"periodic\" { per dialogue }\n"
               "indicator s_row \"T\" = scope == \"commune_wide\" { per dialogue }\n");
    /* the second dialogue gives neither: 1 of the 1 known is periodic (100 %),
     * 0 of 1 is by cluster (0 %) */
    assert_ratio(ind(f, "k"), 100, 1, 1);
    assert_ratio(ind(f, "s"), 0, 0, 1);
    assert_value(find_indicator(f, "k_row", "dialogue 2024-03-01 in commune A"), 1, UNIT_BOOLEAN);
    assert_value(find_indicator(f, "s_row", "dialogue 2024-03-01 in commune A"), 1, UNIT_BOOLEAN);
    assert_unknown(f, find_indicator(f, "k_row", "dialogue 2024-04-01 in commune A"),
                   "the session's kind is not given");
    assert_unknown(f, find_indicator(f, "s_row", "dialogue 2024-04-01 in commune A"),
                   "the session's scope is not given");
}

/* ---- functions (§7.4) ------------------------------------------------------------- */

TEST(function_arguments_of_the_wrong_type)
{
    run_all(f, "indicator p1 \"T\" = percent(\"a\", 2)\n"
               "indicator p2 \"T\" = percent(1, \"b\")\n"
               "indicator p3 \"T\" = percent(1, ?)\n"
               "indicator d1 \"T\" = days(1, 2)\n"
               "indicator d2 \"T\" = days(2024-01-01, ?)\n"
               "indicator d3 \"T\" = days(?, 2024-01-01)\n"
               "indicator m1 \"T\" = min(?, 1)\n"
               "indicator m2 \"T\" = max(1, ?)\n"
               "indicator m3 \"T\" = min(1, 2024-01-01)\n"
               "indicator m4 \"T\" = max(2, 5)\n"
               "indicator m5 \"T\" = min(2, 5)\n");
    assert_unknown(f, ind(f, "p1"), "percent() needs numbers");
    assert_unknown(f, ind(f, "p2"), "percent() needs numbers");
    assert_unknown(f, ind(f, "p3"), "written as '?'");
    assert_unknown(f, ind(f, "d1"), "days() and working_days() need two dates");
    assert_unknown(f, ind(f, "d2"), "written as '?'");
    assert_unknown(f, ind(f, "d3"), "written as '?'");
    assert_unknown(f, ind(f, "m1"), "written as '?'");
    assert_unknown(f, ind(f, "m2"), "written as '?'");
    assert_unknown(f, ind(f, "m3"), "min() and max() need numbers");
    assert_value(ind(f, "m4"), 5, UNIT_COUNT);
    assert_value(ind(f, "m5"), 2, UNIT_COUNT);
}

TEST(calendar_functions_that_cannot_answer)
{
    run_all(f, "indicator w1 \"T\" = working_days(1, 2024-01-02)\n"
               "indicator w2 \"T\" = working_days(2024-01-01, ?)\n"
               "indicator w3 \"T\" = working_days(?, 2024-01-01)\n"
               "indicator w4 \"T\" = working_days(2026-12-30, 2027-01-05)\n"
               "indicator d1 \"T\" = deadline(2024-01-01, \"10\")\n"
               "indicator d2 \"T\" = deadline(2024-01-01, 0 - 1)\n"
               "indicator d3 \"T\" = working_deadline(2024-01-01, 5 / 2)\n"
               "indicator d4 \"T\" = deadline(2026-12-25, 10)\n"
               "indicator d5 \"T\" = working_deadline(2026-12-25, 10)\n"
               "indicator d6 \"T\" = working_deadline(2024-01-01, 3_660_001)\n"
               "indicator d7 \"T\" = deadline(9999-12-30, 5)\n"
               "indicator d8 \"T\" = deadline(10, 2024-01-01)\n");
    const char *vn2027 = "the calendar vn does not cover 2027: declare that year's holidays and working days, "
                         "or write calendar none";
    assert_unknown(f, ind(f, "w1"), "days() and working_days() need two dates");
    assert_unknown(f, ind(f, "w2"), "written as '?'");
    assert_unknown(f, ind(f, "w3"), "written as '?'");
    /* vn covers 2019 .. 2026 (§4.6) */
    assert_unknown(f, ind(f, "w4"), vn2027);
    assert_unknown(f, ind(f, "d1"), "deadline() and working_deadline() need a date and a number of days");
    assert_unknown(f, ind(f, "d2"), "a deadline is a whole number of days, not negative");
    assert_unknown(f, ind(f, "d3"), "a deadline is a whole number of days, not negative");
    /* 2026-12-25 + 10 = 2027-01-04; ten working days after 25 December
     * 2026 reach into January 2027 too */
    assert_unknown(f, ind(f, "d4"), vn2027);
    assert_unknown(f, ind(f, "d5"), vn2027);
    /* 3,660,001 working days is beyond the years 1 to 9999 */
    assert_unknown(f, ind(f, "d6"), "the date falls outside the calendar");
    /* 9999-12-30 + 5 falls after 9999-12-31 */
    assert_unknown(f, ind(f, "d7"), "the date falls outside the calendar");
    assert_unknown(f, ind(f, "d8"), "deadline() and working_deadline() need a date and a number of days");
}

TEST(deadline_without_a_calendar_at_the_end_of_time)
{
    /* with calendar none every year is covered (§4.6). 9999-12-31 is a
     * Friday (0001-01-01 is a Monday, and 3,652,058 days later, 3,652,058 =
     * 7 * 521,722 + 4, is a Friday); so 9999-12-25 is a Saturday: its
     * deadline of 0 days moves to the next working day, Monday
     * 9999-12-27; one of 6 days ends on Friday 9999-12-31 itself;
     * deadline(9999-12-24, 0) is that Friday. */
    run_all(f, "calendar none\n"
               "indicator sat \"T\" = days(9999-12-25, deadline(9999-12-25, 0))\n"
               "indicator fri \"T\" = days(9999-12-25, deadline(9999-12-25, 6))\n"
               "indicator next \"T\" = working_deadline(9999-12-30, 5)\n");
    assert_value(ind(f, "sat"), 2, UNIT_DAYS);
    assert_value(ind(f, "fri"), 6, UNIT_DAYS);
    /* five working days after Thursday 9999-12-30: only Friday the 31st is
     * left in the calendar */
    assert_unknown(f, ind(f, "next"), "the date falls outside the calendar");
}

/* ---- values in windows of time (§5.6) ------------------------------------------------ */

TEST(entries_in_windows_of_time)
{
    run_all(f, "period 2024\n"
               "commune \"A\" {\n"
               "  opinion \"o1\" { status resolved  satisfied yes  received 2024-03-05 }\n"
               "  opinion \"o2\" { status resolved  received 2024-09-10 }\n"
               "  dialogue 2024-10-02 { opinion \"o3\" { status pending }  attended 20 }\n"
               "  dialogue 2024-02-12 { attended 30 }\n"
               "  document plan \"1/KH\" 2024-02-01\n"
               "  document plan \"2/KH\" 2024-08-01\n"
               "}\n"
               "indicator op1 \"T\" = opinions.h2024_1\n"
               "indicator op2 \"T\" = opinions.h2024_2\n"
               "indicator res2 \"T\" = opinions.resolved.h2024_2\n"
               "indicator sat1 \"T\" = satisfied.h2024_1\n"
               "indicator doc1 \"T\" = documents.h2024_1\n"
               "indicator doc2 \"T\" = documents.plan.h2024_2\n"
               "indicator att1 \"T\" = attended.h2024_1\n"
               "indicator att2 \"T\" = attended.h2024_2\n"
               "indicator n \"T\" = count(opinion) { per half }\n");
    /* H1 (January to June): o1, received 5 March; H2: o2, received 10
     * September, and o3, dated by its dialogue of 2 October */
    assert_value(ind(f, "op1"), 1, UNIT_COUNT);
    assert_value(ind(f, "op2"), 2, UNIT_COUNT);
    /* resolved in H2: o2 only (o3 is pending) */
    assert_value(ind(f, "res2"), 1, UNIT_COUNT);
    /* satisfied yes: o1, in H1 */
    assert_value(ind(f, "sat1"), 1, UNIT_COUNT);
    /* plans of 1 February (H1) and 1 August (H2) */
    assert_value(ind(f, "doc1"), 1, UNIT_COUNT);
    assert_value(ind(f, "doc2"), 1, UNIT_COUNT);
    /* attended is the sessions' own figure: 30 on 12 February, 20 on 2 October */
    assert_value(ind(f, "att1"), 30, UNIT_COUNT);
    assert_value(ind(f, "att2"), 20, UNIT_COUNT);
    /* count(opinion) per half: 1 in H1, 2 in H2; the report: all 3 */
    assert_value(row(f, "n", "half 2024 H1"), 1, UNIT_COUNT);
    assert_value(row(f, "n", "half 2024 H2"), 2, UNIT_COUNT);
    assert_value(ind(f, "n"), 3, UNIT_COUNT);
}

TEST(undated_entries_in_windows_of_time)
{
    run_all(f, "period 2024\n"
               "commune \"B\" {\n"
               "  opinion \"x\" { status resolved }\n"
               "  document plan \"3/KH\" ?\n"
               "}\n"
               "indicator op \"T\" = opinions.h2024_1\n"
               "indicator doc \"T\" = documents.h2024_1\n"
               "indicator n \"T\" = count(opinion) { per half }\n");
    /* an opinion listed in a unit, without `received`, has no date */
    assert_unknown(f, ind(f, "op"), "an opinion listed in commune B has no date to the day");
    assert_unknown(f, ind(f, "doc"), "a document listed in commune B has no date to the day");
    /* count(opinion) in each half: the opinion cannot be placed, so 0,
     * with a note counting it; the report as a whole counts it */
    const IndicatorResult *h1 = row(f, "n", "half 2024 H1");
    assert_value(h1, 0, UNIT_COUNT);
    assert_string_equal(note_text(f, &h1->note), "1 itemised opinion has no date to place in the window: left out");
    assert_value(ind(f, "n"), 1, UNIT_COUNT);
}

TEST(windows_of_a_calendar_dimension_without_a_period)
{
    /* without a period, `per year` ranges over the windows the report's
     * figures name, in order (§7.4) */
    run_all(f, "gifts 10 { y2021 6  y2020 4 }\n"
               "indicator g \"T\" = gifts { per year }\n");
    const IndicatorResult *first = NULL;
    for (const IndicatorResult *ir = f->result.indicators; ir; ir = ir->next)
        if (ir->win.unit && !first)
            first = ir;
    assert_non_null(first);
    assert_string_equal(format_indicator_subject(&f->arena, first), "year 2020");
    assert_value(first, 4, UNIT_COUNT);
    assert_value(row(f, "g", "year 2021"), 6, UNIT_COUNT);
    assert_value(ind(f, "g"), 10, UNIT_COUNT);
}

TEST(numbered_parts_in_numeric_order)
{
    run_all(f, "voter_contacts 6 { round2 1  round10 2  round1 3 }\n"
               "indicator v \"T\" = voter_contacts { per round }\n");
    /* the parts the report uses, by number: round1, round2, round10 */
    const char *order[3] = { 0 };
    double value[3] = { 0 };
    unsigned n = 0;
    for (const IndicatorResult *ir = f->result.indicators; ir; ir = ir->next)
        if (ir->part && n < 3) {
            order[n] = ir->part->name->text;
            value[n++] = ir->value.value;
        }
    assert_int_equal(n, 3);
    assert_string_equal(order[0], "round1");
    assert_string_equal(order[1], "round2");
    assert_string_equal(order[2], "round10");
    assert_double_near(value[0], 3, 1e-9);
    assert_double_near(value[1], 1, 1e-9);
    assert_double_near(value[2], 2, 1e-9);
    assert_string_equal(format_indicator_subject(&f->arena, row(f, "v", "round round10")), "round round10");
}

/* ---- aggregates (§7.4) ------------------------------------------------------------- */

TEST(aggregates_with_nothing_or_unknowns)
{
    run_all(f, "commune \"A\" { invited 10  dialogue 2024-01-05 { }  document plan \"1\" 2024-01-01 }\n"
               "commune \"B\" { invited ?  dialogue 2024-02-05 { not_held \"mưa\"  document plan \"2\" ? }\n"
               "                reception 2024-03-01 { document notice \"3\" ? } }\n"
               "indicator sh \"T\" = share(voter_contact, attended > 1)\n"
               "indicator mn \"T\" = mean(voter_contact, attended)\n"
               "indicator mu \"T\" = mean(dialogue, attended)\n"
               "indicator su \"T\" = sum(commune, invited)\n"
               "indicator sd \"T\" = sum(dialogue, date)\n"
               "indicator docs \"T\" = count(document)\n");
    assert_unknown(f, ind(f, "sh"),
                   "no voter_contact is listed in the report (a report of totals only cannot give a share)");
    assert_unknown(f, ind(f, "mn"), "no voter_contact is listed");
    /* the held dialogue gives no `attended` */
    assert_unknown(f, ind(f, "mu"), "'attended' is not known for dialogue 2024-01-05 in commune A");
    /* B's invited is ? : the sum is unknown */
    assert_unknown(f, ind(f, "su"), "'invited' is not known for commune B");
    /* a date is not a number to add */
    assert_unknown(f, ind(f, "sd"), "the value is not a number");
    /* documents: A's plan and the reception's notice; the plan listed in
     * the dialogue not held is left out: 2 */
    assert_value(ind(f, "docs"), 2, UNIT_COUNT);
}

TEST(aggregate_over_too_many_windows)
{
    run_all(f, "calendar none\n"
               "period 1800 .. 2099\n"
               "dialogue 2024-01-05 { }\n"
               "indicator n \"T\" = count(week)\n"
               "indicator p \"T\" = 1 { per week }\n"
               "rule r \"T\" {\n  each week\n  require: 1 < 2\n}\n"
               "rule s \"T\" {\n  schedule dialogue { every week }\n}\n");
    /* 300 years hold 15,653 weeks, more than 10,000 */
    const char *too_many = "the period holds more than 10000 windows of time: not counted";
    assert_unknown(f, ind(f, "n"), too_many);
    const IndicatorResult *p = ind(f, "p");
    assert_value(p, 1, UNIT_COUNT);
    assert_string_equal(note_text(f, &p->note), too_many);
    const RuleResult *r = find_rule(f, "r");
    assert_int_equal(r->status, RESULT_UNKNOWN);
    assert_int_equal(r->total, 0);
    assert_string_equal(note_text(f, &r->note), too_many);
    const RuleResult *s = find_rule(f, "s");
    assert_int_equal(s->status, RESULT_UNKNOWN);
    assert_int_equal(s->total, 1);
    assert_string_equal(failure_detail(f, s, s->verdicts), arena_printf(&f->arena, "the schedule cannot be counted: %s", too_many));
}

TEST(one_aggregate_in_many_windows)
{
    /* one count(dialogue) in each of 156 weeks: the values are kept per
     * window, and a comparison's left side is shown as it was judged */
    run_all(f, "period 2022 .. 2024\n"
               "dialogue 2023-06-14 { }\n"
               "rule quiet \"T\" {\n  each week\n  require: count(dialogue) == 0\n}\n");
    /* whole weeks from Monday 2022-01-03 to Sunday 2024-12-29: 1,092 days
     * = 156 weeks; the weeks of 2021-12-27 and 2024-12-30 have working
     * days outside the period (Monday 27 to Friday 31 December 2021; 2 and
     * 3 January 2025), so they are left out. 14 June 2023 is in ISO week
     * 24 of 2023: one dialogue, the rule fails there alone */
    const RuleResult *rr = find_rule(f, "quiet");
    assert_int_equal(rr->total, 156);
    assert_int_equal(rr->failed, 1);
    assert_int_equal(rr->passed, 155);
    assert_string_equal(note_text(f, &rr->note), "2 weeks are only partly inside the report's period: not checked");
    const Verdict *v = first_failure(rr);
    assert_string_equal(failure_subject(f, v), "the report, 2023-W24");
    assert_string_equal(failure_detail(f, rr, v), "count(dialogue) == 0 is false: 1 == 0 does not hold");
}

TEST(more_operators)
{
    run_all(f, "figure a \"A\" { }\n"
               "invited about 100\n"
               "indicator not_true \"T\" = not (1 < 2)\n"
               "indicator approx \"T\" = invited + 1\n"
               "indicator count_and_money \"T\" = 5 + 1_000đ\n"
               "indicator number_and_text \"T\" = 1 + \"a\"\n"
               "indicator date_times \"T\" = 2024-01-01 * 2\n"
               "indicator dates_added \"T\" = 2024-01-01 + 2024-01-02\n"
               "indicator bools_ordered \"T\" = (1 < 2) < (2 < 3)\n"
               "indicator days_of_a_number \"T\" = days(2024-01-01, 5)\n"
               "indicator approx_rate \"T\" = percent(50, invited)\n");
    assert_value(ind(f, "not_true"), 0, UNIT_BOOLEAN);
    /* about 100 + 1 = 101, from an approximate figure (§8.1) */
    const IndicatorResult *ir = ind(f, "approx");
    assert_value(ir, 101, UNIT_COUNT);
    assert_true(ir->approximate);
    assert_string_equal(note_text(f, &ir->note), "computed from an approximate figure");
    /* a count and an amount: money (§7.3) */
    assert_value(ind(f, "count_and_money"), 1005, UNIT_MONEY);
    assert_unknown(f, ind(f, "number_and_text"), "arithmetic needs numbers");
    assert_unknown(f, ind(f, "date_times"), "arithmetic needs numbers");
    assert_unknown(f, ind(f, "dates_added"), "arithmetic needs numbers");
    /* `<` between booleans: only == and != compare them */
    assert_unknown(f, ind(f, "bools_ordered"), "these values cannot be compared");
    assert_unknown(f, ind(f, "days_of_a_number"), "days() and working_days() need two dates");
    /* 50 / about 100 = 50 %, approximate */
    ir = ind(f, "approx_rate");
    assert_ratio(ir, 50, 50, 100);
    assert_true(ir->approximate);
}

TEST(aggregates_of_money_and_values_that_are_no_numbers)
{
    run_all(f, "commune \"A\" { fund 100đ { a 100đ }  invited 3  dialogue 2024-01-05 { }  dialogue 2024-02-05 { } }\n"
               "commune \"B\" { fund 300đ { a 300đ }  invited 9 }\n"
               "indicator total \"T\" = sum(commune, fund)\n"
               "indicator average \"T\" = mean(commune, fund)\n"
               "indicator smaller \"T\" = mean(commune, min(invited, 5))\n"
               "indicator dates \"T\" = sum(dialogue, date)\n"
               "indicator mean_dates \"T\" = mean(dialogue, date)\n");
    /* 100 + 300 = 400 đ; (100 + 300) / 2 = 200 đ */
    assert_value(ind(f, "total"), 400, UNIT_MONEY);
    assert_value(ind(f, "average"), 200, UNIT_MONEY);
    /* min(3, 5) = 3, min(9, 5) = 5: (3 + 5) / 2 = 4, a plain number (§8) */
    assert_value(ind(f, "smaller"), 4, UNIT_NUMBER);
    /* two dates: neither adds up */
    assert_unknown(f, ind(f, "dates"), "the value is not a number");
    assert_unknown(f, ind(f, "mean_dates"), "the value is not a number");
}

TEST(values_too_large_or_beyond_the_calendar)
{
    /* calendar none with the report's own holiday on 9999-12-31: a
     * deadline that ends on it moves past the last day there is; 2^63 - 1
     * to the 16th power is about 2.7e303, and 100 times it over 1 / 100000
     * is about 2.7e310, beyond a double (§13) */
    const char *big = "9223372036854775807";
    const char *product = big;
    for (int i = 1; i < 16; i++)
        product = arena_printf(&f->arena, "%s * %s", product, big);
    run_all(f, arena_printf(&f->arena,
                            "calendar none\nholiday 9999-12-31\n"
                            "indicator nd \"T\" = deadline(9999-12-30, 1)\n"
                            "indicator big \"T\" = percent(%s, 1 / 100000)\n",
                            product));
    assert_unknown(f, ind(f, "nd"), "the date falls outside the calendar");
    assert_unknown(f, ind(f, "big"), "the computed value is too large to be a number");
    assert_int_equal(ind(f, "big")->unit, UNIT_PERCENT);
}

TEST(sessions_in_windows_of_time)
{
    run_all(f, "period 2024\n"
               "commune \"A\" {\n"
               "  reception 2024-03-01 { receptions 3 }\n"
               "  dialogue 2024-04-01 { not_held \"mưa\" }\n"
               "  dialogue 2024-05-02 { attended 10  fund_raised 100đ }\n"
               "}\n"
               "indicator rec \"T\" = receptions.h2024_1\n"
               "indicator nh \"T\" = dialogues_not_held.h2024_1\n"
               "indicator nh2 \"T\" = dialogues_not_held.h2024_2\n"
               "indicator money \"T\" = fund_raised.h2024_1\n"
               "indicator att \"T\" = attended.y2024 { per dialogue }\n");
    /* a reception that declares its own count adds it, not 1 (§5.3): 3 */
    assert_value(ind(f, "rec"), 3, UNIT_COUNT);
    /* the dialogue not held counts 1 into dialogues_not_held, in H1; none
     * in H2: the count of a session kind is 0 where none is listed (§5.6) */
    assert_value(ind(f, "nh"), 1, UNIT_COUNT);
    assert_value(ind(f, "nh2"), 0, UNIT_COUNT);
    assert_value(ind(f, "money"), 100, UNIT_MONEY);
    /* per held dialogue: its own attended in 2024 */
    assert_value(find_indicator(f, "att", "dialogue 2024-05-02 in commune A"), 10, UNIT_COUNT);
}

TEST(window_of_a_whole_given_approximately)
{
    /* §5.6 step 3: the unit gives dialogues for the whole period only, as
     * about 2; its sessions are 2, but an approximate total cannot say
     * which half they fall in */
    run_all(f, "period 2024\n"
               "commune \"A\" { dialogues about 2  dialogue 2024-03-01 { }  dialogue 2024-09-01 { } }\n"
               "indicator d \"T\" = dialogues.h2024_1\n");
    assert_unknown(f, ind(f, "d"), "'dialogues' of commune A is given for the whole period, not by date");
}

TEST(per_part_with_a_window_or_a_part_named)
{
    run_all(f, "period 2024\n"
               "people 10 { district_level 4  commune_level 6 }\n"
               "indicator fixed \"T\" = people.district_level { per level }\n"
               "indicator yearly \"T\" = people.y2024 { per level }\n");
    /* a path that names its level keeps it in every row: 4 */
    assert_value(row(f, "fixed", "level commune_level"), 4, UNIT_COUNT);
    /* in the part's scope, people.y2024 is people.PART.y2024: the year
     * holds the whole period, so the declared 4 and 6 (§5.6 step 3) */
    assert_value(row(f, "yearly", "level district_level"), 4, UNIT_COUNT);
    assert_value(row(f, "yearly", "level commune_level"), 6, UNIT_COUNT);
}

TEST(opinions_of_the_report_itself_in_windows)
{
    run_all(f, "period 2024\n"
               "opinion \"a\" { received 2024-02-01 }\n"
               "opinion \"b\" { received 2024-08-01 }\n"
               "opinion \"c\" { received 2024-09-01 }\n"
               "indicator n \"T\" = count(opinion) { per half }\n");
    /* opinions at the top level count in the report's own scope: 1 in H1,
     * 2 in H2 */
    assert_value(row(f, "n", "half 2024 H1"), 1, UNIT_COUNT);
    assert_value(row(f, "n", "half 2024 H2"), 2, UNIT_COUNT);
}

TEST(window_sums_beyond_64_bits)
{
    run_all(f, "period 2024\n"
               "dialogue 2024-03-01 { attended 9_000_000_000_000_000_000 }\n"
               "dialogue 2024-04-01 { attended 9_000_000_000_000_000_000 }\n"
               "indicator a \"T\" = attended.h2024_1\n");
    /* 9e18 + 9e18 does not fit in 64 bits */
    assert_unknown(f, ind(f, "a"), "the numbers are too large to compare");
}

/* ---- schedules and rules that cannot be decided (§9, §9.1) --------------------------- */

static const Verdict *only_verdict(Fixture *f, const char *rule)
{
    const RuleResult *rr = find_rule(f, rule);
    assert_int_equal(rr->total, 1);
    return rr->verdicts;
}

TEST(schedules_that_cannot_be_counted)
{
    run_all(f, "period 2024\n"
               "session_kind hearing \"Phiên\" { }\n"
               "commune \"A\" { reception ? { } }\n"
               "commune \"B\" { hearing 2024-03-01 { } }\n"
               "rule rec \"T\" {\n  each commune\n  where: invited >= 0 or true\n"
               "  schedule reception { every month }\n}\n"
               "rule hear \"T\" {\n  each commune\n  schedule hearing { every year }\n}\n");
    /* A's reception has no date, and A gives no total to count against
     * (§5.6, §9.1) */
    const RuleResult *rr = find_rule(f, "rec");
    const Verdict *a = rr->verdicts;
    assert_int_equal(a->status, RESULT_UNKNOWN);
    assert_string_equal(failure_detail(f, rr, a),
                        "the schedule cannot be counted: reception (undated) in commune A has no date to the day");
    /* a session kind that counts nothing cannot be counted in time */
    rr = find_rule(f, "hear");
    const Verdict *b = rr->verdicts->next;
    assert_string_equal(failure_subject(f, b), "commune B");
    assert_int_equal(b->status, RESULT_UNKNOWN);
    assert_int_equal(strncmp(failure_detail(f, rr, b), "the schedule cannot be counted: ", 32), 0);
}

TEST(sessions_not_held_given_as_a_count)
{
    /* not itemised: the count the unit gives (§9.1); a reception not held
     * of another kind than the schedule's is not counted */
    run_all(f, "period 2024\n"
               "commune \"A\" {\n"
               "  dialogues_not_held 2\n"
               "  dialogue 2024-03-01 { }  dialogue 2024-09-01 { }\n"
               "  reception 2024-03-07 { kind periodic }\n"
               "  reception 2024-03-08 { kind regular  not_held \"họp\" }\n"
               "}\n"
               "rule halves \"T\" {\n  each commune\n  schedule dialogue { every half }\n}\n"
               "rule rec \"T\" {\n  each commune\n  schedule reception { kind periodic  every year }\n}\n");
    const RuleResult *rr = find_rule(f, "halves");
    const Verdict *v = only_verdict(f, "halves");
    /* one in each half: 2 of 2 due; 2 not held, as the unit says */
    assert_int_equal(v->status, RESULT_PASS);
    assert_string_equal(failure_detail(f, rr, v), "held 2 of 2 due; not held: 2");
    rr = find_rule(f, "rec");
    v = only_verdict(f, "rec");
    assert_string_equal(failure_detail(f, rr, v), "held 1 of 1 due");
}

TEST(rules_over_windows_the_period_cuts)
{
    run_all(f, "period 2024-03-01 .. 2024-10-31\n"
               "commune \"A\" { dialogue 2024-04-01 { } }\n"
               "rule yearly \"T\" {\n  each commune\n  each year\n  require: dialogues >= 1\n}\n"
               "rule none \"T\" {\n  each ward\n  each year\n  require: dialogues >= 1\n}\n");
    /* 2024 is cut by the period on working days: left out, and so every
     * subject (§7.4); no ward is listed at all (§9) */
    const RuleResult *rr = find_rule(f, "yearly");
    assert_int_equal(rr->status, RESULT_UNKNOWN);
    assert_int_equal(rr->total, 0);
    assert_string_equal(note_text(f, &rr->note), "1 year is only partly inside the report's period: not checked");
    rr = find_rule(f, "none");
    assert_string_equal(note_text(f, &rr->note), "no ward in this report to check");
}

TEST(a_subject_only_listed_is_pointed_at_in_the_list)
{
    run_all(f, "district \"D\" {\n"
               "  lists commune \"A\" \"B\"\n"
               "  commune \"A\" { invited 1 }\n"
               "}\n"
               "rule r \"T\" {\n  each commune\n  require: invited >= 0\n}\n");
    /* B is in the list only: its verdict stands at its name there, line 2
     * column 21 ('  lists commune "A" ' is 20 characters) */
    const RuleResult *rr = find_rule(f, "r");
    const Verdict *b = rr->verdicts->next;
    assert_string_equal(failure_subject(f, b), "commune B");
    assert_int_equal(b->status, RESULT_UNKNOWN);
    uint32_t line, col;
    Source *src;
    Span span = verdict_place(rr->def, b, &src);
    source_position(src, span.start, &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 21);
    /* A's stands at its own block, line 3 column 11 */
    span = verdict_place(rr->def, rr->verdicts, &src);
    source_position(src, span.start, &line, &col);
    assert_int_equal(line, 3);
    assert_int_equal(col, 11);
}

TEST(a_window_without_a_period)
{
    /* §5.6 step 3: a figure given for the whole period is the window's
     * value only when the window holds the period; without a period it
     * cannot */
    run_all(f, "gifts 5\nindicator g \"T\" = gifts.y2024\n");
    assert_unknown(f, ind(f, "g"), "'gifts' of the report is given for the whole period, not by date");
}

TEST(percentage_in_a_window_is_never_added_up)
{
    /* spec §5.6: "A percentage is never added up: only step 1 gives one":
     * the report declares no cell rate.y2024, so its value is unknown (dlg
     * gave 0) */
    run_all(f, "period 2024\n"
               "figure rate \"R\" { type percentage  by year }\n"
               "dialogue 2024-03-01 { rate 50% }\n"
               "indicator r \"T\" = rate.y2024\n");
    const IndicatorResult *ir = ind(f, "r");
    if (ir->value.known)
        fail_msg("rate.y2024 = %g, expected no value", ir->value.value);
}

TEST(window_note_names_the_whole_path)
{
    /* spec/messages.md §7: "'{PATH} in {WINDOW}' is not known for {WHERE}",
     * PATH the cell asked for, also when no unit has it (dlg named the
     * figure alone: 'opinions in 2024') */
    run_all(f, "period 2024\nindicator x \"T\" = opinions.land.y2024\n");
    assert_unknown(f, ind(f, "x"), "'opinions.land in 2024' is not known for the report");
}

TEST(opinion_received_later_than_its_session)
{
    /* spec §5.6 step 4: opinions are "dated by `received`, else by the
     * session they are listed in", as count(opinion) per half does: x was
     * received 1 September (H2), y is dated by its dialogue of 1 March
     * (H1). dlg counted both at the session's date: H1 2, H2 0 */
    run_all(f, "period 2024\n"
               "dialogue 2024-03-01 { opinion \"x\" { received 2024-09-01 }  opinion \"y\" { } }\n"
               "indicator h1 \"T\" = opinions.h2024_1\n"
               "indicator h2 \"T\" = opinions.h2024_2\n");
    assert_value(ind(f, "h1"), 1, UNIT_COUNT);
    assert_value(ind(f, "h2"), 1, UNIT_COUNT);
}

TEST(entries_of_a_session_by_their_own_dates)
{
    /* §5.6: a session's own figures by its date (step 2), what it lists by
     * the entries' dates (step 4): documents by their date, an opinion by
     * `received`, which places it even when its session has no date */
    run_all(f, "period 2024\n"
               "dialogue 2024-03-01 { attended 10  document plan \"1/KH\" 2024-08-01 }\n"
               "dialogue ? { opinion \"y\" { received 2024-02-01 } }\n"
               "indicator att1 \"T\" = attended.h2024_1\n"
               "indicator att2 \"T\" = attended.h2024_2\n"
               "indicator doc1 \"T\" = documents.h2024_1\n"
               "indicator doc2 \"T\" = documents.h2024_2\n"
               "indicator op1 \"T\" = opinions.h2024_1\n"
               "indicator op2 \"T\" = opinions.h2024_2\n");
    /* attended: 10 on 1 March; the undated dialogue gives no attended */
    assert_value(ind(f, "att1"), 10, UNIT_COUNT);
    assert_value(ind(f, "att2"), 0, UNIT_COUNT);
    /* the plan of 1 August, listed in the March dialogue: H2 */
    assert_value(ind(f, "doc1"), 0, UNIT_COUNT);
    assert_value(ind(f, "doc2"), 1, UNIT_COUNT);
    /* y, received 1 February, in the undated dialogue: H1 */
    assert_value(ind(f, "op1"), 1, UNIT_COUNT);
    assert_value(ind(f, "op2"), 0, UNIT_COUNT);
}

TEST(opinion_dated_by_an_undated_session)
{
    /* an opinion without `received` takes its session's date; when the
     * session has none, the session is what lacks a date (§5.6 step 2's
     * note) */
    run_all(f, "period 2024\n"
               "dialogue ? { opinion \"z\" { } }\n"
               "indicator op \"T\" = opinions.h2024_1\n");
    assert_unknown(f, ind(f, "op"), "dialogue (undated) in the report has no date to the day");
}

TEST(undated_document_in_a_dated_session)
{
    /* documents are placed "by their date" (§5.6 step 4), not by the
     * session they are listed in: one without a date cannot be placed */
    run_all(f, "period 2024\n"
               "dialogue 2024-03-01 { document plan \"1/KH\" }\n"
               "indicator doc \"T\" = documents.h2024_1\n");
    assert_unknown(f, ind(f, "doc"), "a document listed in dialogue 2024-03-01 in the report has no date to the day");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(walks_find_subjects_at_every_depth),
        FIXTURE_TEST(opinion_scope_names),
        FIXTURE_TEST(opinion_conditions_read_from_the_fields),
        FIXTURE_TEST(other_names_in_an_opinion_are_unknown),
        FIXTURE_TEST(literals),
        FIXTURE_TEST(comparisons),
        FIXTURE_TEST(date_arithmetic),
        FIXTURE_TEST(logic_and_conditions),
        FIXTURE_TEST(names_of_any_scope),
        FIXTURE_TEST(session_kind_and_scope_not_given),
        FIXTURE_TEST(function_arguments_of_the_wrong_type),
        FIXTURE_TEST(calendar_functions_that_cannot_answer),
        FIXTURE_TEST(deadline_without_a_calendar_at_the_end_of_time),
        FIXTURE_TEST(entries_in_windows_of_time),
        FIXTURE_TEST(undated_entries_in_windows_of_time),
        FIXTURE_TEST(windows_of_a_calendar_dimension_without_a_period),
        FIXTURE_TEST(numbered_parts_in_numeric_order),
        FIXTURE_TEST(aggregates_with_nothing_or_unknowns),
        FIXTURE_TEST(aggregate_over_too_many_windows),
        FIXTURE_TEST(one_aggregate_in_many_windows),
        FIXTURE_TEST(more_operators),
        FIXTURE_TEST(aggregates_of_money_and_values_that_are_no_numbers),
        FIXTURE_TEST(values_too_large_or_beyond_the_calendar),
        FIXTURE_TEST(sessions_in_windows_of_time),
        FIXTURE_TEST(window_of_a_whole_given_approximately),
        FIXTURE_TEST(per_part_with_a_window_or_a_part_named),
        FIXTURE_TEST(opinions_of_the_report_itself_in_windows),
        FIXTURE_TEST(window_sums_beyond_64_bits),
        FIXTURE_TEST(schedules_that_cannot_be_counted),
        FIXTURE_TEST(sessions_not_held_given_as_a_count),
        FIXTURE_TEST(rules_over_windows_the_period_cuts),
        FIXTURE_TEST(a_subject_only_listed_is_pointed_at_in_the_list),
        FIXTURE_TEST(a_window_without_a_period),
        FIXTURE_TEST(percentage_in_a_window_is_never_added_up),
        FIXTURE_TEST(window_note_names_the_whole_path),
        FIXTURE_TEST(opinion_received_later_than_its_session),
        FIXTURE_TEST(entries_of_a_session_by_their_own_dates),
        FIXTURE_TEST(opinion_dated_by_an_undated_session),
        FIXTURE_TEST(undated_document_in_a_dated_session),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
