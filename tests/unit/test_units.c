/* test_units.c - units across the files of a run (interp/model.c, spec §4.2,
 * §10): `lists` (the children a unit names, present with no block, and the
 * error for any other child), `within` (a file whose figures are of one
 * unit made elsewhere), names compared in NFC, the warning for names that
 * differ only by case, spaces or accents, and model_gives_figures(), which
 * --strict uses (§12).
 *
 * Lines and columns count from 1, columns in characters (§11); each one is
 * counted by hand in a comment. Decomposed (NFD) names are written byte by
 * byte: "a" + U+0300 is a CC 80, "u" + U+031B (horn) is u CC 9B,
 * "u" + U+0301 is u CC 81, "o" + U+031B + U+0300 is o CC 9B CC 80,
 * "A" + U+0309 is A CC 89. */
#include "support.h"

/* "Quài Nưa", "Búng Lao" and "Mường Ảng" typed decomposed */
#define QUAI_NUA_NFD "Qua\xCC\x80i Nu\xCC\x9B" "a"
#define BUNG_LAO_NFD "Bu\xCC\x81ng Lao"
#define MUONG_ANG_NFD "Mu\xCC\x9Bo\xCC\x9B\xCC\x80ng A\xCC\x89ng"

/* ---- helpers ---------------------------------------------------------------------- */

static void assert_counts(const Fixture *f, unsigned errors, unsigned warnings)
{
    if (count_diags(&f->diag, DIAG_ERROR) != errors || count_diags(&f->diag, DIAG_WARNING) != warnings)
        list_diags(f);
    assert_int_equal(count_diags(&f->diag, DIAG_ERROR), errors);
    assert_int_equal(count_diags(&f->diag, DIAG_WARNING), warnings);
}

/* ---- lists (§4.2) ---------------------------------------------------------------------- */

TEST(a_listed_unit_without_a_block_is_present)
{
    build_model(f, "district \"D\" {\n"
                   "  communes 3\n"
                   "  lists commune \"A\" \"B\" \"C\"\n"
                   "  invited 30\n"
                   "  commune \"A\" { invited 10 }\n"
                   "  commune \"B\" { invited 12 }\n"
                   "}\n");
    model_finish(f->model);
    assert_no_errors(f);
    const Node *d = child(f->model->root, "district", "D");
    /* A, B and C, in the order listed; C has no figure */
    assert_int_equal(node_nunits(d), 3);
    assert_int_equal(child_count(d), 3);
    const Node *c = child(d, "commune", "C");
    assert_true(c->listed);
    assert_null(c->figures);
    assert_true(child(d, "commune", "A")->listed);
    assert_ptr_equal(node_first_child(d), child(d, "commune", "A"));
    assert_ptr_equal(node_more(d)->last_child, c);
    /* the list is remembered at `lists`: line 3, column 3 */
    uint32_t line, col;
    Span lists_span = { 0, 0 };
    Source *lists_src = model_lists_at(f->model, d, &lists_span);
    source_position(lists_src, lists_span.start, &line, &col);
    assert_int_equal(line, 3);
    assert_int_equal(col, 3);
    /* C, declared by no block, is pointed at in the list: "  lists commune
     * \"A\" \"B\" " is 24 columns, "C" at 25 */
    source_position(node_src(c), c->start, &line, &col);
    assert_int_equal(line, 3);
    assert_int_equal(col, 25);
    derive(f);
    memset(&f->result, 0, sizeof f->result);
    assert_true(check_run(f->model, f->derived, &f->arena, &f->result));
    /* communes: 3 present of 3 declared, 3 = 3 */
    const Check *k = find_check(f, CHECK_ROLLUP, "district D: communes$");
    assert_int_equal(k->status, RESULT_PASS);
    assert_int_equal(check_coverage(k).covered, 3);
    assert_int_equal(check_coverage(k).expected, 3);
    /* invited: 2 of the 3 communes give it, so 30 >= 10 + 12 = 22 only
     * shows the children do not contradict it: partial (§6.3) */
    k = find_check(f, CHECK_ROLLUP, "district D: invited$");
    assert_int_equal(k->relation, REL_GE);
    assert_double_near(check_computed(k).value, 22, 1e-9);
    assert_true(check_coverage(k).has);
    assert_int_equal(check_coverage(k).covered, 2);
    assert_int_equal(check_coverage(k).expected, 3);
    assert_int_equal(k->status, RESULT_PARTIAL);
}

TEST(an_unlisted_child_in_another_file_suggests_the_listed_name)
{
    /* test2.dlg line 1: "district \"D\" { commune " is 23 columns, the
     * name at 24. Its skeleton "quai nua" is the listed "Quài Nưa"'s. */
    const char *const files[] = { "district \"D\" {\n  lists commune \"Quài Nưa\" \"Búng Lao\"\n}\n",
                                  "district \"D\" { commune \"Quai Nua\" { invited 3 } }\n" };
    build_model_files(f, files, 2, true);
    assert_counts(f, 1, 0);
    const Diagnostic *g = assert_diag(
        f, DIAG_ERROR, "commune Quai Nua is not one of the units district D lists; did you mean \"Quài Nưa\"?",
        "test2.dlg", 1, 24);
    /* the note follows it, at `lists` in test1.dlg: line 2, column 3 */
    assert_non_null(g->next);
    assert_int_equal(g->next->severity, DIAG_NOTE);
    assert_string_equal(g->next->message, "the list is here");
    assert_diag(f, DIAG_NOTE, "the list is here", "test1.dlg", 2, 3);
    /* no near-duplicate warning besides: the unlisted one is an error */
}

TEST(the_name_that_differs_by_accents_comes_before_a_nearer_one)
{
    /* "Ang Nua" is two byte edits from "Ang Ta" (N->T, drop u) and five
     * from "Ẳng Nưa" (Ẳ is three bytes, ư two), but it differs from
     * "Ẳng Nưa" only by accents: that one is suggested (§4.2). Line 2:
     * "commune " is 8 columns, the name at 9. */
    build_model_files(f, (const char *const[]){ "lists commune \"Ang Ta\" \"Ẳng Nưa\"\n"
                                                "commune \"Ang Nua\" { invited 1 }\n" }, 1, true);
    assert_counts(f, 1, 0);
    assert_diag(f, DIAG_ERROR, "commune Ang Nua is not one of the units the report lists; did you mean \"Ẳng Nưa\"?",
                "test1.dlg", 2, 9);
}

TEST(an_unlisted_child_within_two_edits_or_none)
{
    /* "Bong Lao": its skeleton "bong lao" is no listed one's, but it is two
     * byte edits from "Búng Lao" (o -> C3, insert BA); "Xyz" is near none.
     * Each at column 9 of its line, after "commune " */
    build_model_files(f, (const char *const[]){ "lists commune \"Búng Lao\" \"Quài Nưa\"\n"
                                                "commune \"Bong Lao\" { invited 1 }\n"
                                                "commune \"Xyz\" { invited 2 }\n" }, 1, true);
    assert_counts(f, 2, 0);
    assert_diag(f, DIAG_ERROR, "commune Bong Lao is not one of the units the report lists; did you mean \"Búng Lao\"?",
                "test1.dlg", 2, 9);
    assert_diag(f, DIAG_ERROR, "commune Xyz is not one of the units the report lists", "test1.dlg", 3, 9);
    assert_int_equal(count_diags(&f->diag, DIAG_NOTE), 2);
}

TEST(a_child_of_another_kind_is_not_listed_either)
{
    /* the report lists its communes; a ward "A" is another unit, unlisted:
     * an error, with no hint (no ward is listed). "ward " is 5 columns */
    build_model_files(f, (const char *const[]){ "lists commune \"A\"\nward \"A\" { invited 1 }\n" }, 1, true);
    assert_counts(f, 1, 0);
    assert_diag(f, DIAG_ERROR, "ward A is not one of the units the report lists", "test1.dlg", 2, 6);
}

TEST(a_name_listed_twice)
{
    /* "lists commune \"A\" \"B\" " is 22 columns: the second "A" at 23 */
    build_model_files(f, (const char *const[]){ "lists commune \"A\" \"B\" \"A\"\n" }, 1, true);
    assert_counts(f, 1, 0);
    assert_diag(f, DIAG_ERROR, "commune A is listed twice", "test1.dlg", 1, 23);
    /* still two units */
    assert_int_equal(node_nunits(f->model->root), 2);
}

TEST(a_name_listed_twice_in_nfc_and_nfd)
{
    /* "Quài Nưa" composed, then decomposed: one name (§4.2), listed twice.
     * "lists commune \"Quài Nưa\" " is 25 characters: the second at 26 */
    build_model_files(f, (const char *const[]){ "lists commune \"Quài Nưa\" \"" QUAI_NUA_NFD "\"\n" }, 1, true);
    assert_counts(f, 1, 0);
    assert_diag(f, DIAG_ERROR, "commune Quài Nưa is listed twice", "test1.dlg", 1, 26);
    assert_int_equal(node_nunits(f->model->root), 1);
}

/* ---- within (§4.2) ---------------------------------------------------------------------- */

TEST(a_within_file_joins_the_unit_another_file_makes)
{
    /* test1.dlg says it is of Mường Ảng before test2.dlg makes it;
     * test3.dlg names the district and its commune in NFD */
    const char *const files[] = {
        "within district \"Mường Ảng\"\n"
        "period 2024-01-01 .. 2024-12-31\n"
        "commune \"Quài Nưa\" { invited 30 }\n"
        "attended 40\n",
        "province \"Điện Biên\" {\n"
        "  district \"Mường Ảng\" {\n"
        "    communes 2\n"
        "    lists commune \"Quài Nưa\" \"Búng Lao\"\n"
        "    invited 55\n"
        "  }\n"
        "}\n",
        "within district \"" MUONG_ANG_NFD "\"\n"
        "commune \"" BUNG_LAO_NFD "\" { invited 25 }\n",
    };
    const Model *m = model_roots(f, files, 3);
    assert_counts(f, 0, 0);
    /* one province, one district in it, nothing else at the top */
    assert_int_equal(child_count(m->root), 1);
    const Node *p = child(m->root, "province", "Điện Biên");
    assert_int_equal(child_count(p), 1);
    const Node *d = child(p, "district", "Mường Ảng");
    /* the district's communes came from test1 and test3, its own figures
     * from test2, and test1's top-level `attended 40` is the district's */
    assert_int_equal(node_nunits(d), 2);
    assert_int_equal(figure_value(figure_at(f, child(d, "commune", "Quài Nưa"), "invited")), 30);
    assert_int_equal(figure_value(figure_at(f, child(d, "commune", "Búng Lao"), "invited")), 25);
    assert_int_equal(figure_value(figure_at(f, d, "attended")), 40);
    assert_int_equal(figure_value(figure_at(f, d, "invited")), 55);
    assert_null(m->root->figures);
    /* the report header stays report-wide */
    assert_true(m->header.has_period);
    /* 30 + 25 = 55, every listed commune present */
    derive(f);
    memset(&f->result, 0, sizeof f->result);
    assert_true(check_run(f->model, f->derived, &f->arena, &f->result));
    const Check *k = find_check(f, CHECK_ROLLUP, "district Mường Ảng: invited$");
    assert_int_equal(k->status, RESULT_PASS);
    assert_double_near(check_computed(k).value, 55, 1e-9);
    /* each figure points into the file that gives it: the district is
     * test2's, its `attended 40` test1's (line 4), and so is the check
     * attended <= invited, made at that figure */
    assert_string_equal(node_src(d)->name, "test2.dlg");
    assert_string_equal(model_figure_src(d, figure_at(f, d, "invited"))->name, "test2.dlg");
    assert_string_equal(model_figure_src(d, figure_at(f, d, "attended"))->name, "test1.dlg");
    const Check *bound = find_check(f, CHECK_BOUND, "district Mường Ảng: attended <= invited$");
    assert_string_equal(check_src(bound)->name, "test1.dlg");
    uint32_t line, col;
    source_position(check_src(bound), check_span(bound).start, &line, &col);
    assert_int_equal(line, 4);
    assert_int_equal(col, 1);
}

TEST(a_figure_given_twice_in_two_files_that_enter_its_unit)
{
    /* test2 and test3 both enter D, made by test1, and both give attended:
     * the error is at test3's, the note at test2's, line 2 */
    const char *const files[] = { "district \"D\" { invited 5 }\n", "within district \"D\"\nattended 3\n",
                                  "within district \"D\"\n\nattended 4\n" };
    model_roots(f, files, 3);
    assert_counts(f, 1, 0);
    const Diagnostic *e = find_diag(&f->diag, DIAG_ERROR, "'attended' is declared twice in district D");
    assert_non_null(e);
    assert_string_equal(e->src->name, "test3.dlg");
    const Diagnostic *note = e->next;
    assert_non_null(note);
    assert_int_equal(note->severity, DIAG_NOTE);
    assert_string_equal(note->message, "first declared here");
    assert_string_equal(note->src->name, "test2.dlg");
    uint32_t line, col;
    source_position(note->src, note->span.start, &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 1);
}

TEST(a_within_file_whose_unit_no_file_makes)
{
    /* the unit is made at the top level, as a wrapping block would be */
    const Model *m = model_roots(f, (const char *const[]){ "within district \"D\"\ninvited 7\n" }, 1);
    assert_counts(f, 0, 0);
    const Node *d = child(m->root, "district", "D");
    assert_int_equal(figure_value(figure_at(f, d, "invited")), 7);
    assert_null(m->root->figures);
    assert_int_equal(node_nunits(m->root), 1);
}

/* One district D at the top holding one commune C, with attended 3 from
 * one file and invited 5 from another: the files the `within` tests
 * below give in different orders. */
static void assert_c_in_d(Fixture *f, const Node *top)
{
    assert_counts(f, 0, 0);
    const Node *d = child(top, "district", "D");
    assert_int_equal(child_count(d), 1);
    const Node *c = child(d, "commune", "C");
    assert_int_equal(figure_value(figure_at(f, c, "attended")), 3);
    assert_int_equal(figure_value(figure_at(f, c, "invited")), 5);
}

TEST(a_within_file_inside_a_unit_another_within_file_makes)
{
    /* test1.dlg is of district D, which no file makes: D is made at the
     * top and test1 puts commune C in it; test2.dlg, of commune C, then
     * joins that commune */
    const char *const files[] = { "within district \"D\"\ncommune \"C\" { attended 3 }\n",
                                  "within commune \"C\"\ninvited 5\n" };
    const Model *m = model_roots(f, files, 2);
    assert_int_equal(child_count(m->root), 1);
    assert_c_in_d(f, m->root);
}

/* The same two files in the other order: neither unit exists at first,
 * and the file whose unit no waiting file makes (district D) is placed
 * first, so commune C is made once, inside D (spec §4.2). */
TEST(within_files_in_either_order_make_one_unit)
{
    const char *const files[] = { "within commune \"C\"\ninvited 5\n",
                                  "within district \"D\"\ncommune \"C\" { attended 3 }\n" };
    const Model *m = model_roots(f, files, 2);
    assert_int_equal(child_count(m->root), 1);
    assert_c_in_d(f, m->root);
}

/* Three levels, innermost first: the commune's file waits for the
 * district's, which waits for the province's; the province, which no
 * waiting file makes, is made at the top. */
TEST(within_files_three_levels_deep_in_reverse_order)
{
    const char *const files[] = { "within commune \"C\"\ninvited 5\n",
                                  "within district \"D\"\ncommune \"C\" { attended 3 }\n",
                                  "within province \"P\"\ndistrict \"D\" { }\n" };
    const Model *m = model_roots(f, files, 3);
    assert_int_equal(child_count(m->root), 1);
    assert_c_in_d(f, child(m->root, "province", "P"));
}

/* A unit made only by a `lists` line of a later `within` file. */
TEST(within_a_unit_listed_by_a_later_within_file)
{
    const char *const files[] = { "within commune \"B\"\ninvited 7\n",
                                  "within district \"D\"\nlists commune \"A\" \"B\"\n" };
    const Model *m = model_roots(f, files, 2);
    assert_counts(f, 0, 0);
    assert_int_equal(child_count(m->root), 1);
    const Node *d = child(m->root, "district", "D");
    assert_int_equal(child_count(d), 2);
    assert_int_equal(figure_value(figure_at(f, child(d, "commune", "B"), "invited")), 7);
}

/* Each file makes the other's unit: no order is right, and levels forbid
 * it anyway. The first file's unit is made at the top, each file is placed
 * once, and the run ends with the errors that say so. */
TEST(within_files_that_hold_each_other_end)
{
    const char *const files[] = { "within commune \"C\"\ndistrict \"D\" { }\n",
                                  "within district \"D\"\ncommune \"C\" { }\n" };
    const Model *m = model_roots(f, files, 2);
    assert_diag(f, DIAG_ERROR, "a district cannot be inside a commune", "test1.dlg", 2, 1);
    /* C made at the top for test1; test2's district D holds a second C */
    assert_diag(f, DIAG_ERROR, "2 units are commune \"C\": write the units around this file's figures instead",
                "test1.dlg", 1, 16);
    assert_non_null(child(m->root, "commune", "C"));
}

/* The declarations of any file of the run give the others their words:
 * test1 uses `harvest`, test2 declares it (spec §14). */
TEST(a_figure_declared_in_another_file)
{
    const char *const files[] = { "commune \"A\" { harvest 12 }\n",
                                  "figure harvest \"Sản lượng\" { }\n" };
    const Model *m = build_model_files(f, files, 2, false);
    assert_int_equal(figure_value(figure_at(f, child(m->root, "commune", "A"), "harvest")), 12);
}

/* Units past the first blocks of nodes (model.c makes them 256 at a
 * time, and finds a unit by its node's id): a commune declared again in a
 * second file, and one a third file is `within`, are the ones the first
 * file made. */
TEST(units_found_again_among_many)
{
    enum { N = 700 };
    char *first = arena_alloc(&f->arena, N * 40 + 64);
    assert_non_null(first);
    size_t len = (size_t)sprintf(first, "district \"D\" {\n");
    for (int i = 1; i <= N; i++)
        len += (size_t)sprintf(first + len, "  commune \"X\xC3\xA3 %d\" { }\n", i);
    sprintf(first + len, "}\n");
    const char *const files[] = { first, "district \"D\" { commune \"X\xC3\xA3 450\" { households 45 } }\n",
                                  "within commune \"X\xC3\xA3 613\"\nhouseholds 61\n" };
    const Model *m = model_roots(f, files, 3);
    assert_counts(f, 0, 0);
    const Node *d = child(m->root, "district", "D");
    assert_int_equal(node_nunits(d), N);
    assert_int_equal(figure_value(figure_at(f, child(d, "commune", "X\xC3\xA3 450"), "households")), 45);
    assert_int_equal(figure_value(figure_at(f, child(d, "commune", "X\xC3\xA3 613"), "households")), 61);
    assert_null(figure_next(child(d, "commune", "X\xC3\xA3 450")->figures));
}

TEST(within_two_units_of_that_name)
{
    /* two districts D, in two provinces; "within district " is 16 columns,
     * the name at 17 */
    const char *const files[] = { "province \"P1\" { district \"D\" { } }\nprovince \"P2\" { district \"D\" { } }\n",
                                  "within district \"D\"\ninvited 3\n" };
    model_roots(f, files, 2);
    assert_counts(f, 1, 0);
    assert_diag(f, DIAG_ERROR, "2 units are district \"D\": write the units around this file's figures instead",
                "test2.dlg", 1, 17);
}

/* Streamed, a file's `within` is looked up among the units the files
 * before it made (model_within_unit(), run.c): the units by kind and name
 * are indexed then, from every unit made so far, namesakes included, and
 * kept up to date from there. */
TEST(within_looked_up_among_the_units_made_before)
{
    Model *m = build_model(f, "province \"P1\" { district \"D\" { }  district \"E\" { } }\n"
                              "province \"P2\" { district \"D\" { } }\n");
    assert_false(m->units_indexed);             /* no `within` yet: no index */
    Item *d = parse_text(f, "within district \"D\"\n");
    assert_null(model_within_unit(m, d));       /* two districts D: neither */
    assert_true(m->units_indexed);
    Item *e = parse_text(f, "within district \"E\"\n");
    const Node *unit = model_within_unit(m, e);
    assert_non_null(unit);
    assert_ptr_equal(unit, child(child(m->root, "province", "P1"), "district", "E"));
    assert_true(model_unit_unique(m, unit));
    /* a district E made after the index is its namesake: E is no longer
     * the one unit of its name */
    Item *later = parse_text(f, "province \"P3\" { district \"E\" { } }\n");
    model_add_file(m, NULL, &(LoadedFile){ f->src, later, NULL });
    assert_false(model_unit_unique(m, unit));
    assert_null(model_within_unit(m, e));
}

TEST(within_twice_in_a_file)
{
    model_roots(f, (const char *const[]){ "within district \"D\"\nwithin district \"E\"\ninvited 3\n" }, 1);
    assert_diag(f, DIAG_ERROR, "a file stands within one unit only", "test1.dlg", 2, 1);
    assert_diag(f, DIAG_NOTE, "it says so here", "test1.dlg", 1, 1);
}

TEST(within_needs_a_kind_of_unit)
{
    /* "within " is 7 columns */
    model_roots(f, (const char *const[]){ "within dialogue \"A\"\n" }, 1);
    assert_counts(f, 1, 0);
    assert_diag(f, DIAG_ERROR, "'within' needs a kind of unit, not 'dialogue'", "test1.dlg", 1, 8);
}

TEST(within_inside_a_unit)
{
    /* "commune \"A\" { " is 14 columns */
    model_roots(f, (const char *const[]){ "commune \"A\" { within district \"D\" }\n" }, 1);
    assert_counts(f, 1, 0);
    assert_diag(f, DIAG_ERROR,
                "'within' belongs at the top level of a file, where it says which unit the file's figures are of",
                "test1.dlg", 1, 15);
}

/* ---- names in NFC (§4.2) --------------------------------------------------------------- */

TEST(a_unit_typed_in_nfc_and_nfd_is_one_unit)
{
    const char *const files[] = { "commune \"Quài Nưa\" { invited 30 }\n",
                                  "commune \"" QUAI_NUA_NFD "\" { attended 20 }\n" };
    const Model *m = build_model_files(f, files, 2, false);
    assert_counts(f, 0, 0);
    assert_int_equal(node_nunits(m->root), 1);
    /* kept in NFC: the composed bytes Qu C3A0 i N C6B0 a */
    const Node *c = child(m->root, "commune", "Qu\xC3\xA0i N\xC6\xB0" "a");
    assert_int_equal(figure_value(figure_at(f, c, "invited")), 30);
    assert_int_equal(figure_value(figure_at(f, c, "attended")), 20);
    assert_string_equal(model_subject(&f->arena, c), "commune Quài Nưa");
}

TEST(a_unit_typed_only_in_nfd_is_kept_in_nfc)
{
    const Model *m = build_model_files(f, (const char *const[]){ "commune \"" QUAI_NUA_NFD "\" { invited 1 }\n" },
                                       1, false);
    assert_string_equal(node_first_child(m->root)->name->text, "Quài Nưa");
}

/* ---- names that differ only by case, spaces or accents (§4.2) -------------------------------- */

TEST(near_duplicate_units_draw_a_warning)
{
    /* test2.dlg line 1: "district " is 9 columns, the name at 10 */
    const char *const files[] = { "district \"Muong Ang\" { invited 1 }\n",
                                  "district \"Mường Ảng\" { invited 2 }\n" };
    const Model *m = build_model_files(f, files, 2, false);
    assert_counts(f, 0, 1);
    const Diagnostic *g = assert_diag(f, DIAG_WARNING,
                                      "district Mường Ảng and district Muong Ang differ only by case, spaces or "
                                      "accents; did you mean \"Muong Ang\"?", "test2.dlg", 1, 10);
    assert_non_null(g->next);
    assert_string_equal(g->next->message, "the other is here");
    assert_diag(f, DIAG_NOTE, "the other is here", "test1.dlg", 1, 10);
    /* they stay two units */
    assert_int_equal(node_nunits(m->root), 2);
    assert_int_equal(figure_value(figure_at(f, child(m->root, "district", "Muong Ang"), "invited")), 1);
    assert_int_equal(figure_value(figure_at(f, child(m->root, "district", "Mường Ảng"), "invited")), 2);
}

TEST(near_duplicates_by_case_and_spaces)
{
    /* one file; line 2 "commune " is 8 columns, the name at 9 */
    build_model_files(f, (const char *const[]){ "commune \"Ẳng Tở\" { }\ncommune \"ẳng  tở \" { }\n" }, 1, false);
    assert_counts(f, 0, 1);
    assert_diag(f, DIAG_WARNING,
                "commune ẳng  tở  and commune Ẳng Tở differ only by case, spaces or accents; did you mean \"Ẳng Tở\"?",
                "test1.dlg", 2, 9);
}

/* A unit is pointed at by its whole name, however long: here 3,000 bytes
 * and its quotes, where a node kept the length of its span in fewer bits
 * would point at a part of it. */
TEST(a_long_name_is_pointed_at_whole)
{
    enum { LONG = 3000 };
    char text[2 * LONG + 64];
    int len = sprintf(text, "commune \"");
    memset(text + len, 'x', LONG);
    len += LONG;
    len += sprintf(text + len, "\" { }\ncommune \"");
    memset(text + len, 'X', LONG);
    len += LONG;
    sprintf(text + len, "\" { }\n");
    build_model_files(f, (const char *const[]){ text }, 1, false);
    assert_counts(f, 0, 1);
    const Diagnostic *g = f->diag.first;
    assert_non_null(g);
    assert_int_equal(g->severity, DIAG_WARNING);
    assert_int_equal(g->span.start, LONG + 15 + 8);         /* line 2 (line 1 is LONG + 15 bytes), after "commune " */
    assert_int_equal(g->span.end - g->span.start, LONG + 2);
    assert_non_null(g->next);
    assert_int_equal(g->next->span.start, 8);               /* "the other is here": line 1 */
    assert_int_equal(g->next->span.end - g->next->span.start, LONG + 2);
}

/* Many siblings: the table of skeletons grows (model.c, 16 slots at first,
 * at most half full) and still finds the first of each, by kind. */
TEST(near_duplicates_among_many_siblings)
{
    char text[4096];
    size_t len = 0;
    for (int i = 1; i <= 40; i++)                                   /* lines 1-40 */
        len += (size_t)sprintf(text + len, "commune \"Xã Nưa %d\" { }\n", i);
    len += (size_t)sprintf(text + len, "ward \"Xã Nưa 5\" { }\n");        /* 41: another kind */
    len += (size_t)sprintf(text + len, "commune \"xa nua 7\" { }\n");     /* 42 */
    sprintf(text + len, "commune \"XÃ  NƯA 33\" { }\n");                /* 43 */
    build_model_files(f, (const char *const[]){ text }, 1, false);
    assert_counts(f, 0, 2);
    const Diagnostic *g = assert_diag(f, DIAG_WARNING,
                                      "commune xa nua 7 and commune Xã Nưa 7 differ only by case, spaces or "
                                      "accents; did you mean \"Xã Nưa 7\"?", "test1.dlg", 42, 9);
    uint32_t line, col;
    assert_string_equal(g->next->message, "the other is here");
    diag_line_col(g->next, &line, &col);
    assert_int_equal(line, 7);
    g = assert_diag(f, DIAG_WARNING,
                    "commune XÃ  NƯA 33 and commune Xã Nưa 33 differ only by case, spaces or accents; did you mean "
                    "\"Xã Nưa 33\"?", "test1.dlg", 43, 9);
    assert_string_equal(g->next->message, "the other is here");
    diag_line_col(g->next, &line, &col);
    assert_int_equal(line, 33);
}

TEST(different_names_kinds_or_parents_draw_no_warning)
{
    build_model_files(f, (const char *const[]){ "commune \"Hà Nội\" { }\ncommune \"Hà Tây\" { }\n"
                                                "commune \"Muong Ang\" { }\nward \"Mường Ảng\" { }\n"
                                                "district \"D1\" { commune \"Ẳng Nưa\" { } }\n"
                                                "district \"D2\" { commune \"Ang Nua\" { } }\n" }, 1, false);
    assert_counts(f, 0, 0);
}

/* ---- what --strict needs: something to check (§12) --------------------------------------- */

TEST(an_empty_model_gives_no_figures)
{
    build_model(f, "");
    assert_false(model_gives_figures(f->model));
}

TEST(header_units_and_lists_are_no_figures)
{
    build_model(f, "report \"T\" { period 2024-01-01 .. 2024-12-31 }\n"
                   "district \"D\" { lists commune \"A\" \"C\"  commune \"C\" { village \"V\" { } } }\n"
                   "indicator i = 1\n");
    assert_false(model_gives_figures(f->model));
}

TEST(a_figure_anywhere_gives_figures)
{
    build_model(f, "district \"D\" { commune \"C\" { village \"V\" { invited 3 } } }\n");
    assert_true(model_gives_figures(f->model));
}

TEST(an_itemised_entry_gives_figures)
{
    build_model(f, "commune \"C\" { opinion \"Đường\" }\n");
    assert_true(model_gives_figures(f->model));
}

TEST(a_figure_at_the_top_gives_figures)
{
    build_model(f, "invited 3\n");
    assert_true(model_gives_figures(f->model));
}

TEST(a_session_gives_figures)
{
    build_model(f, "commune \"C\" { dialogue 2024-05-01 { } }\n");
    assert_true(model_gives_figures(f->model));
}

TEST(a_document_gives_figures)
{
    build_model(f, "commune \"C\" { document plan \"181-KH/ĐU\" 05.01.2024 }\n");
    assert_true(model_gives_figures(f->model));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(a_listed_unit_without_a_block_is_present),
        FIXTURE_TEST(an_unlisted_child_in_another_file_suggests_the_listed_name),
        FIXTURE_TEST(the_name_that_differs_by_accents_comes_before_a_nearer_one),
        FIXTURE_TEST(an_unlisted_child_within_two_edits_or_none),
        FIXTURE_TEST(a_child_of_another_kind_is_not_listed_either),
        FIXTURE_TEST(a_name_listed_twice),
        FIXTURE_TEST(a_name_listed_twice_in_nfc_and_nfd),
        FIXTURE_TEST(a_within_file_joins_the_unit_another_file_makes),
        FIXTURE_TEST(a_figure_given_twice_in_two_files_that_enter_its_unit),
        FIXTURE_TEST(a_within_file_whose_unit_no_file_makes),
        FIXTURE_TEST(a_within_file_inside_a_unit_another_within_file_makes),
        FIXTURE_TEST(within_two_units_of_that_name),
        FIXTURE_TEST(within_looked_up_among_the_units_made_before),
        FIXTURE_TEST(within_twice_in_a_file),
        FIXTURE_TEST(within_needs_a_kind_of_unit),
        FIXTURE_TEST(within_inside_a_unit),
        FIXTURE_TEST(a_unit_typed_in_nfc_and_nfd_is_one_unit),
        FIXTURE_TEST(a_unit_typed_only_in_nfd_is_kept_in_nfc),
        FIXTURE_TEST(near_duplicate_units_draw_a_warning),
        FIXTURE_TEST(near_duplicates_by_case_and_spaces),
        FIXTURE_TEST(near_duplicates_among_many_siblings),
        FIXTURE_TEST(a_long_name_is_pointed_at_whole),
        FIXTURE_TEST(different_names_kinds_or_parents_draw_no_warning),
        FIXTURE_TEST(an_empty_model_gives_no_figures),
        FIXTURE_TEST(header_units_and_lists_are_no_figures),
        FIXTURE_TEST(a_figure_anywhere_gives_figures),
        FIXTURE_TEST(an_itemised_entry_gives_figures),
        FIXTURE_TEST(a_figure_at_the_top_gives_figures),
        FIXTURE_TEST(a_session_gives_figures),
        FIXTURE_TEST(a_document_gives_figures),
        FIXTURE_TEST(within_files_in_either_order_make_one_unit),
        FIXTURE_TEST(within_files_three_levels_deep_in_reverse_order),
        FIXTURE_TEST(within_a_unit_listed_by_a_later_within_file),
        FIXTURE_TEST(within_files_that_hold_each_other_end),
        FIXTURE_TEST(a_figure_declared_in_another_file),
        FIXTURE_TEST(units_found_again_among_many),
    };
    return cmocka_run_group_tests_name("units", tests, NULL, NULL);
}
