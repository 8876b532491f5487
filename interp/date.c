/* date.c - civil-calendar arithmetic (Howard Hinnant's days_from_civil). */
#include "date.h"

#include <stdio.h>

static bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool date_valid(int year, int month, int day)
{
    static const uint8_t mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
        return false;
    int max = mdays[month - 1] + (month == 2 && is_leap(year));
    return day <= max;
}

int32_t date_to_days(Date d)
{
    int y = d.year;
    unsigned m = d.month ? d.month : 1, dd = d.day ? d.day : 1;
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + dd - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int32_t)doe - 719468;
}

Date date_from_days(int32_t z)
{
    z += 719468;
    int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int32_t y = (int32_t)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return date_make(y + (m <= 2), m, d, DATE_DAY);
}

int date_weekday(int32_t days)
{
    /* 1970-01-01 was a Thursday (3 when Monday is 0). */
    int w = (int)((days % 7 + 7 + 3) % 7);
    return w;
}

int64_t date_weekdays_before(int32_t days)
{
    int64_t d = (int64_t)days + 3;          /* days since Monday 1969-12-29 */
    int64_t weeks = d >= 0 ? d / 7 : -((-d + 6) / 7);
    int64_t rest = d - weeks * 7;           /* 0..6, 0 = Monday */
    return weeks * 5 + (rest < 5 ? rest : 5);
}

/* n as `width` digits, zero-padded; n is in 0 .. 10^width - 1. */
static char *put_digits(char *p, unsigned n, int width)
{
    for (int i = width - 1; i >= 0; i--, n /= 10)
        p[i] = (char)('0' + n % 10);
    return p + width;
}

const char *date_format(Date d, char buf[static 16])
{
    if (d.year >= 0 && d.year <= 9999 && d.month <= 99 && d.day <= 99) {
        /* without printf: reports write a date for every session */
        char *p = buf;
        switch ((DatePrecision)d.precision) {
        case DATE_DAY:
            p = put_digits(p, (unsigned)d.year, 4);
            *p++ = '-';
            p = put_digits(p, d.month, 2);
            *p++ = '-';
            p = put_digits(p, d.day, 2);
            *p = '\0';
            return buf;
        case DATE_MONTH:
            p = put_digits(p, (unsigned)d.year, 4);
            *p++ = '-';
            p = put_digits(p, d.month, 2);
            *p = '\0';
            return buf;
        case DATE_YEAR:
            *put_digits(p, (unsigned)d.year, 4) = '\0';
            return buf;
        default:
            break;
        }
    }
    switch ((DatePrecision)d.precision) {
    case DATE_DAY: snprintf(buf, 16, "%04d-%02u-%02u", d.year, d.month, d.day); break;
    case DATE_MONTH: snprintf(buf, 16, "%04d-%02u", d.year, d.month); break;
    case DATE_YEAR: snprintf(buf, 16, "%04d", d.year); break;
    default: snprintf(buf, 16, "?"); break;
    }
    return buf;
}

int date_compare(Date a, Date b)
{
    int32_t x = date_to_days(a), y = date_to_days(b);
    return (x > y) - (x < y);
}

/* ---- windows ------------------------------------------------------------------ */

static int32_t ymd(int y, int m, int d) { return date_to_days(date_make(y, (unsigned)m, (unsigned)d, DATE_DAY)); }

static int32_t month_last(int y, int m) { return m == 12 ? ymd(y, 12, 31) : ymd(y, m + 1, 1) - 1; }

/* Monday of ISO week 1 of year y: the week holding 4 January. */
static int32_t iso_week1(int y)
{
    int32_t jan4 = ymd(y, 1, 4);
    return jan4 - date_weekday(jan4);
}

Window date_window(WindowUnit unit, int32_t day)
{
    Date d = date_from_days(day);
    int y = d.year, m = d.month;
    switch (unit) {
    case WIN_YEAR: return (Window){ WIN_YEAR, ymd(y, 1, 1), ymd(y, 12, 31) };
    case WIN_HALF: {
        int first = m <= 6 ? 1 : 7;
        return (Window){ WIN_HALF, ymd(y, first, 1), month_last(y, first + 5) };
    }
    case WIN_QUARTER: {
        int first = (m - 1) / 3 * 3 + 1;
        return (Window){ WIN_QUARTER, ymd(y, first, 1), month_last(y, first + 2) };
    }
    case WIN_MONTH: return (Window){ WIN_MONTH, ymd(y, m, 1), month_last(y, m) };
    case WIN_WEEK: {
        int32_t monday = day - date_weekday(day);
        return (Window){ WIN_WEEK, monday, monday + 6 };
    }
    case WIN_NONE: break;
    }
    return (Window){ WIN_NONE, day, day };
}

/* Exactly `n` decimal digits at s, their value into *v. */
static bool digits(const char *s, int n, int *v)
{
    *v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        *v = *v * 10 + (s[i] - '0');
    }
    return true;
}

bool date_window_parse(const char *name, WindowUnit unit, Window *out)
{
    static const char prefix[] = " yhqmw";
    WindowUnit u = WIN_NONE;
    for (int i = WIN_YEAR; i <= WIN_WEEK; i++)
        if (name[0] == prefix[i])
            u = (WindowUnit)i;
    int y, n = 0;
    if (u == WIN_NONE || (unit != WIN_NONE && u != unit) || !digits(name + 1, 4, &y) || y < 1)
        return false;
    const char *rest = name + 5;
    if (u == WIN_YEAR) {
        if (*rest)
            return false;
        *out = date_window(WIN_YEAR, ymd(y, 1, 1));
        return true;
    }
    int width = u == WIN_HALF || u == WIN_QUARTER ? 1 : 2;
    if (rest[0] != '_' || !digits(rest + 1, width, &n) || rest[1 + width])
        return false;
    switch (u) {
    case WIN_HALF:
        if (n < 1 || n > 2)
            return false;
        *out = date_window(WIN_HALF, ymd(y, n == 1 ? 1 : 7, 1));
        return true;
    case WIN_QUARTER:
        if (n < 1 || n > 4)
            return false;
        *out = date_window(WIN_QUARTER, ymd(y, (n - 1) * 3 + 1, 1));
        return true;
    case WIN_MONTH:
        if (n < 1 || n > 12)
            return false;
        *out = date_window(WIN_MONTH, ymd(y, n, 1));
        return true;
    case WIN_WEEK: {
        if (n < 1 || n > 53 || (y == 9999 && n > 51))
            return false;
        int32_t monday = iso_week1(y) + 7 * (n - 1);
        if (date_from_days(monday + 3).year != y)
            return false;               /* week 53 of a year of 52 */
        *out = (Window){ WIN_WEEK, monday, monday + 6 };
        return true;
    }
    case WIN_YEAR: case WIN_NONE: break;
    }
    return false;
}

/* The ISO year and week number of a week window. */
static void iso_week(Window w, int *year, int *week)
{
    *year = date_from_days(w.first + 3).year;
    *week = (w.first - iso_week1(*year)) / 7 + 1;
}

const char *date_window_name(Window w, char buf[static 16])
{
    Date d = date_from_days(w.first);
    int y, n;
    switch ((WindowUnit)w.unit) {
    case WIN_YEAR: snprintf(buf, 16, "y%04d", d.year); break;
    case WIN_HALF: snprintf(buf, 16, "h%04d_%d", d.year, d.month <= 6 ? 1 : 2); break;
    case WIN_QUARTER: snprintf(buf, 16, "q%04d_%d", d.year, (d.month - 1) / 3 + 1); break;
    case WIN_MONTH: snprintf(buf, 16, "m%04d_%02u", d.year, d.month); break;
    case WIN_WEEK:
        iso_week(w, &y, &n);
        snprintf(buf, 16, "w%04d_%02d", y % 10000, n % 100);
        break;
    case WIN_NONE: snprintf(buf, 16, "?"); break;
    }
    return buf;
}

const char *date_window_label(Window w, char buf[static 16])
{
    Date d = date_from_days(w.first);
    int y, n;
    switch ((WindowUnit)w.unit) {
    case WIN_YEAR: snprintf(buf, 16, "%04d", d.year); break;
    case WIN_HALF: snprintf(buf, 16, "%04d H%d", d.year, d.month <= 6 ? 1 : 2); break;
    case WIN_QUARTER: snprintf(buf, 16, "%04d Q%d", d.year, (d.month - 1) / 3 + 1); break;
    case WIN_MONTH: snprintf(buf, 16, "%04d-%02u", d.year, d.month); break;
    case WIN_WEEK:
        iso_week(w, &y, &n);
        snprintf(buf, 16, "%04d-W%02d", y % 10000, n % 100);
        break;
    case WIN_NONE: snprintf(buf, 16, "?"); break;
    }
    return buf;
}

const char *date_window_unit(WindowUnit unit)
{
    static const char *const words[] = { "none", "year", "half", "quarter", "month", "week" };
    return unit <= WIN_WEEK ? words[unit] : "none";
}

int64_t date_window_count(WindowUnit unit, int32_t first, int32_t last)
{
    if (last < first)
        return 0;
    Date a = date_from_days(first), b = date_from_days(last);
    int64_t ya = a.year, yb = b.year;
    switch (unit) {
    case WIN_YEAR: return yb - ya + 1;
    case WIN_HALF: return (yb * 2 + (b.month > 6)) - (ya * 2 + (a.month > 6)) + 1;
    case WIN_QUARTER: return (yb * 4 + (b.month - 1) / 3) - (ya * 4 + (a.month - 1) / 3) + 1;
    case WIN_MONTH: return (yb * 12 + b.month) - (ya * 12 + a.month) + 1;
    case WIN_WEEK: return (date_window(WIN_WEEK, last).first - date_window(WIN_WEEK, first).first) / 7 + 1;
    case WIN_NONE: break;
    }
    return 1;
}
