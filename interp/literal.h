/* literal.h - reading the number-like tokens of a .dlg file: counts, dates,
 * percentages and money. The scanner finds a run of digits and separators;
 * this module decides what it is, or why it is not (§2.4, §2.5 of the spec).
 * Pure functions, no allocation. */
#ifndef DLG_LITERAL_H
#define DLG_LITERAL_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"

/* A number-like token quoted in a message is cut to this many bytes. */
enum { LITERAL_QUOTE_MAX = 64 };

/* A decimal written with a fixed number of decimals: 79,63 = {7963, 2}. */
typedef struct Decimal {
    int64_t mantissa;
    uint8_t decimals;
} Decimal;

typedef enum {
    LIT_OK = 0,
    LIT_TOO_LARGE,          /* does not fit in 64 bits */
    LIT_BAD_GROUPING,       /* 1_5, 15_59 */
    LIT_DOTTED_COUNT,       /* 15.590: Vietnamese thousands grouping */
    LIT_COMMA_COUNT,        /* 12,674 */
    LIT_DECIMAL,            /* 1.5, 198,6 */
    LIT_MONTH_YEAR,         /* 12/2020 */
    LIT_RATIO,              /* 19/19 */
    LIT_NO_SUCH_DATE,       /* 31/2/2024 */
    LIT_MALFORMED,
} LitError;

typedef enum { LIT_COUNT, LIT_DATE } LitKind;

typedef struct Literal {
    LitKind kind;
    int64_t count;          /* LIT_COUNT, and the money amount */
    Date date;              /* LIT_DATE */
    Decimal decimal;        /* percentages */
    int64_t suggestion;     /* for LIT_DOTTED_COUNT / LIT_COMMA_COUNT */
} Literal;

/* A run of digits separated by . , / - _ : a count or a date. */
LitError literal_number(const char *s, size_t n, Literal *out);
/* The digits before a %: 99.72 or 79,63 or 100. */
LitError literal_percent(const char *s, size_t n, Literal *out);
/* The digits before đ / đồng / VND: 48_686_352 or 48.686.352. */
LitError literal_money(const char *s, size_t n, Literal *out);

/* A complete, lowercase diagnostic for the error, quoting the token. */
void literal_message(LitError e, const char *s, size_t n, const Literal *lit,
                     char *buf, size_t size);

#endif
