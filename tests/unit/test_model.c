/* test_model.c - building the model (interp/model.c, spec §4, §5) and the
 * shared vocabulary (interp/vocab.c): what an item becomes in each context,
 * units merged by kind and name, node ids, figures and their breakdowns,
 * session attributes, opinions, documents, rules, indicators, selectors,
 * the report header, holidays, and the exact message and position of each
 * misuse. Every expected value is read off the input written in the test;
 * positions are counted by hand in the comments (lines and columns from 1,
 * columns in characters). */
#include "support.h"

/* How many breakdowns a figure has. */
static uint32_t breakdowns_of(const Figure *f)
{
    uint32_t n = 0;
    for (const Breakdown *bd = figure_breakdowns(f); bd; bd = bd->next)
        n++;
    return n;
}

/* ---- helpers ------------------------------------------------------------------------ */

/* The vocabulary alone. */
/* Does an entry count 1 into the cell of this path? */
static bool counts_in(const Cells *c, const char *path)
{
    for (uint32_t i = 0; c && i < c->ncells; i++)
        if (strcmp(c->cells[i]->text, path) == 0)
            return true;
    return false;
}

/* The standard vocabulary alone (no file of the test's own). */
static Vocab *vocab_of(Fixture *f)
{
    return load_vocab(f);
}

static void assert_date(Date d, int year, int month, int day, DatePrecision precision)
{
    assert_int_equal(d.precision, precision);
    assert_int_equal(d.year, year);
    assert_int_equal(d.month, month);
    assert_int_equal(d.day, day);
}

static unsigned figure_count(const Node *n)
{
    unsigned k = 0;
    for (const Figure *fig = n->figures; fig; fig = figure_next(fig))
        k++;
    return k;
}

/* The figure whose breakdown lists p, among w and its parts; NULL when
 * none does. */
static const Figure *whole_below(const Figure *w, const Figure *p)
{
    for (const Breakdown *bd = figure_breakdowns(w); bd; bd = bd->next)
        for (const Figure *q = bd->parts; q; q = figure_next(q)) {
            const Figure *found = q == p ? w : whole_below(q, p);
            if (found)
                return found;
        }
    return NULL;
}

/* The figure of unit n that p is a part of (a part keeps no pointer to
 * it: model.h); NULL when p is a whole. */
static const Figure *whole_of(const Node *n, const Figure *p)
{
    for (const Figure *w = n->figures; w; w = figure_next(w)) {
        const Figure *found = whole_below(w, p);
        if (found)
            return found;
    }
    return NULL;
}

/* ---- what an item becomes in each context (§4) --------------------------------------- */

TEST(figures_and_entries_in_file_unit_and_session)
{
    const Model *m = model_of(f, "invited 10\n"
                                 "commune \"A\" {\n"
                                 "  invited 5\n"
                                 "  dialogue 2020-05-01 {\n"
                                 "    invited 3\n"
                                 "    opinion \"Đường\" { status pending }\n"
                                 "    document plan \"1/KH\" ?\n"
                                 "  }\n"
                                 "  opinion \"Điện\" { status resolved }\n"
                                 "  document notice \"2/TB\" ?\n"
                                 "}\n");
    assert_no_errors(f);
    const Node *root = m->root;
    assert_string_equal(root->kind->name->text, "report");
    /* the file is the root unit: `invited 10` is its figure */
    assert_int_equal(figure_value(figure_at(f, root, "invited")), 10);
    assert_int_equal(figure_count(root), 1);
    const Node *a = child(root, "commune", "A");
    assert_ptr_equal(a->parent, root);
    assert_int_equal(figure_value(figure_at(f, a, "invited")), 5);
    assert_string_equal(model_figure_decl(m, figure_at(f, a, "invited"))->name->text, "invited");
    /* a session of the commune, with its own figure, opinion and document */
    const Node *d = child(a, "dialogue", NULL);
    assert_ptr_equal(d->parent, a);
    assert_int_equal(figure_value(figure_at(f, d, "invited")), 3);
    OpinionIter it;
    const Opinion *o = opinion_first(d, &it);
    assert_non_null(o);
    assert_string_equal(opinion_status(m, o)->name->text, "pending");
    assert_null(opinion_next(&it));
    assert_non_null(node_documents(d));
    assert_string_equal(node_documents(d)->kind->name->text, "plan");
    /* the commune's own entries stay in the commune */
    o = opinion_first(a, &it);
    assert_non_null(o);
    assert_string_equal(opinion_status(m, o)->name->text, "resolved");
    assert_null(opinion_next(&it));
    assert_string_equal(node_documents(a)->kind->name->text, "notice");
    assert_null(node_documents(a)->next);
    /* nothing was listed at the top level */
    assert_null(node_opinions(root));
    assert_null(node_documents(root));
}

TEST(names_of_other_contexts_are_figures_here)
{
    /* `note`, `severity` and `reported` mean something only in a rule or an
     * indicator; `status` and `topic` only in an opinion: elsewhere they
     * are figures when the vocabulary has such figures (the tests' own
     * declare them, §4). Inside a breakdown, `report` and `plan` are parts
     * of document_kind, whatever `report` means at the top level (§2.2). */
    const Model *m = model_of(f, "note 4\nseverity 2\nreported 1\n"
                                 "commune \"A\" { status 3  topic 6 }\n"
                                 "documents 3 { plan 1  report 1  decision 1 }\n");
    assert_no_errors(f);
    assert_int_equal(figure_value(figure_at(f, m->root, "note")), 4);
    assert_int_equal(figure_value(figure_at(f, m->root, "severity")), 2);
    assert_int_equal(figure_value(figure_at(f, m->root, "reported")), 1);
    const Node *a = child(m->root, "commune", "A");
    assert_int_equal(figure_value(figure_at(f, a, "status")), 3);
    assert_int_equal(figure_value(figure_at(f, a, "topic")), 6);
    const Figure *docs = figure_at(f, m->root, "documents");
    assert_int_equal(figure_breakdowns(docs)->nparts, 3);
    assert_ptr_equal(whole_of(m->root, figure_at(f, m->root, "documents.report")), docs);
    assert_ptr_equal(whole_of(m->root, figure_at(f, m->root, "documents.decision")), docs);
    assert_int_equal(figure_value(figure_at(f, m->root, "documents.plan")), 1);
    /* the header took nothing: `report` in a breakdown is no title */
    assert_false(m->header.present);
    assert_null(m->rules);
}

TEST(a_figure_where_it_does_not_belong)
{
    /* a figure's name in an opinion, the report header, a rule and an
     * indicator is an error naming that context */
    model_of(f, "opinion \"x\" { invited 3 }\n"               /* 1: col 15 */
                "report \"T\" { invited 3 }\n"                 /* 2: col 14 */
                "rule r { invited 3  require: invited > 1 }\n" /* 3: col 10 */
                "indicator i = invited { invited 3 }\n");      /* 4: col 25 */
    assert_diag_at(f, DIAG_ERROR, "unknown attribute 'invited' of an opinion: use topic, status, satisfied or received",
                   1, 15);
    assert_diag_at(f, DIAG_ERROR,
                   "'invited' does not belong in the report header: use issuer, reference, date, place or period", 2, 14);
    assert_diag_at(f, DIAG_ERROR, "unknown part of a rule 'invited': use severity, source, code, unverified, each, where:, require: or "
                   "schedule",
                   3, 10);
    assert_diag_at(f, DIAG_ERROR, "unknown part of an indicator 'invited': use reported, per or note", 4, 25);
    assert_int_equal(f->diag.errors, 4);
    /* none of them became a figure of the report */
    assert_null(f->model->root->figures);
}

TEST(date_and_place_depend_on_the_context)
{
    const Model *m = model_of(f, "date 2021-01-15\nplace \"Tuần Giáo\"\n"
                                 "dialogue 2020-05-01 { date 2020-05-02  place \"Nhà văn hoá\" }\n");
    assert_no_errors(f);
    /* at the top level: the report header's (§4.1) */
    assert_true(m->header.present);
    assert_date(m->header.date, 2021, 1, 15, DATE_DAY);
    assert_str(m->header.place, "Tuần Giáo");
    /* in a session: the session's (its place is checked, not kept: §4.3);
     * `date` replaces the date of the head */
    const Node *d = child(m->root, "dialogue", NULL);
    assert_date(node_session(d)->date, 2020, 5, 2, DATE_DAY);
    assert_null(m->root->figures);
}

/* ---- units: merging, counts, ids (§4.2) ------------------------------------------------ */

TEST(units_with_the_same_kind_and_name_merge)
{
    /* two files: a unit is merged across files (spec §10) */
    const char *const files[] = { "commune \"A\" { invited 5 }\nward \"A\" { invited 7 }\n",
                                  "commune \"A\" { attended 3 }\n" };
    const Model *m = build_model_files(f, files, 2, false);
    const Node *root = m->root;
    /* two `commune "A"` blocks are one node; `ward "A"` is another kind */
    assert_int_equal(child_count(root), 2);
    assert_int_equal(node_nunits(root), 2);                         /* a commune and a ward */
    const Node *a = child(root, "commune", "A");
    /* its figures in declaration order across both blocks */
    assert_string_equal(figure_path(&f->syms, a->figures)->text, "invited");
    assert_string_equal(figure_path(&f->syms, figure_next(a->figures))->text, "attended");
    assert_null(figure_next(figure_next(a->figures)));
    /* the node points at its first declaration: the "A" of test1.dlg,
     * line 1, column 9 */
    uint32_t line, col;
    assert_string_equal(node_src(a)->name, "test1.dlg");
    source_position(node_src(a), a->start, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 9);
    const Node *w = child(root, "ward", "A");
    assert_ptr_not_equal(w, a);
    assert_int_equal(figure_value(figure_at(f, w, "invited")), 7);
    /* root, commune A, ward A */
    assert_int_equal(m->nnodes, 3);
}

TEST(node_ids_follow_creation_order)
{
    const char *const files[] = { "district \"D\" {\n"             /* id 1 */
                                  "  commune \"A\" {\n"             /* id 2 */
                                  "    dialogue 2020-01-10 { }\n"   /* id 3 */
                                  "  }\n"
                                  "  commune \"B\" { }\n"           /* id 4 */
                                  "}\n",
                                  "district \"D\" {\n"              /* merged into 1 */
                                  "  commune \"A\" { village \"V\" { } }\n" /* A merged; V id 5 */
                                  "  dialogue ? { }\n"              /* id 6: sessions never merge */
                                  "  dialogue ? { }\n"              /* id 7 */
                                  "}\n"
                                  "commune \"A\" { }\n" };          /* id 8: another parent */
    const Model *m = build_model_files(f, files, 2, false);
    const Node *root = m->root;
    assert_int_equal(root->id, 0);
    const Node *d = child(root, "district", "D");
    const Node *a = child(d, "commune", "A");
    const Node *b = child(d, "commune", "B");
    assert_int_equal(d->id, 1);
    assert_int_equal(a->id, 2);
    assert_int_equal(child(a, "dialogue", NULL)->id, 3);
    assert_int_equal(b->id, 4);
    assert_int_equal(child(a, "village", "V")->id, 5);
    /* D's children in order of creation: A, B, then the two dialogues */
    assert_ptr_equal(node_first_child(d), a);
    assert_ptr_equal(a->next_sibling, b);
    assert_string_equal(b->next_sibling->kind->name->text, "dialogue");
    assert_int_equal(b->next_sibling->id, 6);
    assert_int_equal(b->next_sibling->next_sibling->id, 7);
    assert_null(b->next_sibling->next_sibling->next_sibling);
    assert_ptr_equal(node_more(d)->last_child, b->next_sibling->next_sibling);
    const Node *top_a = child(root, "commune", "A");
    assert_ptr_not_equal(top_a, a);
    assert_int_equal(top_a->id, 8);
    /* root + 8 nodes */
    assert_int_equal(m->nnodes, 9);
    /* units counted, sessions not: D has communes A and B; A has village V;
     * the root has district D and commune A */
    assert_int_equal(node_nunits(d), 2);
    assert_int_equal(node_nunits(a), 1);
    assert_int_equal(node_nunits(b), 0);
    assert_int_equal(node_nunits(root), 2);
}

TEST(same_name_under_different_parents_is_two_units)
{
    const Model *m = model_of(f, "district \"D1\" { commune \"A\" { invited 1 } }\n"
                                 "district \"D2\" { commune \"A\" { invited 2 } }\n");
    assert_no_errors(f);
    const Node *a1 = child(child(m->root, "district", "D1"), "commune", "A");
    const Node *a2 = child(child(m->root, "district", "D2"), "commune", "A");
    assert_ptr_not_equal(a1, a2);
    assert_int_equal(figure_value(figure_at(f, a1, "invited")), 1);
    assert_int_equal(figure_value(figure_at(f, a2, "invited")), 2);
    /* root, D1, A, D2, A */
    assert_int_equal(m->nnodes, 5);
}

/* ---- figures and breakdowns (§5.1, §5.2) ------------------------------------------------- */

TEST(figures_with_breakdowns)
{
    const Model *m = model_of(f, "opinions 358 \"ý kiến\" { resolved 357  pending 1 }\n"
                                 "petitions 42 {\n"
                                 "  complaint 3  denunciation 7  proposal 32\n"
                                 "} {\n"
                                 "  eligible 34 { complaint 2  denunciation 2  proposal 30 }\n"
                                 "  ineligible 8 { complaint 1  denunciation 5  proposal 2 }\n"
                                 "}\n"
                                 "people 100 { men 40 ... }\n"
                                 "sessions { a 1  b 2 }\n");
    assert_no_errors(f);
    const Node *root = m->root;
    const Figure *op = figure_at(f, root, "opinions");
    assert_ptr_equal(figure_path(&f->syms, op), figure_leaf(f->model, op));
    assert_null(whole_of(root, op));
    assert_string_equal(model_figure_decl(m, op)->name->text, "opinions");
    assert_true(op->known);
    assert_int_equal(figure_value(op), 358);
    assert_int_equal(op->approx, APPROX_NONE);
    assert_int_equal(breakdowns_of(op), 1);
    assert_int_equal(figure_breakdowns(op)->nparts, 2);
    assert_false(figure_breakdowns(op)->partial);
    /* parts: path "opinions.resolved", leaf "resolved", in order */
    const Figure *res = figure_breakdowns(op)->parts;
    assert_string_equal(figure_path(&f->syms, res)->text, "opinions.resolved");
    assert_string_equal(figure_leaf(f->model, res)->text, "resolved");
    assert_ptr_equal(whole_of(root, res), op);
    assert_ptr_equal(model_figure_decl(m, res), model_figure_decl(m, op));       /* a cell of the same figure */
    assert_int_equal(figure_value(res), 357);
    assert_ptr_equal(figure_at(f, root, "opinions.resolved"), res);
    assert_string_equal(figure_path(&f->syms, figure_next(res))->text, "opinions.pending");
    assert_null(figure_next(figure_next(res)));
    /* two breakdowns: 3 parts, then 2 rows of 3 cells each */
    const Figure *pet = figure_at(f, root, "petitions");
    assert_int_equal(breakdowns_of(pet), 2);
    assert_int_equal(figure_breakdowns(pet)->nparts, 3);
    assert_int_equal(figure_breakdowns(pet)->next->nparts, 2);
    assert_null(figure_breakdowns(pet)->next->next);
    const Figure *eligible = figure_at(f, root, "petitions.eligible");
    assert_ptr_equal(whole_of(root, eligible), pet);
    /* a part with a breakdown of its own: a part (Figure.part, .axis) with
     * a FigureMore */
    assert_string_equal(figure_part(f->model, eligible)->name->text, "eligible");
    assert_null(figure_part(f->model, pet));
    assert_int_equal(breakdowns_of(eligible), 1);
    /* a cell's path is canonical: petition_type before eligibility, as
     * lib/std/figures.dlg orders the dimensions of petitions */
    const Figure *cell = figure_at(f, root, "petitions.complaint.eligible");
    assert_ptr_equal(whole_of(root, cell), eligible);
    assert_string_equal(figure_leaf(f->model, cell)->text, "complaint");
    assert_string_equal(model_figure_decl(m, cell)->name->text, "petitions");     /* two levels down */
    assert_int_equal(figure_value(cell), 2);
    assert_int_equal(figure_value(figure_at(f, root, "petitions.complaint")), 3);
    /* `...`: partial */
    const Figure *people = figure_at(f, root, "people");
    assert_true(figure_breakdowns(people)->partial);
    assert_int_equal(figure_breakdowns(people)->nparts, 1);
    /* no value before the breakdown: unknown, derived from it */
    const Figure *sessions = figure_at(f, root, "sessions");
    assert_false(sessions->known);
    assert_int_equal(figure_breakdowns(sessions)->nparts, 2);
    /* the node's list holds wholes only: opinions, petitions, people, sessions */
    assert_int_equal(figure_count(root), 4);
    assert_ptr_equal(root->figures, op);
    assert_null(figure_next(sessions));       /* the last */
}

/* The same table in two units: the second's parts are found as the
 * first's were (model.c's PartMemo), each a part of its own unit's whole. */
TEST(parts_met_again)
{
    const char *table = "  petitions 5 { complaint 2  proposal 3 } {\n"
                        "    eligible 4 { complaint 1  proposal 3 }\n"
                        "    ineligible 1 { complaint 1  proposal 0 }\n"
                        "  }\n";
    const Model *m = model_of(f, arena_printf(&f->arena, "commune \"A\" {\n%s}\ncommune \"B\" {\n%s}\n", table, table));
    assert_no_errors(f);
    const Node *a = child(m->root, "commune", "A"), *b = child(m->root, "commune", "B");
    const char *cells[] = { "petitions.complaint", "petitions.eligible", "petitions.complaint.eligible",
                            "petitions.proposal.ineligible" };
    for (size_t i = 0; i < sizeof cells / sizeof *cells; i++) {
        const Figure *in_a = figure_at(f, a, cells[i]), *in_b = figure_at(f, b, cells[i]);
        assert_ptr_not_equal(in_a, in_b);
        assert_int_equal(in_a->path_id, in_b->path_id);
        assert_ptr_equal(figure_part(f->model, in_a), figure_part(f->model, in_b));
        /* each a part of its own unit's whole */
        assert_ptr_equal(whole_of(b, in_b), figure_at(f, b, figure_path(&f->syms, whole_of(a, in_a))->text));
    }
    assert_int_equal(figure_value(figure_at(f, b, "petitions.complaint.eligible")), 1);
    assert_int_equal(figure_value(figure_at(f, b, "petitions.proposal.ineligible")), 0);
    assert_int_equal(figure_breakdowns(figure_at(f, b, "petitions.eligible"))->nparts, 2);
}

TEST(values_of_figures)
{
    const Model *m = model_of(f, "budget 48_686_352đ\n"
                                 "households about 300\n"
                                 "visitors over 500\n"
                                 "letters nearly 20\n"
                                 "calls ~ 12\n"
                                 "meetings ?\n"
                                 "fund about 800.000.000 đồng\n"
                                 "debt -3\n");
    assert_no_errors(f);
    const Node *root = m->root;
    Quantity q = figure_declared(figure_at(f, root, "budget"));
    assert_true(q.known && q.money);
    assert_int_equal(q.value, 48686352);
    assert_int_equal(q.approx, APPROX_NONE);
    q = figure_declared(figure_at(f, root, "households"));
    assert_true(q.known);
    assert_false(q.money);
    assert_int_equal(q.approx, APPROX_ABOUT);
    assert_int_equal(q.value, 300);
    q = figure_declared(figure_at(f, root, "visitors"));
    assert_int_equal(q.approx, APPROX_OVER);
    assert_int_equal(q.value, 500);
    q = figure_declared(figure_at(f, root, "letters"));
    assert_int_equal(q.approx, APPROX_NEARLY);
    assert_int_equal(q.value, 20);
    q = figure_declared(figure_at(f, root, "calls"));
    assert_int_equal(q.approx, APPROX_ABOUT);
    assert_int_equal(q.value, 12);
    q = figure_declared(figure_at(f, root, "meetings"));
    assert_false(q.known);
    /* about 800.000.000 đồng: 800 million, money, approximate */
    q = figure_declared(figure_at(f, root, "fund"));
    assert_true(q.known && q.money);
    assert_int_equal(q.approx, APPROX_ABOUT);
    assert_int_equal(q.value, 800000000);
    /* a negative count is kept, to be reported as a finding (§6.6) */
    assert_int_equal(figure_value(figure_at(f, root, "debt")), -3);
}

/* A value beyond 32 bits follows its figure (Figure.wide), after its
 * FigureMore when it has one: each is read back whole, and what lies
 * nearer the figure (its breakdown) is still found. 12 billion đồng is
 * 12_000_000_000 > 2^31 - 1 = 2_147_483_647; 2_147_483_647 itself fits;
 * -2_147_483_649 is one below the smallest that fits. */
TEST(a_value_beyond_32_bits_is_kept_whole)
{
    const Model *m = model_of(f, "budget 12_000_000_000đ { wages 9_000_000_000đ  other 3_000_000_000đ }\n"
                                 "fund 2_147_483_647đ\n"
                                 "debt -2_147_483_649\n"
                                 "commune \"A\" { budget 2_147_483_648đ { wages 1đ  other 2_147_483_647đ } }\n");
    assert_no_errors(f);
    const Figure *budget = figure_at(f, m->root, "budget");
    assert_true(budget->wide && budget->more);
    assert_true(budget->known && budget->money);
    assert_int_equal(figure_value(budget), 12000000000);
    assert_int_equal(figure_declared(budget).value, 12000000000);
    const Breakdown *bd = figure_breakdowns(budget);
    assert_non_null(bd);
    assert_int_equal(bd->nparts, 2);
    assert_true(bd->parts->wide && !bd->parts->more);
    assert_int_equal(figure_value(bd->parts), 9000000000);
    assert_ptr_equal(whole_of(m->root, bd->parts), budget);
    assert_int_equal(figure_value(figure_next(bd->parts)), 3000000000);
    const Figure *fund = figure_at(f, m->root, "fund");
    assert_false(fund->wide);
    assert_int_equal(figure_value(fund), 2147483647);
    const Figure *debt = figure_at(f, m->root, "debt");
    assert_true(debt->wide && !debt->more);
    assert_int_equal(figure_value(debt), -2147483649);
    const Figure *in_a = figure_at(f, child(m->root, "commune", "A"), "budget");
    assert_true(in_a->wide);
    assert_int_equal(figure_value(in_a), 2147483648);
    assert_int_equal(figure_breakdowns(in_a)->nparts, 2);
    assert_int_equal(figure_value(figure_at(f, child(m->root, "commune", "A"), "budget.other")), 2147483647);
}

/* Figures made one after the other lie one after the other: only the
 * last of such a run keeps the address of the next (model.h). A figure
 * with a breakdown ends its run, its parts being made after it; the
 * whole after it is found by that address. In B, whose table's cells A
 * made, the parts are made in a row too. */
TEST(figures_in_a_row_need_no_link)
{
    const char *commune = "  invited 40  attended 30  voters 500\n"
                          "  petitions 5 { complaint 2  denunciation 3 }\n"
                          "  cases 7\n";
    const Model *m = model_of(f, arena_printf(&f->arena, "commune \"A\" {\n%s}\ncommune \"B\" {\n%s}\n",
                                              commune, commune));
    assert_no_errors(f);
    for (int k = 0; k < 2; k++) {
        const Node *n = child(m->root, "commune", k ? "B" : "A");
        const Figure *invited = n->figures, *attended = figure_next(invited), *voters = figure_next(attended);
        assert_string_equal(figure_path(&f->syms, voters)->text, "voters");
        assert_ptr_equal(attended, invited + 1);
        assert_ptr_equal(voters, attended + 1);
        assert_false(invited->linked || attended->linked);
        const Figure *petitions = figure_next(voters);
        assert_ptr_equal(petitions, voters + 1);
        assert_true(petitions->more && petitions->linked);
        const Figure *cases = figure_next(petitions);
        assert_string_equal(figure_path(&f->syms, cases)->text, "cases");
        assert_int_equal(figure_value(cases), 7);
        assert_true(cases->linked);
        assert_null(figure_next(cases));
        assert_int_equal(figure_count(n), 5);
        const Figure *complaint = figure_breakdowns(petitions)->parts, *denunciation = figure_next(complaint);
        assert_int_equal(figure_value(complaint), 2);
        assert_int_equal(figure_value(denunciation), 3);
        assert_null(figure_next(denunciation));
        if (k == 1) {
            assert_false(complaint->linked);
            assert_ptr_equal(denunciation, complaint + 1);
        }
    }
}

TEST(a_figure_declared_twice)
{
    model_of(f, "invited 10\n"                              /* 1 */
                "commune \"A\" { invited 4 }\n"             /* another node: fine */
                "invited 12\n"                              /* 3: col 1 */
                "opinions 3 { resolved 1  resolved 2 }\n"); /* 4: cols 14 and 26 */
    assert_int_equal(f->diag.errors, 2);
    const Diagnostic *g = assert_diag_at(f, DIAG_ERROR, "'invited' is declared twice in the report", 3, 1);
    /* the note right after it points at the first declaration */
    assert_non_null(g->next);
    assert_int_equal(g->next->severity, DIAG_NOTE);
    assert_string_equal(g->next->message, "first declared here");
    uint32_t line, col;
    diag_line_col(g->next, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 1);
    g = assert_diag_at(f, DIAG_ERROR, "'opinions.resolved' is declared twice in the report", 4, 26);
    assert_non_null(g->next);
    assert_int_equal(g->next->severity, DIAG_NOTE);
    diag_line_col(g->next, &line, &col);
    assert_int_equal(line, 4);
    assert_int_equal(col, 14);
    /* the first declaration is kept */
    assert_int_equal(figure_value(figure_at(f, f->model->root, "invited")), 10);
    assert_int_equal(figure_value(figure_at(f, f->model->root, "opinions.resolved")), 1);
    assert_int_equal(figure_breakdowns(figure_at(f, f->model->root, "opinions"))->nparts, 1);
}

/* A unit's figures are indexed in an array sorted by path while they come
 * in the vocabulary's order, and by a hash map once an insertion would
 * move more than a few (model.c, FigureIndex): both ways find every figure
 * and every figure declared twice. */
TEST(figures_found_in_any_order)
{
    enum { N = 100 };
    char *text = malloc(N * 64 + 256);
    assert_non_null(text);
    size_t len = 0;
    for (int i = 0; i < N; i++)                                     /* lines 1-100 */
        len += (size_t)sprintf(text + len, "figure f%d \"F\" { }\n", i);
    len += (size_t)sprintf(text + len, "commune \"A\" {\n");        /* 101 */
    for (int i = N - 1; i >= 0; i--)                                /* 102-201: f99 ... f0 */
        len += (size_t)sprintf(text + len, "  f%d %d\n", i, i);
    len += (size_t)sprintf(text + len, "  f50 7\n}\n");               /* 202, 203 */
    len += (size_t)sprintf(text + len, "commune \"B\" {\n");        /* 204 */
    for (int i = 0; i < N; i++)                                     /* 205-304: f0 ... f99 */
        len += (size_t)sprintf(text + len, "  f%d %d\n", i, i);
    sprintf(text + len, "  f3 1\n}\n");                              /* 305, 306 */
    model_of(f, text);
    free(text);
    assert_int_equal(f->diag.errors, 2);
    const Node *a = child(f->model->root, "commune", "A"), *b = child(f->model->root, "commune", "B");
    /* A's figures came last first: its index gave the order up */
    assert_non_null(node_figure_index(a)->map);
    assert_null(node_figure_index(b)->map);
    char name[16];
    for (int i = 0; i < N; i++) {
        sprintf(name, "f%d", i);
        assert_int_equal(figure_value(figure_at(f, a, name)), i);
        assert_int_equal(figure_value(figure_at(f, b, name)), i);
    }
    /* each unit's list is in the order written, before its index was made
     * and after (the index keeps its end): f99 ... f0 in A, f0 ... f99 in B */
    const Figure *fa = a->figures, *fb = b->figures;
    for (int i = 0; i < N; i++, fa = figure_next(fa), fb = figure_next(fb)) {
        assert_non_null(fa);
        assert_non_null(fb);
        assert_int_equal(figure_value(fa), N - 1 - i);
        assert_int_equal(figure_value(fb), i);
    }
    assert_null(fa);
    assert_null(fb);
    uint32_t line, col;
    const Diagnostic *g = assert_diag_at(f, DIAG_ERROR, "'f50' is declared twice in commune A", 202, 3);
    diag_line_col(g->next, &line, &col);
    assert_int_equal(line, 151);                                    /* 102 + (99 - 50) */
    assert_int_equal(col, 3);
    g = assert_diag_at(f, DIAG_ERROR, "'f3' is declared twice in commune B", 305, 3);
    diag_line_col(g->next, &line, &col);
    assert_int_equal(line, 208);                                    /* 205 + 3 */
    assert_int_equal(col, 3);
    /* a path given nowhere, and one declared but not given */
    Symbol *none = symtab_intern_cstr(&f->syms, "nowhere");
    assert_null(model_figure(a, none));
    assert_null(model_figure(b, none));
}

/* A unit of MODEL_FIGURES_SCANNED figures or fewer has no index: it is
 * searched, wholes and their breakdowns. The 17th figure makes the index,
 * from every figure before it: both ways find every figure and every
 * figure declared twice, a table's cell reached by its other way too. */
TEST(figures_searched_then_indexed)
{
    model_of(f, "figure f0 \"F\" { }\nfigure f1 \"F\" { }\nfigure f2 \"F\" { }\n"      /* 1-3 */
                "figure f3 \"F\" { }\nfigure f4 \"F\" { }\n"                           /* 4, 5 */
                "commune \"A\" {\n"                                                   /* 6 */
                "  f0 0  f1 1  f2 2  f3 3  f4 4\n"                                      /* 5 figures */
                "  petitions 44 { complaint 20  denunciation 13  proposal 11 } {\n"     /* 9 */
                "    eligible 36 { complaint 14  denunciation 12  proposal 10 }\n"      /* 13 */
                "    ineligible 8 { complaint 6  denunciation 1  proposal 1 }\n"        /* 17: indexed */
                "  } { complaint 20 }\n"                                                /* 11: twice */
                "}\n"
                "commune \"B\" {\n"                                                   /* 13 */
                "  petitions 10 { eligible 6 { complaint 6 } ineligible 4 { complaint 4 } }"
                " { complaint 10 { eligible 6 } }\n"                                    /* 14 */
                "}\n");
    assert_int_equal(f->diag.errors, 2);
    const Node *a = child(f->model->root, "commune", "A"), *b = child(f->model->root, "commune", "B");
    assert_non_null(node_figure_index(a));
    assert_int_equal(node_figure_index(a)->n, 17);
    assert_null(node_figure_index(b));
    /* A: every figure, those indexed when the index was made and after */
    assert_int_equal(figure_value(figure_at(f, a, "f0")), 0);
    assert_int_equal(figure_value(figure_at(f, a, "f4")), 4);
    assert_int_equal(figure_value(figure_at(f, a, "petitions")), 44);
    assert_int_equal(figure_value(figure_at(f, a, "petitions.proposal")), 11);
    assert_int_equal(figure_value(figure_at(f, a, "petitions.denunciation.eligible")), 12);
    assert_int_equal(figure_value(figure_at(f, a, "petitions.complaint.ineligible")), 6);
    assert_int_equal(figure_value(figure_at(f, a, "petitions.proposal.ineligible")), 1);
    assert_diag_at(f, DIAG_ERROR, "'petitions.complaint' is declared twice in commune A", 11, 7);
    /* B: searched; its cell (eligible, complaint) is given twice, the
     * second time by type first: the first is kept */
    assert_int_equal(figure_value(figure_at(f, b, "petitions.complaint.ineligible")), 4);
    assert_int_equal(figure_value(figure_at(f, b, "petitions.complaint")), 10);
    const Diagnostic *g =
        assert_diag_at(f, DIAG_ERROR, "'petitions.complaint.eligible' is declared twice in commune B", 14, 93);
    uint32_t line, col;
    diag_line_col(g->next, &line, &col);
    assert_int_equal(line, 14);
    assert_int_equal(col, 31);
    /* paths it has not: a part of another figure, one of the vocabulary */
    assert_null(model_figure(b, symtab_intern_cstr(&f->syms, "petitions.proposal.eligible")));
    assert_null(model_figure(b, symtab_intern_cstr(&f->syms, "f0")));
    assert_null(model_figure(a, symtab_intern_cstr(&f->syms, "nowhere")));
}

/* A session's index lies in its SessionMore, made with it: a dialogue
 * with 19 figures, its opinions by status and by topic. */
TEST(a_session_indexed)
{
    model_of(f, "commune \"A\" {\n"
                "  dialogue 2024-03-01 \"Hội nghị\" {\n"
                "    invited 10  attended 9\n"
                "    opinions 16 { resolved 9  pending 7 } {\n"
                "      land 1  compensation 1  roads 1  irrigation 1  water 1  electricity 1\n"
                "      health_insurance 1  poor_households 1  social_security 1  agriculture 1\n"
                "      culture_house 1  clinic 1  economy 1  culture 1  society 1  other 1\n"
                "    }\n"
                "  }\n"
                "}\n");
    assert_no_errors(f);
    const Node *d = node_first_child(child(f->model->root, "commune", "A"));
    assert_true(d->kind->session);
    assert_non_null(node_figure_index(d));
    assert_int_equal(node_figure_index(d)->n, 21);
    assert_non_null(node_session(d)->more);
    assert_int_equal(figure_value(figure_at(f, d, "invited")), 10);
    assert_int_equal(figure_value(figure_at(f, d, "opinions.pending")), 7);
    assert_int_equal(figure_value(figure_at(f, d, "opinions.other")), 1);
    assert_null(model_figure(d, symtab_find(&f->syms, "households", 10)));
}

TEST(a_figure_declared_twice_across_merged_blocks)
{
    const char *const files[] = { "commune \"A\" { invited 1 }\n",
                                  "\ncommune \"A\" { invited 2 }\n" };   /* test2.dlg line 2, column 15 */
    build_model_files(f, files, 2, true);
    assert_int_equal(f->diag.errors, 1);
    const Diagnostic *g = assert_diag_at(f, DIAG_ERROR, "'invited' is declared twice in commune A", 2, 15);
    uint32_t line, col;
    diag_line_col(g->next, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 15);
}

TEST(figures_have_canonical_paths)
{
    /* petitions by level (dimension 0), petition_type (2) and eligibility
     * (3): the cell of the district level, eligible, complaints is one
     * path however its breakdowns nest */
    const Model *m = model_of(f, "petitions 42 {\n"
                                 "  district_level 42 { eligible 34 { complaint 2 ... } ... }\n"
                                 "}\n");
    assert_no_errors(f);
    const Figure *w = m->root->figures;
    assert_string_equal(figure_path(&f->syms, w)->text, "petitions");
    const Figure *lv = figure_breakdowns(w)->parts;
    assert_string_equal(figure_path(&f->syms, lv)->text, "petitions.district_level");
    assert_string_equal(breakdown_dim(m, figure_breakdowns(lv))->name->text, "eligibility");
    const Figure *cell = figure_breakdowns(figure_breakdowns(lv)->parts)->parts;
    assert_string_equal(figure_leaf(f->model, cell)->text, "complaint");
    assert_string_equal(figure_path(&f->syms, cell)->text, "petitions.district_level.complaint.eligible");
    assert_ptr_equal(model_figure_id(m->root, cell->path_id), cell);
    assert_string_equal(figure_part(f->model, cell)->dim->name->text, "petition_type");
}

/* ---- sessions (§4.3) ---------------------------------------------------------------------- */

TEST(session_attributes)
{
    const Model *m = model_of(f, "commune \"A\" {\n"
                                 "  reception 2020-03-05 \"Tiếp dân định kỳ\" {\n"
                                 "    kind regular\n"
                                 "    chair \"Chủ tịch UBND xã\"\n"
                                 "    place \"Nhà văn hoá\"\n"
                                 "    conclusion \"15/TB-UBND\" 2020-03-12\n"
                                 "  }\n"
                                 "  dialogue ? {\n"
                                 "    date 14/6/2024\n"
                                 "    kind periodic\n"
                                 "    scope by_cluster \"Bản Chăn, Bản Có\"\n"
                                 "    conclusion 2024-06\n"
                                 "    not_held \"mưa lũ\"\n"
                                 "  }\n"
                                 "  voter_contact { not_held ? }\n"
                                 "}\n");
    assert_no_errors(f);
    const Node *a = child(m->root, "commune", "A");
    const Node *r = child(a, "reception", "Tiếp dân định kỳ");
    assert_date(node_session(r)->date, 2020, 3, 5, DATE_DAY);
    assert_string_equal(session_kind(node_session(r))->name->text, "regular");
    assert_true(node_session(r)->has_conclusion);
    assert_date(node_session(r)->conclusion_date, 2020, 3, 12, DATE_DAY);
    assert_false(node_session(r)->not_held);
    const Node *d = child(a, "dialogue", NULL);
    /* `?` in the head, then `date 14/6/2024`: day first */
    assert_date(node_session(d)->date, 2024, 6, 14, DATE_DAY);
    assert_string_equal(session_kind(node_session(d))->name->text, "periodic");
    assert_string_equal(session_scope(node_session(d))->name->text, "by_cluster");
    /* a conclusion with only a date, to the month */
    assert_true(node_session(d)->has_conclusion);
    assert_date(node_session(d)->conclusion_date, 2024, 6, 0, DATE_MONTH);
    assert_true(node_session(d)->not_held);
    assert_str(session_not_held_reason(node_session(d)), "mưa lũ");
    const Node *v = child(a, "voter_contact", NULL);
    assert_true(node_session(v)->not_held);
    assert_null(session_not_held_reason(node_session(v)).ptr);
    assert_false(node_session(v)->has_conclusion);
    assert_int_equal(node_session(v)->date.precision, DATE_UNKNOWN);
    assert_null(session_kind(node_session(v)));
}

/* Sessions that count into the same cells share what they have of their
 * kind and scope: those of another kind of session, or held where the
 * other was not, or of another scope, do not. */
TEST(sessions_share_their_kind_scope_and_cells)
{
    const Model *m = model_of(f, "commune \"A\" {\n"
                                 "  dialogue 2024-01-05 { kind periodic  scope commune_wide }\n"
                                 "  dialogue 2024-02-05 { scope commune_wide  kind periodic }\n"
                                 "  dialogue 2024-03-05 { kind periodic  scope commune_wide  not_held ? }\n"
                                 "  dialogue 2024-04-05 { kind periodic  scope by_cluster }\n"
                                 "  dialogue 2024-05-05 { }\n"
                                 "  reception 2024-05-06 { }\n"
                                 "  dialogue 2024-06-05 { kind periodic  scope by_cluster  not_held ? }\n"
                                 "}\n");
    assert_no_errors(f);
    const Node *a = child(m->root, "commune", "A");
    const Session *s[7];
    const Node *n = node_first_child(a);
    for (int i = 0; i < 7; i++, n = n->next_sibling)
        s[i] = node_session(n);
    assert_non_null(session_attrs_of(s[0]));
    assert_ptr_equal(session_attrs_of(s[0]), session_attrs_of(s[1]));
    assert_string_equal(session_kind(s[1])->name->text, "periodic");
    assert_string_equal(session_scope(s[1])->name->text, "commune_wide");
    assert_ptr_not_equal(session_attrs_of(s[2]), session_attrs_of(s[0]));         /* not held: counts elsewhere */
    assert_string_equal(session_kind(s[2])->name->text, "periodic");
    assert_ptr_not_equal(session_attrs_of(s[3]), session_attrs_of(s[0]));
    assert_string_equal(session_scope(s[3])->name->text, "by_cluster");
    assert_null(session_kind(s[4]));
    assert_null(session_kind(s[5]));
    assert_ptr_not_equal(session_attrs_of(s[4]), session_attrs_of(s[5]));         /* a dialogue, a reception */
    assert_ptr_not_equal(session_cells_of(s[4]), session_cells_of(s[5]));
    /* not held: dialogues_not_held is not by scope, so the two count into
     * the same cells, but each keeps its scope */
    assert_ptr_equal(session_cells_of(s[6]), session_cells_of(s[2]));
    assert_string_equal(session_scope(s[2])->name->text, "commune_wide");
    assert_string_equal(session_scope(s[6])->name->text, "by_cluster");
}

/* A session keeps its opinions beside it, in its SessionMore, made for
 * the first: one without opinions, documents or a reason has none. */
TEST(a_session_keeps_its_opinions_beside_it)
{
    const Model *m = model_of(f, "commune \"A\" {\n"
                                 "  dialogue 2024-01-05 { invited 3 }\n"
                                 "  dialogue 2024-02-05 {\n"
                                 "    opinion \"o1\" { status resolved }\n"
                                 "    opinion \"o2\" { status pending }\n"
                                 "  }\n"
                                 "}\n");
    assert_no_errors(f);
    const Node *plain = node_first_child(child(m->root, "commune", "A")), *heard = plain->next_sibling;
    assert_null(session_more(node_session(plain)));
    assert_null(node_opinions(plain));
    assert_non_null(session_more(node_session(heard)));
    const OpinionRun *run = node_opinions(heard);
    assert_non_null(run);
    assert_ptr_equal(run, session_more(node_session(heard))->opinions.first);
    assert_int_equal(run->n, 2);
    assert_null(run->next);
    /* what both share is found beside the opinions too */
    assert_non_null(session_attrs_of(node_session(plain)));
    assert_ptr_equal(session_attrs_of(node_session(heard)), session_attrs_of(node_session(plain)));
}

/* A kind of session whose count is not broken down by its kinds: its
 * sessions count into the same cells, and each keeps its own kind. */
TEST(sessions_of_one_cell_keep_their_kinds)
{
    const Model *m = model_of(f, "figure meetings \"M\" { }\n"
                                 "dimension meeting_kind \"K\" { a \"A\"  b \"B\" }\n"
                                 "session_kind meeting \"Họp\" { count meetings  kinds meeting_kind }\n"
                                 "commune \"A\" {\n"
                                 "  meeting 2024-01-01 { kind a }\n"
                                 "  meeting 2024-01-02 { kind b }\n"
                                 "  meeting 2024-01-03 { kind a }\n"
                                 "}\n");
    assert_no_errors(f);
    const Node *first = node_first_child(child(m->root, "commune", "A"));
    const Session *a1 = node_session(first), *b = node_session(first->next_sibling),
                  *a2 = node_session(first->next_sibling->next_sibling);
    assert_ptr_equal(session_cells_of(a1), session_cells_of(b));
    assert_string_equal(session_kind(a1)->name->text, "a");
    assert_string_equal(session_kind(b)->name->text, "b");
    assert_ptr_equal(session_attrs_of(a2), session_attrs_of(a1));
}

TEST(session_kind_must_suit_the_session)
{
    const Model *m = model_of(f, "dialogue 2020-01-01 {\n"
                                 "  kind regular\n"                     /* 2: col 8 */
                                 "}\n"
                                 "reception 2020-01-02 {\n"
                                 "  kind thematic\n"                    /* 5: col 8 */
                                 "}\n"
                                 "voter_contact 2020-01-03 {\n"
                                 "  kind leader\n"                      /* 8: col 8 */
                                 "}\n"
                                 "reception 2020-01-04 { kind leader }\n"
                                 "dialogue 2020-01-04 { scope village }\n"                /* 11: col 29 */
                                 "dialogue 2020-01-05 { conclusion 2020-01-09 \"3/TB\" }\n"); /* 12: col 45 */
    /* a reception has its own kinds (regular, leader); a dialogue and a
     * voter contact share periodic, ad_hoc, thematic */
    assert_diag_at(f, DIAG_ERROR, "unknown kind of session 'regular': use periodic, ad_hoc or thematic", 2, 8);
    assert_diag_at(f, DIAG_ERROR, "unknown kind of session 'thematic': use periodic, regular, ad_hoc or leader", 5, 8);
    assert_diag_at(f, DIAG_ERROR, "unknown kind of session 'leader': use periodic, ad_hoc or thematic", 8, 8);
    assert_diag_at(f, DIAG_ERROR, "unknown scope 'village': use commune_wide or by_cluster", 11, 29);
    /* the number comes before the date */
    assert_diag_at(f, DIAG_ERROR, "unexpected string in 'conclusion': write conclusion [\"NUMBER\"] [DATE]", 12, 45);
    assert_int_equal(f->diag.errors, 5);
    /* `kind leader` suits a reception */
    Node *r4 = node_first_child(m->root)->next_sibling->next_sibling->next_sibling;
    assert_string_equal(r4->kind->name->text, "reception");
    assert_date(node_session(r4)->date, 2020, 1, 4, DATE_DAY);
    assert_string_equal(session_kind(node_session(r4))->name->text, "leader");
    assert_null(session_scope(node_session(r4)));
    /* a dialogue's scope is one of the words of its scope dimension */
    assert_null(session_scope(node_session(r4->next_sibling)));
    assert_null(session_kind(node_session(node_first_child(m->root))));
}

/* ---- opinions and documents (§4.4, §4.5) ---------------------------------------------------- */

/* Opinions of one topic and status share their attributes
 * (OpinionAttrs): the order they are written in does not matter. */
TEST(opinions_share_their_attributes)
{
    OpinionIter it;
    const Model *m = model_of(f, "commune \"B\" {\n"
                                 "  opinion \"x\" { topic land  status resolved }\n"
                                 "  opinion \"y\" { status resolved  topic land  satisfied yes }\n"
                                 "  opinion \"z\" { topic land }\n"
                                 "}\n");
    assert_no_errors(f);
    const Opinion *x = opinion_first(child(m->root, "commune", "B"), &it), *y = opinion_next(&it);
    const Opinion *z = opinion_next(&it);
    assert_int_equal(x->attrs, y->attrs);
    assert_int_not_equal(x->attrs, z->attrs);
    assert_null(opinion_status(m, z));
    assert_string_equal(opinion_topic(m, z)->name->text, "land");
    assert_true(counts_in(opinion_cells(m, z), "opinions.land"));
    assert_false(counts_in(opinion_cells(m, z), "opinions.resolved.land"));
}

/* An opinion keeps its attributes by number (Opinion.attrs): with 48
 * pairs of topic and status, more than the model's first table of them
 * holds, each opinion still reads back the topic, status and answer
 * written, and the second opinion of a pair shares the first's number. */
TEST(opinions_keep_their_attributes_by_number)
{
    static const char *const topics[] = { "land", "compensation", "roads", "irrigation", "water", "electricity",
                                          "health_insurance", "poor_households", "social_security", "agriculture",
                                          "culture_house", "clinic" };
    static const char *const statuses[] = { "resolved", "answered", "on_spot", "pending" };
    static const char *const answers[] = { "", "  satisfied no", "  satisfied yes" };
    enum { TOPICS = 12, STATUSES = 4, PAIRS = TOPICS * STATUSES };
    char *src = arena_alloc(&f->arena, 2 * PAIRS * 96 + 64);
    assert_non_null(src);
    size_t n = (size_t)sprintf(src, "commune \"B\" {\n");
    for (unsigned k = 0; k < 2 * PAIRS; k++)
        n += (size_t)sprintf(src + n, "  opinion \"o%u\" { topic %s  status %s%s }\n", k, topics[k % PAIRS / STATUSES],
                             statuses[k % STATUSES], answers[k % 3]);
    sprintf(src + n, "}\n");
    const Model *m = model_of(f, src);
    assert_no_errors(f);
    OpinionIter it;
    uint32_t first[PAIRS];
    unsigned k = 0;
    for (const Opinion *o = opinion_first(child(m->root, "commune", "B"), &it); o; o = opinion_next(&it), k++) {
        assert_true(k < 2 * PAIRS);
        assert_string_equal(opinion_topic(m, o)->name->text, topics[k % PAIRS / STATUSES]);
        assert_string_equal(opinion_status(m, o)->name->text, statuses[k % STATUSES]);
        assert_int_equal(opinion_satisfied(o), (int)(k % 3) - 1);
        if (k < PAIRS)
            first[k] = o->attrs;
        else
            assert_int_equal(o->attrs, first[k - PAIRS]);
    }
    assert_int_equal(k, 2 * PAIRS);
    assert_int_equal(m->nopinion_attrs, PAIRS);
}

TEST(opinions)
{
    const Model *m = model_of(f, "commune \"A\" {\n"
                                 "  opinion \"Đường liên thôn xuống cấp\" {\n"
                                 "    topic land\n"
                                 "    status resolved 2020-12-20 \"đã sửa\"\n"
                                 "    satisfied yes\n"
                                 "    received 2020-11-01\n"
                                 "  }\n"
                                 "  opinion \"Điện chiếu sáng\" { topic electricity  satisfied no  status on_spot }\n"
                                 "  opinion \"Nước sạch\"\n"
                                 "}\n");
    assert_no_errors(f);
    const Node *a = child(m->root, "commune", "A");
    OpinionIter it;
    const Opinion *o = opinion_first(a, &it);
    assert_string_equal(opinion_topic(m, o)->name->text, "land");
    assert_string_equal(opinion_status(m, o)->name->text, "resolved");
    /* the cells it counts in: the whole, its status, its topic, both */
    assert_true(counts_in(opinion_cells(m, o), "opinions"));
    assert_true(counts_in(opinion_cells(m, o), "opinions.resolved"));
    assert_true(counts_in(opinion_cells(m, o), "opinions.land"));
    assert_true(counts_in(opinion_cells(m, o), "opinions.resolved.land"));
    assert_int_equal(opinion_cells(m, o)->ncells, 4);
    assert_int_equal(opinion_satisfied(o), 1);
    assert_date(o->received, 2020, 11, 1, DATE_DAY);
    o = opinion_next(&it);
    assert_string_equal(opinion_topic(m, o)->name->text, "electricity");
    assert_int_equal(opinion_satisfied(o), 0);
    assert_true(counts_in(opinion_cells(m, o), "opinions.on_spot.electricity"));
    o = opinion_next(&it);
    assert_null(opinion_topic(m, o));
    assert_null(opinion_status(m, o));
    /* neither status nor topic: the whole, and the counts of opinions
     * without a status and without a topic */
    assert_int_equal(opinion_cells(m, o)->ncells, 1);
    assert_int_equal(opinion_cells(m, o)->nmissing, 2);
    assert_string_equal(opinion_cells(m, o)->missing[0]->text, "opinions (without a status)");
    assert_int_equal(opinion_satisfied(o), -1);
    assert_null(opinion_next(&it));
    /* the three in one run, as long as the items left in the block */
    assert_ptr_equal(node_opinions(a), node_more(a)->opinions.last);
    assert_int_equal(node_opinions(a)->n, 3);
    assert_int_equal(node_opinions(a)->cap, 3);
}

/* Opinions lie in runs (model.h, OpinionRun): a block's in one run as long
 * as the items left in it when the first comes; at the top level of a file,
 * where the number is not known, runs of 1, 2, 4 ... Read in order either
 * way, and an opinion refused takes no place. */
TEST(opinions_in_runs)
{
    const Model *m = model_of(f, "opinion \"a\"\nopinion \"b\"\nopinion \"c\"\nopinion \"d\"\n"
                                 "commune \"A\" {\n"
                                 "  invited 3\n"
                                 "  opinion \"e\" { topic roads }\n"
                                 "  opinion \"f\" ?\n"                     /* refused: takes no place */
                                 "  opinion \"g\"\n"
                                 "  attended 2\n"
                                 "}\n");
    assert_int_equal(f->diag.errors, 1);
    const Node *root = m->root, *a = child(root, "commune", "A");
    /* the top level: 1, then 2 (b, c), then 4 (d) */
    const OpinionRun *r = node_opinions(root);
    assert_int_equal(r->cap, 1);
    assert_int_equal(r->next->cap, 2);
    assert_int_equal(r->next->n, 2);
    assert_int_equal(r->next->next->cap, 4);
    assert_int_equal(r->next->next->n, 1);
    assert_null(r->next->next->next);
    /* the commune's first block: 4 items left at "e" (e, f, g, attended) */
    assert_int_equal(node_opinions(a)->cap, 4);
    assert_int_equal(node_opinions(a)->n, 2);
    assert_null(node_opinions(a)->next);
    /* in the order written */
    const char *want[] = { "roads", NULL };
    OpinionIter it;
    unsigned k = 0;
    for (const Opinion *o = opinion_first(a, &it); o; o = opinion_next(&it), k++) {
        if (want[k])
            assert_string_equal(opinion_topic(m, o)->name->text, want[k]);
        else
            assert_null(opinion_topic(m, o));
    }
    assert_int_equal(k, 2);
    k = 0;
    for (const Opinion *o = opinion_first(root, &it); o; o = opinion_next(&it))
        k++;
    assert_int_equal(k, 4);
}

TEST(opinion_attribute_errors)
{
    model_of(f, "opinion \"x\" { status solved }\n"     /* 1: col 22 */
                "opinion \"y\" { satisfied maybe }\n"   /* 2: col 25 */
                "opinion \"z\" { kind periodic }\n"     /* 3: col 15 */
                "opinion \"w\" = 3\n");                 /* 4: col 1 */
    /* within two edits of 'resolved': a hint, not the list */
    assert_diag_at(f, DIAG_ERROR, "unknown opinion status 'solved'; did you mean 'resolved'?", 1, 22);
    assert_diag_at(f, DIAG_ERROR, "unknown answer 'maybe': use yes or no", 2, 25);
    assert_diag_at(f, DIAG_ERROR, "unknown attribute 'kind' of an opinion: use topic, status, satisfied or received", 3, 15);
    assert_diag_at(f, DIAG_ERROR, "an opinion takes no '='", 4, 1);
    assert_int_equal(f->diag.errors, 4);
}

TEST(documents)
{
    const Model *m = model_of(f, "document plan \"181-KH/ĐU\" 05.01.2024 \"Kế hoạch tổ chức đối thoại\"\n"
                                 "commune \"A\" { document notice \"12/TB\" ? }\n");
    assert_no_errors(f);
    const Document *d = node_documents(m->root);
    assert_string_equal(d->kind->name->text, "plan");
    assert_true(counts_in(d->cells, "documents.plan"));
    assert_str(d->number, "181-KH/ĐU");
    /* 05.01.2024: the day comes first */
    assert_date(d->date, 2024, 1, 5, DATE_DAY);
    assert_str(d->title, "Kế hoạch tổ chức đối thoại");
    assert_null(d->next);
    const Document *n = node_documents(child(m->root, "commune", "A"));
    assert_true(counts_in(n->cells, "documents.notice"));
    assert_str(n->number, "12/TB");
    assert_int_equal(n->date.precision, DATE_UNKNOWN);
    assert_null(n->title.ptr);
}

TEST(document_errors)
{
    model_of(f, "document \"181-KH\"\n"   /* 1: col 10 */
                "document plan\n");       /* 2: col 1 */
    assert_diag_at(f, DIAG_ERROR, "'document' needs its kind first: document plan \"181-KH/ĐU\" 05.01.2024", 1, 10);
    assert_diag_at(f, DIAG_ERROR, "'document' is incomplete: write document KIND \"NUMBER\" [DATE] [\"TITLE\"]", 2, 1);
    assert_int_equal(f->diag.errors, 2);
    assert_null(node_documents(f->model->root));
}

/* ---- rules and indicators (§8, §9) ------------------------------------------------------------ */

TEST(rule_definitions)
{
    const Model *m = model_of(f, "rule dialogue_yearly \"Đối thoại mỗi năm\" {\n"
                                 "  severity warning\n"
                                 "  source \"Nghị định 04/2015/NĐ-CP, Điều 11\"\n"
                                 "  each commune\n"
                                 "  where: invited > 0\n"
                                 "  require: dialogues >= years()\n"
                                 "}\n"
                                 "rule per_session {\n"
                                 "  each dialogue\n"
                                 "  require: attended >= 1\n"
                                 "}\n"
                                 "rule short: dialogues >= 1\n"
                                 "rule by_level { each commune_level  require: opinions >= 0 }\n"
                                 "rule wards = x > 1 { each ward  require: x > 2 }\n");
    assert_no_errors(f);
    const RuleDef *r = m->rules;
    assert_string_equal(r->id->text, "dialogue_yearly");
    assert_str(r->title, "Đối thoại mỗi năm");
    assert_int_equal(r->severity, SEVERITY_WARNING);
    assert_str(r->legal_source, "Nghị định 04/2015/NĐ-CP, Điều 11");
    /* `each commune`: every commune-level unit */
    assert_int_equal(r->each.what, SEL_COMMUNE_LEVEL);
    assert_non_null(r->where);
    assert_int_equal(r->where->kind, EXPR_BINARY);
    assert_int_equal(r->where->as.op.op, OP_GT);
    assert_int_equal(r->require->kind, EXPR_BINARY);
    assert_int_equal(r->require->as.op.op, OP_GE);
    uint32_t line, col;
    source_position(r->src, r->span.start, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 6);
    r = r->next;
    /* the title defaults to the id; `each dialogue` is a kind */
    assert_str(r->title, "per_session");
    assert_int_equal(r->severity, SEVERITY_ERROR);
    assert_int_equal(r->each.what, SEL_KIND);
    assert_string_equal(r->each.kind->name->text, "dialogue");
    assert_null(r->where);
    assert_null(r->legal_source.ptr);
    r = r->next;
    /* short form: the report, require: the expression */
    assert_string_equal(r->id->text, "short");
    assert_int_equal(r->each.what, SEL_REPORT);
    assert_int_equal(r->require->as.op.op, OP_GE);
    r = r->next;
    assert_int_equal(r->each.what, SEL_COMMUNE_LEVEL);
    r = r->next;
    /* short form with a block: its require: replaces the expression (x > 2) */
    assert_int_equal(r->each.what, SEL_KIND);
    assert_string_equal(r->each.kind->name->text, "ward");
    assert_int_equal(r->require->kind, EXPR_BINARY);
    assert_int_equal(r->require->as.op.rhs->kind, EXPR_NUMBER);
    assert_int_equal(r->require->as.op.rhs->as.number, 2);
    assert_null(r->next);
    assert_ptr_equal(m->last_rule, r);
}

TEST(rule_errors)
{
    model_of(f, "rule a { each opinion  require: x > 1 }\n"       /* 1: col 15 */
                "rule b { severity fatal  require: x > 1 }\n"     /* 2: col 19 */
                "rule c { source \"x\" }\n"                       /* 3: col 6 */
                "rule a: x > 2\n"                                 /* 4: col 6, first at 1:6 */
                "rule e { where = x > 1  require: x > 0 }\n"      /* 5: col 10 */
                "rule \"T\": x > 1\n");                           /* 6: col 6 */
    assert_diag_at(f, DIAG_ERROR,
                   "unknown kind 'opinion': use province, district, commune, ward, township, commune_level, "
                   "village, dialogue, reception or voter_contact", 1, 15);
    assert_diag_at(f, DIAG_ERROR, "unknown severity 'fatal': use error or warning", 2, 19);
    assert_diag_at(f, DIAG_ERROR, "rule 'c' has no condition: add require: CONDITION", 3, 6);
    const Diagnostic *g = assert_diag_at(f, DIAG_ERROR, "rule 'a' is defined twice", 4, 6);
    assert_int_equal(g->next->severity, DIAG_NOTE);
    assert_string_equal(g->next->message, "first defined here");
    uint32_t line, col;
    diag_line_col(g->next, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 6);
    assert_diag_at(f, DIAG_ERROR, "write where: CONDITION", 5, 10);
    assert_diag_at(f, DIAG_ERROR, "write rule ID \"TITLE\" ...: an identifier, then the title in double quotes", 6, 6);
    assert_int_equal(f->diag.errors, 6);
}

TEST(indicator_definitions)
{
    const Model *m = model_of(f, "indicator resolved_rate \"Tỷ lệ ý kiến đã giải quyết\" = percent(opinions.resolved, opinions) {\n"
                                 "  reported 99,72%\n"
                                 "  per district\n"
                                 "  note \"ước tính\"\n"
                                 "}\n"
                                 "indicator attendance = percent(attended, invited)\n"
                                 "indicator x = attended { per commune  per dialogue  note \"a\"  note \"b\" }\n");
    assert_no_errors(f);
    const IndicatorDef *ind = m->indicators;
    assert_string_equal(ind->id->text, "resolved_rate");
    assert_str(ind->title, "Tỷ lệ ý kiến đã giải quyết");
    assert_int_equal(ind->expr->kind, EXPR_CALL);
    assert_string_equal(ind->expr->as.call.fn->text, "percent");
    assert_int_equal(ind->expr->as.call.nargs, 2);
    /* 99,72% = 9972 hundredths */
    assert_true(ind->has_reported);
    assert_int_equal(ind->reported.mantissa, 9972);
    assert_int_equal(ind->reported.decimals, 2);
    assert_true(ind->has_per);
    assert_int_equal(ind->per.what, SEL_KIND);
    assert_string_equal(ind->per.kind->name->text, "district");
    assert_str(ind->comment, "ước tính");
    ind = ind->next;
    assert_str(ind->title, "attendance");
    assert_false(ind->has_reported);
    assert_false(ind->has_per);
    assert_null(ind->comment.ptr);
    ind = ind->next;
    /* given twice, the last one counts (§8) */
    assert_int_equal(ind->per.what, SEL_KIND);
    assert_string_equal(ind->per.kind->name->text, "dialogue");
    assert_str(ind->comment, "b");
    assert_null(ind->next);
}

TEST(indicator_errors)
{
    model_of(f, "indicator y: attended\n"                     /* 1: col 14 */
                "indicator z = attended { per opinion }\n"    /* 2: col 30 */
                "indicator w = attended { reported 99 }\n");  /* 3: col 35 */
    assert_diag_at(f, DIAG_ERROR, "an indicator is defined with '=': indicator ID \"TITLE\" = EXPRESSION", 1, 14);
    assert_diag_at(f, DIAG_ERROR,
                   "unknown kind 'opinion': use province, district, commune, ward, township, commune_level, "
                   "village, dialogue, reception or voter_contact", 2, 30);
    assert_diag_at(f, DIAG_ERROR, "write the percentage the report printed, e.g. reported 99.72%", 3, 35);
    assert_int_equal(f->diag.errors, 3);
}

/* ---- selectors (§7.4, §8.4, §9) ----------------------------------------------------------------- */

TEST(selectors)
{
    const Model *m = model_of(f, "district \"D\" {\n"
                                 "  commune \"C\" { village \"V\" { } }\n"
                                 "  ward \"W\" { }\n"
                                 "  township \"T\" { dialogue 2020-01-01 { }  reception 2020-01-02 { } }\n"
                                 "}\n");
    assert_no_errors(f);
    const Vocab *v = m->vocab;
    Selector s;
    assert_true(model_selector(v, sym(f, "commune"), &s));
    assert_int_equal(s.what, SEL_COMMUNE_LEVEL);
    Selector cl;
    assert_true(model_selector(v, sym(f, "commune_level"), &cl));
    assert_int_equal(cl.what, SEL_COMMUNE_LEVEL);
    Selector ward, dlg, op, doc;
    assert_true(model_selector(v, sym(f, "ward"), &ward));
    assert_int_equal(ward.what, SEL_KIND);
    assert_string_equal(ward.kind->name->text, "ward");
    assert_true(model_selector(v, sym(f, "dialogue"), &dlg));
    assert_int_equal(dlg.what, SEL_KIND);
    assert_string_equal(dlg.kind->name->text, "dialogue");
    assert_true(model_selector(v, sym(f, "opinion"), &op));
    assert_int_equal(op.what, SEL_OPINION);
    assert_true(model_selector(v, sym(f, "document"), &doc));
    assert_int_equal(doc.what, SEL_DOCUMENT);
    /* not kinds */
    assert_false(model_selector(v, sym(f, "report"), &s));
    assert_false(model_selector(v, sym(f, "hamlet"), &s));
    assert_false(model_selector(v, sym(f, "communes"), &s));

    const Node *d = child(m->root, "district", "D");
    const Node *c = child(d, "commune", "C"), *w = child(d, "ward", "W"), *t = child(d, "township", "T");
    const Node *village = child(c, "village", "V");
    const Node *dial = child(t, "dialogue", NULL), *rec = child(t, "reception", NULL);
    /* commune: xã, phường, thị trấn, and nothing else */
    assert_true(model_selects(&cl, c));
    assert_true(model_selects(&cl, w));
    assert_true(model_selects(&cl, t));
    assert_false(model_selects(&cl, d));
    assert_false(model_selects(&cl, village));
    assert_false(model_selects(&cl, dial));
    assert_false(model_selects(&cl, m->root));
    /* a kind: that kind only */
    assert_true(model_selects(&ward, w));
    assert_false(model_selects(&ward, c));
    assert_true(model_selects(&dlg, dial));
    assert_false(model_selects(&dlg, rec));
    assert_false(model_selects(&dlg, t));
    Selector report = { SEL_REPORT, NULL, NULL };
    assert_true(model_selects(&report, m->root));
    assert_false(model_selects(&report, d));
    /* opinions and documents are not nodes */
    assert_false(model_selects(&op, c));
    assert_false(model_selects(&doc, m->root));
    /* names in messages */
    assert_string_equal(model_selector_name(&cl), "commune");
    assert_string_equal(model_selector_name(&ward), "ward");
    assert_string_equal(model_selector_name(&dlg), "dialogue");
    assert_string_equal(model_selector_name(&op), "itemised opinion");
    assert_string_equal(model_selector_name(&doc), "itemised document");
    assert_string_equal(model_selector_name(&report), "report");
}

TEST(subjects_of_nodes)
{
    const Model *m = model_of(f, "commune \"Kỳ Châu\" {\n"
                                 "  dialogue 2020-12-10 { }\n"
                                 "  reception \"Tiếp dân\" { }\n"
                                 "  voter_contact { }\n"
                                 "}\n");
    assert_no_errors(f);
    const Node *k = child(m->root, "commune", "Kỳ Châu");
    assert_string_equal(model_subject(&f->arena, m->root), "the report");
    assert_string_equal(model_subject(&f->arena, NULL), "the report");
    assert_string_equal(model_subject(&f->arena, k), "commune Kỳ Châu");
    assert_string_equal(model_subject(&f->arena, child(k, "dialogue", NULL)),
                        "dialogue 2020-12-10 in commune Kỳ Châu");
    assert_string_equal(model_subject(&f->arena, child(k, "reception", "Tiếp dân")),
                        "reception \"Tiếp dân\" in commune Kỳ Châu");
    assert_string_equal(model_subject(&f->arena, child(k, "voter_contact", NULL)),
                        "voter_contact (undated) in commune Kỳ Châu");
}

/* ---- the report header and holidays (§4.1) ---------------------------------------------------- */

TEST(report_header)
{
    const Model *m = model_of(f, "report \"Kết quả 2020\" {\n"
                                 "  issuer \"UBND huyện Tuần Giáo\"\n"
                                 "  reference \"Số: 25/BC-UBND\"\n"
                                 "  date 2021-01-15\n"
                                 "  place \"Tuần Giáo\"\n"
                                 "  period 2020-01-01 .. 2020-12-31\n"
                                 "}\n"
                                 "issuer \"UBND huyện Điện Biên\"\n"
                                 "report \"Kết quả 2020\" { issuer \"bỏ qua\" }\n");
    assert_no_errors(f);
    assert_int_equal(f->diag.warnings, 0);
    const Header *h = &m->header;
    assert_true(h->present);
    assert_str(h->title, "Kết quả 2020");
    /* given twice, the last read counts; a second header with the same
     * title is ignored silently, with its block */
    assert_str(h->issuer, "UBND huyện Điện Biên");
    assert_str(h->reference, "Số: 25/BC-UBND");
    assert_date(h->date, 2021, 1, 15, DATE_DAY);
    assert_str(h->place, "Tuần Giáo");
    assert_true(h->has_period);
    assert_date(h->period_start, 2020, 1, 1, DATE_DAY);
    assert_date(h->period_end, 2020, 12, 31, DATE_DAY);
    /* the header points at its title: line 1, column 8 */
    uint32_t line, col;
    source_position(h->src, h->span.start, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 8);
}

TEST(header_without_a_title)
{
    const Model *m = model_of(f, "issuer \"UBND xã Quài Nưa\"\nperiod 2021-01 .. 2021-06\n");
    assert_no_errors(f);
    const Header *h = &m->header;
    assert_true(h->present);
    assert_null(h->title.ptr);
    assert_str(h->issuer, "UBND xã Quài Nưa");
    assert_true(h->has_period);
    assert_date(h->period_start, 2021, 1, 0, DATE_MONTH);
    assert_date(h->period_end, 2021, 6, 0, DATE_MONTH);
}

TEST(no_header)
{
    const Model *m = model_of(f, "invited 5\n");
    assert_no_errors(f);
    assert_false(m->header.present);
    assert_false(m->header.has_period);
}

TEST(header_errors)
{
    const Model *m = model_of(f, "report \"A\" { }\n"                       /* 1 */
                                 "report \"B\" { issuer \"x\" }\n"          /* 2: warning at col 8 */
                                 "period 2020-12-31 .. 2020-01-01\n"        /* 3: col 8 */
                                 "period ? .. 2020-12-31\n"                 /* 4: col 8 */
                                 "period 2020-01-01 2020-12-31\n"           /* 5: col 19 */
                                 "report { }\n");                           /* 6: col 1 */
    const Diagnostic *g = assert_diag_at(f, DIAG_WARNING,
                                         "a second report header: its title differs from the first and is ignored", 2, 8);
    assert_int_equal(g->next->severity, DIAG_NOTE);
    assert_string_equal(g->next->message, "the report's title is given here");
    uint32_t line, col;
    diag_line_col(g->next, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 8);
    assert_diag_at(f, DIAG_ERROR, "the period ends before it starts", 3, 8);
    assert_diag_at(f, DIAG_ERROR, "a period needs both dates, to the day or to the month", 4, 8);
    assert_diag_at(f, DIAG_ERROR,
                   "unexpected date in 'period': write period START .. END, period 2020, period 2016 .. 2021, "
                   "period h1 2021, period q3 2024 or period 2021-02", 5, 19);
    assert_diag_at(f, DIAG_ERROR, "write the report's title in double quotes: report \"TITLE\" { ... }", 6, 1);
    assert_int_equal(f->diag.errors, 4);
    assert_int_equal(f->diag.warnings, 1);
    /* the first title stays; the ignored header's issuer was not read */
    assert_str(m->header.title, "A");
    assert_null(m->header.issuer.ptr);
    assert_false(m->header.has_period);
}

/* The report's own holidays are the calendar's (calendar.c, spec §4.6);
 * `calendar none` leaves them alone. */
TEST(holidays)
{
    model_of(f, "calendar none\n"
                "holiday 2024-02-08 .. 2024-02-14 \"Tết Giáp Thìn\"\n"
                "holiday 30/4/2024\n"
                "holiday 2024-01-01 .. 2024-12-31\n");
    assert_no_errors(f);
    build_calendar(f);
    uint32_t n;
    const CalendarDay *const *days = calendar_applied(f->calendar, &n);
    assert_int_equal(n, 3);
    /* in date order. Days since 1970-01-01: 2000-01-01 is 10957;
     * 2024-01-01 is 10957 + 24 * 365 + 6 leap days (2000 ... 2020) = 19723 */
    assert_int_equal(days[0]->first, 19723);
    assert_int_equal(days[0]->last, 19723 + 365);   /* 2024 has 366 days: the most allowed */
    assert_null(days[0]->name.ptr);
    /* 8 February 2024: 19723 + 31 + 7 = 19761; to the 14th: 19767 */
    assert_int_equal(days[1]->first, 19761);
    assert_int_equal(days[1]->last, 19767);
    assert_str(days[1]->name, "Tết Giáp Thìn");
    /* 30 April 2024: 19723 + 31 (Jan) + 29 (Feb) + 31 (Mar) + 29 = 19843 */
    assert_int_equal(days[2]->first, 19843);
    assert_int_equal(days[2]->last, 19843);
    assert_null(calendar_name(f->calendar));
}

TEST(holiday_errors)
{
    model_of(f, "holiday 2024-02-08 2024-02-09\n"          /* 1: col 20 */
                "holiday 2024-02\n"                        /* 2: col 9 */
                "holiday 2024-02-14 .. 2024-02-08\n"       /* 3: col 9 */
                "holiday 2024-01-01 .. 2025-01-01\n"       /* 4: 367 days, col 9 */
                "commune \"A\" { holiday 2024-01-01 }\n");  /* 5: col 15 */
    /* the unit's holiday is the model's error; the others the calendar's */
    assert_diag_at(f, DIAG_ERROR, "'holiday' belongs at the top level of a file, not inside commune A", 5, 15);
    Calendar *c = calendar_new(&f->arena, &f->syms);
    calendar_declare(c, f->src, f->items, &f->diag);
    assert_false(calendar_finish(c, &f->diag));
    assert_diag_at(f, DIAG_ERROR, "write a holiday of several days as holiday FIRST .. LAST", 1, 20);
    assert_diag_at(f, DIAG_ERROR, "a holiday needs a full date (day, month and year)", 2, 9);
    assert_diag_at(f, DIAG_ERROR, "the holiday ends before it starts", 3, 9);
    assert_diag_at(f, DIAG_ERROR, "a holiday of more than a year: check the dates", 4, 9);
    assert_int_equal(f->diag.errors, 5);
    uint32_t n;
    calendar_applied(c, &n);
    assert_int_equal(n, 0);
}

/* ---- misuse (§4) ------------------------------------------------------------------------------- */

TEST(constructs_out_of_place)
{
    model_of(f, "commune \"A\" {\n"                         /* 1 */
                "  kind periodic\n"                         /* 2: col 3 */
                "  period 2020-01-01 .. 2020-12-31\n"       /* 3: col 3 */
                "  date 2020-05-01\n"                       /* 4: col 3 */
                "  dialogue 2020-05-01 {\n"                 /* 5 */
                "    village \"B\" { }\n"                   /* 6: col 5 */
                "    rule r: x > 1\n"                       /* 7: col 5 */
                "  }\n"                                     /* 8 */
                "  district \"D\" { }\n"                    /* 9: col 3 */
                "}\n"                                       /* 10 */
                "village A { }\n"                           /* 11: col 9 */
                "commune { }\n"                             /* 12: col 1 */
                "scope commune\n"                           /* 13: col 1 */
                "ward \"W\" { invited 3 ... }\n"            /* 14: col 22 */
                "dialogue = 5\n");                          /* 15: col 12 */
    assert_diag_at(f, DIAG_ERROR,
                   "'kind' describes a session; put it inside a dialogue, reception or voter_contact block", 2, 3);
    assert_diag_at(f, DIAG_ERROR, "'period' belongs at the top level of a file, not inside commune A", 3, 3);
    assert_diag_at(f, DIAG_ERROR, "'date' belongs to the report header or to a session, not to commune A", 4, 3);
    assert_diag_at(f, DIAG_ERROR, "a village cannot be inside a dialogue", 6, 5);
    assert_diag_at(f, DIAG_ERROR,
                   "'rule' belongs at the top level of a file, not inside dialogue 2020-05-01 in commune A", 7, 5);
    assert_diag_at(f, DIAG_ERROR, "a district cannot be inside a commune", 9, 3);
    assert_diag_at(f, DIAG_ERROR, "a village needs its name in double quotes: village \"NAME\" { ... }", 11, 9);
    assert_diag_at(f, DIAG_ERROR, "a commune needs its name in double quotes: commune \"NAME\" { ... }", 12, 1);
    assert_diag_at(f, DIAG_ERROR,
                   "'scope' describes a session; put it inside a dialogue, reception or voter_contact block", 13, 1);
    assert_diag_at(f, DIAG_ERROR, "'...' marks a partial breakdown; it cannot end a ward", 14, 22);
    assert_diag_at(f, DIAG_ERROR, "a dialogue takes no '='", 15, 12);
    assert_int_equal(f->diag.errors, 11);
    /* nothing misplaced was taken: no header, no rule, one commune and one ward */
    const Model *m = f->model;
    assert_false(m->header.present);
    assert_null(m->rules);
    assert_int_equal(node_nunits(m->root), 2);
    const Node *a = child(m->root, "commune", "A");
    assert_int_equal(node_nunits(a), 0);
    assert_int_equal(node_nunits(child(a, "dialogue", NULL)), 0);
    /* the ward's block was still read */
    assert_int_equal(figure_value(figure_at(f, child(m->root, "ward", "W"), "invited")), 3);
}

TEST(figure_misuse)
{
    model_of(f, "invited = 5\n"                 /* 1: col 1 */
                "attended many\n"               /* 2: col 10 */
                "people \"nhiều\"\n"            /* 3: col 8 */
                "households 5 \"hộ\" 6\n"       /* 4: col 19 */
                "letters\n"                     /* 5: col 1, with line 6 as its arguments */
                "calls 3\n"
                "visits 5 { }\n");              /* 7: col 10 */
    assert_diag_at(f, DIAG_ERROR, "'invited' is a figure: '=' belongs to indicators and rules", 1, 1);
    assert_diag_at(f, DIAG_ERROR, "'attended' is a figure and needs a number, not the name 'many'", 2, 10);
    assert_diag_at(f, DIAG_ERROR, "'people' is a figure and needs a number (or '?' when unknown), not a string", 3, 8);
    assert_diag_at(f, DIAG_ERROR,
                   "unexpected number after the value of 'households': a figure is NAME VALUE [\"LABEL\"]", 4, 19);
    assert_diag_at(f, DIAG_ERROR,
                   "'letters' has no value: write 'letters N', or 'letters ?' when the report does not give it", 5, 1);
    assert_diag_at(f, DIAG_ERROR, "an empty breakdown: list the parts of 'visits', or remove the braces", 7, 10);
    assert_int_equal(f->diag.errors, 6);
}

/* ---- the vocabulary ------------------------------------------------------------------------------- */

TEST(vocab_kinds_by_name)
{
    const Vocab *v = vocab_of(f);
    /* the standard library's kinds (lib/std/kinds.dlg): units with their
     * levels, sessions below every unit */
    const Kind *province = vocab_kind(v, sym(f, "province")), *ward = vocab_kind(v, sym(f, "ward"));
    const Kind *reception = vocab_kind(v, sym(f, "reception")), *village = vocab_kind(v, sym(f, "village"));
    assert_non_null(province);
    assert_non_null(ward);
    assert_non_null(reception);
    assert_non_null(village);
    assert_int_equal(province->level, 1);
    assert_int_equal(ward->level, LEVEL_COMMUNE);
    assert_int_equal(village->level, 4);
    assert_int_equal(reception->level, LEVEL_SESSION);
    assert_true(reception->session);
    assert_false(village->session);
    /* what counts them in their parent */
    assert_string_equal(ward->count->name->text, "communes");
    assert_string_equal(reception->count->name->text, "receptions");
    assert_string_equal(reception->not_held->name->text, "receptions_not_held");
    assert_string_equal(reception->kinds->name->text, "reception_kind");
    /* the report is the root kind, level 0; no other name is a kind */
    assert_ptr_equal(vocab_kind(v, sym(f, "report")), v->root);
    assert_int_equal(v->root->level, LEVEL_ROOT);
    assert_null(vocab_kind(v, sym(f, "hamlet")));
    assert_null(vocab_kind(v, sym(f, "communes")));
}

TEST(vocab_figures_and_dimensions)
{
    Vocab *v = vocab_of(f);
    /* opinions: broken down by level, year, authority, status and topic,
     * in that order (the canonical order of a path's parts) */
    const FigureDecl *op = vocab_figure(v, sym(f, "opinions"));
    assert_non_null(op);
    assert_ptr_equal(op, v->opinions);
    assert_int_equal(op->ndims, 6);     /* the tests' vocabulary adds timeliness */
    assert_string_equal(op->dims[3]->name->text, "status");
    assert_string_equal(op->dims[4]->name->text, "topic");
    assert_int_equal(op->type, TYPE_COUNT);
    const FigureDecl *fund = vocab_figure(v, sym(f, "fund_raised"));
    assert_non_null(fund);
    assert_int_equal(fund->type, TYPE_MONEY);
    /* parts, declared and numbered */
    const Part *pending = vocab_find_part(v, v->status, sym(f, "pending"));
    assert_non_null(pending);
    assert_ptr_equal(pending->dim, v->status);
    assert_null(vocab_find_part(v, v->status, sym(f, "solved")));
    const Dimension *year = vocab_dimension(v, sym(f, "year"));
    assert_non_null(year);
    /* the time axis takes a window of any calendar unit, in canonical form */
    Window w;
    assert_true(vocab_made_part(v, year, sym(f, "y2020"), &w));
    assert_int_equal(w.unit, WIN_YEAR);
    assert_true(vocab_made_part(v, year, sym(f, "m2024_03"), &w));
    assert_int_equal(w.unit, WIN_MONTH);
    assert_false(vocab_made_part(v, year, sym(f, "y02020"), NULL));
    assert_false(vocab_made_part(v, year, sym(f, "year2020"), NULL));
    assert_false(vocab_made_part(v, year, sym(f, "m2024_3"), NULL));
    const Dimension *round = vocab_dimension(v, sym(f, "round"));
    assert_true(vocab_numbered_part(round, sym(f, "round3")));
    assert_false(vocab_numbered_part(round, sym(f, "round03")));
    /* a part made when first met is titled as writers show it: the
     * dimension's title and its number, or the window */
    const Part *third = vocab_part(v, round, sym(f, "round3"));
    assert_non_null(third);
    assert_str(third->title, "Đợt 3");
    assert_ptr_equal(vocab_part(v, round, sym(f, "round3")), third);
    const Part *march = vocab_part(v, year, sym(f, "m2024_03"));
    assert_non_null(march);
    assert_str(march->title, "2024-03");
    assert_int_equal(march->win.unit, WIN_MONTH);
    /* a cell's canonical path follows the figure's dimensions: status
     * (index 3) before topic (index 4), whatever order it was written in */
    const Part *cell[VOCAB_MAX_DIMS] = { 0 };
    cell[4] = vocab_find_part(v, v->topic, sym(f, "land"));
    cell[3] = pending;
    Symbol *path = vocab_cell(v, op, cell);
    assert_non_null(path);
    assert_string_equal(path->text, "opinions.pending.land");
    assert_ptr_equal(vocab_cell_find(v, op, cell), path);
    /* relations: attended <= invited is the first */
    assert_true(v->nbounds >= 1);
    assert_string_equal(v->bounds[0]->small->text, "attended");
    assert_string_equal(v->bounds[0]->large->text, "invited");
}

/* Is the figure of this name the count of some unit kind? */
static bool unit_count(const Vocab *v, Fixture *f, const char *name)
{
    const FigureDecl *d = vocab_figure(v, sym(f, name));
    return d && vocab_is_unit_count(v, d);
}

TEST(vocab_zero_in_units_and_unit_counts)
{
    const Vocab *v = vocab_of(f);
    /* session counts are 0 in a unit that lists none (§5.4 step 4) */
    assert_true(vocab_zero_in_units(v, sym(f, "dialogues")->id));
    assert_true(vocab_zero_in_units(v, sym(f, "receptions")->id));
    assert_true(vocab_zero_in_units(v, sym(f, "voter_contacts")->id));
    assert_true(vocab_zero_in_units(v, sym(f, "receptions_not_held")->id));
    assert_false(vocab_zero_in_units(v, sym(f, "communes")->id));
    assert_false(vocab_zero_in_units(v, sym(f, "opinions")->id));
    /* unit counts: the four levels */
    assert_true(unit_count(v, f, "provinces"));
    assert_true(unit_count(v, f, "districts"));
    assert_true(unit_count(v, f, "communes"));
    assert_true(unit_count(v, f, "villages"));
    assert_false(unit_count(v, f, "dialogues"));
    assert_false(unit_count(v, f, "invited"));
    assert_false(unit_count(v, f, "wards"));
}

/* The words a session's `kind` accepts: its kind's dimension. */
static WordList kinds_of(const Vocab *v, Fixture *f, const char *session)
{
    const Kind *k = vocab_kind(v, sym(f, session));
    assert_non_null(k);
    return vocab_words(v, k->kinds);
}

TEST(vocab_attribute_words)
{
    const Vocab *v = vocab_of(f);
    /* a reception accepts `regular`, a dialogue and a voter contact do not */
    assert_true(vocab_word_in(kinds_of(v, f, "reception"), sym(f, "regular")));
    assert_true(vocab_word_in(kinds_of(v, f, "reception"), sym(f, "leader")));
    assert_false(vocab_word_in(kinds_of(v, f, "dialogue"), sym(f, "regular")));
    assert_false(vocab_word_in(kinds_of(v, f, "voter_contact"), sym(f, "leader")));
    assert_true(vocab_word_in(kinds_of(v, f, "dialogue"), sym(f, "thematic")));
    assert_false(vocab_word_in(kinds_of(v, f, "reception"), sym(f, "thematic")));
    assert_int_equal(kinds_of(v, f, "dialogue").count, 3);
    assert_int_equal(kinds_of(v, f, "reception").count, 4);
    /* seven statuses, in the order of lib/std/dimensions.dlg */
    WordList st = vocab_words(v, v->status);
    assert_int_equal(st.count, 7);
    assert_string_equal(st.words[0]->text, "resolved");
    assert_string_equal(st.words[6]->text, "unfounded");
    assert_int_equal(vocab_words(v, vocab_kind(v, sym(f, "dialogue"))->scopes).count, 2);
    assert_true(vocab_word_in(vocab_answers(v), sym(f, "no")));
    assert_true(vocab_word_in(vocab_severities(v), sym(f, "warning")));
    /* the nearest word, within two edits */
    assert_string_equal(vocab_nearest(st, sym(f, "solved")), "resolved");
    assert_null(vocab_nearest(st, sym(f, "finished")));
    /* names an expression reads from its scope (§7.2) */
    assert_int_equal(vocab_scope_name(v, sym(f, "conclusion")), NAME_CONCLUSION);
    assert_int_equal(vocab_scope_name(v, sym(f, "satisfied")), NAME_SATISFIED);
    assert_int_equal(vocab_scope_name(v, sym(f, "kind")), NAME_KIND);
    assert_int_equal(vocab_scope_name(v, sym(f, "true")), NAME_TRUE);
    assert_int_equal(vocab_scope_name(v, sym(f, "invited")), NAME_FIGURE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(figures_and_entries_in_file_unit_and_session),
        FIXTURE_TEST(names_of_other_contexts_are_figures_here),
        FIXTURE_TEST(a_figure_where_it_does_not_belong),
        FIXTURE_TEST(date_and_place_depend_on_the_context),
        FIXTURE_TEST(units_with_the_same_kind_and_name_merge),
        FIXTURE_TEST(node_ids_follow_creation_order),
        FIXTURE_TEST(same_name_under_different_parents_is_two_units),
        FIXTURE_TEST(figures_with_breakdowns),
        FIXTURE_TEST(parts_met_again),
        FIXTURE_TEST(values_of_figures),
        FIXTURE_TEST(a_value_beyond_32_bits_is_kept_whole),
        FIXTURE_TEST(figures_in_a_row_need_no_link),
        FIXTURE_TEST(a_figure_declared_twice),
        FIXTURE_TEST(figures_found_in_any_order),
        FIXTURE_TEST(figures_searched_then_indexed),
        FIXTURE_TEST(a_session_indexed),
        FIXTURE_TEST(a_figure_declared_twice_across_merged_blocks),
        FIXTURE_TEST(figures_have_canonical_paths),
        FIXTURE_TEST(session_attributes),
        FIXTURE_TEST(sessions_share_their_kind_scope_and_cells),
        FIXTURE_TEST(sessions_of_one_cell_keep_their_kinds),
        FIXTURE_TEST(a_session_keeps_its_opinions_beside_it),
        FIXTURE_TEST(session_kind_must_suit_the_session),
        FIXTURE_TEST(opinions),
        FIXTURE_TEST(opinions_share_their_attributes),
        FIXTURE_TEST(opinions_keep_their_attributes_by_number),
        FIXTURE_TEST(opinions_in_runs),
        FIXTURE_TEST(opinion_attribute_errors),
        FIXTURE_TEST(documents),
        FIXTURE_TEST(document_errors),
        FIXTURE_TEST(rule_definitions),
        FIXTURE_TEST(rule_errors),
        FIXTURE_TEST(indicator_definitions),
        FIXTURE_TEST(indicator_errors),
        FIXTURE_TEST(selectors),
        FIXTURE_TEST(subjects_of_nodes),
        FIXTURE_TEST(report_header),
        FIXTURE_TEST(header_without_a_title),
        FIXTURE_TEST(no_header),
        FIXTURE_TEST(header_errors),
        FIXTURE_TEST(holidays),
        FIXTURE_TEST(holiday_errors),
        FIXTURE_TEST(constructs_out_of_place),
        FIXTURE_TEST(figure_misuse),
        FIXTURE_TEST(vocab_kinds_by_name),
        FIXTURE_TEST(vocab_figures_and_dimensions),
        FIXTURE_TEST(vocab_zero_in_units_and_unit_counts),
        FIXTURE_TEST(vocab_attribute_words),
    };
    return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
