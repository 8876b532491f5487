/* test_check.c - derived values and the checks of spec §6: a model is built
 * from source text (model_new, model_add_file), derive_run() and check_run()
 * fills a Result, and each test finds the one check it is about by kind and
 * subject and asserts its numbers, relation and status.
 *
 * Every expected number is worked out by hand in a comment next to it. */
#include "support.h"

static void assert_coverage(const Check *c, uint32_t covered, uint32_t expected)
{
    assert_true(check_coverage(c).has);
    assert_int_equal(check_coverage(c).covered, covered);
    assert_int_equal(check_coverage(c).expected, expected);
}


/* ---- sum (§6.1) ------------------------------------------------------------------ */

TEST(sum_that_adds_up)
{
    const Result *r = run_checks(f, "opinions 358 { resolved 357  pending 1 }\n");
    const Check *c = find_check(f, CHECK_SUM, "opinions = resolved + pending");
    /* 357 + 1 = 358 */
    assert_check(c, 358, 358, REL_EQ, RESULT_PASS);
    assert_string_equal(subject_text(f, c), "the report: opinions = resolved + pending");
    assert_int_equal(r->checks_failed, 0);
    /* the check points at the declaration: line 1, column 1 */
    uint32_t line, col;
    source_position(check_src(c), check_span(c).start, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 1);
}

TEST(sum_that_does_not_add_up)
{
    const Result *r = run_checks(f, "commune \"K\xe1\xbb\xb3 Ch\xc3\xa2u\" {\n"
                                    "  receptions 52 { periodic 2  regular 7 }\n}\n");
    const Check *c = find_check(f, CHECK_SUM, "receptions = periodic + regular");
    /* computed 2 + 7 = 9; imbalance 52 - 9 = 43 */
    assert_check(c, 52, 9, REL_EQ, RESULT_FAIL);
    assert_double_near(check_imbalance(c).value, 43, 1e-9);
    assert_string_equal(subject_text(f, c), "commune K\xe1\xbb\xb3 Ch\xc3\xa2u: receptions = periodic + regular");
    assert_int_equal(r->checks_failed, 1);
    assert_int_equal(result_exit_status(r, false, 0), 1);
}

TEST(partial_breakdown_is_a_lower_bound)
{
    run_checks(f, "opinions 10 { resolved 4  pending 3  ... }\n"
                  "petitions 5 { complaint 4  proposal 3  ... }\n");
    /* 4 + 3 = 7 <= 10: holds */
    const Check *c = find_check(f, CHECK_SUM, "opinions = resolved + pending + ...");
    assert_check(c, 10, 7, REL_GE, RESULT_PASS);
    /* 4 + 3 = 7 > 5: the parts exceed the whole; imbalance 5 - 7 = -2 */
    c = find_check(f, CHECK_SUM, "petitions = complaint + proposal");
    assert_check(c, 5, 7, REL_GE, RESULT_FAIL);
}

TEST(one_unknown_part)
{
    const Result *r = run_checks(f, "opinions 358 { resolved 357  pending ? }\n");
    const Check *c = find_check(f, CHECK_SUM, "opinions = resolved + pending");
    assert_int_equal(c->status, RESULT_UNKNOWN);
    assert_true(check_declared(c).known);
    assert_double_near(check_declared(c).value, 358, 1e-9);
    assert_false(check_computed(c).known);
    assert_false(check_imbalance(c).known);
    /* the missing part would be 358 - 357 = 1 */
    assert_non_null(note_text(f, check_note(c)));
    assert_non_null(strstr(note_text(f, check_note(c)), "'pending'"));
    assert_non_null(strstr(note_text(f, check_note(c)), " 1"));
    assert_int_equal(r->checks_failed, 0);
    assert_int_equal(r->checks_unknown, 1);
    assert_int_equal(result_exit_status(r, false, 0), 0);
}

TEST(two_unknown_parts)
{
    run_checks(f, "opinions 358 { resolved ?  pending ?  answered 3 }\n");
    const Check *c = find_check(f, CHECK_SUM, "opinions = resolved + pending + answered");
    assert_int_equal(c->status, RESULT_UNKNOWN);
    assert_non_null(note_text(f, check_note(c)));
    assert_non_null(strstr(note_text(f, check_note(c)), "2 parts"));
}

TEST(unknown_whole_takes_the_sum_of_its_parts)
{
    /* "x ? { a 1  b 2 }": no sum check (nothing declared to check), but the
     * value of x is 1 + 2 = 3 */
    run_checks(f, "x ? { a 1  b 2 }\n");
    assert_int_equal(count_checks(f, CHECK_SUM, "x ="), 0);
    Value v = value_at(f, f->model->root, "x");
    assert_true(v.known);
    assert_int_equal(v.value, 3);
}

TEST(nested_breakdowns_are_checked_at_every_level)
{
    run_checks(f, "opinions 10 {\n  resolved 6 { on_time 4  late 1 }\n  pending 4\n}\n");
    /* 6 + 4 = 10: pass; 4 + 1 = 5 != 6: fail, imbalance 1 */
    assert_check(find_check(f, CHECK_SUM, "opinions = resolved + pending"), 10, 10, REL_EQ, RESULT_PASS);
    assert_check(find_check(f, CHECK_SUM, "opinions.resolved = on_time + late"), 6, 5, REL_EQ, RESULT_FAIL);
}

/* ---- table (§6.2) ------------------------------------------------------------------ */

/* The checks of this kind that failed. */
static unsigned failed_of(const Result *r, CheckKind kind)
{
    unsigned n = 0;
    CheckIter it;
    for (const Check *c = result_first_check(r, &it); c; c = check_next(&it))
        n += c->kind == kind && c->status == RESULT_FAIL;
    return n;
}

/* The Tuần Giáo 2021 petitions, district level, with one cell as given. */
static const char *petitions(Fixture *f, int ineligible_denunciation)
{
    return arena_printf(&f->arena,
                        "district \"Tu\xe1\xba\xa7n Gi\xc3\xa1o\" {\n"
                        "  petitions 42 {\n"
                        "    complaint 3  denunciation 7  proposal 32\n"
                        "  } {\n"
                        "    eligible 34 { complaint 2  denunciation 2  proposal 30 }\n"
                        "    ineligible 8 { complaint 1  denunciation %d  proposal 2 }\n"
                        "  }\n"
                        "}\n", ineligible_denunciation);
}

TEST(table_that_adds_up)
{
    const Result *r = run_checks(f, petitions(f, 5));
    /* rows: 3 + 7 + 32 = 42, 34 + 8 = 42, 2 + 2 + 30 = 34, 1 + 5 + 2 = 8 */
    assert_check(find_check(f, CHECK_SUM, "petitions = complaint + denunciation + proposal"), 42, 42, REL_EQ,
                 RESULT_PASS);
    assert_check(find_check(f, CHECK_SUM, "petitions = eligible + ineligible"), 42, 42, REL_EQ, RESULT_PASS);
    assert_check(find_check(f, CHECK_SUM, "petitions.eligible = "), 34, 34, REL_EQ, RESULT_PASS);
    assert_check(find_check(f, CHECK_SUM, "petitions.ineligible = "), 8, 8, REL_EQ, RESULT_PASS);
    /* columns: 2 + 1 = 3, 2 + 5 = 7, 30 + 2 = 32 */
    assert_int_equal(count_checks(f, CHECK_TABLE, ""), 3);
    const Check *c = find_check(f, CHECK_TABLE, "petitions.complaint = ");
    assert_check(c, 3, 3, REL_EQ, RESULT_PASS);
    assert_non_null(strstr(subject_text(f, c), "eligible.complaint + ineligible.complaint"));
    assert_check(find_check(f, CHECK_TABLE, "petitions.denunciation = "), 7, 7, REL_EQ, RESULT_PASS);
    assert_check(find_check(f, CHECK_TABLE, "petitions.proposal = "), 32, 32, REL_EQ, RESULT_PASS);
    assert_int_equal(r->checks_failed, 0);
}

TEST(table_with_one_wrong_cell)
{
    /* ineligible.denunciation 6 instead of 5 */
    const Result *r = run_checks(f, petitions(f, 6));
    /* the denunciation column: 2 + 6 = 8 != 7, imbalance 7 - 8 = -1 */
    assert_check(find_check(f, CHECK_TABLE, "petitions.denunciation = "), 7, 8, REL_EQ, RESULT_FAIL);
    /* the other two columns still hold: 2 + 1 = 3, 30 + 2 = 32 */
    assert_check(find_check(f, CHECK_TABLE, "petitions.complaint = "), 3, 3, REL_EQ, RESULT_PASS);
    assert_check(find_check(f, CHECK_TABLE, "petitions.proposal = "), 32, 32, REL_EQ, RESULT_PASS);
    assert_int_equal(failed_of(r, CHECK_TABLE), 1);
    /* and its row: 1 + 6 + 2 = 9 != 8 */
    assert_check(find_check(f, CHECK_SUM, "petitions.ineligible = "), 8, 9, REL_EQ, RESULT_FAIL);
}

TEST(table_with_a_missing_cell_is_a_lower_bound)
{
    const Result *r = run_checks(f, "p 10 { a 4  b 6 } {\n  x 5 { a 2  b 3 }\n  y 5 { b 3  c 2 }\n}\n");
    /* column a: only row x gives a cell, so 2 is part of the column: a
     * lower bound, 4 >= 2, covering 1 row of 2: partial, not a pass */
    const Check *c = find_check(f, CHECK_TABLE, "p.a = ");
    assert_check(c, 4, 2, REL_GE, RESULT_PARTIAL);
    assert_coverage(c, 1, 2);
    /* column b: 3 + 3 = 6 */
    assert_check(find_check(f, CHECK_TABLE, "p.b = "), 6, 6, REL_EQ, RESULT_PASS);
    assert_int_equal(r->checks_partial, 1);
}

TEST(table_column_below_its_rows_fails_even_when_partial)
{
    /* row x gives a = 5 but the column says 4: 4 >= 5 fails */
    run_checks(f, "p 10 { a 4  b 6 } {\n  x 5 { a 5 }\n  y 5 { b 5 }\n}\n");
    assert_check(find_check(f, CHECK_TABLE, "p.a = "), 4, 5, REL_GE, RESULT_FAIL);
}

/* A table of 20 columns, more than check.c looks through one by one
 * (TABLE_SCANNED, 16): its cells find their columns by an index. Rows r0
 * and r1 give 1 in each column, but r1 gives 2 in c17. */
TEST(table_of_many_columns)
{
    char *text = arena_printf(&f->arena, "dimension cols \"C\" {\n");
    for (int k = 0; k < 20; k++)
        text = arena_printf(&f->arena, "%s  c%d \"C%d\"\n", text, k, k);
    text = arena_printf(&f->arena, "%s}\ndimension rows \"R\" { r0 \"R0\"  r1 \"R1\" }\n"
                                   "figure t \"T\" { by rows  by cols }\n"
                                   "t 41 {", text);
    for (int k = 0; k < 20; k++)        /* every column declared 2 */
        text = arena_printf(&f->arena, "%s c%d 2", text, k);
    text = arena_printf(&f->arena, "%s } {\n  r0 20 {", text);
    for (int k = 0; k < 20; k++)
        text = arena_printf(&f->arena, "%s c%d 1", text, k);
    text = arena_printf(&f->arena, "%s }\n  r1 21 {", text);
    for (int k = 0; k < 20; k++)
        text = arena_printf(&f->arena, "%s c%d %d", text, k, k == 17 ? 2 : 1);
    text = arena_printf(&f->arena, "%s }\n}\n", text);
    assert_non_null(text);
    const Result *r = run_checks(f, text);
    assert_int_equal(count_checks(f, CHECK_TABLE, ""), 20);
    /* 1 + 1 = 2 in every column but c17, where 1 + 2 = 3 != 2 */
    assert_check(find_check(f, CHECK_TABLE, "t.c0 = "), 2, 2, REL_EQ, RESULT_PASS);
    assert_check(find_check(f, CHECK_TABLE, "t.c16 = "), 2, 2, REL_EQ, RESULT_PASS);
    assert_check(find_check(f, CHECK_TABLE, "t.c17 = "), 2, 3, REL_EQ, RESULT_FAIL);
    assert_check(find_check(f, CHECK_TABLE, "t.c19 = "), 2, 2, REL_EQ, RESULT_PASS);
    /* the table fails in c17 alone; the whole, 20 x 2 = 40 != 41, and r1's
     * row, 19 + 2 = 21, are sums of their own */
    assert_int_equal(failed_of(r, CHECK_TABLE), 1);
    assert_check(find_check(f, CHECK_SUM, "t.r1 = "), 21, 21, REL_EQ, RESULT_PASS);
}

TEST(rollup_with_every_commune_present)
{
    run_checks(f, "district \"D\" {\n  communes 2\n  invited 30\n"
                  "  commune \"A\" { invited 10 }\n  commune \"B\" { invited 20 }\n}\n");
    /* 10 + 20 = 30, 2 of 2 communes: an equality */
    const Check *c = find_check(f, CHECK_ROLLUP, "district D: invited$");
    assert_check(c, 30, 30, REL_EQ, RESULT_PASS);
    assert_coverage(c, 2, 2);
    /* the declared number of communes against the blocks present: 2 = 2 */
    c = find_check(f, CHECK_ROLLUP, "district D: communes$");
    assert_check(c, 2, 2, REL_EQ, RESULT_PASS);
}

TEST(rollup_with_one_commune_missing_is_a_lower_bound)
{
    const Result *r = run_checks(f, "district \"D\" {\n  communes 2\n  invited 30\n"
                                    "  commune \"A\" { invited 10 }\n}\n");
    /* 1 of 2 communes present: 30 >= 10 holds, coverage 1/2: partial,
     * which is not a pass (spec §6.3) */
    const Check *c = find_check(f, CHECK_ROLLUP, "district D: invited$");
    assert_check(c, 30, 10, REL_GE, RESULT_PARTIAL);
    assert_coverage(c, 1, 2);
    c = find_check(f, CHECK_ROLLUP, "district D: communes$");
    assert_check(c, 2, 1, REL_GE, RESULT_PARTIAL);
    assert_int_equal(r->checks_partial, 2);
    /* fine without --strict; wrong with it */
    assert_int_equal(result_exit_status(r, false, 0), 0);
    assert_int_equal(result_exit_status(r, true, 0), 1);
}

TEST(rollup_fails_when_the_district_is_smaller)
{
    run_checks(f, "district \"D\" {\n  communes 2\n  invited 25\n"
                  "  commune \"A\" { invited 10 }\n  commune \"B\" { invited 20 }\n}\n"
                  "district \"E\" {\n  communes 3\n  invited 25\n"
                  "  commune \"A\" { invited 10 }\n  commune \"B\" { invited 20 }\n}\n");
    /* D: 10 + 20 = 30 and both communes present: 25 = 30 fails, imbalance -5 */
    const Check *c = find_check(f, CHECK_ROLLUP, "district D: invited$");
    assert_check(c, 25, 30, REL_EQ, RESULT_FAIL);
    /* E: 2 of 3 present, so only 25 >= 30 is asked: it fails too */
    c = find_check(f, CHECK_ROLLUP, "district E: invited$");
    assert_check(c, 25, 30, REL_GE, RESULT_FAIL);
    assert_coverage(c, 2, 3);
}

TEST(children_expected_are_those_of_the_first_level_with_units)
{
    /* the province's child units are a commune (level 3) and a district
     * (level 2), the commune first: the units expected are those of the
     * first level that has any, the districts, 3 as `districts 3` says;
     * taken at the communes' level they would be the units present */
    run_checks(f, "province \"P\" {\n  districts 3\n  invited 60\n"
                  "  commune \"C\" { invited 5 }\n"
                  "  district \"D\" {\n    communes 1\n    invited 40\n    commune \"A\" { invited 40 }\n  }\n}\n");
    const Check *c = find_check(f, CHECK_ROLLUP, "province P: invited$");
    /* C and D each gave a value; 3 districts expected */
    assert_coverage(c, 2, 3);
    /* D: its one commune of the one declared */
    assert_check(find_check(f, CHECK_ROLLUP, "district D: invited$"), 40, 40, REL_EQ, RESULT_PASS);
}

TEST(more_communes_present_than_declared)
{
    run_checks(f, "district \"D\" {\n  communes 1\n"
                  "  commune \"A\" { }\n  commune \"B\" { }\n}\n");
    /* 2 commune blocks under "communes 1": 1 = 2 fails */
    assert_check(find_check(f, CHECK_ROLLUP, "district D: communes$"), 1, 2, REL_EQ, RESULT_FAIL);
}

TEST(rollup_over_sessions)
{
    run_checks(f, "commune \"A\" {\n  invited 30\n"
                  "  dialogue 2024-01-05 { invited 10 }\n"
                  "  dialogue 2024-06-05 { invited 20 }\n}\n");
    /* 10 + 20 = 30 from the two sessions */
    const Check *c = find_check(f, CHECK_ROLLUP, "commune A: invited$");
    assert_check(c, 30, 30, REL_EQ, RESULT_PASS);
    Value v = value_at(f, child(f->model->root, "commune", "A"), "dialogues");
    assert_true(v.known);
    assert_false(v.declared);
    assert_int_equal(v.value, 2);
}

TEST(rollup_of_three_levels)
{
    run_checks(f, "province \"P\" {\n  invited 60\n"
                  "  district \"D\" {\n    invited 60\n"
                  "    commune \"A\" { invited 25 }\n    commune \"B\" { invited 35 }\n  }\n}\n");
    /* commune level: 25 + 35 = 60; the province gets the district's declared 60 */
    assert_check(find_check(f, CHECK_ROLLUP, "district D: invited$"), 60, 60, REL_EQ, RESULT_PASS);
    assert_check(find_check(f, CHECK_ROLLUP, "province P: invited$"), 60, 60, REL_EQ, RESULT_PASS);
    /* and the report, which declares nothing, computes 60 */
    Value v = value_at(f, f->model->root, "invited");
    assert_true(v.known);
    assert_int_equal(v.value, 60);
}

TEST(communes_with_the_same_name_merge)
{
    /* two files: merging is how commune files join their district */
    const char *const files[] = { "district \"D\" {\n  communes 2\n"
                                  "  commune \"A\" { invited 10 }\n"
                                  "  commune \"B\" { invited 5 }\n}\n",
                                  "district \"D\" { commune \"A\" { attended 8 } }\n" };
    build_model_files(f, files, 2, false);
    derive(f);
    assert_true(check_run(f->model, f->derived, &f->arena, &f->result));
    const Node *d = child(f->model->root, "district", "D");
    assert_int_equal(node_nunits(d), 2);
    const Node *a = child(d, "commune", "A");
    assert_ptr_equal(a->next_sibling, child(d, "commune", "B"));
    assert_non_null(model_figure(a, symtab_find(&f->syms, "invited", 7)));
    assert_non_null(model_figure(a, symtab_find(&f->syms, "attended", 8)));
    /* two units, not three: communes 2 = 2 */
    assert_check(find_check(f, CHECK_ROLLUP, "district D: communes$"), 2, 2, REL_EQ, RESULT_PASS);
    /* both halves of A meet in one bound check: 8 <= 10 */
    assert_check(find_check(f, CHECK_BOUND, "commune A: attended <= invited"), 8, 10, REL_LE, RESULT_PASS);
    /* the district computes 10 + 5 = 15 invited */
    Value v = value_at(f, d, "invited");
    assert_true(v.known);
    assert_int_equal(v.value, 15);
}

TEST(a_figure_declared_twice_in_a_merged_unit)
{
    const char *const files[] = { "commune \"A\" { invited 10 }\n", "commune \"A\" { invited 11 }\n" };
    build_model_files(f, files, 2, true);
    assert_int_equal(f->diag.errors, 1);
    const Diagnostic *g = find_diag(&f->diag, DIAG_ERROR, "declared twice");
    assert_non_null(g);
    assert_string_equal(g->src->name, "test2.dlg");
    /* the note points at the first declaration: test1.dlg, line 1, column 15 */
    assert_non_null(g->next);
    assert_int_equal(g->next->severity, DIAG_NOTE);
    assert_string_equal(g->next->src->name, "test1.dlg");
    uint32_t line, col;
    diag_line_col(g->next, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 15);
}

TEST(a_unit_declared_twice_in_one_file)
{
    /* one file gives a unit once: the second block is an error naming both */
    parse_text(f, "commune \"A\" { invited 10 }\ncommune \"A\" { attended 8 }\n");
    load_vocab(f);
    f->model = model_new(&f->arena, &f->syms, f->vocab, &f->diag);
    model_add_file(f->model, NULL, &(LoadedFile){ f->src, f->items, NULL });
    const Diagnostic *g = find_diag(&f->diag, DIAG_ERROR,
                                    "commune A is declared twice in this file: give all its figures in one block");
    assert_non_null(g);
    uint32_t line, col;
    diag_line_col(g, &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 9);
    diag_line_col(g->next, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 9);
}

/* ---- items (§6.4) ------------------------------------------------------------------------ */

static const char *three_opinions(Fixture *f, const char *third_status)
{
    return arena_printf(&f->arena, "commune \"A\" {\n  opinions 3 { resolved 2  pending 1 }\n"
                                   "  opinion \"o1\" { status resolved }\n"
                                   "  opinion \"o2\" { status resolved }\n"
                                   "  opinion \"o3\" { status %s }\n}\n", third_status);
}

TEST(itemised_opinions_agree)
{
    const Result *r = run_checks(f, three_opinions(f, "pending"));
    /* 3 listed = 3 declared; 2 resolved; 1 pending */
    assert_check(find_check(f, CHECK_ITEMS, "commune A: opinions$"), 3, 3, REL_EQ, RESULT_PASS);
    assert_check(find_check(f, CHECK_ITEMS, "commune A: opinions.resolved"), 2, 2, REL_EQ, RESULT_PASS);
    assert_check(find_check(f, CHECK_ITEMS, "commune A: opinions.pending"), 1, 1, REL_EQ, RESULT_PASS);
    assert_check(find_check(f, CHECK_SUM, "commune A: opinions = resolved + pending"), 3, 3, REL_EQ, RESULT_PASS);
    assert_int_equal(r->checks_failed, 0);
}

TEST(itemised_opinion_with_a_wrong_status)
{
    /* o3 resolved too: 3 resolved listed against 2 declared */
    const Result *r = run_checks(f, three_opinions(f, "resolved"));
    assert_check(find_check(f, CHECK_ITEMS, "commune A: opinions.resolved"), 2, 3, REL_EQ, RESULT_FAIL);
    /* the total is still right: 3 = 3 */
    assert_check(find_check(f, CHECK_ITEMS, "commune A: opinions$"), 3, 3, REL_EQ, RESULT_PASS);
    assert_true(r->checks_failed >= 1);
}

TEST(declared_status_with_no_itemised_opinion)
{
    /* o3 answered: 0 pending listed against 1 declared. The list is
     * complete (spec §6.4), so opinions.pending 1 = 0 must fail. */
    run_checks(f, three_opinions(f, "answered"));
    assert_check(find_check(f, CHECK_ITEMS, "commune A: opinions.resolved"), 2, 2, REL_EQ, RESULT_PASS);
    /* no listed opinion is pending: the part counts 0 (listed_zero) */
    assert_check(find_check(f, CHECK_ITEMS, "commune A: opinions.pending"), 1, 0, REL_EQ, RESULT_FAIL);
}

TEST(itemised_documents_and_sessions)
{
    run_checks(f, "commune \"A\" {\n  documents 2 { plan 1  notice 1 }\n  dialogues 3\n"
                  "  document plan \"1/KH\" 05.01.2024\n"
                  "  document notice \"2/TB\" 2024-02-01\n"
                  "  dialogue 2024-01-10 { }\n  dialogue 2024-02-10 { }\n"
                  "  dialogue ? { not_held \"storm\" }\n}\n");
    /* 2 documents listed; 2 dialogues held (the third was not held): 3 != 2 */
    assert_check(find_check(f, CHECK_ITEMS, "commune A: documents$"), 2, 2, REL_EQ, RESULT_PASS);
    assert_check(find_check(f, CHECK_ITEMS, "commune A: documents.plan"), 1, 1, REL_EQ, RESULT_PASS);
    const Check *c = find_check(f, CHECK_ITEMS, "commune A: dialogues$");
    assert_check(c, 3, 2, REL_EQ, RESULT_FAIL);
    Value v = value_at(f, child(f->model->root, "commune", "A"), "dialogues_not_held");
    assert_true(v.known);
    assert_int_equal(v.value, 1);
}

/* ---- bound (§6.6) -------------------------------------------------------------------------- */

TEST(attended_more_than_invited)
{
    run_checks(f, "invited 10\nattended 12\n");
    /* attended 12 <= invited 10 does not hold; imbalance 12 - 10 = 2 */
    const Check *c = find_check(f, CHECK_BOUND, "attended <= invited");
    assert_check(c, 12, 10, REL_LE, RESULT_FAIL);
}

TEST(attended_within_invited)
{
    run_checks(f, "invited 15_590\nattended 12_674\n");
    assert_check(find_check(f, CHECK_BOUND, "attended <= invited"), 12674, 15590, REL_LE, RESULT_PASS);
}

TEST(satisfied_more_than_opinions)
{
    run_checks(f, "opinions 5\nsatisfied 6\ncommunes 19\ncommunes_held 20\n");
    assert_check(find_check(f, CHECK_BOUND, "satisfied <= opinions"), 6, 5, REL_LE, RESULT_FAIL);
    assert_check(find_check(f, CHECK_BOUND, "communes_held <= communes"), 20, 19, REL_LE, RESULT_FAIL);
}

TEST(negative_count)
{
    run_checks(f, "invited -5\n");
    /* -5 >= 0 does not hold; imbalance -5 - 0 = -5 */
    const Check *c = find_check(f, CHECK_BOUND, "the report: invited$");
    assert_check(c, -5, 0, REL_GE, RESULT_FAIL);
    assert_non_null(note_text(f, check_note(c)));
    assert_non_null(strstr(note_text(f, check_note(c)), "negative"));
}

/* ---- approximate figures (§6.5) ----------------------------------------------------------------- */

TEST(approximate_total_within_tolerance)
{
    run_checks(f, "district \"D\" {\n  opinions ~300\n"
                  "  commune \"A\" { opinions 150 }\n  commune \"B\" { opinions 160 }\n}\n");
    /* 150 + 160 = 310; |310 - 300| = 10 <= 10 % of 300 = 30 */
    const Check *c = find_check(f, CHECK_ROLLUP, "district D: opinions$");
    assert_check(c, 300, 310, REL_ABOUT, RESULT_PASS);
    assert_double_near(check_tolerance(c), 30, 1e-9);
    /* approximation is the relation of the roll-up check, not a check of its own */
    assert_int_equal(count_checks(f, CHECK_ROLLUP, ""), 1);
}

TEST(approximate_total_outside_tolerance)
{
    run_checks(f, "district \"D\" {\n  opinions ~300\n"
                  "  commune \"A\" { opinions 100 }\n  commune \"B\" { opinions 150 }\n}\n");
    /* 100 + 150 = 250; |250 - 300| = 50 > 30 */
    assert_check(find_check(f, CHECK_ROLLUP, "district D: opinions$"), 300, 250, REL_ABOUT, RESULT_FAIL);
}

TEST(approximate_sum)
{
    run_checks(f, "opinions about 300 { resolved 200  pending 110 }\n"
                  "voters over 500 { men 140  women 150 }\n"
                  "people nearly 300 { men 140  women 140 }\n");
    /* 200 + 110 = 310 within 300 +- 30 */
    assert_check(find_check(f, CHECK_SUM, "opinions ="), 300, 310, REL_ABOUT, RESULT_PASS);
    /* over 500 needs more than 500: 140 + 150 = 290 fails */
    assert_check(find_check(f, CHECK_SUM, "voters ="), 500, 290, REL_OVER, RESULT_FAIL);
    /* nearly 300: 270 <= 140 + 140 = 280 <= 300 */
    assert_check(find_check(f, CHECK_SUM, "people ="), 300, 280, REL_NEARLY, RESULT_PASS);
}

TEST(approximate_tolerance_is_rounded_up)
{
    run_checks(f, "x ~15 { a 10  b 7 }\ny ~15 { a 10  b 8 }\n"
                  "z nearly 15 { a 10  b 3 }\nw nearly 15 { a 10  b 2 }\n"
                  "v ~5 { a 4  b 2 }\n");
    /* 10 % of 15 = 1.5, rounded up: 2 (spec §6.5). 10 + 7 = 17 is within
     * 15 +- 2; 10 + 8 = 18 is not */
    const Check *c = find_check(f, CHECK_SUM, "x =");
    assert_check(c, 15, 17, REL_ABOUT, RESULT_PASS);
    assert_double_near(check_tolerance(c), 2, 1e-9);
    assert_check(find_check(f, CHECK_SUM, "y ="), 15, 18, REL_ABOUT, RESULT_FAIL);
    /* nearly 15: 15 - 2 = 13 <= computed <= 15; 10 + 3 = 13 holds, 12 does not */
    assert_check(find_check(f, CHECK_SUM, "z ="), 15, 13, REL_NEARLY, RESULT_PASS);
    assert_check(find_check(f, CHECK_SUM, "w ="), 15, 12, REL_NEARLY, RESULT_FAIL);
    /* ~5: 10 % is 0.5, at least 1: 4 + 2 = 6 is within 5 +- 1 */
    c = find_check(f, CHECK_SUM, "v =");
    assert_check(c, 5, 6, REL_ABOUT, RESULT_PASS);
    assert_double_near(check_tolerance(c), 1, 1e-9);
}

TEST(tolerance_of_an_unknown_approximate_sum)
{
    run_checks(f, "x ~300 { a 100  b ? }\n");
    const Check *c = find_check(f, CHECK_SUM, "x =");
    assert_int_equal(c->status, RESULT_UNKNOWN);
    assert_int_equal(c->relation, REL_ABOUT);
    assert_false(check_computed(c).known);
    /* the tolerance the check would use: 10 % of 300 = 30 */
    assert_double_near(check_tolerance(c), 30, 1e-9);
}

TEST(a_report_with_no_figures_has_no_checks)
{
    const Result *r = run_checks(f, "report \"T\" { issuer \"U\" }\n");
    assert_int_equal(r->nchecks, 0);
    CheckIter it;
    assert_null(result_first_check(r, &it));
    assert_int_equal(result_exit_status(r, false, 0), 0);
}

/* ---- a check's numbers, kept short or beside it ------------------------------------------------ */

static void assert_same_number(Number a, Number b)
{
    assert_int_equal(a.known, b.known);
    assert_true(a.exact == b.exact);
    assert_true(a.value == b.value);
    assert_int_equal(a.decimals, b.decimals);
    assert_int_equal(a.money, b.money);
    assert_int_equal(a.whole, b.whole);
}

/* Set, then read back: every number as it was given, however kept. */
static const Check *round_trip(Fixture *f, Check *c, Number d, Number x, Number i, double tolerance)
{
    assert_true(check_numbers(&f->arena, c, d, x, i, tolerance));
    assert_same_number(check_declared(c), d);
    assert_same_number(check_computed(c), x);
    assert_same_number(check_imbalance(c), i);
    assert_true(check_tolerance(c) == tolerance);
    return c;
}

/* Whether c's numbers are kept in the check itself (check_numbers()). */
static bool kept_short(const Check *c)
{
    return !c->more || !c->more->numbers;
}

TEST(check_numbers_kept_as_given)
{
    Check c = { 0 };
    /* counts of 32 bits: in the check itself. 52 declared, 9 computed: 43 */
    round_trip(f, &c, number_whole(52, false), number_whole(9, false), number_whole(43, false), 0);
    assert_true(kept_short(&c));
    /* amounts in đồng, and the extremes of 32 bits: still short, their
     * difference too, which 32 bits do not hold: -1 - INT32_MIN = INT32_MAX,
     * INT32_MAX - INT32_MIN = 2^32 - 1 */
    round_trip(f, &c, number_whole(-1, true), number_whole(INT32_MIN, true), number_whole(INT32_MAX, true), 0);
    assert_true(kept_short(&c));
    round_trip(f, &c, number_whole(INT32_MAX, false), number_whole(INT32_MIN, false),
               number_whole((int64_t)INT32_MAX - INT32_MIN, false), 0);
    assert_true(kept_short(&c));
    /* beyond 32 bits (a province's amounts in đồng, the extremes of 64
     * bits): beside, and read back as given */
    round_trip(f, &c, number_whole(4864352000, true), number_whole(4864352000, true), number_whole(0, true), 0);
    assert_false(kept_short(&c));
    round_trip(f, &c, number_whole(-1, true), number_whole(INT64_MIN, true), number_whole(INT64_MAX, true), 0);
    assert_false(kept_short(&c));
    /* the imbalance is kept short as the difference of the two: any other
     * goes beside, and reads back as given */
    round_trip(f, &c, number_whole(52, false), number_whole(9, false), number_whole(40, false), 0);
    assert_false(kept_short(&c));
    round_trip(f, &c, number_whole(52, false), number_whole(9, false), (Number){ 0 }, 0);
    assert_false(kept_short(&c));
    round_trip(f, &c, number_whole(52, false), (Number){ 0 }, number_whole(52, false), 0);
    assert_false(kept_short(&c));
    /* the computed side unknown: short, and unknown when read */
    round_trip(f, &c, number_whole(358, false), (Number){ 0 }, (Number){ 0 }, 0);
    assert_true(kept_short(&c));
    assert_false(check_computed(&c).known);
    /* a difference beyond 64 bits: INT64_MAX - INT64_MIN = 2^64 - 1 */
    Wide big = (Wide)INT64_MAX - INT64_MIN;
    round_trip(f, &c, number_whole(INT64_MAX, false), number_whole(INT64_MIN, false), number_whole(big, false), 0);
    assert_false(kept_short(&c));
    /* a percentage, a tolerance, an amount beside a count: beside it */
    round_trip(f, &c, number_real(99.72, 2, false), number_real(99.7207, 4, false), number_real(-0.0007, 4, false),
               0.01);
    assert_false(kept_short(&c));
    round_trip(f, &c, number_whole(100, false), number_whole(97, false), number_whole(3, false), 3);
    assert_false(kept_short(&c));
    round_trip(f, &c, number_whole(100, true), number_whole(97, false), number_whole(3, true), 0);
    assert_false(kept_short(&c));
    /* and back to short: the CheckMore's numbers are no longer read */
    round_trip(f, &c, number_whole(7, false), number_whole(7, false), number_whole(0, false), 0);
    assert_true(kept_short(&c));
}


/* A verdict keeps the two sides of its comparison in 8 bytes each and
 * their kinds apart (verdict_set_sides()): each reads back as given. */
TEST(verdict_sides_kept_as_given)
{
    Verdict v = { 0 };
    assert_int_equal(verdict_lhs(&v).kind, VAL_UNKNOWN);
    const Val sides[] = {
        { .kind = VAL_NUMBER, .num = 99.72 },
        { .kind = VAL_BOOL, .b = true },
        { .kind = VAL_DATE, .days = 19782 },            /* 2024-02-27 */
        { .kind = VAL_STRING, .str = "đã giải quyết" },
        { .kind = VAL_UNKNOWN },
    };
    const size_t n = sizeof sides / sizeof *sides;
    for (size_t i = 0; i < n; i++) {
        const Val *l = &sides[i], *r = &sides[(i + 1) % n];
        verdict_set_sides(&v, *l, *r);
        Val lhs = verdict_lhs(&v), rhs = verdict_rhs(&v);
        assert_int_equal(lhs.kind, l->kind);
        assert_int_equal(rhs.kind, r->kind);
        switch (l->kind) {
        case VAL_NUMBER: assert_true(lhs.num == l->num); break;
        case VAL_BOOL: assert_int_equal(lhs.b, l->b); break;
        case VAL_DATE: assert_int_equal(lhs.days, l->days); break;
        case VAL_STRING: assert_ptr_equal(lhs.str, l->str); break;
        case VAL_UNKNOWN: break;
        }
    }
    /* the last pair: unknown, then the number */
    assert_true(verdict_rhs(&v).num == 99.72);
}

TEST(check_note_and_coverage_outlive_the_numbers)
{
    /* a note and a coverage go in the CheckMore, set before or after the
     * numbers, which may be short or not, and stay what they were set to */
    Check c = { 0 };
    assert_null(check_note(&c));
    assert_false(check_coverage(&c).has);
    check_set_coverage(&f->arena, &c, 2, 3);
    round_trip(f, &c, number_whole(52, false), number_whole(9, false), number_whole(43, false), 0);
    assert_true(kept_short(&c));
    assert_false(c.more->full);             /* a coverage alone: the head of a CheckMore */
    check_set_note(&f->arena, &c, (Note){ .kind = NOTE_PARTS_UNKNOWN, .a = 2 });
    assert_true(c.more->full);
    round_trip(f, &c, number_real(99.72, 2, false), number_real(99.7207, 4, false), number_real(-0.0007, 4, false),
               0.01);
    assert_false(kept_short(&c));
    round_trip(f, &c, number_whole(7, false), number_whole(7, false), number_whole(0, false), 0);
    assert_true(kept_short(&c));
    CheckCoverage cov = check_coverage(&c);
    assert_true(cov.has);
    assert_int_equal(cov.covered, 2);
    assert_int_equal(cov.expected, 3);
    assert_string_equal(note_text(f, check_note(&c)), "2 parts are unknown");
    /* a later note takes the place of the first */
    check_set_note(&f->arena, &c, (Note){ .kind = NOTE_NEGATIVE });
    assert_string_equal(note_text(f, check_note(&c)), "a count cannot be negative");
    /* a coverage, then numbers that go beside: the coverage goes with
     * them into the CheckMore */
    Check d = { 0 };
    check_set_coverage(&f->arena, &d, 4, 5);
    assert_null(check_note(&d));
    round_trip(f, &d, number_real(99.72, 2, false), number_real(99.7207, 4, false), number_real(-0.0007, 4, false),
               0.01);
    assert_false(kept_short(&d));
    assert_true(d.more->full);
    cov = check_coverage(&d);
    assert_true(cov.has && cov.covered == 4 && cov.expected == 5);
    assert_null(check_note(&d));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(sum_that_adds_up),
        FIXTURE_TEST(check_numbers_kept_as_given),
        FIXTURE_TEST(verdict_sides_kept_as_given),
        FIXTURE_TEST(check_note_and_coverage_outlive_the_numbers),
        FIXTURE_TEST(sum_that_does_not_add_up),
        FIXTURE_TEST(partial_breakdown_is_a_lower_bound),
        FIXTURE_TEST(one_unknown_part),
        FIXTURE_TEST(two_unknown_parts),
        FIXTURE_TEST(unknown_whole_takes_the_sum_of_its_parts),
        FIXTURE_TEST(nested_breakdowns_are_checked_at_every_level),
        FIXTURE_TEST(table_that_adds_up),
        FIXTURE_TEST(table_with_one_wrong_cell),
        FIXTURE_TEST(table_with_a_missing_cell_is_a_lower_bound),
        FIXTURE_TEST(table_column_below_its_rows_fails_even_when_partial),
        FIXTURE_TEST(table_of_many_columns),
        FIXTURE_TEST(rollup_with_every_commune_present),
        FIXTURE_TEST(rollup_with_one_commune_missing_is_a_lower_bound),
        FIXTURE_TEST(rollup_fails_when_the_district_is_smaller),
        FIXTURE_TEST(children_expected_are_those_of_the_first_level_with_units),
        FIXTURE_TEST(more_communes_present_than_declared),
        FIXTURE_TEST(rollup_over_sessions),
        FIXTURE_TEST(rollup_of_three_levels),
        FIXTURE_TEST(communes_with_the_same_name_merge),
        FIXTURE_TEST(a_figure_declared_twice_in_a_merged_unit),
        FIXTURE_TEST(a_unit_declared_twice_in_one_file),
        FIXTURE_TEST(itemised_opinions_agree),
        FIXTURE_TEST(itemised_opinion_with_a_wrong_status),
        FIXTURE_TEST(declared_status_with_no_itemised_opinion),
        FIXTURE_TEST(itemised_documents_and_sessions),
        FIXTURE_TEST(attended_more_than_invited),
        FIXTURE_TEST(attended_within_invited),
        FIXTURE_TEST(satisfied_more_than_opinions),
        FIXTURE_TEST(negative_count),
        FIXTURE_TEST(approximate_total_within_tolerance),
        FIXTURE_TEST(approximate_total_outside_tolerance),
        FIXTURE_TEST(approximate_sum),
        FIXTURE_TEST(approximate_tolerance_is_rounded_up),
        FIXTURE_TEST(tolerance_of_an_unknown_approximate_sum),
        FIXTURE_TEST(a_report_with_no_figures_has_no_checks),
    };
    return cmocka_run_group_tests_name("check", tests, NULL, NULL);
}
