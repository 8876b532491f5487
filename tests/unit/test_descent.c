/* test_descent.c - the first parse of every file, by recursive descent
 * (parse_descent() in grammar/parser.y), against bison's parser with its
 * lookahead correction (parse_source_bison()): for every input, valid or
 * not, the same tree (every item, argument, block and expression, with its
 * span and depth) and the same diagnostics. The inputs are the examples,
 * the golden tests' inputs, the shipped libraries, and the cases below,
 * written for the corners of the grammar: operators, prefix runs, limits
 * of nesting and depth, too many errors, stray braces. */
#include "support.h"

#include "parse_dump.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

/* Both parsers, the same text, or the first line where they part. */
static void assert_same_parse(const char *what, const char *bytes, size_t len)
{
    char *mine = parse_dump(bytes, len, true), *bison = parse_dump(bytes, len, false);
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
        assert_true(dump_read_file(path, &t));
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
    dump_put(&t, "top 0\nbefore 1\n");
    for (int i = 0; i <= PARSE_MAX_DEPTH; i++)
        dump_put(&t, "a { ");
    assert_same(t.s);
    t.n = 0;
    dump_put(&t, "before 1\nx = ");
    for (int i = 0; i <= PARSE_MAX_DEPTH; i++)
        dump_put(&t, "(");
    assert_same(t.s);
    /* more prefix operators than an expression may have */
    for (int inside = 0; inside < 2; inside++) {
        t.n = 0;
        dump_put(&t, "top 0\n%sbefore 1\nx = ", inside ? "u { " : "");
        for (int i = 0; i <= AST_MAX_EXPR_DEPTH; i++)
            dump_put(&t, i % 2 ? "- " : "not ");
        dump_put(&t, "a\nafter 2\n%s", inside ? "}\n" : "");
        assert_same(t.s);
        /* an expression too deep for the evaluator: shallow(); then the
         * same followed by what cannot follow an item, where the syntax
         * error comes first (found by fuzz_parse) */
        static const char *const after[] = { "after 2", "\"s\"", "(", ")", "= 1", "...", "1" };
        for (size_t k = 0; k < sizeof after / sizeof after[0]; k++) {
            t.n = 0;
            dump_put(&t, "top 0\n%sbefore 1\nx = a", inside ? "u { " : "");
            for (int i = 0; i <= AST_MAX_EXPR_DEPTH; i++)
                dump_put(&t, " + a");
            dump_put(&t, "\n%s\n%s", after[k], inside ? "}\n" : "");
            assert_same(t.s);
        }
    }
    /* too many errors: lexical errors fill the list, the parse ends where
     * it is (in a block or not) */
    for (int inside = 0; inside < 2; inside++) {
        t.n = 0;
        dump_put(&t, "top 0\n%sbefore 1\n", inside ? "u { " : "");
        for (int i = 0; i < DIAG_MAX_ERRORS + 5; i++)
            dump_put(&t, "x%d 12.34.56 1\n", i);
        dump_put(&t, "%s", inside ? "}\n" : "");
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
        if (!dump_read_file(argv[i], &t)) {
            perror(argv[i]);
            return 2;
        }
        char *mine = parse_dump(t.s ? t.s : "", t.n, true), *bison = parse_dump(t.s ? t.s : "", t.n, false);
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
