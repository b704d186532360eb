/* Unit tests for src/text/fold (search fold, case mapping, has-marks) and the letter table
 * in src/text/vnletter that fold, collate and name share. */
#include "tap.h"

#include "text/fold.h"
#include "text/vnletter.h"
#include "util/buf.h"
#include "util/rng.h"

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

typedef void (*text_fn)(struct buf *, const char *, size_t);

static char *run(text_fn f, const char *s)
{
	struct buf b = BUF_INIT;
	f(&b, s, strlen(s));
	return buf_steal(&b);
}

static void check(text_fn f, const char *in, const char *want, const char *what)
{
	char *got = run(f, in);
	is_str(got, want, "%s", what);
	free(got);
}

static int mod_code(char m)
{
	switch (m) {
	case 'b': return VNL_MOD_BREVE;
	case 'c': return VNL_MOD_CIRC;
	case 'h': return VNL_MOD_HORN;
	case 's': return VNL_MOD_STROKE;
	default: return VNL_MOD_NONE;
	}
}

static uint32_t decode1(const char *s)
{
	uint32_t cp = 0;
	utf8_decode(s, strlen(s), &cp);
	return cp;
}

static void test_letter_table(void)
{
	int bad_split = 0, bad_join = 0;

	is_int(NLETTERS, 134, "the table has all 134 letters");
	for (size_t i = 0; i < NLETTERS; i++) {
		const struct letter *t = &letters[i];
		uint32_t cp = decode1(t->nfc);
		struct vnl_letter l;
		if (!vnl_split(cp, &l) || l.base != t->base || l.mod != mod_code(t->mod) || l.tone != t->tone ||
		    l.upper != t->upper) {
			diag("vnl_split(%s) is wrong", t->nfc);
			bad_split++;
		}
		struct vnl_letter want = { (unsigned char)t->base, (unsigned char)mod_code(t->mod), (unsigned char)t->tone,
					   (unsigned char)t->upper };
		if (vnl_join(&want) != cp) {
			diag("vnl_join for %s gave U+%04X", t->nfc, (unsigned)vnl_join(&want));
			bad_join++;
		}
	}
	is_int(bad_split, 0, "vnl_split gives base, modifier, tone and case of all 134 letters");
	is_int(bad_join, 0, "vnl_join composes all 134 letters back");

	/* Nothing else in the tables' ranges is a Vietnamese letter. */
	int extra = 0;
	for (uint32_t cp = 0x80; cp < 0x2000; cp++) {
		struct vnl_letter l;
		if (!vnl_split(cp, &l))
			continue;
		int found = 0;
		for (size_t i = 0; i < NLETTERS; i++)
			found |= decode1(letters[i].nfc) == cp;
		if (!found) {
			diag("U+%04X taken for a Vietnamese letter", (unsigned)cp);
			extra++;
		}
	}
	is_int(extra, 0, "no other character from U+0080 to U+1FFF splits");

	struct vnl_letter l;
	ok(vnl_split('Q', &l) && l.base == 'q' && l.upper && !l.mod && !l.tone, "vnl_split takes ASCII capitals");
	ok(vnl_split('z', &l) && l.base == 'z' && !l.upper, "and ASCII small letters");
	ok(!vnl_split('1', &l) && !vnl_split('@', &l) && !vnl_split('[', &l) && !vnl_split(0xE7, &l),
	   "but not digits, punctuation or ç");
	struct vnl_letter no[] = {
		{ 'b', VNL_MOD_NONE, VNL_TONE_SAC, 0 },	/* a tone on a consonant */
		{ 'u', VNL_MOD_CIRC, VNL_TONE_NONE, 0 },	/* û */
		{ 'e', VNL_MOD_BREVE, VNL_TONE_NONE, 0 },	/* ĕ */
		{ 'd', VNL_MOD_STROKE, VNL_TONE_NANG, 0 },	/* đ with a tone */
		{ 'a', VNL_MOD_NONE, 6, 0 },			/* no such tone */
		{ '1', VNL_MOD_NONE, VNL_TONE_NONE, 0 },
	};
	int joined = 0;
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		joined += vnl_join(&no[i]) != 0;
	is_int(joined, 0, "vnl_join refuses letters Vietnamese does not have");
	ok(vnl_mod_fits('a', VNL_MOD_BREVE) && vnl_mod_fits('o', VNL_MOD_HORN) && vnl_mod_fits('d', VNL_MOD_STROKE) &&
	   !vnl_mod_fits('i', VNL_MOD_CIRC) && !vnl_mod_fits('e', VNL_MOD_HORN), "vnl_mod_fits");
	ok(vnl_is_space(' ') && vnl_is_space('\t') && vnl_is_space('\n') && vnl_is_space(0xA0) &&
	   vnl_is_space(0x3000) && vnl_is_space(0x2009) && !vnl_is_space(0x200B) && !vnl_is_space('_'),
	   "vnl_is_space: ASCII, NBSP, ideographic and thin space; not ZWSP");
}

static void test_fold_letters(void)
{
	int bad = 0, marks = 0;

	for (size_t i = 0; i < NLETTERS; i++) {
		const struct letter *t = &letters[i];
		char want[2] = { t->base, 0 };
		const char *forms[3] = { t->nfc, t->nfd, t->tohop };
		for (int f = 0; f < 3; f++) {
			char *got = run(vn_fold, forms[f]);
			if (strcmp(got, want) != 0) {
				diag("fold form %d of %s gave '%s'", f, t->nfc, got);
				bad++;
			}
			free(got);
			/* every one of the 134 has a mark or is đ */
			marks += !vn_has_marks(forms[f], strlen(forms[f]));
		}
	}
	is_int(bad, 0, "all 134 letters fold to their base letter, from NFC, NFD and tổ hợp");
	is_int(marks, 0, "vn_has_marks is true for all 134 letters in every form");
}

static void test_fold_text(void)
{
	static const struct {
		const char *in, *want, *what;
	} t[] = {
		{ "", "", "empty" },
		{ "Nguyen Van An", "nguyen van an", "ASCII only lowercased" },
		{ "Nguyễn Thị Thúy", "nguyen thi thuy", "NFC name" },
		{ "Nguye\u0302\u0303n Thi\u0323 Thu\u0301y", "nguyen thi thuy", "NFD name" },
		{ "Nguyê\u0303n Thị Thu\u0301y", "nguyen thi thuy", "tổ hợp and NFD mixed" },
		{ "NGUYỄN THỊ THÚY", "nguyen thi thuy", "capitals" },
		{ "Đoàn Doãn đoàn", "doan doan doan", "Đoàn and Doãn fold the same" },
		{ "ĐẶNG", "dang", "Đ and Ặ" },
		{ "Ưng Ước Ơn", "ung uoc on", "capital horn letters" },
		{ "12/3 Lý Thường Kiệt, P.7", "12/3 ly thuong kiet, p.7", "digits and punctuation copied" },
		{ "H'Mông  Êđê\tKhơ-me", "h'mong  ede\tkho-me", "apostrophe, hyphen, tab and double space kept" },
		{ "Çelik Müller Dvořák", "celik muller dvorak", "foreign letters lose their marks" },
		{ "ÀÉÎÕÜÅ ǖ Ḉ", "aeioua u c", "stacked and decomposing foreign letters" },
		{ "İstanbul", "istanbul", "İ folds to i, not i + dot" },
		{ "Ωμέγα ΑΘΉΝΑ", "ωμεγα αθηνα", "Greek" },
		{ "Ёлка", "елка", "Cyrillic" },
		{ "Øre Łódź ß", "øre łodz ß", "letters without decomposition only lowercased" },
		{ "北京 😀", "北京 😀", "CJK and emoji copied" },
		{ "\u0301an", "an", "a mark at the start is dropped" },
		{ "a\u20DD", "a", "an enclosing mark is dropped" },
		{ "e\u0301\u0301\u0323", "e", "several marks on one letter" },
		{ "\u212B", "a", "ANGSTROM SIGN" },
		{ "a\0b", "a", "stops at the NUL strlen sees (the API takes lengths)" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		check(vn_fold, t[i].in, t[i].want, t[i].what);

	struct buf b = BUF_INIT;
	buf_adds(&b, "key=");
	vn_fold(&b, "Ấn", strlen("Ấn"));
	vn_fold(&b, " X", 2);
	is_str(buf_str(&b), "key=an x", "vn_fold appends, both paths");
	buf_reset(&b);
	vn_fold(&b, "A\0Ễ", 5);
	ok(b.len == 3 && memcmp(b.p, "a\0e", 3) == 0, "NUL inside the given length is copied");
	buf_free(&b);

	/* Longer than the internal chunk, to cross its flush. */
	struct buf in = BUF_INIT, want = BUF_INIT;
	for (int i = 0; i < 300; i++) {
		buf_adds(&in, "Nguyễn Ấn ");
		buf_adds(&want, "nguyen an ");
	}
	b = (struct buf)BUF_INIT;
	vn_fold(&b, in.p, in.len);
	is_str(buf_str(&b), buf_str(&want), "a 4 KB text folds whole");
	buf_free(&b);
	buf_free(&in);
	buf_free(&want);
}

static void test_has_marks(void)
{
	static const struct {
		const char *s;
		bool want;
	} t[] = {
		{ "", false },
		{ "nguyen van an", false },
		{ "NGUYEN 123 !?", false },
		{ "Nguyễn", true },
		{ "Nguye\u0302n", true },
		{ "dang", false },
		{ "đang", true },
		{ "Đ", true },
		{ "Çelik", true },
		{ "Øre", false },
		{ "北京", false },
		{ "\u212A", false },	/* KELVIN SIGN: K, no mark */
		{ "abc\u0301", true },
		{ "ω", false },
		{ "ώ", true },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		is_int(vn_has_marks(t[i].s, strlen(t[i].s)), t[i].want, "vn_has_marks(\"%s\")", t[i].s);
}

static void test_case(void)
{
	int bad = 0;

	for (size_t i = 0; i + 1 < NLETTERS; i += 2) {
		const struct letter *up = &letters[i], *lo = &letters[i + 1];
		if (!up->upper || lo->upper) {
			bad++;
			continue;
		}
		const char *ups[3] = { up->nfc, up->nfd, up->tohop }, *los[3] = { lo->nfc, lo->nfd, lo->tohop };
		for (int f = 0; f < 3; f++) {
			char *a = run(vn_lower, ups[f]), *b = run(vn_upper, los[f]);
			char *c = run(vn_lower, los[f]), *d = run(vn_upper, ups[f]);
			if (strcmp(a, lo->nfc) || strcmp(b, up->nfc) || strcmp(c, lo->nfc) || strcmp(d, up->nfc)) {
				diag("case of %s/%s form %d: %s %s %s %s", up->nfc, lo->nfc, f, a, b, c, d);
				bad++;
			}
			free(a);
			free(b);
			free(c);
			free(d);
		}
	}
	is_int(bad, 0, "vn_lower/vn_upper map all 67 pairs, from NFC, NFD and tổ hợp, to NFC");

	check(vn_lower, "NGUYỄN VĂN AN", "nguyễn văn an", "lower a name");
	check(vn_upper, "Nguyễn Văn An, số 12", "NGUYỄN VĂN AN, SỐ 12", "upper a name, digits kept");
	check(vn_lower, "NGUYÊ\u0303N", "nguyễn", "lower tổ hợp gives NFC");
	check(vn_upper, "nguye\u0302\u0303n", "NGUYỄN", "upper NFD gives NFC");
	check(vn_upper, "straße", "STRASSE", "ß uppercases to SS");
	check(vn_lower, "ÇELİK ΑΘΉΝΑ", "çeli\u0307k αθήνα", "foreign letters lowercase (İ is i + dot above)");
	check(vn_upper, "", "", "empty");
	check(vn_lower, "北京 123", "北京 123", "uncased text unchanged");
	struct buf b = BUF_INIT;
	buf_adds(&b, "> ");
	vn_upper(&b, "đ", strlen("đ"));
	vn_upper(&b, "ç", strlen("ç"));
	is_str(buf_str(&b), "> ĐÇ", "vn_upper appends, on both paths");
	buf_free(&b);
}

/* Canonically equivalent text folds, case-maps and reports marks alike: random strings against
 * their NFC and NFD from libunistring. */
static void test_equivalence(void)
{
	static const char *const pieces[] = {
		"a", "Ă", "â", "Đ", "đ", "e", "Ê", "o", "ô", "ơ", "Ư", "u", "y", "Q", "7", " ", "\u0301", "\u0300",
		"\u0302", "\u0306", "\u031B", "\u0323", "\u0303", "\u0309", "\u0308", "\u20DD", "'", "ç", "Ø",
		"ß", "ǖ", "İ", "Ω", "\u212B", "\u212A", "北", "ễ", "Ấ", "ợ", "\u0344", "\u1100\u1161", "\uAC00",
		"\u0958", "\u0915\u093C",
	};
	struct rng r;
	int bad = 0;

	rng_seed(&r, 99);
	for (int t = 0; t < 3000; t++) {
		struct buf s = BUF_INIT;
		int len = (int)rng_below(&r, 10);
		for (int j = 0; j < len; j++)
			buf_adds(&s, pieces[rng_below(&r, sizeof pieces / sizeof pieces[0])]);
		size_t nc = 0, nd = 0;
		char *c = (char *)u8_normalize(UNINORM_NFC, (const uint8_t *)buf_str(&s), s.len, NULL, &nc);
		char *d = (char *)u8_normalize(UNINORM_NFD, (const uint8_t *)buf_str(&s), s.len, NULL, &nd);
		text_fn fns[3] = { vn_fold, vn_lower, vn_upper };
		for (int f = 0; f < 3; f++) {
			struct buf a = BUF_INIT, b = BUF_INIT, e = BUF_INIT;
			fns[f](&a, buf_str(&s), s.len);
			fns[f](&b, c, nc);
			fns[f](&e, d, nd);
			if (strcmp(buf_str(&a), buf_str(&b)) != 0 || strcmp(buf_str(&a), buf_str(&e)) != 0) {
				if (bad < 3)
					diag("function %d differs on \"%s\" and its NFC/NFD", f, buf_str(&s));
				bad++;
			}
			buf_free(&a);
			buf_free(&b);
			buf_free(&e);
		}
		bool m = vn_has_marks(buf_str(&s), s.len);
		if (m != vn_has_marks(c, nc) || m != vn_has_marks(d, nd))
			bad++;
		free(c);
		free(d);
		buf_free(&s);
	}
	is_int(bad, 0, "3000 random strings: fold, lower, upper and has-marks agree with their NFC and NFD");
}

int main(void)
{
	test_letter_table();
	test_fold_letters();
	test_fold_text();
	test_has_marks();
	test_case();
	test_equivalence();
	return done_testing();
}
