/* result.h - what a run found: checks, rules and indicators, in the order
 * they were produced, held as structure (numbers, relations, the nodes and
 * figures they are about, notes as a kind and its arguments). The report
 * writers render every sentence from it (format.h); the checker and the
 * evaluator write no prose.
 *
 * Ownership: a Result and everything it points to live in the run's arena;
 * it points into the Model, which outlives it. */
#ifndef DLG_RESULT_H
#define DLG_RESULT_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "model.h"
#include "source.h"

/* A check or rule passes, fails, or cannot be decided; a check that
 * passes only as a lower bound, because some children or rows did not
 * give their part, is partial (spec §6.3): not a pass. */
typedef enum { RESULT_PASS, RESULT_FAIL, RESULT_UNKNOWN, RESULT_PARTIAL } Status;

#define CHECK_KINDS(X)                  \
    X(CHECK_SUM, "sum")                 \
    X(CHECK_TABLE, "table")             \
    X(CHECK_ROLLUP, "rollup")           \
    X(CHECK_ITEMS, "items")             \
    X(CHECK_BOUND, "bound")             \
    X(CHECK_PERCENT, "percent")         \
    X(CHECK_CHANGE, "change")

typedef enum {
#define X(k, s) k,
    CHECK_KINDS(X)
#undef X
} CheckKind;

/* How many kinds of check there are. */
enum {
#define X(k, s) +1
    CHECK_KIND_COUNT = 0 CHECK_KINDS(X)
#undef X
};

/* How the declared value must relate to the computed one: the symbol the
 * text report shows and the name JSON gives (spec/json.md §6.3). */
#define RELATIONS(X)                                                           \
    X(REL_EQ, "=", "=")                                                        \
    X(REL_GE, ">=", ">=")                                                      \
    X(REL_LE, "<=", "<=")                                                      \
    X(REL_ABOUT, "~", "about")                                                 \
    X(REL_OVER, "<", "over")        /* declared "over N": N < computed */      \
    X(REL_NEARLY, "~", "nearly")                                               \
    X(REL_WITHIN, "~", "within")

typedef enum {
#define X(k, symbol, name) k,
    RELATIONS(X)
#undef X
} Relation;

typedef enum { UNIT_PERCENT, UNIT_COUNT, UNIT_MONEY, UNIT_NUMBER, UNIT_DAYS, UNIT_BOOLEAN } ValueUnit;

/* A number as dlg prints it: whole numbers exactly, or with `decimals`. */
/* Whole numbers beyond 64 bits: the sum of many counts, a difference of
 * two (GCC and Clang's 128-bit integer). */
__extension__ typedef __int128 Wide;

typedef struct Number {
    Wide exact;
    double value;           /* the value; for a whole number, close to `exact` */
    bool known;
    uint8_t decimals;       /* digits after the point to print */
    bool money;
    bool whole;             /* a count or an amount: printed from `exact`, every digit */
} Number;                   /* 32 bytes: a report has three per check */

/* A whole number, kept exactly; any other, with its decimals. */
static inline Number number_whole(Wide v, bool money)
{
    return (Number){ .known = true, .value = (double)v, .money = money, .whole = true, .exact = v };
}

static inline Number number_real(double v, uint8_t decimals, bool money)
{
    return (Number){ .known = true, .value = v, .decimals = decimals, .money = money };
}

/* A value of an expression, as a rule's verdict shows it. */
typedef enum { VAL_UNKNOWN, VAL_NUMBER, VAL_BOOL, VAL_DATE, VAL_STRING } ValKind;

typedef struct Val {
    ValKind kind;
    union {                 /* by kind: */
        double num;         /* VAL_NUMBER */
        bool b;             /* VAL_BOOL */
        int32_t days;       /* VAL_DATE: days since 1970-01-01 */
        const char *str;    /* VAL_STRING */
    };
} Val;                      /* 16 bytes: a verdict has two */

/* Why a value is unknown, or a remark on a result. The English text of
 * each kind, with its arguments, is in format.c. */
#define NOTE_KINDS(X)                                                          \
    X(NOTE_NONE)                                                               \
    /* checks */                                                               \
    X(NOTE_TOO_LARGE)           /* the imbalance does not fit in 64 bits */    \
    X(NOTE_SUM_TOO_LARGE)       /* the parts add up beyond 64 bits */          \
    X(NOTE_NOT_FINITE)          /* a computed value is not a finite number */  \
    X(NOTE_PART_WOULD_BE)       /* name: the part; a: the value it needs */    \
    X(NOTE_PARTS_UNKNOWN)       /* a: how many parts */                        \
    X(NOTE_CELL_INEXACT)                                                       \
    X(NOTE_UNSTATUSED)          /* name: the figure; text: the attribute */    \
    X(NOTE_APPROX_RANGE)        /* computed between a and b; x: b unbounded */ \
    X(NOTE_NEGATIVE)                                                           \
    X(NOTE_PERCENT_DIFFERS)     /* x: one unit of the last digit */            \
    /* values in expressions */                                                \
    X(NOTE_NO_TOPIC)                                                           \
    X(NOTE_NO_STATUS)                                                          \
    X(NOTE_NO_SATISFIED)                                                       \
    X(NOTE_NO_KIND)                                                            \
    X(NOTE_NO_SCOPE)                                                           \
    X(NOTE_OPINION_HAS_NO)      /* name */                                     \
    X(NOTE_SESSION_DATE)                                                       \
    X(NOTE_NO_CONCLUSION)                                                      \
    X(NOTE_CONCLUSION_DATE)                                                    \
    X(NOTE_NO_NOTICE)                                                          \
    X(NOTE_NOTICE_DATE)                                                        \
    X(NOTE_CALENDAR_UNCOVERED)  /* a: the year; text: the calendar */          \
    X(NOTE_WHOLE_DAYS_COUNT)                                                   \
    X(NOTE_DEADLINE_ARGS)                                                      \
    X(NOTE_UNDATED)             /* node: the session without a day */          \
    X(NOTE_UNDATED_ENTRY)       /* text: opinion or document; node: where */   \
    X(NOTE_NOT_BY_DATE)         /* text: the path; node: who gives it whole */ \
    X(NOTE_TOO_MANY_WINDOWS)    /* a: the most */                              \
    X(NOTE_EDGES_LEFT_OUT)      /* a: windows; sel: the calendar dimension */  \
    X(NOTE_UNDATED_LEFT_OUT)    /* a: subjects of sel without a date */        \
    X(NOTE_TOTAL_ONLY)          /* inner: why the windows could not be told */ \
    X(NOTE_VERDICTS_UNKNOWN)    /* name: the rule */                           \
    X(NOTE_NO_VERDICT)          /* name: the rule */                           \
    X(NOTE_SOME_UNKNOWN)        /* a unknown of b subjects */                  \
    X(NOTE_FIGURE_UNKNOWN)      /* text: the path; node: where */              \
    X(NOTE_NOT_CONDITION)                                                      \
    X(NOTE_NOT_NUMBER)                                                         \
    X(NOTE_NONE_LISTED_IN)      /* sel, node */                                \
    X(NOTE_NOTHING_TO_COUNT)                                                   \
    X(NOTE_PERCENT_NUMBERS)                                                    \
    X(NOTE_ZERO_DENOMINATOR)                                                   \
    X(NOTE_NONE_LISTED)         /* sel */                                      \
    X(NOTE_MEAN_PARTIAL)        /* a of b subjects (sel); inner: why not */    \
    X(NOTE_NO_PERIOD)                                                          \
    X(NOTE_NEED_DATES)                                                         \
    X(NOTE_MINMAX_NUMBERS)                                                     \
    X(NOTE_CANNOT_COMPARE)                                                     \
    X(NOTE_WHOLE_DAYS)                                                         \
    X(NOTE_OUTSIDE_CALENDAR)                                                   \
    X(NOTE_ARITH_NUMBERS)                                                      \
    X(NOTE_DIVISION_BY_ZERO)                                                   \
    X(NOTE_DATE_NOT_DAY)                                                       \
    X(NOTE_OUT_OF_MEMORY)                                                      \
    X(NOTE_WRITTEN_UNKNOWN)                                                    \
    /* indicators and rules */                                                 \
    X(NOTE_UNKNOWN)                                                            \
    X(NOTE_NOT_A_NUMBER)                                                       \
    X(NOTE_FROM_APPROX_FIGURE)                                                 \
    X(NOTE_VALUE_MISSING)                                                      \
    X(NOTE_NO_SUBJECT)          /* sel */                                      \
    X(NOTE_NONE_MEETS_WHERE)    /* sel */                                      \
    X(NOTE_REPORT_NOT_WHERE)

typedef enum {
#define X(k) k,
    NOTE_KINDS(X)
#undef X
} NoteKind;

#define X(k) +1
enum { NOTE_KIND_COUNT = 0 NOTE_KINDS(X) };     /* how many kinds there are */
#undef X

typedef struct Note {
    NoteKind kind;
    const Symbol *name;
    const char *text;           /* NOTE_FIGURE_UNKNOWN: the path as written */
    const Node *node;
    Selector sel;
    int64_t a, b;
    double x;
    const struct Note *inner;
} Note;

/* Is n its kind alone ("no conclusion notice is recorded"), every other
 * field zero, as most notes of unknown verdicts are? Two such notes of a
 * kind are the same note, and say the same. */
static inline bool note_is_plain(const Note *n)
{
    return !n->name && !n->text && !n->node && n->sel.what == 0 && !n->sel.kind && !n->sel.dim && !n->a && !n->b &&
           n->x == 0 && !n->inner;
}

/* What few checks have: a coverage, their numbers when they are not all
 * whole numbers of 64 bits or when it has a tolerance (a percentage, a
 * change, a sum beyond 64 bits, an `about` figure), a note. Most checks
 * have none of it, and most that have any have a coverage alone (a
 * roll-up over units, one for each commune of a country): those have
 * only the head, 16 bytes, not a CheckMore of 128. */
typedef struct CheckMoreHead {
    uint32_t covered, expected; /* when `has_coverage`: units (or rows) present, expected */
    bool has_coverage;
    bool numbers;               /* the numbers are those of the CheckMore, not the check's own */
    bool full;                  /* the head of a CheckMore: the rest follows */
} CheckMoreHead;

typedef struct CheckMore {
    CheckMoreHead head;
    Number declared, computed, imbalance;   /* when head.numbers */
    double tolerance;           /* REL_ABOUT, REL_WITHIN */
    const Note *note;           /* why unknown, what a part would need; NULL:
                                 * nothing to say */
} CheckMore;

/* How many of the units (or rows) a check expected were there. */
typedef struct CheckCoverage {
    bool has;                   /* false: the check says nothing of it */
    uint32_t covered, expected;
} CheckCoverage;

/* Bits of Check.known */
enum { CHECK_DECLARED = 1, CHECK_COMPUTED = 2, CHECK_IMBALANCE = 4 };

/* One check, in 48 bytes: a national report has a million, which lie in
 * the result's blocks in the order made (CheckBlock). Its numbers
 * are read with check_declared(), check_computed(), check_imbalance() and
 * check_tolerance(), and set with check_numbers(): whole numbers of 32
 * bits are kept in the check itself (the imbalance as their difference),
 * others in its CheckMore. Its kind, relation and status are read as the
 * enums they are with check_kind(), check_relation() and check_status();
 * where it points with check_src() and check_span(); its note and
 * coverage, kept in its CheckMore, with check_note() and check_coverage(),
 * and set with check_set_note() and check_set_coverage(). */
typedef struct Check {
    const Node *node;           /* where; NULL for a percent check */
    const Figure *figure;       /* sum: the whole; table: the column; the figure checked */
    union {                     /* by kind: */
        const Breakdown *parts;     /* sum: its breakdown; table: the rows */
        const Bound *bound;         /* bound: between two figures, else NULL (a negative count) */
        const IndicatorDef *indicator;  /* percent */
        const FigureChange *change;     /* change: the figure's previous and change */
    };
    CheckMoreHead *more;        /* see CheckMore; NULL: none of it */
    int32_t declared, computed; /* unless more->numbers: the numbers that are `known` */
    uint8_t kind;               /* CheckKind */
    uint8_t relation;           /* Relation */
    uint8_t status;             /* Status */
    uint8_t known;              /* unless more->numbers: CHECK_DECLARED | ... */
    bool money;                 /* unless more->numbers: the numbers are amounts in đồng */
} Check;

/* The checks of a run, in the order made: blocks that double from 64
 * checks to CHECK_BLOCK_MAX, never moved (a check is filled where it was
 * given). Read with result_first_check() and check_next(). */
enum { CHECK_BLOCK_MIN = 64, CHECK_BLOCK_MAX = 4096 };
typedef struct CheckBlock {
    struct CheckBlock *next;
    uint32_t n, cap;
    Check at[];
} CheckBlock;

typedef struct CheckIter {
    const CheckBlock *block;
    uint32_t i;
} CheckIter;

static inline const Check *check_next(CheckIter *it)
{
    while (it->block && it->i == it->block->n) {
        it->block = it->block->next;
        it->i = 0;
    }
    return it->block ? &it->block->at[it->i++] : NULL;
}

static inline CheckKind check_kind(const Check *c) { return (CheckKind)c->kind; }
static inline Relation check_relation(const Check *c) { return (Relation)c->relation; }
static inline Status check_status(const Check *c) { return (Status)c->status; }

/* The file the check points into: its figure's, or its indicator's. */
static inline Source *check_src(const Check *c)
{
    return c->figure ? model_figure_src(c->node, c->figure) : c->kind == CHECK_PERCENT ? c->indicator->src : NULL;
}

/* Where in that file: the percentage the report gives (percent), the
 * change it gives (change), else the name of the figure checked. */
static inline Span check_span(const Check *c)
{
    if (c->kind == CHECK_PERCENT)
        return c->indicator->reported_span;
    if (c->kind == CHECK_CHANGE)
        return c->change->change_span;
    return c->figure ? figure_span(c->figure) : (Span){ 0, 0 };
}

/* c's CheckMore, when it has more than a head. */
static inline const CheckMore *check_more_(const Check *c)
{
    return c->more && c->more->full ? (const CheckMore *)(const void *)c->more : NULL;
}

static inline const Note *check_note(const Check *c) { return check_more_(c) ? check_more_(c)->note : NULL; }

static inline CheckCoverage check_coverage(const Check *c)
{
    if (!c->more || !c->more->has_coverage)
        return (CheckCoverage){ false, 0, 0 };
    return (CheckCoverage){ true, c->more->covered, c->more->expected };
}

static inline Number check_short_(const Check *c, int64_t v, uint8_t bit)
{
    return c->known & bit ? number_whole(v, c->money) : (Number){ 0 };
}

/* c's numbers kept in its CheckMore, or NULL: in itself. */
static inline const CheckMore *check_long_(const Check *c)
{
    return c->more && c->more->numbers ? check_more_(c) : NULL;
}

static inline Number check_declared(const Check *c)
{
    return check_long_(c) ? check_long_(c)->declared : check_short_(c, c->declared, CHECK_DECLARED);
}

static inline Number check_computed(const Check *c)
{
    return check_long_(c) ? check_long_(c)->computed : check_short_(c, c->computed, CHECK_COMPUTED);
}

/* Kept short only when it is declared - computed (check_numbers). */
static inline Number check_imbalance(const Check *c)
{
    if (check_long_(c))
        return check_long_(c)->imbalance;
    return c->known & CHECK_IMBALANCE ? number_whole((int64_t)c->declared - c->computed, c->money) : (Number){ 0 };
}

static inline double check_tolerance(const Check *c) { return check_long_(c) ? check_long_(c)->tolerance : 0; }

/* Set c's numbers (an unknown one is (Number){ 0 }); false when out of
 * memory for a CheckMore (the arena remembers). */
bool check_numbers(Arena *a, Check *c, Number declared, Number computed, Number imbalance, double tolerance);
/* check_numbers() of two whole numbers, declared and computed, and their
 * difference, with no tolerance: as nearly every check of a report has
 * them, set without making the three Numbers when both fit in the check. */
bool check_whole_numbers(Arena *a, Check *c, int64_t declared, Wide computed, bool money);
/* Set c's note (copied), or its coverage. Out of memory for a CheckMore
 * the check goes without it; the arena remembers, and the run says so. */
void check_set_note(Arena *a, Check *c, Note note);
void check_set_coverage(Arena *a, Check *c, uint32_t covered, uint32_t expected);

/* A copy of n in a, for Check.note; NULL when out of memory (the arena
 * remembers, and the run says so). */
static inline const Note *result_note(Arena *a, Note n)
{
    Note *p = ARENA_NEW(a, Note);
    if (p)
        *p = n;
    return p;
}

/* What a schedule found for one subject (spec §9.1). */
typedef struct Slots {
    int64_t expected, held, not_held;   /* sessions due, held, scheduled and not held */
    bool held_known;                    /* held is known (sessions itemised or counted) */
    uint32_t nmissed;                   /* windows of time short of sessions */
    Window *missed;                     /* the first MAX_MISSED of them */
    int32_t *due;                       /* weekly on a day: each missed window's due day */
    uint32_t nmoved;                    /* due days moved off a rest day (Điều 148) */
    uint32_t edges;                     /* windows the period cuts: prorated */
    const char *reasons;                /* why sessions were not held, as written, "; "-separated */
} Slots;

enum { MAX_MISSED = 12 };

/* What few verdicts have: a part or a window of time (each DIMENSION,
 * each year), a schedule's count, a note. */
typedef struct VerdictMore {
    const Part *part;           /* each DIMENSION: its part, else NULL */
    Window win;                 /* each year ...: the window, else none */
    const Slots *slots;         /* a schedule's count */
    const Note *why;            /* unknown: why; a schedule's remark; NULL: nothing to say */
} VerdictMore;

/* The verdict of a rule on one subject: a unit or session, or the report,
 * in a part of a dimension or a window of time when the rule says so.
 * Kept small: a national report has one for each session and rule (48
 * bytes). Read the rest through verdict_part(), verdict_window(),
 * verdict_slots(), verdict_why(); the sides compared through
 * verdict_lhs() and verdict_rhs(); where it points, through
 * verdict_place(). */
typedef struct Verdict {
    const Node *node;           /* the subject; the root for the report */
    const VerdictMore *more;    /* NULL: none of it */
    struct Verdict *next;
    uint64_t side[2];           /* compared: the comparison's two sides, the
                                 * bytes of each Val's value (verdict_set_sides()) */
    uint8_t side_kind[2];       /* and their ValKind */
    uint8_t status;             /* Status: RESULT_PASS, RESULT_FAIL or RESULT_UNKNOWN */
    bool compared;              /* a comparison: its two sides */
    uint8_t op;                 /* ExprOp: the comparison's */
} Verdict;

_Static_assert(sizeof(((Val *)0)->num) == sizeof(uint64_t) && sizeof(Val) - offsetof(Val, num) == sizeof(uint64_t),
               "a Val's value is the 8 bytes Verdict.side keeps");

/* A comparison's side, as verdict_set_sides() kept it. */
static inline Val verdict_side_(const Verdict *v, int i)
{
    Val x = { .kind = (ValKind)v->side_kind[i] };
    memcpy(&x.num, &v->side[i], sizeof v->side[i]);     /* every member of the union starts there */
    return x;
}

static inline Val verdict_lhs(const Verdict *v) { return verdict_side_(v, 0); }
static inline Val verdict_rhs(const Verdict *v) { return verdict_side_(v, 1); }

static inline void verdict_set_sides(Verdict *v, Val lhs, Val rhs)
{
    v->side_kind[0] = (uint8_t)lhs.kind;
    v->side_kind[1] = (uint8_t)rhs.kind;
    memcpy(&v->side[0], &lhs.num, sizeof v->side[0]);
    memcpy(&v->side[1], &rhs.num, sizeof v->side[1]);
}

static inline const Part *verdict_part(const Verdict *v) { return v->more ? v->more->part : NULL; }
static inline Window verdict_window(const Verdict *v) { return v->more ? v->more->win : (Window){ 0, 0, 0 }; }
static inline const Slots *verdict_slots(const Verdict *v) { return v->more ? v->more->slots : NULL; }
static inline const Note *verdict_why(const Verdict *v) { return v->more ? v->more->why : NULL; }

/* Where verdict v of rule d points: a unit where it is declared (its own
 * block rather than the parent's `lists` that made it), a session where
 * it is, the report at the rule. */
static inline Span verdict_place(const RuleDef *d, const Verdict *v, Source **src)
{
    const Node *n = v->node;
    bool root = n->kind->level == LEVEL_ROOT, declared = n->declared && !root;
    Source *made = declared ? NULL : node_src(n);
    *src = declared ? node_last_src(n) : made ? made : d->src;
    return root ? d->span : declared ? node_last_span(n) : node_span(n);
}

/* A verdict handed on, valid only during the call. */
typedef void (*VerdictSink)(void *ctx, const Verdict *v);

/* How the verdicts a rule's result did not keep are made again
 * (eval_run_lean): `run` evaluates rule d again over the model and hands
 * every verdict to `sink`, in order, with `a` for its own memory; false
 * when out of memory. What it reads is the run's, read only, and lives as
 * long as the result. */
typedef struct VerdictReplay {
    bool (*run)(const struct VerdictReplay *rp, const RuleDef *d, Arena *a, VerdictSink sink, void *ctx);
    const Model *model;
    const struct Derived *derived;
    const struct Resolution *res;
    const struct Calendar *cal;
    const struct Result *result;
} VerdictReplay;

typedef struct RuleResult {
    const RuleDef *def;
    Status status;
    uint32_t passed, failed, unknown, total;
    Note note;                  /* why nothing was checked, or a caveat (windows left out) */
    Verdict *verdicts, *last_verdict;   /* every subject, in order; with `replay`,
                                         * those that do not pass */
    /* Set by eval_run_lean(): the subjects that pass were counted and
     * not kept, and are made again by result_each_verdict() and
     * result_every_verdict(). NULL: every verdict is kept. */
    const VerdictReplay *replay;
    struct RuleResult *next;
} RuleResult;

/* Append v to rr's list of verdicts. */
static inline void result_add_verdict(RuleResult *rr, Verdict *v)
{
    if (rr->last_verdict)
        rr->last_verdict->next = v;
    else
        rr->verdicts = v;
    rr->last_verdict = v;
}

typedef struct IndicatorResult {
    const IndicatorDef *def;
    const Node *node;           /* NULL for the report, else the unit (per KIND) */
    const Part *part;           /* per DIMENSION: the part, else NULL */
    Window win;                 /* per year ...: the window of time, else none */
    ValueUnit unit;
    Number value, numerator, denominator;
    bool approximate;           /* computed from an approximate figure */
    Note note;                  /* why there is no value, or a caveat */
    struct IndicatorResult *next;
} IndicatorResult;

/* A check handed on, valid only during the call. */
typedef void (*CheckSink)(void *ctx, const Check *c);

/* How the checks a result did not keep are made again (check_run_lean):
 * `run` hands every check of that pass to `sink`, in order, reading the
 * model and the derived values again, with `a` for its own memory; false
 * when out of memory. The model and the derived values are the run's,
 * read only, and live as long as the result. */
typedef struct CheckReplay {
    bool (*run)(const struct CheckReplay *rp, Arena *a, CheckSink sink, void *ctx);
    const Model *model;
    const struct Derived *derived;
} CheckReplay;

typedef struct Result {
    CheckBlock *check_blocks, *last_check_block;    /* result_first_check(): the checks
                                                     * kept (see `replay`) */
    RuleResult *rules, *last_rule;
    IndicatorResult *indicators, *last_indicator;
    uint32_t nchecks, checks_failed, checks_unknown, checks_partial;
    uint32_t checks_passed_by_kind[CHECK_KIND_COUNT];   /* kept or not */
    uint32_t rules_failed_error, rules_failed_warning;
    uint32_t rules_unknown, rules_unknown_error;   /* of which error-severity */
    /* Set by check_run_lean(): its passing checks were counted and not
     * kept (a national report has a million), and are made again by
     * result_each_check() and result_every_check(). The first `kept_by_run`
     * checks kept are that pass's others; the rest were kept by later
     * passes (eval's). NULL: every check is kept. */
    const CheckReplay *replay;
    uint32_t kept_by_run;
    const Model *model;         /* the model its checks' figures are of, which
                                 * their paths and parts are read from
                                 * (figure_path(), figure_leaf()): set by check_run()
                                 * and check_run_lean() */
} Result;

const char *result_check_kind_name(CheckKind k);
const char *result_status_name(Status s);
/* Text report symbol, and the JSON "relation" value (spec/json.md). */
const char *result_relation_symbol(Relation r);
const char *result_relation_name(Relation r);
const char *result_unit_name(ValueUnit u);

/* The first of r's checks (NULL: none, or no result), it being set to
 * read the rest with check_next(). */
static inline const Check *result_first_check(const Result *r, CheckIter *it)
{
    *it = (CheckIter){ r ? r->check_blocks : NULL, 0 };
    return check_next(it);
}

/* A new block after r's last, of twice its checks up to CHECK_BLOCK_MAX;
 * false when out of memory. For result_new_check(). */
bool result_more_checks(Result *r, Arena *a);

/* A zeroed check to fill, in the next free slot of r's blocks (a new
 * block when the last is full); NULL when out of memory. It is one of r's
 * once result_add_check() adds it: until then, the next call gives the
 * same slot again. */
static inline Check *result_new_check(Result *r, Arena *a)
{
    CheckBlock *last = r->last_check_block;
    if (!last || last->n == last->cap) {
        if (!result_more_checks(r, a))
            return NULL;
        last = r->last_check_block;
    }
    Check *c = &last->at[last->n];
    memset(c, 0, sizeof *c);                /* a slot given up before may hold its half */
    return c;
}

/* Count c, the check result_new_check() gave last (which it must be),
 * without keeping it: the next call gives its slot again. */
static inline void result_count_check(Result *r, const Check *c)
{
    r->nchecks++;
    r->checks_failed += c->status == RESULT_FAIL;
    r->checks_unknown += c->status == RESULT_UNKNOWN;
    r->checks_partial += c->status == RESULT_PARTIAL;
    r->checks_passed_by_kind[c->kind] += c->status == RESULT_PASS;
}

/* Add c, the check result_new_check() gave last (which it must be), and
 * count it. */
static inline void result_add_check(Result *r, const Check *c)
{
    r->last_check_block->n++;
    result_count_check(r, c);
}

/* How many of r's checks pass. */
static inline uint32_t result_checks_passed(const Result *r)
{
    return r->nchecks - r->checks_failed - r->checks_unknown - r->checks_partial;
}

/* Hand every check of r to sink, in order: those kept, and those a lean
 * result did not keep, made again (Result.replay) with memory from
 * `allocator` (NULL: malloc's), given back before it returns. The sink
 * may use any other memory. False when out of memory. */
bool result_each_check(const Result *r, const Allocator *allocator, CheckSink sink, void *ctx);
/* Hand every verdict of rr to sink, in order: those kept, and those a
 * lean result did not keep, made again (RuleResult.replay) with memory
 * from `allocator` (NULL: malloc's), given back before it returns. The
 * sink may use any other memory. False when out of memory. */
bool result_each_verdict(const RuleResult *rr, const Allocator *allocator, VerdictSink sink, void *ctx);
/* Every verdict of rr, in order, for a writer that reads them more than
 * once: rr->verdicts when it kept them all, else copies in `a` linked by
 * `next`, into *first. False when out of memory. */
bool result_every_verdict(const RuleResult *rr, Arena *a, const Verdict **first);

/* r with every check kept, for a writer that reads them more than once
 * (a listing for people): r itself when it kept them all, else a copy
 * in `a` of r with the checks made again. NULL when out of memory. */
const Result *result_every_check(const Result *r, Arena *a);
void result_add_rule(Result *r, RuleResult *rr);
void result_add_indicator(Result *r, IndicatorResult *ir);

/* Exit status (spec §12): 1 when the report is wrong, else 0. Under
 * --strict a failed warning rule, an unknown error rule, a partial check
 * or any of `warnings` diagnostics makes it wrong too. */
int result_exit_status(const Result *r, bool strict, uint32_t warnings);

#endif
