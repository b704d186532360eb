/* Dates as offices write them (day, month-year or year): parsing, checks, formatting, age. */
#include "core/date.h"
#include "util/err.h"
#include "util/i18n.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* The register holds people alive or recently so; a year outside this range is a typing slip,
 * and it keeps every valid date within 8 digits of hv_date. */
enum { YEAR_MIN = 1900, YEAR_MAX = 2100 };
/* More groups or longer groups than any accepted form: enough to tell what went wrong. */
enum { MAX_GROUPS = 3 };

static bool leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const unsigned char days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && leap_year(y))
		return 29;
	return days[m - 1];
}

static bool is_space(const char *p, const char *end, size_t *len)
{
	if (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) {
		*len = 1;
		return true;
	}
	/* A no-break space (U+00A0) comes along when a date is copied from a web page or Word. */
	if (end - p >= 2 && (unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0) {
		*len = 2;
		return true;
	}
	return false;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_sep(char c)
{
	return c == '/' || c == '-' || c == '.';
}

/* One run of digits inside the text being parsed. */
struct group {
	const char *p;
	int len;
	int val; /* of the first 4 digits: only a run of at most 4 can be valid */
};

static int group_value(const char *p, int len)
{
	int v = 0;
	for (int i = 0; i < len && i < 4; i++)
		v = v * 10 + (p[i] - '0');
	return v;
}

/* Check the year, month and day (as far as given) and build the value. */
static int make_date(const char *text, const struct group *yg, const struct group *mg,
		     const struct group *dg, hv_date *out, struct err *e)
{
	if (yg->len == 2)
		return err_set(e, ERR_INVAL,
			       _("two-digit year in \"%s\": write the year in full (1985, not 85)"),
			       text);
	if (yg->len != 4)
		return err_set(e, ERR_INVAL, _("year \"%.*s\" in \"%s\" must have 4 digits"),
			       yg->len, yg->p, text);
	int y = yg->val;
	if (y < YEAR_MIN || y > YEAR_MAX)
		return err_set(e, ERR_INVAL, _("year %d is outside the accepted range %d-%d"), y,
			       YEAR_MIN, YEAR_MAX);
	int m = 0, d = 0;
	if (mg) {
		if (mg->len > 2)
			return err_set(e, ERR_INVAL,
				       _("month \"%.*s\" in \"%s\" has more than 2 digits"),
				       mg->len, mg->p, text);
		m = mg->val;
		if (m < 1 || m > 12)
			return err_set(
				e, ERR_INVAL,
				_("month %d does not exist in \"%s\" (months run from 1 to 12)"), m,
				text);
	}
	if (dg) {
		if (dg->len > 2)
			return err_set(e, ERR_INVAL,
				       _("day \"%.*s\" in \"%s\" has more than 2 digits"), dg->len,
				       dg->p, text);
		d = dg->val;
		int dim = days_in_month(y, m);
		if (d < 1 || d > dim)
			return err_set(
				e, ERR_INVAL,
				_("day %d does not exist in %02d/%d (that month has %d days)"), d,
				m, y, dim);
	}
	*out = (hv_date)(y * 10000 + m * 100 + d);
	return 0;
}

int date_parse(const char *s, hv_date *out, struct err *e)
{
	*out = 0;
	if (!s)
		return 0;
	const char *p = s, *end = s + strlen(s);
	size_t n;
	while (is_space(p, end, &n))
		p += n;
	/* Trim from the right byte-wise: a space is 1 byte, a no-break space ends in 0xa0. */
	while (end > p) {
		if (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' || end[-1] == '\n')
			end--;
		else if (end - p >= 2 && (unsigned char)end[-2] == 0xc2 &&
			 (unsigned char)end[-1] == 0xa0)
			end -= 2;
		else
			break;
	}
	if (p == end)
		return 0;

	/* Messages quote the trimmed text; a date that does not fit is not a date anyway. */
	char text[64];
	snprintf(text, sizeof text, "%.*s", (int)(end - p) < 60 ? (int)(end - p) : 60, p);

	struct group g[MAX_GROUPS];
	int ng = 0;
	char sep = 0;
	const char *q = p;
	for (;;) {
		if (q >= end || !is_digit(*q))
			goto not_a_date;
		if (ng == MAX_GROUPS)
			goto not_a_date;
		const char *start = q;
		while (q < end && is_digit(*q))
			q++;
		/* Messages quote at most 60 digits of a run that is far too long anyway. */
		int len = q - start > 60 ? 60 : (int)(q - start);
		g[ng++] = (struct group){ start, len, group_value(start, len) };
		if (q == end)
			break;
		if (!is_sep(*q))
			goto not_a_date;
		if (sep && *q != sep)
			return err_set(
				e, ERR_INVAL,
				_("\"%s\" mixes separators: use only one of / - . in a date"),
				text);
		sep = *q++;
	}

	if (ng == 1)
		return make_date(text, &g[0], NULL, NULL, out, e);
	if (ng == 2) {
		if (g[0].len == 4 && g[1].len <= 2) /* 1985-03 */
			return make_date(text, &g[0], &g[1], NULL, out, e);
		return make_date(text, &g[1], &g[0], NULL, out, e); /* 03/1985 */
	}
	if (g[0].len == 4 && g[2].len <= 2) /* ISO 1985-03-12 */
		return make_date(text, &g[0], &g[1], &g[2], out, e);
	return make_date(text, &g[2], &g[1], &g[0], out, e);

not_a_date:
	if (q < end && q > p && !is_digit(*q) && !is_sep(*q))
		return err_set(e, ERR_INVAL, _("\"%s\" is not a date: unexpected \"%.*s\""), text,
			       (int)(end - q) < 20 ? (int)(end - q) : 20, q);
	return err_set(e, ERR_INVAL, _("\"%s\" is not a date (write dd/mm/yyyy, mm/yyyy or yyyy)"),
		       text);
}

char *date_format(hv_date d, char *out)
{
	/* Only a corrupt value has a year past 9999; capping it keeps within the documented 11
	 * bytes (and shows 9999, which nobody will take for a real date). */
	int y = DATE_YEAR(d) > 9999 ? 9999 : DATE_YEAR(d);
	switch (date_precision(d)) {
	case DATE_NONE:
		out[0] = '\0';
		break;
	case DATE_Y:
		snprintf(out, 11, "%04d", y);
		break;
	case DATE_YM:
		snprintf(out, 11, "%02d/%04d", DATE_MONTH(d), y);
		break;
	case DATE_YMD:
		snprintf(out, 11, "%02d/%02d/%04d", DATE_DAY(d), DATE_MONTH(d), y);
		break;
	}
	return out;
}

enum date_prec date_precision(hv_date d)
{
	if (d == 0)
		return DATE_NONE;
	if (DATE_MONTH(d) == 0)
		return DATE_Y;
	if (DATE_DAY(d) == 0)
		return DATE_YM;
	return DATE_YMD;
}

bool date_valid(hv_date d)
{
	if (d == 0)
		return true;
	int y = DATE_YEAR(d), m = DATE_MONTH(d), day = DATE_DAY(d);
	if (y < YEAR_MIN || y > YEAR_MAX)
		return false;
	if (m == 0)
		return day == 0;
	if (m > 12)
		return false;
	return day <= days_in_month(y, m);
}

/* Drop the parts finer than prec, so two values compare as far as both are known. */
static uint32_t truncate_to(hv_date d, enum date_prec prec)
{
	switch (prec) {
	case DATE_Y:
		return d / 10000;
	case DATE_YM:
		return d / 100;
	default:
		return d;
	}
}

int date_cmp(hv_date a, hv_date b)
{
	/* No date sorts before every date, so lists put unknown birth dates together first. */
	if (a == 0 || b == 0)
		return (a != 0) - (b != 0);
	enum date_prec pa = date_precision(a), pb = date_precision(b);
	enum date_prec p = pa < pb ? pa : pb;
	uint32_t ta = truncate_to(a, p), tb = truncate_to(b, p);
	return (ta > tb) - (ta < tb);
}

hv_date date_today(void)
{
	time_t t = time(NULL);
	struct tm tm;
	if (!localtime_r(&t, &tm))
		return 0;
	return (hv_date)((tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday);
}

int date_age(hv_date birth, hv_date on)
{
	if (birth == 0 || on == 0)
		return -1;
	enum date_prec pb = date_precision(birth), po = date_precision(on);
	enum date_prec p = pb < po ? pb : po;
	int age = DATE_YEAR(on) - DATE_YEAR(birth);
	/* Birthday not reached yet this year: one year less.  Someone born on 29 February turns a
	 * year older on 1 March in other years (28/02 < 29/02 here). */
	if (p == DATE_YM && DATE_MONTH(on) < DATE_MONTH(birth))
		age--;
	else if (p == DATE_YMD &&
		 (DATE_MONTH(on) < DATE_MONTH(birth) ||
		  (DATE_MONTH(on) == DATE_MONTH(birth) && DATE_DAY(on) < DATE_DAY(birth))))
		age--;
	return age < 0 ? -1 : age;
}
