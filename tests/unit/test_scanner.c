/* test_scanner.c - the lexical level (spec §2) seen through parse_source():
 * tokens become atoms of items, and every lexical problem becomes exactly
 * the diagnostic it should, at the right line and column. */
#include <unistd.h>

#include "support.h"

static void assert_name(const Item *it, const char *name)
{
    assert_non_null(it);
    assert_string_equal(it->name->text, name);
}

/* The string argument of the only item, compared byte for byte. */
static void assert_str_bytes(const Atom *a, const char *bytes, size_t n)
{
    assert_int_equal(a->kind, ATOM_STRING);
    assert_int_equal(atom_str(a).len, n);
    assert_memory_equal(atom_str(a).ptr, bytes, n);
    assert_int_equal(atom_str(a).ptr[n], '\0');
}

/* Exactly one error, at line:col, whose message contains `needle`. */
static const Diagnostic *assert_one_error(const Fixture *f, uint32_t line, uint32_t col, const char *needle)
{
    if (f->diag.errors != 1)
        diag_print(&f->diag, stderr);
    assert_int_equal(f->diag.errors, 1);
    const Diagnostic *g = find_diag(&f->diag, DIAG_ERROR, needle);
    if (!g)
        diag_print(&f->diag, stderr);
    assert_non_null(g);
    uint32_t l, c;
    diag_line_col(g, &l, &c);
    assert_int_equal(l, line);
    assert_int_equal(c, col);
    return g;
}

/* ---- counts and other number-like tokens ------------------------------------ */

TEST(two_items_on_one_line)
{
    const Item *items = parse_text(f, "invited 15_590 attended 12_674");
    assert_no_errors(f);
    assert_int_equal(item_count(items), 2);
    assert_name(item_at(items, 0), "invited");
    assert_int_equal(arg_count(item_at(items, 0)), 1);
    assert_int_equal(arg_at(item_at(items, 0), 0)->kind, ATOM_COUNT);
    assert_int_equal(arg_at(item_at(items, 0), 0)->as.count, 15590);
    assert_name(item_at(items, 1), "attended");
    assert_int_equal(arg_count(item_at(items, 1)), 1);
    assert_int_equal(arg_at(item_at(items, 1), 0)->as.count, 12674);
}

TEST(count_atoms)
{
    const Item *items = parse_text(f, "a 358\nb -5\nc ~300\nd ?\ne 0");
    assert_no_errors(f);
    assert_int_equal(item_count(items), 5);
    assert_int_equal(arg_at(item_at(items, 0), 0)->kind, ATOM_COUNT);
    assert_int_equal(arg_at(item_at(items, 0), 0)->as.count, 358);
    assert_int_equal(arg_at(item_at(items, 1), 0)->kind, ATOM_COUNT);
    assert_int_equal(arg_at(item_at(items, 1), 0)->as.count, -5);
    assert_int_equal(arg_at(item_at(items, 2), 0)->kind, ATOM_APPROX);
    assert_int_equal(arg_at(item_at(items, 2), 0)->as.count, 300);
    assert_int_equal(arg_at(item_at(items, 3), 0)->kind, ATOM_UNKNOWN);
    assert_int_equal(arg_at(item_at(items, 4), 0)->as.count, 0);
}

TEST(dotted_count_is_an_error_with_the_intended_count)
{
    /* "invited 15.590": the number starts at column 9 */
    const Item *items = parse_text(f, "invited 15.590\nattended 12,674\n");
    assert_int_equal(f->diag.errors, 2);
    const Diagnostic *g = find_diag(&f->diag, DIAG_ERROR, "'15.590'");
    assert_non_null(g);
    assert_non_null(strstr(g->message, "15590"));
    uint32_t line, col;
    diag_line_col(g, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 9);
    g = find_diag(&f->diag, DIAG_ERROR, "'12,674'");
    assert_non_null(g);
    assert_non_null(strstr(g->message, "12674"));
    diag_line_col(g, &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 10);
    /* scanning goes on as if the intended count had been written */
    assert_int_equal(item_count(items), 2);
    assert_int_equal(arg_at(item_at(items, 0), 0)->as.count, 15590);
    assert_int_equal(arg_at(item_at(items, 1), 0)->as.count, 12674);
}

TEST(decimal_count_is_an_error)
{
    parse_text(f, "x 1.5\ny 198,6\n");
    assert_int_equal(f->diag.errors, 2);
    assert_non_null(find_diag(&f->diag, DIAG_ERROR, "'1.5'"));
    assert_non_null(find_diag(&f->diag, DIAG_ERROR, "'198,6'"));
}

TEST(overflowing_count_is_an_error)
{
    parse_text(f, "x 99999999999999999999");
    assert_one_error(f, 1, 3, "too large");
}

TEST(percent_atoms)
{
    const Item *items = parse_text(f, "a 99.72%\nb 79,63%\nc 100%");
    assert_no_errors(f);
    const Atom *a = arg_at(item_at(items, 0), 0);
    assert_int_equal(a->kind, ATOM_PERCENT);
    assert_int_equal(a->as.mantissa, 9972);
    assert_int_equal(a->aux, 2);
    a = arg_at(item_at(items, 1), 0);
    assert_int_equal(a->as.mantissa, 7963);
    assert_int_equal(a->aux, 2);
    a = arg_at(item_at(items, 2), 0);
    assert_int_equal(a->as.mantissa, 100);
    assert_int_equal(a->aux, 0);
}

TEST(money_atoms)
{
    /* "đ" is C4 91; "đồng" is C4 91 E1 BB 93 6E 67 */
    const Item *items = parse_text(f, "a 48.686.352\xc4\x91\n"
                                      "b 800.000.000 \xc4\x91\xe1\xbb\x93ng\n"
                                      "c 48_686_352 VND\n");
    assert_no_errors(f);
    assert_int_equal(item_count(items), 3);
    const Atom *a = arg_at(item_at(items, 0), 0);
    assert_int_equal(a->kind, ATOM_MONEY);
    assert_int_equal(a->as.count, 48686352);
    a = arg_at(item_at(items, 1), 0);
    assert_int_equal(a->kind, ATOM_MONEY);
    assert_int_equal(a->as.count, 800000000);
    assert_int_equal(arg_count(item_at(items, 1)), 1);
    a = arg_at(item_at(items, 2), 0);
    assert_int_equal(a->kind, ATOM_MONEY);
    assert_int_equal(a->as.count, 48686352);
}

TEST(money_with_commas_is_an_error)
{
    parse_text(f, "x 48,686,352\xc4\x91");
    assert_one_error(f, 1, 3, "amount of money");
}

TEST(date_atoms)
{
    const Item *items = parse_text(f, "a 2024-06-14\nb 14/6/2024\nc 05.01.2024\nd 2021-02\n");
    assert_no_errors(f);
    const Atom *a = arg_at(item_at(items, 0), 0);
    assert_int_equal(a->kind, ATOM_DATE);
    assert_int_equal(a->as.date.year, 2024);
    assert_int_equal(a->as.date.month, 6);
    assert_int_equal(a->as.date.day, 14);
    a = arg_at(item_at(items, 1), 0);
    assert_int_equal(a->kind, ATOM_DATE);
    assert_int_equal(a->as.date.month, 6);
    assert_int_equal(a->as.date.day, 14);
    a = arg_at(item_at(items, 2), 0);
    assert_int_equal(a->as.date.month, 1);      /* 5 January */
    assert_int_equal(a->as.date.day, 5);
    a = arg_at(item_at(items, 3), 0);
    assert_int_equal(a->as.date.precision, DATE_MONTH);
    assert_int_equal(a->as.date.month, 2);
}

TEST(impossible_date_is_an_error)
{
    parse_text(f, "x 1\ndate 31/2/2024\n");
    assert_one_error(f, 2, 6, "not a date");
}

TEST(month_year_and_ratio_hints)
{
    parse_text(f, "date 12/2020\nheld 19/19\n");
    assert_int_equal(f->diag.errors, 2);
    const Diagnostic *g = find_diag(&f->diag, DIAG_ERROR, "'12/2020'");
    assert_non_null(g);
    assert_non_null(strstr(g->message, "2020-12"));
    g = find_diag(&f->diag, DIAG_ERROR, "'19/19'");
    assert_non_null(g);
    assert_non_null(strstr(g->message, "percent("));
}

/* ---- strings ------------------------------------------------------------------ */

TEST(vietnamese_strings_kept_byte_for_byte)
{
    /* "Tuần Giáo": ầ = U+1EA7 = E1 BA A7, á = U+00E1 = C3 A1;
     * "Kỳ Châu": ỳ = U+1EF3 = E1 BB B3, â = U+00E2 = C3 A2 */
    static const char tuan_giao[] = "Tu\xe1\xba\xa7n Gi\xc3\xa1o";
    static const char ky_chau[] = "K\xe1\xbb\xb3 Ch\xc3\xa2u";
    const Item *items = parse_text(f, "district \"Tu\xe1\xba\xa7n Gi\xc3\xa1o\" { }\n"
                                      "commune \"K\xe1\xbb\xb3 Ch\xc3\xa2u\" { }\n");
    assert_no_errors(f);
    assert_int_equal(item_count(items), 2);
    assert_str_bytes(arg_at(item_at(items, 0), 0), tuan_giao, sizeof tuan_giao - 1);
    assert_str_bytes(arg_at(item_at(items, 1), 0), ky_chau, sizeof ky_chau - 1);
}

TEST(decomposed_text_is_not_normalised)
{
    /* "ầ" written decomposed: a + U+0302 (CC 82) + U+0300 (CC 80) stays so */
    static const char nfd[] = "Tua\xcc\x82\xcc\x80n";
    const Item *items = parse_text(f, "x \"Tua\xcc\x82\xcc\x80n\" { }");
    assert_no_errors(f);
    assert_str_bytes(arg_at(items, 0), nfd, sizeof nfd - 1);
}

TEST(four_byte_utf8_is_valid)
{
    const Item *items = parse_text(f, "x \"\xf0\x9f\x98\x80\" { }");
    assert_no_errors(f);
    assert_str_bytes(arg_at(items, 0), "\xf0\x9f\x98\x80", 4);
}

TEST(string_escapes)
{
    /* source: "a\"b\\c\nd\te" -> a " b \ c LF d TAB e */
    const Item *items = parse_text(f, "x \"a\\\"b\\\\c\\nd\\te\" { }");
    assert_no_errors(f);
    assert_str_bytes(arg_at(items, 0), "a\"b\\c\nd\te", 9);
}

/* Runs of plain bytes are copied at once (string_token): escapes, a
 * control character and a bad byte between runs of ASCII and UTF-8 each
 * still take their place, the rest byte for byte. */
TEST(string_runs_around_escapes_and_bad_bytes)
{
    /* "Hà\tNội \"x\" \\ ở\x01đây\xFFhết" with a real tab after "Hà" */
    const Item *items = parse_text(f, "a \"H\xC3\xA0\tN\xE1\xBB\x99i \\\"x\\\" \\\\ "
                                      "\xE1\xBB\x9F\x01\xC4\x91\xC3\xA2y\xFFh\xE1\xBA\xBFt\"");
    assert_int_equal(f->diag.errors, 2);        /* the control character, the bad byte */
    assert_non_null(find_diag(&f->diag, DIAG_ERROR, "control character 0x01"));
    assert_non_null(find_diag(&f->diag, DIAG_ERROR, "invalid UTF-8"));
    static const char want[] = "H\xC3\xA0\tN\xE1\xBB\x99i \"x\" \\ \xE1\xBB\x9F?\xC4\x91\xC3\xA2y?h\xE1\xBA\xBFt";
    assert_str_bytes(item_at(items, 0)->args, want, sizeof want - 1);
}

TEST(unknown_escape_is_an_error)
{
    /* x "ab\q": the backslash is at column 6 */
    parse_text(f, "x \"ab\\q\" { }");
    assert_one_error(f, 1, 6, "unknown escape");
}

TEST(unterminated_string)
{
    /* the opening quote of line 2 is at column 3; the next line still parses */
    const Item *items = parse_text(f, "a 1\nb \"abc\nc 2\n");
    assert_one_error(f, 2, 3, "not closed");
    assert_int_equal(item_count(items), 3);
    assert_name(item_at(items, 2), "c");
    assert_int_equal(arg_at(item_at(items, 2), 0)->as.count, 2);
}

TEST(unterminated_string_column_counts_code_points)
{
    /* a "Tuần" b "x  -- columns: a=1, "=3, T u ầ n = 4..7, "=8, b=10, "=12;
     * in bytes the quote is at offset 13 (ầ takes three bytes) */
    parse_text(f, "a \"Tu\xe1\xba\xa7n\" b \"x");
    const Diagnostic *g = assert_one_error(f, 1, 12, "not closed");
    assert_int_equal(g->span.start, 13);
}

TEST(unterminated_string_at_end_of_file)
{
    parse_text(f, "x \"abc");
    assert_non_null(find_diag(&f->diag, DIAG_ERROR, "not closed"));
    assert_int_equal(count_diags(&f->diag, DIAG_ERROR), 1);
}

/* The scanner finds a string's end itself (string_length in lexer.l), the
 * byte after the opening quote being flex's hold character: each way a
 * string can end, at that byte and further on, as the pattern would. */
TEST(string_ends_where_the_pattern_would)
{
    static const char text[] = "a \"\"\n"          /* 1: empty */
                               "b \"\\\"\n"        /* 2: an escaped quote, then the line ends */
                               "c \"x\\\n"         /* 3: a backslash, then the line ends */
                               "d \"\\\\\"\n"      /* 4: an escaped backslash */
                               "e \"\\\"x\"\n"     /* 5: an escaped quote first */
                               "f \"";             /* 6: the text ends */
    size_t n = sizeof text - 1;
    const Item *items = parse_bytes(f, text, n);
    assert_int_equal(f->diag.errors, 3);
    uint32_t lines[] = { 2, 3, 6 }, k = 0;
    for (const Diagnostic *g = f->diag.first; g; g = g->next) {
        if (g->severity != DIAG_ERROR)
            continue;
        assert_non_null(strstr(g->message, "not closed"));
        uint32_t line, col;
        diag_line_col(g, &line, &col);
        assert_int_equal(line, lines[k++]);
        assert_int_equal(col, 3);
    }
    assert_int_equal(item_count(items), 6);
    assert_str_bytes(arg_at(item_at(items, 0), 0), "", 0);
    assert_str_bytes(arg_at(item_at(items, 1), 0), "\"", 1);
    assert_str_bytes(arg_at(item_at(items, 2), 0), "x", 1);
    assert_str_bytes(arg_at(item_at(items, 3), 0), "\\", 1);
    assert_str_bytes(arg_at(item_at(items, 4), 0), "\"x", 2);
    assert_str_bytes(arg_at(item_at(items, 5), 0), "", 0);
    /* the item after each string starts where it should: line 2's item is b */
    assert_name(item_at(items, 1), "b");
    assert_name(item_at(items, 5), "f");
    assert_memory_equal(f->src->text, text, n);
}

TEST(string_with_a_backslash_at_the_end_of_the_text)
{
    const Item *items = parse_text(f, "x \"ab\\");
    assert_one_error(f, 1, 3, "not closed");
    assert_str_bytes(arg_at(items, 0), "ab", 2);
}

TEST(invalid_utf8_in_a_string)
{
    /* x "a<FF><FE>b": one error however many bad bytes, at the first (col 5) */
    parse_text(f, "x \"a\xff\xfe" "b\" { }");
    assert_one_error(f, 1, 5, "invalid UTF-8");
}

TEST(overlong_utf8_in_a_string)
{
    parse_text(f, "x \"\xc0\x80\" { }");
    assert_one_error(f, 1, 4, "invalid UTF-8");
}

TEST(surrogate_in_a_string)
{
    /* ED A0 80 would be U+D800, a surrogate: not UTF-8 */
    parse_text(f, "x \"\xed\xa0\x80\" { }");
    assert_one_error(f, 1, 4, "invalid UTF-8");
}

TEST(truncated_utf8_in_a_string)
{
    /* E1 BA is the start of ầ without its last byte */
    parse_text(f, "x \"\xe1\xba\" { }");
    assert_one_error(f, 1, 4, "invalid UTF-8");
}

TEST(string_too_long)
{
    /* PARSE_MAX_STRING + 1 bytes between the quotes */
    size_t n = (size_t)PARSE_MAX_STRING + 1;
    char *text = arena_alloc(&f->arena, n + 16);
    assert_non_null(text);
    memcpy(text, "x \"", 3);
    memset(text + 3, 'a', n);
    memcpy(text + 3 + n, "\" { }", 6);
    parse_bytes(f, text, strlen(text));
    assert_one_error(f, 1, 3, "longer than");
}

/* ---- bytes that are not tokens ---------------------------------------------------- */

TEST(nul_byte_is_an_error_and_parsing_goes_on)
{
    static const char text[] = "a 1\0b 2\nc 3\n";
    const Item *items = parse_bytes(f, text, sizeof text - 1);
    assert_one_error(f, 1, 4, "NUL byte");
    assert_int_equal(item_count(items), 3);
    assert_name(item_at(items, 1), "b");
    assert_int_equal(arg_at(item_at(items, 1), 0)->as.count, 2);
    assert_name(item_at(items, 2), "c");
}

TEST(nul_byte_inside_a_string_is_an_error)
{
    static const char text[] = "x \"ab\0cd\" { }\ny 1\n";
    const Item *items = parse_bytes(f, text, sizeof text - 1);
    assert_non_null(find_diag(&f->diag, DIAG_ERROR, "NUL byte"));
    /* the next line is still read */
    const Item *last = items;
    while (last && last->next)
        last = last->next;
    assert_name(last, "y");
}

TEST(non_ascii_word_outside_quotes)
{
    /* xã: x then ã (C3 A3) */
    const Diagnostic *g = NULL;
    parse_text(f, "a 1\nx\xc3\xa3 2\n");
    g = assert_one_error(f, 2, 1, "double quotes");
    assert_non_null(strstr(g->message, "\"x\xc3\xa3\""));     /* suggests the quoted form */
}

TEST(typographic_quote)
{
    /* “b” = E2 80 9C b E2 80 9D */
    parse_text(f, "x \xe2\x80\x9c" "b\xe2\x80\x9d 2\n");
    assert_one_error(f, 1, 3, "straight double quotes");
}

TEST(semicolon_is_not_a_separator)
{
    parse_text(f, "a 1; b 2\n");
    assert_one_error(f, 1, 4, "no separator");
}

TEST(comments_and_white_space)
{
    const Item *items = parse_text(f, "# a comment \"not a string\n"
                                      "\ta 1 # trailing { not a block\r\n"
                                      "\f b 2\n#last");
    assert_no_errors(f);
    assert_int_equal(item_count(items), 2);
    assert_name(item_at(items, 0), "a");
    assert_name(item_at(items, 1), "b");
    uint32_t line, col;
    source_position(f->src, item_name_span(item_at(items, 1)).start, &line, &col);
    assert_int_equal(line, 3);
    assert_int_equal(col, 3);
}

/* Comments are skipped by memchr (lexer.l): a '#' right before the
 * newline, at the very end, with a NUL or a quote inside, and the text
 * left exactly as it was read, with no NUL of flex's in it. */
TEST(comment_edges_and_the_text_left_intact)
{
    static const char text[] = "#\na 1#\n#\r\nb 2 # x\0y \" {\n\n#";
    size_t n = sizeof text - 1;
    const Item *items = parse_bytes(f, text, n);
    assert_no_errors(f);
    assert_int_equal(item_count(items), 2);
    assert_name(item_at(items, 0), "a");
    assert_int_equal(arg_at(item_at(items, 0), 0)->as.count, 1);
    assert_name(item_at(items, 1), "b");
    assert_int_equal(arg_at(item_at(items, 1), 0)->as.count, 2);
    uint32_t line, col;
    source_position(f->src, item_name_span(item_at(items, 1)).start, &line, &col);
    assert_int_equal(line, 4);
    assert_int_equal(col, 1);
    assert_int_equal(f->src->len, n);
    assert_memory_equal(f->src->text, text, n);
    assert_null(parse_text(f, "#"));
    assert_int_equal(f->diag.errors + f->diag.warnings, 0);
}

/* A parse that stops at the nesting limit leaves no NUL of flex's in the
 * text the diagnostics quote (it scans the text in place). */
TEST(a_stopped_parse_leaves_the_text_intact)
{
    enum { DEPTH = 300 };
    char text[DEPTH + 16];
    memcpy(text, "x ", 2);
    memset(text + 2, '(', DEPTH);
    memcpy(text + 2 + DEPTH, "1 # end", 8);
    size_t n = strlen(text);
    parse_bytes(f, text, n);
    assert_true(f->diag.errors >= 1);
    assert_memory_equal(f->src->text, text, n);
    assert_null(memchr(f->src->text, '\0', n));
}

TEST(empty_source)
{
    assert_null(parse_text(f, ""));
    assert_int_equal(f->diag.errors + f->diag.warnings, 0);
    assert_null(parse_text(f, "# only a comment\n\n"));
    assert_int_equal(f->diag.errors + f->diag.warnings, 0);
}

TEST(name_too_long)
{
    char text[PARSE_MAX_NAME + 16];
    memset(text, 'n', PARSE_MAX_NAME + 1);
    memcpy(text + PARSE_MAX_NAME + 1, " 1", 3);
    parse_text(f, text);
    assert_one_error(f, 1, 1, "longer than");
}

TEST(reserved_words_are_not_names)
{
    parse_text(f, "and 1\n");
    assert_int_equal(f->diag.errors, 1);
    assert_non_null(find_diag(&f->diag, DIAG_ERROR, "'and'"));
}

/* A name's end is found by the scanner itself (word_length in lexer.l):
 * a reserved word is a whole word, never the start of a name, and a word
 * with UTF-8 in it is one word to its end, ASCII after the UTF-8 too. */
TEST(reserved_words_only_as_whole_words)
{
    static const char *const names[] = { "android", "order", "nothing", "an", "o", "no", "_and", "and1", "a" };
    const Item *items = parse_text(f, "android 1\norder 2\nnothing 3\nan 4\no 5\nno 6\n_and 7\nand1 8\na 9\n");
    assert_no_errors(f);
    assert_int_equal(item_count(items), 9);
    for (unsigned i = 0; i < 9; i++) {
        assert_name(item_at(items, i), names[i]);
        assert_int_equal(arg_at(item_at(items, i), 0)->as.count, i + 1);
    }
    parse_text(f, "a 1\nx\xc3\xa3y_2 3\n");
    const Diagnostic *g = assert_one_error(f, 2, 1, "double quotes");
    assert_non_null(strstr(g->message, "\"x\xc3\xa3y_2\""));   /* the whole word */
    assert_int_equal(g->span.end - g->span.start, 6);
}

/* ---- a file scanned in pieces (source_open_pieces) ------------------------------------ */

typedef struct Signature {
    Arena *arena;
    char *text;
} Signature;

static void sign_items(Signature *g, const Item *it);

static void sign(Signature *g, const char *fmt, ...)
{
    char part[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(part, sizeof part, fmt, ap);
    va_end(ap);
    g->text = arena_printf(g->arena, "%s%s", g->text, part);
}

/* Everything the tree says: names, spans, values, blocks, in order. */
static void sign_items(Signature *g, const Item *it)
{
    for (; it; it = it->next) {
        sign(g, "%s@%u-%u/%u%c(", it->name ? it->name->text : "-", it->span.start, it->span.end, it->name_end,
             it->binding ? it->binding : ' ');
        for (const Atom *a = it->args; a; a = a->next) {
            sign(g, "%d@%u-%u:", a->kind, a->span.start, a->span.end);
            if (a->kind == ATOM_NAME)
                sign(g, "%s ", a->as.name->text);
            else if (a->kind == ATOM_STRING)
                sign(g, "\"%.*s\" ", (int)a->aux, a->as.text);
            else
                sign(g, "%lld ", (long long)a->as.count);
        }
        sign(g, ")");
        for (const Block *b = it->blocks; b; b = b->next) {
            sign(g, "{%u-%u ", b->span.start, b->span.end);
            sign_items(g, b->items);
            sign(g, "}");
        }
        sign(g, "\n");
    }
}

static bool sign_item(void *ctx, Item *it)
{
    Item one = *it;
    one.next = NULL;
    sign_items(ctx, &one);
    return true;
}

/* The file at `path` parsed streaming, whole or in pieces of 16 bytes: its
 * tree and its messages, as text. */
static char *scan_signature(Fixture *f, const char *path, bool pieces)
{
    Source *src = NULL;
    SourceStatus st = pieces ? source_open_pieces(&f->arena, path, 0, 16, &src) : source_load(&f->arena, path, &src);
    assert_int_equal(st, SOURCE_OK);
    assert_true(pieces ? src->text == NULL : src->text != NULL);
    Arena syntax;
    arena_init(&syntax, NULL);
    Diag diag;
    diag_init(&diag, &f->arena);
    Signature g = { &f->arena, "" };
    ItemSink sink = { .item = sign_item, .ctx = &g };
    ParseStatus ps = parse_source_streamed(src, &f->arena, &syntax, &f->syms, &diag, &sink);
    arena_free(&syntax);
    sign(&g, "status %d, %u errors\n", (int)ps, diag.errors);
    for (const Diagnostic *d = diag.first; d; d = d->next) {
        uint32_t line, col;
        source_position(src, d->span.start, &line, &col);
        sign(&g, "%d %u-%u %u:%u %s\n", (int)d->severity, d->span.start, d->span.end, line, col, d->message);
    }
    return g.text;
}

TEST(scanned_in_pieces_as_whole)
{
    /* every kind of token, lines longer than a piece, and errors of the
     * scanner (a string not closed, a word that is not a name, a NUL) */
    char *text = arena_alloc(&f->arena, 64 * 1024);
    assert_non_null(text);
    size_t n = (size_t)sprintf(text, "\xEF\xBB\xBF# a report\n");
    for (unsigned k = 0; k < 30; k++) {
        n += (size_t)sprintf(text + n, "commune \"\xC4\x90\xC3\xB4ng %u\" {\r\n"
                                       "  invited %u  attended 1_234 # said so\n"
                                       "  opinion \"H\xE1\xBB\x8Fi v\xE1\xBB\x81 \\\"\xC4\x91i\xE1\xBB\x87n\\\" \\\\ %u, "
                                       "a line longer than a piece\" { topic roads status resolved }\n"
                                       "  budget 5 \xC4\x91\xE1\xBB\x93ng  share 12,5 %%  held 2024-02-08  x ?\n"
                                       "  r = count(opinion, status == \"resolved\") >= 1 and not (a or b)\n",
                             k, k, k);
        if (k % 10 == 3) {
            n += (size_t)sprintf(text + n, "  note \"not closed\n  x\xC3\xA3 2\n  y 1");
            text[n++] = '\0';
            text[n++] = '\n';
        }
        n += (size_t)sprintf(text + n, "}\n\n");
    }
    n += (size_t)sprintf(text + n, "last 1   \n\n");
    char path[64];
    strcpy(path, "/tmp/dlg-test-pieces-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, n), (ssize_t)n);
    close(fd);
    const char *whole = scan_signature(f, path, false), *pieces = scan_signature(f, path, true);
    unlink(path);
    assert_non_null(strstr(whole, "status 0, 9 errors"));
    assert_non_null(strstr(whole, "not closed"));
    assert_string_equal(pieces, whole);
}

/* ---- items of a top-level item's block, one by one (ItemSink.open) ------------------- */

typedef struct Opener {
    Signature g;
    Arena *syntax;
    const char *opens;      /* the names whose items are opened, " commune " */
} Opener;

/* An item's name, arguments' count and blocks, its items within. */
static void sign_shape(Signature *g, const Item *it)
{
    sign(g, "%s", it->name->text);
    unsigned n = 0;
    for (const Atom *a = it->args; a; a = a->next)
        n++;
    if (n)
        sign(g, "/%u", n);
    for (const Block *b = it->blocks; b; b = b->next) {
        sign(g, "{");
        for (const Item *p = b->items; p; p = p->next) {
            sign_shape(g, p);
            sign(g, p->next ? " " : "");
        }
        sign(g, b->partial ? "...}" : "}");
    }
}

static bool open_named(void *ctx, const Item *head)
{
    Opener *o = ctx;
    char word[64];
    snprintf(word, sizeof word, " %s ", head->name->text);
    bool opened = strstr(o->opens, word) != NULL;
    sign(&o->g, "open ");
    sign_shape(&o->g, head);
    sign(&o->g, opened ? "\n" : " (no)\n");
    return opened;
}

static bool take_inner(void *ctx, Item *it)
{
    Opener *o = ctx;
    sign(&o->g, "  inner ");
    sign_shape(&o->g, it);
    sign(&o->g, "\n");
    /* given back at once, with everything made before it (parse.h):
     * AddressSanitizer sees any later read of it */
    arena_release_before(o->syntax, it);
    return true;
}

static void take_block(void *ctx, const Block *blk)
{
    Opener *o = ctx;
    sign(&o->g, "  block%s\n", blk->partial ? " ..." : "");
}

static bool take_top(void *ctx, Item *it)
{
    Opener *o = ctx;
    sign(&o->g, "item ");
    sign_shape(&o->g, it);
    sign(&o->g, it->opened ? " opened\n" : "\n");
    if (it->opened) {
        assert_null(it->args);
        assert_null(it->blocks);
    }
    arena_release_before(o->syntax, it);
    return true;
}

/* An opened item's items come as they are parsed, the blocks after their
 * items, the item last without them; an item not opened, and every item
 * below the top level, comes whole; only NAME ARGS { ... } at the top level
 * is offered. */
TEST(an_opened_item_comes_item_by_item)
{
    const char *text = "report \"R\" { period 2024 }\n"
                       "commune \"A\" {\n"
                       "  x 1\n"
                       "  dialogue { date 2024-01-05  opinion \"O\" { topic roads } }\n"
                       "  y 2 ...\n"
                       "} { z 3 }\n"
                       "district \"D\" { w 4 }\n"
                       "commune { v 5 }\n"
                       "province \"P\" { district \"E\" { commune \"F\" { u 6 } } }\n";
    Source *src = source_from_bytes(&f->arena, "t.dlg", text, strlen(text));
    assert_non_null(src);
    Arena syntax;
    arena_init(&syntax, NULL);
    Opener o = { { &f->arena, "" }, &syntax, " commune province " };
    ItemSink sink = { .item = take_top, .open = open_named, .inner = take_inner, .block = take_block, .ctx = &o };
    assert_int_equal(parse_source_streamed(src, &f->arena, &syntax, &f->syms, &f->diag, &sink), PARSE_DONE);
    arena_free(&syntax);
    assert_no_errors(f);
    assert_string_equal(o.g.text,
                        "open report/1 (no)\n"
                        "item report/1{period/1}\n"
                        "open commune/1\n"
                        "  inner x/1\n"
                        "  inner dialogue{date/1 opinion/1{topic/1}}\n"
                        "  inner y/1\n"
                        "  block ...\n"
                        "  inner z/1\n"
                        "  block\n"
                        "item commune opened\n"
                        "open district/1 (no)\n"
                        "item district/1{w/1}\n"
                        "item commune{v/1}\n"
                        "open province/1\n"
                        "  inner district/1{commune/1{u/1}}\n"
                        "  block\n"
                        "item province opened\n");
}

/* Open files, counted in /proc/self/fd (Linux). */
static unsigned open_files(void)
{
    unsigned n = 0;
    char path[64];
    for (int fd = 0; fd < 1024; fd++) {
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
        n += access(path, F_OK) == 0;
    }
    return n;
}

/* A file that cannot be read from its first piece: no item, the source
 * says why (the loader reports it), and the file is closed. */
TEST(a_file_read_in_pieces_that_cannot_be_read_at_all)
{
    char path[64];
    strcpy(path, "/tmp/dlg-test-pieces-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "a 1\nb 2\n", 8), 8);
    close(fd);
    unsigned before = open_files();
    Source *src = NULL;
    assert_int_equal(source_open_pieces(&f->arena, path, 0, 16, &src), SOURCE_OK);
    assert_int_equal(truncate(path, 0), 0);
    Arena syntax;
    arena_init(&syntax, NULL);
    Signature g = { &f->arena, "" };
    ItemSink sink = { .item = sign_item, .ctx = &g };
    assert_int_equal(parse_source_streamed(src, &f->arena, &syntax, &f->syms, &f->diag, &sink), PARSE_DONE);
    arena_free(&syntax);
    unlink(path);
    assert_string_equal(g.text, "");
    assert_int_equal(src->failed, SOURCE_ERR_READ);
    assert_int_equal(open_files(), before);
}

TEST(names_are_case_sensitive)
{
    const Item *items = parse_text(f, "Invited 1 invited 2");
    assert_no_errors(f);
    assert_ptr_not_equal(item_at(items, 0)->name, item_at(items, 1)->name);
    /* the same name twice is the same interned symbol */
    const Item *again = parse_text(f, "invited 3");
    assert_ptr_equal(again->name, item_at(items, 1)->name);
}

/* ---- byte-order mark ------------------------------------------------------------- */

TEST(bom_is_ignored)
{
    const Item *items = parse_text(f, "\xef\xbb\xbf" "a 1\nb 2\n");
    assert_no_errors(f);
    assert_int_equal(item_count(items), 2);
    assert_name(item_at(items, 0), "a");
    /* offsets stay file offsets: "a" is the fourth byte */
    assert_int_equal(item_name_span(item_at(items, 0)).start, 3);
}

TEST(bom_is_not_a_column)
{
    /* BOM then "x 1.5": an editor shows '1.5' at column 3 of line 1 */
    parse_text(f, "\xef\xbb\xbf" "x 1.5\n");
    assert_int_equal(f->diag.errors, 1);
    const Diagnostic *g = find_diag(&f->diag, DIAG_ERROR, "'1.5'");
    assert_non_null(g);
    uint32_t line, col;
    diag_line_col(g, &line, &col);
    assert_int_equal(line, 1);
    /* the ignored BOM (U+FEFF) is not a column of line 1 */
    assert_int_equal(col, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(two_items_on_one_line),
        FIXTURE_TEST(count_atoms),
        FIXTURE_TEST(dotted_count_is_an_error_with_the_intended_count),
        FIXTURE_TEST(decimal_count_is_an_error),
        FIXTURE_TEST(overflowing_count_is_an_error),
        FIXTURE_TEST(percent_atoms),
        FIXTURE_TEST(money_atoms),
        FIXTURE_TEST(money_with_commas_is_an_error),
        FIXTURE_TEST(date_atoms),
        FIXTURE_TEST(impossible_date_is_an_error),
        FIXTURE_TEST(month_year_and_ratio_hints),
        FIXTURE_TEST(vietnamese_strings_kept_byte_for_byte),
        FIXTURE_TEST(decomposed_text_is_not_normalised),
        FIXTURE_TEST(four_byte_utf8_is_valid),
        FIXTURE_TEST(string_escapes),
        FIXTURE_TEST(string_runs_around_escapes_and_bad_bytes),
        FIXTURE_TEST(unknown_escape_is_an_error),
        FIXTURE_TEST(unterminated_string),
        FIXTURE_TEST(unterminated_string_column_counts_code_points),
        FIXTURE_TEST(unterminated_string_at_end_of_file),
        FIXTURE_TEST(string_ends_where_the_pattern_would),
        FIXTURE_TEST(string_with_a_backslash_at_the_end_of_the_text),
        FIXTURE_TEST(invalid_utf8_in_a_string),
        FIXTURE_TEST(overlong_utf8_in_a_string),
        FIXTURE_TEST(surrogate_in_a_string),
        FIXTURE_TEST(truncated_utf8_in_a_string),
        FIXTURE_TEST(string_too_long),
        FIXTURE_TEST(nul_byte_is_an_error_and_parsing_goes_on),
        FIXTURE_TEST(nul_byte_inside_a_string_is_an_error),
        FIXTURE_TEST(non_ascii_word_outside_quotes),
        FIXTURE_TEST(typographic_quote),
        FIXTURE_TEST(semicolon_is_not_a_separator),
        FIXTURE_TEST(comments_and_white_space),
        FIXTURE_TEST(comment_edges_and_the_text_left_intact),
        FIXTURE_TEST(a_stopped_parse_leaves_the_text_intact),
        FIXTURE_TEST(empty_source),
        FIXTURE_TEST(name_too_long),
        FIXTURE_TEST(reserved_words_are_not_names),
        FIXTURE_TEST(reserved_words_only_as_whole_words),
        FIXTURE_TEST(scanned_in_pieces_as_whole),
        FIXTURE_TEST(an_opened_item_comes_item_by_item),
        FIXTURE_TEST(a_file_read_in_pieces_that_cannot_be_read_at_all),
        FIXTURE_TEST(names_are_case_sensitive),
        FIXTURE_TEST(bom_is_ignored),
        FIXTURE_TEST(bom_is_not_a_column),
    };
    return cmocka_run_group_tests_name("scanner", tests, NULL, NULL);
}
