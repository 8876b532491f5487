/* library.h - the files dlg ships (lib/ in the source tree): the standard
 * vocabulary, read by every run before the report's own files. They are
 * compiled into the binary (tools/embed.c), so a run never depends on where
 * dlg is installed; `make install` also copies them to share/dlg/ for
 * people to read.
 *
 * Ownership: static, read-only. */
#ifndef DLG_LIBRARY_H
#define DLG_LIBRARY_H

#include <stddef.h>

typedef struct LibraryFile {
    const char *name;       /* "std/figures.dlg": its path under lib/ */
    const char *bytes;
    size_t len;
} LibraryFile;

/* Every shipped file, ending with { NULL }; the standard vocabulary (std/)
 * in the order it is read. */
extern const LibraryFile library_files[];

#endif
