/* compare.c - the indicators of two periods, row by row. */
#include "compare.h"

#include <math.h>
#include <string.h>

#include "format.h"
#include "i18n.h"

static bool same(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* The previous report's row with this identifier and subject, or NULL. */
static const IndicatorResult *match(Arena *a, const Result *previous, const IndicatorResult *ir,
                                    const char *subject, bool *used, uint32_t *index)
{
    uint32_t i = 0;
    for (const IndicatorResult *p = previous->indicators; p; p = p->next, i++)
        if (!used[i] && strcmp(p->def->id->text, ir->def->id->text) == 0 &&
            same(format_indicator_subject(a, p), subject)) {
            *index = i;
            return p;
        }
    return NULL;
}

static Number known(double v, uint8_t decimals, bool money)
{
    return number_real(v, decimals, money);
}

static Compared *row(Arena *a, const IndicatorResult *cur, const IndicatorResult *prev, const char *subject)
{
    Compared *c = ARENA_NEW(a, Compared);
    if (!c)
        return NULL;
    const IndicatorResult *any = cur ? cur : prev;
    c->def = any->def;
    c->subject = subject;
    c->key = subject ? format_indicator_key(a, any) : NULL;
    c->unit = any->unit;
    if (cur)
        c->current = cur->value;
    if (prev)
        c->previous = prev->value;
    if (!cur)
        c->note = _("not in this report");
    else if (!prev)
        c->note = _("not in the previous report");
    else if (!cur->value.known || !prev->value.known)
        c->note = !prev->value.known ? _("the previous report has no value") : _("this report has no value");
    if (c->current.known && c->previous.known) {
        uint8_t dec = c->current.decimals > c->previous.decimals ? c->current.decimals : c->previous.decimals;
        c->difference = known(c->current.value - c->previous.value, dec, c->current.money);
        if (c->unit != UNIT_PERCENT && c->previous.value != 0)
            c->relative = known(100.0 * (c->current.value - c->previous.value) / fabs(c->previous.value), 2, false);
    }
    return c;
}

static bool append(Comparison *cmp, Compared **last, Compared *c)
{
    if (!c)
        return false;
    if (*last)
        (*last)->next = c;
    else
        cmp->rows = c;
    *last = c;
    return true;
}

Comparison *compare_results(Arena *a, const Header *previous_header, const Result *previous,
                            const Header *current_header, const Result *current)
{
    Comparison *cmp = ARENA_NEW(a, Comparison);
    uint32_t n = 0;
    for (const IndicatorResult *p = previous->indicators; p; p = p->next)
        n++;
    bool *used = ARENA_ARRAY(a, bool, n + 1);
    if (!cmp || !used)
        return NULL;
    cmp->previous = previous_header;
    cmp->consecutive = previous_header->has_period && current_header->has_period &&
                       previous_header->period_last + 1 == current_header->period_first;
    Compared *last = NULL;
    for (const IndicatorResult *ir = current->indicators; ir; ir = ir->next) {
        const char *subject = format_indicator_subject(a, ir);
        uint32_t index = 0;
        const IndicatorResult *p = match(a, previous, ir, subject, used, &index);
        if (p)
            used[index] = true;
        if (!append(cmp, &last, row(a, ir, p, subject)))
            return NULL;
    }
    uint32_t i = 0;
    for (const IndicatorResult *p = previous->indicators; p; p = p->next, i++)
        if (!used[i] && !append(cmp, &last, row(a, NULL, p, format_indicator_subject(a, p))))
            return NULL;
    return cmp;
}
