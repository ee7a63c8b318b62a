/* date.c: calendar arithmetic on plain dates (no time zones involved). */
#include "config.h"
#include "claimpack/date.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static bool
is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static int
digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static int
parse_date_prefix(cp_date *out, const char *s)
{
    if (strlen(s) < 10 || s[4] != '-' || s[7] != '-')
        return -1;
    int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
        return -1;
    out->year = y;
    out->month = m;
    out->day = d;
    return 0;
}

int
cp_date_parse(cp_date *out, const char *s)
{
    cp_date d;
    if (parse_date_prefix(&d, s) < 0 || s[10] != '\0')
        return -1;
    *out = d;
    return 0;
}

int
cp_datetime_parse(cp_datetime *out, const char *s)
{
    cp_datetime t = { { 0, 0, 0 }, -1, -1 };
    if (parse_date_prefix(&t.date, s) < 0)
        return -1;
    const char *p = s + 10;
    if (*p == 'T' || *p == ' ') {
        int h = digits(p + 1, 2), m = -1;
        if (h < 0 || p[3] != ':' || (m = digits(p + 4, 2)) < 0 || h > 23 || m > 59)
            return -1;
        p += 6;
        if (*p == ':') {
            int sec = digits(p + 1, 2);
            if (sec < 0 || sec > 60)
                return -1;
            p += 3;
        }
        t.hour = h;
        t.minute = m;
    }
    if (*p != '\0')
        return -1;
    *out = t;
    return 0;
}

/* Howard Hinnant's days-from-civil algorithm. */
long
cp_date_to_days(cp_date d)
{
    long y = d.year - (d.month <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

cp_date
cp_date_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    cp_date r = { (int)(y + (m <= 2)), (int)m, (int)d };
    return r;
}

cp_date
cp_date_add_days(cp_date d, long n)
{
    return cp_date_from_days(cp_date_to_days(d) + n);
}

cp_date
cp_date_add_months(cp_date d, int n)
{
    long m = (long)d.year * 12 + (d.month - 1) + n;
    cp_date r;
    r.year = (int)(m / 12);
    r.month = (int)(m % 12) + 1;
    r.day = d.day;
    int last = month_days(r.year, r.month);
    if (r.day > last)
        r.day = last;
    return r;
}

int
cp_date_cmp(cp_date a, cp_date b)
{
    long x = cp_date_to_days(a), y = cp_date_to_days(b);
    return x < y ? -1 : x > y;
}

void
cp_date_format_iso(cp_date d, char *buf)
{
    unsigned y = (unsigned)d.year % 10000u, m = (unsigned)d.month % 100u, day = (unsigned)d.day % 100u;
    buf[0] = (char)('0' + y / 1000);
    buf[1] = (char)('0' + y / 100 % 10);
    buf[2] = (char)('0' + y / 10 % 10);
    buf[3] = (char)('0' + y % 10);
    buf[4] = '-';
    buf[5] = (char)('0' + m / 10);
    buf[6] = (char)('0' + m % 10);
    buf[7] = '-';
    buf[8] = (char)('0' + day / 10);
    buf[9] = (char)('0' + day % 10);
    buf[10] = '\0';
}

cp_date
cp_date_today(void)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    time_t t = 0;
    if (sde && *sde) {
        char *end;
        errno = 0;
        long long v = strtoll(sde, &end, 10);
        if (errno == 0 && *end == '\0' && v >= 0)
            return cp_date_from_days((long)(v / 86400));
    }
    t = time(NULL);
    return cp_date_from_days((long)(t / 86400));
}

int
cp_date_weekday(cp_date d)
{
    long days = cp_date_to_days(d);   /* 1970-01-01 was a Thursday (3) */
    long w = (days + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}
