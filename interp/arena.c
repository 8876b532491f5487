/* arena.c - region allocator: bump allocation in 64 KiB chunks; a large
 * request gets a chunk of its own so it does not waste a small one, and
 * can be given back early (arena_release): the tables that double as they
 * grow give back the storage they outgrew instead of keeping every
 * generation to the end of the run. */
#define _GNU_SOURCE                 /* MAP_ANONYMOUS, mremap */
#include "arena.h"

#include <assert.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* Small blocks come from chunks of 64 KiB at first, each next one twice
 * the last up to one huge page, 2 MiB with its header: a large run makes
 * few chunks. Those of the largest size are mapped apart (with the default
 * allocator), so freeing the arena gives them back to the system at once:
 * the syntax trees' arena, five times the input, is freed before derive
 * fills its tables, and malloc's heap would keep its chunks. Large blocks
 * (tables that double) stay malloc's below LARGE_MAPPED, which reuses what
 * they outgrow. */
enum {
    HUGE_PAGE = 2 * 1024 * 1024,    /* a transparent huge page (x86-64, arm64 with pages of 4 KiB) */
    CHUNK_SIZE = 64 * 1024,         /* the first chunk, unless arena_expect() says */
    CHUNK_MIN = ARENA_LARGE,        /* holds any small block (is_large) */
    ALIGN = _Alignof(max_align_t),
};

struct ArenaChunk {
    ArenaChunk *next;       /* older */
    ArenaChunk *prev;       /* newer: a large chunk is unlinked alone, and
                             * small ones are given back oldest first */
    size_t mapped;          /* bytes mapped for this chunk by mmap; 0: the allocator's */
    size_t size;            /* bytes of data */
    _Alignas(max_align_t) char data[];
};

/* The largest small chunk: with its header, one huge page. */
enum { CHUNK_MAX = HUGE_PAGE - sizeof(ArenaChunk) };

/* A request this large gets a chunk of its own. */
static bool is_large(size_t rounded) { return rounded > ARENA_LARGE; }

static size_t round_up(size_t size)
{
    return ((size ? size : 1) + (ALIGN - 1)) & ~(size_t)(ALIGN - 1);
}

static void *default_alloc(void *ctx, size_t size) { (void)ctx; return malloc(size); }
static void default_release(void *ctx, void *p) { (void)ctx; free(p); }

void arena_init(Arena *a, const Allocator *allocator)
{
    memset(a, 0, sizeof *a);
    if (allocator)
        a->allocator = *allocator;
    else
        a->allocator = (Allocator){ default_alloc, default_release, NULL, NULL };
    a->key = siphash_random_key();
}

bool arena_shareable(const Arena *a)
{
    return a->allocator.alloc == default_alloc && !a->allocator.fail;
}

/* The largest small chunk a has. */
static size_t chunk_max(const Arena *a)
{
    return a->chunk_max ? a->chunk_max : CHUNK_MAX;
}

void arena_expect(Arena *a, size_t bytes)
{
    size_t chunk = CHUNK_MIN, max = chunk_max(a);
    while (chunk < bytes && chunk < max)
        chunk *= 2;
    a->next_chunk = chunk < max ? chunk : max;
}

void arena_chunks_at_most(Arena *a, size_t bytes)
{
    a->chunk_max = bytes < CHUNK_MIN ? CHUNK_MIN : bytes < CHUNK_MAX ? bytes : CHUNK_MAX;
    if (a->next_chunk > a->chunk_max)
        a->next_chunk = a->chunk_max;
}

/* A chunk unlinked by the caller, given back. */
static void free_chunk(Arena *a, ArenaChunk *c)
{
    a->total -= c->mapped ? c->mapped : sizeof(ArenaChunk) + c->size;
    if (c->mapped)
        munmap(c, c->mapped);
    else
        a->allocator.release(a->allocator.ctx, c);
}

static void release_list(Arena *a, ArenaChunk *c)
{
    while (c) {
        ArenaChunk *next = c->next;
        free_chunk(a, c);
        c = next;
    }
}

void arena_free(Arena *a)
{
    release_list(a, a->chunks);
    release_list(a, a->large);
    arena_trim(a);
    a->chunks = a->large = a->oldest = NULL;
    a->cursor = a->limit = NULL;
    a->total = 0;
    a->next_chunk = 0;
}

void arena_trim(Arena *a)
{
    release_list(a, a->spares);
    release_list(a, a->large_spare);
    a->spares = a->large_spare = NULL;
    a->spare_bytes = a->large_spare_bytes = 0;
}

/* zeroed: the memory must read as zeros. From malloc's own calloc, fresh
 * pages are not written at all (only the pages a table really uses are
 * ever touched). */
static ArenaChunk *new_chunk(Arena *a, size_t payload, bool zeroed)
{
    if (payload > SIZE_MAX - sizeof(ArenaChunk)) {
        a->failed = true;
        return NULL;
    }
    size_t size = sizeof(ArenaChunk) + payload;
    ArenaChunk *c = zeroed && a->allocator.alloc == default_alloc ? calloc(1, size)
                                                                   : a->allocator.alloc(a->allocator.ctx, size);
    if (!c) {
        a->failed = true;
        return NULL;
    }
    if (zeroed && a->allocator.alloc != default_alloc)
        memset(c->data, 0, payload);
    c->mapped = 0;
    c->size = payload;
    a->total += size;
    return c;
}

/* Advice that [p, p + size) be made of huge pages where it can: a
 * mapping keeps the advice when mremap moves or grows it. */
static void huge_pages(void *p, size_t size)
{
#ifdef MADV_HUGEPAGE
    if (size >= HUGE_PAGE)
        (void)madvise(p, size, MADV_HUGEPAGE);
#else
    (void)p, (void)size;
#endif
}

/* Pages for a chunk of `size` bytes, or NULL. One of a huge page or more
 * starts on a huge page and is advised to be made of them: a run's model
 * is some 100 MB read in no particular order, and the processor then
 * finds where its pages are in one entry of 2 MiB rather than 512 of
 * 4 KiB. The benchmark's runs take 8 to 16 % less CPU time, mostly the
 * program's own, and 1 % more memory at most: a huge page is mapped
 * whole, but a small chunk is filled to its end and a table that
 * doubles is written across. (Chunks of 2 MiB that did not start on a
 * huge page got few of them: stop 24 found no gain.) Where the system
 * has no such pages, or they are off, it is advice only. A `filled`
 * chunk is written from its first byte to its last: its pages are mapped
 * in one call rather than faulted in one by one (a national report maps
 * some 400 chunks, 100,000 small pages: 4 to 8 % of the run). */
static void *map_pages(size_t size, bool filled)
{
    if (size < HUGE_PAGE) {
        int flags = MAP_PRIVATE | MAP_ANONYMOUS;
#ifdef MAP_POPULATE
        if (filled)
            flags |= MAP_POPULATE;
#endif
        void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, flags, -1, 0);
        return p == MAP_FAILED ? NULL : p;
    }
    /* mapped with a huge page more, then cut to the one that starts on
     * a huge page */
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t len = (size + page - 1) & ~(page - 1);
    if (len < size || len > SIZE_MAX - HUGE_PAGE)
        return NULL;
    char *raw = mmap(NULL, len + HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        return NULL;
    char *p = (char *)(((uintptr_t)raw + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
    if (p > raw)
        munmap(raw, (size_t)(p - raw));
    munmap(p + len, (size_t)(raw + HUGE_PAGE - p));     /* p < raw + HUGE_PAGE */
    huge_pages(p, len);
#ifdef MADV_POPULATE_WRITE
    if (filled)
        (void)madvise(p, len, MADV_POPULATE_WRITE);     /* Linux 5.14 on; else faulted as written */
#else
    (void)filled;
#endif
    return p;
}

/* A chunk mapped apart, given back with munmap (free_chunk); NULL when
 * the system refuses, and the caller asks the allocator instead (malloc
 * may still find it). */
static ArenaChunk *mapped_chunk(Arena *a, size_t payload, bool filled)
{
    if (payload > SIZE_MAX - sizeof(ArenaChunk))
        return NULL;
    size_t size = sizeof(ArenaChunk) + payload;
    void *p = map_pages(size, filled);
    if (!p)
        return NULL;
    ArenaChunk *c = p;
    c->mapped = size;
    c->size = payload;
    a->total += size;
    return c;
}

/* A small chunk; one of CHUNK_MAX is mapped apart (see CHUNK_MAX). */
static ArenaChunk *new_small_chunk(Arena *a, size_t payload)
{
    ArenaChunk *c = payload >= CHUNK_MAX && a->allocator.alloc == default_alloc ? mapped_chunk(a, payload, true)
                                                                                : NULL;
    return c ? c : new_chunk(a, payload, false);
}

/* A request is refused when its size wraps around or a test says so. */
static bool refused(Arena *a, size_t size, size_t rounded)
{
    if (rounded < size || (a->allocator.fail && a->allocator.fail(a->allocator.ctx))) {
        a->failed = true;
        return true;
    }
    return false;
}

/* A large block of LARGE_MAPPED bytes or more is mapped by the arena
 * itself, as the system's allocator would at first: given back, it goes
 * back to the system at once. (glibc raises its own threshold each time
 * it unmaps a block, so blocks of the same size given later come from its
 * heap and stay there once given back: the peak of a run then depended on
 * the order of its frees, 463 to 526 MB for one report.) Its pages are
 * not touched here: they are zero, and mapped as they are written. */
enum { LARGE_MAPPED = 128 * 1024 };

/* Under AddressSanitizer a large block stays the allocator's, which
 * watches the bytes past its end. */
#if defined(__SANITIZE_ADDRESS__)
#define MAP_LARGE 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MAP_LARGE 0
#endif
#endif
#ifndef MAP_LARGE
#define MAP_LARGE 1
#endif

static ArenaChunk *new_large_chunk(Arena *a, size_t rounded, bool zeroed)
{
    ArenaChunk *c = MAP_LARGE && rounded >= LARGE_MAPPED && a->allocator.alloc == default_alloc
                        ? mapped_chunk(a, rounded, false) : NULL;
    return c ? c : new_chunk(a, rounded, zeroed);
}

/* c, a chunk no block lives in, put first on a list of such chunks kept
 * for reuse whose size is *bytes, when that stays within `limit`; false,
 * and c left alone, when it does not. */
static bool kept(ArenaChunk **list, size_t *bytes, size_t limit, ArenaChunk *c)
{
    if (*bytes + c->size > limit)
        return false;
    c->prev = NULL;
    c->next = *list;
    *list = c;
    *bytes += c->size;
    return true;
}

/* A large block the arena mapped, recycled (unlinked by the caller), is
 * kept for the next ones, newest first, while those kept come to
 * ARENA_LARGE_SPARE bytes at most; past that it goes back to the system.
 * A report in a thousand files reads each one's text into a large block
 * and gives it back once the file is modelled (source_evict): the next
 * text then goes into pages already mapped, rather than into fresh ones
 * the system must clear and fault in one by one, then unmap (a third of
 * such a run was the kernel's: bench/README.md). A thread reading a few
 * files ahead (load.c) recycles a few at a time. */
static void retire_large(Arena *a, ArenaChunk *c)
{
    if (!c->mapped || !kept(&a->large_spare, &a->large_spare_bytes, ARENA_LARGE_SPARE, c))
        free_chunk(a, c);
}

/* A kept block for one of `rounded` bytes: the newest of which that is
 * half or more (as a table that doubles, it wastes less than it holds),
 * whole; else the newest, cut or grown by the system (mremap: the pages
 * it keeps are not copied, those it adds are mapped as they are written).
 * NULL when none is kept or it cannot be had. Its bytes are what they
 * were: only for a block asked for uninitialised. */
static ArenaChunk *reused_large(Arena *a, size_t rounded)
{
#ifdef MREMAP_MAYMOVE
    if (!a->large_spare || rounded > SIZE_MAX - sizeof(ArenaChunk))
        return NULL;
    ArenaChunk **at = &a->large_spare;
    while (*at && !(rounded <= (*at)->size && rounded >= (*at)->size / 2))
        at = &(*at)->next;
    if (*at) {
        ArenaChunk *c = *at;
        *at = c->next;
        a->large_spare_bytes -= c->size;
        return c;
    }
    ArenaChunk *c = a->large_spare;
    size_t size = sizeof(ArenaChunk) + rounded;
    ArenaChunk *m = mremap(c, c->mapped, size, MREMAP_MAYMOVE);
    if (m == MAP_FAILED)
        return NULL;                /* it stays kept */
    a->large_spare = m->next;
    a->large_spare_bytes -= m->size;
    a->total = a->total - m->mapped + size;
    m->mapped = size;
    m->size = rounded;
    return m;
#else
    (void)a, (void)rounded;
    return NULL;
#endif
}

/* A large block: a chunk of its own, on the list of large chunks. One the
 * arena would map itself, asked for uninitialised, is one of those kept
 * when there are some (reused_large). */
static void *large(Arena *a, size_t rounded, bool zeroed)
{
    ArenaChunk *c = !zeroed && rounded >= LARGE_MAPPED ? reused_large(a, rounded) : NULL;
    if (!c)
        c = new_large_chunk(a, rounded, zeroed);
    if (!c)
        return NULL;
    c->prev = NULL;
    c->next = a->large;
    if (a->large)
        a->large->prev = c;
    a->large = c;
    return c->data;
}

void *arena_alloc(Arena *a, size_t size)
{
    /* a zero-byte request gets a block too: NULL means out of memory only */
    size_t rounded = round_up(size);
    if (refused(a, size, rounded))
        return NULL;
    if (is_large(rounded))                 /* always its own chunk: see arena_release */
        return large(a, rounded, false);
    /* the cursor may stand at a multiple of 8 (arena_znew): on to one of 16 */
    char *at = a->cursor ? a->cursor + (ALIGN - (uintptr_t)a->cursor % ALIGN) % ALIGN : NULL;
    if (at && at <= a->limit && rounded <= (size_t)(a->limit - at)) {
        a->cursor = at + rounded;
        return at;
    }
    size_t chunk = a->next_chunk ? a->next_chunk : CHUNK_SIZE;
    ArenaChunk *c = a->spares;
    if (c) {
        a->spares = c->next;        /* any small chunk holds any small block */
        a->spare_bytes -= c->size;
        chunk = c->size;
    } else {
        c = new_small_chunk(a, chunk);
        if (!c)
            return NULL;
        a->next_chunk = chunk < chunk_max(a) / 2 ? chunk * 2 : chunk_max(a);
    }
    c->next = a->chunks;
    c->prev = NULL;
    if (a->chunks)
        a->chunks->prev = c;
    else
        a->oldest = c;
    a->chunks = c;
    a->cursor = c->data + rounded;
    a->limit = c->data + chunk;
    return c->data;
}

void *arena_zalloc(Arena *a, size_t size)
{
    size_t rounded = round_up(size);
    if (is_large(rounded))
        return refused(a, size, rounded) ? NULL : large(a, rounded, true);
    void *p = arena_alloc(a, size);
    if (p)
        memset(p, 0, size);
    return p;
}

/* The chunk of a large block p, unlinked from the arena's list; NULL
 * for a small block, which stays to the end. */
static ArenaChunk *unlinked(Arena *a, void *p, size_t size)
{
    if (!p || !is_large(round_up(size)))
        return NULL;
    ArenaChunk *c = (ArenaChunk *)((char *)p - offsetof(ArenaChunk, data));
    if (c->prev)
        c->prev->next = c->next;
    else
        a->large = c->next;
    if (c->next)
        c->next->prev = c->prev;
    return c;
}

void arena_release(Arena *a, void *p, size_t size)
{
    ArenaChunk *c = unlinked(a, p, size);
    if (c)
        free_chunk(a, c);
}

void arena_recycle(Arena *a, void *p, size_t size)
{
    ArenaChunk *c = unlinked(a, p, size);
    if (c)
        retire_large(a, c);
}

void arena_adopt(Arena *to, Arena *from)
{
    arena_trim(from);
    /* small chunks go behind `to`'s newest, which it goes on filling */
    if (from->chunks) {
        ArenaChunk *newest = from->chunks, *oldest = from->oldest;
        if (to->chunks) {
            ArenaChunk *head = to->chunks, *older = head->next;
            oldest->next = older;
            if (older)
                older->prev = oldest;
            else
                to->oldest = oldest;
            head->next = newest;
            newest->prev = head;
        } else {
            to->chunks = newest;
            to->oldest = oldest;
        }
    }
    /* large ones in front: the list is doubly linked for arena_release */
    ArenaChunk *tail = from->large;
    while (tail && tail->next)
        tail = tail->next;
    if (tail) {
        tail->next = to->large;
        if (to->large)
            to->large->prev = tail;
        to->large = from->large;
    }
    to->total += from->total;
    to->failed |= from->failed;
    from->chunks = from->large = from->oldest = NULL;
    from->cursor = from->limit = NULL;
    from->total = 0;
}

/* A small chunk no block lives in any more: kept for the arena's next
 * chunk while the spares are under ARENA_SPARE bytes, else given back. An
 * arena that frees as it goes (a syntax tree read item by item, a writer
 * rewinding line by line) then reuses its pages rather than having the
 * system map and clear fresh ones: a national report's tree is 900 MB
 * made, 15 MB at a time. */
static void spare(Arena *a, ArenaChunk *c)
{
    if (!kept(&a->spares, &a->spare_bytes, ARENA_SPARE, c))
        free_chunk(a, c);
}

void arena_release_before(Arena *a, const void *p)
{
    const char *at = p;
    for (ArenaChunk *c = a->oldest; c && c != a->chunks && !(at >= c->data && at < c->data + c->size);) {
        ArenaChunk *newer = c->prev;
        newer->next = NULL;
        a->oldest = newer;
        spare(a, c);
        c = newer;
    }
}

ArenaMark arena_mark(const Arena *a)
{
    return (ArenaMark){ a->chunks, a->large, a->cursor };
}

void arena_rewind(Arena *a, ArenaMark m)
{
    while (a->chunks != m.chunks) {
        ArenaChunk *c = a->chunks;
        a->chunks = c->next;
        spare(a, c);
    }
    if (a->chunks)
        a->chunks->prev = NULL;
    else
        a->oldest = NULL;
    a->cursor = m.cursor;
    a->limit = a->chunks ? a->chunks->data + a->chunks->size : NULL;
    while (a->large != m.large) {
        ArenaChunk *c = a->large;
        a->large = c->next;
        free_chunk(a, c);
    }
    if (a->large)
        a->large->prev = NULL;
}

/* A large block the arena mapped itself grows where the system puts it:
 * mremap moves its pages instead of copying them, and the new ones stay
 * zero and untouched until written. Grown to a huge page or more, it is
 * advised to be made of them, as a block mapped that large at first is
 * (map_pages): a table of lines that doubled to 8 MB was in small pages,
 * each faulted in apart. (A table that doubles wrote its old
 * contents again into pages faulted in for the copy: a sixth of the page
 * faults of a report of a million figures.) NULL when p is not such a
 * block or the system refuses: the caller copies. */
static void *remapped(Arena *a, void *p, size_t old_size, size_t new_size)
{
#ifdef MREMAP_MAYMOVE
    size_t rounded = round_up(new_size);
    if (!p || a->allocator.fail || new_size <= old_size || !is_large(round_up(old_size)) || rounded < new_size ||
        rounded > SIZE_MAX - sizeof(ArenaChunk))
        return NULL;
    ArenaChunk *c = (ArenaChunk *)((char *)p - offsetof(ArenaChunk, data));
    if (!c->mapped)
        return NULL;
    size_t size = sizeof(ArenaChunk) + rounded;
    ArenaChunk *m = mremap(c, c->mapped, size, MREMAP_MAYMOVE);
    if (m == MAP_FAILED)
        return NULL;
    huge_pages(m, size);
    if (m->prev)                    /* the list's links to it, if it moved */
        m->prev->next = m;
    else
        a->large = m;
    if (m->next)
        m->next->prev = m;
    a->total += size - m->mapped;
    m->mapped = size;
    m->size = rounded;
    return m->data;
#else
    (void)a, (void)p, (void)old_size, (void)new_size;
    return NULL;
#endif
}

void *arena_grow(Arena *a, void *p, size_t old_size, size_t new_size)
{
    void *moved = remapped(a, p, old_size, new_size);
    if (moved)
        return moved;
    char *grown = arena_zalloc(a, new_size);
    if (!grown)
        return NULL;
    if (old_size)
        memcpy(grown, p, old_size < new_size ? old_size : new_size);
    arena_release(a, p, old_size);
    return grown;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    if (n == SIZE_MAX) {
        a->failed = true;           /* n + 1 bytes cannot be had */
        return NULL;
    }
    char *p = arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* The n pieces of the given lengths, `total` bytes in all, one after the
 * other and a NUL, in the arena; NULL when out of memory. */
static char *copy_pieces(Arena *a, const char *const *pieces, const size_t *len, size_t n, size_t total)
{
    char *p = arena_alloc(a, total + 1), *q = p;
    if (!p)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        memcpy(q, pieces[i], len[i]);
        q += len[i];
    }
    *q = '\0';
    return p;
}

char *arena_join(Arena *a, const char *const *pieces, size_t n)
{
    size_t len[ARENA_JOIN_MAX], total = 0;
    assert(n <= ARENA_JOIN_MAX);
    if (n > ARENA_JOIN_MAX)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        len[i] = strlen(pieces[i]);
        if (len[i] > SIZE_MAX - 1 - total) {
            a->failed = true;
            return NULL;
        }
        total += len[i];
    }
    return copy_pieces(a, pieces, len, n, total);
}

/* The argument a directive at fmt ("%s", "%2$s") stands for: its index
 * in *k and the directive's length in *len; false when fmt holds no such
 * directive. */
static bool subst_arg(const char *fmt, size_t *len, size_t *next, size_t *k)
{
    size_t i = 1;
    *k = 0;
    if (fmt[1] == 's') {
        *k = (*next)++;
    } else {
        while (fmt[i] >= '0' && fmt[i] <= '9' && i < 4)
            *k = *k * 10 + (size_t)(fmt[i++] - '0');
        if (i == 1 || *k == 0 || fmt[i] != '$' || fmt[i + 1] != 's')
            return false;
        --*k;
        i++;
    }
    *len = i + 1;
    return true;
}

size_t subst_split(const char *fmt, SubstPiece *pieces, size_t max, size_t nargs)
{
    size_t n = 0, next = 0;
    for (const char *p = fmt; *p; n++) {
        if (n == max)
            return 0;
        SubstPiece *q = &pieces[n];
        size_t skip;
        q->text = p;
        q->arg = -1;
        if (*p != '%') {
            skip = q->len = strcspn(p, "%");
        } else if (p[1] == '%') {
            q->len = 1;
            skip = 2;
        } else {
            size_t k;
            if (!subst_arg(p, &skip, &next, &k) || k >= nargs)
                return 0;
            q->arg = (int)k;
            q->len = 0;
        }
        p += skip;
    }
    return n;
}

char *arena_subst(Arena *a, const char *fmt, const char *const *args, size_t n)
{
    /* the format read once into pieces (its runs of text and the
     * arguments), then their bytes copied into one allocation */
    SubstPiece sp[SUBST_MAX_PIECES];
    size_t npieces = subst_split(fmt, sp, SUBST_MAX_PIECES, n), total = 0;
    if (!npieces && *fmt)
        return NULL;
    const char *piece[SUBST_MAX_PIECES];
    size_t len[SUBST_MAX_PIECES];
    for (size_t i = 0; i < npieces; i++) {
        if (sp[i].arg >= 0) {
            if (!(piece[i] = args[sp[i].arg]))
                return NULL;
            len[i] = strlen(piece[i]);
        } else {
            piece[i] = sp[i].text;
            len[i] = sp[i].len;
        }
        if (len[i] > SIZE_MAX - 1 - total) {
            a->failed = true;
            return NULL;
        }
        total += len[i];
    }
    return copy_pieces(a, piece, len, npieces, total);
}

char *arena_printf(Arena *a, const char *fmt, ...)
{
    /* most texts are short: formatted once on the stack and copied, the
     * format is run twice only for a long one */
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    if ((size_t)n < sizeof small)
        return arena_strndup(a, small, (size_t)n);
    char *p = arena_alloc(a, (size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

bool arena_push(Arena *a, void ***items, uint32_t *n, uint32_t *cap, void *p, uint32_t first_cap)
{
    if (*n == *cap) {
        uint32_t ncap = *cap ? *cap * 2 : first_cap;
        if (ncap <= *cap)
            return false;
        void **grown = arena_grow(a, *items, (size_t)*cap * sizeof *grown, (size_t)ncap * sizeof *grown);
        if (!grown)
            return false;
        *items = grown;
        *cap = ncap;
    }
    (*items)[(*n)++] = p;
    return true;
}
