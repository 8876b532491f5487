/* vocab.c - building the vocabulary from declarations (spec §14), and the
 * lookups every later pass uses. */
#include "vocab.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "suggest.h"

/* Declarations, by the word that opens them. */
typedef enum { DECL_DIMENSION = 1, DECL_FIGURE, DECL_UNIT_KIND, DECL_SESSION_KIND, DECL_RELATION } DeclKind;

static const char *const decl_words[] = { "", "dimension", "figure", "unit_kind", "session_kind", "relation" };

/* A figure's item, as vocab_take() read it: the figure pass says what is
 * wrong with it there, in the order it would have read the tree. */
typedef enum { SUB_TYPE, SUB_BY, SUB_IN, SUB_UNKNOWN } SubWord;
typedef struct FigureSub {
    Symbol *name;           /* the argument; NULL when written wrongly;
                             * SUB_UNKNOWN: the item's own name */
    Span span;              /* the argument's, or where it is wrong */
    uint8_t word;           /* SubWord */
} FigureSub;

/* A declaration other than a figure's, in the order read: read from its
 * tree, `it`, by vocab_finish(). They lie in blocks of DECL_BLOCK, given
 * back once the vocabulary is made (a vocabulary has few). */
enum { DECL_BLOCK = 1024 };
struct Decl {
    Source *src;
    const Item *it;
    Symbol *name;           /* the first argument, when a name */
    Span span;              /* the first argument, or the item's name when none */
    uint32_t seq;           /* its place among all the declarations taken */
    uint8_t kind;           /* DeclKind */
    bool refused;           /* its name stands for another sort of thing */
};

/* A figure's declaration, read when taken: its tree is not kept (a
 * vocabulary may declare a million figures). It is written at once into
 * a FigureDecl, which is the figure itself when this declaration is its
 * first (a later one adds to that one's): its head (name, title, where),
 * and until the vocabulary is made what the figure pass reads
 * (FigureDecl.read, read_flags). 64 bytes for each figure, where a record
 * to read and a figure made from it took 64 and 80. In blocks of
 * TAKE_BLOCK, kept for the run (Vocab.heads). */
enum { TAKE_BLOCK = 8192 };
_Static_assert(sizeof(FigureDecl) <= 64, "a figure is 64 bytes: a national vocabulary declares millions");
enum {
    READ_HEAD_OK = 1,               /* the head is NAME ["TITLE"] */
    READ_REFUSED = 2,               /* as Decl.refused */
};

/* What a declaration's name stands for, and the sort it is, in messages:
 * translated where they are used (i18n.h). */
/* TRANSLATORS: what a name stands for, in "'%s' is %s: a %s needs a name of its own" */
static const char *const decl_what[] = { "", N_("a dimension"), N_("a figure"), N_("a kind of unit or session"),
                                         N_("a kind of unit or session"), "" };
/* TRANSLATORS: a sort of declaration, in "'%s' is %s: a %s needs a name of its own" */
static const char *const decl_noun[] = { "", NC_("declaration", "dimension"), NC_("declaration", "figure"),
                                         NC_("declaration", "kind"), NC_("declaration", "kind"),
                                         NC_("declaration", "relation") };

/* Names an expression reads from its scope (spec §7.2). */
static const struct { const char *name; ScopeName meaning; } scope_names[] = {
    { "date", NAME_DATE }, { "conclusion", NAME_CONCLUSION }, { "notice", NAME_NOTICE }, { "period", NAME_PERIOD },
    { "kind", NAME_KIND },
    { "scope", NAME_SCOPE }, { "topic", NAME_TOPIC }, { "status", NAME_STATUS },
    { "satisfied", NAME_SATISFIED }, { "true", NAME_TRUE }, { "false", NAME_FALSE },
};

#define COUNT(a) ((uint32_t)(sizeof(a) / sizeof *(a)))

/* ---- growing arrays ------------------------------------------------------ */

/* Append p to an arena array of pointers, doubling it when full. */
#define PUSH(a, arr, n, cap, p) arena_push((a), (void ***)&(arr), &(n), &(cap), (p), 16)

/* ---- the language's own words --------------------------------------------- */

Vocab *vocab_new(Arena *a, Symtab *syms)
{
    Vocab *v = ARENA_NEW(a, Vocab);
    Kind *root = ARENA_NEW(a, Kind);
    if (!v || !root)
        return NULL;
    v->arena = a;
    v->syms = syms;
    static const char *const answers[] = { "yes", "no" }, *const severities[] = { "error", "warning" };
    for (uint32_t i = 0; i < 2; i++)
        if (!(v->answers[i] = symtab_intern_cstr(syms, answers[i])) ||
            !(v->severities[i] = symtab_intern_cstr(syms, severities[i])))
            return NULL;
    for (uint32_t i = 0; i < COUNT(scope_names); i++) {
        Symbol *s = symtab_intern_cstr(syms, scope_names[i].name);
        if (!s || !symmap_put(&v->scope_names, a, s, (void *)(uintptr_t)scope_names[i].meaning))
            return NULL;
    }
    for (uint32_t k = DECL_DIMENSION; k <= DECL_RELATION; k++) {
        Symbol *s = symtab_intern_cstr(syms, decl_words[k]);
        if (!s || !symmap_put(&v->keywords, a, s, (void *)(uintptr_t)k))
            return NULL;
    }
    if (!(v->unstatused = symtab_intern_cstr(syms, "opinions (without a status)")))
        return NULL;
    /* the report itself is the root of every run: kind 0, level 0 */
    root->name = symtab_intern_cstr(syms, "report");
    root->title = (Str){ "báo cáo", (uint32_t)strlen("báo cáo") };
    if (!root->name || !PUSH(a, v->kinds, v->nkinds, v->cap_kinds, root) ||
        !symmap_put(&v->kind_index, a, root->name, root))
        return NULL;
    v->root = root;
    return v;
}

/* ---- collecting ------------------------------------------------------------ */

static DeclKind decl_kind(const Vocab *v, const Symbol *name)
{
    return (DeclKind)(uintptr_t)symmap_get(&v->keywords, name);
}

bool vocab_is_declaration(const Vocab *v, const Item *it)
{
    return decl_kind(v, it->name) != 0;
}

/* The file's place in the order declared, given at its first declaration
 * (a file declares in a run: the last one is known without a lookup). */
static bool file_order(Vocab *v, Source *src)
{
    if (src == v->last_src)
        return true;
    if (!ptrmap_get(&v->file_order, src, 0) &&
        !ptrmap_put(&v->file_order, v->arena, src, 0, (void *)(uintptr_t)(v->file_order.count + 1)))
        return false;
    v->last_src = src;
    return true;
}

/* What the figure pass needs of a figure's tree (declare_figure). */
static bool read_figure(Vocab *v, FigureDecl *head, const Item *it)
{
    const Atom *a = it->args;
    bool head_ok = a && a->kind == ATOM_NAME && (!a->next || (a->next->kind == ATOM_STRING && !a->next->next)) &&
                   !it->binding;
    head->read_flags = head_ok ? READ_HEAD_OK : 0;
    if (head_ok && a->next && !(head->title = str_keep(v->arena, atom_str(a->next))).ptr)
        return false;
    uint32_t n = 0;
    for (const Block *blk = it->blocks; blk; blk = blk->next)
        for (const Item *p = blk->items; p; p = p->next)
            n++;
    if (!n)
        return true;
    if (!(head->read.subs = ARENA_ARRAY(v->arena, FigureSub, n)))
        return false;
    static const char *const words[] = { "type", "by", "in" };
    for (const Block *blk = it->blocks; blk; blk = blk->next)
        for (const Item *p = blk->items; p; p = p->next) {
            FigureSub *sub = &head->read.subs[head->read.nsubs++];
            sub->word = SUB_UNKNOWN;
            for (uint8_t w = SUB_TYPE; w < SUB_UNKNOWN; w++)
                if (strcmp(p->name->text, words[w]) == 0)
                    sub->word = w;
            const Atom *arg = p->args;
            if (sub->word == SUB_UNKNOWN) {
                sub->name = p->name;
                sub->span = item_name_span(p);
            } else {
                /* one name argument, as name_arg() reads it */
                bool one = arg && arg->kind == ATOM_NAME && !arg->next && !p->blocks && !p->binding;
                sub->name = one ? arg->as.name : NULL;
                sub->span = arg ? arg->span : item_name_span(p);
            }
        }
    return true;
}

/* The i-th element of a list in blocks of `per` elements. */
static void *block_at(const BlockList *l, size_t size, uint32_t per, uint32_t i)
{
    return (char *)l->blocks[i / per] + (size_t)(i % per) * size;
}

/* Room for one more element at the end of l, zeroed; NULL when out of
 * memory. */
static void *block_new(Arena *a, BlockList *l, size_t size, uint32_t per)
{
    if (l->n == UINT32_MAX)
        return NULL;
    if (l->n % per == 0) {
        void *block = arena_zalloc(a, size * per);
        if (!block || !arena_push(a, &l->blocks, &l->nblocks, &l->cap, block, 16))
            return NULL;
    }
    return block_at(l, size, per, l->n++);
}

static Decl *decl_at(const Vocab *v, uint32_t i) { return block_at(&v->decls, sizeof(Decl), DECL_BLOCK, i); }
static FigureDecl *head_at(const Vocab *v, uint32_t i)
{
    return block_at(&v->heads, sizeof(FigureDecl), TAKE_BLOCK, i);
}

bool vocab_take(Vocab *v, Source *src, const Item *it)
{
    DeclKind k = decl_kind(v, it->name);
    if (!k || !file_order(v, src) || v->ntaken == UINT32_MAX)
        return false;               /* out of memory: the arena remembers; the run reports it */
    const Atom *a = it->args;
    Symbol *name = a && a->kind == ATOM_NAME ? a->as.name : NULL;
    Span span = a ? a->span : item_name_span(it);
    if (k == DECL_FIGURE) {
        FigureDecl *head = block_new(v->arena, &v->heads, sizeof(FigureDecl), TAKE_BLOCK);
        if (!head)
            return false;
        head->src = src;
        head->name = name;
        head->span = span;
        head->read.seq = v->ntaken++;
        return read_figure(v, head, it);
    }
    Decl *d = block_new(v->arena, &v->decls, sizeof(Decl), DECL_BLOCK);
    if (!d)
        return false;
    d->kind = (uint8_t)k;
    d->src = src;
    d->it = it;
    d->name = name;
    d->span = span;
    d->seq = v->ntaken++;
    return false;
}

void vocab_declare(Vocab *v, Source *src, Item *items)
{
    if (!file_order(v, src))
        return;
    for (const Item *it = items; it; it = it->next)
        vocab_take(v, src, it);
}

/* ---- lookups ---------------------------------------------------------------- */

const Kind *vocab_kind(const Vocab *v, const Symbol *name) { return symmap_get(&v->kind_index, name); }
const Dimension *vocab_dimension(const Vocab *v, const Symbol *name) { return symmap_get(&v->dim_index, name); }
const FigureDecl *vocab_figure(const Vocab *v, const Symbol *name) { return symmap_get(&v->figure_index, name); }

const FigureDecl *vocab_figure_id(const Vocab *v, uint32_t name_id)
{
    return symmap_get_id(&v->figure_index, name_id);
}

bool vocab_numbered_part(const Dimension *d, const Symbol *name)
{
    const Symbol *p = d->numbered;
    if (!p || name->len <= p->len || name->len > p->len + 9 || memcmp(name->text, p->text, p->len) != 0)
        return false;
    const char *digits = name->text + p->len;
    if (digits[0] == '0')
        return false;               /* y2020, never y02020 */
    for (const char *c = digits; *c; c++)
        if (*c < '0' || *c > '9')
            return false;
    return true;
}

bool vocab_made_part(const Vocab *v, const Dimension *d, const Symbol *name, Window *win)
{
    Window w = { WIN_NONE, 0, 0 };
    bool ok = d->calendar ? date_window_parse(name->text, WIN_NONE, &w) && v->calendar[w.unit]
                          : vocab_numbered_part(d, name);
    if (ok && win)
        *win = w;
    return ok;
}

const Part *vocab_find_part(const Vocab *v, const Dimension *d, const Symbol *name)
{
    Window w;
    if (d->calendar && vocab_made_part(v, d, name, &w))
        d = v->calendar[w.unit];            /* m2024_03 is month's, whatever the axis says */
    /* ids are a table's (a file read apart numbers its own names), so the
     * part found by one is taken only when it is the part of this name */
    uint32_t k = name->id - d->first_id;
    if (k < d->nby_id && d->by_id[k] && d->by_id[k]->name == name)
        return d->by_id[k];
    return ptrmap_get(&d->index, name, 0);
}

/* d's declared parts by the ids of their names (by_id), when those lie
 * close together, as names declared together do; else none. Made again
 * when a dimension declared again gains parts. */
static void index_parts_by_id(Vocab *v, Dimension *d)
{
    d->by_id = NULL;
    d->first_id = d->nby_id = 0;
    uint32_t lo = UINT32_MAX, hi = 0;
    for (uint32_t i = 0; i < d->nparts; i++) {
        uint32_t id = d->parts[i]->name->id;
        lo = id < lo ? id : lo;
        hi = id > hi ? id : hi;
    }
    if (!d->nparts || hi - lo >= 4 * d->nparts + 64)
        return;
    const Part **by_id = ARENA_ARRAY(v->arena, const Part *, hi - lo + 1);
    if (!by_id)
        return;                             /* the index alone: the arena says it ran out */
    for (uint32_t i = 0; i < d->nparts; i++)
        by_id[d->parts[i]->name->id - lo] = d->parts[i];
    d->by_id = by_id;
    d->first_id = lo;
    d->nby_id = hi - lo + 1;
}

const Part *vocab_part(Vocab *v, const Dimension *d, const Symbol *name)
{
    const Part *found = vocab_find_part(v, d, name);
    Window w;
    if (found || !vocab_made_part(v, d, name, &w))
        return found;
    /* a numbered part is made when first met: "Đợt 3"; a window of time
     * is its calendar dimension's, titled as writers show it: "2024-03" */
    if (w.unit)
        d = v->calendar[w.unit];
    char label[16];
    Part *p = ARENA_NEW(v->arena, Part);
    const char *title;              /* copied or joined, not printed: a breakdown may number a million parts */
    if (w.unit) {
        const char *window = date_window_label(w, label);
        title = arena_strndup(v->arena, window, strlen(window));
    } else {
        const char *const words[] = { d->title.ptr ? d->title.ptr : d->name->text, " ", name->text + d->numbered->len };
        title = arena_join(v->arena, words, 3);
    }
    Dimension *dim = (Dimension *)d;  /* its index only: the parts stay as declared */
    if (!p || !title || !ptrmap_put(&dim->index, v->arena, name, 0, p))
        return NULL;
    p->name = (Symbol *)name;
    p->title = (Str){ title, (uint32_t)strlen(title) };
    p->dim = d;
    p->win = w;
    return p;
}

int vocab_figure_dim(const FigureDecl *f, const Dimension *d)
{
    for (uint32_t i = 0; i < f->ndims; i++)
        if (f->dims[i] == d || (d->calendar && f->dims[i]->calendar))
            return (int)i;
    return -1;
}

int vocab_time_dim(const FigureDecl *f)
{
    for (uint32_t i = 0; i < f->ndims; i++)
        if (f->dims[i]->calendar)
            return (int)i;
    return -1;
}

/* "name.part.part": the text of a cell, into the arena. */
/* The length of the text of f's cell `parts`: its name, then ".PART" for
 * each dimension it has a part of. */
static size_t cell_len(const FigureDecl *f, const Part *const parts[VOCAB_MAX_DIMS])
{
    size_t n = f->name->len;
    for (uint32_t i = 0; i < f->ndims; i++)
        if (parts[i])
            n += 1 + parts[i]->name->len;
    return n;
}

/* That text, into buf (cell_len() bytes, no NUL). */
static void cell_text(const FigureDecl *f, const Part *const parts[VOCAB_MAX_DIMS], char *buf)
{
    memcpy(buf, f->name->text, f->name->len);
    size_t k = f->name->len;
    for (uint32_t i = 0; i < f->ndims; i++)
        if (parts[i]) {
            buf[k++] = '.';
            memcpy(buf + k, parts[i]->name->text, parts[i]->name->len);
            k += parts[i]->name->len;
        }
}

/* A cell's text is written on the stack (the symbol keeps its own copy).
 * Names are at most 256 bytes (parse.h), so a cell of a figure and a part
 * of each of its 8 dimensions is 2,313 at most; a longer one, which only a
 * name made otherwise could give, is written in the heap. */
enum { CELL_ON_STACK = 4096 };

/* The symbol of f's cell `parts`: interned when `make`, else only found
 * (NULL when there is none, or when out of memory). The whole is f's own
 * name. */
static Symbol *cell_symbol(const Vocab *v, const FigureDecl *f, const Part *const parts[VOCAB_MAX_DIMS], bool make)
{
    size_t n = cell_len(f, parts);
    if (n == f->name->len)
        return f->name;
    char small[CELL_ON_STACK];
    char *buf = n <= sizeof small ? small : malloc(n);
    if (!buf)
        return NULL;
    cell_text(f, parts, buf);
    Symbol *cell = make ? symtab_intern(v->syms, buf, n) : symtab_find(v->syms, buf, n);
    if (buf != small)
        free(buf);
    return cell;
}

Symbol *vocab_cell(const Vocab *v, const FigureDecl *f, const Part *const parts[VOCAB_MAX_DIMS])
{
    return cell_symbol(v, f, parts, true);
}

Symbol *vocab_cell_find(const Vocab *v, const FigureDecl *f, const Part *const parts[VOCAB_MAX_DIMS])
{
    return cell_symbol(v, f, parts, false);     /* nothing made in the arena */
}

bool vocab_zero_in_units(const Vocab *v, uint32_t path_id)
{
    return symmap_get_id(&v->session_counts, path_id) != NULL;
}

bool vocab_is_unit_count(const Vocab *v, const FigureDecl *f)
{
    for (uint32_t i = 0; i < v->nkinds; i++)
        if (!v->kinds[i]->session && v->kinds[i]->count == f)
            return true;
    return false;
}

ScopeName vocab_scope_name(const Vocab *v, const Symbol *name)
{
    return (ScopeName)(uintptr_t)symmap_get(&v->scope_names, name);
}

static int cmp_parts(const void *a, const void *b)
{
    const Part *x = *(const Part *const *)a, *y = *(const Part *const *)b;
    /* numbered parts by their number: same prefix, so by length, then bytes */
    if (x->name->len != y->name->len)
        return x->name->len < y->name->len ? -1 : 1;
    return strcmp(x->name->text, y->name->text);
}

bool vocab_dim_parts(Arena *a, const Dimension *d, const Part *const **parts, uint32_t *n)
{
    if (!d->numbered && !d->calendar) {
        *n = d->nparts;
        *parts = (const Part *const *)d->parts;
        return true;
    }
    uint32_t k = 0;
    for (uint32_t i = 0; i < d->index.cap; i++)
        k += d->index.slots[i].key != NULL;
    const Part **made = ARENA_ARRAY(a, const Part *, k ? k : 1);
    *parts = made;
    *n = 0;
    if (!made)
        return false;
    k = 0;
    for (uint32_t i = 0; i < d->index.cap; i++)
        if (d->index.slots[i].key)
            made[k++] = d->index.slots[i].value;
    qsort(made, k, sizeof *made, cmp_parts);
    *n = k;
    return true;
}

WordList vocab_words(const Vocab *v, const Dimension *d)
{
    (void)v;
    return d ? (WordList){ d->words, d->nparts } : (WordList){ NULL, 0 };
}

WordList vocab_answers(const Vocab *v) { return (WordList){ v->answers, 2 }; }
WordList vocab_severities(const Vocab *v) { return (WordList){ v->severities, 2 }; }

bool vocab_word_in(WordList list, const Symbol *word)
{
    for (uint32_t i = 0; i < list.count; i++)
        if (list.words[i] == word)
            return true;
    return false;
}

const char *vocab_nearest(WordList list, const Symbol *word)
{
    Suggest s;
    suggest_init(&s, word->text);
    for (uint32_t i = 0; i < list.count; i++)
        suggest_offer(&s, list.words[i]->text, list.words[i]->len);
    return suggest_best(&s);
}

const char *vocab_type_name(ValueType t)
{
    switch (t) {
    case TYPE_COUNT: return "count";
    case TYPE_MONEY: return "money";
    case TYPE_PERCENTAGE: return "percentage";
    case TYPE_DAYS: return "days";
    }
    return "count";
}

/* ---- giving declarations their meaning ------------------------------------------ */

typedef struct Builder {
    Vocab *v;
    Diag *diag;
    Source *src;
    PtrMap shared;          /* parts already said to be shared, once each */
} Builder;

/* " (did you mean 'x'?)", or "" */
static const char *hint(Arena *a, const char *near)
{
    return near ? arena_printf(a, _("; did you mean '%s'?"), near) : "";
}

/* The nearest to `name` of the names of n kinds, dimensions or figures
 * (each of those begins with its name). */
static const char *nearest_in(void *const *declared, uint32_t n, const Symbol *name)
{
    Suggest s;
    suggest_init(&s, name->text);
    for (uint32_t i = 0; i < n; i++) {
        const Symbol *k = *(Symbol *const *)declared[i];
        suggest_offer(&s, k->text, k->len);
    }
    return suggest_best(&s);
}

/* NAME ["TITLE"] as the head of a declaration; `form`, marked N_(), is
 * what to write instead. */
static bool head(Builder *b, const Item *it, const char *form, Symbol **name, Str *title)
{
    const Atom *a = it->args;
    if (!a || a->kind != ATOM_NAME || (a->next && (a->next->kind != ATOM_STRING || a->next->next)) || it->binding) {
        diag_error(b->diag, b->src, a ? a->span : item_name_span(it), "write %s", _(form));
        return false;
    }
    *name = a->as.name;
    *title = a->next ? str_keep(b->v->arena, atom_str(a->next)) : (Str){ NULL, 0 };
    return true;
}

/* One name argument: `by status`, `count dialogues`. `form`, marked N_(),
 * is what to write instead. */
static Symbol *name_arg(Builder *b, const Item *it, const char *form)
{
    const Atom *a = it->args;
    if (!a || a->kind != ATOM_NAME || a->next || it->blocks || it->binding) {
        diag_error(b->diag, b->src, a ? a->span : item_name_span(it), "write %s", _(form));
        return NULL;
    }
    return a->as.name;
}

/* A name may stand for one thing only: a kind, a dimension or a figure. */
static bool name_is_free(Builder *b, const Symbol *name, Span at, const char *what)
{
    const char *taken = vocab_kind(b->v, name) ? "a kind of unit or session"
                      : decl_kind(b->v, name) ? "a word of the language" : NULL;
    if (!taken)
        return true;
    diag_error(b->diag, b->src, at, "'%s' is %s: a %s needs a name of its own", name->text, taken, what);
    return false;
}

static void twice(Builder *b, Span at, const char *what, const char *name, Source *first_src, Span first)
{
    diag_error(b->diag, b->src, at, "%s '%s' is declared twice", what, name);
    diag_note(b->diag, first_src, first, "first declared here");
}

/* calendar UNIT: the dimension's parts are windows of time (spec §14.2). */
static void declare_calendar(Builder *b, Dimension *d, const Item *p)
{
    Vocab *v = b->v;
    const char *form = N_("calendar UNIT: calendar year, half, quarter, month or week");
    Symbol *unit = name_arg(b, p, form);
    if (!unit)
        return;
    WindowUnit u = WIN_NONE;
    for (int i = WIN_YEAR; i <= WIN_WEEK; i++)
        if (strcmp(unit->text, date_window_unit((WindowUnit)i)) == 0)
            u = (WindowUnit)i;
    if (!u) {
        diag_error(b->diag, b->src, p->args->span, "unknown calendar unit '%s': use year, half, quarter, month or week",
                   unit->text);
        return;
    }
    if (d->nparts || d->numbered || (d->calendar && d->calendar != u)) {
        diag_error(b->diag, b->src, item_name_span(p),
                   "dimension '%s' has parts already: calendar parts cannot join them", d->name->text);
        return;
    }
    if (v->calendar[u] && v->calendar[u] != d) {
        diag_error(b->diag, b->src, p->args->span, "dimension '%s' has the calendar's %ss already",
                   v->calendar[u]->name->text, unit->text);
        return;
    }
    d->calendar = (uint8_t)u;
    v->calendar[u] = d;
}

/* dimension NAME "TITLE" { PART "TITLE" ... }  |  dimension NAME "TITLE" { numbered PREFIX }
 * | dimension NAME "TITLE" { calendar UNIT } */
static void declare_dimension(Builder *b, const Item *it)
{
    Vocab *v = b->v;
    Symbol *name;
    Str title;
    if (!head(b, it, N_("dimension NAME \"TITLE\" { PART \"TITLE\" ... }"), &name, &title))
        return;
    Dimension *d = (Dimension *)vocab_dimension(v, name);
    if (!d) {
        if (!name_is_free(b, name, it->args->span, "dimension"))
            return;
        d = ARENA_NEW(v->arena, Dimension);
        if (!d || !symmap_put(&v->dim_index, v->arena, name, d) || !PUSH(v->arena, v->dims, v->ndims, v->cap_dims, d))
            return;
        d->name = name;
        d->id = v->ndims - 1;
        d->src = b->src;
        d->span = it->args->span;
    }
    if (title.ptr && !d->title.ptr)
        d->title = title;           /* a dimension declared again gains parts */
    const Symbol *numbered = symtab_intern_cstr(v->syms, "numbered");
    const Symbol *calendar = symtab_intern_cstr(v->syms, "calendar");
    for (const Block *blk = it->blocks; blk; blk = blk->next)
        for (const Item *p = blk->items; p; p = p->next) {
            if (p->name == calendar) {
                declare_calendar(b, d, p);
                continue;
            }
            if (p->name == numbered) {
                Symbol *prefix = name_arg(b, p, N_("numbered PREFIX: numbered y gives the parts y2019, y2020, ..."));
                if (prefix && (d->nparts || d->calendar))
                    diag_error(b->diag, b->src, item_name_span(p),
                               "dimension '%s' has parts already: numbered parts cannot join them", name->text);
                else if (prefix)
                    d->numbered = prefix;
                continue;
            }
            if (!p->args || p->args->kind != ATOM_STRING || p->args->next || p->blocks || p->binding) {
                diag_error(b->diag, b->src, item_name_span(p),
                           "a part of a dimension is NAME \"TITLE\": write the title of '%s' in double quotes",
                           p->name->text);
                continue;
            }
            if (d->numbered || d->calendar) {
                diag_error(b->diag, b->src, item_name_span(p), "dimension '%s' has %s parts: it takes no named ones",
                           /* TRANSLATORS: the sort of a dimension's parts, "has numbered parts" */
                           name->text, d->numbered ? C_("parts", "numbered") : C_("parts", "calendar"));
                continue;
            }
            const Part *prev = vocab_find_part(v, d, p->name);
            if (prev) {
                twice(b, item_name_span(p), "part", p->name->text, prev->src, prev->span);
                continue;
            }
            Part *part = ARENA_NEW(v->arena, Part);
            if (!part || !ptrmap_put(&d->index, v->arena, p->name, 0, part))
                return;
            part->name = p->name;
            part->title = str_keep(v->arena, atom_str(p->args));
            part->dim = d;
            part->src = b->src;
            part->span = item_name_span(p);
            uint32_t n = d->nparts, cap = d->cap;
            if (!PUSH(v->arena, d->parts, n, cap, part) || !PUSH(v->arena, d->words, d->nparts, d->cap, p->name))
                return;
        }
    index_parts_by_id(v, d);
}

static const Kind *kind_named(Builder *b, const Symbol *name, Span at)
{
    const Kind *k = vocab_kind(b->v, name);
    if (!k)
        diag_error(b->diag, b->src, at, "unknown kind '%s'%s", name->text,
                   hint(b->v->arena, nearest_in((void *const *)b->v->kinds, b->v->nkinds, name)));
    return k;
}

static const Dimension *dimension_named(Builder *b, const Symbol *name, Span at)
{
    const Dimension *d = vocab_dimension(b->v, name);
    if (!d)
        diag_error(b->diag, b->src, at, "unknown dimension '%s'%s", name->text,
                   hint(b->v->arena, nearest_in((void *const *)b->v->dims, b->v->ndims, name)));
    return d;
}

static const FigureDecl *figure_named(Builder *b, const Symbol *name, Span at)
{
    const FigureDecl *f = vocab_figure(b->v, name);
    if (!f)
        diag_error(b->diag, b->src, at, "unknown figure '%s'%s", name->text,
                   hint(b->v->arena, nearest_in((void *const *)b->v->figures, b->v->nfigures, name)));
    return f;
}

/* Was (src, at) written after (src2, at2): in a file declared later, or further on? */
static bool written_after(const Vocab *v, const Source *src, Span at, const Source *src2, Span at2)
{
    uintptr_t order = (uintptr_t)ptrmap_get(&v->file_order, src, 0);
    uintptr_t order2 = (uintptr_t)ptrmap_get(&v->file_order, src2, 0);
    return order != order2 ? order > order2 : at.start > at2.start;
}

/* Two dimensions of one figure may not share a part: a breakdown's parts
 * name their dimension. The error stands where the clash was made: at the
 * figure's `by`, or at the part when it was written last, as when a report
 * adds a part to a standard dimension; a note then shows the figure. */
static bool disjoint(Builder *b, const FigureDecl *f, const Dimension *d, Span at)
{
    for (uint32_t i = 0; i < f->ndims; i++)
        for (uint32_t j = 0; j < d->nparts; j++) {
            const Part *mine = d->parts[j];
            const Part *other = vocab_find_part(b->v, f->dims[i], mine->name);
            if (!other && !vocab_made_part(b->v, f->dims[i], mine->name, NULL))
                continue;
            const Part *last = other && written_after(b->v, other->src, other->span, mine->src, mine->span) ? other
                                                                                                           : mine;
            bool at_part = other && written_after(b->v, last->src, last->span, b->src, at);
            if (at_part && ptrmap_get(&b->shared, last, 0))
                return false;
            if (at_part && !ptrmap_put(&b->shared, b->v->arena, last, 0, (void *)last))
                return false;
            diag_error(b->diag, at_part ? last->src : b->src, at_part ? last->span : at,
                       "dimensions '%s' and '%s' of figure '%s' share the part '%s': a part must say "
                       "which dimension it belongs to", f->dims[i]->name->text, d->name->text,
                       f->name->text, mine->name->text);
            if (at_part)
                diag_note(b->diag, b->src, at, "figure '%s' is broken down by both here", f->name->text);
            return false;
        }
    return true;
}

/* Append p to an array of a figure's (VOCAB_MAX_PLACES at most), *n used
 * of *cap, doubling from 2; false when out of memory. */
static bool push_short(Arena *a, const void ***arr, uint8_t *n, uint8_t *cap, const void *p)
{
    if (*n == *cap) {
        uint8_t ncap = *cap ? (uint8_t)(*cap * 2) : 2;
        const void **grown = arena_grow(a, *arr, *cap * sizeof *grown, ncap * sizeof *grown);
        if (!grown)
            return false;
        *arr = grown;
        *cap = ncap;
    }
    (*arr)[(*n)++] = p;
    return true;
}

/* figure NAME "TITLE" { type TYPE  by DIMENSION ...  in KIND ... }, as
 * vocab_take() read it: head's `read`, its items `subs` */
static void declare_figure(Builder *b, FigureDecl *head, const FigureSub *subs, uint32_t nsubs)
{
    Vocab *v = b->v;
    if (!(head->read_flags & READ_HEAD_OK)) {
        diag_error(b->diag, b->src, head->span, "write %s", _("figure NAME \"TITLE\" { type TYPE  by DIMENSION  in KIND }"));
        return;
    }
    Symbol *name = head->name;
    FigureDecl *f = (FigureDecl *)vocab_figure(v, name);
    bool extends = f != NULL;
    if (!f) {
        if (!name_is_free(b, name, head->span, "figure"))
            return;
        f = head;
        if (!symmap_put(&v->figure_index, v->arena, name, f) ||
            !PUSH(v->arena, v->figures, v->nfigures, v->cap_figures, f))
            return;
    } else if (head->title.ptr && !f->title.ptr) {
        f->title = head->title;
    }
    static const char *const types[] = { "count", "money", "percentage", "days" };
    static const char *const forms[] = {
        [SUB_TYPE] = N_("type count, type money, type percentage or type days"),
        [SUB_BY] = N_("by DIMENSION, one item each: by status  by topic"),
        [SUB_IN] = N_("in KIND, one item each: in report  in district"),
    };
    for (uint32_t i = 0; i < nsubs; i++) {
        const FigureSub *p = &subs[i];
        if (p->word == SUB_UNKNOWN) {
            diag_error(b->diag, b->src, p->span, "unknown part of a figure declaration '%s': use type, by or in",
                       p->name->text);
            continue;
        }
        if (!p->name) {
            diag_error(b->diag, b->src, p->span, "write %s", _(forms[p->word]));
            continue;
        }
        if (p->word == SUB_TYPE) {
            int k = -1;
            for (int t = 0; t < 4; t++)
                if (strcmp(p->name->text, types[t]) == 0)
                    k = t;
            if (k < 0)
                diag_error(b->diag, b->src, p->span, "unknown type '%s': use count, money, percentage or days",
                           p->name->text);
            else if (extends && k != f->type)
                diag_error(b->diag, b->src, p->span, "figure '%s' is a %s already (%s)", name->text,
                           vocab_type_name(f->type), f->src ? f->src->name : "");
            else
                f->type = (uint8_t)k;
        } else if (p->word == SUB_BY) {
            const Dimension *dim = dimension_named(b, p->name, p->span);
            if (!dim || vocab_figure_dim(f, dim) >= 0)
                continue;           /* declared again when extending: already there */
            if (f->ndims == VOCAB_MAX_DIMS) {
                diag_error(b->diag, b->src, p->span, "figure '%s' has more than %d dimensions",
                           name->text, VOCAB_MAX_DIMS);
                continue;
            }
            if (disjoint(b, f, dim, p->span) &&
                !push_short(v->arena, (const void ***)&f->dims, &f->ndims, &f->cap_dims, dim))
                return;
        } else {
            const Kind *k = kind_named(b, p->name, p->span);
            if (!k)
                continue;
            if (f->nplaces == VOCAB_MAX_PLACES) {
                diag_error(b->diag, b->src, p->span, "figure '%s' names more than %d places",
                           name->text, VOCAB_MAX_PLACES);
                continue;
            }
            if (!push_short(v->arena, (const void ***)&f->places, &f->nplaces, &f->cap_places, k))
                return;
        }
    }
}

/* unit_kind NAME "TITLE" { level N ... }, session_kind NAME "TITLE" { ... }:
 * the kind is made first, so figures may name it in `in`. */
static void register_kind(Builder *b, const Item *it, bool session)
{
    Vocab *v = b->v;
    Symbol *name;
    Str title;
    const char *form = session ? N_("session_kind NAME \"TITLE\" { count FIGURE  not_held FIGURE  kinds DIMENSION  "
                                    "scopes DIMENSION }")
                               : N_("unit_kind NAME \"TITLE\" { level N  count FIGURE }");
    if (!head(b, it, form, &name, &title))
        return;
    const Kind *prev = vocab_kind(v, name);
    if (prev) {
        twice(b, it->args->span, "kind", name->text, prev->src, prev->span);
        return;
    }
    if (!name_is_free(b, name, it->args->span, "kind"))
        return;
    Kind *k = ARENA_NEW(v->arena, Kind);
    if (!k || !symmap_put(&v->kind_index, v->arena, name, k) || !PUSH(v->arena, v->kinds, v->nkinds, v->cap_kinds, k))
        return;
    k->name = name;
    k->title = title;
    k->id = v->nkinds - 1;
    k->session = session;
    k->level = session ? LEVEL_SESSION : 0;
    k->src = b->src;
    k->span = it->args->span;
}

static const FigureDecl *kind_figure(Builder *b, const Item *p, const char *form)
{
    Symbol *n = name_arg(b, p, form);
    return n ? figure_named(b, n, p->args->span) : NULL;
}

/* The kind's own items, now that figures and dimensions exist. */
static void define_kind(Builder *b, const Item *it)
{
    Kind *k = (Kind *)vocab_kind(b->v, it->args->as.name);
    if (!k || k->src != b->src || k->span.start != it->args->span.start)
        return;                     /* refused when registered */
    for (const Block *blk = it->blocks; blk; blk = blk->next)
        for (const Item *p = blk->items; p; p = p->next) {
            const char *word = p->name->text;
            if (!k->session && strcmp(word, "level") == 0) {
                const Atom *a = p->args;
                if (!a || a->kind != ATOM_COUNT || a->next || a->as.count < 1 || a->as.count > LEVEL_MAX)
                    diag_error(b->diag, b->src, a ? a->span : item_name_span(p),
                               "a unit kind's level is a number from 1 (province) to %d", LEVEL_MAX);
                else
                    k->level = (uint8_t)a->as.count;
            } else if (strcmp(word, "count") == 0) {
                k->count = kind_figure(b, p, N_("count FIGURE: the figure that counts these in their parent"));
            } else if (k->session && strcmp(word, "not_held") == 0) {
                k->not_held = kind_figure(b, p, N_("not_held FIGURE: the figure that counts those not held"));
            } else if (k->session && (strcmp(word, "kinds") == 0 || strcmp(word, "scopes") == 0)) {
                Symbol *dn = name_arg(b, p, N_("kinds DIMENSION or scopes DIMENSION"));
                const Dimension *d = dn ? dimension_named(b, dn, p->args->span) : NULL;
                if (word[0] == 'k')
                    k->kinds = d;
                else
                    k->scopes = d;
            } else {
                diag_error(b->diag, b->src, item_name_span(p), "unknown part of a kind declaration '%s': use %s", word,
                           k->session ? "count, not_held, kinds or scopes" : "level or count");
            }
        }
    if (!k->session && !k->level)
        diag_error(b->diag, b->src, it->args->span, "unit kind '%s' needs its level: level N", k->name->text);
}

/* A path of the vocabulary in a relation: a figure and parts of its
 * dimensions. */
static Symbol *relation_path(Builder *b, const Expr *e)
{
    if (e->kind != EXPR_PATH) {
        /* "5 <= invited", "invited + 1 <= attended": said, never dropped */
        diag_error(b->diag, b->src, e->span, "write relation ID \"TITLE\": FIGURE <= FIGURE");
        return NULL;
    }
    const PathPart *pp = e->as.path;
    const FigureDecl *f = figure_named(b, pp->name, pp->span);
    if (!f)
        return NULL;
    const Part *parts[VOCAB_MAX_DIMS] = { 0 };
    for (pp = pp->next; pp; pp = pp->next) {
        bool found = false;
        for (uint32_t i = 0; i < f->ndims && !found; i++) {
            const Part *p = vocab_part(b->v, f->dims[i], pp->name);
            if (p && !parts[i]) {
                parts[i] = p;
                found = true;
            }
        }
        if (!found) {
            diag_error(b->diag, b->src, pp->span, "'%s' is not a part of figure '%s'", pp->name->text, f->name->text);
            return NULL;
        }
    }
    return vocab_cell(b->v, f, parts);
}

/* relation [ID] ["TITLE"] : FIGURE <= FIGURE */
static void declare_relation(Builder *b, const Item *it)
{
    Vocab *v = b->v;
    const Expr *e = it->expr;
    const Atom *a = it->args;
    bool form = it->binding && !it->blocks && (!a || (a->kind == ATOM_NAME && (!a->next ||
                (a->next->kind == ATOM_STRING && !a->next->next))));
    if (!form || e->kind != EXPR_BINARY || (e->as.op.op != OP_LE && e->as.op.op != OP_GE)) {
        diag_error(b->diag, b->src, it->binding ? e->span : item_name_span(it),
                   "write relation ID \"TITLE\": FIGURE <= FIGURE");
        return;
    }
    Symbol *lhs = relation_path(b, e->as.op.lhs), *rhs = relation_path(b, e->as.op.rhs);
    if (!lhs || !rhs)
        return;
    Bound *r = ARENA_NEW(v->arena, Bound);
    if (!r || !PUSH(v->arena, v->bounds, v->nbounds, v->cap_bounds, r))
        return;
    r->id = a ? a->as.name : NULL;
    r->title = a && a->next ? str_keep(v->arena, atom_str(a->next)) : (Str){ NULL, 0 };
    r->small = e->as.op.op == OP_LE ? lhs : rhs;
    r->large = e->as.op.op == OP_LE ? rhs : lhs;
    r->src = b->src;
    r->span = e->span;
}

/* The names the language itself gives a meaning (spec §14.5). */
static bool required(Builder *b)
{
    Vocab *v = b->v;
    const struct { const char *name; const char *dims[2]; const FigureDecl **out; } needs[] = {
        { "opinions", { "status", "topic" }, &v->opinions },
        { "satisfied", { NULL, NULL }, &v->satisfied },
        { "documents", { "document_kind", NULL }, &v->documents },
    };
    bool ok = true;
    for (uint32_t i = 0; i < COUNT(needs); i++) {
        const FigureDecl *f = vocab_figure(v, symtab_intern_cstr(v->syms, needs[i].name));
        for (uint32_t j = 0; f && j < 2 && needs[i].dims[j]; j++) {
            const Dimension *d = vocab_dimension(v, symtab_intern_cstr(v->syms, needs[i].dims[j]));
            if (!d || vocab_figure_dim(f, d) < 0)
                f = NULL;
        }
        if (!f) {
            diag_error(b->diag, NULL, ((Span){ 0, 0 }),
                       "the vocabulary has no figure '%s'%s%s%s: itemised entries count into it", needs[i].name,
                       /* TRANSLATORS: "the vocabulary has no figure 'opinions' broken down by status and topic" */
                       needs[i].dims[0] ? _(" broken down by ") : "", needs[i].dims[0] ? needs[i].dims[0] : "",
                       needs[i].dims[1] ? _(" and topic") : "");
            ok = false;
        }
        *needs[i].out = f;
    }
    v->status = vocab_dimension(v, symtab_intern_cstr(v->syms, "status"));
    v->topic = vocab_dimension(v, symtab_intern_cstr(v->syms, "topic"));
    v->document_kind = vocab_dimension(v, symtab_intern_cstr(v->syms, "document_kind"));
    return ok;
}

static bool is_kind(DeclKind k) { return k == DECL_UNIT_KIND || k == DECL_SESSION_KIND; }

/* A kind may not share its name with a dimension or a figure (spec §14):
 * `commune` in a rule must mean one thing. The first declaration in the
 * order the files were read, the standard vocabulary first, keeps the
 * name; a later one of the other sort is refused at its name, whatever
 * order the passes below declare them in. A figure and a dimension may
 * share a name (`by status`, a figure `status`): where each may stand
 * tells them apart. Declarations of one sort may repeat: they extend one
 * another or clash there. */
/* A declaration of either list as refuse_clashes() reads them, in the
 * order taken. */
typedef struct Taken {
    uint8_t kind;
    Symbol *name;
    Source *src;
    Span span;
    Decl *decl;             /* the one it is, or */
    FigureDecl *figure;
} Taken;

static Taken taken_decl(Decl *d) { return (Taken){ d->kind, d->name, d->src, d->span, d, NULL }; }
static Taken taken_figure(FigureDecl *head)
{
    return (Taken){ DECL_FIGURE, head->name, head->src, head->span, NULL, head };
}

static void refuse_clashes(Builder *b)
{
    Vocab *v = b->v;
    /* Only names some kind has can clash: those first, in a map as small
     * as the kinds are few, then the first declaration of each of them,
     * the two lists read together in the order taken. */
    SymMap kinds = { 0 };           /* by id: a name not of a kind is a compare */
    PtrMap first = { 0 };
    bool any = false;
    for (uint32_t i = 0; i < v->decls.n; i++) {
        Decl *d = decl_at(v, i);
        if (is_kind(d->kind) && d->name && !(any = symmap_put(&kinds, v->arena, d->name, d)))
            return;
    }
    if (!any)
        return;
    for (uint32_t i = 0, j = 0; i < v->decls.n || j < v->heads.n;) {
        bool figure = j < v->heads.n && (i == v->decls.n || head_at(v, j)->read.seq < decl_at(v, i)->seq);
        Taken d = figure ? taken_figure(head_at(v, j)) : taken_decl(decl_at(v, i));
        if (figure)
            j++;
        else
            i++;
        if (d.kind == DECL_RELATION || !d.name || !symmap_get(&kinds, d.name))
            continue;
        Taken *f = ptrmap_get(&first, d.name, 0);
        if (!f) {
            Taken *keep = ARENA_NEW(v->arena, Taken);
            if (!keep || !ptrmap_put(&first, v->arena, d.name, 0, keep))
                return;
            *keep = d;
            continue;
        }
        if (is_kind(f->kind) == is_kind(d.kind))
            continue;
        diag_error(b->diag, d.src, d.span, "'%s' is %s: a %s needs a name of its own", d.name->text,
                   _(decl_what[f->kind]), C_("declaration", decl_noun[d.kind]));
        diag_note(b->diag, f->src, f->span, "declared here");
        if (d.figure)
            d.figure->read_flags |= READ_REFUSED;
        else
            d.decl->refused = true;
    }
}

/* Room at once for the figures taken (a vocabulary of a million would
 * copy its arrays twenty times, doubling them). */
static bool room_for_figures(Vocab *v)
{
    uint32_t n = 0, top = 0;
    for (uint32_t i = 0; i < v->heads.n; i++) {
        const FigureDecl *f = head_at(v, i);
        if (f->name) {
            n++;
            top = f->name->id + 1 > top ? f->name->id + 1 : top;
        }
    }
    if (!symmap_reserve(&v->figure_index, v->arena, top))
        return false;
    if (n <= v->cap_figures - v->nfigures || n > UINT32_MAX - v->nfigures)
        return true;
    uint32_t cap = v->nfigures + n;
    FigureDecl **grown = arena_grow(v->arena, v->figures, (size_t)v->cap_figures * sizeof *grown,
                                    (size_t)cap * sizeof *grown);
    if (!grown)
        return false;
    v->figures = grown;
    v->cap_figures = cap;
    return true;
}

/* The figures the session kinds, all defined, count with (count and
 * not_held): 0 in a unit that lists no such session, found by one lookup
 * (vocab_zero_in_units) rather than a walk over the kinds. */
static void index_session_counts(Vocab *v)
{
    for (uint32_t i = 0; i < v->nkinds; i++) {
        const Kind *k = v->kinds[i];
        const FigureDecl *counts[] = { k->count, k->not_held };
        for (size_t j = 0; j < 2 && k->session; j++)
            if (counts[j] && !symmap_put(&v->session_counts, v->arena, counts[j]->name, (void *)counts[j]))
                v->arena->failed = true;
    }
}

static bool finish(Builder *b)
{
    Vocab *v = b->v;
    Diag *diag = b->diag;
    uint32_t errors = diag->errors;
    if (!room_for_figures(v)) {
        diag_out_of_memory(diag);
        return false;
    }
    refuse_clashes(b);
    for (DeclKind pass = DECL_DIMENSION; pass <= DECL_RELATION; pass++) {
        bool figures = pass == DECL_UNIT_KIND;
        for (uint32_t i = 0; i < (figures ? v->heads.n : v->decls.n); i++) {
            if (v->arena->failed) {
                diag_out_of_memory(diag);
                return false;
            }
            if (figures) {
                FigureDecl *head = head_at(v, i);
                const FigureSub *subs = head->read.subs;
                uint32_t nsubs = head->read.nsubs;
                head->dims = NULL;  /* `read` is read: the arrays from now on */
                head->places = NULL;
                b->src = head->src;
                if (!(head->read_flags & READ_REFUSED))
                    declare_figure(b, head, subs, nsubs);
                head->read_flags = 0;
                continue;
            }
            const Decl *d = decl_at(v, i);
            if (d->refused)
                continue;
            b->src = d->src;
            bool kind = is_kind(d->kind);
            /* kinds are named before figures (a figure's `in`), defined after */
            if (pass == DECL_DIMENSION && d->kind == DECL_DIMENSION)
                declare_dimension(b, d->it);
            else if (pass == DECL_FIGURE && kind)
                register_kind(b, d->it, d->kind == DECL_SESSION_KIND);
            else if (pass == DECL_SESSION_KIND && kind && d->name)
                define_kind(b, d->it);
            else if (pass == DECL_RELATION && d->kind == DECL_RELATION)
                declare_relation(b, d->it);
        }
    }
    index_session_counts(v);
    /* what the evaluator needs is asked for only of a vocabulary without
     * errors: an error above may be why it is missing */
    return diag->errors == errors && required(b) && !v->arena->failed;
}

/* The declarations, once read; the figures' heads stay: they are the
 * figures. */
static void forget_decls(Vocab *v)
{
    for (uint32_t i = 0; i < v->decls.nblocks; i++)
        arena_release(v->arena, v->decls.blocks[i], DECL_BLOCK * sizeof(Decl));
    v->decls = (BlockList){ 0 };
}

bool vocab_finish(Vocab *v, Diag *diag)
{
    Builder b = { v, diag, NULL, { 0 } };
    bool ok = finish(&b);
    forget_decls(v);
    return ok;
}
