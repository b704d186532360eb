/* Unit tests for src/text/norm: NFC from NFC, NFD, "Unicode tổ hợp" and mixed input. */
#include "tap.h"

#include "text/norm.h"
#include "util/buf.h"

#include <stdlib.h>
#include <uninorm.h>

#include "letters.h"


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
