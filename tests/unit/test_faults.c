/* test_faults.c - every allocation of a whole run may fail (issue: hostile
 * submissions, point 6; the idea of Lua's ltests.c `failnext`): a run over
 * a realistic report, read, checked, evaluated and written (the writers'
 * scratch memory is the run's), is repeated with its N-th arena
 * allocation failing, for every N until the run makes fewer. Each must end cleanly: exit status
 * 2 with the one line "dlg: error: out of memory" on standard error, or,
 * when the failure was absorbed (a table of line starts not built, counted
 * instead), exactly the output of the run that did not fail; and every
 * chunk the arena took given back (the allocator counts them). */
#include "support.h"

#include "load.h"
#include "run.h"

/* The shipped files parsed once (main()), for the runs that are not here
 * to fail their parse. */
static Prelude *shipped;

/* One run over the report held in memory, with allocation `fail_at`
 * failing; its exit status, and standard error in *err (malloc'd). */
static int run_failing(const MemoryFile *files, int nfiles, const char *writer, const char *const *rules, int nrules,
                       const Prelude *prelude, Failing *f, char **err, char **outbuf)
{
    Allocator al = { failing_alloc, failing_release, f, failing_now };
    RunOptions opt = { .writer = report_writer(writer), .rulebooks = rules, .nrulebooks = nrules, .memory = files,
                       .nmemory = nfiles, .allocator = &al, .prelude = prelude };
    RunOutput r = run_caught(&opt);
    *outbuf = r.out;
    *err = r.err;
    return r.status;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return buf;
}

/* Every N from 1 until a run succeeds without reaching its N-th
 * allocation. With a prelude, the runs do not parse the shipped files
 * themselves: their allocations are not failed again (the first two
 * tests fail them, through a run's own parse, with and without a
 * rulebook). */
static void every_allocation_may_fail(const char *const *paths, int n, const char *writer, const char *const *rules,
                                      int nrules, const Prelude *prelude)
{
    MemoryFile files[8];
    assert_true(n <= 8);
    for (int i = 0; i < n; i++) {
        files[i].name = paths[i];
        files[i].bytes = slurp(paths[i], &files[i].len);
    }
    /* the allocations of a run that does not fail, and what it prints */
    Failing whole = { 0, 0, 0 };
    char *err0 = NULL, *out0 = NULL;
    int status0 = run_failing(files, n, writer, rules, nrules, prelude, &whole, &err0, &out0);
    assert_true(status0 == 0 || status0 == 1);
    assert_int_equal(whole.live, 0);
    assert_true(whole.calls > 100);
    for (uint64_t at = 1; at <= whole.calls; at++) {
        Failing f = { 0, at, 0 };
        char *err = NULL, *out = NULL;
        int status = run_failing(files, n, writer, rules, nrules, prelude, &f, &err, &out);
        bool clean = status == 2 && strstr(err, "dlg: error: out of memory\n");
        bool absorbed = status == status0 && strcmp(out, out0) == 0 && strcmp(err, err0) == 0;
        if ((!clean && !absorbed) || f.live != 0)
            fail_msg("allocation %llu of %llu: status %d, %lld blocks kept, stderr:\n%s", (unsigned long long)at,
                     (unsigned long long)whole.calls, status, (long long)f.live, err);
        free(err);
        free(out);
    }
    free(err0);
    free(out0);
    for (int i = 0; i < n; i++)
        free((char *)files[i].bytes);
}

TEST(tuan_giao_with_a_shipped_rulebook)
{
    (void)f;
    static const char *const paths[] = { "examples/tuan-giao-2020.dlg" };
    static const char *const rules[] = { "dialogue-district" };
    every_allocation_may_fail(paths, 1, "text", rules, 1, NULL);
}

TEST(the_made_up_district_in_json)
{
    (void)f;
    /* within files, the calendar, schedules, deadlines, passed() */
    static const char *const paths[] = { "examples/mau-2024/district.dlg", "examples/mau-2024/dong-mau.dlg",
                                         "examples/mau-2024/tay-mau.dlg" };
    static const char *const rules[] = { "dialogue" };
    every_allocation_may_fail(paths, 3, "json", rules, 1, NULL);
}

TEST(ky_chau_with_its_failures)
{
    (void)f;
    static const char *const paths[] = { "examples/ky-chau-2019-2023.dlg" };
    every_allocation_may_fail(paths, 1, "text", NULL, 0, shipped);
}

/* The writers' scratch memory is the run's: a writer that runs out ends
 * the run with exit 2 and the one line, never a report with holes and the
 * report's own status (sarif, github, csv and html; text and json
 * above). */
TEST(every_writer_when_its_memory_runs_out)
{
    (void)f;
    static const char *const paths[] = { "examples/tra-lam-2019-2024.dlg" };
    static const char *const writers[] = { "sarif", "github", "csv", "html" };
    for (size_t i = 0; i < sizeof writers / sizeof *writers; i++)
        every_allocation_may_fail(paths, 1, writers[i], NULL, 0, shipped);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(tuan_giao_with_a_shipped_rulebook),
        FIXTURE_TEST(the_made_up_district_in_json),
        FIXTURE_TEST(ky_chau_with_its_failures),
        FIXTURE_TEST(every_writer_when_its_memory_runs_out),
    };
    if (!(shipped = prelude_new(NULL)))
        return 1;
    int failed = cmocka_run_group_tests_name("faults", tests, NULL, NULL);
    prelude_free(shipped);
    return failed;
}
