/* vocab.h - the vocabulary every report shares: the kinds of units and
 * sessions, the figures that entries contribute to (spec §5.3), the bounds
 * between figures (§6.6), the words an attribute accepts (opinion statuses,
 * session kinds, scopes) and the names an expression may use without a
 * figure of that name (§7.2). One table: every pass asks it, none keeps a
 * list of its own.
 *
 * Ownership: a Vocab and its symbols live in the arena passed to
 * vocab_new(); it is read-only once built. */
#ifndef DLG_VOCAB_H
#define DLG_VOCAB_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "symbol.h"

/* Node kinds: name in .dlg, Vietnamese name, level, the figure counting them. */
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

const char *vocab_kind_name(NodeKind k);
Level vocab_kind_level(NodeKind k);
bool vocab_is_session(NodeKind k);
bool vocab_is_commune_level(NodeKind k);
/* The kind of unit that stands for a level (LEVEL_COMMUNE: NODE_COMMUNE). */
NodeKind vocab_level_kind(Level l);

/* Names an expression reads from its scope rather than from a figure (§7.2). */
typedef enum {
    NAME_FIGURE = 0,        /* not special: a figure path */
    NAME_DATE,              /* a session's date */
    NAME_CONCLUSION,        /* a session's conclusion notice (its date) */
    NAME_TOPIC,             /* an opinion's topic */
    NAME_STATUS,            /* an opinion's status */
    NAME_SATISFIED,         /* an opinion's satisfaction */
} ScopeName;

/* A set of words an attribute accepts, in the order messages list them. */
typedef struct WordList {
    Symbol *const *words;
    uint32_t count;
} WordList;

/* Figure <= figure, checked where both are known (§6.6). */
typedef struct Bound {
    Symbol *small, *large;
} Bound;

enum { VOCAB_MAX_WORDS = 8, VOCAB_MAX_BOUNDS = 8 };

typedef struct Vocab {
    /* figures that entries contribute to */
    Symbol *opinions, *satisfied, *documents;
    Symbol *unstatused;     /* listed opinions without a status: no name can be this */
    Symbol *count[NODE_KIND_COUNT];      /* "communes", "dialogues"; NULL for the root */
    Symbol *not_held[NODE_KIND_COUNT];   /* "dialogues_not_held"; sessions only */
    /* attribute words */
    Symbol *statuses[VOCAB_MAX_WORDS];
    Symbol *dialogue_kinds[VOCAB_MAX_WORDS], *reception_kinds[VOCAB_MAX_WORDS];
    Symbol *scopes[VOCAB_MAX_WORDS];
    Symbol *answers[2];                  /* yes, no */
    Symbol *severities[2];               /* error, warning */
    uint32_t nstatuses, ndialogue_kinds, nreception_kinds, nscopes;
    Bound bounds[VOCAB_MAX_BOUNDS];
    uint32_t nbounds;
    PtrMap kinds;           /* name -> NodeKind + 1 */
    PtrMap contributed;     /* path -> path: every figure some entry contributes to */
    PtrMap scope_names;     /* name -> ScopeName */
} Vocab;

/* The standard vocabulary, with every name interned in `syms`; NULL when
 * out of memory. */
Vocab *vocab_new(Arena *a, Symtab *syms);

/* A unit or session kind by its name (`commune`, `dialogue`), or -1. */
int vocab_kind_by_name(const Vocab *v, const Symbol *name);

/* Does some entry contribute to this path (§5.3: `opinions.resolved`,
 * `communes`, `dialogues_not_held`)? Documents contribute `documents.KIND`
 * for any KIND, which this does not list. */
bool vocab_contributed(const Vocab *v, const Symbol *path);

/* A count of listed sessions: 0 in a unit that lists none (§5.4 step 4). */
bool vocab_zero_in_units(const Vocab *v, const Symbol *path);

/* The count of child units that `path` is (communes, districts, ...). */
bool vocab_is_unit_count(const Vocab *v, const Symbol *path);

/* What a name means in an expression, or NAME_FIGURE. */
ScopeName vocab_scope_name(const Vocab *v, const Symbol *name);

/* The words an attribute accepts. */
WordList vocab_statuses(const Vocab *v);
WordList vocab_session_kinds(const Vocab *v, int session_kind);
WordList vocab_scopes(const Vocab *v);
WordList vocab_answers(const Vocab *v);
WordList vocab_severities(const Vocab *v);
bool vocab_word_in(WordList list, const Symbol *word);

#endif
