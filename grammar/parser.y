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

/* ---- the first parse: recursive descent ------------------------------------
 *
 * Every file is parsed first by the functions below, which take the grammar
 * above in the order bison's parser would, and make the same
 * calls (the same constructors, sink, scanner and diagnostics, in the same
 * order, each token read when that parser would read it), at a fraction of
 * its cost per token: a national report is tens of millions of tokens.
 * They know no error message: at a syntax error they stop and ask parse.c
 * to parse the file again with bison's parser and its lookahead correction,
 * which says what was expected (yyreport_syntax_error). It finds an error
 * where bison with LAC does, before an action could run that LAC would
 * not (shallow() after an expression). After a stop the two end alike: an
 * error outside every block keeps the items read before it, one inside a
 * block none (bison's recovery: `top_items error` accepts at the end of
 * input, `items error` cannot). tests/unit/test_descent.c and
 * tests/fuzz/fuzz_parse.c compare the two. */

typedef struct Descent {
    yyscan_t scanner;
    ParseState *ps;
    int tok;                    /* the lookahead, when `have` */
    bool have;
    YYSTYPE val;                /* its value */
    YYLTYPE loc;                /* where it is: bison's yylloc */
    Span last;                  /* the token taken last */
    bool failed;                /* stop: a syntax error, out of memory, a limit */
    bool abort;                 /* and keep no item (bison's YYABORT) */
} Descent;

enum { PREC_OR = 1, PREC_AND, PREC_NOT, PREC_CMP, PREC_ADD, PREC_MUL };

static Expr *d_expr(Descent *d, int min);
static Block *d_blocks(Descent *d);

static int d_peek(Descent *d)
{
    if (!d->have) {
        d->tok = next_token(&d->val, &d->loc, d->scanner, d->ps);
        d->have = true;
    }
    return d->tok;
}

static void d_take(Descent *d)
{
    d->last = d->loc;
    d->have = false;
}

/* A syntax error: what yyreport_syntax_error did for the parser without
 * LAC, then bison's recovery. */
static void d_error(Descent *d)
{
    if (!d->ps->stop)
        d->ps->again = d->ps->stop = true;
    d->failed = true;
    d->abort = d->ps->level > 0;
}

/* NEED(): out of memory, as bison's YYNOMEM says it. */
static bool d_need(Descent *d, const void *made)
{
    if (made)
        return true;
    d->ps->stop = true;
    yyerror(&d->loc, d->scanner, d->ps, "memory exhausted");
    d->failed = d->abort = true;
    return false;
}

static Span d_from(const Descent *d, uint32_t start) { return (Span){ start, d->last.end }; }

static bool d_atom_start(int t)
{
    return t == STRING || t == COUNT || t == '-' || t == MONEY || t == PERCENT || t == DATE || t == '?' ||
           t == '~' || t == DOTDOT;
}

/* atom, the lookahead its first token */
static Atom *d_atom(Descent *d)
{
    ParseState *ps = d->ps;
    int t = d_peek(d);
    Span at = d->loc;
    AtomKind kind;
    switch (t) {
    case STRING: kind = ATOM_STRING; break;
    case COUNT: kind = ATOM_COUNT; break;
    case MONEY: kind = ATOM_MONEY; break;
    case PERCENT: kind = ATOM_PERCENT; break;
    case DATE: kind = ATOM_DATE; break;
    case '?': kind = ATOM_UNKNOWN; break;
    case DOTDOT: kind = ATOM_RANGE; break;
    default: {                  /* '-' COUNT, '-' PERCENT, '~' COUNT */
        d_take(d);
        int u = d_peek(d);
        if (u != COUNT && (t == '~' || u != PERCENT)) {
            d_error(d);
            return NULL;
        }
        kind = t == '~' ? ATOM_APPROX : u == COUNT ? ATOM_COUNT : ATOM_PERCENT;
        at.end = d->loc.end;
        break;
    }
    }
    YYSTYPE v = d->val;
    d_take(d);
    Atom *a = ast_atom(ps->syntax, kind, at);
    if (!d_need(d, a))
        return NULL;
    bool negative = t == '-';
    switch (kind) {
    case ATOM_STRING: a->as.text = v.str->text; a->aux = v.str->len; break;
    case ATOM_COUNT: a->as.count = negative ? -v.count : v.count; break;
    case ATOM_APPROX: case ATOM_MONEY: a->as.count = v.count; break;
    case ATOM_PERCENT: a->as.mantissa = negative ? -v.pct->mantissa : v.pct->mantissa; a->aux = v.pct->decimals; break;
    case ATOM_DATE: a->as.date = v.date; break;
    default: break;
    }
    return a;
}

/* primary, the lookahead its first token */
static Expr *d_primary(Descent *d)
{
    ParseState *ps = d->ps;
    int t = d_peek(d);
    Span at = d->loc;
    YYSTYPE v = d->val;
    Expr *e = NULL;
    switch (t) {
    case COUNT: case MONEY:
        d_take(d);
        if (d_need(d, e = ast_expr(ps->arena, t == COUNT ? EXPR_NUMBER : EXPR_MONEY, at)))
            e->as.number = v.count;
        return e;
    case PERCENT:
        d_take(d);
        if (d_need(d, e = ast_expr(ps->arena, EXPR_PERCENT, at)))
            e->as.percent = *v.pct;
        return e;
    case DATE:
        d_take(d);
        if (d_need(d, e = ast_expr(ps->arena, EXPR_DATE, at)))
            e->as.date = v.date;
        return e;
    case STRING:
        d_take(d);
        if (!d_need(d, e = ast_expr(ps->arena, EXPR_STRING, at)) ||
            !d_need(d, (e->as.str = str_keep(ps->arena, (Str){ v.str->text, v.str->len })).ptr))
            return NULL;
        return e;
    case '?':
        d_take(d);
        d_need(d, e = ast_expr(ps->arena, EXPR_UNKNOWN, at));
        return e;
    case '(':
        d_take(d);
        if (!(e = d_expr(d, 0)))
            return NULL;
        if (d_peek(d) != ')') {
            d_error(d);
            return NULL;
        }
        d_take(d);
        e->span = d_from(d, at.start);      /* the text shown keeps its brackets */
        return e;
    case NAME:
        break;
    default:
        d_error(d);
        return NULL;
    }
    d_take(d);
    if (d_peek(d) == '(') {                 /* NAME '(' [expr_list] ')' */
        d_take(d);
        Expr *args = NULL;
        if (d_peek(d) != ')') {
            for (;;) {
                Expr *x = d_expr(d, 0);
                if (!x)
                    return NULL;
                APPEND(args, x);
                if (d_peek(d) != ',')
                    break;
                d_take(d);
            }
            if (d_peek(d) != ')') {
                d_error(d);
                return NULL;
            }
        }
        d_take(d);
        d_need(d, e = ast_call(ps->arena, v.sym, at, first_expr(args), d_from(d, at.start)));
        return e;
    }
    PathPart *path = NULL, *p;              /* NAME ('.' NAME)* */
    if (!d_need(d, p = ast_path_part(ps->arena, v.sym, at)))
        return NULL;
    APPEND(path, p);
    while (d_peek(d) == '.') {
        d_take(d);
        if (d_peek(d) != NAME) {
            d_error(d);
            return NULL;
        }
        Span part = d->loc;
        Symbol *name = d->val.sym;
        d_take(d);
        if (!d_need(d, p = ast_path_part(ps->arena, name, part)))
            return NULL;
        APPEND(path, p);
    }
    if (d_need(d, e = ast_expr(ps->arena, EXPR_PATH, d_from(d, at.start))))
        e->as.path = first_part(path);
    return e;
}

/* The operator at t and its precedence (the %left ... lines); 0: none. */
static int d_binary(int t, ExprOp *op)
{
    switch (t) {
    case OR: *op = OP_OR; return PREC_OR;
    case AND: *op = OP_AND; return PREC_AND;
    case EQ: *op = OP_EQ; return PREC_CMP;
    case NE: *op = OP_NE; return PREC_CMP;
    case '<': *op = OP_LT; return PREC_CMP;
    case LE: *op = OP_LE; return PREC_CMP;
    case '>': *op = OP_GT; return PREC_CMP;
    case GE: *op = OP_GE; return PREC_CMP;
    case '+': *op = OP_ADD; return PREC_ADD;
    case '-': *op = OP_SUB; return PREC_ADD;
    case '*': *op = OP_MUL; return PREC_MUL;
    case '/': *op = OP_DIV; return PREC_MUL;
    default: return 0;
    }
}

/* A prefix operator's operand: 'not' takes the operators above it, '-'
 * (UMINUS) none. */
static Expr *d_unary(Descent *d)
{
    int t = d_peek(d);
    if (t != NOT && t != '-')
        return d_primary(d);
    Span at = d->loc;
    d_take(d);
    Expr *operand = t == NOT ? d_expr(d, PREC_CMP) : d_unary(d), *e;
    if (!operand || !d_need(d, e = ast_unary(d->ps->arena, t == NOT ? OP_NOT : OP_NEG, operand, at)))
        return NULL;
    return e;
}

/* expr, of the operators of precedence `min` and above (precedence
 * climbing): left-associative, the comparisons not associative. */
static Expr *d_expr(Descent *d, int min)
{
    Expr *lhs = d_unary(d);
    ExprOp op, next;
    for (int prec; lhs && (prec = d_binary(d_peek(d), &op)) >= min && prec;) {
        d_take(d);
        Expr *rhs = d_expr(d, prec + 1);
        if (!rhs || !d_need(d, lhs = ast_binary(d->ps->arena, op, lhs, rhs)))
            return NULL;
        if (prec == PREC_CMP && d_binary(d_peek(d), &next) == PREC_CMP) {
            d_error(d);             /* %nonassoc: a < b < c */
            return NULL;
        }
    }
    return lhs;
}

/* item, the lookahead its NAME */
static Item *d_item(Descent *d)
{
    ParseState *ps = d->ps;
    Symbol *name = d->val.sym;
    Span name_span = d->loc;
    d_take(d);
    Atom *args = NULL;
    int t = d_peek(d);
    Item *it = NULL;
    if (t == NAME || d_atom_start(t)) {
        uint32_t args_start = d->loc.start;
        if (t == NAME) {                    /* the first argument may be a name */
            Atom *a;
            if (!d_need(d, a = ast_atom(ps->syntax, ATOM_NAME, d->loc)))
                return NULL;
            a->as.name = d->val.sym;
            d_take(d);
            APPEND(args, a);
        }
        while (d_atom_start(d_peek(d))) {
            Atom *a = d_atom(d);
            if (!a)
                return NULL;
            APPEND(args, a);
        }
        Span args_span = d_from(d, args_start);
        t = d_peek(d);
        if (t == '{') {                     /* NAME args { ... }: opened? */
            Atom *first = open_item(ps, name, name_span, args, args_span);
            Block *blocks = d_blocks(d);
            if (d->failed)
                return NULL;
            bool opened = ps->opened && ps->level == 0;
            if (!d_need(d, it = ast_item(ps->syntax, name, name_span, opened ? NULL : first, 0, NULL,
                                         opened ? NULL : first_block(blocks), d_from(d, name_span.start))))
                return NULL;
            it->opened = opened;
            ps->opened &= !opened;
            return it;
        }
        if (t != '=' && t != ':') {
            d_need(d, it = ast_item(ps->syntax, name, name_span, first_atom(args), 0, NULL, NULL,
                                    d_from(d, name_span.start)));
            return it;
        }
    } else if (t == '{') {                  /* NAME blocks */
        Block *blocks = d_blocks(d);
        if (d->failed)
            return NULL;
        d_need(d, it = ast_item(ps->syntax, name, name_span, NULL, 0, NULL, first_block(blocks),
                                d_from(d, name_span.start)));
        return it;
    } else if (t != '=' && t != ':') {
        d_error(d);                         /* a name alone is no item */
        return NULL;
    }
    char binding = (char)t;                 /* NAME [args] binding expr [blocks] */
    d_take(d);
    Expr *e = d_expr(d, 0);
    if (!e)
        return NULL;
    /* What may follow: blocks, or what may follow an item. Bison with
     * LAC finds an error here before it makes the item, so before
     * shallow() can stop the parse at a limit: the same here, or an
     * expression too deep would hide the syntax error after it. */
    t = d_peek(d);
    if (t != '{' && t != NAME && t != '}' && t != (ps->level ? ELLIPSIS : END)) {
        d_error(d);
        return NULL;
    }
    if (!shallow(ps, e)) {
        d->failed = d->abort = true;
        return NULL;
    }
    Block *blocks = NULL;
    if (d_peek(d) == '{' && (blocks = d_blocks(d), d->failed))
        return NULL;
    d_need(d, it = ast_item(ps->syntax, name, name_span, first_atom(args), binding, e, first_block(blocks),
                            d_from(d, name_span.start)));
    return it;
}

/* blocks, the lookahead its first '{' */
static Block *d_blocks(Descent *d)
{
    ParseState *ps = d->ps;
    Block *blocks = NULL;
    do {
        uint32_t start = d->loc.start;
        d_take(d);
        ps->level++;
        Item *items = NULL;
        int t;
        while ((t = d_peek(d)) == NAME) {
            Item *it = d_item(d);
            if (!it)
                return NULL;
            if (!give_inner(ps, it))
                APPEND(items, it);
        }
        bool partial = t == ELLIPSIS;
        Span end = d->loc;
        if (partial) {
            d_take(d);
            t = d_peek(d);
        }
        if (t != '}') {
            d_error(d);
            return NULL;
        }
        d_take(d);
        ps->level--;
        Block *b;
        if (!d_need(d, b = ast_block(ps->syntax, first_item(items), partial, partial ? end : d->last,
                                     d_from(d, start))))
            return NULL;
        b = give_block(ps, b);
        APPEND(blocks, b);
    } while (d_peek(d) == '{');
    return blocks;
}

int parse_descent(void *scanner, ParseState *ps)
{
    Descent d = { .scanner = scanner, .ps = ps };
    Item *items = NULL;
    for (int t; !d.failed && (t = d_peek(&d)) != END;) {
        if (t == '}') {
            stray_brace(ps, d.loc);
            d_take(&d);
        } else if (t != NAME) {
            d_error(&d);
        } else {
            Item *it = d_item(&d);
            if (it)
                take_item(ps, &items, it);
        }
    }
    if (!d.abort)
        ps->items = first_item(items);
    return d.failed ? 1 : 0;
}
