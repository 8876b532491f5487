/* text.c - the report for people: header, checks, rules, indicators, then a
 * one-line verdict. Columns are aligned by character, not byte, so
 * Vietnamese subjects line up. */
#include <math.h>
#include <string.h>

#include "report.h"

/* Display width in characters (UTF-8 code points). */
static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static void pad(FILE *out, const char *s, size_t w)
{
    fputs(s, out);
    for (size_t n = width(s); n < w; n++)
        fputc(' ', out);
}

/* 15590 -> "15,590"; 99.7207 with 2 decimals -> "99.72" */
static const char *format_number(char *buf, size_t size, double v, int decimals)
{
    if (!isfinite(v)) {
        snprintf(buf, size, "?");
        return buf;
    }
    char digits[400];               /* "%.0f" of the largest double has 309 digits */
    if (fabs(v) < 0.5 * pow(10, -decimals))
        v = 0;                      /* never "-0.00" */
    if (v == floor(v))
        decimals = 0;
    snprintf(digits, sizeof digits, "%.*f", decimals, fabs(v));
    char *point = strchr(digits, '.');
    size_t int_len = point ? (size_t)(point - digits) : strlen(digits);
    size_t k = 0;
    if (v < 0 && k + 1 < size)
        buf[k++] = '-';
    for (size_t i = 0; i < int_len && k + 2 < size; i++) {
        if (i && (int_len - i) % 3 == 0)
            buf[k++] = ',';
        buf[k++] = digits[i];
    }
    for (const char *p = point; p && *p && k + 1 < size; p++)
        buf[k++] = *p;
    buf[k] = '\0';
    return buf;
}

static const char *number_text(char *buf, size_t size, Number n, int decimals)
{
    if (!n.known) {
        snprintf(buf, size, "?");
        return buf;
    }
    format_number(buf, size, n.value, decimals);
    if (n.money) {
        size_t len = strlen(buf);
        snprintf(buf + len, size - len, " đ");
    }
    return buf;
}

static void location(FILE *out, Source *src, Span span)
{
    if (!src)
        return;
    uint32_t line, col;
    source_position(src, span.start, &line, &col);
    fprintf(out, "%s:%u:%u", src->name, line, col);
}

static const char *status_text(Status s)
{
    return s == RESULT_PASS ? "pass" : s == RESULT_FAIL ? "FAIL" : "????";
}

static void header(FILE *out, const Header *h)
{
    if (!h || !h->present)
        return;
    char buf[16];
    if (h->title.ptr)
        fprintf(out, "%.*s\n", (int)h->title.len, h->title.ptr);
    if (h->issuer.ptr)
        fprintf(out, "  issuer     %.*s\n", (int)h->issuer.len, h->issuer.ptr);
    if (h->reference.ptr)
        fprintf(out, "  reference  %.*s\n", (int)h->reference.len, h->reference.ptr);
    if (h->date.precision != DATE_UNKNOWN)
        fprintf(out, "  date       %s\n", date_format(h->date, buf));
    if (h->place.ptr)
        fprintf(out, "  place      %.*s\n", (int)h->place.len, h->place.ptr);
    if (h->has_period) {
        fprintf(out, "  period     %s .. ", date_format(h->period_start, buf));
        fprintf(out, "%s\n", date_format(h->period_end, buf));
    }
    fputc('\n', out);
}

static void checks(FILE *out, const Result *r)
{
    if (!r->checks)
        return;
    fprintf(out, "Checks: %u (%u pass, %u fail, %u unknown)\n", r->nchecks,
            r->nchecks - r->checks_failed - r->checks_unknown, r->checks_failed, r->checks_unknown);
    size_t sw = 0, dw = 0;
    char buf[512], buf2[512];
    for (const Check *c = r->checks; c; c = c->next) {
        size_t w = width(c->subject);
        if (w > sw)
            sw = w;
        w = width(number_text(buf, sizeof buf, c->declared, c->declared.decimals));
        if (w > dw)
            dw = w;
    }
    if (sw > 64)
        sw = 64;
    for (const Check *c = r->checks; c; c = c->next) {
        fprintf(out, "  %s  ", status_text(c->status));
        pad(out, result_check_kind_name(c->kind), 7);
        fputs("  ", out);
        pad(out, c->subject, sw);
        number_text(buf, sizeof buf, c->declared, c->declared.decimals);
        fputs("  ", out);
        for (size_t n = width(buf); n < dw; n++)
            fputc(' ', out);        /* right-aligned by character: "1,000 đ" */
        fprintf(out, "%s %-2s ", buf, result_relation_symbol(c->relation));
        number_text(buf2, sizeof buf2, c->computed, c->computed.decimals > 2 ? 2 : c->computed.decimals);
        pad(out, buf2, 12);
        if (c->status == RESULT_FAIL && c->imbalance.known) {
            number_text(buf, sizeof buf, c->imbalance, c->imbalance.decimals > 2 ? 2 : c->imbalance.decimals);
            fprintf(out, "  imbalance %s%s", c->imbalance.value > 0 ? "+" : "", buf);
        }
        if (c->has_coverage && c->covered < c->expected)
            fprintf(out, "  coverage %u/%u", c->covered, c->expected);
        if (c->note)
            fprintf(out, "  (%s)", c->note);
        fputs("  ", out);
        location(out, c->src, c->span);
        fputc('\n', out);
    }
    fputc('\n', out);
}

static void rules(FILE *out, const Result *r)
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
        fprintf(out, "  %-7s  %u/%u passed  %.*s\n", d->severity == SEVERITY_ERROR ? "error" : "warning",
                rr->passed, rr->total, (int)d->title.len, d->title.ptr);
        if (rr->note)
            fprintf(out, "        (%s)\n", rr->note);
        for (const Failure *f = rr->failures; f; f = f->next) {
            fprintf(out, "        %s: %s  ", f->subject, f->detail);
            location(out, f->src, f->span);
            fputc('\n', out);
        }
    }
    fputc('\n', out);
}

static void indicators(FILE *out, const Result *r)
{
    if (!r->indicators)
        return;
    fputs("Indicators\n", out);
    size_t iw = 0, tw = 0;
    for (const IndicatorResult *ir = r->indicators; ir; ir = ir->next) {
        const char *id = ir->subject ? "" : ir->def->id->text;
        if (width(id) > iw)
            iw = width(id);
        if (!ir->subject && width(ir->def->title.ptr) > tw)
            tw = width(ir->def->title.ptr);     /* Str text is NUL-terminated */
    }
    if (tw > 60)
        tw = 60;
    char buf[512], buf2[512];
    for (const IndicatorResult *ir = r->indicators; ir; ir = ir->next) {
        fputs("  ", out);
        pad(out, ir->subject ? "" : ir->def->id->text, iw);
        fputs(ir->subject ? "    " : "  ", out);
        pad(out, ir->subject ? ir->subject : ir->def->title.ptr, ir->subject ? (tw > 2 ? tw - 2 : 0) : tw);
        if (ir->value.known) {
            int dec = ir->unit == UNIT_PERCENT ? 2 : ir->value.decimals > 2 ? 2 : ir->value.decimals;
            number_text(buf, sizeof buf, ir->value, dec);
            fprintf(out, "  %12s%s", buf, ir->unit == UNIT_PERCENT ? " %" : "");
            if (ir->numerator.known && ir->denominator.known)
                fprintf(out, "  (%s / %s)", number_text(buf, sizeof buf, ir->numerator, 0),
                        number_text(buf2, sizeof buf2, ir->denominator, 0));
            if (ir->note)
                fprintf(out, "  %s", ir->note);
        } else {
            fprintf(out, "  %12s  %s", "-", ir->note ? ir->note : "unknown");
        }
        fputc('\n', out);
        if (ir->def->comment.ptr && !ir->subject) {
            fputs("  ", out);
            pad(out, "", iw);
            fprintf(out, "    note: %.*s\n", (int)ir->def->comment.len, ir->def->comment.ptr);
        }
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
    header(out, in->header);
    checks(out, in->result);
    rules(out, in->result);
    indicators(out, in->result);
    const Result *r = in->result;
    const struct { uint32_t n; const char *what; } failed[] = {
        { r->checks_failed, "check" },
        { r->rules_failed_error, "error rule" },
        { r->rules_failed_warning, "warning rule" },
    };
    fputs(in->exit_status == 0 ? "Result: OK" : "Result: the report is wrong", out);
    const char *sep = in->exit_status == 0 ? ", but " : ": ";
    for (size_t i = 0; i < sizeof failed / sizeof *failed; i++) {
        if (!failed[i].n)
            continue;
        fprintf(out, "%s%u %s%s failed", sep, failed[i].n, failed[i].what, failed[i].n == 1 ? "" : "s");
        sep = ", ";
    }
    if (in->exit_status == 0 && !r->rules_failed_warning)
        fprintf(out, ": %u check%s, none failed", r->nchecks, r->nchecks == 1 ? "" : "s");
    fputs(".\n", out);
}
