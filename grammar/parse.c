/* parse.c - parse_source(): sets up the reentrant scanner over the source
 * text in place and parses it: first by recursive descent, and by bison's
 * pure parser with LAC only for a file with a syntax error. */
#include <string.h>

#include "scan.h"
#include "parser.h"
#include "lexer.h"

int yyparse(yyscan_t scanner, ParseState *ps);

Item *parse_source(Source *src, Arena *arena, Symtab *syms, Diag *diag)
{
    return parse_source_apart(src, arena, arena, syms, diag);
}

/* One parse of ps->src's text by the given parser, with a scanner of its
 * own (held in *scanner while it lives, for the out-of-memory exit); false
 * when flex could not be set up (out of memory). */
static bool parse_once(int (*parser)(yyscan_t, ParseState *), ParseState *ps, yyscan_t volatile *scanner)
{
    yyscan_t s;
    if (yylex_init_extra(ps, &s) != 0)
        return false;
    *scanner = s;
    /* flex scans the text in place: the Source ends with the two NUL bytes
     * flex needs, so no byte is copied and no token rescanned. Flex writes
     * a NUL after the token it is on (keeping the byte it replaced); a
     * parse that stops early would leave that NUL in the text diagnostics
     * quote, so scan_restore() puts the byte back before anyone reads the
     * text again. A file read in pieces is scanned in place piece by
     * piece, the same way (scan_text(), next_piece() in lexer.l); it is
     * read once: a source in pieces is parsed once, streamed. */
    Source *src = ps->src;
    char empty[2] = "";             /* no piece: flex writes in it */
    ps->text = src->text;
    ps->text_len = src->len;
    if (!src->text) {
        /* a large file read in pieces (source_open_pieces): the scanner goes
         * from one to the next at the end of each (lexer.l). None: the file
         * is empty, or cannot be read (src->failed: the caller says why) */
        char *text = empty;
        if (!source_next_piece(src, &text, &ps->text_at, &ps->text_len))
            ps->text_len = 0;
        ps->text = text;
    }
    bool ok = src->failed != SOURCE_ERR_MEMORY && scan_text(s, ps);
    if (ok) {
        parser(s, ps);
        scan_restore(s);
    }
    source_close_pieces(src);
    *scanner = NULL;
    yylex_destroy(s);
    return ok;
}

/* parse_once() with flex's out-of-memory exit caught (lexer.l jumps to
 * ps->fatal): false when memory ran out. */
static bool guarded_parse(int (*parser)(yyscan_t, ParseState *), ParseState *ps)
{
    /* the scanner alive, if any: read after a longjmp from inside flex */
    yyscan_t volatile scanner = NULL;
    if (setjmp(ps->fatal)) {
        /* its blocks are the syntax arena's; the text is put back as read */
        if (scanner)
            scan_restore(scanner);
        return false;
    }
    return parse_once(parser, ps, &scanner);
}

/* One parse by the parser without LAC, then, after a syntax error and
 * without a sink, one by the parser with it. */
static ParseStatus parse_with(Source *src, Arena *arena, Arena *syntax, Symtab *syms, Diag *diag,
                              const ItemSink *sink, Item **items, bool descent)
{
    /* what the diagnostics were before: a file parsed again starts there */
    const Diag before = *diag;
    ParseState ps;
    /* Most files have no syntax error: they are parsed once, by recursive
     * descent (parse_descent() in parser.y), which costs a fraction of
     * bison's automaton a token. A syntax error stops it; then the
     * diagnostics are put back as they were and the file is parsed again
     * by bison's parser with LAC (lookahead correction), whose list of
     * expected tokens the message needs. Without an error both build the
     * same tree with the same calls. Items handed to a sink cannot be
     * taken back: the caller parses again. */
    for (int pass = descent ? 0 : 1; pass < 2; pass++) {
        memset(&ps, 0, sizeof ps);
        ps.src = src;
        ps.arena = arena;
        ps.syntax = syntax;
        ps.syms = syms;
        ps.diag = diag;
        ps.sink = sink;
        if (!guarded_parse(pass == 0 ? parse_descent : yyparse, &ps)) {
            diag_out_of_memory(diag);
            return PARSE_NO_MEMORY;
        }
        /* A limit of nesting or depth ends the parse where it is met,
         * and the tree is dropped with the items read before it: a sink
         * has had them, so the caller reads the file again without one,
         * to say the same as that parse */
        if (sink && ps.limit && !diag->out_of_memory)
            return PARSE_SYNTAX_ERROR;
        if (!ps.again || diag->out_of_memory)
            break;
        if (sink)
            return PARSE_SYNTAX_ERROR;
        diag_restore(diag, &before);
    }
    *items = ps.items;
    return diag->out_of_memory ? PARSE_NO_MEMORY : ps.cut ? PARSE_CUT : PARSE_DONE;
}

Item *parse_source_apart(Source *src, Arena *arena, Arena *syntax, Symtab *syms, Diag *diag)
{
    Item *items = NULL;
    parse_with(src, arena, syntax, syms, diag, NULL, &items, true);
    return items;
}

Item *parse_source_bison(Source *src, Arena *arena, Arena *syntax, Symtab *syms, Diag *diag)
{
    Item *items = NULL;
    parse_with(src, arena, syntax, syms, diag, NULL, &items, false);
    return items;
}

ParseStatus parse_source_streamed(Source *src, Arena *arena, Arena *syntax, Symtab *syms, Diag *diag,
                                  const ItemSink *sink)
{
    Item *none = NULL;
    return parse_with(src, arena, syntax, syms, diag, sink, &none, true);
}
