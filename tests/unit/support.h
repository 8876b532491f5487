/* support.h - shared fixture and helpers for the cmocka unit tests.
 *
 * Every test gets a Fixture (setup/teardown) holding one Arena whose
 * allocator goes through cmocka's test_malloc/test_free, so a block the
 * arena fails to give back is reported by cmocka as a leak, and cmocka's
 * guard bytes catch an overrun of a chunk. Everything a test builds
 * (sources, syntax trees, the model, the Result) lives in that arena.
 *
 * When the arena is released: cmocka 1.1 checks for leaks at the end of the
 * test body itself, before the teardown runs. A test is therefore written
 * with TEST(name) { ... }, which runs the body and then releases the arena;
 * when the body fails or skips (longjmp), the teardown releases it instead.
 * Either way each test has its own arena and it is freed exactly once.
 *
 * Helpers are `static inline` so a test file that does not use one of them
 * gets no unused-function warning. */
#ifndef DLG_TEST_SUPPORT_H
#define DLG_TEST_SUPPORT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "calendar.h"
#include "ast.h"
#include "check.h"
#include "compare.h"
#include "date.h"
#include "derive.h"
#include "diag.h"
#include "eval.h"
#include "format.h"
#include "library.h"
#include "literal.h"
#include "load.h"
#include "model.h"
#include "parse.h"
#include "report.h"
#include "resolve.h"
#include "result.h"
#include "run.h"
#include "source.h"
#include "symbol.h"
#include "vocab.h"

/* ---- allocator -------------------------------------------------------------
 * The arena hands out blocks aligned for max_align_t inside its chunks, so a
 * chunk must be aligned like malloc's. cmocka only promises sizeof(size_t)
 * alignment: over-allocate, align, and keep the raw pointer just before the
 * block so test_free gets exactly what test_malloc returned. */
enum { SUPPORT_ALIGN = _Alignof(max_align_t) };

static inline void *support_alloc(void *ctx, size_t size)
{
    (void)ctx;
    if (size > SIZE_MAX - 2 * SUPPORT_ALIGN)
        return NULL;
    char *raw = test_malloc(size + 2 * SUPPORT_ALIGN);
    if (!raw)
        return NULL;
    uintptr_t at = ((uintptr_t)raw + sizeof(void *) + SUPPORT_ALIGN - 1) & ~(uintptr_t)(SUPPORT_ALIGN - 1);
    char *block = raw + (at - (uintptr_t)raw);
    memcpy(block - sizeof(void *), &raw, sizeof raw);
    return block;
}

static inline void support_release(void *ctx, void *block)
{
    (void)ctx;
    if (!block)
        return;
    void *raw;
    memcpy(&raw, (char *)block - sizeof(void *), sizeof raw);
    test_free(raw);
}

/* ---- fixture ---------------------------------------------------------------- */

typedef struct Fixture {
    Arena arena;
    Diag diag;
    Symtab syms;
    Source *src;            /* the last source parsed */
    Item *items;            /* its items */
    Vocab *vocab;
    Model *model;
    Derived *derived;
    Resolution *resolution;
    Calendar *calendar;
    Result result;
} Fixture;

static inline int fixture_setup(void **state)
{
    Fixture *f = test_calloc(1, sizeof *f);
    if (!f)
        return -1;
    Allocator al = { support_alloc, support_release, NULL, NULL };
    arena_init(&f->arena, &al);
    diag_init(&f->diag, &f->arena);
    symtab_init(&f->syms, &f->arena);
    *state = f;
    return 0;
}

static inline int fixture_teardown(void **state)
{
    Fixture *f = *state;
    arena_free(&f->arena);      /* a no-op when the test body released it */
    test_free(f);
    return 0;
}

/* End of a test body: give every chunk back while cmocka still watches. */
static inline void fixture_release(Fixture *f)
{
    arena_free(&f->arena);
}

/* TEST(name) { body using `f` }: a cmocka test function `name` with the
 * fixture in `f`; register it in main() with FIXTURE_TEST(name). */
#define TEST(name)                                                            \
    static void name##_body(Fixture *f __attribute__((unused)));             \
    static void name(void **state)                                            \
    {                                                                         \
        Fixture *fx = *state;                                                 \
        name##_body(fx);                                                      \
        fixture_release(fx);                                                  \
    }                                                                         \
    static void name##_body(Fixture *f __attribute__((unused)))

#define FIXTURE_TEST(fn) cmocka_unit_test_setup_teardown(fn, fixture_setup, fixture_teardown)

/* ---- parsing and building ------------------------------------------------------ */

/* Parse `len` bytes (which may hold NULs) as file "test.dlg". */
static inline Item *parse_bytes(Fixture *f, const char *bytes, size_t len)
{
    f->src = source_from_bytes(&f->arena, "test.dlg", bytes, len);
    assert_non_null(f->src);
    f->items = parse_source(f->src, &f->arena, &f->syms, &f->diag);
    return f->items;
}

static inline Item *parse_text(Fixture *f, const char *text)
{
    return parse_bytes(f, text, strlen(text));
}

/* Print the diagnostics when a test expected none, so a failure says why. */
static inline void assert_no_errors(const Fixture *f)
{
    if (f->diag.errors)
        diag_print(&f->diag, stderr);
    assert_int_equal(f->diag.errors, 0);
}

/* Names the unit tests give figures that stand for nothing in particular
 * (x, p, fund ...), declared as a report would declare its own (spec §14),
 * and two standard figures extended with a dimension more. */
static const char TEST_VOCAB[] =
    "dimension part \"Phần\" { a \"A\"  b \"B\"  c \"C\"  d \"D\"  e \"E\"  g \"G\" }\n"
    "dimension row \"Dòng\" { x \"X\"  y \"Y\" }\n"
    "dimension spending \"Khoản chi\" { wages \"Lương\"  other \"Khác\" }\n"
    "figure x \"X\" { by part }\n"
    "figure y \"Y\" { by part }\n"
    "figure z \"Z\" { by part }\n"
    "figure w \"W\" { by part }\n"
    "figure v \"V\" { by part }\n"
    "figure p \"P\" { by part  by row }\n"
    "figure a \"A\" { }\n"
    "figure b \"B\" { }\n"
    "figure sessions \"Buổi\" { by part }\n"
    "figure fund \"Quỹ\" { type money  by part }\n"
    "figure budget \"Ngân sách\" { type money  by spending }\n"
    "figure visits \"Lượt\" { }\n"
    "figure visitors \"Khách\" { }\n"
    "figure letters \"Thư\" { }\n"
    "figure calls \"Cuộc gọi\" { }\n"
    "figure meetings \"Cuộc họp\" { }\n"
    "figure debt \"Nợ\" { }\n"
    "figure note \"Ghi chú\" { }\n"
    "figure severity \"Mức độ\" { }\n"
    "figure reported \"Đã báo cáo\" { }\n"
    "figure status \"Tình trạng\" { }\n"
    "figure topic \"Lĩnh vực\" { }\n"
    "figure opinions { by timeliness }\n"
    "figure voters { by sex }\n";

/* The vocabulary of a run (spec §14): the standard library, the tests'
 * own names, then the declarations of these files. */
/* A new vocabulary with the standard library's declarations, its files
 * named as a run names them: <dlg>/std/... */
static inline Vocab *declare_library(Fixture *f)
{
    f->vocab = vocab_new(&f->arena, &f->syms);
    assert_non_null(f->vocab);
    for (const LibraryFile *lib = library_files; lib->name; lib++) {
        const char *name = arena_printf(&f->arena, "<dlg>/%s", lib->name);
        Source *src = source_from_bytes(&f->arena, name, lib->bytes, lib->len);
        assert_non_null(src);
        vocab_declare(f->vocab, src, parse_source(src, &f->arena, &f->syms, &f->diag));
    }
    return f->vocab;
}

static inline Vocab *load_vocab_files(Fixture *f, Source *const *srcs, Item *const *items, unsigned n)
{
    declare_library(f);
    Source *tv = source_from_bytes(&f->arena, "test-vocab.dlg", TEST_VOCAB, sizeof TEST_VOCAB - 1);
    assert_non_null(tv);
    vocab_declare(f->vocab, tv, parse_source(tv, &f->arena, &f->syms, &f->diag));
    for (unsigned i = 0; i < n; i++)
        vocab_declare(f->vocab, srcs[i], items[i]);
    bool ok = vocab_finish(f->vocab, &f->diag);
    if (!ok)
        diag_print(&f->diag, stderr);
    assert_true(ok);
    return f->vocab;
}

/* The vocabulary with the declarations of the test's own file, if any. */
static inline Vocab *load_vocab(Fixture *f)
{
    return load_vocab_files(f, &f->src, &f->items, f->src ? 1 : 0);
}

/* Parse (no syntax error expected), then build the model of that one
 * file, letting the model report whatever errors it finds (a `use` in it
 * is ignored: nothing was loaded). */
static inline Model *model_of(Fixture *f, const char *text)
{
    parse_text(f, text);
    assert_no_errors(f);
    load_vocab(f);
    f->model = model_new(&f->arena, &f->syms, f->vocab, &f->diag);
    assert_non_null(f->model);
    LoadedFile file = { f->src, f->items, NULL };
    model_add_file(f->model, NULL, &file);
    return f->model;
}

/* The same, no error expected. */
static inline Model *build_model(Fixture *f, const char *text)
{
    model_of(f, text);
    assert_no_errors(f);
    return f->model;
}

/* Parse several texts as the files test1.dlg, test2.dlg, ... of one run,
 * and model them in that order, as files given on the command line merge
 * (spec §10); no error expected unless `errors_ok`. */
static inline Model *build_model_files(Fixture *f, const char *const *texts, unsigned n, bool errors_ok)
{
    Source *srcs[8];
    Item *items[8];
    assert_true(n <= 8);
    for (unsigned i = 0; i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, "test%u.dlg", i + 1);
        srcs[i] = source_from_bytes(&f->arena, arena_strndup(&f->arena, name, strlen(name)), texts[i],
                                    strlen(texts[i]));
        assert_non_null(srcs[i]);
        srcs[i]->id = i;
        items[i] = parse_source(srcs[i], &f->arena, &f->syms, &f->diag);
    }
    assert_no_errors(f);
    f->src = NULL;
    load_vocab_files(f, srcs, items, n);
    f->model = model_new(&f->arena, &f->syms, f->vocab, &f->diag);
    assert_non_null(f->model);
    for (unsigned i = 0; i < n; i++)
        model_add_file(f->model, NULL, &(LoadedFile){ srcs[i], items[i], NULL });
    model_finish(f->model);
    if (!errors_ok)
        assert_no_errors(f);
    return f->model;
}

/* Derive the values of the model built. */
static inline const Derived *derive(Fixture *f)
{
    f->derived = derive_run(f->model, NULL, &f->arena);
    assert_non_null(f->derived);
    return f->derived;
}

/* Build the model, derive its values and run the checks (spec §6). */
static inline Result *run_checks(Fixture *f, const char *text)
{
    build_model(f, text);
    derive(f);
    memset(&f->result, 0, sizeof f->result);
    assert_true(check_run(f->model, f->derived, &f->arena, &f->result));
    assert_false(f->arena.failed);
    return &f->result;
}

/* Build, resolve the expressions, then derive what they and the units ask
 * for, as a run does (run.c); true when the expressions are valid. */
static inline bool resolve(Fixture *f, const char *text)
{
    build_model(f, text);
    bool ok = false;
    f->resolution = resolve_run(f->model, &f->arena, &f->diag, &ok);
    assert_non_null(f->resolution);
    f->derived = derive_run(f->model, f->resolution, &f->arena);
    assert_non_null(f->derived);
    return ok;
}

/* The calendar of a run (spec §4.6): the shipped calendar files, then the
 * calendar items of the test's own file, if any. */
static inline Calendar *build_calendar(Fixture *f)
{
    f->calendar = calendar_new(&f->arena, &f->syms);
    assert_non_null(f->calendar);
    for (const LibraryFile *lib = library_files; lib->name; lib++) {
        if (strncmp(lib->name, "calendar/", 9) != 0)
            continue;
        const char *name = arena_printf(&f->arena, "<dlg>/%s", lib->name);
        Source *src = source_from_bytes(&f->arena, name, lib->bytes, lib->len);
        assert_non_null(src);
        calendar_declare(f->calendar, src, parse_source(src, &f->arena, &f->syms, &f->diag), &f->diag);
    }
    if (f->src)
        calendar_declare(f->calendar, f->src, f->items, &f->diag);
    bool ok = calendar_finish(f->calendar, &f->diag);
    if (!ok)
        diag_print(&f->diag, stderr);
    assert_true(ok);
    return f->calendar;
}

/* Build, derive, resolve, check, then evaluate indicators and rules. */
static inline Result *run_all(Fixture *f, const char *text)
{
    assert_true(resolve(f, text));
    assert_no_errors(f);
    build_calendar(f);
    memset(&f->result, 0, sizeof f->result);
    assert_true(check_run(f->model, f->derived, &f->arena, &f->result));
    assert_true(eval_run(f->model, f->derived, f->resolution, f->calendar, &f->arena, &f->result));
    assert_false(f->arena.failed);
    return &f->result;
}

/* Lines of text a test collects, to compare two lists of checks or
 * verdicts (a CheckSink or VerdictSink writes them). */
enum { LINES_MAX = 16 };
typedef struct Lines {
    Arena *a;
    const char *line[LINES_MAX];
    unsigned n;
    const Symtab *names;        /* the run's, for the checks' figures' paths */
} Lines;

static inline void lines_add(Lines *l, const char *line)
{
    assert_true(l->n < LINES_MAX);
    assert_non_null(line);
    l->line[l->n++] = line;
}

/* The value of a path at a node, after derive(). */
static inline Value value_at(Fixture *f, const Node *n, const char *path)
{
    Symbol *s = symtab_find(&f->syms, path, strlen(path));
    return s ? derive_value(f->derived, n, s) : (Value){ 0 };
}

/* ---- rendered text of results (format.h), in the fixture's arena ------------ */

static inline const char *subject_text(Fixture *f, const Check *c)
{
    return format_check_subject(&f->arena, f->model, c);
}

/* A note's sentence; NULL when there is none. */
static inline const char *note_text(Fixture *f, const Note *n)
{
    return format_note(&f->arena, n);
}

/* The first subject of a rule that did not pass, or NULL. */
static inline const Verdict *first_failure(const RuleResult *rr)
{
    for (const Verdict *v = rr->verdicts; v; v = v->next)
        if (v->status != RESULT_PASS)
            return v;
    return NULL;
}

static inline const char *failure_subject(Fixture *f, const Verdict *v)
{
    return format_verdict_subject(&f->arena, v);
}

static inline const char *failure_detail(Fixture *f, const RuleResult *rr, const Verdict *v)
{
    return format_verdict(&f->arena, rr->def, v);
}

/* ---- syntax trees ---------------------------------------------------------------- */

static inline unsigned item_count(const Item *it)
{
    unsigned n = 0;
    for (; it; it = it->next)
        n++;
    return n;
}

static inline unsigned arg_count(const Item *it)
{
    unsigned n = 0;
    for (const Atom *a = it->args; a; a = a->next)
        n++;
    return n;
}

static inline unsigned block_count(const Item *it)
{
    unsigned n = 0;
    for (const Block *b = it->blocks; b; b = b->next)
        n++;
    return n;
}

/* The n-th item of a list (from 0); fails the test when there is none. */
static inline const Item *item_at(const Item *it, unsigned n)
{
    while (it && n--)
        it = it->next;
    assert_non_null(it);
    return it;
}

/* The n-th argument of an item (from 0); fails the test when there is none. */
static inline const Atom *arg_at(const Item *it, unsigned n)
{
    assert_non_null(it);
    const Atom *a = it->args;
    while (a && n--)
        a = a->next;
    assert_non_null(a);
    return a;
}

/* ---- finding results ------------------------------------------------------------ */

/* Does a check's subject match `needle`? It contains it; a needle ending in
 * '$' must end the subject ("commune A: opinions$" is not opinions.resolved). */
static inline bool subject_matches(const char *subject, const char *needle)
{
    size_t n = strlen(needle);
    if (n && needle[n - 1] == '$') {
        size_t len = strlen(subject);
        n--;
        return len >= n && memcmp(subject + len - n, needle, n) == 0;
    }
    return strstr(subject, needle) != NULL;
}

/* The one check of this kind whose subject matches `needle`; fails the
 * test when there is none or more than one, listing what there is. */
static inline const Check *find_check(Fixture *f, CheckKind kind, const char *needle)
{
    const Check *found = NULL;
    unsigned n = 0;
    CheckIter it;
    for (const Check *c = result_first_check(&f->result, &it); c; c = check_next(&it))
        if (c->kind == kind && subject_matches(subject_text(f, c), needle)) {
            found = c;
            n++;
        }
    if (n != 1) {
        fprintf(stderr, "%u %s checks match '%s'; the checks are:\n", n, result_check_kind_name(kind), needle);
        for (const Check *c = result_first_check(&f->result, &it); c; c = check_next(&it))
            fprintf(stderr, "  %-7s %-7s %s\n", result_check_kind_name(c->kind),
                    result_status_name(c->status), subject_text(f, c));
    }
    assert_int_equal(n, 1);
    return found;
}

/* Number of checks of this kind whose subject matches `needle`. */
static inline unsigned count_checks(Fixture *f, CheckKind kind, const char *needle)
{
    unsigned n = 0;
    CheckIter it;
    for (const Check *c = result_first_check(&f->result, &it); c; c = check_next(&it))
        n += c->kind == kind && subject_matches(subject_text(f, c), needle);
    return n;
}

/* The indicator row for the report (subject NULL) or for one unit. */
static inline const IndicatorResult *find_indicator(Fixture *f, const char *id, const char *subject)
{
    for (const IndicatorResult *ir = f->result.indicators; ir; ir = ir->next)
        if (strcmp(ir->def->id->text, id) == 0 &&
            (subject ? ir->node && strcmp(format_subject(&f->arena, ir->node), subject) == 0 : ir->node == NULL))
            return ir;
    fail_msg("no indicator '%s' for %s", id, subject ? subject : "the report");
    return NULL;
}

static inline const RuleResult *find_rule(Fixture *f, const char *id)
{
    for (const RuleResult *rr = f->result.rules; rr; rr = rr->next)
        if (strcmp(rr->def->id->text, id) == 0)
            return rr;
    fail_msg("no rule '%s'", id);
    return NULL;
}

/* ---- diagnostics ------------------------------------------------------------------ */

static inline unsigned count_diags(const Diag *d, DiagSeverity sev)
{
    unsigned n = 0;
    for (const Diagnostic *g = d->first; g; g = g->next)
        n += g->severity == sev;
    return n;
}

/* The first diagnostic of this severity whose message contains `needle`. */
static inline const Diagnostic *find_diag(const Diag *d, DiagSeverity sev, const char *needle)
{
    for (const Diagnostic *g = d->first; g; g = g->next)
        if (g->severity == sev && strstr(g->message, needle))
            return g;
    return NULL;
}

/* Line and column (1-based, in code points) where a diagnostic starts. */
static inline void diag_line_col(const Diagnostic *g, uint32_t *line, uint32_t *col)
{
    assert_non_null(g->src);
    source_position(g->src, g->span.start, line, col);
}

/* Doubles computed by hand are compared to this many decimal places. */
#define assert_double_near(a, b, eps)                                                     \
    do {                                                                                  \
        double a_ = (a), b_ = (b);                                                        \
        if (!(a_ - b_ <= (eps) && b_ - a_ <= (eps)))                                      \
            fail_msg("%s = %.10g, expected %.10g (within %g)", #a, a_, b_, (double)(eps)); \
    } while (0)

/* Every diagnostic, with its place, to stderr: shown when a test fails. */
static inline void list_diags(const Fixture *f)
{
    for (const Diagnostic *g = f->diag.first; g; g = g->next) {
        uint32_t l = 0, c = 0;
        if (g->src)
            source_position(g->src, g->span.start, &l, &c);
        fprintf(stderr, "  %s:%u:%u: %s\n", g->src ? g->src->name : "-", l, c, g->message);
    }
}

/* The diagnostic of this severity whose message is exactly `message`. */
static inline const Diagnostic *diag_exact(const Fixture *f, DiagSeverity sev, const char *message)
{
    for (const Diagnostic *g = f->diag.first; g; g = g->next)
        if (g->severity == sev && strcmp(g->message, message) == 0)
            return g;
    list_diags(f);
    fail_msg("no diagnostic \"%s\"", message);
    return NULL;
}

/* No diagnostic's message contains `text`. */
static inline void assert_no_diag(const Fixture *f, const char *text)
{
    for (const Diagnostic *g = f->diag.first; g; g = g->next)
        if (strstr(g->message, text)) {
            list_diags(f);
            fail_msg("a diagnostic says \"%s\"", g->message);
        }
}

/* That exact diagnostic, starting at line:col of whatever file. */
static inline const Diagnostic *assert_diag_at(const Fixture *f, DiagSeverity sev, const char *message,
                                               uint32_t line, uint32_t col)
{
    const Diagnostic *g = diag_exact(f, sev, message);
    uint32_t l, c;
    diag_line_col(g, &l, &c);
    if (l != line || c != col) {
        list_diags(f);
        fail_msg("\"%s\" at %u:%u, expected %u:%u", message, l, c, line, col);
    }
    return g;
}

/* That exact diagnostic in file `file` at line:col; line 0 for anywhere
 * in the file, as in a standard file whose lines may move as it grows. */
static inline const Diagnostic *assert_diag(const Fixture *f, DiagSeverity sev, const char *message,
                                            const char *file, uint32_t line, uint32_t col)
{
    const Diagnostic *g = diag_exact(f, sev, message);
    uint32_t l, c;
    diag_line_col(g, &l, &c);
    if (strcmp(g->src->name, file) != 0 || (line && (l != line || c != col))) {
        list_diags(f);
        fail_msg("\"%s\" at %s:%u:%u, expected %s:%u:%u", message, g->src->name, l, c, file, line, col);
    }
    return g;
}

/* ---- the model -------------------------------------------------------------------- */

/* A known percentage indicator value with its numerator and denominator. */
static inline void assert_ratio(const IndicatorResult *ir, double value, double numerator, double denominator)
{
    assert_non_null(ir);
    assert_int_equal(ir->unit, UNIT_PERCENT);
    assert_true(ir->value.known);
    assert_double_near(ir->value.value, value, 1e-9);
    assert_true(ir->numerator.known);
    assert_double_near(ir->numerator.value, numerator, 1e-9);
    assert_true(ir->denominator.known);
    assert_double_near(ir->denominator.value, denominator, 1e-9);
}

/* A check's numbers: the declared and computed values, the imbalance
 * (always declared - computed, spec §6), the relation and the status. */
static inline void assert_check(const Check *c, double declared, double computed, Relation rel, Status status)
{
    assert_non_null(c);
    assert_true(check_declared(c).known);
    assert_double_near(check_declared(c).value, declared, 1e-9);
    assert_true(check_computed(c).known);
    assert_double_near(check_computed(c).value, computed, 1e-9);
    assert_true(check_imbalance(c).known);
    assert_double_near(check_imbalance(c).value, declared - computed, 1e-9);
    assert_int_equal(c->relation, rel);
    assert_int_equal(c->status, status);
}

static inline Symbol *sym(Fixture *f, const char *text)
{
    Symbol *s = symtab_intern_cstr(&f->syms, text);
    assert_non_null(s);
    return s;
}

static inline void assert_str(Str s, const char *want)
{
    if (!s.ptr)
        fail_msg("expected \"%s\", got no string", want);
    if (s.len != strlen(want) || memcmp(s.ptr, want, s.len) != 0)
        fail_msg("expected \"%s\", got \"%.*s\"", want, (int)s.len, s.ptr);
}

/* The child (unit or session) of `parent` with this kind and name (NULL
 * name: the first child of that kind without one); names compared as
 * bytes. */
static inline Node *child(const Node *parent, const char *kind, const char *name)
{
    for (Node *n = node_first_child(parent); n; n = n->next_sibling)
        if (strcmp(n->kind->name->text, kind) == 0 && (name ? n->name && strcmp(n->name->text, name) == 0 : !n->name))
            return n;
    fail_msg("no %s \"%s\" in %s", kind, name ? name : "(no name)",
             parent->name ? parent->name->text : "the report");
    return NULL;
}

static inline unsigned child_count(const Node *parent)
{
    unsigned n = 0;
    for (const Node *c = node_first_child(parent); c; c = c->next_sibling)
        n++;
    return n;
}

/* The figure (top level or part) with this canonical path at node n. */
static inline Figure *figure_at(Fixture *f, const Node *n, const char *path)
{
    Symbol *s = symtab_find(&f->syms, path, strlen(path));
    Figure *fig = s ? model_figure(n, s) : NULL;
    if (!fig)
        fail_msg("no figure '%s'", path);
    return fig;
}

/* The files test1.dlg ... of one run given to model_add_files() as the
 * roots of a FileSet filled by hand (load.h): the files that say nothing
 * of where they stand first, then each `within` file once its unit exists.
 * The model's own errors are allowed. */
static inline Model *model_roots(Fixture *f, const char *const *texts, unsigned n)
{
    LoadedFile **roots = ARENA_ARRAY(&f->arena, LoadedFile *, n);
    assert_non_null(roots);
    for (unsigned i = 0; i < n; i++) {
        const char *name = arena_printf(&f->arena, "test%u.dlg", i + 1);
        Source *src = source_from_bytes(&f->arena, name, texts[i], strlen(texts[i]));
        assert_non_null(src);
        src->id = i;
        roots[i] = ARENA_NEW(&f->arena, LoadedFile);
        assert_non_null(roots[i]);
        roots[i]->src = src;
        roots[i]->items = parse_source(src, &f->arena, &f->syms, &f->diag);
    }
    assert_no_errors(f);
    f->src = NULL;
    load_vocab(f);
    FileSet fs;
    memset(&fs, 0, sizeof fs);
    fs.arena = &f->arena;
    fs.syms = &f->syms;
    fs.diag = &f->diag;
    fs.roots = roots;
    fs.nroots = n;
    fs.cap_roots = n;
    f->model = model_new(&f->arena, &f->syms, f->vocab, &f->diag);
    assert_non_null(f->model);
    model_add_files(f->model, &fs);
    return f->model;
}

/* ---- whole runs (run.h) with their output caught ------------------------------------ */

/* What a run printed on its standard output and error, and its exit status. */
typedef struct RunOutput {
    int status;
    char *out, *err;
} RunOutput;

/* dlg_run() with these options; the output is freed by run_output_free(). */
static inline RunOutput run_caught(const RunOptions *opt)
{
    RunOutput o = { 0, NULL, NULL };
    size_t n1, n2;
    FILE *out = open_memstream(&o.out, &n1), *err = open_memstream(&o.err, &n2);
    assert_non_null(out);
    assert_non_null(err);
    o.status = dlg_run(opt, out, err);
    fclose(out);
    fclose(err);
    return o;
}

static inline void run_output_free(RunOutput *o)
{
    free(o->out);
    free(o->err);
}

/* `needle` is in `haystack`; else the test fails, showing both. */
static inline void assert_in(const char *haystack, const char *needle)
{
    if (!strstr(haystack, needle))
        fail_msg("\"%s\" not found in:\n%s", needle, haystack);
}

static inline void assert_not_in(const char *haystack, const char *needle)
{
    if (strstr(haystack, needle))
        fail_msg("\"%s\" found in:\n%s", needle, haystack);
}

/* ---- an allocator that fails the N-th allocation ---------------------------
 * (the idea of Lua's ltests.c `failnext`): a run is repeated with its
 * fail_at-th arena allocation failing, for every N until the run makes
 * fewer; `live` counts the blocks not given back. */
typedef struct Failing {
    uint64_t calls;         /* allocations asked for */
    uint64_t fail_at;       /* the one that fails (1-based); 0: none */
    int64_t live;           /* blocks handed out and not released */
} Failing;

static inline bool failing_now(void *ctx)
{
    Failing *f = ctx;
    return ++f->calls == f->fail_at;
}

static inline void *failing_alloc(void *ctx, size_t size)
{
    Failing *f = ctx;
    void *p = malloc(size);
    f->live += p != NULL;
    return p;
}

static inline void failing_release(void *ctx, void *block)
{
    Failing *f = ctx;
    if (block)
        f->live--;
    free(block);
}

#endif
