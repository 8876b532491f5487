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
#include "symbol.h"

/* Node kinds: name in .dlg, Vietnamese name, level, figure counting them. */
#define NODE_KINDS(X)                                                          \
    X(NODE_ROOT, "report", "báo cáo", LEVEL_ROOT, NULL)                        \
    X(NODE_PROVINCE, "province", "tỉnh", LEVEL_PROVINCE, "provinces")          \
    X(NODE_DISTRICT, "district", "huyện", LEVEL_DISTRICT, "districts")         \
    X(NODE_COMMUNE, "commune", "xã", LEVEL_COMMUNE, "communes")                \
    X(NODE_WARD, "ward", "phường", LEVEL_COMMUNE, "communes")                  \
    X(NODE_TOWNSHIP, "township", "thị trấn", LEVEL_COMMUNE, "communes")        \
    X(NODE_VILLAGE, "village", "thôn, bản", LEVEL_VILLAGE, "villages")         \
    X(NODE_DIALOGUE, "dialogue", "hội nghị đối thoại", LEVEL_SESSION, "dialogues") \
    X(NODE_RECEPTION, "reception", "tiếp công dân", LEVEL_SESSION, "receptions") \
    X(NODE_VOTER_CONTACT, "voter_contact", "tiếp xúc cử tri", LEVEL_SESSION, "voter_contacts")

typedef enum {
#define X(k, name, vn, level, plural) k,
    NODE_KINDS(X)
#undef X
    NODE_KIND_COUNT
} NodeKind;

typedef enum {
    LEVEL_ROOT, LEVEL_PROVINCE, LEVEL_DISTRICT, LEVEL_COMMUNE, LEVEL_VILLAGE, LEVEL_SESSION
} Level;

const char *model_kind_name(NodeKind k);
Level model_kind_level(NodeKind k);
bool model_is_session(NodeKind k);

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
    bool derived;           /* declared '?' but its breakdown is all known */
    int64_t derived_value;
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
    Str number;
    Date date;
    Str title;
    Source *src;
    Span span;
    struct Document *next;
} Document;

struct Node {
    NodeKind kind;
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
    uint32_t depth;
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
    /* computed by check.c: path -> Aggregate */
    PtrMap computed;
};

typedef struct Holiday {
    int32_t first, last;    /* days, inclusive */
    Str name;
    struct Holiday *next;
} Holiday;

typedef enum { SEVERITY_ERROR, SEVERITY_WARNING } Severity;

typedef struct RuleDef {
    Symbol *id;
    Str title;
    Severity severity;
    Str legal_source;
    bool has_each;
    NodeKind each;
    bool each_commune_level;
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
    NodeKind per;
    bool per_commune_level;
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
    Diag *diag;
    Node *root;
    Header header;
    RuleDef *rules, *last_rule;
    IndicatorDef *indicators, *last_indicator;
    Holiday *holidays;
    PtrMap known_paths;     /* every figure path declared or contributed */
    PtrMap keywords;        /* Symbol -> keyword id + 1 (model.c) */
    PtrMap rule_ids, indicator_ids;
    /* "dialogues", "dialogues_not_held", ...: the counts of §5.3 by kind */
    Symbol *count_sym[NODE_KIND_COUNT], *not_held_sym[NODE_KIND_COUNT];
} Model;

/* Callback used by `use "PATH"`: parse the named file relative to `from`
 * and return its items (NULL with a diagnostic when it cannot). Returns
 * NULL without a diagnostic when the file was already read. */
typedef Item *(*ModelLoader)(void *ctx, Source *from, Span at, const Str *path, Source **loaded);

Model *model_new(Arena *a, Symtab *syms, Diag *d);
/* Add the items of one file to the model. */
void model_add_file(Model *m, Source *src, Item *items, ModelLoader load, void *load_ctx);

/* Lookups used by the checks and the evaluator. */
Figure *model_figure(const Node *n, const Symbol *path);
/* "commune Kỳ Châu", "dialogue 2020-12-10 in commune Quài Nưa", "report". */
const char *model_subject(Arena *a, const Node *n);
bool model_is_commune_level(NodeKind k);
/* Keyword lookup: a node kind by its name, or -1. */
int model_kind_by_name(const char *name);
/* A KIND as `each`, `per` and share()/count() take it: a unit or session
 * kind; "commune" and "commune_level" mean every commune-level unit (xã,
 * phường, thị trấn), reported with *kind NODE_COMMUNE. */
bool model_kind_selector(const char *name, NodeKind *kind, bool *commune_level);
/* A path symbol for "whole.part" (interned). */
Symbol *model_join_path(Model *m, const Symbol *whole, const Symbol *part);

#endif
