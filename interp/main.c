/* main.c - the dlg command line (spec §12): options, then dlg_run(). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "i18n.h"
#include "run.h"

#ifndef DLG_VERSION
#define DLG_VERSION "unknown"
#endif

static const char *const usage = N_(
    "usage: dlg [--format FORMAT] [--lang LANG] [--strict] [--sandbox] [--jobs N] [--rules NAME|FILE]... [--previous FILE]... FILE...\n"
    "\n"
    "Check a report written in the dlg language: every total adds up, every\n"
    "rule holds; print the indicators. Several files form one report; '-'\n"
    "reads standard input.\n"
    "\n"
    "  --format FORMAT     text: for people (default); json: for CI (spec/json.md);\n"
    "                      sarif: SARIF 2.1.0, for code scanning; github: GitHub\n"
    "                      Actions annotations; csv: the indicators, for\n"
    "                      spreadsheets; html: a page\n"
    "  --lang LANG         the language of the text and html reports and of the\n"
    "                      messages: en (the default) or vi; without it, the\n"
    "                      environment's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).\n"
    "                      json, sarif, github and csv are always in English\n"
    "  --strict            fail on anything undecided too: warnings, partial\n"
    "                      checks, unknown rules, failed warning rules (for CI)\n"
    "  --sandbox           read only files inside the working folder (for CI)\n"
    "  --jobs N            read up to N files at once (default: one for each\n"
    "                      processor); the output is the same for any N\n"
    "  --rules NAME|FILE   apply a rulebook to all files (repeatable): one that\n"
    "                      ships with dlg, by name, or a file\n"
    "  --previous FILE     the report of the period before (repeatable): set\n"
    "                      each indicator beside its value then\n"
    "  --quiet             text: only what fails, and the result line\n"
    "  --all               text: every passing check and rule subject, however\n"
    "                      many (past 100 in a section they are counted)\n"
    "  --color=WHEN        text: colour when standard output is a terminal and\n"
    "                      NO_COLOR is not set (auto, the default), always or\n"
    "                      never; --color alone is always\n"
    "  -h, --help          print this help\n"
    "  --version           print the version\n"
    "\n"
    "exit status: 0 the report is right, 1 the report is wrong (a check or an\n"
    "error rule failed), 2 the input could not be read or parsed, or the\n"
    "command line is wrong.\n");

/* "text or json": the writers' names, from the table. */
static const char *writer_names(char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    for (const Writer *w = report_writers; w->name && n < size; w++) {
        const char *sep = w == report_writers ? "" : w[1].name ? ", " : _(" or ");
        int k = snprintf(buf + n, size - n, "%s%s", sep, w->name);
        if (k < 0)
            break;
        n += (size_t)k;
    }
    return buf;
}

typedef enum { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER } ColorWhen;

/* The width of the report: $COLUMNS when it is a number (POSIX: it
 * overrides the terminal's), else the terminal's when standard output is
 * one, else 0 (the writer's default, 80). */
static unsigned columns(bool tty)
{
    const char *env = getenv("COLUMNS");
    if (env && *env >= '1' && *env <= '9') {
        char *end;
        unsigned long n = strtoul(env, &end, 10);
        if (!*end && n <= 10000)
            return (unsigned)n;
    }
    struct winsize ws;
    if (tty && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 0;
}

/* Colour: always or never as asked; on `auto`, when standard output is a
 * terminal that is not "dumb" and NO_COLOR is not set to something
 * (https://no-color.org). */
static bool colour(ColorWhen when, bool tty)
{
    const char *no = getenv("NO_COLOR"), *term = getenv("TERM");
    if (when != COLOR_AUTO)
        return when == COLOR_ALWAYS;
    return tty && !(no && *no) && !(term && strcmp(term, "dumb") == 0);
}

static int bad_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int bad_usage(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("dlg: ", stderr);
    vfprintf(stderr, _(fmt), ap);
    fputc('\n', stderr);
    fputs(_("try 'dlg --help'"), stderr);
    fputc('\n', stderr);
    va_end(ap);
    return 2;
}

/* --lang and --format as the option loop will read them (the last of
 * each; NULL when not given or empty), read first so that the command
 * line's own errors are in the run's language. */
static void peek(int argc, char **argv, const char **lang, const char **format)
{
    static const char *const valued[] = { "--format", "--lang", "--rules", "--previous" };
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        for (size_t k = 0; k < sizeof valued / sizeof *valued; k++) {
            const char *a = argv[i];
            size_t n = strlen(valued[k]);
            if (strncmp(a, valued[k], n) != 0 || (a[n] != '\0' && a[n] != '='))
                continue;
            const char *v = a[n] == '=' ? a + n + 1 : i + 1 < argc ? argv[++i] : NULL;
            if (k == 0)
                *format = v;
            else if (k == 1)
                *lang = v && *v ? v : NULL;
            break;
        }
}

/* Is this writer's output read by people (text, html), and so in the
 * run's language? The others are contracts with machines: English. */
static bool for_people(const Writer *w)
{
    return !w || strcmp(w->name, "text") == 0 || strcmp(w->name, "html") == 0;
}

/* The language of the run (spec §12): --lang, else the environment's
 * (a wrong --lang is reported in the environment's); English whatever
 * they say for a format for machines. Loads the catalogue, with a warning
 * when --lang vi finds none. */
static void choose_language(int argc, char **argv)
{
    const char *option = NULL, *format = NULL;
    peek(argc, argv, &option, &format);
    const char *env = i18n_choose(NULL, getenv("LANGUAGE"), getenv("LC_ALL"), getenv("LC_MESSAGES"), getenv("LANG"));
    const char *asked = option ? i18n_choose(option, NULL, NULL, NULL, NULL) : NULL;
    const char *lang = asked ? asked : env;
    if (format && !for_people(report_writer(format)))
        lang = "en";
    if (strcmp(lang, "en") == 0)
        return;
    char exe[4096], dir[4096];
    const char *path = argv[0];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        path = exe;
    }
    if (!i18n_init(lang, i18n_localedir(path, dir, sizeof dir)) && asked)
        fprintf(stderr, "dlg: warning: the Vietnamese messages are not installed (%s/vi/LC_MESSAGES/dlg.mo): "
                        "English is used\n", dir);
}

int main(int argc, char **argv)
{
    choose_language(argc, argv);
    RunOptions opt = { .writer = &report_writers[0] };
#ifdef DLG_READ_WHOLE
    opt.whole = true;       /* dlg-whole, the tests' second reader (Makefile: make whole) */
#endif
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    const char **rules = calloc((size_t)argc + 1, sizeof *rules);
    const char **previous = calloc((size_t)argc + 1, sizeof *previous);
    int status = 2;
    if (!files || !rules || !previous) {
        fprintf(stderr, "dlg: %s\n", _("out of memory"));
        goto done;
    }
    bool options = true;
    ColorWhen color = COLOR_AUTO;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (options && strcmp(a, "--") == 0) {
            options = false;
        } else if (options && (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)) {
            fputs(_(usage), stdout);
            Arena scratch;
            arena_init(&scratch, NULL);
            fputc('\n', stdout);
            printf(_("rulebooks shipped with dlg: %s"), run_shipped_rulebooks(&scratch));
            fputc('\n', stdout);
            arena_free(&scratch);
            status = 0;
            goto done;
        } else if (options && strcmp(a, "--version") == 0) {
            printf("dlg %s\n", DLG_VERSION);
            status = 0;
            goto done;
        } else if (options && strcmp(a, "--strict") == 0) {
            opt.strict = true;
        } else if (options && strcmp(a, "--sandbox") == 0) {
            opt.sandbox = true;
        } else if (options && strcmp(a, "--quiet") == 0) {
            opt.layout.quiet = true;
        } else if (options && strcmp(a, "--all") == 0) {
            opt.layout.all = true;
        } else if (options && (strcmp(a, "--color") == 0 || strncmp(a, "--color=", 8) == 0)) {
            const char *v = a[7] == '=' ? a + 8 : "always";
            if (!*v) {                  /* --color= is no value */
                status = bad_usage("--color needs a value: auto, always or never");
                goto done;
            }
            if (strcmp(v, "auto") == 0)
                color = COLOR_AUTO;
            else if (strcmp(v, "always") == 0)
                color = COLOR_ALWAYS;
            else if (strcmp(v, "never") == 0)
                color = COLOR_NEVER;
            else {
                status = bad_usage("unknown --color value '%s': use auto, always or never", v);
                goto done;
            }
        } else if (options && (strcmp(a, "--format") == 0 || strncmp(a, "--format=", 9) == 0)) {
            const char *v = a[8] == '=' ? a + 9 : i + 1 < argc ? argv[++i] : NULL;
            char names[128];
            if (!v || !*v) {            /* --format= is no format */
                status = bad_usage("--format needs a value: %s", writer_names(names, sizeof names));
                goto done;
            }
            opt.writer = report_writer(v);
            if (!opt.writer) {
                status = bad_usage("unknown format '%s': use %s", v, writer_names(names, sizeof names));
                goto done;
            }
        } else if (options && (strcmp(a, "--lang") == 0 || strncmp(a, "--lang=", 7) == 0)) {
            const char *v = a[6] == '=' ? a + 7 : i + 1 < argc ? argv[++i] : NULL;
            if (!v || !*v) {            /* --lang= is no language */
                status = bad_usage("--lang needs a value: en or vi");
                goto done;
            }
            if (!i18n_choose(v, NULL, NULL, NULL, NULL)) {
                status = bad_usage("unknown language '%s': use en or vi", v);
                goto done;
            }
        } else if (options && (strcmp(a, "--jobs") == 0 || strncmp(a, "--jobs=", 7) == 0)) {
            const char *v = a[6] == '=' ? a + 7 : i + 1 < argc ? argv[++i] : NULL;
            char *end = NULL;
            long n = v && *v >= '0' && *v <= '9' ? strtol(v, &end, 10) : 0;
            if (!end || *end || n < 1 || n > RUN_MAX_JOBS) {
                status = bad_usage("--jobs needs a number of files to read at once, from 1 to %d", RUN_MAX_JOBS);
                goto done;
            }
            opt.jobs = (unsigned)n;
        } else if (options && (strcmp(a, "--rules") == 0 || strncmp(a, "--rules=", 8) == 0)) {
            const char *v = a[7] == '=' ? a + 8 : i + 1 < argc ? argv[++i] : NULL;
            if (!v || !*v) {            /* --rules= names no rulebook */
                status = bad_usage("--rules needs a rulebook: a name or a file");
                goto done;
            }
            rules[opt.nrulebooks++] = v;
        } else if (options && (strcmp(a, "--previous") == 0 || strncmp(a, "--previous=", 11) == 0)) {
            const char *v = a[10] == '=' ? a + 11 : i + 1 < argc ? argv[++i] : NULL;
            if (!v || !*v) {            /* --previous= names no file */
                status = bad_usage("--previous needs a file: the report of the period before");
                goto done;
            }
            previous[opt.nprevious++] = v;
        } else if (options && a[0] == '-' && a[1] != '\0') {
            status = bad_usage("unknown option '%s'", a);
            goto done;
        } else {
            files[opt.nfiles++] = a;
        }
    }
    if (opt.nfiles == 0) {
        status = bad_usage("no input file");
        goto done;
    }
    opt.files = files;
    opt.rulebooks = rules;
    opt.previous = previous;
    bool tty = isatty(STDOUT_FILENO);
    /* the text report's layout (ReportLayout): the command line reads the
     * terminal and the environment, the library does not */
    opt.layout.width = columns(tty);
    opt.layout.colour = colour(color, tty);
    status = dlg_run(&opt, stdout, stderr);
done:
    free(files);
    free(rules);
    free(previous);
    return status;
}
