/* Calendar dates (proleptic Gregorian) as plain values. */
#ifndef CLAIMPACK_DATE_H
#define CLAIMPACK_DATE_H

#include <stdbool.h>

typedef struct cp_date {
    int year, month, day;   /* all 0 = no date */
} cp_date;

typedef struct cp_datetime {
    cp_date date;
    int hour, minute;       /* -1 when the value had no time */
} cp_datetime;

static inline bool cp_date_valid(cp_date d) { return d.year != 0; }

/* Parse "YYYY-MM-DD" exactly (a real calendar day). 0 or -1. */
int cp_date_parse(cp_date *out, const char *s);
/* Parse "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" (optionally ":SS"). 0 or -1. */
int cp_datetime_parse(cp_datetime *out, const char *s);
/* Days since 1970-01-01 and back. */
long cp_date_to_days(cp_date d);
cp_date cp_date_from_days(long days);
cp_date cp_date_add_days(cp_date d, long n);
/* Add calendar months (clamped to the month's last day) and years. */
cp_date cp_date_add_months(cp_date d, int n);
int cp_date_cmp(cp_date a, cp_date b);
/* "YYYY-MM-DD" into buf (at least 11 bytes). */
void cp_date_format_iso(cp_date d, char *buf);
/* Today: SOURCE_DATE_EPOCH when set and valid, else the system clock (UTC). */
cp_date cp_date_today(void);
/* Weekday 0 = Monday .. 6 = Sunday. */
int cp_date_weekday(cp_date d);

#endif
