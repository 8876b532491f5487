/* report.h - the report writers: the text report for people, the JSON
 * document for CI (spec §13, spec/json.md), SARIF, GitHub annotations and
 * CSV (spec/formats.md) and HTML, found by name in one table that the
 * command line and the run share, and the helpers they share. Writers
 * read the Result, the model's header and the diagnostics, and render them
 * through format.h; they compute nothing.
 *
 * Ownership: a writer allocates only in a scratch arena of its own (from
 * ReportInput.allocator), freed before it returns. A writer whose memory
 * ran out says so by returning false: what it wrote is cut short, or has
 * '?' or null where a text could not be made, and the run ends with
 * "out of memory" and exit status 2 (dlg_report). */
#ifndef DLG_REPORT_H
#define DLG_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "compare.h"
#include "diag.h"
#include "model.h"
#include "result.h"

/* How a report for people is laid out (spec §13), as the command line
 * chose it from the terminal, the environment and its options: the library
 * reads no environment. Writers for machines ignore it. All zero: 80
 * columns, no colour, every line. */
typedef struct ReportLayout {
    unsigned width;             /* columns a line may take; 0: 80 */
    bool colour;                /* ANSI SGR colours and bold headings */
    bool quiet;                 /* --quiet: only what fails, and the result line */
    bool all;                   /* --all: every passing check and rule subject listed,
                                 * however many (else a count by kind past
                                 * REPORT_PASSES_LISTED) */
} ReportLayout;

/* The text report lists passing checks, and each rule's passing subjects,
 * one a line up to this many; past it, it counts them (spec §13). */
enum { REPORT_PASSES_LISTED = 100 };

typedef struct ReportInput {
    const char *const *files;   /* as given on the command line */
    int nfiles;
    const Header *header;       /* NULL when nothing was evaluated */
    const Result *result;       /* NULL when nothing was evaluated */
    const Comparison *comparison;   /* --previous: the indicators of two periods, or NULL */
    const Diag *diag;
    int exit_status;
    bool strict;                /* --strict: warnings and undecided results fail */
    ReportLayout layout;        /* for people: width, colour, --quiet */
    const Allocator *allocator; /* the writer's scratch memory: the run's (tests make
                                 * it fail); NULL: malloc's */
} ReportInput;

typedef struct Writer {
    const char *name;           /* as --format names it */
    bool (*write)(const ReportInput *in, FILE *out);   /* false: out of memory */
    bool for_machines;          /* always on standard output, even when
                                 * nothing was evaluated */
} Writer;

/* The writers, ending with a { NULL } entry; the first is the default. */
extern const Writer report_writers[];
/* The writer of that name, or NULL. */
const Writer *report_writer(const char *name);

/* Each writes the whole report; false when its memory ran out. */
bool report_html(const ReportInput *in, FILE *out);
bool report_json(const ReportInput *in, FILE *out);
bool report_sarif(const ReportInput *in, FILE *out);
bool report_github(const ReportInput *in, FILE *out);
bool report_csv(const ReportInput *in, FILE *out);
bool report_text(const ReportInput *in, FILE *out);

/* JSON string with escapes; invalid UTF-8 becomes U+FFFD. Shared by the
 * JSON and SARIF writers; exposed for tests. */
void report_json_string(FILE *out, const char *s, size_t n);

/* What a check's declared and computed values are: a count, an amount
 * of money, or a percentage (a percent check, a change in percent). */
ValueUnit report_check_unit(const Check *c);

/* A number for machines: every digit of a whole number, others with their
 * decimals, no grouping (spec/json.md §3); NULL when unknown or not
 * finite. */
const char *report_number(char *buf, size_t size, Number n);

/* Write the character that starts at p (a byte of 0x80 or more): a valid
 * UTF-8 sequence as it is, else `replacement` for the one byte. Returns
 * the bytes read. The writers' escapers share it. */
size_t report_utf8(FILE *out, const unsigned char *p, size_t n, const char *replacement);

/* "error", "warning" or "note". */
const char *report_severity_name(DiagSeverity s);

/* What diag_print() adds after the list (diag.h): "N more warnings not
 * shown" (a note) and "out of memory" (an error). Returns how many of the
 * two apply; their text is in `buf` or static. */
typedef struct DiagTail {
    DiagSeverity severity;
    const char *message;
} DiagTail;
int report_diag_tail(const Diag *d, char *buf, size_t size, DiagTail tail[2]);

/* Annotations (SARIF results, GitHub workflow commands): one for each
 * failed, partial or unknown check, each rule subject that failed or is
 * unknown, each rule with no subject that did not pass, and each
 * diagnostic, in that order (spec/formats.md). */
typedef enum { ANNOTATE_NOTE, ANNOTATE_WARNING, ANNOTATE_ERROR } AnnotateLevel;

typedef struct Annotation {
    const char *family;         /* "check", "rule" or "diagnostic" */
    const char *name;           /* the check's kind, the rule's identifier, the severity */
    AnnotateLevel level;        /* error: a failed check or error rule, an error */
    const char *message;        /* "sum check failed: SUBJECT: declared 52, computed 9, imbalance 43" */
    Source *src;                /* NULL when tied to no file */
    Span span;
} Annotation;

/* Call `emit` for each annotation; its strings live in `a`. */
void report_annotations(const ReportInput *in, Arena *a, void (*emit)(void *ctx, const Annotation *an), void *ctx);

#endif
