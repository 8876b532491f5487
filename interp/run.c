/* run.c - the pipeline: source -> parse -> model -> checks -> evaluation ->
 * report writers, in one arena freed at the end. */
#include "run.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "diag.h"
#include "eval.h"
#include "model.h"
#include "parse.h"
#include "report.h"
#include "result.h"
#include "source.h"

typedef struct Run {
    Arena arena;
    Diag diag;
    Symtab syms;
    Model *model;
    PtrMap seen;            /* path symbol -> Source, each file read once */
    uint32_t nsources;
} Run;

static const char *load_error(SourceStatus st)
{
    switch (st) {
    case SOURCE_ERR_OPEN: return strerror(errno);
    case SOURCE_ERR_READ: return strerror(errno);
    case SOURCE_ERR_TOO_LARGE: return "the file is larger than 256 MiB";
    case SOURCE_ERR_NOT_FILE: return "not a regular file";
    case SOURCE_ERR_MEMORY: return "out of memory";
    case SOURCE_OK: break;
    }
    return "cannot read";
}

/* Read and parse a file once, however it is named: files are known by
 * their identity (device and inode). NULL when already read or unreadable
 * (the latter with a diagnostic at `from`/`at`, or without a position). */
static Item *read_file(Run *run, const char *path, Source *from, Span at, Source **out)
{
    *out = NULL;
    Source *src;
    SourceStatus st = source_load(&run->arena, path, &src);
    if (st != SOURCE_OK) {
        if (from)
            diag_error(&run->diag, from, at, "cannot read '%s': %s", path, load_error(st));
        else
            diag_error(&run->diag, NULL, (Span){ 0, 0 }, "cannot read '%s': %s", path, load_error(st));
        return NULL;
    }
    if (src->ino) {
        const void *key = (const void *)(uintptr_t)(src->ino + 1);   /* never NULL */
        if (ptrmap_get(&run->seen, key, (uintptr_t)src->dev))
            return NULL;
        ptrmap_put(&run->seen, &run->arena, key, (uintptr_t)src->dev, src);
    }
    src->id = run->nsources++;
    *out = src;
    return parse_source(src, &run->arena, &run->syms, &run->diag);
}

/* Is `path` inside directory `dir` once every symbolic link is resolved? */
static bool inside(const char *dir, const char *path)
{
    char rdir[PATH_MAX], rpath[PATH_MAX];
    if (!realpath(dir, rdir) || !realpath(path, rpath))
        return true;                /* a missing file is reported when read */
    size_t n = strlen(rdir);
    return strncmp(rdir, rpath, n) == 0 && (rpath[n] == '/' || (n == 1 && rdir[0] == '/'));
}

/* `use "PATH"`: relative to the using file; no absolute paths, no "..",
 * no backslashes, and no symbolic link out of its folder, so a submission
 * cannot make CI read (and print) a file outside its folder. */
static Item *use_file(void *ctx, Source *from, Span at, const Str *path, Source **loaded)
{
    Run *run = ctx;
    *loaded = NULL;
    const char *p = path->ptr;
    size_t n = path->len;
    bool bad = n == 0 || p[0] == '/' || memchr(p, '\\', n) || memchr(p, '\0', n);
    for (size_t i = 0; !bad && i < n; i++) {
        bool start = i == 0 || p[i - 1] == '/';
        if (start && i + 1 < n && p[i] == '.' && p[i + 1] == '.' && (i + 2 == n || p[i + 2] == '/'))
            bad = true;
    }
    if (bad) {
        diag_error(&run->diag, from, at,
                   "'use' takes a path relative to this file, without '..', '/' at the start or '\\'");
        return NULL;
    }
    const char *dir_end = from->path ? strrchr(from->path, '/') : NULL;
    int dir_len = dir_end ? (int)(dir_end - from->path) + 1 : 0;
    const char *dir = dir_len ? arena_strndup(&run->arena, from->path, (size_t)dir_len) : ".";
    const char *full = arena_printf(&run->arena, "%.*s%.*s", dir_len, dir_len ? from->path : "", (int)n, p);
    if (!full || !dir)
        return NULL;
    if (!inside(dir, full)) {
        diag_error(&run->diag, from, at, "'use' may not leave this file's folder, even through a symbolic link");
        return NULL;
    }
    return read_file(run, full, from, at, loaded);
}

static void add_file(Run *run, const char *path)
{
    Source *src;
    Item *items = read_file(run, path, NULL, (Span){ 0, 0 }, &src);
    if (src)
        model_add_file(run->model, src, items, use_file, run);
}

int dlg_run(const RunOptions *opt, FILE *out, FILE *err)
{
    Run run;
    memset(&run, 0, sizeof run);
    arena_init(&run.arena, NULL);
    diag_init(&run.diag, &run.arena);
    symtab_init(&run.syms, &run.arena);
    run.model = model_new(&run.arena, &run.syms, &run.diag);

    Result result;
    memset(&result, 0, sizeof result);
    bool evaluated = false;
    int status = 2;
    if (!run.model) {
        diag_error(&run.diag, NULL, (Span){ 0, 0 }, "out of memory");
    } else {
        for (int i = 0; i < opt->nfiles && !diag_full(&run.diag); i++)
            add_file(&run, opt->files[i]);
        for (int i = 0; i < opt->nrulebooks && !diag_full(&run.diag); i++)
            add_file(&run, opt->rulebooks[i]);
        /* Derived values first: expressions are validated against every
         * figure the report declares or its entries contribute. */
        if (!run.diag.errors) {
            if (!check_run(run.model, &result))
                diag_error(&run.diag, NULL, (Span){ 0, 0 }, "out of memory");
            else if (eval_validate(run.model) && !run.diag.errors) {
                if (eval_run(run.model, &result)) {
                    evaluated = true;
                    status = result_exit_status(&result, opt->strict);
                } else {
                    diag_error(&run.diag, NULL, (Span){ 0, 0 }, "out of memory");
                }
            }
        }
    }
    if (run.arena.failed && evaluated) {
        diag_error(&run.diag, NULL, (Span){ 0, 0 }, "out of memory");
        evaluated = false;
        status = 2;
    }

    diag_sort(&run.diag);
    diag_print(&run.diag, err);
    ReportInput in = {
        .files = opt->files,
        .nfiles = opt->nfiles,
        .header = evaluated ? &run.model->header : NULL,
        .result = evaluated ? &result : NULL,
        .diag = &run.diag,
        .exit_status = status,
    };
    if (opt->format == FORMAT_JSON)
        report_json(&in, out);
    else
        report_text(&in, evaluated ? out : err);
    fflush(out);
    arena_free(&run.arena);
    return status;
}
