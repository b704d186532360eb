/* Unit tests for src/core/cccd: cleaning IDs, province codes, checking digits against a record. */
#include "tap.h"

#include "core/cccd.h"
#include "util/buf.h"
#include "util/err.h"

#include <stdlib.h>

static void test_parse(void)
{
	static const struct {
		const char *in, *want;
	} good[] = {
		{ "001085001234", "001085001234" },
		{ "079305012345", "079305012345" },
		{ "001 085 001 234", "001085001234" },
		{ "001.085.001.234", "001085001234" },
		{ "001-085-001-234", "001085001234" },
		{ "'001085001234", "001085001234" }, /* Excel's text marker */
		{ "  '001085001234  ", "001085001234" },
		{ "\t001085001234\t", "001085001234" },
		{ "001\xc2\xa0" "085\xc2\xa0" "001234", "001085001234" },	/* no-break spaces */
		{ "123456789", "123456789" },	/* CMND */
		{ "'012345678", "012345678" },
		{ "012 345 678", "012345678" },
		{ "", "" },
		{ "   ", "" },
		{ "-", "" }, /* "none" in a spreadsheet */
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		char out[13] = "garbage";
		struct err e = { 0 };
		is_int(cccd_parse(good[i].in, out, &e), 0, "parse \"%s\" succeeds", good[i].in);
		is_str(out, good[i].want, "parse \"%s\": digits", good[i].in);
	}

	static const struct {
		const char *in, *msg;
	} bad[] = {
		{ "79085001234",
		  "CCCD must have 12 digits, found 11 in \"79085001234\" (a leading 0 lost in a spreadsheet?)" },
		{ "79 085 001 234",
		  "CCCD must have 12 digits, found 11 in \"79 085 001 234\" (a leading 0 lost in a "
		  "spreadsheet?)" },
		{ "1085001234",
		  "CCCD must have 12 digits, found 10 in \"1085001234\" (two leading zeros lost in a "
		  "spreadsheet?)" },
		{ "12345678",
		  "CMND must have 9 digits, found 8 in \"12345678\" (a leading 0 lost in a spreadsheet?)" },
		{ "0010850012345",
		  "an ID number must have 12 digits (CCCD) or 9 (CMND), found 13 in \"0010850012345\"" },
		{ "001085001234.0",
		  "an ID number must have 12 digits (CCCD) or 9 (CMND), found 13 in \"001085001234.0\"" },
		{ "12345",
		  "an ID number must have 12 digits (CCCD) or 9 (CMND), found 5 in \"12345\"" },
		{ "1", "an ID number must have 12 digits (CCCD) or 9 (CMND), found 1 in \"1\"" },
		{ "00108500123A",
		  "ID number \"00108500123A\" contains \"A\", which is not a digit" },
		{ "Đ01085001234",
		  "ID number \"Đ01085001234\" contains \"Đ\", which is not a digit" },
		{ "001/085/001234",
		  "ID number \"001/085/001234\" contains \"/\", which is not a digit" },
		{ "CCCD 001085001234",
		  "ID number \"CCCD 001085001234\" contains \"C\", which is not a digit" },
		{ "''001085001234",
		  "ID number \"''001085001234\" contains \"'\", which is not a digit" },
		{ "1.08500123E+11",
		  "ID number \"1.08500123E+11\" is in scientific notation: its digits were lost in a "
		  "spreadsheet; format the column as text and type it again" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char out[13] = "garbage";
		struct err e = { 0 };
		is_int(cccd_parse(bad[i].in, out, &e), -ERR_INVAL, "parse \"%s\" is rejected",
		       bad[i].in);
		is_str(out, "", "rejected \"%s\" leaves out empty", bad[i].in);
		is_str(e.msg, bad[i].msg, "message for \"%s\"", bad[i].in);
	}
	char out[13];
	is_int(cccd_parse("79085001234", out, NULL), -ERR_INVAL, "error without an err struct");
}

static void test_province(void)
{
	/* Appendix 1 of Circular 07/2016/TT-BCA, written out again to catch a typo in the table. */
	static const int codes[63] = {
		1,  2,	4,  6,	8,  10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33,
		34, 35, 36, 37, 38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66,
		67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
	};
	int n = 0, wrong = 0;
	for (int c = -5; c < 200; c++) {
		bool listed = false;
		for (int i = 0; i < 63; i++)
			listed = listed || codes[i] == c;
		n += cccd_province(c) != NULL;
		if ((cccd_province(c) != NULL) != listed) {
			diag("code %d: %s", c, cccd_province(c) ? cccd_province(c) : "(none)");
			wrong++;
		}
	}
	is_int(n, 63, "63 provinces have a code");
	is_int(wrong, 0, "exactly the codes of the circular are known");
	is_str(cccd_province(1), "Hà Nội", "001 is Hà Nội");
	is_str(cccd_province(46), "Thừa Thiên Huế", "046 is Thừa Thiên Huế");
	is_str(cccd_province(66), "Đắk Lắk", "066 is Đắk Lắk");
	is_str(cccd_province(79), "Hồ Chí Minh", "079 is Hồ Chí Minh");
	is_str(cccd_province(96), "Cà Mau", "096 is Cà Mau");
	ok(cccd_province(3) == NULL, "003 is not a province");
	ok(cccd_province(0) == NULL, "000 is not a province");
	ok(cccd_province(97) == NULL, "097 is not a province");
}

static void test_check(void)
{
	static const struct {
		const char *id;
		int sex;
		hv_date birth;
		int n;
		const char *warn;
	} t[] = {
		{ "001085001234", 1, 19850312, 0, "" },
		{ "001185001234", 2, 19850000, 0, "" },
		{ "079203001234", 1, 20030000, 0, "" },
		{ "079303001234", 2, 20030500, 0, "" },
		{ "096099999999", 0, 0, 0, "" }, /* nothing known: nothing to contradict */
		{ "001085001234", 0, 19850000, 0, "" },
		{ "123456789", 2, 20100000, 0, "" }, /* a CMND has nothing to check */
		{ "", 1, 19850000, 0, "" },
		{ "001185001234", 1, 19850000, 1,
		  "CCCD 001185001234: 4th digit 1 means female, but the record says male\n" },
		{ "001085001234", 2, 19850000, 1,
		  "CCCD 001085001234: 4th digit 0 means male, but the record says female\n" },
		{ "003085001234", 1, 19850000, 1,
		  "CCCD 003085001234 starts with 003, which is not a province code\n" },
		{ "000085001234", 1, 0, 1,
		  "CCCD 000085001234 starts with 000, which is not a province code\n" },
		{ "097085001234", 1, 0, 1,
		  "CCCD 097085001234 starts with 097, which is not a province code\n" },
		{ "100085001234", 1, 0, 1,
		  "CCCD 100085001234 starts with 100, which is not a province code\n" },
		{ "001085001234", 1, 20850000, 1,
		  "CCCD 001085001234: 4th digit 0 means born in 1900-1999, but the record says born in 2085\n" },
		{ "001285001234", 1, 19850000, 1,
		  "CCCD 001285001234: 4th digit 2 means born in 2000-2099, but the record says born in 1985\n" },
		{ "001085001234", 1, 19860101, 1,
		  "CCCD 001085001234: digits 5-6 mean a birth year ending in 85, but the record says born "
		  "in 1986\n" },
		{ "001085001234", 2, 20030000, 3,
		  "CCCD 001085001234: 4th digit 0 means male, but the record says female\n"
		  "CCCD 001085001234: 4th digit 0 means born in 1900-1999, but the record says born in 2003\n"
		  "CCCD 001085001234: digits 5-6 mean a birth year ending in 85, but the record says born "
		  "in 2003\n" },
		{ "005385001234", 1, 19900000, 4,
		  "CCCD 005385001234 starts with 005, which is not a province code\n"
		  "CCCD 005385001234: 4th digit 3 means female, but the record says male\n"
		  "CCCD 005385001234: 4th digit 3 means born in 2000-2099, but the record says born in 1990\n"
		  "CCCD 005385001234: digits 5-6 mean a birth year ending in 85, but the record says born "
		  "in 1990\n" },
		{ "001485001234", 1, 0, 1,
		  "CCCD 001485001234: digits 4-6 mean born in 2185, which is in the future\n" },
		{ "001299001234", 0, 0, 1,
		  "CCCD 001299001234: digits 4-6 mean born in 2099, which is in the future\n" },
		{ "12345", 1, 0, 1,
		  "ID number 12345 is neither a 12-digit CCCD nor a 9-digit CMND\n" },
		{ "00108500123X", 1, 0, 1,
		  "ID number 00108500123X is neither a 12-digit CCCD nor a 9-digit CMND\n" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct buf w = BUF_INIT;
		is_int(cccd_check(t[i].id, t[i].sex, t[i].birth, &w), t[i].n,
		       "check %s sex %d born %u: count", t[i].id, t[i].sex, (unsigned)t[i].birth);
		is_str(buf_str(&w), t[i].warn, "check %s sex %d born %u: warnings", t[i].id,
		       t[i].sex, (unsigned)t[i].birth);
		buf_free(&w);
	}
	struct buf w = BUF_INIT;
	buf_adds(&w, "earlier\n");
	cccd_check("001185001234", 1, 0, &w);
	is_str(buf_str(&w),
	       "earlier\nCCCD 001185001234: 4th digit 1 means female, but the record says male\n",
	       "warnings are appended to what the buffer holds");
	buf_free(&w);
	is_int(cccd_check(NULL, 1, 0, &w), 0, "NULL is no ID");
}

static void test_make(void)
{
	char out[13];
	cccd_make(out, 1, 2, 1990, 1234567);
	is_str(out, "001190234567", "make: Hà Nội, female, 1990, last 6 digits of the serial");
	cccd_make(out, 79, 1, 2005, 42);
	is_str(out, "079205000042", "make: HCM, male, 2005, serial padded");
	cccd_make(out, 96, 2, 2000, 0);
	is_str(out, "096300000000", "make: female born in 2000");
	cccd_make(out, 1, 1, 1900, 999999);
	is_str(out, "001000999999", "make: born in 1900");

	/* Whatever demo data asks for, the result parses and agrees with its arguments. */
	int bad = 0;
	for (int code = 1; code <= 96; code++) {
		if (!cccd_province(code))
			continue;
		for (int year = 1900; year <= 2099; year += 7)
			for (int sex = 1; sex <= 2; sex++) {
				char id[13], clean[13];
				struct buf w = BUF_INIT;
				cccd_make(id, code, sex, year,
					  (unsigned)(code * 7919 + year * 31 + sex));
				if (cccd_parse(id, clean, NULL) != 0 || strcmp(id, clean) != 0 ||
				    cccd_check(id, sex, (hv_date)(year * 10000), &w) != 0) {
					diag("make %d %d %d: %s %s", code, sex, year, id,
					     buf_str(&w));
					bad++;
				}
				buf_free(&w);
			}
	}
	is_int(bad, 0, "made CCCDs parse and agree with province, sex and year");
}

int main(void)
{
	test_parse();
	test_province();
	test_check();
	test_make();
	return done_testing();
}
