/* Dates with a precision: day, month-year or year only (old lists often give only the year). */
#ifndef HOIVIEN_DATE_H
#define HOIVIEN_DATE_H

#include <stdbool.h>
#include <stdint.h>

struct err;

/* yyyymmdd as a number, with mm and/or dd 0 when unknown: 19850312 (12/03/1985), 19850300
 * (03/1985), 19850000 (1985).  0 means no date.  Numeric order is chronological order. */
typedef uint32_t hv_date;

#define DATE_YEAR(d) ((int)((d) / 10000))
#define DATE_MONTH(d) ((int)((d) / 100 % 100))
#define DATE_DAY(d) ((int)((d) % 100))

enum date_prec { DATE_NONE, DATE_Y, DATE_YM, DATE_YMD };

/* Parse what offices write: dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, mm/yyyy, m/yyyy,
 * a bare yyyy, and ISO yyyy-mm-dd (and yyyy-mm); one kind of separator per date; surrounding
 * spaces allowed; "" or NULL gives 0.  Rejects with a message naming what is wrong ("day 31 does
 * not exist in 02/1990 (that month has 28 days)") impossible dates, two-digit years, years
 * before 1900 or after 2100, and trailing text.  Returns 0 or -ERR_INVAL (*out is then 0). */
int date_parse(const char *s, hv_date *out, struct err *e);
/* Format as dd/mm/yyyy, mm/yyyy or yyyy ("" for 0) into out (room for 11 bytes); returns out. */
char *date_format(hv_date d, char *out);
enum date_prec date_precision(hv_date d);
/* A well-formed value: 0, or a real calendar date at its precision in 1900..2100 -- exactly the
 * values date_parse can return. */
bool date_valid(hv_date d);
/* Compare at the coarser of the two precisions: 1985 vs 12/03/1985 is 0; returns <0, 0, >0.
 * 0 (no date) sorts before every date. */
int date_cmp(hv_date a, hv_date b);
/* Today, local time. */
hv_date date_today(void);
/* Whole years from birth to on (at the coarser precision: a year-only date gives the difference
 * of years); -1 if either is 0 or birth is after on. */
int date_age(hv_date birth, hv_date on);

#endif
