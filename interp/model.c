/* model.c - building the model from syntax trees: the schema of every
 * context (spec §4), units merged by kind and name, figures with their
 * breakdowns checked against the vocabulary (spec §5, §14), itemised
 * entries with the cells they count into, rules and indicators (spec §8,
 * §9). */
#include "model.h"

#include <stdio.h>
#include <string.h>

#include "form.h"
#include "i18n.h"
#include "suggest.h"
#include "unicode.h"

bool model_selector(const Vocab *v, const Symbol *name, Selector *out)
{
    if (strcmp(name->text, "commune") == 0 || strcmp(name->text, "commune_level") == 0) {
        *out = (Selector){ SEL_COMMUNE_LEVEL, NULL, NULL };
        return true;
    }
    if (strcmp(name->text, "opinion") == 0) {
        *out = (Selector){ SEL_OPINION, NULL, NULL };
        return true;
    }
    if (strcmp(name->text, "document") == 0) {
        *out = (Selector){ SEL_DOCUMENT, NULL, NULL };
        return true;
    }
    const Kind *k = vocab_kind(v, name);
    if (k && k != v->root) {
        *out = (Selector){ SEL_KIND, k, NULL };
        return true;
    }
    const Dimension *d = vocab_dimension(v, name);
    if (d) {
        *out = (Selector){ SEL_PART, NULL, d };
        return true;
    }
    return false;
}

const char *model_selector_nearest(const Vocab *v, const Symbol *name)
{
    Suggest s;
    suggest_init(&s, name->text);
    static const char *const words[] = { "commune_level", "opinion", "document" };
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        suggest_offer(&s, words[i], strlen(words[i]));
    for (uint32_t i = 1; i < v->nkinds; i++)
        suggest_offer(&s, v->kinds[i]->name->text, v->kinds[i]->name->len);
    for (uint32_t i = 0; i < v->ndims; i++)
        suggest_offer(&s, v->dims[i]->name->text, v->dims[i]->name->len);
    return suggest_best(&s);
}

bool model_selects(const Selector *s, const Node *n)
{
    switch (s->what) {
    case SEL_KIND: return n->kind == s->kind;
    case SEL_COMMUNE_LEVEL: return n->kind->level == LEVEL_COMMUNE;
    case SEL_REPORT: return n->kind->level == LEVEL_ROOT;
    case SEL_OPINION: case SEL_DOCUMENT: case SEL_PART: break;
    }
    return false;
}

const char *model_window_unit_name(WindowUnit unit)
{
    switch (unit) {
    case WIN_YEAR: return C_("calendar unit", "year");
    case WIN_HALF: return C_("calendar unit", "half");
    case WIN_QUARTER: return C_("calendar unit", "quarter");
    case WIN_MONTH: return C_("calendar unit", "month");
    case WIN_WEEK: return C_("calendar unit", "week");
    case WIN_NONE: break;
    }
    return date_window_unit(unit);
}

const char *model_selector_name(const Selector *s)
{
    switch (s->what) {
    case SEL_KIND: return s->kind->name->text;
    case SEL_COMMUNE_LEVEL: return "commune";
    /* TRANSLATORS: the subjects of a rule or a count, in "no %s is listed" */
    case SEL_OPINION: return C_("subjects", "itemised opinion");
    case SEL_DOCUMENT: return C_("subjects", "itemised document");
    case SEL_PART: {
        /* a calendar dimension named as its unit (year, month) is said in
         * the reader's words; any other dimension by its name */
        WindowUnit u = (WindowUnit)s->dim->calendar;
        const char *name = s->dim->name->text;
        return u && strcmp(name, date_window_unit(u)) == 0 ? model_window_unit_name(u) : name;
    }
    case SEL_REPORT: break;
    }
    return C_("subjects", "report");
}

/* Words with a meaning of their own in some context (spec §4). */
#define KEYWORDS(X)                                                            \
    X(KW_REPORT, "report") X(KW_ISSUER, "issuer") X(KW_REFERENCE, "reference")  \
    X(KW_DATE, "date") X(KW_PLACE, "place") X(KW_PERIOD, "period")             \
    X(KW_USE, "use") X(KW_HOLIDAY, "holiday") X(KW_RULE, "rule")               \
    X(KW_CALENDAR, "calendar") X(KW_WORKING_DAY, "working_day")               \
    X(KW_NOTICE, "notice") X(KW_CODE, "code") X(KW_UNVERIFIED, "unverified")  \
    X(KW_SCHEDULE, "schedule") X(KW_EVERY, "every") X(KW_TIMES, "times")       \
    X(KW_DAY, "day")                                                           \
    X(KW_INDICATOR, "indicator") X(KW_OPINION, "opinion")                      \
    X(KW_DOCUMENT, "document") X(KW_KIND, "kind") X(KW_SCOPE, "scope")         \
    X(KW_CHAIR, "chair") X(KW_CONCLUSION, "conclusion")                        \
    X(KW_NOT_HELD, "not_held") X(KW_TOPIC, "topic") X(KW_STATUS, "status")     \
    X(KW_SATISFIED, "satisfied") X(KW_RECEIVED, "received")                    \
    X(KW_SEVERITY, "severity") X(KW_SOURCE, "source") X(KW_EACH, "each")       \
    X(KW_WHERE, "where") X(KW_REQUIRE, "require") X(KW_REPORTED, "reported")   \
    X(KW_PER, "per") X(KW_NOTE, "note") X(KW_ABOUT, "about")                   \
    X(KW_OVER, "over") X(KW_NEARLY, "nearly") X(KW_LISTS, "lists")           \
    X(KW_WITHIN, "within") X(KW_PREVIOUS, "previous") X(KW_CHANGE, "change")

typedef enum {
    KW_NONE = 0,
#define X(k, s) k,
    KEYWORDS(X)
#undef X
    KW_COUNT
} Keyword;

static const char *const keyword_text[] = {
    "",
#define X(k, s) s,
    KEYWORDS(X)
#undef X
};

typedef enum { CTX_ROOT, CTX_UNIT, CTX_SESSION } Context;

/* Where something was first defined, for "defined twice" notes. */
typedef struct Site {
    Source *src;
    Span span;
} Site;

typedef struct Waiting Waiting;

typedef struct Builder {
    Model *m;
    Source *src;
    const FileSet *files;   /* where `use` finds the files it names */
    Node *within;           /* the unit a `within` file's figures are of */
    bool used;              /* the file came by `use`: it cannot be `within` */
    Waiting *waiting;       /* `within` files told of each unit made, or NULL */
    uint32_t left;          /* items left in the list being read, this one
                             * included; 0: not known (add_items) */
    const Node *figures_of; /* the unit a figure was added to last, and that */
    Figure *figures_end;    /* figure: where its list ends (add_figure) */
    const Part *session_kind;   /* the session being read: its kind and scope, */
    const Part *session_scope;  /* until its block ends (add_session) */
    const Node *src_of;     /* the node whose file was asked last, and that */
    Source *src_is;         /* file (unit_src()) */
} Builder;

static void unit_made(Waiting *w, const Symbol *name, const Kind *kind);

static void add_items(Builder *b, Node *node, Context ctx, Item *items, uint32_t nitems);
static const char *context_name(Arena *a, const Node *n);

/* ---- small helpers ------------------------------------------------------ */

/* node_src(n), asked for every figure of n and every unit made in it: a
 * node's file is set when it is made, and the one asked last is kept. */
static Source *unit_src(Builder *b, const Node *n)
{
    if (b->src_of != n) {
        b->src_of = n;
        b->src_is = node_src(n);
    }
    return b->src_is;
}

static Keyword keyword(const Model *m, const Symbol *s)
{
    uintptr_t v = (uintptr_t)symmap_get(&m->keywords, s);
    return (Keyword)v;
}

static bool str_eq(const Symbol *s, const char *text) { return strcmp(s->text, text) == 0; }

static Str sym_str(const Symbol *s) { return (Str){ s->text, s->len }; }

void model_subject_form(const Node *n, bool local, SubjectForm *f)
{
    f->where = -1;
    if (!n || n->kind->level == LEVEL_ROOT) {
        f->fmt = local ? _("the report") : "the report";
        f->nargs = 0;
        return;
    }
    f->args[0] = n->kind->name->text;
    if (!n->kind->session) {
        f->fmt = "%s %s";
        f->args[1] = n->name ? n->name->text : "?";
        f->nargs = 2;
        return;
    }
    Date when = node_session(n)->date;
    if (when.precision != DATE_UNKNOWN) {
        /* TRANSLATORS: a session and where it was held: "dialogue 2024-02-05 in commune A" */
        f->fmt = local ? _("%s %s in %s") : "%s %s in %s";
        f->args[1] = date_format(when, f->date);
        f->nargs = 3;
    } else if (n->name) {
        f->fmt = local ? _("%s \"%s\" in %s") : "%s \"%s\" in %s";
        f->args[1] = n->name->text;
        f->nargs = 3;
    } else {
        f->fmt = local ? _("%s (undated) in %s") : "%s (undated) in %s";
        f->nargs = 2;
    }
    f->where = (int8_t)(f->nargs - 1);
    f->args[f->where] = NULL;
}

/* For people (local) in the run's language, or in English for machines. */
static const char *subject_in(Arena *a, const Node *n, bool local)
{
    SubjectForm f;
    model_subject_form(n, local, &f);
    if (!f.nargs)
        return f.fmt;
    if (f.where >= 0 && !(f.args[f.where] = subject_in(a, n->parent, local)))
        return NULL;
    return arena_subst(a, f.fmt, f.args, f.nargs);
}

const char *model_subject(Arena *a, const Node *n) { return subject_in(a, n, true); }
const char *model_subject_key(Arena *a, const Node *n) { return subject_in(a, n, false); }

/* The first slot of a sorted index whose id is not below `id`. */
static uint32_t figure_rank(const FigureIndex *x, uint32_t id)
{
    uint32_t lo = 0, hi = x->n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (x->sorted[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* A path's key in a unit's map of figures (FigureIndex.map): its symbol's
 * id, never NULL. */
static const void *path_key(uint32_t path_id)
{
    return (const void *)((uintptr_t)path_id + 1);
}

/* A unit without an index is searched: f, then the parts of each of its
 * breakdowns and theirs, as deep as the figure has dimensions (a part is
 * not broken down by its own). */
static Figure *scan_figure(Figure *f, uint32_t path)
{
    if (f->path_id == path)
        return f;
    for (const Breakdown *bd = figure_breakdowns(f); bd; bd = bd->next)
        for (Figure *p = bd->parts; p; p = figure_next(p)) {
            Figure *found = scan_figure(p, path);
            if (found)
                return found;
        }
    return NULL;
}

static Figure *scan_figures(const Node *n, uint32_t path)
{
    for (Figure *f = n->figures; f; f = figure_next(f)) {
        Figure *found = scan_figure(f, path);
        if (found)
            return found;
    }
    return NULL;
}

Figure *model_figure_found(const Node *n, uint32_t path)
{
    if (n->nscanned != NODE_INDEXED)
        return scan_figures(n, path);   /* its filter has the path's bit (model_figure()) */
    const FigureIndex *x = node_figure_index(n);
    if (x->map)
        return ptrmap_get(x->map, path_key(path), 0);
    if (!x->n || x->sorted[x->n - 1].id < path)
        return NULL;                                /* beyond the last: a figure not yet added */
    if (x->sorted[x->n - 1].id == path)
        return x->sorted[x->n - 1].figure;          /* the one added last */
    uint32_t i = figure_rank(x, path);
    return i < x->n && x->sorted[i].id == path ? x->sorted[i].figure : NULL;
}

const FigureDecl *model_figure_decl(const Model *m, const Figure *f)
{
    if (!f->part)
        return vocab_figure_id(m->vocab, f->path_id);   /* a whole's path is its figure's name */
    const Cell *cell = symmap_get_id(&m->cells_of_paths, f->path_id);
    return cell ? cell->decl : NULL;                /* made with the part (figure_cell()) */
}

/* How many figures the unit of this kind indexed last has (m->figures_of_kind);
 * NULL when out of memory, or for a kind made since the array was. */
static uint32_t *figures_of_kind(Model *m, const Kind *kind)
{
    if (!m->figures_of_kind) {
        m->nkinds = m->vocab->nkinds;
        m->figures_of_kind = ARENA_ARRAY(m->arena, uint32_t, m->nkinds);
        if (!m->figures_of_kind)
            return NULL;
    }
    return kind->id < m->nkinds ? &m->figures_of_kind[kind->id] : NULL;
}

/* An insertion moving more figures than this gives the order up. */
enum { FIGURE_SHIFT_MAX = 32 };

/* Index f, whose path is not yet in x, making room for `expect` figures
 * if x has none yet; false when out of memory. */
static bool index_figure(Arena *a, FigureIndex *x, Figure *f, uint32_t expect)
{
    if (x->map)
        return ptrmap_put(x->map, a, path_key(f->path_id), 0, f);
    uint32_t id = f->path_id;
    uint32_t at = x->n && x->sorted[x->n - 1].id > id ? figure_rank(x, id) : x->n;
    if (x->n - at > FIGURE_SHIFT_MAX) {
        PtrMap *map = ARENA_NEW(a, PtrMap);
        if (!map)
            return false;
        for (uint32_t i = 0; i < x->n; i++)
            if (!ptrmap_put(map, a, path_key(x->sorted[i].id), 0, x->sorted[i].figure))
                return false;
        arena_release(a, x->sorted, (size_t)x->cap * sizeof *x->sorted);
        *x = (FigureIndex){ .map = map, .last = x->last };
        return ptrmap_put(map, a, path_key(f->path_id), 0, f);
    }
    if (x->n == x->cap) {
        uint32_t cap = x->cap ? x->cap * 2 : expect > 4 ? expect : 4;
        if (cap < x->cap)
            return false;
        FigureSlot *grown = arena_grow(a, x->sorted, (size_t)x->cap * sizeof *grown, (size_t)cap * sizeof *grown);
        if (!grown)
            return false;
        x->sorted = grown;
        x->cap = cap;
    }
    memmove(&x->sorted[at + 1], &x->sorted[at], (size_t)(x->n - at) * sizeof *x->sorted);
    x->sorted[at] = (FigureSlot){ id, f };
    x->n++;
    return true;
}


/* Index f and the parts below it (scan_figure's order), but `skip`, the
 * figure being added, which has none; false when out of memory. */
static bool index_below(Arena *a, FigureIndex *x, Figure *f, uint32_t expect, const Figure *skip)
{
    if (f == skip)
        return true;
    if (!index_figure(a, x, f, expect))
        return false;
    for (const Breakdown *bd = figure_breakdowns(f); bd; bd = bd->next)
        for (Figure *p = bd->parts; p; p = figure_next(p))
            if (!index_below(a, x, p, expect, skip))
                return false;
    return true;
}

static SessionMore *more_of_session(Builder *b, Session *s);
static NodeMore *more_of_unit(Builder *b, Node *n);

/* A new, empty index of n's figures, which has none yet, in its NodeMore
 * or SessionMore (its nscanned then NODE_INDEXED); NULL when out of
 * memory. */
static FigureIndex *new_figure_index(Builder *b, Node *n)
{
    FigureIndex **slot = NULL;
    if (n->kind->session) {
        SessionMore *more = more_of_session(b, n->session);
        slot = more ? &more->figure_index : NULL;
    } else {
        NodeMore *more = more_of_unit(b, n);
        slot = more ? &more->figure_index : NULL;
    }
    if (!slot || !(*slot = ARENA_NEW(b->m->arena, FigureIndex)))
        return NULL;
    n->nscanned = NODE_INDEXED;
    return *slot;
}

/* Add f, on node's lists but neither in its filter nor in its index, to
 * its filter, or to its index: made, from every figure the unit has, when
 * f is one more than MODEL_FIGURES_SCANNED. False when out of memory. */
static bool index_new_figure(Builder *b, Node *node, Figure *f)
{
    Model *m = b->m;
    if (node->nscanned < MODEL_FIGURES_SCANNED) {
        node->nscanned++;
        node->figure_filter |= 1u << (f->path_id % 32);
        return true;
    }
    /* a unit's index is first made as large as the last of its kind's
     * grew: most units of a kind give the same figures, and an index that
     * doubles leaves its smaller arrays behind in the arena */
    uint32_t *last = figures_of_kind(m, node->kind);
    uint32_t expect = last ? *last : 0;
    FigureIndex *x = node_figure_index(node);
    if (!x) {
        if (!(x = new_figure_index(b, node)))
            return false;
        for (Figure *w = node->figures; w; w = figure_next(w)) {
            if (!index_below(m->arena, x, w, expect, f))
                return false;
            x->last = w;
        }
    }
    if (!index_figure(m->arena, x, f, expect))
        return false;
    if (last)
        *last = x->n;
    return true;
}

static void oom(Builder *b)
{
    diag_out_of_memory(b->m->diag);
}

/* A session's rarer facts (SessionMore), made when first needed; NULL
 * when out of memory (said). */
static SessionMore *more_of_session(Builder *b, Session *s)
{
    if (!s->has_more) {
        SessionMore *more = ARENA_NEW(b->m->arena, SessionMore);
        if (!more) {
            oom(b);
            return NULL;
        }
        more->attrs = s->attrs;
        s->more = more;
        s->has_more = true;
    }
    return s->more;
}

static Span args_span(const Item *it) { return form_args_span(it); }
static const char *atom_desc(const Atom *a) { return form_atom_desc(a); }

static bool no_blocks(Builder *b, const Item *it, const char *what)
{
    return form_no_blocks(b->m->diag, b->src, it, what);
}

static void no_ellipsis(Builder *b, const Block *blk, const char *what)
{
    form_no_ellipsis(b->m->diag, b->src, blk, what);
}

/* Arguments must match `pattern` (form.h). */
static bool expect_args(Builder *b, const Item *it, const char *pattern, const char *usage)
{
    return form_args(b->m->diag, b->src, it, pattern, usage);
}

/* The first argument of the given kind, if any. */
static Atom *find_arg(const Item *it, AtomKind k)
{
    for (Atom *a = it->args; a; a = a->next)
        if (a->kind == k)
            return a;
    return NULL;
}

static Date date_arg(const Item *it)
{
    Atom *a = find_arg(it, ATOM_DATE);
    return a ? a->as.date : (Date){ 0 };
}

static Str string_arg(const Item *it, uint32_t nth) { return form_string(it, nth); }
/* string_arg() copied into the model, which outlives the syntax tree. */
static Str kept_arg(Builder *b, const Item *it, uint32_t nth) { return str_keep(b->m->arena, string_arg(it, nth)); }

/* The words of a list for a message: "a, b or c". */
static const char *word_list(Arena *a, WordList list)
{
    const char *out = "";
    for (uint32_t i = 0; out && i < list.count; i++)
        out = arena_printf(a, "%s%s%s", out, i == 0 ? "" : i + 1 == list.count ? _(" or ") : ", ",
                           list.words[i]->text);
    return out ? out : "";
}

/* The one name argument of an attribute, which must be one of `allowed`. */
static Symbol *word_attr(Builder *b, const Item *it, WordList allowed, const char *what)
{
    Atom *a = it->args;
    if (!a || a->kind != ATOM_NAME) {
        diag_error(b->m->diag, b->src, a ? a->span : item_name_span(it), "'%s' needs %s", it->name->text,
                   word_list(b->m->arena, allowed));
        return NULL;
    }
    if (!vocab_word_in(allowed, a->as.name)) {
        diag_error(b->m->diag, b->src, a->span, "unknown %s '%s': use %s", _(what), a->as.name->text,
                   word_list(b->m->arena, allowed));
        return NULL;
    }
    return a->as.name;
}

/* The one name argument of an attribute, a part of dimension d: the word
 * of a session's kind or scope, an opinion's status or topic, a document's
 * kind (spec §14.2). */
static const Part *word_part(Builder *b, const Item *it, const Dimension *d, const char *what)
{
    Model *m = b->m;
    WordList words = vocab_words(m->vocab, d);
    Atom *a = it->args;
    if (!a || a->kind != ATOM_NAME) {
        diag_error(m->diag, b->src, a ? a->span : item_name_span(it), "'%s' needs %s", it->name->text,
                   word_list(m->arena, words));
        return NULL;
    }
    const Part *p = vocab_part(m->vocab, d, a->as.name);
    if (p)
        return p;
    const char *near = vocab_nearest(words, a->as.name);
    if (near)
        diag_error(m->diag, b->src, a->span, "unknown %s '%s'; did you mean '%s'?", _(what), a->as.name->text, near);
    else
        diag_error(m->diag, b->src, a->span, "unknown %s '%s': use %s", _(what), a->as.name->text,
                   word_list(m->arena, words));
    return NULL;
}

/* ---- figures ------------------------------------------------------------ */

/* What a figure of each type is written as, for messages. */
static const char *type_example(ValueType t)
{
    switch (t) {
    case TYPE_COUNT: return _("a number, such as 15_590");
    case TYPE_MONEY: return _("an amount in đồng, such as 48_686_352đ");
    case TYPE_PERCENTAGE: return _("a percentage, such as 79,63%");
    case TYPE_DAYS: return _("a number of days, such as 10");
    }
    return _("a number");
}

/* Does the value atom fit the figure's type (spec §14.3)? */
static bool fits(ValueType t, AtomKind k)
{
    switch (t) {
    case TYPE_COUNT: case TYPE_DAYS: return k == ATOM_COUNT || k == ATOM_APPROX;
    case TYPE_MONEY: return k == ATOM_MONEY;
    case TYPE_PERCENTAGE: return k == ATOM_PERCENT;
    }
    return false;
}

/* VALUE ["LABEL"]    VALUE = count | money | percentage | "?" | "~" N
 *                          | about N | over N | nearly N
 * (spec §5.1), of the figure's type (§14.3); no VALUE when a breakdown
 * follows. `figure` is the name a type error gives. The label is for
 * the reader of the file: checked, not kept. */
static bool parse_quantity(Builder *b, const Item *it, const char *figure, ValueType type, Quantity *q)
{
    Atom *a = it->args;
    memset(q, 0, sizeof *q);
    if (!a) {
        if (it->blocks)
            return true;                /* "opinions { ... }": the total is derived */
        diag_error(b->m->diag, b->src, item_name_span(it), "'%s' needs a value", it->name->text);
        return false;
    }
    Atom *value = a;
    if (a->kind == ATOM_NAME) {
        Keyword k = keyword(b->m, a->as.name);
        Atom *n = a->next;
        if ((k == KW_ABOUT || k == KW_OVER || k == KW_NEARLY) && n &&
            (n->kind == ATOM_COUNT || n->kind == ATOM_MONEY)) {
            q->approx = (uint8_t)(k == KW_ABOUT ? APPROX_ABOUT : k == KW_OVER ? APPROX_OVER : APPROX_NEARLY);
            value = n;
        } else {
            if (source_lines_apart(b->src, item_name_span(it).end, a->span.start))
                diag_error(b->m->diag, b->src, item_name_span(it),
                           "'%s' has no value: write '%s N', or '%s ?' when the report does not give it",
                           it->name->text, it->name->text, it->name->text);
            else
                diag_error(b->m->diag, b->src, a->span, "'%s' is a figure and needs a number, not the name '%s'",
                           it->name->text, a->as.name->text);
            return false;
        }
    }
    switch (value->kind) {
    case ATOM_UNKNOWN:
        break;
    case ATOM_COUNT: case ATOM_MONEY: case ATOM_APPROX: case ATOM_PERCENT:
        if (!fits(type, value->kind)) {
            diag_error(b->m->diag, b->src, value->span, "'%s' is a %s figure: write %s, not %s %s",
                       figure, vocab_type_name(type), type_example(type),
                       value->kind == ATOM_APPROX || value->kind == ATOM_MONEY ? "an" : "a",
                       ast_atom_kind_name(value->kind));
            return false;
        }
        q->known = true;
        q->money = value->kind == ATOM_MONEY;
        if (value->kind == ATOM_APPROX)
            q->approx = APPROX_ABOUT;
        if (value->kind == ATOM_PERCENT) {
            q->percent = true;
            q->value = value->as.mantissa;
            q->decimals = (uint8_t)value->aux;
        } else {
            q->value = value->as.count;
        }
        break;
    default:
        diag_error(b->m->diag, b->src, value->span,
                   "'%s' is a figure and needs a number (or '?' when unknown), not a %s",
                   it->name->text, ast_atom_kind_name(value->kind));
        return false;
    }
    Atom *rest = value->next;
    if (rest && rest->kind == ATOM_STRING)
        rest = rest->next;
    if (rest) {
        diag_error(b->m->diag, b->src, rest->span,
                   "unexpected %s after the value of '%s': a figure is NAME VALUE [\"LABEL\"]",
                   ast_atom_kind_name(rest->kind), it->name->text);
        return false;
    }
    return true;
}

/* "level, year, status or topic": the dimensions a figure's cell leaves free. */
static const char *free_dims(Arena *a, const FigureDecl *d, const Part *const cell[])
{
    const char *out = "";
    uint32_t n = 0, total = 0;
    for (uint32_t i = 0; i < d->ndims; i++)
        total += !cell[i];
    for (uint32_t i = 0; i < d->ndims && out; i++)
        if (!cell[i]) {
            n++;
            out = arena_printf(a, "%s%s%s", out, n == 1 ? "" : n == total ? _(" or ") : ", ", d->dims[i]->name->text);
        }
    return out ? out : "";
}

/* The cells of a whole figure: no part of any dimension. */
static const Part *const no_parts[VOCAB_MAX_DIMS];

/* f's part of each dimension of its figure (NULL where it has none). */
static const Part *const *cells_of(const Model *m, const Figure *f)
{
    const Cell *cell = f->part ? symmap_get_id(&m->cells_of_paths, f->path_id) : NULL;
    return cell ? cell->parts : no_parts;
}

/* The part `name` of one of the dimensions the cell leaves free (spec
 * §14.2), in breakdown bd of `whole` whose parts so far are of dimension
 * `dim` (breakdown_dim(); NULL: none yet), or NULL with a message saying
 * why it is none. */
static const Part *breakdown_part(Builder *b, const Figure *whole, const Item *it, const Breakdown *bd,
                                  const Dimension *dim)
{
    Model *m = b->m;
    const FigureDecl *d = model_figure_decl(m, whole);
    if (!d->ndims) {
        diag_error(m->diag, b->src, item_name_span(it),
                   "'%s' is not broken down by anything in the vocabulary: declare a dimension for it, "
                   "as figure %s { by DIMENSION }", d->name->text, d->name->text);
        return NULL;
    }
    for (uint32_t i = 0; i < d->ndims; i++) {
        const Part *p = vocab_part(m->vocab, d->dims[i], it->name);
        if (!p)
            continue;
        if (cells_of(m, whole)[i]) {
            diag_error(m->diag, b->src, item_name_span(it),
                       "'%s' belongs to %s, like '%s' it is part of: a part is not broken down by its own "
                       "dimension", it->name->text, d->dims[i]->name->text, cells_of(m, whole)[i]->name->text);
            return NULL;
        }
        if (dim && dim != d->dims[i]) {
            diag_error(m->diag, b->src, item_name_span(it),
                       "'%s' belongs to %s, but '%s' before it to %s: the parts of one breakdown belong to "
                       "one dimension", it->name->text, d->dims[i]->name->text, figure_leaf(m, bd->parts)->text,
                       dim->name->text);
            return NULL;
        }
        return p;
    }
    Suggest s;
    suggest_init(&s, it->name->text);
    for (uint32_t i = 0; i < d->ndims; i++)
        if (!cells_of(m, whole)[i] && (!dim || dim == d->dims[i]))
            for (uint32_t j = 0; j < d->dims[i]->nparts; j++)
                suggest_offer(&s, d->dims[i]->words[j]->text, d->dims[i]->words[j]->len);
    const char *near = suggest_best(&s);
    if (near)
        diag_error(m->diag, b->src, item_name_span(it), "'%s' is not a part of '%s'; did you mean '%s'?",
                   it->name->text, figure_path(m->syms, whole)->text, near);
    else
        diag_error(m->diag, b->src, item_name_span(it), "'%s' is not a part of '%s', which is broken down by %s",
                   it->name->text, figure_path(m->syms, whole)->text, free_dims(m->arena, d, cells_of(m, whole)));
    return NULL;
}

_Static_assert(VOCAB_MAX_DIMS <= 8, "a part's axis fits Figure.axis");

/* Where the address of the figure after `last` is, or would be. */
static char *link_of(Figure *last)
{
    return (char *)last + figure_bytes(last);
}

/* A figure of declared value q as the model makes it: a whole, or a part
 * of its figure's dimension `axis` when `part`; with what follows it
 * (model.h): its FigureMore when it is written with a block, its value in
 * 64 bits when it needs them, and room for the address of the next. Its
 * flags `part`, `more` and `wide` say which. It goes on its list after
 * `last` (NULL: it is the first, which the caller keeps): where last's
 * room for that address ends at the arena's cursor, in the room itself,
 * and last is no longer `linked`. NULL when out of memory. */
static Figure *new_figure(Model *m, Quantity q, Span name, bool part, int axis, bool more, Figure *last)
{
    bool wide = q.value < INT32_MIN || q.value > INT32_MAX;
    size_t size = sizeof(Figure) + (more ? sizeof(FigureMore) : 0) + (wide ? sizeof(int64_t) : 0);
    _Static_assert(_Alignof(Figure) <= ARENA_SMALL_ALIGN, "a figure takes a multiple of 8 bytes");
    char *at = last ? arena_alloc_over(m->arena, link_of(last), sizeof(Figure *), size + sizeof(Figure *)) : NULL;
    bool after = at != NULL;
    if (!at && !(at = arena_alloc_small(m->arena, size + sizeof(Figure *))))
        return NULL;
    Figure *f = (Figure *)(void *)at;
    /* whole: its bits made in one word, not set one by one in memory */
    uint32_t len = name.end - name.start;
    *f = (Figure){ .value = wide ? 0 : (int32_t)q.value, .start = name.start,
                   .name_len = (len < FIGURE_NAME_MAX ? len : FIGURE_NAME_MAX) & FIGURE_NAME_MAX,
                   .decimals = q.decimals, .approx = q.approx & 3u, .known = q.known, .money = q.money,
                   .percent = q.percent, .part = part, .axis = (unsigned)axis & 7u, .more = more, .wide = wide,
                   .linked = true };
    if (more)
        memset(at + sizeof(Figure), 0, sizeof(FigureMore));
    if (wide)
        memcpy(at + sizeof(Figure) + (more ? sizeof(FigureMore) : 0), &q.value, sizeof q.value);
    Figure *none = NULL;
    memcpy(link_of(f), &none, sizeof none);     /* the last of its list */
    if (after)
        last->linked = false;       /* f follows it */
    else if (last)
        memcpy(link_of(last), &f, sizeof f);
    return f;
}

/* previous VALUE ["LABEL"] | change DIFFERENCE|PERCENTAGE ["LABEL"]
 * (spec §5.5): the figure a period before, and the change the report
 * prints ("cùng kỳ 1.012, giảm 146", "tăng 9,3 %", "giảm 0,4 %"). */
static void figure_attr(Builder *b, Figure *f, const FigureDecl *decl, Keyword k, const Item *it)
{
    Model *m = b->m;
    if (!no_blocks(b, it, it->name->text))
        return;
    Quantity q;
    ValueType type = decl->type;
    /* a change of a count or an amount may also be a percentage */
    if (k == KW_CHANGE && it->args && it->args->kind == ATOM_PERCENT)
        type = TYPE_PERCENTAGE;
    if (!parse_quantity(b, it, figure_path(m->syms, f)->text, type, &q))
        return;
    if (!q.known || q.approx) {
        diag_error(m->diag, b->src, it->args ? it->args->span : item_name_span(it),
                   "write the %s the report prints, exactly", it->name->text);
        return;
    }
    FigureChange *change = f->changed ? ptrmap_get(&m->changes, f, 0) : NULL;
    if (!change) {
        change = ARENA_NEW(m->arena, FigureChange);
        if (!change || !ptrmap_put(&m->changes, m->arena, f, 0, change)) {
            oom(b);
            return;
        }
        f->changed = true;
    }
    Quantity *slot = k == KW_PREVIOUS ? &change->previous : &change->change;
    if (slot->known) {
        diag_error(m->diag, b->src, item_name_span(it), "'%s' of '%s' is given twice", it->name->text,
                   figure_path(m->syms, f)->text);
        return;
    }
    *slot = q;
    if (k == KW_CHANGE)
        change->change_span = it->args->span;
}

/* The parts of breakdowns met last, direct-mapped (as CellsMemo below):
 * the part NAME in a breakdown of the figure at path WHOLE is the same part,
 * at the same cell, wherever it is written, and a country's tables write a
 * few dozen such pairs a million times. A pair found here skips
 * breakdown_part() and figure_cell(): finding the part in each dimension
 * of the figure, writing out and interning the cell's text. Both keys are
 * symbols of the run's table, which last as long as the model; a
 * collision costs only the slower way. Filled only when both succeeded,
 * so what is found here is what they would give. */
enum { PART_MEMO_BITS = 8 };
struct PartMemo {
    const Symbol *whole;    /* the whole's path; NULL: empty */
    const Symbol *name;     /* the part's name, as written */
    const Part *part;       /* what breakdown_part() gave */
    const Dimension *dim;   /* the figure's dimension it was found in, */
    int axis;               /* the dim'th of the figure's (vocab_figure_dim()) */
    Symbol *path;           /* what figure_cell() gave the part */
};

static struct PartMemo *part_memo(Model *m, const Symbol *whole, const Symbol *name)
{
    if (!m->part_memo && !(m->part_memo = ARENA_ARRAY(m->arena, struct PartMemo, 1u << PART_MEMO_BITS)))
        return NULL;
    uint64_t h = ((uint64_t)whole->id * 0x9E3779B97F4A7C15ull ^ name->id) * 0x9E3779B97F4A7C15ull;
    return &m->part_memo[h >> (64 - PART_MEMO_BITS)];
}

/* The path of a figure of decl that is `part` of `whole` (neither: the
 * whole), and for a part, its cell, which is its whole's and `part`'s:
 * the cell is kept once per path (m->cells_of_paths, read by cells_of()).
 * NULL when out of memory. */
static Symbol *figure_cell(Model *m, const FigureDecl *decl, const Figure *whole, const Part *part)
{
    const Part *cell[VOCAB_MAX_DIMS] = { 0 };
    uint32_t ndims = decl->ndims;
    if (whole)
        memcpy(cell, cells_of(m, whole), ndims * sizeof *cell);
    if (part)
        cell[vocab_figure_dim(decl, part->dim)] = part;
    Symbol *path = vocab_cell(m->vocab, decl, cell);
    if (!path || (!whole && !part))
        return path;
    if (!symmap_get(&m->cells_of_paths, path)) {
        Cell *shared = arena_zalloc(m->arena, sizeof *shared + ndims * sizeof *cell);
        if (!shared || !symmap_put(&m->cells_of_paths, m->arena, path, shared))
            return NULL;
        shared->decl = decl;
        memcpy(shared->parts, cell, ndims * sizeof *cell);
    }
    return path;
}

/* f, a figure of unit `node`, is declared in b's file, not the unit's:
 * noted, for model_figure_src(). False when out of memory (said). */
static bool elsewhere(Builder *b, Node *node, Figure *f)
{
    if (node->kind->session)
        return true;                /* never: a session's figures are in its block, in its file */
    NodeMore *more = more_of_unit(b, node);
    if (!more)
        return false;
    if (!more->figure_files && !(more->figure_files = ARENA_NEW(b->m->arena, PtrMap))) {
        oom(b);
        return false;
    }
    if (!ptrmap_put(more->figure_files, b->m->arena, f, 0, b->src)) {
        oom(b);
        return false;
    }
    f->elsewhere = true;
    return true;
}

/* figure    = NAME VALUE ["LABEL"] { breakdown }
 *           | NAME { breakdown } ;                         (spec §5.1)
 * breakdown = "{" { figure } [ "..." ] "}" ;               (spec §5.2)
 * NAME is a figure of the vocabulary (§14.3); a part's NAME, a part of one
 * of its dimensions (§14.2). A whole goes on the unit's figures; a part
 * (`whole` given, and its part, of the figure's dimension `axis`) on the
 * parts of `into`, its breakdown, after *last_part (NULL: the first),
 * which it becomes. */
static Figure *add_figure(Builder *b, Node *node, Figure *whole, const Part *part, int axis, Symbol *path,
                          const FigureDecl *decl, const Item *it, Breakdown *into, Figure **last_part)
{
    Model *m = b->m;
    if (it->binding) {
        diag_error(m->diag, b->src, item_name_span(it),
                   "'%s' is a figure: '%c' belongs to indicators and rules", it->name->text, it->binding);
        return NULL;
    }
    Quantity q;
    if (!parse_quantity(b, it, it->name->text, decl->type, &q))
        return NULL;
    /* path given: a part found in the memo, whose cell is made */
    if (!path && !(path = figure_cell(m, decl, whole, part))) {
        oom(b);
        return NULL;
    }
    Figure *prev = model_figure(node, path);
    if (prev) {
        diag_error(m->diag, b->src, item_name_span(it), "'%s' is declared twice in %s", path->text,
                   model_subject(m->arena, node));
        diag_note(m->diag, model_figure_src(node, prev), figure_span(prev), "first declared here");
        return NULL;
    }
    /* On its list at once, before its own parts are read, so that a
     * search without an index finds it from there on. A whole after the
     * end of the unit's list: the figure added last, when it was this
     * unit's (a unit's figures come one after the other); else kept by
     * the index, or found among the few figures (MODEL_FIGURES_SCANNED at
     * most) of a unit without one. Any figure of the list will do to
     * start from: figures are only ever added at its end. */
    FigureIndex *x = whole ? NULL : node_figure_index(node);
    Figure *last = whole ? *last_part : b->figures_of == node ? b->figures_end : x ? x->last : node->figures;
    for (Figure *next; !whole && last && (next = figure_next(last));)
        last = next;
    Figure *f = new_figure(m, q, item_name_span(it), part != NULL, axis, it->blocks != NULL, last);
    if (!f) {
        oom(b);
        return NULL;
    }
    f->path_id = path->id;
    if (whole) {
        if (!last)
            into->parts = f;
        *last_part = f;
        into->nparts++;
    } else {
        if (!last)
            node->figures = f;
        if (x)
            x->last = f;
        b->figures_of = node;
        b->figures_end = f;
    }
    if (b->src != unit_src(b, node) && !elsewhere(b, node, f))
        return NULL;
    if (!index_new_figure(b, node, f)) {
        oom(b);
        return NULL;
    }
    Breakdown **tail = it->blocks ? &figure_more(f)->breakdowns : NULL;
    for (Block *blk = it->blocks; blk; blk = blk->next) {
        /* `previous` and `change` describe the figure, the rest are parts */
        uint32_t nparts = 0;
        for (Item *p = blk->items; p; p = p->next) {
            Keyword k = keyword(m, p->name);
            if (k == KW_PREVIOUS || k == KW_CHANGE)
                figure_attr(b, f, decl, k, p);
            else
                nparts++;
        }
        if (blk->items && !nparts) {
            /* TRANSLATORS: what "'...' marks a partial breakdown; it cannot end %s" is about */
            no_ellipsis(b, blk, _("a block without parts"));
            continue;
        }
        if (nparts && decl->type == TYPE_PERCENTAGE) {
            diag_error(m->diag, b->src, blk->span,
                       "'%s' is a percentage: percentages do not add up, so it has no breakdown", decl->name->text);
            continue;
        }
        Breakdown *bd = ARENA_NEW(m->arena, Breakdown);
        if (!bd) {
            oom(b);
            return f;
        }
        bd->partial = blk->partial;
        if (!blk->items) {
            diag_error(m->diag, b->src, blk->span,
                       "an empty breakdown: list the parts of '%s', or remove the braces", it->name->text);
            continue;
        }
        *tail = bd;                 /* before its parts: see add_figure's search */
        tail = &bd->next;
        Figure *its_last = NULL;     /* its last part so far */
        const Dimension *dim = NULL;
        for (Item *p = blk->items; p; p = p->next) {
            Keyword k = keyword(m, p->name);
            if (k == KW_PREVIOUS || k == KW_CHANGE)
                continue;
            struct PartMemo *memo = part_memo(m, path, p->name);
            if (!dim)
                dim = breakdown_dim(m, bd);             /* its first part's, once it has one */
            if (memo && memo->whole == path && memo->name == p->name && (!dim || dim == memo->dim)) {
                add_figure(b, node, f, memo->part, memo->axis, memo->path, decl, p, bd, &its_last);
                continue;
            }
            const Part *pp = breakdown_part(b, f, p, bd, dim);
            int part_axis = pp ? vocab_figure_dim(decl, pp->dim) : 0;   /* one of decl's: breakdown_part() */
            Figure *made = pp ? add_figure(b, node, f, pp, part_axis, NULL, decl, p, bd, &its_last) : NULL;
            if (memo && made)
                *memo = (struct PartMemo){ path, p->name, pp, decl->dims[part_axis], part_axis,
                                           figure_path(m->syms, made) };
        }
    }
    return f;
}

/* The vocabulary's figure for an item that names one, in a place it may
 * stand (spec §14.3); NULL with a message otherwise. */
static const FigureDecl *figure_decl(Builder *b, const Node *node, const Item *it)
{
    Model *m = b->m;
    const FigureDecl *d = vocab_figure(m->vocab, it->name);
    if (!d && diag_error_at(m->diag, b->src, item_name_span(it).start))
        return NULL;                    /* the scanner said what is wrong with it */
    if (!d) {
        Suggest s;
        suggest_init(&s, it->name->text);
        for (uint32_t i = 0; i < m->vocab->nfigures; i++)
            suggest_offer(&s, m->vocab->figures[i]->name->text, m->vocab->figures[i]->name->len);
        const char *near = suggest_best(&s);
        if (near)
            diag_error(m->diag, b->src, item_name_span(it), "unknown figure '%s'; did you mean '%s'?", it->name->text, near);
        else
            diag_error(m->diag, b->src, item_name_span(it),
                       "unknown figure '%s': declare it (figure %s \"TITLE\") or use a figure of the vocabulary",
                       it->name->text, it->name->text);
        return NULL;
    }
    if (!d->nplaces)
        return d;
    for (uint32_t i = 0; i < d->nplaces; i++)
        if (d->places[i] == node->kind)
            return d;
    const char *where = "";
    for (uint32_t i = 0; i < d->nplaces && where; i++)
        where = arena_printf(m->arena, "%s%s%s", where, i == 0 ? "" : i + 1 == d->nplaces ? _(" or ") : ", ",
                             d->places[i]->level == LEVEL_ROOT ? _("the report") : d->places[i]->name->text);
    diag_error(m->diag, b->src, item_name_span(it), "'%s' cannot stand in %s: it is given for %s", it->name->text,
               node->kind->level == LEVEL_ROOT ? _("the report") : model_subject(m->arena, node), where ? where : "");
    return NULL;
}

/* ---- the cells entries count into ------------------------------------------ */

/* "opinions (without a status)": entries of figure f lacking the attribute
 * `word`, whose parts are those of dimension d. No name can be this: it
 * has a space. */
static Symbol *missing_path(Builder *b, const FigureDecl *f, const Dimension *d, const char *word)
{
    Model *m = b->m;
    const Missing *x = ptrmap_get(&m->missing, f, (uintptr_t)d);
    if (x)
        return x->path;
    Missing *mm = ARENA_NEW(m->arena, Missing);
    const char *text = arena_printf(m->arena, "%s (without a %s)", f->name->text, word);
    if (!mm || !text || !(mm->path = symtab_intern_cstr(m->syms, text)) ||
        !ptrmap_put(&m->missing, m->arena, f, (uintptr_t)d, mm))
        return NULL;
    mm->word = word;
    return mm->path;
}

const Missing *model_missing(const Model *m, const FigureDecl *f, const Dimension *d)
{
    return ptrmap_get(&m->missing, f, (uintptr_t)d);
}

/* One attribute of an entry: its part of dimension `dim`, or NULL when the
 * entry does not give it; `word` names the attribute in messages. */
typedef struct Attr {
    const Dimension *dim;
    const Part *part;
    const char *word;
} Attr;

enum { MAX_ATTRS = 3 };

/* entry_cells() of the attributes met last, direct-mapped: the attributes
 * of entries repeat (a few hundred combinations in a national report), and
 * finding them here spares writing out and hashing the text of a cell for
 * every opinion. Keyed by addresses, not input: a collision costs only the
 * slower way. */
enum { CELLS_MEMO_BITS = 10 };
struct CellsMemo {
    const FigureDecl *figure;
    uint32_t n;
    const Dimension *dim[MAX_ATTRS];
    const Part *part[MAX_ATTRS];
    Cells *cells;           /* NULL: empty */
};

static struct CellsMemo *cells_memo(Model *m, const FigureDecl *f, const Attr *attrs, uint32_t n)
{
    if (!m->cells_memo && !(m->cells_memo = ARENA_ARRAY(m->arena, struct CellsMemo, 1u << CELLS_MEMO_BITS)))
        return NULL;
    uint64_t h = (uint64_t)(uintptr_t)f;
    for (uint32_t i = 0; i < n; i++)
        h = (h ^ (uint64_t)(uintptr_t)attrs[i].part) * 0x9E3779B97F4A7C15ull;
    h *= 0x9E3779B97F4A7C15ull;
    return &m->cells_memo[h >> (64 - CELLS_MEMO_BITS)];
}

static bool memo_holds(const struct CellsMemo *memo, const FigureDecl *f, const Attr *attrs, uint32_t n)
{
    if (!memo->cells || memo->figure != f || memo->n != n)
        return false;
    for (uint32_t i = 0; i < n; i++)
        if (memo->dim[i] != attrs[i].dim || memo->part[i] != attrs[i].part)
            return false;
    return true;
}

static Cells *make_cells(Builder *b, const FigureDecl *f, const Attr *attrs, uint32_t n);

/* The cells an entry of figure f with these attributes counts 1 into
 * (spec §5.3): the cell fixed by every subset of the parts it gives, and
 * for each attribute it lacks, the count of entries without it. An
 * attribute whose dimension f lacks adds nothing. Shared by entries alike. */
static Cells *entry_cells(Builder *b, const FigureDecl *f, const Attr *attrs, uint32_t n)
{
    struct CellsMemo *memo = cells_memo(b->m, f, attrs, n);
    if (memo && memo_holds(memo, f, attrs, n))
        return memo->cells;
    Cells *c = make_cells(b, f, attrs, n);
    if (memo && c) {
        *memo = (struct CellsMemo){ .figure = f, .n = n, .cells = c };
        for (uint32_t i = 0; i < n; i++) {
            memo->dim[i] = attrs[i].dim;
            memo->part[i] = attrs[i].part;
        }
    }
    return c;
}

static Cells *make_cells(Builder *b, const FigureDecl *f, const Attr *attrs, uint32_t n)
{
    Model *m = b->m;
    const Part *full[VOCAB_MAX_DIMS] = { 0 };
    int at[MAX_ATTRS];
    uint32_t given = 0, mask = 0;
    for (uint32_t i = 0; i < n; i++) {
        at[i] = attrs[i].dim ? vocab_figure_dim(f, attrs[i].dim) : -1;
        if (at[i] < 0)
            continue;
        if (attrs[i].part) {
            full[at[i]] = attrs[i].part;
            given++;
        } else {
            mask |= 1u << i;
        }
    }
    Symbol *key = vocab_cell(m->vocab, f, full);
    if (!key)
        return NULL;
    Cells *c = ptrmap_get(&m->cells, key, mask);
    if (c)
        return c;
    c = ARENA_NEW(m->arena, Cells);
    if (!c)
        return NULL;
    c->figure = f;
    c->cells = ARENA_ARRAY(m->arena, Symbol *, 1u << given);
    c->missing = ARENA_ARRAY(m->arena, Symbol *, n);
    if (!c->cells || !c->missing)
        return NULL;
    /* every subset of the given parts, the whole (no part) first */
    for (uint32_t subset = 0; subset < (1u << given); subset++) {
        const Part *cell[VOCAB_MAX_DIMS] = { 0 };
        uint32_t bit = 0;
        for (uint32_t i = 0; i < n; i++)
            if (at[i] >= 0 && attrs[i].part && (subset >> bit++ & 1u))
                cell[at[i]] = attrs[i].part;
        if (!(c->cells[c->ncells++] = vocab_cell(m->vocab, f, cell)))
            return NULL;
    }
    for (uint32_t i = 0; i < n; i++)
        if (mask >> i & 1u)
            if (!(c->missing[c->nmissing++] = missing_path(b, f, attrs[i].dim, attrs[i].word)))
                return NULL;
    return ptrmap_put(&m->cells, m->arena, key, mask, c) ? c : NULL;
}

/* s's SessionAttrs are x: in its SessionMore when it has one. */
static void set_session_attrs(Session *s, const SessionAttrs *x)
{
    if (s->has_more)
        s->more->attrs = x;
    else
        s->attrs = x;
}

/* What a session shares with every other of its kind of session, kind,
 * scope and being held or not (SessionAttrs), once its block is read:
 * those, and what it counts into, its kind's count of held sessions, or
 * of sessions not held, by its kind and scope as far as the figure is
 * broken down by them. Kept by the cells, or by the kind of session when
 * it counts nothing, and the scope with, in its lowest bit, whether the
 * session was not held (a Part is aligned); the cells do not say the
 * kind or the scope when the figure is not broken down by it
 * (dialogues_not_held is not by scope), so one found with another kind
 * is not taken, and the session gets its own. */
static void session_attrs(Builder *b, Node *n)
{
    Model *m = b->m;
    const Kind *k = n->kind;
    Session *s = n->session;
    const FigureDecl *f = s->not_held ? k->not_held : k->count;
    const Cells *cells = NULL;
    if (f) {
        Attr attrs[] = { { k->kinds, b->session_kind, "kind" }, { k->scopes, b->session_scope, "scope" } };
        if (!(cells = entry_cells(b, f, attrs, 2))) {
            oom(b);
            return;
        }
    }
    const void *key = cells ? (const void *)cells : (const void *)k;
    uintptr_t tag = (uintptr_t)b->session_scope | (uintptr_t)s->not_held;
    SessionAttrs *x = ptrmap_get(&m->session_attrs, key, tag);
    if (x && x->kind == b->session_kind) {
        set_session_attrs(s, x);
        return;
    }
    bool shared = !x;               /* else another kind has the place: this one is the session's own */
    if (!(x = ARENA_NEW(m->arena, SessionAttrs)) || (shared && !ptrmap_put(&m->session_attrs, m->arena, key, tag, x))) {
        oom(b);
        return;
    }
    *x = (SessionAttrs){ b->session_kind, b->session_scope, cells };
    set_session_attrs(s, x);
}

/* A unit's NodeMore, made when first needed; NULL when out of memory
 * (said). */
static NodeMore *more_of_unit(Builder *b, Node *n)
{
    if (!n->more && !(n->more = ARENA_NEW(b->m->arena, NodeMore)))
        oom(b);
    return n->more;
}

/* ---- units, sessions, entries -------------------------------------------- */

/* Nodes are made in blocks, one after the other in the order they are
 * declared: the walks over the tree (derive, checks, evaluation), which
 * go in that order, read them in turn, not each on a line of its own
 * among its unit's figures. A block is small enough (12 KiB) to be one of
 * the arena's small blocks, in its chunks of 2 MiB mapped at once: a
 * larger one was malloc's, from a heap whose pages the system faults in
 * one at a time, and a national report's faults went from 25,700 to
 * 3,600 when this and derive's blocks came under ARENA_LARGE. */
enum { NODE_BLOCK = 192 };
_Static_assert(NODE_BLOCK * sizeof(Node) <= ARENA_LARGE, "a block of nodes is a small block of the arena");
_Static_assert(sizeof(Node) <= 64, "a node is 64 bytes: a national report has a million");
_Static_assert(sizeof(Session) <= 24, "a session is 24 bytes: a national report has hundreds of thousands");

static Node *node_alloc(Model *m)
{
    if (!m->node_block_left) {
        if (!(m->node_block = ARENA_ARRAY(m->arena, Node, NODE_BLOCK)) ||
            !arena_push(m->arena, (void ***)&m->node_blocks, &m->nnode_blocks, &m->cap_node_blocks, m->node_block,
                        16))
            return NULL;
        m->node_block_left = NODE_BLOCK;
    }
    m->node_block_left--;
    return m->node_block++;
}

/* n is made at `at`: a keyword, or a string of PARSE_MAX_STRING bytes at
 * most. */
static void set_node_span(Node *n, Span at)
{
    n->start = at.start;
    n->span_len = (at.end - at.start) & ((1u << NODE_SPAN_BITS) - 1);
}

/* A new unit, or a session with its Session s, made at `at` in b's file. */
static Node *new_node(Builder *b, Node *parent, const Kind *kind, Symbol *name, Span at, Session *s)
{
    Node *n = node_alloc(b->m);
    if (!n) {
        oom(b);
        return NULL;
    }
    n->kind = kind;
    n->name = name;
    if (kind->session)
        n->session = s;
    set_node_span(n, at);
    n->declared = true;
    n->parent = parent;
    n->id = b->m->nnodes++;
    if (parent && b->src != unit_src(b, parent)) {
        /* the first unit of its file under this parent keeps the file */
        Source **own = kind->session ? (more_of_session(b, s) ? &s->more->src : NULL)
                                     : (more_of_unit(b, n) ? &n->more->src : NULL);
        if (!own)
            return NULL;
        *own = b->src;
        n->own_src = true;
    }
    if (parent) {
        /* a unit: a session holds no units nor sessions (add_item) */
        NodeMore *pm = more_of_unit(b, parent);
        if (!pm)
            return NULL;
        if (pm->last_child)
            pm->last_child->next_sibling = n;
        else
            pm->first_child = n;
        pm->last_child = n;
    }
    return n;
}

/* A file declares n, at `at` in b's source: its last declaration. Kept
 * apart only when it is not where n was made (another file's, or after
 * the parent's `lists`). */
static bool declare(Builder *b, Node *n, Span at)
{
    if (b->src == unit_src(b, n) && at.start == n->start && at.end == node_span(n).end) {
        if (n->more)
            n->more->last_src = NULL;
    } else {
        NodeMore *x = more_of_unit(b, n);
        if (!x)
            return false;
        x->last_src = b->src;
        x->last_span = at;
    }
    n->declared = true;
    return true;
}

/* ---- units by name ------------------------------------------------------------------ */

/* A unit is its kind and name under its parent (spec §4.2): m->children
 * finds it so, m->units by kind and name alone (the one made last; those
 * before by Node.namesake). Two tables for the whole model, over the
 * nodes themselves: 5 bytes a slot, where a map of (key, tag, value) in
 * each parent took 24 and grew by doubling in every commune. */

/* The key's hash: ids the run gave, in the order the input names things,
 * mixed with the run's key. parent is NULL for m->units. */
static uint32_t unit_hash(uint64_t seed, const Node *parent, const Symbol *name, const Kind *kind)
{
    return hash_mix((((uint64_t)(parent ? parent->id : 0) << 32 | name->id) ^ seed) +
                    (uint64_t)kind->id * 0x9E3779B97F4A7C15ull);
}

static uint8_t unit_tag(uint32_t h) { return (uint8_t)(0x80u | h >> 25); }

static bool unit_is(const Node *n, const Node *parent, const Symbol *name, const Kind *kind)
{
    return n->name == name && n->kind == kind && (!parent || n->parent == parent);
}

/* The node a slot holds the id of. */
static Node *unitset_node(const UnitSet *s, uint32_t id)
{
    return &(*s->nodes)[id / NODE_BLOCK][id % NODE_BLOCK];
}

static Node *unitset_get(const UnitSet *s, const Node *parent, const Symbol *name, const Kind *kind)
{
    if (!s->cap)
        return NULL;
    uint32_t h = unit_hash(s->seed, parent, name, kind);
    uint8_t tag = unit_tag(h);
    for (uint32_t i = h & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
        if (!s->tags[i])
            return NULL;            /* under 3/4 full: a slot is empty */
        if (s->tags[i] == tag && unit_is(unitset_node(s, s->slots[i]), parent, name, kind))
            return unitset_node(s, s->slots[i]);
    }
}

/* Put n in its place, over the unit of its key if there is one; false
 * when the place is more than `limit` slots away. */
static bool unitset_place(UnitSet *s, Node *n, uint32_t limit)
{
    const Node *parent = s->by_parent ? n->parent : NULL;
    uint32_t h = unit_hash(s->seed, parent, n->name, n->kind);
    uint8_t tag = unit_tag(h);
    for (uint32_t i = h & (s->cap - 1), probes = 0; probes <= limit; i = (i + 1) & (s->cap - 1), probes++) {
        if (!s->tags[i]) {
            s->tags[i] = tag;
            s->slots[i] = n->id;
            s->count++;
            return true;
        }
        if (s->tags[i] == tag && unit_is(unitset_node(s, s->slots[i]), parent, n->name, n->kind)) {
            s->slots[i] = n->id;
            return true;
        }
    }
    return false;
}

/* Double the table (or make its first slots); false when out of memory,
 * the table as it was. */
static bool unitset_grow(UnitSet *s, Arena *a)
{
    uint32_t ncap = s->cap ? s->cap * 2 : 64;
    if (ncap > (UINT32_MAX >> 1))
        return false;
    uint32_t *slots = ARENA_ARRAY(a, uint32_t, ncap);
    uint8_t *tags = slots ? ARENA_ARRAY(a, uint8_t, ncap) : NULL;
    if (!tags) {
        arena_release(a, slots, (size_t)ncap * sizeof *slots);
        return false;
    }
    uint32_t *old = s->slots;
    uint8_t *old_tags = s->tags;
    uint32_t old_cap = s->cap;
    *s = (UnitSet){ slots, tags, ncap, 0, s->seed, s->by_parent, s->nodes };
    for (uint32_t i = 0; i < old_cap; i++)
        if (old_tags[i])
            unitset_place(s, unitset_node(s, old[i]), ncap);    /* under 3/4 full: a slot is free */
    arena_release(a, old, (size_t)old_cap * sizeof *old);
    arena_release(a, old_tags, old_cap);
    return true;
}

/* Enough probes for any table with a keyed hash; a longer one grows it
 * whatever its load. */
enum { UNIT_PROBE_LIMIT = 64 };

static bool unitset_put(UnitSet *s, Arena *a, Node *n)
{
    if (!s->cap)
        s->seed = a->key.k0 ^ a->key.k1;
    if ((s->count + 1) * 4 > s->cap * 3 && !unitset_grow(s, a))
        return false;
    while (!unitset_place(s, n, UNIT_PROBE_LIMIT))
        if (!unitset_grow(s, a))
            return false;
    return true;
}

/* n in m->units, over the one of its kind and name made before, which
 * becomes its namesake; false when out of memory. */
static bool index_unit(Model *m, Node *n)
{
    Node *namesake = unitset_get(&m->units, NULL, n->name, n->kind);
    if (namesake) {
        if (!n->more && !(n->more = ARENA_NEW(m->arena, NodeMore)))
            return false;
        n->more->namesake = namesake;
    }
    return unitset_put(&m->units, m->arena, n);
}

/* m->units, made the first time a unit is looked for by its kind and name
 * alone, from every unit so far in the order they were made; child_unit()
 * keeps it from then on. A run without `within` files never makes it.
 * False when out of memory (the arena remembers). */
static bool index_units(Model *m)
{
    if (m->units_indexed)
        return true;
    m->units_indexed = true;
    for (uint32_t id = 0; id < m->nnodes; id++) {
        Node *n = &m->node_blocks[id / NODE_BLOCK][id % NODE_BLOCK];
        if (n->parent && !n->kind->session && !index_unit(m, n))
            return false;
    }
    return true;
}

/* The child unit of this kind and name, made when it is new. Names are
 * compared and kept in Unicode NFC (spec §4.2): "Quài Nưa" typed composed
 * or decomposed is one commune. */
static Node *child_unit(Builder *b, Node *parent, const Kind *kind, Str name, Span at)
{
    Model *m = b->m;
    size_t len;
    const char *nfc = unicode_nfc(m->arena, name.ptr, name.len, &len);
    Symbol *sym = nfc ? symtab_intern(m->syms, nfc, len) : NULL;
    if (!sym) {
        oom(b);
        return NULL;
    }
    Node *n = unitset_get(&m->children, parent, sym, kind);
    if (n)
        return n;
    n = new_node(b, parent, kind, sym, at, NULL);
    if (!n || !unitset_put(&m->children, m->arena, n)) {
        oom(b);
        return NULL;
    }
    n->declared = false;            /* not declared yet, only made */
    if (m->units_indexed && !index_unit(m, n)) {
        oom(b);
        return NULL;
    }
    if (b->waiting)
        unit_made(b->waiting, sym, kind);
    parent->more->nunits++;         /* made with n: new_node() */
    return n;
}

/* Where a unit lists its children (m->lists). */
struct Where {
    Source *src;
    Span span;
};

Source *model_lists_at(const Model *m, const Node *n, Span *span)
{
    const struct Where *w = ptrmap_get(&m->lists, n, 0);
    if (!w)
        return NULL;
    *span = w->span;
    return w->src;
}

/* lists = lists KIND "NAME" { "NAME" } ;                      (spec §4.2)
 * The unit's children: every child unit must be one of those listed. */
static void add_lists(Builder *b, Node *node, const Item *it)
{
    Model *m = b->m;
    if (!no_blocks(b, it, "lists"))
        return;
    if (!it->args || it->args->kind != ATOM_NAME || !it->args->next) {
        diag_error(m->diag, b->src, it->args ? it->args->span : item_name_span(it),
                   "write lists KIND \"NAME\" \"NAME\" ...: the kind, then every unit's name");
        return;
    }
    const Kind *kind = vocab_kind(m->vocab, it->args->as.name);
    if (!kind || kind->session || kind->level <= node->kind->level) {
        diag_error(m->diag, b->src, it->args->span, kind && !kind->session
                   ? "a %s cannot be inside %s" : "'%s' is not a kind of unit%s",
                   it->args->as.name->text, kind && !kind->session ? context_name(m->arena, node)
                   : kind ? ": sessions are not listed" : "");
        return;
    }
    if (!ptrmap_get(&m->lists, node, 0)) {
        struct Where *w = ARENA_NEW(m->arena, struct Where);
        if (!w || !ptrmap_put(&m->lists, m->arena, node, 0, w)) {
            oom(b);
            return;
        }
        *w = (struct Where){ b->src, item_name_span(it) };
    }
    for (const Atom *a = it->args->next; a; a = a->next) {
        if (a->kind != ATOM_STRING) {
            diag_error(m->diag, b->src, a->span, "unexpected %s in 'lists': write lists KIND \"NAME\" \"NAME\" ...",
                       ast_atom_kind_name(a->kind));
            continue;
        }
        Node *n = child_unit(b, node, kind, atom_str(a), a->span);
        if (!n)
            return;
        if (n->listed) {
            diag_error(m->diag, b->src, a->span, "%s is listed twice", model_subject(m->arena, n));
            continue;
        }
        n->listed = true;
        if (!n->declared)
            set_node_span(n, a->span);  /* a unit no file declares is pointed at in the list */
    }
}

/* unit = KIND "NAME" { "{" { item } "}" } ;
 * KIND = a unit kind of the vocabulary: province, district, commune, ward,
 *        township, village, ...                            (spec §4.2) */
/* Is `it` a unit of this kind written well under parent: the checks of
 * unit_node() but the one for a unit given twice, and no message? */
static bool unit_written_well(const Node *parent, const Kind *kind, const Item *it)
{
    return kind->level > parent->kind->level && !it->binding && it->args && it->args->kind == ATOM_STRING &&
           !it->args->next;
}

/* The unit `it` gives under parent, made or found; NULL when it is written
 * wrongly or given twice in the file (said). */
static Node *unit_node(Builder *b, Node *parent, const Kind *kind, const Item *it)
{
    Model *m = b->m;
    const char *kn = kind->name->text;
    if (kind->level <= parent->kind->level) {
        diag_error(m->diag, b->src, item_name_span(it), "a %s cannot be inside a %s", kn, parent->kind->name->text);
        return NULL;
    }
    if (it->binding) {
        diag_error(m->diag, b->src, it->expr->span, "a %s takes no '%c'", kn, it->binding);
        return NULL;
    }
    if (!it->args || it->args->kind != ATOM_STRING || it->args->next) {
        diag_error(m->diag, b->src, it->args ? args_span(it) : item_name_span(it),
                   "a %s needs its name in double quotes: %s \"NAME\" { ... }", kn, kn);
        return NULL;
    }
    Node *n = child_unit(b, parent, kind, atom_str(it->args), it->args->span);
    if (!n)
        return NULL;
    Source *last = node_last_src(n);
    if (last == b->src && node_last_span(n).start != it->args->span.start) {
        /* merging is for several files; one file gives a unit once */
        diag_error(m->diag, b->src, it->args->span,
                   "%s is declared twice in this file: give all its figures in one block",
                   model_subject(m->arena, n));
        diag_note(m->diag, last, node_last_span(n), "first declared here");
        return NULL;
    }
    return declare(b, n, it->args->span) ? n : NULL;
}

/* A block of a unit or session of this kind must not end in '...'. Said
 * before its items are read (or after, when they came one by one: the
 * message is the same, and messages are sorted); "a commune" is written
 * only for a block that does, not for every block. */
static void kind_block(Builder *b, const Kind *kind, const Block *blk)
{
    if (blk->partial)
        /* TRANSLATORS: a unit of this kind: "a commune" */
        no_ellipsis(b, blk, arena_printf(b->m->arena, _("a %s"), kind->name->text));
}

static void add_unit(Builder *b, Node *parent, const Kind *kind, const Item *it)
{
    Node *n = unit_node(b, parent, kind, it);
    if (!n)
        return;
    for (Block *blk = it->blocks; blk; blk = blk->next) {
        kind_block(b, n->kind, blk);
        add_items(b, n, CTX_UNIT, blk->items, blk->nitems);
    }
}

/* session = KIND [ DATE ] [ "TITLE" ] { "{" { item } "}" } ;
 * KIND = a session kind of the vocabulary: dialogue, reception,
 *        voter_contact, ...                                (spec §4.3) */
static void add_session(Builder *b, Node *parent, const Kind *kind, const Item *it)
{
    Model *m = b->m;
    if (it->binding) {
        diag_error(m->diag, b->src, it->expr->span, "a %s takes no '%c'", kind->name->text, it->binding);
        return;
    }
    if (!expect_args(b, it, "DS", N_("a session as KIND [DATE] [\"TITLE\"] { ... }")))
        return;
    Str title = string_arg(it, 0);
    Symbol *name = title.ptr ? symtab_intern(m->syms, title.ptr, title.len) : NULL;
    Session *s = ARENA_NEW(m->arena, Session);
    if (!s) {
        oom(b);
        return;
    }
    Node *n = new_node(b, parent, kind, name, item_name_span(it), s);
    if (!n)
        return;
    s->date = date_arg(it);
    b->session_kind = b->session_scope = NULL;
    for (Block *blk = it->blocks; blk; blk = blk->next) {
        kind_block(b, kind, blk);
        add_items(b, n, CTX_SESSION, blk->items, blk->nitems);
    }
    session_attrs(b, n);
}

/* kind NAME | scope NAME ["VILLAGES"] | chair "NAME" | place "PLACE"
 * | date DATE | conclusion ["NUMBER"] [DATE] | not_held "REASON"|?   (spec §4.3)
 * The words of kind and scope are the parts of the session kind's
 * dimensions (§14.1). */
static void session_attr(Builder *b, Node *n, Keyword k, const Item *it)
{
    if (!no_blocks(b, it, it->name->text))
        return;
    Session *d = n->session;        /* made with the session: add_session() */
    switch (k) {
    case KW_KIND:
        if (!n->kind->kinds)
            diag_error(b->m->diag, b->src, item_name_span(it), "a %s has no kinds in the vocabulary", n->kind->name->text);
        else if (expect_args(b, it, "n", N_("kind NAME")))
            b->session_kind = word_part(b, it, n->kind->kinds, N_("kind of session"));
        break;
    case KW_SCOPE:
        if (!n->kind->scopes)
            diag_error(b->m->diag, b->src, item_name_span(it), "a %s has no scope in the vocabulary", n->kind->name->text);
        else if (expect_args(b, it, "nS", N_("scope NAME [\"VILLAGES\"]")))
            b->session_scope = word_part(b, it, n->kind->scopes, N_("scope"));
        break;
    case KW_CHAIR:
        expect_args(b, it, "s", N_("chair \"NAME\""));
        break;
    case KW_PLACE:
        expect_args(b, it, "s", N_("place \"PLACE\""));
        break;
    case KW_DATE:
        if (expect_args(b, it, "d", N_("date DATE")))
            d->date = date_arg(it);
        break;
    case KW_CONCLUSION:
        if (expect_args(b, it, "SD", N_("conclusion [\"NUMBER\"] [DATE]"))) {
            d->has_conclusion = true;
            d->conclusion_date = date_arg(it);
        }
        break;
    case KW_NOTICE:
        if (expect_args(b, it, "SD", N_("notice [\"NUMBER\"] [DATE]"))) {
            d->has_notice = true;
            d->notice_date = date_arg(it);
        }
        break;
    case KW_NOT_HELD:
        if (it->args && it->args->kind == ATOM_UNKNOWN && !it->args->next) {
            d->not_held = true;
        } else if (expect_args(b, it, "s", N_("not_held \"REASON\" (or not_held ? when no reason is given)"))) {
            d->not_held = true;
            SessionMore *more = more_of_session(b, d);
            if (more)
                more->not_held_reason = kept_arg(b, it, 0);
        }
        break;
    default:
        break;
    }
}

/* topic NAME: a part of the topic dimension. A quoted topic is refused,
 * naming the part whose title it is when there is one. */
static const Part *topic_attr(Builder *b, const Item *a)
{
    Model *m = b->m;
    const Dimension *d = m->vocab->topic;
    if (a->args && a->args->kind == ATOM_STRING && !a->args->next) {
        Str text = atom_str(a->args);
        for (uint32_t i = 0; i < d->nparts; i++)
            if (d->parts[i]->title.len == text.len && memcmp(d->parts[i]->title.ptr, text.ptr, text.len) == 0) {
                diag_error(m->diag, b->src, a->args->span, "write the topic as a name: topic %s",
                           d->parts[i]->name->text);
                return NULL;
            }
        diag_error(m->diag, b->src, a->args->span, "write the topic as a name: %s",
                   word_list(m->arena, vocab_words(m->vocab, d)));
        return NULL;
    }
    return expect_args(b, a, "n", N_("topic NAME")) ? word_part(b, a, d, N_("topic")) : NULL;
}

/* The runs of node's opinions: a session's in its SessionMore, a unit's
 * in its NodeMore (either made here when first needed); NULL when out of
 * memory (said). */
static OpinionList *opinion_list(Builder *b, Node *node)
{
    if (node->kind->session) {
        SessionMore *more = more_of_session(b, node->session);
        return more ? &more->opinions : NULL;
    }
    NodeMore *more = more_of_unit(b, node);
    return more ? &more->opinions : NULL;
}

/* The documents node lists: a session's in its SessionMore, a unit's in
 * its NodeMore (either made here when first needed); NULL when out of
 * memory (said). */
static DocumentList *document_list(Builder *b, Node *node)
{
    if (node->kind->session) {
        SessionMore *more = more_of_session(b, node->session);
        return more ? &more->documents : NULL;
    }
    NodeMore *more = more_of_unit(b, node);
    return more ? &more->documents : NULL;
}

/* A free slot for an opinion in node's last run, zeroed, or in a new run
 * with room for every item left in the block (the opinions of a session
 * come last, and in a run of their own), or, for one alone in its list or
 * where the number is not known (the top level of a file), for twice as
 * many as the last run, up to 256: NULL when out of memory. The caller
 * takes it by counting it in (OpinionRun.n). */
static Opinion *opinion_slot(Builder *b, Node *node)
{
    OpinionList *list = opinion_list(b, node);
    if (!list)
        return NULL;
    OpinionRun *last = list->last;
    if (!last || last->n == last->cap) {
        uint32_t cap = b->left;             /* at most as many opinions as items left */
        if (cap <= 1)                       /* alone in its list, or not known: as the last run grew */
            cap = !last ? 1 : last->cap < 128 ? last->cap * 2 : 256;
        /* its slots not zeroed: each is cleared as it is taken (below) */
        OpinionRun *r = arena_alloc(b->m->arena, sizeof *r + (size_t)cap * sizeof r->at[0]);
        if (!r)
            return NULL;
        *r = (OpinionRun){ .cap = cap };
        if (last)
            last->next = r;
        else
            list->first = r;
        list->last = last = r;
    }
    Opinion *o = &last->at[last->n];
    memset(o, 0, sizeof *o);                /* a slot given up before may hold its half */
    return o;
}

/* The attributes an opinion of this topic and status shares with every
 * other (OpinionAttrs), made with their cells when first met, by their
 * number (Opinion.attrs); false when out of memory. Keyed by the status,
 * or by the model for none, and the topic. */
static bool opinion_attrs(Builder *b, const Part *topic, const Part *status, uint32_t *id)
{
    Model *m = b->m;
    const void *key = status ? (const void *)status : (const void *)m;
    OpinionAttrs *x = ptrmap_get(&m->opinion_attrs, key, (uintptr_t)topic);
    if (x) {
        *id = x->id;
        return true;
    }
    Attr attrs[] = { { m->vocab->status, status, "status" }, { m->vocab->topic, topic, "topic" } };
    Cells *cells = entry_cells(b, m->vocab->opinions, attrs, 2);
    if (cells && !cells->satisfied)             /* the same for every opinion of these cells */
        cells->satisfied = entry_cells(b, m->vocab->satisfied, attrs, 2);
    if (!cells || !cells->satisfied || m->nopinion_attrs > OPINION_ATTRS_MAX ||
        !(x = ARENA_NEW(m->arena, OpinionAttrs)))
        return false;
    *x = (OpinionAttrs){ topic, status, cells, m->nopinion_attrs };
    if (!arena_push(m->arena, (void ***)&m->opinion_attrs_by_id, &m->nopinion_attrs, &m->opinion_attrs_cap, x, 16) ||
        !ptrmap_put(&m->opinion_attrs, m->arena, key, (uintptr_t)topic, x))
        return false;
    *id = x->id;
    return true;
}

/* opinion = opinion "TEXT" [ "{" { topic NAME | status STATUS [DATE] ["NOTE"]
 *                                | satisfied yes|no | received DATE } "}" ] ;   (spec §4.4) */
static void add_opinion(Builder *b, Node *node, const Item *it)
{
    Model *m = b->m;
    if (!expect_args(b, it, "s", N_("opinion \"TEXT\" { topic ... status ... }")))
        return;
    if (it->binding) {
        diag_error(m->diag, b->src, item_name_span(it), "an opinion takes no '%c'", it->binding);
        return;
    }
    Opinion *o = opinion_slot(b, node);
    if (!o) {
        oom(b);
        return;
    }
    const Part *topic = NULL, *status = NULL;     /* satisfied: unknown (0) */
    for (Block *blk = it->blocks; blk; blk = blk->next) {
        no_ellipsis(b, blk, _("an opinion"));
        for (Item *a = blk->items; a; a = a->next) {
            Keyword k = keyword(m, a->name);
            if (!no_blocks(b, a, a->name->text))
                continue;
            switch (k) {
            case KW_TOPIC:
                topic = topic_attr(b, a);
                break;
            case KW_STATUS:
                if (expect_args(b, a, "nDS", N_("status STATUS [DATE] [\"NOTE\"]")))
                    status = word_part(b, a, m->vocab->status, N_("opinion status"));
                break;
            case KW_SATISFIED: {
                Symbol *v = expect_args(b, a, "n", N_("satisfied yes or satisfied no"))
                                ? word_attr(b, a, vocab_answers(m->vocab), N_("answer")) : NULL;
                if (v)
                    o->satisfied = v == m->vocab->answers[0] ? 2 : 1;     /* yes (interned), no */
                break;
            }
            case KW_RECEIVED:
                if (expect_args(b, a, "d", N_("received DATE")))
                    o->received = date_arg(a);
                break;
            default:
                diag_error(m->diag, b->src, item_name_span(a),
                           "unknown attribute '%s' of an opinion: use topic, status, satisfied or received",
                           a->name->text);
            }
        }
    }
    uint32_t attrs;
    if (!opinion_attrs(b, topic, status, &attrs)) {
        oom(b);
        return;
    }
    o->attrs = attrs & OPINION_ATTRS_MAX;
    opinion_list(b, node)->last->n++;   /* the slot is taken: its list made by opinion_slot() */
}

/* document = document KIND "NUMBER" [ DATE ] [ "TITLE" ] ;   (spec §4.5)
 * KIND is a part of the document_kind dimension. */
static void add_document(Builder *b, Node *node, const Item *it)
{
    Model *m = b->m;
    if (it->args && it->args->kind == ATOM_STRING) {
        diag_error(m->diag, b->src, it->args->span,
                   "'document' needs its kind first: document plan \"181-KH/ĐU\" 05.01.2024");
        return;
    }
    if (!no_blocks(b, it, "document") ||
        !expect_args(b, it, "nsDS", N_("document KIND \"NUMBER\" [DATE] [\"TITLE\"]")))
        return;
    const Part *kind = word_part(b, it, m->vocab->document_kind, N_("kind of document"));
    if (!kind)
        return;
    Document *d = ARENA_NEW(m->arena, Document);
    Attr attrs[] = { { m->vocab->document_kind, kind, "kind" } };
    if (!d || !(d->cells = entry_cells(b, m->vocab->documents, attrs, 1))) {
        oom(b);
        return;
    }
    d->kind = kind;
    d->number = kept_arg(b, it, 0);
    d->date = date_arg(it);
    d->title = kept_arg(b, it, 1);
    d->src = b->src;
    d->span = item_name_span(it);
    DocumentList *list = document_list(b, node);
    if (!list)
        return;
    if (list->last)
        list->last->next = d;
    else
        list->first = d;
    list->last = d;
}

/* ---- report header, rules, indicators ------------------------------------ */

/* A year of a period: 1 to 9999. */
static bool period_year(Builder *b, const Atom *a, int *year)
{
    if (a->kind != ATOM_COUNT || a->as.count < 1 || a->as.count > 9999) {
        diag_error(b->m->diag, b->src, a->span, "a period's year is a number from 1 to 9999, such as 2024");
        return false;
    }
    *year = (int)a->as.count;
    return true;
}

/* The first and last day of a date to the day or the month. */
static bool period_date(Builder *b, const Atom *a, bool end, int32_t *day)
{
    if (a->kind != ATOM_DATE || a->as.date.precision < DATE_MONTH) {
        diag_error(b->m->diag, b->src, a->span, "a period needs both dates, to the day or to the month");
        return false;
    }
    Date d = a->as.date;
    if (d.precision == DATE_DAY || !end)
        *day = date_to_days(d);
    else
        *day = date_window(WIN_MONTH, date_to_days(d)).last;
    return true;
}

/* period START .. END | period YEAR [.. YEAR] | period MONTH
 * | period h1|h2 YEAR | period q1 .. q4 YEAR                 (spec §4.1)
 * The days it runs over, into *w. */
static bool period_form(Builder *b, const Item *it, Window *w)
{
    const char *form = _("period START .. END, period 2020, period 2016 .. 2021, period h1 2021, "
                         "period q3 2024 or period 2021-02");
    const Atom *a = it->args;
    if (!a) {
        diag_error(b->m->diag, b->src, item_name_span(it), "'period' is incomplete: write %s", form);
        return false;
    }
    const Atom *r = a->next, *z = r && r->kind == ATOM_RANGE ? r->next : NULL;
    int y, y2;
    if (a->kind == ATOM_NAME) {
        /* h1 2021, q3 2024 */
        const char *n = a->as.name->text;
        int k = (n[0] == 'h' || n[0] == 'q') && n[1] >= '1' && n[1] <= '4' && !n[2] ? n[1] - '0' : 0;
        if (!k || (n[0] == 'h' && k > 2)) {
            diag_error(b->m->diag, b->src, a->span, "unknown part of a year '%s': write h1, h2 or q1 to q4", n);
            return false;
        }
        if (!r || r->next) {
            diag_error(b->m->diag, b->src, r ? r->next->span : a->span, "write %s YEAR, e.g. period %s 2021", n, n);
            return false;
        }
        if (!period_year(b, r, &y))
            return false;
        int month = n[0] == 'h' ? (k - 1) * 6 + 1 : (k - 1) * 3 + 1;
        *w = date_window(n[0] == 'h' ? WIN_HALF : WIN_QUARTER,
                         date_to_days(date_make(y, (unsigned)month, 1, DATE_DAY)));
        return true;
    }
    if (r && r->kind == ATOM_RANGE && !z) {
        diag_error(b->m->diag, b->src, item_name_span(it), "'period' is incomplete: write %s", form);
        return false;
    }
    if (r && (r->kind != ATOM_RANGE || z->next)) {
        const Atom *bad = r->kind == ATOM_RANGE ? z->next : r;
        diag_error(b->m->diag, b->src, bad->span, "unexpected %s in 'period': write %s", atom_desc(bad), form);
        return false;
    }
    if (a->kind == ATOM_COUNT) {
        /* 2020; 2016 .. 2021 */
        if (!period_year(b, a, &y) || (z && !period_year(b, z, &y2)))
            return false;
        if (!z)
            y2 = y;
        *w = (Window){ WIN_NONE, date_to_days((Date){ (int16_t)y, 1, 1, DATE_DAY }),
                       date_to_days((Date){ (int16_t)y2, 12, 31, DATE_DAY }) };
    } else if (a->kind == ATOM_DATE && a->as.date.precision == DATE_MONTH && !z) {
        *w = date_window(WIN_MONTH, date_to_days(a->as.date));    /* 2021-02 */
    } else if (a->kind == ATOM_DATE && z) {
        if (!period_date(b, a, false, &w->first) || !period_date(b, z, true, &w->last))
            return false;
    } else if (a->kind == ATOM_DATE || a->kind == ATOM_UNKNOWN) {
        diag_error(b->m->diag, b->src, a->span, "a period needs both dates, to the day or to the month");
        return false;
    } else {
        diag_error(b->m->diag, b->src, a->span, "unexpected %s in 'period': write %s", atom_desc(a), form);
        return false;
    }
    if (w->last < w->first) {
        diag_error(b->m->diag, b->src, args_span(it), "the period ends before it starts");
        return false;
    }
    return true;
}

/* issuer "BODY" | reference "NUMBER" | date DATE | place "PLACE"
 * | period ...                                             (spec §4.1) */
static void header_attr(Builder *b, Keyword k, const Item *it)
{
    Header *h = &b->m->header;
    if (!no_blocks(b, it, it->name->text))
        return;
    if (!h->src) {
        h->src = b->src;
        h->span = item_name_span(it);
    }
    h->present = true;
    switch (k) {
    case KW_ISSUER:
        if (expect_args(b, it, "s", N_("issuer \"BODY\"")))
            h->issuer = kept_arg(b, it, 0);
        break;
    case KW_REFERENCE:
        if (expect_args(b, it, "s", N_("reference \"NUMBER\"")))
            h->reference = kept_arg(b, it, 0);
        break;
    case KW_PLACE:
        if (expect_args(b, it, "s", N_("place \"PLACE\"")))
            h->place = kept_arg(b, it, 0);
        break;
    case KW_DATE:
        if (expect_args(b, it, "d", N_("date DATE")))
            h->date = date_arg(it);
        break;
    case KW_PERIOD: {
        Window w;
        if (!period_form(b, it, &w))
            break;
        h->has_period = true;
        h->period_first = w.first;
        h->period_last = w.last;
        h->period_start = date_from_days(w.first);
        h->period_end = date_from_days(w.last);
        if (it->args->kind == ATOM_DATE && it->args->next && it->args->next->kind == ATOM_RANGE) {
            h->period_start = it->args->as.date;        /* shown as written: 2019-01 .. 2024-04 */
            h->period_end = it->args->next->next->as.date;
        }
        break;
    }
    default:
        break;
    }
}

/* report = report "TITLE" { "{" { header attribute } "}" } ;   (spec §4.1) */
static void add_report(Builder *b, const Item *it)
{
    Model *m = b->m;
    Header *h = &m->header;
    if (it->binding || !it->args || it->args->kind != ATOM_STRING || it->args->next) {
        diag_error(m->diag, b->src, item_name_span(it), "write the report's title in double quotes: report \"TITLE\" { ... }");
        return;
    }
    Str title = atom_str(it->args);
    if (h->title.ptr) {
        if (h->title.len != title.len || memcmp(h->title.ptr, title.ptr, title.len) != 0) {
            diag_warning(m->diag, b->src, it->args->span,
                         "a second report header: its title differs from the first and is ignored");
            diag_note(m->diag, h->src, h->span, "the report's title is given here");
        }
        return;
    }
    h->present = true;
    h->title = str_keep(m->arena, title);
    h->src = b->src;
    h->span = it->args->span;
    for (Block *blk = it->blocks; blk; blk = blk->next) {
        no_ellipsis(b, blk, _("the report header"));
        for (Item *a = blk->items; a; a = a->next) {
            Keyword k = keyword(m, a->name);
            if (k == KW_ISSUER || k == KW_REFERENCE || k == KW_DATE || k == KW_PLACE || k == KW_PERIOD)
                header_attr(b, k, a);
            else
                diag_error(m->diag, b->src, item_name_span(a),
                           "'%s' does not belong in the report header: use issuer, reference, date, place or period",
                           a->name->text);
        }
    }
}

/* "province, district, commune, ..., commune_level or voter_contact": what
 * `each` and `per` take, for messages. */
static const char *kinds_text(Model *m)
{
    const Vocab *v = m->vocab;
    const char *out = "";
    for (uint32_t i = 1; i < v->nkinds && out; i++) {
        out = arena_printf(m->arena, "%s%s, ", out, v->kinds[i]->name->text);
        if (out && v->kinds[i]->level == LEVEL_COMMUNE && (i + 1 == v->nkinds || v->kinds[i + 1]->level != LEVEL_COMMUNE))
            out = arena_printf(m->arena, "%scommune_level, ", out);   /* after the last commune-level kind */
    }
    if (!out || strlen(out) < 2)
        return "";
    /* "a, b, c, " -> "a, b or c" */
    char *text = arena_strndup(m->arena, out, strlen(out) - 2);
    char *last = text ? strrchr(text, ',') : NULL;
    return last ? arena_printf(m->arena, "%.*s%s%s", (int)(last - text), text, _(" or "), last + 2) : text;
}

/* `each commune`, `per district`: a kind of unit or session, or commune_level. */
static bool kind_selector(Builder *b, const Item *it, Selector *sel, bool parts)
{
    if (!expect_args(b, it, "n", N_("a kind such as commune, district or dialogue")))
        return false;
    Symbol *s = it->args->as.name;
    if (!model_selector(b->m->vocab, s, sel) || sel->what == SEL_OPINION || sel->what == SEL_DOCUMENT ||
        (sel->what == SEL_PART && !parts)) {
        const char *near = model_selector_nearest(b->m->vocab, s);
        if (near && strcmp(near, "opinion") != 0 && strcmp(near, "document") != 0)
            diag_error(b->m->diag, b->src, it->args->span, "unknown kind '%s'; did you mean '%s'?", s->text, near);
        else
            diag_error(b->m->diag, b->src, it->args->span, "unknown kind '%s': use %s", s->text,
                       kinds_text(b->m));
        return false;
    }
    return true;
}

/* each KIND [each DIMENSION]: a rule's subjects (spec §9). The second
 * `each` pairs every subject with every part of a dimension, or every
 * window of time of the period: each commune  each year. */
static void rule_each(Builder *b, RuleDef *r, const Item *a)
{
    Selector sel;
    if (!kind_selector(b, a, &sel, true))
        return;
    if (r->each.what == SEL_REPORT) {
        r->each = sel;
        return;
    }
    if (r->each2.what != SEL_REPORT) {
        diag_error(b->m->diag, b->src, item_name_span(a), "a rule has two each at most: each KIND  each DIMENSION");
        return;
    }
    if (sel.what != SEL_PART || r->each.what == SEL_PART || (r->each.kind && r->each.kind->session)) {
        diag_error(b->m->diag, b->src, a->args->span, "a second each takes a dimension and pairs it with units: "
                   "each commune  each year");
        return;
    }
    r->each2 = sel;
}

/* The weekdays as `day` names them. */
static const char *const weekdays[] = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                        "sunday" };

/* schedule SESSION_KIND { kind PART  every UNIT  times N  day WEEKDAY }   (spec §9.1) */
static const Schedule *add_schedule(Builder *b, const Item *it)
{
    Model *m = b->m;
    static const char form[] = "schedule SESSION_KIND { every UNIT  times N  kind PART  day WEEKDAY }, e.g. "
                               "schedule reception { kind periodic  every week  day thursday }";
    if (!it->args || it->args->kind != ATOM_NAME || it->args->next || it->binding || !it->blocks) {
        diag_error(m->diag, b->src, it->args ? it->args->span : item_name_span(it), "write %s", form);
        return NULL;
    }
    Schedule *sc = ARENA_NEW(m->arena, Schedule);
    if (!sc) {
        oom(b);
        return NULL;
    }
    sc->src = b->src;
    sc->span = item_name_span(it);
    sc->times = 1;
    sc->weekday = -1;
    sc->session = vocab_kind(m->vocab, it->args->as.name);
    if (!sc->session || !sc->session->session) {
        diag_error(m->diag, b->src, it->args->span, "a schedule is of a session kind, such as dialogue or "
                   "reception, not '%s'", it->args->as.name->text);
        return NULL;
    }
    bool ok = true;
    for (const Block *blk = it->blocks; blk; blk = blk->next) {
        no_ellipsis(b, blk, _("a schedule"));
        for (const Item *a = blk->items; a; a = a->next) {
            Keyword k = keyword(m, a->name);
            if (k != KW_KIND && k != KW_EVERY && k != KW_TIMES && k != KW_DAY) {
                /* named before its arguments are looked at: "at 14:00" */
                diag_error(m->diag, b->src, item_name_span(a),
                           "unknown part of a schedule '%s': use every, times, kind or day", a->name->text);
                ok = false;
                continue;
            }
            if (!no_blocks(b, a, a->name->text)) {
                ok = false;
                continue;
            }
            if (k == KW_KIND) {
                if (!sc->session->kinds) {
                    diag_error(m->diag, b->src, item_name_span(a), "a %s has no kinds in the vocabulary",
                               sc->session->name->text);
                    ok = false;
                } else if (!expect_args(b, a, "n", N_("kind NAME")) ||
                           !(sc->kind = word_part(b, a, sc->session->kinds, N_("kind of session")))) {
                    ok = false;
                }
            } else if (k == KW_EVERY) {
                const Dimension *d = a->args && a->args->kind == ATOM_NAME && !a->args->next
                                         ? vocab_dimension(m->vocab, a->args->as.name) : NULL;
                if (!d || !d->calendar) {
                    diag_error(m->diag, b->src, a->args ? a->args->span : item_name_span(a),
                               "write every year, every half, every quarter, every month or every week");
                    ok = false;
                } else {
                    sc->every = d->calendar;
                }
            } else if (k == KW_TIMES) {
                if (!a->args || a->args->kind != ATOM_COUNT || a->args->next || a->args->as.count < 1 ||
                    a->args->as.count > 1000) {
                    diag_error(m->diag, b->src, a->args ? a->args->span : item_name_span(a),
                               "write times N: the sessions due in each, from 1 to 1000");
                    ok = false;
                } else {
                    sc->times = a->args->as.count;
                }
            } else if (k == KW_DAY) {
                int wd = -1;
                for (int i = 0; a->args && a->args->kind == ATOM_NAME && !a->args->next && i < 7; i++)
                    if (str_eq(a->args->as.name, weekdays[i]))
                        wd = i;
                if (wd < 0) {
                    diag_error(m->diag, b->src, a->args ? a->args->span : item_name_span(a),
                               "write day monday, tuesday, wednesday, thursday, friday, saturday or sunday");
                    ok = false;
                }
                sc->weekday = wd;
            }
        }
    }
    if (ok && !sc->every) {
        diag_error(m->diag, b->src, it->args->span, "a schedule needs its frequency: every year, every month, every "
                   "week ...");
        ok = false;
    }
    if (ok && sc->weekday >= 0 && (sc->every != WIN_WEEK || sc->times != 1)) {
        diag_error(m->diag, b->src, it->args->span, "day fixes the day of a schedule of once every week");
        ok = false;
    }
    return ok ? sc : NULL;
}

static bool id_and_title(Builder *b, const Item *it, const char *what, Symbol **id, Str *title, PtrMap *ids)
{
    Atom *a = it->args;
    if (!a || a->kind != ATOM_NAME || (a->next && (a->next->kind != ATOM_STRING || a->next->next))) {
        diag_error(b->m->diag, b->src, a ? a->span : item_name_span(it),
                   "write %s ID \"TITLE\" ...: an identifier, then the title in double quotes", what);
        return false;
    }
    *id = a->as.name;
    *title = a->next ? str_keep(b->m->arena, atom_str(a->next)) : sym_str(a->as.name);
    const Site *prev = ptrmap_get(ids, *id, 0);
    if (prev) {
        diag_error(b->m->diag, b->src, a->span, "%s '%s' is defined twice", what, (*id)->text);
        diag_note(b->m->diag, prev->src, prev->span, "first defined here");
        return false;
    }
    Site *site = ARENA_NEW(b->m->arena, Site);
    if (!site)
        return false;
    site->src = b->src;
    site->span = a->span;
    return ptrmap_put(ids, b->m->arena, *id, 0, site);
}

/* The require: condition as written, on one line: a condition written over
 * several lines has each run of white space (and any comment) as one space.
 * Made once, while the file is read: every verdict of the rule says it. */
static const char *condition_text(Arena *a, Source *file, Span span)
{
    const char *src = source_bytes(file, span);
    size_t n = span.end - span.start;
    char *out = arena_alloc(a, n + 1);
    if (!out)
        return NULL;
    size_t k = 0;
    bool space = false;
    for (size_t i = 0; i < n; i++) {
        char c = src[i];
        if (c == '"') {                     /* a string is kept as written */
            if (space)
                out[k++] = ' ';
            space = false;
            out[k++] = c;
            while (i + 1 < n && src[i + 1] != '"' && src[i + 1] != '\n') {
                out[k++] = src[++i];
                if (src[i] == '\\' && i + 1 < n && src[i + 1] != '\n')
                    out[k++] = src[++i];
            }
            if (i + 1 < n && src[i + 1] == '"')
                out[k++] = src[++i];
            continue;
        }
        if (c == '#')                       /* a comment runs to the end of its line */
            while (i + 1 < n && src[i + 1] != '\n')
                i++;
        if (c == '#' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = k > 0;
            continue;
        }
        if (space)
            out[k++] = ' ';
        space = false;
        out[k++] = c;
    }
    out[k] = '\0';
    return out;
}

/* rule = rule ID ["TITLE"] "{" { severity error|warning | source "TEXT" | each KIND
 *                               | where: EXPR | require: EXPR } "}"
 *      | rule ID ["TITLE"] ( ":" | "=" ) EXPR [ "{" … "}" ] ;     (spec §9) */
static void add_rule(Builder *b, const Item *it)
{
    Model *m = b->m;
    RuleDef *r = ARENA_NEW(m->arena, RuleDef);
    bool bad_schedule = false;
    if (!r) {
        oom(b);
        return;
    }
    if (!id_and_title(b, it, "rule", &r->id, &r->title, &m->rule_ids))
        return;
    if (it->binding) {
        r->require = it->expr;      /* rule ID "TITLE": EXPR (report-wide) */
    }
    r->severity = SEVERITY_ERROR;
    r->src = b->src;
    r->span = it->args->span;
    for (Block *blk = it->blocks; blk; blk = blk->next) {
        no_ellipsis(b, blk, _("a rule"));
        for (Item *a = blk->items; a; a = a->next) {
            Keyword k = keyword(m, a->name);
            if (k == KW_WHERE || k == KW_REQUIRE) {
                if (a->binding != ':' || a->args || a->blocks) {
                    diag_error(m->diag, b->src, item_name_span(a), "write %s: CONDITION", a->name->text);
                    continue;
                }
                if (k == KW_WHERE)
                    r->where = a->expr;
                else
                    r->require = a->expr;
                continue;
            }
            if (k == KW_SCHEDULE) {
                if (r->schedule)
                    diag_error(m->diag, b->src, item_name_span(a), "a rule has one schedule");
                else if (!(r->schedule = add_schedule(b, a)))
                    bad_schedule = true;    /* said; no "has no condition" after it */
                continue;
            }
            if (k != KW_SEVERITY && k != KW_SOURCE && k != KW_EACH && k != KW_CODE && k != KW_UNVERIFIED) {
                diag_error(m->diag, b->src, item_name_span(a), "unknown part of a rule '%s': use severity, source, code, "
                           "unverified, each, where:, require: or schedule", a->name->text);
                continue;
            }
            if (!no_blocks(b, a, a->name->text))
                continue;
            if (k == KW_SEVERITY) {
                Symbol *s = expect_args(b, a, "n", N_("severity error or severity warning"))
                                ? word_attr(b, a, vocab_severities(m->vocab), N_("severity")) : NULL;
                if (s)
                    r->severity = str_eq(s, "error") ? SEVERITY_ERROR : SEVERITY_WARNING;
            } else if (k == KW_SOURCE) {
                if (expect_args(b, a, "s", N_("source \"LEGAL SOURCE\"")))
                    r->legal_source = kept_arg(b, a, 0);
            } else if (k == KW_CODE) {
                if (expect_args(b, a, "s", N_("code \"REFERENCE\", e.g. code \"LTCD-15.2.d\"")))
                    r->code = kept_arg(b, a, 0);
            } else if (k == KW_UNVERIFIED) {
                if (expect_args(b, a, "s", N_("unverified \"WHY THE SOURCE COULD NOT BE CHECKED\"")))
                    r->unverified = kept_arg(b, a, 0);
            } else {
                rule_each(b, r, a);
            }
        }
    }
    if (r->require && r->schedule) {
        diag_error(m->diag, b->src, r->schedule->span, "rule '%s' has a require: condition and a schedule: give "
                   "each its own rule", r->id->text);
        return;
    }
    if (r->schedule && (r->each2.what != SEL_REPORT || r->each.what == SEL_PART)) {
        diag_error(m->diag, b->src, r->schedule->span, "a schedule counts its own windows of time (every ...): "
                   "its rule takes each KIND only");
        return;
    }
    if (bad_schedule)
        return;
    if (!r->require && !r->schedule) {
        diag_error(m->diag, b->src, it->args->span, "rule '%s' has no condition: add require: CONDITION",
                   r->id->text);
        return;
    }
    if (r->require && !(r->condition = condition_text(m->arena, b->src, r->require->span))) {
        oom(b);
        return;
    }
    if (m->last_rule)
        m->last_rule->next = r;
    else
        m->rules = r;
    m->last_rule = r;
}

/* indicator = indicator ID ["TITLE"] "=" EXPR
 *             [ "{" { reported P% | per KIND | note "TEXT" } "}" ] ;   (spec §8) */
static void add_indicator(Builder *b, const Item *it)
{
    Model *m = b->m;
    IndicatorDef *ind = ARENA_NEW(m->arena, IndicatorDef);
    if (!ind) {
        oom(b);
        return;
    }
    if (!id_and_title(b, it, "indicator", &ind->id, &ind->title, &m->indicator_ids))
        return;
    if (it->binding != '=') {
        diag_error(m->diag, b->src, it->binding ? it->expr->span : item_name_span(it),
                   "an indicator is defined with '=': indicator ID \"TITLE\" = EXPRESSION");
        return;
    }
    ind->expr = it->expr;
    ind->src = b->src;
    ind->span = it->args->span;
    for (Block *blk = it->blocks; blk; blk = blk->next) {
        no_ellipsis(b, blk, _("an indicator"));
        for (Item *a = blk->items; a; a = a->next) {
            Keyword k = keyword(m, a->name);
            if (k != KW_REPORTED && k != KW_PER && k != KW_NOTE) {
                diag_error(m->diag, b->src, item_name_span(a),
                           "unknown part of an indicator '%s': use reported, per or note", a->name->text);
                continue;
            }
            if (!no_blocks(b, a, a->name->text))
                continue;
            if (k == KW_REPORTED) {
                if (a->args && a->args->kind == ATOM_PERCENT && !a->args->next) {
                    ind->has_reported = true;
                    ind->reported = atom_percent(a->args);
                    ind->reported_span = a->args->span;
                } else {
                    diag_error(m->diag, b->src, a->args ? a->args->span : item_name_span(a),
                               "write the percentage the report printed, e.g. reported 99.72%%");
                }
            } else if (k == KW_PER) {
                ind->has_per = kind_selector(b, a, &ind->per, true);
            } else if (expect_args(b, a, "s", N_("note \"TEXT\""))) {
                ind->comment = kept_arg(b, a, 0);
            }
        }
    }
    if (m->last_indicator)
        m->last_indicator->next = ind;
    else
        m->indicators = ind;
    m->last_indicator = ind;
}

/* use = use "PATH" ;                                       (spec §10) */
static void add_use(Builder *b, const Item *it)
{
    if (!no_blocks(b, it, "use") || !expect_args(b, it, "s", N_("use \"RULEBOOK.dlg\"")))
        return;
    /* the loader read the file beforehand; its `use`s nest a bounded depth */
    LoadedFile *f = b->files ? load_used(b->files, it) : NULL;
    if (f) {
        Builder inner = *b;
        inner.src = f->src;
        inner.used = true;
        add_items(&inner, b->m->root, CTX_ROOT, f->items, 0);
        load_release(b->files, f);      /* a file is used once (load.c): done with */
    }
}

/* ---- dispatch ------------------------------------------------------------ */

static const char *context_name(Arena *a, const Node *n)
{
    /* TRANSLATORS: where an item stands, in "'report' belongs at the top level of a file, not inside %s" */
    return n->kind->level == LEVEL_ROOT ? _("the top level") : model_subject(a, n);
}

/* item = unit | session | opinion | document | session attribute
 *      | header attribute | report | use | holiday | rule | indicator
 *      | figure ;                                          (spec §4)
 * Which of these an item is depends on its name and its context. */
static void add_item(Builder *b, Node *node, Context ctx, Item *it)
{
    Model *m = b->m;
    {
        const Kind *kind = vocab_kind(m->vocab, it->name);
        if (kind && kind != m->vocab->root) {
            if (ctx == CTX_SESSION)
                diag_error(m->diag, b->src, item_name_span(it), "a %s cannot be inside a %s", kind->name->text,
                           node->kind->name->text);
            else if (kind->session)
                add_session(b, node, kind, it);
            else
                add_unit(b, node, kind, it);
            return;
        }
        if (vocab_is_declaration(m->vocab, it)) {
            /* read with the vocabulary, before any file was modelled */
            if (ctx != CTX_ROOT)
                diag_error(m->diag, b->src, item_name_span(it),
                           "'%s' declares vocabulary: it belongs at the top level of a file, not inside %s",
                           it->name->text, context_name(m->arena, node));
            return;
        }
        Keyword k = keyword(m, it->name);
        switch (k) {
        case KW_OPINION:
            add_opinion(b, node, it);
            return;
        case KW_LISTS:
            if (ctx == CTX_SESSION)
                diag_error(m->diag, b->src, item_name_span(it),
                           "'lists' belongs in a unit's block or at the top level of a file, not inside %s",
                           context_name(m->arena, node));
            else
                add_lists(b, node, it);
            return;
        case KW_WITHIN:
            if (ctx == CTX_ROOT && node == m->root) {
                if (b->used)        /* a root file's was read when it was placed */
                    diag_error(m->diag, b->src, item_name_span(it),
                               "'within' may stand only in a file named on the command line, not in a used one");
                return;
            }
            diag_error(m->diag, b->src, item_name_span(it),
                       "'within' belongs at the top level of a file, where it says which unit the file's "
                       "figures are of");
            return;
        case KW_DOCUMENT:
            add_document(b, node, it);
            return;
        case KW_KIND: case KW_SCOPE: case KW_CHAIR: case KW_CONCLUSION: case KW_NOTICE: case KW_NOT_HELD:
            if (ctx == CTX_SESSION) {
                session_attr(b, node, k, it);
                return;
            }
            break;
        case KW_DATE: case KW_PLACE:
            if (ctx == CTX_SESSION) {
                session_attr(b, node, k, it);
                return;
            }
            if (ctx == CTX_ROOT) {
                header_attr(b, k, it);
                return;
            }
            diag_error(m->diag, b->src, item_name_span(it),
                       "'%s' belongs to the report header or to a session, not to %s", it->name->text,
                       model_subject(m->arena, node));
            return;
        case KW_REPORT: case KW_ISSUER: case KW_REFERENCE: case KW_PERIOD: case KW_USE:
        case KW_HOLIDAY: case KW_CALENDAR: case KW_WORKING_DAY: case KW_RULE: case KW_INDICATOR:
            if (ctx != CTX_ROOT) {
                diag_error(m->diag, b->src, item_name_span(it),
                           "'%s' belongs at the top level of a file, not inside %s", it->name->text,
                           context_name(m->arena, node));
                return;
            }
            if (k == KW_REPORT)
                add_report(b, it);
            else if (k == KW_USE)
                add_use(b, it);
            else if (k == KW_HOLIDAY || k == KW_CALENDAR || k == KW_WORKING_DAY)
                ;                           /* the calendar's (calendar.c) */
            else if (k == KW_RULE)
                add_rule(b, it);
            else if (k == KW_INDICATOR)
                add_indicator(b, it);
            else
                header_attr(b, k, it);
            return;
        default:
            break;
        }
        if (k == KW_KIND || k == KW_SCOPE || k == KW_CHAIR || k == KW_CONCLUSION || k == KW_NOTICE ||
            k == KW_NOT_HELD) {
            diag_error(m->diag, b->src, item_name_span(it), "'%s' describes a session; put it inside a "
                       "dialogue, reception or voter_contact block", it->name->text);
            return;
        }
        const FigureDecl *decl = figure_decl(b, node, it);
        if (decl)
            add_figure(b, node, NULL, NULL, 0, NULL, decl, it, NULL, NULL);
    }
}

/* The items of a list; `nitems` of them when known (a block's), else 0. */
static void add_items(Builder *b, Node *node, Context ctx, Item *items, uint32_t nitems)
{
    uint32_t outer = b->left;
    b->left = nitems;
    for (Item *it = items; it && !diag_full(b->m->diag); it = it->next) {
        add_item(b, node, ctx, it);
        b->left -= b->left > 0;
    }
    b->left = outer;
}

Model *model_new(Arena *a, Symtab *syms, Vocab *vocab, Diag *d)
{
    Model *m = ARENA_NEW(a, Model);
    if (!m)
        return NULL;
    m->arena = a;
    m->syms = syms;
    m->vocab = vocab;
    m->diag = d;
    m->children.by_parent = true;
    m->children.nodes = m->units.nodes = (Node *const *const *)&m->node_blocks;
    for (int k = 1; k < KW_COUNT; k++) {
        Symbol *s = symtab_intern_cstr(syms, keyword_text[k]);
        if (!s || !symmap_put(&m->keywords, a, s, (void *)(uintptr_t)k))
            return NULL;
    }
    Builder b = { .m = m };
    m->root = new_node(&b, NULL, vocab->root, NULL, (Span){ 0, 0 }, NULL);
    return m->root ? m : NULL;
}

/* One top-level item of a file. */
static void add_top_item(Builder *b, const LoadedFile *file, Item *it)
{
    add_item(b, b->m->root, CTX_ROOT, it);
    /* A top-level item's tree was made before it, and the next one's
     * after it (the parser reduces bottom up): once modelled, what lies in
     * the chunks before its own is read no more, and a report in one file
     * gives its tree back province by province rather than holding all of
     * it beside the model. */
    if (file->syntax)
        arena_release_before(file->syntax, it);
}

static void add_root_file(Builder *b, const LoadedFile *file)
{
    b->src = file->src;
    for (Item *it = file->items; it && !diag_full(b->m->diag); it = it->next)
        add_top_item(b, file, it);
}

/* A builder of file's items, at the top level or in a unit of its own. */
static Builder file_builder(Model *m, const FileSet *files, const LoadedFile *file)
{
    return (Builder){ .m = m, .src = file->src, .files = files };
}

void model_add_file(Model *m, const FileSet *files, const LoadedFile *file)
{
    Builder b = file_builder(m, files, file);
    add_root_file(&b, file);
}

void model_add_item(Model *m, const FileSet *files, const LoadedFile *file, Item *it)
{
    Builder b = file_builder(m, files, file);
    if (!diag_full(m->diag))
        add_top_item(&b, file, it);
}

Node *model_open_unit(Model *m, const FileSet *files, const LoadedFile *file, const Item *head, bool *refused)
{
    /* as add_item() reads a top-level item: a kind of unit, at the root */
    Builder b = file_builder(m, files, file);
    const Kind *kind = vocab_kind(m->vocab, head->name);
    *refused = false;
    if (diag_full(m->diag) || !kind || kind == m->vocab->root || kind->session ||
        !unit_written_well(m->root, kind, head))
        return NULL;
    Node *n = unit_node(&b, m->root, kind, head);
    *refused = !n;
    return n;
}

void model_add_inner(Model *m, const FileSet *files, const LoadedFile *file, Node *unit, Item *it)
{
    Builder b = file_builder(m, files, file);
    if (!diag_full(m->diag))
        add_item(&b, unit, CTX_UNIT, it);
    if (file->syntax)
        arena_release_before(file->syntax, it);     /* as add_top_item() */
}

void model_add_block(Model *m, const FileSet *files, const LoadedFile *file, Node *unit, const Block *blk)
{
    Builder b = file_builder(m, files, file);
    kind_block(&b, unit->kind, blk);
}

/* ---- files that say where they stand ------------------------------------------- */

/* Items that stand for the whole report wherever they are written: the
 * header, rules, indicators, declarations; the rest of a `within` file is
 * of its unit. */
static bool report_wide(const Model *m, const Item *it)
{
    switch (keyword(m, it->name)) {
    case KW_REPORT: case KW_ISSUER: case KW_REFERENCE: case KW_DATE: case KW_PLACE: case KW_PERIOD:
    case KW_USE: case KW_HOLIDAY: case KW_CALENDAR: case KW_WORKING_DAY: case KW_RULE: case KW_INDICATOR:
    case KW_WITHIN:
        return true;
    default:
        return vocab_is_declaration(m->vocab, it);
    }
}

/* within = within KIND "NAME" ;                              (spec §4.2)
 * The kind of unit, and its name in NFC; false with a message when the
 * item is not of this form. */
static bool within_form(Builder *b, const Item *it)
{
    Model *m = b->m;
    if (!no_blocks(b, it, "within") ||
        !expect_args(b, it, "ns", N_("within KIND \"NAME\", e.g. within district \"Tuần Giáo\"")))
        return false;
    const Kind *k = vocab_kind(m->vocab, it->args->as.name);
    if (!k || k->session || k == m->vocab->root) {
        diag_error(m->diag, b->src, it->args->span, "'within' needs a kind of unit, not '%s'",
                   it->args->as.name->text);
        return false;
    }
    return true;
}

/* The `within` item of a root file, or NULL. A second one is an error. */
static const Item *within_of(Builder *b, const LoadedFile *f)
{
    const Item *found = NULL;
    Symbol *word = symtab_find(b->m->syms, "within", 6);
    for (const Item *it = f->items; it; it = it->next)
        if (it->name == word) {
            if (found) {
                diag_error(b->m->diag, f->src, item_name_span(it), "a file stands within one unit only");
                diag_note(b->m->diag, f->src, item_name_span(found), "it says so here");
            } else {
                found = it;
            }
        }
    return found && within_form(b, found) ? found : NULL;
}

/* ---- placing `within` files ----------------------------------------------------
 *
 * A `within` file goes into its unit once some file has made it. The files
 * waiting for one unit form a chain; the units a waiting file makes are
 * counted as it is read, so that when no file can be placed the unit made
 * at the top is one no waiting file holds: a commune's file waits for the
 * district file that lists or writes it, whatever the order on the command
 * line. Every step is a map lookup: placing W files costs O(W) plus their
 * items, never a walk of the model per file. */

struct Waiting {
    uint32_t n;             /* root files */
    const Item **within;    /* the file's `within` item; NULL once placed */
    Span *where;            /* where that item names the unit */
    const Kind **kind;      /* its unit */
    Symbol **name;
    uint32_t *key;          /* the first waiting file with the same unit */
    uint32_t *next;         /* the next waiting file with the same unit */
    uint32_t *makers;       /* by key: waiting files that make the unit */
    struct Made { uint32_t key; struct Made *next; } **made;
    bool *queued;
    uint32_t *ready, nready, ready_at;      /* their unit exists */
    uint32_t *free, nfree, free_at;        /* no waiting file makes it */
    uint32_t first;         /* no file before this one is waiting */
    PtrMap keys;            /* (name, kind) -> key + 1 */
};

/* no key, no file: an index that is none (a const, not an enum: an
 * enumerator is an int, which UINT32_MAX is not) */
static const uint32_t NONE = UINT32_MAX;

static uint32_t waiting_key(const Waiting *w, const Symbol *name, const Kind *kind)
{
    return (uint32_t)(uintptr_t)ptrmap_get(&w->keys, name, kind->id) - 1;
}

/* A unit was made: the files waiting for it can be placed. */
static void unit_made(Waiting *w, const Symbol *name, const Kind *kind)
{
    uint32_t key = waiting_key(w, name, kind);
    if (key == NONE)
        return;
    for (uint32_t i = key; i != NONE; i = w->next[i])
        if (!w->queued[i]) {
            w->queued[i] = true;
            w->ready[w->nready++] = i;
        }
}

/* The symbol of a unit's written name, in NFC; NULL when out of memory. */
static Symbol *unit_name(Model *m, Str name)
{
    size_t len;
    const char *nfc = unicode_nfc(m->arena, name.ptr, name.len, &len);
    return nfc ? symtab_intern(m->syms, nfc, len) : NULL;
}

static bool note_made(Model *m, Waiting *w, uint32_t file, const Kind *kind, Str written)
{
    Symbol *name = unit_name(m, written);
    if (!name)
        return false;
    uint32_t key = waiting_key(w, name, kind);
    if (key == NONE || key == w->key[file])
        return true;
    struct Made *made = ARENA_NEW(m->arena, struct Made);
    if (!made)
        return false;
    *made = (struct Made){ key, w->made[file] };
    w->made[file] = made;
    w->makers[key]++;
    return true;
}

/* Count the waiting units these items of a waiting file make, written or
 * listed, at any depth. */
static bool count_made(Model *m, Waiting *w, uint32_t file, const Item *items)
{
    Symbol *lists = symtab_find(m->syms, "lists", 5);
    for (const Item *it = items; it; it = it->next) {
        const Atom *a = it->args;
        const Kind *kind = vocab_kind(m->vocab, it->name);
        if (kind && !kind->session && a && a->kind == ATOM_STRING && !note_made(m, w, file, kind, atom_str(a)))
            return false;
        if (it->name == lists && a && a->kind == ATOM_NAME && (kind = vocab_kind(m->vocab, a->as.name)) != NULL)
            for (a = a->next; a; a = a->next)
                if (a->kind == ATOM_STRING && !note_made(m, w, file, kind, atom_str(a)))
                    return false;
        for (const Block *bl = it->blocks; bl; bl = bl->next)
            if (!count_made(m, w, file, bl->items))
                return false;
    }
    return true;
}

/* The waiting files and what they make; false when out of memory. */
static bool waiting_init(Builder *b, Waiting *w)
{
    Model *m = b->m;
    uint32_t n = w->n = b->files->nroots;
    Arena *a = m->arena;
    w->within = ARENA_ARRAY(a, const Item *, n + 1);
    w->where = ARENA_ARRAY(a, Span, n + 1);
    w->kind = ARENA_ARRAY(a, const Kind *, n + 1);
    w->name = ARENA_ARRAY(a, Symbol *, n + 1);
    w->key = ARENA_ARRAY(a, uint32_t, n + 1);
    w->next = ARENA_ARRAY(a, uint32_t, n + 1);
    w->makers = ARENA_ARRAY(a, uint32_t, n + 1);
    w->made = ARENA_ARRAY(a, struct Made *, n + 1);
    w->queued = ARENA_ARRAY(a, bool, n + 1);
    w->ready = ARENA_ARRAY(a, uint32_t, n + 1);
    w->free = ARENA_ARRAY(a, uint32_t, n + 1);
    if (!w->within || !w->where || !w->kind || !w->name || !w->key || !w->next || !w->makers || !w->made || !w->queued
        || !w->ready || !w->free)
        return false;
    uint32_t *last = ARENA_ARRAY(a, uint32_t, n + 1);
    if (!last)
        return false;
    for (uint32_t i = 0; i < n && !diag_full(m->diag); i++) {
        b->src = b->files->roots[i]->src;
        w->next[i] = NONE;
        const Item *it = w->within[i] = within_of(b, b->files->roots[i]);
        if (!it)
            continue;
        w->kind[i] = vocab_kind(m->vocab, it->args->as.name);
        w->where[i] = it->args->next->span;
        if (!(w->name[i] = unit_name(m, atom_str(it->args->next))))
            return false;
        uint32_t key = waiting_key(w, w->name[i], w->kind[i]);
        if (key == NONE) {
            w->key[i] = last[i] = i;
            if (!ptrmap_put(&w->keys, a, w->name[i], w->kind[i]->id, (void *)(uintptr_t)(i + 1)))
                return false;
        } else {
            w->key[i] = key;
            w->next[last[key]] = i;
            last[key] = i;
        }
    }
    for (uint32_t i = 0; i < n; i++)
        if (w->within[i] && !count_made(m, w, i, b->files->roots[i]->items))
            return false;
    for (uint32_t i = 0; i < n; i++)
        if (w->within[i] && w->makers[w->key[i]] == 0)
            w->free[w->nfree++] = i;
    return true;
}

/* Model a `within` file into its unit: report-wide items at the top, the
 * others in the unit; then the units it held back are free. */
static void add_within(Builder *b, Waiting *w, uint32_t i, Node *unit)
{
    const LoadedFile *f = b->files->roots[i];
    w->within[i] = NULL;
    b->within = unit;
    b->src = f->src;
    for (Item *it = f->items; it && !diag_full(b->m->diag); it = it->next) {
        if (report_wide(b->m, it))
            add_item(b, b->m->root, CTX_ROOT, it);
        else
            add_item(b, unit, CTX_UNIT, it);
    }
    b->within = NULL;
    load_release(b->files, b->files->roots[i]);     /* its tree is read no more */
    for (const struct Made *made = w->made[i]; made; made = made->next)
        if (--w->makers[made->key] == 0)
            for (uint32_t j = made->key; j != NONE; j = w->next[j])
                if (w->within[j])
                    w->free[w->nfree++] = j;
}

bool model_report_wide(const Model *m, const Item *it)
{
    return report_wide(m, it);
}

Node *model_within_unit(Model *m, const Item *it)
{
    const Atom *a = it->args;
    if (it->blocks || it->binding || !a || a->kind != ATOM_NAME || !a->next || a->next->kind != ATOM_STRING ||
        a->next->next)
        return NULL;
    const Kind *k = vocab_kind(m->vocab, a->as.name);
    if (!k || k->session || k == m->vocab->root)
        return NULL;
    Symbol *name = unit_name(m, atom_str(a->next));
    if (name && !index_units(m)) {
        diag_out_of_memory(m->diag);
        return NULL;
    }
    Node *unit = name ? unitset_get(&m->units, NULL, name, k) : NULL;
    return unit && !node_namesake(unit) ? unit : NULL;
}

bool model_unit_unique(Model *m, const Node *unit)
{
    if (!index_units(m))
        diag_out_of_memory(m->diag);
    const Node *last = unitset_get(&m->units, NULL, unit->name, unit->kind);
    return last == unit && !node_namesake(unit);
}

void model_add_item_within(Model *m, const FileSet *files, const LoadedFile *file, Node *unit, Item *it)
{
    Builder b = { .m = m, .src = file->src, .files = files, .within = unit };
    if (!diag_full(m->diag)) {
        if (report_wide(m, it))
            add_item(&b, m->root, CTX_ROOT, it);
        else
            add_item(&b, unit, CTX_UNIT, it);
    }
    if (file->syntax)
        arena_release_before(file->syntax, it);
}

/* The next file whose unit to make at the top, when none can be placed:
 * one no waiting file holds, else (the files hold each other's units) the
 * first waiting. */
static uint32_t next_to_make(Waiting *w)
{
    while (w->free_at < w->nfree)
        if (w->within[w->free[w->free_at++]])
            return w->free[w->free_at - 1];
    while (w->first < w->n && !w->within[w->first])
        w->first++;
    return w->first < w->n ? w->first : NONE;
}

/* A unit written more than once under different parents cannot say which
 * one a file is of. */
static void check_namesakes(Builder *b, const Waiting *w)
{
    Model *m = b->m;
    for (uint32_t i = 0; i < w->n; i++) {
        if (!w->queued[i])
            continue;
        uint32_t count = 0;
        for (const Node *n = unitset_get(&m->units, NULL, w->name[i], w->kind[i]); n; n = node_namesake(n))
            count++;
        if (count > 1) {
            diag_error(m->diag, b->files->roots[i]->src, w->where[i],
                       "%u units are %s \"%s\": write the units around this file's figures instead",
                       count, w->kind[i]->name->text, w->name[i]->text);
        }
    }
}

void model_add_files(Model *m, const FileSet *files)
{
    Waiting w = { 0 };
    Builder b = { .m = m, .files = files, .waiting = &w };
    if (!waiting_init(&b, &w)) {
        oom(&b);
        return;
    }
    bool waits = false;             /* a `within` file: units are found by kind and name */
    for (uint32_t i = 0; i < w.n; i++)
        waits |= w.within[i] != NULL;
    if (waits && !index_units(m)) {
        oom(&b);
        return;
    }
    for (uint32_t i = 0; i < files->nroots && !diag_full(m->diag); i++)
        if (!w.within[i]) {
            add_root_file(&b, files->roots[i]);
            load_release(files, files->roots[i]);   /* its tree is read no more */
        }
    for (;;) {
        if (diag_full(m->diag))
            break;
        if (w.ready_at < w.nready) {
            uint32_t i = w.ready[w.ready_at++];
            add_within(&b, &w, i, unitset_get(&m->units, NULL, w.name[i], w.kind[i]));
            continue;
        }
        uint32_t i = next_to_make(&w);
        if (i == NONE)
            break;
        b.src = files->roots[i]->src;
        const Item *it = w.within[i];
        Node *unit = child_unit(&b, m->root, w.kind[i], atom_str(it->args->next), it->args->next->span);
        if (!unit)
            break;
        if (!w.queued[i]) {         /* made before the files were read: cannot be, but never loop */
            w.queued[i] = true;
            add_within(&b, &w, i, unit);
        }
    }
    check_namesakes(&b, &w);
    model_finish(m);
}

/* ---- what needs every file ---------------------------------------------------------- */

/* A child unit its parent does not list is an error (spec §4.2). A listed
 * unit no file declares is present with no figures: the roll-ups say what
 * it lacks. */
static void check_lists(Model *m, const Node *parent)
{
    Span lists_span = { 0, 0 };
    Source *lists_src = model_lists_at(m, parent, &lists_span);
    if (!lists_src)
        return;
    for (const Node *ch = node_first_child(parent); ch; ch = ch->next_sibling) {
        if (ch->kind->session || ch->listed)
            continue;
        /* the nearest listed name of the same kind: one that differs only by
         * case, spaces or accents first, else within two edits */
        size_t len;
        const char *skel = unicode_skeleton(m->arena, ch->name->text, ch->name->len, &len);
        const Node *near = NULL;
        Suggest s;
        suggest_init(&s, ch->name->text);
        for (const Node *o = node_first_child(parent); o && !near; o = o->next_sibling) {
            if (!o->listed || o->kind != ch->kind)
                continue;
            size_t olen;
            const char *oskel = unicode_skeleton(m->arena, o->name->text, o->name->len, &olen);
            if (skel && oskel && len == olen && memcmp(skel, oskel, len) == 0)
                near = o;
            suggest_offer(&s, o->name->text, o->name->len);
        }
        const char *hint = near ? near->name->text : suggest_best(&s);
        if (hint)
            diag_error(m->diag, node_src(ch), node_span(ch),
                       "%s is not one of the units %s lists; did you mean \"%s\"?", model_subject(m->arena, ch),
                       model_subject(m->arena, parent), hint);
        else
            diag_error(m->diag, node_src(ch), node_span(ch), "%s is not one of the units %s lists",
                       model_subject(m->arena, ch), model_subject(m->arena, parent));
        diag_note(m->diag, lists_src, lists_span, "the list is here");
    }
}

/* A child's skeleton in near_duplicates()' table: open addressing, at
 * most half full, the slot chosen by SipHash of the skeleton under the
 * run's key (a submission cannot make its names collide). */
typedef struct SkeletonSlot {
    const Node *node;       /* the first child of its kind with this skeleton; NULL: empty */
    const char *text;
    uint32_t len;
    uint32_t hash;
} SkeletonSlot;

typedef struct SkeletonTable {
    SkeletonSlot *slots;
    uint32_t cap, count;    /* cap a power of two */
    SipKey key;
} SkeletonTable;

static uint32_t skeleton_hash(const SkeletonTable *t, const char *text, size_t len, const Kind *kind)
{
    return (uint32_t)siphash24(t->key, text, len) ^ hash_mix((uint64_t)kind->id);
}

/* The slot of (text, kind): its child's, or the empty one it would take. */
static SkeletonSlot *skeleton_slot(SkeletonSlot *slots, uint32_t cap, uint32_t hash, const char *text, uint32_t len,
                               const Kind *kind)
{
    for (uint32_t i = hash & (cap - 1);; i = (i + 1) & (cap - 1)) {
        SkeletonSlot *x = &slots[i];
        if (!x->node || (x->hash == hash && x->len == len && x->node->kind == kind && memcmp(x->text, text, len) == 0))
            return x;
    }
}

/* Room for one more at most half full; false when out of memory. */
static bool skeletons_room(SkeletonTable *t, Arena *a)
{
    if (t->count + 1 <= t->cap / 2)
        return true;
    uint32_t cap = t->cap ? t->cap * 2 : 16;
    if (cap > (UINT32_MAX >> 2))
        return false;
    SkeletonSlot *slots = ARENA_ARRAY(a, SkeletonSlot, cap);
    if (!slots)
        return false;
    for (uint32_t i = 0; i < t->cap; i++)
        if (t->slots[i].node)
            *skeleton_slot(slots, cap, t->slots[i].hash, t->slots[i].text, t->slots[i].len, t->slots[i].node->kind) =
                t->slots[i];
    t->slots = slots;
    t->cap = cap;
    return true;
}

/* Two children of one kind whose names differ only by case, spaces or
 * accents are most likely one unit typed twice. */
static void near_duplicates(Model *m, const Node *parent, Arena *scratch)
{
    /* the skeletons and their table are the parent's alone: in `scratch`,
     * given back once its children are compared */
    Span lists_span = { 0, 0 };
    bool lists = model_lists_at(m, parent, &lists_span) != NULL;
    ArenaMark mark = arena_mark(scratch);
    SkeletonTable seen = { .key = scratch->key };
    for (const Node *ch = node_first_child(parent); ch; ch = ch->next_sibling) {
        if (ch->kind->session)
            continue;
        size_t len;
        const char *skel = unicode_skeleton(scratch, ch->name->text, ch->name->len, &len);
        if (!skel || len > UINT32_MAX || !skeletons_room(&seen, scratch))
            break;
        uint32_t hash = skeleton_hash(&seen, skel, len, ch->kind);
        SkeletonSlot *x = skeleton_slot(seen.slots, seen.cap, hash, skel, (uint32_t)len, ch->kind);
        if (!x->node) {
            *x = (SkeletonSlot){ ch, skel, (uint32_t)len, hash };
            seen.count++;
            continue;
        }
        const Node *first = x->node;
        if (lists && (!first->listed || !ch->listed))
            continue;               /* the unlisted one is an error already */
        diag_warning(m->diag, node_src(ch), node_span(ch),
                     "%s and %s differ only by case, spaces or accents; did you mean \"%s\"?",
                     model_subject(m->arena, ch), model_subject(m->arena, first), first->name->text);
        diag_note(m->diag, node_src(first), node_span(first), "the other is here");
    }
    if (scratch->failed)
        m->arena->failed = true;        /* the run says so */
    arena_rewind(scratch, mark);
}

/* A session dated outside the report's period still counts, but the
 * report or the date is wrong (spec §4.3): a warning, once per session. */
static void outside_period(Model *m, const Node *s)
{
    const Header *h = &m->header;
    Date when = node_session(s)->date;
    if (!h->has_period || when.precision < DATE_MONTH)
        return;
    int32_t first = date_to_days(when);
    int32_t last = when.precision == DATE_DAY ? first : date_window(WIN_MONTH, first).last;
    if (last >= h->period_first && first <= h->period_last)
        return;
    char a[16], b[16];
    diag_warning(m->diag, node_src(s), node_span(s),
                 "%s is dated outside the report's period (%s .. %s): correct the date or the period",
                 model_subject(m->arena, s), date_format(date_from_days(h->period_first), a),
                 date_format(date_from_days(h->period_last), b));
}

static void finish(Model *m, const Node *n, Arena *scratch)
{
    check_lists(m, n);
    near_duplicates(m, n, scratch);
    for (const Node *ch = node_first_child(n); ch; ch = ch->next_sibling)
        if (!ch->kind->session)
            finish(m, ch, scratch);
        else
            outside_period(m, ch);
}

void model_finish(Model *m)
{
    Arena scratch;
    arena_init(&scratch, &m->arena->allocator);
    finish(m, m->root, &scratch);
    arena_free(&scratch);
}

static bool gives_figures(const Node *n)
{
    if (n->figures || node_opinions(n) || node_documents(n) || n->kind->session)
        return true;
    for (const Node *ch = node_first_child(n); ch; ch = ch->next_sibling)
        if (gives_figures(ch))
            return true;
    return false;
}

bool model_gives_figures(const Model *m)
{
    return gives_figures(m->root);
}
