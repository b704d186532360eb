/* Unit tests for src/text/width: terminal columns and fitting text into them. */
#include "tap.h"

#include "text/width.h"

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
