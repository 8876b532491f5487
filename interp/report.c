/* report.c - the table of report writers. */
#include "report.h"

#include <string.h>

const Writer report_writers[] = {
    { "text", report_text, false },
    { "json", report_json, true },
    { "html", report_html, true },
    { NULL, NULL, false },
};

const Writer *report_writer(const char *name)
{
    for (const Writer *w = report_writers; w->name; w++)
        if (strcmp(w->name, name) == 0)
            return w;
    return NULL;
}

ValueUnit report_check_unit(const Check *c)
{
    if (c->kind == CHECK_PERCENT || !c->declared.whole)
        return UNIT_PERCENT;
    return c->declared.money ? UNIT_MONEY : UNIT_COUNT;
}
