/* latin-folds.c - writes the table latin_folds[] of interp/unicode.c: the
 * skeleton (decomposed, case-folded, marks stripped: utf8proc) of each
 * Latin letter that unicode.c folds without utf8proc, U+00A0-U+024F and
 * U+1E00-U+1EFF. Not part of the build; run it when utf8proc's Unicode
 * version changes, and paste its output over the table:
 *
 *   cc -o latin-folds tools/latin-folds.c -lutf8proc && ./latin-folds
 *
 * tests/unit/test_unicode.c compares every entry with utf8proc_map(). */
#include <ctype.h>
#include <stdio.h>
#include <utf8proc.h>

static int emit(int lo, int hi)
{
    for (int c = lo; c <= hi; c++) {
        utf8proc_int32_t d[8];
        utf8proc_ssize_t k = utf8proc_decompose_char(
            c, d, 8, (utf8proc_option_t)(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD), NULL);
        unsigned char b[32];
        int n = 0;
        for (utf8proc_ssize_t i = 0; i < k && i < 8; i++)
            n += (int)utf8proc_encode_char(d[i], b + n);
        if (k < 0 || k > 8 || n > 3) {
            fprintf(stderr, "latin-folds: U+%04X folds to more than 3 bytes\n", c);
            return 1;
        }
        if ((c - lo) % 8 == 0)
            printf("    /* U+%04X */", c);
        printf(" \"");
        int escaped = 0;
        for (int i = 0; i < n; i++) {
            int plain = b[i] >= 0x20 && b[i] < 0x7F && b[i] != '"' && b[i] != '\\' && b[i] != '?';
            if (plain && escaped && isxdigit(b[i]))
                printf("\" \"");           /* "\xBCa" would be one escape */
            if (plain)
                putchar(b[i]);
            else
                printf("\\x%02X", b[i]);
            escaped = !plain;
        }
        printf("\",");
        if ((c - lo) % 8 == 7 || c == hi)
            putchar('\n');
    }
    return 0;
}

int main(void)
{
    return emit(0xA0, 0x24F) || emit(0x1E00, 0x1EFF);
}
