/* test_cov_run.c - the command line (spec §12; interp/main.c) and a whole
 * run (interp/run.c, load.c, source.c): options, standard input from a
 * pipe or a file, files that cannot be read, --sandbox, --strict with
 * nothing to check, rulebooks by name and by path, --previous.
 *
 * The command line is tested on the dlg binary of the same build
 * (build/MODE/dlg, beside build/MODE/tests/), run with posix_spawn;
 * tests/coverage.mk makes this test depend on it. A whole run is tested
 * through dlg_run() (run.h). Expected texts are those of spec/messages.md
 * §1 and §6 and spec §11, §12. */
#include "support.h"

#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "run.h"

extern char **environ;

static char dlg_path[PATH_MAX];
static char tmp_dir[] = "/tmp/dlg-cov-run-XXXXXX";

/* ---- helpers ------------------------------------------------------------------- */

static char *slurp_fd(int fd)
{
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    assert_non_null(buf);
    assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
    for (ssize_t got; (got = read(fd, buf + n, cap - n - 1)) > 0;) {
        n += (size_t)got;
        if (n + 1 == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
    }
    buf[n] = '\0';
    return buf;
}

static int temp_fd(void)
{
    char name[] = "/tmp/dlg-cov-out-XXXXXX";
    int fd = mkstemp(name);
    assert_true(fd >= 0);
    unlink(name);
    return fd;
}

typedef struct Ran {
    int status;
    char *out, *err;
} Ran;

static void ran_free(Ran *r)
{
    free(r->out);
    free(r->err);
}

/* Run dlg with these arguments (NULL-terminated after argv[0] "dlg"),
 * standard input from `in_fd` (or /dev/null when -1); standard output and
 * error captured. */
static Ran spawn_dlg(const char *const *args, int in_fd)
{
    const char *argv[32] = { dlg_path };
    int n = 1;
    for (; args[n - 1]; n++) {
        assert_true(n < 31);
        argv[n] = args[n - 1];
    }
    argv[n] = NULL;
    int out = temp_fd(), err = temp_fd();
    int in = in_fd >= 0 ? in_fd : open("/dev/null", O_RDONLY);
    assert_true(in >= 0);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in, 0);
    posix_spawn_file_actions_adddup2(&fa, out, 1);
    posix_spawn_file_actions_adddup2(&fa, err, 2);
    pid_t pid;
    int rc = posix_spawn(&pid, dlg_path, &fa, NULL, (char *const *)argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0)
        fail_msg("cannot run %s: %s", dlg_path, strerror(rc));
    if (in_fd < 0)
        close(in);
    int ws;
    assert_int_equal(waitpid(pid, &ws, 0), pid);
    assert_true(WIFEXITED(ws));
    Ran r = { WEXITSTATUS(ws), slurp_fd(out), slurp_fd(err) };
    close(out);
    close(err);
    return r;
}

/* A wrong command line: status 2, nothing on standard output, and exactly
 * `err` on standard error (spec §12). */
static void assert_bad_usage(const char *const *args, const char *err)
{
    Ran r = spawn_dlg(args, -1);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.out, "");
    assert_string_equal(r.err, err);
    ran_free(&r);
}

static const char *tmp_path(Fixture *f, const char *name)
{
    return arena_printf(&f->arena, "%s/%s", tmp_dir, name);
}

static const char *write_file(Fixture *f, const char *name, const char *text)
{
    const char *path = tmp_path(f, name);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(text, 1, strlen(text), fp), strlen(text));
    assert_int_equal(fclose(fp), 0);
    return path;
}

static const char WRONG[] = "invited 5\nattended 7\n";
/* spec §6.6: attended <= invited, 7 <= 5 fails: exit status 1 (§12) */
/* the check's line, 80 columns wide: its position does not fit after the
 * imbalance and stands on the next line, under the subject (spec §13) */
static const char WRONG_LINE[] = "  FAIL  bound    the report: attended <= invited  7 <= 5  imbalance +2\n"
                                 "                 ";

/* ---- the command line (§12) ------------------------------------------------------- */

TEST(version_and_help)
{
    Ran r = spawn_dlg((const char *const[]){ "--version", NULL }, -1);
    assert_int_equal(r.status, 0);
    assert_int_equal(strncmp(r.out, "dlg ", 4), 0);
    assert_int_equal(r.out[strlen(r.out) - 1], '\n');
    assert_string_equal(r.err, "");
    ran_free(&r);
    /* --help: the synopsis of §12, and the shipped rulebooks by name */
    r = spawn_dlg((const char *const[]){ "--help", "nothing.dlg", NULL }, -1);
    assert_int_equal(r.status, 0);
    const char *synopsis =
        "usage: dlg [--format FORMAT] [--lang LANG] [--strict] [--sandbox] [--jobs N] [--rules NAME|FILE]... [--previous FILE]... FILE...\n";
    assert_int_equal(strncmp(r.out, synopsis, strlen(synopsis)), 0);
    assert_non_null(strstr(r.out, "dialogue, dialogue-district, reception, party"));
    assert_string_equal(r.err, "");
    ran_free(&r);
}

TEST(wrong_command_lines)
{
    /* spec/messages.md §6 */
    assert_bad_usage((const char *const[]){ NULL }, "dlg: no input file\ntry 'dlg --help'\n");
    assert_bad_usage((const char *const[]){ "--strict", NULL }, "dlg: no input file\ntry 'dlg --help'\n");
    assert_bad_usage((const char *const[]){ "--format", NULL },
                     "dlg: --format needs a value: text, json, sarif, github, csv or html\ntry 'dlg --help'\n");
    assert_bad_usage((const char *const[]){ "--format", "xml", "r.dlg", NULL },
                     "dlg: unknown format 'xml': use text, json, sarif, github, csv or html\ntry 'dlg --help'\n");
    assert_bad_usage((const char *const[]){ "--format=xml", "r.dlg", NULL },
                     "dlg: unknown format 'xml': use text, json, sarif, github, csv or html\ntry 'dlg --help'\n");
    assert_bad_usage((const char *const[]){ "-x", "r.dlg", NULL }, "dlg: unknown option '-x'\ntry 'dlg --help'\n");
    /* nothing on standard output, even with --format json */
    assert_bad_usage((const char *const[]){ "--format", "json", "--frobnicate", NULL },
                     "dlg: unknown option '--frobnicate'\ntry 'dlg --help'\n");
    /* --previous and --rules without a value: a message of the form
     * "dlg: MESSAGE" then "try 'dlg --help'" (§12) */
    const char *const *lone[] = { (const char *const[]){ "r.dlg", "--previous", NULL },
                                  (const char *const[]){ "r.dlg", "--rules", NULL } };
    for (unsigned i = 0; i < 2; i++) {
        Ran r = spawn_dlg(lone[i], -1);
        assert_int_equal(r.status, 2);
        assert_string_equal(r.out, "");
        assert_int_equal(strncmp(r.err, "dlg: ", 5), 0);
        const char *tail = "\ntry 'dlg --help'\n";
        assert_true(strlen(r.err) > strlen(tail));
        assert_string_equal(r.err + strlen(r.err) - strlen(tail), tail);
        unsigned lines = 0;
        for (const char *c = r.err; *c; c++)
            lines += *c == '\n';
        assert_int_equal(lines, 2);
        ran_free(&r);
    }
}

TEST(double_dash_ends_the_options)
{
    /* after --, "-no-such.dlg" is a file (§12); one that cannot be read is
     * a diagnostic tied to no file, one line (§11), and nothing is
     * evaluated (messages.md §1) */
    Ran r = spawn_dlg((const char *const[]){ "--", "-no-such.dlg", NULL }, -1);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.out, "");
    assert_string_equal(r.err, "dlg: error: cannot read '-no-such.dlg': No such file or directory\n"
                               "dlg: nothing was evaluated: 1 error in the input (see above)\n");
    ran_free(&r);
}

TEST(options_in_the_equals_form)
{
    const char *prev = write_file(f, "prev.dlg", "report \"Trước\" { period 2023 }\ninvited 4\nattended 3\n"
                                                 "indicator att \"T\" = percent(attended, invited)\n");
    const char *cur = write_file(f, "cur.dlg", "report \"Nay\" { period 2024 }\ninvited 5\nattended 4\n"
                                               "indicator att \"T\" = percent(attended, invited)\n");
    const char *book = write_file(f, "book.dlg", "rule ok \"T\": invited >= attended\n");
    Ran r = spawn_dlg((const char *const[]){ "--format=json", arena_printf(&f->arena, "--previous=%s", prev),
                                             arena_printf(&f->arena, "--rules=%s", book), "--strict", "--sandbox",
                                             "--", cur, NULL },
                      -1);
    /* --sandbox refuses the files in /tmp, outside the working folder */
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, arena_printf(&f->arena, "dlg: error: with --sandbox, '%s' must lie inside the "
                                                          "working folder, symbolic links resolved\n", cur)));
    ran_free(&r);
    r = spawn_dlg((const char *const[]){ "--format=json", arena_printf(&f->arena, "--previous=%s", prev),
                                         arena_printf(&f->arena, "--rules=%s", book), "--strict", cur, NULL },
                  -1);
    /* 4 <= 5 (and 3 <= 4 before) pass, the rule holds (5 >= 4), both
     * reports have a header and the periods 2023 and 2024 follow each
     * other: nothing fails under --strict (§12). JSON, with the
     * comparison (§12.1) */
    assert_int_equal(r.status, 0);
    assert_int_equal(r.out[0], '{');
    assert_non_null(strstr(r.out, "\"comparison\""));
    assert_string_equal(r.err, "");
    ran_free(&r);
}

/* ---- standard input and files that cannot be read (§10, §12) --------------------- */

TEST(standard_input_from_a_pipe)
{
    /* more than the 64 KiB a pipe's buffer starts with: comments, then
     * the two figures, which are read whatever comes before */
    size_t pad = 200 * 1024;
    char *text = malloc(pad + sizeof WRONG);
    assert_non_null(text);
    for (size_t i = 0; i < pad; i += 64) {
        memset(text + i, ' ', 64);
        text[i] = '#';
        text[i + 63] = '\n';
    }
    memcpy(text + pad, WRONG, sizeof WRONG);
    int p[2];
    assert_int_equal(pipe(p), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(p[0]);
        size_t len = strlen(text), at = 0;
        while (at < len) {
            ssize_t w = write(p[1], text + at, len - at);
            if (w <= 0)
                _exit(1);
            at += (size_t)w;
        }
        _exit(0);
    }
    close(p[1]);
    Ran r = spawn_dlg((const char *const[]){ "-", NULL }, p[0]);
    close(p[0]);
    int ws;
    waitpid(pid, &ws, 0);
    free(text);
    assert_int_equal(r.status, 1);
    /* 200 KiB of comments are 3,200 lines of 64 bytes: the figures stand
     * on lines 3,201 and 3,202 of <stdin> */
    assert_non_null(strstr(r.out, arena_printf(&f->arena, "%s<stdin>:3202:1\n", WRONG_LINE)));
    ran_free(&r);
}

TEST(standard_input_from_a_file)
{
    const char *path = write_file(f, "wrong.dlg", WRONG);
    int fd = open(path, O_RDONLY);
    assert_true(fd >= 0);
    Ran r = spawn_dlg((const char *const[]){ "-", NULL }, fd);
    close(fd);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.out, arena_printf(&f->arena, "%s<stdin>:2:1\n", WRONG_LINE)));
    ran_free(&r);
}

TEST(standard_input_from_a_directory)
{
    int fd = open("/", O_RDONLY | O_DIRECTORY);
    assert_true(fd >= 0);
    Ran r = spawn_dlg((const char *const[]){ "-", NULL }, fd);
    close(fd);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.err, "dlg: error: cannot read '-': Is a directory\n"
                               "dlg: nothing was evaluated: 1 error in the input (see above)\n");
    ran_free(&r);
}

TEST(files_that_are_not_regular_or_too_large)
{
    /* a FIFO is refused at once, never waited on; a file larger than 1
     * GiB is refused before it is read (§2, §10; messages.md §1): a sparse
     * file, which takes no room on disk */
    const char *fifo = tmp_path(f, "fifo.dlg");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    const char *big = tmp_path(f, "big.dlg");
    int fd = open(big, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, (off_t)1025 * 1024 * 1024), 0);
    close(fd);
    Ran r = spawn_dlg((const char *const[]){ fifo, big, NULL }, -1);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.err, arena_printf(&f->arena,
                                            "dlg: error: cannot read '%s': not a regular file\n"
                                            "dlg: error: cannot read '%s': the file is larger than 1 GiB\n"
                                            "dlg: nothing was evaluated: 2 errors in the input (see above)\n",
                                            fifo, big));
    ran_free(&r);
    /* the same file as standard input */
    fd = open(big, O_RDONLY);
    assert_true(fd >= 0);
    r = spawn_dlg((const char *const[]){ "-", NULL }, fd);
    close(fd);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.err, "dlg: error: cannot read '-': the file is larger than 1 GiB\n"
                               "dlg: nothing was evaluated: 1 error in the input (see above)\n");
    ran_free(&r);
    unlink(fifo);
    unlink(big);
}

/* ---- whole runs through dlg_run() ----------------------------------------------- */

static RunOutput run_api(RunOptions *opt)
{
    if (!opt->writer)
        opt->writer = report_writer("text");
    return run_caught(opt);
}

TEST(strict_with_nothing_at_all)
{
    /* §12: with --strict a submission without a header or anything to
     * check is an error; with no file at all, tied to no file (§11) */
    RunOptions opt = { .strict = true };
    RunOutput o = run_api(&opt);
    assert_int_equal(o.status, 2);
    assert_string_equal(o.err, "dlg: error: with --strict a submission needs its report header: report \"TITLE\" { "
                               "issuer ... period ... }\n"
                               "dlg: error: with --strict a submission needs figures to check: this one gives none\n"
                               "dlg: nothing was evaluated: 2 errors in the input (see above)\n");
    run_output_free(&o);
}

TEST(sandbox_refuses_files_outside)
{
    /* the tests run in the repository: /tmp is outside it (§12); a path
     * that does not exist is judged by the part of it that does */
    const char *outside = write_file(f, "outside.dlg", WRONG);
    const char *files[] = { outside, "../no-such-folder/x.dlg", "tests/no-such-file.dlg" };
    RunOptions opt = { .sandbox = true, .files = files, .nfiles = 3 };
    RunOutput o = run_api(&opt);
    assert_int_equal(o.status, 2);
    assert_string_equal(o.err, arena_printf(&f->arena,
                                            "dlg: error: with --sandbox, '%s' must lie inside the working folder, "
                                            "symbolic links resolved\n"
                                            "dlg: error: with --sandbox, '../no-such-folder/x.dlg' must lie inside "
                                            "the working folder, symbolic links resolved\n"
                                            "dlg: error: cannot read 'tests/no-such-file.dlg': No such file or "
                                            "directory\n"
                                            "dlg: nothing was evaluated: 3 errors in the input (see above)\n",
                                            outside));
    run_output_free(&o);
}

TEST(rulebooks_by_name_and_by_path)
{
    /* a name with a '/' or ending in .dlg is a file; another name must be
     * a shipped rulebook, else an error naming the shipped ones and the
     * nearest (§12) */
    const char *book = write_file(f, "book.dlg", "rule small \"T\": invited < 3\n");
    const char *report = write_file(f, "report.dlg", "invited 5\n");
    const char *const books[] = { book, "dialog", "missing-book.dlg" };
    const char *files[] = { report };
    RunOptions opt = { .files = files, .nfiles = 1, .rulebooks = books, .nrulebooks = 3 };
    RunOutput o = run_api(&opt);
    assert_int_equal(o.status, 2);
    assert_non_null(strstr(o.err, "dlg: error: no rulebook 'dialog' ships with dlg"));
    assert_non_null(strstr(o.err, "'dialogue'"));
    assert_non_null(strstr(o.err, "dialogue, dialogue-district, reception, party"));
    assert_non_null(strstr(o.err, "dlg: error: cannot read 'missing-book.dlg': No such file or directory\n"));
    run_output_free(&o);
    /* the file alone: invited 5 < 3 is false, an error rule fails: status 1 */
    opt.nrulebooks = 1;
    o = run_api(&opt);
    assert_int_equal(o.status, 1);
    assert_non_null(strstr(o.out, "invited < 3 is false: 5 < 3 does not hold"));
    run_output_free(&o);
}

TEST(previous_period_not_consecutive_or_wrong)
{
    /* §12.1: a previous period that does not end the day before this one
     * begins draws a warning; an error in the previous report is an error
     * of the run */
    const char *cur = write_file(f, "cur.dlg", "period 2024\ninvited 5\n");
    const char *gap = write_file(f, "gap.dlg", "period 2022\ninvited 4\n");
    const char *bad = write_file(f, "bad.dlg", "period 2023\ninvited 4.5\n");
    const char *files[] = { cur };
    const char *prev[] = { gap };
    RunOptions opt = { .files = files, .nfiles = 1, .previous = prev, .nprevious = 1 };
    RunOutput o = run_api(&opt);
    assert_int_equal(o.status, 0);
    assert_non_null(strstr(o.err, "dlg: warning: "));
    assert_non_null(strstr(o.err, "consecutive"));
    run_output_free(&o);
    prev[0] = bad;
    o = run_api(&opt);
    assert_int_equal(o.status, 2);
    assert_non_null(strstr(o.err, "bad.dlg:2:9: error: "));
    run_output_free(&o);
}

TEST(rules_without_a_value)
{
    /* spec/messages.md §6: `dlg r.dlg --rules` */
    assert_bad_usage((const char *const[]){ "r.dlg", "--rules", NULL },
                     "dlg: --rules needs a rulebook: a name or a file\ntry 'dlg --help'\n");
}

static int remove_tmp_dir(void)
{
    return rmdir(tmp_dir);
}

int main(int argc, char **argv)
{
    (void)argc;
    /* build/MODE/tests/test_cov_run -> build/MODE/dlg */
    const char *slash = strrchr(argv[0], '/');
    int dir = slash ? (int)(slash - argv[0]) : 0;
    snprintf(dlg_path, sizeof dlg_path, "%.*s%s../dlg", dir, argv[0], slash ? "/" : "");
    if (access(dlg_path, X_OK) != 0) {
        fprintf(stderr, "test_cov_run: %s not found: build it first (make)\n", dlg_path);
        return 1;
    }
    if (!mkdtemp(tmp_dir)) {
        perror("mkdtemp");
        return 1;
    }
    /* the text report as a pipe gets it: 80 columns, no colour */
    unsetenv("COLUMNS");
    unsetenv("NO_COLOR");
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(version_and_help),
        FIXTURE_TEST(wrong_command_lines),
        FIXTURE_TEST(double_dash_ends_the_options),
        FIXTURE_TEST(options_in_the_equals_form),
        FIXTURE_TEST(standard_input_from_a_pipe),
        FIXTURE_TEST(standard_input_from_a_file),
        FIXTURE_TEST(standard_input_from_a_directory),
        FIXTURE_TEST(files_that_are_not_regular_or_too_large),
        FIXTURE_TEST(strict_with_nothing_at_all),
        FIXTURE_TEST(sandbox_refuses_files_outside),
        FIXTURE_TEST(rulebooks_by_name_and_by_path),
        FIXTURE_TEST(previous_period_not_consecutive_or_wrong),
        FIXTURE_TEST(rules_without_a_value),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    char cmd[PATH_MAX + 16];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp_dir);
    if (system(cmd) != 0)
        (void)remove_tmp_dir();
    return failed;
}
