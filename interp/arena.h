/* arena.h - one region allocator per run: everything the pipeline builds
 * (source text, tokens' strings, AST, model, results) is allocated here and
 * released by a single arena_free().
 *
 * Ownership: the Arena owns every block it hands out. Callers never free a
 * block individually. Allocation failure returns NULL (never exits); the
 * arena remembers it in `failed` so a pass can report "out of memory" once.
 * A thread reading files apart (load.c) fills an arena of its own, which
 * the run's adopts once the thread is done: still one arena to free.
 * The underlying allocator is pluggable so tests can make it fail; with the
 * default one (malloc), small-block chunks of 2 MiB are mapped by the arena
 * itself, each on a huge page where the system has them, and unmapped by
 * arena_free(), so freeing gives memory back to the system at once
 * (arena.c). */
#ifndef DLG_ARENA_H
#define DLG_ARENA_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#include "siphash.h"

typedef struct ArenaChunk ArenaChunk;

typedef struct Allocator {
    void *(*alloc)(void *ctx, size_t size);
    void (*release)(void *ctx, void *block);
    void *ctx;
    /* Tests only (tests/unit/test_faults.c), NULL otherwise: asked before
     * every arena_alloc, true makes that one fail as if memory ran out. */
    bool (*fail)(void *ctx);
} Allocator;

typedef struct Arena {
    ArenaChunk *chunks;     /* small chunks, newest first */
    ArenaChunk *oldest;     /* the last of `chunks` */
    ArenaChunk *large;      /* chunks of one large block each, newest first */
    ArenaChunk *spares;     /* small chunks given back, kept for reuse (arena.c) */
    ArenaChunk *large_spare;    /* large blocks recycled, newest first, kept for the next (arena_recycle) */
    size_t large_spare_bytes;   /* their size, at most ARENA_LARGE_SPARE */
    size_t spare_bytes;     /* their size, at most ARENA_SPARE */
    char *cursor, *limit;   /* free space in the newest small chunk */
    size_t total;           /* bytes obtained from the allocator */
    size_t next_chunk;      /* the size of the next small chunk: doubles to a limit */
    size_t chunk_max;       /* that limit, when arena_chunks_at_most() set one; 0: 2 MiB */
    Allocator allocator;
    bool failed;
    SipKey key;             /* drawn at random by arena_init: the run's hash key */
} Arena;

/* Initialise with the given allocator, or malloc/free when NULL. */
void arena_init(Arena *a, const Allocator *allocator);
/* The arena expects about `bytes` in small blocks: its first chunk is
 * sized for them (16 KiB to 2 MiB) rather than 64 KiB, so that many small
 * arenas (one per file's syntax tree) waste little. Call before the first
 * allocation. */
void arena_expect(Arena *a, size_t bytes);
/* May arenas with a's allocator be used by several threads at once (one
 * arena per thread)? True for the default one, malloc's. */
bool arena_shareable(const Arena *a);
/* The arena's small chunks are at most `bytes` (at least 16 KiB, at most
 * the 2 MiB they are otherwise): for an arena whose blocks are given back
 * as it goes (a syntax tree handed over item by item, parse.h), which
 * then holds a few chunks at a time, each resident while it is held.
 * Chunks below 2 MiB are the allocator's, not mapped apart (arena.c):
 * given back, malloc's may keep them for its next blocks. */
void arena_chunks_at_most(Arena *a, size_t bytes);
/* Release every block at once; the arena can be reused after arena_init. */
void arena_free(Arena *a);

/* Give back the blocks kept for reuse that no block lives in (the spare
 * small chunks, the large blocks recycled), when the work that reused
 * them is over (a run's reading of its files). */
void arena_trim(Arena *a);

/* Move every block of `from` into `to`, which frees them with its own;
 * `from` is left empty. Both must use the same allocator. (A thread's
 * arena joins the run's once the thread is done: load.c.) */
void arena_adopt(Arena *to, Arena *from);

/* Uninitialised, aligned for any object; NULL when out of memory. */
void *arena_alloc(Arena *a, size_t size);
/* Zero-filled. */
void *arena_zalloc(Arena *a, size_t size);
/* Give back a block of `size` bytes no one will use again: a large block
 * (over 16 KiB) is released now, a small one stays to arena_free(). */
void arena_release(Arena *a, void *p, size_t size);
/* arena_release(), for a block another of about its size will follow (a
 * file's text, the next file's): a large one the arena mapped is kept,
 * while those kept come to ARENA_LARGE_SPARE bytes at most, and serves a
 * later large block asked for uninitialised (arena_alloc), its pages
 * already mapped, until arena_trim() or arena_free(). */
void arena_recycle(Arena *a, void *p, size_t size);
/* Give back every small chunk made before the one holding p, a small
 * block of a: for an arena whose blocks die in the order they were made
 * (a syntax tree whose top-level items are modelled one after the other:
 * model.c). The chunk holding p, and the newer ones, stay. Chunks given
 * back here or by arena_rewind() serve the arena's next ones, up to
 * ARENA_SPARE bytes of them; the rest go back to the allocator. */
void arena_release_before(Arena *a, const void *p);
/* Where an arena stands, to go back to: arena_rewind() gives back every
 * block made since arena_mark() (a writer's strings for one line of the
 * report). Nothing made before the mark may be released in between. */
typedef struct ArenaMark {
    ArenaChunk *chunks, *large;
    char *cursor;
} ArenaMark;
ArenaMark arena_mark(const Arena *a);
void arena_rewind(Arena *a, ArenaMark m);
/* A zero-filled block of new_size bytes starting with the old_size bytes
 * at p, which is released (arena_release); NULL when out of memory, p
 * left as it was. A large block the arena mapped itself is moved by the
 * system rather than copied (mremap): the old address is then invalid
 * too. */
void *arena_grow(Arena *a, void *p, size_t old_size, size_t new_size);
/* Append p to an array of pointers in the arena, *n used of *cap, doubling
 * it when full (first_cap the first time); false when out of memory. */
bool arena_push(Arena *a, void ***items, uint32_t *n, uint32_t *cap, void *p, uint32_t first_cap);
/* Copy of n bytes plus a terminating NUL. */
char *arena_strndup(Arena *a, const char *s, size_t n);
/* The n strings of `pieces` (at most ARENA_JOIN_MAX) one after the other,
 * NUL-terminated; NULL when out of memory. For the texts made many times over (a check's
 * subject), where printf would parse a format for each. */
enum { ARENA_JOIN_MAX = 32 };
char *arena_join(Arena *a, const char *const *pieces, size_t n);
/* fmt with each "%s" replaced by the next of the n strings of `args`, each
 * "%N$s" by the Nth, "%%" by "%": a translated message whose arguments are
 * all strings, made without printf (a report makes one a subject). No
 * other directive is allowed, and at most 2 * ARENA_JOIN_MAX + 1 pieces
 * (runs of text and directives). NULL when out of memory, when an argument
 * it takes is NULL or missing, or for a format it does not take. */
char *arena_subst(Arena *a, const char *fmt, const char *const *args, size_t n);
/* One piece of such a format: a run of its text, fmt's own bytes
 * [text, text + len) ("%%" a run of one "%"), or an argument (arg >= 0,
 * its index). */
typedef struct SubstPiece {
    const char *text;
    size_t len;
    int arg;                /* -1: text */
} SubstPiece;
enum { SUBST_MAX_PIECES = 2 * ARENA_JOIN_MAX + 1 };
/* fmt as arena_subst() reads it, in pieces[0, result) (at most max), for
 * a writer that puts the arguments in a form of its own (JSON escaped);
 * 0 for a format it does not take, or one that names an argument from
 * nargs on. */
size_t subst_split(const char *fmt, SubstPiece *pieces, size_t max, size_t nargs);
#define ARENA_SUBST(a, fmt, ...)                                                                                     \
    arena_subst(a, fmt, (const char *const[]){ __VA_ARGS__ },                                                         \
                sizeof((const char *const[]){ __VA_ARGS__ }) / sizeof(const char *))
/* printf into the arena. */
char *arena_printf(Arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* arena_zalloc() inline while the newest chunk has room: the syntax tree
 * and the model make millions of small blocks, and most take this path
 * (a test's failing allocator is asked every time, as arena_alloc asks). */
enum { ARENA_LARGE = 16 * 1024 };  /* a larger block is a chunk of its own (arena.c) */
enum { ARENA_SPARE = 32 * 1024 * 1024 };   /* small chunks given back and kept for reuse, at most */
enum { ARENA_LARGE_SPARE = 4 * 1024 * 1024 };  /* large blocks recycled and kept, at most */

/* A block of a type whose alignment is `align`: one of 8 bytes or less
 * takes a multiple of 8 bytes, not of 16 (an item of a syntax tree takes
 * 56 bytes, not 64; a node 264, not 272); the cursor is always at a
 * multiple of 8, and arena_alloc() moves it on to one of 16 for a block
 * of any type. */
enum { ARENA_SMALL_ALIGN = 8 };

/* `size` bytes at the cursor, a multiple of 8 of them, when the newest
 * chunk has room and no test's allocator is to be asked; else NULL. */
static inline void *arena_bump_(Arena *a, size_t size)
{
    size_t rounded = ((size ? size : 1) + ARENA_SMALL_ALIGN - 1) & ~(size_t)(ARENA_SMALL_ALIGN - 1);
    if (rounded > ARENA_LARGE || a->allocator.fail || rounded > (size_t)(a->limit - a->cursor))
        return NULL;
    void *p = a->cursor;
    a->cursor += rounded;
    return p;
}

static inline void *arena_znew(Arena *a, size_t size, size_t align)
{
    void *p = align <= ARENA_SMALL_ALIGN ? arena_bump_(a, size) : NULL;
    return p ? memset(p, 0, size) : arena_zalloc(a, size);
}

/* arena_alloc() of a block for a type whose alignment is 8 bytes or less
 * (a symbol and its text), not zeroed: it takes a multiple of 8 bytes,
 * not of 16. */
static inline void *arena_alloc_small(Arena *a, size_t size)
{
    void *p = arena_bump_(a, size);
    return p ? p : arena_alloc(a, size);
}

/* A block of `size` bytes (a multiple of 8) that takes the place of the
 * last `tail` bytes of the block made last, at `at`, and goes on from
 * there: made only when those bytes end at the cursor (nothing was made
 * since) and the chunk has room; else NULL, and nothing changes. A list
 * whose last element keeps a link in its last bytes grows this way
 * without one where its elements come one after the other (model.h's
 * figures). */
static inline void *arena_alloc_over(Arena *a, void *at, size_t tail, size_t size)
{
    char *p = at;
    if (size % ARENA_SMALL_ALIGN || a->allocator.fail || !a->cursor || p + tail != a->cursor ||
        size > (size_t)(a->limit - p))
        return NULL;
    a->cursor = p + size;
    return p;
}

#define ARENA_NEW(a, T) ((T *)arena_znew((a), sizeof(T), _Alignof(T)))
#define ARENA_ARRAY(a, T, n) ((T *)arena_zalloc((a), sizeof(T) * (size_t)(n)))

#endif
