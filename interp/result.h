/* result.h - what a run found: checks, rules and indicators, in the order
 * they were produced. The report writers (text.c, json.c) read only this
 * and the model's header; they never look into the checker or evaluator.
 *
 * Ownership: a Result and all its strings live in the run's arena. */
#ifndef DLG_RESULT_H
#define DLG_RESULT_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "model.h"
#include "source.h"

typedef enum { RESULT_PASS, RESULT_FAIL, RESULT_UNKNOWN } Status;

#define CHECK_KINDS(X)                  \
    X(CHECK_SUM, "sum")                 \
    X(CHECK_TABLE, "table")             \
    X(CHECK_ROLLUP, "rollup")           \
    X(CHECK_ITEMS, "items")             \
    X(CHECK_BOUND, "bound")             \
    X(CHECK_PERCENT, "percent")

typedef enum {
#define X(k, s) k,
    CHECK_KINDS(X)
#undef X
} CheckKind;

/* How the declared value must relate to the computed one. */
typedef enum { REL_EQ, REL_GE, REL_LE, REL_ABOUT, REL_OVER, REL_NEARLY, REL_WITHIN } Relation;

/* A number as dlg prints it: whole numbers exactly, or with `decimals`. */
typedef struct Number {
    bool known;
    double value;
    uint8_t decimals;       /* digits after the point to print */
    bool money;
} Number;

typedef struct Check {
    CheckKind kind;
    const char *subject;    /* "commune Kỳ Châu: receptions" */
    Number declared, computed, imbalance;
    Relation relation;
    double tolerance;       /* REL_ABOUT, REL_WITHIN */
    bool has_coverage;
    uint32_t covered, expected;
    Status status;
    const char *note;       /* optional: why unknown, what a part would need */
    Source *src;
    Span span;
    struct Check *next;
} Check;

typedef struct Failure {
    const char *subject;
    const char *detail;
    Source *src;
    Span span;
    struct Failure *next;
} Failure;

typedef struct RuleResult {
    const RuleDef *def;
    Status status;
    uint32_t passed, failed, unknown, total;
    const char *note;       /* e.g. why nothing was checked */
    Failure *failures, *last_failure;
    struct RuleResult *next;
} RuleResult;

typedef enum { UNIT_PERCENT, UNIT_COUNT, UNIT_MONEY, UNIT_NUMBER, UNIT_DAYS, UNIT_BOOLEAN } ValueUnit;

typedef struct IndicatorResult {
    const IndicatorDef *def;
    const char *subject;    /* NULL for the report, else "commune X" (per) */
    ValueUnit unit;
    Number value, numerator, denominator;
    bool approximate;       /* computed from an approximate figure */
    const char *note;       /* why there is no value, or a caveat */
    struct IndicatorResult *next;
} IndicatorResult;

typedef struct Result {
    Check *checks, *last_check;
    RuleResult *rules, *last_rule;
    IndicatorResult *indicators, *last_indicator;
    uint32_t nchecks, checks_failed, checks_unknown;
    uint32_t rules_failed_error, rules_failed_warning;
} Result;

const char *result_check_kind_name(CheckKind k);
const char *result_status_name(Status s);
/* Text report symbol, and the JSON "relation" value (spec/json.md). */
const char *result_relation_symbol(Relation r);
const char *result_relation_name(Relation r);
const char *result_unit_name(ValueUnit u);

void result_add_check(Result *r, Check *c);
void result_add_rule(Result *r, RuleResult *rr);
void result_add_indicator(Result *r, IndicatorResult *ir);

/* Exit status (spec §12): 1 when the report is wrong, else 0. */
int result_exit_status(const Result *r, bool strict);

#endif
