/* model.h - the meaning of a report (spec §4, §5): units, sessions,
 * entries and declared figures, built from the syntax trees of every file
 * of a run, with name resolution and the schema of each context applied.
 *
 * Ownership: the Model and everything it points to live in the run's arena.
 * Building reports every misuse to the Diag; a model with diag errors must
 * not be evaluated. */
#ifndef DLG_MODEL_H
#define DLG_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "date.h"
#include "diag.h"
#include "source.h"
#include "load.h"
#include "parse.h"
#include "symbol.h"
#include "vocab.h"

typedef enum { APPROX_NONE, APPROX_ABOUT, APPROX_OVER, APPROX_NEARLY } Approx;

/* A declared value: a whole number of people, items or đồng, a
 * percentage (value / 10^decimals), or unknown. */
typedef struct Quantity {
    bool known;
    bool money;
    bool percent;
    uint8_t approx;         /* Approx */
    uint8_t decimals;       /* percent: digits after the point */
    int64_t value;
} Quantity;

typedef struct Node Node;
typedef struct Figure Figure;

/* A breakdown: the parts of one dimension (spec §5.2), which its parts
 * say (breakdown_dim()). */
typedef struct Breakdown {
    Figure *parts;          /* the first; the rest through figure_next() */
    uint32_t nparts;
    bool partial;
    struct Breakdown *next;
} Breakdown;                /* 24 bytes: a two-way table of petitions has four */

/* `previous V` and `change D` written in a figure's block (spec §6.8). */
typedef struct FigureChange {
    Quantity previous;      /* the same figure a period before */
    Quantity change;        /* a difference, or a percentage */
    Span change_span;       /* where the change is written; 0-length: none */
} FigureChange;

/* What a figure written with a block has beside its value: a figure
 * written without one has none of it. Made with the figure, just after
 * it, when the figure is written with a block; figure_more() finds it.
 * Its `previous` and `change`, which few reports write, are kept apart
 * (Figure.changed, figure_change()). */
typedef struct FigureMore {
    Breakdown *breakdowns;
} FigureMore;

/* A declared figure, or a part of one: a cell of the vocabulary's figure.
 * Kept small: a national report declares millions, most of them a name
 * and a value (16 bytes, a part too). What few figures have lies just
 * after one, made with it (new_figure() in model.c): first its FigureMore
 * when it is written with a block, then its value in 64 bits when it
 * does not fit in 32 (`wide`).
 *
 * A list of figures (a unit's wholes, a breakdown's parts) needs no link
 * from one to the next where they were made one after the other, as a
 * village's twelve are: the next starts where what the figure has after
 * it ends. The last figure of such a run is `linked`: after what it has,
 * the address of the next figure of its list follows, NULL for the last
 * of the list (figure_next()).
 *
 * Its declared value is kept as the bits of a Quantity (read it whole
 * with figure_declared(), its value with figure_value(), or a flag at a
 * time); its path as the id of its symbol (figure_path(), or compared by
 * id); where its name is written as a start and a length (figure_span()).
 * Read the rest through figure_change() and figure_breakdowns(); which
 * part it is of its whole through figure_part() and figure_leaf(); the
 * figure of the vocabulary through model_figure_decl(), its file through
 * model_figure_src(). Its unit is not kept: every figure is reached from
 * its unit (Node.figures, model_figure()). A figure is used where the
 * model made it, never copied: figure_more(), figure_value() and
 * figure_next() read what lies after it. Only the model writes one. */
enum { FIGURE_NAME_MAX = 511 };     /* the most figure_span() spans: a name
                                     * is PARSE_MAX_NAME bytes at most */
struct Figure {
    uint32_t path_id;       /* the id of its canonical path's symbol,
                             * "petitions.district_level.complaint"; a
                             * whole's is its figure's name */
    int32_t value;          /* the declared value, when `known` and not `wide` */
    uint32_t start;         /* where its name starts, in its unit's file
                             * unless `elsewhere` */
    unsigned name_len : 9;  /* the name's bytes (FIGURE_NAME_MAX at most) */
    unsigned decimals : 8;  /* the Quantity's */
    unsigned approx : 2;    /* the Quantity's (Approx) */
    unsigned known : 1, money : 1, percent : 1;     /* the Quantity's */
    unsigned elsewhere : 1; /* declared in another file than its unit's
                             * (model_figure_src()): a figure keeps no file */
    unsigned part : 1;      /* a part of a figure (figure_part()) */
    unsigned axis : 3;      /* a part's: which dimension of its figure of the
                             * vocabulary it is a part of (VOCAB_MAX_DIMS) */
    unsigned more : 1;      /* written with a block: its FigureMore follows it
                             * (figure_more()) */
    unsigned wide : 1;      /* its value needs 64 bits: they follow it, after
                             * its FigureMore if it has one */
    unsigned changed : 1;   /* written with `previous` or `change`: its
                             * FigureChange is in Model.changes */
    unsigned linked : 1;    /* the last of its run: the address of the next
                             * figure of its list follows all that */
};

_Static_assert(sizeof(Figure) == 16, "a figure is 16 bytes, a part too: a national report declares millions");
/* What follows a figure: its FigureMore (`more`), its value in 64 bits
 * (`wide`), the address of the next (`linked`), each read whole with
 * memcpy but the FigureMore. Each is a multiple of a pointer's alignment,
 * as a figure is, so the FigureMore and the figure that follow stay
 * aligned. */
_Static_assert(sizeof(Figure) % _Alignof(FigureMore) == 0 && sizeof(FigureMore) % _Alignof(Figure) == 0 &&
               sizeof(int64_t) % _Alignof(FigureMore) == 0 && sizeof(Figure *) % _Alignof(Figure) == 0 &&
               _Alignof(FigureMore) % _Alignof(Figure) == 0,
               "what follows a figure keeps the next aligned");

/* What f has after it, from its FigureMore on. */
static inline const char *figure_after(const Figure *f)
{
    return (const char *)(f + 1);
}

/* What f has beside its value; NULL for a figure written without a block. */
static inline FigureMore *figure_more(const Figure *f)
{
    if (!f->more)
        return NULL;
    return (FigureMore *)(uintptr_t)figure_after(f);   /* the model's own, made writable with the figure */
}

/* f's declared value (meaningful when f->known). */
static inline int64_t figure_value(const Figure *f)
{
    if (!f->wide)
        return f->value;
    int64_t v;
    memcpy(&v, figure_after(f) + (f->more ? sizeof(FigureMore) : 0), sizeof v);
    return v;
}

/* The bytes f takes with what it has after it, but for the address of the
 * next (`linked`). */
static inline size_t figure_bytes(const Figure *f)
{
    return sizeof(Figure) + (f->more ? sizeof(FigureMore) : 0) + (f->wide ? sizeof(int64_t) : 0);
}

/* The next figure of f's list (a unit's wholes, or a breakdown's parts),
 * or NULL. */
static inline Figure *figure_next(const Figure *f)
{
    const char *end = (const char *)f + figure_bytes(f);
    if (!f->linked)
        return (Figure *)(uintptr_t)end;
    Figure *next;
    memcpy(&next, end, sizeof next);
    return next;
}

/* f's declared value, whole. */
static inline Quantity figure_declared(const Figure *f)
{
    return (Quantity){ .known = f->known, .money = f->money, .percent = f->percent,
                       .approx = (uint8_t)f->approx, .decimals = (uint8_t)f->decimals, .value = figure_value(f) };
}

/* Where f's name is written (in model_figure_src()'s file). */
static inline Span figure_span(const Figure *f)
{
    return (Span){ f->start, f->start + f->name_len };
}

/* f's canonical path, "petitions.district_level.complaint" (a whole's is
 * its figure's name), from the table of the run's names (Model.syms),
 * which gave its id. */
static inline Symbol *figure_path(const Symtab *names, const Figure *f)
{
    return symtab_symbol(names, f->path_id);
}

static inline Breakdown *figure_breakdowns(const Figure *f)
{
    const FigureMore *more = figure_more(f);
    return more ? more->breakdowns : NULL;
}

/* The cells one itemised entry counts 1 into (spec §5.3): every cell of its
 * figure that its attributes fix, from the whole to all of them at once
 * ("opinions", "opinions.resolved", "opinions.land", "opinions.resolved.land"),
 * and, for an attribute it lacks, the figure's count of entries without it.
 * Shared by every entry with the same attributes. */
typedef struct Cells {
    const FigureDecl *figure;
    uint32_t ncells, nmissing;
    Symbol **cells;
    Symbol **missing;       /* "opinions (without a status)": see model_missing() */
    const struct Cells *satisfied;  /* an opinion's cells: those of `satisfied` with
                                     * the same attributes, which a satisfied
                                     * opinion counts into too */
} Cells;

/* What the opinions of one topic and one status share: those two, and
 * the cells they count into. Made once for each pair the model meets
 * (Model.opinion_attrs), so that an opinion keeps one number for all
 * three (Opinion.attrs, its index in Model.opinion_attrs_by_id). */
typedef struct OpinionAttrs {
    const Part *topic;      /* NULL if not given */
    const Part *status;     /* NULL if not given */
    const Cells *cells;     /* what it counts into; when satisfied yes,
                             * cells->satisfied too */
    uint32_t id;            /* its index in Model.opinion_attrs_by_id */
} OpinionAttrs;

/* An itemised opinion: what the checks and the rules read of it. Its text,
 * the date and note of its status and where it is written are checked
 * when it is read (spec §4.4) and not kept: a national report lists two
 * million opinions, and this is 8 bytes. Its topic, status and cells are
 * read through the model (opinion_topic(), opinion_status(),
 * opinion_cells(), after Model); whether it was satisfied through
 * opinion_satisfied(). */
enum { OPINION_ATTRS_MAX = (1u << 30) - 1 };
typedef struct Opinion {
    uint32_t attrs : 30;    /* its OpinionAttrs: Model.opinion_attrs_by_id[attrs] */
    uint32_t satisfied : 2; /* opinion_satisfied() + 1 */
    Date received;
} Opinion;

_Static_assert(sizeof(Opinion) == 8, "an opinion is eight bytes");

/* -1 unknown, 0 no, 1 yes */
static inline int opinion_satisfied(const Opinion *o) { return (int)o->satisfied - 1; }

/* A node's opinions lie in runs, one for the opinions of a block (counted
 * before the first is read), so an opinion needs no link. */
typedef struct OpinionRun {
    struct OpinionRun *next;
    uint32_t n, cap;
    Opinion at[];
} OpinionRun;

/* A node's opinions in the order written:
 *     OpinionIter it;
 *     for (const Opinion *o = opinion_first(n, &it); o; o = opinion_next(&it)) */
typedef struct OpinionIter {
    const OpinionRun *run;
    uint32_t i;
} OpinionIter;

/* The runs of a unit (in its NodeMore) or a session (in its SessionMore). */
typedef struct OpinionList {
    OpinionRun *first, *last;
} OpinionList;

static inline const Opinion *opinion_next(OpinionIter *it)
{
    while (it->run && it->i == it->run->n) {
        it->run = it->run->next;
        it->i = 0;
    }
    return it->run ? &it->run->at[it->i++] : NULL;
}

typedef struct Document {
    const Part *kind;
    const Cells *cells;
    Str number;
    Date date;
    Str title;
    Source *src;
    Span span;
    struct Document *next;
} Document;

/* The documents a unit or session lists, in the order given. */
typedef struct DocumentList {
    Document *first, *last;
} DocumentList;

/* What few units have: kept apart so that the many (a country's villages)
 * do not pay for it: what a unit with children, documents or opinions of
 * its own has, and a unit declared again. Made when first needed
 * (model.c). */
typedef struct FigureIndex FigureIndex;

typedef struct NodeMore {
    Source *src;            /* where the unit was made, when Node.own_src */
    DocumentList documents;
    Source *last_src;       /* the last declaration, when it is not (node_src(), span): */
    Span last_span;         /* a unit declared again in another file */
    Node *namesake;         /* the unit of this kind and name made before, elsewhere */
    Node *first_child;      /* units and sessions in it, in declaration order: */
    Node *last_child;       /* node_first_child(), then Node.next_sibling */
    FigureIndex *figure_index;  /* see node_figure_index() */
    uint32_t nunits;        /* child units present: node_nunits() */
    OpinionList opinions;   /* itemised in the unit itself: node_opinions() */
    PtrMap *figure_files;   /* a figure declared in another file than the
                             * unit -> that file (model_figure_src()) */
} NodeMore;

/* What some sessions have: opinions and documents listed in them (most
 * reports list neither), the reason one was not held. Made when first
 * needed (model.c); the session's SessionAttrs are then kept here. */
typedef struct SessionMore {
    const struct SessionAttrs *attrs;   /* see Session.has_more */
    Source *src;            /* where the session was made, when Node.own_src */
    OpinionList opinions;   /* node_opinions() */
    DocumentList documents;
    Str not_held_reason;
    FigureIndex *figure_index;  /* see node_figure_index() */
} SessionMore;

/* What the sessions of one kind of session, one kind (periodic, ad_hoc
 * ...), one scope and held or not share: that kind and scope, and the
 * cells they count into. Made once for each the model meets
 * (Model.session_attrs), so that a session keeps one pointer for all
 * three. */
typedef struct SessionAttrs {
    const Part *kind;       /* NULL if not given */
    const Part *scope;      /* NULL if not given */
    const Cells *cells;     /* what the session counts into; NULL when its
                             * kind of session counts nothing */
} SessionAttrs;

/* What a session is beside its place in the tree: made with it, so every
 * session has one (node_session()). One pointer: to its SessionAttrs, or,
 * for the few sessions that have a SessionMore, to that, which holds
 * them. */
typedef struct Session {
    Date date;
    Date conclusion_date;
    Date notice_date;
    bool not_held;
    bool has_conclusion;
    bool has_notice;
    bool has_more;          /* `more` is set, not `attrs` */
    union {
        const SessionAttrs *attrs;  /* NULL only while its block is read, or
                                     * when memory ran out */
        SessionMore *more;
    };
} Session;                  /* 24 bytes. A scope's villages, the chair, the place and the
                             * numbers of the conclusion and notice are checked as
                             * written and not kept: no check, rule or report reads them */

/* s's SessionAttrs; NULL only while its block is read, or when memory
 * ran out. */
static inline const SessionAttrs *session_attrs_of(const Session *s)
{
    return s->has_more ? s->more->attrs : s->attrs;
}

/* s's SessionMore; NULL: none of it. */
static inline SessionMore *session_more(const Session *s)
{
    return s->has_more ? s->more : NULL;
}

static inline const Part *session_kind(const Session *s)
{
    const SessionAttrs *x = session_attrs_of(s);
    return x ? x->kind : NULL;
}

static inline const Part *session_scope(const Session *s)
{
    const SessionAttrs *x = session_attrs_of(s);
    return x ? x->scope : NULL;
}

static inline const Cells *session_cells_of(const Session *s)
{
    const SessionAttrs *x = session_attrs_of(s);
    return x ? x->cells : NULL;
}

/* Why the session was not held, as written; { NULL, 0 }: not said. */
static inline Str session_not_held_reason(const Session *s)
{
    return s->has_more ? s->more->not_held_reason : (Str){ NULL, 0 };
}

/* A unit's figures by canonical path (parts included), once it has more
 * than MODEL_FIGURES_SCANNED of them: a unit with fewer (a session's
 * invited and attended, a village's table of twelve) is searched figure by
 * figure, wholes and their breakdowns, with no index to keep, and only
 * when its filter (node_filter_has()) has the bit of the path asked for.
 * Figures come in the vocabulary's order, so their paths' ids mostly
 * grow: kept in an array sorted by id, where a figure is appended and
 * found by bisection, with no hashing and no cache miss per figure for a
 * unit of a million. When a figure would move more than a few to keep the
 * order (a unit whose figures come in an order of their own), the unit
 * switches to a hash map for good. Both live in the model's arena. */
typedef struct FigureSlot {
    uint32_t id;            /* the path's */
    Figure *figure;
} FigureSlot;

enum { MODEL_FIGURES_SCANNED = 16 };

struct FigureIndex {
    FigureSlot *sorted;     /* by id; unused once `map` is set */
    uint32_t n, cap;
    PtrMap *map;            /* path_key(path id) -> Figure (model.c), once the
                             * order was given up */
    Figure *last;           /* the end of the unit's list of figures (wholes) */
};

/* Node.nscanned of a node whose figures are indexed (a 5-bit field), and
 * the bits of a node's span's length (a keyword, or a name written as a
 * string, quoted). */
enum { NODE_INDEXED = 31, NODE_SPAN_BITS = 17 };
_Static_assert(PARSE_MAX_STRING + 2 < 1 << NODE_SPAN_BITS, "a node's span's length fits its field");

/* A unit or a session. 64 bytes: a national report has a node for each
 * of its hundreds of thousands of villages, so what only a few nodes have
 * is in `more` (a session's in its Session and SessionMore): its
 * children, the index of its figures, opinions, and its file when that is
 * not its parent's (node_src()). */
struct Node {
    const Kind *kind;
    Symbol *name;           /* unit name (NFC), session title, or NULL */
    Node *parent;
    Node *next_sibling;     /* the list: node_first_child() of the parent */
    Figure *figures;        /* wholes, in declaration order; the end of the
                             * list is its index's `last`, or a few steps away */
    uint32_t id;            /* order of creation, from 0 (the root) */
    uint32_t start;         /* where it was made, in node_src() (node_span()):
                             * its first declaration's name, or the parent's
                             * `lists` naming it; */
    unsigned span_len : NODE_SPAN_BITS;     /* so many bytes */
    unsigned listed : 1;    /* named by its parent's `lists` (model_lists_at) */
    unsigned declared : 1;  /* a file declares it: node_last_src() */
    unsigned own_src : 1;   /* made in another file than its parent's: the
                             * file is in its NodeMore or SessionMore */
    unsigned nscanned : 5;  /* its figures, parts included, while they are
                             * MODEL_FIGURES_SCANNED or fewer; then NODE_INDEXED */
    uint32_t figure_filter; /* without an index: bit id % 32 of each figure's
                             * path (node_filter_has()) */
    union {                 /* by kind->session; read through the accessors below */
        NodeMore *more;     /* a unit's: NULL until needed */
        Session *session;   /* a session's: always there */
    };
};

/* May n have a figure of this path? Its filter has the bit of each of its
 * figures' paths; the vocabulary gives a kind's figures ids in a row,
 * which fall on bits of their own. */
static inline bool node_filter_has(const Node *n, uint32_t path_id)
{
    return n->figure_filter >> (path_id % 32) & 1;
}

/* Where n was made (in node_src()). */
static inline Span node_span(const Node *n)
{
    return (Span){ n->start, n->start + (uint32_t)n->span_len };
}

/* The file n was made in (its span's): its parent's, unless it says
 * otherwise (Node.own_src); NULL for the report's root. A few steps up
 * the tree at most: a unit's file is kept by the first unit of it. */
static inline Source *node_src(const Node *n)
{
    while (!n->own_src && n->parent)
        n = n->parent;
    if (!n->own_src)
        return NULL;
    return n->kind->session ? session_more(n->session)->src : n->more->src;
}

/* The first run of n's opinions, or NULL. */
static inline const OpinionRun *node_opinions(const Node *n)
{
    if (n->kind->session)
        return n->session && n->session->has_more ? n->session->more->opinions.first : NULL;
    return n->more ? n->more->opinions.first : NULL;
}

static inline const Opinion *opinion_first(const Node *n, OpinionIter *it)
{
    *it = (OpinionIter){ node_opinions(n), 0 };
    return opinion_next(it);
}

/* A session's date, kind, scope and the rest; for a unit, a session with
 * nothing said (no date, not "not held"). */
static inline const Session *node_session(const Node *n)
{
    static const Session none = { 0 };
    return n->kind->session && n->session ? n->session : &none;
}

/* A unit's rarer facts; for a session, none. */
static inline const NodeMore *node_more(const Node *n)
{
    static const NodeMore none = { 0 };
    return !n->kind->session && n->more ? n->more : &none;
}

/* The child units present (sessions not counted). */
static inline uint32_t node_nunits(const Node *n) { return node_more(n)->nunits; }

/* The first of n's units and sessions, or NULL (a session holds none). */
static inline Node *node_first_child(const Node *n) { return node_more(n)->first_child; }

/* n's figures by canonical path, parts included, once it has more than
 * MODEL_FIGURES_SCANNED of them (Node.nscanned is NODE_INDEXED); else NULL. */
static inline FigureIndex *node_figure_index(const Node *n)
{
    if (n->nscanned != NODE_INDEXED)
        return NULL;
    return n->kind->session ? session_more(n->session)->figure_index : n->more->figure_index;
}

/* The file that declared the unit last, and where; NULL for a unit no
 * file declares (only listed or named, model.c). */
static inline Source *node_last_src(const Node *n)
{
    return !n->declared ? NULL : node_more(n)->last_src ? node_more(n)->last_src : node_src(n);
}

/* The file that declares figure f of unit or session n: n's, unless the
 * figure was given in a file that enters n (`within`). */
static inline Source *model_figure_src(const Node *n, const Figure *f)
{
    return f->elsewhere ? ptrmap_get(node_more(n)->figure_files, f, 0) : node_src(n);
}

static inline Span node_last_span(const Node *n)
{
    return node_more(n)->last_src ? node_more(n)->last_span : node_span(n);
}

static inline const Document *node_documents(const Node *n)
{
    if (n->kind->session)
        return session_more(node_session(n)) ? session_more(node_session(n))->documents.first : NULL;
    return node_more(n)->documents.first;
}

static inline const Node *node_namesake(const Node *n)
{
    return node_more(n)->namesake;
}

typedef enum { SEVERITY_ERROR, SEVERITY_WARNING } Severity;

/* What `each`, `per` and the aggregate functions range over (spec §7.4,
 * §8.4, §9). A later dimension or period narrows a selector further. */
typedef enum {
    SEL_REPORT,             /* the report itself: a rule without `each` */
    SEL_KIND,               /* units, or held sessions, of one kind */
    SEL_COMMUNE_LEVEL,      /* every commune-level unit: xã, phường, thị trấn */
    SEL_OPINION,            /* itemised opinions */
    SEL_DOCUMENT,           /* listed documents */
    SEL_PART,               /* the parts of a dimension: years, levels, topics */
} SelectorKind;

typedef struct Selector {
    SelectorKind what;
    const Kind *kind;       /* SEL_KIND */
    const Dimension *dim;   /* SEL_PART */
} Selector;

/* schedule SESSION_KIND { kind PART  every UNIT  times N  day WEEKDAY }
 * (spec §9.1): how often a rule's subjects must hold sessions. */
typedef struct Schedule {
    const Kind *session;    /* dialogue, reception, ... */
    const Part *kind;       /* only sessions of this kind (periodic), or NULL */
    uint8_t every;          /* WindowUnit: a year, half, quarter, month or week */
    int64_t times;          /* sessions in each, at least 1 */
    int weekday;            /* 0 Monday ... 6 Sunday: the day of a weekly one; -1 none */
    Source *src;
    Span span;
} Schedule;

typedef struct RuleDef {
    Symbol *id;
    Str title;
    Severity severity;
    Str legal_source;
    Str code;               /* `code "..."`: the rule's reference, e.g. for CI annotations */
    Str unverified;         /* `unverified "..."`: why its source could not be checked */
    Selector each;          /* SEL_REPORT without `each` */
    Selector each2;         /* a second `each`: a dimension (each commune  each year); else SEL_REPORT */
    Expr *where;
    Expr *require;          /* NULL for a schedule */
    const char *condition;  /* require: as written, on one line (its verdicts'
                             * detail says it); NULL for a schedule */
    const Schedule *schedule;
    Source *src;
    Span span;
    struct RuleDef *next;
} RuleDef;

typedef struct IndicatorDef {
    Symbol *id;
    Str title;
    Expr *expr;
    bool has_reported;
    Decimal reported;
    Span reported_span;
    bool has_per;
    Selector per;
    Str comment;            /* `note "..."`: the analyst's remark, printed as is */
    Source *src;
    Span span;
    struct IndicatorDef *next;
} IndicatorDef;

typedef struct Header {
    bool present;
    Str title, issuer, reference, place;
    Date date;
    bool has_period;
    Date period_start, period_end;  /* as written (a day or a month) */
    int32_t period_first, period_last;  /* its days, inclusive */
    Source *src;
    Span span;
} Header;

/* Units found by what they are (model.c): open addressing over the nodes
 * themselves, by their ids, whose fields are the key, with a byte of the
 * hash beside each slot (as the symbol table has): 5 bytes a slot. */
typedef struct UnitSet {
    uint32_t *slots;        /* node ids */
    uint8_t *tags;          /* 0 when empty, else 7 bits of the hash and the top bit */
    uint32_t cap, count;    /* cap is a power of two */
    uint64_t seed;          /* the run's key */
    bool by_parent;         /* keyed by (parent, name, kind), else (name, kind) */
    Node *const *const *nodes;  /* the model's node_blocks: where an id's node is */
} UnitSet;

/* What a part's path is a cell of: the figure of the vocabulary, and the
 * path's part of each of its dimensions (decl->ndims of them, NULL where
 * it has none). Made once for each path of a part, by figure_cell(), and
 * shared by the parts of that path (Model.cells_of_paths). */
typedef struct Cell {
    const FigureDecl *decl;
    const Part *parts[];
} Cell;

typedef struct Model {
    Arena *arena;
    Symtab *syms;
    Vocab *vocab;           /* numbered parts are made as the model meets them */
    Diag *diag;
    Node *root;
    uint32_t nnodes;
    Node *node_block;       /* where the next node goes (new_node(), model.c) */
    uint32_t node_block_left;
    Node **node_blocks;     /* every block of nodes, in order: node id -> node */
    uint32_t nnode_blocks, cap_node_blocks;
    Header header;
    RuleDef *rules, *last_rule;
    IndicatorDef *indicators, *last_indicator;
    SymMap keywords;        /* Symbol -> keyword id + 1 (model.c) */
    PtrMap cells;           /* full cell -> Cells, shared by entries */
    PtrMap opinion_attrs;   /* (status, topic) -> OpinionAttrs (model.c) */
    const OpinionAttrs **opinion_attrs_by_id;   /* Opinion.attrs -> its OpinionAttrs */
    uint32_t nopinion_attrs, opinion_attrs_cap;
    PtrMap session_attrs;   /* (cells, scope, not held) -> SessionAttrs (model.c) */
    struct CellsMemo *cells_memo;   /* the attributes met last -> their Cells (model.c) */
    struct PartMemo *part_memo;     /* the breakdowns' parts met last (model.c) */
    SymMap cells_of_paths;  /* a part's path -> its Cell: its figure of the vocabulary
                             * and its part of each dimension (model.c) */
    PtrMap missing;         /* (figure, dimension) -> "opinions (without a status)" */
    PtrMap changes;         /* a figure -> its FigureChange (Figure.changed) */
    PtrMap rule_ids, indicator_ids;
    UnitSet children;       /* (parent, name, kind) -> the unit */
    UnitSet units;          /* (name, kind) -> the unit made last; see NodeMore.namesake.
                             * Made when first needed (a `within` file): units_indexed */
    bool units_indexed;
    PtrMap lists;           /* unit -> where it lists its children (struct Where, model.c) */
    uint32_t *figures_of_kind;  /* by kind id: figures in the index of the unit
                                 * of that kind given last (model.c) */
    uint32_t nkinds;        /* their number */
} Model;

/* The part f is of its whole ("complaint" of petitions, in the dimension
 * petition_type): its path's cell's part of dimension f->axis; NULL for
 * a whole. A part keeps neither its Part nor its whole: it is reached
 * from the whole, through its breakdowns. */
static inline const Part *figure_part(const Model *m, const Figure *f)
{
    const Cell *cell = f->part ? symmap_get_id(&m->cells_of_paths, f->path_id) : NULL;
    return cell ? cell->parts[f->axis] : NULL;
}

/* What f was written with of `previous` and `change` (spec §6.8); NULL
 * when neither. */
static inline const FigureChange *figure_change(const Model *m, const Figure *f)
{
    return f->changed ? ptrmap_get(&m->changes, f, 0) : NULL;
}

/* The dimension of its figure that bd's parts are parts of; NULL while
 * it has none. A window of any calendar unit (q2024_1, m2024_03) is a
 * part of its figure's time axis, `year` (spec §5.6), whatever
 * dimension the window itself is of (Part.dim). */
static inline const Dimension *breakdown_dim(const Model *m, const Breakdown *bd)
{
    const Cell *cell = bd->parts ? symmap_get_id(&m->cells_of_paths, bd->parts->path_id) : NULL;
    return cell ? cell->decl->dims[bd->parts->axis] : NULL;
}

/* What an opinion shares with the others of its topic and status. */
static inline const Part *opinion_topic(const Model *m, const Opinion *o)
{
    return m->opinion_attrs_by_id[o->attrs]->topic;
}
static inline const Part *opinion_status(const Model *m, const Opinion *o)
{
    return m->opinion_attrs_by_id[o->attrs]->status;
}
static inline const Cells *opinion_cells(const Model *m, const Opinion *o)
{
    return m->opinion_attrs_by_id[o->attrs]->cells;
}

/* The figure's name as written: its part's ("complaint"), or its own. */
static inline Symbol *figure_leaf(const Model *m, const Figure *f)
{
    const Part *part = figure_part(m, f);
    return part ? part->name : figure_path(m->syms, f);
}

Model *model_new(Arena *a, Symtab *syms, Vocab *vocab, Diag *d);
/* Add the items of one file to the model; a `use` item adds the items of
 * the file it names, read beforehand into `files` (load.h). */
void model_add_file(Model *m, const FileSet *files, const LoadedFile *file);
/* model_add_file() for one top-level item of `file`, as the parser hands
 * it over (run.c): what lies in file's syntax arena before the item is
 * given back. The caller sees to it that the item is no `within` (those
 * wait for their unit: model_add_files()). */
void model_add_item(Model *m, const FileSet *files, const LoadedFile *file, Item *it);
/* A unit whose items come one by one as they are parsed (parse.h's
 * ItemSink.open), for a top-level item of `file` with this head (its name
 * and arguments): the unit, made or found, when the head is a unit's
 * written well; then model_add_inner() for each item of its blocks and
 * model_add_block() for each block, as model_add_item() would have read
 * them, and nothing for the item itself. NULL when it is not a unit's, or
 * not written as one (model_add_item() says what is wrong once the item is
 * in), and NULL with *refused set when the unit was refused with a message
 * (declared twice in the file): its items are then read by no one. */
Node *model_open_unit(Model *m, const FileSet *files, const LoadedFile *file, const Item *head, bool *refused);
/* An item of an opened unit's block: modelled, then what lies in file's
 * syntax arena before it given back, as for model_add_item(). */
void model_add_inner(Model *m, const FileSet *files, const LoadedFile *file, Node *unit, Item *it);
/* A block of an opened unit, once its items are in. */
void model_add_block(Model *m, const FileSet *files, const LoadedFile *file, Node *unit, const Block *blk);
/* For a run that models while it reads (run.c), `within` files placed as
 * they come. Is the item one the report as a whole takes (the header,
 * rules, indicators, declarations), not the unit of a `within` file? */
bool model_report_wide(const Model *m, const Item *it);
/* The unit a `within KIND "NAME"` item names, when the item has its form
 * and one unit of that kind and name is made so far; else NULL, and no
 * diagnostic (the caller reads the whole way, where they are given). */
Node *model_within_unit(Model *m, const Item *it);
/* Is unit still the one unit of its kind and name (none made since)? */
bool model_unit_unique(Model *m, const Node *unit);
/* model_add_item() for an item of a `within` file whose unit is `unit`:
 * into it, or into the report when the item is report-wide. */
void model_add_item_within(Model *m, const FileSet *files, const LoadedFile *file, Node *unit, Item *it);
/* Add every root file of the set: first those that say nothing of where
 * they stand, then each `within KIND "NAME"` file once its unit exists
 * (spec §4.2); then model_finish(). */
void model_add_files(Model *m, const FileSet *files);
/* What needs every file: units their parent does not list, names that
 * differ only by case, spaces or accents. */
void model_finish(Model *m);
/* Does the report give anything to check: a declared figure or an
 * itemised entry (opinion, document, session) anywhere? */
bool model_gives_figures(const Model *m);

/* Lookups used by the checks and the evaluator. */
Figure *model_figure_found(const Node *n, uint32_t path_id);
/* n's figure of the canonical path whose symbol's id is path_id (parts
 * included), or NULL. A unit with few figures answers most paths it
 * lacks from its filter, with no call: derive and the evaluator ask units
 * for paths most of them lack. */
static inline Figure *model_figure_id(const Node *n, uint32_t path_id)
{
    if (n->nscanned != NODE_INDEXED && !node_filter_has(n, path_id))
        return NULL;
    return model_figure_found(n, path_id);
}

/* n's figure of that canonical path, or NULL. */
static inline Figure *model_figure(const Node *n, const Symbol *path)
{
    return model_figure_id(n, path->id);
}
/* The figure of the vocabulary f is, or is a cell of. */
const FigureDecl *model_figure_decl(const Model *m, const Figure *f);
/* Where unit n lists its children (its first `lists`), the file returned
 * and the span in *span; NULL when it lists none. */
Source *model_lists_at(const Model *m, const Node *n, Span *span);
/* Entries of figure f that lack their part of dimension d: the path that
 * counts them ("opinions (without a status)") and the attribute's name. */
typedef struct Missing {
    Symbol *path;
    const char *word;       /* "status" */
} Missing;

/* NULL when no entry of f lacks its part of d. */
const Missing *model_missing(const Model *m, const FigureDecl *f, const Dimension *d);
/* "commune Kỳ Châu", "dialogue 2020-12-10 in commune Quài Nưa", "the report". */
const char *model_subject(Arena *a, const Node *n);
/* How model_subject() (local) or model_subject_key() names n: fmt as
 * arena_subst() takes it, and its nargs arguments; a session's last
 * argument (args[where], where >= 0) is the subject of n->parent, left
 * NULL for a writer that has that one made already (the JSON writer, for
 * a commune's dialogues one after the other). The arguments point into
 * the model and the run's messages, which last as long as the run, or
 * are f->date (printable ASCII). */
typedef struct SubjectForm {
    const char *fmt;
    const char *args[3];
    uint8_t nargs;
    int8_t where;           /* -1: no argument is a parent's subject */
    char date[16];
} SubjectForm;
void model_subject_form(const Node *n, bool local, SubjectForm *f);
/* The same in English whatever the run's language: a key for machines
 * (HTML's data-unit), the same in every language. */
const char *model_subject_key(Arena *a, const Node *n);

/* A KIND as `each`, `per` and share()/count() take it (spec §7.4): a unit
 * or session kind, `commune` or `commune_level` (every commune-level
 * unit), `opinion`, `document`, or a dimension (its parts). False when the
 * name is none of these. */
bool model_selector(const Vocab *v, const Symbol *name, Selector *out);
/* The names a selector may be, for "did you mean". */
const char *model_selector_nearest(const Vocab *v, const Symbol *name);
/* Is n a subject of the selector (SEL_KIND, SEL_COMMUNE_LEVEL)? */
bool model_selects(const Selector *s, const Node *n);
/* The subjects' kind in words, in the run's language: "commune",
 * "dialogue" (kinds and dimensions by their names), "itemised opinion",
 * "year" for a calendar dimension named as its unit. */
const char *model_selector_name(const Selector *s);
/* A calendar unit in the run's language: "year" ("năm"), "month" ... The
 * language's own word, date_window_unit, is for keys and machines. */
const char *model_window_unit_name(WindowUnit unit);

#endif
