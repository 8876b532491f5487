/* test_diag.c - the diagnostics collector and its GNU-form printer
 * (interp/diag.h; spec/language.md §11, spec/messages.md).
 *
 * The form, from §11:
 *     FILE:LINE:COLUMN: SEVERITY: MESSAGE
 *      LINE | SOURCE LINE
 *           | CARET
 * the line number right-aligned in five columns (wider when needed), the
 * caret line as many spaces as the gutter, " | ", one space per character
 * before the spot (tabs kept), '^' under its first character and '~' under
 * each further one on that line. Every expected text below is written out
 * from that description; diag_print writes to a memory stream and the whole
 * output is compared. */
#include "support.h"

/* Everything diag_print writes for the fixture's collector. */
static const char *printed(Fixture *f)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&buf, &size);
    assert_non_null(out);
    diag_print(&f->diag, out);
    assert_int_equal(fclose(out), 0);
    char *copy = arena_strndup(&f->arena, buf ? buf : "", buf ? size : 0);
    free(buf);
    return copy;
}

static Source *source(Fixture *f, const char *name, const char *text)
{
    Source *s = source_from_bytes(&f->arena, name, text, strlen(text));
    assert_non_null(s);
    return s;
}

static Span span(uint32_t start, uint32_t end)
{
    return (Span){ start, end };
}

/* n copies of the string s, in the arena. */
static char *repeat(Fixture *f, const char *s, size_t n)
{
    size_t len = strlen(s);
    char *out = arena_alloc(&f->arena, len * n + 1);
    assert_non_null(out);
    for (size_t i = 0; i < n; i++)
        memcpy(out + i * len, s, len);
    out[len * n] = '\0';
    return out;
}

/* The messages of the collector's list, in order, joined by '|'. */
static const char *messages(Fixture *f)
{
    const char *out = "";
    for (const Diagnostic *g = f->diag.first; g; g = g->next)
        out = arena_printf(&f->arena, "%s%s%s", out, *out ? "|" : "", g->message);
    return out;
}

/* ---- the GNU form ----------------------------------------------------------------- */

TEST(gnu_form_as_in_the_spec)
{
    /* the example of §11: "a 1\n" and "b 2\n" are 8 bytes, so line 3 starts
     * at 8; "  invited " is 10 bytes: "15.590" is bytes 18-23, column 11 */
    Source *s = source(f, "report.dlg", "a 1\nb 2\n  invited 15.590\n");
    diag_error(&f->diag, s, span(18, 24),
               "'%s' is ambiguous: a dot may mark thousands or decimals; write %d (or a '_' between groups of three) for a count",
               "15.590", 15590);
    assert_string_equal(printed(f),
        "report.dlg:3:11: error: '15.590' is ambiguous: a dot may mark thousands or decimals; write 15590 (or a '_' between groups of three) for a count\n"
        "    3 |   invited 15.590\n"
        "      |           ^~~~~~\n");
    assert_int_equal(f->diag.errors, 1);
    assert_int_equal(f->diag.warnings, 0);
}

TEST(severities)
{
    /* "x 1": '1' is byte 2, column 3 */
    Source *s = source(f, "w.dlg", "x 1\n");
    diag_warning(&f->diag, s, span(2, 3), "a warning");
    diag_note(&f->diag, s, span(0, 1), "a note");
    diag_error(&f->diag, s, span(2, 3), "an error");
    assert_string_equal(printed(f),
        "w.dlg:1:3: warning: a warning\n"
        "    1 | x 1\n"
        "      |   ^\n"
        "w.dlg:1:1: note: a note\n"
        "    1 | x 1\n"
        "      | ^\n"
        "w.dlg:1:3: error: an error\n"
        "    1 | x 1\n"
        "      |   ^\n");
    assert_int_equal(f->diag.errors, 1);
    assert_int_equal(f->diag.warnings, 1);
}

TEST(no_source_is_one_line)
{
    diag_error(&f->diag, NULL, span(0, 0), "cannot read '%s': %s", "x.dlg", "No such file or directory");
    diag_warning(&f->diag, NULL, span(3, 9), "w");
    diag_note(&f->diag, NULL, span(0, 0), "n");
    assert_string_equal(printed(f),
        "dlg: error: cannot read 'x.dlg': No such file or directory\n"
        "dlg: warning: w\n"
        "dlg: note: n\n");
}

TEST(gutter_widens_past_five_digits)
{
    /* 12344 newlines then "x": 'x' is at offset 12344 on line 12345 */
    char *t5 = repeat(f, "\n", 12344);
    Source *s5 = source(f, "g.dlg", arena_printf(&f->arena, "%sx", t5));
    diag_error(&f->diag, s5, span(12344, 12345), "five");
    /* 99999 newlines then "x": line 100000, six digits, gutter of six */
    char *t6 = repeat(f, "\n", 99999);
    Source *s6 = source(f, "g.dlg", arena_printf(&f->arena, "%sx", t6));
    diag_error(&f->diag, s6, span(99999, 100000), "six");
    assert_string_equal(printed(f),
        "g.dlg:12345:1: error: five\n"
        "12345 | x\n"
        "      | ^\n"
        "g.dlg:100000:1: error: six\n"
        "100000 | x\n"
        "       | ^\n");
}

/* ---- the caret --------------------------------------------------------------------- */

TEST(caret_spans)
{
    /* "ab cd\n" = 0-5, "ef\n" = 6-8 */
    Source *s = source(f, "m.dlg", "ab cd\nef\n");
    diag_error(&f->diag, s, span(3, 5), "two characters");
    diag_error(&f->diag, s, span(3, 3), "empty span");
    /* a span running onto the next line: '~' only on this line (c, d) */
    diag_error(&f->diag, s, span(3, 8), "two lines");
    /* a spot at the end of the line (the newline at 5): column 6 */
    diag_error(&f->diag, s, span(5, 5), "end of line");
    diag_error(&f->diag, s, span(0, 1), "first");
    assert_string_equal(printed(f),
        "m.dlg:1:4: error: two characters\n"
        "    1 | ab cd\n"
        "      |    ^~\n"
        "m.dlg:1:4: error: empty span\n"
        "    1 | ab cd\n"
        "      |    ^\n"
        "m.dlg:1:4: error: two lines\n"
        "    1 | ab cd\n"
        "      |    ^~\n"
        "m.dlg:1:6: error: end of line\n"
        "    1 | ab cd\n"
        "      |      ^\n"
        "m.dlg:1:1: error: first\n"
        "    1 | ab cd\n"
        "      | ^\n");
}

TEST(caret_keeps_tabs)
{
    /* tab=0, a=1, tab=2, b=3, b=4, ' '=5, '5'=6: column 7 (a tab is one
     * character); the caret line copies the tabs and blanks the rest */
    Source *s = source(f, "t.dlg", "\ta\tbb 5\n");
    diag_error(&f->diag, s, span(6, 7), "m");
    /* a span containing a tab: "a\tb" is three characters, ^~~ */
    diag_error(&f->diag, s, span(1, 4), "n");
    assert_string_equal(printed(f),
        "t.dlg:1:7: error: m\n"
        "    1 | \ta\tbb 5\n"
        "      | \t \t   ^\n"
        "t.dlg:1:2: error: n\n"
        "    1 | \ta\tbb 5\n"
        "      | \t^~~\n");
}

TEST(caret_counts_vietnamese_characters)
{
    /* commune "xã Quài Nưa" {
     * `commune "` = 0-8, x=9, ã=10-11, ' '=12, Q=13, u=14, à=15-16, i=17,
     * ' '=18, N=19, ư=20-21, a=22, '"'=23.
     * "Nưa" = bytes 19-22: 19 bytes before, 2 continuation bytes (11, 16),
     * so 17 characters before: column 18, 17 spaces, then ^ and ~~ (3
     * characters). "xã Quài Nưa" = bytes 9-22: column 10, 9 spaces, ^ and 10
     * '~' (11 characters: x ã ' ' Q u à i ' ' N ư a) */
    Source *s = source(f, "v.dlg", "commune \"x\xC3\xA3 Qu\xC3\xA0i N\xC6\xB0" "a\" {\n}\n");
    diag_warning(&f->diag, s, span(19, 23), "part");
    diag_error(&f->diag, s, span(9, 23), "whole");
    assert_string_equal(printed(f),
        "v.dlg:1:18: warning: part\n"
        "    1 | commune \"x\xC3\xA3 Qu\xC3\xA0i N\xC6\xB0" "a\" {\n"
        "      |                  ^~~\n"
        "v.dlg:1:10: error: whole\n"
        "    1 | commune \"x\xC3\xA3 Qu\xC3\xA0i N\xC6\xB0" "a\" {\n"
        "      |          ^~~~~~~~~~~\n");
}

TEST(byte_order_mark_and_crlf)
{
    /* a byte-order mark is not a column and not shown: 'b' (offset 4) is
     * column 2; a CRLF line is shown without its \r (no '?') */
    Source *s = source(f, "b.dlg", "\xEF\xBB\xBF" "ab 1\r\ncd 2\r\n");
    diag_error(&f->diag, s, span(4, 5), "m");
    /* "\xEF\xBB\xBF" "ab 1\r\n" = 0-8: 'd' is at 10, line 2 column 2 */
    diag_error(&f->diag, s, span(10, 11), "n");
    assert_string_equal(printed(f),
        "b.dlg:1:2: error: m\n"
        "    1 | ab 1\n"
        "      |  ^\n"
        "b.dlg:2:2: error: n\n"
        "    2 | cd 2\n"
        "      |  ^\n");
}

TEST(control_characters_shown_as_question_marks)
{
    /* a=0, U+0001=1, b=2, DEL=3, ESC=4, "[31m"=5-8, \r=9 (not a line
     * ending: a 'c' follows), c=10, ' '=11, '5'=12: column 13. Each control
     * character is one '?' and one blank in the caret line. */
    Source *s = source(f, "c.dlg", "a\x01" "b\x7F\x1B[31m\rc 5\n");
    diag_error(&f->diag, s, span(12, 13), "m");
    assert_string_equal(printed(f),
        "c.dlg:1:13: error: m\n"
        "    1 | a?b??[31m?c 5\n"
        "      |             ^\n");

    /* a NUL byte (0x00) is a control character too: "x\0y 1", '1' at 4 */
    Source *t = source_from_bytes(&f->arena, "n.dlg", "x\0y 1\n", 6);
    assert_non_null(t);
    diag_init(&f->diag, &f->arena);
    diag_error(&f->diag, t, span(4, 5), "m");
    assert_string_equal(printed(f),
        "n.dlg:1:5: error: m\n"
        "    1 | x?y 1\n"
        "      |     ^\n");
}

/* ---- long lines -------------------------------------------------------------------- */

/* A 300-byte line of 'a'..'z' repeating: byte i is 'a' + i % 26. */
static char *alphabet_line(Fixture *f, size_t n)
{
    char *line = arena_alloc(&f->arena, n + 1);
    assert_non_null(line);
    for (size_t i = 0; i < n; i++)
        line[i] = (char)('a' + i % 26);
    line[n] = '\0';
    return line;
}

TEST(long_line_cut_to_a_window)
{
    /* line 2 is 300 bytes (> 160) and starts at 4 ("x 1\n") */
    char *line = alphabet_line(f, 300);
    Source *s = source(f, "long.dlg", arena_printf(&f->arena, "x 1\n%s\n", line));

    /* spot at byte 100 of the line (offset 104), 3 bytes long: the window
     * starts 53 bytes before it, at 47, and is 160 bytes, to 207 < 300;
     * cut on both sides. The caret line moves by the three columns of the
     * leading "...": 3 + 53 blanks, then ^~~. Column 101. */
    diag_error(&f->diag, s, span(104, 107), "middle");
    const char *expect = arena_printf(&f->arena,
        "long.dlg:2:101: error: middle\n"
        "    2 | ...%.160s...\n"
        "      | %s^~~\n",
        line + 47, repeat(f, " ", 3 + 53));
    assert_string_equal(printed(f), expect);
}

TEST(long_line_near_its_ends)
{
    char *line = alphabet_line(f, 300);
    Source *s = source(f, "long.dlg", arena_printf(&f->arena, "%s\n", line));

    /* spot at 10: fewer than 53 bytes before it, nothing cut on the left;
     * bytes 0-159 shown, then "..." */
    diag_error(&f->diag, s, span(10, 11), "near the start");
    const char *e1 = arena_printf(&f->arena,
        "long.dlg:1:11: error: near the start\n"
        "    1 | %.160s...\n"
        "      | %s^\n",
        line, repeat(f, " ", 10));
    assert_string_equal(printed(f), e1);

    /* spot at 290: the window starts at 290 - 53 = 237 and the 63 bytes to
     * the end fit: "..." on the left only */
    diag_init(&f->diag, &f->arena);
    diag_error(&f->diag, s, span(290, 292), "near the end");
    const char *e2 = arena_printf(&f->arena,
        "long.dlg:1:291: error: near the end\n"
        "    1 | ...%s\n"
        "      | %s^~\n",
        line + 237, repeat(f, " ", 3 + 53));
    assert_string_equal(printed(f), e2);

    /* spot at 53: exactly 53 bytes before it, the window starts at 0 */
    diag_init(&f->diag, &f->arena);
    diag_error(&f->diag, s, span(53, 54), "at 53");
    const char *e3 = arena_printf(&f->arena,
        "long.dlg:1:54: error: at 53\n"
        "    1 | %.160s...\n"
        "      | %s^\n",
        line, repeat(f, " ", 53));
    assert_string_equal(printed(f), e3);

    /* spot at 54: the window starts at 1, so byte 0 is cut off */
    diag_init(&f->diag, &f->arena);
    diag_error(&f->diag, s, span(54, 55), "at 54");
    const char *e4 = arena_printf(&f->arena,
        "long.dlg:1:55: error: at 54\n"
        "    1 | ...%.160s...\n"
        "      | %s^\n",
        line + 1, repeat(f, " ", 3 + 53));
    assert_string_equal(printed(f), e4);
}

TEST(line_of_160_bytes_is_shown_whole)
{
    /* "longer than 160 bytes" is cut: 160 is not, 161 is */
    char *l160 = alphabet_line(f, 160);
    Source *s = source(f, "w.dlg", arena_printf(&f->arena, "%s\n", l160));
    diag_error(&f->diag, s, span(159, 160), "m");
    const char *e1 = arena_printf(&f->arena,
        "w.dlg:1:160: error: m\n"
        "    1 | %s\n"
        "      | %s^\n",
        l160, repeat(f, " ", 159));
    assert_string_equal(printed(f), e1);

    char *l161 = alphabet_line(f, 161);
    Source *t = source(f, "w.dlg", arena_printf(&f->arena, "%s\n", l161));
    diag_init(&f->diag, &f->arena);
    diag_error(&f->diag, t, span(0, 1), "m");
    const char *e2 = arena_printf(&f->arena,
        "w.dlg:1:1: error: m\n"
        "    1 | %.160s...\n"
        "      | ^\n",
        l161);
    assert_string_equal(printed(f), e2);
}

TEST(long_line_cut_on_character_boundaries)
{
    /* 150 x "ư" (C6 B0): 300 bytes, lead bytes at even offsets. The spot is
     * character 60, bytes 120-121: column 61. 120 - 53 = 67 is the middle
     * of a character, so the window starts at 68 (52 bytes, 26 characters
     * before the spot); 68 + 160 = 228 is a lead byte, so it ends there:
     * bytes 68-227, 80 characters, cut on both sides */
    Source *s = source(f, "u.dlg", arena_printf(&f->arena, "%s\n", repeat(f, "\xC6\xB0", 150)));
    diag_error(&f->diag, s, span(120, 122), "m");
    const char *e1 = arena_printf(&f->arena,
        "u.dlg:1:61: error: m\n"
        "    1 | ...%s...\n"
        "      | %s^\n",
        repeat(f, "\xC6\xB0", 80), repeat(f, " ", 3 + 26));
    assert_string_equal(printed(f), e1);

    /* "a" then 150 x "ư": 301 bytes, lead bytes at odd offsets. Spot at 0:
     * byte 160 is a continuation byte, so the window is bytes 0-158: "a"
     * and 79 characters (1 + 158 = 159 bytes) */
    Source *t = source(f, "u.dlg", arena_printf(&f->arena, "a%s\n", repeat(f, "\xC6\xB0", 150)));
    diag_init(&f->diag, &f->arena);
    diag_error(&f->diag, t, span(0, 1), "m");
    const char *e2 = arena_printf(&f->arena,
        "u.dlg:1:1: error: m\n"
        "    1 | a%s...\n"
        "      | ^\n",
        repeat(f, "\xC6\xB0", 79));
    assert_string_equal(printed(f), e2);
}

/* ---- order ---------------------------------------------------------------------- */

TEST(sort_by_file_then_position)
{
    /* files in the order read (Source.id), not by name */
    Source *a = source(f, "z.dlg", "0123456789abcdef\n");
    Source *b = source(f, "a.dlg", "0123456789\n");
    a->id = 0;
    b->id = 1;
    diag_error(&f->diag, b, span(5, 6), "b5");
    diag_error(&f->diag, a, span(10, 11), "a10");
    diag_note(&f->diag, a, span(0, 1), "a10 note");     /* before a10 in the file, stays after it */
    diag_warning(&f->diag, a, span(2, 3), "a2");
    diag_error(&f->diag, NULL, span(0, 0), "cmd");
    diag_error(&f->diag, b, span(1, 2), "b1");
    diag_note(&f->diag, NULL, span(0, 0), "b1 note");    /* tied to no file, still after b1 */
    diag_sort(&f->diag);
    assert_string_equal(messages(f), "cmd|a2|a10|a10 note|b1|b1 note|b5");
    assert_string_equal(f->diag.last->message, "b5");
    assert_null(f->diag.last->next);
    /* sorting changes no count and adds nothing (the limit was not reached) */
    assert_int_equal(f->diag.errors, 4);       /* b5, a10, cmd, b1 */
    assert_int_equal(f->diag.warnings, 1);
}

TEST(sort_keeps_report_order_at_one_position)
{
    Source *a = source(f, "s.dlg", "abc\n");
    diag_error(&f->diag, a, span(2, 3), "later");
    diag_error(&f->diag, a, span(1, 2), "first at 1");
    diag_warning(&f->diag, a, span(1, 3), "second at 1");
    diag_error(&f->diag, a, span(1, 1), "third at 1");
    diag_error(&f->diag, NULL, span(9, 9), "no file, first");
    diag_error(&f->diag, NULL, span(1, 1), "no file, second");
    diag_sort(&f->diag);
    /* no-file diagnostics have no position: they keep their order too */
    assert_string_equal(messages(f), "no file, first|no file, second|first at 1|second at 1|third at 1|later");
}

TEST(sort_then_print)
{
    Source *a = source(f, "r.dlg", "x 1\ny 2\n");
    diag_warning(&f->diag, a, span(6, 7), "second line");
    diag_error(&f->diag, a, span(0, 1), "first line");
    diag_note(&f->diag, a, span(2, 3), "its note");
    diag_error(&f->diag, NULL, span(0, 0), "cannot read 'q.dlg'");
    diag_sort(&f->diag);
    /* "x 1\n" = 0-3: 'y 2' starts at 4, '2' is at 6, column 3 */
    assert_string_equal(printed(f),
        "dlg: error: cannot read 'q.dlg'\n"
        "r.dlg:1:1: error: first line\n"
        "    1 | x 1\n"
        "      | ^\n"
        "r.dlg:1:3: note: its note\n"
        "    1 | x 1\n"
        "      |   ^\n"
        "r.dlg:2:3: warning: second line\n"
        "    2 | y 2\n"
        "      |   ^\n");
}

TEST(sort_of_one_or_none)
{
    diag_sort(&f->diag);
    assert_null(f->diag.first);
    assert_string_equal(printed(f), "");
    diag_error(&f->diag, NULL, span(0, 0), "only");
    diag_sort(&f->diag);
    assert_string_equal(messages(f), "only");
    assert_ptr_equal(f->diag.first, f->diag.last);
}

/* ---- the error limit -------------------------------------------------------------- */

TEST(fifty_errors_are_all_kept)
{
    /* spec/messages.md: the closing note comes with "a file with 51
     * errors"; 50 are reported in full and nothing is cut short */
    Source *s = source(f, "e.dlg", "x\n");
    for (int i = 0; i < DIAG_MAX_ERRORS; i++)
        diag_error(&f->diag, s, span(0, 1), "e%d", i);
    assert_int_equal(f->diag.errors, 50);
    assert_false(diag_full(&f->diag));
    diag_warning(&f->diag, s, span(0, 1), "still read");
    assert_int_equal(f->diag.warnings, 1);
    diag_sort(&f->diag);
    unsigned n = 0;
    for (const Diagnostic *g = f->diag.first; g; g = g->next)
        n++;
    assert_int_equal(n, 51);            /* 50 errors and the warning */
    assert_string_equal(f->diag.last->message, "still read");

    /* the 51st error is one too many */
    diag_error(&f->diag, s, span(0, 1), "e50");
    assert_true(diag_full(&f->diag));
    assert_int_equal(f->diag.errors, 50);
}

TEST(the_51st_error_stops_everything)
{
    /* 49 lines "x\n": line L starts at 2 * (L - 1). One error tied to no
     * file, then 49 errors from the last line up to the first: 50 */
    Source *s = source(f, "s.dlg", repeat(f, "x\n", 49));
    diag_error(&f->diag, NULL, span(0, 0), "cmd");
    for (uint32_t i = 0; i < 49; i++)
        diag_error(&f->diag, s, span(2 * (48 - i), 2 * (48 - i) + 1), "e%u", i);   /* line 49 - i */
    diag_note(&f->diag, s, span(0, 1), "note of e48");  /* belongs to the 50th error */
    diag_warning(&f->diag, s, span(2, 3), "a warning");
    assert_int_equal(f->diag.errors, 50);
    assert_int_equal(f->diag.warnings, 1);
    assert_false(diag_full(&f->diag));

    /* the 51st error is dropped, and after it reading stops: nothing
     * more is kept */
    diag_error(&f->diag, s, span(4, 5), "dropped");
    assert_true(diag_full(&f->diag));
    diag_warning(&f->diag, s, span(4, 5), "late warning");
    diag_note(&f->diag, s, span(4, 5), "late note");
    diag_error(&f->diag, NULL, span(0, 0), "late error");
    assert_int_equal(f->diag.errors, 50);
    assert_int_equal(f->diag.warnings, 1);
    assert_true(diag_full(&f->diag));
    assert_null(find_diag(&f->diag, DIAG_ERROR, "dropped"));
    assert_null(find_diag(&f->diag, DIAG_WARNING, "late"));
    assert_null(find_diag(&f->diag, DIAG_NOTE, "late"));
    assert_null(find_diag(&f->diag, DIAG_ERROR, "late"));

    /* sorted: the no-file error first, the closing note (tied to no file
     * too) last of all */
    diag_sort(&f->diag);
    assert_int_equal(f->diag.last->severity, DIAG_NOTE);
    assert_null(f->diag.last->src);
    assert_string_equal(f->diag.last->message, "too many errors; stopping here");
    assert_null(f->diag.last->next);

    /* the whole print: cmd; line 1 (e48 and its note); line 2 (e47, then
     * the warning reported later at the same spot); lines 3-49 (e46 - e0) */
    const char *expect = "dlg: error: cmd\n";
    for (uint32_t line = 1; line <= 49; line++) {
        expect = arena_printf(&f->arena, "%ss.dlg:%u:1: error: e%u\n%5u | x\n      | ^\n",
                              expect, line, 49 - line, line);
        if (line == 1)
            expect = arena_printf(&f->arena, "%ss.dlg:1:1: note: note of e48\n    1 | x\n      | ^\n", expect);
        if (line == 2)
            expect = arena_printf(&f->arena, "%ss.dlg:2:1: warning: a warning\n    2 | x\n      | ^\n", expect);
    }
    expect = arena_printf(&f->arena, "%sdlg: note: too many errors; stopping here\n", expect);
    assert_string_equal(printed(f), expect);
}

/* ---- replay (a file read by a thread of its own, load.c) ------------------ */

static uint32_t next_random(uint32_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 17;
    *x ^= *x << 5;
    return *x;
}

/* n diagnostics of random severities, numbered from *k, into each given
 * collector (NULL: none). */
static void say(Diag *a, Diag *b, uint32_t *rnd, uint32_t n, uint32_t *k)
{
    static const DiagSeverity sev[] = { DIAG_ERROR, DIAG_WARNING, DIAG_WARNING, DIAG_NOTE, DIAG_WARNING };
    for (uint32_t i = 0; i < n; i++, (*k)++) {
        DiagSeverity s = sev[next_random(rnd) % 5];
        Diag *to[2] = { a, b };
        for (int j = 0; j < 2; j++) {
            if (!to[j])
                continue;
            if (s == DIAG_ERROR)
                diag_error(to[j], NULL, span(*k, *k), "m%u", *k);
            else if (s == DIAG_WARNING)
                diag_warning(to[j], NULL, span(*k, *k), "m%u", *k);
            else
                diag_note(to[j], NULL, span(*k, *k), "m%u", *k);
        }
    }
}

/* What was said before a file, in it and after it, told to one collector
 * as it happens and to another with the file's part recorded apart and
 * replayed: the two say the same thing, keep the same counts and stop at
 * the same place, wherever the limits fall (50 errors, 50 warnings shown,
 * the notes of what was dropped). */
TEST(replay_says_what_was_said_in_turn)
{
    for (uint32_t trial = 0; trial < 300; trial++) {
        uint32_t rnd = 2463534242u + trial * 7919u;
        uint32_t before = next_random(&rnd) % 90, in = next_random(&rnd) % 160, after = next_random(&rnd) % 20;
        Diag direct, apart, recorded;
        diag_init(&direct, &f->arena);
        diag_init(&apart, &f->arena);
        diag_init(&recorded, &f->arena);
        recorded.recording = true;
        uint32_t k = 0, k2 = 0, r1 = rnd, r2 = rnd;
        say(&direct, &apart, &r1, before, &k);
        say(&direct, NULL, &r1, in, &k);
        say(&direct, NULL, &r1, after, &k);
        r2 = rnd;
        say(NULL, NULL, &r2, before, &k2);      /* the same draws, already told */
        say(&recorded, NULL, &r2, in, &k2);
        diag_replay(&apart, &recorded);
        say(&apart, NULL, &r2, after, &k2);
        assert_int_equal(k, k2);
        assert_int_equal(apart.errors, direct.errors);
        assert_int_equal(apart.warnings, direct.warnings);
        assert_int_equal(apart.warnings_dropped, direct.warnings_dropped);
        assert_int_equal(apart.overflowed, direct.overflowed);
        const Diagnostic *a = direct.first, *b = apart.first;
        for (; a && b; a = a->next, b = b->next) {
            assert_int_equal(a->severity, b->severity);
            assert_string_equal(a->message, b->message);
            assert_int_equal(a->span.start, b->span.start);
        }
        assert_null(a);
        assert_null(b);
    }
}

/* The limits are met inside the file: the trials above reach them; here
 * once for certain, a file of 60 errors told to an empty collector. */
TEST(replay_of_a_file_past_the_limit)
{
    Diag recorded, d;
    diag_init(&recorded, &f->arena);
    diag_init(&d, &f->arena);
    recorded.recording = true;
    for (uint32_t i = 0; i < 60; i++)
        diag_warning(&recorded, NULL, span(i, i), "w%u", i);
    for (uint32_t i = 0; i < 60; i++)
        diag_error(&recorded, NULL, span(i, i), "e%u", i);
    assert_true(recorded.overflowed);
    diag_replay(&d, &recorded);
    assert_true(d.overflowed);
    assert_int_equal(d.errors, 50);
    assert_int_equal(d.warnings, 60);
    assert_int_equal(d.warnings_dropped, 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(gnu_form_as_in_the_spec),
        FIXTURE_TEST(severities),
        FIXTURE_TEST(no_source_is_one_line),
        FIXTURE_TEST(gutter_widens_past_five_digits),
        FIXTURE_TEST(caret_spans),
        FIXTURE_TEST(caret_keeps_tabs),
        FIXTURE_TEST(caret_counts_vietnamese_characters),
        FIXTURE_TEST(byte_order_mark_and_crlf),
        FIXTURE_TEST(control_characters_shown_as_question_marks),
        FIXTURE_TEST(long_line_cut_to_a_window),
        FIXTURE_TEST(long_line_near_its_ends),
        FIXTURE_TEST(line_of_160_bytes_is_shown_whole),
        FIXTURE_TEST(long_line_cut_on_character_boundaries),
        FIXTURE_TEST(sort_by_file_then_position),
        FIXTURE_TEST(sort_keeps_report_order_at_one_position),
        FIXTURE_TEST(sort_then_print),
        FIXTURE_TEST(sort_of_one_or_none),
        FIXTURE_TEST(fifty_errors_are_all_kept),
        FIXTURE_TEST(the_51st_error_stops_everything),
        FIXTURE_TEST(replay_says_what_was_said_in_turn),
        FIXTURE_TEST(replay_of_a_file_past_the_limit),
    };
    return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
