/* text.c - the report for people: header, checks, rules, indicators, then a
 * one-line verdict. Columns are aligned by character, not byte, so
 * Vietnamese subjects line up. */
#include <stddef.h>
#include <string.h>

#include "format.h"
#include "report.h"
#include "utf8.h"

enum {
    SUBJECT_WIDTH = 64,     /* a wider check subject is not padded to */
    TITLE_WIDTH = 60,       /* a wider indicator title likewise */
    KIND_WIDTH = 7,         /* "rollup" and the space after the widest kind */
    COMPUTED_WIDTH = 12,
    VALUE_WIDTH = 12,
    SHOWN_DECIMALS = 2,     /* computed values are shown to this many */
    NUMBER_BUF = 512,
};

/* Display width in characters (UTF-8 code points). */
static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

/* User text (names, titles, labels, the report's own words) is written
 * with its control characters escaped (\n, \t, \x1b), as diagnostics are:
 * no submission can start a line of its own in the report or a CI log. */
static void putn(FILE *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        size_t seq = c >= 0x80 ? utf8_sequence((const unsigned char *)s + i, n - i) : 0;
        if (seq) {
            fwrite(s + i, 1, seq, out);     /* a character, kept */
            i += seq - 1;
        } else if (c >= 0x20 && c < 0x7F)
            fputc(c, out);
        else if (c == '\n' || c == '\t' || c == '\r')
            fprintf(out, "\\%c", c == '\n' ? 'n' : c == '\t' ? 't' : 'r');
        else
            fprintf(out, "\\x%02x", c);
    }
}

static void put(FILE *out, const char *s) { putn(out, s, strlen(s)); }
static void put_str(FILE *out, Str s) { putn(out, s.ptr, s.len); }

/* The width of s as put() writes it. */
static size_t put_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        size_t seq = c >= 0x80 ? utf8_sequence((const unsigned char *)s, strlen(s)) : 0;
        if (seq)
            s += seq - 1;
        w += seq || (c >= 0x20 && c < 0x7F) ? 1 : c == '\n' || c == '\t' || c == '\r' ? 2 : 4;
    }
    return w;
}

static void pad(FILE *out, const char *s, size_t w)
{
    put(out, s);
    for (size_t n = put_width(s); n < w; n++)
        fputc(' ', out);
}

/* A rendered string, or "?" when the scratch arena ran out. */
static const char *or_mark(const char *s) { return s ? s : "?"; }

static int shown_decimals(const Number *n)
{
    return n->decimals > SHOWN_DECIMALS ? SHOWN_DECIMALS : n->decimals;
}

static void location(FILE *out, Source *src, Span span)
{
    if (!src)
        return;
    uint32_t line, col;
    source_position(src, span.start, &line, &col);
    put(out, src->name);
    fprintf(out, ":%u:%u", line, col);
}

static const char *status_text(Status s)
{
    switch (s) {
    case RESULT_PASS: return "pass";
    case RESULT_FAIL: return "FAIL";
    case RESULT_UNKNOWN: return "????";
    case RESULT_PARTIAL: return "part";
    }
    return "????";
}

static void header(FILE *out, const Header *h)
{
    if (!h || !h->present)
        return;
    char buf[16];
    static const struct { const char *label; size_t offset; } lines[] = {
        { "", offsetof(Header, title) },
        { "  issuer     ", offsetof(Header, issuer) },
        { "  reference  ", offsetof(Header, reference) },
    };
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
        const Str *v = (const Str *)((const char *)h + lines[i].offset);
        if (v->ptr) {
            fputs(lines[i].label, out);
            put_str(out, *v);
            fputc('\n', out);
        }
    }
    if (h->date.precision != DATE_UNKNOWN)
        fprintf(out, "  date       %s\n", date_format(h->date, buf));
    if (h->place.ptr) {
        fputs("  place      ", out);
        put_str(out, h->place);
        fputc('\n', out);
    }
    if (h->has_period) {
        fprintf(out, "  period     %s .. ", date_format(h->period_start, buf));
        fprintf(out, "%s\n", date_format(h->period_end, buf));
    }
    fputc('\n', out);
}

static void checks(FILE *out, const Result *r, Arena *a)
{
    if (!r->checks)
        return;
    fprintf(out, "Checks: %u (%u pass, %u fail, %u partial, %u unknown)\n", r->nchecks,
            r->nchecks - r->checks_failed - r->checks_unknown - r->checks_partial, r->checks_failed,
            r->checks_partial, r->checks_unknown);
    /* every subject is rendered once; the first pass measures the columns */
    const char **subjects = ARENA_ARRAY(a, const char *, r->nchecks);
    if (!subjects)
        return;
    size_t sw = 0, dw = 0, i = 0;
    char buf[NUMBER_BUF], buf2[NUMBER_BUF];
    for (const Check *c = r->checks; c; c = c->next, i++) {
        subjects[i] = or_mark(format_check_subject(a, c));
        size_t w = put_width(subjects[i]);
        if (w > sw)
            sw = w;
        w = width(format_number_text(buf, sizeof buf, c->declared, c->declared.decimals));
        if (w > dw)
            dw = w;
    }
    if (sw > SUBJECT_WIDTH)
        sw = SUBJECT_WIDTH;
    i = 0;
    for (const Check *c = r->checks; c; c = c->next, i++) {
        fprintf(out, "  %s  ", status_text(c->status));
        pad(out, result_check_kind_name(c->kind), KIND_WIDTH);
        fputs("  ", out);
        pad(out, subjects[i], sw);
        format_number_text(buf, sizeof buf, c->declared, c->declared.decimals);
        fputs("  ", out);
        for (size_t n = width(buf); n < dw; n++)
            fputc(' ', out);        /* right-aligned by character: "1,000 đ" */
        fprintf(out, "%s %-2s ", buf, result_relation_symbol(c->relation));
        format_number_text(buf2, sizeof buf2, c->computed, shown_decimals(&c->computed));
        pad(out, buf2, COMPUTED_WIDTH);
        if (c->status == RESULT_FAIL && c->imbalance.known) {
            format_number_text(buf, sizeof buf, c->imbalance, shown_decimals(&c->imbalance));
            fprintf(out, "  imbalance %s%s", c->imbalance.value > 0 ? "+" : "", buf);
        }
        if (c->has_coverage && c->covered < c->expected)
            fprintf(out, "  coverage %u/%u", c->covered, c->expected);
        const char *note = format_note(a, &c->note);
        if (note) {
            fputs("  (", out);
            put(out, note);
            fputc(')', out);
        }
        fputs("  ", out);
        location(out, c->src, c->span);
        fputc('\n', out);
    }
    fputc('\n', out);
}

static void rules(FILE *out, const Result *r, Arena *a)
{
    if (!r->rules)
        return;
    fputs("Rules\n", out);
    size_t iw = 0;
    for (const RuleResult *rr = r->rules; rr; rr = rr->next)
        if (width(rr->def->id->text) > iw)
            iw = width(rr->def->id->text);
    for (const RuleResult *rr = r->rules; rr; rr = rr->next) {
        const RuleDef *d = rr->def;
        fprintf(out, "  %s  ", status_text(rr->status));
        pad(out, d->id->text, iw);
        fprintf(out, "  %-7s  %u/%u passed  ", d->severity == SEVERITY_ERROR ? "error" : "warning", rr->passed,
                rr->total);
        put_str(out, d->title);
        if (d->code.ptr) {
            fputs("  [", out);
            put_str(out, d->code);
            fputc(']', out);
        }
        fputc('\n', out);
        const char *note = format_note(a, &rr->note);
        if (note) {
            fputs("        (", out);
            put(out, note);
            fputs(")\n", out);
        }
        if (d->legal_source.ptr) {
            fputs("        source: ", out);
            put_str(out, d->legal_source);
            fputs(d->unverified.ptr ? " (unverified)\n" : "\n", out);
        }
        if (d->unverified.ptr) {
            fputs("        (unverified: ", out);
            put_str(out, d->unverified);
            fputs(")\n", out);
        }
        /* every subject with the values it was judged on (spec §13) */
        for (const Verdict *v = rr->verdicts; v; v = v->next) {
            fprintf(out, "        %s  ", status_text(v->status));
            put(out, or_mark(format_verdict_subject(a, v)));
            fputs(": ", out);
            put(out, or_mark(format_verdict(a, d, v)));
            fputs("  ", out);
            location(out, v->src, v->span);
            fputc('\n', out);
        }
    }
    fputc('\n', out);
}

static void indicators(FILE *out, const Result *r, Arena *a)
{
    if (!r->indicators)
        return;
    fputs("Indicators\n", out);
    size_t iw = 0, tw = 0;
    for (const IndicatorResult *ir = r->indicators; ir; ir = ir->next) {
        const char *subject = format_indicator_subject(a, ir);
        const char *id = subject ? "" : ir->def->id->text;
        if (width(id) > iw)
            iw = width(id);
        /* a per-unit subject stands 2 columns right of the titles */
        size_t w = subject ? put_width(subject) + 2 : put_width(ir->def->title.ptr);
        if (w > tw)
            tw = w;                             /* Str text is NUL-terminated */
    }
    if (tw > TITLE_WIDTH)
        tw = TITLE_WIDTH;
    char buf[NUMBER_BUF], buf2[NUMBER_BUF];
    for (const IndicatorResult *ir = r->indicators; ir; ir = ir->next) {
        const char *subject = format_indicator_subject(a, ir);
        fputs("  ", out);
        pad(out, subject ? "" : ir->def->id->text, iw);
        fputs(subject ? "    " : "  ", out);
        if (subject)
            pad(out, subject, tw > 2 ? tw - 2 : 0);
        else
            pad(out, ir->def->title.ptr, tw);
        const char *note = format_note(a, &ir->note);
        if (ir->value.known) {
            int dec = ir->unit == UNIT_PERCENT ? SHOWN_DECIMALS : shown_decimals(&ir->value);
            format_number_text(buf, sizeof buf, ir->value, dec);
            fprintf(out, "  %*s%s", VALUE_WIDTH, buf, ir->unit == UNIT_PERCENT ? " %" : "");
            if (ir->numerator.known && ir->denominator.known)
                fprintf(out, "  (%s / %s)", format_number_text(buf, sizeof buf, ir->numerator, 0),
                        format_number_text(buf2, sizeof buf2, ir->denominator, 0));
            if (note) {
                fputs("  ", out);
                put(out, note);
            }
        } else {
            fprintf(out, "  %*s  ", VALUE_WIDTH, "-");
            put(out, note ? note : "unknown");
        }
        fputc('\n', out);
        if (ir->def->comment.ptr && !subject) {
            fputs("  ", out);
            pad(out, "", iw);
            fputs("    note: ", out);
            put_str(out, ir->def->comment);
            fputc('\n', out);
        }
    }
    fputc('\n', out);
}

/* "1 check failed, 2 error rules failed": the counts that are not 0, each
 * with its noun and `tail`, after `sep`; false when all are 0. */
typedef struct Count {
    uint32_t n;
    const char *one, *many;
} Count;

static bool counts(FILE *out, const char *sep, const Count *c, size_t n, const char *tail)
{
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        if (!c[i].n)
            continue;
        fprintf(out, "%s%u %s%s", any ? ", " : sep, c[i].n, c[i].n == 1 ? c[i].one : c[i].many, tail);
        any = true;
    }
    return any;
}

/* The last line (spec §13): what failed, then what was not decided. */
static void verdict(FILE *out, const ReportInput *in)
{
    const Result *r = in->result;
    const Count failed[] = {
        { r->checks_failed, "check", "checks" },
        { r->rules_failed_error, "error rule", "error rules" },
        { r->rules_failed_warning, "warning rule", "warning rules" },
    };
    const Count undecided[] = {
        { r->checks_partial, "partial check", "partial checks" },
        { r->checks_unknown, "unknown check", "unknown checks" },
        { r->rules_unknown, "unknown rule", "unknown rules" },
        { in->strict ? in->diag->warnings : 0, "warning", "warnings" },
    };
    size_t nfailed = sizeof failed / sizeof *failed, nundecided = sizeof undecided / sizeof *undecided;
    bool ok = in->exit_status == 0;
    fputs(ok ? "Result: OK" : "Result: the report is wrong", out);
    bool any_failed = counts(out, ok ? ", but " : ": ", failed, nfailed, " failed");
    if (!any_failed && ok)
        fprintf(out, ": %u check%s, none failed", r->nchecks, r->nchecks == 1 ? "" : "s");
    counts(out, !any_failed && !ok ? " under --strict: " : "; not decided: ", undecided, nundecided, "");
    fputs(".\n", out);
}

/* A compared value: "99.72 %", "12,674", "-". */
static const char *compared_value(Arena *a, const Compared *c, Number n)
{
    char buf[NUMBER_BUF];
    if (!n.known)
        return "-";
    int dec = c->unit == UNIT_PERCENT ? SHOWN_DECIMALS : shown_decimals(&n);
    format_number_text(buf, sizeof buf, n, dec);
    return arena_printf(a, "%s%s", buf, c->unit == UNIT_PERCENT ? " %" : "");
}

/* Each indicator beside its value in the previous period (spec §12.1). */
static void comparison(FILE *out, const Comparison *cmp, Arena *a)
{
    if (!cmp || !cmp->rows)
        return;
    char from[16], to[16];
    const Header *h = cmp->previous;
    fputs("Compared with the previous period", out);
    if (h && h->has_period)
        fprintf(out, " %s .. %s", date_format(date_from_days(h->period_first), from),
                date_format(date_from_days(h->period_last), to));
    for (int i = 0; i < cmp->nfiles; i++) {
        fputs(i ? ", " : " (", out);
        put(out, cmp->files[i]);
    }
    fputs(cmp->nfiles ? ")\n" : "\n", out);
    size_t iw = 0, vw = 0;
    for (const Compared *c = cmp->rows; c; c = c->next) {
        const char *id = c->subject ? arena_printf(a, "  %s", c->subject) : c->def->id->text;
        size_t w = put_width(or_mark(id));
        iw = w > iw ? w : iw;
        w = width(compared_value(a, c, c->previous));
        vw = w > vw ? w : vw;
    }
    if (iw > TITLE_WIDTH)
        iw = TITLE_WIDTH;
    char buf[NUMBER_BUF];
    for (const Compared *c = cmp->rows; c; c = c->next) {
        fputs("  ", out);
        pad(out, or_mark(c->subject ? arena_printf(a, "  %s", c->subject) : c->def->id->text), iw);
        const char *prev = compared_value(a, c, c->previous), *cur = compared_value(a, c, c->current);
        fputs("  ", out);
        for (size_t n = width(prev); n < vw; n++)
            fputc(' ', out);
        fprintf(out, "%s  ->  %s", prev, cur);
        if (c->difference.known) {
            int dec = c->unit == UNIT_PERCENT ? SHOWN_DECIMALS : shown_decimals(&c->difference);
            format_number_text(buf, sizeof buf, c->difference, dec);
            fprintf(out, "  %s%s%s", c->difference.value > 0 ? "+" : "", buf,
                    c->unit == UNIT_PERCENT ? " points" : "");
            if (c->relative.known) {
                format_number_text(buf, sizeof buf, c->relative, SHOWN_DECIMALS);
                fprintf(out, " (%s%s %%)", c->relative.value > 0 ? "+" : "", buf);
            }
        }
        if (c->note)
            fprintf(out, "  %s", c->note);
        fputc('\n', out);
    }
    fputc('\n', out);
}

void report_text(const ReportInput *in, FILE *out)
{
    if (!in->result) {
        fprintf(out, "dlg: nothing was evaluated: %u error%s in the input (see above)\n",
                in->diag->errors, in->diag->errors == 1 ? "" : "s");
        return;
    }
    Arena scratch;
    arena_init(&scratch, NULL);
    header(out, in->header);
    checks(out, in->result, &scratch);
    rules(out, in->result, &scratch);
    indicators(out, in->result, &scratch);
    comparison(out, in->comparison, &scratch);
    verdict(out, in);
    arena_free(&scratch);
}
