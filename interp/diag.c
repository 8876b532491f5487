/* diag.c - collecting diagnostics and printing them in GNU form. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "unicode.h"
#include "utf8.h"

enum { WINDOW = 160 };      /* bytes of a long source line shown around a caret */

void diag_init(Diag *d, Arena *a)
{
    memset(d, 0, sizeof *d);
    d->arena = a;
}

void diag_restore(Diag *d, const Diag *saved)
{
    *d = *saved;
    if (d->last)
        d->last->next = NULL;
}


bool diag_error_at(const Diag *d, const Source *src, uint32_t offset)
{
    for (const Diagnostic *g = d->first; g; g = g->next)
        if (g->severity == DIAG_ERROR && g->src == src && g->span.start == offset)
            return true;
    return false;
}

void diag_out_of_memory(Diag *d)
{
    if (!d->out_of_memory)
        d->errors++;
    d->out_of_memory = true;
}

/* A run of warnings a recording Diag dropped, in its place among the
 * others: a Diagnostic without a message, span.start counting them. */
static void mark_dropped(Diag *d)
{
    Diagnostic *g = d->last;
    if (g && !g->message) {
        g->span.start++;
        return;
    }
    if (!(g = ARENA_NEW(d->arena, Diagnostic))) {
        diag_out_of_memory(d);
        return;
    }
    g->severity = DIAG_WARNING;
    g->span.start = 1;
    if (d->last)
        d->last->next = g;
    else
        d->first = g;
    d->last = g;
}

/* Is a diagnostic of this severity kept? The limits of diag.h, counted as
 * they are met: a dropped warning is still counted, and so are the notes
 * of a dropped diagnostic dropped with it. */
static bool admit(Diag *d, DiagSeverity sev)
{
    if (sev == DIAG_ERROR && (d->overflowed || d->errors == DIAG_MAX_ERRORS)) {
        d->overflowed = true;       /* diag_sort() adds the closing note */
        d->errors_dropped++;
        return false;
    }
    if (d->overflowed)
        return false;
    if (sev == DIAG_NOTE && d->dropping)
        return false;               /* the note of a diagnostic not kept */
    d->dropping = false;
    if (sev == DIAG_WARNING && d->warnings >= DIAG_MAX_WARNINGS) {
        d->warnings++;              /* still counted: --strict fails on it */
        d->warnings_dropped++;
        d->dropping = true;
        if (d->recording)
            mark_dropped(d);
        return false;
    }
    return true;
}

/* Keep a diagnostic admit() let in; its message lives as long as d's. */
static void keep(Diag *d, DiagSeverity sev, Source *src, Span span, const char *msg)
{
    Diagnostic *g = ARENA_NEW(d->arena, Diagnostic);
    if (!g) {
        diag_out_of_memory(d);
        d->dropping = true;
        return;
    }
    g->severity = sev;
    g->src = src;
    g->span = span;
    g->message = msg;
    if (d->last)
        d->last->next = g;
    else
        d->first = g;
    d->last = g;
    if (sev == DIAG_ERROR)
        d->errors++;
    else if (sev == DIAG_WARNING)
        d->warnings++;
}

static void add(Diag *d, DiagSeverity sev, Source *src, Span span, const char *fmt, va_list ap)
{
    if (!admit(d, sev))
        return;
    fmt = i18n_gettext(fmt);       /* every message in the reader's language, here once */
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    /* a message quoting a huge name is cut, at a character, with "..." */
    size_t cut = n < 0 ? 0 : (size_t)n <= DIAG_MAX_MESSAGE ? (size_t)n : DIAG_MAX_MESSAGE;
    char *msg = n >= 0 ? arena_alloc(d->arena, (size_t)n + 1) : NULL;
    if (!msg) {
        diag_out_of_memory(d);
        d->dropping = true;
        return;
    }
    vsnprintf(msg, (size_t)n + 1, fmt, ap);
    if (cut < (size_t)n) {
        cut = utf8_cut(msg, cut, DIAG_MAX_MESSAGE - 3);
        memcpy(msg + cut, "...", 4);
    }
    keep(d, sev, src, span, msg);
}

void diag_replay(Diag *d, const Diag *recorded)
{
    for (const Diagnostic *g = recorded->first; g; g = g->next) {
        if (!g->message) {
            for (uint32_t i = 0; i < g->span.start; i++)
                admit(d, DIAG_WARNING);
        } else if (admit(d, g->severity)) {
            keep(d, g->severity, g->src, g->span, g->message);
        }
    }
    if (recorded->overflowed)
        admit(d, DIAG_ERROR);       /* the error it refused: d refuses it too */
    if (recorded->out_of_memory || recorded->arena->failed)
        diag_out_of_memory(d);
}

#define DEFINE_REPORTER(fn, sev)                                              \
    void fn(Diag *d, Source *src, Span span, const char *fmt, ...)            \
    {                                                                         \
        va_list ap;                                                           \
        va_start(ap, fmt);                                                    \
        add(d, sev, src, span, fmt, ap);                                      \
        va_end(ap);                                                           \
    }
DEFINE_REPORTER(diag_error, DIAG_ERROR)
DEFINE_REPORTER(diag_warning, DIAG_WARNING)
DEFINE_REPORTER(diag_note, DIAG_NOTE)

static const char *severity_name(DiagSeverity s)
{
    switch (s) {
    /* TRANSLATORS: the severities of spec/language.md §11, "FILE:LINE:COL: error: MESSAGE" */
    case DIAG_ERROR: return _("error");
    case DIAG_WARNING: return _("warning");
    case DIAG_NOTE: return _("note");
    }
    return _("error");
}

/* The caret line, under the source line as a terminal shows it: the line's
 * own tabs are kept, and each character before the spot becomes as many
 * spaces as the columns it takes (none for a combining mark of a
 * decomposed letter, two for a wide one); `~` likewise under the spot. */
/* Is the character at line[i] shown as it is (else as one '?': a control
 * character, C1 ones included, or a byte that is not UTF-8)? Its length
 * in *k either way; a tab is shown as it is. */
static bool printable_at(const char *line, uint32_t len, uint32_t i, size_t *k)
{
    unsigned char c = (unsigned char)line[i];
    *k = 1;
    if (c < 0x80)
        return c >= 0x20 ? c != 0x7F : c == '\t';
    size_t seq = utf8_sequence((const unsigned char *)line + i, len - i);
    if (!seq)
        return false;
    *k = seq;
    return !(c == 0xC2 && (unsigned char)line[i + 1] < 0xA0);     /* U+0080..U+009F */
}

/* Columns of the character at line[i], as the source line is printed, and
 * its length in *k. */
static int columns_at(const char *line, uint32_t len, uint32_t i, size_t *k)
{
    if (!printable_at(line, len, i, k) || line[i] == '\t')
        return 1;
    return unicode_columns(line + i, len - i, k);
}

static void print_caret(FILE *out, const char *line, uint32_t len, uint32_t from, uint32_t to)
{
    uint32_t i = 0;
    size_t k;
    while (i < from && i < len) {
        int w = columns_at(line, len, i, &k);
        for (int j = 0; j < w; j++)
            fputc(line[i] == '\t' ? '\t' : ' ', out);
        i += (uint32_t)k;
    }
    fputc('^', out);
    if (i < to && i < len) {                /* the rest of the first character */
        int w = columns_at(line, len, i, &k);
        for (int j = 1; j < w; j++)
            fputc('~', out);
        i += (uint32_t)k;
    }
    while (i < to && i < len) {
        int w = columns_at(line, len, i, &k);
        for (int j = 0; j < w; j++)
            fputc('~', out);
        i += (uint32_t)k;
    }
    fputc('\n', out);
}

/* A control character in a message would start a new line of the log or
 * act on the terminal: written \n, \t, \r or \xNN instead. */
static void put_escaped(FILE *out, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        size_t seq = c >= 0x80 ? utf8_sequence((const unsigned char *)s, strlen(s)) : 0;
        if (seq) {
            fwrite(s, 1, seq, out);     /* a character, kept */
            s += seq - 1;
        } else if (c >= 0x20 && c < 0x7F)
            fputc(c, out);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c == '\t')
            fputs("\\t", out);
        else if (c == '\r')
            fputs("\\r", out);
        else
            fprintf(out, "\\x%02x", c);
    }
}

static void print_one(const Diagnostic *g, FILE *out)
{
    if (!g->src) {
        fprintf(out, "dlg: %s: ", severity_name(g->severity));
        put_escaped(out, g->message);
        fputc('\n', out);
        return;
    }
    uint32_t line, col, len;
    source_position(g->src, g->span.start, &line, &col);
    put_escaped(out, g->src->name);
    fprintf(out, ":%u:%u: %s: ", line, col, severity_name(g->severity));
    put_escaped(out, g->message);
    fputc('\n', out);
    uint32_t line_at;
    const char *text = source_line(g->src, g->span.start, &line_at, &len);
    uint32_t from = g->span.start - line_at;
    uint32_t to = g->span.end > g->span.start ? g->span.end - line_at : from;
    /* A very long line is shown as a window around the caret, never whole. */
    const char *lead = "", *tail = "";
    if (len > WINDOW) {
        uint32_t start = from > WINDOW / 3 ? from - WINDOW / 3 : 0;
        while (start < from && ((unsigned char)text[start] & 0xC0) == 0x80)
            start++;
        uint32_t end = (uint32_t)utf8_cut(text + start, len - start, WINDOW) + start;
        lead = start ? "..." : "";
        tail = end < len ? "..." : "";
        text += start;
        len = end - start;
        from -= start;
        to = to - start > len ? len : to - start;
    }
    char gutter[16];
    int w = snprintf(gutter, sizeof gutter, "%5u", line);
    fprintf(out, "%s | %s", gutter, lead);
    for (uint32_t i = 0, shown = 0; i <= len;) {
        /* a control character, C1 ones (U+0080..U+009F) included, or a byte
         * that is not UTF-8 (0x9B is CSI to some terminals) would act on
         * the terminal, not show: each is one '?'; the printable runs
         * between them are written whole */
        size_t k = 0;
        if (i < len && printable_at(text, len, i, &k)) {
            i += (uint32_t)k;
            continue;
        }
        fwrite(text + shown, 1, i - shown, out);
        if (i == len)
            break;
        fputc('?', out);
        i += (uint32_t)k;
        shown = i;
    }
    fprintf(out, "%s\n", tail);
    fprintf(out, "%*s | %s", w, "", *lead ? "   " : "");
    print_caret(out, text, len, from, to);
}

static void print_all(const Diag *d, FILE *out)
{
    for (const Diagnostic *g = d->first; g; g = g->next)
        print_one(g, out);
    if (d->warnings_dropped)
        fprintf(out, P_("dlg: note: %u more warning not shown\n", "dlg: note: %u more warnings not shown\n",
                        d->warnings_dropped),
                d->warnings_dropped);
    if (d->out_of_memory)
        fputs(_("dlg: error: out of memory\n"), out);
}

void diag_print(const Diag *d, FILE *out)
{
    /* gathered in memory and written at once: an unbuffered stderr would
     * otherwise take one write(2) per character */
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (mem) {
        print_all(d, mem);
        if (fclose(mem) == 0 && buf)
            fwrite(buf, 1, len, out);
        else
            print_all(d, out);
        free(buf);
        return;
    }
    print_all(d, out);
}

static void sort_groups(Diag *d);

/* A diagnostic with its notes, and where it came in the list. */
typedef struct Group {
    Diagnostic *first, *last;
    uint32_t seq;
} Group;

static int group_order(const void *pa, const void *pb)
{
    const Group *a = pa, *b = pb;
    const Source *sa = a->first->src, *sb = b->first->src;
    /* diagnostics without a file (command line, reading) come first */
    uint32_t fa = sa ? sa->id + 1 : 0, fb = sb ? sb->id + 1 : 0;
    if (fa != fb)
        return fa < fb ? -1 : 1;
    uint32_t oa = a->first->span.start, ob = b->first->span.start;
    if (sa && oa != ob)
        return oa < ob ? -1 : 1;
    return (a->seq > b->seq) - (a->seq < b->seq);   /* stable */
}

/* After sorting: say that the list was cut short, as its last line. */
static void close_overflow(Diag *d)
{
    if (!d->overflowed)
        return;
    Diagnostic *g = ARENA_NEW(d->arena, Diagnostic);
    if (!g)
        return;
    g->severity = DIAG_NOTE;
    g->message = _("too many errors; stopping here");
    if (d->last)
        d->last->next = g;
    else
        d->first = g;
    d->last = g;
}

void diag_sort(Diag *d)
{
    sort_groups(d);
    close_overflow(d);
}

static void sort_groups(Diag *d)
{
    uint32_t n = 0;
    for (Diagnostic *g = d->first; g; g = g->next)
        n += g->severity != DIAG_NOTE || g == d->first;
    if (n < 2)
        return;
    Group *groups = ARENA_ARRAY(d->arena, Group, n);
    if (!groups)
        return;                     /* unsorted is still correct */
    uint32_t k = 0;
    for (Diagnostic *g = d->first; g; g = g->next) {
        if (g->severity != DIAG_NOTE || k == 0) {
            groups[k] = (Group){ g, g, k };
            k++;
        } else
            groups[k - 1].last = g;
    }
    qsort(groups, k, sizeof *groups, group_order);
    for (uint32_t i = 0; i < k; i++)
        groups[i].last->next = i + 1 < k ? groups[i + 1].first : NULL;
    d->first = groups[0].first;
    d->last = groups[k - 1].last;
}
