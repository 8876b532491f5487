/* test_compare.c - --previous (spec §12.1): compare_results() sets each
 * indicator row of a report beside the previous period's. The results are
 * built by hand, so each expectation is the arithmetic in its comment. */
#include "support.h"

static IndicatorDef *def(Fixture *f, const char *id)
{
    IndicatorDef *d = ARENA_NEW(&f->arena, IndicatorDef);
    assert_non_null(d);
    d->id = sym(f, id);
    return d;
}

static void add(Fixture *f, Result *r, const IndicatorDef *d, ValueUnit unit, bool known, double v)
{
    IndicatorResult *ir = ARENA_NEW(&f->arena, IndicatorResult);
    assert_non_null(ir);
    ir->def = d;
    ir->unit = unit;
    ir->value = known ? number_real(v, unit == UNIT_PERCENT ? 4 : 0, false) : (Number){ .known = false };
    result_add_indicator(r, ir);
}

static Header period(int y)
{
    Header h = { 0 };
    h.has_period = true;
    h.period_first = date_to_days((Date){ (int16_t)y, 1, 1, DATE_DAY });
    h.period_last = date_to_days((Date){ (int16_t)y, 12, 31, DATE_DAY });
    return h;
}

TEST(matched_rows_with_their_change)
{
    Result prev = { 0 }, cur = { 0 };
    IndicatorDef *rate = def(f, "rate"), *count = def(f, "count"), *zero = def(f, "zero");
    add(f, &prev, rate, UNIT_PERCENT, true, 90);
    add(f, &prev, count, UNIT_COUNT, true, 1012);
    add(f, &prev, zero, UNIT_COUNT, true, 0);
    add(f, &cur, rate, UNIT_PERCENT, true, 96.6667);
    add(f, &cur, count, UNIT_COUNT, true, 866);
    add(f, &cur, zero, UNIT_COUNT, true, 4);
    Header hp = period(2020), hc = period(2021);
    Comparison *c = compare_results(&f->arena, &hp, &prev, &hc, &cur);
    assert_non_null(c);
    assert_true(c->consecutive);            /* 2020-12-31, then 2021-01-01 */
    const Compared *r = c->rows;
    /* a percentage: 96.6667 - 90 = 6.6667 points, no relative change */
    assert_string_equal(r->def->id->text, "rate");
    assert_double_near(r->difference.value, 6.6667, 1e-9);
    assert_false(r->relative.known);
    assert_null(r->note);
    /* a count: 866 - 1,012 = -146; -146 / 1,012 = -14.4269 % */
    r = r->next;
    assert_double_near(r->difference.value, -146, 1e-9);
    assert_true(r->relative.known);
    assert_double_near(r->relative.value, -14.4269, 1e-4);
    /* from 0: a difference of 4, no relative change */
    r = r->next;
    assert_double_near(r->difference.value, 4, 1e-9);
    assert_false(r->relative.known);
    assert_null(r->next);
}

TEST(rows_only_one_report_has)
{
    Result prev = { 0 }, cur = { 0 };
    IndicatorDef *old = def(f, "old"), *fresh = def(f, "fresh"), *gap = def(f, "gap");
    add(f, &prev, old, UNIT_COUNT, true, 30);
    add(f, &prev, gap, UNIT_COUNT, false, 0);
    add(f, &cur, fresh, UNIT_COUNT, true, 2);
    add(f, &cur, gap, UNIT_COUNT, true, 5);
    Header hp = period(2019), hc = period(2021);
    Comparison *c = compare_results(&f->arena, &hp, &prev, &hc, &cur);
    assert_non_null(c);
    assert_false(c->consecutive);           /* 2019 then 2021: a year between */
    /* this report's order first, then what only the previous one has */
    const Compared *r = c->rows;
    assert_string_equal(r->def->id->text, "fresh");
    assert_string_equal(r->note, "not in the previous report");
    assert_false(r->previous.known);
    assert_false(r->difference.known);
    r = r->next;
    assert_string_equal(r->def->id->text, "gap");
    assert_string_equal(r->note, "the previous report has no value");
    assert_false(r->difference.known);
    r = r->next;
    assert_string_equal(r->def->id->text, "old");
    assert_string_equal(r->note, "not in this report");
    assert_double_near(r->previous.value, 30, 1e-9);
    assert_false(r->current.known);
    assert_null(r->next);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(matched_rows_with_their_change),
        FIXTURE_TEST(rows_only_one_report_has),
    };
    return cmocka_run_group_tests_name("compare", tests, NULL, NULL);
}
