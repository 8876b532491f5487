/* run.c - the pipeline: load (source -> parse, `use` followed) -> model ->
 * derive -> resolve -> check -> evaluate -> report writer, in one arena
 * freed at the end. */
#include "run.h"

#include <string.h>

#include "calendar.h"
#include "check.h"
#include "derive.h"
#include "diag.h"
#include "eval.h"
#include "library.h"
#include "load.h"
#include "model.h"
#include "resolve.h"
#include "result.h"
#include "vocab.h"

static void out_of_memory(Diag *d)
{
    diag_error(d, NULL, (Span){ 0, 0 }, "out of memory");
}

/* Everything after reading: true when the result may be reported. */
static bool analyse(const RunOptions *opt, Arena *a, Symtab *syms, Diag *diag, Model **model, Result *result)
{
    Vocab *vocab = vocab_new(a, syms);
    if (!vocab) {
        out_of_memory(diag);
        return false;
    }
    FileSet files;
    load_init(&files, a, syms, diag);
    for (const LibraryFile *lib = library_files; lib->name; lib++)
        load_library(&files, lib->name, lib->bytes, lib->len);
    for (int i = 0; i < opt->nfiles && !diag_full(diag); i++)
        load_file(&files, opt->files[i]);
    for (int i = 0; i < opt->nrulebooks && !diag_full(diag); i++)
        load_file(&files, opt->rulebooks[i]);
    /* The vocabulary first, from every file's declarations (spec §14): the
     * model may use no other name. */
    for (uint32_t i = 0; i < files.nfiles; i++)
        vocab_declare(vocab, files.files[i]->src, files.files[i]->items);
    if (!vocab_finish(vocab, diag))
        return false;
    /* The calendar next (spec §4.6): its own items, from every file. */
    Calendar *cal = calendar_new(a, syms);
    if (!cal) {
        out_of_memory(diag);
        return false;
    }
    for (uint32_t i = 0; i < files.nfiles; i++)
        calendar_declare(cal, files.files[i]->src, files.files[i]->items, diag);
    calendar_finish(cal, diag);         /* its errors stop the run below, with the model's */
    Model *m = *model = model_new(a, syms, vocab, diag);
    if (!m) {
        out_of_memory(diag);
        return false;
    }
    model_add_files(m, &files);
    if (opt->strict && !diag->errors) {
        /* CI: an empty or headless submission is not a report that passed */
        Source *first = files.nroots ? files.roots[0]->src : NULL;
        if (!m->header.present)
            diag_error(diag, first, (Span){ 0, 0 },
                       "with --strict a submission needs its report header: report \"TITLE\" { issuer ... period ... }");
        if (!model_gives_figures(m))
            diag_error(diag, first, (Span){ 0, 0 },
                       "with --strict a submission needs figures to check: this one gives none");
    }
    if (diag->errors)
        return false;
    bool valid = true;
    Resolution *res = resolve_run(m, a, diag, &valid);
    Derived *derived = res ? derive_run(m, a) : NULL;
    if (!derived) {
        out_of_memory(diag);
        return false;
    }
    if (!valid || diag->errors)
        return false;
    if (!check_run(m, derived, a, result) || !eval_run(m, derived, res, cal, a, result) || a->failed) {
        out_of_memory(diag);
        return false;
    }
    return true;
}

int dlg_run(const RunOptions *opt, FILE *out, FILE *err)
{
    Arena arena;
    Diag diag;
    Symtab syms;
    arena_init(&arena, NULL);
    diag_init(&diag, &arena);
    symtab_init(&syms, &arena);
    Model *model = NULL;
    Result result;
    memset(&result, 0, sizeof result);
    bool evaluated = analyse(opt, &arena, &syms, &diag, &model, &result);
    int status = evaluated ? result_exit_status(&result, opt->strict, diag.warnings) : 2;

    diag_sort(&diag);
    diag_print(&diag, err);
    ReportInput in = {
        .files = opt->files,
        .nfiles = opt->nfiles,
        .header = evaluated ? &model->header : NULL,
        .result = evaluated ? &result : NULL,
        .diag = &diag,
        .exit_status = status,
        .strict = opt->strict,
    };
    opt->writer->write(&in, evaluated || opt->writer->for_machines ? out : err);
    fflush(out);
    arena_free(&arena);
    return status;
}
