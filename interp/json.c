/* json.c - the JSON report: one object, keys in a fixed order, valid UTF-8
 * whatever the input (spec/json.md). */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "report.h"
#include "siphash.h"
#include "utf8.h"

enum {
    NUMBER_BUF = 512,
    TOLERANCE_DECIMALS = 6,     /* spec/json.md §3 */
};

/* Output through a buffer of the writer's own: a national report's JSON
 * is written in millions of small pieces, and each stdio call costs as
 * much as a hundred bytes copied. */
enum { OUT_BUFFER = 64 * 1024 };

typedef struct Out {
    FILE *file;                 /* NULL: the bytes stay in buf, grown (Memo) */
    char *buf;
    size_t cap, n;
    bool failed;                /* in memory: out of memory, the text is short */
} Out;

static void out_flush(Out *o)
{
    if (o->file && o->n)
        fwrite(o->buf, 1, o->n, o->file);
    if (o->file)
        o->n = 0;
}

/* The way out of out_write when the buffer is full: flushed to the file,
 * or, in memory, grown. Kept out of line, so that the usual way is a copy. */
static __attribute__((noinline)) void out_spill(Out *o, const void *p, size_t len)
{
    if (!o->file) {
        size_t cap = o->cap ? o->cap : 256;
        while (cap - o->n < len && cap <= SIZE_MAX / 2)
            cap *= 2;
        char *buf = cap - o->n >= len ? realloc(o->buf, cap) : NULL;
        if (!buf) {
            o->failed = true;
            return;
        }
        o->buf = buf;
        o->cap = cap;
        memcpy(o->buf + o->n, p, len);
        o->n += len;
        return;
    }
    out_flush(o);
    if (len > o->cap) {
        fwrite(p, 1, len, o->file);
        return;
    }
    memcpy(o->buf + o->n, p, len);
    o->n += len;
}

static void out_write(Out *o, const void *p, size_t len)
{
    if (__builtin_expect(len <= o->cap - o->n, 1)) {
        memcpy(o->buf + o->n, p, len);
        o->n += len;
        return;
    }
    out_spill(o, p, len);
}

static void out_putc(Out *o, char c) { out_write(o, &c, 1); }

/* Inline, so that a literal's length is known when compiled: a national
 * report's JSON is millions of small pieces. */
static inline void out_puts(Out *o, const char *s) { out_write(o, s, strlen(s)); }

/* What a memo holds (below), copied out: nothing when it is empty. */
static void out_copy(Out *o, const Out *memo)
{
    if (memo->n)
        out_write(o, memo->buf, memo->n);
}

static void out_printf(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void out_printf(Out *o, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        out_write(o, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        o->failed = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    out_write(o, big, (size_t)n);
    free(big);
}

/* 1 for a byte below 0x80 that JSON takes as it is: printable, but '"'
 * and '\\'. Bytes from 0x80 are taken as they are when they form valid
 * UTF-8 (utf8_plain_run()). A table: every byte of every text is looked
 * up. */
#define JB(c) ((c) >= 0x20 && (c) < 0x7F && (c) != '"' && (c) != '\\')
static const unsigned char JSON_PLAIN[256] = BYTE_TABLE(JB);
#undef JB

/* Whether 8 bytes are all plain ASCII (JSON_PLAIN), in a few word
 * operations: a report's texts are mostly such runs
 * ("petitions.complaint = ..."). */
static inline bool plain_ascii8(const unsigned char *p)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t x;
    memcpy(&x, p, sizeof x);
    uint64_t quote = x ^ (ones * '"'), backslash = x ^ (ones * '\\'), del = x ^ (ones * 0x7F);
    uint64_t bad = (x - ones * 0x20) & ~x;                 /* a byte below 0x20 */
    bad |= x;                                               /* a byte from 0x80 */
    bad |= (quote - ones) & ~quote;                         /* a byte equal to '"' */
    bad |= (backslash - ones) & ~backslash;
    bad |= (del - ones) & ~del;
    return !(bad & highs);
}

/* s escaped as in a JSON string, without the quotes. */
static void json_text(Out *out, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        /* a run of bytes written as they are, in one call: ASCII 8 bytes
         * at a time while it lasts, then a character at a time */
        size_t run = i;
        while (n - run >= 8 && plain_ascii8(p + run))
            run += 8;
        run += utf8_plain_run(p + run, n - run, JSON_PLAIN);
        if (run > i)
            out_write(out, p + i, run - i);
        if (run == n)
            break;
        unsigned char c = p[run];
        i = run + 1;
        switch (c) {
        case '"': out_puts(out, "\\\""); continue;
        case '\\': out_puts(out, "\\\\"); continue;
        case '\n': out_puts(out, "\\n"); continue;
        case '\r': out_puts(out, "\\r"); continue;
        case '\t': out_puts(out, "\\t"); continue;
        default: break;
        }
        if (c < 0x80)
            out_printf(out, "\\u%04x", c);
        else
            out_puts(out, "\\ufffd");    /* a byte that starts no valid sequence */
    }
}

static void json_string(Out *out, const char *s, size_t n)
{
    out_putc(out, '"');
    json_text(out, s, n);
    out_putc(out, '"');
}

/* A number in plain decimal notation; a value that is not finite is null. */
static void json_number(Out *out, double v, int decimals)
{
    char buf[NUMBER_BUF];
    if (format_number(buf, sizeof buf, v, decimals, &FORMAT_PLAIN))
        out_puts(out, buf);
    else
        out_puts(out, "null");
}

/* "k": (k a literal) */
#define key(out, k) out_write(out, "\"" k "\": ", sizeof("\"" k "\": ") - 1)

/* A count in decimal, without printf's parsing of a format each time. */
static void uint_text(Out *out, uint32_t v)
{
    char buf[16], *end = buf + sizeof buf, *p = end;
    do
        *--p = (char)('0' + v % 10);
    while (v /= 10);
    out_write(out, p, (size_t)(end - p));
}

/* A name of dlg's own ("sum", "pass", "<="): printable ASCII with no quote
 * or backslash, written without the escaping a text of the report needs. */
static void ascii(Out *out, const char *s)
{
    char quoted[32];
    size_t n = strlen(s);
    if (n > sizeof quoted - 2) {
        out_putc(out, '"');
        out_write(out, s, n);
        out_putc(out, '"');
        return;
    }
    quoted[0] = '"';                /* in one piece: four of them a check */
    memcpy(quoted + 1, s, n);
    quoted[n + 1] = '"';
    out_write(out, quoted, n + 2);
}

static void cstr(Out *out, const char *s)
{
    if (s)
        json_string(out, s, strlen(s));
    else
        out_puts(out, "null");
}

static void str(Out *out, Str s)
{
    if (s.ptr)
        json_string(out, s.ptr, s.len);
    else
        out_puts(out, "null");
}

/* A whole number is an exact integer literal, beyond 2^53 too. */
static void number(Out *out, Number n)
{
    if (n.known && n.whole && n.exact >= 0 && n.exact <= UINT32_MAX) {
        uint_text(out, (uint32_t)n.exact);      /* nearly every count: three a check */
        return;
    }
    char buf[NUMBER_BUF];
    const char *text = report_number(buf, sizeof buf, n);
    out_puts(out, text ? text : "null");
}

/* A value of that unit: a boolean as true or false (spec/json.md §3). */
static void value(Out *out, Number n, ValueUnit u)
{
    if (u == UNIT_BOOLEAN && n.known)
        out_puts(out, n.value != 0 ? "true" : "false");
    else
        number(out, n);
}

static void date(Out *out, Date d)
{
    char buf[16];
    if (d.precision == DATE_UNKNOWN)
        out_puts(out, "null");
    else
        ascii(out, date_format(d, buf));
}

/* What format_check_what() reads of a check: the text it makes is the
 * same for every unit whose breakdown has parts of the same names (a
 * village's table gives the seven texts of the village before it), and
 * for every check of a bound ("attended <= invited", a check a dialogue)
 * or of a figure's path. Up to WHAT_PARTS parts; a longer breakdown is
 * written each time. Looked for in WHAT_PROBE slots (TextMemo, below). */
enum { WHAT_PARTS = 16, WHAT_SLOTS = 64, WHAT_PROBE = 4, PLAIN_SLOTS = 256, DETAIL_SLOTS = 64, PATH_SLOTS = 64 };

typedef struct WhatKey {
    uint32_t path;              /* the figure's path's id, a sum's whole's */
    uint64_t col;               /* a column's part_key(); 0 for a sum */
    const Bound *bound;         /* a bound's check: the bound */
    uint64_t leaf[WHAT_PARTS];  /* a sum's or a column's parts' part_key() */
    uint32_t nparts;
    uint8_t kind;               /* CheckKind */
    bool partial;
} WhatKey;

/* What format_verdict() reads of a verdict that needs no schedule: its
 * text is the same for every subject the rule judges with the same sides
 * ("conclusion - date <= 15 holds: 7 <= 15" for a tenth of a province's
 * dialogues) or for the same reason ("no conclusion notice is recorded").
 * Only what stays put while the run lasts is a key: the rule, the sides'
 * bytes (a text compared is a part's name or a literal of the rule, which
 * live as long as the run), a reason that is its kind alone
 * (note_is_plain()). */
typedef struct DetailKey {
    const RuleDef *rule;
    uint64_t side[2];
    uint8_t side_kind[2], status, compared, op;
    NoteKind why;               /* the reason's, when there is one */
} DetailKey;

/* A text kept by its key, one of the two above (compared byte for byte:
 * a key is zeroed before it is filled), in a small table: a key is
 * looked for in `probe` slots from its own, and goes in the first empty
 * one, else in its own (memo_find()). */
typedef struct TextMemo {
    union {
        WhatKey what;
        DetailKey detail;
    } key;
    Out text;                   /* escaped, without quotes */
    bool valid;
} TextMemo;

/* A figure's path as "figure_path" writes it, by the path's symbol. */
typedef struct PathMemo {
    uint32_t path;              /* its id */
    bool valid;
    Out text;
} PathMemo;

/* What the JSON says of a unit, written once and copied while the checks,
 * verdicts and rows of that unit follow one another, as they do: a
 * village's table makes seven checks, each with the village's steps from
 * the report down and its subject. The parent's steps are kept too, so a
 * unit after its sibling writes one step of its own; and the file's name,
 * which every position repeats. Each text is escaped, in memory of its own
 * (malloc: it outlives the scratch arena's rewinds). Out of memory, a text
 * is written directly instead. */
typedef struct Memo {
    const Model *model;         /* the checks' figures' (figure_path(), figure_leaf()) */
    Out steps;                  /* the parent's steps, then the node's */
    const Node *node, *parent;
    size_t parent_len;          /* the parent's steps: steps.buf[0, parent_len) */
    bool node_valid, parent_valid, parent_any;
    Out subject;                /* model_subject(subject_node), escaped */
    const Node *subject_node;
    bool subject_valid;
    Out place;                  /* model_subject(place_node), escaped: the */
    const Node *place_node;     /* place of a session, the same for the */
    bool place_valid;           /* dialogues of a commune */
    Out file;                   /* "file": name, of file_src */
    const Source *file_src;
    bool file_valid;
    TextMemo what[WHAT_SLOTS];  /* by what_hash() */
    TextMemo detail[DETAIL_SLOTS];      /* by detail_hash() */
    PathMemo path[PATH_SLOTS];  /* by the symbol's id */
    const char *form_fmt;       /* the last subject's format, */
    SubstPiece form[SUBST_MAX_PIECES]; /* read into pieces, */
    bool form_plain[SUBST_MAX_PIECES];  /* each piece of text written as it is, */
    size_t form_n;              /* form_n of them */
    const void *plain[PLAIN_SLOTS]; /* texts known to need no escaping, by
                                     * their address (kept_text()) */
} Memo;

static void memo_free(Memo *m)
{
    free(m->steps.buf);
    free(m->subject.buf);
    free(m->place.buf);
    free(m->file.buf);
    for (size_t i = 0; i < WHAT_SLOTS; i++)
        free(m->what[i].text.buf);
    for (size_t i = 0; i < DETAIL_SLOTS; i++)
        free(m->detail[i].text.buf);
    for (size_t i = 0; i < PATH_SLOTS; i++)
        free(m->path[i].text.buf);
}

/* "file": ..., "line": ..., "column": ... */
static void position(Out *out, Memo *m, Source *src, Span span)
{
    if (!src) {
        out_puts(out, "\"file\": null, \"line\": null, \"column\": null");
        return;
    }
    if (!m->file_valid || m->file_src != src) {
        m->file.n = 0;
        m->file.failed = false;
        key(&m->file, "file");
        cstr(&m->file, src->name);
        m->file_src = src;
        m->file_valid = !m->file.failed;
    }
    if (m->file_valid) {
        out_copy(out, &m->file);
    } else {
        key(out, "file");
        cstr(out, src->name);
    }
    uint32_t line, col;
    source_position(src, span.start, &line, &col);
    out_puts(out, ", \"line\": ");
    uint_text(out, line);
    out_puts(out, ", \"column\": ");
    uint_text(out, col);
}

/* s[0, len) escaped, without quotes. A text that lives as long as the run
 * (a name of the report, a message) and needs no escaping, as most do
 * (letters, Vietnamese ones too, digits and spaces), is remembered by its
 * address `key` and written as it is the next time: a kind, a session's
 * name such as "Hội nghị đối thoại lần 5" that the sessions of a commune
 * share. A cache: a text whose slot another took is looked at again. */
static void kept_text(Out *out, Memo *m, const void *key, const char *s, size_t len)
{
    uint32_t slot = hash_mix((uint64_t)(uintptr_t)key) % PLAIN_SLOTS;
    if (m->plain[slot] != key) {
        if (utf8_plain_run((const unsigned char *)s, len, JSON_PLAIN) != len) {
            json_text(out, s, len);
            return;
        }
        m->plain[slot] = key;
    }
    out_write(out, s, len);
}

/* A name of the report as a JSON string, or null. */
static void name(Out *out, Memo *m, const Symbol *s)
{
    if (!s) {
        out_puts(out, "null");
        return;
    }
    out_putc(out, '"');
    kept_text(out, m, s, s->text, s->len);
    out_putc(out, '"');
}

/* A unit's step {"kind", "name"}, a session's with its "date"; `any`:
 * a step is before it. */
static void step(Out *out, Memo *m, const Node *n, bool any)
{
    out_puts(out, any ? ", {" : "{");
    key(out, "kind"); name(out, m, n->kind->name);
    out_puts(out, ", "); key(out, "name"); name(out, m, n->name);
    if (n->kind->session) {
        out_puts(out, ", "); key(out, "date"); date(out, node_session(n)->date);
    }
    out_puts(out, "}");
}

/* The steps from the report down to n; false for the report itself (no
 * step). */
static bool steps(Out *out, Memo *m, const Node *n)
{
    if (!n || n->kind->level == LEVEL_ROOT)
        return false;
    step(out, m, n, steps(out, m, n->parent));
    return true;
}

/* "unit_path": [...] (spec/json.md §3.1) */
static void unit_path(Out *out, Memo *m, const Node *n)
{
    key(out, "unit_path");
    out_puts(out, "[");
    if (!m->node_valid || m->node != n) {
        bool top = !n || n->kind->level == LEVEL_ROOT;
        const Node *p = top ? NULL : n->parent;
        m->steps.failed = false;
        if (!m->parent_valid || m->parent != p) {
            m->steps.n = 0;
            m->parent_any = steps(&m->steps, m, p);
            m->parent = p;
            m->parent_len = m->steps.n;
            m->parent_valid = !m->steps.failed;
        }
        m->steps.n = m->parent_len;
        if (!top)
            step(&m->steps, m, n, m->parent_any);
        m->node = n;
        m->node_valid = m->parent_valid && !m->steps.failed;
    }
    if (m->node_valid)
        out_copy(out, &m->steps);
    else
        steps(out, m, n);
    out_puts(out, "]");
}

/* A memo's text made s, escaped; false when s is NULL or memory ran
 * out. */
static bool memo_text(Out *memo, const char *s)
{
    memo->n = 0;
    memo->failed = false;
    if (s)
        json_text(memo, s, strlen(s));
    return s && !memo->failed;
}

/* The subject of n as model_subject() says it, escaped, onto out: made
 * from its form, each piece escaped, a session's place (its parent's
 * subject) copied from the memo's, which the sessions of a unit share.
 * False when it could not be made (out of memory). */
static bool subject_text(Out *out, Memo *m, Arena *a, const Node *n)
{
    SubjectForm f;
    model_subject_form(n, true, &f);
    if (!f.nargs) {
        json_text(out, f.fmt, strlen(f.fmt));
        return true;
    }
    if (m->form_fmt != f.fmt) {
        m->form_n = subst_split(f.fmt, m->form, SUBST_MAX_PIECES, f.nargs);
        m->form_fmt = f.fmt;
        for (size_t i = 0; i < m->form_n; i++)
            m->form_plain[i] = m->form[i].arg < 0 &&
                               utf8_plain_run((const unsigned char *)m->form[i].text, m->form[i].len, JSON_PLAIN) ==
                                   m->form[i].len;
    }
    if (!m->form_n)
        return false;
    if (f.where >= 0 && (!m->place_valid || m->place_node != n->parent)) {
        m->place_valid = memo_text(&m->place, model_subject(a, n->parent));
        m->place_node = n->parent;
    }
    for (size_t i = 0; i < m->form_n; i++) {
        const SubstPiece *p = &m->form[i];
        if (m->form_plain[i]) {
            out_write(out, p->text, p->len);    /* " in ", "dialogue ": as it is */
        } else if (p->arg < 0) {
            json_text(out, p->text, p->len);
        } else if (f.args[p->arg] == f.date) {
            out_puts(out, f.date);      /* digits and '-': nothing to escape */
        } else if (p->arg != f.where) {
            kept_text(out, m, f.args[p->arg], f.args[p->arg], strlen(f.args[p->arg]));
        } else if (m->place_valid) {
            out_copy(out, &m->place);
        } else {
            return false;
        }
    }
    return true;
}

/* The subject of n as model_subject() says it, escaped, without quotes:
 * the memo's text, or NULL when it could not be made (out of memory). */
static const Out *memo_subject(Memo *m, Arena *a, const Node *n)
{
    if (!m->subject_valid || m->subject_node != n) {
        m->subject.n = 0;
        m->subject.failed = false;
        m->subject_valid = subject_text(&m->subject, m, a, n) && !m->subject.failed;
        m->subject_node = n;
    }
    return m->subject_valid ? &m->subject : NULL;
}

/* "subject": "WHO", "WHO: WHAT" when `what`, or null when out of memory.
 * WHAT escaped already when `what_json`. */
static void subject(Out *out, Memo *m, Arena *a, const Node *n, const char *what, bool with_what,
                    const Out *what_json)
{
    key(out, "subject");
    const Out *who = memo_subject(m, a, n);
    if (!who || (with_what && !what && !what_json)) {
        out_puts(out, "null");
        return;
    }
    out_putc(out, '"');
    out_copy(out, who);
    if (with_what) {
        out_puts(out, ": ");
        if (what_json)
            out_copy(out, what_json);
        else
            json_text(out, what, strlen(what));
    }
    out_putc(out, '"');
}

/* A part by its path and its axis, which give its name (figure_leaf()):
 * one word, with no lookup. Never 0. */
static uint64_t part_key(const Figure *p)
{
    return ((uint64_t)p->path_id << 3 | p->axis) + 1;
}

/* The key of a sum or column check c; false when it has none (another
 * kind, or more than WHAT_PARTS parts). */
static bool what_key(const Check *c, WhatKey *k)
{
    CheckKind kind = check_kind(c);
    if (kind == CHECK_PERCENT)
        return false;               /* an indicator's: check_object() writes it itself */
    memset(k, 0, sizeof *k);
    k->kind = (uint8_t)kind;
    k->path = c->figure->path_id;
    if (kind == CHECK_BOUND)
        k->bound = c->bound;
    if (kind != CHECK_SUM && kind != CHECK_TABLE)
        return true;
    const Breakdown *bd = c->parts;
    if (bd->nparts > WHAT_PARTS)
        return false;
    k->col = kind == CHECK_TABLE ? part_key(c->figure) : 0;
    k->nparts = bd->nparts;
    k->partial = bd->partial;
    uint32_t i = 0;
    for (const Figure *p = bd->parts; p && i < WHAT_PARTS; p = figure_next(p))
        k->leaf[i++] = part_key(p);
    return i == bd->nparts;
}

/* The key's own slot, from its ids (the run's, not the input's). */
static uint32_t what_hash(const WhatKey *k)
{
    uint64_t h = (uint64_t)k->path << 32 ^ k->col;
    for (uint32_t i = 0; i < k->nparts; i++)
        h = h * 0x100000001B3u + k->leaf[i];
    return hash_mix(h ^ (uint64_t)(uintptr_t)k->bound ^ k->kind);
}

/* The slot of `key` in slots[n]: its text's when *found, else the one to
 * make it in (its key set). */
static TextMemo *memo_find(TextMemo *slots, uint32_t n, uint32_t home, uint32_t probe, const void *key, size_t size,
                           bool *found)
{
    TextMemo *empty = NULL;
    for (uint32_t i = 0; i < probe; i++) {
        TextMemo *at = &slots[(home + i) % n];
        if (at->valid && memcmp(&at->key, key, size) == 0) {
            *found = true;
            return at;
        }
        if (!at->valid && !empty)
            empty = at;
    }
    TextMemo *w = empty ? empty : &slots[home % n];
    memset(&w->key, 0, sizeof w->key);
    memcpy(&w->key, key, size);
    *found = false;
    return w;
}

/* w's text made s, escaped; NULL when s is NULL or memory ran out. */
static const Out *memo_made(TextMemo *w, const char *s)
{
    w->valid = memo_text(&w->text, s);
    return w->valid ? &w->text : NULL;
}

/* c's WHAT escaped, from the memo or made there; NULL when c has no key or
 * out of memory (then the caller makes it). */
static const Out *memo_what(Memo *m, Arena *a, const Check *c)
{
    WhatKey k;
    bool found;
    if (!what_key(c, &k))
        return NULL;
    TextMemo *w = memo_find(m->what, WHAT_SLOTS, what_hash(&k), WHAT_PROBE, &k, sizeof k, &found);
    return found ? &w->text : memo_made(w, format_check_what(a, m->model, c));
}

/* ["opinions", "resolved"] of the path "opinions.resolved" */
static void path_steps(Out *out, const Symbol *path)
{
    out_puts(out, "[");
    const char *p = path->text;
    for (;;) {
        const char *dot = strchr(p, '.');
        size_t len = dot ? (size_t)(dot - p) : strlen(p);
        json_string(out, p, len);
        if (!dot)
            break;
        out_puts(out, ", ");
        p = dot + 1;
    }
    out_puts(out, "]");
}

/* "figure_path": ["opinions", "resolved"], or null: made once a path
 * while the checks of one path follow one another, as a unit's do. */
static void figure_steps(Out *out, Memo *m, const Figure *f)
{
    key(out, "figure_path");
    if (!f) {
        out_puts(out, "null");
        return;
    }
    PathMemo *pm = &m->path[f->path_id % PATH_SLOTS];
    if (!pm->valid || pm->path != f->path_id) {
        pm->text.n = 0;
        pm->text.failed = false;
        path_steps(&pm->text, figure_path(m->model->syms, f));
        pm->path = f->path_id;
        pm->valid = !pm->text.failed;
    }
    if (pm->valid)
        out_copy(out, &pm->text);
    else
        path_steps(out, figure_path(m->model->syms, f));
}

static void header(Out *out, const Header *h)
{
    if (!h || !h->present) {
        out_puts(out, "null");
        return;
    }
    out_puts(out, "{");
    key(out, "title"); str(out, h->title);
    out_puts(out, ", "); key(out, "issuer"); str(out, h->issuer);
    out_puts(out, ", "); key(out, "reference"); str(out, h->reference);
    out_puts(out, ", "); key(out, "date"); date(out, h->date);
    out_puts(out, ", "); key(out, "place"); str(out, h->place);
    out_puts(out, ", "); key(out, "period");
    if (h->has_period) {
        out_puts(out, "{\"start\": "); date(out, h->period_start);
        out_puts(out, ", \"end\": "); date(out, h->period_end);
        out_puts(out, "}");
    } else {
        out_puts(out, "null");
    }
    out_puts(out, "}");
}

/* Writing the list of checks: where, and what was written. */
typedef struct CheckList {
    Out *out;
    Memo *m;
    Arena *a;
    ArenaMark mark;         /* a check's strings are written and forgotten:
                             * a national report has a million checks */
    bool first;
} CheckList;

/* One check's object (CheckSink). */
static void check_object(void *ctx, const Check *c)
{
    CheckList *l = ctx;
    Out *out = l->out;
    Memo *m = l->m;
    Arena *a = l->a;
    out_puts(out, l->first ? "\n    {" : ",\n    {");
    l->first = false;
    key(out, "kind"); ascii(out, result_check_kind_name(c->kind));
    out_puts(out, ", ");
    if (c->kind == CHECK_PERCENT) {
        key(out, "subject"); cstr(out, format_check_what(a, m->model, c));
    } else {
        const Out *what = memo_what(m, a, c);
        subject(out, m, a, c->node, what ? NULL : format_check_what(a, m->model, c), true, what);
    }
    out_puts(out, ", "); unit_path(out, m, c->node);
    out_puts(out, ", "); figure_steps(out, m, c->kind == CHECK_PERCENT ? NULL : c->figure);
    out_puts(out, ", "); key(out, "indicator"); cstr(out, c->kind == CHECK_PERCENT ? c->indicator->id->text : NULL);
    out_puts(out, ", "); key(out, "unit"); ascii(out, result_unit_name(report_check_unit(c)));
    out_puts(out, ", "); key(out, "declared"); number(out, check_declared(c));
    out_puts(out, ", "); key(out, "computed"); number(out, check_computed(c));
    out_puts(out, ", "); key(out, "imbalance"); number(out, check_imbalance(c));
    out_puts(out, ", "); key(out, "relation"); ascii(out, result_relation_name(c->relation));
    if (c->relation == REL_ABOUT || c->relation == REL_WITHIN) {
        out_puts(out, ", "); key(out, "tolerance"); json_number(out, check_tolerance(c), TOLERANCE_DECIMALS);
    }
    CheckCoverage cov = check_coverage(c);
    if (cov.has)
        out_printf(out, ", \"coverage\": {\"covered\": %u, \"expected\": %u}", cov.covered, cov.expected);
    out_puts(out, ", "); key(out, "status"); ascii(out, result_status_name(c->status));
    const char *note = format_note(a, check_note(c));
    if (note) {
        out_puts(out, ", "); key(out, "note"); cstr(out, note);
    }
    out_puts(out, ", ");
    position(out, m, check_src(c), check_span(c));
    out_puts(out, "}");
    arena_rewind(a, l->mark);
}

static void checks(Out *out, Memo *m, const Result *r, Arena *a)
{
    out_puts(out, "[");
    CheckList l = { out, m, a, arena_mark(a), true };
    if (!result_each_check(r, &a->allocator, check_object, &l))
        a->failed = true;           /* out of memory: the document is not whole */
    out_puts(out, l.first ? "]" : "\n  ]");
}

/* A window of time: {"unit": "month", "part": "m2024_03", "label": "2024-03",
 * "start": "2024-03-01", "end": "2024-03-31"}, or null. */
static void window(Out *out, Window w)
{
    if (!w.unit) {
        out_puts(out, "null");
        return;
    }
    char buf[16];
    out_puts(out, "{");
    key(out, "unit"); ascii(out, date_window_unit((WindowUnit)w.unit));
    out_puts(out, ", "); key(out, "part"); cstr(out, date_window_name(w, buf));
    out_puts(out, ", "); key(out, "label"); cstr(out, date_window_label(w, buf));
    out_puts(out, ", "); key(out, "start"); date(out, date_from_days(w.first));
    out_puts(out, ", "); key(out, "end"); date(out, date_from_days(w.last));
    out_puts(out, "}");
}

/* "part": {"dimension": "level", "part": "district_level"}, or null */
static void part(Out *out, const Part *p)
{
    key(out, "part");
    if (!p) {
        out_puts(out, "null");
        return;
    }
    out_puts(out, "{");
    key(out, "dimension"); cstr(out, p->dim->name->text);
    out_puts(out, ", "); key(out, "part"); cstr(out, p->name->text);
    out_puts(out, "}");
}

static void val(Out *out, const Val *v)
{
    switch (v->kind) {
    case VAL_NUMBER:
        if (v->num >= 0 && v->num <= UINT32_MAX && v->num == (double)(uint32_t)v->num) {
            uint_text(out, (uint32_t)v->num);   /* a count, a number of days: as json_number() writes it */
            return;
        }
        json_number(out, v->num, v->num == (double)(int64_t)v->num ? 0 : 4);
        return;
    case VAL_BOOL: out_puts(out, v->b ? "true" : "false"); return;
    case VAL_DATE: date(out, date_from_days(v->days)); return;
    case VAL_STRING: cstr(out, v->str); return;
    case VAL_UNKNOWN: break;
    }
    out_puts(out, "null");
}

/* v's key (above); false when it has none: a schedule, a reason that says
 * more than its kind. */
static bool detail_key(const RuleDef *d, const Verdict *v, DetailKey *k)
{
    const Note *why = verdict_why(v);
    if (verdict_slots(v) || (why && !note_is_plain(why)))
        return false;
    memset(k, 0, sizeof *k);        /* padding too: keys are compared whole */
    k->rule = d;
    k->status = v->status;
    k->compared = v->compared;
    if (v->compared) {
        k->op = v->op;
        memcpy(k->side, v->side, sizeof k->side);
        memcpy(k->side_kind, v->side_kind, sizeof k->side_kind);
    }
    if (why)
        k->why = why->kind;
    return true;
}

static uint32_t detail_hash(const DetailKey *k)
{
    uint64_t h = (uint64_t)(uintptr_t)k->rule ^ (uint64_t)k->status << 56 ^ (uint64_t)k->why << 48;
    h = hash_mix(h ^ k->side[0]) ^ k->side[1];
    return hash_mix(h);
}

/* v's "detail" escaped, from the memo or made there; NULL when it has no
 * key or memory ran out (then the caller makes it). */
static const Out *memo_detail(Memo *m, Arena *a, const RuleDef *d, const Verdict *v)
{
    DetailKey k;
    bool found;
    if (!detail_key(d, v, &k))
        return NULL;
    TextMemo *w = memo_find(m->detail, DETAIL_SLOTS, detail_hash(&k), 1, &k, sizeof k, &found);
    return found ? &w->text : memo_made(w, format_verdict(a, d, v));
}

/* "detail": the sentence format_verdict() makes of v */
static void detail(Out *out, Memo *m, Arena *a, const RuleDef *d, const Verdict *v)
{
    key(out, "detail");
    const Out *text = memo_detail(m, a, d, v);
    if (!text) {
        cstr(out, format_verdict(a, d, v));
        return;
    }
    out_putc(out, '"');
    out_copy(out, text);
    out_putc(out, '"');
}

/* One subject of a rule (spec/json.md §7.1). */
static void verdict(Out *out, Memo *m, Arena *a, const RuleDef *d, const Verdict *v)
{
    subject(out, m, a, v->node, NULL, false, NULL);
    out_puts(out, ", "); unit_path(out, m, v->node);
    out_puts(out, ", "); part(out, verdict_part(v));
    out_puts(out, ", "); key(out, "window"); window(out, verdict_window(v));
    out_puts(out, ", "); key(out, "status"); ascii(out, result_status_name(v->status));
    out_puts(out, ", "); key(out, "compared");
    if (v->compared) {
        out_puts(out, "{");
        key(out, "op"); ascii(out, format_op(v->op));
        Val lhs = verdict_lhs(v), rhs = verdict_rhs(v);
        out_puts(out, ", "); key(out, "left"); val(out, &lhs);
        out_puts(out, ", "); key(out, "right"); val(out, &rhs);
        out_puts(out, "}");
    } else {
        out_puts(out, "null");
    }
    out_puts(out, ", "); key(out, "schedule");
    const Slots *sl = verdict_slots(v);
    if (sl) {
        out_printf(out, "{\"expected\": %lld, \"held\": ", (long long)sl->expected);
        if (sl->held_known)
            out_printf(out, "%lld", (long long)sl->held);
        else
            out_puts(out, "null");
        out_printf(out, ", \"not_held\": %lld, \"missed\": [", (long long)sl->not_held);
        for (uint32_t i = 0; i < sl->nmissed && i < MAX_MISSED; i++) {
            out_puts(out, i ? ", " : "");
            window(out, sl->missed[i]);
        }
        out_printf(out, "], \"windows_missed\": %u, \"moved\": %u, \"prorated\": %u}", sl->nmissed, sl->nmoved,
                sl->edges);
    } else {
        out_puts(out, "null");
    }
    out_puts(out, ", "); detail(out, m, a, d, v);
    out_puts(out, ", ");
    Source *src;
    Span span = verdict_place(d, v, &src);
    position(out, m, src, span);
}

/* Writing a rule's list of subjects: where, and what was written. */
typedef struct SubjectList {
    Out *out;
    Memo *m;
    Arena *a;
    const RuleDef *d;
    ArenaMark mark;
    bool first;
} SubjectList;

/* One subject's object (VerdictSink). */
static void subject_object(void *ctx, const Verdict *v)
{
    SubjectList *l = ctx;
    out_puts(l->out, l->first ? "\n      {" : ",\n      {");
    l->first = false;
    verdict(l->out, l->m, l->a, l->d, v);
    out_puts(l->out, "}");
    arena_rewind(l->a, l->mark);
}

static void rules(Out *out, Memo *m, const Result *r, Arena *a)
{
    out_puts(out, "[");
    bool first = true;
    for (const RuleResult *rr = r ? r->rules : NULL; rr; rr = rr->next) {
        const RuleDef *d = rr->def;
        out_puts(out, first ? "\n    {" : ",\n    {");
        first = false;
        key(out, "id"); cstr(out, d->id->text);
        out_puts(out, ", "); key(out, "title"); str(out, d->title);
        out_puts(out, ", "); key(out, "severity"); ascii(out, d->severity == SEVERITY_ERROR ? "error" : "warning");
        out_puts(out, ", "); key(out, "source"); str(out, d->legal_source);
        out_puts(out, ", "); key(out, "code"); str(out, d->code);
        out_puts(out, ", "); key(out, "unverified"); str(out, d->unverified);
        out_puts(out, ", "); key(out, "status"); ascii(out, result_status_name(rr->status));
        out_printf(out, ", \"passed\": %u, \"failed\": %u, \"unknown\": %u, \"total\": %u", rr->passed,
                rr->failed, rr->unknown, rr->total);
        out_puts(out, ", "); key(out, "note"); cstr(out, format_note(a, &rr->note));
        out_puts(out, ", \"failures\": [");
        bool any = false;
        ArenaMark mark = arena_mark(a);
        for (const Verdict *v = rr->verdicts; v; v = v->next, arena_rewind(a, mark)) {
            if (v->status == RESULT_PASS)
                continue;
            out_puts(out, any ? ", {" : "{");
            any = true;
            key(out, "subject"); cstr(out, format_verdict_subject(a, v));
            out_puts(out, ", "); unit_path(out, m, v->node);
            out_puts(out, ", "); key(out, "status"); ascii(out, result_status_name(v->status));
            out_puts(out, ", "); detail(out, m, a, d, v);
            out_puts(out, ", ");
            Source *src;
            Span span = verdict_place(d, v, &src);
            position(out, m, src, span);
            out_puts(out, "}");
        }
        out_puts(out, "]");
        out_puts(out, ", \"subjects\": [");
        SubjectList l = { out, m, a, d, mark, true };
        if (!result_each_verdict(rr, &a->allocator, subject_object, &l))
            a->failed = true;       /* out of memory: the document is not whole */
        out_puts(out, l.first ? "]" : "\n    ]");
        out_puts(out, ", ");
        position(out, m, d->src, d->span);
        out_puts(out, "}");
    }
    out_puts(out, first ? "]" : "\n  ]");
}

/* The value of an indicator row: "unit" to "note" (spec/json.md §8). */
static void indicator_value(Out *out, const IndicatorResult *ir, Arena *a)
{
    key(out, "unit"); ascii(out, result_unit_name(ir->unit));
    out_puts(out, ", "); key(out, "value"); value(out, ir->value, ir->unit);
    out_puts(out, ", "); key(out, "numerator"); number(out, ir->numerator);
    out_puts(out, ", "); key(out, "denominator"); number(out, ir->denominator);
    if (ir->approximate)
        out_puts(out, ", \"approximate\": true");
    out_puts(out, ", "); key(out, "note"); cstr(out, format_note(a, &ir->note));
}

/* Each indicator once, with the report's value; its rows per KIND,
 * DIMENSION or window (which follow the report's row in the result) nested
 * in "rows", so that no row shares the indicator's "id". */
static void indicators(Out *out, Memo *m, const Result *r, Arena *a)
{
    out_puts(out, "[");
    bool first = true;
    const IndicatorResult *ir = r ? r->indicators : NULL;
    while (ir) {
        const IndicatorDef *d = ir->def;
        out_puts(out, first ? "\n    {" : ",\n    {");
        first = false;
        key(out, "id"); cstr(out, d->id->text);
        out_puts(out, ", "); key(out, "title"); str(out, d->title);
        out_puts(out, ", "); indicator_value(out, ir, a);
        out_puts(out, ", "); key(out, "comment"); str(out, d->comment);
        out_puts(out, ", ");
        position(out, m, d->src, d->span);
        out_puts(out, ", \"rows\": [");
        const IndicatorResult *row = ir->next;
        for (; row && row->def == d; row = row->next) {
            out_puts(out, row == ir->next ? "\n      {" : ",\n      {");
            key(out, "subject"); cstr(out, format_indicator_subject(a, row));
            out_puts(out, ", "); unit_path(out, m, row->node);
            out_puts(out, ", "); part(out, row->win.unit ? NULL : row->part);
            out_puts(out, ", "); key(out, "window"); window(out, row->win);
            out_puts(out, ", "); indicator_value(out, row, a);
            out_puts(out, "}");
        }
        out_puts(out, row == ir->next ? "]}" : "\n    ]}");
        ir = row;
    }
    out_puts(out, first ? "]" : "\n  ]");
}

static void diagnostics(Out *out, Memo *m, const Diag *d)
{
    out_puts(out, "[");
    bool first = true;
    for (const Diagnostic *g = d ? d->first : NULL; g; g = g->next) {
        out_puts(out, first ? "\n    {" : ",\n    {");
        first = false;
        key(out, "severity"); ascii(out, report_severity_name(g->severity));
        out_puts(out, ", "); key(out, "message"); cstr(out, g->message);
        out_puts(out, ", ");
        position(out, m, g->src, g->span);
        out_puts(out, "}");
    }
    char msg[64];
    DiagTail tail[2];
    int ntail = report_diag_tail(d, msg, sizeof msg, tail);
    for (int i = 0; i < ntail; i++) {
        out_puts(out, first ? "\n    {" : ",\n    {");
        first = false;
        out_printf(out, "\"severity\": \"%s\", \"message\": ", report_severity_name(tail[i].severity));
        cstr(out, tail[i].message);
        out_puts(out, ", \"file\": null, \"line\": null, \"column\": null}");
    }
    out_puts(out, first ? "]" : "\n  ]");
}

/* A row of the comparison: "unit" to "note"; a boolean's difference is
 * null, as it is no number (spec/json.md §8.1). */
static void compared(Out *out, const Compared *c)
{
    bool boolean = c->unit == UNIT_BOOLEAN;
    key(out, "unit"); ascii(out, result_unit_name(c->unit));
    out_puts(out, ", "); key(out, "previous"); value(out, c->previous, c->unit);
    out_puts(out, ", "); key(out, "current"); value(out, c->current, c->unit);
    out_puts(out, ", "); key(out, "difference"); number(out, boolean ? (Number){ 0 } : c->difference);
    out_puts(out, ", "); key(out, "relative"); number(out, boolean ? (Number){ 0 } : c->relative);
    out_puts(out, ", "); key(out, "note"); cstr(out, c->note);
}

/* --previous (spec/json.md §8.1): the previous report and each indicator
 * beside its value then; null without --previous. */
static void comparison(Out *out, const Comparison *cmp)
{
    if (!cmp) {
        out_puts(out, "null");
        return;
    }
    out_puts(out, "{\"files\": [");
    for (int i = 0; i < cmp->nfiles; i++) {
        out_puts(out, i ? ", " : "");
        cstr(out, cmp->files[i]);
    }
    out_puts(out, "], \"report\": ");
    header(out, cmp->previous);
    out_printf(out, ", \"consecutive\": %s, \"indicators\": [", cmp->consecutive ? "true" : "false");
    /* each indicator's report row, its rows per unit nested (as in §8);
     * every indicator has exactly one report row, in this report or only
     * in the previous one */
    bool first = true;
    for (const Compared *c = cmp->rows; c; c = c->next) {
        if (c->subject)
            continue;
        out_puts(out, first ? "\n      {" : ",\n      {");
        first = false;
        key(out, "id"); cstr(out, c->def->id->text);
        out_puts(out, ", "); compared(out, c);
        out_puts(out, ", \"rows\": [");
        bool any = false;
        for (const Compared *row = cmp->rows; row; row = row->next) {
            if (!row->subject || strcmp(row->def->id->text, c->def->id->text) != 0)
                continue;
            out_puts(out, any ? ",\n        {" : "\n        {");
            any = true;
            key(out, "subject"); cstr(out, row->subject);
            out_puts(out, ", "); compared(out, row);
            out_puts(out, "}");
        }
        out_puts(out, any ? "\n      ]}" : "]}");
    }
    out_puts(out, first ? "]}" : "\n    ]}");
}

bool report_json(const ReportInput *in, FILE *file)
{
    char buf[OUT_BUFFER];
    Out o = { file, buf, sizeof buf, 0, false }, *out = &o;
    Memo memo = { .model = in->result ? in->result->model : NULL };
    Arena scratch;
    arena_init(&scratch, in->allocator);
    out_puts(out, "{\n  \"dlg\": 3,\n  \"ok\": ");
    out_puts(out, in->exit_status == 0 ? "true" : "false");
    out_puts(out, ",\n  \"files\": [");
    for (int i = 0; i < in->nfiles; i++) {
        if (i)
            out_puts(out, ", ");
        cstr(out, in->files[i]);
    }
    out_puts(out, "],\n  \"report\": ");
    header(out, in->header);
    out_puts(out, ",\n  \"checks\": ");
    checks(out, &memo, in->result, &scratch);
    out_puts(out, ",\n  \"rules\": ");
    rules(out, &memo, in->result, &scratch);
    out_puts(out, ",\n  \"indicators\": ");
    indicators(out, &memo, in->result, &scratch);
    out_puts(out, ",\n  \"comparison\": ");
    comparison(out, in->comparison);
    out_puts(out, ",\n  \"diagnostics\": ");
    diagnostics(out, &memo, in->diag);
    out_puts(out, "\n}\n");
    out_flush(out);
    /* the memo's texts falling short cost nothing: written again instead */
    bool whole = !scratch.failed && !o.failed;
    arena_free(&scratch);
    memo_free(&memo);
    return whole;
}

void report_json_string(FILE *file, const char *s, size_t n)
{
    char buf[256];
    Out o = { file, buf, sizeof buf, 0, false };
    json_string(&o, s, n);
    out_flush(&o);
}
