/* source.h - a source text held whole in memory, and the mapping from byte
 * offsets to line and column that diagnostics and results need.
 *
 * Ownership: a Source and its text live in the run's arena. The text is
 * followed by two NUL bytes so the scanner can scan it in place. Positions
 * everywhere else in dlg are byte offsets (Span); lines and columns are
 * computed only when something is printed. */
#ifndef DLG_SOURCE_H
#define DLG_SOURCE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"

/* A half-open byte range [start, end) inside one source. */
typedef struct Span {
    uint32_t start, end;
} Span;

typedef struct Source {
    const char *name;       /* as given on the command line, "-" is "<stdin>" */
    const char *path;       /* path used to open it, NULL for stdin/strings */
    char *text;             /* len bytes + 2 NULs */
    uint32_t len;
    uint32_t *lines;        /* offsets of line starts, built on first use */
    uint32_t nlines;
    uint32_t id;            /* order in which the run read it */
    unsigned long long dev, ino;  /* the file's identity; 0 for stdin and strings */
    uint32_t cache_offset, cache_line, cache_column;  /* last position asked */
    Arena *arena;
} Source;

/* The largest file read: offsets are 32-bit, and a run needs several bytes
 * of memory per byte of input (spec §2.7). */
enum { SOURCE_MAX_BYTES = 1024u * 1024u * 1024u };

typedef enum {
    SOURCE_OK,
    SOURCE_ERR_OPEN,        /* errno says why */
    SOURCE_ERR_READ,
    SOURCE_ERR_TOO_LARGE,
    SOURCE_ERR_NOT_FILE,    /* a directory or other non-regular file */
    SOURCE_ERR_MEMORY,
} SourceStatus;

/* Read a whole file ("-" reads stdin). On failure *out is NULL and the status
 * says why; errno is preserved for SOURCE_ERR_OPEN/READ. */
SourceStatus source_load(Arena *a, const char *path, Source **out);
/* A source over a copy of the given bytes (tests, stdin). */
Source *source_from_bytes(Arena *a, const char *name, const char *bytes, size_t len);

/* Build the table of line starts now rather than on first use (a source
 * shared read-only by several runs); false when out of memory. */
bool source_index_lines(Source *s);
/* 1-based line and column (in UTF-8 code points) of a byte offset. */
void source_position(Source *s, uint32_t offset, uint32_t *line, uint32_t *column);
/* The line containing offset, without its newline. */
const char *source_line(Source *s, uint32_t offset, uint32_t *len);

#endif
