/* github.c - GitHub Actions workflow commands (spec/formats.md §2): one
 * line `::error file=F,line=L,col=C,title=T::MESSAGE` (or ::warning,
 * ::notice) for each check that did not pass, each rule subject that
 * failed or is unknown, each rule with nothing to check and each
 * diagnostic. Every value is escaped as the runner unescapes it, and every
 * other control character and byte that is not UTF-8 is written so that no
 * input can end a line or start a command. */
#include <string.h>

#include "report.h"

static const char *const commands[] = { "notice", "warning", "error" };

/* The runner turns %25, %0D and %0A back into %, CR and LF in a message,
 * and also %3A and %2C into : and , in a property. Other control bytes
 * are written %XX too (shown as is: '%' itself is escaped); a byte that
 * does not start a valid UTF-8 sequence is U+FFFD. */
static void escaped(FILE *out, const char *s, bool property)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "?");
    size_t n = strlen((const char *)p);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (c == '%' || c < 0x20 || c == 0x7F || (property && (c == ':' || c == ','))) {
            fprintf(out, "%%%02X", c);
            continue;
        }
        if (c < 0x80)
            fputc(c, out);
        else
            i += report_utf8(out, p + i, n - i, "\xEF\xBF\xBD") - 1;
    }
}

static void annotate(void *ctx, const Annotation *an)
{
    FILE *out = ctx;
    fprintf(out, "::%s ", commands[an->level]);
    if (an->src) {
        uint32_t line, col;
        source_position(an->src, an->span.start, &line, &col);
        fputs("file=", out);
        escaped(out, an->src->name, true);
        fprintf(out, ",line=%u,col=%u,", line, col);
    }
    /* the title: "dlg check sum", "dlg rule weekly_reception", "dlg warning" */
    fputs("title=dlg ", out);
    if (strcmp(an->family, "diagnostic") != 0) {
        escaped(out, an->family, true);
        fputc(' ', out);
    }
    escaped(out, an->name, true);
    fputs("::", out);
    escaped(out, an->message, false);
    fputc('\n', out);
}

bool report_github(const ReportInput *in, FILE *out)
{
    Arena scratch;
    arena_init(&scratch, in->allocator);
    report_annotations(in, &scratch, annotate, out);
    bool whole = !scratch.failed;
    arena_free(&scratch);
    return whole;
}
