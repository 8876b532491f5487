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

typedef struct Date {
    int16_t year;
    uint8_t month, day;     /* 0 when below the precision */
    uint8_t precision;      /* DatePrecision */
} Date;

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

#endif
