/* text.c - the report for people (spec §13): header, checks, rules,
 * indicators, the comparison, then a one-line verdict.
 *
 * Lines fit the width the command line gives (ReportLayout, 80 columns by
 * default). Columns are measured in the cells a terminal gives each
 * character (utf8proc): a name typed with decomposed accents or with wide
 * characters keeps its column. A subject or title too long for its column
 * wraps at a space, its continuation lines indented; what follows a value
 * (an imbalance, a note, the source position) goes on the line when it
 * fits and on the next one when not. Within each section what failed
 * comes first, then what is partial, unknown, and what passed, each in
 * the order of the result. */
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include "format.h"
#include "i18n.h"
#include "report.h"
#include "unicode.h"
#include "utf8.h"

enum {
    DEFAULT_WIDTH = 80,     /* when the layout says none */
    MIN_WIDTH = 40,         /* a narrower width is taken as this */
    MIN_CELL = 10,          /* a subject or title column is never narrower */
    SUBJECT_WIDTH = 100,    /* nor is a check subject's wider, however wide the line */
    TITLE_WIDTH = 100,      /* nor an indicator title's */
    KIND_WIDTH = 7,         /* "rollup" and the space after the widest kind */
    SHOWN_DECIMALS = 2,     /* computed values are shown to this many */
    NUMBER_BUF = 512,
    ESCAPE_BUF = 9,         /* "\xc2\x85" */
};

/* The report being written: where, how, and how far along its line. */
typedef struct Out {
    FILE *f;
    size_t width;           /* columns a line may take */
    size_t col;             /* columns written on the current line */
    bool colour, quiet, strict, all;
    size_t status_w;        /* the widest status word ("pass", "FAIL" ...) */
    size_t severity_w;      /* the widest severity ("warning") */
} Out;

/* ANSI SGR parameters, written only with colour */
#define SGR_BOLD "1"
#define SGR_RED "31"
#define SGR_GREEN "32"
#define SGR_YELLOW "33"

static void sgr(Out *o, const char *params)
{
    if (o->colour)
        fprintf(o->f, "\x1b[%sm", params);
}

static void sgr_end(Out *o)
{
    if (o->colour)
        fputs("\x1b[0m", o->f);
}

/* ---- text as written: escapes and columns ---------------------------------------------- */

/* The character at s[0..n) as the report writes it. User text (names,
 * titles, labels, the report's own words) keeps its characters, but a
 * control character (C1 ones too) or a byte that is not UTF-8 is written
 * escaped, as diagnostics do (\n, \t, \r, \xNN): no submission can start a
 * line of its own in the report or a CI log, or act on the terminal.
 * Returns its length in bytes; `esc` is its escape ("" when kept) and
 * *cols the columns it takes (0 for a combining mark, 2 for a wide one). */
static size_t glyph(const char *s, size_t n, char esc[ESCAPE_BUF], size_t *cols)
{
    unsigned char c = (unsigned char)s[0];
    esc[0] = '\0';
    if (c >= 0x20 && c < 0x7F) {
        *cols = 1;
        return 1;
    }
    size_t seq = c >= 0x80 ? utf8_sequence((const unsigned char *)s, n) : 0;
    if (seq && !(c == 0xC2 && (unsigned char)s[1] < 0xA0)) {
        size_t len;
        *cols = (size_t)unicode_columns(s, seq, &len);
        return seq;
    }
    if (seq)                            /* U+0080..U+009F */
        snprintf(esc, ESCAPE_BUF, "\\x%02x\\x%02x", c, (unsigned char)s[1]);
    else if (c == '\n' || c == '\t' || c == '\r')
        snprintf(esc, ESCAPE_BUF, "\\%c", c == '\n' ? 'n' : c == '\t' ? 't' : 'r');
    else
        snprintf(esc, ESCAPE_BUF, "\\x%02x", c);
    *cols = strlen(esc);
    return seq ? seq : 1;
}

/* The columns s[0..n) takes as written. */
static size_t cols_n(const char *s, size_t n)
{
    size_t w = 0, c;
    char esc[ESCAPE_BUF];
    for (size_t i = 0; i < n; w += c)
        i += glyph(s + i, n - i, esc, &c);
    return w;
}

static size_t cols(const char *s) { return cols_n(s, strlen(s)); }

static void put_n(Out *o, const char *s, size_t n)
{
    char esc[ESCAPE_BUF];
    for (size_t i = 0, c; i < n;) {
        size_t k = glyph(s + i, n - i, esc, &c);
        if (esc[0])
            fputs(esc, o->f);
        else
            fwrite(s + i, 1, k, o->f);
        o->col += c;
        i += k;
    }
}

static void put(Out *o, const char *s) { put_n(o, s, strlen(s)); }

static void putf(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void putf(Out *o, const char *fmt, ...)
{
    char buf[NUMBER_BUF];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    put(o, buf);
}

static void newline(Out *o)
{
    fputc('\n', o->f);
    o->col = 0;
}

/* Spaces up to column c (none when the line is there already). */
static void to_col(Out *o, size_t c)
{
    for (; o->col < c; o->col++)
        fputc(' ', o->f);
}

/* s right-aligned in w columns. */
static void put_right(Out *o, const char *s, size_t w)
{
    to_col(o, o->col + (w > cols(s) ? w - cols(s) : 0));
    put(o, s);
}

/* s padded to w columns. */
static void put_left(Out *o, const char *s, size_t w)
{
    size_t start = o->col;
    put(o, s);
    to_col(o, start + w);
}

/* ---- wrapping ------------------------------------------------------------------------------ */

/* The bytes of s[0..n) that fit in `avail` columns: all of s when it fits,
 * else up to the last space that fits (*at_space), else as many characters
 * as fit, at least one, with the combining marks that follow them.
 * *used: their columns. */
static size_t fit(const char *s, size_t n, size_t avail, size_t *used, bool *at_space)
{
    size_t i = 0, w = 0, brk = 0, brk_w = 0, c;
    char esc[ESCAPE_BUF];
    *at_space = false;
    while (i < n) {
        size_t k = glyph(s + i, n - i, esc, &c);
        if (s[i] == ' ' && i > 0) {
            brk = i;
            brk_w = w;
        }
        if (w + c > avail && i > 0)
            break;
        w += c;
        i += k;
    }
    if (i < n && brk) {
        while (brk > 1 && s[brk - 1] == ' ') {     /* no space ends a line */
            brk--;
            brk_w--;
        }
        *at_space = true;
        *used = brk_w;
        return brk;
    }
    *used = w;
    return i;
}

static const char *skip_spaces(const char *s)
{
    while (*s == ' ')
        s++;
    return s;
}

/* s from the current column, wrapped at the line's width; continuation
 * lines start at column `indent`. A word that does not fit on a line
 * already written on moves to the next. */
static void flow(Out *o, const char *s, size_t indent)
{
    size_t n = strlen(s);
    while (n) {
        size_t avail = o->width > o->col ? o->width - o->col : 0, used;
        bool at_space;
        size_t k = fit(s, n, avail, &used, &at_space);
        if (k < n && !at_space && o->col > indent) {
            newline(o);
            to_col(o, indent);
            continue;
        }
        put_n(o, s, k);
        const char *rest = skip_spaces(s + k);
        n -= (size_t)(rest - s);
        s = rest;
        if (n) {
            newline(o);
            to_col(o, indent);
        }
    }
}

/* The first line of s in a column `w` wide from here, padded to w; returns
 * the rest, for continuation lines. */
static const char *cell(Out *o, const char *s, size_t w)
{
    size_t used;
    bool at_space;
    size_t k = fit(s, strlen(s), w, &used, &at_space);
    size_t start = o->col;
    put_n(o, s, k);
    to_col(o, start + w);
    return skip_spaces(s + k);
}

/* What follows a row's values: on its line after two spaces when it fits,
 * else on the next line from column `indent` (wrapped there). A single word
 * too long for that (a source position) starts from column 4 instead when
 * it fits there, so that it is not cut. */
static void tail(Out *o, const char *s, size_t indent)
{
    enum { OUTDENT = 4 };
    size_t w = cols(s);
    if (!strchr(s, ' ') && indent + w > o->width && OUTDENT + w <= o->width)
        indent = OUTDENT;
    if (o->col > indent) {
        if (o->col + 2 + w <= o->width) {
            put(o, "  ");
        } else {
            newline(o);
            to_col(o, indent);
        }
    }
    to_col(o, indent);
    flow(o, s, indent);
}

/* The rest of a wrapped subject or title, on lines of its own from
 * column `indent`. */
static void rest_of(Out *o, const char *rest, size_t indent)
{
    if (!*rest)
        return;
    newline(o);
    to_col(o, indent);
    flow(o, rest, indent);
}

/* ---- what the report says --------------------------------------------------------------------- */

/* A rendered string, or "?" when the scratch arena ran out. */
static const char *or_mark(const char *s) { return s ? s : "?"; }

/* A count as people read it, in the run's language: "109,000", "109.000". */
static const char *grouped(Arena *a, uint32_t n)
{
    char buf[NUMBER_BUF];
    format_whole(buf, sizeof buf, n, format_people());
    return or_mark(arena_strndup(a, buf, strlen(buf)));
}

static size_t max_size(size_t a, size_t b) { return a > b ? a : b; }
static size_t min_size(size_t a, size_t b) { return a < b ? a : b; }

static int shown_decimals(const Number *n)
{
    return n->decimals > SHOWN_DECIMALS ? SHOWN_DECIMALS : n->decimals;
}

/* "file:line:col", or "" without a source. */
static const char *location(Arena *a, Source *src, Span span)
{
    if (!src)
        return "";
    uint32_t line, col;
    source_position(src, span.start, &line, &col);
    return or_mark(arena_printf(a, "%s:%u:%u", src->name, line, col));
}

/* What failed comes first, then what is partial, unknown, what passed. */
static int rank(Status s)
{
    switch (s) {
    case RESULT_FAIL: return 0;
    case RESULT_PARTIAL: return 1;
    case RESULT_UNKNOWN: return 2;
    case RESULT_PASS: return 3;
    }
    return 2;
}

enum { RANKS = 4 };

/* --quiet shows what fails the report: what failed, and under --strict
 * what is partial or unknown. */
static bool shown(const Out *o, Status s)
{
    return !o->quiet || s == RESULT_FAIL || (o->strict && s != RESULT_PASS);
}

/* The status of a row, as the column shows it. */
static const char *status_word(Status s)
{
    switch (s) {
    /* TRANSLATORS: the status column of the text report: a check or rule that holds */
    case RESULT_PASS: return _("pass");
    /* TRANSLATORS: the status column: a check or rule that does not hold (capitals, to stand out) */
    case RESULT_FAIL: return _("FAIL");
    /* TRANSLATORS: the status column: a partial check (a breakdown marked incomplete) */
    case RESULT_PARTIAL: return _("part");
    case RESULT_UNKNOWN: break;
    }
    return "????";
}

/* The status word padded to the column of status words. */
static void status(Out *o, Status s)
{
    sgr(o, s == RESULT_PASS ? SGR_GREEN : s == RESULT_FAIL ? SGR_BOLD ";" SGR_RED : SGR_YELLOW);
    size_t start = o->col;
    put(o, status_word(s));
    sgr_end(o);
    to_col(o, start + o->status_w);
}

static const char *severity_word(Severity s)
{
    return s == SEVERITY_ERROR ? _("error") : _("warning");
}

/* A heading at column `at`, its continuation lines at column 2. */
static void heading_at(Out *o, const char *s, size_t at)
{
    to_col(o, at);
    sgr(o, SGR_BOLD);
    flow(o, s, 2);
    sgr_end(o);
    newline(o);
}

/* One of dlg's own headings: only they, and the result line, start at
 * column 0. */
static void heading(Out *o, const char *s) { heading_at(o, s, 0); }

/* "  LABEL  " with the label padded to w columns. */
static void label(Out *o, const char *s, size_t w)
{
    put(o, "  ");
    put_left(o, s, w);
    put(o, "  ");
}

static void header(Out *o, const Header *h)
{
    if (!h || !h->present || o->quiet)
        return;
    char buf[16];
    /* the header's words, in the column after the widest label */
    static const struct { const char *label; size_t offset; } lines[] = {
        { N_("issuer"), offsetof(Header, issuer) },
        { N_("reference"), offsetof(Header, reference) },
    };
    const char *date = _("date"), *place = _("place"), *period = _("period");
    size_t lw = max_size(max_size(cols(_(lines[0].label)), cols(_(lines[1].label))),
                         max_size(cols(date), max_size(cols(place), cols(period))));
    /* The title is the input's, and no text of the input starts a line:
     * a report titled "Result: OK" printed a result line of its own at
     * the top, which a CI log showed as dlg's. */
    if (h->title.ptr)
        heading_at(o, h->title.ptr, 2);     /* Str text is NUL-terminated */
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
        const Str *v = (const Str *)((const char *)h + lines[i].offset);
        if (v->ptr) {
            label(o, _(lines[i].label), lw);
            flow(o, v->ptr, o->col);
            newline(o);
        }
    }
    if (h->date.precision != DATE_UNKNOWN) {
        label(o, date, lw);
        put(o, date_format(h->date, buf));
        newline(o);
    }
    if (h->place.ptr) {
        label(o, place, lw);
        flow(o, h->place.ptr, o->col);
        newline(o);
    }
    if (h->has_period) {
        label(o, period, lw);
        putf(o, "%s .. ", date_format(h->period_start, buf));
        put(o, date_format(h->period_end, buf));
        newline(o);
    }
    newline(o);
}

/* ---- checks ------------------------------------------------------------------------------------ */

/* "  STATUS  KIND     SUBJECT  DECLARED REL COMPUTED  [imbalance] [coverage] [(note)]  FILE:LINE:COL" */
static void check_row(Out *o, Arena *a, const Check *c, const char *subject, size_t sw, size_t dw)
{
    const size_t SUBJECT_COL = 2 + o->status_w + 2 + KIND_WIDTH + 2;
    char buf[NUMBER_BUF];
    put(o, "  ");
    status(o, c->status);
    put(o, "  ");
    put_left(o, result_check_kind_name(c->kind), KIND_WIDTH);
    put(o, "  ");
    const char *rest = cell(o, subject, sw);
    put(o, "  ");
    Number declared = check_declared(c), computed = check_computed(c), imbalance = check_imbalance(c);
    put_right(o, format_number_local(buf, sizeof buf, declared, declared.decimals), dw);
    put(o, " ");
    put_left(o, result_relation_symbol(c->relation), 2);
    put(o, " ");
    put(o, format_number_local(buf, sizeof buf, computed, shown_decimals(&computed)));
    rest_of(o, rest, SUBJECT_COL + 2);
    if (c->status == RESULT_FAIL && imbalance.known) {
        format_number_local(buf, sizeof buf, imbalance, shown_decimals(&imbalance));
        tail(o, or_mark(arena_printf(a, _("imbalance %s%s"), imbalance.value > 0 ? "+" : "", buf)),
             SUBJECT_COL);
    }
    CheckCoverage cov = check_coverage(c);
    if (cov.has && cov.covered < cov.expected)
        tail(o, or_mark(arena_printf(a, _("coverage %s/%s"), grouped(a, cov.covered), grouped(a, cov.expected))),
             SUBJECT_COL);
    const char *note = format_note(a, check_note(c));
    if (note)
        tail(o, or_mark(arena_printf(a, "(%s)", note)), SUBJECT_COL);
    if (check_src(c))
        tail(o, location(a, check_src(c), check_span(c)), SUBJECT_COL);
    newline(o);
}

/* Are the passing rows of a section listed one by one? Not past
 * REPORT_PASSES_LISTED of them (a national report passes hundreds of
 * thousands), unless --all. */
static bool passes_listed(const Out *o, uint32_t passes)
{
    return o->all || passes <= REPORT_PASSES_LISTED;
}

/* "  pass  KIND     N checks pass (--all lists them)", or for a rule's
 * subjects "        pass  N subjects pass (...)", from column `at`. */
static void passes_counted(Out *o, size_t at, const char *kind, const char *what)
{
    to_col(o, at);
    status(o, RESULT_PASS);
    put(o, "  ");
    if (kind) {
        put_left(o, kind, KIND_WIDTH);
        put(o, "  ");
    }
    flow(o, what, at + o->status_w + 2);
    newline(o);
}

static void checks(Out *o, const Result *r, Arena *a)
{
    const size_t SUBJECT_COL = 2 + o->status_w + 2 + KIND_WIDTH + 2;
    /* counted, not looked for: a lean result keeps no passing check */
    uint32_t npass = shown(o, RESULT_PASS) ? result_checks_passed(r) : 0;
    uint32_t nshown = npass + (shown(o, RESULT_FAIL) ? r->checks_failed : 0) +
                      (shown(o, RESULT_UNKNOWN) ? r->checks_unknown : 0) +
                      (shown(o, RESULT_PARTIAL) ? r->checks_partial : 0);
    if (!nshown)
        return;
    bool list = passes_listed(o, npass);
    if (list && npass) {
        const Result *all = result_every_check(r, a);   /* the passing checks made again */
        if (!all) {
            a->failed = true;
            return;
        }
        r = all;
    }
    CheckIter it;
    char line[NUMBER_BUF];
    snprintf(line, sizeof line, _("Checks: %s (%s pass, %s fail, %s partial, %s unknown)"), grouped(a, r->nchecks),
             grouped(a, r->nchecks - r->checks_failed - r->checks_unknown - r->checks_partial),
             grouped(a, r->checks_failed), grouped(a, r->checks_partial), grouped(a, r->checks_unknown));
    heading(o, line);
    /* every subject is rendered once; the first pass measures the columns */
    const char **subjects = ARENA_ARRAY(a, const char *, r->nchecks);
    if (!subjects)
        return;
    size_t sw = 0, dw = 0, cw = 0, i = 0;
    char buf[NUMBER_BUF];
    for (const Check *c = result_first_check(r, &it); c; c = check_next(&it), i++) {
        if (!shown(o, c->status) || (c->status == RESULT_PASS && !list))
            continue;
        subjects[i] = or_mark(format_check_subject(a, r->model, c));
        sw = max_size(sw, cols(subjects[i]));
        Number declared = check_declared(c), computed = check_computed(c);
        dw = max_size(dw, cols(format_number_local(buf, sizeof buf, declared, declared.decimals)));
        cw = max_size(cw, cols(format_number_local(buf, sizeof buf, computed, shown_decimals(&computed))));
    }
    /* "DECLARED RR COMPUTED" after two spaces; the subject has what is left */
    size_t values = 2 + dw + 4 + cw;
    size_t room = o->width > SUBJECT_COL + values ? o->width - SUBJECT_COL - values : 0;
    sw = min_size(sw, min_size(SUBJECT_WIDTH, max_size(room, MIN_CELL)));
    for (int k = 0; k < RANKS; k++) {
        if (k == rank(RESULT_PASS) && !list)
            break;
        i = 0;
        for (const Check *c = result_first_check(r, &it); c; c = check_next(&it), i++)
            if (rank(c->status) == k && shown(o, c->status))
                check_row(o, a, c, subjects[i], sw, dw);
    }
    if (!list) {
        /* the passing checks counted by kind, in the kinds' order */
        const uint32_t *by_kind = r->checks_passed_by_kind;
        for (int kind = 0; kind < CHECK_KIND_COUNT; kind++)
            if (by_kind[kind]) {
                char num[NUMBER_BUF];
                format_whole(num, sizeof num, by_kind[kind], format_people());
                passes_counted(o, 2, result_check_kind_name((CheckKind)kind),
                               or_mark(arena_printf(a, P_("%s check passes (--all lists it)",
                                                          "%s checks pass (--all lists them)", by_kind[kind]),
                                                    num)));
            }
    }
    newline(o);
}

/* ---- rules ------------------------------------------------------------------------------------- */

/* "        STATUS  SUBJECT: VERDICT  FILE:LINE:COL" */
static void verdict_row(Out *o, Arena *a, const RuleDef *d, const Verdict *v)
{
    enum { STATUS_COL = 8 };
    const size_t TEXT_COL = STATUS_COL + o->status_w + 2;
    to_col(o, STATUS_COL);
    status(o, v->status);
    put(o, "  ");
    const char *subject = or_mark(format_verdict_subject(a, v)), *text = or_mark(format_verdict(a, d, v));
    flow(o, or_mark(arena_printf(a, "%s: %s", subject, text)), TEXT_COL + 2);
    Source *src;
    Span span = verdict_place(d, v, &src);
    if (src)
        tail(o, location(a, src, span), TEXT_COL);
    newline(o);
}

/* Is `title` the identifier itself (a rule or an indicator written
 * without a title takes its identifier as title)? */
static bool untitled(Str title, const Symbol *id)
{
    return !title.ptr || strcmp(title.ptr, id->text) == 0;
}

static void rule_row(Out *o, Arena *a, const RuleResult *rr, size_t iw)
{
    enum { NOTE_COL = 8, WRAP_COL = 10 };
    const RuleDef *d = rr->def;
    put(o, "  ");
    status(o, rr->status);
    put(o, "  ");
    put_left(o, d->id->text, iw);
    put(o, "  ");
    put_left(o, severity_word(d->severity), o->severity_w);
    put(o, "  ");
    putf(o, _("%s/%s passed"), grouped(a, rr->passed), grouped(a, rr->total));
    if (!untitled(d->title, d->id))
        tail(o, d->title.ptr, WRAP_COL);
    if (d->code.ptr)
        tail(o, or_mark(arena_printf(a, "[%s]", d->code.ptr)), WRAP_COL);
    newline(o);
    const char *note = format_note(a, &rr->note);
    if (note) {
        to_col(o, NOTE_COL);
        flow(o, or_mark(arena_printf(a, "(%s)", note)), NOTE_COL + 1);
        newline(o);
    }
    if (d->legal_source.ptr) {
        to_col(o, NOTE_COL);
        flow(o, or_mark(arena_printf(a, _("source: %s%s"), d->legal_source.ptr, d->unverified.ptr ? _(" (unverified)") : "")),
             WRAP_COL);
        newline(o);
    }
    if (d->unverified.ptr) {
        to_col(o, NOTE_COL);
        flow(o, or_mark(arena_printf(a, _("(unverified: %s)"), d->unverified.ptr)), NOTE_COL + 1);
        newline(o);
    }
    /* every subject with the values it was judged on (spec §13); past
     * REPORT_PASSES_LISTED passing subjects, those are counted */
    uint32_t npass = shown(o, RESULT_PASS) ? rr->passed : 0;     /* counted: a lean result keeps none */
    bool list = passes_listed(o, npass);
    const Verdict *verdicts = rr->verdicts;
    if (list && npass && !result_every_verdict(rr, a, &verdicts)) {    /* the passing ones made again */
        a->failed = true;
        return;
    }
    for (int k = 0; k < RANKS; k++) {
        if (k == rank(RESULT_PASS) && !list)
            break;
        for (const Verdict *v = verdicts; v; v = v->next)
            if (rank(v->status) == k && shown(o, v->status))
                verdict_row(o, a, d, v);
    }
    if (!list) {
        char num[NUMBER_BUF];
        format_whole(num, sizeof num, npass, format_people());
        passes_counted(o, 8, NULL,
                       or_mark(arena_printf(a, P_("%s subject passes (--all lists it)",
                                                  "%s subjects pass (--all lists them)", npass), num)));
    }
}

static void rules(Out *o, const Result *r, Arena *a)
{
    size_t iw = 0;
    for (const RuleResult *rr = r->rules; rr; rr = rr->next)
        if (shown(o, rr->status))
            iw = max_size(iw, cols(rr->def->id->text));
    if (!iw)
        return;
    heading(o, _("Rules"));
    /* an identifier wider than a third of the line pushes its row right */
    iw = min_size(iw, o->width / 3);
    for (int k = 0; k < RANKS; k++)
        for (const RuleResult *rr = r->rules; rr; rr = rr->next)
            if (rank(rr->status) == k && shown(o, rr->status))
                rule_row(o, a, rr, iw);
    newline(o);
}

/* ---- indicators -------------------------------------------------------------------------------- */

/* A value as the indicators show it: "81.30", "19", "-"; a percentage
 * adds " %" after the column. */
/* A boolean in words, as the HTML page writes it: "yes" or "no". */
static const char *yes_no(Number n)
{
    return n.value != 0 ? C_("boolean", "yes") : C_("boolean", "no");
}

static const char *indicator_value(char *buf, size_t size, const IndicatorResult *ir)
{
    if (!ir->value.known)
        return "-";
    if (ir->unit == UNIT_BOOLEAN)
        return yes_no(ir->value);
    int dec = ir->unit == UNIT_PERCENT ? SHOWN_DECIMALS : shown_decimals(&ir->value);
    return format_number_local(buf, size, ir->value, dec);
}

static void indicators(Out *o, const Result *r, Arena *a)
{
    if (!r->indicators || o->quiet)
        return;
    heading(o, _("Indicators"));
    /* "  ID  TITLE  VALUE %  (N / D)  note"; a per-unit row has its subject
     * 2 columns right of the titles, its value under the report's */
    size_t iw = 0, tw = 0, vw = 1;
    char buf[NUMBER_BUF], buf2[NUMBER_BUF];
    for (const IndicatorResult *ir = r->indicators; ir; ir = ir->next) {
        const char *subject = format_indicator_subject(a, ir);
        if (!subject)
            iw = max_size(iw, cols(ir->def->id->text));
        size_t w = subject ? cols(subject) + 2 : untitled(ir->def->title, ir->def->id) ? 0 : cols(ir->def->title.ptr);
        tw = max_size(tw, w);
        vw = max_size(vw, cols(indicator_value(buf, sizeof buf, ir)));
    }
    iw = min_size(iw, o->width / 3);
    size_t tc = 2 + iw + 2;                         /* the title column */
    size_t room = o->width > tc + 2 + vw + 2 ? o->width - tc - 2 - vw - 2 : 0;
    tw = min_size(tw, min_size(TITLE_WIDTH, max_size(room, MIN_CELL)));
    for (const IndicatorResult *ir = r->indicators; ir; ir = ir->next) {
        const char *subject = format_indicator_subject(a, ir);
        const char *rest;
        if (subject) {
            to_col(o, tc + 2);
            rest = cell(o, subject, tw > 2 ? tw - 2 : 0);
        } else {
            put(o, "  ");
            put(o, ir->def->id->text);
            if (o->col > tc - 2) {                  /* wider than its column */
                newline(o);
            }
            to_col(o, tc);
            rest = cell(o, untitled(ir->def->title, ir->def->id) ? "" : ir->def->title.ptr, tw);
        }
        put(o, "  ");
        put_right(o, indicator_value(buf, sizeof buf, ir), vw);
        if (ir->value.known && ir->unit == UNIT_PERCENT)
            put(o, " %");
        rest_of(o, rest, tc + 2 + (subject ? 2 : 0));
        const char *note = format_note(a, &ir->note);
        if (ir->value.known && ir->numerator.known && ir->denominator.known)
            tail(o, or_mark(arena_printf(a, "(%s / %s)", format_number_local(buf, sizeof buf, ir->numerator, 0),
                                         format_number_local(buf2, sizeof buf2, ir->denominator, 0))),
                 tc);
        if (note || !ir->value.known)
            tail(o, note ? note : _("unknown"), tc);
        newline(o);
        if (ir->def->comment.ptr && !subject) {
            to_col(o, tc + 2);
            put(o, _("note: "));
            flow(o, ir->def->comment.ptr, tc + 4);
            newline(o);
        }
    }
    newline(o);
}

/* ---- the comparison (spec §12.1) ------------------------------------------------------------- */

/* A compared value: "99.72 %", "12,674", "-". */
static const char *compared_value(Arena *a, const Compared *c, Number n)
{
    char buf[NUMBER_BUF];
    if (!n.known)
        return "-";
    if (c->unit == UNIT_BOOLEAN)
        return yes_no(n);
    int dec = c->unit == UNIT_PERCENT ? SHOWN_DECIMALS : shown_decimals(&n);
    format_number_local(buf, sizeof buf, n, dec);
    return or_mark(arena_printf(a, "%s%s", buf, c->unit == UNIT_PERCENT ? " %" : ""));
}

static void comparison(Out *o, const Comparison *cmp, Arena *a)
{
    if (!cmp || !cmp->rows || o->quiet)
        return;
    char from[16], to[16];
    const Header *h = cmp->previous;
    const char *line = _("Compared with the previous period");
    if (h && h->has_period)
        line = or_mark(arena_printf(a, "%s %s .. %s", line, date_format(date_from_days(h->period_first), from),
                                    date_format(date_from_days(h->period_last), to)));
    for (int i = 0; i < cmp->nfiles; i++)
        line = or_mark(arena_printf(a, "%s%s%s", line, i ? ", " : " (", cmp->files[i]));
    if (cmp->nfiles)
        line = or_mark(arena_printf(a, "%s)", line));
    heading(o, line);
    /* "  ID  PREVIOUS  ->  CURRENT  DIFFERENCE (RELATIVE)  note"; a unit's
     * row has its subject 2 columns right of the identifiers */
    size_t iw = 0, vw = 0, cw = 0;
    for (const Compared *c = cmp->rows; c; c = c->next) {
        iw = max_size(iw, c->subject ? cols(c->subject) + 2 : cols(c->def->id->text));
        vw = max_size(vw, cols(compared_value(a, c, c->previous)));
        cw = max_size(cw, cols(compared_value(a, c, c->current)));
    }
    size_t values = 2 + vw + 6 + cw;
    size_t room = o->width > 2 + values ? o->width - 2 - values : 0;
    iw = min_size(iw, min_size(TITLE_WIDTH, max_size(room, MIN_CELL)));
    char buf[NUMBER_BUF];
    for (const Compared *c = cmp->rows; c; c = c->next) {
        const char *rest;
        if (c->subject) {
            put(o, "    ");
            rest = cell(o, c->subject, iw > 2 ? iw - 2 : 0);
        } else {
            put(o, "  ");
            rest = cell(o, c->def->id->text, iw);
        }
        put(o, "  ");
        put_right(o, compared_value(a, c, c->previous), vw);
        put(o, "  ->  ");
        put(o, compared_value(a, c, c->current));
        rest_of(o, rest, c->subject ? 6 : 4);
        if (c->difference.known) {
            int dec = c->unit == UNIT_PERCENT ? SHOWN_DECIMALS : shown_decimals(&c->difference);
            format_number_local(buf, sizeof buf, c->difference, dec);
            const char *d = or_mark(arena_printf(a, "%s%s%s", c->difference.value > 0 ? "+" : "", buf,
                                                 c->unit == UNIT_PERCENT ? _(" points") : ""));
            if (c->relative.known) {
                format_number_local(buf, sizeof buf, c->relative, SHOWN_DECIMALS);
                d = or_mark(arena_printf(a, "%s (%s%s %%)", d, c->relative.value > 0 ? "+" : "", buf));
            }
            tail(o, d, 4);
        }
        if (c->note)
            tail(o, c->note, 4);
        newline(o);
    }
    newline(o);
}

/* ---- the result line ----------------------------------------------------------------------- */

/* "1 check failed, 2 error rules failed": the counts that are not 0, each
 * written, grouped, by its format ("%s check" or "%s checks", as the count calls
 * for) and followed by `end`, after `sep`, appended to buf; false when all
 * are 0. */
typedef struct Count {
    uint32_t n;
    const char *format;
} Count;

static bool counts(char *buf, size_t size, const char *sep, const Count *c, size_t n, const char *end)
{
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        if (!c[i].n)
            continue;
        size_t len = strlen(buf);
        snprintf(buf + len, size - len, "%s", any ? ", " : sep);
        len = strlen(buf);
        char n_text[NUMBER_BUF];
        format_whole(n_text, sizeof n_text, c[i].n, format_people());
        snprintf(buf + len, size - len, c[i].format, n_text);
        len = strlen(buf);
        snprintf(buf + len, size - len, "%s", end);
        any = true;
    }
    return any;
}

/* The last line (spec §13): what failed, then what was not decided; never
 * wrapped. */
static void verdict(Out *o, const ReportInput *in)
{
    const Result *r = in->result;
    uint32_t warnings = in->strict ? in->diag->warnings : 0;
    /* TRANSLATORS: the result line counts "1 check failed, 2 error rules failed; not decided: 1 unknown rule" */
    const Count failed[] = {
        { r->checks_failed, P_("%s check", "%s checks", r->checks_failed) },
        { r->rules_failed_error, P_("%s error rule", "%s error rules", r->rules_failed_error) },
        { r->rules_failed_warning, P_("%s warning rule", "%s warning rules", r->rules_failed_warning) },
    };
    const Count undecided[] = {
        { r->checks_partial, P_("%s partial check", "%s partial checks", r->checks_partial) },
        { r->checks_unknown, P_("%s unknown check", "%s unknown checks", r->checks_unknown) },
        { r->rules_unknown, P_("%s unknown rule", "%s unknown rules", r->rules_unknown) },
        { warnings, P_("%s warning", "%s warnings", warnings) },
    };
    size_t nfailed = sizeof failed / sizeof *failed, nundecided = sizeof undecided / sizeof *undecided;
    bool ok = in->exit_status == 0;
    char rest[NUMBER_BUF] = "";
    bool any_failed = counts(rest, sizeof rest, ok ? _(", but ") : ": ", failed, nfailed, _(" failed"));
    if (!any_failed && ok) {
        size_t len = strlen(rest);
        char n_text[NUMBER_BUF];
        format_whole(n_text, sizeof n_text, r->nchecks, format_people());
        snprintf(rest + len, sizeof rest - len, P_(": %s check, none failed", ": %s checks, none failed", r->nchecks),
                 n_text);
    }
    counts(rest, sizeof rest, !any_failed && !ok ? _(" under --strict: ") : _("; not decided: "), undecided,
           nundecided, "");
    size_t len = strlen(rest);
    snprintf(rest + len, sizeof rest - len, ".");
    sgr(o, SGR_BOLD);
    put(o, _("Result: "));
    sgr(o, ok ? SGR_BOLD ";" SGR_GREEN : SGR_BOLD ";" SGR_RED);
    put(o, ok ? _("OK") : _("the report is wrong"));
    sgr_end(o);
    put(o, rest);                       /* one line, however long: CI logs grep it */
    newline(o);
}

bool report_text(const ReportInput *in, FILE *f)
{
    if (!in->result) {
        fprintf(f, P_("dlg: nothing was evaluated: %u error in the input (see above)",
                      "dlg: nothing was evaluated: %u errors in the input (see above)", in->diag->errors),
                in->diag->errors);
        fputc('\n', f);
        return true;
    }
    const ReportLayout *l = &in->layout;
    Out o = {
        .f = f,
        .width = l->width == 0 ? DEFAULT_WIDTH : l->width < MIN_WIDTH ? MIN_WIDTH : l->width,
        .colour = l->colour,
        .quiet = l->quiet,
        .strict = in->strict,
        .all = l->all,
    };
    static const Status all[] = { RESULT_PASS, RESULT_FAIL, RESULT_PARTIAL, RESULT_UNKNOWN };
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        o.status_w = max_size(o.status_w, cols(status_word(all[i])));
    o.severity_w = max_size(cols(severity_word(SEVERITY_ERROR)), cols(severity_word(SEVERITY_WARNING)));
    Arena scratch;
    arena_init(&scratch, in->allocator);
    header(&o, in->header);
    checks(&o, in->result, &scratch);
    rules(&o, in->result, &scratch);
    indicators(&o, in->result, &scratch);
    comparison(&o, in->comparison, &scratch);
    verdict(&o, in);
    bool whole = !scratch.failed;
    arena_free(&scratch);
    return whole;
}
