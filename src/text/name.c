/* Vietnamese personal names: cleaning what was typed or imported, and splitting it into parts. */
#include "text/name.h"

#include "text/norm.h"
#include "text/sanitize.h"
#include "text/utf8.h"
#include "text/vnletter.h"
#include "util/buf.h"

#include <stdbool.h>
#include <unicase.h>
#include <unictype.h>

/* Surnames of more than one word, lowercase NFC.  A name only takes one as its surname when a
 * word is left over for the given name, so "Nguyễn Phúc" stays surname + given name. */
static const struct {
	int words;
	char initial;		/* the fold of the first letter, to rule most out at once */
	const char *text;
} compounds[] = {
	{ 4, 'c', "công tằng tôn nữ" },
	{ 4, 'c', "công huyền tôn nữ" },
	{ 3, 'c', "công tôn nữ" },
	{ 3, 'h', "huyền tôn nữ" },
	{ 3, 't', "tằng tôn nữ" },
	{ 2, 't', "tôn thất" },
	{ 2, 't', "tôn nữ" },
	{ 2, 'n', "nguyễn phúc" },
	{ 2, 'a', "âu dương" },
	{ 2, 'h', "hoàng phủ" },
	{ 2, 't', "tư mã" },
	{ 2, 't', "tư đồ" },
	{ 2, 'g', "gia cát" },
};

#define MAX_COMPOUND 4

struct range {
	size_t a, b;
};

/* Length of the white space at s[i], 0 if there is none.  Only ASCII and sequences led by C2,
 * E1, E2 or E3 can be white space (see vnl_is_space), so other bytes, continuation bytes
 * included, are passed over one at a time without decoding. */
static size_t space_len(const char *s, size_t n, size_t i)
{
	unsigned char b = (unsigned char)s[i];
	uint32_t cp;

	if (b < 0x80)
		return vnl_is_space(b);
	if (b != 0xC2 && (b < 0xE1 || b > 0xE3))
		return 0;
	int k = utf8_decode(s + i, n - i, &cp);
	return k > 0 && vnl_is_space(cp) ? (size_t)k : 0;
}

/* The next word at or after *i; false if none is left. */
static bool next_word(const char *s, size_t n, size_t *i, struct range *w)
{
	size_t k;

	while (*i < n && (k = space_len(s, n, *i)) > 0)
		*i += k;
	if (*i >= n)
		return false;
	w->a = *i;
	while (*i < n && space_len(s, n, *i) == 0)
		(*i)++;
	w->b = *i;
	return true;
}

/* Does the word s[0..n) spell want (lowercase NFC, ended by a space or NUL; *want is moved past
 * it)?  A word typed without marks only has to fold the same ("Ton That"); a word with marks must
 * have the same ones, so that "Hoàng Phú Cường" is not read as surname Hoàng Phủ. */
static bool word_is(const char *s, size_t n, const char **want)
{
	const char *w = *want;
	size_t wn = 0;
	while (w[wn] && w[wn] != ' ')
		wn++;
	*want = w[wn] ? w + wn + 1 : w + wn;

	struct vnl_reader r1, r2;
	struct vnl_char c1, c2;
	bool marked = false, same_marks = true;
	vnl_reader_init(&r1, s, n);
	vnl_reader_init(&r2, w, wn);
	for (;;) {
		bool more1 = vnl_next(&r1, &c1), more2 = vnl_next(&r2, &c2);
		if (!more1 || !more2)
			return more1 == more2 && (!marked || same_marks);
		if (c1.cp != c2.cp)
			return false;
		marked |= c1.marked;
		same_marks &= c1.mod == c2.mod && c1.tone == c2.tone;
	}
}

/* How many of the leading words w[0..count) make up the surname. */
static int surname_words(const char *name, const struct range *w, int count)
{
	struct vnl_reader r;
	struct vnl_char first;

	vnl_reader_init(&r, name + w[0].a, w[0].b - w[0].a);
	if (!vnl_next(&r, &first))
		return 1;
	for (size_t i = 0; i < sizeof compounds / sizeof compounds[0]; i++) {
		int k = compounds[i].words;
		const char *want = compounds[i].text;
		if (k >= count || first.cp != (uint32_t)compounds[i].initial)
			continue;
		int j = 0;
		while (j < k && word_is(name + w[j].a, w[j].b - w[j].a, &want))
			j++;
		if (j == k)
			return k;
	}
	return 1;
}

void vn_name_split(const char *name, size_t n, struct vn_name *out)
{
	struct range w[MAX_COMPOUND + 1], last = { 0, 0 }, before_last = { 0, 0 }, cur;
	int count = 0;
	size_t i = 0;

	while (next_word(name, n, &i, &cur)) {
		if (count <= MAX_COMPOUND)
			w[count] = cur;
		before_last = last;
		last = cur;
		count++;
	}

	out->surname = out->middle = out->given = name;
	out->surname_len = out->middle_len = out->given_len = 0;
	if (count == 0)
		return;
	out->given = name + last.a;
	out->given_len = last.b - last.a;
	out->middle = out->given;
	out->surname = name + w[0].a;
	if (count == 1)
		return;

	int k = surname_words(name, w, count);
	out->surname_len = w[k - 1].b - w[0].a;
	if (count - 1 > k) {
		out->middle = name + w[k].a;
		out->middle_len = before_last.b - w[k].a;
	}
}

/* +1 for a capital, -1 for a small letter, 0 for anything without case. */
static int case_of(uint32_t cp)
{
	struct vnl_letter l;

	if (vnl_split(cp, &l))
		return l.upper ? 1 : -1;
	if (cp < 0x80)
		return 0;
	if (uc_tolower(cp) != cp)
		return 1;
	if (uc_toupper(cp) != cp)
		return -1;
	return 0;
}

static bool word_char(uint32_t cp)
{
	struct vnl_letter l;

	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || vnl_split(cp, &l);
	return uc_is_general_category_withtable(cp, UC_CATEGORY_MASK_L | UC_CATEGORY_MASK_M |
						UC_CATEGORY_MASK_Nd);
}

static uint32_t set_case(uint32_t cp, bool upper)
{
	struct vnl_letter l;

	if (vnl_split(cp, &l)) {
		l.upper = upper;
		return vnl_join(&l);
	}
	if (cp < 0x80)
		return cp;
	/* Title case, not upper case, for the digraph letters: "ǅ", not "Ǆ". */
	return upper ? uc_totitle(cp) : uc_tolower(cp);
}

/* Title-case s[0..n) into out if it is written all in capitals or all in small letters:
 * a letter after a non-letter (space, hyphen, apostrophe: "H'Mông") becomes a capital. */
static void title_case(struct buf *out, const char *s, size_t n)
{
	int ups = 0, lows = 0;
	size_t i = 0;
	uint32_t cp;
	int len;

	for (i = 0; i < n; i += (size_t)len) {
		if ((len = utf8_decode(s + i, n - i, &cp)) < 0) {
			cp = 0xFFFD;
			len = 1;
		}
		int c = case_of(cp);
		ups += c > 0;
		lows += c < 0;
	}
	if (ups && lows) {
		buf_add(out, s, n);
		return;
	}

	struct vnl_out o;
	bool start = true;
	vnl_out_init(&o, out);
	for (i = 0; i < n; i += (size_t)len) {
		if ((len = utf8_decode(s + i, n - i, &cp)) < 0) {
			cp = 0xFFFD;
			len = 1;
		}
		bool wc = word_char(cp);
		vnl_out_cp(&o, wc ? set_case(cp, start) : cp);
		start = !wc;
	}
	vnl_out_flush(&o);
}

int vn_name_clean(struct buf *out, const char *s, size_t n)
{
	if (utf8_validate(s, n, NULL) < 0)
		return -1;

	/* Sanitize before composing: a control character between a letter and its mark would
	 * otherwise keep them apart.  The sanitized text is parked at the end of out meanwhile. */
	size_t start = out->len;
	struct buf tmp = BUF_INIT;
	vn_sanitize(out, s, n, SAN_ONELINE | SAN_SQUEEZE);
	vn_nfc(&tmp, buf_str(out) + start, out->len - start);
	out->len = start;
	if (out->p)
		out->p[start] = '\0';
	title_case(out, buf_str(&tmp), tmp.len);
	buf_free(&tmp);
	return 0;
}
