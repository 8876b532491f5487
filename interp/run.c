/* run.c - the pipeline: load (source -> parse, `use` followed) -> model ->
 * derive -> resolve -> check -> evaluate -> report writer, in one arena
 * freed at the end. Loading and modelling overlap when they may: a file's
 * items are modelled as they are parsed ("reading and modelling at once"
 * below). */
#include "run.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "calendar.h"
#include "check.h"
#include "compare.h"
#include "derive.h"
#include "diag.h"
#include "eval.h"
#include "i18n.h"
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

/* The vocabulary from every file's declarations (spec §14): the model may
 * use no other name; false when it has errors. */
static bool declare_vocabulary(const FileSet *files, Vocab *vocab, Diag *diag)
{
    for (uint32_t i = 0; i < files->nfiles; i++)
        vocab_declare(vocab, files->files[i]->src, files->files[i]->items);
    return vocab_finish(vocab, diag);
}

/* The calendar (spec §4.6), from its own items in every file: its errors
 * stop the run after the model's. */
static void declare_calendar(const FileSet *files, Calendar *cal, Diag *diag)
{
    for (uint32_t i = 0; i < files->nfiles; i++)
        calendar_declare(cal, files->files[i]->src, files->files[i]->items, diag);
    calendar_finish(cal, diag);
}

/* CI: an empty or headless submission is not a report that passed. */
static void strict_checks(const RunOptions *opt, const FileSet *files, const Model *m, Diag *diag)
{
    if (!opt->strict || diag->errors)
        return;
    Source *first = files->nroots ? files->roots[0]->src : NULL;
    if (!m->header.present)
        diag_error(diag, first, ((Span){ 0, 0 }),
                   "with --strict a submission needs its report header: report \"TITLE\" { issuer ... period ... }");
    if (!model_gives_figures(m))
        diag_error(diag, first, ((Span){ 0, 0 }),
                   "with --strict a submission needs figures to check: this one gives none");
}

/* The vocabulary, the calendar and the model of the files read. */
static Model *model_files(const RunOptions *opt, FileSet *files, Vocab *vocab, Arena *a, Symtab *syms,
                          Diag *diag, Calendar **calendar)
{
    if (!declare_vocabulary(files, vocab, diag))
        return NULL;
    Calendar *cal = *calendar = calendar_new(a, syms);
    if (!cal) {
        out_of_memory(diag);
        return NULL;
    }
    declare_calendar(files, cal, diag);
    Model *m = model_new(a, syms, vocab, diag);
    if (!m) {
        out_of_memory(diag);
        return NULL;
    }
    model_add_files(m, files);
    strict_checks(opt, files, m, diag);
    return m;
}

/* The run's files, and first among them those shipped with dlg. */
static void files_init(FileSet *files, const RunOptions *opt, Arena *a, Symtab *syms, Diag *diag)
{
    load_init(files, a, syms, diag);
    files->trees_apart = true;
    files->sandbox = opt->sandbox;
    if (opt->prelude)
        load_prelude(files, opt->prelude);
    else
        for (const LibraryFile *lib = library_files; lib->name; lib++)
            if (strncmp(lib->name, "rules/", 6) != 0)
                load_library(files, lib->name, lib->bytes, lib->len);
}

/* Read every file, then the vocabulary, the calendar and the model from
 * their syntax trees, each file's in an arena of its own (several times
 * the size of its text), freed once the file is modelled, the rest here:
 * nothing built points into them. NULL when the model cannot be had (what
 * stopped it is in diag). */
static Model *build_whole(const RunOptions *opt, const char *const *names, int nnames, const MemoryFile *memory,
                          int nmemory, Arena *a, Symtab *syms, Diag *diag, Calendar **calendar)
{
    Vocab *vocab = vocab_new(a, syms);
    if (!vocab) {
        out_of_memory(diag);
        return NULL;
    }
    FileSet files;
    files_init(&files, opt, a, syms, diag);
    for (int i = 0; i < nmemory && !diag_full(diag); i++)
        load_bytes(&files, memory[i].name, memory[i].bytes, memory[i].len);
    load_files(&files, names, (uint32_t)nnames, threads(opt));
    for (int i = 0; i < opt->nrulebooks && !diag_full(diag); i++)
        load_rulebook(&files, diag, a, opt->rulebooks[i]);
    Model *m = model_files(opt, &files, vocab, a, syms, diag, calendar);
    load_release_all(&files);
    return m;
}

/* ---- reading and modelling at once ------------------------------------------ */

/* Read the whole way (build_whole), a report holds every file's syntax
 * tree at once, four times its text: the model cannot begin before the
 * vocabulary is complete (spec §10, §14), and any file may add to it. But
 * a report declares its vocabulary before it uses it, or not at all (the
 * shipped one serves). So a run first reads it streaming: each top-level
 * item is kept until the first that is neither a declaration nor the
 * calendar's; there the vocabulary and the calendar are completed from
 * every file read so far, and from then on each item is modelled as soon
 * as it is parsed and its tree given back (and a large file's text, once
 * the file is done: source_evict). A unit at the top level is opened as
 * soon as its head is read (stream_open): each item of its block is
 * modelled as it is parsed, so that no tree of a whole commune or
 * province is held either. The model is the one the whole way
 * makes, and so are the diagnostics (printed sorted: spec §11), unless
 * something after that point could change them: a declaration or a
 * calendar item; `use` (the files it brings change the order); a `within`
 * file out of the whole way's order (see stream_within); a syntax error
 * (its message needs the file parsed again); the limit on warnings, or on
 * errors unless both ways stop alike (build_streaming). Then the run is
 * made again the whole way: rarely, and never for a report that is well
 * formed; tests/stream holds the two ways to one output. Standard input
 * cannot be read twice: with "-" a run reads the whole way. With threads,
 * a few files are read and parsed at once, then modelled in turn. */
typedef struct Streamer {
    FileSet *files;
    Vocab *vocab;
    Calendar *cal;
    Arena *arena;
    Symtab *syms;
    Diag *diag;
    Model *m;               /* once declared: NULL if the vocabulary has errors */
    bool declared;          /* the vocabulary and the calendar are complete */
    bool again;             /* read the whole way instead */
    LoadedFile *file;       /* the file whose items come; its items: those kept */
    Item *last_kept;
    uint32_t model_diags;   /* errors and warnings the vocabulary, calendar and model gave */
    uint32_t model_dropped; /* errors they gave past the limit */
    bool model_overflow;    /* the limit on errors was reached by one of them */
    /* `within` files, placed as they come when the whole way would place
     * them in the same order: after every file of the top level, each in
     * a unit one of those made, in the order the units were made */
    Node *within;           /* the unit the file says it stands within, or NULL */
    bool at_root;           /* the file has put an item of a unit at the top level */
    bool placing;           /* a `within` file is placed: every later file must be one */
    uint32_t made_before;   /* the nodes made before the first was placed */
    uint32_t last_placed;   /* the node id of the last one's unit */
    Node **placed;          /* the units of those placed */
    uint32_t nplaced, cap_placed;
    SourceCache *cache;     /* where files given back are read again (source.h) */
    const Symbol *w_use, *w_within;
    /* the unit whose items come one by one (ItemSink.open), or none */
    Node *open;
    bool open_refused;      /* opened, but refused: its items go unread */
} Streamer;

/* A file read to its end and modelled: its tree and, when large, its text
 * are given back (the text is read again where something is printed). */
static void done_with(Streamer *st, LoadedFile *f)
{
    load_release(st->files, f);
    source_evict(f->src, st->cache);
}

/* Complete the vocabulary and the calendar from every file read so far,
 * then model the item that needs them, `it`, the last kept (NULL at the
 * end of the input, when none did). Every item kept before it declares
 * (else the vocabulary would have been completed there), and the model
 * has nothing to do with a declaration at the top level of a file: their
 * trees go back first, the files before this one whole (files read ahead
 * by threads wait for their turn), this one's up to that item. */
static void stream_declare(Streamer *st, const Item *before, Item *it)
{
    st->declared = true;
    if (!vocab_finish(st->vocab, st->diag))     /* every declaration taken as read */
        return;
    declare_calendar(st->files, st->cal, st->diag);
    st->m = model_new(st->arena, st->syms, st->vocab, st->diag);
    if (!st->m) {
        out_of_memory(st->diag);
        return;
    }
    for (uint32_t i = 0; i < st->files->nroots; i++) {
        LoadedFile *f = st->files->roots[i];
        if (f == st->file) {
            /* the item's own tree was made before it, after the item
             * kept before it (`before`, when this file has one) */
            f->items = st->last_kept = NULL;
            if (f->syntax && before)
                arena_release_before(f->syntax, before);
            if (it)
                model_add_item(st->m, st->files, f, it);
            break;
        }
        done_with(st, f);
    }
}

static bool stream_stop(Streamer *st)
{
    st->again = true;
    return false;
}

/* What diag was told so far: errors and warnings, and the errors past
 * the limit. */
typedef struct Said {
    uint32_t told, dropped;
} Said;

static Said said_now(const Diag *d) { return (Said){ d->errors + d->warnings, d->errors_dropped }; }

/* After a step of the model begun when diag had been told `said` (and was
 * not full: stream_item stops first): what it said. */
static void modelled(Streamer *st, Said said)
{
    st->model_diags += st->diag->errors + st->diag->warnings - said.told;
    st->model_dropped += st->diag->errors_dropped - said.dropped;
    st->model_overflow |= st->diag->overflowed;
}

/* A `within` item: the file goes into its unit from here on, when the
 * whole way would put it there now (see Streamer). */
static bool stream_within(Streamer *st, Item *it)
{
    Node *unit = st->m && !st->within && !st->at_root ? model_within_unit(st->m, it) : NULL;
    if (!unit)
        return stream_stop(st);
    if (!st->placing) {
        st->placing = true;
        st->made_before = st->m->nnodes;
    }
    if (unit->id >= st->made_before || unit->id < st->last_placed)
        return stream_stop(st);
    if (!arena_push(st->arena, (void ***)&st->placed, &st->nplaced, &st->cap_placed, unit, 64)) {
        out_of_memory(st->diag);
        return false;
    }
    st->last_placed = unit->id;
    st->within = unit;
    if (st->file->syntax)
        arena_release_before(st->file->syntax, it);
    return true;
}

/* May an item parsed now be modelled: false when the run stops here,
 * for good or to be made again the whole way. */
static bool stream_goes_on(Streamer *st)
{
    Diag *diag = st->diag;
    if (diag->out_of_memory || st->arena->failed)
        return false;
    if (diag->overflowed) {
        /* the limit on errors reached while parsing this item: the whole
         * way models nothing more either (build_streaming() decides at the
         * end); but after the model reached it, an item is more than the
         * whole way had read when it stopped */
        st->again |= st->model_overflow;
        return false;
    }
    return !diag->warnings_dropped || stream_stop(st);
}

/* ItemSink.item: one top-level item, as soon as it is parsed. */
static bool stream_item(void *ctx, Item *it)
{
    Streamer *st = ctx;
    Diag *diag = st->diag;
    if (!stream_goes_on(st))
        return false;
    if (it->opened) {
        st->open = NULL;            /* its items and blocks are in */
        st->open_refused = false;
        return true;
    }
    if (it->name == st->w_use || (it->name == st->w_within && !st->declared))
        return stream_stop(st);
    if (it->name == st->w_within)
        return stream_within(st, it);
    bool vocab = vocab_is_declaration(st->vocab, it);
    bool declaring = vocab || calendar_is_item(st->cal, it);
    if (st->declared && declaring)
        return stream_stop(st);
    if (!st->declared) {
        /* a figure's declaration is read as it comes, and its tree given
         * back with the file's before it when none of them is kept */
        if (vocab && vocab_take(st->vocab, st->file->src, it)) {
            if (!st->last_kept && st->file->syntax)
                arena_release_before(st->file->syntax, it);
            return true;
        }
        /* kept on the file's list: the vocabulary reads any other
         * declaration, the calendar its items and the model the first
         * that declares nothing, in order, once they are complete */
        Item *before = st->last_kept;
        if (before)
            before->next = it;
        else
            st->file->items = it;
        st->last_kept = it;
        if (!declaring) {
            Said said = said_now(diag);
            stream_declare(st, before, it);
            modelled(st, said);
            /* a unit's item at the top level, as below: a `within` after
             * it puts the whole file in that unit, this item too */
            st->at_root |= st->m && !model_report_wide(st->m, it);
        }
        return true;
    }
    if (st->m) {
        if (!st->within && !model_report_wide(st->m, it)) {
            if (st->placing)
                return stream_stop(st);     /* a file of the top level after `within` ones */
            st->at_root = true;
        }
        Said said = said_now(diag);
        if (st->within)
            model_add_item_within(st->m, st->files, st->file, st->within, it);
        else
            model_add_item(st->m, st->files, st->file, it);
        modelled(st, said);
    } else if (st->file->syntax)
        arena_release_before(st->file->syntax, it);     /* no model to add it to: read on for the diagnostics */
    return true;
}

/* ItemSink.open: the head of a top-level item, before its blocks. Opened
 * when stream_item() would model the item now, at the top level, and it
 * is a unit written well (model_open_unit()); the vocabulary is completed
 * first when this is the first item that declares nothing. */
static bool stream_open(void *ctx, const Item *head)
{
    Streamer *st = ctx;
    Diag *diag = st->diag;
    if (diag->out_of_memory || st->arena->failed || diag->overflowed || diag->warnings_dropped ||
        head->name == st->w_use || head->name == st->w_within || st->within || st->placing ||
        vocab_is_declaration(st->vocab, head) || calendar_is_item(st->cal, head))
        return false;
    Said said = said_now(diag);
    if (!st->declared)
        stream_declare(st, st->last_kept, NULL);
    if (st->m && !model_report_wide(st->m, head)) {
        st->open = model_open_unit(st->m, st->files, st->file, head, &st->open_refused);
        st->at_root |= st->open || st->open_refused;    /* as stream_item() notes it */
    }
    modelled(st, said);
    return st->open || st->open_refused;
}

/* ItemSink.inner: an item of the opened unit's block. */
static bool stream_inner(void *ctx, Item *it)
{
    Streamer *st = ctx;
    if (!stream_goes_on(st))
        return false;
    if (st->open_refused) {
        if (st->file->syntax)
            arena_release_before(st->file->syntax, it);
        return true;
    }
    Said said = said_now(st->diag);
    model_add_inner(st->m, st->files, st->file, st->open, it);
    modelled(st, said);
    return true;
}

/* ItemSink.block: a block of the opened unit, its items in. */
static void stream_block(void *ctx, const Block *blk)
{
    Streamer *st = ctx;
    if (!st->open || st->diag->out_of_memory)
        return;
    Said said = said_now(st->diag);
    model_add_block(st->m, st->files, st->file, st->open, blk);
    modelled(st, said);
}

static void stream_begin(void *ctx, LoadedFile *f)
{
    Streamer *st = ctx;
    st->file = f;
    st->last_kept = NULL;
    st->within = NULL;
    st->at_root = false;
    st->open = NULL;
    st->open_refused = false;
}

/* A file read whole (from memory, a rulebook) given to the streamer item
 * by item. */
static void stream_file(Streamer *st, LoadedFile *f)
{
    Item *items = f->items;
    f->items = NULL;
    stream_begin(st, f);
    for (Item *it = items, *next; it; it = next) {
        next = it->next;
        it->next = NULL;
        if (!stream_item(st, it))
            break;
    }
}

/* The file just read, once every item is in. */
static void stream_end(Streamer *st)
{
    if (st->file && st->placing && !st->within)
        st->again = true;           /* a file of the top level after `within` ones */
    if (st->file && st->declared)
        done_with(st, st->file);
    st->file = NULL;
}

/* The roots from `first` on: files read whole, given item by item. */
static void stream_roots(Streamer *st, uint32_t first)
{
    for (uint32_t i = first; i < st->files->nroots && !st->again; i++) {
        stream_file(st, st->files->roots[i]);
        stream_end(st);
    }
}

/* Files read at once by threads, for each thread, before they are modelled. */
enum { READ_AHEAD = 4 };

/* build_whole(), streaming; NULL with *again set when the run must be made
 * the whole way. */
static Model *build_streaming(const RunOptions *opt, const char *const *names, int nnames,
                              const MemoryFile *memory, int nmemory, Arena *a, Symtab *syms, Diag *diag,
                              Calendar **calendar, bool *again)
{
    Vocab *vocab = vocab_new(a, syms);
    Calendar *cal = *calendar = calendar_new(a, syms);
    const Symbol *within = symtab_intern_cstr(syms, "within");
    SourceCache *cache = ARENA_NEW(a, SourceCache);
    if (!vocab || !cal || !within || !cache) {
        out_of_memory(diag);
        return NULL;
    }
    FileSet files;                      /* from here on, load_release_all() at the end */
    files_init(&files, opt, a, syms, diag);
    for (uint32_t i = 0; i < files.nfiles; i++)    /* the library's first: the rest as read */
        vocab_declare(vocab, files.files[i]->src, files.files[i]->items);
    Streamer st = { .files = &files, .vocab = vocab, .cal = cal, .arena = a, .syms = syms, .diag = diag,
                    .w_use = files.use, .w_within = within, .cache = cache };
    FileSink sink = { stream_begin, { .item = stream_item, .open = stream_open, .inner = stream_inner,
                                      .block = stream_block, .ctx = &st } };
    bool cut = false;
    int im = 0, in = 0, ir = 0;
    for (; im < nmemory && !diag_full(diag) && !st.again; im++) {
        ParseStatus ps = load_bytes_streamed(&files, memory[im].name, memory[im].bytes, memory[im].len, &sink);
        st.again |= ps == PARSE_SYNTAX_ERROR;
        cut |= ps == PARSE_CUT;
        stream_end(&st);
    }
    unsigned nthreads = nnames > 1 ? threads(opt) : 1;
    if (nthreads > 1) {
        /* several files and threads: a few files at a time read and
         * parsed at once (load_files), then modelled in turn, their trees
         * given back before the next few are read */
        uint32_t batch = READ_AHEAD * nthreads;
        for (; in < nnames && !diag_full(diag) && !st.again;) {
            uint32_t k = (uint32_t)(nnames - in) < batch ? (uint32_t)(nnames - in) : batch;
            uint32_t first = files.nroots;
            load_files(&files, names + in, k, nthreads);
            in += (int)k;
            stream_roots(&st, first);
        }
    }
    for (; in < nnames && !diag_full(diag) && !st.again; in++) {
        ParseStatus ps = load_file_streamed(&files, names[in], &sink);
        st.again |= ps == PARSE_SYNTAX_ERROR;
        cut |= ps == PARSE_CUT;
        stream_end(&st);
    }
    for (; ir < opt->nrulebooks && !diag_full(diag) && !st.again; ir++) {
        uint32_t first = files.nroots;
        load_rulebook(&files, diag, a, opt->rulebooks[ir]);
        stream_roots(&st, first);
    }
    /* The limit on errors reached: the whole way keeps the same errors
     * when parsing reached it with the model silent (both stop reading
     * there), or when the model reached it on the last item of the last
     * input (the whole way reads no more either) and parsing said all it
     * had before: no error past the limit was the parser's (a '}' that
     * closes nothing after the last item is one). Which warnings are kept
     * when too many depends on the order they come in. */
    bool skipped = im < nmemory || in < nnames || ir < opt->nrulebooks;
    bool model_last = st.model_overflow && !cut && !skipped && diag->errors_dropped == st.model_dropped;
    if (diag->overflowed && !(st.model_diags == 0 && !st.model_overflow) && !model_last)
        st.again = true;
    if (diag->warnings_dropped)
        st.again = true;
    if (!st.again && !st.declared && !diag->out_of_memory)
        stream_declare(&st, NULL, NULL);
    for (uint32_t i = 0; i < st.nplaced && !st.again; i++)
        st.again = !model_unit_unique(st.m, st.placed[i]);     /* another unit of its name came later */
    Model *m = st.again ? NULL : st.m;
    if (m) {
        model_finish(m);
        strict_checks(opt, &files, m, diag);
    }
    load_release_all(&files);
    *again = st.again && !diag->out_of_memory && !a->failed;
    return m;
}

/* May this run read streaming? Not what cannot be read twice (standard
 * input). */
static bool streamable(const RunOptions *opt, const char *const *names, int nnames)
{
    if (opt->whole)
        return false;
    for (int i = 0; i < nnames; i++)
        if (strcmp(names[i], "-") == 0)
            return false;
    for (int i = 0; i < opt->nrulebooks; i++)
        if (strcmp(opt->rulebooks[i], "-") == 0)
            return false;
    return true;
}

/* The model of one report, read streaming when `again` is given and it
 * may be (then *again says whether it must be read the whole way). */
static Model *build(const RunOptions *opt, const char *const *names, int nnames, const MemoryFile *memory,
                    int nmemory, Arena *a, Symtab *syms, Diag *diag, Calendar **calendar, bool *again)
{
    if (again && streamable(opt, names, nnames))
        return build_streaming(opt, names, nnames, memory, nmemory, a, syms, diag, calendar, again);
    return build_whole(opt, names, nnames, memory, nmemory, a, syms, diag, calendar);
}

/* Everything after reading one report (the files and the rulebooks): true
 * when its result may be reported. `again` as for build(). */
static bool analyse(const RunOptions *opt, const char *const *names, int nnames, const MemoryFile *memory,
                    int nmemory, Arena *a, Symtab *syms, Diag *diag, Model **model, Result *result, bool *again)
{
    Calendar *cal = NULL;
    Model *m = *model = build(opt, names, nnames, memory, nmemory, a, syms, diag, &cal, again);
    if (!m || diag->errors)
        return false;
    bool valid = true;
    Resolution *res = resolve_run(m, a, diag, &valid);
    Derived *derived = res ? derive_run(m, res, a) : NULL;
    if (!derived) {
        out_of_memory(diag);
        return false;
    }
    if (!valid || diag->errors)
        return false;
    if (!check_run_lean(m, derived, a, result) || !eval_run_lean(m, derived, res, cal, a, result) || a->failed) {
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

/* One analysis, reading streaming where it may when `again` is given
 * (build()); then *again says it must be made again the whole way. */
static Analysis *analysis(const RunOptions *opt, bool *again)
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
                             &an->model, &an->result, again);
    if (again && *again)
        return an;
    if (evaluated && opt->nprevious) {
        /* the previous period: its own run over the same rulebooks, whose
         * indicators are set beside this one's (spec §12.1) */
        evaluated = analyse(opt, opt->previous, opt->nprevious, NULL, 0, a, &an->syms, diag, &before, &previous,
                            again);
        if (again && *again)
            return an;
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

Analysis *dlg_analyse(const RunOptions *opt)
{
    bool again = false;
    Analysis *an = analysis(opt, &again);
    if (an && again) {
        /* what was read streaming may not stand: read the whole way */
        dlg_analysis_free(an);
        an = analysis(opt, NULL);
    }
    return an;
}

int dlg_analysis_status(const Analysis *an)
{
    return an ? an->status : 2;
}

/* "dlg: error: out of memory", with no arena to say it from. */
static void say_out_of_memory(FILE *err)
{
    Diag d;
    memset(&d, 0, sizeof d);
    diag_out_of_memory(&d);
    diag_print(&d, err);
}

/* "dlg: error: cannot write the report: REASON", tied to no file; no
 * REASON when e is 0: the write that failed was an earlier one, whose
 * errno is gone (as GNU's close_stdout says "write error"). */
static void say_cannot_write(FILE *err, int e)
{
    Arena a;
    arena_init(&a, NULL);
    Diag d;
    diag_init(&d, &a);
    if (e)
        diag_error(&d, NULL, ((Span){ 0, 0 }), "cannot write the report: %s", i18n_system_error(e));
    else
        diag_error(&d, NULL, ((Span){ 0, 0 }), "cannot write the report");
    diag_print(&d, err);
    arena_free(&a);
}

void dlg_diagnostics(const Analysis *an, FILE *err)
{
    if (an)
        diag_print(&an->diag, err);
    else
        say_out_of_memory(err);     /* not even the analysis's first bytes could be allocated */
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
        .allocator = &an->arena.allocator,
    };
    FILE *to = an->evaluated || writer->for_machines ? out : err;
    bool whole = writer->write(&in, to);
    /* a full disk or a broken file: the report is not all there, and a CI
     * step that reads it must not take it for the whole */
    bool flushed = fflush(to) == 0;
    if (to == out && (!flushed || ferror(to))) {
        say_cannot_write(err, flushed ? 0 : errno);
        return 2;
    }
    if (!whole) {
        /* the report is cut short or has holes: never a result to trust */
        say_out_of_memory(err);
        return 2;
    }
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
