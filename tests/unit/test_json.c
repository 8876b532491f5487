/* test_json.c - the JSON writer (interp/json.c, spec/json.md): string
 * escapes and invalid UTF-8, number formatting, and whole reports written
 * to a memory stream and read back with the small strict JSON reader below
 * (RFC 8259: grammar, escapes, UTF-8 of raw bytes, no raw control bytes). */
#include "support.h"

#include <math.h>

/* ---- writing to memory ---------------------------------------------------------------- */

typedef struct Mem {
    FILE *f;
    char *buf;
    size_t len;
} Mem;

static FILE *mem_open(Mem *m)
{
    memset(m, 0, sizeof *m);
    m->f = open_memstream(&m->buf, &m->len);
    assert_non_null(m->f);
    return m->f;
}

/* Close the stream and return its bytes as a copy in the arena. */
static const char *mem_close(Fixture *f, Mem *m, size_t *len)
{
    assert_int_equal(fclose(m->f), 0);
    char *copy = arena_strndup(&f->arena, m->buf, m->len);
    free(m->buf);
    assert_non_null(copy);
    if (len)
        *len = m->len;
    return copy;
}

static const char *json_string(Fixture *f, const char *bytes, size_t n)
{
    Mem m;
    report_json_string(mem_open(&m), bytes, n);
    return mem_close(f, &m, NULL);
}

/* ---- a strict JSON reader ---------------------------------------------------------------- */

typedef enum { J_NULL, J_BOOL, J_NUMBER, J_STRING, J_ARRAY, J_OBJECT } JType;

typedef struct JVal JVal;
struct JVal {
    JType type;
    bool b;
    double num;
    const char *raw;        /* J_NUMBER: the text as written */
    size_t rawlen;
    char *str;              /* J_STRING: decoded, NUL-terminated */
    size_t len;
    const char *key;        /* member of an object */
    JVal *first, *next;     /* J_ARRAY, J_OBJECT: children in order */
    size_t count;
};

typedef struct JReader {
    const char *p, *end;
    Arena *arena;
    const char *error;
    int depth;
} JReader;

static bool jfail(JReader *r, const char *why)
{
    if (!r->error)
        r->error = why;
    return false;
}

static void jws(JReader *r)
{
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
        r->p++;
}

/* Length of the valid UTF-8 sequence at p, or 0 (overlong, surrogate,
 * above U+10FFFF, cut, or a stray continuation byte). */
static size_t utf8_len(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0];
    size_t n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (!n || (size_t)(end - p) < n)
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] >= 0xA0) || (c == 0xF0 && p[1] < 0x90) ||
        (c == 0xF4 && p[1] >= 0x90))
        return 0;
    return n;
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static bool jhex4(JReader *r, unsigned *out)
{
    if (r->end - r->p < 4)
        return jfail(r, "short \\u escape");
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(r->p[i]);
        if (h < 0)
            return jfail(r, "bad hex digit");
        v = v * 16 + (unsigned)h;
    }
    r->p += 4;
    *out = v;
    return true;
}

static size_t put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static bool jstring(JReader *r, char **out, size_t *outlen)
{
    r->p++;                                     /* the opening quote */
    const char *q = r->p;                       /* decoded is never longer than raw */
    while (q < r->end && *q != '"')
        q += *q == '\\' ? 2 : 1;
    char *o = arena_alloc(r->arena, (size_t)(q - r->p) + 1);
    if (!o)
        return jfail(r, "out of memory");
    size_t k = 0;
    for (;;) {
        if (r->p >= r->end)
            return jfail(r, "unterminated string");
        unsigned char c = (unsigned char)*r->p;
        if (c == '"') {
            r->p++;
            break;
        }
        if (c < 0x20)
            return jfail(r, "raw control byte in a string");
        if (c == '\\') {
            if (r->end - r->p < 2)
                return jfail(r, "cut escape");
            char e = r->p[1];
            r->p += 2;
            switch (e) {
            case '"': o[k++] = '"'; break;
            case '\\': o[k++] = '\\'; break;
            case '/': o[k++] = '/'; break;
            case 'b': o[k++] = '\b'; break;
            case 'f': o[k++] = '\f'; break;
            case 'n': o[k++] = '\n'; break;
            case 'r': o[k++] = '\r'; break;
            case 't': o[k++] = '\t'; break;
            case 'u': {
                unsigned cp;
                if (!jhex4(r, &cp))
                    return false;
                if (cp >= 0xDC00 && cp <= 0xDFFF)
                    return jfail(r, "lone low surrogate");
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    unsigned lo;
                    if (r->end - r->p < 2 || r->p[0] != '\\' || r->p[1] != 'u')
                        return jfail(r, "lone high surrogate");
                    r->p += 2;
                    if (!jhex4(r, &lo) || lo < 0xDC00 || lo > 0xDFFF)
                        return jfail(r, "bad surrogate pair");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                }
                k += put_utf8(o + k, cp);       /* never longer than the escape */
                break;
            }
            default:
                return jfail(r, "bad escape");
            }
            continue;
        }
        size_t n = utf8_len((const unsigned char *)r->p, (const unsigned char *)r->end);
        if (!n)
            return jfail(r, "invalid UTF-8");
        memcpy(o + k, r->p, n);
        k += n;
        r->p += n;
    }
    o[k] = '\0';
    *out = o;
    *outlen = k;
    return true;
}

static bool jdigits(JReader *r)
{
    const char *s = r->p;
    while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
        r->p++;
    return r->p > s;
}

static bool jnumber(JReader *r, JVal *v)
{
    const char *s = r->p;
    if (*r->p == '-')
        r->p++;
    if (r->p < r->end && *r->p == '0')
        r->p++;                                 /* no leading zeros */
    else if (!jdigits(r))
        return jfail(r, "bad number");
    if (r->p < r->end && *r->p == '.') {
        r->p++;
        if (!jdigits(r))
            return jfail(r, "no digit after the point");
    }
    if (r->p < r->end && (*r->p == 'e' || *r->p == 'E')) {
        r->p++;
        if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
            r->p++;
        if (!jdigits(r))
            return jfail(r, "bad exponent");
    }
    v->type = J_NUMBER;
    v->raw = s;
    v->rawlen = (size_t)(r->p - s);
    char buf[64];
    if (v->rawlen >= sizeof buf)
        return jfail(r, "number too long for this reader");
    memcpy(buf, s, v->rawlen);
    buf[v->rawlen] = '\0';
    v->num = strtod(buf, NULL);
    return true;
}

static bool jliteral(JReader *r, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n) != 0)
        return jfail(r, "unexpected character");
    r->p += n;
    return true;
}

static bool jvalue(JReader *r, JVal *v);

/* Arrays and objects: members linked in order. */
static bool jcontainer(JReader *r, JVal *v, bool object)
{
    if (++r->depth > 64)
        return jfail(r, "too deep");
    v->type = object ? J_OBJECT : J_ARRAY;
    r->p++;
    jws(r);
    JVal **tail = &v->first;
    char close = object ? '}' : ']';
    if (r->p < r->end && *r->p == close) {
        r->p++;
        r->depth--;
        return true;
    }
    for (;;) {
        JVal *child = ARENA_NEW(r->arena, JVal);
        if (!child)
            return jfail(r, "out of memory");
        jws(r);
        if (object) {
            if (r->p >= r->end || *r->p != '"')
                return jfail(r, "expected a key");
            char *key;
            size_t klen;
            if (!jstring(r, &key, &klen))
                return false;
            child->key = key;
            jws(r);
            if (r->p >= r->end || *r->p != ':')
                return jfail(r, "expected ':'");
            r->p++;
        }
        if (!jvalue(r, child))
            return false;
        *tail = child;
        tail = &child->next;
        v->count++;
        jws(r);
        if (r->p < r->end && *r->p == ',') {
            r->p++;
            continue;
        }
        if (r->p < r->end && *r->p == close) {
            r->p++;
            r->depth--;
            return true;
        }
        return jfail(r, object ? "expected ',' or '}'" : "expected ',' or ']'");
    }
}

static bool jvalue(JReader *r, JVal *v)
{
    jws(r);
    if (r->p >= r->end)
        return jfail(r, "unexpected end");
    switch (*r->p) {
    case '{': return jcontainer(r, v, true);
    case '[': return jcontainer(r, v, false);
    case '"': v->type = J_STRING; return jstring(r, &v->str, &v->len);
    case 't': v->type = J_BOOL; v->b = true; return jliteral(r, "true");
    case 'f': v->type = J_BOOL; v->b = false; return jliteral(r, "false");
    case 'n': v->type = J_NULL; return jliteral(r, "null");
    default: return jnumber(r, v);
    }
}

/* Parse a whole document (one value, white space around it); fails the test
 * with the reason and the text when it is not valid JSON. */
static const JVal *json_parse(Fixture *f, const char *text, size_t len)
{
    JReader r = { text, text + len, &f->arena, NULL, 0 };
    JVal *v = ARENA_NEW(&f->arena, JVal);
    assert_non_null(v);
    bool ok = jvalue(&r, v);
    jws(&r);
    if (ok && r.p != r.end)
        ok = jfail(&r, "trailing bytes");
    if (!ok)
        fail_msg("invalid JSON (%s at offset %ld):\n%s", r.error, (long)(r.p - text), text);
    return v;
}

static const JVal *jget(const JVal *obj, const char *key)
{
    assert_int_equal(obj->type, J_OBJECT);
    for (const JVal *m = obj->first; m; m = m->next)
        if (strcmp(m->key, key) == 0)
            return m;
    fail_msg("no key \"%s\"", key);
    return NULL;
}

static const JVal *jat(const JVal *arr, size_t i)
{
    assert_int_equal(arr->type, J_ARRAY);
    const JVal *m = arr->first;
    while (m && i--)
        m = m->next;
    assert_non_null(m);
    return m;
}

static void assert_jstr(const JVal *v, const char *s)
{
    assert_int_equal(v->type, J_STRING);
    assert_int_equal(v->len, strlen(s));
    assert_memory_equal(v->str, s, v->len);
}

static void assert_jraw(const JVal *v, const char *text)
{
    assert_int_equal(v->type, J_NUMBER);
    assert_int_equal(v->rawlen, strlen(text));
    assert_memory_equal(v->raw, text, v->rawlen);
}

/* The object's keys, space-separated, in order. */
static const char *jkeys(Fixture *f, const JVal *obj)
{
    const char *s = "";
    for (const JVal *m = obj->first; m; m = m->next)
        s = arena_printf(&f->arena, "%s%s%s", s, *s ? " " : "", m->key);
    return s;
}

/* The object has these keys (space-separated), each once and in this
 * order. Other keys may come between them: spec/json.md §1 lets a version
 * add keys, and a consumer must ignore those it does not know. */
static void assert_keys_in_order(Fixture *f, const JVal *obj, const char *keys)
{
    assert_int_equal(obj->type, J_OBJECT);
    const JVal *m = obj->first;
    for (const char *k = keys; *k;) {
        size_t n = strcspn(k, " ");
        while (m && !(strlen(m->key) == n && memcmp(m->key, k, n) == 0))
            m = m->next;
        if (!m)
            fail_msg("key \"%.*s\" missing or out of order in {%s}, expected %s", (int)n, k, jkeys(f, obj), keys);
        for (const JVal *o = m->next; o; o = o->next)
            if (strlen(o->key) == n && memcmp(o->key, k, n) == 0)
                fail_msg("key \"%.*s\" twice", (int)n, k);
        m = m->next;
        k += n;
        while (*k == ' ')
            k++;
    }
}

/* ---- the reader itself ------------------------------------------------------------------------ */

static bool json_valid(Fixture *f, const char *text)
{
    JReader r = { text, text + strlen(text), &f->arena, NULL, 0 };
    JVal v;
    memset(&v, 0, sizeof v);
    bool ok = jvalue(&r, &v);
    jws(&r);
    return ok && r.p == r.end;
}

TEST(reader_rejects_what_is_not_json)
{
    /* the reader is what the report tests rely on: check it can say no */
    assert_true(json_valid(f, "{\"a\": [1, -2.5e3, true, null, \"\\u00e1\\ud83d\\ude00\"]}"));
    assert_false(json_valid(f, "{\"a\": 1,}"));
    assert_false(json_valid(f, "[01]"));
    assert_false(json_valid(f, "[1.]"));
    assert_false(json_valid(f, "[NaN]"));
    assert_false(json_valid(f, "[\"a\nb\"]"));              /* raw newline */
    assert_false(json_valid(f, "[\"\xff\"]"));              /* invalid UTF-8 */
    assert_false(json_valid(f, "[\"\\ud800\"]"));           /* lone surrogate */
    assert_false(json_valid(f, "[\"\\x41\"]"));
    assert_false(json_valid(f, "{\"a\" 1}"));
    assert_false(json_valid(f, "[1] [2]"));
    assert_false(json_valid(f, "{\"a\": 1"));
}

/* ---- report_json_string ----------------------------------------------------------------------- */

TEST(string_plain)
{
    assert_string_equal(json_string(f, "abc", 3), "\"abc\"");
    assert_string_equal(json_string(f, "", 0), "\"\"");
    /* '/' is not escaped */
    assert_string_equal(json_string(f, "70/KH-UBND", 10), "\"70/KH-UBND\"");
}

TEST(string_quotes_and_backslash)
{
    /* a"b\c -> "a\"b\\c" */
    assert_string_equal(json_string(f, "a\"b\\c", 5), "\"a\\\"b\\\\c\"");
}

TEST(string_control_characters)
{
    assert_string_equal(json_string(f, "a\nb\rc\td", 7), "\"a\\nb\\rc\\td\"");
    /* others as \u00XX with lowercase hex: 0x01, 0x1f, 0x7f, 0x08, 0x0c */
    assert_string_equal(json_string(f, "\x01", 1), "\"\\u0001\"");
    assert_string_equal(json_string(f, "\x1f", 1), "\"\\u001f\"");
    assert_string_equal(json_string(f, "\x7f", 1), "\"\\u007f\"");
    assert_string_equal(json_string(f, "\b\f", 2), "\"\\u0008\\u000c\"");
    /* an embedded NUL is a byte like any other */
    assert_string_equal(json_string(f, "a\0b", 3), "\"a\\u0000b\"");
}

TEST(string_vietnamese_passes_through)
{
    /* "Tuần Giáo" and "Kỳ Châu" byte for byte, not escaped */
    static const char tg[] = "Tu\xe1\xba\xa7n Gi\xc3\xa1o";
    static const char kc[] = "K\xe1\xbb\xb3 Ch\xc3\xa2u";
    assert_string_equal(json_string(f, tg, sizeof tg - 1), "\"Tu\xe1\xba\xa7n Gi\xc3\xa1o\"");
    assert_string_equal(json_string(f, kc, sizeof kc - 1), "\"K\xe1\xbb\xb3 Ch\xc3\xa2u\"");
    /* a four-byte sequence (U+1F600) too */
    assert_string_equal(json_string(f, "\xf0\x9f\x98\x80", 4), "\"\xf0\x9f\x98\x80\"");
}

TEST(string_invalid_utf8)
{
    /* one \ufffd per byte that does not start a valid sequence */
    assert_string_equal(json_string(f, "a\xff" "b", 3), "\"a\\ufffdb\"");
    assert_string_equal(json_string(f, "\xfe\xff", 2), "\"\\ufffd\\ufffd\"");
}

TEST(string_lone_continuation_byte)
{
    assert_string_equal(json_string(f, "x\x80y", 3), "\"x\\ufffdy\"");
    /* a continuation byte after a complete sequence: á then 0xA1 */
    assert_string_equal(json_string(f, "\xc3\xa1\xa1", 3), "\"\xc3\xa1\\ufffd\"");
}

TEST(string_overlong_encoding)
{
    /* C0 80 would be an overlong NUL: C0 is never a lead byte, 80 is a
     * stray continuation */
    assert_string_equal(json_string(f, "\xc0\x80", 2), "\"\\ufffd\\ufffd\"");
    /* E0 80 80: a three-byte overlong form */
    assert_string_equal(json_string(f, "\xe0\x80\x80", 3), "\"\\ufffd\\ufffd\\ufffd\"");
}

TEST(string_surrogate)
{
    /* ED A0 80 would encode U+D800 */
    assert_string_equal(json_string(f, "\xed\xa0\x80", 3), "\"\\ufffd\\ufffd\\ufffd\"");
    /* ED 9F BF is U+D7FF, the last code point before the surrogates: valid */
    assert_string_equal(json_string(f, "\xed\x9f\xbf", 3), "\"\xed\x9f\xbf\"");
}

TEST(string_above_unicode_and_cut)
{
    /* F4 90 80 80 would be U+110000 */
    assert_string_equal(json_string(f, "\xf4\x90\x80\x80", 4), "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");
    /* ầ cut after two of its three bytes, at the end of the input */
    assert_string_equal(json_string(f, "a\xe1\xba", 3), "\"a\\ufffd\\ufffd\"");
    /* and cut before an ASCII byte */
    assert_string_equal(json_string(f, "\xe1\xba" "b", 3), "\"\\ufffd\\ufffdb\"");
}

TEST(string_output_is_always_valid_json)
{
    /* every byte value once: the result must parse and be valid UTF-8 */
    char all[256];
    for (int i = 0; i < 256; i++)
        all[i] = (char)i;
    const char *out = json_string(f, all, sizeof all);
    const JVal *v = json_parse(f, out, strlen(out));
    assert_int_equal(v->type, J_STRING);
    /* 0x00..0x7F come back as themselves */
    assert_true(v->len >= 128);
    assert_memory_equal(v->str, all, 128);
}

/* ---- whole reports --------------------------------------------------------------------------- */

static const char *const FILES[] = { "test.dlg" };

/* report_json() of the fixture's run, as text. */
static const char *report_of(Fixture *f, const Header *h, const Result *r, int status, size_t *len)
{
    ReportInput in = { .files = FILES, .nfiles = 1, .header = h, .result = r, .diag = &f->diag,
                       .exit_status = status };
    Mem m;
    report_json(&in, mem_open(&m));
    return mem_close(f, &m, len);
}

/* Title "Kết quả 2020", issuer "UBND huyện Tuần Giáo" */
#define TITLE "K\xe1\xba\xbft qu\xe1\xba\xa3 2020"
#define ISSUER "UBND huy\xe1\xbb\x87n Tu\xe1\xba\xa7n Gi\xc3\xa1o"

static const char EVALUATED[] =
    "report \"" TITLE "\" {\n"                                          /* line 1 */
    "  issuer \"" ISSUER "\"\n"                                         /* line 2 */
    "  period 2020-01-01 .. 2020-12-31\n}\n"                            /* 3, 4 */
    "district \"Tu\xe1\xba\xa7n Gi\xc3\xa1o\" {\n"                      /* 5 */
    "  invited 15_590  attended 12_674\n"                               /* 6 */
    "  opinions 358 { resolved 357  pending 1 }\n}\n"                   /* 7, 8 */
    "indicator rate \"T\" = percent(opinions.resolved, opinions) { reported 99.72% }\n"   /* 9 */
    "rule r \"R\" {\n  each district\n  require: attended <= invited\n}\n";

TEST(report_of_an_evaluated_run)
{
    const Result *r = run_all(f, EVALUATED);
    size_t len;
    const char *text = report_of(f, &f->model->header, r, result_exit_status(r, false, 0), &len);
    assert_int_equal(strlen(text), len);
    const JVal *doc = json_parse(f, text, len);
    assert_int_equal(doc->type, J_OBJECT);
    assert_keys_in_order(f, doc, "dlg ok files report checks rules indicators diagnostics");
    assert_jraw(jget(doc, "dlg"), "3");
    const JVal *ok = jget(doc, "ok");
    assert_int_equal(ok->type, J_BOOL);
    assert_true(ok->b);
    const JVal *files = jget(doc, "files");
    assert_int_equal(files->count, 1);
    assert_jstr(jat(files, 0), "test.dlg");

    const JVal *report = jget(doc, "report");
    assert_keys_in_order(f, report, "title issuer reference date period");
    assert_jstr(jget(report, "title"), TITLE);
    assert_jstr(jget(report, "issuer"), ISSUER);
    assert_int_equal(jget(report, "reference")->type, J_NULL);
    assert_jstr(jget(jget(report, "period"), "start"), "2020-01-01");
    assert_jstr(jget(jget(report, "period"), "end"), "2020-12-31");

    /* three checks: the sum of opinions (line 7), attended <= invited
     * (line 6) and the reported percentage (line 9) */
    const JVal *checks = jget(doc, "checks");
    assert_int_equal(checks->count, 3);
    assert_int_equal(checks->count, r->nchecks);
    const JVal *sum = jat(checks, 0);
    assert_keys_in_order(f, sum, "kind subject declared computed imbalance relation status file line column");
    /* the optional keys are left out when they do not apply (spec/json.md §3) */
    assert_null(strstr(jkeys(f, sum), "tolerance"));
    assert_null(strstr(jkeys(f, sum), "coverage"));
    assert_null(strstr(jkeys(f, sum), "note"));
    assert_jstr(jget(sum, "kind"), "sum");
    assert_jstr(jget(sum, "subject"), "district Tu\xe1\xba\xa7n Gi\xc3\xa1o: opinions = resolved + pending");
    assert_jraw(jget(sum, "declared"), "358");
    assert_jraw(jget(sum, "computed"), "358");
    assert_jraw(jget(sum, "imbalance"), "0");
    assert_jstr(jget(sum, "relation"), "=");
    assert_jstr(jget(sum, "status"), "pass");
    assert_jstr(jget(sum, "file"), "test.dlg");
    assert_jraw(jget(sum, "line"), "7");
    assert_jraw(jget(sum, "column"), "3");
    const JVal *bound = jat(checks, 1);
    assert_jstr(jget(bound, "kind"), "bound");
    /* 12674 - 15590 = -2916 */
    assert_jraw(jget(bound, "imbalance"), "-2916");
    const JVal *pct = jat(checks, 2);
    assert_jstr(jget(pct, "kind"), "percent");
    assert_jraw(jget(pct, "declared"), "99.72");
    assert_jraw(jget(pct, "computed"), "99.7207");
    assert_jraw(jget(pct, "tolerance"), "0.01");
    assert_jstr(jget(pct, "relation"), "within");

    const JVal *rules = jget(doc, "rules");
    assert_int_equal(rules->count, 1);
    assert_jstr(jget(jat(rules, 0), "status"), "pass");
    assert_jraw(jget(jat(rules, 0), "total"), "1");
    assert_int_equal(jget(jat(rules, 0), "failures")->type, J_ARRAY);
    assert_int_equal(jget(jat(rules, 0), "failures")->count, 0);

    const JVal *inds = jget(doc, "indicators");
    assert_int_equal(inds->count, 1);
    const JVal *ind = jat(inds, 0);
    assert_jstr(jget(ind, "unit"), "percent");
    assert_jraw(jget(ind, "value"), "99.7207");
    assert_jraw(jget(ind, "numerator"), "357");
    assert_jraw(jget(ind, "denominator"), "358");
    for (const JVal *m = ind->first; m; m = m->next)   /* the report's row: no "subject" (§8) */
        assert_string_not_equal(m->key, "subject");
    assert_int_equal(jget(ind, "rows")->type, J_ARRAY);
    assert_int_equal(jget(ind, "note")->type, J_NULL);
    assert_jraw(jget(ind, "line"), "9");

    assert_int_equal(jget(doc, "diagnostics")->type, J_ARRAY);
    assert_int_equal(jget(doc, "diagnostics")->count, 0);
    /* one object, then one newline */
    assert_int_equal(text[len - 1], '\n');
    assert_int_equal(text[len - 2], '}');
}

TEST(report_of_a_failing_run)
{
    const Result *r = run_all(f, "commune \"A\" { receptions 52 { periodic 2  regular 7 } }\n");
    size_t len;
    const char *text = report_of(f, &f->model->header, r, result_exit_status(r, false, 0), &len);
    const JVal *doc = json_parse(f, text, len);
    assert_false(jget(doc, "ok")->b);
    assert_int_equal(jget(doc, "report")->type, J_NULL);   /* no report "TITLE" */
    const JVal *c = jat(jget(doc, "checks"), 0);
    assert_jstr(jget(c, "status"), "fail");
    /* 52 - (2 + 7) = 43 */
    assert_jraw(jget(c, "computed"), "9");
    assert_jraw(jget(c, "imbalance"), "43");
}

TEST(report_with_coverage_note_and_warning)
{
    const Result *r = run_all(f, "district \"D\" {\n  communes 2\n  invited 30\n  commune \"A\" { invited 10 }\n"
                                 "  opinions 5 { resolved 4  pending ? }\n}\n"
                                 "report \"Một\"\nreport \"Hai\"\n");
    size_t len;
    const char *text = report_of(f, &f->model->header, r, result_exit_status(r, false, 0), &len);
    const JVal *doc = json_parse(f, text, len);
    const JVal *checks = jget(doc, "checks");
    bool seen_coverage = false, seen_note = false;
    for (const JVal *c = checks->first; c; c = c->next) {
        for (const JVal *m = c->first; m; m = m->next) {
            if (strcmp(m->key, "coverage") == 0) {
                /* invited: 1 of 2 communes */
                assert_keys_in_order(f, m, "covered expected");
                seen_coverage = true;
            }
            if (strcmp(m->key, "note") == 0) {
                /* the pending part would be 5 - 4 = 1 */
                assert_non_null(strstr(m->str, "'pending' would be 1"));
                assert_jstr(jget(c, "status"), "unknown");
                assert_int_equal(jget(c, "computed")->type, J_NULL);
                assert_int_equal(jget(c, "imbalance")->type, J_NULL);
                seen_note = true;
            }
        }
    }
    assert_true(seen_coverage);
    assert_true(seen_note);
    /* a second report header with another title is a warning (line 8)
     * in the diagnostics of an evaluated run, with its note */
    const JVal *diags = jget(doc, "diagnostics");
    assert_int_equal(diags->count, 2);
    const JVal *w = jat(diags, 0);
    assert_keys_in_order(f, w, "severity message file line column");
    assert_jstr(jget(w, "severity"), "warning");
    assert_jraw(jget(w, "line"), "8");
    assert_jstr(jget(jat(diags, 1), "severity"), "note");
}

/* A check's numbers as the report gives them, in đồng: kept in the check
 * when both fit in 32 bits, beside it when either does not (declared or
 * computed), exact either way. Hand-counted: 100,000 + 60,000 = 160,000;
 * 2,000,000,000 * 2 = 4,000,000,000; 3,000,000,000 + 1 = 3,000,000,001,
 * and 5 - 3,000,000,001 = -2,999,999,996; 3,000,000,000 - (1 + 2) =
 * 2,999,999,997. */
TEST(report_numbers_of_money_and_large_sums)
{
    const Result *r = run_all(f, "district \"D\" {\n"
                                 "  house_support 150_000\xc4\x91  fund_raised 3_000_000_000\xc4\x91  fund_spent 5\xc4\x91\n"
                                 "  fund_balance 3_000_000_000\xc4\x91\n"
                                 "  commune \"A\" { house_support 100_000\xc4\x91  fund_raised 2_000_000_000\xc4\x91"
                                 "  fund_spent 3_000_000_000\xc4\x91  fund_balance 1\xc4\x91 }\n"
                                 "  commune \"B\" { house_support 60_000\xc4\x91  fund_raised 2_000_000_000\xc4\x91"
                                 "  fund_spent 1\xc4\x91  fund_balance 2\xc4\x91 }\n}\n");
    static const struct {
        const char *path, *declared, *computed, *imbalance;
    } expected[] = {
        { "house_support", "150000", "160000", "-10000" },
        { "fund_raised", "3000000000", "4000000000", "-1000000000" },
        { "fund_spent", "5", "3000000001", "-2999999996" },
        { "fund_balance", "3000000000", "3", "2999999997" },
    };
    size_t len;
    const char *text = report_of(f, &f->model->header, r, result_exit_status(r, false, 0), &len);
    const JVal *checks = jget(json_parse(f, text, len), "checks");
    assert_int_equal(checks->count, 4);
    for (size_t i = 0; i < 4; i++) {
        const JVal *c = jat(checks, i);
        assert_jstr(jat(jget(c, "figure_path"), 0), expected[i].path);
        assert_jstr(jget(c, "unit"), "dong");
        assert_jraw(jget(c, "declared"), expected[i].declared);
        assert_jraw(jget(c, "computed"), expected[i].computed);
        assert_jraw(jget(c, "imbalance"), expected[i].imbalance);
        assert_jstr(jget(c, "status"), "fail");
    }
}

/* A sum's or a column's text after its unit is made once for the units
 * whose breakdowns name the same parts (json.c keeps it): a unit whose
 * parts differ in a name, in their order or in being partial gets its own,
 * and so does a breakdown too long to be kept. Each text as sum_text()
 * makes it from the file: "WHOLE = PART + ...", a column's cells
 * "ROW.COL", " + ..." after a partial breakdown, the first five parts then
 * "+ ... (N parts)". */
#define SEVENTEEN_TOPICS(last) "{ land 1  compensation 1  roads 1  irrigation 1  water 1  electricity 1  " \
    "health_insurance 1  poor_households 1  social_security 1  agriculture 1  culture_house 1  clinic 1  " \
    "economy 1  culture 1  society 1  infrastructure 1  " last " 1 }"

TEST(report_subjects_of_like_breakdowns)
{
    static const char TABLE[] = "  petitions 3 { complaint 1  proposal 2 } {\n"
                                "    eligible 2 { complaint 1  proposal 1 }\n"
                                "    ineligible 1 { complaint 0  proposal 1 }\n  }\n";
    const Result *r = run_all(f, arena_printf(&f->arena,
        "district \"A\" {\n%s}\n"
        "district \"B\" {\n  petitions 3 { complaint 1  denunciation 2 }\n}\n"
        "district \"C\" {\n  petitions 3 { proposal 2  complaint 1 }\n}\n"
        "district \"D\" {\n  petitions 3 { complaint 1  proposal 2  ... }\n}\n"
        "district \"E\" {\n%s}\n"
        "district \"F\" {\n  opinions 17 " SEVENTEEN_TOPICS("environment") "\n}\n"
        "district \"G\" {\n  opinions 17 " SEVENTEEN_TOPICS("education") "\n}\n"
        "district \"H\" {\n  petitions 3 { complaint 1  denunciation 2 }\n}\n", TABLE, TABLE));
    static const char *const table[] = {
        "petitions = complaint + proposal",
        "petitions = eligible + ineligible",
        "petitions.complaint = eligible.complaint + ineligible.complaint",
        "petitions.proposal = eligible.proposal + ineligible.proposal",
        "petitions.eligible = complaint + proposal",
        "petitions.ineligible = complaint + proposal",
    };
    static const char seventeen[] = "opinions = land + compensation + roads + irrigation + water + ... (17 parts)";
    const char *expected[] = {
        table[0], table[1], table[2], table[3], table[4], table[5],
        "petitions = complaint + denunciation",
        "petitions = proposal + complaint",
        "petitions = complaint + proposal + ...",
        table[0], table[1], table[2], table[3], table[4], table[5],
        seventeen, seventeen,
        "petitions = complaint + denunciation",
    };
    const char who[] = "AAAAAABCDEEEEEEFGH", kind[] = "ssttsssssssttsssss";    /* s: sum, t: table */
    size_t len;
    const char *text = report_of(f, &f->model->header, r, result_exit_status(r, false, 0), &len);
    const JVal *checks = jget(json_parse(f, text, len), "checks");
    assert_int_equal(checks->count, sizeof expected / sizeof *expected);
    for (size_t i = 0; i < checks->count; i++) {
        assert_jstr(jget(jat(checks, i), "kind"), kind[i] == 't' ? "table" : "sum");
        assert_jstr(jget(jat(checks, i), "subject"), arena_printf(&f->arena, "district %c: %s", who[i], expected[i]));
    }
}

/* Checks of one figure that say different things (json.c keeps a check's
 * text by what it reads): a change and a rollup of receptions; two bounds
 * whose check is on the same figure, each of a figure only the communes
 * declare. Hand-counted: x 1 + 2 = 3, y 2 + 3 = 5, total 4 + 6 = 10,
 * receptions 2 + 3 = 5 and 5 - 4 = 1. */
TEST(report_subjects_of_checks_on_one_figure)
{
    const Result *r = run_all(f, "figure total \"T\"\nfigure x \"X\"\nfigure y \"Y\"\n"
                                 "relation rx \"RX\": x <= total\nrelation ry \"RY\": y <= total\n"
                                 "district \"D\" {\n  total 10\n  receptions 5 { previous 4  change 1 }\n"
                                 "  commune \"A\" { x 1  y 2  total 4  receptions 2 }\n"
                                 "  commune \"B\" { x 2  y 3  total 6  receptions 3 }\n}\n");
    static const struct {
        const char *kind, *subject, *path, *declared, *computed;
    } expected[] = {
        { "rollup", "district D: total", "total", "10", "10" },
        { "change", "district D: change of receptions", "receptions", "1", "1" },
        { "rollup", "district D: receptions", "receptions", "5", "5" },
        { "bound", "district D: x <= total", "total", "3", "10" },
        { "bound", "district D: y <= total", "total", "5", "10" },
        { "bound", "commune A: x <= total", "x", "1", "4" },
        { "bound", "commune A: y <= total", "y", "2", "4" },
        { "bound", "commune B: x <= total", "x", "2", "6" },
        { "bound", "commune B: y <= total", "y", "3", "6" },
    };
    size_t len;
    const char *text = report_of(f, &f->model->header, r, result_exit_status(r, false, 0), &len);
    const JVal *checks = jget(json_parse(f, text, len), "checks");
    assert_int_equal(checks->count, sizeof expected / sizeof *expected);
    for (size_t i = 0; i < checks->count; i++) {
        const JVal *c = jat(checks, i);
        assert_jstr(jget(c, "kind"), expected[i].kind);
        assert_jstr(jget(c, "subject"), expected[i].subject);
        assert_jstr(jat(jget(c, "figure_path"), 0), expected[i].path);
        assert_jraw(jget(c, "declared"), expected[i].declared);
        assert_jraw(jget(c, "computed"), expected[i].computed);
        assert_jstr(jget(c, "status"), "pass");
    }
}

TEST(report_subjects_of_sessions_one_after_another)
{
    /* a session's subject is its form with its place (the commune's
     * subject) copied in, the place made once for the sessions of a
     * commune; every form, names that need escaping and names that do not,
     * the same name in two communes */
    const Result *r = run_all(f,
        "commune \"Kỳ \\\"Châu\\\"\" {\n"
        "  dialogue 2024-02-03 \"Hội nghị \\\"lần\\\" 1\" { invited 10  attended 12 }\n"
        "  dialogue \"Hội nghị \\\"lần\\\" 1\" { invited 10  attended 12 }\n"
        "  dialogue 2024-03 \"Hội nghị lần 2\" { invited 10  attended 12 }\n"
        "  dialogue { invited 10  attended 12 }\n"
        "}\n"
        "commune \"Quài Nưa\" {\n"
        "  dialogue 2024-02-03 \"Hội nghị \\\"lần\\\" 1\" { invited 10  attended 12 }\n"
        "  dialogue 2024-02-04 \"Hội nghị lần 2\" { invited 10  attended 12 }\n"
        "}\n");
    static const struct {
        const char *subject, *commune, *name;
    } expected[] = {
        { "dialogue 2024-02-03 in commune Kỳ \"Châu\"", "Kỳ \"Châu\"", "Hội nghị \"lần\" 1" },
        { "dialogue \"Hội nghị \"lần\" 1\" in commune Kỳ \"Châu\"", "Kỳ \"Châu\"", "Hội nghị \"lần\" 1" },
        { "dialogue 2024-03 in commune Kỳ \"Châu\"", "Kỳ \"Châu\"", "Hội nghị lần 2" },
        { "dialogue (undated) in commune Kỳ \"Châu\"", "Kỳ \"Châu\"", NULL },
        { "dialogue 2024-02-03 in commune Quài Nưa", "Quài Nưa", "Hội nghị \"lần\" 1" },
        { "dialogue 2024-02-04 in commune Quài Nưa", "Quài Nưa", "Hội nghị lần 2" },
    };
    size_t len;
    const char *text = report_of(f, &f->model->header, r, result_exit_status(r, false, 0), &len);
    const JVal *checks = jget(json_parse(f, text, len), "checks");
    assert_int_equal(checks->count, sizeof expected / sizeof *expected);
    for (size_t i = 0; i < checks->count; i++) {
        const JVal *c = jat(checks, i), *path = jget(c, "unit_path");
        assert_jstr(jget(c, "subject"), arena_printf(&f->arena, "%s: attended <= invited", expected[i].subject));
        assert_int_equal(path->count, 2);
        assert_jstr(jget(jat(path, 0), "kind"), "commune");
        assert_jstr(jget(jat(path, 0), "name"), expected[i].commune);
        assert_jstr(jget(jat(path, 1), "kind"), "dialogue");
        if (expected[i].name)
            assert_jstr(jget(jat(path, 1), "name"), expected[i].name);
        else
            assert_int_equal(jget(jat(path, 1), "name")->type, J_NULL);
    }
}

/* A subject's detail is made once for the subjects of a rule judged
 * alike (json.c keeps it): the same sides and status, or the same reason
 * when it is a reason's kind alone. Each subject still gets its own: a
 * pass and a failure without sides, two reasons, a reason that names its
 * subject. Hand-counted: 2024-03-01 to 2024-03-05 is 4 days, 2024-03-03
 * to 2024-03-30 is 27. */
TEST(report_details_of_like_verdicts)
{
    const Result *r = run_all(f,
        "commune \"A\" {\n"
        "  dialogue 2024-01-02 { invited 12  attended 10 }\n"
        "  dialogue 2024-01-03 { invited 10  attended 12 }\n"
        "  dialogue 2024-01-04 { invited 12  attended 10 }\n"
        "  dialogue 2024-01-05 { invited 12  attended 11 }\n"
        "  dialogue 2024-01-06 { invited 10  attended 12 }\n"
        "  dialogue 2024-01-07 { invited 12 }\n"
        "  dialogue 2024-01-08 { invited 12  attended 10 }\n"
        "  dialogue 2024-01-09 { invited 12 }\n"
        "}\n"
        "commune \"B\" {\n"
        "  dialogue 2024-03-01 { invited 1  attended 1  conclusion \"1/TB\" 2024-03-05 }\n"
        "  dialogue 2024-03 { invited 1  attended 1  conclusion \"2/TB\" 2024-03-20 }\n"
        "  dialogue 2024-03-02 { invited 1  attended 1 }\n"
        "  dialogue 2024-03-03 { invited 1  attended 1  conclusion \"3/TB\" 2024-03-30 }\n"
        "  dialogue 2024-03-04 { invited 1  attended 1  conclusion \"4/TB\" 2024-03-08 }\n"
        "  dialogue 2024-03 { invited 1  attended 1 }\n"
        "}\n"
        "rule r \"R\" {\n  each dialogue\n  require: attended <= invited\n}\n"
        "rule s \"S\" {\n  each dialogue\n  require: not (attended > invited)\n}\n"
        "rule c \"C\" {\n  each dialogue\n  require: conclusion - date <= 15\n}\n");
    static const char HOLDS[] = "attended <= invited holds: 10 <= 12",
                      FALSE[] = "attended <= invited is false: 12 <= 10 does not hold",
                      ONE[] = "attended <= invited holds: 1 <= 1",
                      NOT_HOLDS[] = "not (attended > invited) holds", NOT_FALSE[] = "not (attended > invited) is false",
                      NO_NOTICE[] = "conclusion - date <= 15 is unknown: no conclusion notice is recorded",
                      FOUR[] = "conclusion - date <= 15 holds: 4 <= 15";
    static const char *const details[][14] = {
        { HOLDS, FALSE, HOLDS, "attended <= invited holds: 11 <= 12", FALSE,
          "attended <= invited is unknown: 'attended' is not known for dialogue 2024-01-07 in commune A", HOLDS,
          "attended <= invited is unknown: 'attended' is not known for dialogue 2024-01-09 in commune A",
          ONE, ONE, ONE, ONE, ONE, ONE },
        { NOT_HOLDS, NOT_FALSE, NOT_HOLDS, NOT_HOLDS, NOT_FALSE,
          "not (attended > invited) is unknown: 'attended' is not known for dialogue 2024-01-07 in commune A",
          NOT_HOLDS,
          "not (attended > invited) is unknown: 'attended' is not known for dialogue 2024-01-09 in commune A",
          NOT_HOLDS, NOT_HOLDS, NOT_HOLDS, NOT_HOLDS, NOT_HOLDS, NOT_HOLDS },
        { NO_NOTICE, NO_NOTICE, NO_NOTICE, NO_NOTICE, NO_NOTICE, NO_NOTICE, NO_NOTICE, NO_NOTICE, FOUR,
          "conclusion - date <= 15 is unknown: the session's date is not known to the day", NO_NOTICE,
          "conclusion - date <= 15 is false: 27 <= 15 does not hold", FOUR, NO_NOTICE },
    };
    static const char *const status[] = { "pfppfupupppppp", "pfppfupupppppp", "uuuuuuuupuufpu" };
    /* the sides compared, of rule r: attended, then invited */
    static const int left[] = { 10, 12, 10, 11, 12, -1, 10, -1, 1, 1, 1, 1, 1, 1 },
                     right[] = { 12, 10, 12, 12, 10, -1, 12, -1, 1, 1, 1, 1, 1, 1 };
    size_t len;
    const char *text = report_of(f, &f->model->header, r, result_exit_status(r, false, 0), &len);
    const JVal *rules = jget(json_parse(f, text, len), "rules");
    assert_int_equal(rules->count, 3);
    for (size_t i = 0; i < 3; i++) {
        const JVal *subjects = jget(jat(rules, i), "subjects"), *failures = jget(jat(rules, i), "failures");
        assert_int_equal(subjects->count, 14);
        size_t k = 0;
        for (size_t j = 0; j < 14; j++) {
            const JVal *v = jat(subjects, j);
            char st = status[i][j];
            assert_jstr(jget(v, "status"), st == 'p' ? "pass" : st == 'f' ? "fail" : "unknown");
            assert_jstr(jget(v, "detail"), details[i][j]);
            if (st != 'p')          /* the failures list the subjects that do not pass, in order */
                assert_jstr(jget(jat(failures, k++), "detail"), details[i][j]);
            const JVal *compared = jget(v, "compared");
            if (i == 0 && left[j] >= 0) {
                assert_jstr(jget(compared, "op"), "<=");
                assert_jraw(jget(compared, "left"), arena_printf(&f->arena, "%d", left[j]));
                assert_jraw(jget(compared, "right"), arena_printf(&f->arena, "%d", right[j]));
            }
        }
        assert_int_equal(failures->count, k);
    }
}

/* A check's figure path is made once a path (json.c keeps it, in fewer
 * slots than this report has paths): each check still gets its own. */
TEST(report_figure_paths_of_many_figures)
{
    enum { FIGURES = 80 };
    char *text = arena_printf(&f->arena, "%s", "");
    for (int i = 0; i < FIGURES; i++)
        text = arena_printf(&f->arena, "%sfigure f%d \"F%d\"\n", text, i, i);
    const char *unit = "";
    for (int i = 0; i < FIGURES; i++)
        unit = arena_printf(&f->arena, "%s  f%d 1\n", unit, i);
    const char *whole = "";
    for (int i = 0; i < FIGURES; i++)
        whole = arena_printf(&f->arena, "%s  f%d %d\n", whole, i, 2 + i % 2);
    text = arena_printf(&f->arena, "%sdistrict \"D\" {\n%s  commune \"A\" {\n%s  }\n  commune \"B\" {\n%s  }\n}\n", text,
                        whole, unit, unit);
    const Result *r = run_all(f, text);
    size_t len;
    const char *json = report_of(f, &f->model->header, r, result_exit_status(r, false, 0), &len);
    const JVal *checks = jget(json_parse(f, json, len), "checks");
    assert_int_equal(checks->count, FIGURES);
    for (int i = 0; i < FIGURES; i++) {
        const JVal *c = jat(checks, (size_t)i), *path = jget(c, "figure_path");
        assert_jstr(jget(c, "kind"), "rollup");
        assert_int_equal(path->count, 1);
        assert_jstr(jat(path, 0), arena_printf(&f->arena, "f%d", i));
        /* 1 + 1 against 2, or against 3 */
        assert_jstr(jget(c, "status"), i % 2 ? "fail" : "pass");
    }
}

TEST(report_of_a_parse_error)
{
    /* a word with invalid UTF-8 outside quotes: the message quotes the bytes */
    parse_text(f, "a 1\nx\xff\xfe 2\nb 15.590\n");
    assert_true(f->diag.errors >= 2);
    /* and one diagnostic tied to no file, as for an unreadable file */
    diag_error(&f->diag, NULL, (Span){ 0, 0 }, "cannot read '%s': %s", "missing\xff.dlg", "No such file");
    size_t len;
    const char *text = report_of(f, NULL, NULL, 2, &len);
    const JVal *doc = json_parse(f, text, len);
    assert_keys_in_order(f, doc, "dlg ok files report checks rules indicators diagnostics");
    assert_false(jget(doc, "ok")->b);
    assert_int_equal(jget(doc, "report")->type, J_NULL);
    assert_int_equal(jget(doc, "checks")->count, 0);
    assert_int_equal(jget(doc, "checks")->type, J_ARRAY);
    assert_int_equal(jget(doc, "rules")->count, 0);
    assert_int_equal(jget(doc, "indicators")->count, 0);
    const JVal *diags = jget(doc, "diagnostics");
    assert_int_equal(diags->count, f->diag.errors + f->diag.warnings + count_diags(&f->diag, DIAG_NOTE));
    /* the bad word: line 2, column 1, its bytes replaced by U+FFFD */
    const JVal *bad = NULL;
    for (const JVal *g = diags->first; g; g = g->next)
        if (jget(g, "line")->type == J_NUMBER && jget(g, "line")->num == 2)
            bad = g;
    assert_non_null(bad);
    assert_jstr(jget(bad, "severity"), "error");
    assert_jraw(jget(bad, "column"), "1");
    assert_non_null(strstr(jget(bad, "message")->str, "x\xef\xbf\xbd\xef\xbf\xbd"));
    /* the 15.590 error on line 3 */
    bool dotted = false;
    for (const JVal *g = diags->first; g; g = g->next)
        dotted |= strstr(jget(g, "message")->str, "'15.590'") != NULL && jget(g, "line")->num == 3;
    assert_true(dotted);
    /* the one tied to no file has null positions */
    const JVal *last = jat(diags, diags->count - 1);
    assert_int_equal(jget(last, "file")->type, J_NULL);
    assert_int_equal(jget(last, "line")->type, J_NULL);
    assert_int_equal(jget(last, "column")->type, J_NULL);
    assert_non_null(strstr(jget(last, "message")->str, "missing\xef\xbf\xbd.dlg"));
}

TEST(report_file_names_are_escaped)
{
    static const char *const names[] = { "a\"b.dlg", "c\\d\x01.dlg", "\xc3.dlg" };
    ReportInput in = { .files = names, .nfiles = 3, .diag = &f->diag, .exit_status = 2 };
    Mem m;
    report_json(&in, mem_open(&m));
    size_t len;
    const char *text = mem_close(f, &m, &len);
    const JVal *files = jget(json_parse(f, text, len), "files");
    assert_int_equal(files->count, 3);
    assert_jstr(jat(files, 0), "a\"b.dlg");
    assert_jstr(jat(files, 1), "c\\d\x01.dlg");
    assert_jstr(jat(files, 2), "\xef\xbf\xbd.dlg");        /* C3 alone is cut: U+FFFD */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(reader_rejects_what_is_not_json),
        FIXTURE_TEST(string_plain),
        FIXTURE_TEST(string_quotes_and_backslash),
        FIXTURE_TEST(string_control_characters),
        FIXTURE_TEST(string_vietnamese_passes_through),
        FIXTURE_TEST(string_invalid_utf8),
        FIXTURE_TEST(string_lone_continuation_byte),
        FIXTURE_TEST(string_overlong_encoding),
        FIXTURE_TEST(string_surrogate),
        FIXTURE_TEST(string_above_unicode_and_cut),
        FIXTURE_TEST(string_output_is_always_valid_json),
        FIXTURE_TEST(report_of_an_evaluated_run),
        FIXTURE_TEST(report_of_a_failing_run),
        FIXTURE_TEST(report_with_coverage_note_and_warning),
        FIXTURE_TEST(report_subjects_of_like_breakdowns),
        FIXTURE_TEST(report_subjects_of_checks_on_one_figure),
        FIXTURE_TEST(report_subjects_of_sessions_one_after_another),
        FIXTURE_TEST(report_numbers_of_money_and_large_sums),
        FIXTURE_TEST(report_details_of_like_verdicts),
        FIXTURE_TEST(report_figure_paths_of_many_figures),
        FIXTURE_TEST(report_of_a_parse_error),
        FIXTURE_TEST(report_file_names_are_escaped),
    };
    return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
