/* html.h - the HTML report (spec/html.md): one self-contained page for
 * people, with the header, a summary, the indicators with their per-unit
 * tables and bar charts, the rules, and the checks and verdicts grouped by
 * unit with the source lines they were found at. The writer itself is
 * report_html() in report.h; what it shares with tests is here.
 *
 * Ownership: nothing is allocated but in the writer's own scratch arena,
 * freed before it returns. */
#ifndef DLG_HTML_H
#define DLG_HTML_H

#include <stddef.h>
#include <stdio.h>

/* Text for HTML, in an element or an attribute value: & < > " ' as
 * character references; control characters as \n, \r, \xNN (a tab is
 * kept), C1 controls as \u0080..\u009f, bytes that are not UTF-8 as U+FFFD.
 * No input can open an element or leave an attribute. */
void html_escape(FILE *out, const char *s, size_t n);

#endif
