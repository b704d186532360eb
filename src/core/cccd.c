/* CCCD / CMND numbers: cleaning what was typed or imported, checking digits against the record. */
#include "core/cccd.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/i18n.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

enum { CCCD_LEN = 12, CMND_LEN = 9 };

/* Province codes of the place where the birth was registered, as listed in Appendix 1 of
 * Circular 07/2016/TT-BCA (the 63 provinces before the 2025 mergers; later CCCDs still carry
 * them).  Indexed by code, so a lookup is one array access; the gaps are codes never issued. */
static const char *const provinces[97] = {
	[1] = "Hà Nội",		[2] = "Hà Giang",	[4] = "Cao Bằng",	[6] = "Bắc Kạn",
	[8] = "Tuyên Quang",	[10] = "Lào Cai",	[11] = "Điện Biên",	[12] = "Lai Châu",
	[14] = "Sơn La",	[15] = "Yên Bái",	[17] = "Hòa Bình",	[19] = "Thái Nguyên",
	[20] = "Lạng Sơn",	[22] = "Quảng Ninh",	[24] = "Bắc Giang",	[25] = "Phú Thọ",
	[26] = "Vĩnh Phúc",	[27] = "Bắc Ninh",	[30] = "Hải Dương",	[31] = "Hải Phòng",
	[33] = "Hưng Yên",	[34] = "Thái Bình",	[35] = "Hà Nam",	[36] = "Nam Định",
	[37] = "Ninh Bình",	[38] = "Thanh Hóa",	[40] = "Nghệ An",	[42] = "Hà Tĩnh",
	[44] = "Quảng Bình",	[45] = "Quảng Trị",	[46] = "Thừa Thiên Huế", [48] = "Đà Nẵng",
	[49] = "Quảng Nam",	[51] = "Quảng Ngãi",	[52] = "Bình Định",	[54] = "Phú Yên",
	[56] = "Khánh Hòa",	[58] = "Ninh Thuận",	[60] = "Bình Thuận",	[62] = "Kon Tum",
	[64] = "Gia Lai",	[66] = "Đắk Lắk",	[67] = "Đắk Nông",	[68] = "Lâm Đồng",
	[70] = "Bình Phước",	[72] = "Tây Ninh",	[74] = "Bình Dương",	[75] = "Đồng Nai",
	[77] = "Bà Rịa - Vũng Tàu", [79] = "Hồ Chí Minh", [80] = "Long An",	[82] = "Tiền Giang",
	[83] = "Bến Tre",	[84] = "Trà Vinh",	[86] = "Vĩnh Long",	[87] = "Đồng Tháp",
	[89] = "An Giang",	[91] = "Kiên Giang",	[92] = "Cần Thơ",	[93] = "Hậu Giang",
	[94] = "Sóc Trăng",	[95] = "Bạc Liêu",	[96] = "Cà Mau",
};

const char *cccd_province(int code)
{
	if (code < 1 || code >= (int)(sizeof provinces / sizeof provinces[0]))
		return NULL;
	return provinces[code];
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Bytes of the UTF-8 character at p (1 for anything malformed), so a message can quote a whole
 * letter such as "Đ" rather than half of it. */
static int char_len(const unsigned char *p)
{
	int n = p[0] < 0x80 ? 1 : p[0] >= 0xf0 ? 4 : p[0] >= 0xe0 ? 3 : p[0] >= 0xc0 ? 2 : 1;
	for (int i = 1; i < n; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 1;
	return n;
}

int cccd_parse(const char *s, char *out, struct err *e)
{
	out[0] = '\0';
	if (!s)
		return 0;
	const char *p = s;
	while (*p == ' ' || *p == '\t')
		p++;
	/* Excel shows a number typed as '012345678901 as text and keeps the apostrophe in some
	 * exports; it is a marker, not part of the number. */
	if (*p == '\'')
		p++;

	char digits[CCCD_LEN + 1];
	size_t n = 0;
	for (const char *q = p; *q; q++) {
		if (is_digit(*q)) {
			if (n < CCCD_LEN)
				digits[n] = *q;
			n++;
		} else if (*q == ' ' || *q == '\t' || *q == '.' || *q == '-') {
			continue;
		} else if ((unsigned char)q[0] == 0xc2 && (unsigned char)q[1] == 0xa0) {
			q++; /* a no-break space, from a number copied off a web page */
		} else if ((*q == 'E' || *q == 'e') && q[1] == '+') {
			/* 7.90850012345E+11: the spreadsheet stored the ID as a number and shows
			 * it in scientific notation; the last digits are gone for good. */
			return err_set(
				e, ERR_INVAL,
				_("ID number \"%s\" is in scientific notation: its digits were lost in "
				  "a spreadsheet; format the column as text and type it again"),
				s);
		} else {
			return err_set(
				e, ERR_INVAL,
				_("ID number \"%s\" contains \"%.*s\", which is not a digit"), s,
				char_len((const unsigned char *)q), q);
		}
	}
	if (n == CCCD_LEN || n == CMND_LEN) {
		memcpy(out, digits, n);
		out[n] = '\0';
		return 0;
	}
	/* Spreadsheets drop leading zeros of a number, and most CCCDs start with 0 (provinces
	 * 001 to 096), Hà Nội's and four other provinces' with 00.  Say so; never guess zeros. */
	switch (n) {
	case 0:
		return 0; /* only separators, e.g. "-" for "none" */
	case 11:
		return err_set(
			e, ERR_INVAL,
			_("CCCD must have 12 digits, found 11 in \"%s\" (a leading 0 lost in a "
			  "spreadsheet?)"),
			s);
	case 10:
		return err_set(
			e, ERR_INVAL,
			_("CCCD must have 12 digits, found 10 in \"%s\" (two leading zeros lost in a "
			  "spreadsheet?)"),
			s);
	case 8:
		return err_set(
			e, ERR_INVAL,
			_("CMND must have 9 digits, found 8 in \"%s\" (a leading 0 lost in a "
			  "spreadsheet?)"),
			s);
	default:
		return err_set(
			e, ERR_INVAL,
			_("an ID number must have 12 digits (CCCD) or 9 (CMND), found %zu in \"%s\""),
			n, s);
	}
}

static int current_year(void)
{
	return DATE_YEAR(date_today());
}

int cccd_check(const char *cccd, int sex, hv_date birth, struct buf *warn)
{
	if (!cccd || !*cccd)
		return 0;
	size_t len = strlen(cccd);
	bool all_digits = true;
	for (size_t i = 0; i < len; i++)
		all_digits = all_digits && is_digit(cccd[i]);
	if (all_digits && len == CMND_LEN)
		return 0; /* a CMND carries no province, sex or year we could check */
	if (!all_digits || len != CCCD_LEN) {
		buf_printf(warn, _("ID number %s is neither a 12-digit CCCD nor a 9-digit CMND\n"),
			   cccd);
		return 1;
	}

	int nwarn = 0;
	int code = (cccd[0] - '0') * 100 + (cccd[1] - '0') * 10 + (cccd[2] - '0');
	if (!cccd_province(code)) {
		buf_printf(warn, _("CCCD %s starts with %.3s, which is not a province code\n"),
			   cccd, cccd);
		nwarn++;
	}

	int d4 = cccd[3] - '0';
	bool female = d4 % 2 == 1;
	if (sex == 1 && female) {
		buf_printf(warn,
			   _("CCCD %s: 4th digit %c means female, but the record says male\n"),
			   cccd, cccd[3]);
		nwarn++;
	} else if (sex == 2 && !female) {
		buf_printf(warn,
			   _("CCCD %s: 4th digit %c means male, but the record says female\n"),
			   cccd, cccd[3]);
		nwarn++;
	}

	int century = 1900 + 100 * (d4 / 2);
	int yy = (cccd[4] - '0') * 10 + (cccd[5] - '0');
	if (birth) {
		int year = DATE_YEAR(birth);
		/* Century and year digits are checked apart: each message then names the digit to
		 * look at, and a typo in one does not hide a mismatch in the other. */
		if (year < century || year > century + 99) {
			buf_printf(
				warn,
				_("CCCD %s: 4th digit %c means born in %d-%d, but the record says "
				  "born in %d\n"),
				cccd, cccd[3], century, century + 99, year);
			nwarn++;
		}
		if (year % 100 != yy) {
			buf_printf(
				warn,
				_("CCCD %s: digits 5-6 mean a birth year ending in %.2s, but the "
				  "record says born in %d\n"),
				cccd, cccd + 4, year);
			nwarn++;
		}
	} else if (century + yy > current_year()) {
		buf_printf(warn, _("CCCD %s: digits 4-6 mean born in %d, which is in the future\n"),
			   cccd, century + yy);
		nwarn++;
	}
	return nwarn;
}

void cccd_make(char *out, int province, int sex, int birth_year, unsigned serial)
{
	/* Clamp rather than fail: demo data must always come out as 12 digits. */
	if (province < 0 || province > 999)
		province = 1;
	int c = birth_year < 1900 ? 0 : (birth_year - 1900) / 100;
	if (c > 4)
		c = 4;
	int d4 = 2 * c + (sex == 2 ? 1 : 0);
	int yy = birth_year < 0 ? 0 : birth_year % 100;
	snprintf(out, CCCD_LEN + 1, "%03d%d%02d%06u", province, d4, yy, serial % 1000000u);
}

size_t cccd_query_digits(const char *q, char *out, size_t max)
{
	size_t n = 0;
	for (const char *p = q; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (n + 1 >= max)
				return 0;
			out[n++] = *p;
		} else if (*p != ' ' && *p != '.' && *p != '-') {
			return 0;
		}
	}
	if (max)
		out[n] = '\0';
	return n;
}
