/* csv.c - the indicators as a table for spreadsheets (spec/formats.md §3):
 * RFC 4180 (CRLF line ends, a header row, fields with a comma, quote, CR or
 * LF quoted and quotes doubled), UTF-8; one row for each indicator's value
 * for the report, then one for each of its rows per unit, part or window. */
#include <string.h>

#include "format.h"
#include "report.h"

enum { NUMBER_BUF = 512 };

static const char header[] = "indicator,title,subject,kind,name,unit,value,numerator,denominator,approximate,note";

/* A text field. Quoted when it holds a comma, a quote, CR or LF; a text a
 * spreadsheet would take for a formula (starting with =, +, -, @, tab or
 * CR) gets a leading apostrophe; a control character other than tab, CR
 * and LF, and a byte that does not start a valid UTF-8 sequence, is
 * U+FFFD. */
static void text(FILE *out, const char *s, size_t n)
{
    if (!s)
        return;
    bool quote = false, formula = n > 0 && strchr("=+-@\t\r", s[0]);
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    const unsigned char *p = (const unsigned char *)s;
    if (quote)
        fputc('"', out);
    if (formula)
        fputc('\'', out);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (c == '"') {
            fputs("\"\"", out);
        } else if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F) {
            fputs("\xEF\xBF\xBD", out);
        } else if (c < 0x80) {
            fputc(c, out);
        } else {
            i += report_utf8(out, p + i, n - i, "\xEF\xBF\xBD") - 1;
        }
    }
    if (quote)
        fputc('"', out);
}

static void ctext(FILE *out, const char *s) { text(out, s, s ? strlen(s) : 0); }

/* A number as JSON writes it (no grouping, '.' for the decimal point), a
 * boolean as true or false; empty when unknown. */
static void number(FILE *out, Number n, ValueUnit u)
{
    char buf[NUMBER_BUF];
    if (u == UNIT_BOOLEAN && n.known) {
        fputs(n.value != 0 ? "true" : "false", out);
        return;
    }
    const char *s = report_number(buf, sizeof buf, n);
    if (s)
        fputs(s, out);
}

/* kind,name: of the unit or session, the dimension and its part, or the
 * window's unit and label; both empty for the report's own row. */
static void where(FILE *out, const IndicatorResult *ir)
{
    char buf[16];
    if (ir->win.unit) {
        ctext(out, date_window_unit((WindowUnit)ir->win.unit));
        fputc(',', out);
        ctext(out, date_window_label(ir->win, buf));
    } else if (ir->part) {
        ctext(out, ir->part->dim->name->text);
        fputc(',', out);
        ctext(out, ir->part->name->text);
    } else if (ir->node) {
        const Node *n = ir->node;
        ctext(out, n->kind->name->text);
        fputc(',', out);
        if (n->kind->session && node_session(n)->date.precision != DATE_UNKNOWN)
            ctext(out, date_format(node_session(n)->date, buf));
        else if (n->name)
            ctext(out, n->name->text);
    } else {
        fputc(',', out);
    }
}

bool report_csv(const ReportInput *in, FILE *out)
{
    Arena scratch;
    arena_init(&scratch, in->allocator);
    fprintf(out, "%s\r\n", header);
    for (const IndicatorResult *ir = in->result ? in->result->indicators : NULL; ir; ir = ir->next) {
        const IndicatorDef *d = ir->def;
        const char *subject = format_indicator_subject(&scratch, ir);
        ctext(out, d->id->text);
        fputc(',', out);
        if (d->title.ptr)
            text(out, d->title.ptr, d->title.len);
        else
            ctext(out, d->id->text);
        fputc(',', out);
        bool own = !ir->node && !ir->part && !ir->win.unit;     /* the report's own row */
        ctext(out, own ? "the report" : subject ? subject : "?");
        fputc(',', out);
        where(out, ir);
        fputc(',', out);
        ctext(out, result_unit_name(ir->unit));
        fputc(',', out);
        number(out, ir->value, ir->unit);
        fputc(',', out);
        number(out, ir->numerator, UNIT_COUNT);
        fputc(',', out);
        number(out, ir->denominator, UNIT_COUNT);
        fputs(ir->approximate ? ",true," : ",false,", out);
        ctext(out, format_note(&scratch, &ir->note));
        fputs("\r\n", out);
    }
    bool whole = !scratch.failed;
    arena_free(&scratch);
    return whole;
}
