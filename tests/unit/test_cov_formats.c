/* test_cov_formats.c - the writers for other tools and for the page
 * (spec/formats.md: SARIF, GitHub annotations, CSV; spec/html.md) over
 * every kind of result: checks that pass, fail, hold in part or are
 * unknown; rules that fail as errors or as warnings, subjects that are
 * unknown, rules with nothing to check; diagnostics of each severity, one
 * tied to no file and the note of warnings not shown; runs where nothing
 * was evaluated; rows per unit, session, part and window; booleans, money,
 * percentages, approximate values; the previous period; and the escaping
 * of every character each format treats specially, in names of files and
 * in strings of the report.
 *
 * Each run goes through dlg_run() (support.h: run_caught) with its files
 * held in memory; the expected fragments are worked out from the specs
 * and the input, as each test's comment says. */
#include "support.h"

#include <unistd.h>

/* One file held in memory, written in `format`, with --strict when asked. */
static RunOutput run_as(const char *name, const char *text, const char *format, bool strict)
{
    MemoryFile file = { name, text, strlen(text) };
    RunOptions opt = { .writer = report_writer(format), .strict = strict, .memory = &file, .nmemory = 1 };
    return run_caught(&opt);
}

/* A file named on the command line that does not exist: a diagnostic tied
 * to no file (spec §11) and nothing evaluated. */
static RunOutput run_missing(const char *path, const char *format)
{
    const char *files[] = { path };
    RunOptions opt = { .writer = report_writer(format), .files = files, .nfiles = 1 };
    return run_caught(&opt);
}

/* assert_in() of a printf-formatted needle. */
__attribute__((format(printf, 2, 3))) static void assert_in_f(const char *haystack, const char *format, ...)
{
    char want[1024];
    va_list ap;
    va_start(ap, format);
    vsnprintf(want, sizeof want, format, ap);
    va_end(ap);
    assert_in(haystack, want);
}

/* 51 dialogues dated outside the period: 50 warnings are kept and the note
 * "1 more warning not shown" ends the diagnostics (messages.md §7a). */
static char *many_warnings(void)
{
    char *text = malloc(64 * 60);
    assert_non_null(text);
    size_t k = (size_t)sprintf(text, "report \"R\" { period 2024 }\n");
    for (int i = 0; i < 51; i++)
        k += (size_t)sprintf(text + k, "dialogue 2025-02-%02d { }\n", i % 28 + 1);
    return text;
}

/* ---- CSV (formats.md §3) -------------------------------------------------------- */

static const char CSV_INPUT[] =
    "figure fund \"Quỹ\" { type money }\n"
    "period 2023-01-01 .. 2024-12-31\n"
    "people 10 { district_level 4  commune_level 6 }\n"
    "fund 1_500_000đ\n"
    "district \"D\" {\n"
    "  commune \"A\" {\n"
    "    invited 50\n"
    "    attended about 30\n"
    "    dialogue 2023-03-02 { }\n"
    "    dialogue ? { }\n"
    "  }\n"
    "}\n"
    "indicator lv \"=lv\" = people { per level }\n"
    "indicator yr \"+yr\" = people { per year }\n"
    "indicator ses \"-ses\" = count(dialogue) { per dialogue }\n"
    "indicator pc \"pc\" = invited { per commune }\n"
    "indicator ok \"@ok\" = invited > 1\n"
    "indicator no \"\\tno\" = invited < 1\n"
    "indicator nb \"nb\" = invited > ?\n"
    "indicator m \"Tiền, \\\"quỹ\\\"\" = fund\n"
    "indicator ap \"a\\nb\" = percent(attended, invited)\n"
    "indicator z \"\" = percent(invited, 0)\n"
    "indicator q \"say \\\"hi\\\"\" = invited\n";

TEST(csv_rows_of_every_kind)
{
    RunOutput o = run_as("c.dlg", CSV_INPUT, "csv", false);
    assert_int_equal(o.status, 0);
    assert_int_equal(strncmp(o.out, "indicator,title,subject,kind,name,unit,value,numerator,denominator,approximate,note\r\n",
                             strlen("indicator,title,subject,kind,name,unit,value,numerator,denominator,approximate,note\r\n")),
                     0);
    /* titles starting with =, +, -, @ and a tab get an apostrophe; the
     * report's own row has empty kind and name */
    assert_in(o.out, "\r\nlv,'=lv,the report,,,count,10,,,false,\r\n");
    /* a row per part: kind the dimension, name the part (people.district_level 4) */
    assert_in(o.out, "\r\nlv,'=lv,level district_level,level,district_level,count,4,,,false,\r\n");
    /* a row per window: kind the window's unit, name its label */
    assert_in(o.out, "\r\nyr,'+yr,year 2023,year,2023,");
    assert_in(o.out, "\r\nyr,'+yr,year 2024,year,2024,");
    /* a row per session: its date, or nothing when it has none; no
     * dialogue lies below a dialogue: 0 */
    assert_in(o.out, "\r\nses,'-ses,dialogue 2023-03-02 in commune A,dialogue,2023-03-02,count,0,,,false,\r\n");
    assert_in(o.out, "\r\nses,'-ses,dialogue (undated) in commune A,dialogue,,count,0,,,false,\r\n");
    /* a row per unit: its kind and name */
    assert_in(o.out, "\r\npc,pc,commune A,commune,A,count,50,,,false,\r\n");
    /* booleans are true or false; unknown is empty, with the note why */
    assert_in(o.out, "\r\nok,'@ok,the report,,,boolean,true,,,false,\r\n");
    assert_in(o.out, "\r\nno,'\tno,the report,,,boolean,false,,,false,\r\n");
    /* (its unit is "number", not "boolean": a known defect, json.md §12) */
    assert_in(o.out, "\r\nnb,nb,the report,,,");
    assert_in(o.out, ",,,,false,written as '?'\r\n");
    /* a comma and quotes: quoted, the quotes doubled; money in dong */
    assert_in(o.out, "\r\nm,\"Tiền, \"\"quỹ\"\"\",the report,,,dong,1500000,,,false,\r\n");
    /* a newline: quoted, kept; 30 / 50 = 60 % from an approximate figure */
    assert_in(o.out, "\r\nap,\"a\nb\",the report,,,percent,60,30,50,true,computed from an approximate figure\r\n");
    /* a quote alone: quoted and doubled too */
    assert_in(o.out, "\r\nq,\"say \"\"hi\"\"\",the report,,,count,50,,,false,\r\n");
    /* an empty title stays empty; a zero denominator gives no value */
    assert_in(o.out, "\r\nz,,the report,,,percent,,,,false,the denominator is zero\r\n");
    run_output_free(&o);
}

TEST(csv_when_nothing_was_evaluated)
{
    /* only the header row (formats.md §3) */
    RunOutput o = run_as("bad.dlg", "invited 15.590\n", "csv", false);
    assert_int_equal(o.status, 2);
    assert_string_equal(o.out, "indicator,title,subject,kind,name,unit,value,numerator,denominator,approximate,note\r\n");
    run_output_free(&o);
}

/* ---- GitHub annotations and SARIF (formats.md §1, §2) ---------------------------- */

/* Every kind of item of formats.md §1's results, in its order:
 *  - district D declares 3 communes and lists 2: the roll-ups of communes
 *    (3 >= 2) and invited (200 >= 100 + 50) hold only in part;
 *  - commune A: opinions 10 = 4 + ?: unknown, the part would be 6;
 *  - commune B: attended 60 <= invited 50 fails: declared 60, computed 50,
 *    imbalance 10;
 *  - rule must (error): invited 200 > 1000 is false for the report;
 *  - rule should (warning): 50 >= 100 is false for commune B;
 *  - rule maybe: unknown for the report;
 *  - rule none: no reception to check;
 *  - a warning (a dialogue of 2025 outside the period 2024), then a second
 *    report header: a warning and its note. */
static const char ANNOTATED[] =
    "report \"Một\" { period 2024 }\n"
    "district \"D\" {\n"
    "  communes 3\n"
    "  invited 200\n"
    "  commune \"A\" {\n"
    "    invited 100\n"
    "    opinions 10 { resolved 4  pending ? }\n"
    "    dialogue 2025-02-01 { }\n"
    "  }\n"
    "  commune \"B\" { invited 50  attended 60 }\n"
    "}\n"
    "report \"Hai\"\n"
    "rule must \"Phải\": invited > 1000\n"
    "rule should \"Nên\" {\n"
    "  severity warning\n"
    "  each commune\n"
    "  require: invited >= 100\n"
    "}\n"
    "rule maybe \"Có thể\": invited > ?\n"
    "rule none \"Không\" {\n"
    "  each reception\n"
    "  require: date > 2024-01-01\n"
    "}\n";

TEST(github_every_kind_of_item)
{
    /* in file= and title=, ',' is %2C, ':' is %3A and '%' is %25 */
    RunOutput o = run_as("Quài Nưa, a:b%.dlg", ANNOTATED, "github", false);
    assert_int_equal(o.status, 1);
    const char *file = "file=Quài Nưa%2C a%3Ab%25.dlg";
    char want[512];
    snprintf(want, sizeof want,
                "::warning %s,line=3,col=3,title=dlg check rollup::rollup check holds only in part: district D: "
                "communes: declared 3, computed 2, imbalance 1\n",
                file);
    assert_int_equal(strncmp(o.out, want, strlen(want)), 0);
    assert_in_f(o.out,
                "\n::warning %s,line=7,col=5,title=dlg check sum::sum check is unknown: commune A: opinions = resolved + "
                "pending: declared 10, computed ?; the unknown part 'pending' would be 6\n",
                file);
    assert_in_f(o.out,
                "\n::error %s,line=10,col=29,title=dlg check bound::bound check failed: commune B: attended <= invited: "
                "declared 60, computed 50, imbalance 10\n",
                file);
    assert_in_f(o.out,
                "\n::error %s,line=13,col=6,title=dlg rule must::rule must failed for the report: invited > 1000 is "
                "false: 200 > 1000 does not hold\n",
                file);
    assert_in_f(o.out,
                "\n::warning %s,line=10,col=11,title=dlg rule should::rule should failed for commune B: invited >= 100 "
                "is false: 50 >= 100 does not hold\n",
                file);
    assert_in_f(o.out,
                "\n::warning %s,line=19,col=6,title=dlg rule maybe::rule maybe is unknown for the report: invited > ? "
                "is unknown: written as '?'\n",
                file);
    assert_in_f(o.out,
                "\n::warning %s,line=20,col=6,title=dlg rule none::rule none is unknown: no reception in this report "
                "to check\n",
                file);
    assert_in_f(o.out, "\n::warning %s,line=8,col=5,title=dlg warning::dialogue 2025-02-01 in commune A is "
                "dated outside the report's period (2024-01-01 .. 2024-12-31): correct the date or the period\n", file);
    assert_in_f(o.out, "\n::warning %s,line=12,col=8,title=dlg warning::a second report header: its title "
                "differs from the first and is ignored\n", file);
    assert_in_f(o.out, "\n::notice %s,line=1,col=8,title=dlg note::the report's title is given here\n", file);
    /* passing checks give nothing: 4 checks + 4 rules + 3 diagnostics */
    unsigned lines = 0;
    for (const char *p = o.out; (p = strchr(p, '\n')); p++)
        lines++;
    assert_int_equal(lines, 11);
    run_output_free(&o);
}

TEST(github_escapes_a_message_and_items_without_a_file)
{
    /* a file that cannot be read: its diagnostic has no file=; in the
     * message % is %25, CR %0D, LF %0A, a tab and DEL %09 and %7F, a byte
     * that is not UTF-8 U+FFFD; ':' and ',' stay */
    RunOutput o = run_missing("no\tsuch\x7f\r\n:\xff,%.dlg", "github");
    assert_int_equal(o.status, 2);
    assert_string_equal(o.out, "::error title=dlg error::cannot read 'no%09such%7F%0D%0A:\xEF\xBF\xBD,%25.dlg': "
                               "No such file or directory\n");
    run_output_free(&o);
    /* the note of the warnings not shown is tied to no file */
    char *text = many_warnings();
    o = run_as("w.dlg", text, "github", false);
    assert_int_equal(o.status, 0);
    assert_in(o.out, "\n::notice title=dlg note::1 more warning not shown\n");
    run_output_free(&o);
    free(text);
}

TEST(sarif_every_kind_of_item)
{
    /* the file name as a URI reference: every byte but letters, digits,
     * - . _ ~ / percent-encoded: à is C3 A0, ư C6 B0 */
    RunOutput o = run_as("dir/Quài Nưa, a:b%[{~_-9Z].dlg", ANNOTATED, "sarif", false);
    assert_int_equal(o.status, 1);
    const char *loc = "\"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": "
                      "\"dir/Qu%C3%A0i%20N%C6%B0a%2C%20a%3Ab%25%5B%7B~_-9Z%5D.dlg\"}, \"region\": ";
    /* the tool's rules: a kind of check, a rule of the report with its
     * title and level, a diagnostic */
    assert_in(o.out, "{\"id\": \"check/sum\", \"name\": \"sum\", \"shortDescription\": {\"text\": \"a breakdown's "
                     "parts add up to its whole\"}, \"defaultConfiguration\": {\"level\": \"error\"}}");
    assert_in(o.out, "{\"id\": \"rule/must\", \"name\": \"must\", \"shortDescription\": {\"text\": \"Phải\"}, "
                     "\"defaultConfiguration\": {\"level\": \"error\"}}");
    assert_in(o.out, "{\"id\": \"rule/should\", \"name\": \"should\", \"shortDescription\": {\"text\": \"Nên\"}, "
                     "\"defaultConfiguration\": {\"level\": \"warning\"}}");
    assert_in(o.out, "{\"id\": \"diagnostic/note\", \"name\": \"note\", \"shortDescription\": {\"text\": \"more on a "
                     "diagnostic\"}, \"defaultConfiguration\": {\"level\": \"note\"}}");
    assert_in(o.out, "\"columnKind\": \"unicodeCodePoints\"");
    assert_in_f(o.out,
                "{\"ruleId\": \"check/rollup\", \"level\": \"warning\", \"message\": {\"text\": \"rollup check holds "
                "only in part: district D: communes: declared 3, computed 2, imbalance 1\"}, %s{\"startLine\": 3, "
                "\"startColumn\": 3}}}]}",
                loc);
    assert_in_f(o.out,
                "{\"ruleId\": \"check/bound\", \"level\": \"error\", \"message\": {\"text\": \"bound check failed: "
                "commune B: attended <= invited: declared 60, computed 50, imbalance 10\"}, %s{\"startLine\": 10, "
                "\"startColumn\": 29}}}]}",
                loc);
    assert_in_f(o.out,
                "{\"ruleId\": \"rule/should\", \"level\": \"warning\", \"message\": {\"text\": \"rule should failed for "
                "commune B: invited >= 100 is false: 50 >= 100 does not hold\"}, %s{\"startLine\": 10, "
                "\"startColumn\": 11}}}]}",
                loc);
    assert_in_f(o.out,
                "{\"ruleId\": \"rule/maybe\", \"level\": \"warning\", \"message\": {\"text\": \"rule maybe is unknown for "
                "the report: invited > ? is unknown: written as '?'\"}, %s{\"startLine\": 19, \"startColumn\": 6}}}]}",
                loc);
    assert_in_f(o.out,
                "{\"ruleId\": \"rule/none\", \"level\": \"warning\", \"message\": {\"text\": \"rule none is unknown: no "
                "reception in this report to check\"}, %s{\"startLine\": 20, \"startColumn\": 6}}}]}",
                loc);
    assert_in(o.out, "{\"ruleId\": \"diagnostic/note\", \"level\": \"note\", \"message\": {\"text\": \"the report's "
                     "title is given here\"}");
    assert_in(o.out, "\"invocations\": [{\"executionSuccessful\": true, \"exitCode\": 1}]");
    run_output_free(&o);
}

TEST(sarif_when_nothing_was_evaluated)
{
    /* no rule of the report among the tool's rules; the error is tied to
     * no file: "locations": []; the message is a JSON string: a tab \t, a
     * quote \", a backslash \\, 0x01 \u0001, a byte not UTF-8 \ufffd */
    RunOutput o = run_missing("a\tb\x01\"\\\xff.dlg", "sarif");
    assert_int_equal(o.status, 2);
    assert_not_in(o.out, "\"rule/");
    assert_in(o.out, "\"results\": [\n        {\"ruleId\": \"diagnostic/error\", \"level\": \"error\", \"message\": "
                     "{\"text\": \"cannot read 'a\\tb\\u0001\\\"\\\\\\ufffd.dlg': No such file or directory\"}, "
                     "\"locations\": []}\n      ]");
    assert_in(o.out, "\"invocations\": [{\"executionSuccessful\": false, \"exitCode\": 2}]");
    run_output_free(&o);
    /* warnings not shown: a note with no location */
    char *text = many_warnings();
    o = run_as("w.dlg", text, "sarif", false);
    assert_in(o.out, "{\"ruleId\": \"diagnostic/note\", \"level\": \"note\", \"message\": {\"text\": \"1 more warning "
                     "not shown\"}, \"locations\": []}");
    assert_in(o.out, "\"invocations\": [{\"executionSuccessful\": true, \"exitCode\": 0}]");
    run_output_free(&o);
    free(text);
}

TEST(json_unit_of_a_check_of_money)
{
    /* a sum of amounts of money: its unit is dong (json.md §6) */
    RunOutput o = run_as("m.dlg",
                         "dimension spending \"Khoản chi\" { wages \"Lương\"  other \"Khác\" }\n"
                         "figure budget \"Ngân sách\" { type money  by spending }\n"
                         "budget 300đ { wages 100đ  other 200đ }\n",
                         "json", false);
    assert_int_equal(o.status, 0);
    assert_in(o.out, "\"kind\": \"sum\"");
    assert_in(o.out, "\"unit\": \"dong\"");
    run_output_free(&o);
}

/* ---- HTML (html.md) ------------------------------------------------------------------- */

/* Line 14 is a source line of more than 160 bytes, indented by a tab. */
static const char *html_input(Fixture *f)
{
    char x[151];
    memset(x, 'x', 150);
    x[150] = '\0';
    return arena_printf(&f->arena,
        "report \"A & <b> \\\"q\\\" 'x'\\ttab\\nnew\" {\n"                                 /* 1 */
        "  issuer \"UBND <xã>\"\n"
        "  date 2024-06-14\n"
        "}\n"
        "district \"D\" {\n"                                                               /* 5 */
        "  communes 3\n"
        "  opinions 10\n"
        "  commune \"A\" { invited 10  attended 14  voters about 100  opinions 3 { resolved 2  pending 2 } }\n"
        "  commune \"B\" { invited 0  attended 0  voters 50  opinions 3 { resolved 2  pending ? } }\n"
        "}\n"                                                                              /* 10 */
        "indicator att \"Tỷ lệ\" = percent(attended, invited) { per commune }\n"
        "indicator half \"Nửa\" = percent(opinions.resolved, opinions) { per commune }\n"
        "indicator v \"Cử tri\" = voters { per commune }\n"
        "\tindicator n \"Số\" = attended { per commune }  # %s\n"
        "indicator z \"Không\" = attended - attended { per commune }\n"                   /* 15 */
        "indicator neg \"Âm\" = opinions.resolved - opinions { per commune }\n"
        "indicator b \"Đúng\" = attended > 1 { per commune }\n"
        "rule must \"Phải\": invited > 1000\n"
        "rule should \"Nên\" {\n"
        "  severity warning\n"                                                            /* 20 */
        "  source \"Luật <2022>\"\n"
        "  code \"L-1\"\n"
        "  unverified \"chưa & xem\"\n"
        "  each commune\n"
        "  require: invited >= 5\n"                                                       /* 25 */
        "}\n"
        "rule none \"Không\" {\n"
        "  each reception\n"
        "  require: date > 2024-01-01\n"
        "}\n",
        x);
}

TEST(html_header_summary_and_rules)
{
    RunOutput o = run_as("h.dlg", html_input(f), "html", true);
    assert_int_equal(o.status, 1);
    /* & < > " ' escaped, a tab kept, a newline written \n (html.md §1) */
    const char *title = "A &amp; &lt;b&gt; &quot;q&quot; &#39;x&#39;\ttab\\nnew";
    assert_in(o.out, arena_printf(&f->arena, "<title>%s</title>", title));
    assert_in(o.out, arena_printf(&f->arena, "<h1 lang=\"vi\">%s</h1>", title));
    assert_in(o.out, "<dd lang=\"vi\" data-field=\"issuer\">UBND &lt;xã&gt;</dd>");
    assert_in(o.out, "<dd data-field=\"date\">2024-06-14</dd>");
    assert_not_in(o.out, "data-field=\"period\"");
    assert_in(o.out, "<p id=\"verdict\" class=\"result wrong\" data-exit-status=\"1\">Result: the report is wrong "
                     "(under --strict)</p>");
    assert_in(o.out, "<nav><a href=\"#summary\">Summary</a><a href=\"#indicators\">Indicators</a>"
                     "<a href=\"#rules\">Rules</a><a href=\"#units\">By unit</a></nav>");
    /* rules: must and should fail, none is unknown; checks: the sums of A
     * (3 = 4 fails) and B (3 = 2 + ?, unknown), the bounds (A 14 <= 10
     * fails, B 0 <= 0 passes), the roll-ups of communes (3 >= 2) and opinions
     * (10 >= 3 + 3) hold in part;
     * 7 indicators, none unknown for the report */
    assert_in(o.out, "<tr data-summary=\"rules\"><th>Rules</th><td data-count=\"total\">3</td><td data-count=\"pass\">0"
                     "</td><td data-count=\"fail\">2</td><td data-count=\"partial\">0</td><td data-count=\"unknown\">1"
                     "</td></tr>");
    assert_in(o.out, "<tr data-summary=\"checks\"><th>Checks</th><td data-count=\"total\">6</td><td data-count=\"pass\">"
                     "1</td><td data-count=\"fail\">2</td><td data-count=\"partial\">2</td><td data-count=\"unknown\">1"
                     "</td></tr>");
    assert_in(o.out, "<tr data-summary=\"indicators\"><th>Indicators</th><td data-count=\"total\">7</td>");
    /* a warning rule with its code, source (unverified) and why */
    assert_in(o.out, "<tr class=\"fail\" data-rule=\"should\" data-status=\"fail\" data-severity=\"warning\">"
                     "<td class=\"status\">FAIL</td><td><code>should</code></td><td>warning</td>"
                     "<td class=\"num\">1 / 2</td><td><span lang=\"vi\">Nên</span> <code>[L-1]</code>"
                     "<div class=\"source\">source: <span lang=\"vi\">Luật &lt;2022&gt;</span> (unverified)</div>"
                     "<div class=\"note\">unverified: chưa &amp; xem</div></td></tr>");
    /* a rule with no subject: unknown, with its note */
    assert_in(o.out, "<tr class=\"unknown\" data-rule=\"none\" data-status=\"unknown\" data-severity=\"error\">"
                     "<td class=\"status\">unknown</td><td><code>none</code></td><td>error</td>"
                     "<td class=\"num\">0 / 0</td><td><span lang=\"vi\">Không</span>"
                     "<div class=\"note\">no reception in this report to check</div></td></tr>");
    run_output_free(&o);
}

TEST(html_checks_and_verdicts_by_unit)
{
    RunOutput o = run_as("h.dlg", html_input(f), "html", false);
    assert_int_equal(o.status, 1);
    /* the report's own verdict is filed under the report */
    assert_in(o.out, "<section class=\"unit\" data-unit=\"the report\" data-failed=\"1\">");
    assert_in(o.out, "<tr class=\"verdict fail\" data-rule=\"must\" data-status=\"fail\"><td class=\"status\">FAIL</td>"
                     "<td>rule <code>must</code></td><td>the report</td><td colspan=\"2\">invited &gt; 1000 is false: "
                     "10 &gt; 1000 does not hold<div><span class=\"loc\">h.dlg:18:6</span>");
    /* partial roll-ups with their coverage, no imbalance */
    assert_in(o.out, "<tr class=\"check partial\" data-check=\"rollup\" data-status=\"partial\" data-declared=\"3\" "
                     "data-computed=\"2\"><td class=\"status\">partial</td><td>rollup</td><td>district D: communes</td>"
                     "<td class=\"num\">3 &gt;= 2<div class=\"coverage\">coverage 2/3</div></td>");
    /* a negative imbalance: 3 = 2 + 2 */
    assert_in(o.out, "<td>commune A: opinions = resolved + pending</td><td class=\"num\">3 = 4<div class=\"imbalance\">"
                     "imbalance -1</div></td>");
    /* a positive one: 14 <= 10 */
    assert_in(o.out, "<td class=\"num\">14 &lt;= 10<div class=\"imbalance\">imbalance +4</div></td>");
    /* an unknown sum: no data-computed, the note says what the part would be */
    assert_in(o.out, "<tr class=\"check unknown\" data-check=\"sum\" data-status=\"unknown\" data-declared=\"3\">"
                     "<td class=\"status\">unknown</td><td>sum</td><td>commune B: opinions = resolved + pending</td>");
    assert_in(o.out, "<div class=\"note\">the unknown part &#39;pending&#39; would be 1</div>");
    /* a warning rule's verdict for commune B, under commune B */
    assert_in(o.out, "<section class=\"unit\" data-unit=\"commune B\" data-failed=\"1\">");
    run_output_free(&o);
}

TEST(html_indicators_and_charts)
{
    RunOutput o = run_as("h.dlg", html_input(f), "html", false);
    /* the overview: att 14 / 10 = 140 % and half 4 / 10 = 40 % (the
     * district declares 10 opinions); the
     * scale ends at 140: 140 % is 500 wide, no line at 100 % */
    assert_in(o.out, "<g class=\"bar\" data-indicator=\"att\" data-value=\"140\"><text x=\"4\" y=\"34\">Tỷ lệ</text>"
                     "<rect x=\"1\" y=\"38\" width=\"500\" height=\"14\"/><text class=\"v\" x=\"506\" y=\"49\">140 %"
                     "</text></g>");
    assert_in(o.out, "<g class=\"bar\" data-indicator=\"half\" data-value=\"40\">");
    /* att per commune: A 140 %, B has no value (0 / 0): no bar, its note;
     * the report's value is the dashed line at 500 + 1, labelled at its end */
    assert_in(o.out, "<tr class=\"unknown\" data-unit=\"commune B\"><td>commune B</td><td class=\"num\">\xE2\x80\x93"
                     "</td><td class=\"num\"></td><td class=\"note\">the denominator is zero</td></tr>");
    assert_in(o.out, "<g class=\"bar unknown\" data-unit=\"commune B\"><text x=\"4\" y=\"70\">commune B</text>"
                     "<text class=\"v\" x=\"6\" y=\"85\">\xE2\x80\x93 the denominator is zero</text></g>");
    assert_in(o.out, "<line class=\"pooled\" data-value=\"140\" x1=\"501\" y1=\"16\" x2=\"501\" y2=\"98\"/>"
                     "<text class=\"pooled-label\" x=\"501\" y=\"12\" text-anchor=\"end\">the report: 140 %</text>");
    /* half per commune: 2 / 3 each, the scale at 100 %: its line at 501 */
    assert_in(o.out, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" data-chart=\"per\" "
                     "data-indicator=\"half\" width=\"640\" height=\"98\" viewBox=\"0 0 640 98\">\n<title>Nửa, per "
                     "commune</title>\n<line class=\"axis\" x1=\"0.5\" y1=\"18\" x2=\"0.5\" y2=\"98\"/>\n"
                     "<line class=\"grid\" x1=\"501\" y1=\"18\" x2=\"501\" y2=\"98\"/>");
    assert_in(o.out, "<td class=\"num\">66.67 %</td><td class=\"num\">2 / 3</td>");
    /* voters: about 100 + 50: approximate for the report and for A */
    assert_in(o.out, "<p class=\"value\" data-value=\"150\"><strong>\xE2\x89\x88 150</strong></p>\n"
                     "<p class=\"note\">computed from an approximate figure</p>");
    assert_in(o.out, "<tr class=\"known\" data-unit=\"commune A\" data-value=\"100\"><td>commune A</td>"
                     "<td class=\"num\">\xE2\x89\x88 100</td>");
    /* a count: the scale is its largest value, 14; B's 0 is a bar 0 wide */
    assert_in(o.out, "<g class=\"bar\" data-unit=\"commune B\" data-value=\"0\"><text x=\"4\" y=\"70\">commune B</text>"
                     "<rect x=\"1\" y=\"74\" width=\"0\" height=\"14\"/><text class=\"v\" x=\"6\" y=\"85\">0</text></g>");
    /* the source line: the tab before it dropped, cut at 160 bytes: 49
     * bytes before the comment's x's, then 111 of them and an ellipsis */
    char xs[112];
    memset(xs, 'x', 111);
    xs[111] = '\0';
    assert_in(o.out, arena_printf(&f->arena, "<span class=\"loc\">h.dlg:14:12</span><code class=\"line\">indicator n "
                                  "&quot;Số&quot; = attended { per commune }  # %s\xE2\x80\xA6</code>", xs));
    /* all zero: the scale is 1, the report's 0 at x = 1, labelled from its start */
    assert_in(o.out, "<line class=\"pooled\" data-value=\"0\" x1=\"1\" y1=\"16\" x2=\"1\" y2=\"98\"/>"
                     "<text class=\"pooled-label\" x=\"1\" y=\"12\" text-anchor=\"start\">the report: 0</text>");
    /* negative values: no width; 4 - 10 = -6 for the report */
    assert_in(o.out, "<g class=\"bar\" data-unit=\"commune A\" data-value=\"-1\"><text x=\"4\" y=\"34\">commune A</text>"
                     "<rect x=\"1\" y=\"38\" width=\"0\" height=\"14\"/>");
    assert_in(o.out, "<line class=\"pooled\" data-value=\"-6\" x1=\"1\"");
    /* a boolean has its table and no chart */
    assert_in(o.out, "<section class=\"indicator\" id=\"indicator-b\" data-indicator=\"b\" data-value-unit=\"boolean\">");
    assert_not_in(o.out, "data-chart=\"per\" data-indicator=\"b\"");
    run_output_free(&o);
}

TEST(html_diagnostics)
{
    /* two errors, each with its note: nothing evaluated (html.md §2) */
    RunOutput o = run_as("e.dlg",
                         "invited 5\nindicator a = invited\nindicator a = invited\n"
                         "indicator c = invited\nindicator c = invited\n",
                         "html", false);
    assert_int_equal(o.status, 2);
    assert_in(o.out, "<h1>dlg report</h1>");
    assert_in(o.out, "<title>dlg report</title>");
    assert_in(o.out, "<p id=\"verdict\" class=\"result wrong\" data-exit-status=\"2\">Nothing was evaluated: 2 errors "
                     "in the input</p>");
    assert_not_in(o.out, "<nav>");
    assert_in(o.out, "<li class=\"error\" data-severity=\"error\"><strong>error</strong>: indicator &#39;a&#39; is defined "
                     "twice<div><span class=\"loc\">e.dlg:3:11</span><code class=\"line\">indicator a = invited</code>"
                     "</div></li>");
    assert_in(o.out, "<li class=\"note\" data-severity=\"note\"><strong>note</strong>: first defined here<div>"
                     "<span class=\"loc\">e.dlg:2:11</span>");
    run_output_free(&o);

    /* a file that cannot be read: no place; its name in the message and in
     * the footer, escaped: 0x01 \x01, DEL \x7f, CR \r, LF \n, a tab kept,
     * 0xFF U+FFFD, U+0085 (a C1 control) \u0085, U+00A9 kept */
    o = run_missing("no\x01su\x7f\r\n\t\xff\xc2\x85\xc2\xa9.dlg", "html");
    assert_int_equal(o.status, 2);
    const char *name = "no\\x01su\\x7f\\r\\n\t\xEF\xBF\xBD\\u0085\xc2\xa9.dlg";
    assert_in(o.out, "<p id=\"verdict\" class=\"result wrong\" data-exit-status=\"2\">Nothing was evaluated: 1 error in "
                     "the input</p>");
    assert_in(o.out, arena_printf(&f->arena, "<li class=\"error\" data-severity=\"error\"><strong>error</strong>: "
                                  "cannot read &#39;%s&#39;: No such file or directory</li>\n", name));
    assert_in(o.out, arena_printf(&f->arena, "<footer>Checked by dlg from <code>%s</code>.</footer>", name));
    run_output_free(&o);

    /* warnings, one not shown; no check, rule or indicator: the page has
     * only its summary and its diagnostics */
    char *text = many_warnings();
    o = run_as("w.dlg", text, "html", false);
    assert_int_equal(o.status, 0);
    assert_in(o.out, "<dd data-field=\"period\">2024-01-01 .. 2024-12-31</dd>");
    assert_in(o.out, "<p id=\"verdict\" class=\"result ok\" data-exit-status=\"0\">Result: OK</p>");
    assert_in(o.out, "<nav><a href=\"#summary\">Summary</a><a href=\"#diagnostics\">Diagnostics</a></nav>");
    assert_not_in(o.out, "id=\"units\"");
    assert_not_in(o.out, "id=\"indicators\"");
    assert_in(o.out, "<li class=\"warning\" data-severity=\"warning\"><strong>warning</strong>: dialogue 2025-02-01 in the "
                     "report is dated outside the report&#39;s period (2024-01-01 .. 2024-12-31): correct the date "
                     "or the period<div><span class=\"loc\">w.dlg:2:1</span>");
    assert_in(o.out, "<li class=\"note\" data-severity=\"note\">1 more warning not shown</li>\n</ul>");
    run_output_free(&o);
    free(text);
}

TEST(html_comparison)
{
    /* the previous period in two files: 2023, att 30 / 40 = 75 %, n 40,
     * k 30; now att 20 / 50 = 40 % (-35 points), n 50 (+10, +25 %), k 20
     * (-10, -33.33 %), and j only now */
    char dir[] = "/tmp/dlg-cov-formats-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char p1[64], p2[64];
    snprintf(p1, sizeof p1, "%s/p1.dlg", dir);
    snprintf(p2, sizeof p2, "%s/p2.dlg", dir);
    FILE *fp = fopen(p1, "w");
    assert_non_null(fp);
    fputs("period 2023\nindicator att \"T\" = percent(attended, invited)\nindicator n \"N\" = invited\n"
          "indicator k \"K\" = attended\n", fp);
    fclose(fp);
    fp = fopen(p2, "w");
    assert_non_null(fp);
    fputs("invited 40\nattended 30\n", fp);
    fclose(fp);
    MemoryFile cur = { "cur.dlg",
                       "period 2024\ninvited 50\nattended 20\n"
                       "indicator att \"T\" = percent(attended, invited)\nindicator n \"N\" = invited\n"
                       "indicator k \"K\" = attended\nindicator j \"J\" = invited\n",
                       0 };
    cur.len = strlen(cur.bytes);
    const char *prev[] = { p1, p2 };
    RunOptions opt = { .writer = report_writer("html"), .memory = &cur, .nmemory = 1, .previous = prev,
                       .nprevious = 2 };
    RunOutput o = run_caught(&opt);
    assert_int_equal(o.status, 0);
    assert_in(o.out, "<a href=\"#comparison\">Previous period</a>");
    assert_in(o.out, arena_printf(&f->arena, "<p>2023-01-01 .. 2023-12-31 (%s, %s)</p>", p1, p2));
    assert_in(o.out, "<tr data-indicator=\"att\" data-previous=\"75\" data-current=\"40\"><td><code>att</code></td><td>"
                     "</td><td class=\"num\">75 %</td><td class=\"num\">40 %</td><td class=\"num\">-35 points</td>"
                     "<td class=\"note\"></td></tr>");
    assert_in(o.out, "<td class=\"num\">40</td><td class=\"num\">50</td><td class=\"num\">+10 (+25 %)</td>");
    assert_in(o.out, "<td class=\"num\">30</td><td class=\"num\">20</td><td class=\"num\">-10 (-33.33 %)</td>");
    assert_in(o.out, "<tr data-indicator=\"j\" data-current=\"50\"><td><code>j</code></td><td></td><td class=\"num\">"
                     "\xE2\x80\x93</td><td class=\"num\">50</td><td class=\"num\"></td><td class=\"note\">not in the "
                     "previous report</td></tr>");
    run_output_free(&o);

    /* the previous report without a period: only its file; j, k and n
     * are not in it */
    opt.previous = prev + 1;
    opt.nprevious = 1;
    o = run_caught(&opt);
    assert_in(o.out, arena_printf(&f->arena, "<h2>Compared with the previous period</h2>\n<p>(%s)</p>", p2));
    run_output_free(&o);

    /* neither report has an indicator: no rows, no section */
    MemoryFile bare = { "bare.dlg", "invited 5\n", 10 };
    const char *prev2[] = { p2 };
    opt = (RunOptions){ .writer = report_writer("html"), .memory = &bare, .nmemory = 1, .previous = prev2,
                        .nprevious = 1 };
    o = run_caught(&opt);
    assert_not_in(o.out, "id=\"comparison\"");
    assert_not_in(o.out, "#comparison");
    run_output_free(&o);
    remove(p1);
    remove(p2);
    rmdir(dir);
}

TEST(html_rules_without_checks)
{
    /* a rule and nothing else: no check, no indicator; the rule's verdict
     * for the report is listed by unit */
    RunOutput o = run_as("r.dlg", "rule r \"R\": 1 < 2\n", "html", false);
    assert_int_equal(o.status, 0);
    assert_in(o.out, "<nav><a href=\"#summary\">Summary</a><a href=\"#rules\">Rules</a><a href=\"#units\">By unit</a>"
                     "</nav>");
    assert_in(o.out, "<section class=\"unit\" data-unit=\"the report\" data-failed=\"0\">\n<h3>the report"
                     "<span class=\"badge pass\">none failed</span></h3>");
    assert_in(o.out, "<td colspan=\"2\">1 &lt; 2 holds: 1 &lt; 2<div>");
    run_output_free(&o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(csv_rows_of_every_kind),
        FIXTURE_TEST(csv_when_nothing_was_evaluated),
        FIXTURE_TEST(github_every_kind_of_item),
        FIXTURE_TEST(github_escapes_a_message_and_items_without_a_file),
        FIXTURE_TEST(sarif_every_kind_of_item),
        FIXTURE_TEST(sarif_when_nothing_was_evaluated),
        FIXTURE_TEST(json_unit_of_a_check_of_money),
        FIXTURE_TEST(html_header_summary_and_rules),
        FIXTURE_TEST(html_checks_and_verdicts_by_unit),
        FIXTURE_TEST(html_indicators_and_charts),
        FIXTURE_TEST(html_diagnostics),
        FIXTURE_TEST(html_comparison),
        FIXTURE_TEST(html_rules_without_checks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
