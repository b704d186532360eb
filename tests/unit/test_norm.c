/* Unit tests for src/text/norm: NFC from NFC, NFD, "Unicode tổ hợp" and mixed input. */
#include "tap.h"

#include "text/norm.h"
#include "util/buf.h"

#include <stdlib.h>
#include <uninorm.h>

/* The 134 Vietnamese letters (copied from the design table vn-charsets.tsv): NFC, NFD, "Unicode
 * tổ hợp" (precomposed â ă ê ô ơ ư + combining tone), base letter, modifier (- none, b breve,
 * c circumflex, h horn, s stroke), tone (0 none, 1 huyền, 2 hỏi, 3 ngã, 4 sắc, 5 nặng), capital.
 * Capital and small letter alternate. */
static const struct letter {
	const char *nfc, *nfd, *tohop;
	char base, mod;
	int tone, upper;
} letters[] = {
	{ "Á", "A\u0301", "Á", 'a', '-', 4, 1 },
	{ "á", "a\u0301", "á", 'a', '-', 4, 0 },
	{ "À", "A\u0300", "À", 'a', '-', 1, 1 },
	{ "à", "a\u0300", "à", 'a', '-', 1, 0 },
	{ "Ả", "A\u0309", "Ả", 'a', '-', 2, 1 },
	{ "ả", "a\u0309", "ả", 'a', '-', 2, 0 },
	{ "Ã", "A\u0303", "Ã", 'a', '-', 3, 1 },
	{ "ã", "a\u0303", "ã", 'a', '-', 3, 0 },
	{ "Ạ", "A\u0323", "Ạ", 'a', '-', 5, 1 },
	{ "ạ", "a\u0323", "ạ", 'a', '-', 5, 0 },
	{ "Â", "A\u0302", "Â", 'a', 'c', 0, 1 },
	{ "â", "a\u0302", "â", 'a', 'c', 0, 0 },
	{ "Ấ", "A\u0302\u0301", "Â\u0301", 'a', 'c', 4, 1 },
	{ "ấ", "a\u0302\u0301", "â\u0301", 'a', 'c', 4, 0 },
	{ "Ầ", "A\u0302\u0300", "Â\u0300", 'a', 'c', 1, 1 },
	{ "ầ", "a\u0302\u0300", "â\u0300", 'a', 'c', 1, 0 },
	{ "Ẩ", "A\u0302\u0309", "Â\u0309", 'a', 'c', 2, 1 },
	{ "ẩ", "a\u0302\u0309", "â\u0309", 'a', 'c', 2, 0 },
	{ "Ẫ", "A\u0302\u0303", "Â\u0303", 'a', 'c', 3, 1 },
	{ "ẫ", "a\u0302\u0303", "â\u0303", 'a', 'c', 3, 0 },
	{ "Ậ", "A\u0323\u0302", "Â\u0323", 'a', 'c', 5, 1 },
	{ "ậ", "a\u0323\u0302", "â\u0323", 'a', 'c', 5, 0 },
	{ "Ă", "A\u0306", "Ă", 'a', 'b', 0, 1 },
	{ "ă", "a\u0306", "ă", 'a', 'b', 0, 0 },
	{ "Ắ", "A\u0306\u0301", "Ă\u0301", 'a', 'b', 4, 1 },
	{ "ắ", "a\u0306\u0301", "ă\u0301", 'a', 'b', 4, 0 },
	{ "Ằ", "A\u0306\u0300", "Ă\u0300", 'a', 'b', 1, 1 },
	{ "ằ", "a\u0306\u0300", "ă\u0300", 'a', 'b', 1, 0 },
	{ "Ẳ", "A\u0306\u0309", "Ă\u0309", 'a', 'b', 2, 1 },
	{ "ẳ", "a\u0306\u0309", "ă\u0309", 'a', 'b', 2, 0 },
	{ "Ẵ", "A\u0306\u0303", "Ă\u0303", 'a', 'b', 3, 1 },
	{ "ẵ", "a\u0306\u0303", "ă\u0303", 'a', 'b', 3, 0 },
	{ "Ặ", "A\u0323\u0306", "Ă\u0323", 'a', 'b', 5, 1 },
	{ "ặ", "a\u0323\u0306", "ă\u0323", 'a', 'b', 5, 0 },
	{ "Đ", "Đ", "Đ", 'd', 's', 0, 1 },
	{ "đ", "đ", "đ", 'd', 's', 0, 0 },
	{ "É", "E\u0301", "É", 'e', '-', 4, 1 },
	{ "é", "e\u0301", "é", 'e', '-', 4, 0 },
	{ "È", "E\u0300", "È", 'e', '-', 1, 1 },
	{ "è", "e\u0300", "è", 'e', '-', 1, 0 },
	{ "Ẻ", "E\u0309", "Ẻ", 'e', '-', 2, 1 },
	{ "ẻ", "e\u0309", "ẻ", 'e', '-', 2, 0 },
	{ "Ẽ", "E\u0303", "Ẽ", 'e', '-', 3, 1 },
	{ "ẽ", "e\u0303", "ẽ", 'e', '-', 3, 0 },
	{ "Ẹ", "E\u0323", "Ẹ", 'e', '-', 5, 1 },
	{ "ẹ", "e\u0323", "ẹ", 'e', '-', 5, 0 },
	{ "Ê", "E\u0302", "Ê", 'e', 'c', 0, 1 },
	{ "ê", "e\u0302", "ê", 'e', 'c', 0, 0 },
	{ "Ế", "E\u0302\u0301", "Ê\u0301", 'e', 'c', 4, 1 },
	{ "ế", "e\u0302\u0301", "ê\u0301", 'e', 'c', 4, 0 },
	{ "Ề", "E\u0302\u0300", "Ê\u0300", 'e', 'c', 1, 1 },
	{ "ề", "e\u0302\u0300", "ê\u0300", 'e', 'c', 1, 0 },
	{ "Ể", "E\u0302\u0309", "Ê\u0309", 'e', 'c', 2, 1 },
	{ "ể", "e\u0302\u0309", "ê\u0309", 'e', 'c', 2, 0 },
	{ "Ễ", "E\u0302\u0303", "Ê\u0303", 'e', 'c', 3, 1 },
	{ "ễ", "e\u0302\u0303", "ê\u0303", 'e', 'c', 3, 0 },
	{ "Ệ", "E\u0323\u0302", "Ê\u0323", 'e', 'c', 5, 1 },
	{ "ệ", "e\u0323\u0302", "ê\u0323", 'e', 'c', 5, 0 },
	{ "Í", "I\u0301", "Í", 'i', '-', 4, 1 },
	{ "í", "i\u0301", "í", 'i', '-', 4, 0 },
	{ "Ì", "I\u0300", "Ì", 'i', '-', 1, 1 },
	{ "ì", "i\u0300", "ì", 'i', '-', 1, 0 },
	{ "Ỉ", "I\u0309", "Ỉ", 'i', '-', 2, 1 },
	{ "ỉ", "i\u0309", "ỉ", 'i', '-', 2, 0 },
	{ "Ĩ", "I\u0303", "Ĩ", 'i', '-', 3, 1 },
	{ "ĩ", "i\u0303", "ĩ", 'i', '-', 3, 0 },
	{ "Ị", "I\u0323", "Ị", 'i', '-', 5, 1 },
	{ "ị", "i\u0323", "ị", 'i', '-', 5, 0 },
	{ "Ó", "O\u0301", "Ó", 'o', '-', 4, 1 },
	{ "ó", "o\u0301", "ó", 'o', '-', 4, 0 },
	{ "Ò", "O\u0300", "Ò", 'o', '-', 1, 1 },
	{ "ò", "o\u0300", "ò", 'o', '-', 1, 0 },
	{ "Ỏ", "O\u0309", "Ỏ", 'o', '-', 2, 1 },
	{ "ỏ", "o\u0309", "ỏ", 'o', '-', 2, 0 },
	{ "Õ", "O\u0303", "Õ", 'o', '-', 3, 1 },
	{ "õ", "o\u0303", "õ", 'o', '-', 3, 0 },
	{ "Ọ", "O\u0323", "Ọ", 'o', '-', 5, 1 },
	{ "ọ", "o\u0323", "ọ", 'o', '-', 5, 0 },
	{ "Ô", "O\u0302", "Ô", 'o', 'c', 0, 1 },
	{ "ô", "o\u0302", "ô", 'o', 'c', 0, 0 },
	{ "Ố", "O\u0302\u0301", "Ô\u0301", 'o', 'c', 4, 1 },
	{ "ố", "o\u0302\u0301", "ô\u0301", 'o', 'c', 4, 0 },
	{ "Ồ", "O\u0302\u0300", "Ô\u0300", 'o', 'c', 1, 1 },
	{ "ồ", "o\u0302\u0300", "ô\u0300", 'o', 'c', 1, 0 },
	{ "Ổ", "O\u0302\u0309", "Ô\u0309", 'o', 'c', 2, 1 },
	{ "ổ", "o\u0302\u0309", "ô\u0309", 'o', 'c', 2, 0 },
	{ "Ỗ", "O\u0302\u0303", "Ô\u0303", 'o', 'c', 3, 1 },
	{ "ỗ", "o\u0302\u0303", "ô\u0303", 'o', 'c', 3, 0 },
	{ "Ộ", "O\u0323\u0302", "Ô\u0323", 'o', 'c', 5, 1 },
	{ "ộ", "o\u0323\u0302", "ô\u0323", 'o', 'c', 5, 0 },
	{ "Ơ", "O\u031B", "Ơ", 'o', 'h', 0, 1 },
	{ "ơ", "o\u031B", "ơ", 'o', 'h', 0, 0 },
	{ "Ớ", "O\u031B\u0301", "Ơ\u0301", 'o', 'h', 4, 1 },
	{ "ớ", "o\u031B\u0301", "ơ\u0301", 'o', 'h', 4, 0 },
	{ "Ờ", "O\u031B\u0300", "Ơ\u0300", 'o', 'h', 1, 1 },
	{ "ờ", "o\u031B\u0300", "ơ\u0300", 'o', 'h', 1, 0 },
	{ "Ở", "O\u031B\u0309", "Ơ\u0309", 'o', 'h', 2, 1 },
	{ "ở", "o\u031B\u0309", "ơ\u0309", 'o', 'h', 2, 0 },
	{ "Ỡ", "O\u031B\u0303", "Ơ\u0303", 'o', 'h', 3, 1 },
	{ "ỡ", "o\u031B\u0303", "ơ\u0303", 'o', 'h', 3, 0 },
	{ "Ợ", "O\u031B\u0323", "Ơ\u0323", 'o', 'h', 5, 1 },
	{ "ợ", "o\u031B\u0323", "ơ\u0323", 'o', 'h', 5, 0 },
	{ "Ú", "U\u0301", "Ú", 'u', '-', 4, 1 },
	{ "ú", "u\u0301", "ú", 'u', '-', 4, 0 },
	{ "Ù", "U\u0300", "Ù", 'u', '-', 1, 1 },
	{ "ù", "u\u0300", "ù", 'u', '-', 1, 0 },
	{ "Ủ", "U\u0309", "Ủ", 'u', '-', 2, 1 },
	{ "ủ", "u\u0309", "ủ", 'u', '-', 2, 0 },
	{ "Ũ", "U\u0303", "Ũ", 'u', '-', 3, 1 },
	{ "ũ", "u\u0303", "ũ", 'u', '-', 3, 0 },
	{ "Ụ", "U\u0323", "Ụ", 'u', '-', 5, 1 },
	{ "ụ", "u\u0323", "ụ", 'u', '-', 5, 0 },
	{ "Ư", "U\u031B", "Ư", 'u', 'h', 0, 1 },
	{ "ư", "u\u031B", "ư", 'u', 'h', 0, 0 },
	{ "Ứ", "U\u031B\u0301", "Ư\u0301", 'u', 'h', 4, 1 },
	{ "ứ", "u\u031B\u0301", "ư\u0301", 'u', 'h', 4, 0 },
	{ "Ừ", "U\u031B\u0300", "Ư\u0300", 'u', 'h', 1, 1 },
	{ "ừ", "u\u031B\u0300", "ư\u0300", 'u', 'h', 1, 0 },
	{ "Ử", "U\u031B\u0309", "Ư\u0309", 'u', 'h', 2, 1 },
	{ "ử", "u\u031B\u0309", "ư\u0309", 'u', 'h', 2, 0 },
	{ "Ữ", "U\u031B\u0303", "Ư\u0303", 'u', 'h', 3, 1 },
	{ "ữ", "u\u031B\u0303", "ư\u0303", 'u', 'h', 3, 0 },
	{ "Ự", "U\u031B\u0323", "Ư\u0323", 'u', 'h', 5, 1 },
	{ "ự", "u\u031B\u0323", "ư\u0323", 'u', 'h', 5, 0 },
	{ "Ý", "Y\u0301", "Ý", 'y', '-', 4, 1 },
	{ "ý", "y\u0301", "ý", 'y', '-', 4, 0 },
	{ "Ỳ", "Y\u0300", "Ỳ", 'y', '-', 1, 1 },
	{ "ỳ", "y\u0300", "ỳ", 'y', '-', 1, 0 },
	{ "Ỷ", "Y\u0309", "Ỷ", 'y', '-', 2, 1 },
	{ "ỷ", "y\u0309", "ỷ", 'y', '-', 2, 0 },
	{ "Ỹ", "Y\u0303", "Ỹ", 'y', '-', 3, 1 },
	{ "ỹ", "y\u0303", "ỹ", 'y', '-', 3, 0 },
	{ "Ỵ", "Y\u0323", "Ỵ", 'y', '-', 5, 1 },
	{ "ỵ", "y\u0323", "ỵ", 'y', '-', 5, 0 },
};
#define NLETTERS (sizeof letters / sizeof letters[0])

static char *nfc(const char *s, size_t n, int *ret)
{
	struct buf b = BUF_INIT;
	*ret = vn_nfc(&b, s, n);
	return buf_steal(&b);
}

static void check(const char *in, const char *want, const char *what)
{
	int ret;
	char *got = nfc(in, strlen(in), &ret);
	if (ret != 0)
		diag("vn_nfc returned %d", ret);
	is_str(got, want, "%s", what);
	free(got);
}

static void test_letters(void)
{
	int bad_nfc = 0, bad_nfd = 0, bad_tohop = 0;

	is_int(NLETTERS, 134, "the table has all 134 letters");
	for (size_t i = 0; i < NLETTERS; i++) {
		int ret;
		char *a = nfc(letters[i].nfc, strlen(letters[i].nfc), &ret);
		char *b = nfc(letters[i].nfd, strlen(letters[i].nfd), &ret);
		char *c = nfc(letters[i].tohop, strlen(letters[i].tohop), &ret);
		if (strcmp(a, letters[i].nfc) != 0) {
			diag("NFC %s changed to %s", letters[i].nfc, a);
			bad_nfc++;
		}
		if (strcmp(b, letters[i].nfc) != 0) {
			diag("NFD of %s gave %s", letters[i].nfc, b);
			bad_nfd++;
		}
		if (strcmp(c, letters[i].nfc) != 0) {
			diag("tổ hợp of %s gave %s", letters[i].nfc, c);
			bad_tohop++;
		}
		free(a);
		free(b);
		free(c);
	}
	is_int(bad_nfc, 0, "NFC letters stay as they are");
	is_int(bad_nfd, 0, "NFD letters compose to their NFC form");
	is_int(bad_tohop, 0, "tổ hợp letters (â ă ê ô ơ ư + tone) compose to NFC");
}

static void test_text(void)
{
	check("", "", "empty");
	check("Nguyen Van An, 12 Ly Thuong Kiet", "Nguyen Van An, 12 Ly Thuong Kiet", "ASCII unchanged");
	check("Nguyễn Thị Thúy", "Nguyễn Thị Thúy", "NFC unchanged");
	check("Nguye\u0302\u0303n Thi\u0323 Thu\u0301y", "Nguyễn Thị Thúy", "NFD name");
	check("Nguyê\u0303n Thị Thúy", "Nguyễn Thị Thúy", "tổ hợp name");
	check("Nguye\u0302\u0303n Thị Thu\u0301y Trâ\u0300n", "Nguyễn Thị Thúy Trần", "NFD, NFC and tổ hợp in one string");
	check("a\u0302\u0323", "ậ", "marks out of canonical order: a + circumflex + dot below");
	check("a\u0323\u0302", "ậ", "canonical order: a + dot below + circumflex");
	check("o\u0323\u031B", "ợ", "o + dot below + horn");
	check("ơ\u0323", "ợ", "ơ + dot below");
	check("ọ\u031B", "ợ", "ọ + horn");
	check("e\u0340", "è", "U+0340 is grave (a singleton)");
	check("\u212B", "Å", "ANGSTROM SIGN is Å");
	check("\u0301a", "\u0301a", "a mark at the start has nothing to join");
	check("x\u0301", "x\u0301", "no precomposed x with acute: the mark stays");
	check("\u1100\u1161", "\uAC00", "Hangul jamo compose");
	check("Tiếng Việt có dấu — 越南語", "Tiếng Việt có dấu — 越南語", "punctuation and CJK untouched");
	check("Ｎｇｕｙｅｎ", "Ｎｇｕｙｅｎ", "NFC keeps compatibility characters (fullwidth)");
}

static void test_invalid(void)
{
	static const struct {
		const char *s;
		size_t n;
	} bad[] = {
		{ "Nguy\xC3", 5 },
		{ "\xC0\x80", 2 },
		{ "\xED\xA0\x80", 3 },
		{ "Nguye\xE3n", 7 },
		{ "\xFF", 1 },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct buf b = BUF_INIT;
		buf_adds(&b, "keep");
		int ret = vn_nfc(&b, bad[i].s, bad[i].n);
		ok(ret == -1 && strcmp(buf_str(&b), "keep") == 0, "invalid UTF-8 #%zu: -1, out unchanged", i);
		buf_free(&b);
	}
	struct buf b = BUF_INIT;
	buf_adds(&b, "Họ tên: ");
	ok(vn_nfc(&b, "Nguye\u0302\u0303n", sizeof "Nguye\u0302\u0303n" - 1) == 0 &&
	   strcmp(buf_str(&b), "Họ tên: Nguyễn") == 0, "appends to what out holds");
	buf_free(&b);
	b = (struct buf)BUF_INIT;
	ok(vn_nfc(&b, "a\0b", 3) == 0 && b.len == 3 && memcmp(b.p, "a\0b", 3) == 0, "an embedded NUL is kept");
	buf_free(&b);
}

/* vn_nfc copies text without normalizing when it can prove it is NFC already.  Check that proof
 * against libunistring for every code point it trusts, alone and next to letters and marks. */
static void test_fast_path(void)
{
	long bad = 0, checked = 0;

	for (uint32_t cp = 1; cp < 0x1F000; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		char u[8];
		size_t k;
		uint32_t c = cp;
		/* encode by hand to keep this test independent of utf8.c */
		if (c < 0x80) { u[0] = (char)c; k = 1; }
		else if (c < 0x800) { u[0] = (char)(0xC0 | c >> 6); u[1] = (char)(0x80 | (c & 0x3F)); k = 2; }
		else if (c < 0x10000) { u[0] = (char)(0xE0 | c >> 12); u[1] = (char)(0x80 | (c >> 6 & 0x3F)); u[2] = (char)(0x80 | (c & 0x3F)); k = 3; }
		else { u[0] = (char)(0xF0 | c >> 18); u[1] = (char)(0x80 | (c >> 12 & 0x3F)); u[2] = (char)(0x80 | (c >> 6 & 0x3F)); u[3] = (char)(0x80 | (c & 0x3F)); k = 4; }
		const char *ctx[] = { "", "a", "\xC3\xA2" /* â */, "\xE1\xBB\x85" /* ễ */ };
		for (size_t x = 0; x < sizeof ctx / sizeof ctx[0]; x++) {
			char s[16];
			size_t n = strlen(ctx[x]);
			memcpy(s, ctx[x], n);
			memcpy(s + n, u, k);
			n += k;
			size_t rlen = 0;
			uint8_t *r = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, NULL, &rlen);
			struct buf b = BUF_INIT;
			int ret = vn_nfc(&b, s, n);
			if (ret != 0 || !r || b.len != rlen || memcmp(b.p, r, rlen) != 0)
				bad++;
			checked++;
			free(r);
			buf_free(&b);
		}
	}
	ok(bad == 0, "vn_nfc agrees with u8_normalize on %ld one-character strings in context (%ld differ)", checked, bad);
}

int main(void)
{
	test_letters();
	test_text();
	test_invalid();
	test_fast_path();
	return done_testing();
}
