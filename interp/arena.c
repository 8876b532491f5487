/* arena.c - region allocator: bump allocation in 64 KiB chunks; a large
 * request gets a chunk of its own so it does not waste a small one. */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { CHUNK_SIZE = 64 * 1024, ALIGN = _Alignof(max_align_t) };

struct ArenaChunk {
    ArenaChunk *next;
    _Alignas(max_align_t) char data[];
};

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

void arena_free(Arena *a)
{
    ArenaChunk *c = a->chunks;
    while (c) {
        ArenaChunk *next = c->next;
        a->allocator.release(a->allocator.ctx, c);
        c = next;
    }
    a->chunks = NULL;
    a->cursor = a->limit = NULL;
    a->total = 0;
}

static ArenaChunk *new_chunk(Arena *a, size_t payload)
{
    if (payload > SIZE_MAX - sizeof(ArenaChunk)) {
        a->failed = true;
        return NULL;
    }
    ArenaChunk *c = a->allocator.alloc(a->allocator.ctx, sizeof(ArenaChunk) + payload);
    if (!c) {
        a->failed = true;
        return NULL;
    }
    a->total += sizeof(ArenaChunk) + payload;
    return c;
}

void *arena_alloc(Arena *a, size_t size)
{
    /* a zero-byte request gets a block too: NULL means out of memory only */
    size_t rounded = ((size ? size : 1) + (ALIGN - 1)) & ~(size_t)(ALIGN - 1);
    if (rounded < size || (a->allocator.fail && a->allocator.fail(a->allocator.ctx))) {
        a->failed = true;           /* wrapped around, or a test says so */
        return NULL;
    }
    if (rounded <= (size_t)(a->limit - a->cursor)) {
        void *p = a->cursor;
        a->cursor += rounded;
        return p;
    }
    if (rounded > CHUNK_SIZE / 4) {
        /* Large block: own chunk, linked behind the current small chunk so
         * the small chunk's free space stays usable. */
        ArenaChunk *c = new_chunk(a, rounded);
        if (!c)
            return NULL;
        if (a->chunks) {
            c->next = a->chunks->next;
            a->chunks->next = c;
        } else {
            c->next = NULL;
            a->chunks = c;
        }
        return c->data;
    }
    ArenaChunk *c = new_chunk(a, CHUNK_SIZE);
    if (!c)
        return NULL;
    c->next = a->chunks;
    a->chunks = c;
    a->cursor = c->data + rounded;
    a->limit = c->data + CHUNK_SIZE;
    return c->data;
}

void *arena_zalloc(Arena *a, size_t size)
{
    void *p = arena_alloc(a, size);
    if (p)
        memset(p, 0, size);
    return p;
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

char *arena_printf(Arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = arena_alloc(a, (size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}
