/* form.c - checking the form of an item's arguments and blocks. */
#include "form.h"
#include "i18n.h"

Span form_args_span(const Item *it)
{
    Span s = it->args ? it->args->span : item_name_span(it);
    for (const Atom *a = it->args; a; a = a->next)
        s.end = a->span.end;
    return s;
}

const char *form_atom_desc(const Atom *a)
{
    return a ? ast_atom_kind_name(a->kind) : C_("atom kind", "nothing");
}

bool form_no_blocks(Diag *d, Source *src, const Item *it, const char *what)
{
    if (it->blocks) {
        diag_error(d, src, it->blocks->span, "'%s' takes no block { ... }", what);
        return false;
    }
    if (it->binding) {
        diag_error(d, src, it->expr ? it->expr->span : item_name_span(it), "'%s' takes no expression after '%c'", what,
                   it->binding);
        return false;
    }
    return true;
}

void form_no_ellipsis(Diag *d, Source *src, const Block *blk, const char *what)
{
    if (blk->partial)
        diag_error(d, src, block_ellipsis(blk), "'...' marks a partial breakdown; it cannot end %s", what);
}

static bool fits(char w, const Atom *a)
{
    switch (w) {
    case 's': return a->kind == ATOM_STRING;
    case 'd': return a->kind == ATOM_DATE || a->kind == ATOM_UNKNOWN;
    case 'n': return a->kind == ATOM_NAME;
    case 'r': return a->kind == ATOM_RANGE;
    case 'c': return a->kind == ATOM_COUNT;
    default: return false;
    }
}

/* What form_args() says when the arguments do not fit: `a`, the first
 * that does not, or NULL when one is missing. Apart, and cold: the check
 * itself runs for every item of a report, four times an opinion. */
static __attribute__((noinline, cold)) bool args_refused(Diag *d, Source *src, const Item *it, const Atom *a,
                                                         const char *usage)
{
    /* usage is marked N_() where it is written: translated only to be said */
    if (a)
        diag_error(d, src, a->span, "unexpected %s in '%s': write %s", form_atom_desc(a), it->name->text, _(usage));
    else
        diag_error(d, src, item_name_span(it), "'%s' is incomplete: write %s", it->name->text, _(usage));
    return false;
}

bool form_args(Diag *d, Source *src, const Item *it, const char *pattern, const char *usage)
{
    const Atom *a = it->args;
    for (const char *p = pattern; *p; p++) {
        bool optional = *p >= 'A' && *p <= 'Z';
        if (a && fits(optional ? (char)(*p - 'A' + 'a') : *p, a))
            a = a->next;
        else if (!optional)
            return args_refused(d, src, it, a, usage);
    }
    return !a || args_refused(d, src, it, a, usage);
}

Str form_string(const Item *it, uint32_t nth)
{
    for (const Atom *a = it->args; a; a = a->next)
        if (a->kind == ATOM_STRING && nth-- == 0)
            return atom_str(a);
    return (Str){ NULL, 0 };
}
