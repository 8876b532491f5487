/* symbol.c - string interning (open addressing, linear probing) and the
 * pointer map used for name lookups in the model. */
#include "symbol.h"

#include <string.h>

static uint32_t hash_bytes(const char *s, size_t len)
{
    uint32_t h = 2166136261u;           /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

void symtab_init(Symtab *t, Arena *a)
{
    memset(t, 0, sizeof *t);
    t->arena = a;
}

Symbol *symtab_find(const Symtab *t, const char *s, size_t len)
{
    if (!t->cap)
        return NULL;
    uint32_t h = hash_bytes(s, len);
    for (uint32_t i = h & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
        Symbol *sym = t->slots[i];
        if (!sym)
            return NULL;
        if (sym->hash == h && sym->len == len && memcmp(sym->text, s, len) == 0)
            return sym;
    }
}

static bool grow(Symtab *t)
{
    uint32_t ncap = t->cap ? t->cap * 2 : 256;
    Symbol **slots = ARENA_ARRAY(t->arena, Symbol *, ncap);
    if (!slots)
        return false;
    for (uint32_t i = 0; i < t->cap; i++) {
        Symbol *sym = t->slots[i];
        if (!sym)
            continue;
        uint32_t j = sym->hash & (ncap - 1);
        while (slots[j])
            j = (j + 1) & (ncap - 1);
        slots[j] = sym;
    }
    t->slots = slots;
    t->cap = ncap;
    return true;
}

Symbol *symtab_intern(Symtab *t, const char *s, size_t len)
{
    if (len > UINT32_MAX)
        return NULL;
    Symbol *found = symtab_find(t, s, len);
    if (found)
        return found;
    if ((t->count + 1) * 4 > t->cap * 3 && !grow(t))
        return NULL;
    Symbol *sym = ARENA_NEW(t->arena, Symbol);
    char *text = arena_strndup(t->arena, s, len);
    if (!sym || !text)
        return NULL;
    sym->text = text;
    sym->len = (uint32_t)len;
    sym->hash = hash_bytes(s, len);
    uint32_t i = sym->hash & (t->cap - 1);
    while (t->slots[i])
        i = (i + 1) & (t->cap - 1);
    t->slots[i] = sym;
    t->count++;
    return sym;
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

static uint32_t key_hash(const void *key, uintptr_t tag)
{
    uint64_t x = (uint64_t)(uintptr_t)key * 0x9E3779B97F4A7C15ull ^ (uint64_t)tag * 0xC2B2AE3D27D4EB4Full;
    return (uint32_t)(x >> 32) ^ (uint32_t)x;
}

void *ptrmap_get(const PtrMap *m, const void *key, uintptr_t tag)
{
    if (!m->cap)
        return NULL;
    for (uint32_t i = key_hash(key, tag) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        const MapSlot *s = &m->slots[i];
        if (!s->key)
            return NULL;
        if (s->key == key && s->tag == tag)
            return s->value;
    }
}

static MapSlot *slot_for(MapSlot *slots, uint32_t cap, const void *key, uintptr_t tag)
{
    uint32_t i = key_hash(key, tag) & (cap - 1);
    while (slots[i].key && !(slots[i].key == key && slots[i].tag == tag))
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

bool ptrmap_put(PtrMap *m, Arena *a, const void *key, uintptr_t tag, void *value)
{
    if ((m->count + 1) * 4 > m->cap * 3) {
        uint32_t ncap = m->cap ? m->cap * 2 : 16;
        MapSlot *slots = ARENA_ARRAY(a, MapSlot, ncap);
        if (!slots)
            return false;
        for (uint32_t i = 0; i < m->cap; i++)
            if (m->slots[i].key)
                *slot_for(slots, ncap, m->slots[i].key, m->slots[i].tag) = m->slots[i];
        m->slots = slots;
        m->cap = ncap;
    }
    MapSlot *s = slot_for(m->slots, m->cap, key, tag);
    if (!s->key)
        m->count++;
    s->key = key;
    s->tag = tag;
    s->value = value;
    return true;
}
