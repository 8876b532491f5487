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
    return (Date){ (int16_t)(y + (m <= 2)), (uint8_t)m, (uint8_t)d, DATE_DAY };
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

const char *date_format(Date d, char buf[static 16])
{
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
