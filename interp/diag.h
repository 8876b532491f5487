/* diag.h - the diagnostics collector. Every problem with the input becomes a
 * Diagnostic here (never an fprintf at the spot): the message and the span
 * are kept apart, and the source line and caret are drawn when printed.
 *
 * Ownership: diagnostics and their messages live in the collector's arena.
 * A note belongs to the error or warning reported just before it. */
#ifndef DLG_DIAG_H
#define DLG_DIAG_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"
#include "source.h"

typedef enum { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE } DiagSeverity;

typedef struct Diagnostic {
    DiagSeverity severity;
    Source *src;            /* NULL: not tied to a file (command line) */
    Span span;
    const char *message;
    struct Diagnostic *next;
} Diagnostic;

enum {
    DIAG_MAX_ERRORS = 50,
    DIAG_MAX_WARNINGS = 50,     /* more are counted (for --strict) but not shown */
    DIAG_MAX_MESSAGE = 1024,    /* a longer message is cut, at a character, with "..." */
};

typedef struct Diag {
    Arena *arena;
    Diagnostic *first, *last;
    uint32_t errors, warnings;
    uint32_t warnings_dropped;  /* warnings past DIAG_MAX_WARNINGS: counted, not kept */
    uint32_t errors_dropped;    /* errors past DIAG_MAX_ERRORS: counted, not kept */
    bool overflowed;        /* DIAG_MAX_ERRORS reached: stop parsing */
    bool dropping;          /* the last error or warning was dropped: so are its notes */
    bool out_of_memory;     /* an allocation failed somewhere: reported without allocating */
    bool recording;         /* kept for diag_replay(): where warnings were dropped is marked */
} Diag;

void diag_init(Diag *d, Arena *a);
/* Forget every diagnostic d gained since `saved` was copied from it
 * (`Diag saved = *d;`): the parser does so before it parses a file again. */
void diag_restore(Diag *d, const Diag *saved);

void diag_error(Diag *d, Source *src, Span span, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void diag_warning(Diag *d, Source *src, Span span, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void diag_note(Diag *d, Source *src, Span span, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Say into d, in order, what `recorded` (a Diag with `recording` set) was
 * told, as if d had been told it: d's own limits apply, so a file read
 * apart (by a thread of its own, load.c) says what it would have said had
 * it been read in turn. The messages stay in recorded's arena. */
void diag_replay(Diag *d, const Diag *recorded);

/* An allocation failed: one error "out of memory", without a position,
 * recorded without allocating (so it is never lost). */
void diag_out_of_memory(Diag *d);

/* Order diagnostics by file (in the order files were read, Source.id) and
 * position; a note stays after the diagnostic it belongs to. When the error
 * limit was reached, a closing note says so. Call once, before printing. */
void diag_sort(Diag *d);

/* Is an error already reported at this spot? A name the scanner refused is
 * not reported again as unknown. Linear, but there are at most
 * DIAG_MAX_ERRORS errors. */
bool diag_error_at(const Diag *d, const Source *src, uint32_t offset);

/* True once an error beyond the first DIAG_MAX_ERRORS was refused (the
 * first 50 are kept, the 51st and every later diagnostic are dropped), or
 * once memory ran out: every pass stops at it. */
static inline bool diag_full(const Diag *d) { return d->overflowed || d->out_of_memory || d->arena->failed; }

/* GNU form: "file:line:col: severity: message", the source line, a caret;
 * control characters in messages escaped (\n, \x1b); all of it written
 * at once. Then the warnings not shown, and "out of memory" if it was. */
void diag_print(const Diag *d, FILE *out);


#endif
