/* source.h - a source text held whole in memory, and the mapping from byte
 * offsets to line and column that diagnostics and results need.
 *
 * Ownership: a Source and its text live in the run's arena. The text is
 * followed by two NUL bytes so the scanner can scan it in place. Positions
 * everywhere else in dlg are byte offsets (Span); lines and columns are
 * computed only when something is printed. A large file's text can be
 * given back once the file is modelled (source_evict): what is printed
 * later reads its lines again from the file. */
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

typedef enum {
    SOURCE_OK,
    SOURCE_ERR_OPEN,        /* errno says why */
    SOURCE_ERR_READ,
    SOURCE_ERR_TOO_LARGE,
    SOURCE_ERR_NOT_FILE,    /* a directory or other non-regular file */
    SOURCE_ERR_MEMORY,
} SourceStatus;

typedef struct Source {
    const char *name;       /* as given on the command line, "-" is "<stdin>" */
    const char *path;       /* path used to open it, NULL for stdin/strings */
    char *text;             /* len bytes + 2 NULs; NULL once evicted */
    size_t text_size;       /* bytes allocated for it (a file's: given back by source_evict) */
    uint32_t len;
    struct SourceLines *lines;  /* where each line starts, built on first use;
                             * evicted, where its first non-ASCII byte is
                             * (source.c): about two bytes a line */
    uint32_t nlines;
    bool bom;               /* evicted: the text began with a UTF-8 byte-order mark */
    struct SourceCache *cache;  /* evicted: where its bytes are read again */
    uint32_t id;            /* order in which the run read it */
    unsigned long long dev, ino;  /* the file's identity; 0 for stdin and strings */
    uint32_t cache_offset, cache_line, cache_column;  /* last position asked */
    struct SourceReader *reader;    /* read in pieces (source_open_pieces): the
                                     * piece held, until the last is read */
    SourceStatus failed;    /* read in pieces: SOURCE_OK, or why the file could
                             * not be read to its end (it changed while read:
                             * SOURCE_ERR_READ) */
    Arena *arena;
} Source;

/* What an evicted source keeps of a line whose first SOURCE_ASCII_MAX
 * bytes or more are ASCII: a byte a line, and a column further on reads
 * the text. */
enum { SOURCE_ASCII_MAX = UINT8_MAX };

/* The largest file read: offsets are 32-bit, and a run needs several bytes
 * of memory per byte of input (spec §2.7). */
enum { SOURCE_MAX_BYTES = 1024u * 1024u * 1024u };

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
/* The line containing offset, without its newline; *start is its offset.
 * Valid until the next call for the same source. */
const char *source_line(Source *s, uint32_t offset, uint32_t *start, uint32_t *len);
/* Does a line end between offsets a and b (a <= b)? */
bool source_lines_apart(Source *s, uint32_t a, uint32_t b);
/* Where line li (from 0, below s->nlines) starts, as the table of lines
 * says, and *ascii what it says of the line's ASCII bytes (0 while the
 * text is held): for tests, which compare two tables. */
uint32_t source_line_start(Source *s, uint32_t li, uint8_t *ascii);
/* The bytes of a span (not NUL-terminated); valid until the next call for
 * the same source. */
const char *source_bytes(Source *s, Span span);

/* A window of one evicted file read again, shared by every source of a
 * run (source_evict): what is printed goes through the files roughly in
 * order. Lives in the run's arena. */
typedef struct SourceCache {
    const Source *src;      /* whose bytes the window holds, or NULL */
    Span span;              /* where they are */
    char *buf;
    uint32_t cap;
    uint32_t window;        /* bytes the last read was for (source_bytes) */
} SourceCache;

/* A large file read while it is scanned, a piece at a time, rather than
 * whole: a national report's 200 MB are never in memory at once. */
enum {
    SOURCE_PIECES_MIN = 4 * 1024 * 1024,    /* a smaller file is read whole */
    SOURCE_PIECE = 1024 * 1024,             /* bytes read a time */
};
/* Open a regular file to be read in pieces of about `piece` bytes
 * (source_next_piece): the Source has no text, and is what an evicted one
 * is (source_evict): its table of lines grows as the pieces are read, and
 * what is printed reads its bytes again from the file. Standard input, a
 * smaller file than `min` or anything else is read whole (source_load). */
SourceStatus source_open_pieces(Arena *a, const char *path, uint32_t min, uint32_t piece, Source **out);
/* The next piece of a source opened in pieces: whole lines (the last one
 * of the file may lack its newline) followed by two NUL bytes, which the
 * scanner may write in (it puts back what it changes); *at is where it
 * starts in the file. It is valid until the next call. false at the end of
 * the file, and when the file could not be read to its end or changed
 * while it was read (s->failed). Lines of a piece, and where each line's
 * first byte of UTF-8 is, are recorded as it is read. */
bool source_next_piece(Source *s, char **text, uint32_t *at, uint32_t *len);
/* Done reading pieces (at the end, or stopped early): the file closed and
 * the piece given back. */
void source_close_pieces(Source *s);
/* Why a source in pieces could not be read to its end: an errno value. */
int source_read_error(const Source *s);

/* A file smaller than this keeps its text to the end of the run. */
enum { SOURCE_EVICT_MIN = 64 * 1024 };
/* Give back the text of a file read and modelled (a national report's is
 * 200 MB), keeping its table of lines: positions, lines and spans asked
 * for later are read again from the file, a line at a time, and only
 * where a column cannot be had without the text. A file that changed in
 * the meantime (another size, another file) reads as spaces: the run
 * says where, not what. Only a regular file of SOURCE_EVICT_MIN bytes or
 * more; false when the text stays. Its bytes are read again through
 * `cache`, which must live as long as s. A source read in pieces has no
 * text to give: from now on it reads through `cache` too. */
bool source_evict(Source *s, SourceCache *cache);

#endif
