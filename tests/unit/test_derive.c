/* test_derive.c - derived values (interp/derive.c, spec §5.3, §5.4, §6.5):
 * the tolerance and range of an approximate value, sums of ranges, and
 * what every unit, session and the report compute from their breakdowns,
 * their children and the entries they list.
 *
 * Every expected value is worked out by hand from the spec in a comment
 * next to it. */
#include "support.h"

/* ---- helpers ---------------------------------------------------------------------- */

static Quantity qty(Approx approx, int64_t value)
{
    return (Quantity){ .known = true, .approx = (uint8_t)approx, .value = value };
}

static void assert_range(Range r, int64_t lo, int64_t hi, bool unbounded)
{
    if (r.lo != lo || r.unbounded != unbounded || (!unbounded && r.hi != hi))
        fail_msg("range [%lld, %lld]%s, expected [%lld, %lld]%s", (long long)r.lo, (long long)r.hi,
                 r.unbounded ? " unbounded" : "", (long long)lo, (long long)hi, unbounded ? " unbounded" : "");
}

/* An exact known value. */
static void assert_exact(Value v, int64_t want)
{
    assert_true(v.known);
    assert_false(v.approx);
    assert_int_equal(v.value, want);
    assert_range(v.range, want, want, false);
}

static void assert_unknown(Value v)
{
    assert_false(v.known);
}

/* The n-th child (from 0) of `parent` of this kind; a unit by name when
 * `name` is given. */
static const Node *nth(const Node *parent, const char *kind, const char *name, unsigned n)
{
    for (const Node *c = node_first_child(parent); c; c = c->next_sibling)
        if (strcmp(c->kind->name->text, kind) == 0 && (!name || (c->name && strcmp(c->name->text, name) == 0)) &&
            n-- == 0)
            return c;
    fail_msg("no %s %s", kind, name ? name : "");
    return NULL;
}

static const Node *unit(const Node *parent, const char *kind, const char *name)
{
    return nth(parent, kind, name, 0);
}

/* ---- tolerance (§6.5) -------------------------------------------------------------- */

TEST(tolerance_is_ten_percent_rounded_up_at_least_one)
{
    assert_int_equal(derive_tolerance(300), 30);        /* 30.0 */
    assert_int_equal(derive_tolerance(3600), 360);      /* 360.0 */
    assert_int_equal(derive_tolerance(15), 2);          /* 1.5 rounded up */
    assert_int_equal(derive_tolerance(11), 2);          /* 1.1 rounded up */
    assert_int_equal(derive_tolerance(10), 1);          /* 1.0 */
    assert_int_equal(derive_tolerance(5), 1);           /* 0.5 rounded up */
    assert_int_equal(derive_tolerance(1), 1);           /* 0.1 rounded up */
    assert_int_equal(derive_tolerance(0), 1);           /* 0, but at least 1 */
}

TEST(tolerance_of_a_negative_value_is_that_of_its_magnitude)
{
    /* 10 % of |N| */
    assert_int_equal(derive_tolerance(-300), 30);
    assert_int_equal(derive_tolerance(-15), 2);
    assert_int_equal(derive_tolerance(-5), 1);
    assert_int_equal(derive_tolerance(-1), 1);
}

TEST(tolerance_at_the_ends_of_int64)
{
    /* INT64_MAX = 9,223,372,036,854,775,807: a tenth is ...580.7, rounded
     * up ...581; |INT64_MIN| = ...808: ...580.8, rounded up ...581 */
    assert_int_equal(derive_tolerance(INT64_MAX), 922337203685477581);
    assert_int_equal(derive_tolerance(INT64_MIN), 922337203685477581);
}

/* ---- ranges (§6.5) ------------------------------------------------------------------ */

TEST(range_of_an_exact_value_is_itself)
{
    Quantity q = qty(APPROX_NONE, 42);
    assert_range(derive_range(&q), 42, 42, false);
    q = qty(APPROX_NONE, 0);
    assert_range(derive_range(&q), 0, 0, false);
    q = qty(APPROX_NONE, -146);
    assert_range(derive_range(&q), -146, -146, false);
}

TEST(range_of_about)
{
    /* about 300: 300 - 30 .. 300 + 30 */
    Quantity q = qty(APPROX_ABOUT, 300);
    assert_range(derive_range(&q), 270, 330, false);
    /* about 3_600: 3,600 +- 360 */
    q = qty(APPROX_ABOUT, 3600);
    assert_range(derive_range(&q), 3240, 3960, false);
    /* ~15: tolerance 2 */
    q = qty(APPROX_ABOUT, 15);
    assert_range(derive_range(&q), 13, 17, false);
    /* about 0: tolerance 1 */
    q = qty(APPROX_ABOUT, 0);
    assert_range(derive_range(&q), -1, 1, false);
    /* about -300: -330 .. -270 */
    q = qty(APPROX_ABOUT, -300);
    assert_range(derive_range(&q), -330, -270, false);
}

TEST(range_of_over_has_no_upper_end)
{
    /* over 11_000: more than 11,000, so at least 11,001 */
    Quantity q = qty(APPROX_OVER, 11000);
    assert_range(derive_range(&q), 11001, 0, true);
    q = qty(APPROX_OVER, 0);
    assert_range(derive_range(&q), 1, 0, true);
}

TEST(range_of_nearly_ends_at_the_value)
{
    /* nearly 300: 300 - 30 .. 300 */
    Quantity q = qty(APPROX_NEARLY, 300);
    assert_range(derive_range(&q), 270, 300, false);
    /* nearly 15: 13 .. 15 */
    q = qty(APPROX_NEARLY, 15);
    assert_range(derive_range(&q), 13, 15, false);
}

TEST(range_at_the_ends_of_int64)
{
    /* over INT64_MAX: more than the largest count; the lower end stays at
     * INT64_MAX (there is no INT64_MAX + 1) and there is no upper end */
    Quantity q = qty(APPROX_OVER, INT64_MAX);
    assert_range(derive_range(&q), INT64_MAX, 0, true);
    /* about INT64_MAX - 5 = 9,223,372,036,854,775,802: tolerance
     * 922,337,203,685,477,581 (a tenth, 580.2, rounded up); lower end
     * ...802 - ...581 = 8,301,034,833,169,298,221; the upper end does not
     * fit: none */
    q = qty(APPROX_ABOUT, INT64_MAX - 5);
    assert_range(derive_range(&q), 8301034833169298221, 0, true);
    /* about INT64_MIN: the lower end does not fit, so it is INT64_MIN;
     * the upper end INT64_MIN + 922,337,203,685,477,581 =
     * -8,301,034,833,169,298,227 */
    q = qty(APPROX_ABOUT, INT64_MIN);
    assert_range(derive_range(&q), INT64_MIN, -8301034833169298227, false);
    /* nearly INT64_MIN: INT64_MIN .. INT64_MIN */
    q = qty(APPROX_NEARLY, INT64_MIN);
    assert_range(derive_range(&q), INT64_MIN, INT64_MIN, false);
}

TEST(ranges_add_end_to_end)
{
    /* [270, 330] + [13, 17] = [283, 347] */
    Range acc = { 270, 330, false };
    assert_true(derive_range_add(&acc, (Range){ 13, 17, false }));
    assert_range(acc, 283, 347, false);
    /* + exact 5: [288, 352] */
    assert_true(derive_range_add(&acc, (Range){ 5, 5, false }));
    assert_range(acc, 288, 352, false);
}

TEST(an_unbounded_range_stays_unbounded)
{
    /* over 11_000 + about 3_600 (spec §6.5): at least 11,001 + 3,240 =
     * 14,241, with no upper end */
    Quantity over = qty(APPROX_OVER, 11000), about = qty(APPROX_ABOUT, 3600);
    Range acc = derive_range(&over);
    assert_true(derive_range_add(&acc, derive_range(&about)));
    assert_range(acc, 14241, 0, true);
    /* and the other way round */
    acc = derive_range(&about);
    assert_true(derive_range_add(&acc, derive_range(&over)));
    assert_range(acc, 14241, 0, true);
    /* adding a bounded range keeps it unbounded: 14,241 + 9 = 14,250 */
    acc = (Range){ 14241, 0, true };
    assert_true(derive_range_add(&acc, (Range){ 9, 9, false }));
    assert_range(acc, 14250, 0, true);
}

TEST(range_add_overflow)
{
    /* the lower end does not fit in 64 bits: false */
    Range acc = { INT64_MAX, INT64_MAX, false };
    assert_false(derive_range_add(&acc, (Range){ 1, 1, false }));
    acc = (Range){ INT64_MIN, INT64_MIN, false };
    assert_false(derive_range_add(&acc, (Range){ -1, -1, false }));
    /* over INT64_MAX plus 1 more: the lower end overflows too */
    acc = (Range){ INT64_MAX, 0, true };
    assert_false(derive_range_add(&acc, (Range){ 1, 1, false }));
    /* only the upper end does not fit: beyond any count, no upper end */
    acc = (Range){ 0, INT64_MAX, false };
    assert_true(derive_range_add(&acc, (Range){ 0, 1, false }));
    assert_range(acc, 0, 0, true);
}

/* ---- a figure declared ? takes its breakdown's sum (§5.4 step 2) ----------------------- */

TEST(unknown_figure_takes_the_sum_of_its_complete_breakdown)
{
    const Model *m = build_model(f, "opinions ? { resolved 3  pending 2 }\n"
                                    "petitions { complaint ? { eligible 1  ineligible 2 }  proposal 4 }\n"
                                    "attended 10 { men 3  women 4 }\n");
    derive(f);
    /* 3 + 2 = 5, exact */
    Value v = value_at(f, m->root, "opinions");
    assert_exact(v, 5);
    assert_false(v.declared);
    assert_true(v.from_declared);
    /* parts first: complaint 1 + 2 = 3, then petitions 3 + 4 = 7; a
     * figure without a value is unknown like '?' (§5.1) */
    assert_exact(value_at(f, m->root, "petitions.complaint"), 3);
    assert_exact(value_at(f, m->root, "petitions"), 7);
    /* a declared figure is never replaced by a computed one: 10, not 7 */
    v = value_at(f, m->root, "attended");
    assert_exact(v, 10);
    assert_true(v.declared);
}

TEST(unknown_figure_over_approximate_parts_is_approximate)
{
    /* spec §6.5: over 11_000 + about 3_600 is 14,600 as stated, at least
     * 11,001 + 3,240 = 14,241, with no upper end */
    const Model *m = build_model(f, "cases ? { old over 11_000  new about 3_600 }\n"
                                    "voter_opinions ? { pending nearly 50  resolved about 20 }\n");
    derive(f);
    Value v = value_at(f, m->root, "cases");
    assert_true(v.known);
    assert_true(v.approx);
    assert_false(v.declared);
    assert_int_equal(v.value, 14600);
    assert_range(v.range, 14241, 0, true);
    /* nearly 50 is 45..50, about 20 is 18..22: 70 stated, 63..72 */
    v = value_at(f, m->root, "voter_opinions");
    assert_true(v.known);
    assert_true(v.approx);
    assert_int_equal(v.value, 70);
    assert_range(v.range, 63, 72, false);
}

TEST(no_sum_from_a_partial_or_unknown_breakdown)
{
    const Model *m = build_model(f, "houses ? { y2019 2  y2020 3  ... }\n"   /* partial */
                                    "gifts ? { y2019 2  y2020 ? }\n"          /* a part unknown */
                                    "cases { old { complaint ?  proposal 1 }  new 2 }\n" /* a part's own part unknown */
                                    "petitions { complaint 1 { eligible ? }  proposal 2 }\n");
    derive(f);
    assert_unknown(value_at(f, m->root, "houses"));
    assert_unknown(value_at(f, m->root, "gifts"));
    /* old has no sum (complaint is unknown), so cases has none either */
    assert_unknown(value_at(f, m->root, "cases.old"));
    assert_unknown(value_at(f, m->root, "cases"));
    /* complaint is declared 1: petitions = 1 + 2 = 3, whatever complaint's
     * own breakdown lacks */
    assert_exact(value_at(f, m->root, "petitions"), 3);
}

/* ---- roll-ups of children (§5.4 step 3) ------------------------------------------------- */

TEST(children_roll_up_into_their_parent)
{
    const Model *m = build_model(f, "district \"D\" {\n"
                                    "  commune \"A\" { invited 5  attended 4  opinions 3 { resolved 2  pending 1 } }\n"
                                    "  commune \"B\" { invited 7  opinions 4 { resolved 4 } }\n"
                                    "  commune \"C\" { invited about 100 }\n"
                                    "}\n");
    derive(f);
    const Node *d = unit(m->root, "district", "D");
    /* invited: 5 + 7 + 100 = 112 as stated; about 100 is 90..110, so
     * 5 + 7 + 90 = 102 .. 5 + 7 + 110 = 122 */
    Value v = value_at(f, d, "invited");
    assert_true(v.known);
    assert_true(v.approx);
    assert_false(v.declared);
    assert_true(v.from_declared);
    assert_int_equal(v.value, 112);
    assert_range(v.range, 102, 122, false);
    /* three child units gave it */
    Aggregate a = { 0 };
    assert_true(derive_aggregate(f->derived, d, symtab_find(&f->syms, "invited", 7)->id, &a));
    assert_int_equal(a.units, 3);
    assert_int_equal(a.sessions, 0);
    /* attended: A alone, 4 */
    assert_exact(value_at(f, d, "attended"), 4);
    /* parts roll up by cell: 3 + 4 = 7 opinions, 2 + 4 = 6 resolved, 1 pending */
    assert_exact(value_at(f, d, "opinions"), 7);
    assert_exact(value_at(f, d, "opinions.resolved"), 6);
    assert_exact(value_at(f, d, "opinions.pending"), 1);
    /* each commune counts 1 into `communes` of its district: 3 */
    assert_exact(value_at(f, d, "communes"), 3);
    /* and the district rolls up into the report, which counts 1 district */
    v = value_at(f, m->root, "invited");
    assert_int_equal(v.value, 112);
    assert_range(v.range, 102, 122, false);
    assert_exact(value_at(f, m->root, "opinions.resolved"), 6);
    assert_exact(value_at(f, m->root, "districts"), 1);
    assert_exact(value_at(f, m->root, "communes"), 3);
}

TEST(sessions_roll_up_into_their_unit)
{
    const Model *m = build_model(f, "commune \"A\" {\n"
                                    "  dialogue 2020-03-01 { invited 40  attended 30 }\n"
                                    "  dialogue 2020-04-01 { invited 25  attended 20 }\n"
                                    "}\n");
    derive(f);
    const Node *a = unit(m->root, "commune", "A");
    /* 30 + 20 = 50 attended, 40 + 25 = 65 invited, 2 dialogues */
    assert_exact(value_at(f, a, "attended"), 50);
    assert_exact(value_at(f, a, "invited"), 65);
    assert_exact(value_at(f, a, "dialogues"), 2);
    Aggregate ag = { 0 };
    assert_true(derive_aggregate(f->derived, a, symtab_find(&f->syms, "attended", 8)->id, &ag));
    assert_int_equal(ag.sessions, 2);
    assert_int_equal(ag.units, 0);
    /* the report: A's derived values, 50 and 2 */
    assert_exact(value_at(f, m->root, "attended"), 50);
    assert_exact(value_at(f, m->root, "dialogues"), 2);
}

TEST(an_approximate_breakdown_sum_rolls_up)
{
    /* the commune's cases are derived from its breakdown (14,600, at least
     * 14,241); the district adds B's exact 400: 15,000, at least 14,641 */
    const Model *m = build_model(f, "district \"D\" {\n"
                                    "  commune \"A\" { cases ? { old over 11_000  new about 3_600 } }\n"
                                    "  commune \"B\" { cases 400 }\n"
                                    "}\n");
    derive(f);
    Value v = value_at(f, unit(m->root, "district", "D"), "cases");
    assert_true(v.known);
    assert_true(v.approx);
    assert_int_equal(v.value, 15000);
    assert_range(v.range, 14641, 0, true);
}

/* derive.c keeps a full aggregate in 24 bytes while every contribution is
 * exact and the sum fits in 64 bits, and its range beside once one is not
 * (Kept, Spread): exact ones first, then an approximate one, then exact
 * ones again; and exact ones past 2^63. */
TEST(an_aggregate_exact_then_approximate_then_beyond_64_bits)
{
    const Model *m = build_model(f, "district \"D\" {\n"
                                    "  commune \"A\" { cases 400 }\n"
                                    "  commune \"B\" { cases 500 }\n"
                                    "  commune \"C\" { cases about 1_000 }\n"     /* 900 to 1,100 */
                                    "  commune \"E\" { cases 100 }\n"
                                    "}\n"
                                    "district \"Z\" {\n"
                                    "  commune \"X\" { cases 9_223_372_036_854_775_807 }\n"
                                    "  commune \"Y\" { cases 2 }\n"
                                    "}\n");
    derive(f);
    const Symbol *cases = symtab_find(&f->syms, "cases", 5);
    Aggregate a = { 0 };
    assert_true(derive_aggregate(f->derived, unit(m->root, "district", "D"), cases->id, &a));
    assert_true(a.sum == 2000);
    assert_int_equal(a.lo, 1900);
    assert_int_equal(a.hi, 2100);
    assert_false(a.unbounded);
    assert_true(a.approx);
    assert_int_equal(a.units, 4);
    assert_true(a.declared);
    Value v = value_at(f, unit(m->root, "district", "D"), "cases");
    assert_int_equal(v.value, 2000);
    assert_range(v.range, 1900, 2100, false);
    /* 2^63 + 1: exact as a sum, no bound left, too large for a value */
    assert_true(derive_aggregate(f->derived, unit(m->root, "district", "Z"), cases->id, &a));
    assert_true(a.sum == ((Wide)1 << 63) + 1);
    assert_true(a.unbounded);
    assert_false(a.approx);
    assert_int_equal(a.units, 2);
    v = value_at(f, unit(m->root, "district", "Z"), "cases");
    assert_false(v.known);
    assert_true(v.too_large);
}

TEST(percentages_do_not_roll_up)
{
    const Model *m = build_model(f, "figure poverty_rate \"Tỷ lệ hộ nghèo\" { type percentage }\n"
                                    "district \"D\" { commune \"A\" { poverty_rate 3,2 % } }\n");
    derive(f);
    const Node *d = unit(m->root, "district", "D");
    /* 3,2 %: the mantissa 32 with one decimal */
    Value v = value_at(f, unit(d, "commune", "A"), "poverty_rate");
    assert_true(v.known);
    assert_true(v.percent);
    assert_int_equal(v.value, 32);
    assert_int_equal(v.decimals, 1);
    /* a percentage is never added to a parent (§5.3) */
    assert_unknown(value_at(f, d, "poverty_rate"));
}

/* ---- itemised opinions (§5.3) ---------------------------------------------------------- */

TEST(an_opinion_counts_into_every_cell_its_attributes_fix)
{
    const Model *m = build_model(f, "commune \"A\" {\n"
                                    "  opinion \"Đất 1\" { status resolved  topic land }\n"
                                    "  opinion \"Đất 2\" { status pending  topic land  satisfied no }\n"
                                    "  opinion \"Đường\" { status resolved  topic roads  satisfied yes }\n"
                                    "}\n");
    derive(f);
    const Node *a = unit(m->root, "commune", "A");
    /* the whole: 3 opinions */
    Value v = value_at(f, a, "opinions");
    assert_exact(v, 3);
    assert_false(v.declared);
    assert_false(v.from_declared);
    /* by status: resolved (1st, 3rd) 2, pending (2nd) 1 */
    assert_exact(value_at(f, a, "opinions.resolved"), 2);
    assert_exact(value_at(f, a, "opinions.pending"), 1);
    /* by topic: land (1st, 2nd) 2, roads (3rd) 1 */
    assert_exact(value_at(f, a, "opinions.land"), 2);
    assert_exact(value_at(f, a, "opinions.roads"), 1);
    /* both: the path names status before topic, the order of the
     * dimensions of `opinions` (§5.2) */
    assert_exact(value_at(f, a, "opinions.resolved.land"), 1);
    assert_exact(value_at(f, a, "opinions.pending.land"), 1);
    assert_exact(value_at(f, a, "opinions.resolved.roads"), 1);
    /* satisfied yes (3rd, roads) counts into satisfied and satisfied.roads;
     * `satisfied no` into nothing */
    assert_exact(value_at(f, a, "satisfied"), 1);
    assert_exact(value_at(f, a, "satisfied.roads"), 1);
    assert_unknown(value_at(f, a, "satisfied.land"));
    /* three entries counted in the whole, none declared */
    Aggregate ag = { 0 };
    assert_true(derive_aggregate(f->derived, a, symtab_find(&f->syms, "opinions", 8)->id, &ag));
    assert_int_equal(ag.entries, 3);
    assert_int_equal(ag.sum, 3);
    assert_int_equal(ag.lo, 3);
    assert_int_equal(ag.hi, 3);
    assert_false(ag.declared);
    /* the report gets A's cells */
    assert_exact(value_at(f, m->root, "opinions"), 3);
    assert_exact(value_at(f, m->root, "opinions.resolved.land"), 1);
}

TEST(an_opinion_without_a_status_counts_among_those_without)
{
    const Model *m = build_model(f, "commune \"A\" {\n"
                                    "  opinion \"Đất\" { status resolved  topic land }\n"
                                    "  opinion \"Khác\" { topic land }\n"
                                    "  opinion \"Không rõ\"\n"
                                    "}\n");
    derive(f);
    const Node *a = unit(m->root, "commune", "A");
    /* every opinion counts into the whole: 3 */
    assert_exact(value_at(f, a, "opinions"), 3);
    /* the 2nd and 3rd have no status: 2 among those without one */
    assert_exact(value_at(f, a, "opinions (without a status)"), 2);
    /* the 3rd has no topic either */
    assert_exact(value_at(f, a, "opinions (without a topic)"), 1);
    /* topic land: the 1st and the 2nd, whatever their status */
    assert_exact(value_at(f, a, "opinions.land"), 2);
    assert_exact(value_at(f, a, "opinions.resolved"), 1);
    assert_exact(value_at(f, a, "opinions.resolved.land"), 1);
    /* the model names that count for the checks (§6.4) */
    const Missing *mi = model_missing(m, m->vocab->opinions, m->vocab->status);
    assert_non_null(mi);
    assert_string_equal(mi->path->text, "opinions (without a status)");
    assert_string_equal(mi->word, "status");
    /* the report: 2 without a status below it */
    assert_exact(value_at(f, m->root, "opinions (without a status)"), 2);
}

/* ---- sessions (§5.3, §5.4 step 4) -------------------------------------------------------- */

static const char SESSIONS[] =
    "commune \"A\" {\n"
    "  reception 2020-01-06 { kind periodic  people 12 }\n"                       /* 0 */
    "  reception 2020-02-03 { kind periodic }\n"                                  /* 1 */
    "  reception 2020-02-10 { kind regular }\n"                                   /* 2 */
    "  reception 2020-03-02 { receptions 3 { periodic 2  regular 1 } }\n"         /* 3 */
    "  reception 2020-03-09 { kind leader  receptions 5  people 8 }\n"            /* 4 */
    "  reception 2020-04-06 { kind periodic  not_held \"mưa lũ\"  receptions 4  people 99\n"
    "                         opinion \"x\" { status pending } }\n"               /* 5 */
    "  dialogue 2020-05-01 { kind periodic  scope commune_wide }\n"
    "  dialogue 2020-06-01 { kind thematic  not_held ? }\n"
    "}\n"
    "commune \"B\" { invited 3 }\n";

TEST(a_held_session_counts_by_its_kind)
{
    const Model *m = build_model(f, SESSIONS);
    derive(f);
    const Node *a = unit(m->root, "commune", "A");
    /* receptions.periodic: sessions 0 and 1 by their kind, 1 + 1, and
     * session 3's own breakdown, 2: 4 */
    assert_exact(value_at(f, a, "receptions.periodic"), 4);
    /* receptions.regular: session 2, 1, and session 3's regular 1: 2 */
    assert_exact(value_at(f, a, "receptions.regular"), 2);
    /* the dialogue's kind and scope, and both at once
     * (dialogues: level, year, dialogue_kind, scope) */
    assert_exact(value_at(f, a, "dialogues"), 1);
    assert_exact(value_at(f, a, "dialogues.periodic"), 1);
    assert_exact(value_at(f, a, "dialogues.commune_wide"), 1);
    assert_exact(value_at(f, a, "dialogues.periodic.commune_wide"), 1);
}

TEST(a_held_session_that_declares_its_count_adds_that)
{
    const Model *m = build_model(f, SESSIONS);
    derive(f);
    const Node *a = unit(m->root, "commune", "A");
    /* sessions 0, 1, 2 count 1 each; session 3 declares 3 and session 4
     * declares 5; session 5 was not held: 1 + 1 + 1 + 3 + 5 = 11 */
    assert_exact(value_at(f, a, "receptions"), 11);
    /* session 4's kind `leader` adds nothing more: no reception counts
     * into receptions.leader */
    assert_unknown(value_at(f, a, "receptions.leader"));
    /* people: 12 (session 0) + 8 (session 4); not the 99 of session 5 */
    assert_exact(value_at(f, a, "people"), 20);
}

TEST(a_session_not_held_counts_only_into_not_held)
{
    const Model *m = build_model(f, SESSIONS);
    derive(f);
    const Node *a = unit(m->root, "commune", "A");
    /* session 5 declares receptions 4 but adds exactly 1, by its kind */
    assert_exact(value_at(f, a, "receptions_not_held"), 1);
    assert_exact(value_at(f, a, "receptions_not_held.periodic"), 1);
    /* the thematic dialogue not held */
    assert_exact(value_at(f, a, "dialogues_not_held"), 1);
    assert_exact(value_at(f, a, "dialogues_not_held.thematic"), 1);
    assert_unknown(value_at(f, a, "dialogues.thematic"));
    /* none of its figures or opinions reach the commune */
    assert_unknown(value_at(f, a, "opinions"));
    assert_unknown(value_at(f, a, "opinions.pending"));
    /* in the session itself its own figures are what it declares */
    const Node *s5 = nth(a, "reception", NULL, 5);
    assert_true(node_session(s5)->not_held);
    assert_exact(value_at(f, s5, "people"), 99);
    /* the report: 11 held, 1 not held */
    assert_exact(value_at(f, m->root, "receptions"), 11);
    assert_exact(value_at(f, m->root, "receptions_not_held"), 1);
}

TEST(session_counts_are_zero_in_a_unit_that_lists_none)
{
    const Model *m = build_model(f, SESSIONS);
    derive(f);
    const Node *a = unit(m->root, "commune", "A");
    const Node *b = unit(m->root, "commune", "B");
    /* B lists no session: 0 of each count and not-held count (§5.4 step 4) */
    assert_exact(value_at(f, b, "dialogues"), 0);
    assert_exact(value_at(f, b, "receptions"), 0);
    assert_exact(value_at(f, b, "voter_contacts"), 0);
    assert_exact(value_at(f, b, "dialogues_not_held"), 0);
    assert_exact(value_at(f, b, "receptions_not_held"), 0);
    /* A lists dialogues and receptions but no voter contact */
    assert_exact(value_at(f, a, "voter_contacts"), 0);
    assert_exact(value_at(f, a, "voter_contacts_not_held"), 0);
    /* other figures are not 0 for lack of sessions: B gives no attended */
    assert_unknown(value_at(f, b, "attended"));
    /* a session is not a unit: none of this inside one */
    const Node *s0 = nth(a, "reception", NULL, 0);
    assert_unknown(value_at(f, s0, "dialogues"));
    assert_unknown(value_at(f, s0, "receptions"));
}

/* ---- what is asked for ------------------------------------------------------------------ */

/* Three opinions listed, no total declared (the cells they count into are
 * asked for only by what the run reads). */
#define LISTED                                                          \
    "commune \"A\" {\n"                                                  \
    "  dialogue 2024-03-01 {\n"                                           \
    "    opinion \"M\xe1\xbb\x99t\" { topic land  status resolved }\n"       \
    "    opinion \"Hai\" { topic land  status pending }\n"                \
    "    opinion \"Ba\" { topic roads  status resolved }\n"               \
    "  }\n"                                                               \
    "}\n"

/* The row of indicator `id` for part `part`. */
static const IndicatorResult *part_row(Fixture *f, const char *id, const char *part)
{
    for (const IndicatorResult *ir = f->result.indicators; ir; ir = ir->next)
        if (strcmp(ir->def->id->text, id) == 0 && ir->part && strcmp(ir->part->name->text, part) == 0)
            return ir;
    fail_msg("no row of '%s' for %s", id, part);
    return NULL;
}

TEST(a_dimension_ranged_over_asks_for_each_of_its_cells)
{
    run_all(f, LISTED "indicator by_status \"T\" = opinions { per status }\n");
    /* per status, `opinions` is each status's cell: resolved 2 (Một, Ba),
     * pending 1 (Hai) */
    assert_double_near(part_row(f, "by_status", "resolved")->value.value, 2, 0);
    assert_double_near(part_row(f, "by_status", "pending")->value.value, 1, 0);
    const Node *a = unit(f->model->root, "commune", "A");
    assert_exact(value_at(f, a, "opinions"), 3);
    assert_exact(value_at(f, a, "opinions.resolved"), 2);
    /* no one asks for a topic's cell: not derived */
    assert_unknown(value_at(f, a, "opinions.land"));
    assert_unknown(value_at(f, a, "opinions.resolved.land"));
}

TEST(a_relation_asks_for_both_its_figures)
{
    /* satisfied 3 declared; opinions, from the two listed, 2: the
     * relation satisfied <= opinions fails, 3 > 2 (§14.4) */
    run_all(f, "commune \"A\" {\n"
               "  dialogue 2024-03-01 {\n"
               "    satisfied 3\n"
               "    opinion \"Hai\" { topic land  status pending }\n"
               "    opinion \"Ba\" { topic roads  status resolved }\n"
               "  }\n"
               "}\n");
    const Check *c = find_check(f, CHECK_BOUND, "satisfied <= opinions");
    assert_int_equal(check_declared(c).exact, 3);
    assert_int_equal(check_computed(c).exact, 2);
    assert_int_equal(c->status, RESULT_FAIL);
}

/* Villages that declare their cases, a commune that declares none, and
 * no expression naming them: no check compares a sum of them with
 * anything, so they are not added up (derive.c, what is asked for). */
TEST(a_figure_declared_only_where_nothing_is_below_is_not_added_up)
{
    run_all(f, "commune \"A\" {\n"
               "  village \"X\" { cases 5 }\n"
               "  village \"Y\" { cases 7 }\n"
               "}\n");
    const Node *a = unit(f->model->root, "commune", "A");
    assert_exact(value_at(f, unit(a, "village", "X"), "cases"), 5);   /* declared */
    assert_unknown(value_at(f, a, "cases"));
    assert_unknown(value_at(f, f->model->root, "cases"));
    assert_int_equal(count_checks(f, CHECK_ROLLUP, "cases"), 0);
}

/* The same villages in a district that declares its cases: the district's
 * are checked against its commune's, which are its villages' 5 + 7. */
TEST(a_figure_declared_above_something_is_added_up_from_the_bottom)
{
    run_all(f, "district \"D\" {\n"
               "  cases 12\n"
               "  commune \"A\" {\n"
               "    village \"X\" { cases 5 }\n"
               "    village \"Y\" { cases 7 }\n"
               "  }\n"
               "}\n");
    const Node *d = unit(f->model->root, "district", "D");
    assert_exact(value_at(f, unit(d, "commune", "A"), "cases"), 12);
    const Check *c = find_check(f, CHECK_ROLLUP, "district D: cases");
    assert_int_equal(check_declared(c).exact, 12);
    assert_int_equal(check_computed(c).exact, 12);
    assert_int_equal(c->status, RESULT_PASS);
}

TEST(too_many_cells_asked_for_derives_every_value)
{
    /* a figure by two dimensions of 300 parts, each ranged over: its
     * path asks for 301 x 301 = 90,601 cells, more than derive.c names
     * one by one (DEMAND_MAX_CELLS, 65,536); then every value is derived,
     * the cells of topics no one asks for too */
    char *text = arena_printf(&f->arena, "%s", LISTED);
    for (int d = 0; d < 2; d++) {
        text = arena_printf(&f->arena, "%sdimension d%d \"D\" {\n", text, d);
        for (int k = 0; k < 300; k++)
            text = arena_printf(&f->arena, "%s  p%d_%d \"P\"\n", text, d, k);
        text = arena_printf(&f->arena, "%s}\n", text);
    }
    text = arena_printf(&f->arena, "%sfigure fx \"X\" { by d0  by d1 }\n"
                                   "indicator one \"T\" = fx { per d0 }\n"
                                   "indicator two \"T\" = fx { per d1 }\n", text);
    assert_non_null(text);
    run_all(f, text);
    const Node *a = unit(f->model->root, "commune", "A");
    assert_exact(value_at(f, a, "opinions.land"), 2);      /* Một, Hai */
    assert_exact(value_at(f, a, "opinions.resolved.land"), 1);  /* Một */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(tolerance_is_ten_percent_rounded_up_at_least_one),
        FIXTURE_TEST(tolerance_of_a_negative_value_is_that_of_its_magnitude),
        FIXTURE_TEST(tolerance_at_the_ends_of_int64),
        FIXTURE_TEST(range_of_an_exact_value_is_itself),
        FIXTURE_TEST(range_of_about),
        FIXTURE_TEST(range_of_over_has_no_upper_end),
        FIXTURE_TEST(range_of_nearly_ends_at_the_value),
        FIXTURE_TEST(range_at_the_ends_of_int64),
        FIXTURE_TEST(ranges_add_end_to_end),
        FIXTURE_TEST(an_unbounded_range_stays_unbounded),
        FIXTURE_TEST(range_add_overflow),
        FIXTURE_TEST(unknown_figure_takes_the_sum_of_its_complete_breakdown),
        FIXTURE_TEST(unknown_figure_over_approximate_parts_is_approximate),
        FIXTURE_TEST(no_sum_from_a_partial_or_unknown_breakdown),
        FIXTURE_TEST(children_roll_up_into_their_parent),
        FIXTURE_TEST(sessions_roll_up_into_their_unit),
        FIXTURE_TEST(an_approximate_breakdown_sum_rolls_up),
        FIXTURE_TEST(an_aggregate_exact_then_approximate_then_beyond_64_bits),
        FIXTURE_TEST(percentages_do_not_roll_up),
        FIXTURE_TEST(an_opinion_counts_into_every_cell_its_attributes_fix),
        FIXTURE_TEST(an_opinion_without_a_status_counts_among_those_without),
        FIXTURE_TEST(a_held_session_counts_by_its_kind),
        FIXTURE_TEST(a_held_session_that_declares_its_count_adds_that),
        FIXTURE_TEST(a_session_not_held_counts_only_into_not_held),
        FIXTURE_TEST(session_counts_are_zero_in_a_unit_that_lists_none),
        FIXTURE_TEST(a_dimension_ranged_over_asks_for_each_of_its_cells),
        FIXTURE_TEST(a_relation_asks_for_both_its_figures),
        FIXTURE_TEST(a_figure_declared_only_where_nothing_is_below_is_not_added_up),
        FIXTURE_TEST(a_figure_declared_above_something_is_added_up_from_the_bottom),
        FIXTURE_TEST(too_many_cells_asked_for_derives_every_value),
    };
    return cmocka_run_group_tests_name("derive", tests, NULL, NULL);
}
