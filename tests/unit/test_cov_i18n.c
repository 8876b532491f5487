/* test_cov_i18n.c - what tests/unit/test_i18n.c leaves of interp/i18n.c:
 * the language names i18n_choose() knows ("C", "POSIX", "C.UTF-8",
 * "vi-VN"), LANGUAGE lists with empty or overlong entries, empty
 * variables; i18n_localedir()'s places (locale beside the program,
 * ../share/locale, the one compiled in) and buffers too small for them;
 * i18n_init() with a catalogue without a header, one of its own, a
 * directory name too long, LC_MESSAGES already set or "POSIX".
 *
 * The catalogues are written here, in the GNU .mo format, into a
 * directory of their own: the test needs no build tree and no locale but
 * C.UTF-8. Once Vietnamese is chosen it stays for the rest of the
 * process, so the tests run in the order of main(). */
#include "support.h"

#include <locale.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"

static char root[] = "/tmp/dlg-cov-i18n-XXXXXX";

/* mkdir -p of a path under root. */
static void make_dirs(const char *path)
{
    char p[512];
    snprintf(p, sizeof p, "%s", path);
    for (char *s = p + strlen(root) + 1; (s = strchr(s, '/')); s++) {
        *s = '\0';
        mkdir(p, 0700);
        *s = '/';
    }
    mkdir(p, 0700);
}

/* A GNU .mo file (gettext manual, "The Format of GNU MO Files"): n pairs,
 * the msgids sorted, no hash table. */
static void write_mo(const char *dir, const char *const *ids, const char *const *strs, uint32_t n)
{
    char path[512];
    snprintf(path, sizeof path, "%s/vi/LC_MESSAGES", dir);
    make_dirs(path);
    snprintf(path, sizeof path, "%s/vi/LC_MESSAGES/dlg.mo", dir);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    uint32_t head[7] = { 0x950412deu, 0, n, 28, 28 + 8 * n, 0, 28 + 16 * n };
    fwrite(head, sizeof head, 1, fp);
    uint32_t at = 28 + 16 * n;
    for (int table = 0; table < 2; table++)
        for (uint32_t i = 0; i < n; i++) {
            const char *s = table ? strs[i] : ids[i];
            uint32_t entry[2] = { (uint32_t)strlen(s), at };
            fwrite(entry, sizeof entry, 1, fp);
            at += entry[0] + 1;
        }
    for (int table = 0; table < 2; table++)
        for (uint32_t i = 0; i < n; i++) {
            const char *s = table ? strs[i] : ids[i];
            fwrite(s, strlen(s) + 1, 1, fp);
        }
    fclose(fp);
}

static int make_root(void **state)
{
    (void)state;
    return mkdtemp(root) ? 0 : -1;
}

static int remove_root(void **state)
{
    (void)state;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

/* ---- i18n_choose ------------------------------------------------------------------ */

static void test_names(void **state)
{
    (void)state;
    /* --lang: C and POSIX are English, and so is a C locale's name */
    assert_string_equal(i18n_choose("C", NULL, NULL, NULL, NULL), "en");
    assert_string_equal(i18n_choose("POSIX", NULL, NULL, NULL, NULL), "en");
    assert_string_equal(i18n_choose("C.UTF-8", NULL, NULL, NULL, NULL), "en");
    assert_string_equal(i18n_choose("en_US", NULL, NULL, NULL, NULL), "en");
    assert_string_equal(i18n_choose("vi-VN", NULL, NULL, NULL, NULL), "vi");
    assert_string_equal(i18n_choose("vi@latin", NULL, NULL, NULL, NULL), "vi");
    assert_null(i18n_choose("", NULL, NULL, NULL, NULL));
    assert_null(i18n_choose("Cx", NULL, NULL, NULL, NULL));
    assert_null(i18n_choose("english", NULL, NULL, NULL, NULL));
}

static void test_language_lists(void **state)
{
    (void)state;
    /* an empty entry is passed over: "fr::vi" is Vietnamese */
    assert_string_equal(i18n_choose(NULL, "fr::vi", NULL, NULL, NULL), "vi");
    /* so is an entry of 64 bytes or more */
    char list[100];
    memset(list, 'v', 70);
    snprintf(list + 70, sizeof list - 70, ":vi");
    assert_string_equal(i18n_choose(NULL, list, NULL, NULL, "en_US.UTF-8"), "vi");
    /* one of 63 bytes is read: "vi_" and 60 more, Vietnamese */
    memset(list, 'x', sizeof list);
    memcpy(list, "vi_", 3);
    list[63] = '\0';
    assert_string_equal(i18n_choose(NULL, list, NULL, NULL, NULL), "vi");
    /* C in LANGUAGE is English before a Vietnamese LANG */
    assert_string_equal(i18n_choose(NULL, "C", NULL, NULL, "vi_VN.UTF-8"), "en");
    /* nothing known in the list, or only colons: the locale decides */
    assert_string_equal(i18n_choose(NULL, ":", NULL, NULL, "vi_VN.UTF-8"), "vi");
    assert_string_equal(i18n_choose(NULL, "fr:", NULL, "", "de_DE.UTF-8"), "en");
    /* empty LC_ALL and LC_MESSAGES are not set: LANG decides */
    assert_string_equal(i18n_choose(NULL, "", "", "", "vi_VN.UTF-8"), "vi");
    assert_string_equal(i18n_choose(NULL, NULL, "", "vi", "en_US.UTF-8"), "vi");
    /* LC_ALL=POSIX and LC_MESSAGES=C ask for English */
    assert_string_equal(i18n_choose(NULL, "vi", "POSIX", NULL, NULL), "en");
    assert_string_equal(i18n_choose(NULL, "vi", NULL, "C", "vi_VN.UTF-8"), "en");
    /* a locale that is not Vietnamese, C.UTF-8 included, is English */
    assert_string_equal(i18n_choose(NULL, NULL, "C.UTF-8", NULL, NULL), "en");
    assert_string_equal(i18n_choose(NULL, NULL, NULL, NULL, "video"), "en");
}

/* ---- i18n_localedir ---------------------------------------------------------------- */

static void test_localedir(void **state)
{
    (void)state;
    char buf[512], fallback[512], dir[512], exe[512];
    /* the directory compiled in, when nothing is found beside the program */
    snprintf(fallback, sizeof fallback, "%s", i18n_localedir(NULL, buf, sizeof buf));
    assert_true(fallback[0] != '\0');
    /* no buffer: the directory compiled in itself */
    assert_string_equal(i18n_localedir("/nowhere/bin/dlg", NULL, 0), fallback);
    /* a buffer too small for the places beside the program: cut there too */
    char small[8];
    const char *got = i18n_localedir("/nowhere/bin/dlg", small, sizeof small);
    assert_ptr_equal(got, small);
    assert_int_equal(strncmp(small, fallback, sizeof small - 1), 0);
    assert_true(strlen(small) <= sizeof small - 1);
    /* an installed dlg, moved with its prefix: PREFIX/share/locale */
    snprintf(exe, sizeof exe, "%s/inst/bin/dlg", root);
    snprintf(dir, sizeof dir, "%s/inst/bin", root);
    make_dirs(dir);
    snprintf(dir, sizeof dir, "%s/inst/share/locale", root);
    static const char *const ids[] = { "" }, *const strs[] = { "Content-Type: text/plain; charset=UTF-8\n" };
    write_mo(dir, ids, strs, 1);
    snprintf(dir, sizeof dir, "%s/inst/bin/../share/locale", root);
    assert_string_equal(i18n_localedir(exe, buf, sizeof buf), dir);
    /* the build tree: locale beside the program comes first */
    snprintf(dir, sizeof dir, "%s/inst/bin/locale", root);
    write_mo(dir, ids, strs, 1);
    assert_string_equal(i18n_localedir(exe, buf, sizeof buf), dir);
    /* a program in the working directory: no slash, nothing beside it */
    assert_string_equal(i18n_localedir("dlg", buf, sizeof buf), fallback);
}

/* ---- i18n_init ------------------------------------------------------------------------ */

static void test_catalogue_without_header(void **state)
{
    (void)state;
    /* a directory name longer than a path: no catalogue */
    char *longdir = malloc(5000);
    assert_non_null(longdir);
    memset(longdir, 'd', 4999);
    longdir[0] = '/';
    longdir[4999] = '\0';
    assert_false(i18n_init("vi", longdir));
    free(longdir);
    /* a catalogue whose "" has no translation did not really load: English */
    char dir[512];
    snprintf(dir, sizeof dir, "%s/bare", root);
    static const char *const ids[] = { "pass" }, *const strs[] = { "đạt" };
    write_mo(dir, ids, strs, 1);
    assert_int_equal(setlocale(LC_MESSAGES, "POSIX") != NULL, 1);
    assert_false(i18n_init("vi", dir));
    assert_string_equal(i18n_language(), "en");
    assert_false(i18n_vietnamese());
}

static void test_catalogue_of_its_own(void **state)
{
    (void)state;
    char dir[512];
    snprintf(dir, sizeof dir, "%s/own", root);
    static const char *const ids[] = { "", "pass" };
    static const char *const strs[] = { "Content-Type: text/plain; charset=UTF-8\n", "đạt" };
    write_mo(dir, ids, strs, 2);
    /* "vi_VN.UTF-8" names Vietnamese as "vi" does */
    assert_true(i18n_init("vi_VN.UTF-8", dir));
    assert_string_equal(i18n_language(), "vi");
    assert_string_equal(_("pass"), "đạt");
    /* the empty msgid is not looked up: it is the catalogue's header */
    assert_string_equal(_(""), "");
    /* no translation: the msgid, and for a plural one or many as in
     * English (gettext's rule for a msgid it does not find) */
    assert_string_equal(_("fail"), "fail");
    assert_string_equal(P_("%u warning", "%u warnings", 1), "%u warning");
    assert_string_equal(P_("%u warning", "%u warnings", 2), "%u warnings");
    /* LC_MESSAGES is now a locale gettext translates in: kept as it is */
    const char *now = setlocale(LC_MESSAGES, NULL);
    assert_non_null(now);
    assert_string_not_equal(now, "C");
    assert_true(i18n_init("vi", dir));
    assert_string_equal(_("pass"), "đạt");
    /* English again: every string its msgid */
    assert_true(i18n_init("en", dir));
    assert_string_equal(_("pass"), "pass");
    assert_false(i18n_vietnamese());
    /* no directory: the one compiled in, which holds a catalogue only
     * where dlg was installed */
    char buf[512], mo[600];
    snprintf(mo, sizeof mo, "%s/vi/LC_MESSAGES/dlg.mo", i18n_localedir(NULL, buf, sizeof buf));
    assert_int_equal(i18n_init("vi", NULL), access(mo, R_OK) == 0);
    assert_true(i18n_init("en", NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_language_lists),
        cmocka_unit_test(test_localedir),
        cmocka_unit_test(test_catalogue_without_header),
        cmocka_unit_test(test_catalogue_of_its_own),
    };
    return cmocka_run_group_tests(tests, make_root, remove_root);
}
