/* test_i18n.c - English or Vietnamese (interp/i18n.h, po/vi.po; issue 10
 * point 1): which language the command line and the environment ask for,
 * the catalogue of the build tree loaded without any Vietnamese locale
 * installed, diagnostics of whole runs in Vietnamese, and numbers written
 * the Vietnamese way (12.674, 81,30 %).
 *
 * The Vietnamese texts expected below are written here by hand, from what
 * an official would read, not copied from vi.po. Everything in English runs
 * first: once Vietnamese is chosen it stays for the rest of the process. */
#include "support.h"

#include "format.h"
#include "i18n.h"
#include "run.h"

#ifndef TEST_LOCALEDIR
#define TEST_LOCALEDIR "build/release/locale"
#endif

/* ---- choosing the language -------------------------------------------------- */

static void test_choose(void **state)
{
    (void)state;
    /* --lang decides */
    assert_string_equal(i18n_choose("vi", NULL, NULL, NULL, "en_US.UTF-8"), "vi");
    assert_string_equal(i18n_choose("en", "vi", "vi_VN.UTF-8", NULL, NULL), "en");
    assert_string_equal(i18n_choose("vi_VN.UTF-8", NULL, NULL, NULL, NULL), "vi");
    assert_null(i18n_choose("fr", NULL, NULL, NULL, NULL));
    assert_null(i18n_choose("video", NULL, NULL, NULL, NULL));
    /* nothing set: English */
    assert_string_equal(i18n_choose(NULL, NULL, NULL, NULL, NULL), "en");
    assert_string_equal(i18n_choose(NULL, "", "", "", ""), "en");
    /* LANG, LC_MESSAGES, LC_ALL: the first set of LC_ALL, LC_MESSAGES, LANG */
    assert_string_equal(i18n_choose(NULL, NULL, NULL, NULL, "vi_VN.UTF-8"), "vi");
    assert_string_equal(i18n_choose(NULL, NULL, NULL, "vi_VN", "en_US.UTF-8"), "vi");
    assert_string_equal(i18n_choose(NULL, NULL, "en_US.UTF-8", "vi_VN", "vi_VN"), "en");
    assert_string_equal(i18n_choose(NULL, NULL, NULL, NULL, "fr_FR.UTF-8"), "en");
    /* LANGUAGE before them: its first language dlg knows */
    assert_string_equal(i18n_choose(NULL, "vi", NULL, NULL, "en_US.UTF-8"), "vi");
    assert_string_equal(i18n_choose(NULL, "fr:vi:en", NULL, NULL, NULL), "vi");
    assert_string_equal(i18n_choose(NULL, "en_GB:vi", NULL, NULL, "vi_VN.UTF-8"), "en");
    assert_string_equal(i18n_choose(NULL, "fr:de", NULL, NULL, "vi_VN.UTF-8"), "vi");
    /* but LC_ALL=C asks for untranslated output */
    assert_string_equal(i18n_choose(NULL, "vi", "C", NULL, NULL), "en");
    assert_string_equal(i18n_choose(NULL, "vi", NULL, NULL, "POSIX"), "en");
}

static void test_localedir(void **state)
{
    (void)state;
    char buf[512];
    /* a dlg in the build tree finds the catalogue beside it */
    assert_string_equal(i18n_localedir(TEST_LOCALEDIR "/../dlg", buf, sizeof buf), TEST_LOCALEDIR "/../locale");
    /* elsewhere, the directory compiled in */
    const char *dir = i18n_localedir("/nonexistent/bin/dlg", buf, sizeof buf);
    assert_true(strlen(dir) > 0);
    assert_string_not_equal(dir, "/nonexistent/bin/locale");
    assert_string_equal(i18n_localedir(NULL, buf, sizeof buf), dir);
}

/* ---- English, before any Vietnamese ------------------------------------------- */

static void test_english_untouched(void **state)
{
    (void)state;
    const char *msgid = "too many errors; stopping here";
    assert_ptr_equal(i18n_gettext(msgid), msgid);
    assert_string_equal(i18n_language(), "en");
    assert_true(i18n_init("en", TEST_LOCALEDIR));
    assert_true(i18n_init(NULL, TEST_LOCALEDIR));
    assert_ptr_equal(i18n_gettext(msgid), msgid);
    assert_string_equal(P_("%u more warning", "%u more warnings", 1), "%u more warning");
    assert_string_equal(P_("%u more warning", "%u more warnings", 2), "%u more warnings");
    /* a language dlg has no words in, or no catalogue: English, and false */
    assert_false(i18n_init("fr", TEST_LOCALEDIR));
    assert_false(i18n_init("vi", "/nonexistent/locale"));
    assert_string_equal(i18n_language(), "en");
    assert_ptr_equal(i18n_gettext(msgid), msgid);

    char buf[64];
    assert_string_equal(format_number_local(buf, sizeof buf, number_whole(12674, false), 0), "12,674");
    assert_string_equal(format_percent_local(buf, sizeof buf, number_real(81.3, 2, false), 2), "81.30 %");
    assert_ptr_equal(format_people(), &FORMAT_TEXT);
}

/* ---- Vietnamese ------------------------------------------------------------------- */

static RunOutput run(const char *text, const char *const *rulebooks, int nrulebooks)
{
    MemoryFile file = { "report.dlg", text, strlen(text) };
    RunOptions opt = { .writer = report_writer("text"), .memory = &file, .nmemory = 1,
                       .rulebooks = rulebooks, .nrulebooks = nrulebooks };
    return run_caught(&opt);
}

/* `line` is a whole line of the run's standard error. */
static void assert_err_line(const RunOutput *r, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = r->err; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
        if (strncmp(p, line, n) == 0 && (p[n] == '\n' || p[n] == '\0'))
            return;
    fail_msg("no line\n  %s\nin\n%s", line, r->err);
}

static void test_vietnamese(void **state)
{
    (void)state;
    assert_true(i18n_init("vi", TEST_LOCALEDIR));
    assert_string_equal(i18n_language(), "vi");
    assert_true(i18n_vietnamese());
    assert_string_equal(_("too many errors; stopping here"), "quá nhiều lỗi; dừng tại đây");
    /* a message without a translation stays as it is */
    assert_string_equal(_("no such message in the catalogue"), "no such message in the catalogue");
}

static void test_vietnamese_lexical(void **state)
{
    (void)state;
    RunOutput r = run("invited 15.590\n", NULL, 0);
    assert_int_equal(r.status, 2);
    assert_err_line(&r, "report.dlg:1:9: lỗi: '15.590' không rõ nghĩa: dấu chấm có thể ngăn cách hàng nghìn "
                        "hoặc phần thập phân; hãy viết 15590 (hoặc một dấu '_' giữa các nhóm ba chữ số) "
                        "cho một số đếm");
    /* the source line and the caret are the same in every language */
    assert_err_line(&r, "    1 | invited 15.590");
    assert_err_line(&r, "      |         ^~~~~~");
    run_output_free(&r);

    r = run("issuer \"UBND xã Kỳ Châu\n", NULL, 0);
    assert_err_line(&r, "report.dlg:1:8: lỗi: chuỗi chưa được đóng: hãy thêm '\"' trước khi hết dòng");
    run_output_free(&r);
}

static void test_vietnamese_names(void **state)
{
    (void)state;
    RunOutput r = run("atended 3\n", NULL, 0);
    assert_int_equal(r.status, 2);
    assert_err_line(&r, "report.dlg:1:1: lỗi: không có chỉ tiêu 'atended'; có phải là 'attended' không?");
    run_output_free(&r);

    const char *books[] = { "dialog" };
    r = run("invited 3\n", books, 1);
    assert_int_equal(r.status, 2);
    assert_err_line(&r, "dlg: lỗi: không có bộ quy tắc 'dialog' đi kèm dlg (có phải là 'dialogue' không?): "
                        "các bộ quy tắc đi kèm là dialogue, dialogue-district, reception, party; hãy ghi "
                        "đường dẫn tới tệp của bạn (./dialog.dlg)");
    run_output_free(&r);
}

static void test_vietnamese_syntax(void **state)
{
    (void)state;
    RunOutput r = run("houses { a 1 } = 3\n", NULL, 0);
    assert_int_equal(r.status, 2);
    assert_err_line(&r, "report.dlg:1:16: lỗi: gặp '=' không đúng chỗ; cần cuối tệp, một tên, '}' hoặc '{'");
    run_output_free(&r);

    r = run("commune \"A\" {\n", NULL, 0);
    assert_err_line(&r, "report.dlg:1:14: lỗi: tệp kết thúc khi dấu '{' chưa được đóng");
    assert_err_line(&r, "report.dlg:1:13: ghi chú: dấu '{' này cần một dấu '}' tương ứng");
    run_output_free(&r);
}

/* 51 errors: the first 50 are shown, then the closing note. */
static void test_vietnamese_too_many(void **state)
{
    (void)state;
    char text[51 * 12 + 1] = "";
    for (int i = 0; i < 51; i++)
        strcat(text, "houses 1 @\n");
    RunOutput r = run(text, NULL, 0);
    assert_int_equal(r.status, 2);
    assert_err_line(&r, "report.dlg:50:10: lỗi: ký tự '@' không hợp lệ ở đây");
    assert_err_line(&r, "dlg: ghi chú: quá nhiều lỗi; dừng tại đây");
    run_output_free(&r);
}

static void test_vietnamese_numbers(void **state)
{
    (void)state;
    char buf[64];
    assert_ptr_equal(format_people(), &FORMAT_TEXT_VI);
    assert_string_equal(format_number_local(buf, sizeof buf, number_whole(12674, false), 0), "12.674");
    assert_string_equal(format_number_local(buf, sizeof buf, number_whole(15590, false), 0), "15.590");
    assert_string_equal(format_number_local(buf, sizeof buf, number_whole(358, false), 0), "358");
    assert_string_equal(format_number_local(buf, sizeof buf, number_whole(-1234567, false), 0), "-1.234.567");
    assert_string_equal(format_number_local(buf, sizeof buf, number_whole(48686352, true), 0), "48.686.352 đ");
    assert_string_equal(format_percent_local(buf, sizeof buf, number_real(81.3, 2, false), 2), "81,30 %");
    assert_string_equal(format_percent_local(buf, sizeof buf, number_real(99.72, 2, false), 2), "99,72 %");
    assert_string_equal(format_percent_local(buf, sizeof buf, number_real(100, 2, false), 2), "100 %");
    assert_string_equal(format_percent_local(buf, sizeof buf, number_real(1234.5, 2, false), 2), "1.234,50 %");
    assert_string_equal(format_percent_local(buf, sizeof buf, (Number){ 0 }, 2), "?");
    /* the machines' styles do not follow the language */
    assert_string_equal(format_number_text(buf, sizeof buf, number_whole(12674, false), 0), "12,674");
    format_number(buf, sizeof buf, 81.3, 2, &FORMAT_PLAIN);
    assert_string_equal(buf, "81.3");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_choose),
        cmocka_unit_test(test_localedir),
        cmocka_unit_test(test_english_untouched),
        cmocka_unit_test(test_vietnamese),
        cmocka_unit_test(test_vietnamese_lexical),
        cmocka_unit_test(test_vietnamese_names),
        cmocka_unit_test(test_vietnamese_syntax),
        cmocka_unit_test(test_vietnamese_too_many),
        cmocka_unit_test(test_vietnamese_numbers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
