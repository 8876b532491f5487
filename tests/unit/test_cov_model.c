/* test_cov_model.c - the meaning of items (spec §4, §5, §8, §9; interp/model.c)
 * where the other unit tests do not go: each message of
 * spec/messages.md §4 for a wrong item, exactly, at its line and column.
 *
 * Each case is one file, modelled on its own (tests/unit/support.h
 * model_of(): the syntax is valid, the model reports what it finds); the
 * case names the diagnostic it must give. Columns count characters from
 * 1 (spec §11). */
#include "support.h"

typedef struct Case {
    const char *name;
    const char *text;
    DiagSeverity severity;
    const char *message;
    uint32_t line, col;
} Case;

#define E(name, text, message, line, col) { name, text, DIAG_ERROR, message, line, col }

static const char PERIOD_FORM[] = "period START .. END, period 2020, period 2016 .. 2021, period h1 2021, "
                                  "period q3 2024 or period 2021-02";

static const Case CASES[] = {
    /* ---- figures (§5.1, §5.2, §5.5, §14.3) ---- */
    E("figure_in_a_unit_it_is_not_for", "commune \"A\" { communes 3 }",
      "'communes' cannot stand in commune A: it is given for the report, province or district", 1, 15),
    /* opinions: level, year, authority, status, topic (lib/std), timeliness
     * (the tests' vocabulary, support.h); no part within two edits of 'men' */
    E("part_of_no_dimension", "opinions 10 { men 4 }",
      "'men' is not a part of 'opinions', which is broken down by level, year, authority, status, topic or "
      "timeliness", 1, 15),
    E("part_of_no_free_dimension", "opinions 10 { resolved 10 { men 1 } }",
      "'men' is not a part of 'opinions.resolved', which is broken down by level, year, authority, topic or "
      "timeliness", 1, 29),
    E("change_about", "houses 10 { previous 8  change about 2 }", "write the change the report prints, exactly", 1,
      32),
    E("previous_unknown", "houses 10 { previous ? }", "write the previous the report prints, exactly", 1, 22),

    /* ---- lists (§4.2) ---- */
    E("lists_without_kind", "lists \"A\"",
      "write lists KIND \"NAME\" \"NAME\" ...: the kind, then every unit's name", 1, 7),
    E("lists_without_names", "lists commune",
      "write lists KIND \"NAME\" \"NAME\" ...: the kind, then every unit's name", 1, 7),
    E("lists_not_a_kind", "lists hamlet \"A\"", "'hamlet' is not a kind of unit", 1, 7),
    E("lists_sessions", "lists dialogue \"A\"", "'dialogue' is not a kind of unit: sessions are not listed", 1, 7),
    E("lists_a_higher_kind", "commune \"A\" { lists district \"B\" }", "a district cannot be inside commune A", 1,
      21),
    E("lists_a_number", "lists commune \"A\" 5",
      "unexpected number in 'lists': write lists KIND \"NAME\" \"NAME\" ...", 1, 19),
    E("lists_twice", "lists commune \"A\" \"B\" \"A\"", "commune A is listed twice", 1, 23),
    /* §4: a construct where it does not belong is an error that names it
     * and the context; `lists` belongs in a unit block or at the top level
     * (§4.2), not in a session (dlg took it for an unknown figure and
     * suggested 'gifts'). "dialogue 2024-01-01 { " is 22 characters */
    E("lists_in_a_session", "dialogue 2024-01-01 { lists commune \"A\" }",
      "'lists' belongs in a unit's block or at the top level of a file, not inside dialogue 2024-01-01 in the "
      "report", 1, 23),
    /* "commune \"B\" { reception 2024-02-02 { " is 37 characters */
    E("lists_in_a_session_of_a_unit", "commune \"B\" { reception 2024-02-02 { lists village \"x\" } }",
      "'lists' belongs in a unit's block or at the top level of a file, not inside reception 2024-02-02 in "
      "commune B", 1, 38),

    /* ---- units and sessions (§4.2, §4.3) ---- */
    E("unit_with_a_binding", "commune \"A\" = 1", "a commune takes no '='", 1, 15),
    E("unit_with_two_names", "commune \"Quài\" \"Nưa\" { }",
      "a commune needs its name in double quotes: commune \"NAME\" { ... }", 1, 9),
    E("session_kind_without_kinds", "session_kind hearing \"Phiên\" { }\nhearing 2024-01-01 { kind periodic }",
      "a hearing has no kinds in the vocabulary", 2, 22),
    E("reception_has_no_scope", "reception 2024-01-01 { scope by_cluster }",
      "a reception has no scope in the vocabulary", 1, 24),
    E("kind_as_a_string", "dialogue { kind \"periodic\" }", "unexpected string in 'kind': write kind NAME", 1, 17),
    E("scope_as_a_number", "dialogue { scope 5 }", "unexpected number in 'scope': write scope NAME [\"VILLAGES\"]",
      1, 18),
    E("chair_as_a_number", "dialogue { chair 5 }", "unexpected number in 'chair': write chair \"NAME\"", 1, 18),
    E("session_place_as_a_number", "dialogue { place 5 }", "unexpected number in 'place': write place \"PLACE\"",
      1, 18),
    E("session_date_as_a_string", "dialogue { date \"x\" }", "unexpected string in 'date': write date DATE", 1, 17),
    E("notice_as_a_number", "dialogue { notice 5 }",
      "unexpected number in 'notice': write notice [\"NUMBER\"] [DATE]", 1, 19),
    E("conclusion_as_a_number", "dialogue { conclusion 5 }",
      "unexpected number in 'conclusion': write conclusion [\"NUMBER\"] [DATE]", 1, 23),
    E("not_held_as_a_number", "dialogue { not_held 5 }",
      "unexpected number in 'not_held': write not_held \"REASON\" (or not_held ? when no reason is given)", 1, 21),
    E("not_held_unknown_and_a_reason", "dialogue { not_held ? \"mưa\" }",
      "unexpected '?' in 'not_held': write not_held \"REASON\" (or not_held ? when no reason is given)", 1, 21),
    E("chair_with_a_block", "dialogue { chair \"Ông A\" { } }", "'chair' takes no block { ... }", 1, 26),

    /* ---- opinions and documents (§4.4, §4.5) ---- */
    E("topic_as_the_title_of_a_part", "opinion \"a\" { topic \"đất đai\" }",
      "write the topic as a name: topic land", 1, 21),
    E("topic_as_a_string", "opinion \"a\" { topic \"đất\" }",
      "write the topic as a name: land, compensation, roads, irrigation, water, electricity, health_insurance, "
      "poor_households, social_security, agriculture, culture_house, clinic, economy, culture, society, "
      "infrastructure, environment, education, security or other", 1, 21),
    E("opinion_without_text", "opinion 5",
      "unexpected number in 'opinion': write opinion \"TEXT\" { topic ... status ... }", 1, 9),
    E("opinion_attribute_with_a_block", "opinion \"a\" { topic land { } }", "'topic' takes no block { ... }", 1, 26),
    E("status_as_a_string", "opinion \"a\" { status \"x\" }",
      "unexpected string in 'status': write status STATUS [DATE] [\"NOTE\"]", 1, 22),
    E("satisfied_as_a_number", "opinion \"a\" { satisfied 1 }",
      "unexpected number in 'satisfied': write satisfied yes or satisfied no", 1, 25),
    E("satisfied_maybe", "opinion \"a\" { satisfied maybe }", "unknown answer 'maybe': use yes or no", 1, 25),
    E("received_as_a_string", "opinion \"a\" { received \"x\" }",
      "unexpected string in 'received': write received DATE", 1, 24),
    E("document_without_kind", "document \"181-KH/ĐU\"",
      "'document' needs its kind first: document plan \"181-KH/ĐU\" 05.01.2024", 1, 10),
    E("document_with_a_block", "document plan \"1\" { }", "'document' takes no block { ... }", 1, 19),
    E("document_kind_misspelt", "document plann \"1\"", "unknown kind of document 'plann'; did you mean 'plan'?", 1,
      10),

    /* ---- the report header (§4.1) ---- */
    E("period_year_too_large", "period 20210", "a period's year is a number from 1 to 9999, such as 2024", 1, 8),
    E("period_half_of_year_0", "period h1 0", "a period's year is a number from 1 to 9999, such as 2024", 1, 11),
    E("period_h3", "period h3 2021", "unknown part of a year 'h3': write h1, h2 or q1 to q4", 1, 8),
    E("period_q5", "period q5 2021", "unknown part of a year 'q5': write h1, h2 or q1 to q4", 1, 8),
    E("period_x1", "period x1 2021", "unknown part of a year 'x1': write h1, h2 or q1 to q4", 1, 8),
    E("period_h12", "period h12 2021", "unknown part of a year 'h12': write h1, h2 or q1 to q4", 1, 8),
    E("period_q3_two_years", "period q3 2021 2022", "write q3 YEAR, e.g. period q3 2021", 1, 16),
    E("period_two_years_without_range", "period 2020 2021", NULL, 1, 13),
    E("period_range_and_more", "period 2020 .. 2021 2022", NULL, 1, 21),
    E("period_last_year_too_large", "period 2016 .. 99999", "a period's year is a number from 1 to 9999, such as 2024",
      1, 16),
    E("period_date_to_a_year", "period 2020-01-01 .. 2021", "a period needs both dates, to the day or to the month",
      1, 22),
    E("period_date_to_unknown", "period 2020-01-01 .. ?", "a period needs both dates, to the day or to the month", 1,
      22),
    E("period_unknown", "period ?", "a period needs both dates, to the day or to the month", 1, 8),
    E("period_a_string", "period \"2020\"", NULL, 1, 8),
    E("reference_as_a_number", "reference 5", "unexpected number in 'reference': write reference \"NUMBER\"", 1, 11),
    E("place_as_a_number", "place 5", "unexpected number in 'place': write place \"PLACE\"", 1, 7),
    E("date_as_a_string", "date \"x\"", "unexpected string in 'date': write date DATE", 1, 6),
    E("report_with_a_binding", "report \"A\" = 1", "write the report's title in double quotes: report \"TITLE\" { ... }",
      1, 1),
    E("date_in_a_unit", "commune \"A\" { date 2020-01-01 }",
      "'date' belongs to the report header or to a session, not to commune A", 1, 15),

    /* ---- rules and indicators (§8, §9) ---- */
    /* 'hamlet' is within two edits of no kind or dimension (the tests'
     * vocabulary has a dimension 'row', near the spec's example 'town') */
    E("each_of_no_kind", "rule r \"t\" { each hamlet  require: 1 < 2 }",
      "unknown kind 'hamlet': use province, district, commune, ward, township, commune_level, village, dialogue, "
      "reception or voter_contact", 1, 19),
    E("each_a_string", "rule r \"t\" { each \"x\"  require: 1 < 2 }",
      "unexpected string in 'each': write a kind such as commune, district or dialogue", 1, 19),
    E("each_opinion", "rule r \"t\" { each opinion  require: 1 < 2 }",
      "unknown kind 'opinion': use province, district, commune, ward, township, commune_level, village, dialogue, "
      "reception or voter_contact", 1, 19),
    E("per_document", "indicator a \"t\" = 1 { per document }",
      "unknown kind 'document': use province, district, commune, ward, township, commune_level, village, dialogue, "
      "reception or voter_contact", 1, 27),
    E("second_each_after_a_dimension", "rule r \"t\" { each level  each year  require: 1 < 2 }",
      "a second each takes a dimension and pairs it with units: each commune  each year", 1, 31),
    E("second_each_after_a_session", "rule r \"t\" { each dialogue  each year  require: 1 < 2 }",
      "a second each takes a dimension and pairs it with units: each commune  each year", 1, 34),
    E("schedule_without_a_block", "rule r \"t\" { schedule reception }",
      "write schedule SESSION_KIND { every UNIT  times N  kind PART  day WEEKDAY }, e.g. schedule reception { kind "
      "periodic  every week  day thursday }", 1, 23),
    E("schedule_item_with_a_block", "rule r \"t\" { schedule reception { every week { } } }",
      "'every' takes no block { ... }", 1, 46),
    E("schedule_kind_without_kinds",
      "session_kind hearing \"Phiên\" { }\nrule r \"t\" { schedule hearing { every week  kind periodic } }",
      "a hearing has no kinds in the vocabulary", 2, 45),
    E("schedule_kind_as_a_string", "rule r \"t\" { schedule reception { every week  kind \"periodic\" } }",
      "unexpected string in 'kind': write kind NAME", 1, 52),
    E("schedule_kind_unknown", "rule r \"t\" { schedule reception { every week  kind weekly } }",
      "unknown kind of session 'weekly': use periodic, regular, ad_hoc or leader", 1, 52),
    E("every_status", "rule r \"t\" { schedule reception { every status } }",
      "write every year, every half, every quarter, every month or every week", 1, 41),
    E("every_a_number", "rule r \"t\" { schedule reception { every 5 } }",
      "write every year, every half, every quarter, every month or every week", 1, 41),
    E("times_a_string", "rule r \"t\" { schedule reception { every week  times \"x\" } }",
      "write times N: the sessions due in each, from 1 to 1000", 1, 53),
    E("times_two_numbers", "rule r \"t\" { schedule reception { every week  times 5 6 } }",
      "write times N: the sessions due in each, from 1 to 1000", 1, 53),
    E("day_and_a_string", "rule r \"t\" { schedule reception { every week  day thursday \"x\" } }",
      "write day monday, tuesday, wednesday, thursday, friday, saturday or sunday", 1, 51),
    E("day_a_number", "rule r \"t\" { schedule reception { every week  day 5 } }",
      "write day monday, tuesday, wednesday, thursday, friday, saturday or sunday", 1, 51),
    E("schedule_with_each_dimension", "rule r \"t\" { each level  schedule reception { every week } }",
      "a schedule counts its own windows of time (every ...): its rule takes each KIND only", 1, 26),
    E("rule_title_a_number", "rule r 5: 1 < 2",
      "write rule ID \"TITLE\" ...: an identifier, then the title in double quotes", 1, 6),
    E("require_with_a_block", "rule r \"t\" { require: 1 < 2 { } }", "write require: CONDITION", 1, 14),
    E("where_with_equals", "rule r \"t\" { where = 1 < 2  require: 1 < 2 }", "write where: CONDITION", 1, 14),
    E("severity_with_a_block", "rule r \"t\" { severity error { }  require: 1 < 2 }",
      "'severity' takes no block { ... }", 1, 29),
    E("severity_a_number", "rule r \"t\" { severity 5  require: 1 < 2 }",
      "unexpected number in 'severity': write severity error or severity warning", 1, 23),
    E("severity_unknown", "rule r \"t\" { severity fatal  require: 1 < 2 }",
      "unknown severity 'fatal': use error or warning", 1, 23),
    E("source_a_number", "rule r \"t\" { source 5  require: 1 < 2 }",
      "unexpected number in 'source': write source \"LEGAL SOURCE\"", 1, 21),
    E("code_a_number", "rule r \"t\" { code 5  require: 1 < 2 }",
      "unexpected number in 'code': write code \"REFERENCE\", e.g. code \"LTCD-15.2.d\"", 1, 19),
    E("unverified_a_number", "rule r \"t\" { unverified 5  require: 1 < 2 }",
      "unexpected number in 'unverified': write unverified \"WHY THE SOURCE COULD NOT BE CHECKED\"", 1, 25),
    E("indicator_with_a_colon", "indicator a \"t\": 1",
      "an indicator is defined with '=': indicator ID \"TITLE\" = EXPRESSION", 1, 18),
    E("indicator_without_a_binding", "indicator a \"t\" { note \"x\" }",
      "an indicator is defined with '=': indicator ID \"TITLE\" = EXPRESSION", 1, 1),
    E("indicator_note_with_a_block", "indicator a \"t\" = 1 { note \"x\" { } }", "'note' takes no block { ... }", 1,
      32),
    E("indicator_note_a_number", "indicator a \"t\" = 1 { note 5 }",
      "unexpected number in 'note': write note \"TEXT\"", 1, 28),
    E("indicator_reported_two_values", "indicator a \"t\" = 1 { reported 99% 98% }",
      "write the percentage the report printed, e.g. reported 99.72%", 1, 32),

    /* ---- anything else in the wrong place (§4) ---- */
    E("use_with_a_block", "use \"r.dlg\" { }", "'use' takes no block { ... }", 1, 13),
    E("use_a_number", "use 5", "unexpected number in 'use': write use \"RULEBOOK.dlg\"", 1, 5),
    E("declaration_in_a_unit", "commune \"A\" { figure x2 \"X\" { } }",
      "'figure' declares vocabulary: it belongs at the top level of a file, not inside commune A", 1, 15),
    E("declaration_in_a_session", "dialogue 2024-01-05 { dimension d2 \"D\" { a \"A\" } }",
      "'dimension' declares vocabulary: it belongs at the top level of a file, not inside dialogue 2024-01-05 in "
      "the report", 1, 23),
    E("within_in_a_unit", "commune \"A\" { within district \"D\" }",
      "'within' belongs at the top level of a file, where it says which unit the file's figures are of", 1, 15),
    E("notice_outside_a_session", "notice \"1\"",
      "'notice' describes a session; put it inside a dialogue, reception or voter_contact block", 1, 1),
    E("not_held_in_a_unit", "commune \"A\" { not_held \"x\" }",
      "'not_held' describes a session; put it inside a dialogue, reception or voter_contact block", 1, 15),

    /* ---- more wrong forms ---- */
    E("figure_about_a_string", "invited about \"x\"", "'invited' is a figure and needs a number, not the name 'about'",
      1, 9),
    E("money_figure_approximate_count", "fund ~5",
      "'fund' is a money figure: write an amount in đồng, such as 48_686_352đ, not an approximate number", 1, 6),
    E("report_without_title", "report { issuer \"x\" }",
      "write the report's title in double quotes: report \"TITLE\" { ... }", 1, 1),
    E("rule_without_id", "rule: 1 < 2", "write rule ID \"TITLE\" ...: an identifier, then the title in double quotes",
      1, 1),
    E("rule_two_titles", "rule r \"t\" \"u\": 1 < 2",
      "write rule ID \"TITLE\" ...: an identifier, then the title in double quotes", 1, 6),
    E("require_with_an_argument", "rule r \"t\" { require \"x\": 1 < 2 }", "write require: CONDITION", 1, 14),
    E("schedule_with_a_binding", "rule r \"t\" { schedule reception = 1 }",
      "write schedule SESSION_KIND { every UNIT  times N  kind PART  day WEEKDAY }, e.g. schedule reception { kind "
      "periodic  every week  day thursday }", 1, 23),
    E("schedule_of_no_kind", "rule r \"t\" { schedule zzz { every week } }",
      "a schedule is of a session kind, such as dialogue or reception, not 'zzz'", 1, 23),
    E("every_a_string", "rule r \"t\" { schedule reception { every \"week\" } }",
      "write every year, every half, every quarter, every month or every week", 1, 41),
    E("day_a_string", "rule r \"t\" { schedule reception { every week  day \"x\" } }",
      "write day monday, tuesday, wednesday, thursday, friday, saturday or sunday", 1, 51),
    E("reported_a_string", "indicator a \"t\" = 1 { reported \"x\" }",
      "write the percentage the report printed, e.g. reported 99.72%", 1, 32),
    E("within_in_a_session", "dialogue 2024-01-01 { within district \"D\" }",
      "'within' belongs at the top level of a file, where it says which unit the file's figures are of", 1, 23),
    E("scope_in_a_unit", "commune \"A\" { scope commune_wide }",
      "'scope' describes a session; put it inside a dialogue, reception or voter_contact block", 1, 15),
    E("chair_in_a_unit", "commune \"A\" { chair \"Ông A\" }",
      "'chair' describes a session; put it inside a dialogue, reception or voter_contact block", 1, 15),
    E("conclusion_in_a_unit", "commune \"A\" { conclusion \"1/TB\" }",
      "'conclusion' describes a session; put it inside a dialogue, reception or voter_contact block", 1, 15),
    E("period_q0", "period q0 2021", "unknown part of a year 'q0': write h1, h2 or q1 to q4", 1, 8),
};

enum { NCASES = sizeof CASES / sizeof *CASES };

static const Case *current;

static int case_setup(void **state)
{
    current = *state;
    return fixture_setup(state);
}

/* `unexpected {WHAT} in 'period': write {USAGE}` for the cases that leave
 * the message NULL: the usage of period is long. */
static const char *expected_message(Fixture *f, const Case *c)
{
    if (c->message)
        return c->message;
    const char *what = strstr(c->text, "\"") ? "string" : "number";
    return arena_printf(&f->arena, "unexpected %s in 'period': write %s", what, PERIOD_FORM);
}

static void run_case(void **state)
{
    Fixture *f = *state;
    const Case *c = current;
    model_of(f, c->text);
    const char *message = expected_message(f, c);
    const Diagnostic *g = NULL;
    for (const Diagnostic *d = f->diag.first; d && !g; d = d->next)
        if (d->severity == c->severity && strcmp(d->message, message) == 0)
            g = d;
    if (!g) {
        list_diags(f);
        fail_msg("%s: no diagnostic \"%s\"", c->name, message);
    }
    uint32_t line, col;
    diag_line_col(g, &line, &col);
    if (line != c->line || col != c->col) {
        list_diags(f);
        fail_msg("%s: \"%s\" at %u:%u, expected %u:%u", c->name, message, line, col, c->line, c->col);
    }
    fixture_release(f);
}

/* ---- files that say where they stand (§4.2) ----------------------------------- */

TEST(within_with_a_block)
{
    model_roots(f, (const char *const[]){ "within district \"D\" { }\ninvited 5\n" }, 1);
    assert_diag_at(f, DIAG_ERROR, "'within' takes no block { ... }", 1, 21);
}

TEST(within_without_a_name)
{
    model_roots(f, (const char *const[]){ "within district\ninvited 5\n" }, 1);
    assert_diag_at(f, DIAG_ERROR,
                   "'within' is incomplete: write within KIND \"NAME\", e.g. within district \"Tuần Giáo\"", 1, 1);
}

TEST(within_a_session)
{
    model_roots(f, (const char *const[]){ "within dialogue \"A\"\ninvited 5\n" }, 1);
    assert_diag_at(f, DIAG_ERROR, "'within' needs a kind of unit, not 'dialogue'", 1, 8);
}

TEST(within_a_unit_a_list_makes)
{
    /* the district's file lists commune C; C's file waits for it, whatever
     * the order: C's figures end up in district D's commune C */
    const Model *m = model_roots(f, (const char *const[]){ "within commune \"C\"\ninvited 5\n",
                                                           "within province \"P\"\n"
                                                           "district \"D\" { lists commune \"C\" \"E\" }\n" },
                                 2);
    assert_no_errors(f);
    const Node *p = child(m->root, "province", "P");
    const Node *c = child(child(p, "district", "D"), "commune", "C");
    assert_non_null(figure_at(f, c, "invited"));
    assert_int_equal(child_count(m->root), 1);
}

TEST(within_the_report)
{
    model_roots(f, (const char *const[]){ "within report \"X\"\ninvited 5\n" }, 1);
    assert_diag_at(f, DIAG_ERROR, "'within' needs a kind of unit, not 'report'", 1, 8);
}

TEST(two_lists_and_a_unit_declared_before_its_list)
{
    /* a unit lists its children in two items, one of them declared
     * before the list: no error, and both are listed (§4.2) */
    const Model *m = build_model(f, "district \"D\" {\n  commune \"A\" { invited 1 }\n  lists commune \"A\"\n"
                                    "  lists ward \"B\"\n}\n");
    const Node *d = child(m->root, "district", "D");
    assert_true(child(d, "commune", "A")->listed);
    assert_true(child(d, "ward", "B")->listed);
    assert_int_equal(child_count(d), 2);
}

int main(void)
{
    struct CMUnitTest tests[NCASES + 6];
    for (unsigned i = 0; i < NCASES; i++)
        tests[i] = (struct CMUnitTest){ CASES[i].name, run_case, case_setup, fixture_teardown, (void *)&CASES[i] };
    tests[NCASES] = (struct CMUnitTest)FIXTURE_TEST(within_with_a_block);
    tests[NCASES + 1] = (struct CMUnitTest)FIXTURE_TEST(within_without_a_name);
    tests[NCASES + 2] = (struct CMUnitTest)FIXTURE_TEST(within_a_session);
    tests[NCASES + 3] = (struct CMUnitTest)FIXTURE_TEST(within_a_unit_a_list_makes);
    tests[NCASES + 4] = (struct CMUnitTest)FIXTURE_TEST(within_the_report);
    tests[NCASES + 5] = (struct CMUnitTest)FIXTURE_TEST(two_lists_and_a_unit_declared_before_its_list);
    return _cmocka_run_group_tests("model", tests, NCASES + 6, NULL, NULL);
}
