/* source.c - loading sources whole, and offset -> line/column mapping. */
#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

Source *source_from_bytes(Arena *a, const char *name, const char *bytes, size_t len)
{
    if (len > SOURCE_MAX_BYTES)
        return NULL;
    Source *s = ARENA_NEW(a, Source);
    char *text = arena_alloc(a, len + 2);
    if (!s || !text)
        return NULL;
    if (len)
        memcpy(text, bytes, len);
    text[len] = text[len + 1] = '\0';
    s->name = name;
    s->text = text;
    s->text_size = len + 2;
    s->len = (uint32_t)len;
    s->arena = a;
    return s;
}

/* A pipe's bytes, read before their total is known: chunks doubling from
 * 64 KiB to 32 MiB (so the big ones are mapped and given back at once). */
typedef struct StreamChunk {
    struct StreamChunk *next;
    size_t len;
    char bytes[];
} StreamChunk;

enum { STREAM_FIRST = 64 * 1024, STREAM_LARGEST = 32 * 1024 * 1024 };

/* Read everything from f: a regular file's size is known, so it is read
 * into one arena buffer; a pipe is read into malloc'd chunks, then copied
 * into one arena buffer of its exact size, each chunk freed once copied:
 * a run keeps one copy of its input, and its peak is that copy and one
 * chunk, not every buffer a growing copy outgrew. The arena copy keeps the
 * two NUL bytes the scanner needs. */
static SourceStatus read_stream(Arena *a, FILE *f, size_t hint, char **text, size_t *len, size_t *allocated)
{
    if (hint) {
        size_t cap = hint + 1, n = 0;       /* one extra byte to see the end */
        char *buf = arena_alloc(a, cap + 2);
        if (!buf)
            return SOURCE_ERR_MEMORY;
        for (size_t got; (got = fread(buf + n, 1, cap - n, f)) > 0 && n + got <= SOURCE_MAX_BYTES;)
            n += got;
        if (ferror(f))
            return SOURCE_ERR_READ;
        if (n > SOURCE_MAX_BYTES || n == cap)   /* grew while being read: read it as a stream */
            return n > SOURCE_MAX_BYTES ? SOURCE_ERR_TOO_LARGE : SOURCE_ERR_READ;
        buf[n] = buf[n + 1] = '\0';
        *text = buf;
        *len = n;
        *allocated = cap + 2;
        return SOURCE_OK;
    }
    StreamChunk *first = NULL, **tail = &first;
    size_t n = 0, size = STREAM_FIRST;
    SourceStatus st = SOURCE_OK;
    for (bool end = false; !end && st == SOURCE_OK;) {
        StreamChunk *c = malloc(sizeof *c + size);
        if (!c) {
            st = SOURCE_ERR_MEMORY;
            break;
        }
        c->next = NULL;
        c->len = 0;
        *tail = c;
        tail = &c->next;
        while (c->len < size) {
            size_t got = fread(c->bytes + c->len, 1, size - c->len, f);
            c->len += got;
            n += got;
            if (got == 0) {
                if (ferror(f))
                    st = SOURCE_ERR_READ;
                end = true;
                break;
            }
            if (n > SOURCE_MAX_BYTES) {
                st = SOURCE_ERR_TOO_LARGE;
                break;
            }
        }
        if (size < STREAM_LARGEST)
            size *= 2;
    }
    char *copy = st == SOURCE_OK ? arena_alloc(a, n + 2) : NULL;
    if (st == SOURCE_OK && !copy)
        st = SOURCE_ERR_MEMORY;
    size_t at = 0;
    for (StreamChunk *c = first, *next; c; c = next) {
        next = c->next;
        if (copy) {
            memcpy(copy + at, c->bytes, c->len);
            at += c->len;
        }
        free(c);
    }
    if (copy) {
        copy[n] = copy[n + 1] = '\0';
        *text = copy;
        *len = n;
        *allocated = n + 2;
    }
    return st;
}

SourceStatus source_load(Arena *a, const char *path, Source **out)
{
    *out = NULL;
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = stdin;
    size_t hint = 0;
    struct stat sb = { 0 };
    if (!is_stdin) {
        /* O_NONBLOCK: opening a FIFO must not wait for a writer; it is then
         * refused as not a regular file. */
        int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0)
            return SOURCE_ERR_OPEN;
        SourceStatus st = SOURCE_OK;
        if (fstat(fd, &sb) != 0)
            st = SOURCE_ERR_READ;
        else if (!S_ISREG(sb.st_mode))
            st = SOURCE_ERR_NOT_FILE;
        else if ((unsigned long long)sb.st_size > SOURCE_MAX_BYTES)
            st = SOURCE_ERR_TOO_LARGE;
        f = st == SOURCE_OK ? fdopen(fd, "rb") : NULL;
        if (!f) {
            int saved = errno;
            close(fd);
            errno = saved;
            return st == SOURCE_OK ? SOURCE_ERR_OPEN : st;
        }
        hint = (size_t)sb.st_size;
    }
    if (is_stdin && fstat(fileno(stdin), &sb) == 0 && S_ISREG(sb.st_mode)) {
        /* standard input redirected from a file: its size is known too */
        if ((unsigned long long)sb.st_size > SOURCE_MAX_BYTES)
            return SOURCE_ERR_TOO_LARGE;
        off_t at = lseek(fileno(stdin), 0, SEEK_CUR);
        hint = at >= 0 && at < sb.st_size ? (size_t)(sb.st_size - at) : 0;
    }
    char *text = NULL;
    size_t len = 0, size = 0;
    SourceStatus st = read_stream(a, f, hint, &text, &len, &size);
    int saved = errno;
    if (!is_stdin)
        fclose(f);
    errno = saved;
    if (st != SOURCE_OK)
        return st;
    Source *s = ARENA_NEW(a, Source);
    if (!s)
        return SOURCE_ERR_MEMORY;
    s->name = is_stdin ? "<stdin>" : path;
    s->path = is_stdin ? NULL : path;
    s->text = text;
    s->text_size = size;
    s->len = (uint32_t)len;
    s->arena = a;
    s->dev = is_stdin ? 0 : (unsigned long long)sb.st_dev;
    s->ino = is_stdin ? 0 : (unsigned long long)sb.st_ino;
    *out = s;
    return SOURCE_OK;
}

/* ---- the table of lines ---------------------------------------------------- */

/* Where each line starts, in a byte and a quarter a line (two and a
 * quarter once evicted) rather than four (five): a national report has
 * two million lines, and their table was the largest part of a run after
 * the model. Lines come in blocks of LINE_BLOCK. The first line of a block has its
 * start in `base`; every other line a byte, how far it starts after the
 * line before it (that line's length, its newline included), or 0 when
 * that is 256 bytes or more, and its start is in `far`, sorted by line:
 * 8 bytes more for each line after one of 256 bytes or more. A line is
 * found in two steps: its block, from the block of the line found last in
 * steps of 1, 2, 4 ... blocks (what is printed goes through a file mostly
 * in order), or by bisection; then the line within the block, from the
 * line found last when it is there: LINE_BLOCK - 1 steps at most. */
enum { LINE_BLOCK = 16, LINES_FIRST = 1024, LINE_STEP_MAX = UINT8_MAX };

typedef struct FarLine {
    uint32_t line, start;
} FarLine;

typedef struct SourceLines {
    uint32_t *base;         /* base[k]: where line k * LINE_BLOCK starts */
    uint8_t *step;          /* step[li]: where line li starts after line li - 1, or 0 */
    uint8_t *ascii;         /* evicted: of each line, how many of its first bytes lie
                             * before its first non-ASCII byte (or its end),
                             * SOURCE_ASCII_MAX at most: a column among them needs
                             * no text. NULL while the text is held. */
    FarLine *far;           /* the lines whose step is 0, by line */
    uint32_t nfar, far_cap;
    uint32_t cap;           /* lines that `step` and `ascii` hold: LINE_BLOCK's multiple */
    uint32_t last;          /* where the last line starts */
    uint32_t at, at_start;  /* the line found last, and where it starts */
} SourceLines;

static uint32_t round_to_block(uint32_t n)
{
    return n <= LINE_BLOCK ? LINE_BLOCK : (n + LINE_BLOCK - 1) / LINE_BLOCK * LINE_BLOCK;
}

/* A table of room for `cap` lines, holding the first (at 0); with the
 * ASCII of each line when `ascii`. NULL when out of memory. */
static SourceLines *lines_new(Arena *a, uint32_t cap, bool ascii)
{
    cap = round_to_block(cap);
    SourceLines *t = ARENA_NEW(a, SourceLines);
    if (!t)
        return NULL;
    t->base = ARENA_ARRAY(a, uint32_t, cap / LINE_BLOCK);
    t->step = ARENA_ARRAY(a, uint8_t, cap);
    t->ascii = ascii ? ARENA_ARRAY(a, uint8_t, cap) : NULL;
    if (!t->base || !t->step || (ascii && !t->ascii))
        return NULL;
    t->cap = cap;
    return t;
}

static bool lines_grow(Arena *a, SourceLines *t)
{
    uint32_t cap = t->cap;
    if (cap > UINT32_MAX / 2)
        return false;
    uint32_t *base = arena_grow(a, t->base, cap / LINE_BLOCK * sizeof *base, 2 * (size_t)cap / LINE_BLOCK * sizeof *base);
    if (!base)
        return false;
    t->base = base;
    uint8_t *step = arena_grow(a, t->step, cap, 2 * (size_t)cap);
    if (!step)
        return false;
    t->step = step;
    if (t->ascii) {
        uint8_t *ascii = arena_grow(a, t->ascii, cap, 2 * (size_t)cap);
        if (!ascii)
            return false;
        t->ascii = ascii;
    }
    t->cap = 2 * cap;
    return true;
}

/* Line li of the table, starting at `start` after a line of 256 bytes or
 * more; false when out of memory. */
static __attribute__((noinline)) bool far_push(Arena *a, SourceLines *t, uint32_t li, uint32_t start)
{
    if (t->nfar == t->far_cap) {
        uint32_t cap = t->far_cap ? 2 * t->far_cap : 16;
        FarLine *far = cap > t->far_cap ? arena_grow(a, t->far, (size_t)t->far_cap * sizeof *far,
                                                     (size_t)cap * sizeof *far) : NULL;
        if (!far)
            return false;
        t->far = far;
        t->far_cap = cap;
    }
    t->far[t->nfar++] = (FarLine){ li, start };
    t->step[li] = 0;
    return true;
}

/* Line s->nlines, starting at `start`, after the last; false when out of
 * memory. */
static inline bool lines_push(Source *s, uint32_t start)
{
    SourceLines *t = s->lines;
    uint32_t li = s->nlines;
    if (li == t->cap && !lines_grow(s->arena, t))
        return false;
    uint32_t step = start - t->last;
    if (li % LINE_BLOCK == 0) {
        t->base[li / LINE_BLOCK] = start;
        t->step[li] = 0;
    } else if (step <= LINE_STEP_MAX) {
        t->step[li] = (uint8_t)step;
    } else if (!far_push(s->arena, t, li, start)) {
        return false;
    }
    if (t->ascii)
        t->ascii[li] = 0;
    t->last = start;
    s->nlines++;
    return true;
}

/* Where line li starts, when its step is 0 and it is not the first of its
 * block: in `far`. */
static __attribute__((noinline)) uint32_t far_start(const SourceLines *t, uint32_t li)
{
    uint32_t lo = 0, hi = t->nfar;
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (t->far[mid].line <= li)
            lo = mid;
        else
            hi = mid;
    }
    return t->far[lo].start;
}

/* Where line li + 1 starts; line li starts at `start`. */
static inline uint32_t next_start(const SourceLines *t, uint32_t li, uint32_t start)
{
    uint32_t next = li + 1;
    if (next % LINE_BLOCK == 0)
        return t->base[next / LINE_BLOCK];
    return t->step[next] ? start + t->step[next] : far_start(t, next);
}

/* Where line li starts: from the first of its block. */
static uint32_t start_of(const SourceLines *t, uint32_t li)
{
    uint32_t start = t->base[li / LINE_BLOCK];
    for (uint32_t k = li / LINE_BLOCK * LINE_BLOCK; k < li; k++)
        start = next_start(t, k, start);
    return start;
}

/* The newlines found with memchr, which reads many bytes a step: a file of
 * one 100 MB line is crossed in a few milliseconds, not byte by byte. */
static void build_lines(Source *s)
{
    const char *text = s->text, *end = text + s->len;
    uint32_t count = 1;
    for (const char *p = text; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        count++;
    s->lines = lines_new(s->arena, count, false);
    s->nlines = 1;
    if (!s->lines)
        return;
    for (const char *p = text; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        if (!lines_push(s, (uint32_t)(p - text) + 1)) {
            s->lines = NULL;        /* counted instead (line_index) */
            return;
        }
}

bool source_index_lines(Source *s)
{
    if (!s->lines)
        build_lines(s);
    return s->lines != NULL;
}

/* Index of the line containing offset, and where it starts (*start);
 * without the table (out of memory), by counting. */
static uint32_t line_index(Source *s, uint32_t offset, uint32_t *start)
{
    if (!s->lines)
        build_lines(s);
    SourceLines *t = s->lines;
    if (!t) {
        uint32_t li = 0;
        *start = 0;
        for (uint32_t i = 0; i < offset; i++)
            if (s->text[i] == '\n') {
                li++;
                *start = i + 1;
            }
        return li;
    }
    uint32_t n = s->nlines, nblocks = (n + LINE_BLOCK - 1) / LINE_BLOCK;
    /* the last block whose first line starts at or before offset (line 0
     * starts at 0): the block of the line found last, or one after it
     * found in steps of 1, 2, 4 ... blocks, or any by bisection */
    uint32_t lo = 0, hi = nblocks;
    if (t->at_start <= offset) {
        lo = t->at / LINE_BLOCK;
        uint32_t step = 1;
        while (lo + step < nblocks && t->base[lo + step] <= offset) {
            lo += step;
            step *= 2;
        }
        hi = lo + step < nblocks ? lo + step : nblocks;
    }
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (t->base[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    /* then its line: from the line found last when it is in that block */
    uint32_t li = lo * LINE_BLOCK, at = t->base[lo];
    if (t->at / LINE_BLOCK == lo && t->at_start <= offset) {
        li = t->at;
        at = t->at_start;
    }
    for (uint32_t next; li + 1 < n && (li + 1) % LINE_BLOCK && (next = next_start(t, li, at)) <= offset; li++)
        at = next;
    t->at = li;
    t->at_start = at;
    *start = at;
    return li;
}

uint32_t source_line_start(Source *s, uint32_t li, uint8_t *ascii)
{
    *ascii = 0;
    if (!source_index_lines(s) || li >= s->nlines)
        return 0;
    if (s->lines->ascii)
        *ascii = s->lines->ascii[li];
    return start_of(s->lines, li);
}

static bool has_bom(const char *text, uint32_t len)
{
    return len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0;
}

/* Where the text of a line starting at `start` begins: past a UTF-8
 * byte-order mark on the first line. */
static uint32_t past_bom(const Source *s, uint32_t start)
{
    return start == 0 && (s->text ? has_bom(s->text, s->len) : s->bom) ? 3 : start;
}

/* ---- a text given back ----------------------------------------------------- */

/* The first byte of UTF-8 (0x80 and up) in [p, end), or end: eight bytes a
 * step, and in the word that has one, which byte it is from the word's
 * bits rather than a byte at a time (a branch each that Vietnamese text
 * makes mispredicted: it was most of the time of recording a national
 * report's lines). */
static const char *ascii_run(const char *p, const char *end)
{
    for (uint64_t w; end - p >= 8; p += 8) {
        memcpy(&w, p, sizeof w);
        uint64_t high = w & 0x8080808080808080ull;
        if (high) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
            return p + __builtin_clzll(high) / 8;
#else
            return p + __builtin_ctzll(high) / 8;
#endif
        }
    }
    while (p < end && (unsigned char)*p < 0x80)
        p++;
    return p;
}

/* SourceLines.ascii of a line starting at `start` whose ASCII bytes end at
 * `end`. */
static uint8_t ascii_len(uint32_t start, uint32_t end)
{
    return end - start < SOURCE_ASCII_MAX ? (uint8_t)(end - start) : SOURCE_ASCII_MAX;
}

bool source_evict(Source *s, SourceCache *cache)
{
    if (s->reader) {                /* read in pieces: no text was ever held */
        if (s->cache != cache)
            arena_recycle(s->arena, s->cache->buf, s->cache->cap);
        s->cache = cache;
        return true;
    }
    if (!s->text || !s->path || !s->ino || s->len < SOURCE_EVICT_MIN || !source_index_lines(s))
        return false;
    SourceLines *t = s->lines;
    uint8_t *ascii = arena_alloc(s->arena, t->cap);
    if (!ascii)
        return false;
    s->bom = has_bom(s->text, s->len);
    for (uint32_t li = 0, start = 0; li < s->nlines; li++) {
        uint32_t i = li == 0 && s->bom ? 3 : start, end = li + 1 < s->nlines ? next_start(t, li, start) : s->len;
        ascii[li] = ascii_len(start, (uint32_t)(ascii_run(s->text + i, s->text + end) - s->text));
        start = end;
    }
    t->ascii = ascii;
    s->cache = cache;
    arena_recycle(s->arena, s->text, s->text_size);     /* the next file's text goes there */
    s->text = NULL;
    return true;
}

/* ---- a file read in pieces --------------------------------------------------- */

/* The piece handed out last is buf[0, piece); what was read after it
 * (part of a line) follows, then room for the two NULs, which stand on
 * the two bytes `saved` keeps while the piece is out. */
typedef struct SourceReader {
    int fd;                 /* -1 once the file is read or given up */
    char *buf;
    uint32_t cap;           /* bytes of buf */
    uint32_t have;          /* bytes read into it */
    uint32_t piece;         /* bytes of the piece handed out last */
    uint32_t at;            /* where buf[0] is in the file */
    uint32_t step;          /* bytes read a time */
    char saved[2];
    int error;              /* errno when reading failed (EIO: the file is shorter now) */
} SourceReader;

SourceStatus source_open_pieces(Arena *a, const char *path, uint32_t min, uint32_t piece, Source **out)
{
    *out = NULL;
    if (strcmp(path, "-") == 0)
        return source_load(a, path, out);
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return SOURCE_ERR_OPEN;
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || (unsigned long long)sb.st_size < min ||
        (unsigned long long)sb.st_size > SOURCE_MAX_BYTES) {
        close(fd);
        return source_load(a, path, out);       /* read whole, or it says why not */
    }
    if (piece < 16)
        piece = 16;
    Source *s = ARENA_NEW(a, Source);
    SourceReader *r = ARENA_NEW(a, SourceReader);
    SourceCache *cache = ARENA_NEW(a, SourceCache);
    char *buf = arena_alloc(a, (size_t)piece * 2 + 2);
    SourceLines *lines = lines_new(a, LINES_FIRST, true);
    if (!s || !r || !cache || !buf || !lines) {
        close(fd);
        return SOURCE_ERR_MEMORY;
    }
    *r = (SourceReader){ .fd = fd, .buf = buf, .cap = piece * 2 + 2, .step = piece };
    s->name = s->path = path;
    s->len = (uint32_t)sb.st_size;
    s->arena = a;
    s->dev = (unsigned long long)sb.st_dev;
    s->ino = (unsigned long long)sb.st_ino;
    s->cache = cache;
    s->reader = r;
    s->lines = lines;
    s->nlines = 1;                  /* the first line starts at 0, its ASCII 0 so far */
    *out = s;
    return SOURCE_OK;
}

/* The lines of the piece buf[0, len), each where source_evict() would
 * put them: a piece ends where a line does, or the file. */
static bool record_lines(Source *s, const SourceReader *r, uint32_t len)
{
    const char *text = r->buf, *end = text + len;
    for (const char *p = text; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p)), *next = nl ? nl + 1 : end;
        const char *from = s->nlines == 1 && s->bom ? text + 3 : p;
        uint32_t ascii_end = r->at + (uint32_t)(ascii_run(from, next) - text);
        s->lines->ascii[s->nlines - 1] = ascii_len(s->lines->last, ascii_end);
        if (!nl)
            break;
        if (!lines_push(s, r->at + (uint32_t)(next - text)))
            return false;
        p = next;
    }
    return true;
}

/* Read n more bytes after what buf holds (the file has them); false when
 * out of memory or when the file gives fewer. */
static SourceStatus read_more(Source *s, SourceReader *r, uint32_t n)
{
    if ((size_t)r->have + n + 2 > r->cap) {         /* a line longer than a piece */
        size_t cap = r->cap;
        while (cap < (size_t)r->have + n + 2)
            cap *= 2;
        char *buf = arena_grow(s->arena, r->buf, r->cap, cap);
        if (!buf)
            return SOURCE_ERR_MEMORY;
        r->buf = buf;
        r->cap = (uint32_t)cap;
    }
    for (uint32_t got = 0; got < n;) {
        ssize_t k = read(r->fd, r->buf + r->have + got, n - got);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            r->error = k < 0 ? errno : EIO;     /* an error, or the file is shorter now */
            return SOURCE_ERR_READ;
        }
        got += (uint32_t)k;
    }
    r->have += n;
    if (r->at + r->have == s->len) {                /* all read: nothing may follow */
        char more;
        if (read(r->fd, &more, 1) != 0) {
            r->error = EIO;                     /* longer now */
            return SOURCE_ERR_READ;
        }
    }
    return SOURCE_OK;
}

bool source_next_piece(Source *s, char **text, uint32_t *at, uint32_t *len)
{
    SourceReader *r = s->reader;
    if (!r || !r->buf || s->failed)
        return false;
    if (r->piece) {                 /* the rest of what was read comes to the front */
        r->buf[r->piece] = r->saved[0];
        r->buf[r->piece + 1] = r->saved[1];
        memmove(r->buf, r->buf + r->piece, r->have - r->piece);
        r->at += r->piece;
        r->have -= r->piece;
        r->piece = 0;
    }
    /* read on to a line end: what was kept has none */
    uint32_t cut = 0;
    for (uint32_t from = r->have;; from = r->have) {
        uint32_t left = s->len - r->at - r->have;
        uint32_t n = left < r->step ? left : r->step;
        SourceStatus st = n ? read_more(s, r, n) : SOURCE_OK;
        if (st != SOURCE_OK) {
            s->failed = st;
            return false;
        }
        for (uint32_t i = r->have; i > from && !cut; i--)
            if (r->buf[i - 1] == '\n')
                cut = i;
        if (cut || n == left) {
            cut = cut ? cut : r->have;              /* the file's last line */
            break;
        }
    }
    if (r->at + r->have == s->len && r->fd >= 0) {
        close(r->fd);
        r->fd = -1;
    }
    if (!cut)
        return false;
    if (r->at == 0)
        s->bom = has_bom(r->buf, cut);
    if (!record_lines(s, r, cut)) {
        s->failed = SOURCE_ERR_MEMORY;
        return false;
    }
    r->piece = cut;
    r->saved[0] = r->buf[cut];
    r->saved[1] = r->buf[cut + 1];
    r->buf[cut] = r->buf[cut + 1] = '\0';
    *text = r->buf;
    *at = r->at;
    *len = cut;
    return true;
}

int source_read_error(const Source *s)
{
    return s->reader ? s->reader->error : 0;
}

void source_close_pieces(Source *s)
{
    SourceReader *r = s->reader;
    if (!r)
        return;
    if (r->fd >= 0)
        close(r->fd);
    r->fd = -1;
    arena_recycle(s->arena, r->buf, r->cap);
    r->buf = NULL;
}

/* Read [start, start + n) of an evicted source's file into buf: false, and
 * spaces, when the file cannot be read or is no longer the one read. */
static bool read_again(const Source *s, uint32_t start, uint32_t n, char *buf)
{
    bool ok = false;
    int fd = open(s->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat sb;
    if (fd >= 0 && fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && (unsigned long long)sb.st_ino == s->ino &&
        (unsigned long long)sb.st_dev == s->dev && (unsigned long long)sb.st_size == s->len) {
        uint32_t got = 0;
        for (ssize_t r; got < n && (r = pread(fd, buf + got, n - got, (off_t)start + got)) > 0;)
            got += (uint32_t)r;
        ok = got == n;
    }
    if (fd >= 0)
        close(fd);
    if (!ok)
        memset(buf, ' ', n);
    return ok;
}

/* Spans are read again a window at a time: what is printed goes through
 * a file roughly in order (the checks, then the rules), so most spans are
 * in the window read last, and a report of a million positions opens its
 * file a few hundred times, not a million. A window is small (8 KiB) when
 * the spans asked for are far apart, as the few positions of a national
 * report that need their line's text are, and grows to 64 KiB while each
 * window read follows the one before, as a table of a hundred thousand
 * villages' does: the first reads a fifth of the bytes of 64 KiB windows,
 * the second makes as few reads. */
enum { REREAD_MIN = 8 * 1024, REREAD_MAX = 64 * 1024, REREAD_ALIGN = 4096 };

const char *source_bytes(Source *s, Span span)
{
    if (span.end > s->len)
        span.end = s->len;
    if (span.start > span.end)
        span.start = span.end;
    if (s->text)
        return s->text + span.start;
    SourceCache *c = s->cache;
    if (c->src == s && c->span.start <= span.start && span.end <= c->span.end)
        return c->buf + (span.start - c->span.start);
    uint32_t from = span.start & ~(uint32_t)(REREAD_ALIGN - 1), n = span.end - from;
    uint32_t window = REREAD_MIN;
    if (c->src == s && c->span.end <= from && from - c->span.end < c->window)
        window = c->window < REREAD_MAX ? c->window * 2 : REREAD_MAX;   /* on from the last */
    if (n < window)
        n = s->len - from < window ? s->len - from : window;
    if (!c->buf || c->cap < n) {
        uint32_t cap = n < REREAD_MAX ? REREAD_MAX : n;
        char *buf = arena_alloc(s->arena, cap);
        if (!buf)
            return "";
        arena_release(s->arena, c->buf, c->cap);
        c->buf = buf;
        c->cap = cap;
    }
    read_again(s, from, n, c->buf);
    c->src = s;
    c->span = (Span){ from, from + n };
    c->window = window;
    return c->buf + (span.start - from);
}

void source_position(Source *s, uint32_t offset, uint32_t *line, uint32_t *column)
{
    if (offset > s->len)
        offset = s->len;
    uint32_t line_at, li = line_index(s, offset, &line_at);
    uint32_t start = past_bom(s, line_at);
    uint32_t col = 1;
    /* Positions are asked for in increasing order within a line: go on
     * from the last one instead of recounting the line (long lines). */
    if (s->cache_line == li + 1 && s->cache_offset >= start && s->cache_offset <= offset) {
        start = s->cache_offset;
        col = s->cache_column;
    }
    if (!s->text && offset - line_at <= s->lines->ascii[li]) {
        if (offset > start)
            col += offset - start;      /* ASCII so far: a byte a column, no text needed */
    } else {
        const char *bytes = source_bytes(s, (Span){ start, offset });
        for (uint32_t i = start; i < offset; i++)
            col += ((unsigned char)bytes[i - start] & 0xC0) != 0x80;   /* count lead bytes */
    }
    s->cache_offset = offset;
    s->cache_line = li + 1;
    s->cache_column = col;
    *line = li + 1;
    *column = col;
}

bool source_lines_apart(Source *s, uint32_t a, uint32_t b)
{
    if (b > s->len)
        b = s->len;
    if (a >= b)
        return false;
    if (s->text)
        return memchr(s->text + a, '\n', b - a) != NULL;
    uint32_t start;
    return line_index(s, a, &start) != line_index(s, b, &start);
}

const char *source_line(Source *s, uint32_t offset, uint32_t *start, uint32_t *len)
{
    if (offset > s->len)
        offset = s->len;
    uint32_t line_at, li = line_index(s, offset, &line_at);
    uint32_t from = past_bom(s, line_at);
    if (offset < from)
        from = offset;
    *start = from;
    uint32_t end = from;
    if (s->lines)                       /* before its newline; an evicted text always has them */
        end = li + 1 < s->nlines ? next_start(s->lines, li, line_at) - 1 : s->len;
    else
        while (end < s->len && s->text[end] != '\n')
            end++;
    if (end < from)
        end = from;
    const char *text = source_bytes(s, (Span){ from, end });
    *len = end - from;
    if (*len && text[*len - 1] == '\r')
        --*len;
    return text;
}
