/* Unit tests for src/text/fold (search fold, case mapping, has-marks) and the letter table
 * in src/text/vnletter that fold, collate and name share. */
#include "tap.h"

#include "text/fold.h"
#include "text/vnletter.h"
#include "util/buf.h"
#include "util/rng.h"

#include <stdlib.h>
#include <uninorm.h>

#include "letters.h"


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
