/* fuzz_dlg.c - libFuzzer harness over the whole dlg pipeline (issue
 * "Hostile submissions", point 7). See tests/fuzz/README.md.
 *
 * Each input is one in-memory file, "fuzz.dlg" (RunOptions.memory),
 * analysed once (dlg_analyse(), the shipped files parsed once for all
 * inputs: load.h's Prelude) and reported by every writer of
 * report_writers[] (dlg_report()), standard output and standard error
 * captured with open_memstream(). An input whose first line is exactly
 * "# --strict" is run with --strict (so the fuzzer can reach the strict
 * paths).
 *
 * Asserted (abort() with a message on failure, which libFuzzer reports as
 * a crash and saves the input):
 *   - the exit status is 0, 1 or 2, and every writer returns the same one;
 *   - the JSON output is one valid JSON value (strict RFC 8259 grammar,
 *     depth at most FUZZ_JSON_MAX_DEPTH), valid UTF-8 (no overlong form,
 *     surrogate or code point above U+10FFFF, no lone surrogate escape),
 *     followed by exactly one newline;
 *   - it is an object whose "dlg" is the contract's version (FUZZ_JSON_VERSION) and whose "ok" is true exactly when
 *     the status is 0;
 *   - FUZZ_CHECK_CONTRACT (default 1): the rest of spec/json.md §2-§4 that a
 *     validator can see: the top-level keys in the contract's order, no
 *     duplicate key in any object, numbers without exponent and never -0,
 *     and with status 2 "report": null, empty "checks", "rules",
 *     "indicators" and "comparison": null;
 *   - FUZZ_CHECK_TEXT_CONTROL (default 1): the text report on standard
 *     output has no byte below 0x20 but '\n', standard error none but '\n'
 *     and '\t', and at most one line starting "Result: " (the report is
 *     written without colour, at a width and with --quiet chosen from the
 *     input's length);
 *   - FUZZ_COMPARE_WHOLE (default 1): the run made again reading the
 *     whole file first (RunOptions.whole, as dlg-whole does) writes the
 *     same JSON, diagnostics included, and the same status: a run that
 *     models a file while it parses it, a unit's items as they come
 *     (run.c), is only a way to read;
 *   - nothing is written outside memory: while dlg runs the C streams
 *     stdout and stderr are swapped for memory streams that must stay
 *     empty, and open()/fopen()/creat()/... (wrapped with the linker's
 *     --wrap, see tests/fuzz/fuzz.mk) abort on any attempt to open a file
 *     for writing or to create, remove or rename one.
 *
 * Deterministic: the run's SipHash key comes from getrandom(), which the
 * harness wraps to return fixed bytes (FUZZ_RANDOM_KEY=1 keeps the real
 * one). Leak-free: every memory stream is freed; dlg frees its arena per
 * run (LeakSanitizer checks both). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "load.h"
#include "report.h"
#include "run.h"

#ifndef FUZZ_CHECK_TEXT_CONTROL
#define FUZZ_CHECK_TEXT_CONTROL 1
#endif
#ifndef FUZZ_CHECK_CONTRACT
#define FUZZ_CHECK_CONTRACT 1
#endif
#ifndef FUZZ_COMPARE_WHOLE
#define FUZZ_COMPARE_WHOLE 1
#endif
#ifndef FUZZ_RANDOM_KEY
#define FUZZ_RANDOM_KEY 0
#endif
/* the contract's version, spec/json.md: "dlg" */
#ifndef FUZZ_JSON_VERSION
#define FUZZ_JSON_VERSION 3
#endif
#ifndef FUZZ_JSON_MAX_DEPTH
#define FUZZ_JSON_MAX_DEPTH 64
#endif

/* ---- failing --------------------------------------------------------------- */

static const char *current_writer = "";

__attribute__((noreturn, format(printf, 1, 2))) static void fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "\nfuzz_dlg: assertion failed (%s writer): ", current_writer);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

/* ---- nothing outside memory ------------------------------------------------- */

/* True while dlg runs: only then do the wrappers below judge. */
static volatile bool in_run;

static void refuse(const char *what, const char *path)
{
    if (in_run)
        fail("dlg tried to %s '%s' outside memory", what, path ? path : "(null)");
}

static bool mode_writes(const char *mode)
{
    return mode && (strchr(mode, 'w') || strchr(mode, 'a') || strchr(mode, '+'));
}

static bool flags_write(int flags)
{
    return (flags & O_ACCMODE) != O_RDONLY || (flags & (O_CREAT | O_TRUNC | O_APPEND)) != 0
#ifdef O_TMPFILE
           || (flags & O_TMPFILE) == O_TMPFILE
#endif
        ;
}

/* Every symbol the link wraps (fuzz.mk FUZZ_WRAP): __real_X is the libc
 * (or sanitizer) function. */
int __real_open(const char *path, int flags, ...);
int __real_open64(const char *path, int flags, ...);
int __real_openat(int dir, const char *path, int flags, ...);
int __real_openat64(int dir, const char *path, int flags, ...);
int __real_creat(const char *path, mode_t mode);
int __real_creat64(const char *path, mode_t mode);
FILE *__real_fopen(const char *path, const char *mode);
FILE *__real_fopen64(const char *path, const char *mode);
FILE *__real_freopen(const char *path, const char *mode, FILE *f);
FILE *__real_fdopen(int fd, const char *mode);
int __real_mkdir(const char *path, mode_t mode);
int __real_rename(const char *from, const char *to);
int __real_unlink(const char *path);
int __real_remove(const char *path);
int __real_rmdir(const char *path);
int __real_truncate(const char *path, off_t len);
int __real_symlink(const char *target, const char *path);
int __real_link(const char *from, const char *to);
FILE *__real_tmpfile(void);
ssize_t __real_getrandom(void *buf, size_t len, unsigned flags);

static mode_t va_mode(int flags, va_list ap)
{
#ifdef O_TMPFILE
    if ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE)
#else
    if (flags & O_CREAT)
#endif
        return (mode_t)va_arg(ap, int);
    return 0;
}

int __wrap_open(const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    mode_t mode = va_mode(flags, ap);
    va_end(ap);
    if (flags_write(flags))
        refuse("open for writing", path);
    return __real_open(path, flags, mode);
}

int __wrap_open64(const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    mode_t mode = va_mode(flags, ap);
    va_end(ap);
    if (flags_write(flags))
        refuse("open for writing", path);
    return __real_open64(path, flags, mode);
}

int __wrap_openat(int dir, const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    mode_t mode = va_mode(flags, ap);
    va_end(ap);
    if (flags_write(flags))
        refuse("open for writing", path);
    return __real_openat(dir, path, flags, mode);
}

int __wrap_openat64(int dir, const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    mode_t mode = va_mode(flags, ap);
    va_end(ap);
    if (flags_write(flags))
        refuse("open for writing", path);
    return __real_openat64(dir, path, flags, mode);
}

int __wrap_creat(const char *path, mode_t mode)
{
    refuse("create", path);
    return __real_creat(path, mode);
}

int __wrap_creat64(const char *path, mode_t mode)
{
    refuse("create", path);
    return __real_creat64(path, mode);
}

FILE *__wrap_fopen(const char *path, const char *mode)
{
    if (mode_writes(mode))
        refuse("fopen for writing", path);
    return __real_fopen(path, mode);
}

FILE *__wrap_fopen64(const char *path, const char *mode)
{
    if (mode_writes(mode))
        refuse("fopen for writing", path);
    return __real_fopen64(path, mode);
}

FILE *__wrap_freopen(const char *path, const char *mode, FILE *f)
{
    refuse("freopen", path);
    return __real_freopen(path, mode, f);
}

FILE *__wrap_fdopen(int fd, const char *mode)
{
    if (mode_writes(mode))
        refuse("fdopen for writing", "a file descriptor");
    return __real_fdopen(fd, mode);
}

int __wrap_mkdir(const char *path, mode_t mode)
{
    refuse("create the directory", path);
    return __real_mkdir(path, mode);
}

int __wrap_rename(const char *from, const char *to)
{
    refuse("rename", from);
    return __real_rename(from, to);
}

int __wrap_unlink(const char *path)
{
    refuse("unlink", path);
    return __real_unlink(path);
}

int __wrap_remove(const char *path)
{
    refuse("remove", path);
    return __real_remove(path);
}

int __wrap_rmdir(const char *path)
{
    refuse("remove the directory", path);
    return __real_rmdir(path);
}

int __wrap_truncate(const char *path, off_t len)
{
    refuse("truncate", path);
    return __real_truncate(path, len);
}

int __wrap_symlink(const char *target, const char *path)
{
    refuse("create the symbolic link", path);
    return __real_symlink(target, path);
}

int __wrap_link(const char *from, const char *to)
{
    refuse("create the link", to);
    return __real_link(from, to);
}

FILE *__wrap_tmpfile(void)
{
    refuse("create a temporary file", "tmpfile()");
    return __real_tmpfile();
}

/* The run's hash key: fixed, so that a crash replays exactly. */
ssize_t __wrap_getrandom(void *buf, size_t len, unsigned flags)
{
#if FUZZ_RANDOM_KEY
    return __real_getrandom(buf, len, flags);
#else
    (void)flags;
    unsigned char *p = buf;
    for (size_t i = 0; i < len; i++)
        p[i] = (unsigned char)(0x5a ^ (i * 37));
    return (ssize_t)len;
#endif
}

/* ---- UTF-8 ------------------------------------------------------------------ */

/* Length of the valid UTF-8 sequence at s (1-4), or 0 (RFC 3629: no
 * overlong form, no surrogate, nothing above U+10FFFF, nothing cut). */
static size_t utf8_valid(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;
        if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;
        if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (n < len)
        return 0;
    if (s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return len;
}

/* ---- a strict JSON validator -------------------------------------------------- */

typedef struct Json {
    const unsigned char *s;
    size_t n, i;
    const char *error;
    size_t error_at;
} Json;

typedef enum { J_ERROR, J_OBJECT, J_ARRAY, J_STRING, J_NUMBER, J_TRUE, J_FALSE, J_NULL } JType;

/* A value as the top level needs it: where it starts and ends. */
typedef struct JVal {
    JType type;
    size_t start, end;
} JVal;

static bool jerr(Json *j, const char *msg)
{
    if (!j->error) {
        j->error = msg;
        j->error_at = j->i;
    }
    return false;
}

static void jws(Json *j)
{
    while (j->i < j->n && (j->s[j->i] == ' ' || j->s[j->i] == '\t' || j->s[j->i] == '\n' || j->s[j->i] == '\r'))
        j->i++;
}

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static bool jhex4(Json *j, unsigned *out)
{
    if (j->n - j->i < 4)
        return jerr(j, "cut \\u escape");
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
        int h = hexval(j->s[j->i + (size_t)k]);
        if (h < 0)
            return jerr(j, "bad hex digit in \\u escape");
        v = v * 16 + (unsigned)h;
    }
    j->i += 4;
    *out = v;
    return true;
}

static bool jstring(Json *j)
{
    if (j->i >= j->n || j->s[j->i] != '"')
        return jerr(j, "expected a string");
    j->i++;
    for (;;) {
        if (j->i >= j->n)
            return jerr(j, "unterminated string");
        unsigned char c = j->s[j->i];
        if (c == '"') {
            j->i++;
            return true;
        }
        if (c < 0x20)
            return jerr(j, "raw control character in a string");
        if (c == '\\') {
            j->i++;
            if (j->i >= j->n)
                return jerr(j, "cut escape");
            c = j->s[j->i++];
            switch (c) {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
                break;
            case 'u': {
                unsigned u;
                if (!jhex4(j, &u))
                    return false;
                if (u >= 0xDC00 && u <= 0xDFFF)
                    return jerr(j, "lone low surrogate escape");
                if (u >= 0xD800 && u <= 0xDBFF) {
                    unsigned lo;
                    if (j->n - j->i < 2 || j->s[j->i] != '\\' || j->s[j->i + 1] != 'u')
                        return jerr(j, "lone high surrogate escape");
                    j->i += 2;
                    if (!jhex4(j, &lo))
                        return false;
                    if (lo < 0xDC00 || lo > 0xDFFF)
                        return jerr(j, "high surrogate escape not followed by a low one");
                }
                break;
            }
            default:
                j->i--;
                return jerr(j, "invalid escape");
            }
            continue;
        }
        size_t len = utf8_valid(j->s + j->i, j->n - j->i);
        if (!len)
            return jerr(j, "invalid UTF-8 in a string");
        j->i += len;
    }
}

static bool jdigits(Json *j)
{
    size_t start = j->i;
    while (j->i < j->n && j->s[j->i] >= '0' && j->s[j->i] <= '9')
        j->i++;
    return j->i > start;
}

static bool jnumber(Json *j)
{
    size_t start = j->i;
    bool neg = false;
    if (j->i < j->n && j->s[j->i] == '-') {
        neg = true;
        j->i++;
    }
    if (j->i >= j->n)
        return jerr(j, "cut number");
    if (j->s[j->i] == '0') {
        j->i++;
        if (j->i < j->n && j->s[j->i] >= '0' && j->s[j->i] <= '9')
            return jerr(j, "number with a leading zero");
    } else if (!jdigits(j))
        return jerr(j, "expected a digit");
    if (j->i < j->n && j->s[j->i] == '.') {
        j->i++;
        if (!jdigits(j))
            return jerr(j, "expected a digit after the decimal point");
    }
    if (j->i < j->n && (j->s[j->i] == 'e' || j->s[j->i] == 'E')) {
#if FUZZ_CHECK_CONTRACT
        return jerr(j, "number with an exponent (spec/json.md §3: never)");
#else
        j->i++;
        if (j->i < j->n && (j->s[j->i] == '+' || j->s[j->i] == '-'))
            j->i++;
        if (!jdigits(j))
            return jerr(j, "expected a digit in the exponent");
#endif
    }
#if FUZZ_CHECK_CONTRACT
    if (neg) {
        bool zero = true;
        for (size_t k = start + 1; k < j->i; k++)
            if (j->s[k] >= '1' && j->s[k] <= '9')
                zero = false;
        if (zero) {
            j->i = start;
            return jerr(j, "negative zero (spec/json.md §3: never -0)");
        }
    }
#else
    (void)neg;
    (void)start;
#endif
    return true;
}

static bool jlit(Json *j, const char *word)
{
    size_t len = strlen(word);
    if (j->n - j->i < len || memcmp(j->s + j->i, word, len) != 0)
        return jerr(j, "invalid literal");
    j->i += len;
    return true;
}

static JVal jvalue(Json *j, int depth);

/* Keys of one object, to find duplicates (compared as written: dlg's
 * escaping is canonical). */
typedef struct Key {
    size_t start, len;
} Key;

static JVal jobject(Json *j, int depth)
{
    JVal v = { J_OBJECT, j->i, 0 };
    j->i++;                     /* { */
    Key small[32];
    Key *keys = small;
    size_t nkeys = 0, cap = 32;
    jws(j);
    if (j->i < j->n && j->s[j->i] == '}') {
        j->i++;
        v.end = j->i;
        return v;
    }
    for (;;) {
        jws(j);
        size_t ks = j->i;
        if (!jstring(j))
            goto bad;
#if FUZZ_CHECK_CONTRACT
        for (size_t k = 0; k < nkeys; k++)
            if (keys[k].len == j->i - ks && memcmp(j->s + keys[k].start, j->s + ks, keys[k].len) == 0) {
                j->i = ks;
                jerr(j, "duplicate key in an object");
                goto bad;
            }
        if (nkeys == cap) {
            Key *more = malloc(2 * cap * sizeof *more);
            if (!more)
                fail("out of memory in the JSON validator");
            memcpy(more, keys, nkeys * sizeof *keys);
            if (keys != small)
                free(keys);
            keys = more;
            cap *= 2;
        }
        keys[nkeys++] = (Key){ ks, j->i - ks };
#endif
        jws(j);
        if (j->i >= j->n || j->s[j->i] != ':') {
            jerr(j, "expected ':' after a key");
            goto bad;
        }
        j->i++;
        if (jvalue(j, depth + 1).type == J_ERROR)
            goto bad;
        jws(j);
        if (j->i < j->n && j->s[j->i] == ',') {
            j->i++;
            continue;
        }
        if (j->i < j->n && j->s[j->i] == '}') {
            j->i++;
            break;
        }
        jerr(j, "expected ',' or '}' in an object");
        goto bad;
    }
    if (keys != small)
        free(keys);
    v.end = j->i;
    return v;
bad:
    if (keys != small)
        free(keys);
    v.type = J_ERROR;
    return v;
}

static JVal jarray(Json *j, int depth)
{
    JVal v = { J_ARRAY, j->i, 0 };
    j->i++;                     /* [ */
    jws(j);
    if (j->i < j->n && j->s[j->i] == ']') {
        j->i++;
        v.end = j->i;
        return v;
    }
    for (;;) {
        if (jvalue(j, depth + 1).type == J_ERROR) {
            v.type = J_ERROR;
            return v;
        }
        jws(j);
        if (j->i < j->n && j->s[j->i] == ',') {
            j->i++;
            continue;
        }
        if (j->i < j->n && j->s[j->i] == ']') {
            j->i++;
            break;
        }
        jerr(j, "expected ',' or ']' in an array");
        v.type = J_ERROR;
        return v;
    }
    v.end = j->i;
    return v;
}

static JVal jvalue(Json *j, int depth)
{
    JVal v = { J_ERROR, 0, 0 };
    if (depth > FUZZ_JSON_MAX_DEPTH) {
        jerr(j, "JSON nested deeper than FUZZ_JSON_MAX_DEPTH");
        return v;
    }
    jws(j);
    v.start = j->i;
    if (j->i >= j->n) {
        jerr(j, "expected a value");
        return v;
    }
    unsigned char c = j->s[j->i];
    bool ok;
    switch (c) {
    case '{':
        return jobject(j, depth);
    case '[':
        return jarray(j, depth);
    case '"':
        v.type = J_STRING;
        ok = jstring(j);
        break;
    case 't':
        v.type = J_TRUE;
        ok = jlit(j, "true");
        break;
    case 'f':
        v.type = J_FALSE;
        ok = jlit(j, "false");
        break;
    case 'n':
        v.type = J_NULL;
        ok = jlit(j, "null");
        break;
    default:
        if (c == '-' || (c >= '0' && c <= '9')) {
            v.type = J_NUMBER;
            ok = jnumber(j);
        } else
            ok = jerr(j, "expected a value");
        break;
    }
    if (!ok)
        v.type = J_ERROR;
    v.end = j->i;
    return v;
}

/* The members of the top-level object, in order (at most 64 looked at). */
typedef struct Member {
    char key[32];
    JVal value;
} Member;

static size_t top_members(const unsigned char *s, size_t n, Member *m, size_t max)
{
    Json j = { s, n, 0, NULL, 0 };
    size_t count = 0;
    jws(&j);
    j.i++;                      /* { (already validated) */
    jws(&j);
    if (j.s[j.i] == '}')
        return 0;
    for (;;) {
        jws(&j);
        size_t ks = j.i;
        jstring(&j);
        size_t klen = j.i - ks - 2;
        jws(&j);
        j.i++;                  /* : */
        JVal v = jvalue(&j, 1);
        if (count < max) {
            size_t len = klen < sizeof m[count].key - 1 ? klen : sizeof m[count].key - 1;
            memcpy(m[count].key, s + ks + 1, len);
            m[count].key[len] = '\0';
            m[count].value = v;
        }
        count++;
        jws(&j);
        if (j.s[j.i] == ',') {
            j.i++;
            continue;
        }
        return count;
    }
}

static void check_json(const char *buf, size_t len, int status)
{
    const unsigned char *s = (const unsigned char *)buf;
    if (len == 0)
        fail("the JSON writer printed nothing (status %d)", status);
    Json j = { s, len, 0, NULL, 0 };
    JVal top = jvalue(&j, 0);
    if (top.type == J_ERROR)
        fail("invalid JSON at byte %zu of %zu: %s", j.error_at, len, j.error);
    if (top.type != J_OBJECT)
        fail("the JSON output is not an object");
    if (j.i != len - 1 || s[j.i] != '\n')
        fail("the JSON object is not followed by exactly one newline (%zu bytes after it)", len - j.i);
    if (memchr(s, '\0', len))
        fail("a NUL byte in the JSON output");

    Member m[64];
    size_t count = top_members(s, len, m, 64);
    const Member *dlg = NULL, *ok = NULL;
    for (size_t k = 0; k < count && k < 64; k++) {
        if (strcmp(m[k].key, "dlg") == 0)
            dlg = &m[k];
        else if (strcmp(m[k].key, "ok") == 0)
            ok = &m[k];
    }
    if (!dlg || dlg->value.type != J_NUMBER || dlg->value.end - dlg->value.start != 1 ||
        s[dlg->value.start] != '0' + FUZZ_JSON_VERSION)
        fail("\"dlg\" is missing or not %d", FUZZ_JSON_VERSION);
    if (!ok || (ok->value.type != J_TRUE && ok->value.type != J_FALSE))
        fail("\"ok\" is missing or not a boolean");
    if ((ok->value.type == J_TRUE) != (status == 0))
        fail("\"ok\" is %s but the exit status is %d", ok->value.type == J_TRUE ? "true" : "false", status);
#if FUZZ_CHECK_CONTRACT
    static const char *const order[] = { "dlg", "ok", "files", "report", "checks", "rules", "indicators",
                                         "comparison", "diagnostics" };
    size_t norder = sizeof order / sizeof order[0];
    /* the contract's keys appear in its order (a new key may be added) */
    size_t next = 0;
    for (size_t k = 0; k < count && k < 64; k++)
        for (size_t o = 0; o < norder; o++)
            if (strcmp(m[k].key, order[o]) == 0) {
                if (o < next)
                    fail("top-level key \"%s\" out of the contract's order", order[o]);
                next = o + 1;
            }
    for (size_t o = 0; o < norder; o++) {
        const Member *found = NULL;
        for (size_t k = 0; k < count && k < 64; k++)
            if (strcmp(m[k].key, order[o]) == 0)
                found = &m[k];
        if (!found)
            fail("top-level key \"%s\" is missing", order[o]);
        JType t = found->value.type;
        const char *name = order[o];
        bool arr = strcmp(name, "files") == 0 || strcmp(name, "checks") == 0 || strcmp(name, "rules") == 0 ||
                   strcmp(name, "indicators") == 0 || strcmp(name, "diagnostics") == 0;
        if (arr && t != J_ARRAY)
            fail("\"%s\" is not an array", name);
        if ((strcmp(name, "report") == 0 || strcmp(name, "comparison") == 0) && t != J_OBJECT && t != J_NULL)
            fail("\"%s\" is neither an object nor null", name);
        if (status == 2) {
            /* spec/json.md §2: nothing was evaluated */
            if ((strcmp(name, "report") == 0 || strcmp(name, "comparison") == 0) && t != J_NULL)
                fail("status 2 but \"%s\" is not null", name);
            if (strcmp(name, "checks") == 0 || strcmp(name, "rules") == 0 || strcmp(name, "indicators") == 0) {
                size_t k = found->value.start + 1;
                while (s[k] == ' ' || s[k] == '\n' || s[k] == '\t' || s[k] == '\r')
                    k++;
                if (s[k] != ']')
                    fail("status 2 but \"%s\" is not empty", name);
            }
        }
    }
#endif
}

/* ---- text ------------------------------------------------------------------- */

#if FUZZ_CHECK_TEXT_CONTROL
static void check_text(const char *out, size_t outlen, const char *err, size_t errlen)
{
    for (size_t k = 0; k < outlen; k++) {
        unsigned char c = (unsigned char)out[k];
        if (c < 0x20 && c != '\n')
            fail("control byte 0x%02x at byte %zu of the text report", c, k);
    }
    for (size_t k = 0; k < errlen; k++) {
        unsigned char c = (unsigned char)err[k];
        if (c < 0x20 && c != '\n' && c != '\t')
            fail("control byte 0x%02x at byte %zu of standard error", c, k);
    }
    int results = 0;
    for (size_t k = 0; k < outlen; k++)
        if ((k == 0 || out[k - 1] == '\n') && outlen - k >= 8 && memcmp(out + k, "Result: ", 8) == 0)
            results++;
    if (results > 1)
        fail("%d lines start with 'Result: ' in the text report: a forged result line", results);
}
#endif

/* ---- the run ----------------------------------------------------------------- */

typedef struct Captured {
    char *out, *err;
    size_t outlen, errlen;
    int status;
} Captured;

/* The C streams stdout and stderr swapped for a memory stream that must
 * stay empty while dlg runs (trap_begin .. trap_end). */
typedef struct Trap {
    FILE *real_out, *real_err, *mem;
    char *buf;
    size_t len;
} Trap;

static void trap_begin(Trap *t)
{
    memset(t, 0, sizeof *t);
    t->mem = open_memstream(&t->buf, &t->len);
    if (!t->mem)
        fail("open_memstream failed");
    t->real_out = stdout;
    t->real_err = stderr;
    fflush(stdout);
    fflush(stderr);
    stdout = t->mem;
    stderr = t->mem;
    in_run = true;
}

static void trap_end(Trap *t)
{
    in_run = false;
    stdout = t->real_out;
    stderr = t->real_err;
    fclose(t->mem);
    if (t->len)
        fail("dlg wrote %zu bytes to the process's stdout or stderr: \"%.*s\"", t->len,
             (int)(t->len < 200 ? t->len : 200), t->buf);
    free(t->buf);
}

/* One writer over the analysis, its two streams captured; the diagnostics
 * too when `diagnostics` (they are the same for every writer). */
static void report_once(const Analysis *an, const Writer *w, const ReportLayout *layout, bool diagnostics,
                        Captured *c)
{
    memset(c, 0, sizeof *c);
    FILE *out = open_memstream(&c->out, &c->outlen);
    FILE *err = open_memstream(&c->err, &c->errlen);
    if (!out || !err)
        fail("open_memstream failed");
    Trap trap;
    trap_begin(&trap);
    if (diagnostics)
        dlg_diagnostics(an, err);
    c->status = dlg_report(an, w, layout, out, err);
    trap_end(&trap);
    if (fclose(out) != 0 || fclose(err) != 0)
        fail("closing a memory stream failed");
    if (c->status < 0 || c->status > 2)
        fail("exit status %d is not 0, 1 or 2", c->status);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char strict_mark[] = "# --strict\n";
    bool strict = size >= sizeof strict_mark - 1 && memcmp(data, strict_mark, sizeof strict_mark - 1) == 0;
    MemoryFile file = { "fuzz.dlg", (const char *)data, size };

    const Writer *text = report_writer("text");
    const Writer *json = report_writer("json");
    if (!text || !json)
        fail("report_writer() lacks the text or the JSON writer");

    /* The shipped files, parsed in the first run and shared by all (the
     * prelude is read-only to a run: test_prelude.c). Kept to the end of
     * the process, reachable, so LeakSanitizer does not count it. */
    static Prelude *prelude;
    if (!prelude && !(prelude = prelude_new(NULL)))
        fail("prelude_new() failed: out of memory, or a shipped file does not parse");

    RunOptions opt;
    memset(&opt, 0, sizeof opt);
    opt.strict = strict;
    opt.memory = &file;
    opt.nmemory = 1;
    opt.prelude = prelude;
    Trap trap;
    trap_begin(&trap);
    Analysis *an = dlg_analyse(&opt);
    trap_end(&trap);

    /* every writer, text and JSON checked most closely */
    Captured t, j;
    current_writer = "text";
    /* the text report's width and --quiet vary with the input, so every
     * layout is reached (colour stays off: the control-character check
     * would count its escapes) */
    ReportLayout layout = { .width = 40 + (unsigned)(size % 81), .quiet = (size / 81) % 2 == 1 };
    report_once(an, text, &layout, true, &t);
#if FUZZ_CHECK_TEXT_CONTROL
    check_text(t.out, t.outlen, t.err, t.errlen);
#endif
    current_writer = "json";
    report_once(an, json, NULL, false, &j);
    check_json(j.out, j.outlen, j.status);
    if (t.status != j.status)
        fail("the text writer returned %d and the JSON writer %d", t.status, j.status);
#if FUZZ_COMPARE_WHOLE
    {
        RunOptions whole_opt = opt;
        whole_opt.whole = true;
        trap_begin(&trap);
        Analysis *whole = dlg_analyse(&whole_opt);
        trap_end(&trap);
        Captured w;
        current_writer = "json, read whole";
        report_once(whole, json, NULL, false, &w);
        if (w.status != j.status || w.outlen != j.outlen || memcmp(w.out, j.out, w.outlen) != 0)
            fail("read streaming, the JSON (status %d) differs from the JSON read whole (status %d)", j.status,
                 w.status);
        trap_begin(&trap);
        dlg_analysis_free(whole);
        trap_end(&trap);
        free(w.out);
        free(w.err);
    }
#endif
    for (const Writer *w = report_writers; w->name; w++) {
        if (w == text || w == json)
            continue;
        Captured o;
        current_writer = w->name;
        report_once(an, w, NULL, false, &o);
        if (o.status != j.status)
            fail("the %s writer returned %d and the JSON writer %d", w->name, o.status, j.status);
        free(o.out);
        free(o.err);
    }

    trap_begin(&trap);
    dlg_analysis_free(an);
    trap_end(&trap);
    free(t.out);
    free(t.err);
    free(j.out);
    free(j.err);
    current_writer = "";
    return 0;
}
