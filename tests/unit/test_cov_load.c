/* test_cov_load.c - where a run may read (spec §10, interp/load.c):
 * --sandbox with a sibling folder whose name begins like the working
 * folder's, the working folder itself, a symbolic link to nothing, an
 * absolute path that does not exist, a path longer than PATH_MAX, the
 * working folder "/"; and the paths `use` refuses (empty, a backslash, a
 * ".." component at the end or inside) beside one it takes ("..x.dlg").
 *
 * The files are written in a folder of their own under /tmp, which the
 * tests make the working folder; the one before is restored after each. */
#include "support.h"

#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

static char root[] = "/tmp/dlg-cov-load-XXXXXX";
static char before[PATH_MAX];

static void write_file(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

/* root/w (the working folder) with in.dlg and a link to nothing, and
 * root/wx beside it with out.dlg. */
static int make_tree(void **state)
{
    (void)state;
    char p[PATH_MAX + 64];
    if (!getcwd(before, sizeof before) || !mkdtemp(root))
        return -1;
    snprintf(p, sizeof p, "%s/w", root);
    mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/wx", root);
    mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/w/in.dlg", root);
    write_file(p, "invited 5\n");
    snprintf(p, sizeof p, "%s/wx/out.dlg", root);
    write_file(p, "invited 6\n");
    char target[PATH_MAX + 64];
    snprintf(target, sizeof target, "%s/nowhere/x.dlg", root);
    snprintf(p, sizeof p, "%s/w/dangling.dlg", root);
    if (symlink(target, p) != 0)
        return -1;
    snprintf(p, sizeof p, "%s/w", root);
    return chdir(p);
}

static int remove_tree(void **state)
{
    (void)state;
    char cmd[PATH_MAX + 64];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    int rc = chdir(before);
    return system(cmd) == 0 && rc == 0 ? 0 : -1;
}

/* A run of one file named on the command line, under --sandbox or not. */
static RunOutput run_path(const char *path, bool sandbox)
{
    const char *files[] = { path };
    RunOptions opt = { .writer = report_writer("text"), .sandbox = sandbox, .files = files, .nfiles = 1 };
    return run_caught(&opt);
}

static void assert_refused(const char *path)
{
    RunOutput o = run_path(path, true);
    assert_int_equal(o.status, 2);
    char want[PATH_MAX + 200];
    snprintf(want, sizeof want, "dlg: error: with --sandbox, '%s' must lie inside the working folder, symbolic links "
             "resolved\n", path);
    assert_in(o.err, want);
    run_output_free(&o);
}

static void test_sandbox(void **state)
{
    (void)state;
    /* inside: read */
    RunOutput o = run_path("in.dlg", true);
    assert_int_equal(o.status, 0);
    run_output_free(&o);
    /* root/wx begins like root/w but is not inside it */
    assert_refused("../wx/out.dlg");
    /* a link to nothing: where it points is not told */
    assert_refused("dangling.dlg");
    /* an absolute path of which nothing exists: "/" is outside */
    assert_refused("/nonexistent-dlg-cov/x.dlg");
    /* a path longer than any path */
    char *longpath = malloc(PATH_MAX + 10);
    assert_non_null(longpath);
    memset(longpath, 'a', PATH_MAX + 9);
    longpath[PATH_MAX + 9] = '\0';
    o = run_path(longpath, true);
    assert_int_equal(o.status, 2);
    /* (the message is cut at 1,024 bytes, spec §11: the path fills it) */
    assert_in(o.err, "dlg: error: with --sandbox, 'aaaaaaaa");
    assert_in(o.err, "aaaa...\n");
    run_output_free(&o);
    free(longpath);
    /* the working folder itself is inside it, and is not a file */
    o = run_path(".", true);
    assert_int_equal(o.status, 2);
    assert_in(o.err, "dlg: error: cannot read '.': not a regular file\n");
    run_output_free(&o);
    /* a missing file inside: judged by its folder, then not read */
    o = run_path("sub/none.dlg", true);
    assert_int_equal(o.status, 2);
    assert_in(o.err, "dlg: error: cannot read 'sub/none.dlg': No such file or directory\n");
    run_output_free(&o);
}

static void test_sandbox_at_the_root(void **state)
{
    (void)state;
    /* working in "/", every path is inside */
    char path[PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/wx/out.dlg", root);
    assert_int_equal(chdir("/"), 0);
    RunOutput o = run_path(path, true);
    assert_int_equal(o.status, 0);
    run_output_free(&o);
    snprintf(path, sizeof path, "%s/w", root);
    assert_int_equal(chdir(path), 0);
}

static void test_use_paths(void **state)
{
    (void)state;
    /* use.dlg line 1: "", 2: a backslash, 3: ".." at the end, 4: ".." inside;
     * 5: "..x.dlg" is a name, not "..": allowed, and missing */
    write_file("use.dlg", "use \"\"\nuse \"a\\\\b.dlg\"\nuse \"x/..\"\nuse \"x/../in.dlg\"\nuse \"..x.dlg\"\n");
    RunOutput o = run_path("use.dlg", false);
    assert_int_equal(o.status, 2);
    static const char *const at[] = { "use.dlg:1:5", "use.dlg:2:5", "use.dlg:3:5", "use.dlg:4:5" };
    for (size_t i = 0; i < sizeof at / sizeof *at; i++) {
        char want[256];
        snprintf(want, sizeof want, "%s: error: 'use' takes a path relative to this file, without '..', '/' at the "
                 "start or '\\'\n", at[i]);
        assert_in(o.err, want);
    }
    assert_in(o.err, "use.dlg:5:5: error: cannot read '..x.dlg': No such file or directory\n");
    run_output_free(&o);
    remove("use.dlg");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sandbox),
        cmocka_unit_test(test_sandbox_at_the_root),
        cmocka_unit_test(test_use_paths),
    };
    return cmocka_run_group_tests(tests, make_tree, remove_tree);
}
