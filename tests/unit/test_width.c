/* Unit tests for src/text/width: terminal columns and fitting text into them. */
#include "tap.h"

#include "text/width.h"

#include "letters.h"

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

static void test_width(void)
{
	static const struct {
		const char *s;
		int cols;
		const char *what;
	} t[] = {
		{ "", 0, "empty" },
		{ "Nguyen Van An", 13, "ASCII" },
		{ "Nguyễn Thị Thúy", 15, "NFC Vietnamese" },
		{ "Nguye\u0302\u0303n Thi\u0323 Thu\u0301y", 15, "NFD Vietnamese: marks take no column" },
		{ "Nguyê\u0303n", 6, "tổ hợp" },
		{ "北京", 4, "CJK is two columns each" },
		{ "越南 Việt Nam", 13, "CJK and Vietnamese" },
		{ "ｎｇｕｙｅｎ", 12, "fullwidth Latin" },
		{ "가", 2, "a Hangul syllable" },
		{ "\u1100\u1161", 2, "Hangul jamo: the vowel takes no column" },
		{ "a\tb\nc", 3, "tab and newline are controls: 0" },
		{ "\x1b[31m", 4, "ESC is 0, the rest of a sequence is text" },
		{ "\x7f\x01", 0, "DEL and C0" },
		{ "\xc2\x85\xc2\x9b", 0, "C1 controls" },
		{ "a\u200bb", 2, "zero-width space" },
		{ "·«»±×÷", 6, "Latin-1 punctuation" },
		{ "Ωμέγα Ёлка", 10, "Greek and Cyrillic" },
		{ "\u0301", 0, "a lone mark" },
		{ "e\u0301\u0323\u0302", 1, "stacked marks" },
	};
	for (size_t i = 0; i < COUNT(t); i++)
		is_int(vn_width(t[i].s, strlen(t[i].s)), t[i].cols, "width of %s", t[i].what);
	is_int(vn_width("Nguyễn", 3), 3, "only n bytes are measured");
	is_int(vn_width("ab\xff" "c", 4), 4, "an invalid byte counts as one column");
	is_int(vn_width("a\0b", 3), 2, "NUL takes no column");

	int bad = 0;
	for (size_t i = 0; i < NLETTERS; i++) {
		const char *forms[3] = { letters[i].nfc, letters[i].nfd, letters[i].tohop };
		for (int f = 0; f < 3; f++)
			bad += vn_width(forms[f], strlen(forms[f])) != 1;
	}
	is_int(bad, 0, "each of the 134 letters is one column in NFC, NFD and tổ hợp");
}

static void check_fit(const char *s, int cols, size_t want, const char *what)
{
	is_int(vn_fit(s, strlen(s), cols), want, "fit %d: %s", cols, what);
}

static void test_fit(void)
{
	const char *nfd = "Nguye\u0302\u0303n";	/* e + 2 marks = 5 bytes */

	check_fit("Nguyen", 3, 3, "ASCII");
	check_fit("Nguyen", 6, 6, "exactly");
	check_fit("Nguyen", 100, 6, "plenty of room");
	check_fit("Nguyen", 0, 0, "no room");
	check_fit("Nguyen", -5, 0, "negative room");
	check_fit("", 5, 0, "empty");
	check_fit("Nguyễn", 5, strlen("Nguyễ"), "NFC: whole letters");
	check_fit(nfd, 4, 4, "NFD: stops before e");
	check_fit(nfd, 5, 4 + 5, "NFD: e comes with both its marks");
	check_fit(nfd, 6, strlen(nfd), "NFD whole");
	check_fit("Nguyê\u0303n", 5, strlen("Nguyê\u0303"), "tổ hợp: ê with its tone");
	check_fit("北京", 3, 3, "a wide character that does not fit is left out");
	check_fit("北京", 1, 0, "not even one");
	check_fit("北京", 4, 6, "both");
	check_fit("a北", 2, 1, "half a wide character is no character");
	check_fit("\u0301abc", 0, 2, "a leading mark takes no room");
	check_fit("ab\x1b[0m", 2, 3, "a control after a letter goes with it");
	check_fit("e\u0301\u0323\u0302x", 1, strlen("e\u0301\u0323\u0302"), "three marks stay with their letter");

	/* Never splits a base from its marks, for every letter in NFD, at every width. */
	int bad = 0;
	for (size_t i = 0; i < NLETTERS; i++) {
		char s[32];
		snprintf(s, sizeof s, "x%sy", letters[i].nfd);
		size_t len = strlen(letters[i].nfd);
		if (vn_fit(s, strlen(s), 1) != 1 || vn_fit(s, strlen(s), 2) != 1 + len ||
		    vn_fit(s, strlen(s), 3) != 2 + len)
			bad++;
	}
	is_int(bad, 0, "NFD letters are never split from their marks");
	/* The prefix always measures no more than asked. */
	const char *mix = "Trần 北京 Nguye\u0302\u0303n ｎ";
	bad = 0;
	for (int c = 0; c < 25; c++) {
		size_t k = vn_fit(mix, strlen(mix), c);
		if (vn_width(mix, k) > c || (k < strlen(mix) && vn_width(mix, vn_fit(mix, strlen(mix), c + 2)) <= c))
			bad++;
	}
	is_int(bad, 0, "fit gives the longest prefix within the width");
}

int main(void)
{
	test_width();
	test_fit();
	return done_testing();
}
