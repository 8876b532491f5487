/* test_prelude.c - the shipped files parsed once and shared (load.h,
 * Prelude): a run using the prelude reports exactly what a run that parses
 * the files itself reports, whatever the input, however many runs share it,
 * and in whatever order; building a prelude survives every allocation
 * failing in turn. */
#include "support.h"

#include "run.h"

typedef struct Output {
    char *out, *err;
    size_t outlen, errlen;
    int status;
} Output;

static void run_file(const char *path, const char *writer, const Prelude *prelude, Output *o)
{
    const char *files[] = { path };
    RunOptions opt = { .writer = report_writer(writer), .files = files, .nfiles = 1, .prelude = prelude };
    memset(o, 0, sizeof *o);
    FILE *out = open_memstream(&o->out, &o->outlen), *err = open_memstream(&o->err, &o->errlen);
    assert_non_null(out);
    assert_non_null(err);
    o->status = dlg_run(&opt, out, err);
    fclose(out);
    fclose(err);
}

static void output_free(Output *o)
{
    free(o->out);
    free(o->err);
}

static void assert_same(const Output *a, const Output *b, const char *what)
{
    if (a->status != b->status || a->outlen != b->outlen || memcmp(a->out, b->out, a->outlen) != 0 ||
        a->errlen != b->errlen || memcmp(a->err, b->err, a->errlen) != 0)
        fail_msg("%s: status %d and %d; standard error:\n%s\n-- and --\n%s", what, a->status, b->status, a->err,
                 b->err);
}

/* Inputs that reach every kind of use of the shipped files: the examples
 * (the standard vocabulary and the calendar), typos answered with a name of
 * the standard vocabulary, a clash with a standard name (a message quoting
 * a line of <dlg>/std), deadlines in working days (the calendar). */
static const char *const INPUTS[] = {
    "examples/tuan-giao-2020.dlg",
    "examples/tuan-giao-2021-h1.dlg",
    "examples/huy-thuong-2024.dlg",
    "examples/ky-chau-2019-2023.dlg",
    "examples/tra-lam-2019-2024.dlg",
    "tests/golden/inputs/typo-figure.dlg",
    "tests/golden/inputs/typo-part.dlg",
    "tests/golden/inputs/meaning-errors.dlg",
    "tests/golden/inputs/deadlines.dlg",
    "tests/golden/inputs/calendar-errors.dlg",
    "tests/golden/inputs/syntax-errors.dlg",
};

static void same_with_and_without(void **state)
{
    (void)state;
    Prelude *p = prelude_new(NULL);
    assert_non_null(p);
    for (size_t i = 0; i < sizeof INPUTS / sizeof *INPUTS; i++)
        for (int w = 0; w < 2; w++) {
            const char *writer = w ? "json" : "text";
            Output alone, shared;
            run_file(INPUTS[i], writer, NULL, &alone);
            run_file(INPUTS[i], writer, p, &shared);
            char what[200];
            snprintf(what, sizeof what, "%s (%s)", INPUTS[i], writer);
            assert_same(&alone, &shared, what);
            output_free(&alone);
            output_free(&shared);
        }
    prelude_free(p);
}

/* A run leaves nothing in the prelude that a later run would see: the
 * first input reported again after all the others reads the same. */
static void runs_leave_the_prelude_as_they_found_it(void **state)
{
    (void)state;
    Prelude *p = prelude_new(NULL);
    assert_non_null(p);
    Output first, again;
    run_file(INPUTS[5], "text", p, &first);
    assert_int_equal(first.status, 2);          /* typo-figure: an unknown name is an error */
    assert_non_null(strstr(first.err, "did you mean"));
    for (size_t i = 0; i < sizeof INPUTS / sizeof *INPUTS; i++) {
        Output o;
        run_file(INPUTS[i], "json", p, &o);
        output_free(&o);
    }
    run_file(INPUTS[5], "text", p, &again);
    assert_same(&first, &again, "the same input before and after other runs");
    output_free(&first);
    output_free(&again);
    prelude_free(p);
}

/* ---- every allocation of prelude_new() failing in turn ---------------------- */

static void building_it_when_memory_runs_out(void **state)
{
    (void)state;
    uint64_t n = 1, failed = 0;
    for (;; n++) {
        Failing f = { 0, n, 0 };
        Allocator al = { failing_alloc, failing_release, &f, failing_now };
        Prelude *p = prelude_new(&al);
        if (f.calls < n) {              /* nothing failed: every allocation was tried */
            assert_non_null(p);
            prelude_free(p);
            assert_int_equal(f.live, 0);
            break;
        }
        assert_null(p);                 /* a prelude missing a piece is never handed out */
        assert_int_equal(f.live, 0);
        failed++;
    }
    assert_true(failed > 10);           /* the run made allocations to fail */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_with_and_without),
        cmocka_unit_test(runs_leave_the_prelude_as_they_found_it),
        cmocka_unit_test(building_it_when_memory_runs_out),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
