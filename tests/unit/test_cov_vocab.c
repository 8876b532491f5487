/* test_cov_vocab.c - a report's own vocabulary (spec §14; interp/vocab.c)
 * where tests/unit/test_declarations.c does not go: the wrong forms of
 * each declaration (spec/messages.md §5a), the limits of a figure, and
 * relations whose sides name parts (§14.4).
 *
 * As a run does (run.c): the standard library declared first, then the
 * test's file "test.dlg", then vocab_finish(). Columns count characters
 * from 1 (spec §11). */
#include "support.h"

typedef struct Case {
    const char *name;
    const char *text;
    const char *message;
    uint32_t line, col;
} Case;

static const Case CASES[] = {
    /* ---- dimensions (§14.2) ---- */
    { "dimension_without_name", "dimension \"Năm\"", "write dimension NAME \"TITLE\" { PART \"TITLE\" ... }", 1, 11 },
    { "calendar_unit_a_string", "dimension d2 \"D\" { calendar \"year\" }",
      "write calendar UNIT: calendar year, half, quarter, month or week", 1, 29 },
    { "calendar_unit_unknown", "dimension d2 \"D\" { calendar decade }",
      "unknown calendar unit 'decade': use year, half, quarter, month or week", 1, 29 },
    { "calendar_after_parts", "dimension d2 \"D\" { a \"A\"  calendar year }",
      "dimension 'd2' has parts already: calendar parts cannot join them", 1, 27 },
    /* one dimension per unit of time (§14.2): `year` has the years */
    { "calendar_unit_taken", "dimension d2 \"D\" { calendar year }",
      "dimension 'year' has the calendar's years already", 1, 29 },
    { "named_part_after_numbered", "dimension d2 \"D\" { numbered r  a \"A\" }",
      "dimension 'd2' has numbered parts: it takes no named ones", 1, 32 },
    { "numbered_after_parts", "dimension d2 \"D\" { a \"A\"  numbered r }",
      "dimension 'd2' has parts already: numbered parts cannot join them", 1, 27 },
    { "numbered_a_string", "dimension d2 \"D\" { numbered \"r\" }",
      "write numbered PREFIX: numbered y gives the parts y2019, y2020, ...", 1, 29 },
    { "part_with_a_block", "dimension d2 \"D\" { a \"A\" { } }",
      "a part of a dimension is NAME \"TITLE\": write the title of 'a' in double quotes", 1, 20 },

    /* a standard calendar dimension declared again with other parts */
    { "year_declared_with_months", "dimension year \"Năm\" { calendar month }",
      "dimension 'year' has parts already: calendar parts cannot join them", 1, 24 },
    { "year_declared_numbered", "dimension year \"Năm\" { numbered y }",
      "dimension 'year' has parts already: numbered parts cannot join them", 1, 24 },
    { "year_declared_with_a_named_part", "dimension year \"Năm\" { a \"A\" }",
      "dimension 'year' has calendar parts: it takes no named ones", 1, 24 },
    { "dimension_with_a_binding", "dimension d2 \"D\" = 1", "write dimension NAME \"TITLE\" { PART \"TITLE\" ... }", 1,
      11 },
    { "figure_with_two_titles", "figure x2 \"X\" \"Y\" { }",
      "write figure NAME \"TITLE\" { type TYPE  by DIMENSION  in KIND }", 1, 8 },
    { "by_with_a_block", "figure x2 \"X\" { by status { } }",
      "write by DIMENSION, one item each: by status  by topic", 1, 20 },
    { "level_ten", "unit_kind hamlet \"Xóm\" { level 10 }", "a unit kind's level is a number from 1 (province) to 9",
      1, 32 },

    /* ---- figures (§14.3) ---- */
    { "figure_without_name", "figure \"X\"", "write figure NAME \"TITLE\" { type TYPE  by DIMENSION  in KIND }", 1, 8 },
    { "type_a_string", "figure x2 \"X\" { type \"count\" }",
      "write type count, type money, type percentage or type days", 1, 22 },
    { "by_a_string", "figure x2 \"X\" { by \"status\" }", "write by DIMENSION, one item each: by status  by topic", 1,
      20 },
    { "in_a_string", "figure x2 \"X\" { in \"report\" }", "write in KIND, one item each: in report  in district", 1,
      20 },
    { "in_no_kind", "figure x2 \"X\" { in hamlet }", "unknown kind 'hamlet'", 1, 20 },
    /* nine dimensions that share no part: the ninth is one too many */
    { "nine_dimensions",
      "figure x2 \"X\" { by level  by year  by authority  by status  by topic  by petition_type  by eligibility"
      "  by age  by sex }",
      "figure 'x2' has more than 8 dimensions", 1, 116 },
    /* `in district` seventeen times: the seventeenth place is one too many */
    { "seventeen_places",
      "figure x2 \"X\" {\n"
      "  in district  in district  in district  in district  in district  in district\n"
      "  in district  in district  in district  in district  in district  in district\n"
      "  in district  in district  in district  in district\n"
      "  in district\n"
      "}",
      "figure 'x2' names more than 16 places", 5, 6 },

    /* ---- kinds (§14.1) ---- */
    { "level_a_string", "unit_kind hamlet \"Xóm\" { level \"5\" }",
      "a unit kind's level is a number from 1 (province) to 9", 1, 32 },
    { "level_zero", "unit_kind hamlet \"Xóm\" { level 0 }", "a unit kind's level is a number from 1 (province) to 9",
      1, 32 },
    { "level_two_numbers", "unit_kind hamlet \"Xóm\" { level 5 6 }",
      "a unit kind's level is a number from 1 (province) to 9", 1, 32 },
    { "unit_kind_kinds", "unit_kind hamlet \"Xóm\" { level 5  kinds status }",
      "unknown part of a kind declaration 'kinds': use level or count", 1, 35 },
    { "session_kind_level", "session_kind hearing \"Phiên\" { level 3 }",
      "unknown part of a kind declaration 'level': use count, not_held, kinds or scopes", 1, 32 },
    { "session_kind_kinds_a_string", "session_kind hearing \"Phiên\" { kinds \"status\" }",
      "write kinds DIMENSION or scopes DIMENSION", 1, 38 },
    { "session_kind_not_held_a_string", "session_kind hearing \"Phiên\" { not_held \"x\" }",
      "write not_held FIGURE: the figure that counts those not held", 1, 41 },
    { "session_kind_count_misspelt", "session_kind hearing \"Phiên\" { count dialogus }",
      "unknown figure 'dialogus'; did you mean 'dialogues'?", 1, 38 },
    { "session_kind_without_name", "session_kind \"Phiên\" { }",
      "write session_kind NAME \"TITLE\" { count FIGURE  not_held FIGURE  kinds DIMENSION  scopes DIMENSION }", 1, 14 },

    /* ---- relations (§14.4) ---- */
    { "relation_with_a_block", "relation r \"R\" { }", "write relation ID \"TITLE\": FIGURE <= FIGURE", 1, 1 },
    { "relation_equal", "relation r \"R\": invited == attended", "write relation ID \"TITLE\": FIGURE <= FIGURE", 1,
      17 },
    { "relation_title_first", "relation \"R\": attended <= invited", "write relation ID \"TITLE\": FIGURE <= FIGURE", 1,
      15 },
    { "relation_part_of_no_dimension", "relation r \"R\": attended.pending <= invited",
      "'pending' is not a part of figure 'attended'", 1, 26 },
    { "relation_two_parts_of_one_dimension", "relation r \"R\": opinions.resolved.pending <= opinions",
      "'pending' is not a part of figure 'opinions'", 1, 35 },
    { "relation_unknown_figure", "relation r \"R\": atended <= invited",
      "unknown figure 'atended'; did you mean 'attended'?", 1, 17 },
};

enum { NCASES = sizeof CASES / sizeof *CASES };

static const Case *current;

static int case_setup(void **state)
{
    current = *state;
    return fixture_setup(state);
}

/* Declare the library and the case's text; vocab_finish() must refuse it
 * with the case's message at its place. */
static void run_case(void **state)
{
    Fixture *f = *state;
    const Case *c = current;
    declare_library(f);
    parse_text(f, c->text);
    assert_no_errors(f);
    vocab_declare(f->vocab, f->src, f->items);
    if (vocab_finish(f->vocab, &f->diag))
        fail_msg("%s: the declarations were accepted", c->name);
    const Diagnostic *g = NULL;
    for (const Diagnostic *d = f->diag.first; d && !g; d = d->next)
        if (d->severity == DIAG_ERROR && strcmp(d->message, c->message) == 0)
            g = d;
    if (!g) {
        list_diags(f);
        fail_msg("%s: no error \"%s\"", c->name, c->message);
    }
    uint32_t line, col;
    diag_line_col(g, &line, &col);
    if (line != c->line || col != c->col) {
        list_diags(f);
        fail_msg("%s: \"%s\" at %u:%u, expected %u:%u", c->name, c->message, line, col, c->line, c->col);
    }
    fixture_release(f);
}

/* ---- what is accepted ------------------------------------------------------------- */

TEST(a_dimension_named_again_keeps_one_entry)
{
    /* `by status` twice: one dimension (a figure declared again gains only
     * the dimensions it lacks, §14.3) */
    build_model(f, "figure x2 \"X\" { by status  by status }\n"
                   "x2 3 { resolved 2  pending 1 }\n");
    const FigureDecl *d = vocab_figure(f->vocab, sym(f, "x2"));
    assert_non_null(d);
    assert_int_equal(d->ndims, 1);
    assert_non_null(figure_at(f, f->model->root, "x2.pending"));
}

TEST(relations_between_parts)
{
    /* §14.4: `relation ID "TITLE": PATH <= PATH`, `>=` with the sides
     * exchanged, and without an identifier */
    run_checks(f, "relation settled \"Đã giải quyết\": opinions.resolved <= opinions.land\n"
                  "relation: invited >= people\n"
                  "opinions 10 {\n  resolved 6 { land 4  roads 2 }\n  pending 4 { land 1  roads 3 }\n} {\n"
                  "  land 5  roads 5\n}\n"
                  "invited 20\npeople 30\n");
    /* opinions.resolved 6 <= opinions.land 5 fails; people 30 <= invited 20 fails */
    assert_check(find_check(f, CHECK_BOUND, "opinions.resolved <= opinions.land"), 6, 5, REL_LE, RESULT_FAIL);
    assert_check(find_check(f, CHECK_BOUND, "people <= invited"), 30, 20, REL_LE, RESULT_FAIL);
    const Bound *b = f->vocab->bounds[f->vocab->nbounds - 1];
    assert_null(b->id);
    assert_string_equal(b->small->text, "people");
}

TEST(a_figure_declared_twice_gains_its_title)
{
    /* a figure declared again keeps its type and gains what it lacked
     * (§14.3): the title of the second declaration */
    build_model(f, "figure x3 { }\nfigure x3 \"Ba\" { type count }\nx3 5\n");
    const FigureDecl *d = vocab_figure(f->vocab, sym(f, "x3"));
    assert_non_null(d);
    assert_str(d->title, "Ba");
    assert_int_equal(d->type, TYPE_COUNT);
}

/* A cell's text is written on the stack when it fits (vocab.c,
 * CELL_ON_STACK), else in the heap: both ways make and find one symbol,
 * "NAME.PART", whatever its length. */
TEST(a_cell_longer_than_the_stack_buffer)
{
    Vocab *v = vocab_new(&f->arena, &f->syms);
    assert_non_null(v);
    for (size_t len = 10; len <= 9000; len += 4495) {
        char *name = arena_alloc(&f->arena, len + 1);
        memset(name, 'n', len);
        name[len] = '\0';
        Dimension dim = { .name = sym(f, "d") };
        const Dimension *dims[] = { &dim };
        FigureDecl fig = { .name = symtab_intern_cstr(&f->syms, name), .dims = dims, .ndims = 1 };
        Part part = { .name = sym(f, "p"), .dim = &dim };
        const Part *cell[VOCAB_MAX_DIMS] = { &part };
        assert_null(vocab_cell_find(v, &fig, cell));
        Symbol *made = vocab_cell(v, &fig, cell);
        assert_non_null(made);
        assert_int_equal(made->len, len + 2);
        assert_memory_equal(made->text, name, len);
        assert_string_equal(made->text + len, ".p");
        assert_ptr_equal(vocab_cell_find(v, &fig, cell), made);
        assert_ptr_equal(vocab_cell(v, &fig, cell), made);
        const Part *none[VOCAB_MAX_DIMS] = { NULL };
        assert_ptr_equal(vocab_cell(v, &fig, none), fig.name);     /* the whole */
    }
}

TEST(a_relation_without_a_title)
{
    /* relation ID: PATH >= PATH, no title: the sides exchanged (§14.4) */
    run_checks(f, "relation more: invited >= people\ninvited 3\npeople 4\n");
    assert_check(find_check(f, CHECK_BOUND, "people <= invited"), 4, 3, REL_LE, RESULT_FAIL);
    const Bound *b = f->vocab->bounds[f->vocab->nbounds - 1];
    assert_string_equal(b->id->text, "more");
    assert_null(b->title.ptr);
}

/* ---- known bugs: behaviour that contradicts the spec, run only when
 * DLG_KNOWN_BUGS is set (tests/COVERAGE.md) ------------------------------------------ */

/* spec §14.4: `relation [ID] ["TITLE"]: PATH <= PATH`; spec/messages.md §5a:
 * a declaration of the wrong form is `write relation ID "TITLE": FIGURE <=
 * FIGURE`. A side that is a number or a sum is no path: dlg drops the
 * relation without a word and the report passes unchecked. */
static void assert_relation_refused(Fixture *f, const char *text)
{
    declare_library(f);
    parse_text(f, text);
    assert_no_errors(f);
    vocab_declare(f->vocab, f->src, f->items);
    bool ok = vocab_finish(f->vocab, &f->diag);
    if (ok || !find_diag(&f->diag, DIAG_ERROR, "write relation ID \"TITLE\": FIGURE <= FIGURE"))
        fail_msg("\"%s\" was accepted (%u errors); expected: write relation ID \"TITLE\": FIGURE <= FIGURE",
                 text, f->diag.errors);
}

TEST(relation_of_a_number)
{
    assert_relation_refused(f, "relation r \"R\": 5 <= invited\n");
}

TEST(relation_of_a_sum)
{
    assert_relation_refused(f, "relation r \"R\": invited + 1 <= attended\n");
}

int main(void)
{
    struct CMUnitTest tests[NCASES + 7];
    for (unsigned i = 0; i < NCASES; i++)
        tests[i] = (struct CMUnitTest){ CASES[i].name, run_case, case_setup, fixture_teardown, (void *)&CASES[i] };
    tests[NCASES] = (struct CMUnitTest)FIXTURE_TEST(a_dimension_named_again_keeps_one_entry);
    tests[NCASES + 1] = (struct CMUnitTest)FIXTURE_TEST(relations_between_parts);
    tests[NCASES + 2] = (struct CMUnitTest)FIXTURE_TEST(a_figure_declared_twice_gains_its_title);
    tests[NCASES + 3] = (struct CMUnitTest)FIXTURE_TEST(a_relation_without_a_title);
    tests[NCASES + 4] = (struct CMUnitTest)FIXTURE_TEST(relation_of_a_number);
    tests[NCASES + 5] = (struct CMUnitTest)FIXTURE_TEST(relation_of_a_sum);
    tests[NCASES + 6] = (struct CMUnitTest)FIXTURE_TEST(a_cell_longer_than_the_stack_buffer);
    return _cmocka_run_group_tests("vocab", tests, NCASES + 7, NULL, NULL);
}
