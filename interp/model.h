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
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "date.h"
#include "diag.h"
#include "source.h"
#include "load.h"
#include "symbol.h"
#include "vocab.h"

typedef enum { APPROX_NONE, APPROX_ABOUT, APPROX_OVER, APPROX_NEARLY } Approx;

/* A declared value: a whole number of people, items or đồng, or unknown. */
typedef struct Quantity {
    bool known;
    bool money;
    uint8_t approx;         /* Approx */
    int64_t value;
} Quantity;

typedef struct Node Node;
typedef struct Figure Figure;

typedef struct Breakdown {
    Figure *parts;          /* linked through Figure.next_part */
    uint32_t nparts;
    bool partial;
    Source *src;
    Span span;
    struct Breakdown *next;
} Breakdown;

struct Figure {
    Symbol *path;           /* "opinions.resolved" */
    Symbol *leaf;           /* "resolved" */
    Node *owner;
    Figure *whole;          /* the figure this is a part of, or NULL */
    Quantity declared;
    Str label;
    Source *src;
    Span span;              /* the name */
    Breakdown *breakdowns;
    uint32_t nbreakdowns;
    Figure *next_part;      /* next part in the same breakdown */
    Figure *next;           /* next figure of the owner, declaration order */
};

typedef struct Opinion {
    Str text;
    Symbol *topic;
    Symbol *status;         /* the status name, NULL if not given */
    Symbol *status_path;    /* "opinions.resolved": the part it counts in */
    Date status_date;
    Str note;
    int8_t satisfied;       /* -1 unknown, 0 no, 1 yes */
    Date received;
    Source *src;
    Span span;
    struct Opinion *next;
} Opinion;

typedef struct Document {
    Symbol *kind;
    Symbol *kind_path;      /* "documents.plan": the part it counts in */
    Str number;
    Date date;
    Str title;
    Source *src;
    Span span;
    struct Document *next;
} Document;

struct Node {
    NodeKind kind;
    uint32_t id;            /* order of creation, from 0 (the root) */
    Symbol *name;           /* unit name, session title, or NULL */
    Source *src;
    Span span;              /* the first declaration's name */
    Node *parent;
    Node *first_child, *last_child, *next_sibling;
    PtrMap unit_index;      /* (name, kind) -> child unit, for merging */
    Figure *figures, *last_figure;
    PtrMap figure_index;    /* path -> Figure, parts included */
    uint32_t nunits;        /* child units present */
    uint32_t nunits_level[LEVEL_SESSION + 1];
    Opinion *opinions, *last_opinion;
    Document *documents, *last_document;
    /* sessions */
    Date date;
    Symbol *session_kind;   /* periodic, ad_hoc, ... */
    Symbol *scope;
    Str scope_detail, chair, place;
    bool not_held;
    Str not_held_reason;
    bool has_conclusion;
    Str conclusion_number;
    Date conclusion_date;
};

typedef struct Holiday {
    int32_t first, last;    /* days, inclusive */
    Str name;
    struct Holiday *next;
} Holiday;

typedef enum { SEVERITY_ERROR, SEVERITY_WARNING } Severity;

/* What `each`, `per` and the aggregate functions range over (spec §7.4,
 * §8.4, §9). A later dimension or period narrows a selector further. */
typedef enum {
    SEL_REPORT,             /* the report itself: a rule without `each` */
    SEL_KIND,               /* units, or held sessions, of one kind */
    SEL_COMMUNE_LEVEL,      /* every commune-level unit: xã, phường, thị trấn */
    SEL_OPINION,            /* itemised opinions */
    SEL_DOCUMENT,           /* listed documents */
} SelectorKind;

typedef struct Selector {
    SelectorKind what;
    NodeKind kind;          /* SEL_KIND */
} Selector;

typedef struct RuleDef {
    Symbol *id;
    Str title;
    Severity severity;
    Str legal_source;
    Selector each;          /* SEL_REPORT without `each` */
    Expr *where;
    Expr *require;
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
    Date period_start, period_end;
    Source *src;
    Span span;
} Header;

typedef struct Model {
    Arena *arena;
    Symtab *syms;
    const Vocab *vocab;
    Diag *diag;
    Node *root;
    uint32_t nnodes;
    Header header;
    RuleDef *rules, *last_rule;
    IndicatorDef *indicators, *last_indicator;
    Holiday *holidays;
    PtrMap declared;        /* every figure path declared in some unit or session */
    PtrMap keywords;        /* Symbol -> keyword id + 1 (model.c) */
    PtrMap rule_ids, indicator_ids;
} Model;

Model *model_new(Arena *a, Symtab *syms, const Vocab *vocab, Diag *d);
/* Add the items of one file to the model; a `use` item adds the items of
 * the file it names, read beforehand into `files` (load.h). */
void model_add_file(Model *m, const FileSet *files, const LoadedFile *file);

/* Lookups used by the checks and the evaluator. */
Figure *model_figure(const Node *n, const Symbol *path);
/* Is `path` declared in some unit or session of the report? */
bool model_declares(const Model *m, const Symbol *path);
/* "commune Kỳ Châu", "dialogue 2020-12-10 in commune Quài Nưa", "the report". */
const char *model_subject(Arena *a, const Node *n);

/* A KIND as `each`, `per` and share()/count() take it (spec §7.4): a unit
 * or session kind, `commune` or `commune_level` (every commune-level
 * unit), `opinion` or `document`. False when the name is none of these. */
bool model_selector(const Vocab *v, const Symbol *name, Selector *out);
/* Is n a subject of the selector (SEL_KIND, SEL_COMMUNE_LEVEL)? */
bool model_selects(const Selector *s, const Node *n);
/* The subjects' kind in words: "commune", "dialogue", "itemised opinion". */
const char *model_selector_name(const Selector *s);

#endif
