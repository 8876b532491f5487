/* symbol.h - interned byte strings and a small pointer-keyed hash map.
 *
 * Every name (and every unit name and figure path) is interned once, so the
 * later passes compare names by pointer and hash them for free.
 *
 * Ownership: symbols, their text and the tables live in the arena passed at
 * init; growing a table leaves the old slot array in the arena (bounded by
 * the final size, since tables double). A table made over a base (the
 * prelude's, load.h) only reads the base, which must outlive it. */
#ifndef DLG_SYMBOL_H
#define DLG_SYMBOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <pthread.h>
#include <string.h>

#include "arena.h"

typedef struct Symbol {
    uint32_t len;
    uint32_t hash;
    uint32_t id;            /* dense: 0, 1, 2 ... in the order interned; a
                             * table over a base goes on from the base's */
    char text[];            /* NUL-terminated; may contain any UTF-8. Inline:
                             * a lookup that finds the symbol reads one line */
} Symbol;

/* The table is open addressing with linear probing, in two arrays of
 * `cap`: a byte for each slot (Symtab.tags), 0 when empty, else seven bits
 * of the name's hash and the top bit set; and the slot itself
 * (Symtab.slots), 1 + the symbol's index in Symtab.syms. A probe reads the
 * bytes, and a slot and its symbol only where the byte matches (once in
 * 128 for another name). A name not yet interned, as every name of a
 * vocabulary is once, is then found absent in 1 MB per million names,
 * which the cache keeps, rather than by a cache miss in the slots (5
 * bytes a slot in all, where a slot that kept the hash took 8). */

/* The names interned last, direct-mapped by a cheap hash of their bytes:
 * the same few hundred names (status, topic, resolved ...) come back a
 * million times in a national report, and are found here without the keyed
 * hash. Input can make every name fall in one slot; that only sends each
 * lookup the keyed way, as if there were no cache. A table has one; a
 * scanner has its own (symtab_intern_via), so that threads parsing files
 * at once share the table and not the cache. */
enum { SYMTAB_RECENT_BITS = 8 };
typedef struct SymCache {
    Symbol *slot[1u << SYMTAB_RECENT_BITS];
    /* The last name not found among the recent ones: the next such name
     * is first compared with the symbol interned after it. A unit lists
     * its figures in the order the vocabulary declared them, so a report
     * of a million figures finds each the way it is written, in order,
     * rather than by a cache miss in a table of a million slots. Only a
     * guess, checked byte for byte. */
    const Symbol *last;
} SymCache;

typedef struct Symtab {
    Arena *arena;
    uint8_t *tags;          /* see above */
    uint32_t *slots;
    uint32_t cap, count;    /* cap is a power of two */
    Symbol **syms;          /* this table's symbols by id - first_id, in
                             * the order interned: names read in order are
                             * found in order */
    uint32_t syms_cap;
    SipKey key;             /* the arena's, or the base's */
    const struct Symtab *base;  /* names looked up first, never added to */
    uint32_t first_id;      /* the id of this table's first symbol: the base's count */
    pthread_mutex_t *lock;  /* NULL, or set while several threads
                             * intern (load.c), every symtab_intern_via() holds
                             * it, and nothing else may touch the table */
    SymCache recent;
} Symtab;

void symtab_init(Symtab *t, Arena *a);
/* A table whose names include every name of `base` (same Symbols), new
 * ones going into `a`. */
void symtab_init_over(Symtab *t, Arena *a, const Symtab *base);
/* The unique Symbol for these bytes; NULL when out of memory. */
Symbol *symtab_intern(Symtab *t, const char *s, size_t len);
Symbol *symtab_intern_cstr(Symtab *t, const char *s);
/* symtab_intern() through the caller's cache rather than the table's,
 * holding t->lock when there is one. A name found in the cache, as most
 * names a scanner meets are, is found inline (symcache_get()); the rest
 * go the slow way (symtab_intern_missed()). */
static inline Symbol *symtab_intern_via(Symtab *t, SymCache *c, const char *s, size_t len);
Symbol *symtab_intern_missed(Symtab *t, SymCache *c, uint32_t slot, const char *s, size_t len);
/* The Symbol if already interned, else NULL (never allocates). */
Symbol *symtab_find(const Symtab *t, const char *s, size_t len);
/* The symbol whose id is `id`, of this table or its base; NULL when there
 * is none. Not while another thread interns. */
Symbol *symtab_symbol(const Symtab *t, uint32_t id);
/* One past the largest id of the table's symbols (its base's included). */
static inline uint32_t symtab_ids(const Symtab *t) { return t->first_id + t->count; }
/* The path "whole.part", interned; NULL when out of memory. */
Symbol *symtab_join(Symtab *t, const Symbol *whole, const Symbol *part);

/* Map from a Symbol to a pointer: an array by the symbol's id, for what
 * the vocabulary and the model say a name means. A lookup is an index,
 * never a hash; the array is as long as the largest id put (8 bytes a
 * symbol at most: linear in the input). An all-zero SymMap is empty. */
typedef struct SymMap {
    void **values;
    uint32_t cap;
} SymMap;

static inline void *symmap_get(const SymMap *m, const Symbol *s)
{
    return s->id < m->cap ? m->values[s->id] : NULL;
}
/* The value of the symbol whose id is `id`. */
static inline void *symmap_get_id(const SymMap *m, uint32_t id)
{
    return id < m->cap ? m->values[id] : NULL;
}
/* Set (or replace) the symbol's value; false when out of memory. */
bool symmap_put(SymMap *m, Arena *a, const Symbol *s, void *value);
/* symmap_put() for the symbol whose id is `id`. */
bool symmap_put_id(SymMap *m, Arena *a, uint32_t id, void *value);
/* Room for the ids below n at once, when they are known to come (the
 * array doubles otherwise, copied each time); false when out of memory. */
bool symmap_reserve(SymMap *m, Arena *a, uint32_t n);

/* Map from a (pointer, tag) key to a pointer value. */
typedef struct MapSlot {
    const void *key;
    uintptr_t tag;
    void *value;
} MapSlot;

typedef struct PtrMap {
    MapSlot *slots;
    uint32_t cap, count;
    uint64_t seed;          /* the arena's key, taken at the first put */
} PtrMap;

/* An all-zero PtrMap is a valid empty map. */
void *ptrmap_get(const PtrMap *m, const void *key, uintptr_t tag);
/* Insert or replace; false when out of memory. */
bool ptrmap_put(PtrMap *m, Arena *a, const void *key, uintptr_t tag, void *value);

/* ---- the cache, inline ---------------------------------------------------- */

/* Where a name may be in a SymCache: its length and three of its bytes,
 * not a defence against anything (see SymCache). */
static inline uint32_t symtab_recent_slot(const char *s, size_t len)
{
    if (!len)
        return 0;
    const unsigned char *u = (const unsigned char *)s;
    uint32_t x = (uint32_t)len * 0x9E3779B1u ^ (uint32_t)u[0] << 16 ^ (uint32_t)u[len / 2] << 8 ^ u[len - 1];
    x *= 0x85EBCA6Bu;
    return x >> (32 - SYMTAB_RECENT_BITS);
}

/* The k bytes at p, k 4 or 8, as a word. */
static inline uint64_t symbol_word_at(const char *p, size_t k)
{
    if (k == 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        return w;
    }
    uint32_t w;
    memcpy(&w, p, 4);
    return w;
}

/* Is sym these len bytes? Names are short: from 4 to 16 bytes they are
 * compared by their first and last word, which may overlap, inline,
 * rather than by a call to memcmp for each name scanned. */
static inline bool symbol_is(const Symbol *sym, const char *s, size_t len)
{
    if (sym->len != len)
        return false;
    const char *t = sym->text;
    if (len < 4 || len > 16)
        return memcmp(t, s, len) == 0;
    size_t k = len >= 8 ? 8 : 4, last = len - k;
    return ((symbol_word_at(t, k) ^ symbol_word_at(s, k)) |
            (symbol_word_at(t + last, k) ^ symbol_word_at(s + last, k))) == 0;
}

/* The symbol in slot `slot` of c, when it is these bytes; else NULL. */
static inline Symbol *symcache_get(const SymCache *c, uint32_t slot, const char *s, size_t len)
{
    Symbol *sym = c->slot[slot];
    return sym && symbol_is(sym, s, len) ? sym : NULL;
}

static inline Symbol *symtab_intern_via(Symtab *t, SymCache *c, const char *s, size_t len)
{
    uint32_t slot = symtab_recent_slot(s, len);
    Symbol *sym = symcache_get(c, slot, s, len);
    return sym ? sym : symtab_intern_missed(t, c, slot, s, len);
}

#endif
