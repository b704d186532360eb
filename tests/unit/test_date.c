/* Unit tests for src/core/date: parsing what offices write, validity, formatting, order, age. */
#include "tap.h"

#include "core/date.h"
#include "util/err.h"

#include <stdbool.h>

static const struct {
	const char *in;
	hv_date want;
} good[] = {
	{ "12/03/1985", 19850312 },
	{ "1/2/1985", 19850201 },
	{ "01/2/1985", 19850201 },
	{ "12-03-1985", 19850312 },
	{ "12.03.1985", 19850312 },
	{ "03/1985", 19850300 },
	{ "3/1985", 19850300 },
	{ "3-1985", 19850300 },
	{ "03.1985", 19850300 },
	{ "1985", 19850000 },
	{ "1985-03-12", 19850312 },
	{ "1985-3-2", 19850302 },
	{ "1985-03", 19850300 },
	{ "  12/03/1985  ", 19850312 },
	{ "\t1985\r\n", 19850000 },
	{ "\xc2\xa0" "12/03/1985" "\xc2\xa0", 19850312 },	/* no-break spaces, from the web */
	{ "", 0 },
	{ "   ", 0 },
	{ "29/02/2000", 20000229 },	/* divisible by 400: leap */
	{ "29/02/2024", 20240229 },
	{ "29/02/1996", 19960229 },
	{ "31/01/1985", 19850131 },
	{ "30/04/1975", 19750430 },
	{ "31/12/2100", 21001231 },
	{ "01/01/1900", 19000101 },
	{ "1900", 19000000 },
	{ "2100", 21000000 },
	{ "12/1900", 19001200 },
};

static const struct {
	const char *in;
	const char *msg;
} bad[] = {
	{ "31/02/1990", "day 31 does not exist in 02/1990 (that month has 28 days)" },
	{ "29/02/1900", "day 29 does not exist in 02/1900 (that month has 28 days)" },
	{ "29/02/2023", "day 29 does not exist in 02/2023 (that month has 28 days)" },
	{ "30/02/2024", "day 30 does not exist in 02/2024 (that month has 29 days)" },
	{ "2024-02-30", "day 30 does not exist in 02/2024 (that month has 29 days)" },
	{ "31/04/1990", "day 31 does not exist in 04/1990 (that month has 30 days)" },
	{ "32/01/1990", "day 32 does not exist in 01/1990 (that month has 31 days)" },
	{ "00/03/1985", "day 0 does not exist in 03/1985 (that month has 31 days)" },
	{ "12/13/1985", "month 13 does not exist in \"12/13/1985\" (months run from 1 to 12)" },
	{ "13/1985", "month 13 does not exist in \"13/1985\" (months run from 1 to 12)" },
	{ "0/1985", "month 0 does not exist in \"0/1985\" (months run from 1 to 12)" },
	{ "1985-13-01", "month 13 does not exist in \"1985-13-01\" (months run from 1 to 12)" },
	{ "03/25/1985", "month 25 does not exist in \"03/25/1985\" (months run from 1 to 12)" },
	{ "12/03/85", "two-digit year in \"12/03/85\": write the year in full (1985, not 85)" },
	{ "03/85", "two-digit year in \"03/85\": write the year in full (1985, not 85)" },
	{ "85", "two-digit year in \"85\": write the year in full (1985, not 85)" },
	{ "1899", "year 1899 is outside the accepted range 1900-2100" },
	{ "2101", "year 2101 is outside the accepted range 1900-2100" },
	{ "31/12/1899", "year 1899 is outside the accepted range 1900-2100" },
	{ "0985", "year 985 is outside the accepted range 1900-2100" },
	{ "19850", "year \"19850\" in \"19850\" must have 4 digits" },
	{ "12/03/198", "year \"198\" in \"12/03/198\" must have 4 digits" },
	{ "123/03/1985", "day \"123\" in \"123/03/1985\" has more than 2 digits" },
	{ "12/003/1985", "month \"003\" in \"12/003/1985\" has more than 2 digits" },
	{ "12/03/1985x", "\"12/03/1985x\" is not a date: unexpected \"x\"" },
	{ "12/03/1985 abc", "\"12/03/1985 abc\" is not a date: unexpected \" abc\"" },
	{ "12 03 1985", "\"12 03 1985\" is not a date: unexpected \" 03 1985\"" },
	{ "1985年", "\"1985年\" is not a date: unexpected \"年\"" },
	{ "12/03-1985", "\"12/03-1985\" mixes separators: use only one of / - . in a date" },
	{ "abc", "\"abc\" is not a date (write dd/mm/yyyy, mm/yyyy or yyyy)" },
	{ "12//1985", "\"12//1985\" is not a date (write dd/mm/yyyy, mm/yyyy or yyyy)" },
	{ "1/2/3/1985", "\"1/2/3/1985\" is not a date (write dd/mm/yyyy, mm/yyyy or yyyy)" },
	{ "12/03/", "\"12/03/\" is not a date (write dd/mm/yyyy, mm/yyyy or yyyy)" },
	{ "/03/1985", "\"/03/1985\" is not a date (write dd/mm/yyyy, mm/yyyy or yyyy)" },
	{ "-1985", "\"-1985\" is not a date (write dd/mm/yyyy, mm/yyyy or yyyy)" },
	{ "+1985", "\"+1985\" is not a date (write dd/mm/yyyy, mm/yyyy or yyyy)" },
};

/* The input as a TAP description can show it: control bytes would break the line. */
static const char *shown(const char *s, char *out, size_t n)
{
	size_t k = 0;
	for (; *s && k + 5 < n; s++) {
		unsigned char c = (unsigned char)*s;
		if (c < 0x20)
			k += (size_t)snprintf(out + k, n - k, "\\x%02x", c);
		else
			out[k++] = (char)c;
	}
	out[k] = '\0';
	return out;
}

static void test_parse(void)
{
	char tmp[64];
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		struct err e = { 0 };
		hv_date d = 12345;
		const char *in = shown(good[i].in, tmp, sizeof tmp);
		int rc = date_parse(good[i].in, &d, &e);
		is_int(rc, 0, "parse \"%s\" succeeds", in);
		is_int(d, good[i].want, "parse \"%s\" gives %u", in, (unsigned)good[i].want);
		if (rc)
			diag("message: %s", e.msg);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct err e = { 0 };
		hv_date d = 12345;
		int rc = date_parse(bad[i].in, &d, &e);
		is_int(rc, -ERR_INVAL, "parse \"%s\" is rejected", bad[i].in);
		is_int(d, 0, "a rejected \"%s\" leaves 0", bad[i].in);
		is_str(e.msg, bad[i].msg, "message for \"%s\"", bad[i].in);
		is_int(e.code, ERR_INVAL, "error code for \"%s\"", bad[i].in);
	}
	hv_date d = 1;
	is_int(date_parse(NULL, &d, NULL), 0, "NULL parses as no date");
	is_int(d, 0, "NULL gives 0");
	is_int(date_parse("31/02/1990", &d, NULL), -ERR_INVAL, "error without an err struct");
}

/* Every yyyymmdd from 1899 to 2101 with month and day one past their ranges: date_valid must
 * agree with what date_parse accepts, and what date_format writes must parse back. */
static void test_exhaustive(void)
{
	int disagree = 0, roundtrip_bad = 0, nvalid = 0;
	for (int y = 1899; y <= 2101; y++)
		for (int m = 0; m <= 13; m++)
			for (int dd = 0; dd <= 32; dd++) {
				hv_date v = (hv_date)(y * 10000 + m * 100 + dd);
				char text[48], out[11];
				if (m == 0 && dd == 0)
					snprintf(text, sizeof text, "%d", y);
				else if (dd == 0)
					snprintf(text, sizeof text, "%d/%d", m, y);
				else if (m == 0)
					continue;	/* no written form: checked below */
				else
					snprintf(text, sizeof text, "%d/%d/%d", dd, m, y);
				hv_date got;
				bool parsed = date_parse(text, &got, NULL) == 0 && got == v;
				if (parsed != date_valid(v))
					disagree++;
				if (date_valid(v)) {
					nvalid++;
					if (date_parse(date_format(v, out), &got, NULL) != 0 ||
					    got != v)
						roundtrip_bad++;
				}
			}
	is_int(disagree, 0, "date_valid agrees with date_parse on 1899..2101");
	is_int(roundtrip_bad, 0, "date_format output parses back to the same value");
	/* 201 years of days, months and years: 73,414 days (49 leap years) + 2,412 + 201. */
	is_int(nvalid, 73414 + 2412 + 201, "number of valid values in 1900..2100");
	ok(!date_valid(19850013), "month 0 with a day is not valid");
	ok(!date_valid(19851300), "month 13 is not valid");
	ok(!date_valid(19850229), "29/02/1985 is not valid");
	ok(date_valid(0), "0 (no date) is valid");
	ok(!date_valid(99999999), "year 9999 is not valid");
}

static void test_format(void)
{
	char out[11];
	is_str(date_format(19850312, out), "12/03/1985", "format a day");
	is_str(date_format(19850300, out), "03/1985", "format a month");
	is_str(date_format(19850000, out), "1985", "format a year");
	is_str(date_format(0, out), "", "format no date");
	is_str(date_format(20000101, out), "01/01/2000", "format pads day and month");
	is_str(date_format(4294967295u, out), "95/72/9999",
	       "a corrupt value stays within 11 bytes");
	is_int(date_precision(0), DATE_NONE, "precision of 0");
	is_int(date_precision(19850000), DATE_Y, "precision of a year");
	is_int(date_precision(19850300), DATE_YM, "precision of a month");
	is_int(date_precision(19850312), DATE_YMD, "precision of a day");
}

static void test_cmp(void)
{
	static const struct {
		hv_date a, b;
		int want;
	} t[] = {
		{ 19850000, 19850312, 0 },
		{ 19850312, 19850000, 0 },
		{ 19850300, 19850312, 0 },
		{ 19850300, 19850331, 0 },
		{ 19850200, 19850312, -1 },
		{ 19850312, 19850200, 1 },
		{ 19840000, 19850101, -1 },
		{ 19851231, 19860000, -1 },
		{ 19850312, 19850313, -1 },
		{ 19850313, 19850312, 1 },
		{ 19850312, 19850312, 0 },
		{ 19850300, 19850400, -1 },
		{ 19850000, 19850000, 0 },
		{ 0, 19000000, -1 },
		{ 19000000, 0, 1 },
		{ 0, 0, 0 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int c = date_cmp(t[i].a, t[i].b);
		is_int((c > 0) - (c < 0), t[i].want, "date_cmp(%u, %u)", (unsigned)t[i].a,
		       (unsigned)t[i].b);
	}
}

static void test_age(void)
{
	static const struct {
		hv_date birth, on;
		int want;
	} t[] = {
		{ 19850312, 20250312, 40 },	/* birthday today */
		{ 19850312, 20250311, 39 },	/* the day before */
		{ 19850312, 20250401, 40 },
		{ 19850312, 20250201, 39 },
		{ 19850312, 20251231, 40 },
		{ 20000229, 20250228, 24 },	/* 29 February: not yet on the 28th */
		{ 20000229, 20250301, 25 },
		{ 20000229, 20240229, 24 },
		{ 19850000, 20250101, 40 },	/* year only: difference of years */
		{ 19850312, 20250000, 40 },
		{ 19850300, 20250200, 39 },	/* month precision */
		{ 19850300, 20250300, 40 },
		{ 19850300, 20250315, 40 },	/* coarser of the two: months */
		{ 19850315, 20250300, 40 },
		{ 19850312, 19850312, 0 },
		{ 20250312, 20250311, -1 },	/* born after "on" */
		{ 20260000, 20250000, -1 },
		{ 0, 20250101, -1 },
		{ 19850312, 0, -1 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		is_int(date_age(t[i].birth, t[i].on), t[i].want, "age born %u on %u",
		       (unsigned)t[i].birth, (unsigned)t[i].on);
}

static void test_today(void)
{
	hv_date t = date_today();
	ok(date_valid(t) && t != 0, "today is a valid date (%u)", (unsigned)t);
	is_int(date_precision(t), DATE_YMD, "today has day precision");
	ok(DATE_YEAR(t) >= 2024, "today is not in the past (%d)", DATE_YEAR(t));
}

int main(void)
{
	test_parse();
	test_exhaustive();
	test_format();
	test_cmp();
	test_age();
	test_today();
	return done_testing();
}
