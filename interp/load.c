/* load.c - every file of a run read and parsed once, `use` chains followed
 * without recursion, paths kept inside the using file's folder. */
#include "load.h"

#include <errno.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <pthread.h>

#include "i18n.h"
#include "library.h"
#include "parse.h"

void load_init(FileSet *fs, Arena *a, Symtab *syms, Diag *d)
{
    memset(fs, 0, sizeof *fs);
    fs->arena = a;
    fs->syms = syms;
    fs->diag = d;
    fs->use = symtab_intern_cstr(syms, "use");
}

static const char *load_error(SourceStatus st)
{
    switch (st) {
    case SOURCE_ERR_OPEN: return i18n_system_error(errno);
    case SOURCE_ERR_READ: return i18n_system_error(errno);
    /* TRANSLATORS: why a file cannot be read, in "cannot read '%s': %s" */
    case SOURCE_ERR_TOO_LARGE: return _("the file is larger than 1 GiB");
    case SOURCE_ERR_NOT_FILE: return _("not a regular file");
    case SOURCE_ERR_MEMORY: return _("out of memory");
    case SOURCE_OK: break;
    }
    return _("cannot read");
}

/* One more file of the run, numbered in reading order. */
static bool add_file(FileSet *fs, LoadedFile *f, Source *src)
{
    if (!arena_push(fs->arena, (void ***)&fs->files, &fs->nfiles, &fs->cap_files, f, 16)) {
        diag_out_of_memory(fs->diag);
        return false;
    }
    src->id = fs->nsources++;
    f->src = src;
    return true;
}

/* Where f's syntax tree goes: an arena of its own when the run asks for
 * one (FileSet.trees_apart), its pages from `pages`, else `keep`; NULL
 * when out of memory. */
static Arena *syntax_arena(const FileSet *fs, LoadedFile *f, const Source *src, Arena *keep, Diag *diag,
                           const Allocator *pages)
{
    if (!fs->trees_apart)
        return keep;
    if (!(f->syntax = ARENA_NEW(keep, Arena))) {
        diag_out_of_memory(diag);
        return NULL;
    }
    arena_init(f->syntax, pages);
    arena_expect(f->syntax, (size_t)src->len * 4);     /* a tree is 4 to 6 times its text */
    return f->syntax;
}

/* Parse a source into f: its tree in an arena of its own when the run
 * asks for one (FileSet.trees_apart), its pages from `pages`, what the
 * tree keeps in `keep`, problems to `diag`. */
static void parse_into(const FileSet *fs, LoadedFile *f, Source *src, Arena *keep, Diag *diag,
                       const Allocator *pages)
{
    Arena *tree = syntax_arena(fs, f, src, keep, diag, pages);
    if (tree)
        f->items = parse_source_apart(src, keep, tree, fs->syms, diag);
}

/* Number the source, parse it and keep it among the files. */
static LoadedFile *parsed(FileSet *fs, LoadedFile *f, Source *src)
{
    if (!add_file(fs, f, src))
        return NULL;
    parse_into(fs, f, src, fs->arena, fs->diag, &fs->arena->allocator);
    return f;
}

void load_release(const FileSet *fs, LoadedFile *f)
{
    if (!f->syntax)
        return;
    if (f->syntax->failed)
        diag_out_of_memory(fs->diag);
    arena_free(f->syntax);
    f->syntax = NULL;
    f->items = NULL;
}

static void hands_done(FileSet *fs);

void load_release_all(FileSet *fs)
{
    for (uint32_t i = 0; i < fs->nfiles; i++)
        load_release(fs, fs->files[i]);
    hands_done(fs);
    arena_trim(fs->arena);          /* what reading kept to read the next file with */
}

static LoadedFile *library(FileSet *fs, const char *name, const char *bytes, size_t len)
{
    const char *shown = arena_printf(fs->arena, "<dlg>/%s", name);
    Source *src = shown ? source_from_bytes(fs->arena, shown, bytes, len) : NULL;
    LoadedFile *f = ARENA_NEW(fs->arena, LoadedFile);
    if (!src || !f) {
        diag_out_of_memory(fs->diag);
        return NULL;
    }
    return parsed(fs, f, src);
}

void load_library(FileSet *fs, const char *name, const char *bytes, size_t len)
{
    library(fs, name, bytes, len);
}

Prelude *prelude_new(const Allocator *allocator)
{
    Arena arena;
    arena_init(&arena, allocator);
    Prelude *p = ARENA_NEW(&arena, Prelude);
    if (!p) {
        arena_free(&arena);
        return NULL;
    }
    p->arena = arena;                   /* from here on only p->arena is used */
    symtab_init(&p->syms, &p->arena);
    Diag diag;
    diag_init(&diag, &p->arena);
    FileSet fs;
    load_init(&fs, &p->arena, &p->syms, &diag);
    for (const LibraryFile *lib = library_files; lib->name; lib++)
        if (strncmp(lib->name, "rules/", 6) != 0)
            library(&fs, lib->name, lib->bytes, lib->len);
    p->files = ARENA_ARRAY(&p->arena, LoadedFile, fs.nfiles ? fs.nfiles : 1);
    bool ok = p->files && !diag.errors && !diag.warnings && !p->arena.failed;
    for (uint32_t i = 0; ok && i < fs.nfiles; i++) {
        p->files[i] = *fs.files[i];
        ok = source_index_lines(p->files[i].src);
    }
    if (!ok) {
        prelude_free(p);
        return NULL;
    }
    p->nfiles = fs.nfiles;
    return p;
}

void prelude_free(Prelude *p)
{
    if (p) {
        Arena arena = p->arena;         /* the struct lives in the arena it names */
        arena_free(&arena);
    }
}

void load_prelude(FileSet *fs, const Prelude *p)
{
    for (uint32_t i = 0; i < p->nfiles && !diag_full(fs->diag); i++) {
        const LoadedFile *shared = &p->files[i];
        Source *src = ARENA_NEW(fs->arena, Source);
        LoadedFile *f = ARENA_NEW(fs->arena, LoadedFile);
        if (!src || !f) {
            diag_out_of_memory(fs->diag);
            return;
        }
        *src = *shared->src;            /* the text, name and line table shared */
        src->arena = fs->arena;
        src->cache_offset = src->cache_line = src->cache_column = 0;
        f->items = shared->items;
        add_file(fs, f, src);
    }
}

static bool add_root(FileSet *fs, LoadedFile *root)
{
    if (!arena_push(fs->arena, (void ***)&fs->roots, &fs->nroots, &fs->cap_roots, root, 8)) {
        diag_out_of_memory(fs->diag);
        return false;
    }
    return true;
}

void load_bytes(FileSet *fs, const char *name, const char *bytes, size_t len)
{
    Source *src = source_from_bytes(fs->arena, name, bytes, len);
    LoadedFile *f = ARENA_NEW(fs->arena, LoadedFile);
    if (!src || !f) {
        diag_out_of_memory(fs->diag);
        return;
    }
    f = parsed(fs, f, src);
    if (f)
        add_root(fs, f);
}

void load_shipped_rulebook(FileSet *fs, const char *name, const char *bytes, size_t len)
{
    LoadedFile *f = library(fs, name, bytes, len);
    if (f)
        add_root(fs, f);
}

/* Why `path` could not be read, said at `from`/`at`, or at no position. */
static void cannot_read(Diag *diag, Source *from, Span at, const char *path, SourceStatus st)
{
    diag_error(diag, from, from ? at : ((Span){ 0, 0 }), "cannot read '%s': %s", path, load_error(st));
}

/* The file at `path` as read into `keep`; NULL when it cannot be read,
 * said by cannot_read(). With `pieces` (a file on the command line read
 * streaming), a large file is opened to be read in pieces while it is
 * parsed (source.h). */
static Source *load_source(Arena *keep, Diag *diag, const char *path, Source *from, Span at, bool pieces)
{
    Source *src;
    SourceStatus st = pieces ? source_open_pieces(keep, path, SOURCE_PIECES_MIN, SOURCE_PIECE, &src)
                             : source_load(keep, path, &src);
    if (st == SOURCE_OK)
        return src;
    cannot_read(diag, from, at, path, st);
    return NULL;
}

/* A file is known by its identity (device and inode) in FileSet.seen;
 * standard input has none and is never the same file twice. */
static const void *identity(const Source *src)
{
    return (const void *)(uintptr_t)(src->ino + 1);     /* never NULL */
}

static bool read_before(const FileSet *fs, const Source *src)
{
    return src->ino && ptrmap_get(&fs->seen, identity(src), (uintptr_t)src->dev);
}

/* Remember f as the file of src's identity; false when out of memory. */
static bool remember(FileSet *fs, const Source *src, LoadedFile *f)
{
    return !src->ino || ptrmap_put(&fs->seen, fs->arena, identity(src), (uintptr_t)src->dev, f);
}

/* A file read once, however it is named: files are known by their
 * identity (device and inode). Its text in *src, remembered, neither
 * numbered nor parsed yet; NULL when already read, or when it cannot be
 * read: then with a diagnostic at `from`/`at`, or at no position. With
 * `pieces` (a file on the command line, read streaming), a large file is
 * opened to be read while it is parsed. */
static LoadedFile *fresh_file(FileSet *fs, const char *path, Source *from, Span at, bool pieces, Source **src)
{
    *src = load_source(fs->arena, fs->diag, path, from, at, pieces);
    if (!*src)
        return NULL;
    if (read_before(fs, *src)) {
        source_close_pieces(*src);
        return NULL;
    }
    LoadedFile *f = ARENA_NEW(fs->arena, LoadedFile);
    if (!f || !remember(fs, *src, f)) {
        diag_out_of_memory(fs->diag);
        return NULL;
    }
    return f;
}

/* fresh_file(), numbered and parsed. */
static LoadedFile *read_file(FileSet *fs, const char *path, Source *from, Span at)
{
    Source *src;
    LoadedFile *f = fresh_file(fs, path, from, at, false, &src);
    return f ? parsed(fs, f, src) : NULL;
}

static bool under(const char *rdir, const char *rpath)
{
    size_t n = strlen(rdir);
    return strncmp(rdir, rpath, n) == 0 && (rpath[n] == '/' || rpath[n] == '\0' || (n == 1 && rdir[0] == '/'));
}

/* Does `path` stay inside directory `dir` once every symbolic link is
 * resolved? The answer never depends on whether something outside exists
 * (issue: hostile submissions): a path that does not resolve is judged by
 * its deepest ancestor that does, and a link that resolves to nothing is
 * refused as a link out would be. */
static bool inside(const char *dir, const char *path)
{
    char rdir[PATH_MAX], r[PATH_MAX], p[PATH_MAX];
    if (!realpath(dir, rdir) || strlen(path) >= sizeof p)
        return false;
    strcpy(p, path);
    for (;;) {
        if (realpath(p, r))
            return under(rdir, r);
        struct stat st;
        if (lstat(p, &st) == 0 && S_ISLNK(st.st_mode))
            return false;           /* a link to nothing: where it points is not told */
        char *slash = strrchr(p, '/');
        if (!slash)
            return true;            /* nothing of it exists: a missing file inside */
        *slash = '\0';
        if (!*p)
            return false;           /* an absolute path: "/" is outside */
    }
}

/* `use "PATH"`: relative to the using file; no absolute paths, no "..",
 * no backslashes, and no symbolic link out of its folder, so a submission
 * cannot make CI read (and print) a file outside its folder. */
static LoadedFile *use_file(FileSet *fs, Source *from, Span at, const Str *path)
{
    const char *p = path->ptr;
    size_t n = path->len;
    bool bad = n == 0 || p[0] == '/' || memchr(p, '\\', n) || memchr(p, '\0', n);
    for (size_t i = 0; !bad && i < n; i++) {
        bool start = i == 0 || p[i - 1] == '/';
        if (start && i + 1 < n && p[i] == '.' && p[i + 1] == '.' && (i + 2 == n || p[i + 2] == '/'))
            bad = true;
    }
    if (bad) {
        diag_error(fs->diag, from, at,
                   "'use' takes a path relative to this file, without '..', '/' at the start or '\\'");
        return NULL;
    }
    const char *dir_end = from->path ? strrchr(from->path, '/') : NULL;
    int dir_len = dir_end ? (int)(dir_end - from->path) + 1 : 0;
    const char *dir = dir_len ? arena_strndup(fs->arena, from->path, (size_t)dir_len) : ".";
    const char *full = arena_printf(fs->arena, "%.*s%.*s", dir_len, dir_len ? from->path : "", (int)n, p);
    if (!full || !dir) {
        diag_out_of_memory(fs->diag);
        return NULL;
    }
    if (!inside(dir, full)) {
        diag_error(fs->diag, from, at, "'use' may not leave this file's folder, even through a symbolic link");
        return NULL;
    }
    return read_file(fs, full, from, at);
}

/* The item is `use "PATH"` as the model accepts it (spec §10). */
static bool is_use(const FileSet *fs, const Item *it)
{
    return it->name == fs->use && it->args && it->args->kind == ATOM_STRING && !it->args->next &&
           !it->binding && !it->blocks;
}

/* A file being read, and the next of its items to look at for `use`. */
typedef struct Pending {
    LoadedFile *file;
    Item *next;
} Pending;

/* The sandbox's refusal of a command-line file (--sandbox). */
static bool refused(const FileSet *fs, Diag *diag, const char *path)
{
    if (!fs->sandbox || strcmp(path, "-") == 0 || inside(".", path))
        return false;
    diag_error(diag, NULL, ((Span){ 0, 0 }), "with --sandbox, '%s' must lie inside the working folder, "
               "symbolic links resolved", path);
    return true;
}

/* A root file read: it, then depth first the files it uses. */
static void follow_uses(FileSet *fs, LoadedFile *root)
{
    if (!add_root(fs, root))
        return;
    /* Depth first over `use` items, with an explicit stack: a long chain of
     * files costs no C stack, and a chain deeper than the limit stops. */
    Pending stack[LOAD_MAX_USE_DEPTH + 1];
    uint32_t depth = 0;
    stack[depth++] = (Pending){ root, root->items };
    while (depth && !diag_full(fs->diag)) {
        Pending *top = &stack[depth - 1];
        Item *it = top->next;
        if (!it) {
            depth--;
            continue;
        }
        top->next = it->next;
        if (!is_use(fs, it))
            continue;
        if (depth > LOAD_MAX_USE_DEPTH) {
            diag_error(fs->diag, top->file->src, it->args->span,
                       "'use' files nest more than %d levels deep here", LOAD_MAX_USE_DEPTH);
            continue;
        }
        Str path = atom_str(it->args);
        LoadedFile *f = use_file(fs, top->file->src, it->args->span, &path);
        if (!f)
            continue;
        if (!ptrmap_put(&fs->used, fs->arena, it, 0, f)) {
            diag_out_of_memory(fs->diag);
            continue;
        }
        stack[depth++] = (Pending){ f, f->items };
    }
}

void load_file(FileSet *fs, const char *path)
{
    if (refused(fs, fs->diag, path))
        return;
    LoadedFile *root = read_file(fs, path, NULL, (Span){ 0, 0 });
    if (root)
        follow_uses(fs, root);
}

/* The chunks of a tree handed over item by item: it holds the chunks of
 * one item of a unit's block (a district of the unit that is its
 * province) and the next few, which in chunks of 2 MiB, resident from
 * the start, was 6 MB of a national report's peak. */
enum { STREAMED_CHUNK = 256 * 1024 };

/* Parse f, read and numbered, as a root, its top-level items to `sink`
 * as they are parsed. */
static ParseStatus parse_streamed(FileSet *fs, LoadedFile *f, Source *src, const FileSink *sink)
{
    Arena *tree = add_root(fs, f) ? syntax_arena(fs, f, src, fs->arena, fs->diag, &fs->arena->allocator) : NULL;
    if (!tree)
        return PARSE_NO_MEMORY;
    if (tree != fs->arena)
        arena_chunks_at_most(tree, STREAMED_CHUNK);     /* given back item by item */
    sink->begin(sink->items.ctx, f);
    return parse_source_streamed(src, fs->arena, tree, fs->syms, fs->diag, &sink->items);
}

ParseStatus load_file_streamed(FileSet *fs, const char *path, const FileSink *sink)
{
    if (refused(fs, fs->diag, path))
        return PARSE_DONE;
    Source *src;
    LoadedFile *f = fresh_file(fs, path, NULL, (Span){ 0, 0 }, true, &src);
    if (!f)
        return fs->diag->out_of_memory ? PARSE_NO_MEMORY : PARSE_DONE;
    ParseStatus st = add_file(fs, f, src) ? parse_streamed(fs, f, src, sink) : PARSE_NO_MEMORY;
    if (st == PARSE_NO_MEMORY) {
        source_close_pieces(src);
        return PARSE_NO_MEMORY;
    }
    if (src->failed == SOURCE_ERR_MEMORY) {
        diag_out_of_memory(fs->diag);
        return PARSE_NO_MEMORY;
    }
    if (src->failed != SOURCE_OK) {
        /* read in pieces, it changed or failed on the way: as if read whole */
        errno = source_read_error(src);
        cannot_read(fs->diag, NULL, (Span){ 0, 0 }, path, src->failed);
    }
    return st;
}

ParseStatus load_bytes_streamed(FileSet *fs, const char *name, const char *bytes, size_t len, const FileSink *sink)
{
    Source *src = source_from_bytes(fs->arena, name, bytes, len);
    LoadedFile *f = ARENA_NEW(fs->arena, LoadedFile);
    if (!src || !f) {
        diag_out_of_memory(fs->diag);
        return PARSE_NO_MEMORY;
    }
    return add_file(fs, f, src) ? parse_streamed(fs, f, src, sink) : PARSE_NO_MEMORY;
}

/* ---- several files at once -------------------------------------------------- */

/* A command-line file read and parsed by one of the threads, taken in
 * turn afterwards as if it had been read then. */
typedef struct Job {
    const char *path;
    LoadedFile *file;       /* NULL: not read (diag says why), or standard input */
    Diag diag;              /* recording (diag_replay) */
} Job;

typedef struct Crew {
    FileSet *fs;
    Job *jobs;
    uint32_t njobs;
    atomic_uint next;       /* the next job to take */
} Crew;

/* The pages of a thread's trees: blocks given back by a tree freed once
 * its file is modelled serve the next file's tree (the same sizes come
 * again: a tree's arena takes chunks of a power of two). A national report
 * read a few files at a time by two threads made and freed some 2 GB of
 * trees; fresh pages each time, cleared and faulted in by the system, were
 * a quarter of the run. A block is taken on the thread and given back on
 * the run's between two calls of load_files(), never both at once. */
typedef struct PoolBlock {
    struct PoolBlock *next;
    size_t size;
    _Alignas(max_align_t) char data[];
} PoolBlock;

typedef struct Pool {
    PoolBlock *free;
} Pool;

static void *pool_alloc(void *ctx, size_t size)
{
    Pool *pool = ctx;
    for (PoolBlock **at = &pool->free; *at; at = &(*at)->next)
        if ((*at)->size == size) {
            PoolBlock *b = *at;
            *at = b->next;
            return b->data;
        }
    if (size > SIZE_MAX - sizeof(PoolBlock))
        return NULL;
    PoolBlock *b = malloc(sizeof *b + size);
    if (!b)
        return NULL;
    b->size = size;
    return b->data;
}

static void pool_release(void *ctx, void *block)
{
    Pool *pool = ctx;
    PoolBlock *b = (PoolBlock *)((char *)block - offsetof(PoolBlock, data));
    b->next = pool->free;
    pool->free = b;
}

static void pool_free(Pool *pool)
{
    for (PoolBlock *b = pool->free, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    pool->free = NULL;
}

/* A thread's memory, kept by the FileSet from one call of load_files() to
 * the next: what its files keep (sources, strings, expressions, messages),
 * which joins the run's arena at the end of reading (hands_done), and the
 * pages of their trees. A file's text, given back once the file is
 * modelled (source_evict), then serves a file the thread reads later
 * (arena_recycle). */
struct Hand {
    Arena keep;
    Pool trees;
    Allocator pages;        /* pool_alloc over `trees` */
};

/* The threads' memory for up to `n` threads (fewer when it was made for
 * fewer); false when out of memory. */
static bool hands_ready(FileSet *fs, unsigned *n)
{
    if (fs->hands) {
        if (*n > fs->nhands)
            *n = fs->nhands;
        return true;
    }
    fs->hands = ARENA_ARRAY(fs->arena, struct Hand, *n);
    if (!fs->hands)
        return false;
    fs->nhands = *n;
    for (unsigned t = 0; t < *n; t++) {
        struct Hand *h = &fs->hands[t];
        arena_init(&h->keep, &fs->arena->allocator);
        /* a few files' sources and strings: the smallest first chunk, as
         * the run's arena takes every chunk in, used or not */
        arena_expect(&h->keep, 0);
        h->trees.free = NULL;
        h->pages = (Allocator){ pool_alloc, pool_release, &h->trees, NULL };
    }
    return true;
}

static bool kept_by_a_hand(const FileSet *fs, const Arena *a)
{
    for (unsigned t = 0; t < fs->nhands; t++)
        if (a == &fs->hands[t].keep)
            return true;
    return false;
}

/* At the end of reading, every tree freed: what the threads' files keep
 * joins the run's arena, and their sources say so. */
static void hands_done(FileSet *fs)
{
    if (!fs->hands)
        return;
    for (uint32_t i = 0; i < fs->nfiles; i++)
        if (kept_by_a_hand(fs, fs->files[i]->src->arena))
            fs->files[i]->src->arena = fs->arena;
    for (unsigned t = 0; t < fs->nhands; t++) {
        arena_adopt(fs->arena, &fs->hands[t].keep);
        pool_free(&fs->hands[t].trees);
    }
    fs->hands = NULL;
    fs->nhands = 0;
}

/* A thread reading files of a call of load_files(). */
typedef struct Worker {
    Crew *crew;
    struct Hand *hand;
    pthread_t thread;
    bool started;
} Worker;

/* What load_file() does up to the parse, for one job, on a thread: what
 * the file keeps goes into the thread's arena, what it says into the
 * job's own diagnostics; nothing of the run is touched but the symbol
 * table, under its lock. */
static void read_apart(const FileSet *fs, Job *j, struct Hand *hand)
{
    Arena *keep = &hand->keep;
    diag_init(&j->diag, keep);
    j->diag.recording = true;
    if (strcmp(j->path, "-") == 0 || refused(fs, &j->diag, j->path))
        return;                     /* standard input is read in turn: it may be named twice */
    Source *src = load_source(keep, &j->diag, j->path, NULL, (Span){ 0, 0 }, false);
    if (!src)
        return;
    LoadedFile *f = ARENA_NEW(keep, LoadedFile);
    if (!f) {
        diag_out_of_memory(&j->diag);
        return;
    }
    f->src = src;
    parse_into(fs, f, src, keep, &j->diag, &hand->pages);
    j->file = f;
}

static void *work(void *arg)
{
    Worker *w = arg;
    Crew *c = w->crew;
    for (unsigned i; (i = atomic_fetch_add(&c->next, 1)) < c->njobs;)
        read_apart(c->fs, &c->jobs[i], w->hand);
    return NULL;
}

/* A file read for nothing: its tree goes at once. */
static void discard(LoadedFile *f)
{
    if (f->syntax)
        arena_free(f->syntax);
    f->syntax = NULL;
    f->items = NULL;
}

/* A job's file in its turn: what read_file() and load_file() do once the
 * file is parsed, and what was said reading it, said now. */
static void take(FileSet *fs, Job *j)
{
    LoadedFile *f = j->file;
    if (strcmp(j->path, "-") == 0) {
        load_file(fs, "-");
        return;
    }
    if (!f) {
        diag_replay(fs->diag, &j->diag);
        return;
    }
    Source *src = f->src;
    if (read_before(fs, src)) {
        discard(f);                 /* skipped, unheard, as read_file() skips it */
        return;
    }
    if (!remember(fs, src, f)) {
        diag_out_of_memory(fs->diag);
        return;
    }
    if (!add_file(fs, f, src))
        return;
    diag_replay(fs->diag, &j->diag);
    follow_uses(fs, f);
}

void load_files(FileSet *fs, const char *const *paths, uint32_t n, unsigned threads)
{
    if (threads > n)
        threads = n;
    if (threads < 2 || !arena_shareable(fs->arena)) {
        for (uint32_t i = 0; i < n && !diag_full(fs->diag); i++)
            load_file(fs, paths[i]);
        return;
    }
    if (diag_full(fs->diag))
        return;
    Crew crew = { fs, ARENA_ARRAY(fs->arena, Job, n), n, 0 };
    Worker *workers = ARENA_ARRAY(fs->arena, Worker, threads);
    pthread_mutex_t lock;
    if (!crew.jobs || !workers || !hands_ready(fs, &threads) || pthread_mutex_init(&lock, NULL) != 0) {
        diag_out_of_memory(fs->diag);
        return;
    }
    for (uint32_t i = 0; i < n; i++)
        crew.jobs[i].path = paths[i];
    /* From here until every thread is joined, the run's arena is touched
     * only through the symbol table, under its lock. */
    fs->syms->lock = &lock;
    for (unsigned t = 0; t < threads; t++) {
        workers[t].crew = &crew;
        workers[t].hand = &fs->hands[t];
        if (t > 0)
            workers[t].started = pthread_create(&workers[t].thread, NULL, work, &workers[t]) == 0;
    }
    work(&workers[0]);              /* this thread is one of them */
    for (unsigned t = 1; t < threads; t++)
        if (workers[t].started)
            pthread_join(workers[t].thread, NULL);
    fs->syms->lock = NULL;
    pthread_mutex_destroy(&lock);
    for (unsigned t = 0; t < threads; t++)
        fs->arena->failed |= fs->hands[t].keep.failed;
    /* In order, as if each had been read in its turn: a file read before
     * is skipped, and once the errors are too many nothing more is read. */
    for (uint32_t i = 0; i < n; i++) {
        if (diag_full(fs->diag)) {
            if (crew.jobs[i].file)
                discard(crew.jobs[i].file);
            continue;
        }
        take(fs, &crew.jobs[i]);
    }
}

LoadedFile *load_used(const FileSet *fs, const Item *use)
{
    return ptrmap_get(&fs->used, use, 0);
}
