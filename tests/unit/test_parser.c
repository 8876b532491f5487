/* test_parser.c - the grammar (spec §3) through parse_source(): the shape
 * of items, arguments and blocks, the expression grammar's precedence, and
 * how syntax errors are reported and recovered from. */
#include "support.h"

/* "a c e": the names of a list of items, space-separated. */
static const char *item_names(Fixture *f, const Item *it)
{
    const char *s = "";
    for (; it; it = it->next)
        s = arena_printf(&f->arena, "%s%s%s", s, *s ? " " : "", it->name->text);
    return s;
}

/* ---- expressions as S-expressions -------------------------------------------- */

static const char *op_name(ExprOp op)
{
    switch (op) {
    case OP_ADD: return "+";
    case OP_SUB: return "-";
    case OP_MUL: return "*";
    case OP_DIV: return "/";
    case OP_EQ: return "==";
    case OP_NE: return "!=";
    case OP_LT: return "<";
    case OP_LE: return "<=";
    case OP_GT: return ">";
    case OP_GE: return ">=";
    case OP_AND: return "and";
    case OP_OR: return "or";
    case OP_NOT: return "not";
    case OP_NEG: return "neg";
    }
    return "?op";
}

/* (+ a (* b c)): the tree, fully parenthesised, so precedence is visible. */
static const char *sexpr(Arena *a, const Expr *e)
{
    char buf[16];
    switch (e->kind) {
    case EXPR_NUMBER: return arena_printf(a, "%lld", (long long)e->as.number);
    case EXPR_MONEY: return arena_printf(a, "%lldd", (long long)e->as.number);
    case EXPR_PERCENT:
        return arena_printf(a, "%lld/%u%%", (long long)e->as.percent.mantissa, e->as.percent.decimals);
    case EXPR_DATE: return arena_printf(a, "@%s", date_format(e->as.date, buf));
    case EXPR_STRING: return arena_printf(a, "\"%.*s\"", (int)e->as.str.len, e->as.str.ptr);
    case EXPR_UNKNOWN: return "?";
    case EXPR_PATH: {
        const char *s = e->as.path->name->text;
        for (const PathPart *p = e->as.path->next; p; p = p->next)
            s = arena_printf(a, "%s.%s", s, p->name->text);
        return s;
    }
    case EXPR_CALL: {
        const char *s = arena_printf(a, "(%s", e->as.call.fn->text);
        for (const Expr *x = e->as.call.args; x; x = x->next)
            s = arena_printf(a, "%s %s", s, sexpr(a, x));
        return arena_printf(a, "%s)", s);
    }
    case EXPR_UNARY: return arena_printf(a, "(%s %s)", op_name(e->as.op.op), sexpr(a, e->as.op.rhs));
    case EXPR_BINARY:
        return arena_printf(a, "(%s %s %s)", op_name(e->as.op.op), sexpr(a, e->as.op.lhs), sexpr(a, e->as.op.rhs));
    }
    return "?expr";
}

/* Parse "x = EXPR" and return the expression as an S-expression. */
static const char *parse_expr(Fixture *f, const char *expr)
{
    const Item *it = parse_text(f, arena_printf(&f->arena, "x = %s\n", expr));
    assert_no_errors(f);
    assert_non_null(it);
    assert_int_equal(it->binding, '=');
    assert_non_null(it->expr);
    return sexpr(&f->arena, it->expr);
}

/* ---- items, arguments, blocks ----------------------------------------------------- */

TEST(item_with_breakdown)
{
    const Item *it = parse_text(f, "opinions 358 { resolved 357  pending 1 }");
    assert_no_errors(f);
    assert_int_equal(item_count(it), 1);
    assert_string_equal(it->name->text, "opinions");
    assert_int_equal(arg_count(it), 1);
    assert_int_equal(arg_at(it, 0)->as.count, 358);
    assert_int_equal(it->binding, 0);
    assert_null(it->expr);
    assert_int_equal(block_count(it), 1);
    assert_false(it->blocks->partial);
    assert_string_equal(item_names(f, it->blocks->items), "resolved pending");
    assert_int_equal(arg_at(item_at(it->blocks->items, 0), 0)->as.count, 357);
    assert_int_equal(arg_at(item_at(it->blocks->items, 1), 0)->as.count, 1);
    /* the item spans the whole text, 40 bytes; its name the first 8 */
    assert_int_equal(it->span.start, 0);
    assert_int_equal(it->span.end, 40);
    assert_int_equal(item_name_span(it).start, 0);
    assert_int_equal(item_name_span(it).end, 8);
}

TEST(two_breakdowns_and_a_partial_one)
{
    const Item *it = parse_text(f, "petitions 42 {\n  complaint 3  denunciation 7  proposal 32\n} {\n"
                                   "  eligible 34 { a 1 ... }\n  ...\n}\n");
    assert_no_errors(f);
    assert_int_equal(block_count(it), 2);
    const Block *first = it->blocks, *second = it->blocks->next;
    assert_false(first->partial);
    assert_string_equal(item_names(f, first->items), "complaint denunciation proposal");
    assert_true(second->partial);
    assert_null(second->next);
    assert_string_equal(item_names(f, second->items), "eligible");
    /* the '...' of the second block is on line 5, column 3 */
    uint32_t line, col;
    source_position(f->src, second->ellipsis, &line, &col);
    assert_int_equal(line, 5);
    assert_int_equal(col, 3);
    const Item *eligible = second->items;
    assert_int_equal(block_count(eligible), 1);
    assert_true(eligible->blocks->partial);
}

/* A file with a syntax error is parsed twice (grammar/parse.c: first
 * without LAC, then with it for the message): what the first parse said,
 * a lexical error here, is said once, and the syntax error lists what may
 * follow as LAC finds it. */
TEST(a_file_parsed_again_says_each_thing_once)
{
    parse_text(f, "a \"x\\q\" 1\nb = = 2\n");
    assert_int_equal(f->diag.errors, 2);
    assert_int_equal(count_diags(&f->diag, DIAG_ERROR), 2);
    const Diagnostic *lexical = find_diag(&f->diag, DIAG_ERROR, "unknown escape");
    const Diagnostic *syntax = find_diag(&f->diag, DIAG_ERROR, "unexpected '='");
    assert_non_null(lexical);
    assert_non_null(syntax);
    uint32_t line, col;
    diag_line_col(syntax, &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 5);
    /* the text is left as read, after two parses */
    assert_string_equal(f->src->text, "a \"x\\q\" 1\nb = = 2\n");
}

TEST(empty_blocks)
{
    const Item *items = parse_text(f, "a { }\nb { ... }\n");
    assert_no_errors(f);
    assert_int_equal(item_count(items), 2);
    assert_int_equal(arg_count(items), 0);
    assert_int_equal(block_count(items), 1);
    assert_null(items->blocks->items);
    assert_false(items->blocks->partial);
    assert_true(item_at(items, 1)->blocks->partial);
}

TEST(ellipsis_only_at_the_end_of_a_block)
{
    parse_text(f, "x 3 { a 1 ... b 2 }\n");
    assert_true(f->diag.errors >= 1);
}

TEST(nested_units)
{
    const Item *it = parse_text(f, "district \"A\" {\n  commune \"B\" { invited 10 }\n  commune \"C\" { }\n}");
    assert_no_errors(f);
    assert_int_equal(item_count(it), 1);
    assert_int_equal(arg_at(it, 0)->kind, ATOM_STRING);
    assert_string_equal(item_names(f, it->blocks->items), "commune commune");
    const Item *b = it->blocks->items;
    assert_memory_equal(atom_str(arg_at(b, 0)).ptr, "B", 2);
    assert_string_equal(b->blocks->items->name->text, "invited");
}

TEST(argument_kinds)
{
    const Item *items = parse_text(f, "period 2020-01-01 .. 2020-12-31\n"
                                      "holiday 2024-02-08 .. 2024-02-14 \"T\xe1\xba\xbft\"\n"
                                      "document plan \"181-KH\" 05.01.2024\n"
                                      "status resolved 2020-12-20 \"ok\"\n"
                                      "dialogue ? \"t\" { }\n");
    assert_no_errors(f);
    assert_int_equal(item_count(items), 5);
    const Item *period = item_at(items, 0);
    assert_int_equal(arg_count(period), 3);
    assert_int_equal(arg_at(period, 0)->kind, ATOM_DATE);
    assert_int_equal(arg_at(period, 1)->kind, ATOM_RANGE);
    assert_int_equal(arg_at(period, 2)->kind, ATOM_DATE);
    assert_int_equal(arg_at(period, 2)->as.date.month, 12);
    const Item *holiday = item_at(items, 1);
    assert_int_equal(arg_count(holiday), 4);
    assert_int_equal(arg_at(holiday, 3)->kind, ATOM_STRING);
    const Item *doc = item_at(items, 2);
    assert_int_equal(arg_count(doc), 3);
    assert_int_equal(arg_at(doc, 0)->kind, ATOM_NAME);
    assert_string_equal(arg_at(doc, 0)->as.name->text, "plan");
    assert_int_equal(arg_at(doc, 1)->kind, ATOM_STRING);
    assert_int_equal(arg_at(doc, 2)->kind, ATOM_DATE);
    assert_int_equal(arg_at(doc, 2)->as.date.day, 5);
    const Item *status = item_at(items, 3);
    assert_int_equal(arg_count(status), 3);
    assert_int_equal(arg_at(status, 0)->kind, ATOM_NAME);
    const Item *dialogue = item_at(items, 4);
    assert_int_equal(arg_at(dialogue, 0)->kind, ATOM_UNKNOWN);
    assert_int_equal(arg_at(dialogue, 1)->kind, ATOM_STRING);
}

TEST(a_bare_name_only_comes_first)
{
    /* "kind periodic scope commune": a name is an argument only right after
     * the item's own name, so this is two items of one argument each */
    const Item *items = parse_text(f, "kind periodic scope commune");
    assert_no_errors(f);
    assert_string_equal(item_names(f, items), "kind scope");
    assert_int_equal(arg_count(items), 1);
    assert_string_equal(arg_at(items, 0)->as.name->text, "periodic");
    assert_string_equal(arg_at(item_at(items, 1), 0)->as.name->text, "commune");
}

TEST(indicator_item)
{
    const Item *it = parse_text(f, "indicator r \"T\" = percent(opinions.resolved, opinions) { reported 99.72% }");
    assert_no_errors(f);
    assert_string_equal(it->name->text, "indicator");
    assert_int_equal(arg_count(it), 2);
    assert_int_equal(arg_at(it, 0)->kind, ATOM_NAME);
    assert_int_equal(arg_at(it, 1)->kind, ATOM_STRING);
    assert_int_equal(it->binding, '=');
    assert_int_equal(it->expr->kind, EXPR_CALL);
    assert_int_equal(block_count(it), 1);
    assert_string_equal(it->blocks->items->name->text, "reported");
    assert_int_equal(arg_at(it->blocks->items, 0)->kind, ATOM_PERCENT);
}

TEST(rule_item)
{
    const Item *it = parse_text(f, "rule r \"T\" {\n  each commune\n  require: dialogues >= 2 * years()\n}");
    assert_no_errors(f);
    assert_int_equal(it->binding, 0);
    const Item *each = it->blocks->items, *require = each->next;
    assert_string_equal(each->name->text, "each");
    assert_string_equal(require->name->text, "require");
    assert_int_equal(require->binding, ':');
    assert_int_equal(arg_count(require), 0);
    assert_string_equal(sexpr(&f->arena, require->expr), "(>= dialogues (* 2 (years)))");
}

/* ---- expressions --------------------------------------------------------------------- */

TEST(precedence_of_arithmetic)
{
    assert_string_equal(parse_expr(f, "a + b * c"), "(+ a (* b c))");
    assert_string_equal(parse_expr(f, "a * b + c"), "(+ (* a b) c)");
    assert_string_equal(parse_expr(f, "(a + b) * c"), "(* (+ a b) c)");
    assert_string_equal(parse_expr(f, "a - b - c"), "(- (- a b) c)");
    assert_string_equal(parse_expr(f, "a / b * c"), "(* (/ a b) c)");
    assert_string_equal(parse_expr(f, "-a * b"), "(* (neg a) b)");
    assert_string_equal(parse_expr(f, "a - -b"), "(- a (neg b))");
}

TEST(precedence_of_logic)
{
    assert_string_equal(parse_expr(f, "not a and b"), "(and (not a) b)");
    assert_string_equal(parse_expr(f, "a or b and c"), "(or a (and b c))");
    assert_string_equal(parse_expr(f, "a and b or c"), "(or (and a b) c)");
    assert_string_equal(parse_expr(f, "not not a"), "(not (not a))");
    /* not_expr = "not" not_expr | comparison: not applies to the comparison */
    assert_string_equal(parse_expr(f, "not a == b"), "(not (== a b))");
}

TEST(comparisons)
{
    assert_string_equal(parse_expr(f, "a + 1 >= b * 2"), "(>= (+ a 1) (* b 2))");
    assert_string_equal(parse_expr(f, "a < b and c != d"), "(and (< a b) (!= c d))");
    assert_string_equal(parse_expr(f, "a <= b"), "(<= a b)");
    assert_string_equal(parse_expr(f, "a > b"), "(> a b)");
    assert_string_equal(parse_expr(f, "a == b"), "(== a b)");
}

TEST(comparisons_do_not_chain)
{
    parse_text(f, "x = a == b == c\n");
    assert_int_equal(f->diag.errors, 1);
    const Diagnostic *g = f->diag.first;
    uint32_t line, col;
    diag_line_col(g, &line, &col);
    /* x = a == b == c: the second '==' is at column 12 */
    assert_int_equal(line, 1);
    assert_int_equal(col, 12);
}

TEST(calls)
{
    const Item *it = parse_text(f, "x = years()\ny = percent(a, b)\n");
    assert_no_errors(f);
    const Expr *e = it->expr;
    assert_int_equal(e->kind, EXPR_CALL);
    assert_string_equal(e->as.call.fn->text, "years");
    assert_int_equal(e->as.call.nargs, 0);
    assert_null(e->as.call.args);
    e = it->next->expr;
    assert_int_equal(e->kind, EXPR_CALL);
    assert_string_equal(e->as.call.fn->text, "percent");
    assert_int_equal(e->as.call.nargs, 2);
    assert_int_equal(e->as.call.args->kind, EXPR_PATH);
    assert_string_equal(e->as.call.args->as.path->name->text, "a");
    assert_string_equal(e->as.call.args->next->as.path->name->text, "b");
    assert_null(e->as.call.args->next->next);
    assert_string_equal(parse_expr(f, "f(a, g(b), 3)"), "(f a (g b) 3)");
    assert_string_equal(parse_expr(f, "share(commune, dialogues >= 1)"), "(share commune (>= dialogues 1))");
}

TEST(paths)
{
    const Item *it = parse_text(f, "x = opinions.resolved\n");
    assert_no_errors(f);
    const Expr *e = it->expr;
    assert_int_equal(e->kind, EXPR_PATH);
    const PathPart *p = e->as.path;
    assert_string_equal(p->name->text, "opinions");
    assert_non_null(p->next);
    assert_string_equal(p->next->name->text, "resolved");
    assert_null(p->next->next);
    /* x = opinions.resolved: "resolved" starts at byte 13 */
    assert_int_equal(p->next->span.start, 13);
    assert_int_equal(e->span.start, 4);
    assert_int_equal(e->span.end, 21);
    assert_string_equal(parse_expr(f, "conclusion.date - date"), "(- conclusion.date date)");
}

TEST(literals_in_expressions)
{
    assert_string_equal(parse_expr(f, "99.72%"), "9972/2%");
    assert_string_equal(parse_expr(f, "2024-06-14"), "@2024-06-14");
    assert_string_equal(parse_expr(f, "\"s\""), "\"s\"");
    assert_string_equal(parse_expr(f, "?"), "?");
    assert_string_equal(parse_expr(f, "48.686.352\xc4\x91"), "48686352d");
    assert_string_equal(parse_expr(f, "15_590"), "15590");
}

/* ---- syntax errors -------------------------------------------------------------------- */

TEST(a_name_alone_is_a_syntax_error)
{
    parse_text(f, "foo");
    assert_int_equal(f->diag.errors, 1);
    assert_non_null(find_diag(&f->diag, DIAG_ERROR, "'foo'"));
}

TEST(a_name_alone_before_a_block_end)
{
    /* "x { a 1 b }": b has nothing */
    parse_text(f, "x { a 1 b }\ny 2\n");
    assert_int_equal(f->diag.errors, 1);
}

TEST(unclosed_brace)
{
    parse_text(f, "a {\n  b 1\n");
    assert_int_equal(f->diag.errors, 1);
    const Diagnostic *err = find_diag(&f->diag, DIAG_ERROR, "not closed");
    assert_non_null(err);
    /* the note comes right after its error and points at the '{': 1:3 */
    const Diagnostic *note = err->next;
    assert_non_null(note);
    assert_int_equal(note->severity, DIAG_NOTE);
    uint32_t line, col;
    diag_line_col(note, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 3);
    assert_int_equal(note->span.end - note->span.start, 1);
    assert_int_equal(f->src->text[note->span.start], '{');
}

TEST(unclosed_parenthesis)
{
    /* i "t" = (a + b -- the '(' is at column 9 */
    parse_text(f, "i \"t\" = (a + b\n");
    assert_int_equal(f->diag.errors, 1);
    const Diagnostic *note = find_diag(&f->diag, DIAG_NOTE, "')'");
    assert_non_null(note);
    uint32_t line, col;
    diag_line_col(note, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 9);
}

TEST(stray_closing_brace)
{
    const Item *items = parse_text(f, "a 1\n}\nb 2\n");
    assert_int_equal(f->diag.errors, 1);
    const Diagnostic *g = find_diag(&f->diag, DIAG_ERROR, "'}'");
    assert_non_null(g);
    uint32_t line, col;
    diag_line_col(g, &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 1);
    /* neither the item before nor the one after is lost */
    assert_string_equal(item_names(f, items), "a b");
}

/* "x {" n times, "y 1", then n '}' */
static const char *nested(Fixture *f, unsigned depth, const char *open, const char *inner, const char *close)
{
    size_t lo = strlen(open), li = strlen(inner), lc = strlen(close);
    size_t n = depth * (lo + lc) + li;
    char *s = arena_alloc(&f->arena, n + 1);
    assert_non_null(s);
    char *p = s;
    for (unsigned i = 0; i < depth; i++, p += lo)
        memcpy(p, open, lo);
    memcpy(p, inner, li);
    p += li;
    for (unsigned i = 0; i < depth; i++, p += lc)
        memcpy(p, close, lc);
    *p = '\0';
    return s;
}

TEST(nesting_64_levels_is_allowed)
{
    parse_text(f, nested(f, PARSE_MAX_DEPTH, "x {", "y 1", "}"));
    assert_no_errors(f);
    /* parentheses: inside the binding of an item */
    parse_text(f, arena_printf(&f->arena, "i = %s", nested(f, PARSE_MAX_DEPTH, "(", "1", ")")));
    assert_no_errors(f);
}

TEST(nesting_65_levels_is_one_error)
{
    parse_text(f, nested(f, PARSE_MAX_DEPTH + 1, "x {", "y 1", "}"));
    assert_int_equal(f->diag.errors, 1);
    const Diagnostic *g = find_diag(&f->diag, DIAG_ERROR, "64");
    assert_non_null(g);
    /* the 65th '{' is at byte 64 * 3 + 2 = 194: column 195 */
    uint32_t line, col;
    diag_line_col(g, &line, &col);
    assert_int_equal(col, 195);
}

TEST(nesting_65_parentheses_is_one_error)
{
    parse_text(f, arena_printf(&f->arena, "i = %s", nested(f, PARSE_MAX_DEPTH + 1, "(", "1", ")")));
    assert_int_equal(f->diag.errors, 1);
    assert_non_null(find_diag(&f->diag, DIAG_ERROR, "nest"));
}

TEST(very_deep_nesting_does_not_crash)
{
    parse_text(f, nested(f, 100000, "x {", "y 1", "}"));
    assert_int_equal(f->diag.errors, 1);
}

TEST(several_syntax_errors_are_reported)
{
    /* two bad lines (2 and 5) separated by good ones */
    const Item *items = parse_text(f, "a 1\n"
                                      "b = = 2\n"
                                      "c 3\n"
                                      "d 4\n"
                                      "e 5 )\n"
                                      "g 6\n");
    assert_int_equal(f->diag.errors, 2);
    const Diagnostic *first = f->diag.first, *second = first->next;
    assert_non_null(second);
    uint32_t line, col;
    diag_line_col(first, &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 5);          /* the second '=' */
    diag_line_col(second, &line, &col);
    assert_int_equal(line, 5);
    assert_int_equal(col, 5);          /* the ')' */
    /* the good items on either side are all kept */
    const char *names = item_names(f, items);
    assert_non_null(strstr(names, "a"));
    assert_non_null(strstr(names, "c d"));
    assert_non_null(strstr(names, "g"));
}

TEST(errors_inside_blocks_are_recovered)
{
    const Item *items = parse_text(f, "x 3 {\n  a = = 1\n  b 2\n  c 1\n}\ny {\n  d 1 )\n  e 2\n  g 3\n}\nz 9\n");
    assert_int_equal(f->diag.errors, 2);
    assert_string_equal(item_names(f, items), "x y z");
}

TEST(error_limit)
{
    /* 60 lines with a lexical error each: 50 errors, then a note, then stop */
    const char *text = "";
    for (int i = 0; i < 60; i++)
        text = arena_printf(&f->arena, "%sx%d 1.5\n", text, i);
    parse_text(f, text);
    assert_int_equal(f->diag.errors, DIAG_MAX_ERRORS);
    assert_true(diag_full(&f->diag));
    /* the closing note is added, last, when the list is put in order */
    diag_sort(&f->diag);
    assert_int_equal(f->diag.last->severity, DIAG_NOTE);
    assert_non_null(strstr(f->diag.last->message, "too many errors"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(item_with_breakdown),
        FIXTURE_TEST(two_breakdowns_and_a_partial_one),
        FIXTURE_TEST(a_file_parsed_again_says_each_thing_once),
        FIXTURE_TEST(empty_blocks),
        FIXTURE_TEST(ellipsis_only_at_the_end_of_a_block),
        FIXTURE_TEST(nested_units),
        FIXTURE_TEST(argument_kinds),
        FIXTURE_TEST(a_bare_name_only_comes_first),
        FIXTURE_TEST(indicator_item),
        FIXTURE_TEST(rule_item),
        FIXTURE_TEST(precedence_of_arithmetic),
        FIXTURE_TEST(precedence_of_logic),
        FIXTURE_TEST(comparisons),
        FIXTURE_TEST(comparisons_do_not_chain),
        FIXTURE_TEST(calls),
        FIXTURE_TEST(paths),
        FIXTURE_TEST(literals_in_expressions),
        FIXTURE_TEST(a_name_alone_is_a_syntax_error),
        FIXTURE_TEST(a_name_alone_before_a_block_end),
        FIXTURE_TEST(unclosed_brace),
        FIXTURE_TEST(unclosed_parenthesis),
        FIXTURE_TEST(stray_closing_brace),
        FIXTURE_TEST(nesting_64_levels_is_allowed),
        FIXTURE_TEST(nesting_65_levels_is_one_error),
        FIXTURE_TEST(nesting_65_parentheses_is_one_error),
        FIXTURE_TEST(very_deep_nesting_does_not_crash),
        FIXTURE_TEST(several_syntax_errors_are_reported),
        FIXTURE_TEST(errors_inside_blocks_are_recovered),
        FIXTURE_TEST(error_limit),
    };
    return cmocka_run_group_tests_name("parser", tests, NULL, NULL);
}
