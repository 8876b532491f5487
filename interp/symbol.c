/* symbol.c - string interning (open addressing, linear probing) and the
 * pointer map used for name lookups in the model. */
#include "symbol.h"

#include <string.h>

#include "siphash.h"

/* Names come from the input: hashed with the run's random SipHash key, so
 * no submission can pick names that collide. */
static uint32_t hash_bytes(const Symtab *t, const char *s, size_t len)
{
    uint64_t h = siphash24(t->key, s, len);
    return (uint32_t)(h ^ h >> 32);
}

/* A probe longer than this grows the table whatever its load: with a keyed
 * hash it does not happen, and if it did, it could not last. */
enum { PROBE_LIMIT = 64 };

void symtab_init(Symtab *t, Arena *a)
{
    memset(t, 0, sizeof *t);
    t->arena = a;
    t->key = a->key;
}

void symtab_init_over(Symtab *t, Arena *a, const Symtab *base)
{
    symtab_init(t, a);
    t->key = base->key;     /* one hash serves both tables */
    t->base = base;
    t->first_id = base->first_id + base->count;
}

/* The byte of a slot holding hash h (symbol.h): bits the slot's index
 * does not take, in a table of fewer than 2^25 slots. */
static uint8_t tag_of(uint32_t h) { return (uint8_t)(0x80u | h >> 25); }

/* The symbol in this table alone, its hash being h. */
static Symbol *find_here(const Symtab *t, uint32_t h, const char *s, size_t len)
{
    if (!t->cap)
        return NULL;
    uint8_t tag = tag_of(h);
    for (uint32_t i = h & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
        uint8_t at = t->tags[i];
        if (!at)
            return NULL;
        if (at == tag) {
            Symbol *sym = t->syms[t->slots[i] - 1];
            if (sym->hash == h && symbol_is(sym, s, len))
                return sym;
        }
    }
}

Symbol *symtab_find(const Symtab *t, const char *s, size_t len)
{
    if (!t->cap && !t->base)
        return NULL;
    Symbol *known = symcache_get(&t->recent, symtab_recent_slot(s, len), s, len);
    if (known)
        return known;
    uint32_t h = hash_bytes(t, s, len);
    Symbol *sym = t->base ? find_here(t->base, h, s, len) : NULL;
    return sym ? sym : find_here(t, h, s, len);
}

/* Put the symbol of index n into the first free slot from its hash's;
 * false when there is none within `limit` probes. */
static bool place(Symtab *t, uint32_t n, uint32_t limit)
{
    uint32_t h = t->syms[n]->hash;
    for (uint32_t i = h & (t->cap - 1), probes = 0; probes <= limit; i = (i + 1) & (t->cap - 1), probes++)
        if (!t->tags[i]) {
            t->tags[i] = tag_of(h);
            t->slots[i] = n + 1;
            return true;
        }
    return false;
}

/* Double the table, every symbol put again in the order interned (read
 * in turn, not through the old slots); false when out of memory, the
 * table as it was. */
static bool grow(Symtab *t)
{
    uint32_t ncap = t->cap ? t->cap * 2 : 256;
    if (ncap > (UINT32_MAX >> 1))
        return false;
    uint32_t *slots = ARENA_ARRAY(t->arena, uint32_t, ncap);
    uint8_t *tags = slots ? ARENA_ARRAY(t->arena, uint8_t, ncap) : NULL;
    if (!tags) {
        arena_release(t->arena, slots, (size_t)ncap * sizeof *slots);
        return false;
    }
    arena_release(t->arena, t->slots, (size_t)t->cap * sizeof *t->slots);
    arena_release(t->arena, t->tags, t->cap);
    t->slots = slots;
    t->tags = tags;
    t->cap = ncap;
    for (uint32_t n = 0; n < t->count; n++)
        place(t, n, ncap);          /* under 3/4 full: a slot is free */
    return true;
}

/* The symbol for these bytes, their hash being h, added when new; NULL
 * when out of memory. */
static Symbol *intern_hashed(Symtab *t, uint32_t h, const char *s, size_t len)
{
    Symbol *found = find_here(t, h, s, len);
    if (found)
        return found;
    if ((t->count + 1) * 4 > t->cap * 3 && !grow(t))
        return NULL;
    if (t->count == UINT32_MAX - t->first_id || t->count == UINT32_MAX - 1)
        return NULL;                /* ids would wrap: out of names as of memory */
    if (t->count == t->syms_cap) {
        uint32_t ncap = t->syms_cap ? t->syms_cap * 2 : 256;
        if (ncap < t->syms_cap)
            ncap = UINT32_MAX;
        Symbol **grown = arena_grow(t->arena, t->syms, (size_t)t->syms_cap * sizeof *grown,
                                    (size_t)ncap * sizeof *grown);
        if (!grown)
            return NULL;
        t->syms = grown;
        t->syms_cap = ncap;
    }
    _Static_assert(_Alignof(Symbol) <= ARENA_SMALL_ALIGN, "a symbol takes a multiple of 8 bytes");
    Symbol *sym = arena_alloc_small(t->arena, sizeof *sym + len + 1);
    if (!sym)
        return NULL;
    memcpy(sym->text, s, len);
    sym->text[len] = '\0';
    sym->len = (uint32_t)len;
    sym->hash = h;
    sym->id = t->first_id + t->count;
    t->syms[t->count++] = sym;
    /* a probe longer than PROBE_LIMIT grows the table whatever its load
     * (grow() puts every symbol, this one too) */
    if (!place(t, t->count - 1, PROBE_LIMIT) && !grow(t)) {
        t->count--;
        return NULL;
    }
    return sym;
}

/* The symbol of this table interned after `prev`, when it is these bytes
 * (see SymCache.last). */
static Symbol *successor(const Symtab *t, const Symbol *prev, const char *s, size_t len)
{
    if (!prev || prev->id < t->first_id || prev->id - t->first_id + 1 >= t->count)
        return NULL;
    Symbol *sym = t->syms[prev->id - t->first_id + 1];
    return symbol_is(sym, s, len) ? sym : NULL;
}

Symbol *symtab_intern_missed(Symtab *t, SymCache *c, uint32_t slot, const char *s, size_t len)
{
    if (len > UINT32_MAX)
        return NULL;
    Symbol *found = NULL;
    if (t->base)                    /* read only: no lock */
        found = successor(t->base, c->last, s, len);
    /* A name of this table next in its order is found without hashing.
     * A name is in one table only (a new one goes here only when the base
     * has not got it), so the base need not be asked first. Under a lock
     * the table may change: then it is asked below, holding the lock. */
    if (!found && !t->lock)
        found = successor(t, c->last, s, len);
    if (!found) {
        uint32_t h = hash_bytes(t, s, len);
        /* the slot in this table is a cache miss in a large one: asked
         * for now, it comes while the base is asked; not while other
         * threads intern, as one of them may be growing the table */
        if (!t->lock && t->cap)
            __builtin_prefetch(&t->tags[h & (t->cap - 1)]);
        found = t->base ? find_here(t->base, h, s, len) : NULL;
        if (!found) {
            if (t->lock)
                pthread_mutex_lock(t->lock);
            found = successor(t, c->last, s, len);
            if (!found)
                found = intern_hashed(t, h, s, len);
            if (t->lock)
                pthread_mutex_unlock(t->lock);
        }
    }
    if (found)
        c->last = found;
    return found ? c->slot[slot] = found : NULL;
}

Symbol *symtab_symbol(const Symtab *t, uint32_t id)
{
    if (id < t->first_id)
        return t->base ? symtab_symbol(t->base, id) : NULL;
    return id - t->first_id < t->count ? t->syms[id - t->first_id] : NULL;
}

Symbol *symtab_intern(Symtab *t, const char *s, size_t len)
{
    return symtab_intern_via(t, &t->recent, s, len);
}

Symbol *symtab_intern_cstr(Symtab *t, const char *s)
{
    return symtab_intern(t, s, strlen(s));
}

Symbol *symtab_join(Symtab *t, const Symbol *whole, const Symbol *part)
{
    size_t n = (size_t)whole->len + 1 + part->len;
    char *buf = arena_alloc(t->arena, n + 1);
    if (!buf)
        return NULL;
    memcpy(buf, whole->text, whole->len);
    buf[whole->len] = '.';
    memcpy(buf + whole->len + 1, part->text, part->len);
    return symtab_intern(t, buf, n);
}

bool symmap_reserve(SymMap *m, Arena *a, uint32_t n)
{
    if (n <= m->cap)
        return true;
    void **grown = arena_grow(a, m->values, (size_t)m->cap * sizeof *grown, (size_t)n * sizeof *grown);
    if (!grown)
        return false;
    m->values = grown;
    m->cap = n;
    return true;
}

bool symmap_put_id(SymMap *m, Arena *a, uint32_t id, void *value)
{
    if (id >= m->cap) {
        uint32_t cap = m->cap ? m->cap : 16;
        while (cap <= id && cap <= (UINT32_MAX >> 1))
            cap *= 2;
        if (cap <= id || !symmap_reserve(m, a, cap))
            return false;
    }
    m->values[id] = value;
    return true;
}

bool symmap_put(SymMap *m, Arena *a, const Symbol *s, void *value)
{
    return symmap_put_id(m, a, s->id, value);
}

/* Keys are addresses in the run's arena, whose layout the input shapes:
 * mixed with the run's key (hash_mix). */
static uint32_t key_hash(uint64_t seed, const void *key, uintptr_t tag)
{
    return hash_mix(((uint64_t)(uintptr_t)key ^ seed) + (uint64_t)tag * 0x9E3779B97F4A7C15ull);
}

void *ptrmap_get(const PtrMap *m, const void *key, uintptr_t tag)
{
    if (!m->cap)
        return NULL;
    for (uint32_t i = key_hash(m->seed, key, tag) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        const MapSlot *s = &m->slots[i];
        if (!s->key)
            return NULL;
        if (s->key == key && s->tag == tag)
            return s->value;
    }
}

/* The slot of the key, or the empty slot where it goes; NULL when that is
 * more than PROBE_LIMIT slots away. */
static MapSlot *slot_for(MapSlot *slots, uint32_t cap, uint64_t seed, const void *key, uintptr_t tag)
{
    uint32_t i = key_hash(seed, key, tag) & (cap - 1);
    for (uint32_t probes = 0; slots[i].key && !(slots[i].key == key && slots[i].tag == tag); probes++) {
        if (probes == PROBE_LIMIT)
            return NULL;
        i = (i + 1) & (cap - 1);
    }
    return &slots[i];
}

/* Double the table (or make its first 16 slots); false when out of memory. */
static bool map_grow(PtrMap *m, Arena *a)
{
    for (uint32_t ncap = m->cap ? m->cap * 2 : 16;; ncap *= 2) {
        if (ncap == 0 || ncap > (UINT32_MAX >> 1))
            return false;
        MapSlot *slots = ARENA_ARRAY(a, MapSlot, ncap);
        if (!slots)
            return false;
        bool placed = true;
        for (uint32_t i = 0; i < m->cap && placed; i++)
            if (m->slots[i].key) {
                MapSlot *s = slot_for(slots, ncap, m->seed, m->slots[i].key, m->slots[i].tag);
                if (s)
                    *s = m->slots[i];
                else
                    placed = false;
            }
        if (placed) {
            arena_release(a, m->slots, (size_t)m->cap * sizeof *m->slots);
            m->slots = slots;
            m->cap = ncap;
            return true;
        }
        arena_release(a, slots, (size_t)ncap * sizeof *slots);
    }
}

bool ptrmap_put(PtrMap *m, Arena *a, const void *key, uintptr_t tag, void *value)
{
    if (!m->cap)
        m->seed = a->key.k0 ^ a->key.k1;
    if ((m->count + 1) * 4 > m->cap * 3 && !map_grow(m, a))
        return false;
    MapSlot *s;
    while (!(s = slot_for(m->slots, m->cap, m->seed, key, tag)))
        if (!map_grow(m, a))
            return false;
    if (!s->key)
        m->count++;
    s->key = key;
    s->tag = tag;
    s->value = value;
    return true;
}
