/* tests/unit.c: unit tests of the small pure pieces (dates, UTF-8). TAP. */
#include "config.h"
#include "claimpack/date.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

static int n, failed;

static void
ok(int cond, const char *what)
{
    n++;
    printf("%sok %d - %s\n", cond ? "" : "not ", n, what);
    failed += !cond;
}

static void
date_tests(void)
{
    cp_date d;
    char buf[11];
    ok(cp_date_parse(&d, "2026-11-02") == 0 && d.year == 2026 && d.month == 11 && d.day == 2,
       "parse an ISO date");
    ok(cp_date_parse(&d, "2026-02-29") < 0, "2026-02-29 is not a day");
    ok(cp_date_parse(&d, "2024-02-29") == 0, "2024-02-29 is a day");
    ok(cp_date_parse(&d, "2026-1-2") < 0, "a short date is refused");
    ok(cp_date_parse(&d, "2026-11-02x") < 0, "trailing text is refused");
    cp_date_parse(&d, "2026-11-02");
    cp_date_format_iso(cp_date_add_days(d, 14), buf);
    ok(strcmp(buf, "2026-11-16") == 0, "add 14 days");
    cp_date_format_iso(cp_date_add_days(d, 60), buf);
    ok(strcmp(buf, "2027-01-01") == 0, "add days across a year");
    cp_date_parse(&d, "2024-01-31");
    cp_date_format_iso(cp_date_add_months(d, 1), buf);
    ok(strcmp(buf, "2024-02-29") == 0, "add a month clamps to the month's end");
    cp_date_parse(&d, "1970-01-01");
    ok(cp_date_to_days(d) == 0, "epoch is day 0");
    ok(cp_date_weekday(d) == 3, "1970-01-01 was a Thursday");
    cp_datetime t;
    ok(cp_datetime_parse(&t, "2026-10-28T14:02") == 0 && t.hour == 14 && t.minute == 2,
       "parse a date and time");
    ok(cp_datetime_parse(&t, "2026-10-28") == 0 && t.hour == -1, "a date without time");
    ok(cp_datetime_parse(&t, "2026-10-28T25:00") < 0, "hour 25 is refused");
}

static void
utf8_tests(void)
{
    ok(cp_utf8_valid("S.\xc3\xa0 r.l.", 8), "valid UTF-8");
    ok(!cp_utf8_valid("\xc0\xaf", 2), "an overlong sequence is refused");
    ok(!cp_utf8_valid("\xed\xa0\x80", 3), "a surrogate is refused");
    ok(!cp_utf8_valid("\xe2\x82", 2), "a truncated sequence is refused");
}

int
main(void)
{
    date_tests();
    utf8_tests();
    printf("1..%d\n", n);
    return failed != 0;
}
