/* Unit tests for src/text/sanitize: escapes, controls and invisible characters from hostile input. */
#include "tap.h"

#include "text/norm.h"
#include "text/sanitize.h"
#include "text/utf8.h"
#include "util/buf.h"
#include "util/rng.h"

#include <stdlib.h>

#define COUNT(a) (sizeof (a) / sizeof (a)[0])
#define L1 SAN_ONELINE
#define SQ SAN_SQUEEZE

static const struct {
	const char *in;
	unsigned flags;
	const char *want;
	size_t removed;
	const char *what;
} cases[] = {
	{ "", 0, "", 0, "empty" },
	{ "Nguyễn Văn An", 0, "Nguyễn Văn An", 0, "clean text unchanged" },
	{ "Nguye\u0302\u0303n — 北京 😀 Ωμέγα", 0, "Nguye\u0302\u0303n — 北京 😀 Ωμέγα", 0, "marks, CJK, emoji, Greek kept" },
	{ "Nguyễn\x1b[2J\x1b]0;pwned\x07 An", 0, "Nguyễn An", 14, "clear screen and window title" },
	{ "\x1b[1;31mred\x1b[0m", 0, "red", 11, "SGR colours" },
	{ "a\x1b[?1049hb", 0, "ab", 8, "private-mode CSI" },
	{ "a\x1b[>0;1 qb", 0, "ab", 8, "CSI with an intermediate byte" },
	{ "\xc2\x9b" "31mX", 0, "X", 4, "8-bit CSI U+009B with its parameters" },
	{ "\xc2\x9d" "0;t\xc2\x9cX", 0, "X", 5, "8-bit OSC to 8-bit ST" },
	{ "\xc2\x90q#\xc2\x9cX", 0, "X", 4, "8-bit DCS to 8-bit ST" },
	{ "a\xc2\x85" "b\xc2\x80" "c\xc2\x9f", 0, "abc", 3, "C1 controls (NEL, PAD, APC at the end)" },
	{ "\x1b]8;;http://evil/\x1b\\link\x1b]8;;\x1b\\", 0, "link", 26, "OSC 8 hyperlink with ESC \\ terminators" },
	{ "A\x1b]0;title", 0, "A", 9, "unterminated OSC runs to the end" },
	{ "A\x1b]0;a\x1b]0;b\x07Z", 0, "AZ", 11, "nested OSC: the inner ESC starts a new one" },
	{ "A\x1b]0;a\x1b[31mZ", 0, "AZ", 10, "OSC cut off by a CSI" },
	{ "A\x1b]0;x\x18Z", 0, "AZ", 6, "CAN aborts an OSC" },
	{ "A\x1bPq#0;2\x07still\x1b\\Z", 0, "AZ", 15, "DCS ends at ST, not at BEL" },
	{ "A\x1b_apc\x1b\\Z", 0, "AZ", 7, "APC string" },
	{ "A\x1b^pm\x1b\\Z", 0, "AZ", 6, "PM string" },
	{ "A\x1bXsos\x1b\\Z", 0, "AZ", 7, "SOS string" },
	{ "A\x1b(BZ", 0, "AZ", 3, "charset designation ESC ( B" },
	{ "A\x1b" "7\x1b" "8\x1b" "cZ", 0, "AZ", 6, "two-byte escapes ESC 7, ESC 8, ESC c" },
	{ "Nguyễn\x1b", 0, "Nguyễn", 1, "lone ESC at the end" },
	{ "A\x1b\x1b[0mZ", 0, "AZ", 5, "ESC ESC [" },
	{ "A\x1bé", 0, "Aé", 1, "ESC before a non-ASCII letter: only ESC goes" },
	{ "A\x1b[31\nZ", 0, "A\nZ", 4, "a CSI broken by a newline: the newline stays" },
	{ "A\x1b[", 0, "A", 2, "CSI cut off at the end" },
	{ "a\tb\nc", 0, "a\tb\nc", 0, "tab and newline kept" },
	{ "a\tb\nc", L1, "a b c", 0, "SAN_ONELINE: tab and newline become spaces" },
	{ "a\r\nb", 0, "a\nb", 0, "CR LF is a newline" },
	{ "a\rb", 0, "a\nb", 0, "a lone CR is a newline" },
	{ "a\r\nb\rc", L1, "a b c", 0, "CR LF and CR on one line" },
	{ "a\x01\x02\x7f\x08z", 0, "az", 4, "C0 and DEL" },
	{ "a\x0b\x0cz", 0, "az", 2, "VT and FF are removed, not kept as space" },
	{ "abc\u202Edef\u202C", 0, "abcdef", 2, "RLO override" },
	{ "\u2066x\u2069\u200E\u200F\u061C", 0, "x", 5, "isolates and bidi marks" },
	{ "\ufeffNguyễn\u200b\u200c\u200dAn\u2060", 0, "NguyễnAn", 5, "BOM, zero-width space, joiners, word joiner" },
	{ "Ng\u00adu\u2063y\U000E0041en", 0, "Nguyen", 3, "soft hyphen, invisible separator, tag letter" },
	{ "  a  \t b  ", SQ, "a b", 0, "SAN_SQUEEZE trims and collapses" },
	{ "a \n\n b\t", SQ, "a\nb", 0, "SAN_SQUEEZE keeps one line break" },
	{ "a \n\n b\t", SQ | L1, "a b", 0, "SAN_SQUEEZE with SAN_ONELINE" },
	{ "a\u00a0\u3000b", SQ, "a b", 0, "no-break and ideographic space squeezed" },
	{ "a\u00a0b", 0, "a\u00a0b", 0, "a no-break space left alone without SAN_SQUEEZE" },
	{ "a \x1b[0m b", SQ, "a b", 4, "spaces around a removed escape collapse" },
	{ "\x1b[0m  Trần  \x1b[0m", SQ, "Trần", 8, "trimmed after removal" },
	{ "a\u2028b\u2029c", 0, "a\nb\nc", 0, "line and paragraph separators are newlines" },
	{ "a\u2028b", L1, "a b", 0, "and spaces on one line" },
};

static void test_cases(void)
{
	for (size_t i = 0; i < COUNT(cases); i++) {
		struct buf b = BUF_INIT;
		size_t removed = vn_sanitize(&b, cases[i].in, strlen(cases[i].in), cases[i].flags);
		int good = strcmp(buf_str(&b), cases[i].want) == 0 && removed == cases[i].removed;
		if (!ok(good, "%s", cases[i].what))
			diag("got '%s' removed %zu, expected '%s' removed %zu", buf_str(&b), removed, cases[i].want,
			     cases[i].removed);
		buf_free(&b);
	}

	struct buf b = BUF_INIT;
	size_t r = vn_sanitize(&b, "a\0b\0", 4, 0);
	ok(r == 2 && b.len == 2 && strcmp(buf_str(&b), "ab") == 0, "NUL bytes inside the length are removed");
	buf_reset(&b);
	r = vn_sanitize(&b, "a\xff" "b\xc3", 4, 0);
	ok(r == 2 && strcmp(buf_str(&b), "ab") == 0, "bytes that are not UTF-8 are dropped and counted");
	buf_reset(&b);
	r = vn_sanitize(&b, "a\x9b" "31mb", 6, 0);
	ok(r == 4 && strcmp(buf_str(&b), "ab") == 0, "a bare 9B byte is treated as CSI too");
	buf_reset(&b);
	buf_adds(&b, "> ");
	vn_sanitize(&b, "x\x1b[0m", 5, 0);
	is_str(buf_str(&b), "> x", "appends to what out holds");
	buf_free(&b);
}

static int is_clean(const struct buf *b, unsigned flags)
{
	const unsigned char *p = (const unsigned char *)buf_str(b);

	if (utf8_validate((const char *)p, b->len, NULL) != 0)
		return 0;
	for (size_t i = 0; i < b->len; i++) {
		if (p[i] == '\t' || p[i] == '\n') {
			if (flags & SAN_ONELINE)
				return 0;
			continue;
		}
		if (p[i] < 0x20 || p[i] == 0x7F)
			return 0;
		if (p[i] == 0xC2 && i + 1 < b->len && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F)
			return 0;
		/* U+202A..U+202E, U+2066..U+2069, U+200B..U+200F, U+FEFF */
		if (p[i] == 0xE2 && i + 2 < b->len && p[i + 1] == 0x80 && p[i + 2] >= 0x8B && p[i + 2] <= 0x8F)
			return 0;
		if (p[i] == 0xE2 && i + 2 < b->len && p[i + 1] == 0x80 && p[i + 2] >= 0xAA && p[i + 2] <= 0xAE)
			return 0;
		if (p[i] == 0xE2 && i + 2 < b->len && p[i + 1] == 0x81 && p[i + 2] >= 0xA6 && p[i + 2] <= 0xA9)
			return 0;
		if (p[i] == 0xEF && i + 2 < b->len && p[i + 1] == 0xBB && p[i + 2] == 0xBF)
			return 0;
	}
	if ((flags & SAN_SQUEEZE) && b->len &&
	    (p[0] == ' ' || p[b->len - 1] == ' ' || strstr((const char *)p, "  ") != NULL))
		return 0;
	return 1;
}

/* Random byte soup built from escape pieces, controls, invisible characters and text: whatever
 * comes in, nothing dangerous comes out, and the count never exceeds the input. */
static void test_fuzz(void)
{
	static const char *const pieces[] = {
		"\x1b", "[", "]", "P", "_", "\\", "\x07", "\x18", "0", ";", "31", "m", "?", "h", " ", "  ", "\t", "\n",
		"\r", "\x01", "\x7f", "\xc2\x9b", "\xc2\x9c", "\xc2\x9d", "\xc2\x90", "\xc2\x85", "\xe2\x80\xae",
		"\xe2\x81\xa6", "\xef\xbb\xbf", "\xe2\x80\x8b", "Nguyễn", "a", "\u0301", "北", "\xff", "\xc3",
		"\xe2\x80", "(", "B", "\u00a0",
	};
	struct rng r;
	int bad = 0;

	rng_seed(&r, 7);
	for (int t = 0; t < 20000; t++) {
		struct buf in = BUF_INIT, out = BUF_INIT;
		int len = (int)rng_below(&r, 16);
		for (int j = 0; j < len; j++)
			buf_adds(&in, pieces[rng_below(&r, COUNT(pieces))]);
		unsigned flags = (unsigned)t & 3;
		size_t removed = vn_sanitize(&out, buf_str(&in), in.len, flags);
		/* characters, counting each byte that is not valid UTF-8 as one */
		size_t chars = 0;
		for (size_t i = 0; i < in.len; chars++) {
			uint32_t cp;
			int k = utf8_decode(in.p + i, in.len - i, &cp);
			i += k > 0 ? (size_t)k : 1;
		}
		if (!is_clean(&out, flags) || removed > chars || out.len > in.len) {
			if (bad < 3)
				diag("fuzz case %d (flags %u) gave '%s'", t, flags, buf_str(&out));
			bad++;
		}
		/* Sanitizing what came out again changes nothing and removes nothing. */
		struct buf again = BUF_INIT;
		size_t r2 = vn_sanitize(&again, buf_str(&out), out.len, flags);
		if (r2 != 0 || strcmp(buf_str(&again), buf_str(&out)) != 0) {
			if (bad < 3)
				diag("fuzz case %d not stable: '%s' -> '%s'", t, buf_str(&out), buf_str(&again));
			bad++;
		}
		buf_free(&in);
		buf_free(&out);
		buf_free(&again);
	}
	is_int(bad, 0, "20000 random hostile inputs: clean, valid UTF-8, stable output");
}

/* vn_is_clean is the import's shortcut: whenever it says true, the full cleaning (sanitize,
 * squeeze, NFC) must give back the same bytes. */
static void test_is_clean(void)
{
	static const struct {
		const char *s;
		bool clean;
	} clean_cases[] = {
		{ "", true },
		{ "Nguyễn Văn An", true },
		{ "Thôn Đông, xã Yên Lâm", true },
		{ "ĐẶNG THỊ ỨNG", true },
		{ " Nguyễn", false },		/* leading space */
		{ "Nguyễn ", false },		/* trailing space */
		{ "Nguyễn  An", false },		/* two spaces */
		{ "An\tBình", false },		/* tab */
		{ "An\x1b[2J", false },		/* escape */
		{ "Nguye\xcc\x82\xcc\x83n", false },	/* NFD */
		{ "\xc2\x9b" "31m", false },		/* C1 CSI */
		{ "a\xe2\x80\x8b" "b", false },		/* zero-width space */
		{ "Nguy\xe1\xbb", false },		/* truncated UTF-8 */
		{ "Ça", false },			/* not Vietnamese: the careful path */
	};
	for (size_t i = 0; i < sizeof clean_cases / sizeof clean_cases[0]; i++)
		is_int(vn_is_clean(clean_cases[i].s, strlen(clean_cases[i].s)), clean_cases[i].clean,
		       "vn_is_clean case %zu", i);
	/* Random strings from a small alphabet: clean ones survive the full cleaning unchanged. */
	static const char *const bits[] = { "a", "Ư", "ễ", " ", "  ", "\t", "\xcc\x81", "Đ", "z", "\x1b" };
	struct rng r;
	rng_seed(&r, 99);
	int bad = 0, clean = 0;
	for (int t = 0; t < 5000; t++) {
		struct buf in = BUF_INIT, a = BUF_INIT, b = BUF_INIT;
		int len = (int)rng_below(&r, 8);
		for (int k = 0; k < len; k++)
			buf_adds(&in, bits[rng_below(&r, 10)]);
		if (vn_is_clean(buf_str(&in), in.len)) {
			clean++;
			vn_sanitize(&a, buf_str(&in), in.len, SAN_ONELINE | SAN_SQUEEZE);
			vn_nfc(&b, buf_str(&a), a.len);
			if (strcmp(buf_str(&b), buf_str(&in)) != 0)
				bad++;
		}
		buf_free(&in);
		buf_free(&a);
		buf_free(&b);
	}
	ok(clean > 100, "the random sample has clean strings (%d)", clean);
	is_int(bad, 0, "every string called clean comes out of the full cleaning unchanged");
}

int main(void)
{
	test_cases();
	test_fuzz();
	test_is_clean();
	return done_testing();
}
