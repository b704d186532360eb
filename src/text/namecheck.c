/* Is a full name a real person's complete name: two words or more, each a plausible name
 * syllable, capitalised as a name, no digits, symbols or placeholder text (name.h).
 *
 * A word is split at apostrophes and hyphens into parts ("H'Hen", "Y-Blốc"); each part is a
 * Vietnamese syllable or has the shape of a syllable of the minority languages written in the
 * Latin alphabet (Ê Đê, Jrai, Bahnar, Mnông, Raglai…): up to three consonants and one to three
 * vowels, three times at most, ending on a coda those languages use (Ksor, Bkrông, Êban,
 * Rahlan, Chamaléa).
 * "test" and "abc" end on codas no one writes; "xxx" and "Hmm" have no vowel.
 * Placeholders are single words ("unknown", "N/A") or two words in a row ("chưa rõ", "vô
 * danh"), matched with their marks or, for a word typed without any, on its letters alone. */
#include "text/name.h"

#include "text/fold.h"
#include "text/syllable.h"
#include "text/vnletter.h"
#include "util/buf.h"
#include "util/hmap.h"
#include "util/xalloc.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>

#define CACHE_MAX 65536		/* words remembered; a register has some thousands */
#define WORD_MAX 64		/* bytes of a word worth remembering */

/* The words of the placeholder phrases: lowercase NFC, then without marks. */
enum { T_NONE, T_CHUA, T_RO, T_KHONG, T_BIET, T_TEN, T_CO, T_VO, T_DANH, T_AN, T_KHUYET, T_XAC,
       T_CAP, T_NHAP, T_VA, T__COUNT };
static const char *const token_words[T__COUNT][2] = {
	[T_CHUA] = { "chưa", "chua" }, [T_RO] = { "rõ", "ro" }, [T_KHONG] = { "không", "khong" },
	[T_BIET] = { "biết", "biet" }, [T_TEN] = { "tên", "ten" }, [T_CO] = { "có", "co" },
	[T_VO] = { "vô", "vo" }, [T_DANH] = { "danh", "danh" }, [T_AN] = { "ẩn", "an" },
	[T_KHUYET] = { "khuyết", "khuyet" }, [T_XAC] = { "xác", "xac" },
	[T_CAP] = { "cập", "cap" }, [T_NHAP] = { "nhập", "nhap" }, [T_VA] = { "và", "va" },
};
/* Two words in a row that say the name is not known (chưa xác định, họ và tên, …). */
static const unsigned char phrases[][2] = {
	{ T_CHUA, T_RO }, { T_KHONG, T_RO }, { T_CHUA, T_BIET }, { T_KHONG, T_BIET },
	{ T_KHONG, T_TEN }, { T_CHUA, T_CO }, { T_KHONG, T_CO }, { T_VO, T_DANH },
	{ T_AN, T_DANH }, { T_KHUYET, T_DANH }, { T_CHUA, T_XAC }, { T_KHONG, T_XAC },
	{ T_CHUA, T_CAP }, { T_CHUA, T_NHAP }, { T_VA, T_TEN },
};
/* Words that alone say so, without marks and in small letters. */
static const char *const placeholder_words[] = {
	"n/a", "n.a", "n.a.", "na/", "null", "nil", "none", "noname", "unknown", "test", "abc",
	"xxx", "chuaro", "khongten", "kxd", "k.r", "k/r",
};

struct vn_name_checker {
	struct hmap words;	/* word -> problem | token << 8 */
};

struct vn_name_checker *vn_name_checker_new(void)
{
	struct vn_name_checker *c = xcalloc(1, sizeof *c);
	hmap_init(&c->words);
	return c;
}

void vn_name_checker_free(struct vn_name_checker **c)
{
	if (!*c)
		return;
	hmap_free(&(*c)->words);
	XFREE(*c);
}

static bool is_vowel(uint32_t cp)
{
	return cp == 'a' || cp == 'e' || cp == 'i' || cp == 'o' || cp == 'u' || cp == 'y';
}

/* Codas of the minority-language syllables: Vietnamese's, and k h l r (Hdok, Puih, Ksor). */
static bool minority_coda(const uint32_t *l, size_t n)
{
	if (n == 0)
		return true;
	uint32_t a = l[0], b = n > 1 ? l[1] : 0;
	if (n == 1)
		return strchr("cmnptkhlr", (int)a) != NULL;
	return n == 2 && ((b == 'h' && (a == 'c' || a == 'n')) || (a == 'n' && b == 'g'));
}

/* A part of a word with the shape of a minority-language name syllable (or two). */
static bool minority_ok(const char *s, size_t n)
{
	uint32_t l[16];
	size_t k = 0;
	struct vnl_reader r;
	struct vnl_char c;
	vnl_reader_init(&r, s, n);
	while (vnl_next(&r, &c)) {
		bool latin = c.cp >= 'a' && c.cp <= 'z';
		if (k == sizeof l / sizeof l[0] || (!latin && c.cp != 0x180 /* ƀ */))
			return false;
		if (k >= 2 && c.cp == l[k - 1] && c.cp == l[k - 2])
			return false;	/* "aaa", "xxx" */
		l[k++] = c.cp == 0x180 ? 'b' : c.cp;
	}
	size_t i = 0, groups = 0;
	for (;;) {
		size_t cons = i;
		while (i < k && !is_vowel(l[i]))
			i++;
		if (i == k)	/* the consonants at the end: a coda, after a vowel */
			return groups > 0 && minority_coda(l + cons, k - cons);
		if (i - cons > 3 || ++groups > 3)
			return false;
		size_t vow = i;
		while (i < k && is_vowel(l[i]))
			i++;
		if (i - vow > 3)
			return false;
		if (i == k)
			return true;
	}
}

/* The placeholder token a word is (T_NONE for most). */
static int token_of(const char *w, size_t n)
{
	struct buf low = BUF_INIT;
	vn_lower(&low, w, n);
	int t = T_NONE;
	for (int i = 1; i < T__COUNT && t == T_NONE; i++)
		if (strcmp(buf_str(&low), token_words[i][0]) == 0 ||
		    strcmp(buf_str(&low), token_words[i][1]) == 0)
			t = i;
	buf_free(&low);
	return t;
}

static bool is_separator(const char *s, size_t n, size_t i, size_t *len)
{
	if (s[i] == '\'' || s[i] == '-') {
		*len = 1;
		return true;
	}
	/* ’ U+2019 and ʼ U+02BC, as some keyboards type the apostrophe of H'Hen */
	if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
	    (unsigned char)s[i + 2] == 0x99) {
		*len = 3;
		return true;
	}
	if (i + 1 < n && (unsigned char)s[i] == 0xCA && (unsigned char)s[i + 1] == 0xBC) {
		*len = 2;
		return true;
	}
	return false;
}

/* The problem of one word (VN_NAME_OK for a good one). */
static enum vn_name_problem word_problem(const char *w, size_t n)
{
	struct buf fold = BUF_INIT;
	vn_fold(&fold, w, n);
	for (size_t i = 0; i < sizeof placeholder_words / sizeof *placeholder_words; i++)
		if (strcmp(buf_str(&fold), placeholder_words[i]) == 0) {
			buf_free(&fold);
			return VN_NAME_PLACEHOLDER;
		}
	buf_free(&fold);

	/* Nothing but signs ("?", "...", "-") or digits. */
	bool letters = false, digits = false;
	struct vnl_reader lr;
	struct vnl_char lc;
	vnl_reader_init(&lr, w, n);
	while (!letters && vnl_next(&lr, &lc)) {
		letters = (lc.cp >= 'a' && lc.cp <= 'z') ||
			  (lc.cp >= 0x80 && lc.cp != VNL_NO_BASE &&
			   uc_is_general_category_withtable(lc.cp, UC_CATEGORY_MASK_L));
		digits |= lc.cp >= '0' && lc.cp <= '9';
	}
	if (!letters)
		return digits ? VN_NAME_DIGIT : VN_NAME_PLACEHOLDER;

	enum vn_name_problem p = VN_NAME_OK;
	size_t part = 0, nparts = 0, sep = 0;
	for (size_t i = 0; i <= n && p == VN_NAME_OK; ) {
		if (i < n && !is_separator(w, n, i, &sep)) {
			i++;
			continue;
		}
		/* w[part..i) is a part of the word */
		if (i == part) {
			p = VN_NAME_SYMBOL;	/* "H'", "-An", "Lê--" */
			break;
		}
		struct vnl_reader r;
		struct vnl_char c;
		bool first = true, bad_case = false;
		vnl_reader_init(&r, w + part, i - part);
		while (vnl_next(&r, &c)) {
			if (c.cp >= '0' && c.cp <= '9') {
				p = VN_NAME_DIGIT;
				break;
			}
			bool letter = (c.cp >= 'a' && c.cp <= 'z') ||
				      (c.cp >= 0x80 && c.cp != VNL_NO_BASE &&
				       uc_is_general_category_withtable(c.cp, UC_CATEGORY_MASK_L));
			if (!letter) {
				p = VN_NAME_SYMBOL;
				break;
			}
			/* The word starts with a capital; after an apostrophe either will do. */
			if (first ? (nparts == 0 && !c.upper) : c.upper)
				bad_case = true;
			first = false;
		}
		/* A letter or two before an apostrophe is a prefix: the H' of H'Hen, the K' of
		 * K'Brơi. */
		bool prefix = i < n && w[i] != '-' && i - part <= 2;
		if (p == VN_NAME_OK && !prefix && !vn_syllable_valid(w + part, i - part) &&
		    !minority_ok(w + part, i - part))
			p = VN_NAME_WORD;
		if (p == VN_NAME_OK && bad_case)
			p = VN_NAME_CASE;
		nparts++;
		if (i == n)
			break;
		i += sep;
		part = i;
		if (i == n) {
			p = VN_NAME_SYMBOL;	/* ends on a separator */
			break;
		}
	}
	return p;
}

/* A word's problem and placeholder token, packed. */
static unsigned word_class(struct vn_name_checker *c, const char *w, size_t n)
{
	uint64_t v;
	if (c && n <= WORD_MAX && hmap_get(&c->words, w, n, &v))
		return (unsigned)v;
	unsigned cls = (unsigned)word_problem(w, n) | (unsigned)token_of(w, n) << 8;
	if (c && n <= WORD_MAX && c->words.len < CACHE_MAX)
		hmap_put(&c->words, w, n, cls);
	return cls;
}

/* Length of the white space at s[i], 0 if none.  Called on every byte of a million names, so
 * the lead bytes of the Vietnamese letters (C3, C4, C6, CC, E1 BA, E1 BB) are passed over
 * without decoding: only C2 85/A0, E1 9A, E2 80/81 and E3 80 can start a space. */
static inline size_t space_len(const char *s, size_t n, size_t i)
{
	unsigned char b = (unsigned char)s[i];
	if (b < 0x80)
		return vnl_is_space(b);
	if (b != 0xC2 && (b < 0xE1 || b > 0xE3))
		return 0;
	unsigned char b1 = i + 1 < n ? (unsigned char)s[i + 1] : 0;
	if ((b == 0xC2 && b1 != 0x85 && b1 != 0xA0) || (b == 0xE1 && b1 != 0x9A) ||
	    (b == 0xE2 && b1 != 0x80 && b1 != 0x81) || (b == 0xE3 && b1 != 0x80))
		return 0;
	uint32_t cp;
	int k = utf8_decode(s + i, n - i, &cp);
	return k > 0 && vnl_is_space(cp) ? (size_t)k : 0;
}

enum vn_name_problem vn_name_check(struct vn_name_checker *c, const char *name, size_t n)
{
	enum vn_name_problem first = VN_NAME_OK;
	int words = 0, prev = T_NONE;
	const char *last = NULL;
	size_t last_len = 0, len;
	for (size_t i = 0; i < n; ) {
		if ((len = space_len(name, n, i)) > 0) {
			i += len;
			continue;
		}
		size_t a = i;
		while (i < n) {
			unsigned char b = (unsigned char)name[i];
			/* Letters go by without a call: most bytes of a name. */
			if ((b > ' ' && b < 0x80) || (b >= 0x80 && b != 0xC2 && (b < 0xE1 || b > 0xE3)) ||
			    space_len(name, n, i) == 0)
				i++;
			else
				break;
		}
		unsigned cls = word_class(c, name + a, i - a);
		enum vn_name_problem p = (enum vn_name_problem)(cls & 0xFF);
		int tok = (int)(cls >> 8);
		if (p == VN_NAME_PLACEHOLDER)
			return p;
		for (size_t k = 0; prev && tok && k < sizeof phrases / sizeof *phrases; k++)
			if (phrases[k][0] == prev && phrases[k][1] == tok)
				return VN_NAME_PLACEHOLDER;
		if (first == VN_NAME_OK)
			first = p;
		prev = tok;
		words++;
		last = name + a;
		last_len = i - a;
	}
	if (first != VN_NAME_OK)
		return first;
	if (words == 0)
		return VN_NAME_EMPTY;
	if (words == 1)
		return VN_NAME_ONE_WORD;
	if (words == 2 && ((last_len == strlen("Văn") && memcmp(last, "Văn", last_len) == 0) ||
			   (last_len == strlen("Thị") && memcmp(last, "Thị", last_len) == 0)))
		return VN_NAME_NO_GIVEN;
	return VN_NAME_OK;
}
