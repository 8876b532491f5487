/* html.c - the HTML report (spec/html.md): one self-contained page, with
 * its CSS and its SVG charts inline and nothing fetched. Every string of
 * the input goes through html_escape(); every number and sentence comes
 * from format.h, as in the text and JSON reports. Figures carry data-
 * attributes (data-indicator, data-unit, data-value, data-status) so that
 * tests and scripts can find them; data-value is a number as JSON writes it
 * (a boolean true or false). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "html.h"
#include "i18n.h"
#include "report.h"
#include "utf8.h"

enum {
    NUMBER_BUF = 512,
    SHOWN_DECIMALS = 2,     /* computed values are shown to this many, as in text */
    EXCERPT_BYTES = 160,    /* a longer source line is cut, at a character */
    /* bar charts: a label line above each bar */
    CHART_WIDTH = 640,
    CHART_BARS = 500,       /* the width of a bar at the scale's top */
    CHART_ROW = 36,
    CHART_TOP = 22,         /* room for the pooled rate's label */
    CHART_BAR = 14,
};

/* ---- text -------------------------------------------------------------------------- */

void html_escape(FILE *out, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        switch (c) {
        case '&': fputs("&amp;", out); continue;
        case '<': fputs("&lt;", out); continue;
        case '>': fputs("&gt;", out); continue;
        case '"': fputs("&quot;", out); continue;
        case '\'': fputs("&#39;", out); continue;
        case '\t': fputc('\t', out); continue;
        case '\n': fputs("\\n", out); continue;
        case '\r': fputs("\\r", out); continue;
        default: break;
        }
        if (c < 0x20 || c == 0x7F) {
            fprintf(out, "\\x%02x", c);
            continue;
        }
        if (c < 0x80) {
            fputc(c, out);
            continue;
        }
        size_t len = utf8_sequence(p + i, n - i);
        if (!len) {
            fputs("\xEF\xBF\xBD", out);     /* U+FFFD */
            continue;
        }
        if (c == 0xC2 && p[i + 1] < 0xA0)   /* U+0080..U+009F: C1 controls */
            fprintf(out, "\\u%04x", p[i + 1]);
        else
            fwrite(p + i, 1, len, out);
        i += len - 1;
    }
}

static void put(FILE *out, const char *s)
{
    if (s)
        html_escape(out, s, strlen(s));
    else
        fputc('?', out);        /* the scratch arena ran out */
}

static void put_str(FILE *out, Str s) { html_escape(out, s.ptr, s.len); }

/* ' name="value"', escaped. */
static void attr(FILE *out, const char *name, const char *value)
{
    fprintf(out, " %s=\"", name);
    put(out, value);
    fputc('"', out);
}

/* ' name="15590"': a number as JSON writes it (spec/json.md §3); nothing
 * when it is unknown. */
static void attr_number(FILE *out, const char *name, Number n)
{
    char buf[NUMBER_BUF];
    if (!n.known)
        return;
    if (n.whole)
        format_whole(buf, sizeof buf, n.exact, &FORMAT_PLAIN);
    else if (!format_number(buf, sizeof buf, n.value, n.decimals, &FORMAT_PLAIN))
        return;
    fprintf(out, " %s=\"%s\"", name, buf);
}

/* The same for a value of `unit`: a boolean as JSON writes it too,
 * "true" or "false". */
static void attr_value(FILE *out, const char *name, ValueUnit unit, Number n)
{
    if (unit == UNIT_BOOLEAN && n.known)
        fprintf(out, " %s=\"%s\"", name, n.value != 0 ? "true" : "false");
    else
        attr_number(out, name, n);
}

static int shown_decimals(const Number *n)
{
    return n->decimals > SHOWN_DECIMALS ? SHOWN_DECIMALS : n->decimals;
}

/* A value as the text report shows it: "99.72 %", "1.20", "24,444,999 đ";
 * a boolean in words, "yes" or "no". */
static const char *value_text(char *buf, size_t size, ValueUnit unit, Number n)
{
    if (unit == UNIT_BOOLEAN && n.known) {
        /* TRANSLATORS: the value of a condition (indicator nb = invited > 5) */
        snprintf(buf, size, "%s", n.value != 0 ? C_("boolean", "yes") : C_("boolean", "no"));
        return buf;
    }
    format_number_local(buf, size, n, unit == UNIT_PERCENT ? SHOWN_DECIMALS : shown_decimals(&n));
    if (n.known && unit == UNIT_PERCENT) {
        size_t len = strlen(buf);
        snprintf(buf + len, size - len, " %%");
    }
    return buf;
}

static const char *status_class(Status s) { return result_status_name(s); }

static const char *status_label(Status s)
{
    switch (s) {
    case RESULT_PASS: return _("pass");
    case RESULT_FAIL: return _("FAIL");
    case RESULT_UNKNOWN: return _("unknown");
    /* TRANSLATORS: the status of a partial check, in the HTML report */
    case RESULT_PARTIAL: return _("partial");
    }
    return _("unknown");
}

/* "file:line:col" and the source line there, cut when long. */
static void where(FILE *out, Source *src, Span span)
{
    if (!src)
        return;
    uint32_t line, col, len;
    source_position(src, span.start, &line, &col);
    fputs("<span class=\"loc\">", out);
    put(out, src->name);
    fprintf(out, ":%u:%u</span>", line, col);
    uint32_t line_at;
    const char *text = source_line(src, span.start, &line_at, &len);
    while (len && (*text == ' ' || *text == '\t')) {
        text++;
        len--;
    }
    size_t shown = len > EXCERPT_BYTES ? utf8_cut(text, len, EXCERPT_BYTES) : len;
    fputs("<code class=\"line\">", out);
    html_escape(out, text, shown);
    fputs(shown < len ? "\xE2\x80\xA6</code>" : "</code>", out);   /* … */
}

/* ---- the page --------------------------------------------------------------------- */

static const char style[] =
    ":root{--fail:#b3261e;--fail-bg:#fdecea;--pass:#1e6b35;--part:#8a5a00;--part-bg:#fff4dc;"
    "--unknown:#555;--unknown-bg:#f0f0f0;--rule:#ccc;--bar:#3b6ea8}\n"
    "body{font-family:\"Noto Sans\",\"DejaVu Sans\",\"Segoe UI\",Arial,sans-serif;margin:2em auto;"
    "max-width:72em;padding:0 1em;color:#111;line-height:1.4}\n"
    "h1{font-size:1.5em;margin:0 0 .3em}h2{border-bottom:2px solid var(--rule);padding-bottom:.2em;"
    "margin-top:1.6em}h3{margin:1.2em 0 .4em}\n"
    "dl.meta{display:grid;grid-template-columns:max-content auto;gap:.1em 1em;margin:0}"
    "dl.meta dt{color:#555}dl.meta dd{margin:0}\n"
    "nav{margin:1em 0}nav a{margin-right:1em}\n"
    "table{border-collapse:collapse;margin:.4em 0 1em;width:100%}"
    "th,td{border:1px solid var(--rule);padding:.25em .5em;text-align:left;vertical-align:top}"
    "th{background:#f6f6f6}td.num,th.num{text-align:right;white-space:nowrap}\n"
    "table.summary{width:auto}table.summary td{text-align:right;min-width:4em}\n"
    "p.result{font-size:1.2em;font-weight:bold;padding:.5em .8em;border-left:6px solid}"
    "p.result.ok{color:var(--pass);border-color:var(--pass);background:#eaf6ee}"
    "p.result.wrong{color:var(--fail);border-color:var(--fail);background:var(--fail-bg)}\n"
    "tr.fail,li.error{background:var(--fail-bg)}tr.partial,li.warning{background:var(--part-bg)}"
    "tr.unknown{background:var(--unknown-bg)}\n"
    ".status{font-weight:bold;white-space:nowrap}tr.fail .status{color:var(--fail)}"
    "tr.pass .status{color:var(--pass)}tr.partial .status{color:var(--part)}"
    "tr.unknown .status{color:var(--unknown)}\n"
    ".badge{font-size:.75em;padding:.1em .5em;border-radius:.8em;margin-left:.5em;vertical-align:middle}"
    ".badge.fail{background:var(--fail);color:#fff}.badge.pass{background:#eaf6ee;color:var(--pass)}\n"
    ".loc{font-family:monospace;font-size:.85em;color:#444;white-space:nowrap}"
    "code.line{display:block;font-family:monospace;font-size:.85em;white-space:pre-wrap;"
    "background:#f8f8f8;padding:.1em .3em;margin-top:.15em;word-break:break-all}\n"
    ".indicator{border:1px solid var(--rule);padding:.2em 1em .8em;margin:1em 0;break-inside:avoid}"
    ".indicator .value{font-size:1.4em;margin:.2em 0}.indicator .id{font-size:.8em;color:#555}"
    ".note{color:#555}.comment{font-style:italic}\n"
    "svg.chart{display:block;max-width:100%;height:auto;margin:.5em 0}"
    "svg.chart text{font-size:12px;fill:#222}svg.chart .bar rect{fill:var(--bar)}"
    "svg.chart .axis{stroke:#999}svg.chart .grid{stroke:#ccc;stroke-dasharray:2 2}svg.chart .pooled{stroke:var(--fail);stroke-width:2;stroke-dasharray:5 3}"
    "svg.chart text.pooled-label{fill:var(--fail)}svg.chart .unknown text.v{fill:var(--unknown)}\n"
    "ul.diagnostics{list-style:none;padding:0}ul.diagnostics li{padding:.3em .5em;margin:.2em 0;"
    "border-left:4px solid var(--rule)}\n"
    "footer{margin-top:2em;color:#555;font-size:.85em}\n"
    "@media print{@page{size:A4;margin:14mm}body{margin:0;max-width:none;font-size:10pt}nav{display:none}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}tr,.indicator,svg.chart,li{break-inside:avoid}"
    "thead{display:table-header-group}h2,h3{break-after:avoid}a{color:inherit;text-decoration:none}}\n";

static void header(FILE *out, const Header *h)
{
    char buf[16], buf2[16];
    if (!h || !h->present || !h->title.ptr) {
        fprintf(out, "<h1>%s</h1>\n", _("dlg report"));
        if (!h || !h->present)
            return;
    } else {
        fputs("<h1 lang=\"vi\">", out);
        put_str(out, h->title);
        fputs("</h1>\n", out);
    }
    fputs("<dl class=\"meta\">\n", out);
    static const struct { const char *label; size_t offset; } lines[] = {
        { N_("issuer"), offsetof(Header, issuer) },
        { N_("reference"), offsetof(Header, reference) },
        { N_("place"), offsetof(Header, place) },
    };
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
        const Str *v = (const Str *)((const char *)h + lines[i].offset);
        if (!v->ptr)
            continue;
        fprintf(out, "<dt>%s</dt><dd lang=\"vi\" data-field=\"%s\">", _(lines[i].label), lines[i].label);
        put_str(out, *v);
        fputs("</dd>\n", out);
    }
    if (h->date.precision != DATE_UNKNOWN)
        fprintf(out, "<dt>%s</dt><dd data-field=\"date\">%s</dd>\n", _("date"), date_format(h->date, buf));
    if (h->has_period)
        fprintf(out, "<dt>%s</dt><dd data-field=\"period\">%s .. %s</dd>\n", _("period"), date_format(h->period_start, buf),
                date_format(h->period_end, buf2));
    fputs("</dl>\n", out);
}

static void verdict(FILE *out, const ReportInput *in)
{
    const char *text = in->exit_status == 0 ? _("Result: OK")
                       : in->result        ? _("Result: the report is wrong")
                                           : _("Nothing was evaluated");
    fprintf(out, "<p id=\"verdict\" class=\"result %s\" data-exit-status=\"%d\">%s", in->exit_status ? "wrong" : "ok",
            in->exit_status, text);
    if (!in->result) {
        unsigned errors = in->diag ? in->diag->errors : 0;
        fprintf(out, P_(": %u error in the input", ": %u errors in the input", errors), errors);
    } else if (in->strict)
        fputs(_(" (under --strict)"), out);
    fputs("</p>\n", out);
}

/* ---- summary ----------------------------------------------------------------------- */

/* The report's own row of an indicator: the first of its rows. */
static bool first_row(const IndicatorResult *ir, const IndicatorResult *prev)
{
    return !prev || prev->def != ir->def;
}


static void summary_row(FILE *out, const char *name, const char *label, const long long n[5])
{
    static const char *const cols[] = { "total", "pass", "fail", "partial", "unknown" };
    fprintf(out, "<tr data-summary=\"%s\"><th>%s</th>", name, label);
    for (int i = 0; i < 5; i++) {
        if (n[i] < 0)
            fputs("<td>\xE2\x80\x93</td>", out);   /* – */
        else
            fprintf(out, "<td data-count=\"%s\">%lld</td>", cols[i], n[i]);
    }
    fputs("</tr>\n", out);
}

static void summary(FILE *out, const Result *r)
{
    long long checks[5] = { r->nchecks, r->nchecks - r->checks_failed - r->checks_unknown - r->checks_partial,
                            r->checks_failed, r->checks_partial, r->checks_unknown };
    long long rules[5] = { 0, 0, 0, 0, 0 }, indicators[5] = { 0, -1, -1, -1, 0 };
    for (const RuleResult *rr = r->rules; rr; rr = rr->next) {
        rules[0]++;
        rules[rr->status == RESULT_PASS ? 1 : rr->status == RESULT_FAIL ? 2 : rr->status == RESULT_PARTIAL ? 3 : 4]++;
    }
    /* an indicator is its first row, the report's own; per-unit rows follow it */
    const IndicatorResult *prev = NULL;
    for (const IndicatorResult *ir = r->indicators; ir; prev = ir, ir = ir->next) {
        if (!first_row(ir, prev))
            continue;
        indicators[0]++;
        indicators[4] += !ir->value.known;
    }
    fprintf(out, "<section id=\"summary\">\n<h2>%s</h2>\n<table class=\"summary\">\n", _("Summary"));
    fprintf(out, "<thead><tr><th></th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
            _("total"), _("pass"), _("fail"), _("partial"), _("unknown"));
    summary_row(out, "checks", _("Checks"), checks);
    summary_row(out, "rules", _("Rules"), rules);
    summary_row(out, "indicators", _("Indicators"), indicators);
    fputs("</tbody>\n</table>\n</section>\n", out);
}

/* ---- charts ------------------------------------------------------------------------ */

typedef struct Bar {
    const char *label;
    const char *key;            /* data-indicator or data-unit */
    Number value;
    const char *shown;          /* the value as the table shows it, or why there is none */
} Bar;

/* A coordinate, to a tenth of a pixel. */
static const char *coord(char *buf, size_t size, double v)
{
    format_number(buf, size, v, 1, &FORMAT_PLAIN);
    return buf;
}

/* A horizontal bar chart, one bar a row with its label above it; for a
 * percentage the scale runs to 100 (or further, when a value does); a
 * pooled value, when given, is a dashed line across the bars. */
static void chart(FILE *out, const char *kind, const char *indicator, const char *key_attr, const Bar *bars, size_t n,
                  ValueUnit unit, const Number *pooled, const char *pooled_shown, const char *title)
{
    double top = unit == UNIT_PERCENT ? 100 : 0;
    for (size_t i = 0; i < n; i++)
        if (bars[i].value.known && bars[i].value.value > top)
            top = bars[i].value.value;
    if (pooled && pooled->known && pooled->value > top)
        top = pooled->value;
    if (!(top > 0))
        top = 1;
    char b1[64], b2[64], b3[64];
    size_t height = CHART_TOP + n * CHART_ROW + 4;
    fprintf(out, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" data-chart=\"%s\"", kind);
    if (indicator)
        attr(out, "data-indicator", indicator);
    fprintf(out, " width=\"%d\" height=\"%zu\" viewBox=\"0 0 %d %zu\">\n<title>", CHART_WIDTH, height, CHART_WIDTH,
            height);
    put(out, title);
    fputs("</title>\n", out);
    fprintf(out, "<line class=\"axis\" x1=\"0.5\" y1=\"%d\" x2=\"0.5\" y2=\"%zu\"/>\n", CHART_TOP - 4, height);
    if (unit == UNIT_PERCENT && top == 100)     /* where 100 % ends */
        fprintf(out, "<line class=\"grid\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%zu\"/>\n", CHART_BARS + 1,
                CHART_TOP - 4, CHART_BARS + 1, height);
    for (size_t i = 0; i < n; i++) {
        const Bar *b = &bars[i];
        double y = (double)(CHART_TOP + i * CHART_ROW);
        fprintf(out, "<g class=\"bar%s\"", b->value.known ? "" : " unknown");
        attr(out, key_attr, b->key);
        attr_number(out, "data-value", b->value);
        fprintf(out, "><text x=\"4\" y=\"%s\">", coord(b1, sizeof b1, y + 12));
        put(out, b->label);
        fputs("</text>", out);
        double w = 0;
        if (b->value.known && b->value.value > 0)
            w = b->value.value / top * CHART_BARS;
        if (b->value.known)
            fprintf(out, "<rect x=\"1\" y=\"%s\" width=\"%s\" height=\"%d\"/>", coord(b1, sizeof b1, y + 16),
                    coord(b2, sizeof b2, w), CHART_BAR);
        fprintf(out, "<text class=\"v\" x=\"%s\" y=\"%s\">", coord(b1, sizeof b1, w + 6),
                coord(b3, sizeof b3, y + 27));
        put(out, b->shown);
        fputs("</text></g>\n", out);
    }
    if (pooled && pooled->known) {
        double x = (pooled->value > 0 ? pooled->value / top * CHART_BARS : 0) + 1;
        fprintf(out, "<line class=\"pooled\"");
        attr_number(out, "data-value", *pooled);
        fprintf(out, " x1=\"%s\" y1=\"%d\" x2=\"%s\" y2=\"%zu\"/>", coord(b1, sizeof b1, x), CHART_TOP - 6,
                coord(b2, sizeof b2, x), height);
        fprintf(out, "<text class=\"pooled-label\" x=\"%s\" y=\"12\" text-anchor=\"%s\">%s: ",
                coord(b1, sizeof b1, x), x > CHART_BARS / 2 ? "end" : "start", _("the report"));
        put(out, pooled_shown);
        fputs("</text>\n", out);
    }
    fputs("</svg>\n", out);
}

/* ---- indicators -------------------------------------------------------------------- */

/* The report-level percentages side by side. */
static void overview(FILE *out, const Result *r, Arena *a)
{
    size_t n = 0;
    const IndicatorResult *prev = NULL;
    for (const IndicatorResult *ir = r->indicators; ir; prev = ir, ir = ir->next)
        n += first_row(ir, prev) && ir->unit == UNIT_PERCENT;
    if (n == 0)
        return;
    Bar *bars = ARENA_ARRAY(a, Bar, n);
    if (!bars)
        return;
    size_t i = 0;
    char buf[NUMBER_BUF];
    prev = NULL;
    for (const IndicatorResult *ir = r->indicators; ir; prev = ir, ir = ir->next) {
        if (!first_row(ir, prev) || ir->unit != UNIT_PERCENT)
            continue;
        const char *note = ir->value.known ? NULL : format_note(a, &ir->note);
        bars[i++] = (Bar){ ir->def->title.ptr, ir->def->id->text, ir->value,
                           ir->value.known ? arena_printf(a, "%s", value_text(buf, sizeof buf, ir->unit, ir->value))
                                           : arena_printf(a, "\xE2\x80\x93 %s", note ? note : _("unknown")) };
    }
    chart(out, "overview", NULL, "data-indicator", bars, n, UNIT_PERCENT, NULL, NULL,
          _("The report's percentages"));
}

static void fraction(FILE *out, const IndicatorResult *ir)
{
    char buf[NUMBER_BUF], buf2[NUMBER_BUF];
    if (ir->value.known && ir->numerator.known && ir->denominator.known)
        fprintf(out, "%s / %s", format_number_local(buf, sizeof buf, ir->numerator, 0),
                format_number_local(buf2, sizeof buf2, ir->denominator, 0));
}

/* One indicator: its value, then a table and a chart of its per-unit rows
 * (those after it with the same definition); returns the next indicator. */
static const IndicatorResult *indicator(FILE *out, const IndicatorResult *ir, Arena *a)
{
    const IndicatorDef *d = ir->def;
    char buf[NUMBER_BUF];
    fputs("<section class=\"indicator\"", out);
    fputs(" id=\"indicator-", out);
    put(out, d->id->text);
    fputc('"', out);
    attr(out, "data-indicator", d->id->text);
    fprintf(out, " data-value-unit=\"%s\">\n", result_unit_name(ir->unit));
    fputs("<h3><span lang=\"vi\">", out);
    put_str(out, d->title);
    fputs("</span> <code class=\"id\">", out);
    put(out, d->id->text);
    fputs("</code></h3>\n", out);
    const char *subject = format_indicator_subject(a, ir);
    fprintf(out, "<p class=\"value%s\"", ir->value.known ? "" : " unknown");
    attr_value(out, "data-value", ir->unit, ir->value);
    attr_number(out, "data-numerator", ir->numerator);
    attr_number(out, "data-denominator", ir->denominator);
    fputs(">", out);
    if (subject) {                  /* a first row about a unit: not the report's own */
        put(out, subject);
        fputs(": ", out);
    }
    fprintf(out, "<strong>%s%s</strong>", ir->approximate ? "\xE2\x89\x88 " : "",       /* ≈ */
            ir->value.known ? value_text(buf, sizeof buf, ir->unit, ir->value) : "\xE2\x80\x93");
    if (ir->value.known && ir->numerator.known && ir->denominator.known) {
        fputs(" <span class=\"fraction\">(", out);
        fraction(out, ir);
        fputs(")</span>", out);
    }
    fputs("</p>\n", out);
    const char *note = format_note(a, &ir->note);
    if (note || !ir->value.known) {
        fputs("<p class=\"note\">", out);
        put(out, note ? note : _("unknown"));
        fputs("</p>\n", out);
    }
    if (d->comment.ptr) {
        fprintf(out, "<p class=\"comment\" lang=\"vi\">%s", _("note: "));
        put_str(out, d->comment);
        fputs("</p>\n", out);
    }
    fputs("<p class=\"where\">", out);
    where(out, d->src, d->span);
    fputs("</p>\n", out);

    size_t n = 0;
    const IndicatorResult *row = ir->next;
    for (; row && row->def == d; row = row->next)
        n++;
    if (n) {
        Bar *bars = ARENA_ARRAY(a, Bar, n);
        fprintf(out, "<table class=\"per\">\n<thead><tr><th>%s</th><th class=\"num\">%s</th>"
                     "<th class=\"num\">%s</th><th>%s</th></tr></thead>\n<tbody>\n",
                _("subject"), _("value"), _("numerator / denominator"), _("note"));
        size_t i = 0;
        for (row = ir->next; row && row->def == d; row = row->next, i++) {
            const char *who = format_indicator_subject(a, row);
            const char *key = format_indicator_key(a, row);     /* data-unit: the same in every language */
            const char *why = format_note(a, &row->note);
            fprintf(out, "<tr class=\"%s\"", row->value.known ? "known" : "unknown");
            attr(out, "data-unit", key);
            attr_value(out, "data-value", row->unit, row->value);
            fputs("><td>", out);
            put(out, who);
            fprintf(out, "</td><td class=\"num\">%s%s</td><td class=\"num\">", row->approximate ? "\xE2\x89\x88 " : "",
                    row->value.known ? value_text(buf, sizeof buf, row->unit, row->value) : "\xE2\x80\x93");
            fraction(out, row);
            fputs("</td><td class=\"note\">", out);
            if (why || !row->value.known)
                put(out, why ? why : _("unknown"));
            fputs("</td></tr>\n", out);
            if (bars)
                bars[i] = (Bar){ who, key, row->value,
                                 row->value.known
                                     ? arena_printf(a, "%s", value_text(buf, sizeof buf, row->unit, row->value))
                                     : arena_printf(a, "\xE2\x80\x93 %s", why ? why : _("unknown")) };
        }
        fputs("</tbody>\n</table>\n", out);
        if (bars && ir->unit != UNIT_BOOLEAN) {
            char shown[NUMBER_BUF];
            value_text(shown, sizeof shown, ir->unit, ir->value);
            chart(out, "per", d->id->text, "data-unit", bars, n, ir->unit, subject ? NULL : &ir->value, shown,
                  arena_printf(a, _("%s, per %s"), d->title.ptr, model_selector_name(&d->per)));
        }
    }
    fputs("</section>\n", out);
    return row;
}

static void indicators(FILE *out, const Result *r, Arena *a)
{
    if (!r->indicators)
        return;
    fprintf(out, "<section id=\"indicators\">\n<h2>%s</h2>\n", _("Indicators"));
    overview(out, r, a);
    for (const IndicatorResult *ir = r->indicators; ir;)
        ir = indicator(out, ir, a);
    fputs("</section>\n", out);
}

/* ---- rules ------------------------------------------------------------------------- */

static void rules(FILE *out, const Result *r, Arena *a)
{
    if (!r->rules)
        return;
    fprintf(out, "<section id=\"rules\">\n<h2>%s</h2>\n<table class=\"rules\">\n"
                 "<thead><tr><th>%s</th><th>%s</th><th>%s</th><th class=\"num\">%s</th>"
                 "<th>%s</th></tr></thead>\n<tbody>\n",
            _("Rules"), _("status"), _("rule"), _("severity"), _("passed"), _("title and source"));
    for (const RuleResult *rr = r->rules; rr; rr = rr->next) {
        const RuleDef *d = rr->def;
        fprintf(out, "<tr class=\"%s\"", status_class(rr->status));
        attr(out, "data-rule", d->id->text);
        fprintf(out, " data-status=\"%s\" data-severity=\"%s\"><td class=\"status\">%s</td><td><code>",
                result_status_name(rr->status), d->severity == SEVERITY_ERROR ? "error" : "warning",
                status_label(rr->status));
        put(out, d->id->text);
        fprintf(out, "</code></td><td>%s</td><td class=\"num\">%u / %u</td><td><span lang=\"vi\">",
                d->severity == SEVERITY_ERROR ? _("error") : _("warning"), rr->passed, rr->total);
        put_str(out, d->title);
        fputs("</span>", out);
        if (d->code.ptr) {
            fputs(" <code>[", out);
            put_str(out, d->code);
            fputs("]</code>", out);
        }
        const char *note = format_note(a, &rr->note);
        if (note) {
            fputs("<div class=\"note\">", out);
            put(out, note);
            fputs("</div>", out);
        }
        if (d->legal_source.ptr) {
            fprintf(out, "<div class=\"source\">%s<span lang=\"vi\">", _("source: "));
            put_str(out, d->legal_source);
            fprintf(out, "</span>%s</div>", d->unverified.ptr ? _(" (unverified)") : "");
        }
        if (d->unverified.ptr) {
            fprintf(out, "<div class=\"note\">%s", _("unverified: "));
            put_str(out, d->unverified);
            fputs("</div>", out);
        }
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody>\n</table>\n</section>\n", out);
}

/* ---- checks and verdicts by unit --------------------------------------------------- */

/* A check or a verdict, filed under the unit it is about. */
typedef struct Finding {
    const Node *unit;           /* NULL: the report */
    uint32_t key, order;
    const Check *check;
    const RuleResult *rule;
    const Verdict *verdict;
} Finding;

/* The unit a subject belongs to: a session's unit, the report for none. */
static const Node *unit_of(const Node *n)
{
    while (n && n->kind->session)
        n = n->parent;
    return n && n->parent ? n : NULL;
}

static int by_unit(const void *x, const void *y)
{
    const Finding *a = x, *b = y;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

static void check_row(FILE *out, const Model *m, const Check *c, Arena *a)
{
    char buf[NUMBER_BUF], buf2[NUMBER_BUF];
    Number declared = check_declared(c), computed = check_computed(c), imbalance = check_imbalance(c);
    fprintf(out, "<tr class=\"check %s\" data-check=\"%s\" data-status=\"%s\"", status_class(c->status),
            result_check_kind_name(c->kind), result_status_name(c->status));
    attr_number(out, "data-declared", declared);
    attr_number(out, "data-computed", computed);
    fprintf(out, "><td class=\"status\">%s</td><td>%s</td><td>", status_label(c->status),
            result_check_kind_name(c->kind));
    put(out, format_check_subject(a, m, c));
    fputs("</td><td class=\"num\">", out);
    format_number_local(buf, sizeof buf, declared, declared.decimals);
    format_number_local(buf2, sizeof buf2, computed, shown_decimals(&computed));
    fprintf(out, "%s ", buf);
    put(out, result_relation_symbol(c->relation));
    fprintf(out, " %s", buf2);
    if (c->status == RESULT_FAIL && imbalance.known) {
        format_number_local(buf, sizeof buf, imbalance, shown_decimals(&imbalance));
        fputs("<div class=\"imbalance\">", out);
        fprintf(out, _("imbalance %s%s"), imbalance.value > 0 ? "+" : "", buf);
        fputs("</div>", out);
    }
    CheckCoverage cov = check_coverage(c);
    if (cov.has && cov.covered < cov.expected) {
        fputs("<div class=\"coverage\">", out);
        fprintf(out, _("coverage %u/%u"), cov.covered, cov.expected);
        fputs("</div>", out);
    }
    fputs("</td><td>", out);
    const char *note = format_note(a, check_note(c));
    if (note) {
        fputs("<div class=\"note\">", out);
        put(out, note);
        fputs("</div>", out);
    }
    where(out, check_src(c), check_span(c));
    fputs("</td></tr>\n", out);
}

static void verdict_row(FILE *out, const RuleResult *rr, const Verdict *v, Arena *a)
{
    const RuleDef *d = rr->def;
    fprintf(out, "<tr class=\"verdict %s\"", status_class(v->status));
    attr(out, "data-rule", d->id->text);
    fprintf(out, " data-status=\"%s\"><td class=\"status\">%s</td><td>%s <code>", result_status_name(v->status),
            status_label(v->status), _("rule"));
    put(out, d->id->text);
    fputs("</code></td><td>", out);
    put(out, format_verdict_subject(a, v));
    fputs("</td><td colspan=\"2\">", out);
    put(out, format_verdict(a, d, v));
    fputs("<div>", out);
    Source *src;
    Span span = verdict_place(d, v, &src);
    where(out, src, span);
    fputs("</div></td></tr>\n", out);
}

static void by_units(FILE *out, const Result *r, Arena *a)
{
    if (!(r = result_every_check(r, a))) {     /* every check, the passing ones made again */
        a->failed = true;
        return;
    }
    size_t n = r->nchecks;
    for (const RuleResult *rr = r->rules; rr; rr = rr->next)
        n += rr->total;
    if (n == 0)
        return;
    Finding *f = ARENA_ARRAY(a, Finding, n);
    if (!f)
        return;
    size_t k = 0;
    CheckIter it;
    for (const Check *c = result_first_check(r, &it); c && k < n; c = check_next(&it), k++) {
        const Node *u = unit_of(c->node);
        f[k] = (Finding){ u, u ? u->id : 0, (uint32_t)k, c, NULL, NULL };
    }
    for (const RuleResult *rr = r->rules; rr; rr = rr->next) {
        const Verdict *all;
        if (!result_every_verdict(rr, a, &all)) {   /* the passing ones made again */
            a->failed = true;
            return;
        }
        for (const Verdict *v = all; v && k < n; v = v->next, k++) {
            const Node *u = unit_of(v->node);
            f[k] = (Finding){ u, u ? u->id : 0, (uint32_t)k, NULL, rr, v };
        }
    }
    n = k;
    qsort(f, n, sizeof *f, by_unit);
    fprintf(out, "<section id=\"units\">\n<h2>%s</h2>\n", _("Checks and rules by unit"));
    for (size_t i = 0; i < n;) {
        size_t end = i, failed = 0;
        for (; end < n && f[end].key == f[i].key; end++)
            failed += (f[end].check ? f[end].check->status : f[end].verdict->status) == RESULT_FAIL;
        const char *name = format_subject(a, f[i].unit);
        fputs("<section class=\"unit\"", out);
        attr(out, "data-unit", model_subject_key(a, f[i].unit));     /* for scripts: English */
        fprintf(out, " data-failed=\"%zu\">\n<h3>", failed);
        put(out, name);
        if (failed) {
            fputs("<span class=\"badge fail\">", out);
            fprintf(out, _("%lu failed"), (unsigned long)failed);
            fputs("</span>", out);
        } else
            fprintf(out, "<span class=\"badge pass\">%s</span>", _("none failed"));
        fprintf(out, "</h3>\n<table class=\"findings\">\n<thead><tr><th>%s</th><th>%s</th><th>%s</th>"
                     "<th class=\"num\">%s</th><th>%s</th></tr></thead>\n<tbody>\n",
                _("status"), _("what"), _("subject"), _("values"), _("note and source"));
        for (; i < end; i++) {
            if (f[i].check)
                check_row(out, r->model, f[i].check, a);
            else
                verdict_row(out, f[i].rule, f[i].verdict, a);
        }
        fputs("</tbody>\n</table>\n</section>\n", out);
    }
    fputs("</section>\n", out);
}

/* ---- the previous period, diagnostics ---------------------------------------------- */

static void comparison(FILE *out, const Comparison *cmp)
{
    if (!cmp || !cmp->rows)
        return;
    char buf[NUMBER_BUF], from[16], to[16];
    fprintf(out, "<section id=\"comparison\">\n<h2>%s</h2>\n<p>", _("Compared with the previous period"));
    const Header *h = cmp->previous;
    if (h && h->has_period)
        fprintf(out, "%s .. %s ", date_format(date_from_days(h->period_first), from),
                date_format(date_from_days(h->period_last), to));
    for (int i = 0; i < cmp->nfiles; i++) {
        fputs(i ? ", " : "(", out);
        put(out, cmp->files[i]);
    }
    fputs(cmp->nfiles ? ")</p>\n" : "</p>\n", out);
    fprintf(out, "<table class=\"comparison\">\n<thead><tr><th>%s</th><th>%s</th><th class=\"num\">%s</th>"
                 "<th class=\"num\">%s</th><th class=\"num\">%s</th><th>%s</th></tr></thead>\n<tbody>\n",
            _("indicator"), _("subject"), _("previous"), _("current"), _("change"), _("note"));
    for (const Compared *c = cmp->rows; c; c = c->next) {
        fputs("<tr", out);
        attr(out, "data-indicator", c->def->id->text);
        if (c->key)
            attr(out, "data-unit", c->key);
        attr_value(out, "data-previous", c->unit, c->previous);
        attr_value(out, "data-current", c->unit, c->current);
        fputs("><td><code>", out);
        put(out, c->def->id->text);
        fputs("</code></td><td>", out);
        if (c->subject)
            put(out, c->subject);
        fprintf(out, "</td><td class=\"num\">%s</td>",
                c->previous.known ? value_text(buf, sizeof buf, c->unit, c->previous) : "\xE2\x80\x93");
        fprintf(out, "<td class=\"num\">%s</td><td class=\"num\">",
                c->current.known ? value_text(buf, sizeof buf, c->unit, c->current) : "\xE2\x80\x93");
        if (c->difference.known && c->unit != UNIT_BOOLEAN) {     /* a boolean's change is no number */
            format_number_local(buf, sizeof buf, c->difference,
                                c->unit == UNIT_PERCENT ? SHOWN_DECIMALS : shown_decimals(&c->difference));
            fprintf(out, "%s%s%s", c->difference.value > 0 ? "+" : "", buf, c->unit == UNIT_PERCENT ? _(" points") : "");
            if (c->relative.known) {
                format_number_local(buf, sizeof buf, c->relative, SHOWN_DECIMALS);
                fprintf(out, " (%s%s %%)", c->relative.value > 0 ? "+" : "", buf);
            }
        }
        fputs("</td><td class=\"note\">", out);
        if (c->note)
            put(out, c->note);
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody>\n</table>\n</section>\n", out);
}

static const char *severity_name(DiagSeverity s)
{
    return s == DIAG_ERROR ? "error" : s == DIAG_WARNING ? "warning" : "note";
}

/* The severity as people read it: the diagnostics' own words (diag.c). */
static const char *severity_label(DiagSeverity s)
{
    return s == DIAG_ERROR ? _("error") : s == DIAG_WARNING ? _("warning") : _("note");
}

static void diagnostics(FILE *out, const Diag *d)
{
    if (!d || (!d->first && !d->warnings_dropped && !d->out_of_memory))
        return;
    fprintf(out, "<section id=\"diagnostics\">\n<h2>%s</h2>\n<ul class=\"diagnostics\">\n", _("Diagnostics"));
    for (const Diagnostic *g = d->first; g; g = g->next) {
        fprintf(out, "<li class=\"%s\" data-severity=\"%s\">", severity_name(g->severity), severity_name(g->severity));
        fprintf(out, "<strong>%s</strong>: ", severity_label(g->severity));
        put(out, g->message);
        if (g->src) {
            fputs("<div>", out);
            where(out, g->src, g->span);
            fputs("</div>", out);
        }
        fputs("</li>\n", out);
    }
    if (d->warnings_dropped) {
        fputs("<li class=\"note\" data-severity=\"note\">", out);
        fprintf(out, P_("%u more warning not shown", "%u more warnings not shown", d->warnings_dropped),
                d->warnings_dropped);
        fputs("</li>\n", out);
    }
    if (d->out_of_memory)
        fprintf(out, "<li class=\"error\" data-severity=\"error\"><strong>%s</strong>: %s</li>\n", _("error"),
                _("out of memory"));
    fputs("</ul>\n</section>\n", out);
}

static void nav(FILE *out, const ReportInput *in)
{
    const Result *r = in->result;
    fprintf(out, "<nav><a href=\"#summary\">%s</a>", _("Summary"));
    if (r->indicators)
        fprintf(out, "<a href=\"#indicators\">%s</a>", _("Indicators"));
    if (r->rules)
        fprintf(out, "<a href=\"#rules\">%s</a>", _("Rules"));
    if (r->nchecks || r->rules)
        fprintf(out, "<a href=\"#units\">%s</a>", _("By unit"));
    if (in->comparison && in->comparison->rows)
        fprintf(out, "<a href=\"#comparison\">%s</a>", _("Previous period"));
    if (in->diag && in->diag->first)
        fprintf(out, "<a href=\"#diagnostics\">%s</a>", _("Diagnostics"));
    fputs("</nav>\n", out);
}

bool report_html(const ReportInput *in, FILE *out)
{
    Arena scratch;
    arena_init(&scratch, in->allocator);
    const Header *h = in->header;
    fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                 "<meta name=\"generator\" content=\"dlg\">\n<title>",
            i18n_language());
    if (h && h->present && h->title.ptr)
        put_str(out, h->title);
    else
        fputs(_("dlg report"), out);
    fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header id=\"report\">\n", style);
    header(out, h);
    fputs("</header>\n<main>\n", out);
    verdict(out, in);
    if (in->result) {
        nav(out, in);
        summary(out, in->result);
        indicators(out, in->result, &scratch);
        rules(out, in->result, &scratch);
        by_units(out, in->result, &scratch);
        comparison(out, in->comparison);
    }
    diagnostics(out, in->diag);
    fprintf(out, "</main>\n<footer>%s", _("Checked by dlg from "));
    for (int i = 0; i < in->nfiles; i++) {
        fputs(i ? ", <code>" : "<code>", out);
        put(out, in->files[i]);
        fputs("</code>", out);
    }
    fputs(".</footer>\n</body>\n</html>\n", out);
    bool whole = !scratch.failed;
    arena_free(&scratch);
    return whole;
}
