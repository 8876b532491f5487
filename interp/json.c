/* json.c - the JSON report: one object, keys in a fixed order, valid UTF-8
 * whatever the input (spec/json.md). */
#include <string.h>

#include "format.h"
#include "report.h"
#include "utf8.h"

enum {
    NUMBER_BUF = 512,
    TOLERANCE_DECIMALS = 6,     /* spec/json.md §3 */
};

void report_json_string(FILE *out, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    fputc('"', out);
    for (size_t i = 0; i < n;) {
        /* a run of bytes written as they are, in one call */
        size_t run = i;
        for (size_t len; run < n; run += len) {
            unsigned char c = p[run];
            if (c < 0x80)
                len = c >= 0x20 && c != 0x7F && c != '"' && c != '\\' ? 1 : 0;
            else
                len = utf8_sequence(p + run, n - run);
            if (!len)
                break;
        }
        if (run > i)
            fwrite(p + i, 1, run - i, out);
        if (run == n)
            break;
        unsigned char c = p[run];
        i = run + 1;
        switch (c) {
        case '"': fputs("\\\"", out); continue;
        case '\\': fputs("\\\\", out); continue;
        case '\n': fputs("\\n", out); continue;
        case '\r': fputs("\\r", out); continue;
        case '\t': fputs("\\t", out); continue;
        default: break;
        }
        if (c < 0x80)
            fprintf(out, "\\u%04x", c);
        else
            fputs("\\ufffd", out);    /* a byte that starts no valid sequence */
    }
    fputc('"', out);
}

/* A number in plain decimal notation; a value that is not finite is null. */
static void json_number(FILE *out, double v, int decimals)
{
    char buf[NUMBER_BUF];
    if (format_number(buf, sizeof buf, v, decimals, &FORMAT_PLAIN))
        fputs(buf, out);
    else
        fputs("null", out);
}

static void key(FILE *out, const char *k)
{
    fputc('"', out);
    fputs(k, out);
    fputs("\": ", out);
}

/* A count in decimal, without printf's parsing of a format each time. */
static void uint_text(FILE *out, uint32_t v)
{
    char buf[16], *p = buf + sizeof buf;
    *--p = '\0';
    do
        *--p = (char)('0' + v % 10);
    while (v /= 10);
    fputs(p, out);
}

static void cstr(FILE *out, const char *s)
{
    if (s)
        report_json_string(out, s, strlen(s));
    else
        fputs("null", out);
}

static void str(FILE *out, Str s)
{
    if (s.ptr)
        report_json_string(out, s.ptr, s.len);
    else
        fputs("null", out);
}

/* A whole number is an exact integer literal, beyond 2^53 too. */
static void number(FILE *out, Number n)
{
    char buf[NUMBER_BUF];
    const char *text = report_number(buf, sizeof buf, n);
    fputs(text ? text : "null", out);
}

/* A value of that unit: a boolean as true or false (spec/json.md §3). */
static void value(FILE *out, Number n, ValueUnit u)
{
    if (u == UNIT_BOOLEAN && n.known)
        fputs(n.value != 0 ? "true" : "false", out);
    else
        number(out, n);
}

static void date(FILE *out, Date d)
{
    char buf[16];
    if (d.precision == DATE_UNKNOWN)
        fputs("null", out);
    else
        fprintf(out, "\"%s\"", date_format(d, buf));
}

/* "file": ..., "line": ..., "column": ... */
static void position(FILE *out, Source *src, Span span)
{
    if (!src) {
        fputs("\"file\": null, \"line\": null, \"column\": null", out);
        return;
    }
    uint32_t line, col;
    source_position(src, span.start, &line, &col);
    key(out, "file");
    cstr(out, src->name);
    fputs(", \"line\": ", out);
    uint_text(out, line);
    fputs(", \"column\": ", out);
    uint_text(out, col);
}

/* The steps from the report down to n, each {"kind", "name"}, a session's
 * with its "date"; false for the report itself (no step). */
static bool steps(FILE *out, const Node *n)
{
    if (!n || n->kind->level == LEVEL_ROOT)
        return false;
    bool any = steps(out, n->parent);
    fputs(any ? ", {" : "{", out);
    key(out, "kind"); cstr(out, n->kind->name->text);
    fputs(", ", out); key(out, "name"); cstr(out, n->name ? n->name->text : NULL);
    if (n->kind->session) {
        fputs(", ", out); key(out, "date"); date(out, n->date);
    }
    fputs("}", out);
    return true;
}

/* "unit_path": [...] (spec/json.md §3.1) */
static void unit_path(FILE *out, const Node *n)
{
    key(out, "unit_path");
    fputs("[", out);
    steps(out, n);
    fputs("]", out);
}

/* "figure_path": ["opinions", "resolved"], or null */
static void figure_path(FILE *out, const Figure *f)
{
    key(out, "figure_path");
    if (!f) {
        fputs("null", out);
        return;
    }
    fputs("[", out);
    const char *p = f->path->text;
    for (;;) {
        const char *dot = strchr(p, '.');
        size_t len = dot ? (size_t)(dot - p) : strlen(p);
        report_json_string(out, p, len);
        if (!dot)
            break;
        fputs(", ", out);
        p = dot + 1;
    }
    fputs("]", out);
}

static void header(FILE *out, const Header *h)
{
    if (!h || !h->present) {
        fputs("null", out);
        return;
    }
    fputs("{", out);
    key(out, "title"); str(out, h->title);
    fputs(", ", out); key(out, "issuer"); str(out, h->issuer);
    fputs(", ", out); key(out, "reference"); str(out, h->reference);
    fputs(", ", out); key(out, "date"); date(out, h->date);
    fputs(", ", out); key(out, "place"); str(out, h->place);
    fputs(", ", out); key(out, "period");
    if (h->has_period) {
        fputs("{\"start\": ", out); date(out, h->period_start);
        fputs(", \"end\": ", out); date(out, h->period_end);
        fputs("}", out);
    } else {
        fputs("null", out);
    }
    fputs("}", out);
}

static void checks(FILE *out, const Result *r, Arena *a)
{
    fputs("[", out);
    bool first = true;
    for (const Check *c = r ? r->checks : NULL; c; c = c->next) {
        fputs(first ? "\n    {" : ",\n    {", out);
        first = false;
        key(out, "kind"); cstr(out, result_check_kind_name(c->kind));
        fputs(", ", out); key(out, "subject"); cstr(out, format_check_subject(a, c));
        fputs(", ", out); unit_path(out, c->node);
        fputs(", ", out); figure_path(out, c->kind == CHECK_PERCENT ? NULL : c->figure);
        fputs(", ", out); key(out, "indicator"); cstr(out, c->indicator ? c->indicator->id->text : NULL);
        fputs(", ", out); key(out, "unit"); cstr(out, result_unit_name(report_check_unit(c)));
        fputs(", ", out); key(out, "declared"); number(out, c->declared);
        fputs(", ", out); key(out, "computed"); number(out, c->computed);
        fputs(", ", out); key(out, "imbalance"); number(out, c->imbalance);
        fputs(", ", out); key(out, "relation"); cstr(out, result_relation_name(c->relation));
        if (c->relation == REL_ABOUT || c->relation == REL_WITHIN) {
            fputs(", ", out); key(out, "tolerance"); json_number(out, c->tolerance, TOLERANCE_DECIMALS);
        }
        if (c->has_coverage)
            fprintf(out, ", \"coverage\": {\"covered\": %u, \"expected\": %u}", c->covered, c->expected);
        fputs(", ", out); key(out, "status"); cstr(out, result_status_name(c->status));
        const char *note = format_note(a, &c->note);
        if (note) {
            fputs(", ", out); key(out, "note"); cstr(out, note);
        }
        fputs(", ", out);
        position(out, c->src, c->span);
        fputs("}", out);
    }
    fputs(first ? "]" : "\n  ]", out);
}

/* A window of time: {"unit": "month", "part": "m2024_03", "label": "2024-03",
 * "start": "2024-03-01", "end": "2024-03-31"}, or null. */
static void window(FILE *out, Window w)
{
    if (!w.unit) {
        fputs("null", out);
        return;
    }
    char buf[16];
    fputs("{", out);
    key(out, "unit"); cstr(out, date_window_unit((WindowUnit)w.unit));
    fputs(", ", out); key(out, "part"); cstr(out, date_window_name(w, buf));
    fputs(", ", out); key(out, "label"); cstr(out, date_window_label(w, buf));
    fputs(", ", out); key(out, "start"); date(out, date_from_days(w.first));
    fputs(", ", out); key(out, "end"); date(out, date_from_days(w.last));
    fputs("}", out);
}

/* "part": {"dimension": "level", "part": "district_level"}, or null */
static void part(FILE *out, const Part *p)
{
    key(out, "part");
    if (!p) {
        fputs("null", out);
        return;
    }
    fputs("{", out);
    key(out, "dimension"); cstr(out, p->dim->name->text);
    fputs(", ", out); key(out, "part"); cstr(out, p->name->text);
    fputs("}", out);
}

static void val(FILE *out, const Val *v)
{
    switch (v->kind) {
    case VAL_NUMBER: json_number(out, v->num, v->num == (double)(int64_t)v->num ? 0 : 4); return;
    case VAL_BOOL: fputs(v->b ? "true" : "false", out); return;
    case VAL_DATE: date(out, date_from_days(v->days)); return;
    case VAL_STRING: cstr(out, v->str); return;
    case VAL_UNKNOWN: break;
    }
    fputs("null", out);
}

/* One subject of a rule (spec/json.md §7.1). */
static void verdict(FILE *out, Arena *a, const RuleDef *d, const Verdict *v)
{
    key(out, "subject"); cstr(out, model_subject(a, v->node));
    fputs(", ", out); unit_path(out, v->node);
    fputs(", ", out); part(out, v->part);
    fputs(", ", out); key(out, "window"); window(out, v->win);
    fputs(", ", out); key(out, "status"); cstr(out, result_status_name(v->status));
    fputs(", ", out); key(out, "compared");
    if (v->compared) {
        fputs("{", out);
        key(out, "op"); cstr(out, format_op(v->op));
        fputs(", ", out); key(out, "left"); val(out, &v->lhs);
        fputs(", ", out); key(out, "right"); val(out, &v->rhs);
        fputs("}", out);
    } else {
        fputs("null", out);
    }
    fputs(", ", out); key(out, "schedule");
    const Slots *sl = v->slots;
    if (sl) {
        fprintf(out, "{\"expected\": %lld, \"held\": ", (long long)sl->expected);
        if (sl->held_known)
            fprintf(out, "%lld", (long long)sl->held);
        else
            fputs("null", out);
        fprintf(out, ", \"not_held\": %lld, \"missed\": [", (long long)sl->not_held);
        for (uint32_t i = 0; i < sl->nmissed && i < MAX_MISSED; i++) {
            fputs(i ? ", " : "", out);
            window(out, sl->missed[i]);
        }
        fprintf(out, "], \"windows_missed\": %u, \"moved\": %u, \"prorated\": %u}", sl->nmissed, sl->nmoved,
                sl->edges);
    } else {
        fputs("null", out);
    }
    fputs(", ", out); key(out, "detail"); cstr(out, format_verdict(a, d, v));
    fputs(", ", out);
    position(out, v->src, v->span);
}

static void rules(FILE *out, const Result *r, Arena *a)
{
    fputs("[", out);
    bool first = true;
    for (const RuleResult *rr = r ? r->rules : NULL; rr; rr = rr->next) {
        const RuleDef *d = rr->def;
        fputs(first ? "\n    {" : ",\n    {", out);
        first = false;
        key(out, "id"); cstr(out, d->id->text);
        fputs(", ", out); key(out, "title"); str(out, d->title);
        fputs(", ", out); key(out, "severity"); cstr(out, d->severity == SEVERITY_ERROR ? "error" : "warning");
        fputs(", ", out); key(out, "source"); str(out, d->legal_source);
        fputs(", ", out); key(out, "code"); str(out, d->code);
        fputs(", ", out); key(out, "unverified"); str(out, d->unverified);
        fputs(", ", out); key(out, "status"); cstr(out, result_status_name(rr->status));
        fprintf(out, ", \"passed\": %u, \"failed\": %u, \"unknown\": %u, \"total\": %u", rr->passed,
                rr->failed, rr->unknown, rr->total);
        fputs(", ", out); key(out, "note"); cstr(out, format_note(a, &rr->note));
        fputs(", \"failures\": [", out);
        bool any = false;
        for (const Verdict *v = rr->verdicts; v; v = v->next) {
            if (v->status == RESULT_PASS)
                continue;
            fputs(any ? ", {" : "{", out);
            any = true;
            key(out, "subject"); cstr(out, format_verdict_subject(a, v));
            fputs(", ", out); unit_path(out, v->node);
            fputs(", ", out); key(out, "status"); cstr(out, result_status_name(v->status));
            fputs(", ", out); key(out, "detail"); cstr(out, format_verdict(a, d, v));
            fputs(", ", out);
            position(out, v->src, v->span);
            fputs("}", out);
        }
        fputs("]", out);
        fputs(", \"subjects\": [", out);
        for (const Verdict *v = rr->verdicts; v; v = v->next) {
            fputs(v == rr->verdicts ? "\n      {" : ",\n      {", out);
            verdict(out, a, d, v);
            fputs("}", out);
        }
        fputs(rr->verdicts ? "\n    ]" : "]", out);
        fputs(", ", out);
        position(out, d->src, d->span);
        fputs("}", out);
    }
    fputs(first ? "]" : "\n  ]", out);
}

/* The value of an indicator row: "unit" to "note" (spec/json.md §8). */
static void indicator_value(FILE *out, const IndicatorResult *ir, Arena *a)
{
    key(out, "unit"); cstr(out, result_unit_name(ir->unit));
    fputs(", ", out); key(out, "value"); value(out, ir->value, ir->unit);
    fputs(", ", out); key(out, "numerator"); number(out, ir->numerator);
    fputs(", ", out); key(out, "denominator"); number(out, ir->denominator);
    if (ir->approximate)
        fputs(", \"approximate\": true", out);
    fputs(", ", out); key(out, "note"); cstr(out, format_note(a, &ir->note));
}

/* Each indicator once, with the report's value; its rows per KIND,
 * DIMENSION or window (which follow the report's row in the result) nested
 * in "rows", so that no row shares the indicator's "id". */
static void indicators(FILE *out, const Result *r, Arena *a)
{
    fputs("[", out);
    bool first = true;
    const IndicatorResult *ir = r ? r->indicators : NULL;
    while (ir) {
        const IndicatorDef *d = ir->def;
        fputs(first ? "\n    {" : ",\n    {", out);
        first = false;
        key(out, "id"); cstr(out, d->id->text);
        fputs(", ", out); key(out, "title"); str(out, d->title);
        fputs(", ", out); indicator_value(out, ir, a);
        fputs(", ", out); key(out, "comment"); str(out, d->comment);
        fputs(", ", out);
        position(out, d->src, d->span);
        fputs(", \"rows\": [", out);
        const IndicatorResult *row = ir->next;
        for (; row && row->def == d; row = row->next) {
            fputs(row == ir->next ? "\n      {" : ",\n      {", out);
            key(out, "subject"); cstr(out, format_indicator_subject(a, row));
            fputs(", ", out); unit_path(out, row->node);
            fputs(", ", out); part(out, row->win.unit ? NULL : row->part);
            fputs(", ", out); key(out, "window"); window(out, row->win);
            fputs(", ", out); indicator_value(out, row, a);
            fputs("}", out);
        }
        fputs(row == ir->next ? "]}" : "\n    ]}", out);
        ir = row;
    }
    fputs(first ? "]" : "\n  ]", out);
}

static void diagnostics(FILE *out, const Diag *d)
{
    fputs("[", out);
    bool first = true;
    for (const Diagnostic *g = d ? d->first : NULL; g; g = g->next) {
        fputs(first ? "\n    {" : ",\n    {", out);
        first = false;
        key(out, "severity"); cstr(out, report_severity_name(g->severity));
        fputs(", ", out); key(out, "message"); cstr(out, g->message);
        fputs(", ", out);
        position(out, g->src, g->span);
        fputs("}", out);
    }
    char msg[64];
    DiagTail tail[2];
    int ntail = report_diag_tail(d, msg, sizeof msg, tail);
    for (int i = 0; i < ntail; i++) {
        fputs(first ? "\n    {" : ",\n    {", out);
        first = false;
        fprintf(out, "\"severity\": \"%s\", \"message\": ", report_severity_name(tail[i].severity));
        cstr(out, tail[i].message);
        fputs(", \"file\": null, \"line\": null, \"column\": null}", out);
    }
    fputs(first ? "]" : "\n  ]", out);
}

/* A row of the comparison: "unit" to "note"; a boolean's difference is
 * null, as it is no number (spec/json.md §8.1). */
static void compared(FILE *out, const Compared *c)
{
    bool boolean = c->unit == UNIT_BOOLEAN;
    key(out, "unit"); cstr(out, result_unit_name(c->unit));
    fputs(", ", out); key(out, "previous"); value(out, c->previous, c->unit);
    fputs(", ", out); key(out, "current"); value(out, c->current, c->unit);
    fputs(", ", out); key(out, "difference"); number(out, boolean ? (Number){ 0 } : c->difference);
    fputs(", ", out); key(out, "relative"); number(out, boolean ? (Number){ 0 } : c->relative);
    fputs(", ", out); key(out, "note"); cstr(out, c->note);
}

/* --previous (spec/json.md §8.1): the previous report and each indicator
 * beside its value then; null without --previous. */
static void comparison(FILE *out, const Comparison *cmp)
{
    if (!cmp) {
        fputs("null", out);
        return;
    }
    fputs("{\"files\": [", out);
    for (int i = 0; i < cmp->nfiles; i++) {
        fputs(i ? ", " : "", out);
        cstr(out, cmp->files[i]);
    }
    fputs("], \"report\": ", out);
    header(out, cmp->previous);
    fprintf(out, ", \"consecutive\": %s, \"indicators\": [", cmp->consecutive ? "true" : "false");
    /* each indicator's report row, its rows per unit nested (as in §8);
     * every indicator has exactly one report row, in this report or only
     * in the previous one */
    bool first = true;
    for (const Compared *c = cmp->rows; c; c = c->next) {
        if (c->subject)
            continue;
        fputs(first ? "\n      {" : ",\n      {", out);
        first = false;
        key(out, "id"); cstr(out, c->def->id->text);
        fputs(", ", out); compared(out, c);
        fputs(", \"rows\": [", out);
        bool any = false;
        for (const Compared *row = cmp->rows; row; row = row->next) {
            if (!row->subject || strcmp(row->def->id->text, c->def->id->text) != 0)
                continue;
            fputs(any ? ",\n        {" : "\n        {", out);
            any = true;
            key(out, "subject"); cstr(out, row->subject);
            fputs(", ", out); compared(out, row);
            fputs("}", out);
        }
        fputs(any ? "\n      ]}" : "]}", out);
    }
    fputs(first ? "]}" : "\n    ]}", out);
}

void report_json(const ReportInput *in, FILE *out)
{
    Arena scratch;
    arena_init(&scratch, NULL);
    fputs("{\n  \"dlg\": 3,\n  \"ok\": ", out);
    fputs(in->exit_status == 0 ? "true" : "false", out);
    fputs(",\n  \"files\": [", out);
    for (int i = 0; i < in->nfiles; i++) {
        if (i)
            fputs(", ", out);
        cstr(out, in->files[i]);
    }
    fputs("],\n  \"report\": ", out);
    header(out, in->header);
    fputs(",\n  \"checks\": ", out);
    checks(out, in->result, &scratch);
    fputs(",\n  \"rules\": ", out);
    rules(out, in->result, &scratch);
    fputs(",\n  \"indicators\": ", out);
    indicators(out, in->result, &scratch);
    fputs(",\n  \"comparison\": ", out);
    comparison(out, in->comparison);
    fputs(",\n  \"diagnostics\": ", out);
    diagnostics(out, in->diag);
    fputs("\n}\n", out);
    arena_free(&scratch);
}
