/* date.h - calendar dates as the reports write them, and day arithmetic.
 * Dates are plain values (no allocation). */
#ifndef DLG_DATE_H
#define DLG_DATE_H

#include <stdbool.h>
#include <stdint.h>

typedef enum {
    DATE_UNKNOWN = 0,       /* "?" or not given */
    DATE_YEAR,              /* no literal gives it yet; printable for writers */
    DATE_MONTH,             /* 2021-02: the day was left blank */
    DATE_DAY,
} DatePrecision;

/* Four bytes: a session keeps three. */
typedef struct Date {
    int year : 16;
    unsigned month : 4, day : 5;    /* 0 when below the precision */
    unsigned precision : 2;         /* DatePrecision */
} Date;
_Static_assert(sizeof(Date) == 4, "a date is four bytes");

/* The date of those numbers, which the caller has checked (date_valid()). */
static inline Date date_make(int year, unsigned month, unsigned day, DatePrecision precision)
{
    return (Date){ (int16_t)year, month & 15u, day & 31u, (unsigned)precision & 3u };
}

bool date_valid(int year, int month, int day);
/* Days since 1970-01-01 (proleptic Gregorian); for a month-precision date
 * the first of the month. */
int32_t date_to_days(Date d);
Date date_from_days(int32_t days);
/* 0 = Monday ... 6 = Sunday. */
int date_weekday(int32_t days);
/* Monday-Friday days before `days` (counted from 1970-01-01, negative
 * before it): closed form, so any range costs the same. */
int64_t date_weekdays_before(int32_t days);
/* ISO form into buf (at least 11 bytes): 2024-06-14, 2021-02, or "?". */
const char *date_format(Date d, char buf[static 16]);
int date_compare(Date a, Date b);

/* Calendar windows (spec §14.2): a year, a half-year, a quarter, a month
 * or an ISO 8601 week (Monday to Sunday, numbered in the year of its
 * Thursday), named as the parts of the calendar dimensions are:
 * y2024, h2024_1, q2024_3, m2024_03, w2024_05. */
typedef enum { WIN_NONE, WIN_YEAR, WIN_HALF, WIN_QUARTER, WIN_MONTH, WIN_WEEK } WindowUnit;

typedef struct Window {
    uint8_t unit;           /* WindowUnit; WIN_NONE: no window */
    int32_t first, last;    /* days, inclusive */
} Window;

/* The window of this unit that contains `day`. */
Window date_window(WindowUnit unit, int32_t day);
/* The window a part name stands for ("m2024_03"), of unit `unit` (or of
 * any unit for WIN_NONE); false unless the name is in canonical form and
 * names a real window of the years 1 to 9999. */
bool date_window_parse(const char *name, WindowUnit unit, Window *out);
/* Its part name ("m2024_03") and the label writers show ("2024-03",
 * "2024 Q3", "2024-W05", "2024 H1", "2024"), into buf of 16 bytes. */
const char *date_window_name(Window w, char buf[static 16]);
const char *date_window_label(Window w, char buf[static 16]);
/* How many windows of this unit the days from `first` to `last` touch. */
int64_t date_window_count(WindowUnit unit, int32_t first, int32_t last);
/* The unit's word in messages and JSON: "year", "half", "quarter", "month", "week". */
const char *date_window_unit(WindowUnit unit);

#endif
