/* report.c - the table of report writers. */
#include "report.h"

#include <stdio.h>
#include <string.h>

#include "format.h"
#include "utf8.h"

const Writer report_writers[] = {
    { "text", report_text, false },
    { "json", report_json, true },
    { "sarif", report_sarif, true },
    { "github", report_github, true },
    { "csv", report_csv, true },
    { "html", report_html, true },
    { NULL, NULL, false },
};

const Writer *report_writer(const char *name)
{
    for (const Writer *w = report_writers; w->name; w++)
        if (strcmp(w->name, name) == 0)
            return w;
    return NULL;
}

ValueUnit report_check_unit(const Check *c)
{
    Number declared = check_declared(c);
    if (c->kind == CHECK_PERCENT || !declared.whole)
        return UNIT_PERCENT;
    return declared.money ? UNIT_MONEY : UNIT_COUNT;
}

const char *report_number(char *buf, size_t size, Number n)
{
    if (!n.known)
        return NULL;
    if (n.whole)
        return format_whole(buf, size, n.exact, &FORMAT_PLAIN) ? buf : NULL;
    return format_number(buf, size, n.value, n.decimals, &FORMAT_PLAIN) ? buf : NULL;
}

size_t report_utf8(FILE *out, const unsigned char *p, size_t n, const char *replacement)
{
    size_t len = utf8_sequence(p, n);
    if (!len) {
        fputs(replacement, out);
        return 1;
    }
    fwrite(p, 1, len, out);
    return len;
}

const char *report_severity_name(DiagSeverity s)
{
    return s == DIAG_ERROR ? "error" : s == DIAG_WARNING ? "warning" : "note";
}

int report_diag_tail(const Diag *d, char *buf, size_t size, DiagTail tail[2])
{
    int n = 0;
    if (d && d->warnings_dropped) {
        snprintf(buf, size, "%u more warning%s not shown", d->warnings_dropped, d->warnings_dropped == 1 ? "" : "s");
        tail[n++] = (DiagTail){ DIAG_NOTE, buf };
    }
    if (d && d->out_of_memory)
        tail[n++] = (DiagTail){ DIAG_ERROR, "out of memory" };
    return n;
}

/* ---- annotations ---------------------------------------------------------------- */

static const char *status_words(Status s)
{
    switch (s) {
    case RESULT_PASS: return "passed";
    case RESULT_FAIL: return "failed";
    case RESULT_PARTIAL: return "holds only in part";
    case RESULT_UNKNOWN: break;
    }
    return "is unknown";
}

/* A string from the arena, or "?" when it ran out of memory. */
static const char *or_unknown(const char *s) { return s ? s : "?"; }

/* "sum check failed: commune Kỳ Châu: receptions = periodic + regular:
 * declared 52, computed 9, imbalance 43", and "; NOTE". */
static const char *check_message(Arena *a, const Model *m, const Check *c)
{
    char declared[128], computed[128], imbalance[128];
    Number d = check_declared(c), x = check_computed(c), i = check_imbalance(c);
    format_number_text(declared, sizeof declared, d, d.decimals);
    format_number_text(computed, sizeof computed, x, x.decimals);
    const char *text = arena_printf(a, "%s check %s: %s: declared %s, computed %s", result_check_kind_name(c->kind),
                                    status_words(c->status), or_unknown(format_check_subject(a, m, c)), declared,
                                    computed);
    if (text && i.known) {
        format_number_text(imbalance, sizeof imbalance, i, i.decimals);
        text = arena_printf(a, "%s, imbalance %s", text, imbalance);
    }
    const char *note = format_note(a, check_note(c));
    if (text && note)
        text = arena_printf(a, "%s; %s", text, note);
    return text;
}

void report_annotations(const ReportInput *in, Arena *a, void (*emit)(void *ctx, const Annotation *an), void *ctx)
{
    static const AnnotateLevel by_severity[] = { [DIAG_ERROR] = ANNOTATE_ERROR, [DIAG_WARNING] = ANNOTATE_WARNING,
                                                 [DIAG_NOTE] = ANNOTATE_NOTE };
    const Result *r = in->result;
    Annotation an;
    CheckIter it;
    for (const Check *c = result_first_check(r, &it); c; c = check_next(&it)) {
        if (c->status == RESULT_PASS)
            continue;
        an = (Annotation){ "check", result_check_kind_name(c->kind),
                           c->status == RESULT_FAIL ? ANNOTATE_ERROR : ANNOTATE_WARNING, check_message(a, r->model, c),
                           check_src(c), check_span(c) };
        emit(ctx, &an);
    }
    for (const RuleResult *rr = r ? r->rules : NULL; rr; rr = rr->next) {
        const RuleDef *d = rr->def;
        if (!rr->total && rr->status != RESULT_PASS) {
            const char *note = format_note(a, &rr->note);
            an = (Annotation){ "rule", d->id->text, ANNOTATE_WARNING,
                               arena_printf(a, "rule %s is unknown: %s", d->id->text, note ? note : "nothing to check"),
                               d->src, d->span };
            emit(ctx, &an);
        }
        for (const Verdict *v = rr->verdicts; v; v = v->next) {
            if (v->status == RESULT_PASS)
                continue;
            bool failed = v->status == RESULT_FAIL;
            Source *src;
            Span span = verdict_place(d, v, &src);
            an = (Annotation){ "rule", d->id->text,
                               failed && d->severity == SEVERITY_ERROR ? ANNOTATE_ERROR : ANNOTATE_WARNING,
                               arena_printf(a, "rule %s %s for %s: %s", d->id->text, failed ? "failed" : "is unknown",
                                            or_unknown(format_verdict_subject(a, v)),
                                            or_unknown(format_verdict(a, d, v))),
                               src, span };
            emit(ctx, &an);
        }
    }
    for (const Diagnostic *g = in->diag ? in->diag->first : NULL; g; g = g->next) {
        an = (Annotation){ "diagnostic", report_severity_name(g->severity), by_severity[g->severity], g->message,
                           g->src, g->span };
        emit(ctx, &an);
    }
    char msg[64];
    DiagTail tail[2];
    int ntail = report_diag_tail(in->diag, msg, sizeof msg, tail);
    for (int i = 0; i < ntail; i++) {
        an = (Annotation){ "diagnostic", report_severity_name(tail[i].severity), by_severity[tail[i].severity],
                           tail[i].message, NULL, { 0, 0 } };
        emit(ctx, &an);
    }
}
