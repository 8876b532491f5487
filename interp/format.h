/* format.h - the words and digits of a result: numbers, values, subjects,
 * notes and rule verdicts as the writers print them (spec §6, §13,
 * spec/json.md). Every writer renders through here, so each sentence a
 * result can produce exists in one place.
 *
 * Ownership: strings are allocated in the arena the caller passes (a
 * writer's scratch arena) or written into the caller's buffer. */
#ifndef DLG_FORMAT_H
#define DLG_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "result.h"

/* How numbers are written: thousands separator (0 for none), whether
 * trailing zeros after the point are dropped, and the decimal mark (0 for
 * '.'). */
typedef struct NumberStyle {
    char group;
    bool trim;
    char point;
} NumberStyle;

extern const NumberStyle FORMAT_TEXT;   /* 15,590   81.30 */
extern const NumberStyle FORMAT_PLAIN;  /* 15590    81.3  (JSON) */
extern const NumberStyle FORMAT_TEXT_VI;    /* 15.590   81,30 (Vietnamese) */

/* v with `decimals` digits after the point (none when v is whole); a value
 * that rounds to zero is 0, never -0. False (and "?") when v is not finite. */
bool format_number(char *buf, size_t size, double v, int decimals, const NumberStyle *st);
/* A whole number, every digit, grouped in the style's way. */
bool format_whole(char *buf, size_t size, Wide v, const NumberStyle *st);
/* A Number in text: grouped, amounts of money followed by " đ", "?" when
 * unknown; a whole number exactly. */
const char *format_number_text(char *buf, size_t size, Number n, int decimals);

/* Numbers for people in the run's language (i18n.h): FORMAT_TEXT in
 * English, FORMAT_TEXT_VI in Vietnamese. Machines' outputs (JSON, CSV)
 * keep FORMAT_PLAIN. */
const NumberStyle *format_people(void);
/* format_number_text in the run's language: "12,674" or "12.674",
 * "48,686,352 đ" or "48.686.352 đ", "99.72" or "99,72". */
const char *format_number_local(char *buf, size_t size, Number n, int decimals);
/* A percentage for people: "81.30 %" or "81,30 %" (a space before the
 * sign in both); "?" when unknown. */
const char *format_percent_local(char *buf, size_t size, Number n, int decimals);

/* What a check is about: "district Tuần Giáo: opinions = resolved + pending". */
const char *format_check_subject(Arena *a, const Model *m, const Check *c);
/* The subject after its unit and ": " ("opinions = resolved + pending");
 * for a percent check, which is of no unit, the whole subject. */
const char *format_check_what(Arena *a, const Model *m, const Check *c);
/* A note as a sentence; NULL for no note (NULL) or NOTE_NONE. */
const char *format_note(Arena *a, const Note *n);
/* A rule's verdict on one subject: "dialogues >= 1 holds: 2 >= 1",
 * "dialogues >= 1 is false: 0 >= 1 does not hold", "… is unknown: why";
 * for a schedule, "held 50 of 52 due: 2 short (2024-W06, 2024-W16) ...". */
const char *format_verdict(Arena *a, const RuleDef *d, const Verdict *v);
/* The subject of a verdict: "commune Quài Nưa", "commune Quài Nưa, 2022",
 * "the report, level district_level". */
const char *format_verdict_subject(Arena *a, const Verdict *v);
/* "<=", "==" ... */
const char *format_op(ExprOp op);
/* The subject of a rule failure or a per-unit indicator row. */
const char *format_subject(Arena *a, const Node *n);
/* The subject of an indicator row: "commune Quài Nưa", "level
 * district_level", or NULL for the report's own row. */
const char *format_indicator_subject(Arena *a, const IndicatorResult *ir);
/* The same in English whatever the run's language (model_subject_key):
 * HTML's data-unit. */
const char *format_indicator_key(Arena *a, const IndicatorResult *ir);

#endif
