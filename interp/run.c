/* run.c - the pipeline: load (source -> parse, `use` followed) -> model ->
 * derive -> resolve -> check -> evaluate -> report writer, in one arena
 * freed at the end. */
#include "run.h"

#include <string.h>
#include <unistd.h>

#include "calendar.h"
#include "check.h"
#include "compare.h"
#include "derive.h"
#include "diag.h"
#include "eval.h"
#include "library.h"
#include "load.h"
#include "model.h"
#include "resolve.h"
#include "result.h"
#include "suggest.h"
#include "vocab.h"

static void out_of_memory(Diag *d)
{
    diag_out_of_memory(d);
}

const LibraryFile *run_shipped_rulebook(const char *name)
{
    size_t n = strlen(name);
    for (const LibraryFile *lib = library_files; lib->name; lib++)
        if (strncmp(lib->name, "rules/", 6) == 0 && strncmp(lib->name + 6, name, n) == 0 &&
            strcmp(lib->name + 6 + n, ".dlg") == 0)
            return lib;
    return NULL;
}

const char *run_shipped_rulebooks(Arena *a)
{
    const char *list = "";
    for (const LibraryFile *lib = library_files; lib->name && list; lib++)
        if (strncmp(lib->name, "rules/", 6) == 0) {
            size_t len = strlen(lib->name) - 6 - 4;
            list = arena_printf(a, "%s%s%.*s", list, *list ? ", " : "", (int)len, lib->name + 6);
        }
    return list ? list : "";
}

/* --rules NAME reads the shipped rulebook lib/rules/NAME.dlg; a name with a
 * '/' or ending in .dlg (or '-') is a file. */
static void load_rulebook(FileSet *files, Diag *diag, Arena *a, const char *arg)
{
    size_t n = strlen(arg);
    bool path = strchr(arg, '/') || (n > 4 && strcmp(arg + n - 4, ".dlg") == 0) || strcmp(arg, "-") == 0;
    if (path) {
        load_file(files, arg);
        return;
    }
    const LibraryFile *lib = run_shipped_rulebook(arg);
    if (lib) {
        load_shipped_rulebook(files, lib->name, lib->bytes, lib->len);
        return;
    }
    Suggest s;
    suggest_init(&s, arg);
    for (const LibraryFile *l = library_files; l->name; l++)
        if (strncmp(l->name, "rules/", 6) == 0) {
            const char *name = arena_strndup(a, l->name + 6, strlen(l->name) - 6 - 4);
            if (name)
                suggest_offer(&s, name, strlen(name));
        }
    const char *near = suggest_best(&s);
    /* each sentence whole, for its translation */
    if (near)
        diag_error(diag, NULL, ((Span){ 0, 0 }), "no rulebook '%s' ships with dlg (did you mean '%s'?): the shipped "
                   "ones are %s; name your own file with a path (./%s.dlg)", arg, near, run_shipped_rulebooks(a), arg);
    else
        diag_error(diag, NULL, ((Span){ 0, 0 }), "no rulebook '%s' ships with dlg: the shipped ones are %s; "
                   "name your own file with a path (./%s.dlg)", arg, run_shipped_rulebooks(a), arg);
}

/* Threads to read the files with: --jobs, or one for each processor. */
static unsigned threads(const RunOptions *opt)
{
    if (opt->jobs)
        return opt->jobs < RUN_MAX_JOBS ? opt->jobs : RUN_MAX_JOBS;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > RUN_MAX_JOBS ? RUN_MAX_JOBS : (unsigned)n;
}

/* The vocabulary, the calendar and the model of the files read. */
static Model *model_files(const RunOptions *opt, FileSet *files, Vocab *vocab, Arena *a, Symtab *syms,
                          Diag *diag, Calendar **calendar)
{
    /* The vocabulary first, from every file's declarations (spec §14): the
     * model may use no other name. */
    for (uint32_t i = 0; i < files->nfiles; i++)
        vocab_declare(vocab, files->files[i]->src, files->files[i]->items);
    if (!vocab_finish(vocab, diag))
        return NULL;
    /* The calendar next (spec §4.6): its own items, from every file. */
    Calendar *cal = *calendar = calendar_new(a, syms);
    if (!cal) {
        out_of_memory(diag);
        return NULL;
    }
    for (uint32_t i = 0; i < files->nfiles; i++)
        calendar_declare(cal, files->files[i]->src, files->files[i]->items, diag);
    calendar_finish(cal, diag);         /* its errors stop the run below, with the model's */
    Model *m = model_new(a, syms, vocab, diag);
    if (!m) {
        out_of_memory(diag);
        return NULL;
    }
    model_add_files(m, files);
    if (opt->strict && !diag->errors) {
        /* CI: an empty or headless submission is not a report that passed */
        Source *first = files->nroots ? files->roots[0]->src : NULL;
        if (!m->header.present)
            diag_error(diag, first, ((Span){ 0, 0 }),
                       "with --strict a submission needs its report header: report \"TITLE\" { issuer ... period ... }");
        if (!model_gives_figures(m))
            diag_error(diag, first, ((Span){ 0, 0 }),
                       "with --strict a submission needs figures to check: this one gives none");
    }
    return m;
}

/* Read every file, then the vocabulary, the calendar and the model from
 * their syntax trees, each file's in an arena of its own (several times
 * the size of its text), freed once the file is modelled, the rest here:
 * nothing built points into them. NULL when the model cannot be had (what
 * stopped it is in diag). */
static Model *build(const RunOptions *opt, const char *const *names, int nnames, const MemoryFile *memory,
                    int nmemory, Arena *a, Symtab *syms, Diag *diag, Calendar **calendar)
{
    Vocab *vocab = vocab_new(a, syms);
    if (!vocab) {
        out_of_memory(diag);
        return NULL;
    }
    FileSet files;
    load_init(&files, a, syms, diag);
    files.trees_apart = true;
    files.sandbox = opt->sandbox;
    if (opt->prelude)
        load_prelude(&files, opt->prelude);
    else
        for (const LibraryFile *lib = library_files; lib->name; lib++)
            if (strncmp(lib->name, "rules/", 6) != 0)
                load_library(&files, lib->name, lib->bytes, lib->len);
    for (int i = 0; i < nmemory && !diag_full(diag); i++)
        load_bytes(&files, memory[i].name, memory[i].bytes, memory[i].len);
    load_files(&files, names, (uint32_t)nnames, threads(opt));
    for (int i = 0; i < opt->nrulebooks && !diag_full(diag); i++)
        load_rulebook(&files, diag, a, opt->rulebooks[i]);
    Model *m = model_files(opt, &files, vocab, a, syms, diag, calendar);
    load_release_all(&files);
    return m;
}

/* Everything after reading one report (the files and the rulebooks): true
 * when its result may be reported. */
static bool analyse(const RunOptions *opt, const char *const *names, int nnames, const MemoryFile *memory,
                    int nmemory, Arena *a, Symtab *syms, Diag *diag, Model **model, Result *result)
{
    Calendar *cal = NULL;
    Model *m = *model = build(opt, names, nnames, memory, nmemory, a, syms, diag, &cal);
    if (!m || diag->errors)
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

/* The analysis of one run and everything it points into, in its own arena
 * (the struct itself too): report it with any writer, any number of times. */
struct Analysis {
    Arena arena;
    Diag diag;
    Symtab syms;
    Model *model;
    Result result;
    Comparison *comparison;
    bool evaluated;             /* the result may be reported */
    bool strict;
    const char *const *files;
    int nfiles;
    int status;
};

Analysis *dlg_analyse(const RunOptions *opt)
{
    Arena arena;
    arena_init(&arena, opt->allocator);
    Analysis *an = arena_zalloc(&arena, sizeof *an);
    if (!an) {
        arena_free(&arena);
        return NULL;
    }
    an->arena = arena;                  /* from here on only an->arena is used */
    Arena *a = &an->arena;
    Diag *diag = &an->diag;
    diag_init(diag, a);
    if (opt->prelude)
        symtab_init_over(&an->syms, a, &opt->prelude->syms);
    else
        symtab_init(&an->syms, a);
    an->strict = opt->strict;
    an->files = opt->files;
    an->nfiles = opt->nfiles;
    Model *before = NULL;
    Result previous;
    memset(&previous, 0, sizeof previous);
    bool evaluated = analyse(opt, opt->files, opt->nfiles, opt->memory, opt->nmemory, a, &an->syms, diag,
                             &an->model, &an->result);
    if (evaluated && opt->nprevious) {
        /* the previous period: its own run over the same rulebooks, whose
         * indicators are set beside this one's (spec §12.1) */
        evaluated = analyse(opt, opt->previous, opt->nprevious, NULL, 0, a, &an->syms, diag, &before, &previous);
        if (evaluated) {
            Comparison *comparison = compare_results(a, &before->header, &previous, &an->model->header, &an->result);
            if (!comparison) {
                out_of_memory(diag);
                evaluated = false;
            } else {
                comparison->files = opt->previous;
                comparison->nfiles = opt->nprevious;
                if (!comparison->consecutive)
                    diag_warning(diag, NULL, ((Span){ 0, 0 }), "the previous report's period does not end the day "
                                 "before this report's begins: the comparison is not of consecutive periods");
                an->comparison = comparison;
            }
        }
    }
    diag_sort(diag);
    if (a->failed)                      /* however far the run got, it is not to be trusted */
        diag_out_of_memory(diag);
    an->evaluated = evaluated && !diag->out_of_memory;
    an->status = an->evaluated ? result_exit_status(&an->result, opt->strict, diag->warnings) : 2;
    return an;
}

int dlg_analysis_status(const Analysis *an)
{
    return an ? an->status : 2;
}

void dlg_diagnostics(const Analysis *an, FILE *err)
{
    if (an) {
        diag_print(&an->diag, err);
        return;
    }
    /* not even the analysis's first bytes could be allocated */
    Diag d;
    memset(&d, 0, sizeof d);
    diag_out_of_memory(&d);
    diag_print(&d, err);
}

int dlg_report(const Analysis *an, const Writer *writer, const ReportLayout *layout, FILE *out, FILE *err)
{
    if (!an)
        return 2;
    ReportInput in = {
        .files = an->files,
        .nfiles = an->nfiles,
        .header = an->evaluated ? &an->model->header : NULL,
        .result = an->evaluated ? &an->result : NULL,
        .comparison = an->evaluated ? an->comparison : NULL,
        .diag = &an->diag,
        .exit_status = an->status,
        .strict = an->strict,
        .layout = layout ? *layout : (ReportLayout){ 0 },
    };
    writer->write(&in, an->evaluated || writer->for_machines ? out : err);
    fflush(out);
    return an->status;
}

void dlg_analysis_free(Analysis *an)
{
    if (an) {
        Arena arena = an->arena;        /* the struct lives in the arena it names */
        arena_free(&arena);
    }
}

int dlg_run(const RunOptions *opt, FILE *out, FILE *err)
{
    Analysis *an = dlg_analyse(opt);
    dlg_diagnostics(an, err);
    int status = dlg_report(an, opt->writer, &opt->layout, out, err);
    dlg_analysis_free(an);
    return status;
}
