/* literal.c - classification of number-like tokens. */
#include "literal.h"

#include <stdbool.h>
#include <stdio.h>

#include "i18n.h"

enum { MAX_SEGMENTS = 8 };

typedef struct Segments {
    size_t n;                       /* number of digit runs */
    size_t start[MAX_SEGMENTS], len[MAX_SEGMENTS];
    char sep[MAX_SEGMENTS];         /* sep[i] precedes segment i+1 */
} Segments;

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Split "15.590" into digit runs and the separators between them. */
static bool split(const char *s, size_t n, Segments *g)
{
    g->n = 0;
    size_t i = 0;
    while (i < n) {
        if (g->n == MAX_SEGMENTS)
            return false;
        size_t st = i;
        while (i < n && is_digit(s[i]))
            i++;
        if (i == st)
            return false;
        g->start[g->n] = st;
        g->len[g->n] = i - st;
        g->n++;
        if (i < n) {
            g->sep[g->n - 1] = s[i];
            i++;
            if (i == n)
                return false;
        }
    }
    return g->n > 0;
}

static bool all_seps(const Segments *g, char c)
{
    for (size_t i = 0; i + 1 < g->n; i++)
        if (g->sep[i] != c)
            return false;
    return true;
}

/* Groups of thousands: the first of 1-3 digits, the rest of exactly 3. */
static bool thousands(const Segments *g)
{
    if (g->len[0] > 3)
        return false;
    for (size_t i = 1; i < g->n; i++)
        if (g->len[i] != 3)
            return false;
    return true;
}

static bool accumulate(const char *s, const Segments *g, int64_t *out)
{
    int64_t v = 0;
    for (size_t k = 0; k < g->n; k++)
        for (size_t i = g->start[k]; i < g->start[k] + g->len[k]; i++)
            if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, s[i] - '0', &v))
                return false;
    *out = v;
    return true;
}

static int seg_int(const char *s, const Segments *g, size_t k)
{
    int v = 0;
    for (size_t i = g->start[k]; i < g->start[k] + g->len[k] && v < 100000; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

static LitError make_date(int y, int m, int d, DatePrecision p, Literal *out)
{
    if (!date_valid(y, m, p == DATE_DAY ? d : 1))
        return LIT_NO_SUCH_DATE;
    out->kind = LIT_DATE;
    out->date = date_make(y, (unsigned)m, p == DATE_DAY ? (unsigned)d : 0, p);
    return LIT_OK;
}

LitError literal_number(const char *s, size_t n, Literal *out)
{
    /* The common case, a run of at most 18 digits, cannot overflow: read
     * at once, without splitting it into segments. */
    if (n && n <= 18) {
        int64_t v = 0;
        size_t i = 0;
        for (; i < n && is_digit(s[i]); i++)
            v = v * 10 + (s[i] - '0');
        if (i == n) {
            out->kind = LIT_COUNT;
            out->count = v;
            return LIT_OK;
        }
    }
    Segments g;
    if (!split(s, n, &g))
        return LIT_MALFORMED;
    if (g.n == 1 || all_seps(&g, '_')) {
        if (g.n > 1 && !thousands(&g))
            return LIT_BAD_GROUPING;
        out->kind = LIT_COUNT;
        return accumulate(s, &g, &out->count) ? LIT_OK : LIT_TOO_LARGE;
    }
    if (all_seps(&g, '-')) {
        if (g.n == 3 && g.len[0] == 4 && g.len[1] == 2 && g.len[2] == 2)
            return make_date(seg_int(s, &g, 0), seg_int(s, &g, 1), seg_int(s, &g, 2), DATE_DAY, out);
        if (g.n == 2 && g.len[0] == 4 && g.len[1] == 2)
            return make_date(seg_int(s, &g, 0), seg_int(s, &g, 1), 1, DATE_MONTH, out);
        return LIT_MALFORMED;
    }
    if ((all_seps(&g, '/') || all_seps(&g, '.')) && g.n == 3 && g.len[0] <= 2 &&
        g.len[1] <= 2 && g.len[2] == 4)
        return make_date(seg_int(s, &g, 2), seg_int(s, &g, 1), seg_int(s, &g, 0), DATE_DAY, out);
    if ((all_seps(&g, '.') || all_seps(&g, ',')) && thousands(&g) && g.len[g.n - 1] == 3) {
        if (!accumulate(s, &g, &out->suggestion))
            return LIT_TOO_LARGE;
        return g.sep[0] == '.' ? LIT_DOTTED_COUNT : LIT_COMMA_COUNT;
    }
    if (g.n == 2 && (g.sep[0] == '.' || g.sep[0] == ','))
        return LIT_DECIMAL;
    if (g.n == 2 && g.sep[0] == '/')
        return g.len[1] == 4 ? LIT_MONTH_YEAR : LIT_RATIO;
    return LIT_MALFORMED;
}

LitError literal_percent(const char *s, size_t n, Literal *out)
{
    Segments g;
    if (!split(s, n, &g) || g.n > 2 || (g.n == 2 && g.sep[0] != '.' && g.sep[0] != ','))
        return LIT_MALFORMED;
    if (g.n == 2 && g.len[1] > 6)
        return LIT_MALFORMED;
    int64_t v;
    if (!accumulate(s, &g, &v) || v > 100000000000000LL)
        return LIT_TOO_LARGE;
    out->decimal = (Decimal){ v, (uint8_t)(g.n == 2 ? g.len[1] : 0) };
    return LIT_OK;
}

LitError literal_money(const char *s, size_t n, Literal *out)
{
    Segments g;
    if (!split(s, n, &g))
        return LIT_MALFORMED;
    if (g.n > 1 && !((all_seps(&g, '.') || all_seps(&g, '_')) && thousands(&g)))
        return all_seps(&g, ',') ? LIT_COMMA_COUNT : LIT_BAD_GROUPING;
    out->kind = LIT_COUNT;
    return accumulate(s, &g, &out->count) ? LIT_OK : LIT_TOO_LARGE;
}

void literal_message(LitError e, const char *s, size_t n, const Literal *lit, char *buf, size_t size)
{
    int len = n > LITERAL_QUOTE_MAX ? LITERAL_QUOTE_MAX : (int)n;
    long long sug = (long long)lit->suggestion;
    switch (e) {
    case LIT_OK:
        snprintf(buf, size, _("'%.*s' is valid"), len, s);
        break;
    case LIT_TOO_LARGE:
        snprintf(buf, size, _("number '%.*s' is too large"), len, s);
        break;
    case LIT_BAD_GROUPING:
        snprintf(buf, size, _("'%.*s' is not a number: '_' must separate groups of three digits, as in 15_590"), len, s);
        break;
    case LIT_DOTTED_COUNT:
        snprintf(buf, size, _("'%.*s' is ambiguous: a dot may mark thousands or decimals; "
                 "write %lld (or a '_' between groups of three) for a count"), len, s, sug);
        break;
    case LIT_COMMA_COUNT:
        snprintf(buf, size, _("'%.*s' is ambiguous: a comma may mark thousands or decimals; "
                 "write %lld (or a '_' between groups of three) for a count"), len, s, sug);
        break;
    case LIT_DECIMAL:
        snprintf(buf, size, _("'%.*s' is not a whole number: counts are whole; a decimal is "
                 "only allowed in a percentage such as '%.*s%%'"), len, s, len, s);
        break;
    case LIT_MONTH_YEAR:
        snprintf(buf, size, _("'%.*s' is not a date: write a month as YYYY-MM (for example "
                 "2020-12) or a day as D/M/YYYY"), len, s);
        break;
    case LIT_RATIO:
        snprintf(buf, size, _("'%.*s' cannot be written as a ratio: declare the two figures "
                 "and an indicator, e.g. communes_held 19 and percent(communes_held, communes)"), len, s);
        break;
    case LIT_NO_SUCH_DATE:
        snprintf(buf, size, _("'%.*s' is not a date in the calendar"), len, s);
        break;
    case LIT_MALFORMED:
        snprintf(buf, size, _("'%.*s' is neither a number nor a date: write counts as 15590 "
                 "or 15_590 and dates as 2024-06-14, 14/6/2024 or 14.6.2024"), len, s);
        break;
    }
}
