/* fuzz_parse.c - a libFuzzer target that parses each input twice, by the
 * recursive descent that parses every file first and by bison's parser
 * alone, and aborts where the two differ in the tree (every item,
 * argument, block and expression, with its span and depth) or in the
 * diagnostics (tests/unit/parse_dump.h). `make fuzz-parse`. */
#include <stddef.h>
#include <stdint.h>

#include "../unit/parse_dump.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *descent = parse_dump((const char *)data, size, true);
    char *bison = parse_dump((const char *)data, size, false);
    if (strcmp(descent, bison) != 0) {
        size_t i = 0;
        while (descent[i] && descent[i] == bison[i])
            i++;
        fprintf(stderr, "fuzz_parse: the two parses differ at byte %zu of their dumps\n--- descent:\n%s\n--- bison:\n%s\n",
                i, descent, bison);
        abort();
    }
    free(descent);
    free(bison);
    return 0;
}
