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

/* The newlines found with memchr, which reads many bytes a step: a file of
 * one 100 MB line is crossed in a few milliseconds, not byte by byte. */
static void build_lines(Source *s)
{
    const char *text = s->text, *end = text + s->len;
    uint32_t count = 1;
    for (const char *p = text; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        count++;
    uint32_t *lines = arena_alloc(s->arena, (size_t)count * sizeof *lines);
    if (!lines)
        return;
    uint32_t k = 0;
    lines[k++] = 0;
    for (const char *p = text; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        lines[k++] = (uint32_t)(p - text) + 1;
    s->lines = lines;
    s->nlines = count;
}

bool source_index_lines(Source *s)
{
    if (!s->lines)
        build_lines(s);
    return s->lines != NULL;
}

/* Index of the line containing offset (binary search on line starts);
 * without the table (out of memory), by counting. */
static uint32_t line_index(Source *s, uint32_t offset)
{
    if (!s->lines)
        build_lines(s);
    if (!s->lines) {
        uint32_t li = 0;
        for (uint32_t i = 0; i < offset; i++)
            li += s->text[i] == '\n';
        return li;
    }
    uint32_t lo = 0, hi = s->nlines;
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (s->lines[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Where line li starts, past a UTF-8 byte-order mark on the first line. */
static uint32_t line_start(const Source *s, uint32_t li)
{
    uint32_t start = 0;
    if (s->lines)
        start = s->lines[li];
    else                            /* no table: after the li-th newline */
        for (uint32_t i = 0, seen = 0; i < s->len && seen < li; i++)
            if (s->text[i] == '\n' && ++seen == li)
                start = i + 1;
    if (start == 0 && (s->text ? s->len >= 3 && memcmp(s->text, "\xEF\xBB\xBF", 3) == 0 : s->bom))
        start = 3;
    return start;
}

/* ---- a text given back ----------------------------------------------------- */

bool source_evict(Source *s, SourceCache *cache)
{
    if (!s->text || !s->path || !s->ino || s->len < SOURCE_EVICT_MIN || !source_index_lines(s))
        return false;
    uint32_t *ascii_end = arena_alloc(s->arena, (size_t)s->nlines * sizeof *ascii_end);
    if (!ascii_end)
        return false;
    s->bom = s->len >= 3 && memcmp(s->text, "\xEF\xBB\xBF", 3) == 0;
    for (uint32_t li = 0; li < s->nlines; li++) {
        uint32_t i = li == 0 && s->bom ? 3 : s->lines[li], end = li + 1 < s->nlines ? s->lines[li + 1] : s->len;
        while (i < end && (unsigned char)s->text[i] < 0x80)
            i++;
        ascii_end[li] = i;
    }
    s->ascii_end = ascii_end;
    s->cache = cache;
    arena_release(s->arena, s->text, s->text_size);
    s->text = NULL;
    return true;
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
 * file a few hundred times, not a million. */
enum { REREAD_WINDOW = 64 * 1024, REREAD_ALIGN = 4096 };

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
    if (n < REREAD_WINDOW)
        n = s->len - from < REREAD_WINDOW ? s->len - from : REREAD_WINDOW;
    if (!c->buf || c->cap < n) {
        uint32_t cap = n < REREAD_WINDOW ? REREAD_WINDOW : n;
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
    return c->buf + (span.start - from);
}

void source_position(Source *s, uint32_t offset, uint32_t *line, uint32_t *column)
{
    if (offset > s->len)
        offset = s->len;
    uint32_t li = line_index(s, offset);
    uint32_t start = line_start(s, li);
    uint32_t col = 1;
    /* Positions are asked for in increasing order within a line: go on
     * from the last one instead of recounting the line (long lines). */
    if (s->cache_line == li + 1 && s->cache_offset >= start && s->cache_offset <= offset) {
        start = s->cache_offset;
        col = s->cache_column;
    }
    if (!s->text && offset <= s->ascii_end[li]) {
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

const char *source_line(Source *s, uint32_t offset, uint32_t *start, uint32_t *len)
{
    if (offset > s->len)
        offset = s->len;
    uint32_t li = line_index(s, offset);
    uint32_t from = line_start(s, li);
    if (offset < from)
        from = offset;
    *start = from;
    uint32_t end = from;
    if (s->lines)                       /* before its newline; an evicted text always has them */
        end = li + 1 < s->nlines ? s->lines[li + 1] - 1 : s->len;
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
