/* test_declarations.c - a report's own vocabulary (interp/vocab.c, spec §14):
 * a report that declares a dimension and a figure and uses them, extends a
 * standard dimension with a part and a standard figure with a dimension,
 * declares a percentage, or declares a name after it first uses it; and the
 * exact message, line and column of each mistake of spec/messages.md §5a.
 *
 * The mistakes are declared the way a run declares its vocabulary (run.c):
 * vocab_new(), the standard library's files named "<dlg>/std/..." as
 * load_library() names them, the test's own file "test.dlg", then
 * vocab_finish(), which must refuse it. Lines and columns count from 1,
 * columns in characters (spec §11); each is counted by hand in a comment. */
#include "support.h"

/* ---- helpers ---------------------------------------------------------------------- */

/* Declare the standard vocabulary and the text's declarations; the text
 * must parse. The result of vocab_finish(). */
static bool declare(Fixture *f, const char *text)
{
    declare_library(f);
    parse_text(f, text);
    assert_no_errors(f);
    vocab_declare(f->vocab, f->src, f->items);
    return vocab_finish(f->vocab, &f->diag);
}

/* vocab_finish() refused the declarations with exactly one error, this
 * one, in test.dlg at line:col. */
static void assert_refused(Fixture *f, const char *text, const char *message, uint32_t line, uint32_t col)
{
    assert_false(declare(f, text));
    if (f->diag.errors != 1)
        list_diags(f);
    assert_int_equal(f->diag.errors, 1);
    assert_diag(f, DIAG_ERROR, message, "test.dlg", line, col);
}

/* Several files of one run, as run.c reads them: every file's
 * declarations, then vocab_finish(), then the files modelled in order. */
static Model *model_files(Fixture *f, const char *const *texts, unsigned n)
{
    Source *srcs[4];
    Item *items[4];
    assert_true(n <= 4);
    declare_library(f);
    for (unsigned i = 0; i < n; i++) {
        const char *name = arena_printf(&f->arena, "test%u.dlg", i + 1);
        srcs[i] = source_from_bytes(&f->arena, name, texts[i], strlen(texts[i]));
        assert_non_null(srcs[i]);
        srcs[i]->id = i;
        items[i] = parse_source(srcs[i], &f->arena, &f->syms, &f->diag);
        vocab_declare(f->vocab, srcs[i], items[i]);
    }
    assert_no_errors(f);
    assert_true(vocab_finish(f->vocab, &f->diag));
    f->model = model_new(&f->arena, &f->syms, f->vocab, &f->diag);
    assert_non_null(f->model);
    for (unsigned i = 0; i < n; i++)
        model_add_file(f->model, NULL, &(LoadedFile){ srcs[i], items[i], NULL });
    model_finish(f->model);
    return f->model;
}

/* ---- a report's own dimension and figure (§14.2, §14.3) ------------------------------ */

/* A figure's declaration is read when it is taken (vocab_take), so its
 * tree may go before the vocabulary is made, as a run reading a large file
 * gives it back (run.c); a dimension's is read from its tree then, and
 * must stay. The figures' tree here is in an arena of its own, freed
 * before vocab_finish() (AddressSanitizer sees any read of it): the
 * figure keeps its title, type, dimension and place, and what it wrote
 * wrong is said where it was written. */
TEST(a_figure_is_read_when_taken)
{
    declare_library(f);
    static const char dims[] = "dimension crop \"Cây trồng\" { rice \"Lúa\" }\n";
    static const char figs[] = "figure harvest \"Sản lượng\" { type money  by crop  in commune }\n"
                               "figure yield \"Năng suất\" { colour red  by \"x\" }\n"
                               "commune \"A\" { }\n";
    Source *dsrc = source_from_bytes(&f->arena, "dims.dlg", dims, strlen(dims));
    Source *fsrc = source_from_bytes(&f->arena, "test.dlg", figs, strlen(figs));
    assert_non_null(dsrc);
    assert_non_null(fsrc);
    Item *dim = parse_source(dsrc, &f->arena, &f->syms, &f->diag);
    Arena tree;
    arena_init(&tree, &f->arena.allocator);
    Item *items = parse_source(fsrc, &tree, &f->syms, &f->diag);
    assert_no_errors(f);
    assert_false(vocab_take(f->vocab, dsrc, dim));              /* read later, from its tree */
    assert_true(vocab_take(f->vocab, fsrc, items));             /* harvest */
    assert_true(vocab_take(f->vocab, fsrc, items->next));       /* yield */
    assert_false(vocab_take(f->vocab, fsrc, items->next->next));    /* declares nothing */
    arena_free(&tree);
    assert_false(vocab_finish(f->vocab, &f->diag));
    const FigureDecl *h = vocab_figure(f->vocab, sym(f, "harvest"));
    assert_non_null(h);
    assert_str(h->title, "Sản lượng");
    assert_int_equal(h->type, TYPE_MONEY);
    assert_int_equal(h->ndims, 1);
    assert_ptr_equal(h->dims[0], vocab_dimension(f->vocab, sym(f, "crop")));
    assert_int_equal(h->nplaces, 1);
    assert_ptr_equal(h->places[0], vocab_kind(f->vocab, sym(f, "commune")));
    assert_ptr_equal(h->src, fsrc);
    assert_int_equal(h->span.start, 7);         /* "figure " */
    const FigureDecl *y = vocab_figure(f->vocab, sym(f, "yield"));
    assert_non_null(y);
    assert_str(y->title, "Năng suất");
    /* figure yield "Năng suất" { colour red  by "x" }: `colour` at 2:28 and
     * by's "x" at 2:43, counted in characters (ă and ấ are one each) */
    assert_int_equal(f->diag.errors, 2);
    assert_diag(f, DIAG_ERROR, "unknown part of a figure declaration 'colour': use type, by or in", "test.dlg", 2, 28);
    assert_diag(f, DIAG_ERROR, "write by DIMENSION, one item each: by status  by topic", "test.dlg", 2, 43);
}

static const char CROP[] = "dimension crop \"Cây trồng\" { rice \"Lúa\"  maize \"Ngô\" }\n"
                           "figure harvest \"Sản lượng\" { by crop }\n";

TEST(a_report_declares_a_dimension_and_a_figure)
{
    char text[512];
    snprintf(text, sizeof text, "%scommune \"A\" { harvest 30 { rice 20  maize 10 } }\n", CROP);
    run_checks(f, text);
    const Vocab *v = f->vocab;
    /* the dimension, its title and its parts in order */
    const Dimension *crop = vocab_dimension(v, sym(f, "crop"));
    assert_non_null(crop);
    assert_str(crop->title, "Cây trồng");
    assert_int_equal(crop->nparts, 2);
    assert_string_equal(crop->parts[0]->name->text, "rice");
    assert_str(crop->parts[0]->title, "Lúa");
    assert_string_equal(crop->parts[1]->name->text, "maize");
    assert_str(crop->parts[1]->title, "Ngô");
    assert_ptr_equal(vocab_find_part(v, crop, sym(f, "maize"))->dim, crop);
    /* the figure: a count (the default), broken down by crop alone */
    const FigureDecl *harvest = vocab_figure(v, sym(f, "harvest"));
    assert_non_null(harvest);
    assert_str(harvest->title, "Sản lượng");
    assert_int_equal(harvest->type, TYPE_COUNT);
    assert_int_equal(harvest->ndims, 1);
    assert_ptr_equal(harvest->dims[0], crop);
    /* the report uses them: 20 + 10 = 30 */
    const Check *c = find_check(f, CHECK_SUM, "commune A: harvest = rice + maize");
    assert_check(c, 30, 30, REL_EQ, RESULT_PASS);
    assert_int_equal(figure_value(figure_at(f, c->node, "harvest.rice")), 20);
}

TEST(a_breakdown_by_a_declared_dimension_can_fail)
{
    char text[512];
    snprintf(text, sizeof text, "%scommune \"A\" { harvest 30 { rice 20  maize 12 } }\n", CROP);
    const Result *r = run_checks(f, text);
    /* 20 + 12 = 32, not 30 */
    assert_check(find_check(f, CHECK_SUM, "harvest = rice + maize"), 30, 32, REL_EQ, RESULT_FAIL);
    assert_int_equal(r->checks_failed, 1);
}

TEST(a_standard_dimension_gains_a_part)
{
    const Model *m = build_model(f, "dimension topic \"Lĩnh vực\" { fisheries \"thủy sản\" }\n"
                                    "opinions 5 { land 2  fisheries 3 }\n"
                                    "commune \"A\" { opinion \"Ao cá\" { topic fisheries  status resolved } }\n");
    const Dimension *topic = m->vocab->topic;
    /* the new part comes after the standard ones, which stay */
    assert_string_equal(topic->parts[topic->nparts - 1]->name->text, "fisheries");
    assert_str(topic->parts[topic->nparts - 1]->title, "thủy sản");
    assert_non_null(vocab_find_part(m->vocab, topic, sym(f, "land")));
    assert_string_equal(topic->parts[0]->name->text, "land");
    /* the title is the first declaration's */
    assert_str(topic->title, "Lĩnh vực");
    /* a breakdown and an opinion use it: 2 + 3 = 5; the opinion counts 1
     * into opinions.resolved.fisheries */
    derive(f);
    memset(&f->result, 0, sizeof f->result);
    assert_true(check_run(f->model, f->derived, &f->arena, &f->result));
    assert_check(find_check(f, CHECK_SUM, "the report: opinions = land + fisheries"), 5, 5, REL_EQ, RESULT_PASS);
    const Node *a = node_first_child(m->root);
    assert_int_equal(value_at(f, a, "opinions.resolved.fisheries").value, 1);
}

/* A part is found by its name whatever the ids of the names (vocab.c
 * looks them up by id where they lie close together): in a dimension
 * declared again, under a name another dimension declared first, and
 * not under a name whose id lies among a dimension's parts' ids. */
TEST(parts_are_found_by_name_whatever_their_ids)
{
    char text[4096];
    size_t len = (size_t)snprintf(text, sizeof text, "dimension d1 \"D1\" {");
    for (int i = 0; i < 100; i++)
        len += (size_t)snprintf(text + len, sizeof text - len, " p%d \"P\"", i);
    snprintf(text + len, sizeof text - len, " }\n"
             "dimension d2 \"D2\" { p0 \"Q\"  z \"Z\" }\n"        /* ids 100 apart */
             "dimension d3 \"D3\" { p3 \"X\"  p5 \"Y\" }\n"        /* p4 lies between */
             "dimension d3 { w \"W\" }\n");                      /* d3 gains a part */
    const Model *m = build_model(f, text);
    assert_no_errors(f);
    const Vocab *v = m->vocab;
    const Dimension *d1 = vocab_dimension(v, sym(f, "d1")), *d2 = vocab_dimension(v, sym(f, "d2")),
                    *d3 = vocab_dimension(v, sym(f, "d3"));
    const Part *p = vocab_find_part(v, d1, sym(f, "p50"));
    assert_ptr_equal(p->dim, d1);
    assert_str(p->title, "P");
    assert_null(vocab_find_part(v, d1, sym(f, "z")));
    assert_str(vocab_find_part(v, d2, sym(f, "p0"))->title, "Q");
    assert_ptr_equal(vocab_find_part(v, d2, sym(f, "z"))->dim, d2);
    assert_null(vocab_find_part(v, d2, sym(f, "p1")));
    assert_str(vocab_find_part(v, d3, sym(f, "p3"))->title, "X");
    assert_str(vocab_find_part(v, d3, sym(f, "p5"))->title, "Y");
    assert_null(vocab_find_part(v, d3, sym(f, "p4")));
    assert_str(vocab_find_part(v, d3, sym(f, "w"))->title, "W");
}

TEST(a_standard_figure_gains_a_dimension)
{
    /* houses is broken down by year in the standard vocabulary; the report
     * adds level, after year */
    const Model *m = build_model(f, "figure houses { by level }\n"
                                    "houses 4 { district_level 1  commune_level 3 }\n"
                                    "gifts 5 { y2019 2  y2020 3 }\n");
    const FigureDecl *houses = vocab_figure(m->vocab, sym(f, "houses"));
    assert_int_equal(houses->ndims, 2);
    assert_string_equal(houses->dims[0]->name->text, "year");
    assert_string_equal(houses->dims[1]->name->text, "level");
    /* its title and type stay the library's */
    assert_str(houses->title, "Số nhà được hỗ trợ xây dựng");
    assert_int_equal(houses->type, TYPE_COUNT);
    derive(f);
    memset(&f->result, 0, sizeof f->result);
    assert_true(check_run(f->model, f->derived, &f->arena, &f->result));
    /* 1 + 3 = 4 */
    assert_check(find_check(f, CHECK_SUM, "houses = district_level + commune_level"), 4, 4, REL_EQ, RESULT_PASS);
    assert_non_null(figure_at(f, m->root, "houses.commune_level"));
    /* its old dimension still works on another figure's cells: 2 + 3 = 5 */
    assert_check(find_check(f, CHECK_SUM, "gifts = y2019 + y2020"), 5, 5, REL_EQ, RESULT_PASS);
}

/* A figure keeps where its name is written as a start and a length:
 * the longest name there can be (parse.h) is spanned whole. */
TEST(a_figure_spans_its_whole_name)
{
    char name[PARSE_MAX_NAME + 1];
    memset(name, 'r', PARSE_MAX_NAME);
    name[PARSE_MAX_NAME] = '\0';
    const Model *m = model_of(f, arena_printf(&f->arena, "figure %s \"T\"\n"
                                                          "commune \"A\" { households 3\n"
                                                          "  %s 7 }\n", name, name));
    assert_no_errors(f);
    const Node *a = node_first_child(m->root);
    const Figure *r = figure_at(f, a, name), *h = figure_at(f, a, "households");
    Span span = figure_span(r);
    assert_int_equal(span.end - span.start, PARSE_MAX_NAME);
    assert_int_equal(figure_value(r), 7);
    uint32_t line, col;
    source_position(model_figure_src(a, r), span.start, &line, &col);
    assert_int_equal(line, 3);
    assert_int_equal(col, 3);
    span = figure_span(h);
    assert_int_equal(span.end - span.start, strlen("households"));
    source_position(model_figure_src(a, h), span.start, &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 15);
}

TEST(a_percentage_figure)
{
    const Model *m = model_of(f, "figure poverty_rate \"Tỷ lệ hộ nghèo\" { type percentage }\n"
                                 "commune \"A\" { poverty_rate 3,2 % }\n"          /* 2 */
                                 "commune \"B\" { poverty_rate 3 }\n"              /* 3: the 3, col 28 */
                                 "commune \"C\" { poverty_rate 4 % { a 1 } }\n");  /* 4: the block, col 32 */
    const FigureDecl *pr = vocab_figure(m->vocab, sym(f, "poverty_rate"));
    assert_int_equal(pr->type, TYPE_PERCENTAGE);
    assert_string_equal(vocab_type_name(pr->type), "percentage");
    /* 3,2 %: 32 tenths */
    const Figure *a = figure_at(f, node_first_child(m->root), "poverty_rate");
    assert_true(a->known);
    assert_true(a->percent);
    assert_int_equal(figure_value(a), 32);
    assert_int_equal(a->decimals, 1);
    /* a plain number does not suit it (§5.1) */
    const Diagnostic *g = find_diag(&f->diag, DIAG_ERROR, "'poverty_rate' is a percentage figure");
    assert_non_null(g);
    assert_string_equal(g->message,
                        "'poverty_rate' is a percentage figure: write a percentage, such as 79,63%, not a number");
    uint32_t line, col;
    diag_line_col(g, &line, &col);
    /* "commune \"B\" { poverty_rate " is 27 columns */
    assert_int_equal(line, 3);
    assert_int_equal(col, 28);
    /* nor does a breakdown: percentages do not add up */
    g = find_diag(&f->diag, DIAG_ERROR, "percentages do not add up");
    assert_non_null(g);
    assert_string_equal(g->message, "'poverty_rate' is a percentage: percentages do not add up, so it has no breakdown");
    diag_line_col(g, &line, &col);
    /* "commune \"C\" { poverty_rate 4 % " is 31 columns */
    assert_int_equal(line, 4);
    assert_int_equal(col, 32);
    assert_int_equal(f->diag.errors, 2);
}

TEST(a_declaration_may_follow_its_first_use)
{
    /* declarations apply to the whole run, wherever they stand (§14):
     * the figure is used on line 1, declared on line 2, its dimension on 3 */
    run_checks(f, "commune \"A\" { harvest 30 { rice 20  maize 10 } }\n"
                  "figure harvest \"Sản lượng\" { by crop }\n"
                  "dimension crop \"Cây trồng\" { rice \"Lúa\"  maize \"Ngô\" }\n");
    assert_check(find_check(f, CHECK_SUM, "commune A: harvest = rice + maize"), 30, 30, REL_EQ, RESULT_PASS);
}

TEST(a_declaration_in_another_file_applies_to_every_file)
{
    /* test1.dlg uses what test2.dlg declares. (Not with support.h's
     * build_model_files(): it finishes the vocabulary before it declares
     * its files' declarations, so they are never read.) */
    const char *const files[] = { "commune \"A\" { harvest 30 { rice 20  maize 10 } }\n", CROP };
    const Model *m = model_files(f, files, 2);
    assert_no_errors(f);
    const Node *a = node_first_child(m->root);
    assert_int_equal(figure_value(figure_at(f, a, "harvest")), 30);
    assert_int_equal(figure_value(figure_at(f, a, "harvest.maize")), 10);
}

/* ---- mistakes (spec/messages.md §5a) --------------------------------------------------- */

TEST(unknown_dimension_with_a_hint)
{
    /* "stauts" is two edits from "status". Line 2:
     *   figure harvest "Sản lượng" { by stauts }
     * "figure " cols 1-7, "harvest " 8-15, "\"Sản lượng\"" 16-26 (9
     * characters and 2 quotes), " { by " 27-32: stauts at column 33 */
    assert_refused(f, "dimension crop \"Cây trồng\" { rice \"Lúa\" }\n"
                      "figure harvest \"Sản lượng\" { by stauts }\n",
                   "unknown dimension 'stauts'; did you mean 'status'?", 2, 33);
}

TEST(unknown_dimension_without_a_hint)
{
    /* no dimension is within two edits of "cultivar": column 33 as above */
    assert_refused(f, "\nfigure harvest \"Sản lượng\" { by cultivar }\n", "unknown dimension 'cultivar'", 2, 33);
}

TEST(unknown_kind_in_a_figure_with_a_hint)
{
    /* figure x "X" { in comune }: "figure x \"X\" { in " is 18 columns */
    assert_refused(f, "figure x \"X\" { in comune }\n", "unknown kind 'comune'; did you mean 'commune'?", 1, 19);
}

TEST(two_dimensions_of_a_figure_share_a_part)
{
    /* dialogue_kind and reception_kind both have `periodic` (the first
     * part of reception_kind that dialogue_kind has too); the error is at
     * the second `by`'s dimension: "figure x \"X\" { by " is 18 columns,
     * dialogue_kind 13 more (to 31), "  by " 5 more (to 36) */
    assert_refused(f, "figure x \"X\" { by dialogue_kind  by reception_kind }\n",
                   "dimensions 'dialogue_kind' and 'reception_kind' of figure 'x' share the part 'periodic': a "
                   "part must say which dimension it belongs to", 1, 37);
}

TEST(two_declared_dimensions_share_a_part)
{
    /* the report's own: crop and a second dimension both with `rice`;
     * line 3 "figure harvest \"Sản lượng\" { by " is 32 columns (above),
     * "crop  by " 9 more: food at column 42 */
    assert_refused(f, "dimension crop \"Cây trồng\" { rice \"Lúa\"  maize \"Ngô\" }\n"
                      "dimension food \"Lương thực\" { cassava \"Sắn\"  rice \"Gạo\" }\n"
                      "figure harvest \"Sản lượng\" { by crop  by food }\n",
                   "dimensions 'crop' and 'food' of figure 'harvest' share the part 'rice': a part must say which "
                   "dimension it belongs to", 3, 42);
}

TEST(unknown_type)
{
    /* "figure x \"X\" { type " is 20 columns */
    assert_refused(f, "figure x \"X\" { type integer }\n",
                   "unknown type 'integer': use count, money, percentage or days", 1, 21);
}

TEST(a_standard_figure_redeclared_with_another_type)
{
    /* invited is a count in <dlg>/std/figures.dlg; "figure invited { type "
     * is 22 columns */
    assert_refused(f, "figure invited { type money }\n",
                   "figure 'invited' is a count already (<dlg>/std/figures.dlg)", 1, 23);
}

TEST(a_kind_declared_twice)
{
    /* "unit_kind " is 10 columns: hamlet at column 11 of lines 1 and 2 */
    assert_refused(f, "unit_kind hamlet \"Xóm\" { level 5 }\n"
                      "unit_kind hamlet \"Xóm\" { level 5 }\n",
                   "kind 'hamlet' is declared twice", 2, 11);
    assert_diag(f, DIAG_NOTE, "first declared here", "test.dlg", 1, 11);
}

TEST(a_standard_kind_declared_again)
{
    /* session_kind dialogue is on line 21 of kinds.dlg, its name at
     * column 14 after "session_kind " */
    assert_refused(f, "session_kind dialogue \"Hội nghị\" { count dialogues }\n",
                   "kind 'dialogue' is declared twice", 1, 14);
    assert_diag(f, DIAG_NOTE, "first declared here", "<dlg>/std/kinds.dlg", 21, 14);
}

TEST(a_unit_kind_without_a_level)
{
    /* at the kind's name, column 11 */
    assert_refused(f, "unit_kind hamlet \"Xóm\" { count villages }\n",
                   "unit kind 'hamlet' needs its level: level N", 1, 11);
}

TEST(a_unit_kind_with_a_level_is_accepted)
{
    /* the same with its level: a kind below the village (level 4) */
    assert_true(declare(f, "unit_kind hamlet \"Xóm\" { level 5  count villages }\n"));
    assert_int_equal(f->diag.errors, 0);
    const Kind *k = vocab_kind(f->vocab, sym(f, "hamlet"));
    assert_non_null(k);
    assert_int_equal(k->level, 5);
    assert_false(k->session);
    assert_string_equal(k->count->name->text, "villages");
    assert_str(k->title, "Xóm");
}

TEST(a_part_without_a_title)
{
    /* line 2 "  maize 1": maize at column 3 */
    assert_refused(f, "dimension crop \"Cây trồng\" {\n  maize 1\n  rice \"Lúa\"\n}\n",
                   "a part of a dimension is NAME \"TITLE\": write the title of 'maize' in double quotes", 2, 3);
    /* the other part is declared all the same */
    const Dimension *crop = vocab_dimension(f->vocab, sym(f, "crop"));
    assert_non_null(crop);
    assert_int_equal(crop->nparts, 1);
    assert_string_equal(crop->parts[0]->name->text, "rice");
}

TEST(a_part_declared_twice)
{
    /* dimension d "D" { a "A"  a "B" }: "dimension d \"D\" { " is 18
     * columns, the first a at 19, then ` "A"  ` to 25: the second at 26 */
    assert_refused(f, "dimension d \"D\" { a \"A\"  a \"B\" }\n", "part 'a' is declared twice", 1, 26);
    assert_diag(f, DIAG_NOTE, "first declared here", "test.dlg", 1, 19);
}

TEST(a_figure_named_like_a_kind)
{
    /* "figure " is 7 columns: the name at column 8 */
    assert_refused(f, "figure dialogue \"Đối thoại\" { }\n",
                   "'dialogue' is a kind of unit or session: a figure needs a name of its own", 1, 8);
}

TEST(a_figure_named_like_a_kind_declared_after_it)
{
    /* the kind comes later in the file: the figure, written first, keeps
     * the name; "unit_kind " is 10 columns */
    assert_refused(f, "figure hamlet \"H\" { }\nunit_kind hamlet \"Xóm\" { level 5 }\n",
                   "'hamlet' is a figure: a kind needs a name of its own", 2, 11);
    assert_diag(f, DIAG_NOTE, "declared here", "test.dlg", 1, 8);
}

TEST(a_dimension_named_like_a_word_of_the_language)
{
    /* "dimension " is 10 columns */
    assert_refused(f, "dimension relation \"R\" { a \"A\" }\n",
                   "'relation' is a word of the language: a dimension needs a name of its own", 1, 11);
}

/* ---- a name stands for one thing (§14), whatever the order of the passes ----------- */

/* Dimensions are declared before kinds, yet the standard kind keeps its
 * name: "dimension " is 10 columns. */
TEST(a_dimension_named_like_a_kind)
{
    assert_refused(f, "dimension commune \"Xã\" { a \"A\" }\n",
                   "'commune' is a kind of unit or session: a dimension needs a name of its own", 1, 11);
    assert_diag(f, DIAG_NOTE, "declared here", "<dlg>/std/kinds.dlg", 0, 0);
}

/* "session_kind " is 13 columns: the kind's name at 14. */
TEST(a_kind_named_like_a_dimension)
{
    assert_refused(f, "dimension crop \"Cây trồng\" { rice \"Lúa\" }\n"
                      "session_kind crop \"Mùa vụ\" { }\n",
                   "'crop' is a dimension: a kind needs a name of its own", 2, 14);
    assert_diag(f, DIAG_NOTE, "declared here", "test.dlg", 1, 11);
}

/* The error stands at the report's line, not in the standard vocabulary. */
TEST(a_kind_named_like_a_standard_figure)
{
    assert_refused(f, "unit_kind invited \"X\" { level 5 }\n",
                   "'invited' is a figure: a kind needs a name of its own", 1, 11);
    assert_diag(f, DIAG_NOTE, "declared here", "<dlg>/std/figures.dlg", 0, 0);
}

/* A part added to a standard dimension that another dimension of the same
 * figure has: one error, at the report's part ("dimension topic \"T\" { " is
 * 22 columns), with the figure in a note, and no follow-on about the
 * figures the evaluator needs. */
TEST(a_part_added_to_a_standard_dimension_clashes_once)
{
    assert_refused(f, "dimension topic \"T\" { resolved \"x\" }\n",
                   "dimensions 'status' and 'topic' of figure 'opinions' share the part 'resolved': a part "
                   "must say which dimension it belongs to", 1, 23);
    assert_diag(f, DIAG_NOTE, "figure 'opinions' is broken down by both here", "<dlg>/std/figures.dlg", 0, 0);
    assert_int_equal(f->diag.errors, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(a_figure_is_read_when_taken),
        FIXTURE_TEST(a_report_declares_a_dimension_and_a_figure),
        FIXTURE_TEST(a_breakdown_by_a_declared_dimension_can_fail),
        FIXTURE_TEST(a_standard_dimension_gains_a_part),
        FIXTURE_TEST(parts_are_found_by_name_whatever_their_ids),
        FIXTURE_TEST(a_standard_figure_gains_a_dimension),
        FIXTURE_TEST(a_figure_spans_its_whole_name),
        FIXTURE_TEST(a_percentage_figure),
        FIXTURE_TEST(a_declaration_may_follow_its_first_use),
        FIXTURE_TEST(a_declaration_in_another_file_applies_to_every_file),
        FIXTURE_TEST(unknown_dimension_with_a_hint),
        FIXTURE_TEST(unknown_dimension_without_a_hint),
        FIXTURE_TEST(unknown_kind_in_a_figure_with_a_hint),
        FIXTURE_TEST(two_dimensions_of_a_figure_share_a_part),
        FIXTURE_TEST(two_declared_dimensions_share_a_part),
        FIXTURE_TEST(unknown_type),
        FIXTURE_TEST(a_standard_figure_redeclared_with_another_type),
        FIXTURE_TEST(a_kind_declared_twice),
        FIXTURE_TEST(a_standard_kind_declared_again),
        FIXTURE_TEST(a_unit_kind_without_a_level),
        FIXTURE_TEST(a_unit_kind_with_a_level_is_accepted),
        FIXTURE_TEST(a_part_without_a_title),
        FIXTURE_TEST(a_part_declared_twice),
        FIXTURE_TEST(a_figure_named_like_a_kind),
        FIXTURE_TEST(a_figure_named_like_a_kind_declared_after_it),
        FIXTURE_TEST(a_dimension_named_like_a_word_of_the_language),
        FIXTURE_TEST(a_dimension_named_like_a_kind),
        FIXTURE_TEST(a_kind_named_like_a_dimension),
        FIXTURE_TEST(a_kind_named_like_a_standard_figure),
        FIXTURE_TEST(a_part_added_to_a_standard_dimension_clashes_once),
    };
    return cmocka_run_group_tests_name("declarations", tests, NULL, NULL);
}
