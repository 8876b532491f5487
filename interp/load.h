/* load.h - reading every file of a run before anything is modelled (spec
 * §10): the files named on the command line, the rulebooks, and every file
 * they `use`, each read and parsed once however it is named. `use` chains
 * are followed iteratively, depth-first in the order the files name them,
 * so files are numbered in the order a reader meets them. A run that
 * models while it reads (run.c) takes a file's items one by one as they
 * are parsed instead (load_file_streamed()).
 *
 * The loader knows only the form `use "PATH"` at the top level of a file;
 * any other use of `use` is the model's to report.
 *
 * Ownership: the FileSet and its sources live in the arena passed to
 * load_init(); so do the syntax trees, unless FileSet.trees_apart is set: then
 * each file's tree has an arena of its own, which load_release() frees
 * once the file is modelled (per-file lifetimes: a report in 700 files
 * never holds 700 trees and the model at once). load_files() reads with
 * several threads: each keeps what its files keep in an arena of its own,
 * and makes their trees in pages it takes back once they are freed; both
 * last from one call to the next (a report read a few files at a time
 * reuses its pages rather than having the system clear new ones), and
 * load_release_all() joins the arenas to `arena` (arena_adopt), so the
 * ownership is in the end the same as reading one file after the other. */
#ifndef DLG_LOAD_H
#define DLG_LOAD_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "parse.h"
#include "source.h"
#include "symbol.h"

/* `use` files nest at most this deep; the next one is an error. */
enum { LOAD_MAX_USE_DEPTH = 32 };

typedef struct LoadedFile {
    Source *src;
    Item *items;            /* its syntax tree (partial after a syntax error); NULL once released */
    Arena *syntax;          /* the tree's own arena (FileSet.trees_apart), or NULL: it lives elsewhere */
} LoadedFile;

typedef struct FileSet {
    Arena *arena;
    Symtab *syms;
    Diag *diag;
    bool trees_apart;       /* false: syntax trees go into `arena`; true: each file's
                             * tree into an arena of its own, with `arena`'s allocator,
                             * released by load_release() */
    LoadedFile **roots;     /* one per load_file() that read a new file */
    uint32_t nroots, cap_roots;
    LoadedFile **files;     /* every file read, in order: library, roots, used */
    uint32_t nfiles, cap_files;
    PtrMap seen;            /* file identity -> LoadedFile: each file read once */
    PtrMap used;            /* `use` item -> the LoadedFile it brought in */
    Symbol *use;            /* the name `use` */
    uint32_t nsources;
    bool sandbox;           /* --sandbox: files named on the command line stay in the working folder */
    struct Hand *hands;     /* load_files(): each thread's memory, from one call to the next */
    unsigned nhands;
} FileSet;

void load_init(FileSet *fs, Arena *a, Symtab *syms, Diag *d);

/* The files dlg ships and every run reads first (library.h: std/ and
 * calendar/), parsed once and then shared, read-only, by any number of
 * runs: the fuzzer, the tests, a long-lived process. A run using it makes
 * its symbol table over the prelude's (symtab_init_over) and calls
 * load_prelude() where it would have called load_library() for each file.
 *
 * Ownership: the prelude owns an arena holding its symbols, sources and
 * syntax trees; it must outlive every run using it. */
typedef struct Prelude {
    Arena arena;
    Symtab syms;
    LoadedFile *files;
    uint32_t nfiles;
} Prelude;

/* NULL when out of memory or when a shipped file does not parse (a broken
 * build: `make check` would fail). */
Prelude *prelude_new(const Allocator *allocator);
void prelude_free(Prelude *p);
/* The prelude's files as this run's first files: each gets a Source of the
 * run's (sharing the text, the line table and the tree). */
void load_prelude(FileSet *fs, const Prelude *p);
/* Read and parse a command-line file ("-" is standard input) and, depth
 * first, every file it uses. A file already read is skipped silently; one
 * that cannot be read gets a diagnostic. */
void load_file(FileSet *fs, const char *path);
/* Where load_file_streamed() hands a file, then its top-level items. */
typedef struct FileSink {
    void (*begin)(void *ctx, LoadedFile *f);    /* f is read and numbered; its items come
                                                 * next (ctx: items.ctx) */
    ItemSink items;
} FileSink;

/* load_file() for a run that models a file while it is parsed (run.c):
 * a regular file (not "-"), read and numbered as load_file() would, whose
 * top-level items go to `sink` one by one as they are parsed; the file
 * keeps none (LoadedFile.items stays NULL: the sink keeps what it needs,
 * in the file's syntax arena). Its `use` items are not followed: the sink
 * sees them. PARSE_SYNTAX_ERROR: the caller must read everything again
 * without a sink (parse.h). */
ParseStatus load_file_streamed(FileSet *fs, const char *path, const FileSink *sink);
/* load_file_streamed() for a file given in memory, as load_bytes() reads
 * one. */
ParseStatus load_bytes_streamed(FileSet *fs, const char *name, const char *bytes, size_t len, const FileSink *sink);
/* load_file() for each path in order, the files read and parsed by up to
 * `threads` threads at once (this one among them): the result, the
 * diagnostics included, is the same as load_file()'s one after the other,
 * whatever the number of threads. Standard input and the files the others
 * use are read in turn, by this thread. With one thread, or an allocator
 * not known to be thread-safe (a test's), this is load_file() n times. */
void load_files(FileSet *fs, const char *const *paths, uint32_t n, unsigned threads);
/* Parse a file dlg ships (library.h), named "<dlg>/NAME" in messages. It
 * is one of the files, not a root: nothing in it is modelled. */
void load_library(FileSet *fs, const char *name, const char *bytes, size_t len);
/* Parse bytes held in memory as a root file named `name` (the fuzzer, an
 * embedding program); its `use` items are not followed. */
void load_bytes(FileSet *fs, const char *name, const char *bytes, size_t len);
/* Parse a rulebook dlg ships (`--rules NAME`): a root, like a file named
 * on the command line, whose `use` items are not followed. */
void load_shipped_rulebook(FileSet *fs, const char *name, const char *bytes, size_t len);
/* The file a top-level `use` item brought in; NULL when it named a file
 * read before, or one that could not be read (already reported). */
/* Free a file's syntax tree once nothing will read it again (the model
 * has added its items); a tree in no arena of its own stays. An arena that
 * ran out of memory is reported first. */
void load_release(const FileSet *fs, LoadedFile *f);
/* load_release() for every file, at the end of reading: what load_files()'
 * threads kept joins `arena`, and what `arena` kept to read the next file
 * with goes back (arena_trim). */
void load_release_all(FileSet *fs);
LoadedFile *load_used(const FileSet *fs, const Item *use);

#endif
