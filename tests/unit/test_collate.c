/* Unit tests for src/text/collate: key layout, Vietnamese dictionary order, name keys in
 * official list order, and reading the folded words back out of a key. */
#include "tap.h"

#include "text/collate.h"
#include "text/fold.h"
#include "text/name.h"
#include "util/buf.h"
#include "util/rng.h"

#include <stdlib.h>
#include <uninorm.h>

#include "letters.h"

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* The alphabet of collate.h, one entry per weight 0x20.. in order. */
static const char *const alphabet[] = {
	"a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
	"n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
};

struct key {
	struct buf b;
	size_t idx;
};

static int key_cmp(const void *pa, const void *pb)
{
	const struct key *a = pa, *b = pb;
	size_t n = a->b.len < b->b.len ? a->b.len : b->b.len;
	int c = memcmp(a->b.p, b->b.p, n);
	if (c)
		return c;
	return (a->b.len > b->b.len) - (a->b.len < b->b.len);
}

/* Shuffle want[], sort by the key f gives, and check the order comes back. */
static void check_order(void (*f)(struct buf *, const char *, size_t), const char *const *want, size_t n,
			const char *what)
{
	struct rng r;
	struct key *k = calloc(n, sizeof *k);
	size_t *perm = calloc(n, sizeof *perm);

	rng_seed(&r, 12345 + n);
	for (size_t i = 0; i < n; i++)
		perm[i] = i;
	for (size_t i = n; i > 1; i--) {
		size_t j = rng_below(&r, (uint32_t)i), t = perm[i - 1];
		perm[i - 1] = perm[j];
		perm[j] = t;
	}
	for (size_t i = 0; i < n; i++) {
		k[i].idx = perm[i];
		f(&k[i].b, want[perm[i]], strlen(want[perm[i]]));
	}
	qsort(k, n, sizeof *k, key_cmp);
	int good = 1;
	for (size_t i = 0; i < n; i++) {
		if (k[i].idx != i && key_cmp(&k[i], &(struct key){ .b = k[k[i].idx].b }) != 0) {
			if (good)
				diag("position %zu: got \"%s\", expected \"%s\"", i, want[k[i].idx], want[i]);
			good = 0;
		}
	}
	/* Strictly increasing: no two of these should have equal keys. */
	for (size_t i = 1; i < n; i++)
		if (key_cmp(&k[i - 1], &k[i]) >= 0)
			good = 0;
	ok(good, "%s", what);
	for (size_t i = 0; i < n; i++)
		buf_free(&k[i].b);
	free(k);
	free(perm);
}

static int key_is(void (*f)(struct buf *, const char *, size_t), const char *s, const char *want, size_t wn)
{
	struct buf b = BUF_INIT;
	f(&b, s, strlen(s));
	int same = b.len == wn && memcmp(buf_str(&b), want, wn) == 0;
	if (!same) {
		struct buf h = BUF_INIT;
		for (size_t i = 0; i < b.len; i++)
			buf_printf(&h, " %02x", (unsigned char)b.p[i]);
		diag("key of \"%s\":%s", s, buf_str(&h));
		buf_free(&h);
	}
	buf_free(&b);
	return same;
}

static void test_layout(void)
{
	ok(key_is(vn_collkey, "", "", 0), "empty text, empty key");
	ok(key_is(vn_collkey, " \t\n ", "", 0), "white space only, empty key");
	ok(key_is(vn_collkey, "Ba", "\x23\x20\x02", 3), "Ba: b a, no tone");
	ok(key_is(vn_collkey, "ắ 9", "\x21\x06\x19\x02", 4), "ắ 9: ă + sắc ends the first word, then 9");
	ok(key_is(vn_collkey, "Đặng", "\x26\x21\x31\x2a\x07", 5), "Đặng: đ ă n g + nặng");
	ok(key_is(vn_collkey, "  hà   nội  ", "\x2b\x20\x03\x31\x33\x2c\x07", 7), "extra spaces add nothing");
	ok(key_is(vn_collkey, "H'", "\x2b\x41\x00\x00\x27\x02", 6), "apostrophe escaped as 41 00 00 27");
	ok(key_is(vn_collkey, "ß", "\x41\x00\x00\xdf\x02", 5), "ß escaped");
	ok(key_is(vn_collkey, "Ø", "\x41\x00\x00\xf8\x02", 5), "Ø escaped as its small letter ø");
	ok(key_is(vn_collkey, "😀", "\x41\x01\xf6\x00\x02", 5), "a code point above the BMP in 3 bytes");
	ok(key_is(vn_collkey, "Ç", "\x24\x02", 2), "Ç weighs as c (its cedilla is dropped)");
	ok(key_is(vn_collkey, "É", "\x27\x06", 2), "É is e with sắc");
	ok(key_is(vn_collkey, "\u0301", "", 0), "a lone mark makes no word");
	ok(key_is(vn_name_collkey, "", "\x01\x01\x01", 3), "empty name: three empty groups");
	ok(key_is(vn_name_collkey, "An", "\x20\x31\x02\x01\x01\x01", 6), "one-word name is the given name");
	ok(key_is(vn_name_collkey, "Lê Văn An", "\x20\x31\x02\x01\x3c\x21\x31\x02\x01\x2f\x28\x02\x01", 13),
	   "Lê Văn An: given, middle, surname");
	ok(key_is(vn_name_collkey, "Tôn Thất Thuyết", "\x39\x2b\x3a\x3f\x28\x39\x06\x01\x01\x39\x33\x31\x02\x39\x2b\x22\x39\x06\x01", 19),
	   "Tôn Thất Thuyết: compound surname, no middle");

	struct buf b = BUF_INIT;
	buf_adds(&b, "k:");
	vn_collkey(&b, "A", 1);
	vn_name_collkey(&b, "B", 1);
	ok(b.len == 9 && memcmp(b.p, "k:\x20\x02\x23\x02\x01\x01\x01", 9) == 0, "keys are appended");
	buf_free(&b);
}

static void test_letters(void)
{
	int bad = 0;

	for (size_t i = 0; i < NLETTERS; i++) {
		const struct letter *t = &letters[i];
		/* The expected weight, from the alphabet above. */
		char plain[8];
		const char *m = t->mod == '-' ? "" : t->mod == 'b' ? "ă" : t->mod == 's' ? "đ" : NULL;
		size_t w;
		if (t->mod == '-') {
			snprintf(plain, sizeof plain, "%c", t->base);
		} else if (m) {
			snprintf(plain, sizeof plain, "%s", m);
		} else if (t->mod == 'c') {
			snprintf(plain, sizeof plain, "%s", t->base == 'a' ? "â" : t->base == 'e' ? "ê" : "ô");
		} else {
			snprintf(plain, sizeof plain, "%s", t->base == 'o' ? "ơ" : "ư");
		}
		for (w = 0; w < COUNT(alphabet) && strcmp(alphabet[w], plain) != 0; w++)
			;
		char want[2] = { (char)(0x20 + w), (char)(0x02 + t->tone) };
		const char *forms[3] = { t->nfc, t->nfd, t->tohop };
		for (int f = 0; f < 3; f++)
			if (w == COUNT(alphabet) || !key_is(vn_collkey, forms[f], want, 2))
				bad++;
	}
	is_int(bad, 0, "each of the 134 letters, NFC, NFD or tổ hợp: its alphabet weight and tone");
	check_order(vn_collkey, alphabet, COUNT(alphabet), "alphabet a ă â b c d đ e ê f … ơ p … ư v w x y z");
	static const char *const capitals[] = {
		"A", "Ă", "Â", "B", "C", "D", "Đ", "E", "Ê", "F", "G", "H", "I", "J", "K", "L", "M",
		"N", "O", "Ô", "Ơ", "P", "Q", "R", "S", "T", "U", "Ư", "V", "W", "X", "Y", "Z",
	};
	check_order(vn_collkey, capitals, COUNT(capitals), "the capitals sort the same");
	static const char *const digits[] = { "0", "1", "2", "5", "9", "a" };
	check_order(vn_collkey, digits, COUNT(digits), "digits before letters");
}

static void test_order(void)
{
	static const char *const tones[] = { "ma", "mà", "mả", "mã", "má", "mạ", "mai" };
	check_order(vn_collkey, tones, COUNT(tones), "tones: none < huyền < hỏi < ngã < sắc < nặng, before a longer word");

	static const char *const given[] = {
		"An", "Anh", "Ân", "Ẩn", "Bình", "Chi", "Dũng", "Đạt", "Giang", "Hà", "Hạ", "Hai", "Hải",
		"Hiếu", "Hoa", "Hòa", "Khánh", "Kiên", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga",
		"Ngà", "Ngọc", "Nguyên", "Nguyễn", "Nhung", "Oanh", "Ơn", "Phúc", "Phương", "Quang", "Quân",
		"Sơn", "Tâm", "Thảo", "Thu", "Thủy", "Thư", "Tú", "Tuấn", "Uyên", "Ưng", "Vân", "Việt", "Vy",
		"Xuân", "Yến",
	};
	check_order(vn_collkey, given, COUNT(given), "given names in Vietnamese order (An < Anh < Ân, Nguyên < Nguyễn)");

	static const char *const words[] = {
		"an", "an b", "an ba", "anh", "ha long", "hà giang", "hà nội", "hà tĩnh", "hả", "hai",
	};
	check_order(vn_collkey, words, COUNT(words), "word by word: shorter first, each word's tone before the next word");

	static const char *const mixed[] = {
		"10", "2", "9", "a", "azz", "ă", "cay", "Çelik", "chi", "z", "zz", "ß", "ω", "北京",
	};
	check_order(vn_collkey, mixed, COUNT(mixed), "digits, letters, foreign letters by their fold, then other characters");

	/* Same key: case, Unicode form, and where the tone mark sits (Hòa/Hoà). */
	static const char *const same[][2] = {
		{ "Nguyễn", "NGUYỄN" },
		{ "Nguyễn", "Nguye\u0302\u0303n" },
		{ "Nguyễn", "Nguyê\u0303n" },
		{ "Nguyễn", "nGuYễN" },
		{ "Hòa", "Hoà" },
		{ "Thúy", "Thuý" },
		{ "Khỏe", "Khoẻ" },
		{ "Hà  Nội", "hà nội" },
		{ "Hà\tNội", "hà nội" },
		{ "Hà\u00a0Nội", "hà nội" },
		{ "Ấn", "A\u0301\u0302n" },
		{ "a\u0301\u0323", "a\u0323\u0301" },	/* canonically equivalent junk */
		{ "ạ\u0301", "á\u0323" },
		{ "o\u0302\u031B", "ơ\u0302" },	/* the horn sorts first in NFD */
		{ "ô\u031B", "o\u031B\u0302" },
	};
	int bad = 0;
	for (size_t i = 0; i < COUNT(same); i++) {
		struct buf a = BUF_INIT, b = BUF_INIT;
		vn_collkey(&a, same[i][0], strlen(same[i][0]));
		vn_collkey(&b, same[i][1], strlen(same[i][1]));
		if (a.len != b.len || memcmp(a.p, b.p, a.len) != 0) {
			diag("\"%s\" and \"%s\" differ", same[i][0], same[i][1]);
			bad++;
		}
		buf_free(&a);
		buf_free(&b);
	}
	is_int(bad, 0, "case, NFC/NFD/tổ hợp, tone position and spacing do not change the key");

	static const char *const differ[][2] = {
		{ "Nguyên", "Nguyễn" }, { "Doãn", "Đoàn" }, { "Lý", "Lí" }, { "Vũ", "Võ" }, { "a b", "ab" },
	};
	bad = 0;
	for (size_t i = 0; i < COUNT(differ); i++) {
		struct buf a = BUF_INIT, b = BUF_INIT;
		vn_collkey(&a, differ[i][0], strlen(differ[i][0]));
		vn_collkey(&b, differ[i][1], strlen(differ[i][1]));
		if (a.len == b.len && memcmp(a.p, b.p, a.len) == 0) {
			diag("\"%s\" and \"%s\" have the same key", differ[i][0], differ[i][1]);
			bad++;
		}
		buf_free(&a);
		buf_free(&b);
	}
	is_int(bad, 0, "different spellings keep different keys");
}

static void test_name_order(void)
{
	static const char *const names[] = {
		"Lê An",
		"Tôn Thất An",
		"Trần Thị An",
		"Nguyễn Văn An",
		"PHẠM VĂN AN",
		"Nguyễn Thị Anh",
		"Hoàng Văn Ân",
		"Đỗ Thị Ẩn",
		"Nguyễn Bình",
		"Bùi Thị Chi",
		"Vũ Tiến Dũng",
		"Trần Quốc Đạt",
		"Nguye\u0302\u0303n Thị Giang",
		"Công Tằng Tôn Nữ Thị Hà",
		"Lê Thị Hà",
		"Nguyễn Thị Hà",
		"Nguyễn Thị Hạ",
		"Phan Văn Hải",
		"Nguyễn Thị Ngọc Lan",
		"Nguyễn Thị Nguyên",
		"Lê Văn Nguyễn",
		"Tôn Nữ Thị Ninh",
		"Lò Văn Páo",
		"Âu Dương Phong",
		"Hoàng Phủ Ngọc Tường",
		"Dương Thị Yến",
	};
	check_order(vn_name_collkey, names, COUNT(names),
		    "full names sort by given name, then middle names, then surname (NFD and capitals among them)");
}

/* ---- the fold property: vn_collkey_fold(key) gives vn_fold's words ---- */

static size_t space_len(const char *s, size_t n, size_t i)
{
	if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\v' || s[i] == '\f')
		return 1;
	if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
		return 2;
	return 0;
}

/* Append the words of s[0..n) to out, separated by single spaces. */
static void add_words(struct buf *out, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t k = space_len(s, n, i);
		if (k) {
			i += k;
			continue;
		}
		size_t j = i;
		while (j < n && !space_len(s, n, j))
			j++;
		if (out->len)
			buf_addc(out, ' ');
		buf_add(out, s + i, j - i);
		i = j;
	}
}

static void fold_words(struct buf *out, const char *s, size_t n)
{
	struct buf f = BUF_INIT;
	vn_fold(&f, s, n);
	add_words(out, buf_str(&f), f.len);
	buf_free(&f);
}

/* Expected: vn_fold's words of the given name, middle names and surname, in that order. */
static void name_fold_words(struct buf *out, const char *s, size_t n)
{
	struct vn_name p;
	vn_name_split(s, n, &p);
	fold_words(out, p.given, p.given_len);
	fold_words(out, p.middle, p.middle_len);
	fold_words(out, p.surname, p.surname_len);
}

static int check_fold_back(const char *s, size_t n, bool name)
{
	struct buf key = BUF_INIT, got = BUF_INIT, want = BUF_INIT;
	if (name) {
		vn_name_collkey(&key, s, n);
		name_fold_words(&want, s, n);
	} else {
		vn_collkey(&key, s, n);
		fold_words(&want, s, n);
	}
	int ret = vn_collkey_fold(&got, (const unsigned char *)buf_str(&key), key.len);
	int good = ret == 0 && got.len == want.len && memcmp(buf_str(&got), buf_str(&want), got.len) == 0;
	if (!good)
		diag("\"%.*s\": key gives \"%s\" (%d), fold gives \"%s\"", (int)n, s, buf_str(&got), ret, buf_str(&want));
	buf_free(&key);
	buf_free(&got);
	buf_free(&want);
	return good;
}

/* Rewrite the Vietnamese letters of s: form 0 NFC, 1 NFD, 2 tổ hợp; upper: 0 keep, 1 all capitals. */
static void variant(struct buf *out, const char *s, int form, int upper)
{
	size_t n = strlen(s), i = 0;
	while (i < n) {
		const struct letter *hit = NULL;
		for (size_t k = 0; k < NLETTERS && !hit; k++) {
			size_t len = strlen(letters[k].nfc);
			if (strncmp(s + i, letters[k].nfc, len) == 0)
				hit = &letters[k];
		}
		if (hit) {
			if (upper && !hit->upper)
				hit--;	/* the capital is the row before */
			buf_adds(out, form == 0 ? hit->nfc : form == 1 ? hit->nfd : hit->tohop);
			i += strlen(hit->nfc);
		} else {
			char c = s[i++];
			buf_addc(out, upper && c >= 'a' && c <= 'z' ? (char)(c - 32) : c);
		}
	}
}

static const char *const many_names[] = {
	"Nguyễn Văn An", "Trần Thị Thúy", "Lê Hoàng Dũng", "Phạm Minh Đức", "Hoàng Thị Ngọc Ánh",
	"Huỳnh Tấn Phát", "Võ Nguyên Giáp", "Đặng Thị Hương", "Bùi Quang Huy", "Đỗ Mười", "Hồ Xuân Hương",
	"Ngô Bảo Châu", "Dương Văn Minh", "Lý Thường Kiệt", "Tôn Thất Thuyết", "Tôn Nữ Thị Ninh",
	"Công Tằng Tôn Nữ Tịnh Hòa", "Âu Dương Lâm", "Nguyễn Phúc Vĩnh Thụy", "Hoàng Phủ Ngọc Tường",
	"Tư Mã Ý", "Nguyễn Phúc", "Hoàng Phú Cường", "Lò Văn Páo", "Y Bih Niê", "H'Hen Niê",
	"Ksor H'Ngơm", "Mùa A Dính", "Hà Thị Khiết", "Nguyễn Văn 2", "Trần Thị B 15", "O'Brien Sean",
	"Çelik Ahmet", "Müller Hans-Peter", "Dvořák Antonín", "Łukasz Żółć", "Ωμέγα Γιάννης",
	"李 小龍", "Nguyễn  Thị   Ngọc\tDiệp", "  Lê Văn Tám  ", "Đinh Bộ Lĩnh", "Ưng Hoàng Phúc",
	"Ơn Thị Ở", "Thượng Quan Uyển Nhi", "Nguyễn Thị Minh Khai", "Phan Bội Châu", "Nguyễn Ái Quốc",
	"Triệu Thị Trinh", "Ỷ Lan", "Nguyễn Ánh", "An", "", "Đ", "ĐĐ Đ", "Nguyễn-Trần Thu Hà",
	"Ông Ích Khiêm", "Ưu Đàm", "Ấu Triệu", "Lê Thánh Tông", "Nguyễn Du", "Trịnh Công Sơn",
	"Văn Cao", "Xuân Diệu", "Huy Cận", "Tố Hữu", "Bảo Đại", "Khải Định", "Ðoàn Thị Điểm",
	"Nguyễn\u00a0Văn\u00a0Cừ", "İnci Şahin", "Straße Groß", "Ǆemal Ǉubić",
};

static void test_fold_property(void)
{
	int bad_fold = 0, bad_same = 0, checked = 0;

	for (size_t i = 0; i < COUNT(many_names); i++) {
		struct buf base = BUF_INIT;
		vn_name_collkey(&base, many_names[i], strlen(many_names[i]));
		for (int form = 0; form < 3; form++) {
			for (int upper = 0; upper < 2; upper++) {
				struct buf v = BUF_INIT, k = BUF_INIT;
				variant(&v, many_names[i], form, upper);
				bad_fold += !check_fold_back(buf_str(&v), v.len, true);
				bad_fold += !check_fold_back(buf_str(&v), v.len, false);
				vn_name_collkey(&k, buf_str(&v), v.len);
				if (k.len != base.len || memcmp(buf_str(&k), buf_str(&base), k.len) != 0) {
					diag("name key of \"%s\" differs from \"%s\"", buf_str(&v), many_names[i]);
					bad_same++;
				}
				checked++;
				buf_free(&v);
				buf_free(&k);
			}
		}
		buf_free(&base);
	}
	ok(bad_fold == 0, "vn_collkey_fold gives vn_fold's words in list order for %d name variants (NFC/NFD/tổ hợp, capitals)", checked);
	ok(bad_same == 0, "every variant of a name has the same name key");

	/* Random strings over a hostile little alphabet. */
	static const char *const pieces[] = {
		"a", "Ă", "â", "Đ", "đ", "e", "Ê", "ơ", "Ư", "y", "z", "Q", "0", "7", " ", "  ", "\t", "\u00a0",
		"\u0301", "\u0300", "\u0302", "\u0306", "\u031B", "\u0323", "\u0303", "\u0309", "\u20DD", "'", "-",
		"ç", "Ø", "ß", "ǖ", "İ", "Ω", "\u212B", "北", "😀", "\x01", "\x7f", "ễ", "Ấ", "ợ", "\u0344",
		"\u1100\u1161", "\uAC00", "o", "u", "ô", "A",
	};
	struct rng r;
	rng_seed(&r, 2024);
	int bad = 0;
	for (int t = 0; t < 3000; t++) {
		struct buf s = BUF_INIT;
		int len = (int)rng_below(&r, 12);
		for (int j = 0; j < len; j++)
			buf_adds(&s, pieces[rng_below(&r, COUNT(pieces))]);
		bad += !check_fold_back(buf_str(&s), s.len, t & 1);
		buf_free(&s);
	}
	is_int(bad, 0, "the fold property holds for 3000 random strings of letters, marks, spaces and symbols");

	/* Canonically equivalent text has one key: check against libunistring's NFC and NFD. */
	bad = 0;
	for (int t = 0; t < 3000; t++) {
		struct buf s = BUF_INIT, k0 = BUF_INIT, k1 = BUF_INIT, k2 = BUF_INIT;
		int len = (int)rng_below(&r, 10);
		for (int j = 0; j < len; j++)
			buf_adds(&s, pieces[rng_below(&r, COUNT(pieces))]);
		size_t nc = 0, nd = 0;
		uint8_t *c = u8_normalize(UNINORM_NFC, (const uint8_t *)buf_str(&s), s.len, NULL, &nc);
		uint8_t *d = u8_normalize(UNINORM_NFD, (const uint8_t *)buf_str(&s), s.len, NULL, &nd);
		vn_collkey(&k0, buf_str(&s), s.len);
		vn_collkey(&k1, (const char *)c, nc);
		vn_collkey(&k2, (const char *)d, nd);
		if (k0.len != k1.len || k0.len != k2.len || memcmp(buf_str(&k0), buf_str(&k1), k0.len) ||
		    memcmp(buf_str(&k0), buf_str(&k2), k0.len)) {
			if (bad < 3)
				diag("keys of \"%s\" and its NFC/NFD differ", buf_str(&s));
			bad++;
		}
		free(c);
		free(d);
		buf_free(&s);
		buf_free(&k0);
		buf_free(&k1);
		buf_free(&k2);
	}
	is_int(bad, 0, "3000 random strings: the same key as their NFC and their NFD");
}

static void test_fold_back(void)
{
	static const struct {
		const char *key;
		size_t n;
		const char *want;
	} good[] = {
		{ "", 0, "" },
		{ "\x01\x01\x01", 3, "" },
		{ "\x23\x20\x02", 3, "ba" },
		{ "\x21\x06\x19\x02", 4, "a 9" },
		{ "\x20\x31\x02\x01\x01\x2f\x28\x02\x01", 9, "an le" },
		{ "\x2b\x41\x00\x00\x27\x30\x33\x31\x2a\x02", 10, "h'mong" },
		{ "\x41\x01\xf6\x00\x07", 5, "😀" },
		{ "\x20\x22\x21\x26\x28\x33\x34\x3b\x40\x02", 10, "aaadeoouz" },
	};
	for (size_t i = 0; i < COUNT(good); i++) {
		struct buf b = BUF_INIT;
		int ret = vn_collkey_fold(&b, (const unsigned char *)good[i].key, good[i].n);
		ok(ret == 0 && strcmp(buf_str(&b), good[i].want) == 0, "fold back: \"%s\" (got \"%s\", %d)", good[i].want, buf_str(&b), ret);
		buf_free(&b);
	}

	static const struct {
		const char *key;
		size_t n;
		const char *what;
	} bad[] = {
		{ "\x20", 1, "a letter with no terminator" },
		{ "\x20\x31\x01", 3, "group end inside a word" },
		{ "\x02", 1, "a terminator with no word" },
		{ "\x20\x02\x02", 3, "two terminators" },
		{ "\x20\x08", 2, "08 is no tone" },
		{ "\x00\x02", 2, "byte 00" },
		{ "\x1a\x02", 2, "1a is neither digit nor letter" },
		{ "\x42\x02", 2, "42 is past the escape" },
		{ "\xff\x02", 2, "ff" },
		{ "\x41\x00\x00", 3, "escape cut short" },
		{ "\x41\x00\xd8\x00\x02", 5, "escape of a surrogate" },
		{ "\x41\x11\x00\x00\x02", 5, "escape above U+10FFFF" },
	};
	for (size_t i = 0; i < COUNT(bad); i++) {
		struct buf b = BUF_INIT;
		buf_adds(&b, "keep");
		int ret = vn_collkey_fold(&b, (const unsigned char *)bad[i].key, bad[i].n);
		ok(ret == -1 && strcmp(buf_str(&b), "keep") == 0, "malformed key: %s (-1, out unchanged)", bad[i].what);
		buf_free(&b);
	}

	/* A malformed key found after a long good stretch still leaves out unchanged. */
	struct buf k = BUF_INIT, b = BUF_INIT;
	for (int i = 0; i < 200; i++)
		vn_collkey(&k, "Nguyễn ", strlen("Nguyễn "));
	buf_addc(&k, 0x20);
	buf_adds(&b, "keep");
	ok(vn_collkey_fold(&b, (const unsigned char *)k.p, k.len) == -1 && strcmp(buf_str(&b), "keep") == 0,
	   "malformed end of a long key: out unchanged");
	buf_free(&k);
	buf_free(&b);
}

int main(void)
{
	test_layout();
	test_letters();
	test_order();
	test_name_order();
	test_fold_property();
	test_fold_back();
	return done_testing();
}
