/* report.h - the report writers: the text report for people and the JSON
 * document for CI (spec §13, spec/json.md). Writers read the Result, the
 * model's header and the diagnostics; they compute nothing.
 *
 * Ownership: writers allocate nothing that outlives the call. */
#ifndef DLG_REPORT_H
#define DLG_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "model.h"
#include "result.h"

typedef struct ReportInput {
    const char *const *files;   /* as given on the command line */
    int nfiles;
    const Header *header;       /* NULL when nothing was evaluated */
    const Result *result;       /* NULL when nothing was evaluated */
    const Diag *diag;
    int exit_status;
} ReportInput;

void report_json(const ReportInput *in, FILE *out);
void report_text(const ReportInput *in, FILE *out);

/* JSON string with escapes; invalid UTF-8 becomes U+FFFD. Exposed for tests. */
void report_json_string(FILE *out, const char *s, size_t n);
/* Number as JSON/text print it: integers without a point, otherwise at most
 * `decimals` digits with trailing zeros removed. */
void report_number(FILE *out, double v, int decimals);

#endif
