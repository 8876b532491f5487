/* parse.c - parse_source(): sets up the reentrant scanner over the source
 * text in place and runs the pure parser. */
#include <string.h>

#include "scan.h"
#include "parser.h"
#include "lexer.h"

int yyparse(yyscan_t scanner, ParseState *ps);

Item *parse_source(Source *src, Arena *arena, Symtab *syms, Diag *diag)
{
    return parse_source_apart(src, arena, arena, syms, diag);
}

Item *parse_source_apart(Source *src, Arena *arena, Arena *syntax, Symtab *syms, Diag *diag)
{
    ParseState ps;
    memset(&ps, 0, sizeof ps);
    ps.src = src;
    ps.arena = arena;
    ps.syntax = syntax;
    ps.syms = syms;
    ps.diag = diag;

    yyscan_t scanner;
    if (yylex_init_extra(&ps, &scanner) != 0) {
        diag_out_of_memory(diag);
        return NULL;
    }
    /* flex scans a copy of the text, as PostgreSQL's scanner does: it
     * writes a NUL after each token while it works, and a parse that stops
     * early (too deep) would leave one in the text that diagnostics quote.
     * The copy ends with the two NUL bytes flex needs; no token is copied
     * or rescanned. A UTF-8 byte-order mark is skipped by starting after
     * it; offsets stay file offsets. */
    uint32_t skip = src->len >= 3 && memcmp(src->text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    size_t n = (size_t)src->len - skip;
    char *copy = arena_alloc(syntax, n + 2);
    if (copy) {
        memcpy(copy, src->text + skip, n);
        copy[n] = copy[n + 1] = '\0';
    }
    ps.scan_base = copy;
    ps.scan_skip = skip;
    if (setjmp(ps.fatal)) {
        /* flex ran out of memory (lexer.l): its blocks are the syntax arena's */
        diag_out_of_memory(diag);
        return NULL;
    }
    if (!copy || !yy_scan_buffer(copy, n + 2, scanner)) {
        diag_out_of_memory(diag);
        yylex_destroy(scanner);
        return NULL;
    }
    yyparse(scanner, &ps);
    yylex_destroy(scanner);
    return ps.items;
}
