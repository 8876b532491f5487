/* run.h - one run of dlg: read every file, parse, build the model, derive,
 * resolve, check, evaluate, write the report. Owns the run's arena from
 * start to end. Never exits: returns the exit status of spec §12. */
#ifndef DLG_RUN_H
#define DLG_RUN_H

#include <stdbool.h>
#include <stdio.h>

#include "report.h"

typedef struct RunOptions {
    const Writer *writer;       /* report_writers[] */
    bool strict;
    const char *const *files;   /* "-" is standard input */
    int nfiles;
    const char *const *rulebooks;
    int nrulebooks;
} RunOptions;

int dlg_run(const RunOptions *opt, FILE *out, FILE *err);

#endif
