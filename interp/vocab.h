/* vocab.h - the vocabulary of a run (spec §14): the kinds of units and
 * sessions, the dimensions figures are broken down by and their parts, the
 * figures a report may give (type, dimensions, where they may stand), and
 * the relations between figures. A report may use no other name.
 *
 * It is built from declarations, the standard library's (lib/std/) first,
 * then those of the report's own files, before anything is modelled:
 * vocab_declare() for every file, then vocab_finish(). Read-only after.
 * It also holds the words the language itself fixes: severities, answers,
 * the names a scope gives an expression (§7.2).
 *
 * Ownership: everything lives in the arena passed to vocab_new(); names are
 * interned in the run's symbol table. */
#ifndef DLG_VOCAB_H
#define DLG_VOCAB_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "source.h"
#include "symbol.h"

typedef struct Dimension Dimension;
typedef struct FigureDecl FigureDecl;
typedef struct Kind Kind;

/* Levels of units: a unit stands only inside one of a smaller level. */
enum {
    LEVEL_ROOT = 0,         /* the report */
    LEVEL_COMMUNE = 3,      /* what `commune` and `commune_level` select */
    LEVEL_MAX = 9,          /* the deepest a declared unit kind may be */
    LEVEL_SESSION = 10,     /* sessions, below every unit */
};

/* A part of a dimension: `resolved` of status, `y2020` of year. */
typedef struct Part {
    Symbol *name;
    Str title;
    const Dimension *dim;
    Window win;             /* a calendar dimension's part: its days */
    Source *src;
    Span span;
} Part;

struct Dimension {
    Symbol *name;
    Str title;
    uint32_t id;            /* order of declaration */
    Part **parts;           /* declared parts, in order */
    Symbol **words;         /* their names, for messages */
    uint32_t nparts, cap;
    PtrMap index;           /* part name -> Part, numbered ones as met */
    const Part **by_id;     /* the declared parts by their names' ids, from
                             * first_id: vocab_find_part() looks there first,
                             * without a hash; NULL when the ids lie far apart */
    uint32_t first_id, nby_id;
    Symbol *numbered;       /* parts are this prefix and a number (round3) */
    uint8_t calendar;       /* WindowUnit: parts are windows of time (y2020, m2024_03) */
    Source *src;
    Span span;
};

typedef enum { TYPE_COUNT, TYPE_MONEY, TYPE_PERCENTAGE, TYPE_DAYS } ValueType;

enum { VOCAB_MAX_DIMS = 8, VOCAB_MAX_PLACES = 16 };

struct FigureDecl {
    Symbol *name;
    Str title;
    /* Arrays as long as declared (at most VOCAB_MAX_DIMS and
     * VOCAB_MAX_PLACES): a national vocabulary may declare millions, and
     * a figure is 64 bytes, its declaration as read included. Until
     * vocab_finish() makes the figures, `read` holds that, which only
     * vocab.c reads; the arrays from then on. */
    union {
        struct {
            const Dimension **dims; /* canonical order of a path's parts */
            const Kind **places;    /* where it may stand; none: anywhere */
        };
        struct {
            struct FigureSub *subs; /* its items */
            uint32_t nsubs;
            uint32_t seq;           /* its place among all the declarations taken */
        } read;
    };
    Source *src;
    Span span;
    uint8_t type;           /* ValueType */
    uint8_t ndims, cap_dims;
    uint8_t nplaces, cap_places;
    uint8_t read_flags;     /* vocab.c's, with `read` */
};

struct Kind {
    Symbol *name;
    Str title;
    uint32_t id;            /* 0 is the report itself */
    uint8_t level;          /* LEVEL_ROOT, 1..LEVEL_MAX, LEVEL_SESSION */
    bool session;
    const FigureDecl *count;        /* counts units (held sessions) in the parent */
    const FigureDecl *not_held;     /* sessions scheduled but not held */
    const Dimension *kinds;         /* sessions: the words of `kind` */
    const Dimension *scopes;        /* sessions: the words of `scope` */
    Source *src;
    Span span;
};

/* A relation between two figures, checked wherever both are known: a
 * `bound` check (§14.4). */
typedef struct Bound {
    Symbol *id;
    Str title;
    Symbol *small, *large;  /* canonical paths: small <= large */
    Source *src;
    Span span;
} Bound;

/* Names an expression reads from its scope rather than from a figure (§7.2). */
typedef enum {
    NAME_FIGURE = 0,        /* not special: a figure path */
    NAME_DATE,              /* a session's date */
    NAME_CONCLUSION,        /* a session's conclusion notice (its date) */
    NAME_NOTICE,            /* a session's public notice (its date) */
    NAME_PERIOD,            /* period.start, period.end: the report's period */
    NAME_KIND,              /* a session's kind */
    NAME_SCOPE,             /* a session's scope */
    NAME_TOPIC,             /* an opinion's topic */
    NAME_STATUS,            /* an opinion's status */
    NAME_SATISFIED,         /* an opinion's satisfaction */
    NAME_TRUE,              /* true */
    NAME_FALSE,             /* false */
} ScopeName;

/* A set of words an attribute accepts, in the order messages list them. */
typedef struct WordList {
    Symbol *const *words;
    uint32_t count;
} WordList;

typedef struct Decl Decl;

/* Records in blocks of a fixed count (vocab.c): `n` of them. */
typedef struct BlockList {
    void **blocks;
    uint32_t n, nblocks, cap;
} BlockList;

typedef struct Vocab {
    Arena *arena;
    Symtab *syms;
    Kind **kinds;
    uint32_t nkinds, cap_kinds;
    Dimension **dims;
    uint32_t ndims, cap_dims;
    FigureDecl **figures;
    uint32_t nfigures, cap_figures;
    Bound **bounds;
    uint32_t nbounds, cap_bounds;
    SymMap kind_index, dim_index, figure_index;     /* each begins with its name */
    SymMap session_counts;          /* a session kind's count or not_held figure -> itself */
    BlockList decls;                /* taken (vocab_take), other than figures': until vocab_finish() */
    BlockList heads;                /* figures' declarations taken: the figures */
    uint32_t ntaken;                /* declarations taken */
    PtrMap file_order;              /* Source -> 1, 2, ... in the order declared */
    const Source *last_src;         /* the last one given its place */
    const Kind *root;               /* the report */
    /* the names the language gives a meaning of its own (§5.3) */
    const FigureDecl *opinions, *satisfied, *documents;
    const Dimension *status, *topic, *document_kind;
    const Dimension *calendar[WIN_WEEK + 1];    /* the calendar dimension of each unit */
    Symbol *unstatused;     /* listed opinions without a status: no name can be this */
    Symbol *answers[2];     /* yes, no */
    Symbol *severities[2];  /* error, warning */
    SymMap keywords;        /* declaration keywords -> their Decl kind */
    SymMap scope_names;     /* name -> ScopeName */
} Vocab;

/* The words the language fixes and the report kind; NULL when out of memory. */
Vocab *vocab_new(Arena *a, Symtab *syms);
/* Collect the declarations at the top level of one file. */
void vocab_declare(Vocab *v, Source *src, Item *items);
/* Collect one top-level item of src, in the order read (vocab_declare()
 * item by item). A figure's declaration is read at once: true, its tree
 * is not needed again. Any other declaration is read from its tree by
 * vocab_finish(), which must outlive it: false, as for an item that
 * declares nothing and when out of memory. */
bool vocab_take(Vocab *v, Source *src, const Item *it);
/* Give every collected declaration its meaning: dimensions, then figures,
 * kinds and relations, so any may name any other. Problems go to `diag`;
 * false when the vocabulary lacks what the language needs (§14.5). */
bool vocab_finish(Vocab *v, Diag *diag);
/* Is this top-level item a declaration (dimension, figure, ...)? */
bool vocab_is_declaration(const Vocab *v, const Item *it);

/* Lookups; NULL when there is none. */
const Kind *vocab_kind(const Vocab *v, const Symbol *name);
const Dimension *vocab_dimension(const Vocab *v, const Symbol *name);
const FigureDecl *vocab_figure(const Vocab *v, const Symbol *name);
/* vocab_figure() of the name whose symbol's id is name_id (a whole
 * figure's path_id). */
const FigureDecl *vocab_figure_id(const Vocab *v, uint32_t name_id);
/* The part `name` of dimension d (a numbered part is made when first asked
 * for), or NULL when d has none of that name. Not const: numbered parts
 * are added as they are met. */
const Part *vocab_part(Vocab *v, const Dimension *d, const Symbol *name);
/* Read-only lookup: declared parts, and numbered ones already made. */
const Part *vocab_find_part(const Vocab *v, const Dimension *d, const Symbol *name);
/* Is `name` a numbered part of d (whether made yet or not)? */
bool vocab_numbered_part(const Dimension *d, const Symbol *name);
/* Is `name` a part d makes when met: a numbered part, or for a calendar
 * dimension a window of any calendar unit the vocabulary declares (the
 * time axis of a figure takes years, months, weeks ...)? `win` gets the
 * window (WIN_NONE for a numbered part); may be NULL. */
bool vocab_made_part(const Vocab *v, const Dimension *d, const Symbol *name, Window *win);
/* Index of d among f's dimensions, or -1. The calendar dimensions share
 * one index, f's time axis: a figure `by year` is by month too. */
int vocab_figure_dim(const FigureDecl *f, const Dimension *d);
/* Index of f's time axis, or -1. */
int vocab_time_dim(const FigureDecl *f);

/* The canonical path of a cell of figure f: its name, then its parts in
 * the order of f's dimensions ("petitions.district_level.complaint").
 * `parts[i]` is the part of f->dims[i], or NULL. Interned; NULL when out of
 * memory. vocab_cell_find() only finds one already interned. */
Symbol *vocab_cell(const Vocab *v, const FigureDecl *f, const Part *const parts[VOCAB_MAX_DIMS]);
Symbol *vocab_cell_find(const Vocab *v, const FigureDecl *f, const Part *const parts[VOCAB_MAX_DIMS]);

/* The figures a session kind's count and not-held count give 0 in a unit
 * that lists no such session (§5.4 step 4); by the id of the path's
 * symbol. */
bool vocab_zero_in_units(const Vocab *v, uint32_t path_id);
/* Is this figure the count of some unit kind (communes, districts, ...)? */
bool vocab_is_unit_count(const Vocab *v, const FigureDecl *f);

/* What a name means in an expression, or NAME_FIGURE. */
ScopeName vocab_scope_name(const Vocab *v, const Symbol *name);

/* The parts of a dimension, and the fixed words of the language. */
WordList vocab_words(const Vocab *v, const Dimension *d);
/* The parts a dimension has (what `each`, `per` and an aggregate range
 * over, and derive.c's cells): its declared parts in order, or for a
 * numbered or calendar dimension the parts the report uses, in numeric
 * order, in an array made in `a`. False when out of memory (none). */
bool vocab_dim_parts(Arena *a, const Dimension *d, const Part *const **parts, uint32_t *n);
WordList vocab_answers(const Vocab *v);
WordList vocab_severities(const Vocab *v);
bool vocab_word_in(WordList list, const Symbol *word);
/* The word of `list` nearest to `word` (two edits at most), or NULL. */
const char *vocab_nearest(WordList list, const Symbol *word);

const char *vocab_type_name(ValueType t);

#endif
