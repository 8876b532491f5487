/* run.h - one run of dlg: read every file, parse, build the model, derive,
 * resolve, check, evaluate, write the report. Owns the run's arena from
 * start to end. Never exits: returns the exit status of spec §12. */
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
} RunOptions;

int dlg_run(const RunOptions *opt, FILE *out, FILE *err);

/* The shipped rulebook `--rules NAME` names (lib/rules/NAME.dlg), or NULL;
 * and their names for messages: "dialogue, reception, ...". */
const LibraryFile *run_shipped_rulebook(const char *name);
const char *run_shipped_rulebooks(Arena *a);

#endif
