/* vocab.c - the standard vocabulary: kinds, contributed figures, bounds,
 * attribute words and scope names, interned once per run. */
#include "vocab.h"

#include <stdio.h>

static const struct {
    const char *name, *vn;
    Level level;
    const char *plural;
} kind_info[] = {
#define X(k, name, vn, level, plural) { name, vn, level, plural },
    NODE_KINDS(X)
#undef X
};

const char *vocab_kind_name(NodeKind k) { return kind_info[k].name; }
Level vocab_kind_level(NodeKind k) { return kind_info[k].level; }
bool vocab_is_session(NodeKind k) { return kind_info[k].level == LEVEL_SESSION; }
bool vocab_is_commune_level(NodeKind k) { return kind_info[k].level == LEVEL_COMMUNE; }

NodeKind vocab_level_kind(Level l)
{
    switch (l) {
    case LEVEL_PROVINCE: return NODE_PROVINCE;
    case LEVEL_DISTRICT: return NODE_DISTRICT;
    case LEVEL_COMMUNE: return NODE_COMMUNE;
    case LEVEL_VILLAGE: return NODE_VILLAGE;
    case LEVEL_ROOT: case LEVEL_SESSION: break;
    }
    return NODE_ROOT;
}

/* Opinion statuses (spec §4.4), in the order messages list them. */
static const char *const statuses[] = {
    "resolved", "answered", "on_spot", "pending", "transferred", "duplicate", "unfounded",
};
/* Session kinds (spec §4.3): a reception has its own. */
static const char *const dialogue_kinds[] = { "periodic", "ad_hoc", "thematic" };
static const char *const reception_kinds[] = { "periodic", "regular", "ad_hoc", "leader" };
static const char *const scopes[] = { "commune", "cluster" };
/* Figure <= figure (spec §6.6). */
static const char *const bounds[][2] = {
    { "attended", "invited" },
    { "satisfied", "opinions" },
    { "communes_held", "communes" },
};
/* Names an expression reads from its scope (spec §7.2). */
static const struct { const char *name; ScopeName meaning; } scope_names[] = {
    { "date", NAME_DATE },
    { "conclusion", NAME_CONCLUSION },
    { "topic", NAME_TOPIC },
    { "status", NAME_STATUS },
    { "satisfied", NAME_SATISFIED },
};

#define COUNT(a) ((uint32_t)(sizeof(a) / sizeof *(a)))

static bool intern_all(Symtab *syms, const char *const *names, uint32_t n, Symbol **out)
{
    for (uint32_t i = 0; i < n; i++)
        if (!(out[i] = symtab_intern_cstr(syms, names[i])))
            return false;
    return true;
}

static bool contribute(Vocab *v, Arena *a, Symbol *path)
{
    return path && ptrmap_put(&v->contributed, a, path, 0, path);
}

Vocab *vocab_new(Arena *a, Symtab *syms)
{
    Vocab *v = ARENA_NEW(a, Vocab);
    if (!v)
        return NULL;
    static const char *const answers[] = { "yes", "no" }, *const severities[] = { "error", "warning" };
    v->nstatuses = COUNT(statuses);
    v->ndialogue_kinds = COUNT(dialogue_kinds);
    v->nreception_kinds = COUNT(reception_kinds);
    v->nscopes = COUNT(scopes);
    if (!intern_all(syms, statuses, v->nstatuses, v->statuses) ||
        !intern_all(syms, dialogue_kinds, v->ndialogue_kinds, v->dialogue_kinds) ||
        !intern_all(syms, reception_kinds, v->nreception_kinds, v->reception_kinds) ||
        !intern_all(syms, scopes, v->nscopes, v->scopes) || !intern_all(syms, answers, 2, v->answers) ||
        !intern_all(syms, severities, 2, v->severities))
        return NULL;
    for (uint32_t i = 0; i < COUNT(bounds); i++) {
        Bound *b = &v->bounds[v->nbounds++];
        if (!(b->small = symtab_intern_cstr(syms, bounds[i][0])) || !(b->large = symtab_intern_cstr(syms, bounds[i][1])))
            return NULL;
    }
    for (uint32_t i = 0; i < COUNT(scope_names); i++) {
        Symbol *s = symtab_intern_cstr(syms, scope_names[i].name);
        if (!s || !ptrmap_put(&v->scope_names, a, s, 0, (void *)(uintptr_t)scope_names[i].meaning))
            return NULL;
    }
    /* Entries contribute (spec §5.3): opinions, their statuses, satisfied,
     * documents; each unit its level's count; each session its kind's
     * count, or its _not_held count. */
    v->opinions = symtab_intern_cstr(syms, "opinions");
    v->satisfied = symtab_intern_cstr(syms, "satisfied");
    v->documents = symtab_intern_cstr(syms, "documents");
    if (!(v->unstatused = symtab_intern_cstr(syms, "opinions (without a status)")))
        return NULL;
    if (!contribute(v, a, v->opinions) || !contribute(v, a, v->satisfied) || !contribute(v, a, v->documents))
        return NULL;
    for (uint32_t i = 0; i < v->nstatuses; i++)
        if (!contribute(v, a, symtab_join(syms, v->opinions, v->statuses[i])))
            return NULL;
    for (int k = NODE_PROVINCE; k < NODE_KIND_COUNT; k++) {
        Symbol *name = symtab_intern_cstr(syms, kind_info[k].name);
        if (!name || !ptrmap_put(&v->kinds, a, name, 0, (void *)(uintptr_t)(k + 1)) ||
            !contribute(v, a, v->count[k] = symtab_intern_cstr(syms, kind_info[k].plural)))
            return NULL;
        if (vocab_is_session((NodeKind)k)) {
            char buf[64];
            snprintf(buf, sizeof buf, "%s_not_held", kind_info[k].plural);
            if (!contribute(v, a, v->not_held[k] = symtab_intern_cstr(syms, buf)))
                return NULL;
        }
    }
    return v;
}

int vocab_kind_by_name(const Vocab *v, const Symbol *name)
{
    return (int)(uintptr_t)ptrmap_get(&v->kinds, name, 0) - 1;
}

bool vocab_contributed(const Vocab *v, const Symbol *path)
{
    return ptrmap_get(&v->contributed, path, 0) != NULL;
}

bool vocab_zero_in_units(const Vocab *v, const Symbol *path)
{
    for (int k = NODE_DIALOGUE; k < NODE_KIND_COUNT; k++)
        if (path == v->count[k] || path == v->not_held[k])
            return true;
    return false;
}

bool vocab_is_unit_count(const Vocab *v, const Symbol *path)
{
    for (int k = NODE_PROVINCE; k < NODE_KIND_COUNT; k++)
        if (!vocab_is_session((NodeKind)k) && path == v->count[k])
            return true;
    return false;
}

ScopeName vocab_scope_name(const Vocab *v, const Symbol *name)
{
    return (ScopeName)(uintptr_t)ptrmap_get(&v->scope_names, name, 0);
}

WordList vocab_statuses(const Vocab *v) { return (WordList){ v->statuses, v->nstatuses }; }
WordList vocab_scopes(const Vocab *v) { return (WordList){ v->scopes, v->nscopes }; }
WordList vocab_answers(const Vocab *v) { return (WordList){ v->answers, 2 }; }
WordList vocab_severities(const Vocab *v) { return (WordList){ v->severities, 2 }; }

WordList vocab_session_kinds(const Vocab *v, int session_kind)
{
    if (session_kind == NODE_RECEPTION)
        return (WordList){ v->reception_kinds, v->nreception_kinds };
    return (WordList){ v->dialogue_kinds, v->ndialogue_kinds };
}

bool vocab_word_in(WordList list, const Symbol *word)
{
    for (uint32_t i = 0; i < list.count; i++)
        if (list.words[i] == word)
            return true;
    return false;
}
