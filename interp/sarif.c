/* sarif.c - the SARIF 2.1.0 log (spec/formats.md §1): one run of the tool
 * "dlg" whose results are the checks that did not pass, the rule subjects
 * that failed or are unknown, the rules with nothing to check, and every
 * diagnostic, each with its ruleId, level and place. Strings go through
 * the JSON writer's escaper, so the log is valid UTF-8 and valid JSON
 * whatever the input. */
#include <string.h>

#include "report.h"

#ifndef DLG_VERSION
#define DLG_VERSION "unknown"
#endif

static void cstr(FILE *out, const char *s)
{
    if (s)
        report_json_string(out, s, strlen(s));
    else
        fputs("null", out);
}

/* What each kind of check asserts: the rules of the log's tool. */
static const char *const check_descriptions[] = {
    [CHECK_SUM] = "a breakdown's parts add up to its whole",
    [CHECK_TABLE] = "the cells of a two-way breakdown add up to its column totals",
    [CHECK_ROLLUP] = "a unit's figure is the sum over its child units and sessions",
    [CHECK_ITEMS] = "a count equals the number of itemised entries",
    [CHECK_BOUND] = "a figure does not exceed its bound, and no count is negative",
    [CHECK_PERCENT] = "a printed percentage agrees with its indicator",
    [CHECK_CHANGE] = "a printed change agrees with the figure and its previous value",
};

static const char *const levels[] = { "note", "warning", "error" };

enum { ID_BUF = 256 };

/* "check/sum", "rule/weekly_reception", "diagnostic/error": the ruleId, in
 * the caller's buffer (an identifier too long for it is cut). */
static const char *rule_id(char *buf, const char *family, const char *name)
{
    snprintf(buf, ID_BUF, "%s/%s", family, name);
    return buf;
}

/* A file name as a URI reference: every byte but unreserved characters and
 * '/' percent-encoded (RFC 3986), so "Quài Nưa.dlg" is "Qu%C3%A0i%20N...". */
static void uri(FILE *out, const char *name)
{
    static const char hex[] = "0123456789ABCDEF";
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        unsigned char c = *p;
        bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                     c == '.' || c == '_' || c == '~' || c == '/';
        if (plain) {
            fputc(c, out);
        } else {
            fputc('%', out);
            fputc(hex[c >> 4], out);
            fputc(hex[c & 15], out);
        }
    }
    fputc('"', out);
}

/* One rule of the tool: {"id", "name", "shortDescription", ...}. */
static void descriptor(FILE *out, bool first, const char *id, const char *name, const char *text,
                       const char *level)
{
    fputs(first ? "\n          {" : ",\n          {", out);
    fputs("\"id\": ", out); cstr(out, id);
    fputs(", \"name\": ", out); cstr(out, name);
    fputs(", \"shortDescription\": {\"text\": ", out); cstr(out, text);
    fprintf(out, "}, \"defaultConfiguration\": {\"level\": \"%s\"}}", level);
}

static void tool(FILE *out, const Result *r, Arena *a)
{
    fputs("\"tool\": {\"driver\": {\"name\": \"dlg\", \"version\": \"" DLG_VERSION "\", \"rules\": [", out);
    bool first = true;
    char id[ID_BUF];
    for (size_t k = 0; k < sizeof check_descriptions / sizeof *check_descriptions; k++) {
        const char *kind = result_check_kind_name((CheckKind)k);
        descriptor(out, first, rule_id(id, "check", kind), kind, check_descriptions[k], "error");
        first = false;
    }
    for (const RuleResult *rr = r ? r->rules : NULL; rr; rr = rr->next) {
        const RuleDef *d = rr->def;
        const char *title = d->title.ptr ? arena_strndup(a, d->title.ptr, d->title.len) : NULL;
        descriptor(out, false, rule_id(id, "rule", d->id->text), d->id->text, title ? title : d->id->text,
                   d->severity == SEVERITY_ERROR ? "error" : "warning");
    }
    static const char *const diagnostics[][3] = {
        { "diagnostic/error", "error", "an input could not be read, parsed or understood" },
        { "diagnostic/warning", "warning", "something in the input is suspect" },
        { "diagnostic/note", "note", "more on a diagnostic" },
    };
    for (size_t k = 0; k < 3; k++)
        descriptor(out, false, diagnostics[k][0], diagnostics[k][1], diagnostics[k][2], diagnostics[k][1]);
    fputs("\n        ]}}", out);
}

typedef struct Results {
    FILE *out;
    bool first;
} Results;

/* One result; no location when the item is tied to no file. */
static void result(void *ctx, const Annotation *an)
{
    Results *rs = ctx;
    FILE *out = rs->out;
    char id[ID_BUF];
    fputs(rs->first ? "\n        {" : ",\n        {", out);
    rs->first = false;
    fputs("\"ruleId\": ", out); cstr(out, rule_id(id, an->family, an->name));
    fprintf(out, ", \"level\": \"%s\", \"message\": {\"text\": ", levels[an->level]);
    cstr(out, an->message ? an->message : "?");
    fputs("}, \"locations\": [", out);
    if (an->src) {
        uint32_t line, col;
        source_position(an->src, an->span.start, &line, &col);
        fputs("{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ", out);
        uri(out, an->src->name);
        fprintf(out, "}, \"region\": {\"startLine\": %u, \"startColumn\": %u}}}", line, col);
    }
    fputs("]}", out);
}

static void results(FILE *out, const ReportInput *in, Arena *a)
{
    Results rs = { out, true };
    fputs("\"results\": [", out);
    report_annotations(in, a, result, &rs);
    fputs(rs.first ? "]" : "\n      ]", out);
}

bool report_sarif(const ReportInput *in, FILE *out)
{
    Arena scratch;
    arena_init(&scratch, in->allocator);
    fputs("{\n  \"$schema\": \"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
          "sarif-schema-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      ",
          out);
    tool(out, in->result, &scratch);
    fputs(",\n      \"columnKind\": \"unicodeCodePoints\",\n      ", out);
    results(out, in, &scratch);
    fprintf(out, ",\n      \"invocations\": [{\"executionSuccessful\": %s, \"exitCode\": %d}]\n    }\n  ]\n}\n",
            in->exit_status == 2 ? "false" : "true", in->exit_status);
    bool whole = !scratch.failed;
    arena_free(&scratch);
    return whole;
}
