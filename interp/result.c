/* result.c - bookkeeping of results and the names the writers print. */
#include "result.h"

static const char *const check_names[] = {
#define X(k, s) s,
    CHECK_KINDS(X)
#undef X
};

const char *result_check_kind_name(CheckKind k) { return check_names[k]; }

const char *result_status_name(Status s)
{
    switch (s) {
    case RESULT_PASS: return "pass";
    case RESULT_FAIL: return "fail";
    case RESULT_UNKNOWN: return "unknown";
    case RESULT_PARTIAL: return "partial";
    }
    return "unknown";
}

static const struct { const char *symbol, *name; } relations[] = {
#define X(k, symbol, name) { symbol, name },
    RELATIONS(X)
#undef X
};

const char *result_relation_symbol(Relation r) { return relations[r].symbol; }
const char *result_relation_name(Relation r) { return relations[r].name; }

const char *result_unit_name(ValueUnit u)
{
    switch (u) {
    case UNIT_PERCENT: return "percent";
    case UNIT_COUNT: return "count";
    case UNIT_MONEY: return "dong";
    case UNIT_NUMBER: return "number";
    case UNIT_DAYS: return "days";
    case UNIT_BOOLEAN: return "boolean";
    }
    return "number";
}

bool result_more_checks(Result *r, Arena *a)
{
    CheckBlock *last = r->last_check_block;
    uint32_t cap = !last ? CHECK_BLOCK_MIN : last->cap < CHECK_BLOCK_MAX ? last->cap * 2 : CHECK_BLOCK_MAX;
    CheckBlock *b = arena_alloc(a, sizeof *b + (size_t)cap * sizeof b->at[0]);
    if (!b)
        return false;
    *b = (CheckBlock){ NULL, 0, cap };
    if (last)
        last->next = b;
    else
        r->check_blocks = b;
    r->last_check_block = b;
    return true;
}

/* The checks of r kept by later passes than the lean one, after the
 * first `skip` kept (Result.kept_by_run), to sink. */
static void kept_after(const Result *r, uint32_t skip, CheckSink sink, void *ctx)
{
    CheckIter it;
    uint32_t i = 0;
    for (const Check *c = result_first_check(r, &it); c; c = check_next(&it))
        if (i++ >= skip)
            sink(ctx, c);
}

bool result_each_check(const Result *r, const Allocator *allocator, CheckSink sink, void *ctx)
{
    if (!r)
        return true;
    if (r->replay) {
        /* memory of its own: the sink may rewind an arena of its own
         * between checks, and the pass keeps what it made before */
        Arena own;
        arena_init(&own, allocator);
        bool ok = r->replay->run(r->replay, &own, sink, ctx) && !own.failed;
        arena_free(&own);
        if (!ok)
            return false;
    }
    kept_after(r, r->replay ? r->kept_by_run : 0, sink, ctx);
    return true;
}

typedef struct Copying {
    Result *into;
    Arena *arena;
    bool oom;
} Copying;

static void copy_check(void *ctx, const Check *c)
{
    Copying *cp = ctx;
    Check *k = cp->oom ? NULL : result_new_check(cp->into, cp->arena);
    if (!k) {
        cp->oom = true;
        return;
    }
    *k = *c;                        /* what it points to lives in the arena, or the run's */
    result_add_check(cp->into, k);
}

const Result *result_every_check(const Result *r, Arena *a)
{
    if (!r || !r->replay)
        return r;
    Result *all = ARENA_NEW(a, Result);
    if (!all)
        return NULL;
    Copying cp = { all, a, false };
    if (!r->replay->run(r->replay, a, copy_check, &cp) || cp.oom)
        return NULL;
    kept_after(r, r->kept_by_run, copy_check, &cp);
    if (cp.oom)
        return NULL;
    CheckBlock *first = all->check_blocks, *last = all->last_check_block;
    *all = *r;                      /* its counts are r's, counted again */
    all->check_blocks = first;
    all->last_check_block = last;
    all->replay = NULL;
    all->kept_by_run = 0;
    return all;
}

bool result_each_verdict(const RuleResult *rr, const Allocator *allocator, VerdictSink sink, void *ctx)
{
    if (!rr->replay) {
        for (const Verdict *v = rr->verdicts; v; v = v->next)
            sink(ctx, v);
        return true;
    }
    Arena own;                      /* as in result_each_check() */
    arena_init(&own, allocator);
    bool ok = rr->replay->run(rr->replay, rr->def, &own, sink, ctx) && !own.failed;
    arena_free(&own);
    return ok;
}

typedef struct VerdictCopies {
    Arena *arena;
    RuleResult list;        /* its verdicts, the copies */
    bool oom;
} VerdictCopies;

/* A copy of v, which the replay made on its stack, and of its
 * VerdictMore; what those point to the replay made in the copies' arena. */
static void copy_verdict(void *ctx, const Verdict *v)
{
    VerdictCopies *vc = ctx;
    Verdict *k = vc->oom ? NULL : ARENA_NEW(vc->arena, Verdict);
    VerdictMore *m = k && v->more ? ARENA_NEW(vc->arena, VerdictMore) : NULL;
    if (!k || (v->more && !m)) {
        vc->oom = true;
        return;
    }
    *k = *v;
    k->next = NULL;
    if (m) {
        *m = *v->more;
        k->more = m;
    }
    result_add_verdict(&vc->list, k);
}

bool result_every_verdict(const RuleResult *rr, Arena *a, const Verdict **first)
{
    if (!rr->replay) {
        *first = rr->verdicts;
        return true;
    }
    VerdictCopies vc = { a, { 0 }, false };
    if (!rr->replay->run(rr->replay, rr->def, a, copy_verdict, &vc) || vc.oom)
        return false;
    *first = vc.list.verdicts;
    return true;
}

void result_add_rule(Result *r, RuleResult *rr)
{
    if (r->last_rule)
        r->last_rule->next = rr;
    else
        r->rules = rr;
    r->last_rule = rr;
    if (rr->status == RESULT_UNKNOWN) {
        r->rules_unknown++;
        r->rules_unknown_error += rr->def->severity == SEVERITY_ERROR;
    }
    if (rr->status == RESULT_FAIL) {
        if (rr->def->severity == SEVERITY_ERROR)
            r->rules_failed_error++;
        else
            r->rules_failed_warning++;
    }
}

void result_add_indicator(Result *r, IndicatorResult *ir)
{
    if (r->last_indicator)
        r->last_indicator->next = ir;
    else
        r->indicators = ir;
    r->last_indicator = ir;
}

int result_exit_status(const Result *r, bool strict, uint32_t warnings)
{
    if (r->checks_failed || r->rules_failed_error)
        return 1;
    if (strict && (r->rules_failed_warning || r->rules_unknown_error || r->checks_partial || warnings))
        return 1;
    return 0;
}

/* Whether the check can give n back from a whole number of 64 bits: the
 * number check_short_() would give back is n itself (bitwise '&': one
 * test, not a branch each). */
static bool fits_short(Number n, bool money)
{
    Number s = n.known ? number_whole((int64_t)n.exact, money) : (Number){ 0 };
    return ((Wide)(int64_t)n.exact == n.exact) & (s.known == n.known) & (s.exact == n.exact) & (s.value == n.value) &
           (s.decimals == n.decimals) & (s.money == n.money) & (s.whole == n.whole);
}

/* ... and keep it in itself, in 32 bits: a declared or computed number. */
static bool fits_in_check(Number n, bool money)
{
    return fits_short(n, money) & ((Wide)(int32_t)n.exact == n.exact);
}

/* c's CheckMore, made when it has none or only its head (copied into
 * it); NULL when out of memory. */
static CheckMore *check_more(Arena *a, Check *c)
{
    if (c->more && c->more->full)
        return (CheckMore *)(void *)c->more;
    CheckMore *more = ARENA_NEW(a, CheckMore);
    if (!more)
        return NULL;
    if (c->more)
        more->head = *c->more;
    more->head.full = true;
    c->more = &more->head;
    return more;
}

/* c's CheckMoreHead, made alone when it has none; NULL when out of
 * memory. */
static CheckMoreHead *check_more_head(Arena *a, Check *c)
{
    if (!c->more)
        c->more = ARENA_NEW(a, CheckMoreHead);
    return c->more;
}

_Static_assert(sizeof(Check) <= 48, "a check is 48 bytes: a national report has a million");
_Static_assert(sizeof(Verdict) <= 48,
               "a verdict is 48 bytes: a national report has one for each session and rule");

/* c's numbers kept in itself: `known` of CHECK_DECLARED, CHECK_COMPUTED
 * and CHECK_IMBALANCE, the imbalance being their difference. */
static void keep_short(Check *c, bool money, uint8_t known, int32_t declared, int32_t computed)
{
    if (c->more)
        c->more->numbers = false;
    c->money = money;
    c->known = known;
    c->declared = declared;
    c->computed = computed;
}

bool check_numbers(Arena *a, Check *c, Number declared, Number computed, Number imbalance, double tolerance)
{
    bool money = declared.money;    /* a number of another kind does not fit, and goes beside */
    /* the imbalance is not kept: it must be the difference of the two */
    int64_t diff;
    bool both = declared.known && computed.known;
    bool difference = imbalance.known
        ? both && !__builtin_sub_overflow((int64_t)declared.exact, (int64_t)computed.exact, &diff) &&
          diff == imbalance.exact
        : !both;
    if (difference && tolerance == 0 && fits_in_check(declared, money) && fits_in_check(computed, money) &&
        fits_short(imbalance, money)) {
        keep_short(c, money,
                   (uint8_t)((declared.known ? CHECK_DECLARED : 0) | (computed.known ? CHECK_COMPUTED : 0) |
                             (imbalance.known ? CHECK_IMBALANCE : 0)),
                   (int32_t)declared.exact, (int32_t)computed.exact);
        return true;
    }
    CheckMore *more = check_more(a, c);
    if (!more)
        return false;
    more->declared = declared;
    more->computed = computed;
    more->imbalance = imbalance;
    more->tolerance = tolerance;
    more->head.numbers = true;
    return true;
}

bool check_whole_numbers(Arena *a, Check *c, int64_t declared, Wide computed, bool money)
{
    if (declared == (int32_t)declared && computed == (int32_t)computed) {
        /* what check_numbers() keeps of them: the difference of two numbers
         * of 32 bits is one of 64, and number_whole() gives each back */
        keep_short(c, money, CHECK_DECLARED | CHECK_COMPUTED | CHECK_IMBALANCE, (int32_t)declared, (int32_t)computed);
        return true;
    }
    return check_numbers(a, c, number_whole(declared, money), number_whole(computed, money),
                         number_whole((Wide)declared - computed, money), 0);
}

void check_set_note(Arena *a, Check *c, Note note)
{
    CheckMore *more = check_more(a, c);
    const Note *copy = more ? result_note(a, note) : NULL;
    if (copy)
        more->note = copy;
}

void check_set_coverage(Arena *a, Check *c, uint32_t covered, uint32_t expected)
{
    CheckMoreHead *more = check_more_head(a, c);
    if (!more)
        return;
    more->covered = covered;
    more->expected = expected;
    more->has_coverage = true;
}
