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
    /* flex scans the text in place: the Source ends with the two NUL bytes
     * flex needs, so no byte is copied and no token rescanned. Flex writes
     * a NUL after the token it is on (keeping the byte it replaced); a
     * parse that stops early would leave that NUL in the text diagnostics
     * quote, so scan_restore() puts the byte back before anyone reads the
     * text again. A UTF-8 byte-order mark is skipped by starting after it;
     * offsets stay file offsets. */
    uint32_t skip = src->len >= 3 && memcmp(src->text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    size_t n = (size_t)src->len - skip;
    ps.scan_base = src->text + skip;
    ps.scan_end = ps.scan_base + n;
    ps.scan_skip = skip;
    if (setjmp(ps.fatal)) {
        /* flex ran out of memory (lexer.l): its blocks are the syntax arena's */
        scan_restore(scanner);
        diag_out_of_memory(diag);
        return NULL;
    }
    if (!yy_scan_buffer(src->text + skip, n + 2, scanner)) {
        diag_out_of_memory(diag);
        yylex_destroy(scanner);
        return NULL;
    }
    yyparse(scanner, &ps);
    scan_restore(scanner);
    yylex_destroy(scanner);
    return ps.items;
}
