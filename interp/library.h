/* library.h - the files dlg ships (lib/ in the source tree): the standard
 * vocabulary (std/) and the working-day calendar (calendar/), read by
 * every run before the report's own files, and the rulebooks (rules/),
 * read when --rules names one. They are
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

/* Every shipped file, ending with { NULL }, in the order a run reads them. */
extern const LibraryFile library_files[];

#endif
