/* Unit tests for src/text/utf8: strict decoding, validation offsets, encoding, the ASCII test. */
#include "tap.h"

#include "text/utf8.h"

#include <stdbool.h>

/* An independent statement of the rules, bit by bit, to check the decoder against every short
 * byte sequence: length from the lead byte, 10xxxxxx continuations, then the shortest form, no
 * surrogates, nothing above U+10FFFF. */
static int ref_decode(const unsigned char *p, size_t n, uint32_t *cp)
{
	static const uint32_t min_for_len[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	int len;
	uint32_t c;

	if (n == 0)
		return -1;
	if ((p[0] & 0x80) == 0x00) { len = 1; c = p[0]; }
	else if ((p[0] & 0xE0) == 0xC0) { len = 2; c = p[0] & 0x1F; }
	else if ((p[0] & 0xF0) == 0xE0) { len = 3; c = p[0] & 0x0F; }
	else if ((p[0] & 0xF8) == 0xF0) { len = 4; c = p[0] & 0x07; }
	else return -1;
	if ((size_t)len > n)
		return -1;
	for (int i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (p[i] & 0x3F);
	}
	if (c < min_for_len[len] || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		return -1;
	*cp = c;
	return len;
}

static void test_decode_table(void)
{
	static const struct {
		const char *s;
		size_t n;
		int len;
		uint32_t cp;
		const char *what;
	} t[] = {
		{ "A", 1, 1, 0x41, "ASCII" },
		{ "\0", 1, 1, 0, "NUL is a character" },
		{ "\x7F", 1, 1, 0x7F, "DEL, last one-byte" },
		{ "\xC2\x80", 2, 2, 0x80, "first two-byte" },
		{ "\xC3\xA1", 2, 2, 0xE1, "á" },
		{ "\xDF\xBF", 2, 2, 0x7FF, "last two-byte" },
		{ "\xE0\xA0\x80", 3, 3, 0x800, "first three-byte" },
		{ "\xE1\xBB\x85", 3, 3, 0x1EC5, "ễ" },
		{ "\xED\x9F\xBF", 3, 3, 0xD7FF, "just below the surrogates" },
		{ "\xEE\x80\x80", 3, 3, 0xE000, "just above the surrogates" },
		{ "\xEF\xBF\xBF", 3, 3, 0xFFFF, "last three-byte" },
		{ "\xF0\x90\x80\x80", 4, 4, 0x10000, "first four-byte" },
		{ "\xF4\x8F\xBF\xBF", 4, 4, 0x10FFFF, "last code point" },
		{ "\xC3\xA1xyz", 5, 2, 0xE1, "only the first character is decoded" },
		{ "", 0, -1, 0, "nothing to decode" },
		{ "\x80", 1, -1, 0, "lone continuation byte" },
		{ "\xBF", 1, -1, 0, "lone continuation byte BF" },
		{ "\xC0\x80", 2, -1, 0, "overlong NUL (C0 80)" },
		{ "\xC1\xBF", 2, -1, 0, "overlong (C1)" },
		{ "\xE0\x80\x80", 3, -1, 0, "overlong three-byte (E0 80)" },
		{ "\xE0\x9F\xBF", 3, -1, 0, "overlong three-byte (E0 9F)" },
		{ "\xF0\x80\x80\x80", 4, -1, 0, "overlong four-byte (F0 80)" },
		{ "\xF0\x8F\xBF\xBF", 4, -1, 0, "overlong four-byte (F0 8F)" },
		{ "\xED\xA0\x80", 3, -1, 0, "surrogate D800" },
		{ "\xED\xBF\xBF", 3, -1, 0, "surrogate DFFF" },
		{ "\xF4\x90\x80\x80", 4, -1, 0, "U+110000" },
		{ "\xF5\x80\x80\x80", 4, -1, 0, "F5 lead" },
		{ "\xF8\x88\x80\x80\x80", 5, -1, 0, "five-byte form" },
		{ "\xFE", 1, -1, 0, "FE" },
		{ "\xFF", 1, -1, 0, "FF" },
		{ "\xE1\xBB", 2, -1, 0, "truncated at the end" },
		{ "\xE1\xBB\x85", 2, -1, 0, "complete bytes, but n cuts it" },
		{ "\xE1\x41\x85", 3, -1, 0, "ASCII where a continuation should be" },
		{ "\xF0\x90\x80", 3, -1, 0, "truncated four-byte" },
		{ "\xC3\xC3", 2, -1, 0, "two leads" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		uint32_t cp = 0xDEAD;
		int len = utf8_decode(t[i].s, t[i].n, &cp);
		if (t[i].len < 0)
			is_int(len, -1, "decode rejects: %s", t[i].what);
		else
			ok(len == t[i].len && cp == t[i].cp, "decode %s: len %d U+%04X", t[i].what, len, (unsigned)cp);
	}
}

/* Every one-, two- and three-byte sequence, and all four-byte sequences with F0/F4/F5 leads
 * over a spread of continuation values, against the reference. */
static void test_decode_exhaustive(void)
{
	unsigned char p[4];
	long mismatches = 0, checked = 0;

	for (unsigned a = 0; a < 256; a++) {
		for (unsigned b = 0; b < 256; b++) {
			for (unsigned c = 0; c < 256; c++) {
				p[0] = (unsigned char)a;
				p[1] = (unsigned char)b;
				p[2] = (unsigned char)c;
				for (size_t n = 1; n <= 3; n++) {
					uint32_t c1 = 0, c2 = 0;
					int l1 = utf8_decode((const char *)p, n, &c1);
					int l2 = ref_decode(p, n, &c2);
					if (l1 != l2 || (l1 > 0 && c1 != c2))
						mismatches++;
					checked++;
				}
			}
		}
	}
	static const unsigned char leads[] = { 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7 };
	for (size_t k = 0; k < sizeof leads; k++) {
		for (unsigned b = 0x70; b < 0xD0; b++) {
			for (unsigned c = 0x70; c < 0xD0; c += 7) {
				for (unsigned d = 0x70; d < 0xD0; d += 5) {
					uint32_t c1 = 0, c2 = 0;
					p[0] = leads[k];
					p[1] = (unsigned char)b;
					p[2] = (unsigned char)c;
					p[3] = (unsigned char)d;
					int l1 = utf8_decode((const char *)p, 4, &c1);
					int l2 = ref_decode(p, 4, &c2);
					if (l1 != l2 || (l1 > 0 && c1 != c2))
						mismatches++;
					checked++;
				}
			}
		}
	}
	ok(mismatches == 0, "decode agrees with the reference on %ld sequences (%ld differ)", checked, mismatches);
}

static void test_encode(void)
{
	long bad = 0;
	char out[4];

	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		size_t n = utf8_encode(cp, out);
		uint32_t back;
		size_t want = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
		if (n != want || utf8_decode(out, n, &back) != (int)n || back != cp)
			bad++;
	}
	is_int(bad, 0, "every scalar value encodes to its shortest form and decodes back");

	static const uint32_t invalid[] = { 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0x110000, 0xFFFFFFFF };
	for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++) {
		size_t n = utf8_encode(invalid[i], out);
		ok(n == 3 && memcmp(out, "\xEF\xBF\xBD", 3) == 0, "U+%04X is not encodable: U+FFFD written", (unsigned)invalid[i]);
	}
	size_t n = utf8_encode(0x1EC5, out);
	ok(n == 3 && memcmp(out, "ễ", 3) == 0, "ễ encodes to E1 BB 85");
}

static void test_validate(void)
{
	static const struct {
		const char *s;
		size_t n;
		int ret;
		size_t bad;
		const char *what;
	} t[] = {
		{ "", 0, 0, 0, "empty" },
		{ "Nguyen Van An", 13, 0, 0, "ASCII" },
		{ "Nguyễn Thị Thúy", sizeof "Nguyễn Thị Thúy" - 1, 0, 0, "Vietnamese NFC" },
		{ "Nguye\xCC\x82\xCC\x83n", 9, 0, 0, "Vietnamese NFD" },
		{ "\xF0\x9F\x98\x80 \xE4\xB8\xAD", 8, 0, 0, "emoji and CJK" },
		{ "a\0b", 3, 0, 0, "an embedded NUL is valid" },
		{ "\x80", 1, -1, 0, "continuation byte first" },
		{ "ab\xC0\x80", 4, -1, 2, "overlong NUL after two letters" },
		{ "Nguy\xE1\xBB", 6, -1, 4, "truncated at the end: offset of the lead byte" },
		{ "Nguy\xE1\xBBn", 7, -1, 4, "truncated in the middle" },
		{ "\xED\xA0\x80\xED\xB0\x80", 6, -1, 0, "a CESU-8 surrogate pair" },
		{ "abc\xF4\x90\x80\x80", 7, -1, 3, "above U+10FFFF" },
		{ "\xC3\xA1\xE0\x9F\xBF", 5, -1, 2, "overlong after á" },
		{ "0123456789abcdefg\xFF", 18, -1, 17, "bad byte after a long ASCII run" },
		{ "0123456789abcdef\xC3\xA1" "0123456789\xC3", 29, -1, 28, "lead byte cut off at the end" },
		{ "Latin-1 caf\xE9", 12, -1, 11, "Latin-1 é" },
		{ "CP1252 \x93quoted\x94", 15, -1, 7, "CP1252 quotes" },
		{ "VNI Nguye\xE3n", 11, -1, 9, "VNI bytes" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		size_t bad = 9999;
		int ret = utf8_validate(t[i].s, t[i].n, &bad);
		if (t[i].ret == 0)
			is_int(ret, 0, "valid: %s", t[i].what);
		else
			ok(ret == -1 && bad == t[i].bad, "invalid at %zu: %s (got %d, %zu)", t[i].bad, t[i].what, ret, bad);
	}
	is_int(utf8_validate("x\xC0", 2, NULL), -1, "bad may be NULL");

	/* The bad offset is the same wherever the bad byte lands in the 8-byte blocks. */
	char buf[40];
	int good = 1;
	for (size_t at = 0; at < 32; at++) {
		memset(buf, 'a', sizeof buf);
		buf[at] = (char)0xC1;
		size_t bad = 0;
		if (utf8_validate(buf, sizeof buf, &bad) != -1 || bad != at)
			good = 0;
		/* A valid two-byte letter at the same place keeps the whole buffer valid. */
		buf[at] = (char)0xC3;
		buf[at + 1] = (char)0xA1;
		if (utf8_validate(buf, sizeof buf, NULL) != 0)
			good = 0;
	}
	ok(good, "bad offsets and valid letters at every position of the ASCII fast path");
}

static void test_is_ascii(void)
{
	ok(utf8_is_ascii("", 0), "empty is ASCII");
	ok(utf8_is_ascii("Nguyen Van An, 12 Ly Thuong Kiet", 32), "plain text is ASCII");
	ok(utf8_is_ascii("\x7F\x01\x1B", 3), "controls and DEL are ASCII");
	ok(!utf8_is_ascii("Nguyễn", sizeof "Nguyễn" - 1), "Nguyễn is not");
	ok(utf8_is_ascii("abc\xC3", 3), "only the n bytes given are looked at");
	char buf[24];
	int good = 1;
	for (size_t at = 0; at < sizeof buf; at++) {
		memset(buf, 'x', sizeof buf);
		buf[at] = (char)0x80;
		if (utf8_is_ascii(buf, sizeof buf) || !utf8_is_ascii(buf, at))
			good = 0;
	}
	ok(good, "a high byte is found at every offset, and not before it");
}

int main(void)
{
	test_decode_table();
	test_decode_exhaustive();
	test_encode();
	test_validate();
	test_is_ascii();
	{
		struct utf8_span w[3];
		const char *line = " bind\tlist  C-a new # x";
		size_t n = utf8_split_words(line, strlen(line), w, 3);
		is_int((int)n, 6, "split: every word is counted, beyond the room given");
		ok(w[0].n == 4 && !memcmp(w[0].s, "bind", 4) && w[2].n == 3 && !memcmp(w[2].s, "C-a", 3),
		   "split: spaces and tabs separate, the first three kept");
		is_int((int)utf8_split_words(" \t ", 3, w, 3), 0, "split: blanks only: no word");
	}
	return done_testing();
}
