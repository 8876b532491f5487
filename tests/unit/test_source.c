/* test_source.c - sources held whole in memory, and byte offsets mapped to
 * lines and columns (interp/source.h; spec §2, §11: lines and columns count
 * from 1, columns count UTF-8 code points, a byte-order mark at the start of
 * a file is not a column).
 *
 * Files are made in /tmp with mkstemp/mkdtemp and removed before any
 * assertion can stop the test. */
#include "support.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

static Source *from_text(Fixture *f, const char *text)
{
    Source *s = source_from_bytes(&f->arena, "t.dlg", text, strlen(text));
    assert_non_null(s);
    return s;
}

/* source_position must give (line, column) for offset. */
static void assert_pos(Source *s, uint32_t offset, uint32_t line, uint32_t column)
{
    uint32_t l = 0, c = 0;
    source_position(s, offset, &l, &c);
    if (l != line || c != column)
        fail_msg("offset %u: %u:%u, expected %u:%u", offset, l, c, line, column);
}

/* source_line at offset must be exactly `expect`. */
static void assert_line(Source *s, uint32_t offset, const char *expect)
{
    uint32_t len = 12345, start = 12345;
    const char *text = source_line(s, offset, &start, &len);
    assert_non_null(text);
    assert_true(start <= offset);
    if (len != strlen(expect) || memcmp(text, expect, len) != 0)
        fail_msg("offset %u: line '%.*s' (%u bytes), expected '%s'", offset, (int)len, text, len, expect);
}

/* Where a Source * starts before source_load, to see it set on failure. */
static Source sentinel;

/* Write `len` bytes to a new file in /tmp; its name goes into path. */
static void make_file(char *path, const char *bytes, size_t len)
{
    strcpy(path, "/tmp/dlg-test-source-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    size_t done = 0;
    while (done < len) {
        ssize_t n = write(fd, bytes + done, len - done);
        if (n <= 0) {
            close(fd);
            unlink(path);
            fail_msg("cannot write %s", path);
        }
        done += (size_t)n;
    }
    assert_int_equal(close(fd), 0);
}

/* ---- from bytes ---------------------------------------------------------------- */

TEST(from_bytes_copies_and_ends_with_two_nuls)
{
    /* 5 bytes with a NUL inside: the text is copied by length */
    char bytes[] = "ab\0cd";
    Source *s = source_from_bytes(&f->arena, "x.dlg", bytes, 5);
    assert_non_null(s);
    assert_int_equal(s->len, 5);
    assert_memory_equal(s->text, "ab\0cd", 5);
    assert_int_equal(s->text[5], '\0');
    assert_int_equal(s->text[6], '\0');
    assert_string_equal(s->name, "x.dlg");
    assert_null(s->path);
    assert_ptr_not_equal(s->text, bytes);
    bytes[0] = 'Z';                         /* a copy: the source keeps "ab" */
    assert_int_equal(s->text[0], 'a');

    /* no bytes at all: still two NULs */
    Source *e = source_from_bytes(&f->arena, "e.dlg", "", 0);
    assert_non_null(e);
    assert_int_equal(e->len, 0);
    assert_int_equal(e->text[0], '\0');
    assert_int_equal(e->text[1], '\0');
    assert_pos(e, 0, 1, 1);
    assert_line(e, 0, "");
}

/* ---- lines and columns --------------------------------------------------------- */

TEST(position_ascii)
{
    /* "a 1\n" is bytes 0-3, "bb 22\n" 4-9, "\n" 10, "ccc" 11-13; len 14 */
    Source *s = from_text(f, "a 1\nbb 22\n\nccc");
    assert_pos(s, 0, 1, 1);
    assert_pos(s, 2, 1, 3);
    assert_pos(s, 3, 1, 4);                 /* the newline ends line 1 */
    assert_pos(s, 4, 2, 1);
    assert_pos(s, 7, 2, 4);                 /* 7 - 4 = 3 bytes before: column 4 */
    assert_pos(s, 10, 3, 1);                /* the empty line */
    assert_pos(s, 11, 4, 1);
    assert_pos(s, 13, 4, 3);
    assert_pos(s, 14, 4, 4);                /* the end of the text */
    assert_line(s, 0, "a 1");
    assert_line(s, 9, "bb 22");
    assert_line(s, 10, "");
    assert_line(s, 12, "ccc");
}

TEST(position_counts_code_points)
{
    /* "xã Quài Nưa\n": x=0, ã=1-2 (C3 A3), ' '=3, Q=4, u=5, à=6-7 (C3 A0),
     * i=8, ' '=9, N=10, ư=11-12 (C6 B0), a=13, newline=14.
     * "hội nghị\n": h=15, ộ=16-18 (E1 BB 99), i=19, ' '=20, n=21, g=22,
     * h=23, ị=24-26 (E1 BB 8B), newline=27. len 28. */
    Source *s = from_text(f, "x\xC3\xA3 Qu\xC3\xA0i N\xC6\xB0" "a\n"
                             "h\xE1\xBB\x99i ngh\xE1\xBB\x8B\n");
    assert_int_equal(s->len, 28);
    assert_pos(s, 1, 1, 2);                 /* ã */
    assert_pos(s, 3, 1, 3);                 /* 3 bytes, 2 characters before */
    assert_pos(s, 4, 1, 4);                 /* Q */
    assert_pos(s, 8, 1, 7);                 /* i: 8 bytes - 2 continuation bytes = 6 before */
    assert_pos(s, 10, 1, 9);                /* N: 10 - 2 = 8 before */
    assert_pos(s, 13, 1, 11);               /* a: 13 - 3 = 10 before */
    assert_pos(s, 14, 1, 12);               /* the newline: 14 - 3 = 11 before */
    assert_pos(s, 15, 2, 1);
    assert_pos(s, 16, 2, 2);                /* ộ */
    assert_pos(s, 19, 2, 3);                /* i: 4 bytes, 2 characters before */
    assert_pos(s, 21, 2, 5);                /* n: 6 bytes - 2 = 4 before */
    assert_pos(s, 24, 2, 8);                /* ị: 9 bytes - 2 = 7 before */
    assert_pos(s, 27, 2, 9);                /* newline: 12 bytes - 4 = 8 before */
    assert_pos(s, 28, 3, 1);                /* after the last newline */
    assert_line(s, 13, "x\xC3\xA3 Qu\xC3\xA0i N\xC6\xB0" "a");
    assert_line(s, 20, "h\xE1\xBB\x99i ngh\xE1\xBB\x8B");
}

TEST(byte_order_mark_is_not_a_column)
{
    /* EF BB BF = 0-2, "ab" = 3-4, newline = 5, "cd" = 6-7 */
    Source *s = from_text(f, "\xEF\xBB\xBF" "ab\ncd");
    assert_pos(s, 3, 1, 1);                 /* 'a' is the first column */
    assert_pos(s, 4, 1, 2);
    assert_pos(s, 5, 1, 3);
    assert_pos(s, 6, 2, 1);
    assert_pos(s, 7, 2, 2);
    assert_line(s, 4, "ab");                /* the mark is not part of the line */
    assert_line(s, 6, "cd");

    /* only at the very start of the file: elsewhere U+FEFF is a character.
     * "x\n" = 0-1, EF BB BF = 2-4, 'y' = 5: one character before 'y' */
    Source *t = from_text(f, "x\n\xEF\xBB\xBFy");
    assert_pos(t, 5, 2, 2);
    assert_line(t, 5, "\xEF\xBB\xBFy");

    /* a file that is only a mark: position 3 is line 1, column 1 */
    Source *u = from_text(f, "\xEF\xBB\xBF");
    assert_pos(u, 3, 1, 1);
    assert_line(u, 3, "");
}

TEST(crlf_line_endings)
{
    /* "a 1\r\n" = 0-4, "bb 2\r\n" = 5-10, "c" = 11 */
    Source *s = from_text(f, "a 1\r\nbb 2\r\nc");
    assert_pos(s, 2, 1, 3);
    assert_pos(s, 3, 1, 4);                 /* the \r itself */
    assert_pos(s, 5, 2, 1);
    assert_pos(s, 8, 2, 4);
    assert_pos(s, 11, 3, 1);
    assert_line(s, 0, "a 1");               /* without \r\n */
    assert_line(s, 7, "bb 2");
    assert_line(s, 11, "c");
    /* a \r that does not end a line stays in it */
    Source *t = from_text(f, "a\rb\n");
    assert_line(t, 0, "a\rb");
    assert_pos(t, 2, 1, 3);
    /* an empty CRLF line is empty */
    Source *u = from_text(f, "x\r\n\r\ny");
    assert_line(u, 3, "");
    assert_pos(u, 5, 3, 1);                 /* "x\r\n" 0-2, "\r\n" 3-4, y 5 */
}

TEST(last_line_without_newline)
{
    /* "a\n" = 0-1, "bc" = 2-3, len 4 */
    Source *s = from_text(f, "a\nbc");
    assert_pos(s, 2, 2, 1);
    assert_pos(s, 3, 2, 2);
    assert_pos(s, 4, 2, 3);                 /* just past the last byte */
    assert_line(s, 3, "bc");
    assert_line(s, 4, "bc");

    /* with a final newline, the end is the start of an empty line 3 */
    Source *t = from_text(f, "a\nbc\n");
    assert_pos(t, 4, 2, 3);
    assert_pos(t, 5, 3, 1);
    assert_line(t, 5, "");
}

TEST(offsets_past_the_end_are_clamped)
{
    /* len 4: anything later is the end, 2:3 */
    Source *s = from_text(f, "a\nbc");
    assert_pos(s, 5, 2, 3);
    assert_pos(s, 1000, 2, 3);
    assert_pos(s, UINT32_MAX, 2, 3);
    assert_line(s, 1000, "bc");
    assert_line(s, UINT32_MAX, "bc");
    /* with UTF-8 on the last line: "ư1" = C6 B0 31, two characters */
    Source *t = from_text(f, "\n\xC6\xB0" "1");
    assert_pos(t, 99, 2, 3);
}

TEST(position_cache_out_of_order)
{
    /* Positions are cached for increasing offsets within a line; any order
     * must give what a fresh source (no cache) gives. */
    static const char text[] =
        "report \"x\" {\n"
        "  issuer \"UBND x\xC3\xA3 Qu\xC3\xA0i N\xC6\xB0" "a\"\r\n"
        "\n"
        "  h\xE1\xBB\x99i ngh\xE1\xBB\x8B 12\n"
        "}";
    const uint32_t len = (uint32_t)(sizeof text - 1);
    Source *s = from_text(f, text);
    uint32_t *line = ARENA_ARRAY(&f->arena, uint32_t, len + 1);
    uint32_t *col = ARENA_ARRAY(&f->arena, uint32_t, len + 1);
    assert_non_null(line);
    assert_non_null(col);
    for (uint32_t o = 0; o <= len; o++) {
        Source *fresh = from_text(f, text);
        source_position(fresh, o, &line[o], &col[o]);
    }
    /* spot checks of the reference, by hand: line 2 starts at 13 ("report
     * \"x\" {\n" is 13 bytes); "  issuer \"UBND x" is 16 bytes, so 'ã' is
     * at 29, column 17. Line 2 is 16 + ã 2 + " Qu" 3 + à 2 + "i N" 3 + ư 2
     * + "a\"" 2 = 30 bytes and \r\n: the empty line 3 is at 13 + 32 = 45,
     * line 4 starts at 46 */
    assert_int_equal(line[29], 2);
    assert_int_equal(col[29], 17);
    assert_int_equal(line[45], 3);
    assert_int_equal(col[45], 1);
    assert_int_equal(line[46], 4);
    assert_int_equal(col[46], 1);

    /* backwards */
    for (uint32_t o = len + 1; o-- > 0;) {
        uint32_t l, c;
        source_position(s, o, &l, &c);
        assert_int_equal(l, line[o]);
        assert_int_equal(c, col[o]);
    }
    /* scattered: o = k * 37 mod (len + 1) visits every offset once when
     * 37 and len + 1 are coprime; otherwise still a jumbled order */
    for (uint32_t k = 0; k <= len; k++) {
        uint32_t o = (uint32_t)((k * 37u) % (len + 1));
        uint32_t l, c;
        source_position(s, o, &l, &c);
        assert_int_equal(l, line[o]);
        assert_int_equal(c, col[o]);
    }
    /* forwards, then the same offset twice, then back one */
    for (uint32_t o = 0; o <= len; o++) {
        uint32_t l, c;
        source_position(s, o, &l, &c);
        assert_int_equal(c, col[o]);
        source_position(s, o, &l, &c);
        assert_int_equal(c, col[o]);
        if (o) {
            source_position(s, o - 1, &l, &c);
            assert_int_equal(l, line[o - 1]);
            assert_int_equal(c, col[o - 1]);
        }
    }
}

/* Positions far apart, forwards: each from the line asked last, by steps
 * of 1, 2, 4 ... lines. Line k (from 1) is k % 7 + 1 bytes long with its
 * newline, so where each starts is known without the source: lines of
 * 1 to 7 bytes, 4,000 of them, asked at jumps of 1 to 2,000 lines. */
TEST(positions_far_apart_in_order)
{
    enum { LINES = 4000 };
    char *text = arena_alloc(&f->arena, LINES * 8 + 1);
    uint32_t *start = ARENA_ARRAY(&f->arena, uint32_t, LINES + 1);
    assert_non_null(text);
    assert_non_null(start);
    uint32_t at = 0;
    for (uint32_t k = 1; k <= LINES; k++) {
        start[k] = at;
        uint32_t len = k % 7 + 1;
        memset(text + at, 'x', len - 1);
        text[at + len - 1] = '\n';
        at += len;
    }
    text[at] = '\0';
    Source *s = from_text(f, text);
    static const uint32_t jumps[] = { 1, 2, 3, 5, 8, 64, 65, 1000, 2000 };
    for (int round = 0; round < 2; round++) {
        uint32_t k = 1;
        for (uint32_t i = 0; k <= LINES; i++, k += jumps[i % 9]) {
            uint32_t col = (k % 7 + 1) / 2 + 1;       /* a column inside the line */
            assert_pos(s, start[k] + col - 1, k, col);
        }
    }
}

/* ---- files ------------------------------------------------------------------- */

TEST(load_a_file)
{
    /* a district header with Vietnamese, CRLF and no final newline:
     * "district \"Tu" = 12 bytes, ầ = 3, "n Gi" = 4, á = 2, "o\" {\r\n" =
     * 6: line 1 is 27 bytes; "  communes 19\n" = 14; "}" = 1: 42 */
    static const char bytes[] = "district \"Tu\xE1\xBA\xA7n Gi\xC3\xA1o\" {\r\n  communes 19\n}";
    assert_int_equal(sizeof bytes - 1, 42);
    char path[64];
    make_file(path, bytes, sizeof bytes - 1);
    Source *s = &sentinel;                  /* must become the source */
    SourceStatus st = source_load(&f->arena, path, &s);
    unlink(path);
    assert_int_equal(st, SOURCE_OK);
    assert_non_null(s);
    assert_int_equal(s->len, 42);
    assert_memory_equal(s->text, bytes, 42);
    assert_int_equal(s->text[42], '\0');
    assert_int_equal(s->text[43], '\0');
    assert_string_equal(s->name, path);
    assert_string_equal(s->path, path);
    assert_true(s->ino != 0);               /* a real file has an identity */
    /* "communes" is at 27 + 2 = 29: line 2, column 3; '}' at 41: 3:1 */
    assert_pos(s, 29, 2, 3);
    assert_pos(s, 41, 3, 1);
    /* 'G' at 17 (12 + ầ 3 + "n " 2): 17 bytes, 2 of them continuation
     * bytes, so 15 characters before it: column 16 */
    assert_pos(s, 17, 1, 16);
    assert_line(s, 0, "district \"Tu\xE1\xBA\xA7n Gi\xC3\xA1o\" {");
}

TEST(load_an_empty_file)
{
    char path[64];
    make_file(path, "", 0);
    Source *s = NULL;
    SourceStatus st = source_load(&f->arena, path, &s);
    unlink(path);
    assert_int_equal(st, SOURCE_OK);
    assert_non_null(s);
    assert_int_equal(s->len, 0);
    assert_int_equal(s->text[0], '\0');
    assert_int_equal(s->text[1], '\0');
    assert_pos(s, 0, 1, 1);
}

TEST(load_a_large_file)
{
    /* 300000 bytes, more than an arena chunk (read in one buffer of the
     * file's size): lines of "0123456789\n" (11 bytes) */
    enum { N = 300000 };
    char *bytes = arena_alloc(&f->arena, N);
    assert_non_null(bytes);
    for (size_t i = 0; i < N; i++)
        bytes[i] = i % 11 == 10 ? '\n' : (char)('0' + i % 11);
    char path[64];
    make_file(path, bytes, N);
    Source *s = NULL;
    SourceStatus st = source_load(&f->arena, path, &s);
    unlink(path);
    assert_int_equal(st, SOURCE_OK);
    assert_int_equal(s->len, N);
    assert_memory_equal(s->text, bytes, N);
    assert_int_equal(s->text[N], '\0');
    assert_int_equal(s->text[N + 1], '\0');
    /* offset 299999 = 27272 * 11 + 7: line 27273, column 8 */
    assert_pos(s, N - 1, 27273, 8);
}

/* A file of `lines` lines for eviction: a byte-order mark, then Vietnamese
 * ahead of ASCII on some lines, CRLF on others, no final newline; one line
 * in a thousand has 300 bytes of ASCII before its Vietnamese and 100
 * after (more than the table keeps of a line's ASCII). Line k (from 0) is written by
 * evict_line(). */
static size_t evict_line(char *out, unsigned k)
{
    if (k % 1000 == 3)
        return (size_t)sprintf(out, "# %0300u \xE1\xBB\x93 %0100u\n", k, k);
    switch (k % 4) {
    case 0: return (size_t)sprintf(out, "commune \"\xC4\x90\xC3\xB4ng %u\" { households %u }\n", k, k);
    case 1: return (size_t)sprintf(out, "  invited %u  attended %u\r\n", k, k);
    case 2: return (size_t)sprintf(out, "  opinion \"H\xE1\xBB\x8Fi v\xE1\xBB\x81 %u\" { topic roads }\n", k);
    default: return (size_t)sprintf(out, "# %u\n", k);
    }
}

TEST(evicted_text_is_read_again_a_line_at_a_time)
{
    enum { LINES = 40000 };
    char *bytes = arena_alloc(&f->arena, (size_t)LINES * 64 + 8);
    assert_non_null(bytes);
    size_t n = 3;
    memcpy(bytes, "\xEF\xBB\xBF", 3);
    for (unsigned k = 0; k < LINES; k++)
        n += evict_line(bytes + n, k);
    n--;                                    /* no final newline */
    assert_true(n >= SOURCE_EVICT_MIN);
    char path[64];
    make_file(path, bytes, n);
    Source *s = NULL;
    assert_int_equal(source_load(&f->arena, path, &s), SOURCE_OK);
    /* what every offset of some lines gives with the text, then without */
    enum { PROBES = 4000 };
    uint32_t *at = arena_alloc(&f->arena, PROBES * sizeof *at), *line = arena_alloc(&f->arena, PROBES * sizeof *line),
             *col = arena_alloc(&f->arena, PROBES * sizeof *col);
    const char **text = arena_alloc(&f->arena, PROBES * sizeof *text);
    assert_true(at && line && col && text);
    for (unsigned i = 0; i < PROBES; i++) {
        at[i] = (uint32_t)((uint64_t)i * 7919u * 131u % n);
        source_position(s, at[i], &line[i], &col[i]);
        uint32_t start, len;
        const char *t = source_line(s, at[i], &start, &len);
        text[i] = arena_strndup(&f->arena, t, len);
    }
    SourceCache cache = { 0 };
    assert_true(source_evict(s, &cache));
    assert_null(s->text);
    for (unsigned i = 0; i < PROBES; i++) {
        assert_pos(s, at[i], line[i], col[i]);
        assert_line(s, at[i], text[i]);
    }
    /* a span across lines, as a rule's condition is read */
    assert_memory_equal(source_bytes(s, (Span){ 3, 40 }), bytes + 3, 37);
    /* the file changed: a line not read since reads as spaces, the run
     * goes on (what was read before, near the start, is not read again) */
    uint32_t start, len;
    source_line(s, 3, &start, &len);
    FILE *w = fopen(path, "ab");
    assert_non_null(w);
    fputs("\nmore", w);
    fclose(w);
    const char *t = source_line(s, (uint32_t)n - 1, &start, &len);
    unlink(path);
    assert_true(len > 0);
    for (uint32_t i = 0; i < len; i++)
        assert_int_equal(t[i], ' ');
}

TEST(evicted_files_share_one_window)
{
    /* two files given back through one cache, read in turn: each read
     * gives its own file's bytes, whatever the other read last */
    char pa[64], pb[64];
    size_t n = SOURCE_EVICT_MIN * 2;
    char *a = arena_alloc(&f->arena, n), *b = arena_alloc(&f->arena, n);
    assert_true(a && b);
    for (size_t i = 0; i < n; i++) {
        a[i] = i % 50 == 49 ? '\n' : (char)('a' + i % 26);
        b[i] = i % 70 == 69 ? '\n' : (char)('A' + i % 26);
    }
    make_file(pa, a, n);
    make_file(pb, b, n);
    Source *sa = NULL, *sb = NULL;
    assert_int_equal(source_load(&f->arena, pa, &sa), SOURCE_OK);
    assert_int_equal(source_load(&f->arena, pb, &sb), SOURCE_OK);
    SourceCache cache = { 0 };
    assert_true(source_evict(sa, &cache));
    assert_true(source_evict(sb, &cache));
    for (uint32_t k = 0; k < 200; k++) {
        uint32_t at = (uint32_t)((k * 7919u) % (n - 40));
        Source *s = k % 2 ? sb : sa;
        const char *want = k % 2 ? b : a;
        assert_memory_equal(source_bytes(s, (Span){ at, at + 40 }), want + at, 40);
    }
    unlink(pa);
    unlink(pb);
}

TEST(an_evicted_file_is_read_again_in_windows_that_grow_while_in_order)
{
    /* spans asked for in order, each past the window read last, are read
     * in windows that double from 8 KiB to 64 KiB; one far from the last
     * window is read in 8 KiB again. Every span gives the file's bytes. */
    char path[64];
    size_t n = 600 * 1024;
    char *a = arena_alloc(&f->arena, n);
    assert_non_null(a);
    for (size_t i = 0; i < n; i++)
        a[i] = i % 61 == 60 ? '\n' : (char)('a' + i * 7 % 26);
    make_file(path, a, n);
    Source *s = NULL;
    assert_int_equal(source_load(&f->arena, path, &s), SOURCE_OK);
    SourceCache cache = { 0 };
    assert_true(source_evict(s, &cache));
    uint32_t windows[8] = { 0 }, nwin = 0;
    const SourceCache *c = s->cache;
    for (uint32_t at = 100; at + 40 < 300 * 1024; at += 1000) {
        Span was = c->span;
        assert_memory_equal(source_bytes(s, (Span){ at, at + 40 }), a + at, 40);
        if ((c->span.start != was.start || c->span.end != was.end) && nwin < 8)
            windows[nwin++] = c->window;
    }
    assert_true(nwin >= 5);
    assert_int_equal(windows[0], 8 * 1024);
    assert_int_equal(windows[1], 16 * 1024);
    assert_int_equal(windows[2], 32 * 1024);
    assert_int_equal(windows[3], 64 * 1024);
    assert_int_equal(windows[4], 64 * 1024);
    /* far ahead: a small window again, then the last bytes of the file */
    assert_memory_equal(source_bytes(s, (Span){ 500 * 1024, 500 * 1024 + 40 }), a + 500 * 1024, 40);
    assert_int_equal(c->window, 8 * 1024);
    assert_memory_equal(source_bytes(s, (Span){ (uint32_t)n - 30, (uint32_t)n }), a + n - 30, 30);
    assert_int_equal(c->span.end, (uint32_t)n);
    unlink(path);
}

/* ---- a file read in pieces ----------------------------------------------------- */

/* Bytes of a file with a byte-order mark, UTF-8, CRLF, empty lines and a
 * line much longer than a piece of 16 bytes, over SOURCE_EVICT_MIN bytes
 * (at most 256 KiB); `final` ends it in a newline. */
static size_t pieces_text(char *out, bool final)
{
    size_t n = 0;
    n += (size_t)sprintf(out + n, "\xEF\xBB\xBF" "commune \"\xC4\x90\xC3\xB4ng\" {\n\n");
    for (unsigned k = 0; k < 3000; k++)
        n += evict_line(out + n, k);
    n += (size_t)sprintf(out + n, "  opinion \"");
    for (unsigned k = 0; k < 30; k++)
        n += (size_t)sprintf(out + n, "d\xC3\xA0i ");          /* 150 bytes, no newline */
    n += (size_t)sprintf(out + n, "\"\n\n}");
    if (final)
        out[n++] = '\n';
    return n;
}

/* Read in pieces of 16 bytes, the file gives whole lines a piece, each
 * followed by two NULs, the whole file in order; its lines and where
 * each line's UTF-8 starts are what the text held whole gives once given
 * back; so are its positions and lines, read again from the file. */
TEST(pieces_are_whole_lines_and_index_as_the_whole_text)
{
    char *bytes = arena_alloc(&f->arena, 256 * 1024);
    assert_non_null(bytes);
    for (int final = 0; final < 2; final++) {
        size_t n = pieces_text(bytes, final);
        assert_true(n >= SOURCE_EVICT_MIN);
        char path[64];
        make_file(path, bytes, n);
        Source *p = NULL, *w = NULL;
        assert_int_equal(source_open_pieces(&f->arena, path, 0, 16, &p), SOURCE_OK);
        assert_null(p->text);
        assert_non_null(p->reader);
        char *text;
        uint32_t at, len, next = 0, count = 0;
        while (source_next_piece(p, &text, &at, &len)) {
            assert_int_equal(at, next);
            assert_true(len > 0);
            assert_memory_equal(text, bytes + at, len);
            assert_int_equal(text[len], '\0');
            assert_int_equal(text[len + 1], '\0');
            if (at + len < n)
                assert_int_equal(text[len - 1], '\n');      /* whole lines */
            next = at + len;
            count++;
        }
        assert_int_equal(p->failed, SOURCE_OK);
        assert_int_equal(next, n);
        assert_true(count > 20);
        source_close_pieces(p);
        /* the same file held whole, then given back */
        assert_int_equal(source_load(&f->arena, path, &w), SOURCE_OK);
        SourceCache cache = { 0 };
        assert_true(source_evict(w, &cache));
        assert_int_equal(p->nlines, w->nlines);
        for (uint32_t li = 0; li < w->nlines; li++) {
            uint8_t a1, a2;
            assert_int_equal(source_line_start(p, li, &a1), source_line_start(w, li, &a2));
            assert_int_equal(a1, a2);
        }
        assert_int_equal(p->bom, w->bom);
        for (uint32_t o = 0; o <= n; o++) {
            uint32_t l1, c1, l2, c2, s1, s2, n1, n2;
            source_position(p, o, &l1, &c1);
            source_position(w, o, &l2, &c2);
            assert_int_equal(l1, l2);
            assert_int_equal(c1, c2);
            const char *a = source_line(p, o, &s1, &n1);
            char copy[512];
            assert_true(n1 < sizeof copy);
            memcpy(copy, a, n1);
            const char *b = source_line(w, o, &s2, &n2);
            assert_int_equal(s1, s2);
            assert_int_equal(n1, n2);
            assert_memory_equal(copy, b, n1);
        }
        /* whether a line ends between two offsets, without the text */
        for (uint32_t a = 0; a < n; a += 97)
            for (uint32_t k = 0; k < 200; k += 13) {
                uint32_t b = a + k < n ? a + k : (uint32_t)n;
                bool want = memchr(bytes + a, '\n', b - a) != NULL;
                assert_int_equal(source_lines_apart(p, a, b), want);
            }
        /* the source is given the run's window in the end, as one given back */
        SourceCache shared = { 0 };
        assert_true(source_evict(p, &shared));
        assert_ptr_equal(p->cache, &shared);
        assert_memory_equal(source_bytes(p, (Span){ 3, 20 }), bytes + 3, 17);
        unlink(path);
    }
}

/* Lines of every length around what the table of lines keeps in a byte
 * (a line of 255 bytes with its newline, 256, 257 ...), many to a block
 * and none: each offset's line and column are those counted from the
 * text, asked for in order, backwards and at random, of the text held,
 * given back and read in pieces. */
static size_t long_lines_text(char *out, unsigned lines)
{
    static const unsigned lengths[] = { 1, 2, 254, 255, 256, 257, 511, 700, 3 };
    size_t n = 0;
    for (unsigned k = 0; k < lines; k++) {
        /* runs of short lines, so that blocks of 64 lines come whole, with
         * long lines among them, and blocks of long lines alone */
        unsigned len = k % 200 < 100 ? 1 + k % 40 : lengths[k % 9];
        for (unsigned i = 0; i + 1 < len; i++)
            out[n++] = i % 7 == 3 ? '\xC3' : i % 7 == 4 ? '\xA0' : 'a';   /* "à" among ASCII */
        out[n++] = '\n';
    }
    memcpy(out + n, "end", 3);
    return n + 3;
}

/* What the text says of each offset o: its line and column, and where
 * its line starts and ends (its newline, or the end). */
typedef struct Where {
    uint32_t *line, *column, *first, *end;
} Where;

static void expect_positions(Source *s, uint32_t n, const Where *w, uint32_t stride)
{
    for (uint32_t k = 0, o = 0; k <= n; k++, o = (o + stride) % (n + 1)) {
        uint32_t l, c, start, len;
        source_position(s, o, &l, &c);
        if (l != w->line[o] || c != w->column[o])
            fail_msg("offset %u (stride %u): %u:%u, expected %u:%u", o, stride, l, c, w->line[o], w->column[o]);
        source_line(s, o, &start, &len);
        if (start != w->first[o] || start + len != w->end[o])
            fail_msg("offset %u (stride %u): line [%u, %u), expected [%u, %u)", o, stride, start, start + len,
                     w->first[o], w->end[o]);
        assert_false(source_lines_apart(s, w->first[o], o));
        if (w->first[o])
            assert_true(source_lines_apart(s, w->first[o] - 1, o));
    }
}

TEST(long_lines_map_to_lines_and_columns_in_any_order)
{
    enum { LINES = 3000 };
    char *bytes = arena_alloc(&f->arena, (size_t)LINES * 700 + 8);
    assert_non_null(bytes);
    uint32_t n = (uint32_t)long_lines_text(bytes, LINES);
    assert_true(n >= SOURCE_EVICT_MIN);
    Where w = { ARENA_ARRAY(&f->arena, uint32_t, n + 1), ARENA_ARRAY(&f->arena, uint32_t, n + 1),
                ARENA_ARRAY(&f->arena, uint32_t, n + 1), ARENA_ARRAY(&f->arena, uint32_t, n + 1) };
    assert_true(w.line && w.column && w.first && w.end);
    for (uint32_t o = 0, l = 1, c = 1, first = 0; o <= n; o++) {
        w.line[o] = l;
        w.column[o] = c;
        w.first[o] = first;
        if (o < n && bytes[o] == '\n') {
            l++;
            c = 1;
            first = o + 1;
        } else if (o < n && ((unsigned char)bytes[o] & 0xC0) != 0x80) {
            c++;                    /* a column a character: its first byte */
        }
    }
    for (uint32_t o = n + 1, end = n; o-- > 0;) {
        if (o < n && bytes[o] == '\n')
            end = o;
        w.end[o] = end;
    }
    char path[64];
    make_file(path, bytes, n);
    Source *held = source_from_bytes(&f->arena, "t.dlg", bytes, n), *evicted = NULL, *pieces = NULL;
    assert_non_null(held);
    assert_int_equal(source_load(&f->arena, path, &evicted), SOURCE_OK);
    SourceCache cache = { 0 };
    assert_true(source_evict(evicted, &cache));
    assert_int_equal(source_open_pieces(&f->arena, path, 0, 4096, &pieces), SOURCE_OK);
    char *text;
    uint32_t at, len;
    while (source_next_piece(pieces, &text, &at, &len))
        ;
    assert_int_equal(pieces->failed, SOURCE_OK);
    source_close_pieces(pieces);
    Source *all[] = { held, evicted, pieces };
    for (size_t i = 0; i < 3; i++) {
        expect_positions(all[i], n, &w, 1);         /* in order */
        expect_positions(all[i], n, &w, n);         /* backwards */
        expect_positions(all[i], n, &w, 7919);      /* here and there */
        assert_int_equal(all[i]->nlines, LINES + 1);
    }
    unlink(path);
}

/* A file that is shorter or longer when read than when opened is not read
 * to its end: the source says so (the run says "cannot read"). An empty
 * file has no piece. */
TEST(pieces_of_a_file_that_changes)
{
    char *bytes = arena_alloc(&f->arena, 256 * 1024);
    assert_non_null(bytes);
    size_t n = pieces_text(bytes, true);
    char path[64];
    make_file(path, bytes, n);
    Source *p = NULL;
    assert_int_equal(source_open_pieces(&f->arena, path, 0, 16, &p), SOURCE_OK);
    assert_int_equal(truncate(path, 100), 0);
    char *text;
    uint32_t at, len;
    while (source_next_piece(p, &text, &at, &len))
        assert_true(at + len <= 100);
    assert_int_equal(p->failed, SOURCE_ERR_READ);
    assert_int_equal(source_read_error(p), EIO);
    source_close_pieces(p);
    /* longer */
    make_file(path, bytes, n);
    assert_int_equal(source_open_pieces(&f->arena, path, 0, 16, &p), SOURCE_OK);
    FILE *o = fopen(path, "ab");
    assert_non_null(o);
    fputs("more\n", o);
    fclose(o);
    while (source_next_piece(p, &text, &at, &len))
        ;
    assert_int_equal(p->failed, SOURCE_ERR_READ);
    source_close_pieces(p);
    unlink(path);
    /* empty */
    make_file(path, "", 0);
    assert_int_equal(source_open_pieces(&f->arena, path, 0, 16, &p), SOURCE_OK);
    assert_false(source_next_piece(p, &text, &at, &len));
    assert_int_equal(p->failed, SOURCE_OK);
    assert_int_equal(p->nlines, 1);
    source_close_pieces(p);
    /* smaller than the least read in pieces: read whole */
    make_file(path, bytes, n);
    assert_int_equal(source_open_pieces(&f->arena, path, (uint32_t)n + 1, 16, &p), SOURCE_OK);
    assert_non_null(p->text);
    assert_null(p->reader);
    unlink(path);
}

TEST(small_files_and_input_keep_their_text)
{
    char path[64];
    make_file(path, "commune \"A\"\n", 12);      /* under SOURCE_EVICT_MIN */
    Source *s = NULL;
    assert_int_equal(source_load(&f->arena, path, &s), SOURCE_OK);
    unlink(path);
    SourceCache cache = { 0 };
    assert_false(source_evict(s, &cache));
    assert_non_null(s->text);
    char *big = arena_alloc(&f->arena, SOURCE_EVICT_MIN + 1);
    assert_non_null(big);
    memset(big, '\n', SOURCE_EVICT_MIN + 1);
    Source *b = source_from_bytes(&f->arena, "<stdin>", big, SOURCE_EVICT_MIN + 1);
    assert_non_null(b);
    assert_false(source_evict(b, &cache));          /* no file to read it again from */
    assert_non_null(b->text);
}

/* Standard input is read in chunks of growing size (64 KiB to 32 MiB)
 * before its length is known: 3,000,001 bytes cross six chunk boundaries
 * and end inside the seventh, and come back whole, with the two NULs. */
TEST(load_standard_input_across_chunks)
{
    enum { N = 3000001 };
    char *bytes = arena_alloc(&f->arena, N);
    assert_non_null(bytes);
    for (size_t i = 0; i < N; i++)
        bytes[i] = (char)('a' + i % 23);
    char path[64];
    make_file(path, bytes, N);
    int saved = dup(STDIN_FILENO);
    assert_true(saved >= 0);
    assert_non_null(freopen(path, "r", stdin));
    unlink(path);
    Source *s = NULL;
    SourceStatus st = source_load(&f->arena, "-", &s);
    assert_int_equal(dup2(saved, STDIN_FILENO), STDIN_FILENO);
    close(saved);
    clearerr(stdin);
    assert_int_equal(st, SOURCE_OK);
    assert_int_equal(s->len, N);
    assert_memory_equal(s->text, bytes, N);
    assert_int_equal(s->text[N], '\0');
    assert_int_equal(s->text[N + 1], '\0');
}

TEST(load_a_missing_file)
{
    char path[64];
    make_file(path, "", 0);
    unlink(path);                           /* the name is now free */
    Source *s = &sentinel;                  /* must become NULL */
    errno = 0;
    SourceStatus st = source_load(&f->arena, path, &s);
    int err = errno;
    assert_int_equal(st, SOURCE_ERR_OPEN);
    assert_null(s);
    assert_int_equal(err, ENOENT);          /* errno says why */
}

TEST(load_a_directory)
{
    char dir[] = "/tmp/dlg-test-dir-XXXXXX";
    assert_non_null(mkdtemp(dir));
    Source *s = &sentinel;                  /* must become NULL */
    SourceStatus st = source_load(&f->arena, dir, &s);
    rmdir(dir);
    assert_int_equal(st, SOURCE_ERR_NOT_FILE);
    assert_null(s);
}

TEST(load_a_fifo_does_not_wait)
{
    /* a FIFO with no writer: refused as not a regular file, at once (a
     * blocking open would hang until the test's time limit) */
    char path[64];
    make_file(path, "", 0);
    unlink(path);
    if (mkfifo(path, 0600) != 0)
        skip();
    Source *s = &sentinel;                  /* must become NULL */
    SourceStatus st = source_load(&f->arena, path, &s);
    unlink(path);
    assert_int_equal(st, SOURCE_ERR_NOT_FILE);
    assert_null(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(from_bytes_copies_and_ends_with_two_nuls),
        FIXTURE_TEST(position_ascii),
        FIXTURE_TEST(position_counts_code_points),
        FIXTURE_TEST(byte_order_mark_is_not_a_column),
        FIXTURE_TEST(crlf_line_endings),
        FIXTURE_TEST(last_line_without_newline),
        FIXTURE_TEST(offsets_past_the_end_are_clamped),
        FIXTURE_TEST(position_cache_out_of_order),
        FIXTURE_TEST(positions_far_apart_in_order),
        FIXTURE_TEST(load_a_file),
        FIXTURE_TEST(load_an_empty_file),
        FIXTURE_TEST(load_a_large_file),
        FIXTURE_TEST(load_standard_input_across_chunks),
        FIXTURE_TEST(load_a_missing_file),
        FIXTURE_TEST(load_a_directory),
        FIXTURE_TEST(load_a_fifo_does_not_wait),
        FIXTURE_TEST(evicted_text_is_read_again_a_line_at_a_time),
        FIXTURE_TEST(evicted_files_share_one_window),
        FIXTURE_TEST(an_evicted_file_is_read_again_in_windows_that_grow_while_in_order),
        FIXTURE_TEST(pieces_are_whole_lines_and_index_as_the_whole_text),
        FIXTURE_TEST(long_lines_map_to_lines_and_columns_in_any_order),
        FIXTURE_TEST(pieces_of_a_file_that_changes),
        FIXTURE_TEST(small_files_and_input_keep_their_text),
    };
    return cmocka_run_group_tests_name("source", tests, NULL, NULL);
}
