/* run.h - one run of dlg: read every file, parse, build the model, derive,
 * resolve, check, evaluate (the analysis), then write the report. Never
 * exits: returns the exit status of spec §12.
 *
 * Ownership: an Analysis owns one arena holding everything the run made
 * (sources, syntax, model, results, diagnostics); dlg_analysis_free()
 * releases it. Reporting reads it and may be repeated with any writer. */
#ifndef DLG_RUN_H
#define DLG_RUN_H

#include <stdbool.h>
#include <stdio.h>

#include "arena.h"
#include "library.h"
#include "report.h"

/* A file held in memory, read as if named on the command line. */
typedef struct MemoryFile {
    const char *name;
    const char *bytes;
    size_t len;
} MemoryFile;

typedef struct RunOptions {
    const Writer *writer;       /* report_writers[] */
    bool strict;
    bool sandbox;               /* --sandbox: refuse files outside the working folder */
    const char *const *files;   /* "-" is standard input */
    int nfiles;
    const char *const *rulebooks;
    int nrulebooks;
    const char *const *previous;    /* --previous: the previous period's files */
    int nprevious;
    const MemoryFile *memory;       /* read before `files`: for the fuzzer and tests */
    int nmemory;
    const Allocator *allocator;     /* the run's arena's; NULL: malloc (tests make it fail) */
    const struct Prelude *prelude;  /* the shipped files parsed once (load.h), or NULL:
                                     * parsed by this run */
    ReportLayout layout;            /* the text report's width, colour, --quiet */
    unsigned jobs;                  /* --jobs: files read at once, at most RUN_MAX_JOBS;
                                     * 0: one for each processor online */
    bool whole;                     /* read every file before modelling any, never
                                     * streaming (run.c): the same result, the tests
                                     * check, with every syntax tree held at once */
} RunOptions;

enum { RUN_MAX_JOBS = 64 };

typedef struct Analysis Analysis;

/* Read, model, check and evaluate (opt->writer is not used). NULL only when
 * not even the analysis could be allocated; dlg_report() says so. */
Analysis *dlg_analyse(const RunOptions *opt);
/* The exit status the analysis calls for (2 for NULL). */
int dlg_analysis_status(const Analysis *an);
/* The diagnostics (spec §11), on `err`. */
void dlg_diagnostics(const Analysis *an, FILE *err);
/* The report by `writer` on `out` (on `err` for a writer for people when
 * nothing was evaluated), laid out as `layout` says (NULL: 80 columns, no
 * colour, everything); returns the exit status: 2, and "out of memory"
 * on `err`, when the writer's memory ran out (its report is cut short). */
int dlg_report(const Analysis *an, const Writer *writer, const ReportLayout *layout, FILE *out, FILE *err);
void dlg_analysis_free(Analysis *an);

/* dlg_analyse(), dlg_diagnostics(), dlg_report() with opt->writer,
 * dlg_analysis_free(). */
int dlg_run(const RunOptions *opt, FILE *out, FILE *err);

/* The shipped rulebook `--rules NAME` names (lib/rules/NAME.dlg), or NULL;
 * and their names for messages: "dialogue, reception, ...". */
const LibraryFile *run_shipped_rulebook(const char *name);
const char *run_shipped_rulebooks(Arena *a);

#endif
