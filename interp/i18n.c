/* i18n.c - English or Vietnamese, through GNU gettext (libc's libintl).
 *
 * glibc's gettext translates only when the LC_MESSAGES category of the
 * process is not "C" (nor "POSIX"), and then takes the language from the
 * LANGUAGE variable before the locale's own name. So Vietnamese needs no
 * Vietnamese locale installed: LC_MESSAGES set to C.UTF-8 (in glibc since
 * 2.35, and in Debian's long before) and LANGUAGE=vi select
 * localedir/vi/LC_MESSAGES/dlg.mo. The catalogue's UTF-8 is handed out as
 * it is (bind_textdomain_codeset), whatever LC_CTYPE says, and LC_CTYPE
 * and LC_NUMERIC stay "C". English never goes through gettext at all: its
 * strings are the msgids, whatever the environment holds. */
#include "i18n.h"

#include <errno.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef I18N_LOCALEDIR
#define I18N_LOCALEDIR "/usr/local/share/locale"
#endif

#define DOMAIN "dlg"

static bool vietnamese;

/* Does `name` ("vi", "vi_VN.UTF-8", "vi-VN") name language `code`? */
static bool names(const char *name, const char *code)
{
    size_t n = strlen(code);
    return strncmp(name, code, n) == 0 && strchr("_-.@", name[n]) != NULL;   /* '\0' is in the set */
}

/* "vi", "en" or NULL for a language dlg has no words in. */
static const char *known(const char *name)
{
    if (names(name, "vi"))
        return "vi";
    if (names(name, "en") || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0 || names(name, "C"))
        return "en";
    return NULL;
}

static bool set(const char *s) { return s && *s; }

const char *i18n_choose(const char *option, const char *language, const char *lc_all,
                        const char *lc_messages, const char *lang)
{
    if (option)
        return known(option);
    const char *locale = set(lc_all) ? lc_all : set(lc_messages) ? lc_messages : set(lang) ? lang : NULL;
    /* LC_ALL=C asks for untranslated output, as in every GNU program */
    if (locale && (strcmp(locale, "C") == 0 || strcmp(locale, "POSIX") == 0))
        return "en";
    if (set(language)) {
        char first[64];
        for (const char *p = language; *p;) {
            size_t n = strcspn(p, ":");
            if (n < sizeof first) {
                memcpy(first, p, n);
                first[n] = '\0';
                const char *k = n ? known(first) : NULL;
                if (k)
                    return k;
            }
            p += n + (p[n] == ':');
        }
    }
    return locale && names(locale, "vi") ? "vi" : "en";
}

static bool readable_catalogue(const char *dir)
{
    char path[4096];
    int n = snprintf(path, sizeof path, "%s/vi/LC_MESSAGES/" DOMAIN ".mo", dir);
    return n > 0 && (size_t)n < sizeof path && access(path, R_OK) == 0;
}

const char *i18n_localedir(const char *exe, char *buf, size_t size)
{
    const char *slash = exe ? strrchr(exe, '/') : NULL;
    if (slash && size) {
        int len = (int)(slash - exe);
        static const char *const beside[] = { "locale", "../share/locale" };
        for (size_t i = 0; i < sizeof beside / sizeof *beside; i++) {
            int n = snprintf(buf, size, "%.*s/%s", len, exe, beside[i]);
            if (n > 0 && (size_t)n < size && readable_catalogue(buf))
                return buf;
        }
    }
    if (size) {
        snprintf(buf, size, "%s", I18N_LOCALEDIR);
        return buf;
    }
    return I18N_LOCALEDIR;
}

/* LC_MESSAGES set to a locale gettext translates in: the one the process
 * has already when it is not "C", else the first of these installed. */
static bool messages_locale(void)
{
    const char *now = setlocale(LC_MESSAGES, NULL);
    if (now && strcmp(now, "C") != 0 && strcmp(now, "POSIX") != 0)
        return true;
    static const char *const candidates[] = { "C.UTF-8", "C.utf8", "vi_VN.UTF-8", "vi_VN.utf8",
                                              "en_US.UTF-8", "en_US.utf8" };
    for (size_t i = 0; i < sizeof candidates / sizeof *candidates; i++)
        if (setlocale(LC_MESSAGES, candidates[i]))
            return true;
    return false;
}

bool i18n_init(const char *lang, const char *localedir)
{
    vietnamese = false;
    const char *k = lang ? known(lang) : "en";
    if (!k)
        return false;
    if (strcmp(k, "en") == 0)
        return true;
    if (!localedir)
        localedir = I18N_LOCALEDIR;
    if (!readable_catalogue(localedir) || !messages_locale())
        return false;
    if (setenv("LANGUAGE", "vi", 1) != 0)
        return false;
    /* bound after LANGUAGE is set: binding resets gettext's cache */
    if (!bindtextdomain(DOMAIN, localedir) || !bind_textdomain_codeset(DOMAIN, "UTF-8"))
        return false;
    /* the catalogue's header, its translation of "": found only when the
     * catalogue really loaded */
    const char *header = dgettext(DOMAIN, "");
    vietnamese = header && *header;
    return vietnamese;
}

const char *i18n_language(void) { return vietnamese ? "vi" : "en"; }

bool i18n_vietnamese(void) { return vietnamese; }

const char *i18n_gettext(const char *msgid)
{
    return vietnamese && *msgid ? dgettext(DOMAIN, msgid) : msgid;
}

/* gettext's pgettext, which libc's libintl.h lacks: the catalogue keys a
 * message with a context as "CONTEXT\004MSGID". */
const char *i18n_pgettext(const char *context, const char *msgid)
{
    if (!vietnamese || !*msgid)
        return msgid;
    char key[256];
    int len = snprintf(key, sizeof key, "%s\004%s", context, msgid);
    if (len < 0 || (size_t)len >= sizeof key)
        return msgid;
    const char *t = dgettext(DOMAIN, key);
    return t == key ? msgid : t;
}

const char *i18n_ngettext(const char *one, const char *many, unsigned long n)
{
    if (vietnamese)
        return dngettext(DOMAIN, one, many, n);
    return n == 1 ? one : many;
}

/* The system's reason, in its own words in English; in Vietnamese, the
 * reasons a person meets most, translated (the C library's own
 * translations are seldom installed), and the system's words for the
 * others. */
const char *i18n_system_error(int e)
{
    static const struct { int e; const char *why; } known[] = {
        /* TRANSLATORS: why a file cannot be read or the report written, in
         * "cannot read '%s': %s" and "cannot write the report: %s" */
        { ENOENT, N_("No such file or directory") },
        { EACCES, N_("Permission denied") },
        { EISDIR, N_("Is a directory") },
        { ENOTDIR, N_("Not a directory") },
        { ELOOP, N_("Too many levels of symbolic links") },
        { ENAMETOOLONG, N_("File name too long") },
        { EIO, N_("Input/output error") },
        { ENOSPC, N_("No space left on device") },
        { EDQUOT, N_("Disk quota exceeded") },
        { EFBIG, N_("File too large") },
    };
    if (i18n_vietnamese())
        for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
            if (known[i].e == e)
                return _(known[i].why);
    return strerror(e);
}
