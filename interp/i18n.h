/* i18n.h - the reader's language: English (the default) or Vietnamese,
 * through GNU gettext (text domain "dlg", po/vi.po). The only code that
 * knows gettext is i18n.c; everything else writes _("text") for a string
 * a person reads, N_("text") for one translated later, and P_(one, many, n)
 * for one whose words depend on a count. A short word whose sense English
 * leaves open ("name", "date") has a context, as gettext's msgctxt:
 * NC_("atom kind", "name") where it is only marked, C_("atom kind", s)
 * where it is translated.
 *
 * Library code never reads the environment: the command line decides the
 * language (i18n_choose) and calls i18n_init once, before any run. Until
 * then, and whenever English is chosen, every string is its msgid, byte
 * for byte, whatever the environment says. */
#ifndef DLG_I18N_H
#define DLG_I18N_H

#include <stdbool.h>
#include <stddef.h>

/* The language of the run: "en" or "vi". Which language to use: `option`
 * (--lang, or NULL when not given) decides; without it, the first of the
 * environment's LANGUAGE (a list "vi:en", the first language dlg knows),
 * LC_ALL, LC_MESSAGES and LANG that is set and not empty decides, and a
 * value beginning with "vi" is Vietnamese, anything else English. An
 * option dlg does not know ("fr") gives NULL: a wrong command line.
 * Pure: the caller passes getenv()'s values. */
const char *i18n_choose(const char *option, const char *language, const char *lc_all,
                        const char *lc_messages, const char *lang);

/* Use `lang` ("en", "vi", or a locale name such as "vi_VN.UTF-8") for
 * every later _(); the catalogue is localedir/vi/LC_MESSAGES/dlg.mo
 * (localedir NULL: the one compiled in, I18N_LOCALEDIR). True when the
 * language is English or the catalogue was found and loaded; false (and
 * English) otherwise. Sets the process's LC_MESSAGES category (to a UTF-8
 * locale that is not "C": C.UTF-8 is enough, no Vietnamese locale needs
 * to be installed) and the LANGUAGE variable, as gettext requires; never
 * LC_NUMERIC or LC_CTYPE, so printf still writes 81.30. */
bool i18n_init(const char *lang, const char *localedir);

/* Where the catalogues are for a dlg at `exe` (its path, as
 * /proc/self/exe gives it, or NULL): `locale` beside it (the build tree,
 * build/release/locale), else ../share/locale from it (an installed dlg
 * moved with its prefix), else I18N_LOCALEDIR. Written in buf. */
const char *i18n_localedir(const char *exe, char *buf, size_t size);

/* "en" or "vi": the language i18n_init chose ("en" before it). */
const char *i18n_language(void);
bool i18n_vietnamese(void);
/* The system's reason for errno value e, as strerror() gives it; in
 * Vietnamese, the reasons a person meets most translated. */
const char *i18n_system_error(int e);

/* The translation of msgid in the run's language (msgid itself in
 * English or when it has none); one or many by n. */
const char *i18n_gettext(const char *msgid) __attribute__((format_arg(1)));
/* The translation of msgid said in `context` (gettext's pgettext). */
const char *i18n_pgettext(const char *context, const char *msgid) __attribute__((format_arg(2)));
const char *i18n_ngettext(const char *one, const char *many, unsigned long n)
    __attribute__((format_arg(1), format_arg(2)));

#define _(s) i18n_gettext(s)
#define N_(s) (s)
#define P_(one, many, n) i18n_ngettext(one, many, n)
#define C_(context, s) i18n_pgettext(context, s)
#define NC_(context, s) (s)

#endif
