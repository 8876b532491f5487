/* test_cov_writers.c - what the writers print (spec §11, §13; spec/json.md)
 * for results tests/unit/test_text.c and test_json.c do not build: every
 * kind of value a verdict compares, rows per part and per window of time,
 * approximate indicators, schedules that cannot be counted, more than 50
 * warnings, messages longer than 1,024 bytes, control characters in file
 * names and strings, and the comparison with a previous period.
 *
 * Each run goes through dlg_run() (run.h) with its files held in memory.
 * JSON is compared with its white space outside strings removed: the
 * layout is not part of the contract (spec/json.md §1). */
#include "support.h"

#include <unistd.h>

#include "run.h"

static RunOutput run_files(const MemoryFile *files, int n, const char *format, const char *const *previous,
                        int nprevious)
{
    RunOptions opt = { .writer = report_writer(format), .memory = files, .nmemory = n, .previous = previous,
                       .nprevious = nprevious };
    return run_caught(&opt);
}

static RunOutput run_one(const char *name, const char *text, const char *format)
{
    MemoryFile f = { name, text, strlen(text) };
    return run_files(&f, 1, format, NULL, 0);
}

/* JSON without the white space outside its strings. */
static char *compact(const char *json)
{
    char *out = malloc(strlen(json) + 1);
    assert_non_null(out);
    size_t k = 0;
    bool in_string = false;
    for (const char *p = json; *p; p++) {
        if (in_string) {
            out[k++] = *p;
            if (*p == '\\' && p[1])
                out[k++] = *++p;
            else if (*p == '"')
                in_string = false;
        } else if (*p == '"') {
            in_string = true;
            out[k++] = *p;
        } else if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r') {
            out[k++] = *p;
        }
    }
    out[k] = '\0';
    return out;
}

static void assert_contains(const char *haystack, const char *needle)
{
    if (!strstr(haystack, needle))
        fail_msg("\"%s\" not found in:\n%s", needle, haystack);
}

/* ---- verdicts (spec/json.md §7.1) ------------------------------------------------- */

static const char VERDICTS[] =
    "figure a \"A\" { }\nfigure b \"B\" { }\n"
    "a 7\nb 2\n"
    "people 10 { district_level 4  commune_level 6 }\n"
    "rule bools \"T\": (a > b) == true\n"
    "rule day \"T\": 2024-01-01 + a == 2024-01-08\n"
    "rule word \"T\": \"x\" != \"y\"\n"
    "rule half \"T\": a / b > 3\n"
    "rule unk \"T\": a > ?\n"
    "rule lv \"T\" {\n  each level\n  require: people >= 5\n}\n";

TEST(json_compared_values_of_every_kind)
{
    RunOutput o = run_one("v.dlg", VERDICTS, "json");
    char *j = compact(o.out);
    /* each side a number, boolean, date, string or null (unknown); 7 / 2 =
     * 3.5 */
    assert_contains(j, "\"compared\":{\"op\":\"==\",\"left\":true,\"right\":true}");
    assert_contains(j, "\"compared\":{\"op\":\"==\",\"left\":\"2024-01-08\",\"right\":\"2024-01-08\"}");
    assert_contains(j, "\"compared\":{\"op\":\"!=\",\"left\":\"x\",\"right\":\"y\"}");
    assert_contains(j, "\"compared\":{\"op\":\">\",\"left\":3.5,\"right\":3}");
    assert_contains(j, "\"compared\":{\"op\":\">\",\"left\":7,\"right\":null}");
    assert_contains(j, "\"detail\":\"a > ? is unknown: written as '?'\"");
    /* each level: the part of each subject; 4 >= 5 fails for district_level */
    assert_contains(j, "{\"subject\":\"the report\",\"unit_path\":[],\"part\":{\"dimension\":\"level\",\"part\":\"district_level\"},"
                       "\"window\":null,\"status\":\"fail\",\"compared\":{\"op\":\">=\",\"left\":4,\"right\":5},"
                       "\"schedule\":null,\"detail\":\"people >= 5 is false: 4 >= 5 does not hold\"");
    /* a failure's subject names the part after a comma (§7); its status
     * tells an unknown one (no province_level part) from a false one */
    assert_contains(j, "\"failures\":[{\"subject\":\"the report, level province_level\",\"unit_path\":[],"
                       "\"status\":\"unknown\"");
    free(j);
    run_output_free(&o);
}

TEST(json_rows_per_window_and_approximate_values)
{
    RunOutput o = run_one("w.dlg",
                       "period 2024\n"
                       "gifts 5 { y2024 5 }\n"
                       "invited about 100\nattended 50\n"
                       "indicator g \"T\" = gifts { per year }\n"
                       "indicator att \"T\" = percent(attended, invited)\n",
                       "json");
    char *j = compact(o.out);
    /* §8: a row per a calendar dimension, nested in its indicator's "rows",
     * has "subject" "year 2024" and its window; 50 / 100 = 50 % from an
     * approximate figure */
    assert_contains(j, "\"rows\":[{\"subject\":\"year 2024\",\"unit_path\":[],\"part\":null,\"window\":{\"unit\":\"year\",\"part\":\"y2024\",\"label\":\"2024\","
                       "\"start\":\"2024-01-01\",\"end\":\"2024-12-31\"},\"unit\":\"count\",\"value\":5");
    assert_contains(j, "\"unit\":\"percent\",\"value\":50,\"numerator\":50,\"denominator\":100,\"approximate\":true,"
                       "\"note\":\"computed from an approximate figure\"");
    free(j);
    run_output_free(&o);
}

TEST(json_schedule_that_cannot_be_counted)
{
    RunOutput o = run_one("s.dlg",
                       "commune \"A\" { reception 2024-03-07 { } }\n"
                       "rule weekly \"T\" {\n  each commune\n  schedule reception { every week }\n}\n",
                       "json");
    char *j = compact(o.out);
    /* no period: nothing due is counted and the sessions held are unknown */
    assert_contains(j, "\"schedule\":{\"expected\":0,\"held\":null,\"not_held\":0,\"missed\":[],\"windows_missed\":0,"
                       "\"moved\":0,\"prorated\":0},\"detail\":\"the schedule cannot be counted: the report declares "
                       "no period\"");
    free(j);
    run_output_free(&o);
}

/* ---- diagnostics (§11, spec/json.md §9) --------------------------------------------- */

TEST(more_than_fifty_warnings)
{
    /* 52 dialogues dated in 2025, outside the period 2024: 52 warnings
     * (messages.md §4.3), 50 shown and a note for the other 2 */
    char *text = malloc(64 * 60);
    assert_non_null(text);
    size_t k = (size_t)sprintf(text, "period 2024\n");
    for (int i = 0; i < 52; i++)
        k += (size_t)sprintf(text + k, "dialogue 2025-01-%02d { }\n", i % 28 + 1);
    RunOutput o = run_one("many.dlg", text, "text");
    assert_int_equal(o.status, 0);
    unsigned shown = 0;
    for (const char *p = o.err; (p = strstr(p, ": warning: ")); p++)
        shown++;
    assert_int_equal(shown, 50);
    const char *tail = "dlg: note: 2 more warnings not shown\n";
    assert_true(strlen(o.err) > strlen(tail));
    assert_string_equal(o.err + strlen(o.err) - strlen(tail), tail);
    run_output_free(&o);
    o = run_one("many.dlg", text, "json");
    char *j = compact(o.out);
    assert_contains(j, "{\"severity\":\"note\",\"message\":\"2 more warnings not shown\",\"file\":null,\"line\":null,"
                       "\"column\":null}]");
    free(j);
    run_output_free(&o);
    free(text);
}

TEST(a_message_longer_than_1024_bytes)
{
    /* a string of 600 'ệ' (3 bytes each, 1,800 bytes) compared with `kind`:
     * "\"ệệ…\" is not a kind of session of the vocabulary" is cut at a
     * character and ends with "..." (§11) */
    size_t n = 600;
    char *word = malloc(3 * n + 1);
    assert_non_null(word);
    for (size_t i = 0; i < n; i++)
        memcpy(word + 3 * i, "\xe1\xbb\x87", 3);
    word[3 * n] = '\0';
    char *text = malloc(3 * n + 200);
    assert_non_null(text);
    sprintf(text, "reception 2024-01-01 { }\nindicator k \"T\" = count(reception, kind == \"%s\")\n", word);
    RunOutput o = run_one("long.dlg", text, "json");
    assert_int_equal(o.status, 2);
    char *j = compact(o.out);
    const char *start = strstr(j, "\"message\":\"\\\"");
    assert_non_null(start);
    start += strlen("\"message\":\"");
    const char *end = strstr(start, "\",\"file\"");
    assert_non_null(end);
    size_t len = (size_t)(end - start) - 1;     /* the quote is escaped: one byte more */
    /* at most 1,024 bytes, "..." last, and a whole number of 'ệ' before it */
    assert_true(len <= 1024);
    assert_true(len > 1024 - 4);
    assert_int_equal(memcmp(end - 3, "...", 3), 0);
    assert_int_equal((len - 1 - 3) % 3, 0);
    assert_int_equal(memcmp(start + 2, word, len - 1 - 3), 0);
    free(j);
    run_output_free(&o);
    free(text);
    free(word);
}

TEST(control_characters_are_escaped)
{
    /* a file name with a newline, a tab and a carriage return; a title with
     * a newline and a tab written as escapes (§2.3): escaped in the text
     * report and in diagnostics (§11, §13), never a line of their own */
    RunOutput o = run_one("a\nb\tc\rd.dlg", "report \"Báo\\ncáo\\tnăm\"\ninvited 5\nattended 7\n", "text");
    assert_int_equal(o.status, 1);
    assert_contains(o.out, "Báo\\ncáo\\tnăm\n");
    assert_contains(o.out, "a\\nb\\tc\\rd.dlg:3:1\n");
    assert_null(strchr(o.out, '\r'));
    assert_null(strchr(o.out, '\t'));
    run_output_free(&o);
    o = run_one("x\ty.dlg", "invited 4.5\n", "text");
    assert_int_equal(o.status, 2);
    assert_contains(o.err, "x\\ty.dlg:1:9: error: ");
    run_output_free(&o);
}

/* ---- the header and the comparison (§4.1, §12.1, §13) -------------------------------- */

TEST(header_without_a_period)
{
    RunOutput o = run_one("h.dlg", "report \"Báo cáo\" { issuer \"UBND xã A\" }\ninvited 5\n", "text");
    assert_int_equal(o.status, 0);
    /* the title on a line of its own, then one line per attribute given,
     * all indented: no text of the input starts a line (spec §13) */
    assert_int_equal(strncmp(o.out, "  Báo cáo\n  issuer     UBND xã A\n\n",
                             strlen("  Báo cáo\n  issuer     UBND xã A\n\n")),
                     0);
    run_output_free(&o);
}

TEST(comparison_with_two_previous_files)
{
    /* the previous period in two files (12.1); 2023 ends the day before
     * 2024 begins. att: 30 / 40 = 75 % then, 45 / 50 = 90 % now: +15
     * points; n: 40 then 50 now, +10, +25 % of 40 */
    MemoryFile cur = { "cur.dlg",
                       "period 2024\ninvited 50\nattended 45\n"
                       "indicator att \"T\" = percent(attended, invited)\n"
                       "indicator n \"T\" = invited\n",
                       0 };
    cur.len = strlen(cur.bytes);
    char dir[] = "/tmp/dlg-cov-writers-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char p1[64], p2[64];
    snprintf(p1, sizeof p1, "%s/prev1.dlg", dir);
    snprintf(p2, sizeof p2, "%s/prev2.dlg", dir);
    FILE *fp = fopen(p1, "w");
    assert_non_null(fp);
    fputs("period 2023\nindicator att \"T\" = percent(attended, invited)\nindicator n \"T\" = invited\n", fp);
    fclose(fp);
    fp = fopen(p2, "w");
    assert_non_null(fp);
    fputs("invited 40\nattended 30\n", fp);
    fclose(fp);
    const char *prev[] = { p1, p2 };
    RunOutput o = run_files(&cur, 1, "text", prev, 2);
    assert_int_equal(o.status, 0);
    /* the heading is longer than 80 columns: the files go on the next line */
    assert_contains(o.out, arena_printf(&f->arena, "Compared with the previous period 2023-01-01 .. 2023-12-31\n"
                                        "  (%s, %s)\n", p1, p2));
    assert_contains(o.out, "75 %  ->  90 %  +15 points\n");
    assert_contains(o.out, "40  ->  50  +10 (+25 %)\n");
    run_output_free(&o);
    o = run_files(&cur, 1, "json", prev, 2);
    char *j = compact(o.out);
    assert_contains(j, arena_printf(&f->arena, "\"comparison\":{\"files\":[\"%s\",\"%s\"]", p1, p2));
    assert_contains(j, "\"consecutive\":true");
    assert_contains(j, "{\"id\":\"n\",\"unit\":\"count\",\"previous\":40,\"current\":50,"
                       "\"difference\":10,\"relative\":25,\"note\":null,\"rows\":[]}");
    free(j);
    run_output_free(&o);
    remove(p1);
    remove(p2);
    rmdir(dir);
}

TEST(comparison_without_a_previous_period)
{
    /* the previous report has no period, so nothing says the periods
     * follow each other (§12.1); it has no indicator: this report's rows
     * are "not in the previous report" */
    MemoryFile cur = { "cur.dlg", "period 2024\ninvited 50\nindicator n \"T\" = invited\n", 0 };
    cur.len = strlen(cur.bytes);
    char path[] = "/tmp/dlg-cov-prev-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "invited 40\n", 11), 11);
    close(fd);
    const char *prev[] = { path };
    RunOutput o = run_files(&cur, 1, "text", prev, 1);
    assert_contains(o.err, "consecutive");
    assert_contains(o.out, arena_printf(&f->arena, "Compared with the previous period (%s)\n", path));
    assert_contains(o.out, "not in the previous report");
    run_output_free(&o);
    remove(path);
}

TEST(a_control_character_in_the_source_line)
{
    /* U+0085, a C1 control, in a comment: the quoted line shows it as '?'
     * (§11) */
    RunOutput o = run_one("c1.dlg", "invited 4.5 # \xc2\x85 end\n", "text");
    assert_int_equal(o.status, 2);
    assert_contains(o.err, "c1.dlg:1:9: error: ");
    assert_contains(o.err, "\n    1 | invited 4.5 # ? end\n      |         ^~~\n");
    run_output_free(&o);
}

TEST(notes_of_warnings_not_shown)
{
    /* 52 second report headers with other titles: 52 warnings, each with
     * its note (messages.md §4.3); 50 are shown with their notes, the
     * notes of the other 2 go with them (§11) */
    char *text = malloc(64 * 60);
    assert_non_null(text);
    size_t k = (size_t)sprintf(text, "report \"A\"\ninvited 1\n");
    for (int i = 0; i < 52; i++)
        k += (size_t)sprintf(text + k, "report \"B%d\"\n", i);
    RunOutput o = run_one("h.dlg", text, "text");
    unsigned warnings = 0, notes = 0;
    for (const char *p = o.err; (p = strstr(p, ": warning: a second report header")); p++)
        warnings++;
    for (const char *p = o.err; (p = strstr(p, ": note: the report's title is given here")); p++)
        notes++;
    assert_int_equal(warnings, 50);
    assert_int_equal(notes, 50);
    assert_contains(o.err, "dlg: note: 2 more warnings not shown\n");
    run_output_free(&o);
    free(text);
}

TEST(file_names_with_control_characters)
{
    /* a file name is escaped in a diagnostic tied to no file (§11) */
    const char *files[] = { "no\rsuch\t.dlg" };
    RunOptions opt = { .writer = report_writer("text"), .files = files, .nfiles = 1 };
    RunOutput o = { 0, NULL, NULL };
    size_t n1, n2;
    FILE *out = open_memstream(&o.out, &n1), *err = open_memstream(&o.err, &n2);
    assert_non_null(out);
    assert_non_null(err);
    o.status = dlg_run(&opt, out, err);
    fclose(out);
    fclose(err);
    assert_int_equal(o.status, 2);
    assert_contains(o.err, "dlg: error: cannot read 'no\\rsuch\\t.dlg': No such file or directory\n");
    run_output_free(&o);
}

TEST(many_files_and_one_file_twice)
{
    /* ten files of one report (§10): the report declares 9 communes and
     * each other file gives one: 9 = 9 */
    MemoryFile files[10];
    char names[10][24], texts[10][64];
    for (int i = 0; i < 10; i++) {
        snprintf(names[i], sizeof names[i], "f%d.dlg", i);
        if (i == 0)
            snprintf(texts[i], sizeof texts[i], "communes 9\n");
        else
            snprintf(texts[i], sizeof texts[i], "commune \"C%d\" { invited %d }\n", i, i);
        files[i] = (MemoryFile){ names[i], texts[i], strlen(texts[i]) };
    }
    RunOutput o = run_files(files, 10, "text", NULL, 0);
    assert_int_equal(o.status, 0);
    assert_contains(o.out, "Checks: 1 (1 pass, 0 fail, 0 partial, 0 unknown)\n");
    assert_contains(o.out, "the report: communes");
    run_output_free(&o);
    /* a file named twice is read once (§10): one bound check, not two */
    char path[] = "/tmp/dlg-cov-twice-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "invited 5\nattended 7\n", 21), 21);
    close(fd);
    const char *twice[] = { path, path };
    RunOptions opt = { .writer = report_writer("text"), .files = twice, .nfiles = 2 };
    size_t n1, n2;
    FILE *out = open_memstream(&o.out, &n1), *err = open_memstream(&o.err, &n2);
    assert_non_null(out);
    assert_non_null(err);
    o.status = dlg_run(&opt, out, err);
    fclose(out);
    fclose(err);
    assert_int_equal(o.status, 1);
    assert_contains(o.out, "Checks: 1 (0 pass, 1 fail, 0 partial, 0 unknown)\n");
    run_output_free(&o);
    remove(path);
}

TEST(json_tolerance_false_and_one_warning_not_shown)
{
    /* 51 dialogues dated outside the period: 50 warnings shown, "1 more
     * warning not shown" (messages.md §7a); an `about` sum has its
     * tolerance, 10 % of 10 = 1 (§6.5, json.md §6.3); false is a boolean */
    char *text = malloc(64 * 60);
    assert_non_null(text);
    size_t k = (size_t)sprintf(text, "period 2024\nopinions about 10 { resolved 5  pending 5 }\nrule r \"T\": (1 > 2) == false\n");
    for (int i = 0; i < 51; i++)
        k += (size_t)sprintf(text + k, "dialogue 2025-02-%02d { }\n", i % 28 + 1);
    RunOutput o = run_one("x.dlg", text, "json");
    char *j = compact(o.out);
    assert_contains(j, "\"relation\":\"about\",\"tolerance\":1,\"status\":\"pass\"");
    assert_contains(j, "\"compared\":{\"op\":\"==\",\"left\":false,\"right\":false}");
    assert_contains(j, "{\"severity\":\"note\",\"message\":\"1 more warning not shown\",\"file\":null,\"line\":null,"
                       "\"column\":null}]");
    free(j);
    run_output_free(&o);
    free(text);
}

TEST(json_comparison_of_periods_that_do_not_follow)
{
    /* the previous report: period 2022, no indicator; this one: 2024, none
     * either: not consecutive, no rows (json.md §8.1) */
    MemoryFile cur = { "cur.dlg", "period 2024\ninvited 5\n", 0 };
    cur.len = strlen(cur.bytes);
    char path[] = "/tmp/dlg-cov-prev-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "period 2022\ninvited 4\n", 22), 22);
    close(fd);
    const char *prev[] = { path };
    RunOutput o = run_files(&cur, 1, "json", prev, 1);
    char *j = compact(o.out);
    assert_contains(j, "\"consecutive\":false,\"indicators\":[]}");
    free(j);
    run_output_free(&o);
    remove(path);
}

TEST(other_control_characters_and_long_titles)
{
    /* ESC in a file name is written \x1b (§11, §13); '©' (U+00A9, not a
     * control) in a quoted source line is kept; an indicator title of 70
     * characters wraps in 80 columns */
    const char *title = "Tỷ lệ ý kiến, kiến nghị của cử tri đã được giải quyết đúng hạn trong năm";
    RunOutput o = run_one("e\x1b" "f.dlg",
                       arena_printf(&f->arena, "invited 5\nattended 7\nindicator r \"%s\" = percent(attended, invited)\n",
                                    title),
                       "text");
    assert_int_equal(o.status, 1);
    assert_contains(o.out, "e\\x1bf.dlg:2:1\n");
    /* 7 / 5 = 140 %. The title column has 80 - 5 - 2 - 3 - 2 = 68 columns:
     * the title's first 68 characters end at a space; "năm", indented 2
     * more, and (N / D) after it go on the next line */
    assert_contains(o.out, "  r  Tỷ lệ ý kiến, kiến nghị của cử tri đã được giải quyết đúng hạn trong  140 %\n"
                           "       năm  (7 / 5)\n");
    run_output_free(&o);
    o = run_one("c.dlg", "invited 4.5 # \xc2\xa9 2024\n", "text");
    assert_contains(o.err, "\n    1 | invited 4.5 # \xc2\xa9 2024\n");
    run_output_free(&o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(json_compared_values_of_every_kind),
        FIXTURE_TEST(json_rows_per_window_and_approximate_values),
        FIXTURE_TEST(json_schedule_that_cannot_be_counted),
        FIXTURE_TEST(more_than_fifty_warnings),
        FIXTURE_TEST(a_message_longer_than_1024_bytes),
        FIXTURE_TEST(control_characters_are_escaped),
        FIXTURE_TEST(header_without_a_period),
        FIXTURE_TEST(comparison_with_two_previous_files),
        FIXTURE_TEST(comparison_without_a_previous_period),
        FIXTURE_TEST(a_control_character_in_the_source_line),
        FIXTURE_TEST(notes_of_warnings_not_shown),
        FIXTURE_TEST(file_names_with_control_characters),
        FIXTURE_TEST(many_files_and_one_file_twice),
        FIXTURE_TEST(json_tolerance_false_and_one_warning_not_shown),
        FIXTURE_TEST(json_comparison_of_periods_that_do_not_follow),
        FIXTURE_TEST(other_control_characters_and_long_titles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
