/* parser.y - the grammar of .dlg files (spec §3). Rule names follow the
 * spec's EBNF. Every action is one call to an AST constructor, and may hand
 * what it made to the sink (parse.h); what an item means is decided later
 * (model.c). Semantic values live in the run's arena, so values dropped
 * during error recovery need no %destructor. */

%require "3.8"
%define api.pure full
%define api.location.type {Span}
%define parse.error custom
%define parse.lac full
%locations
%expect 0
%param {yyscan_t scanner}
%parse-param {ParseState *ps}

%code requires {
#include "scan.h"
#ifndef YY_TYPEDEF_YY_SCANNER_T
#define YY_TYPEDEF_YY_SCANNER_T
typedef void *yyscan_t;
#endif
}

%code {
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "utf8.h"

int yylex(YYSTYPE *lval, YYLTYPE *lloc, yyscan_t scanner);
ParseState *yyget_extra(yyscan_t scanner);

/* The scanner is asked for no more tokens once parsing must stop (nesting
 * too deep, too many errors, out of memory): end of input ends it cleanly. */
static int next_token(YYSTYPE *lval, YYLTYPE *lloc, yyscan_t scanner, ParseState *ps)
{
    if (ps->stop || diag_full(ps->diag)) {
        /* with a sink, say whether input was left unread (parse.h): the
         * next token tells, and with the errors full it can say nothing */
        if (ps->sink && !ps->stop && !ps->cut && !ps->diag->out_of_memory)
            ps->cut = yylex(lval, lloc, scanner) != END;
        return END;
    }
    ps->prev_token = ps->token;
    ps->prev_span = ps->span;
    ps->token = yylex(lval, lloc, scanner);
    ps->span = *lloc;
    /* prefix operators wait on the parser's stack until their operand
     * comes: a run of more than the expression limit is refused here,
     * before it can exhaust the stack (spec §2.7) */
    ps->prefix_run = ps->token == '-' || ps->token == NOT ? ps->prefix_run + 1 : 0;
    if (ps->prefix_run == 1)
        ps->prefix_start = lloc->start;
    if (ps->prefix_run > AST_MAX_EXPR_DEPTH) {
        uint32_t at = ps->prefix_start;     /* the run's first operator, as for other operators */
        diag_error(ps->diag, ps->src, ((Span){ at, at + 1 }), "this expression has more than %d levels of operators: split it into "
                   "indicators", AST_MAX_EXPR_DEPTH);
        ps->stop = ps->limit = true;
        return END;
    }
    return ps->token;
}
/* yyparse's own ps (its parse-param), not yyget_extra's: a call less per token */
#define yylex(lval, lloc, scanner) next_token(lval, lloc, scanner, ps)
static void yyerror(YYLTYPE *loc, yyscan_t scanner, ParseState *ps, const char *msg);
static void stray_brace(ParseState *ps, Span at);
static void take_item(ParseState *ps, Item **list, Item *it);
static Atom *open_item(ParseState *ps, Symbol *name, Span name_span, Atom *args, Span args_span);
static bool give_inner(ParseState *ps, Item *it);
static Block *give_block(ParseState *ps, Block *blk);
static bool shallow(ParseState *ps, const Expr *e);

#define YYLLOC_DEFAULT(Cur, Rhs, N)                                           \
    do {                                                                      \
        if (N) {                                                              \
            (Cur).start = YYRHSLOC(Rhs, 1).start;                             \
            (Cur).end = YYRHSLOC(Rhs, N).end;                                 \
        } else {                                                              \
            (Cur).start = (Cur).end = YYRHSLOC(Rhs, 0).end;                   \
        }                                                                     \
    } while (0)

/* Out of memory in an action: stop parsing, report once. */
#define NEED(x) do { if (!(x)) { ps->stop = true; YYNOMEM; } } while (0)

/* A list being parsed is its last node, whose `next` is the first: one
 * pointer, so that every semantic value is 8 bytes. (Bison copies the
 * value of each reduction after its action has stored it: a value of 16
 * bytes read back just after 8 of them were written cannot be forwarded
 * from the store, and each reduction waited for it.) first_item() and
 * its kind (LIST_FIRST) give the first node and end the list, once, where
 * it is used. */
#define APPEND(list, node)                                                    \
    do {                                                                      \
        if (node) {                                                           \
            (node)->next = (list) ? (list)->next : (node);                    \
            if (list) (list)->next = (node);                                  \
            (list) = (node);                                                  \
        }                                                                     \
    } while (0)
#define LIST_FIRST(T, name)                                                   \
    static T *name(T *last)                                                   \
    {                                                                         \
        if (!last)                                                            \
            return NULL;                                                      \
        T *first = last->next;                                                \
        last->next = NULL;                                                    \
        return first;                                                         \
    }
LIST_FIRST(Item, first_item)
LIST_FIRST(Atom, first_atom)
LIST_FIRST(Block, first_block)
LIST_FIRST(Expr, first_expr)
LIST_FIRST(PathPart, first_part)
}

%union {
    Symbol *sym;
    StrToken *str;
    int64_t count;
    Decimal *pct;
    Date date;
    Atom *atom;
    Atom *atoms;            /* lists: the last node (APPEND) */
    Item *item;
    Item *items;
    Block *block;
    Block *blocks;
    Expr *expr;
    Expr *exprs;
    PathPart *path;
    char binding;
}

%token END 0            "end of file"
%token <sym> NAME       "name"
%token <str> STRING     "string"
%token <count> COUNT    "number"
%token <count> MONEY    "amount of money"
%token <pct> PERCENT    "percentage"
%token <date> DATE      "date"
%token DOTDOT           "'..'"
%token ELLIPSIS         "'...'"
%token EQ               "'=='"
%token NE               "'!='"
%token LE               "'<='"
%token GE               "'>='"
%token AND              "'and'"
%token OR               "'or'"
%token NOT              "'not'"

%type <items> items top_items
%type <item> item
%type <atoms> args
%type <atom> atom
%type <blocks> blocks
%type <block> block
%type <expr> expr primary binding_expr
%type <exprs> expr_list
%type <path> path
%type <binding> binding

%left OR
%left AND
%precedence NOT
%nonassoc EQ NE '<' LE '>' GE
%left '+' '-'
%left '*' '/'
%precedence UMINUS

%%

file
    : top_items                 { ps->items = first_item($1); }
    ;

/* The top level is `items` plus one recovery: a '}' that closes nothing.
 * Naming it keeps the item before it (plain error recovery would pop it). */
top_items
    : %empty                    { $$ = NULL; }
    | top_items item            { $$ = $1; take_item(ps, &$$, $2); }
    | top_items error           { $$ = $1; }
    | top_items '}'             { $$ = $1; stray_brace(ps, @2); }
    ;

items
    : %empty                    { $$ = NULL; }
    | items item                { $$ = $1; if (!give_inner(ps, $2)) APPEND($$, $2); }
    | items error               { $$ = $1; }
    ;

item
    : NAME args                 { NEED($$ = ast_item(ps->syntax, $1, @1, first_atom($2), 0, NULL, NULL, @$)); }
    | NAME args <atom>{ $$ = open_item(ps, $1, @1, $2, @2); } blocks
                                { bool opened = ps->opened && ps->level == 0;
                                  NEED($$ = ast_item(ps->syntax, $1, @1, opened ? NULL : $3, 0, NULL,
                                                     opened ? NULL : first_block($4), @$));
                                  $$->opened = opened;
                                  ps->opened &= !opened; }
    | NAME args binding binding_expr
                                { NEED($$ = ast_item(ps->syntax, $1, @1, first_atom($2), $3, $4, NULL, @$)); }
    | NAME args binding binding_expr blocks
                                { NEED($$ = ast_item(ps->syntax, $1, @1, first_atom($2), $3, $4, first_block($5), @$)); }
    | NAME binding binding_expr { NEED($$ = ast_item(ps->syntax, $1, @1, NULL, $2, $3, NULL, @$)); }
    | NAME binding binding_expr blocks
                                { NEED($$ = ast_item(ps->syntax, $1, @1, NULL, $2, $3, first_block($4), @$)); }
    | NAME blocks               { NEED($$ = ast_item(ps->syntax, $1, @1, NULL, 0, NULL, first_block($2), @$)); }
    ;

/* The first argument may be a name; the others may not. (One rule each,
 * not a rule for the first: a reduction fewer for every item.) */
args
    : NAME                      { Atom *a; NEED(a = ast_atom(ps->syntax, ATOM_NAME, @1)); a->as.name = $1;
                                  $$ = NULL; APPEND($$, a); }
    | atom                      { $$ = NULL; APPEND($$, $1); }
    | args atom                 { $$ = $1; APPEND($$, $2); }
    ;

atom
    : STRING                    { NEED($$ = ast_atom(ps->syntax, ATOM_STRING, @1)); $$->as.text = $1->text; $$->aux = $1->len; }
    | COUNT                     { NEED($$ = ast_atom(ps->syntax, ATOM_COUNT, @1)); $$->as.count = $1; }
    | '-' COUNT                 { NEED($$ = ast_atom(ps->syntax, ATOM_COUNT, @$)); $$->as.count = -$2; }
    | '-' PERCENT               { NEED($$ = ast_atom(ps->syntax, ATOM_PERCENT, @$)); $$->as.mantissa = -$2->mantissa;
                                  $$->aux = $2->decimals; }
    | MONEY                     { NEED($$ = ast_atom(ps->syntax, ATOM_MONEY, @1)); $$->as.count = $1; }
    | PERCENT                   { NEED($$ = ast_atom(ps->syntax, ATOM_PERCENT, @1)); $$->as.mantissa = $1->mantissa;
                                  $$->aux = $1->decimals; }
    | DATE                      { NEED($$ = ast_atom(ps->syntax, ATOM_DATE, @1)); $$->as.date = $1; }
    | '?'                       { NEED($$ = ast_atom(ps->syntax, ATOM_UNKNOWN, @1)); }
    | '~' COUNT                 { NEED($$ = ast_atom(ps->syntax, ATOM_APPROX, @$)); $$->as.count = $2; }
    | DOTDOT                    { NEED($$ = ast_atom(ps->syntax, ATOM_RANGE, @1)); }
    ;

binding
    : '='                       { $$ = '='; }
    | ':'                       { $$ = ':'; }
    ;

binding_expr
    : expr                      { $$ = $1; if (!shallow(ps, $1)) YYABORT; }
    ;

blocks
    : block                     { $$ = NULL; APPEND($$, $1); }
    | blocks block              { $$ = $1; APPEND($$, $2); }
    ;

block
    : block_open items '}'      { ps->level--; NEED($$ = ast_block(ps->syntax, first_item($2), false, @3, @$));
                                  $$ = give_block(ps, $$); }
    | block_open items ELLIPSIS '}'
                                { ps->level--; NEED($$ = ast_block(ps->syntax, first_item($2), true, @3, @$));
                                  $$ = give_block(ps, $$); }
    ;

block_open
    : '{'                       { ps->level++; }
    ;

expr
    : expr OR expr              { NEED($$ = ast_binary(ps->arena, OP_OR, $1, $3)); }
    | expr AND expr             { NEED($$ = ast_binary(ps->arena, OP_AND, $1, $3)); }
    | NOT expr                  { NEED($$ = ast_unary(ps->arena, OP_NOT, $2, @1)); }
    | expr EQ expr              { NEED($$ = ast_binary(ps->arena, OP_EQ, $1, $3)); }
    | expr NE expr              { NEED($$ = ast_binary(ps->arena, OP_NE, $1, $3)); }
    | expr '<' expr             { NEED($$ = ast_binary(ps->arena, OP_LT, $1, $3)); }
    | expr LE expr              { NEED($$ = ast_binary(ps->arena, OP_LE, $1, $3)); }
    | expr '>' expr             { NEED($$ = ast_binary(ps->arena, OP_GT, $1, $3)); }
    | expr GE expr              { NEED($$ = ast_binary(ps->arena, OP_GE, $1, $3)); }
    | expr '+' expr             { NEED($$ = ast_binary(ps->arena, OP_ADD, $1, $3)); }
    | expr '-' expr             { NEED($$ = ast_binary(ps->arena, OP_SUB, $1, $3)); }
    | expr '*' expr             { NEED($$ = ast_binary(ps->arena, OP_MUL, $1, $3)); }
    | expr '/' expr             { NEED($$ = ast_binary(ps->arena, OP_DIV, $1, $3)); }
    | '-' expr %prec UMINUS     { NEED($$ = ast_unary(ps->arena, OP_NEG, $2, @1)); }
    | primary
    ;

primary
    : COUNT                     { NEED($$ = ast_expr(ps->arena, EXPR_NUMBER, @1)); $$->as.number = $1; }
    | MONEY                     { NEED($$ = ast_expr(ps->arena, EXPR_MONEY, @1)); $$->as.number = $1; }
    | PERCENT                   { NEED($$ = ast_expr(ps->arena, EXPR_PERCENT, @1)); $$->as.percent = *$1; }
    | DATE                      { NEED($$ = ast_expr(ps->arena, EXPR_DATE, @1)); $$->as.date = $1; }
    | STRING                    { NEED($$ = ast_expr(ps->arena, EXPR_STRING, @1));
                                  NEED(($$->as.str = str_keep(ps->arena, (Str){ $1->text, $1->len })).ptr); }
    | '?'                       { NEED($$ = ast_expr(ps->arena, EXPR_UNKNOWN, @1)); }
    | path                      { NEED($$ = ast_expr(ps->arena, EXPR_PATH, @1)); $$->as.path = first_part($1); }
    | NAME '(' ')'              { NEED($$ = ast_call(ps->arena, $1, @1, NULL, @$)); }
    | NAME '(' expr_list ')'    { NEED($$ = ast_call(ps->arena, $1, @1, first_expr($3), @$)); }
    | '(' expr ')'              { $$ = $2; $$->span = @$; }   /* the text shown keeps its brackets */
    ;

path
    : NAME                      { PathPart *p; NEED(p = ast_path_part(ps->arena, $1, @1)); $$ = NULL; APPEND($$, p); }
    | path '.' NAME             { PathPart *p; NEED(p = ast_path_part(ps->arena, $3, @3)); $$ = $1; APPEND($$, p); }
    ;

expr_list
    : expr                      { $$ = NULL; APPEND($$, $1); }
    | expr_list ',' expr        { $$ = $1; APPEND($$, $3); }
    ;

%%

/* How a token is named in "expected ..." lists. */
static const char *describe(yysymbol_kind_t k)
{
    switch (k) {
    /* TRANSLATORS: what a syntax error expects, "unexpected '='; expected end of file, a name or '}'" */
    case YYSYMBOL_YYEOF: return _("end of file");
    case YYSYMBOL_NAME: return _("a name");
    case YYSYMBOL_STRING: return _("a string");
    case YYSYMBOL_COUNT: return _("a number");
    case YYSYMBOL_MONEY: return _("an amount");
    case YYSYMBOL_PERCENT: return _("a percentage");
    case YYSYMBOL_DATE: return _("a date");
    default: return yysymbol_name(k);
    }
}

static int yyreport_syntax_error(const yypcontext_t *ctx, yyscan_t scanner, ParseState *ps)
{
    (void)scanner;
    if (ps->stop)
        return 0;                       /* the scanner has said why already */
    if (ps->fast) {
        /* without LAC the expected tokens may be wrong: stop, and let
         * parse.c parse the file again with LAC for the message */
        ps->again = ps->stop = true;
        return 0;
    }
    Span at = *yypcontext_location(ctx);
    yysymbol_kind_t tok = yypcontext_token(ctx);
    char got[96];
    if (tok == YYSYMBOL_YYEOF) {
        snprintf(got, sizeof got, "%s", _("end of file"));
    } else {
        uint32_t n = at.end - at.start;
        const char *text = ps->src->text + at.start;
        uint32_t cut = (uint32_t)utf8_cut(text, n, SCAN_QUOTE_TOKEN);
        for (uint32_t i = 0; i < cut; i++)
            if (text[i] == '\n') { cut = i; break; }
        snprintf(got, sizeof got, "'%.*s'%s", (int)cut, text, cut < n ? "..." : "");
    }

    enum { MAX_EXPECTED = 6 };
    yysymbol_kind_t expected[MAX_EXPECTED];
    int n = yypcontext_expected_tokens(ctx, expected, MAX_EXPECTED);
    char list[256] = "";
    if (n > 0) {
        size_t len = 0;
        for (int i = 0; i < n; i++) {
            /* TRANSLATORS: the last separator of a list, "a, b or c" */
            const char *sep = i == 0 ? "" : i == n - 1 ? _(" or ") : ", ";
            int w = snprintf(list + len, sizeof list - len, "%s%s", sep, describe(expected[i]));
            if (w < 0 || (size_t)w >= sizeof list - len)
                break;
            len += (size_t)w;
        }
    }

    /* Right after the name that starts an item, the item cannot end yet:
     * '=' is expected but neither '}' nor the end of the file is. */
    yysymbol_kind_t all[YYNTOKENS];
    int nall = yypcontext_expected_tokens(ctx, all, YYNTOKENS);
    bool wants_binding = false, may_end = false;
    for (int i = 0; i < nall; i++) {
        const char *name = yysymbol_name(all[i]);
        wants_binding |= strcmp(name, "'='") == 0;
        may_end |= strcmp(name, "'}'") == 0 || all[i] == YYSYMBOL_YYEOF;
    }
    if (ps->prev_token == NAME && wants_binding && !may_end) {
        Span name = ps->prev_span;
        diag_error(ps->diag, ps->src, name,
                   "'%.*s' has no value: write its value after it (a number, a string, a date, "
                   "or '?' when the report does not give it)",
                   (int)(name.end - name.start), ps->src->text + name.start);
    } else if (tok == YYSYMBOL_YYEOF && ps->depth > 0) {
        uint32_t open = ps->open[ps->depth - 1];
        char c = ps->src->text[open];
        diag_error(ps->diag, ps->src, at, "unexpected end of file: a '%c' is not closed", c);
        diag_note(ps->diag, ps->src, ((Span){ open, open + 1 }),
                  "this '%c' needs a matching '%c'", c, c == '{' ? '}' : ')');
    } else if (n > 0) {
        diag_error(ps->diag, ps->src, at, "unexpected %s; expected %s", got, list);
    } else {
        diag_error(ps->diag, ps->src, at, "unexpected %s", got);
    }
    return 0;
}

/* The evaluator recurses over expressions: refuse ones too deep for it. */
static bool shallow(ParseState *ps, const Expr *e)
{
    if (e->depth <= AST_MAX_EXPR_DEPTH)
        return true;
    diag_error(ps->diag, ps->src, ((Span){ e->span.start, e->span.start + 1 }),
               "this expression has more than %d levels of operators: split it into indicators",
               AST_MAX_EXPR_DEPTH);
    ps->stop = ps->limit = true;
    return false;
}

/* A top-level item: onto the file's list, or to the sink (parse.h), which
 * may end the parse. */
static void take_item(ParseState *ps, Item **list, Item *it)
{
    if (!it)
        return;
    if (!ps->sink) {
        APPEND(*list, it);
        return;
    }
    if (!ps->stop && !ps->sink->item(ps->sink->ctx, it))
        ps->stop = true;
}

/* The arguments of an item NAME ARGS { ...: the list ended, and the item
 * offered to the sink when it stands at the top level (parse.h). */
static Atom *open_item(ParseState *ps, Symbol *name, Span name_span, Atom *args, Span args_span)
{
    Atom *first = first_atom(args);
    if (ps->level == 0 && ps->sink && ps->sink->open && !ps->stop) {
        Item head = { .name = name, .args = first, .span = { name_span.start, args_span.end },
                      .name_end = name_span.end };
        ps->opened = ps->sink->open(ps->sink->ctx, &head);
    }
    return first;
}

/* An item of an opened item's block, to the sink: true when it took it. */
static bool give_inner(ParseState *ps, Item *it)
{
    if (!ps->opened || ps->level != 1 || !it)
        return false;
    if (!ps->stop && !ps->sink->inner(ps->sink->ctx, it))
        ps->stop = true;
    return true;
}

/* A block just parsed: to the sink when it is an opened item's (and no
 * longer the parser's: NULL), else back. */
static Block *give_block(ParseState *ps, Block *blk)
{
    if (!ps->opened || ps->level != 0)
        return blk;
    if (!ps->stop)
        ps->sink->block(ps->sink->ctx, blk);
    return NULL;
}

static void stray_brace(ParseState *ps, Span at)
{
    diag_error(ps->diag, ps->src, at, "this '}' closes no block: remove it, or look for a '}' too many above");
}

static void yyerror(YYLTYPE *loc, yyscan_t scanner, ParseState *ps, const char *msg)
{
    (void)scanner;
    /* Only "memory exhausted" reaches here; syntax errors are reported by
     * yyreport_syntax_error. */
    diag_error(ps->diag, ps->src, *loc, "%s", strcmp(msg, "memory exhausted") == 0
               ? _("out of memory, or the file nests too deeply") : msg);
}
