/* parse.c - parse_source(): sets up the reentrant scanner over the source
 * text in place and runs the pure parser. */
#include <string.h>

#include "scan.h"
#include "parser.h"
#include "lexer.h"

int yyparse(yyscan_t scanner, ParseState *ps);

Item *parse_source(Source *src, Arena *arena, Symtab *syms, Diag *diag)
{
    ParseState ps;
    memset(&ps, 0, sizeof ps);
    ps.src = src;
    ps.arena = arena;
    ps.syms = syms;
    ps.diag = diag;

    yyscan_t scanner;
    if (yylex_init_extra(&ps, &scanner) != 0) {
        diag_error(diag, src, (Span){ 0, 0 }, "out of memory");
        return NULL;
    }
    /* The text is followed by two NUL bytes (source.h): flex scans it in
     * place, so no token is ever copied or rescanned. A UTF-8 byte-order
     * mark is skipped by starting after it; offsets stay file offsets. */
    uint32_t skip = src->len >= 3 && memcmp(src->text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    if (!yy_scan_buffer(src->text + skip, src->len - skip + 2, scanner)) {
        diag_error(diag, src, (Span){ 0, 0 }, "out of memory");
        yylex_destroy(scanner);
        return NULL;
    }
    yyparse(scanner, &ps);
    yylex_destroy(scanner);
    return ps.items;
}
