/* test_descent.c - the first parse of every file, by recursive descent
 * (parse_descent() in grammar/parser.y), against bison's parser with its
 * lookahead correction (parse_source_bison()): for every input, valid or
 * not, the same tree (every item, argument, block and expression, with its
 * span and depth) and the same diagnostics. The inputs are the examples,
 * the golden tests' inputs, the shipped libraries, and the cases below,
 * written for the corners of the grammar: operators, prefix runs, limits
 * of nesting and depth, too many errors, stray braces. */
#include "support.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct Text {
    char *s;
    size_t n, cap;
} Text;

static void put(Text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put(Text *t, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(t->s ? t->s + t->n : NULL, t->s ? t->cap - t->n : 0, fmt, ap);
        va_end(ap);
        assert_true(n >= 0);
        if (t->s && (size_t)n < t->cap - t->n) {
            t->n += (size_t)n;
            return;
        }
        t->cap = (t->cap + (size_t)n + 1) * 2;
        t->s = realloc(t->s, t->cap);
        assert_non_null(t->s);
    }
}

/* A file's bytes, NULs and all; false when it cannot be read. */
static bool read_file(const char *path, Text *t)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return false;
    *t = (Text){ 0 };
    char buf[4096];
    for (size_t got; (got = fread(buf, 1, sizeof buf, fp)) > 0; t->n += got) {
        if (t->cap - t->n < got + 1) {
            t->cap = (t->cap + got + 1) * 2;
            t->s = realloc(t->s, t->cap);
            assert_non_null(t->s);
        }
        memcpy(t->s + t->n, buf, got);
    }
    fclose(fp);
    return true;
}

static void span(Text *t, Span s) { put(t, "@%u-%u", s.start, s.end); }

static void expr(Text *t, const Expr *e)
{
    put(t, "(%d d%u ", (int)e->kind, e->depth);
    span(t, e->span);
    switch (e->kind) {
    case EXPR_NUMBER: case EXPR_MONEY: put(t, " %lld", (long long)e->as.number); break;
    case EXPR_PERCENT: put(t, " %lld/%u", (long long)e->as.percent.mantissa, e->as.percent.decimals); break;
    case EXPR_DATE: put(t, " %d-%d-%d/%d", e->as.date.year, e->as.date.month, e->as.date.day, e->as.date.precision); break;
    case EXPR_STRING: put(t, " \"%.*s\"", (int)e->as.str.len, e->as.str.ptr); break;
    case EXPR_UNKNOWN: break;
    case EXPR_PATH:
        for (const PathPart *p = e->as.path; p; p = p->next) {
            put(t, " %s", p->name->text);
            span(t, p->span);
        }
        break;
    case EXPR_CALL:
        put(t, " %s", e->as.call.fn->text);
        span(t, e->as.call.fn_span);
        put(t, " n%u", e->as.call.nargs);
        for (const Expr *x = e->as.call.args; x; x = x->next) {
            put(t, " ");
            expr(t, x);
        }
        break;
    case EXPR_UNARY:
    case EXPR_BINARY:
        put(t, " op%d ", (int)e->as.op.op);
        if (e->kind == EXPR_BINARY) {
            expr(t, e->as.op.lhs);
            put(t, " ");
        }
        expr(t, e->as.op.rhs);
        break;
    }
    put(t, ")");
}

static void items(Text *t, const Item *it, int depth);

static void item(Text *t, const Item *it, int depth)
{
    put(t, "%*s%s", depth * 2, "", it->name->text);
    span(t, it->span);
    put(t, " name_end %u binding %d opened %d", it->name_end, it->binding, it->opened);
    for (const Atom *a = it->args; a; a = a->next) {
        put(t, " [%d aux %u ", a->kind, a->aux);
        span(t, a->span);
        switch ((AtomKind)a->kind) {
        case ATOM_NAME: put(t, " %s", a->as.name->text); break;
        case ATOM_STRING: put(t, " \"%.*s\"", (int)a->aux, a->as.text); break;
        case ATOM_DATE: put(t, " %d-%d-%d", a->as.date.year, a->as.date.month, a->as.date.day); break;
        default: put(t, " %lld", (long long)a->as.count); break;
        }
        put(t, "]");
    }
    if (it->expr) {
        put(t, " = ");
        expr(t, it->expr);
    }
    put(t, "\n");
    for (const Block *b = it->blocks; b; b = b->next) {
        put(t, "%*s{ ", depth * 2, "");
        span(t, b->span);
        put(t, " n%u partial %u ellipsis %u\n", b->nitems, b->partial, b->partial ? b->ellipsis : 0);
        items(t, b->items, depth + 1);
        put(t, "%*s}\n", depth * 2, "");
    }
}

static void items(Text *t, const Item *it, int depth)
{
    for (; it; it = it->next)
        item(t, it, depth);
}

/* The tree and the diagnostics of one parse of `bytes`, as text. */
static char *parse_to_text(const char *bytes, size_t len, bool descent)
{
    Arena a;
    arena_init(&a, NULL);
    Diag diag;
    diag_init(&diag, &a);
    Symtab syms;
    symtab_init(&syms, &a);
    Source *src = source_from_bytes(&a, "in.dlg", bytes, len);
    assert_non_null(src);
    const Item *list = descent ? parse_source(src, &a, &syms, &diag) : parse_source_bison(src, &a, &a, &syms, &diag);
    Text t = { 0 };
    put(&t, "items%s\n", list ? "" : " none");
    items(&t, list, 0);
    for (const Diagnostic *g = diag.first; g; g = g->next) {
        put(&t, "diag %d ", (int)g->severity);
        span(&t, g->span);
        put(&t, " %s\n", g->message);
    }
    put(&t, "errors %u warnings %u oom %d\n", diag.errors, diag.warnings, diag.out_of_memory);
    arena_free(&a);
    return t.s;
}

/* Both parsers, the same text, or the first line where they part. */
static void assert_same_parse(const char *what, const char *bytes, size_t len)
{
    char *mine = parse_to_text(bytes, len, true), *bison = parse_to_text(bytes, len, false);
    if (strcmp(mine, bison) != 0) {
        size_t i = 0, line = 1;
        for (; mine[i] && mine[i] == bison[i]; i++)
            line += mine[i] == '\n';
        fprintf(stderr, "%s: the parses differ at line %zu of their dumps:\ndescent: %.200s\nbison:   %.200s\n", what,
                line, mine + i, bison + i);
    }
    assert_string_equal(mine, bison);
    free(mine);
    free(bison);
}

static void assert_same(const char *text) { assert_same_parse(text, text, strlen(text)); }

/* Every .dlg file (or, `any`, every file but a README) under a directory
 * of the repository (the tests run at its root); how many there were. */
static int same_in_directory(const char *dir, bool any)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int files = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t n = strlen(e->d_name);
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        DIR *sub = e->d_name[0] != '.' ? opendir(path) : NULL;
        if (sub) {
            closedir(sub);
            files += same_in_directory(path, any);
            continue;
        }
        if (any ? e->d_name[0] == '.' || strcmp(e->d_name, "README") == 0
                : n < 5 || strcmp(e->d_name + n - 4, ".dlg") != 0)
            continue;
        Text t;
        assert_true(read_file(path, &t));
        assert_same_parse(path, t.s ? t.s : "", t.n);
        free(t.s);
        files++;
    }
    closedir(d);
    return files;
}

TEST(examples_and_golden_inputs)
{
    (void)f;
    /* 5 examples (and mau-2024/), 64 golden inputs when this was written */
    assert_true(same_in_directory("examples", false) >= 5);
    assert_true(same_in_directory("tests/golden/inputs", false) >= 60);
    /* what fuzzing found: limits met after a model, stray braces */
    assert_true(same_in_directory("tests/fuzz/regress", true) >= 6);
}

TEST(shipped_libraries)
{
    (void)f;
    int n = 0;
    for (const LibraryFile *lib = library_files; lib->name; lib++, n++)
        assert_same_parse(lib->name, lib->bytes, lib->len);
    assert_true(n > 0);
}

TEST(items_arguments_blocks)
{
    (void)f;
    assert_same("");
    assert_same("\n\n  \n");
    assert_same("commune \"A\" { households 12  population 40 }\n");
    assert_same("x 1 2 3 \"s\" 2024-05-01 12% 3đ ? ~7 .. -4 -1,5%\n");
    assert_same("x name 1\ny other\n");
    assert_same("petitions 44 \"đơn\" { complaint 20 } {\n eligible 36 { complaint 14 }\n}\n");
    assert_same("report { title \"T\" } { x 1 }\n");
    assert_same("district \"D\" { communes 3  commune \"A\" { ... } ... }\n");
    assert_same("a { b { c { d 1 } } }\n");
    assert_same("indicator r \"Rate\" = percent(opinions.resolved, opinions) { comment \"c\" }\n");
    assert_same("rule r = dialogues >= 1\nrule s : x\n");
    assert_same("}\n} x 1 }\n");                     /* stray braces: said, and read on */
}

TEST(expressions)
{
    (void)f;
    static const char *const cases[] = {
        "a + b * c - d / e", "a - b - c", "a / b / c", "not a and b or c", "not a == b + c",
        "a == not b == c", "- a * b", "- - a", "- not a + b", "not - a + b", "a + not b * c + d",
        "(a + b) * c", "((a))", "f()", "f(a, b + c, g(h()))", "a.b.c + d", "x <= 2024-01-01",
        "a != \"s\" or b >= 1,5% and c < 7đ or d > ?", "a and (b or c)", "count(opinion, status == \"resolved\")",
        /* errors: a comparison is not associative, and the rest */
        "a < b < c", "a == b != c", "not a == b == c", "a +", "(a", "f(a,", "f(a b)", "a..b", "a . 1", "",
        "a ) b", "1 2",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[256];
        snprintf(text, sizeof text, "before 1\nx = %s\nafter 2\n", cases[i]);
        assert_same(text);
        snprintf(text, sizeof text, "u \"U\" { before 1\n x = %s\n after 2 }\n", cases[i]);
        assert_same(text);
    }
}

TEST(syntax_errors)
{
    (void)f;
    static const char *const cases[] = {
        "x\n", "x }\n", "commune \"A\" {\n", "commune \"A\" { x }\n", "commune \"A\" { x 1 ) }\n",
        "a 1 ... b 2\n", "a { ... x }\n", "a { b 1 } )\n", "- 1\n", "a - b\n", "a ~ b\n", "a = \n",
        "x = 1 y = 2\n", "a \"s\" = 1 { b = }\n", "a { b { c 1 }\n", "a 1\n}\n}\n{\n",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_same(cases[i]);
}

/* A parse stopped by a limit, or by too many errors: what is kept is the
 * same (bison's recovery: the items before a stop outside every block). */
TEST(stops)
{
    (void)f;
    Text t = { 0 };
    /* nesting deeper than PARSE_MAX_DEPTH, in a block and at the top */
    put(&t, "top 0\nbefore 1\n");
    for (int i = 0; i <= PARSE_MAX_DEPTH; i++)
        put(&t, "a { ");
    assert_same(t.s);
    t.n = 0;
    put(&t, "before 1\nx = ");
    for (int i = 0; i <= PARSE_MAX_DEPTH; i++)
        put(&t, "(");
    assert_same(t.s);
    /* more prefix operators than an expression may have */
    for (int inside = 0; inside < 2; inside++) {
        t.n = 0;
        put(&t, "top 0\n%sbefore 1\nx = ", inside ? "u { " : "");
        for (int i = 0; i <= AST_MAX_EXPR_DEPTH; i++)
            put(&t, i % 2 ? "- " : "not ");
        put(&t, "a\nafter 2\n%s", inside ? "}\n" : "");
        assert_same(t.s);
        /* an expression too deep for the evaluator: shallow() */
        t.n = 0;
        put(&t, "top 0\n%sbefore 1\nx = a", inside ? "u { " : "");
        for (int i = 0; i <= AST_MAX_EXPR_DEPTH; i++)
            put(&t, " + a");
        put(&t, "\nafter 2\n%s", inside ? "}\n" : "");
        assert_same(t.s);
    }
    /* too many errors: lexical errors fill the list, the parse ends where
     * it is (in a block or not) */
    for (int inside = 0; inside < 2; inside++) {
        t.n = 0;
        put(&t, "top 0\n%sbefore 1\n", inside ? "u { " : "");
        for (int i = 0; i < DIAG_MAX_ERRORS + 5; i++)
            put(&t, "x%d 12.34.56 1\n", i);
        put(&t, "%s", inside ? "}\n" : "");
        assert_same(t.s);
    }
    free(t.s);
}

/* test_descent FILE...: compare the two parses of each file instead (for
 * inputs made in numbers, tests/unit/README.md). */
static int compare_files(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        Text t;
        if (!read_file(argv[i], &t)) {
            perror(argv[i]);
            return 2;
        }
        char *mine = parse_to_text(t.s ? t.s : "", t.n, true), *bison = parse_to_text(t.s ? t.s : "", t.n, false);
        int same = strcmp(mine, bison) == 0;
        if (!same)
            printf("differ: %s\n", argv[i]);
        free(mine);
        free(bison);
        free(t.s);
        if (!same)
            return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1)
        return compare_files(argc, argv);
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(examples_and_golden_inputs),
        FIXTURE_TEST(shipped_libraries),
        FIXTURE_TEST(items_arguments_blocks),
        FIXTURE_TEST(expressions),
        FIXTURE_TEST(syntax_errors),
        FIXTURE_TEST(stops),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
